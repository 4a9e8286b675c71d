"""How a figure is written for people: one rounding and one wording everywhere — the pages'
tiles and tables, the command line's text and the report files.

A share such as follow-through is a whole percent ("76%") wherever it is shown, and a change of a
share is in whole points of what is shown ("+2 pts": 74% → 76%), so a table, a tile and the
command line never print the same figure three ways. Column names of the metric frames
(``commitments_made``) become words (``commitments made``). This module knows no figure, page or
file: the bottom layer, so every layer may use it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping

import pandas as pd

PERCENT_PRINTF = "%d%%"  # Streamlit's column format for the whole percents of ``percent_number``
NO_CHANGE = "no change"
NOTHING_TO_COMPARE = "nothing to compare"
UNKNOWN = "–"  # a figure that cannot be computed (no commitment due yet, fewer than 3 people)

# column names of the metric frames, as a reader says them; any other ``a_b`` reads ``a b``
HEADERS: Mapping[str, str] = {
    "last_touch": "last activity",
    "open_commitments": "open commitments",
    "overdue_commitments": "overdue commitments",
    "days_late": "days late",
    "days_quiet": "days quiet",
    "commitments_made": "commitments made",
    "commitments_done": "commitments kept",
    "commitments_missed": "commitments missed",
    "commitments_due": "commitments due",
    "follow_through": "follow-through",
    "first_activity": "first activity",
    "last_activity": "last activity",
    "cross_org": "across organizations",
    "cross_sector": "across sectors",
    "cross_collab": "across collaborations",
    "collaborations_reached": "collaborations bridged",
    "links_to_organizations": "organizations linked",
    "wins_last_30": "wins, last 30 days",
    "active_last_30": "active, last 30 days",
    "top10_share": "share held by the busiest 10 %",
    "people_active": "people taking part",
    "new_people": "new people",
    "new_links": "new links",
    "a_name": "person",
    "b_name": "could meet",
    "a_org": "organization",
    "b_org": "their organization",
}


def header(name: object) -> str:
    """A column name as words, capitalised like a heading: ``days_late`` → ``Days late``."""
    text = str(name)
    words = HEADERS.get(text, text.replace("_", " "))
    return words[:1].upper() + words[1:]


def headers(names: Iterable[object]) -> dict[str, str]:
    """``{name: words}`` for ``DataFrame.rename(columns=…)``."""
    return {str(name): header(name) for name in names}


def percent_number(share: float | None) -> int | None:
    """A share 0…1 as the whole percent shown (halves round up, as people round: 0.785 → 79)."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return None
    return math.floor(float(share) * 100 + 0.5 + 1e-9)


def percent(share: float | None) -> str:
    """A share 0…1 as text: ``76%`` (``–`` when it cannot be computed)."""
    number = percent_number(share)
    return UNKNOWN if number is None else f"{number}%"


def percent_column(shares: pd.Series) -> pd.Series:
    """A column of shares as the whole percents shown (``PERCENT_PRINTF``), blank where none."""
    return shares.map(percent_number, na_action="ignore").astype("Int64")


def count(value: float | int | None) -> str:
    """A count as text: ``1,234`` (``–`` when there is none)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return UNKNOWN
    return f"{value:,.0f}"


def change(now: float | None, before: float | None, share: bool = False) -> str | None:
    """The change from ``before`` to ``now`` as shown beside a figure: ``+3``, ``-2 pts`` (a
    share, in whole points of the percents shown), ``no change``; None when either is unknown."""
    if now is None or before is None:
        return None
    if share:
        # a share compared is known (not NaN): its percent_number is a number, not None
        points = percent_number(now) - percent_number(before)  # type: ignore[operator]
        if points == 0:
            return NO_CHANGE
        return f"{points:+d} pt{'s' * (abs(points) != 1)}"
    difference = float(now) - float(before)
    if round(difference) == 0:
        return NO_CHANGE
    return f"{difference:+,.0f}"


def day(value: dt.date | pd.Timestamp) -> str:
    """A day as people write it: ``5 November 2024``."""
    return f"{value.day} {value:%B %Y}"


def blank_unknown(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns with their missing values blank (a table shows ``None`` otherwise)."""
    text = [
        c
        for c in frame.columns
        if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c])
    ]
    return frame.assign(
        **{str(c): frame[c].astype(object).where(frame[c].notna(), "") for c in text}
    )
