"""`filmgraph serve` as a client sees it: a real server process on 127.0.0.1 over a store of corpus films, asked
for pages, documents and SPARQL answers, crawled from its index, and opened in Debian's headless Chromium."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urldefrag, urlencode, urlsplit

import pyoxigraph as ox
import pytest
import requests
from click.testing import CliRunner
from rdflib import Graph, URIRef

from filmgraph.cli import cli
from filmgraph.rdf.vocab import FG, RDF, SDO
from filmgraph.web.page import READ_AHEAD, render_page
from filmgraph.web.site import uri
from filmgraph.web.sparql import accepted, is_update, negotiate
from test_browser import _no_dialog_and_no_errors, browser  # noqa: F401 - the Chromium fixture, shared

ROOT = Path(__file__).parents[1]
CORPUS = ROOT / "tests" / "corpus"
MINTED = "https://example.org/filmgraph/"
PAGE = "https://en.wikipedia.org/wiki/48_Hrs."
ITEMS = "48 Hrs.\tQ900000048\nNick Nolte\tQ190631\nEddie Murphy\tQ43874\nWalter Hill (director)\tQ362824\n"
HOSTILE_TITLE = "</script><script>alert(1)</script>"
HOSTILE_PERSON = "Ann \"Quotes\" O'Berg<img src=x onerror=alert>"
HOSTILE_ARTICLE = (f"= {HOSTILE_TITLE} =\nInfobox\n- Director: {HOSTILE_PERSON}\n\n==Cast==\n"
                   "- Bo \"Bee\" Ek as <Tags> & Co\n")
TIME_LIMIT = 2
ROW_LIMIT = 300
QUERIES = sorted((ROOT / "queries").glob("*.rq")) + sorted((ROOT / "queries" / "wikidata").glob("*.rq"))
TYPES = {"text/turtle": ox.RdfFormat.TURTLE, "application/ld+json": ox.RdfFormat.JSON_LD,
         "application/n-triples": ox.RdfFormat.N_TRIPLES}
SUFFIX = {"text/turtle": ".ttl", "application/ld+json": ".jsonld", "application/n-triples": ".nt"}


def _run(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seven films loaded as a user loads them: corpus pages (two sharing their director and lead), the sample,
    one read from its page with Wikidata items, and an article whose title and names are markup."""
    folder = tmp_path_factory.mktemp("serve")
    store = folder / "store"
    items = folder / "items.tsv"
    items.write_text(ITEMS, encoding="utf-8")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    _run("load", str(CORPUS / "48_hrs.wiki"), "--store", str(store), "--items", str(items), "--source-url", PAGE)
    _run("load", str(ROOT / "examples" / "second_victims.txt"), *(str(CORPUS / name) for name in (
        "evil_dead_ii.wiki", "army_of_darkness.wiki", "rocky.wiki", "the_company_of_strangers.wiki")),
        str(hostile), "--store", str(store))
    return store


@contextlib.contextmanager
def _serving(store: Path, *options: str) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """A `filmgraph serve` process over ``store`` on a free port of 127.0.0.1: its address and the process."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    process = subprocess.Popen(
        [sys.executable, "-m", "filmgraph", "serve", "--store", str(store), "--bind", "127.0.0.1:0", *options],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        match = re.search(r"listening on (http://127\.0\.0\.1:\d+/)", line)
        assert match, line + process.stderr.read()
        yield match.group(1), process
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="module")
def server(store_dir: Path) -> Iterator[str]:
    """A `filmgraph serve` process on a free port of 127.0.0.1; yields its address."""
    with _serving(store_dir, "--time-limit", str(TIME_LIMIT), "--row-limit", str(ROW_LIMIT)) as (address, _):
        yield address


@pytest.fixture(scope="module")
def store(store_dir: Path, server: str) -> ox.Store:
    """The same store, opened read-only beside the server, for the expected answers."""
    return ox.Store.read_only(str(store_dir))


def _public(text: str, base: str) -> str:
    return text.replace(MINTED, base)


def _get(url: str, accept: str | None = None, **kwargs) -> requests.Response:
    headers = {"Accept": accept} if accept else {}
    headers.update(kwargs.pop("headers", {}))
    return requests.get(url, headers=headers, timeout=30, **kwargs)


def _first(store: ox.Store, kind: str, contains: str = "") -> str:
    found = sorted(q.subject.value for q in store.quads_for_pattern(None, ox.NamedNode(str(RDF.type)),
                                                                    ox.NamedNode(kind), None)
                   if q.subject.value.startswith(MINTED) and contains in q.subject.value)
    return found[0]


def _expected_description(store: ox.Store, iri: str) -> set[str]:
    """A resource's description computed apart from the server (SPARQL, no depth limit): its triples and those of
    the statement, role, reference and tally nodes it leads to; a graph's name: the whole graph too."""
    dependent = " || ".join(f'STRSTARTS(STR(?o), "{MINTED}{kind}/")' for kind in ("statement", "role", "reference",
                                                                                     "tally"))
    nodes, frontier = {iri}, {iri}
    while frontier:
        values = " ".join(f"<{node}>" for node in frontier)
        rows = store.query(f'SELECT DISTINCT ?o {{ VALUES ?s {{ {values} }} ?s ?p ?o '
                           f"FILTER(isIRI(?o) && ({dependent})) }}",
                           use_default_graph_as_union=True)
        frontier = {row["o"].value for row in rows} - nodes
        nodes |= frontier
    values = " ".join(f"<{node}>" for node in nodes)
    triples = {str(t) for t in store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o }}",
                                           use_default_graph_as_union=True)}
    if store.contains_named_graph(ox.NamedNode(iri)):
        triples |= {str(ox.Triple(q.subject, q.predicate, q.object))
                    for q in store.quads_for_pattern(None, None, None, ox.NamedNode(iri))}
    return triples


def _parsed(body: bytes, kind: str) -> set[str]:
    return {str(t) for t in ox.parse(body, format=TYPES[kind])}


# ------------------------------------------------------------------------------------ negotiation (unit)


def test_accept_headers_are_read_by_quality_and_specificity() -> None:
    assert [k for k, _ in accepted("text/html;q=0.9, text/turtle, */*;q=0.1")] == ["text/turtle", "text/html", "*/*"]
    assert negotiate("text/*;q=0.5, application/ld+json", ["text/html", "application/ld+json"]) == "application/ld+json"
    assert negotiate("", ["text/html", "text/turtle"]) == "text/html"
    assert negotiate("image/png", ["text/html", "text/turtle"]) is None
    assert negotiate("application/json", ["application/sparql-results+json", "text/csv"]) == \
        "application/sparql-results+json"
    assert is_update("# c\nPREFIX s: <urn:s>\nDELETE WHERE { ?a ?b ?c }") and not is_update("ASK {}")


# ------------------------------------------------------------------------------------ resources


RESOURCE_KINDS = {"film": (str(SDO.Movie), "/film/rocky"), "person": (str(SDO.Person), "/person/bruce-campbell"),
                  "company": (str(SDO.Organization), "/organization/"), "category": (str(FG.AwardCategory), "/award/"),
                  "statement": ("http://wikiba.se/ontology#Statement", "/P161/")}


