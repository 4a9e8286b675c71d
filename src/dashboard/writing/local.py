"""Appending a record to a local workbook (``.xlsx``/``.xlsm``) or CSV folder, safely.

- **Nothing else changes**: an ``.xlsx`` gets one new row in its tab's sheet XML and every other
  byte of the file is kept — formulas and the values Excel saved for them, macros, charts,
  pictures (``writing/xlsx.py``); a CSV file gets one line after its last, its encoding, byte-order
  mark and line endings as they were.
- **Not under an open editor**: a workbook open in Excel (``~$name.xlsx`` beside it) or LibreOffice
  (``.~lock.name.xlsx#``) is not written, since the editor's next save would drop the new row.
- **In one step**: the new file is written beside the real one (a symlink is followed), flushed,
  and renamed over it with its permissions (``dashboard.atomic``); a crash leaves the old file.
- **One writer at a time, briefly**: the new content is prepared *before* taking the lock (a
  cross-platform ``filelock``, kept in the cache folder beside the sheets' locks — never a file
  left beside the workbook — and named by a hash of the workbook's real path, so a symlink and
  its target share one); under the lock the file is checked unchanged and renamed. When another
  writer got there first, the write starts again from the new file — so concurrent writers lose
  nothing, and the lock is held for milliseconds, not for the seconds a big workbook takes to
  read.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from dashboard.atomic import real_path, staged, write_bytes_atomically
from dashboard.formulas import neutralise
from dashboard.schema import canonical_tab
from dashboard.sources import cache
from dashboard.sources.cache import cache_dir
from dashboard.writing.layout import HEADER_SEARCH_ROWS, layout_of
from dashboard.writing.records import NewCommitment, NewWin
from dashboard.writing.xlsx import with_record
from dashboard.writing.xlsx_parts import NotWritable

LOCK_SECONDS = 30.0  # waiting longer than this for another writer is reported, not endured
OPTIMISTIC_TRIES = 3  # then the whole write is done under the lock, so it cannot starve

Plan = Callable[[bytes], bytes | None]  # old bytes → new bytes, or None: nothing to write


def owner_file(path: Path) -> str | None:
    """The editor that has ``path`` open, by the owner file it keeps beside it, or None."""
    for folder in {path.parent, real_path(path).parent}:
        for owner, editor in (
            (folder / f"~${path.name}", "Excel"),
            (folder / f".~lock.{path.name}#", "LibreOffice"),
        ):
            if owner.exists():
                return (
                    f"{path.name} is open in {editor} ({owner.name} is beside it), and saving "
                    f"it there would remove the new row: close it in {editor}, then log again. "
                    f"If nobody has it open, {owner.name} was left by a crash: delete it"
                )
    return None


def _refuse_if_open(path: Path) -> None:
    reason = owner_file(path)
    if reason:
        raise NotWritable(reason)


def lock_path(target: Path) -> Path:
    """Where the lock of workbook ``target`` is kept: in the cache folder (``SMALLWINS_CACHE_DIR``
    or the user's), so every process that shares it — the app's, and the commands — is kept
    apart, and nothing is left beside the workbook (an empty ``.team.xlsx.lock`` there was
    clutter in the team's folder, and synced with it)."""
    real = os.path.normcase(os.path.abspath(real_path(target)))
    digest = hashlib.sha256(real.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return cache_dir() / "locks" / f"workbook-{digest}.lock"


@contextmanager
def locked(target: Path) -> Iterator[None]:
    """An exclusive lock on workbook ``target`` (:func:`lock_path`), for every process."""
    path = lock_path(target)
    cache.ensure_dir(path.parent)
    lock = FileLock(path, timeout=LOCK_SECONDS, mode=cache.FILE_MODE)
    try:
        with lock:
            yield
    except Timeout:
        raise NotWritable(
            f"another write to {target.name} has held it for over {LOCK_SECONDS:.0f} s; "
            "try again in a moment"
        ) from None


def replace_with(path: Path, plan: Plan) -> bool:
    """Replace ``path`` by ``plan(its bytes)``; ``False`` when the plan writes nothing."""
    target = real_path(path)
    for _ in range(OPTIMISTIC_TRIES):
        _refuse_if_open(path)
        old = target.read_bytes()
        new = plan(old)
        if new is None:
            return False
        with (
            staged(target, lambda temporary, data=new: temporary.write_bytes(data)) as file,
            locked(target),
        ):
            _refuse_if_open(path)
            if target.read_bytes() == old:
                file.commit()
                return True
    with locked(target):  # other writers kept getting there first: read and write under the lock
        _refuse_if_open(path)
        new = plan(target.read_bytes())
        if new is None:
            return False
        write_bytes_atomically(target, new)
        return True


def append_to_xlsx(path: Path, record: NewWin | NewCommitment) -> bool:
    """Append ``record`` to its tab; ``False`` when a row with its id is already there."""
    return replace_with(path, lambda data: with_record(data, record))


def csv_file_of(folder: Path, tab: str) -> Path:
    """The CSV file of ``tab`` in ``folder``, named as the loader reads it (``Small wins.csv``
    is the Wins tab)."""
    for file in sorted(folder.glob("*.csv")):
        found = canonical_tab(file.stem)
        if found is not None and found.name == tab:
            return file
    raise NotWritable(f"the folder has no {tab}.csv file")


def append_to_csv(folder: Path, record: NewWin | NewCommitment) -> bool:
    """The same for a folder of CSV files; cells starting like a formula get a leading ``'``
    (CSV has no cell types, and spreadsheets run formulas they open)."""
    return replace_with(csv_file_of(folder, record.tab), lambda data: csv_with_record(data, record))


def csv_with_record(data: bytes, record: NewWin | NewCommitment) -> bytes | None:
    """The CSV file ``data`` with ``record`` as a new last line (``None``: its id is there)."""
    try:
        text = data.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except UnicodeDecodeError:
        raise NotWritable("the CSV file is not UTF-8 text; save it as 'CSV UTF-8'") from None
    except csv.Error as error:
        raise NotWritable(f"the CSV file cannot be read ({error})") from None
    layout = layout_of(record.tab, rows[:HEADER_SEARCH_ROWS])
    id_at = layout.positions["id"]
    if any(
        len(row) > id_at and row[id_at].strip() == record.id for row in rows[layout.header_row :]
    ):
        return None
    ending = "\r\n" if "\r\n" in text or "\n" not in text else "\n"
    safe = [neutralise(value) for value in layout.row(record.cells())]
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=ending)
    if layout.add_id_at is not None:  # the header changes: the file is written anew
        rows[layout.header_row - 1] = rows[layout.header_row - 1] + ["id"]
        writer.writerows([*rows, safe])
        bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
        return bom + out.getvalue().encode("utf-8")
    writer.writerow(safe)
    before = data if not data or data.endswith((b"\n", b"\r")) else data + ending.encode()
    return before + out.getvalue().encode("utf-8")
