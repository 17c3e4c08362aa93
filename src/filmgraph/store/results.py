"""What both stores share: query results, query forms and prefixes, graph names, SPARQL JSON."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from filmgraph import defaults
from filmgraph.errors import FilmgraphError
from filmgraph.pages import canonical_page, title_of
from filmgraph.rdf.vocab import PREFIXES, RDF, SDO
from filmgraph.rdf.write import n_triples_term
from filmgraph.text import replaced_warning, valid_data

DEFAULT_STORE = defaults.STORE_DIR


# Prefixes a query may use without declaring them.
QUERY_PREFIXES = {name: str(PREFIXES[name]) for name in
                  ("schema", "wd", "wdt", "p", "ps", "psv", "pq", "pqv", "pr", "prov", "rdfs", "xsd", "owl",
                   "wikibase", "fg")}


_FORM_RE = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


@dataclass
class QueryResult:
    """A SELECT table, an ASK boolean, or a CONSTRUCT/DESCRIBE graph."""

    form: str  # "select", "ask" or "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Node]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    warnings: list[str] = field(default_factory=list)  # what reading the answer replaced

    def to_csv(self, *, delimiter: str = ",") -> str:
        r"""SPARQL 1.1 CSV (plain values) or, with a tab, TSV (RDF terms, written as N-Triples writes them: a tab
        or a line break in a value is escaped, and never splits a row).

        >>> QueryResult("select", ["x"], [{"x": Literal("a\tb\nc")}]).to_csv(delimiter="\t")
        '?x\n"a\\tb\\nc"\n'
        """
        buffer = io.StringIO()
        if delimiter == "\t":
            buffer.write("\t".join(f"?{v}" for v in self.variables) + "\n")
            for row in self.rows:
                buffer.write("\t".join(n_triples_term(row[v]) if v in row else "" for v in self.variables) + "\n")
            return buffer.getvalue()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(self.variables)
        for row in self.rows:
            writer.writerow([str(row[v]) if v in row else "" for v in self.variables])
        return buffer.getvalue()

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON."""
        if self.form == "ask":
            return json.dumps({"head": {}, "boolean": self.boolean}, indent=2) + "\n"
        return json.dumps({"head": {"vars": self.variables},
                           "results": {"bindings": [{v: _json_term(t) for v, t in row.items()}
                                                    for row in self.rows]}},
                          indent=2, ensure_ascii=False) + "\n"


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    data = {"type": "literal", "value": str(term)}
    if term.language:
        data["xml:lang"] = term.language
    elif term.datatype:
        data["datatype"] = str(term.datatype)
    return data


