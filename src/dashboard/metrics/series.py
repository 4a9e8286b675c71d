"""Monthly time series for the charts (docs/METRICS.md, "Time series").

Months are calendar months, from the first dated record's month to ``as_of``'s month. Placement:
wins by date; commitments made by ``made``; done by their ``done`` date (done with no date is in
no month); missed by ``due`` (else ``made``). Network figures are those at each month's end (the
last month ends at ``as_of``).

Every group of a scope (``Scope.groups``: each collaboration, for the Regions page and the
Overview's sparklines) gets its own series in one pass: counts on a grid of groups × months,
each group's rows from its own first month.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.dataset import Dataset
from dashboard.metrics.activity import activities
from dashboard.metrics.grouped import codes_of, first_dates, unique_keys
from dashboard.metrics.network import edge_table
from dashboard.metrics.scope import Scope, scope

SIZES = {"small": "wins_small", "medium": "wins_medium", "large": "wins_large"}
SERIES_COLUMNS = [
    "month",
    "wins",
    "commitments_made",
    "commitments_done",
    "commitments_missed",
    "active",
    "new",
    "returning",
    "lapsed",
    "network_nodes",
    "network_edges",
    "network_density",
    *SIZES.values(),
    "wins_size_unknown",
]


def since_month(frame: pd.DataFrame, start: pd.Timestamp) -> pd.DataFrame:
    """The rows of a monthly frame from ``start``'s month on (a period's charts)."""
    first = pd.Timestamp(start).to_period("M").to_timestamp()
    return frame[frame["month"] >= first].reset_index(drop=True)


def _month(dates: pd.Series) -> pd.Series:
    return dates.dt.to_period("M").dt.to_timestamp()


def month_number(dates: pd.Series | np.ndarray) -> np.ndarray:
    """Months since January 1970 (NaT: a very negative number, in no month)."""
    return np.asarray(dates, dtype="datetime64[ns]").astype("datetime64[M]").astype(np.int64)


def series_months(s: Scope, events: pd.DataFrame) -> pd.DatetimeIndex:
    """The calendar months from the first dated record's to D's (none when nothing is dated)."""
    if events.empty and s.wins.empty:
        return pd.DatetimeIndex([], dtype="datetime64[ns]")
    start = (
        min(events["date"].min(), s.wins["date"].min())
        if not s.wins.empty
        else events["date"].min()
    )
    return pd.date_range(_month(pd.Series([start])).iloc[0], s.as_of, freq="MS")


def monthly_series(
    dataset: Dataset, as_of: pd.Timestamp, collaboration: str | None = None
) -> pd.DataFrame:
    s = scope(dataset, as_of, collaboration)
    events = activities(s)
    return series_of(s, events, series_months(s, events))


def series_of(
    s: Scope, events: pd.DataFrame, months: pd.DatetimeIndex, edges: pd.DataFrame | None = None
) -> pd.DataFrame:
    """``monthly_series`` of a scope of one group, from its activities and its months (and its
    edge table, when the caller already has it)."""
    if len(months) == 0:
        return pd.DataFrame({c: pd.Series(dtype="int64") for c in SERIES_COLUMNS}).astype(
            {"month": "datetime64[ns]", "network_density": "float64"}
        )
    first = month_number(months[:1])
    out = _grid_series(s, events, edge_table(s) if edges is None else edges, first)
    return out[SERIES_COLUMNS]


def series_by_group(
    s: Scope, events: pd.DataFrame, edges: pd.DataFrame | None = None
) -> pd.DataFrame:
    """``monthly_series`` of every group of ``s``, stacked: ``group`` and the series columns,
    each group from its first dated record's month (a group with nothing dated has no rows)."""
    n = len(s.groups)
    first = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    for groups, dates in ((events["group"], events["date"]), (s.group("wins"), s.wins["date"])):
        if len(dates):
            np.minimum.at(first, np.asarray(groups, dtype=np.int64), month_number(dates))
    out = _grid_series(s, events, edge_table(s) if edges is None else edges, first)
    return out[["group", *SERIES_COLUMNS]]


