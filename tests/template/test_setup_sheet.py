"""``smallwins setup-sheet URL`` against the Sheets API test double: the template's checks set on
a sheet a team already keeps, found by its own tab titles and headers, in one batchUpdate."""

from __future__ import annotations

from dashboard import cli
from dashboard.schema import COMMITMENT_STATUSES, SECTORS

KEY = "1TeamSheetKey0000000000000000000000001"
URL = f"https://docs.google.com/spreadsheets/d/{KEY}/edit"


def team_sheet() -> dict[str, list[list[object]]]:
    """A team's own sheet: its words for tabs and headers, columns in its own order, a title row
    above the Commitments header, and a tab the dashboard does not read."""
    return {
        "Notes": [["anything"]],
        "Members": [["Organisation", "Name", "Sector"], ["Acme", "Ann Lee", "business"]],
        "Projects": [["Project name", "Status"], ["Food Hub", "active"]],
        "Action steps": [
            ["River Valley 30/30 actions"],
            ["Action step", "Who is responsible", "Project", "Date committed", "Status", "By when"],
        ],
        "Small wins": [["Timestamp", "Win", "Size", "People"]],
    }


def _rule_at(formatting, row: int, column: int) -> dict:
    return formatting.validations[(row, column)]


def test_setup_sheet_sets_the_templates_checks_where_the_sheets_own_columns_are(google, capsys):
    google.add_spreadsheet(KEY, team_sheet(), title="River Valley 30/30")
    assert cli.main(["setup-sheet", URL]) == 0
    said = capsys.readouterr().out
    assert said.startswith("set up 'River Valley 30/30': ")
    assert google.count("batchUpdate", KEY, 200) == 1  # everything in one request
    kept = google.formatting(KEY)
    # Members (People): sector is column C (index 2); header in row 1 → checks from row 2
    sector = _rule_at(kept["Members"], 1, 2)
    assert [v["userEnteredValue"] for v in sector["condition"]["values"]] == list(SECTORS)
    assert sector["strict"] is True
    assert (0, 2) not in kept["Members"].validations  # never the header
    # Action steps (Commitments): header in row 2 (index 1), so checks start at index 2;
    # person is column B and comes from Members' name column, B, below its header: B2:B
    person = _rule_at(kept["Action steps"], 2, 1)
    assert person["condition"] == {
        "type": "ONE_OF_RANGE",
        "values": [{"userEnteredValue": "='Members'!B2:B"}],
    }
    assert person["strict"] is False  # a new name is allowed, after a warning
    project = _rule_at(kept["Action steps"], 2, 2)
    assert project["condition"]["values"] == [{"userEnteredValue": "='Projects'!A2:A"}]
    status = _rule_at(kept["Action steps"], 2, 4)
    assert [v["userEnteredValue"] for v in status["condition"]["values"]] == list(
        COMMITMENT_STATUSES
    )
    made, due = _rule_at(kept["Action steps"], 2, 3), _rule_at(kept["Action steps"], 2, 5)
    assert made["condition"] == due["condition"] == {"type": "DATE_IS_VALID"}
    # as the template's file: a fixed list and a date refuse another value (strict), a list
    # from another tab (people, projects) warns and lets a newcomer be typed
    assert status["strict"] is True and made["strict"] is True and due["strict"] is True
    assert project["strict"] is False
    assert kept["Action steps"].formats[(5, 5)]["userEnteredFormat"]["numberFormat"] == {
        "type": "DATE",
        "pattern": "yyyy-mm-dd",
    }
    # the overdue highlight, in the sheet's own letters: due is F, status E, first row 3
    (overdue,) = kept["Action steps"].conditional_formats
    assert overdue["booleanRule"]["condition"]["values"] == [
        {"userEnteredValue": '=AND(ISNUMBER($F3),$F3<TODAY(),OR($E3="",LOWER($E3)="open"))'}
    ]
    assert overdue["ranges"] == [
        {
            "sheetId": google_sheet_id(google, "Action steps"),
            "startRowIndex": 2,
            "startColumnIndex": 0,
            "endColumnIndex": 6,
        }
    ]
    # frozen and bold header rows; widths; the tab it does not read is left alone
    assert kept["Action steps"].frozen_rows == 2 and kept["Members"].frozen_rows == 1
    assert kept["Small wins"].formats[(0, 3)]["userEnteredFormat"]["textFormat"] == {"bold": True}
    assert kept["Small wins"].column_widths[1] > kept["Small wins"].column_widths[0]  # win > date
    assert kept["Notes"].validations == {} and kept["Notes"].frozen_rows == 0
    assert "Action steps: header row 2 frozen and bold; checks: person, project, made" in said


def google_sheet_id(google, title: str) -> int:
    """A tab's sheetId, as the API's metadata gives it."""
    from tests.sheets_double.clients import service_client

    answer = service_client(google).http_client.fetch_sheet_metadata(KEY)
    return next(
        s["properties"]["sheetId"] for s in answer["sheets"] if s["properties"]["title"] == title
    )


def test_running_it_again_does_not_stack_a_second_highlight(google, capsys):
    google.add_spreadsheet(KEY, team_sheet())
    assert cli.main(["setup-sheet", URL]) == 0
    assert cli.main(["setup-sheet", URL]) == 0
    assert len(google.formatting(KEY)["Action steps"].conditional_formats) == 1


def test_a_dry_run_sends_nothing(google, capsys):
    google.add_spreadsheet(KEY, team_sheet())
    assert cli.main(["setup-sheet", URL, "--dry-run"]) == 0
    assert capsys.readouterr().out.startswith("would set up ")
    assert google.count("batchUpdate") == 0


def test_without_a_service_account_it_says_what_is_needed(google, monkeypatch, capsys):
    google.add_spreadsheet(KEY, team_sheet())
    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS")
    assert cli.main(["setup-sheet", URL]) == 2
    assert "shared with as Editor" in capsys.readouterr().err
    assert google.count("batchUpdate") == 0


def test_a_sheet_shared_read_only_is_refused_with_the_reason(google, capsys):
    google.add_spreadsheet(KEY, team_sheet(), shared=False, public=True)
    assert cli.main(["setup-sheet", URL]) == 2
    assert "share it with the service account as Editor" in capsys.readouterr().err
