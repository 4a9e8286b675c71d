"""The 30/30 agenda as a document: Markdown (to paste into notes or a chat) and a 1–2 page PDF
(to print for the meeting), plus the ``agenda`` command that writes either."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from dashboard.escaping import markdown_inline
from dashboard.reports.agenda import Agenda
from dashboard.reports.pdf_document import Document

# (Agenda field, heading, what to say when it is empty) — in meeting order; the page uses it too.
# A numbered heading starts a section; one without a number is a part of the section above it,
# and a section with no field of its own has only its parts.
SECTIONS = (
    (
        "due_since",
        "1. Report back: commitments due since the last meeting",
        "No commitments came due since the last meeting.",
    ),
    ("wins", "2. Wins to celebrate", "No wins recorded since the last meeting."),
    (
        "open",
        "3. Open commitments: overdue, due before the next meeting, later",
        "No commitment is open.",
    ),
    (
        "quiet",
        "4. Gone quiet (no activity in the last 60 days)",
        "Nobody has gone quiet.",
    ),
    (None, "5. Introductions", ""),
    (
        "followed_up",
        "Suggested at the last meeting: made or still open",
        "No introductions were suggested at the last meeting.",
    ),
    (
        "weavers",
        "Thank the weavers: who brought two of their contacts together",
        "Nobody was credited with an introduction since the last meeting.",
    ),
    ("introductions", "To make next", "No introductions to suggest yet."),
)
NEXT_HEADING = "6. Commitments for the next 30 days"
NEXT_COLUMNS = ("Who", "What", "By when")
NEXT_SHARES = [3.0, 6.0, 2.0]  # the printed blank table: room to write what will be done
BLANK_ROWS = 8
PDF_MAX_ROWS = 10  # per section, so the printed agenda stays at 1–2 pages
HEADERS = {
    "name": "Who",
    "commitment": "Commitment",
    "due": "Due",
    "status": "Status",
    "done": "Done",
    "result": "Result / learning",
    "date": "Date",
    "win": "Win",
    "people": "People",
    "days_late": "Days late",
    "when": "When",
    "organization": "Organization",
    "last_activity": "Last activity",
    "a_name": "Introduce",
    "b_name": "to",
    "shared": "Shared contacts",
    "linked_on": "Worked together from",
    "thank": "Thank",
    "credits": "Introductions",
    "introduced": "Brought together",
}


def is_part(heading: str) -> bool:
    """A heading without a number is a part of the section above it."""
    return not heading[:1].isdigit()


def display_table(agenda: Agenda, field: str) -> pd.DataFrame:
    """A section as text, with readable headers: dates as YYYY-MM-DD, blanks as ""."""
    frame = getattr(agenda, field)
    frame = pd.DataFrame() if frame is None else frame.copy()
    for column in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            frame[column] = frame[column].dt.strftime("%Y-%m-%d")
    frame = frame.astype("string").fillna("")
    return frame.rename(columns=HEADERS)


def period_line(agenda: Agenda) -> str:
    """What "since the last meeting" means for this agenda, in words."""
    if agenda.last_meeting is not None:
        return (
            f"Meeting of {agenda.date:%Y-%m-%d}, since the last meeting on {agenda.since:%Y-%m-%d}."
        )
    start = agenda.since + dt.timedelta(days=1)
    return (
        f"Meeting of {agenda.date:%Y-%m-%d}. No earlier meeting is recorded: "
        f"this covers the last 30 days ({start:%Y-%m-%d} to {agenda.date:%Y-%m-%d})."
    )


def _cell(text: object) -> str:
    return markdown_inline(text)


def _md_table(columns: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(_cell(c) for c in columns) + " |"]
    lines.append("|" + "|".join(" --- " for _ in columns) + "|")
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines


def to_markdown(agenda: Agenda) -> str:
    """The whole agenda in Markdown. Every text from the sheet — the title and scope (project and
    collaboration names), every cell — is escaped (``dashboard.escaping``): a ``|`` cannot break
    a table, and a heading, link or image typed in a cell stays text wherever it is pasted."""
    intro = markdown_inline(agenda.scope_label + ". " + period_line(agenda))
    lines = [f"# {markdown_inline(agenda.title)}", "", intro, ""]
    lines += [f"Data — {markdown_inline(note)}  " for note in agenda.sources]
    lines += [""] if agenda.sources else []
    for field, heading, empty in SECTIONS:
        lines += [f"{'###' if is_part(heading) else '##'} {heading}", ""]
        if field is None:
            continue
        table = display_table(agenda, field)
        if table.empty:
            lines += [f"_{empty}_", ""]
        else:
            lines += _md_table(list(table.columns), table.to_numpy().tolist()) + [""]
    lines += [f"## {NEXT_HEADING}", ""]
    lines += _md_table(list(NEXT_COLUMNS), [["", "", ""]] * BLANK_ROWS) + [""]
    return "\n".join(lines)


def _start(doc: Document, agenda: Agenda, field: str | None, empty: str) -> float:
    """How tall the start of a section's body is (its sentence when empty, else its table's
    header and first rows): what its heading is kept with."""
    table = display_table(agenda, field) if field else pd.DataFrame()
    if table.empty:
        return doc.text_height(empty, 9, gap=1.5)
    columns, rows = list(table.columns), table.head(PDF_MAX_ROWS).to_numpy().tolist()
    return doc.table_start(columns, rows)


def pdf_bytes(agenda: Agenda) -> bytes:
    """The agenda as PDF bytes, built in memory (the page offers them for download). Every
    heading is kept with the start of what follows it: a section never begins at a page's foot.
    """
    doc = Document()
    doc.line(agenda.title, size=15, style="B", gap=1)
    doc.line(agenda.scope_label + ". " + period_line(agenda), size=9, gap=1)
    for note in agenda.sources:
        doc.line(f"Data — {note}", size=8, gap=0.5)
    doc.pdf.ln(1.5)
    for number, (field, heading, empty) in enumerate(SECTIONS):
        size = 10 if is_part(heading) else 11
        if field is None:  # a section made of parts: kept with its first part's heading and start
            part_field, part, part_empty = SECTIONS[number + 1]
            first = doc.text_height(part, 10, "B", 0.5) + _start(
                doc, agenda, part_field, part_empty
            )
            doc.heading(heading, size=size, gap=0.5, keep=first)
            continue
        table = display_table(agenda, field)
        if table.empty:
            doc.heading(heading, size=size, gap=0.5, keep=_start(doc, agenda, field, empty))
            doc.line(empty, size=9, gap=1.5)
            continue
        columns, rows = list(table.columns), table.head(PDF_MAX_ROWS).to_numpy().tolist()
        doc.heading(heading, size=size, gap=0.5, keep=_start(doc, agenda, field, empty))
        doc.table(columns, rows)
        if len(table) > PDF_MAX_ROWS:
            doc.line(f"... and {len(table) - PDF_MAX_ROWS} more (see the app).", size=8)
    blank = [["", "", ""]] * BLANK_ROWS
    whole = doc.table_start(list(NEXT_COLUMNS), blank, 6, BLANK_ROWS, NEXT_SHARES)
    doc.heading(NEXT_HEADING, size=11, gap=0.5, keep=whole)  # the blank table in one piece
    doc.table(list(NEXT_COLUMNS), blank, height=6, shares=NEXT_SHARES)
    return bytes(doc.pdf.output())


def to_pdf(agenda: Agenda, path: str | Path) -> Path:
    path = Path(path)
    path.write_bytes(pdf_bytes(agenda))
    return path


def write_agenda(agenda: Agenda, path: str | Path) -> Path:
    """Write ``.md`` or ``.pdf`` by the path's extension; anything else is a ValueError."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".md":
        path.write_text(to_markdown(agenda), encoding="utf-8")
        return path
    if suffix == ".pdf":
        return to_pdf(agenda, path)
    raise ValueError(f"the agenda is written as .md or .pdf, not {suffix or 'no extension'!r}")
