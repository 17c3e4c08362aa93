"""Film → rdflib Graph in two vocabularies at once, driven by the mapping table.

Each top-level row of ``ontology/mapping.csv`` names a Film field, a schema.org property and a
Wikidata property. The row's kind picks an emitter that describes the value's node and returns
the RDF terms for both sides; this module then writes the schema.org triple, the ``wdt:`` truthy
triple and the full ``p:``/``ps:``/``pq:`` statement with a reference per source section.
Qualifier rows (``cast.characters``) are read off the record by attribute name.

Where the Wikidata item of a linked page is known (``Film.items``: looked up, or from an items file), the
Wikidata side names the item (``wdt:P161 wd:Q…``), which carries its English label as Wikidata's RDF does,
while the schema.org side keeps the node minted from the page, ``owl:sameAs`` the item: the page's own facts
about a person (every spelling the article uses, its roles) stay on one node whether or not items were
looked up.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from filmgraph import reference
from filmgraph.extract.collect import INFOBOX
from filmgraph.fields import FieldRow, children, mapping_rows
from filmgraph.model import (
    AwardResult,
    AwardTally,
    CastMember,
    Coded,
    Concept,
    Film,
    FilmingLocation,
    Nomination,
    Nominee,
    Organization,
    PartialDate,
    PersonRef,
    Picture,
    Place,
    Quantity,
    Release,
    Screening,
)
from filmgraph.pages import title_of
from filmgraph.rdf.iris import article_iri, film_iri, film_names, wiki_of
from filmgraph.rdf.statements import MappedFilm, Reference, Statement, Triple, reference_triples, wikidata_term
from filmgraph.rdf.vocab import (
    DEFAULT_BASE,
    FG,
    FILM_ITEM,
    HUMAN_ITEM,
    LABEL_LANGUAGE,
    OWL,
    PR,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SDO,
    WD,
    WDT,
    WIKIBASE,
    XSD,
)
from filmgraph.slugs import slug

_DATE_TYPES = {"year": XSD.gYear, "month": XSD.gYearMonth, "day": XSD.date}
_DISAMBIGUATION_RE = re.compile(r"\s+\([^()]*\)$")


def page_label(page: str) -> str:
    """The label of a linked page's node: the page's title without the disambiguation in brackets, as the
    English label of its Wikidata item usually is. Every film that links the page gives its node this label,
    whatever name the film credits (the credited name is the node's schema:name in that film's graph).

    >>> page_label("Walter_Hill (director)")
    'Walter Hill'
    """
    title = " ".join(page.replace("_", " ").split())
    title = title[:1].upper() + title[1:]  # MediaWiki's titles start with a capital
    return _DISAMBIGUATION_RE.sub("", title) or title


def date_literal(value: PartialDate) -> Literal:
    """A date typed at its precision.

    >>> date_literal(PartialDate(2025, 9)).n3()
    '"2025-09"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'
    """
    return Literal(value.isoformat(), datatype=_DATE_TYPES[value.precision])


def decimal_literal(amount: float) -> Literal:
    """An amount as Wikidata writes quantities: ``xsd:decimal``, in plain notation.

    >>> decimal_literal(12000000.0).n3()
    '"12000000"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    """
    number = Decimal(str(amount))
    text = format(number.to_integral() if number == number.to_integral() else number.normalize(), "f")
    return Literal(text, datatype=XSD.decimal, normalize=False)


@lru_cache(maxsize=4096)  # names and labels recur within a film (a name and its label) and across films
def text_literal(text: str, lang: str | None = None) -> Literal:
    """A text as a literal, in ``lang`` if given: made once for each text (rdflib checks and converts every one it
    makes, and a film's graph holds some hundred and fifty)."""
    return Literal(text, lang=lang)


@lru_cache(maxsize=256)  # the mapping's few dozen CURIEs, each asked for by every value of its row
def _curie(text: str) -> URIRef:
    prefix, local = text.lstrip("^").split(":", 1)
    # The namespace's own term, the very object its attribute gives (SDO.name): a dict holding one finds the other
    # by identity, without rdflib's equality test (Python) — a copy cost one on every look-up of the film's triples.
    return PREFIXES[prefix][local]


