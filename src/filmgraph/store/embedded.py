"""The embedded on-disk store: Oxigraph (pyoxigraph), one named graph per film."""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
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


@dataclass
class _Scan:
    """What an N-Quads file holds, read before it goes into the store with Oxigraph's bulk loader: its graphs in
    order (a run of quads of one graph, and how many), the films of each graph, and why it cannot go in whole
    (``problem``: quads in the default graph, or not valid N-Quads: the file is then loaded film by film)."""

    runs: list[list[Any]] = field(default_factory=list)  # [graph, quads] per run of one graph
    identity_lines: list[bytes] = field(default_factory=list)  # the lines that may tell films apart
    problem: str | None = None
    path: Path | None = None
    identity: bool = True  # the identity lines were read (else they are read when first asked for)
    # What the identity lines say, parsed once (in the reading thread when they are read there).
    _quads: list[Any] | None = field(default=None, repr=False)
    _triples: dict[Any, frozenset[tuple[str, str, str]]] | None = field(default=None, repr=False)
    _parsed: bool = field(default=False, repr=False)

    def prepare(self) -> _Scan:
        """Parse what tells the films apart now (in the thread that reads the file), not when first asked."""
        self.all_film_triples()
        return self

    def _film_quads(self) -> list[Any] | None:
        """The quads that tell the file's films apart (None when their lines are not valid N-Quads)."""
        if not self._parsed:
            if not self.identity and self.path is not None:
                read = _scan(self.path)
                self.identity_lines, self.identity = read.identity_lines, True
                self._quads, self._triples, self._parsed = read._quads, read._triples, read._parsed
            if not self._parsed:
                self._quads, self._parsed = self._parse_film_quads(), True
        return self._quads

    def _parse_film_quads(self) -> list[Any] | None:
        lines = self.identity_lines
        # The films' lines only (the names of the people a film names are there too).
        films = tuple(line[:line.find(b" ") + 1] for line in lines if _MOVIE_BYTES in line and _TYPE_BYTES in line)
        try:
            quads = list(pyoxigraph.parse(b"\n".join(line for line in lines if line.startswith(films)),
                                          format=pyoxigraph.RdfFormat.N_QUADS))
        except (SyntaxError, ValueError):
            return None
        subjects = {(q.graph_name, q.subject) for q in quads if q.predicate == _TYPE and q.object == _MOVIE}
        return [q for q in quads if (q.graph_name, q.subject) in subjects and
                (q.predicate == _TYPE or q.predicate.value in IDENTITY_PROPERTIES)]

    def films(self, graph: Any) -> list[FilmIdentity] | None:
        """The films a graph of the file holds, with what tells them apart (read when asked: only a graph that
        replaces one of the store is asked about); None when their lines are not valid N-Quads."""
        quads = self._film_quads()
        return None if quads is None else _identities([q for q in quads if q.graph_name == graph])

    def all_film_triples(self) -> dict[Any, frozenset[tuple[str, str, str]]] | None:
        """What tells each graph's films apart, as (film, property, value) strings with a (film, rdf:type,
        schema:Movie) for each film, as :func:`_held_triples` reads the graphs of a store; None
        when the lines are not valid N-Quads."""
        quads = self._film_quads()
        if quads is None:
            return None
        if self._triples is None:
            found: dict[Any, set[tuple[str, str, str]]] = {graph: set() for graph in self.graphs}
            for q in quads:
                found.setdefault(q.graph_name, set()).add((q.subject.value, q.predicate.value, q.object.value))
            self._triples = {graph: frozenset(triples) for graph, triples in found.items()}
        return self._triples

    @property
    def graphs(self) -> list[Any]:
        return list(dict.fromkeys(graph for graph, _ in self.runs))


# The predicates of the quads that tell films apart (schema:name, the year, the article), as N-Quads writes them.
_IDENTITY_PREDICATES = frozenset(f"<{iri}>".encode() for iri in IDENTITY_PROPERTIES)
_TYPE_BYTES = f"<{RDF.type}>".encode()
_MOVIE_BYTES = f"<{SDO.Movie}>".encode()
_GRAPH_RE = re.compile(rb"<[^<>\"{}|^`\\\x00-\x20]*>")


