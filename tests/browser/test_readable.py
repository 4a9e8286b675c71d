"""Every page on the demo, in a real headless Chromium at 1400 and 1024 px: what is shown can be
read, and axe-core finds no serious WCAG 2.1 A or AA violation (``accessibility.py``). No
legend entry of a project, collaboration or category is shortened or cut off; every monthly
chart of a page spans the period's months; no chart is wider than its place; no table header is
a code name; the Overview's collaboration table shows every column. A full-height screenshot of
each page at each width is saved for review (``SHOTS``).

The charts (a canvas) and tables (a canvas grid) are read from what the browser received
(``received.py``); each chart is also drawn again offline with vl-convert — the same Vega — at
the width the page gave it, and its text checked for "…".
"""

from __future__ import annotations

import datetime as dt
import io
import re
import urllib.parse

import numpy as np
import pytest
import vl_convert
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import Page

from dashboard.charts.months import month_domain
from tests.browser.accessibility import READ, blocking
from tests.browser.helpers import CEILING_MS, PAGES, SHOTS, file_name, settle
from tests.browser.received import legends, listen, month_domains, parts
from tests.waiting import wait_until


def _period(page: Page) -> tuple[dt.date, dt.date]:
    query = urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)
    return dt.date.fromisoformat(query["from"][0]), dt.date.fromisoformat(query["to"][0])


def _drawn(page: Page) -> list[dict]:
    """Each chart's place on the page, in page order, once drawn, and whether anything is drawn
    in its last pixels on the right — a legend or label running past the edge, cut there
    (charts in a tab not shown have no size and are left out)."""
    boxes = []
    for chart in page.locator("[data-testid=stVegaLiteChart]").all():
        if not chart.is_visible():
            boxes.append({})
            continue
        chart.scroll_into_view_if_needed()
        canvas = chart.locator("canvas, svg.marks").first
        canvas.wait_for(state="attached", timeout=CEILING_MS)
        wait_until(lambda c=canvas: _sized(c.bounding_box()), "the chart drawn at its size")
        box = chart.bounding_box()
        boxes.append({"chart": box, "canvas": canvas.bounding_box(), "edge": _inked_edge(chart)})
    return boxes


def _sized(box: dict | None) -> bool:
    return bool(box and box["width"] > 50 and box["height"] > 50)


def _inked_edge(chart) -> int:
    """How many pixels of the chart's last 3 columns are dark (text, not a light gridline)."""
    image = Image.open(io.BytesIO(chart.screenshot())).convert("L")
    width, height = image.size
    edge = image.crop((width - 3, 0, width, height))
    return int((np.asarray(edge) < 160).sum())


def _screenshot(page: Page, name: str, width: int) -> None:
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], section')]"
        ".map((e) => e.scrollHeight))"
    )
    page.set_viewport_size({"width": width, "height": min(int(height) + 50, 12_000)})
    page.wait_for_timeout(1_500)  # the screenshot only (for review): nothing is asserted on it
    page.screenshot(path=str(SHOTS / f"{file_name(name)}-{width}.png"), full_page=True)


def _redrawn_text(spec: dict, width: float) -> tuple[list[str], float]:
    """The spec drawn offline at ``width`` px (as the page's ``fit-x``): its texts and width."""
    redrawn = {**spec, "width": int(width)}
    redrawn.setdefault("autosize", {"type": "fit-x", "contains": "padding"})
    svg = vl_convert.vegalite_to_svg(redrawn)
    texts = re.findall(r"<(?:text|tspan)[^>]*>([^<]*)<", svg)
    return texts, float(re.search(r'<svg[^>]* width="([\d.]+)"', svg).group(1))


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


# each page and section read (``accessibility.READ``, each such test cost the run 5–10 s on a
# slow machine) is checked by axe-core too, in the same load: test_axe.py checks the others
@pytest.mark.parametrize(("path", "width"), READ)
def test_every_page_is_readable_and_passes_wcag_21_aa(browser, server, axe, path, width):
    page = browser.new_page(viewport={"width": width, "height": 1000})
    received = listen(page)
    page.goto(f"{server.url}/{path}")
    settle(page)
    assert page.locator("[data-testid=stException]").count() == 0
    specs = received.specs
    charts = page.locator("[data-testid=stVegaLiteChart]")
    # every chart received is on the page (they mount one by one), and every chart the page
    # shows on the demo (``PAGES`` counts them)
    wait_until(
        lambda: charts.count() >= max(len(specs), PAGES[path]), "every chart received on the page"
    )
    boxes = _drawn(page)
    assert len(specs) == len(boxes), (len(specs), len(boxes))
    expected = month_domain(_period(page))
    expected = [d.to_dict() for d in expected]
    for spec, box in zip(specs, boxes, strict=True):
        for domain in month_domains(spec):  # every monthly chart spans the period's months
            assert domain == expected, (path, domain, expected)
        for colour in legends(spec):  # a project's, category's or collaboration's name whole
            assert colour["legend"].get("labelLimit") == 0, (path, colour["field"])
        if not box:
            continue
        # nothing drawn past its place on the page (a legend wider than the chart is cut there)
        assert box["canvas"]["width"] <= box["chart"]["width"] + 1, (path, box)
        assert box["edge"] == 0, (path, "drawn up to the right edge: cut there", box)
        texts, drawn_width = _redrawn_text(spec, box["chart"]["width"])
        assert not [t for t in texts if "…" in t], (path, [t for t in texts if "…" in t])
        assert drawn_width <= box["chart"]["width"] + 1, (path, drawn_width, box)
    for headers in received.headers:  # headers in words, never code names
        assert not [h for h in headers if "_" in h], (path, headers)
    if path == "":
        _overview_table_fits(page)
    found = blocking(page, axe)  # before the screenshot makes the window the page's height
    assert not found, (path, width, found)
    _screenshot(page, path, width)
    page.close()


def _overview_table_fits(page: Page) -> None:
    """The Overview's collaboration table shows all its columns, the sparkline whole: its grid
    scrolls neither sideways nor needs to."""
    grid = page.locator("[data-testid=stDataFrame] .dvn-scroller").first
    grid.wait_for(timeout=CEILING_MS)
    scroll, client = grid.evaluate("(e) => [e.scrollWidth, e.clientWidth]")
    assert scroll <= client + 1, (scroll, client)


def test_the_specs_read_back_are_the_pages_charts(browser, server):
    """The reading itself: the Momentum page's first chart is the wins by category, stacked
    bars over the months, and its data holds a row per month and category."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    received = listen(page)
    page.goto(f"{server.url}/Momentum?from=2026-09-01&to=2026-10-31")
    settle(page)
    _drawn(page)
    first = received.specs[0]
    (view,) = parts(first)
    assert view["mark"]["type"] == "bar" and view["encoding"]["color"]["field"] == "category"
    rows = next(iter(first["datasets"].values()))
    months = {row["month"][:7] for row in rows}
    assert months == {"2026-09", "2026-10"}
    page.close()