@dataclass
class Emitted:
    """What an emitter hands back for one value."""

    schema_object: Node | None
    wikidata_object: Node | None
    value_node: list[tuple[URIRef, Node]] = field(default_factory=list)  # the psv: value node's description
    sources: list[str] = field(default_factory=list)
    slug: str = ""
    schema_subject_inverse: bool = False
    rank: str = "normal"  # "preferred": the headline value of its property (see Statement.rank)


class _Mapper:
    def __init__(self, film: Film, base: str, name: str | None = None) -> None:
        self.film = film
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self.film_slug = name or film_names(film)[0]  # the film is its page (rdf/iris.py)
        self.node = URIRef(film_iri(self.base, self.film_slug))
        self.source = URIRef(article_iri(film.provenance, self.base, self.film_slug))
        self.wiki = wiki_of(film.provenance)
        self.mapped = MappedFilm(self.node, self.source)
        self.pending_schema: list[Triple] = []
        self._people: dict[str, URIRef] = {}  # person key → its node, once its triples are added
        self._person_iris: dict[str, URIRef] = {}  # person key → its IRI, made once (every row naming them asks)
        self._organization_names: dict[URIRef, str] = {}  # an organisation's node → the name it was first given
        self._organization_pages: dict[URIRef, str | None] = {}  # … and the page its first mention linked
        self._references: dict[str, Reference] = {}  # section → its reference
        self._cited = self._citation()

    def _citation(self) -> tuple[URIRef, list[tuple[URIRef, Node]]]:
        """What every reference says of the article: its URL at the revision read (pr:P854), the
        revision's time (pr:P813) and the wiki it was imported from (pr:P143)."""
        provenance = self.film.provenance
        title = title_of(provenance.page)
        url = URIRef(self.wiki.permalink(title, provenance.revision)) if title and provenance.revision else self.source
        details: list[tuple[URIRef, Node]] = []
        if provenance.timestamp:
            details.append((PR.P813, Literal(provenance.timestamp, datatype=XSD.dateTime)))
        if title and self.wiki.qid:
            details.append((PR.P143, WD[self.wiki.qid]))
        return url, details

    def linked(self, node: URIRef, page: str | None) -> URIRef:
        """Say which wiki page (schema:sameAs) and DBpedia resource (owl:sameAs) a linked node is."""
        if page:
            self.add(node, SDO.sameAs, URIRef(self.wiki.page(page)))
            resource = self.wiki.resource(page)
            if resource:
                self.add(node, OWL.sameAs, URIRef(resource))
            item = self.film.items.get(page)
            if item and node != WD[item]:  # a category known by its item is the item itself
                self.add(node, OWL.sameAs, WD[item])
        return node

    def iri(self, kind: str, *parts: str) -> URIRef:
        return URIRef(f"{self.base}{kind}/" + "/".join(slug(p) for p in parts))

    def add(self, s: Node, p: Node, o: Node) -> None:
        self.mapped.triples.append((s, p, o))

    # -------------------------------------------------------------- nodes
    def named(self, node: URIRef, kind: URIRef | None, name: str, *, lang: str | None = None,
              label: str | None = None) -> URIRef:
        """Type a node and give it its name in both vocabularies: schema:name (in ``lang``, if given) and
        rdfs:label (``label``, else the name), always in a language, as Wikidata's labels are (a query asks
        for LANG(?label) = "en")."""
        if kind is not None:
            self.add(node, RDF.type, kind)
        self.add(node, SDO.name, text_literal(name, lang))
        self.add(node, RDFS.label, text_literal(label or name, lang or LABEL_LANGUAGE))
        return node

    def item(self, page: str | None) -> URIRef | None:
        """The Wikidata item of a linked page, when known, with its label as Wikidata's RDF gives an item's
        label (rdfs:label and schema:name, in a language: see :func:`page_label`); None when the page has no
        known item."""
        qid = self.film.items.get(page) if page else None
        if not qid or not page:
            return None
        node = WD[qid]
        label = page_label(page)
        self.add(node, RDFS.label, text_literal(label, LABEL_LANGUAGE))
        self.add(node, SDO.name, text_literal(label, LABEL_LANGUAGE))
        return node

    def person_value(self, key: str) -> URIRef:
        """The person on the Wikidata side (``wdt:``, ``ps:``, ``pq:``): the item of the linked page when
        known (an instance of human, as on Wikidata), else the person's own node (which :meth:`person`
        describes)."""
        person = self.film.people[key]
        item = self.item(person.link)
        if item is None:
            return self.person_iri(key)
        self.add(item, WDT.P31, HUMAN_ITEM)
        return item

    def person_iri(self, key: str) -> URIRef:
        found = self._person_iris.get(key)
        if found is None:
            person = self.film.people[key]
            # A linked person is the linked page's, in every film; an unlinked one is this film's alone.
            found = self._person_iris[key] = URIRef(f"{self.base}person/{slug(person.link)}" if person.link else
                                                    f"{self.base}film/{self.film_slug}/person/{key}")
        return found

    def person(self, key: str) -> URIRef:
        """The person's own node, described: the schema.org side's value."""
        if key in self._people:  # named once: a person with many names is named by many rows
            return self._people[key]
        person = self.film.people[key]
        node = self.linked(self.named(self.person_iri(key), SDO.Person, person.name,
                                      label=page_label(person.link) if person.link else None), person.link)
        self.add(node, WDT.P31, HUMAN_ITEM)
        for alternate in person.alternate_names:
            self.add(node, SDO.alternateName, text_literal(alternate))
        self._people[key] = node
        return node

    def organization(self, name: str, link: str | None = None) -> URIRef:
        node = self.iri("organization", link or name)
        first = self._organization_names.setdefault(node, name)
        page = self._organization_pages.setdefault(node, link)
        if first != name:
            if (link is None and name != page) or _bare_name(first) == _bare_name(name):
                # An unlinked name that only slugs alike ("Warner Bros.'" beside "[[Warner Bros.|Warner Bros.
                # Pictures]]"), or the same name cut: no other name of the company (the page's own title is one).
                return node
            # "[[Legendary Entertainment|Legendary Pictures]]" beside "Legendary Entertainment": one company, whose
            # other names are alternate names (it has one schema:name).
            self.add(node, SDO.alternateName, Literal(name))
            return node
        node = self.named(node, SDO.Organization, name, label=page_label(link) if link else None)
        return self.linked(node, link)

    def place(self, place: Place) -> URIRef:
        node = self.named(URIRef(WD[place.qid]) if place.qid else self.iri("place", place.name), SDO.Place,
                          place.name, lang="en")
        if place.within:
            within = self.place(place.within)
            self.add(node, SDO.containedInPlace, within)
            self.add(node, WDT.P131, within)
        return node

    def event(self, name: str, kind: URIRef = SDO.Event) -> URIRef:
        return self.named(self.iri("event", name), kind, name, lang="en")

    def reference(self, section: str) -> Reference:
        found = self._references.get(section)
        if found is None:  # a section is cited by many statements: its (frozen) reference is made once
            url, details = self._cited
            found = Reference(URIRef(f"{self.base}reference/{self.film_slug}/{slug(section)}"), url, section, details)
            self._references[section] = found
        return found

    # ---------------------------------------------------------- statements
    def statement(self, prop: str, emitted: Emitted, qualifiers: list[tuple[str, Node]]) -> None:
        assert emitted.wikidata_object is not None
        value_slug = emitted.slug or slug(str(emitted.wikidata_object))
        node = URIRef(f"{self.base}statement/{self.film_slug}/{prop}/{value_slug}")
        self.mapped.statements.append(Statement(
            node, self.node, prop, emitted.wikidata_object, emitted.value_node, qualifiers,
            [self.reference(section) for section in emitted.sources or ["Article"]], self.pending_schema,
            emitted.rank))
        self.pending_schema = []

    def qualifiers(self, row: FieldRow, record: Any) -> list[tuple[str, Node]]:
        found = []
        for child in children(row.field):
            if not child.wikidata:
                continue
            value = getattr(record, child.attribute, None)
            for item in value if isinstance(value, list) else [value]:
                if item is not None:
                    found.append((child.wikidata, QUALIFIER_TERMS[child.kind](self, item)))
        return found

    def quantity_value(self, quantity: Quantity) -> list[tuple[URIRef, Node]]:
        details: list[tuple[URIRef, Node]] = [
            (RDF.type, WIKIBASE.QuantityValue), (WIKIBASE.quantityAmount, decimal_literal(quantity.amount))]
        if quantity.unit or not quantity.currency:
            details.append((WIKIBASE.quantityUnit, WD[quantity.unit] if quantity.unit else WD.Q199))
        # A sum in a currency with no Wikidata item in filmgraph's table keeps its amount and no unit: "1" (Q199)
        # would say it is a plain number.
        if quantity.lower_bound is not None:
            details.append((WIKIBASE.quantityLowerBound, decimal_literal(quantity.lower_bound)))
        if quantity.upper_bound is not None:
            details.append((WIKIBASE.quantityUpperBound, decimal_literal(quantity.upper_bound)))
        return details

    # ------------------------------------------------------------- rows
    def emit_row(self, row: FieldRow) -> None:
        value = getattr(self.film, row.field, None)  # "ignore" rows name no field of the record
        for record in value if isinstance(value, list) else [value]:
            if record is None:
                continue
            emitted = EMITTERS[row.kind](self, row, record)
            if emitted is None:
                continue
            schema: list[Triple] = []
            if row.schema and emitted.schema_object is not None:
                prop = _curie(row.schema)
                if row.schema.startswith("^"):
                    schema.append((emitted.schema_object, prop, self.node))
                else:
                    schema.append((self.node, prop, emitted.schema_object))
            makes_statement = bool(row.wikidata and row.wikidata != "rdfs:label"
                                   and emitted.wikidata_object is not None)
            if makes_statement:
                self.pending_schema = schema  # the statement carries the schema.org triples of its fact
            else:
                self.mapped.triples.extend(schema)
            if row.wikidata and emitted.wikidata_object is not None:
                if row.wikidata == "rdfs:label":
                    self.add(self.node, RDFS.label, emitted.wikidata_object)
                    continue
                choices = row.wikidata.split("|")
                won = getattr(record, "result", None) is AwardResult.WON
                chosen = choices[0] if len(choices) == 1 or won else choices[1]
                self.statement(chosen, emitted, self.qualifiers(row, record))


