from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import SH

from filmgraph.errors import FilmgraphError
from filmgraph.extract.infobox import PARSERS
from filmgraph.fields import KINDS, mapping_rows, parse_rows
from filmgraph.rdf.mapping import EMITTERS, QUALIFIER_TERMS
from filmgraph.rdf.validate import shapes_graph
from filmgraph.rdf.vocab import FG, PQ, PR, PROV, PS, PSV, RDF, RDFS, SDO, WD, WDT, WIKIBASE, XSD

BASE = "https://example.org/filmgraph/"
FILM = URIRef(BASE + "film/second-victims")


def person(key: str) -> URIRef:
    return URIRef(BASE + "film/second-victims/person/" + key)


def test_every_kind_has_a_parser_or_emitter() -> None:
    for row in mapping_rows():
        assert row.kind in KINDS
        if row.parent is None:
            assert row.kind in EMITTERS, row.field
        else:
            assert row.kind in QUALIFIER_TERMS, row.field
        if row.labels:
            assert row.kind in PARSERS, row.field


def test_every_shape_named_in_the_table_constrains_its_property() -> None:
    shapes = shapes_graph()
    fgsh = "https://w3id.org/filmgraph/shapes#"
    for row in mapping_rows():
        if not row.shape:
            continue
        shape = URIRef(fgsh + row.shape)
        assert (shape, RDF.type, SH.NodeShape) in shapes, row.shape
        paths = {str(shapes.value(p, SH.path)) for p in shapes.objects(shape, SH.property)}
        prefix, local = row.schema.lstrip("^").split(":")
        assert f"http://schema.org/{local}" in paths or row.schema.startswith("^"), (row.field, paths)


@pytest.mark.parametrize(("text", "message"), [
    ("field,labels,kind,schema,wikidata,role,shape\nrun,Runtime,minuts,,,,\n", "m.csv:2: unknown kind 'minuts'"),
    ("field,labels,kind,schema,wikidata,role,shape\nrun,Runtime,minutes,dc:extent,,,\n",
     "m.csv:2: unknown prefix in 'dc:extent'"),
    ("field,labels,kind,schema,wikidata,role,shape\na,Runtime,minutes,,,,\nb,Running time|runtime,minutes,,,,\n",
     "m.csv:3: label 'runtime' already used on line 2"),
    ("field,labels,kind,schema,wikidata,role,shape\ncast.characters,,text,,P4633,,\n",
     "m.csv:2: 'cast.characters' comes before its field 'cast'"),
])
def test_bad_mapping_rows_fail_at_load(text: str, message: str) -> None:
    with pytest.raises(FilmgraphError) as caught:
        parse_rows(text, "m.csv")
    assert str(caught.value) == message


def test_film_in_both_vocabularies(sample_graph) -> None:
    g = sample_graph
    assert (FILM, RDF.type, SDO.Movie) in g
    assert (FILM, WDT.P31, WD.Q11424) in g
    assert (FILM, SDO.name, Literal("Second Victims", lang="en")) in g
    assert (FILM, RDFS.label, Literal("Second Victims", lang="en")) in g
    assert (FILM, SDO.alternateName, Literal("Det andet offer", lang="da")) in g
    assert (FILM, WDT.P1476, Literal("Det andet offer", lang="da")) in g


@pytest.mark.parametrize(("schema_prop", "wd_prop", "key"), [
    (SDO.director, WDT.P57, "zinnini-elkington"),
    (SDO.author, WDT.P58, "zinnini-elkington"),
    (SDO.producer, WDT.P162, "johannes-rothaus-norregaard"),
    (SDO.musicBy, WDT.P86, "jenny-rossander"),
])
def test_crew(sample_graph, schema_prop, wd_prop, key) -> None:
    assert (FILM, schema_prop, person(key)) in sample_graph
    assert (FILM, wd_prop, person(key)) in sample_graph
    assert (person(key), RDF.type, SDO.Person) in sample_graph
    assert (person(key), WDT.P31, WD.Q5) in sample_graph


