"""Loading for the commands that print figures (summary, report, agenda): live where possible,
the last good snapshot where Google fails, and a warning on stderr either way."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from dashboard.config import Settings, settings_for

if TYPE_CHECKING:
    from dashboard.dataset import Dataset

STALE_EXIT = 3  # with --strict: the figures came (in part) from a snapshot, or a source failed


def load_with_warnings(source: str | None) -> tuple[Settings, Dataset]:
    """The dataset of ``source``, each failed or stale source named on stderr."""
    from dashboard.loader import load
    from dashboard.secrets import service_account_from_secrets

    settings = settings_for(source)
    dataset = load(settings, service_account_from_secrets())
    for stale in dataset.stale_sources:
        print(
            f"warning: {stale.stale}; using the last good snapshot {stale.snapshot}, "
            f"read {stale.read_at[:19].replace('T', ' ')} UTC",
            file=sys.stderr,
        )
    for failed in dataset.failed_sources:
        print(f"warning: {failed.error} (no snapshot to fall back on)", file=sys.stderr)
    if dataset.drive_note:
        print(f"note: Google Drive: {dataset.drive_note}", file=sys.stderr)
    return settings, dataset


def strict_status(dataset: Dataset, args: argparse.Namespace) -> int:
    """0, unless ``--strict`` was given and any figure is not from a live read."""
    if getattr(args, "strict", False) and (dataset.stale_sources or dataset.failed_sources):
        print("error: --strict: not every source could be read live", file=sys.stderr)
        return STALE_EXIT
    return 0


def before_writing(dataset: Dataset, args: argparse.Namespace) -> int | None:
    """Why an export must not be written, as the exit status, or None to write it.

    Exit 2 when no source could be read at all (and no snapshot stood in): the export would be
    empty, and an empty file must never replace a good one already at ``--out``. With
    ``--strict``, exit 3 before writing when any source was not read live — not after."""
    if dataset.sources and len(dataset.failed_sources) == len(dataset.sources):
        print(
            "error: no source could be read (see the warnings above); nothing was written",
            file=sys.stderr,
        )
        return 2
    if getattr(args, "strict", False) and (dataset.stale_sources or dataset.failed_sources):
        print(
            "error: --strict: not every source could be read live; nothing was written",
            file=sys.stderr,
        )
        return STALE_EXIT
    return None


def add_strict(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--strict",
        action="store_true",
        help=f"exit {STALE_EXIT} when a source could not be read live (a snapshot was used)",
    )
