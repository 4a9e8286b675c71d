"""Configuration: which sources to read and how, from one TOML file (docs/operating.md,
"Configuration").

``SOURCE`` on the command line, and the app's configuration, is one of: a path to an ``.xlsx``
workbook or a folder of CSVs, a Google Sheets URL or key, or a ``.toml`` configuration file.
Without one, ``SMALLWINS_CONFIG`` names the file; else ``smallwins.toml`` in the working folder;
else the bundled demo workbook.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from dashboard.access import AccessError, AccessRules

if TYPE_CHECKING:
    from dashboard.config_file import SourceTable

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
        """What the source is called in the banner, problem lists and ``check``: its name, else
        its collaboration, else the spreadsheet's key (a URL's last part is only ``edit``), else
        the file's name."""
        if self.name or self.collaboration:
            return self.name or self.collaboration or ""
        if self.kind == "gsheets":
            return self.sheet_key
        return Path(self.location).stem or self.location

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
    sheets_quota: int = 50  # Sheets API requests allowed per sheets_quota_seconds
    sheets_quota_seconds: float = 60.0
    drive_check: bool = True  # ask Drive whether a sheet changed before reading it
    redis_url: str | None = None  # shared by replicas on several hosts (sources.shared)
    redis_prefix: str = "smallwins:"
    path: str | None = None
    extra: dict = field(default_factory=dict)


def demo_path() -> Path:
    return Path(str(resources.files("dashboard") / "data" / "demo.xlsx"))


def is_bundled_demo(source: SourceConfig) -> bool:
    """The demo workbook that ships with the app (named so or by its path): read-only, since it
    is the same file for every user and a copy of the package."""
    if source.demo:
        return True
    if source.kind != "xlsx":
        return False
    try:
        return Path(source.location).resolve() == demo_path().resolve()
    except OSError:
        return False


DEMO_COPY = "my-team.xlsx"  # what ``smallwins init`` calls its copy of the demo


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


def source_entry(
    location: str, name: str = "", collaboration: str | None = None, writable: bool = True
) -> str:
    """A ``[[sources]]`` table as it goes in smallwins.toml: what ``smallwins init`` writes and
    what the Log a win page offers to paste."""
    lines = ["[[sources]]"]
    if name:
        lines.append(f"name = {toml_string(name)}")
    lines.append(f"location = {toml_string(location)}")
    if collaboration:
        lines.append(f"collaboration = {toml_string(collaboration)}")
    if writable:
        lines.append("writable = true")
    return "\n".join(lines) + "\n"


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
    """Read a TOML configuration, checked against its schema (``config_file``); relative paths in
    it are relative to the file's own folder, wherever the app or command is started from."""
    from dashboard.config_file import validated  # pydantic is imported only when a file is used

    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError as error:
        raise ConfigError(f"configuration file '{file}' not found") from error
    except UnicodeDecodeError as error:
        raise ConfigError(f"configuration file '{file}' is not UTF-8 text") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"configuration file '{file}' is not valid TOML: {error}") from error
    try:
        checked = validated(data, text, str(file))
    except ValueError as error:
        raise ConfigError(str(error)) from None
    app = checked.app
    sources = tuple(
        _source(entry, number, file, app.day_first)
        for number, entry in enumerate(checked.sources, 1)
    )
    _no_two_named_alike(sources, file, text)
    try:
        AccessRules.from_config(data.get("access"))
    except AccessError as error:
        raise ConfigError(f"{file}: {error}") from None
    extra = {table: checked.model_dump()[table] for table in ("reports", "access") if table in data}
    return Settings(
        sources=sources,
        cache_ttl_seconds=app.cache_ttl_seconds,
        timeout_seconds=app.timeout_seconds,
        sheets_quota=app.sheets_quota,
        sheets_quota_seconds=app.sheets_quota_seconds,
        drive_check=app.drive_check,
        redis_url=app.redis_url,
        redis_prefix=app.redis_prefix,
        path=str(file),
        extra=extra,
    )


def _is_sheet(location: str) -> bool:
    return bool(_SHEET_URL.search(location) or _SHEET_KEY.match(location.strip()))


def _source(entry: SourceTable, number: int, file: Path, day_first: bool) -> SourceConfig:
    """One ``[[sources]]`` table as a SourceConfig; a local path made absolute against the
    configuration file's folder (never the working folder)."""
    location = entry.location
    beside = Path(os.path.abspath(file.parent / Path(location).expanduser()))
    is_sheet = entry.kind == "gsheets" or (
        entry.kind is None and _is_sheet(location) and not beside.exists()
    )
    if not is_sheet:
        location = str(beside)
    try:
        kind = entry.kind or guess_kind(location)
    except ConfigError as error:
        raise ConfigError(f"{file}: [[sources]] #{number} 'location': {error}") from None
    return SourceConfig(
        location=location,
        kind=kind,
        # a blank name or collaboration ("   ") is none: the source falls back to the next label
        name=entry.name.strip(),
        collaboration=(entry.collaboration or "").strip() or None,
        day_first=day_first if entry.day_first is None else entry.day_first,
        api_key=entry.api_key,
        credentials_file=entry.credentials_file,
        writable=entry.writable,
    )


def _no_two_named_alike(sources: tuple[SourceConfig, ...], file: Path, text: str) -> None:
    """Records are told apart by their source's name: two sources named alike would mix."""
    from dashboard.config_file import key_lines

    lines = key_lines(text)
    seen: dict[str, int] = {}
    for number, source in enumerate(sources, 1):
        label = source.label.casefold()
        if label in seen:
            first = seen[label]
            line = lines.get(("sources", number - 1, "name")) or lines.get(("sources", number - 1))
            raise ConfigError(
                f"{file}, line {line}: [[sources]] #{first} and #{number} are both named "
                f"'{source.label}', so their records would mix; give each its own 'name'"
            )
        seen[label] = number
