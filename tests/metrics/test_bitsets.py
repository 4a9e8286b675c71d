"""The packed bit matrices under the weaving figures, against plain numpy boolean matrices."""

from __future__ import annotations

import numpy as np
import pytest

from dashboard.metrics import bitsets


def _plain(bits: np.ndarray, m: int) -> np.ndarray:
    return np.unpackbits(bits, axis=1, bitorder="little")[:m, :m].astype(bool)


@pytest.mark.parametrize("m", [1, 7, 64, 200, 1000])
def test_links_set_read_and_transpose(m, monkeypatch):
    rng = np.random.default_rng(m)
    a, b = rng.integers(0, m, 3 * m), rng.integers(0, m, 3 * m)
    expected = np.zeros((m, m), dtype=bool)
    expected[a, b] = expected[b, a] = True
    assert (_plain(bitsets.from_links(m, a, b), m) == expected).all()
    monkeypatch.setattr(bitsets, "BLOCK_BYTES", 64 * 64)  # many blocks of 64 rows
    assert (_plain(bitsets.from_links(m, a, b), m) == expected).all()
    one_way = bitsets.empty(m)
    bitsets.set_pairs(one_way, a, b)
    assert (bitsets.get_pairs(one_way, a, b)).all()
    directed = np.zeros((m, m), dtype=bool)
    directed[a, b] = True
    assert (_plain(one_way, m) == directed).all()
    assert (_plain(bitsets.transposed(one_way), m) == directed.T).all()
    assert bitsets.count(one_way) == directed.sum()
    rows, cols = bitsets.positions(bitsets.words(one_way), np.arange(one_way.shape[0]))
    found = sorted(zip(rows.tolist(), cols.tolist(), strict=True))
    assert found == sorted(zip(*(x.tolist() for x in np.nonzero(directed)), strict=True))


def test_rows_meet_is_a_common_neighbour():
    # 0–1, 1–2, 3–4: 0 and 2 share 1; 0 and 3 share nobody
    bits = bitsets.from_links(5, np.array([0, 1, 3]), np.array([1, 2, 4]))
    assert list(bitsets.rows_meet(bits, np.array([0, 0]), np.array([2, 3]))) == [True, False]


def test_or_rows_merges_repeated_rows():
    source = bitsets.from_links(4, np.array([0, 2]), np.array([1, 3]))  # 0–1, 2–3
    target = bitsets.empty(4)
    bitsets.or_rows(target, np.array([3, 3, 0]), source, np.array([0, 2, 3]))
    # row 3 |= row 0 ({1}) | row 2 ({3}); row 0 |= row 3 ({2})
    assert _plain(target, 4)[3].nonzero()[0].tolist() == [1, 3]
    assert _plain(target, 4)[0].nonzero()[0].tolist() == [2]
