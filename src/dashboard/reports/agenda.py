"""The 30/30 agenda: what a Strategic Doing team looks at in its 30-minute monthly check-in.

For one project or collaboration and a meeting date D (records dated after D ignored, as in
docs/METRICS.md), the agenda holds:

1. commitments due *since the last meeting* — their status at D and the result, to report back on;
2. wins dated since the last meeting, to celebrate;
3. every commitment open at D (status open, or done only after D): overdue ones first
   (docs/METRICS.md ``overdue``, most days late first), then those due before the next meeting
   (D … D+30), then later ones and those with no due date — nothing open is left out;
4. people who have gone quiet: active in this project/collaboration before, with no activity in
   the 60 days D−59 … D;
5. introductions: those suggested at the last meeting (the top 5 then), each *closed* (the two
   have worked together since) or still *open*; the weavers to thank — the people credited with
   the introductions that happened since the last meeting (docs/METRICS.md, "weaver credits");
   and the top 5 suggested now, inside the project/collaboration.

Boundaries. The *last meeting* is the latest Meetings row of the project (for a project agenda:
rows naming that project) or of the collaboration (any of its meetings) dated strictly before D —
a meeting on D is the one being prepared. "Since" is the half-open interval (last meeting, D]:
something due or won *on* the last meeting day was already reported at that meeting. With no
earlier meeting the agenda covers the last 30 days, D−29 … D (docs/METRICS.md ``last_30``), i.e. it
is "since" D−30. Names are shown: the agenda is for the team's own meeting.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from dashboard.clean.names import key_of
from dashboard.dataset import Dataset
from dashboard.filtering import filtered
from dashboard.metrics.activity import activities, overdue
from dashboard.metrics.follow_up import followed_up
from dashboard.metrics.introductions import suggested_introductions
from dashboard.metrics.scope import day, scope
from dashboard.metrics.standing_tables import weavers
from dashboard.reports.provenance import data_notes

QUIET_DAYS = 60  # no activity in D−59 … D: gone quiet
FALLBACK_DAYS = 30  # no earlier meeting: the last 30 days
NEXT_MEETING_DAYS = 30  # a 30/30 cycle: due within D … D+30 is due before the next meeting
OVERDUE, DUE_SOON, LATER = "overdue", "due before the next meeting", "later"
INTRODUCTIONS = 5


@dataclass
class Agenda:
    """One 30/30 agenda; tables hold names (not person ids) and dates as ``datetime64``."""

    title: str
    date: dt.date
    since: dt.date  # exclusive: the last meeting's date, or D−30 when there was none
    scope_label: str
    due_since: pd.DataFrame  # name, commitment, due, status, done, result
    wins: pd.DataFrame  # date, win, people
    open: pd.DataFrame  # name, commitment, due, when (OVERDUE, DUE_SOON, LATER), days_late
    quiet: pd.DataFrame  # name, organization, last_activity
    introductions: pd.DataFrame  # a_name, b_name, shared
    last_meeting: dt.date | None = None  # None: no meeting before D, so the last 30 days
    followed_up: pd.DataFrame | None = None  # a_name, b_name, status, linked_on
    sources: list[str] = field(default_factory=list)  # where its data comes from, and when
    weavers: pd.DataFrame | None = None  # thank (a name), credits, introduced

    @property
    def file_stem(self) -> str:
        """What its files are called: the meeting's date and whose agenda it is."""
        name = re.sub(r"[^\w]+", "-", self.scope_label.partition(": ")[2] or self.title).strip("-")
        return f"agenda-{self.date:%Y-%m-%d}-{name or 'meeting'}"


