"""The embedded on-disk store: Oxigraph (pyoxigraph), one named graph per film."""

from __future__ import annotations

import errno
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph
from rdflib import Graph

from filmgraph.errors import FilmgraphError
from filmgraph.rdf.vocab import RDF, SDO
from filmgraph.rdf.write import RdfFormat, serialize
from filmgraph.store.results import (
    DEFAULT_STORE,
    IDENTITY_PROPERTIES,
    QUERY_PREFIXES,
    FilmIdentity,
    QueryResult,
    bound_graph,
    checked_iri,
    cited_article,
    film_identities,
    first_line,
    one_cited,
    owner_conflict,
    parse_json_results,
)

_TYPE = pyoxigraph.NamedNode(str(RDF.type))
_MOVIE = pyoxigraph.NamedNode(str(SDO.Movie))
_SUBJECT_OF = pyoxigraph.NamedNode(str(SDO.subjectOf))
# Films written at once when loading files (writing them one by one costs 3 ms of disk writes each), and
# the batch size from which Oxigraph's bulk loader writes them.
LOAD_BATCH = 64
BULK_FROM = 8
_DIRECT_FORMATS = {".nq": pyoxigraph.RdfFormat.N_QUADS, ".nt": pyoxigraph.RdfFormat.N_TRIPLES,
                   ".ttl": pyoxigraph.RdfFormat.TURTLE, ".turtle": pyoxigraph.RdfFormat.TURTLE}


def _identities(quads: Iterable[Any]) -> list[FilmIdentity]:
    """The identities of the films among pyoxigraph quads."""
    return film_identities((q.subject.value, q.predicate.value, q.object.value) for q in quads
                           if (q.predicate == _TYPE and q.object == _MOVIE) or q.predicate.value in IDENTITY_PROPERTIES)


