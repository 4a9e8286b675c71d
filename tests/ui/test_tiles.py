"""Headline tiles (``components.Tile``): what each shows, and which rise is shown in red."""

from __future__ import annotations

from streamlit.proto.Metric_pb2 import Metric
from streamlit.testing.v1 import AppTest


def _tiles_app() -> None:
    from dashboard.ui.components import Tile, tiles

    tiles(
        [
            Tile("Overdue commitments", 5, before=3, worse_when_up=True),
            Tile("Wins, last 30 days", 5, before=3),
            Tile("Stalled projects", 1, before=4, worse_when_up=True),
            Tile("Links", 2, before=2),
            Tile("Follow-through", 0.5, before=0.25, share=True),
            Tile("Degree centralization", 0.3125, help="0 for a mesh, 1 for a hub"),
        ]
    )


def test_tiles_show_each_figure_its_change_and_red_only_for_a_worse_rise():
    app = AppTest.from_function(_tiles_app).run()
    shown = {m.label: (m.value, m.delta, m.proto.color) for m in app.metric}
    assert shown == {
        "Overdue commitments": ("5", "+2", Metric.MetricColor.RED),  # worse when up: red
        "Wins, last 30 days": ("5", "+2", Metric.MetricColor.GREEN),
        "Stalled projects": ("1", "-3", Metric.MetricColor.GREEN),  # worse when up, fell: good
        "Links": ("2", "no change", Metric.MetricColor.GRAY),
        "Follow-through": ("50%", "+25 pts", Metric.MetricColor.GREEN),
        "Degree centralization": ("0.31", "", Metric.MetricColor.GRAY),  # nothing to compare
    }
    assert app.metric[5].help == "0 for a mesh, 1 for a hub"
