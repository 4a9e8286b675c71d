"""Many viewers on one server: Sheets requests per TTL, server memory, page time at the 95th pct.

    python benchmarks/load.py [--sessions 20] [--duration 75] [--ttl 30] [--client browser]

Serves the demo workbook (or, with ``--scale``, the generated workbook of ``generate.py`` at that
fraction of its full size) from the Sheets API test double (``tests/sheets_double.py``), points
one ``streamlit run app.py`` server at it as a Google Sheet (``SMALLWINS_SHEETS_ENDPOINT``, a
service-account key or ``--auth api-key``, ``cache_ttl_seconds = --ttl``), and sends it viewers:

1. warm-up: one session opens the Overview — the first read of the sheet; the server's RSS with
   that one session open;
2. ``--sessions`` sessions at once, each opening the pages by URL in turn (each starting at a
   different page, about ``--think`` seconds apart) for ``--duration`` seconds and timing every
   load until the script run is over; a page that shows an exception or is not over within 60 s
   is an error. The server's RSS is sampled every 0.5 s and read again with every session open.

A session is a bare Streamlit websocket client (a load is a new connection, as a browser's is,
whose ``rerun_script`` lasts until ``script_finished``: the server's share of a page view), or
with ``--client browser`` a Playwright browser context in one headless Chromium (Debian's
``/usr/bin/chromium``; a load lasts until ``stApp`` says ``notRunning``, a title is drawn and no
status widget shows — on a 2-core machine the Chromiums then take most of the CPU). It prints the
Sheets requests by kind against the goal — one read (one metadata and one ``values:batchGet``
request) per source per TTL window — the memory, the page times and where the CPU went, then one
JSON line. See README.md beside this file.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import platform
import random
import sys
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, Page, async_playwright
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import run  # noqa: E402 (benchmarks/ is a folder of scripts, not a package)

from dashboard.config import DEMO_AS_OF, demo_path  # noqa: E402
from dashboard.sources.local import read_xlsx  # noqa: E402
from tests.sheets_double import KINDS, SheetsDouble  # noqa: E402
from tests.streamlit_server import StreamlitServer  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
PAGES = ["", "Momentum", "Participation", "Network", "Regions", "Data_health"]
KEY = "1LoadBenchSmallWins00000000000000000000000"
SETTLE_S = 60
SETTLED = "[data-testid=stApp][data-test-script-state=notRunning]"
TICK = os.sysconf("SC_CLK_TCK")


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
    """The environment of a server reading ``KEY`` from the double as a Google Sheet."""
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


# --------------------------------------------------------------------------- memory and CPU (Linux)


def rss_mb(pid: int) -> float:
    """Resident memory of process ``pid`` now (``VmRSS`` of ``/proc/PID/status``)."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def cpu_s(pids: set[int]) -> float:
    """CPU seconds (user + system) the live processes ``pids`` have used."""
    ticks = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rpartition(")")[2].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / TICK


