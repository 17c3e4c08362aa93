"""Issue 19, item 4: offline unless asked. A JSON-LD file's remote or file: contexts are refused wherever they
appear (only schema.org's is bundled); RDF files nested a thousand deep are one line, not a RecursionError;
a SPARQL server that answers PUT or POST with a redirect is an error, never a GET of its login page.
(inputs2/README.md: the deep list, remote context, file context and put302/put303/put200html rows.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from filmgraph import FilmgraphError
from filmgraph.rdf.write import offline_document

from .hostile2 import HOSTILE2, FakeServer, error_lines, run_cli

DEEP = ["deep_list_500.ttl", "deep_bnode_600.ttl", "deep_array_1000.jsonld"]
SAMPLE = Path(__file__).parent.parent.parent / "examples" / "second_victims.txt"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An exported film (Turtle and JSON-LD) to load beside the hostile files."""
    folder = tmp_path_factory.mktemp("exported")
    assert run_cli("export", str(SAMPLE), "-o", str(folder)).exit_code == 0
    return folder


@pytest.mark.parametrize("name", DEEP)
@pytest.mark.parametrize("command", ["validate", "embed", "draw", "load"])
def test_deeply_nested_rdf_is_one_line_or_read(name: str, command: str, tmp_path: Path) -> None:
    path = str(HOSTILE2 / name)
    args = {"validate": [path], "embed": [path, "-o", str(tmp_path)], "draw": [path],
            "load": [path, "--store", str(tmp_path / "store"), "--revalidate"]}[command]
    result = run_cli(command, *args)
    assert result.exit_code in (0, 1, 2)
    assert len(error_lines(result)) <= 1
    if name == "deep_array_1000.jsonld":
        assert error_lines(result) == [f"Error: {path}: not valid Json-Ld: nested more than 64 deep"]


def test_a_deep_file_costs_only_itself_in_load(exported: Path, tmp_path: Path) -> None:
    for other in ("second-victims.jsonld", "second-victims.ttl"):
        result = run_cli("load", str(HOSTILE2 / "deep_array_1000.jsonld"), str(exported / other),
                         "--store", str(tmp_path / other))
        assert result.exit_code == 2
        assert f"loaded {exported / other}: 736 triples" in result.stderr
        assert "1 loaded, 0 skipped (not films), 1 failed" in result.stderr


@pytest.fixture
def remote_files(fake_server: FakeServer, tmp_path: Path) -> list[Path]:
    """The campaign's context files, pointed at this run's fake server (which logs every request)."""
    port = fake_server.url.rsplit(":", 1)[1]
    files = []
    for name in ("remote_context.jsonld", "slow_remote_context.jsonld", "file_context.jsonld"):
        path = tmp_path / name
        path.write_text((HOSTILE2 / name).read_text(encoding="utf-8").replace("127.0.0.1:18182", f"127.0.0.1:{port}"),
                        encoding="utf-8")
        files.append(path)
    return files


@pytest.mark.parametrize("command", ["validate", "embed", "load"])
def test_remote_and_file_contexts_are_refused_without_a_request(command: str, remote_files: list[Path],
                                                                fake_server: FakeServer, tmp_path: Path) -> None:
    before = fake_server.requests()
    for path in remote_files:
        args = {"validate": [], "embed": ["-o", str(tmp_path)], "load": ["--store", str(tmp_path / "store")]}[command]
        result = run_cli(command, str(path), *args)
        assert result.exit_code == 2
        [line] = error_lines(result)
        assert line.startswith(f"Error: {path}: names the context <") and "reads offline" in line
    assert fake_server.requests() == before  # no context was fetched: not /ctxlog/…, not /trickle/…
    assert not list(tmp_path.glob("*.html"))


