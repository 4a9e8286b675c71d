"""``digest``: send the configured digests that are due (docs/digests.md).

Exit 0 when everything due was sent or had been; 1 when a channel failed (the next run sends
it); 2 for a configuration or source problem (nothing is sent from data that could not be read:
a digest goes once, so it waits for a good read rather than going out short).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from dashboard.cli.types import SOURCE_HELP, Commands, iso_date

CONFIG_EXIT = 2


def _run(args: argparse.Namespace) -> int:
    from dashboard.cli.loading import load_with_warnings
    from dashboard.config import settings_for
    from dashboard.digest import sent_log
    from dashboard.digest.run import Options, exit_status, run
    from dashboard.digest.setup import digest_settings

    settings, dataset = load_with_warnings(args.source)
    # the digests are configured in the .toml file: SOURCE when it is one, else the usual file
    config_settings = settings if settings.path else settings_for(None)
    config = digest_settings(config_settings)
    if not config.digests:
        where = config.file or "smallwins.toml (none found)"
        print(f"error: no [[digests]] configured in {where} (docs/digests.md)", file=sys.stderr)
        return CONFIG_EXIT
    if dataset.failed_sources or dataset.stale_sources:
        print(
            "error: not every source could be read live (above); no digest is sent from "
            "partial data — the next run sends what is due",
            file=sys.stderr,
        )
        return CONFIG_EXIT
    if sent_log.damaged():
        print(
            f"warning: the sent-log ({sent_log.where()}) cannot be read; treated as empty",
            file=sys.stderr,
        )
    outcomes = run(
        dataset,
        config,
        args.until,
        name=args.name,
        options=Options(
            dry_run=args.dry_run,
            out=Path(args.out) if args.out else None,
            force=args.force,
            timeout=settings.timeout_seconds,
        ),
        say=lambda outcome: print(outcome.line, flush=True),
    )
    if args.out:
        print(f"wrote the messages to {args.out} (.eml for email, .json for a webhook)")
    return exit_status(outcomes)


def add_command(commands: Commands) -> None:
    digest = commands.add_parser(
        "digest", help="send the digests that are due (email, Slack, Teams)"
    )
    digest.add_argument("source", nargs="?", help=SOURCE_HELP)
    digest.add_argument("--name", help="only the digest of this name")
    digest.add_argument(
        "--until",
        type=iso_date,
        default=dt.date.today(),
        help="send each digest's last complete period before this day (default: today)",
    )
    digest.add_argument(
        "--dry-run", action="store_true", help="send and record nothing; say what would go where"
    )
    digest.add_argument("--out", help="also write each message to this folder (.eml, .json)")
    digest.add_argument("--force", action="store_true", help="send again what was already sent")
    digest.set_defaults(run=_run)
