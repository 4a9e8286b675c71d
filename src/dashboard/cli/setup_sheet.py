"""``setup-sheet URL``: the template's drop-downs, date checks, frozen bold header, widths and
overdue highlight, applied to a Google Sheet a team already keeps — in one ``batchUpdate``.

It reads the sheet's tab titles and header rows first (two requests), so columns in any order
and tabs named in the team's words are found; it needs a service account the sheet is shared
with as Editor (the write scope). ``--dry-run`` says what it would set and sends nothing.
"""

from __future__ import annotations

import argparse
import sys

from dashboard.cli.types import SOURCE_HELP, Commands


def _setup(args: argparse.Namespace) -> int:
    from gspread.exceptions import APIError
    from gspread.utils import absolute_range_name

    from dashboard.clean.frame import HEADER_SEARCH_ROWS
    from dashboard.config import settings_for
    from dashboard.loader import pacer_for
    from dashboard.secrets import service_account_from_secrets
    from dashboard.sources import gsheets
    from dashboard.template.google import checked_columns, found_tabs, setup_requests

    settings = settings_for(args.source)
    sheets = [s for s in settings.sources if s.kind == "gsheets"]
    if len(sheets) != 1:
        print("error: setup-sheet takes one Google Sheet (its URL or key)", file=sys.stderr)
        return 2
    source = sheets[0]
    creds = gsheets.credentials(service_account_from_secrets(), source.credentials_file, write=True)
    if creds is None:
        print(
            "error: setup-sheet needs a service account the sheet is shared with as Editor "
            "(GOOGLE_APPLICATION_CREDENTIALS); an API key can only read",
            file=sys.stderr,
        )
        return 2
    http = gsheets.client(
        creds, None, settings.timeout_seconds, pacer=pacer_for(settings)
    ).http_client
    key = source.sheet_key
    try:
        metadata = http.fetch_sheet_metadata(
            key, params={"fields": "properties.title,sheets(properties,conditionalFormats)"}
        )
        titles = [sheet["properties"]["title"] for sheet in metadata.get("sheets", [])]
        ranges = [absolute_range_name(t, f"1:{HEADER_SEARCH_ROWS}") for t in titles]
        answer = http.values_batch_get(key, ranges, params={"valueRenderOption": "FORMATTED_VALUE"})
        tops = {
            t: r.get("values", [])
            for t, r in zip(titles, answer.get("valueRanges", []), strict=False)
        }
        tabs = found_tabs(metadata, tops)
        requests = setup_requests(tabs)
        if requests and not args.dry_run:
            http.batch_update(key, {"requests": requests})
    except APIError as error:
        status = error.response.status_code
        hint = " (share it with the service account as Editor)" if status in (401, 403) else ""
        print(f"error: Google Sheets refused ({status}): {error}{hint}", file=sys.stderr)
        return 2
    except gsheets.SheetsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    name = metadata.get("properties", {}).get("title", key)
    verb = "would set up" if args.dry_run else "set up"
    print(f"{verb} {name!r}: {len(requests)} changes in one batchUpdate")
    for tab in tabs:
        checks = ", ".join(checked_columns(tab, tabs)) or "none"
        print(f"  {tab.title}: header row {tab.header_row + 1} frozen and bold; checks: {checks}")
    missing = [
        t
        for t in ("People", "Projects", "Commitments", "Wins")
        if t not in {tab.name for tab in tabs}
    ]
    for title in missing:
        print(f"  {title}: no such tab (or no header row) — nothing set", file=sys.stderr)
    return 0


def add_command(commands: Commands) -> None:
    setup = commands.add_parser(
        "setup-sheet", help="give a Google Sheet the template's drop-downs and checks"
    )
    setup.add_argument("source", help=f"the Google Sheet ({SOURCE_HELP})")
    setup.add_argument("--dry-run", action="store_true", help="say what would be set; send nothing")
    setup.set_defaults(run=_setup)
