"""Logging to a local workbook or CSV folder: once, atomically, text kept as text."""

from __future__ import annotations

import csv
import datetime as dt
import os

import pytest
from openpyxl import load_workbook

from dashboard.config import SourceConfig
from dashboard.sources.local import read_xlsx, write_xlsx
from dashboard.writing import NewWin, WriteError, write
from tests.fixtures import river_valley, write_csv_folder


def _win(**changes) -> NewWin:
    fields = dict(
        date=dt.date(2024, 3, 1), win="=1+1", project="Food Hub", people="Ann Lee", id="w-local-1"
    )
    fields.update(changes)
    return NewWin(**fields)


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "rv.xlsx"
    write_xlsx(path, river_valley())
    return path


def test_xlsx_appends_one_row_after_the_last_and_keeps_formulas_as_text(workbook):
    source = SourceConfig(location=str(workbook), kind="xlsx", writable=True)
    assert write(source, _win()) is True
    assert write(source, _win()) is False  # same id: not again
    rows = read_xlsx(workbook)["Wins"]
    assert rows[-1] == [dt.datetime(2024, 3, 1), "=1+1", "Food Hub", "Ann Lee", None, "w-local-1"]
    assert len(rows) == len(river_valley()["Wins"]) + 1
    cell = load_workbook(workbook)["Wins"].cell(len(rows), 2)
    assert cell.data_type == "s"


def test_a_crash_between_write_and_rename_leaves_the_workbook_as_it_was(workbook, monkeypatch):
    before = workbook.read_bytes()

    def crash(src, dst):
        raise OSError("power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(WriteError, match="power cut"):
        write(SourceConfig(location=str(workbook), kind="xlsx", writable=True), _win())
    assert workbook.read_bytes() == before
    leftovers = [p.name for p in workbook.parent.iterdir() if p.suffix == ".tmp"]
    assert leftovers == []


def test_csv_folder_appends_and_neutralises_formulas(tmp_path):
    folder = write_csv_folder(tmp_path / "rv", river_valley())
    source = SourceConfig(location=str(folder), kind="csv", writable=True)
    assert write(source, _win(win="@everyone +1")) is True
    assert write(source, _win(win="@everyone +1")) is False
    with (folder / "Wins.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[-1] == ["2024-03-01", "'@everyone +1", "Food Hub", "Ann Lee", "", "w-local-1"]
