"""Real folders that refuse writes: a full disk and a read-only one, as tmpfs mounts.

Permissions (chmod) do not stop root, who runs the CI container, so a folder is made read-only
or full by mounting a small tmpfs on it. Mounting needs root (or CAP_SYS_ADMIN): where the test
cannot mount, it is skipped with that reason, never passed silently.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(folder: Path, options: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.strip()}")


def _unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@contextmanager
def full_folder(folder: Path) -> Iterator[Path]:
    """``folder`` on a tmpfs of 64 KiB, filled: every write fails with ENOSPC (28)."""
    _mount(folder, "size=64k,mode=0700")
    try:
        filler = folder / ".filler"
        try:
            with open(filler, "wb") as handle:
                while True:
                    handle.write(b"\0" * 4096)
                    handle.flush()
        except OSError:
            pass
        yield folder
    finally:
        _unmount(folder)


@contextmanager
def read_only_folder(folder: Path, files: dict[str, bytes] | None = None) -> Iterator[Path]:
    """``folder`` on a tmpfs holding ``files``, then remounted read-only: every write fails
    with EROFS (30), even as root."""
    _mount(folder, "size=4m,mode=0700")
    try:
        for name, data in (files or {}).items():
            (folder / name).write_bytes(data)
            os.chmod(folder / name, 0o600)
        done = subprocess.run(
            ["mount", "-o", "remount,ro", str(folder)], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            pytest.skip(f"cannot remount a tmpfs read-only: {done.stderr.strip()}")
        yield folder
    finally:
        _unmount(folder)
