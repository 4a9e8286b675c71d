"""A server that trickles its answer cannot hold a read past its budget (issue 21, finding 9).

The double answers 200 with the full Content-Length at once, then sends the body one byte at a
time: every socket read gets a byte well within the socket timeout, so only a deadline across
the reads (``http.CALL_SECONDS``, shortened here to 3 s) can end the call. Through the real
gspread client; the command must end — with the snapshot, or with a clear error — long before
the trickle would (a few thousand bytes at 0.5 s each: over half an hour).
"""

from __future__ import annotations

import json
import threading

import pytest

from dashboard import cli
from dashboard.config import load_config
from dashboard.loader import load
from dashboard.sources import http
from tests.fixtures import RIVER_VALLEY_KEY as KEY
from tests.fixtures import river_valley


@pytest.fixture
def config(tmp_path, google, monkeypatch):
    monkeypatch.setattr(http, "CALL_SECONDS", 3.0)
    google.add_spreadsheet(KEY, river_valley(), title="River Valley book")
    path = tmp_path / "smallwins.toml"
    path.write_text(
        f'[app]\ntimeout_seconds = 2\n\n[[sources]]\nlocation = "{KEY}"\nname = "River Valley"\n'
    )
    return path


def _ends(target, *args):
    """Run ``target`` in a thread; its result, or a failure if it has not ended in 180 s (the
    trickle alone would take over 30 minutes)."""
    result: dict = {}
    thread = threading.Thread(target=lambda: result.setdefault("value", target(*args)))
    thread.daemon = True
    thread.start()
    thread.join(180)
    assert not thread.is_alive(), "the read is still hanging on the trickling server"
    return result["value"]


def test_a_trickling_answer_serves_the_snapshot(google, config, capsys):
    good = load(load_config(config))
    assert len(good.wins) == 2
    google.touch(KEY)  # changed: the sheet must be read again
    google.trickle(0.5, kind="batchGet")
    capsys.readouterr()
    code = _ends(cli.main, ["summary", str(config), "--json", "--as-of", "2024-12-31"])
    captured = capsys.readouterr()
    assert code == 0 and json.loads(captured.out)["wins"] == 2  # from the snapshot
    assert "did not answer in time" in captured.err


def test_a_trickling_answer_with_no_snapshot_fails_clearly(google, config, capsys):
    google.trickle(0.5, kind="batchGet")
    code = _ends(cli.main, ["check", str(config)])
    assert code == 2
    assert "did not answer in time" in capsys.readouterr().out
