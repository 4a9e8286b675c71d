"""The method's sections in a real headless Chromium, 1024 px wide: the Network page's weaving,
hub-or-mesh, organization network, follow-up and export (a file downloaded and read back), each
section opened by its tab; the Momentum page's sections and its wins against the network;
Participation's connectors and organizations; the 30/30 agenda's follow-up; the impact report's
story. One server for all (the pages are opened by URL; the first-visit case is
test_browser.py's).
"""

from __future__ import annotations

import networkx as nx
from playwright.sync_api import Page, expect

from tests.browser.helpers import CEILING_MS, SHOTS, settle, wait_for_charts

WIDTH = 1024
PERIOD = "from=2026-06-01&to=2026-10-31"


def _open(browser, server, path: str) -> Page:
    page = browser.new_page(viewport={"width": WIDTH, "height": 900}, accept_downloads=True)
    page.goto(f"{server.url}/{path}")
    settle(page)
    assert page.locator("[data-testid=stException]").count() == 0
    return page


def _fits(page: Page) -> None:
    """Nothing wider than the window: no chart makes the page scroll sideways at 1024 px."""
    for chart in page.locator("[data-testid=stVegaLiteChart]").all():
        if chart.is_visible():
            box = chart.bounding_box()
            assert box and box["x"] + box["width"] <= WIDTH + 1


def _section_text(page: Page, heading: str) -> str:
    return page.get_by_role("heading", name=heading).first.inner_text()


def _open_section(page: Page, label: str) -> None:
    """A section of the page opened as a viewer does: its tab clicked, the run that builds it
    over."""
    page.get_by_role("tab", name=label, exact=True).click()
    expect(page.get_by_role("tab", name=label, exact=True)).to_have_attribute(
        "aria-selected", "true", timeout=CEILING_MS
    )
    settle(page)
    assert page.locator("[data-testid=stException]").count() == 0


def test_network_sections(browser, server):
    page = _open(browser, server, f"Network?{PERIOD}")
    # opened: the figures and the people's drawing; the other sections are built when opened
    assert wait_for_charts(page, 1) == 1
    assert page.get_by_role("heading", name="Is the network weaving?").count() == 0
    for label, headings, charts in (
        ("Organizations", (), 1),
        ("Where it stands", ("Where the network stands", "Core and periphery, month by month"), 2),
        ("Growth and weaving", ("Growth", "Is the network weaving?", "Weavers"), 6),
        ("Hub or mesh", ("Hub or mesh?", "Where it would tear"), 1),
        (
            "Introductions",
            ("Suggested introductions", "Did the suggested introductions happen?"),
            0,
        ),
        ("Export", ("Export the network",), 0),
    ):
        _open_section(page, label)
        assert f"section={label.replace(' ', '+')}" in page.url  # a copied link opens it
        for heading in headings:
            assert _section_text(page, heading) == heading
        assert wait_for_charts(page, charts) == charts, label
        _fits(page)
        if label == "Organizations":
            page.get_by_text("Organizations are linked when their people are").wait_for(
                timeout=CEILING_MS
            )
            drawn = page.locator("[data-testid=stVegaLiteChart] canvas").first
            drawn.wait_for(state="attached", timeout=CEILING_MS)
            assert drawn.bounding_box()["width"] > 300
        if label == "Introductions":
            assert page.get_by_text("introductions suggested on 31 May 2026").count() == 1
        page.screenshot(path=str(SHOTS / f"Network-{label.replace(' ', '-')}-1024.png"))
    _open_section(page, "People")  # back to the first: the link names no section
    assert "section=" not in page.url
    assert wait_for_charts(page, 1) == 1
    page.close()


def test_the_network_downloads_as_graphml(browser, server, tmp_path):
    page = _open(browser, server, f"Network?section=Export&{PERIOD}")
    button = page.get_by_role("button", name="Download GRAPHML")
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=CEILING_MS) as download:
        button.click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    assert target.name == "network-people-2026-10-31.graphml"
    g = nx.read_graphml(target)
    assert g.number_of_nodes() == 101 and g.number_of_edges() == 892  # the page's tiles
    page.close()


