"""The funder impact report: what it says, built from the figures (no rendering here).

Anonymised by default: people appear as counts, organizations by name, and names or emails typed
into free text are masked (``privacy/masking.py``). ``show_names`` is for internal use only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from dashboard import formatting, metrics
from dashboard.dataset import Dataset
from dashboard.filtering import filtered
from dashboard.metrics.projects import STALLED_AFTER_DAYS, ProjectStates
from dashboard.metrics.scope import grouped
from dashboard.periods import Comparison, comparison, comparisons
from dashboard.privacy.funder import grouping_masks, masker_of
from dashboard.privacy.masking import Masker
from dashboard.reports.period import FIGURES, PeriodScope, figures_by_group, period_figures
from dashboard.reports.provenance import data_notes, is_snapshot
from dashboard.reports.story import stories_by_group, story

SIZE_ORDER = {"large": 0, "medium": 1, "small": 2}


@dataclass
class Report:
    start: dt.date
    end: dt.date
    collaborations: list[str]
    anonymised: bool
    figures: pd.DataFrame  # figure, label, value, previous, change
    by_collaboration: pd.DataFrame  # collaboration + one column per figure
    highlights: pd.DataFrame  # date, win, project, collaboration, size, why
    paragraphs: dict[str, str]
    series: pd.DataFrame  # month, wins, commitments_done, network_nodes, network_edges
    notes: list[str] = field(default_factory=list)  # about the comparison, in words
    sources: list[str] = field(default_factory=list)  # where the figures come from, and when
    snapshot: bool = False  # some figures are a last good snapshot's, not a live read's
    previous: tuple[dt.date, dt.date] | None = None  # the period compared with, when there is one

    @property
    def title(self) -> str:
        return report_title(self.start, self.end)

    @property
    def file_stem(self) -> str:
        return report_file_stem(self.start, self.end)


def report_title(start: dt.date, end: dt.date) -> str:
    return f"Impact report, {formatting.day(start)} – {formatting.day(end)}"


def report_file_stem(start: dt.date, end: dt.date) -> str:
    """What a report's files are called: the period in the name, so two reports never clash."""
    return f"impact-report-{start:%Y-%m-%d}-to-{end:%Y-%m-%d}"


@dataclass(frozen=True)
class ReportFigures:
    """A report's headline part: its figures against the previous period (``Report.figures``),
    its monthly series, the notes on the comparison and the period compared with. Computed
    alone for the page's *Figures* section, which a viewer opening the page sees: the
    collaborations' paragraphs and network stories are most of a whole report's time (on 60
    collaborations the page's first run took 1.2 s with the whole report, 0.3 s without)."""

    figures: pd.DataFrame
    series: pd.DataFrame
    notes: list[str]
    previous: tuple[dt.date, dt.date] | None


def _figure_table(now: dict, before: dict | None) -> pd.DataFrame:
    rows = []
    for key, label in FIGURES.items():
        value = now[key]
        previous = None if before is None else before[key]
        change = None if value is None or previous is None else round(value - previous, 4)
        rows.append(
            {"figure": key, "label": label, "value": value, "previous": previous, "change": change}
        )
    return pd.DataFrame(rows)


def _highlights(data: Dataset, start: dt.date, end: dt.date, mask: Masker | None) -> pd.DataFrame:
    wins = data.wins[data.wins["date"].between(pd.Timestamp(start), pd.Timestamp(end))]
    # sorted by their keys alone, then the ten rows taken: not every column of a year's wins
    keys = pd.DataFrame(
        {
            "order": wins["size"].map(SIZE_ORDER).fillna(len(SIZE_ORDER)).to_numpy(),
            "date": wins["date"].to_numpy(),
        }
    )
    # the largest are of a size: a win with none is no "largest", however few wins there are
    sized = keys[keys["order"] < len(SIZE_ORDER)]
    largest = wins.iloc[sized.sort_values(["order", "date"], ascending=[True, False]).index[:5]]
    recent = wins.iloc[keys.sort_values("date", ascending=False).index[:5]]
    out = pd.concat([largest.assign(why="largest"), recent.assign(why="most recent")])
    out = out.drop_duplicates("win_id")
    columns = ["date", "win", "project", "collaboration", "size", "why"]
    out = out[columns].reset_index(drop=True)
    if mask is not None:  # a project may be named after a member ("Ann's garden")
        out["win"] = out["win"].map(mask)
        out["project"] = out["project"].map(mask, na_action="ignore").astype(out["project"].dtype)
    return out


