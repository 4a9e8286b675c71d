"""Roles from ``[access]`` and the views they get (dashboard.access, dashboard.privacy), on
river_valley(): José Pérez (jose@example.org), Ann Lee, Bo Chen listed; Eve Park named in
records only. One collaboration on the Collaborations tab, "River Valley"; a meeting of
"Lakeside" (Eve Park)."""

from __future__ import annotations

import pytest

from dashboard.access import COORDINATOR, FUNDER, TEAM, AccessError, AccessRules
from dashboard.config import ConfigError, load_config
from dashboard.privacy import anonymised, for_team
from tests.fixtures import dataset_of, river_valley

RULES = AccessRules.from_config(
    {
        "coordinators": ["Ana@Region.org"],
        "funders": ["foundation.org", "joe@rivervalley.org"],
        "teams": {"River Valley": ["@rivervalley.org"], "Lakeside": ["eve@lakes.net"]},
    }
)


@pytest.mark.parametrize(
    ("email", "role", "collaborations"),
    [
        ("ana@region.org", COORDINATOR, ()),
        ("ANA@REGION.ORG", COORDINATOR, ()),
        ("sam@rivervalley.org", TEAM, ("River Valley",)),
        ("joe@rivervalley.org", FUNDER, ()),  # an exact email outranks the team's domain
        ("po@foundation.org", FUNDER, ()),
        ("eve@lakes.net", TEAM, ("Lakeside",)),
    ],
)
def test_roles_by_email_then_domain(email, role, collaborations):
    viewer = RULES.viewer(email)
    assert viewer is not None
    assert (viewer.role, viewer.collaborations) == (role, collaborations)


@pytest.mark.parametrize("email", ["x@elsewhere.com", "ana@region.org.evil.com", "", None, "ana"])
def test_no_role_for_others(email):
    assert RULES.viewer(email) is None


def test_a_domain_does_not_match_a_longer_domain():
    rules = AccessRules.from_config({"funders": ["foundation.org"]})
    assert rules.viewer("a@notfoundation.org") is None
    assert rules.viewer("a@foundation.org").role == FUNDER


def test_sign_in_without_rules_makes_everyone_a_coordinator():
    assert AccessRules.from_config(None).viewer("a@b.org").role == COORDINATOR


def test_a_bad_access_table_is_a_configuration_error(tmp_path):
    with pytest.raises(AccessError):
        AccessRules.from_config({"funder": ["x.org"]})
    config = tmp_path / "smallwins.toml"
    config.write_text('[[sources]]\nlocation = "a.xlsx"\nkind = "xlsx"\n[access]\nfunders = 3\n')
    with pytest.raises(ConfigError, match="'funders' must be a list"):
        load_config(config)


def _rv():
    sheets = river_valley()
    sheets["Wins"].append(
        [45342, "Ann Lee thanked jose@example.org and PEREZ", "Food Hub", "Bo Chen"]
    )
    return dataset_of(sheets)


def test_a_funder_view_has_pseudonyms_and_masked_text():
    full = _rv()
    view = anonymised(full)
    # 4 people: 3 listed + Eve Park from the records (Dee Dunn's only row is skipped: made "TBD")
    assert len(full.people) == 4
    assert view.people["name"].str.fullmatch(r"Person [A-Z2-7]{5}").all()
    assert view.people["name"].nunique() == 4
    assert view.people["email"].isna().all()
    assert set(view.commitments["person"]) <= set(view.people["person"])
    assert set(view.win_people["person"]) <= set(view.people["person"])
    (thanks,) = view.wins.loc[view.wins["win"].str.contains("thanked"), "win"]
    assert thanks == "[someone] thanked [someone] and [someone]"
    # the same person keeps one pseudonym across tables: Ann Lee's 1 commitment and 3 wins
    ann = full.people.loc[full.people["name"] == "Ann Lee", "person"].item()
    pseudonym = view.people.loc[full.people["person"] == ann, "person"].item()
    assert (view.commitments["person"] == pseudonym).sum() == 1
    assert (view.win_people["person"] == pseudonym).sum() == (
        full.win_people["person"] == ann
    ).sum()
    # figures that do not depend on who is who are unchanged
    assert len(view.wins) == len(full.wins) and len(view.commitments) == len(full.commitments)


def test_a_funder_view_hides_people_tab_values_in_problems():
    view = anonymised(_rv())
    people_rows = view.problems[view.problems["tab"] == "People"]
    assert not people_rows.empty
    assert set(people_rows["value"].dropna()) == {"[hidden]"}
    # "jose@example.org" is read on Wins as a person: its problem rows keep no email
    assert not view.problems["value"].astype("string").str.contains("@").fillna(False).any()


def test_a_team_view_holds_only_their_collaboration():
    full = _rv()
    lakeside = for_team(full, ["Lakeside"])
    assert lakeside.wins.empty and lakeside.commitments.empty
    assert len(lakeside.meetings) == 1
    assert sorted(lakeside.people["name"]) == ["Eve Park"]
