"""The statements a film's Wikidata item lacks, as QuickStatements V1 or CSV, with references.

Reads the statement records of :mod:`filmgraph.rdf.statements` and compares them with the item's current
claims (a ``wbgetentities`` answer). A value the item states already, or states at least as precisely
(1976-02-08 covers 1976), is not proposed; a value that conflicts with a single-valued claim (another runtime,
another title, another budget) is reported for a person to check, never emitted; a person or company with no
known item is reported as needing one (or, with ``create``, gets a ``CREATE`` block with its label and P31).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rdflib import Literal, URIRef
from rdflib.term import Node

from filmgraph.errors import FilmgraphError
from filmgraph.rdf.statements import MappedFilm, Reference, Statement
from filmgraph.rdf.vocab import HUMAN_ITEM, OWL, RDF, RDFS, SDO, WD, WIKIBASE, XSD

# Properties a film has one value of: another value is a conflict, not a missing statement.
SINGLE_VALUED = frozenset({"P2047", "P1476", "P2130", "P2142", "P5436"})
_PRECISION = {str(XSD.gYear): 9, str(XSD.gYearMonth): 10, str(XSD.date): 11}
_ORGANIZATION_ITEM = "Q43229"


@dataclass
class Proposal:
    """What the comparison found: edits to make, values that conflict, and names that need an item."""

    lines: list[list[str]] = field(default_factory=list)  # one V1 line each: [subject, property, value, …]
    conflicts: list[str] = field(default_factory=list)
    needs_item: list[str] = field(default_factory=list)
    creates: list[list[list[str]]] = field(default_factory=list)


def load_entity(path: str | Path) -> dict[str, Any]:
    """The one entity of a saved ``wbgetentities`` answer.

    :raises FilmgraphError: the file is unreadable, not JSON, or holds no single entity.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        entities = data["entities"]
        if not isinstance(entities, dict) or len(entities) != 1:
            raise FilmgraphError(f"{path}: a wbgetentities answer with one entity is needed")
        return next(iter(entities.values()))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise FilmgraphError(f"{path}: not a wbgetentities answer ({type(exc).__name__})") from exc


def quote(text: str) -> str:
    r"""A QuickStatements string: double quotes, with quotes and backslashes escaped, on one line.

    >>> print(quote('Say "hi"'))
    "Say \"hi\""
    """
    flat = " ".join(text.split())
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


def time_value(literal: Literal) -> tuple[str, int] | None:
    """(+YYYY-MM-DDT00:00:00Z, precision) of a date literal at its precision.

    >>> time_value(Literal("1976-02", datatype=XSD.gYearMonth))
    ('+1976-02-01T00:00:00Z', 10)
    """
    precision = _PRECISION.get(str(literal.datatype))
    if precision is None:
        return None
    parts = (str(literal).split("-") + ["01", "01"])[:3]
    return f"+{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z", precision


def _amount(value: str) -> str:
    try:
        number = Decimal(value)
    except InvalidOperation:
        return value
    return str(number.quantize(Decimal(1))) if number == number.to_integral() else str(number.normalize())


class _Film:
    """The records of one mapped film, with the items its nodes are owl:sameAs."""

    def __init__(self, mapped: MappedFilm) -> None:
        self.mapped = mapped
        self.items: dict[Node, str] = {}
        self.labels: dict[Node, str] = {}
        self.human: set[Node] = set()
        self.value_nodes: dict[Node, dict[Node, Node]] = {}
        for s, p, o in mapped.triples:
            if p == OWL.sameAs and isinstance(o, URIRef) and str(o).startswith(str(WD)):
                self.items[s] = str(o)[len(str(WD)):]
            elif p == RDFS.label and isinstance(o, Literal):
                self.labels.setdefault(s, str(o))
            elif p == RDF.type and o == SDO.Person:
                self.human.add(s)
        for statement in mapped.statements:
            self.value_nodes[statement.iri] = dict(statement.value_node)

    def value(self, term: Node, statement: Statement | None = None) -> tuple[str, Any] | None:
        """(QuickStatements value, comparable value) of a term, or None when it has no item."""
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
            return f"{term.language}:{quote(str(term))}", ("text", str(term), term.language)
        return quote(str(term)), ("string", str(term))


