from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import SH

from filmgraph.errors import FilmgraphError
from filmgraph.extract.infobox import PARSERS
from filmgraph.fields import KINDS, mapping_rows, parse_rows
from filmgraph.rdf.mapping import EMITTERS, QUALIFIER_TERMS
from filmgraph.rdf.validate import shapes_graph, validate_graph
from filmgraph.rdf.vocab import FG, OWL, PQ, PQV, PR, PROV, PS, PSV, RDF, RDFS, SDO, WD, WDT, WIKIBASE, XSD

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


def _shape_paths(shapes, shape: URIRef) -> set[str]:
    """The properties a node shape's property shapes constrain (each alternative of an alternative path)."""
    paths = set()
    for prop in shapes.objects(shape, SH.property):
        path = shapes.value(prop, SH.path)
        alternatives = shapes.value(path, SH.alternativePath)
        paths |= {str(p) for p in shapes.items(alternatives)} if alternatives is not None else {str(path)}
    return paths


def test_every_shape_named_in_the_table_constrains_its_property() -> None:
    shapes = shapes_graph()
    fgsh = "https://w3id.org/filmgraph/shapes#"
    for row in mapping_rows():
        properties = set()
        if row.schema and not row.schema.startswith("^"):
            properties.add(str(SDO[row.schema.split(":", 1)[1]]))
        for prop in row.wikidata.split("|") if row.wikidata.startswith("P") else []:
            # A qualifier row's property is a pq: qualifier, any other row's a wdt: truthy value and a ps: statement.
            properties |= {str(PQ[prop]), str(PQV[prop])} if row.parent else {str(WDT[prop]), str(PS[prop]),
                                                                                 str(PSV[prop])}
        for name in row.shapes:
            shape = URIRef(fgsh + name)
            assert (shape, RDF.type, SH.NodeShape) in shapes, name
            assert _shape_paths(shapes, shape) & properties or row.schema.startswith("^"), (row.field, name)
    named = {name for row in mapping_rows() for name in row.shapes}
    assert {"PublicationDateShape", "QuantityStatementShape", "PointInTimeShape"} <= named


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
    # Each actress nominated in the category: a statement each, as Wikidata states them.
    statements = [s for s in g.objects(FILM, URIRef("http://www.wikidata.org/prop/P1411"))
                  if g.value(s, URIRef("http://www.wikidata.org/prop/statement/P1411")) == category]
    assert sorted(str(s).rsplit("/", 1)[-1] for s in statements) == [
        "robert-awards-best-actress-in-a-supporting-role-mathilde-arcel-fock",
        "robert-awards-best-actress-in-a-supporting-role-trine-dyrholm"]
    assert [set(g.objects(s, PQ.P2453)) for s in sorted(statements)] == [{person("mathilde-arcel-fock")},
                                                                          {person("trine-dyrholm")}]
    statement = statements[0]
    assert g.value(statement, PQ.P585) == Literal("2026-01-31T00:00:00Z", datatype=XSD.dateTime, normalize=False)
    assert g.value(g.value(statement, PQV.P585), WIKIBASE.timePrecision) == Literal(11)
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
    assert str(g.value(filming, PQ.P580)) == "2024-01-01T00:00:00Z"
    assert g.value(g.value(filming, PQV.P580), WIKIBASE.timePrecision) == Literal(10)
    assert str(g.value(filming, PQ.P582)) == "2024-02-01T00:00:00Z"
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


# --------------------------------------------------- Wikidata's RDF binding


def test_statements_are_written_as_wikidata_writes_them(sample_graph) -> None:
    g = sample_graph
    statements = set(g.subjects(RDF.type, WIKIBASE.Statement))
    # Every statement is of normal rank with no preferred one beside it: its property's best, typed so.
    assert statements == set(g.subjects(RDF.type, WIKIBASE.BestRank))
    assert {g.value(s, WIKIBASE.rank) for s in statements} == {WIKIBASE.NormalRank}
    # Times: an xsd:dateTime at midnight UTC on wdt:/ps:, the precision on the psv: value node.
    assert g.value(FILM, WDT.P577) == Literal("2025-04-10T00:00:00Z", datatype=XSD.dateTime, normalize=False)
    (release,) = g.objects(FILM, URIRef("http://www.wikidata.org/prop/P577"))
    assert g.value(release, PS.P577) == g.value(FILM, WDT.P577)
    value = g.value(release, PSV.P577)
    assert (value, RDF.type, WIKIBASE.TimeValue) in g
    assert g.value(value, WIKIBASE.timeValue) == g.value(FILM, WDT.P577)
    assert g.value(value, WIKIBASE.timePrecision) == Literal(11)
    assert g.value(value, WIKIBASE.timeTimezone) == Literal(0)
    assert g.value(value, WIKIBASE.timeCalendarModel) == WD.Q1985727
    # Quantities: xsd:decimal on wdt:, ps: and the amount.
    assert g.value(FILM, WDT.P2047) == Literal("92", datatype=XSD.decimal)
    (runtime,) = g.objects(FILM, URIRef("http://www.wikidata.org/prop/P2047"))
    assert g.value(g.value(runtime, PSV.P2047), WIKIBASE.quantityAmount) == Literal("92", datatype=XSD.decimal)
    assert g.value(g.value(runtime, PSV.P2047), WIKIBASE.quantityUnit) == WD.Q7727
    # The schema.org side keeps the date at its stated precision.
    assert (FILM, SDO.datePublished, Literal("2025-04-10", datatype=XSD.date)) in g


