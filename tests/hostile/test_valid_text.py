"""Issue 19, item 2: text is made valid once, where it enters. A lone surrogate or a noncharacter never costs
a film, a dump or a load, and never reaches a file; a page that still fails fails alone, and --resume goes
past it. (inputs2/README.md: the surrogate rows, and the minor rows on noncharacters and NUL bytes.)"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef

from filmgraph.formats import RdfFormat
from filmgraph.rdf.write import load_graph, serialize
from filmgraph.text import is_valid, valid_data, valid_text

from .hostile2 import HOSTILE2, error_lines, run_cli

SURROGATE_PAGES = ["surrogate_ref_person.wiki", "surrogate_ref_title.wiki"]
STRICT = {"ttl": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
          "nq": pyoxigraph.RdfFormat.N_QUADS}


def assert_strictly_valid(folder: Path) -> None:
    """Every file written is UTF-8 that a strict parser reads: pyoxigraph for Turtle, N-Triples and N-Quads,
    json for JSON-LD; and none holds a noncharacter."""
    written = [p for p in folder.rglob("*") if p.is_file() and not p.name.endswith(".jsonl")]
    assert written
    for path in written:
        text = path.read_bytes().decode("utf-8")  # strict: an encoded surrogate (ED B0 80) fails here
        assert is_valid(text), path
        suffix = path.suffix.lstrip(".")
        if suffix in STRICT:
            list(pyoxigraph.parse(path=str(path), format=STRICT[suffix]))
        elif suffix == "jsonld":
            json.loads(text)


def test_a_valid_text_is_kept_and_an_invalid_one_replaced() -> None:
    assert valid_text("Zoë Ağaoğlu 千と千尋 🎬") == ("Zoë Ağaoğlu 千と千尋 🎬", 0)
    assert valid_text("Ann \udc00Berg") == ("Ann \ufffdBerg", 1)
    assert valid_text("a\ufffeb\uffffc\ufdd0d\U0001fffe") == ("a\ufffdb\ufffdc\ufffdd\ufffd", 4)
    record = {"title": "\ud800x", "cast": ["ok", "\udfff"], "n": 3}
    assert valid_data(record) == ({"title": "\ufffdx", "cast": ["ok", "\ufffd"], "n": 3}, 2)


@pytest.mark.parametrize("page", SURROGATE_PAGES)
@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "nt", "nq"])
def test_a_lone_surrogate_is_replaced_with_a_warning_naming_the_file(page: str, fmt: str, tmp_path: Path) -> None:
    path = HOSTILE2 / page
    result = run_cli("export", str(path), "-o", str(tmp_path), "-f", fmt)
    assert result.exit_code == 0, result.output
    assert f"{path}: " in result.stderr and "replaced by U+FFFD" in result.stderr
    assert_strictly_valid(tmp_path)


def test_the_film_keeps_everything_but_the_one_character(tmp_path: Path) -> None:
    result = run_cli("export", str(HOSTILE2 / "surrogate_ref_person.wiki"), "-o", "-", "-f", "nt")
    assert result.exit_code == 0
    names = {line.split('"')[1] for line in result.stdout.splitlines() if "<http://schema.org/name>" in line}
    assert "Ann \ufffdBerg" in names and "Good" in names


@pytest.mark.parametrize("page", SURROGATE_PAGES)
def test_embed_writes_valid_utf8(page: str, tmp_path: Path) -> None:
    result = run_cli("embed", str(HOSTILE2 / page), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    html = next(tmp_path.glob("*.html")).read_bytes().decode("utf-8")
    assert is_valid(html)


@pytest.mark.parametrize("options", [[], ["-j", "2"], ["--layout", "files", "-f", "ttl"]],
                         ids=["shards", "two-workers", "files"])
def test_a_dump_with_a_surrogate_page_writes_both_films(options: list[str], tmp_path: Path) -> None:
    result = run_cli("export", str(HOSTILE2 / "dump_surrogate_ref.xml"), "-o", str(tmp_path), *options)
    assert result.exit_code == 0, result.output
    assert "2 films written" in result.stderr and "0 failed" in result.stderr
    assert_strictly_valid(tmp_path)
    if not options or options[0] == "-j":
        graphs = {str(q.graph_name) for shard in tmp_path.glob("films-*.nq")
                  for q in pyoxigraph.parse(path=str(shard), format=pyoxigraph.RdfFormat.N_QUADS)}
        assert len(graphs) == 2


def test_a_folder_in_shards_with_a_surrogate_page_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in SURROGATE_PAGES:
        (folder / name).write_bytes((HOSTILE2 / name).read_bytes())
    (folder / "fine.txt").write_text("= Fine =\nInfobox\n- Director: Carl Holm\n\nFine is a 2019 film.\n",
                                     encoding="utf-8")
    result = run_cli("export", str(folder), "-o", str(tmp_path / "out"), "--layout", "shards")
    assert result.exit_code == 0, result.output
    assert "3 films written" in result.stderr
    assert_strictly_valid(tmp_path / "out")


def test_load_of_a_folder_loads_the_surrogate_page_and_those_after_it(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.wiki").write_bytes((HOSTILE2 / "surrogate_ref_person.wiki").read_bytes())
    (folder / "b.txt").write_text("= Fine =\nInfobox\n- Director: Carl Holm\n\nFine is a 2019 film.\n",
                                  encoding="utf-8")
    store = tmp_path / "store"
    result = run_cli("load", str(folder), "--store", str(store))
    assert result.exit_code == 0, result.output
    assert "2 loaded, 0 skipped (not films), 0 failed" in result.stderr
    query = run_cli("query", "SELECT ?n WHERE { ?f a schema:Movie ; schema:director/schema:name ?n }",
                    "--store", str(store), "-f", "csv")
    assert {"Ann \ufffdBerg", "Carl Holm"} <= set(query.stdout.splitlines())


PAGE = """  <page>
    <title>{title}</title>
    <ns>0</ns>
    <id>{number}</id>
    <revision>
      <id>{revision}</id>
      <timestamp>2024-01-01T00:00:00Z</timestamp>
      <text xml:space="preserve">{text}</text>
    </revision>
  </page>