# ------------------------------------------------------------ emitters


def _title(m: _Mapper, row: FieldRow, title: str) -> Emitted:
    m.add(m.node, RDF.type, SDO.Movie)
    m.add(m.node, WDT.P31, FILM_ITEM)
    m.add(m.node, SDO.subjectOf, m.source)  # the article the film is described in: its named graph
    page = title_of(m.film.provenance.page)
    if page:
        m.linked(m.node, page)
    literal = Literal(title, lang="en")
    return Emitted(literal, literal)


def _original_title(m: _Mapper, row: FieldRow, title: str) -> Emitted:
    literal = Literal(title, lang=m.film.original_language) if m.film.original_language else Literal(title)
    return Emitted(literal, literal, sources=["Lead"], slug=slug(title))


def _text(m: _Mapper, row: FieldRow, text: str) -> Emitted:
    literal = text_literal(text, "en")
    return Emitted(literal, literal)


def _year(m: _Mapper, row: FieldRow, when: PartialDate) -> Emitted:
    literal = date_literal(when)
    return Emitted(literal, literal, [], ["Lead"], when.isoformat())


def _person(m: _Mapper, row: FieldRow, ref: PersonRef) -> Emitted:
    node = m.person(ref.person)
    value = m.person_value(ref.person)
    schema_object: Node = node
    if row.role:
        schema_object = URIRef(f"{m.base}role/{m.film_slug}/{ref.person}/{slug(row.role)}")
        m.add(schema_object, RDF.type, SDO.Role)
        m.add(schema_object, _curie(row.schema), node)
        m.add(schema_object, SDO.roleName, text_literal(row.role))
    return Emitted(schema_object, value, sources=ref.sources, slug=ref.person)


