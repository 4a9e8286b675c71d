"""Property test (issue 21): any text — any Unicode code point, control characters, U+FFFE,
lone surrogates, format characters included — in any cell gives exports that parse and funder
views that hold no known name.

Each example is a workbook whose every cell of every tab may be any text, plus rows that name
known people (names made of letters of any script) inside hostile text: the name with random
text around it, joined by underscores or digits, with zero-width characters inside. It is
cleaned as a source is (``clean``), then:

- the network of people and of organizations, with names and as a funder sees it, is written
  as GraphML and GEXF (read back by networkx) and as Kumu's XLSX (read back by openpyxl);
- the funder's view (``privacy.anonymised``: what every page receives) is searched for every
  known name, as the masker would find it — each word of the name bounded by non-letters, in a
  text folded by ``folding.for_finding`` (the same folding the masker uses; a name in a script
  written without spaces is searched anywhere).
"""

from __future__ import annotations

import datetime as dt
import io
import re

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from dashboard.folding import for_finding
from dashboard.privacy import anonymised
from dashboard.privacy.masking import MASK
from dashboard.reports.network_export import network_tables, to_bytes
from tests.fixtures import dataset_of

SECRET = "a property-test secret of more than 32 bytes"
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=12)  # surrogates included
LETTERS = st.characters(categories=["Lu", "Ll", "Lo"])
OUR_WORDS = {"person", "someone", "hidden", "unassigned"}  # what the funder view itself writes


def _bare(text: str) -> str:
    return for_finding(text)[0].casefold()


NAME_PART = st.text(LETTERS, min_size=4, max_size=7).filter(
    lambda p: len(_bare(p)) == len(p) and _bare(p).isalpha() and _bare(p) not in OUR_WORDS
)
NAMES = st.lists(
    st.tuples(NAME_PART, NAME_PART).map(" ".join),
    min_size=2,
    max_size=4,
    unique_by=lambda n: _bare(n),
)
JOINERS = st.sampled_from([" ", "_", "2024", ".", "\u200b", "-", ""])


@st.composite
def workbooks(draw) -> tuple[dict[str, list[list[object]]], list[str]]:
    names = draw(NAMES)

    def hostile(name: str) -> str:
        left, right = draw(ANY_TEXT), draw(ANY_TEXT)
        joiner = draw(JOINERS)
        first, last = name.split(" ")
        inner = draw(st.sampled_from(["", "\u200b", "\u00ad"]))
        written = first[:2] + inner + first[2:] + (" " if joiner in ("", "\u200b") else joiner)
        return f"{left} {written}{last} {right}"

    def junk_rows(width: int) -> list[list[object]]:
        rows = draw(st.lists(st.lists(ANY_TEXT, min_size=width, max_size=width), max_size=3))
        return [list(row) for row in rows]

    people = [[n, "", draw(ANY_TEXT), "business", "River Valley"] for n in names]
    sheets = {
        "Collaborations": [["Collaboration"], ["River Valley"], *junk_rows(1)],
        "People": [
            ["Name", "Email", "Organization", "Sector", "Collaboration"],
            *people,
            *junk_rows(5),
        ],
        "Projects": [["Project", "Collaboration"], ["Garden", "River Valley"], *junk_rows(2)],
        "Commitments": [
            ["Person", "Project", "Commitment", "Made", "Status"],
            *[[n, "Garden", hostile(n), "2024-03-01", "open"] for n in names],
            *junk_rows(5),
        ],
        "Wins": [
            ["Date", "Win", "Project", "People", "Evidence", "Category"],
            *[
                [f"2024-03-{day:02d}", hostile(n), "Garden", ", ".join(names), hostile(n), ""]
                for day, n in enumerate(names, start=2)
            ],
            *[[f"2024-03-1{i}", *row] for i, row in enumerate(junk_rows(5))],
        ],
        "Meetings": [["Date", "Project", "Attendees"], *junk_rows(3)],
    }
    return sheets, names


def _parses(elements, connections) -> None:
    for suffix in (".graphml", ".gexf", ".xlsx"):
        data = to_bytes(elements, connections, suffix)
        if suffix == ".graphml":
            assert len(nx.read_graphml(io.BytesIO(data))) == len(elements)
        elif suffix == ".gexf":
            assert len(nx.read_gexf(io.BytesIO(data))) == len(elements)
        else:
            book = load_workbook(io.BytesIO(data), read_only=True)
            assert sum(1 for _ in book["Elements"].iter_rows(min_row=2)) == len(elements)


def _found(name: str, text: str) -> bool:
    """Whether ``name`` is in ``text`` as the masker finds names (its words bounded by
    non-letters, any run of spaces, underscores, dots or hyphens between them)."""
    words = [re.escape(w) for w in _bare(name).split(" ")]
    pattern = r"[\s_.\-]+".join(words)
    return re.search(rf"(?<![^\W\d_]){pattern}(?![^\W\d_])", text, re.IGNORECASE) is not None


@settings(
    max_examples=15,  # each example cleans a workbook and writes twelve exports
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(workbooks())
def test_any_text_gives_parsable_exports_and_no_name_to_a_funder(example):
    sheets, names = example
    full = dataset_of(sheets)
    as_of = dt.date(2024, 12, 31)
    funder = anonymised(full, SECRET)
    for view in (full, funder):
        for nodes in ("people", "organizations"):
            _parses(*network_tables(view, view.people, as_of, nodes))
    texts = [t.astype("string").to_csv() for t in (*funder.tables().values(), funder.problems)]
    texts += [repr(source) for source in funder.sources]
    for nodes in ("people", "organizations"):
        texts += [t.to_csv() for t in network_tables(funder, funder.people, as_of, nodes)]
    shown = for_finding("\n".join(texts))[0]
    assert not [name for name in names if _found(name, shown)], names
    assert MASK in shown  # the names were there to be masked
