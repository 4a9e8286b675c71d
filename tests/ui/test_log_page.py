"""The Log a win page through AppTest: off by default, messages next to fields, written once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.sources.local import read_xlsx, write_xlsx
from tests.fixtures import river_valley
from tests.ui.apptest import WORD_JOINER

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
    # Markdown-escaped, a day kept on one line by invisible word joiners
    shown = {k: v.replace("\\", "").replace(WORD_JOINER, "") for k, v in written["Value"].items()}
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
    (latest,) = [table.value for table in app.table if "Win" in table.value.columns]
    assert "School board said yes" in latest["Win"].tolist()


def _commit(app: AppTest) -> None:
    app.selectbox(key="c_person").set_value("Ann Lee")
    app.selectbox(key="c_project").set_value("Food Hub")
    app.text_area(key="c_what").set_value("Book the county fair stand")
    app.date_input(key="c_due").set_value(dt.date.today() + dt.timedelta(days=20))
    next(b for b in app.button if b.label == "Make the commitment").click().run()
    assert any("Commitment logged to rv" in s.value for s in app.success), [
        (e.value, getattr(e, "key", None)) for e in (*app.error, *app.warning, *app.info)
    ]


def _overview(app: AppTest) -> AppTest:
    app.switch_page("app.py").run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_a_commitment_made_today_moves_the_default_period_end_to_today(workbook):
    """River Valley was last active on 29 February 2024: the default period ends then; a
    commitment made today is activity of today, and the Overview of the same session is as of
    today (issue 20, point 2)."""
    app = _overview(_log_page())
    assert any("As of 29 February 2024" in h.value for h in app.subheader)
    app.switch_page("pages/6_Log_a_win.py").run()
    _commit(app)
    _overview(app)
    today = f"As of {dt.date.today().day} {dt.date.today():%B %Y}"
    assert any(today in h.value for h in app.subheader), [h.value for h in app.subheader]
    assert not [i.value for i in app.info if "is after this period's end" in i.value]


def test_a_commitment_after_a_chosen_end_is_said_on_every_page(workbook):
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.query_params["to"] = "2024-02-29"  # the link pins the end
    app.run()
    app.switch_page("pages/6_Log_a_win.py").run()
    _commit(app)
    for page in ("app.py", "pages/1_Momentum.py"):
        app.switch_page(page).run()
        assert any("As of 29 February 2024" in h.value for h in app.subheader) or page != "app.py"
        notes = [i.value for i in app.info if "is after this period's end" in i.value]
        assert len(notes) == 1, (page, [i.value for i in app.info])
        assert notes[0].startswith("The commitment you logged, dated ")
        assert "29 February 2024" in notes[0]
