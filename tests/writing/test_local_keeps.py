"""Logging to a workbook Excel or LibreOffice saved keeps everything it had: formulas' saved
values, macros, every other part byte for byte, permissions, symlinks — and refuses a workbook
open in an editor, writing nothing. Files come from ``office_files`` (the editors' own shapes)."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from filelock import FileLock, Timeout
from openpyxl import load_workbook

from dashboard.config import Settings, SourceConfig
from dashboard.loader import load
from dashboard.sources.local import read_xlsx
from dashboard.writing import NewWin, WriteError, write
from dashboard.writing import local as local_writer
from tests.writing.office_files import VBA_BYTES, Formula, members, write_office_workbook

APRIL_9 = dt.datetime(2025, 4, 9)  # the test win's date, as openpyxl reads a date cell
CHILD_ENV = dict(os.environ)  # the children import the same dashboard as this test


def _child(code: str, timeout: float) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh Python, this worktree's code first."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, env=CHILD_ENV
    )


def team() -> dict[str, list[list[object]]]:
    """Two wins: w-1 dated by a formula, =DATE(2025,3,26), which Excel saved as 45742."""
    return {
        "People": [
            ["Name", "Email", "Organization"],
            ["Ann Lee", "ann@lee.org", "Acme"],
            ["Bo Chen", "", "County"],
        ],
        "Projects": [["Project", "Status"], ["Food Hub", "active"]],
        "Commitments": [
            ["Person", "Project", "Made", "Due", "Status"],
            ["Ann Lee", "Food Hub", dt.date(2025, 3, 1), dt.date(2025, 3, 20), "open"],
        ],
        "Wins": [
            ["Date", "Win", "Project", "People", "ID"],
            [
                Formula("DATE(2025,3,26)", dt.date(2025, 3, 26)),
                "Grant won",
                "Food Hub",
                "Ann Lee",
                "w-1",
            ],
            [dt.date(2025, 4, 2), "Grocer joined", "Food Hub", "Bo Chen", "w-2"],
        ],
    }


def _win(**changes) -> NewWin:
    fields = dict(
        date=dt.date(2025, 4, 9), win="Third win", project="Food Hub", people="Ann Lee", id="w-new"
    )
    fields.update(changes)
    return NewWin(**fields)


def _source(path: Path) -> SourceConfig:
    kind = "csv" if path.is_dir() else "xlsx"
    return SourceConfig(location=str(path), kind=kind, name="team", writable=True)


def _dates(path: Path) -> dict[str, str]:
    wins = load(Settings(sources=(_source(path),))).wins
    return dict(zip(wins["id"], wins["date"].dt.strftime("%Y-%m-%d"), strict=True))


@pytest.mark.parametrize("editor", ["excel", "libreoffice"])
def test_a_formula_date_keeps_its_saved_value(tmp_path, editor):
    path = write_office_workbook(tmp_path / "team.xlsx", team(), editor)
    assert _dates(path) == {"w-1": "2025-03-26", "w-2": "2025-04-02"}
    assert write(_source(path), _win()) is True
    # the formula's win still reads as 26 March (openpyxl's save left it blank: "row skipped")
    assert _dates(path) == {"w-1": "2025-03-26", "w-2": "2025-04-02", "w-new": "2025-04-09"}
    problems = load(Settings(sources=(_source(path),))).problems
    assert problems[problems["kind"] == "missing value"].empty
    cell = load_workbook(path)["Wins"]["A2"]
    assert cell.value == "=DATE(2025,3,26)"  # the formula is still there too


def test_every_other_part_is_kept_byte_for_byte(tmp_path):
    path = write_office_workbook(tmp_path / "team.xlsx", team())
    before = members(path)
    write(_source(path), _win())
    after = members(path)
    assert list(after) == list(before)  # same parts, same order
    changed = [name for name in before if before[name] != after[name]]
    assert changed == ["xl/worksheets/sheet4.xml"]  # the Wins tab, and nothing else
    # the new row is the fourth, after the last, in the sheet's column order: a date cell (the
    # styles already have a date format, s="1"), then text cells
    assert read_xlsx(path)["Wins"][3] == [APRIL_9, "Third win", "Food Hub", "Ann Lee", "w-new"]


def test_an_xlsm_keeps_its_macros(tmp_path):
    path = write_office_workbook(tmp_path / "team.xlsm", team(), macros=True)
    content_types = members(path)["[Content_Types].xml"]
    assert write(_source(path), _win()) is True
    after = members(path)
    assert after["xl/vbaProject.bin"] == VBA_BYTES
    assert after["[Content_Types].xml"] == content_types  # still macro-enabled for Excel
    book = load_workbook(path, keep_vba=True)
    assert book.vba_archive is not None and "xl/vbaProject.bin" in book.vba_archive.namelist()
    assert "w-new" in _dates(path)


@pytest.mark.parametrize(
    ("owner", "editor"), [("~$team.xlsx", "Excel"), (".~lock.team.xlsx#", "LibreOffice")]
)
def test_a_workbook_open_in_an_editor_is_not_written(tmp_path, owner, editor):
    path = write_office_workbook(tmp_path / "team.xlsx", team(), editor.lower())
    (tmp_path / owner).write_bytes(b"owner")
    before = path.read_bytes()
    with pytest.raises(WriteError, match=rf"open in {editor}.*close it"):
        write(_source(path), _win())
    assert path.read_bytes() == before
    (tmp_path / owner).unlink()
    assert write(_source(path), _win()) is True


def test_a_csv_file_open_in_libreoffice_is_not_written(tmp_path):
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "Wins.csv").write_text("Date,Win\r\n2025-04-02,Grocer joined\r\n", encoding="utf-8")
    (folder / ".~lock.Wins.csv#").write_text("owner")
    with pytest.raises(WriteError, match="open in LibreOffice"):
        write(_source(folder), _win(project="Food Hub"))


@pytest.mark.slow
def test_a_styled_cell_at_the_last_row_does_not_hang_the_write(tmp_path):
    """LibreOffice writes a formatted empty row at 1,048,576 when a whole column is formatted;
    the old writer looked at every row up to it (hours). Run in a child, with a deadline."""
    path = write_office_workbook(
        tmp_path / "team.xlsx", team(), "libreoffice", styled_last_row=("Wins",)
    )
    code = textwrap.dedent(f"""
        import datetime as dt
        from dashboard.config import SourceConfig
        from dashboard.writing import NewWin, write
        source = SourceConfig(location={str(path)!r}, kind="xlsx", writable=True)
        print(write(source, NewWin(dt.date(2025, 4, 9), "Third win", "Food Hub", id="w-new")))
    """)
    done = _child(code, timeout=60)
    assert done.stdout.strip() == "True", done.stderr
    rows = read_xlsx(path)["Wins"]
    assert len(rows) == 4 and rows[3][-1] == "w-new"  # row 4: under the last filled row
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet4.xml").decode()
    assert sheet.index('<row r="4"') < sheet.index('<row r="1048576"')  # rows stay in order
    assert '<c r="A1048576" s="2"/>' in sheet  # the formatting is kept


def test_the_lock_is_free_while_the_new_file_is_prepared(tmp_path, monkeypatch):
    path = write_office_workbook(tmp_path / "team.xlsx", team())
    prepare = local_writer.with_record
    free_while_preparing = []

    def watched(data, record):
        lock = FileLock(local_writer.lock_path(path), timeout=0)
        try:
            with lock:
                free_while_preparing.append(True)
        except Timeout:
            free_while_preparing.append(False)
        return prepare(data, record)

    monkeypatch.setattr(local_writer, "with_record", watched)
    assert write(_source(path), _win()) is True
    assert free_while_preparing == [True]


def test_a_writer_that_lost_the_race_starts_again_from_the_new_file(tmp_path, monkeypatch):
    """Another writer saves between this one's read and its rename: both rows are kept."""
    path = write_office_workbook(tmp_path / "team.xlsx", team())
    prepare = local_writer.with_record
    calls = []

    def interrupted(data, record):
        calls.append(record.id)
        if len(calls) == 1:  # meanwhile, someone else logs a win
            monkeypatch.setattr(local_writer, "with_record", prepare)
            write(_source(path), _win(id="w-other", win="Someone else's"))
            monkeypatch.setattr(local_writer, "with_record", interrupted)
        return prepare(data, record)

    monkeypatch.setattr(local_writer, "with_record", interrupted)
    assert write(_source(path), _win()) is True
    assert calls == ["w-new", "w-new"]  # prepared twice: the first was on the old file
    assert set(_dates(path)) == {"w-1", "w-2", "w-other", "w-new"}


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_permissions_are_kept(tmp_path):
    path = write_office_workbook(tmp_path / "team.xlsx", team())
    path.chmod(0o600)
    write(_source(path), _win())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_symlinked_workbook_gets_the_row_and_stays_a_link(tmp_path):
    (tmp_path / "drive").mkdir()
    real = write_office_workbook(tmp_path / "drive" / "team.xlsx", team())
    link = tmp_path / "team.xlsx"
    link.symlink_to(real)
    assert write(_source(link), _win()) is True
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert "w-new" in _dates(real)


