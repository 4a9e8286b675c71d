"""Serve a generated workbook as one Google Sheet from the Sheets double, in a process of its own.

    python benchmarks/sheet_server.py FOLDER

``run.py`` starts this so the double's memory (every cell as a Python object) and its CPU are
not counted as the benchmark's own or the summary command's. It prints one JSON line — the
endpoint, the spreadsheet key and a service-account key file for it — then serves until its
standard input is closed.

Google's own servers are not what is measured, so two of the double's costs are taken off:
- it renders every cell in Python for each request (about 2 s for this workbook's 1.7 million
  cells): here each tab's rendered cells are kept (the workbook does not change while it is
  served), rendered once by a warm-up request before the JSON line is printed;
- it writes its answers with the standard library's pretty-printing encoder, which runs in pure
  Python (4 s for the 75 MB ``values:batchGet``): here the same two-space-indented JSON is
  written by orjson (0.3 s).
What is left is the answer's bytes crossing loopback, as a real read's cross the network.
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
import requests  # noqa: E402
from gspread.urls import SPREADSHEET_VALUES_BATCH_URL  # noqa: E402
from gspread.utils import absolute_range_name  # noqa: E402

from dashboard.sources.gsheets import BATCH_PARAMS  # noqa: E402
from tests.sheets_double import SheetsDouble, double, workbook  # noqa: E402

KEY = "1BenchSmallWinsRealisticWorkbook0000000000"


def fast_json(payload: object) -> bytes:
    """The double's JSON (two-space indent, UTF-8 unescaped, a final newline), by orjson."""
    return orjson.dumps(payload, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def kept_values(render):
    """``Tab.values`` rendered once per tab, range and options, then kept."""
    kept: dict[tuple, list] = {}

    def values(tab: workbook.Tab, box: tuple, options: tuple) -> list:
        key = (tab.title, box, options)
        if key not in kept:
            kept[key] = render(tab, box, options)
        return kept[key]

    return values


def warm_up(url: str, api_key: str) -> None:
    """One ``values:batchGet`` of every tab, as the app asks for it, so its cells are rendered."""
    ranges = [absolute_range_name(title) for title in generate.TABS]
    address = (SPREADSHEET_VALUES_BATCH_URL % KEY).replace("https://sheets.googleapis.com", url)
    answer = requests.get(address, params={**BATCH_PARAMS, "ranges": ranges, "key": api_key})
    answer.raise_for_status()


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    double.json_bytes = fast_json  # type: ignore[attr-defined] - the module's encoder
    workbook.Tab.values = kept_values(workbook.Tab.values)  # type: ignore[method-assign]
    sheets = {title: generate.sheet_rows(folder, title) for title in generate.TABS}
    with tempfile.TemporaryDirectory(prefix="smallwins-sheet-") as tmp, SheetsDouble() as google:
        google.add_spreadsheet(KEY, sheets, title="Benchmark workbook", public=True)
        del sheets
        warm_up(google.url, google.api_key)
        key_file = Path(tmp) / "service_account.json"
        key_file.write_text(json.dumps(google.service_account_info()), encoding="utf-8")
        print(json.dumps({"url": google.url, "key": KEY, "credentials": str(key_file)}), flush=True)
        sys.stdin.read()  # until the benchmark closes our standard input
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
