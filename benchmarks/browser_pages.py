"""The app in headless Chromium on a freshly started server: the Overview's figures, then the first
visit of every other page, each as a ratio to the floor timed in the same run (``pages.py``).

The workbook is read as a Google Sheet from the Sheets double (``run.SheetServer``), as in
``run.py``'s summary figure. One run: a new ``streamlit run app.py`` server with an empty cache
folder; one browser page opens the Overview by its URL and is timed until the figures are drawn
(the script run over, no status widget, no element still a placeholder, every chart and table
shown drawn); then each other page is opened by its URL in the same tab and timed the same way.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import run
from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.streamlit_server import ARGS, CHROMIUM, StreamlitServer

OTHER_PAGES = [
    "Momentum",
    "Participation",
    "Network",
    "Regions",
    "Data_health",
    "Log_a_win",
    "Impact_report",
    "Agenda",
    "Digests",
]
SETTLED = "[data-testid=stApp][data-test-script-state=notRunning]"
WAIT_MS = 180_000
GOALS = {"overview_vs_floor": 4.0, "first_visit_vs_floor": 2.5}  # issue 26 (was 6 ×)


def drawn(page: Page) -> None:
    """Wait until the figures show — the one definition every browser benchmark times to: the
    page's title drawn, its script run over (the app's ``data-test-script-state`` is
    ``notRunning``), no status widget ("Running…"), **no placeholder left** (Streamlit loads
    each kind of element's code when the page first needs it and shows a grey skeleton,
    ``stSkeleton``, until then: a metric tile, a chart or a table that is still a skeleton has
    not shown its figure), and every chart and table that is visible drawn (a canvas or SVG
    marks inside it). A chart in a tab not shown is drawn only when its tab is opened, so it
    is not waited for. Raises if the page shows an exception."""
    page.wait_for_selector("[data-testid=stMainBlockContainer] h1", timeout=WAIT_MS)
    page.wait_for_selector(SETTLED, timeout=WAIT_MS)
    page.wait_for_selector("[data-testid=stStatusWidget]", state="detached", timeout=WAIT_MS)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stSkeleton]')", timeout=WAIT_MS
    )
    shown = page.locator(
        "[data-testid=stVegaLiteChart], [data-testid=stDataFrame], [data-testid=stTable]"
    )
    for index in range(shown.count()):
        element = shown.nth(index)
        if element.is_visible():  # a chart in a tab not shown is drawn when its tab is opened
            element.locator("canvas, svg.marks, table").first.wait_for(
                state="attached", timeout=WAIT_MS
            )
    if page.locator("[data-testid=stException]").count():
        text = page.locator("[data-testid=stException]").first.inner_text()
        raise RuntimeError("the page shows an exception: " + " ".join(text.split())[:200])


def timed_visit(page: Page, url: str) -> float:
    began = time.perf_counter()
    page.goto(url, timeout=WAIT_MS)
    drawn(page)
    return time.perf_counter() - began


def server_env(sheet: run.SheetServer, folder: Path) -> dict[str, str]:
    """A server reading the double's spreadsheet as a Google Sheet, with an empty cache."""
    config = folder / "smallwins.toml"
    config.write_text(
        f'[[sources]]\nname = "bench"\nlocation = "{sheet.info["key"]}"\nkind = "gsheets"\n',
        encoding="utf-8",
    )
    env = sheet.env()
    env["SMALLWINS_CONFIG"] = str(config)
    return env


def one_run(browser: Any, sheet: run.SheetServer, as_of: str) -> dict[str, float]:
    """Seconds from a fresh server's launch until its health check answers (``start``: the app
    reads and cleans its data before that, ``ui.server``), then to the Overview's figures, then
    to each other page's."""
    with tempfile.TemporaryDirectory(prefix="smallwins-pages-") as tmp:
        launched = time.perf_counter()
        server = StreamlitServer(server_env(sheet, Path(tmp)))
        start = time.perf_counter() - launched
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            times = {"start": start, "Overview": timed_visit(page, f"{server.url}/?to={as_of}")}
            for path in OTHER_PAGES:
                times[path] = timed_visit(page, f"{server.url}/{path}?to={as_of}")
            page.close()
        finally:
            server.stop()
    return times


def measure(folder: Path, as_of: str, runs: int) -> dict[str, Any]:
    """``runs`` cold runs, the floor timed before each and after the last; medians."""
    data = (folder / run.generate.BODY_FILE).read_bytes()
    floors: list[float] = []
    visits: dict[str, list[float]] = {}
    sheet = run.SheetServer(folder)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            try:
                for _ in range(runs):
                    floors.append(run.timed(lambda: run.floor(data))[0])
                    for name, took in one_run(browser, sheet, as_of).items():
                        visits.setdefault(name, []).append(took)
                floors.append(run.timed(lambda: run.floor(data))[0])
            finally:
                browser.close()
    finally:
        sheet.close()
    floor_s = statistics.median(floors)
    pages = {}
    for name, samples in visits.items():
        took = statistics.median(samples)
        pages[name] = {
            "s": round(took, 3),
            "vs_floor": round(took / floor_s, 2),
            "runs": [round(x, 2) for x in samples],
        }
    return {"floor_s": round(floor_s, 3), "floors": [round(x, 3) for x in floors], "pages": pages}


def report(result: dict[str, Any]) -> None:
    floor_s = result["floor_s"]
    print(f"\nChromium, fresh server (floor {floor_s:.2f} s, median of {len(result['floors'])})")
    start = result["pages"]["start"]
    overview = result["pages"]["Overview"]
    both = start["s"] + overview["s"]
    print(
        f"  server start (launch → health check) {start['s']:.2f} s; start + Overview "
        f"{both:.2f} s = {both / floor_s:.2f} × floor (no goal: said for what moved before the "
        "health check)"
    )
    for name, figures in result["pages"].items():
        if name == "start":
            continue
        goal = GOALS["overview_vs_floor" if name == "Overview" else "first_visit_vs_floor"]
        verdict = "ok" if figures["vs_floor"] <= goal else "MISS"
        what = "cold Overview" if name == "Overview" else "first visit"
        print(
            f"  {name:16} {what:14} {figures['s']:7.2f} s  {figures['vs_floor']:5.2f} × floor  "
            f"(goal ≤ {goal:g} ×: {verdict})  runs {figures['runs']}"
        )
