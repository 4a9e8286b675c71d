"""The command line: ``python -m dashboard`` (also installed as ``smallwins``).

One module per command group; each adds its commands to the parser and imports what a command
needs only when it runs, so ``--help`` and the light commands start fast.
"""

from __future__ import annotations

import argparse
import os
import sys

from dashboard.cli import (
    check,
    digest,
    files,
    init,
    network,
    reports,
    setup_sheet,
    summary,
    write,
)
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
    digest.add_command(commands)
    files.add_demo(commands)
    init.add_command(commands)
    return main


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)  # --help writes to stdout too
        status = args.run(args)
        sys.stdout.flush()  # a closed pipe shows here, while it can still be handled
        return status
    except (ConfigError, SecretUnavailable) as error:  # a setting or file to fix, named
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return _reader_left()


def _reader_left() -> int:
    """The reader of our output went away (``smallwins summary --json | head -5``): what it
    wanted it has, so end quietly with 0. Python's own recipe (the ``signal`` module's notes):
    stdout now points at the null device, so the flush at exit raises nothing more."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    return 0
