"""Reading Google Sheets through the real gspread client, against the Sheets API test double."""

from __future__ import annotations

import subprocess
import sys
import threading

import pandas as pd
import pytest

from dashboard.config import SourceConfig, load_config, settings_for
from dashboard.loader import load
from dashboard.sources.local import write_xlsx
from tests.fixtures import RIVER_VALLEY_KEY as KEY
from tests.fixtures import river_valley
from tests.waiting import CEILING_SECONDS, wait_until

FOREVER = 3_600.0  # a delay far past any timeout here


def _table_columns_without_origin(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=[c for c in ("source",) if c in frame.columns])


def test_one_metadata_and_one_batch_get_per_load(google):
    google.add_spreadsheet(KEY, river_valley())
    dataset = load(settings_for(KEY))
    assert not dataset.failed_sources
    assert len(dataset.commitments) == 3 and len(dataset.wins) == 2
    assert google.count("metadata", KEY) == 1
    assert google.count("batchGet", KEY) == 1
    assert google.count("token") == 1
    assert google.count("other") == 0


def test_batch_get_asks_for_unformatted_values_and_serial_dates(google):
    google.add_spreadsheet(KEY, river_valley())
    load(settings_for(KEY))
    (request,) = [r for r in google.requests if "values:batchGet" in r.path]
    assert request.query["valueRenderOption"] == ["UNFORMATTED_VALUE"]
    assert request.query["dateTimeRenderOption"] == ["SERIAL_NUMBER"]
    # every known tab in the one request; the "How to use" tab is not fetched
    assert sorted(request.query["ranges"]) == sorted(
        f"'{tab}'"
        for tab in ("Collaborations", "People", "Projects", "Commitments", "Wins", "Meetings")
    )


def test_sheets_and_xlsx_reads_of_one_workbook_give_identical_tables(google, tmp_path):
    google.add_spreadsheet(KEY, river_valley())
    path = tmp_path / "rv.xlsx"
    write_xlsx(path, river_valley())
    from_sheets = load(settings_for(KEY))
    from_xlsx = load(settings_for(str(path)))
    for name, table in from_sheets.tables().items():
        pd.testing.assert_frame_equal(
            _table_columns_without_origin(table),
            _table_columns_without_origin(from_xlsx.tables()[name]),
            obj=name,
        )
    pd.testing.assert_frame_equal(
        from_sheets.problems.drop(columns="source"), from_xlsx.problems.drop(columns="source")
    )


def test_several_sources_merged_each_tagged_with_its_collaboration(google, tmp_path):
    other = "1LakesideKeyAbcdefghijklmnopqrstuvwx"
    google.add_spreadsheet(KEY, river_valley())
    google.add_spreadsheet(
        other,
        {
            "People": [["Name", "Email", "Organization"], ["Jo Park", "jose@example.org", "Acme"]],
            "Projects": [["Project"], ["Food Hub"]],
            "Commitments": [["Person", "Project", "Made"], ["Jo Park", "Food Hub", 45400]],
            "Wins": [["Date", "Win", "People"], [45401, "Market opened", "José Pérez, Ann Lee"]],
        },
    )
    config = tmp_path / "smallwins.toml"
    config.write_text(
        f"""
[app]
cache_ttl_seconds = 300

[[sources]]
name = "River Valley sheet"
location = "https://docs.google.com/spreadsheets/d/{KEY}/edit#gid=0"
collaboration = "River Valley"

[[sources]]
name = "Lakeside sheet"
location = "{other}"
collaboration = "Lakeside"
""",
        encoding="utf-8",
    )
    settings = load_config(config)
    assert settings.cache_ttl_seconds == 300
    dataset = load(settings)
    assert google.count("metadata") == 2 and google.count("batchGet") == 2
    lakeside = dataset.commitments[dataset.commitments["source"] == "Lakeside sheet"]
    assert lakeside["collaboration"].tolist() == ["Lakeside"]
    # the same project name in two sources is two projects
    assert sorted(dataset.projects["project"]) == [
        "Apprenticeships",
        "Food Hub (Lakeside sheet)",
        "Food Hub (River Valley sheet)",
    ]
    # the same email in two People tabs is one person: the bridge between the regions
    assert (dataset.people["person"] == "jose@example.org").sum() == 1
    assert "jose@example.org" in set(lakeside["person"])
    # a name listed only in the other region's sheet is still a known person
    ann = dataset.problems[dataset.problems["value"] == "Ann Lee"]
    assert ann.empty


def test_transient_errors_are_retried(google, quick_retries):
    google.add_spreadsheet(KEY, river_valley())
    google.fail_next(503, times=1, kind="metadata")
    google.fail_next(429, times=2, kind="batchGet")
    dataset = load(settings_for(KEY))
    assert not dataset.failed_sources
    assert google.count("metadata") == 2 and google.count("batchGet") == 3


