"""A real nginx on loopback in front of app replicas, configured from ``deploy/nginx.conf``.

One place for the rewrite of the shipped recipe, so the deploy test (tests/browser/test_nginx.py)
and the replica benchmark (benchmarks/load.py --replicas) run the same rules: the sticky map and
hash, the websocket headers and the cookie are taken from deploy/nginx.conf as they are; only the
``upstream`` block's ``server`` lines (one per replica's loopback port) and the ``listen`` line
(a free loopback port) are generated. ``tag_upstream`` adds one header, ``X-Upstream:
$upstream_addr``, so a client can see which replica answered — only in this generated copy,
never in the shipped recipe.

nginx runs in the foreground (``daemon off``), as a child of this process, with its own prefix,
pid, error log and temporary folders in a folder of the caller's, and is stopped by its pid.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

from tests.streamlit_server import ROOT, free_port
from tests.waiting import CEILING_SECONDS

RECIPE = ROOT / "deploy" / "nginx.conf"
UPSTREAM_HEADER = "X-Upstream"
COOKIE = "smallwins_replica"
_UPSTREAM = re.compile(r"^upstream smallwins \{\n(?P<body>[^}]*)\}", re.MULTILINE)
_SERVER = re.compile(r"^\s*server\s[^\n]*\n", re.MULTILINE)
_LISTEN = re.compile(r"^(\s*)listen 80;", re.MULTILINE)
_COOKIE_LINE = re.compile(r"^(\s*)add_header Set-Cookie [^\n]*$", re.MULTILINE)
MAIN = """\
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/site.conf;
}}
"""


def nginx_binary() -> str:
    """nginx's path; a clear error when it is not installed (CI installs it: .ci/run)."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if found is None:
        raise RuntimeError(
            "nginx is not installed: `apt-get install -y nginx` (Debian's package; .ci/run "
            "installs it) — the deploy recipe is tested with the real nginx"
        )
    return found


def site_config(
    ports: Sequence[int], listen: int, tag_upstream: bool = False, recipe: str | None = None
) -> str:
    """deploy/nginx.conf with one ``server 127.0.0.1:PORT;`` per replica and ``listen`` on
    loopback; raises when the recipe no longer has the lines this rewrites."""
    text = RECIPE.read_text(encoding="utf-8") if recipe is None else recipe
    servers = "".join(f"    server 127.0.0.1:{port};\n" for port in ports)

    def upstream(block: re.Match) -> str:
        kept = _SERVER.sub("", block["body"])  # the hash line (and comments) stay as shipped
        return "upstream smallwins {\n" + kept + servers + "}"

    text, found = _UPSTREAM.subn(upstream, text)
    if found != 1 or not ports:
        raise ValueError("deploy/nginx.conf: no `upstream smallwins { ... server ...; }` block")
    text, found = _LISTEN.subn(rf"\g<1>listen 127.0.0.1:{listen};", text)
    if found != 1:
        raise ValueError("deploy/nginx.conf: no `listen 80;` line")
    if tag_upstream:
        header = f"add_header {UPSTREAM_HEADER} $upstream_addr always;"
        text, found = _COOKIE_LINE.subn(lambda m: f"{m.group(0)}\n{m.group(1)}{header}", text)
        if found != 1:
            raise ValueError("deploy/nginx.conf: no `add_header Set-Cookie ...` line")
    return text


class Nginx:
    """nginx on ``127.0.0.1:<free port>`` in front of the replicas on ``ports``."""

    def __init__(self, ports: Sequence[int], folder: Path, tag_upstream: bool = True) -> None:
        binary = nginx_binary()
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.ports = list(ports)
        (self.folder / "site.conf").write_text(
            site_config(ports, self.port, tag_upstream), encoding="utf-8"
        )
        conf = self.folder / "nginx.conf"
        conf.write_text(MAIN.format(folder=self.folder), encoding="utf-8")
        log = self.folder / "error.log"
        command = [binary, "-c", str(conf), "-p", str(self.folder), "-e", str(log)]
        checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
        if checked.returncode != 0:
            raise RuntimeError(f"nginx -t refused the configuration:\n{checked.stderr}")
        self.process = subprocess.Popen(
            [*command, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.pid = self.process.pid
        deadline = time.monotonic() + CEILING_SECONDS
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"nginx did not start: {self.errors()}")

    def replica_of(self, upstream: str | None) -> int | None:
        """Which replica (0-based, in ``ports`` order) an ``X-Upstream`` value names."""
        if not upstream:
            return None
        port = int(upstream.rsplit(":", 1)[-1])
        return self.ports.index(port) if port in self.ports else None

    def errors(self) -> str:
        log = self.folder / "error.log"
        return log.read_text(encoding="utf-8", errors="replace")[-2000:] if log.exists() else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # SIGTERM: nginx's fast shutdown
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> Nginx:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
