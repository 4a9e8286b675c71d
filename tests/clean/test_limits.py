"""The reading rules of docs/METRICS.md, "Limits", and the smaller reading fixes: cells cut at
50,000 characters, lists of more than 100 people, tabs past their row limit, newer Excel errors,
a header row pasted again, problem values cut, invisible characters in names, year 9999."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard import metrics
from dashboard.clean import frame as frame_module
from dashboard.sources import local
from dashboard.sources.local import read_csv_folder, read_xlsx, write_xlsx
from tests.fixtures import dataset_of, river_valley, write_csv_folder
from tests.writing.office_files import write_office_workbook

AS_OF = "2024-03-31"


def _problems(dataset, kind):
    found = dataset.problems[dataset.problems["kind"] == kind]
    return found.reset_index(drop=True)


def _book(wins_rows):
    sheets = river_valley()
    sheets["Wins"] = [["Date", "Win", "Project", "People", "ID"], *wins_rows]
    return sheets


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_cell_over_50000_characters_is_cut_there_with_a_problem(tmp_path, kind):
    # openpyxl itself cuts a cell at Excel's 32,767 characters: the .xlsx is written as Excel
    # writes its parts, where nothing stops a longer one
    sheets = _book([[45340, "a" * 60_000, "Food Hub", "Ann Lee", "w-9"]])
    if kind == "xlsx":
        read = read_xlsx(write_office_workbook(tmp_path / "rv.xlsx", sheets))
    else:
        read = read_csv_folder(write_csv_folder(tmp_path / "rv", sheets))
    dataset = dataset_of(read)
    (win,) = dataset.wins["win"]
    assert len(win) == 50_000  # Google Sheets' own limit
    (problem,) = _problems(dataset, "cell too long").itertuples()
    assert (problem.tab, problem.row, problem.column) == ("Wins", 2, "win")
    assert len(problem.value) == 200 and problem.value.endswith("…")  # the value shown, cut


def _names(n: int) -> str:
    return ", ".join(f"Member {i:03d}" for i in range(n))


def test_a_list_of_more_than_100_people_counts_them_but_forms_no_links():
    # w-100 names 100 people: 100·99/2 = 4,950 links; w-101 names 101: a problem, no links —
    # but its 101 people take part that day (Member 000…099 are on both lists, Member 100 only
    # on w-101)
    rows = [
        [45340, "Hundred", "Food Hub", _names(100), "w-100"],
        [45341, "Too many", "Food Hub", _names(101), "w-101"],
    ]
    dataset = dataset_of(_book(rows))
    (problem,) = _problems(dataset, "list too long").itertuples()
    assert (problem.row, problem.column) == (3, "people")
    assert len(dataset.wins) == 2  # the win itself still counts
    too_many = dataset.wins.loc[dataset.wins["id"] == "w-101", "win_id"].item()
    assert dataset.win_people["win_id"].eq(too_many).sum() == 101  # named, so taking part
    figures = metrics.summary(dataset, AS_OF)
    assert figures["wins"] == 2
    # links: the 100 of w-100, 100·99/2 = 4,950; Ann and José both committed on Food Hub, 1;
    # the Apprenticeships meeting of Ann, José and Bo adds Ann–Bo and José–Bo, 2; w-101, none
    assert figures["network_edges"] == 4_950 + 1 + 2


def test_a_list_of_8000_names_is_read_quickly_and_forms_no_links():
    dataset = dataset_of(_book([[45340, "Everyone", "Food Hub", _names(8000), "w-all"]]))
    assert len(_problems(dataset, "list too long")) == 1
    # the cell (102,998 characters) is first cut at 50,000: "Member 000".."Member 999" take
    # 12·1000 − 2 = 11,998 characters, then each of 13 (", Member 1000"…): 2,923 more fit in
    # the 38,002 left (to 49,997), and ", M" ends the cut — 3,924 names, the last one "M"
    assert len(_problems(dataset, "cell too long")) == 1
    assert len(dataset.win_people) == 3_924  # all of them take part that day
    figures = metrics.summary(dataset, AS_OF)
    # people: those 3,924, plus José, Ann and Bo (commitments, the 29 Feb meeting) and Eve (the
    # 1 March meeting); links: none from the win — Ann–José (Food Hub), Ann–Bo and José–Bo
    assert figures["people"] == 3_924 + 4 and figures["network_edges"] == 3


def test_rows_past_a_tabs_limit_are_reported_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(frame_module, "MAX_TAB_ROWS", 6)
    monkeypatch.setattr(local, "MAX_TAB_ROWS", 6)
    rows = [[45340 + n, f"Win {n}", "Food Hub", "Ann Lee", f"w-{n}"] for n in range(20)]
    write_xlsx(tmp_path / "rv.xlsx", _book(rows))
    read = read_xlsx(tmp_path / "rv.xlsx")
    assert len(read["Wins"]) == 7  # stopped one row past the limit: the sign there are more
    dataset = dataset_of(read)
    assert len(dataset.wins) == 5  # rows 2..6: the header is row 1
    # Wins, and Commitments (its header and 6 rows: row 7 is past the limit too), once each
    too_many = _problems(dataset, "too many rows")
    assert sorted(zip(too_many["tab"], too_many["row"], strict=True)) == [
        ("Commitments", 7),
        ("Wins", 7),
    ]
    folder = write_csv_folder(tmp_path / "csv", _book(rows))
    assert len(read_csv_folder(folder)["Wins"]) == 7


@pytest.mark.parametrize(
    "error",
    [
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
        "#GETTING_DATA",
        "#PYTHON!",
    ],
)
def test_newer_excel_errors_are_spreadsheet_errors_not_people(error):
    dataset = dataset_of(_book([[45340, "Grant", "Food Hub", error, "w-9"]]))
    (problem,) = _problems(dataset, "spreadsheet error").query("tab == 'Wins'").itertuples()
    assert (problem.column, problem.value) == ("people", error)
    assert error not in set(dataset.people["name"])
    assert not _problems(dataset, "unknown person")["value"].eq(error).any()


def test_a_header_row_pasted_again_is_a_problem_not_a_person():
    sheets = river_valley()
    sheets["People"].append(["Name", "E-mail", "Organisation", "Sector", "Collaboration"])
    dataset = dataset_of(sheets)
    assert "Name" not in set(dataset.people["name"])
    (problem,) = _problems(dataset, "repeated header").itertuples()
    assert (problem.tab, problem.row, problem.value) == ("People", 6, "Name")
    assert _problems(dataset, "invalid email").query("value == 'E-mail'").empty


def test_every_problem_value_is_cut_whoever_found_it():
    # an unknown person of 120,000 characters: found while merging, not by a tab's reader
    dataset = dataset_of(_book([[45340, "Grant", "Food Hub", "Z" * 120_000, "w-9"]]))
    values = dataset.problems["value"].dropna()
    assert values.str.len().max() <= 200
    (long,) = _problems(dataset, "unknown person").query("tab == 'Wins'")["value"]
    assert long == "Z" * 199 + "…"


def test_invisible_format_characters_do_not_make_a_second_person():
    # a right-to-left mark, a zero-width joiner and a soft hyphen pasted into "Ann Lee"
    dataset = dataset_of(
        _book(
            [
                [45340, "Grant", "Food Hub", "\u200fAnn Lee", "w-8"],
                [45341, "Visit", "Food Hub", "Ann\u200d Lee, A\u00adnn Lee", "w-9"],
            ]
        )
    )
    wins_unknown = _problems(dataset, "unknown person").query("tab == 'Wins'")
    assert wins_unknown.empty
    assert dataset.win_people["person"].nunique() == 1


def test_the_year_9999_is_said_to_be_out_of_range_not_unreadable_text():
    sheets = river_valley()
    sheets["Commitments"].append(["Ann Lee", "Plan", "Food Hub", "2024-02-01", "9999-12-31"])
    sheets["Commitments"].append(
        ["Ann Lee", "Plan", "Food Hub", "2024-02-01", dt.datetime(9999, 12, 31)]
    )
    problems = _problems(dataset_of(sheets), "unreadable date")
    late = problems[problems["value"].astype("string").str.startswith("9999")]
    assert len(late) == 2
    assert late["reason"].str.contains("outside 1900-01-01 … 2199-12-31").all()
    assert late["reason"].str.contains("no date").all()
    ordinary = problems[problems["value"] == "next week"]["reason"].item()
    assert ordinary.startswith("not a date")


def test_records_above_the_header_row_are_problems_not_lost_and_a_title_is_neither():
    """A tab sorted with its header row in it: two wins end up above the header. They are not
    read (a row above the header may be a title or a note), but each is a problem saying so;
    the one-cell title above them is not."""
    sheets = river_valley()
    header, *records = sheets["Wins"]
    sheets["Wins"] = [["Our wins"], records[3], records[4], header, records[0]]
    dataset = dataset_of(sheets)
    assert dataset.wins["win"].tolist() == ["First apprentice hired"]
    above = _problems(dataset, "above the header")
    assert above["row"].tolist() == [2, 3]
    assert above["value"].tolist() == [
        "45340 | Grocer joined | Food Hub | Ann Lee & Eve Park | huge | w-2",
        "45341 | Second grocer | Food Hub | Eve Park | small | w-2",
    ]
    assert set(above["tab"]) == {"Wins"}
    assert above["reason"][0].startswith("the row is above the tab's header row (row 4)")


def test_a_title_naming_the_required_column_is_not_taken_for_the_header():
    """ "Project" alone above the Projects header names the tab's one required column: taken for
    the header, it would leave Collaboration, Status and Started unread, with no word said. The
    row naming the most columns is the header."""
    sheets = river_valley()
    sheets["Projects"][0] = ["Project", ""]
    dataset = dataset_of(sheets)
    projects = dataset.projects.set_index("project")
    assert projects.loc["Apprenticeships", "collaboration"] == "River Valley"
    assert projects.loc["Apprenticeships", "started"] == dt.datetime(2024, 1, 15)
    (status,) = _problems(dataset, "unknown project status").itertuples()  # Status is read
    assert (status.row, status.value) == (4, "on hold")
    assert _problems(dataset, "repeated header").empty
    assert _problems(dataset, "above the header").empty  # a one-cell title


def test_a_formula_error_says_whether_its_row_was_skipped():
    # a required cell (the win) with an error: the row is skipped and the reason says so, as a
    # date's does; an optional one (the people) is left blank and the win counted
    dataset = dataset_of(
        _book([[45340, "#N/A", "Food Hub", "Ann Lee", "w-8"], [45341, "Grant", "Food Hub", "#N/A"]])
    )
    errors = _problems(dataset, "spreadsheet error").query("tab == 'Wins'")
    reasons = dict(zip(errors["column"], errors["reason"], strict=True))
    assert reasons["win"] == "the cell shows a formula error; row skipped"
    assert reasons["people"] == "the cell shows a formula error; left blank"
    assert dataset.wins["win"].tolist() == ["Grant"]
