"""The statements a film's Wikidata item lacks, as QuickStatements V1 or CSV, cited as Wikidata's own imports are.

Reads the statement records of :mod:`filmgraph.rdf.statements` and compares them with the item's current
claims (a ``wbgetentities`` answer). Every proposed statement carries one whole reference, the one Wikidata's
imports from Wikipedia carry: ``S143`` the wiki's item (English Wikipedia is Q328), ``S4656`` the page's
permalink at the revision read (``…/w/index.php?title=…&oldid=…``) and ``S813`` the day it was retrieved. A
film read from no page at a known revision has nothing to cite, and gets no statement at all.

- A value the item states already, or states at least as precisely (1976-02-08 covers 1976), is not proposed;
  when the item states exactly that value, QuickStatements adds a line's qualifiers to the existing statement,
  so a character (P4633) the statement lacks is proposed on its own, with the reference.
- A value that conflicts with a single-valued claim (another runtime, title, budget, image) is reported for a
  person to check, never emitted.
- A linked person or company whose page has no item is reported as needing one; with ``create`` it gets a
  ``CREATE`` block (its label, P31 and the sitelink to its page, so a second run finds it) and the film's
  statements about it follow, naming it ``LAST``. Award categories, files and names the article does not
  link never get an item made: they are reported and left out.
- P18 is proposed only as the name of a file known to be on Wikimedia Commons.

Strings are written as QuickStatements reads them: between double quotes, with nothing escaped (its parsers
take everything between the first and the last quote, so ``"Pop" Cooley`` is written ``""Pop" Cooley"``; a
backslash would be kept). Both of its parsers are followed: the V1 one of QuickStatements 2
(``quickstatements.php``, ``importDataFromV1``/``parseValueV1``) and the ones of QuickStatements 3
(``parsers/v1.py``, which reads every ``|`` as a tab, and ``parsers/csv.py``, which skips empty cells).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from rdflib import Literal, URIRef
from rdflib.term import Node

from filmgraph.errors import FilmgraphError
from filmgraph.identifiers import is_item, is_property
from filmgraph.pages import title_of
from filmgraph.rdf.statements import MappedFilm, Statement
from filmgraph.rdf.vocab import HUMAN_ITEM, OWL, PR, RDF, RDFS, SDO, WD, WIKIBASE, XSD

# Properties a film has one value of: another value is a conflict, not a missing statement.
SINGLE_VALUED = frozenset({"P2047", "P1476", "P2130", "P2142", "P5436", "P18"})
_PRECISION = {str(XSD.gYear): 9, str(XSD.gYearMonth): 10, str(XSD.date): 11}
_ORGANIZATION_ITEM = "Q43229"
_IMAGE = "P18"
# A Wikipedia's host names its language and its site id: en.wikipedia.org is "en" and "enwiki".
_WIKIPEDIA_HOST_RE = re.compile(r"^([a-z][a-z0-9-]*)\.wikipedia\.org$")


@dataclass
class Create:
    """A new item for a linked person or company whose page has none, and the film's statements about it."""

    label: str
    language: str
    kind: str  # its P31: Q5 for a person, Q43229 for a company
    site: str  # the wiki of its page ("enwiki"), for the sitelink
    page: str  # its page's title
    statements: list[list[str]] = field(default_factory=list)  # the film's lines about it, its value LAST


