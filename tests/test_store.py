"""The embedded store and a real Oxigraph server on 127.0.0.1: load, query, reload, bad input."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

from conftest import free_port, oxigraph_server
from filmgraph import cli as cli_module
from filmgraph import store as stores
from filmgraph.cli import cli
from filmgraph.errors import FilmgraphError
from filmgraph.pipeline import load as pipeline_load
from loopback import send, serving

ROOT = Path(__file__).parent.parent
QUERIES = ROOT / "queries"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def rows(output: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(output)))[1:]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    """A real `oxigraph serve` on a free loopback port; yields its query endpoint."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as endpoint:
        yield endpoint


@pytest.fixture(params=["embedded", "remote"])
def target(request, tmp_path: Path) -> list[str]:
    if request.param == "embedded":
        (tmp_path / "store").mkdir()
        return ["--store", str(tmp_path / "store")]
    endpoint = request.getfixturevalue("server")
    # Each test starts from an empty server.
    requests.post(endpoint.replace("/query", "/update"), data={"update": "CLEAR ALL"}, timeout=10)
    return ["--endpoint", endpoint]


def test_load_query_reload_without_duplicates(target, sample_path: Path) -> None:
    loaded = run("load", str(sample_path), *target)
    assert loaded.exit_code == 0, loaded.output
    assert "736 triples into <https://example.org/filmgraph/article/second-victims>" in loaded.stderr
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert rows(run("query", count, *target, "-f", "csv").stdout) == [["736"]]
    assert run("load", str(sample_path), *target).exit_code == 0
    assert rows(run("query", count, *target, "-f", "csv").stdout) == [["736"]]


def test_exported_file_goes_into_the_articles_graph(target, sample_path: Path, tmp_path: Path) -> None:
    run("export", str(sample_path), "-o", str(tmp_path / "out"))
    assert run("load", str(tmp_path / "out" / "second-victims.jsonld"), *target).exit_code == 0
    assert run("load", str(sample_path), *target).exit_code == 0
    graphs = run("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", *target, "-f", "csv")
    assert rows(graphs.stdout) == [["https://example.org/filmgraph/article/second-victims"]]


@pytest.mark.parametrize(("query", "expected"), [
    ("crew.rq", [["Second Victims", "composer", "Jenny Rossander"], ["Second Victims", "director", "Zinnini Elkington"],
                 ["Second Victims", "producer", "Johannes Rothaus Nørregaard"],
                 ["Second Victims", "screenwriter", "Zinnini Elkington"]]),
    ("people_with_several_roles.rq", [["Zinnini Elkington", "Second Victims", "director, screenwriter", "2"]]),
    ("films_by_country_and_language.rq", [["Denmark", "Danish", "Second Victims"]]),
    ("wins.rq", [["Second Victims", "Robert Awards", "Best Danish Film", "2026-01-31"]]),
    ("screenings.rq", [["Second Victims", "Finnish Film Affair", "", "", "2024-09"],
                       ["Second Victims", "Nordic Film Market", "Nordic Market Screenings", "Gothenburg Film Festival",
                        "2025-01"],
                       ["Second Victims", "Filmfest Hamburg", "Kaleidoscope", "", "2025-09"],
                       ["Second Victims", "Film Fest Gent", "", "", "2025-10"]]),
    ("releases_with_qualifiers.rq", [["Second Victims", "2025-04-10T00:00:00Z", "Denmark", "11"]]),
])
def test_example_queries(target, sample_path: Path, query: str, expected: list[list[str]]) -> None:
    run("load", str(sample_path), *target)
    result = run("query", f"@{QUERIES / query}", *target, "-f", "csv")
    assert result.exit_code == 0, result.output
    assert rows(result.stdout) == expected


def test_cast_nominations_and_provenance_queries(target, sample_path: Path) -> None:
    run("load", str(sample_path), *target)
    cast = rows(run("query", f"@{QUERIES / 'cast.rq'}", *target, "-f", "csv").stdout)
    assert len(cast) == 7 and ["Second Victims", "Özlem Sağlanmak", "Alexandra"] in cast
    assert rows(run("query", f"@{QUERIES / 'character_qualifiers.rq'}", *target, "-f", "csv").stdout) == cast
    nominations = rows(run("query", f"@{QUERIES / 'nominations.rq'}", *target, "-f", "csv").stdout)
    assert len(nominations) == 12  # the two supporting actresses: a nomination each
    assert [n[5] for n in nominations if n[4] == "Best Actress in a Supporting Role"] == [
        "Mathilde Arcel Fock", "Trine Dyrholm"]
    assert ["Second Victims", "Robert Awards", "43rd Robert Awards", "2026-01-31", "Best Sound Design",
            "Catrine Le Dous, Jakob Strandgaard", "nominated"] in [
        [*n[:5], ", ".join(sorted(n[5].split(", "))), n[6]] for n in nominations]
    provenance = rows(run("query", f"@{QUERIES / 'provenance.rq'}", *target, "-f", "csv").stdout)
    assert ["Second Victims", "P161", "Cast", "7"] in provenance
    assert ["Second Victims", "P577", "Release", "1"] in provenance
    assert ["Second Victims", "P577", "Lead", "1"] in provenance


