"""Fixtures of the page tests: the demo served with sign-in roles (``roles``), and the demo's
personal names and emails to search what a page sent for (``personal``)."""

from __future__ import annotations

import re

import pytest

from dashboard.config import demo_path
from tests.ui.helpers import TEAM, personal_patterns


@pytest.fixture
def roles(tmp_path, monkeypatch):
    """The demo workbook with ``[access]`` roles: a coordinator (ana@region.org), funders
    (@foundation.org) and a team (highplains.org, for ``TEAM``)."""
    config = tmp_path / "smallwins.toml"
    config.write_text(
        f'[[sources]]\nlocation = "{demo_path()}"\nname = "demo"\n\n'
        '[access]\ncoordinators = ["ana@region.org"]\nfunders = ["@foundation.org"]\n'
        f'[access.teams]\n"{TEAM}" = ["highplains.org"]\n'
    )
    monkeypatch.setenv("SMALLWINS_CONFIG", str(config))
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def personal(demo_dataset) -> list[re.Pattern]:
    """The demo's 99 listed people, as patterns (``helpers.personal_patterns``)."""
    return personal_patterns(demo_dataset.people)
