"""Sign-in and roles through AppTest: a funder never receives a personal name or email on any
page (tables and chart data included), a team member sees only their collaboration, a stranger
and a signed-out visitor see no data, and without sign-in the app runs open and says so.

The demo workbook is the data: 99 listed people, whose names and emails are searched for in
everything each page sends to the browser.
"""

from __future__ import annotations

import re
import shutil

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.config import demo_path, demo_settings
from dashboard.loader import load
from dashboard.ui import page as page_module
from tests.ui.apptest import open_page

PAGES = [path for path, _ in page_module.PAGES]
TEAM = "High Plains Rural Health"
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "test-cookie-secret",
    "client_id": "client",
    "client_secret": "secret",
    "server_metadata_url": "https://accounts.example.org/.well-known/openid-configuration",
}


@pytest.fixture
def roles(tmp_path, monkeypatch):
    config = tmp_path / "smallwins.toml"
    config.write_text(
        f'[[sources]]\nlocation = "{demo_path()}"\nname = "demo"\n\n'
        '[access]\ncoordinators = ["ana@region.org"]\nfunders = ["@foundation.org"]\n'
        f'[access.teams]\n"{TEAM}" = ["highplains.org"]\n'
    )
    monkeypatch.setenv("SMALLWINS_CONFIG", str(config))
    monkeypatch.chdir(tmp_path)


def _open(page: str, email: str | None, signed_in: bool = True) -> AppTest:
    user = {"is_logged_in": signed_in, **({"email": email} if email else {})}
    return open_page(page, {"to": "2026-10-31"}, user=user, secrets={"auth": AUTH})


def _arrow_text(data: bytes) -> str:
    try:
        return pa.ipc.open_stream(data).read_all().to_pandas().to_csv()
    except (pa.ArrowInvalid, OSError):
        return data.decode("utf-8", errors="replace")


def _strings(message) -> list[str]:
    """Every string and byte payload of a protobuf message, Arrow tables decoded to CSV."""
    found = []
    for field, value in message.ListFields():
        repeated = getattr(field, "is_repeated", None)
        repeated = repeated if repeated is not None else field.label == field.LABEL_REPEATED
        values = value if repeated else [value]
        for item in values:
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, bytes):
                found.append(_arrow_text(item))
            elif hasattr(item, "ListFields"):
                found.extend(_strings(item))
    return found


def sent_to_browser(app: AppTest) -> str:
    """Everything the run sent to the browser, as text."""
    texts, stack = [], [app._tree]
    while stack:
        node = stack.pop()
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ListFields"):
            texts.extend(_strings(proto))
        value = getattr(node, "value", None) if type(node).__name__ == "Dataframe" else None
        if isinstance(value, pd.DataFrame):
            texts.append(value.to_csv())
        stack.extend(getattr(node, "children", {}).values())
    return "\n".join(texts)


def _personal() -> list[re.Pattern]:
    """Full names and emails in any case; each part of a name of 4 letters or more as written
    (capitalised), since "mark" and "vega" are also words of every Vega-Lite chart spec."""
    people = load(demo_settings()).people
    people = people[people["listed"]]
    whole = set(people["email"].dropna()) | set(people["name"].dropna())
    parts = {
        part
        for name in people["name"].dropna()
        for part in re.split(r"[\s\-']+", name)
        if len(part) >= 4
    }
    return [
        *(re.compile(rf"(?<!\w){re.escape(w)}(?!\w)", re.IGNORECASE) for w in sorted(whole)),
        *(re.compile(rf"(?<!\w){re.escape(w)}(?!\w)") for w in sorted(parts)),
    ]


PERSONAL = _personal()


@pytest.mark.parametrize("page", PAGES)
def test_a_funder_never_receives_a_personal_name_or_email(roles, page):
    app = _open(page, "program.officer@foundation.org")
    sent = sent_to_browser(app)
    assert "Valley" in sent  # the page drew the data (collaborations are not personal)
    if page in ("pages/2_Participation.py", "pages/3_Network.py", "pages/8_Agenda.py"):
        assert "Person " in sent  # people are there, by pseudonym
    leaks = sorted({p.pattern for p in PERSONAL if p.search(sent)})
    assert not leaks


def test_the_same_pages_show_names_to_a_coordinator(roles):
    """The search above can fail: a coordinator's Participation page does hold names."""
    sent = sent_to_browser(_open("pages/2_Participation.py", "Ana@Region.org"))
    assert sum(bool(p.search(sent)) for p in PERSONAL) > 20


def test_a_funder_cannot_log_a_win(roles):
    app = _open("pages/6_Log_a_win.py", "program.officer@foundation.org")
    assert any("read-only" in info.value for info in app.info)
    assert not app.text_input and not app.get("form")
    assert not any("Log_a_win" in link.proto.page for link in app.sidebar.get("page_link"))


def test_a_team_member_sees_only_their_collaboration(roles):
    app = _open("pages/4_Regions.py", "nurse@highplains.org")
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


def test_a_team_member_logs_wins_only_for_their_own_projects(tmp_path, monkeypatch):
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
    projects = load(demo_settings()).projects
    theirs = sorted(projects.loc[projects["collaboration"] == TEAM, "project"])
    (win_project, _) = [s for s in app.selectbox if s.label == "Project"]
    assert sorted(win_project.options) == theirs and len(theirs) < len(projects)
    people = [m for m in app.multiselect if m.label == "People"][0].options
    assert "Dana Kowalski" not in people  # River Valley's coordinator
