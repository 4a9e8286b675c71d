"""The funder impact report: what it says, built from the figures (no rendering here).

Anonymised by default: people appear as counts, organizations by name, and names or emails typed
into free text are masked (``privacy/masking.py``). ``show_names`` is for internal use only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from dashboard import metrics
from dashboard.dataset import Dataset
from dashboard.filtering import by_collaboration, filtered
from dashboard.periods import comparison
from dashboard.privacy.masking import Masker
from dashboard.reports import numbers
from dashboard.reports.period import FIGURES, period_figures
from dashboard.reports.provenance import data_notes, is_snapshot
from dashboard.reports.story import story, story_figures

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
        return f"Impact report, {self.start:%d %B %Y} – {self.end:%d %B %Y}"

    @property
    def file_stem(self) -> str:
        """What its files are called: the period in the name, so two reports never clash."""
        return f"impact-report-{self.start:%Y-%m-%d}-to-{self.end:%Y-%m-%d}"


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
    wins = wins.assign(order=wins["size"].map(SIZE_ORDER).fillna(3))
    largest = wins.sort_values(["order", "date"], ascending=[True, False]).head(5)
    recent = wins.sort_values("date", ascending=False).head(5)
    out = pd.concat([largest.assign(why="largest"), recent.assign(why="most recent")])
    out = out.drop_duplicates("win_id")
    columns = ["date", "win", "project", "collaboration", "size", "why"]
    out = out[columns].reset_index(drop=True)
    if mask is not None:  # a project may be named after a member ("Ann's garden")
        out["win"] = out["win"].map(mask)
        out["project"] = out["project"].map(mask, na_action="ignore").astype(out["project"].dtype)
    return out


def _paragraph(name: str, now: dict, before: dict | None) -> str:
    kept = now["follow_through"]
    kept_text = (
        f"{numbers.share(kept)} of the commitments that came due were kept"
        if kept is not None
        else ("no commitment came due")
    )
    if before is None:
        trend = "nothing is recorded before this period to compare with"
    else:
        change = now["wins"] - before["wins"]
        more = "more" if change > 0 else "fewer"
        trend = (
            "the same as the previous period"
            if change == 0
            else f"{abs(change)} {more} than the previous period"
        )
    return (
        f"{name} logged {now['wins']} small win{'s' * (now['wins'] != 1)} "
        f"({trend}). {now['new_people']} new "
        f"{'person' if now['new_people'] == 1 else 'people'} from {now['new_organizations']} "
        f"organization{'s' * (now['new_organizations'] != 1)} joined; {kept_text}. "
        f"The network gained {now['new_links']} working relationship"
        f"{'s' * (now['new_links'] != 1)}, to {now['network_links']} among "
        f"{now['network_people']} people."
    )


def build_report(
    dataset: Dataset,
    start: dt.date,
    end: dt.date,
    collaborations: list[str] | None = None,
    show_names: bool = False,
) -> Report:
    """The report for ``start``…``end`` (both included) and some collaborations (all: empty)."""
    if start > end:
        raise ValueError(f"the period starts ({start}) after it ends ({end})")
    known = dataset.collaborations["collaboration"].tolist()
    unknown = [c for c in collaborations or [] if c not in known]
    if unknown:
        raise ValueError(f"no collaboration named {unknown[0]!r}; known: {', '.join(known)}")
    data = filtered(dataset, collaborations or [])
    compared = comparison(data, start, end)
    previous, note = compared.previous, compared.note()
    now = period_figures(data, start, end)
    before = period_figures(data, *previous) if compared.comparable else None
    names = collaborations or known
    rows, paragraphs = [], {}
    own = by_collaboration(data, names)  # each scope below then reads one collaboration's rows
    for name in names:
        mine = period_figures(own[name], start, end, name)
        theirs = compared.comparable and comparison(own[name], start, end).comparable
        said = _paragraph(
            name, mine, period_figures(own[name], *previous, name) if theirs else None
        )
        told = story(story_figures(own[name], start, end, name), start, show_names)
        paragraphs[name] = f"{said} {told}"
        rows.append({"collaboration": name, **mine})
    series = metrics.monthly_series(data, end)
    series = series[series["month"] >= pd.Timestamp(start).to_period("M").to_timestamp()]
    mask = None if show_names else Masker(dataset.people)
    return Report(
        start=start,
        end=end,
        collaborations=names,
        anonymised=not show_names,
        figures=_figure_table(now, before),
        by_collaboration=pd.DataFrame(rows),
        highlights=_highlights(data, start, end, mask),
        paragraphs=paragraphs,
        series=series[["month", "wins", "commitments_done", "network_nodes", "network_edges"]],
        notes=[note] if note else [],
        sources=data_notes(dataset, mask),
        snapshot=is_snapshot(dataset),
        previous=previous if compared.comparable else None,
    )
