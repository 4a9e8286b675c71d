"""When Google fails, the last good snapshot is served, marked stale with the reason.

Faults are injected through the Sheets API test double, with the real gspread client, after one
good read has left a snapshot: a 429 storm, 500s, an answer slower than the timeout, a 401, access
revoked (403) and a deleted required tab. Expected figures are river_valley()'s: 3 commitments
and 2 wins after cleaning (tests/fixtures.py).
"""

from __future__ import annotations

import datetime as dt
import json
import stat

import pytest
from gspread.utils import absolute_range_name
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard import cli
from dashboard.config import SourceConfig, load_config
from dashboard.loader import load
from dashboard.sources import snapshots
from dashboard.sources.gsheets import sheets_from_body
from tests.fixtures import GOOGLE_FAULTS as FAULTS
from tests.fixtures import RIVER_VALLEY_KEY as KEY
from tests.fixtures import river_valley


@pytest.fixture
def config(tmp_path):
    """A configuration with a one-second timeout, so a slow Google is a quick test."""
    path = tmp_path / "smallwins.toml"
    path.write_text(
        f'[app]\ntimeout_seconds = 1\n\n[[sources]]\nlocation = "{KEY}"\nname = "River Valley"\n'
    )
    return path


def _first_good_read(google, config):
    google.add_spreadsheet(KEY, river_valley(), title="River Valley book")
    good = load(load_config(config))
    assert not good.stale_sources and not good.failed_sources
    assert len(good.commitments) == 3 and len(good.wins) == 2
    return good


def test_a_good_read_keeps_a_snapshot_readable_by_its_owner_only(google, config, snapshot_folder):
    good = _first_good_read(google, config)
    source = load_config(config).sources[0]
    file = snapshots.path_for(source)
    kept_files = [f for f in snapshot_folder.iterdir() if f.name.startswith("sheet-")]
    assert file in kept_files
    for kept_file in kept_files:  # the copy, what processes did with it, and its lock
        assert stat.S_IMODE(kept_file.stat().st_mode) == 0o600
    kept = snapshots.load(source)
    assert kept.title == "River Valley book"
    assert sheets_from_body(kept.read, kept.body)["Wins"] == river_valley()["Wins"]
    assert kept.read_at.isoformat()[:19] == good.sources[0].read_at[:19]
    assert kept.modified_time == google.modified_time(KEY)  # Drive's time, seen before the read
    assert "How to use" in kept.titles and "How to use" not in kept.read  # known, not fetched


@pytest.mark.slow
@pytest.mark.parametrize("fault", list(FAULTS))
def test_each_fault_serves_the_snapshot_with_its_reason(google, config, quick_retries, fault):
    good = _first_good_read(google, config)
    inject, reason = FAULTS[fault]
    inject(google)()
    served = load(load_config(config))
    assert not served.failed_sources
    (stale,) = served.stale_sources
    assert reason in stale.stale
    assert stale.read_at == good.sources[0].read_at  # data as of the snapshot's read
    assert stale.snapshot and stale.snapshot.endswith(".snapshot")
    assert len(served.commitments) == 3 and len(served.wins) == 2
    assert served.structural_problems.empty


def test_without_a_snapshot_a_fault_is_a_failed_source(google, config, quick_retries):
    google.add_spreadsheet(KEY, river_valley())
    google.fail_next(500, times=50)
    dataset = load(load_config(config))
    (failed,) = dataset.failed_sources
    assert "answered 500" in failed.error
    assert dataset.wins.empty


@pytest.mark.slow
def test_a_later_good_read_replaces_the_snapshot(google, config, quick_retries):
    _first_good_read(google, config)
    sheets = river_valley()
    sheets["Wins"].append([45410, "Second grant", "Ann Lee"])
    google.add_spreadsheet(KEY, sheets)
    fresh = load(load_config(config))
    assert not fresh.stale_sources and len(fresh.wins) == 3
    google.fail_next(503, times=50)
    served = load(load_config(config))
    assert served.stale_sources and len(served.wins) == 3


