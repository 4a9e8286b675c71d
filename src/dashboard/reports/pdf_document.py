"""A small PDF writer shared by the reports: DejaVu Sans (full Unicode) where the machine has it,
else the core Helvetica font with text transliterated to Latin-1 (core fonts know nothing else).

Two rules of a readable printout live here, for every PDF the project writes:

- **A heading is kept with what follows it**: when a heading and the start of its table, text or
  chart do not fit on the page, the page ends before the heading, never after it.
- **A table's columns are as wide as their content needs**: a column of numbers, shares or
  dates is as wide as its widest value; text columns share the rest, short ones whole, so a
  name wraps before a number column is padded.
"""

from __future__ import annotations

import io
import re
import struct
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import cast

from fpdf import FPDF

from dashboard.folding import without_marks

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
TABLE_FONT_SIZE = 8
_COMPACT = re.compile(r"^[\s\d.,:%+\-–−/]*(?:pts)?$")  # counts, shares, changes, dates, blanks


def to_latin1(text: str) -> str:
    """Core PDF fonts are latin-1 only: "José" stays, "Łódź" becomes "Lodz", the rest drops."""
    text = text.translate({0x2014: "-", 0x2013: "-", 0x2019: "'", 0x2018: "'", 0x2026: "..."})
    text = text.translate({0x201C: '"', 0x201D: '"', 0x2022: "-", 0x0141: "L", 0x0142: "l"})
    text = text.translate({0x2192: "->"})
    if all(ord(c) < 256 for c in text):
        return text
    bare = without_marks(text)  # accents off, as names are compared (dashboard.folding)
    return unicodedata.normalize("NFC", bare).encode("latin-1", "ignore").decode("latin-1")


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG, from its header."""
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def fair_widths(wanted: list[float], room: float) -> list[float]:
    """Share ``room`` among columns wanting ``wanted``: each gets what it wants when that is
    no more than an even share of what is left, the rest split evenly (max-min fairness); room
    left over is shared in proportion to what each wanted."""
    given = [0.0] * len(wanted)
    left, todo = room, sorted(range(len(wanted)), key=lambda i: wanted[i])
    while todo:
        even = left / len(todo)
        if wanted[todo[0]] > even:
            for i in todo:
                given[i] = even
            return given
        i = todo.pop(0)
        given[i] = wanted[i]
        left -= wanted[i]
    total = sum(wanted) or 1.0
    return [g + left * w / total for g, w in zip(given, wanted, strict=True)]


class Document:
    """An FPDF with DejaVu (full Unicode) when installed, else Helvetica with transliteration."""

    def __init__(self) -> None:
        self.pdf = FPDF(format="A4")
        self.pdf.set_auto_page_break(auto=True, margin=12)
        self.pdf.set_margins(14, 12, 14)
        self.text: Callable[[str], str]  # what the font can write: as is, or in Latin-1
        regular, bold = DEJAVU / "DejaVuSans.ttf", DEJAVU / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            self.pdf.add_font("DejaVu", "", str(regular))
            self.pdf.add_font("DejaVu", "B", str(bold))
            self.family, self.text = "DejaVu", str
        else:
            self.family, self.text = "Helvetica", to_latin1
        self.pdf.add_page()

    # -- text ---------------------------------------------------------------------------------

    def text_height(self, text: str, size: float = 9, style: str = "", gap: float = 1) -> float:
        """How tall :meth:`line` would write ``text``, in mm."""
        self.pdf.set_font(self.family, style, size)
        return len(self._lines(0, size * 0.5, text)) * size * 0.5 + gap

    def line(self, text: str, size: float = 9, style: str = "", gap: float = 1) -> None:
        self.pdf.set_font(self.family, style, size)
        self.pdf.multi_cell(0, size * 0.5, self.text(text), new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(gap)

    def heading(self, text: str, size: float = 12, keep: float = 0, gap: float = 1) -> None:
        """A bold heading kept with the first ``keep`` mm of what follows it."""
        self.keep(self.text_height(text, size, "B", gap) + keep)
        self.line(text, size=size, style="B", gap=gap)

    def keep(self, height: float) -> None:
        """Start a new page unless ``height`` mm fit on this one."""
        if self.pdf.will_page_break(height) and self.pdf.get_y() > self.pdf.t_margin + 1:
            self.pdf.add_page()

    # -- tables -------------------------------------------------------------------------------

    def column_widths(
        self, columns: list[str], rows: list[list[str]], shares: list[float] | None = None
    ) -> list[float]:
        """Widths (mm) for a table filling the page: see the module's docstring; or the page's
        width in ``shares`` (a blank table to fill in by hand has no content to go by)."""
        if shares is not None:
            return [self.pdf.epw * share / sum(shares) for share in shares]
        pad = 2 * self.pdf.c_margin + 0.6
        self.pdf.set_font(self.family, "", TABLE_FONT_SIZE)
        cells = [[self.text(str(row[i])) for row in rows] for i in range(len(columns))]
        longest = [max((self.pdf.get_string_width(v) for v in col), default=0) for col in cells]
        self.pdf.set_font(self.family, "B", TABLE_FONT_SIZE)
        word = [
            max((self.pdf.get_string_width(w) for w in self.text(c).split()), default=0)
            for c in columns
        ]
        whole = [self.pdf.get_string_width(self.text(c)) for c in columns]
        wanted = [max(a, b) + pad for a, b in zip(longest, word, strict=True)]
        compact = [all(_COMPACT.match(v) for v in col) for col in cells]
        spare = self.pdf.epw - sum(wanted)
        unwrapped = [
            max(0.0, h + pad - w) if small else 0.0
            for h, w, small in zip(whole, wanted, compact, strict=True)
        ]
        if 0 < sum(unwrapped) <= spare:  # room enough: number columns' headers on one line
            wanted = [w + u for w, u in zip(wanted, unwrapped, strict=True)]
        room = self.pdf.epw - sum(w for w, small in zip(wanted, compact, strict=True) if small)
        texts = [i for i, small in enumerate(compact) if not small]
        if room <= 0 or not texts:
            scale = self.pdf.epw / sum(wanted)
            return [w * scale for w in wanted]
        shared = fair_widths([wanted[i] for i in texts], room)
        widths = list(wanted)
        for i, width in zip(texts, shared, strict=True):
            widths[i] = width
        return widths

    def _row_height(self, row: list[str], widths: list[float], height: float, style: str) -> float:
        self.pdf.set_font(self.family, style, TABLE_FONT_SIZE)
        lines = [
            len(self._lines(w - 2 * self.pdf.c_margin, height, str(v)))
            for v, w in zip(row, widths, strict=True)
        ]
        return max(lines, default=1) * height

    def _lines(self, width: float, height: float, text: str) -> list[str]:
        """The lines ``text`` would take in a cell ``width`` wide (0: to the margin), unwritten."""
        # fpdf2 types multi_cell's answer as the union of every ``output`` choice; LINES is this
        lines = self.pdf.multi_cell(width, height, self.text(text), dry_run=True, output="LINES")
        return cast(list[str], lines)

    def table_start(
        self,
        columns: list[str],
        rows: list[list[str]],
        height: float = 4.5,
        first: int = 2,
        shares: list[float] | None = None,
    ) -> float:
        """The height (mm) of a table's header and first ``first`` rows: what a heading above
        it is kept with."""
        widths = self.column_widths(columns, rows, shares)
        total = self._row_height(columns, widths, height, "B")
        return total + sum(self._row_height(r, widths, height, "") for r in rows[:first])

    def table(
        self,
        columns: list[str],
        rows: list[list[str]],
        height: float = 4.5,
        shares: list[float] | None = None,
    ) -> None:
        widths = self.column_widths(columns, rows, shares)
        self.pdf.set_font(self.family, "", TABLE_FONT_SIZE)
        with self.pdf.table(
            line_height=height,
            text_align="LEFT",
            first_row_as_headings=True,
            col_widths=widths,
            width=min(sum(widths), self.pdf.epw),
            align="LEFT",
        ) as t:
            for row in [columns, *rows]:
                cells = t.row()
                for value in row:
                    cells.cell(self.text(str(value)))
        self.pdf.ln(2)

    # -- images -------------------------------------------------------------------------------

    def image_height(self, png: bytes, width: float = 180) -> float:
        pixels_wide, pixels_high = png_size(png)
        return width * pixels_high / pixels_wide

    def image(self, png: bytes, width: float = 180, gap: float = 3) -> None:
        self.keep(self.image_height(png, width))
        self.pdf.image(io.BytesIO(png), w=width)
        self.pdf.ln(gap)

    def new_page(self) -> None:
        self.pdf.add_page()

    def save(self, path: str | Path) -> None:
        self.pdf.output(str(path))
