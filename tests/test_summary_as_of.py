"""``summary`` without ``--as-of`` takes the app's default day (``dashboard.periods``) and says
why on stderr; its text rounds shares as the app does. Worked out from river_valley: its last
recorded activity is the meeting on serial 45351, 29 February 2024."""

from __future__ import annotations

import json
import re

from dashboard import cli
from dashboard.sources.local import write_xlsx
from tests.fixtures import river_valley


def _workbook(tmp_path):
    path = tmp_path / "rv.xlsx"
    write_xlsx(path, river_valley())
    return str(path)


def test_summary_of_an_old_export_is_as_of_its_last_activity(tmp_path, capsys):
    assert cli.main(["summary", _workbook(tmp_path), "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["as_of"] == "2024-02-29"  # the app's Overview says the same day
    assert "note: Figures are as of 29 February 2024, the last recorded activity" in err
    assert "Give --as-of to choose the day." in err


def test_a_day_given_is_used_and_nothing_is_said(tmp_path, capsys):
    assert cli.main(["summary", _workbook(tmp_path), "--json", "--as-of", "2024-02-15"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["as_of"] == "2024-02-15" and "note:" not in err


def test_summary_text_rounds_a_share_to_a_whole_percent(tmp_path, capsys):
    # by 29 February 2024 two commitments are due and not dropped: José's (due 1 Feb, done 30
    # Jan) and Ann's (due 20 Feb, still open): follow-through 1/2, shown 50% (not 50.0%)
    assert cli.main(["summary", _workbook(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    line = next(x for x in out if x.startswith("commitments kept"))  # words, not follow_through
    assert re.split(r"\s{2,}", line)[1] == "50%"  # the "all" column
    assert not any(x.startswith("follow_through") for x in out)


def test_agenda_without_a_date_is_for_the_same_day(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["agenda", _workbook(tmp_path), "--project", "Food Hub"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("wrote agenda-2024-02-29-Food-Hub.md")  # not today's date
    assert "meeting of 2024-02-29" in out
    assert "Give --date to choose the day." in err


def test_network_without_a_day_is_as_of_the_same_day(tmp_path, capsys):
    out_path = tmp_path / "rv.graphml"
    assert cli.main(["network", _workbook(tmp_path), "--out", str(out_path)]) == 0
    out, err = capsys.readouterr()
    assert "as of 2024-02-29" in out and out_path.is_file()
    assert "note: Figures are as of 29 February 2024" in err
