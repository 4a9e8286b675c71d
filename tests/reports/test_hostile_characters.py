"""Characters no spreadsheet or XML may hold, through the real path (issue 21, findings 11, 14).

A Google Sheet whose names and organizations hold control characters (``\\x01``, ``\\x02``),
U+FFFE, U+FFFF and a lone surrogate (escaped ``\\ud800`` in the batchGet JSON, which orjson
refuses and the standard library reads) is read through the real gspread client from the
double; ``smallwins network`` then writes GraphML, GEXF and Kumu's XLSX, which must read back
with networkx and openpyxl, and each changed cell is a problem ``unsupported characters``.
"""

from __future__ import annotations

import networkx as nx
import pytest
from openpyxl import load_workbook

from dashboard import cli
from dashboard.config import load_config
from dashboard.loader import load

KEY = "1HostileCharactersKeyAbcdefghijklmn"
SHEETS = {
    "Collaborations": [["Collaboration"], ["River\x02 Valley"]],
    "People": [
        ["Name", "Email", "Organization", "Sector", "Collaboration"],
        ["Ann\x01 Lee", "ann@lee.org", "Acme\ufffe Tools", "business", "River\x02 Valley"],
        ["Bo Chen\uffff", "", "County\ud800", "government", "River\x02 Valley"],
        ["Cy Diaz", "", "Diaz Farms", "business", "River\x02 Valley"],
    ],
    "Projects": [["Project", "Collaboration"], ["Garden\x0b", "River\x02 Valley"]],
    "Commitments": [
        ["Person", "Project", "Commitment", "Made", "Status"],
        ["Ann\x01 Lee", "Garden\x0b", "Dig\x1f", "2024-03-01", "open"],
    ],
    "Wins": [
        ["Date", "Win", "Project", "People"],
        ["2024-03-05", "Seeds\x00 in", "Garden\x0b", "Ann\x01 Lee, Bo Chen\uffff, Cy Diaz"],
    ],
}


@pytest.fixture
def config(tmp_path, google):
    google.add_spreadsheet(KEY, SHEETS, title="Hostile")
    path = tmp_path / "smallwins.toml"
    path.write_text(
        f'[[sources]]\nlocation = "{KEY}"\nname = "Hostile"\n\n[reports]\nshow_names = true\n'
    )
    return path


def test_the_sheet_loads_and_each_changed_cell_is_a_problem(config):
    dataset = load(load_config(config))
    assert not dataset.failed_sources
    assert sorted(dataset.people["name"]) == ["Ann Lee", "Bo Chen", "Cy Diaz"]
    assert set(dataset.people["organization"]) == {"Acme Tools", "County", "Diaz Farms"}
    changed = dataset.problems[dataset.problems["kind"] == "unsupported characters"]
    assert ("People", "organization", "County[U+D800]") in set(
        zip(changed["tab"], changed["column"], changed["value"], strict=True)
    )
    assert {"Ann[U+0001] Lee", "Seeds[U+0000] in"} <= set(changed["value"])


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".xlsx"])
@pytest.mark.parametrize("nodes", ["people", "organizations"])
def test_every_export_reads_back(config, tmp_path, suffix, nodes):
    out = tmp_path / f"network{suffix}"
    assert cli.main(["network", str(config), "--out", str(out), "--nodes", nodes]) == 0
    if suffix == ".graphml":
        labels = set(nx.read_graphml(out).nodes)
    elif suffix == ".gexf":
        labels = set(nx.read_gexf(out).nodes)
    else:
        book = load_workbook(out, read_only=True)
        labels = {row[0] for row in book["Elements"].iter_rows(min_row=2, values_only=True)}
    expected = {"Ann Lee", "Bo Chen", "Cy Diaz"} if nodes == "people" else {"Acme Tools"}
    assert expected <= labels
