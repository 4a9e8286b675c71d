"""How quickly each page of the app shows its figures in a browser, against the bare Streamlit
page and the parse floor; and, on request, each page's script run and the chart data it sends.

    python benchmarks/pages.py                          # demo, 60 regions ×2, 200k; 3 runs
    python benchmarks/pages.py --only demo --runs 5
    python benchmarks/pages.py --only large --runs 1
    python benchmarks/pages.py --only demo --trace /tmp/traces   # + a Playwright trace per page
    python benchmarks/pages.py --only apptest          # the warm script runs (AppTest)

**Timed until the figures show** (``browser_pages.drawn``, the one definition): from the browser's
``goto`` of the page's URL until its title is drawn, its script run is over (the app's
``data-test-script-state`` is ``notRunning``), no status widget shows, no element is still a
placeholder (Streamlit shows a grey skeleton while an element's code loads: a tile or a chart
still grey has not shown its figure), and every visible chart and table is drawn (a canvas, SVG
marks or a table inside it). Until 2026-12-06 the placeholders were not waited for: figures
measured before then timed some pages with their tiles and charts still grey.
Headless Chromium (Debian's ``/usr/bin/chromium``) through Playwright's Python API, a 1400×1000
viewport; every server a real ``streamlit run`` on loopback (``tests/streamlit_server.py``).

Parts (``--only``, comma-separated; all but ``apptest`` by default), each the median of
``--runs``:

1. ``demo``, ``regions`` and ``google`` (``viewer_pages.py``): the **bare Streamlit page**
   (``bare_page.py``: one ``st.title``, one ``st.metric``), then every page of the app — the
   Overview (``app.py``) and ``pages/1_Momentum`` … ``9_Digests`` — each two ways: the **first
   viewer of a freshly started server** (a new ``streamlit run``, a new browser context) and a
   **returning viewer** (a new tab of the same context: its HTTP cache warm, the server warm).
   Each page is measured beside a bare page, in turn first or second, so the machine's load
   weighs on both alike; the figure is the ratio of the page's median to the bare page's. Goals
   (issue 26): returning ≤ 1.5 × bare, fresh server ≤ 2.5 × bare. Measured the same way, as if
   a page: **the Overview's elements** (``elements_page.py``: Streamlit drawing the Overview's
   kinds and numbers of elements, nothing read or computed), the floor the Overview itself has;
   the report says the Overview's time as a multiple of it. ``demo`` is the bundled demo
   workbook (no configuration); ``regions`` is ``--sheets`` (60) regional workbooks
   (``regions_book.py``) as local ``.xlsx`` files, opened at ``?to=`` their last day; ``google``
   is the same sheets as Google Sheets from the Sheets double, read once into snapshots, then
   Google hung (every request unanswered) and the snapshots due: each server shows them and
   refreshes in the background. Every server of the same data shares one cache folder, as a
   restarted app finds its own; one untimed server of each warms the machine first.
2. ``large`` (``browser_pages.py``): the 200,000-commitment workbook (``generate.py``, cached like
   ``run.py``'s) read as a Google Sheet from the Sheets double, on a fresh server: the Overview,
   then every other page's first visit in the same tab, as ratios to the parse floor timed in the
   same run (goals: Overview ≤ 4 ×, every other page ≤ 2.5 ×).
3. ``apptest``: the app under Streamlit's AppTest (the real script runner, no browser) on the same
   workbook: each page's first run on a cold cache, the median of ``--apptest-runs`` warm re-runs
   (goal under 300 ms), and the rows and bytes of chart data it sends (goal: no chart above 5,000
   rows).

``--trace DIR`` saves a Playwright trace (screenshots and DOM snapshots; open it with
``playwright show-trace``) of one extra, untimed returning visit of each page in the first run,
and of the bare page, to see where the time goes. Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

import pyarrow as pa
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import browser_pages  # noqa: E402 (benchmarks/ is a folder of scripts, not a package)
import regions  # noqa: E402
import regions_book  # noqa: E402
import regions_pages  # noqa: E402
import viewer_pages  # noqa: E402
from run import cache_root, ensure_workbook  # noqa: E402

from dashboard.sources.local import write_xlsx  # noqa: E402
from tests.sheets_double import SheetsDouble  # noqa: E402

PAGES = [
    "app.py",
    "pages/1_Momentum.py",
    "pages/2_Participation.py",
    "pages/3_Network.py",
    "pages/4_Regions.py",
    "pages/5_Data_health.py",
    "pages/6_Log_a_win.py",
    "pages/7_Impact_report.py",
    "pages/8_Agenda.py",
]
AS_OF = "2024-12-31"  # the generated workbook ends on this day


def _chart_data(app: AppTest) -> list[tuple[int, int]]:
    """(rows, bytes) of the data of every chart on the page."""
    sizes = []
    for chart in app.get("vega_lite_chart"):
        proto = chart.proto
        rows = 0
        for dataset in proto.datasets:
            table = pa.ipc.open_stream(dataset.data.data).read_all() if dataset.data.data else None
            rows += table.num_rows if table is not None else 0
        sizes.append((rows, proto.ByteSize()))
    return sizes


def _timed_run(app: AppTest) -> float:
    started = time.perf_counter()
    app.run()
    return time.perf_counter() - started


def apptest(folder: Path, runs: int) -> dict:
    """Each page's cold and warm script runs under AppTest, and the chart data it sends."""
    config = Path(tempfile.mkdtemp()) / "smallwins.toml"
    config.write_text(f'[[sources]]\nlocation = "{folder}"\nname = "bench"\n', encoding="utf-8")
    os.environ["SMALLWINS_CONFIG"] = str(config)
    os.chdir(ROOT)
    results = {}
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    app.query_params["to"] = AS_OF
    cold_total = _timed_run(app)
    print("\nAppTest (no browser): each page's script run")
    for page in PAGES:
        if page != "app.py":
            app.switch_page(page)
        cold = _timed_run(app)
        warm = statistics.median(_timed_run(app) for _ in range(runs))
        assert not app.exception, [e.value for e in app.exception]
        charts = _chart_data(app)
        results[page] = {
            "first_s": round(cold, 3),
            "warm_ms": round(warm * 1000, 1),
            "charts": len(charts),
            "max_chart_rows": max((rows for rows, _ in charts), default=0),
            "chart_kb": round(sum(size for _, size in charts) / 1024, 1),
        }
        print(
            f"  {page:28} first {cold:7.2f} s   warm {warm * 1000:7.1f} ms   "
            f"{len(charts)} charts, max {results[page]['max_chart_rows']} rows, "
            f"{results[page]['chart_kb']} kB",
            flush=True,
        )
    return {"cold_start_s": round(cold_total, 2), "pages": results}


