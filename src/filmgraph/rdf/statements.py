"""Statement records: what the mapper produces, and what every writer reads.

A :class:`Statement` is one Wikidata-style claim about the film (property, value, the value's
quantity node, qualifiers and references) with the schema.org triples that state the same fact
beside it. A :class:`MappedFilm` holds a film's statements and the triples that describe the nodes
they point at (names, types, places). :meth:`MappedFilm.to_graph` is the one place these become
rdflib triples; the QuickStatements writer and the fast serialisers read the records directly.

The records hold a fact as the article states it, in Wikibase's data model: a date is kept at its
precision (``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``: a time and its precision). :meth:`Statement.triples`
is the RDF binding, written as Wikidata's RDF dumps write it, so that a query written for the Wikidata Query
Service runs unchanged: every statement is ``a wikibase:Statement, wikibase:BestRank`` (filmgraph states each at
normal rank, so each is best), and a time on ``wdt:``, ``ps:`` and ``pq:`` is an ``xsd:dateTime`` at midnight
UTC, its precision, time zone and calendar model on the ``psv:``/``pqv:`` ``wikibase:TimeValue`` node.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from filmgraph.rdf.vocab import (
    GREGORIAN,
    PQ,
    PQV,
    PR,
    PREFIXES,
    PROV,
    PS,
    PSV,
    RDF,
    TIME_PRECISION,
    WDT,
    WIKIBASE,
    XSD,
    P,
)

Triple = tuple[Node, Node, Node]


@dataclass(frozen=True)
class Reference:
    """Where a statement was read: the page (``pr:P854``) and its section (``pr:P958``)."""

    iri: URIRef
    page: URIRef
    section: str
    details: list[tuple[URIRef, Node]] = field(default_factory=list, hash=False, compare=False)  # pr:P813, P143


@dataclass
class Statement:
    """One claim: ``subject`` has ``property`` (a Wikidata P-id) with ``value``."""

    iri: URIRef
    subject: URIRef
    property: str
    value: Node
    value_node: list[tuple[URIRef, Node]] = field(default_factory=list)  # psv: quantity details
    qualifiers: list[tuple[str, Node]] = field(default_factory=list)  # (P-id, value)
    references: list[Reference] = field(default_factory=list)
    schema: list[Triple] = field(default_factory=list)  # the same fact in schema.org
    # "preferred" for the headline value among others of its property (the infobox's box office beside a
    # weekend's takings the prose gives): then only it is truthy (wdt:), as in Wikidata
    rank: str = "normal"

    def triples(self, *, with_references: bool = True, truthy: bool = True) -> Iterator[Triple]:
        """The truthy ``wdt:`` triple (when ``truthy``: a statement of the best rank of its property, typed
        ``wikibase:BestRank`` as Wikidata types them), the full ``p:``/``ps:``/``psv:``/``pq:``/``pqv:``
        statement and (unless the caller writes them once for all statements) its references' own triples."""
        yield from self.schema
        value = wikidata_term(self.value)
        if truthy:
            yield self.subject, _term(WDT, self.property), value
        yield self.subject, _term(P, self.property), self.iri
        yield self.iri, _TYPE, _STATEMENT
        if truthy:
            yield self.iri, _TYPE, _BEST_RANK
        yield self.iri, _RANK, _PREFERRED_RANK if self.rank == "preferred" else _NORMAL_RANK
        yield self.iri, _term(PS, self.property), value
        details = self.value_node or time_value(self.value)
        if details:
            node = URIRef(f"{self.iri}/value")
            yield self.iri, _term(PSV, self.property), node
            for predicate, term in details:
                yield node, predicate, term
        for qualifier, term in self.qualifiers:
            yield self.iri, _term(PQ, qualifier), wikidata_term(term)
            details = time_value(term)
            if details:  # a time qualifier's own value node, named by the qualifier and the date
                node = URIRef(f"{self.iri}/{qualifier}/{term}")
                yield self.iri, _term(PQV, qualifier), node
                for predicate, detail in details:
                    yield node, predicate, detail
        for reference in self.references:
            yield self.iri, _DERIVED_FROM, reference.iri
            if with_references:
                yield from reference_triples(reference)


# The fixed terms, made once: a Namespace lookup builds and checks a new URIRef every time.
_TYPE, _STATEMENT, _RANK, _NORMAL_RANK = RDF.type, WIKIBASE.Statement, WIKIBASE.rank, WIKIBASE.NormalRank
_BEST_RANK = WIKIBASE.BestRank
_PREFERRED_RANK = WIKIBASE.PreferredRank
_DERIVED_FROM, _REFERENCE, _P854, _P958 = PROV.wasDerivedFrom, WIKIBASE.Reference, PR.P854, PR.P958