@pytest.mark.parametrize(("wd_prop", "key", "role_name"), [
    (WDT.P344, "mia-mai-dengso-graabaek", "cinematographer"),
    (WDT.P1040, "ania-de-sa", "film editor"),
])
def test_crew_through_roles(sample_graph, wd_prop, key, role_name) -> None:
    g = sample_graph
    assert (FILM, wd_prop, person(key)) in g
    roles = [r for r in g.objects(FILM, SDO.contributor) if (r, SDO.contributor, person(key)) in g]
    assert [str(g.value(r, SDO.roleName)) for r in roles] == [role_name]


def test_organisations_places_and_codes(sample_graph) -> None:
    g = sample_graph
    meta = URIRef(BASE + "organization/meta-film")
    assert (FILM, SDO.productionCompany, meta) in g and (FILM, WDT.P272, meta) in g
    assert (meta, RDF.type, SDO.Organization) in g
    assert (FILM, SDO.countryOfOrigin, WD.Q35) in g and (WD.Q35, RDF.type, SDO.Country) in g
    assert (WD.Q35, SDO.name, Literal("Denmark", lang="en")) in g
    assert (FILM, WDT.P495, WD.Q35) in g
    assert (FILM, SDO.inLanguage, WD.Q9035) in g and (FILM, WDT.P364, WD.Q9035) in g
    assert (WD.Q9035, RDF.type, SDO.Language) in g and (WD.Q9035, SDO.alternateName, Literal("da")) in g
    assert (FILM, WDT.P136, WD.Q130232) in g


def test_runtime(sample_graph) -> None:
    g = sample_graph
    (duration,) = g.objects(FILM, SDO.duration)
    assert str(duration) == "PT92M" and duration.datatype == XSD.duration
    (minutes,) = g.objects(FILM, WDT.P2047)
    assert minutes.toPython() == 92
    (statement,) = g.objects(FILM, URIRef("http://www.wikidata.org/prop/P2047"))
    value = g.value(statement, PSV.P2047)
    assert g.value(value, WIKIBASE.quantityUnit) == WD.Q7727
    assert g.value(value, WIKIBASE.quantityAmount).toPython() == 92


def test_seven_actor_character_pairs_in_both_vocabularies(sample_graph) -> None:
    g = sample_graph
    schema_pairs = {(str(g.value(g.value(r, SDO.actor), SDO.name)), str(c))
                    for r in g.objects(FILM, SDO.actor) for c in g.objects(r, SDO.characterName)}
    wikidata_pairs = {(str(g.value(g.value(s, PS.P161), SDO.name)), str(c))
                      for s in g.objects(FILM, URIRef("http://www.wikidata.org/prop/P161"))
                      for c in g.objects(s, PQ.P4633)}
    expected = {("Özlem Sağlanmak", "Alexandra"), ("Trine Dyrholm", "Camilla"), ("Mathilde Arcel Fock", "Emilie"),
                ("Olaf Johannessen", "Esben"), ("Iman Meskini", "Alda"), ("Anders Matthesen", "Karl"),
                ("Morten Hee Andersen", "Anders")}
    assert schema_pairs == expected == wikidata_pairs
    assert len(set(g.objects(FILM, WDT.P161))) == 7


def test_every_statement_has_a_reference_with_source_and_section(sample_graph, sample_path) -> None:
    g = sample_graph
    statements = set(g.subjects(RDF.type, WIKIBASE.Statement))
    assert len(statements) > 30
    sections = set()
    for statement in statements:
        references = list(g.objects(statement, PROV.wasDerivedFrom))
        assert references, statement
        for reference in references:
            assert g.value(reference, PR.P854) == URIRef(BASE + "article/second-victims")
            sections.add(str(g.value(reference, PR.P958)))
    assert {"Infobox", "Lead", "Cast", "Accolades", "Release", "Production"} <= sections


