"""Every example query — the files of queries/ and queries/wikidata/ and every query the README shows — is
standard SPARQL 1.1: it gives the same rows, in the same order, in three engines: the embedded pyoxigraph store
(as `filmgraph query` asks it), a real `oxigraph serve` over HTTP (as `--endpoint` asks it) and rdflib.

The order is total by construction (each query orders by every column it returns), so "the same order" cannot
pass by luck. rdflib's SPARQL engine is slow on large graphs, so the engines share a sample of the corpus films:
enough films for every query to return rows, among them films that share nodes (people, award categories).
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
import requests

from conftest import oxigraph_server
from filmgraph import RdfFormat
from filmgraph.defaults import BASE
from filmgraph.pipeline import export_one
from filmgraph.store.results import QUERY_PREFIXES
from test_queries import readme_queries

ROOT = Path(__file__).parent.parent
FILMS = ("48-hrs", "rocky", "roman-holiday", "army-of-darkness", "evil-dead-ii", "cars-2", "the-incredibles")  # slugs
QUERY_FILES = sorted((ROOT / "queries").glob("*.rq")) + sorted((ROOT / "queries" / "wikidata").glob("*.rq"))
QUERIES = {path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8") for path in QUERY_FILES}
QUERIES.update({name: text for name, text in readme_queries().items() if not name.startswith("queries/")})
DECLARED = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in QUERY_PREFIXES.items())
XSD = "http://www.w3.org/2001/XMLSchema#"

Cell = str  # a term in N-Triples syntax, literals at their canonical value (rdflib's normal form)
Rows = list[tuple[Cell, ...]]


def _cell(term: rdflib.term.Node | None) -> Cell:
    return "" if term is None else term.n3()


def _from_oxigraph(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> rdflib.term.Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    return _literal(term.value, term.language, term.datatype.value)


def _from_json(binding: dict[str, str] | None) -> rdflib.term.Node | None:
    """A term of the SPARQL 1.1 Query Results JSON format."""
    if binding is None:
        return None
    if binding["type"] == "uri":
        return rdflib.URIRef(binding["value"])
    if binding["type"] == "bnode":
        return rdflib.BNode(binding["value"])
    return _literal(binding["value"], binding.get("xml:lang"), binding.get("datatype"))


def _literal(value: str, language: str | None, datatype: str | None) -> rdflib.Literal:
    """A literal as rdflib writes it: a simple literal is an xsd:string (RDF 1.1) and is written without it."""
    if language:
        return rdflib.Literal(value, lang=language)
    return rdflib.Literal(value, datatype=None if datatype in (None, XSD + "string") else rdflib.URIRef(datatype))


@pytest.fixture(scope="module")
def sample_quads(corpus_quads: dict[str, str], sample_path: Path) -> str:
    chosen = [text for text in corpus_quads.values()
              if any(f"{BASE}film/{slug}> <http://schema.org/name> " in text for slug in FILMS)]
    sample = export_one(sample_path, output_dir=None, formats=(RdfFormat.N_QUADS,))
    assert sample.error is None
    chosen.append(sample.texts[RdfFormat.N_QUADS])
    assert len(chosen) == len(FILMS) + 1
    return "".join(chosen)


@pytest.fixture(scope="module")
def embedded(sample_quads: str) -> ox.Store:
    store = ox.Store()
    store.load(sample_quads.encode(), format=ox.RdfFormat.N_QUADS)
    return store


@pytest.fixture(scope="module")
def served(sample_quads: str, tmp_path_factory: pytest.TempPathFactory):
    with oxigraph_server(tmp_path_factory.mktemp("served")) as endpoint:
        store = endpoint.removesuffix("/query") + "/store"
        answer = requests.post(store, data=sample_quads.encode(), headers={"Content-Type": "application/n-quads"},
                               timeout=60)
        assert answer.status_code in (200, 201, 204), answer.text
        yield endpoint


@pytest.fixture(scope="module")
def dataset(sample_quads: str) -> rdflib.Dataset:
    data = rdflib.Dataset(default_union=True)
    data.parse(data=sample_quads, format="nquads")
    return data


def in_embedded(store: ox.Store, query: str) -> Rows:
    result = store.query(query, prefixes=QUERY_PREFIXES, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    return [tuple(_cell(_from_oxigraph(term)) for term in row) for row in result]


def in_server(endpoint: str, query: str) -> Rows:
    answer = requests.post(endpoint, data=(DECLARED + query).encode(), timeout=60,
                           headers={"Content-Type": "application/sparql-query",
                                    "Accept": "application/sparql-results+json"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    names = body["head"]["vars"]
    return [tuple(_cell(_from_json(row.get(name))) for name in names) for row in body["results"]["bindings"]]


def in_rdflib(data: rdflib.Dataset, query: str) -> Rows:
    return [tuple(_cell(term) for term in row) for row in data.query(DECLARED + query)]


def _projected(query: str) -> list[str]:
    """The columns of a SELECT, in order: its plain variables and the names its expressions are bound to."""
    selected = re.search(r"SELECT\s+(?:DISTINCT\s+)?(.*?)\s*WHERE", query, re.DOTALL | re.IGNORECASE)
    assert selected, query
    columns, depth, expression = [], 0, ""
    for token in re.findall(r"\(|\)|\?\w+|[^()?\s]+", selected.group(1)):
        depth += {"(": 1, ")": -1}.get(token, 0)
        if depth == 0 and token == ")":
            columns += re.findall(r"\bAS (\?\w+)$", expression.strip())
            expression = ""
        elif depth:
            expression += " " + token
        elif token.startswith("?"):
            columns.append(token)
    return columns


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_query_orders_its_rows_totally(name: str) -> None:
    query = re.sub(r"#[^\n]*", "", QUERIES[name])
    ordered = re.search(r"ORDER BY([^\n]*)", query)
    assert ordered, f"{name} asks for no order: engines may give its rows in any order"
    keys = set(re.findall(r"\?\w+", ordered.group(1)))
    assert set(_projected(query)) <= keys, f"{name} leaves ties: order by {sorted(set(_projected(query)) - keys)}"


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_same_rows_in_pyoxigraph_oxigraph_server_and_rdflib(name: str, embedded: ox.Store, served: str,
                                                             dataset: rdflib.Dataset) -> None:
    query = QUERIES[name]
    lists = _concatenated(query)
    rows = in_embedded(embedded, query)
    assert _as_sets(in_server(served, query), lists) == _as_sets(rows, lists)
    assert _as_sets(in_rdflib(dataset, query), lists) == _as_sets(rows, lists)


def _concatenated(query: str) -> list[int]:
    """The columns a GROUP_CONCAT makes: SPARQL leaves the order of its items to each engine."""
    names = _projected(query)
    made = re.findall(r"GROUP_CONCAT\((?:[^()]|\([^()]*\))*\)\s+AS\s+(\?\w+)", query)
    return [names.index(name) for name in made]


def _as_sets(rows: Rows, lists: list[int]) -> Rows:
    return [tuple(", ".join(sorted(_lexical(cell).split(", "))) if index in lists else cell
                  for index, cell in enumerate(row)) for row in rows]


def _lexical(cell: Cell) -> str:
    """A concatenation's text: engines differ on whether it keeps a language its items share."""
    written = re.fullmatch(r'"(.*)"(?:@[\w-]+|\^\^<[^>]*>)?', cell, re.DOTALL)
    return written.group(1) if written else cell


def test_the_sample_gives_rows_to_the_queries_that_need_many_films(embedded: ox.Store) -> None:
    """The sample of films is large enough to be a check: the queries return rows, not empty tables."""
    empty = [name for name, query in QUERIES.items() if not in_embedded(embedded, query)]
    assert len(empty) <= 2, empty
    nominations = in_embedded(embedded, QUERIES["queries/nominations.rq"])
    assert ('"48 Hrs."@en', '"Golden Globe Awards"') in {row[:2] for row in nominations}
    assert any(row[5] == '""' for row in nominations)  # a statement without nominees: an empty list, no error
