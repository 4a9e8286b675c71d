"""Opening a page as a visitor would: the app's entry point first, then the page, through
Streamlit's AppTest (a page's URL opened first runs the same way: app.py sets up navigation)."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
WORD_JOINER = "\u2060"


def rendered(escaped: str) -> str:
    """The text a Markdown renderer shows for text escaped by ``components.plain``: backslash
    escapes and the two character references ``plain`` writes, undone."""
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", escaped)
    return text.replace("&#58;", ":").replace("&#8288;", WORD_JOINER)


def open_page(
    page: str = "app.py",
    params: dict | None = None,
    *,
    user: dict | None = None,
    secrets: dict | None = None,
) -> AppTest:
    """Run ``page`` with URL query ``params``, ``st.user`` = ``user`` and extra ``secrets``;
    fail on any exception the run raised."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    for key, value in (params or {}).items():
        app.query_params[key] = value
    for key, value in (secrets or {}).items():
        app.secrets[key] = value
    if user is not None:
        app.user = user
    app.run()
    if page != "app.py":
        app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    return app
