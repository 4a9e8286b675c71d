"""Many viewers on one server, or on several behind nginx: Sheets requests per TTL, server
memory, page views per second, page time at the 95th percentile.

    python benchmarks/load.py [--sessions 20] [--duration 75] [--ttl 30] [--client browser]
    python benchmarks/load.py --replicas 2      # two servers behind a real nginx on loopback

Serves the demo workbook (or, with ``--scale``, the generated workbook of ``generate.py`` at that
fraction of its full size) from the Sheets API test double (``tests/sheets_double``), points
``--replicas`` ``streamlit run app.py`` servers at it as a Google Sheet
(``SMALLWINS_SHEETS_ENDPOINT``, a service-account key or ``--auth api-key``,
``cache_ttl_seconds = --ttl``, one shared ``SMALLWINS_CACHE_DIR``), behind nginx configured
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
import math
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
from load_sessions import PAGES, SETTLE_S, sessions, viewer  # noqa: E402

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


def server_env(double: SheetsDouble, folder: Path, ttl: int, auth: str) -> dict[str, str]:
    """The environment of a server reading ``KEY`` from the double as a Google Sheet (the same
    for every replica: one configuration, one key, one shared cache folder)."""
    source = f'[[sources]]\nname = "load"\nlocation = "{KEY}"\nkind = "gsheets"\n'
    if auth == "api-key":
        source += f'api_key = "{double.api_key}"\n'
    config = folder / "smallwins.toml"
    config.write_text(f"[app]\ncache_ttl_seconds = {ttl}\n\n{source}", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SMALLWINS_", "GOOGLE_"))}
    env.update(
        SMALLWINS_CONFIG=str(config),
        SMALLWINS_SHEETS_ENDPOINT=double.url,
        SMALLWINS_CACHE_DIR=str(folder / "cache"),
    )
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
    """``args.replicas`` servers on one cache folder, behind nginx when ``args.proxy``."""
    env = server_env(double, folder, args.ttl, args.auth)
    servers: list[Server] = []
    try:
        for number in range(args.replicas):
            servers.append(Server(env, folder / f"server-{number}.log"))
        if not args.proxy:
            yield servers, None
            return
        with Nginx([s.port for s in servers], folder / "nginx", tag_upstream=True) as proxy:
            yield servers, proxy
    finally:
        for server in servers:
            server.stop()


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
        done.append({"replica": replica, "ms": round((time.perf_counter() - began) * 1000),
                     "error": error})  # fmt: skip
    return done


async def drive(
    servers: list[Server], proxy: Nginx | None, double: SheetsDouble, args: argparse.Namespace,
    url: str, wins: list[list[Any]],
) -> dict:  # fmt: skip
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
        "warm_s": warm_s, "warm_error": warm_error, "warm_requests": warm_requests,
        "warm_others": others, "rss_1": rss_1, "rss_n": rss_n,
        "rss_peak": [max(p, n) for p, n in zip(sampler.peak_mb, rss_n, strict=True)],
        "rss_closed": rss_closed, "elapsed": ended - started, "loads": loads,
        "reads_at": sampler.reads_at, "cpu": cpu_use, "edits": edits,
    }  # fmt: skip


# --------------------------------------------------------------------------- the report


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (``q`` in 0–100)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def _ms(seconds: float | None) -> int | None:
    return None if seconds is None else round(seconds * 1000)


def _shown(ms: int | None) -> str:
    return "—" if ms is None else f"{ms} ms"


def replica_of(upstream: str | None, ports: list[int]) -> int | None:
    """Which replica an ``X-Upstream`` names; without a proxy there is one, replica 0."""
    if len(ports) == 1 and upstream is None:
        return 0
    port = int(upstream.rsplit(":", 1)[-1]) if upstream else None
    return ports.index(port) if port in ports else None


def spread(loads: list[dict], ports: list[int]) -> tuple[list[int], list[int], int]:
    """Sessions and loads per replica, and the sessions that reached more than one replica."""
    sessions, per_load = [0] * len(ports), [0] * len(ports)
    seen: dict[int, set[int]] = {}
    for load in loads:
        replica = replica_of(load["upstream"], ports)
        if replica is not None:
            per_load[replica] += 1
            seen.setdefault(load["session"], set()).add(replica)
    for replicas in seen.values():
        if len(replicas) == 1:
            sessions[next(iter(replicas))] += 1
    return sessions, per_load, sum(len(r) > 1 for r in seen.values())


def figures(
    measured: dict, requests: dict[str, int], args: argparse.Namespace, ports: list[int]
) -> dict:
    """The JSON line's figures from what ``drive`` measured and the double counted."""
    loads, cpu = measured["loads"], measured["cpu"]
    times = [load["s"] for load in loads if load["error"] is None]
    errors = [f"{load['page']}: {load['error']}" for load in loads if load["error"]]
    if measured["warm_error"]:
        errors.append(f"warm-up: {measured['warm_error']}")
    errors += [f"warm-up, replica {w['replica']}: {w['error']}"
               for w in measured["warm_others"] if w["error"]]  # fmt: skip
    windows = math.floor(measured["elapsed"] / args.ttl) + 1
    by_page = {}
    for path in PAGES:
        name = path or "Overview"
        mine = [load["s"] for load in loads if load["page"] == name and load["error"] is None]
        by_page[name] = {"loads": len(mine), "p50_ms": _ms(percentile(mine, 50)),
                         "p95_ms": _ms(percentile(mine, 95))}  # fmt: skip
    sessions, per_load, unsticky = spread(loads, ports)
    by_replica = [
        {"replica": n, "sessions": sessions[n], "loads": per_load[n],
         "server_cpu_s": cpu["server_cpu_s_by_replica"][n],
         "server_core_pct": round(100 * cpu["server_cpu_s_by_replica"][n] / cpu["wall_s"]),
         "rss_mb_1": round(measured["rss_1"][n], 1), "rss_mb_n": round(measured["rss_n"][n], 1),
         "rss_mb_peak": round(measured["rss_peak"][n], 1)}
        for n in range(len(ports))
    ]  # fmt: skip
    return {
        "client": args.client, "sessions": args.sessions, "duration_s": args.duration,
        "think_s": args.think, "ttl_s": args.ttl, "auth": args.auth, "sources": 1,
        "replicas": args.replicas, "proxy": "nginx" if args.proxy else None,
        "edit_every_s": args.edit_every, "edits": measured["edits"],
        "elapsed_s": round(measured["elapsed"], 1), "ttl_windows": windows,
        "requests": requests, "reads_per_window": round(requests["batchGet"] / windows, 2),
        "goal_met": requests["metadata"] <= windows and requests["batchGet"] <= windows,
        "reads_at_s": measured["reads_at"], "warm_requests": measured["warm_requests"],
        "rss_mb_1": round(sum(measured["rss_1"]), 1), "rss_mb_n": round(sum(measured["rss_n"]), 1),
        "rss_mb_peak": round(sum(measured["rss_peak"]), 1),
        "rss_mb_after_close": round(sum(measured["rss_closed"]), 1),
        "first_load_ms": _ms(measured["warm_s"]), "warm_other_replicas": measured["warm_others"],
        "loads": len(loads), "page_views_per_s": round(len(times) / cpu["wall_s"], 2),
        "page_ms": {"p50": _ms(percentile(times, 50)), "p95": _ms(percentile(times, 95)),
                    "max": _ms(max(times, default=None))},
        "errors": len(errors), "error_samples": sorted(set(errors))[:5],
        "by_replica": by_replica, "unsticky_sessions": unsticky, "by_page": by_page, "cpu": cpu,
    }  # fmt: skip