def build_agenda(
    dataset: Dataset,
    date: dt.date | str | pd.Timestamp,
    project: str | None = None,
    collaboration: str | None = None,
) -> Agenda:
    """The agenda of ``project`` or ``collaboration`` (exactly one) for a meeting on ``date``.

    Names match loosely (case, accents, spacing); an unknown name raises ``ValueError`` listing
    the closest known names, so a typo on the command line is easy to fix.
    """
    if (project is None) == (collaboration is None):
        raise ValueError("name exactly one of a project or a collaboration")
    d = day(date)
    if project is not None:
        name = _match(project, _project_names(dataset), "project")
        part, label = filtered(dataset, projects=[name]), f"Project: {name}"
    else:
        name = _match(collaboration or "", _collaboration_names(dataset), "collaboration")
        part, label = filtered(dataset, collaborations=[name]), f"Collaboration: {name}"
    s = scope(part, d)
    earlier = s.meetings.loc[s.meetings["date"] < d, "date"]
    last = earlier.max() if not earlier.empty else None
    since = last if last is not None else d - pd.Timedelta(days=FALLBACK_DAYS)
    names = _names(dataset.people)
    return Agenda(
        title=f"30/30 agenda — {name}",
        date=d.date(),
        since=since.date(),
        scope_label=label,
        due_since=_due_since(s.commitments, since, d, names),
        wins=_wins(s.wins, s.win_people, since, names),
        open=_open(s.commitments, d, names),
        quiet=_quiet(activities(s), dataset.people, d, names),
        introductions=_introductions(part, d, names),
        last_meeting=last.date() if last is not None else None,
        followed_up=_followed_up(part, since, d, names),
        sources=data_notes(dataset),
        weavers=_weavers(part, dataset.people, since, d),
    )


def _project_names(dataset: Dataset) -> pd.Series:
    tables = (dataset.projects, dataset.commitments, dataset.wins, dataset.meetings)
    return pd.concat([t["project"] for t in tables]).dropna().drop_duplicates()


def _collaboration_names(dataset: Dataset) -> pd.Series:
    tables = (dataset.collaborations, dataset.projects, dataset.commitments, dataset.wins)
    return pd.concat([t["collaboration"] for t in (*tables, dataset.meetings)]).dropna().unique()


def _match(wanted: str, known: Iterable[object], what: str) -> str:
    """The known name whose key equals ``wanted``'s key, else ValueError with close names."""
    by_key = {key_of(str(n)): str(n) for n in known}
    if key_of(wanted) in by_key:
        return by_key[key_of(wanted)]
    close = difflib.get_close_matches(key_of(wanted), list(by_key), n=5, cutoff=0.5)
    hint = (
        "did you mean: " + ", ".join(by_key[k] for k in close)
        if close
        else "known: " + ", ".join(sorted(by_key.values())[:10])
    )
    raise ValueError(f"no {what} named {wanted!r}; {hint}")


def _names(people: pd.DataFrame) -> pd.Series:
    return people.drop_duplicates("person").set_index("person")["name"]


def _name_of(persons: pd.Series, names: pd.Series) -> pd.Series:
    """Display names; a person missing from People shows as their id (better than blank)."""
    return persons.map(names).fillna(persons).astype("string")


def _due_since(
    c: pd.DataFrame, since: pd.Timestamp, d: pd.Timestamp, names: pd.Series
) -> pd.DataFrame:
    """Due in (since, D]. Status is as at D: a done date after D means still open then."""
    rows = c[(c["due"] > since) & (c["due"] <= d)]
    later = (rows["status"] == "done") & (rows["done"] > d)
    out = pd.DataFrame(
        {
            "name": _name_of(rows["person"], names),
            "commitment": rows["commitment"],
            "due": rows["due"],
            "status": rows["status"].mask(later, "open"),
            "done": rows["done"].mask(later),
            "result": rows["result"],
        }
    )
    return out.sort_values(["due", "name"]).reset_index(drop=True)