def test_momentum_shows_wins_against_the_network(browser, server):
    page = _open(browser, server, "Momentum?to=2026-10-31")
    assert wait_for_charts(page, 2) == 2  # the wins by category and by project
    assert page.get_by_text("Latest wins").count() == 1
    _open_section(page, "Wins and the network")
    assert _section_text(page, "Are wins growing with the network?")
    assert wait_for_charts(page, 2) == 2
    _fits(page)
    _open_section(page, "Commitments")
    assert wait_for_charts(page, 2) == 2
    assert page.get_by_text("Learning:").count() == 1
    _fits(page)
    _open_section(page, "Overdue and due soon")
    # 18 commitments overdue on 31 October 2026 (`summary`'s `overdue`): the 15 most overdue
    # listed, the other 3 sent only when their expander is opened
    listed = page.locator(
        "xpath=//h3[starts-with(normalize-space(.), 'Overdue')]"
        "/following::*[@data-testid='stTable'][1]"
    )
    assert listed.locator("tbody tr").count() == 15
    rest = page.locator("[data-testid=stExpander]", has_text="The other 3 overdue commitments")
    assert rest.count() == 1
    assert rest.locator("[data-testid=stTable]").count() == 0
    rest.get_by_text("The other 3 overdue commitments").click()
    rest.locator("[data-testid=stTable]").wait_for(timeout=CEILING_MS)
    settle(page)
    assert rest.locator("[data-testid=stTable] tbody tr").count() == 3
    page.close()


def test_participation_lists_people_connectors_and_organizations(browser, server):
    page = _open(browser, server, "Participation?to=2026-10-31")
    grids = page.locator("[data-testid=stDataFrame]")
    assert grids.count() == 0  # the charts: each table is built when its section is opened
    for label in ("People", "Connectors", "Organizations"):
        _open_section(page, label)
        assert _section_text(page, label) == label
        grids.first.wait_for(timeout=CEILING_MS)
        assert grids.count() == 1  # the open section's table only
    page.close()


def test_the_agenda_follows_up_the_last_meetings_introductions(browser, server):
    page = _open(browser, server, "Agenda?to=2026-10-31")
    assert page.get_by_text("Suggested at the last meeting: made or still open").count() == 1
    page.close()


def test_the_agenda_downloads_are_made_when_clicked(browser, server, tmp_path):
    # the files are built only on a click (not on every run of the page): each still arrives,
    # named for the meeting's day and whose agenda it is, holding the agenda shown
    page = _open(browser, server, "Agenda?to=2026-10-31")
    title = page.locator("[data-testid=stMainBlockContainer] h3").first.inner_text().strip()
    got = {}
    for label in ("Download Markdown", "Download PDF"):
        button = page.get_by_role("button", name=label)
        button.scroll_into_view_if_needed()
        with page.expect_download(timeout=CEILING_MS) as download:
            button.click()
        target = tmp_path / download.value.suggested_filename
        download.value.save_as(target)
        got[target.suffix] = target
    assert sorted(got) == [".md", ".pdf"]
    assert all(p.name.startswith("agenda-2026-10-31-") for p in got.values())
    assert title in got[".md"].read_text(encoding="utf-8")
    assert got[".pdf"].read_bytes().startswith(b"%PDF")
    page.close()


def test_the_impact_report_tells_the_networks_story(browser, server):
    page = _open(
        browser, server, "Impact_report?section=Collaborations&from=2025-11-01&to=2026-10-31"
    )
    # the demo's four collaborations: three tell the network's story in plain words, and High
    # Plains, with no win since 5 May 2026, says its work has stopped instead of any growth
    assert page.get_by_text("leadership concentration").count() >= 3
    assert page.get_by_text("degree centralization").count() == 0  # no jargon for a funder
    assert page.get_by_text("logged no small win in the last 60 days").count() >= 1
    page.close()


def test_the_impact_reports_files_hold_every_part_when_its_page_computed_the_figures_only(
    browser, server, tmp_path
):
    # the page opens on its Figures section, which computes the period's figures alone; a file
    # is the whole report, computed when its button is clicked (in Streamlit's own thread)
    page = _open(browser, server, "Impact_report?from=2025-11-01&to=2026-10-31")
    assert page.get_by_text("leadership concentration").count() == 0  # not on the page
    got = {}
    for label in ("Download HTML", "Download PDF"):
        button = page.get_by_role("button", name=label)
        with page.expect_download(timeout=CEILING_MS) as download:
            button.click()
        target = tmp_path / download.value.suggested_filename
        download.value.save_as(target)
        got[target.suffix] = target
    stem = "impact-report-2025-11-01-to-2026-10-31"
    assert sorted(p.name for p in got.values()) == [f"{stem}.html", f"{stem}.pdf"]
    html = got[".html"].read_text(encoding="utf-8")
    assert "Impact report, 1 November 2025 – 31 October 2026" in html
    assert "leadership concentration" in html  # the collaborations' paragraphs
    assert "logged no small win in the last 60 days" in html  # High Plains has stopped
    assert got[".pdf"].read_bytes().startswith(b"%PDF")
    page.close()
