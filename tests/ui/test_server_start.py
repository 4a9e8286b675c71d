"""What a server's start prepares (``ui.server.prepare``) is what the Overview's first visitor
would otherwise compute: after it, the visit cleans nothing and computes no figure again — the
view the start made (``page.opening_view``) is the one ``page.setup`` makes for a visitor whose
link names nothing."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.ui import data, figures, server
from tests.ui.apptest import ROOT, open_page


def _again(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("computed again on the first visit")


@pytest.fixture
def demo(monkeypatch):
    monkeypatch.delenv("SMALLWINS_CONFIG", raising=False)
    st.cache_data.clear()  # no figure of an earlier test on this worker stands in
    data.reset()


def test_after_the_start_the_overviews_first_visit_computes_nothing(demo, monkeypatch):
    assert server.prepare() == 1  # the bundled demo workbook: one source
    monkeypatch.setattr(data, "merged", _again)
    monkeypatch.setattr(figures.metrics, "headline", _again)
    monkeypatch.setattr(figures.collaborations, "period_series", _again)
    monkeypatch.setattr(figures.collaborations, "collaboration_rows", _again)
    app = open_page("app.py")  # fails on any exception of the run
    assert [m.label for m in app.metric][:2] == ["Wins, last 30 days", "Follow-through"]


def test_without_the_start_the_same_visit_computes_them(demo, monkeypatch):
    """The check above can fail: with nothing prepared, the visit computes the headline."""
    monkeypatch.setattr(figures.metrics, "headline", _again)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()
    assert "computed again" in str(app.exception[0].value)
