"""A long page's sections (``components.sections``): each opened by its link alone, the open one
the only one built, every heading of the page in exactly one section (the demo workbook)."""

from __future__ import annotations

import pytest

from dashboard.ui.components import SECTION_PARAM
from dashboard.ui.page import SECTIONS
from tests.ui.apptest import open_sections, open_view

PERIOD = {"from": "2026-06-01", "to": "2026-10-31"}
# what each of the Momentum page's sections shows, in order: its headings and charts
MOMENTUM = {
    "Wins": (["Wins per month, by category", "Wins per month, by project", "Latest wins"], 2),
    "Wins and the network": (["Are wins growing with the network?", "Wins to date"], 2),
    "Commitments": (["Commitments made, kept and missed", "Follow-through over time"], 2),
    "Overdue and due soon": (["Overdue", "Due in the next 30 days"], 0),
    "Stalled projects": (["Stalled projects"], 0),
}


@pytest.mark.parametrize("page", list(SECTIONS))
def test_each_section_opens_alone_by_its_link(page):
    apps = open_sections(page, PERIOD)
    for app, label in zip(apps, SECTIONS[page], strict=True):
        assert [t.label for t in app.tabs] == list(SECTIONS[page])
        assert app.session_state[SECTION_PARAM] == label
    each = [[s.value for s in app.subheader] for app in apps]
    above = set.intersection(*map(set, each))  # the page's own, above its sections (a title)
    headings = [h for found in each for h in found if h not in above]
    assert len(headings) == len(set(headings)), each  # no section builds another's part


def test_the_momentum_sections_hold_the_page():
    apps = open_sections("pages/1_Momentum.py", PERIOD)
    for app, (label, (headings, charts)) in zip(apps, MOMENTUM.items(), strict=True):
        assert [s.value for s in app.subheader] == headings, label
        assert len(app.get("vega_lite_chart")) == charts, label
    wins, _, commitments, due, _ = apps
    assert wins.table and "Win" in wins.table[0].value.columns  # the latest wins, as text
    assert any(c.value.startswith("Learning: ") for c in commitments.caption)
    assert len(due.table) == 2  # the overdue and the due soon, first rows of each


def test_another_page_opens_at_its_own_first_section_and_back_is_where_it_was():
    # the key is the same on every page (``section``): a label of one page never leaks into
    # another's tabs, which open at their first, and the page left keeps its open section
    app = open_view("pages/3_Network.py", "Hub or mesh", PERIOD)
    app.switch_page("pages/1_Momentum.py").run()
    assert not app.exception and not app.warning
    assert [s.value for s in app.subheader][0] == "Wins per month, by category"
    assert SECTION_PARAM not in app.query_params
    app.switch_page("pages/3_Network.py").run()
    assert not app.exception
    assert [s.value for s in app.subheader] == ["Hub or mesh?", "Where it would tear"]
