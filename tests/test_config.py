"""The configuration file, checked against its schema: every mistake stops with the file, the line,
the key and what to write — never ignored, never a traceback (docs/operating.md,
"Configuration")."""

from __future__ import annotations

import re

import pytest

from dashboard.cli import main
from dashboard.config import ConfigError, load_config
from dashboard.loader import load
from dashboard.sources.local import write_xlsx
from tests.fixtures import river_valley, write_csv_folder
from tests.ui.apptest import open_page, rendered
from tests.ui.helpers import AUTH


def _config(folder, text: str, workbook: bool = True):
    if workbook:
        write_xlsx(folder / "rv.xlsx", river_valley())
    path = folder / "smallwins.toml"
    path.write_text(text)
    return path


SOURCE = '[[sources]]\nname = "River"\nlocation = "rv.xlsx"\n'


def _error(path) -> str:
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    return str(raised.value)


def test_a_misspelt_table_stops_with_its_line_and_the_close_match(tmp_path):
    path = _config(tmp_path, SOURCE + '\n[acess]\ncoordinators = ["ana@region.org"]\n')
    message = _error(path)
    assert message.startswith(f"{path}, line 5: unknown table [acess]")  # line 5: [acess]
    assert "did you mean [access]?" in message


@pytest.mark.parametrize(
    ("setting", "line", "key"),
    [  # SOURCE is lines 1-3, a blank line 4, the table line 5: the key is on line 6
        ('[reports]\nshow_names = "no"', 6, "[reports] 'show_names'"),
        ('[app]\nday_first = "false"', 6, "[app] 'day_first'"),
        ('[app]\ncache_ttl_seconds = "ten"', 6, "[app] 'cache_ttl_seconds'"),
    ],
)
def test_a_value_of_the_wrong_type_is_refused_not_read_as_true(tmp_path, setting, line, key):
    message = _error(_config(tmp_path, SOURCE + "\n" + setting + "\n"))
    assert re.search(rf"line {line}: {re.escape(key)} must be", message), message


def test_keys_of_a_source_are_checked_too(tmp_path):
    text = (
        SOURCE + 'writable = "no"\n\n[[sources]]\nlocation = "rv.xlsx"\nname = 42\n'
        "nmae = 'Lake'\n"
    )
    message = _error(_config(tmp_path, text))
    # three mistakes, each located: writable (line 4), name (line 8), nmae (line 9)
    assert message.startswith(f"3 mistakes in {tmp_path / 'smallwins.toml'}:")
    assert "line 4: [[sources]] #1 'writable' must be true or false" in message
    assert "line 8: [[sources]] #2 'name' must be text in quotes, not 42" in message
    assert "line 9: unknown key 'nmae' in [[sources]] #2 — did you mean 'name'?" in message


def test_the_command_line_prints_the_mistake_and_exits_2(tmp_path, capsys):
    path = _config(tmp_path, SOURCE + '\n[app]\ncache_ttl_seconds = "ten"\n')
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "cache_ttl_seconds" in err and "Traceback" not in err


def test_two_sources_of_one_name_are_an_error(tmp_path):
    message = _error(_config(tmp_path, SOURCE + "\n" + SOURCE))
    assert "line 6" in message and "#1 and #2 are both named 'River'" in message


def test_a_missing_csv_folder_is_not_found_not_four_missing_tabs(tmp_path):
    path = _config(tmp_path, '[[sources]]\nname = "Lake"\nlocation = "lake"\nkind = "csv"\n')
    dataset = load(load_config(path))
    (failed,) = dataset.failed_sources
    assert failed.error == f"Lake: '{tmp_path / 'lake'}' not found"
    assert dataset.problems["kind"].tolist() == ["source unreadable"]


def test_a_relative_location_is_read_beside_the_configuration_only(tmp_path, monkeypatch):
    (tmp_path / "config").mkdir()
    (tmp_path / "elsewhere").mkdir()
    path = _config(tmp_path / "config", SOURCE, workbook=False)
    write_xlsx(tmp_path / "elsewhere" / "rv.xlsx", river_valley())  # where the app is started
    monkeypatch.chdir(tmp_path / "elsewhere")
    (failed,) = load(load_config(path)).failed_sources  # not the working folder's workbook
    assert "not found" in failed.error and str(tmp_path / "config" / "rv.xlsx") in failed.error
    write_csv_folder(tmp_path / "config" / "csv", river_valley())
    settings = load_config(_config(tmp_path / "config", SOURCE.replace("rv.xlsx", "csv")))
    assert settings.sources[0].location == str(tmp_path / "config" / "csv")


