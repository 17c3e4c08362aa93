"""``export``: read → extract → map → validate → write, for many inputs, each on its own.

One input's failure never costs another input its output: each result says what happened.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from filmgraph.errors import FilmgraphError
from filmgraph.extract.film import extract_film
from filmgraph.extract.names import slug
from filmgraph.model import Article, Film
from filmgraph.rdf.mapping import map_film
from filmgraph.rdf.validate import Report, validate_graph
from filmgraph.rdf.vocab import DEFAULT_BASE, SDO
from filmgraph.rdf.write import RdfFormat, load_graph, serialize, write_text_atomic
from filmgraph.read.plain import decode, parse_article, read_article
from filmgraph.store import Store, cited_article

STDIN = "-"
STDIN_SOURCE = "urn:filmgraph:stdin"
DEFAULT_FORMATS = (RdfFormat.TURTLE, RdfFormat.JSON_LD)


@dataclass
class Outcome:
    """What became of one input: its error, or the shapes report of its graph."""

    input: str
    report: Report | None = None
    error: str | None = None

    @property
    def exit_code(self) -> int:
        """0 done, 1 the graph violates the shapes, 2 bad input."""
        if self.error:
            return 2
        return 1 if self.report is not None and not self.report.conforms else 0


@dataclass
class ExportResult(Outcome):
    """What :func:`export` made of one input."""

    film: Film | None = None
    graph: Graph | None = None
    written: list[Path] = field(default_factory=list)
    texts: dict[RdfFormat, str] = field(default_factory=dict)

    @property
    def warnings(self) -> list[str]:
        return list(self.film.warnings) if self.film else []


WIKI_PREFIX = "wiki:"


def load_article(source: str | Path) -> Article:
    """Read one input: a path, ``-`` for standard input, or ``wiki:Title`` to fetch a page.

    The MediaWiki API is ``$FILMGRAPH_MEDIAWIKI_API`` (default: English Wikipedia).
    """
    if str(source).startswith(WIKI_PREFIX):
        from filmgraph.read.fetch import DEFAULT_API, fetch_article

        api = os.environ.get("FILMGRAPH_MEDIAWIKI_API", DEFAULT_API)
        return fetch_article(str(source)[len(WIKI_PREFIX):], api=api)
    if str(source) == STDIN:
        return parse_article(decode(sys.stdin.buffer.read(), "<stdin>"), source=STDIN_SOURCE, where="<stdin>")
    return read_article(source)


def build_graph(article: Article, *, base: str = DEFAULT_BASE) -> tuple[Film, Graph]:
    film = extract_film(article)
    return film, map_film(film, base=base)


def export_one(source: str | Path, *, output_dir: str | Path | None = "out",
               formats: Sequence[RdfFormat] = DEFAULT_FORMATS, base: str = DEFAULT_BASE,
               validate: bool = True) -> ExportResult:
    """Export one article; problems are reported in the result, never raised.

    With ``output_dir=None`` nothing is written and the serialisations are in ``result.texts``.
    """
    result = ExportResult(str(source))
    try:
        article = load_article(source)
        result.film, result.graph = build_graph(article, base=base)
        if validate:
            result.report = validate_graph(result.graph)
            if not result.report.conforms:
                return result
        result.texts = {fmt: serialize(result.graph, fmt, graph_name=article.source) for fmt in formats}
        if output_dir is not None:
            name = slug(article.title)
            for fmt, text in result.texts.items():
                path = Path(output_dir) / f"{name}.{fmt.extension}"
                _write(path, text)
                result.written.append(path)
    except FilmgraphError as exc:
        result.error = str(exc)
    return result


def export(inputs: Iterable[str | Path], *, output_dir: str | Path | None = "out",
           formats: Sequence[RdfFormat] = DEFAULT_FORMATS, base: str = DEFAULT_BASE,
           validate: bool = True) -> list[ExportResult]:
    """Export every input; see :func:`export_one`.

    Example:

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "heat.txt").write_text("= Heat =\\nInfobox\\n- Director: Michael Mann\\n", encoding="utf-8")
    >>> [r.exit_code for r in export([folder / "heat.txt", folder / "missing.txt"], output_dir=folder)]
    [0, 2]
    >>> sorted(p.name for p in folder.glob("heat.*"))
    ['heat.jsonld', 'heat.ttl', 'heat.txt']
    """
    return [export_one(source, output_dir=output_dir, formats=formats, base=base, validate=validate)
            for source in inputs]


RDF_SUFFIXES = {".ttl", ".turtle", ".jsonld", ".json", ".nt", ".nq"}


@dataclass
class LoadResult(Outcome):
    """What :func:`load` made of one input."""

    graph_iri: str | None = None
    triples: int = 0


def graph_of_input(source: str | Path, *, base: str = DEFAULT_BASE, validate: bool = True
                   ) -> tuple[Graph, str, Report | None]:
    """The graph an input holds and the IRI of its named graph: an RDF file as it is (named after the
    article its statements cite, if they cite one), or an article exported first."""
    if str(source) != STDIN and not str(source).startswith(WIKI_PREFIX) and Path(source).suffix.lower() in RDF_SUFFIXES:
        graph = load_graph(source)
        try:
            name = cited_article(graph)
        except FilmgraphError:
            name = Path(source).resolve().as_uri()
        return graph, name, validate_graph(graph) if validate else None
    article = load_article(source)
    _, graph = build_graph(article, base=base)
    return graph, article.source, validate_graph(graph) if validate else None


def load(inputs: Iterable[str | Path], *, store: Store, graph_iri: str | None = None, base: str = DEFAULT_BASE,
         validate: bool = True) -> list[LoadResult]:
    """Load each input into its own named graph of ``store``, replacing what that graph held.

    A graph that violates the shapes is not loaded (``validate=False`` loads it anyway); one bad
    input never stops the others.
    """
    results = []
    for source in inputs:
        result = LoadResult(str(source))
        try:
            graph, name, result.report = graph_of_input(source, base=base, validate=validate)
            result.graph_iri = graph_iri or name
            if result.report is None or result.report.conforms:
                result.triples = store.load(graph, graph_iri=result.graph_iri)
        except FilmgraphError as exc:
            result.error = str(exc)
        results.append(result)
    return results


@dataclass
class EmbedResult(Outcome):
    """What :func:`embed` made of one input."""

    snippets: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


def embed(inputs: Iterable[str | Path], *, output_dir: str | Path | None = "out", base: str = DEFAULT_BASE
          ) -> list[EmbedResult]:
    """A film page ``<slug>.html`` per film (or, with ``output_dir=None``, only the JSON-LD snippets)."""
    from filmgraph.web.page import films_in, render_page, snippet

    results = []
    for source in inputs:
        result = EmbedResult(str(source))
        try:
            graph, _, _ = graph_of_input(source, base=base, validate=False)
            for film in films_in(graph):
                result.snippets.append(snippet(graph, film))
                if output_dir is not None:
                    path = Path(output_dir) / f"{slug(str(graph.value(film, SDO.name) or film))}.html"
                    _write(path, render_page(graph, film))
                    result.written.append(path)
        except FilmgraphError as exc:
            result.error = str(exc)
        results.append(result)
    return results


def draw(source: str | Path, *, output: str | Path | None = None, base: str = DEFAULT_BASE) -> str:
    """The SVG diagram of the (first) film an input holds; written to ``output`` when given."""
    from filmgraph.web.draw import draw_graph
    from filmgraph.web.page import films_in

    graph, _, _ = graph_of_input(source, base=base, validate=False)
    svg = draw_graph(graph, films_in(graph)[0]) + "\n"
    if output is not None:
        _write(Path(output), svg)
    return svg


def _write(path: Path, text: str) -> None:
    try:
        write_text_atomic(path, text)
    except OSError as exc:
        raise FilmgraphError(f"{path}: cannot write: {exc.strerror or exc}") from exc
