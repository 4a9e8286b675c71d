"""Where the network would tear: its brokers (articulation points) and who depends on each
(docs/METRICS.md, ``brokers``, "Where it would tear").

A broker is a person whose leaving splits the people they connect into more parts than there
were. They are found from one depth-first search (scipy's, in C) and Hopcroft–Tarjan low points:
in a depth-first tree every link that is not a tree link joins a person to an ancestor, so a
person v other than a root splits off the subtree of a child c exactly when nothing in that
subtree is linked above v (low[c] ≥ pre[v]); a root splits when it has two children or more.
The low points and subtree sizes are carried up the tree in one pass over the people (a Python
loop over people, never over links: the links are reduced with numpy first). The search starts
from an added vertex linked to one person of each connected part, so one search covers them all.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components, depth_first_order


@dataclass(frozen=True)
class Cuts:
    """Per person 0…m−1: whether a broker, and how many people of their connected part (other
    than them) would be cut off from the largest remaining piece if they left (0 for others);
    the depth-first search behind it, for finding those people (``pieces``)."""

    broker: np.ndarray
    dependents: np.ndarray
    order: np.ndarray  # the people in depth-first preorder
    piece: np.ndarray  # per person, whether their subtree is a piece their parent would leave
    parent: np.ndarray  # per person, the one above them in the search (−1: a part's first)
    size: np.ndarray  # per person, the people in their subtree, themselves included
    label: np.ndarray  # per person, their connected part


def cuts(a: np.ndarray, b: np.ndarray, m: int) -> Cuts:
    """Brokers and their dependents among ``m`` people linked a[i]–b[i] (no self-links)."""
    if len(a) == 0:
        none = np.zeros(m, dtype=np.int64)
        return Cuts(
            none.astype(bool),
            none,
            np.arange(m),
            none.astype(bool),
            none - 1,
            none + 1,
            np.arange(m),
        )
    root = m
    graph = sparse.csr_matrix(
        (np.ones(2 * len(a), dtype=np.int8), (np.r_[a, b], np.r_[b, a])), shape=(m, m)
    )
    count, labels = connected_components(graph, directed=False)
    firsts = np.unique(labels, return_index=True)[1]
    rows = np.r_[a, b, firsts, np.full(len(firsts), root)]
    cols = np.r_[b, a, np.full(len(firsts), root), firsts]
    whole = sparse.csr_matrix((np.ones(len(rows), dtype=np.int8), (rows, cols)), (m + 1, m + 1))
    order, parent = depth_first_order(whole, root, directed=False, return_predecessors=True)
    pre = np.empty(m + 1, dtype=np.int64)
    pre[order] = np.arange(m + 1)
    # each person's own low point: the highest (smallest preorder) person they are linked to —
    # a minimum over each row of the graph (everyone here has a link, so no row is empty)
    low = pre.copy()
    linked = np.diff(graph.indptr) > 0
    nearest = np.minimum.reduceat(pre[graph.indices], graph.indptr[:-1][linked])
    low[:m][linked] = np.minimum(pre[:m][linked], nearest)
    size = np.ones(m + 1, dtype=np.int64)
    low_list, size_list, parent_list = low.tolist(), size.tolist(), parent.tolist()
    for v in order[:0:-1].tolist():  # children before parents
        p = parent_list[v]
        if low_list[v] < low_list[p]:
            low_list[p] = low_list[v]
        size_list[p] += size_list[v]
    low, size = np.array(low_list, dtype=np.int64), np.array(size_list, dtype=np.int64)
    people = np.arange(m)
    above = parent[people].astype(np.int64)
    top = above == root  # a part's first person, where the search entered it
    # a person's subtree is a piece their parent would leave behind when nothing in it is
    # linked above the parent (for a part's first person, every child's subtree is one)
    piece = ~top & (low[people] >= pre[np.where(top, 0, above)])
    owner = above[piece]
    pieces = np.bincount(owner, minlength=m)
    firsts_children = np.bincount(above[~top], minlength=m)
    broker = np.where(top, firsts_children[people] >= 2, pieces[people] >= 1)
    largest = np.zeros(m, dtype=np.int64)
    np.maximum.at(largest, owner, size[people][piece])
    held = np.bincount(owner, weights=size[people][piece], minlength=m).astype(np.int64)
    part = np.bincount(labels, minlength=count)[labels]
    rest = part - 1 - held  # the piece holding the person's parent (none for a part's first)
    dependents = np.where(broker, part - 1 - np.maximum(largest, rest), 0)
    return Cuts(
        broker.astype(bool),
        dependents.astype(np.int64),
        order[1:].astype(np.int64),
        piece,
        np.where(top, -1, above),
        size[:m],
        labels.astype(np.int64),
    )


def pieces(c: Cuts, broker: int) -> list[np.ndarray]:
    """The pieces of the broker's part once they leave, largest first (of pieces as large, the
    one holding the lowest code: the person listed first), each an array of people: the first is
    the largest remaining piece, the others hold the people who would be cut off from it."""
    position = np.empty(len(c.order), dtype=np.int64)
    position[c.order] = np.arange(len(c.order))
    taken = np.zeros(len(c.broker), dtype=bool)
    found = []
    for child in np.flatnonzero(c.piece & (c.parent == broker)):
        members = c.order[position[child] : position[child] + c.size[child]]
        taken[members] = True
        found.append(members)
    rest = np.flatnonzero((c.label == c.label[broker]) & ~taken)
    rest = rest[rest != broker]
    if len(rest):
        found.insert(0, rest)
    return sorted(found, key=lambda members: (-len(members), int(members.min())))