@pytest.mark.parametrize("kind", list(RESOURCE_KINDS))
def test_each_resource_answers_each_format_with_its_description(server: str, store: ox.Store, kind: str) -> None:
    rdf_type, contains = RESOURCE_KINDS[kind]
    minted = _first(store, rdf_type, contains)
    iri = _public(minted, server)
    expected = {_public(t, server) for t in _expected_description(store, minted)}
    assert expected
    for media_type in TYPES:
        answer = _get(iri, media_type)
        assert answer.status_code == 200, (iri, media_type)
        assert answer.headers["Content-Type"].split(";")[0] == media_type
        assert "Accept" in answer.headers["Vary"]
        assert _parsed(answer.content, media_type) == expected, (iri, media_type)
        suffixed = _get(iri + SUFFIX[media_type])
        assert suffixed.headers["Content-Type"].split(";")[0] == media_type
        assert suffixed.content == answer.content
        links = answer.headers["Link"]
        for other, suffix in SUFFIX.items():
            assert f'<{uri(iri + suffix)}>; rel="alternate"; type="{other}"' in links
    page = _get(iri, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    data = _json_ld(page.text)
    assert data and data[0].get("@id") == iri
    assert _get(iri + ".html").text == page.text


def test_an_article_is_its_whole_graph(server: str, store: ox.Store) -> None:
    article = MINTED + "article/rocky"
    answer = _get(_public(article, server), "application/n-triples")
    assert answer.status_code == 200
    graph = {_public(str(ox.Triple(q.subject, q.predicate, q.object)), server)
             for q in store.quads_for_pattern(None, None, None, ox.NamedNode(article))}
    assert graph <= _parsed(answer.content, "application/n-triples")


def test_iris_of_another_base_are_served_at_the_servers_address(server: str) -> None:
    turtle = _get(server + "film/rocky", "text/turtle").text
    assert MINTED not in turtle and f"<{server}film/rocky>" in turtle
    page = _get(server + "film/rocky").text
    assert MINTED not in page
    # an IRI the store does not mint stays as it is: the 48 Hrs. page is its own graph
    assert "https://en.wikipedia.org/wiki/48_Hrs." in _get(server + "film/48-hrs", "text/turtle").text


def test_unknown_resources_and_formats(server: str) -> None:
    missing = _get(server + "film/no-such-film")
    assert missing.status_code == 404 and "text/html" in missing.headers["Content-Type"]
    assert "Not found" in missing.text
    assert _get(server + "film/rocky", "image/png").status_code == 406
    assert _get(server + "film/no-such-film.ttl").status_code == 404
    assert requests.delete(server + "film/rocky", timeout=10).status_code == 405
    assert requests.post(server + "film/rocky", data="x", timeout=10).status_code == 405


def test_pages_are_cacheable_until_the_store_changes(server: str) -> None:
    first = _get(server + "film/rocky")
    tag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert _get(server + "film/rocky", headers={"If-None-Match": tag}).status_code == 304
    assert _get(server + "film/rocky", headers={"If-Modified-Since": modified}).status_code == 304
    turtle = _get(server + "film/rocky", "text/turtle")
    assert turtle.headers["ETag"] != tag  # another representation, another tag
    assert _get(server + "film/rocky", headers={"If-None-Match": '"other"'}).status_code == 200


# ------------------------------------------------------------------------------------ pages and links


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None
        self.h1 = ""
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if tag == "script":
            self._in_script = values
            self.scripts.append((values, ""))
        if tag == "h1":
            self._in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        if self._in_h1:
            self.h1 += data


def _parse(text: str) -> _Links:
    parser = _Links()
    parser.feed(text)
    return parser


def _json_ld(text: str) -> list[dict]:
    return [json.loads(body) for attrs, body in _parse(text).scripts if attrs.get("type") == "application/ld+json"]


def test_a_crawl_from_the_index_finds_every_film_and_person_with_no_broken_link(server: str, store: ox.Store) -> None:
    def members(kind: str) -> set[str]:
        return {_public(q.subject.value, server) for q in store.quads_for_pattern(
            None, ox.NamedNode(str(RDF.type)), ox.NamedNode(kind), None) if q.subject.value.startswith(MINTED)}

    films, people = members(str(SDO.Movie)), members(str(SDO.Person))
    assert len(films) == 7 and len(people) > 80
    # Links are followed from the indexes and from film, person, company and category pages; every other link
    # (a role's, a statement's page, a document) is fetched and must answer.
    expanding = re.compile(re.escape(server) + r"(|films.*|people.*|film/[^/]+|person/.*|organization/.*|award/.*)$")
    seen: dict[str, int] = {}
    queue = [server]
    session = requests.Session()
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        answer = session.get(url, timeout=30)
        seen[url] = answer.status_code
        assert answer.status_code == 200, url
        if "text/html" in answer.headers["Content-Type"]:
            assert _json_ld(answer.text), f"{url} carries no JSON-LD"
        if not expanding.match(url) or "text/html" not in answer.headers["Content-Type"]:
            continue
        for link in _parse(answer.text).links:
            link = urldefrag(link)[0]
            if link.startswith(server) and not link.startswith((server + "sparql", server + "search")) \
                    and link not in seen:
                queue.append(link)
    assert films <= set(seen)
    assert people <= set(seen)
    assert len(seen) < 3000


def test_a_person_page_lists_films_across_the_store(server: str) -> None:
    page = _get(server + "person/bruce-campbell")
    links = _parse(page.text).links
    assert server + "film/evil-dead-ii" in links and server + "film/army-of-darkness" in links
    assert "Ash" in page.text  # his character
    data = _json_ld(page.text)[0]
    assert data["@type"] == "Person" and data["name"] == "Bruce Campbell"


def test_a_film_page_links_its_people_companies_categories_and_elsewhere(server: str) -> None:
    page = _get(server + "film/48-hrs")
    links = set(_parse(page.text).links)
    assert server + "person/nick-nolte" in links
    assert any(link.startswith(server + "organization/") for link in links)
    assert any(link.startswith(server + "award/") for link in links) or "Accolades" in page.text
    assert "https://en.wikipedia.org/wiki/48_Hrs." in links
    assert "https://www.wikidata.org/wiki/Q900000048" in links
    assert any(link.startswith("http://dbpedia.org/resource/") for link in links)
    movie = _json_ld(page.text)[0]
    assert movie["@type"] == "Movie" and movie["@id"] == server + "film/48-hrs"


def test_an_award_category_lists_its_nominations(server: str, store: ox.Store) -> None:
    category = _public(_first(store, str(FG.AwardCategory), "/academy-awards/best-director"), server)
    page = _get(category).text
    assert server + "film/rocky" in _parse(page).links and "won" in page


def test_indexes_search_sitemap_and_robots(server: str) -> None:
    by_year = _get(server + "films").text
    item_list = _json_ld(by_year)[0]
    assert item_list["@type"] == "ItemList"
    urls = [item["url"] for item in item_list["itemListElement"]]
    assert len(urls) == 7 and server + "film/rocky" in urls
    assert [item["position"] for item in item_list["itemListElement"]] == list(range(1, 8))
    assert "1976" in by_year
    assert "United States" in _get(server + "films/by-country").text
    assert "Danish" in _get(server + "films/by-language").text
    people = _get(server + "people/b").text
    assert server + "person/bruce-campbell" in _parse(people).links
    search = _get(server + "search", params={"q": "evil DEAD"}).text
    assert server + "film/evil-dead-ii" in _parse(search).links
    assert server + "film/rocky" not in _parse(search).links
    sitemap = _get(server + "sitemap.xml")
    assert sitemap.headers["Content-Type"].startswith("application/xml")
    assert f"<loc>{server}film/rocky</loc>" in sitemap.text and f"<loc>{server}person/bruce-campbell</loc>" in \
        sitemap.text
    robots = _get(server + "robots.txt").text
    assert f"Sitemap: {server}sitemap.xml" in robots and "Disallow: /sparql" in robots


# ------------------------------------------------------------------------------------ SPARQL


@pytest.mark.parametrize("path", QUERIES, ids=[p.relative_to(ROOT / "queries").as_posix() for p in QUERIES])
def test_the_endpoint_answers_the_example_queries_as_filmgraph_query_does(server: str, store_dir: Path,
                                                                         path: Path) -> None:
    result = CliRunner().invoke(cli, ["query", f"@{path}", "--store", str(store_dir), "-f", "json"])
    assert result.exit_code == 0, result.output
    expected = json.loads(_public(result.output, server))
    answer = requests.post(server + "sparql", data=path.read_text(encoding="utf-8").encode(), timeout=30,
                           headers={"Content-Type": "application/sparql-query",
                                    "Accept": "application/sparql-results+json"})
    assert answer.status_code == 200, answer.text
    assert answer.headers["Content-Type"].startswith("application/sparql-results+json")
    got = answer.json()
    assert got["head"]["vars"] == expected["head"]["vars"]

    def rows(data: dict) -> list[str]:
        return sorted(json.dumps(row, sort_keys=True) for row in data["results"]["bindings"])

    assert rows(got) == rows(expected)


def test_results_in_every_format(server: str) -> None:
    query = "SELECT ?film ?name WHERE { ?film a schema:Movie ; schema:name ?name } ORDER BY ?name"
    for accept, check in [("application/sparql-results+xml", "<sparql"), ("text/csv", "film,name\r\n"),
                          ("text/tab-separated-values", "?film\t?name\n")]:
        answer = _get(server + "sparql?" + urlencode({"query": query}), accept)
        assert answer.status_code == 200 and answer.headers["Content-Type"].startswith(accept)
        assert check in answer.text and f"{server}film/rocky" in answer.text
    construct = "CONSTRUCT { ?f schema:name ?n } WHERE { ?f a schema:Movie ; schema:name ?n }"
    for accept in ("text/turtle", "application/ld+json"):
        answer = requests.post(server + "sparql", data={"query": construct}, headers={"Accept": accept}, timeout=30)
        assert answer.status_code == 200 and answer.headers["Content-Type"].startswith(accept)
        assert len(_parsed(answer.content, accept)) == 7
    ask = _get(server + "sparql?" + urlencode({"query": "ASK { ?f a schema:Movie }"}))
    assert ask.json() == {"head": {}, "boolean": True}
    # a query may name the films by the server's IRIs
    named = _get(server + "sparql?" + urlencode({"query": f"SELECT ?n {{ <{server}film/rocky> schema:name ?n }}",
                                                 "format": "json"}))
    assert [b["n"]["value"] for b in named.json()["results"]["bindings"]] == ["Rocky"]


def test_updates_are_refused(server: str, store: ox.Store) -> None:
    update = "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> 'c' } }"
    refused = [
        requests.post(server + "sparql", data=update, headers={"Content-Type": "application/sparql-update"},
                      timeout=10),
        requests.post(server + "sparql", data={"update": update}, timeout=10),
        requests.post(server + "sparql", data={"query": update}, timeout=10),
        _get(server + "sparql?" + urlencode({"query": "DROP ALL"}), "application/sparql-results+json")]
    for answer in refused:
        assert answer.status_code == 403 and "read-only" in answer.text
    assert not store.contains_named_graph(ox.NamedNode("urn:x"))


def test_an_overlong_query_is_cut_off_with_a_clear_message(server: str) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    started = time.monotonic()
    answer = _get(server + "sparql?" + urlencode({"query": slow}), "application/sparql-results+json")
    assert answer.status_code == 503
    assert f"time limit of {TIME_LIMIT} s" in answer.text
    assert time.monotonic() - started < TIME_LIMIT + 5
    # the worker that ran it was replaced: the endpoint still answers
    after = _get(server + "sparql?" + urlencode({"query": "ASK { ?s ?p ?o }"}), "application/sparql-results+json")
    assert after.status_code == 200


def test_a_long_answer_is_cut_at_the_row_limit_and_says_so(server: str) -> None:
    answer = _get(server + "sparql?" + urlencode({"query": "SELECT * { ?s ?p ?o }"}), "application/sparql-results+json")
    assert answer.status_code == 200
    assert len(answer.json()["results"]["bindings"]) == ROW_LIMIT
    assert answer.headers["X-SPARQL-MaxRows"] == str(ROW_LIMIT)
    assert f"row limit of {ROW_LIMIT}" in answer.headers["Filmgraph-Cut-Off"]
    page = _get(server + "sparql?" + urlencode({"query": "SELECT * { ?s ?p ?o }"}), "text/html")
    assert f"row limit of {ROW_LIMIT}" in page.text


def test_bad_queries_and_oversized_requests(server: str) -> None:
    bad = _get(server + "sparql?" + urlencode({"query": "SELECT ?x WHERE {"}), "application/sparql-results+json")
    assert bad.status_code == 400 and "Bad query" in bad.text
    big = requests.post(server + "sparql", data=b"x" * 1_100_000,
                        headers={"Content-Type": "application/sparql-query"}, timeout=30)
    assert big.status_code == 413
    long_query = "SELECT * {} #" + "x" * 100_001
    assert requests.post(server + "sparql", data=long_query.encode(), timeout=30,
                         headers={"Content-Type": "application/sparql-query"}).status_code == 413


def test_the_query_page_links_the_example_queries(server: str) -> None:
    page = _get(server + "sparql", "text/html").text
    links = _parse(page).links
    assert server + "queries/crew.rq" in links
    assert any(link.startswith(server + "sparql?query=") for link in links)
    example = _get(server + "queries/crew.rq")
    assert example.status_code == 200 and "SELECT" in example.text
    table = _get(server + "sparql?" + urlencode({"query": (ROOT / "queries" / "crew.rq").read_text()}), "text/html")
    assert table.status_code == 200 and "Rocky" in table.text and "<table" in table.text


# ------------------------------------------------------------------------------------ hostile names


def test_hostile_names_stay_inert(server: str, store: ox.Store) -> None:
    film = _public(_first(store, str(SDO.Movie), "/film/script"), server)
    for url in (film, film + ".html"):
        page = _get(url).text
        parsed = _parse(page)
        assert [attrs.get("type") for attrs, _ in parsed.scripts] == ["application/ld+json"]
        assert HOSTILE_TITLE.strip() in parsed.h1
        assert "<script>alert" not in page and "<img src=x" not in page
        movie = _json_ld(page)[0]
        assert movie["name"] == HOSTILE_TITLE
        assert movie["director"]["name"] == HOSTILE_PERSON
    person = next(link for link in _parse(_get(film).text).links if "/person/" in link)
    person_page = _get(person).text
    assert _json_ld(person_page)[0]["name"] == HOSTILE_PERSON and "<img src=x" not in person_page
    document = _get(film, "application/ld+json")
    assert any(HOSTILE_TITLE in str(t) for t in ox.parse(document.content, format=ox.RdfFormat.JSON_LD))
    for url in (server + "search?" + urlencode({"q": HOSTILE_TITLE}), server + quote("<script>alert(1)</script>"),
                server + "sparql?" + urlencode({"query": f"SELECT * {{ ?f schema:name ?n }} # {HOSTILE_TITLE}"})):
        answer = _get(url, "text/html")
        assert "<script>alert" not in answer.text, url
        assert "script-src" not in answer.headers["Content-Security-Policy"]  # no script may run at all
    assert "name" in _get(server + "sparql?" + urlencode({"query": "SELECT ?name { ?f schema:name ?name }"}),
                          "text/csv").text


# ------------------------------------------------------------------------------------ Chromium


def _heading(driver) -> str:
    """The shown page's heading, waited for (a navigation in headless Chromium may report its end before the new
    document is in place, as once seen in CI); fails naming what the browser shows instead."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    script = "const h = document.querySelector('h1'); return h === null ? null : h.textContent"
    try:
        return WebDriverWait(driver, 20, poll_frequency=0.1).until(lambda shown: shown.execute_script(script))
    except TimeoutException:
        pytest.fail(f"no heading: the browser shows {driver.current_url}: {driver.page_source[:300]!r}")


def test_film_and_person_pages_in_chromium(browser, server: str) -> None:  # noqa: F811 - the fixture
    import extruct

    browser.get_log("browser")
    browser.get(server + "film/evil-dead-ii")
    assert _heading(browser) == "Evil Dead II"
    movie = browser.execute_script(
        "return JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    assert movie["@type"] == "Movie" and movie["@id"] == server + "film/evil-dead-ii"
    data = extruct.extract(browser.page_source, base_url=server, syntaxes=["json-ld"])["json-ld"]
    assert [d["@type"] for d in data] == ["Movie"]
    _no_dialog_and_no_errors(browser)
    link = browser.execute_script(
        "return [...document.querySelectorAll('table.cast a')].find(a => a.textContent === 'Bruce Campbell').href")
    assert link == server + "person/bruce-campbell"
    browser.execute_script("[...document.querySelectorAll('table.cast a')]"
                           ".find(a => a.textContent === 'Bruce Campbell').click()")
    deadline = time.monotonic() + 10
    while browser.current_url != link and time.monotonic() < deadline:
        time.sleep(0.1)
    assert browser.current_url == link
    assert _heading(browser) == "Bruce Campbell"
    person = extruct.extract(browser.page_source, base_url=link, syntaxes=["json-ld"])["json-ld"]
    assert person[0]["@type"] == "Person" and person[0]["name"] == "Bruce Campbell"
    films = browser.execute_script("return [...document.querySelectorAll('table.filmography a')].map(a => a.href)")
    assert server + "film/army-of-darkness" in films
    _no_dialog_and_no_errors(browser)


# ------------------------------------------------------------------------------------ the library and the CLI


def _in_process(site, path: str, accept: str = "text/html") -> tuple[int, str]:
    import io

    status: list[str] = []
    body = b"".join(site({"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "HTTP_ACCEPT": accept,
                          "wsgi.input": io.BytesIO()}, lambda line, headers: status.append(line)))
    return int(status[0].split()[0]), body.decode("utf-8")


def test_a_store_served_at_its_own_base_or_under_a_path(store_dir: Path) -> None:
    from filmgraph.web.site import app, close

    own = app(store_dir, base=MINTED, query_workers=0)
    try:
        status, turtle = _in_process(own, "/filmgraph/film/rocky", "text/turtle")
        assert status == 200 and f"<{MINTED}film/rocky>" in turtle  # nothing rewritten
    finally:
        close(own)
    mounted = app(store_dir, base="http://127.0.0.1:9/graph/", query_workers=0)
    try:
        status, page = _in_process(mounted, "/graph/film/rocky")
        assert status == 200 and 'href="http://127.0.0.1:9/graph/person/sylvester-stallone"' in page
        assert _in_process(mounted, "/film/rocky")[0] == 404
        assert _in_process(mounted, "/graph/sparql", "application/sparql-results+json")[0] == 200  # the query page
    finally:
        close(mounted)


@pytest.mark.parametrize(("args", "message"), [
    (["--store", "no/such/store"], "Error: no/such/store: no store there"),
    (["--bind", "localhost"], "Error: --bind 'localhost': give host:port"),
    (["--base", "ftp://films/"], "Error: ftp://films/: the base must be an http:// or https:// address ending in /"),
])
def test_serve_refuses_bad_settings_in_one_line(store_dir: Path, args: list[str], message: str) -> None:
    if "--store" not in args:
        args = [*args, "--store", str(store_dir), "--query-workers", "0"]
    result = CliRunner().invoke(cli, ["serve", *args, "--bind", "127.0.0.1:0"] if "--bind" not in args else
                                ["serve", *args])
    assert result.exit_code == 2
    assert message in result.output


def test_workers_refuse_a_missing_store_in_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-m", "filmgraph", "serve", "--store", str(tmp_path / "none"), "--bind",
                             "127.0.0.1:0", "--workers", "2"], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"Error: {tmp_path / 'none'}: no store there (filmgraph load FILE --store "
                                          f"{tmp_path / 'none'} creates one)"]


def test_the_answer_cache_keeps_the_last_answers_within_its_size() -> None:
    from filmgraph.web.site import Response, ResponseCache

    cache = ResponseCache(8_000)
    for number in range(20):
        cache.put(str(number), Response(200, "text/plain", b"x" * 700))
    assert cache.get("19") is not None and cache.get("0") is None
    assert sum(cache.get(str(n)) is not None for n in range(20)) == 8_000 // 900
    cache.put("big", Response(200, "text/plain", b"x" * 2_000))  # more than an eighth: never kept
    assert cache.get("big") is None
    assert ResponseCache(0).get("x") is None


# ------------------------------------------------------------------------------------ filmographies, cache, workers


def _films_of(store: ox.Store, node: str) -> set[str]:
    """The films a person or company is credited on, computed apart from the server: a crew or direct cast link,
    or a role node of the film that names them."""
    crew = "|".join(f"schema:{name}" for name in ("director", "author", "producer", "musicBy", "productionCompany",
                                                   "publisher", "actor", "contributor"))
    rows = store.query(f"PREFIX schema: <http://schema.org/> SELECT DISTINCT ?film {{ ?film a schema:Movie . "
                       f"{{ ?film {crew} <{node}> }} UNION {{ ?film schema:actor/schema:actor <{node}> }} UNION "
                       f"{{ ?film schema:contributor/schema:contributor <{node}> }} }}",
                       use_default_graph_as_union=True)
    return {row["film"].value for row in rows}


def test_every_filmography_holds_the_films_the_store_credits(server: str, store: ox.Store) -> None:
    nodes = sorted({q.subject.value for kind in (SDO.Person, SDO.Organization) for q in store.quads_for_pattern(
        None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(kind)), None) if q.subject.value.startswith(MINTED)})
    session = requests.Session()
    credited = 0
    for node in nodes:
        page = session.get(_public(node, server), timeout=30).text
        table = re.search(r'<table class="filmography">.*?</table>', page, re.S)
        listed = set(re.findall(r'href="([^"]+)"', table.group(0))) if table else set()
        assert listed == {_public(film, server) for film in _films_of(store, node)}, node
        credited += bool(listed)
    assert credited > 80
    # a character is shown beside the film it was played in
    page = session.get(server + "person/sylvester-stallone", timeout=30).text
    assert 'film/rocky">Rocky</a></td><td>actor</td><td>Robert &quot;Rocky&quot; Balboa, Sr.</td>' in page


def _answer(site, path: str, accept: str = "text/html", query: str = "") -> tuple[str, dict[str, str], bytes]:
    import io

    got: list[tuple[str, list[tuple[str, str]]]] = []
    body = b"".join(site({"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "HTTP_ACCEPT": accept,
                          "wsgi.input": io.BytesIO()}, lambda line, headers: got.append((line, headers))))
    headers = dict(got[0][1])
    assert re.fullmatch(r"app;dur=\d+\.\d, cpu;dur=\d+\.\d", headers.pop("Server-Timing"))  # what it cost, apart
    return got[0][0], headers, body


def test_a_cached_answer_is_the_answer_built_for_its_request(store_dir: Path) -> None:
    from filmgraph.web.site import Site, app, close

    base = "http://127.0.0.1:9/"
    cached, fresh = app(store_dir, base=base, query_workers=0), app(store_dir, base=base, query_workers=0, cache_mb=0)
    try:
        for path, accept in (("/film/rocky", "text/html"), ("/person/bruce-campbell", "text/html"),
                             ("/film/rocky", "text/turtle"), ("/films", "text/html")):
            built = _answer(cached, path, accept)
            again = _answer(cached, path, accept)
            assert built[0] == "200 OK" and cached.cache.get(built[1]["ETag"]) is not None, path
            assert again == built == _answer(fresh, path, accept), path
            assert fresh.cache.get(built[1]["ETag"]) is None
        # answers are kept under the store's load time: a store loaded again has other tags, so none is reused
        cached.published.loaded += 60
        reloaded = Site(cached.published, None)
        assert _answer(reloaded, "/film/rocky")[1]["ETag"] != _answer(cached, "/film/rocky")[1]["ETag"]
    finally:
        close(cached)
        close(fresh)


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as listing:
        return [int(child) for child in listing.read().split()]


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as command:
            return command.read().replace(b"\0", b" ").decode()
    except FileNotFoundError:
        return ""


def _connections(pid: int, port: int) -> list[tuple[int, str]]:
    """The TCP connections that the process holds on its local ``port`` (no listening socket): each one's remote
    port and state (``01`` established, ``08`` closed by the client, not yet by the process), read from /proc."""
    sockets = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except FileNotFoundError:  # closed meanwhile
            continue
        if target.startswith("socket:["):
            sockets.add(target[len("socket:["):-1])
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table, encoding="ascii") as rows:
            for row in list(rows)[1:]:
                fields = row.split()
                local, remote = (int(address.rsplit(":", 1)[1], 16) for address in fields[1:3])
                if local == port and fields[3] != "0A" and fields[9] in sockets:
                    found.append((remote, fields[3]))
    return found


def _spread(address: str, workers: list[int], clients: int = 8) -> list[int]:
    """How many connections each worker holds (any client's) with ``clients`` more keep-alive connections open,
    opened one after another, each asking for a page."""
    import http.client

    port = int(address.rstrip("/").rsplit(":", 1)[1])
    connections = [http.client.HTTPConnection("127.0.0.1", port, timeout=30) for _ in range(clients)]
    try:
        for connection in connections:
            connection.request("GET", "/films")
            assert connection.getresponse().read()
        return sorted(len(_connections(pid, port)) for pid in workers)
    finally:
        for connection in connections:
            connection.close()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads the process tree from /proc")
def test_workers_serve_the_same_bytes_and_stop_with_the_server(store_dir: Path) -> None:
    from filmgraph.web.site import app, close

    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    before = set(Path(tempfile.gettempdir()).glob("filmgraph-answers-*"))
    process = subprocess.Popen(
        [sys.executable, "-m", "filmgraph", "serve", "--store", str(store_dir), "--bind", "127.0.0.1:0",
         "--workers", "2", "--query-workers", "1"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
        env=env)
    workers: list[int] = []
    single = None
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        match = re.search(r"listening on (http://127\.0\.0\.1:\d+/)", line)
        assert match, line + process.stderr.read()
        address = match.group(1)
        workers = [pid for pid in _children(process.pid) if "spawn_main" in _cmdline(pid)]
        assert len(workers) == 2
        single = app(store_dir, base=address, query_workers=1)  # one process, as `serve` runs without --workers
        for path, accept in (("film/rocky", "text/html"), ("person/bruce-campbell", "text/html"),
                             ("film/48-hrs", "text/turtle"), ("films/by-country", "text/html"),
                             ("sparql", "application/sparql-results+json")):
            query = {"query": "SELECT ?name { ?f a schema:Movie ; schema:name ?name } ORDER BY ?name"}
            params = query if path == "sparql" else {}
            ours = _get(address + path, accept, params=params)
            status, headers, body = _answer(single, "/" + path, accept, urlencode(params))
            assert ours.status_code == 200 and status == "200 OK", path
            assert ours.content == body, path
            assert ours.headers.get("ETag") == headers.get("ETag"), path
        # the pages and the document, built once by one worker, are shared with the other (not the SPARQL answer)
        shared = set(Path(tempfile.gettempdir()).glob("filmgraph-answers-*")) - before
        assert len(shared) == 1 and len(list(shared.pop().iterdir())) == 4
        # many connections at once, spread over both workers
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(8) as pool:
            codes = list(pool.map(lambda n: _get(f"{address}film/rocky?n={n}").status_code, range(40)))
        assert codes == [200] * 40
        # keep-alive connections taken in turns: each worker holds half, within one (left to the kernel, one
        # worker took most: 8 and 0, 6 and 2)
        spread = _spread(address, workers)
        assert sum(spread) >= 8 and spread[1] - spread[0] <= 1, spread
        # a worker that dies is replaced, and the server goes on answering with two
        os.kill(workers[0], signal.SIGKILL)
        deadline = time.monotonic() + 60
        replaced: list[int] = []
        while not replaced and time.monotonic() < deadline:
            time.sleep(0.2)
            replaced = [pid for pid in _children(process.pid) if "spawn_main" in _cmdline(pid) and pid not in workers]
        assert len(replaced) == 1
        workers = [workers[1], *replaced]
        with ThreadPoolExecutor(8) as pool:
            codes = list(pool.map(lambda n: _get(f"{address}film/rocky?m={n}").status_code, range(40)))
        assert codes == [200] * 40
        # the new worker, once it serves, takes its turns in the slot of the one it replaced
        deadline = time.monotonic() + 60
        while (spread := _spread(address, workers))[1] - spread[0] > 1 and time.monotonic() < deadline:
            time.sleep(0.5)
        assert sum(spread) >= 8 and spread[1] - spread[0] <= 1, spread
        # a server killed outright leaves no worker behind, serving or not
        process.kill()
        process.wait(10)
        assert "Traceback" not in process.stderr.read()
        deadline = time.monotonic() + 20
        while any(_cmdline(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_cmdline(pid) for pid in workers)
        with pytest.raises(requests.ConnectionError):
            requests.get(address + "film/rocky", timeout=5)
    finally:
        if single is not None:
            close(single)
        process.kill()
        process.wait(10)
        for pid in workers:
            if _cmdline(pid):
                os.kill(pid, 9)
        for folder in set(Path(tempfile.gettempdir()).glob("filmgraph-answers-*")) - before:
            shutil.rmtree(folder)  # a server killed outright leaves its shared answers


def test_a_film_in_the_default_graph_is_read_as_one_in_its_own(tmp_path: Path) -> None:
    from filmgraph.web.published import Published

    folder = tmp_path / "store"
    writing = ox.Store(str(folder))
    film, person, role = (ox.NamedNode(MINTED + kind) for kind in ("film/heat", "person/al-pacino", "role/heat/1"))
    a, name = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(SDO.name))
    for triple in ((film, a, ox.NamedNode(str(SDO.Movie))), (film, name, ox.Literal("Heat")),
                   (person, a, ox.NamedNode(str(SDO.Person))), (person, name, ox.Literal("Al Pacino")),
                   (person, ox.NamedNode(str(SDO.sameAs)), ox.NamedNode("https://en.wikipedia.org/wiki/Al_Pacino")),
                   (film, ox.NamedNode(str(SDO.producer)), person), (film, ox.NamedNode(str(SDO.actor)), role),
                   (role, ox.NamedNode(str(SDO.actor)), person),
                   (role, ox.NamedNode(str(SDO.characterName)), ox.Literal("Vincent Hanna"))):
        writing.add(ox.Quad(*triple))
    writing.flush()
    del writing
    published = Published(folder, base=MINTED)
    iri = MINTED + "person/al-pacino"
    assert published.types(iri) == {str(SDO.Person)}
    assert published.same_as(iri) == ["https://en.wikipedia.org/wiki/Al_Pacino"]
    assert [(c.film_name, c.role, c.detail) for c in published.credits(iri)] == [
        ("Heat", "actor", "Vincent Hanna"), ("Heat", "producer", "")]
    assert {str(t.object) for t in published.description_triples(iri)} >= {'"Al Pacino"'}
    # its page, read through the same look-ups as a film of a named graph
    page = published.film_graph(MINTED + "film/heat", READ_AHEAD)
    html = render_page(page, URIRef(MINTED + "film/heat"))
    assert "<td>Al Pacino</td><td>Vincent Hanna</td>" in html and "<td>Produced by</td><td>Al Pacino</td>" in html


def test_a_film_page_read_ahead_from_the_store_is_the_page_of_its_graph(store_dir: Path) -> None:
    """The served page reads the properties a page shows in two queries, and anything else a look-up at a time:
    each film's page is the one built from a whole copy of its graph in rdflib, links included."""
    from filmgraph.web.published import Published, rdflib_terms

    published = Published(store_dir, base=MINTED)
    films = sorted(published.catalogue().films)
    assert len(films) >= 7
    for film in films:
        view = published.film_graph(film, READ_AHEAD)
        copy = Graph()
        for graph in view._graphs:  # noqa: SLF001 - the graphs the view reads, copied whole
            for triple in rdflib_terms(published.store.quads_for_pattern(None, None, None, graph)):
                copy.add(triple)
        assert len(copy) > 20
        expected = render_page(copy, URIRef(film), href=str)
        assert render_page(view, URIRef(film), href=str) == expected, film
        # a view that reads nothing ahead (every question a look-up) answers the same
        assert render_page(published.film_graph(film), URIRef(film), href=str) == expected, film


def test_workers_share_their_answers_through_a_folder(tmp_path: Path) -> None:
    from filmgraph.web.site import Response, ResponseCache

    built = Response(200, "text/html; charset=utf-8", "<p>Évite</p>", [("ETag", '"abc"'), ("Vary", "Accept")])
    one, other = ResponseCache(8_000, tmp_path), ResponseCache(8_000, tmp_path)
    assert other.get('"abc"') is None
    one.put('"abc"', built)
    found = other.get('"abc"')  # built by one worker, read by another
    assert found is not None and found is not built
    assert (found.status, found.content_type, found.headers, found.body) == (
        200, "text/html; charset=utf-8", [("ETag", '"abc"'), ("Vary", "Accept")], "<p>Évite</p>".encode())
    assert [entry.name for entry in tmp_path.iterdir()] == [entry.name for entry in tmp_path.iterdir()
                                                            if "." not in entry.name]  # no partial file left
    # each worker writes up to its size there; what it keeps in memory is still bounded as before
    for number in range(20):
        one.put(str(number), Response(200, "text/plain", b"x" * 700))
    shared = sum(other.get(str(number)) is not None for number in range(20))
    assert shared == 10  # the first ten: 8,000 bytes less the first answer's, 723 bytes each (head and body)
    assert all(other.get(str(number)) is None for number in range(10, 20))
    assert ResponseCache(0, tmp_path).get('"abc"') is None  # no cache: nothing read either


def test_a_killed_server_s_shared_answers_are_removed_by_the_next_server() -> None:
    from filmgraph.web.serve import _shared_answers

    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True)
    dead = int(finished.stdout)  # a process that has ended: its folder is left over
    left = Path(tempfile.mkdtemp(prefix=f"filmgraph-answers-{dead}-"))
    (left / "answer").write_bytes(b"x")
    mine = _shared_answers()
    try:
        assert mine is not None and mine.name.startswith(f"filmgraph-answers-{os.getpid()}-")
        assert not left.exists()
        again = _shared_answers()  # a folder of a live server (this process) is kept
        assert again is not None and mine.exists()
        shutil.rmtree(again)
    finally:
        for folder in (mine, left):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)


