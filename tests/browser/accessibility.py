"""axe-core's WCAG 2.1 A and AA rules run on a page as shown (issue 20, point 8), for the tests
that open the pages: ``test_readable.py`` checks every page it reads, ``test_axe.py`` the
pages and sections it does not (one page load serves both checks: each load cost the run
3–5 s). axe-core is the ``axe.min.js`` the ``axe-playwright-python`` package bundles (nothing
is downloaded at test time); it is injected into each page once its run is over and its charts
are drawn."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.browser.helpers import (
    MOMENTUM_SECTIONS,
    NETWORK_SECTIONS,
    REGIONS_SECTIONS,
    SECTION_PATHS,
    WHOLE_PAGES,
)

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
WIDTHS = (1400, 1024)

# every page at both widths; each section after a page's first at the narrower (the page's own
# parts above the sections were checked at both)
CHECKED = [(p, w) for p in WHOLE_PAGES for w in WIDTHS] + [(p, min(WIDTHS)) for p in SECTION_PATHS]


def _charted(sections: dict[str, int]) -> list[str]:
    return [path for path, charts in sections.items() if charts]


# what test_readable.py reads: every page with a chart or a table at both widths, and the
# sections that draw charts at the narrower, where a chart is likeliest to be cut (a section of
# tables only has its headers checked by tests/ui/test_readable_pages.py and its text by
# test_payloads.py); Digests shows neither on the demo
READ = [(p, w) for p in WHOLE_PAGES if p != "Digests" for w in WIDTHS] + [
    (p, min(WIDTHS))
    for sections in (MOMENTUM_SECTIONS, NETWORK_SECTIONS, REGIONS_SECTIONS)
    for p in _charted(sections)
]
assert set(READ) <= set(CHECKED)


def blocking(page: Page, axe: Axe) -> list[tuple]:
    """The serious and critical violations of the WCAG 2.1 A and AA rules on the page as shown,
    each with the first five places it was found; the rules must have run."""
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    # the rules did run: axe checked the page's text for contrast
    assert results.response["passes"] or results.response["incomplete"], page.url
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5], v["nodes"][0]["html"][:200])
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]
