"""Reading a chart's Vega-Lite spec in tests: its single-view parts and the rows each is sent."""

from __future__ import annotations

import altair as alt


def spec_of(chart: alt.TopLevelMixin) -> dict:
    """The spec as the browser gets it (``to_dict`` validates it against Vega-Lite's schema)."""
    return chart.to_dict()


def marks(spec: dict) -> list[dict]:
    """Every single-view part of a spec: layers unpacked, a facet's inner view."""
    if "layer" in spec:
        return [part for layer in spec["layer"] for part in marks(layer)]
    if "spec" in spec:
        return marks(spec["spec"])
    return [spec]


def rows(spec: dict, part: dict | None = None) -> list[dict]:
    """The rows sent for one part (its own data, else the spec's), or for the spec's only one."""
    named = (part or {}).get("data") or spec.get("data")
    if named is None:
        (only,) = spec["datasets"].values()
        return only
    return spec["datasets"][named["name"]]


def all_rows(spec: dict) -> int:
    """How many rows the whole spec sends."""
    return sum(len(data) for data in spec.get("datasets", {}).values())


def tooltip_fields(part: dict) -> list[str]:
    return [tip["field"] for tip in part["encoding"]["tooltip"]]
