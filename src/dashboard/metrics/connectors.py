"""People and organizations as the network sees them (docs/METRICS.md, "People and
organizations"): each person's links and brokerage, the connectors who bridge the most
organizations and collaborations, and per organization its people, its links to other
organizations and its follow-through.

Brokerage counts the organizations, other than one's own, among the people one works with: the
bridges a network grows across (Kumu and PARTNER CPRM report similar measures).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.dataset import Dataset
from dashboard.metrics.activity import activities, done_by, due_by
from dashboard.metrics.network import edge_table, key_codes
from dashboard.metrics.scope import Scope, scope
from dashboard.metrics.shape import degrees, org_pairs
from dashboard.metrics.two_step import compact, within_two_counts

CONNECTORS = 15  # people in the connectors list
FLAT_MAX = 50_000_000  # distinct (person, organization) pairs counted in a flat array up to this


def _distinct_others(
    rows: np.ndarray, values: np.ndarray, own: np.ndarray, size: int
) -> np.ndarray:
    """Per row code (``size`` codes), the number of distinct known ``values`` (≥ 0) other than
    the row's ``own`` value."""
    known = (values >= 0) & (values != own[rows])
    rows, values = rows[known], values[known]
    width = max(int(values.max(initial=-1)) + 1, 1)
    keys = rows.astype(np.int64) * width + values
    if size * width <= FLAT_MAX:
        seen = np.zeros(size * width, dtype=bool)
        seen[keys] = True
        return seen.reshape(size, width).sum(axis=1)
    return np.bincount(np.unique(keys) // width, minlength=size)


def _people_links(s: Scope, active: np.ndarray, edges: pd.DataFrame) -> pd.DataFrame:
    size = len(s.people)
    a, b = edges["a"].to_numpy(), edges["b"].to_numpy()
    rows, partners = np.concatenate([a, b]), np.concatenate([b, a])
    frame = pd.DataFrame({"person": s.people["person"].to_numpy()})
    frame["links"] = degrees(edges, size)
    measures = (("brokerage", "organization"), ("collaborations_reached", "collaboration"))
    for name, column in measures:
        codes = key_codes(s.people, column)
        frame[name] = _distinct_others(rows, codes[partners], codes, size)
    frame["two_step_reach"] = _two_step_reach(edges, size, len(pd.unique(np.asarray(active))))
    frame = frame[frame["person"].isin(active)].drop_duplicates("person")
    return frame.reset_index(drop=True)


def _two_step_reach(edges: pd.DataFrame, size: int, people: int) -> pd.Series:
    """Per person code, the share of the other ``people`` (active by D) within two links of
    them (docs/METRICS.md, "a person's two-step reach"); blank when fewer than two people."""
    reached = np.zeros(size, dtype=np.int64)
    if not edges.empty:
        a, b, nodes = compact(edges)
        reached[nodes] = within_two_counts(a, b, len(nodes))
    if people < 2:
        return pd.Series([None] * size, dtype="Float64")
    return pd.Series(np.round(reached / (people - 1), 4), dtype="Float64")


def person_links(dataset: Dataset, as_of: pd.Timestamp) -> pd.DataFrame:
    """Per person active by D: links, brokerage, and collaborations reached (distinct known
    home collaborations, other than their own, among the people they are linked to)."""
    s = scope(dataset, as_of)
    return _people_links(s, activities(s)["person"].unique(), edge_table(s))


def _connectors(links: pd.DataFrame, people: pd.DataFrame, limit: int) -> pd.DataFrame:
    bridging = links[(links["brokerage"] > 0) | (links["collaborations_reached"] > 0)]
    info = people.drop_duplicates("person").set_index("person")
    out = bridging.assign(
        name=info["name"].reindex(bridging["person"]).fillna(bridging["person"]).to_numpy(),
        organization=info["organization"].reindex(bridging["person"]).to_numpy(),
        collaboration=info["collaboration"].reindex(bridging["person"]).to_numpy(),
    )
    out = out.sort_values(
        ["brokerage", "collaborations_reached", "links", "name"],
        ascending=[False, False, False, True],
    )
    columns = [
        "name",
        "brokerage",
        "collaborations_reached",
        "links",
        "organization",
        "collaboration",
    ]
    return out[columns].head(limit).reset_index(drop=True)


def connectors(
    dataset: Dataset, people: pd.DataFrame, as_of: pd.Timestamp, limit: int = CONNECTORS
) -> pd.DataFrame:
    """The people who bridge the most organizations, then collaborations, then links; with
    their name, organization and home collaboration from ``people`` (the whole People table)."""
    return _connectors(person_links(dataset, as_of), people, limit)


def _organization_codes(s: Scope) -> pd.Series:
    """Each person's organization code (name key; −1 where unknown), index: person."""
    of_person = pd.Series(key_codes(s.people, "organization"), index=s.people["person"].to_numpy())
    return of_person[~of_person.index.duplicated()]


def organization_people(s: Scope, active: np.ndarray) -> pd.Series:
    """People active by D per known organization code."""
    codes = _organization_codes(s).reindex(active)
    return codes[codes >= 0].astype("int64").value_counts()


ORGANIZATION_COLUMNS = ["organization", "people", "links_to_organizations", "follow_through"]


def _organizations(s: Scope, active: np.ndarray, edges: pd.DataFrame) -> pd.DataFrame:
    codes = key_codes(s.people, "organization")
    if (codes < 0).all():
        return pd.DataFrame(columns=ORGANIZATION_COLUMNS)
    names = pd.Series(s.people["organization"].to_numpy()).groupby(codes).first()
    names = names[names.index >= 0]
    linked = pd.Series(org_pairs(s.people, edges).reshape(-1)).value_counts()
    c = s.commitments
    due = c[due_by(c, s.as_of)]
    due_org = _organization_codes(s).reindex(due["person"]).to_numpy()
    kept = pd.Series(done_by(due, s.as_of).to_numpy()).groupby(due_org).agg(["sum", "size"])
    out = pd.DataFrame({"organization": names.to_numpy()}, index=names.index)
    out["people"] = organization_people(s, active).reindex(out.index, fill_value=0)
    out["links_to_organizations"] = linked.reindex(out.index, fill_value=0).astype("int64")
    held = kept.reindex(out.index, fill_value=0)
    share = np.round(held["sum"] / held["size"].where(held["size"] > 0), 4)
    out["follow_through"] = share.astype(object).where(share.notna(), None)
    out = out[out["people"] > 0].astype({"people": "int64"})
    return out.sort_values(
        ["links_to_organizations", "people", "organization"], ascending=[False, False, True]
    ).reset_index(drop=True)


def organizations(dataset: Dataset, as_of: pd.Timestamp) -> pd.DataFrame:
    """Per known organization (compared by name key, shown as People first spells it): people
    active by D, links to other organizations (its pairs counted in ``org_edges``), and the
    follow-through of its people's commitments (as ``follow_through``)."""
    s = scope(dataset, as_of)
    return _organizations(s, activities(s)["person"].unique(), edge_table(s))


def participation_tables(dataset: Dataset, people: pd.DataFrame, as_of: pd.Timestamp) -> dict:
    """``person_links``, ``connectors`` and ``organizations`` at once, from one edge table (the
    Participation page shows all three)."""
    s = scope(dataset, as_of)
    active = activities(s)["person"].unique()
    edges = edge_table(s)
    links = _people_links(s, active, edges)
    return {
        "links": links,
        "connectors": _connectors(links, people, CONNECTORS),
        "organizations": _organizations(s, active, edges),
    }
