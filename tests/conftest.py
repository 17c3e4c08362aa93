from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

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