def test_filmographies_read_as_the_server_starts_are_the_rows_of_each_node_s_own_query(store_dir: Path) -> None:
    from filmgraph.web.published import CREDIT_LINKS, FilmLink, Published
    from filmgraph.web.records import CreditRow

    indexed = Published(store_dir, base="http://127.0.0.1:9/")
    asked = Published(store_dir, base="http://127.0.0.1:9/")  # never reads the index: a query a node
    index = indexed.filmographies()
    nodes = sorted({q.subject.value for kind in (SDO.Person, SDO.Organization) for q in indexed.store.quads_for_pattern(
        None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(kind)), None) if q.subject.value.startswith(MINTED)})
    assert len(nodes) > 80 and not any("/role/" in node for node in index)  # a role's film is no credit
    for node in nodes:
        rows = (CreditRow(node, int(kind.value), film.value, role and role.value, detail and detail.value)
                for film, kind, role, detail in asked._credit_rows(f"<{node}>"))
        assert sorted(index.get(node, [])) == sorted(asked._film_links(rows).get(node, [])), node
        public = indexed.public(node)
        assert indexed.credits(public) == asked.credits(public), node
    assert asked._filmographies is None
    stallone = index[MINTED + "person/sylvester-stallone"]
    assert FilmLink(CREDIT_LINKS.index(str(SDO.actor)), MINTED + "film/rocky", 'Robert "Rocky" Balboa, Sr.') in stallone
    assert FilmLink(CREDIT_LINKS.index(str(SDO.author)), MINTED + "film/rocky", None) in stallone


