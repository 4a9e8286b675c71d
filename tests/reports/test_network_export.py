"""The network as files (GraphML, GEXF, Kumu's XLSX), opened back with networkx and openpyxl, from
a workbook worked out by hand; and the ``network`` command, anonymised unless names are allowed.

D = 2024-06-30. People (organization, sector, home collaboration):
  Ann Lee ann@x.org (Acme, business, North)     Bo Chen (ACME — the same organization, business)
  Cy Diaz (State U, education, South)           Di Eng (County, government, South)
  Ann Lee ann2@y.org (Beta, nonprofit, North) — a second person of the same name
  Eve Fox — not on People; named alone on a win, so active but linked to nobody
Wins: 06-01 Ann, Bo · 06-05 Bo, Cy · 06-10 Cy, Di, Ann (2) · 06-20 Ann, Bo again · 06-25 Eve
Links (strength, first): Ann–Bo (2, 06-01), Bo–Cy (1, 06-05), Cy–Di, Cy–Ann (2), Di–Ann (2)
  (1 each, 06-10)
"""

from __future__ import annotations

import subprocess
import sys

import networkx as nx
import pytest
from openpyxl import load_workbook

from dashboard.privacy import anonymised
from dashboard.reports.network_export import network_tables, write_network
from dashboard.sources.local import write_xlsx
from tests.fixtures import dataset_of

D = "2024-06-30"
NAMES = ["ann lee", "bo chen", "cy diaz", "di eng", "eve fox", "ann@x.org", "ann2@y.org"]


def sheets() -> dict:
    return {
        "People": [
            ["Name", "Email", "Organization", "Sector", "Collaboration"],
            ["Ann Lee", "ann@x.org", "Acme", "business", "North"],
            ["Bo Chen", "", "ACME", "business", "North"],
            ["Cy Diaz", "", "State U", "education", "South"],
            ["Di Eng", "", "County", "government", "South"],
            ["Ann Lee", "ann2@y.org", "Beta", "nonprofit", "North"],
        ],
        "Projects": [["Project"]],
        "Commitments": [["Person", "Project", "Made"]],
        "Wins": [
            ["Date", "Win", "People"],
            ["2024-06-01", "Kick-off", "ann@x.org, Bo Chen"],
            ["2024-06-05", "Site visit", "Bo Chen, Cy Diaz"],
            ["2024-06-10", "Grant", "Cy Diaz, Di Eng, ann2@y.org"],
            ["2024-06-20", "Second visit", "ann@x.org, Bo Chen"],
            ["2024-06-25", "Poster", "Eve Fox"],
        ],
    }


@pytest.fixture(scope="module")
def dataset():
    return dataset_of(sheets())


# Elements with people as nodes: (Label, Organization, Sector, Collaboration, Links, First link)
PEOPLE = {
    ("Ann Lee", "Acme", "business", "North", 1, "2024-06-01"),
    ("Bo Chen", "ACME", "business", "North", 2, "2024-06-01"),
    ("Cy Diaz", "State U", "education", "South", 3, "2024-06-05"),
    ("Di Eng", "County", "government", "South", 2, "2024-06-10"),
    ("Ann Lee (2)", "Beta", "nonprofit", "North", 2, "2024-06-10"),
    ("Eve Fox", "", "", "", 0, ""),
}
LINKS = {
    frozenset(("Ann Lee", "Bo Chen")): (2, "2024-06-01"),
    frozenset(("Bo Chen", "Cy Diaz")): (1, "2024-06-05"),
    frozenset(("Cy Diaz", "Di Eng")): (1, "2024-06-10"),
    frozenset(("Cy Diaz", "Ann Lee (2)")): (1, "2024-06-10"),
    frozenset(("Di Eng", "Ann Lee (2)")): (1, "2024-06-10"),
}
# Organizations: Acme (Ann, Bo) links State U (Bo–Cy, 06-05); State U–County (Cy–Di),
# State U–Beta (Cy–Ann 2), County–Beta (Di–Ann 2), 06-10; Ann–Bo stay inside Acme.
ORGANIZATIONS = {
    ("Acme", "business", "North", 1, "2024-06-05"),
    ("State U", "education", "South", 3, "2024-06-05"),
    ("County", "government", "South", 2, "2024-06-10"),
    ("Beta", "nonprofit", "North", 2, "2024-06-10"),
}


def test_people_tables(dataset):
    elements, connections = network_tables(dataset, dataset.people, D)
    assert list(elements.columns[:2]) == ["Label", "Type"]
    assert list(connections.columns[:2]) == ["From", "To"]
    rows = elements[["Label", "Organization", "Sector", "Collaboration", "Links", "First link"]]
    assert set(rows.itertuples(index=False, name=None)) == PEOPLE
    found = {
        frozenset((r.From, r.To)): (r.Strength, r[4]) for r in connections.itertuples(index=False)
    }
    assert found == LINKS


