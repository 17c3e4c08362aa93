"""Every RDF namespace and fixed term filmgraph writes; no other module spells an IRI."""

from __future__ import annotations

from functools import cache, lru_cache

from rdflib import Namespace, URIRef, namespace

from filmgraph import defaults
from filmgraph.pages import COMMONS_FILE_PATH


class TermNamespace(Namespace):
    """rdflib's Namespace, with each term made once: a look-up (``SDO.name``, ``WD["Q5"]``) otherwise builds and
    checks a new URIRef every time, and the mapper looks up the same few terms for every triple."""

    def term(self, name: str) -> URIRef:
        return _term(str(self), name) if isinstance(name, str) else super().term(name)

    def __getattr__(self, name: str) -> URIRef:
        found = super().__getattr__(name)
        # Kept as the instance's attribute: the next ``SDO.name`` is a plain look-up, not a call of this method
        # (the mapper and the shapes ask for a few dozen names some four hundred times a film).
        self.__dict__[name] = found
        return found


@lru_cache(maxsize=1024)  # the vocabulary's terms, and the items a few pages name
def _term(namespace: str, name: str) -> URIRef:
    return URIRef(namespace + name)


class DefinedTermNamespace(TermNamespace):
    """One of rdflib's closed namespaces (RDF, XSD …), each term made once: rdflib checks every look-up against
    the namespace's terms (an unknown one still fails, on its first look-up). Its terms are attributes, so a term
    named like a ``str`` method would need ``RDF["…"]``: none of the terms filmgraph writes is."""

    _defined: type[namespace.DefinedNamespace]

    def __new__(cls, defined: type[namespace.DefinedNamespace]) -> DefinedTermNamespace:
        made = super().__new__(cls, str(defined))
        made._defined = defined
        return made

    def term(self, name: str) -> URIRef:
        return _defined_term(self._defined, name) if isinstance(name, str) else super().term(name)


@cache  # a closed namespace's few terms
def _defined_term(defined: type[namespace.DefinedNamespace], name: str) -> URIRef:
    return defined[name]


RDF = DefinedTermNamespace(namespace.RDF)
RDFS = DefinedTermNamespace(namespace.RDFS)
OWL = DefinedTermNamespace(namespace.OWL)
XSD = DefinedTermNamespace(namespace.XSD)
PROV = DefinedTermNamespace(namespace.PROV)
SDO = TermNamespace("http://schema.org/")
WD = TermNamespace("http://www.wikidata.org/entity/")
WDT = TermNamespace("http://www.wikidata.org/prop/direct/")
P = TermNamespace("http://www.wikidata.org/prop/")
PS = TermNamespace("http://www.wikidata.org/prop/statement/")
PSV = TermNamespace("http://www.wikidata.org/prop/statement/value/")
PQ = TermNamespace("http://www.wikidata.org/prop/qualifier/")
PQV = TermNamespace("http://www.wikidata.org/prop/qualifier/value/")
PR = TermNamespace("http://www.wikidata.org/prop/reference/")
WIKIBASE = TermNamespace("http://wikiba.se/ontology#")
FG = TermNamespace("https://w3id.org/filmgraph/ontology#")

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
