"""Where the network stands, who weaves it and where it would tear, on the pages (AppTest, the
demo workbook, period 1 June … 31 October 2026): the stage in words with its rule, how it moved,
the four tiles, the replay slider, the weavers and brokers tables — each equal to the metric it
shows — and two-step reach in Participation's people table. A funder's tables name nobody.
"""

from __future__ import annotations

from functools import cache

import pandas as pd
import pytest

from dashboard import formatting
from dashboard.config import demo_settings
from dashboard.loader import load
from dashboard.metrics import headline
from dashboard.metrics.connectors import person_links
from dashboard.metrics.core_drawing import core_drawing
from dashboard.metrics.stage import STAGE_RULE, moved
from dashboard.metrics.standing import stage_on
from dashboard.metrics.standing_tables import tear, weavers
from dashboard.ui.standing import REPLAY_KEY, stage_words
from tests.ui.apptest import open_view
from tests.ui.helpers import AUTH

NETWORK = "pages/3_Network.py"
PERIOD = {"from": "2026-06-01", "to": "2026-10-31"}
START, END = pd.Timestamp("2026-06-01"), pd.Timestamp("2026-10-31")


@cache
def demo():
    return load(demo_settings())


@cache
def network_page(section: str = "Where it stands"):
    return open_view(NETWORK, section, PERIOD)


def _metric(app, label):
    (found,) = [m for m in app.metric if m.label == label]
    return found


def _table(app, first_column):
    return next(d.value for d in app.dataframe if d.value.columns[0] == first_column)


def test_the_stage_in_words_with_its_rule_and_how_it_moved():
    app = network_page()
    figures = headline(demo(), END)
    stage = _metric(app, "Stage")
    assert stage.value == stage_words(figures["network_stage"])
    assert stage.proto.help == STAGE_RULE
    before = stage_on(demo(), START - pd.Timedelta(days=1))
    said = f"Since 1 June 2026, the network **{moved(before, figures['network_stage'])}**."
    assert any(m.value.startswith(said) for m in app.markdown)
    assert "Where the network stands" in [s.value for s in app.subheader]


def test_the_four_tiles_are_the_summary_figures():
    app = network_page()
    figures = headline(demo(), END)
    assert _metric(app, "Brokers").value == formatting.count(figures["brokers"])
    assert _metric(app, "Core").value == formatting.percent(figures["core_share"])
    assert _metric(app, "Two-step reach").value == formatting.percent(figures["two_step_reach"])
    assert _metric(app, "Weavers, 30 days").value == formatting.count(figures["weavers_last_30"])


def test_the_slider_replays_the_network_month_by_month():
    app = open_view(NETWORK, "Where it stands", PERIOD)
    (slider,) = [s for s in app.select_slider if s.key == REPLAY_KEY]
    assert slider.options == ["Jun 2026", "Jul 2026", "Aug 2026", "Sep 2026", "Oct 2026"]
    assert slider.value == "Oct 2026"
    nodes = core_drawing(demo(), demo().people, END)["nodes"]
    for month, end in (("Jun 2026", "2026-06-30"), ("Aug 2026", "2026-08-31")):
        slider.set_value(month).run()
        assert not app.exception
        linked = int((nodes["first_link"] <= pd.Timestamp(end)).sum())
        said = f"{month}: {linked} of the {len(nodes)} people drawn are linked."
        assert any(c.value.startswith(said) for c in app.caption), month
        (slider,) = [s for s in app.select_slider if s.key == REPLAY_KEY]
        assert slider.value == month


def test_the_core_is_drawn_apart_from_the_periphery():
    nodes = core_drawing(demo(), demo().people, END)["nodes"]
    radius = (nodes["x"] ** 2 + nodes["y"] ** 2) ** 0.5
    core = nodes["role"] == "core"
    assert core.any() and (~core).any()
    assert radius[core].max() < radius[~core].min()


def test_the_weavers_table_is_the_periods_credits():
    app = network_page("Growth and weaving")
    shown = _table(app, "Name")
    expected = weavers(demo(), demo().people, START, END)["weavers"]
    assert len(shown) == len(expected) > 0
    assert shown["Name"].tolist() == expected["name"].tolist()
    assert shown["Credits"].tolist() == expected["credits"].tolist()
    assert list(shown.columns[-4:]) == [
        "Across organizations",
        "Across sectors",
        "Across collaborations",
        "Introduced",
    ]


def test_the_tear_table_is_each_broker_and_who_depends_on_them():
    app = network_page("Hub or mesh")
    shown = _table(app, "Broker")
    expected = tear(demo(), demo().people, END)["brokers"]
    assert len(shown) == len(expected) == headline(demo(), END)["brokers"]
    assert shown["Would cut off"].tolist() == expected["would_cut_off"].tolist()
    assert shown["Second paths"].tolist() == expected["second_paths"].fillna("").tolist()


def test_two_step_reach_is_in_the_people_table():
    app = open_view("pages/2_Participation.py", "People", PERIOD)
    shown = _table(app, "Name")
    assert "Two-step reach" in shown.columns
    links = person_links(demo(), END)
    people = demo().people.drop_duplicates("person").set_index("person")["name"]
    expected = dict(
        zip(
            people.reindex(links["person"]).to_numpy(),
            formatting.percent_column(links["two_step_reach"]),
            strict=True,
        )
    )
    for name, reach in zip(shown["Name"], shown["Two-step reach"], strict=True):
        assert reach == expected[name], name


@pytest.mark.usefixtures("roles")
def test_a_funder_sees_weavers_and_brokers_by_pseudonym():
    funder = {"is_logged_in": True, "email": "program.officer@foundation.org"}
    app = open_view(NETWORK, "Growth and weaving", PERIOD, user=funder, secrets={"auth": AUTH})
    woven = _table(app, "Name")
    assert len(woven) and woven["Name"].str.fullmatch(r"Person [A-Z2-7]{5,}").all()
    assert woven["Introduced"].str.contains("Person ").all()
    app = open_view(NETWORK, "Hub or mesh", PERIOD, user=funder, secrets={"auth": AUTH})
    brokers = _table(app, "Broker")
    assert brokers["Broker"].str.fullmatch(r"Person [A-Z2-7]{5,}").all()