def test_organization_tables(dataset):
    elements, connections = network_tables(dataset, dataset.people, D, nodes="organizations")
    rows = elements[["Label", "Sector", "Collaboration", "Links", "First link"]]
    assert set(rows.itertuples(index=False, name=None)) == ORGANIZATIONS
    pairs = {frozenset((r.From, r.To)): r.Strength for r in connections.itertuples(index=False)}
    expected = [("Acme", "State U"), ("State U", "County"), ("State U", "Beta"), ("County", "Beta")]
    assert pairs == {frozenset(p): 1 for p in expected}


@pytest.mark.parametrize("suffix, read", [(".graphml", nx.read_graphml), (".gexf", nx.read_gexf)])
def test_graph_files_open_in_networkx(dataset, tmp_path, suffix, read):
    g = read(write_network(dataset, dataset.people, D, "people", tmp_path / f"n{suffix}"))
    assert set(g.nodes) == {row[0] for row in PEOPLE}
    assert g.nodes["Cy Diaz"]["organization"] == "State U"
    assert g.nodes["Cy Diaz"]["sector"] == "education"
    assert int(g.nodes["Cy Diaz"]["links"]) == 3
    assert g.nodes["Eve Fox"]["first_link"] == ""  # an isolated person is a node too
    assert {frozenset(e) for e in g.edges} == set(LINKS)
    assert float(g.edges["Ann Lee", "Bo Chen"]["weight"]) == 2
    assert g.edges["Ann Lee", "Bo Chen"]["first_shared_event"] == "2024-06-01"


def test_kumu_workbook(dataset, tmp_path):
    path = write_network(dataset, dataset.people, D, "organizations", tmp_path / "kumu.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Elements", "Connections"]
    elements = list(book["Elements"].iter_rows(values_only=True))
    assert elements[0] == (
        "Label",
        "Type",
        "Organization",
        "Sector",
        "Collaboration",
        "Links",
        "First link",
    )
    assert {(r[0], r[3], r[4], r[5], r[6]) for r in elements[1:]} == ORGANIZATIONS
    connections = list(book["Connections"].iter_rows(values_only=True))
    assert connections[0][:2] == ("From", "To")
    assert len(connections) == 1 + 4


def test_anonymised_files_name_nobody(dataset, tmp_path):
    view = anonymised(dataset)
    for suffix in (".graphml", ".gexf", ".xlsx"):
        path = write_network(view, view.people, D, "people", tmp_path / f"a{suffix}")
        if suffix == ".xlsx":
            book = load_workbook(path)
            text = " ".join(
                str(c) for s in book.worksheets for r in s.iter_rows(values_only=True) for c in r
            )
        else:
            text = path.read_text(encoding="utf-8")
        assert [n for n in NAMES if n in text.casefold()] == [], suffix
        assert text.count("Person ") >= 6, suffix  # the six people, by pseudonym


def test_a_name_that_looks_like_a_formula_stays_text(tmp_path):
    book = sheets()
    book["People"].append(["=HYPERLINK(1)", "", "Acme", "business", ""])
    book["Wins"].append(["2024-06-26", "Call", "=HYPERLINK(1), Bo Chen"])
    data = dataset_of(book)
    path = write_network(data, data.people, D, "people", tmp_path / "f.xlsx")
    cells = [c for r in load_workbook(path)["Elements"].iter_rows() for c in r]
    formula = [c for c in cells if str(c.value).startswith("=")]
    assert formula and all(c.data_type == "s" for c in formula)


def test_unknown_extension_and_nodes(dataset, tmp_path):
    with pytest.raises(ValueError, match="graphml"):
        write_network(dataset, dataset.people, D, "people", tmp_path / "n.csv")
    with pytest.raises(ValueError, match="people or organizations"):
        network_tables(dataset, dataset.people, D, nodes="projects")


def _cli(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_network_command_anonymises_unless_names_are_allowed(tmp_path):
    workbook = tmp_path / "team.xlsx"
    write_xlsx(workbook, sheets())
    out = tmp_path / "out" / "team.graphml"
    done = _cli("network", workbook, "--as-of", D, "--out", out, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    g = nx.read_graphml(out)
    assert len(g) == 6 and all(str(n).startswith("Person ") for n in g.nodes)
    config = tmp_path / "smallwins.toml"
    config.write_text(f'[[sources]]\nlocation = "{workbook}"\n\n[reports]\nshow_names = true\n')
    named = tmp_path / "named.gexf"
    done = _cli("network", config, "--as-of", D, "--out", named, "--nodes", "people", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Cy Diaz" in nx.read_gexf(named).nodes
    wrong = _cli("network", workbook, "--as-of", D, "--out", tmp_path / "n.pdf", cwd=tmp_path)
    assert wrong.returncode == 1 and ".graphml" in wrong.stderr
