"""What a person would question though every cell reads: ``unknown project``, ``date in the
future``, ``unknown person`` for a lead or coordinator, ``ambiguous name`` — each a problem with
tab, row (as the sheet numbers it: the header is row 1), column, value and reason; the records
are still counted."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.sources.local import write_xlsx
from tests.clean.questions import AHEAD, FAR, questioned_workbook
from tests.fixtures import dataset_of

NEW_KINDS = ("unknown project", "date in the future", "unknown person", "ambiguous name")


@pytest.fixture(scope="module")
def found() -> pd.DataFrame:
    problems = dataset_of(questioned_workbook()).problems
    new = problems[problems["kind"].isin(NEW_KINDS)]
    return new.astype(object).where(new.notna(), None)


def _at(found: pd.DataFrame, kind: str) -> list[tuple]:
    rows = found[found["kind"] == kind]
    return [tuple(r) for r in rows[["tab", "row", "column", "value"]].itertuples(index=False)]


def _reason(found: pd.DataFrame, tab: str, row: int, kind: str) -> str:
    hit = found[(found["tab"] == tab) & (found["row"] == row) & (found["kind"] == kind)]
    assert len(hit) == 1, hit
    return str(hit["reason"].iloc[0])


def test_a_project_not_on_projects(found):
    assert sorted(_at(found, "unknown project")) == [
        ("Commitments", 5, "project", "Dock"),
        ("Wins", 3, "project", "Dock"),
    ]
    # still counted: under its own collaboration column's, else (no source's here) unassigned
    assert _reason(found, "Commitments", 5, "unknown project").endswith("a project of South")
    assert "counted as unassigned" in _reason(found, "Wins", 3, "unknown project")


def test_the_record_of_an_unknown_project_is_still_counted():
    data = dataset_of(questioned_workbook())
    dock = data.commitments[data.commitments["project"] == "Dock"]
    assert dock["collaboration"].tolist() == ["South"]
    assert data.wins["win"].tolist() == ["Launch", "Dock win"]


def test_a_date_more_than_7_days_after_the_read(found):
    # made: AHEAD (today + 8) is questioned, EDGE (today + 7) is not; a win dated today + 30 is.
    # A commitment's due date far ahead is normal and never questioned.
    assert sorted(_at(found, "date in the future")) == [
        ("Commitments", 6, "made", AHEAD),
        ("Wins", 2, "date", FAR),
    ]
    assert "more than 7 days after the day it was read" in _reason(
        found, "Wins", 2, "date in the future"
    )


def test_a_lead_or_coordinator_not_on_people(found):
    assert sorted(_at(found, "unknown person")) == [
        ("Collaborations", 3, "coordinator", "Zed Nobody"),
        ("Projects", 3, "lead", "Quinn Ghost"),
    ]


def test_a_name_two_people_rows_share(found):
    # Ana Silva is on People rows 3 and 5 with different emails: named by name on the Hub lead,
    # commitment row 3 and the win of row 2 — not on row 4, which names her by email.
    assert sorted(_at(found, "ambiguous name")) == [
        ("Commitments", 3, "person", "Ana Silva"),
        ("Projects", 2, "lead", "Ana Silva"),
        ("Wins", 2, "people", "Ana Silva"),
    ]
    assert "People rows 3 and 5" in _reason(found, "Commitments", 3, "ambiguous name")


def test_check_lists_them(tmp_path):
    import subprocess
    import sys

    write_xlsx(tmp_path / "q.xlsx", questioned_workbook())
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "check", str(tmp_path / "q.xlsx")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "9 problems:" in out  # 2 + 2 + 2 + 3, and nothing else in this workbook
    assert "row 5 project: 'Dock' — unknown project: not on the Projects tab" in out
    assert f"row 6 made: '{AHEAD}' — date in the future" in out
    assert "row 3 lead: 'Quinn Ghost' — unknown person" in out
    assert (
        "row 3 person: 'Ana Silva' — ambiguous name: People lists this name more than once" in out
    )


def test_no_question_when_nothing_is_odd():
    clean = questioned_workbook()
    clean["People"] = clean["People"][:4]  # one Ana Silva
    clean["Collaborations"][2][1] = "Bo Chen"
    clean["Projects"][2][2] = "Bo Chen"
    clean["Commitments"] = [
        r for r in clean["Commitments"] if r[1] != "Dock" and r[3] != AHEAD and "@" not in r[0]
    ]
    clean["Wins"] = [clean["Wins"][0], ["2024-01-05", "Hub win", "Hub", "Bo Chen, Ana Silva"]]
    problems = dataset_of(clean).problems
    assert problems.empty, problems


def test_a_funder_sees_no_name_in_these_problems():
    from dashboard.privacy import anonymised

    problems = anonymised(dataset_of(questioned_workbook())).problems
    shown = " ".join(problems.astype("string").fillna("").to_numpy().ravel())
    for name in ("Quinn Ghost", "Zed Nobody", "Ana Silva", "Ann Lee", "Bo Chen", "ana2@y.org"):
        assert name not in shown


def test_a_projects_tab_not_in_use_is_not_questioned_record_by_record():
    unused = questioned_workbook()
    unused["Projects"] = unused["Projects"][:1]  # the header alone: the team does not use it
    problems = dataset_of(unused).problems
    assert "unknown project" not in set(problems["kind"])
