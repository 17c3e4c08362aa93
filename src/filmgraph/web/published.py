"""A store as a server publishes it: opened read-only, its IRIs at the server's address, and what each page
reads from it — a resource's description, a film's graph, who worked on which films — each in a few index
look-ups (Oxigraph's quad indexes, never a SPARQL GROUP BY), so a page costs what it shows. Decoding a term is
what a look-up costs most, so what repeats is read so that the store drops the repeats first: a person's
filmography in one query whose joins the store makes on its own identifiers, a node named in many films' graphs
(its triples copied in each) by ``SELECT DISTINCT``.

IRIs: the store's films were minted under one base (``<base>film/<name>``: the ``--base`` given to ``export`` or
``load``); the server publishes them under its own address. Every IRI under the minted base is shown under the
public base, in pages, documents and SPARQL answers, and an IRI of a request or a query under the public base is
read as the minted one. When the two are the same nothing is rewritten.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple, cast

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from filmgraph.errors import FilmgraphError
from filmgraph.formats import RdfFormat
from filmgraph.rdf.vocab import FG, OWL, PQ, PQV, PREFIXES, PS, RDF, RDFS, SDO, WDT, WIKIBASE, XSD, P
from filmgraph.rdf.write import serialize
from filmgraph.store.results import first_line
from filmgraph.web.records import CreditRow, FilmRecords

Triple = tuple[Node, Node, Node]

_TYPE = ox.NamedNode(str(RDF.type))
_NAME = ox.NamedNode(str(SDO.name))
_LABEL = ox.NamedNode(str(RDFS.label))
_MOVIE = ox.NamedNode(str(SDO.Movie))
_PERSON = ox.NamedNode(str(SDO.Person))
_ORGANIZATION = ox.NamedNode(str(SDO.Organization))
_CATEGORY = ox.NamedNode(str(FG.AwardCategory))
_XSD_STRING = str(XSD.string)
_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
_LANG_STRING = str(RDF.langString)
# The namespaces of the nodes that only say something about another (a statement, its value nodes, a role, a
# reference, a tally of wins): a resource's description carries those it links to, as Wikidata's entity data
# carries its statements.
DEPENDENT_KINDS = ("statement", "role", "reference", "tally")
_DESCRIPTION_DEPTH = 4  # film → statement → value node → …; a reference hangs off a statement
_YEAR_RE = re.compile(r"^-?\d{4}")
# The roles a film names a person or company in directly (schema.org's side).
CREDITS = {str(SDO.director): "director", str(SDO.author): "screenwriter", str(SDO.producer): "producer",
           str(SDO.musicBy): "composer", str(SDO.productionCompany): "production company",
           str(SDO.publisher): "distributor"}
_ACTOR, _CONTRIBUTOR = str(SDO.actor), str(SDO.contributor)
CREDIT_LINKS = (*CREDITS, _ACTOR, _CONTRIBUTOR)  # what links a film to a person or company it credits
_CHARACTER, _ROLE_NAME = str(SDO.characterName), str(SDO.roleName)
AWARD_CLAIMS = {str(P.P166): (str(PS.P166), "won"), str(P.P1411): (str(PS.P1411), "nominated")}


@dataclass(frozen=True)
class FilmEntry:
    """A film as the indexes list it."""

    iri: str  # public
    name: str
    year: int | None
    countries: tuple[str, ...]
    languages: tuple[str, ...]


@dataclass
class Catalogue:
    """What the index pages, the search and the sitemap list, read once (the store does not change while it is
    served): films, people, companies and award categories under the public base, with their names."""

    films: dict[str, FilmEntry] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)
    companies: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Credit:
    """One line of a filmography: a film, what the person or company did on it, and its detail (a character, a
    category)."""

    film: str  # public IRI
    film_name: str
    year: int | None
    role: str
    detail: str = ""
    detail_node: str | None = None  # public IRI (an award category)
    result: str = ""
    date: str = ""


class FilmLink(NamedTuple):
    """A film's credit of a node, as :meth:`Published.filmographies` keeps it: the link (its number in
    :data:`CREDIT_LINKS`), the film (minted IRI), and, for a role node, its details joined (None: no role node)."""

    kind: int
    film: str
    detail: str | None


def _value(term: Any) -> str | None:
    return None if term is None else term.value


def rdflib_term(term: Any, iri: Callable[[str], str] = str) -> Node:
    """A pyoxigraph term as an rdflib one (an IRI through ``iri``: the public address of a minted one)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(iri(term.value))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype), normalize=False)
    return Literal(str(term))  # an RDF-star triple term: shown as its text


