"""The digests' sent-log shared through Redis (issues 23 and 25): two hosts, each with a cache
folder of its own, run the same schedule; the digest goes once, whichever runs first. Without
Redis, the same two folders each send it — what the shared log is for."""

from __future__ import annotations

from dashboard.sources import shared
from tests.digest.conftest import digest_table, run_cli, write_config

UNTIL = "2026-10-28"  # the week of Monday 19 October 2026 is the last complete one
TOKEN = "T0SECRET/B0SECRET/abcSECRETxyz"


def _two_hosts_run(tmp_path, monkeypatch, capsys, config) -> list[str]:
    said = []
    for host in ("east", "west"):
        monkeypatch.setenv("SMALLWINS_CACHE_DIR", str(tmp_path / host))
        shared.forget()  # a process of its own on each host
        status, out, err = run_cli(capsys, "digest", config, "--until", UNTIL)
        assert status == 0, out + err
        said.append(out)
    return said


def _config(isolated, data_file, stand_in, monkeypatch):
    monkeypatch.setenv("SMALLWINS_WEBHOOK_RIVERVALLEY", f"{stand_in.url}/slack/{TOKEN}/ok")
    digest = digest_table(
        "RV weekly", ["slack:rivervalley"], audience="team", collaborations=["River Valley"]
    )
    return write_config(isolated, data_file, digest, timeout=1.0)


def test_a_digest_goes_once_whichever_host_runs_the_schedule(
    redis_server, isolated, data_file, stand_in, monkeypatch, capsys, tmp_path
):
    monkeypatch.setenv(shared.REDIS_VARIABLE, redis_server.url)
    config = _config(isolated, data_file, stand_in, monkeypatch)
    east, west = _two_hosts_run(tmp_path, monkeypatch, capsys, config)
    assert "slack:rivervalley: sent" in east
    assert "slack:rivervalley: already sent" in west
    assert len(stand_in.payloads("/slack/")) == 1  # one post in all
    logged = redis_server.client().get("smallwins:digests-sent.json")
    assert logged is not None and b"slack:rivervalley" in logged and b"SECRET" not in logged


def test_without_redis_each_host_sends_it(
    isolated, data_file, stand_in, monkeypatch, capsys, tmp_path
):
    monkeypatch.delenv(shared.REDIS_VARIABLE, raising=False)
    config = _config(isolated, data_file, stand_in, monkeypatch)
    east, west = _two_hosts_run(tmp_path, monkeypatch, capsys, config)
    assert "slack:rivervalley: sent" in east and "slack:rivervalley: sent" in west
    assert len(stand_in.payloads("/slack/")) == 2
