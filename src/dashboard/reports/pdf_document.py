"""A small PDF writer shared by the reports: DejaVu Sans (full Unicode) where the machine has it,
else the core Helvetica font with text transliterated to Latin-1 (core fonts know nothing else)."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

from fpdf import FPDF

from dashboard.folding import without_marks

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def to_latin1(text: str) -> str:
    """Core PDF fonts are latin-1 only: "José" stays, "Łódź" becomes "Lodz", the rest drops."""
    text = text.translate({0x2014: "-", 0x2013: "-", 0x2019: "'", 0x2018: "'", 0x2026: "..."})
    text = text.translate({0x201C: '"', 0x201D: '"', 0x2022: "-", 0x0141: "L", 0x0142: "l"})
    if all(ord(c) < 256 for c in text):
        return text
    bare = without_marks(text)  # accents off, as names are compared (dashboard.folding)
    return unicodedata.normalize("NFC", bare).encode("latin-1", "ignore").decode("latin-1")


class Document:
    """An FPDF with DejaVu (full Unicode) when installed, else Helvetica with transliteration."""

    def __init__(self) -> None:
        self.pdf = FPDF(format="A4")
        self.pdf.set_auto_page_break(auto=True, margin=12)
        self.pdf.set_margins(14, 12, 14)
        regular, bold = DEJAVU / "DejaVuSans.ttf", DEJAVU / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            self.pdf.add_font("DejaVu", "", str(regular))
            self.pdf.add_font("DejaVu", "B", str(bold))
            self.family, self.text = "DejaVu", str
        else:
            self.family, self.text = "Helvetica", to_latin1
        self.pdf.add_page()

    def line(self, text: str, size: float = 9, style: str = "", gap: float = 1) -> None:
        self.pdf.set_font(self.family, style, size)
        self.pdf.multi_cell(0, size * 0.5, self.text(text), new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(gap)

    def table(self, columns: list[str], rows: list[list[str]], height: float = 4.5) -> None:
        self.pdf.set_font(self.family, "", 8)
        with self.pdf.table(line_height=height, text_align="LEFT", first_row_as_headings=True) as t:
            for row in [columns, *rows]:
                cells = t.row()
                for value in row:
                    cells.cell(self.text(str(value)))
        self.pdf.ln(2)

    def image(self, png: bytes, width: float = 180) -> None:
        self.pdf.image(io.BytesIO(png), w=width)

    def new_page(self) -> None:
        self.pdf.add_page()

    def save(self, path: str | Path) -> None:
        self.pdf.output(str(path))
