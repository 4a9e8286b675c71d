"""How concentrated commitments are: ``top10_share`` (docs/METRICS.md), the share held by the
⌈10 %⌉ of committing people with the most — the one home of that rule, for the headline figure
(each group of a scope) and its monthly series (``timeline``)."""

from __future__ import annotations

import numpy as np

from dashboard.metrics.grouped import bounds, pair_keys
from dashboard.metrics.scope import rates

TOP_SHARE = 0.1  # the busiest tenth of the people who made a commitment


def top_count(committing: np.ndarray) -> np.ndarray:
    """How many people make the top: ⌈10 %⌉ of ``committing`` (as Python's float product
    rounds it: ⌈30 × 0.1⌉ is 4)."""
    return np.ceil(np.asarray(committing) * TOP_SHARE).astype(np.int64)


def top_share_by_group(groups: np.ndarray, people: np.ndarray, n: int) -> list[float | None]:
    """Per group, the top share of its commitments: ``groups`` and ``people`` (integer codes)
    one per commitment; ``None`` for a group with none."""
    keys, width = pair_keys(groups, people)
    held_keys, held = np.unique(keys, return_counts=True)
    owner = held_keys // width
    order = np.lexsort((-held, owner))  # each group's busiest first
    owner, held = owner[order], held[order]
    starts = bounds(owner, n)
    committing = np.diff(starts)
    rank = np.arange(len(owner)) - starts[owner]
    top = rank < top_count(committing)[owner]
    on_top = np.bincount(owner[top], weights=held[top], minlength=n).astype(np.int64)
    total = np.bincount(owner, weights=held, minlength=n).astype(np.int64)
    return rates(on_top, total)
