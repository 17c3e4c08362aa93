from __future__ import annotations

from rdflib import Literal, URIRef

from filmgraph import validate_graph
from filmgraph.rdf.vocab import SDO, XSD

FILM = URIRef("https://example.org/filmgraph/film/second-victims")


def test_sample_conforms(sample_graph) -> None:
    report = validate_graph(sample_graph)
    assert report.conforms and report.violations == []


def test_missing_director_and_bad_runtime_read_as_lines(sample_graph) -> None:
    graph = sample_graph.__class__()
    for triple in sample_graph:
        graph.add(triple)
    graph.remove((FILM, SDO.director, None))
    graph.remove((FILM, SDO.duration, None))
    graph.add((FILM, SDO.duration, Literal("PT0M", datatype=XSD.duration, normalize=False)))
    report = validate_graph(graph)
    assert not report.conforms
    assert report.lines() == [
        f"Violation: Second Victims <{FILM}>: schema:duration: "
        "the runtime must be one positive xsd:duration in minutes (PT92M)",
        f"Warning: Second Victims <{FILM}>: schema:director: the article names no director",
    ]


def test_role_without_character_and_statement_without_reference(sample_graph) -> None:
    from filmgraph.rdf.vocab import PROV, SDO
    graph = sample_graph.__class__()
    for triple in sample_graph:
        graph.add(triple)
    role = URIRef("https://example.org/filmgraph/role/second-victims/trine-dyrholm")
    graph.remove((role, SDO.characterName, None))
    statement = URIRef("https://example.org/filmgraph/statement/second-victims/P57/zinnini-elkington")
    graph.remove((statement, PROV.wasDerivedFrom, None))
    lines = validate_graph(graph).lines()
    assert f"Violation: <{role}>: schema:characterName: a role needs a character name" in lines
    assert f"Violation: <{statement}>: prov:wasDerivedFrom: a statement needs a reference to its source" in lines


def test_missing_ceremony_date_is_a_warning_only(article) -> None:
    from filmgraph import extract_film, map_film, read_article
    report = validate_graph(map_film(extract_film(read_article(article("another_round.txt")))))
    assert report.conforms
    assert len(report.warnings) == 3
    assert all(w.path == "pq:P585" for w in report.warnings)
