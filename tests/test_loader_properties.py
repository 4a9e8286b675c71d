"""Property tests: the loader fed arbitrary cells never raises and never loses a bad cell."""

import datetime as dt

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.schema import TAB_BY_NAME
from tests.fixtures import dataset_of

CELLS = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.builds(lambda piece, n: piece * n, st.text(min_size=1, max_size=4), st.integers(300, 3000)),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.datetimes(),
    st.sampled_from(
        [
            "#REF!",
            "#N/A",
            "#VALUE!",
            "TBD",
            "2024-02-30",
            "",
            "  ",
            "3/4/2025",
            "45000",
            "Ann and Bo",
            "a@b.co",
            "✓",
            "done",
            "<script>alert(1)</script>",
            "=1+1",
        ]
    ),
)
RECORD_TABS = ("Commitments", "Wins", "Meetings")
DATE_COLUMNS = {"Commitments": ("made", "due", "done"), "Wins": ("date",), "Meetings": ("date",)}


def _rows(columns):
    return st.lists(st.lists(CELLS, min_size=len(columns), max_size=len(columns)), max_size=6)


@st.composite
def workbooks(draw):
    sheets = {}
    for name in ("People", "Projects", *RECORD_TABS):
        columns = list(TAB_BY_NAME[name].columns)
        sheets[name] = [columns] + draw(_rows(columns))
    return sheets


def _is_blank(cell):
    if cell is None or (isinstance(cell, float) and cell != cell):
        return True
    return isinstance(cell, str) and not cell.strip()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(workbooks())
def test_arbitrary_cells_never_crash_and_every_dropped_row_is_reported(sheets):
    dataset = dataset_of(sheets)
    problems = dataset.problems
    assert problems["row"].notna().all()
    reported = set(zip(problems["tab"], problems["row"].astype(int), strict=True))
    tables = {
        "Commitments": dataset.commitments,
        "Wins": dataset.wins,
        "Meetings": dataset.meetings,
    }
    for tab, table in tables.items():
        kept = set(table["row"])
        for number, row in enumerate(sheets[tab][1:], start=2):
            if all(_is_blank(cell) for cell in row):
                assert number not in kept  # blank rows are skipped, not problems
            else:
                assert number in kept or (tab, number) in reported


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(workbooks())
def test_every_non_blank_date_is_read_or_reported(sheets):
    dataset = dataset_of(sheets)
    problems = dataset.problems
    located = set(
        zip(problems["tab"], problems["row"].astype(int), problems["column"], strict=True)
    )
    tables = {
        "Commitments": dataset.commitments,
        "Wins": dataset.wins,
        "Meetings": dataset.meetings,
    }
    for tab, columns in DATE_COLUMNS.items():
        header = sheets[tab][0]
        table = tables[tab].set_index("row")
        for number, row in enumerate(sheets[tab][1:], start=2):
            for column in columns:
                cell = row[header.index(column)]
                if _is_blank(cell) or number not in table.index:
                    continue
                value = table.loc[number, column]
                assert pd.notna(value) or (tab, number, column) in located


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.data_too_large])
@given(st.lists(st.lists(CELLS, max_size=12), max_size=10))
def test_any_grid_in_any_tab_loads(grid):
    sheets = {name: grid for name in ("People", "Projects", "Commitments", "Wins", "Meetings")}
    dataset = dataset_of(sheets)
    assert set(dataset.problems.columns) == {
        "source",
        "tab",
        "row",
        "column",
        "value",
        "kind",
        "reason",
    }
