"""Where the network stands: its stage, and its main core (docs/METRICS.md, ``network_stage``,
``core_share``).

Network weavers (Krebs and Holley, *Building Smart Communities*) see a network grow through four
stages: scattered fragments, a single hub, several hubs, and a core with a periphery. The rule
that names the stage is written once here (``stage_of``) and used for the headline, for each
collaboration and for each month's end.

The main core (the people whose k-core number is the largest: each linked to at least k others
of it, k as large as it goes) is found by peeling, vectorised: the people with fewer than k links
among those left are dropped, again and again, until none is; k is searched from a lower bound
(last month's, for the monthly series) upwards by doubling, then halving — a few peelings of a
shrinking list of links, never a Python loop over people or links.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from dashboard import formatting

FRAGMENTS, HUB, MULTI_HUB, CORE_PERIPHERY = "fragments", "hub", "multi_hub", "core_periphery"
STAGES = (FRAGMENTS, HUB, MULTI_HUB, CORE_PERIPHERY)  # in the order a network grows through
# The stages in plain words, for the pages and the reports: one home for how they are said.
STAGE_WORDS = formatting.STAGE_WORDS  # the stages in words: one home, with how figures are written
# The rule's thresholds (docs/METRICS.md, ``network_stage``).
HUB_REACH = 0.5  # the busiest person is linked to at least this share of C's other people …
HUB_CENTRALIZATION = 0.5  # … and C's degree centralization is at least this
CORE_MIN_PEOPLE = 4
CORE_MIN_DENSITY = 0.5
CORE_MIN_COVER = 0.8  # the core and the people linked to it hold at least this share of C
STAGE_RULE = (
    "Fragments: fewer than 3 people have a link, or the largest connected part holds fewer than "
    "half of them. Hub: in that part, one person is linked to at least half of the others and "
    "the degree centralization is at least 0.5. Core with a periphery: its main core (the people "
    "with the largest k-core number) has at least 4 people, a density of at least 0.5, and with "
    "the people linked to it holds at least 80 % of the part. Otherwise: several hubs."
)


def _degrees(a: np.ndarray, b: np.ndarray, m: int) -> np.ndarray:
    return np.bincount(a, minlength=m) + np.bincount(b, minlength=m)


def _peel(
    a: np.ndarray, b: np.ndarray, alive: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The k-core within ``alive`` (its people, and its links a–b)."""
    m = len(alive)
    while True:
        weak = alive & (_degrees(a, b, m) < k)
        if not weak.any():
            return alive, a, b
        alive = alive & ~weak
        kept = alive[a] & alive[b]
        a, b = a[kept], b[kept]


@dataclass(frozen=True)
class Core:
    """The main core: its k (0 when there is no link) and who is in it."""

    k: int
    members: np.ndarray  # boolean, per person


def main_core(a: np.ndarray, b: np.ndarray, m: int, hint: int = 1) -> Core:
    """The people with the largest k-core number among ``m`` people linked a[i]–b[i]. ``hint``:
    a k whose core is probably not empty (a lower bound speeds the search; any value is safe)."""
    if len(a) == 0:
        return Core(0, np.zeros(m, dtype=bool))
    degree = _degrees(a, b, m)
    # a k-core needs k + 1 people with at least k links each
    ranked = np.sort(degree)[::-1]
    upper = int(np.minimum(ranked, np.arange(m)).max())
    linked = degree > 0
    # everyone linked has at least the fewest links among them: that k's core is all of them
    lo, state = max(1, int(degree[linked].min())), (linked, a, b)
    hi = upper + 1  # the smallest k known to have an empty core
    k = min(max(hint, 1), upper)
    step, galloping = 1, True
    while hi - lo > 1:
        if k <= lo or k >= hi:
            k = lo + step if galloping and lo + step < hi else (lo + hi) // 2
        found = _peel(state[1], state[2], state[0], k)
        if found[0].any():
            lo, state = k, found
            step *= 2
        else:
            hi, galloping = k, False
        k = lo + step if galloping and lo + step < hi else (lo + hi) // 2
    return Core(lo, state[0])


def share_of(core: Core, people: int) -> float | None:
    """``core_share``: the main core's people over ``people``; ``None`` with no link."""
    if core.k == 0 or people == 0:
        return None
    return round(int(core.members.sum()) / people, 4)


@dataclass(frozen=True)
class Stage:
    """A network's stage, and the k of its largest part's main core (a hint for the next)."""

    name: str
    k: int = 1


def _labels(a: np.ndarray, b: np.ndarray, m: int) -> np.ndarray:
    graph = sparse.csr_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(m, m))
    return connected_components(graph, directed=False)[1]