def _scan(path: Path, *, identity: bool = True) -> _Scan:
    """Read an N-Quads file through once (a fraction of what parsing it costs; Oxigraph's loader parses it), in
    a thread while the store writes the file before it: its graphs by runs of lines (a run found by where its
    graph's last line is, checked by counting), and with ``identity`` the lines that tell films apart, by its
    lines. A line this reading cannot place in a named graph sends the file film by film through the parser,
    which says what is wrong with it; a triple of the default graph it lets through is found in the store after
    (:meth:`EmbeddedStore._default_graph_empty`)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _Scan(problem=exc.strerror or str(exc))
    if not data.endswith(b"\n"):
        data += b"\n"
    runs = _runs(data)
    lines: list[bytes] = _identity_lines(data) if identity and runs is not None else []
    if runs is None:
        read = _lines(data)
        if read is None:
            return _Scan(problem="not a quad in a named graph")
        runs, by_graph = read
        lines = [line for found in by_graph.values() for line in found]
    names: dict[bytes, Any] = {}
    try:
        for run in runs:
            if run[0] not in names:
                names[run[0]] = pyoxigraph.NamedNode(run[0][1:-1].decode("utf-8"))
            run[0] = names[run[0]]
        # the identity lines are parsed here, in the reading thread (their terms were checked only roughly above)
        scan = _Scan(runs, lines, path=path, identity=identity)
        return scan.prepare() if identity else scan
    except (UnicodeDecodeError, ValueError) as exc:
        return _Scan(problem=str(exc))


def _graph_of(line: bytes) -> bytes | None:
    """The graph of an N-Quads line (its last term, an IRI, after subject, predicate and object: neither has a
    space but a literal, which ends with '"', a language or a datatype, never with an IRI after a space)."""
    parts = line.rsplit(b" ", 2)
    if len(parts) < 3 or parts[2] != b"." or not _GRAPH_RE.fullmatch(parts[1]):
        return None
    return parts[1]


# What the lines that tell films apart hold, found where they are (a find is a fraction of a Python loop per line).
_IDENTITY_NEEDLES = [b" " + predicate + b" " for predicate in sorted(_IDENTITY_PREDICATES)] + \
    [b" " + _TYPE_BYTES + b" " + _MOVIE_BYTES + b" "]


def _identity_lines(data: bytes) -> list[bytes]:
    """The lines of an N-Quads file that may tell films apart (parsed and checked when asked for)."""
    found: list[bytes] = []
    for needle in _IDENTITY_NEEDLES:
        at = data.find(needle)
        while at >= 0:
            end = data.find(b"\n", at)
            found.append(data[data.rfind(b"\n", 0, at) + 1:end])
            at = data.find(needle, end)
    return found


def _runs(data: bytes) -> list[list[Any]] | None:
    """The runs of lines of one graph, found a run at a time: the run of the graph of a line ends with the last
    line of that graph, if every line up to it is of that graph (counted). None for anything else."""
    runs: list[list[Any]] = []
    position = 0
    while position < len(data):
        end_of_line = data.find(b"\n", position)
        line = data[position:end_of_line].strip()
        if not line or line[0] == 35:  # "#": a comment
            position = end_of_line + 1
            continue
        graph = _graph_of(line)
        if graph is None:
            return None
        ending = b" " + graph + b" .\n"
        end = position
        window = 1 << 16
        while True:  # the run's last line: the graph's last line in a window, the window doubled while it goes on
            last = data.rfind(ending, end, end + window)
            if last < 0:
                break
            end = last + len(ending)
            following = data.find(b"\n", end)
            if following < 0 or data[following + 1 - len(ending):following + 1] != ending:
                break
            window *= 2
        if end == position:
            return None
        count = data.count(b"\n", position, end)
        if data.count(ending, position, end) != count:
            return None  # the graph comes back later, or lines end otherwise: read by lines
        runs.append([graph, count])
        position = end
    return runs


def _lines(data: bytes) -> tuple[list[list[Any]], dict[bytes, list[bytes]]] | None:
    """The runs of lines of one graph and the lines that tell each graph's films apart, by lines."""
    runs: list[list[Any]] = []
    identity: dict[bytes, list[bytes]] = {}
    ending = b"\n"  # " <graph> ." that ends every line of the current run
    for line in data.split(b"\n"):
        if line.endswith(ending):
            head = line[:-len(ending)]
            runs[-1][1] += 1
        else:
            line = line.strip()
            if not line or line[0] == 35:
                continue
            graph = _graph_of(line)
            if graph is None:
                return None
            head = line[:-len(graph) - 3]
            ending = b" " + graph + b" ."
            if runs and runs[-1][0] == graph:
                runs[-1][1] += 1
            else:
                runs.append([graph, 1])
        cut = head.find(b" ")
        after = head.find(b" ", cut + 1)
        if cut < 0 or after < 0 or after + 1 == len(head):  # no object: a triple of the default graph
            return None
        predicate = head[cut + 1:after]
        if predicate in _IDENTITY_PREDICATES or (predicate == _TYPE_BYTES and head[after + 1:] == _MOVIE_BYTES):
            identity.setdefault(runs[-1][0], []).append(line)
    return runs, identity


