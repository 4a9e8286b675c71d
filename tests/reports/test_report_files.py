"""What the impact report's files say besides the figures: figures written as read, the
period in the name, nothing-to-compare said in words, and where the data comes from — a
snapshot above all — said in the file itself, not only on stderr."""

from __future__ import annotations

import csv
import datetime as dt
import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from dashboard import cli
from dashboard.config import load_config
from dashboard.loader import load
from dashboard.reports.impact import build_report
from dashboard.reports.impact_data import HEADER, csv_rows
from dashboard.reports.impact_render import figures_frame, write_report
from tests.fixtures import dataset_of, river_valley

FEB = (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
# river_valley()'s earliest record is the commitment made on 2024-01-15 (serial 45306)
FROM_THE_START = (dt.date(2024, 1, 1), dt.date(2024, 2, 29))
KEY = "1RiverValleyKeyAbcdefghijklmnopqrstu"


def _csv(report) -> list[list[str]]:
    return csv_rows(report)


def test_the_csv_writes_figures_as_read_under_words():
    rows = _csv(build_report(dataset_of(river_valley()), *FEB))
    assert (
        rows[0]
        == HEADER
        == [
            "section",
            "collaboration",
            "figure",
            "this period",
            "previous period",
            "change",
        ]
    )
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if re.fullmatch(r"-?\d+\.0", c) or c in ("nan", "None", "NaT")]
    assert not [c for c in cells if "_" in c]  # no code names (commitments_made, new_links…)
    headline = {row[2]: row[3:] for row in rows if row[0] == "headline"}
    # February: wins 02-10 and 02-18 (w-1's repeat and the #REF! row are not counted) = 2;
    # January none → +2. Due in February: 02-01 (kept) and 02-20 (open) → 50%; nothing was due
    # 3–31 January → no share, no change.
    assert headline["Small wins"] == ["2", "0", "2"]
    assert headline["Commitments kept (share of those due)"] == ["50%", "–", "–"]


def test_the_collaboration_list_is_said_once_not_on_every_row():
    rows = _csv(build_report(dataset_of(river_valley()), *FEB))
    listed = [row for row in rows if "; " in row[3] and "River Valley" in row[3]]
    assert [row[:3] for row in listed] == [["about", "", "collaborations"]]
    headline = [row[1] for row in rows if row[0] == "headline"]
    assert set(headline) == {"all in this report"}
    about = {row[2]: row[3] for row in rows if row[0] == "about"}
    assert about["period"] == "2024-02-01 to 2024-02-29"
    assert about["compared with"] == "2024-01-03 to 2024-01-31"  # the 29 days before


def test_a_period_with_nothing_before_it_says_so_instead_of_a_change():
    # 1 January – 29 February 2024 (60 days); the 60 days before it, 2023-11-02 … 2023-12-31,
    # hold no record: there is nothing to compare with
    report = build_report(dataset_of(river_valley()), *FROM_THE_START)
    assert report.previous is None
    assert report.figures["previous"].isna().all() and report.figures["change"].isna().all()
    assert list(figures_frame(report).columns) == ["", "this period"]
    assert (
        "nothing is recorded before this period to compare with"
        in (report.paragraphs["River Valley"])
    )
    assert "more than the previous period" not in " ".join(report.paragraphs.values())
    (note,) = report.notes
    assert note.startswith("Nothing to compare with: the records begin on 15 January 2024")
    about = {row[2]: row[3] for row in _csv(report) if row[0] == "about"}
    assert about["compared with"] == "nothing (no records)"


def test_a_partly_recorded_previous_period_is_compared_and_said_to_be_partial():
    report = build_report(dataset_of(river_valley()), *FEB)
    (note,) = report.notes
    assert "The records begin on 15 January 2024, inside the previous period" in note


