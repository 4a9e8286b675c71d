"""The shared store in one process: its configuration, its records, and a Redis that is down
(the banner says so, the page is served from the local copy)."""

from __future__ import annotations

import pytest

from dashboard.config import ConfigError, Settings, load_config
from dashboard.sources import shared
from dashboard.ui import data
from tests.fixtures import RIVER_VALLEY_KEY as KEY
from tests.fixtures import river_valley
from tests.redis.server import PASSWORD
from tests.streamlit_server import free_port
from tests.ui.apptest import open_page, rendered


def _config(tmp_path, app: str) -> str:
    path = tmp_path / "smallwins.toml"
    path.write_text(f'[app]\n{app}\n\n[[sources]]\nlocation = "{KEY}"\nname = "River Valley"\n')
    return str(path)


def test_a_redis_url_that_is_not_one_names_its_key_and_never_repeats_the_value(tmp_path):
    with pytest.raises(ConfigError) as raised:
        load_config(_config(tmp_path, 'redis_url = "http://:hunter2hunter2@cache:6379"'))
    assert "[app] 'redis_url'" in str(raised.value) and "rediss://" in str(raised.value)
    assert "hunter2" not in str(raised.value)


def test_the_environment_wins_over_the_file_and_is_checked_too(tmp_path, monkeypatch):
    settings = load_config(
        _config(tmp_path, 'redis_url = "redis://file-host:6379/0"\nredis_prefix = "east:"')
    )
    assert settings.redis_url == "redis://file-host:6379/0" and settings.redis_prefix == "east:"
    assert shared.store_for(settings).description == "Redis at file-host:6379/0"
    monkeypatch.setenv(shared.REDIS_VARIABLE, f"rediss://:{PASSWORD}@env-host:6380/2")
    store = shared.store_for(settings)
    assert store.description == "Redis at env-host:6380/2 (TLS)"
    assert shared.active() is store
    monkeypatch.setenv(shared.REDIS_VARIABLE, f"env-host:{PASSWORD}")
    with pytest.raises(ConfigError, match="SMALLWINS_REDIS_URL must be a Redis URL") as raised:
        shared.store_for(settings)
    assert PASSWORD not in str(raised.value)
    monkeypatch.setenv(shared.REDIS_VARIABLE, f"redis://:{PASSWORD}@env-host:no-port/0")
    with pytest.raises(ConfigError, match="SMALLWINS_REDIS_URL cannot be read") as raised:
        shared.store_for(settings)
    assert PASSWORD not in str(raised.value)


def test_unset_it_is_the_cache_folder_as_before(snapshot_folder):
    store = shared.store_for(Settings(sources=()))
    assert isinstance(store, shared.FolderStore) and store.folder == snapshot_folder
    assert shared.swap_record("digest-sent-2026-12", None, {"sent": "2026-12-06"})
    assert (snapshot_folder / "digest-sent-2026-12").exists()


def test_a_record_is_swapped_by_exactly_one_host(redis_server, tmp_path):
    hosts = [
        shared.RedisStore(redis_server.url, "smallwins:", shared.FolderStore(tmp_path / name))
        for name in ("a", "b")
    ]
    sent = {"digest": "2026-12 funders", "by": "a"}
    assert hosts[0].compare_and_set("sent", None, b"a")
    assert not hosts[1].compare_and_set("sent", None, b"b")  # someone else sends it
    assert hosts[1].get("sent") == b"a" and (tmp_path / "b" / "sent").read_bytes() == b"a"
    assert hosts[1].compare_and_set("sent", b"a", b"b")
    assert not hosts[0].compare_and_set("sent", b"a", b"c")  # not what it was any more
    # the helpers, on this process's store (the environment's Redis)
    settings = Settings(sources=(), redis_url=redis_server.url, redis_prefix="west:")
    shared.store_for(settings)
    assert shared.get_record("digest-sent") is None
    assert shared.swap_record("digest-sent", None, sent)
    assert not shared.swap_record("digest-sent", None, {**sent, "by": "b"})
    assert shared.get_record("digest-sent") == sent
    assert shared.swap_record("digest-sent", sent, {**sent, "done": True})
    assert redis_server.client().get("west:digest-sent") is not None  # under its prefix


def test_with_redis_unreachable_the_local_copy_serves_and_the_banner_says_so(
    google, tmp_path, monkeypatch, redis_server, capsys
):
    google.add_spreadsheet(KEY, river_valley(), title="River Valley book")
    config = _config(tmp_path, "timeout_seconds = 2\ncache_ttl_seconds = 600")
    monkeypatch.setenv("SMALLWINS_CONFIG", config)
    monkeypatch.setenv(shared.REDIS_VARIABLE, redis_server.url)
    monkeypatch.chdir(tmp_path)
    good = open_page("app.py", {"to": "2024-12-31"})
    assert data.wait(60)
    assert not [w for w in good.warning if "Not shared" in w.value]
    expected = {metric.label: metric.value for metric in good.metric}
    redis_server.stop()
    google.hang()  # and Google too: only the local copy is left
    data.reset()
    shared.forget()  # a fresh process
    served = open_page("app.py", {"to": "2024-12-31"})
    assert {metric.label: metric.value for metric in served.metric} == expected
    warnings = " ".join(rendered(w.value) for w in served.warning)
    assert f"Redis at 127.0.0.1:{redis_server.port}/0 cannot be used since" in warnings
    assert "not shared with the other replicas meanwhile" in warnings
    assert PASSWORD not in warnings
    err = capsys.readouterr().err
    assert err.count("cannot be used") == 1 and PASSWORD not in err
    google.heal()


def test_a_redis_that_never_answered_leaves_the_local_copy_claims_and_records(tmp_path):
    store = shared.RedisStore(
        f"redis://127.0.0.1:{free_port()}/0", local=shared.FolderStore(tmp_path)
    )
    store.local.write("k", b"local")
    assert store.get("k") == b"local"  # the local copy
    assert store.outage is not None
    assert store.compare_and_set("k", b"local", b"new") and store.get("k") == b"new"
    with store.claim("lock", wait=5):
        pass  # the local file lock


def test_a_claim_held_on_one_host_is_waited_for_on_another(redis_server, tmp_path):
    first, second = (
        shared.RedisStore(redis_server.url, "smallwins:", shared.FolderStore(tmp_path / name))
        for name in ("a", "b")
    )
    with first.claim("sheet-x.lock", wait=5):
        with pytest.raises(shared.ClaimTimeout), second.claim("sheet-x.lock", wait=0.5):
            pass
        assert redis_server.client().ttl("smallwins:sheet-x.lock") > 0  # leased, not for ever
    with second.claim("sheet-x.lock", wait=5):  # released: the other host takes it at once
        assert redis_server.client().exists("smallwins:sheet-x.lock")
    assert not redis_server.client().exists("smallwins:sheet-x.lock")
