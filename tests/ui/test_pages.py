"""Every page through Streamlit's AppTest: the demo, a blank template, filters from the URL,
tiny and broken workbooks. Figures shown are checked against the metrics package."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import metrics
from dashboard.filtering import filtered
from dashboard.sources.local import write_xlsx
from dashboard.template import write_template
from tests.fixtures import river_valley
from tests.ui.apptest import open_page, open_view, views

PAGES = [
    "app.py",
    "pages/1_Momentum.py",
    "pages/2_Participation.py",
    "pages/3_Network.py",
    "pages/4_Regions.py",
    "pages/5_Data_health.py",
]


@pytest.fixture
def configured(monkeypatch, tmp_path):
    """Point the app at a workbook through SMALLWINS_CONFIG (as a user's smallwins.toml would)."""

    def use(sheets: dict | None) -> None:
        if sheets is None:
            monkeypatch.delenv("SMALLWINS_CONFIG", raising=False)
            return
        workbook = tmp_path / "book.xlsx"
        write_xlsx(workbook, sheets)
        config = tmp_path / "smallwins.toml"
        config.write_text(f'[[sources]]\nlocation = "{workbook}"\nname = "team"\n')
        monkeypatch.setenv("SMALLWINS_CONFIG", str(config))

    monkeypatch.chdir(tmp_path)
    return use


def _open(page: str, params: dict | None = None) -> AppTest:
    return open_page(page, params)


def _tiles(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


@pytest.mark.parametrize(("page", "section"), views(PAGES))
def test_every_page_runs_on_the_demo(configured, page, section):
    configured(None)
    app = open_view(page, section)
    assert any("demo workbook" in info.value for info in app.info)
    assert not app.error


def test_overview_tiles_equal_the_metrics(configured, demo_dataset):
    configured(None)
    app = _open("app.py")
    figures = metrics.headline(demo_dataset, dt.date(2026, 10, 31))
    tiles = _tiles(app)
    assert tiles["Wins, last 30 days"] == str(figures["wins_last_30"])
    assert tiles["Follow-through"] == f"{figures['follow_through']:.0%}"
    assert tiles["Network links"] == f"{figures['network_edges']:,}"
    assert tiles["Stalled projects"] == str(figures["stalled_projects"])


def test_filters_come_from_the_url(configured, demo_dataset):
    configured(None)
    name = "High Plains Rural Health"
    app = _open("app.py", {"collaboration": name, "to": "2026-06-30"})
    dataset = filtered(demo_dataset, [name])
    figures = metrics.headline(dataset, dt.date(2026, 6, 30))
    assert _tiles(app)["Active people, 30 days"] == str(figures["active_last_30"])
    assert app.multiselect[0].value == [name]
    assert app.query_params["to"] in ("2026-06-30", ["2026-06-30"])


def test_changing_a_filter_rewrites_the_url(configured, demo_dataset):
    configured(None)
    app = _open("pages/3_Network.py")
    app.multiselect[0].select("Northern Tech Corridor").run()
    assert app.query_params["collaboration"] in (
        "Northern Tech Corridor",
        ["Northern Tech Corridor"],
    )
    dataset = filtered(demo_dataset, ["Northern Tech Corridor"])
    figures = metrics.headline(dataset, dt.date(2026, 10, 31))
    assert _tiles(app)["People"] == str(figures["network_nodes"])


@pytest.mark.parametrize(("page", "section"), views(PAGES))
def test_every_page_on_a_blank_template_says_so(configured, monkeypatch, tmp_path, page, section):
    write_template(tmp_path / "blank.xlsx")
    config = tmp_path / "blank.toml"
    config.write_text(f'[[sources]]\nlocation = "{tmp_path / "blank.xlsx"}"\n')
    monkeypatch.setenv("SMALLWINS_CONFIG", str(config))
    app = open_view(page, section)
    shown = " ".join(i.value for i in app.info) + " ".join(s.value for s in app.success)
    assert "No commitments, wins or meetings" in shown or "Every cell" in shown


@pytest.mark.parametrize("page", PAGES[:-1])
def test_a_period_before_any_record_says_so(configured, page):
    configured(river_valley())
    app = _open(page, {"from": "2020-01-01", "to": "2020-12-31"})
    assert any("No records on or before 31 December 2020" in i.value for i in app.info)


@pytest.mark.parametrize(("page", "section"), views(PAGES))
def test_one_person_one_day(configured, page, section):
    configured(
        {
            "People": [["Name"], ["Ann"]],
            "Projects": [["Project"], ["P"]],
            "Commitments": [
                ["Person", "Project", "Made", "Due"],
                ["Ann", "P", "2026-10-01", "2026-10-01"],
            ],
            "Wins": [["Date", "Win", "People", "Project"], ["2026-10-01", "It worked", "Ann", "P"]],
        }
    )
    app = open_view(page, section, {"to": "2026-10-01"})
    assert not app.error


def test_broken_sheet_shows_what_is_missing_and_the_rest(configured):
    sheets = river_valley()
    del sheets["Wins"]
    configured(sheets)
    app = _open("pages/5_Data_health.py")
    frames = " ".join(str(frame.value) for frame in app.dataframe)
    assert "missing tab" in frames
    overview = _open("app.py", {"to": "2024-03-01"})
    assert _tiles(overview)["Wins, last 30 days"] == "0"


def test_unreadable_source_is_an_error_message_not_a_traceback(monkeypatch, tmp_path):
    config = tmp_path / "smallwins.toml"
    config.write_text(f'[[sources]]\nlocation = "{tmp_path / "gone.xlsx"}"\nname = "gone"\n')
    monkeypatch.setenv("SMALLWINS_CONFIG", str(config))
    app = _open("app.py")
    assert any("not found" in error.value for error in app.error)


def test_source_names_show_as_text_not_markdown(monkeypatch, tmp_path):
    workbook = tmp_path / "book.xlsx"
    write_xlsx(workbook, river_valley())
    config = tmp_path / "smallwins.toml"
    config.write_text(
        f'[[sources]]\nlocation = "{workbook}"\nname = "[click](http://evil.example) **x**"\n'
    )
    monkeypatch.setenv("SMALLWINS_CONFIG", str(config))
    monkeypatch.chdir(tmp_path)
    app = _open("pages/5_Data_health.py")
    (line,) = [m.value for m in app.markdown if "evil" in m.value]
    assert r"\[click\]\(http&#58;//evil\.example\) \*\*x\*\*" in line
