"""Which period a digest covers: a week (Monday to Sunday) or a calendar month.

A run sends the **last complete period before** a day (``--until``, default today): the day
itself is not over, so on a Monday the week that ended on Sunday is due, and on a Sunday the week
before it. The Digests page shows that one and the period holding the day, so far.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from dashboard.formatting import day as written

Every = Literal["week", "month"]
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Period:
    """From ``start`` to ``end``, both included. ``partial``: cut at a day before its end."""

    every: Every
    start: dt.date
    end: dt.date
    partial: bool = False

    @property
    def label(self) -> str:
        """``week of 19 October 2026`` or ``October 2026`` (the subject's words)."""
        name = f"week of {written(self.start)}" if self.every == "week" else f"{self.start:%B %Y}"
        return f"{name} (so far, to {written(self.end)})" if self.partial else name

    @property
    def key(self) -> str:
        """How the sent-log names it: ``2026-10-19/2026-10-25``."""
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


def _first_day(every: Every, day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday()) if every == "week" else day.replace(day=1)


def _last_day(every: Every, start: dt.date) -> dt.date:
    if every == "week":
        return start + dt.timedelta(days=6)
    following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - ONE_DAY


def containing(every: Every, day: dt.date) -> Period:
    """The period holding ``day``, whole."""
    start = _first_day(every, day)
    return Period(every, start, _last_day(every, start))


def last_complete(every: Every, until: dt.date) -> Period:
    """The last whole period that ended before ``until``."""
    return containing(every, _first_day(every, until) - ONE_DAY)


def so_far(every: Every, day: dt.date) -> Period:
    """The period holding ``day``, up to ``day`` (partial unless ``day`` is its last)."""
    whole = containing(every, day)
    return Period(every, whole.start, day, partial=day < whole.end)
