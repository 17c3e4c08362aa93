"""Load graphs into a triple store and query it with SPARQL.

Two stores behind one interface: an embedded on-disk Oxigraph store (pyoxigraph, the default) and
any SPARQL 1.1 server over HTTP (Query and Update protocols, Graph Store HTTP Protocol). Each film
lives in its own named graph; loading it again replaces that graph whole, in one request or
transaction, so a failed load never leaves half a film behind.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import requests
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from filmgraph.errors import FilmgraphError
from filmgraph.httpclient import HttpClient
from filmgraph.rdf.vocab import PR, PREFIXES
from filmgraph.rdf.write import RdfFormat, serialize

DEFAULT_STORE = Path("out") / "store"
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

    def to_csv(self, *, delimiter: str = ",") -> str:
        """SPARQL 1.1 CSV (plain values) or, with a tab, TSV (RDF terms)."""
        buffer = io.StringIO()
        if delimiter == "\t":
            buffer.write("\t".join(f"?{v}" for v in self.variables) + "\n")
            for row in self.rows:
                buffer.write("\t".join(row[v].n3() if v in row else "" for v in self.variables) + "\n")
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


def _term_from_json(data: dict[str, str]) -> Node:
    kind = data["type"]
    if kind == "uri":
        return URIRef(data["value"])
    if kind == "bnode":
        return BNode(data["value"])
    datatype = data.get("datatype")
    return Literal(data["value"], lang=data.get("xml:lang"), datatype=URIRef(datatype) if datatype else None)


def _parse_json_results(text: str | bytes) -> QueryResult:
    data = json.loads(text)
    if "boolean" in data:
        return QueryResult("ask", boolean=bool(data["boolean"]))
    variables = list(data["head"].get("vars", []))
    rows = [{v: _term_from_json(t) for v, t in binding.items()} for binding in data["results"]["bindings"]]
    return QueryResult("select", variables, rows)


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


class EmbeddedStore:
    """An on-disk Oxigraph store (pyoxigraph)."""

    def __init__(self, path: str | Path = DEFAULT_STORE) -> None:
        import pyoxigraph

        self._ox = pyoxigraph
        self.path = Path(path)
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self._store = pyoxigraph.Store(str(self.path))
        except OSError as exc:
            raise FilmgraphError(f"{self.path}: cannot open store: {exc}") from exc

    def load(self, graph: Graph, *, graph_iri: str | None = None) -> int:
        graph_iri = graph_iri or cited_article(graph)
        name = _checked_iri(graph_iri)
        triples = serialize(graph, RdfFormat.N_TRIPLES) if len(graph) else ""
        try:
            # One update is one transaction: the old graph is gone and the new one there, or neither.
            # The triples are N-Triples written by rdflib, valid as SPARQL INSERT DATA content.
            self._store.update(f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{triples}}} }}")
        except (OSError, SyntaxError) as exc:
            raise FilmgraphError(f"{self.path}: cannot load: {exc}") from exc
        return len(graph)

    def query(self, text: str) -> QueryResult:
        ox = self._ox
        try:
            result = self._store.query(text, prefixes=QUERY_PREFIXES, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise FilmgraphError(f"query: {_one_line(str(exc))}") from exc
        except OSError as exc:
            raise FilmgraphError(f"{self.path}: {exc}") from exc
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            return _parse_json_results(result.serialize(format=ox.QueryResultsFormat.JSON))
        data = ox.serialize(result, format=ox.RdfFormat.N_TRIPLES)
        graph = Graph().parse(data=data.decode("utf-8") if data else "", format="nt")
        return QueryResult("graph", graph=_bound(graph))

    def graphs(self) -> list[str]:
        return sorted(node.value for node in self._store.named_graphs())

    def close(self) -> None:
        self._store.flush()
        del self._store


def cited_article(graph: Graph) -> str:
    """The one source article a graph's references cite (pr:P854): the film's named graph.

    :raises FilmgraphError: the graph cites no article, or several.
    """
    cited = sorted({str(o) for o in graph.objects(None, PR.P854)})
    if len(cited) != 1:
        raise FilmgraphError(f"the graph cites {len(cited) or 'no'} source articles; give graph_iri")
    return cited[0]


def _one_line(message: str, limit: int = 160) -> str:
    """The first line of a parser message, cut short: Oxigraph lists every token it expected."""
    line = message.strip().splitlines()[0] if message.strip() else "syntax error"
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _checked_iri(iri: str) -> str:
    """``<iri>`` for a SPARQL text, refusing anything that is not one absolute IRI."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*", iri):
        raise FilmgraphError(f"not an absolute IRI: {iri!r}")
    return f"<{iri}>"


