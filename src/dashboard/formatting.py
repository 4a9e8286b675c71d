"""How a figure is written for people: one rounding and one wording everywhere — the pages'
tiles and tables, the command line's text and the report files (PDF, HTML, CSV and XLSX).

A share such as follow-through is a whole percent ("76%") wherever it is shown, and a change of a
share is in whole points of what is shown ("+2 pts": 74% → 76%), so a table, a tile and the
command line never print the same figure three ways. Column names of the metric frames
(``commitments_made``) become words (``commitments made``). This module knows no figure, page or
file: the bottom layer, so every layer may use it.

Which figures are shares is said once (``SHARES``), so a key is a percent in every place or in
none. Rounding is half up, as people round (5 of 8 is 63%, not Python's half-to-even 62%), on
the decimal as written (0.285 → 29%, though the float is 0.28499…).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

PERCENT_PRINTF = "%d%%"  # Streamlit's column format for the whole percents of ``percent_number``
PERCENT_XLSX = "0%"  # a spreadsheet's number format for a share kept as a number 0…1
COUNT_XLSX = "#,##0"
COUNT_CHANGE_XLSX = '+#,##0;-#,##0;"no change"'  # the text of ``change`` for a count
NO_CHANGE = "no change"
NOTHING_TO_COMPARE = "nothing to compare"
UNKNOWN = "–"  # a figure that cannot be computed (no commitment due yet, fewer than 3 people)

# the figures (``summary --json`` keys, report figures, series columns) that are shares 0…1:
# written as whole percents, and their changes in points
SHARES = frozenset(
    {
        "follow_through",
        "learning_share",
        "top10_share",
        "network_density",
        "cross_org_share",
        "cross_collab_share",
        "core_share",
        "two_step_reach",
    }
)
# figures 0…1 that are not shares but indices (0 for everyone alike, 1 for a star): two decimals
INDICES = frozenset({"degree_centralization"})

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
    "two_step_reach": "two-step reach",
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


# the headline figures (``summary --json`` keys) in words, for ``summary``'s text: what each counts
FIGURE_NAMES: Mapping[str, str] = {
    "projects_active": "active projects",
    "people": "people taking part",
    "organizations": "organizations taking part",
    "wins": "small wins",
    "wins_last_30": "small wins, last 30 days",
    "wins_prev_30": "small wins, the 30 days before",
    "commitments_made": "commitments made",
    "commitments_due": "commitments due",
    "follow_through": "commitments kept (share of those due)",
    "overdue": "overdue commitments",
    "active_last_30": "people active, last 30 days",
    "new_last_30": "new people, last 30 days",
    "top10_share": "commitments held by the busiest 10% of people",
    "stalled_projects": "stalled projects (nothing for 60 days)",
    "network_nodes": "people in the network",
    "network_edges": "working relationships",
    "network_density": "relationships among all possible pairs",
    "cross_org_share": "relationships across organizations",
    "cross_collab_share": "relationships across collaborations",
    "components": "separate groups in the network",
    "adjacent_possible": "possible introductions (a colleague in common)",
    "new_edges_last_30": "new working relationships, last 30 days",
    "degree_centralization": "leadership concentration (0 = spread evenly, 1 = one hub)",
    "org_edges": "organization pairs linked",
    "triangles_closed_last_30": "introductions made, last 30 days",
    "learning_share": "commitments reported back with a result written",
    "brokers": "brokers (whose leaving would split the network)",
    "core_share": "people in the network's core",
    "two_step_reach": "others a person reaches through one introduction (average)",
    "weavers_last_30": "people who made an introduction, last 30 days",
    "network_stage": "the network's stage",
}

# How the network's stage (``network_stage``, a code in ``summary --json``) is said in words.
STAGE_WORDS: Mapping[str, str] = {
    "fragments": "scattered fragments",
    "hub": "a single hub",
    "multi_hub": "several hubs",
    "core_periphery": "a core with a periphery",
}
# figures that are words, not numbers: each code as a reader says it
WORDED: Mapping[str, Mapping[str, str]] = {"network_stage": STAGE_WORDS}


def figure_name(key: str) -> str:
    """A headline figure's key in words (``org_edges`` → ``organization pairs linked``)."""
    return FIGURE_NAMES.get(key, HEADERS.get(key, key.replace("_", " ")))


def header(name: object) -> str:
    """A column name as words, capitalised like a heading: ``days_late`` → ``Days late``."""
    text = str(name)
    words = HEADERS.get(text, text.replace("_", " "))
    return words[:1].upper() + words[1:]


def headers(names: Iterable[object]) -> dict[str, str]:
    """``{name: words}`` for ``DataFrame.rename(columns=…)``."""
    return {str(name): header(name) for name in names}


