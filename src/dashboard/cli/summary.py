"""``summary``: the headline figures of docs/METRICS.md, as a table or JSON.

Without ``--as-of``, the figures are as of the same default day as the app's
(``dashboard.periods.default_as_of``): today, or the last recorded activity when nothing has been
recorded in the 30 days before today; the reason is said on stderr, so ``--json`` stays JSON.
"""

from __future__ import annotations

import argparse

from dashboard.cli.loading import DEFAULT_DAY_HELP, add_strict
from dashboard.cli.types import SOURCE_HELP, Commands, iso_date


def _summary(args: argparse.Namespace) -> int:
    import json

    from dashboard.cli.loading import day_or_default, load_with_warnings, strict_status
    from dashboard.cli.summary_text import summary_text
    from dashboard.metrics import summary

    _, dataset = load_with_warnings(args.source)
    as_of = day_or_default(dataset, args.as_of, "--as-of")
    figures = summary(dataset, as_of)
    print(json.dumps(figures, indent=2, ensure_ascii=False) if args.json else summary_text(figures))
    if dataset.failed_sources and len(dataset.failed_sources) == len(dataset.sources):
        return 2
    return strict_status(dataset, args)


def add_command(commands: Commands) -> None:
    summary = commands.add_parser("summary", help="the headline figures of docs/METRICS.md")
    summary.add_argument("source", nargs="?", help=SOURCE_HELP)
    summary.add_argument(
        "--as-of",
        type=iso_date,
        default=None,
        help=f"YYYY-MM-DD ({DEFAULT_DAY_HELP})",
    )
    summary.add_argument(
        "--json", action="store_true", help="print JSON with the keys of docs/METRICS.md"
    )
    add_strict(summary)
    summary.set_defaults(run=_summary)