def _bound(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def derived_endpoint(query_endpoint: str, name: str) -> str:
    """The update or store endpoint beside a query endpoint, in Oxigraph's layout.

    Example:

    >>> derived_endpoint("http://127.0.0.1:7878/query", "update"), derived_endpoint("http://h/ds/sparql", "store")
    ('http://127.0.0.1:7878/update', 'http://h/ds/store')
    """
    base, _, last = query_endpoint.rstrip("/").rpartition("/")
    return f"{base}/{name}" if last in ("query", "sparql") else f"{query_endpoint.rstrip('/')}/{name}"


class _NoGraphStore(Exception):
    """The server has no Graph Store HTTP Protocol endpoint at that URL."""


class RemoteStore:
    """Any SPARQL 1.1 server: queries and updates over HTTP, whole graphs PUT to its graph store.

    Credentials are a (user, password) pair for basic authentication (``auth``) or a bearer ``token``;
    they are never printed.
    """

    def __init__(self, endpoint: str, *, update_endpoint: str | None = None, store_endpoint: str | None = None,
                 timeout: float = 30.0, auth: tuple[str, str] | None = None, token: str | None = None) -> None:
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or derived_endpoint(endpoint, "update")
        self.store_endpoint = store_endpoint or derived_endpoint(endpoint, "store")
        self.timeout = timeout
        self.client = HttpClient(timeout=timeout, auth=auth, token=token)

    def _request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        passthrough = (404, 405, 501) if method == "PUT" else ()
        response = self.client.request(method, url, passthrough=passthrough, **kwargs)
        if response.status_code in passthrough:
            raise _NoGraphStore(url)
        return response

    def load(self, graph: Graph, *, graph_iri: str | None = None) -> int:
        graph_iri = graph_iri or cited_article(graph)
        name = _checked_iri(graph_iri)
        triples = serialize(graph, RdfFormat.N_TRIPLES) if len(graph) else ""
        try:
            # PUT replaces the named graph whole (Graph Store HTTP Protocol): no half-loaded film.
            self._request("PUT", self.store_endpoint, params={"graph": graph_iri}, data=triples.encode("utf-8"),
                          headers={"Content-Type": "application/n-triples"})
        except _NoGraphStore:
            # A server without a graph store: one SPARQL Update request, which servers run atomically.
            update = f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{triples}}} }}"
            self._request("POST", self.update_endpoint, data=update.encode("utf-8"),
                          headers={"Content-Type": "application/sparql-update"})
        return len(graph)

    def query(self, text: str) -> QueryResult:
        form = query_form(text)
        accept = "application/sparql-results+json" if form != "graph" else "text/turtle"
        response = self._request("POST", self.endpoint, data={"query": with_prefixes(text)},
                                 headers={"Accept": accept})
        if form == "graph":
            return QueryResult("graph", graph=_bound(Graph().parse(data=response.content, format="turtle")))
        return _parse_json_results(response.content)

    def graphs(self) -> list[str]:
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
        return [str(row["g"]) for row in result.rows]

    def close(self) -> None:
        self.client.close()


def open(path: str | Path | None = None, *, endpoint: str | None = None, update_endpoint: str | None = None,
         store_endpoint: str | None = None, timeout: float = 30.0, auth: tuple[str, str] | None = None,
         token: str | None = None) -> Store:  # noqa: A001 - mirrors pyoxigraph
    """Open the embedded store at ``path`` (default ``out/store``), or a SPARQL server at ``endpoint``.

    Example:

    >>> import tempfile
    >>> from rdflib import Graph, URIRef, Literal
    >>> store = open(tempfile.mkdtemp())
    >>> g = Graph().add((URIRef("urn:film"), URIRef("http://schema.org/name"), Literal("Heat")))
    >>> store.load(g, graph_iri="urn:article"), store.load(g, graph_iri="urn:article")
    (1, 1)
    >>> [str(row["n"]) for row in store.query("SELECT ?n { ?f schema:name ?n }").rows]
    ['Heat']
    >>> from filmgraph import parse_article, extract_film, map_film
    >>> film = map_film(extract_film(parse_article("= Heat =\\nInfobox\\n- Director: Michael Mann\\n",
    ...                                            source="urn:heat")))
    >>> store.load(film) == len(film), store.graphs()
    (True, ['urn:article', 'urn:heat'])
    """
    if endpoint:
        if path is not None:
            raise FilmgraphError("give a store folder or an endpoint, not both")
        return RemoteStore(endpoint, update_endpoint=update_endpoint, store_endpoint=store_endpoint,
                           timeout=timeout, auth=auth, token=token)
    return EmbeddedStore(path if path is not None else DEFAULT_STORE)


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
