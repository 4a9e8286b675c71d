"""The PDFs as printed: rendered to PNG with pdftoppm (Debian's poppler-utils, which .ci/run
installs), and read back page by page — how many pages, that each page holds ink, and that no
page ends with a heading whose table or text went to the next page.

The agendas are built with more and more lines in their first section, so that every later
heading in turn comes near a page's foot: where one was stranded there, a test here fails.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image
from pypdf import PdfReader

from dashboard.reports.agenda import Agenda, build_agenda
from dashboard.reports.agenda_render import NEXT_HEADING, SECTIONS, pdf_bytes
from dashboard.reports.impact import build_report
from dashboard.reports.impact_render import MOMENTUM, NETWORK, write_report

AGENDA_HEADINGS = {heading for _, heading, _ in SECTIONS} | {NEXT_HEADING}
REPORT_HEADINGS = {
    "Headline figures",
    MOMENTUM,
    NETWORK,
    "The collaborations side by side",
    "Highlighted wins",
}


DPI = 72  # one pixel a PDF point: a text's y (points from the bottom) is a pixel row


def rendered(pdf: Path) -> list[Image.Image]:
    """Every page of ``pdf`` as a greyscale image, rendered by poppler's pdftoppm."""
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is missing: apt-get install -y poppler-utils (as .ci/run does)")
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(pdf.with_suffix(""))],
        check=True,
        timeout=60,
    )
    pages = sorted(pdf.parent.glob(f"{pdf.stem}-*.png"))
    return [Image.open(page).convert("L") for page in pages]


def inked(page: Image.Image, top: int = 0, bottom: int | None = None) -> float:
    """The share of pixels that are not white, in the rows ``top`` … ``bottom`` of the page."""
    band = page.crop((0, top, page.width, page.height if bottom is None else bottom))
    histogram = band.histogram()
    return 1 - sum(histogram[250:]) / max(sum(histogram), 1)


def headings_on(pdf: Path, headings: set[str]) -> list[list[tuple[str, float]]]:
    """Per page, the headings on it and the height of their baseline (points from the bottom)."""
    pages = []
    for page in PdfReader(pdf).pages:
        found: list[tuple[str, float]] = []

        def visit(text, cm, tm, font, size, found=found):
            if text.strip() in headings:
                found.append((text.strip(), tm[5] + cm[5]))

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


def check_pages(pdf: Path, headings: set[str], most: int) -> int:
    """Page count, ink on every page, and under every heading something on the same page: the
    rows from just below its line to 20 points further down are not blank."""
    images = rendered(pdf)
    assert len(images) == len(PdfReader(pdf).pages)
    assert 1 <= len(images) <= most, f"{pdf.name}: {len(images)} pages"
    for number, (page, found) in enumerate(zip(images, headings_on(pdf, headings), strict=True), 1):
        assert inked(page) > 0.005, f"{pdf.name}: page {number} is blank"
        for heading, baseline in found:
            below = page.height - int(baseline) + 4  # under the heading's descenders
            assert inked(page, below, below + 20) > 0.002, (
                f"{pdf.name}: page {number} ends with the heading {heading!r}"
            )
    return len(images)


@pytest.fixture
def demo(demo_dataset):
    return demo_dataset


def _lines(n: int) -> pd.DataFrame:
    """``n`` commitments reported back on, with results long enough to wrap."""
    due = pd.Timestamp("2026-10-20")
    return pd.DataFrame(
        {
            "name": [f"Person {i}" for i in range(n)],
            "commitment": [
                f"Ask the county about the {i}th grant, and report back" for i in range(n)
            ],
            "due": [due] * n,
            "status": ["done"] * n,
            "done": [due] * n,
            "result": ["Learned that the decision sits with the board, which meets quarterly"] * n,
        }
    )


def _agenda(demo, first_section_rows: int) -> Agenda:
    base = build_agenda(demo, dt.date(2026, 10, 31), collaboration="Northern Tech Corridor")
    return Agenda(**{**base.__dict__, "due_since": _lines(first_section_rows)})


@pytest.mark.parametrize("rows", range(0, 11))
def test_no_agenda_page_ends_with_a_heading(demo, tmp_path, rows):
    path = tmp_path / f"agenda-{rows}.pdf"
    path.write_bytes(pdf_bytes(_agenda(demo, rows)))
    check_pages(path, AGENDA_HEADINGS, most=3)


def test_a_short_agenda_is_one_page(demo, tmp_path):
    agenda = build_agenda(demo, dt.date(2026, 10, 31), project="Food Waste Recovery")
    path = tmp_path / "agenda.pdf"
    path.write_bytes(pdf_bytes(agenda))
    assert check_pages(path, AGENDA_HEADINGS, most=1) == 1


@pytest.mark.parametrize(
    "period",
    [(dt.date(2025, 11, 1), dt.date(2026, 10, 31)), (dt.date(2024, 11, 1), dt.date(2026, 10, 31))],
    ids=["12 months", "the whole demo"],
)
def test_the_impact_report_prints_in_two_pages_with_every_section_heading(demo, tmp_path, period):
    report = build_report(demo, *period)
    path = write_report(report, tmp_path / "report.pdf")
    assert check_pages(path, REPORT_HEADINGS, most=2) == 2
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    lines = {line.strip() for line in text.splitlines()}
    assert lines >= REPORT_HEADINGS  # the HTML's sections, each under its own heading


def test_the_report_heading_of_a_chart_comes_before_it_not_under_the_one_above(demo, tmp_path):
    """Each chart's heading is a line of its own between the charts, so the network chart's
    titles ("People", "Relationships") no longer sit right under the momentum chart."""
    report = build_report(demo, dt.date(2025, 11, 1), dt.date(2026, 10, 31))
    path = write_report(report, tmp_path / "report.pdf")
    page = PdfReader(path).pages[0].extract_text().splitlines()
    assert page.index(MOMENTUM) < page.index(NETWORK)
