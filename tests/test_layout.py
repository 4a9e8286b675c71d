"""The tests are laid out like the code: what several test modules share lives in a conftest.py
or a helper module (``helpers.py``, ``fixtures.py``, ``waiting.py``…), never in a test module
another one imports — pytest would then collect that module's tests twice over, and a fixture
imported by name needs a ``noqa`` to survive the linter."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def _imported_test_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found += [
            n for n in names if n.startswith("tests.") and n.split(".")[-1].startswith("test_")
        ]
    return found


def test_no_test_module_is_imported_by_another():
    offenders = {
        str(path.relative_to(TESTS)): imported
        for path in sorted(TESTS.rglob("*.py"))
        if (imported := _imported_test_modules(path))
    }
    assert offenders == {}


def test_the_check_sees_such_an_import(tmp_path):
    module = tmp_path / "test_x.py"
    module.write_text("from tests.ui.test_roles import roles\nfrom tests.ui.helpers import AUTH\n")
    assert _imported_test_modules(module) == ["tests.ui.test_roles"]
