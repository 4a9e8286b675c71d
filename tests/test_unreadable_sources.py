"""A local source that is not a workbook — random bytes named .xlsx, an empty .xlsx, a CSV cell
longer than any spreadsheet writes — is the problem ``source unreadable`` naming the file: `check`
exits 2, and every other source still loads, in the commands and on every page (no traceback)."""

from __future__ import annotations

import pytest

from dashboard.cli import main
from dashboard.config import load_config
from dashboard.loader import load
from dashboard.ui import page as page_module
from tests.fixtures import bad_and_good
from tests.ui.apptest import open_page, rendered

PAGES = [path for path, _ in page_module.PAGES]
BAD = ("Random", "Empty", "Lake")


def test_each_is_a_source_unreadable_problem_and_the_good_source_loads(tmp_path):
    dataset = load(load_config(bad_and_good(tmp_path)))
    unreadable = dataset.problems[dataset.problems["kind"] == "source unreadable"]
    assert sorted(unreadable["source"]) == sorted(BAD)
    values = dict(zip(unreadable["source"], unreadable["value"], strict=True))
    assert values["Random"].endswith("random.xlsx") and values["Empty"].endswith("empty.xlsx")
    assert values["Lake"].endswith("lake")
    reasons = dict(zip(unreadable["source"], unreadable["reason"], strict=True))
    # in plain words, naming the file and what to do
    assert "random.xlsx is not an .xlsx workbook (not a zip file" in reasons["Random"]
    assert "empty.xlsx is an empty file (0 bytes)" in reasons["Empty"]
    assert "holds a cell longer than 131,072 characters" in reasons["Lake"]
    assert "export the tab again" in reasons["Lake"]
    # River Valley's 5 Wins rows: w-1, its repeat (dropped), a "#REF!" date (skipped), w-2, and a
    # second w-2 (dropped): 2 wins, all from River
    assert set(dataset.wins["source"]) == {"River"} and len(dataset.wins) == 2


def test_check_names_each_file_and_exits_2(tmp_path, capsys):
    assert main(["check", str(bad_and_good(tmp_path))]) == 2
    out = capsys.readouterr().out
    for name in ("random.xlsx", "empty.xlsx", "lake"):
        assert f"{name} — NOT READ" in out
    assert "Traceback" not in out
    assert "Source River (xlsx)" in out and "NOT READ" not in out.split("Source River")[1]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_the_good_source_and_no_traceback(tmp_path, monkeypatch, page):
    monkeypatch.setenv("SMALLWINS_CONFIG", str(bad_and_good(tmp_path)))
    monkeypatch.chdir(tmp_path)
    app = open_page(page, {"to": "2024-12-31"})  # fails on any exception in the run
    errors = [rendered(e.value) for e in app.error]
    for name in BAD:
        assert any(f"Could not read {name}" in error for error in errors)
    captions = [rendered(c.value) for c in app.caption]
    assert any(c.startswith("Data from River") for c in captions)
