"""The loader on a hand-written workbook: every reading rule of docs/METRICS.md, every problem."""

import pandas as pd

from tests.fixtures import dataset_of, river_valley


def _problems(dataset):
    frame = dataset.problems
    return sorted(
        zip(frame["tab"], frame["row"].astype(object), frame["column"], frame["kind"], strict=True),
        key=str,
    )


def test_every_problem_is_located_as_the_sheet_shows_it():
    expected = [
        ("People", 5, "email", "invalid email"),
        ("People", 5, "sector", "unknown sector"),
        ("Projects", 4, "status", "unknown project status"),
        ("Projects", 4, "started", "unreadable date"),
        ("Commitments", 4, "made", "unreadable date"),
        ("Commitments", 6, "due", "unreadable date"),
        ("Commitments", 6, "status", "unknown commitment status"),
        ("Commitments", 7, "project", "missing value"),
        ("Wins", 3, "win", "duplicate row"),
        ("Wins", 4, "date", "spreadsheet error"),  # a #REF! cell
        ("Wins", 5, "size", "unknown win size"),
        ("Wins", 5, "people", "unknown person"),
        ("Wins", 6, "people", "unknown person"),
        ("Wins", 6, "id", "duplicate id"),
        ("Meetings", 3, "attendees", "unknown person"),
    ]
    assert _problems(dataset_of(river_valley())) == sorted(expected, key=str)


def test_problem_values_are_the_raw_cells():
    problems = dataset_of(river_valley()).problems.set_index(["tab", "row", "column"])
    assert problems.loc[("Commitments", 6, "status"), "value"] == "waiting on Bob"
    assert problems.loc[("Wins", 4, "date"), "value"] == "#REF!"
    assert problems.loc[("People", 5, "email"), "value"] == "bo.chen.example.org"


def test_people_are_identified_by_email_else_by_name_key():
    people = dataset_of(river_valley()).people.set_index("person")
    assert sorted(people.index) == ["ann lee", "bo chen", "eve park", "jose@example.org"]
    assert people.loc["jose@example.org", "name"] == "José Pérez"
    assert people.loc["jose@example.org", "sector"] == "business"
    assert people.loc["bo chen", "sector"] == "other"  # "govt" is not a sector
    assert pd.isna(people.loc["bo chen", "email"])
    assert people["listed"].to_dict() == {
        "jose@example.org": True,
        "ann lee": True,
        "bo chen": True,
        "eve park": False,
    }
    assert pd.isna(people.loc["eve park", "organization"])
    assert (
        people.loc["ann lee", "collaboration"] == "River Valley"
    )  # "river valley" as first spelled


def test_commitments_typed_and_resolved():
    commitments = dataset_of(river_valley()).commitments
    assert commitments["row"].tolist() == [2, 3, 6]
    assert commitments["person"].tolist() == ["jose@example.org", "ann lee", "jose@example.org"]
    assert commitments["project"].tolist() == ["Apprenticeships", "Food Hub", "Food Hub"]
    assert commitments["status"].tolist() == ["done", "open", "open"]
    made = commitments["made"].dt.strftime("%Y-%m-%d").tolist()
    assert made == ["2024-01-15", "2024-01-20", "2024-02-01"]
    assert commitments["due"].dt.strftime("%Y-%m-%d").fillna("").tolist() == [
        "2024-02-01",
        "2024-02-20",
        "",
    ]
    assert commitments.loc[0, "done"] == pd.Timestamp("2024-01-30")
    assert commitments.loc[0, "result"] == "They want a pilot"


def test_statuses_and_their_synonyms():
    rows = [["Person", "Project", "Made", "Status"]]
    words = [
        "complete",
        "Finished",
        "YES",
        "✓",
        "✔",
        "",
        "Ongoing",
        "not started",
        "Late",
        "not done",
        "No",
        "Cancelled",
        "canceled",
        "abandoned",
        "DONE",
        "open",
    ]
    rows += [["Ann", "P", "2024-01-01", word] for word in words]
    sheets = {
        "People": [["Name"]],
        "Projects": [["Project"]],
        "Commitments": rows,
        "Wins": [["Date", "Win"]],
    }
    dataset = dataset_of(sheets)
    assert dataset.commitments["status"].tolist() == (
        ["done"] * 5 + ["open"] * 3 + ["missed"] * 3 + ["dropped"] * 3 + ["done", "open"]
    )
    assert "unknown commitment status" not in dataset.problems["kind"].tolist()


