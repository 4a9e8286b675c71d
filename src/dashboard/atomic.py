"""Replacing a file in one step: a crash or a power cut leaves the old file or the new, never half.

Every file the project writes over — a team's workbook when a win is logged, the workbooks it
generates, the last good snapshots — goes through here:

- the new content is written to a temporary file *beside the real file* (the rename must stay on
  one file system), flushed and fsynced, then renamed over it (``os.replace``, atomic on POSIX and
  Windows alike);
- a symlink is followed: the file it points to is replaced and the link stays, so the real
  workbook gets the change (renaming over the link would cut it off);
- the file keeps its permissions (a workbook readable by its owner only stays so), and its group
  where the file system lets us; a new file gets the usual ones (0666 less the umask), unless a
  ``mode`` is given (a snapshot is always 0600).

``staged`` splits the two steps, so a writer can do the slow work before taking a lock and hold
the lock only for the rename.

A process killed mid-write (``kill -9``, a power cut) cannot remove its temporary file, a hidden
full copy of the workbook (``.team.xlsx.1a2b3c4d.tmp``). So each temporary file is locked
(``flock``) by its writer for as long as it lives, and every write first removes the temporary
files beside its target that no living process holds: the kernel drops a dead writer's lock.
(POSIX only; elsewhere the leftovers stay.)
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock, no sweeping of abandoned temporary files
    fcntl = None  # type: ignore[assignment]

Writer = Callable[[Path], None]  # writes the new content to the path it is given


def real_path(path: str | os.PathLike[str]) -> Path:
    """The file a path names, symlinks followed (the file itself need not exist yet)."""
    return Path(os.path.realpath(os.path.expanduser(os.fspath(path))))


class Staged:
    """New content written and flushed beside ``target``, waiting for ``commit``."""

    def __init__(self, target: Path, temporary: Path, held: int | None = None) -> None:
        self.target = target
        self.temporary = temporary
        self.committed = False
        self.held = held  # a descriptor holding the temporary file's lock while it lives

    def commit(self) -> Path:
        """Rename the new content over the target, in one step."""
        os.replace(self.temporary, self.target)
        self.committed = True
        _sync_folder(self.target.parent)
        return self.target


def _temporaries(target: Path) -> Iterator[Path]:
    yield from target.parent.glob(f".{target.name}.*.tmp")


def remove_abandoned(target: Path) -> list[Path]:
    """Remove the temporary files beside ``target`` whose writer is gone (no lock on them): what
    a process killed mid-write left. A file some living writer holds is left alone."""
    removed: list[Path] = []
    if fcntl is None:
        return removed
    for leftover in _temporaries(target):
        try:
            descriptor = os.open(leftover, os.O_RDONLY)
        except OSError:
            continue  # renamed or removed meanwhile, or not ours to open
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(descriptor)
            continue  # a living writer holds it
        try:
            if os.path.samestat(os.fstat(descriptor), os.stat(leftover)):
                leftover.unlink()
                removed.append(leftover)
        except OSError:
            pass
        finally:
            os.close(descriptor)
    return removed


def _new_temporary(target: Path) -> tuple[Path, int | None]:
    """An empty file beside ``target``, created with the default permissions (umask applied),
    and the descriptor holding its lock (None where there is no flock)."""
    with suppress(OSError):
        remove_abandoned(target)
    for _ in range(100):
        candidate = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            descriptor = os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o666)
        except FileExistsError:
            continue
        if fcntl is None:
            os.close(descriptor)
            return candidate, None
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            # a sweeper may have taken the file between its creation and the lock: then it is
            # gone from the folder, and another name is tried
            if os.path.samestat(os.fstat(descriptor), os.stat(candidate)):
                return candidate, descriptor
        except OSError:
            pass
        os.close(descriptor)
    raise FileExistsError(f"no free temporary name beside {target}")


def _keep_attributes(temporary: Path, target: Path, mode: int | None) -> None:
    if mode is not None:
        os.chmod(temporary, mode)
        return
    try:
        old = os.stat(target)
    except FileNotFoundError:
        return  # a new file: the default permissions it was created with
    os.chmod(temporary, stat.S_IMODE(old.st_mode))
    if hasattr(os, "chown"):
        # a workbook in a shared folder keeps its group; not allowed everywhere: best effort
        with suppress(OSError):
            os.chown(temporary, -1, old.st_gid)


def _sync_folder(folder: Path) -> None:
    """Flush the folder entry of the rename too (POSIX; Windows cannot open a folder)."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextmanager
def staged(
    path: str | os.PathLike[str], write: Writer, mode: int | None = None
) -> Iterator[Staged]:
    """Write the new content of ``path`` (``write(temporary_path)``), flushed to disk; the caller
    commits it. Left uncommitted (an error, a changed file), the temporary file is removed."""
    target = real_path(path)
    temporary, held = _new_temporary(target)
    file = Staged(target, temporary, held)
    try:
        write(temporary)
        with open(temporary, "rb+") as handle:
            handle.flush()
            os.fsync(handle.fileno())
        _keep_attributes(temporary, target, mode)
        yield file
    finally:
        if not file.committed:
            temporary.unlink(missing_ok=True)
        if held is not None:
            os.close(held)  # the lock goes with it


def write_atomically(path: str | os.PathLike[str], write: Writer, mode: int | None = None) -> Path:
    """Replace ``path`` with what ``write`` writes, in one step; returns the real file written."""
    with staged(path, write, mode) as file:
        return file.commit()


def write_bytes_atomically(
    path: str | os.PathLike[str], data: bytes, mode: int | None = None
) -> Path:
    def write(temporary: Path) -> None:
        temporary.write_bytes(data)

    return write_atomically(path, write, mode)