def _shown(names: list[str], mask: Masker | None) -> dict[str, str]:
    """How the report names each collaboration: as it is, or, for a report that names no one,
    masked as the app masks it for a funder ("Ann Lee Circle" → "[someone] Circle"; two that
    mask alike told apart)."""
    if mask is None:
        return {name: name for name in names}
    return grouping_masks(pd.Series(names, dtype="string"), mask)


@dataclass(frozen=True)
class Standstill:
    """A collaboration whose work has stopped: no win in the period's last 60 days (the window
    of ``stalled_projects``, D−59 … D, D the period's end)."""

    last_win: dt.date | None  # its latest win on or before the period's end; None: never one
    stalled: int  # its stalled projects at the period's end (docs/METRICS.md)
    active: int  # its active projects at the period's end


def standstills(data: Dataset, end: dt.date, names: list[str]) -> dict[str, Standstill]:
    """The collaborations of ``names`` with no win dated D−59 … D, each with its last win and
    how many of its projects are stalled — so its paragraph says the work stopped."""
    d = pd.Timestamp(end)
    wins = data.wins[data.wins["date"] <= d]
    last = wins.groupby("collaboration")["date"].max()
    states = ProjectStates(grouped(data, end, names)).per_group(len(names))
    quiet_from = d - pd.Timedelta(days=STALLED_AFTER_DAYS)
    out = {}
    for i, name in enumerate(names):
        latest = last.get(name)
        if latest is None or latest < quiet_from:
            out[name] = Standstill(
                None if latest is None else latest.date(),
                int(states["stalled_projects"][i]),
                int(states["projects_active"][i]),
            )
    return out


def _kept(now: dict) -> str:
    kept = now["follow_through"]
    if kept is None:
        return "no commitment came due"
    return f"{formatting.percent(kept)} of the commitments that came due were kept"


def _standstill_paragraph(name: str, now: dict, still: Standstill) -> str:
    """What a funder must read first of a collaboration whose work has stopped: no growth words."""
    since = (
        f"its last was on {formatting.day(still.last_win)}"
        if still.last_win
        else "none is recorded yet"
    )
    days = STALLED_AFTER_DAYS + 1
    projects = (
        f"{still.stalled:,} of its {formatting.plural(still.active, 'active project')} "
        f"{'is' if still.stalled == 1 else 'are'} stalled (nothing recorded for {days} days)"
        if still.active
        else "it has no active project"
    )
    return (
        f"{name} logged no small win in the last {days} days of this period ({since}), and "
        f"{projects}. Over the whole period: {formatting.plural(now['wins'], 'small win')}; "
        f"{_kept(now)}."
    )


def _paragraph(name: str, now: dict, before: dict | None) -> str:
    kept_text = _kept(now)
    if before is None:
        trend = "nothing is recorded before this period to compare with"
    else:
        change = now["wins"] - before["wins"]
        more = "more" if change > 0 else "fewer"
        trend = (
            "the same as the previous period"
            if change == 0
            else f"{abs(change):,} {more} than the previous period"
        )
    plural = formatting.plural
    return (
        f"{name} logged {plural(now['wins'], 'small win')} ({trend}). "
        f"{plural(now['new_people'], 'new person', 'new people')} from "
        f"{plural(now['new_organizations'], 'organization')} joined; {kept_text}. "
        f"The network gained {plural(now['new_links'], 'working relationship')}, to "
        f"{formatting.count(now['network_links'])} among "
        f"{plural(now['network_people'], 'person', 'people')}."
    )


