"""The Log a win page through AppTest: off by default, messages next to fields, written once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.sources.local import read_xlsx, write_xlsx
from tests.fixtures import river_valley

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def workbook(monkeypatch, tmp_path):
    path = tmp_path / "rv.xlsx"
    write_xlsx(path, river_valley())
    config = tmp_path / "smallwins.toml"
    config.write_text(f'[[sources]]\nname = "rv"\nlocation = "{path}"\nwritable = true\n')
    monkeypatch.setenv("SMALLWINS_CONFIG", str(config))
    monkeypatch.chdir(tmp_path)
    return path


def _log_page() -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    app.switch_page("pages/6_Log_a_win.py").run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def _submit(app: AppTest) -> None:
    next(b for b in app.button if b.label == "Log the win").click().run()


def test_on_the_demo_writing_is_off_and_the_page_says_how_to_get_a_copy(monkeypatch, tmp_path):
    monkeypatch.delenv("SMALLWINS_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)  # no smallwins.toml: the bundled demo, which is read-only
    app = _log_page()
    (info,) = [info.value for info in app.info if "read-only" in info.value]
    assert "demo workbook is read-only" in info and "`smallwins init`" in info
    (lines,) = [code.value for code in app.code]
    assert lines == '[[sources]]\nlocation = "your-team.xlsx"\nwritable = true'
    assert [b.label for b in app.button] == ["Refresh data"]  # no form to fill


def test_a_source_not_writable_gets_its_entry_with_writing_on_to_paste(monkeypatch, tmp_path):
    path = tmp_path / "rv.xlsx"
    write_xlsx(path, river_valley())
    config = tmp_path / "smallwins.toml"
    config.write_text(f'[[sources]]\nname = "rv"\nlocation = "{path}"\n')
    monkeypatch.setenv("SMALLWINS_CONFIG", str(config))
    app = _log_page()
    (info,) = [info.value for info in app.info if "Writing is off" in info.value]
    assert "Writing is off for rv" in info and str(config) in info
    (lines,) = [code.value for code in app.code]
    assert lines == f'[[sources]]\nname = "rv"\nlocation = "{path}"\nwritable = true'


def test_validation_messages_next_to_the_fields_and_nothing_written(workbook):
    before = workbook.read_bytes()
    app = _log_page()
    app.date_input(key="win_date").set_value(dt.date.today() + dt.timedelta(days=30))
    app.text_input(key="win_evidence").set_value("not a link")
    _submit(app)
    messages = [error.value for error in app.error]
    assert "Say what happened." in messages
    assert "Choose the project." in messages
    assert "Evidence is a link starting with http:// or https://." in messages
    assert any("days ahead" in m for m in messages)
    assert workbook.read_bytes() == before
    assert app.text_input(key="win_evidence").value == "not a link"  # what was typed is kept


def _fill(app: AppTest) -> None:
    app.date_input(key="win_date").set_value(dt.date(2024, 2, 20))
    app.text_area(key="win_text").set_value("School board said yes")
    app.selectbox(key="win_project").set_value("Food Hub")
    app.multiselect(key="win_people").set_value(["Ann Lee"])


def test_a_logged_win_is_written_once_and_counted_at_once(workbook):
    app = _log_page()
    _fill(app)
    _submit(app)
    assert any("Win logged to rv (Wins tab" in s.value for s in app.success), [
        e.value for e in app.error
    ]
    # an empty form for the next win, every field back to its default
    assert app.text_area(key="win_text").value == ""
    assert app.selectbox(key="win_project").value is None
    assert app.multiselect(key="win_people").value == []
    assert app.date_input(key="win_date").value == dt.date.today()
    (written,) = [table.value for table in app.table]  # what was written, as written
    shown = {k: v.replace("\\", "") for k, v in written["Value"].items()}  # Markdown-escaped
    assert shown == {
        "Date": "2024-02-20",
        "What happened": "School board said yes",
        "Project": "Food Hub",
        "People": "Ann Lee",
    }
    _fill(app)  # the same entry sent again (a retry): its id is found, nothing is added
    _submit(app)
    assert any("already logged" in i.value for i in app.info)
    rows = read_xlsx(workbook)["Wins"]
    assert [row[1] for row in rows].count("School board said yes") == 1
    app.switch_page("pages/1_Momentum.py")
    app.query_params["to"] = "2024-03-01"
    app.run()
    (latest,) = [table.value for table in app.table]
    assert "School board said yes" in latest["Win"].tolist()
