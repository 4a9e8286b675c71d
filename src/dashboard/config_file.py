"""The configuration file's schema, and its mistakes in words: file, line, key, and a close match.

Every table and key of ``smallwins.toml`` is declared here once (docs/operating.md,
"Configuration"), with its type, strictly: ``show_names = "no"`` is text, not false, and is
refused rather than read as true. An unknown table or key is refused too — a misspelt
``[acess]`` would otherwise leave the app with no roles at all, open to every signed-in account.

``tomllib`` parses the file but keeps no positions, so the line of each table and key is found in
the text (``key_lines``); pydantic checks the types.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
)


def _listed(value: object) -> object:
    """One email or domain may be written without the brackets of a list."""
    return [value] if isinstance(value, str) else value


Entries = Annotated[list[str], BeforeValidator(_listed)]

_CHANNEL = re.compile(r"^(?:mailto:[^@\s]+@[^@\s]+\.[^@\s]+|(?:slack|teams):[A-Za-z0-9_-]+)$")


def _web_address(value: str | None) -> str | None:
    """A link in a digest must open in a mail client: an absolute http(s) address."""
    if value is not None and not re.match(r"^https?://[^\s/]+", value):
        raise ValueError('an address starting with https:// (like "https://wins.example.org")')
    return value


def _channels(values: list[str]) -> list[str]:
    """Where a digest goes: ``mailto:ADDRESS``, ``slack:NAME`` or ``teams:NAME`` (NAME: letters,
    digits, ``-`` and ``_``: it names a webhook in the secrets, never the URL itself)."""
    for value in values:
        if not _CHANNEL.match(value):
            raise ValueError(
                '"mailto:someone@example.org", "slack:NAME" or "teams:NAME" (NAME: letters, '
                f'digits, - and _; the webhook\'s URL goes in the secrets), not "{value}"'
            )
    return values


Channels = Annotated[list[str], BeforeValidator(_listed), AfterValidator(_channels)]


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class AppTable(_Table):
    cache_ttl_seconds: int = Field(default=600, ge=0)
    timeout_seconds: float = Field(default=20.0, gt=0)
    day_first: bool = False
    sheets_quota: int = Field(
        default=50, ge=1
    )  # Sheets API requests allowed per sheets_quota_seconds
    sheets_quota_seconds: float = Field(default=60.0, gt=0)
    drive_check: bool = True
    public_url: Annotated[str | None, AfterValidator(_web_address)] = None  # digests link here
    # replicas on several hosts share through this Redis (sources.shared)
    redis_url: str | None = Field(default=None, pattern=r"^\s*(redis|rediss|unix)://")
    redis_prefix: str = "smallwins:"


class SourceTable(_Table):
    location: str = Field(min_length=1)
    name: str = ""
    collaboration: str | None = None
    day_first: bool | None = None  # None: [app] day_first
    api_key: str | None = None
    credentials_file: str | None = None
    kind: Literal["xlsx", "csv", "gsheets"] | None = None  # None: guessed from the location
    writable: bool = False


class ReportsTable(_Table):
    show_names: bool = False


class AccessTable(_Table):
    coordinators: Entries = []
    funders: Entries = []
    teams: dict[str, Entries] = {}


class DigestTable(_Table):
    """One ``[[digests]]`` table (docs/digests.md)."""

    name: str = Field(min_length=1)
    collaborations: Entries = []  # empty: every collaboration
    audience: Literal["team", "coordinator", "funder"]
    every: Literal["week", "month"] = "week"
    to: Channels = Field(min_length=1)
    send_when_quiet: bool = False


class ConfigFile(_Table):
    app: AppTable = AppTable()
    sources: list[SourceTable] = Field(min_length=1)
    reports: ReportsTable = ReportsTable()
    access: AccessTable | None = None
    digests: list[DigestTable] = []


_EXPECTED = {
    "bool_type": "true or false (without quotes)",
    "int_type": "a whole number (without quotes)",
    "float_type": "a number (without quotes)",
    "string_type": "text in quotes",
    "string_too_short": "text that is not empty",
    "list_type": 'a list, like ["a@region.org", "region.org"]',
    "dict_type": "a table",
    "model_type": "a table",
    "string_pattern_mismatch": "a Redis URL: redis://[:password@]host:6379/0, or rediss:// for TLS",
}
_SECRET_KEYS = {"api_key", "credentials_file", "redis_url"}  # may hold a password
_TABLES: dict[str, type[BaseModel]] = {
    "app": AppTable,
    "sources": SourceTable,
    "reports": ReportsTable,
    "access": AccessTable,
    "digests": DigestTable,
}
_LISTS = ("sources", "digests")  # tables written [[twice]]: named with their number


def validated(data: dict[str, Any], text: str, file: str) -> ConfigFile:
    """The parsed file checked against the schema; ``ValueError`` listing every mistake, each
    with the file, its line, the key, and what to write instead."""
    try:
        return ConfigFile.model_validate(data)
    except ValidationError as error:
        lines = key_lines(text)
        messages = list(dict.fromkeys(_message(p, lines, file) for p in error.errors()))
        if len(messages) == 1:
            raise ValueError(messages[0]) from None
        listing = "\n".join(f"  {message}" for message in messages)
        raise ValueError(f"{len(messages)} mistakes in {file}:\n{listing}") from None


def _where(loc: tuple, lines: dict[tuple, int], file: str) -> str:
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return f"{file}, line {lines[loc[:end]]}"
    return file


def _name(loc: tuple) -> str:
    """A key as a coordinator reads it: ``[[sources]] #2 'writable'``, ``[access] 'funders'``."""
    if not loc:
        return "the file"
    head, rest = str(loc[0]), list(loc[1:])
    if head in _LISTS:
        table = (
            f"[[{head}]] #{int(rest.pop(0)) + 1}"
            if rest and isinstance(rest[0], int)
            else (f"[[{head}]]")
        )
    elif head == "access" and rest[:1] == ["teams"]:
        table, rest = "[access.teams]", rest[1:]
    else:
        table = f"[{head}]"
    keys = [str(part) for part in rest if not isinstance(part, int)]
    return f"{table} '{'.'.join(keys)}'" if keys else table


