"""The text ``check`` prints: problems grouped by tab and kind, counted, then each one located."""

from __future__ import annotations

from typing import Any

import pandas as pd

from dashboard import formatting
from dashboard.clean.problems import sorted_problems
from dashboard.dataset import Dataset, SourceStatus


def _state(source: SourceStatus) -> str:
    if source.error:
        return f"NOT READ: {source.error}"
    if source.unchanged:
        since = f" since {source.changed_at}" if source.changed_at else ""
        return f"unchanged{since} (Google Drive), checked {source.read_at}: the last read's cells"
    return f"read {source.read_at}"


def check_text(dataset: Dataset) -> str:
    lines: list[str] = []
    for source in dataset.sources:
        lines.append(f"Source {source.label} ({source.kind}) {source.location} — {_state(source)}")
    if dataset.drive_note:
        lines.append(f"Note: Google Drive: {dataset.drive_note}.")
    counts = {name: len(table) for name, table in dataset.tables().items()}
    lines.append(
        "Loaded: " + ", ".join(f"{n} {name}" for name, n in counts.items() if "_" not in name)
    )
    problems = sorted_problems(dataset.problems)
    if problems.empty:
        lines.append("No problems found.")
        return "\n".join(lines)
    lines.append(f"{formatting.plural(len(problems), 'problem')}:")
    grouped = problems.groupby(["tab", "kind"], sort=False, dropna=False).size()
    for (tab, kind), n in grouped.items():
        lines.append(f"  {n:>5}  {tab or '(workbook)'} — {kind}")
    lines.append("")
    for (source, tab), group in problems.groupby(["source", "tab"], sort=False, dropna=False):
        lines.append(f"[{source}] {tab or '(workbook)'}: {len(group)}")
        lines += [_problem_line(problem) for problem in group.itertuples(index=False)]
    return "\n".join(lines)


def _blank(value: object) -> bool:
    return value is None or bool(pd.isna(value)) or str(value) == ""


def _problem_line(problem: Any) -> str:
    """``  row 14 due: 'next Tuesday' — unreadable date: …``; a problem about a whole tab or
    source says so instead of an empty place and value."""
    row = "" if _blank(problem.row) else f"row {problem.row}"
    column = "" if _blank(problem.column) else str(problem.column)
    where = " ".join(part for part in (row, column) if part)
    if not where:
        where = "the whole tab" if not _blank(problem.tab) else "the whole source"
    value = "" if _blank(problem.value) else f": {problem.value!r}"
    return f"  {where}{value} — {problem.kind}: {problem.reason}"
