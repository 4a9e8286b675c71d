"""``log-win`` and ``log-commitment``: the app's forms, for scripts and chat bots."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from dashboard.cli.types import SOURCE_HELP, Commands, iso_date
from dashboard.config import Settings, SourceConfig, settings_for
from dashboard.limits import FUTURE_DAYS

if TYPE_CHECKING:
    from dashboard.writing.records import NewCommitment, NewWin


def target(source_arg: str | None, name: str | None) -> SourceConfig:
    """The source to write to: a path or sheet named on the command line is written to as asked;
    from a configuration, the one named ``--to``, else its only ``writable`` source."""
    settings = settings_for(source_arg)
    if source_arg and not source_arg.lower().endswith(".toml"):
        return replace(settings.sources[0], writable=True)
    candidates = [s for s in settings.sources if name in (None, s.label, s.name)]
    writable = [s for s in candidates if s.writable]
    if len(writable) == 1:
        return writable[0]
    if name and candidates:
        return candidates[0]  # writing_off_reason() explains how to switch it on
    raise SystemExit(
        "error: say which source to write to with --to NAME (one with writable = true)"
        if writable
        else "error: no source has writable = true in the configuration"
    )


def known_projects(source: SourceConfig) -> list[str]:
    from dashboard.loader import load
    from dashboard.secrets import service_account_from_secrets

    dataset = load(Settings(sources=(source,)), service_account_from_secrets())
    if dataset.failed_sources:
        raise SystemExit(f"error: {dataset.failed_sources[0].error}")
    projects = dataset.projects
    return projects.loc[projects["listed"], "project"].tolist()


def run(args: argparse.Namespace, record: NewWin | NewCommitment) -> int:
    from dashboard.loader import pacer_for
    from dashboard.secrets import service_account_from_secrets
    from dashboard.writing import WriteError, lines_to_paste, validate, write, writing_off_reason

    settings = settings_for(args.source)
    source = target(args.source, args.to)
    off = writing_off_reason(source, settings.path)
    if off:
        paste = lines_to_paste(source)
        print(f"error: {off.replace('`', '')}", file=sys.stderr)
        if paste:
            print("\n" + "".join(f"    {line}\n" for line in paste.splitlines()), file=sys.stderr)
        return 2
    errors = validate(record, known_projects(source), future_days=args.future_days)
    if errors:
        for field, message in errors.items():
            print(f"error: --{field.replace('_', '-')}: {message}", file=sys.stderr)
        return 1
    try:
        written = write(
            source,
            record,
            service_account_from_secrets(),
            settings.timeout_seconds,
            pacer_for(settings),
        )
    except WriteError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not written:
        print(f"already written: {record.id}", file=sys.stderr)
    print(record.id)
    return 0


def _win(a: argparse.Namespace) -> NewWin:
    from dashboard.writing.records import NewWin, new_id

    return NewWin(
        a.date, a.win, a.project, a.people, a.category, a.size, a.evidence, a.id or new_id("w")
    )


def _commitment(a: argparse.Namespace) -> NewCommitment:
    from dashboard.writing.records import NewCommitment, new_id

    return NewCommitment(a.person, a.project, a.commitment, a.due, a.made, a.id or new_id("c"))


def add_commands(commands: Commands) -> None:
    """The writing commands; what they write with is imported only when one runs."""
    win = commands.add_parser("log-win", help="append a win to the sheet")
    _common(win)
    win.add_argument("--date", type=iso_date, default=dt.date.today())
    win.add_argument("--win", required=True, help="what happened")
    win.add_argument("--project", required=True)
    win.add_argument("--people", default="", help='names, e.g. "Ann Lee, Bo Chen"')
    win.add_argument("--category", default="")
    win.add_argument("--size", default="", help="small, medium or large")
    win.add_argument("--evidence", default="", help="a link")
    win.set_defaults(run=lambda a: run(a, _win(a)))
    commitment = commands.add_parser("log-commitment", help="append a commitment to the sheet")
    _common(commitment)
    commitment.add_argument("--person", required=True)
    commitment.add_argument("--project", required=True)
    commitment.add_argument("--commitment", required=True, help="what will be done")
    commitment.add_argument("--due", type=iso_date, required=True, help="by when, YYYY-MM-DD")
    commitment.add_argument("--made", type=iso_date, default=None, help="default: today")
    commitment.set_defaults(run=lambda a: run(a, _commitment(a)))


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", help=SOURCE_HELP)
    parser.add_argument("--id", default="", help="the row's id; the same id is written once")
    parser.add_argument("--to", default=None, help="which configured source to write to")
    parser.add_argument(
        "--future-days",
        type=int,
        default=FUTURE_DAYS,
        help=f"how far ahead a date may be (default {FUTURE_DAYS}, as check and the app's form)",
    )
