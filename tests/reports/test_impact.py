"""The funder impact report from a hand-made workbook: its figures, its files, no names."""

from __future__ import annotations

import csv
import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from dashboard.reports.impact import build_report, report_figures
from dashboard.reports.impact_render import write_report
from dashboard.sources.local import write_xlsx
from tests.demo import demo_dataset
from tests.fixtures import dataset_of, river_valley

FEB = (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
NAMES = [
    "josé pérez",
    "jose perez",
    "pérez",
    "perez",
    "ann lee",
    "bo chen",
    "chen",
    "eve park",
    "jose@example.org",
    "ann@example.net",
]
ROOT = Path(__file__).resolve().parents[2]


def _sheets() -> dict:
    sheets = river_valley()
    thanks = "Thanks to Jose Perez and ANN LEE (ann@example.net) for the grant"
    sheets["Wins"].append(["2024-02-20", thanks, "Food Hub", "Ann Lee", "medium"])
    sheets["Wins"].append(
        ["2024-02-21", '=HYPERLINK("http://x.example","y")', "Food Hub", "Bo Chen"]
    )
    return sheets


def test_period_figures_against_the_previous_period():
    # February 2024 (29 days) against 3–31 January, worked out from river_valley() by hand:
    # wins 02-10, 02-18 (+ the two added above, 02-20 and 02-21) = 4; January none.
    # commitments made: Feb 02-01 = 1; Jan 01-15, 01-20 = 2. Due in Feb: 02-01 (done 01-30,
    # kept) and 02-20 (open) → 2 due, 50 % kept; nothing due in January → no rate.
    # People active in Feb: José, Ann, Eve, Bo = 4 (Jan: José, Ann = 2); new in Feb: Eve (02-18),
    # Bo (02-28) = 2, of whom only Bo has an organization (County) → 1.
    # Links: José–Ann (Food Hub, dated 02-01 when José first committed there), Ann–Eve (win
    # 02-18), Ann–Bo and José–Bo (meeting 02-28); the added wins name one person each → 4 links,
    # all first seen in February.
    report = build_report(dataset_of(_sheets()), *FEB)
    figures = report.figures.set_index("figure")
    assert figures["value"].to_dict() == {
        "wins": 4,
        "commitments_made": 1,
        "commitments_due": 2,
        "follow_through": 0.5,
        "people_active": 4,
        "new_people": 2,
        "new_organizations": 1,
        "organizations": 3,
        "new_links": 4,
        "network_people": 4,
        "network_links": 4,
    }
    assert figures.loc["wins", "previous"] == 0 and figures.loc["wins", "change"] == 4
    assert figures.loc["people_active", "previous"] == 2
    assert pd.isna(figures.loc["follow_through", "previous"])
    assert report.paragraphs["River Valley"].startswith(
        "River Valley logged 1 small win (1 more than the previous period)."
    )


def test_the_figures_alone_are_the_whole_reports():
    # the page's first section computes only the figures (report_figures): they must be the
    # whole report's, for every audience's choice of period and collaborations
    data = demo_dataset()
    for start, end, chosen in [
        (dt.date(2025, 11, 1), dt.date(2026, 10, 31), []),
        (dt.date(2026, 8, 1), dt.date(2026, 10, 31), ["Northern Tech Corridor"]),
        (dt.date(2024, 1, 1), dt.date(2024, 3, 31), []),  # before the records: nothing compared
    ]:
        whole, head = (
            build_report(data, start, end, chosen),
            report_figures(data, start, end, chosen),
        )
        pd.testing.assert_frame_equal(head.figures, whole.figures)
        pd.testing.assert_frame_equal(head.series, whole.series)
        assert (head.notes, head.previous) == (whole.notes, whole.previous)
    with pytest.raises(ValueError, match="no collaboration named 'Atlantis'"):
        report_figures(data, dt.date(2026, 1, 1), dt.date(2026, 3, 31), ["Atlantis"])


def test_highlights_are_the_largest_and_the_most_recent_wins():
    report = build_report(dataset_of(_sheets()), *FEB)
    assert report.highlights["why"].iloc[0] == "largest"
    assert report.highlights["date"].iloc[0] == dt.datetime(2024, 2, 10)  # the only large win
    assert len(report.highlights) == 4  # four wins in the period, each shown once
    # only the sized wins are "largest", however few the wins: the two with no size (02-21,
    # 02-18: "huge" is no size) are there as the most recent
    sized = report.highlights.assign(day=report.highlights["date"].dt.day)
    assert dict(zip(sized["day"], sized["why"], strict=True)) == {
        10: "largest",
        20: "largest",
        21: "most recent",
        18: "most recent",
    }


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("report")
    report = build_report(dataset_of(_sheets()), *FEB)
    return {
        suffix: write_report(report, folder / f"r{suffix}")
        for suffix in (".pdf", ".html", ".csv", ".xlsx")
    }


def _texts(files: dict[str, Path]) -> dict[str, str]:
    book = load_workbook(files[".xlsx"])
    cells = " ".join(str(c.value) for s in book.worksheets for r in s.iter_rows() for c in r)
    pages = PdfReader(files[".pdf"]).pages
    return {
        ".pdf": " ".join(page.extract_text() for page in pages),
        ".html": files[".html"].read_text(encoding="utf-8"),
        ".csv": files[".csv"].read_text(encoding="utf-8"),
        ".xlsx": cells,
    }


def test_no_personal_name_or_email_in_any_file(files):
    for suffix, text in _texts(files).items():
        found = [name for name in NAMES if name in text.casefold()]
        assert found == [], suffix
    assert "[someone]" in _texts(files)[".csv"]  # the masked win is there, masked


def test_names_are_shown_only_when_switched_on(tmp_path):
    report = build_report(dataset_of(_sheets()), *FEB, show_names=True)
    path = write_report(report, tmp_path / "internal.html")
    assert "Jose Perez" in path.read_text(encoding="utf-8")


def test_formula_looking_cells_are_neutralised(files):
    with files[".csv"].open(newline="", encoding="utf-8") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert '\'=HYPERLINK("http://x.example","y")' in cells
    # a negative count (-3) is a number to a spreadsheet, not a formula; nothing else may start so
    formula_like = [c for c in cells if c.startswith(("=", "+", "-", "@"))]
    assert all(re.fullmatch(r"-\d+", c) for c in formula_like), formula_like
    book = load_workbook(files[".xlsx"])
    formula = [
        c
        for sheet in book.worksheets
        for r in sheet.iter_rows()
        for c in r
        if str(c.value).startswith("=HYPERLINK")
    ]
    assert formula and all(c.data_type == "s" for c in formula)


def test_the_pdf_opens_with_one_to_three_pages(files):
    pages = PdfReader(files[".pdf"]).pages
    assert 1 <= len(pages) <= 3
    assert "Impact report" in pages[0].extract_text()


def test_the_html_is_self_contained(files):
    html = files[".html"].read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == 2
    assert "http://" not in html.replace("http://x.example", "")  # nothing fetched from outside


def _cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_report_command(tmp_path):
    workbook = tmp_path / "rv.xlsx"
    write_xlsx(workbook, _sheets())
    out = tmp_path / "out" / "report.html"
    done = _cli("report", workbook, "--from", "2024-02-01", "--to", "2024-02-29", "--out", out)
    assert done.returncode == 0, done.stderr
    assert out.is_file() and "Small wins" in out.read_text(encoding="utf-8")
    wrong = _cli(
        "report",
        workbook,
        "--from",
        "2024-02-01",
        "--to",
        "2024-02-29",
        "--collaboration",
        "Atlantis",
        "--out",
        tmp_path / "x.pdf",
    )
    assert wrong.returncode == 1 and "Atlantis" in wrong.stderr
    assert (
        _cli(
            "report",
            workbook,
            "--from",
            "2024-02-01",
            "--to",
            "2024-02-29",
            "--out",
            tmp_path / "x.doc",
        ).returncode
        == 1
    )


def test_the_page_offers_every_format(monkeypatch, tmp_path):
    monkeypatch.delenv("SMALLWINS_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    app.switch_page("pages/7_Impact_report.py").run()
    assert not app.exception, [e.value for e in app.exception]
    labels = [b.label for b in app.get("download_button")]
    assert labels == ["Download PDF", "Download HTML", "Download CSV", "Download XLSX"]
