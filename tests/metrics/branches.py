"""Forcing each way a figure can be computed, for the property tests that run them all.

``two_step`` counts paths of two steps with a sparse matrix product or, on a dense network, a
float32 product by blocks of rows (chosen by ``DENSE_FROM`` and ``DENSE_MAX_NODES``).
``network.edge_table`` groups pairs by one sort of each pair's key packed with its day (when both
fit ``PACKED_BITS``), or by a sort on key and time. Each context below forces one way and makes
the other fail if it is used, so a test cannot pass by running the same way twice.
"""

from __future__ import annotations

from contextlib import ExitStack
from unittest import mock

from dashboard.metrics import network, two_step

WAYS = ("sparse", "dense")


def counting(way: str) -> ExitStack:
    """Force one way of counting and make the other fail if it is used."""
    stack = ExitStack()
    if way == "sparse":
        stack.enter_context(mock.patch.object(two_step, "DENSE_MAX_NODES", 0))
        stack.enter_context(
            mock.patch.object(two_step, "_dense_blocks", side_effect=AssertionError)
        )
    else:
        stack.enter_context(mock.patch.object(two_step, "DENSE_FROM", -1.0))
        stack.enter_context(mock.patch.object(two_step, "BLOCK_ROWS", 2))
        stack.enter_context(
            mock.patch.object(two_step, "_sparse_pairs", side_effect=AssertionError)
        )
    return stack


def grouping(way: str) -> ExitStack:
    """``edge_table``'s one sort of packed keys (``flat``), or (nothing fits ``PACKED_BITS = -1``)
    the sort on key and time (``grouped``); the other way fails if it is used."""
    stack = ExitStack()
    if way == "grouped":
        stack.enter_context(mock.patch.object(network, "PACKED_BITS", -1))
        stack.enter_context(
            mock.patch.object(network, "_sorted_packed", side_effect=AssertionError)
        )
    else:
        stack.enter_context(
            mock.patch.object(network, "_sorted_by_key_and_time", side_effect=AssertionError)
        )
    return stack