@dataclass
class Proposal:
    """What the comparison found: edits to make (each line ``[subject, property, value, qualifier…, S…]``),
    items to create, and what a person has to look at: values that conflict, linked pages that need an item,
    names with no page, and values left out for another reason (notes)."""

    subject: str = ""
    reference: list[str] = field(default_factory=list)  # S143, its value, S4656, …, S813, …
    lines: list[list[str]] = field(default_factory=list)
    creates: list[Create] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    needs_item: list[str] = field(default_factory=list)
    unlinked: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def load_entity(path: str | Path) -> dict[str, Any]:
    """The one entity of a saved ``wbgetentities`` answer.

    :raises FilmgraphError: the file is unreadable, not JSON, or holds no single entity.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        entities = data["entities"]
        if not isinstance(entities, dict) or len(entities) != 1:
            raise FilmgraphError(f"{path}: a wbgetentities answer with one entity is needed")
        return checked_entity(next(iter(entities.values())), str(path))
    except (OSError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise FilmgraphError(f"{path}: not a wbgetentities answer ({type(exc).__name__})") from exc


def checked_entity(entity: Any, where: str) -> dict[str, Any]:
    """A wbgetentities entity whose shape is checked before anything is read from it: its id an item id, its
    claims a list of statements per property id, each with a main snak, its qualifiers lists of snaks.

    >>> checked_entity({"id": "Q42", "claims": {"P31": [{"mainsnak": {}}]}}, "item.json")["id"]
    'Q42'
    """

    def refuse(why: str) -> FilmgraphError:
        return FilmgraphError(f"{where}: not a wbgetentities answer ({why})")

    if not isinstance(entity, dict):
        raise refuse("the entity is no object")
    if not is_item(entity.get("id")):
        raise refuse(f"the entity id {str(entity.get('id'))[:40]!r} is no item id")
    claims = entity.get("claims") or {}
    if not isinstance(claims, dict):
        raise refuse("its claims are no object")
    for prop, statements in claims.items():
        if not is_property(prop) or not isinstance(statements, list):
            raise refuse(f"claims of {str(prop)[:20]!r} are no list of statements")
        for statement in statements:
            if not isinstance(statement, dict) or not isinstance(statement.get("mainsnak"), dict):
                raise refuse(f"a {prop} statement has no main snak")
            qualifiers = statement.get("qualifiers") or {}
            if not isinstance(qualifiers, dict) or not all(
                    isinstance(snaks, list) and all(isinstance(snak, dict) for snak in snaks)
                    for snaks in qualifiers.values()):
                raise refuse(f"a {prop} statement's qualifiers are no lists of snaks")
    return entity


def quote(text: str) -> str:
    """A QuickStatements string: the text on one line between double quotes, nothing escaped (QuickStatements
    takes everything between the first and the last quote as the string).

    >>> print(quote('"Pop" Cooley'))
    ""Pop" Cooley"
    """
    return '"' + _CONTROL_RE.sub("", " ".join(text.split())) + '"'


def time_value(literal: Literal) -> tuple[str, int] | None:
    """(+YYYY-MM-DDT00:00:00Z, precision) of a date literal at its precision.

    >>> time_value(Literal("1976-02", datatype=XSD.gYearMonth))
    ('+1976-02-01T00:00:00Z', 10)
    """
    precision = _PRECISION.get(str(literal.datatype))
    if precision is None:
        if literal.datatype == XSD.dateTime and re.match(r"^\d{4}-\d\d-\d\dT", str(literal)):
            return f"+{str(literal)[:10]}T00:00:00Z", 11
        return None
    parts = (str(literal).split("-") + ["01", "01"])[:3]
    return f"+{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z", precision


def file_name(term: Node) -> str | None:
    """The file name a wiki file IRI names (a ``Special:FilePath/…`` or ``File:…`` URL of Commons or of a wiki),
    as Wikidata writes a Commons file ("Forty eight hrs.jpg"); None for a term that names no file. Whether the
    file is on Commons is for the wiki to say (see ``commons_files`` of :func:`propose`).

    >>> file_name(URIRef("http://commons.wikimedia.org/wiki/Special:FilePath/Forty_eight_hrs.jpg"))
    'Forty eight hrs.jpg'
    >>> file_name(URIRef("https://en.wikipedia.org/wiki/File:Alpha%20poster.jpg"))
    'Alpha poster.jpg'
    """
    if not isinstance(term, URIRef):
        return None
    parts = urlsplit(str(term))
    path = unquote(parts.path)
    found = re.search(r"/(?:Special:FilePath/|(?:File|Image):)([^/]+)$", path)
    if parts.scheme not in ("http", "https") or found is None:
        return None
    name = " ".join(found.group(1).replace("_", " ").split())
    return name[:1].upper() + name[1:] if name else None


def _amount(value: str) -> str:
    try:
        number = Decimal(value)
    except InvalidOperation:
        return value
    return str(number.quantize(Decimal(1))) if number == number.to_integral() else str(number.normalize())


def _wikipedia(url: str) -> tuple[str, str] | None:
    """(site id, language) of a Wikipedia page URL: ("enwiki", "en")."""
    found = _WIKIPEDIA_HOST_RE.match(urlsplit(url).hostname or "")
    return (found.group(1).replace("-", "_") + "wiki", found.group(1)) if found else None


class _Film:
    """The records of one mapped film, with what its nodes are: their items, names, kinds and wiki pages."""

    def __init__(self, mapped: MappedFilm, commons_files: set[str] | None) -> None:
        self.mapped = mapped
        self.commons_files = commons_files
        self.items: dict[Node, str] = {}
        self.labels: dict[Node, str] = {}
        self.kinds: dict[Node, str] = {}
        self.pages: dict[Node, str] = {}
        self.value_nodes: dict[Node, dict[Node, Node]] = {}
        for s, p, o in mapped.triples:
            if p == OWL.sameAs and isinstance(o, URIRef) and str(o).startswith(str(WD)):
                self.items[s] = str(o)[len(str(WD)):]
            elif p == RDFS.label and isinstance(o, Literal):
                self.labels.setdefault(s, str(o))
            elif p == RDF.type and o in (SDO.Person, SDO.Organization):
                self.kinds[s] = "person" if o == SDO.Person else "company"
            elif p == SDO.sameAs and isinstance(o, URIRef) and _wikipedia(str(o)) and title_of(str(o)):
                self.pages.setdefault(s, str(o))
        for statement in mapped.statements:
            self.value_nodes[statement.iri] = dict(statement.value_node)

    def value(self, term: Node, prop: str, statement: Statement | None = None) -> tuple[str, Any] | None:
        """(QuickStatements value, comparable value) of a term, or None when it has no item (or, for P18, is no
        file known to be on Commons)."""
        if prop == _IMAGE:
            name = file_name(term)
            if name is None or self.commons_files is None or name not in self.commons_files:
                return None
            return quote(name), ("string", name)
        if isinstance(term, URIRef):
            if str(term).startswith(str(WD)):
                qid = str(term)[len(str(WD)):]
                return qid, ("item", qid)
            qid = self.items.get(term)
            return (qid, ("item", qid)) if qid else None
        if not isinstance(term, Literal):
            return None
        when = time_value(term)
        if when:
            return f"{when[0]}/{when[1]}", ("time", when[0], when[1])
        details = self.value_nodes.get(statement.iri, {}) if statement else {}
        amount = details.get(WIKIBASE.quantityAmount)
        if amount is not None or term.datatype in (XSD.integer, XSD.decimal):
            unit = details.get(WIKIBASE.quantityUnit)
            unit_id = str(unit)[len(str(WD)):] if isinstance(unit, URIRef) else ""
            number = _amount(str(amount if amount is not None else term))
            text = number + (f"U{unit_id[1:]}" if unit_id and unit_id != "Q199" else "")
            return text, ("quantity", Decimal(number), unit_id if unit_id != "Q199" else "")
        if term.language:
            return f"{term.language}:{quote(str(term))}", ("text", " ".join(str(term).split()), term.language)
        return quote(str(term)), ("string", " ".join(str(term).split()))

    def name(self, node: Node) -> str:
        return self.labels.get(node) or file_name(node) or str(node)


@dataclass
class _Claim:
    value: tuple[Any, ...]
    qualifiers: dict[str, list[tuple[Any, ...]]]


def _comparable(snak: dict[str, Any]) -> tuple[Any, ...] | None:
    """A snak's value, comparable with ours; None for a value of an odd shape (it is compared with nothing)."""
    datavalue = snak.get("datavalue") if isinstance(snak, dict) else None
    if not isinstance(datavalue, dict):
        return None
    value, kind = datavalue.get("value"), datavalue.get("type")
    try:
        if kind == "wikibase-entityid" and isinstance(value, dict):
            return "item", str(value.get("id"))
        if kind == "time" and isinstance(value, dict) and isinstance(value.get("time"), str):
            return "time", value["time"], int(value.get("precision", 11))
        if kind == "quantity" and isinstance(value, dict):
            unit = str(value.get("unit", "1")).rsplit("/", 1)[-1]
            return "quantity", Decimal(str(value.get("amount", "0")).lstrip("+")), "" if unit == "1" else unit
        if kind == "monolingualtext" and isinstance(value, dict):
            return "text", value.get("text"), value.get("language")
        if kind == "string" and isinstance(value, str):
            return "string", value
    except (ValueError, TypeError, ArithmeticError):  # a precision of "x", an amount of "many"
        return None
    return None