def known(value: object) -> bool:
    """Not None, NaN, pandas' NA or NaT: a figure that can be written."""
    if value is None:
        return False
    try:
        # known() was checked: a number, typed ``object`` as cells and JSON hand figures over
        return not math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value) not in ("<NA>", "NaT", "nan", "")


def whole(value: float) -> int:
    """A number to the nearest whole one, halves away from zero as people round (2.5 → 3,
    -2.5 → -3), from the decimal as written (``repr``), never the float's binary tail."""
    return int(Decimal(repr(float(value))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def percent_number(share: object) -> int | None:
    """A share 0…1 as the whole percent shown (halves round up: 0.785 → 79, 0.625 → 63,
    0.005 → 1); None when it is not known."""
    if not known(share):
        return None
    # known() was checked: a number, typed ``object`` as cells and JSON hand figures over
    return whole(float(Decimal(repr(float(share))) * 100))  # type: ignore[arg-type]


def percent(share: object) -> str:
    """A share 0…1 as text: ``76%`` (``–`` when it cannot be computed)."""
    number = percent_number(share)
    return UNKNOWN if number is None else f"{number}%"


def percent_column(shares: pd.Series) -> pd.Series:
    """A column of shares as the whole percents shown (``PERCENT_PRINTF``), blank where none."""
    return shares.map(percent_number, na_action="ignore").astype("Int64")


def count(value: object) -> str:
    """A count as text: ``1,234``, ``195`` for ``195.0`` (``–`` when there is none)."""
    if not known(value):
        return UNKNOWN
    # known() was checked: a number, typed ``object`` as cells and JSON hand figures over
    return f"{whole(float(value)):,d}"  # type: ignore[arg-type]


def index(value: object) -> str:
    """An index 0…1 that is not a share (degree centralization): ``0.31``."""
    if not known(value):
        return UNKNOWN
    # known() was checked: a number, typed ``object`` as cells and JSON hand figures over
    return f"{Decimal(repr(float(value))).quantize(Decimal('0.01'), ROUND_HALF_UP)}"  # type: ignore[arg-type]


def figure(key: str, value: object) -> str:
    """A figure by its key: a share as a percent, an index with two decimals, a stage in
    words, else a count."""
    if key in WORDED:
        return WORDED[key].get(str(value), UNKNOWN) if known(value) else UNKNOWN
    if key in SHARES:
        return percent(value)
    if key in INDICES:
        return index(value)
    return count(value)


def points(now: object, before: object) -> int | None:
    """The change of a share in whole points of the percents shown (80% against 73%: 7);
    None when either is unknown. What an XLSX cell holds, formatted by ``points_xlsx``."""
    shown, was = percent_number(now), percent_number(before)
    return None if shown is None or was is None else shown - was


def points_xlsx(value: int) -> str:
    """The number format that shows ``value`` points as ``change`` writes them: ``+7 pts``,
    ``-1 pt``, ``no change`` (the unit agrees with the number, so one format per cell)."""
    unit = "pt" if abs(value) == 1 else "pts"
    return f'+0" {unit}";-0" {unit}";"{NO_CHANGE}"'


def figure_change(key: str, now: object, before: object) -> str:
    """The change of the figure ``key`` as shown beside it (``change``), ``–`` when unknown."""
    return change(now, before, share=key in SHARES) or UNKNOWN


def change(now: object, before: object, share: bool = False) -> str | None:
    """The change from ``before`` to ``now`` as shown beside a figure: ``+3``, ``-2 pts`` (a
    share, in whole points of the percents shown), ``no change``; None when either is unknown."""
    if not (known(now) and known(before)):
        return None
    if share:
        moved = points(now, before) or 0
        if moved == 0:
            return NO_CHANGE
        return f"{moved:+d} pt{'s' * (abs(moved) != 1)}"
    # known() was checked: a number, typed ``object`` as cells and JSON hand figures over
    difference = whole(float(now) - float(before))  # type: ignore[arg-type]
    if difference == 0:
        return NO_CHANGE
    return f"{difference:+,d}"


def spreadsheet_safe(text: str) -> str:
    """A change as a CSV cell no spreadsheet takes for a formula: no leading ``+``, and a
    typographic minus (``7 pts``, ``−2 pts``, ``−1,231``); the words are ``change``'s."""
    return text.removeprefix("+").replace("-", "\u2212")


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


def plural(count: int, word: str, words: str | None = None) -> str:
    """'1 problem', '13 problems', '1,204 problems': a count with its noun agreeing."""
    return f"{count:,} {word if count == 1 else (words or word + 's')}"
