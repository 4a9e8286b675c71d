"""One replica, as a separate process on its own "host" (its own cache folder, from
``SMALLWINS_CACHE_DIR``; Redis from ``SMALLWINS_REDIS_URL`` when set), doing one thing and
printing what happened as one JSON line per step:

- ``read CONFIG MAX_AGE``: read every source as the app does (``read_all``, copies confirmed
  within MAX_AGE seconds by any replica taken as they are);
- ``loop CONFIG SECONDS``: read every source again and again (``max_age`` 0, as the commands do)
  for SECONDS, a line each time, with the store's outage if any;
- ``shown CONFIG``: what a freshly started app server shows at once (``Refresher.current``);
- ``pseudonyms CONFIG``: the funder's pseudonym of every person of the sources.
"""

from __future__ import annotations

import json
import os
import sys
import time

from dashboard.config import load_config
from dashboard.loader import FailedRead, load, plan_for, read_all
from dashboard.sources import shared


def _summary(reads) -> dict:
    return {
        "failed": sum(isinstance(read, FailedRead) for read in reads),
        "stale": sum(bool(getattr(read, "stale", None)) for read in reads),
        "taken": sum(bool(getattr(read, "unchanged", False)) for read in reads),
        "read": len(reads),
    }


def main(command: str, config: str, *rest: str) -> None:
    settings = load_config(config)
    if command == "read":
        reads = read_all(settings.sources, plan_for(settings, max_age=float(rest[0]))).reads
        print(json.dumps(_summary(reads)), flush=True)
    elif command == "loop":
        until = time.monotonic() + float(rest[0])
        while time.monotonic() < until:
            reads = read_all(settings.sources, plan_for(settings)).reads
            outage = shared.active().outage
            print(json.dumps({**_summary(reads), "outage": outage}), flush=True)
            time.sleep(0.2)
    elif command == "shown":
        from dashboard.refresher import Refresher

        current = Refresher(settings, None).current()
        print(json.dumps({"shown": len(current.reads), "pending": len(current.pending)}))
        sys.stdout.flush()
        os._exit(0)  # not waiting for the background read (Google may be hung)
    elif command == "pseudonyms":
        from dashboard.privacy.funder import pseudonyms

        dataset = load(settings)
        print(json.dumps(pseudonyms(dataset.people["person"]).to_dict()), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
