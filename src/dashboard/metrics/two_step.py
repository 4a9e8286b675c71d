"""Unlinked pairs of people who share at least one neighbour: the adjacent possible.

Counting them is a product of the adjacency matrix with itself. A sparse product suits the
networks teams usually have; a network where many people share projects is dense, and there a
float32 matrix product, by blocks of rows and only above the diagonal, is many times faster and
bounded in memory. Only people with at least one link take part. When only the number of pairs
is wanted (not how many neighbours each shares), bit matrices (``reach``) count them faster
still, up to a few thousand people: 0.09 s against 1.9 s for 5,000 people and 140,000 links.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
import pandas as pd
from scipy import sparse

from dashboard.metrics.reach import adjacent_possible, within_two

DENSE_FROM = 0.01  # share of possible links above which the dense product is used
DENSE_MAX_NODES = 12_000  # n² float32 must fit comfortably in memory (12,000² × 4 B = 576 MB)
BLOCK_ROWS = 512
SPARSE_COST = 1500  # a sparse path of length two against a dense multiply-add (measured)
BITS_MAX_NODES = 16_384  # bit matrices up to 32 MB each count the pairs
BITS_BELOW = 0.2  # share of possible links below which bits beat the dense product

Bonus = Callable[[np.ndarray, np.ndarray], np.ndarray]


def compact(edges: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Edge ends renumbered 0…m−1 over the people who have a link; and the original codes."""
    a, b = edges["a"].to_numpy(), edges["b"].to_numpy()
    size = int(max(a.max(), b.max())) + 1
    linked = np.zeros(size, dtype=bool)
    linked[a] = True
    linked[b] = True
    nodes = np.flatnonzero(linked)
    renumber = np.cumsum(linked) - 1
    return renumber[a], renumber[b], nodes


def _dense(a: np.ndarray, b: np.ndarray, m: int) -> bool:
    """Whether the dense product is the cheaper: the sparse one costs about ``SPARSE_COST``
    times a dense multiply-add per path of length two (the sum of squared degrees), the dense
    one m³/2 multiply-adds. Teams of 8 among 5,000 people (1.1 % of pairs linked): sparse, 1.3 s
    against 2.1 s; a third of pairs linked: dense."""
    if m > DENSE_MAX_NODES or len(a) <= DENSE_FROM * m * (m - 1) / 2:
        return False
    degrees = np.bincount(np.r_[a, b], minlength=m).astype(np.float64)
    return float(degrees @ degrees) * SPARSE_COST > m**3 / 2


def _sparse_pairs(a: np.ndarray, b: np.ndarray, m: int) -> sparse.coo_matrix:
    ones = np.ones(len(a) * 2, dtype=np.int32)
    adj = sparse.csr_matrix((ones, (np.r_[a, b], np.r_[b, a])), shape=(m, m))
    paths = (adj @ adj).tocsr()
    paths.setdiag(0)
    paths = paths - paths.multiply(adj)
    paths.eliminate_zeros()
    return sparse.triu(paths, k=1).tocoo()


def _dense_blocks(
    a: np.ndarray, b: np.ndarray, m: int
) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """Yield (row offset, unlinked-with-shared mask, shared counts) for blocks of rows, j > i."""
    adj = np.zeros((m, m), dtype=np.float32)
    adj[a, b] = 1.0
    adj[b, a] = 1.0
    for start in range(0, m, BLOCK_ROWS):
        stop = min(m, start + BLOCK_ROWS)
        shared = adj[start:stop] @ adj[:, start:]
        rows = np.arange(stop - start)[:, None]
        cols = np.arange(m - start)[None, :]
        mask = (cols > rows) & (adj[start:stop, start:] == 0) & (shared > 0)
        yield start, mask, shared


def count_unlinked_with_shared(edges: pd.DataFrame) -> int:
    """docs/METRICS.md ``adjacent_possible``."""
    if edges.empty:
        return 0
    a, b, nodes = compact(edges)
    m = len(nodes)
    if m <= BITS_MAX_NODES and len(a) < BITS_BELOW * m * (m - 1) / 2:
        return adjacent_possible(a, b, m)
    if not _dense(a, b, m):
        return int(_sparse_pairs(a, b, m).nnz)
    return int(sum(int(mask.sum()) for _, mask, _ in _dense_blocks(a, b, m)))


def best_unlinked(edges: pd.DataFrame, bonus: Bonus, limit: int) -> pd.DataFrame:
    """The ``limit`` best unlinked pairs by shared neighbours + ``bonus(i, j)`` (original codes):
    columns i, j, shared, score."""
    columns = {"i": "int64", "j": "int64", "shared": "int64", "score": "float64"}
    if edges.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})
    a, b, nodes = compact(edges)
    m = len(nodes)
    if not _dense(a, b, m):
        found = _sparse_pairs(a, b, m)
        return _best(nodes[found.row], nodes[found.col], found.data, bonus, limit)
    parts = []
    for start, mask, shared in _dense_blocks(a, b, m):
        rows, cols = np.nonzero(mask)
        counts = shared[rows, cols].astype(np.int64)
        parts.append(_best(nodes[rows + start], nodes[cols + start], counts, bonus, limit))
    i, j, shared = (np.concatenate([p[c].to_numpy() for p in parts]) for c in ("i", "j", "shared"))
    return _best(i, j, shared, bonus, limit)


def _best(
    i: np.ndarray, j: np.ndarray, shared: np.ndarray, bonus: Bonus, limit: int
) -> pd.DataFrame:
    score = shared + bonus(i, j)
    if len(score) > limit * 4:  # the cut on the arrays: a frame of millions of pairs costs 0.8 s
        cut = np.partition(score, len(score) - limit * 4)[len(score) - limit * 4]
        kept = score >= cut
        i, j, shared, score = i[kept], j[kept], shared[kept], score[kept]
    return pd.DataFrame({"i": i, "j": j, "shared": shared.astype(np.int64), "score": score})


def within_two_counts(a: np.ndarray, b: np.ndarray, m: int) -> np.ndarray:
    """Per person 0…m−1 (each with a link), how many others are within two links of them — by
    the way that suits the network, as for the adjacent possible: bit matrices when it is not
    dense (``reach``), else the dense product by blocks of rows, above the diagonal only, or a
    sparse product. The adjacent possible is half their sum less the links (both ways)."""
    if len(a) == 0:
        return np.zeros(m, dtype=np.int64)
    if m <= BITS_MAX_NODES and len(a) < BITS_BELOW * m * (m - 1) / 2:
        return within_two(a, b, m)
    counts = np.zeros(m, dtype=np.int64)
    if not _dense(a, b, m):
        ones = np.ones(2 * len(a), dtype=np.int32)
        adj = sparse.csr_matrix((ones, (np.r_[a, b], np.r_[b, a])), shape=(m, m))
        near = (adj @ adj + adj).tocsr()
        near.setdiag(0)
        near.eliminate_zeros()
        return np.diff(near.indptr).astype(np.int64)
    adj = np.zeros((m, m), dtype=np.float32)
    adj[a, b] = 1.0
    adj[b, a] = 1.0
    for start in range(0, m, BLOCK_ROWS):
        stop = min(m, start + BLOCK_ROWS)
        near = (adj[start:stop] @ adj[:, start:] > 0) | (adj[start:stop, start:] > 0)
        rows = np.arange(stop - start)[:, None]
        near &= np.arange(m - start)[None, :] > rows  # each pair once: above the diagonal
        counts[start:stop] += near.sum(axis=1)
        counts[start:] += near.sum(axis=0)
    return counts
