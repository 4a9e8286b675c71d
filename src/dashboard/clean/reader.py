"""Typed reads of one tab's columns, recording a problem for every cell that cannot be read."""

from __future__ import annotations

import pandas as pd

from dashboard.clean import cells, names
from dashboard.clean.frame import ROW
from dashboard.clean.problems import Problems
from dashboard.limits import MAX_CELL_CHARS


class TabReader:
    """Reads the columns of one tab's frame; every unreadable cell becomes a problem."""

    def __init__(self, frame: pd.DataFrame, title: str, problems: Problems, day_first: bool):
        self.frame = frame
        self.title = title
        self.problems = problems
        self.day_first = day_first
        self.drop = pd.Series(False, index=frame.index)

    def _report(self, column: str, mask: pd.Series, kind: str, reason: str) -> None:
        if mask.any():
            self.problems.add_cells(
                self.title, self.frame.loc[mask, ROW], column, self.frame.loc[mask, column], kind,
                reason,
            )  # fmt: skip

    def text(self, column: str, required: bool = False) -> pd.Series:
        values, errors = cells.text(self.frame[column])
        self._report(column, errors, "spreadsheet error", "the cell shows a formula error")
        long = cells.too_long(values)
        self._report(
            column, long, "cell too long",
            f"longer than {MAX_CELL_CHARS:,} characters (Google Sheets' own cell limit); "
            f"only the first {MAX_CELL_CHARS:,} are read",
        )  # fmt: skip
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
        values, unread = cells.dates(self.frame[column], self.day_first)
        formats = "YYYY-MM-DD, D/M/YYYY, D.M.YYYY" if self.day_first else "YYYY-MM-DD, M/D/YYYY"
        outcome = "row skipped" if required else "left blank"
        outside = cells.dates_out_of_range(self.frame[column], unread)
        errors = cells.sheet_errors(self.frame[column], unread)
        shows = f"the cell shows a formula error; {outcome}"
        self._report(column, errors, "spreadsheet error", shows)
        self._report(
            column, unread & ~outside & ~errors, "unreadable date",
            f"not a date ({formats} or a date cell); {outcome}",
        )  # fmt: skip
        first, last = cells.FIRST_DATE.date(), cells.LAST_DATE.date()
        self._report(
            column, outside, "unreadable date",
            f"a date outside {first} … {last}, taken for a typing slip or a placeholder "
            f"(9999-12-31 often stands for 'no date'); {outcome}",
        )  # fmt: skip
        if required:
            self._require(column, values.isna() & ~unread, unread)
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
