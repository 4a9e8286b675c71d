"""What a funder receives: pseudonyms that a member list cannot undo, and no known name in any
text, whatever column the sheet put it in — checked on the Dataset and, through AppTest as a
signed-in funder, in everything every page sends to the browser."""

from __future__ import annotations

import datetime as dt
import re
import stat

import pandas as pd
import pytest

from dashboard import metrics
from dashboard.dataset import Dataset
from dashboard.privacy import anonymised
from dashboard.sources.local import write_xlsx
from dashboard.ui import page as page_module
from tests.fixtures import dataset_of
from tests.privacy.helpers import names_elsewhere_workbook
from tests.ui.apptest import open_view, views
from tests.ui.helpers import AUTH, sent_to_browser

NAMES = ("Ann Lee", "Bo Chen", "Cy Diaz", "Dee Dunn")
WORDS = ("Ann", "Lee", "Bo", "Chen", "Cy", "Diaz", "Dee", "Dunn")  # every part of 2+ letters

SECRET = "a deployment secret of more than 32 bytes"


@pytest.fixture
def full() -> Dataset:
    return dataset_of(names_elsewhere_workbook(), label="Ann Lee's sheet")


def _texts(dataset: Dataset) -> str:
    parts = [t.astype("string").to_csv() for t in (*dataset.tables().values(), dataset.problems)]
    parts += [repr(source) for source in dataset.sources]
    return "\n".join(parts)


def test_no_known_name_is_left_in_any_column(full):
    texts = _texts(full)
    assert all(name in texts for name in NAMES)  # the search can fail: the names are there
    hidden = _texts(anonymised(full, secret=SECRET))
    leaks = [w for w in WORDS if re.search(rf"(?<!\w){w}(?!\w)", hidden, re.IGNORECASE)]
    assert not leaks
    assert "@" not in hidden


def test_masked_groupings_stay_apart(full):
    view = anonymised(full, secret=SECRET)
    # "Ann's garden" and "Dee's garden" both mask to "[someone]'s garden": told apart
    assert sorted(view.projects["project"]) == ["[someone]'s garden", "[someone]'s garden (2)"]
    assert sorted(view.people["organization"]) == [
        "Self-employed ([someone])",
        "[someone] Consulting",
        "[someone] Farms",
        "[someone] Farms (2)",
    ]
    # so no figure changes: 4 people of 4 organizations, each link across organizations
    assert (
        metrics.summary(view, "2024-03-31")["cross_org_share"]
        == (metrics.summary(full, "2024-03-31")["cross_org_share"])
    )
    assert set(view.wins["category"]) == {"[someone]'s pick", "build"}


def test_a_people_tab_of_another_name_has_its_problem_values_hidden(full):
    problems = full.problems[full.problems["tab"] == "Members"]
    assert "bo.chen(at)mail" in set(problems["value"])  # an invalid email: a problem
    view = anonymised(full, secret=SECRET)
    assert set(view.problems.loc[view.problems["tab"] == "Members", "value"]) == {"[hidden]"}


def _people(n: int) -> Dataset:
    rows = [["Name", "Email"]] + [[f"Member {i:02d}", f"m{i:02d}@team.org"] for i in range(n)]
    sheets = names_elsewhere_workbook()
    sheets["Members"] = rows
    return dataset_of(sheets)


def test_a_member_list_cannot_undo_the_pseudonyms(monkeypatch):
    """The attack that re-identified the demo: rank the unkeyed hashes of the member list."""
    monkeypatch.delenv("SMALLWINS_PSEUDONYM_SECRET", raising=False)
    full = _people(60)
    view = anonymised(full)
    ids = pd.Series(full.people["person"].unique())
    guess = pd.util.hash_pandas_object(ids, index=False).rank(method="first").astype(int)
    guessed = dict(zip(ids, "Person " + guess.astype(str), strict=True))
    actual = dict(zip(full.people["person"], view.people["person"], strict=True))
    right = sum(guessed[person] == actual[person] for person in ids)
    assert right < 10  # by chance about 1 of 64; unkeyed, all 64 were right


