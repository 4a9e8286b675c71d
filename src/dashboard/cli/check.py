"""``check``: load a workbook and list every problem, to fix at the source."""

from __future__ import annotations

import argparse
import sys

from dashboard.cli.types import SOURCE_HELP, Commands


def _check(args: argparse.Namespace) -> int:
    from dashboard.cli.check_text import check_text
    from dashboard.config import settings_for
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


def add_command(commands: Commands) -> None:
    check = commands.add_parser("check", help="load a workbook and list every problem")
    check.add_argument("source", nargs="?", help=SOURCE_HELP)
    check.set_defaults(run=_check)
