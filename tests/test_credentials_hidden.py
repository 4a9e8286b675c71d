"""Credentials never reach a page, a log line, an exception message, a problem or a snapshot.

Every read below fails or succeeds against the Sheets API test double with a real service-account
key (its private key, key id and the access tokens the double issues) or a distinctive API key;
everything the app and the commands produce is then searched for those secrets.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import zstandard
from streamlit.testing.v1 import AppTest

from dashboard import cli
from dashboard.config import load_config
from dashboard.loader import load
from dashboard.ui import data
from tests.fixtures import RIVER_VALLEY_KEY as KEY
from tests.fixtures import river_valley

API_KEY = "AIzaSyTestOnly-0123456789abcdefghijklmn"
ROOT = Path(__file__).resolve().parents[1]

FAULTS = {
    "none": lambda d: None,
    "401": lambda d: d.fail_next(401, times=50),
    "403": lambda d: d.deny(KEY),
    "500s": lambda d: d.fail_next(500, times=50),
    "slow": lambda d: d.delay_next(2.5, times=50),
    "token refused": lambda d: d.fail_next(400, times=50, kind="token"),
}


def _secrets(double) -> list[str]:
    info = double.service_account_info()
    pem_body = [line for line in info["private_key"].splitlines() if "PRIVATE KEY" not in line]
    return [API_KEY, info["private_key_id"], *pem_body[1:4], *double._tokens]


def _config(tmp_path: Path, api_key: bool) -> Path:
    path = tmp_path / ("key.toml" if api_key else "sa.toml")
    extra = f'api_key = "{API_KEY}"\n' if api_key else ""
    path.write_text(
        f'[app]\ntimeout_seconds = 1\n\n[[sources]]\nlocation = "{KEY}"\nname = "RV"\n{extra}'
    )
    return path


def _cached_text(file: Path) -> str:
    """A file of the cache folder as text: snapshots decompressed, the rest as they are."""
    data = file.read_bytes()
    if file.suffix == ".snapshot":
        data = zstandard.ZstdDecompressor().decompress(data)
    return data.decode("utf-8", errors="replace")


def _dataset_text(dataset) -> str:
    sources = " ".join(repr(source) for source in dataset.sources)
    return sources + dataset.problems.to_csv()


CASES = [
    (fault, api_key)
    for fault in FAULTS
    for api_key in (False, True)
    if fault != "slow" or api_key  # a timeout's message holds the URL: the key's way out
]


@pytest.mark.slow
@pytest.mark.parametrize(("fault", "api_key"), CASES)
def test_no_secret_in_messages_problems_logs_output_or_snapshots(
    google, tmp_path, quick_retries, caplog, capsys, snapshot_folder, fault, api_key
):
    google.api_key = API_KEY
    google.add_spreadsheet(KEY, river_valley(), public=True)
    config = _config(tmp_path, api_key)
    caplog.set_level(logging.DEBUG)
    produced = [_dataset_text(load(load_config(config)))]  # a good read first: a snapshot
    FAULTS[fault](google)
    produced.append(_dataset_text(load(load_config(config))))
    for command in (["check", str(config)], ["summary", str(config)]):
        cli.main(command)
    out = capsys.readouterr()
    produced += [out.out, out.err, caplog.text]
    produced += [_cached_text(file) for file in snapshot_folder.iterdir()]
    everything = "\n".join(produced)
    assert "RV" in everything and ("401" in everything or fault != "401")  # it was all read
    for secret in _secrets(google):
        assert secret not in everything


@pytest.mark.parametrize("fault", ["none", "401", "500s"])
def test_no_secret_on_any_page(google, tmp_path, monkeypatch, quick_retries, fault):
    google.api_key = API_KEY
    google.add_spreadsheet(KEY, river_valley(), public=True)
    monkeypatch.setenv("SMALLWINS_CONFIG", str(_config(tmp_path, api_key=True)))
    monkeypatch.chdir(tmp_path)
    FAULTS[fault](google)
    shown = []
    for page in ("app.py", "pages/5_Data_health.py"):
        data.refresh()
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        app.run()
        if page != "app.py":
            app.switch_page(page).run()
        assert not app.exception
        shown.append(str(app._tree))
        shown += [str(node.proto) for node in app.get("markdown") + app.get("alert")]
    everything = "\n".join(shown)
    assert "RV" in everything
    for secret in _secrets(google):
        assert secret not in everything