def _claims(entity: dict[str, Any]) -> dict[str, list[_Claim]]:
    """The item's claims with their qualifiers, as comparable values, by property."""
    found: dict[str, list[_Claim]] = {}
    for prop, claims in (entity.get("claims") or {}).items():
        for claim in claims or []:
            if not isinstance(claim, dict):
                continue
            value = _comparable(claim.get("mainsnak") or {})
            if value is None:
                continue
            qualifiers: dict[str, list[tuple[Any, ...]]] = {}
            for qualifier, snaks in (claim.get("qualifiers") or {}).items():
                for snak in snaks or []:
                    if (compared := _comparable(snak)) is not None:
                        qualifiers.setdefault(qualifier, []).append(compared)
            found.setdefault(prop, []).append(_Claim(value, qualifiers))
    return found


def _covers(theirs: tuple[Any, ...], ours: tuple[Any, ...]) -> bool:
    """The item's value states ours, at least as precisely."""
    if theirs[0] != ours[0]:
        return False
    if ours[0] == "time":
        precision = min(theirs[2], ours[2])
        length = {9: 5, 10: 8, 11: 11}.get(precision, 5)
        return theirs[2] >= ours[2] and theirs[1][:length] == ours[1][:length]
    return theirs == ours


def _same_for_quickstatements(theirs: tuple[Any, ...], ours: tuple[Any, ...]) -> bool:
    """QuickStatements' own test (``compareDatavalue``) for "this statement exists": the same item, string or
    text, the same amount, or the same time string at the same precision."""
    if theirs[0] != ours[0]:
        return False
    if ours[0] == "quantity":
        return theirs[1] == ours[1]
    return theirs == ours


