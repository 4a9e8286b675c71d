"""Opening a page as a visitor would: the app's entry point first, then the page, through
Streamlit's AppTest (a page's URL opened first runs the same way: app.py sets up navigation)."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard.ui.page import SECTIONS

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


def views(pages: list[str]) -> list[tuple[str, str | None]]:
    """Each page with each of its sections (``page.SECTIONS``; ``None``: a page of one): a test
    of what every page shows visits every section, since only the open one is built."""
    return [(p, s) for p in pages for s in SECTIONS.get(p, (None,))]


def open_view(page: str, section: str | None, params: dict | None = None, **kw) -> AppTest:
    """``open_page`` with the page's ``section`` open (through the URL, as a link would)."""
    return open_page(page, {**(params or {}), **({"section": section} if section else {})}, **kw)


def open_sections(page: str, params: dict | None = None, **kw) -> list[AppTest]:
    """The page opened once for each of its sections (once for a page of one)."""
    return [open_view(page, section, params, **kw) for section in SECTIONS.get(page, (None,))]
