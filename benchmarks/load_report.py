"""The load test's report (benchmarks/load.py): the JSON line's figures from what was measured
and what the Sheets double counted, and the table printed before it."""

from __future__ import annotations

import argparse
import math
import os

from load_sessions import PAGES

from tests.sheets_double import KINDS


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
    errors += [
        f"warm-up, replica {w['replica']}: {w['error']}"
        for w in measured["warm_others"]
        if w["error"]
    ]
    windows = math.floor(measured["elapsed"] / args.ttl) + 1
    by_page = {}
    for path in PAGES:
        name = path or "Overview"
        mine = [load["s"] for load in loads if load["page"] == name and load["error"] is None]
        by_page[name] = {
            "loads": len(mine),
            "p50_ms": _ms(percentile(mine, 50)),
            "p95_ms": _ms(percentile(mine, 95)),
        }
    sessions, per_load, unsticky = spread(loads, ports)
    by_replica = [
        {
            "replica": n,
            "sessions": sessions[n],
            "loads": per_load[n],
            "server_cpu_s": cpu["server_cpu_s_by_replica"][n],
            "server_core_pct": round(100 * cpu["server_cpu_s_by_replica"][n] / cpu["wall_s"]),
            "rss_mb_1": round(measured["rss_1"][n], 1),
            "rss_mb_n": round(measured["rss_n"][n], 1),
            "rss_mb_peak": round(measured["rss_peak"][n], 1),
        }
        for n in range(len(ports))
    ]
    return {
        "client": args.client,
        "sessions": args.sessions,
        "duration_s": args.duration,
        "think_s": args.think,
        "ttl_s": args.ttl,
        "auth": args.auth,
        "sources": 1,
        "replicas": args.replicas,
        "shared_through": "redis" if getattr(args, "redis", False) else "cache folder",
        "proxy": "nginx" if args.proxy else None,
        "edit_every_s": args.edit_every,
        "edits": measured["edits"],
        "elapsed_s": round(measured["elapsed"], 1),
        "ttl_windows": windows,
        "requests": requests,
        "reads_per_window": round(requests["batchGet"] / windows, 2),
        "goal_met": requests["metadata"] <= windows and requests["batchGet"] <= windows,
        "reads_at_s": measured["reads_at"],
        "warm_requests": measured["warm_requests"],
        "rss_mb_1": round(sum(measured["rss_1"]), 1),
        "rss_mb_n": round(sum(measured["rss_n"]), 1),
        "rss_mb_peak": round(sum(measured["rss_peak"]), 1),
        "rss_mb_after_close": round(sum(measured["rss_closed"]), 1),
        "first_load_ms": _ms(measured["warm_s"]),
        "warm_other_replicas": measured["warm_others"],
        "loads": len(loads),
        "page_views_per_s": round(len(times) / cpu["wall_s"], 2),
        "page_ms": {
            "p50": _ms(percentile(times, 50)),
            "p95": _ms(percentile(times, 95)),
            "max": _ms(max(times, default=None)),
        },
        "errors": len(errors),
        "error_samples": sorted(set(errors))[:5],
        "by_replica": by_replica,
        "unsticky_sessions": unsticky,
        "by_page": by_page,
        "cpu": cpu,
    }


def show(result: dict) -> None:
    requests, windows, n = result["requests"], result["ttl_windows"], result["sessions"]
    print(
        f"\nSheets API requests over {result['elapsed_s']:.0f} s = {windows} TTL window(s) of "
        f"{result['ttl_s']} s, {result['replicas']} replica(s) in total, {result['edits']} "
        "edit(s) of the sheet (goal: 1 batchGet per source per window)"
    )
    for kind in ("metadata", "batchGet", "drive_list", "token"):
        count = requests[kind]
        verdict = " ok" if count <= windows else " MISS"
        print(
            f"  {kind:<10} {count:4}   {count / windows:5.2f} per window"
            f"{verdict if kind in ('metadata', 'batchGet') else ''}"
        )
    shown = ("metadata", "batchGet", "drive_list", "token")
    others = sum(requests[k] for k in KINDS if k not in shown)
    print(f"  other      {others:4}   batchGet answered at {result['reads_at_s']} s")
    print("\nserver RSS (all replicas)")
    print(f"  {'1 session open':<24}{result['rss_mb_1']:7.0f} MB")
    print(
        f"  {f'{n} session(s) open':<24}{result['rss_mb_n']:7.0f} MB   "
        f"peak {result['rss_mb_peak']:.0f} MB"
    )
    print(f"  {'5 s after they closed':<24}{result['rss_mb_after_close']:7.0f} MB")
    ms = result["page_ms"]
    p50, p95, top = (_shown(ms[key]) for key in ("p50", "p95", "max"))
    print(
        f"\npage time, {n} {result['client']} session(s): {result['loads']} loads "
        f"({result['page_views_per_s']} page views a second), {result['errors']} error(s); "
        f"p50 {p50}, p95 {p95}, max {top} "
        f"(first load, 1 session: {_shown(result['first_load_ms'])})"
    )
    for name, page in result["by_page"].items():
        p50, p95 = (_shown(page[key]) for key in ("p50_ms", "p95_ms"))
        print(f"  {name:<14} {page['loads']:4} loads   p50 {p50:>8}   p95 {p95:>8}")
    for sample in result["error_samples"]:
        print(f"  error: {sample}")
    print(
        f"\nreplicas ({result['proxy'] or 'no proxy'}): {result['unsticky_sessions']} "
        "session(s) reached more than one"
    )
    for replica in result["by_replica"]:
        print(
            f"  replica {replica['replica']}: {replica['sessions']:3} sessions "
            f"{replica['loads']:5} loads   CPU {replica['server_cpu_s']:6.1f} s "
            f"({replica['server_core_pct']} % of one core)   RSS {replica['rss_mb_1']:.0f} → "
            f"{replica['rss_mb_n']:.0f} MB (peak {replica['rss_mb_peak']:.0f})"
        )
    cpu = result["cpu"]
    print(
        f"\nCPU over the {cpu['wall_s']:.0f} s of load: servers {cpu['server_cpu_s']} s "
        f"({cpu['server_core_pct']} % of one core), nginx {cpu['proxy_cpu_s']} s, load "
        f"generator {cpu['client_cpu_s']} s, other processes {cpu['other_cpu_s']} s; machine "
        f"{cpu['machine_busy_pct']} % busy ({os.cpu_count()} cores)\n"
    )