def show(result: dict) -> None:
    requests, windows, n = result["requests"], result["ttl_windows"], result["sessions"]
    print(f"\nSheets API requests over {result['elapsed_s']:.0f} s = {windows} TTL window(s) of "
          f"{result['ttl_s']} s, {result['replicas']} replica(s) in total, {result['edits']} "
          "edit(s) of the sheet (goal: 1 batchGet per source per window)")  # fmt: skip
    for kind in ("metadata", "batchGet", "drive_list", "token"):
        count = requests[kind]
        verdict = " ok" if count <= windows else " MISS"
        print(f"  {kind:<10} {count:4}   {count / windows:5.2f} per window"
              f"{verdict if kind in ('metadata', 'batchGet') else ''}")  # fmt: skip
    shown = ("metadata", "batchGet", "drive_list", "token")
    others = sum(requests[k] for k in KINDS if k not in shown)
    print(f"  other      {others:4}   batchGet answered at {result['reads_at_s']} s")
    print("\nserver RSS (all replicas)")
    print(f"  {'1 session open':<24}{result['rss_mb_1']:7.0f} MB")
    print(f"  {f'{n} session(s) open':<24}{result['rss_mb_n']:7.0f} MB   "
          f"peak {result['rss_mb_peak']:.0f} MB")  # fmt: skip
    print(f"  {'5 s after they closed':<24}{result['rss_mb_after_close']:7.0f} MB")
    ms = result["page_ms"]
    p50, p95, top = (_shown(ms[key]) for key in ("p50", "p95", "max"))
    print(f"\npage time, {n} {result['client']} session(s): {result['loads']} loads "
          f"({result['page_views_per_s']} page views a second), {result['errors']} error(s); "
          f"p50 {p50}, p95 {p95}, max {top} "
          f"(first load, 1 session: {_shown(result['first_load_ms'])})")  # fmt: skip
    for name, page in result["by_page"].items():
        p50, p95 = (_shown(page[key]) for key in ("p50_ms", "p95_ms"))
        print(f"  {name:<14} {page['loads']:4} loads   p50 {p50:>8}   p95 {p95:>8}")
    for sample in result["error_samples"]:
        print(f"  error: {sample}")
    print(f"\nreplicas ({result['proxy'] or 'no proxy'}): {result['unsticky_sessions']} "
          "session(s) reached more than one")  # fmt: skip
    for replica in result["by_replica"]:
        print(f"  replica {replica['replica']}: {replica['sessions']:3} sessions "
              f"{replica['loads']:5} loads   CPU {replica['server_cpu_s']:6.1f} s "
              f"({replica['server_core_pct']} % of one core)   RSS {replica['rss_mb_1']:.0f} → "
              f"{replica['rss_mb_n']:.0f} MB (peak {replica['rss_mb_peak']:.0f})")  # fmt: skip
    cpu = result["cpu"]
    print(f"\nCPU over the {cpu['wall_s']:.0f} s of load: servers {cpu['server_cpu_s']} s "
          f"({cpu['server_core_pct']} % of one core), nginx {cpu['proxy_cpu_s']} s, load "
          f"generator {cpu['client_cpu_s']} s, other processes {cpu['other_cpu_s']} s; machine "
          f"{cpu['machine_busy_pct']} % busy ({os.cpu_count()} cores)\n")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20, help="concurrent sessions")
    parser.add_argument("--duration", type=float, default=75, help="seconds of concurrent load")
    parser.add_argument("--ttl", type=int, default=30, help="cache_ttl_seconds of the servers")
    parser.add_argument("--think", type=float, default=0,
                        help="mean seconds between loads of a session (0: none)")  # fmt: skip
    parser.add_argument("--client", choices=("browser", "websocket"), default="websocket")
    parser.add_argument("--replicas", type=int, default=1,
                        help="app servers on one cache folder, behind nginx when > 1")  # fmt: skip
    parser.add_argument("--proxy", action="store_true",
                        help="nginx (deploy/nginx.conf) in front of one replica too")  # fmt: skip
    parser.add_argument("--edit-every", type=float, default=None,
                        help="seconds between edits of the sheet during the load "
                             "(default: a third of the TTL; 0: never)")  # fmt: skip
    parser.add_argument("--scale", type=float, default=None,
                        help="serve generate.py's workbook at this fraction of its full size "
                             "instead of the demo workbook")  # fmt: skip
    parser.add_argument("--auth", choices=("service-account", "api-key"),
                        default="service-account")  # fmt: skip
    args = parser.parse_args(argv)
    args.proxy = args.proxy or args.replicas > 1
    args.edit_every = args.ttl / 3 if args.edit_every is None else args.edit_every
    sheets, as_of, label = workbook(args.scale)
    rows = {tab: max(0, len(values) - 1) for tab, values in sheets.items()}
    load_before = os.getloadavg()[0]
    print(f"{label}: " + ", ".join(f"{n:,} {tab.lower()}" for tab, n in rows.items())
          + f"; {args.sessions} {args.client} session(s) for {args.duration:g} s, {args.think:g} s "
          f"apart, TTL {args.ttl} s, {args.replicas} replica(s)"
          f"{' behind nginx' if args.proxy else ''}, an edit every {args.edit_every:g} s;"
          f" load average {load_before:.1f} before the start")  # fmt: skip
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
    result.update(workbook=label, rows=rows, load_average_before=round(load_before, 2),
                  commit=run._commit(), cpus=os.cpu_count(),
                  python=platform.python_version())  # fmt: skip
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