def _parses(path: Path) -> bool:
    """Whether an N-Quads file reads to its end (the line scan lets through a bad escape or IRI)."""
    try:
        for _ in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS):
            pass
    except (SyntaxError, OSError):
        return False
    return True


def _graphs_in(path: Path) -> list[Any]:
    """The named graphs of an N-Quads file, as far as it can be parsed."""
    graphs: dict[Any, None] = {}
    try:
        for quad in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS):
            if not isinstance(quad.graph_name, pyoxigraph.DefaultGraph):
                graphs[quad.graph_name] = None
    except (SyntaxError, OSError, ValueError):
        pass
    return list(graphs)


def _default_graph_empty(store: Any) -> bool:
    return next(iter(store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())), None) is None


# What tells the films of each graph apart: each film, and its values of the identity properties. The values
# are read a property at a time and joined to the films (a fifth less than looking each film's up).
_FILM_ROWS_QUERY = (f"SELECT ?g ?f ?p ?o WHERE {{ GRAPH ?g {{ ?f a <{SDO.Movie}> }} OPTIONAL {{ SELECT ?g ?f ?p ?o "
                    f"WHERE {{ VALUES ?p {{ {' '.join(f'<{iri}>' for iri in sorted(IDENTITY_PROPERTIES))} }} "
                    f"GRAPH ?g {{ ?f ?p ?o }} }} }} }}")


def _held_triples(store: Any) -> dict[Any, frozenset[tuple[str, str, str]]]:
    """What tells apart the films of every graph of a pyoxigraph store (see :meth:`EmbeddedStore._held` and
    :meth:`_Scan.all_film_triples`): a graph without a film is not among them."""
    found: dict[Any, set[tuple[str, str, str]]] = {}
    movie = (str(RDF.type), str(SDO.Movie))
    for graph, film_node, predicate, value in store.query(_FILM_ROWS_QUERY):
        film = film_node.value
        triples = found.get(graph)
        if triples is None:
            triples = found[graph] = set()
        triples.add((film, *movie))
        if predicate is not None:
            triples.add((film, predicate.value, value.value))
    return {graph: frozenset(triples) for graph, triples in found.items()}


def _covers(scans: dict[Path, Future[_Scan]], store: Any,
            held_triples: Callable[[], dict[Any, frozenset[tuple[str, str, str]]]],
            loading_triples: Callable[[], dict[Any, frozenset[tuple[str, str, str]]] | None] | None = None) -> bool:
    """Whether the files, every one to go in whole, name every graph of a pyoxigraph store (whose default graph
    is empty), each with its own film or none (``held_triples``: what tells the store's films apart;
    ``loading_triples``: what tells the files' films apart, read from a store they went into, else from the
    files' lines)."""
    held = list(store.named_graphs())
    if not held or not scans or not _default_graph_empty(store):
        return False
    graphs: set[Any] = set()
    for future in scans.values():
        scan = future.result()
        if scan.problem is not None or not graphs.isdisjoint(scan.graphs):  # a graph two files name: not as one
            return False
        graphs.update(scan.graphs)
    if any(graph not in graphs for graph in held):
        return False
    # What tells the films apart is read only now: most loads that are no reload have stopped above.
    loading = loading_triples() if loading_triples is not None else _files_film_triples(scans)
    if loading is None:
        return False
    for graph, triples in held_triples().items():
        # Most graphs are their film again, told apart by the same triples; only the others are compared.
        films = loading.get(graph, frozenset())
        if triples != films and owner_conflict(film_identities(triples), film_identities(films), graph.value, ""):
            return False
    return True


