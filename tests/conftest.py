"""Shared fixtures: a running Sheets API test double, reached as Google through the environment."""

from __future__ import annotations

import json

import pytest

from dashboard.dataset import Dataset
from dashboard.sources.http import RetryPolicy
from tests import demo
from tests.sheets_double import SheetsDouble


def pytest_collection_modifyitems(items):
    """Mark browser tests (tests/browser/) and hypothesis property tests, so the inner loop can
    leave them out: ``python -m pytest -m "not browser and not property" -n auto``."""
    for item in items:
        if "browser" in item.path.parts:
            item.add_marker(pytest.mark.browser)
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.property)


@pytest.fixture(autouse=True)
def snapshot_folder(tmp_path, monkeypatch):
    """Every test keeps its Sheets snapshots in its own folder, never the user's cache."""
    folder = tmp_path / "snapshots"
    monkeypatch.setenv("SMALLWINS_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def fresh_app_process():
    """Each test starts as a freshly started app server would: nothing read in this process."""
    yield
    from dashboard.ui import data

    data.reset()


@pytest.fixture(scope="session")
def demo_dataset() -> Dataset:
    """The demo workbook's clean dataset, loaded once per test process (``tests/demo.py``)."""
    return demo.demo_dataset()


@pytest.fixture
def double():
    with SheetsDouble() as server:
        yield server


@pytest.fixture
def google(double, tmp_path, monkeypatch):
    """Point every Google call at the double and give a service-account key file, as a user
    would: ``SMALLWINS_SHEETS_ENDPOINT`` and ``GOOGLE_APPLICATION_CREDENTIALS``."""
    key_file = tmp_path / "service_account.json"
    key_file.write_text(json.dumps(double.service_account_info()))
    monkeypatch.setenv("SMALLWINS_SHEETS_ENDPOINT", double.url)
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(key_file))
    monkeypatch.delenv("SMALLWINS_SHEETS_API_KEY", raising=False)
    return double


@pytest.fixture
def quick_retries(monkeypatch):
    """Retries without the real backoff's seconds of waiting (the policy itself is unchanged)."""
    monkeypatch.setattr(RetryPolicy, "delay", lambda self, attempt, retry_after: 0.01)
