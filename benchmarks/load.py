"""Many viewers on one server, or on several behind nginx: Sheets requests per TTL, server
memory, page views per second, page time at the 95th percentile.

    python benchmarks/load.py [--sessions 20] [--duration 75] [--ttl 30] [--client browser]
    python benchmarks/load.py --replicas 2      # two servers behind a real nginx on loopback
    python benchmarks/load.py --replicas 2 --redis   # each its own cache folder, one Redis

Serves the demo workbook (or, with ``--scale``, the generated workbook of ``generate.py`` at that
fraction of its full size) from the Sheets API test double (``tests/sheets_double``), points
``--replicas`` ``streamlit run app.py`` servers at it as a Google Sheet
(``SMALLWINS_SHEETS_ENDPOINT``, a service-account key or ``--auth api-key``,
``cache_ttl_seconds = --ttl``, one shared ``SMALLWINS_CACHE_DIR`` — or, with ``--redis``, a
cache folder each, as on separate hosts, sharing a real ``redis-server`` on loopback through
``SMALLWINS_REDIS_URL``), behind nginx configured
from ``deploy/nginx.conf`` when there are several (or with ``--proxy``), and sends them viewers:

1. warm-up: one session opens the Overview — the first read of the sheet — and, behind nginx,
   one more on each other replica (a cookie nginx hashes to it); the servers' RSS;
2. ``--sessions`` sessions at once, each opening the pages by URL in turn (each starting at a
   different page, about ``--think`` seconds apart) for ``--duration`` seconds and timing every
   load until the script run is over; a page that shows an exception or is not over within 60 s
   is an error. Meanwhile someone types in the sheet (a win appended every ``--edit-every``
   seconds), so every TTL window has something new to read. RSS is sampled every 0.5 s.

A session is a bare Streamlit websocket client (a load is a new connection, as a browser's is,
whose ``rerun_script`` lasts until ``script_finished``: the server's share of a page view; behind
nginx, first a GET of the page with the visitor's cookies, as a browser's, so it sticks to the
replica of its ``smallwins_replica`` cookie), or with ``--client browser`` a Playwright browser
context in one headless Chromium (Debian's ``/usr/bin/chromium``). It prints the Sheets
requests by kind against the goal — one read (one ``values:batchGet``) per source per TTL
window, in total over the replicas — the memory, the page times, how the sessions spread over
the replicas and where the CPU went, then one JSON line. See README.md beside this file.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import run  # noqa: E402 (benchmarks/ is a folder of scripts, not a package)
from load_meters import CpuMeter, Sampler, rss_mb  # noqa: E402
from load_report import figures, show  # noqa: E402
from load_sessions import SETTLE_S, sessions, viewer  # noqa: E402

from dashboard.config import DEMO_AS_OF, demo_path  # noqa: E402
from dashboard.sources.local import read_xlsx  # noqa: E402
from tests.nginx_proxy import COOKIE, Nginx  # noqa: E402
from tests.sheets_double import KINDS, SheetsDouble  # noqa: E402
from tests.streamlit_client import run_page, stream, upstream_for_cookie  # noqa: E402
from tests.streamlit_server import StreamlitServer  # noqa: E402

KEY = "1LoadBenchSmallWins00000000000000000000000"


# --------------------------------------------------------------------------- the set-up


def workbook(scale: float | None) -> tuple[dict[str, list[list[Any]]], str, str]:
    """The tabs the double serves, the ``to`` date the pages are opened with, and a label."""
    if scale is None:
        return read_xlsx(demo_path()), DEMO_AS_OF.isoformat(), "demo workbook"
    import generate

    folder, meta, _ = run.ensure_workbook(seed=1, scale=scale)
    sheets = {title: generate.sheet_rows(folder, title) for title in generate.TABS}
    return sheets, meta["as_of"], f"generated workbook, scale {scale:g}"


def server_env(
    double: SheetsDouble, folder: Path, ttl: int, auth: str, cache: str = "cache", redis: str = ""
) -> dict[str, str]:
    """The environment of a server reading ``KEY`` from the double as a Google Sheet (one
    configuration, one key, for every replica; the cache folder ``cache`` in ``folder``, and
    the Redis at ``redis`` when one is given)."""
    source = f'[[sources]]\nname = "load"\nlocation = "{KEY}"\nkind = "gsheets"\n'
    if auth == "api-key":
        source += f'api_key = "{double.api_key}"\n'
    config = folder / "smallwins.toml"
    config.write_text(f"[app]\ncache_ttl_seconds = {ttl}\n\n{source}", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SMALLWINS_", "GOOGLE_"))}
    env.update(
        SMALLWINS_CONFIG=str(config),
        SMALLWINS_SHEETS_ENDPOINT=double.url,
        SMALLWINS_CACHE_DIR=str(folder / cache),
    )
    if redis:
        env["SMALLWINS_REDIS_URL"] = redis
    if auth == "service-account":
        key_file = folder / "service_account.json"
        key_file.write_text(json.dumps(double.service_account_info()), encoding="utf-8")
        env["GOOGLE_APPLICATION_CREDENTIALS"] = str(key_file)
    return env


class Server(StreamlitServer):
    """``streamlit run app.py`` on a free loopback port; its output goes to ``log``."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        with log.open("wb") as out:
            try:
                super().__init__(env, out)
            except RuntimeError:
                raise RuntimeError(
                    f"streamlit did not start; its output: {log.read_text()[-2000:]}"
                ) from None


