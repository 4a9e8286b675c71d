"""The command line as a user runs it: ``python -m dashboard check|template|demo|init|log-win…``."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dashboard import cli
from dashboard.sources.local import read_xlsx, write_xlsx
from tests.fixtures import river_valley, write_csv_folder


def _run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


@pytest.mark.slow
def test_check_lists_problems_grouped_counted_and_located(tmp_path):
    path = tmp_path / "rv.xlsx"
    write_xlsx(path, river_valley())
    result = _run("check", path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "15 problems:" in out
    assert "      3  Wins — unknown person" not in out  # grouped per tab and kind:
    assert "      2  Wins — unknown person" in out
    assert "      1  Commitments — missing value" in out
    assert "row 4 made: 'TBD' — unreadable date" in out
    assert "row 5 email: 'bo.chen.example.org' — invalid email" in out


@pytest.mark.slow
def test_check_exits_1_naming_a_missing_required_column(tmp_path):
    sheets = river_valley()
    sheets["Wins"][0][1] = "Thing"  # the required "Win" header renamed
    write_xlsx(tmp_path / "broken.xlsx", sheets)
    result = _run("check", tmp_path / "broken.xlsx")
    assert result.returncode == 1
    assert "tab 'Wins' has no 'win' column" in result.stderr


@pytest.mark.slow
def test_check_exits_1_naming_a_missing_tab(tmp_path):
    sheets = river_valley()
    del sheets["People"]
    write_xlsx(tmp_path / "broken.xlsx", sheets)
    result = _run("check", tmp_path / "broken.xlsx")
    assert result.returncode == 1
    assert "no 'People' tab" in result.stderr


@pytest.mark.slow
def test_check_on_a_missing_file_is_an_error_not_a_traceback(tmp_path):
    result = _run("check", tmp_path / "nope.xlsx")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.slow
def test_template_loads_clean_with_every_tab(tmp_path):
    path = tmp_path / "blank.xlsx"
    assert _run("template", path).returncode == 0
    sheets = read_xlsx(path)
    assert list(sheets) == [
        "How to use",
        "Collaborations",
        "People",
        "Projects",
        "Commitments",
        "Wins",
        "Meetings",
    ]
    assert sheets["Commitments"][0][:4] == ["Person", "Project", "Commitment", "Made"]
    result = _run("check", path)
    assert result.returncode == 0 and "No problems found." in result.stdout


def test_template_as_csv_folder(tmp_path):
    assert _run("template", tmp_path / "csv").returncode == 0
    assert sorted(p.name for p in (tmp_path / "csv").iterdir())[0] == "Collaborations.csv"
    assert _run("check", tmp_path / "csv").returncode == 0


@pytest.mark.slow
def test_csv_folder_reads_like_the_workbook(tmp_path):
    folder = write_csv_folder(tmp_path / "rv", river_valley())
    result = _run("check", folder)
    assert result.returncode == 0
    assert "15 problems:" in result.stdout


def test_demo_command_regenerates_the_shipped_demo_byte_for_byte(tmp_path):
    from dashboard.config import demo_path

    assert _run("demo", tmp_path / "demo.xlsx").returncode == 0
    assert (tmp_path / "demo.xlsx").read_bytes() == demo_path().read_bytes()


@pytest.mark.slow
def test_check_without_source_reads_the_demo(tmp_path):
    result = _run("check", cwd=tmp_path)
    assert result.returncode == 0
    assert "Source demo (xlsx)" in result.stdout
    assert "problems:" in result.stdout


@pytest.mark.slow
def test_log_win_prints_the_id_and_the_same_id_writes_once(tmp_path):
    path = tmp_path / "rv.xlsx"
    write_xlsx(path, river_valley())
    args = [
        "log-win",
        path,
        "--date",
        "2024-03-01",
        "--win",
        "Market opened",
        "--project",
        "food hub",
        "--people",
        "Ann Lee, Eve Park",
        "--id",
        "w-cli-1",
    ]
    first = _run(*args)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "w-cli-1"
    again = _run(*args)
    assert again.returncode == 0 and "already written" in again.stderr
    rows = read_xlsx(path)["Wins"]
    assert [row[-1] for row in rows].count("w-cli-1") == 1


def test_log_win_validation_failure_writes_nothing(tmp_path):
    path = tmp_path / "rv.xlsx"
    write_xlsx(path, river_valley())
    before = path.read_bytes()
    result = _run("log-win", path, "--win", "x", "--project", "Robots", "--size", "huge")
    assert result.returncode == 1
    assert "--project: 'Robots' is not a project" in result.stderr
    assert "--size: Size is one of small, medium, large." in result.stderr
    assert path.read_bytes() == before


@pytest.mark.slow
def test_log_commitment_to_a_configured_source_needs_writing_switched_on(tmp_path):
    path = tmp_path / "rv.xlsx"
    write_xlsx(path, river_valley())
    config = tmp_path / "smallwins.toml"
    config.write_text(f'[[sources]]\nname = "rv"\nlocation = "{path}"\n')
    args = [
        "log-commitment",
        config,
        "--to",
        "rv",
        "--person",
        "Ann Lee",
        "--project",
        "Food Hub",
        "--commitment",
        "Call the grocer",
        "--due",
        "2099-01-01",
    ]
    refused = _run(*args)
    assert refused.returncode == 2 and "writable = true" in refused.stderr
    config.write_text(f'[[sources]]\nname = "rv"\nlocation = "{path}"\nwritable = true\n')
    written = _run(*args)
    assert written.returncode == 0, written.stderr
    row_id = written.stdout.strip()
    assert read_xlsx(path)["Commitments"][-1][-1] == row_id


def _main(capsys, *args) -> tuple[int, str, str]:
    """A command run in this process (faster than a new Python): exit status, stdout, stderr."""
    status = cli.main([str(a) for a in args])
    said = capsys.readouterr()
    return status, said.out, said.err


def test_a_whole_tab_problem_says_so_and_aliases_read_as_typed(tmp_path, capsys):
    sheets = river_valley()
    del sheets["People"]
    sheets["Commitments"][0][0] = "Owner name"  # no header the person column is read from
    write_xlsx(tmp_path / "broken.xlsx", sheets)
    _, out, _ = _main(capsys, "check", tmp_path / "broken.xlsx")
    assert "  the whole tab — missing tab: the workbook has no 'People' tab" in out
    assert ": ''" not in out  # no empty place or value is printed
    assert '(or "Assigned to", "Assignee", "Committed by", "Name", "Owner", ' in out
    assert '"Who is responsible", "Who\'s responsible")' in out
    assert "whoisresponsible" not in out


def test_a_ref_error_in_a_date_column_is_a_spreadsheet_error(tmp_path, capsys):
    write_xlsx(tmp_path / "rv.xlsx", river_valley())  # Wins row 4's date is #REF!
    _, out, _ = _main(capsys, "check", tmp_path / "rv.xlsx")
    expected = (
        "row 4 date: '#REF!' — spreadsheet error: the cell shows a formula error; row skipped"
    )
    assert expected in out


def test_a_sheet_url_is_called_by_its_key_not_edit(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS", raising=False)
    monkeypatch.delenv("SMALLWINS_SHEETS_API_KEY", raising=False)
    key = "1AbCdefghijklmnopqrstuvwxyz0123456789"
    _, out, _ = _main(capsys, "check", f"https://docs.google.com/spreadsheets/d/{key}/edit#gid=0")
    assert f"Source {key} (gsheets)" in out
    assert f"[{key}] (workbook): 1" in out  # its problem (no credentials), under the same name
    assert "Source edit" not in out and "[edit]" not in out


def test_the_bundled_demo_is_read_only_and_the_message_says_how_to_copy_it(capsys):
    from dashboard.config import demo_path

    before = demo_path().read_bytes()
    status, _, err = _main(
        capsys,
        "log-win",
        demo_path(),
        "--win",
        "Bogus",
        "--project",
        "Food Waste Recovery",
        "--date",
        "2026-10-30",
    )
    assert status == 2
    assert "The bundled demo workbook is read-only" in err
    assert "smallwins init" in err and 'location = "your-team.xlsx"' in err
    assert demo_path().read_bytes() == before


def test_init_copies_the_demo_and_writes_a_configuration_that_can_be_written_to(
    tmp_path, capsys, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    status, out, err = _main(capsys, "init")
    assert status == 0, err
    assert out.splitlines()[:2] == [
        "wrote smallwins.toml: my-team (xlsx), writing on",
        "wrote my-team.xlsx: a copy of the demo workbook, yours to change",
    ]
    config = (tmp_path / "smallwins.toml").read_text(encoding="utf-8")
    assert '[[sources]]\nlocation = "my-team.xlsx"\nwritable = true\n' in config
    status, _, err = _main(
        capsys,
        "log-win",
        "smallwins.toml",
        "--win",
        "Market opened",
        "--project",
        "Food Waste Recovery",
        "--date",
        "2026-10-30",
    )
    assert status == 0, err
    wins = read_xlsx(tmp_path / "my-team.xlsx")["Wins"]
    assert wins[-1][1] == "Market opened"
    status, _, err = _main(capsys, "init")
    assert status == 1 and "already exists, and is left as it is" in err


def test_init_names_a_given_workbook_relative_to_the_configuration(tmp_path, capsys, monkeypatch):
    (tmp_path / "data").mkdir()
    write_xlsx(tmp_path / "data" / "rv.xlsx", river_valley())
    monkeypatch.chdir(tmp_path)
    status, _, err = _main(capsys, "init", "data/rv.xlsx", "--name", "River Valley")
    assert status == 0, err
    config = (tmp_path / "smallwins.toml").read_text(encoding="utf-8")
    assert 'name = "River Valley"\nlocation = "data/rv.xlsx"\nwritable = true' in config
    assert not (tmp_path / "my-team.xlsx").exists()


def test_commands_that_write_a_file_say_what_they_wrote(tmp_path, capsys, monkeypatch):
    write_xlsx(tmp_path / "rv.xlsx", river_valley())
    monkeypatch.chdir(tmp_path)
    _, out, _ = _main(capsys, "agenda", "rv.xlsx", "--project", "Food Hub", "--date", "2024-02-29")
    assert out == (
        "wrote agenda-2024-02-29-Food-Hub.md: the 30/30 agenda (Project: Food Hub) for the "
        "meeting of 2024-02-29 (Markdown)\n"
    )
    assert (tmp_path / "agenda-2024-02-29-Food-Hub.md").is_file()
    _, out, _ = _main(capsys, "template", "t.xlsx")
    assert out.startswith("wrote t.xlsx: a blank workbook with every tab and header, its drop-down")