def test_ask_construct_and_formats(target, sample_path: Path) -> None:
    run("load", str(sample_path), *target)
    yes = run("query", "ASK { ?f schema:director/schema:name 'Zinnini Elkington' }", *target)
    assert (yes.exit_code, yes.stdout) == (0, "true\n")
    no = run("query", "ASK { ?f schema:director/schema:name 'Nobody' }", *target)
    assert (no.exit_code, no.stdout) == (1, "false\n")
    graph = run("query", "CONSTRUCT { ?f schema:name ?n } WHERE { ?f a schema:Movie ; schema:name ?n }", *target)
    assert graph.exit_code == 0 and 'schema:name "Second Victims"@en' in graph.stdout
    query = "SELECT ?n WHERE { ?f a schema:Movie ; schema:name ?n }"
    assert run("query", query, *target, "-f", "tsv").stdout == '?n\n"Second Victims"@en\n'
    assert '"xml:lang": "en"' in run("query", query, *target, "-f", "json").stdout
    table = run("query", query, *target)
    assert "Second Victims" in table.stdout and "1 row" in table.stdout


def test_bad_query_names_line_and_column(target) -> None:
    result = run("query", "SELECT ?x WHERE {\n  ?x schema:name \n", *target)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")
    if target[0] == "--store":
        assert "error at 3:1" in result.stderr


