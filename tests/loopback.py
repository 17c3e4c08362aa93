"""Real HTTP servers on 127.0.0.1, for the tests and the benchmarks (``benchmarks/linear_cost.py`` puts this folder
on its path): a handler served on a free port, an answer sent whole, and a server of answers past any cap."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the client hung up on a bomb, as it should


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler], *, quiet: bool = False) -> Iterator[str]:
    """``handler`` answering on a free port of 127.0.0.1 while the block runs; yields the server's address
    (``http://127.0.0.1:PORT``). A ``quiet`` server says nothing of a client that hangs up part-way."""
    server = (_QuietServer if quiet else ThreadingHTTPServer)(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def send(handler: BaseHTTPRequestHandler, body: bytes, *, status: int = 200, content_type: str = "application/json",
         headers: Iterable[tuple[str, str]] = ()) -> None:
    """Answer a request with ``body`` whole (its length declared)."""
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    for name, value in headers:
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


class Bombs(BaseHTTPRequestHandler):
    """Answers past any cap, for the MediaWiki API and a SPARQL endpoint alike: a path whose first segment names
    one of ``gzipped`` gets that body gzip-encoded (a small answer that decodes past the cap); any other path, a
    fast body that never ends (for a minute)."""

    protocol_version = "HTTP/1.1"
    gzipped: dict[str, bytes] = {}

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        body = self.gzipped.get(self.path.strip("/").split("/")[0])
        if body is not None:
            with contextlib.suppress(OSError):  # the client lets go, as it should
                send(self, body, headers=[("Content-Encoding", "gzip")])
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        frame = f"{1 << 20:x}\r\n".encode() + b"a" * (1 << 20) + b"\r\n"
        started = time.monotonic()
        try:
            while time.monotonic() - started < 60:
                self.wfile.write(frame)
        except OSError:
            pass  # the client let go, as it should

    do_POST = do_GET  # noqa: N815 - the name http.server calls

    def log_message(self, *args: object) -> None:
        pass
