"""The published graph as a web site: a WSGI application over a read-only store.

Every IRI under the public base answers with content negotiation (``text/html`` a page, ``text/turtle``,
``application/ld+json`` and ``application/n-triples`` its description), a suffix (``.ttl``, ``.jsonld``, ``.nt``,
``.html``) asks for one format in a link, and every page carries its schema.org JSON-LD. Beside the resources:
index pages (films by year, country and language; people A–Z), a title search, the SPARQL 1.1 Protocol at
``/sparql`` (read-only, with a time and a row limit: :mod:`filmgraph.web.sparql`), ``sitemap.xml`` and
``robots.txt``. Pages never run a script: every value is HTML-escaped, JSON-LD is written with ``<``, ``>``
and ``&`` escaped, and the Content-Security-Policy allows no script at all.

``app("out/store", base="http://127.0.0.1:8000/")`` is the WSGI application; :mod:`filmgraph.web.serve` runs it.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import secrets
import threading
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlencode

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from filmgraph.errors import FilmgraphError
from filmgraph.formats import RdfFormat
from filmgraph.rdf.vocab import FG, PREFIXES, SDO
from filmgraph.web.page import READ_AHEAD, STYLE, Named, named, render_page, script_json, table_html
from filmgraph.web.published import (
    DEPENDENT_KINDS,
    Catalogue,
    Credit,
    FilmEntry,
    FilmLink,
    Published,
    minted_base_of,
    open_read_only,
    write_triples,
)
from filmgraph.web.records import (
    FilmRecord,
    RecordsAbout,
    checked_iris,
    code_fingerprint,
    films_reading,
    read_about,
    recorded_films,
    save_records,
)
from filmgraph.web.sparql import GRAPH_NAMES, GRAPH_TYPES, JSON, RESULT_TYPES, Answer, QueryPool, negotiate

HTML = "text/html"
# A resource's formats: media type → (suffix, name shown in links).
FORMATS = {HTML: (".html", "HTML"), "text/turtle": (".ttl", "Turtle"), "application/ld+json": (".jsonld", "JSON-LD"),
           "application/n-triples": (".nt", "N-Triples")}
SUFFIXES = {suffix: kind for kind, (suffix, _) in FORMATS.items()}
DOCUMENT_FORMATS = {"text/turtle": RdfFormat.TURTLE, "application/ld+json": RdfFormat.JSON_LD,
                    "application/n-triples": RdfFormat.N_TRIPLES}
MAX_BODY = 1_000_000  # bytes of a POST body
MAX_QUERY = 100_000  # characters of a query
SITEMAP_URLS = 50_000  # the sitemaps protocol's limit for one file
# No script runs on any page: the JSON-LD is data, the style is inline, images may come from anywhere.
SECURITY_HEADERS = [
    ("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src * data:; "
                                "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer")]
_EXTRA_STYLE = """
nav{background:#1f2a36;padding:.6rem 1.5rem;display:flex;gap:1.2rem;align-items:center;flex-wrap:wrap}
nav a{color:#fff;text-decoration:none;font-weight:600}nav form{margin-left:auto}
nav input{padding:.25rem .4rem;border-radius:3px;border:0}
a{color:#1f4e79}.formats{font-size:.85rem;color:#555}.elsewhere a{margin-right:.8rem}
ul.columns{columns:3 14rem;padding-left:1.2rem}textarea{width:100%;font-family:monospace;font-size:.9rem}
pre{background:#fff;border:1px solid #e6e3dc;padding:.6rem;overflow:auto}.cut{color:#a00;font-weight:600}
"""
# No icon to fetch: a browser asks for /favicon.ico otherwise, and logs its 404 as an error.
_NO_ICON = '<link rel="icon" href="data:,">'
_PREFIX_OF = sorted(((str(ns), name) for name, ns in PREFIXES.items()), key=lambda item: -len(item[0]))


def uri(iri: str) -> str:
    """An IRI as a URI (what an HTTP header or a sitemap holds): every character outside ASCII percent-encoded.

    >>> uri("http://h/person/зеркало")
    'http://h/person/%D0%B7%D0%B5%D1%80%D0%BA%D0%B0%D0%BB%D0%BE'
    """
    return quote(iri, safe=":/?#[]@!$&'()*+,;=%~")


def _esc(text: object) -> str:
    return html.escape(str(text))


def _short(iri: str) -> str:
    """prefix:local for a known namespace (how the property column of a page shows it)."""
    for namespace, name in _PREFIX_OF:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{name}:{iri[len(namespace):]}"
    return iri


def _letter(name: str) -> str:
    """The A–Z section a name is listed under ("other" for a name that starts with no Latin letter)."""
    first = unicodedata.normalize("NFKD", name.strip()[:1].casefold())[:1]
    return first if "a" <= first <= "z" else "other"


@dataclass
class Request:
    method: str
    path: str  # below the base, decoded
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes = b""

    def param(self, name: str) -> str:
        values = self.query.get(name)
        return values[0] if values else ""


class Response:
    def __init__(self, status: int, content_type: str, body: bytes | str, headers: list[tuple[str, str]] | None = None
                 ) -> None:
        self.status = status
        self.content_type = content_type
        self.body = body.encode("utf-8") if isinstance(body, str) else body
        self.headers = headers or []


_REASONS = {200: "OK", 301: "Moved Permanently", 303: "See Other", 304: "Not Modified", 400: "Bad Request",
            403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
            413: "Content Too Large", 500: "Internal Server Error", 503: "Service Unavailable"}


class ResponseCache:
    """The answers built last, up to a number of bytes: the store does not change while it is served, so an answer
    built once holds until the server stops.

    Server workers (processes) share their answers through ``shared``, a folder of their own (the server's): an
    answer one of them built is read from there by the others, instead of being built again by each (a file a
    key, written whole under another name and renamed, so that a reader finds all of it or nothing). Each worker
    writes up to ``limit`` bytes there; the folder goes with the server."""

    def __init__(self, limit: int, shared: Path | None = None) -> None:
        self.limit = limit
        self.shared = shared if limit > 0 else None
        self._kept: OrderedDict[str, Response] = OrderedDict()
        self._size = 0
        self._written = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> Response | None:
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                return found
        if self.shared is not None:
            found = self._read(key)
            if found is not None:
                self._keep(key, found)
        return found

    def put(self, key: str, response: Response) -> None:
        if self._keep(key, response) and self.shared is not None:
            self._write(key, response)

    def _keep(self, key: str, response: Response) -> bool:
        size = len(response.body) + 200
        if size > self.limit // 8:
            return False
        with self._lock:
            if key in self._kept:
                return False
            self._kept[key] = response
            self._size += size
            while self._size > self.limit and self._kept:
                _, dropped = self._kept.popitem(last=False)
                self._size -= len(dropped.body) + 200
        return True

    def _file(self, key: str) -> Path:
        assert self.shared is not None
        return self.shared / hashlib.sha1(key.encode("utf-8")).hexdigest()

    def _read(self, key: str) -> Response | None:
        try:
            data = self._file(key).read_bytes()
            head, body = data.split(b"\n", 1)
            status, content_type, headers = json.loads(head)
            return Response(status, content_type, body, [(name, value) for name, value in headers])
        except (OSError, ValueError):  # not shared yet (or unreadable): built here
            return None

    def _write(self, key: str, response: Response) -> None:
        head = json.dumps([response.status, response.content_type, response.headers]).encode("utf-8")
        with self._lock:
            if self._written + len(head) + len(response.body) > self.limit:
                return
            self._written += len(head) + len(response.body)
        target = self._file(key)
        partial = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}")
        try:
            partial.write_bytes(head + b"\n" + response.body)
            os.replace(partial, target)
        except OSError:  # a full disk, a folder removed as the server stops: the answer is still served
            partial.unlink(missing_ok=True)


class Site:
    """The WSGI application (call it as one): pages, documents and the SPARQL endpoint of ``published``."""

    def __init__(self, published: Published, pool: QueryPool | None, *, queries: dict[str, str] | None = None,
                 cache_bytes: int = 64 * 2**20, shared_cache: Path | None = None) -> None:
        self.published = published
        self.cache = ResponseCache(cache_bytes, shared_cache)
        self.pool = pool
        self.queries = queries if queries is not None else example_queries()
        self.base_path = re.sub(r"^https?://[^/]+", "", published.base)  # "/" or "/some/path/"
        self.last_modified = formatdate(published.loaded, usegmt=True)
        self.version = hashlib.sha1(f"{published.loaded}|{published.base}".encode()).hexdigest()[:16]
        # The films' pages are read from their records (when the store has records, of itself as it is and built by
        # this code) when the base is written the same in every part of a page (HTML text and attributes,
        # JSON-LD): it replaces the records' placeholder as it is.
        self._recorded_pages = published.records is not None and _plain(published.base)

    # ------------------------------------------------------------------ WSGI

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        began, cpu = time.perf_counter(), time.thread_time()
        response = self.respond(environ)
        # What the answer cost this process (its thread's processor time apart from waiting for others: on a busy
        # machine the wall time alone says more about the machine than about the page).
        timing = f"app;dur={(time.perf_counter() - began) * 1000:.1f}, cpu;dur={(time.thread_time() - cpu) * 1000:.1f}"
        headers = [("Content-Type", response.content_type), *response.headers, *SECURITY_HEADERS,
                   ("Server-Timing", timing)]
        if response.status != 304:
            headers.append(("Content-Length", str(len(response.body))))
        start_response(f"{response.status} {_REASONS.get(response.status, 'OK')}", headers)
        return [b""] if environ.get("REQUEST_METHOD") == "HEAD" or response.status == 304 else [response.body]

    def respond(self, environ: dict[str, Any]) -> Response:
        method = environ.get("REQUEST_METHOD", "GET").upper()
        raw = environ.get("PATH_INFO", "")
        try:
            path = raw.encode("latin-1").decode("utf-8")
        except UnicodeError:
            return self._error(400, "Bad request", "The address is not UTF-8.")
        path = environ.get("SCRIPT_NAME", "") + path
        if not path.startswith(self.base_path):
            if path + "/" == self.base_path:
                return Response(301, "text/plain", "", [("Location", uri(self.published.base))])
            return self._not_found(path)
        headers = {key[5:].replace("_", "-").lower(): value for key, value in environ.items()
                   if key.startswith("HTTP_")}
        request = Request(method, path[len(self.base_path):], parse_qs(environ.get("QUERY_STRING", "")), headers)
        if method == "POST":
            if request.path != "sparql":
                return self._error(405, "Method not allowed", "Only /sparql takes POST; everything else is read "
                                                              "with GET.", [("Allow", "GET, HEAD")])
            try:
                length = int(environ.get("CONTENT_LENGTH") or 0)
            except ValueError:
                return self._error(400, "Bad request", "The Content-Length is not a number.")
            if length > MAX_BODY:
                return self._error(413, "Request too large", f"A request body may hold {MAX_BODY:,} bytes at most.")
            request.body = environ["wsgi.input"].read(length) if length > 0 else b""
            request.headers["content-type"] = environ.get("CONTENT_TYPE", "")
        elif method not in ("GET", "HEAD"):
            return self._error(405, "Method not allowed", "This server is read-only: GET, HEAD, and POST to /sparql.",
                               [("Allow", "GET, HEAD, POST")])
        return self.route(request)

    def route(self, request: Request) -> Response:
        path = request.path
        if path == "sparql":
            return self.sparql(request)
        fixed: dict[str, Callable[[Request], Response]] = {
            "": self.home, "films": self.films_by_year, "films/by-country": self.films_by_country,
            "films/by-language": self.films_by_language, "people": self.people_letters, "search": self.search,
            "sitemap.xml": self.sitemap, "robots.txt": self.robots, "about": self.about}
        if path in fixed:
            return self._cached(request, fixed[path], vary=path == "about")
        if path.startswith("people/"):
            return self._cached(request, self.people_under)
        if path.startswith("sitemap-") and path.endswith(".xml"):
            return self._cached(request, self.sitemap_part)
        if path.startswith("queries/"):
            return self._cached(request, self.example_query)
        return self._cached(request, self.resource, vary=True)

    # ------------------------------------------------------------------ caching

    def _cached(self, request: Request, build: Callable[[Request], Response], *, vary: bool = False) -> Response:
        """ETag and Last-Modified from the store's load time: an unchanged store answers 304 without building."""
        accept = request.headers.get("accept", "") if vary else ""
        query = urlencode(sorted((k, v) for k, vs in request.query.items() for v in vs))
        tag = '"' + hashlib.sha1(f"{self.version}|{request.path}|{query}|{accept}".encode()).hexdigest()[:20] + '"'
        caching = [("ETag", tag), ("Last-Modified", self.last_modified), ("Cache-Control", "public, max-age=300")]
        if vary:
            caching.append(("Vary", "Accept"))
        if _not_modified(request, tag, self.published.loaded):
            return Response(304, "text/plain", b"", caching)
        kept = self.cache.get(tag)
        if kept is not None:
            return kept
        response = build(request)
        if response.status == 200:
            response.headers += caching
            self.cache.put(tag, response)
        elif vary:
            response.headers.append(("Vary", "Accept"))
        return response

    # ------------------------------------------------------------------ page chrome

    def href(self, node: Node | str | None) -> str | None:
        """The page of a node: its own IRI when this server publishes it, the about page of another IRI the store
        describes, or None."""
        if not isinstance(node, URIRef):
            return None
        iri = str(node)
        if self.published.is_local(iri):
            return iri
        if iri.startswith(("http://", "https://")) and self.published.exists(iri):
            return self.published.base + "about?" + urlencode({"iri": iri})
        return None

    def _nav(self) -> str:
        base = _esc(self.published.base)
        return (f'<nav><a href="{base}">filmgraph</a><a href="{base}films">Films</a>'
                f'<a href="{base}people">People</a><a href="{base}sparql">SPARQL</a>'
                f'<form action="{base}search" method="get" role="search"><input type="search" name="q" '
                'placeholder="Search titles" aria-label="Search titles"></form></nav>')

    def _formats(self, iri: str) -> str:
        links = " · ".join(f'<a href="{_esc(iri + suffix)}" type="{_esc(kind)}">{name}</a>'
                           for kind, (suffix, name) in FORMATS.items() if kind != HTML)
        return f'<p class="formats">This page as data: {links}. Last loaded {_esc(self.last_modified)}.</p>'

    def _document(self, title: str, body: str, data: dict[str, Any] | None, *, iri: str | None = None) -> str:
        head = [f'<link rel="alternate" type="{_esc(kind)}" href="{_esc(iri + suffix)}">'
                for kind, (suffix, _) in FORMATS.items() if iri and kind != HTML]
        if iri:
            head.insert(0, f'<link rel="canonical" href="{_esc(iri)}">')
        data = data or {"@context": "https://schema.org", "@type": "WebPage", "name": title}
        script = f'<script type="application/ld+json">\n{script_json(data)}\n</script>'
        return "\n".join([
            "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">', f"<title>{_esc(title)}</title>",
            f"<style>{STYLE}{_EXTRA_STYLE}</style>", _NO_ICON, *head, script, "</head>", "<body>", self._nav(),
            "<main>", body, self._formats(iri) if iri else "", "</main>", "</body>", "</html>"]) + "\n"

    def _page(self, title: str, body: str, data: dict[str, Any] | None = None, *, iri: str | None = None,
              status: int = 200) -> Response:
        links = self._link_header(iri) if iri else []
        return Response(status, "text/html; charset=utf-8", self._document(title, body, data, iri=iri), links)

    def _link_header(self, iri: str) -> list[tuple[str, str]]:
        links = [f'<{uri(iri + suffix)}>; rel="alternate"; type="{kind}"' for kind, (suffix, _) in FORMATS.items()]
        return [("Link", ", ".join(links))]

    def _error(self, status: int, title: str, message: str, headers: list[tuple[str, str]] | None = None) -> Response:
        response = self._page(title, f"<h1>{_esc(title)}</h1><p>{_esc(message)}</p>", status=status)
        response.headers += headers or []
        return response

    def _not_found(self, path: str) -> Response:
        return self._error(404, "Not found", f"Nothing is published at /{path.lstrip('/')}. Try the film index or "
                                             "the title search.")

    # ------------------------------------------------------------------ resources

    def resource(self, request: Request) -> Response:
        """An IRI under the base: the format the Accept header (or a suffix) asks for."""
        iri = self.published.base + request.path
        kind = None
        for suffix, suffix_kind in SUFFIXES.items():
            if request.path.endswith(suffix) and not self.published.exists(iri):
                iri, kind = iri[: -len(suffix)], suffix_kind
                break
        if not request.path or not self.published.exists(iri):
            return self._not_found(request.path)
        return self._represent(iri, kind or negotiate(request.headers.get("accept", ""), list(FORMATS), HTML),
                               suffixed=kind is not None)

    def about(self, request: Request) -> Response:
        """What the store says about an IRI it does not mint (a country's item, a category's item)."""
        iri = request.param("iri")
        if not iri or not self.published.exists(iri):
            return self._not_found("about")
        if self.published.is_local(iri):
            return Response(303, "text/plain", "", [("Location", uri(iri))])
        kind = SUFFIXES.get("." + request.param("format")) if request.param("format") else None
        return self._represent(iri, kind or negotiate(request.headers.get("accept", ""), list(FORMATS), HTML),
                               suffixed=kind is not None, about=True)

    def _represent(self, iri: str, kind: str | None, *, suffixed: bool, about: bool = False) -> Response:
        if kind is None:
            return self._error(406, "Not acceptable", "This resource is published as " + ", ".join(FORMATS) + ".")
        here = self.published.base + "about?" + urlencode({"iri": iri}) + "&format=" if about else None
        if kind == HTML:
            response = self.html_page(iri)
        else:
            text = write_triples(self.published.description_triples(iri), DOCUMENT_FORMATS[kind])
            response = Response(200, kind + "; charset=utf-8", text, self._link_header(iri) if not about else [])
        if not suffixed and not about:
            response.headers.append(("Content-Location", uri(iri + FORMATS[kind][0])))
        if here:
            response.headers.append(("Link", ", ".join(f'<{uri(here + suffix[1:])}>; rel="alternate"; type="{k}"'
                                                       for k, (suffix, _) in FORMATS.items())))
        return response

    def html_page(self, iri: str) -> Response:
        types = self.published.types(iri)
        if str(SDO.Movie) in types:
            return self.film_page(iri)
        if str(SDO.Person) in types:
            return self.credits_page(iri, "Person")
        if str(SDO.Organization) in types:
            return self.credits_page(iri, "Organization")
        if str(FG.AwardCategory) in types:
            return self.category_page(iri)
        return self.generic_page(iri)

    def _elsewhere(self, iri: str, same: list[str] | None = None) -> str:
        """Links to the node's other identities (``same``: its sameAs values, when the caller read them already)."""
        links = []
        for other in self.published.same_as(iri) if same is None else same:
            label = ("Wikipedia" if ".wikipedia.org/wiki/" in other else "Wikidata" if "wikidata.org/entity/" in other
                     else "DBpedia" if "dbpedia.org/resource/" in other else None)
            if label:
                target = other.replace("http://www.wikidata.org/entity/", "https://www.wikidata.org/wiki/")
                links.append(f'<a href="{_esc(target)}" rel="noopener">{label}</a>')
        return f'<p class="elsewhere">Elsewhere: {"".join(links)}</p>' if links else ""

    def film_page(self, iri: str) -> Response:
        """A film's page: from its record (:func:`write_records`) when there is one, else built from the store."""
        if self._recorded_pages:
            assert self.published.records is not None
            about = self.published.records.about
            page = self.published.records.page(self.published.minted_iri(iri))
            if page is not None:
                text = page.replace(about.loaded, self.last_modified).replace(about.address, self.published.base)
                return Response(200, "text/html; charset=utf-8", text, self._link_header(iri))
        return self._built_film_page(iri)

    def _built_film_page(self, iri: str) -> Response:
        graph = self.published.film_graph(iri, READ_AHEAD)
        film = URIRef(iri)
        head = "\n".join([f"<style>{_EXTRA_STYLE}</style>", _NO_ICON, f'<link rel="canonical" href="{_esc(iri)}">'] +
                         [f'<link rel="alternate" type="{_esc(k)}" href="{_esc(iri + s)}">'
                          for k, (s, _) in FORMATS.items() if k != HTML])
        text = render_page(graph, film, href=self.href, head=head, top=self._nav(), bottom=self._elsewhere(iri),
                           footer=self._formats(iri))
        return Response(200, "text/html; charset=utf-8", text, self._link_header(iri))

    def _link(self, iri: str | None, text: str) -> str:
        target = self.href(URIRef(iri)) if iri else None
        return f'<a href="{_esc(target)}">{_esc(text)}</a>' if target else _esc(text)

    def _credit_rows(self, credits: list[Credit], *, awards: bool) -> str:
        rows = []
        for credit in credits:
            if (credit.result != "") != awards:
                continue
            film = self._link(credit.film, credit.film_name)
            year = _esc(credit.year or "")
            if awards:
                rows.append(f'<tr class="{_esc(credit.result)}"><td>{_esc(credit.date)}</td><td>{film}</td>'
                            f"<td>{self._link(credit.detail_node, credit.detail)}</td><td>{_esc(credit.result)}</td>"
                            "</tr>")
            else:
                rows.append(f"<tr><td>{year}</td><td>{film}</td><td>{_esc(credit.role)}</td>"
                            f"<td>{_esc(credit.detail)}</td></tr>")
        if not rows:
            return "<p>None in this graph.</p>"
        heads = ["Date", "Film", "Category", "Result"] if awards else ["Year", "Film", "Role", "Character"]
        head = "".join(f"<th>{h}</th>" for h in heads)
        css = "awards" if awards else "filmography"
        return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'

    def credits_page(self, iri: str, kind: str) -> Response:
        """A person's or a company's page: every film of the store it worked on, and its awards."""
        name = self.published.name(iri)
        credits = self.published.credits(iri)
        same = self.published.same_as(iri)
        data: dict[str, Any] = {"@context": "https://schema.org", "@type": kind, "@id": iri, "name": name,
                                "url": iri}
        if same:
            data["sameAs"] = same if len(same) > 1 else same[0]
        won = sorted({c.detail for c in credits if c.result == "won" and c.detail})
        if won:
            data["award"] = won
        films = list(dict.fromkeys(c.film for c in credits))
        body = [f"<h1>{_esc(name)}</h1>", self._elsewhere(iri, same),
                f"<h2>Films ({len(films)})</h2>", self._credit_rows(credits, awards=False),
                "<h2>Awards and nominations</h2>", self._credit_rows(credits, awards=True)]
        return self._page(name, "\n".join(body), data, iri=iri)

    def category_page(self, iri: str) -> Response:
        """An award category's page: every win and nomination in it, by date."""
        name = self.published.name(iri)
        rows = []
        for credit in self.published.nominations(iri):
            rows.append(f'<tr class="{_esc(credit.result)}"><td>{_esc(credit.date or credit.year or "")}</td>'
                        f"<td>{self._link(credit.film, credit.film_name)}</td><td>{_esc(credit.detail)}</td>"
                        f"<td>{_esc(credit.result)}</td></tr>")
        table = ('<table class="nominations"><thead><tr><th>Date</th><th>Film</th><th>Nominees</th><th>Result</th>'
                 f'</tr></thead><tbody>{"".join(rows)}</tbody></table>') if rows else "<p>None in this graph.</p>"
        data = {"@context": "https://schema.org", "@type": "DefinedTerm", "@id": iri, "name": name, "url": iri}
        body = [f"<h1>{_esc(name)}</h1>", self._elsewhere(iri), self._properties(iri),
                "<h2>Wins and nominations</h2>", table]
        return self._page(name, "\n".join(body), data, iri=iri)

    def _properties(self, iri: str) -> str:
        """The node's own triples as a table, values linked."""
        rows = []
        for _, prop, value in sorted(self.published.own_triples(iri), key=lambda t: (str(t[1]), str(t[2]))):
            rows.append([_short(str(prop)), value if not isinstance(value, URIRef) else _linked(value, self)])
        return table_html(["Property", "Value"], rows, "facts", href=self.href)

    def generic_page(self, iri: str) -> Response:
        name = self.published.name(iri)
        linked = self.published.linked_from(iri)
        rows = "".join(f"<tr><td>{self._link(subject, self.published.name(subject))}</td><td>{_esc(_short(prop))}"
                       "</td></tr>" for subject, prop in linked)
        body = [f"<h1>{_esc(name)}</h1>", self._elsewhere(iri), "<h2>What the graph says</h2>", self._properties(iri),
                "<h2>Linked from</h2>",
                f'<table class="linked"><thead><tr><th>Node</th><th>Property</th></tr></thead><tbody>{rows}</tbody>'
                "</table>" if rows else "<p>Nothing links here.</p>"]
        if self.published.is_graph(iri):
            films = [f for f, prop in linked if prop == str(SDO.subjectOf)]
            body.insert(1, "<p>The source article of " + ", ".join(self._link(f, self.published.name(f))
                                                                    for f in films) + ".</p>" if films else "")
        data = {"@context": "https://schema.org", "@type": "Thing", "@id": iri, "name": name}
        return self._page(name, "\n".join(body), data, iri=iri if self.published.is_local(iri) else None)

    # ------------------------------------------------------------------ indexes and search

    def _film_list(self, films: Iterable[FilmEntry]) -> str:
        items = "".join(f'<li><a href="{_esc(f.iri)}">{_esc(f.name)}</a>{f" ({f.year})" if f.year else ""}</li>'
                        for f in films)
        return f'<ul class="films columns">{items}</ul>'

    def _item_list(self, name: str, films: list[FilmEntry]) -> dict[str, Any]:
        """The summary page's ItemList (Google's carousel): one ListItem per film, with its page's URL."""
        return {"@context": "https://schema.org", "@type": "ItemList", "name": name,
                "itemListElement": [{"@type": "ListItem", "position": index, "url": film.iri, "name": film.name}
                                    for index, film in enumerate(films, 1)]}

    def _grouped(self, title: str, groups: dict[str, list[FilmEntry]], others: str, order: Callable[[str], Any]
                 ) -> Response:
        sections, listed = [], []
        keys = sorted(groups, key=order)
        toc = " · ".join(f'<a href="#{_anchor(k)}">{_esc(k or others)}</a>' for k in keys)
        for key in keys:
            films = sorted(groups[key], key=lambda f: (f.name.casefold(), f.iri))
            listed += films
            heading = f'<h2 id="{_anchor(key)}">{_esc(key or others)} ({len(films)})</h2>'
            sections.append(heading + self._film_list(films))
        unique = list({f.iri: f for f in listed}.values())
        switch = (f'<p>Films by <a href="{_esc(self.published.base)}films">year</a> · '
                  f'<a href="{_esc(self.published.base)}films/by-country">country</a> · '
                  f'<a href="{_esc(self.published.base)}films/by-language">language</a></p>')
        body = f"<h1>{_esc(title)}</h1>{switch}<p>{toc}</p>" + "".join(sections)
        return self._page(title, body, self._item_list(title, unique))

    def films_by_year(self, request: Request) -> Response:
        groups: dict[str, list[FilmEntry]] = {}
        for film in self.published.catalogue().films.values():
            groups.setdefault(str(film.year) if film.year else "", []).append(film)
        return self._grouped("Films by year", groups, "Year not stated", lambda k: (k == "", k))

    def films_by_country(self, request: Request) -> Response:
        return self._films_by("countries", "Films by country", "Country not stated")

    def films_by_language(self, request: Request) -> Response:
        return self._films_by("languages", "Films by language", "Language not stated")

    def _films_by(self, field: str, title: str, others: str) -> Response:
        """The films grouped by each value of one of their many-valued fields (a film in every group it names)."""
        groups: dict[str, list[FilmEntry]] = {}
        for film in self.published.catalogue().films.values():
            for value in getattr(film, field) or ("",):
                groups.setdefault(value, []).append(film)
        return self._grouped(title, groups, others, lambda k: (k == "", k.casefold()))

    def _people_by_letter(self) -> dict[str, list[tuple[str, str]]]:
        letters: dict[str, list[tuple[str, str]]] = {}
        for iri, name in self.published.catalogue().people.items():
            if self.published.is_local(iri):
                letters.setdefault(_letter(name), []).append((name, iri))
        return letters

    def people_letters(self, request: Request) -> Response:
        letters = self._people_by_letter()
        base = self.published.base
        order = sorted(letters, key=lambda k: (k == "other", k))
        items = "".join(f'<li><a href="{_esc(base)}people/{letter}">{letter.upper() if letter != "other" else "Other"}'
                        f"</a> ({len(letters[letter])})</li>" for letter in order)
        body = f"<h1>People A–Z</h1><ul class=\"letters columns\">{items}</ul>"
        return self._page("People A–Z", body, {"@context": "https://schema.org", "@type": "CollectionPage",
                                               "name": "People A–Z"})

    def people_under(self, request: Request) -> Response:
        letter = request.path.split("/", 1)[1]
        people = self._people_by_letter().get(letter)
        if not people:
            return self._not_found(request.path)
        people.sort(key=lambda item: (item[0].casefold(), item[1]))
        items = "".join(f'<li><a href="{_esc(iri)}">{_esc(name)}</a></li>' for name, iri in people)
        title = f"People: {letter.upper() if letter != 'other' else 'other'}"
        body = f'<h1>{_esc(title)}</h1><p><a href="{_esc(self.published.base)}people">A–Z</a></p>' \
               f'<ul class="people columns">{items}</ul>'
        data = {"@context": "https://schema.org", "@type": "ItemList", "name": title,
                "itemListElement": [{"@type": "ListItem", "position": i, "url": iri, "name": name}
                                    for i, (name, iri) in enumerate(people, 1)]}
        return self._page(title, body, data)

    def search(self, request: Request) -> Response:
        text = request.param("q")[:200]
        hits = self.published.search(text) if text else []
        form = (f'<form action="{_esc(self.published.base)}search" method="get"><input type="search" name="q" '
                f'value="{_esc(text)}" aria-label="Title"> <button>Search</button></form>')
        found = self._film_list(hits) if hits else "<p>No film title holds those words.</p>" if text else ""
        body = f"<h1>Search titles</h1>{form}{found}"
        return self._page(f"Search: {text}" if text else "Search titles", body,
                          self._item_list(f"Titles matching {text}", hits) if hits else None)

    def home(self, request: Request) -> Response:
        catalogue = self.published.catalogue()
        base = _esc(self.published.base)
        body = (f"<h1>Films</h1><p>{len(catalogue.films):,} films, {len(catalogue.people):,} people, "
                f"{len(catalogue.companies):,} companies and {len(catalogue.categories):,} award categories.</p>"
                f'<ul><li><a href="{base}films">Films by year</a></li>'
                f'<li><a href="{base}films/by-country">Films by country</a></li>'
                f'<li><a href="{base}films/by-language">Films by language</a></li>'
                f'<li><a href="{base}people">People A–Z</a></li><li><a href="{base}search">Search titles</a></li>'
                f'<li><a href="{base}sparql">SPARQL endpoint</a> and example queries</li></ul>')
        data = {"@context": "https://schema.org", "@type": "WebSite", "url": self.published.base, "name": "Films",
                "potentialAction": {"@type": "SearchAction",
                                    "target": self.published.base + "search?q={search_term_string}",
                                    "query-input": "required name=search_term_string"}}
        return self._page("Films", body, data)

    # ------------------------------------------------------------------ crawlers

    def robots(self, request: Request) -> Response:
        text = f"User-agent: *\nDisallow: {self.base_path}sparql\nDisallow: {self.base_path}search\n" \
               f"Sitemap: {uri(self.published.base)}sitemap.xml\n"
        return Response(200, "text/plain; charset=utf-8", text)

    def _sitemap_urls(self) -> list[str]:
        base = self.published.base
        fixed = [base, base + "films", base + "films/by-country", base + "films/by-language", base + "people"]
        return fixed + [base + "people/" + letter for letter in sorted(self._people_by_letter())] + \
            list(self.published.iter_local())

    def sitemap(self, request: Request) -> Response:
        urls = self._sitemap_urls()
        modified = _w3c_date(self.published.loaded)
        if len(urls) <= SITEMAP_URLS:
            return Response(200, "application/xml; charset=utf-8", _urlset(urls, modified))
        parts = (len(urls) + SITEMAP_URLS - 1) // SITEMAP_URLS
        body = ['<?xml version="1.0" encoding="UTF-8"?>',
                '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
        body += [f"<sitemap><loc>{_esc(uri(self.published.base))}sitemap-{n}.xml</loc><lastmod>{modified}</lastmod>"
                 "</sitemap>" for n in range(1, parts + 1)]
        body.append("</sitemapindex>\n")
        return Response(200, "application/xml; charset=utf-8", "\n".join(body))

    def sitemap_part(self, request: Request) -> Response:
        number = request.path[len("sitemap-"):-len(".xml")]
        urls = self._sitemap_urls()
        if not number.isdigit() or not 1 <= int(number) <= (len(urls) + SITEMAP_URLS - 1) // SITEMAP_URLS:
            return self._not_found(request.path)
        start = (int(number) - 1) * SITEMAP_URLS
        return Response(200, "application/xml; charset=utf-8",
                        _urlset(urls[start:start + SITEMAP_URLS], _w3c_date(self.published.loaded)))

    # ------------------------------------------------------------------ SPARQL

    def example_query(self, request: Request) -> Response:
        name = request.path[len("queries/"):]
        text = self.queries.get(name)
        if text is None:
            return self._not_found(request.path)
        return Response(200, "application/sparql-query; charset=utf-8", text)

    def sparql(self, request: Request) -> Response:
        """The SPARQL 1.1 Protocol: ``query`` by GET, by POST form or as a POST ``application/sparql-query`` body;
        ``update`` refused; without a query, the query page."""
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        fields = dict(request.query)
        query = request.param("query")
        if request.method == "POST":
            if content_type == "application/sparql-update":
                return self._sparql_error(Answer(403, "text/plain", b"This endpoint is read-only: SPARQL Update is "
                                                                    b"refused.\n"))
            if content_type == "application/sparql-query":
                try:
                    query = request.body.decode("utf-8")
                except UnicodeDecodeError:
                    return self._error(400, "Bad request", "The query is not UTF-8.")
            elif content_type == "application/x-www-form-urlencoded":
                try:
                    fields.update(parse_qs(request.body.decode("utf-8")))
                except UnicodeDecodeError:
                    return self._error(400, "Bad request", "The form is not UTF-8.")
                query = (fields.get("query") or [""])[0]
            else:
                return self._error(400, "Bad request", "POST a query as application/sparql-query or as an "
                                                       "application/x-www-form-urlencoded form.")
        if fields.get("update"):
            return self._sparql_error(Answer(403, "text/plain", b"This endpoint is read-only: SPARQL Update is "
                                                                b"refused.\n"))
        accept = request.headers.get("accept", "")
        wanted = (fields.get("format") or [""])[0].lower()
        if wanted:
            accept = RESULT_TYPES.get(wanted) or GRAPH_NAMES.get(wanted) or ("text/html" if wanted == "html" else
                                                                               wanted)
        if not query:
            return self.query_page("", None)
        if len(query) > MAX_QUERY:
            return self._error(413, "Query too long", f"A query may hold {MAX_QUERY:,} characters at most.")
        if self.pool is None:
            return self._error(503, "No SPARQL endpoint", "This server was started without one.")
        browser = negotiate(accept, [HTML, *RESULT_TYPES.values(), *GRAPH_TYPES], JSON) == HTML
        answer = self.pool.run(query, accept=f"{JSON}, text/turtle" if browser else accept,
                               default_graphs=fields.get("default-graph-uri", []),
                               named_graphs=fields.get("named-graph-uri", []))
        if browser:
            return self.query_page(query, answer)
        if answer.status != 200:
            return self._sparql_error(answer)
        return Response(200, answer.content_type, answer.body, [*answer.headers, ("Vary", "Accept")])

    def _sparql_error(self, answer: Answer) -> Response:
        return Response(answer.status, "text/plain; charset=utf-8", answer.body, answer.headers)

    def query_page(self, query: str, answer: Answer | None) -> Response:
        base = _esc(self.published.base)
        examples = "".join(
            f'<li><a href="{base}sparql?{_esc(urlencode({"query": text}))}">{_esc(name)}</a> '
            f'(<a href="{base}queries/{_esc(quote(name))}">text</a>)</li>' for name, text in self.queries.items())
        prefixes = ", ".join(sorted(name for name in PREFIXES))
        form = (f'<form action="{base}sparql" method="post"><textarea name="query" rows="14">{_esc(query)}</textarea>'
                '<p><label>Results as <select name="format"><option value="html">a table</option>'
                '<option value="json">SPARQL JSON</option><option value="xml">SPARQL XML</option>'
                '<option value="csv">CSV</option><option value="tsv">TSV</option>'
                '<option value="turtle">Turtle (CONSTRUCT)</option><option value="jsonld">JSON-LD (CONSTRUCT)</option>'
                "</select></label> <button>Run</button></p></form>")
        result = ""
        status = 200
        if answer is not None:
            status = answer.status
            result = "<h2>Results</h2>" + self._answer_html(answer)
        body = (f"<h1>SPARQL</h1><p>A read-only SPARQL 1.1 endpoint at <code>{base}sparql</code> (GET or POST); the "
                f"films' graphs are its default graph; the prefixes {_esc(prefixes)} are declared. "
                f"Queries stop after {self.pool.time_limit if self.pool else 0:g} s and "
                f"{self.pool.row_limit if self.pool else 0:,} rows.</p>{form}{result}"
                f"<h2>Example queries</h2><ul>{examples}</ul>")
        return self._page("SPARQL", body, status=status)

    def _answer_html(self, answer: Answer) -> str:
        cut = f'<p class="cut">{_esc(answer.cut_off)}</p>' if answer.cut_off else ""
        if answer.status != 200:
            return f'<p class="cut">{_esc(answer.body.decode("utf-8", "replace").strip())}</p>'
        if answer.content_type.startswith(JSON):
            data = json.loads(answer.body)
            if "boolean" in data:
                return f"<p>{'true' if data['boolean'] else 'false'}</p>"
            names = data["head"]["vars"]
            rows = []
            for binding in data["results"]["bindings"]:
                cells = []
                for name in names:
                    term = binding.get(name)
                    if term is None:
                        cells.append("")
                    elif term["type"] == "uri":
                        cells.append(_linked(URIRef(term["value"]), self))
                    else:
                        cells.append(term["value"])
                rows.append(cells)
            count = f"<p>{len(rows):,} row{'s' if len(rows) != 1 else ''}</p>"
            return cut + count + table_html(names, rows, "results", href=self.href)
        return cut + f"<pre>{_esc(answer.body.decode('utf-8', 'replace'))}</pre>"


def _linked(iri: URIRef, site: Site) -> Named:
    """An IRI shown in a table: its name when the server publishes it, linked to its page."""
    return named(site.published.name(str(iri)) if site.published.is_local(str(iri)) else str(iri), iri)


def _anchor(key: str) -> str:
    return "g-" + (re.sub(r"[^\w-]+", "-", key.casefold()).strip("-") or "none")


def _w3c_date(stamp: float) -> str:
    import datetime

    return datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _urlset(urls: list[str], modified: str) -> str:
    body = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    body += [f"<url><loc>{_esc(uri(url))}</loc><lastmod>{modified}</lastmod></url>" for url in urls]
    body.append("</urlset>\n")
    return "\n".join(body)


def _not_modified(request: Request, tag: str, loaded: float) -> bool:
    match = request.headers.get("if-none-match")
    if match is not None:
        return tag in [part.strip().removeprefix("W/") for part in match.split(",")] or match.strip() == "*"
    since = request.headers.get("if-modified-since")
    if since:
        try:
            return parsedate_to_datetime(since).timestamp() >= int(loaded)
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
    return False


def example_queries() -> dict[str, str]:
    """The example queries (``queries/*.rq`` and ``queries/wikidata/*.rq``) by name: the package's copy when
    installed, the repository's folder when run from a checkout."""
    folders: list[Any] = []
    packaged = resources.files("filmgraph") / "queries"
    if packaged.is_dir():
        folders.append(packaged)
    checkout = Path(__file__).resolve().parents[3] / "queries"
    if checkout.is_dir():
        folders.append(checkout)
    found: dict[str, str] = {}
    for folder in folders[:1]:
        for entry in sorted(_rq_files(folder), key=lambda item: item[0]):
            found.setdefault(entry[0], entry[1])
    return found


def _rq_files(folder: Any) -> Iterator[tuple[str, str]]:
    for entry in folder.iterdir():
        if entry.is_dir():
            yield from ((f"{entry.name}/{name}", text) for name, text in _rq_files(entry))
        elif entry.name.endswith(".rq"):
            yield entry.name, entry.read_text(encoding="utf-8")


def _plain(base: str) -> bool:
    """Whether a base is written as it is in a page's HTML (text and attributes) and in its JSON-LD."""
    return html.escape(base) == base and json.dumps(base, ensure_ascii=False) == f'"{base}"'


@dataclass
class RecordsWritten:
    """What :func:`write_records` did: the records' file, the films whose records it wrote (all of the store's,
    or those a load may have changed), the films whose records it dropped, and whether it wrote all of them."""

    path: Path
    written: int
    removed: int
    whole: bool
    films: int = 0
    films_written: list[str] = field(default_factory=list, repr=False)


def write_records(store: str | Path, *, minted_base: str | None = None, changed_graphs: Iterable[str] | None = None,
                  since: float | None = None) -> RecordsWritten:
    """Write the records of the films of the store at ``store`` (the folder of an embedded store, closed by the
    program that loaded it), so that a server of the store answers a film's documents and page from its record
    (:mod:`filmgraph.web.records`); what ``filmgraph load --records`` runs after loading.

    All of them are written, unless the store was loaded since its records were written and nothing else changed
    it: ``since`` is the store's time (:func:`filmgraph.web.published.store_time`) before the load, when its
    records were of the store as it was then, and ``changed_graphs`` the named graphs the load wrote, replaced
    or removed. Then only the records of the films those graphs may have changed are written again: the films
    whose record was read from one of them, the films (or their statements, roles…) they describe now, and the
    films whose page linked a node the store now describes, or no longer does; the records of films no longer
    in the store are dropped. IRIs are recorded as minted (under ``minted_base``, found in the store when not
    given).

    Example (a load, then its films' records brought up to date, as ``filmgraph load --records`` does)::

        from filmgraph import load, write_records
        from filmgraph.store import open as open_store
        from filmgraph.web.published import store_time

        since = store_time("out/store")
        store = open_store("out/store")
        results = load(["tests/corpus/rocky.wiki"], store=store)
        store.close()
        write_records("out/store", changed_graphs=[r.graph_iri for r in results if r.graph_iri], since=since)

    :raises FilmgraphError: no store there.
    """
    folder = Path(store)
    minted = minted_base or minted_base_of(open_read_only(folder)) or "http://localhost/"
    described = Published(folder, base=minted, minted_base=minted)  # read at the minted IRIs, from the store
    described.records = None
    before = read_about(folder)
    incremental = before is not None and changed_graphs is not None and since is not None and \
        before.stamp == since and before.fingerprint == code_fingerprint()
    # the kept pages' placeholders, or new ones
    token = before.token if incremental and before is not None else secrets.token_hex(8)
    about = RecordsAbout(described.loaded, token, code_fingerprint())
    # the pages, built at the placeholder address and time (the documents' IRIs are recorded as minted)
    site = Site(Published(folder, base=about.address, minted_base=minted), None, cache_bytes=0)
    site.last_modified = about.loaded
    listed = described.film_iris()
    films = [iri for iri in listed if iri.startswith(minted)]
    removed: list[str] = []
    if incremental:
        assert changed_graphs is not None
        recorded = recorded_films(folder)
        chosen = _films_changed(site.published, set(films), set(changed_graphs), recorded)
        removed = sorted(recorded - set(films))
        films = [film for film in films if film in chosen or film not in recorded]
    path, count = save_records(folder, about, (_film_record(site, described, film) for film in films),
                               keep=incremental, removed=removed)
    return RecordsWritten(path, count, len(removed), not incremental, len(listed), films)


def _film_record(site: Site, described: Published, film: str) -> FilmRecord:
    """A film's record: its description read from the store, its page built at the placeholder address, and what
    they were read from."""
    triples = described.description_triples(film)
    published = site.published
    public = published.public(film)
    published.checked = {}
    try:
        page = site._built_film_page(public).body.decode("utf-8")
        checked = {published.minted_iri(iri): found for iri, found in published.checked.items()}
    finally:
        published.checked = None
    subjects = list(dict.fromkeys(t.subject for t in triples if isinstance(t.subject, ox.NamedNode)))
    graphs = {graph.value for graph in published.film_graphs(public) if isinstance(graph, ox.NamedNode)}
    if subjects:
        values = " ".join(str(subject) for subject in subjects)
        graphs |= {row[0].value for row in described.store.query(
            f"SELECT DISTINCT ?g {{ VALUES ?s {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")}
    if described.is_graph(film):
        graphs.add(film)
    return FilmRecord(film, triples, page, graphs, checked, described.film_credits(film))


def _films_changed(published: Published, films: set[str], changed: set[str], recorded: set[str]) -> set[str]:
    """The films (minted IRIs) whose records a load of the ``changed`` graphs may have changed: those read from
    one of them, those they now describe (a film, or its statements, roles…, found back through the nodes that
    link them), and those whose page linked a node whose description the store now has, or no longer has."""
    store = published.store
    chosen = films_reading(published.path, changed)
    dependent = tuple(f"{published.minted}{kind}/" for kind in DEPENDENT_KINDS)
    frontier: set[Any] = set()
    for graph in changed:
        node = ox.NamedNode(graph)
        if not store.contains_named_graph(node):
            continue
        for (subject,) in store.query(f"SELECT DISTINCT ?s {{ GRAPH {node} {{ ?s ?p ?o }} }}"):
            if isinstance(subject, ox.NamedNode) and subject.value in films:
                chosen.add(subject.value)
            elif isinstance(subject, ox.NamedNode) and subject.value.startswith(dependent):
                frontier.add(subject)
    seen = set(frontier)
    while frontier:  # a statement's, a role's… film: up the links that lead to it
        following = set()
        for node in frontier:
            for quad in store.quads_for_pattern(None, None, node, None):
                subject = quad.subject
                if isinstance(subject, ox.NamedNode) and subject not in seen:
                    seen.add(subject)
                    if subject.value in films:
                        chosen.add(subject.value)
                    elif subject.value.startswith(dependent):
                        following.add(subject)
        frontier = following
    for iri, asked in checked_iris(published.path).items():
        found = published.exists(published.public(iri))
        chosen |= {film for film, was in asked if was != found}
    return chosen & (films | recorded)


def app(store: str | Path, *, base: str, minted_base: str | None = None, time_limit: float = 10.0,
        row_limit: int = 10_000, query_workers: int = 2, cache_mb: float = 64,
        shared_cache: Path | None = None, catalogue: Catalogue | None = None,
        filmographies: dict[str, list[FilmLink]] | None = None) -> Site:
    """The WSGI application publishing the store at ``store`` (a folder, opened read-only) under ``base`` (the
    server's address, ending in ``/``). IRIs minted under ``minted_base`` (found in the store when not given) are
    shown under ``base``. SPARQL queries run in ``query_workers`` processes, each stopped at ``time_limit``
    seconds and cut at ``row_limit`` rows (0 workers: no endpoint). The last answers built are kept, up to
    ``cache_mb`` megabytes (0: none), shared with the server's other workers through the folder ``shared_cache``
    (:class:`ResponseCache`). The catalogue and every person's and company's films are read as it starts,
    unless given (``catalogue`` and ``filmographies``: :meth:`Published.catalogue` and
    :meth:`Published.filmographies` of the same store under the same base). Call :func:`close` when done.

    :raises FilmgraphError: no store there, or a base that is no http(s) address.
    """
    published = Published(store, base=base, minted_base=minted_base, catalogue=catalogue,
                          filmographies=filmographies)
    published.catalogue()  # read once, before the first request (when not given)
    published.filmographies()  # likewise (when not given)
    pool = QueryPool(str(store), minted=published.minted, base=published.base, workers=query_workers,
                     time_limit=time_limit, row_limit=row_limit) if query_workers > 0 else None
    return Site(published, pool, cache_bytes=int(cache_mb * 2**20), shared_cache=shared_cache)


def close(site: Site) -> None:
    """Stop the site's query workers."""
    if site.pool is not None:
        site.pool.close()


__all__ = ["app", "close", "Site", "example_queries", "uri", "write_records", "RecordsWritten", "FilmgraphError"]