def _citation(mapped: MappedFilm, retrieved: date) -> list[str]:
    """The reference of every statement: S143 the wiki, S4656 the permalink, S813 the day it was retrieved.

    :raises FilmgraphError: the film was read from no wiki page at a known revision.
    """
    for statement in mapped.statements:
        for reference in statement.references:
            wiki = next((str(term)[len(str(WD)):] for predicate, term in reference.details
                         if predicate == PR.P143 and isinstance(term, URIRef) and str(term).startswith(str(WD))), None)
            permalink = str(reference.page)
            parts = urlsplit(permalink)
            if wiki and parts.scheme in ("http", "https") and parts.path.endswith("/index.php") and \
                    re.fullmatch(r"\d+", parse_qs(parts.query).get("oldid", [""])[0]):
                return ["S143", wiki, "S4656", quote(permalink), "S813", f"+{retrieved.isoformat()}T00:00:00Z/11"]
    raise FilmgraphError("no page to cite: QuickStatements are proposed only with a reference to the Wikipedia "
                         "page at the revision read (fetch it as wiki:Title, or give --source-url the page's "
                         "permalink, …/w/index.php?title=…&oldid=…)")


def propose(mapped: MappedFilm, entity: dict[str, Any], *, create: bool = False, retrieved: date | None = None,
            commons_files: set[str] | None = None) -> Proposal:
    """The statements ``entity`` (the film's item) lacks, from the film's statement records.

    ``retrieved`` is the day the page was read (S813; today by default); ``commons_files`` the file names known
    to be on Wikimedia Commons (P18 is proposed for no other; None: not checked).

    :raises FilmgraphError: the entity has no item id, or the film has no page at a known revision to cite.
    """
    film = _Film(mapped, commons_files)
    qid = entity.get("id") if isinstance(entity, dict) else None
    if not is_item(qid):
        raise FilmgraphError("the entity has no item id")
    assert isinstance(qid, str)
    checked_entity(entity, qid)
    proposal = Proposal(subject=qid)
    if not mapped.statements:
        return proposal
    proposal.reference = _citation(mapped, retrieved or datetime.now(timezone.utc).date())
    claims = _claims(entity)
    created: dict[Node, Create] = {}
    for statement in mapped.statements:
        if not mapped.truthy(statement):
            continue  # a weekend's takings beside the headline box office: no value to propose for the film
        prop = statement.property
        value = film.value(statement.value, prop, statement)
        if value is None:
            value = _without_item(film, proposal, statement, created if create else None)
            if value is None:
                continue
        text, comparable = value
        qualifiers = [(qualifier, found) for qualifier, term in statement.qualifiers
                      if (found := film.value(term, qualifier)) is not None]
        line = [qid, prop, text]
        if text != "LAST":
            present = claims.get(prop, [])
            if any(_covers(claim.value, comparable) for claim in present):
                exact = next((c for c in present if _same_for_quickstatements(c.value, comparable)), None)
                missing = [(qualifier, found) for qualifier, found in qualifiers
                           if not any(_covers(theirs, found[1]) for theirs in
                                      (exact.qualifiers.get(qualifier, []) if exact else []))]
                if not missing:
                    continue
                if exact is None:  # QuickStatements would add a second, less precise statement
                    proposal.notes.append(f"{qid} {prop} {text}: the item states it more precisely; its qualifiers "
                                          f"({', '.join(f'{q} {v[0]}' for q, v in missing)}) are for a person to add")
                    continue
                qualifiers = missing  # added to the existing statement
            elif prop in SINGLE_VALUED and present:
                proposal.conflicts.append(f"{qid} {prop}: the article states {text}, the item "
                                          f"{', '.join(str(claim.value[1]) for claim in present)}")
                continue
        for qualifier, found in qualifiers:
            line += [qualifier, found[0]]
        line += proposal.reference
        if not _well_formed(line):  # never a command made of anything but checked values
            proposal.notes.append(f"{qid} {prop}: a value QuickStatements cannot take as it is; left out")
            continue
        if any("|" in cell for cell in line):
            # QuickStatements 3 reads every "|" of a V1 batch as a tab.
            proposal.notes.append(f"{qid} {prop} {text}: a value holds '|', which QuickStatements reads as a "
                                  "column break; left out")
            continue
        if text == "LAST":
            created[statement.value].statements.append(line)
        else:
            proposal.lines.append(line)
    return proposal


