"""Secrets kept as Streamlit secrets, read without importing Streamlit.

The app and the command line share ``.streamlit/secrets.toml`` (working folder, then home):
service-account credentials under ``[gcp_service_account]`` — the layout Streamlit's own Google
Sheets guide uses — and, for the digests (docs/digests.md), webhook URLs under ``[webhooks]`` and
the mail server under ``[smtp]``. Each digest secret may come from the environment instead, which
wins when set (a container or a scheduler passes secrets that way). A webhook URL is a password
in effect (whoever has it may post): none of these is ever written to a file, a page or a log.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SECTION = "gcp_service_account"


def secrets_files() -> list[Path]:
    return [Path.cwd() / ".streamlit" / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml"]


def _sections(name: str) -> list[dict[str, Any]]:
    """The ``[name]`` table of each readable secrets file, first file first."""
    found = []
    for file in secrets_files():
        if not file.is_file():
            continue
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError):
            continue
        section = data.get(name)
        if isinstance(section, dict) and section:
            found.append(dict(section))
    return found


def service_account_from_secrets() -> dict[str, Any] | None:
    sections = _sections(SECTION)
    return sections[0] if sections else None


def _secret(section: str, key: str, variable: str) -> str | None:
    """The environment variable when set, else ``[section] key`` of the secrets files."""
    value = os.environ.get(variable, "").strip()
    if value:
        return value
    for table in _sections(section):
        found = table.get(key)
        if isinstance(found, str) and found.strip():
            return found.strip()
    return None


WEBHOOKS = "webhooks"
WEBHOOK_VARIABLE = "SMALLWINS_WEBHOOK_{}"


def webhook_variable(name: str) -> str:
    """``slack:river-valley`` → ``SMALLWINS_WEBHOOK_RIVER_VALLEY`` (upper-cased; a ``-`` cannot
    be in a shell variable's name, so it becomes ``_``)."""
    return WEBHOOK_VARIABLE.format(re.sub(r"[^A-Z0-9_]", "_", name.upper()))


def webhook_url(name: str) -> str | None:
    """The URL of the webhook called ``name``: ``SMALLWINS_WEBHOOK_NAME``, else ``[webhooks]
    NAME`` in secrets.toml."""
    return _secret(WEBHOOKS, name, webhook_variable(name))


@dataclass(frozen=True)
class Smtp:
    """Where email goes: ``url`` (``smtp://``, ``smtp+starttls://`` or ``smtps://``, with the
    user and password in it) and the ``sender`` address. ``repr`` leaves the URL out."""

    url: str | None
    sender: str | None

    def __repr__(self) -> str:
        return f"Smtp(url={'[set]' if self.url else None}, sender={self.sender!r})"


def smtp() -> Smtp:
    """``SMALLWINS_SMTP_URL`` / ``SMALLWINS_MAIL_FROM``, else ``[smtp] url`` / ``sender``."""
    return Smtp(
        url=_secret("smtp", "url", "SMALLWINS_SMTP_URL"),
        sender=_secret("smtp", "sender", "SMALLWINS_MAIL_FROM"),
    )


def pseudonym_secret_from_secrets() -> str | None:
    """``[privacy] pseudonym_secret``, as the app reads it from Streamlit secrets: a funder's
    digest numbers people exactly as the funder's pages do (``privacy.secret``)."""
    for table in _sections("privacy"):
        found = table.get("pseudonym_secret")
        if found:
            return str(found)
    return None
