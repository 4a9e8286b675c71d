"""``network``: the collaboration graph as a file for Gephi, Cytoscape (GraphML, GEXF) or Kumu
(XLSX), anonymised as the impact report is unless ``[reports] show_names = true``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from dashboard.cli.loading import add_strict
from dashboard.cli.types import SOURCE_HELP, iso_date


def _network(args: argparse.Namespace) -> int:
    from dashboard.cli.loading import before_writing, load_with_warnings, strict_status
    from dashboard.privacy import anonymised
    from dashboard.reports.network_export import write_network

    settings, dataset = load_with_warnings(args.source)
    refused = before_writing(dataset, args)
    if refused is not None:
        return refused
    if not settings.extra.get("reports", {}).get("show_names", False):
        dataset = anonymised(dataset)  # people as "Person K7Q2M", as a funder sees them
    try:
        written = write_network(dataset, dataset.people, args.as_of, args.nodes, args.out)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    from dashboard.cli.output import wrote
    from dashboard.reports.provenance import is_snapshot

    what = f"the network of {args.nodes} as of {args.as_of:%Y-%m-%d}"
    print(wrote(written, what, is_snapshot(dataset)))
    return strict_status(dataset, args)


def add_command(commands) -> None:
    network = commands.add_parser(
        "network", help="the collaboration graph as .graphml, .gexf or Kumu's .xlsx"
    )
    network.add_argument("source", nargs="?", help=SOURCE_HELP)
    network.add_argument(
        "--as-of", type=iso_date, default=dt.date.today(), help="YYYY-MM-DD (default: today)"
    )
    network.add_argument("--out", required=True, help="a .graphml, .gexf or .xlsx path")
    network.add_argument(
        "--nodes",
        choices=["people", "organizations"],
        default="people",
        help="people (default) or organizations as the nodes",
    )
    add_strict(network)
    network.set_defaults(run=_network)
