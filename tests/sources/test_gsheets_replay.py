"""Our Sheets reader against the exact bytes Google sent, replayed from the recordings."""

from __future__ import annotations

import pytest

from dashboard.config import Settings, SourceConfig
from dashboard.loader import load
from tests.sheets_double import ReplayServer, recorded_interactions


@pytest.fixture
def replay(monkeypatch):
    def serve(name: str) -> ReplayServer:
        server = ReplayServer(recorded_interactions(name))
        server.start()
        monkeypatch.setenv("SMALLWINS_SHEETS_ENDPOINT", server.url)
        monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS", raising=False)
        monkeypatch.setenv("SMALLWINS_SHEETS_API_KEY", "recorded")
        servers.append(server)
        return server

    servers: list[ReplayServer] = []
    yield serve
    for server in servers:
        server.stop()


def _sheets_requests(server: ReplayServer) -> list:
    """The Sheets API requests served (Drive, asked when each sheet last changed, is not in
    these recordings and answers 501: the read goes on without it)."""
    return [r for r in server.requests if r.path.startswith("/v4/")]


def _unmatched_sheets(server: ReplayServer) -> list:
    return [r for r in server.unmatched if r.path.startswith("/v4/")]


def _load(key: str):
    return load(Settings(sources=(SourceConfig(location=key, kind="gsheets", name="team"),)))


def test_recorded_404_becomes_a_plain_not_found(replay):
    server = replay("ClientTest.test_access_non_existing_spreadsheet")
    dataset = _load("test")
    (failed,) = dataset.failed_sources
    assert failed.error == "team: spreadsheet test was not found: check its URL or key"
    assert len(_sheets_requests(server)) == 1 and not _unmatched_sheets(server)
    assert dataset.wins.empty  # and the app still gets empty, well-formed tables


def test_recorded_403_says_to_share_the_sheet(replay):
    server = replay("ClientTest.test_access_private_spreadsheet")
    (failed,) = _load("1jIKzPs8LsiZZdLdeMEP-5ZIHw6RkjiOmj1LrJN706Yc").failed_sources
    assert "not shared" in failed.error
    assert len(_sheets_requests(server)) == 1 and not _unmatched_sheets(server)


def test_recorded_metadata_without_known_tabs_reads_nothing_more(replay):
    # The recorded spreadsheet has one tab, "Sheet1", which is none of ours: the reader asks for
    # the metadata only, and reports the missing tabs by name.
    server = replay("ClientTest.test_access_private_spreadsheet")
    dataset = _load("1_EaBz4exHK3x5wohaCDnv6QIUZps-Msk2g3-l471HQw")
    assert not dataset.failed_sources
    assert len(_sheets_requests(server)) == 1
    missing = dataset.structural_problems["tab"].tolist()
    assert missing == ["People", "Projects", "Commitments", "Wins"]
