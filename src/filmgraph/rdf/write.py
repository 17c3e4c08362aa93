"""Serialise graphs (Turtle, JSON-LD, N-Triples, N-Quads) deterministically, and write files atomically.

The same graph always gives the same bytes: Turtle is sorted by rdflib, and the other formats are
put in a canonical order here. Files are written to a temporary name beside the target and
renamed, so that a failure never leaves a half-written or clobbered file.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.exceptions import Error as RdflibError

from filmgraph.atomic import write_text_atomic
from filmgraph.errors import FilmgraphError
from filmgraph.rdf.vocab import PREFIXES


class RdfFormat(enum.Enum):
    """The RDF formats filmgraph writes; the value is the CLI choice and file suffix."""

    TURTLE = "ttl"
    JSON_LD = "jsonld"
    N_TRIPLES = "nt"
    N_QUADS = "nq"

    @property
    def extension(self) -> str:
        return self.value

    @property
    def media_type(self) -> str:
        return {"ttl": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples",
                "nq": "application/n-quads"}[self.value]

    @property
    def rdflib_name(self) -> str:
        return {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt", "nq": "nquads"}[self.value]

    @classmethod
    def from_extension(cls, suffix: str) -> RdfFormat:
        """The format of a file suffix.

        Example:

        >>> RdfFormat.from_extension(".json").name
        'JSON_LD'
        """
        suffix = suffix.lower().lstrip(".")
        aliases = {"turtle": "ttl", "json": "jsonld", "json-ld": "jsonld", "ntriples": "nt", "nquads": "nq"}
        try:
            return cls(aliases.get(suffix, suffix))
        except ValueError:
            raise ValueError(f"unknown RDF format '{suffix}'") from None


def jsonld_context() -> dict[str, str]:
    """The compact @context: one term per prefix of vocab.PREFIXES."""
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def _canonical(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _canonical(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        items = [_canonical(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return value


def _turtle(graph: Graph, graph_name: str | None) -> str:
    return graph.serialize(format="turtle")


def _json_ld(graph: Graph, graph_name: str | None) -> str:
    data = json.loads(graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True))
    context = data.pop("@context", jsonld_context())
    return json.dumps({"@context": context, **_canonical(data)}, indent=2, ensure_ascii=False) + "\n"


def _sorted_lines(text: str) -> str:
    return "\n".join(sorted(set(filter(None, text.splitlines())))) + "\n"


def _n_triples(graph: Graph, graph_name: str | None) -> str:
    return _sorted_lines(graph.serialize(format="nt"))


def _n_quads(graph: Graph, graph_name: str | None) -> str:
    dataset = Dataset()
    named = dataset.graph(URIRef(graph_name) if graph_name else None)
    for triple in graph:
        named.add(triple)
    return _sorted_lines(dataset.serialize(format="nquads"))


# One writer per format: the same text for the same triples.
WRITERS: dict[RdfFormat, Callable[[Graph, str | None], str]] = {
    RdfFormat.TURTLE: _turtle, RdfFormat.JSON_LD: _json_ld, RdfFormat.N_TRIPLES: _n_triples,
    RdfFormat.N_QUADS: _n_quads,
}


def serialize(graph: Graph, fmt: RdfFormat, *, graph_name: str | None = None) -> str:
    """The graph in ``fmt``, the same text for the same triples.

    ``graph_name`` names the graph in N-Quads (the source article's IRI).
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
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
