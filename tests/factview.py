"""Project an exported graph onto plain fact tuples, to compare with hand-written expectations.

Facts are read back from the RDF (not from the Film record), so a comparison checks extraction
and mapping together. A crew or cast fact counts only when both vocabularies state it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rdflib import Graph

from filmgraph.rdf.vocab import PREFIXES

_PREFIXES = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items())
CREW = {"director": ("schema:director", "P57"), "screenwriter": ("schema:author", "P58"),
        "producer": ("schema:producer", "P162"), "composer": ("schema:musicBy", "P86")}
CREW_ROLES = {"cinematographer": "P344", "editor": "P1040", "narrator": "P2438"}


def _rows(graph: Graph, query: str) -> list[tuple[Any, ...]]:
    return [tuple(None if v is None else v.toPython() for v in row) for row in graph.query(_PREFIXES + query)]


def _date(value: Any) -> str | None:
    return None if value is None else str(value)


def _time(stamp: Any, precision: Any) -> str | None:
    """A Wikidata time (an xsd:dateTime and its precision on the value node) as the date it states."""
    if stamp is None:
        return None
    return str(stamp)[:{9: 4, 10: 7, 11: 10}[int(precision)]]


def facts(graph: Graph) -> set[tuple[Any, ...]]:
    found: set[tuple[Any, ...]] = set()
    for (title,) in _rows(graph, "SELECT ?t WHERE { ?f a schema:Movie ; schema:name ?t ; wdt:P31 wd:Q11424 }"):
        found.add(("title", str(title)))
    for title, lang in _rows(graph, "SELECT ?t (LANG(?t) AS ?l) WHERE { ?f wdt:P1476 ?t ; schema:alternateName ?t }"):
        found.add(("original_title", str(title), lang or None))
    for (year,) in _rows(graph, "SELECT ?y WHERE { ?f a schema:Movie ; schema:dateCreated ?y }"):
        found.add(("year", str(year)))
    for field, (schema_prop, wd_prop) in CREW.items():
        query = f"SELECT ?n WHERE {{ ?f {schema_prop} ?p ; wdt:{wd_prop} ?p . ?p schema:name ?n }}"
        for (name,) in _rows(graph, query):
            found.add((field, name))
    for field, wd_prop in CREW_ROLES.items():
        for (name,) in _rows(graph, f"""SELECT ?n WHERE {{ ?f wdt:{wd_prop} ?p ; schema:contributor ?r .
                                     ?r schema:contributor ?p . ?p schema:name ?n }}"""):
            found.add((field, name))
    for name, character in _rows(graph, """SELECT ?n ?c WHERE {
            ?f p:P161 ?s . ?s ps:P161 ?p . ?p schema:name ?n . OPTIONAL { ?s pq:P4633 ?c }
            { ?f schema:actor ?p } UNION { ?f schema:actor ?r . ?r schema:actor ?p ; schema:characterName ?c } }"""):
        found.add(("cast", name, character))
    for name, alternates in _rows(graph, """SELECT ?n (GROUP_CONCAT(?a; separator="|") AS ?alts) WHERE {
            ?p a schema:Person ; schema:name ?n . OPTIONAL { ?p schema:alternateName ?a } } GROUP BY ?n"""):
        found.add(("person", name, tuple(sorted(filter(None, (alternates or "").split("|"))))))
    for (name,) in _rows(graph, "SELECT ?n WHERE { ?f schema:productionCompany ?o ; wdt:P272 ?o . ?o schema:name ?n }"):
        found.add(("production_company", name))
    for name, area in _rows(graph, """SELECT ?n ?a WHERE { ?f p:P750 ?s . ?s ps:P750 ?o . ?o schema:name ?n .
            OPTIONAL { ?s pq:P3005 ?place . ?place schema:name ?a } }"""):
        found.add(("distributor", name, area))
    for (name,) in _rows(graph, "SELECT ?n WHERE { ?f fg:salesAgent ?o . ?o schema:name ?n }"):
        found.add(("sales_agent", name))
    for (minutes,) in _rows(graph, "SELECT ?m WHERE { ?f wdt:P2047 ?m ; schema:duration ?d }"):
        found.add(("runtime", int(minutes)))
    for (qid,) in _rows(graph, "SELECT ?c WHERE { ?f wdt:P495 ?c ; schema:countryOfOrigin ?c }"):
        found.add(("country", str(qid).rsplit("/", 1)[-1]))
    for (qid,) in _rows(graph, "SELECT ?c WHERE { ?f wdt:P364 ?c ; schema:inLanguage ?code }"):
        found.add(("language", str(qid).rsplit("/", 1)[-1]))
    for (genre,) in _rows(graph, "SELECT ?g WHERE { ?f a schema:Movie ; schema:genre ?g }"):
        found.add(("genre", str(genre)))
    for when, place in _rows(graph, """SELECT ?d ?pl WHERE { ?f p:P577 ?s . ?s ps:P577 ?t ; psv:P577 ?v .
            ?v wikibase:timeValue ?t ; wikibase:timePrecision ?prec . ?f schema:datePublished ?d .
            FILTER(STR(?d) = SUBSTR(STR(?t), 1, IF(?prec = 9, 4, IF(?prec = 10, 7, 10))))
            OPTIONAL { ?s pq:P291 ?p . ?p schema:name ?pl } }"""):
        found.add(("release", _date(when), place))
    for event, when in _rows(graph, """SELECT ?n ?d WHERE { ?e a schema:ScreeningEvent ; schema:workPresented ?f ;
            schema:name ?n . OPTIONAL { ?e schema:startDate ?d } }"""):
        found.add(("screening", event, _date(when)))
    for statement, body, category, prop, stamp, precision in _rows(graph, """SELECT ?s ?b ?c ?prop ?d ?prec WHERE {
            VALUES ?prop { p:P166 p:P1411 } ?f ?prop ?s . ?s ?ps ?cat . FILTER(?ps IN (ps:P166, ps:P1411))
            ?cat schema:name ?c . OPTIONAL { ?cat wdt:P361 ?body . ?body schema:name ?b }
            OPTIONAL { ?s pq:P585 ?d ; pqv:P585 [ wikibase:timeValue ?d ; wikibase:timePrecision ?prec ] } }"""):
        when = _time(stamp, precision)
        nominees = sorted(str(n) for (n,) in _rows(graph, f"""SELECT ?n WHERE {{ <{statement}> pq:P2453 ?x .
                                                               ?x schema:name ?n }}"""))
        result = "won" if str(prop).endswith("P166") else "nominated"
        found.add(("nomination", body, category, result, _date(when), tuple(nominees)))
    for field, prop in (("budget", "P2130"), ("box_office", "P2142"), ("admissions", "P5436")):
        for amount, unit, lower in _rows(graph, f"""SELECT ?a ?u ?lb WHERE {{ ?f p:{prop} ?s . ?s psv:{prop} ?v .
                ?v wikibase:quantityAmount ?a ; wikibase:quantityUnit ?u .
                OPTIONAL {{ ?v wikibase:quantityLowerBound ?lb }} }}"""):
            unit_id = str(unit).rsplit("/", 1)[-1]
            found.add((field, float(amount), None if unit_id == "Q199" else unit_id,
                       None if lower is None else float(lower)))
    for name, within, start, start_precision, end, end_precision in _rows(graph, """
            SELECT ?n ?w ?st ?sp ?en ?ep WHERE { ?f p:P915 ?s . ?s ps:P915 ?pl .
            ?f schema:locationCreated ?pl . ?pl schema:name ?n . OPTIONAL { ?pl schema:containedInPlace ?wp .
            ?wp schema:name ?w }
            OPTIONAL { ?s pq:P580 ?st ; pqv:P580 [ wikibase:timeValue ?st ; wikibase:timePrecision ?sp ] }
            OPTIONAL { ?s pq:P582 ?en ; pqv:P582 [ wikibase:timeValue ?en ; wikibase:timePrecision ?ep ] } }"""):
        found.add(("filming_location", name, within, _time(start, start_precision), _time(end, end_precision)))
    for (name,) in _rows(graph, "SELECT ?n WHERE { ?f schema:about ?c ; wdt:P921 ?c . ?c schema:name ?n }"):
        found.add(("main_subject", str(name)))
    for (wins,) in _rows(graph, "SELECT ?w WHERE { ?t a fg:AwardTally ; fg:wins ?w }"):
        found.add(("award_tally", int(wins)))
    return found


def _freeze(item: Any) -> Any:
    return tuple(_freeze(x) for x in item) if isinstance(item, list) else item


def expected_facts(path: Path) -> set[tuple[Any, ...]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {_freeze(fact) for fact in data["facts"]}