class _Grid:
    """Counts on a grid of groups × months: group g's months run from ``first[g]`` to D's."""

    def __init__(self, first: np.ndarray, as_of: pd.Timestamp) -> None:
        self.first = first
        self.last = int(month_number([as_of])[0])
        dated = first <= self.last
        self.base = int(first[dated].min()) if dated.any() else self.last
        self.width = self.last - self.base + 1
        self.shape = (len(first), self.width)

    def cells(self, groups: np.ndarray, months: np.ndarray) -> np.ndarray:
        """The grid cell of each (group, month), −1 outside the group's months."""
        groups = np.asarray(groups, dtype=np.int64)
        inside = (months >= self.first[groups]) & (months <= self.last)
        return np.where(inside, groups * self.width + (months - self.base), -1)

    def count(self, groups: np.ndarray, dates: pd.Series | np.ndarray) -> np.ndarray:
        """How many of ``dates`` fall in each cell (group, month)."""
        return self.count_months(groups, month_number(dates))

    def count_months(self, groups: np.ndarray, months: np.ndarray) -> np.ndarray:
        cells = self.cells(groups, months)
        size = self.shape[0] * self.width
        return np.bincount(cells[cells >= 0], minlength=size).reshape(self.shape)

    def months(self, as_of: pd.Timestamp) -> pd.DatetimeIndex:
        """The grid's months, as ``series_months`` gives them (the same resolution too)."""
        first = pd.Series([np.datetime64(self.base, "M")]).astype("datetime64[ns]")
        return pd.date_range(_month(first).iloc[0], as_of, freq="MS")

    def rows(self) -> tuple[np.ndarray, np.ndarray]:
        """(group, column) of every cell shown, group by group, months in order."""
        months = self.base + np.arange(self.width)
        shown = months[None, :] >= self.first[:, None]
        group, column = np.nonzero(shown)
        return group, column


def _grid_series(
    s: Scope, events: pd.DataFrame, edges: pd.DataFrame, first: np.ndarray
) -> pd.DataFrame:
    grid = _Grid(first, s.as_of)
    c, wins = s.commitments, s.wins
    made, won = s.group("commitments"), s.group("wins")
    done = ((c["status"] == "done") & (c["done"] <= s.as_of)).to_numpy()
    missed = (c["status"] == "missed").to_numpy()
    size = wins["size"]
    columns = {
        "wins": grid.count(won, wins["date"]),
        "commitments_made": grid.count(made, c["made"]),
        "commitments_done": grid.count(made[done], c["done"][done]),
        "commitments_missed": grid.count(made[missed], c["due"].fillna(c["made"])[missed]),
    }
    for name, column in SIZES.items():
        chosen = size.isin([name]).to_numpy()
        columns[column] = grid.count(won[chosen], wins["date"][chosen])
    unknown = ~size.isin(list(SIZES)).to_numpy()
    columns["wins_size_unknown"] = grid.count(won[unknown], wins["date"][unknown])
    columns.update(_people_flows(grid, events))
    links = np.cumsum(grid.count(edges["group"].to_numpy(), edges["first_seen"]), axis=1)
    nodes = columns["network_nodes"]
    pairs = nodes * (nodes - 1)
    columns["network_edges"] = links
    columns["network_density"] = np.where(
        pairs > 0, np.round(2 * links / np.where(pairs > 0, pairs, 1), 4), np.nan
    )
    group, month = grid.rows()
    months = grid.months(s.as_of)
    out = pd.DataFrame({"group": group.astype(np.int64), "month": months[month]})
    for name, values in columns.items():
        out[name] = values[group, month]
    return out


def _people_flows(grid: _Grid, events: pd.DataFrame) -> dict[str, np.ndarray]:
    """Active, new, returning and lapsed people per group and month, and the network's people
    at each month's end (those whose first activity came by then)."""
    person = codes_of(events["person"])
    people = np.int64(max(int(person.max(initial=-1)) + 1, 1))
    groups = events["group"].to_numpy()
    cells = grid.cells(groups, month_number(events["date"]))
    known = (cells >= 0) & (person >= 0)
    space = grid.shape[0] * grid.width
    seen = unique_keys(cells[known] * people + person[known], int(space * people))
    active = np.bincount(seen // people, minlength=space).reshape(grid.shape)
    group, month = first_dates(groups, person, month_number(events["date"]))
    new = grid.count_months(group, month)
    following = seen + people  # the same person, a month later
    inside = (following // people) % grid.width != 0  # not past the group's last month
    stayed_cells = following[inside & np.isin(following, seen)] // people
    stayed = np.bincount(stayed_cells, minlength=space).reshape(grid.shape)
    previous = np.zeros_like(active)
    previous[:, 1:] = active[:, :-1]
    return {
        "active": active,
        "new": new,
        "returning": active - new,
        "lapsed": previous - stayed,
        "network_nodes": np.cumsum(new, axis=1),
    }