def _message(problem: Mapping[str, Any], lines: dict[tuple, int], file: str) -> str:
    loc, kind = tuple(problem["loc"]), problem["type"]
    where = _where(loc, lines, file)
    if kind == "extra_forbidden":
        return f"{where}: {_unknown(loc)}"
    if kind == "missing":
        if loc == ("sources",):
            return f"{where}: no [[sources]] given; add at least one"
        return f"{where}: {_name(loc[:-1])} has no '{loc[-1]}', which is required"
    if loc == ("sources",) and kind in ("too_short", "list_type"):
        return f"{where}: no [[sources]] given; add at least one [[sources]] table"
    if kind == "value_error":  # a check of ours: its message says what to write
        return f"{where}: {_name(loc)} must be {problem['ctx']['error']}"
    expected = _EXPECTED.get(kind) or problem["msg"].removeprefix("Input should be ")
    if set(map(str, loc)) & _SECRET_KEYS:  # a credential is never repeated in a message
        return f"{where}: {_name(loc)} must be {expected}"
    return f"{where}: {_name(loc)} must be {expected}, not {_toml(problem.get('input'))}"


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}" (text)'
    if isinstance(value, dict):
        return "a table"
    return repr(value)


def _unknown(loc: tuple) -> str:
    """An unknown table or key, with the closest known one."""
    if len(loc) == 1:
        match = difflib.get_close_matches(str(loc[0]), list(_TABLES), n=1, cutoff=0.6)
        hint = f" — did you mean [{match[0]}]?" if match else ""
        known = ", ".join(f"[[{t}]]" if t in _LISTS else f"[{t}]" for t in _TABLES)
        return f"unknown table [{loc[0]}]{hint} (known: {known})"
    model: type[BaseModel] = _TABLES.get(str(loc[0]), ConfigFile)
    keys = list(model.model_fields)
    match = difflib.get_close_matches(str(loc[-1]), keys, n=1, cutoff=0.6)
    hint = f" — did you mean '{match[0]}'?" if match else ""
    return f"unknown key '{loc[-1]}' in {_name(loc[:-1])}{hint} (known: {', '.join(keys)})"


# --- where each table and key is: tomllib gives values, not lines ------------------------------

_BARE = r"[A-Za-z0-9_\-]+"
_QUOTED = r"\"(?:[^\"\\]|\\.)*\"|'[^']*'"
_DOTTED = rf"(?:{_BARE}|{_QUOTED})(?:\s*\.\s*(?:{_BARE}|{_QUOTED}))*"
_HEADER = re.compile(rf"^\s*(\[\[|\[)\s*({_DOTTED})\s*\]\]?")
_KEY = re.compile(rf"^\s*({_DOTTED})\s*=")
_PART = re.compile(rf"{_BARE}|{_QUOTED}")


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip("\"'") for part in _PART.findall(dotted))


def key_lines(text: str) -> dict[tuple, int]:
    """Path → line number (1-based) of each table header and key: ``("app",)``,
    ``("sources", 0, "location")``, ``("access", "teams", "River Valley")``. Lines inside
    multi-line strings are skipped; a path is where it is first written."""
    lines: dict[tuple, int] = {}
    table: tuple = ()
    counts: dict[tuple, int] = {}
    in_string = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string:
            if line.count(in_string) % 2:
                in_string = None
            continue
        header = _HEADER.match(line)
        if header:
            path = _parts(header.group(2))
            if header.group(1) == "[[":
                counts[path] = counts.get(path, -1) + 1
                table = (*path, counts[path])
            else:
                table = path
            lines.setdefault(path, number)
            lines.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key:
            lines.setdefault((*table, *_parts(key.group(1))), number)
            rest = line[key.end() :]
            for quotes in ('"""', "'''"):
                if rest.count(quotes) % 2:
                    in_string = quotes
    return lines