def tree(root: int) -> set[int]:
    """``root`` and every live process under it."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError):
                with open(f"/proc/{entry}/stat") as stat:
                    parent = int(stat.read().rpartition(")")[2].split()[1])
                children.setdefault(parent, []).append(int(entry))
    found, todo = set(), [root]
    while todo:
        pid = todo.pop()
        found.add(pid)
        todo += children.get(pid, [])
    return found


def machine_busy_s() -> float:
    """CPU seconds all cores have spent busy (not idle, not waiting on I/O) since boot."""
    with open("/proc/stat") as stat:
        ticks = [int(value) for value in stat.readline().split()[1:8]]
    return (sum(ticks) - ticks[3] - ticks[4]) / TICK


class CpuMeter:
    """CPU used between ``__init__`` and ``stop``: by the server, by this benchmark's own
    processes (the load generator: Python, Playwright's driver, Chromium), by the whole machine."""

    def __init__(self, server_pid: int) -> None:
        self.server_pid = server_pid
        self.began, self.start = time.monotonic(), self._now()

    def _now(self) -> tuple[float, float, float]:
        ours = tree(os.getpid()) - tree(self.server_pid)
        return cpu_s({self.server_pid}), cpu_s(ours), machine_busy_s()

    def stop(self) -> dict[str, float]:
        wall = time.monotonic() - self.began
        server, client, machine = (b - a for a, b in zip(self.start, self._now(), strict=True))
        cores = os.cpu_count() or 1
        return {
            "wall_s": round(wall, 1),
            "server_cpu_s": round(server, 1),
            "server_core_pct": round(100 * server / wall),
            "client_cpu_s": round(client, 1),
            "other_cpu_s": round(max(0.0, machine - server - client), 1),
            "machine_busy_pct": round(100 * machine / (wall * cores)),
        }


class Sampler(threading.Thread):
    """Every 0.5 s: the server's RSS (its peak since ``mark``) and when a ``values:batchGet``
    reached the double (seconds since ``started``)."""

    def __init__(self, pid: int, double: SheetsDouble, started: float) -> None:
        super().__init__(daemon=True)
        self.pid, self.double, self.started = pid, double, started
        self.peak_mb = 0.0
        self.reads_at: list[float] = []
        self._done = threading.Event()

    def run(self) -> None:
        seen = 0
        while not self._done.wait(0.5):
            with contextlib.suppress(OSError):  # the server has gone: the run will say why
                self.peak_mb = max(self.peak_mb, rss_mb(self.pid))
            count = self.double.count("batchGet")
            self.reads_at += [round(time.monotonic() - self.started, 1)] * (count - seen)
            seen = count

    def mark(self) -> None:
        self.peak_mb = rss_mb(self.pid)

    def stop(self) -> None:
        self._done.set()
        self.join()


# --------------------------------------------------------------------------- the sessions


class BrowserSession:
    """A viewer in a browser context of its own; a load is ``goto`` until the run is over."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.page: Page | None = None

    async def open(self, url: str) -> tuple[float, str | None]:
        if self.page is None:
            context = await self.browser.new_context(viewport={"width": 1280, "height": 900})
            self.page = await context.new_page()
        page, wait = self.page, SETTLE_S * 1000
        began = time.perf_counter()
        try:
            await page.goto(url, timeout=wait)
            await page.wait_for_selector(SETTLED, timeout=wait)
            await page.wait_for_selector("[data-testid=stMainBlockContainer] h1", timeout=wait)
            await page.wait_for_selector(
                "[data-testid=stStatusWidget]", state="detached", timeout=wait
            )
        except Exception as error:  # noqa: BLE001 - a timeout or a crash is a failed load
            return time.perf_counter() - began, f"{type(error).__name__}: {str(error)[:120]}"
        took = time.perf_counter() - began
        if await page.locator("[data-testid=stException]").count():
            text = await page.locator("[data-testid=stException]").first.inner_text()
            return took, "exception: " + " ".join(text.split())[:160]
        return took, None

    async def close(self) -> None:
        if self.page is not None:
            await self.page.context.close()


class SocketSession:
    """A viewer as a bare Streamlit websocket client: each load is a new connection (as a
    browser's is) asking for one run of the page, and lasts until ``script_finished``; the
    last connection stays open until ``close``."""

    def __init__(self) -> None:
        self.socket: Any = None

    async def open(self, url: str) -> tuple[float, str | None]:
        await self.close()
        base, _, query = url.partition("?")
        host, _, path = base.removeprefix("http://").partition("/")
        began = time.perf_counter()
        try:
            self.socket = await connect(
                f"ws://{host}/_stcore/stream", subprotocols=["streamlit"], max_size=None
            )
            message = BackMsg()
            message.rerun_script.query_string = query
            message.rerun_script.page_name = path
            await self.socket.send(message.SerializeToString())
            error = await asyncio.wait_for(self._until_finished(), SETTLE_S)
        except Exception as failure:  # noqa: BLE001 - a timeout or a refusal is a failed load
            error = f"{type(failure).__name__}: {str(failure)[:120]}"
        return time.perf_counter() - began, error

    async def _until_finished(self) -> str | None:
        error = None
        while True:
            message = ForwardMsg()
            message.ParseFromString(await self.socket.recv())
            kind = message.WhichOneof("type")
            if kind == "page_not_found":
                error = "page not found"
            elif kind == "delta" and message.delta.new_element.WhichOneof("type") == "exception":
                error = error or "exception: " + message.delta.new_element.exception.message[:160]
            elif kind == "script_finished":
                status = ForwardMsg.ScriptFinishedStatus.Name(message.script_finished)
                return error if status == "FINISHED_SUCCESSFULLY" else error or status

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()
            self.socket = None


@contextlib.asynccontextmanager
async def sessions(client: str) -> AsyncIterator[Callable[[], Any]]:
    """A maker of new sessions of the ``client`` kind."""
    if client == "websocket":
        yield SocketSession
        return
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield lambda: BrowserSession(browser)
        finally:
            await browser.close()


async def viewer(
    session: Any, url: str, first: int, deadline: float, think: float, loads: list[dict]
) -> None:
    """Open the pages in turn, from page ``first``, until ``deadline``: with ``think``, after a
    random wait of up to ``think`` seconds, then 0.5–1.5 × ``think`` seconds apart, so sessions
    do not click in step."""
    base, _, query = url.partition("?")
    base = base.rstrip("/")
    pause = random.Random(first)
    number = first
    await asyncio.sleep(think * pause.random())
    while time.monotonic() < deadline:
        path = PAGES[number % len(PAGES)]
        took, error = await session.open(f"{base}/{path}?{query}")
        loads.append({"page": path or "Overview", "s": took, "error": error})
        number += 1
        wait = think * pause.uniform(0.5, 1.5)
        await asyncio.sleep(min(wait, max(0.0, deadline - time.monotonic())))


async def drive(server: Server, double: SheetsDouble, args: argparse.Namespace, url: str) -> dict:
    """Warm-up with one session, then ``args.sessions`` at once; what was measured."""
    started = time.monotonic()
    sampler = Sampler(server.pid, double, started)
    sampler.start()
    async with sessions(args.client) as new_session:
        warm = new_session()
        warm_s, warm_error = await warm.open(url)
        await asyncio.sleep(2)
        rss_1 = rss_mb(server.pid)
        warm_requests = {kind: double.count(kind) for kind in KINDS}
        await warm.close()
        sampler.mark()
        cpu = CpuMeter(server.pid)
        loads: list[dict] = []
        deadline = time.monotonic() + args.duration
        viewers = [new_session() for _ in range(args.sessions)]
        await asyncio.gather(
            *(viewer(s, url, n, deadline, args.think, loads) for n, s in enumerate(viewers))
        )
        ended = time.monotonic()
        cpu_use = cpu.stop()
        await asyncio.sleep(2)
        rss_n = rss_mb(server.pid)
        for session in viewers:
            await session.close()
    await asyncio.sleep(5)
    rss_closed = rss_mb(server.pid)
    sampler.stop()
    return {
        "warm_s": warm_s, "warm_error": warm_error, "warm_requests": warm_requests,
        "rss_1": rss_1, "rss_n": rss_n, "rss_peak": max(sampler.peak_mb, rss_n),
        "rss_closed": rss_closed, "elapsed": ended - started, "loads": loads,
        "reads_at": sampler.reads_at, "cpu": cpu_use,
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


def figures(measured: dict, requests: dict[str, int], args: argparse.Namespace) -> dict:
    """The JSON line's figures from what ``drive`` measured and the double counted."""
    loads = measured["loads"]
    times = [load["s"] for load in loads if load["error"] is None]
    errors = [f"{load['page']}: {load['error']}" for load in loads if load["error"]]
    if measured["warm_error"]:
        errors.append(f"warm-up: {measured['warm_error']}")
    windows = math.floor(measured["elapsed"] / args.ttl) + 1
    by_page = {}
    for path in PAGES:
        name = path or "Overview"
        mine = [load["s"] for load in loads if load["page"] == name and load["error"] is None]
        by_page[name] = {"loads": len(mine), "p50_ms": _ms(percentile(mine, 50)),
                         "p95_ms": _ms(percentile(mine, 95))}  # fmt: skip
    return {
        "client": args.client, "sessions": args.sessions, "duration_s": args.duration,
        "think_s": args.think, "ttl_s": args.ttl, "auth": args.auth, "sources": 1,
        "elapsed_s": round(measured["elapsed"], 1), "ttl_windows": windows,
        "requests": requests, "reads_per_window": round(requests["batchGet"] / windows, 2),
        "goal_met": requests["metadata"] <= windows and requests["batchGet"] <= windows,
        "reads_at_s": measured["reads_at"], "warm_requests": measured["warm_requests"],
        "rss_mb_1": round(measured["rss_1"], 1), "rss_mb_n": round(measured["rss_n"], 1),
        "rss_mb_peak": round(measured["rss_peak"], 1),
        "rss_mb_after_close": round(measured["rss_closed"], 1),
        "first_load_ms": _ms(measured["warm_s"]), "loads": len(loads),
        "page_ms": {"p50": _ms(percentile(times, 50)), "p95": _ms(percentile(times, 95)),
                    "max": _ms(max(times, default=None))},
        "errors": len(errors),
        "error_samples": sorted(set(errors))[:5], "by_page": by_page, "cpu": measured["cpu"],
    }  # fmt: skip


def show(result: dict) -> None:
    requests, windows, n = result["requests"], result["ttl_windows"], result["sessions"]
    print(f"\nSheets API requests over {result['elapsed_s']:.0f} s = {windows} TTL window(s) of "
          f"{result['ttl_s']} s (goal: 1 metadata + 1 batchGet per source per window)")  # fmt: skip
    for kind in ("metadata", "batchGet", "token"):
        count = requests[kind]
        verdict = "" if kind == "token" else (" ok" if count <= windows else " MISS")
        print(f"  {kind:<9} {count:4}   {count / windows:5.2f} per window{verdict}")
    others = sum(requests[k] for k in KINDS if k not in ("metadata", "batchGet", "token"))
    print(f"  other     {others:4}   batchGet answered at {result['reads_at_s']} s")
    print("\nserver RSS")
    print(f"  {'1 session open':<24}{result['rss_mb_1']:7.0f} MB")
    print(f"  {f'{n} session(s) open':<24}{result['rss_mb_n']:7.0f} MB   "
          f"peak {result['rss_mb_peak']:.0f} MB")  # fmt: skip
    print(f"  {'5 s after they closed':<24}{result['rss_mb_after_close']:7.0f} MB")
    ms = result["page_ms"]
    p50, p95, top = (_shown(ms[key]) for key in ("p50", "p95", "max"))
    print(f"\npage time, {n} {result['client']} session(s): {result['loads']} loads, "
          f"{result['errors']} error(s); p50 {p50}, p95 {p95}, max {top} "
          f"(first load, 1 session: {_shown(result['first_load_ms'])})")  # fmt: skip
    for name, page in result["by_page"].items():
        p50, p95 = (_shown(page[key]) for key in ("p50_ms", "p95_ms"))
        print(f"  {name:<14} {page['loads']:4} loads   p50 {p50:>8}   p95 {p95:>8}")
    for sample in result["error_samples"]:
        print(f"  error: {sample}")
    cpu = result["cpu"]
    print(f"\nCPU over the {cpu['wall_s']:.0f} s of load: server {cpu['server_cpu_s']} s "
          f"({cpu['server_core_pct']} % of one core), load generator {cpu['client_cpu_s']} s, "
          f"other processes {cpu['other_cpu_s']} s; machine {cpu['machine_busy_pct']} % busy "
          f"({os.cpu_count()} cores)\n")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20, help="concurrent sessions")
    parser.add_argument("--duration", type=float, default=75, help="seconds of concurrent load")
    parser.add_argument("--ttl", type=int, default=30, help="cache_ttl_seconds of the server")
    parser.add_argument("--think", type=float, default=0,
                        help="mean seconds between loads of a session (0: none)")  # fmt: skip
    parser.add_argument("--client", choices=("browser", "websocket"), default="websocket")
    parser.add_argument("--scale", type=float, default=None,
                        help="serve generate.py's workbook at this fraction of its full size "
                             "instead of the demo workbook")  # fmt: skip
    parser.add_argument("--auth", choices=("service-account", "api-key"),
                        default="service-account")  # fmt: skip
    args = parser.parse_args(argv)
    sheets, as_of, label = workbook(args.scale)
    rows = {tab: max(0, len(values) - 1) for tab, values in sheets.items()}
    load_before = os.getloadavg()[0]
    print(f"{label}: " + ", ".join(f"{n:,} {tab.lower()}" for tab, n in rows.items())
          + f"; {args.sessions} {args.client} session(s) for {args.duration:g} s, {args.think:g} s "
          f"apart, TTL {args.ttl} s;"
          f" load average {load_before:.1f} before the start")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="smallwins-load-") as tmp, SheetsDouble() as double:
        double.add_spreadsheet(KEY, sheets, title="Load benchmark", public=True)
        server = Server(server_env(double, Path(tmp), args.ttl, args.auth), Path(tmp) / "log")
        try:
            measured = asyncio.run(drive(server, double, args, f"{server.url}/?to={as_of}"))
        finally:
            server.stop()
        requests = {kind: double.count(kind) for kind in KINDS}
        if double.errors:
            print("the test double failed:\n" + double.errors[0])
    result = figures(measured, requests, args)
    show(result)
    result.update(workbook=label, rows=rows, load_average_before=round(load_before, 2),
                  commit=run._commit(), cpus=os.cpu_count(),
                  python=platform.python_version())  # fmt: skip
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
