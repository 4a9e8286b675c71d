"""``template`` and ``demo``: the workbooks the project writes for teams to start from."""

from __future__ import annotations

import argparse

from dashboard.cli.types import Commands


def _template(args: argparse.Namespace) -> int:
    from dashboard.cli.output import wrote
    from dashboard.template import write_template

    written = write_template(args.path)
    what = (
        "a blank workbook with every tab and header, its drop-down lists and date checks"
        if written.suffix
        else "a blank workbook, one CSV file per tab with its header"
    )
    print(wrote(written, what))
    return 0


def _demo(args: argparse.Namespace) -> int:
    from dashboard.cli.output import wrote
    from dashboard.demo import write_demo

    write_demo(args.path)
    print(wrote(args.path, "the demo workbook (fictional collaborations)"))
    return 0


def add_template(commands: Commands) -> None:
    template = commands.add_parser("template", help="write a blank workbook to start from")
    template.add_argument("path", help="an .xlsx path (or a folder for CSV files)")
    template.set_defaults(run=_template)


def add_demo(commands: Commands) -> None:
    demo = commands.add_parser("demo", help="regenerate the demo workbook")
    demo.add_argument("path", help="the .xlsx path to write")
    demo.set_defaults(run=_demo)