def test_release_and_nominations(sample_graph) -> None:
    g = sample_graph
    assert (FILM, SDO.datePublished, Literal("2025-04-10", datatype=XSD.date)) in g
    (release,) = g.objects(FILM, URIRef("http://www.wikidata.org/prop/P577"))
    assert g.value(release, PQ.P291) == WD.Q35
    assert len({r for r in g.objects(release, PROV.wasDerivedFrom)}) == 2
    won = list(g.objects(FILM, WDT.P166))
    assert [str(g.value(c, SDO.name)) for c in won] == ["Best Danish Film"]
    assert len(set(g.objects(FILM, WDT.P1411))) == 10
    assert (FILM, SDO.award, Literal("Best Danish Film (Robert Awards)")) in g
    category = URIRef(BASE + "award/robert-awards/best-actress-in-a-supporting-role")
    (statement,) = [s for s in g.objects(FILM, URIRef("http://www.wikidata.org/prop/P1411"))
                    if g.value(s, URIRef("http://www.wikidata.org/prop/statement/P1411")) == category]
    assert set(g.objects(statement, PQ.P2453)) == {person("mathilde-arcel-fock"), person("trine-dyrholm")}
    assert g.value(statement, PQ.P585) == Literal("2026-01-31", datatype=XSD.date)
    assert g.value(category, WDT.P361) == URIRef(BASE + "award/robert-awards")


def test_screenings_admissions_location_subject(sample_graph) -> None:
    g = sample_graph
    screenings = set(g.subjects(RDF.type, SDO.ScreeningEvent))
    assert len(screenings) == 4
    assert all((s, SDO.workPresented, FILM) in g for s in screenings)
    hamburg = URIRef(BASE + "screening/second-victims/filmfest-hamburg")
    assert g.value(hamburg, SDO.startDate) == Literal("2025-09", datatype=XSD.gYearMonth)
    assert g.value(hamburg, FG.section) == Literal("Kaleidoscope")
    (statement,) = g.objects(FILM, URIRef("http://www.wikidata.org/prop/P5436"))
    value = g.value(statement, PSV.P5436)
    assert g.value(value, WIKIBASE.quantityLowerBound).toPython() == 87000
    herlev = URIRef(BASE + "place/herlev-hospital")
    assert (FILM, SDO.locationCreated, herlev) in g and (FILM, WDT.P915, herlev) in g
    (filming,) = g.objects(FILM, URIRef("http://www.wikidata.org/prop/P915"))
    assert g.value(filming, PQ.P580) == Literal("2024-01", datatype=XSD.gYearMonth)
    assert g.value(filming, PQ.P582) == Literal("2024-02", datatype=XSD.gYearMonth)
    concept = URIRef(BASE + "concept/second-victim")
    assert (FILM, SDO.about, concept) in g and (FILM, WDT.P921, concept) in g
    assert g.value(concept, SDO.creator) == person("albert-wu")


def test_money_is_a_quantity_with_a_currency(article) -> None:
    from filmgraph import extract_film, map_film, read_article
    g = map_film(extract_film(read_article(article("prose_awards.txt"))), base=BASE)
    film = URIRef(BASE + "film/the-square")
    (budget,) = g.objects(film, URIRef("http://www.wikidata.org/prop/P2130"))
    value = g.value(budget, PSV.P2130)
    assert g.value(value, WIKIBASE.quantityAmount).toPython() in (4500000, Decimal("4500000"))
    assert g.value(value, WIKIBASE.quantityUnit) == WD.Q4916


def test_a_language_is_its_item_named_with_its_code_in_both_vocabularies() -> None:
    from filmgraph import extract_film, map_film, parse_article

    g = map_film(extract_film(parse_article("= Thira =\nInfobox\n- Director: Ann Berg\n- Language: Tamil\n",
                                            source="urn:x")))
    (film,) = g.subjects(RDF.type, SDO.Movie)
    tamil = WD.Q5885
    assert (film, SDO.inLanguage, tamil) in g and (film, WDT.P364, tamil) in g
    assert (tamil, SDO.name, Literal("Tamil", lang="en")) in g and (tamil, SDO.alternateName, Literal("ta")) in g
