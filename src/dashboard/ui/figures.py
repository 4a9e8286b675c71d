"""Figures for the pages, computed once per view and cached (many viewers, one computation).

The cache key is the view's key (when the data was read, and the filters); the dataset itself is
passed unhashed, so a 200,000-row workbook is not hashed on every run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import altair as alt
import networkx as nx
import pandas as pd
import streamlit as st

from dashboard import metrics
from dashboard.metrics import lists, timeline
from dashboard.ui import components
from dashboard.ui.page import View

MAX_DRAWN_PEOPLE = 250  # the graph drawing shows the most connected people, for legibility
MAX_DRAWN_LINKS = 2000


def _since(frame: pd.DataFrame, view: View) -> pd.DataFrame:
    return frame[frame["month"] >= view.start.to_period("M").to_timestamp()].reset_index(drop=True)


def _series(view: View) -> pd.DataFrame:
    series = metrics.monthly_series(view.data, view.as_of)
    over = timeline.over_time(view.data, view.as_of, series["month"])
    return _since(series.merge(over, on="month"), view)


def _previous(view: View) -> dict:
    return metrics.headline(view.data, view.as_of - pd.Timedelta(days=30))


def _collaboration_rows(view: View) -> pd.DataFrame:
    by = metrics.summary(view.data, view.as_of)["by_collaboration"]
    rows = []
    for name, figures in by.items():
        series = metrics.monthly_series(view.data, view.as_of, collaboration=name)
        recent = _since(series, view)["wins"].tail(12).astype(int).tolist()
        rows.append(
            {
                "Collaboration": name,
                "Wins": figures["wins"],
                "Wins, last 30 days": figures["wins_last_30"],
                "Follow-through": figures["follow_through"],
                "Active people (30 days)": figures["active_last_30"],
                "Network (people)": figures["network_nodes"],
                "Stalled projects": figures["stalled_projects"],
                "Wins per month": recent,
            }
        )
    return pd.DataFrame(rows)


def _regions(view: View) -> pd.DataFrame:
    parts = []
    for name in view.data.collaborations["collaboration"]:
        series = metrics.monthly_series(view.data, view.as_of, collaboration=name)
        parts.append(_since(series, view).assign(collaboration=name))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def _sectors(view: View) -> pd.DataFrame:
    people = metrics.participation(view.data, view.as_of)
    active = people[people["last_activity"] >= view.start]
    grouped = active.assign(sector=active["sector"].fillna("unknown")).groupby("sector")
    return grouped.agg(
        people=("person", "size"), organizations=("organization", "nunique")
    ).reset_index()


def _drawing(view: View) -> dict[str, pd.DataFrame]:
    """Node positions (spring layout, seeded) and links of the most connected people.

    The most connected people are chosen from the edge table first, so networkx only ever lays
    out a few hundred nodes, however large the network."""
    edges = metrics.edges(view.data, view.as_of)
    if edges.empty:
        return {"nodes": pd.DataFrame(), "links": pd.DataFrame()}
    degree = pd.concat([edges["a"], edges["b"]]).value_counts()
    degree = degree.sort_index().sort_values(ascending=False, kind="stable")
    keep = degree.index[:MAX_DRAWN_PEOPLE]
    links = edges[edges["a"].isin(keep) & edges["b"].isin(keep)]
    g = nx.from_pandas_edgelist(links, "a", "b", edge_attr="weight")
    position = nx.spring_layout(g, seed=7, weight="weight", iterations=60)
    people = view.full.people.set_index("person")
    activity = metrics.participation(view.data, view.as_of).set_index("person")
    nodes = pd.DataFrame(
        {"id": list(position), "x": [p[0] for p in position.values()],
         "y": [p[1] for p in position.values()]}
    )  # fmt: skip
    info = people.reindex(nodes["id"])
    nodes["label"] = info["name"].fillna(nodes["id"]).to_numpy()
    for column in ("sector", "collaboration", "organization"):
        nodes[column] = info[column].fillna("unknown").to_numpy()
    done = activity.reindex(nodes["id"])[["commitments_made", "wins", "meetings"]].sum(axis=1)
    nodes["activity"] = done.fillna(0).astype(int).to_numpy()
    nodes["degree"] = degree.reindex(nodes["id"]).to_numpy()
    links = links.nlargest(MAX_DRAWN_LINKS, "weight")
    xy = nodes.set_index("id")[["x", "y"]]
    links = links.assign(
        x=xy["x"].reindex(links["a"]).to_numpy(), y=xy["y"].reindex(links["a"]).to_numpy(),
        x2=xy["x"].reindex(links["b"]).to_numpy(), y2=xy["y"].reindex(links["b"]).to_numpy(),
    )  # fmt: skip
    names = nodes.set_index("id")["label"]
    links["a"], links["b"] = (
        names.reindex(links["a"]).to_numpy(),
        names.reindex(links["b"]).to_numpy(),
    )
    return {"nodes": nodes, "links": links.drop(columns=["first_seen"])}


def _introductions(view: View) -> pd.DataFrame:
    intro = metrics.suggested_introductions(view.data, view.as_of, limit=25)
    names = view.full.people.set_index("person")
    for side in ("a", "b"):
        intro[f"{side}_name"] = names["name"].reindex(intro[side]).fillna(intro[side]).to_numpy()
        intro[f"{side}_org"] = names["organization"].reindex(intro[side]).to_numpy()
    return intro


def _latest_wins(view: View, count: int = 15) -> pd.DataFrame:
    wins = view.data.wins
    wins = wins[(wins["date"] >= view.start) & (wins["date"] <= view.as_of)]
    latest = wins.sort_values(["date", "row"], ascending=False).head(count)
    return latest[["date", "win", "project", "category", "size", "collaboration"]]


FIGURES: dict[str, Callable[[View], Any]] = {
    "latest_wins": _latest_wins,
    "headline": lambda v: metrics.headline(v.data, v.as_of),
    "previous": _previous,
    "series": _series,
    "collaborations": _collaboration_rows,
    "regions": _regions,
    "projects": lambda v: metrics.project_status(v.data, v.as_of),
    "people": lambda v: metrics.participation(v.data, v.as_of),
    "sectors": _sectors,
    "overdue": lambda v: lists.overdue_commitments(v.data, v.as_of),
    "due_soon": lambda v: lists.due_soon(v.data, v.as_of),
    "wins_by_category": lambda v: _since(lists.wins_per_month_by(v.data, v.as_of, "category"), v),
    "wins_by_project": lambda v: _since(lists.wins_per_month_by(v.data, v.as_of, "project"), v),
    "drawing": _drawing,
    "introductions": _introductions,
}


@st.cache_data(max_entries=500, show_spinner=False)
def _figure(name: str, key: tuple, _view: View) -> Any:
    return FIGURES[name](_view)


def figure(name: str, view: View) -> Any:
    """The named figure for this view (computed once per data read and filter set)."""
    return _figure(name, view.key, view)


@st.cache_data(max_entries=500, show_spinner=False)
def _spec(name: str, key: tuple, _build: Callable[[], alt.Chart]) -> dict:
    """A chart's Vega-Lite spec, built and validated once per view. Building and validating the
    Altair charts took about 40 % of a warm page run's CPU (py-spy under benchmarks/load.py)."""
    return _build().to_dict()


def chart(name: str, view: View, build: Callable[[], alt.Chart], empty: bool, message: str) -> None:
    """Draw the chart ``build`` makes, cached under ``name`` for this view (``name`` must say
    everything else the chart depends on), or ``message`` when there is nothing to draw."""
    components.chart(None if empty else _spec(name, view.key, build), empty, message)
