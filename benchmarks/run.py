"""The Small Wins performance benchmark: load, clean and compute on a large workbook.

    python benchmarks/run.py [--runs 5] [--quick] [--shape realistic|dense] [--profile]

Two cases, each its own generated workbook (``generate.py``, cached in ``$SMALLWINS_BENCH_DIR``
or ``~/.cache/smallwins-bench``): "realistic" (project teams of about 8, ~140,000 links; the
goals are for this one) and "dense" (4.5 million links, the stress case: no goal, no regression).
For each, in this one process, the median of ``--runs`` runs of:

- ``floor_s``: the bare floor — the batchGet bytes → ``json.loads`` → one DataFrame per tab (ragged
  rows padded) → date columns' serial numbers to ``datetime64`` → Wins people lists exploded;
  timed interleaved with the loads, and once more after the summary runs;
- ``load_s``: the same bytes → ``sources.gsheets.sheets_from_body`` → ``loader.clean``;
- ``headline_s`` (``metrics.headline``), ``summary_figures_s`` (``metrics.summary``, with
  ``by_collaboration``), ``series_s`` (``metrics.monthly_series``), ``graph_s`` (``metrics.edges``
  + ``metrics.suggested_introductions``) on the loaded dataset;
- without ``--quick``: ``shape_s``, ``shape_series_s`` (the network-shape figures alone, from an
  edge table built beforehand), ``period_series_s`` (the pages' whole monthly series) and the
  with/without-shape pairs;
- ``summary_s``: ``python -m dashboard summary KEY --as-of D --json`` end to end in a subprocess
  (Python's start and imports count), reading the workbook as a Google Sheet through gspread
  from the Sheets double (``sheet_server.py``, a process of its own), a fresh cache each run;
  ``summary_vs_floor`` is its ratio to the floor;
- ``peak_mb_bench`` (this process, the largest stage) and ``peak_mb_summary`` (the command's own
  VmHWM); ``peak_mb`` the larger.

It prints each case's table, then one JSON line per case: the realistic case's first.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import importlib
import json
import os
import platform
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402 (benchmarks/ is a folder of scripts, not a package)
from table import print_table  # noqa: E402

from dashboard.config import SourceConfig  # noqa: E402
from dashboard.loader import clean  # noqa: E402
from dashboard.sources import RawSource  # noqa: E402
from dashboard.sources.gsheets import sheets_from_body  # noqa: E402

GOALS = {  # for the realistic case; the dense one has none (no regression)
    "load_vs_floor": 2.0,  # load_s within 2x the floor timed in the same run
    "headline_series_s": 1.0,  # headline_s + series_s
    "summary_vs_floor": 4.0,  # the summary command through the Sheets double, end to end
    "peak_mb_summary": 800.0,
    "peak_mb_bench": 1000.0,
    "standing_s": 1.0,  # issue 24: the five figures and the monthly stage, overall
    "standing_by_collaboration_s": 1.0,  # … and for each collaboration
}
SHAPES = ("realistic", "dense")
LIST_SPLIT = r"[,;/&]|\band\b"
SERIAL_ORIGIN = "1899-12-30"


# --------------------------------------------------------------------------- the workbook


def cache_root() -> Path:
    configured = os.environ.get("SMALLWINS_BENCH_DIR")
    return Path(configured) if configured else Path.home() / ".cache" / "smallwins-bench"


def ensure_workbook(
    seed: int, scale: float, shape: str = "realistic", sizes: dict | None = None, name: str = ""
) -> tuple[Path, dict, float | None]:
    """The cached workbook folder and its meta; generated (in a child process, so its memory is
    not counted as ours) when missing or made by an older generator."""
    folder = cache_root() / (name or f"workbook-{shape}-seed{seed}-scale{scale:g}")
    meta_file = folder / generate.META_FILE
    if meta_file.is_file():
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        if (
            meta.get("format") == generate.FORMAT_VERSION
            and (folder / generate.BODY_FILE).is_file()
        ):
            return folder, meta, None
    folder.parent.mkdir(parents=True, exist_ok=True)
    print(f"generating the workbook into {folder} ...", flush=True)
    began = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".generating-"))
    try:
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate.py"),
                str(tmp),
                "--seed",
                str(seed),
                "--scale",
                str(scale),
                "--shape",
                shape,
                *(["--sizes", json.dumps(sizes)] if sizes else []),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(tmp, folder)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    took = time.perf_counter() - began
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    print(
        f"generated in {took:.1f} s (CSVs {meta['csv_s']:.1f} s, batchGet body "
        f"{meta['body_s']:.1f} s, {meta['body_bytes'] / 1e6:.0f} MB)",
        flush=True,
    )
    return folder, meta, took


# --------------------------------------------------------------------------- what is timed


def floor(data: bytes) -> dict[str, pd.DataFrame]:
    """The bare minimum any loader must do with these bytes, vectorised, nothing more."""
    body = json.loads(data)
    frames: dict[str, pd.DataFrame] = {}
    for value_range in body["valueRanges"]:
        title = value_range["range"].split("!")[0].strip("'")
        rows = value_range.get("values", [])
        header = rows[0]
        cells = np.empty((len(rows) - 1, len(header)), dtype=object)  # ragged rows padded
        for number, row in enumerate(rows[1:]):
            cells[number, : len(row)] = row
        frame = pd.DataFrame(cells, columns=header, dtype=object)  # raw cells, no inference
        for name, kind in generate.TABS[title]:
            if kind == "date":
                serials = pd.to_numeric(frame[name], errors="coerce")
                frame[name] = pd.to_datetime(serials, unit="D", origin=SERIAL_ORIGIN)
        frames[title] = frame
    people = frames["Wins"]["People"]
    frames["WinPeople"] = people.str.split(LIST_SPLIT, regex=True).explode().to_frame()
    return frames


def load(data: bytes) -> Any:
    """What the app does with Google's answer: its bytes parsed (``sources.gsheets``, as a live
    read or a snapshot does), the raw tabs, then cleaning into a Dataset."""
    sheets = sheets_from_body(list(generate.TABS), data)
    config = SourceConfig(location="bench", kind="gsheets", name="bench")
    return clean([RawSource(config, sheets, "bench", dt.datetime.now(dt.UTC))])


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    began = time.perf_counter()
    result = function()
    return time.perf_counter() - began, result


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def metric_calls(dataset: Any, as_of: dt.date) -> dict[str, Callable[[], Any] | None]:
    """The metrics to time, by figure name; ``None`` where the function does not exist (yet)."""
    try:
        from dashboard import metrics
    except ImportError:
        return dict.fromkeys(("headline", "summary", "series", "edges", "introductions"))

    def call(name: str) -> Callable[[], Any] | None:
        function = getattr(metrics, name, None)
        if function is None:
            return None
        return lambda: function(dataset, as_of)

    return {
        "headline": call("headline"),
        "summary": call("summary"),
        "series": call("monthly_series"),
        "edges": call("edges"),
        "introductions": call("suggested_introductions"),
    }


SHAPE_FIGURES = (  # timed by shape_calls, reported by collect
    "shape",
    "shape_series",
    "headline_with_shape",
    "headline_without_shape",
    "summary_with_shape",
    "summary_without_shape",
    "period_series",
    "period_series_without_shape",
)


def shape_calls(dataset: Any, as_of: dt.date) -> dict[str, Callable[[], Any] | None]:
    """The network-shape figures of issue 13 on their own, from an edge table built once here
    (untimed): ``shape`` (the four headline figures) and ``shape_series`` (their monthly series,
    incremental); and the figures that hold them timed with and without them, side by side:
    ``headline``/``summary``/``period_series`` (the pages' monthly series) ``_with_shape`` and
    ``_without_shape``, the network-shape functions replaced by stubs that return at once."""
    names = SHAPE_FIGURES
    try:
        from unittest import mock

        from dashboard import metrics
        from dashboard.metrics.activity import activities
        from dashboard.metrics.collaborations import period_series
        from dashboard.metrics.network import edge_table, person_codes
        from dashboard.metrics.scope import scope
        from dashboard.metrics.series import series_months
        from dashboard.metrics.shape import shape_figures
        from dashboard.metrics.shape_series import SHAPE_COLUMNS, shape_of
    except ImportError:
        return dict.fromkeys(names)
    s = scope(dataset, as_of)
    events = activities(s)
    edges = edge_table(s)
    nodes = person_codes(s).reindex(events["person"].unique()).to_numpy()
    months = series_months(s, events)
    start = pd.Timestamp(months[0]) if len(months) else pd.Timestamp(as_of)
    figures = shape_figures(s, nodes, edges)

    def no_shape(*_: Any) -> dict:
        return figures

    def no_series(_s: Any, _events: Any, months: Any, _edges: Any) -> pd.DataFrame:
        return pd.DataFrame({"month": pd.DatetimeIndex(months)}).reindex(columns=SHAPE_COLUMNS)

    def without(target: str, stub: Callable, function: Callable[[], Any]) -> Callable[[], Any]:
        # the module itself: ``dashboard.metrics.headline`` by name is the function of that name
        module, name = target.rsplit(".", 1)

        def run() -> Any:
            with mock.patch.object(importlib.import_module(module), name, stub):
                return function()

        return run

    return {
        "shape": lambda: shape_figures(s, nodes, edges),
        "shape_series": lambda: shape_of(s, events, months, edges),
        "headline_with_shape": lambda: metrics.headline(dataset, as_of),
        "headline_without_shape": without(
            "dashboard.metrics.headline.shape_figures",
            no_shape,
            lambda: metrics.headline(dataset, as_of),
        ),
        "summary_with_shape": lambda: metrics.summary(dataset, as_of),
        "summary_without_shape": without(
            "dashboard.metrics.headline.shape_figures",
            no_shape,
            lambda: metrics.summary(dataset, as_of),
        ),
        "period_series": lambda: period_series(dataset, as_of, start),
        "period_series_without_shape": without(
            "dashboard.metrics.collaborations.shape_of",
            no_series,
            lambda: period_series(dataset, as_of, start),
        ),
    }


STANDING_FIGURES = ("standing", "standing_by_collaboration")  # timed by standing_calls


def standing_calls(dataset: Any, as_of: dt.date) -> dict[str, Callable[[], Any] | None]:
    """Where the network stands (issue 24), from edge tables built once here (untimed):
    ``standing``, the five figures (``brokers``, ``core_share``, ``two_step_reach``,
    ``weavers_last_30``, ``network_stage``) of the whole network and its stage at each month's
    end; ``standing_by_collaboration``, the same for each collaboration of the Collaborations
    table (the five figures through the grouped pass ``summary`` uses)."""
    try:
        from dashboard.metrics.activity import activities
        from dashboard.metrics.grouped import bounds
        from dashboard.metrics.network import edge_table
        from dashboard.metrics.scope import grouped, scope
        from dashboard.metrics.series import series_months
        from dashboard.metrics.standing import stage_series, standing, standing_by_group
        from dashboard.metrics.timeline import month_ends
    except ImportError:
        return dict.fromkeys(STANDING_FIGURES)
    s = scope(dataset, as_of)
    events = activities(s)
    edges = edge_table(s)
    people = int(events["person"].nunique())
    ends = month_ends(pd.Series(series_months(s, events)), s.as_of)
    names = dataset.collaborations["collaboration"].tolist()
    g = grouped(dataset, as_of, names)
    g_events = activities(g)
    g_edges = edge_table(g)
    slices = bounds(g_edges["group"].to_numpy(), len(names))
    nodes = np.array(
        [g_events.loc[g_events["group"] == i, "person"].nunique() for i in range(len(names))]
    )
    parts = [g_edges.iloc[slices[i] : slices[i + 1]] for i in range(len(names))]
    part_ends = []
    for i in range(len(names)):
        own = g_events[g_events["group"] == i]
        first = own["date"].min() if len(own) else pd.Timestamp(as_of)
        months = pd.date_range(first.to_period("M").to_timestamp(), s.as_of, freq="MS")
        part_ends.append(month_ends(pd.Series(months), s.as_of))

    def whole() -> Any:
        return standing(edges, people, s.as_of), stage_series(edges, ends)

    def each() -> Any:
        figures = standing_by_group(g, g_edges, nodes, slices)
        return figures, [stage_series(p, e) for p, e in zip(parts, part_ends, strict=True)]

    return {"standing": whole, "standing_by_collaboration": each}


# ``python -m dashboard``, reporting at exit the peak RSS of its own memory (VmHWM). The child's
# ru_maxrss is no use: Linux carries the parent's peak over into a child across fork and exec.
_CHILD = """\
import atexit, runpy, sys

def _peak():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                sys.stderr.write("\\n%s %s\\n" % (MARK, line.split()[1]))

try:
    open("/proc/self/status").close()
    atexit.register(_peak)
except OSError:
    pass
sys.argv = ["dashboard", *sys.argv[1:]]
runpy.run_module("dashboard", run_name="__main__", alter_sys=True)
"""
_PEAK_MARK = "smallwins-bench-peak-kb"


def run_summary(
    source: str, as_of: str, env: dict[str, str] | None = None
) -> tuple[float, float | None, str | None]:
    """Wall time and peak RSS (MB) of ``python -m dashboard summary SOURCE`` (Python's start and
    imports included); an error message when it does not work (yet)."""
    code = f"MARK = {_PEAK_MARK!r}\n" + _CHILD
    command = [sys.executable, "-c", code, "summary", source, "--as-of", as_of, "--json"]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        began = time.perf_counter()
        child = subprocess.run(command, stdout=out, stderr=err, check=False, env=env)
        took = time.perf_counter() - began
        err.seek(0)
        lines = err.read().decode(errors="replace").strip().splitlines()
        peaks = [line.split()[1] for line in lines if line.startswith(_PEAK_MARK)]
        peak = int(peaks[-1]) / 1024 if peaks else None
        if child.returncode != 0:
            said = [line for line in lines if not line.startswith(_PEAK_MARK)] or ["(no output)"]
            return took, peak, f"exit {child.returncode}: {said[-1]}"
        out.seek(0)
        try:
            json.loads(out.read())
        except ValueError:
            return took, peak, "the output is not JSON"
    return took, peak, None


class SheetServer:
    """The workbook served as one Google Sheet by the Sheets double (``sheet_server.py``), in a
    process of its own so its memory and CPU are not the benchmark's; and the environment of a
    ``summary`` run reading it through gspread with a service-account key, each run with a
    fresh cache folder (no snapshot: a live read, and its snapshot written, every time)."""

    def __init__(self, folder: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "sheet_server.py"), str(folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        line = self.process.stdout.readline() if self.process.stdout else ""
        if not line:
            self.process.wait()
            raise RuntimeError("the Sheets double did not start")
        self.info = json.loads(line)
        self.cache = Path(tempfile.mkdtemp(prefix="smallwins-bench-cache-"))

    def env(self) -> dict[str, str]:
        shutil.rmtree(self.cache, ignore_errors=True)
        self.cache.mkdir()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SMALLWINS_", "GOOGLE_"))}
        env.update(
            SMALLWINS_SHEETS_ENDPOINT=self.info["url"],
            GOOGLE_APPLICATION_CREDENTIALS=self.info["credentials"],
            SMALLWINS_CACHE_DIR=str(self.cache),
        )
        return env

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait(timeout=30)
        shutil.rmtree(self.cache, ignore_errors=True)


class PeakMeter:
    """The peak RSS of this process during each stage: Linux's VmHWM, reset between stages
    through ``/proc/self/clear_refs``. Elsewhere, ru_maxrss (the peak so far) for every stage."""

    def __init__(self) -> None:
        self.reset()  # a second case's meter does not start at the first case's peak
        self.start_mb = self.now()
        self.peaks: dict[str, float] = {}

    def reset(self) -> None:
        try:
            with open("/proc/self/clear_refs", "w") as handle:
                handle.write("5")
        except OSError:
            pass

    def now(self) -> float:
        try:
            with open("/proc/self/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def record(self, stage: str) -> None:
        self.peaks[stage] = max(self.peaks.get(stage, 0.0), self.now())

    @property
    def overall(self) -> float:
        return max([self.start_mb, *self.peaks.values()])


# --------------------------------------------------------------------------- profile


def profile_load(data: bytes, top: int = 25) -> None:
    """Where ``load_s`` goes: the functions of ``dashboard`` by cumulative time, and the hottest
    functions overall by own time, as shares of one load."""
    profiler = cProfile.Profile()
    gc.collect()
    began = time.perf_counter()
    profiler.enable()
    load(data)
    profiler.disable()
    total = time.perf_counter() - began
    stats = pstats.Stats(profiler)
    entries = []
    for (file, line, name), (_, calls, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        entries.append((file, line, name, calls, own, cumulative))
    print(f"\nprofile of one load: {total:.2f} s under cProfile")
    print("\n  dashboard functions by cumulative time (share of the load):")
    ours = [e for e in entries if "/dashboard/" in e[0]]
    for file, line, name, calls, _, cumulative in sorted(ours, key=lambda e: -e[5])[:top]:
        where = file.split("/dashboard/", 1)[1]
        print(f"  {cumulative:7.2f} s {cumulative / total:6.1%}  {where}:{line} {name} ×{calls}")
    print("\n  hottest functions overall by own time:")
    for file, line, name, calls, own, _ in sorted(entries, key=lambda e: -e[4])[:top]:
        where = re.sub(r".*/(site-packages|lib/python3\.\d+)/", "", file)
        print(f"  {own:7.2f} s {own / total:6.1%}  {where}:{line} {name} ×{calls}")
    print()


# --------------------------------------------------------------------------- report


def _commit() -> str | None:
    try:
        head = subprocess.run(
            ["git", "-C", str(HERE.parent), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(HERE.parent), "status", "--porcelain", "--", "src"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return head + ("+dirty" if dirty else "")


def repeat(
    name: str,
    function: Callable[[], Any],
    runs: int,
    budget: float,
    times: dict[str, list[float]],
    meter: PeakMeter,
) -> Any:
    """Time ``function`` up to ``runs`` times (fewer once ``budget`` seconds are spent on it);
    the last result is returned."""
    result = None
    for _ in range(runs):
        result = None
        gc.collect()
        meter.reset()
        took, result = timed(function)
        meter.record(name)
        times.setdefault(name, []).append(took)
        if sum(times[name]) > budget:
            break
    return result


def time_summary(
    folder: Path, as_of: str, runs: int, budget: float
) -> tuple[list[float], list[float], str | None]:
    """``summary --json`` of the workbook read as a Google Sheet (the Sheets double, through
    gspread), ``runs`` times; a fresh cache each time, so each is a live read."""
    server = SheetServer(folder)
    times: list[float] = []
    peaks: list[float] = []
    error = None
    try:
        for _ in range(max(1, runs)):
            took, peak, error = run_summary(server.info["key"], as_of, server.env())
            if error:
                break
            times.append(took)
            if peak is not None:
                peaks.append(peak)
            if sum(times) > budget:  # slow: fewer runs tell enough
                break
    finally:
        server.close()
    return times, peaks, error


def run_case(args: argparse.Namespace, shape: str) -> dict[str, Any]:
    """Every figure of one workbook shape, its table printed; the figures returned."""
    folder, meta, generated_s = ensure_workbook(args.seed, args.scale, shape)
    as_of_text = meta["as_of"]
    as_of = dt.date.fromisoformat(as_of_text)
    meter = PeakMeter()
    data = (folder / generate.BODY_FILE).read_bytes()
    rows = meta["rows"]
    print(
        f"\n[{shape}] workbook: {folder} — "
        + ", ".join(f"{count:,} {tab.lower()}" for tab, count in rows.items())
        + f"; batchGet body {len(data) / 1e6:.0f} MB; as_of {as_of_text}; {args.runs} runs",
        flush=True,
    )

    times: dict[str, list[float]] = {}
    dataset = None
    for _ in range(args.runs):  # interleaved, so both see the same machine state
        dataset = None  # the floor's peak without the last load's dataset
        repeat("floor", lambda: floor(data), 1, args.budget, times, meter)
        dataset = repeat("load", lambda: load(data), 1, args.budget, times, meter)
    print(f"floor {median(times['floor']):.2f} s, load {median(times['load']):.2f} s", flush=True)

    calls = metric_calls(dataset, as_of)
    for name, call in calls.items():
        if call is not None:
            repeat(name, call, args.runs, args.budget, times, meter)
            print(f"{name} {median(times[name]):.2f} s", flush=True)
    for name, call in standing_calls(dataset, as_of).items():
        if call is not None:
            repeat(name, call, args.runs, args.budget, times, meter)
            print(f"{name} {median(times[name]):.3f} s", flush=True)
    if not args.quick:
        shape_figures = shape_calls(dataset, as_of)  # inputs held only while they are timed
        for _ in range(args.runs):  # with and without, interleaved: the same machine state
            for name, call in shape_figures.items():
                if call is not None:
                    repeat(name, call, 1, args.budget, times, meter)
        for name in shape_figures:
            if times.get(name):
                print(f"{name} {median(times[name]):.2f} s", flush=True)
        del shape_figures
    dataset = None
    gc.collect()

    summary_times, summary_peaks, summary_error = time_summary(
        folder, as_of_text, args.summary_runs, min(args.budget, 60.0)
    )
    if summary_error:
        print(f"summary command failed: {summary_error}", flush=True)
    if summary_times:
        times["summary_command"] = summary_times
        print(f"summary command {median(summary_times):.2f} s", flush=True)
    # the floor once more after the summary runs, so the ratio sees the machine as they did
    repeat("floor", lambda: floor(data), 1, args.budget, times, meter)

    figures = collect(times, meter, summary_peaks)
    print_table(shape, figures, times, meter.peaks, GOALS if shape == "realistic" else {})
    if args.profile:
        gc.collect()
        profile_load(data)
    line = {"case": shape}
    line.update({k: (None if v is None else round(v, 4)) for k, v in figures.items()})
    line.update(
        {
            "runs": args.runs,
            "runs_by_figure": {stage: len(values) for stage, values in times.items()},
            "peak_mb_by_stage": {stage: round(mb, 1) for stage, mb in meter.peaks.items()},
            "rows": rows,
            "body_mb": round(len(data) / 1e6, 1),
            "as_of": as_of_text,
            "generated_s": None if generated_s is None else round(generated_s, 2),
            "commit": _commit(),
            "date": dt.date.today().isoformat(),
            "python": platform.python_version(),
            "pandas": pd.__version__,
            "numpy": np.__version__,
            "cpus": os.cpu_count(),
        }
    )
    return line


def collect(
    times: dict[str, list[float]], meter: PeakMeter, summary_peaks: list[float]
) -> dict[str, float | None]:
    """The figures of one case from its timings: medians, sums and ratios to the floor."""

    def of(stage: str) -> float | None:
        return median(times.get(stage, []))

    names = (
        "headline",
        "summary",
        "series",
        "edges",
        "introductions",
        *SHAPE_FIGURES,
        *STANDING_FIGURES,
    )
    figures: dict[str, float | None] = {"floor_s": of("floor"), "load_s": of("load")}
    figures.update({f"{name}_s": of(name) for name in names})
    figures["summary_figures_s"] = figures.pop("summary_s")
    figures["summary_s"] = of("summary_command")
    summary_peak = max(summary_peaks) if summary_peaks else None
    figures["peak_mb"] = max(meter.overall, summary_peak or 0.0)
    figures["peak_mb_bench"] = meter.overall
    figures["peak_mb_summary"] = summary_peak
    floor_s = figures["floor_s"] or float("nan")

    def total(*keys: str) -> float | None:
        parts = [figures[key] for key in keys]
        return None if None in parts else sum(parts)  # type: ignore[arg-type]

    figures["graph_s"] = total("edges_s", "introductions_s")
    figures["headline_series_s"] = total("headline_s", "series_s")
    figures["load_vs_floor"] = figures["load_s"] / floor_s  # type: ignore[operator]
    summary_s = figures["summary_s"]
    figures["summary_vs_floor"] = None if summary_s is None else summary_s / floor_s
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Small Wins performance benchmark")
    parser.add_argument("--runs", type=int, default=5, help="runs of each timing (median)")
    parser.add_argument(
        "--budget",
        type=float,
        default=60.0,
        help="seconds after which a slow figure is not run again (at least one run each)",
    )
    parser.add_argument("--summary-runs", type=int, default=3, help="runs of the summary command")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full size")
    parser.add_argument("--shape", choices=SHAPES, action="append", help="only this case")
    parser.add_argument("--quick", action="store_true", help="leave out the network-shape parts")
    parser.add_argument("--profile", action="store_true", help="profile one load at the end")
    args = parser.parse_args(argv)
    lines = [run_case(args, shape) for shape in (args.shape or SHAPES)]
    print()
    for line in lines:  # the realistic case's line first, then the dense case's
        print(json.dumps(line, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
