"""Reading the recordings (``tests/recordings``): which spreadsheets a cassette reads, and what
Google answered to one of its requests."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qsl, unquote, urlsplit

from tests.sheets_double.replay import recorded_interactions


def spreadsheet_ids(interactions: list[dict]) -> list[str]:
    """Ids of the spreadsheets whose metadata the recording reads, in first-read order."""
    paths = [urlsplit(i["request"]["uri"]).path for i in interactions]
    found = (re.fullmatch(r"/v4/spreadsheets/([^/:]+)", path) for path in paths)
    return list(dict.fromkeys(match.group(1) for match in found if match))


def recorded_body(
    cassette: str, method: str, path_end: str, query: dict[str, str] | None = None
) -> dict:
    """Google's JSON answer to the first recorded request with that method, path end, query."""
    for interaction in recorded_interactions(cassette):
        request = interaction["request"]
        uri = urlsplit(request["uri"])
        if (
            request["method"] == method
            and unquote(uri.path).endswith(path_end)
            and (query is None or dict(parse_qsl(uri.query)) == query)
        ):
            return json.loads(interaction["response"]["body"]["string"])
    raise LookupError(f"{cassette} has no {method} ...{path_end} {query}")
