"""Serialise triples (Turtle, JSON-LD, N-Triples, N-Quads) deterministically, and write files atomically.

The writers take any iterable of rdflib triples: an rdflib Graph, or the film's triples straight from
the statement records (the export path, which never builds a Graph). The same triples always give the
same bytes: they are put in one canonical order here; Turtle is written by pyoxigraph (Rust, ~25× rdflib's
serialiser), N-Triples, N-Quads and JSON-LD straight from the triples. Files are written to
a temporary name beside the target and renamed, so that a failure never leaves a half-written or
clobbered file.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import orjson
import rdflib
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.exceptions import Error as RdflibError
from rdflib.term import Node

from filmgraph.atomic import write_text_atomic
from filmgraph.errors import FilmgraphError
from filmgraph.formats import RdfFormat
from filmgraph.rdf.vocab import PREFIXES, RDF, XSD

Triple = tuple[Node, Node, Node]


_NAMESPACES = sorted(((p, str(n)) for p, n in PREFIXES.items()), key=lambda item: -len(item[1]))
_LOCAL_RE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*")
_PREFIX_OF = {namespace: prefix for prefix, namespace in _NAMESPACES}


def jsonld_context() -> dict[str, str]:
    """The compact @context: one term per prefix of vocab.PREFIXES."""
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def _ordered(triples: Iterable[Triple]) -> list[Triple]:
    """The triples once each, in one canonical order (subject, then its types first, then predicate and
    object): the same triples give the same text, and a subject's triples are written together."""
    return sorted(set(triples), key=lambda t: (str(t[0]), t[1] != RDF.type, str(t[1]), _term_key(t[2])))


def _term_key(term: Node) -> tuple[int, str, str]:
    if isinstance(term, Literal):
        return 2, str(term), term.language or str(term.datatype or "")
    return (1 if isinstance(term, BNode) else 0), str(term), ""


def _oxigraph_triples(triples: Sequence[Triple]) -> list[Any]:
    """The triples as pyoxigraph Triples, each distinct term made once."""
    import pyoxigraph as ox

    made: dict[Node, Any] = {}

    def convert(term: Node) -> Any:
        found = made.get(term)
        if found is None:
            if isinstance(term, Literal):
                if term.language:
                    found = ox.Literal(str(term), language=term.language)
                elif term.datatype is not None:
                    found = ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
                else:
                    found = ox.Literal(str(term))
            elif isinstance(term, BNode):
                found = ox.BlankNode(str(term))
            else:
                found = ox.NamedNode(str(term))
            made[term] = found
        return found

    try:
        return [ox.Triple(convert(s), convert(p), convert(o)) for s, p, o in triples]
    except ValueError as exc:  # an IRI no RDF syntax can hold
        raise FilmgraphError(f"cannot write: {exc}") from exc


def _turtle(triples: Iterable[Triple], graph_name: str | None) -> str:
    """Turtle by pyoxigraph (prefixes, a subject's triples grouped), in the canonical order of the triples."""
    import pyoxigraph as ox

    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    text = ox.serialize(_oxigraph_triples(_ordered(triples)), format=ox.RdfFormat.TURTLE,
                        prefixes=prefixes).decode("utf-8")
    # pyoxigraph writes the prefixes in an order of its own: filmgraph writes them sorted, once.
    body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("@prefix "))
    return _PREFIX_BLOCK + "\n" + body


_PREFIX_BLOCK = "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in sorted(PREFIXES.items()))


@functools.lru_cache(maxsize=4096)
def _compact(iri: str) -> str:
    """prefix:local for an IRI under a known namespace whose local part reads back the same."""
    # A local part holds no "/" or "#", and every namespace ends in one: the namespace is the IRI up to its
    # last, found in one look-up (the cache cannot hold every IRI of a large film).
    cut = max(iri.rfind("/"), iri.rfind("#")) + 1
    prefix, local = _PREFIX_OF.get(iri[:cut]), iri[cut:]
    return f"{prefix}:{local}" if prefix and _LOCAL_RE.fullmatch(local) else iri


