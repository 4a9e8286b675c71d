"""What the pages say, through AppTest (issue 15a): the default day and period and why, a link
asking for what is not there, the Network's colour in the URL, the banner's source name, tiles
without a change, whole percents, headers in words, and an impact report with nothing to
compare. Expected values worked out by hand from tests/fixtures.py's river_valley."""

from __future__ import annotations

import pytest

from dashboard.sources.local import write_xlsx
from tests.fixtures import river_valley
from tests.ui.apptest import open_page, open_sections, rendered


@pytest.fixture
def river(monkeypatch, tmp_path):
    """river_valley() as a local workbook configured with the name "RV team sheet"."""
    workbook = tmp_path / "rv-2024-export.xlsx"
    write_xlsx(workbook, river_valley())
    config = tmp_path / "smallwins.toml"
    config.write_text(f'[[sources]]\nname = "RV team sheet"\nlocation = "{workbook}"\n')
    monkeypatch.setenv("SMALLWINS_CONFIG", str(config))
    monkeypatch.chdir(tmp_path)


def _param(app, name: str) -> str:
    value = app.query_params[name]
    return value[0] if isinstance(value, list) else value


def _captions(app) -> str:
    return " ".join(c.value for c in app.caption)


def test_an_old_export_is_shown_as_of_its_last_activity_over_its_months(river):
    # river_valley's activities run from the commitment made on serial 45306 (15 January 2024)
    # to the meeting on serial 45351 (29 February 2024); today is years later, so the default
    # as-of day is 29 February 2024, and the period starts at the first record (later than
    # the 12 months before, 1 March 2023)
    app = open_page("app.py")
    assert _param(app, "from") == "2024-01-15" and _param(app, "to") == "2024-02-29"
    assert "Figures are as of 29 February 2024, the last recorded activity" in _captions(app)
    assert app.subheader[0].value == "As of 29 February 2024, against 30 days before"


def test_the_banner_names_the_configured_source_not_the_file(river):
    app = open_page("app.py")
    assert "Data from RV team sheet · read" in _captions(app)
    assert "rv-2024-export" not in _captions(app)


def test_a_link_asking_for_an_unknown_collaboration_or_a_garbage_date_says_so(river):
    app = open_page("app.py", {"collaboration": ["River Valley", "Atlantis"], "to": "2024-13-45"})
    warnings = " ".join(w.value for w in app.warning)
    assert "The link names collaboration not in the workbook: 'Atlantis'" in warnings
    assert "The link's period end '2024-13-45' is not a date (YYYY-MM-DD)" in warnings
    assert "29 February 2024, is used" in warnings
    assert app.multiselect[0].value == ["River Valley"]  # what is known is kept
    app.multiselect[0].unselect("River Valley").run()  # a filter changed: the note is done
    assert not app.warning


def test_the_networks_colour_comes_from_and_goes_to_the_url(river):
    app = open_page("pages/3_Network.py", {"color": "collaboration"})
    assert app.radio(key="color").value == "collaboration"
    app.radio(key="color").set_value("sector").run()
    assert _param(app, "color") == "sector"
    wrong = open_page("pages/3_Network.py", {"color": "rainbow"})
    assert wrong.radio(key="color").value == "sector"
    assert any("The link's color 'rainbow' is not one of" in w.value for w in wrong.warning)


def test_a_figure_that_did_not_move_shows_no_change_in_grey():
    # the demo on 31 October 2026: 3 stalled projects, as 30 days before
    app = open_page("app.py", {"to": "2026-10-31"})
    stalled = next(m for m in app.metric if m.label == "Stalled projects")
    assert stalled.value == "3" and stalled.delta == "no change"
    # no arrow (not "+0" in red with an arrow up, as an overdue rise would be)
    assert stalled.proto.direction == stalled.proto.MetricDirection.Value("NONE")


def test_follow_through_is_a_whole_percent_in_the_collaboration_table():
    app = open_page("app.py", {"to": "2026-10-31"})
    (table,) = app.dataframe
    shown = table.value.set_index("Collaboration")["Follow-through"]
    # River Valley: 0.7637… of its commitments due kept → 76, as the tile and summary round
    assert shown["River Valley Manufacturing Network"] == 76
    assert set(table.value.columns) == {
        "Collaboration",
        "30 days",
        "Follow-through",
        "Active",
        "Stalled",
        "Wins per month",
    }


@pytest.mark.parametrize(
    "page",
    [
        "app.py",
        "pages/1_Momentum.py",
        "pages/2_Participation.py",
        "pages/3_Network.py",
        "pages/4_Regions.py",
        "pages/5_Data_health.py",
    ],
)
def test_no_table_header_is_a_code_name(page):
    apps = open_sections(page, {"to": "2026-10-31"})  # every section of a long page
    headers = [c for app in apps for t in app.dataframe for c in t.value.columns]
    headers += [c for app in apps for t in app.table for c in t.value.columns]
    assert headers and not [h for h in headers if "_" in str(h)]
    for table in (t for app in apps for t in app.dataframe):  # unknown text blank, not "None"
        text = table.value.select_dtypes(exclude="number").drop(
            columns=["Wins per month"],
            errors="ignore",  # the sparkline's lists of numbers
        )
        assert not text.isna().to_numpy().any() and not (text == "None").to_numpy().any()


def test_an_impact_report_with_nothing_before_it_says_so():
    # the demo's records begin on 6 November 2024; a period from then to 31 October 2026 has a
    # previous period of the same length (725 days) ending 5 November 2024: nothing to compare
    app = open_page("pages/7_Impact_report.py", {"from": "2024-11-06", "to": "2026-10-31"})
    assert "Nothing to compare with: the records begin on 6 November 2024" in _captions(app)
    figures = app.table[0].value.map(rendered)
    assert set(figures["Change"]) == {"nothing to compare"}
    assert set(figures["Previous period"]) == {"no records"}
    assert not any("+195" in str(v) for v in figures.to_numpy().ravel())


def test_an_impact_report_over_the_default_year_compares_with_the_year_before():
    # 1 Nov 2025 – 31 Oct 2026 against 1 Nov 2024 – 31 Oct 2025, which the records reach from
    # 6 November 2024 on: compared, with a word that the earlier year is partly covered
    app = open_page("pages/7_Impact_report.py", {"from": "2025-11-01", "to": "2026-10-31"})
    assert "The records begin on 6 November 2024, inside the previous period" in _captions(app)
    change = app.table[0].value["Change"].map(rendered).tolist()
    # small wins: 136 in the period against 59 the year before, worked out as +77
    assert "nothing to compare" not in change and change[0] == "+77"
