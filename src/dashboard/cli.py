"""The command line: ``python -m dashboard`` (also installed as ``smallwins``)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from dashboard.cli_load import add_strict
from dashboard.cli_types import iso_date
from dashboard.config import ConfigError, settings_for


def _check(args: argparse.Namespace) -> int:
    from dashboard.check_report import check_text
    from dashboard.loader import load
    from dashboard.secrets import service_account_from_secrets

    # the live sheet as it is, never a snapshot: check is how a coordinator sees what broke
    dataset = load(settings_for(args.source), service_account_from_secrets(), fallback=False)
    print(check_text(dataset))
    if dataset.failed_sources:
        return 2
    structural = dataset.structural_problems
    if not structural.empty:
        for problem in structural.itertuples(index=False):
            print(f"error: {problem.reason}", file=sys.stderr)
        return 1
    return 0


def _summary(args: argparse.Namespace) -> int:
    import json

    from dashboard.cli_load import load_with_warnings, strict_status
    from dashboard.metrics import summary
    from dashboard.summary_report import summary_text

    _, dataset = load_with_warnings(args.source)
    figures = summary(dataset, args.as_of)
    print(json.dumps(figures, indent=2, ensure_ascii=False) if args.json else summary_text(figures))
    if dataset.failed_sources and len(dataset.failed_sources) == len(dataset.sources):
        return 2
    return strict_status(dataset, args)


def _template(args: argparse.Namespace) -> int:
    from dashboard.template import write_template

    print(f"wrote {write_template(args.path)}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from dashboard.demo import write_demo

    write_demo(args.path)
    print(f"wrote {args.path}")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="smallwins", description="Small Wins: read Strategic Doing workbooks."
    )
    commands = main.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="load a workbook and list every problem")
    check.add_argument("source", nargs="?", help="workbook, CSV folder, sheet URL/key or .toml")
    check.set_defaults(run=_check)
    summary = commands.add_parser("summary", help="the headline figures of METRICS.md")
    summary.add_argument("source", nargs="?", help="workbook, CSV folder, sheet URL/key or .toml")
    summary.add_argument(
        "--as-of", type=iso_date, default=dt.date.today(), help="YYYY-MM-DD (default: today)"
    )
    summary.add_argument("--json", action="store_true", help="print JSON with METRICS.md's keys")
    add_strict(summary)
    summary.set_defaults(run=_summary)
    template = commands.add_parser("template", help="write a blank workbook to start from")
    template.add_argument("path", help="an .xlsx path (or a folder for CSV files)")
    template.set_defaults(run=_template)
    from dashboard.cli_reports import add_commands as add_report_commands
    from dashboard.cli_write import add_commands

    add_commands(commands)
    add_report_commands(commands)
    demo = commands.add_parser("demo", help="regenerate the demo workbook")
    demo.add_argument("path", help="the .xlsx path to write")
    demo.set_defaults(run=_demo)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
