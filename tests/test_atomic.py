"""The one way files are replaced (dashboard.atomic): beside the real file, flushed, renamed in one
step, permissions and symlinks kept."""

from __future__ import annotations

import os
import stat

import pytest

from dashboard.atomic import staged, write_atomically, write_bytes_atomically
from dashboard.sources.local import read_xlsx, write_xlsx

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


@posix_only
def test_a_private_file_stays_private(tmp_path):
    path = tmp_path / "team.csv"
    path.write_text("old")
    path.chmod(0o600)
    write_bytes_atomically(path, b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@posix_only
def test_a_new_file_gets_the_usual_permissions_and_a_given_mode_wins(tmp_path):
    umask = os.umask(0o022)
    try:
        write_bytes_atomically(tmp_path / "new.txt", b"x")
        write_bytes_atomically(tmp_path / "secret.gz", b"x", mode=0o600)
    finally:
        os.umask(umask)
    # 0666 less the umask 022, as open() would make it; mkstemp's 0600 would hide a new workbook
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "secret.gz").stat().st_mode) == 0o600


def test_a_symlink_is_followed_and_kept(tmp_path):
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "book.txt"
    real.write_text("old")
    link = tmp_path / "book.txt"
    link.symlink_to(real)
    written = write_bytes_atomically(link, b"new")
    assert written == real.resolve()
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_nothing_changes_until_commit_and_a_failed_write_leaves_no_trace(tmp_path):
    path = tmp_path / "book.txt"
    path.write_text("old")
    with staged(path, lambda temporary: temporary.write_text("new")) as file:
        assert path.read_text() == "old"  # written beside it, not over it
        assert file.temporary.parent == path.parent and file.temporary.read_text() == "new"
    assert path.read_text() == "old"  # never committed: dropped
    with pytest.raises(RuntimeError):
        write_atomically(path, lambda temporary: (_ for _ in ()).throw(RuntimeError("disk full")))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.txt"]


@posix_only
def test_write_xlsx_replaces_a_workbook_keeping_its_permissions(tmp_path):
    path = tmp_path / "template.xlsx"
    write_xlsx(path, {"Wins": [["date", "win"]]})
    path.chmod(0o640)
    write_xlsx(path, {"Wins": [["date", "win"], ["2025-01-01", "x"]]})
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert read_xlsx(path)["Wins"][1] == ["2025-01-01", "x"]
