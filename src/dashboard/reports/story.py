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
from dashboard.metrics.grouped import bounds, counts, largest
from dashboard.metrics.shape import centralization, learning_by_group, org_pairs_by_group
from dashboard.metrics.stage import moved
from dashboard.metrics.standing import stage_series
from dashboard.metrics.weavers import credited
from dashboard.metrics.weaving import closes_before
from dashboard.reports.period import PeriodScope

WEAVERS_NAMED = 3  # with names on, the weavers with the most credits named

SAME = 0.02  # a change in centralization smaller than this reads as "as shared as"
# what the number of leadership concentration (Freeman's degree centralization) means, for a
# funder who never met the term: said beside it every time it is given
CONCENTRATION = (
    "0 when everyone has as many working relationships, 1 when all run through one person"
)


def _shapes(
    p: PeriodScope, chosen: np.ndarray, active: np.ndarray
) -> tuple[list[float | None], np.ndarray]:
    """Each group's degree centralization and organizations linked, of the graph of the edges
    ``chosen`` (a mask of ``p.edges``) among the people ``active`` (a mask of ``p.firsts``):
    every group at once, its people told apart as (group, person)."""
    n = p.size
    edges = p.edges[chosen]
    group = edges["group"].to_numpy().astype(np.int64)
    width = np.int64(max(len(p.scope.people), 1))
    ends = np.r_[group * width + edges["a"].to_numpy(), group * width + edges["b"].to_numpy()]
    vertex, degree = np.unique(ends, return_counts=True)
    busiest = largest(vertex // width, degree, n)
    nodes = counts(p.firsts.index.get_level_values("group").to_numpy().astype(np.int64), n, active)
    links = counts(group, n)
    sizes = zip(nodes.tolist(), links.tolist(), busiest.tolist(), strict=True)
    concentration = [centralization(k, e, d) for k, e, d in sizes]
    return concentration, org_pairs_by_group(p.organizations, edges, n)


def story_figures(
    dataset: Dataset, start: dt.date, end: dt.date, collaboration: str | None = None
) -> dict:
    """Centralization and organizations linked the day before the period and at its end;
    introductions that happened (triangles closed) in it; the learning share of the
    commitments due in it."""
    names = None if collaboration is None else [collaboration]
    return stories_by_group(PeriodScope.of(dataset, end, names), start, end)[0]


def stories_by_group(p: PeriodScope, start: dt.date, end: dt.date) -> list[dict]:
    """``story_figures`` of each group of ``p`` (its scope's end is ``end``), from the scope,
    edge table and first activities the report's period figures read too. The counts and
    shares are taken for every group at once; only the introductions and the network's stage
    look at each group's graph on its own (one at a time, a whole story took 31 ms, 1.9 s of
    the report of 60 collaborations). One edge table: the graph the day before is the links
    first seen before the period, among the people active before it."""
    n = p.size
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    seen = p.edges["first_seen"]
    before = _shapes(p, (seen < first).to_numpy(), (p.firsts < first).to_numpy())
    after = _shapes(p, np.ones(len(p.edges), dtype=bool), np.ones(len(p.firsts), dtype=bool))
    due = p.scope.commitments["due"].between(first, last).to_numpy()
    learning = learning_by_group(p.scope, n, due)
    inside = seen.between(first, last).to_numpy()
    people = p.scope.people
    names = people["name"].fillna(people["person"]).to_numpy(dtype=object)
    ends = np.array([first - pd.Timedelta(days=1), last], "datetime64[ns]")
    slices = bounds(p.edges["group"].to_numpy(), n)
    told = []
    for g in range(n):
        edges = p.edges.iloc[slices[g] : slices[g + 1]]
        closed = closes_before(edges, first)
        # each weaver's credits, by code: the most credited first, People's order on ties
        weaver, credit = np.unique(credited(edges, first, last, closed), return_counts=True)
        busiest = weaver[np.argsort(-credit, kind="stable")[:WEAVERS_NAMED]]
        stages = stage_series(edges, ends)
        told.append(
            {
                "centralization_before": before[0][g],
                "centralization_after": after[0][g],
                "introductions": int((closed & inside[slices[g] : slices[g + 1]]).sum()),
                "org_links_before": int(before[1][g]),
                "org_links_after": int(after[1][g]),
                "learning_share": learning[g],
                "stage_before": stages[0],
                "stage_after": stages[1],
                "weavers": len(weaver),
                "weaver_names": [str(names[code]) for code in busiest],
            }
        )
    return told


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