class EmbeddedStore:
    """An on-disk Oxigraph store (pyoxigraph)."""

    def __init__(self, path: str | Path = DEFAULT_STORE, *, read_only: bool = False) -> None:
        """Open (or create) the store at ``path``. With ``read_only`` (a store that is only queried) a store
        on read-only media is opened read-only."""
        self._ox = pyoxigraph
        self.path = Path(path)
        self.read_only = False
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self._store = pyoxigraph.Store(str(self.path))
        except OSError as exc:
            if read_only and _is_read_only_media(exc):
                self._store = self._open_read_only()
                self.read_only = True
            elif _is_locked(exc):
                raise FilmgraphError(f"{self.path}: the store is in use by another process (a filmgraph load or "
                                     "query, or an Oxigraph server); try again when it is done") from exc
            else:
                raise FilmgraphError(f"{self.path}: cannot open store: {first_line(str(exc))}") from exc

    def _open_read_only(self) -> Any:
        try:
            return pyoxigraph.Store.read_only(str(self.path))
        except OSError as exc:
            raise FilmgraphError(f"{self.path}: cannot open store (read-only): {first_line(str(exc))}") from exc

    def load(self, graph: Graph, *, graph_iri: str | None = None) -> int:
        graph_iri = graph_iri or cited_article(graph)
        name = checked_iri(graph_iri)
        triples = serialize(graph, RdfFormat.N_TRIPLES) if len(graph) else ""
        try:
            # One update is one transaction: the old graph is gone and the new one there, or neither.
            # The triples are N-Triples written by rdflib, valid as SPARQL INSERT DATA content.
            self._store.update(f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{triples}}} }}")
        except (OSError, SyntaxError, UnicodeEncodeError) as exc:
            raise FilmgraphError(f"{self.path}: cannot load: {first_line(str(exc))}") from exc
        return len(graph)

    def load_files(self, paths: Iterable[str | Path], *, graph_iri: str | None = None
                   ) -> Iterator[tuple[str, str, int, str | None]]:
        """Load exported files (N-Quads, N-Triples, Turtle) straight into Oxigraph, without rdflib: each named
        graph an N-Quads file holds (a shard holds many films), or the one graph a film file's film cites
        (or ``graph_iri``). Each graph replaces the one of that name. Yields (file, graph, triples, error)
        per graph, after the graph is written.

        Films are written in batches (the files' order kept): the batch's old graphs are dropped, then its
        quads added, in one transaction for a few films, and with Oxigraph's bulk loader (3× faster, not
        one transaction) for many: if such a load is killed, loading the same files again replaces every
        graph whole. A file that is not valid RDF costs only its own films that were not complete.
        """
        batch: list[tuple[str, Any, list[Any]]] = []
        # The graphs each file has written so far: a graph that comes back later in the same file (an N-Quads
        # file not written by filmgraph) adds to what that file gave it, never replaces it. The current and
        # the previous file are enough: a file's last films are written before the next file's first batch.
        placed: dict[str, set[Any]] = {}
        for path in map(Path, paths):
            placed = {name: graphs for name, graphs in placed.items() if name in {str(path), *list(placed)[-1:]}}
            placed.setdefault(str(path), set())
            kind = _DIRECT_FORMATS.get(path.suffix.lower())
            if kind is None:
                yield str(path), "", 0, f"{path}: only N-Quads, N-Triples and Turtle load straight into the store"
                continue
            group: list[Any] = []
            found = False
            try:
                # A shard holds its films one after another: a film's graph is complete when the next begins.
                for quad in self._ox.parse(path=str(path), format=kind):
                    found = True
                    if group and quad.graph_name != group[-1].graph_name:
                        batch.append((str(path), *self._named(group, graph_iri, path)))
                        group = []
                        if len(batch) >= LOAD_BATCH:
                            yield from self._replace(batch, graph_iri is None, placed)
                            batch = []
                    group.append(quad)
            except (SyntaxError, OSError) as exc:
                batch = [entry for entry in batch if entry[0] != str(path)]
                reason = first_line(str(exc)) if isinstance(exc, SyntaxError) else (exc.strerror or str(exc))
                what = "not valid " + kind.name if isinstance(exc, SyntaxError) else "cannot read"
                yield str(path), "", 0, f"{path}: {what}: {reason}"
                continue
            if group:
                batch.append((str(path), *self._named(group, graph_iri, path)))
            elif not found:
                yield str(path), "", 0, f"{path}: holds no triples"
        if batch:
            yield from self._replace(batch, graph_iri is None, placed)

    def _named(self, quads: list[Any], graph_iri: str | None, path: Path) -> tuple[Any, list[Any]]:
        """A film's quads in the graph they go to: their own, or (triples) the cited article or ``graph_iri``."""
        ox = self._ox
        name = quads[0].graph_name
        if graph_iri is None and not isinstance(name, ox.DefaultGraph):
            return name, quads
        try:
            iri = graph_iri or self._cited(quads, path)
            checked_iri(iri)
        except FilmgraphError as exc:
            return exc, []
        name = ox.NamedNode(iri)
        return name, [ox.Quad(q.subject, q.predicate, q.object, name) for q in quads]

    def _replace(self, batch: list[tuple[str, Any, list[Any]]], check_owner: bool,
                 placed: dict[str, set[Any]]) -> Iterator[tuple[str, str, int, str | None]]:
        results: list[tuple[str, str, int, str | None]] = []
        ready: dict[Any, list[Any]] = {}  # graph → its quads; a graph another file names again is replaced
        films_of: dict[Any, list[FilmIdentity]] = {}
        for path, name, quads in batch:
            if isinstance(name, FilmgraphError):
                results.append((path, "", 0, str(name)))
                continue
            films = _identities(quads)
            if name in placed.get(path, ()):  # the same file goes on with a graph it began: added to it
                ready.setdefault(name, []).extend(quads)
                films_of.setdefault(name, []).extend(films)
                results.append((path, name.value, len(quads), None))
                continue
            if check_owner:
                # A graph that holds one film is replaced only by that film: another film of its title, or a
                # crafted file naming another article, cannot overwrite it.
                held = films_of[name] if name in films_of else self._held(name)
                conflict = owner_conflict(held, films, name.value, str(path))
                if conflict:
                    results.append((path, name.value, 0, conflict))
                    continue
            if name not in ready and self._store.contains_named_graph(name):
                self._store.remove_graph(name)
            ready[name], films_of[name] = list(quads), films
            placed.setdefault(path, set()).add(name)
            results.append((path, name.value, len(quads), None))
        try:
            quads = [quad for graph in ready.values() for quad in graph]
            if len(ready) >= BULK_FROM:
                self._store.bulk_extend(quads)
            else:
                self._store.extend(quads)
        except OSError as exc:
            raise FilmgraphError(f"{self.path}: cannot load: {exc.strerror or exc}") from exc
        yield from results

    def _held(self, graph: Any) -> list[FilmIdentity]:
        """The films a graph of the store holds, with what tells them apart."""
        films = [q.subject for q in self._store.quads_for_pattern(None, _TYPE, _MOVIE, graph)]
        return _identities([q for film in films for q in self._store.quads_for_pattern(film, None, None, graph)])

    def _cited(self, quads: list[Any], path: Path) -> str:
        """The article a film file's film is described in (as :func:`cited_article` reads a Graph)."""
        films = {q.subject for q in quads if q.predicate == _TYPE and q.object == _MOVIE}
        try:
            return one_cited({q.object.value for q in quads if q.subject in films and q.predicate == _SUBJECT_OF})
        except FilmgraphError as exc:
            raise FilmgraphError(f"{path}: {exc}") from exc

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
            if not self.read_only:
                self._store.flush()
        except OSError as exc:  # a full disk: the graphs loaded before were committed one by one
            raise FilmgraphError(f"{self.path}: cannot flush the store: {first_line(str(exc))}") from exc
        finally:
            del self._store


def _is_read_only_media(exc: OSError) -> bool:
    """The store's folder is on read-only media (or not writable): it can still be queried."""
    text = str(exc)
    return exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM) or "Read-only file system" in text or \
        "Permission denied" in text


def _is_locked(exc: OSError) -> bool:
    """Another process holds the store (RocksDB's lock file)."""
    text = str(exc)
    return "LOCK" in text and ("Resource temporarily unavailable" in text or "lock hold" in text.lower()
                               or "No locks available" in text)
