from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ARTICLES = Path(__file__).parent / "articles"
SAMPLE = Path(__file__).parent.parent / "examples" / "second_victims.txt"
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def article():
    def find(name: str) -> Path:
        return ARTICLES / name
    return find


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_film():
    from filmgraph import extract_film, read_article
    return extract_film(read_article(SAMPLE))


@pytest.fixture(scope="session")
def sample_graph(sample_film):
    from filmgraph import map_film
    return map_film(sample_film, base="https://example.org/filmgraph/")


@contextmanager
def loopback_api(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 answering with ``handler``; yields its MediaWiki API URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/w/api.php"
    finally:
        server.shutdown()
