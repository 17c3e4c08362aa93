"""Statement records: what the mapper produces, and what every writer reads.

A :class:`Statement` is one Wikidata-style claim about the film (property, value, the value's
time/quantity node, qualifiers and references) with the schema.org triples that state the same fact
beside it. A :class:`MappedFilm` holds a film's statements and the triples that describe the nodes
they point at (names, types, places). :meth:`MappedFilm.to_graph` is the one place these become
rdflib triples; the QuickStatements writer and the fast serialisers read the records directly.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from filmgraph.rdf.vocab import PQ, PR, PREFIXES, PROV, PS, PSV, RDF, WDT, WIKIBASE, P

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
    value_node: list[tuple[URIRef, Node]] = field(default_factory=list)  # psv: time or quantity details
    qualifiers: list[tuple[str, Node]] = field(default_factory=list)  # (P-id, value)
    references: list[Reference] = field(default_factory=list)
    schema: list[Triple] = field(default_factory=list)  # the same fact in schema.org
    # "preferred" for the headline value among others of its property (the infobox's box office beside a
    # weekend's takings the prose gives): then only it is truthy (wdt:), as in Wikidata
    rank: str = "normal"

    def triples(self, *, with_references: bool = True, truthy: bool = True) -> Iterator[Triple]:
        """The truthy ``wdt:`` triple (when ``truthy``: a statement of the best rank of its property), the full
        ``p:``/``ps:``/``psv:``/``pq:`` statement and (unless the caller writes them once for all statements)
        its references' own triples."""
        yield from self.schema
        if truthy:
            yield self.subject, _term(WDT, self.property), self.value
        yield self.subject, _term(P, self.property), self.iri
        yield self.iri, _TYPE, _STATEMENT
        yield self.iri, _RANK, _PREFERRED_RANK if self.rank == "preferred" else _NORMAL_RANK
        yield self.iri, _term(PS, self.property), self.value
        if self.value_node:
            value = URIRef(f"{self.iri}/value")
            yield self.iri, _term(PSV, self.property), value
            for predicate, term in self.value_node:
                yield value, predicate, term
        for qualifier, term in self.qualifiers:
            yield self.iri, _term(PQ, qualifier), term
        for reference in self.references:
            yield self.iri, _DERIVED_FROM, reference.iri
            if with_references:
                yield from reference_triples(reference)


# The fixed terms, made once: a Namespace lookup builds and checks a new URIRef every time.
_TYPE, _STATEMENT, _RANK, _NORMAL_RANK = RDF.type, WIKIBASE.Statement, WIKIBASE.rank, WIKIBASE.NormalRank
_PREFERRED_RANK = WIKIBASE.PreferredRank
_DERIVED_FROM, _REFERENCE, _P854, _P958 = PROV.wasDerivedFrom, WIKIBASE.Reference, PR.P854, PR.P958


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