def test_a_crash_during_the_rename_leaves_the_workbook_and_no_temporary_file(tmp_path, monkeypatch):
    (tmp_path / "folder").mkdir()
    path = write_office_workbook(tmp_path / "folder" / "team.xlsx", team())
    before = path.read_bytes()

    def power_cut(src, dst):
        raise OSError("power cut")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(WriteError, match="power cut"):
        write(_source(path), _win())
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["team.xlsx"]


def test_nothing_is_left_beside_the_workbook(tmp_path):
    """The lock lives in the cache folder: the team's folder holds what it held, and the lock is
    the one a symlink to the workbook takes too (one lock per real file)."""
    (tmp_path / "folder").mkdir()
    path = write_office_workbook(tmp_path / "folder" / "team.xlsx", team())
    link = tmp_path / "folder" / "elsewhere.xlsx"
    link.symlink_to(path)
    assert write(_source(path), _win()) is True
    assert write(_source(link), _win(id="w-newer")) is True
    assert sorted(p.name for p in path.parent.iterdir()) == ["elsewhere.xlsx", "team.xlsx"]
    lock = local_writer.lock_path(path)
    assert lock.parent.parent == tmp_path / "snapshots"  # SMALLWINS_CACHE_DIR (conftest)
    assert local_writer.lock_path(link) == lock


