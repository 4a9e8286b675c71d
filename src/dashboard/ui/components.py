"""Small reusable pieces of the pages: headline tiles, charts with an empty branch, tables."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd
import streamlit as st

from dashboard import formatting
from dashboard.charts import palette
from dashboard.escaping import MARKDOWN_ESCAPES

if TYPE_CHECKING:
    from streamlit.elements.lib.column_types import ColumnConfig

TILES_PER_ROW = 3  # a tile's label is one line: more than 3 a row cut it at 1024 px


@dataclass(frozen=True)
class Tile:
    """One headline tile: ``label``, the figure ``now`` and, when there is one to compare with,
    ``before`` (30 days before); ``share``: a rate, shown as a percent with its change in
    points; ``help``: what it counts; ``worse_when_up``: a rise is bad news (overdue, stalled),
    shown in red."""

    label: str
    now: float | None
    before: float | None = None
    share: bool = False
    help: str = ""
    worse_when_up: bool = False


def _shown(tile: Tile) -> str:
    if isinstance(tile.now, float) and not tile.share:
        return f"{tile.now:.2f}"  # an index such as degree centralization
    return formatting.percent(tile.now) if tile.share else formatting.count(tile.now)


def tiles(items: list[Tile]) -> None:
    """Headline tiles, ``TILES_PER_ROW`` a row. A rise of a ``worse_when_up`` tile shows in
    red; no change is grey, with no arrow."""
    for first in range(0, len(items), TILES_PER_ROW):
        row = items[first : first + TILES_PER_ROW]
        for column, tile in zip(st.columns(TILES_PER_ROW), row, strict=False):
            delta = formatting.change(tile.now, tile.before, share=tile.share)
            still = delta == formatting.NO_CHANGE
            colour: Literal["off", "inverse", "normal"] = (
                "off" if still else ("inverse" if tile.worse_when_up else "normal")
            )
            column.metric(
                tile.label,
                _shown(tile),
                delta,
                delta_color=colour,
                help=tile.help,
                delta_arrow="off" if still else "auto",
            )


def chart(spec: dict | None, empty: bool, message: str) -> None:
    """Draw a Vega-Lite ``spec`` (``ui.figures.chart`` builds and caches it from an Altair chart),
    or say ``message`` in words when there is nothing to draw. The spec's ``description`` (what
    the chart shows and its latest values) is written under it: a chart is a canvas, and this is
    what a screen reader reads of it (WCAG 2.1, 1.1.1)."""
    if empty or spec is None:
        st.info(message)
        return
    if "autosize" not in spec and "facet" not in spec:
        # the window's width, and the chart's own height for its marks: a legend below adds to
        # it (Streamlit's default fits legend and marks into the height, and a long legend left
        # a chart with no room for its bars)
        spec = {**spec, "autosize": {"type": "fit-x", "contains": "padding"}}
    # a margin on the right: the last month's bar and line end short of the page's column edge
    spec = {**spec, "padding": spec.get("padding", {"left": 5, "top": 5, "bottom": 5, "right": 12})}
    description = spec.get("description") or None
    # the accessible name goes as ``alt`` (the browser applies it as the chart's description);
    # left in the spec as well, Streamlit logs a warning with a stack for every chart of every run
    drawn = {key: value for key, value in spec.items() if key != "description"}
    st.vega_lite_chart(drawn, width="stretch", alt=description)
    if description:
        st.caption(plain(description))


@contextmanager
def on_demand(label: str, key: str) -> Iterator[bool]:
    """An expander whose content is built and sent only once it is opened: ``with
    on_demand(label, key) as shown: if shown: ...``. A closed expander's content was sent and
    drawn all the same (a long table, a drawing): the browser did that work before the page
    settled, for what the viewer could not see. Opening it reruns the page (the figures are
    cached, so the rerun is quick); it stays open across reruns of the session."""
    box = st.expander(label, key=key, on_change="rerun")
    with box:
        yield bool(box.open)


SECTION_PARAM = "section"  # the URL's ``?section=Growth``: which of a page's sections is open


def sections(labels: Sequence[str]) -> dict[str, AbstractContextManager[bool]]:
    """A long page's sections as tabs, only the open one built and sent: ``with
    sections(labels)[label] as shown: if shown: ...`` (like ``on_demand``). The open section is
    in the URL (``?section=Growth``; none for the first), so a copied link opens the same
    section; a link to a label that is not one says so and opens the first.

    Why: Streamlit sends every element of a page and the browser draws it, seen or not. The
    Network page drew nine charts and four tables below its drawing, and the browser's work
    on them was most of a returning viewer's wait (demo, 2026-12-06: 3.2 s with every section,
    2.0 s with the first only, against 0.9–1.0 s for a bare Streamlit page)."""
    asked = st.query_params.get(SECTION_PARAM)
    if asked and asked not in labels:  # Streamlit drops it from the URL and opens the first
        listed = ", ".join(labels)
        st.warning(
            plain(f"The link's section '{asked}' is not one of {listed}: {labels[0]} is shown."),
            icon="🔗",
        )
    tabs = st.tabs(labels, key=SECTION_PARAM, bind="query-params")
    return {label: _entered(tab) for label, tab in zip(labels, tabs, strict=True)}


@contextmanager
def _entered(tab: Any) -> Iterator[bool]:
    with tab:
        yield bool(tab.open)


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame as a table shows it: headers in words, unknown text blank (not "None")."""
    return formatting.blank_unknown(frame).rename(columns=formatting.headers(frame.columns))