def test_wins_deduplicated_and_people_linked():
    dataset = dataset_of(river_valley())
    wins = dataset.wins
    assert wins["row"].tolist() == [2, 5]
    assert wins["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-02-10", "2024-02-18"]
    assert wins["size"].tolist()[0] == "large" and pd.isna(wins["size"].tolist()[1])
    links = dataset.win_people.merge(wins[["win_id", "row"]], on="win_id")
    by_row = links.groupby("row")["person"].apply(sorted).to_dict()
    assert by_row == {2: ["ann lee", "jose@example.org"], 5: ["ann lee", "eve park"]}


def test_meetings_and_attendees():
    dataset = dataset_of(river_valley())
    meetings = dataset.meetings
    assert meetings["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-02-28", "2024-02-29"]
    links = dataset.meeting_people.merge(meetings[["meeting_id", "row"]], on="meeting_id")
    assert sorted(links[links["row"] == 2]["person"]) == ["ann lee", "bo chen", "jose@example.org"]


def test_collaboration_of_a_record():
    dataset = dataset_of(river_valley())
    # project's collaboration first; Food Hub has none on Projects, and no source collaboration
    assert dataset.commitments["collaboration"].tolist() == [
        "River Valley",
        "unassigned",
        "unassigned",
    ]
    # a meeting with no project takes its own collaboration column
    assert dataset.meetings["collaboration"].tolist() == ["River Valley", "Lakeside"]
    configured = dataset_of(river_valley(), collaboration="river VALLEY")
    assert configured.commitments["collaboration"].tolist() == ["River Valley"] * 3
    listed = dataset.collaborations.set_index("collaboration")["listed"].to_dict()
    assert listed == {"River Valley": True, "Lakeside": False}


def test_projects_listed_and_named_only_in_records():
    sheets = river_valley()
    sheets["Wins"].append(["2024-02-20", "New thing", "Youth Robotics", "Ann Lee"])
    projects = dataset_of(sheets).projects.set_index("project")
    assert projects["listed"].to_dict() == {
        "Apprenticeships": True,
        "Food Hub": True,
        "Youth Robotics": False,
    }
    assert projects.loc["Apprenticeships", "started"] == pd.Timestamp("2024-01-15")
    assert projects.loc["Food Hub", "status"] == "active"  # "on hold" is not a status


def test_missing_required_column_keeps_the_rest():
    sheets = river_valley()
    sheets["Commitments"][0][3] = "When"  # the "Made" header renamed
    dataset = dataset_of(sheets)
    structural = dataset.structural_problems
    assert structural[["tab", "column", "kind"]].values.tolist() == [
        ["Commitments", "made", "missing column"]
    ]
    assert "'made'" in structural["reason"].iloc[0]
    assert dataset.commitments.empty
    assert len(dataset.wins) == 2  # the other tabs still load


def test_missing_required_tab_is_structural_optional_is_not():
    sheets = river_valley()
    del sheets["Wins"], sheets["Meetings"]
    dataset = dataset_of(sheets)
    assert dataset.structural_problems[["tab", "kind"]].values.tolist() == [["Wins", "missing tab"]]
    assert dataset.wins.empty and dataset.meetings.empty
    assert len(dataset.commitments) == 3


def test_header_row_below_a_title_row_gives_true_row_numbers():
    sheets = river_valley()
    sheets["Wins"] = [["Our wins"], []] + sheets["Wins"]
    assert dataset_of(sheets).wins["row"].tolist() == [4, 7]


def test_tab_titles_match_loosely():
    sheets = {(" wins" if k == "Wins" else k.upper()): v for k, v in river_valley().items()}
    dataset = dataset_of(sheets)
    assert len(dataset.wins) == 2 and len(dataset.commitments) == 3
    assert set(dataset.problems["tab"]) >= {" wins", "COMMITMENTS"}


def test_a_typed_date_column_wins_over_a_form_timestamp():
    sheets = river_valley()
    wins = sheets["Wins"]
    sheets["Wins"] = [["Timestamp", "Date", "Win"]] + [
        ["2024-12-31 10:00:00", row[0], row[1]] for row in wins[1:]
    ]
    dataset = dataset_of(sheets)
    assert dataset.wins["date"].dt.strftime("%Y-%m-%d").tolist()[0] == "2024-02-10"
    ignored = dataset.problems[dataset.problems["kind"] == "duplicate column"]
    assert ignored[["tab", "row", "value"]].values.tolist() == [["Wins", 1, "Timestamp"]]


def test_tabs_and_headers_in_the_teams_own_words():
    sheets = river_valley()
    sheets["Action steps"] = sheets.pop("Commitments")
    sheets["Action steps"][0] = [
        "Person responsible",
        "Action step",
        "Project",
        "Date committed",
        "By when?",
        "Status",
        "Done date",
        "Results / learning",
    ]
    sheets["Small wins"] = sheets.pop("Wins")
    dataset = dataset_of(sheets)
    assert len(dataset.commitments) == 3 and len(dataset.wins) == 2
    assert dataset.structural_problems.empty
