"""What the browser received from the Streamlit server: the Vega-Lite specs of its charts (with
their data) and the tables' headers, read from the websocket messages as Streamlit's own
protobuf classes decode them. Charts are drawn on a canvas and tables by a canvas grid, so the
page's text holds neither; the messages hold exactly what they were drawn from."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass, field

import pyarrow as pa
from playwright.sync_api import Page
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


@dataclass
class Received:
    """The charts' specs (data put back in ``datasets``) and each table's shown headers, by
    their place on the page (a rerun's element replaces the one it redraws), in page order."""

    by_place: dict[tuple, tuple[str, object]] = field(default_factory=dict)

    def _of(self, kind: str) -> list:
        return [value for _, (k, value) in sorted(self.by_place.items()) if k == kind]

    @property
    def specs(self) -> list[dict]:
        return self._of("chart")

    @property
    def headers(self) -> list[list[str]]:
        return self._of("table")


def _rows(arrow_bytes: bytes) -> list[dict]:
    table = pa.ipc.open_stream(io.BytesIO(arrow_bytes)).read_all()
    rows = table.to_pylist()
    for row in rows:
        for key, value in row.items():
            if isinstance(value, dt.datetime | dt.date):
                row[key] = value.isoformat()
    return rows


def _columns(arrow_bytes: bytes) -> list[str]:
    schema = pa.ipc.open_stream(io.BytesIO(arrow_bytes)).schema
    return [name for name in schema.names if not name.startswith("__index_level_")]


def _headers(arrow_bytes: bytes, config_json: str) -> list[str]:
    """The headers a table shows: a configured label, else the column's name."""
    config = json.loads(config_json) if config_json else {}
    labels = {
        key.removeprefix("name:") if key.startswith("name:") else key: value.get("label")
        for key, value in config.items()
        if isinstance(value, dict)
    }
    return [labels.get(name) or name for name in _columns(arrow_bytes)]


def listen(page: Page) -> Received:
    """Collect what ``page`` receives from now on (call before ``goto``)."""
    received = Received()

    def on_frame(payload: bytes | str) -> None:
        if isinstance(payload, str):
            return
        message = ForwardMsg.FromString(payload)
        if not message.HasField("delta") or not message.delta.HasField("new_element"):
            return
        element = message.delta.new_element
        kind = element.WhichOneof("type")
        place = tuple(message.metadata.delta_path)
        if kind == "vega_lite_chart":
            chart = element.vega_lite_chart
            spec = json.loads(chart.spec)
            spec["datasets"] = {d.name: _rows(d.data.data) for d in chart.datasets}
            received.by_place[place] = ("chart", spec)
        elif kind == "dataframe":
            shown = _headers(element.dataframe.arrow_data.data, element.dataframe.columns)
            received.by_place[place] = ("table", shown)
        elif kind == "table":
            received.by_place[place] = ("table", _columns(element.table.arrow_data.data))
        else:
            received.by_place.pop(place, None)  # something else drawn in that place now

    page.on("websocket", lambda socket: socket.on("framereceived", on_frame))
    return received


def parts(spec: dict) -> list[dict]:
    """Every single view of a (layered or concatenated) spec."""
    for key in ("layer", "hconcat", "vconcat", "concat"):
        if key in spec:
            return [view for part in spec[key] for view in parts(part)]
    return [spec.get("spec", spec)] if "facet" in spec else [spec]


def month_domains(spec: dict) -> list[object]:
    """The x scale domain of every view whose x axis is the month (``None`` where unset)."""
    found = []
    for view in parts(spec):
        x = view.get("encoding", {}).get("x", {})
        if x.get("field") == "month" and x.get("type") == "temporal":
            found.append(x.get("scale", {}).get("domain"))
    return found


def legends(spec: dict) -> list[dict]:
    """Every colour legend of the spec's views, with the labels its data gives it."""
    found = []
    for view in parts(spec):
        colour = view.get("encoding", {}).get("color", {})
        if colour.get("type") == "nominal" and colour.get("legend") is not None:
            found.append(colour)
    return found