def build_report(
    dataset: Dataset,
    start: dt.date,
    end: dt.date,
    collaborations: list[str] | None = None,
    show_names: bool = False,
) -> Report:
    """The report for ``start``…``end`` (both included) and some collaborations (all: empty)."""
    data, compared = _period(dataset, start, end, collaborations)
    head = _figures(data, compared, start, end)
    previous = compared.previous
    names = collaborations or dataset.collaborations["collaboration"].tolist()
    rows, paragraphs = [], {}
    own = comparisons(data, start, end, names)  # each one's comparison reads its own rows
    stopped = standstills(data, end, names)
    # every collaboration's figures from one scope of them side by side, not a scope each
    at_end = PeriodScope.of(data, end, names)
    figures = figures_by_group(at_end, start, end)
    earlier = figures_by_group(PeriodScope.of(data, previous[1], names), *previous)
    stories = stories_by_group(at_end, start, end)
    mask = None if show_names else masker_of(dataset)
    highlights = _highlights(data, start, end, mask)
    # the highlighted wins' collaborations too: "unassigned" is none of ``names``
    shown = _shown([*names, *highlights["collaboration"].dropna().unique()], mask)
    for i, name in enumerate(names):
        mine = figures[i]
        label = shown[name]
        rows.append({"collaboration": label, **mine})
        if name in stopped:  # the work has stopped: said first, and no story of growth
            paragraphs[label] = _standstill_paragraph(label, mine, stopped[name])
            continue
        theirs = compared.comparable and own[i].comparable
        said = _paragraph(label, mine, earlier[i] if theirs else None)
        told = story(stories[i], start, show_names)
        paragraphs[label] = f"{said} {told}"
    highlights["collaboration"] = (
        highlights["collaboration"]
        .map(shown, na_action="ignore")
        .astype(highlights["collaboration"].dtype)
    )
    return Report(
        start=start,
        end=end,
        collaborations=[shown[name] for name in names],
        anonymised=not show_names,
        figures=head.figures,
        by_collaboration=pd.DataFrame(rows),
        highlights=highlights,
        paragraphs=paragraphs,
        series=head.series,
        notes=head.notes,
        sources=data_notes(dataset, mask),
        snapshot=is_snapshot(dataset),
        previous=head.previous,
    )


def report_figures(
    dataset: Dataset, start: dt.date, end: dt.date, collaborations: list[str] | None = None
) -> ReportFigures:
    """``build_report``'s headline part alone (``ReportFigures``): the same figures, computed
    the same way."""
    return _figures(*_period(dataset, start, end, collaborations), start, end)


def _period(
    dataset: Dataset, start: dt.date, end: dt.date, collaborations: list[str] | None
) -> tuple[Dataset, Comparison]:
    """The records of the chosen collaborations (all: empty) and how the period compares with
    the one before; a period that ends before it starts, or an unknown name, is an error."""
    if start > end:
        raise ValueError(f"the period starts ({start}) after it ends ({end})")
    known = dataset.collaborations["collaboration"].tolist()
    unknown = [c for c in collaborations or [] if c not in known]
    if unknown:
        raise ValueError(f"no collaboration named {unknown[0]!r}; known: {', '.join(known)}")
    data = filtered(dataset, collaborations or [])
    return data, comparison(data, start, end)


def _figures(data: Dataset, compared: Comparison, start: dt.date, end: dt.date) -> ReportFigures:
    note = compared.note()
    now = period_figures(data, start, end)
    before = period_figures(data, *compared.previous) if compared.comparable else None
    series = metrics.monthly_series(data, end)
    series = series[series["month"] >= pd.Timestamp(start).to_period("M").to_timestamp()]
    return ReportFigures(
        figures=_figure_table(now, before),
        series=series[["month", "wins", "commitments_done", "network_nodes", "network_edges"]],
        notes=[note] if note else [],
        previous=compared.previous if compared.comparable else None,
    )