def test_bad_file_is_skipped_and_others_load(target, sample_path: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text('<urn:a> <urn:b> "unterminated .\n', encoding="utf-8")
    result = run("load", str(broken), str(sample_path), *target)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {broken}: not valid Turtle")
    count = run("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", *target, "-f", "csv")
    assert rows(count.stdout) == [["736"]]


def test_names_with_quotes_backslashes_and_braces_load_safely(target, tmp_path: Path) -> None:
    article = tmp_path / "odd.txt"
    article.write_text('= Odd "Title" } \\ End =\nInfobox\n- Director: Jo "Q" } O\'Brien\n', encoding="utf-8")
    assert run("load", str(article), *target).exit_code == 0
    result = run("query", "SELECT ?n WHERE { ?f schema:director/schema:name ?n }", *target, "-f", "csv")
    assert rows(result.stdout) == [['Jo "Q" } O\'Brien']]
    assert run("load", str(article), *target).exit_code == 0


def test_down_server_is_a_clear_error() -> None:
    port = free_port()
    result = run("load", "examples/second_victims.txt", "--endpoint", f"http://127.0.0.1:{port}/query")
    assert result.exit_code == 2
    # Loading asks first which film the store holds under the film's name (pipeline.name_film).
    assert result.stderr.strip().endswith(f"http://127.0.0.1:{port}/query: cannot connect (is the server running?)")
    query = run("query", "ASK {}", "--endpoint", f"http://127.0.0.1:{port}/query")
    assert query.exit_code == 2 and "cannot connect" in query.stderr


def test_server_error_shows_status_and_message(server) -> None:
    result = run("query", "SELECT ?x WHERE {", "--endpoint", server)
    assert result.exit_code == 2
    assert f"Error: {server}: HTTP 400 Bad Request:" in result.stderr


def test_credentials_are_sent_and_never_printed(server, monkeypatch) -> None:
    monkeypatch.setenv(cli_module.TOKEN_VARIABLE, "s3cret-token")
    store = stores.open(endpoint=server, token="s3cret-token")
    assert isinstance(store, stores.RemoteStore)
    assert store.client.session.headers["Authorization"] == "Bearer s3cret-token"
    result = run("query", "SELECT ?x WHERE {", "--endpoint", server)
    assert "s3cret" not in result.output


def test_endpoint_layouts() -> None:
    store = stores.RemoteStore("http://127.0.0.1:3030/ds/sparql", update_endpoint="http://127.0.0.1:3030/ds/update",
                               store_endpoint="http://127.0.0.1:3030/ds/data")
    assert (store.update_endpoint, store.store_endpoint) == ("http://127.0.0.1:3030/ds/update",
                                                               "http://127.0.0.1:3030/ds/data")
    assert stores.RemoteStore("http://127.0.0.1:7878/query").store_endpoint == "http://127.0.0.1:7878/store"


def test_store_and_endpoint_together_is_a_usage_error(tmp_path: Path) -> None:
    result = run("query", "ASK {}", "--store", str(tmp_path), "--endpoint", "http://127.0.0.1:1/query")
    assert result.exit_code == 2


def test_graph_iri_is_checked(tmp_path: Path) -> None:
    store = stores.open(tmp_path / "s")
    from rdflib import Graph
    with pytest.raises(FilmgraphError, match="not an absolute IRI"):
        store.load(Graph(), graph_iri="urn:x> } ; DROP ALL ; {")


class _RefusingHandler(__import__("http.server").server.BaseHTTPRequestHandler):
    """A server that refuses every credential, recording what it was sent."""

    seen: list[tuple[str, str | None]] = []

    def _refuse(self) -> None:
        self.seen.append((self.command, self.headers.get("Authorization")))
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        send(self, b"Unauthorized: wrong user or password\n", status=401, content_type="text/plain",
             headers=[("WWW-Authenticate", 'Basic realm="films"')])

    do_GET = do_POST = do_PUT = _refuse

    def log_message(self, *args) -> None:
        pass


def test_refused_credentials_are_a_clear_error(sample_path: Path, monkeypatch) -> None:
    import base64

    with serving(_RefusingHandler) as server:
        monkeypatch.setenv(cli_module.USER_VARIABLE, "editor")
        monkeypatch.setenv(cli_module.PASSWORD_VARIABLE, "pa55word")
        endpoint = f"{server}/sparql"
        result = run("load", str(sample_path), "--endpoint", endpoint)
        assert result.exit_code == 2
        # The first request asks which film the store holds under the film's name: a query, refused.
        assert result.stderr.strip() == (f"Error: {endpoint}: "
                                         "HTTP 401 Unauthorized: Unauthorized: wrong user or password")
        assert "pa55word" not in result.output
        expected = "Basic " + base64.b64encode(b"editor:pa55word").decode()
        assert _RefusingHandler.seen[-1][1] == expected


class _HtmlPageHandler(__import__("http.server").server.BaseHTTPRequestHandler):
    """Not a graph store: every request answered 200 with an HTML page (a session expired)."""

    def _page(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        send(self, b"<html>Session expired, please log in</html>", content_type="text/html")

    do_GET = do_POST = do_PUT = _page

    def log_message(self, *args) -> None:
        pass


def test_a_graph_store_that_answers_with_an_html_page_loads_nothing(server, sample_path: Path) -> None:
    requests.post(server.replace("/query", "/update"), data={"update": "CLEAR ALL"}, timeout=10)
    with serving(_HtmlPageHandler) as page:
        not_a_store = f"{page}/store"
        result = run("load", str(sample_path), "--endpoint", server, "--store-endpoint", not_a_store)
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"Error: {not_a_store}: answered the load of "
                                     "<https://example.org/filmgraph/article/second-victims> with an HTML page, "
                                     "but the graph holds 0 triples, not 736: not loaded (is it a SPARQL graph "
                                     "store?)")


def test_server_without_graph_store_loads_through_sparql_update(server, sample_path: Path) -> None:
    requests.post(server.replace("/query", "/update"), data={"update": "CLEAR ALL"}, timeout=10)
    no_store = server.replace("/query", "/no-graph-store-here")
    for _ in range(2):
        result = run("load", str(sample_path), "--endpoint", server, "--store-endpoint", no_store)
        assert result.exit_code == 0, result.output
    count = run("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--endpoint", server, "-f", "csv")
    assert rows(count.stdout) == [["736"]]


CORPUS = ROOT / "tests" / "corpus"
SHARED_CAST = ["army_of_darkness.wiki", "evil_dead_ii.wiki", "cars_2.wiki"]  # all three link Bruce Campbell


def test_every_query_gives_a_film_the_same_rows_alone_and_among_the_corpus(target, sample_path: Path) -> None:
    alone: dict[str, list[list[str]]] = {}
    assert run("load", str(sample_path), *target).exit_code == 0
    for query in sorted(QUERIES.glob("*.rq")):
        assert query.read_text(encoding="utf-8").count("PREFIX ") >= 1, f"{query.name} declares no PREFIX"
        alone[query.name] = rows(run("query", f"@{query}", *target, "-f", "csv").stdout)
    loaded = run("load", *map(str, sorted(CORPUS.glob("*.wiki"))), *target)
    assert loaded.exit_code == 0, loaded.stderr[-500:]
    for query in sorted(QUERIES.glob("*.rq")):
        everything = rows(run("query", f"@{query}", *target, "-f", "csv").stdout)
        sample_rows = [r for r in everything if "Second Victims" in r or any("second-victims" in c for c in r)]
        expected = [r for r in alone[query.name] if "Second Victims" in r or any("second-victims" in c for c in r)]
        assert sample_rows == expected, query.name
        assert len(everything) >= len(alone[query.name]), query.name


def test_films_sharing_an_actor_meet_in_the_person_by_page_and_by_item(target, tmp_path: Path) -> None:
    items = tmp_path / "items.tsv"
    items.write_text("Bruce Campbell\tQ1337123\n", encoding="utf-8")  # an item id written for this test
    for name in SHARED_CAST:
        assert run("load", str(CORPUS / name), *target, "--items", str(items)).exit_code == 0
    by_page = """PREFIX schema: <http://schema.org/>
        SELECT ?name (COUNT(DISTINCT ?film) AS ?films) WHERE { GRAPH ?g {
          ?film a schema:Movie ; schema:actor ?role . ?role schema:actor ?person .
          ?person schema:sameAs <https://en.wikipedia.org/wiki/Bruce_Campbell> ; schema:name ?name } }
        GROUP BY ?name"""
    assert rows(run("query", by_page, *target, "-f", "csv").stdout) == [["Bruce Campbell", "3"]]
    by_item = """PREFIX schema: <http://schema.org/> PREFIX owl: <http://www.w3.org/2002/07/owl#>
        PREFIX wd: <http://www.wikidata.org/entity/>
        SELECT (COUNT(DISTINCT ?person) AS ?people) (COUNT(DISTINCT ?film) AS ?films) WHERE { GRAPH ?g {
          ?film a schema:Movie ; schema:actor ?role . ?role schema:actor ?person . ?person owl:sameAs wd:Q1337123 } }"""
    assert rows(run("query", by_item, *target, "-f", "csv").stdout) == [["1", "3"]]


HOSTILE = ROOT / "tests" / "hostile"


def test_a_crafted_file_cannot_replace_another_films_graph(tmp_path: Path, sample_path: Path) -> None:
    (tmp_path / "store").mkdir()
    store = ["--store", str(tmp_path / "store")]
    assert run("load", str(sample_path), *store).exit_code == 0
    crafted = tmp_path / "crafted.ttl"
    crafted.write_text((HOSTILE / "hijack.ttl").read_text(encoding="utf-8") +
                       "<https://evil.example/film> schema:subjectOf "
                       "<https://example.org/filmgraph/article/second-victims> .\n", encoding="utf-8")
    result = run("load", str(crafted), str(HOSTILE / "hijack.ttl"), str(HOSTILE / "sv_badiri.ttl"), *store)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert (f"Error: {crafted}: the graph <https://example.org/filmgraph/article/second-victims> holds another "
            'film, "Second Victims" (2025) <https://example.org/filmgraph/film/second-victims>, not "Hijacked" '
            "<https://evil.example/film>; give --graph to replace it") in lines
    assert f"Error: {HOSTILE / 'hijack.ttl'}: the graph cites no source articles; give graph_iri" in lines
    assert (f"Error: {HOSTILE / 'sv_badiri.ttl'}: not valid Turtle: Parser error at line 696 between columns 80 and "
            "109: Invalid IRI code point ' ' (sv_badiri.ttl, line 696)") in lines
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert rows(run("query", count, *store, "-f", "csv").stdout) == [["736"]]


def test_rough_edges_are_one_line_each(tmp_path: Path, sample_path: Path) -> None:
    missing = run("query", "ASK {}", "--store", str(tmp_path / "nowhere"))
    assert missing.exit_code == 2
    assert missing.stderr.strip() == (f"Error: {tmp_path / 'nowhere'}: no store there (filmgraph load FILE "
                                      f"--store {tmp_path / 'nowhere'} creates one)")
    assert not (tmp_path / "nowhere").exists()
    schemeless = run("query", "ASK {}", "--endpoint", "127.0.0.1:7878/query")
    assert schemeless.exit_code == 2 and "not an http:// or https:// endpoint" in schemeless.stderr
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    named_file = run("export", str(sample_path), "-o", str(a_file))
    assert named_file.exit_code == 2
    assert named_file.stderr.strip() == f"Error: {a_file}: a file, not a folder (-o names the folder to write into)"
    empty = tmp_path / "empty.ttl"
    empty.write_text("@prefix schema: <http://schema.org/> .\n", encoding="utf-8")
    (tmp_path / "store").mkdir()
    nothing = run("load", str(empty), "--store", str(tmp_path / "store"))
    assert nothing.exit_code == 2 and f"Error: {empty}: holds no triples" in nothing.stderr


@pytest.mark.parametrize("answer", ["{}", "null", "[]", "<html>busy</html>",
                                    '{"head": {"vars": ["x"]}, "results": {"bindings": [null]}}',
                                    '{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "uri"}}]}}'])
def test_malformed_sparql_answers_are_one_line(answer: str) -> None:
    with pytest.raises(FilmgraphError, match=r"^the server's answer is not SPARQL JSON results \(\w+"):
        stores.results.parse_json_results(answer)


def test_null_bindings_are_unbound() -> None:
    answer = '{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": null}]}}'
    assert stores.results.parse_json_results(answer).rows == [{}]


def test_shards_load_straight_into_the_store_and_replace_their_graphs(tmp_path: Path) -> None:
    from filmgraph.batch import Layout, export_batch

    out = tmp_path / "out"
    # Every test article but the sample's variant, which names the same article (so the same graph).
    articles = [p for p in sorted((ROOT / "tests" / "articles").glob("*.*")) if p.suffix in (".txt", ".wiki")
                and "variant" not in p.name]
    export_batch(articles, output_dir=out, layout=Layout.SHARDS, shard_size_mb=0.2)
    shards = sorted(out.glob("films-*.nq"))
    assert len(shards) >= 2
    store = ["--store", str(tmp_path / "store")]
    (tmp_path / "store").mkdir()
    first = run("load", str(out), *store)
    assert first.exit_code == 0, first.stderr
    assert first.stderr.strip().endswith("8 loaded, 0 skipped (not films), 0 failed")
    count = "SELECT (COUNT(DISTINCT ?g) AS ?graphs) (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    expected = sum(len(shard.read_text(encoding="utf-8").splitlines()) for shard in shards)
    assert rows(run("query", count, *store, "-f", "csv").stdout) == [["8", str(expected)]]
    assert run("load", *map(str, shards), *store).exit_code == 0  # again: each graph replaced, none doubled
    assert rows(run("query", count, *store, "-f", "csv").stdout) == [["8", str(expected)]]


def test_revalidate_checks_an_exported_file_before_loading_it(tmp_path: Path, sample_path: Path) -> None:
    assert run("export", str(sample_path), "-o", str(tmp_path), "-f", "ttl").exit_code == 0
    exported = tmp_path / "second-victims.ttl"
    # The film loses its instance-of statement: the shapes say so, but only when asked to look again.
    broken = "\n".join(line for line in exported.read_text(encoding="utf-8").splitlines() if "wd:Q11424" not in line)
    exported.write_text(broken.replace("wdt:P31 ;", ";") + "\n", encoding="utf-8")
    (tmp_path / "store").mkdir()
    checked = run("load", str(exported), "--store", str(tmp_path / "store"), "--revalidate")
    assert checked.exit_code == 1
    assert ("Violation: Second Victims <https://example.org/filmgraph/film/second-victims>: wdt:P31: a film must be "
            "an instance of film (wd:Q11424)") in checked.stderr
    trusted = run("load", str(exported), "--store", str(tmp_path / "store"))
    assert trusted.exit_code == 0 and "into <https://example.org/filmgraph/article/second-victims>" in trusted.stderr


def test_files_naming_one_graph_in_one_load_replace_it_in_order(tmp_path: Path, sample_path: Path) -> None:
    for folder in ("a", "b"):
        assert run("export", str(sample_path), "-o", str(tmp_path / folder), "-f", "ttl", "-f", "nt").exit_code == 0
    crafted = tmp_path / "crafted.ttl"
    crafted.write_text((HOSTILE / "hijack.ttl").read_text(encoding="utf-8") +
                       "<https://evil.example/film> schema:subjectOf "
                       "<https://example.org/filmgraph/article/second-victims> .\n", encoding="utf-8")
    (tmp_path / "store").mkdir()
    store = ["--store", str(tmp_path / "store")]
    result = run("load", str(tmp_path / "a" / "second-victims.ttl"), str(tmp_path / "b" / "second-victims.nt"),
                 str(crafted), *store)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "2 loaded, 0 skipped (not films), 1 failed"
    assert f"Error: {crafted}: the graph <https://example.org/filmgraph/article/second-victims> holds another film" \
           in result.stderr
    count = "SELECT (COUNT(DISTINCT ?g) AS ?graphs) (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert rows(run("query", count, *store, "-f", "csv").stdout) == [["1", "736"]]


def test_a_graph_that_comes_back_later_in_one_nquads_file_keeps_all_its_quads(tmp_path: Path) -> None:
    lines = ['<urn:a> <urn:p> "1" <urn:g1> .', '<urn:b> <urn:p> "2" <urn:g2> .', '<urn:c> <urn:p> "3" <urn:g1> .']
    (tmp_path / "hand.nq").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "store").mkdir()
    store = ["--store", str(tmp_path / "store")]
    for _ in range(2):  # loading it again replaces each graph with the same quads
        assert run("load", str(tmp_path / "hand.nq"), *store).exit_code == 0
        count = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
        assert rows(run("query", count, *store, "-f", "csv").stdout) == [["urn:g1", "2"], ["urn:g2", "1"]]


