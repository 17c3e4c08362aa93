"""The one HTTP client: a deadline over the whole request, one-line errors."""

from __future__ import annotations

import time
from http.server import BaseHTTPRequestHandler

import pytest

from conftest import loopback_api
from filmgraph.errors import FilmgraphError
from filmgraph.httpclient import HttpClient


class _Dribbling(BaseHTTPRequestHandler):
    """Sends its headers, then one byte a second for a minute: a server that would hold a run."""

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "60")
        self.end_headers()
        try:
            for _ in range(60):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(1)
        except OSError:
            pass  # the client gave up, as it should

    def log_message(self, *args: object) -> None:
        pass


def test_a_dribbling_server_cannot_hold_a_request_past_its_deadline() -> None:
    client = HttpClient(timeout=2)
    with loopback_api(_Dribbling) as url:
        started = time.monotonic()
        with pytest.raises(FilmgraphError, match=r"no answer within 2 s$"):
            client.request("GET", url)
        assert time.monotonic() - started < 5
    client.close()
