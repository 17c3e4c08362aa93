"""The SPARQL 1.1 Protocol endpoint of a published store: queries only, each run in a worker process that can
be stopped at the operator's time limit, answers cut at the operator's row limit.

Oxigraph cannot stop a query once it runs, so a query runs in one of a few worker processes, each holding the
store open read-only; a query still running at the time limit has its worker killed (and replaced), and the
client is told so in one line. A worker writes the answer itself (SPARQL JSON, XML, CSV or TSV; Turtle,
JSON-LD or N-Triples for CONSTRUCT and DESCRIBE), reading at most ``row_limit`` rows or triples, so neither
memory nor the answer grows past it; an answer cut there says so in its headers (``X-SPARQL-MaxRows``, as
Virtuoso's do, and ``Filmgraph-Cut-Off`` in words).
"""

from __future__ import annotations

import contextlib
import csv
import io
import multiprocessing
import queue
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import orjson

from filmgraph.formats import RdfFormat
from filmgraph.rdf.vocab import XSD
from filmgraph.store.results import QUERY_PREFIXES, first_line

JSON = "application/sparql-results+json"
XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
# Result types by the name a ``format`` parameter may give (as many public endpoints accept).
RESULT_TYPES = {"json": JSON, "xml": XML, "csv": CSV, "tsv": TSV}
GRAPH_TYPES = {"text/turtle": RdfFormat.TURTLE, "application/ld+json": RdfFormat.JSON_LD,
               "application/n-triples": RdfFormat.N_TRIPLES}
GRAPH_NAMES = {"turtle": "text/turtle", "ttl": "text/turtle", "jsonld": "application/ld+json",
               "json-ld": "application/ld+json", "nt": "application/n-triples", "ntriples": "application/n-triples"}
_ALIASES = {"application/json": JSON, "application/xml": XML, "text/xml": XML, "application/x-turtle": "text/turtle",
            "text/plain": "application/n-triples", "application/json+ld": "application/ld+json"}
