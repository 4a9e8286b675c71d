"""The server's start: the data prepared before the first viewer comes, not while they wait.

``streamlit run app.py`` finds the ``st.App`` that ``app.py`` names and serves it; its lifespan
(``lifespan`` here) runs once, when the server starts and before it answers anyone. Without it
the first viewer of a restarted server, a new replica or an app woken from sleep waited for what
every start repeats — the imports (done by then: ``app.py`` imports the pages' modules), reading
the sources (the snapshots on disk, local workbooks), and cleaning them (``loader.merged``,
itself quick when the clean tables were kept by an earlier run) — 1.5–2 s on the demo workbook
and seconds more on large ones. Now the server answers its health check once that is done, or
after ``PREPARE_WAIT_SECONDS`` whatever happens (the preparing then goes on in the background,
and a page that needs it waits for the same work, never doing it twice: ``st.cache_resource``
computes a value once).

A configuration mistake, or anything else that fails here, is logged and left to the first page,
which says what is wrong as it always did: a server never fails to start because of its data.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import time
from collections.abc import AsyncIterator

from dashboard.ui import data

log = logging.getLogger(__name__)

PAGE_MODULES = ("dashboard.ui.page", "dashboard.ui.figures", "dashboard.charts")  # the Overview's
PREPARE_WAIT_SECONDS = 30.0  # the longest a server's start waits on its data (a slow Google)
FIRST_READ_WAIT_SECONDS = 20.0  # a sheet never read here: its first read, within the above


@contextlib.asynccontextmanager
async def lifespan(_app: object) -> AsyncIterator[None]:
    """``st.App``'s lifespan: prepare the data (``data.prepare``), then serve."""
    started = time.monotonic()
    try:
        shown = await asyncio.wait_for(asyncio.to_thread(_prepare), PREPARE_WAIT_SECONDS)
    except TimeoutError:
        log.warning(
            "the data is still being prepared after %.0f s: serving meanwhile",
            PREPARE_WAIT_SECONDS,
        )
    except Exception as error:  # a ConfigError among them: the first page says what is wrong
        # the type alone: a message may quote a configured value, and secrets never reach a log
        log.warning("the data could not be prepared at start (%s)", type(error).__name__)
    else:
        log.info("%d source(s) read and cleaned in %.1f s", shown, time.monotonic() - started)
    yield


def _prepare() -> int:
    """The Overview's modules imported, then the data read and cleaned (``data.prepare``)."""
    for name in PAGE_MODULES:
        importlib.import_module(name)
    return data.prepare(FIRST_READ_WAIT_SECONDS)
