"""The recipes for replicas on several hosts agree with what the app needs (no cluster and no
docker here: the files are parsed and checked, not applied).

- Kubernetes: the container port is the Dockerfile's; every probe asks ``/_stcore/health`` on it;
  the Redis URL comes from a Secret the manifests define, with the key they read; each pod keeps
  its own cache folder at the Dockerfile's ``SMALLWINS_CACHE_DIR``; the Service and the Ingress
  reach that port, and the Ingress pins a browser to one pod with a cookie and keeps its websocket
  open; Redis has no public address and needs the password from the same Secret.
- Compose: each replica its own cache volume, all naming the same Redis, which publishes no port.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import yaml

from tests.streamlit_server import ROOT

DEPLOY = ROOT / "deploy"
HEALTH = "/_stcore/health"


def _documents() -> list[dict]:
    return [
        document
        for path in sorted((DEPLOY / "kubernetes").glob("*.yaml"))
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8"))
        if document
    ]


def _one(kind: str, name: str) -> dict:
    (found,) = [d for d in _documents() if d["kind"] == kind and d["metadata"]["name"] == name]
    return found


def _dockerfile() -> tuple[int, str]:
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    port = re.search(r"--server\.port=(\d+)", text)
    cache = re.search(r"^ENV SMALLWINS_CACHE_DIR=(\S+)", text, re.MULTILINE)
    assert port and cache
    return int(port.group(1)), cache.group(1)


def _container(deployment: dict) -> dict:
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    return container


def _port(container: dict, name_or_number: object) -> int:
    for port in container["ports"]:
        if name_or_number in (port.get("name"), port["containerPort"]):
            return port["containerPort"]
    raise AssertionError(f"no port {name_or_number}")


def test_the_app_serves_on_the_dockerfiles_port_and_every_probe_asks_for_health():
    port, _ = _dockerfile()
    app = _container(_one("Deployment", "smallwins"))
    assert [p["containerPort"] for p in app["ports"]] == [port]
    probes = [app[k] for k in ("startupProbe", "readinessProbe", "livenessProbe")]
    assert all(p["httpGet"]["path"] == HEALTH for p in probes)
    assert all(_port(app, p["httpGet"]["port"]) == port for p in probes)


def test_the_redis_url_comes_from_a_secret_that_names_the_redis_service():
    app = _container(_one("Deployment", "smallwins"))
    env = {e["name"]: e for e in app["env"]}
    assert "value" not in env["SMALLWINS_REDIS_URL"]  # never written in the Deployment
    ref = env["SMALLWINS_REDIS_URL"]["valueFrom"]["secretKeyRef"]
    secret = _one("Secret", ref["name"])["stringData"]
    url = urlsplit(secret[ref["key"]])
    assert url.scheme in ("redis", "rediss") and url.password
    service = _one("Service", url.hostname)
    assert service["spec"]["type"] == "ClusterIP"  # no public address
    assert [p["port"] for p in service["spec"]["ports"]] == [url.port]
    redis = _one("Deployment", url.hostname)
    assert redis["spec"]["template"]["metadata"]["labels"] == service["spec"]["selector"]
    redis_container = _container(redis)
    assert "--requirepass" in redis_container["args"]
    password = {e["name"]: e for e in redis_container["env"]}["REDIS_PASSWORD"]
    assert password["valueFrom"]["secretKeyRef"]["name"] == ref["name"]
    assert secret[password["valueFrom"]["secretKeyRef"]["key"]] == url.password  # the same one
    policy = _one("NetworkPolicy", url.hostname)  # only the app's pods reach it
    app_labels = _one("Deployment", "smallwins")["spec"]["template"]["metadata"]["labels"]
    assert policy["spec"]["ingress"][0]["from"][0]["podSelector"]["matchLabels"] == app_labels


def test_each_pod_keeps_its_own_cache_folder():
    _, cache = _dockerfile()
    deployment = _one("Deployment", "smallwins")
    mounts = {m["mountPath"]: m["name"] for m in _container(deployment)["volumeMounts"]}
    volumes = {v["name"]: v for v in deployment["spec"]["template"]["spec"]["volumes"]}
    assert "emptyDir" in volumes[mounts[cache]]  # not a shared volume: Redis is what is shared
    assert deployment["spec"]["replicas"] >= 2


def test_the_ingress_pins_a_browser_to_one_pod_and_keeps_its_websocket_open():
    port, _ = _dockerfile()
    app = _container(_one("Deployment", "smallwins"))
    service = _one("Service", "smallwins")
    labels = _one("Deployment", "smallwins")["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"] == labels
    (service_port,) = service["spec"]["ports"]
    assert _port(app, service_port["targetPort"]) == port
    assert service["spec"]["sessionAffinity"] == "ClientIP"
    ingress = _one("Ingress", "smallwins")
    assert ingress["spec"]["ingressClassName"] == "nginx"
    notes = ingress["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    for timeout in ("proxy-read-timeout", "proxy-send-timeout"):
        assert int(notes[f"nginx.ingress.kubernetes.io/{timeout}"]) >= 3600
    (path,) = ingress["spec"]["rules"][0]["http"]["paths"]
    backend = path["backend"]["service"]
    assert backend["name"] == "smallwins"
    assert backend["port"].get("name", backend["port"].get("number")) in (
        service_port.get("name"),
        service_port["port"],
    )


def test_compose_gives_each_replica_its_own_cache_and_one_private_redis():
    _, cache = _dockerfile()
    compose = yaml.safe_load((DEPLOY / "docker-compose.redis.yml").read_text(encoding="utf-8"))
    services = compose["services"]
    replicas = {n: s for n, s in services.items() if s.get("build", {}).get("dockerfile")}
    assert len(replicas) >= 2
    caches = {
        volume.split(":")[0]
        for service in replicas.values()
        for volume in service["volumes"]
        if volume.split(":")[1] == cache
    }
    assert len(caches) == len(replicas) and caches <= set(compose["volumes"])  # one each
    urls = {service["environment"]["SMALLWINS_REDIS_URL"] for service in replicas.values()}
    (url,) = urls
    assert urlsplit(url).hostname in services and "ports" not in services["redis"]
    assert "--requirepass" in services["redis"]["command"]