def test_one_deployment_one_numbering_another_secret_another(monkeypatch, snapshot_folder):
    monkeypatch.delenv("SMALLWINS_PSEUDONYM_SECRET", raising=False)
    full = _people(30)
    first = anonymised(full).people["person"].tolist()
    kept = snapshot_folder / "pseudonym-secret"
    assert kept.is_file() and stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert anonymised(full).people["person"].tolist() == first  # the same file, the same names
    monkeypatch.setenv(
        "SMALLWINS_PSEUDONYM_SECRET", "another deployment, with a secret of 40 bytes"
    )
    assert anonymised(full).people["person"].tolist() != first
    assert (
        anonymised(full, secret="from streamlit secrets, at least 32 bytes long")
        .people["person"]
        .tolist()
        != first
    )


PAGES = [path for path, _ in page_module.PAGES]


@pytest.mark.parametrize(("page", "section"), views(PAGES))
def test_a_signed_in_funder_receives_no_name_on_any_page(tmp_path, monkeypatch, page, section):
    write_xlsx(tmp_path / "garden.xlsx", names_elsewhere_workbook())
    config = tmp_path / "smallwins.toml"
    config.write_text(
        '[[sources]]\nlocation = "garden.xlsx"\nname = "Ann Lee\'s sheet"\n\n'
        '[access]\ncoordinators = ["ana@region.org"]\nfunders = ["foundation.org"]\n'
    )
    monkeypatch.setenv("SMALLWINS_CONFIG", str(config))
    monkeypatch.chdir(tmp_path)
    user = {"is_logged_in": True, "email": "po@foundation.org"}
    app = open_view(page, section, {"to": "2024-03-31"}, user=user, secrets={"auth": AUTH})
    sent = sent_to_browser(app)
    assert "River Valley" in sent  # the page drew the data
    leaks = [w for w in WORDS if re.search(rf"(?<!\w){w}(?!\w)", sent)]
    assert not leaks


def test_the_impact_report_masks_names_in_its_highlighted_projects(full):
    from dashboard.reports.impact import build_report

    report = build_report(full, dt.date(2024, 3, 1), dt.date(2024, 3, 31))
    shown = report.highlights.astype("string").to_csv()
    assert "garden" in shown  # the projects are there
    assert not [w for w in WORDS if re.search(rf"(?<!\w){w}(?!\w)", shown)]


def test_the_impact_report_masks_a_collaboration_named_after_a_person():
    """A report that names no one (the default, ``[reports] show_names``) masks a collaboration
    named after a member as the app masks it for a funder: in its list, its rows and its
    paragraph — and names it as written when names may be shown."""
    from dashboard.reports.impact import build_report
    from dashboard.reports.impact_data import csv_rows

    workbook = names_elsewhere_workbook()
    workbook["Collaborations"] = [["Collaboration"], ["Ann Lee Circle"]]
    for tab in ("Members", "Projects"):
        for row in workbook[tab][1:]:
            row[-1] = "Ann Lee Circle"
    dataset = dataset_of(workbook)
    period = (dt.date(2024, 3, 1), dt.date(2024, 3, 31))
    report = build_report(dataset, *period)
    assert report.collaborations == ["[someone] Circle"]
    assert list(report.paragraphs) == ["[someone] Circle"]
    (paragraph,) = report.paragraphs.values()
    assert paragraph.startswith("[someone] Circle logged 2 small wins")
    written = "\n".join(",".join(map(str, row)) for row in csv_rows(report))
    assert "Circle" in written
    assert not [w for w in WORDS if re.search(rf"(?<!\w){w}(?!\w)", written)]
    named = build_report(dataset, *period, show_names=True)
    assert named.collaborations == ["Ann Lee Circle"]