def rdflib_terms(triples: Iterable[Any], iri: Callable[[str], str] = str) -> list[Triple]:
    """pyoxigraph triples or quads (their graphs left out) as rdflib triples, each distinct term made once."""
    made: dict[Any, Node] = {}

    def convert(term: Any) -> Node:
        found = made.get(term)
        if found is None:
            found = made[term] = rdflib_term(term, iri)
        return found

    return [(convert(t.subject), convert(t.predicate), convert(t.object)) for t in triples]


def write_triples(triples: list[Any], fmt: RdfFormat) -> bytes:
    """pyoxigraph triples as a document: Turtle (filmgraph's prefixes) and N-Triples written by pyoxigraph,
    JSON-LD by filmgraph's own writer (compact, offline context), as ``filmgraph export`` writes it."""
    if fmt is RdfFormat.JSON_LD:
        return serialize(rdflib_terms(triples), fmt).encode("utf-8")
    if fmt is RdfFormat.TURTLE:
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=_PREFIXES)
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


def open_read_only(path: str | Path) -> Any:
    """The Oxigraph store at ``path`` opened read-only: nothing served can write to it, and a ``filmgraph load``
    may run beside it (the server keeps answering from what it opened).

    :raises FilmgraphError: no store there, or it cannot be opened.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise FilmgraphError(f"{folder}: no store there (filmgraph load FILE --store {folder} creates one)")
    try:
        return ox.Store.read_only(str(folder))
    except OSError as exc:
        raise FilmgraphError(f"{folder}: cannot open store (read-only): {first_line(str(exc))}") from exc


def store_time(path: str | Path) -> float:
    """When the store was last written (its newest file): the Last-Modified of everything served from it."""
    times = [entry.stat().st_mtime for entry in os.scandir(path) if entry.is_file()]
    return max(times) if times else 0.0


def minted_base_of(store: Any) -> str | None:
    """The base the store's films were minted under (``<base>film/<name>``), the most common one."""
    bases: Counter[str] = Counter()
    for count, quad in enumerate(store.quads_for_pattern(None, _TYPE, _MOVIE, None)):
        iri = quad.subject.value if isinstance(quad.subject, ox.NamedNode) else ""
        cut = iri.rfind("/film/")
        if cut >= 0:
            bases[iri[: cut + 1]] += 1
        if count >= 1000:
            break
    return bases.most_common(1)[0][0] if bases else None


