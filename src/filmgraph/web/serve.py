"""Serve a store: the site of :mod:`filmgraph.web.site` behind waitress, a pure-Python production WSGI server
(threads, HTTP/1.1 keep-alive, request size limits, no C build and no other dependency), in one process or in
several that share one listening socket.

A page is built by Python code, which holds the interpreter's lock: the threads of one process build one page at
a time, whatever the cores. ``workers`` processes (spawned, each opening the store read-only with its own cache
and query workers) accept connections from one socket bound before they start, as gunicorn's pre-forked workers
do, so that each core builds pages; an answer one of them built is shared with the others through a folder of the
server's; a worker that dies is replaced, and the workers stop with the server.

``filmgraph serve`` calls :func:`serve`; tests and benchmarks use :func:`make_server` and run it in a thread.
"""

from __future__ import annotations

import copy
import gc
import multiprocessing
import os
import re
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from filmgraph.errors import FilmgraphError
from filmgraph.web.published import Catalogue, FilmLink, Published
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
                threads: int = 8, query_workers: int = 2, cache_mb: float = 64,
                listening: socket.socket | None = None, shared_cache: Path | None = None,
                connections: ConnectionShares | None = None,
                catalogue: Catalogue | None = None,
                filmographies: dict[str, list[FilmLink]] | None = None) -> tuple[Any, Site]:
    """A waitress server bound to ``bind`` (port 0: a free one), or accepting from the bound ``listening``
    socket, publishing ``store`` under ``base`` (default: the address it listens on, ``http://host:port/``), and
    its site (its answers shared with other workers through the folder ``shared_cache``; the socket's connections
    shared with them by ``connections``; the store's ``catalogue`` and ``filmographies`` given when read before,
    by the server's parent). ``server.run()`` serves until ``server.close()``;
    :func:`filmgraph.web.site.close` stops the site's query workers.

    :raises FilmgraphError: a bad bind address or base, a port in use, no store there.
    """
    from waitress.server import create_server

    host, port = parse_bind(bind)
    where: dict[str, Any] = {"sockets": [listening]} if listening is not None else {"host": host, "port": port}
    try:
        server = create_server(_starting, threads=threads, ident="filmgraph", max_request_body_size=MAX_BODY,
                               max_request_header_size=MAX_HEADERS, channel_timeout=60,
                               clear_untrusted_proxy_headers=True, **where)
    except OSError as exc:
        raise FilmgraphError(f"--bind {bind}: cannot listen there: {exc.strerror or exc}") from exc
    address = f"[{host}]" if ":" in host else host
    try:
        site = app(store, base=base or f"http://{address}:{server.effective_port}/", minted_base=minted_base,
                   time_limit=time_limit, row_limit=row_limit, query_workers=query_workers, cache_mb=cache_mb,
                   shared_cache=shared_cache, catalogue=catalogue, filmographies=filmographies)
    except BaseException:
        server.close()
        raise
    server.application = site
    if connections is not None:
        connections.take_a_fair_share(server)
    # What the site read to start (its catalogue: tens of thousands of objects for thousands of films) lives as
    # long as the server: out of the collector's sight, a full collection (which stops every thread of the
    # process, ~15 ms at 5,000 films) scans only what the pages being built made.
    gc.collect()
    gc.freeze()
    return server, site


class ConnectionShares:
    """Workers that accept from one socket take turns by their open connections: a worker accepts only while it
    holds no more than the worker holding the fewest. Left to the kernel, the worker whose loop wakes first takes
    most of them (8 keep-alive clients opened at once: 6 and 2 in four tries of five, 5 and 3 in the fifth), and a
    keep-alive connection stays with the worker that took it, so that one worker queued three requests for each one
    of the other's while the other's core idled.

    Each worker writes its number of connections and the time in a slot of memory shared by the processes, every
    turn of its loop (at least every ``_TURN`` seconds); a worker whose slot is older than ``_STALE`` (stopped,
    or not started yet) is not waited for."""

    _TURN = 0.05  # s between two turns of a worker's loop with nothing to do (waitress's: 1), so that a worker
    # that left the socket to the others sees its turn come back soon
    _STALE = 1.0  # s

    def __init__(self, context: Any, workers: int) -> None:
        self._counts = context.RawArray("l", workers)
        self._times = context.RawArray("d", workers)
        self._slot = -1

    def slot(self, number: int) -> ConnectionShares:
        """The shares as worker ``number`` writes them (its slot)."""
        own = copy.copy(self)
        own._slot = number
        self._times[number] = 0.0  # a worker replacing a stopped one is waited for once it serves
        return own

    def take_a_fair_share(self, server: Any) -> None:
        """Make a waitress server accept only its share (it listens on the socket only while its turn lasts)."""
        from waitress.channel import HTTPChannel

        accepts = server.readable  # waitress's own test: accepting, and under its connection limit
        counts, times, slot = self._counts, self._times, self._slot

        def readable() -> bool:
            held = sum(1 for channel in server._map.values() if isinstance(channel, HTTPChannel))
            now = time.monotonic()
            counts[slot], times[slot] = held, now
            fewest = min((count for count, when in zip(counts, times, strict=True) if now - when < self._STALE),
                         default=held)
            return bool(accepts()) and held <= fewest

        server.readable = readable
        server.adj.asyncore_loop_timeout = self._TURN


