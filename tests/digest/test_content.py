"""What a digest says, against the figures worked out by hand in ``conftest.workbook``."""

import datetime as dt
import re

import pytest

from dashboard.config import ConfigError
from dashboard.digest import render
from dashboard.digest.content import LINK_PARAMS, compose
from dashboard.digest.period import last_complete
from dashboard.digest.setup import Channel, DigestSpec
from tests.digest.conftest import NAMES, WEEK_WINS, workbook
from tests.fixtures import dataset_of

WEEK = last_complete("week", dt.date(2026, 10, 26))
MAIL = (Channel("email", "team@rv.org"),)


@pytest.fixture(scope="module")
def data():
    return dataset_of(workbook())


SECRET = "a deployment secret of at least 32 bytes"  # shorter ones are refused (issue 21)


def spec(audience, collaborations=("River Valley",), **keys):
    return DigestSpec("RV weekly", audience, "week", MAIL, tuple(collaborations), **keys)


def test_a_team_digest_of_the_week(data):
    digest = compose(data, spec("team"), WEEK, "https://wins.example.org")
    assert digest.subject == "Small wins: River Valley, week of 19 October 2026"
    assert [w.text for w in digest.wins.shown] == WEEK_WINS[::-1]  # newest first
    hired = digest.wins.shown[-1]
    assert hired.people == ("Ann Lee", "Bo Chen") and hired.size == "large"
    assert hired.evidence == "https://example.org/hired" and hired.project == "Apprenticeships"
    assert [p.name for p in digest.joined.shown] == ["Cy Diaz"]
    assert [(i.first, i.second) for i in digest.introductions.shown] in (
        [("Bo Chen", "Cy Diaz")],
        [("Cy Diaz", "Bo Chen")],
    )
    assert [c.what for c in digest.kept.shown] == ["Call the board"]
    assert digest.commitments_due == 2 and digest.follow_through == 0.5
    assert [c.what for c in digest.coming_up.shown] == ["Book the hall"]
    assert digest.overdue == 1
    assert digest.quiet_collaborations is None  # a coordinator's part only
    assert not digest.quiet
    assert digest.link == (
        "https://wins.example.org/?collaboration=River+Valley&from=2026-10-19&to=2026-10-25"
    )
    week = digest.weekly.set_index("week")["wins"]
    assert len(week) == 12 and week.index[-1] == dt.datetime(2026, 10, 19)
    assert week.iloc[-1] == 3 and week.iloc[-2] == 1 and week.sum() == 4  # Old win: 12 Oct


def test_the_coordinator_digest_of_every_collaboration_names_the_quiet_ones(data):
    digest = compose(data, spec("coordinator", ()), WEEK)
    assert digest.quiet_collaborations == ("High Plains",)
    assert digest.kept.total == 2 and digest.commitments_due == 3
    assert digest.follow_through == 0.6667
    assert digest.link is None  # no public_url configured
    assert "High Plains" in render.text(digest)


def test_a_funder_digest_is_anonymised_as_the_funder_pages(data):
    from dashboard.privacy import anonymised

    digest = compose(data, spec("funder"), WEEK, "https://wins.example.org", SECRET)
    pages = anonymised(data, SECRET)
    pseudonym = dict(zip(data.people["name"], pages.people["name"], strict=True))
    assert digest.wins.shown[-1].people == (pseudonym["Ann Lee"], pseudonym["Bo Chen"])
    assert "Food Hub site visit with [someone]" in [w.text for w in digest.wins.shown]
    assert digest.coming_up is None and digest.overdue is None
    everything = render.text(digest) + render.html_body(digest)
    everything += str(render.slack(digest)) + str(render.teams(digest))
    for name in [*NAMES, "Ann", "Diaz", "Chen", "Lee"]:
        assert name not in everything, name
    for part in ("Bo", "Cy"):  # two-letter parts too (the pages' rule), as whole words
        assert not re.search(rf"(?<![^\W\d_]){part}(?![^\W\d_])", everything), part


def test_a_team_digest_holds_no_other_collaboration(data):
    digest = compose(data, spec("team"), WEEK)
    everything = render.text(digest) + render.html_body(digest)
    for other in ("High Plains", "Clinic", "Dee Dunn", "Eve Fox"):
        assert other not in everything


def test_an_unknown_collaboration_is_a_configuration_mistake(data):
    with pytest.raises(ConfigError, match="no collaboration named 'River Vally'.*River Valley"):
        compose(data, spec("team", ("River Vally",)), WEEK)


def test_a_quiet_week(data):
    quiet = last_complete("week", dt.date(2026, 10, 5))  # 28 Sep – 4 Oct: nothing happened
    assert compose(data, spec("team"), quiet).quiet


def test_the_link_uses_the_apps_filter_parameters():
    from dashboard.ui.filters import PARAMS

    assert {k: PARAMS[k] for k in LINK_PARAMS} == LINK_PARAMS


def test_twenty_wins_then_and_n_more_linking_to_the_app(data):
    many = workbook()
    many["Wins"] += [
        [dt.date(2026, 10, 20), f"Win number {n}", "Food Hub", "Ann Lee", "small", ""]
        for n in range(25)
    ]
    digest = compose(dataset_of(many), spec("team"), WEEK, "https://wins.example.org")
    assert digest.wins.total == 28 and len(digest.wins.shown) == 20 and digest.wins.more == 8
    assert "and 8 more" in render.text(digest)
    assert f'href="{digest.link.replace("&", "&amp;")}" style="color:#2e7d32;">and 8 more' in (
        render.html_body(digest)
    )


def test_slack_stays_within_its_limits_and_teams_within_28_kb(data):
    import json

    from tests.digest.webhook_server import slack_problems, teams_problems

    many = workbook()
    many["Wins"] += [
        [dt.date(2026, 10, 20), "x" * 2990 + f" {n}", "Food Hub", "Ann Lee", "small", ""]
        for n in range(60)
    ]
    many["People"] += [[f"Person {n} Newcomer", "", "", "", "River Valley"] for n in range(80)]
    many["Commitments"] += [
        [f"Person {n} Newcomer", "A" * 500, "Food Hub", dt.date(2026, 10, 21), "", "open", ""]
        for n in range(80)
    ]
    digest = compose(dataset_of(many), spec("coordinator"), WEEK, "https://wins.example.org")
    payload = render.slack(digest)
    assert slack_problems(payload) == []
    assert len(payload["blocks"]) <= 50
    card = render.teams(digest)
    assert teams_problems(card, len(json.dumps(card).encode())) == []


def test_text_from_a_sheet_cannot_become_markup(data):
    tricky = workbook()
    tricky["Wins"].append(
        [
            dt.date(2026, 10, 21),
            "<script>alert(1)</script> & <b>bold</b>",
            "Food Hub",
            "Ann Lee",
            "",
            "",
        ]
    )
    digest = compose(dataset_of(tricky), spec("team"), WEEK)
    page = render.html_body(digest)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in page
    assert "&lt;script&gt;" in str(render.slack(digest))


def test_a_collaboration_is_matched_as_the_sheets_names_are(data):
    digest = compose(data, spec("team", ("river  VALLEY",)), WEEK)
    assert digest.collaborations == ("River Valley",) and digest.wins.total == 3