@pytest.mark.parametrize("document", [
    {"@context": "http://127.0.0.1:9/ctx.jsonld", "@id": "urn:x"},
    {"@context": ["https://schema.org", "file:///etc/passwd"], "@id": "urn:x"},
    {"@context": {"@import": "https://example.org/ctx.jsonld"}, "@id": "urn:x"},
    {"@context": {"knows": {"@id": "http://schema.org/knows", "@context": "https://example.org/scoped"}}},
    {"@graph": [{"@id": "urn:x", "@context": "relative/ctx.jsonld"}]},
    {"@context": {"@vocab": "http://schema.org/", "Thing": {"@id": "urn:t", "@context": ["x.jsonld"]}}},
], ids=["remote", "file-in-a-list", "import", "scoped", "node-relative", "type-scoped-list"])
def test_every_place_a_context_can_appear_is_checked(document: dict) -> None:
    with pytest.raises(FilmgraphError, match="reads offline and resolves no remote or file context"):
        offline_document(document, "x.jsonld")


def test_the_schema_org_context_is_resolved_from_the_bundled_one() -> None:
    document = {"@context": ["https://schema.org/", {"fg": "https://w3id.org/filmgraph/ontology#"}],
                "@graph": [{"@context": "http://schema.org", "@id": "urn:x", "name": "X"}]}
    resolved = offline_document(document, "x.jsonld")
    assert resolved["@context"][0] == {"@vocab": "http://schema.org/"}
    assert resolved["@graph"][0]["@context"] == {"@vocab": "http://schema.org/"}


@pytest.mark.parametrize("mode", ["put302", "put303", "gsp404upd302"])
def test_a_redirected_put_or_post_is_an_error_not_a_load(mode: str, fake_server: FakeServer) -> None:
    before = fake_server.requests()
    result = run_cli("load", str(SAMPLE), "--endpoint", f"{fake_server.url}/{mode}/query")
    assert result.exit_code == 2
    [line] = error_lines(result)
    if mode == "gsp404upd302":
        # load asks the store which films it holds before it writes: here that question already finds no
        # SPARQL endpoint (a login page), and nothing is written.
        assert "not SPARQL JSON results" in line or ("redirects the" in line and "does not follow it" in line)
    else:
        assert "redirects the" in line and "filmgraph does not follow it" in line
    assert "loaded" not in result.stderr
    new = fake_server.requests()[len(before):]
    assert f"GET /{mode}/login" not in new  # the login page was never fetched in its place


@pytest.mark.parametrize("graph", [[], ["--graph", "http://example.org/g"]], ids=["own-graph", "given-graph"])
def test_a_put_answered_with_an_html_page_is_an_error_not_a_load(graph: list[str], fake_server: FakeServer,
                                                                 tmp_path: Path) -> None:
    assert run_cli("export", str(SAMPLE), "-o", str(tmp_path), "-f", "ttl").exit_code == 0
    endpoint = f"{fake_server.url}/put200html"
    result = run_cli("load", str(tmp_path / "second-victims.ttl"), *graph, "--endpoint", f"{endpoint}/query",
                     "--update-endpoint", f"{endpoint}/update")
    assert result.exit_code == 2
    [line] = error_lines(result)
    if graph:  # nothing asked before the PUT: its answer, a login page, is checked by counting the graph
        assert line.startswith(f"Error: {endpoint}/store: answered the load of <http://example.org/g> with an "
                               "HTML page, and the graph cannot be counted: not loaded (")
    else:  # load asks which film the graph holds before it writes: that question finds no SPARQL endpoint
        assert line.startswith(f"Error: {endpoint}/query: the server's answer is not SPARQL JSON results")
    assert "loaded" not in result.stderr.replace("not loaded", "")


def test_a_redirected_query_post_is_an_error_too(fake_server: FakeServer) -> None:
    result = run_cli("query", "SELECT * { ?s ?p ?o }", "--endpoint", f"{fake_server.url}/put302/query")
    assert result.exit_code == 2 and "HTTP 302" in error_lines(result)[0]
