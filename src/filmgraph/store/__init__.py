"""Load graphs into a triple store and query it with SPARQL.

Two stores behind one interface: an embedded on-disk Oxigraph store (pyoxigraph, the default) and
any SPARQL 1.1 server over HTTP (Query and Update protocols, Graph Store HTTP Protocol). Each film
lives in its own named graph; loading it again replaces that graph whole, in one request or
transaction, so a failed load never leaves half a film behind.
"""

from __future__ import annotations

from pathlib import Path

from filmgraph.errors import FilmgraphError
from filmgraph.store.embedded import EmbeddedStore
from filmgraph.store.remote import RemoteStore, derived_endpoint
from filmgraph.store.results import (
    DEFAULT_STORE,
    QUERY_PREFIXES,
    QueryResult,
    Store,
    cited_article,
    iter_rows,
    query_form,
    read_query,
    with_prefixes,
)

__all__ = ["open", "Store", "EmbeddedStore", "RemoteStore", "QueryResult", "DEFAULT_STORE", "QUERY_PREFIXES",
           "cited_article", "derived_endpoint", "iter_rows", "query_form", "read_query", "with_prefixes"]


def open(path: str | Path | None = None, *, endpoint: str | None = None, update_endpoint: str | None = None,
         store_endpoint: str | None = None, timeout: float = 30.0, auth: tuple[str, str] | None = None,
         token: str | None = None, read_only: bool = False) -> Store:  # noqa: A001 - mirrors pyoxigraph
    """Open the embedded store at ``path`` (default ``out/store``), or a SPARQL server at ``endpoint``.
    ``read_only``: the store is only queried, so a store on read-only media opens too.

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
    return EmbeddedStore(path if path is not None else DEFAULT_STORE, read_only=read_only)




