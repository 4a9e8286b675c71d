"""A real redis-server per test, and a process that forgets its stores after each test."""

from __future__ import annotations

import pytest

from dashboard.sources import shared
from tests.digest.conftest import (  # noqa: F401 - the digest's fixtures, for the shared sent-log
    data_file,
    isolated,
    stand_in,
)
from tests.redis.server import RedisServer


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def no_store_kept():
    """Each test starts as a fresh process would: no store opened, none active."""
    shared.forget()
    yield
    shared.forget()
