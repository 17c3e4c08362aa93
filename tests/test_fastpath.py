"""The export's fast path (statement records → compiled shapes → pyoxigraph) against the rdflib path
(map_film → Graph → pyshacl → rdflib), on every test article and every page of the real corpus."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from filmgraph import RdfFormat, extract_film, map_film, read_article
from filmgraph.errors import FilmgraphError
from filmgraph.pipeline import check_graph, export_one
from filmgraph.rdf.write import serialize

HERE = Path(__file__).parent
INPUTS = sorted((HERE / "articles").glob("*.txt")) + sorted((HERE / "articles").glob("*.wiki")) + sorted(
    (HERE / "corpus").glob("*.wiki"))
OXIGRAPH_FORMATS = {RdfFormat.TURTLE: ox.RdfFormat.TURTLE, RdfFormat.N_TRIPLES: ox.RdfFormat.N_TRIPLES,
                    RdfFormat.N_QUADS: ox.RdfFormat.N_QUADS, RdfFormat.JSON_LD: ox.RdfFormat.JSON_LD}


def _triples(text: str, fmt: RdfFormat) -> set[tuple[str, str, str]]:
    parsed = ox.parse(text.encode(), format=OXIGRAPH_FORMATS[fmt])
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in parsed}


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_fast_path_gives_the_rdflib_paths_graph(path: Path) -> None:
    try:
        article = read_article(path)
    except FilmgraphError:  # a page that is not a film: both paths decline it alike
        assert export_one(path, output_dir=None).error
        return
    graph = map_film(extract_film(article))
    slow_warnings: list[str] = []
    slow_report = check_graph(graph, warnings=slow_warnings)  # pyshacl, values pruned from the Graph
    fast = export_one(path, output_dir=None, formats=tuple(RdfFormat))
    assert fast.error is None
    assert fast.report is not None and fast.report.lines() == slow_report.lines()
    assert [w for w in fast.warnings if "left out:" in w] == [w for w in slow_warnings if "left out:" in w]
    # No blank nodes in filmgraph's output: isomorphic means the same set of triples.
    assert set(fast.triples) == set(graph)
    expected = _triples(serialize(graph, RdfFormat.N_TRIPLES), RdfFormat.N_TRIPLES)
    assert len(expected) == len(graph) > 50
    for fmt, text in fast.texts.items():
        assert _triples(text, fmt) == expected, fmt


def test_fast_path_writes_the_same_bytes_every_time(sample_path: Path) -> None:
    first = export_one(sample_path, output_dir=None, formats=tuple(RdfFormat)).texts
    second = export_one(sample_path, output_dir=None, formats=tuple(RdfFormat)).texts
    assert first == second
    assert first[RdfFormat.TURTLE].startswith("@prefix fg: <https://w3id.org/filmgraph/ontology#> .\n")