def test_load_creates_a_missing_store_and_query_then_finds_it(tmp_path: Path, sample_path: Path) -> None:
    """As Oxigraph and sqlite-utils do: loading into a folder that does not exist makes the store; only a
    query of a missing store is an error (a mistyped folder must not answer every query with nothing)."""
    new = tmp_path / "new" / "store"
    loaded = run("load", str(sample_path), "--store", str(new))
    assert loaded.exit_code == 0, loaded.output
    assert new.is_dir()
    asked = run("query", "ASK { ?film a schema:Movie }", "--store", str(new))
    assert asked.exit_code == 0 and asked.stdout.strip() == "true"


_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def _film_quads(number: int, title: str, *, extra: str = "x") -> list[str]:
    graph = f"<urn:article:{number}>"
    return [f"<urn:film:{number}> {_TYPE} <http://schema.org/Movie> {graph} .",
            f'<urn:film:{number}> <http://schema.org/name> "{title}" {graph} .',
            f'<urn:film:{number}> <urn:note> "{extra} {number}"@en {graph} .',
            f"<urn:film:{number}> <urn:link> <urn:thing:{number}> {graph} ."]


def _write_shard(path: Path, films: list[list[str]]) -> Path:
    path.write_text("".join(line + "\n" for film in films for line in film), encoding="utf-8")
    return path


