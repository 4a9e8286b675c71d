"""Memory and CPU of the load test's processes, read from ``/proc`` (Linux only, as ``run.py``),
so no extra package is needed: the servers' RSS and its peak, the CPU of the servers, of the
proxy, of the load generator and of everything else on the machine."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Sequence

from tests.sheets_double import SheetsDouble

TICK = os.sysconf("SC_CLK_TCK")


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
    """CPU used between ``__init__`` and ``stop``: by each server, by the proxy (nginx, when
    there is one), by this benchmark's own processes (the load generator: Python, Playwright's
    driver, Chromium), and by the whole machine."""

    def __init__(self, server_pids: Sequence[int], proxy_pid: int | None = None) -> None:
        self.server_pids, self.proxy_pid = list(server_pids), proxy_pid
        self.began, self.start = time.monotonic(), self._now()

    def _now(self) -> tuple[list[float], float, float, float]:
        servers = [cpu_s({pid}) for pid in self.server_pids]
        proxy = tree(self.proxy_pid) if self.proxy_pid else set()
        ours = tree(os.getpid()) - proxy - set().union(*(tree(p) for p in self.server_pids))
        return servers, cpu_s(proxy), cpu_s(ours), machine_busy_s()

    def stop(self) -> dict:
        wall = time.monotonic() - self.began
        (servers0, proxy0, client0, machine0), now = self.start, self._now()
        servers = [b - a for a, b in zip(servers0, now[0], strict=True)]
        proxy, client, machine = now[1] - proxy0, now[2] - client0, now[3] - machine0
        cores = os.cpu_count() or 1
        return {
            "wall_s": round(wall, 1),
            "server_cpu_s": round(sum(servers), 1),
            "server_core_pct": round(100 * sum(servers) / wall),
            "server_cpu_s_by_replica": [round(s, 1) for s in servers],
            "proxy_cpu_s": round(proxy, 1),
            "client_cpu_s": round(client, 1),
            "other_cpu_s": round(max(0.0, machine - sum(servers) - proxy - client), 1),
            "machine_busy_pct": round(100 * machine / (wall * cores)),
        }


class Sampler(threading.Thread):
    """Every 0.5 s: each server's RSS (its peak since ``mark``) and when a ``values:batchGet``
    reached the double (seconds since ``started``)."""

    def __init__(self, pids: Sequence[int], double: SheetsDouble, started: float) -> None:
        super().__init__(daemon=True)
        self.pids, self.double, self.started = list(pids), double, started
        self.peak_mb = [0.0] * len(self.pids)
        self.reads_at: list[float] = []
        self._done = threading.Event()

    def run(self) -> None:
        seen = 0
        while not self._done.wait(0.5):
            with contextlib.suppress(OSError):  # a server has gone: the run will say why
                now = [rss_mb(pid) for pid in self.pids]
                self.peak_mb = [max(a, b) for a, b in zip(self.peak_mb, now, strict=True)]
            count = self.double.count("batchGet")
            self.reads_at += [round(time.monotonic() - self.started, 1)] * (count - seen)
            seen = count

    def mark(self) -> None:
        self.peak_mb = [rss_mb(pid) for pid in self.pids]

    def stop(self) -> None:
        self._done.set()
        self.join()
