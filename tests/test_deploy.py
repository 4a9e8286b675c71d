"""The deploy/ recipe's three files agree with each other (docker cannot run here, so the images
are not built; tests/browser/test_nginx.py runs the nginx configuration with the real nginx).

- every app replica in docker-compose.yml is built from deploy/Dockerfile and mounts the same
  volume at the Dockerfile's ``SMALLWINS_CACHE_DIR`` (the shared snapshots: one read per sheet
  per TTL in all), with the same configuration and secrets;
- nginx.conf's upstream names exactly those replicas, at the port the Dockerfile serves on;
- nginx listens on the port the compose file publishes.
"""

from __future__ import annotations

import re

import yaml

from tests.nginx_proxy import RECIPE
from tests.streamlit_server import ROOT

DEPLOY = ROOT / "deploy"


def _compose() -> dict:
    return yaml.safe_load((DEPLOY / "docker-compose.yml").read_text(encoding="utf-8"))


def _dockerfile() -> str:
    return (DEPLOY / "Dockerfile").read_text(encoding="utf-8")


def _replicas(compose: dict) -> dict[str, dict]:
    return {
        name: service
        for name, service in compose["services"].items()
        if service.get("build", {}).get("dockerfile") == "deploy/Dockerfile"
    }


def test_every_replica_shares_one_snapshot_volume_and_the_same_settings():
    cache = re.search(r"^ENV SMALLWINS_CACHE_DIR=(\S+)", _dockerfile(), re.MULTILINE)
    assert cache, "the Dockerfile sets SMALLWINS_CACHE_DIR"
    compose = _compose()
    replicas = _replicas(compose)
    assert len(replicas) >= 2
    mounts = {name: service["volumes"] for name, service in replicas.items()}
    shared = {
        volume.split(":")[0]
        for volumes in mounts.values()
        for volume in volumes
        if volume.split(":")[1] == cache.group(1)
    }
    assert len(shared) == 1 and shared <= set(compose["volumes"])  # one named volume, for all
    assert len({str(v) for v in mounts.values()}) == 1  # same config and secrets mounted
    assert len({str(s.get("environment")) for s in replicas.values()}) == 1


def test_nginx_sends_to_exactly_the_replicas_at_the_port_they_serve_on():
    port = re.search(r"--server\.port=(\d+)", _dockerfile())
    assert port and re.search(rf"^EXPOSE {port.group(1)}$", _dockerfile(), re.MULTILINE)
    recipe = RECIPE.read_text(encoding="utf-8")
    upstream = re.search(r"upstream smallwins \{(.*?)\}", recipe, re.DOTALL)
    assert upstream
    servers = re.findall(r"^\s*server (\S+?):(\d+);", upstream.group(1), re.MULTILINE)
    compose = _compose()
    assert sorted(host for host, _ in servers) == sorted(_replicas(compose))
    assert {p for _, p in servers} == {port.group(1)}
    nginx = compose["services"]["nginx"]
    assert any(v.startswith("./nginx.conf:") for v in nginx["volumes"])
    listen = re.search(r"^\s*listen (\d+);", recipe, re.MULTILINE)
    assert listen and any(p.endswith(f":{listen.group(1)}") for p in nginx["ports"])
