"""The demo workbook: reproducible to the byte, shaped like the spec, and telling its story.

The story is checked on the raw rows, without the loader, so these tests pin what the demo
*contains*; the loader's own tests pin how it is read.
"""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest

from dashboard import schema
from dashboard.config import DEMO_AS_OF
from dashboard.demo import demo_sheets, write_demo
from dashboard.sources.local import read_xlsx

STALLED = "High Plains Rural Health"
LIST_SEPARATORS = re.compile(r"[,;/&\n]|\band\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def sheets():
    return demo_sheets()


def _parse_date(value: object) -> dt.date | None:
    """A date as the loader would read it (month-first), or None where it cannot be read."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?: \d{1,2}:\d{2}(?::\d{2})?)?", text)
    slash = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    try:
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        if slash:
            return dt.date(int(slash[3]), int(slash[1]), int(slash[2]))
    except ValueError:
        return None
    return None


def _blank(row: list[object]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in row)


def _records(sheets, tab_name: str) -> list[dict[str, object]]:
    """The tab's non-blank rows as ``{canonical column: cell}``."""
    tab = schema.TAB_BY_NAME[tab_name]
    header, *rows = sheets[tab_name]
    columns = [schema.canonical_column(tab, cell) for cell in header]
    return [
        {col: cell for col, cell in zip(columns, row, strict=False) if col}
        for row in rows
        if not _blank(row)
    ]


def _project_collab(sheets) -> dict[str, str]:
    return {r["project"]: r["collaboration"] for r in _records(sheets, "Projects")}


# ------------------------------------------------------------------------------ reproducibility


def test_demo_sheets_is_deterministic():
    assert demo_sheets() == demo_sheets()
    assert demo_sheets(3) == demo_sheets(3)
    assert demo_sheets(3) != demo_sheets()


def test_write_demo_gives_identical_bytes(tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b" / "demo.xlsx"
    write_demo(first)
    time.sleep(1.1)  # xlsx stamps times to the second: a clock leaking in would show
    write_demo(second)
    assert first.read_bytes() == second.read_bytes()


def test_written_workbook_reads_back_with_the_same_rows(tmp_path, sheets):
    path = tmp_path / "demo.xlsx"
    write_demo(path)
    back = read_xlsx(path)
    assert list(back) == list(sheets)
    for title, rows in sheets.items():
        assert len(back[title]) == len(rows), title
        assert back[title][0] == rows[0]


def test_cells_are_plain_values(sheets):
    allowed = (str, int, float, dt.date, type(None))
    for rows in sheets.values():
        for row in rows:
            assert all(isinstance(cell, allowed) for cell in row)
            assert not any(isinstance(cell, str) and cell.startswith("=") for cell in row)


# ----------------------------------------------------------------------------------- the shape


@pytest.mark.parametrize("tab", schema.TABS, ids=lambda tab: tab.name)
def test_every_tab_is_present_with_its_required_columns(sheets, tab):
    assert tab.name in sheets
    mapped = {schema.canonical_column(tab, header) for header in sheets[tab.name][0]}
    assert set(tab.required) <= mapped
    # Every column is filled, but a record's collaboration, which its project gives.
    assert set(tab.columns) - mapped <= {"collaboration", "id"}  # columns the app writes


def test_headers_use_the_words_teams_type(sheets):
    assert "Who is responsible" in sheets["Commitments"][0]
    assert "By when" in sheets["Commitments"][0]
    assert "Action step" in sheets["Commitments"][0]
    assert "Results/learning" in sheets["Commitments"][0]
    assert "Organisation" in sheets["People"][0]
    projects = schema.TAB_BY_NAME["Projects"]
    assert None in {schema.canonical_column(projects, h) for h in sheets["Projects"][0]}


def test_sizes_of_the_story(sheets):
    people = _records(sheets, "People")
    assert 80 <= len(people) <= 120
    assert 30 <= len({p["organization"] for p in people if p.get("organization")}) <= 40
    assert 400 <= len(_records(sheets, "Commitments")) <= 700
    assert 150 <= len(_records(sheets, "Wins")) <= 250
    per_collab: dict[str, int] = {}
    for collab in _project_collab(sheets).values():
        per_collab[collab] = per_collab.get(collab, 0) + 1
    assert all(3 <= n <= 5 for n in per_collab.values())


def test_sectors_and_emails(sheets):
    people = _records(sheets, "People")
    sectors = {p.get("sector") for p in people}
    assert set(schema.SECTORS) - {"other"} <= sectors
    for person in people:
        email = person.get("email")
        if email and "@" in email:
            assert re.fullmatch(r"[a-z.\-]+@example\.(org|com|net)", email), email


# ----------------------------------------------------------------------------------- the story


def test_four_collaborations(sheets):
    collabs = {r["collaboration"] for r in _records(sheets, "Collaborations")}
    assert len(collabs) == 4
    assert collabs == set(_project_collab(sheets).values())
    assert len({r["country"] for r in _records(sheets, "Collaborations")}) >= 2


@pytest.mark.parametrize("seed", [7, 1, 2, 3])
def test_the_stalled_collaboration_goes_quiet(seed):
    sheets = demo_sheets(seed)
    collab_of = _project_collab(sheets)
    quiet_from = DEMO_AS_OF - dt.timedelta(days=150)
    made = [
        _parse_date(c["made"])
        for c in _records(sheets, "Commitments")
        if collab_of.get(c["project"]) == STALLED
    ]
    won = [
        _parse_date(w["date"])
        for w in _records(sheets, "Wins")
        if collab_of.get(w["project"]) == STALLED
    ]
    dates = [d for d in made + won if d is not None]
    assert dates and max(dates) < quiet_from
    assert max(dates) >= quiet_from - dt.timedelta(days=60)  # it was alive until then
    statuses = [p["status"] for p in _records(sheets, "Projects") if p["collaboration"] == STALLED]
    assert "active" in statuses  # left active, so it shows as stalled


def test_momentum_grows(sheets):
    dates = [_parse_date(w["date"]) for w in _records(sheets, "Wins")]
    first_year_end = dt.date(2025, 10, 31)
    early = sum(1 for d in dates if d and d <= first_year_end)
    late = sum(1 for d in dates if d and d > first_year_end)
    assert late > early
    assert min(d for d in dates if d) >= dt.date(2024, 11, 1)
    assert max(d for d in dates if d) <= DEMO_AS_OF


def test_follow_through_is_believable(sheets):
    due = [
        c
        for c in _records(sheets, "Commitments")
        if (d := _parse_date(c.get("due"))) and d <= DEMO_AS_OF and c.get("status") != "dropped"
    ]
    done = [c for c in due if str(c.get("status") or "").lower() == "done"]
    assert 0.6 <= len(done) / len(due) <= 0.85


def test_the_network_grows_over_time(sheets):
    joined = [_parse_date(p.get("joined")) for p in _records(sheets, "People")]
    dates = sorted(d for d in joined if d)
    assert sum(d <= dt.date(2025, 1, 31) for d in dates) < 25  # a small core team at the start
    assert sum(d >= dt.date(2026, 1, 1) for d in dates) >= 20  # newcomers keep coming


def test_people_bridge_collaborations(sheets):
    home = {p["name"]: p.get("collaboration") for p in _records(sheets, "People")}
    bridges = set()
    for meeting in _records(sheets, "Meetings"):
        for name in LIST_SEPARATORS.split(meeting.get("attendees") or ""):
            collab = home.get(name.strip())
            if collab and collab != meeting["collaboration"]:
                bridges.add(name.strip())
    assert 3 <= len(bridges) <= 8


# ------------------------------------------------------------------------------------ the mess


def test_bad_cells_of_several_kinds(sheets):
    cells = {cell for rows in sheets.values() for row in rows for cell in row}
    planted = {"#REF!", "TBD", "next Tuesday", "waiting on Bob", "huge", "arts"}
    planted |= {"maria.at.example.org", "last spring"}
    assert planted <= cells
    total = sum(len(row) for rows in sheets.values() for row in rows)
    bad = sum(cell in planted for rows in sheets.values() for row in rows for cell in row)
    assert bad <= 20 and bad / total < 0.05


def test_a_blank_row_inside_commitments(sheets):
    rows = sheets["Commitments"]
    assert any(_blank(row) for row in rows[1:-1])
    assert not _blank(rows[-1])


def test_mixed_date_formats(sheets):
    made = [c["made"] for c in _records(sheets, "Commitments")]
    assert sum(isinstance(v, dt.date) for v in made) / len(made) > 0.85
    assert any(isinstance(v, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", v) for v in made)
    assert any(isinstance(v, str) and re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", v) for v in made)
    wins = [w["date"] for w in _records(sheets, "Wins")]
    assert any(isinstance(v, dt.datetime) for v in wins)


def test_names_are_spelled_several_ways(sheets):
    tabs = ("Commitments", "Wins", "Meetings")
    text = " | ".join(str(cell) for tab in tabs for row in sheets[tab] for cell in row)
    assert "José Pérez" in text and " jose  PÉREZ" in text
    for separator in (";", " and ", " & ", " / "):
        assert separator in text
    assert re.search(r"[a-z.]+@example\.(org|com|net)", text)  # someone named by email


def test_win_duplicates_and_ids(sheets):
    rows = [tuple(row) for row in sheets["Wins"][1:] if not _blank(row)]
    assert len(rows) > len(set(rows))  # one win pasted twice
    ids = [w["id"] for w in _records(sheets, "Wins") if w.get("id")]
    assert 0 < len(ids) < 30 and len(ids) > len(set(ids))


def test_some_people_in_wins_are_not_in_people(sheets):
    listed = {p["name"] for p in _records(sheets, "People")}
    named = {
        name.strip()
        for w in _records(sheets, "Wins")
        for name in LIST_SEPARATORS.split(w.get("people") or "")
    }
    strangers = {n for n in named if n and n not in listed and "@" not in n}
    strangers = {n for n in strangers if n.casefold() not in {m.casefold() for m in listed}}
    assert {"Bob Harlan", "Councillor Hughes"} <= strangers