def _store_quads(store) -> set[str]:
    return {str(quad) for quad in store._store.quads_for_pattern(None, None, None, None)}


def test_a_shard_goes_in_whole_as_bulk_load_writes_it_and_a_reload_replaces_every_graph(tmp_path: Path) -> None:
    import pyoxigraph

    first = _write_shard(tmp_path / "films-1.nq", [_film_quads(n, f"Film {n}") for n in range(3)])
    second = _write_shard(tmp_path / "films-2.nq", [_film_quads(n, f"Film {n}") for n in range(3, 5)])
    floor = pyoxigraph.Store()
    for shard in (first, second):
        floor.bulk_load(path=str(shard), format=pyoxigraph.RdfFormat.N_QUADS)
    store = stores.open(tmp_path / "store")
    loaded = list(store.load_files([first, second]))
    assert [(Path(path).name, graph, triples, error) for path, graph, triples, error in loaded] == \
        [("films-1.nq", f"urn:article:{n}", 4, None) for n in range(3)] + \
        [("films-2.nq", f"urn:article:{n}", 4, None) for n in range(3, 5)]
    assert _store_quads(store) == {str(quad) for quad in floor.quads_for_pattern(None, None, None, None)}
    # Loaded again, changed: every graph is replaced (the store is emptied at once, not graph by graph).
    _write_shard(first, [_film_quads(n, f"Film {n}", extra="y") for n in range(3)])
    assert all(error is None for *_, error in store.load_files([first, second]))
    notes = {str(q.object.value) for q in store._store.quads_for_pattern(None, pyoxigraph.NamedNode("urn:note"), None)}
    assert notes == {"y 0", "y 1", "y 2", "x 3", "x 4"}
    # With a graph the files do not hold, only the files' graphs are replaced, and the other one is kept.
    store._store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("urn:other"), pyoxigraph.NamedNode("urn:p"),
                                     pyoxigraph.Literal("kept"), pyoxigraph.NamedNode("urn:article:other")))
    _write_shard(first, [_film_quads(n, f"Film {n}", extra="z") for n in range(3)])
    assert all(error is None for *_, error in store.load_files([first]))
    notes = {str(q.object.value) for q in store._store.quads_for_pattern(None, pyoxigraph.NamedNode("urn:note"), None)}
    assert notes == {"z 0", "z 1", "z 2", "x 3", "x 4"}
    assert len(_store_quads(store)) == 5 * 4 + 1
    store.close()


