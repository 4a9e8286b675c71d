"""The same figure reads the same wherever a user looks: the page's table, the CSV, the XLSX (the
cell's number as its number format shows it), the PDF's text and ``summary``'s text — on shares
that round differently half up (as people round) and half to even (Python's ``round``):

* 0.125 → 12.5 % → **13%** (``round`` gives 12)
* 0.625 → 62.5 % → **63%** (``round`` gives 62) — 5 of 8
* 0.005 → 0.5 % → **1%** (``round`` gives 0)

and the change from 63% to 13% is 13 − 63 = **-50 pts** (in points of the percents shown).
"""

from __future__ import annotations

import datetime as dt
import re

from openpyxl import load_workbook
from pypdf import PdfReader

from dashboard import formatting
from dashboard.cli.summary_text import summary_text
from dashboard.metrics import KEYS
from dashboard.periods import Comparison
from dashboard.reports.impact import build_report
from dashboard.reports.impact_data import csv_rows
from dashboard.reports.impact_render import write_report
from dashboard.ui.impact_page import figures_table
from tests.fixtures import dataset_of, river_valley

FEB = (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
KEPT = "Commitments kept (share of those due)"


def _report():
    """River Valley's February report with follow-through 0.125 now and 0.625 before, and one
    collaboration's 0.005."""
    report = build_report(dataset_of(river_valley()), *FEB)
    figures = report.figures.copy()
    kept = figures["figure"] == "follow_through"
    figures.loc[kept, "value"] = 0.125
    figures.loc[kept, "previous"] = 0.625
    report.figures = figures
    report.by_collaboration = report.by_collaboration.assign(follow_through=0.005)
    report.previous = (dt.date(2024, 1, 3), dt.date(2024, 1, 31))
    return report


def test_the_helpers_round_half_up():
    assert [formatting.percent(v) for v in (0.125, 0.625, 0.005)] == ["13%", "63%", "1%"]
    assert formatting.figure_change("follow_through", 0.125, 0.625) == "-50 pts"
    assert formatting.figure_change("follow_through", 0.635, 0.625) == "+1 pt"  # 64 − 63
    assert formatting.figure_change("follow_through", 0.6251, 0.625) == "no change"
    assert formatting.count(2.5) == "3" and formatting.count(1234.0) == "1,234"
    assert formatting.index(0.125) == "0.13"  # an index, two decimals, half up too
    assert formatting.plural(1, "problem") == "1 problem"
    assert formatting.plural(13, "problem") == "13 problems"
    assert formatting.plural(1204, "person", "people") == "1,204 people"


def test_the_page_table():
    table = figures_table(_report().figures, Comparison(FEB, dt.date(2024, 1, 1), "full"))
    row = table[table[""] == KEPT].iloc[0]
    assert (row["this period"], row["previous period"], row["change"]) == ("13%", "63%", "-50 pts")


def test_the_csv():
    rows = csv_rows(_report())
    headline = next(r for r in rows if r[0] == "headline" and r[2] == KEPT)
    # the change's minus is typographic, so no spreadsheet takes the cell for a formula
    assert headline[3:] == ["13%", "63%", "\u221250 pts"]
    by = [r for r in rows if r[0] == "by collaboration" and r[2] == KEPT]
    assert by and {r[3] for r in by} == {"1%"}


def _shown(value: object, number_format: str) -> str:
    """A cell as a spreadsheet shows it, for the formats the report uses: ``0%`` (the value
    times 100, halves away from zero as Excel and LibreOffice round), ``#,##0`` and the
    three-section ``positive;negative;zero`` formats of literal text around ``0``."""
    if number_format == "0%":
        return f"{formatting.whole(float(value) * 100)}%"  # type: ignore[arg-type]
    sections = number_format.split(";")
    number = float(value)  # type: ignore[arg-type]
    section = sections[0] if number > 0 else sections[1] if number < 0 else sections[-1]
    digits = f"{abs(int(number)):,}" if "#,##0" in section else str(abs(int(number)))
    return re.sub(r"#,##0|0", digits, section, count=1).replace('"', "")


def test_the_xlsx_holds_numbers_shown_as_the_page_shows_them(tmp_path):
    path = write_report(_report(), tmp_path / "report.xlsx")
    book = load_workbook(path)
    sheet = book["Headline figures"]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == KEPT)
    now, before, change = row[1], row[2], row[3]
    assert (now.value, before.value, change.value) == (0.125, 0.625, -50)  # numbers
    assert [_shown(c.value, c.number_format) for c in (now, before, change)] == [
        "13%",
        "63%",
        "-50 pts",
    ]
    wins = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "Small wins")
    assert wins[3].value == 2 and _shown(wins[3].value, wins[3].number_format) == "+2"
    by = book["By collaboration"]
    column = [c.value for c in by[1]].index(KEPT)
    cells = [r[column] for r in by.iter_rows(min_row=2)]
    assert cells and {_shown(c.value, c.number_format) for c in cells} == {"1%"}


def test_the_pdf_text(tmp_path):
    path = write_report(_report(), tmp_path / "report.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    kept = text[text.index("Commitments kept") :][:120]
    assert re.search(r"13%\s+63%\s+-50 pts", kept), kept
    assert "12%" not in kept and "62%" not in kept
    side_by_side = text[text.index("The collaborations side by side") :]
    assert " 1% " in side_by_side.replace("\n", " ") and " 0% " not in side_by_side


def test_the_html(tmp_path):
    path = write_report(_report(), tmp_path / "report.html")
    html = path.read_text(encoding="utf-8")
    assert f"<td>{KEPT}</td><td>13%</td><td>63%</td><td>-50 pts</td>" in html


def test_summary_text():
    figures: dict = {key: 0 for key in KEYS}
    figures.update(as_of="2024-02-29", collaborations=1, follow_through=0.625)
    figures.update(learning_share=0.125, top10_share=0.005, degree_centralization=0.125)
    lines = summary_text(figures).splitlines()

    def shown(words: str) -> str:
        return re.split(r"\s{2,}", next(x for x in lines if x.startswith(words)))[1]

    assert lines[0] == "Summary as of 29 February 2024 — 1 collaboration"
    assert shown("commitments kept") == "63%"
    assert shown("commitments reported back with a result") == "13%"
    assert shown("commitments held by the busiest 10%") == "1%"
    assert shown("leadership concentration") == "0.13"
    assert not [x for x in lines if re.search(r"\b[a-z]+_[a-z0-9_]+\b", x)]  # no code keys
