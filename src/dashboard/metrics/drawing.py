"""Where to draw each person of the network picture: a seeded spring layout of the most
connected people, and their links with both ends' positions (a chart draws it as it is)."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from dashboard.clean.names import keys
from dashboard.dataset import Dataset
from dashboard.metrics.activity import activities
from dashboard.metrics.connectors import organization_people
from dashboard.metrics.introductions import edges
from dashboard.metrics.network import key_codes, org_keys
from dashboard.metrics.participation import participation
from dashboard.metrics.scope import scope

MAX_DRAWN_PEOPLE = 250  # the drawing shows the most connected people, for legibility
MAX_DRAWN_LINKS = 2000


def _laid_out(table: pd.DataFrame, most: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series]:
    """The ``most`` most connected nodes of an edge table (a tie: the first by id) placed by a
    seeded spring layout — nodes (id, x, y) —, the links among them, and every node's degree.
    The nodes are chosen from the edge table first, so networkx only ever lays out a few hundred,
    however large the network."""
    degree = pd.concat([table["a"], table["b"]]).value_counts()
    keep = degree.sort_index().sort_values(ascending=False, kind="stable").index[:most]
    links = table[table["a"].isin(keep) & table["b"].isin(keep)]
    g = nx.from_pandas_edgelist(links, "a", "b", edge_attr="weight")
    position = nx.spring_layout(g, seed=7, weight="weight", iterations=60)
    nodes = pd.DataFrame(
        {
            "id": list(position),
            "x": [p[0] for p in position.values()],
            "y": [p[1] for p in position.values()],
        }
    )
    return nodes, links, degree


def _placed(links: pd.DataFrame, nodes: pd.DataFrame) -> pd.DataFrame:
    """The ``MAX_DRAWN_LINKS`` heaviest links, each with both ends' positions (x, y, x2, y2)."""
    links = links.nlargest(MAX_DRAWN_LINKS, "weight")
    xy = nodes.set_index("id")[["x", "y"]]
    return links.drop(columns=["first_seen"]).assign(
        x=xy["x"].reindex(links["a"]).to_numpy(),
        y=xy["y"].reindex(links["a"]).to_numpy(),
        x2=xy["x"].reindex(links["b"]).to_numpy(),
        y2=xy["y"].reindex(links["b"]).to_numpy(),
    )


def network_drawing(
    dataset: Dataset, people: pd.DataFrame, as_of: pd.Timestamp
) -> dict[str, pd.DataFrame]:
    """Nodes (id, x, y, label, sector, collaboration, organization, activity, degree) and links
    (a, b as labels, weight, x, y, x2, y2). ``people`` gives the labels (the whole People table,
    whatever the filters)."""
    table = edges(dataset, as_of)
    if table.empty:
        return {"nodes": pd.DataFrame(), "links": pd.DataFrame()}
    nodes, links, degree = _laid_out(table, MAX_DRAWN_PEOPLE)
    info = people.set_index("person").reindex(nodes["id"])
    nodes["label"] = info["name"].fillna(nodes["id"]).to_numpy()
    for column in ("sector", "collaboration", "organization"):
        nodes[column] = info[column].fillna("unknown").to_numpy()
    activity = participation(dataset, as_of).set_index("person")
    done = activity.reindex(nodes["id"])[["commitments_made", "wins", "meetings"]].sum(axis=1)
    nodes["activity"] = done.fillna(0).astype(int).to_numpy()
    nodes["degree"] = degree.reindex(nodes["id"]).to_numpy()
    links = _placed(links, nodes)
    names = nodes.set_index("id")["label"]
    links["a"], links["b"] = (
        names.reindex(links["a"]).to_numpy(),
        names.reindex(links["b"]).to_numpy(),
    )
    return {"nodes": nodes, "links": links}


MAX_DRAWN_ORGANIZATIONS = 150


def most_common(people: pd.DataFrame, column: str) -> pd.Series:
    """Per organization name key, the most common value of ``column`` among its people."""
    known = people.assign(key=org_keys(people), value=people[column].fillna("unknown"))
    counts = known.dropna(subset=["key"]).groupby(["key", "value"]).size().reset_index(name="n")
    counts = counts.sort_values(["key", "n", "value"], ascending=[True, False, True])
    return counts.drop_duplicates("key").set_index("key")["value"]


def organization_drawing(
    dataset: Dataset, people: pd.DataFrame, as_of: pd.Timestamp
) -> dict[str, pd.DataFrame]:
    """Organizations as nodes (id, x, y, label, sector, collaboration — the most common among
    their people —, people active by D, degree), linked when their people are (weight: the
    people links between them); the most linked organizations only."""
    table = edges(dataset, as_of, nodes="organizations")
    if table.empty:
        return {"nodes": pd.DataFrame(), "links": pd.DataFrame()}
    nodes, links, degree = _laid_out(table, MAX_DRAWN_ORGANIZATIONS)
    nodes["label"] = nodes["id"]
    key = keys(nodes["id"])
    for column in ("sector", "collaboration"):
        nodes[column] = most_common(people, column).reindex(key).fillna("unknown").to_numpy()
    s = scope(dataset, as_of)
    size = organization_people(s, activities(s)["person"].unique())
    code = pd.Series(key_codes(s.people, "organization"), index=keys(s.people["organization"]))
    code = code[~code.index.duplicated() & code.index.notna()]
    nodes["people"] = size.reindex(code.reindex(key).to_numpy()).fillna(0).astype(int).to_numpy()
    nodes["degree"] = degree.reindex(nodes["id"]).to_numpy()
    return {"nodes": nodes, "links": _placed(links, nodes)}
