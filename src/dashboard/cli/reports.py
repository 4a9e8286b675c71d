"""``report`` and ``agenda``: the funder report and the 30/30 agenda without the app."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from dashboard.cli.loading import add_strict
from dashboard.cli.types import SOURCE_HELP, iso_date


def _report(args: argparse.Namespace) -> int:
    from dashboard.cli.loading import before_writing, load_with_warnings, strict_status
    from dashboard.cli.output import wrote
    from dashboard.reports.impact import build_report
    from dashboard.reports.impact_render import write_report

    settings, dataset = load_with_warnings(args.source)
    refused = before_writing(dataset, args)
    if refused is not None:
        return refused
    show_names = bool(settings.extra.get("reports", {}).get("show_names", False))
    try:
        report = build_report(dataset, args.start, args.end, args.collaboration, show_names)
        written = write_report(report, args.out or f"{report.file_stem}.pdf")
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    what = f"the impact report, {report.start:%Y-%m-%d} to {report.end:%Y-%m-%d}"
    print(wrote(written, what, report.snapshot))
    return strict_status(dataset, args)


def _agenda(args: argparse.Namespace) -> int:
    """``agenda SOURCE (--project NAME | --collaboration NAME) --date D --out PATH``."""
    from dashboard.cli.loading import before_writing, load_with_warnings, strict_status
    from dashboard.cli.output import wrote
    from dashboard.reports.agenda import build_agenda
    from dashboard.reports.agenda_render import write_agenda
    from dashboard.reports.provenance import is_snapshot

    _, dataset = load_with_warnings(args.source)
    refused = before_writing(dataset, args)
    if refused is not None:
        return refused
    try:
        agenda = build_agenda(dataset, args.date, args.project, args.collaboration)
        written = write_agenda(agenda, args.out or f"{agenda.file_stem}.md")
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    what = f"the 30/30 agenda ({agenda.scope_label}) for the meeting of {agenda.date:%Y-%m-%d}"
    print(wrote(written, what, is_snapshot(dataset)))
    return strict_status(dataset, args)


def add_commands(commands) -> None:
    report = commands.add_parser("report", help="the funder impact report")
    report.add_argument("source", nargs="?", help=SOURCE_HELP)
    report.add_argument("--from", dest="start", type=iso_date, required=True, help="YYYY-MM-DD")
    report.add_argument("--to", dest="end", type=iso_date, required=True, help="YYYY-MM-DD")
    report.add_argument("--collaboration", action="append", default=[], help="repeatable")
    report.add_argument(
        "--out",
        help="a .pdf, .html, .csv or .xlsx path (default: impact-report-FROM-to-TO.pdf here)",
    )
    add_strict(report)
    report.set_defaults(run=_report)
    agenda = commands.add_parser("agenda", help="the 30/30 meeting agenda")
    agenda.add_argument("source", nargs="?", help=SOURCE_HELP)
    which = agenda.add_mutually_exclusive_group(required=True)
    which.add_argument("--project")
    which.add_argument("--collaboration")
    agenda.add_argument("--date", type=iso_date, default=dt.date.today(), help="the meeting date")
    agenda.add_argument("--out", help="a .md or .pdf path (default: agenda-DATE-NAME.md here)")
    add_strict(agenda)
    agenda.set_defaults(run=_agenda)