def test_every_documented_key_is_accepted(tmp_path):
    text = (
        "[app]\ncache_ttl_seconds = 30\ntimeout_seconds = 5\nday_first = true\n"
        "sheets_quota = 10\nsheets_quota_seconds = 30.5\ndrive_check = false\n\n"
        '[[sources]]\nlocation = "rv.xlsx"\nname = "River"\ncollaboration = "River Valley"\n'
        'day_first = false\nkind = "xlsx"\nwritable = true\n\n'
        '[[sources]]\nlocation = "1AbCdefghijklmnopqrstuvwxyz012345"\nname = "Pilot"\n'
        'api_key = "AIza-not-a-real-key"\n\n'
        '[[sources]]\nlocation = "1BbCdefghijklmnopqrstuvwxyz0123"\n'
        'name = "Board"\ncredentials_file = "key.json"\nkind = "gsheets"\n\n'
        "[reports]\nshow_names = true\n\n"
        '[access]\ncoordinators = ["ana@region.org"]\nfunders = "foundation.org"\n'
        '[access.teams]\n"River Valley" = ["rivervalley.org"]\n'
    )
    settings = load_config(_config(tmp_path, text))
    assert (settings.cache_ttl_seconds, settings.timeout_seconds) == (30, 5.0)
    assert (settings.sheets_quota, settings.sheets_quota_seconds, settings.drive_check) == (
        10,
        30.5,
        False,
    )
    river, pilot, board = settings.sources
    assert (river.day_first, river.writable, river.collaboration) == (False, True, "River Valley")
    assert (pilot.kind, pilot.day_first, pilot.api_key) == ("gsheets", True, "AIza-not-a-real-key")
    assert (board.kind, board.credentials_file) == ("gsheets", "key.json")
    assert settings.extra["reports"] == {"show_names": True}
    assert settings.extra["access"]["funders"] == ["foundation.org"]


def test_the_new_app_keys_have_their_defaults(tmp_path):
    settings = load_config(_config(tmp_path, SOURCE))
    assert (settings.sheets_quota, settings.sheets_quota_seconds, settings.drive_check) == (
        50,
        60.0,
        True,
    )
    assert "access" not in settings.extra  # no [access]: sign-in as a gate only, as documented


def test_a_credential_is_never_repeated_in_a_message(tmp_path):
    message = _error(_config(tmp_path, SOURCE + "api_key = 12345678901\n"))
    assert "'api_key' must be text in quotes" in message and "12345678901" not in message


def test_a_misspelt_access_table_shows_an_error_page_not_the_data(tmp_path, monkeypatch):
    """Before: [acess] was ignored, so every signed-in account became a coordinator."""
    path = _config(tmp_path, SOURCE + '\n[acess]\nfunders = ["foundation.org"]\n')
    monkeypatch.setenv("SMALLWINS_CONFIG", str(path))
    monkeypatch.chdir(tmp_path)
    app = open_page(
        "app.py", user={"is_logged_in": True, "email": "po@foundation.org"}, secrets={"auth": AUTH}
    )
    (error,) = [rendered(e.value) for e in app.error]
    assert "The configuration cannot be used" in error and "did you mean [access]?" in error
    assert not app.metric and not app.get("arrow_vega_lite_chart")


def test_an_empty_location_says_so_in_words(tmp_path):
    message = _error(_config(tmp_path, '[[sources]]\nlocation = ""\n'))
    assert message.endswith(
        "line 2: [[sources]] #1 'location' must be text that is not empty, not \"\" (text)"
    )


def test_a_blank_name_or_collaboration_is_none_and_the_label_falls_back(tmp_path):
    # "   " would show as a blank source in check, the banner and the report: the file's name
    # is used, as for a source with no name; a blank collaboration claims no records
    text = '[[sources]]\nlocation = "rv.xlsx"\nname = "   "\ncollaboration = " "\n'
    path = _config(tmp_path, text)
    (source,) = load_config(path).sources
    assert (source.label, source.collaboration) == ("rv", None)
