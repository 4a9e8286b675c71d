"""What a digest says, for its audience, period and collaborations (docs/METRICS.md, "Digests").

The data is first cut to what the audience may see in the app, with the app's own functions
(``dashboard.privacy``): a team's digest holds its collaborations' records only; a funder's is
made from the funder's anonymised view of the whole dataset — pseudonyms (codes) as on the
funder's pages, every text masked — and only then narrowed to the digest's collaborations (by
their masked names, which are also what the funder's link filters on). Nothing below this
module's first step ever sees a name the audience could not.

Every figure is as of the period's last day (D), so a digest of a past period reads the same
whenever it is made; "coming up" is the 14 days after D.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Generic, TypeVar
from urllib.parse import urlencode

import numpy as np
import pandas as pd

from dashboard.clean.names import key_of
from dashboard.config import ConfigError
from dashboard.dataset import Dataset
from dashboard.digest.period import Period
from dashboard.digest.setup import DigestSpec
from dashboard.filtering import URL_PARAMS, filtered
from dashboard.metrics.activity import activities, first_activity, overdue
from dashboard.metrics.network import edge_table
from dashboard.metrics.scope import scope
from dashboard.metrics.weaving import closes_before
from dashboard.privacy import anonymised, for_team
from dashboard.reports.period import period_figures

T = TypeVar("T")
LISTED = 20  # wins (and each other list) shown before "and N more"
COMING_UP_DAYS = 14
QUIET_DAYS = 30  # a collaboration with no win in the last 30 days is quiet (coordinator's digest)
CHART_WEEKS = 12
UNASSIGNED = "unassigned"
# the app's filter parameters a digest's link sets (one home: dashboard.filtering.URL_PARAMS)
LINK_PARAMS = {key: URL_PARAMS[key] for key in ("collaborations", "start", "end")}


@dataclass(frozen=True)
class Win:
    date: dt.date
    text: str
    project: str
    size: str
    people: tuple[str, ...]
    evidence: str
    collaboration: str


@dataclass(frozen=True)
class Person:
    name: str
    organization: str
    joined: dt.date


@dataclass(frozen=True)
class Introduction:
    first: str
    second: str
    date: dt.date


@dataclass(frozen=True)
class Commitment:
    who: str
    what: str
    project: str
    due: dt.date | None
    done: dt.date | None


@dataclass(frozen=True)
class Listing(Generic[T]):
    """The first ``LISTED`` items of a list, and how many there are in all."""

    shown: tuple[T, ...]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.shown)


@dataclass(frozen=True)
class Digest:
    spec: DigestSpec
    period: Period
    collaborations: tuple[str, ...]  # as the audience sees them (a funder: masked)
    every_collaboration: bool
    wins: Listing[Win]
    joined: Listing[Person]
    introductions: Listing[Introduction]
    kept: Listing[Commitment]
    commitments_due: int
    follow_through: float | None
    coming_up: Listing[Commitment] | None  # team and coordinator only
    overdue: int | None
    quiet_collaborations: tuple[str, ...] | None  # coordinator only
    weekly: pd.DataFrame  # week (its Monday), wins: the chart's 12 weeks
    link: str | None

    @property
    def quiet(self) -> bool:
        """Nothing to celebrate: no win, no kept commitment, no one new."""
        return not (self.wins.total or self.kept.total or self.joined.total)

    @property
    def scope_name(self) -> str:
        """The collaborations in words, for the subject and the heading."""
        names = self.collaborations
        if self.every_collaboration and len(names) != 1:
            return "all collaborations" if len(names) > 3 or not names else ", ".join(names)
        if len(names) > 3:
            return f"{', '.join(names[:2])} and {len(names) - 2} more collaborations"
        return ", ".join(names)

    @property
    def subject(self) -> str:
        return f"Small wins: {self.scope_name}, {self.period.label}"


def known_collaborations(dataset: Dataset) -> list[str]:
    """Collaborations on the Collaborations tab or named by a record, as written (not
    ``unassigned``)."""
    parts = [dataset.collaborations["collaboration"]] + [
        getattr(dataset, t)["collaboration"] for t in ("projects", "commitments", "wins")
    ]
    names = pd.concat(parts).dropna().astype(str).drop_duplicates()
    return names[names != UNASSIGNED].tolist()


def audience_view(
    dataset: Dataset, spec: DigestSpec, secret: str | None
) -> tuple[Dataset, tuple[str, ...]]:
    """The records the digest's audience may see, of its collaborations, and their names as the
    audience sees them. A configured name is matched by name key (case, accents and spacing
    aside, as the sheets' names are); an unknown one is a configuration mistake
    (``ConfigError``)."""
    known = known_collaborations(dataset)
    spelled = {key_of(name): name for name in reversed(known)}  # as the sheet first writes it
    names = []
    for name in spec.collaborations:
        if key_of(name) not in spelled:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f" — did you mean '{close[0]}'?" if close else ""
            raise ConfigError(
                f"digest '{spec.name}' (line {spec.line}): no collaboration named '{name}' in "
                f"the data{hint}"
            )
        names.append(spelled[key_of(name)])
    names = names or known
    if spec.audience == "team":
        view = for_team(dataset, names) if spec.collaborations else dataset
    elif spec.audience == "funder":
        view = anonymised(dataset, secret)
        names = _masked_names(dataset, view, names)
    else:
        view = dataset
    return (filtered(view, names) if spec.collaborations else view), tuple(names)


def _masked_names(dataset: Dataset, masked: Dataset, names: list[str]) -> list[str]:
    """Each collaboration's masked name: the anonymised tables keep every row where it was."""
    pairs = pd.concat(
        [
            pd.DataFrame(
                {
                    "name": getattr(dataset, t)["collaboration"].astype(object).to_numpy(),
                    "masked": getattr(masked, t)["collaboration"].astype(object).to_numpy(),
                }
            )
            for t in ("collaborations", "projects", "commitments", "wins")
        ]
    ).drop_duplicates("name")
    lookup = dict(zip(pairs["name"], pairs["masked"], strict=True))
    return [str(lookup.get(name, name)) for name in names]


def _text(value: object) -> str:
    return "" if value is None or value is pd.NA or pd.isna(value) else str(value)


def _day(value: object) -> dt.date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def _listing(items: list[T]) -> Listing[T]:
    return Listing(tuple(items[:LISTED]), len(items))


def _names(people: pd.DataFrame) -> pd.Series:
    return people.drop_duplicates("person").set_index("person")["name"]


def _wins(data: Dataset, first: pd.Timestamp, last: pd.Timestamp) -> Listing[Win]:
    w = data.wins[data.wins["date"].between(first, last)]
    w = w.sort_values(["date", "row"], ascending=False)
    total, w = len(w), w.head(LISTED)
    links = data.win_people[data.win_people["win_id"].isin(w["win_id"])]
    named = links.assign(name=links["person"].map(_names(data.people)).fillna(links["person"]))
    people = named.groupby("win_id", sort=False)["name"].agg(tuple)
    wins = [
        Win(
            date=_day(r.date) or first.date(),
            text=_text(r.win),
            project=_text(r.project),
            size=_text(r.size),
            people=tuple(people.get(r.win_id, ())),
            evidence=_text(r.evidence),
            collaboration=_text(r.collaboration),
        )
        for r in w.itertuples()
    ]
    return Listing(tuple(wins), total)


def _joined(
    events: pd.DataFrame, data: Dataset, first: pd.Timestamp, last: pd.Timestamp
) -> Listing[Person]:
    firsts = first_activity(events)
    new = firsts[firsts.between(first, last)].rename("joined").reset_index()
    people = data.people.drop_duplicates("person")[["person", "name", "organization"]]
    new = new.merge(people, on="person", how="left").sort_values(["joined", "name"])
    return _listing(
        [
            # itertuples' fields are typed loosely by pandas; these are the People table's columns
            Person(_text(r.name) or _text(r.person), _text(r.organization), _day(r.joined))  # type: ignore[arg-type]
            for r in new.itertuples()
        ]
    )


def _introductions(data: Dataset, last: pd.Timestamp, first: pd.Timestamp) -> Listing:
    s = scope(data, last)
    edges = edge_table(s)
    inside = edges["first_seen"].between(first, last).to_numpy()
    closed = edges[closes_before(edges, first) & inside].sort_values("first_seen")
    names = s.people["name"].fillna(s.people["person"]).astype(str).to_numpy()
    return _listing(
        [
            Introduction(str(a), str(b), pd.Timestamp(d).date())
            for a, b, d in zip(
                names[closed["a"].to_numpy()],
                names[closed["b"].to_numpy()],
                closed["first_seen"],
                strict=True,
            )
        ]
    )


def _commitments(c: pd.DataFrame, data: Dataset, order: str) -> Listing[Commitment]:
    named = c.assign(who=c["person"].map(_names(data.people)).fillna(c["person"]))
    named = named.sort_values([order, "who"])
    return _listing(
        [
            Commitment(
                _text(r.who), _text(r.commitment), _text(r.project), _day(r.due), _day(r.done)
            )
            for r in named.itertuples()
        ]
    )


def kept_in(c: pd.DataFrame, first: pd.Timestamp, last: pd.Timestamp) -> pd.Series:
    """docs/METRICS.md, "Digests": done, on a done date in the period — or, with no done date
    written, due in it."""
    when = c["done"].where(c["done"].notna(), c["due"])
    return (c["status"] == "done") & when.between(first, last)


def weekly_wins(data: Dataset, last: pd.Timestamp) -> pd.DataFrame:
    """Wins per Monday–Sunday week, the 12 weeks ending with the week of D (that one cut at D)."""
    monday = last - pd.Timedelta(days=last.weekday())
    weeks = pd.date_range(end=monday, periods=CHART_WEEKS, freq="7D")
    dates = data.wins["date"]
    dates = dates[dates.between(weeks[0], last)]
    starts = dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")
    counts = starts.dt.normalize().value_counts().reindex(weeks, fill_value=0)
    return pd.DataFrame({"week": weeks, "wins": counts.to_numpy().astype(int)})


def _quiet_collaborations(
    data: Dataset, names: tuple[str, ...], last: pd.Timestamp
) -> tuple[str, ...]:
    start = last - pd.Timedelta(days=QUIET_DAYS - 1)
    wins = data.wins
    recent = set(wins.loc[wins["date"].between(start, last), "collaboration"].dropna())
    return tuple(sorted((n for n in names if n not in recent), key=str.casefold))


def link(base: str | None, collaborations: tuple[str, ...], period: Period) -> str | None:
    """The app with the digest's collaborations and period in the URL (as the filters read
    them)."""
    if not base:
        return None
    query = [(LINK_PARAMS["collaborations"], name) for name in collaborations]
    query += [(LINK_PARAMS["start"], period.start.isoformat())]
    query += [(LINK_PARAMS["end"], period.end.isoformat())]
    return f"{base}/?{urlencode(query)}"


def compose(
    dataset: Dataset,
    spec: DigestSpec,
    period: Period,
    public_url: str | None = None,
    secret: str | None = None,
) -> Digest:
    """The digest ``spec`` for ``period``, from the whole dataset (cut here to its audience)."""
    data, names = audience_view(dataset, spec, secret)
    first, last = pd.Timestamp(period.start), pd.Timestamp(period.end)
    s = scope(data, last)
    c = s.commitments
    figures = period_figures(data, period.start, period.end)
    with_names = spec.audience != "funder"
    coming = (c["status"] == "open") & c["due"].between(
        last + pd.Timedelta(days=1), last + pd.Timedelta(days=COMING_UP_DAYS)
    )
    listed = names if spec.collaborations else tuple(known_collaborations(data))
    return Digest(
        spec=spec,
        period=period,
        collaborations=tuple(names),
        every_collaboration=not spec.collaborations,
        wins=_wins(data, first, last),
        joined=_joined(activities(s), data, first, last),
        introductions=_introductions(data, last, first),
        kept=_commitments(c[kept_in(c, first, last).to_numpy()], data, "due"),
        commitments_due=int(figures["commitments_due"] or 0),
        follow_through=figures["follow_through"],
        coming_up=_commitments(c[coming.to_numpy()], data, "due") if with_names else None,
        overdue=int(np.sum(overdue(c, last))) if with_names else None,
        quiet_collaborations=(
            _quiet_collaborations(data, tuple(listed), last)
            if spec.audience == "coordinator"
            else None
        ),
        weekly=weekly_wins(data, last),
        link=link(public_url, names if spec.collaborations else (), period),
    )