def test_a_whole_export_again_with_a_bad_line_keeps_the_films_of_that_file(tmp_path: Path) -> None:
    import pyoxigraph

    first = _write_shard(tmp_path / "films-1.nq", [_film_quads(n, f"Film {n}") for n in range(3)])
    second = _write_shard(tmp_path / "films-2.nq", [_film_quads(n, f"Film {n}") for n in range(3, 5)])
    store = stores.open(tmp_path / "store")
    assert all(error is None for *_, error in store.load_files([first, second]))
    films = [_film_quads(n, f"Film {n}", extra="y") for n in range(3)]
    films[1][2] = films[1][2].replace('"y 1"', '"y \\q 1"')  # a bad escape: the line still looks like a quad
    _write_shard(first, films)
    results = list(store.load_files([first, second]))
    errors = [error for *_, error in results if error]
    assert len(errors) == 1 and errors[0].startswith(f"{first}: not valid N-Quads")
    # The bad file's films stay as they were (not emptied with the store); the good file's are replaced.
    notes = {str(q.object.value) for q in store._store.quads_for_pattern(None, pyoxigraph.NamedNode("urn:note"), None)}
    assert notes == {"x 0", "x 1", "x 2", "x 3", "x 4"}
    store.close()


def test_a_shard_cannot_replace_another_films_graph_in_a_store_or_in_one_load(tmp_path: Path) -> None:
    ours = _write_shard(tmp_path / "films-1.nq", [_film_quads(n, f"Film {n}") for n in range(3)])
    # Graph 1 named again by another film (another title), and graph 2 by the same film, changed.
    other = _write_shard(tmp_path / "films-2.nq", [_film_quads(1, "Another Film", extra="other"),
                                                   _film_quads(2, "Film 2", extra="new")])
    # The store's graphs but not all of them, all of them (it would be emptied at once but for that film), or
    # none (both files in one load).
    some = _write_shard(tmp_path / "films-some.nq", [_film_quads(n, f"Film {n}") for n in range(1, 3)])
    for name, loads in (("store", [[ours], [other]]), ("covered", [[some], [other]]), ("one-load", [[ours, other]])):
        store = stores.open(tmp_path / name)
        results = [result for files in loads for result in store.load_files(files)]
        refused = [error for path, graph, _, error in results if error]
        assert len(refused) == 1 and refused[0].startswith(
            f'{other}: the graph <urn:article:1> holds another film, "Film 1" <urn:film:1>, not "Another Film"')
        notes = sorted(quad.split('"')[1] for quad in _store_quads(store) if "urn:note" in quad)
        assert notes == (["new 2", "x 1"] if name == "covered" else ["new 2", "x 0", "x 1"]), name
        store.close()


