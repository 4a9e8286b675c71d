"""The 30/30 agenda, against a small workbook whose figures are worked out by hand below.

D = 2024-06-30. Project Food Hub (River Valley) met on 2024-05-01 and 2024-06-01, and meets again
on D itself; a meeting on 2024-07-05 is after D. So its *last meeting* is 2024-06-01 (strictly
before D) and "since the last meeting" is 2024-06-02 … 2024-06-30 — a commitment due, or a win
dated, on 2024-06-01 was already reported at that meeting and is left out.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from dashboard.dataset import Dataset
from dashboard.escaping import markdown_inline
from dashboard.reports import pdf_document
from dashboard.reports.agenda import build_agenda
from dashboard.reports.agenda_render import pdf_bytes, to_markdown, write_agenda
from dashboard.sources.local import write_xlsx
from tests.fixtures import dataset_of
from tests.ui.apptest import rendered

ROOT = Path(__file__).resolve().parents[2]
D = dt.date(2024, 6, 30)
FH, AP = "Food Hub", "Apprenticeships"


def sheets() -> dict[str, list[list[object]]]:
    commitment_header = ["Who", "Project", "Action step", "Made", "By when", "Status", "Done"]
    return {
        "Collaborations": [["Collaboration"], ["River Valley"], ["Lakeside"]],
        "People": [
            ["Name", "Organization"],
            ["Ann Lee", "Acme"],
            ["Bo Chen", "County"],
            ["Cy Diaz", "State University"],
            ["José Pérez", "Farm Co"],
            ["Dee Dunn", "Library"],
            ["Eve Park", "Acme"],
            ["Gus Hill", "Works"],
        ],
        "Projects": [
            ["Project", "Collaboration"],
            [FH, "River Valley"],
            [AP, "River Valley"],
            ["Pier", "Lakeside"],
        ],
        "Commitments": [
            [*commitment_header, "Results/learning"],
            ["Bo Chen", FH, "Call grocers", "2024-05-01", "2024-06-01", "done", "2024-05-30"],
            [
                "Ann Lee",
                FH,
                "Draft MOU",
                "2024-05-01",
                "2024-06-02",
                "done",
                "2024-06-02",
                "Board wants a pilot",
            ],
            ["Bo Chen", FH, "Find funder", "2024-06-01", "2024-06-15", "open"],
            ["Cy Diaz", FH, "Book venue", "2024-04-30", "2024-06-20", "missed"],
            ["José Pérez", FH, "Print flyers", "2024-06-01", "2024-06-30", "done", "2024-07-02"],
            ["Dee Dunn", FH, "Ask library", "2024-06-01", "2024-06-25", "dropped"],
            ["Ann Lee", FH, "Old task", "2024-03-01", "2024-04-01", "open"],
            ["Bo Chen", FH, "Future task", "2024-07-02", "2024-07-10", "open"],
            ["Bo Chen", FH, "Write report", "2024-06-01", "2024-08-15", "open"],
            ["Ann Lee", FH, "Someday", "2024-06-01", "", "open"],
            ["Ann Lee", AP, "Hire", "2024-06-01", "2024-06-10", "open"],
            ["Gus Hill", AP, "Visit plant", "2024-03-01", "2024-03-15", "done", "2024-03-10"],
        ],
        "Wins": [
            ["Date", "Win", "Project", "People"],
            ["2024-06-01", "Grocer signed", FH, "Ann Lee"],
            ["2024-06-10", "First delivery | 40 boxes", FH, "Ann Lee, Bo Chen"],
            ["2024-06-20", "Volunteers found", FH, "José Pérez & Dee Dunn"],
            ["2024-07-01", "Future win", FH, "Ann Lee"],
            ["2024-06-15", "Pier opened", "Pier", "Gus Hill"],
        ],
        "Meetings": [
            ["Date", "Project", "Attendees"],
            ["2024-05-01", FH, "Ann Lee, Bo Chen, Eve Park"],
            ["2024-06-01", FH, "Ann Lee, Bo Chen"],
            ["2024-06-30", FH, "Ann Lee"],
            ["2024-07-05", FH, "Ann Lee"],
            ["2024-06-10", AP, "Ann Lee"],
        ],
    }


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return dataset_of(sheets())


@pytest.fixture(scope="module")
def food_hub(dataset: Dataset):
    return build_agenda(dataset, D, project="  food HUB ")  # names match loosely


def _rows(frame: pd.DataFrame) -> list[tuple]:
    out = frame.astype(object).where(frame.notna(), None)
    return [tuple(r) for r in out.itertuples(index=False)]


def test_since_is_the_last_meeting_before_d(food_hub) -> None:
    assert (food_hub.since, food_hub.last_meeting) == (dt.date(2024, 6, 1), dt.date(2024, 6, 1))
    assert food_hub.title == "30/30 agenda — Food Hub"
    assert food_hub.scope_label == "Project: Food Hub"


def test_commitments_due_since_the_last_meeting(food_hub) -> None:
    # "Call grocers" is due on the last meeting day (reported then); "Old task" earlier; "Hire"
    # is another project; "Print flyers" was done after D, so at D it is still open, not done.
    ts = pd.Timestamp
    assert _rows(food_hub.due_since) == [
        ("Ann Lee", "Draft MOU", ts("2024-06-02"), "done", ts("2024-06-02"), "Board wants a pilot"),
        ("Bo Chen", "Find funder", ts("2024-06-15"), "open", None, None),
        ("Cy Diaz", "Book venue", ts("2024-06-20"), "missed", None, None),
        ("Dee Dunn", "Ask library", ts("2024-06-25"), "dropped", None, None),
        ("José Pérez", "Print flyers", ts("2024-06-30"), "open", None, None),
    ]


def test_wins_since_the_last_meeting(food_hub) -> None:
    # "Grocer signed" is on the last meeting day, "Future win" after D, "Pier opened" elsewhere.
    assert _rows(food_hub.wins) == [
        (pd.Timestamp("2024-06-10"), "First delivery | 40 boxes", "Ann Lee, Bo Chen"),
        (pd.Timestamp("2024-06-20"), "Volunteers found", "José Pérez, Dee Dunn"),
    ]


def test_every_open_commitment_overdue_first_then_due_soon_then_later(food_hub) -> None:
    # Overdue (due before D, open at D): Old task, 1 April → 30 June = 90 days late; Find funder,
    # 15 June → 15. Print flyers is due on D and done only after it: open at D, due before the
    # next meeting (D … D+30 = 30 July). Write report is due 15 August, after 30 July: later;
    # Someday has no due date: later, last. Book venue is missed, Ask library dropped, Call
    # grocers and Draft MOU done by D; Future task was made after D — none of them is open.
    ts = pd.Timestamp
    assert _rows(food_hub.open) == [
        ("Ann Lee", "Old task", ts("2024-04-01"), "overdue", 90),
        ("Bo Chen", "Find funder", ts("2024-06-15"), "overdue", 15),
        ("José Pérez", "Print flyers", ts("2024-06-30"), "due before the next meeting", None),
        ("Bo Chen", "Write report", ts("2024-08-15"), "later", None),
        ("Ann Lee", "Someday", None, "later", None),
    ]


def test_quiet_people(food_hub) -> None:
    # Quiet = last activity here before D−59 = 2024-05-02. Eve's last is the 1 May meeting (D−60),
    # Cy's the commitment made 30 April (D−61). Ann (active on D) and Bo are not quiet; Gus was
    # only active on Apprenticeships, so he is not this project's to miss.
    assert _rows(food_hub.quiet) == [
        ("Eve Park", "Acme", pd.Timestamp("2024-05-01")),
        ("Cy Diaz", "State University", pd.Timestamp("2024-04-30")),
    ]


def test_introductions_by_name(food_hub) -> None:
    # The five committers on Food Hub are all linked (same project); Eve met Ann and Bo only, so
    # she shares those 2 neighbours with each of Cy, Dee and José; all cross organizations.
    assert _rows(food_hub.introductions) == [
        ("Cy Diaz", "Eve Park", 2),
        ("Dee Dunn", "Eve Park", 2),
        ("Eve Park", "José Pérez", 2),
    ]


def test_collaboration_agenda(dataset: Dataset) -> None:
    agenda = build_agenda(dataset, D, collaboration="river valley")
    # its latest meeting before D is Apprenticeships' on 10 June; a win that day is not "since"
    assert agenda.since == dt.date(2024, 6, 10)
    assert agenda.wins["win"].tolist() == ["Volunteers found"]
    assert agenda.open["commitment"].tolist() == [
        "Old task",  # 90 days late
        "Hire",  # Apprenticeships, 10 June: 20 days late
        "Find funder",  # 15 days late
        "Print flyers",  # due on D
        "Write report",  # due 15 August
        "Someday",  # no due date
    ]
    assert set(agenda.quiet["name"]) == {"Eve Park", "Cy Diaz", "Gus Hill"}


def test_no_earlier_meeting_means_the_last_30_days(dataset: Dataset) -> None:
    agenda = build_agenda(dataset, dt.date(2024, 4, 25), project=FH)
    assert agenda.last_meeting is None and agenda.since == dt.date(2024, 3, 26)  # D−30, exclusive
    assert agenda.due_since["commitment"].tolist() == ["Old task"]


def test_unknown_names_raise_with_close_names(dataset: Dataset) -> None:
    with pytest.raises(ValueError, match="Food Hub"):
        build_agenda(dataset, D, project="Food Hubb")
    with pytest.raises(ValueError, match="exactly one"):
        build_agenda(dataset, D, project=FH, collaboration="River Valley")
    with pytest.raises(ValueError):
        build_agenda(dataset, D, collaboration="Nowhere")


def test_markdown(food_hub) -> None:
    text = to_markdown(food_hub)
    for heading in (
        "# 30/30 agenda — Food Hub",
        "## 1. Report back",
        "## 2. Wins to celebrate",
        "## 3. Open commitments: overdue, due before the next meeting, later",
        "## 4. Gone quiet",
        "## 5. Introductions",
        "## 6. Commitments for the next 30 days",
    ):
        assert heading in text
    assert "First delivery \\| 40 boxes" in text
    next_30 = text.split("## 6.")[1].strip().splitlines()
    assert next_30[2:4] == ["| Who | What | By when |", "| --- | --- | --- |"]
    assert next_30[4:] == ["|  |  |  |"] * 8


def test_pdf_opens_with_one_or_two_pages(food_hub, tmp_path: Path) -> None:
    path = write_agenda(food_hub, tmp_path / "agenda.pdf")
    reader = PdfReader(path)
    assert 1 <= len(reader.pages) <= 2
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Volunteers found" in text
    with pytest.raises(ValueError):
        write_agenda(food_hub, tmp_path / "agenda.txt")


def test_pdf_without_a_unicode_font(food_hub, monkeypatch) -> None:
    monkeypatch.setattr(pdf_document, "DEJAVU", Path("/nonexistent"))
    food_hub = build_agenda(dataset_of(sheets()), D, project=FH)
    food_hub.wins.loc[0, "win"] = "Łódź visit — 李 ok"
    reader = PdfReader(io.BytesIO(pdf_bytes(food_hub)))
    assert "Lodz visit - " in reader.pages[0].extract_text()


@pytest.mark.slow
def test_cli_writes_the_agenda(tmp_path: Path) -> None:
    workbook = tmp_path / "book.xlsx"
    write_xlsx(workbook, sheets())
    out = tmp_path / "agenda.md"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "dashboard",
            "agenda",
            str(workbook),
            "--project",
            FH,
            "--date",
            D.isoformat(),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert "Volunteers found" in out.read_text(encoding="utf-8")
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "dashboard",
            "agenda",
            str(workbook),
            "--project",
            "Nope",
            "--date",
            D.isoformat(),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert bad.returncode == 1 and bad.stderr.startswith("error: ")


def test_page_on_the_demo(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SMALLWINS_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    app.switch_page("pages/8_Agenda.py").run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.subheader[0].value.startswith("30/30 agenda — ")
    assert len(app.get("download_button")) == 2
    app.radio[0].set_value("for a collaboration").run()
    assert not app.exception, [e.value for e in app.exception]
    # the caption is escaped Markdown (plain): read it as the browser shows it
    shown = [rendered(c.value) for c in app.caption]
    assert any(text.startswith("Collaboration: ") for text in shown)
    assert [s.value for s in app.subheader][-1] == "6. Commitments for the next 30 days"


def test_markdown_from_the_sheet_stays_text_wherever_it_is_pasted() -> None:
    """A win, a person and a project holding Markdown and HTML: rendered by a CommonMark
    renderer (markdown-it, with tables), nothing becomes a link, an image, a heading or HTML."""
    from markdown_it import MarkdownIt

    payloads = sheets()
    payloads["Projects"].append(["[Garden](javascript:alert(1))", "River Valley"])
    payloads["People"].append(["**Zed** <img src=x onerror=alert(1)>", "Acme"])
    payloads["Wins"] += [
        ["2024-06-12", "# Big news ![logo](http://tracker.example/p.png)", FH, "Ann Lee"],
        [
            "2024-06-13",
            "[click](javascript:alert(1)) <script>x()</script> &lt;b&gt;",
            FH,
            "**Zed** <img src=x onerror=alert(1)>",
        ],
    ]
    payloads["Commitments"].append(
        ["Ann Lee", "[Garden](javascript:alert(1))", "_plant_ `code`", "2024-06-01", "2024-06-20"]
    )
    data = dataset_of(payloads)
    garden_name = "[Garden](javascript:alert(1))"
    texts = [to_markdown(build_agenda(data, D, project=name)) for name in (FH, garden_name)]
    for text in texts:
        html = MarkdownIt("commonmark").enable("table").render(text)
        assert "<a " not in html and "<img" not in html and "<script" not in html
        assert "<em>plant</em>" not in html and "<strong>Zed</strong>" not in html
        assert "<code>" not in html
        assert html.count("<h1>") == 1  # the agenda's own title only
    garden, food_hub = texts[1], texts[0]
    assert "# 30/30 agenda — \\[Garden\\](javascript:alert(1))" in garden
    assert "\\_plant\\_ \\`code\\`" in garden  # the commitment is there, as typed
    html = MarkdownIt("commonmark").enable("table").render(food_hub)
    assert "# Big news !" in html  # shown as typed, inside a table cell
    assert "&lt;script&gt;" in html and "&amp;lt;b&amp;gt;" in html  # an entity stays as typed
    assert "2024-06-12" in food_hub  # dates are not cluttered with escapes


def test_the_last_meetings_introductions_followed_up(dataset: Dataset) -> None:
    # Food Hub's last meeting was 1 June. Its graph then: the five who had committed on it
    # (Ann, Bo, Cy, José, Dee: all linked by the project), and Eve, linked to Ann and Bo by the
    # 1 May meeting — so the introductions suggested then were Eve with Cy, Dee and José (2
    # shared each). Add a win naming Eve and Cy on 12 June: that one is closed by D, on 12 June;
    # the other two are still open.
    book = sheets()
    book["Wins"].append(["2024-06-12", "Tour together", FH, "Eve Park, Cy Diaz"])
    agenda = build_agenda(dataset_of(book), D, project=FH)
    assert _rows(agenda.followed_up) == [
        ("Cy Diaz", "Eve Park", "closed", pd.Timestamp("2024-06-12")),
        ("Dee Dunn", "Eve Park", "open", None),
        ("Eve Park", "José Pérez", "open", None),
    ]
    # without that win, none of the three happened
    assert list(build_agenda(dataset, D, project=FH).followed_up["status"]) == ["open"] * 3
    text = to_markdown(agenda)
    assert "### Suggested at the last meeting: made or still open" in text
    assert "| Cy Diaz | Eve Park | closed | 2024-06-12 |" in text


def test_the_weavers_to_thank_since_the_last_meeting() -> None:
    # project P: Hub met Amy on 05-01 and Ben on 05-02 (the last meeting before D); on 06-10 Amy
    # and Ben won together — a link first seen since the last meeting whose two people already
    # shared Hub (linked to each before 06-10) → Hub is credited once, for Amy & Ben. Cal and
    # Dot's win on 06-12 closes nothing (no colleague in common).
    from tests.metrics.book import book, meeting, win

    part = book(
        meetings=[
            meeting("2024-05-01", "Hub, Amy", proj="P"),
            meeting("2024-05-02", "Hub, Ben", proj="P"),
        ],
        wins=[win("2024-06-10", "Amy, Ben", proj="P"), win("2024-06-12", "Cal, Dot", proj="P")],
    )
    agenda = build_agenda(part, D, project="P")
    assert agenda.since == dt.date(2024, 5, 2)
    assert _rows(agenda.weavers) == [("Hub", 1, "Amy & Ben")]
    text = to_markdown(agenda)
    assert "### Thank the weavers: who brought two of their contacts together" in text
    assert "| Thank | Introductions | Brought together |" in text
    assert f"| Hub | 1 | {markdown_inline('Amy & Ben')} |" in text  # & escaped, as every cell
    # a meeting on 06-09: since 05-02 nothing closed yet
    assert "_Nobody was credited with an introduction since the last meeting._" in to_markdown(
        build_agenda(part, dt.date(2024, 6, 9), project="P")
    )
