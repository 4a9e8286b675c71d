"""A freshly started server while Google hangs: the Overview shows the snapshot's figures within
seconds in a real browser, says it is refreshing, and — once Google answers — the page reruns by
itself with the fresh data, nobody pressing anything."""

from __future__ import annotations

import json
import time

from playwright.sync_api import sync_playwright

from dashboard.config import load_config
from dashboard.loader import load
from tests.browser.helpers import BUSY, CEILING_MS, SHOTS, Server
from tests.fixtures import river_valley
from tests.streamlit_server import ARGS, CHROMIUM

KEY = "1RiverValleyKeyAbcdefghijklmnopqrstu"


def test_a_fresh_server_on_a_hung_google_shows_the_snapshot_then_the_new_data(
    double, tmp_path, monkeypatch, snapshot_folder
):
    double.add_spreadsheet(KEY, river_valley(), title="River Valley book")
    key_file = tmp_path / "sa.json"
    key_file.write_text(json.dumps(double.service_account_info()))
    config = tmp_path / "smallwins.toml"
    config.write_text(
        # a hung read would hold a page for ten minutes: far past the ceilings below
        "[app]\ncache_ttl_seconds = 1\ntimeout_seconds = 600\n"
        f'[[sources]]\nlocation = "{KEY}"\nname = "River Valley"\n'
    )
    monkeypatch.setenv("SMALLWINS_SHEETS_ENDPOINT", double.url)
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(key_file))
    first = load(load_config(config))  # an earlier good read left its snapshot on disk
    assert len(first.wins) == 2
    sheets = river_valley()
    sheets["Wins"].append([45410, "Third win", "Food Hub", "Ann Lee"])
    double.add_spreadsheet(KEY, sheets, title="River Valley book")  # a change to show later
    time.sleep(1.1)  # the copy is older than the TTL: due to be read again
    double.hang()
    server = Server(config, cache=snapshot_folder)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{server.url}/?to=2024-05-15&from=2024-01-01")
            wins = page.locator("[data-testid=stMetric]", has_text="Wins, last 30 days")
            wins.first.wait_for(timeout=CEILING_MS)  # not the ten minutes of the hung read
            before = wins.first.locator("[data-testid=stMetricValue]").inner_text()
            refreshing = page.get_by_text("from Google in the background")
            refreshing.first.wait_for(timeout=CEILING_MS)
            hung = [r.status for r in double.requests if r.kind in {"batchGet", "drive_list"}]
            page.screenshot(path=str(SHOTS / "hung-google-snapshot-first.png"), full_page=True)
            assert page.locator("[data-testid=stException]").count() == 0
            double.heal()  # Google answers: the background read lands, the page reruns itself
            refreshing.first.wait_for(state="detached", timeout=CEILING_MS)
            page.wait_for_selector(BUSY, state="detached", timeout=CEILING_MS)
            after = wins.first.locator("[data-testid=stMetricValue]").inner_text()
            time.sleep(1.1)  # past the TTL: Data health's run starts a read; Drive says unchanged
            page.goto(f"{server.url}/Data_health?to=2024-05-15")
            unchanged = page.get_by_text("unchanged since")
            unchanged.first.wait_for(timeout=CEILING_MS)  # after the page reran by itself
            health = unchanged.first.inner_text()
            page.screenshot(path=str(SHOTS / "data-health-unchanged.png"), full_page=True)
            browser.close()
    finally:
        server.stop()
    assert None in hung  # the figures were shown while Google had not answered the read
    # the snapshot's wins are in February; the win added since (29 April) shows after the rerun
    assert (before, after) == ("0", "1")
    assert "shown from its snapshot without reading it again" in health
    assert double.count("batchGet", status=200) == 2  # and indeed it was not read a third time
