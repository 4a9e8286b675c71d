"""The server's start: the data prepared before the first viewer comes, not while they wait.

``streamlit run app.py`` finds the ``st.App`` that ``app.py`` names and serves it; its lifespan
(``lifespan`` here) runs once, when the server starts and before it answers anyone. Without it
the first viewer of a restarted server, a new replica or an app woken from sleep waited for what
every start repeats: the pages' modules imported, the sources read (the snapshots on disk, local
workbooks) and cleaned (``loader.merged``, itself quick when the clean tables were kept by an
earlier run) — 1.5–2 s on the demo workbook and seconds more on large ones — and the Overview's
figures of the view a visitor opening the address gets (when nobody signs in: a signed-in
visitor's view depends on who they are). ``prepare`` does all of that here. The server answers
its health check once it is done, or after ``PREPARE_WAIT_SECONDS`` whatever happens (the
preparing then goes on in the background, and a page that needs it waits for the same work,
never doing it twice: Streamlit's caches compute a value once).

A configuration mistake, or anything else that fails here, is logged and left to the first page,
which says what is wrong as it always did: a server never fails to start because of its data.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import pkgutil
import time
from collections.abc import AsyncIterator

from dashboard import ui
from dashboard.sources import collector
from dashboard.ui import data

log = logging.getLogger(__name__)

PREPARE_WAIT_SECONDS = 30.0  # the longest a server's start waits on its data (a slow Google)
FIRST_READ_WAIT_SECONDS = 20.0  # a sheet never read here: its first read, within the above


@contextlib.asynccontextmanager
async def lifespan(_app: object) -> AsyncIterator[None]:
    """``st.App``'s lifespan: prepare the data and the opening Overview (``prepare``), then
    serve."""
    started = time.monotonic()
    try:
        shown = await asyncio.wait_for(asyncio.to_thread(prepare), PREPARE_WAIT_SECONDS)
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


# what a page imports of the package beyond ``dashboard.charts`` and ``dashboard.ui``'s modules
# (tests/ui/test_server_start.py fails when a page imports a module no list here names)
PAGES_ALSO_IMPORT = ("dashboard.reports.agenda_render", "dashboard.digest.sent_log")


def import_pages_modules() -> None:
    """Every module the pages use imported: ``dashboard.charts``, each module of
    ``dashboard.ui`` and ``PAGES_ALSO_IMPORT``. Done at start, not at each page's first visit:
    the Impact report's PDF library alone took 0.2 s of its first viewer's wait. Imported here,
    once Streamlit's runtime is up: their figure caches would warn before it."""
    importlib.import_module("dashboard.charts")
    for module in pkgutil.walk_packages(ui.__path__, "dashboard.ui."):
        importlib.import_module(module.name)
    for name in PAGES_ALSO_IMPORT:
        importlib.import_module(name)


def prepare() -> int:
    """The pages' modules imported (and set aside from the cyclic collector: they live as long
    as the server), the data read and cleaned (``data.prepare``), and — when nobody signs in,
    so every visitor's opening view is the same — the Overview's figures of that view
    (``page.opening_view``) computed into the figure cache. Returns how many sources had
    something to show."""
    import_pages_modules()
    from dashboard.ui import access, figures, page

    collector.freeze_long_lived()  # the modules, not the data: see its notes
    dataset = data.prepare(FIRST_READ_WAIT_SECONDS)
    if dataset is None:
        return 0
    if not access.sign_in_configured():  # a signed-in visitor's view is theirs: not guessed
        view = page.opening_view(dataset)
        figures.headline(view)  # what app.py shows, in its order
        figures.previous_headline(view)
        figures.series(view)
        figures.collaboration_rows(view)
    return len(dataset.sources)
