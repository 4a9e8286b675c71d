"""The command line as a user runs it: ``python -m dashboard check|template|demo``."""

from __future__ import annotations

import subprocess
import sys

from dashboard.sources.local import read_xlsx, write_xlsx
from tests.fixtures import river_valley, write_csv_folder


def _run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *map(str, args)],
        capture_output=True, text=True, timeout=120, cwd=cwd,
    )  # fmt: skip


def test_check_lists_problems_grouped_counted_and_located(tmp_path):
    path = tmp_path / "rv.xlsx"
    write_xlsx(path, river_valley())
    result = _run("check", path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "15 problem(s):" in out
    assert "      3  Wins — unknown person" not in out  # grouped per tab and kind:
    assert "      2  Wins — unknown person" in out
    assert "      1  Commitments — missing value" in out
    assert "row 4 made: 'TBD' — unreadable date" in out
    assert "row 5 email: 'bo.chen.example.org' — invalid email" in out


def test_check_exits_1_naming_a_missing_required_column(tmp_path):
    sheets = river_valley()
    sheets["Wins"][0][1] = "Thing"  # the required "Win" header renamed
    write_xlsx(tmp_path / "broken.xlsx", sheets)
    result = _run("check", tmp_path / "broken.xlsx")
    assert result.returncode == 1
    assert "tab 'Wins' has no 'win' column" in result.stderr


def test_check_exits_1_naming_a_missing_tab(tmp_path):
    sheets = river_valley()
    del sheets["People"]
    write_xlsx(tmp_path / "broken.xlsx", sheets)
    result = _run("check", tmp_path / "broken.xlsx")
    assert result.returncode == 1
    assert "no 'People' tab" in result.stderr


def test_check_on_a_missing_file_is_an_error_not_a_traceback(tmp_path):
    result = _run("check", tmp_path / "nope.xlsx")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout


def test_template_loads_clean_with_every_tab(tmp_path):
    path = tmp_path / "blank.xlsx"
    assert _run("template", path).returncode == 0
    sheets = read_xlsx(path)
    assert list(sheets) == ["How to use", "Collaborations", "People", "Projects", "Commitments",
                            "Wins", "Meetings"]  # fmt: skip
    assert sheets["Commitments"][0][:4] == ["person", "project", "commitment", "made"]
    result = _run("check", path)
    assert result.returncode == 0 and "No problems found." in result.stdout


def test_template_as_csv_folder(tmp_path):
    assert _run("template", tmp_path / "csv").returncode == 0
    assert sorted(p.name for p in (tmp_path / "csv").iterdir())[0] == "Collaborations.csv"
    assert _run("check", tmp_path / "csv").returncode == 0


def test_csv_folder_reads_like_the_workbook(tmp_path):
    folder = write_csv_folder(tmp_path / "rv", river_valley())
    result = _run("check", folder)
    assert result.returncode == 0
    assert "15 problem(s):" in result.stdout


def test_demo_command_regenerates_the_shipped_demo_byte_for_byte(tmp_path):
    from dashboard.config import demo_path

    assert _run("demo", tmp_path / "demo.xlsx").returncode == 0
    assert (tmp_path / "demo.xlsx").read_bytes() == demo_path().read_bytes()


def test_check_without_source_reads_the_demo(tmp_path):
    result = _run("check", cwd=tmp_path)
    assert result.returncode == 0
    assert "Source demo (xlsx)" in result.stdout
    assert "problem(s):" in result.stdout


def test_log_win_prints_the_id_and_the_same_id_writes_once(tmp_path):
    path = tmp_path / "rv.xlsx"
    write_xlsx(path, river_valley())
    args = ["log-win", path, "--date", "2024-03-01", "--win", "Market opened", "--project",
            "food hub", "--people", "Ann Lee, Eve Park", "--id", "w-cli-1"]  # fmt: skip
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


def test_log_commitment_to_a_configured_source_needs_writing_switched_on(tmp_path):
    path = tmp_path / "rv.xlsx"
    write_xlsx(path, river_valley())
    config = tmp_path / "smallwins.toml"
    config.write_text(f'[[sources]]\nname = "rv"\nlocation = "{path}"\n')
    args = ["log-commitment", config, "--to", "rv", "--person", "Ann Lee", "--project",
            "Food Hub", "--commitment", "Call the grocer", "--due", "2099-01-01"]  # fmt: skip
    refused = _run(*args)
    assert refused.returncode == 2 and "writable = true" in refused.stderr
    config.write_text(f'[[sources]]\nname = "rv"\nlocation = "{path}"\nwritable = true\n')
    written = _run(*args)
    assert written.returncode == 0, written.stderr
    row_id = written.stdout.strip()
    assert read_xlsx(path)["Commitments"][-1][-1] == row_id
