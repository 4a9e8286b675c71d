"""Problems: every cell or row the loader could not read, located as the sheet shows it.

A problem is never an exception: the load goes on and the problem is listed on the Data health
page and by ``check``, so whoever keeps the sheet can fix it at the source.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import numpy as np
import pandas as pd

from dashboard.clean.cells import visible  # the one character rule: problems show it safely
from dashboard.limits import MAX_PROBLEM_VALUE_CHARS
from dashboard.schema import TABS

PROBLEM_COLUMNS = ["source", "tab", "row", "column", "value", "kind", "reason"]
LOCATION = ("source", "tab", "row")  # a merged table's columns that say where a record is


def empty_problems() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source": pd.Series(dtype="string"),
            "tab": pd.Series(dtype="string"),
            "row": pd.Series(dtype="Int64"),
            "column": pd.Series(dtype="string"),
            "value": pd.Series(dtype="string"),
            "kind": pd.Series(dtype="string"),
            "reason": pd.Series(dtype="string"),
        }
    )


AFTER_READING = sys.maxsize  # where problems not placed by source and tab go: after the rest


class ProblemLog:
    """The one collector of problems, from reading a source to merging them all.

    Problems found while the sources are read together (each tab of every source stacked and
    read at once: ``add_cells``, ``add``) are placed by source number and tab position, and given
    back in the order reading each source on its own finds them: by source, by its tab's place
    in the workbook (``position``), then as found. Problems found after (a source that could not
    be read, a duplicate across the merged tables: ``add_rows``, ``add_frame``) follow, in the
    order they were added."""

    def __init__(self, labels: Sequence[str] = ()) -> None:
        self.labels = np.asarray(list(labels), dtype=object)  # source number → its label
        self._parts: list[pd.DataFrame] = []

    def _keep(self, part: pd.DataFrame) -> None:
        part["_seq"] = len(self._parts)
        self._parts.append(part)

    def add_cells(
        self,
        where: pd.DataFrame,
        column: str,
        values: pd.Series,
        kind: str,
        reason: str | pd.Series,
    ) -> None:
        """One problem per row of ``where`` (its ``_source`` number, ``_position``, ``tab``
        title and ``row``), with the values aligned to it."""
        if len(where) == 0:
            return
        sources = where["_source"].to_numpy()
        part = pd.DataFrame(
            {
                "_source": sources,
                "_position": where["_position"].to_numpy(),
                "source": self.labels[sources],
                "tab": where["tab"].to_numpy(),
                "row": where["row"].to_numpy(),
                "value": _as_text(values).to_numpy(),
            }
        )
        part["column"] = column
        part["kind"] = kind
        part["reason"] = reason if isinstance(reason, str) else reason.to_numpy()
        self._keep(part)

    def add(
        self,
        source: int,
        position: int,
        tab: str,
        row: int | None,
        column: str,
        value: object,
        kind: str,
        reason: str,
    ) -> None:
        """Record a single problem (a missing tab or column, a repeated column, a source that
        cannot be read)."""
        where = pd.DataFrame(
            {
                "_source": [source],
                "_position": [position],
                "tab": [tab],
                "row": pd.array([row], dtype="Int64"),
            }
        )
        self.add_cells(where, column, pd.Series([value], dtype=object), kind, reason)

    def add_rows(
        self,
        table: pd.DataFrame,
        mask: pd.Series,
        column: str,
        values: pd.Series,
        kind: str,
        reason: str,
    ) -> None:
        """One problem per masked record of a merged table (its ``source`` label, ``tab`` and
        ``row``), with its value of ``values``."""
        hit = table.loc[mask.to_numpy(), list(LOCATION)]
        part = pd.DataFrame(
            {
                "source": hit["source"].to_numpy(),
                "tab": hit["tab"].to_numpy(),
                "row": hit["row"].to_numpy(),
                "column": column,
                "value": values[mask.to_numpy()].to_numpy(),
                "kind": kind,
                "reason": reason,
            }
        )
        self.add_frame(part)

    def add_frame(self, problems: pd.DataFrame) -> None:
        """Problems already found (``PROBLEM_COLUMNS``), after those placed by source and tab."""
        if problems.empty:
            return
        self._keep(problems.assign(_source=AFTER_READING, _position=0))

    def frame(self) -> pd.DataFrame:
        if not self._parts:
            return empty_problems()
        frame = pd.concat(self._parts, ignore_index=True)
        frame = frame.sort_values(["_source", "_position", "_seq"], kind="stable")
        return normalise_problems(frame)


def normalise_problems(frame: pd.DataFrame) -> pd.DataFrame:
    """Give a problems frame the standard columns and dtypes, in the standard order, each value
    cut to ``MAX_PROBLEM_VALUE_CHARS`` (every problem passes here, whoever found it)."""
    out = frame.reindex(columns=PROBLEM_COLUMNS)
    for column in PROBLEM_COLUMNS:
        dtype = "Int64" if column == "row" else "string"
        out[column] = out[column].astype(dtype)
    out["value"] = shortened(out["value"])
    return out.reset_index(drop=True)


def shortened(text: pd.Series) -> pd.Series:
    """Text cut to ``MAX_PROBLEM_VALUE_CHARS``, the cut marked "…" (a 1 MB cell must not flood a
    page or the ``check`` listing)."""
    too_long = text.str.len().gt(MAX_PROBLEM_VALUE_CHARS).fillna(False).astype(bool)
    if not too_long.any():
        return text
    return text.mask(too_long, text.str.slice(0, MAX_PROBLEM_VALUE_CHARS - 1) + "…")


def _as_text(values: pd.Series) -> pd.Series:
    """Problem values as text. ``shortened`` makes the cut; a 300 MB cell is sliced here first,
    so it is never copied whole into a text column."""
    keep = MAX_PROBLEM_VALUE_CHARS + 1
    text = values.map(lambda v: visible(str(v)[:keep]), na_action="ignore").astype("string")
    return text.fillna("")  # a blank cell (None, NaN or NA, as the reader gave it) shows as blank


_TAB_ORDER = {tab.name.casefold(): i for i, tab in enumerate(TABS)}


def sorted_problems(problems: pd.DataFrame) -> pd.DataFrame:
    """Problems in sheet order: source, tab (workbook order), row."""
    order = problems["tab"].str.casefold().map(_TAB_ORDER).fillna(-1)
    return (
        problems.assign(_order=order.to_numpy())
        .sort_values(["source", "_order", "row"], na_position="first", kind="stable")
        .drop(columns="_order")
    )
