"""The collaboration graph as files for network tools: GraphML and GEXF (Gephi, Cytoscape; written
by networkx) and an ``.xlsx`` in Kumu's import format — an *Elements* sheet whose first column is
``Label`` and a *Connections* sheet whose first two are ``From`` and ``To``.

People (or organizations) are the nodes, with sector, collaboration, links and the date of their
first link; each connection carries its strength (shared events) and first shared event. Nodes
are named by the dataset given: pass a funder's view (``privacy.anonymised``) and people are
"Person K7Q2M", exactly as on the pages. No email or free text is ever written.
"""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from dashboard.clean.names import keys
from dashboard.dataset import Dataset
from dashboard.metrics.connectors import organizations, person_links
from dashboard.metrics.drawing import most_common
from dashboard.metrics.introductions import edges as org_edges
from dashboard.metrics.network import edge_table, person_codes
from dashboard.metrics.scope import scope

NODES = ("people", "organizations")
FORMATS = (".graphml", ".gexf", ".xlsx")
MIME = {
    ".graphml": "application/xml",
    ".gexf": "application/xml",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
XLSX_MAX_ROWS = 1_048_575  # Excel's rows per sheet, less the header
ELEMENT_COLUMNS = [
    "Label",
    "Type",
    "Organization",
    "Sector",
    "Collaboration",
    "Links",
    "First link",
]
CONNECTION_COLUMNS = ["From", "To", "Type", "Strength", "First shared event"]


def _unique(labels: pd.Series) -> pd.Series:
    """Labels made unique (Kumu matches connections to elements by label): a second "Ann Lee"
    becomes "Ann Lee (2)"."""
    labels = labels.fillna("").astype(str).str.strip()
    labels = labels.where(labels != "", "(no name)")
    number = labels.groupby(labels).cumcount() + 1
    return labels.where(number == 1, labels + " (" + number.astype(str) + ")")


def _dates(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values).dt.strftime("%Y-%m-%d").fillna("")


def _people_tables(dataset: Dataset, people: pd.DataFrame, as_of) -> tuple:
    s = scope(dataset, as_of)
    table = edge_table(s)
    links = person_links(dataset, as_of)
    info = people.drop_duplicates("person").set_index("person").reindex(links["person"])
    ends = np.concatenate([table["a"].to_numpy(), table["b"].to_numpy()])
    firsts = pd.Series(np.concatenate([table["first_seen"].to_numpy()] * 2)).groupby(ends).min()
    codes = person_codes(s)
    codes = codes[~codes.index.duplicated()]
    elements = pd.DataFrame(
        {
            "Label": _unique(info["name"].fillna(links["person"].set_axis(info.index))).to_numpy(),
            "Type": "Person",
            "Organization": info["organization"].fillna("").to_numpy(),
            "Sector": info["sector"].fillna("").to_numpy(),
            "Collaboration": info["collaboration"].fillna("").to_numpy(),
            "Links": links["links"].to_numpy(),
            "First link": _dates(
                firsts.reindex(codes.reindex(links["person"]).to_numpy())
            ).to_numpy(),
        }
    )
    label_of = pd.Series(elements["Label"].to_numpy(), index=codes.reindex(links["person"]))
    connections = pd.DataFrame(
        {
            "From": label_of.reindex(table["a"]).to_numpy(),
            "To": label_of.reindex(table["b"]).to_numpy(),
            "Type": "worked together",
            "Strength": table["weight"].to_numpy(),
            "First shared event": _dates(table["first_seen"]).to_numpy(),
        }
    )
    return elements, connections


def _organization_tables(dataset: Dataset, people: pd.DataFrame, as_of) -> tuple:
    table = org_edges(dataset, as_of, nodes="organizations")
    active = organizations(dataset, as_of)
    names = active["organization"]
    ends = keys(pd.concat([table["a"], table["b"]])).to_numpy()  # spellings differ: by key
    firsts = pd.concat([table["first_seen"]] * 2).groupby(ends).min()
    sector, collaboration = (most_common(people, c) for c in ("sector", "collaboration"))
    key = keys(names)
    elements = pd.DataFrame(
        {
            "Label": _unique(names).to_numpy(),
            "Type": "Organization",
            "Organization": names.to_numpy(),
            "Sector": sector.reindex(key).fillna("").to_numpy(),
            "Collaboration": collaboration.reindex(key).fillna("").to_numpy(),
            "Links": active["links_to_organizations"].to_numpy(),
            "First link": _dates(firsts.reindex(key.to_numpy())).to_numpy(),
        }
    )
    label_of = pd.Series(elements["Label"].to_numpy(), index=key.to_numpy())
    connections = pd.DataFrame(
        {
            "From": label_of.reindex(keys(table["a"]).to_numpy()).to_numpy(),
            "To": label_of.reindex(keys(table["b"]).to_numpy()).to_numpy(),
            "Type": "people linked",
            "Strength": table["weight"].to_numpy(),
            "First shared event": _dates(table["first_seen"]).to_numpy(),
        }
    ).dropna(subset=["From", "To"])
    return elements, connections


def network_tables(
    dataset: Dataset,
    people: pd.DataFrame,
    as_of,
    nodes: str = "people",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(Elements, Connections) as Kumu reads them. ``people`` names the nodes (the whole People
    table of the same view, whatever the filters)."""
    if nodes not in NODES:
        raise ValueError(f"nodes are people or organizations, not {nodes!r}")
    if nodes == "people":
        return _people_tables(dataset, people, as_of)
    return _organization_tables(dataset, people, as_of)


ATTRIBUTES = {
    "Label": "label",
    "Type": "type",
    "Organization": "organization",
    "Sector": "sector",
    "Collaboration": "collaboration",
    "Links": "links",
    "First link": "first_link",
}


def graph(elements: pd.DataFrame, connections: pd.DataFrame) -> nx.Graph:
    """The tables as a networkx graph: nodes by label, with their attributes (blank text where
    unknown: GraphML and GEXF have no null)."""
    edges = connections.rename(
        columns={"Strength": "weight", "First shared event": "first_shared_event"}
    )
    g = nx.from_pandas_edgelist(edges, "From", "To", edge_attr=["weight", "first_shared_event"])
    g.add_nodes_from(elements["Label"])
    attributes = elements.rename(columns=ATTRIBUTES).set_index("label", drop=False)
    nx.set_node_attributes(g, attributes.astype(object).to_dict("index"))
    return g


def _cells(sheet, frame: pd.DataFrame):
    """The rows of ``frame`` for a write-only sheet; text that would start a formula (``=``) is
    written as text (a name typed as "=…" never runs)."""
    for row in frame.astype(object).to_numpy().tolist():
        yield [_text(sheet, v) if isinstance(v, str) and v.startswith("=") else v for v in row]


def _text(sheet, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


def _kumu_xlsx(elements: pd.DataFrame, connections: pd.DataFrame, target: io.BytesIO) -> None:
    if max(len(elements), len(connections)) > XLSX_MAX_ROWS:
        raise ValueError(
            f"{len(connections):,} connections do not fit in one Excel sheet "
            f"({XLSX_MAX_ROWS:,} rows): export .graphml or .gexf instead"
        )
    book = Workbook(write_only=True)
    for title, frame in (("Elements", elements), ("Connections", connections)):
        sheet = book.create_sheet(title)
        sheet.append(list(frame.columns))
        for row in _cells(sheet, frame):
            sheet.append(row)
    book.save(target)


def to_bytes(elements: pd.DataFrame, connections: pd.DataFrame, suffix: str) -> bytes:
    """The file's bytes for ``suffix`` (.graphml, .gexf or .xlsx)."""
    out = io.BytesIO()
    if suffix == ".graphml":
        nx.write_graphml(graph(elements, connections), out)
    elif suffix == ".gexf":
        nx.write_gexf(graph(elements, connections), out)
    elif suffix == ".xlsx":
        _kumu_xlsx(elements, connections, out)
    else:
        raise ValueError(f"cannot write {suffix or 'that'}: use {', '.join(FORMATS)}")
    return out.getvalue()


def export_bytes(dataset: Dataset, people: pd.DataFrame, as_of, nodes: str, suffix: str) -> bytes:
    """The network of ``dataset`` as of D, people or organizations as nodes, as a file."""
    if suffix not in FORMATS:
        raise ValueError(f"cannot write {suffix or 'that'}: use {', '.join(FORMATS)}")
    return to_bytes(*network_tables(dataset, people, as_of, nodes), suffix)


def write_network(dataset: Dataset, people: pd.DataFrame, as_of, nodes: str, path) -> Path:
    """Write the file named ``path`` (its extension picks the format)."""
    target = Path(path)
    content = export_bytes(dataset, people, as_of, nodes, target.suffix.lower())
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return target
