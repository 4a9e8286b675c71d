"""Many regional sheets on the Sheets double, and the requests they cost: shared by the tests of
the loader under Google's quota (test_loader_regions.py) and of replicas sharing Redis
(redis/test_replicas.py)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.fixtures import region, region_key

WINDOW = 3.0  # seconds standing in for Google's minute


def regions_config(tmp_path: Path, google, count: int, quota: int = 50, **app) -> Path:
    """``count`` regional sheets on the double, and a configuration naming each."""
    for number in range(1, count + 1):
        google.add_spreadsheet(region_key(number), region(number), title=f"Region {number:02d}")
    settings = {"sheets_quota": quota, "sheets_quota_seconds": WINDOW, "timeout_seconds": 5, **app}
    lines = ["[app]", *(f"{k} = {json.dumps(v)}" for k, v in settings.items()), ""]
    for number in range(1, count + 1):
        lines += [
            "[[sources]]",
            f'name = "Region {number:02d} sheet"',
            f'location = "{region_key(number)}"',
            "",
        ]
    path = tmp_path / "smallwins.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def sheets_requests(google, key: str | None = None) -> int:
    return google.count("metadata", key) + google.count("batchGet", key)