_DATE_RE = re.compile(r"(\d{4,})(?:-(\d\d))?(?:-(\d\d))?")


@functools.lru_cache(maxsize=4096)
def _time(term: Literal) -> tuple[Literal, int] | None:
    precision = TIME_PRECISION.get(term.datatype) if term.datatype is not None else None
    found = _DATE_RE.fullmatch(str(term)) if precision is not None else None
    if found is None:
        return None
    year, month, day = found.group(1), found.group(2) or "01", found.group(3) or "01"
    # normalize=False: rdflib would rewrite "Z" as "+00:00"; Wikidata writes "Z".
    return Literal(f"{year}-{month}-{day}T00:00:00Z", datatype=XSD.dateTime, normalize=False), precision


def wikidata_term(term: Node) -> Node:
    """A term as Wikidata's RDF writes it on ``wdt:``, ``ps:`` and ``pq:``: a date kept at its precision
    becomes an ``xsd:dateTime`` at midnight UTC; any other term is itself.

    >>> wikidata_term(Literal("1969-05", datatype=XSD.gYearMonth)).n3()
    '"1969-05-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>'
    """
    time = _time(term) if isinstance(term, Literal) else None
    return time[0] if time else term


def time_value(term: Node) -> list[tuple[URIRef, Node]]:
    """The ``wikibase:TimeValue`` node's description of a date kept at its precision (none for another
    term): its time, precision (9 year, 10 month, 11 day), time zone (UTC) and calendar model.

    >>> [(p.split("#")[-1], str(o)) for p, o in time_value(Literal("1969", datatype=XSD.gYear))][1:4]
    [('timeValue', '1969-01-01T00:00:00Z'), ('timePrecision', '9'), ('timeTimezone', '0')]
    """
    time = _time(term) if isinstance(term, Literal) else None
    if time is None:
        return []
    stamp, precision = time
    return [(_TYPE, _TIME_VALUE), (_TIME_STAMP, stamp), (_TIME_PRECISION, _PRECISIONS[precision]),
            (_TIME_ZONE, _UTC), (_CALENDAR, GREGORIAN)]


_TIME_VALUE, _TIME_STAMP, _TIME_PRECISION = WIKIBASE.TimeValue, WIKIBASE.timeValue, WIKIBASE.timePrecision
_TIME_ZONE, _CALENDAR, _UTC = WIKIBASE.timeTimezone, WIKIBASE.timeCalendarModel, Literal(0)
_PRECISIONS = {precision: Literal(precision) for precision in TIME_PRECISION.values()}  # made once, not per date


@functools.lru_cache(maxsize=4096)
def _term(namespace: Namespace, local: str) -> URIRef:
    return namespace[local]


def reference_triples(reference: Reference) -> Iterator[Triple]:
    yield reference.iri, _TYPE, _REFERENCE
    yield reference.iri, _P854, reference.page
    yield reference.iri, _P958, Literal(reference.section)
    for predicate, term in reference.details:
        yield reference.iri, predicate, term


@dataclass
class MappedFilm:
    """A film as statement records, plus the triples describing the nodes they mention."""

    iri: URIRef
    page: URIRef
    statements: list[Statement] = field(default_factory=list)
    triples: list[Triple] = field(default_factory=list)

    def truthy(self, statement: Statement) -> bool:
        """Whether a statement is of the best rank among its property's: its value is a ``wdt:`` one."""
        return statement.rank == "preferred" or not any(
            other.rank == "preferred" and other.property == statement.property for other in self.statements)

    def all_triples(self) -> Iterator[Triple]:
        yield from self.triples
        references: dict[URIRef, Reference] = {}
        preferred = {statement.property for statement in self.statements if statement.rank == "preferred"}
        for statement in self.statements:
            yield from statement.triples(with_references=False, truthy=statement.rank == "preferred"
                                         or statement.property not in preferred)
            for reference in statement.references:
                references.setdefault(reference.iri, reference)
        for reference in references.values():  # many statements cite one section: its triples once
            yield from reference_triples(reference)

    def to_graph(self) -> Graph:
        """The rdflib Graph of the film: every statement and description, filmgraph's prefixes bound."""
        return graph_of(self.all_triples())


def graph_of(triples: Iterable[Triple]) -> Graph:
    """An rdflib Graph of these triples, with filmgraph's prefixes bound."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    for triple in triples:
        graph.add(triple)
    return graph