@contextlib.contextmanager
def deployment(
    double: SheetsDouble, folder: Path, args: argparse.Namespace
) -> Iterator[tuple[list[Server], Nginx | None]]:
    """``args.replicas`` servers on one cache folder (``args.redis``: one each, and a Redis),
    behind nginx when ``args.proxy``."""
    servers: list[Server] = []
    redis = None
    try:
        if args.redis:
            from tests.redis.server import RedisServer

            redis = RedisServer(folder / "redis").start()
        for number in range(args.replicas):
            cache = f"cache-{number}" if redis else "cache"
            env = server_env(double, folder, args.ttl, args.auth, cache, redis.url if redis else "")
            servers.append(Server(env, folder / f"server-{number}.log"))
        if not args.proxy:
            yield servers, None
            return
        with Nginx([s.port for s in servers], folder / "nginx", tag_upstream=True) as proxy:
            yield servers, proxy
    finally:
        for server in servers:
            server.stop()
        if redis is not None:
            redis.stop()


class Editor(threading.Thread):
    """Someone typing in the sheet: every ``every`` seconds a win is appended to the Wins tab
    (as in the Sheets UI: no API request, Drive's modifiedTime moves)."""

    def __init__(self, double: SheetsDouble, wins: list[list[Any]], every: float) -> None:
        super().__init__(daemon=True)
        self.double, self.rows, self.every = double, [list(row) for row in wins], every
        header = [str(cell).strip().lower() for cell in self.rows[0]]
        self.win, self.id = header.index("win"), header.index("id") if "id" in header else None
        self.edits = 0
        self._done = threading.Event()

    def run(self) -> None:
        while self.every > 0 and not self._done.wait(self.every):
            row = list(self.rows[-1])
            self.edits += 1
            row[self.win] = f"Benchmark edit {self.edits}: a new partner signed on"
            if self.id is not None:
                row[self.id] = f"bench-{self.edits}"
            self.rows.append(row)
            self.double.edit(KEY, "Wins", self.rows)

    def stop(self) -> int:
        self._done.set()
        if self.is_alive():
            self.join()
        return self.edits


# --------------------------------------------------------------------------- the load


async def warm_others(proxy: Nginx, url: str, warmed: set[int | None]) -> list[dict]:
    """One Overview view on each replica the warm-up did not reach: nginx is asked which
    replica a cookie goes to, and the view is sent with a cookie for each one left."""
    query, done = url.partition("?")[2], []
    for number in range(1000):
        if len(warmed) >= len(proxy.ports):
            break
        cookie = f"{COOKIE}=warm-{number}"
        health = f"{proxy.url}/_stcore/health"
        replica = proxy.replica_of(await asyncio.to_thread(upstream_for_cookie, health, cookie))
        if replica in warmed:
            continue
        warmed.add(replica)
        began = time.perf_counter()
        socket = await stream(proxy.url, {"Cookie": cookie})
        try:
            error = await asyncio.wait_for(run_page(socket, "", query), SETTLE_S)
        finally:
            await socket.close()
        done.append(
            {"replica": replica, "ms": round((time.perf_counter() - began) * 1000), "error": error}
        )
    return done


