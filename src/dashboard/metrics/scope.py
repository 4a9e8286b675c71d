"""What a figure looks at: the records dated on or before ``as_of``, of some collaborations.

docs/METRICS.md: "Anything dated after D is ignored, as if the world stopped at D." Every metric
starts from a ``Scope`` so that rule lives in one place.

A scope may hold several *groups* side by side — ``summary``'s ``by_collaboration`` is one
scope per collaboration, computed in one pass — each record carrying its group's number
(``Scope.group``). A scope of one collaboration, or of them all, is one group: number 0.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.dataset import Dataset

ALL = ("all",)  # the groups of a scope that is not split
RECORD_TABLES = ("commitments", "wins", "win_people", "meetings", "meeting_people", "projects")


def day(value: dt.date | str | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(value).normalize()


@dataclass(frozen=True)
class Scope:
    """The records a figure may see, all dated ≤ ``as_of``; people and projects for lookups."""

    as_of: pd.Timestamp
    people: pd.DataFrame  # every known person (for organization, sector, home collaboration)
    projects: pd.DataFrame
    commitments: pd.DataFrame  # made ≤ D (a done date after D is kept: it means "not yet done")
    wins: pd.DataFrame  # date ≤ D
    win_people: pd.DataFrame  # person named on a win in ``wins``, with its ``date``
    meetings: pd.DataFrame
    meeting_people: pd.DataFrame  # person at a meeting in ``meetings``, with its ``date``
    groups: tuple[str, ...] = ALL
    codes: Mapping[str, np.ndarray] = field(default_factory=dict)  # per table; absent: all 0

    def group(self, table: str) -> np.ndarray:
        """The group number of every row of ``table`` (one of ``RECORD_TABLES``)."""
        found = self.codes.get(table)
        if found is not None:
            return found
        return np.zeros(len(getattr(self, table)), dtype=np.int64)


def scope(
    dataset: Dataset, as_of: dt.date | str | pd.Timestamp, collaboration: str | None = None
) -> Scope:
    """The records of ``dataset`` (of one collaboration, when named) dated ≤ ``as_of``."""
    return grouped(dataset, as_of, None if collaboration is None else [collaboration])


def grouped(
    dataset: Dataset, as_of: dt.date | str | pd.Timestamp, names: Sequence[str] | None
) -> Scope:
    """The records dated ≤ ``as_of`` of each collaboration of ``names``, side by side (group
    ``i`` is ``names[i]``); ``None``: every record, as one group."""
    d = day(as_of)
    tables = {
        "commitments": dataset.commitments[dataset.commitments["made"] <= d],
        "wins": dataset.wins[dataset.wins["date"] <= d],
        "meetings": dataset.meetings[dataset.meetings["date"] <= d],
        "projects": dataset.projects,
    }
    codes: dict[str, np.ndarray] = {}
    if names is not None:
        for name, table in tables.items():
            code = _codes(table["collaboration"], names)
            tables[name], codes[name] = table[code >= 0], code[code >= 0]
    for links, records, key in (
        ("win_people", "wins", "win_id"),
        ("meeting_people", "meetings", "meeting_id"),
    ):
        source = getattr(dataset, links)
        tables[links], link_codes = _named(source, tables[records], key, codes.get(records))
        if link_codes is not None:
            codes[links] = link_codes
    return Scope(
        as_of=d,
        people=dataset.people,
        groups=ALL if names is None else tuple(names),
        codes=codes,
        **tables,
    )


def _codes(values: pd.Series, names: Sequence[str]) -> np.ndarray:
    """Each value's position among ``names``; −1 where it is none of them."""
    return pd.Index(list(names)).get_indexer(values.astype(object)).astype(np.int64)


def _named(
    links: pd.DataFrame, records: pd.DataFrame, key: str, codes: np.ndarray | None
) -> tuple[pd.DataFrame, np.ndarray | None]:
    """The links of ``records`` (as an inner join would keep them: in the links' order), with
    their record's date, and their record's group."""
    at = pd.Index(records[key].to_numpy()).get_indexer(links[key].to_numpy())
    kept = at >= 0
    out = links[kept].reset_index(drop=True)
    out["date"] = records["date"].to_numpy()[at[kept]]
    return out, None if codes is None else codes[at[kept]]


def rate(numerator: float, denominator: float) -> float | None:
    """A fraction rounded to 4 decimals; ``None`` where the denominator is 0 (docs/METRICS.md)."""
    if not denominator:
        return None
    return round(float(numerator) / float(denominator), 4)


def rates(numerators: np.ndarray, denominators: np.ndarray) -> list[float | None]:
    """``rate`` of each pair (one per group)."""
    return [rate(n, d) for n, d in zip(numerators.tolist(), denominators.tolist(), strict=True)]


def window(d: pd.Timestamp, days: int, offset: int = 0) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Whole days, both ends included: ``window(D, 30)`` = D−29 … D; offset 30 gives prev_30."""
    end = d - pd.Timedelta(days=offset)
    return end - pd.Timedelta(days=days - 1), end