def _cast(m: _Mapper, row: FieldRow, member: CastMember) -> Emitted:
    node = m.person(member.person)
    value = m.person_value(member.person)
    if not member.characters:
        return Emitted(node, value, sources=member.sources, slug=member.person)
    role = URIRef(f"{m.base}role/{m.film_slug}/{member.person}")
    m.add(role, RDF.type, SDO.PerformanceRole)
    m.add(role, SDO.actor, node)
    for child in children(row.field):
        for character in getattr(member, child.attribute):
            m.add(role, _curie(child.schema), text_literal(character))
    return Emitted(role, value, sources=member.sources, slug=member.person)


def _organization(m: _Mapper, row: FieldRow, organization: Organization) -> Emitted:
    node = m.organization(organization.name, organization.link)
    value = m.item(organization.link) or node
    return Emitted(node, value, sources=organization.sources, slug=slug(organization.name))


def _release(m: _Mapper, row: FieldRow, release: Release) -> Emitted:
    literal = date_literal(release.date)
    where = slug(release.place.name) if release.place else "anywhere"
    return Emitted(literal, literal, [], release.sources,
                   f"{release.date.isoformat()}-{where}")


def _minutes(m: _Mapper, row: FieldRow, quantity: Quantity) -> Emitted:
    # normalize=False keeps "PT92M" as written; rdflib would rewrite it as "PT1H32M".
    duration = Literal(f"PT{int(quantity.amount)}M", datatype=XSD.duration, normalize=False)
    return Emitted(duration, decimal_literal(quantity.amount), m.quantity_value(quantity), quantity.sources,
                   str(int(quantity.amount)))


