"""The table ``run.py`` prints for each case: every figure, its median, fastest run, peak memory
and, for the realistic case, its goal."""

from __future__ import annotations

from typing import Any

# (figure, the stage whose runs it is the median of, what is timed)
ROWS = [
    ("floor_s", "floor", "bare floor: bytes → frames, serial dates, lists exploded"),
    ("load_s", "load", "bytes → json → sheets_from_batch → loader.clean"),
    ("load_vs_floor", None, "load_s / floor_s"),
    ("headline_s", "headline", "metrics.headline"),
    ("series_s", "series", "metrics.monthly_series"),
    ("headline_series_s", None, "headline_s + series_s"),
    ("summary_figures_s", "summary", "metrics.summary (with by_collaboration)"),
    ("edges_s", "edges", "metrics.edges"),
    ("introductions_s", "introductions", "metrics.suggested_introductions"),
    ("graph_s", None, "edges_s + introductions_s"),
    ("shape_s", "shape", "the 4 network-shape headline figures (edges given)"),
    ("shape_series_s", "shape_series", "their monthly series (edges given)"),
    ("headline_with_shape_s", "headline_with_shape", "headline, timed beside …"),
    ("headline_without_shape_s", "headline_without_shape", "… headline without them"),
    ("summary_with_shape_s", "summary_with_shape", "summary, timed beside …"),
    ("summary_without_shape_s", "summary_without_shape", "… summary without them"),
    ("period_series_s", "period_series", "the pages' monthly series, all of it"),
    ("period_series_without_shape_s", "period_series_without_shape", "… without the shape"),
    ("standing_s", "standing", "issue 24: the 5 standing figures + monthly stage, all"),
    ("standing_by_collaboration_s", "standing_by_collaboration", "… for each collaboration"),
    ("summary_s", "summary_command", "summary --json of the Sheet (double), end to end"),
    ("summary_vs_floor", None, "summary_s / floor_s"),
    ("peak_mb_bench", None, "peak RSS of this process (the largest stage)"),
    ("peak_mb_summary", None, "peak RSS of the summary command"),
    ("peak_mb", None, "the larger of the two"),
]


def shown(key: str, value: float | None) -> str:
    if value is None:
        return "not available"
    if key.endswith("_vs_floor"):
        return f"{value:.2f} ×"
    if "_mb" in key:
        return f"{value:.0f} MB"
    return f"{value:.3f} s"


def verdict(key: str, value: float | None, goals: dict[str, float]) -> str:
    goal = goals.get(key)
    if goal is None:
        return ""
    text = f"≤ {goal:g}" if key.endswith("_vs_floor") else f"< {goal:g}"
    return text + ("" if value is None else (" ok" if value <= goal else " MISS"))


def print_table(
    case: str,
    figures: dict[str, Any],
    times: dict[str, list[float]],
    peaks: dict[str, float],
    goals: dict[str, float],
) -> None:
    """One line per figure that was measured (``goals`` empty: no goal column)."""
    print(f"\n[{case}]")
    print(f"{'figure':<30} {'median':>13} {'min':>8} {'runs':>4} {'peak MB':>8} {'goal':>10}  what")
    for key, stage, what in ROWS:
        value = figures.get(key)
        samples = times.get(stage or "", [])
        if value is None and not goals.get(key):
            continue
        low = f"{min(samples):.3f}" if samples else ""
        count = str(len(samples)) if samples else ""
        peak = peaks.get(stage or "")
        peak_text = f"{peak:.0f}" if peak is not None else ""
        if stage == "summary_command" and figures.get("peak_mb_summary") is not None:
            peak_text = f"{figures['peak_mb_summary']:.0f}"
        print(
            f"{key:<30} {shown(key, value):>13} {low:>8} {count:>4} {peak_text:>8} "
            f"{verdict(key, value, goals):>10}  {what}"
        )
    print(flush=True)