def regional_workbooks(sheets: int) -> Path:
    """A configuration naming ``sheets`` regional workbooks as local ``.xlsx`` files, written
    once into the benchmarks' cache folder (the same workbook for the same number)."""
    folder = cache_root() / f"regions-{sheets}"
    local = folder / "xlsx"
    local.mkdir(parents=True, exist_ok=True)
    for number in range(1, sheets + 1):
        file = local / f"region-{number:03d}.xlsx"
        if not file.is_file():
            write_xlsx(file, regions_book.book(number))
    return regions.configure(folder / "local.toml", sheets, 60.0, local=local)


def google_sheets(double: SheetsDouble, sheets: int, folder: Path) -> viewer_pages.Setup:
    """The ``sheets`` regional sheets served by the Sheets double and read once, with no quota,
    into the setup's cache folder: the snapshots every server of this setup starts from. Then
    Google hangs (every request unanswered) and the snapshots are older than the TTL: each
    server shows them and refreshes in the background (``regions_pages.py``'s "hung" server)."""
    for number in range(1, sheets + 1):
        double.add_spreadsheet(
            regions_book.key(number), regions_book.book(number), title=regions_book.name(number)
        )
    key_file = folder / "service_account.json"
    key_file.write_text(json.dumps(double.service_account_info()), encoding="utf-8")
    env = {"SMALLWINS_SHEETS_ENDPOINT": double.url, "GOOGLE_APPLICATION_CREDENTIALS": str(key_file)}
    config = regions.configure(
        folder / "google.toml", sheets, 60.0, ttl=regions_pages.TTL, quota=1_000_000
    )
    cache = folder / "google"
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        double.set_quota(None)
        read = regions.first_read(double, config, cache)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    if read["failed"]:
        raise RuntimeError(f"the first read of the {sheets} sheets failed: {read}")
    time.sleep(regions_pages.TTL + 0.5)  # every snapshot now due to be read again
    double.hang()
    return viewer_pages.Setup(
        "google",
        f"{sheets} regional Google Sheets from their snapshots, Google hung",
        config,
        cache,
        f"to={regions_book.AS_OF.isoformat()}",
        env,
    )


def setups(parts: set[str], sheets: int, tmp: Path, stack: ExitStack) -> list[viewer_pages.Setup]:
    found = []
    if "demo" in parts:
        label = "Demo workbook (bundled, no configuration)"
        found.append(viewer_pages.Setup("demo", label, None, tmp / "demo"))
    if "regions" in parts:
        found.append(
            viewer_pages.Setup(
                "regions",
                f"{sheets} regional workbooks (local .xlsx files)",
                regional_workbooks(sheets),
                tmp / "regions",
                f"to={regions_book.AS_OF.isoformat()}",
            )
        )
    if "google" in parts:
        found.append(google_sheets(stack.enter_context(SheetsDouble()), sheets, tmp))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each browser figure (median)")
    parser.add_argument(
        "--only",
        default="demo,regions,google,large",
        help="parts: demo,regions,google,large,apptest",
    )
    parser.add_argument("--sheets", type=int, default=60, help="regional workbooks (regions)")
    parser.add_argument("--trace", type=Path, help="save a Playwright trace of each page here")
    parser.add_argument("--apptest-runs", type=int, default=5, help="warm AppTest runs a page")
    args = parser.parse_args()
    parts = {part.strip() for part in args.only.split(",") if part.strip()}
    unknown = parts - {"demo", "regions", "google", "large", "apptest"}
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    say: Callable[[str], None] = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731
    found: dict = {"runs": args.runs}
    with tempfile.TemporaryDirectory(prefix="smallwins-pages-") as tmp, ExitStack() as stack:
        chosen = setups(parts, args.sheets, Path(tmp), stack)
        if chosen:
            measured = viewer_pages.measure(chosen, args.runs, args.trace, say=say)
            for name, result in measured.items():
                viewer_pages.report(result, args.runs)
                found[name] = result
    if {"large", "apptest"} & parts:
        folder, _, _ = ensure_workbook(seed=1, scale=1.0)
        if "large" in parts:
            found["large"] = browser_pages.measure(folder, AS_OF, args.runs)
            browser_pages.report(found["large"])
        if "apptest" in parts:
            found["apptest"] = apptest(folder, args.apptest_runs)
    print(json.dumps(found), flush=True)


if __name__ == "__main__":
    main()
