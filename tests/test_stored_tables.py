"""The clean tables kept between runs (``loader.merged`` through ``sources.tables_store``).

A process that merges the reads an earlier one merged — same data, same configuration, same code,
same day — takes the earlier one's tables from the cache folder instead of cleaning again; the
Dataset it gets must be the one cleaning would give, dtypes included. Any change of what the
tables depend on misses the store, and a damaged file is absent. Whether ``merged`` cleaned is
seen by counting the calls of ``loader.clean`` (the real function, counted).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess
import sys
import threading
import time
from dataclasses import fields, replace
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from dashboard import loader
from dashboard.config import SourceConfig, demo_settings, load_config
from dashboard.dataset import Dataset
from dashboard.sources import RawSource, tables_store
from tests.fixtures import RIVER_VALLEY_KEY, river_valley

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def cleanings(monkeypatch):
    """How many times ``merged`` cleaned (``loader.clean`` called, and run for real)."""
    calls: list[int] = []
    real = loader.clean

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(loader, "clean", counted)
    return calls


def assert_same(a: Dataset, b: Dataset) -> None:
    for name in loader.STORED_TABLES:
        left, right = getattr(a, name), getattr(b, name)
        pd.testing.assert_frame_equal(left, right, check_exact=True, obj=name)
        assert [repr(t) for t in left.dtypes] == [repr(t) for t in right.dtypes], name


def local_read(sheets=None, name="rv", collaboration=None) -> RawSource:
    """``sheets`` as read from a local workbook (its cells, no Google answer)."""
    config = SourceConfig(
        location=f"{name}.xlsx", kind="xlsx", name=name, collaboration=collaboration
    )
    at = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)
    return RawSource(config, sheets or river_valley(), name, at)


def stored_file() -> Path:
    files = sorted(tables_store.path_for("x").parent.glob("tables-*.arrows"))
    assert len(files) == 1, files
    return files[0]


def test_the_demo_from_the_store_is_the_demo_cleaned(cleanings):
    settings = demo_settings()
    reads = loader.read_all(settings.sources, loader.plan_for(settings)).reads
    first = loader.merged(reads)
    assert cleanings == [1] and stored_file().stat().st_size > 0
    again = loader.merged(reads)
    assert cleanings == [1]  # from the store
    assert_same(again, first)
    assert_same(again, loader.clean([read for read in reads if isinstance(read, RawSource)]))
    assert len(again.commitments) > 600 and len(again.problems) > 0


def test_every_table_of_a_dataset_is_stored():
    """``STORED_TABLES`` names every frame of a ``Dataset``: one left out would come back from
    the store as its default (empty), not as cleaned."""
    settings = demo_settings()
    reads = loader.read_all(settings.sources, loader.plan_for(settings)).reads
    dataset = loader.clean([read for read in reads if isinstance(read, RawSource)])
    frames = {f.name for f in fields(dataset) if isinstance(getattr(dataset, f.name), pd.DataFrame)}
    assert set(loader.STORED_TABLES) == frames and len(frames) == 10


def test_a_google_sheet_with_problems_from_the_store(google, tmp_path, cleanings):
    """River Valley read through the Sheets double: its answer's bytes identify the data, and its
    fifteen problems come back as they were found."""
    google.add_spreadsheet(RIVER_VALLEY_KEY, river_valley(), title="River Valley book")
    config = tmp_path / "smallwins.toml"
    config.write_text(f'[[sources]]\nlocation = "{RIVER_VALLEY_KEY}"\nname = "River Valley"\n')
    first = loader.load(load_config(config))
    assert cleanings == [1] and len(first.problems) == 15
    again = loader.load(load_config(config))  # read again from Google: the same answer
    assert cleanings == [1]
    assert_same(again, first)
    assert again.sources[0].label == "River Valley"  # the reads' statuses are this run's own

    google.edit(RIVER_VALLEY_KEY, "Wins", river_valley()["Wins"][:3])  # a changed sheet
    changed = loader.load(load_config(config))
    assert cleanings == [1, 1]
    assert len(changed.wins) == 1 and len(first.wins) == 2
    assert_same(loader.load(load_config(config)), changed)
    assert cleanings == [1, 1]  # the new tables replaced the old


def test_a_local_workbook_with_problems_from_the_store(cleanings):
    read = local_read()
    first = loader.merged([read])
    again = loader.merged([local_read()])  # the same cells, read again
    assert cleanings == [1]
    assert_same(again, first)
    assert len(first.problems) == 15 and first.problems["row"].dtype == "Int64"


def test_changed_cells_miss_the_store(cleanings):
    loader.merged([local_read()])
    sheets = river_valley()
    sheets["People"][1][0] = "José Perez"  # one accent less
    changed = loader.merged([local_read(sheets)])
    assert cleanings == [1, 1]
    assert "José Perez" in changed.people["name"].tolist()


def test_a_changed_label_or_collaboration_misses_the_store(cleanings):
    loader.merged([local_read(name="rv")])
    renamed = local_read(name="rv")
    renamed = replace(renamed, config=replace(renamed.config, name="River Valley"))
    dataset = loader.merged([renamed])
    assert cleanings == [1, 1]
    assert set(dataset.commitments["source"]) == {"River Valley"}
    tagged = replace(renamed, config=replace(renamed.config, collaboration="Lakeside"))
    loader.merged([tagged])
    assert cleanings == [1, 1, 1]


def test_a_changed_program_misses_the_store(cleanings, monkeypatch):
    loader.merged([local_read()])
    monkeypatch.setattr(tables_store, "program_key", lambda: "another version of the code")
    loader.merged([local_read()])
    assert cleanings == [1, 1]
    loader.merged([local_read()])
    assert cleanings == [1, 1]


def test_the_program_key_changes_with_any_file_of_the_package(tmp_path, monkeypatch):
    package = tmp_path / "dashboard"
    (package / "clean").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "clean" / "cells.py").write_text("RULE = 1\n")
    monkeypatch.setattr(tables_store, "PACKAGE", package)
    before = tables_store.program_key()
    assert tables_store.program_key() == before
    (package / "clean" / "cells.py").write_text("RULE = 2\n")
    assert tables_store.program_key() != before
    (package / "clean" / "cells.py").write_text("RULE = 1\n")
    assert tables_store.program_key() == before
    (package / "clean" / "new.py").write_text("")
    assert tables_store.program_key() != before


def test_the_day_is_part_of_the_key(monkeypatch):
    """Dates more than a few days ahead of the day of the read are problems: another day, other
    problems, so another key."""
    today = loader.store_identity([local_read()])

    class Tomorrow:
        @staticmethod
        def today():
            return dt.date.today() + dt.timedelta(days=1)

    clock = SimpleNamespace(date=Tomorrow, datetime=dt.datetime, timedelta=dt.timedelta, UTC=dt.UTC)
    monkeypatch.setattr(loader, "dt", clock)  # the loader's clock only, not the datetime module
    tomorrow = loader.store_identity([local_read()])
    assert tomorrow[0] == today[0]  # the same set of sources: one file
    assert tomorrow[1] != today[1]


def test_a_failed_source_is_part_of_the_key(cleanings):
    failed = loader.FailedRead(local_read(name="other").config, "other: not found")
    first = loader.merged([local_read(), failed])
    assert "source unreadable" in first.problems["kind"].tolist()
    assert_same(loader.merged([local_read(), failed]), first)
    assert cleanings == [1]
    loader.merged([local_read(), replace(failed, error="other: timed out")])
    assert cleanings == [1, 1]


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _garbage(data: bytes) -> bytes:
    return os.urandom(len(data))


def _header_only(data: bytes) -> bytes:
    return data[: data.index(b"\n", len(tables_store.MAGIC)) + 1]


def _flipped_in_a_table(data: bytes) -> bytes:
    start = data.index(b"\n", len(tables_store.MAGIC)) + 1
    at = (start + len(data)) // 2  # one bit in the middle of the tables
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


def _another_dtype(data: bytes) -> bytes:
    start = len(tables_store.MAGIC)
    end = data.index(b"\n", start)
    header = json.loads(data[start:end])
    header["tables"][3]["dtypes"][0][1] = "dtype('O')"
    return data[:start] + json.dumps(header).encode("ascii") + data[end:]


def _another_key(data: bytes) -> bytes:
    start = len(tables_store.MAGIC)
    end = data.index(b"\n", start)
    header = json.loads(data[start:end])
    header["key"] = "0" * 64
    return data[:start] + json.dumps(header).encode("ascii") + data[end:]


@pytest.mark.parametrize(
    "damage",
    [
        _truncated,
        _garbage,
        _header_only,
        _flipped_in_a_table,
        _another_dtype,
        _another_key,
        lambda data: b"",
    ],
)
def test_a_damaged_store_is_absent(cleanings, damage):
    first = loader.merged([local_read()])
    file = stored_file()
    file.write_bytes(damage(file.read_bytes()))
    again = loader.merged([local_read()])
    assert cleanings == [1, 1]  # cleaned again, no crash
    assert_same(again, first)
    loader.merged([local_read()])  # and stored again, whole
    assert cleanings == [1, 1]


def test_the_store_is_readable_by_its_owner_only(snapshot_folder):
    loader.merged([local_read()])
    assert stored_file().parent == snapshot_folder
    assert stat.S_IMODE(snapshot_folder.stat().st_mode) == 0o700
    for file in snapshot_folder.iterdir():  # the tables and their lock
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name


def test_a_cache_folder_that_cannot_be_written_costs_only_the_saving(
    tmp_path, monkeypatch, cleanings
):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SMALLWINS_CACHE_DIR", str(blocker / "cache"))
    first = loader.merged([local_read()])
    again = loader.merged([local_read()])
    assert cleanings == [1, 1]
    assert_same(again, first)


def test_only_the_latest_entry_of_a_set_of_sources_is_kept(snapshot_folder, cleanings):
    loader.merged([local_read()])
    sheets = river_valley()
    sheets["Wins"] = sheets["Wins"][:3]
    loader.merged([local_read(sheets)])  # the same source, other data: the same file replaced
    stored_file()
    loader.merged([local_read()])
    assert cleanings == [1, 1, 1]


def test_other_sets_of_sources_unused_for_a_week_are_removed(snapshot_folder):
    loader.merged([local_read(name="a")])
    old = stored_file()
    week = time.time() - (tables_store.KEEP_DAYS + 1) * 86400
    os.utime(old, (week, week))
    loader.merged([local_read(name="b")])  # another file's location: another set
    recent = stored_file()
    assert recent != old and not old.exists()
    loader.merged([local_read(name="c")])
    assert recent.exists()  # written today: kept


def test_a_table_of_python_objects_is_not_stored(snapshot_folder):
    frame = pd.DataFrame({"cells": pd.Series([1, "one"], dtype=object)})
    with pytest.raises(tables_store.NotStorable):
        tables_store.save("f", "k", {"collaborations": frame})
    assert not list(snapshot_folder.glob("tables-*"))


def test_a_process_waits_for_another_cleaning_the_same_sources_and_takes_its_tables(
    cleanings, monkeypatch
):
    reads = [local_read()]
    family, key = loader.store_identity(reads)
    missed = threading.Event()
    real_load = tables_store.load

    def load(*args):
        found = real_load(*args)
        if found is None:
            missed.set()
        return found

    monkeypatch.setattr(tables_store, "load", load)
    result: list[Dataset] = []
    with tables_store.claim(family, 5) as held:  # "another process" is cleaning them
        assert held
        waiter = threading.Thread(target=lambda: result.append(loader.merged(reads)))
        waiter.start()
        assert missed.wait(30)  # it found nothing stored, and now waits for the claim
        made = loader.clean(reads)
        tables_store.save(family, key, {n: getattr(made, n) for n in loader.STORED_TABLES})
    waiter.join(60)
    assert not waiter.is_alive()
    assert cleanings == [1]  # the test's own: the waiter took the stored tables
    assert_same(result[0], made)


@pytest.mark.slow
def test_summary_of_the_demo_is_the_same_from_the_store(tmp_path):
    """``smallwins summary --json`` of the demo, cold then from the stored tables: the same
    bytes."""
    env = {**os.environ, "SMALLWINS_CACHE_DIR": str(tmp_path / "cache")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    command = [sys.executable, "-m", "dashboard", "summary", "--json"]
    cold = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, check=True)
    assert list((tmp_path / "cache").glob("tables-*.arrows"))
    stored = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, check=True)
    assert stored.stdout == cold.stdout
    assert json.loads(cold.stdout)["wins"] == 195


def test_the_stored_tables_hold_the_sheets_cells_and_no_credential(google, tmp_path):
    """What the store keeps is what the snapshot beside it keeps: the team's cells, never the
    service account's key or its token."""
    google.add_spreadsheet(RIVER_VALLEY_KEY, river_valley(), title="River Valley book")
    config = tmp_path / "smallwins.toml"
    config.write_text(f'[[sources]]\nlocation = "{RIVER_VALLEY_KEY}"\nname = "River Valley"\n')
    loader.load(load_config(config))
    file = stored_file()
    data = file.read_bytes()
    header = json.loads(data[len(tables_store.MAGIC) : data.index(b"\n", len(tables_store.MAGIC))])
    family = file.name.removeprefix(tables_store.PREFIX).removesuffix(tables_store.SUFFIX)
    tables = tables_store.load(family, header["key"], loader.STORED_TABLES)
    assert tables is not None
    text = json.dumps(header) + "".join(frame.to_csv() for frame in tables.values())
    assert "José Pérez" in text and "jose@example.org" in text  # the cells: it was all read
    info = google.service_account_info()
    pem = [line for line in info["private_key"].splitlines() if "PRIVATE KEY" not in line]
    for secret in [info["private_key_id"], *pem[1:4], *google._tokens]:
        assert secret not in text
        assert secret.encode() not in data
