"""Each page of the app against the bare Streamlit page, in headless Chromium, two ways
(``pages.py`` runs it; see its notes for what "the figures show" means):

- **fresh**: the first viewer of a freshly started server — a new ``streamlit run`` (its cache
  folder the one every earlier server of the same data used, as a restarted app finds it), a new
  browser context (nothing cached), ``goto`` the page's URL;
- **returning**: the same viewer opening the same URL again right after, in a new tab (the first
  one closed) of the same browser context — its HTTP cache warm — on the warm server (the data
  read, the page run once).

One measurement is one server: fresh, then returning. For every page, the bare page
(``bare_page.py``) is measured the same way next to it — bare then app, or app then bare, in turn —
so the machine's load (2 cores, shared) weighs on both alike; each page's figure is the median of
the runs, and its ratio is that median over the median of the bare page's measurements made
alongside the same data's pages. Each server's start (from its launch until its health check
answers) is timed too and printed beside the visits, with no goal: the app prepares its data
before it answers (``ui.server``), so what a fresh server's first viewer no longer waits for is
seen there.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from browser_pages import OTHER_PAGES, WAIT_MS, drawn
from playwright.sync_api import Browser, Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.streamlit_server import ARGS, CHROMIUM, StreamlitServer

BARE = "benchmarks/bare_page.py"  # served from the repository's root, like app.py
APP = "app.py"
PAGES = ["Overview", *OTHER_PAGES]
# Streamlit drawing the Overview's elements with nothing computed: the Overview's own floor,
# measured like a page (with the bare page's environment) whenever the Overview is
ELEMENTS = "benchmarks/elements_page.py"
ELEMENTS_NAME = "Overview's elements"
GOALS = {"returning": 1.5, "fresh": 2.5}  # × the bare page (issue 26)
WAYS = ("start", *GOALS)  # ``start``: launch to health check, no goal (said beside the visits)
VIEWPORT = {"width": 1400, "height": 1000}


@dataclass(frozen=True)
class Setup:
    """The data the app's servers read: ``config`` (None: the bundled demo), the folder of their
    snapshots and cache (shared by every server of this data), the query string of each URL, and
    what the servers' environment adds (where Google is)."""

    name: str
    label: str
    config: Path | None
    cache: Path
    query: str = ""
    env: dict[str, str] = field(default_factory=dict)


def _env(setup: Setup) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "SMALLWINS_CONFIG"}
    env["SMALLWINS_CACHE_DIR"] = str(setup.cache)
    if setup.config is not None:
        env["SMALLWINS_CONFIG"] = str(setup.config)
    env.update(setup.env)
    return env


def _visit(page: Page, url: str) -> float:
    began = time.perf_counter()
    page.goto(url, timeout=WAIT_MS)
    drawn(page)
    return time.perf_counter() - began


def both_ways(
    browser: Browser, env: dict[str, str], script: str, path: str, trace: Path | None = None
) -> tuple[float, float, float]:
    """(start, fresh, returning) seconds of one new server of ``script`` at ``path`` — from its
    launch until its health check answers, then the two visits; with ``trace``, one more
    returning visit, untimed, recorded there as a Playwright trace."""
    launched = time.perf_counter()
    server = StreamlitServer(env, script=script)
    start = time.perf_counter() - launched
    try:
        context = browser.new_context(viewport=VIEWPORT)
        try:
            page = context.new_page()
            fresh = _visit(page, server.url + path)
            page.close()  # the viewer comes back later, in a new tab of the same browser
            page = context.new_page()
            returning = _visit(page, server.url + path)
            if trace is not None:
                trace.parent.mkdir(parents=True, exist_ok=True)
                context.tracing.start(screenshots=True, snapshots=True)
                _visit(page, server.url + path)
                context.tracing.stop(path=str(trace))
        finally:
            context.close()
    finally:
        server.stop()
    return start, fresh, returning


def _url_path(page: str, query: str) -> str:
    return "/" + ("" if page == "Overview" else page) + (f"?{query}" if query else "")


