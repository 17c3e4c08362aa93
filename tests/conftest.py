from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from filmgraph import RdfFormat
from filmgraph.pipeline import Reading, export_one

ARTICLES = Path(__file__).parent / "articles"
SAMPLE = Path(__file__).parent.parent / "examples" / "second_victims.txt"
sys.path.insert(0, str(Path(__file__).parent))

from loopback import send, serving  # noqa: E402 - this folder is on the path from the line above


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
    with serving(handler) as server:
        yield f"{server}/w/api.php"


def recorded_wiki(*, pages: dict[str, dict] | None = None, items: dict[str, str | None] | None = None,
                  files: dict[str, str] | None = None, entities: dict[str, dict] | None = None,
                  server: str = "https://en.wikipedia.org") -> type[BaseHTTPRequestHandler]:
    """A handler that answers as the MediaWiki and Wikibase APIs do (``formatversion=2``), from answers recorded
    in the test: the wiki's siteinfo (``server``: the English Wikipedia's by default, so pages keep its URLs);
    a page's wikitext, revision and item (``prop=revisions|pageprops``); pages' items
    (``prop=pageprops``: ``items`` maps a title to its item, or to None for a page that has none); files'
    repository (``prop=imageinfo``: "shared" for a Commons file, "local" for a wiki's own); and entities
    (``action=wbgetentities``). What was not recorded is missing. ``seen`` keeps every request's parameters."""
    import json
    from urllib.parse import parse_qs, urlparse

    pages, items, files, entities = pages or {}, items or {}, files or {}, entities or {}

    class Recorded(BaseHTTPRequestHandler):
        seen: list[dict[str, list[str]]] = []

        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            query = {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
            type(self).seen.append(parse_qs(urlparse(self.path).query))
            titles = query.get("titles", "").split("|")
            if query.get("meta") == "siteinfo":
                body: dict = {"query": {"general": {"server": server, "articlepath": "/wiki/$1"}}}
            elif query.get("action") == "wbgetentities":
                body = {"entities": {i: entities.get(i, {"id": i, "missing": ""})
                                           for i in query.get("ids", "").split("|")}}
            elif query.get("prop") == "revisions|pageprops":
                page = pages.get(titles[0])
                body = {"query": {"pages": [{"title": titles[0], "missing": True} if page is None else {
                    "title": titles[0], "pageprops": {"wikibase_item": page["item"]} if page.get("item") else {},
                    "revisions": [{"revid": page["revid"], "timestamp": page["timestamp"],
                                   "slots": {"main": {"content": page["text"]}}}]}]}}
            elif query.get("prop") == "pageprops":
                body = {"query": {"pages": [
                    {"title": t, "pageprops": {"wikibase_item": items[t]}} if items.get(t) else
                    {"title": t} if t in items else {"title": t, "missing": True} for t in titles]}}
            elif query.get("prop") == "imageinfo":
                body = {"query": {"pages": [
                    {"title": t, "imagerepository": files[t.split(":", 1)[1]], "imageinfo": [{}]}
                    if t.split(":", 1)[-1] in files else {"title": t, "missing": True} for t in titles]}}
            else:
                body = {"error": {"code": "badvalue", "info": "not recorded"}}
            send(self, json.dumps(body).encode())

        def log_message(self, *args: object) -> None:
            pass

    Recorded.seen = []
    return Recorded


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def oxigraph_server(location: Path) -> Iterator[str]:
    """A real `oxigraph serve` (the PyPI package's) over LOCATION on a free loopback port, its union of named
    graphs as the default graph; yields its query endpoint and stops it afterwards."""
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.fail("the oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                                "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}/query"
    deadline = time.monotonic() + 20
    try:
        while True:
            try:
                requests.get(endpoint, params={"query": "ASK {}"}, timeout=1)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("oxigraph serve did not start")
                time.sleep(0.1)
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


# 48 Hrs. is exported as from its page, with the items of pages it links as an items file gives them (the film's
# item is the hand-written one of tests/data/wikidata/48_hrs.json), so that the actor-item query has a film.
PAGE_48_HRS = "https://en.wikipedia.org/wiki/48_Hrs."
CORPUS_ITEMS = ("48 Hrs.\tQ900000048\nNick Nolte\tQ190631\nEddie Murphy\tQ43874\nWalter Hill (director)\tQ362824\n"
                "Paramount Pictures\tQ159846\n")


@pytest.fixture(scope="session")
def corpus_quads(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each corpus film's N-Quads, by named graph, exported the way `filmgraph export` exports them; a later
    film naming a graph replaces it, as `filmgraph load` does."""
    items = tmp_path_factory.mktemp("items") / "items.tsv"
    items.write_text(CORPUS_ITEMS, encoding="utf-8")
    graphs: dict[str, str] = {}
    for path in sorted((Path(__file__).parent / "corpus").glob("*.wiki")):
        reading = Reading(items_file=items, source_url=PAGE_48_HRS) if path.name == "48_hrs.wiki" else None
        result = export_one(path, output_dir=None, formats=(RdfFormat.N_QUADS,), reading=reading)
        if result.error is None:
            text = result.texts[RdfFormat.N_QUADS]
            graphs[next(iter(ox.parse(text.encode(), format=ox.RdfFormat.N_QUADS))).graph_name.value] = text
        if reading is not None:
            reading.close()
    assert len(graphs) > 80
    return graphs