async def drive(
    servers: list[Server],
    proxy: Nginx | None,
    double: SheetsDouble,
    args: argparse.Namespace,
    url: str,
    wins: list[list[Any]],
) -> dict:
    """Warm-up, then ``args.sessions`` at once while the sheet is edited; what was measured."""
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(args.sessions + 4))
    pids = [server.pid for server in servers]
    started = time.monotonic()
    sampler = Sampler(pids, double, started)
    sampler.start()
    async with sessions(args.client, proxy is not None) as new_session:
        warm = new_session()
        warm_s, warm_error = await warm.open(url)
        others = []
        if proxy is not None:
            others = await warm_others(proxy, url, {proxy.replica_of(warm.upstream)})
        await asyncio.sleep(2)
        rss_1 = [rss_mb(pid) for pid in pids]
        warm_requests = {kind: double.count(kind) for kind in KINDS}
        await warm.close()
        sampler.mark()
        editor = Editor(double, wins, args.edit_every)
        editor.start()
        cpu = CpuMeter(pids, proxy.pid if proxy else None)
        loads: list[dict] = []
        deadline = time.monotonic() + args.duration
        viewers = [new_session() for _ in range(args.sessions)]
        await asyncio.gather(
            *(viewer(s, url, n, deadline, args.think, loads) for n, s in enumerate(viewers))
        )
        ended = time.monotonic()
        cpu_use = cpu.stop()
        edits = editor.stop()
        await asyncio.sleep(2)
        rss_n = [rss_mb(pid) for pid in pids]
        for session in viewers:
            await session.close()
    await asyncio.sleep(5)
    rss_closed = [rss_mb(pid) for pid in pids]
    sampler.stop()
    return {
        "warm_s": warm_s,
        "warm_error": warm_error,
        "warm_requests": warm_requests,
        "warm_others": others,
        "rss_1": rss_1,
        "rss_n": rss_n,
        "rss_peak": [max(p, n) for p, n in zip(sampler.peak_mb, rss_n, strict=True)],
        "rss_closed": rss_closed,
        "elapsed": ended - started,
        "loads": loads,
        "reads_at": sampler.reads_at,
        "cpu": cpu_use,
        "edits": edits,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20, help="concurrent sessions")
    parser.add_argument("--duration", type=float, default=75, help="seconds of concurrent load")
    parser.add_argument("--ttl", type=int, default=30, help="cache_ttl_seconds of the servers")
    parser.add_argument(
        "--think", type=float, default=0, help="mean seconds between loads of a session (0: none)"
    )
    parser.add_argument("--client", choices=("browser", "websocket"), default="websocket")
    parser.add_argument(
        "--replicas",
        type=int,
        default=1,
        help="app servers on one cache folder, behind nginx when > 1",
    )
    parser.add_argument(
        "--redis",
        action="store_true",
        help="each replica its own cache folder, all sharing a redis-server (as on several hosts)",
    )
    parser.add_argument(
        "--proxy", action="store_true", help="nginx (deploy/nginx.conf) in front of one replica too"
    )
    parser.add_argument(
        "--edit-every",
        type=float,
        default=None,
        help="seconds between edits of the sheet during the load "
        "(default: a third of the TTL; 0: never)",
    )
    parser.add_argument(
        "--scale",
        type=float,
        default=None,
        help="serve generate.py's workbook at this fraction of its full size "
        "instead of the demo workbook",
    )
    parser.add_argument("--auth", choices=("service-account", "api-key"), default="service-account")
    args = parser.parse_args(argv)
    args.proxy = args.proxy or args.replicas > 1
    args.edit_every = args.ttl / 3 if args.edit_every is None else args.edit_every
    sheets, as_of, label = workbook(args.scale)
    rows = {tab: max(0, len(values) - 1) for tab, values in sheets.items()}
    load_before = os.getloadavg()[0]
    print(
        f"{label}: "
        + ", ".join(f"{n:,} {tab.lower()}" for tab, n in rows.items())
        + f"; {args.sessions} {args.client} session(s) for {args.duration:g} s, {args.think:g} s "
        f"apart, TTL {args.ttl} s, {args.replicas} replica(s)"
        f"{' behind nginx' if args.proxy else ''}"
        f"{', separate cache folders sharing Redis' if args.redis else ''}"
        f", an edit every {args.edit_every:g} s;"
        f" load average {load_before:.1f} before the start"
    )
    with tempfile.TemporaryDirectory(prefix="smallwins-load-") as tmp, SheetsDouble() as double:
        double.add_spreadsheet(KEY, sheets, title="Load benchmark", public=True)
        with deployment(double, Path(tmp), args) as (servers, proxy):
            front = proxy.url if proxy else servers[0].url
            measured = asyncio.run(
                drive(servers, proxy, double, args, f"{front}/?to={as_of}", sheets["Wins"])
            )
            ports = proxy.ports if proxy else [servers[0].port]
        requests = {kind: double.count(kind) for kind in KINDS}
        if double.errors:
            print("the test double failed:\n" + double.errors[0])
    result = figures(measured, requests, args, ports)
    show(result)
    result.update(
        workbook=label,
        rows=rows,
        load_average_before=round(load_before, 2),
        commit=run._commit(),
        cpus=os.cpu_count(),
        python=platform.python_version(),
    )
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
