"""``python -m tests.sheets_double``: try the Google Sheets path without Google.

Serves a workbook (default: the bundled demo) as one spreadsheet on loopback, with a
service-account key file for it, and prints the lines to paste into another terminal so
``python -m dashboard check`` and ``streamlit run app.py`` read it as a Google Sheet through
gspread, OAuth and all. It logs each request it answers, until Ctrl-C.
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import time
from pathlib import Path

from dashboard.config import DEMO_AS_OF, demo_path
from dashboard.sources.local import read_xlsx
from tests.sheets_double.double import SheetsDouble

KEY = "1SmallWinsTryTheGooglePath000000000000000000"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.sheets_double", description=__doc__)
    parser.add_argument("--port", type=int, default=8099, help="loopback port (0: any free one)")
    parser.add_argument("--workbook", type=Path, default=None, help="an .xlsx (default: demo)")
    parser.add_argument(
        "--quota",
        type=int,
        default=None,
        help="Sheets reads (and, apart, writes) per minute per user, as Google "
        "limits them (default: no limit)",
    )
    args = parser.parse_args(argv)
    workbook = args.workbook or demo_path()
    try:
        sheets = read_xlsx(workbook)
    except (OSError, ValueError) as error:
        print(f"cannot read {workbook}: {error}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    double = SheetsDouble()
    double.add_spreadsheet(KEY, sheets, title=Path(workbook).stem)
    double.set_quota(args.quota)
    try:
        url = double.start(args.port)
    except OSError as error:
        print(f"cannot serve on port {args.port}: {error}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="smallwins-double-") as tmp:
        folder = Path(tmp)
        double.service_account_info(folder)
        config = folder / "smallwins.toml"
        config.write_text(f'[[sources]]\nname = "{Path(workbook).stem}"\nlocation = "{KEY}"\n')
        _print_instructions(url, folder, config, workbook == demo_path())
        try:
            _log_requests(double)
        except KeyboardInterrupt:
            print("stopped", flush=True)
        finally:
            double.stop()
    return 0


def _print_instructions(url: str, folder: Path, config: Path, demo: bool) -> None:
    shown = f"?to={DEMO_AS_OF.isoformat()}" if demo else ""
    lines = [
        f"Serving spreadsheet {KEY} at {url} (Ctrl-C stops it).",
        "In another terminal, from the repository's root, paste:",
        "",
        f"  export SMALLWINS_SHEETS_ENDPOINT={url}",
        f"  export GOOGLE_APPLICATION_CREDENTIALS={folder / 'service_account.json'}",
        f"  python -m dashboard check {KEY}",
        f"  export SMALLWINS_CONFIG={config}",
        "  streamlit run app.py"
        + (f"    # then open http://localhost:8501/{shown}" if demo else ""),
        "",
    ]
    print("\n".join(lines), flush=True)


def _log_requests(double: SheetsDouble) -> None:
    """One line per answered request, so an evaluator sees what the app asks Google for."""
    shown = 0
    while True:
        time.sleep(0.2)
        for request in list(double.requests)[shown:]:
            if request.status is None:
                break
            print(
                f"{request.method} {request.kind} {request.key or ''} -> {request.status}",
                flush=True,
            )
            shown += 1


if __name__ == "__main__":
    sys.exit(main())
