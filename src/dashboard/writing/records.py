"""New records a team logs — a win, a commitment — and the checks they pass before any write.

Validation happens before anything is written, and every message names the field it is about, so
the form can show it next to that field and the command line can print it.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field

import pandas as pd

from dashboard.clean.cells import SHEET_ERRORS
from dashboard.clean.names import key_of, split_lists
from dashboard.limits import FUTURE_DAYS
from dashboard.schema import WIN_SIZES

_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
DEFAULT_FUTURE_DAYS = FUTURE_DAYS  # the one rule for dates ahead (dashboard.limits)


def new_id(prefix: str) -> str:
    """A fresh id for a written row: the key that makes a retried write land once."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


@dataclass(frozen=True)
class NewWin:
    date: dt.date | None
    win: str
    project: str
    people: str = ""
    category: str = ""
    size: str = ""
    evidence: str = ""
    id: str = field(default_factory=lambda: new_id("w"))

    tab = "Wins"
    date_columns = ("date",)  # cells() writes them as YYYY-MM-DD; a workbook stores a date cell

    def cells(self) -> dict[str, str]:
        """Canonical column → cell text, as written to the sheet."""
        names = ", ".join(people_in(self.people))
        return {
            "date": self.date.isoformat() if self.date else "",
            "win": self.win.strip(),
            "project": self.project.strip(),
            "people": names,
            "category": self.category.strip(),
            "size": self.size.strip().lower(),
            "evidence": self.evidence.strip(),
            "id": self.id,
        }


@dataclass(frozen=True)
class NewCommitment:
    person: str
    project: str
    commitment: str
    due: dt.date | None
    made: dt.date | None = None
    id: str = field(default_factory=lambda: new_id("c"))

    tab = "Commitments"
    date_columns = ("made", "due")

    def cells(self) -> dict[str, str]:
        return {
            "person": self.person.strip(),
            "project": self.project.strip(),
            "commitment": self.commitment.strip(),
            "made": (self.made or dt.date.today()).isoformat(),
            "due": self.due.isoformat() if self.due else "",
            "status": "open",
            "id": self.id,
        }


def people_in(text: str) -> list[str]:
    """The names of a people list, by the same rule the loader reads it with."""
    if not text or not text.strip():
        return []
    return split_lists(pd.Series([text], dtype="string")).tolist()


def _known(name: str, projects: list[str]) -> bool:
    return key_of(name) in {key_of(p) for p in projects}


def _check_error_values(errors: dict[str, str], record: NewWin | NewCommitment) -> None:
    """A text a sheet shows for a formula error ("#N/A", "#REF!"…) is read back as that error,
    not as text: a win or a commitment written so would be skipped when the sheet is read (a
    logged win vanishing), and a category or a name lost. Refused, with the field named."""
    texts = {
        name: value
        for name, value in record.cells().items()
        if name not in record.date_columns and name != "id"
    }
    if isinstance(record, NewWin):
        texts["people"] = next((p for p in people_in(record.people) if p in SHEET_ERRORS), "")
    for name, value in texts.items():
        if value.strip() in SHEET_ERRORS and name not in errors:
            errors[name] = (
                f"{value.strip()} is what a sheet shows for a formula error, and would be read "
                "as one: write it another way."
            )


def validate(
    record: NewWin | NewCommitment,
    projects: list[str],
    today: dt.date | None = None,
    future_days: int = DEFAULT_FUTURE_DAYS,
) -> dict[str, str]:
    """Field → message for every problem; empty when the record may be written."""
    today = today or dt.date.today()
    errors: dict[str, str] = {}
    if not record.project.strip():
        errors["project"] = "Choose the project."
    elif not _known(record.project, projects):
        errors["project"] = f"'{record.project}' is not a project of this sheet's Projects tab."
    if isinstance(record, NewWin):
        _check_date(errors, "date", record.date, today, future_days, "the win")
        if not record.win.strip():
            errors["win"] = "Say what happened."
        if record.people.strip() and not people_in(record.people):
            errors["people"] = "No names found: separate names with commas."
        if record.size.strip() and record.size.strip().lower() not in WIN_SIZES:
            errors["size"] = f"Size is one of {', '.join(WIN_SIZES)}."
        if record.evidence.strip() and not _URL.match(record.evidence.strip()):
            errors["evidence"] = "Evidence is a link starting with http:// or https://."
    else:
        if not record.person.strip():
            errors["person"] = "Who makes the commitment?"
        if not record.commitment.strip():
            errors["commitment"] = "Say what will be done."
        if record.due is None:
            errors["due"] = "By when? Give a date."
        elif record.due < (record.made or today):
            errors["due"] = "By when is before the day the commitment is made."
        _check_date(errors, "made", record.made or today, today, future_days, "the commitment")
    _check_error_values(errors, record)
    return errors


def _check_date(
    errors: dict[str, str],
    name: str,
    value: dt.date | None,
    today: dt.date,
    future_days: int,
    what: str,
) -> None:
    if value is None:
        errors[name] = "Give a date."
    elif value > (latest := today + dt.timedelta(days=future_days)):
        errors[name] = (
            f"The date of {what} is more than {future_days} days ahead: the latest allowed is "
            f"{latest:%Y-%m-%d}."
        )