def _term(term: Node) -> dict[str, str]:
    """A JSON-LD value object that keeps the term exactly: every literal by its lexical form, so that 0,
    "" and false survive as they are (no native JSON numbers to round or drop)."""
    if isinstance(term, Literal):
        value: dict[str, str] = {"@value": str(term)}
        if term.language:
            value["@language"] = term.language
        elif term.datatype is not None and str(term.datatype) != str(XSD.string):
            value["@type"] = _compact(str(term.datatype))
        return value
    if isinstance(term, BNode):
        return {"@id": f"_:{term}"}
    return {"@id": _compact(str(term))}


def _json_ld(triples: Iterable[Triple], graph_name: str | None) -> str:
    """Flattened JSON-LD written straight from the triples: one node object per subject, keys and values
    sorted, so the same triples give the same text and read back isomorphic to the Turtle."""
    nodes: dict[str, dict[str, Any]] = {}
    for subject, predicate, obj in set(triples):
        node_id = f"_:{subject}" if isinstance(subject, BNode) else _compact(str(subject))
        node = nodes.setdefault(node_id, {"@id": node_id})
        if predicate == RDF.type and not isinstance(obj, Literal):
            node.setdefault("@type", []).append(_term(obj)["@id"])
        else:
            node.setdefault(_compact(str(predicate)), []).append(_term(obj))
    body = []
    for node_id in sorted(nodes):
        node = nodes[node_id]
        body.append({key: (value if key == "@id" else _sorted_values(value)) for key, value in sorted(node.items())})
    # orjson: the standard library's encoder runs in pure Python as soon as it indents (3× slower here).
    return orjson.dumps({"@context": jsonld_context(), "@graph": body}, option=orjson.OPT_INDENT_2).decode() + "\n"


def _sorted_values(values: list[Any]) -> Any:
    if len(values) == 1:
        return values[0]
    return sorted(values, key=lambda item: (item.get("@id", ""), item.get("@value", ""), item.get("@language", ""),
                                            item.get("@type", "")) if isinstance(item, dict) else ("", item, "", ""))


# Characters N-Triples and N-Quads escape inside literals: the canonical escapes, and every control and line
# separator as \uXXXX, since a line break of any kind would let a lenient parser read the rest of the literal
# as another triple.
_LITERAL_ESCAPES = {code: f"\\u{code:04X}" for code in [*range(0x00, 0x20), 0x7F, 0x85, 0x2028, 0x2029]}
_LITERAL_ESCAPES.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t", ord("\b"): "\\b", ord("\f"): "\\f",
                         ord('"'): '\\"', ord("\\"): "\\\\"})
_XSD_STRING = str(XSD.string)


def _nt_term(term: Node, made: dict[Node, str]) -> str:
    """A term in N-Triples syntax (canonical form, as pyoxigraph writes it), each distinct term made once."""
    found = made.get(term)
    if found is None:
        if isinstance(term, Literal):
            found = '"' + str(term).translate(_LITERAL_ESCAPES) + '"'
            if term.language:
                found += "@" + term.language.lower()
            elif term.datatype is not None and str(term.datatype) != _XSD_STRING:
                found += "^^" + _nt_term(term.datatype, made)
        elif isinstance(term, BNode):
            found = f"_:{term}"
        else:
            if _BAD_IRI_RE.search(term):
                raise FilmgraphError(f"cannot write: not a valid IRI: <{str(term)[:80]}>")
            found = f"<{term}>"
        made[term] = found
    return found


def _lines(triples: Iterable[Triple], graph_name: str | None) -> str:
    """One sorted line per distinct triple (in ``graph_name`` for N-Quads): the same triples, the same text.
    Written here rather than by a library: a line is three terms, and this is three times faster."""
    made: dict[Node, str] = {}
    tail = f" {_nt_term(URIRef(graph_name), made)} .\n" if graph_name else " .\n"
    return "".join(sorted({f"{_nt_term(s, made)} {_nt_term(p, made)} {_nt_term(o, made)}{tail}"
                           for s, p, o in triples})) or "\n"


def _n_triples(triples: Iterable[Triple], graph_name: str | None) -> str:
    return _lines(triples, None)


def _n_quads(triples: Iterable[Triple], graph_name: str | None) -> str:
    return _lines(triples, graph_name)