@pytest.mark.slow
def test_a_hung_response_times_out_and_is_retried(google, quick_retries, tmp_path):
    google.add_spreadsheet(KEY, river_valley())
    config = tmp_path / "c.toml"
    config.write_text(f'[app]\ntimeout_seconds = 5\n[[sources]]\nlocation = "{KEY}"\n')
    google.delay_next(FOREVER, times=1, kind="batchGet")  # far past the timeout
    dataset = load(load_config(config))
    assert not dataset.failed_sources and len(dataset.wins) == 2
    # the first never answered; a retry was (a busy machine may have needed more than one)
    batch_gets = [r.status for r in google.requests if r.kind == "batchGet"]
    assert batch_gets[0] is None and 200 in batch_gets[1:]


@pytest.mark.slow
def test_one_retry_budget_for_the_whole_read(google, monkeypatch, tmp_path):
    """A slow metadata answer uses up part of the budget, and the batchGet then has only what is
    left of it: the read gives up within one budget (6 s here; a minute by default), not a
    budget per call. Told by the timeout each attempt was given, not by a stopwatch."""
    from dashboard.sources import gsheets
    from dashboard.sources.http import RetryPolicy

    budget, slow = 6.0, 2.0
    monkeypatch.setattr(gsheets, "RetryPolicy", lambda: RetryPolicy(budget_seconds=budget))
    google.add_spreadsheet(KEY, river_valley())
    config = tmp_path / "c.toml"
    config.write_text(f'[app]\ntimeout_seconds = 30\n[[sources]]\nlocation = "{KEY}"\n')
    google.delay_next(slow, times=1, kind="metadata")  # answered, at least 2 s into the budget
    google.delay_next(FOREVER, times=50, kind="batchGet")
    timeouts = _attempt_timeouts(monkeypatch)
    (failed,) = load(load_config(config), fallback=False).failed_sources
    assert "did not answer in time" in failed.error
    # the batchGet had at most what the metadata left (a budget per call would have given it
    # the whole 6 s), and was not tried again once that was spent
    (batch_get,) = [seconds for kind, seconds in timeouts if kind == "values:batchGet"]
    assert batch_get <= budget - slow
    assert google.count("batchGet") == 1


def test_sheets_on_a_hung_google_are_waited_for_side_by_side(google, tmp_path):
    """Three sheets whose first request Google holds: read side by side, all three are waiting
    at once (one after another, the second would not be asked before the first is answered)."""
    keys = [f"1Sheet{n}Abcdefghijklmnopqrstuvwxyz012" for n in range(3)]
    for key in keys:
        google.add_spreadsheet(key, river_valley())
    config = tmp_path / "c.toml"
    config.write_text(
        "[app]\ntimeout_seconds = 600\n"  # no attempt gives up while the test holds it
        + "".join(f'[[sources]]\nlocation = "{key}"\nname = "s{key[6]}"\n' for key in keys)
    )
    google.hang("metadata")
    loaded: list = []
    reading = threading.Thread(target=lambda: loaded.append(load(load_config(config))))
    reading.start()

    def waiting() -> set[str | None]:
        return {r.key for r in google.requests if r.kind == "metadata" and r.status is None}

    wait_until(lambda: waiting() == set(keys), "the three sheets' requests waiting at once")
    google.heal()
    reading.join(timeout=CEILING_SECONDS)
    (dataset,) = loaded
    assert not dataset.failed_sources
    assert [s.label for s in dataset.sources] == ["s0", "s1", "s2"]  # in their order


def _attempt_timeouts(monkeypatch) -> list[tuple[str, float]]:
    """Spy on every attempt to call Google: (the endpoint's last part, its timeout)."""
    from gspread.http_client import HTTPClient

    seen: list[tuple[str, float]] = []
    real = HTTPClient.request

    def request(self, method, endpoint, *args, **kwargs):
        seen.append((endpoint.rsplit("/", 1)[-1], self.timeout))
        return real(self, method, endpoint, *args, **kwargs)

    monkeypatch.setattr(HTTPClient, "request", request)
    return seen


def test_a_quota_storm_gives_up_with_a_plain_message(google, quick_retries):
    google.add_spreadsheet(KEY, river_valley())
    google.fail_next(429, times=50, kind="batchGet")
    dataset = load(settings_for(KEY))
    (failed,) = dataset.failed_sources
    assert "quota" in failed.error
    assert google.count("batchGet") == 5  # the policy's attempts, then it gives up
    assert dataset.problems["kind"].tolist() == ["source unreadable"]


