"""What ``smallwins init`` tells a user to type starts the app, typed in another folder."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import time
import urllib.request

from dashboard import cli
from tests.streamlit_client import Visitor, view
from tests.streamlit_server import free_port


def test_the_command_init_prints_starts_the_app_from_another_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["init"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[2] == "Start the app (from any folder):"
    command = out[3].strip()
    assert f"SMALLWINS_CONFIG={tmp_path / 'smallwins.toml'}" in command
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    port = free_port()
    flags = f" --server.headless=true --server.port={port} --server.address=127.0.0.1"
    process = subprocess.Popen(
        ["bash", "-c", command + flags],
        cwd=elsewhere,
        env={**os.environ, "SMALLWINS_CONFIG": ""},  # the command sets it, not the test
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: bash and the app it starts end together
    )
    try:
        deadline, ready = time.monotonic() + 90, False
        while not ready and time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                    ready = True
            except OSError:
                time.sleep(0.5)
        assert ready, f"the app did not start: exit {process.poll()}"
        _, _, error = asyncio.run(view(Visitor(), f"http://127.0.0.1:{port}", timeout=120))
        assert error is None  # the Overview ran on the configuration init wrote
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