def _claims(entity: dict[str, Any]) -> dict[str, list[tuple[Any, ...]]]:
    """The item's claims as comparable values, by property."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    for prop, claims in (entity.get("claims") or {}).items():
        for claim in claims or []:
            snak = (claim or {}).get("mainsnak") or {}
            value = (snak.get("datavalue") or {}).get("value")
            kind = (snak.get("datavalue") or {}).get("type")
            if kind == "wikibase-entityid" and isinstance(value, dict):
                found.setdefault(prop, []).append(("item", value.get("id")))
            elif kind == "time" and isinstance(value, dict):
                found.setdefault(prop, []).append(("time", value.get("time"), int(value.get("precision", 11))))
            elif kind == "quantity" and isinstance(value, dict):
                unit = str(value.get("unit", "1")).rsplit("/", 1)[-1]
                found.setdefault(prop, []).append(
                    ("quantity", Decimal(str(value.get("amount", "0")).lstrip("+")), "" if unit == "1" else unit))
            elif kind == "monolingualtext" and isinstance(value, dict):
                found.setdefault(prop, []).append(("text", value.get("text"), value.get("language")))
            elif kind == "string":
                found.setdefault(prop, []).append(("string", value))
    return found


def _covers(theirs: tuple[Any, ...], ours: tuple[Any, ...]) -> bool:
    """The item's value states ours, at least as precisely."""
    if theirs[0] != ours[0]:
        return False
    if ours[0] == "time":
        precision = min(theirs[2], ours[2])
        length = {9: 5, 10: 8, 11: 11}[precision]
        return theirs[2] >= ours[2] and theirs[1][:length] == ours[1][:length]
    return theirs == ours


def _references(references: list[Reference]) -> list[str]:
    if not references:
        return []
    reference = references[0]
    line = ["S854", quote(str(reference.page))]
    for predicate, term in reference.details:
        if str(predicate).endswith("P813") and isinstance(term, Literal):
            line += ["S813", f"+{str(term)[:10]}T00:00:00Z/11"]
        elif str(predicate).endswith("P143") and isinstance(term, URIRef):
            line += ["S143", str(term)[len(str(WD)):]]
    return line


def propose(mapped: MappedFilm, entity: dict[str, Any], *, create: bool = False) -> Proposal:
    """The statements ``entity`` (the film's item) lacks, from the film's statement records."""
    film = _Film(mapped)
    qid = str(entity.get("id") or "")
    if not qid.startswith("Q"):
        raise FilmgraphError("the entity has no item id")
    claims = _claims(entity)
    proposal = Proposal()
    created: dict[Node, int] = {}
    for statement in mapped.statements:
        if not mapped.truthy(statement):
            continue  # a weekend's takings beside the headline box office: no value to propose for the film
        value = film.value(statement.value, statement)
        if value is None:
            name = film.labels.get(statement.value, str(statement.value))
            if not create:
                if name not in proposal.needs_item:
                    proposal.needs_item.append(name)
                continue
            if statement.value not in created:
                kind = HUMAN_ITEM if statement.value in film.human else WD[_ORGANIZATION_ITEM]
                proposal.creates.append([["CREATE"], ["LAST", "Len", quote(name)],
                                         ["LAST", "P31", str(kind)[len(str(WD)):]]])
                created[statement.value] = len(proposal.creates) - 1
            value = ("LAST", ("created", name))
        text, comparable = value
        present = claims.get(statement.property, [])
        if any(_covers(theirs, comparable) for theirs in present):
            continue
        if statement.property in SINGLE_VALUED and present:
            proposal.conflicts.append(f"{qid} {statement.property}: the article states {text}, the item "
                                      f"{', '.join(str(v[1]) for v in present)}")
            continue
        line = [qid, statement.property, text]
        for prop, term in statement.qualifiers:
            qualifier = film.value(term)
            if qualifier is not None:
                line += [prop, qualifier[0]]
        line += _references(statement.references)
        if text == "LAST":
            proposal.creates[created[statement.value]].append(line)
        else:
            proposal.lines.append(line)
    return proposal


def as_v1(proposal: Proposal) -> str:
    """QuickStatements V1: one tab-separated command a line."""
    lines = [line for block in proposal.creates for line in block] + proposal.lines
    return "".join("\t".join(line) + "\n" for line in lines)


def as_csv(proposal: Proposal) -> str:
    """QuickStatements CSV: a header and rows for each shape of statement (qualifiers ``qal…``, sources ``S…``)."""
    import csv
    import io

    blocks: dict[tuple[str, ...], list[list[str]]] = {}
    for line in proposal.lines:
        header = ["qid", line[1]] + [("qal" + line[i][1:]) if line[i].startswith("P") else line[i]
                                     for i in range(3, len(line), 2)]
        blocks.setdefault(tuple(header), []).append([line[0], line[2]] + line[4::2])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for header, rows in blocks.items():
        writer.writerow(header)
        writer.writerows(rows)
    return buffer.getvalue()