def test_a_person_page_after_a_reload_lists_the_films_of_the_new_store(tmp_path: Path) -> None:
    from filmgraph.web.site import app, close

    store = tmp_path / "store"
    _run("load", str(CORPUS / "evil_dead_ii.wiki"), "--store", str(store))
    base = "http://127.0.0.1:9/"
    site = app(store, base=base, query_workers=0)
    try:
        page = _answer(site, "/person/bruce-campbell")[2].decode()
        assert f'href="{base}film/evil-dead-ii"' in page and "army-of-darkness" not in page
    finally:
        close(site)
    _run("load", str(CORPUS / "army_of_darkness.wiki"), "--store", str(store))
    site = app(store, base=base, query_workers=0)  # the server started again over the store loaded again
    try:
        page = _answer(site, "/person/bruce-campbell")[2].decode()
        films = re.search(r'<table class="filmography">.*?</table>', page, re.S)
        assert films and {f"{base}film/evil-dead-ii", f"{base}film/army-of-darkness"} <= set(
            re.findall(r'href="([^"]+)"', films.group(0)))
        assert "<h2>Films (2)</h2>" in page
    finally:
        close(site)


def test_a_film_s_record_gives_the_triples_its_description_reads_from_the_store(store_dir: Path,
                                                                               tmp_path: Path) -> None:
    from filmgraph.web.published import Published
    from filmgraph.web.records import records_path
    from filmgraph.web.site import app, close, write_records

    store = tmp_path / "store"
    shutil.copytree(store_dir, store)
    for base in ("http://127.0.0.1:9/", MINTED):  # IRIs shown at another address, and at the minted one
        read = Published(store, base=base)
        assert read.records is None
        films = sorted(read.catalogue().films)
        documents = {(film, kind): read.description_triples(film) for film in films for kind in TYPES}
        written = write_records(store)
        assert (written.path, written.written, written.whole) == (records_path(store), 7, True)
        recorded = Published(store, base=base)
        assert recorded.records is not None and len(films) == 7
        for film in films:
            assert recorded.description_triples(film) == documents[(film, "text/turtle")], film
            assert recorded.records.triples(read.minted_iri(film)) is not None
            page = recorded.records.page(read.minted_iri(film))
            assert page is not None and recorded.records.about.address + "film/" in page and base not in page
        # a film's page and documents from its record are the same bytes as from the store, in each format
        from_records, from_store = app(store, base=base, query_workers=0, cache_mb=0), None
        try:
            records_path(store).rename(tmp_path / "aside")
            from_store = app(store, base=base, query_workers=0, cache_mb=0)
            (tmp_path / "aside").rename(records_path(store))
            assert from_records.published.records is not None and from_store.published.records is None
            for film in films:
                path = urlsplit(film).path
                for kind in ("text/html", *TYPES):
                    answer = _answer(from_records, path, kind)
                    assert answer == _answer(from_store, path, kind) and answer[0] == "200 OK", (film, kind)
            page = _answer(from_records, urlsplit(f"{base}film/rocky").path)[2].decode()
            assert f'<link rel="canonical" href="{base}film/rocky">' in page and "<h1>Rocky</h1>" in page
            assert f'<a href="{base}person/sylvester-stallone">Sylvester Stallone</a>' in page
            assert '"@id": "' + base + 'film/rocky"' in page and ".invalid/" not in page
            rocky = _answer(from_records, urlsplit(f"{base}film/rocky").path, "application/n-triples")[2].decode()
            assert f'<{base}film/rocky> <http://schema.org/name> "Rocky"' in rocky
        finally:
            close(from_records)
            if from_store is not None:
                close(from_store)
        records_path(store).unlink()


