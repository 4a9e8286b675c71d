"""The Network page's export: download buttons for GraphML, GEXF and Kumu's XLSX.

The files are built from the viewer's own dataset — for a funder, the pseudonymised one
(``ui.access``), so a file never names more than the page does — and only when a button is
clicked (Streamlit runs the callable then, in a thread), so the page itself stays fast however
large the network.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from dashboard.reports.network_export import FORMATS, MIME, XLSX_MAX_ROWS, export_bytes
from dashboard.ui.page import View

NODE_CHOICES = {"people": "people", "organizations": "organizations"}
# Above this many links a file is not built on the server (networkx holds the whole graph: about
# 1.5 GB and half a minute for a million links); the command line builds it on one's own machine.
PAGE_MAX_LINKS = XLSX_MAX_ROWS


def _maker(view: View, nodes: str, suffix: str) -> Callable[[], bytes]:
    return lambda: export_bytes(view.records, view.all_records.people, view.as_of, nodes, suffix)


def show(view: View, links: dict[str, int]) -> None:
    """Pick people or organizations as nodes, then a format; ``links`` counts the connections of
    each (beyond what the page builds — and an XLSX holds —, the command line is the way)."""
    nodes = st.radio("Nodes", list(NODE_CHOICES), horizontal=True, key="export_nodes")
    stem = f"network-{nodes}-{view.as_of:%Y-%m-%d}"
    if links[nodes] > PAGE_MAX_LINKS:
        st.info(
            f"{links[nodes]:,} links are too many to build here: export them from the command "
            f"line, `smallwins network SOURCE --as-of {view.as_of:%Y-%m-%d} --nodes {nodes} "
            '--out network.graphml` (docs/operating.md, "Exporting the network").'
        )
        return
    for column, suffix in zip(st.columns(len(FORMATS)), FORMATS, strict=True):
        column.download_button(
            f"Download {suffix[1:].upper()}",
            _maker(view, nodes, suffix),
            file_name=f"{stem}{suffix}",
            mime=MIME[suffix],
            on_click="ignore",
            key=f"export{suffix}",
        )
