"""What a server's start prepares (``ui.server.prepare``) is what the Overview's first visitor
would otherwise compute: after it, the visit cleans nothing and computes no figure again — the
view the start made (``page.opening_view``) is the one ``page.setup`` makes for a visitor whose
link names nothing."""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import subprocess
import sys

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.ui import data, figures, server
from tests.ui.apptest import ROOT, open_page
from tests.waiting import CEILING_SECONDS


def _again(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("computed again on the first visit")


@pytest.fixture
def demo(monkeypatch):
    monkeypatch.delenv("SMALLWINS_CONFIG", raising=False)
    st.cache_data.clear()  # no figure of an earlier test on this worker stands in
    data.reset()


def test_after_the_start_the_overviews_first_visit_computes_nothing(demo, monkeypatch):
    assert server.prepare() == 1  # the bundled demo workbook: one source
    monkeypatch.setattr(data, "merged", _again)
    monkeypatch.setattr(figures.metrics, "headline", _again)
    monkeypatch.setattr(figures.collaborations, "period_series", _again)
    monkeypatch.setattr(figures.collaborations, "collaboration_rows", _again)
    app = open_page("app.py")  # fails on any exception of the run
    assert [m.label for m in app.metric][:2] == ["Wins, last 30 days", "Follow-through"]


def test_without_the_start_the_same_visit_computes_them(demo, monkeypatch):
    """The check above can fail: with nothing prepared, the visit computes the headline."""
    monkeypatch.setattr(figures.metrics, "headline", _again)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()
    assert "computed again" in str(app.exception[0].value)


def _in_a_new_interpreter(code: str) -> dict:
    """What ``code`` prints as JSON, run in a fresh Python on the demo workbook: whatever this
    worker's earlier tests imported or froze does not count."""
    env = {k: v for k, v in os.environ.items() if k != "SMALLWINS_CONFIG"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=CEILING_SECONDS,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _dashboard_modules_the_pages_import() -> set[str]:
    names = set()
    for script in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dashboard"):
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                names.update(a.name for a in node.names if a.name.startswith("dashboard"))
    return names


def test_the_start_imports_every_module_a_page_imports():
    found = _in_a_new_interpreter(
        "import json, sys\n"
        "from dashboard.ui import server\n"
        "before = sorted(sys.modules)\n"
        "server.import_pages_modules()\n"
        "print(json.dumps({'before': before, 'after': sorted(sys.modules)}))\n"
    )
    wanted = {name for name in _dashboard_modules_the_pages_import() if _is_module(name)}
    missing = wanted - set(found["after"])
    assert not missing, f"a page imports these, the server's start does not: {sorted(missing)}"
    # the check can fail: these are not imported until the start imports them
    assert {"dashboard.reports.agenda_render", "dashboard.ui.report_files"} <= wanted
    assert "dashboard.reports.agenda_render" not in found["before"]
    assert "dashboard.ui.report_files" not in found["before"]


def _is_module(name: str) -> bool:
    """``name`` a module, not a function or constant imported from one."""
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:  # its parent is a module, not a package
        return False


def test_the_start_sets_the_modules_aside_from_the_collector_but_not_the_data():
    found = _in_a_new_interpreter(
        "import gc, json\n"
        "from dashboard.dataset import Dataset\n"
        "from dashboard.ui import server\n"
        "shown = server.prepare()\n"
        "print(json.dumps({'shown': shown, 'frozen': gc.get_freeze_count(),\n"
        "    'walked': len(gc.get_objects()),\n"
        "    'datasets': sum(isinstance(o, Dataset) for o in gc.get_objects())}))\n"
    )
    assert found["shown"] == 1
    # Streamlit's collection after each script run walks what is not frozen: the modules
    # (well over 100,000 objects) are not among it any more
    assert found["frozen"] > 100_000
    assert found["frozen"] > 2 * found["walked"]
    # the data read after the freeze is collected as usual once replaced
    assert found["datasets"] >= 1
