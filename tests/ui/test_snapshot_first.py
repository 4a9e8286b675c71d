"""Nobody waits for Google: a page renders from what is known at once — on a freshly started
server, the snapshot on disk — while the live read runs in the background; a first-ever read
shows how far it got and the regions read so far."""

from __future__ import annotations

import time

import pytest

from dashboard.ui import data
from dashboard.ui.components import SECTION_PARAM
from tests.fixtures import RIVER_VALLEY_KEY as KEY
from tests.fixtures import region, region_key, river_valley
from tests.ui.apptest import open_page, rendered
from tests.waiting import CEILING_SECONDS, wait_until

PERIOD = {"to": "2024-12-31"}
# the Regions page's table, with a row per collaboration read so far
SIDE_BY_SIDE = {"to": "2024-12-31", "from": "2024-01-01", SECTION_PARAM: "Side by side"}


def _configure(tmp_path, monkeypatch, body: str) -> None:
    config = tmp_path / "smallwins.toml"
    config.write_text(body, encoding="utf-8")
    monkeypatch.setenv("SMALLWINS_CONFIG", str(config))
    monkeypatch.chdir(tmp_path)


def _tiles(app) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def _infos(app) -> str:
    return " ".join(rendered(info.value).replace("**", "") for info in app.info)


@pytest.fixture
def one_sheet(google, tmp_path, monkeypatch):
    google.add_spreadsheet(KEY, river_valley(), title="River Valley book")
    _configure(
        tmp_path,
        monkeypatch,
        # a hung read would hold a page for ten minutes: past AppTest's ceiling (open_page)
        "[app]\ntimeout_seconds = 600\ncache_ttl_seconds = 1\n\n"
        f'[[sources]]\nlocation = "{KEY}"\nname = "River Valley"\n',
    )
    return google


@pytest.mark.slow
def test_a_fresh_server_shows_the_snapshot_at_once_while_google_hangs(one_sheet):
    good = open_page("app.py", PERIOD)  # the first-ever read, waited for: a snapshot on disk
    assert data.wait(CEILING_SECONDS)
    expected = _tiles(good)
    time.sleep(1.1)  # more than the TTL later (so the copy is due to be read again),
    data.reset()  # the server restarts…
    one_sheet.hang()  # …while Google hangs
    app = open_page("app.py", PERIOD)  # within AppTest's ceiling: not waiting for the read
    assert None in [r.status for r in one_sheet.requests]  # Google has not answered yet
    assert _tiles(app) == expected
    assert "Refreshing River Valley from Google in the background" in _infos(app)
    assert not app.error and not app.warning
    one_sheet.heal()
    assert data.wait(CEILING_SECONDS)
    later = open_page("app.py", PERIOD)
    assert "Refreshing" not in _infos(later) and _tiles(later) == expected


@pytest.mark.slow
def test_a_first_ever_read_shows_progress_and_the_regions_read_so_far(
    google, tmp_path, monkeypatch
):
    for number in (1, 2):
        google.add_spreadsheet(region_key(number), region(number), title=f"Region {number:02d}")
    sources = "".join(
        f'[[sources]]\nname = "Region {n:02d} sheet"\nlocation = "{region_key(n)}"\n'
        for n in (1, 2)
    )
    _configure(tmp_path, monkeypatch, sources)
    google.hang("batchGet", key=region_key(2))  # one of the two sheets is slow: held back
    data.refresher().current()  # the reads start (as a page's first run starts them)…
    # …and the quick sheet is in before the page looks, however busy the machine
    wait_until(lambda: len(data.progress().pending) == 1, "the quick sheet read")
    app = open_page("pages/4_Regions.py", SIDE_BY_SIDE)
    assert "Reading the sheets for the first time: 1 of 2 read" in _infos(app)
    (table,) = app.dataframe
    assert len(table.value) == 1  # the region read so far, side by side with nobody yet
    google.heal()
    assert data.wait(CEILING_SECONDS)
    done = open_page("pages/4_Regions.py", SIDE_BY_SIDE)
    assert "Reading the sheets" not in _infos(done)
    (table,) = done.dataframe
    assert sorted(table.value["Collaboration"]) == ["Region 01", "Region 02"]


def test_data_health_lists_a_sheet_unchanged_since_its_snapshot(one_sheet):
    open_page("app.py", PERIOD)
    assert data.wait(CEILING_SECONDS)
    data.refresh()  # the TTL ran out: Drive says nothing changed, so no Sheets request
    assert data.wait(CEILING_SECONDS)
    one_sheet.reset_counts()
    health = open_page("pages/5_Data_health.py", PERIOD)
    listing = rendered(" ".join(m.value for m in health.markdown))
    assert "unchanged since" in listing and "shown from its snapshot" in listing
    assert one_sheet.count("batchGet") == one_sheet.count("metadata") == 0
