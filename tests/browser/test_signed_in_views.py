"""Signed in through a real OpenID Connect sign-in, in headless Chromium (issue 21, findings 1
and 2): what the server sends a team member's and a funder's browser.

Tables are drawn on a canvas, so the page's text cannot be searched: every websocket frame the
browser receives is (Streamlit's protobuf, with each table as Arrow), and a value sent in any of
them is a value sent to the browser.

1. A River Valley member's Data health receives River Valley's problems, and none of Lakeside's
   rows, of skipped rows, or of rows that name no collaboration (tests/ui/test_team_data_health).
2. A funder's Momentum and Impact report pages receive no known name in any spelling the masker
   must catch (tests/privacy/test_hidden_names).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import Page

from dashboard.sources.local import write_xlsx
from tests.browser.helpers import settle, url
from tests.oidc_provider import OIDCProvider
from tests.privacy.helpers import hostile_workbook, leaks
from tests.streamlit_server import StreamlitServer, free_port
from tests.ui.helpers import FOREIGN, two_collaborations_workbook

pytestmark = pytest.mark.browser


def _workbook() -> dict[str, list[list[object]]]:
    """The two-collaboration workbook, with the hostile-name wins added to River Valley."""
    sheets = two_collaborations_workbook()
    names = hostile_workbook()
    sheets["People"] += [row for row in names["People"][1:] if row[0] != "Ann Lee"]
    sheets["Wins"] += [[*row[:2], "Garden", *row[3:4]] for row in names["Wins"][1:]]
    return sheets


@pytest.fixture(scope="module")
def signed_in_app():
    folder = Path(tempfile.mkdtemp(prefix="smallwins-signin-"))
    write_xlsx(folder / "two.xlsx", _workbook())
    config = folder / "smallwins.toml"
    config.write_text(
        f'[[sources]]\nlocation = "{folder / "two.xlsx"}"\nname = "Shared"\n\n'
        '[access]\ncoordinators = ["ana@region.org"]\nfunders = ["foundation.org"]\n'
        '[access.teams]\n"River Valley" = ["rivervalley.org"]\n"Lakeside" = ["lake.org"]\n'
    )
    home = folder / "home"
    (home / ".streamlit").mkdir(parents=True)
    with OIDCProvider() as provider:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        (home / ".streamlit" / "secrets.toml").write_text(
            provider.secrets_toml(url)
            + '\n[privacy]\npseudonym_secret = "a browser-test secret of more than 32 bytes"\n'
        )
        env = {k: v for k, v in os.environ.items() if k != "SMALLWINS_CONFIG"}
        env.update(
            SMALLWINS_CONFIG=str(config),
            SMALLWINS_CACHE_DIR=str(folder / "cache"),
            HOME=str(home),  # ~/.streamlit/secrets.toml: the [auth] of this provider
        )
        server = StreamlitServer(env, port=port)
        try:
            yield provider, server
        finally:
            server.stop()


def _signed_in(browser, provider: OIDCProvider, server, email: str) -> tuple[Page, list[bytes]]:
    """A new browser context signed in as ``email``, and the frames it has received."""
    provider.sign_in_as(email)
    context = browser.new_context()
    page = context.new_page()
    frames: list[bytes] = []

    def listen(socket) -> None:
        socket.on(
            "framereceived",
            lambda payload: frames.append(
                payload if isinstance(payload, bytes) else payload.encode("utf-8")
            ),
        )

    page.on("websocket", listen)
    page.goto(server.url)
    page.get_by_role("button", name="Sign in").click(timeout=60_000)
    page.wait_for_selector("text=Signed in as", timeout=90_000)
    return page, frames


def _open(page: Page, frames: list[bytes], path: str) -> str:
    frames.clear()
    page.goto(path)
    page.wait_for_selector("text=Signed in as", timeout=90_000)
    settle(page)
    return b"\n".join(frames).decode("utf-8", errors="replace")


def test_a_team_member_browser_receives_only_their_rows_problems(browser, signed_in_app):
    provider, server = signed_in_app
    page, frames = _signed_in(browser, provider, server, "joe@rivervalley.org")
    received = _open(page, frames, f"{server.url}/Data_health")
    assert "rv.typo(at)mail" in received and "not-a-date-rv" in received
    assert not [value for value in FOREIGN if value in received]
    page.context.close()


@pytest.mark.parametrize("path", ["Momentum", "Impact_report?section=Highlighted+wins"])
def test_a_funder_browser_receives_no_name(browser, signed_in_app, path):
    provider, server = signed_in_app
    page, frames = _signed_in(browser, provider, server, "po@foundation.org")
    received = _open(page, frames, url(server.url, path, "from=2024-03-01&to=2024-03-31"))
    assert "workshop" in received or "kickoff" in received  # the wins were sent
    assert not leaks(received)
    page.context.close()
