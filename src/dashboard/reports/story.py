"""The method's story of a period in plain words, for the impact report: is leadership more
shared, did introductions happen, are more organizations linked, is the team writing down what
it learns — from the figures of docs/METRICS.md ("Network shape, introductions, learning").

Only counts and shares: no person is ever named, so the story is as anonymous as the report.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard import formatting
from dashboard.dataset import Dataset
from dashboard.metrics.activity import activities, first_activity
from dashboard.metrics.network import edge_table, person_codes
from dashboard.metrics.scope import Scope, scope
from dashboard.metrics.shape import centralization, degrees, learning_share, org_pairs
from dashboard.metrics.weaving import closes_before

SAME = 0.02  # a change in centralization smaller than this reads as "as shared as"
# what the number of leadership concentration (Freeman's degree centralization) means, for a
# funder who never met the term: said beside it every time it is given
CONCENTRATION = (
    "0 when everyone has as many working relationships, 1 when all run through one person"
)


def _shape(s: Scope, edges: pd.DataFrame, active: pd.Index) -> tuple[float | None, int]:
    """Degree centralization and organizations linked of a graph: ``edges`` among the people of
    ``active``."""
    nodes = person_codes(s).reindex(active).to_numpy()
    degree = degrees(edges, len(s.people))
    busiest = int(degree[nodes].max()) if len(nodes) else 0
    return centralization(len(nodes), len(edges), busiest), int(len(org_pairs(s.people, edges)))


def story_figures(
    dataset: Dataset, start: dt.date, end: dt.date, collaboration: str | None = None
) -> dict:
    """Centralization and organizations linked the day before the period and at its end;
    introductions that happened (triangles closed) in it; the learning share of the
    commitments due in it. One edge table: the graph the day before is the links first seen
    before the period, among the people active before it."""
    s = scope(dataset, end, collaboration)
    edges = edge_table(s)
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    firsts = first_activity(activities(s))
    before = _shape(s, edges[edges["first_seen"] < first], firsts.index[firsts < first])
    after = _shape(s, edges, firsts.index)
    inside = edges["first_seen"].between(first, last).to_numpy()
    c = s.commitments
    return {
        "centralization_before": before[0],
        "centralization_after": after[0],
        "introductions": int((closes_before(edges, first) & inside).sum()),
        "org_links_before": before[1],
        "org_links_after": after[1],
        "learning_share": learning_share(c[c["due"].between(first, last)], last),
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


def story(figures: dict, start: dt.date) -> str:
    """The figures in sentences."""
    parts = [_leadership(figures, start)]
    made = figures["introductions"]
    parts.append(
        f"{formatting.plural(made, 'introduction')} happened (new links between people who "
        f"already shared a colleague); organization pairs linked: {figures['org_links_before']} → "
        f"{figures['org_links_after']}."
    )
    share = figures["learning_share"]
    if share is not None:
        written = formatting.percent(share)
        parts.append(f"A result was written down for {written} of the commitments reported back.")
    return " ".join(p for p in parts if p)
