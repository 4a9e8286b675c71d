"""Pseudonyms under attack (issue 21, findings 3, 4 and 5).

3. An empty (or short) ``pseudonym-secret`` file was used as the secret: every "Person N" could
   be recomputed from the member list. 4. Pseudonyms were ranks: one person joining renumbered
   a quarter of everyone. 5. A full or read-only cache folder crashed the funder's page, leaving
   a ``.tmp`` file per try.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import stat

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import cli
from dashboard.privacy import anonymised, pseudonyms
from dashboard.privacy.secret import SECRET_FILE, SecretUnavailable, pseudonym_secret
from dashboard.sources import cache
from dashboard.sources.local import write_xlsx
from tests.filesystems import full_folder, read_only_folder
from tests.fixtures import dataset_of
from tests.privacy.helpers import names_elsewhere_workbook
from tests.ui.apptest import ROOT, rendered
from tests.ui.helpers import AUTH, sent_to_browser

MEMBERS = pd.Series([f"member{i:03d}@team.org" for i in range(101)], dtype="string")


@pytest.fixture(autouse=True)
def no_configured_secret(monkeypatch):
    monkeypatch.delenv("SMALLWINS_PSEUDONYM_SECRET", raising=False)


def _unkeyed_guesses(secret: bytes) -> dict[str, str]:
    """What an attacker computes from the member list when the secret is known (here: empty)."""
    return {
        m: "Person "
        + base64.b32encode(hmac.new(secret, m.encode(), hashlib.sha256).digest()).decode()[:5]
        for m in MEMBERS
    }


@pytest.mark.parametrize("content", [b"", b"\n", b"short-secret", b"x" * 31])
def test_a_short_secret_file_is_replaced_never_used(content):
    folder = cache.ensure_dir()
    (folder / SECRET_FILE).write_bytes(content)
    codes = pseudonyms(MEMBERS)
    guessed = _unkeyed_guesses(content.strip())
    assert sum(codes[m] == guessed[m] for m in MEMBERS) == 0  # was 101 of 101
    kept = (folder / SECRET_FILE).read_bytes()
    assert len(kept) >= 32 and kept != content
    assert stat.S_IMODE((folder / SECRET_FILE).stat().st_mode) == 0o600
    assert pseudonyms(MEMBERS).equals(codes)  # the new file is kept and used from now on


@pytest.mark.parametrize("where", ["env", "given"])
def test_a_short_configured_secret_stops_with_its_name(monkeypatch, where):
    if where == "env":
        monkeypatch.setenv("SMALLWINS_PSEUDONYM_SECRET", "tooshort")
        with pytest.raises(SecretUnavailable, match="SMALLWINS_PSEUDONYM_SECRET"):
            pseudonym_secret()
    else:
        with pytest.raises(SecretUnavailable, match=r"\[privacy\] pseudonym_secret"):
            pseudonym_secret("tooshort")


def test_a_person_keeps_their_pseudonym_when_someone_joins():
    before = pseudonyms(MEMBERS)
    joined = pd.concat([pd.Series(["newcomer@team.org"], dtype="string"), MEMBERS])
    after = pseudonyms(joined)
    assert all(after[m] == before[m] for m in MEMBERS)  # was: 24 of 101 renumbered
    assert after.nunique() == 102
    assert before.str.fullmatch(r"Person [A-Z2-7]{5}").all()  # a code, not a rank


def test_codes_that_clash_are_kept_apart(monkeypatch):
    """With the code cut to one character, 101 people must clash: each clash is lengthened
    until the codes differ, and people who clash with nobody keep their short code."""
    monkeypatch.setattr("dashboard.privacy.funder.CODE_CHARS", 1)
    codes = pseudonyms(MEMBERS)
    assert codes.nunique() == 101
    assert codes.str.len().max() > len("Person X")
    monkeypatch.setattr("dashboard.privacy.funder.CODE_CHARS", 5)
    full = pseudonyms(MEMBERS)
    assert all(full[m].startswith(codes[m]) or codes[m].startswith(full[m]) for m in MEMBERS)


def _config(tmp_path):
    write_xlsx(tmp_path / "garden.xlsx", names_elsewhere_workbook())
    config = tmp_path / "smallwins.toml"
    config.write_text(
        f'[[sources]]\nlocation = "{tmp_path / "garden.xlsx"}"\nname = "Garden"\n\n'
        '[access]\ncoordinators = ["ana@region.org"]\nfunders = ["foundation.org"]\n'
    )
    return config


@pytest.mark.parametrize("fault", ["full", "read-only"])
def test_a_cache_that_cannot_be_written_refuses_the_funder_view_cleanly(
    tmp_path, monkeypatch, capsys, fault
):
    config = _config(tmp_path)
    folder = tmp_path / "cache"
    make = full_folder(folder) if fault == "full" else read_only_folder(folder)
    with make:
        monkeypatch.setenv("SMALLWINS_CACHE_DIR", str(folder))
        with pytest.raises(SecretUnavailable, match="pseudonym-secret"):
            anonymised(dataset_of(names_elsewhere_workbook()))
        out = tmp_path / "network.graphml"
        assert cli.main(["network", str(config), "--out", str(out)]) == 2
        assert "pseudonym secret" in capsys.readouterr().err and not out.exists()
        monkeypatch.setenv("SMALLWINS_CONFIG", str(config))
        app = _funder_page(monkeypatch)
        shown = rendered(" ".join(e.value for e in app.error))
        assert "pseudonym secret file" in shown and "SMALLWINS_PSEUDONYM_SECRET" in shown
        assert "Ann Lee" not in sent_to_browser(app)
        assert not [f for f in os.listdir(folder) if f.endswith(".tmp")]


def _funder_page(monkeypatch):
    """The funder's Momentum page through AppTest; the page may stop, never raise."""
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    app.secrets["auth"] = AUTH
    app.user = {"is_logged_in": True, "email": "po@foundation.org"}
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_a_good_secret_file_in_a_read_only_folder_is_used(tmp_path, monkeypatch):
    secret = b"k" * 43
    with read_only_folder(tmp_path / "cache", {SECRET_FILE: secret}) as folder:
        monkeypatch.setenv("SMALLWINS_CACHE_DIR", str(folder))
        assert pseudonym_secret() == secret
        assert (
            anonymised(dataset_of(names_elsewhere_workbook()))
            .people["name"]
            .str.startswith("Person ")
            .all()
        )