def test_a_film_s_document_after_a_reload_shows_the_new_store_s_facts(tmp_path: Path) -> None:
    from filmgraph.web.records import records_path
    from filmgraph.web.site import app, close

    store, article = tmp_path / "store", tmp_path / "evil_dead_ii.wiki"
    article.write_text((CORPUS / "evil_dead_ii.wiki").read_text(encoding="utf-8"), encoding="utf-8")
    base = "http://127.0.0.1:9/"

    def document(records: bool) -> str:
        """The film's N-Triples from a server started over the store as it is now, which reads its records or not."""
        site = app(store, base=base, query_workers=0)
        try:
            assert (site.published.records is not None) is records
            return _answer(site, "/film/evil-dead-ii", "application/n-triples")[2].decode()
        finally:
            close(site)

    result = CliRunner().invoke(cli, ["load", str(article), "--store", str(store), "--records"])
    assert result.exit_code == 0 and f"records of its films written to {records_path(store)}" in result.output
    first = document(records=True)
    assert '"84"' in first and '"97"' not in first
    # the film loaded again with another running time: its graph replaced, and its records written again
    article.write_text(article.read_text(encoding="utf-8").replace("| runtime = 84 minutes", "| runtime = 97 minutes"),
                       encoding="utf-8")
    _run("load", str(article), "--store", str(store))
    again = document(records=True)
    assert '"97"' in again and '"84"' not in again
    # the store changed by another program: the records, of the store before, are not read
    changed = ox.Store(str(store))
    film = ox.NamedNode(MINTED + "film/evil-dead-ii")
    graph = next(iter(changed.quads_for_pattern(film, ox.NamedNode(str(RDF.type)), None, None))).graph_name
    changed.add(ox.Quad(film, ox.NamedNode(str(SDO.alternateName)), ox.Literal("Dead by Dawn"), graph))
    changed.flush()
    del changed
    changed_document = document(records=False)
    assert '"Dead by Dawn"' in changed_document and '"97"' in changed_document


