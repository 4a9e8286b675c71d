"""``summary``: the headline figures of docs/METRICS.md, as a table or JSON."""

from __future__ import annotations

import argparse
import datetime as dt

from dashboard.cli.loading import add_strict
from dashboard.cli.types import SOURCE_HELP, iso_date


def _summary(args: argparse.Namespace) -> int:
    import json

    from dashboard.cli.loading import load_with_warnings, strict_status
    from dashboard.cli.summary_text import summary_text
    from dashboard.metrics import summary

    _, dataset = load_with_warnings(args.source)
    figures = summary(dataset, args.as_of)
    print(json.dumps(figures, indent=2, ensure_ascii=False) if args.json else summary_text(figures))
    if dataset.failed_sources and len(dataset.failed_sources) == len(dataset.sources):
        return 2
    return strict_status(dataset, args)


def add_command(commands) -> None:  # noqa: ANN001 - argparse's subparsers
    summary = commands.add_parser("summary", help="the headline figures of docs/METRICS.md")
    summary.add_argument("source", nargs="?", help=SOURCE_HELP)
    summary.add_argument(
        "--as-of", type=iso_date, default=dt.date.today(), help="YYYY-MM-DD (default: today)"
    )
    summary.add_argument(
        "--json", action="store_true", help="print JSON with the keys of docs/METRICS.md"
    )
    add_strict(summary)
    summary.set_defaults(run=_summary)
