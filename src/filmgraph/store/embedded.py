"""The embedded on-disk store: Oxigraph (pyoxigraph), one named graph per film."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from filmgraph.errors import FilmgraphError
from filmgraph.rdf.write import RdfFormat, serialize
from filmgraph.store.results import (
    DEFAULT_STORE,
    QUERY_PREFIXES,
    QueryResult,
    bound_graph,
    checked_iri,
    cited_article,
    first_line,
    parse_json_results,
)


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
        name = checked_iri(graph_iri)
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
            raise FilmgraphError(f"query: {first_line(str(exc))}") from exc
        except OSError as exc:
            raise FilmgraphError(f"{self.path}: {exc}") from exc
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            return parse_json_results(result.serialize(format=ox.QueryResultsFormat.JSON))
        data = ox.serialize(result, format=ox.RdfFormat.N_TRIPLES)
        graph = Graph().parse(data=data.decode("utf-8") if data else "", format="nt")
        return QueryResult("graph", graph=bound_graph(graph))

    def graphs(self) -> list[str]:
        return sorted(node.value for node in self._store.named_graphs())

    def close(self) -> None:
        try:
            self._store.flush()
        except OSError as exc:  # a full disk: the graphs loaded before were committed one by one
            raise FilmgraphError(f"{self.path}: cannot flush the store: {exc}") from exc
        finally:
            del self._store