def _served_answers(store: Path, base: str, films: list[str]) -> dict[tuple[str, str], tuple[str, dict[str, str],
                                                                                           bytes]]:
    """Each film's page and Turtle from a site over the store as it is now (its records read, when current)."""
    from filmgraph.web.site import app, close

    site = app(store, base=base, query_workers=0, cache_mb=0)
    try:
        return {(film, kind): _answer(site, urlsplit(base + film[len(MINTED):]).path, kind)
                for film in films for kind in ("text/html", "text/turtle")}
    finally:
        close(site)


def _from_records_and_from_store(store: Path, base: str, films: list[str]) -> None:
    """The films' answers from their records are those built from the store (records set aside)."""
    from filmgraph.web.records import records_path

    recorded = _served_answers(store, base, films)
    aside = records_path(store).with_name("aside")
    records_path(store).rename(aside)
    try:
        built = _served_answers(store, base, films)
    finally:
        aside.rename(records_path(store))
    for key, answer in built.items():
        assert recorded[key] == answer, key


def test_a_load_rewrites_only_the_records_of_the_films_it_changed(tmp_path: Path) -> None:
    from filmgraph.web.published import store_time
    from filmgraph.web.records import read_about, recorded_films
    from filmgraph.web.site import write_records

    store, base = tmp_path / "store", "http://127.0.0.1:9/"
    articles = {name: tmp_path / f"{name}.wiki" for name in ("evil_dead_ii", "rocky", "army_of_darkness")}
    for name, path in articles.items():
        path.write_text((CORPUS / f"{name}.wiki").read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", str(articles["evil_dead_ii"]), str(articles["rocky"]), "--store",
                                      str(store), "--records"])
    assert result.exit_code == 0 and "(2 of 2 films)" in result.output, result.output
    first = read_about(store)
    assert first is not None and first.stamp == store_time(store)
    # a film added: its record alone is written, the others are kept (and are still right)
    result = CliRunner().invoke(cli, ["load", str(articles["army_of_darkness"]), "--store", str(store)])
    assert result.exit_code == 0 and "(1 of 3 films)" in result.output, result.output
    films = sorted(recorded_films(store))
    assert films == [MINTED + "film/army-of-darkness", MINTED + "film/evil-dead-ii", MINTED + "film/rocky"]
    second = read_about(store)
    assert second is not None and second.stamp == store_time(store) != first.stamp
    _from_records_and_from_store(store, base, films)
    # a film loaded again with another running time: its record alone is written again, and shows it
    path = articles["evil_dead_ii"]
    path.write_text(path.read_text(encoding="utf-8").replace("| runtime = 84 minutes", "| runtime = 97 minutes"),
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", str(path), "--store", str(store)])
    assert result.exit_code == 0 and "(1 of 3 films)" in result.output, result.output
    page = _served_answers(store, base, [MINTED + "film/evil-dead-ii"])[(MINTED + "film/evil-dead-ii", "text/html")]
    assert "<td>97 minutes</td>" in page[2].decode() and "84 minutes" not in page[2].decode()
    _from_records_and_from_store(store, base, films)
    # a film's graph dropped by a program of the user's, which names it: its record goes, the others stay
    since = store_time(store)
    changed = ox.Store(str(store))
    graph = next(iter(changed.quads_for_pattern(ox.NamedNode(MINTED + "film/rocky"), ox.NamedNode(str(RDF.type)),
                                                None, None))).graph_name
    changed.remove_graph(graph)
    changed.flush()
    del changed
    done = write_records(store, changed_graphs=[graph.value], since=since)
    assert (done.written, done.removed, done.whole) == (0, 1, False)
    assert sorted(recorded_films(store)) == films[:2]
    _from_records_and_from_store(store, base, films[:2])
    # records of a store changed since by anything else are all written again, whatever the caller says changed
    done = write_records(store, changed_graphs=[], since=since)
    assert (done.written, done.removed, done.whole) == (2, 0, True)
    # records built by other code (another version of filmgraph) are neither read nor kept
    import sqlite3

    from filmgraph.web.published import Published
    from filmgraph.web.records import records_path

    assert Published(store, base=base).records is not None
    with sqlite3.connect(records_path(store)) as connection:
        connection.execute("UPDATE about SET fingerprint = 'other'")
    connection.close()
    assert Published(store, base=base).records is None
    done = write_records(store, changed_graphs=[], since=store_time(store))
    assert (done.written, done.whole) == (2, True) and Published(store, base=base).records is not None


def test_a_film_page_and_document_from_records_through_a_real_server(tmp_path: Path) -> None:
    """`filmgraph serve` over a store loaded with --records answers each film's page and Turtle with the bytes a
    server without them answers (the same --base)."""
    from filmgraph.web.records import records_path

    store, base = tmp_path / "store", "https://films.example.org/"
    _run("load", *(str(CORPUS / name) for name in ("48_hrs.wiki", "rocky.wiki", "evil_dead_ii.wiki")), "--store",
         str(store), "--records")

    def answers() -> dict[tuple[str, str], tuple[int, str, bytes]]:
        with _serving(store, "--base", base, "--query-workers", "0") as (address, _):
            found = {}
            for film in ("film/48-hrs", "film/rocky", "film/evil-dead-ii"):
                for accept in ("text/html", "text/turtle"):
                    got = _get(address + film, accept)
                    found[(film, accept)] = (got.status_code, got.headers["Content-Type"], got.content)
            return found

    recorded = answers()
    page = recorded[("film/rocky", "text/html")][2].decode()
    assert f'<link rel="canonical" href="{base}film/rocky">' in page and "<h1>Rocky</h1>" in page
    assert f'href="{base}person/sylvester-stallone"' in page and ".invalid/" not in page
    records_path(store).rename(tmp_path / "aside")
    assert answers() == recorded


def test_the_library_brings_records_up_to_date_as_load_records_does(tmp_path: Path) -> None:
    """The README's Python: a load through the library, then `filmgraph.write_records` with the store's time before
    it and the graphs it wrote, writes the one record `filmgraph load` would have written."""
    import filmgraph
    from filmgraph.store import open as open_store
    from filmgraph.web.published import store_time
    from filmgraph.web.records import recorded_films

    store = tmp_path / "store"
    _run("load", str(CORPUS / "rocky.wiki"), str(CORPUS / "evil_dead_ii.wiki"), "--store", str(store), "--records")
    since = store_time(store)
    opened = open_store(store)
    results = filmgraph.load([CORPUS / "army_of_darkness.wiki"], store=opened)
    opened.close()
    done = filmgraph.write_records(store, changed_graphs=[r.graph_iri for r in results if r.graph_iri], since=since)
    assert (done.written, done.removed, done.whole, done.films) == (1, 0, False, 3)
    assert MINTED + "film/army-of-darkness" in recorded_films(store)
    _from_records_and_from_store(store, "http://127.0.0.1:9/", sorted(recorded_films(store)))


def test_filmographies_from_the_records_are_those_read_from_the_store(store_dir: Path, tmp_path: Path) -> None:
    """A server whose store has records reads every filmography from them as it starts (no query), the same links."""
    from filmgraph.web.published import Published
    from filmgraph.web.records import records_path
    from filmgraph.web.site import write_records

    store = tmp_path / "store"
    shutil.copytree(store_dir, store)
    write_records(store)
    recorded, read = Published(store, base="http://127.0.0.1:9/"), Published(store, base="http://127.0.0.1:9/")
    read.records = None
    assert recorded.records is not None and recorded.records.credits(len(recorded.catalogue().films)) is not None
    from_records, from_store = recorded.filmographies(), read.filmographies()
    assert sorted(from_records) == sorted(from_store) and len(from_store) > 80
    for node, links in from_store.items():
        assert sorted(from_records[node]) == sorted(links), node
    for node in ("person/sylvester-stallone", "person/bruce-campbell", "organization/united-artists"):
        assert recorded.credits(recorded.base + node) == read.credits(read.base + node) != [], node
    # records that lack a film the store lists are not read for the filmographies: they are read from the store
    import sqlite3

    with sqlite3.connect(records_path(store)) as connection:
        connection.execute("DELETE FROM film WHERE iri = ?", (MINTED + "film/rocky",))
    connection.close()
    partial = Published(store, base="http://127.0.0.1:9/")
    assert partial.records is not None and partial.records.credits(len(partial.catalogue().films)) is None
    stallone = MINTED + "person/sylvester-stallone"
    assert sorted(partial.filmographies()[stallone]) == sorted(from_store[stallone])
    assert any(link.film == MINTED + "film/rocky" for link in partial.filmographies()[stallone])
