"""Serve a store: the site of :mod:`filmgraph.web.site` behind waitress, a pure-Python production WSGI server
(threads, HTTP/1.1 keep-alive, request size limits, no C build and no other dependency).

``filmgraph serve`` calls :func:`serve`; tests and benchmarks use :func:`make_server` and run it in a thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from filmgraph.errors import FilmgraphError
from filmgraph.web.site import MAX_BODY, Site, app, close

DEFAULT_BIND = "127.0.0.1:8000"
MAX_HEADERS = 65_536  # bytes of a request line and headers (a GET query travels in its line)


def parse_bind(bind: str) -> tuple[str, int]:
    """``host:port`` (``[::1]:8000`` for IPv6) as a host and a port.

    >>> parse_bind("127.0.0.1:8000"), parse_bind("[::1]:0")
    (('127.0.0.1', 8000), ('::1', 0))
    """
    match = re.fullmatch(r"\[([0-9A-Fa-f:.]+)\]:(\d{1,5})|([^:\s\[\]]+):(\d{1,5})", bind.strip())
    if not match or int(match.group(2) or match.group(4)) > 65535:
        raise FilmgraphError(f"--bind {bind!r}: give host:port, e.g. 127.0.0.1:8000")
    return (match.group(1) or match.group(3)), int(match.group(2) or match.group(4))


def make_server(store: str | Path, *, base: str | None = None, bind: str = DEFAULT_BIND,
                minted_base: str | None = None, time_limit: float = 10.0, row_limit: int = 10_000,
                threads: int = 8, query_workers: int = 2, cache_mb: float = 64) -> tuple[Any, Site]:
    """A waitress server bound to ``bind`` (port 0: a free one) publishing ``store`` under ``base`` (default: the
    address it listens on, ``http://host:port/``), and its site. ``server.run()`` serves until
    ``server.close()``; :func:`filmgraph.web.site.close` stops the site's query workers.

    :raises FilmgraphError: a bad bind address or base, a port in use, no store there.
    """
    from waitress.server import create_server

    host, port = parse_bind(bind)
    try:
        server = create_server(_starting, host=host, port=port, threads=threads, ident="filmgraph",
                               max_request_body_size=MAX_BODY, max_request_header_size=MAX_HEADERS,
                               channel_timeout=60, clear_untrusted_proxy_headers=True)
    except OSError as exc:
        raise FilmgraphError(f"--bind {bind}: cannot listen there: {exc.strerror or exc}") from exc
    address = f"[{host}]" if ":" in host else host
    try:
        site = app(store, base=base or f"http://{address}:{server.effective_port}/", minted_base=minted_base,
                   time_limit=time_limit, row_limit=row_limit, query_workers=query_workers, cache_mb=cache_mb)
    except BaseException:
        server.close()
        raise
    server.application = site
    return server, site


def _starting(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
    return [b"starting\n"]


def serve(store: str | Path, *, base: str | None = None, bind: str = DEFAULT_BIND, minted_base: str | None = None,
          time_limit: float = 10.0, row_limit: int = 10_000, threads: int = 8, query_workers: int = 2,
          cache_mb: float = 64, ready: Callable[[Site, str], None] | None = None) -> None:
    """Publish ``store`` read-only until interrupted: pages and documents for every IRI under ``base``, a SPARQL
    endpoint, indexes, search, sitemap. ``ready`` is called with the site and the address it listens on.

    :raises FilmgraphError: a bad bind address or base, a port in use, no store there.
    """
    server, site = make_server(store, base=base, bind=bind, minted_base=minted_base, time_limit=time_limit,
                               row_limit=row_limit, threads=threads, query_workers=query_workers, cache_mb=cache_mb)
    host, _ = parse_bind(bind)
    address = f"http://{f'[{host}]' if ':' in host else host}:{server.effective_port}/"
    try:
        if ready is not None:
            ready(site, address)
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        close(site)