def test_the_writers_import_without_fcntl_as_on_windows(tmp_path):
    """``fcntl`` does not exist on Windows: the Log a win page imported it and could not load."""
    code = (
        "import sys; sys.modules['fcntl'] = None\nimport dashboard.writing, dashboard.ui.log_form"
    )
    done = _child(code, timeout=120)
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
def test_six_writers_at_once_lose_nothing(tmp_path):
    path = write_office_workbook(tmp_path / "team.xlsx", team())
    code = textwrap.dedent(f"""
        import datetime as dt, sys
        from dashboard.config import SourceConfig
        from dashboard.writing import NewWin, write
        source = SourceConfig(location={str(path)!r}, kind="xlsx", writable=True)
        n = sys.argv[1]
        write(source, NewWin(dt.date(2025, 4, 9), f"Win {{n}}", "Food Hub", id=f"w-p{{n}}"))
    """)
    children = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(n)], env=CHILD_ENV, stderr=subprocess.PIPE
        )
        for n in range(6)
    ]
    for child in children:
        assert child.wait(timeout=120) == 0, child.stderr.read()
    ids = pd.Series(list(_dates(path)))
    assert sorted(ids) == sorted(["w-1", "w-2", *(f"w-p{n}" for n in range(6))])


def test_a_writer_killed_mid_write_leaves_the_workbook_whole(tmp_path):
    path = write_office_workbook(tmp_path / "team.xlsx", team())
    before = path.read_bytes()
    code = textwrap.dedent(f"""
        import datetime as dt, time
        from dashboard import atomic
        from dashboard.config import SourceConfig
        from dashboard.writing import NewWin, write
        real = atomic.Staged.commit
        def slow(self):
            print("staged", flush=True)
            time.sleep(60)
            return real(self)
        atomic.Staged.commit = slow
        source = SourceConfig(location={str(path)!r}, kind="xlsx", writable=True)
        write(source, NewWin(dt.date(2025, 4, 9), "Never", "Food Hub", id="w-killed"))
    """)
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=CHILD_ENV
    )
    assert child.stdout.readline().strip() == "staged"  # the new file is written, not renamed
    child.kill()  # SIGKILL: no cleanup runs
    child.wait(timeout=30)
    assert path.read_bytes() == before
    assert write(_source(path), _win()) is True  # the lock died with the writer
    assert set(_dates(path)) == {"w-1", "w-2", "w-new"}


def test_a_row_formatted_ahead_takes_the_win_and_keeps_its_formatting(tmp_path):
    """Rows 4-6 of Wins are empty but formatted (a date style in A, bold in H), as a team that
    formats the sheet ahead leaves them: the win goes in row 4, in those styles."""
    path = write_office_workbook(tmp_path / "team.xlsx", team(), styled_empty_rows={"Wins": 3})
    assert write(_source(path), _win()) is True
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet4.xml").decode()
    row = sheet[sheet.index('<row r="4"') : sheet.index("</row>", sheet.index('<row r="4"'))]
    # our date cell, in the row's date style: 2025-04-09 is serial 45756 (45658 is 2025-01-01,
    # + 31 + 28 + 31 + 8)
    assert '<c r="A4" s="1"><v>45756</v></c>' in row
    assert '<c r="H4" s="2"/>' in row  # a formatted cell we do not fill, kept
    assert sheet.count('<row r="4"') == 1 and '<row r="5">' in sheet
    assert read_xlsx(path)["Wins"][3] == [APRIL_9, "Third win", "Food Hub", "Ann Lee", "w-new"]


def test_a_tab_without_an_id_column_gets_one(tmp_path):
    sheets = team()
    sheets["Wins"] = [row[:4] for row in sheets["Wins"]]  # Date, Win, Project, People
    path = write_office_workbook(tmp_path / "team.xlsx", sheets)
    assert write(_source(path), _win()) is True
    assert write(_source(path), _win()) is False  # the id column now holds it
    rows = read_xlsx(path)["Wins"]
    assert rows[0] == ["Date", "Win", "Project", "People", "id"]
    assert rows[-1] == [APRIL_9, "Third win", "Food Hub", "Ann Lee", "w-new"]
