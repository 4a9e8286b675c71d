"""Names that reached a funder unmasked (issue 21, finding 2), through every way out.

A known name inside text with no spaces around it (Chinese), with zero-width characters or a soft
hyphen inside it, joined by underscores or digits, and after a curly apostrophe: masked by the
Masker, on the funder's Momentum and Impact report pages (AppTest: everything sent to the
browser) and in ``smallwins report --out x.csv`` with names off.
"""

from __future__ import annotations

import pytest

from dashboard import cli
from dashboard.privacy.masking import Masker
from dashboard.sources.local import write_xlsx
from tests.fixtures import dataset_of
from tests.privacy.helpers import HOSTILE, hostile_workbook, leaks
from tests.ui.apptest import open_sections
from tests.ui.helpers import AUTH, sent_to_browser


@pytest.mark.parametrize("text", list(HOSTILE))
def test_the_masker_finds_the_name_however_it_is_written(text):
    masker = Masker(dataset_of(hostile_workbook()).people)
    assert masker(text) == HOSTILE[text]
    assert not leaks(masker(text))


@pytest.mark.parametrize("text", ["Annual report", "Leeds trip", "Joseph's plan", "小明天"])
def test_words_that_only_contain_a_name_are_kept(text):
    masker = Masker(dataset_of(hostile_workbook()).people)
    assert masker(text) == text  # "小明天": only the whole "王小明" is a name


@pytest.fixture
def config(tmp_path, monkeypatch):
    write_xlsx(tmp_path / "hostile.xlsx", hostile_workbook())
    path = tmp_path / "smallwins.toml"
    path.write_text(
        f'[[sources]]\nlocation = "{tmp_path / "hostile.xlsx"}"\nname = "Hostile"\n\n'
        '[access]\ncoordinators = ["ana@region.org"]\nfunders = ["foundation.org"]\n'
    )
    monkeypatch.setenv("SMALLWINS_CONFIG", str(path))
    monkeypatch.chdir(tmp_path)
    return path


def test_the_report_csv_with_names_off_masks_them(config, tmp_path):
    out = tmp_path / "report.csv"
    assert cli.main(["report", str(config), "--from", "2024-03-01", "--to", "2024-03-31",
                     "--out", str(out)]) == 0  # fmt: skip
    written = out.read_text(encoding="utf-8")
    assert "workshop" in written  # the wins are there
    assert not leaks(written)


@pytest.mark.parametrize("page", ["pages/1_Momentum.py", "pages/7_Impact_report.py"])
def test_a_funder_page_sends_no_name_to_the_browser(config, page):
    user = {"is_logged_in": True, "email": "po@foundation.org"}
    apps = open_sections(
        page, {"from": "2024-03-01", "to": "2024-03-31"}, user=user, secrets={"auth": AUTH}
    )  # fmt: skip  (each section of a long page)
    sent = "\n".join(sent_to_browser(app) for app in apps)
    assert "workshop" in sent or "kickoff" in sent  # the wins were drawn
    assert not leaks(sent)
