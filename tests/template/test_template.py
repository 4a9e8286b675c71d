"""The template workbook: what Google Sheets keeps on import (drop-downs, date checks, a frozen
bold header, widths, the overdue highlight), and a sheet filled from its drop-downs as intended
loads with no problem at all."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from openpyxl import load_workbook

from dashboard.config import SourceConfig, settings_for
from dashboard.loader import load
from dashboard.schema import COMMITMENT_STATUSES, PROJECT_STATUSES, SECTORS, WIN_SIZES
from dashboard.template import write_template
from dashboard.template.rules import COLUMNS, Choice, FromTab
from dashboard.writing import NewWin, write


@pytest.fixture
def template(tmp_path):
    return write_template(tmp_path / "team.xlsx")


def _checks(sheet) -> dict[str, object]:
    """Column letter → its data validation (each of ours covers one column)."""
    return {
        str(v.sqref).split(":")[0].rstrip("0123456789"): v
        for v in sheet.data_validations.dataValidation
    }


def test_every_tab_has_a_frozen_bold_header_and_widths(template):
    book = load_workbook(template)
    assert book.sheetnames == [
        "How to use",
        "Collaborations",
        "People",
        "Projects",
        "Commitments",
        "Wins",
        "Meetings",
    ]
    for title, columns in COLUMNS.items():
        sheet = book[title]
        assert [c.value for c in sheet[1]] == [column.header for column in columns]
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        widths = [sheet.column_dimensions[chr(65 + i)].width for i in range(len(columns))]
        assert all(width >= 10 for width in widths), title


def test_the_drop_downs_offer_the_words_the_dashboard_reads(template):
    book = load_workbook(template)
    commitments = _checks(book["Commitments"])
    # Person, Project, Commitment, Made, Due, Status, Done, Result, Collaboration, ID
    assert commitments["F"].formula1 == '"' + ",".join(COMMITMENT_STATUSES) + '"'
    assert commitments["F"].errorStyle == "stop"  # another word is refused
    assert commitments["A"].formula1 == "People!$A$2:$A$2001"  # fed from the People tab
    assert commitments["A"].errorStyle == "warning"  # a new name is allowed, with a warning
    assert commitments["B"].formula1 == "Projects!$A$2:$A$2001"
    assert commitments["I"].formula1 == "Collaborations!$A$2:$A$2001"
    for date in "DEG":  # made, due, done
        assert commitments[date].type == "date"
        assert (commitments[date].formula1, commitments[date].formula2) == (
            "DATE(1900,1,1)",
            "DATE(2199,12,31)",
        )
        assert book["Commitments"][f"{date}2"].number_format == "yyyy-mm-dd"
    assert _checks(book["People"])["D"].formula1 == '"' + ",".join(SECTORS) + '"'
    assert _checks(book["Projects"])["D"].formula1 == '"' + ",".join(PROJECT_STATUSES) + '"'
    assert _checks(book["Wins"])["F"].formula1 == '"' + ",".join(WIN_SIZES) + '"'
    assert _checks(book["Wins"])["C"].formula1 == "Projects!$A$2:$A$2001"


def test_an_open_commitment_past_due_is_highlighted(template):
    sheet = load_workbook(template)["Commitments"]
    (rule_range,) = list(sheet.conditional_formatting)
    assert str(rule_range.sqref) == "A2:J2001"
    (rule,) = rule_range.rules
    # due is column E and status F; row 2's formula moves down with each row
    assert rule.formula == ['AND(ISNUMBER($E2),$E2<TODAY(),OR($F2="",LOWER($F2)="open"))']
    assert rule.dxf.fill.fgColor.rgb.endswith("F8D7DA")


def test_a_sheet_filled_as_intended_has_no_problem_at_all(template):
    """Every word of every drop-down is used once, people and projects are picked from their
    tabs, dates are date cells: the loader finds nothing to report."""
    book = load_workbook(template)
    book["Collaborations"].append(["River Valley", "Midwest", "US", dt.date(2024, 1, 1), "Ann Lee"])
    sectors = COLUMNS["People"][3].rule
    assert isinstance(sectors, Choice)
    for n, sector in enumerate(sectors.values):
        book["People"].append(
            [
                f"Person {n}",
                f"p{n}@example.org",
                f"Org {n % 3}",
                sector,
                "River Valley",
                dt.date(2024, 1, 2),
                "member",
            ]
        )
    book["People"].append(["Ann Lee", "ann@example.org", "Org 0", "education", "River Valley"])
    for n, status in enumerate(PROJECT_STATUSES):
        book["Projects"].append(
            [
                f"Project {n}",
                "River Valley",
                "an outcome",
                status,
                dt.date(2024, 1, 3),
                "yes",
                "Ann Lee",
            ]
        )
    for n, status in enumerate(COMMITMENT_STATUSES):
        done = dt.date(2024, 2, 1) if status == "done" else None
        learned = "learned something" if done else None
        book["Commitments"].append(
            [
                f"Person {n}",
                f"Project {n}",
                "call the grocer",
                dt.date(2024, 1, 10),
                dt.date(2024, 2, 10),
                status,
                done,
                learned,
                "River Valley",
            ]
        )
    for n, size in enumerate(WIN_SIZES):
        book["Wins"].append(
            [
                dt.date(2024, 2, 5 + n),
                f"Win {n}",
                f"Project {n}",
                f"Person {n}, Ann Lee",
                "partnership",
                size,
                "https://example.org/news",
                None,
                "River Valley",
            ]
        )
    book["Meetings"].append(
        [dt.date(2024, 2, 28), "Project 0", "River Valley", "Ann Lee, Person 1"]
    )
    book.save(template)
    dataset = load(settings_for(str(template)))
    assert dataset.problems.empty, dataset.problems[["tab", "row", "column", "value", "kind"]]
    # 7 sectors + Ann = 8 people; 4 projects; 4 commitments; 3 wins; 1 meeting
    counts = {name: len(table) for name, table in dataset.tables().items() if "_" not in name}
    assert {k: counts[k] for k in ("people", "projects", "commitments", "wins", "meetings")} == {
        "people": 8,
        "projects": 4,
        "commitments": 4,
        "wins": 3,
        "meetings": 1,
    }


def test_a_win_logged_into_the_template_is_a_date_cell_in_its_date_format(template):
    book = load_workbook(template)
    book["Projects"].append(["Food Hub"])
    book.save(template)
    source = SourceConfig(location=str(template), kind="xlsx", writable=True)
    assert write(source, NewWin(dt.date(2026, 11, 30), "Market opened", "Food Hub", id="w-1"))
    cell = load_workbook(template)["Wins"]["A2"]
    assert cell.value == dt.datetime(2026, 11, 30) and cell.number_format == "yyyy-mm-dd"
    assert load(settings_for(str(template))).problems.empty


def test_the_csv_template_has_every_tab_and_header(tmp_path):
    folder = write_template(tmp_path / "csv")
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{t}.csv" for t in COLUMNS)
    assert (
        (folder / "Commitments.csv")
        .read_text(encoding="utf-8")
        .startswith("Person,Project,Commitment,Made,Due,Status,Done,Result,Collaboration,ID")
    )


def test_every_check_is_enforced_fixed_lists_and_dates_refuse_names_warn(template):
    """As the file says it (sheet XML), since Excel and LibreOffice enforce only a validation
    with ``showErrorMessage="1"``; style stop refuses, warning asks."""
    with zipfile.ZipFile(template) as archive:
        names = {n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")}
        xml = {n: archive.read(n).decode() for n in names}
    book = load_workbook(template)
    refused = warned = 0
    for title, columns in COLUMNS.items():
        checks = _checks(book[title])
        for number, column in enumerate(columns):
            check = checks.get(chr(65 + number))
            if column.rule is None:
                assert check is None or check.type is None, (title, column.name)
                continue
            assert check.showErrorMessage is True, (title, column.name)
            if isinstance(column.rule, FromTab):
                assert check.errorStyle == "warning", (title, column.name)
                warned += 1
            else:  # Choice (statuses, sectors, sizes) and Date
                assert check.errorStyle == "stop", (title, column.name)
                refused += 1
    # Collaborations: started; People: sector, joined; Projects: status, started;
    # Commitments: made, due, status, done; Wins: date, size; Meetings: date → 12 refuse
    assert refused == 12
    # coordinator; People's collaboration; Projects' collaboration, lead; Commitments' person,
    # project, collaboration; Wins' project, collaboration; Meetings' project, collaboration → 11
    assert warned == 11
    raw = "".join(xml.values())
    assert raw.count('showErrorMessage="1"') == 23  # the prompts alone (a note) check nothing