class Published:
    """A read-only store published under ``base`` (its IRIs minted under ``minted_base``, found in the store when
    not given; its :meth:`catalogue` and :meth:`filmographies` given when they were read before, of the same store
    under the same base)."""

    def __init__(self, path: str | Path, *, base: str, minted_base: str | None = None,
                 catalogue: Catalogue | None = None,
                 filmographies: dict[str, list[FilmLink]] | None = None) -> None:
        if not re.match(r"^https?://[^/\s]+/", base):
            raise FilmgraphError(f"{base}: the base must be an http:// or https:// address ending in /")
        self.path = Path(path)
        self.store = open_read_only(self.path)
        self.base = base
        self.minted = minted_base or minted_base_of(self.store) or base
        self.loaded = store_time(self.path)
        # the films' descriptions written beside the store, when written from it as it is now (else None)
        self.records = FilmRecords.open(self.path, self.loaded)
        self._catalogue: Catalogue | None = catalogue
        self._folded_titles: list[tuple[str, FilmEntry]] | None = None
        self._category_labels: dict[str, str] = {}
        # read by :meth:`filmographies`, or before, of the same store (by a server's parent process, for its workers)
        self._filmographies: dict[str, list[FilmLink]] | None = filmographies
        # what :meth:`exists` answered, kept while a film's record is written (its page's links depend on it)
        self.checked: dict[str, bool] | None = None

    # ------------------------------------------------------------------ IRIs and terms

    def public(self, iri: str) -> str:
        return self.base + iri[len(self.minted):] if iri.startswith(self.minted) else iri

    def minted_iri(self, iri: str) -> str:
        return self.minted + iri[len(self.base):] if iri.startswith(self.base) else iri

    def is_local(self, iri: str) -> bool:
        """An IRI this server publishes (under its public base)."""
        return iri.startswith(self.base)

    def term(self, term: Any) -> Node:
        """A pyoxigraph term as an rdflib one, its IRI at the public address."""
        return rdflib_term(term, self.public)

    def node(self, public_iri: str) -> Any:
        return ox.NamedNode(self.minted_iri(public_iri))

    def _triples(self, quads: Iterable[Any]) -> list[Triple]:
        return list(dict.fromkeys(rdflib_terms(quads, self.public)))

    # ------------------------------------------------------------------ what a resource is

    def exists(self, public_iri: str) -> bool:
        """Whether the store says anything about the IRI (as a subject), or holds a graph of that name."""
        try:
            node = self.node(public_iri)
        except ValueError:  # no IRI (a request for "/<x>")
            return False
        found = next(iter(self.store.quads_for_pattern(node, None, None, None)), None) is not None or \
            self.store.contains_named_graph(node)
        if self.checked is not None:
            self.checked[public_iri] = found
        return found

    def _objects(self, public_iri: str, props: Iterable[str]) -> list[Any]:
        """The node's values of some properties, each once: a person's triples are repeated in the graph of each
        film that names them, and the store drops the repeats before it decodes a term (a quad look-up would
        decode every copy)."""
        wanted = " ".join(f"<{prop}>" for prop in props)
        return [row[0] for row in self.store.query(f"SELECT DISTINCT ?value {{ VALUES ?property {{ {wanted} }} "
                                                   f"{self.node(public_iri)} ?property ?value }}",
                                                   use_default_graph_as_union=True)]

    def types(self, public_iri: str) -> set[str]:
        return {term.value for term in self._objects(public_iri, [str(RDF.type)]) if isinstance(term, ox.NamedNode)}

    def is_graph(self, public_iri: str) -> bool:
        return self.store.contains_named_graph(self.node(public_iri))

    def name(self, public_iri: str) -> str:
        """A node's name (schema:name, else rdfs:label, else the end of its IRI)."""
        node = self.node(public_iri)
        for prop in (_NAME, _LABEL):
            for quad in self.store.quads_for_pattern(node, prop, None, None):
                return quad.object.value
        return public_iri.rstrip("/").rsplit("/", 1)[-1] or public_iri

    def _dependent(self, iri: str) -> bool:
        if not iri.startswith(self.minted):
            return False
        return iri[len(self.minted):].split("/", 1)[0] in DEPENDENT_KINDS

    def description(self, public_iri: str) -> list[Triple]:
        """The resource's own triples and those of its statement, value, role, reference and tally nodes (once
        each, whatever graphs hold them); for a graph's name (a film's article), the whole graph."""
        return rdflib_terms(self.description_triples(public_iri))

    def own_triples(self, public_iri: str) -> list[Triple]:
        """The triples whose subject is the node (once each)."""
        return list(dict.fromkeys(self._triples(self.store.quads_for_pattern(self.node(public_iri), None, None,
                                                                             None))))

    def _public_term(self, term: Any, made: dict[Any, tuple[Any, bool]]) -> tuple[Any, bool]:
        """A term at the public address, and whether a description follows it (a blank node, or a dependent node:
        a statement, a role…); kept in ``made``, for a description meets the same terms many times."""
        found = made.get(term)
        if found is None:
            if isinstance(term, ox.NamedNode):
                iri = term.value
                public = ox.NamedNode(self.public(iri)) if iri.startswith(self.minted) and self.minted != self.base \
                    else term
                found = made[term] = (public, self._dependent(iri))
            else:
                found = made[term] = (term, isinstance(term, ox.BlankNode))
        return found

    def description_triples(self, public_iri: str) -> list[Any]:
        """:meth:`description` as pyoxigraph triples (what the documents are written from): a film's from its
        record when the store has records (:func:`filmgraph.web.site.write_records`), else read from the store."""
        recorded = self.records.triples(self.minted_iri(public_iri)) if self.records is not None else None
        if recorded is None:
            return self._read_description(public_iri)
        if self.minted == self.base:
            return recorded
        made: dict[Any, tuple[Any, bool]] = {}
        return [ox.Triple(self._public_term(t.subject, made)[0], t.predicate, self._public_term(t.object, made)[0])
                for t in recorded]

    def _read_description(self, public_iri: str) -> list[Any]:
        """:meth:`description_triples` read from the store."""
        node = self.node(public_iri)
        made: dict[Any, tuple[Any, bool]] = {}
        triples: list[Any] = []
        if self.store.contains_named_graph(node):
            triples += (ox.Triple(self._public_term(q.subject, made)[0], q.predicate,
                                  self._public_term(q.object, made)[0])
                        for q in self.store.quads_for_pattern(None, None, None, node))
        seen = {node}
        frontier = [node]
        for _ in range(_DESCRIPTION_DEPTH + 1):
            following = []
            last, public_subject = None, None
            for subject, predicate, obj in self._own_triples(frontier):
                if subject is not last:  # a subject's triples come together
                    last, public_subject = subject, self._public_term(subject, made)[0]
                public, follows = made.get(obj) or self._public_term(obj, made)
                triples.append(ox.Triple(public_subject, predicate, public))
                if follows and obj not in seen:
                    seen.add(obj)
                    following.append(obj)
            frontier = following
            if not frontier:
                break
        # a subject's triples are read once each (seen), but the graph's may be some of them too
        return list(dict.fromkeys(triples)) if self.store.contains_named_graph(node) else triples

    def _own_triples(self, subjects: list[Any]) -> Iterator[tuple[Any, Any, Any]]:
        """The triples whose subject is one of ``subjects``, in every graph, a subject's together, in the order of
        ``subjects``. The IRIs' in one query, which keeps each triple once before it decodes it (a person's triples
        are repeated in the graph of each of their films) and decodes no subject (each is answered as its number in
        the list, an integer the store decodes without reading its table of terms); a blank node's by a look-up."""
        named = [subject for subject in subjects if isinstance(subject, ox.NamedNode)]
        if named:
            values = " ".join(f"({subject} {number})" for number, subject in enumerate(named))
            rows = self.store.query(f"SELECT DISTINCT ?n ?p ?o {{ VALUES (?s ?n) {{ {values} }} ?s ?p ?o }}",
                                    use_default_graph_as_union=True)
            found = [(int(number.value), predicate, obj) for number, predicate, obj in rows]
            found.sort(key=itemgetter(0))  # stable: each subject's in the store's order
            yield from ((named[number], predicate, obj) for number, predicate, obj in found)
        for subject in subjects:
            if not isinstance(subject, ox.NamedNode):
                yield from ((q.subject, q.predicate, q.object) for q in self.store.quads_for_pattern(subject, None,
                                                                                                    None, None))

    def film_graphs(self, public_iri: str) -> list[Any]:
        """The named graphs that describe the film as a film: its own article's (schema:subjectOf names it; another
        film's graph that mentions it as a film is not read), else those that say it is a film."""
        film = self.node(public_iri)
        articles = [q.object for q in self.store.quads_for_pattern(film, ox.NamedNode(str(SDO.subjectOf)), None, None)
                    if isinstance(q.object, ox.NamedNode) and self.store.contains_named_graph(q.object)]
        return list(dict.fromkeys(articles or [q.graph_name for q in self.store.quads_for_pattern(film, _TYPE,
                                                                                                _MOVIE, None)]))

    def film_graph(self, public_iri: str, read_ahead: Iterable[str] = ()) -> Graph:
        """The film's graphs (:meth:`film_graphs`), read as the page builder reads an rdflib Graph
        (:class:`GraphView`: no copy of its triples is made; the triples of the ``read_ahead`` properties are read
        in one query)."""
        return cast(Graph, GraphView(self, self.film_graphs(public_iri), read_ahead=read_ahead))

    def same_as(self, public_iri: str) -> list[str]:
        """The node's other identities (schema:sameAs, owl:sameAs): its Wikipedia page, DBpedia resource, item."""
        return sorted({term.value for term in self._objects(public_iri, [str(SDO.sameAs), str(OWL.sameAs)])
                       if isinstance(term, ox.NamedNode)})

    def linked_from(self, public_iri: str, limit: int = 500) -> list[tuple[str, str]]:
        """(subject, property) of the triples that point at the node, public IRIs, at most ``limit``."""
        found: dict[tuple[str, str], None] = {}
        for quad in self.store.quads_for_pattern(None, None, self.node(public_iri), None):
            if isinstance(quad.subject, ox.NamedNode):
                found[(self.public(quad.subject.value), quad.predicate.value)] = None
                if len(found) >= limit:
                    break
        return list(found)

    # ------------------------------------------------------------------ filmographies

    def _film_of(self, node: Any, props: Iterable[str]) -> list[Any]:
        """The films that link to ``node`` (a role or a statement) by one of ``props``."""
        wanted = set(props)
        return list(dict.fromkeys(q.subject for q in self.store.quads_for_pattern(None, None, node, None)
                                  if q.predicate.value in wanted and isinstance(q.subject, ox.NamedNode)))

    def _credit_rows(self, node: str = "?who", film: str = "?film") -> Any:
        """The links that give ``node`` (a node, or ``?who``: every node, answered as ``?who``) a credit on ``film``
        (a film, or ``?film``: every film, answered as ``?film``), in one query whose joins the store makes on its
        own identifiers (a term is decoded only once it is an answer): a film's crew or direct cast link
        (``?kind``, no ``?role``), or a film's role node that names the node (``?role``, with its characters or role
        names as ``?detail``). A look-up a film, each quad decoded whole, costs twice as much on a long
        filmography. ``?kind`` is the link's number in :data:`CREDIT_LINKS`, an integer the store decodes without
        reading its table of terms."""
        crew = " ".join(f"(<{prop}> {number})" for number, prop in enumerate(CREDIT_LINKS))
        roles = " UNION ".join(
            f"{{ ?role <{kind}> {node} . FILTER(isIRI(?role)) {film} <{kind}> ?role . "
            f"OPTIONAL {{ ?role <{detail}> ?detail }} BIND({CREDIT_LINKS.index(kind)} AS ?kind) }}"
            for kind, detail in ((_ACTOR, _CHARACTER), (_CONTRIBUTOR, _ROLE_NAME)))
        links = (f"{{ VALUES (?link ?kind) {{ {crew} }} {film} ?link {node} . {film} <{RDF.type}> <{SDO.Movie}> }} "
                 f"UNION {roles} FILTER(isIRI({film}))")
        # each film's links within its graph (joins in one graph cost less than across the union of all), and
        # those of the default graph (empty in a store filmgraph loads, where each film is a named graph)
        answered = (" ?who" if node == "?who" else "") + (" ?film" if film == "?film" else "")
        return self.store.query(f"SELECT{answered} ?kind ?role ?detail {{ {{ GRAPH ?graph {{ {links} }} }} UNION "
                                f"{{ {links} }} }}")

    def film_credits(self, iri: str) -> list[CreditRow]:
        """The credits a film (minted IRI) gives (:class:`CreditRow`, as :meth:`filmographies` reads them): what a
        film's record keeps, so that a server reads every filmography from the records."""
        return [CreditRow(who.value, int(kind.value), iri, _value(role), _value(detail))
                for who, kind, role, detail in self._credit_rows(film=str(ox.NamedNode(iri)))
                if isinstance(who, ox.NamedNode)]

    def filmographies(self) -> dict[str, list[FilmLink]]:
        """Every node's links to the films that credit it (:class:`FilmLink`), by the node's minted IRI: read as the
        server starts (the store does not change while it is served), so that a person's or a company's page reads
        none (that query cost two thirds of a busy actor's page): from the films' records when every film has one
        (:mod:`filmgraph.web.records`), else in one query. A dependent node (a role, which its film links to) is
        left out: it has no filmography to show, and there are as many as credits."""
        if self._filmographies is None:
            rows: Iterable[CreditRow] | None = None
            if self.records is not None:
                rows = self.records.credits(len(self.catalogue().films))
            if rows is None:
                rows = (CreditRow(who.value, int(kind.value), film.value, _value(role), _value(detail))
                        for who, film, kind, role, detail in self._credit_rows() if isinstance(who, ox.NamedNode))
            self._filmographies = self._film_links(row for row in rows if not self._dependent(row.who))
        return self._filmographies

    def _film_links(self, rows: Iterable[CreditRow]) -> dict[str, list[FilmLink]]:
        """Credit rows as one link a film, by the node credited: a link without a role node as it is, a role
        node's with its details together (its characters, or role names); a link to a film the store does not list
        (no credit) is left out."""
        films = self.catalogue().films
        links: dict[str, list[FilmLink]] = {}
        roles: dict[tuple[str, str, str, int], set[str]] = {}  # (node, role node, film, kind) → its details
        iris: dict[str, str] = {}  # a film's IRI kept once, however many links name the film
        for who, kind, film, role, detail in rows:
            film_iri = iris.setdefault(film, film)
            if self.public(film_iri) not in films:
                continue
            if role is None:  # a crew link, or a cast link without a role node
                links.setdefault(who, []).append(FilmLink(kind, film_iri, None))
            elif self.public(role) not in films:
                details = roles.setdefault((who, role, film_iri, kind), set())
                if detail is not None:
                    details.add(detail)
        for (who, _, film_iri, kind), details in roles.items():
            links.setdefault(who, []).append(FilmLink(kind, film_iri, ", ".join(sorted(details))))
        return links

    def _credit(self, film: str, role: str, **detail: Any) -> Credit | None:
        entry = self.catalogue().films.get(self.public(film))
        if entry is None:
            return None
        return Credit(entry.iri, entry.name, entry.year, role, **detail)

    def credits(self, public_iri: str) -> list[Credit]:
        """What a person or company did on each film of the store: crew and cast roles (with characters), awards
        and nominations they are named in (with category, result and date), by year and film. The films' links
        are read from :meth:`filmographies` once it is read (a query of its own otherwise); of the statements,
        only the links that name the node as a nominee (the predicate-object index), not every triple that names
        it."""
        node = self.node(public_iri)
        if self._filmographies is not None and not self._dependent(node.value):
            links = self._filmographies.get(node.value, [])
        else:
            links = self._film_links(CreditRow(node.value, int(kind.value), film.value, _value(role), _value(detail))
                                     for film, kind, role, detail in self._credit_rows(str(node))
                                     ).get(node.value, [])
        credits: list[Credit | None] = []
        for link in links:
            kind = CREDIT_LINKS[link.kind]
            if link.detail is None:
                credits.append(self._credit(link.film, CREDITS.get(kind) or ("actor" if kind == _ACTOR else
                                                                             "contributor")))
            else:
                credits.append(self._credit(link.film, "actor", detail=link.detail) if kind == _ACTOR else
                               self._credit(link.film, link.detail or "contributor"))
        seen: set[Any] = set()
        for quad in self.store.quads_for_pattern(None, ox.NamedNode(str(PQ.P2453)), node, None):
            if isinstance(quad.subject, ox.NamedNode) and quad.subject not in seen:
                seen.add(quad.subject)  # one statement, many graphs: read once
                credits += self._award_credits(quad.subject, "nominee")
        unique = list(dict.fromkeys(c for c in credits if c is not None))
        return sorted(unique, key=lambda c: (c.year or 0, c.film_name, c.film, c.role, c.detail))

    def _award_credits(self, statement: Any, role: str) -> list[Credit | None]:
        found: list[Credit | None] = []
        for quad in self.store.quads_for_pattern(None, None, statement, None):
            claim = AWARD_CLAIMS.get(quad.predicate.value)
            if claim is None or not isinstance(quad.subject, ox.NamedNode):
                continue
            value, result = claim
            date = self._date(statement)
            for category in self.store.quads_for_pattern(statement, ox.NamedNode(value), None, None):
                iri = category.object.value
                label = self._category_label(category.object)
                found.append(self._credit(quad.subject.value, role, detail=label, detail_node=self.public(iri),
                                          result=result, date=date))
        return found

    def _category_label(self, category: Any) -> str:
        """A category's name with its award body's: kept once read, for a category is named in the graph of each
        film nominated in it (thousands of copies of the same triples) and does not change while served."""
        label = self._category_labels.get(category.value)
        if label is None:
            name = self.name(self.public(category.value))
            bodies = sorted(term.value for term in self._objects(self.public(category.value), [str(WDT.P361)]))
            label = f"{name} ({self.name(self.public(bodies[0]))})" if bodies else name
            self._category_labels[category.value] = label
        return label

    def _date(self, statement: Any) -> str:
        """A statement's point in time (pq:P585) at the precision the article states it."""
        for quad in self.store.quads_for_pattern(statement, ox.NamedNode(str(PQV.P585)), None, None):
            value = quad.object
            stamps = list(self.store.quads_for_pattern(value, ox.NamedNode(str(WIKIBASE.timeValue)), None, None))
            precisions = list(self.store.quads_for_pattern(value, ox.NamedNode(str(WIKIBASE.timePrecision)), None,
                                                           None))
            if stamps:
                precision = int(precisions[0].object.value) if precisions else 11
                return stamps[0].object.value[: {9: 4, 10: 7}.get(precision, 10)]
        return ""

    def nominations(self, public_iri: str) -> list[Credit]:
        """Every win and nomination in an award category: the film, the result, the date and the nominees (as the
        detail), by date."""
        node = self.node(public_iri)
        found: list[Credit | None] = []
        for value, (claim, result) in ((PS.P166, (P.P166, "won")), (PS.P1411, (P.P1411, "nominated"))):
            for quad in self.store.quads_for_pattern(None, ox.NamedNode(str(value)), node, None):
                statement = quad.subject
                nominees = ", ".join(sorted({self.name(self.public(q.object.value)) for q in
                                             self.store.quads_for_pattern(statement, ox.NamedNode(str(PQ.P2453)),
                                                                          None, None)
                                             if isinstance(q.object, ox.NamedNode)}))
                date = self._date(statement)
                found += [self._credit(film.value, result, detail=nominees, result=result, date=date)
                          for film in self._film_of(statement, [str(claim)])]
        unique = list(dict.fromkeys(c for c in found if c is not None))
        return sorted(unique, key=lambda c: (c.date or str(c.year or ""), c.film_name, c.result))

    # ------------------------------------------------------------------ the catalogue

    def film_iris(self) -> list[str]:
        """Every film's IRI (public), once each, in order: the films of :meth:`catalogue`, without reading what it
        lists of them."""
        return sorted({self.public(quad.subject.value) for quad in self.store.quads_for_pattern(None, _TYPE, _MOVIE,
                                                                                                 None)
                       if isinstance(quad.subject, ox.NamedNode)})

    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            self._catalogue = self._read_catalogue()
        return self._catalogue

    def _names_in(self, nodes: Iterable[Any], graph: Any) -> tuple[str, ...]:
        names = set()
        for node in nodes:
            for prop in (_NAME, _LABEL):
                values = [q.object.value for q in self.store.quads_for_pattern(node, prop, None, graph)]
                if values:
                    names.add(min(values))
                    break
        return tuple(sorted(names))

    def _read_catalogue(self) -> Catalogue:
        catalogue = Catalogue()
        country, language = ox.NamedNode(str(SDO.countryOfOrigin)), ox.NamedNode(str(SDO.inLanguage))
        created, published = ox.NamedNode(str(SDO.dateCreated)), ox.NamedNode(str(SDO.datePublished))
        for quad in self.store.quads_for_pattern(None, _TYPE, _MOVIE, None):
            film, graph = quad.subject, quad.graph_name
            iri = self.public(film.value) if isinstance(film, ox.NamedNode) else ""
            if not iri or iri in catalogue.films:
                continue
            names = sorted(q.object.value for q in self.store.quads_for_pattern(film, _NAME, None, graph))
            years = [int(m.group(0)) for prop in (created, published)
                     for q in self.store.quads_for_pattern(film, prop, None, graph)
                     if (m := _YEAR_RE.match(q.object.value))]
            catalogue.films[iri] = FilmEntry(
                iri, names[0] if names else iri.rsplit("/", 1)[-1], min(years) if years else None,
                self._names_in([q.object for q in self.store.quads_for_pattern(film, country, None, graph)], graph),
                self._names_in([q.object for q in self.store.quads_for_pattern(film, language, None, graph)], graph))
        for kind, found in ((_PERSON, catalogue.people), (_ORGANIZATION, catalogue.companies),
                            (_CATEGORY, catalogue.categories)):
            # Each node once (a person's type is repeated in the graph of each of their films: 126,000 quads for
            # 27,000 nodes at 5,000 films), named in the graph of its first typing, in the order of the store's
            # index (the default graph's first, then by graph).
            for (node,) in self.store.query(f"SELECT DISTINCT ?node {{ {{ ?node a {kind} }} UNION "
                                            f"{{ GRAPH ?graph {{ ?node a {kind} }} }} }}"):
                if not isinstance(node, ox.NamedNode) or not node.value.startswith(self.minted):
                    continue
                iri = self.public(node.value)
                first = next(iter(self.store.quads_for_pattern(node, _TYPE, kind, None)))
                names = self._names_in([node], first.graph_name)
                found[iri] = names[0] if names else iri.rsplit("/", 1)[-1]
        return catalogue

    def search(self, text: str, limit: int = 100) -> list[FilmEntry]:
        """Films whose title holds every word of ``text`` (case and accents aside), best first."""
        words = _folded(text).split()
        if not words:
            return []
        if self._folded_titles is None:
            self._folded_titles = [(_folded(entry.name), entry) for entry in self.catalogue().films.values()]
        wanted = " ".join(words)
        hits = [(title, entry) for title, entry in self._folded_titles if all(w in title for w in words)]
        hits.sort(key=lambda hit: (hit[0] != wanted, not hit[0].startswith(wanted), hit[1].name, hit[1].iri))
        return [entry for _, entry in hits[:limit]]

    def iter_local(self) -> Iterator[str]:
        """Every published page of a film, person, company or award category (for the sitemap)."""
        catalogue = self.catalogue()
        for found in (catalogue.films, catalogue.people, catalogue.companies, catalogue.categories):
            yield from (iri for iri in sorted(found) if self.is_local(iri))


