"""What the browser tests share: one headless Chromium per module (``browser``), a
``streamlit run`` server on the demo (``server``; a module with its own data defines its own),
and where the screenshots are, said in the run's summary (pytest captures what a test prints)."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import sync_playwright

from dashboard.digest import sent_log
from dashboard.sources.local import write_xlsx
from tests.browser.helpers import SHOTS, Server
from tests.digest.conftest import digest_table, workbook, write_config
from tests.streamlit_server import ARGS, CHROMIUM


@pytest.fixture(scope="module")
def browser():
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def server():
    running = Server()
    yield running
    running.stop()


@pytest.fixture
def writable_workbook(tmp_path):
    """River Valley as a local workbook with writing on, and a server on it: (workbook, server)."""
    from dashboard.sources.local import write_xlsx
    from tests.fixtures import river_valley

    workbook = tmp_path / "rv.xlsx"
    write_xlsx(workbook, river_valley())
    config = tmp_path / "smallwins.toml"
    config.write_text(f'[[sources]]\nname = "rv"\nlocation = "{workbook}"\nwritable = true\n')
    running = Server(config)
    yield workbook, running
    running.stop()


TRAP = "<script>window.__digest_ran = 1</script><img src=x onerror='window.__digest_ran = 2'>"


@pytest.fixture
def digests_server(tmp_path, monkeypatch):
    """A server on the digest tests' workbook with two digests configured (RV weekly to two
    channels, the Slack one sent for the week of 19 October; Funders monthly) and a win whose
    text is a script (``TRAP``), for the Digests page."""
    sheets = workbook()
    sheets["Wins"].append([dt.date(2026, 10, 22), TRAP, "Food Hub", "Ann Lee", "small", ""])
    data_file = tmp_path / "workbook.xlsx"
    write_xlsx(data_file, sheets)
    config = write_config(
        tmp_path,
        data_file,
        digest_table(
            "RV weekly",
            ["mailto:team@rv.org", "slack:rv"],
            audience="team",
            collaborations=["River Valley"],
        ),
        digest_table(
            "Funders monthly", ["mailto:board@foundation.org"], audience="funder", every="month"
        ),
    )
    cache = tmp_path / "cache"
    monkeypatch.setenv("SMALLWINS_CACHE_DIR", str(cache))
    sent_log.record(
        "RV weekly",
        "2026-10-19/2026-10-25",
        "slack:rv",
        dt.datetime(2026, 10, 26, 6, 0, tzinfo=dt.UTC),
    )
    server = Server(config, cache)
    yield server
    server.stop()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if SHOTS.is_dir() and any(SHOTS.glob("*.png")):
        terminalreporter.write_sep("-", f"browser screenshots for review: {SHOTS}")
