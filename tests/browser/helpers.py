"""What the browser tests share: every page and the charts it draws on the demo (``PAGES``), the
server on the demo (``Server``), where screenshots go (``SHOTS``), and waiting for a page to be
done (``settle``) and its charts drawn (``wait_for_charts``) — each a condition with a generous
ceiling, never a fixed pause, since the machine may be busy (a page's first run on a fresh server
can take tens of seconds there)."""

from __future__ import annotations

import os
import tempfile
import time
import urllib.parse
from pathlib import Path

from playwright.sync_api import Page

from dashboard.ui import page as page_module
from dashboard.ui.components import SECTION_PARAM
from tests.streamlit_server import StreamlitServer
from tests.waiting import CEILING_SECONDS

ROOT = Path(__file__).resolve().parents[2]
# screenshots for review: screenshots/ at the repository's root (git ignores it), or the folder
# named by SMALLWINS_SCREENSHOTS; the run's summary names it (tests/browser/conftest.py)
SHOTS = Path(os.environ.get("SMALLWINS_SCREENSHOTS", ROOT / "screenshots"))
CEILING_MS = int(CEILING_SECONDS * 1000)  # Playwright's timeouts are in milliseconds
IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"  # no script run under way
BUSY = "[data-testid=stStatusWidget]"  # "Running…" and the like
QUIET_SECONDS = 1.0  # idle this long in a row: not the gap between a run and its rerun
POLL_MS = 100


def section(path: str, label: str) -> str:
    """A page's path with one of its sections open, as a link gives it: ``Network?section=…``."""
    return f"{path}?{urllib.parse.urlencode({SECTION_PARAM: label})}"


def url(base: str, path: str, query: str) -> str:
    """``base/path`` with ``query`` added to what the path asks already."""
    return f"{base}/{path}{'&' if '?' in path else '?'}{query}"


def file_name(path: str) -> str:
    """A page's path as a screenshot's name: ``Network-Hub-or-mesh``."""
    page, _, query = path.partition("?")
    label = urllib.parse.parse_qs(query).get(SECTION_PARAM, [""])[0]
    return "-".join(p for p in [page or "Overview", *label.split()] if p)


# the long pages' sections after their first
# (``page.SECTIONS``), each built only when opened: visited by their links → charts each shows
# on the demo workbook
NETWORK_SECTIONS = {
    section("Network", "Organizations"): 1,
    section("Network", "Where it stands"): 2,  # the stage over time, the core picture
    section("Network", "Growth and weaving"): 6,
    section("Network", "Hub or mesh"): 1,
    section("Network", "Introductions"): 0,
    section("Network", "Export"): 0,
}
MOMENTUM_SECTIONS = {
    section("Momentum", "Wins and the network"): 2,
    section("Momentum", "Commitments"): 2,
    section("Momentum", "Overdue and due soon"): 0,
    section("Momentum", "Stalled projects"): 0,
}
PARTICIPATION_SECTIONS = {
    section("Participation", "People"): 0,
    section("Participation", "Connectors"): 0,
    section("Participation", "Organizations"): 0,
}
REGIONS_SECTIONS = {
    section("Regions", "Active people per month"): 4,  # a small chart per collaboration
    section("Regions", "Side by side"): 0,
}
IMPACT_SECTIONS = {
    section("Impact_report", "Collaborations"): 0,
    section("Impact_report", "Highlighted wins"): 0,
}
for listed, labels in (
    (NETWORK_SECTIONS, page_module.NETWORK_SECTIONS),
    (MOMENTUM_SECTIONS, page_module.MOMENTUM_SECTIONS),
    (PARTICIPATION_SECTIONS, page_module.PARTICIPATION_SECTIONS),
    (REGIONS_SECTIONS, page_module.REGIONS_SECTIONS),
    (IMPACT_SECTIONS, page_module.IMPACT_SECTIONS),
):  # every section after the first, in its order
    assert [p.split("=")[-1] for p in listed] == [urllib.parse.quote_plus(x) for x in labels[1:]]
