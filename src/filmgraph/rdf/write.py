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
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from filmgraph.atomic import write_text_atomic
from filmgraph.errors import FilmgraphError
from filmgraph.formats import RdfFormat
from filmgraph.rdf.vocab import PREFIXES, RDF, XSD
from filmgraph.text import NONCHARACTER_ESCAPES, is_valid, replaced_warning, valid_data, valid_text

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
    if not is_valid(body):  # a noncharacter (a reader replaces them; RDF read from a server may hold one)
        body = body.translate(NONCHARACTER_ESCAPES)  # as \uFFFF: strict tools (rapper) refuse it raw
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
_LITERAL_ESCAPES.update(NONCHARACTER_ESCAPES)
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
    except UnicodeEncodeError as exc:
        raise FilmgraphError(f"{path}: cannot write: {exc.reason} at {exc.start}") from exc
    return path


_SCHEMA_CONTEXTS = {"https://schema.org", "http://schema.org", "https://schema.org/", "http://schema.org/",
                    "https://schema.org/docs/jsonldcontext.json", "http://schema.org/docs/jsonldcontext.json"}
# The one context filmgraph resolves itself, bundled: schema.org's terms are its vocabulary.
SCHEMA_CONTEXT: dict[str, Any] = {"@vocab": "http://schema.org/"}
MAX_JSON_DEPTH = 64  # filmgraph's own JSON-LD nests four deep; a thousand-deep array is an attack, not a film


def _json_depth(data: Any) -> int:
    """How deep arrays and objects nest (iteratively: the depth is what is in doubt)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if depth <= MAX_JSON_DEPTH:
                stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def _context_reference(value: Any, where: str) -> Any:
    """A context reference made offline: schema.org's by the bundled context, an embedded context as it is;
    every other reference (a remote URL, a ``file:`` URL, a relative path) refused."""
    if isinstance(value, list):
        return [_context_reference(item, where) for item in value]
    if isinstance(value, str):
        if value.strip() in _SCHEMA_CONTEXTS:
            return dict(SCHEMA_CONTEXT)
        raise FilmgraphError(f"{where}: names the context <{value[:120]}>: filmgraph reads offline and resolves no "
                             "remote or file context (only schema.org's is bundled)")
    return value


def offline_document(document: Any, where: str) -> Any:
    """A JSON-LD document whose every context reference is resolved offline (see :func:`_context_reference`),
    wherever a context can appear: the top, a node, a term definition (scoped contexts) and ``@import``.

    :raises FilmgraphError: the document names a context that is not bundled.
    """
    root = {"": document}
    stack: list[Any] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            for key in ("@context", "@import"):
                if key in item:
                    item[key] = _context_reference(item[key], where)
            stack.extend(item.values())
    return root[""]


_BAD_IRI_RE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
# A \uD800-style escape of a lone surrogate (after an even number of backslashes: an escape, not text).
_SURROGATE_ESCAPE_RE = re.compile(r"(?<!\\)((?:\\\\)*)\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_OX_FORMATS = {RdfFormat.TURTLE: "TURTLE", RdfFormat.N_TRIPLES: "N_TRIPLES", RdfFormat.N_QUADS: "N_QUADS",
               RdfFormat.JSON_LD: "JSON_LD"}


def _read_json_ld(data: bytes, where: str) -> tuple[bytes, int]:
    """A JSON-LD file as the parser is to read it: JSON nested no deeper than any film, every string made valid,
    every context offline."""
    try:
        document = json.loads(data)
    except RecursionError as exc:
        raise FilmgraphError(f"{where}: not valid Json-Ld: nested more than {MAX_JSON_DEPTH} deep") from exc
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise FilmgraphError(f"{where}: not valid Json-Ld: {message}") from exc
    if _json_depth(document) > MAX_JSON_DEPTH:
        raise FilmgraphError(f"{where}: not valid Json-Ld: nested more than {MAX_JSON_DEPTH} deep")
    document, replaced = valid_data(document)
    return json.dumps(offline_document(document, where), ensure_ascii=False).encode("utf-8"), replaced


def _read_text_rdf(data: bytes, where: str, fmt: RdfFormat) -> tuple[bytes, int]:
    """A Turtle, N-Triples or N-Quads file with every escaped lone surrogate (which no parser takes) written as
    U+FFFD."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FilmgraphError(f"{where}: not valid {_format_name(fmt)}: not UTF-8 (byte 0x{data[exc.start]:02x} at "
                             f"offset {exc.start})") from exc
    text, replaced = _SURROGATE_ESCAPE_RE.subn(lambda m: m.group(1) + "\\uFFFD", text)
    return (text.encode("utf-8") if replaced else data), replaced