def _starting(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
    return [b"starting\n"]


def serve(store: str | Path, *, base: str | None = None, bind: str = DEFAULT_BIND, minted_base: str | None = None,
          time_limit: float = 10.0, row_limit: int = 10_000, threads: int = 8, query_workers: int = 2,
          cache_mb: float = 64, workers: int = 1, ready: Callable[[Site, str], None] | None = None) -> None:
    """Publish ``store`` read-only until interrupted: pages and documents for every IRI under ``base``, a SPARQL
    endpoint, indexes, search, sitemap. ``workers`` processes serve (each with ``threads`` threads, a cache of
    ``cache_mb`` and ``query_workers`` query processes); ``ready`` is called with a site and the address it
    listens on once every worker answers.

    :raises FilmgraphError: a bad bind address or base, a port in use, no store there.
    """
    if workers > 1:
        _serve_in_processes(store, base=base, bind=bind, minted_base=minted_base, time_limit=time_limit,
                            row_limit=row_limit, threads=threads, query_workers=query_workers, cache_mb=cache_mb,
                            workers=workers, ready=ready)
        return
    server, site = make_server(store, base=base, bind=bind, minted_base=minted_base, time_limit=time_limit,
                               row_limit=row_limit, threads=threads, query_workers=query_workers, cache_mb=cache_mb)
    try:
        if ready is not None:
            ready(site, _address(bind, server.effective_port))
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        close(site)


def _address(bind: str, port: int) -> str:
    host, _ = parse_bind(bind)
    return f"http://{f'[{host}]' if ':' in host else host}:{port}/"


def _listen(bind: str) -> socket.socket:
    host, port = parse_bind(bind)
    try:
        return socket.create_server((host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET,
                                    backlog=1024)
    except OSError as exc:
        raise FilmgraphError(f"--bind {bind}: cannot listen there: {exc.strerror or exc}") from exc


_ANSWERS_PREFIX = "filmgraph-answers-"


def _shared_answers() -> Path | None:
    """The folder where the workers' answers are shared (built by one, read by the others): only this server's
    user may read it, and it goes as the server stops. Its name holds the server's process id, so that a folder
    left by a server that was killed (``kill -9``) is removed by the next one; None when no folder can be made
    (each worker then keeps its own answers)."""
    scratch = Path(tempfile.gettempdir())
    for left in scratch.glob(f"{_ANSWERS_PREFIX}*-*"):
        owner = left.name.removeprefix(_ANSWERS_PREFIX).split("-", 1)[0]
        if owner.isdigit() and int(owner) != os.getpid() and not _alive(int(owner)):
            shutil.rmtree(left, ignore_errors=True)
    try:
        return Path(tempfile.mkdtemp(prefix=f"{_ANSWERS_PREFIX}{os.getpid()}-"))
    except OSError:
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: alive, and its folder is not ours to remove
    return True


def _serve_in_processes(store: str | Path, *, bind: str, workers: int, ready: Callable[[Site, str], None] | None,
                        **options: Any) -> None:
    """Bind once, then keep ``workers`` processes serving from the socket until interrupted (or terminated)."""
    listening = _listen(bind)
    address = _address(bind, listening.getsockname()[1])
    options["base"] = options["base"] or address
    options["shared_cache"] = _shared_answers() if options["cache_mb"] > 0 else None
    context = multiprocessing.get_context("spawn")  # a fork would copy the parent's threads and open store
    stopping = threading.Event()
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    shares = ConnectionShares(context, workers)
    # Each worker with its start signal, which must outlive the start (the spawned process opens it by name), and
    # its slot in the shares of connections (a worker replacing a stopped one takes its slot).
    running: list[tuple[Any, Any, int]] = []
    site = None

    def start(slot: int) -> tuple[Any, Any, int]:
        started = context.Event()
        process = context.Process(target=_worker, args=(str(store), bind, listening,
                                                        {**options, "connections": shares.slot(slot)}, started),
                                  name="filmgraph-serve")  # not a daemon: it starts query workers
        process.start()
        running.append((process, started, slot))
        return process, started, slot

    try:
        # This process's own site is never served (it has no query workers): it checks the store and the base
        # (a bad one is one line from here), reads the catalogue and the filmographies once for every worker (a
        # worker read the filmographies in 8 s at 5,000 films, and two workers on two busy cores took 30 s to
        # start; the catalogue takes 3 s, its copy a tenth of that), and tells ``ready`` what is served.
        published = Published(store, base=options["base"], minted_base=options["minted_base"])
        options["catalogue"] = published.catalogue()
        options["filmographies"] = published.filmographies()
        site = Site(published, None, cache_bytes=0)
        launched = [start(slot) for slot in range(workers)]
        for process, started, _ in launched:
            while not started.wait(0.2):
                if not process.is_alive():
                    raise FilmgraphError(f"{store}: a server worker stopped as it started (exit code "
                                         f"{process.exitcode})")
                if stopping.is_set():
                    return
        if ready is not None:
            ready(site, address)
        while not stopping.wait(0.5):
            for ended in [worker for worker in running if not worker[0].is_alive()]:
                running.remove(ended)  # replaced, so that the server keeps its number of workers
                start(ended[2])
    except KeyboardInterrupt:
        pass
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        for process, _, _ in running:
            process.terminate()
        for process, _, _ in running:
            process.join(10)
        listening.close()
        if site is not None:
            close(site)
        if options["shared_cache"] is not None:
            shutil.rmtree(options["shared_cache"], ignore_errors=True)


def _worker(store: str, bind: str, listening: socket.socket, options: dict[str, Any], started: Any) -> None:
    """One worker process: a server on the shared socket until its parent stops it, or is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which stops every worker
    try:
        server, site = make_server(store, bind=bind, listening=listening, **options)
    except FilmgraphError:
        sys.exit(2)  # the parent, reading the same store, says why in one line
    parent = multiprocessing.parent_process()
    if parent is not None:  # a parent killed outright leaves no worker serving (its query workers then stop too)
        threading.Thread(target=lambda: (parent.join(), os._exit(0)), daemon=True).start()
    started.set()
    try:
        server.run()
    finally:
        server.close()
        close(site)