def _files_film_triples(scans: dict[Path, Future[_Scan]]) -> dict[Any, frozenset[tuple[str, str, str]]] | None:
    """What tells the films of every graph of the files apart, read from their lines (None when a file's lines
    that tell them apart are not valid N-Quads)."""
    loading: dict[Any, frozenset[tuple[str, str, str]]] = {}
    for future in scans.values():
        found = future.result().all_film_triples()
        if found is None:
            return None
        loading.update(found)
    return loading


class EmbeddedStore:
    """An on-disk Oxigraph store (pyoxigraph)."""

    def __init__(self, path: str | Path = DEFAULT_STORE, *, read_only: bool = False) -> None:
        """Open (or create) the store at ``path``. With ``read_only`` (a store that is only queried) a store
        on read-only media is opened read-only."""
        self._ox = pyoxigraph
        self.path = Path(path)
        self.read_only = False
        try:
            self._recover_interrupted_swap()
            self.path.mkdir(parents=True, exist_ok=True)
            self._store = pyoxigraph.Store(str(self.path))
            self._remove_leftovers()
        except OSError as exc:
            if read_only and _is_read_only_media(exc):
                self._store = self._open_read_only()
                self.read_only = True
            elif _is_locked(exc):
                raise FilmgraphError(f"{self.path}: the store is in use by another process (a filmgraph load or "
                                     "query, or an Oxigraph server); try again when it is done") from exc
            else:
                raise FilmgraphError(f"{self.path}: cannot open store: {first_line(str(exc))}") from exc

    def _siblings(self, kind: str) -> list[Path]:
        """The stores a reload or an emptying leaves beside this one while it runs (``loading``: the new store
        being filled; ``replaced``: the old store, put aside), oldest first."""
        return sorted(self.path.parent.glob(f".{self.path.name}.{kind}-*"), key=lambda found: found.stat().st_mtime)

    def _recover_interrupted_swap(self) -> None:
        """A reload killed between putting the old store aside and moving the new one in leaves no store here:
        the old one goes back in its place (the reload did not happen), rather than a new, empty store."""
        if not self.path.exists() and (aside := self._siblings("replaced")):
            aside[-1].rename(self.path)

    def _remove_leftovers(self) -> None:
        """With the store open (so no other process is reloading it), what an interrupted reload left beside it
        is of no use: a half-filled new store, or an old one that was replaced."""
        import shutil

        for leftover in self._siblings("loading") + self._siblings("replaced"):
            shutil.rmtree(leftover, ignore_errors=True)

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

        An N-Quads file whose quads all name their graph (a shard) is written whole by Oxigraph's bulk loader,
        as ``Store.bulk_load`` writes it, after the graphs it replaces are dropped (when the files replace every
        graph of the store, they go into a new store that takes its place instead). Other films are written in
        batches (the files' order kept): the batch's old graphs are dropped, then its quads added, in one
        transaction for a few films, and with the bulk loader for many. The bulk loader is not one
        transaction: if a load is killed, loading the same files again replaces every graph whole. A file that
        is not valid RDF costs only its own films; a graph that holds another film is never replaced
        (``graph_iri`` names one to replace).
        """
        paths = [Path(path) for path in paths]
        # An N-Quads file whose quads all name their graph (a shard) goes in whole through Oxigraph's bulk loader,
        # as Store.bulk_load writes it, and is read by its lines in a thread for its graphs and films. Into a
        # store that held nothing (or whose every graph the files replace: it is emptied first) the file is
        # written at once, read alongside, and a graph an earlier file of the run wrote too is put right after;
        # into a store with graphs, the file is read first: the graphs it replaces are dropped and their owners
        # checked before. Anything else, or a file that cannot go in whole, goes film by film.
        whole = [path for path in paths if graph_iri is None and path.suffix.lower() == ".nq"]
        with ThreadPoolExecutor(max_workers=1) as reader:
            # What tells the files' films apart is read alongside only where it is likely to be asked for: not
            # into an empty store (only if a graph comes back in another file), nor for a reload (read from the
            # new store), and otherwise when first asked for (only a graph that replaces one is asked about).
            identity = bool(whole) and not self._is_empty() and not self._may_reload(paths, whole)
            scans = {path: reader.submit(_scan, path, identity=identity) for path in dict.fromkeys(whole)}
            try:
                yield from self._load_files(paths, graph_iri, scans)
            finally:
                for future in scans.values():
                    future.cancel()

    def _load_files(self, paths: list[Path], graph_iri: str | None, scans: dict[Path, Future[_Scan]]
                    ) -> Iterator[tuple[str, str, int, str | None]]:
        fresh = self._is_empty()
        if not fresh:
            not_whole: list[Path] = []
            reloaded = self._reload(paths, scans, not_whole)
            if reloaded is not None:
                yield from reloaded
                return
            # A file that does not go in whole (a bad line the scan let through) must not empty the store first:
            # its films would be gone, the old and the new.
            fresh = not not_whole and self._replaces_all(scans)
        seen: dict[Any, Path] = {}  # in a fresh store: each graph written so far, and the file it came from
        batch: list[tuple[str, Any, list[Any]]] = []
        # The graphs each file has written so far: a graph that comes back later in the same file (an N-Quads
        # file not written by filmgraph) adds to what that file gave it, never replaces it. The current and
        # the previous file are enough: a file's last films are written before the next file's first batch.
        placed: dict[str, set[Any]] = {}
        for path in paths:
            if path in scans:
                if batch:  # what came before is written first: the files' order is kept
                    yield from self._replace(batch, graph_iri is None, placed)
                    batch = []
                    fresh = False  # films written one by one: the store is no longer only what files wrote whole
                written = self._load_fresh(path, scans, seen) if fresh else self._load_whole(path, scans[path].result())
                if written is not None:
                    yield from written
                    placed = {}
                    continue
                fresh = False
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

    def _is_empty(self) -> bool:
        return next(iter(self._store.named_graphs()), None) is None and self._default_graph_empty()

    def _default_graph_empty(self) -> bool:
        return _default_graph_empty(self._store)

    def _load_fresh(self, path: Path, scans: dict[Path, Future[_Scan]], seen: dict[Any, Path]
                    ) -> list[tuple[str, str, int, str | None]] | None:
        """Write an N-Quads file whole into a store that holds only what earlier files of this load wrote whole
        (``seen``), read alongside; None when it cannot go in whole (what it wrote is taken out again)."""
        store = self._store
        reading = scans[path]
        scan = reading.result() if reading.done() else None
        if scan is not None and scan.problem is not None:
            return None
        try:
            try:
                store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS)
                failed = False
            except SyntaxError:
                failed = True
            scan = reading.result()
            if failed or scan.problem is not None or not self._default_graph_empty():
                # Written in part, or triples of the default graph: taken out, and the file goes film by film
                # (a graph an earlier file wrote too goes with it: this file replaces it, film by film).
                for graph in _graphs_in(path):
                    store.remove_graph(graph)
                store.clear_graph(pyoxigraph.DefaultGraph())
                return None
            results = [(str(path), graph.value, quads, None) for graph, quads in scan.runs]
            again = [graph for graph in scan.graphs if graph in seen]
            if again:
                results = self._put_right(path, scan, again, seen, scans, results)
        except OSError as exc:
            raise FilmgraphError(f"{self.path}: cannot load {path}: {exc.strerror or exc}") from exc
        refused = {name for _, name, _, error in results if error}
        seen.update({graph: path for graph in scan.graphs if graph.value not in refused})
        return results

    def _put_right(self, path: Path, scan: _Scan, again: list[Any], seen: dict[Any, Path],
                   scans: dict[Path, Future[_Scan]], results: list[tuple[str, str, int, str | None]]
                   ) -> list[tuple[str, str, int, str | None]]:
        """Graphs an earlier file of the load wrote too, now holding both files' quads: each becomes this file's
        (it replaces the earlier), or stays the earlier file's when this file's film is another film."""
        store = self._store
        refused: dict[Any, str] = {}
        keep: dict[Path, set[Any]] = {}  # the file whose quads each graph keeps
        for graph in again:
            earlier = seen[graph]
            conflict = owner_conflict(scans[earlier].result().films(graph) or [], scan.films(graph) or [],
                                      graph.value, str(path))  # both files were loaded: valid N-Quads
            if conflict:
                refused[graph] = conflict
                keep.setdefault(earlier, set()).add(graph)
            else:
                keep.setdefault(path, set()).add(graph)
            store.remove_graph(graph)
        for source, graphs in keep.items():
            store.extend(quad for quad in pyoxigraph.parse(path=str(source), format=pyoxigraph.RdfFormat.N_QUADS)
                         if quad.graph_name in graphs)
        return [(where, name, 0, refused[graph]) if (graph := pyoxigraph.NamedNode(name)) in refused
                else (where, name, quads, error) for where, name, quads, error in results]

    def _replaces_all(self, scans: dict[Path, Future[_Scan]]) -> bool:
        """Whether the files replace every graph the store holds (loading a whole export again): then the store
        is emptied at once (dropping graph after graph costs twice what loading them did) and the files go in
        as into a new store. Only when no graph is another film's, the default graph is empty and every file
        goes in whole: if the load is killed, loading the same files again gives every graph back."""
        if not _covers(scans, self._store, lambda: _held_triples(self._store)):
            return False
        self._empty()
        return True

    def _swappable(self) -> bool:
        """The store's folder can be put aside for another (Oxigraph lets go of it only when nothing else holds
        the store: a query's rows, a caller)."""
        import sys

        return not self.path.is_symlink() and self.path.is_dir() and sys.getrefcount(self._store) <= 2

    def _may_reload(self, paths: list[Path], whole: list[Path]) -> bool:
        """Whether :meth:`_reload` may take these files (it decides when it has read the first)."""
        return bool(paths) and paths == whole and len(set(paths)) == len(paths) and self._swappable()

    def _reload(self, paths: list[Path], scans: dict[Path, Future[_Scan]], not_whole: list[Path]
                ) -> list[tuple[str, str, int, str | None]] | None:
        """Load shards that look like the store's own export again (the first one's graphs are all the store's)
        into a new store beside it, while they are read and the store's films listed; when they replace every
        graph of the store (see :func:`_covers`), the new store takes the old one's place: a reload costs what
        a first load does, where dropping graph after graph costs twice that. None when they do not (the new
        store is thrown away and nothing changed; a file that would not go in whole is added to ``not_whole``).
        Needs room for both stores for a while."""
        import shutil
        import uuid

        if not self._may_reload(paths, [path for path in paths if path in scans]):
            return None
        first = scans[paths[0]].result()
        if first.problem is not None or not first.graphs or \
                not all(self._store.contains_named_graph(graph) for graph in first.graphs):
            return None
        # As many graphs as the store holds, guessed from the first file's: else the files add to the store.
        sizes = [path.stat().st_size for path in paths]
        if len(first.graphs) * sum(sizes) / max(1, sizes[0]) < 0.8 * sum(1 for _ in self._store.named_graphs()):
            return None
        staging = self.path.with_name(f".{self.path.name}.loading-{uuid.uuid4().hex[:8]}")
        old, lock = self._set_aside()
        new: Any = None
        swapped = False
        try:
            with ThreadPoolExecutor(max_workers=1) as lister:
                held = lister.submit(_held_triples, old)
                new = pyoxigraph.Store(str(staging))
                for path in paths:
                    try:
                        new.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS)
                    except SyntaxError:
                        not_whole.append(path)
                        return None
                # The files' films are told apart as the old store's are, read from the new store (a query
                # costs less than reading their lines alongside the loader).
                if not _default_graph_empty(new) or not _covers(scans, old, held.result, lambda: _held_triples(new)):
                    return None
            new.flush()
            new = old = None  # both closed (the old one already is when its lock is held here)
            if lock is None:
                self._store.flush()
                del self._store
            self._swap(staging)
            swapped = True
        except OSError as exc:
            raise FilmgraphError(f"{self.path}: cannot load: {exc.strerror or exc}") from exc
        finally:
            new = old = None
            if lock is not None:
                os.close(lock)
            if not swapped and not hasattr(self, "_store"):
                self._reopen()
            shutil.rmtree(staging, ignore_errors=True)
        return [(str(path), graph.value, quads, None) for path in paths for graph, quads in scans[path].result().runs]

    def _set_aside(self) -> tuple[Any, int | None]:
        """The store to read while a reload fills a new one beside it, and the lock held meanwhile. RocksDB goes
        on compacting what a load wrote for seconds after it (or after the store is opened again), work thrown
        away with the old store (1.8 s of CPU after loading 5,000 films, an eighth of a reload). So the store is
        closed and read through a read-only handle, and its lock (RocksDB's LOCK file) is held by this process
        instead, as an open file description lock, which RocksDB's lock in any other process conflicts with: no
        other process opens the store meanwhile. Where such a lock does not exist (not Linux) the store stays
        open (no lock)."""
        try:
            import fcntl
            import struct

            command = fcntl.F_OFD_SETLK
        except (ImportError, AttributeError):
            return self._store, None
        self._store.flush()
        del self._store
        lock = -1
        try:
            lock = os.open(self.path / "LOCK", os.O_RDWR)
            # struct flock: l_type, l_whence, l_start, l_len (0: the whole file), l_pid (0 for this kind of lock)
            fcntl.fcntl(lock, command, struct.pack("hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0))
            return pyoxigraph.Store.read_only(str(self.path)), lock
        except OSError:  # another process took the store in the meantime, or it cannot be read so
            if lock >= 0:
                os.close(lock)
            self._reopen()
            return self._store, None

    def _reopen(self) -> None:
        """Open the store again after :meth:`_set_aside` (read-only, if another process took it meanwhile)."""
        try:
            self._store = pyoxigraph.Store(str(self.path))
        except OSError as exc:
            self._store, self.read_only = self._open_read_only(), True
            raise FilmgraphError(f"{self.path}: the store is in use by another process: {first_line(str(exc))}"
                                 ) from exc

    def _swap(self, replacement: Path) -> None:
        """Put the store at ``replacement`` in this store's place (closed), and this one away."""
        import shutil
        import uuid

        aside = self.path.with_name(f".{self.path.name}.replaced-{uuid.uuid4().hex[:8]}")
        try:
            self.path.rename(aside)
            replacement.rename(self.path)
        except OSError:
            if aside.exists() and not self.path.exists():
                aside.rename(self.path)
            raise
        self._store = pyoxigraph.Store(str(self.path))
        shutil.rmtree(aside, ignore_errors=True)

    def _empty(self) -> None:
        """Empty the store: a new one in its place (Store.clear leaves behind what slows the loading after)."""
        import shutil
        import uuid

        if not self._swappable():
            self._store.clear()
            return
        old = self.path.with_name(f".{self.path.name}.replaced-{uuid.uuid4().hex[:8]}")
        try:
            self._store.flush()
            del self._store
            self.path.rename(old)
        except OSError as exc:
            self._store = pyoxigraph.Store(str(self.path))
            raise FilmgraphError(f"{self.path}: cannot empty the store: {exc.strerror or exc}") from exc
        try:
            self.path.mkdir()
            self._store = pyoxigraph.Store(str(self.path))
        except OSError as exc:  # the old store goes back in its place
            shutil.rmtree(self.path, ignore_errors=True)
            old.rename(self.path)
            self._store = pyoxigraph.Store(str(self.path))
            raise FilmgraphError(f"{self.path}: cannot empty the store: {exc.strerror or exc}") from exc
        shutil.rmtree(old, ignore_errors=True)

    def _load_whole(self, path: Path, scan: _Scan) -> list[tuple[str, str, int, str | None]] | None:
        """Write an N-Quads file whole into a store with graphs (see :meth:`load_files`); None when it cannot go
        in whole, or a graph it names holds another film (the file then goes film by film, and only that graph
        is refused)."""
        if scan.problem is not None or not self._default_graph_empty():
            return None
        store = self._store
        replaced = [graph for graph in scan.graphs if store.contains_named_graph(graph)]
        for graph in replaced:
            films = scan.films(graph)
            if films is None or owner_conflict(self._held(graph), films, graph.value, str(path)):
                return None
        if replaced and not _parses(path):
            return None  # a bad line the scan let through: the graphs it would replace are not removed first
        try:
            for graph in replaced:
                store.remove_graph(graph)
            try:
                store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS)
                failed = not self._default_graph_empty()
            except SyntaxError:
                failed = True
            if failed:
                # Bad N-Quads the reading by lines let through (a bad escape, a bad IRI, a triple of the default
                # graph): what the loader wrote of the file is taken out, and the file goes film by film.
                for graph in _graphs_in(path):
                    store.remove_graph(graph)
                store.clear_graph(pyoxigraph.DefaultGraph())
                return None
        except OSError as exc:
            raise FilmgraphError(f"{self.path}: cannot load {path}: {exc.strerror or exc}") from exc
        return [(str(path), graph.value, quads, None) for graph, quads in scan.runs]

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
