"""Many regional sheets under Google's real limits: paced to the quota and never lost to it, and
an unchanged sheet not read again — in this process, in a new one, or in another beside it.

The quota is Google's 60 read requests per user per window, with the window scaled from a
minute to a few seconds so the tests stay quick; the app is configured with the same window
(``sheets_quota_seconds``). Requests are counted by the Sheets API test double, reached by the
real gspread client.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.config import load_config
from dashboard.loader import load, plan_for, read_all
from dashboard.sources.drive import ENABLE_STEP
from dashboard.sources.quota import Pacer
from tests.fixtures import region, region_key
from tests.regions import WINDOW, regions_config, sheets_requests
from tests.waiting import ManualClock

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_sixty_sheets_under_a_sixty_a_window_quota_all_load(google, tmp_path):
    google.set_quota(60, seconds=WINDOW)
    config = regions_config(tmp_path, google, 60)
    dataset = load(load_config(config))
    assert not dataset.failed_sources and not dataset.stale_sources
    assert len(dataset.sources) == 60 and len(dataset.wins) == 60
    assert google.count(status=429) == 0  # paced below the quota, never refused
    assert google.count("metadata") == 60 and google.count("batchGet") == 60
    # 120 requests under a quota of 60 a window, none refused: they were paced (unpaced, the
    # same quota refuses reads — the next test)


def test_without_pacing_the_same_quota_refuses_reads(google, tmp_path, quick_retries):
    """The contrast: a pace above Google's quota meets 429s (the reads then depend on luck).
    The double's window is the test's clock, which stands still: however slowly a busy machine
    sends the 120 requests, they all fall in one window."""
    google.set_quota(60, seconds=WINDOW, clock=ManualClock())
    config = regions_config(tmp_path, google, 60, quota=10_000)
    load(load_config(config))
    assert google.count(status=429) > 0


def _summary_in_new_process(config: Path, google, cache: Path) -> dict:
    env = {
        **os.environ,
        "SMALLWINS_SHEETS_ENDPOINT": google.url,
        "GOOGLE_APPLICATION_CREDENTIALS": os.environ["GOOGLE_APPLICATION_CREDENTIALS"],
        "SMALLWINS_CACHE_DIR": str(cache),
    }
    command = [
        sys.executable,
        "-m",
        "dashboard",
        "summary",
        str(config),
        "--json",
        "--as-of",
        "2024-12-31",
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.slow
def test_after_one_edit_a_new_process_reads_that_sheet_only(google, tmp_path, snapshot_folder):
    config = regions_config(tmp_path, google, 5)
    first = _summary_in_new_process(config, google, snapshot_folder)
    assert first["wins"] == 5 and sheets_requests(google) == 10  # titles + values, each sheet
    google.reset_counts()
    edited = region(3)
    edited["Wins"].append([45402, "Second win", "Hub 03", "Ann 03"])
    google.edit(region_key(3), "Wins", edited["Wins"])
    second = _summary_in_new_process(config, google, snapshot_folder)
    assert second["wins"] == 6
    assert sheets_requests(google, region_key(3)) == 1  # one batchGet: titles from the snapshot
    assert sheets_requests(google) == 1  # no other sheet was read
    assert google.count("drive_list") == 1  # one Drive list told which sheets changed
    google.reset_counts()
    third = _summary_in_new_process(config, google, snapshot_folder)
    assert third == second and sheets_requests(google) == 0


def test_a_renamed_tab_has_its_titles_read_again(google, tmp_path):
    config = regions_config(tmp_path, google, 1)
    load(load_config(config))
    renamed = region(1)
    renamed["Small wins"] = renamed.pop("Wins")  # an accepted name for the Wins tab
    renamed["Small wins"].append([45402, "Second win", "Hub 01", "Bo 01"])
    google.add_spreadsheet(region_key(1), renamed, title="Region 01")
    google.reset_counts()
    dataset = load(load_config(config))
    assert len(dataset.wins) == 2 and dataset.structural_problems.empty
    # the batchGet of the old titles answered 400; then the titles, then the values again
    assert google.count("batchGet", status=400) == 1
    assert google.count("metadata") == 1 and google.count("batchGet", status=200) == 1


def test_without_drive_every_sheet_is_read_and_check_says_how_to_switch_it_on(
    google, tmp_path, capsys
):
    from dashboard import cli

    google.disable_drive()
    config = regions_config(tmp_path, google, 2)
    first = load(load_config(config))
    google.reset_counts()
    again = load(load_config(config))
    assert len(again.wins) == len(first.wins) == 2
    assert google.count("batchGet") == 2  # nothing could be skipped; titles from the snapshot
    assert "Google Drive API is not enabled" in again.drive_note
    assert ENABLE_STEP in again.drive_note
    assert cli.main(["check", str(config)]) == 0
    out = capsys.readouterr().out
    assert out.count("Google Drive API is not enabled") == 1  # said once, not per sheet
    assert "APIs & Services → Library → Google Drive API" in out


def test_a_link_shared_sheet_is_checked_with_drive_files_get(double, tmp_path, monkeypatch):
    monkeypatch.setenv("SMALLWINS_SHEETS_ENDPOINT", double.url)
    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS", raising=False)
    monkeypatch.setenv("SMALLWINS_SHEETS_API_KEY", double.api_key)
    double.add_spreadsheet(region_key(1), region(1), public=True)
    config = tmp_path / "smallwins.toml"
    config.write_text(f'[[sources]]\nlocation = "{region_key(1)}"\n', encoding="utf-8")
    load(load_config(config))
    double.reset_counts()
    dataset = load(load_config(config))
    assert len(dataset.wins) == 1 and dataset.sources[0].unchanged
    assert double.count("drive_get", region_key(1)) == 1 and sheets_requests(double) == 0


def test_two_processes_read_a_source_once_per_ttl(google, tmp_path, snapshot_folder):
    """Two app processes sharing the cache folder, both due to read at the same moment: for each
    sheet one reads (holding its lock), the other waits and takes its copy."""
    config = regions_config(tmp_path, google, 3)
    google.set_latency(0.5, kind="batchGet")  # so the two overlap
    script = (
        "import sys\nfrom dashboard.config import load_config\n"
        "from dashboard.loader import plan_for, read_all\n"
        "settings = load_config(sys.argv[1])\n"
        "reads = read_all(settings.sources, plan_for(settings, max_age=300)).reads\n"
        "print(sum(getattr(r, 'unchanged', False) for r in reads))\n"
    )
    env = {
        **os.environ,
        "SMALLWINS_SHEETS_ENDPOINT": google.url,
        "SMALLWINS_CACHE_DIR": str(snapshot_folder),
    }
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(config)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    taken = [int(run.communicate(timeout=120)[0]) for run in runs]
    # each sheet read once between the two, the other process taking its copy: which process
    # reads which sheet is the machine's timing (a busy machine started the second while the
    # first held only some of the locks: [1, 2], as valid as [0, 3])
    assert google.count("batchGet") == 3
    assert sum(taken) == 3
    for number in (1, 2, 3):
        assert google.count("batchGet", region_key(number)) == 1


def test_a_copy_confirmed_within_max_age_costs_no_request_at_all(google, tmp_path):
    config = regions_config(tmp_path, google, 2)
    settings = load_config(config)
    read_all(settings.sources, plan_for(settings, max_age=300))
    google.reset_counts()
    reads = read_all(settings.sources, plan_for(settings, max_age=300)).reads
    assert all(read.unchanged for read in reads)
    assert google.count() - google.count("token") == 0  # not even Drive


def test_googles_retry_after_is_honoured(google, tmp_path, monkeypatch):
    """The 4th request meets a full window and Retry-After: 1; the app holds its requests that
    long, and the window (the test's clock) has moved on when they go again."""
    config = regions_config(tmp_path, google, 2, quota=1000)  # this process does not pace
    clock = ManualClock()
    google.set_quota(3, seconds=60, retry_after=1, clock=clock)  # the 4th request: 429
    held: list[float] = []
    hold = Pacer.hold

    def held_as_told(self, seconds: float) -> None:
        held.append(seconds)
        hold(self, seconds)
        clock.advance(60)  # the quota's window has passed by the time the hold is over

    monkeypatch.setattr(Pacer, "hold", held_as_told)
    dataset = load(load_config(config))
    assert not dataset.failed_sources and len(dataset.wins) == 2
    assert google.count(status=429) >= 1
    assert held and set(held) == {1.0}  # every request held back as told, then served
