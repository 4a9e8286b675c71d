"""The impact report as PDF, self-contained HTML, CSV or XLSX (the extension picks).

No cell is ever a formula: CSV cells that begin with ``=``, ``+``, ``-`` or ``@`` get a leading
``'`` and XLSX cells are typed as text, so a spreadsheet never runs them.
"""

from __future__ import annotations

import base64
import csv
import html
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from dashboard.formulas import neutralise
from dashboard.reports.charts_png import momentum_png, network_png
from dashboard.reports.impact import Report
from dashboard.reports.pdf_document import Document


def _shown(figure: str, value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    if figure == "follow_through":
        return f"{float(value):.0%}"
    return f"{value:,.0f}" if isinstance(value, int | float) else str(value)


def _change(figure: str, value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    if figure == "follow_through":
        return f"{float(value) * 100:+.1f} pts"
    return f"{value:+,.0f}"


def _rows(report: Report) -> list[list[object]]:
    """Every figure of the report as flat rows: section, collaboration, figure, value, previous."""
    rows: list[list[object]] = [["section", "collaboration", "figure", "value", "previous"]]
    scope = "all" if not report.collaborations else ", ".join(report.collaborations)
    for r in report.figures.itertuples():
        rows.append(["headline", scope, r.label, r.value, r.previous])
    for r in report.by_collaboration.to_dict("records"):
        for key, value in r.items():
            if key != "collaboration":
                rows.append(["by collaboration", r["collaboration"], key, value, ""])
    for r in report.highlights.itertuples():
        rows.append(["highlighted win", r.collaboration, f"{r.date:%Y-%m-%d} {r.why}", r.win, ""])
    return rows


def write_csv(report: Report, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        for row in _rows(report):
            writer.writerow([neutralise("" if v is None else v) for v in row])


def write_xlsx(report: Report, path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Report"
    for row in _rows(report):
        sheet.append(["" if v is None else v for v in row])
    for cells in sheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text stays text: never a formula
    book.save(path)


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


def figures_frame(report: Report) -> pd.DataFrame:
    f = report.figures
    return pd.DataFrame(
        {
            "": f["label"],
            "this period": [_shown(k, v) for k, v in zip(f["figure"], f["value"], strict=True)],
            "previous period": [
                _shown(k, v) for k, v in zip(f["figure"], f["previous"], strict=True)
            ],
            "change": [_change(k, v) for k, v in zip(f["figure"], f["change"], strict=True)],
        }
    )


def collab_frame(report: Report) -> pd.DataFrame:
    b = report.by_collaboration
    return pd.DataFrame(
        {
            "collaboration": b["collaboration"],
            "wins": b["wins"],
            "kept": [_shown("follow_through", v) for v in b["follow_through"]],
            "people": b["people_active"],
            "new people": b["new_people"],
            "new links": b["new_links"],
        }
    )


def wins_frame(report: Report) -> pd.DataFrame:
    h = report.highlights
    return pd.DataFrame(
        {"date": h["date"].dt.strftime("%Y-%m-%d"), "win": h["win"], "project": h["project"],
         "collaboration": h["collaboration"], "why": h["why"]}
    ).fillna("")  # fmt: skip


def write_html(report: Report, path: Path) -> None:
    style = ("body{font-family:sans-serif;max-width:900px;margin:2em auto;color:#222}"
             "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
             "padding:4px 8px;text-align:left}")  # fmt: skip
    parts = [
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(report.title)}"
        f"</title><style>{style}</style></head><body>",
        f"<h1>{html.escape(report.title)}</h1>",
        f"<p>Collaborations: {html.escape(', '.join(report.collaborations))}. "
        + ("People appear as counts; names are masked." if report.anonymised else
           "<strong>Internal: shows names.</strong>")
        + "</p>",
        "<h2>Headline figures</h2>", _html_table(figures_frame(report)),
        "<h2>Momentum</h2>", _img(momentum_png(report.series), "Wins and kept commitments"),
        "<h2>Network growth</h2>", _img(network_png(report.series), "Network growth"),
        "<h2>The collaborations side by side</h2>", _html_table(collab_frame(report)),
        *[f"<p>{html.escape(t)}</p>" for t in report.paragraphs.values()],
        "<h2>Highlighted wins</h2>", _html_table(wins_frame(report)),
        "</body></html>",
    ]  # fmt: skip
    path.write_text("\n".join(parts), encoding="utf-8")


def write_pdf(report: Report, path: Path) -> None:
    doc = Document()
    doc.line(report.title, size=16, style="B")
    note = "People appear as counts; names are masked." if report.anonymised else "Internal."
    doc.line(f"Collaborations: {', '.join(report.collaborations)}. {note}")
    _pdf_table(doc, figures_frame(report))
    doc.image(momentum_png(report.series))
    doc.image(network_png(report.series))
    doc.new_page()
    doc.line("The collaborations side by side", size=12, style="B")
    _pdf_table(doc, collab_frame(report))
    for text in report.paragraphs.values():
        doc.line(text)
    doc.line("Highlighted wins", size=12, style="B")
    _pdf_table(doc, wins_frame(report).drop(columns=["collaboration"]))
    doc.save(path)


def _pdf_table(doc: Document, frame: pd.DataFrame) -> None:
    doc.table([str(c) for c in frame.columns], frame.astype(str).to_numpy().tolist())


WRITERS = {".pdf": write_pdf, ".html": write_html, ".csv": write_csv, ".xlsx": write_xlsx}


def write_report(report: Report, path: str | Path) -> Path:
    target = Path(path)
    writer = WRITERS.get(target.suffix.lower())
    if writer is None:
        raise ValueError(f"cannot write {target.suffix or 'that'}: use .pdf, .html, .csv or .xlsx")
    target.parent.mkdir(parents=True, exist_ok=True)
    writer(report, target)
    return target