def test_every_file_is_named_for_its_period(tmp_path, monkeypatch):
    report = build_report(dataset_of(river_valley()), *FEB)
    assert report.file_stem == "impact-report-2024-02-01-to-2024-02-29"
    from dashboard.sources.local import write_xlsx

    write_xlsx(tmp_path / "rv.xlsx", river_valley())
    monkeypatch.chdir(tmp_path)
    assert cli.main(["report", "rv.xlsx", "--from", "2024-02-01", "--to", "2024-02-29"]) == 0
    assert (tmp_path / "impact-report-2024-02-01-to-2024-02-29.pdf").is_file()


def _texts(report, folder) -> dict[str, str]:
    paths = {s: write_report(report, folder / f"r{s}") for s in (".pdf", ".html", ".csv", ".xlsx")}
    book = load_workbook(paths[".xlsx"])
    return {
        ".pdf": " ".join(page.extract_text() for page in PdfReader(paths[".pdf"]).pages),
        ".html": paths[".html"].read_text(encoding="utf-8"),
        ".csv": paths[".csv"].read_text(encoding="utf-8"),
        ".xlsx": " ".join(str(c.value) for s in book.worksheets for r in s.iter_rows() for c in r),
    }


def test_every_file_says_where_its_data_comes_from_and_when(tmp_path):
    from dashboard.config import settings_for
    from dashboard.sources.local import write_xlsx

    write_xlsx(tmp_path / "rv.xlsx", river_valley())
    dataset = load(settings_for(str(tmp_path / "rv.xlsx")))
    read = dt.datetime.fromisoformat(dataset.sources[0].read_at).astimezone(dt.UTC)
    report = build_report(dataset, *FEB)
    for suffix, text in _texts(report, tmp_path).items():
        assert f"rv: read {read:%Y-%m-%d %H:%M} UTC." in " ".join(text.split()), suffix
        assert "snapshot" not in text.casefold(), suffix


@pytest.fixture
def config(tmp_path):
    path = tmp_path / "smallwins.toml"
    path.write_text(
        f'[app]\ntimeout_seconds = 1\n\n[[sources]]\nlocation = "{KEY}"\nname = "River Valley"\n'
    )
    return path


@pytest.mark.slow
def test_a_report_from_a_snapshot_says_so_in_every_file(google, config, tmp_path):
    google.add_spreadsheet(KEY, river_valley(), title="River Valley book")
    good = load(load_config(config))
    assert not good.stale_sources
    read = good.sources[0].data_at  # when the good read was made: the snapshot's time
    google.deny(KEY)  # the sheet is no longer shared: the next read fails
    served = load(load_config(config))
    assert served.stale_sources
    report = build_report(served, *FEB)
    assert report.snapshot
    when = dt.datetime.fromisoformat(read).astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    for suffix, text in _texts(report, tmp_path).items():
        flat = " ".join(text.split())
        assert "River Valley: NOT read live" in flat, suffix
        assert f"last good snapshot of it, read {when}" in flat, suffix
    pdf = PdfReader(tmp_path / "r.pdf").pages[0].extract_text()
    assert pdf.index("Not every source could be read live") < pdf.index("Headline figures")


def test_the_report_command_says_what_it_wrote_and_from_what(google, config, tmp_path, capsys):
    google.add_spreadsheet(KEY, river_valley(), title="River Valley book")
    out = tmp_path / "report.csv"
    args = ["report", str(config), "--from", "2024-02-01", "--to", "2024-02-29", "--out", str(out)]
    assert cli.main(args) == 0
    assert capsys.readouterr().out == (
        f"wrote {out}: the impact report, 2024-02-01 to 2024-02-29 (CSV)\n"
    )
    google.deny(KEY)
    assert cli.main(args) == 0
    said = capsys.readouterr()
    assert said.out == (
        f"wrote {out}: the impact report, 2024-02-01 to 2024-02-29 (CSV; from a snapshot, as the "
        "warning above says)\n"
    )
    with out.open(newline="", encoding="utf-8") as handle:
        about = {row[2]: row[3] for row in csv.reader(handle) if row[0] == "about"}
    assert about["data"] == "NOT all read live: some figures are a last good snapshot's"