def test_dates_at_each_precision_become_wikidata_times() -> None:
    from filmgraph.rdf.statements import time_value, wikidata_term
    for literal, stamp, precision in [(Literal("1969", datatype=XSD.gYear), "1969-01-01T00:00:00Z", 9),
                                      (Literal("1969-05", datatype=XSD.gYearMonth), "1969-05-01T00:00:00Z", 10),
                                      (Literal("1969-05-25", datatype=XSD.date), "1969-05-25T00:00:00Z", 11)]:
        assert str(wikidata_term(literal)) == stamp and wikidata_term(literal).datatype == XSD.dateTime
        details = dict(time_value(literal))
        assert details[WIKIBASE.timePrecision] == Literal(precision) and str(details[WIKIBASE.timeValue]) == stamp
    for other in (Literal("x"), Literal("92", datatype=XSD.decimal), WD.Q5):
        assert wikidata_term(other) == other and time_value(other) == []


def test_labels_have_a_language(sample_graph) -> None:
    g = sample_graph
    for cls in (SDO.Person, SDO.Organization, SDO.Movie, FG.AwardCategory):
        nodes = set(g.subjects(RDF.type, cls))
        assert nodes, cls
        for node in nodes:
            labels = list(g.objects(node, RDFS.label))
            assert labels and all(label.language == "en" for label in labels), node
    # schema:name of a person stays a plain string (schema.org's Text).
    assert (person("trine-dyrholm"), SDO.name, Literal("Trine Dyrholm")) in g


_LINKED = """{{Infobox film
| name = Alpha
| director = [[Ann Berg (director)|Ann Berg]]
| starring = [[Bo Lind]]
| studio = [[Nordfilm]]
}}
'''Alpha''' is a 1990 film.
==Cast==
* [[Bo Lind]] as Karl
* Eva Holm as Nina
==Accolades==
{| class="wikitable"
! Award !! Category !! Recipient !! Result
|-
| Robert Awards || [[Robert Award for Best Actor|Best Actor]] || [[Bo Lind]] || {{won}}
|}
"""


def _linked_film(items: dict[str, str]):
    from filmgraph import extract_film
    from filmgraph.read.wikitext import parse_wikitext
    film = extract_film(parse_wikitext(_LINKED, source="https://en.wikipedia.org/wiki/Alpha_(film)"))
    film.items.update(items)
    return film


def test_known_items_are_the_wikidata_values_and_the_page_node_keeps_the_schema_org_side() -> None:
    from filmgraph import map_film
    g = map_film(_linked_film({"Ann Berg (director)": "Q101", "Bo Lind": "Q102", "Nordfilm": "Q103",
                               "Alpha (film)": "Q104"}), base=BASE)
    film = URIRef(BASE + "film/alpha-film")  # named by its page, "Alpha (film)"
    berg, lind, nordfilm = (URIRef(BASE + p) for p in ("person/ann-berg-director", "person/bo-lind",
                                                        "organization/nordfilm"))
    # Wikidata side: the items, as a query for the Wikidata Query Service asks for them.
    assert (film, WDT.P57, WD.Q101) in g and (film, WDT.P161, WD.Q102) in g and (film, WDT.P272, WD.Q103) in g
    (cast,) = [s for s in g.objects(film, URIRef("http://www.wikidata.org/prop/P161"))
               if g.value(s, PS.P161) == WD.Q102]
    assert str(g.value(cast, PQ.P4633)) == "Karl"
    assert g.value(WD.Q101, RDFS.label) == Literal("Ann Berg", lang="en")
    assert g.value(WD.Q101, SDO.name) == Literal("Ann Berg", lang="en")
    assert (WD.Q101, WDT.P31, WD.Q5) in g and g.value(WD.Q103, RDFS.label) == Literal("Nordfilm", lang="en")
    # schema.org side: the page's own nodes, each owl:sameAs its item.
    assert (film, SDO.director, berg) in g and (film, SDO.productionCompany, nordfilm) in g
    assert (berg, OWL.sameAs, WD.Q101) in g and (lind, OWL.sameAs, WD.Q102) in g and (film, OWL.sameAs, WD.Q104) in g
    assert (berg, RDF.type, SDO.Person) in g and (WD.Q101, RDF.type, SDO.Person) not in g
    # A person without an item stays the film's own node on both sides.
    holm = URIRef(BASE + "film/alpha-film/person/eva-holm")
    assert (film, WDT.P161, holm) in g
    # The nominee of a nomination is the item too.
    (award,) = g.objects(film, URIRef("http://www.wikidata.org/prop/P166"))
    assert g.value(award, PQ.P2453) == WD.Q102


