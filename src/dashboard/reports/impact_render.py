"""The impact report as PDF or self-contained HTML (``impact_data``: CSV and XLSX); the extension
of the path picks.

The PDF and the HTML carry the same sections under the same headings, and both say at the top
where the figures come from and when — and, when Google failed, that they are a snapshot's.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path

import pandas as pd

from dashboard import formatting
from dashboard.reports.charts_png import momentum_png, network_png
from dashboard.reports.impact import Report
from dashboard.reports.impact_data import write_csv, write_xlsx
from dashboard.reports.pdf_document import Document

MOMENTUM = "Momentum: small wins and kept commitments per month"
NETWORK = "Network growth: people and working relationships, at each month's end"
SNAPSHOT = (
    "Not every source could be read live when this report was made: some figures come from "
    "the last good snapshot of a sheet, as of the time given below."
)


def figures_frame(report: Report) -> pd.DataFrame:
    """The headline figures as shown: against the previous period when there is one to
    compare with, else this period's alone (a column of dashes says nothing)."""
    f = report.figures
    rows = zip(f["figure"], f["value"], f["previous"], strict=True)
    frame = pd.DataFrame(
        [
            [
                label,
                formatting.figure(k, v),
                formatting.figure(k, p),
                formatting.figure_change(k, v, p),
            ]
            for label, (k, v, p) in zip(f["label"], rows, strict=True)
        ],
        columns=["", "this period", "previous period", "change"],
    )
    return frame if report.previous else frame[["", "this period"]]


def collab_frame(report: Report) -> pd.DataFrame:
    b = report.by_collaboration
    return pd.DataFrame(
        {
            "collaboration": b["collaboration"],
            "small wins": b["wins"].map(formatting.count),
            "commitments kept": b["follow_through"].map(formatting.percent),
            "people taking part": b["people_active"].map(formatting.count),
            "new people": b["new_people"].map(formatting.count),
            "new working relationships": b["new_links"].map(formatting.count),
        }
    )


def wins_frame(report: Report) -> pd.DataFrame:
    h = report.highlights
    return pd.DataFrame(
        {
            "date": h["date"].dt.strftime("%Y-%m-%d"),
            "win": h["win"],
            "project": h["project"],
            "collaboration": h["collaboration"],
            "why": h["why"],
        }
    ).fillna("")


def scope_line(report: Report) -> str:
    who = (
        "People appear as counts; names are masked."
        if report.anonymised
        else "Internal: shows names."
    )
    return f"Collaborations: {', '.join(report.collaborations)}. {who}"


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode()
    return (
        f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{data}" style="max-width:100%">'
    )


def _html_table(frame: pd.DataFrame) -> str:
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _html_notes(report: Report) -> list[str]:
    parts = []
    if report.snapshot:
        parts.append(f"<p class='warning'><strong>{html.escape(SNAPSHOT)}</strong></p>")
    items = "".join(f"<li>{html.escape(note)}</li>" for note in report.sources)
    parts.append(f"<p>Data:</p><ul>{items}</ul>")
    parts += [f"<p><em>{html.escape(note)}</em></p>" for note in report.notes]
    return parts


def write_html(report: Report, path: Path) -> None:
    style = (
        "body{font-family:sans-serif;max-width:900px;margin:2em auto;color:#222}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
        "padding:4px 8px;text-align:left}.warning{border:2px solid #b45309;padding:8px}"
    )
    parts = [
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(report.title)}"
        f"</title><style>{style}</style></head><body>",
        f"<h1>{html.escape(report.title)}</h1>",
        f"<p>{html.escape(scope_line(report))}</p>",
        *_html_notes(report),
        "<h2>Headline figures</h2>",
        _html_table(figures_frame(report)),
        f"<h2>{MOMENTUM}</h2>",
        _img(momentum_png(report.series), MOMENTUM),
        f"<h2>{NETWORK}</h2>",
        _img(network_png(report.series), NETWORK),
        "<h2>The collaborations side by side</h2>",
        _html_table(collab_frame(report)),
        *[f"<p>{html.escape(t)}</p>" for t in report.paragraphs.values()],
        "<h2>Highlighted wins</h2>",
        _html_table(wins_frame(report)),
        "</body></html>",
    ]
    path.write_text("\n".join(parts), encoding="utf-8")


def _pdf_section(doc: Document, heading: str, frame: pd.DataFrame) -> None:
    columns, rows = [str(c) for c in frame.columns], frame.astype(str).to_numpy().tolist()
    doc.heading(heading, keep=doc.table_start(columns, rows))
    doc.table(columns, rows)


def _pdf_chart(doc: Document, heading: str, png: bytes) -> None:
    doc.heading(heading, size=11, keep=doc.image_height(png), gap=2)
    doc.image(png)


def write_pdf(report: Report, path: Path) -> None:
    doc = Document()
    doc.line(report.title, size=16, style="B", gap=2)
    doc.line(scope_line(report))
    if report.snapshot:
        doc.line(SNAPSHOT, size=9, style="B")
    for note in report.sources:
        doc.line(f"Data — {note}", size=8, gap=0.5)
    for note in report.notes:
        doc.line(note, size=8, gap=0.5)
    doc.pdf.ln(3)
    _pdf_section(doc, "Headline figures", figures_frame(report))
    _pdf_chart(doc, MOMENTUM, momentum_png(report.series))
    _pdf_chart(doc, NETWORK, network_png(report.series))
    _pdf_section(doc, "The collaborations side by side", collab_frame(report))
    for text in report.paragraphs.values():
        doc.line(text, gap=2)
    doc.pdf.ln(2)
    _pdf_section(doc, "Highlighted wins", wins_frame(report))
    doc.save(path)


WRITERS = {".pdf": write_pdf, ".html": write_html, ".csv": write_csv, ".xlsx": write_xlsx}


def write_report(report: Report, path: str | Path) -> Path:
    target = Path(path)
    writer = WRITERS.get(target.suffix.lower())
    if writer is None:
        raise ValueError(f"cannot write {target.suffix or 'that'}: use .pdf, .html, .csv or .xlsx")
    target.parent.mkdir(parents=True, exist_ok=True)
    writer(report, target)
    return target