def table(
    frame: pd.DataFrame, empty_message: str, pinned: str | None = None, **options: Any
) -> None:
    """``st.dataframe`` with headers in words and unknown text blank; ``pinned``: the column
    (by its code name) that stays in view when the table scrolls sideways — whose row it is.
    ``column_config`` may name columns by their code names."""
    if frame.empty:
        st.info(empty_message)
        return
    config: dict[str, Any] = {
        formatting.header(k): v for k, v in dict(options.pop("column_config", {}) or {}).items()
    }
    if pinned is not None:
        name = formatting.header(pinned)
        config[name] = config.get(name) or st.column_config.Column(name)
        config[name]["pinned"] = True
    options.setdefault("width", "stretch")
    links = [
        name for name, c in config.items() if (c.get("type_config") or {}).get("type") == "link"
    ]
    shown = readable(frame)
    for name in links:  # a link column keeps its blanks: an empty address is no link
        shown[name] = frame[next(k for k in frame.columns if formatting.header(k) == name)]
    st.dataframe(shown, hide_index=True, column_config=config, **options)


def share_column(label: str, help_text: str | None = None) -> ColumnConfig:
    """A follow-through-like share drawn as a bar, in the whole percents shown everywhere
    (values from ``formatting.percent_column``); green: kept commitments' colour on every chart."""
    return st.column_config.ProgressColumn(
        label,
        format=formatting.PERCENT_PRINTF,
        min_value=0,
        max_value=100,
        color=palette.SHARE_BAR,
        help=help_text,
    )


def what_table(frame: pd.DataFrame, when: str, what: str, empty_message: str) -> None:
    """A list of things — commitments, wins — as a text table: the day (``when``) first, then
    ``what`` each row is, in full (the text wraps; a grid cuts it), then the rest."""
    if frame.empty:
        st.info(empty_message)
        return
    rest = [c for c in frame.columns if c not in (when, what)]
    text_table(dates_as_text(frame, when)[[when, what, *rest]].set_index(when))


LISTED = 15  # rows a long list shows at first, as many as the latest wins; the rest on demand


def long_what_table(
    frame: pd.DataFrame, when: str, what: str, empty_message: str, rest: str, key: str
) -> None:
    """``what_table`` of the first ``LISTED`` rows; a longer list's other rows in an expander
    labelled "The other N ``rest``" (``rest``: the singular noun; "s" makes it plural), sent
    when opened. Text tables are drawn whole, row by row:
    on 60 regional sheets the overdue commitments were a 280 KB table that took the browser
    seconds, before the page settled, mostly out of sight."""
    what_table(frame.head(LISTED), when, what, empty_message)
    others = len(frame) - LISTED
    if others > 0:
        with on_demand(f"The other {formatting.plural(others, rest)}", key) as shown:
            if shown:
                what_table(frame.iloc[LISTED:], when, what, empty_message)


