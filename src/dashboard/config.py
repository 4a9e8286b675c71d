"""Configuration: which sources to read and how, from one TOML file (README, "Configuration").

``SOURCE`` on the command line, and the app's configuration, is one of: a path to an ``.xlsx``
workbook or a folder of CSVs, a Google Sheets URL or key, or a ``.toml`` configuration file.
Without one, ``SMALLWINS_CONFIG`` names the file; else ``smallwins.toml`` in the working folder;
else the bundled demo workbook.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from dashboard.access import AccessError, AccessRules

DEMO_NAME = "demo"
DEMO_AS_OF = dt.date(2026, 10, 31)  # the last day of the demo workbook's story
_SHEET_URL = re.compile(r"/spreadsheets/d/([A-Za-z0-9_-]+)")
_SHEET_KEY = re.compile(r"^[A-Za-z0-9_-]{25,}$")


class ConfigError(ValueError):
    """The configuration cannot be used as written; the message says where and why."""


@dataclass(frozen=True)
class SourceConfig:
    """One workbook to read."""

    location: str
    kind: str  # "xlsx", "csv" or "gsheets"
    name: str = ""
    collaboration: str | None = None
    day_first: bool = False
    api_key: str | None = None
    credentials_file: str | None = None
    writable: bool = False
    demo: bool = False

    @property
    def label(self) -> str:
        return self.name or self.collaboration or Path(self.location).stem or self.location

    @property
    def sheet_key(self) -> str:
        """The spreadsheet key of a Google Sheets source."""
        match = _SHEET_URL.search(self.location)
        return match.group(1) if match else self.location.strip()

    @property
    def sheet_url(self) -> str | None:
        if self.kind != "gsheets":
            return None
        return f"https://docs.google.com/spreadsheets/d/{self.sheet_key}/edit"


@dataclass(frozen=True)
class Settings:
    """Everything the app and the command line are configured with."""

    sources: tuple[SourceConfig, ...]
    cache_ttl_seconds: int = 600
    timeout_seconds: float = 20.0
    sheets_quota: int = 50  # Sheets API requests per sheets_quota_seconds, for every process
    sheets_quota_seconds: float = 60.0
    drive_check: bool = True  # skip unchanged sheets by Drive's modifiedTime
    path: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def is_demo(self) -> bool:
        return all(source.demo for source in self.sources)


def demo_path() -> Path:
    return Path(str(resources.files("dashboard") / "data" / "demo.xlsx"))


def demo_settings() -> Settings:
    demo = SourceConfig(location=str(demo_path()), kind="xlsx", name=DEMO_NAME, demo=True)
    return Settings(sources=(demo,))


def guess_kind(location: str) -> str:
    """What kind of source a location names: a sheet URL/key, a folder, or a workbook file."""
    if _SHEET_URL.search(location):
        return "gsheets"
    path = Path(location)
    if path.is_dir():
        return "csv"
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return "xlsx"
    if not path.exists() and _SHEET_KEY.match(location.strip()):
        return "gsheets"
    raise ConfigError(
        f"cannot tell what '{location}' is: expected an .xlsx file, a folder of .csv files, "
        "a Google Sheets URL or key, or a .toml configuration file"
    )


def settings_for(source: str | None = None) -> Settings:
    """Settings for a ``SOURCE`` argument, or from the environment when there is none."""
    if source is None:
        configured = os.environ.get("SMALLWINS_CONFIG")
        if configured:
            return load_config(configured)
        if Path("smallwins.toml").is_file():
            return load_config("smallwins.toml")
        return demo_settings()
    if source.lower().endswith(".toml"):
        return load_config(source)
    return Settings(sources=(SourceConfig(location=source, kind=guess_kind(source)),))


def load_config(path: str | os.PathLike[str]) -> Settings:
    """Read a TOML configuration; relative paths in it are relative to the file."""
    file = Path(path)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ConfigError(f"configuration file '{file}' not found") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"configuration file '{file}' is not valid TOML: {error}") from error
    app = data.get("app", {})
    defaults = {"day_first": bool(app.get("day_first", False))}
    entries = data.get("sources", [])
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{file}: no [[sources]] given; add at least one")
    sources = tuple(_source(entry, i, file, defaults) for i, entry in enumerate(entries, 1))
    try:
        AccessRules.from_config(data.get("access"))
    except AccessError as error:
        raise ConfigError(f"{file}: {error}") from None
    return Settings(
        sources=sources,
        cache_ttl_seconds=int(app.get("cache_ttl_seconds", 600)),
        timeout_seconds=float(app.get("timeout_seconds", 20.0)),
        sheets_quota=int(app.get("sheets_quota", 50)),
        sheets_quota_seconds=float(app.get("sheets_quota_seconds", 60.0)),
        drive_check=bool(app.get("drive_check", True)),
        path=str(file),
        extra={k: v for k, v in data.items() if k not in ("app", "sources")},
    )


_SOURCE_KEYS = {
    "location", "name", "collaboration", "day_first", "api_key", "credentials_file", "writable",
    "kind",
}  # fmt: skip


def _source(entry: dict, number: int, file: Path, defaults: dict) -> SourceConfig:
    where = f"{file}: source {number}"
    if not isinstance(entry, dict) or not entry.get("location"):
        raise ConfigError(f"{where} has no 'location' (a path, Google Sheets URL or key)")
    unknown = set(entry) - _SOURCE_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown setting(s) {', '.join(sorted(unknown))}")
    location = str(entry["location"])
    if not _SHEET_URL.search(location) and not _SHEET_KEY.match(location):
        candidate = (file.parent / location).resolve()
        if candidate.exists():
            location = str(candidate)
    kind = entry.get("kind") or guess_kind(location)
    if kind not in ("xlsx", "csv", "gsheets"):
        raise ConfigError(f"{where}: kind must be xlsx, csv or gsheets, not '{kind}'")
    source = SourceConfig(location=location, kind=kind, **defaults)
    options = {k: v for k, v in entry.items() if k not in ("location", "kind")}
    return replace(source, **options)
