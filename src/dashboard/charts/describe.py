"""A chart's text alternative, read from its own Vega-Lite spec: what it shows and its latest
values, in a sentence a screen reader reaches (a chart is a canvas: without it, a reader who
does not see the chart gets nothing — WCAG 2.1, 1.1.1 "Non-text content").

One function for every chart, reading only what every chart of ``dashboard.charts`` has: the data
each view draws, its x and y fields, and its colour field or constant label. A monthly chart says
its months and the values of its last month with any; a bar per category says each bar's value;
a network drawing counts what it draws. The pages show it under each chart (``ui.figures.chart``)
and put it in the spec's ``description``, which Vega gives the chart as its ARIA label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pandas as pd

from dashboard import formatting

LISTED = 8  # categories named one by one; beyond that, "and N more"
_CONSTANT = re.compile(r"^'(.*)'$")


def _views(spec: dict, data: str | None = None) -> Iterator[tuple[dict, str | None]]:
    """Each single view of ``spec`` with the name of the data it draws (inherited by layers)."""
    own = (spec.get("data") or {}).get("name", data)
    if "layer" in spec:
        for part in spec["layer"]:
            yield from _views(part, own)
    elif "spec" in spec:  # a facet: the inner view draws the facet's data
        yield from _views(spec["spec"], own)
    else:
        yield spec, own


def _label(view: dict, row: dict) -> str:
    """What a value of ``view`` is: its colour's category, a label the view sets for all its
    rows (a layer's ``transform_calculate``), or its y axis's title."""
    encoding = view.get("encoding", {})
    colour = encoding.get("color", {})
    field = colour.get("field")
    if field and colour.get("type") == "nominal":
        if field in row:
            return str(row[field])
        for step in view.get("transform", []):
            constant = _CONSTANT.match(str(step.get("calculate", "")))
            if step.get("as") == field and constant:
                return constant.group(1)
    y = encoding.get("y", {})
    heatmap = (encoding.get("color") or {}).get("type") == "quantitative"
    if y.get("type") == "nominal" and heatmap:  # a row per category, the value in colour
        return str(row.get(y.get("field"), ""))
    tips = [t for t in encoding.get("tooltip", []) if isinstance(t, dict)]
    named = next((t.get("title") for t in tips if t.get("field") == y.get("field")), None)
    return str(named or y.get("title") or formatting.header(y.get("field", "value")))


SHARE, INDEX, COUNT, WORDS = "share", "index", "count", "words"


def _value_field(view: dict) -> tuple[str | None, str]:
    """The field holding the view's value, and what kind of number it is: a share (0…1, shown
    in %), an index on 0…1 (two decimals) or a count."""
    encoding = view.get("encoding", {})
    y, colour = encoding.get("y", {}), encoding.get("color", {})
    if y.get("type") == "nominal" and colour.get("type") == "quantitative":
        return colour.get("field"), COUNT
    if y.get("type") == "nominal":  # a level named in words (the network's stage)
        return y.get("field"), WORDS
    if (y.get("axis") or {}).get("format") == "%":
        return y.get("field"), SHARE
    if (y.get("scale") or {}).get("domain") == [0, 1]:
        return y.get("field"), INDEX
    return y.get("field"), COUNT


def _written(value: Any, kind: str) -> str:
    if kind == WORDS:
        return str(value)
    if kind == SHARE:
        return formatting.percent(value)
    return f"{value:.2f}" if kind == INDEX else formatting.count(value)


def _monthly(views: list[tuple[dict, list[dict]]]) -> str:
    """Every view's values in the last month that has any, named by their labels."""
    frames = []
    for view, rows in views:
        field, kind = _value_field(view)
        if not rows or field is None:
            continue
        frame = pd.DataFrame(rows)
        if field not in frame.columns:
            continue
        frame = frame.assign(
            month=pd.to_datetime(frame["month"]).dt.to_period("M"),
            label=[_label(view, row) for row in rows],
            value=(
                frame[field].astype(object)
                if kind == WORDS
                else pd.to_numeric(frame[field], errors="coerce").abs()
            ),
            kind=kind,
        )
        frames.append(frame[["month", "label", "value", "kind"]])
    if not frames:
        return "Nothing drawn yet."
    every = pd.concat(frames, ignore_index=True).dropna(subset=["value"])
    if every.empty:
        return "Nothing drawn yet."
    first, last = every["month"].min(), every["month"].max()
    latest = every[every["month"] == last]
    summed = latest.groupby(["label", "kind"], sort=False, as_index=False)["value"].sum()
    values = [_written(v, k) for v, k in zip(summed["value"], summed["kind"], strict=True)]
    listed = [f"{label} {value}" for label, value in zip(summed["label"], values, strict=True)]
    span = f"{first:%B %Y}" if first == last else f"{first:%B %Y} to {last:%B %Y}"
    return f"Monthly, {span}. {last:%B %Y}: {_listing(listed)}."


def _listing(items: list[str]) -> str:
    shown = items[:LISTED]
    more = f", and {len(items) - LISTED} more" if len(items) > LISTED else ""
    return ", ".join(shown) + more


def _bars(view: dict, rows: list[dict]) -> str:
    """A bar per category (``sector_bars``): each bar's value, largest first."""
    encoding = view["encoding"]
    category, x = encoding["y"]["field"], encoding["x"]
    frame = pd.DataFrame(rows).sort_values(x["field"], ascending=False, kind="stable")
    listed = [
        f"{name} {formatting.count(value)}"
        for name, value in zip(frame[category], frame[x["field"]], strict=True)
    ]
    return f"{str(x.get('title') or x['field']).capitalize()}: {_listing(listed)}."


def _drawing(views: list[tuple[dict, list[dict]]]) -> str:
    """A network drawing: how many nodes and links it draws."""
    nodes = next((rows for view, rows in views if _mark(view) == "circle"), [])
    links = next((rows for view, rows in views if _mark(view) == "rule"), [])
    tips: list = next(
        (view["encoding"].get("tooltip", []) for view, _ in views if _mark(view) == "circle"), []
    )
    who = next((t.get("title") for t in tips if isinstance(t, dict) and t.get("title")), "who")
    noun = ("organization", "organizations") if who == "organization" else ("person", "people")
    return (
        f"A drawing of {formatting.plural(len(nodes), *noun)} and "
        f"{formatting.plural(len(links), 'link')} between them; hover a node for its name."
    )


def _mark(view: dict) -> str:
    mark = view.get("mark")
    return str(mark.get("type") if isinstance(mark, dict) else mark)


def describe(spec: dict[str, Any]) -> str:
    """What the chart ``spec`` (a Vega-Lite dict, its data inline) shows, in a sentence or two."""
    datasets = spec.get("datasets", {})
    views = [(view, datasets.get(name or "", [])) for view, name in _views(spec)]
    if any(_mark(view) == "rule" for view, _ in views):
        return _drawing(views)
    if any(view.get("encoding", {}).get("x", {}).get("field") == "month" for view, _ in views):
        return _monthly(views)
    view, rows = views[0]
    if view.get("encoding", {}).get("y", {}).get("type") == "nominal" and rows:
        return _bars(view, rows)
    return "A chart; its figures are in the tables on this page."
