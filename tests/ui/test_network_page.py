"""The Network page's new sections through AppTest, and its export as each role receives it: a
funder's files (GraphML, GEXF, Kumu XLSX; people or organizations as nodes) hold no personal name
or email of the demo workbook, while a coordinator's do. The files are made when a button is
clicked (a deferred download), so the callables the page hands Streamlit are caught and run.
"""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from streamlit.runtime.media_file_manager import MediaFileManager

from dashboard.ui.page import NETWORK_SECTIONS
from tests.ui.apptest import open_sections, open_view
from tests.ui.helpers import AUTH

PAGE = "pages/3_Network.py"


@pytest.fixture
def deferred(monkeypatch):
    """The callables the page registers for its download buttons, by file name."""
    made: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        made[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return made


def _text(name: str, content: bytes) -> str:
    if name.endswith(".xlsx"):
        book = load_workbook(io.BytesIO(content))
        return "\n".join(
            str(c) for s in book.worksheets for r in s.iter_rows(values_only=True) for c in r
        )
    return content.decode("utf-8")


def _files(email: str, deferred: dict) -> dict[str, str]:
    app = open_view(
        PAGE,
        "Export",
        {"to": "2026-10-31"},
        user={"is_logged_in": True, "email": email},
        secrets={"auth": AUTH},
    )
    (nodes,) = [r for r in app.radio if r.label == "Nodes"]
    nodes.set_value("organizations").run()
    assert not app.exception
    files = {name: _text(name, make()) for name, make in deferred.items()}
    assert len(files) == 6  # three formats, people and organizations
    return files


@pytest.mark.slow
def test_a_funders_export_names_nobody(roles, personal, deferred):
    files = _files("program.officer@foundation.org", deferred)
    for name, text in files.items():
        leaks = sorted({p.pattern for p in personal if p.search(text)})
        assert not leaks, name
    people = [text for name, text in files.items() if "people" in name]
    assert all(text.count("Person ") > 50 for text in people)  # 101 people, by pseudonym
    organizations = [text for name, text in files.items() if "organizations" in name]
    assert all("Harbor Arts Collective" in text for text in organizations)  # not personal


@pytest.mark.slow
def test_a_coordinators_export_has_the_names(roles, personal, deferred):
    files = _files("ana@region.org", deferred)
    people = next(text for name, text in files.items() if name.endswith("people-2026-10-31.gexf"))
    assert sum(bool(p.search(people)) for p in personal) > 20


def test_the_new_sections_are_on_the_page():
    apps = open_sections(PAGE, {"to": "2026-10-31", "from": "2026-06-01"})
    headings = [s.value for app in apps for s in app.subheader]
    for heading in (
        "Is the network weaving?",
        "Hub or mesh?",
        "Did the suggested introductions happen?",
        "Export the network",
    ):
        assert heading in headings
    app = apps[0]
    assert [t.label for t in app.tabs] == list(NETWORK_SECTIONS)
    labels = [m.label for m in app.metric]
    # words for funders: pairs are counted, and no "degree centralization" (issue 20, point 6)
    assert {"Organization pairs linked", "Introductions, 30 days"} <= set(labels)
    assert "Leadership concentration" in labels
    assert not [t for t in labels if "centralization" in t.lower()]
    introductions, export = apps[NETWORK_SECTIONS.index("Introductions")], apps[-1]
    follow = [c.value for c in introductions.caption if c.value.startswith("Of the ")]
    assert follow and "suggested on 31 May 2026" in follow[0]
    assert [b.proto.label for b in export.get("download_button")] == [
        "Download GRAPHML",
        "Download GEXF",
        "Download XLSX",
    ]


def test_a_network_too_large_to_build_here_points_to_the_command_line(monkeypatch):
    # the demo has 892 people links and 180 organization pairs: with room for 500, people are
    # refused and organizations offered
    from dashboard.ui import network_files

    monkeypatch.setattr(network_files, "PAGE_MAX_LINKS", 500)
    app = open_view(PAGE, "Export", {"to": "2026-10-31"})
    assert not app.get("download_button")
    assert any(
        "892 links are too many" in i.value and "smallwins network" in i.value for i in app.info
    )
    (nodes,) = [r for r in app.radio if r.label == "Nodes"]
    nodes.set_value("organizations").run()
    assert len(app.get("download_button")) == 3


def test_only_the_open_section_is_built_and_the_link_names_it():
    # a viewer opening the page gets the figures and the people's drawing, nothing below it
    first = open_view(PAGE, None, {"to": "2026-10-31"})
    assert [t.label for t in first.tabs] == list(NETWORK_SECTIONS)
    assert len(first.get("vega_lite_chart")) == 1 and not first.dataframe
    assert not first.subheader and "section" not in first.query_params
    # a link to a section opens it alone, and the URL keeps it
    hub = open_view(PAGE, "Hub or mesh", {"to": "2026-10-31"})
    assert [s.value for s in hub.subheader] == ["Hub or mesh?", "Where it would tear"]
    assert hub.query_params["section"] == "Hub or mesh"
    assert len(hub.get("vega_lite_chart")) == 1 and len(hub.dataframe) == 1
    # another section's link from there builds that one instead
    hub.query_params["section"] = "Introductions"
    hub.run()
    assert [s.value for s in hub.subheader] == [
        "Suggested introductions",
        "Did the suggested introductions happen?",
    ]
    # a link to a section that is not one says so and opens the first
    wrong = open_view(PAGE, "Rainbow", {"to": "2026-10-31"})
    (said,) = [w.value for w in wrong.warning]
    assert "section 'Rainbow' is not one of People, Organizations" in said
    assert len(wrong.get("vega_lite_chart")) == 1
