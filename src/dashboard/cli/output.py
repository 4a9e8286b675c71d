"""What a command that writes a file says: one line, the same shape for every command —
``wrote PATH: what it holds`` — so a script or a person can tell what was made."""

from __future__ import annotations

from pathlib import Path

KINDS = {
    ".pdf": "PDF",
    ".html": "HTML",
    ".csv": "CSV",
    ".xlsx": "XLSX",
    ".md": "Markdown",
    ".graphml": "GraphML",
    ".gexf": "GEXF",
    ".toml": "TOML",
}


def wrote(path: str | Path, what: str, snapshot: bool = False) -> str:
    """``wrote out.pdf: the impact report, … (PDF)``; a file made from a snapshot says so."""
    target = Path(path)
    kind = KINDS.get(target.suffix.lower(), "a folder of CSV files" if not target.suffix else "")
    note = "; from a snapshot, as the warning above says" if snapshot else ""
    return f"wrote {target}: {what}" + (f" ({kind}{note})" if kind or note else "")