def _coded_node(m: _Mapper, coded: Coded, kind: str) -> URIRef:
    return m.named(URIRef(WD[coded.qid]) if coded.qid else m.iri(kind, coded.label), None, coded.label, lang="en")


def _country(m: _Mapper, row: FieldRow, coded: Coded) -> Emitted:
    node = _coded_node(m, coded, "country")
    m.add(node, RDF.type, SDO.Country)
    return Emitted(node, node if coded.qid else None, sources=coded.sources, slug=slug(coded.label))


def _language(m: _Mapper, row: FieldRow, coded: Coded) -> Emitted:
    # Like a country, a language is its Wikidata item for both vocabularies: a schema:Language named in English,
    # its BCP 47 code the alternate name ("Tamil", "ta"). A language with no code is written as the article
    # names it, which the shapes leave out.
    node = _coded_node(m, coded, "language") if coded.qid or coded.code else None
    if node is None or not coded.code:
        return Emitted(text_literal(coded.label), node if coded.qid else None, sources=coded.sources,
                       slug=slug(coded.label))
    m.add(node, RDF.type, SDO.Language)
    m.add(node, SDO.alternateName, text_literal(coded.code))
    return Emitted(node, node if coded.qid else None, sources=coded.sources, slug=slug(coded.label))


def _genre(m: _Mapper, row: FieldRow, coded: Coded) -> Emitted:
    node = _coded_node(m, coded, "genre") if coded.qid else None
    return Emitted(text_literal(coded.label, "en"), node, sources=coded.sources, slug=slug(coded.label))


def _money(m: _Mapper, row: FieldRow, quantity: Quantity) -> Emitted:
    amount = decimal_literal(quantity.amount)
    # The headline figure is the infobox's that no market limits, else any such, else the infobox's; one country's
    # takings (P3005) and the sums prose adds stand beside it at normal rank.
    quantities = getattr(m.film, row.field)
    infobox = [q for q in quantities if INFOBOX in q.sources]
    headline = [q for q in infobox if q.area is None] or [q for q in quantities if q.area is None] or infobox
    rank = "preferred" if any(q is quantity for q in headline) and len(headline) < len(quantities) else "normal"
    key = "-".join([f"{int(quantity.amount)}", (quantity.currency or "unit").lower(),
                    *(slug(part) for part in (quantity.area and quantity.area.name, quantity.scope) if part)])
    if not row.wikidata:
        # A sum Wikidata has no property for (theatrical rentals, a part of the takings): a schema.org
        # MonetaryAmount, with its currency and what limits it (a window of the run, a market).
        node = URIRef(f"{m.base}{row.field}/{m.film_slug}/{key}")
        m.add(node, RDF.type, SDO.MonetaryAmount)
        m.add(node, SDO.value, amount)
        if quantity.currency:
            m.add(node, SDO.currency, Literal(quantity.currency))
        for child in children(row.field):
            value = getattr(quantity, child.attribute, None)
            if child.schema and value is not None:
                m.add(node, _curie(child.schema), QUALIFIER_TERMS[child.kind](m, value))
        return Emitted(node, None, sources=quantity.sources, slug=key)
    return Emitted(None, amount, m.quantity_value(quantity), quantity.sources, key, rank=rank)


def _location(m: _Mapper, row: FieldRow, location: FilmingLocation) -> Emitted:
    node = m.place(location.place)
    return Emitted(node, node, sources=location.sources, slug=slug(location.place.name))


