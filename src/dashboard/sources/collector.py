"""Python's cyclic garbage collector paused while a large read is parsed or cleaned.

Reading a workbook makes a few hundred thousand small containers that hold no reference cycle:
a batchGet answer's row lists, the lists a people column is split into. The collector sets off
a collection every 700 new containers, and whatever survives is walked again in the older
generations; with the answer's rows alive through cleaning, each full collection walks all of
them once more. On the 200,000-commitment workbook that was about 60 % of the parse (0.55 s of
CPU against 0.21 s paused) and about 0.4 s of the cleaning's 3.5 s, for nothing collected.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off for the block, then back as it was: on only if it was on, so a
    caller that had paused it finds it paused still. Reference counting still frees everything
    as usual meanwhile; only cycles made in the block wait for the next collection after it.
    Two threads in such blocks at once leave it on once both are done (the first to finish may
    turn it on while the other is still in its block: that block is only slower)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def freeze_long_lived() -> None:
    """Everything alive now set aside from the cyclic collector for good (``gc.freeze``): called
    once a server has imported its modules, before any data is read.

    Streamlit runs a full collection after every script run (``runner.postScriptGC``), holding
    the interpreter while it walks every object alive. Most of those are the modules imported
    at start — Streamlit, pandas, pyarrow, Altair and the app, about 175,000 objects that live
    as long as the server — and walking them took 0.12 s after every run of a page (median of
    eight Overview visits, up to 0.3 s; 4 ms frozen): a viewer's page could wait for it, since
    the run's last messages are sent by the same interpreter. Frozen, they are not walked
    again; the collections after a run walk only what the runs made. Called before the data is
    read, so a dataset replaced later is still collected as usual (freezing it would keep a
    replaced dataset's cycles for the server's life). Reference counting frees frozen objects
    as it always did."""
    gc.collect()
    gc.freeze()
