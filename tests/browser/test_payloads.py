"""A sheet whose cells hold HTML and Markdown payloads shows them as text on every page.

Names, an organization, a collaboration, projects, wins, commitments, results and evidence hold
``<script>``, an ``<img onerror>``, a ``javascript:`` link, bold, a heading, LaTeX and a Streamlit
colour directive. Every page is opened by its URL on one server, with the payload collaboration and
project chosen in the URL, and must run no script, create no element from the data and show the
payloads as typed (issue 7).
"""

from __future__ import annotations

import tempfile
import urllib.parse

import pytest
from playwright.sync_api import Page, expect

from tests.browser.helpers import (
    CEILING_MS,
    MOMENTUM_SECTIONS,
    NETWORK_SECTIONS,
    PARTICIPATION_SECTIONS,
    REGIONS_SECTIONS,
    Server,
    section,
    settle,
    url,
)

SCRIPT = "<script>window.__pwned=1</script>"
IMAGE = '<img src=x onerror="window.__pwned=1">'
LINK = "[click](javascript:window.__pwned=1)"
BOLD, HEADING, MATH, COLOUR = "**bold**", "# Heading", "$x^2$", ":red[red]"

COLLABORATION = f"Valley {SCRIPT}"
PROJECT = f"Hub {IMAGE} {BOLD}"
OTHER_PROJECT = f"{HEADING} {LINK}"
ORGANIZATION = f"{SCRIPT} Works"
WIN = f"{SCRIPT} first hire {BOLD}"
OTHER_WIN = f"{HEADING} win {MATH} {COLOUR}"
PROMISE = f"Call {LINK} {MATH}"
RESULT = f"{HEADING} learned {COLOUR}"
URL = "https://example.org"
# people lists split on , ; / & and "and": these names hold none of them
PEOPLE = [IMAGE, BOLD, HEADING, MATH, COLOUR, LINK]
MASKED_SCRIPT = "<script>[someone].__[someone]=1</script>"
MASKED_COLLABORATION = f"Valley {MASKED_SCRIPT}"

# page path → payloads that must show as text (besides the collaboration and project, which the
# sidebar filters show on every page); tables drawn by st.dataframe are a canvas, not text
PAGES = {
    "": [],
    "Momentum": [WIN, OTHER_WIN, COLOUR],
    **dict.fromkeys(MOMENTUM_SECTIONS, []),
    "Participation": [],
    **dict.fromkeys(PARTICIPATION_SECTIONS, []),
    "Network": [],
    **dict.fromkeys(NETWORK_SECTIONS, []),  # each section of the page built only when opened
    "Regions": [],
    **dict.fromkeys(REGIONS_SECTIONS, []),
    "Data_health": [],
    "Log_a_win": [],
    # names masked in the report (names off): in wins, highlighted projects and collaboration
    # names — the project's two "names" are people's, and "window" and "pwned" are words of
    # the person named IMAGE, so the collaboration's script shows, as text, with them masked
    "Impact_report": [],
    section("Impact_report", "Collaborations"): [MASKED_COLLABORATION],
    section("Impact_report", "Highlighted wins"): [
        MASKED_COLLABORATION,
        "Hub [someone] [someone]",
        f"{MASKED_SCRIPT} first hire",
    ],
    "Agenda": [PROMISE, RESULT, WIN, BOLD, HEADING],
}
# elements Markdown would make from the payloads; the app's own text makes none of these
MADE_FROM_DATA = """() => {
    const texts = (selector) => [...document.querySelectorAll(selector)].map((e) => e.textContent);
    return {
        strong: texts("strong, b").filter((t) => t.trim() === "bold"),
        headings: texts("h1, h2, h3, h4, h5, h6").filter((t) => t.trim().startsWith("Heading")),
        links: texts("a[href^='javascript' i], a[href*='pwned']:not([href^='#'])"),
        images: texts("img[src='x'], img[onerror]"),
        scripts: texts("script").filter((t) => t.includes("__pwned")),
        maths: texts(".katex, math"),
        colours: texts(".stMarkdownColoredText, .stMarkdownColoredBackground"),
        pwned: typeof window.__pwned,
    };
}"""


