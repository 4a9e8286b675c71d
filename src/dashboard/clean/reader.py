"""Typed reads of one tab's columns, recording a problem for every cell that cannot be read.

The tab's rows of every source are read at once (``frame.stacked_frame``): each reading rule
runs once per distinct cell of all of them, so sixty small regional sheets cost about what one
sheet of the same rows costs, not sixty times the fixed cost of the pandas calls.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.clean import cells, names
from dashboard.clean.frame import PLACE_COLUMNS, ROW
from dashboard.clean.problems import ProblemLog
from dashboard.limits import MAX_CELL_CHARS


class TabReader:
    """Reads the columns of one tab's stacked frame; every unreadable cell becomes a problem,
    located at its source, tab and row."""

    def __init__(
        self,
        frame: pd.DataFrame,
        problems: ProblemLog,
        factorized: dict[str, cells.Factorized] | None = None,
    ):
        self.frame = frame
        self.problems = problems
        self.factorized = factorized or {}
        self.drop = pd.Series(False, index=frame.index)

    def _report(self, column: str, mask: pd.Series, kind: str, reason: str) -> None:
        if mask.any():
            where = self.frame.loc[mask, [*PLACE_COLUMNS, ROW]]
            self.problems.add_cells(where, column, self.frame.loc[mask, column], kind, reason)

    def text(self, column: str, required: bool = False) -> pd.Series:
        read = cells.text(self.frame[column], self.factorized.get(column))
        values, errors = read.values, read.errors
        outcome = "row skipped" if required else "left blank"  # as a date's error says
        self._report(
            column, errors, "spreadsheet error", f"the cell shows a formula error; {outcome}"
        )
        self._report(
            column,
            read.unsupported,
            "unsupported characters",
            "held characters no spreadsheet or XML file can hold (control characters, "
            "U+FFFE, U+FFFF or half of a broken emoji), shown here as [U+…]; they were removed",
        )
        long = cells.too_long(values)
        self._report(
            column,
            long,
            "cell too long",
            f"longer than {MAX_CELL_CHARS:,} characters (Google Sheets' own cell limit); "
            f"only the first {MAX_CELL_CHARS:,} are read",
        )
        values = cells.cut(values, long)
        if required:
            self._require(column, values.isna() & ~errors, errors)
        return values

    def name(self, column: str, required: bool = False) -> pd.Series:
        """Text shown as a name: inner runs of whitespace collapsed."""
        return names.displays(self.text(column, required))

    def _require(self, column: str, blank: pd.Series, unreadable: pd.Series) -> None:
        fresh = blank & ~self.drop
        self._report(column, fresh, "missing value", f"'{column}' is required; row skipped")
        self.drop |= blank | unreadable

    def date(self, column: str, required: bool = False) -> pd.Series:
        """Dates, each source's by its own ``day_first`` (the rows of sources that read days
        first are read apart, with their own formats)."""
        day_first = self.frame["_day_first"].to_numpy(dtype=bool)
        if day_first.all() or not day_first.any():
            return self._dates(column, bool(day_first.any()), required, slice(None))
        values = pd.Series(pd.NaT, index=self.frame.index, dtype="datetime64[ns]")
        for flag in (False, True):
            rows = day_first == flag
            values[rows] = self._dates(column, flag, required, rows).to_numpy()
        return values

    def _dates(
        self, column: str, day_first: bool, required: bool, rows: slice | np.ndarray
    ) -> pd.Series:
        raw = self.frame[column][rows]
        whole = isinstance(rows, slice)
        values, unread = cells.dates(raw, day_first, self.factorized.get(column) if whole else None)
        formats = "YYYY-MM-DD, D/M/YYYY, D.M.YYYY" if day_first else "YYYY-MM-DD, M/D/YYYY"
        outcome = "row skipped" if required else "left blank"
        outside = cells.dates_out_of_range(raw, unread)
        errors = cells.sheet_errors(raw, unread)
        every = self.frame.index
        shows = f"the cell shows a formula error; {outcome}"
        self._report(column, errors.reindex(every, fill_value=False), "spreadsheet error", shows)
        self._report(
            column,
            (unread & ~outside & ~errors).reindex(every, fill_value=False),
            "unreadable date",
            f"not a date ({formats} or a date cell); {outcome}",
        )
        first, last = cells.FIRST_DATE.date(), cells.LAST_DATE.date()
        self._report(
            column,
            outside.reindex(every, fill_value=False),
            "unreadable date",
            f"a date outside {first} … {last}, taken for a typing slip or a placeholder "
            f"(9999-12-31 often stands for 'no date'); {outcome}",
        )
        if required:
            blank = (values.isna() & ~unread).reindex(every, fill_value=False)
            self._require(column, blank, unread.reindex(every, fill_value=False))
        return values

    def choice(
        self,
        column: str,
        synonyms: dict[str, str],
        what: str,
        blank: str | None = None,
        unknown: str | None = None,
    ) -> pd.Series:
        """A value from a fixed list (with synonyms); blank → ``blank``; anything else →
        ``unknown`` and a problem."""
        values = self.text(column)
        mapped = names.per_unique(values, lambda text: synonyms.get(names.squeeze(text)))
        not_listed = values.notna() & mapped.isna()
        allowed = ", ".join(sorted(set(synonyms.values())))
        fallback = f"read as '{unknown}'" if unknown else "left blank"
        self._report(
            column, not_listed, f"unknown {what}", f"expected one of {allowed}; {fallback}"
        )
        if unknown is not None:
            mapped = mapped.mask(not_listed, unknown)
        if blank is not None:
            mapped = mapped.mask(values.isna(), blank)
        return mapped

    def email(self, column: str) -> pd.Series:
        values, invalid = cells.emails(self.text(column))
        self._report(column, invalid, "invalid email", "not an email address; left blank")
        return values

    def kept(self, table: pd.DataFrame) -> pd.DataFrame:
        """``table`` without the rows a required value was missing from."""
        return table[~self.drop.to_numpy()].reset_index(drop=True)