def _screening(m: _Mapper, row: FieldRow, screening: Screening) -> Emitted:
    node = URIRef(f"{m.base}screening/{m.film_slug}/{slug(screening.event)}")
    m.add(node, RDF.type, SDO.ScreeningEvent)
    m.add(node, SDO.name, Literal(screening.event))
    if screening.date:
        m.add(node, SDO.startDate, date_literal(screening.date))
    if screening.super_event:
        m.add(node, SDO.superEvent, m.event(screening.super_event, SDO.Festival))
    if screening.section:
        m.add(node, FG.section, Literal(screening.section))
    if screening.venue:
        m.add(node, SDO.location, m.place(screening.venue))
    return Emitted(node, node, sources=screening.sources, slug=slug(screening.event))


def _bare_name(name: str) -> str:
    """A name without its case, punctuation and possessive: "Warner Bros.'" and "Warner Bros" are one."""
    return re.sub(r"[\W_]+", "", re.sub(r"['’]s?\s*$", "", name)).casefold()


def category_page(nomination: Nomination) -> str | None:
    """The award category's own article, which the category node is: never a list of its winners ("List of
    … winners" is a list article, with an item of its own)."""
    page = nomination.page
    return page if page and not re.match(r"(?i)lists? of\b", page) else None


def award_label(nomination: Nomination) -> str:
    return f"{nomination.category} ({nomination.body})" if nomination.body else nomination.category


def _nomination(m: _Mapper, row: FieldRow, nomination: Nomination) -> Emitted:
    body = m.iri("award", nomination.body) if nomination.body else None
    # A category has no schema.org node of its own (schema:award is its name): when its page's item is
    # known, the item is the category.
    qid = m.film.items.get(nomination.page) if nomination.page else None
    node = WD[qid] if qid else m.iri("award", nomination.body or "unknown", nomination.category)
    m.add(node, RDF.type, FG.AwardCategory)
    m.add(node, SDO.name, text_literal(nomination.category))
    m.add(node, RDFS.label, text_literal(award_label(nomination), "en"))
    m.linked(node, category_page(nomination))  # the category's own article, and its item when looked up
    if body is not None:
        m.named(body, FG.Award, nomination.body)
        for other in reference.award_body_names(nomination.body):  # "Razzie Awards", "BAFTA Awards", "Oscars"
            # Each is also a label (rdfs:label takes several): a reader, or a query, finds the body by the name
            # the page gives it ("BAFTA Awards" in an accolades table), not only by its full name.
            m.add(body, SDO.alternateName, text_literal(other))
            m.add(body, RDFS.label, text_literal(other, "en"))
        m.add(node, WDT.P361, body)
        m.add(node, FG.awardBody, body)
    won = nomination.result is AwardResult.WON
    if won:
        for nominee in nomination.nominees:
            if nominee.person:
                m.add(m.person(nominee.person), SDO.award, text_literal(award_label(nomination)))
    statement_slug = f"{slug(nomination.body or 'unknown')}-{slug(nomination.category)}"
    if sum(1 for other in m.film.nomination if (other.body, other.category, other.result) == (
            nomination.body, nomination.category, nomination.result)) > 1:
        # Two nominations of one category (each lead nominated for Best Actor): a statement each, told apart by
        # whom it went to.
        statement_slug += "".join(f"-{slug(m.film.people[n.person].name)}" for n in nomination.nominees
                                  if n.person and n.person in m.film.people)
    return Emitted(text_literal(award_label(nomination)) if won else None, node, sources=nomination.sources,
                   slug=statement_slug)


def _tally(m: _Mapper, row: FieldRow, tally: AwardTally) -> Emitted:
    node = URIRef(f"{m.base}tally/{m.film_slug}/{slug(tally.body or 'awards')}")
    m.add(node, RDF.type, FG.AwardTally)
    if tally.wins is not None:
        m.add(node, FG.wins, Literal(tally.wins))
    if tally.nominations is not None:
        m.add(node, FG.nominations, Literal(tally.nominations))
    if tally.body:
        m.add(node, FG.awardBody, m.iri("award", tally.body))
    if tally.ceremony:
        m.add(node, FG.ceremony, m.event(tally.ceremony))
    for section in tally.sources:
        reference = m.reference(section)
        m.add(node, PROV.wasDerivedFrom, reference.iri)
        m.mapped.triples.extend(reference_triples(reference))
    return Emitted(node, None)


