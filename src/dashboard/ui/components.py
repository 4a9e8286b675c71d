"""Small reusable pieces of the pages: headline tiles, charts with an empty branch, tables."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st


def _delta(now: object, before: object, percent: bool) -> str | None:
    if now is None or before is None:
        return None
    change = float(now) - float(before)  # type: ignore[arg-type]
    if percent:
        return f"{change * 100:+.1f} pts"
    return f"{change:+,.0f}"


def tiles(items: list[tuple[str, object, object, bool, str]], worse_up: tuple = ()) -> None:
    """Headline tiles: (label, value, value 30 days before, is a rate, help). Labels in
    ``worse_up`` (overdue, stalled) show a rise in red."""
    for column, (label, value, before, percent, help_text) in zip(
        st.columns(len(items)), items, strict=True
    ):
        shown = "–" if value is None else (f"{value:.0%}" if percent else f"{value:,}")
        colour = "inverse" if label in worse_up else "normal"
        column.metric(
            label, shown, _delta(value, before, percent), delta_color=colour, help=help_text
        )


def chart(spec: alt.Chart | None, empty: bool, message: str) -> None:
    """Draw ``spec``, or say ``message`` in words when there is nothing to draw."""
    if empty or spec is None:
        st.info(message)
        return
    st.altair_chart(spec, width="stretch")


def table(frame: pd.DataFrame, empty_message: str, **options: object) -> None:
    if frame.empty:
        st.info(empty_message)
        return
    st.dataframe(frame, hide_index=True, width="stretch", **options)


def dates_as_text(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    out = frame.copy()
    for column in columns:
        out[column] = out[column].dt.strftime("%Y-%m-%d")
    return out


def collaboration_table(rows: pd.DataFrame) -> None:
    """One row per collaboration, follow-through as a bar and wins per month as a sparkline."""
    table(
        rows,
        "No collaborations are named in the workbook yet.",
        column_config={
            "Follow-through": st.column_config.ProgressColumn(
                "Follow-through", format="percent", min_value=0, max_value=1
            ),
            "Wins per month": st.column_config.LineChartColumn("Wins per month (last 12)", y_min=0),
        },
    )


_MARKDOWN = str.maketrans({c: f"\\{c}" for c in "\\`*_{}[]()#+-.!|<>~$"})


def plain(text: str) -> str:
    """Text from a sheet, escaped so Markdown shows it as typed (never as links or HTML)."""
    return str(text).translate(_MARKDOWN)