class GraphView:
    """The reading methods of an rdflib Graph that the page builder and the diagram use (``objects``,
    ``subjects``, ``value``, ``in``), answered from the store's indexes within some of its named graphs, terms at
    the public address. A page asks a few hundred such questions; copying a film's graph into rdflib first costs
    more than all of them.

    Decoding a term is what a look-up costs most (a string read from the store's table of terms), so the triples
    of the properties the page reads (``read_ahead``) are read before its first question, in one query that
    decodes each triple's subject and object and no property. A question about another property is still
    answered, with a look-up of its own."""

    def __init__(self, published: Published, graphs: list[Any], read_ahead: Iterable[str] = ()) -> None:
        self._published = published
        self._store = published.store
        self._graphs = graphs
        self._read_ahead = sorted(set(read_ahead))
        self._reads_ahead = frozenset(self._read_ahead)
        self._terms: dict[Any, Node] = {}
        self._back: dict[Node, Any] = {}  # the rdflib nodes made, as the store's terms
        # subject → predicate → objects: of read_ahead properties (once read), of every property (_whole)
        self._ahead: dict[Any, dict[str, list[Any]]] | None = None
        self._ahead_back: dict[tuple[str, Any], list[Any]] = {}  # (predicate, object) → subjects
        self._whole: dict[Any, dict[str, list[Any]]] = {}

    def _rdflib(self, term: Any) -> Node:
        found = self._terms.get(term)
        if found is None:
            found = self._terms[term] = rdflib_term(term, self._published.public)
            if not isinstance(found, Literal):
                self._back[found] = term
        return found

    def _oxigraph(self, term: Node | None) -> Any:
        if term is None:
            return None
        if not isinstance(term, Literal):  # a node met before (a literal's equality is not the store's)
            known = self._back.get(term)
            if known is not None:
                return known
        if isinstance(term, URIRef):
            return ox.NamedNode(self._published.minted_iri(str(term)))
        if isinstance(term, BNode):
            return ox.BlankNode(str(term))
        if isinstance(term, Literal):
            if term.language:
                return ox.Literal(str(term), language=term.language)
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or _XSD_STRING)))
        raise TypeError(f"not an RDF term: {term!r}")

    def _quads(self, subject: Node | None, predicate: Node | None, obj: Node | None) -> Iterator[Any]:
        pattern = (self._oxigraph(subject), self._oxigraph(predicate), self._oxigraph(obj))
        for graph in self._graphs:
            yield from self._store.quads_for_pattern(*pattern, graph)

    def _ahead_of(self, subject: Any) -> dict[str, list[Any]]:
        """The subject's objects of the read_ahead properties, by property (all of them read at the first call)."""
        if self._ahead is None:
            self._ahead = {}
            # a property by its number, an integer the store decodes without reading its table of terms
            wanted = " ".join(f"(<{prop}> {number})" for number, prop in enumerate(self._read_ahead))
            several = len(self._graphs) > 1  # one graph holds a triple once
            for graph in self._graphs:
                pattern = f"GRAPH {graph} {{ ?s ?p ?o }}" if isinstance(graph, ox.NamedNode) else "?s ?p ?o"
                for node, number, obj in self._store.query(f"SELECT ?s ?n ?o {{ VALUES (?p ?n) {{ {wanted} }} "
                                                           f"{pattern} }}"):
                    predicate = self._read_ahead[int(number.value)]
                    objects = self._ahead.setdefault(node, {}).setdefault(predicate, [])
                    if not several or obj not in objects:  # a triple of several graphs is kept once
                        objects.append(obj)
                        self._ahead_back.setdefault((predicate, obj), []).append(node)
        return self._ahead.get(subject, {})

    def _about(self, subject: Any) -> dict[str, list[Any]]:
        """A subject's objects by predicate IRI, every predicate, read in one look-up."""
        found = self._whole.get(subject)
        if found is None:
            found = self._whole[subject] = {}
            for graph in self._graphs:
                for quad in self._store.quads_for_pattern(subject, None, None, graph):
                    objects = found.setdefault(quad.predicate.value, [])
                    if quad.object not in objects:
                        objects.append(quad.object)
        return found

    def _objects_of(self, subject: Any, predicate: str) -> list[Any]:
        if predicate in self._reads_ahead:
            return self._ahead_of(subject).get(predicate, [])
        return self._about(subject).get(predicate, [])

    def objects(self, subject: Node | None = None, predicate: Node | None = None) -> Iterator[Node]:
        if subject is not None and predicate is not None:
            return map(self._rdflib, self._objects_of(self._oxigraph(subject), str(predicate)))
        return self._scan(subject, predicate, None, lambda quad: quad.object)

    def _scan(self, subject: Node | None, predicate: Node | None, obj: Node | None, part: Callable[[Any], Any]
              ) -> Iterator[Node]:
        """One part of the matching triples (each once), read from the store's indexes."""
        seen: set[Any] = set()
        for quad in self._quads(subject, predicate, obj):
            term = part(quad)
            if term not in seen:
                seen.add(term)
                yield self._rdflib(term)

    def subjects(self, predicate: Node | None = None, obj: Node | None = None) -> Iterator[Node]:
        if predicate is not None and obj is not None and str(predicate) in self._reads_ahead:
            self._ahead_of(None)
            return map(self._rdflib, self._ahead_back.get((str(predicate), self._oxigraph(obj)), []))
        return self._scan(None, predicate, obj, lambda quad: quad.subject)

    def value(self, subject: Node | None = None, predicate: Node | None = None) -> Node | None:
        if subject is not None and predicate is not None:
            found = self._objects_of(self._oxigraph(subject), str(predicate))
            return self._rdflib(found[0]) if found else None
        return next(self.objects(subject, predicate), None)

    def __contains__(self, triple: Triple) -> bool:
        subject, predicate, obj = triple
        if subject is not None and predicate is not None and obj is not None:
            node = self._oxigraph(subject)
            if str(predicate) in self._reads_ahead or node in self._whole:
                return self._oxigraph(obj) in self._objects_of(node, str(predicate))
        # a probe of the index, which decodes nothing when the triple is not there
        return next(self._quads(*triple), None) is not None


def _folded(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
