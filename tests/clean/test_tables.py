"""One home for the workbook's schema: ``schema.TABS`` names each tab and column once, and the
readers of ``clean.tables`` are built from it (a rule per column, nothing else)."""

from __future__ import annotations

import dataclasses

import pytest

from dashboard.clean import tables
from dashboard.schema import TAB_ALIASES, TABS


def test_each_tab_and_each_of_its_columns_is_defined_once():
    names = [tab.name for tab in TABS]
    assert len(names) == len(set(names))
    for tab in TABS:
        assert len(tab.columns) == len(set(tab.columns)), tab.name
        assert set(tab.required) <= set(tab.columns), tab.name
        assert set(tab.aliases.values()) <= set(tab.columns), tab.name
    assert set(TAB_ALIASES) == set(names)


def test_every_column_of_the_schema_has_one_reading_rule_and_every_rule_a_column():
    assert set(tables.RULES) == {tab.name for tab in TABS}
    assert [problem for tab in TABS for problem in tables.unruled(tab)] == []
    assert set(tables.READERS) == {tab.name for tab in TABS}


def test_a_column_added_to_the_schema_without_a_rule_stops_the_reader_being_built():
    wins = next(tab for tab in TABS if tab.name == "Wins")
    grown = dataclasses.replace(wins, columns=(*wins.columns, "mood"))
    with pytest.raises(ValueError, match=r"Wins\.mood: no rule"):
        tables.reader(grown)


def test_a_required_column_needs_a_rule_that_can_skip_its_row():
    people = next(tab for tab in TABS if tab.name == "People")
    strict = dataclasses.replace(people, required=("name", "email"))
    assert tables.unruled(strict) == ["People.email: required, but its rule cannot skip a row"]