def _concept(m: _Mapper, row: FieldRow, concept: Concept) -> Emitted:
    node = m.named(m.iri("concept", concept.name), SDO.DefinedTerm, concept.name, lang="en")
    if concept.creator:
        m.add(node, SDO.creator, m.person(concept.creator))
        m.add(node, WDT.P61, m.person_value(concept.creator))
    if concept.year:
        m.add(node, SDO.dateCreated, date_literal(concept.year))
        m.add(node, WDT.P575, wikidata_term(date_literal(concept.year)))
    return Emitted(node, node, sources=concept.sources, slug=slug(concept.name))


def _image(m: _Mapper, row: FieldRow, picture: Picture) -> Emitted:
    node = URIRef(m.wiki.file(picture.file))  # the article's wiki serves its own files and Commons' alike
    m.add(node, RDF.type, SDO.ImageObject)
    caption = picture.caption or m.film.image_caption
    if caption:
        m.add(node, SDO.description, Literal(caption, lang="en"))
    return Emitted(node, node, sources=picture.sources, slug=slug(picture.file))


EMITTERS: dict[str, Callable[[_Mapper, FieldRow, Any], Emitted | None]] = {
    "title": _title, "original_title": _original_title, "text": _text, "year": _year, "person": _person,
    "cast": _cast, "organization": _organization, "release": _release, "minutes": _minutes,
    "country": _country, "language": _language, "genre": _genre, "money": _money, "count": _money,
    "location": _location, "screening": _screening, "nomination": _nomination, "tally": _tally,
    "concept": _concept, "image": _image, "ignore": lambda m, row, value: None,
}


def _nominee_term(m: _Mapper, nominee: Nominee) -> Node:
    if nominee.person:
        m.person(nominee.person)
        return m.person_value(nominee.person)
    assert nominee.work is not None
    node = m.named(m.iri("work", nominee.work.name), SDO.CreativeWork, nominee.work.name)
    for creator in nominee.work.creators:
        m.add(node, SDO.creator, m.person(creator))
        m.add(node, WDT.P175, m.person_value(creator))
    return node


# kind of a qualifier row → its RDF term
QUALIFIER_TERMS: dict[str, Callable[[_Mapper, Any], Node]] = {
    "text": lambda m, text: text_literal(text),
    "date": lambda m, when: date_literal(when),
    "place": lambda m, place: m.place(place),
    "event": lambda m, name: m.event(name),
    "festival": lambda m, name: m.event(name, SDO.Festival),
    "nominee": _nominee_term,
}


def map_film(film: Film, *, base: str = DEFAULT_BASE, name: str | None = None) -> Graph:
    """Map a Film record to one graph holding both its schema.org and Wikidata-style description.

    >>> from filmgraph.model import Film, PersonRef, Person
    >>> film = Film("Heat", "urn:example:heat", people={"michael-mann": Person("michael-mann", "Michael Mann")},
    ...             director=[PersonRef("michael-mann", ["Infobox"])])
    >>> g = map_film(film, base="http://ex.org/")
    >>> (URIRef("http://ex.org/film/heat"), SDO.director, URIRef("http://ex.org/film/heat/person/michael-mann")) in g
    True
    """
    return map_statements(film, base=base, name=name).to_graph()


def map_statements(film: Film, *, base: str = DEFAULT_BASE, name: str | None = None) -> MappedFilm:
    """Map a Film record to statement records (see :mod:`filmgraph.rdf.statements`). ``name`` is the name its
    IRIs go by when the run chose one (:func:`filmgraph.rdf.iris.film_names`), else its first.

    >>> from filmgraph.model import Film, PersonRef, Person
    >>> film = Film("Heat", "urn:example:heat", people={"michael-mann": Person("michael-mann", "Michael Mann")},
    ...             director=[PersonRef("michael-mann", ["Infobox"])])
    >>> [(s.property, str(s.value), [r.section for r in s.references])
    ...  for s in map_statements(film, base="http://ex.org/").statements]
    [('P57', 'http://ex.org/film/heat/person/michael-mann', ['Infobox'])]
    """
    mapper = _Mapper(film, base, name)
    for row in mapping_rows():
        if row.parent is None:
            mapper.emit_row(row)
    return mapper.mapped
