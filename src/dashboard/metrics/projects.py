"""Where each project stands: active, last touched, stalled, open and overdue commitments, wins."""

from __future__ import annotations

import pandas as pd

from dashboard.metrics.scope import Scope


def active_projects(s: Scope) -> pd.Index:
    """docs/METRICS.md ``projects_active``: listed, status active, started blank or ≤ D; plus
    projects named only in other tabs with a record dated ≤ D."""
    p = s.projects
    listed = (
        p["listed"] & (p["status"] == "active") & (p["started"].isna() | (p["started"] <= s.as_of))
    )
    recorded = pd.concat(
        [s.commitments["project"], s.wins["project"], s.meetings["project"]], ignore_index=True
    ).dropna()
    unlisted = p["project"][~p["listed"] & p["project"].isin(recorded.unique())]
    return pd.Index(pd.concat([p["project"][listed], unlisted]).unique())


def last_touch(s: Scope) -> pd.Series:
    """The latest of started, a win, a commitment made or done, a meeting of each project (≤ D)."""
    c = s.commitments
    done = c[c["done"].notna() & (c["done"] <= s.as_of)]
    started = s.projects[s.projects["started"] <= s.as_of]
    touches = pd.concat(
        [
            pd.DataFrame({"project": started["project"], "date": started["started"]}),
            pd.DataFrame({"project": c["project"], "date": c["made"]}),
            pd.DataFrame({"project": done["project"], "date": done["done"]}),
            pd.DataFrame({"project": s.wins["project"], "date": s.wins["date"]}),
            pd.DataFrame({"project": s.meetings["project"], "date": s.meetings["date"]}),
        ],
        ignore_index=True,
    ).dropna()
    return touches.groupby("project")["date"].max()


def project_status(dataset, as_of, collaboration: str | None = None) -> pd.DataFrame:  # noqa: ANN001
    """Per project: status, last touch, stalled (active projects untouched since before D−59, or
    never touched), open and overdue commitments, wins — all as of D."""
    from dashboard.metrics.activity import overdue
    from dashboard.metrics.scope import scope

    s = scope(dataset, as_of, collaboration)
    c = s.commitments
    d = s.as_of
    out = s.projects[["project", "collaboration", "status"]].copy()
    out["last_touch"] = out["project"].map(last_touch(s)).astype("datetime64[ns]")
    active = out["project"].isin(active_projects(s))
    limit = d - pd.Timedelta(days=59)
    out["stalled"] = active & (out["last_touch"].isna() | (out["last_touch"] < limit))
    out["open_commitments"] = _count(c[c["status"] == "open"], out)
    out["overdue_commitments"] = _count(c[overdue(c, d)], out)
    out["wins"] = _count(s.wins, out)
    return out.reset_index(drop=True)


def _count(records: pd.DataFrame, projects: pd.DataFrame) -> pd.Series:
    counts = records.groupby("project").size()
    return projects["project"].map(counts).fillna(0).astype("int64")
