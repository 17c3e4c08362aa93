"""What both stores share: query results, query forms and prefixes, graph names, SPARQL JSON."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from filmgraph import defaults
from filmgraph.errors import FilmgraphError
from filmgraph.rdf.vocab import PREFIXES, RDF, SDO
from filmgraph.rdf.write import n_triples_term
from filmgraph.text import replaced_warning, valid_data

DEFAULT_STORE = defaults.STORE_DIR


# Prefixes a query may use without declaring them.
QUERY_PREFIXES = {name: str(PREFIXES[name]) for name in
                  ("schema", "wd", "wdt", "p", "ps", "psv", "pq", "pr", "prov", "rdfs", "xsd", "wikibase", "fg")}


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
    return Literal(value, lang=language, datatype=URIRef(datatype) if datatype else None)


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


def owner_conflict(held: set[str], films: set[str], graph_iri: str, where: str) -> str | None:
    """Why a graph that holds a film cannot be replaced by another film's triples (None when it can): a crafted
    file naming another article must not overwrite that film. ``held`` and ``films`` are the films' IRIs."""
    if held and films and not held & films:
        return f"{where}: the graph <{graph_iri}> holds another film ({sorted(held)[0]}); give --graph to replace it"
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