def test_an_award_category_with_a_known_item_is_the_item() -> None:
    from filmgraph import map_film
    film = _linked_film({"Robert Award for Best Actor": "Q105"})
    assert film.nomination[0].page == "Robert Award for Best Actor"
    g = map_film(film, base=BASE)
    assert (URIRef(BASE + "film/alpha-film"), WDT.P166, WD.Q105) in g
    assert (WD.Q105, RDF.type, FG.AwardCategory) in g and g.value(WD.Q105, SDO.name) == Literal("Best Actor")
    assert g.value(WD.Q105, WDT.P361) == URIRef(BASE + "award/robert-awards")
    assert validate_graph(g).conforms


def test_without_items_every_value_is_the_page_node() -> None:
    from filmgraph import map_film
    g = map_film(_linked_film({}), base=BASE)
    assert not [o for o in g.objects() if isinstance(o, URIRef) and str(o).startswith(str(WD) + "Q10")]
    assert (URIRef(BASE + "film/alpha-film"), WDT.P57, URIRef(BASE + "person/ann-berg-director")) in g


def test_a_linked_node_is_labelled_by_its_page_in_every_film() -> None:
    from filmgraph import extract_film, map_film
    from filmgraph.rdf.mapping import page_label
    from filmgraph.read.wikitext import parse_wikitext
    assert page_label("Walter Hill (director)") == "Walter Hill" and page_label("ann_Berg") == "Ann Berg"
    assert page_label("M*A*S*H (film)") == "M*A*S*H" and page_label("(Untitled)") == "(Untitled)"
    page = ("{{Infobox film\n| director = [[Kirk Thornton|Sparky Thornton]]\n"
            "| studio = [[Nordfilm (company)|Nordfilm]]\n}}\n'''Alpha''' is a film.")
    g = map_film(extract_film(parse_wikitext(page, source="")), base=BASE)
    thornton, nordfilm = URIRef(BASE + "person/kirk-thornton"), URIRef(BASE + "organization/nordfilm-company")
    # The film's credit is the name; the page is the label, the same in every film that links it.
    assert g.value(thornton, SDO.name) == Literal("Sparky Thornton")
    assert g.value(thornton, RDFS.label) == Literal("Kirk Thornton", lang="en")
    assert g.value(nordfilm, RDFS.label) == Literal("Nordfilm", lang="en")


def test_a_language_is_its_item_named_with_its_code_in_both_vocabularies() -> None:
    from filmgraph import extract_film, map_film, parse_article

    g = map_film(extract_film(parse_article("= Thira =\nInfobox\n- Director: Ann Berg\n- Language: Tamil\n",
                                            source="urn:x")))
    (film,) = g.subjects(RDF.type, SDO.Movie)
    tamil = WD.Q5885
    assert (film, SDO.inLanguage, tamil) in g and (film, WDT.P364, tamil) in g
    assert (tamil, SDO.name, Literal("Tamil", lang="en")) in g and (tamil, SDO.alternateName, Literal("ta")) in g


def test_vocabulary_terms_are_made_once_and_closed_namespaces_stay_closed() -> None:
    """A term is one URIRef however often it is looked up; RDF, XSD … still refuse a term they do not define."""
    assert SDO.director is SDO.director and WD["Q5"] is WD.Q5 and RDF.type is RDF["type"]
    assert (SDO.director, RDF.type, XSD.gYear) == (URIRef("http://schema.org/director"),
                                                  URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                                  URIRef("http://www.w3.org/2001/XMLSchema#gYear"))
    with pytest.raises(AttributeError, match="term 'typo' not in namespace"):
        RDF.typo  # noqa: B018 - the look-up is what is tested
