"""Small reusable pieces of the pages: headline tiles, charts with an empty branch, tables."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from dashboard.escaping import MARKDOWN_ESCAPES


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


def chart(spec: dict | None, empty: bool, message: str) -> None:
    """Draw a Vega-Lite ``spec`` (``ui.figures.chart`` builds and caches it from an Altair chart),
    or say ``message`` in words when there is nothing to draw."""
    if empty or spec is None:
        st.info(message)
        return
    st.vega_lite_chart(spec, width="stretch")


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


# Every ASCII character Markdown or HTML gives a meaning to, backslash-escaped (one rule for the
# pages and the agenda's Markdown file: ``dashboard.escaping``).
_ESCAPES = dict(MARKDOWN_ESCAPES)
# `:` as a character reference: Streamlit finds `:red[..]` directives, `:material/..:` icons and
# `:smile:` emoji in the raw text, where `\:` does not stop them (seen in Streamlit 1.67).
_ESCAPES[":"] = "&#58;"
_MARKDOWN = str.maketrans(_ESCAPES)
# `:streamlit:` and `:material_x:` are replaced in the rendered text itself: an invisible word
# joiner after the colon keeps them as typed.
_REPLACED_IN_TEXT = re.compile(r"&#58;(?=streamlit&#58;|material\\_)")


def plain(text: object) -> str:
    """Text from a sheet or the configuration, escaped so that Streamlit's Markdown (in
    ``st.markdown``, captions, alerts, headers, labels and ``st.table`` cells) shows it as typed:
    never as HTML, a link, formatting, maths, a colour, an icon or an emoji. (Web addresses typed
    as such stay links whose text is the address, and Streamlit still draws ``->`` as an arrow.)"""
    return _REPLACED_IN_TEXT.sub("&#58;&#8288;", str(text).translate(_MARKDOWN))


def _plain_cell(value: object) -> object:
    return plain(value) if isinstance(value, str) else value


def text_table(frame: pd.DataFrame) -> None:
    """``st.table``, which renders Markdown in every cell, header and index, with the text escaped
    by ``plain`` (numbers and blanks as they are)."""
    shown = frame.map(_plain_cell)
    shown.index = shown.index.map(_plain_cell)
    shown.index.name = _plain_cell(frame.index.name)
    shown.columns = shown.columns.map(_plain_cell)
    st.table(shown)