def _without_item(film: _Film, proposal: Proposal, statement: Statement,
                  created: dict[Node, Create] | None) -> tuple[str, Any] | None:
    """What becomes of a statement whose value has no item: ("LAST", …) when a CREATE block makes the item,
    else None, with the reason reported."""
    node, prop, subject = statement.value, statement.property, proposal.subject
    if prop == _IMAGE:
        name = file_name(node)
        reason = ("is not a Wikimedia Commons file" if name is None else
                  "was not checked on Commons" if film.commons_files is None else "is not on Wikimedia Commons")
        proposal.notes.append(f"{subject} {prop}: {name or node} {reason}; left out")
        return None
    name = film.name(node)
    kind, page = film.kinds.get(node), film.pages.get(node)
    if kind is None:  # an award category, an event, a work: never made into an item here
        _once(proposal.notes, f"{subject} {prop}: {name} has no Wikidata item known; left out")
        return None
    if page is None:
        _once(proposal.unlinked, name)  # who the name means is not known: no item is proposed or made
        return None
    site = _wikipedia(page)
    title = title_of(page)
    if created is None or site is None or title is None:
        _once(proposal.needs_item, f"{name} ({page})")
        return None
    if node not in created:
        kind_item = str(HUMAN_ITEM)[len(str(WD)):] if kind == "person" else _ORGANIZATION_ITEM
        created[node] = Create(name, site[1], kind_item, site[0], title)
        proposal.creates.append(created[node])
    return "LAST", ("created", name)


# What a cell of a command may be: an item, LAST, a property, qualifier or source key, a quantity, a time, a
# string or text in quotes (on one line: str.split() took every whitespace, line breaks included).
_CELL_RE = re.compile(r'(?:Q[1-9][0-9]*|LAST|[PS][1-9][0-9]*|S[a-z_]+wiki|L[a-z][a-z0-9-]*'
                      r'|[+-]?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?(?:U[1-9][0-9]*)?'
                      r'|\+[0-9]{4,}-[0-9]{2}-[0-9]{2}T00:00:00Z/[0-9]{1,2}'
                      r'|(?:[A-Za-z][A-Za-z0-9-]*:)?"[^\t\n\r]*")')
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _well_formed(line: list[str]) -> bool:
    """Every cell of a command line is a checked value of its kind, and none breaks the line or the columns."""
    return is_item(line[0]) and is_property(line[1]) and \
        all(_CELL_RE.fullmatch(cell) and not _CONTROL_RE.search(cell) for cell in line)


