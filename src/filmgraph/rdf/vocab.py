"""Every RDF namespace and fixed term filmgraph writes; no other module spells an IRI."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, XSD

from filmgraph import defaults
from filmgraph.pages import COMMONS_FILE_PATH

SDO = Namespace("http://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
P = Namespace("http://www.wikidata.org/prop/")
PS = Namespace("http://www.wikidata.org/prop/statement/")
PSV = Namespace("http://www.wikidata.org/prop/statement/value/")
PQ = Namespace("http://www.wikidata.org/prop/qualifier/")
PQV = Namespace("http://www.wikidata.org/prop/qualifier/value/")
PR = Namespace("http://www.wikidata.org/prop/reference/")
WIKIBASE = Namespace("http://wikiba.se/ontology#")
FG = Namespace("https://w3id.org/filmgraph/ontology#")

DEFAULT_BASE = defaults.BASE

PREFIXES: dict[str, Namespace] = {
    "schema": SDO,
    "wd": WD,
    "wdt": WDT,
    "p": P,
    "ps": PS,
    "psv": PSV,
    "pq": PQ,
    "pqv": PQV,
    "pr": PR,
    "wikibase": WIKIBASE,
    "prov": Namespace(str(PROV)),
    "rdfs": Namespace(str(RDFS)),
    "xsd": Namespace(str(XSD)),
    "owl": Namespace(str(OWL)),
    "fg": FG,
}

# Wikidata's RDF gives a Commons file (P18) as its Special:FilePath URL (filmgraph.pages.commons_file).
COMMONS_FILE = COMMONS_FILE_PATH
FILM_ITEM = WD.Q11424
HUMAN_ITEM = WD.Q5
MINUTE_ITEM = WD.Q7727
# Wikidata's time precision codes on wikibase:TimeValue nodes, by the datatype a date is kept in at its precision.
TIME_PRECISION = {XSD.gYear: 9, XSD.gYearMonth: 10, XSD.date: 11}
GREGORIAN = WD.Q1985727  # the calendar model of every time Wikidata writes in the proleptic Gregorian calendar
# The language of the labels filmgraph writes (rdfs:label, and an item's schema:name): English Wikipedia's.
LABEL_LANGUAGE = "en"

__all__ = ["OWL", "SDO", "WD", "WDT", "P", "PS", "PSV", "PQ", "PQV", "PR", "WIKIBASE", "FG", "PROV", "RDF", "RDFS",
           "XSD", "PREFIXES", "COMMONS_FILE", "DEFAULT_BASE", "FILM_ITEM", "HUMAN_ITEM", "MINUTE_ITEM",
           "TIME_PRECISION", "GREGORIAN", "LABEL_LANGUAGE"]