# What :func:`parse_rdf` replaces, as bytes: an escaped lone surrogate, and a noncharacter's UTF-8 (U+FDD0–U+FDEF,
# U+FFFE, U+FFFF and the last two code points of every other plane).
_INVALID_BYTES_RE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}|\xef\xb7[\x90-\xaf]|\xef\xbf[\xbe\xbf]"
                               rb"|[\xf0-\xf4][\x8f\x9f\xaf\xbf]\xbf[\xbe\xbf]")


def holds_invalid_text(path: str | Path) -> bool:
    """The RDF file holds a lone surrogate escape or a noncharacter (read a few megabytes at a time), so that it
    must be read through :func:`load_graph`, which replaces them, rather than straight into a store."""
    with Path(path).open("rb") as stream:
        tail = b""
        while chunk := stream.read(1 << 24):
            if _INVALID_BYTES_RE.search(tail + chunk):
                return True
            tail = chunk[-8:]
    return False


def _format_name(fmt: RdfFormat) -> str:
    return fmt.name.replace("_", "-").title()


def _rdflib_term(term: Any, where: str, replaced: list[int]) -> Node:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        if _BAD_IRI_RE.search(term.value):
            raise FilmgraphError(f"{where}: not a valid IRI: <{term.value[:80]}>")
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    value, count = valid_text(term.value)
    replaced[0] += count
    if term.language:
        return Literal(value, lang=term.language)
    datatype = term.datatype.value
    return Literal(value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))


def load_graph(path: str | Path, *, warnings: list[str] | None = None) -> Graph:
    """Parse an RDF file (format from its suffix), strictly and offline (pyoxigraph's parsers; a JSON-LD file's
    contexts resolved only from the bundled schema.org one). Lone surrogates and noncharacters in its text are
    replaced by U+FFFD, with a warning added to ``warnings``.

    :raises FilmgraphError: the file is missing, of an unknown format, not valid RDF, nested deeper than any
        film, or names a remote or file context.
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
    graph = parse_rdf(data, fmt, where=str(path), warnings=warnings)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def parse_rdf(data: bytes, fmt: RdfFormat, *, where: str, warnings: list[str] | None = None) -> Graph:
    """Parse RDF text strictly and offline (see :func:`load_graph`), as an rdflib Graph (a dataset's graphs
    merged); ``where`` names it in messages.

    :raises FilmgraphError: not valid RDF, nested deeper than any film, or naming a remote or file context.
    """
    import pyoxigraph as ox

    if fmt is RdfFormat.JSON_LD:
        data, escaped = _read_json_ld(data, where)
    else:
        data, escaped = _read_text_rdf(data, where, fmt)
    replaced = [escaped]
    graph = Graph()
    # Literals keep the lexical form the file gives them ("PT92M" stays PT92M, not PT1H32M), so that a
    # file read back writes and embeds as the article it was exported from.
    normalize, rdflib.NORMALIZE_LITERALS = rdflib.NORMALIZE_LITERALS, False
    try:
        for quad in ox.parse(data, format=getattr(ox.RdfFormat, _OX_FORMATS[fmt])):
            graph.add((_rdflib_term(quad.subject, where, replaced), _rdflib_term(quad.predicate, where, replaced),
                       _rdflib_term(quad.object, where, replaced)))
    except SyntaxError as exc:
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if "LoadDocumentCallback" in message:  # a context reference the offline walk did not see
            message = "names a remote context: filmgraph reads offline"
        raise FilmgraphError(f"{where}: not valid {_format_name(fmt)}: {message[:200]}") from exc
    finally:
        rdflib.NORMALIZE_LITERALS = normalize
    if replaced[0] and warnings is not None:
        warnings.append(replaced_warning(where, replaced[0]))
    return graph


def n_triples_term(term: Node) -> str:
    r"""One term as N-Triples writes it (every control and line separator escaped): what a SPARQL TSV cell
    holds.

    >>> n_triples_term(Literal("a\tb\nc"))
    '"a\\tb\\nc"'
    """
    return _nt_term(term, {})