def _once(found: list[str], entry: str) -> None:
    if entry not in found:
        found.append(entry)


def _create_lines(item: Create, reference: list[str]) -> list[list[str]]:
    return [["CREATE"], ["LAST", f"L{item.language}", quote(item.label)],
            ["LAST", f"S{item.site}", quote(item.page)], ["LAST", "P31", item.kind, *reference]]


def as_v1(*proposals: Proposal) -> str:
    """QuickStatements V1: one tab-separated command a line; each CREATE block is followed by the film's
    statements about the new item (``LAST``)."""
    lines: list[list[str]] = []
    for proposal in proposals:
        for item in proposal.creates:
            lines += _create_lines(item, proposal.reference)
            lines += item.statements
        lines += proposal.lines
    return "".join("\t".join(line) + "\n" for line in lines)


def _columns(line: list[str]) -> list[str]:
    """The CSV columns of one V1 statement line: its property, ``qal…`` for each qualifier, and its reference
    as one group (``S143,s4656,s813``: an upper-case S starts the reference, lower-case ones add to it)."""
    columns = [line[1]]
    first_source = True
    for key in line[3::2]:
        if key.startswith("P"):
            columns.append("qal" + key[1:])
        else:
            columns.append(("S" if first_source else "s") + key[1:])
            first_source = False
    return columns


def as_csv(*proposals: Proposal) -> str:
    """QuickStatements CSV with one header row for the whole batch.

    A row is an item: the film's statements follow each other on its row, each group of columns a statement
    with its qualifiers and its whole reference; a row with an empty ``qid`` creates an item (label, sitelink,
    P31 with its reference). The header is laid out so that a film's row fills its columns from the first
    one; a created item's row leaves the film columns empty (QuickStatements 3 skips empty cells). The film's
    statements about a created item need its id, which a CSV row cannot name: the next run proposes them.
    """
    header: list[str] = ["qid"]
    groups: list[tuple[str, ...]] = []  # the statement groups of the header, in order
    rows: list[list[str]] = []
    for proposal in proposals:
        if not proposal.lines:
            continue
        used: dict[tuple[str, ...], int] = {}
        placed: list[tuple[int, list[str]]] = []
        for line in proposal.lines:
            shape = tuple(_columns(line))
            nth = used.get(shape, 0)
            used[shape] = nth + 1
            matching = [i for i, group in enumerate(groups) if group == shape]
            if nth >= len(matching):
                groups.append(shape)
                matching.append(len(groups) - 1)
            placed.append((matching[nth], [line[2], *line[4::2]]))
        cells: dict[int, list[str]] = dict(placed)
        row = [proposal.subject]
        for index, group in enumerate(groups):
            row += cells.get(index, [""] * len(group))
        rows.append(row)
    width = sum(len(group) for group in groups) + 1
    create_groups: list[tuple[str, ...]] = []
    create_rows: list[tuple[tuple[str, ...], list[str]]] = []
    for proposal in proposals:
        for item in proposal.creates:
            shape = (f"L{item.language}", f"S{item.site}", *_columns(["LAST", "P31", item.kind, *proposal.reference]))
            if shape not in create_groups:
                create_groups.append(shape)
            create_rows.append((shape, [item.label, item.page, item.kind, *proposal.reference[1::2]]))
    for group in groups:
        header += group
    for group in create_groups:
        header += group
    for shape, values in create_rows:
        row = [""] * width
        for group in create_groups:
            row += values if group == shape else [""] * len(group)
        rows.append(row)
    if not rows:
        return ""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        while len(row) > 1 and row[-1] == "":
            row.pop()  # a row may stop before the header does: the cells it lacks are not commands
        writer.writerow(row)
    return buffer.getvalue()


def deferred(proposals: Iterable[Proposal]) -> int:
    """How many of the films' statements name an item a CSV batch creates (and so wait for the next run)."""
    return sum(len(item.statements) for proposal in proposals for item in proposal.creates)
