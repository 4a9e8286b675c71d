"""The pages' figures (``ui.figures``): typed, and cached by the view itself."""

from __future__ import annotations

import dataclasses
import datetime as dt

from dashboard.access import OPEN, Viewer
from dashboard.filtering import filtered
from dashboard.metrics.headline import KEYS, headline
from dashboard.ui import figures
from dashboard.ui.filters import Filters
from dashboard.ui.page import View
from tests.fixtures import dataset_of, river_valley

FILTERS = Filters((), (), dt.date(2024, 1, 1), dt.date(2024, 3, 1))


def _view(dataset, chosen=FILTERS, viewer=OPEN) -> View:
    return View(dataset, filtered(dataset, chosen.collaborations, chosen.projects), chosen, viewer)


def test_the_headline_has_a_field_for_each_figure_of_metrics_headline_and_no_other():
    assert tuple(f.name for f in dataclasses.fields(figures.Headline)) == KEYS


def test_the_headline_of_a_view_holds_metrics_headline_figures():
    dataset = dataset_of(river_valley())
    shown = figures.headline(_view(dataset))
    assert dataclasses.asdict(shown) == headline(dataset, "2024-03-01")
    assert shown.as_of == "2024-03-01"


def test_views_are_equal_by_data_read_audience_and_filters_not_by_frames_or_email():
    dataset = dataset_of(river_valley())
    same = _view(dataset_of(river_valley()), viewer=Viewer("coordinator", "b@region.org"))
    assert same == _view(dataset) and hash(same) == hash(_view(dataset))
    later = dataclasses.replace(FILTERS, end=dt.date(2024, 2, 1))
    assert _view(dataset, later) != _view(dataset)
    team = Viewer("team", "t@region.org", ("River Valley",))
    assert _view(dataset, viewer=team) != _view(dataset)


def test_every_filter_is_part_of_the_view_identity():
    """A filter added to ``Filters`` is in the key without anyone adding it there."""
    view = _view(dataset_of(river_valley()))
    assert view.filters in view.identity()
    assert view.data_read in view.identity() and view.audience in view.identity()


def test_a_figure_is_computed_once_per_view(monkeypatch):
    dataset = dataset_of(river_valley())
    calls = []
    real = figures.Headline.of

    def counted(records, as_of):
        calls.append(as_of)
        return real(records, as_of)

    monkeypatch.setattr(figures.Headline, "of", counted)
    figures.previous_headline(_view(dataset))
    figures.previous_headline(_view(dataset))  # an equal view: from the cache
    assert len(calls) == 1
    figures.previous_headline(_view(dataset, dataclasses.replace(FILTERS, projects=("Trail",))))
    assert len(calls) == 2