def test_a_shard_that_is_not_valid_n_quads_costs_only_its_own_films(tmp_path: Path) -> None:
    films = [_film_quads(n, f"Film {n}") for n in range(4)]
    films[2][2] = films[2][2].replace('"x 2"', '"x \\q 2"')  # a bad escape: the line still looks like a quad
    shard = _write_shard(tmp_path / "films-1.nq", films)
    default = _write_shard(tmp_path / "films-2.nq", [[f"<urn:film:9> {_TYPE} <http://schema.org/Movie> ."]])
    # A triple of the default graph that reads as a quad of the graph around it: found once written, taken out.
    hidden = _film_quads(7, "Film 7") + _film_quads(8, "Film 8")
    hidden.insert(2, "<urn:film:7> <urn:link> <urn:article:7> .")
    hiding = _write_shard(tmp_path / "films-0.nq", [hidden])
    store = stores.open(tmp_path / "store")
    hidden_results = list(store.load_files([hiding]))
    assert [(graph, triples) for _, graph, triples, error in hidden_results if not error] == \
        [("urn:article:7", 2), ("urn:article:7", 2), ("urn:article:8", 4)]  # the film's graph, whole
    assert [error for *_, error in hidden_results if error] == [f"{hiding}: the graph cites no source articles; "
                                                                "give graph_iri"]
    assert store._default_graph_empty()
    store.close()
    store = stores.open(tmp_path / "store2")
    good = _write_shard(tmp_path / "films-3.nq", [_film_quads(5, "Film 5")])
    results = list(store.load_files([shard, default, good]))
    assert [(graph, triples) for _, graph, triples, error in results if not error] == [("urn:article:5", 4)]
    errors = [error for *_, error in results if error]
    assert len(errors) == 2 and errors[0].startswith(f"{shard}: not valid N-Quads: Parser error at line 11")
    assert errors[1] == f"{default}: the graph cites no source articles; give graph_iri"
    # Nothing of the bad file stays (what the bulk loader wrote before the bad line is taken out again), nor any
    # triple in the default graph.
    assert {quad.graph_name.value for quad in store._store.quads_for_pattern(None, None, None, None)} == \
        {"urn:article:5"}
    store.close()


