"""The home page through AppTest: on the demo, on a blank template, on a broken sheet."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.config import load_config
from dashboard.loader import load
from dashboard.sources.local import write_xlsx
from dashboard.template import write_template
from tests.fixtures import river_valley

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def _run(monkeypatch, config: Path | None) -> AppTest:
    if config is None:
        monkeypatch.delenv("SMALLWINS_CONFIG", raising=False)
    else:
        monkeypatch.setenv("SMALLWINS_CONFIG", str(config))
    monkeypatch.chdir(Path(APP).parent if config is None else config.parent)
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def _metrics(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def _config_for(tmp_path: Path, workbook: Path) -> Path:
    config = tmp_path / "smallwins.toml"
    config.write_text(f'[[sources]]\nlocation = "{workbook}"\nname = "test"\n', encoding="utf-8")
    return config


def test_demo_by_default_says_it_is_the_demo(monkeypatch):
    app = _run(monkeypatch, None)
    assert any("demo workbook" in info.value for info in app.info)
    assert int(_metrics(app)["Wins"].replace(",", "")) > 100


def test_figures_shown_are_the_loaders(monkeypatch, tmp_path):
    write_xlsx(tmp_path / "rv.xlsx", river_valley())
    config = _config_for(tmp_path, tmp_path / "rv.xlsx")
    app = _run(monkeypatch, config)
    assert _metrics(app) == {
        "Collaborations": "2", "People": "3", "Projects": "2", "Commitments": "3", "Wins": "2",
        "Meetings": "2",
    }  # fmt: skip
    expected = len(load(load_config(config)).problems)
    assert any(f"{expected:,} cell(s)" in warning.value for warning in app.warning)


def test_blank_template_runs_clean(monkeypatch, tmp_path):
    write_template(tmp_path / "blank.xlsx")
    app = _run(monkeypatch, _config_for(tmp_path, tmp_path / "blank.xlsx"))
    assert _metrics(app)["Wins"] == "0"
    assert app.success[0].value.startswith("Every cell")


@pytest.mark.parametrize("missing", ["file", "tab"])
def test_unreadable_or_broken_workbook_shows_a_message_not_a_traceback(
    monkeypatch, tmp_path, missing
):
    workbook = tmp_path / "rv.xlsx"
    if missing == "tab":
        sheets = river_valley()
        del sheets["Wins"]
        write_xlsx(workbook, sheets)
    app = _run(monkeypatch, _config_for(tmp_path, workbook))
    if missing == "file":
        assert any("not found" in error.value for error in app.error)
    else:
        assert any("missing tab" in str(frame.value) for frame in app.dataframe)
