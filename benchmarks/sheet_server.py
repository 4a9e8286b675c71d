"""Serve a generated workbook as one Google Sheet from the Sheets double, in a process of its own.

    python benchmarks/sheet_server.py FOLDER

``run.py`` starts this so the double's memory (every cell as a Python object) and its CPU are
not counted as the benchmark's own or the summary command's. It prints one JSON line — the
endpoint, the spreadsheet key and a service-account key file for it — then serves until its
standard input is closed.

The double writes its answers with the standard library's pretty-printing encoder, which runs in
pure Python (4 s for this workbook's 75 MB ``values:batchGet``): Google's own servers are not
what is measured, so here the same two-space-indented JSON is written by orjson (0.2 s).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import generate  # noqa: E402 (benchmarks/ is a folder of scripts, not a package)
import orjson  # noqa: E402

from tests.sheets_double import SheetsDouble, double  # noqa: E402

KEY = "1BenchSmallWinsRealisticWorkbook0000000000"


def fast_json(payload: object) -> bytes:
    """The double's JSON (two-space indent, UTF-8 unescaped, a final newline), by orjson."""
    return orjson.dumps(payload, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    double.json_bytes = fast_json  # type: ignore[attr-defined] - the module's encoder
    sheets = {title: generate.sheet_rows(folder, title) for title in generate.TABS}
    with tempfile.TemporaryDirectory(prefix="smallwins-sheet-") as tmp, SheetsDouble() as google:
        google.add_spreadsheet(KEY, sheets, title="Benchmark workbook")
        del sheets
        key_file = Path(tmp) / "service_account.json"
        key_file.write_text(json.dumps(google.service_account_info()), encoding="utf-8")
        print(json.dumps({"url": google.url, "key": KEY, "credentials": str(key_file)}), flush=True)
        sys.stdin.read()  # until the benchmark closes our standard input
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
