"""An .xlsx zip bomb is refused before it is parsed, in bounded memory (issue 21, finding 13).

A good workbook's sheet part is replaced by one that expands to 1 GiB (one cell of 1 GiB: the
file stays about 1 MB), or by a part within the size limit holding one 200 MiB cell. Each is
read by ``smallwins check`` in its own process: the source is a ``source unreadable`` problem
naming the file, and the child's peak memory (ru_maxrss) stays far below what it expands to
(before: 2.2 GB of memory for the 1 GiB cell): within 64 MiB of what reading the good workbook
the bomb was made from takes in the same kind of process.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from dashboard.sources.local import write_xlsx
from tests.fixtures import river_valley

MIB = 1024**2
ROOT = Path(__file__).resolve().parents[1]


def bomb(path: Path, cell_mib: int) -> Path:
    """River Valley with its Wins sheet replaced by a sheet whose one cell holds ``cell_mib``
    MiB of text, written to the zip in pieces (the test never holds it either)."""
    good = path.with_name("good.xlsx")
    write_xlsx(good, river_valley())
    with zipfile.ZipFile(good) as source:
        names = source.namelist()
        wins = next(n for n in names if n.startswith("xl/worksheets/") and _is_wins(source, n))
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
            for name in names:
                if name != wins:
                    out.writestr(name, source.read(name))
                    continue
                with out.open(name, "w", force_zip64=True) as part:
                    part.write(
                        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats'
                        b'.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" '
                        b't="inlineStr"><is><t>'
                    )
                    piece = b"A" * MIB
                    for _ in range(cell_mib):
                        part.write(piece)
                    part.write(b"</t></is></c></row></sheetData></worksheet>")
    return path


def _is_wins(book: zipfile.ZipFile, part: str) -> bool:
    workbook = book.read("xl/workbook.xml").decode()
    rels = book.read("xl/_rels/workbook.xml.rels").decode()
    target = part.removeprefix("xl/")
    rid = re.search(rf'Id="(rId\d+)"[^>]*Target="/?(?:xl/)?{re.escape(target)}"', rels)
    rid = rid or re.search(rf'Target="/?(?:xl/)?{re.escape(target)}"[^>]*Id="(rId\d+)"', rels)
    return bool(rid) and re.search(rf'name="Wins"[^>]*r:id="{rid.group(1)}"', workbook) is not None


CHILD = textwrap.dedent(
    """
    import json, resource, sys
    from dashboard.config import settings_for
    from dashboard.loader import load
    dataset = load(settings_for(sys.argv[1]))
    unreadable = dataset.problems[dataset.problems["kind"] == "source unreadable"]
    print(json.dumps({
        "reasons": unreadable["reason"].tolist(),
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))
    """
)


def _read_in_child(path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("cell_mib", [1024, 200], ids=["1 GiB part", "200 MiB cell"])
def test_a_zip_bomb_is_refused_in_bounded_memory(tmp_path, cell_mib):
    path = bomb(tmp_path / "team.xlsx", cell_mib)
    assert path.stat().st_size < 2 * MIB  # a small file…
    baseline = _read_in_child(tmp_path / "good.xlsx")
    assert baseline["reasons"] == []
    found = _read_in_child(path)
    (reason,) = found["reasons"]
    assert "team.xlsx" in reason
    assert ("zip bomb" in reason) if cell_mib == 1024 else ("no spreadsheet writes" in reason)
    # …that expands to 1 GiB or 200 MiB: reading it costs what reading the good one costs
    assert found["peak_mib"] < baseline["peak_mib"] + 64, (found, baseline)
