"""The default day the figures are as of, the default period, and whether a period has a previous
one to compare with — one rule for the app and the command line.

**As of**: today, unless nothing has been recorded in the ``QUIET_DAYS`` before today — a copy of
the demo, an old export, a sheet nobody uses any more — when it is the last recorded activity
(docs/METRICS.md, "Activity": a commitment made or completed, a win, a meeting). Within one 30/30
cycle a quiet spell is itself news (wins in the last 30 days fall, commitments come due), so the
figures stay as of today; past a whole cycle with nothing recorded, figures as of today would all
read 0 and say nothing. Whoever shows the day says why when it is not today (``AsOf.note``).

**Period**: the ``PERIOD_MONTHS`` months to the as-of day, so that "the previous period of the
same length" (the impact report) is a year the records usually cover too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.dataset import Dataset
from dashboard.formatting import day as written

QUIET_DAYS = 30  # one 30/30 cycle with nothing recorded: the data has ended, not paused
PERIOD_MONTHS = 12


def _activities(dataset: Dataset) -> list[tuple[pd.Series, pd.Series]]:
    """Each kind of activity (docs/METRICS.md, "Activity": a commitment made or completed, a
    win, a meeting) as its dates and their collaborations."""
    c, wins, meetings = dataset.commitments, dataset.wins, dataset.meetings
    done = c["status"] == "done"
    return [
        (c["made"], c["collaboration"]),
        (c.loc[done, "done"], c.loc[done, "collaboration"]),
        (wins["date"], wins["collaboration"]),
        (meetings["date"], meetings["collaboration"]),
    ]


def _activity_dates(dataset: Dataset) -> pd.Series:
    parts = [dates.astype("datetime64[ns]") for dates, _ in _activities(dataset)]
    return pd.concat(parts, ignore_index=True).dropna()


def recorded_span(dataset: Dataset, today: dt.date | None = None) -> tuple[dt.date, dt.date] | None:
    """The first and last recorded activity on or before ``today`` (None when there is none)."""
    limit = pd.Timestamp(today or dt.date.today())
    dates = _activity_dates(dataset)
    dates = dates[dates <= limit]
    if dates.empty:
        return None
    return dates.min().date(), dates.max().date()


@dataclass(frozen=True)
class AsOf:
    """The default as-of ``day``, and why: ``today``, or the last recorded activity."""

    day: dt.date
    today: dt.date

    @property
    def is_today(self) -> bool:
        return self.day == self.today

    def note(self) -> str | None:
        """Why the figures are not as of today, in a sentence (None when they are)."""
        if self.is_today:
            return None
        return (
            f"Figures are as of {written(self.day)}, the last recorded activity: nothing has "
            f"been recorded in the {QUIET_DAYS} days before today ({written(self.today)})."
        )


def default_as_of(dataset: Dataset, today: dt.date | None = None) -> AsOf:
    """The day figures are as of when nobody chose one (the app's period end, ``summary``
    without ``--as-of``)."""
    now = today or dt.date.today()
    span = recorded_span(dataset, now)
    if span is not None and (now - span[1]).days > QUIET_DAYS:
        return AsOf(span[1], now)
    return AsOf(now, now)


def default_period(as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The ``PERIOD_MONTHS`` months to ``as_of``, both ends included: 1 Nov 2025 – 31 Oct 2026."""
    start = (
        pd.Timestamp(as_of) - pd.DateOffset(months=PERIOD_MONTHS) + pd.Timedelta(days=1)
    ).date()
    return start, as_of


def previous_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The period of the same length just before ``start``…``end``."""
    length = (end - start).days + 1
    return start - dt.timedelta(days=length), start - dt.timedelta(days=1)


@dataclass(frozen=True)
class Comparison:
    """Whether the records reach into the period before ``start``…``end``: ``full`` (they begin
    on or before its first day), ``partial`` (they begin inside it: its figures cover only part
    of it) or ``none`` (they begin after it: there is nothing to compare with)."""

    previous: tuple[dt.date, dt.date]
    first_record: dt.date | None
    state: str

    @property
    def comparable(self) -> bool:
        return self.state != "none"

    def note(self) -> str | None:
        """What a reader of the changes must know, in a sentence (None for a full comparison)."""
        first, (before_start, before_end) = self.first_record, self.previous
        span = f"{written(before_start)} – {written(before_end)}"
        if self.state == "none":
            when = f"begin on {written(first)}" if first else "hold no activity"
            return (
                f"Nothing to compare with: the records {when}, after the previous period of "
                f"the same length ({span}). Changes are not shown."
            )
        if self.state == "partial":
            return (
                f"The records begin on {written(first)}, inside the previous period ({span}): "
                "its figures cover only part of it."
            )
        return None


def comparison(dataset: Dataset, start: dt.date, end: dt.date) -> Comparison:
    """How the period before ``start``…``end`` is covered by ``dataset``'s records."""
    span = recorded_span(dataset, end)
    return _covered(previous_period(start, end), span[0] if span else None)


def comparisons(
    dataset: Dataset, start: dt.date, end: dt.date, collaborations: Sequence[str]
) -> list[Comparison]:
    """``comparison`` of each collaboration's records (those whose ``collaboration`` is its
    name), from one pass over the activity dates grouped by collaboration: splitting the
    records by collaboration to take each one's span took 0.6 s of the report of 60."""
    dated = pd.concat(
        [
            pd.DataFrame(
                {"date": d.astype("datetime64[ns]").to_numpy(), "by": by.astype(object).to_numpy()}
            )
            for d, by in _activities(dataset)
        ],
        ignore_index=True,
    )
    dated = dated[dated["date"].notna() & (dated["date"] <= pd.Timestamp(end))]
    firsts = dated.groupby("by")["date"].min().reindex(pd.Index(list(collaborations), dtype=object))
    before = previous_period(start, end)
    return [_covered(before, None if pd.isna(first) else first.date()) for first in firsts.tolist()]


def _covered(before: tuple[dt.date, dt.date], first: dt.date | None) -> Comparison:
    """The comparison with the period ``before`` of records beginning on ``first``."""
    if first is None or first > before[1]:
        state = "none"
    elif first > before[0]:
        state = "partial"
    else:
        state = "full"
    return Comparison(before, first, state)
