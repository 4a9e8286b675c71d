"""Names that reached a funder unmasked (issue 21, finding 2), through every way out.

A known name inside text with no spaces around it (Chinese), with zero-width characters or a soft
hyphen inside it, joined by underscores or digits, and after a curly apostrophe: masked by the
Masker, on the funder's Momentum and Impact report pages (AppTest: everything sent to the
browser) and in ``smallwins report --out x.csv`` with names off.
"""

from __future__ import annotations

import re

import pytest

from dashboard import cli
from dashboard.folding import for_finding
from dashboard.privacy.masking import Masker
from dashboard.sources.local import write_xlsx
from tests.fixtures import dataset_of
from tests.ui.apptest import open_page
from tests.ui.helpers import AUTH, sent_to_browser

NAMES = ["Ann Lee", "José Pérez", "Seán O'Brien", "王小明"]
HOSTILE = {
    "王小明完成了培训": "[someone]完成了培训",
    "An\u200bn Le\u200be ran the workshop": "[someone] ran the workshop",
    "Jo\u00adsé joined": "[someone] joined",
    "Certificate_Ann_Lee.pdf": "Certificate_[someone].pdf",
    "ann_lee_workshop.jpg": "[someone]_workshop.jpg",
    "Ann2024 kickoff": "[someone]2024 kickoff",
    "O’Brien hosted": "[someone] hosted",
    "Thanks to Seán O’Brien": "Thanks to [someone]",
}
# what must not be found in anything a funder receives (folded as the masker folds)
PROBES = ["ann", "lee", "jose", "perez", "sean", "brien", "o'brien", "王小明"]


def leaks(text: str) -> list[str]:
    folded = for_finding(text)[0].casefold()
    found = [p for p in PROBES if not p.isascii() and p in folded]
    return found + [
        p
        for p in PROBES
        if p.isascii() and re.search(rf"(?<![^\W\d_]){re.escape(p)}(?![^\W\d_])", folded)
    ]


def workbook() -> dict[str, list[list[object]]]:
    texts = list(HOSTILE)
    return {
        "Collaborations": [["Collaboration"], ["River Valley"]],
        "People": [
            ["Name", "Email", "Organization", "Sector", "Collaboration"],
            *[[name, "", "Acme", "business", "River Valley"] for name in NAMES],
        ],
        "Projects": [["Project", "Collaboration"], ["Garden", "River Valley"]],
        "Wins": [
            ["Date", "Win", "Project", "People", "Evidence"],
            *[
                [f"2024-03-{day:02d}", text, "Garden", "Ann Lee", texts[-day]]
                for day, text in enumerate(texts, start=1)
            ],
        ],
    }


@pytest.mark.parametrize("text", list(HOSTILE))
def test_the_masker_finds_the_name_however_it_is_written(text):
    masker = Masker(dataset_of(workbook()).people)
    assert masker(text) == HOSTILE[text]
    assert not leaks(masker(text))


@pytest.mark.parametrize("text", ["Annual report", "Leeds trip", "Joseph's plan", "小明天"])
def test_words_that_only_contain_a_name_are_kept(text):
    masker = Masker(dataset_of(workbook()).people)
    assert masker(text) == text  # "小明天": only the whole "王小明" is a name


@pytest.fixture
def config(tmp_path, monkeypatch):
    write_xlsx(tmp_path / "hostile.xlsx", workbook())
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
    app = open_page(page, {"from": "2024-03-01", "to": "2024-03-31"}, user=user,
                    secrets={"auth": AUTH})  # fmt: skip
    sent = sent_to_browser(app)
    assert "workshop" in sent or "kickoff" in sent  # the wins were drawn
    assert not leaks(sent)
