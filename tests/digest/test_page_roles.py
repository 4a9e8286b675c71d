"""The Digests page is a coordinator's: a team member or a funder who opens its URL gets a
sentence, not the digests (which hold names and every collaboration)."""

from __future__ import annotations

import pytest

from tests.digest.conftest import digest_table, write_config
from tests.ui.apptest import open_page
from tests.ui.helpers import AUTH, sent_to_browser

PAGE = "pages/9_Digests.py"


@pytest.fixture
def configured(tmp_path, data_file, monkeypatch):
    config = write_config(
        tmp_path,
        data_file,
        digest_table("RV weekly", ["mailto:ana@region.org"], audience="coordinator"),
    )
    config.write_text(
        config.read_text()
        + '\n[access]\ncoordinators = ["ana@region.org"]\nfunders = ["@foundation.org"]\n'
        + '[access.teams]\n"River Valley" = ["rv.org"]\n'
    )
    monkeypatch.setenv("SMALLWINS_CONFIG", str(config))
    monkeypatch.setenv("SMALLWINS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)


def _open(email: str):
    user = {"is_logged_in": True, "email": email}
    return open_page(PAGE, {"to": "2026-10-28"}, user=user, secrets={"auth": AUTH})


@pytest.mark.parametrize("email", ["program.officer@foundation.org", "joe@rv.org"])
def test_only_a_coordinator_gets_the_digests(configured, email):
    app = _open(email)
    assert any("for coordinators" in info.value for info in app.info)
    sent = sent_to_browser(app)
    assert "First apprentice hired" not in sent and "Ann Lee" not in sent
    assert not any("Digests" in link.proto.label for link in app.sidebar.get("page_link"))


def test_a_coordinator_gets_them(configured):
    app = _open("ana@region.org")
    sent = sent_to_browser(app)
    assert "First apprentice hired" in sent and "High Plains" in sent
    assert any("Digests" in link.proto.label for link in app.sidebar.get("page_link"))
