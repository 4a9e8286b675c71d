"""The documentation tested against the code (as datasette's tests/test_docs.py does): every key
``summary --json`` prints, every monthly column of the network's shape and every kind of problem
the loader reports is defined in docs/METRICS.md, and every problem kind is in the table of
docs/operating.md.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.config import Settings, SourceConfig
from dashboard.loader import load
from dashboard.metrics.series import SERIES_COLUMNS
from dashboard.metrics.shape_series import SHAPE_COLUMNS
from tests.fixtures import dataset_of, river_valley

ROOT = Path(__file__).resolve().parents[1]
METRICS = (ROOT / "docs" / "METRICS.md").read_text(encoding="utf-8")
OPERATING = (ROOT / "docs" / "operating.md").read_text(encoding="utf-8")
NAME = re.compile(r"`([^`]+)`")


def _section(text: str, heading: str) -> str:
    """The text under the heading that starts with ``heading``, to the next heading."""
    start = text.index(heading)
    following = re.search(r"^#{1,3} ", text[start + len(heading) :], flags=re.MULTILINE)
    return text[start : start + len(heading) + (following.start() if following else len(text))]


def _defined(text: str) -> set[str]:
    """The names a table defines: everything in backticks in the first cell of its rows."""
    names = set()
    for line in text.splitlines():
        if line.startswith("| ") and not line.startswith("| ---"):
            names.update(NAME.findall(line.split("|")[1]))
    return names


@pytest.fixture(scope="module")
def printed() -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "summary", "--as-of", "2026-10-31", "--json"],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.slow
def test_every_key_summary_prints_is_defined(printed):
    defined = _defined(METRICS)
    keys = set(printed) - {"by_collaboration"}
    assert printed["by_collaboration"], "the demo has collaborations"
    for figures in printed["by_collaboration"].values():
        keys |= set(figures)
    assert len(keys) >= 28
    assert sorted(keys - defined) == []


@pytest.mark.slow
def test_by_collaboration_has_every_key_but_two(printed):
    for figures in printed["by_collaboration"].values():
        assert set(figures) == set(printed) - {"by_collaboration", "as_of", "collaborations"}


def test_the_network_shape_keys_are_in_their_own_table():
    table = _defined(_section(METRICS, "## Network shape, introductions, learning"))
    assert {
        "degree_centralization",
        "org_edges",
        "triangles_closed_last_30",
        "learning_share",
    } <= table


def test_every_new_monthly_column_is_defined():
    table = _defined(_section(METRICS, "## Time series"))
    new = {c for c in SERIES_COLUMNS if c.startswith("wins_")} | set(SHAPE_COLUMNS[1:])
    assert new and sorted(new - table) == []


def _broken_workbook() -> dict:
    """A workbook with what river_valley() lacks: a tab twice, a column twice, a required tab and
    a required column missing, a formula error, a person and a project listed twice."""
    return {
        "People": [["Name", "name", "Organization"], ["Ann Lee", "x", "#N/A"], ["ann lee", "", ""]],
        "person": [["Name"], ["Bo Chen"]],
        "Projects": [["Project"], ["Hub"], ["HUB"]],
        "Wins": [["Date", "People"], ["2024-01-01", "Ann Lee"]],
    }


def _kinds_reported() -> set[str]:
    kinds = set(dataset_of(river_valley()).problems["kind"])
    kinds |= set(dataset_of(_broken_workbook()).problems["kind"])
    nowhere = Settings(sources=(SourceConfig(location=str(ROOT / "no-such.xlsx"), kind="xlsx"),))
    kinds |= set(load(nowhere, None, fallback=False).problems["kind"])
    return kinds


def test_every_problem_kind_is_in_the_operating_docs_and_defined():
    kinds = _kinds_reported()
    # what the workbooks above bring out: every kind the loader can report today
    assert {
        "missing tab",
        "missing column",
        "duplicate tab",
        "duplicate column",
        "spreadsheet error",
        "duplicate person",
        "duplicate project",
        "source unreadable",
    } <= kinds
    readme = _defined(_section(OPERATING, "### Problems"))
    defined = _defined(_section(METRICS, "## Problems"))
    assert sorted(kinds - readme) == []
    assert sorted(readme - defined) == []


def test_every_kind_a_person_would_question_is_defined():
    """The kinds of ``clean.questions`` (reported by workbooks the tests above do not read)."""
    from dashboard.clean import questions

    kinds = {
        questions.UNKNOWN_PROJECT,
        questions.DATE_IN_FUTURE,
        questions.UNKNOWN_PERSON,
        questions.AMBIGUOUS_NAME,
    }
    assert sorted(kinds - _defined(_section(METRICS, "## Problems"))) == []
