"""The collaboration graph: people (or organizations) linked by shared events (docs/METRICS.md).

Two people are linked when, on or before D, they were named on the same win, attended the same
meeting, or both made commitments on the same project. A project pair is dated when the second of
the two first committed on it. Edges are built from integer codes with vectorised numpy
(``pairs.py``), never nested loops, so 200,000 commitments stay fast.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.clean.names import keys
from dashboard.limits import MAX_LIST_PEOPLE
from dashboard.metrics.grouped import codes_of, positions
from dashboard.metrics.pairs import pairs_within_groups
from dashboard.metrics.scope import Scope


def _members(
    table: pd.DataFrame, event: np.ndarray, people: pd.Series, largest: int | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct (event, person code), sorted so, with the member's earliest date (ns); events of
    more than ``largest`` people left out (a list too long forms no links, docs/METRICS.md
    "Limits")."""
    code = positions(table["person"], people)
    known = (code >= 0) & (event >= 0)
    size = np.int64(max(len(people), 1))
    ns = table["date"].to_numpy().astype("datetime64[ns]").view("int64")
    keys, _, first = first_and_count(event[known] * size + code[known], ns[known])
    events, codes = keys // size, keys % size
    if largest is not None and len(events):
        starts = np.flatnonzero(np.r_[True, events[1:] != events[:-1]])
        counted = np.diff(np.r_[starts, len(events)])
        kept = np.repeat(counted <= largest, counted)
        events, codes, first = events[kept], codes[kept], first[kept]
    return events, codes, first


def event_pairs(scope: Scope) -> pd.DataFrame:
    """Every shared event as a dated pair of person codes (a < b), with the scope's ``group``
    of its record; one row per event. A project's commitments are one event per group."""
    c = scope.commitments
    commits = pd.DataFrame({"person": c["person"], "date": c["made"]})
    n = len(scope.groups)
    parts = []
    for table, event, groups, largest in (
        (scope.win_people, scope.win_people["win_id"].to_numpy(), "win_people", MAX_LIST_PEOPLE),
        (
            scope.meeting_people,
            scope.meeting_people["meeting_id"].to_numpy(),
            "meeting_people",
            MAX_LIST_PEOPLE,
        ),
        (commits, codes_of(c["project"]), "commitments", None),  # a team is no list: no limit
    ):
        key = np.where(event >= 0, event.astype(np.int64) * n + scope.group(groups), -1)
        events, codes, first = _members(table, key, scope.people["person"], largest)
        pairs = pairs_within_groups(
            events, codes, first.view("datetime64[ns]"), with_group=True, ordered=True
        )
        pairs["group"] = pairs["group"] % n
        parts.append(pairs)
    return pd.concat(parts, ignore_index=True)


def person_codes(scope: Scope) -> pd.Series:
    """An integer code per known person (index: person id), in the People table's order."""
    people = scope.people["person"]
    return pd.Series(np.arange(len(people), dtype="int64"), index=people.to_numpy())


EDGE_COLUMNS = ["a", "b", "weight", "first_seen", "group"]
DAY_NS = 86_400 * 10**9


def edge_table(scope: Scope) -> pd.DataFrame:
    """Distinct linked pairs (codes) of each group with their weight (shared events) and first
    shared date; in the order of (group, a, b)."""
    pairs = event_pairs(scope)
    a, b = pairs["a"].to_numpy(), pairs["b"].to_numpy()
    # number only the people who share an event: a collaboration's pairs stay in its own space
    linked = np.zeros(len(scope.people), dtype=bool)
    linked[a] = True
    linked[b] = True
    nodes = np.flatnonzero(linked)
    renumber = np.cumsum(linked) - 1
    size = np.int64(max(len(nodes), 1))
    key = (pairs["group"].to_numpy() * size + renumber[a]) * size + renumber[b]
    keys, weight, first = first_and_count(key, pairs["date"].to_numpy().view("int64"))
    pair = keys % (size * size)
    return pd.DataFrame(
        {
            "a": nodes[pair // size],
            "b": nodes[pair % size],
            "weight": weight.astype("int64"),
            "first_seen": first.view("datetime64[ns]"),
            "group": keys // (size * size),
        },
        columns=EDGE_COLUMNS,
    )


PACKED_BITS = 62  # a key and its day packed into one int64 when they fit in this many bits


def first_and_count(key: np.ndarray, ns: np.ndarray) -> tuple[np.ndarray, ...]:
    """The distinct keys in ascending order, how often each occurs, and its earliest time
    (``ns``: nanoseconds). Dates at midnight sort with their key as one integer (one sort, no
    hash table); otherwise by key and time."""
    if len(key) == 0:
        return key.astype(np.int64), np.zeros(0, dtype=np.int64), ns.astype(np.int64)
    low = int(ns.min())
    offsets = ns - low
    day_bits = int((offsets // DAY_NS).max()).bit_length()
    exact = low != np.iinfo(np.int64).min and not (offsets % DAY_NS).any()
    if exact and int(key.max()).bit_length() + day_bits <= PACKED_BITS:
        keys, first = _sorted_packed(key, offsets // DAY_NS, day_bits, low)
    else:
        keys, first = _sorted_by_key_and_time(key, ns)
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    weight = np.diff(np.r_[starts, len(keys)])
    return keys[starts], weight, first[starts]


def _sorted_packed(
    key: np.ndarray, days: np.ndarray, day_bits: int, low: int
) -> tuple[np.ndarray, np.ndarray]:
    both = np.sort((key << day_bits) | days)
    return both >> day_bits, low + (both & ((1 << day_bits) - 1)) * DAY_NS


def _sorted_by_key_and_time(key: np.ndarray, ns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    order = np.lexsort((ns, key))
    return key[order], ns[order]


def org_keys(people: pd.DataFrame) -> pd.Series:
    """Organization compared by name key (``"ACME "`` = ``"Acme"``); blank where unknown."""
    return keys(people["organization"])


def key_codes(people: pd.DataFrame, column: str) -> np.ndarray:
    """Per person (in code order), an integer for the name key of ``column``; −1 where blank."""
    codes, _ = pd.factorize(keys(people[column]).to_numpy(dtype=object), use_na_sentinel=True)
    return codes


def differ(codes: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pairs (a, b) whose two people have known, different values (organizations, sectors…)."""
    ca, cb = codes[a], codes[b]
    return (ca >= 0) & (cb >= 0) & (ca != cb)