# One writer per format: the same text for the same triples.
WRITERS: dict[RdfFormat, Callable[[Iterable[Triple], str | None], str]] = {
    RdfFormat.TURTLE: _turtle, RdfFormat.JSON_LD: _json_ld, RdfFormat.N_TRIPLES: _n_triples,
    RdfFormat.N_QUADS: _n_quads,
}


def serialize(graph: Graph | Iterable[Triple], fmt: RdfFormat, *, graph_name: str | None = None) -> str:
    """The triples (an rdflib Graph, or any iterable of triples) in ``fmt``, the same text for the same
    triples.

    ``graph_name`` names the graph in N-Quads (the source article's IRI).

    :raises FilmgraphError: a term no RDF syntax can write (an IRI with a space).
    """
    return WRITERS[fmt](graph, graph_name)


def write_graph(graph: Graph, path: str | Path, *, fmt: RdfFormat | None = None,
                graph_name: str | None = None) -> Path:
    """Write ``graph`` to ``path`` (format from the suffix unless given), atomically.

    :raises FilmgraphError: the file cannot be written.
    """
    path = Path(path)
    fmt = fmt or RdfFormat.from_extension(path.suffix)
    try:
        write_text_atomic(path, serialize(graph, fmt, graph_name=graph_name))
    except OSError as exc:
        raise FilmgraphError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    return path


_SCHEMA_CONTEXTS = {"https://schema.org", "http://schema.org", "https://schema.org/", "http://schema.org/"}


def _offline_context(data: Any) -> Any:
    """Replace a remote schema.org @context by its meaning, so that reading never reaches the network."""
    if isinstance(data, list):
        return [_offline_context(item) for item in data]
    if isinstance(data, dict):
        context = data.get("@context")
        if isinstance(context, str) and context in _SCHEMA_CONTEXTS:
            data = {**data, "@context": {"@vocab": "http://schema.org/"}}
        return {key: _offline_context(value) if key != "@context" else value for key, value in data.items()}
    return data


_BAD_IRI_RE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _checked_terms(graph: Graph, path: Path) -> Graph:
    """Refuse an IRI no RDF syntax can write back, and replace lone surrogates (which no UTF-8 file can
    hold) in literals with U+FFFD."""
    clean = Graph()
    for triple in graph:
        terms = []
        for term in triple:
            if isinstance(term, URIRef) and _BAD_IRI_RE.search(str(term)):
                raise FilmgraphError(f"{path}: not a valid IRI: <{str(term)[:80]}>")
            if isinstance(term, Literal) and _SURROGATE_RE.search(str(term)):
                term = Literal(_SURROGATE_RE.sub("\ufffd", str(term)), lang=term.language, datatype=term.datatype)
            terms.append(term)
        clean.add((terms[0], terms[1], terms[2]))
    return clean


def load_graph(path: str | Path) -> Graph:
    """Parse an RDF file (format from its suffix).

    :raises FilmgraphError: the file is missing, of an unknown format or not valid RDF.
    """
    path = Path(path)
    try:
        fmt = RdfFormat.from_extension(path.suffix)
    except ValueError as exc:
        raise FilmgraphError(f"{path}: {exc}") from exc
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FilmgraphError(f"{path}: {exc.strerror or 'cannot read file'}") from exc
    graph = Graph()
    # Literals keep the lexical form the file gives them ("PT92M" stays PT92M, not PT1H32M), so that a
    # file read back writes and embeds as the article it was exported from.
    normalize, rdflib.NORMALIZE_LITERALS = rdflib.NORMALIZE_LITERALS, False
    try:
        if fmt is RdfFormat.N_QUADS:
            dataset = Dataset()
            dataset.parse(data=data, format="nquads")
            for s, p, o, _ in dataset.quads():
                graph.add((s, p, o))
        elif fmt is RdfFormat.JSON_LD:
            graph.parse(data=json.dumps(_offline_context(json.loads(data))), format="json-ld")
        else:
            graph.parse(data=data, format=fmt.rdflib_name)
    except (SyntaxError, ValueError, RdflibError, UnicodeDecodeError) as exc:
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise FilmgraphError(f"{path}: not valid {fmt.name.replace('_', '-').title()}: {message}") from exc
    finally:
        rdflib.NORMALIZE_LITERALS = normalize
    graph = _checked_terms(graph, path)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
