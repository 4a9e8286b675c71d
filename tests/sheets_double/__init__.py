"""A Google Sheets API v4 (and Drive v3 metadata) test double on loopback, and a replayer of
recorded Google exchanges.

Google cannot be reached from our machines, so tests point gspread (through an HTTP client that
swaps ``https://sheets.googleapis.com`` / ``https://www.googleapis.com`` for ``double.url``) at
:class:`SheetsDouble`. It answers in the shapes the recordings in ``tests/recordings`` show:
ragged rows, no ``values`` key for an empty range, ranges resolved against the tab's grid
(``'Sheet1'!A1:1`` -> ``Sheet1!A1:Z1`` on a 26-column tab), Google-shaped error bodies; it
models Google's per-user read and write quotas, ``spreadsheets.batchUpdate`` (kept for a test to
read back with ``formatting``), Drive's ``files.list`` / ``files.get`` with a
``modifiedTime`` that moves on every change, and faults (failures, delays, latency, hangs).
:class:`ReplayServer` serves the recordings byte for byte, so a test can hold gspread (and the
double) to what Google really sent.

One concept per module: ``values`` (cells), ``a1`` (ranges), ``workbook`` (the spreadsheets),
``server`` (loopback HTTP), ``sheets`` and ``drive`` (the two APIs' methods), ``formatting``
(``spreadsheets.batchUpdate``: checks and looks set on a tab), ``access`` (who
asks, which scopes), ``oauth`` (tokens and key files), ``quota``, ``faults``, ``errors``
(Google's error bodies), ``replay``, and ``double`` tying them together. ``python -m
tests.sheets_double`` serves a workbook for trying the Google path by hand.

Deliberate limits: formulas are stored and reported (``formula_cells``) but never evaluated, a
formula cell renders as its text; only the methods named in ``sheets`` and ``drive`` exist,
everything else answers 404 with kind ``"other"``.
"""

from tests.sheets_double.a1 import a1_text, column_letters, parse_a1, quote_title, split_range
from tests.sheets_double.access import READ_SCOPES, WRITE_SCOPES
from tests.sheets_double.double import KINDS, SheetsDouble
from tests.sheets_double.errors import ApiError
from tests.sheets_double.replay import ReplayServer, recorded_interactions, recordings_dir
from tests.sheets_double.server import Request
from tests.sheets_double.values import (
    Rows,
    display_string,
    render,
    serial_number,
    user_entered,
)
from tests.sheets_double.workbook import DEFAULT_GRID

__all__ = [
    "DEFAULT_GRID",
    "KINDS",
    "READ_SCOPES",
    "WRITE_SCOPES",
    "ApiError",
    "ReplayServer",
    "Request",
    "Rows",
    "SheetsDouble",
    "a1_text",
    "column_letters",
    "display_string",
    "parse_a1",
    "quote_title",
    "recorded_interactions",
    "recordings_dir",
    "render",
    "serial_number",
    "split_range",
    "user_entered",
]
