"""The command line: ``python -m dashboard`` (also installed as ``smallwins``).

One module per command group; each adds its commands to the parser and imports what a command
needs only when it runs, so ``--help`` and the light commands start fast.
"""

from __future__ import annotations

import argparse
import sys

from dashboard.cli import check, files, init, network, reports, setup_sheet, summary, write
from dashboard.config import ConfigError
from dashboard.privacy.secret import SecretUnavailable


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="smallwins", description="Small Wins: read Strategic Doing workbooks."
    )
    commands = main.add_subparsers(dest="command", required=True)
    check.add_command(commands)
    summary.add_command(commands)
    files.add_template(commands)
    setup_sheet.add_command(commands)
    write.add_commands(commands)
    reports.add_commands(commands)
    network.add_command(commands)
    files.add_demo(commands)
    init.add_command(commands)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (ConfigError, SecretUnavailable) as error:  # a setting or file to fix, named
        print(f"error: {error}", file=sys.stderr)
        return 2