def _largest_part(a: np.ndarray, labels: np.ndarray, linked: np.ndarray) -> np.ndarray:
    """Who is in the largest connected part (of two as large: the one with more links, then the
    one holding the person listed first)."""
    m = len(labels)
    sizes = np.bincount(labels[linked], minlength=labels.max() + 1)
    links = np.bincount(labels[a], minlength=len(sizes))
    first = np.full(len(sizes), m, dtype=np.int64)
    np.minimum.at(first, labels, np.arange(m))
    best = np.lexsort((first, -links, -sizes))[0]
    return labels == best


def stage_of(
    a: np.ndarray,
    b: np.ndarray,
    m: int,
    hint: int = 1,
    labels: np.ndarray | None = None,
    core: Core | None = None,
) -> Stage:
    """The stage of the network of ``m`` people linked a[i]–b[i] (docs/METRICS.md
    ``network_stage``); people without a link play no part. ``labels`` (connected parts) and
    ``core`` (the whole graph's main core), when the caller has them, are not found again."""
    degree = _degrees(a, b, m)
    linked = degree > 0
    people = int(linked.sum())
    if people < 3:
        return Stage(FRAGMENTS, hint)
    part = _largest_part(a, _labels(a, b, m) if labels is None else labels, linked)
    n = int(part.sum())
    if 2 * n < people:
        return Stage(FRAGMENTS, hint)
    inside = part[a]
    a, b = a[inside], b[inside]
    links = len(a)
    busiest = int(degree[part].max())
    # Freeman's centralization of C ≥ 0.5, in whole numbers: Σ (d_max − dᵢ) = n·d_max − 2E
    central = n >= 3 and (n * busiest - 2 * links) >= HUB_CENTRALIZATION * (n - 1) * (n - 2)
    if busiest >= HUB_REACH * (n - 1) and central:
        return Stage(HUB, hint)
    # C's main core is the whole graph's, where that reaches into C (core numbers are a part's own)
    if core is None or not (core.members & part).any():
        core = main_core(a, b, m, hint)
    members = core.members & part
    size = int(members.sum())
    within = members[a] & members[b]
    touched = members.copy()
    touched[a[members[b]]] = True
    touched[b[members[a]]] = True
    dense = int(within.sum()) >= CORE_MIN_DENSITY * size * (size - 1) / 2
    covers = int(touched.sum()) >= CORE_MIN_COVER * n
    if size >= CORE_MIN_PEOPLE and dense and covers:
        return Stage(CORE_PERIPHERY, core.k)
    return Stage(MULTI_HUB, core.k)


def merged(labels: np.ndarray, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """The connected parts once the links u[i]–v[i] are added to parts ``labels`` (each part
    labelled by its smallest person): the smaller label spread along the new links, with
    pointer jumping, until nothing changes — a few numpy calls on the new links only."""
    lu, lv = labels[u], labels[v]
    if not (lu != lv).any():
        return labels
    to = np.arange(len(labels))
    while True:
        low = np.minimum(to[lu], to[lv])
        before = to.copy()
        np.minimum.at(to, lu, low)
        np.minimum.at(to, lv, low)
        to = to[to]
        if (to == before).all():
            break
    return to[labels]


def stages_over_time(
    a: np.ndarray, b: np.ndarray, days: np.ndarray, m: int, ends: np.ndarray
) -> list[str]:
    """The stage at each end day of ``ends`` (sorted ``datetime64[D]`` as integers, inclusive):
    the links first seen by then. The connected parts are carried from one month to the next
    (``merged``), and each month's main-core search starts from the last one's k; a month that
    added no link keeps the last one's stage."""
    order = np.argsort(days, kind="stable")
    a, b, days = a[order], b[order], days[order]
    cuts = np.searchsorted(days, np.asarray(ends, dtype=np.int64), side="right")
    labels = np.arange(m)
    out: list[str] = []
    hint, done = 1, -1
    for cut in cuts.tolist():
        if cut == done:
            out.append(out[-1])
            continue
        labels = merged(labels, a[max(done, 0) : cut], b[max(done, 0) : cut])
        found = stage_of(a[:cut], b[:cut], m, hint, labels=labels)
        out.append(found.name)
        hint, done = found.k, cut
    return out


def moved(before: str | None, after: str) -> str:
    """How the stage moved, in plain words: "moved from several hubs to a core with a
    periphery", "stayed a single hub", or, with no stage before, "is a single hub"."""
    if before is None:
        return f"is {STAGE_WORDS[after]}"
    if before == after:
        return f"stayed {STAGE_WORDS[after]}"
    return f"moved from {STAGE_WORDS[before]} to {STAGE_WORDS[after]}"
