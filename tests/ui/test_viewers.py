"""For viewers, not developers (issue 20, points 8 and 9): no Deploy button, the banner's "see
the README" is a link that works where the app runs, no path of the server's disk on a page, and
every chart has a text alternative written under it."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from dashboard.config import demo_settings
from dashboard.ui.banner import README_URL
from tests.ui.apptest import ROOT, open_page, rendered


def _texts(app) -> list[str]:
    kinds = ("markdown", "caption", "info", "success", "warning", "error", "subheader", "title")
    return [rendered(str(element.value)) for kind in kinds for element in getattr(app, kind)]


def test_the_toolbar_is_a_viewers_and_the_readme_is_served_by_the_app():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["toolbarMode"] == "viewer"  # no Deploy button, no developer menu
    assert config["server"]["enableStaticServing"] is True
    # Streamlit serves static/ at app/static/: the link is the app's own README
    assert README_URL == "app/static/README.md"
    served = ROOT / "static" / "README.md"
    assert served.resolve() == (ROOT / "README.md").resolve()
    assert "## Connect a Google Sheet" in served.read_text(encoding="utf-8")


def test_the_demo_banner_links_to_the_readme(monkeypatch):
    monkeypatch.delenv("SMALLWINS_CONFIG", raising=False)
    app = open_page("app.py")
    (banner,) = [i.value for i in app.info if "demo workbook" in i.value]
    assert f"[“Connect a Google Sheet”]({README_URL})" in banner


def test_data_health_names_the_demo_file_not_its_path(monkeypatch):
    monkeypatch.delenv("SMALLWINS_CONFIG", raising=False)
    location = Path(demo_settings().sources[0].location)
    assert location.is_absolute()  # what the page showed before
    app = open_page("pages/5_Data_health.py")
    texts = _texts(app)
    assert "- **demo** — demo.xlsx — read " in "\n".join(texts)
    assert not [t for t in texts if str(location.parent) in t]
    assert not [t for t in texts if str(ROOT) in t]


def test_every_chart_has_its_text_alternative_under_it(monkeypatch):
    """The Overview's momentum chart on the demo (period to 31 October 2026): its caption says
    its months and October's wins and kept commitments (the demo series' last row: 15 and 33,
    as the metrics compute them — tests/charts/test_describe.py checks the wording by hand)."""
    monkeypatch.delenv("SMALLWINS_CONFIG", raising=False)
    app = open_page("app.py", {"from": "2025-11-01", "to": "2026-10-31"})
    charts = app.get("vega_lite_chart")
    assert len(charts) == 1
    captions = [rendered(c.value) for c in app.caption if c.value.startswith("Monthly")]
    text = "Monthly, November 2025 to October 2026. October 2026: Wins 15, Commitments kept 33."
    assert captions == [text]
    assert charts[0].proto.alt == text  # the chart's accessible name
    # said once, as ``alt`` (the browser makes it Vega's description: tests/browser/test_axe.py);
    # in the spec too, Streamlit logged a warning with a stack for every chart of every run
    assert "description" not in json.loads(charts[0].proto.spec)
