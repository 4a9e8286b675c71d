"""The method's story of a period in plain words, for the impact report: where the network
stands and how it moved (from several hubs to a core with a periphery…), is leadership more
shared, did introductions happen and who wove them, are more organizations linked, is the team
writing down what it learns — from the figures of docs/METRICS.md ("Network shape, introductions,
learning" and "Where the network stands").

Counts and shares only, unless the report may name people (``show_names``): then the weavers are
named too. Otherwise no person is ever named, so the story is as anonymous as the report.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from dashboard import formatting
from dashboard.dataset import Dataset
from dashboard.metrics.network import person_codes
from dashboard.metrics.shape import centralization, degrees, learning_share, org_pairs_by_group
from dashboard.metrics.stage import moved
from dashboard.metrics.standing import stage_series
from dashboard.metrics.weavers import credits
from dashboard.metrics.weaving import closes_before
from dashboard.reports.period import PeriodScope

WEAVERS_NAMED = 3  # with names on, the weavers with the most credits named

SAME = 0.02  # a change in centralization smaller than this reads as "as shared as"
# what the number of leadership concentration (Freeman's degree centralization) means, for a
# funder who never met the term: said beside it every time it is given
CONCENTRATION = (
    "0 when everyone has as many working relationships, 1 when all run through one person"
)


def _shape(p: PeriodScope, edges: pd.DataFrame, active: pd.Index) -> tuple[float | None, int]:
    """Degree centralization and organizations linked of a graph: ``edges`` (one group's, as
    group 0) among the people of ``active``."""
    nodes = person_codes(p.scope).reindex(active).to_numpy()
    degree = degrees(edges, len(p.scope.people))
    busiest = int(degree[nodes].max()) if len(nodes) else 0
    linked = int(org_pairs_by_group(p.organizations, edges, 1)[0])
    return centralization(len(nodes), len(edges), busiest), linked


def story_figures(
    dataset: Dataset, start: dt.date, end: dt.date, collaboration: str | None = None
) -> dict:
    """Centralization and organizations linked the day before the period and at its end;
    introductions that happened (triangles closed) in it; the learning share of the
    commitments due in it."""
    names = None if collaboration is None else [collaboration]
    return story_of(PeriodScope.of(dataset, end, names), 0, start, end)


def story_of(p: PeriodScope, group: int, start: dt.date, end: dt.date) -> dict:
    """``story_figures`` of one group of ``p`` (its scope's end is ``end``), from the scope,
    edge table and first activities the report's period figures read too. One edge table: the
    graph the day before is the links first seen before the period, among the people active
    before it."""
    edges = p.edges_of(group)
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    firsts = p.firsts_of(group)
    before = _shape(p, edges[edges["first_seen"] < first], firsts.index[firsts < first])
    after = _shape(p, edges, firsts.index)
    inside = edges["first_seen"].between(first, last).to_numpy()
    closed = closes_before(edges, first)
    credited = credits(edges, first, last, closed)["weaver"]
    busiest = credited.value_counts(sort=False).sort_index()  # by code: People's order on ties
    busiest = busiest.sort_values(ascending=False, kind="stable").index[:WEAVERS_NAMED]
    people = p.scope.people
    names = people["name"].fillna(people["person"]).to_numpy(dtype=object)
    stages = stage_series(edges, np.array([first - pd.Timedelta(days=1), last], "datetime64[ns]"))
    return {
        "centralization_before": before[0],
        "centralization_after": after[0],
        "introductions": int((closed & inside).sum()),
        "org_links_before": before[1],
        "org_links_after": after[1],
        "learning_share": learning_share(p.commitments_of(group, first, last), last),
        "stage_before": stages[0],
        "stage_after": stages[1],
        "weavers": int(credited.nunique()),
        "weaver_names": [str(names[code]) for code in busiest],
    }


def _leadership(figures: dict, start: dt.date) -> str | None:
    was, now = figures["centralization_before"], figures["centralization_after"]
    if was is None or now is None:
        return None
    when = f"on {formatting.day(start - dt.timedelta(days=1))}"
    if abs(now - was) < SAME:
        words = f"Leadership is as shared as {when}"
    elif now < was:
        words = f"Leadership is more shared than {when}"
    else:
        words = f"Leadership is more concentrated than {when}"
    return (
        f"{words}: leadership concentration {formatting.index(was)} → {formatting.index(now)} "
        f"({CONCENTRATION})."
    )


def _stage(figures: dict) -> str | None:
    """ "The network moved from several hubs to a core with a periphery." — or stayed."""
    after = figures.get("stage_after")
    if after is None:
        return None
    return f"The network {moved(figures.get('stage_before'), after)}."


def _woven(figures: dict, show_names: bool) -> str:
    """Who made the introductions: a count, and with names on, the busiest weavers."""
    count = figures.get("weavers", 0)
    if not count:
        return ""
    said = f", made by {formatting.plural(count, 'network weaver')} (a colleague both already knew"
    named = figures.get("weaver_names") or []
    if show_names and named:
        more = count - len(named)
        said += ": " + ", ".join(named) + (f" and {more} more" if more > 0 else "")
    return said + ")"


def story(figures: dict, start: dt.date, show_names: bool = False) -> str:
    """The figures in sentences; the weavers named only with ``show_names``."""
    parts = [_stage(figures), _leadership(figures, start)]
    made = figures["introductions"]
    parts.append(
        f"{formatting.plural(made, 'introduction')} happened (new links between people who "
        f"already shared a colleague){_woven(figures, show_names)}; organization pairs linked: "
        f"{figures['org_links_before']} → {figures['org_links_after']}."
    )
    share = figures["learning_share"]
    if share is not None:
        written = formatting.percent(share)
        parts.append(f"A result was written down for {written} of the commitments reported back.")
    return " ".join(p for p in parts if p)