def dates_as_text(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    out = frame.copy()
    for column in columns:
        out[column] = out[column].dt.strftime("%Y-%m-%d")
    return out


COLLABORATION_COLUMNS = {  # short headers, what they count in their help; widths in pixels
    "Wins": ("All wins dated up to the period's end", 52),
    "30 days": ("Wins in the 30 days up to the period's end", 56),
    "Follow-through": ("Of commitments due by the period's end (not dropped), the share done", 100),
    "Active": ("People who made, kept, won or met in the 30 days up to the period's end", 52),
    "Network": ("People in the network (with any activity) by the period's end", 62),
    "Stalled": ("Active projects untouched for 60 days", 52),
}
NAME_PX, SPARK_PX = 236, 64
SPARK_HEADER = "Trend"  # short: "Wins a month" was cut in the sparkline's 64 px at 1024 px
OVERVIEW_COLUMNS = ("30 days", "Follow-through", "Active", "Stalled")  # fit 1024 px with the rest
SHORT_HEADERS = {
    "Wins, last 30 days": "30 days",
    "Active people (30 days)": "Active",
    "Network (people)": "Network",
    "Stalled projects": "Stalled",
}


def collaboration_table(
    rows: pd.DataFrame, columns: tuple[str, ...] | None = None, sparkline: bool = True
) -> None:
    """One row per collaboration: its figures (``columns`` of ``COLLABORATION_COLUMNS``; all by
    default), follow-through as a bar and wins per month as a sparkline. Narrow columns with
    short headers (their help says what they count) and the name pinned: the Overview's four
    figures, the name and the sparkline fit the 565 px a 1024 px window leaves beside the
    sidebar (all seven figures scroll sideways there, the name staying in view)."""
    if rows.empty:
        st.info("No collaborations are named in the workbook yet.")
        return
    chosen = list(columns or COLLABORATION_COLUMNS)
    spark = ["Wins per month"] if sparkline else []
    shown = rows.rename(columns=SHORT_HEADERS)[["Collaboration", *chosen, *spark]]
    if "Follow-through" in chosen:
        shown["Follow-through"] = formatting.percent_column(shown["Follow-through"])
    config: dict[str, ColumnConfig] = {
        "Collaboration": st.column_config.TextColumn("Collaboration", pinned=True, width=NAME_PX),
        "Wins per month": st.column_config.LineChartColumn(
            SPARK_HEADER,
            y_min=0,
            width=SPARK_PX,
            color=palette.SPARKLINE,
            help="Wins per month, the last 12 months of the period",
        ),
    }
    for name in chosen:
        help_text, width = COLLABORATION_COLUMNS[name]
        config[name] = (
            share_column(name, help_text)
            if name == "Follow-through"
            else st.column_config.NumberColumn(name, help=help_text)
        )
        config[name]["width"] = width
    st.dataframe(shown, hide_index=True, width="stretch", column_config=config)


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


# a day written 2026-10-29 wrapped in a narrow table cell as "2026-10-" / "29": a word joiner
# (U+2060, invisible, not read aloud) after each hyphen forbids the break
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
WORD_JOINER = "\u2060"


def unbroken(text: str) -> str:
    """``text`` with every YYYY-MM-DD day in it kept on one line."""
    return DAY.sub(lambda day: day.group().replace("-", "-" + WORD_JOINER), text)


def _plain_cell(value: object) -> object:
    return plain(unbroken(value)) if isinstance(value, str) else value


def text_table(frame: pd.DataFrame) -> None:
    """``st.table``, which renders Markdown in every cell, header and index, with the text escaped
    by ``plain`` (numbers and blanks as they are)."""
    shown = readable(frame).map(_plain_cell)
    shown.index = shown.index.map(_plain_cell)
    shown.index.name = _plain_cell(
        formatting.header(frame.index.name) if frame.index.name else None
    )
    shown.columns = shown.columns.map(_plain_cell)
    st.table(shown)
