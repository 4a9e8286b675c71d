"""Replicas on several hosts sharing one Redis: the real ``redis-server``, replicas as separate
processes with separate cache folders (as on separate hosts), the real gspread client against the
Sheets double.

Every wait is for a condition, with a generous ceiling; nothing asserts on elapsed time.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.fixtures import region_key
from tests.redis.server import PASSWORD
from tests.regions import regions_config, sheets_requests
from tests.streamlit_server import ROOT

CEILING = 180.0  # seconds: any wait below, on a busy machine


class Replicas:
    """Starts replica processes (tests/redis/replica.py), each with its own cache folder."""

    def __init__(self, google, tmp_path: Path, redis_url: str | None) -> None:
        self.google = google
        self.tmp_path = tmp_path
        self.redis_url = redis_url
        self.started: list[subprocess.Popen] = []

    def env(self, host: str) -> dict[str, str]:
        env = {
            **os.environ,
            "SMALLWINS_SHEETS_ENDPOINT": self.google.url,
            "SMALLWINS_CACHE_DIR": str(self.tmp_path / "hosts" / host),
            "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
        }
        env.pop("SMALLWINS_PSEUDONYM_SECRET", None)
        env.pop("SMALLWINS_REDIS_URL", None)
        if self.redis_url:
            env["SMALLWINS_REDIS_URL"] = self.redis_url
        return env

    def start(self, host: str, *args: object) -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.redis.replica", *map(str, args)],
            env=self.env(host),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.started.append(process)
        return process

    def run(self, host: str, *args: object) -> dict:
        out, err = self.start(host, *args).communicate(timeout=CEILING)
        assert out.strip(), err
        return json.loads(out.strip().splitlines()[-1])

    def stop(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.kill()
                process.communicate()


@pytest.fixture
def replicas(google, tmp_path, redis_server):
    started = Replicas(google, tmp_path, redis_server.url)
    yield started
    started.stop()


@pytest.fixture
def unshared(google, tmp_path):
    started = Replicas(google, tmp_path, None)
    yield started
    started.stop()


def wait_for(condition, what: str, ceiling: float = CEILING) -> None:
    deadline = time.monotonic() + ceiling
    while not condition():
        assert time.monotonic() < deadline, f"still waiting for {what}"
        time.sleep(0.1)


def test_within_a_ttl_each_sheet_is_read_once_in_all_whichever_replica_asks_first(
    google, tmp_path, replicas
):
    config = regions_config(tmp_path, google, 3)
    google.set_latency(0.5, kind="batchGet")  # so the three overlap
    runs = [replicas.start(host, "read", config, 300) for host in ("a", "b", "c")]
    results = [json.loads(run.communicate(timeout=CEILING)[0]) for run in runs]
    assert all(r["failed"] == 0 and r["read"] == 3 for r in results)
    assert sum(r["taken"] for r in results) == 6  # the two that did not read took the copies
    for number in (1, 2, 3):
        assert google.count("batchGet", region_key(number)) == 1
    # a fourth host asking later within the TTL: not one request to Google, not even Drive
    google.reset_counts()
    assert replicas.run("d", "read", config, 300) == {
        "failed": 0,
        "stale": 0,
        "taken": 3,
        "read": 3,
    }
    assert google.count() - google.count("token") == 0


def test_a_replica_on_an_empty_folder_shows_every_sheet_at_once_with_google_hung(
    google, tmp_path, replicas
):
    config = regions_config(tmp_path, google, 4, cache_ttl_seconds=600)
    assert replicas.run("a", "read", config, 600)["failed"] == 0
    google.hang()  # Google answers nothing from now on
    google.reset_counts()
    shown = replicas.run("new-host", "shown", config)
    assert shown == {"shown": 4, "pending": 0}
    assert sheets_requests(google) == 0
    # its local copy now holds what it took from Redis
    assert len(list((tmp_path / "hosts" / "new-host").glob("sheet-*.snapshot"))) == 4
    google.heal()


def _three_at_once(replicas, tmp_path, google) -> list[dict]:
    """Three hosts, each reading its own 4 sheets (8 Sheets requests each) at the same moment,
    each paced to 6 requests a window — together 24, against Google's 10 a window (the margin
    absorbs requests that leave a busy machine late)."""
    configs = []
    for host in range(3):
        folder = tmp_path / f"config-{host}"
        folder.mkdir()
        config = regions_config(folder, google, 12, quota=6)
        head, *tables = config.read_text().split("[[sources]]")
        config.write_text("[[sources]]".join([head, *tables[4 * host : 4 * host + 4]]))
        configs.append(config)  # host i keeps sheets 4i+1 … 4i+4
    google.set_quota(10, seconds=3.0)
    runs = [replicas.start(f"h{host}", "read", configs[host], 0) for host in range(3)]
    outs = [run.communicate(timeout=CEILING) for run in runs]
    assert not any("cannot be used" in err for _, err in outs)  # Redis was there throughout
    return [json.loads(out) for out, _ in outs]


def test_three_replicas_under_one_shared_quota_are_never_refused(google, tmp_path, replicas):
    results = _three_at_once(replicas, tmp_path, google)
    assert all(r == {"failed": 0, "stale": 0, "taken": 0, "read": 4} for r in results)
    assert google.count(status=429) == 0
    assert sheets_requests(google) == 24


def test_the_same_three_without_redis_are_refused_by_google(google, tmp_path, unshared):
    results = _three_at_once(unshared, tmp_path, google)
    assert all(r["read"] == 4 for r in results)
    assert google.count(status=429) > 0  # each paced itself to the whole quota


def test_a_reader_killed_while_holding_the_claim_frees_it_within_the_lease(
    google, tmp_path, replicas, redis_server
):
    config = regions_config(tmp_path, google, 1)
    google.hang(kind="batchGet")
    holder = replicas.start("a", "read", config, 0)
    client = redis_server.client()
    wait_for(lambda: client.keys("smallwins:sheet-*.lock"), "the first replica's claim")
    holder.send_signal(signal.SIGKILL)
    holder.communicate()
    google.heal()
    google.reset_counts()
    result = replicas.run("b", "read", config, 0)  # waits for the claim, then reads itself
    assert result == {"failed": 0, "stale": 0, "taken": 0, "read": 1}
    assert google.count("batchGet", region_key(1)) == 1
    assert not client.keys("smallwins:sheet-*.lock")  # released by the second


def test_redis_stopped_mid_run_then_started_again(google, tmp_path, replicas, redis_server):
    config = regions_config(tmp_path, google, 2)
    loop = replicas.start("a", "loop", config, 600)
    seen: list[dict] = []

    def lines_until(condition, what):
        def more() -> bool:
            line = loop.stdout.readline()
            assert line, f"the replica stopped: {loop.stderr.read()}"
            seen.append(json.loads(line))
            return condition(seen[-1])

        wait_for(more, what)

    lines_until(lambda s: s["outage"] is None, "a read with Redis up")
    redis_server.stop()
    lines_until(lambda s: s["outage"] is not None, "the outage noticed")
    for _ in range(3):
        lines_until(lambda s: True, "reads during the outage")
    redis_server.start()  # the same port, and empty (no persistence)
    lines_until(lambda s: s["outage"] is None, "sharing resumed")
    lines_until(lambda s: True, "a read after it resumed")
    loop.kill()
    _, err = loop.communicate()
    assert all(s["failed"] == 0 and s["read"] == 2 for s in seen)  # served throughout
    outage = next(s["outage"] for s in seen if s["outage"])
    assert f"Redis at 127.0.0.1:{redis_server.port}/0" in outage and "not shared" in outage
    assert err.count("cannot be used") == 1 and "is back: sharing resumed" in err, err
    assert "Leak error" not in err  # the pace's background task is quiet about it too
    assert PASSWORD not in err and PASSWORD not in outage
    # sharing resumed: what the replica read after the restart is in Redis for a new host
    google.hang()
    google.reset_counts()
    assert replicas.run("b", "shown", config) == {"shown": 2, "pending": 0}
    assert sheets_requests(google) == 0
    google.heal()


def test_pseudonyms_are_the_same_on_every_replica(google, tmp_path, replicas, unshared):
    config = regions_config(tmp_path, google, 2)
    first = replicas.run("a", "pseudonyms", config)
    second = replicas.run("b", "pseudonyms", config)
    assert set(first) == {"ann 01", "bo 01", "ann 02", "bo 02"}
    assert first == second
    alone = unshared.run("c", "pseudonyms", config)  # its own folder, its own secret
    assert alone != first
