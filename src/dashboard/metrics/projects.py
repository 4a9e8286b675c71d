"""Where each project stands: active, last touched, stalled, open and overdue commitments, wins.

Each rule lives here once, for every group of a scope at a time (``Scope.groups``): the headline
figures count them (``projects_active``, ``stalled_projects``), ``project_status`` lists them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.dataset import Dataset
from dashboard.metrics.activity import overdue
from dashboard.metrics.grouped import positions
from dashboard.metrics.scope import Scope, scope

STALLED_AFTER_DAYS = 59  # untouched since before D−59 (docs/METRICS.md ``stalled_projects``)


class ProjectStates:
    """Per row of ``s.projects``: whether it is active in its group, its last touch ≤ D, and so
    whether it is stalled."""

    def __init__(self, s: Scope) -> None:
        p = s.projects
        names = pd.Index(p["project"].dropna().unique())
        self.code = positions(p["project"], names)
        self.group = s.group("projects")
        width = max(len(names), 1)
        own = self.group * width + self.code
        listed = (
            p["listed"]
            & (p["status"] == "active")
            & (p["started"].isna() | (p["started"] <= s.as_of))
        ).to_numpy(dtype=bool)
        touched, recorded = _touches(s, names, width)
        recorded = np.isin(own, recorded)
        self.active = (listed | (~p["listed"].to_numpy(dtype=bool) & recorded)) & (self.code >= 0)
        last = touched.reindex(own).to_numpy()
        self.last_touch = np.where(self.code >= 0, last, np.datetime64("NaT", "ns"))
        limit = (s.as_of - pd.Timedelta(days=STALLED_AFTER_DAYS)).to_datetime64()
        self.stalled = self.active & (np.isnat(self.last_touch) | (self.last_touch < limit))
        self._own = own

    def per_group(self, n: int) -> dict[str, np.ndarray]:
        """``projects_active`` and ``stalled_projects`` of each of ``n`` groups (each project
        counted once per group)."""
        first = ~pd.Series(self._own).duplicated().to_numpy()
        active, stalled = self.active & first, self.stalled & first
        return {
            "projects_active": np.bincount(self.group[active], minlength=n),
            "stalled_projects": np.bincount(self.group[stalled], minlength=n),
        }


def _touches(s: Scope, names: pd.Index, width: int) -> tuple[pd.Series, np.ndarray]:
    """The latest touch ≤ D of each (group, project) — started, a commitment made or done, a win,
    a meeting — indexed by group × width + project code; and the keys of those named by a
    record. A group's records count for that group only: a project's records in another
    collaboration do not touch it here."""
    c = s.commitments
    done = (c["done"].notna() & (c["done"] <= s.as_of)).to_numpy()
    started = (s.projects["started"] <= s.as_of).to_numpy()
    parts = [
        (
            s.projects["project"][started],
            s.projects["started"][started],
            s.group("projects")[started],
        ),
        (c["project"], c["made"], s.group("commitments")),
        (c["project"][done], c["done"][done], s.group("commitments")[done]),
        (s.wins["project"], s.wins["date"], s.group("wins")),
        (s.meetings["project"], s.meetings["date"], s.group("meetings")),
    ]
    codes = np.concatenate([positions(project, names) for project, _, _ in parts])
    dates = np.concatenate([date.to_numpy(dtype="datetime64[ns]") for _, date, _ in parts])
    groups = np.concatenate([group for _, _, group in parts]).astype(np.int64)
    keys = groups * width + codes
    known = (codes >= 0) & ~np.isnat(dates)
    by_record = np.arange(len(codes)) >= int(started.sum())  # not the Projects tab's own dates
    touched = pd.Series(dates[known]).groupby(keys[known]).max()
    return touched, np.unique(keys[(codes >= 0) & by_record])


def project_status(
    dataset: Dataset, as_of: pd.Timestamp, collaboration: str | None = None
) -> pd.DataFrame:
    """Per project: status, last touch, stalled (active projects untouched since before D−59, or
    never touched), open and overdue commitments, wins — all as of D."""
    s = scope(dataset, as_of, collaboration)
    c = s.commitments
    states = ProjectStates(s)
    out = s.projects[["project", "collaboration", "status"]].copy()
    out["last_touch"] = pd.Series(states.last_touch, index=out.index).astype("datetime64[ns]")
    out["stalled"] = states.stalled
    out["open_commitments"] = _count(c[c["status"] == "open"], out)
    out["overdue_commitments"] = _count(c[overdue(c, s.as_of)], out)
    out["wins"] = _count(s.wins, out)
    return out.reset_index(drop=True)


def _count(records: pd.DataFrame, projects: pd.DataFrame) -> pd.Series:
    counts = records.groupby("project").size()
    return projects["project"].map(counts).fillna(0).astype("int64")
