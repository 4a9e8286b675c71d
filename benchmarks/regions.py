"""Every region on one screen under Google's quota: the first read of N sheets, the requests a
refresh spends with k of N changed, and the page time on a fresh server while Google hangs.

    python benchmarks/regions.py                 # 60 sheets, Google's 60-second window (~6 min)
    python benchmarks/regions.py --window 6      # the same with a 6-second window: a quick look
    python benchmarks/regions.py --sheets 20 --changed 0 1 20

N regional sheets (``regions_book.py``: a small, realistic collaboration each) are served by the
Sheets API test double (``tests/sheets_double``) with Google's quota — 60 read requests per user
per ``--window`` seconds, answered 429 beyond — and read through the real gspread client, the
app's pacer set to its default 50 requests per the same window:

a. **first read** of the N sheets, in this process (``loader.load``): the time, against the
   least time the double's quota allows for its 2N requests (metadata + batchGet per sheet) and
   against the floor — the same read with no quota anywhere, timed in the same run; the 429s
   seen and the sources that failed (must be none);
b. **a refresh with k of N changed** (k sheets edited as someone typing, a win appended each),
   each a NEW process (``python -m dashboard summary <config> --json``), sharing the cache
   folder of (a): Sheets requests by kind, Drive requests, the time, and whether the figures
   took the edits in (wins went up by k); then the same with the Drive API disabled;
c. **page time while Google fails**: a freshly started ``streamlit run app.py`` whose cache folder
   holds the snapshots of (a) and (b), with Google hung (every request unanswered), then during a
   429 storm (every Sheets read refused, each sheet changed since its snapshot); headless
   Chromium times ``goto`` until the Overview's first metric tile. Floor: the same N workbooks
   as local ``.xlsx`` files on a fresh server (the same cleaning and figures, no Google), timed
   in the same run; and each server's second visit (data in memory).

Prints a table per part, then one JSON line. See README.md beside this file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import regions_book as book  # noqa: E402
import run  # noqa: E402 (benchmarks/ is a folder of scripts, not a package)
from regions_pages import page_times  # noqa: E402

from dashboard.config import load_config  # noqa: E402
from dashboard.loader import load  # noqa: E402
from tests.sheets_double import KINDS, SheetsDouble  # noqa: E402

GOOGLE_QUOTA = 60  # Google's default: read requests per minute per user
APP_QUOTA = 50  # the app's default sheets_quota


def configure(
    path: Path,
    sheets: int,
    window: float,
    ttl: int = 600,
    quota: int = APP_QUOTA,
    local: Path | None = None,
) -> Path:
    """A smallwins.toml naming the ``sheets`` regional sheets (or, with ``local``, their
    ``.xlsx`` copies in that folder)."""
    lines = [
        "[app]",
        f"cache_ttl_seconds = {ttl}",
        f"sheets_quota = {quota}",
        f"sheets_quota_seconds = {window}",
        "",
    ]
    for number in range(1, sheets + 1):
        where = local / f"region-{number:03d}.xlsx" if local else book.key(number)
        lines += [
            "[[sources]]",
            f'name = "{book.name(number)} sheet"',
            f'location = "{where}"',
            f'collaboration = "{book.name(number)}"',
            "",
        ]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def counts(double: SheetsDouble) -> dict[str, int]:
    found = {kind: double.count(kind) for kind in KINDS}
    found["429"] = double.count(status=429)
    return found


# --------------------------------------------------------------------------- a. the first read


def first_read(double: SheetsDouble, config: Path, cache: Path) -> dict:
    """One ``load`` of every sheet into an empty cache folder, timed; what the double saw."""
    os.environ["SMALLWINS_CACHE_DIR"] = str(cache)
    double.reset_counts()
    started = time.perf_counter()
    dataset = load(load_config(config))
    seconds = time.perf_counter() - started
    return {
        "s": round(seconds, 2),
        "requests": counts(double),
        "failed": len(dataset.failed_sources),
        "stale": len(dataset.stale_sources),
        "wins": len(dataset.wins),
    }


def part_a(double: SheetsDouble, folder: Path, sheets: int, window: float) -> dict:
    floor_config = configure(folder / "floor.toml", sheets, window, quota=1_000_000)
    double.set_quota(None)
    # one sheet first, thrown away: imports, the first token and connections are not the floor's
    first_read(double, configure(folder / "warm.toml", 1, window), folder / "warm-cache")
    floor = first_read(double, floor_config, folder / "floor-cache")
    double.set_quota(GOOGLE_QUOTA, seconds=window)
    paced = first_read(
        double, configure(folder / "smallwins.toml", sheets, window), folder / "cache"
    )
    requests = 2 * sheets
    quota_min = window * (math.ceil(requests / GOOGLE_QUOTA) - 1)
    pace_min = window * (math.ceil(requests / APP_QUOTA) - 1)
    return {
        "sheets": sheets,
        "window_s": window,
        "requests_needed": requests,
        "quota_min_s": quota_min,
        "pace_min_s": pace_min,
        "floor": floor,
        "paced": paced,
        "vs_quota_min": round(paced["s"] / quota_min, 2) if quota_min else None,
        "vs_pace_min": round(paced["s"] / pace_min, 2) if pace_min else None,
        "vs_floor": round(paced["s"] / floor["s"], 2),
    }


# --------------------------------------------------------------------------- b. refreshes


def summary_in_new_process(config: Path, env: dict[str, str]) -> tuple[float, dict]:
    command = [
        sys.executable,
        "-m",
        "dashboard",
        "summary",
        str(config),
        "--json",
        "--as-of",
        book.AS_OF.isoformat(),
    ]
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=900)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"summary failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds, json.loads(done.stdout)


def part_b(double: SheetsDouble, folder: Path, sheets: int, changed: list[int]) -> list[dict]:
    """A refresh per k in ``changed``: k sheets edited, then ``summary`` in a new process."""
    env = {**os.environ, "SMALLWINS_CACHE_DIR": str(folder / "cache")}
    config = folder / "smallwins.toml"
    current = {n: book.book(n) for n in range(1, sheets + 1)}
    _, before = summary_in_new_process(config, env)  # the figures as (a) left them
    wins, edit, rows = before["wins"], 0, []
    for k, drive in [*((k, True) for k in changed), (1, False)]:
        if not drive:
            double.disable_drive()
        for number in range(1, k + 1):  # someone typed a win in k sheets
            edit += 1
            current[number]["Wins"] = book.with_new_win(current[number], edit)
            double.edit(book.key(number), "Wins", current[number]["Wins"])
        double.reset_counts()
        seconds, figures = summary_in_new_process(config, env)
        wins += k
        rows.append(
            {
                "changed": k,
                "drive": drive,
                "s": round(seconds, 2),
                "requests": counts(double),
                "wins": figures["wins"],
                "edits_shown": figures["wins"] == wins,
            }
        )
        double.enable_drive()
    return rows


# --------------------------------------------------------------------------- the report


def show(a: dict, b: list[dict], c: dict) -> None:
    n, w = a["sheets"], a["window_s"]
    floor, paced = a["floor"], a["paced"]
    print(
        f"\na. first read of {n} sheets: Google's quota {GOOGLE_QUOTA} reads / {w:g} s, the "
        f"app's pace {APP_QUOTA} / {w:g} s; {a['requests_needed']} requests needed"
    )
    print(f"  floor (no quota anywhere)         {floor['s']:8.2f} s")
    print(f"  under the quota                   {paced['s']:8.2f} s   {a['vs_floor']}× the floor")
    print(
        f"  the quota's minimum (2N at 60/w)  {a['quota_min_s']:8.2f} s   "
        f"time / minimum {a['vs_quota_min']}"
    )
    print(
        f"  the app's pace minimum (2N at 50/w){a['pace_min_s']:7.2f} s   "
        f"time / minimum {a['vs_pace_min']}"
    )
    req = paced["requests"]
    print(
        f"  requests: {req['metadata']} metadata, {req['batchGet']} batchGet, "
        f"{req['drive_list']} Drive list; 429s seen {req['429']}; sources failed "
        f"{paced['failed']}, stale {paced['stale']}; wins loaded {paced['wins']}"
    )
    print(f"\nb. a refresh (summary in a new process) with k of {n} sheets changed")
    print(
        f"  {'k':>4} {'Drive':<9}{'metadata':>9}{'batchGet':>9}{'Drive':>6}{'token':>6}"
        f"{'429':>5}{'time':>9}  figures"
    )
    for row in b:
        r = row["requests"]
        drive = "on" if row["drive"] else "disabled"
        print(
            f"  {row['changed']:>4} {drive:<9}{r['metadata']:>9}{r['batchGet']:>9}"
            f"{r['drive_list'] + r['drive_get']:>6}{r['token']:>6}{r['429']:>5}"
            f"{row['s']:>8.2f}s  wins {row['wins']}"
            f"{'' if row['edits_shown'] else ' MISSING EDITS'}"
        )
    print(
        f"\nc. the Overview on a fresh server, {n} sheets, headless Chromium: goto → first "
        "metric tile"
    )
    for name, label in (
        ("local", "local .xlsx copies (no Google)"),
        ("hung", "Google hung"),
        ("storm", "429 storm"),
    ):
        m = c[name]
        print(
            f"  {label:<31} fresh server {m['cold_s']:6.2f} s = {m['vs_in_memory']:.2f}× the "
            f"same page in memory ({m['warm_s']:.2f} s), {m['vs_local']:.2f}× the local "
            f"fresh server{'   ERROR ' + m['error'] if m['error'] else ''}"
        )
        if m.get("banner"):
            print(f"  {'':<31} banner: {m['banner']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheets", type=int, default=60, help="regional sheets (N)")
    parser.add_argument(
        "--window", type=float, default=60.0, help="the quota's window in seconds (Google: 60)"
    )
    parser.add_argument(
        "--changed",
        type=int,
        nargs="+",
        default=None,
        help="k values for part b (default: 0 1 5 N)",
    )
    args = parser.parse_args(argv)
    changed = args.changed or sorted({0, 1, min(5, args.sheets), args.sheets})
    load_before = os.getloadavg()[0]
    print(
        f"{args.sheets} regional sheets, quota window {args.window:g} s; load average "
        f"{load_before:.1f} before the start"
    )
    with tempfile.TemporaryDirectory(prefix="smallwins-regions-") as tmp, SheetsDouble() as double:
        folder = Path(tmp)
        for number in range(1, args.sheets + 1):
            double.add_spreadsheet(book.key(number), book.book(number), title=book.name(number))
        key_file = folder / "service_account.json"
        key_file.write_text(json.dumps(double.service_account_info()), encoding="utf-8")
        for name in [k for k in os.environ if k.startswith(("SMALLWINS_", "GOOGLE_"))]:
            del os.environ[name]
        os.environ.update(
            SMALLWINS_SHEETS_ENDPOINT=double.url, GOOGLE_APPLICATION_CREDENTIALS=str(key_file)
        )
        print("a. the first read…", flush=True)
        a = part_a(double, folder, args.sheets, args.window)
        print("b. refreshes, each in a new process…", flush=True)
        b = part_b(double, folder, args.sheets, changed)
        print("c. the Overview on fresh servers…", flush=True)
        c = page_times(double, folder, args.sheets, args.window, configure)
        if double.errors:
            print("the test double failed:\n" + double.errors[0])
    show(a, b, c)
    result = {
        "first_read": a,
        "refreshes": b,
        "pages": c,
        "load_average_before": round(load_before, 2),
        "commit": run._commit(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "date": dt.date.today().isoformat(),
    }
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
