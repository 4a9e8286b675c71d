"""How fast each page runs, and how much chart data it sends, on the large generated workbook.

    python benchmarks/pages.py [--runs 5] [--browser-runs 3] [--no-browser]

First, in headless Chromium on a freshly started ``streamlit run`` server reading the workbook as
a Google Sheet (``browser_pages.py``): the Overview's figures and the first visit of every other
page, as ratios to the floor timed in the same run (goals: ≤ 6 × and ≤ 2.5 ×). Then it runs
the app with Streamlit's AppTest (the real script runner, no browser) against the workbook
``benchmarks/generate.py`` writes (the same cache folder as ``run.py``). For each page: the first
run on a cold cache (the app reads and cleans the workbook), then the median of warm re-runs —
the goal is under 300 ms — and the rows and bytes of chart data it sends (every chart is
aggregated: the goal is no chart above 5,000 rows). Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import browser_pages  # noqa: E402 (benchmarks/ is a folder of scripts, not a package)
from run import ensure_workbook  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="warm AppTest runs of each page")
    parser.add_argument("--browser-runs", type=int, default=3, help="fresh servers in Chromium")
    parser.add_argument("--no-browser", action="store_true", help="only the AppTest figures")
    args = parser.parse_args()
    folder, _, _ = ensure_workbook(seed=1, scale=1.0)
    browser = None
    if not args.no_browser:
        browser = browser_pages.measure(folder, AS_OF, args.browser_runs)
        browser_pages.report(browser)
        print(json.dumps({"browser": browser}), flush=True)
    config = Path(tempfile.mkdtemp()) / "smallwins.toml"
    config.write_text(f'[[sources]]\nlocation = "{folder}"\nname = "bench"\n', encoding="utf-8")
    os.environ["SMALLWINS_CONFIG"] = str(config)
    os.chdir(ROOT)
    results = {}
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    app.query_params["to"] = AS_OF
    cold_total = _timed_run(app)
    for page in PAGES:
        if page != "app.py":
            app.switch_page(page)
        cold = _timed_run(app)
        warm = statistics.median(_timed_run(app) for _ in range(args.runs))
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
            f"{page:28} first {cold:7.2f} s   warm {warm * 1000:7.1f} ms   "
            f"{len(charts)} charts, max {results[page]['max_chart_rows']} rows, "
            f"{results[page]['chart_kb']} kB"
        )
    print(json.dumps({"cold_start_s": round(cold_total, 2), "pages": results, "browser": browser}))


if __name__ == "__main__":
    main()