"""


def _dump(pages: list[tuple[str, str]]) -> str:
    body = "".join(PAGE.format(title=title, number=n, revision=1000 + n, text=text)
                   for n, (title, text) in enumerate(pages, 1))
    return ('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">\n'
            "  <siteinfo><sitename>Wikipedia</sitename><base>https://en.wikipedia.org/wiki/Main_Page</base>"
            "</siteinfo>\n" + body + "</mediawiki>\n")


def _film(title: str, director: str) -> str:
    return f"{{{{Infobox film\n| name = {title}\n| director = {director}\n}}}}\n'''{title}''' is a 2019 film.\n"


def test_a_page_that_still_fails_fails_alone_and_resume_goes_past_it(tmp_path: Path) -> None:
    # Templates nested past any real page: that page is refused in one line, the others are written.
    nested = "{{Infobox film\n| name = Deep\n| director = " + "{{x|" * 60 + "}}" * 60 + "\n}}\n'''Deep''' is a film."
    dump = tmp_path / "dump.xml"
    dump.write_text(_dump([("Alpha", _film("Alpha", "Ann Berg")), ("Deep", nested),
                           ("Gamma", _film("Gamma", "Carl Holm"))]), encoding="utf-8")
    out = tmp_path / "out"
    first = run_cli("export", str(dump), "-o", str(out))
    assert first.exit_code == 2 and "2 films written" in first.stderr and "1 failed" in first.stderr
    failed = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [record["title"] for record in failed] == ["Deep"] and failed[0]["status"] == "error"
    again = run_cli("export", str(dump), "-o", str(out), "--resume")
    assert again.exit_code == 0, again.output
    assert "3 done before (resumed), 0 films written" in again.stderr
    assert [json.loads(line)["title"] for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()] \
        == ["Deep"]


def test_a_page_with_a_noncharacter_is_written_without_it(tmp_path: Path) -> None:
    page = tmp_path / "nonchar.wiki"
    page.write_text(_film("Edge", "Ann \uffffBerg\ufffe"), encoding="utf-8")
    result = run_cli("export", str(page), "-o", str(tmp_path / "out"), "-f", "ttl", "-f", "nt", "-f", "jsonld")
    assert result.exit_code == 0 and "replaced by U+FFFD" in result.stderr
    assert_strictly_valid(tmp_path / "out")


def test_turtle_and_n_triples_escape_a_noncharacter_that_reaches_them() -> None:
    triples = [(URIRef("urn:film"), URIRef("http://schema.org/name"), Literal("a\uffffb\U0010fffe"))]
    turtle = serialize(triples, RdfFormat.TURTLE)
    n_triples = serialize(triples, RdfFormat.N_TRIPLES)
    for text in (turtle, n_triples):
        assert "\uffff" not in text and "\\uFFFF" in text and "\\U0010FFFE" in text
    parsed = next(iter(pyoxigraph.parse(turtle, format=pyoxigraph.RdfFormat.TURTLE)))
    assert parsed.object.value == "a\uffffb\U0010fffe"  # the escape reads back as the same value


def test_rdf_files_with_surrogates_and_noncharacters_read_with_a_warning(tmp_path: Path) -> None:
    turtle = tmp_path / "film.ttl"
    turtle.write_text('<urn:film> <http://schema.org/name> "A\\uD800B\uffff" .\n', encoding="utf-8")
    jsonld = tmp_path / "film.jsonld"
    jsonld.write_text('{"@id": "urn:film", "http://schema.org/name": "A\\ud800B\\uffff"}', encoding="utf-8")
    for path in (turtle, jsonld):
        warnings: list[str] = []
        graph = load_graph(path, warnings=warnings)
        assert {str(o) for o in graph.objects()} == {"A\ufffdB\ufffd"}
        assert warnings == [f"{path}: 2 characters no UTF-8 file can hold (a lone surrogate or a noncharacter) "
                            "replaced by U+FFFD"]
    escaped = tmp_path / "escaped.ttl"
    escaped.write_text('<urn:film> <http://schema.org/name> "A\\\\uD800" .\n', encoding="utf-8")
    assert {str(o) for o in load_graph(escaped).objects()} == {"A\\uD800"}  # a backslash, then text: kept


def test_a_stray_nul_byte_is_replaced_not_refused(tmp_path: Path) -> None:
    page = tmp_path / "nul.txt"
    page.write_bytes(b"= Heat =\nInfobox\n- Director: Michael\x00 Mann\n\nHeat is a 1995 film.\n")
    result = run_cli("export", str(page), "-o", str(tmp_path / "out"), "-f", "nt")
    assert result.exit_code == 0, result.output
    assert f"warning: {page}: 1 NUL byte replaced by U+FFFD" in result.stderr
    assert_strictly_valid(tmp_path / "out")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    refused = run_cli("export", str(binary), "-o", str(tmp_path / "out"))
    assert error_lines(refused) == [f"Error: {binary}: binary file, not an article"]


def test_no_writer_is_given_a_surrogate(tmp_path: Path) -> None:
    """The last guard: a text with a lone surrogate is never written as invalid UTF-8 (nor with surrogatepass)."""
    from filmgraph import FilmgraphError
    from filmgraph.rdf.write import write_graph

    graph = Graph()
    graph.add((URIRef("urn:film"), URIRef("http://schema.org/name"), Literal("a\ud800")))
    with pytest.raises(FilmgraphError, match="cannot write"):
        write_graph(graph, tmp_path / "film.nt")
    assert not list(tmp_path.iterdir())


def test_load_of_a_turtle_file_with_a_surrogate_escape_loads_it_made_valid(tmp_path: Path) -> None:
    film = tmp_path / "film.ttl"
    film.write_text('<https://example.org/filmgraph/film/x> a <http://schema.org/Movie> ;\n'
                    '  <http://schema.org/name> "X\\uD800y" ;\n'
                    '  <http://schema.org/alternateName> "Z\uffff" ;\n'
                    '  <http://schema.org/subjectOf> <https://example.org/filmgraph/article/x> .\n', encoding="utf-8")
    result = run_cli("load", str(film), "--store", str(tmp_path / "store"))
    assert result.exit_code == 0, result.output
    assert f"warning: {film}: 2 characters" in result.stderr
    names = run_cli("query", "SELECT ?n WHERE { ?f ?p ?n FILTER(isLiteral(?n)) }", "--store", str(tmp_path / "store"),
                    "-f", "csv")
    assert set(names.stdout.split()) == {"n", "X\ufffdy", "Z\ufffd"}