def test_a_reload_killed_in_its_swap_leaves_the_old_store_and_no_leftovers(tmp_path: Path, sample_path: Path) -> None:
    """kill -9 between putting the old store aside and moving the new one in: the next open finds no store at its
    path, and must not start an empty one where the films were."""
    location = tmp_path / "store"
    films = stores.open(str(location))
    load_result = list(pipeline_load([sample_path], store=films))
    assert load_result and load_result[0].error is None
    held = len(films._store)
    films.close()
    aside = tmp_path / ".store.replaced-0000aaaa"
    location.rename(aside)  # where the killed swap left things: the old store aside, a new one half-filled
    (tmp_path / ".store.loading-0000bbbb").mkdir()
    reopened = stores.open(str(location))
    assert len(reopened._store) == held > 700
    assert sorted(path.name for path in tmp_path.iterdir()) == ["store"]
    reopened.close()


def test_a_reload_tells_the_films_apart_as_the_new_store_holds_them(tmp_path: Path) -> None:
    """A reload reads what tells the files' films apart from the new store it filled: a film written otherwise
    but the same (its title cased and spaced otherwise) lets the new store take the old one's place; a graph
    that would hold another film keeps the old store in place, and only that graph is refused."""
    import pyoxigraph

    shard = _write_shard(tmp_path / "films-1.nq", [_film_quads(n, f"Film {n}") for n in range(3)])
    location = tmp_path / "store"
    store = stores.open(location)
    assert all(error is None for *_, error in store.load_files([shard]))
    before = location.stat().st_ino
    _write_shard(shard, [_film_quads(n, f"film  {n}" if n == 1 else f"Film {n}", extra="y") for n in range(3)])
    assert [(graph, triples, error) for _, graph, triples, error in store.load_files([shard])] == \
        [(f"urn:article:{n}", 4, None) for n in range(3)]
    swapped = location.stat().st_ino
    assert swapped != before  # the new store took the old one's place
    names = {q.object.value for q in store._store.quads_for_pattern(None, pyoxigraph.NamedNode("http://schema.org/name"),
                                                                     None)}
    assert names == {"Film 0", "film  1", "Film 2"}
    _write_shard(shard, [_film_quads(n, "Another Film" if n == 1 else f"Film {n}", extra="z") for n in range(3)])
    results = list(store.load_files([shard]))
    assert [error for *_, error in results if error] == [
        f'{shard}: the graph <urn:article:1> holds another film, "film  1" <urn:film:1>, not "Another Film" '
        "<urn:film:1>; give --graph to replace it"]
    assert location.stat().st_ino == swapped  # no new store took its place: the graphs were replaced in it
    assert sorted(quad.split('"')[1] for quad in _store_quads(store) if "urn:note" in quad) == ["y 1", "z 0", "z 2"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["films-1.nq", "store"]
    store.close()


def test_a_reload_closes_the_old_store_but_keeps_it_locked_against_other_processes(tmp_path: Path) -> None:
    """While a reload fills its new store, the old one is closed (RocksDB stops compacting what is thrown away)
    and read through a read-only handle; its lock stays with this process, so another process cannot open it."""
    import os
    import subprocess
    import sys

    shard = _write_shard(tmp_path / "films-1.nq", [_film_quads(n, f"Film {n}") for n in range(3)])
    store = stores.open(tmp_path / "store")
    assert all(error is None for *_, error in store.load_files([shard]))
    reader, lock = store._set_aside()
    assert lock is not None and not hasattr(store, "_store")
    assert sorted(graph.value for graph in reader.named_graphs()) == [f"urn:article:{n}" for n in range(3)]
    other = subprocess.run([sys.executable, "-c", "import pyoxigraph, sys; pyoxigraph.Store(sys.argv[1])",
                            str(tmp_path / "store")], capture_output=True, text=True)
    assert other.returncode != 0 and "LOCK" in other.stderr and "Resource temporarily unavailable" in other.stderr
    del reader
    os.close(lock)
    store._reopen()
    # Loaded again, changed: the new store takes the old one's place, and nothing is left beside it.
    _write_shard(shard, [_film_quads(n, f"Film {n}", extra="y") for n in range(3)])
    assert [(graph, triples, error) for _, graph, triples, error in store.load_files([shard])] == \
        [(f"urn:article:{n}", 4, None) for n in range(3)]
    assert sorted(quad.split('"')[1] for quad in _store_quads(store) if "urn:note" in quad) == ["y 0", "y 1", "y 2"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["films-1.nq", "store"]
    store.close()
