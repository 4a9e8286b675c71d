"""A damaged cache is an absent cache (issue 21, findings 6, 7, 8, 10 and 15's folder modes).

Each test first leaves a good snapshot through the real gspread client against the Sheets
double, then damages one cache file as an attacker (or a crash, or a clock) would, and checks
that the commands go on: the sheet is read again from Google, figures are the live ones, and
nothing crashes. River Valley cleans to 3 commitments and 2 wins (tests/fixtures.py); the edit
below adds a third win.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap

import pytest
import zstandard

from dashboard import cli
from dashboard.config import load_config
from dashboard.loader import load
from dashboard.sources import cache, quota, shared, snapshots
from tests.filesystems import full_folder
from tests.fixtures import RIVER_VALLEY_KEY as KEY
from tests.fixtures import river_valley, write_csv_folder

EDITED_WINS = [*river_valley()["Wins"], [45400, "Third grocer", "Food Hub", "Eve Park", "small"]]


@pytest.fixture
def config(tmp_path):
    path = tmp_path / "smallwins.toml"
    path.write_text(
        f'[app]\ntimeout_seconds = 2\n\n[[sources]]\nlocation = "{KEY}"\nname = "River Valley"\n'
    )
    return path


def _good_read(google, config):
    google.add_spreadsheet(KEY, river_valley(), title="River Valley book")
    good = load(load_config(config))
    assert not good.stale_sources and not good.failed_sources and len(good.wins) == 2
    return load_config(config).sources[0]


def _summary(config, capsys) -> dict:
    capsys.readouterr()
    assert cli.main(["summary", str(config), "--json", "--as-of", "2024-12-31"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_snapshot_whose_body_is_damaged_is_read_again_and_replaced(google, config, capsys):
    source = _good_read(google, config)
    path = snapshots.path_for(source)
    whole = zstandard.ZstdDecompressor().decompress(path.read_bytes())
    head, _, _ = whole.partition(b"\n")
    path.write_bytes(zstandard.ZstdCompressor().compress(head + b"\n" + b'{"valueRanges": [tru'))
    google.edit(KEY, "Wins", EDITED_WINS)  # Drive now says "changed"; check must still not crash
    google.reset_counts()
    assert cli.main(["check", str(config)]) in (0, 1)
    assert google.count("batchGet") == 1
    # Drive says unchanged now (the snapshot's modifiedTime was not updated by check): damage it
    # again with the current modifiedTime, so only the body can tell it is broken
    kept = snapshots.load(source)
    assert kept is not None and len(kept.sheets["Wins"]) == len(EDITED_WINS)
    whole = zstandard.ZstdDecompressor().decompress(path.read_bytes())
    head, _, _ = whole.partition(b"\n")
    path.write_bytes(zstandard.ZstdCompressor().compress(head + b"\n" + b"\xff\xfe garbage"))
    google.reset_counts()
    figures = _summary(config, capsys)
    assert google.count("batchGet") == 1  # read from Google, not served again
    assert figures["wins"] == 3
    assert snapshots.load(source) is not None  # and the damaged copy replaced by a good one


def test_a_snapshot_that_parses_but_holds_no_tab_is_absent(google, config, capsys, quick_retries):
    """A snapshot made by hand: it decompresses and its body parses, but holds no tab. Served,
    every figure would be 0 with no word said; it is absent, so the sheet is read again — and
    with Google down there is no copy to fall back on, which ``check`` says."""
    source = _good_read(google, config)
    path = snapshots.path_for(source)
    whole = zstandard.ZstdDecompressor().decompress(path.read_bytes())
    head, _, _ = whole.partition(b"\n")
    path.write_bytes(zstandard.ZstdCompressor().compress(head + b"\n" + b'{"valueRanges": []}'))
    google.reset_counts()
    figures = _summary(config, capsys)  # the state says current: the copy would be served
    assert google.count("batchGet") == 1 and figures["wins"] == 2
    path.write_bytes(zstandard.ZstdCompressor().compress(head + b"\n" + b'{"valueRanges": []}'))
    google.fail_next(500, times=50)
    assert cli.main(["check", str(config)]) == 2  # no copy to fall back on


@pytest.mark.parametrize(
    "checked_at",
    ["2099-06-01T00:00:00+00:00", "2024-06-01T00:00:00"],  # in the future; with no time zone
    ids=["future", "naive"],
)
def test_a_state_from_the_future_or_without_a_zone_means_due(google, config, capsys, checked_at):
    source = _good_read(google, config)
    state_file = snapshots.path_for(source).with_suffix(".state.json")
    state_file.write_text(json.dumps({"checked_at": checked_at, "attempted_at": checked_at}))
    google.disable_drive()  # so only the state could (wrongly) keep the old copy "fresh"
    google.edit(KEY, "Wins", EDITED_WINS)
    google.reset_counts()
    figures = _summary(config, capsys)
    assert google.count("batchGet") == 1
    assert figures["wins"] == 3
    assert cli.main(["check", str(config)]) in (0, 1)
    assert "2099" not in capsys.readouterr().out


@pytest.mark.parametrize("damage", ["garbage", "cut"])
def test_a_damaged_pacer_database_costs_only_the_sharing(google, config, capsys, damage):
    source = _good_read(google, config)
    db = cache.cache_dir() / quota.DB_FILE
    if damage == "garbage":
        db.write_bytes(os.urandom(8192))
    else:
        db.write_bytes(db.read_bytes()[:100])
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    quota._PACERS.clear()  # a new process
    google.edit(KEY, "Wins", EDITED_WINS)
    assert _summary(config, capsys)["wins"] == 3
    google.fail_next(500, times=20)  # Google failing too: the intact snapshot is served
    quota._PACERS.clear()
    assert _summary(config, capsys)["wins"] == 3
    assert snapshots.load(source) is not None


def test_a_pacer_database_locked_by_another_process(google, config, capsys, monkeypatch):
    _good_read(google, config)
    db = cache.cache_dir() / quota.DB_FILE
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sqlite3, sys, time
                c = sqlite3.connect({str(db)!r}, isolation_level=None)
                c.execute("BEGIN EXCLUSIVE")
                print("locked", flush=True)
                time.sleep(600)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        monkeypatch.setattr(shared, "DB_WAIT_SECONDS", 0.5)
        quota._PACERS.clear()
        google.edit(KEY, "Wins", EDITED_WINS)
        assert _summary(config, capsys)["wins"] == 3
    finally:
        holder.kill()
        holder.wait()


def test_a_process_stopped_holding_the_pacer_lock_blocks_nobody(google, config, capsys):
    _good_read(google, config)
    lock_path = cache.cache_dir() / f"{quota.DB_FILE}.lock"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import os, signal
                from filelock import FileLock
                lock = FileLock({str(lock_path)!r})
                lock.acquire()
                print("held", flush=True)
                os.kill(os.getpid(), signal.SIGSTOP)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        quota._PACERS.clear()
        google.edit(KEY, "Wins", EDITED_WINS)
        # waits LOCK_WAIT_SECONDS for the lock, then paces in-process: it ends
        assert _summary(config, capsys)["wins"] == 3
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()


def test_a_local_workbook_never_touches_the_pacer(tmp_path, capsys):
    folder = write_csv_folder(tmp_path / "book", river_valley())
    db = cache.cache_dir() / quota.DB_FILE
    cache.ensure_dir()
    db.write_bytes(b"not a database at all" * 100)
    quota._PACERS.clear()
    assert cli.main(["summary", str(folder), "--json", "--as-of", "2024-12-31"]) == 0
    assert json.loads(capsys.readouterr().out)["wins"] == 2
    assert db.read_bytes().startswith(b"not a database")  # not opened, not "repaired"


def test_a_pacer_on_a_full_disk_degrades(google, config, capsys, tmp_path, monkeypatch):
    google.add_spreadsheet(KEY, river_valley(), title="River Valley book")
    with full_folder(tmp_path / "full") as folder:
        monkeypatch.setenv("SMALLWINS_CACHE_DIR", str(folder))
        quota._PACERS.clear()
        assert _summary(config, capsys)["wins"] == 2
        assert not list(folder.glob(".*.tmp")) and not list(folder.glob("*.tmp"))


def test_cache_folders_and_files_are_their_owners_only(google, config):
    _good_read(google, config)
    folder = cache.cache_dir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for file in folder.iterdir():
        if file.is_file():
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
    assert (folder / quota.DB_FILE).exists()  # the pacer's files are among them


def test_a_title_holding_half_an_emoji_is_kept_and_read_back(google, config):
    source = _good_read(google, config)
    kept = snapshots.load(source)
    snapshots.save(
        source, "Book \ud83d", kept.read_at, kept.body, kept.read, kept.titles, kept.titles_at
    )
    again = snapshots.load(source)
    assert again is not None and again.title == "Book \ud83d"
