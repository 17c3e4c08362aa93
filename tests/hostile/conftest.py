"""What the second campaign's tests share: its inputs, a CLI run that must end cleanly, and the hostile server
(``inputs2/fake_server.py``) started on a free port of 127.0.0.1 for the rows that need one."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from .hostile2 import HOSTILE2, PROJECT, FakeServer


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def fake_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeServer]:
    """The campaign's hostile server (MediaWiki API and SPARQL modes, the first path segment naming the mode),
    run as a subprocess from the project root (it serves tests/corpus/48_hrs.wiki)."""
    port = _free_port()
    log = tmp_path_factory.mktemp("fake-server") / "requests.log"
    with log.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen([sys.executable, str(HOSTILE2 / "fake_server.py"), str(port)], cwd=PROJECT,
                                   stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the fake server did not start") from None
                time.sleep(0.1)
        yield FakeServer(f"http://127.0.0.1:{port}", log)
    finally:
        process.terminate()
        process.wait(timeout=10)
