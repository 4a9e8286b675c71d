"""Regenerate docs/digest-email.png: a digest email as a mail client shows it.

    python docs/digest_email.py

The River Valley team's monthly digest for September 2026 from the bundled demo workbook, its
HTML (the chart inlined as the email's ``cid:`` part would be) rendered in headless Chromium
(Debian's ``/usr/bin/chromium`` through Playwright, as the browser tests do).
"""

from __future__ import annotations

import base64
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from playwright.sync_api import sync_playwright  # noqa: E402

from dashboard.config import demo_settings  # noqa: E402
from dashboard.digest.content import compose  # noqa: E402
from dashboard.digest.period import last_complete  # noqa: E402
from dashboard.digest.render import chart_png, html_body  # noqa: E402
from dashboard.digest.setup import Channel, DigestSpec  # noqa: E402
from dashboard.loader import load  # noqa: E402
from tests.streamlit_server import ARGS, CHROMIUM  # noqa: E402

OUT = ROOT / "docs" / "digest-email.png"


def main() -> None:
    spec = DigestSpec(
        name="River Valley monthly",
        audience="team",
        every="month",
        channels=(Channel("email", "team@rivervalley.org"),),
        collaborations=("River Valley Manufacturing Network",),
    )
    period = last_complete("month", dt.date(2026, 10, 5))
    digest = compose(load(demo_settings()), spec, period, "https://wins.example.org")
    image = "data:image/png;base64," + base64.b64encode(chart_png(digest)).decode("ascii")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 720, "height": 900})
        page.set_content(html_body(digest, image), wait_until="load")
        page.screenshot(path=str(OUT), full_page=True)
        browser.close()
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
