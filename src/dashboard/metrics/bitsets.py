"""Square bit matrices over a network's people, one bit per ordered pair, packed 64 to a word.

The weaving figures (triangles closed, the adjacent possible month by month) ask, for many pairs
at once, "do these two people have a neighbour in common?". With one row of bits per person that
is an AND of two rows — 5,000 people make a row of 80 words — so the questions are answered with
vectorised numpy over whole rows, never a Python loop over people or pairs.

A matrix is a ``uint8`` array of shape (M, M/8), M the number of people rounded up to 64, bit j
of byte k of row i (little bit order) standing for the pair (i, 8k + j). ``words`` views the same
memory as ``uint64``, 64 pairs per word.
"""

from __future__ import annotations

import numpy as np

CHUNK = 2048  # rows gathered at a time: a few MB, so the work stays in cache

# Masks of the 8×8 bit-block transpose (Hacker's Delight, "transpose8"), for blocks held as
# one uint64 each: byte k is row k, bit j of it column j.
_T1, _T2, _T3 = (
    np.uint64(0x00AA00AA00AA00AA),
    np.uint64(0x0000CCCC0000CCCC),
    np.uint64(0x00000000F0F0F0F0),
)
_S1, _S2, _S3 = np.uint64(7), np.uint64(14), np.uint64(28)


def empty(m: int) -> np.ndarray:
    """An all-zero matrix for ``m`` people."""
    size = -(-max(m, 1) // 64) * 64
    return np.zeros((size, size // 8), dtype=np.uint8)


def words(bits: np.ndarray) -> np.ndarray:
    return bits.view(np.uint64)


def set_pairs(bits: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> None:
    """Set the bits (rows[i], cols[i]) (repeats allowed)."""
    if len(rows) == 0:
        return
    cols = cols.astype(np.int64)
    where = rows.astype(np.int64) * bits.shape[1] + (cols >> 3)
    np.bitwise_or.at(bits.reshape(-1), where, np.left_shift(1, cols & 7).astype(np.uint8))


BLOCK_BYTES = 64 * 2**20  # the unpacked rows built at a time by ``from_links``


def from_links(m: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The symmetric matrix of the links a[i]–b[i]: built a block of rows at a time as booleans
    and packed (one scatter per link instead of a read-modify-write of its word)."""
    bits = empty(m)
    size = bits.shape[0]
    rows, cols = np.concatenate([a, b]), np.concatenate([b, a])
    step = max(64, BLOCK_BYTES // size // 64 * 64)
    if step >= size:  # one block: no need to gather the rows first
        step, bounds = size, np.array([0, len(rows)])
    else:
        order = stable_order(rows)
        rows, cols = rows[order], cols[order]
        bounds = np.searchsorted(rows, np.arange(0, size + step, step))
    for k, first in enumerate(range(0, size, step)):
        lo, hi = bounds[k], bounds[k + 1]
        block = np.zeros((min(step, size - first), size), dtype=bool)
        block[rows[lo:hi] - first, cols[lo:hi]] = True
        bits[first : first + len(block)] = np.packbits(block, axis=1, bitorder="little")
    return bits


def get_pairs(bits: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """The bits (rows[i], cols[i]) as booleans."""
    cols = cols.astype(np.int64)
    byte = bits.reshape(-1)[rows.astype(np.int64) * bits.shape[1] + (cols >> 3)]
    return ((byte >> (cols & 7).astype(np.uint8)) & 1).astype(bool)


def rows_meet(bits: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For each i, whether rows a[i] and b[i] share a set bit: with an adjacency matrix,
    whether the two people have a neighbour in common."""
    rows = words(bits)
    out = np.empty(len(a), dtype=bool)
    for start in range(0, len(a), CHUNK):
        both = rows[a[start : start + CHUNK]]
        both &= rows[b[start : start + CHUNK]]
        out[start : start + CHUNK] = both.any(axis=1)
    return out


def stable_order(keys: np.ndarray) -> np.ndarray:
    """A stable sort order of small non-negative integer keys (numpy radix-sorts 16-bit keys,
    several times faster than sorting 64-bit ones)."""
    if len(keys) and keys.min() >= 0 and keys.max() < 2**15:
        return np.argsort(keys.astype(np.int16), kind="stable")
    return np.argsort(keys, kind="stable")


def or_rows(target: np.ndarray, rows: np.ndarray, source: np.ndarray, partners: np.ndarray) -> None:
    """target[rows[i]] |= source[partners[i]] for every i (a row may repeat)."""
    order = stable_order(rows)
    rows, partners = rows[order], partners[order]
    into, from_ = words(target), words(source)
    for start in range(0, len(rows), CHUNK):
        r = rows[start : start + CHUNK]
        firsts = np.flatnonzero(np.r_[True, r[1:] != r[:-1]])
        gathered = from_[partners[start : start + CHUNK]]
        into[r[firsts]] |= np.bitwise_or.reduceat(gathered, firsts, axis=0)


def positions(row_words: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of every set bit of ``row_words`` (k rows of words), ``rows`` naming the
    matrix row of each: only words that are not zero are unpacked."""
    wi, wj = np.nonzero(row_words)
    unpacked = np.unpackbits(
        row_words[wi, wj].view(np.uint8).reshape(-1, 8), axis=1, bitorder="little"
    )
    which, bit = np.nonzero(unpacked)
    return rows[wi[which]], wj[which] * 64 + bit


def _transpose_blocks(x: np.ndarray) -> np.ndarray:
    t = (x ^ (x >> _S1)) & _T1
    x = x ^ t ^ (t << _S1)
    t = (x ^ (x >> _S2)) & _T2
    x = x ^ t ^ (t << _S2)
    t = (x ^ (x >> _S3)) & _T3
    return x ^ t ^ (t << _S3)


def transposed(bits: np.ndarray) -> np.ndarray:
    """The transpose, without unpacking: each 8×8 block of bits becomes one word, is transposed
    in place with three shift-and-mask steps, and the blocks change places."""
    size = bits.shape[0]
    blocks = size // 8
    grid = np.ascontiguousarray(bits.reshape(blocks, 8, blocks).transpose(0, 2, 1))
    each = _transpose_blocks(grid.view(np.uint64).reshape(blocks, blocks))
    flipped = np.ascontiguousarray(each.T)
    back = flipped.view(np.uint8).reshape(blocks, blocks, 8).transpose(0, 2, 1)
    return np.ascontiguousarray(back).reshape(size, blocks)


def count(bits: np.ndarray) -> int:
    return int(np.bitwise_count(words(bits)).sum())