def test_a_renamed_required_column_shows_the_rest_live_and_keeps_the_snapshot(google, config):
    _first_good_read(google, config)
    kept = snapshots.load(load_config(config).sources[0])
    sheets = river_valley()
    sheets["Wins"][0][1] = "Thing"  # the required "Win" header renamed
    sheets["People"].append(["Cy Dale", "", "Acme Tools"])
    google.add_spreadsheet(KEY, sheets)
    live = load(load_config(config))
    assert not live.stale_sources
    assert live.wins.empty and len(live.commitments) == 3  # the rest still shows
    (reason,) = live.structural_problems["reason"]
    assert "tab 'Wins' has no 'win' column" in reason
    assert snapshots.load(load_config(config).sources[0]) == kept  # not a good read


def test_a_snapshot_of_another_sheet_or_a_damaged_file_is_not_used(google, config, quick_retries):
    _first_good_read(google, config)
    source = load_config(config).sources[0]
    snapshots.path_for(source).write_bytes(b"not zstd")
    google.fail_next(500, times=50)
    assert load(load_config(config)).failed_sources


def test_check_reports_the_live_sheet_and_never_the_snapshot(google, config, capsys):
    _first_good_read(google, config)
    google.fail_next(401, times=50)
    assert cli.main(["check", str(config)]) == 2
    out = capsys.readouterr().out
    assert "refused the credentials" in out
    google.heal()
    sheets = river_valley()
    del sheets["Wins"]
    google.add_spreadsheet(KEY, sheets)
    assert cli.main(["check", str(config)]) == 1
    assert "no 'Wins' tab" in capsys.readouterr().err


@pytest.mark.slow
def test_summary_gives_the_snapshot_figures_and_warns_on_stderr(google, config, capsys):
    _first_good_read(google, config)
    live = capsys.readouterr()
    assert cli.main(["summary", str(config), "--json", "--as-of", "2024-12-31"]) == 0
    expected = json.loads(capsys.readouterr().out)
    google.fail_next(401, times=50)
    assert cli.main(["summary", str(config), "--json", "--as-of", "2024-12-31"]) == 0
    served = capsys.readouterr()
    assert json.loads(served.out) == expected
    file = snapshots.path_for(load_config(config).sources[0])
    assert str(file) in served.err
    assert "refused the credentials" in served.err
    assert f"read {dt.date.today():%Y-%m-%d}" in served.err
    assert live.err == ""


def test_strict_makes_a_snapshot_a_failure(google, config, capsys):
    _first_good_read(google, config)
    google.fail_next(401, times=50)
    assert cli.main(["summary", str(config), "--strict"]) == 3
    assert "Summary as of" in capsys.readouterr().out  # the figures are still given


@pytest.mark.slow
def test_report_is_written_from_the_snapshot(google, config, tmp_path, capsys):
    _first_good_read(google, config)
    google.deny(KEY)
    out = tmp_path / "report.csv"
    args = ["report", str(config), "--from", "2024-01-01", "--to", "2024-12-31", "--out", str(out)]
    assert cli.main(args) == 0
    assert out.is_file()
    assert "last good snapshot" in capsys.readouterr().err
    assert cli.main([*args, "--strict"]) == 3


CELLS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**53), 2**53),
    st.text(),
    st.floats(allow_nan=False, allow_infinity=False),
)


@settings(max_examples=40, deadline=None)
@given(
    sheets=st.dictionaries(st.text(min_size=1), st.lists(st.lists(CELLS, max_size=6), max_size=6))
)
def test_a_snapshot_gives_back_exactly_the_cells_it_kept(sheets):
    """The answer Google sent, kept and read back, gives every cell with its JSON type."""
    source = SourceConfig(location=KEY, kind="gsheets", name="River Valley")
    read_at = dt.datetime(2026, 11, 1, 9, 30, tzinfo=dt.UTC)
    titles = tuple(sheets)
    answer = {
        "valueRanges": [
            {"range": absolute_range_name(title, "A1:F6"), **({"values": rows} if rows else {})}
            for title, rows in sheets.items()
        ]
    }
    body = json.dumps(answer, indent=2).encode()
    snapshots.save(source, "Title <b>", read_at, body, titles, titles, read_at, "2026-11-01Z")
    kept = snapshots.load(source)
    assert kept is not None
    back = sheets_from_body(kept.read, kept.body)
    assert back == sheets and kept.read_at == read_at and kept.title == "Title <b>"
    assert kept.body == body and kept.modified_time == "2026-11-01Z"
    for title, rows in sheets.items():
        for row, again in zip(rows, back[title], strict=True):
            assert [type(c) for c in row] == [type(c) for c in again]
