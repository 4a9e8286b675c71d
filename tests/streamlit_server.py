"""`streamlit run app.py` on a free loopback port: for the browser tests and the load test (and,
with ``script``, another script of the repository: the benchmarks' bare Streamlit page)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import IO

from tests.waiting import CEILING_SECONDS

# Debian's Chromium, as every browser test, benchmark and the screenshots drive it (Playwright's
# own browser download is not needed)
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StreamlitServer:
    """The app (or ``script``, a path from the repository's root) served headless with ``env``;
    its output goes to ``output`` (a file, or a pipe). Ready when ``/_stcore/health`` answers;
    raises when that takes over a minute."""

    def __init__(
        self,
        env: dict[str, str],
        output: IO | int = subprocess.DEVNULL,
        port: int | None = None,
        script: str = "app.py",
    ) -> None:
        self.port = port or free_port()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                script,
                "--server.headless=true",
                f"--server.port={self.port}",
                "--server.address=127.0.0.1",
                "--server.fileWatcherType=none",
            ],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        self.pid = self.process.pid
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + CEILING_SECONDS
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"streamlit did not start within {CEILING_SECONDS:.0f} s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
