"""A team member's Data health shows the problems of their own rows only (issue 21, finding 1).

One untagged workbook holds two collaborations. Lakeside's People row with a mistyped email, a
duplicate of a Lakeside win (its full text), a Lakeside commitment skipped for a missing date,
a People row naming no collaboration and a skipped win naming none are never sent to a River
Valley member's browser; River Valley's own problems are. A coordinator sees them all.
"""

from __future__ import annotations

import pytest

from dashboard.privacy import team_problems
from dashboard.sources.local import write_xlsx
from tests.fixtures import dataset_of
from tests.ui.apptest import open_page
from tests.ui.helpers import AUTH, FOREIGN, sent_to_browser, two_collaborations_workbook


def test_the_rule_keeps_only_rows_placed_in_the_team():
    dataset = dataset_of(two_collaborations_workbook())
    every = " ".join(dataset.problems["value"].dropna())
    assert all(value in every for value in FOREIGN)  # each is a problem's value: it can leak
    shown = team_problems(dataset, ["River Valley"])
    values = " ".join(shown["value"].dropna())
    assert all(own in values for own in ("rv.typo(at)mail", "not-a-date-rv", "Ghost Person"))
    assert not [foreign for foreign in FOREIGN if foreign in values]
    # a source tagged with a collaboration: every problem of it is that team's
    tagged = dataset_of(two_collaborations_workbook(), collaboration="Lakeside")
    assert "lake.typo(at)mail" in set(team_problems(tagged, ["Lakeside"])["value"])


@pytest.fixture
def roles(tmp_path, monkeypatch):
    write_xlsx(tmp_path / "two.xlsx", two_collaborations_workbook())
    config = tmp_path / "smallwins.toml"
    config.write_text(
        f'[[sources]]\nlocation = "{tmp_path / "two.xlsx"}"\nname = "Shared"\n\n'
        '[access]\ncoordinators = ["ana@region.org"]\n'
        '[access.teams]\n"River Valley" = ["rivervalley.org"]\n"Lakeside" = ["lake.org"]\n'
    )
    monkeypatch.setenv("SMALLWINS_CONFIG", str(config))
    monkeypatch.chdir(tmp_path)


def _data_health(email: str) -> str:
    user = {"is_logged_in": True, "email": email}
    app = open_page("pages/5_Data_health.py", user=user, secrets={"auth": AUTH})
    return sent_to_browser(app)


def test_a_team_member_receives_only_their_rows_problems(roles):
    sent = _data_health("joe@rivervalley.org")
    assert "rv.typo(at)mail" in sent and "not-a-date-rv" in sent  # their own, shown
    leaked = [foreign for foreign in FOREIGN if foreign in sent]
    assert not leaked


def test_a_team_is_told_only_of_sources_holding_its_rows(tmp_path, roles, monkeypatch):
    config = tmp_path / "smallwins.toml"
    config.write_text(
        config.read_text().replace(
            "[access]",
            f'[[sources]]\nlocation = "{tmp_path / "lakeside-gone.xlsx"}"\nname = "Lakeside '
            f'sheet"\ncollaboration = "Lakeside"\n\n[access]',
        )
    )
    member = _data_health("joe@rivervalley.org")
    assert "Shared" in member and "lakeside-gone.xlsx" not in member
    assert "lakeside-gone.xlsx" in _data_health("sue@lake.org")  # theirs: they see it failed


def test_a_coordinator_receives_every_problem(roles):
    sent = _data_health("ana@region.org")
    assert all(value in sent for value in ("lake.typo(at)mail", "nobody.typo(at)mail"))
    assert "Lakeside secret deal with the mayor" in sent
