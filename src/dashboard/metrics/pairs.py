"""Pairs of people who share an event, built with vectorised numpy, never nested loops.

For groups (a win's people, a meeting's attendees, a project's committers) of sizes k₁, k₂, …,
every unordered pair inside each group is produced at once: each member is repeated once per
later member of its group, and the partner index is an offset from it. The work and memory are
proportional to the number of pairs, Σ k(k−1)/2.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def pairs_within_groups(
    groups: np.ndarray,
    codes: np.ndarray,
    dates: np.ndarray,
    with_group: bool = False,
    ordered: bool = False,
) -> pd.DataFrame:
    """All pairs (a < b by code) of distinct members of the same group, dated by the later of
    the two members' dates (a project pair dates from the second of the two first commits);
    ``with_group``: with the group of each pair too; ``ordered``: the members come sorted by
    group and code already."""
    if not ordered:
        order = np.lexsort((codes, groups))
        groups, codes, dates = groups[order], codes[order], dates[order]
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    sizes = np.diff(np.r_[starts, len(groups)])
    ends = np.repeat(starts + sizes, sizes)
    later = ends - np.arange(len(groups)) - 1  # members after each one in its group
    first = np.repeat(np.arange(len(groups)), later)
    offsets = np.arange(len(first)) - np.repeat(np.cumsum(later) - later, later)
    second = first + 1 + offsets
    out = pd.DataFrame(
        {
            "a": codes[first],
            "b": codes[second],
            "date": np.maximum(dates[first], dates[second]),
        }
    )
    if with_group:
        out["group"] = groups[first]
    return out