# every page: its path → charts it shows on the demo workbook (a chart in a tab not shown is not
# counted); with no sign-in the viewer is a coordinator, so Digests is open too
PAGES = {
    "": 1,
    "Momentum": 2,  # the wins by category and by project: the other sections when opened
    **MOMENTUM_SECTIONS,
    "Participation": 3,  # who takes part: the people's, connectors' and organizations' tables
    **PARTICIPATION_SECTIONS,  # when their sections are opened
    "Network": 1,  # the people's drawing: the page's other sections are built when opened
    **NETWORK_SECTIONS,
    "Regions": 4,  # the wins' small charts: the active people's and the table when opened
    **REGIONS_SECTIONS,
    "Data_health": 0,
    "Log_a_win": 0,
    "Impact_report": 3,  # its figures: the collaborations and wins when opened
    **IMPACT_SECTIONS,
    "Agenda": 0,
    "Digests": 0,  # the demo configures no digest: the page says how to add one
}
SECTION_PATHS = {
    **NETWORK_SECTIONS,
    **MOMENTUM_SECTIONS,
    **PARTICIPATION_SECTIONS,
    **REGIONS_SECTIONS,
    **IMPACT_SECTIONS,
}
WHOLE_PAGES = [path for path in PAGES if path not in SECTION_PATHS]  # each page, by its own URL


class Server(StreamlitServer):
    """``streamlit run app.py`` on a free loopback port, on the demo workbook or ``config``,
    keeping its snapshots in ``cache`` (default: a new empty folder)."""

    def __init__(self, config: Path | None = None, cache: Path | None = None) -> None:
        env = {k: v for k, v in os.environ.items() if k != "SMALLWINS_CONFIG"}
        env["SMALLWINS_CACHE_DIR"] = str(cache or tempfile.mkdtemp(prefix="smallwins-snapshots-"))
        if config is not None:
            env["SMALLWINS_CONFIG"] = str(config)
        super().__init__(env)


def _idle(page: Page) -> bool:
    return page.locator(IDLE).count() == 1 and page.locator(BUSY).count() == 0


def settle(page: Page) -> None:
    """Wait until the page has drawn its title and no script run has been under way (and no
    status widget shown) for ``QUIET_SECONDS`` in a row — the app's own attribute says when no
    run is under way; being idle a while tells a finished page from the gap between a run and
    the rerun it asked for. Fails after the ceiling."""
    page.wait_for_selector("[data-testid=stApp]", timeout=CEILING_MS)
    page.wait_for_selector("[data-testid=stMainBlockContainer] h1", timeout=CEILING_MS)
    deadline = time.monotonic() + CEILING_SECONDS
    quiet_since: float | None = None
    while True:
        now = time.monotonic()
        if not _idle(page):
            quiet_since = None
        elif quiet_since is None:
            quiet_since = now
        elif now - quiet_since >= QUIET_SECONDS:
            return
        assert now < deadline, f"the page was still running after {CEILING_SECONDS:.0f} s"
        page.wait_for_timeout(POLL_MS)


def _drawn(chart) -> bool:
    drawn = chart.locator("canvas, svg.marks").first
    if drawn.count() == 0:
        return False
    box = drawn.bounding_box()
    return bool(box and box["width"] > 50 and box["height"] > 50)


def charts_rendered(page: Page) -> int:
    """How many charts are shown and drawn now (a canvas or SVG of a real size); those in a tab
    not shown are skipped: they are drawn when their tab is opened."""
    charts = page.locator("[data-testid=stVegaLiteChart]")
    shown = 0
    for index in range(charts.count()):
        chart = charts.nth(index)
        if chart.is_visible():
            chart.scroll_into_view_if_needed()
            shown += _drawn(chart)
    return shown


def wait_for_charts(page: Page, expected: int) -> int:
    """Wait until ``expected`` charts are drawn (a busy machine draws them one by one, after the
    run is over), up to the ceiling; the number drawn then, for the test to assert on."""
    deadline = time.monotonic() + CEILING_SECONDS
    while (count := charts_rendered(page)) < expected and time.monotonic() < deadline:
        page.wait_for_timeout(POLL_MS * 5)
    return count
