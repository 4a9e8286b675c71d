"""``init``: a starter ``smallwins.toml``, so switching on writing is one command, not a hunt
through the docs (docs/operating.md, "Configuration").

Without a SOURCE it copies the bundled demo workbook (which is read-only) to ``my-team.xlsx``
and names the copy, writing on: the quickest way to try logging wins. With one, it names that
workbook or sheet instead.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import sys
from pathlib import Path

from dashboard.cli.types import SOURCE_HELP, Commands


def _location(source: str, folder: Path) -> str:
    """A local path as the configuration should hold it: relative to the file's folder when it
    lies inside it (the folder can then move), else absolute; a sheet URL or key as given."""
    from dashboard.config import guess_kind

    if guess_kind(source) == "gsheets":
        return source
    path = Path(os.path.abspath(source))
    try:
        return path.relative_to(folder.resolve()).as_posix()
    except ValueError:
        return str(path)


def _init(args: argparse.Namespace) -> int:
    from dashboard.config import (
        DEMO_COPY,
        SourceConfig,
        demo_path,
        guess_kind,
        is_bundled_demo,
        load_config,
        source_entry,
    )

    config = Path(args.config)
    folder = config.parent if str(config.parent) else Path(".")
    copied = None
    source = args.source
    if source and is_bundled_demo(SourceConfig(location=source, kind=guess_kind(source))):
        source = None  # the demo itself is read-only: work on a copy of it
    if source is None:
        copied = folder / DEMO_COPY
        source = str(copied)
    entry = source_entry(_location(source, folder), args.name, args.collaboration)
    if config.exists():
        print(
            f"error: {config} already exists, and is left as it is; to add a source, put "
            f"these lines in it:\n\n{entry}",
            file=sys.stderr,
        )
        return 1
    folder.mkdir(parents=True, exist_ok=True)
    kept = copied is not None and copied.exists()
    if copied is not None and not kept:
        shutil.copyfile(demo_path(), copied)  # not copy(): the package's file may be read-only
    config.write_text(_header() + entry, encoding="utf-8")
    checked = load_config(config).sources[0]  # what was written reads back as meant
    print(f"wrote {config}: {checked.label} ({checked.kind}), writing on")
    if copied is not None:
        state = "kept as it was" if kept else "a copy of the demo workbook, yours to change"
        print(f"{copied}: {state}" if kept else f"wrote {copied}: {state}")
    if checked.kind == "gsheets":
        print("Share the sheet with the service account as Editor, so rows can be added.")
    print(f"Start the app (from any folder):\n  {start_command(config)}")
    return 0


def app_folder() -> Path | None:
    """The folder holding the app's ``app.py`` (and its ``pages/`` and ``.streamlit/``): the
    checkout the package is installed from; None when the package was installed without it."""
    root = Path(__file__).resolve().parents[3]
    return root if (root / "app.py").is_file() else None


def start_command(config: Path) -> str:
    """A shell command that starts the app on ``config`` wherever it is typed: into the app's
    folder (Streamlit reads ``.streamlit/config.toml`` from the folder it starts in), with the
    configuration named by its absolute path."""
    folder = app_folder()
    where = shlex.quote(str(folder)) if folder else "THE-SMALL-WINS-FOLDER"
    named = shlex.quote(str(config.resolve()))
    return f"cd {where} && SMALLWINS_CONFIG={named} streamlit run app.py"


def _header() -> str:
    return (
        "# Small Wins configuration (docs/operating.md, 'Configuration').\n"
        "# Written by `smallwins init`.\n"
        "# Each [[sources]] entry is one workbook or Google Sheet; writable = true lets the\n"
        "# app's Log a win page and `smallwins log-win` add rows to it.\n\n"
    )


def add_command(commands: Commands) -> None:
    init = commands.add_parser(
        "init",
        help="write a starter smallwins.toml (with a copy of the demo to write to, by default)",
    )
    init.add_argument(
        "source", nargs="?", help=f"{SOURCE_HELP} (default: a copy of the demo, my-team.xlsx)"
    )
    init.add_argument("--name", default="", help="the source's name in the banner and problems")
    init.add_argument("--collaboration", default=None, help="the collaboration its records are of")
    init.add_argument(
        "--config", default="smallwins.toml", help="where to write it (default: ./smallwins.toml)"
    )
    init.set_defaults(run=_init)