def _workbook() -> dict[str, list[list[object]]]:
    return {
        "Collaborations": [["Collaboration", "Region"], [COLLABORATION, f"{BOLD} North"]],
        "People": [["Name", "Organization", "Sector", "Collaboration"]]
        + [[name, ORGANIZATION, "business", COLLABORATION] for name in PEOPLE],
        "Projects": [
            ["Project", "Collaboration", "Status", "Started"],
            [PROJECT, COLLABORATION, "active", "2024-01-02"],
            [OTHER_PROJECT, COLLABORATION, "active", "2024-01-02"],
        ],
        "Commitments": [
            ["Person", "Commitment", "Project", "Made", "Due", "Status", "Done", "Result"],
            [BOLD, PROMISE, PROJECT, "2024-03-01", "2024-03-20", "done", "2024-03-15", RESULT],
            [HEADING, f"{BOLD} promise", PROJECT, "2024-03-05", "2024-03-25", "open", "", ""],
            [MATH, f"{COLOUR} soon", PROJECT, "2024-03-10", "2024-04-15", "open", "", ""],
            [IMAGE, LINK, PROJECT, "2024-03-02", "2024-03-28", "done", "2024-03-27", SCRIPT],
            [LINK, "Old task", OTHER_PROJECT, "2024-01-05", "2024-01-20", "done", "2024-01-19"],
            [":blue[Unlisted]", "Visit", PROJECT, "2024-03-03", "2024-03-30", "open", "", ""],
        ],
        "Wins": [
            ["Date", "Win", "Project", "People", "Category", "Size", "Evidence", "ID"],
            ["2024-03-10", WIN, PROJECT, f"{BOLD}, {HEADING}", COLOUR, "large", LINK, "w-1"],
            ["2024-03-20", OTHER_WIN, PROJECT, f"{MATH}; {COLOUR}", HEADING, "medium", URL, "w-2"],
            ["2024-02-10", f"{IMAGE} hired", OTHER_PROJECT, IMAGE, "", "small", SCRIPT, "w-3"],
            [SCRIPT, "A win with a bad date", PROJECT, BOLD, "", "", "", "w-4"],
        ],
        "Meetings": [
            ["Date", "Project", "Collaboration", "Attendees"],
            ["2024-02-28", PROJECT, COLLABORATION, f"{BOLD}, {HEADING}, {MATH}"],
        ],
    }


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from dashboard.sources.local import write_xlsx

    folder = tmp_path_factory.mktemp("payloads")
    workbook = folder / "payloads.xlsx"
    write_xlsx(workbook, _workbook())
    config = folder / "smallwins.toml"
    config.write_text(f'[[sources]]\nname = "team"\nlocation = "{workbook}"\nwritable = true\n')
    with pytest.MonkeyPatch.context() as patch:  # snapshots never in the user's cache folder
        patch.setenv("SMALLWINS_CACHE_DIR", tempfile.mkdtemp(prefix="smallwins-snapshots-"))
        running = Server(config)
    yield running
    running.stop()


def _query() -> str:
    return urllib.parse.urlencode(
        {
            "collaboration": COLLABORATION,
            "project": PROJECT,
            "from": "2024-01-01",
            "to": "2024-03-31",
        }
    )


def _assert_nothing_made_from_data(page: Page) -> None:
    made = page.evaluate(MADE_FROM_DATA)
    assert made.pop("pwned") == "undefined"
    assert made == {key: [] for key in made}, made


def _network_tooltip(page: Page) -> tuple[str, str]:
    """Hover over the graphs until vega-tooltip shows a person (every name is a payload). The
    page's first chart is the network's stage over the months; the drawings follow it."""
    tip = page.locator("#vg-tooltip-element.visible")
    charts = page.locator("[data-testid=stVegaLiteChart]")
    for index in range(charts.count()):
        chart = charts.nth(index)
        chart.scroll_into_view_if_needed()
        box = chart.bounding_box()
        if box is None:
            continue  # in a tab not shown
        for row in range(1, 16):
            for column in range(1, 24):
                page.mouse.move(
                    box["x"] + box["width"] * column / 24, box["y"] + box["height"] * row / 16
                )
                if tip.count() and any(name in tip.inner_text() for name in PEOPLE):
                    return tip.inner_html(), tip.inner_text()
    return "", ""


@pytest.mark.parametrize("path", list(PAGES))
def test_sheet_payloads_show_as_text(browser, server, path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(url(server.url, path, _query()))
        settle(page)
        assert page.locator("[data-testid=stException]").count() == 0
        # the chosen filters, as typed: waited for, as a widget's code may still be loading
        # when the run is over (on a busy machine the sidebar once read "Small Wins Filters")
        sidebar = page.locator("[data-testid=stSidebar]")
        for chosen in (COLLABORATION, PROJECT):
            expect(sidebar).to_contain_text(chosen, use_inner_text=True, timeout=CEILING_MS)
        _assert_nothing_made_from_data(page)
        main = page.locator("[data-testid=stMain]")
        for payload in PAGES[path]:
            expect(main).to_contain_text(payload, use_inner_text=True, timeout=CEILING_MS)
        if path == "Network":
            html, shown = _network_tooltip(page)  # vega-tooltip writes HTML, names escaped
            assert any(name in shown for name in PEOPLE), (html, shown)
            assert not any(tag in html for tag in ("<img", "<script", "<strong", "<a ")), html
            _assert_nothing_made_from_data(page)
        if path == "Log_a_win":
            form = page.locator("[data-testid=stForm]").first
            form.locator("[data-testid=stSelectbox]").filter(has_text="Project").click()
            options = page.get_by_role("option").all_inner_texts()
            assert PROJECT in options and OTHER_PROJECT in options
            page.keyboard.press("Escape")
            _assert_nothing_made_from_data(page)
    finally:
        page.close()
