"""Any SPARQL 1.1 server over HTTP: Query and Update protocols, Graph Store HTTP Protocol."""

from __future__ import annotations

from typing import Any

import requests
from rdflib import Graph

from filmgraph.errors import FilmgraphError
from filmgraph.httpclient import HttpClient
from filmgraph.rdf.write import RdfFormat, parse_rdf, serialize
from filmgraph.store.results import (
    QueryResult,
    bound_graph,
    checked_iri,
    cited_article,
    parse_json_results,
    query_form,
    with_prefixes,
)


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
        name = checked_iri(graph_iri)
        triples = serialize(graph, RdfFormat.N_TRIPLES) if len(graph) else ""
        try:
            # PUT replaces the named graph whole (Graph Store HTTP Protocol): no half-loaded film.
            answer = self._request("PUT", self.store_endpoint, params={"graph": graph_iri},
                                   data=triples.encode("utf-8"), headers={"Content-Type": "application/n-triples"})
        except _NoGraphStore:
            # A server without a graph store: one SPARQL Update request, which servers run atomically.
            update = f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{triples}}} }}"
            answer = self._request("POST", self.update_endpoint, data=update.encode("utf-8"),
                                   headers={"Content-Type": "application/sparql-update"})
        self._check_loaded(name, len(graph), answer)
        return len(graph)

    def _check_loaded(self, name: str, expected: int, answer: requests.Response) -> None:
        """A write answered 2xx is trusted once the graph holds its triples: a page that is no graph store (a
        login page, a proxy's page, answered 200) would otherwise have the film "loaded" and nothing stored."""
        where = answer.url.split("?")[0]
        how = "an HTML page" if "html" in answer.headers.get("Content-Type", "").lower() else \
            f"HTTP {answer.status_code}"
        try:
            counted = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}").rows
            held = int(str(counted[0]["n"])) if len(counted) == 1 and "n" in counted[0] else None
        except (FilmgraphError, ValueError) as exc:
            raise FilmgraphError(f"{where}: answered the load of {name} with {how}, and the graph cannot be "
                                 f"counted: not loaded ({exc})") from exc
        if held != expected:
            holds = "no count" if held is None else f"{held} triples"
            raise FilmgraphError(f"{where}: answered the load of {name} with {how}, but the graph holds {holds}, "
                                 f"not {expected}: not loaded (is it a SPARQL graph store?)")

    def query(self, text: str) -> QueryResult:
        form = query_form(text)
        accept = "application/sparql-results+json" if form != "graph" else "text/turtle"
        response = self._request("POST", self.endpoint, data={"query": with_prefixes(text)},
                                 headers={"Accept": accept})
        if form == "graph":
            warnings: list[str] = []
            try:
                graph = parse_rdf(response.content, RdfFormat.TURTLE, where="the answer", warnings=warnings)
            except FilmgraphError as exc:
                raise FilmgraphError(f"{self.endpoint}: the server's answer is not Turtle ({exc})") from exc
            return QueryResult("graph", graph=bound_graph(graph), warnings=warnings)
        try:
            result = parse_json_results(response.content)
        except FilmgraphError as exc:
            raise FilmgraphError(f"{self.endpoint}: {exc}") from exc
        if result.form != form:  # an ASK answered with a table, or a SELECT with a boolean
            raise FilmgraphError(f"{self.endpoint}: the server answered a {form.upper()} query with "
                                 f"{'a boolean' if result.form == 'ask' else 'a table'}")
        return result

    def graphs(self) -> list[str]:
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
        return [str(row["g"]) for row in result.rows]

    def close(self) -> None:
        self.client.close()
