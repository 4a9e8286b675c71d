"""The bundled demo workbook, loaded once per test process and shared.

Tests take it as the session fixture ``demo_dataset`` (tests/conftest.py); helpers that build on
it outside a fixture (a module's cached chart series) call ``demo_dataset()`` here. Loading it
takes a second or two; before, nine places loaded it afresh. The dataset's frames are shared, so
a test must not change them in place (every dashboard function returns new frames).
"""

from __future__ import annotations

from functools import cache

from dashboard.config import demo_settings
from dashboard.dataset import Dataset
from dashboard.loader import load


@cache
def demo_dataset() -> Dataset:
    return load(demo_settings())