def _wins(
    wins: pd.DataFrame, win_people: pd.DataFrame, since: pd.Timestamp, names: pd.Series
) -> pd.DataFrame:
    recent = wins[wins["date"] > since]
    named = win_people[win_people["win_id"].isin(recent["win_id"])]
    people = (
        named.assign(name=_name_of(named["person"], names)).groupby("win_id")["name"].agg(", ".join)
    )
    out = pd.DataFrame(
        {
            "date": recent["date"],
            "win": recent["win"],
            "people": recent["win_id"].map(people).astype("string"),
        }
    )
    return out.sort_values(["date", "win"]).reset_index(drop=True)


def _open(c: pd.DataFrame, d: pd.Timestamp, names: pd.Series) -> pd.DataFrame:
    """Every commitment open at D (made ≤ D already): overdue first, most days late first; then
    due before the next meeting, soonest first; then later, undated last. ``days_late`` only for
    the overdue ones."""
    still = (c["status"] == "open") | ((c["status"] == "done") & (c["done"] > d))
    rows = c[still]
    late = overdue(rows, d)
    soon = rows["due"].between(d, d + pd.Timedelta(days=NEXT_MEETING_DAYS))
    order = pd.Series(2, index=rows.index).mask(soon, 1).mask(late, 0)
    out = pd.DataFrame(
        {
            "name": _name_of(rows["person"], names),
            "commitment": rows["commitment"],
            "due": rows["due"],
            "when": order.map({0: OVERDUE, 1: DUE_SOON, 2: LATER}).astype("string"),
            "days_late": (d - rows["due"]).dt.days.astype("Int64").where(late),
            "order": order,
        }
    )
    out = out.sort_values(["order", "due", "name"], na_position="last", kind="stable")
    return out.drop(columns="order").reset_index(drop=True)


def _quiet(
    events: pd.DataFrame, people: pd.DataFrame, d: pd.Timestamp, names: pd.Series
) -> pd.DataFrame:
    """People whose latest activity here is before D−59: silent for the whole 60-day window."""
    last = events.groupby("person")["date"].max()
    last = last[last < d - pd.Timedelta(days=QUIET_DAYS - 1)]
    orgs = people.drop_duplicates("person").set_index("person")["organization"]
    persons = pd.Series(last.index, dtype="string")
    out = pd.DataFrame(
        {
            "name": _name_of(persons, names).to_numpy(),
            "organization": persons.map(orgs).astype("string").to_numpy(),
            "last_activity": last.to_numpy(),
        }
    )
    out["last_activity"] = out["last_activity"].astype("datetime64[ns]")
    return out.sort_values(["last_activity", "name"], ascending=[False, True]).reset_index(
        drop=True
    )


def _introductions(part: Dataset, d: pd.Timestamp, names: pd.Series) -> pd.DataFrame:
    pairs = suggested_introductions(part, d, limit=INTRODUCTIONS)
    return pd.DataFrame(
        {
            "a_name": _name_of(pairs["a"].astype("string"), names),
            "b_name": _name_of(pairs["b"].astype("string"), names),
            "shared": pairs["shared"].astype("int64"),
        }
    )


def _followed_up(
    part: Dataset, since: pd.Timestamp, d: pd.Timestamp, names: pd.Series
) -> pd.DataFrame:
    """The introductions the agenda of the last meeting (or of D−30) suggested, and whether each
    happened by D."""
    pairs = followed_up(part, since, d, limit=INTRODUCTIONS)
    return pd.DataFrame(
        {
            "a_name": _name_of(pairs["a"].astype("string"), names),
            "b_name": _name_of(pairs["b"].astype("string"), names),
            "status": pairs["status"].astype("string"),
            "linked_on": pairs["linked_on"].astype("datetime64[ns]"),
        }
    )


def _weavers(
    part: Dataset, people: pd.DataFrame, since: pd.Timestamp, d: pd.Timestamp
) -> pd.DataFrame:
    """The people to thank: credited with the introductions that happened in (since, D], most
    credits first, with the pairs they brought together."""
    found = weavers(part, people, since + pd.Timedelta(days=1), d)["weavers"]
    out = found[["name", "credits", "introduced"]].rename(columns={"name": "thank"})
    return out.reset_index(drop=True)
