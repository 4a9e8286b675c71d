"""Argument types and help texts shared by the command-line modules."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TypeAlias

# What ``add_subparsers`` gives each command module to add its commands to (argparse names the
# class privately: this is the one place that spells it).
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

SOURCE_HELP = "workbook, CSV folder, sheet URL/key or .toml"


def iso_date(text: str) -> dt.date:
    """A ``YYYY-MM-DD`` argument, refused with a plain message otherwise."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from None