def test_not_shared_names_the_service_account_to_share_with(google):
    google.add_spreadsheet(KEY, river_valley())
    google.deny(KEY)
    (failed,) = load(settings_for(KEY)).failed_sources
    assert "dashboard@smallwins-test.iam.gserviceaccount.com" in failed.error
    assert "BEGIN PRIVATE KEY" not in failed.error
    assert google.count("metadata") == 1  # a 403 is not retried


def test_unknown_spreadsheet(google):
    (failed,) = load(settings_for("1NoSuchSheetAbcdefghijklmnopqrstuv")).failed_sources
    assert "not found" in failed.error


@pytest.fixture
def public_sheet(double, monkeypatch):
    """A link-shared sheet, read with an API key from the environment and no service account."""
    double.add_spreadsheet(KEY, river_valley(), public=True)
    monkeypatch.setenv("SMALLWINS_SHEETS_ENDPOINT", double.url)
    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS", raising=False)
    monkeypatch.setenv("SMALLWINS_SHEETS_API_KEY", double.api_key)
    return double


def test_public_sheet_read_with_an_api_key_only(public_sheet):
    double = public_sheet
    dataset = load(settings_for(KEY))
    assert not dataset.failed_sources and len(dataset.wins) == 2
    assert double.count("token") == 0


def test_api_key_in_configuration(double, monkeypatch, tmp_path):
    double.add_spreadsheet(KEY, river_valley(), public=True)
    monkeypatch.setenv("SMALLWINS_SHEETS_ENDPOINT", double.url)
    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS", raising=False)
    monkeypatch.delenv("SMALLWINS_SHEETS_API_KEY", raising=False)
    config = tmp_path / "c.toml"
    config.write_text(f'[[sources]]\nlocation = "{KEY}"\napi_key = "{double.api_key}"\n')
    assert len(load(load_config(config)).wins) == 2


def test_no_credentials_at_all_says_what_to_set(monkeypatch):
    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS", raising=False)
    monkeypatch.delenv("SMALLWINS_SHEETS_API_KEY", raising=False)
    monkeypatch.chdir("/")
    (failed,) = load(settings_for(KEY)).failed_sources
    assert "GOOGLE_APPLICATION_CREDENTIALS" in failed.error


def test_check_command_on_a_google_sheet(google):
    google.add_spreadsheet(KEY, river_valley())
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "dashboard",
            "check",
            f"https://docs.google.com/spreadsheets/d/{KEY}",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "15 problems" in result.stdout
    assert "row 6 status: 'waiting on Bob' — unknown commitment status" in result.stdout
    assert google.count("batchGet") == 1


def test_source_config_understands_urls_and_keys():
    source = SourceConfig(
        location=f"https://docs.google.com/spreadsheets/d/{KEY}/edit", kind="gsheets"
    )
    assert source.sheet_key == KEY
    assert settings_for(KEY).sources[0].kind == "gsheets"


def test_a_404_is_not_retried(google):
    google.add_spreadsheet(KEY, river_valley())
    google.fail_next(404, times=1, kind="metadata")
    assert load(settings_for(KEY)).failed_sources
    assert google.count("metadata") == 1


def test_a_401_refreshes_the_token_once_then_gives_a_plain_message(google):
    google.add_spreadsheet(KEY, river_valley())
    google.fail_next(401, times=1, kind="metadata")
    assert not load(settings_for(KEY)).failed_sources  # google-auth fetched a new token
    assert google.count("token") == 2
    google.touch(KEY)  # changed, so read again (its titles from the snapshot: a batchGet only)
    google.fail_next(401, times=10, kind="batchGet")
    (failed,) = load(settings_for(KEY), fallback=False).failed_sources  # the live read, as check
    assert "refused the credentials" in failed.error


def test_the_api_key_goes_as_a_header_and_as_the_key_parameter(public_sheet):
    double = public_sheet
    load(settings_for(KEY))
    for request in double.requests:
        assert request.query["key"] == [double.api_key]
        assert request.headers["x-goog-api-key"] == double.api_key


def test_batch_answers_are_matched_to_tabs_by_their_range():
    from dashboard.sources.gsheets import sheets_from_batch

    body = {
        "valueRanges": [
            {"range": "'Tab ''b'''!A1:B2", "majorDimension": "ROWS", "values": [["x"]]},
            {"range": "Wins!A1:Z1000", "majorDimension": "ROWS"},
            {"range": "'Odd one'!A1:A1", "values": [["y"]]},
        ]
    }
    assert sheets_from_batch(["Wins", "Tab 'b'", "People"], body) == {
        "Wins": [],
        "Tab 'b'": [["x"]],
        "People": [["y"]],
    }