_UPDATE_RE = re.compile(r"^\s*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
_IRI_REF_RE = re.compile(r"<([^<>\"{}|^`\\\s]*)>")


def accepted(header: str) -> list[tuple[str, float]]:
    """The media types of an Accept header, best first (q-values; a more specific type first at equal q).

    >>> accepted("text/html;q=0.9, text/turtle, */*;q=0.1")
    [('text/turtle', 1.0), ('text/html', 0.9), ('*/*', 0.1)]
    """
    found = []
    for index, part in enumerate(header.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        kind = pieces[0].lower()
        if not kind:
            continue
        quality = 1.0
        for parameter in pieces[1:]:
            if parameter.lower().startswith("q="):
                try:
                    quality = max(0.0, min(1.0, float(parameter[2:])))
                except ValueError:
                    quality = 0.0
        found.append((kind, quality, kind.count("*"), index))
    found.sort(key=lambda item: (-item[1], item[2], item[3]))
    return [(kind, quality) for kind, quality, _, _ in found if quality > 0]


def negotiate(header: str, offered: Sequence[str], default: str | None = None) -> str | None:
    """The offered media type the Accept header likes best (``default`` for no header); None when it accepts
    none of them."""
    if not header.strip():
        return default or offered[0]
    for kind, _ in accepted(header):
        kind = _ALIASES.get(kind, kind)
        if kind in offered:
            return kind
        if kind == "*/*":
            return default or offered[0]
        if kind.endswith("/*"):
            for candidate in offered:
                if candidate.startswith(kind[:-1]):
                    return candidate
    return None


@dataclass
class Answer:
    """An HTTP answer: status, content type, body and extra headers."""

    status: int
    content_type: str
    body: bytes
    headers: list[tuple[str, str]] = field(default_factory=list)
    cut_off: str = ""  # why the answer is incomplete, in words ("" when it is whole)


def is_update(text: str) -> bool:
    """Whether a request text is a SPARQL Update (past its prologue), which a read-only endpoint refuses.

    >>> is_update("PREFIX s: <http://schema.org/> INSERT DATA { <a:b> s:name 'x' }"), is_update("SELECT * {}")
    (True, False)
    """
    body = re.sub(r"#[^\n]*", "", text)
    body = re.sub(r"(?is)\b(PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)", "", body)
    return bool(_UPDATE_RE.match(body))


def _error(status: int, message: str, headers: list[tuple[str, str]] | None = None) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"), headers or [])


# ---------------------------------------------------------------------------------------------- the workers


@dataclass(frozen=True)
class _Job:
    query: str
    accept: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


class QueryPool:
    """Worker processes that run queries over the store at ``path``, each at most ``time_limit`` seconds and
    ``row_limit`` rows; IRIs under ``minted`` are answered under ``base`` (and read back in queries)."""

    def __init__(self, path: str, *, minted: str, base: str, workers: int = 2, time_limit: float = 10.0,
                 row_limit: int = 10_000) -> None:
        self.path, self.minted, self.base = path, minted, base
        self.time_limit, self.row_limit = time_limit, row_limit
        self._context = multiprocessing.get_context("spawn")  # never fork a threaded server
        self._idle: queue.Queue[Any] = queue.Queue()
        self._closed = False
        self._all: set[Any] = set()
        self._lock = threading.Lock()
        starting = [self._start() for _ in range(max(1, workers))]
        for worker in starting:  # started side by side; the endpoint is up once each can answer
            self._idle.put(self._started(worker))

    def _start(self) -> Any:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_work, args=(child, self.path, self.minted, self.base,
                                                            self.row_limit), daemon=True)
        process.start()
        child.close()
        worker = (process, parent)
        with self._lock:
            self._all.add(worker)
        return worker

    def _started(self, worker: Any) -> Any:
        """The worker, once it has opened the store (it says so): a server's first queries would otherwise wait
        for an interpreter to start, and share the processors with it."""
        _, connection = worker
        with contextlib.suppress(EOFError, OSError):
            if connection.poll(60):
                connection.recv()
        return worker

    def _replace(self, worker: Any) -> None:
        process, connection = worker
        process.kill()
        process.join(5)
        connection.close()
        with self._lock:
            self._all.discard(worker)
        if not self._closed:
            self._idle.put(self._started(self._start()))

    def run(self, query: str, *, accept: str = "", default_graphs: Sequence[str] = (),
            named_graphs: Sequence[str] = ()) -> Answer:
        """Run one query; the answer is the results, or a one-line message (400 bad query, 403 an update,
        503 past the time limit or no worker free in time)."""
        if is_update(query):
            return _error(403, "This endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP …) "
                               "is refused.")
        job = _Job(_minted_query(query, self.base, self.minted), accept, tuple(default_graphs), tuple(named_graphs))
        try:
            worker = self._idle.get(timeout=self.time_limit)
        except queue.Empty:
            return _error(503, f"The server is busy: no query worker was free within {self.time_limit:g} s; "
                               "try again.", [("Retry-After", "5")])
        process, connection = worker
        try:
            connection.send(job)
            if not connection.poll(self.time_limit):
                threading.Thread(target=self._replace, args=(worker,), daemon=True).start()
                worker = None
                return _error(503, f"Query cut off: it ran past the server's time limit of {self.time_limit:g} s. "
                                   "Ask for less (LIMIT, a narrower pattern) or ask the operator for a longer "
                                   "--time-limit.")
            answer: Answer = connection.recv()
        except (EOFError, OSError, BrokenPipeError):
            threading.Thread(target=self._replace, args=(worker,), daemon=True).start()
            worker = None
            return _error(500, "The query worker stopped; try again.")
        finally:
            if worker is not None:
                self._idle.put(worker)
        return answer

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
        for process, connection in workers:
            with contextlib.suppress(OSError, BrokenPipeError):
                connection.send(None)
            process.join(2)
            if process.is_alive():
                process.kill()
                process.join(2)
            connection.close()


def _minted_query(query: str, base: str, minted: str) -> str:
    """The query with every IRI written under the public base read as the minted one (a ``<…>`` inside a string
    literal is rewritten too: write such a string with an escape, ``\\u003C``)."""
    if base == minted:
        return query
    return _IRI_REF_RE.sub(lambda m: "<" + minted + m.group(1)[len(base):] + ">" if m.group(1).startswith(base)
                           else m.group(0), query)


def _work(connection: Any, path: str, minted: str, base: str, row_limit: int) -> None:
    """A worker: answer each job sent until None comes."""
    import signal

    import pyoxigraph as ox

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the server too, which stops its workers
    try:
        store = ox.Store.read_only(path)
    except OSError as exc:
        store, failure = None, first_line(str(exc))
    try:
        connection.send(None)  # ready
    except OSError:  # the server stopped while this worker started
        return
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        if store is None:
            connection.send(_error(500, f"The store cannot be opened: {failure}"))
            continue
        connection.send(_answer(store, job, minted, base, row_limit))


def _answer(store: Any, job: _Job, minted: str, base: str, row_limit: int) -> Answer:
    import pyoxigraph as ox

    options: dict[str, Any] = {"prefixes": QUERY_PREFIXES}
    if job.default_graphs:
        options["default_graph"] = [ox.NamedNode(iri) for iri in job.default_graphs]
    else:
        options["use_default_graph_as_union"] = True
    if job.named_graphs:
        options["named_graphs"] = [ox.NamedNode(iri) for iri in job.named_graphs]
    try:
        result = store.query(job.query, **options)
        writer = _Writer(ox, minted, base, row_limit)
        if isinstance(result, ox.QueryBoolean):
            return writer.boolean(bool(result), job.accept)
        if isinstance(result, ox.QuerySolutions):
            return writer.solutions(result, job.accept)
        return writer.triples(result, job.accept)
    except SyntaxError as exc:
        return _error(400, f"Bad query: {first_line(str(exc), 300)}")
    except ValueError as exc:  # a graph IRI that is none
        return _error(400, f"Bad request: {first_line(str(exc), 300)}")
    except OSError as exc:
        return _error(500, f"The store failed: {first_line(str(exc), 300)}")


class _Writer:
    """Writes results at the public address, at most ``row_limit`` rows or triples."""

    def __init__(self, ox: Any, minted: str, base: str, row_limit: int) -> None:
        self.ox, self.minted, self.base, self.row_limit = ox, minted, base, row_limit

    def _iri(self, iri: str) -> str:
        return self.base + iri[len(self.minted):] if iri.startswith(self.minted) else iri

    def _not_acceptable(self, offered: Sequence[str]) -> Answer:
        return _error(406, "Not acceptable: this answer can be " + ", ".join(offered) + ".")

    def _cut(self, answer: Answer, kind: str) -> Answer:
        answer.cut_off = (f"The answer was cut off at the server's row limit of {self.row_limit:,} {kind}; add "
                          "LIMIT and OFFSET to read it in parts.")
        answer.headers += [("X-SPARQL-MaxRows", str(self.row_limit)), ("Filmgraph-Cut-Off", answer.cut_off)]
        return answer

    def boolean(self, value: bool, accept: str) -> Answer:
        kind = negotiate(accept, [JSON, XML, CSV, TSV], JSON)
        if kind is None:
            return self._not_acceptable([JSON, XML])
        if kind == XML:
            body = ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head/>\n'
                    f"<boolean>{'true' if value else 'false'}</boolean>\n</sparql>\n")
            return Answer(200, XML + "; charset=utf-8", body.encode("utf-8"))
        if kind in (CSV, TSV):
            return Answer(200, kind + "; charset=utf-8", b"true\n" if value else b"false\n")
        return Answer(200, JSON + "; charset=utf-8", orjson.dumps({"head": {}, "boolean": value}))

    def solutions(self, solutions: Any, accept: str) -> Answer:
        kind = negotiate(accept, [JSON, XML, CSV, TSV], JSON)
        if kind is None:
            return self._not_acceptable([JSON, XML, CSV, TSV])
        names = [variable.value for variable in solutions.variables]
        rows = []
        cut = False
        for row in solutions:
            if len(rows) >= self.row_limit:
                cut = True
                break
            rows.append([row[name] for name in names])
        body = {JSON: self._json, XML: self._xml, CSV: self._csv, TSV: self._tsv}[kind](names, rows)
        answer = Answer(200, kind + "; charset=utf-8", body)
        return self._cut(answer, "rows") if cut else answer

    def _binding(self, term: Any) -> dict[str, str]:
        ox = self.ox
        if isinstance(term, ox.NamedNode):
            return {"type": "uri", "value": self._iri(term.value)}
        if isinstance(term, ox.BlankNode):
            return {"type": "bnode", "value": term.value}
        if isinstance(term, ox.Literal):
            data = {"type": "literal", "value": term.value}
            if term.language:
                data["xml:lang"] = term.language
            elif term.datatype.value != str(XSD.string):
                data["datatype"] = term.datatype.value
            return data
        return {"type": "literal", "value": str(term)}

    def _json(self, names: list[str], rows: list[list[Any]]) -> bytes:
        bindings = [{name: self._binding(term) for name, term in zip(names, row, strict=True) if term is not None}
                    for row in rows]
        return orjson.dumps({"head": {"vars": names}, "results": {"bindings": bindings}})

    def _xml(self, names: list[str], rows: list[list[Any]]) -> bytes:
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        out += [f"<variable name={quoteattr(name)}/>" for name in names]
        out.append("</head>\n<results>")
        for row in rows:
            out.append("<result>")
            for name, term in zip(names, row, strict=True):
                if term is None:
                    continue
                value = self._binding(term)
                text = escape(_xml_text(value["value"]))
                if value["type"] == "uri":
                    inner = f"<uri>{text}</uri>"
                elif value["type"] == "bnode":
                    inner = f"<bnode>{text}</bnode>"
                elif "xml:lang" in value:
                    inner = f"<literal xml:lang={quoteattr(value['xml:lang'])}>{text}</literal>"
                elif "datatype" in value:
                    inner = f"<literal datatype={quoteattr(value['datatype'])}>{text}</literal>"
                else:
                    inner = f"<literal>{text}</literal>"
                out.append(f"<binding name={quoteattr(name)}>{inner}</binding>")
            out.append("</result>")
        out.append("</results>\n</sparql>\n")
        return "\n".join(out).encode("utf-8")

    def _csv(self, names: list[str], rows: list[list[Any]]) -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow(["" if term is None else self._binding(term)["value"] for term in row])
        return buffer.getvalue().encode("utf-8")

    def _tsv(self, names: list[str], rows: list[list[Any]]) -> bytes:
        lines = ["\t".join(f"?{name}" for name in names)]
        for row in rows:
            lines.append("\t".join("" if term is None else self._tsv_term(term) for term in row))
        return ("\n".join(lines) + "\n").encode("utf-8")

    def _tsv_term(self, term: Any) -> str:
        ox = self.ox
        if isinstance(term, ox.NamedNode):
            return str(ox.NamedNode(self._iri(term.value)))
        # pyoxigraph writes a literal as N-Triples does: a tab or a line break in it is escaped
        return str(term).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")

    def triples(self, triples: Any, accept: str) -> Answer:
        kind = negotiate(accept, list(GRAPH_TYPES), "text/turtle")
        if kind is None:
            return self._not_acceptable(list(GRAPH_TYPES))
        ox = self.ox
        found = []
        cut = False
        for triple in triples:
            if len(found) >= self.row_limit:
                cut = True
                break
            found.append(triple)
        if self.base != self.minted:
            def public(term: Any) -> Any:
                if isinstance(term, ox.NamedNode) and term.value.startswith(self.minted):
                    return ox.NamedNode(self._iri(term.value))
                return term
            found = [ox.Triple(public(t.subject), t.predicate, public(t.object)) for t in found]
        answer = Answer(200, kind + "; charset=utf-8", serialize_oxigraph(found, GRAPH_TYPES[kind]))
        return self._cut(answer, "triples") if cut else answer


def _xml_text(text: str) -> str:
    """Text XML 1.0 can hold: the C0 controls it forbids as U+FFFD (a store may hold one)."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", text)


def serialize_oxigraph(triples: list[Any], fmt: RdfFormat) -> bytes:
    """pyoxigraph triples as a document (Turtle, N-Triples, JSON-LD), as the resources' documents are written."""
    from filmgraph.web.published import write_triples

    return write_triples(triples, fmt)


__all__ = ["QueryPool", "Answer", "accepted", "negotiate", "is_update", "serialize_oxigraph", "RESULT_TYPES",
           "GRAPH_TYPES", "GRAPH_NAMES", "JSON", "XML", "CSV", "TSV"]
