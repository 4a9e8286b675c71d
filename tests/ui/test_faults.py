"""The app when Google fails: the last good snapshot with a banner saying what failed and as of
when, never an error page. Faults come from the Sheets API test double, read by the real gspread
client in the app's background reads."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.ui import data
from tests.fixtures import GOOGLE_FAULTS as FAULTS
from tests.fixtures import RIVER_VALLEY_KEY as KEY
from tests.fixtures import river_valley
from tests.ui.apptest import open_page, rendered
from tests.waiting import CEILING_SECONDS


@pytest.fixture
def app_on_google(google, tmp_path, monkeypatch):
    config = tmp_path / "smallwins.toml"
    config.write_text(
        f'[app]\ntimeout_seconds = 1\n\n[[sources]]\nlocation = "{KEY}"\nname = "River Valley"\n'
    )
    monkeypatch.setenv("SMALLWINS_CONFIG", str(config))
    monkeypatch.chdir(tmp_path)
    google.add_spreadsheet(KEY, river_valley(), title="River Valley book")
    return google


def _run(page: str = "app.py") -> AppTest:
    """The page after Google was read again (as when the TTL runs out, or *Refresh data*): the
    read runs in the background, so wait for it to land, as the page's own rerun would."""
    data.refresh()
    assert data.wait(CEILING_SECONDS)
    return open_page(page, {"to": "2024-12-31"})


def _text(markdown: str) -> str:
    """Markdown as a reader sees it: escapes undone, bold marks dropped."""
    return rendered(markdown).replace("**", "")


def _tiles(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


@pytest.mark.slow
@pytest.mark.parametrize("fault", list(FAULTS))
def test_each_fault_shows_the_snapshot_and_says_what_failed(app_on_google, quick_retries, fault):
    good = _run()
    assert not good.warning and not good.error
    (source_line,) = [c.value for c in good.caption if c.value.startswith("Data from")]
    read_at = _text(source_line).split(" · read ")[-1]  # "YYYY-MM-DD HH:MM UTC"
    inject, reason = FAULTS[fault]
    inject(app_on_google)()
    served = _run()
    (banner,) = [_text(w.value) for w in served.warning]
    assert "River Valley could not be read live" in banner
    assert reason in banner
    assert f"as of {read_at}" in banner
    assert not served.error
    assert _tiles(served) == _tiles(good)  # the snapshot's figures


def test_data_health_names_the_snapshot_and_google_back_replaces_it(app_on_google, quick_retries):
    _run()
    app_on_google.fail_next(503, times=50)
    health = _run("pages/5_Data_health.py")
    listing = _text(" ".join(m.value for m in health.markdown))
    assert "last good snapshot" in listing and "answered 503" in listing
    app_on_google.heal()
    sheets = river_valley()
    sheets["Wins"].append([45410, "Second grant", "Ann Lee"])
    app_on_google.add_spreadsheet(KEY, sheets)
    fresh = _run("pages/5_Data_health.py")
    assert not fresh.warning
    assert "last good snapshot" not in _text(" ".join(m.value for m in fresh.markdown))


def test_no_snapshot_and_google_down_is_an_error_message_not_a_crash(app_on_google, quick_retries):
    app_on_google.fail_next(500, times=50)
    app = _run()
    assert any("answered 500" in _text(e.value) for e in app.error)
