"""Service-account credentials kept as Streamlit secrets, read without importing Streamlit.

The app and the command line share ``.streamlit/secrets.toml`` (working folder, then home), under
``[gcp_service_account]`` — the layout Streamlit's own Google Sheets guide uses.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

SECTION = "gcp_service_account"


def secrets_files() -> list[Path]:
    return [Path.cwd() / ".streamlit" / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml"]


def service_account_from_secrets() -> dict[str, Any] | None:
    for file in secrets_files():
        if not file.is_file():
            continue
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError):
            continue
        section = data.get(SECTION)
        if isinstance(section, dict) and section:
            return dict(section)
    return None
