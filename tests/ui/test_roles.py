"""Sign-in and roles through AppTest: a funder never receives a personal name or email on any
page (tables and chart data included), a team member sees only their collaboration, a stranger
and a signed-out visitor see no data, and without sign-in the app runs open and says so.

The demo workbook is the data: 99 listed people, whose names and emails are searched for in
everything each page sends to the browser.
"""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.config import demo_path
from dashboard.sources.local import write_xlsx
from dashboard.ui import page as page_module
from tests.fixtures import river_valley
from tests.ui.apptest import open_page, open_sections, open_view
from tests.ui.helpers import AUTH, TEAM, sent_to_browser

PAGES = [path for path, _ in page_module.PAGES]


# the pages that list people, and the section that does (None: the page as it opens)
LISTING_PEOPLE = {
    "pages/2_Participation.py": "People",
    "pages/3_Network.py": None,
    "pages/8_Agenda.py": None,
}


def _open(
    page: str, email: str | None, signed_in: bool = True, section: str | None = None
) -> AppTest:
    user = {"is_logged_in": signed_in, **({"email": email} if email else {})}
    return open_view(page, section, {"to": "2026-10-31"}, user=user, secrets={"auth": AUTH})


@pytest.mark.parametrize("page", PAGES)
def test_a_funder_never_receives_a_personal_name_or_email(roles, personal, page):
    app = _open(page, "program.officer@foundation.org", section=LISTING_PEOPLE.get(page))
    sent = sent_to_browser(app)
    assert "Valley" in sent  # the page drew the data (collaborations are not personal)
    if page in LISTING_PEOPLE:
        assert "Person " in sent  # people are there, by pseudonym
    leaks = sorted({p.pattern for p in personal if p.search(sent)})
    assert not leaks


def test_the_same_pages_show_names_to_a_coordinator(roles, personal):
    """The search above can fail: a coordinator's Participation page does hold names."""
    sent = sent_to_browser(_open("pages/2_Participation.py", "Ana@Region.org", section="People"))
    assert sum(bool(p.search(sent)) for p in personal) > 20


def test_a_funder_cannot_log_a_win(roles):
    app = _open("pages/6_Log_a_win.py", "program.officer@foundation.org")
    assert any("read-only" in info.value for info in app.info)
    assert not app.text_input and not app.get("form")
    assert not any("Log_a_win" in link.proto.page for link in app.sidebar.get("page_link"))


def test_a_team_member_sees_only_their_collaboration(roles):
    nurse = {"is_logged_in": True, "email": "nurse@highplains.org"}
    apps = open_sections(
        "pages/4_Regions.py", {"to": "2026-10-31"}, user=nurse, secrets={"auth": AUTH}
    )
    for app in apps:  # each of the page's sections: the charts, the table
        (collaborations,) = [m for m in app.multiselect if m.label.startswith("Collaboration")]
        assert collaborations.options == [TEAM]
        sent = sent_to_browser(app)
        assert TEAM in sent
        for other in ("Coastal Food Systems Alliance", "Northern Tech Corridor"):
            assert other not in sent
    health = sent_to_browser(_open("pages/5_Data_health.py", "nurse@highplains.org"))
    assert f"only {TEAM}" in health


def test_signed_out_visitors_see_the_sign_in_button_and_no_data(roles):
    app = _open("app.py", None, signed_in=False)
    assert [b.label for b in app.button] == ["Sign in"]
    assert not app.metric and not app.get("arrow_vega_lite_chart")


def test_an_account_without_a_role_sees_no_data(roles):
    app = _open("app.py", "someone@elsewhere.com")
    assert any("has no access" in w.value for w in app.warning)
    assert not app.metric


def test_without_sign_in_the_app_runs_open_and_says_so(roles):
    app = open_page("pages/5_Data_health.py")
    assert any("Sign-in is off" in caption.value for caption in app.caption)
    assert app.get("page_link")  # every page offered, Log a win included


def test_a_team_member_logs_wins_only_for_their_own_projects(tmp_path, monkeypatch, demo_dataset):
    workbook = tmp_path / "book.xlsx"
    shutil.copy(demo_path(), workbook)
    config = tmp_path / "smallwins.toml"
    config.write_text(
        f'[[sources]]\nlocation = "{workbook}"\nname = "shared"\nwritable = true\n\n'
        f'[access.teams]\n"{TEAM}" = ["highplains.org"]\n'
    )
    monkeypatch.setenv("SMALLWINS_CONFIG", str(config))
    monkeypatch.chdir(tmp_path)
    app = _open("pages/6_Log_a_win.py", "nurse@highplains.org")
    projects = demo_dataset.projects
    theirs = sorted(projects.loc[projects["collaboration"] == TEAM, "project"])
    (win_project, _) = [s for s in app.selectbox if s.label == "Project"]
    assert sorted(win_project.options) == theirs and len(theirs) < len(projects)
    people = [m for m in app.multiselect if m.label == "People"][0].options
    assert "Dana Kowalski" not in people  # River Valley's coordinator


def test_a_team_member_sees_only_their_own_sheet_when_writing_is_off(tmp_path, monkeypatch):
    """Two sheets, neither writable: the other collaboration's (its name a person's) is not
    named to the team member, and neither is where the configuration or a sheet lies on the
    server's disk — switching writing on is for whoever runs the app."""
    other = tmp_path / "lakeside-bob-smith-private.xlsx"
    ours = tmp_path / "shared.xlsx"
    write_xlsx(other, river_valley())  # River Valley's projects alone: none of the team's
    shutil.copy(demo_path(), ours)
    config = tmp_path / "smallwins.toml"
    config.write_text(
        f'[[sources]]\nlocation = "{other}"\nname = "Bob Smith\'s Lakeside sheet"\n'
        f'collaboration = "Lakeside"\n\n'
        f'[[sources]]\nlocation = "{ours}"\nname = "shared"\n\n'
        f'[access]\ncoordinators = ["ana@region.org"]\n\n'
        f'[access.teams]\n"{TEAM}" = ["highplains.org"]\n'
    )
    monkeypatch.setenv("SMALLWINS_CONFIG", str(config))
    monkeypatch.chdir(tmp_path)
    app = _open("pages/6_Log_a_win.py", "nurse@highplains.org")
    sent = sent_to_browser(app)
    (info,) = [i.value for i in app.info if "Writing from the app is off" in i.value]
    assert "for shared" in info and "coordinator" in info
    assert "Bob Smith" not in sent and "Lakeside" not in sent
    assert str(tmp_path) not in sent and "smallwins.toml" not in sent
    assert not app.code  # no [[sources]] entry to paste
    coordinator = _open("pages/6_Log_a_win.py", "ana@region.org")
    (info,) = [i.value for i in coordinator.info if "Writing is off" in i.value]
    assert "Bob Smith" in info and str(config) in info  # whoever runs the app is told how