def measure(
    setups: list[Setup],
    runs: int,
    trace: Path | None = None,
    pages: list[str] | None = None,
    say: Callable[[str], None] = print,
) -> dict[str, dict[str, Any]]:
    """``runs`` rounds; in each, every setup's every page, each beside a bare page (see the
    module's notes). A measurement that fails is noted and left out of the medians."""
    names = list(pages or PAGES)
    if "Overview" in names:
        names.insert(names.index("Overview") + 1, ELEMENTS_NAME)
    samples: dict[str, dict[str, dict[str, list[float]]]] = {
        s.name: {n: {way: [] for way in WAYS} for n in ["bare", *names]} for s in setups
    }
    errors: dict[str, list[str]] = {s.name: [] for s in setups}
    loads: dict[str, list[float]] = {s.name: [] for s in setups}  # the machine's, as it went
    bare_env = {k: v for k, v in os.environ.items() if k != "SMALLWINS_CONFIG"}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for setup in setups:  # untimed: Python's bytecode, the OS's file cache, the snapshots
                say(f"warming up: {setup.label} …")
                both_ways(browser, bare_env, BARE, "/")
                both_ways(browser, _env(setup), APP, _url_path("Overview", setup.query))
            for number in range(runs):
                for setup in setups:
                    for index, name in enumerate(names):
                        traced = trace is not None and number == 0
                        page_job = (
                            (name, ELEMENTS, bare_env, "/", "elements")
                            if name == ELEMENTS_NAME
                            else (name, APP, _env(setup), _url_path(name, setup.query), name)
                        )
                        jobs = [
                            ("bare", BARE, bare_env, "/", "bare" if index == 0 else None),
                            page_job,
                        ]
                        if (number + index) % 2:
                            jobs.reverse()
                        line = []
                        for what, script, env, path, tag in jobs:
                            where = trace / f"{setup.name}-{tag}.zip" if traced and tag else None
                            try:
                                start, fresh, returning = both_ways(
                                    browser, env, script, path, where
                                )
                            except Exception as failure:  # noted; the run goes on
                                note = f"run {number + 1} {what}: {type(failure).__name__}: "
                                errors[setup.name].append(note + str(failure)[:200])
                                line.append(f"{what} FAILED")
                                continue
                            samples[setup.name][what]["start"].append(start)
                            samples[setup.name][what]["fresh"].append(fresh)
                            samples[setup.name][what]["returning"].append(returning)
                            line.append(f"{what} {start:.2f} + {fresh:.2f} / {returning:.2f} s")
                        load = os.getloadavg()[0]
                        loads[setup.name].append(load)
                        say(
                            f"run {number + 1}/{runs} {setup.name}: "
                            + ", ".join(line)
                            + f" (load average {load:.1f})"
                        )
        finally:
            browser.close()
    return {s.name: _figures(s, samples[s.name], errors[s.name], loads[s.name]) for s in setups}


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 3) if values else None


def _figures(
    setup: Setup, found: dict[str, dict[str, list[float]]], errors: list[str], loads: list[float]
) -> dict:
    bare = {way: _median(found["bare"][way]) for way in WAYS}
    pages: dict[str, dict[str, Any]] = {}
    for name, ways in found.items():
        if name == "bare":
            continue
        figures: dict[str, Any] = {}
        for way, goal in GOALS.items():
            took, floor = _median(ways[way]), bare[way]
            ratio = round(took / floor, 2) if took is not None and floor else None
            figures[f"{way}_s"] = took
            figures[f"{way}_vs_bare"] = ratio
            figures[f"{way}_ok"] = ratio is not None and ratio <= goal
            figures[f"{way}_runs"] = [round(x, 2) for x in ways[way]]
        figures["start_s"] = _median(ways["start"])  # no goal: said beside the fresh visit
        figures["start_runs"] = [round(x, 2) for x in ways["start"]]
        pages[name] = figures
    return {
        "label": setup.label,
        "bare": {
            **{f"{way}_s": bare[way] for way in WAYS},
            **{f"{way}_runs": [round(x, 2) for x in found["bare"][way]] for way in WAYS},
        },
        "pages": pages,
        "errors": errors,
        "load_average": [min(loads, default=0.0), max(loads, default=0.0)],
    }


def _seconds(value: float | None) -> str:
    return f"{value:6.2f} s" if value is not None else "     — "


def _ratio(value: float | None, goal: float) -> str:
    if value is None:
        return "   —       "
    return f"{value:5.2f} × {'ok' if value <= goal else 'MISS':4}"


def report(result: dict[str, Any], runs: int) -> None:
    """One table: the bare page, then each page's two figures as ratios to it."""
    low, high = result["load_average"]
    print(f"\n{result['label']}: medians of {runs}; load average {low:.1f}–{high:.1f}")
    print(
        f"  {'page':16} {'returning viewer':>8}  (goal ≤ {GOALS['returning']:g} × bare)"
        f"   {'fresh server':>8}  (goal ≤ {GOALS['fresh']:g} × bare)   server start"
    )
    bare = result["bare"]
    print(
        f"  {'bare Streamlit':16} {_seconds(bare['returning_s'])}{'':27}{_seconds(bare['fresh_s'])}"
        f"{'':17}{_seconds(bare['start_s'])}"
    )
    for name, figures in result["pages"].items():
        print(
            f"  {name:16} {_seconds(figures['returning_s'])}  "
            f"{_ratio(figures['returning_vs_bare'], GOALS['returning'])}{'':12}"
            f"{_seconds(figures['fresh_s'])}  {_ratio(figures['fresh_vs_bare'], GOALS['fresh'])}"
            f"{'':4}{_seconds(figures['start_s'])}"
        )
    elements = result["pages"].get(ELEMENTS_NAME)
    overview = result["pages"].get("Overview")
    if elements and overview and elements["returning_s"] and overview["returning_s"]:
        print(
            f"  {ELEMENTS_NAME!r} is Streamlit drawing the Overview's elements with nothing "
            "computed (elements_page.py): the Overview takes "
            f"{overview['returning_s'] / elements['returning_s']:.2f} × it (returning), "
            f"{overview['fresh_s'] / elements['fresh_s']:.2f} × (fresh)"
        )
    for error in result["errors"]:
        print(f"  ! {error}")
