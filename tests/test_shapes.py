"""The compiled shapes (filmgraph.rdf.shapes) report exactly what pyshacl reports, on mutated graphs."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from filmgraph import extract_film, map_film, read_article
from filmgraph.rdf.shapes import FilmTriples, UnsupportedShape, compile_shapes, shapes_graph
from filmgraph.rdf.validate import validate_graph, validate_triples
from filmgraph.rdf.vocab import FG, PQ, PQV, PR, PS, PSV, RDF, RDFS, SDO, WD, WDT, WIKIBASE, XSD

HERE = Path(__file__).parent
SOURCES = [HERE.parent / "examples" / "second_victims.txt", HERE / "articles" / "the_hunt.txt",
           HERE / "corpus" / "48_hrs.wiki", HERE / "corpus" / "ra_one.wiki"]
CLASSES = [SDO.Movie, SDO.Person, SDO.Organization, SDO.PerformanceRole, SDO.Role, SDO.ScreeningEvent,
           SDO.Country, WIKIBASE.Statement, WIKIBASE.Reference, FG.AwardCategory, FG.Award, WIKIBASE.TimeValue,
           WIKIBASE.QuantityValue, WIKIBASE.BestRank]
PREDICATES = [SDO.name, SDO.director, SDO.actor, SDO.duration, SDO.datePublished, SDO.inLanguage, WDT.P31,
              WDT.P2047, SDO.characterName, SDO.workPresented, SDO.startDate, PR.P854, PR.P958, PS.P1411, PS.P166,
              PQ.P585, WDT.P361, WIKIBASE.rank, SDO.countryOfOrigin, SDO.productionCompany, RDFS.label, WDT.P577,
              PS.P577, PSV.P577, PQV.P585, PS.P2142, WIKIBASE.timeValue, WIKIBASE.timePrecision,
              WIKIBASE.timeCalendarModel, WIKIBASE.quantityAmount, WIKIBASE.quantityUnit]
ODD_VALUES = [
    Literal("abc", datatype=XSD.date), Literal("2019-02-30", datatype=XSD.date), Literal("1999", datatype=XSD.gYear),
    Literal("PT0M", datatype=XSD.duration), Literal("PT92M", datatype=XSD.duration),
    Literal("-5", datatype=XSD.decimal), Literal("92", datatype=XSD.decimal), Literal("x"), Literal("x", lang="en"),
    Literal("Danish"), Literal("da"), Literal("1", datatype=XSD.integer), Literal("true", datatype=XSD.boolean),
    URIRef("urn:nowhere"), WD.Q11424, WD.Q5, Literal("2019-05", datatype=XSD.gYearMonth), Literal("http://x.org/a"),
    Literal("1969-05-25T00:00:00Z", datatype=XSD.dateTime), Literal("1969-13-25T00:00:00Z", datatype=XSD.dateTime),
    Literal("12", datatype=XSD.integer), Literal("9", datatype=XSD.integer), WD.Q1985727, WIKIBASE.BestRank]


def _results(report) -> list[tuple]:
    return [(r.severity, r.node, r.path, r.message, r.value) for r in report.results]


def _mutate(graph: Graph, rng: random.Random) -> Graph:
    mutated = Graph()
    for triple in graph:
        mutated.add(triple)
    triples = sorted(mutated, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    nodes = sorted({t[0] for t in triples}, key=str)
    for _ in range(rng.randint(1, 4)):
        choice = rng.randrange(6)
        if choice == 0:  # a fact lost
            mutated.remove(rng.choice(triples))
        elif choice == 1:  # a value of the wrong kind
            subject, predicate, _ = rng.choice(triples)
            mutated.add((subject, predicate, rng.choice(ODD_VALUES)))
        elif choice == 2:  # a node of another class
            mutated.add((rng.choice(nodes), RDF.type, rng.choice(CLASSES)))
        elif choice == 3:  # a class taken away
            node = rng.choice(nodes)
            mutated.remove((node, RDF.type, None))
        elif choice == 4:  # a property a shape constrains, with any value
            mutated.add((rng.choice(nodes), rng.choice(PREDICATES), rng.choice(ODD_VALUES + nodes[:20])))
        else:  # a subclass declared in the data: sh:class and targets follow rdfs:subClassOf
            mutated.add((URIRef("urn:Kind"), RDFS.subClassOf, rng.choice(CLASSES)))
            mutated.add((rng.choice(nodes), RDF.type, URIRef("urn:Kind")))
    return mutated


@pytest.fixture(scope="module")
def graphs() -> list[Graph]:
    return [map_film(extract_film(read_article(path))) for path in SOURCES]


def test_compiled_shapes_report_what_pyshacl_reports_on_mutated_graphs(graphs: list[Graph]) -> None:
    rng = random.Random(20261125)
    failing = 0
    for number in range(160):
        graph = _mutate(graphs[number % len(graphs)], rng)
        expected = validate_graph(graph)
        got = validate_triples(FilmTriples(graph))
        assert got.conforms == expected.conforms, number
        assert _results(got) == _results(expected), number
        assert got.lines() == expected.lines()
        failing += not expected.conforms
    assert failing > 60  # the mutations do break the shapes, often


def test_compiled_shapes_pass_the_unmutated_films(graphs: list[Graph]) -> None:
    for graph in graphs:
        assert _results(validate_triples(FilmTriples(graph))) == _results(validate_graph(graph))


def test_a_constraint_the_compiler_does_not_know_is_refused_not_skipped() -> None:
    shapes = Graph()
    for triple in shapes_graph():
        shapes.add(triple)
    prop = next(shapes.objects(URIRef("https://w3id.org/filmgraph/shapes#MovieShape"), SH.property))
    shapes.add((prop, SH.uniqueLang, Literal(True)))
    with pytest.raises(UnsupportedShape, match="uniqueLang"):
        compile_shapes(shapes)
    assert len(compile_shapes(shapes_graph())) == sum(1 for _ in shapes_graph().subject_objects(SH.property))
