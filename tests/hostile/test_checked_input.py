"""Issue 19, item 5: everything from outside is checked. Entity ids, item ids, revision ids and timestamps from
files and APIs match their grammar or are dropped with a warning; QuickStatements are built from checked
values only; SPARQL answers of an odd shape are one line. (inputs2/README.md: entity_idinject, entity_badclaims,
mwinject, askstr, uribad, deepjson, deepturtle, mwdeep and the TSV rows.)"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
import pytest

from filmgraph.identifiers import checked_item, checked_revision, checked_timestamp
from filmgraph.read.items import ItemFile

from .hostile2 import HOSTILE2, PROJECT, FakeServer, error_lines, run_cli

FILM = str(PROJECT / "tests" / "corpus" / "48_hrs.wiki")
PERMALINK = "https://en.wikipedia.org/w/index.php?title=48_Hrs.&oldid=1"
SAMPLE = str(PROJECT / "examples" / "second_victims.txt")


@pytest.fixture
def offline(tmp_path: Path) -> list[str]:
    """Options that keep a QuickStatements run offline: an items file (with no page in it), a permalink."""
    items = tmp_path / "items.tsv"
    items.write_text("Some page\tQ42\n", encoding="utf-8")
    return ["--source-url", PERMALINK, "--items", str(items)]


def _env(fake_server: FakeServer, mode: str, tmp_path: Path) -> dict[str, str]:
    return {"FILMGRAPH_MEDIAWIKI_API": f"{fake_server.url}/{mode}/w/api.php", "FILMGRAPH_CONTACT": "x@example.org",
            "XDG_CACHE_HOME": str(tmp_path / "cache")}


@pytest.mark.parametrize(("name", "why"), [
    ("entity_idinject.json", "the entity id 'Q900000048\\tP31\\tQ5\\nQ42\\tP31\\tQ666' is no item id"),
    ("entity_badclaims.json", "a P57 statement has no main snak"),
])
def test_a_forged_or_broken_entity_is_not_a_wbgetentities_answer(name: str, why: str, offline: list[str]) -> None:
    path = HOSTILE2 / name
    result = run_cli("quickstatements", FILM, "--entity", str(path), *offline)
    assert result.exit_code == 2
    assert error_lines(result) == [f"Error: {path}: not a wbgetentities answer ({why})"]
    assert result.stdout == ""


def test_a_forged_entity_id_from_the_api_writes_no_command(fake_server: FakeServer, tmp_path: Path) -> None:
    mode = "mwentityinj"
    result = run_cli("quickstatements", "wiki:48 Hrs.", "--wikidata-api", f"{fake_server.url}/{mode}/w/api.php",
                     env=_env(fake_server, mode, tmp_path))
    assert result.exit_code == 2
    assert "Q42\tP31\tQ666" not in result.stdout and "P31\tQ5" not in result.stdout
    assert len(error_lines(result)) == 1


def test_every_quickstatements_line_is_made_of_checked_cells(tmp_path: Path, offline: list[str]) -> None:
    entity = tmp_path / "item.json"
    entity.write_text(json.dumps({"entities": {"Q900000048": {"id": "Q900000048", "claims": {}}}}), encoding="utf-8")
    result = run_cli("quickstatements", FILM, "--entity", str(entity), *offline)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines
    for line in lines:
        cells = line.split("\t")
        assert cells[0] == "Q900000048" and cells[1][0] == "P" and cells[1][1:].isdigit()
        assert all("\n" not in cell and "\r" not in cell for cell in cells)


@pytest.mark.parametrize(("mode", "warning"), [
    ("mwinject", "Wikidata item 'Q1> <urn:evil> <urn:evil' is no item id (Q followed by digits)"),
    ("mwitemnl", "Wikidata item 'Q5\\nQ1\\tP31\\tQ666' is no item id (Q followed by digits)"),
    ("mwts", "revision time 'not a date' is no ISO 8601 time"),
    ("mwtsnl", "revision time '\\nQ1\\tP31\\tQ5' is no ISO 8601 time"),
    ("mwrevneg", "revision id '-1' is no revision id (a positive integer)"),
])
def test_ids_and_times_from_the_api_are_checked(mode: str, warning: str, fake_server: FakeServer,
                                                tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("export", "wiki:48 Hrs.", "-o", str(out), "-f", "nt", "-v", "--no-link-wikidata",
                     env=_env(fake_server, mode, tmp_path))
    assert result.exit_code == 0, result.output
    assert f"warning: wiki:48 Hrs.: {warning}; left out" in result.stderr
    assert "does not look like a valid URI" not in result.output and "Invalid isoformat" not in result.output
    [written] = out.glob("*.nt")
    text = written.read_text(encoding="utf-8")
    assert "urn:evil" not in text and "urn:a" not in text and "Q666" not in text and "not a date" not in text
    list(pyoxigraph.parse(path=str(written), format=pyoxigraph.RdfFormat.N_TRIPLES))


def test_the_grammars() -> None:
    warnings: list[str] = []
    assert checked_item("Q42", "x") == "Q42" and checked_item("Q042", "x", warnings) is None
    assert checked_item("Q\u0661", "x", warnings) is None  # an Arabic-Indic digit is a digit to isdigit()
    assert checked_revision("12", "x") == "12" and checked_revision(True, "x", warnings) is None
    assert checked_timestamp("2024-13-45T00:00:00Z", "x", warnings) is None
    assert len(warnings) == 4


def test_an_items_file_keeps_only_item_ids(tmp_path: Path) -> None:
    items = tmp_path / "items.tsv"
    items.write_text("Heat\tQ221\nRonin\tQ1\tP31\tQ5\nAlien\tQ\u0661\u0662\nKes\tQ5> <urn:evil>\n", encoding="utf-8")
    assert ItemFile(items).items(["Heat", "Ronin", "Alien", "Kes"]) == {"Heat": "Q221"}


def test_an_ask_answered_with_a_string_is_not_true(fake_server: FakeServer) -> None:
    result = run_cli("query", "ASK { ?s ?p ?o }", "--endpoint", f"{fake_server.url}/askstr/query")
    assert result.exit_code == 2 and result.stdout == ""
    assert error_lines(result) == [f"Error: {fake_server.url}/askstr/query: the server's answer is not SPARQL JSON "
                                   "results (TypeError: a boolean that is no JSON boolean: 'false')"]


@pytest.mark.parametrize(("mode", "form", "message"), [
    ("uribad", "-f tsv", "a uri value that is no IRI"),
    ("deepjson", "", "nested too deeply"),
    ("litlang", "", "a language tag that is none"),
    ("valnum", "", "a uri value that is no string"),
    ("asknull", "", "a boolean that is no JSON boolean"),
])
def test_an_odd_sparql_answer_is_one_line(mode: str, form: str, message: str, fake_server: FakeServer) -> None:
    result = run_cli("query", "SELECT * { ?s ?p ?o }", "--endpoint", f"{fake_server.url}/{mode}/query",
                     *form.split())
    assert result.exit_code == 2
    [line] = error_lines(result)
    assert message in line


def test_a_deep_construct_answer_is_read_or_refused_in_one_line(fake_server: FakeServer) -> None:
    result = run_cli("query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "--endpoint",
                     f"{fake_server.url}/deepturtle/query")
    assert result.exit_code in (0, 2) and len(error_lines(result)) <= 1


def test_a_deep_mediawiki_answer_is_one_line(fake_server: FakeServer, tmp_path: Path) -> None:
    result = run_cli("export", "wiki:X", "-o", str(tmp_path / "out"), env=_env(fake_server, "mwdeep", tmp_path))
    assert result.exit_code == 2
    assert error_lines(result) == [f"Error: wiki:X: {fake_server.url}/mwdeep/w/api.php did not answer with JSON"]


def test_tsv_escapes_a_tab_and_a_line_break(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run_cli("load", SAMPLE, "--store", str(store)).exit_code == 0
    result = run_cli("query", 'SELECT ?x ?y WHERE { BIND("a\\tb\\nc" AS ?x) BIND(<urn:y> AS ?y) }', "--store",
                     str(store), "-f", "tsv")
    assert result.exit_code == 0
    assert result.stdout == '?x\t?y\n"a\\tb\\nc"\t<urn:y>\n'