_IRI_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|\\^`]*")
_LANGUAGE_RE = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_BNODE_RE = re.compile(r"[A-Za-z0-9_\-.]+")


def _term_from_json(data: dict[str, str]) -> Node:
    """One binding of a SPARQL JSON answer, checked: an IRI that is one, a language tag that is one."""
    kind, value = data["type"], data["value"]
    if not isinstance(value, str):
        raise TypeError(f"a {kind} value that is no string")
    if kind == "uri":
        if not _IRI_RE.fullmatch(value):
            raise ValueError(f"a uri value that is no IRI: {value[:60]!r}")
        return URIRef(value)
    if kind == "bnode":
        if not _BNODE_RE.fullmatch(value):
            raise ValueError(f"a bnode label that is none: {value[:60]!r}")
        return BNode(value)
    if kind not in ("literal", "typed-literal"):
        raise ValueError(f"an unknown binding type {str(kind)[:20]!r}")
    datatype, language = data.get("datatype"), data.get("xml:lang")
    if language is not None and not (isinstance(language, str) and _LANGUAGE_RE.fullmatch(language)):
        raise ValueError(f"a language tag that is none: {str(language)[:30]!r}")
    if datatype is not None and not (isinstance(datatype, str) and _IRI_RE.fullmatch(datatype)):
        raise ValueError(f"a datatype that is no IRI: {str(datatype)[:60]!r}")
    # normalize=False: a value prints as the store holds it ("1969-05-25T00:00:00Z", as Wikidata writes times),
    # not as rdflib would rewrite it ("…+00:00").
    return Literal(value, lang=language, datatype=URIRef(datatype) if datatype else None, normalize=False)


def parse_json_results(text: str | bytes) -> QueryResult:
    """SPARQL 1.1 JSON results; anything else a server answers is one line.

    >>> parse_json_results('{"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "literal", '
    ...                    '"value": "Heat"}}]}}').rows
    [{'n': rdflib.term.Literal('Heat')}]
    >>> parse_json_results('{}')
    Traceback (most recent call last):
    filmgraph.errors.FilmgraphError: the server's answer is not SPARQL JSON results (KeyError: 'head')
    """
    try:
        data = json.loads(text)
        if isinstance(data, dict) and "boolean" in data:
            if not isinstance(data["boolean"], bool):  # "false" is a string, and a true one
                raise TypeError(f"a boolean that is no JSON boolean: {str(data['boolean'])[:20]!r}")
            return QueryResult("ask", boolean=data["boolean"])
        data, replaced = valid_data(data)
        variables = [str(v) for v in data["head"].get("vars") or []]
        rows = [{str(v): _term_from_json(t) for v, t in binding.items() if t is not None}
                for binding in data["results"]["bindings"]]
    except RecursionError as exc:
        raise FilmgraphError("the server's answer is not SPARQL JSON results (nested too deeply)") from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise FilmgraphError(f"the server's answer is not SPARQL JSON results ({type(exc).__name__}: "
                             f"{first_line(str(exc), 80)})") from exc
    warnings = [replaced_warning("the server's answer", replaced)] if replaced else []
    return QueryResult("select", variables, rows, warnings=warnings)


def query_form(query: str) -> str:
    """"select", "ask" or "graph" (CONSTRUCT/DESCRIBE), read past comments and prefixes.

    Example:

    >>> query_form("# who?\\nPREFIX s: <http://schema.org/>\\nASK { ?a ?b ?c }")
    'ask'
    """
    text = re.sub(r"#[^\n]*", "", query)
    text = re.sub(r"(?is)\b(PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)", "", text)
    match = _FORM_RE.search(text)
    if not match:
        raise FilmgraphError("query: not a SELECT, ASK, CONSTRUCT or DESCRIBE query")
    form = match.group(1).lower()
    return form if form in ("select", "ask") else "graph"


def with_prefixes(query: str) -> str:
    """The query with every well-known prefix it does not declare itself declared for it.

    Example:

    >>> with_prefixes("PREFIX schema: <https://schema.org/> SELECT * {}").count("PREFIX schema:")
    1
    """
    declared = {m.lower() for m in re.findall(r"(?i)PREFIX\s+([\w-]*):", query)}
    lines = [f"PREFIX {name}: <{iri}>" for name, iri in QUERY_PREFIXES.items() if name.lower() not in declared]
    return "\n".join([*lines, query])


class Store(Protocol):
    def load(self, graph: Graph, *, graph_iri: str | None = None) -> int:
        """Replace named graph ``graph_iri`` (default: the article the graph cites) with ``graph``;
        return the number of triples loaded."""

    def query(self, text: str) -> QueryResult:
        """Run a SPARQL query over the union of all graphs."""

    def graphs(self) -> list[str]:
        """The named graphs in the store."""

    def close(self) -> None: ...


def cited_article(graph: Graph) -> str:
    """The one article the graph's film is described in (schema:subjectOf): the film's named graph.

    :raises FilmgraphError: the graph describes no article, or several.
    """
    # Only the film's own statement names its graph: a reference citing another article (pr:P854) could
    # otherwise make a crafted file replace that article's graph.
    return one_cited({str(o) for f in graph.subjects(RDF.type, SDO.Movie) for o in graph.objects(f, SDO.subjectOf)})


def one_cited(cited: set[str]) -> str:
    """The one article a film cites.

    :raises FilmgraphError: it cites none, or several.
    """
    if len(cited) != 1:
        raise FilmgraphError(f"the graph cites {len(cited) or 'no'} source articles; give graph_iri")
    return next(iter(cited))


# What tells one film from another in its triples: its name, its article, its page and its dates.
IDENTITY_PROPERTIES = frozenset(str(p) for p in (SDO.name, SDO.subjectOf, SDO.sameAs, SDO.dateCreated,
                                                 SDO.datePublished))
_YEAR_RE = re.compile(r"^-?\d{4}")


@dataclass(frozen=True)
class FilmIdentity:
    """Which film a graph's film is: its page when it has one (``wiki:``, a dump, ``--source-url``), else its
    title and year (two page-less films of one title are told apart by their years: filmgraph.rdf.iris)."""

    iri: str
    title: str = ""
    year: int | None = None
    page: str | None = None

    def same_film(self, other: FilmIdentity) -> bool:
        """One page is one film, whatever IRI an older export gave it; a film without a page is its IRI, title
        and year."""
        if self.page or other.page:
            return self.page == other.page
        return self.iri == other.iri and _folded(self.title) == _folded(other.title) and self.year == other.year

    def __str__(self) -> str:
        year = f" ({self.year})" if self.year is not None else ""
        return f'"{self.title}"{year} <{self.iri}>'


def _folded(title: str) -> str:
    return " ".join(title.casefold().split())


def film_identities(triples: Iterable[tuple[str, str, str]]) -> list[FilmIdentity]:
    """The identity of each film (``a schema:Movie``) among triples given as (subject, predicate, object) strings.

    >>> t = [("urn:f", str(RDF.type), str(SDO.Movie)), ("urn:f", str(SDO.name), "Batman"),
    ...      ("urn:f", str(SDO.datePublished), "1966-07-30"), ("urn:f", str(SDO.datePublished), "1966-07-31")]
    >>> film_identities(t)
    [FilmIdentity(iri='urn:f', title='Batman', year=1966, page=None)]
    """
    films: set[str] = set()
    found: dict[str, dict[str, list[str]]] = {}
    for subject, predicate, obj in triples:
        if predicate == str(RDF.type) and obj == str(SDO.Movie):
            films.add(subject)
        elif predicate in IDENTITY_PROPERTIES:
            found.setdefault(subject, {}).setdefault(predicate, []).append(obj)
    identities = []
    for film in sorted(films):
        values = found.get(film, {})
        names = sorted(values.get(str(SDO.name), []))
        created = [int(m.group(0)) for v in values.get(str(SDO.dateCreated), []) if (m := _YEAR_RE.match(v))]
        published = [int(m.group(0)) for v in values.get(str(SDO.datePublished), []) if (m := _YEAR_RE.match(v))]
        years = created or published
        # The film's article is its page when the film is also said to be that page (schema:sameAs).
        page = None
        for article in values.get(str(SDO.subjectOf), []):
            title = title_of(article)
            if title and any(title_of(same) == title for same in values.get(str(SDO.sameAs), [])):
                page = canonical_page(article)
        identities.append(FilmIdentity(film, names[0] if names else "", min(years) if years else None, page))
    return identities


def held_films(store: Store, *, film_iri: str | None = None, graph_iri: str | None = None) -> list[FilmIdentity]:
    """The films a store holds under ``film_iri`` (in any graph) or in graph ``graph_iri``, with their identities."""
    properties = ", ".join(checked_iri(p) for p in sorted(IDENTITY_PROPERTIES))
    parts = []
    if film_iri:
        film = checked_iri(film_iri)
        parts.append(f"{{ GRAPH ?g {{ {film} a <{SDO.Movie}> ; ?p ?o }} BIND({film} AS ?f) }}")
    if graph_iri:
        parts.append(f"{{ GRAPH {checked_iri(graph_iri)} {{ ?f a <{SDO.Movie}> ; ?p ?o }} }}")
    if not parts:
        return []
    rows = store.query(f"SELECT ?f ?p ?o WHERE {{ {' UNION '.join(parts)} FILTER(?p IN ({properties})) }}").rows
    triples = [(str(row["f"]), str(row["p"]), str(row["o"])) for row in rows if {"f", "p", "o"} <= row.keys()]
    films = {f for f, _, _ in triples}
    return film_identities([*triples, *((f, str(RDF.type), str(SDO.Movie)) for f in films)])


def owner_conflict(held: list[FilmIdentity], films: list[FilmIdentity], graph_iri: str, where: str) -> str | None:
    """Why a graph that holds a film cannot be replaced by another film's triples (None when it can): a film of
    another title or year, or a crafted file naming another article, must not overwrite that film."""
    if held and films and not any(h.same_film(f) for h in held for f in films):
        return (f"{where}: the graph <{graph_iri}> holds another film, {held[0]}, not {films[0]}; "
                "give --graph to replace it")
    return None


def first_line(message: str, limit: int = 160) -> str:
    """The first line of a parser message, cut short: Oxigraph lists every token it expected."""
    line = message.strip().splitlines()[0] if message.strip() else "syntax error"
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def checked_iri(iri: str) -> str:
    """``<iri>`` for a SPARQL text, refusing anything that is not one absolute IRI."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*", iri):
        raise FilmgraphError(f"not an absolute IRI: {iri!r}")
    return f"<{iri}>"


def bound_graph(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def read_query(text: str) -> str:
    """A query given inline, or as ``@file.rq``."""
    if text.startswith("@"):
        path = Path(text[1:])
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise FilmgraphError(f"{path}: cannot read query: {getattr(exc, 'strerror', None) or exc}") from exc
    return text


def iter_rows(result: QueryResult) -> Iterator[list[str]]:
    for row in result.rows:
        yield [str(row[v]) if v in row else "" for v in result.variables]
