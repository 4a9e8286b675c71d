"""``report`` and ``network`` on a source that cannot be read (issue 21, finding 12): a clear
message, exit 2, and an export already at ``--out`` left exactly as it was (before: ``report``
ended in IndexError, ``network`` overwrote the file with an empty graph and exited 0)."""

from __future__ import annotations

import os

import pytest

from dashboard import cli

EXPORTS = {  # each command with its own kind of file
    "report": (".csv", ["--from", "2024-01-01", "--to", "2024-12-31"]),
    "agenda": (".md", ["--collaboration", "River Valley", "--date", "2024-03-01"]),
    "network": (".graphml", []),
}


@pytest.fixture(params=["missing", "random bytes"])
def source(request, tmp_path):
    path = tmp_path / "team.xlsx"
    if request.param == "random bytes":
        path.write_bytes(os.urandom(4096))
    return path


@pytest.mark.parametrize("command", list(EXPORTS))
def test_nothing_is_written_over_a_good_export(source, tmp_path, capsys, command):
    suffix, options = EXPORTS[command]
    out = tmp_path / f"export{suffix}"
    out.write_bytes(b"last quarter's good export")
    code = cli.main([command, str(source), *options, "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert "no source could be read" in err and "team.xlsx" in err
    assert out.read_bytes() == b"last quarter's good export"


def test_strict_refuses_before_writing(tmp_path, capsys):
    good = tmp_path / "good.xlsx"
    from dashboard.sources.local import write_xlsx
    from tests.fixtures import river_valley

    write_xlsx(good, river_valley())
    config = tmp_path / "smallwins.toml"
    config.write_text(
        f'[[sources]]\nlocation = "{good}"\nname = "Good"\n\n'
        f'[[sources]]\nlocation = "{tmp_path / "gone.xlsx"}"\nname = "Gone"\n'
    )
    out = tmp_path / "network.graphml"
    out.write_bytes(b"kept")
    assert cli.main(["network", str(config), "--out", str(out), "--strict"]) == 3
    assert out.read_bytes() == b"kept"
    assert cli.main(["network", str(config), "--out", str(out)]) == 0  # without: written
    assert out.read_bytes() != b"kept"
