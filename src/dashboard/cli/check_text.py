"""The text ``check`` prints: problems grouped by tab and kind, counted, then each one located."""

from __future__ import annotations

import pandas as pd

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
    lines.append(f"{len(problems)} problem(s):")
    grouped = problems.groupby(["tab", "kind"], sort=False, dropna=False).size()
    for (tab, kind), n in grouped.items():
        lines.append(f"  {n:>5}  {tab or '(workbook)'} — {kind}")
    lines.append("")
    for (source, tab), group in problems.groupby(["source", "tab"], sort=False, dropna=False):
        lines.append(f"[{source}] {tab or '(workbook)'}: {len(group)}")
        for problem in group.itertuples(index=False):
            row = "" if pd.isna(problem.row) else f"row {problem.row}"
            where = " ".join(part for part in (row, str(problem.column or "")) if part)
            value = "" if pd.isna(problem.value) else f" {problem.value!r}"
            lines.append(f"  {where}:{value} — {problem.kind}: {problem.reason}")
    return "\n".join(lines)
