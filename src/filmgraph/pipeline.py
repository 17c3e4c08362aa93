"""``export``: read → extract → map → validate → write, for many inputs, each on its own.

One input's failure never costs another input its output: each result says what happened.
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from collections.abc import Iterable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from rdflib import Graph

from filmgraph import defaults
from filmgraph.atomic import write_files_atomic
from filmgraph.errors import FilmgraphError, NotAFilm
from filmgraph.extract import extract_film
from filmgraph.model import Article, Film
from filmgraph.pages import title_of
from filmgraph.rdf.iris import article_iri, film_iri, film_names, film_year
from filmgraph.rdf.mapping import category_page, map_film, map_statements
from filmgraph.rdf.shapes import FilmTriples
from filmgraph.rdf.statements import graph_of
from filmgraph.rdf.validate import Report, prune_violations, shapes_report, validate_graph, validate_triples
from filmgraph.rdf.vocab import DEFAULT_BASE, RDF, SDO
from filmgraph.rdf.write import RdfFormat, holds_invalid_text, load_graph, serialize
from filmgraph.read.dump import ARTICLE_SUFFIXES, Job, iter_pages, page_revision
from filmgraph.read.items import ItemFile
from filmgraph.read.mediawiki import DEFAULT_API, MediaWiki, permalink_parts
from filmgraph.read.plain import decode, parse_article, read_article, read_bounded
from filmgraph.read.wikitext import looks_like_wikitext, parse_wikitext
from filmgraph.slugs import slug
from filmgraph.store import Store, cited_article
from filmgraph.store.results import FilmIdentity, film_identities, held_films, owner_conflict
from filmgraph.text import is_valid
from filmgraph.wikidata.quickstatements import Proposal, file_name, propose

STDIN = "-"
WIKI_PREFIX = "wiki:"
# The defaults of every command and library call, defined once.
DEFAULT_OUTPUT_DIR = defaults.OUTPUT_DIR
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
    """What became of one exported article, in a single export or a batch alike."""

    film: Film | None = None
    triples: FilmTriples | None = None  # the film's triples, as validated and written
    written: list[Path] = field(default_factory=list)
    texts: dict[RdfFormat, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    skipped: bool = False  # the input holds no film (a redirect, a series, a person): declined by name
    title: str | None = None  # the article's title, once read (a dump's page title before)
    stage: str | None = None  # the stage that failed or declined it: read, extract, map, validate, write
    name: str | None = None  # the name the film's IRIs and files go by (name_film), and who claimed it
    claimant: str | None = None

    @property
    def violations(self) -> list[str]:
        return self.report.lines() if self.report is not None and not self.report.conforms else []

    @property
    def status(self) -> str:
        """written, skipped (no film in it), error, or violations (the graph breaks the shapes)."""
        if self.skipped:
            return "skipped"
        if self.error:
            return "error"
        return "violations" if self.violations else "written"

    @property
    def graph(self) -> Graph | None:
        """The film's triples as an rdflib Graph (made when asked for: the export itself never needs one)."""
        return graph_of(self.triples) if self.triples is not None else None

    def slim(self) -> ExportResult:
        """The result without its film, triples and texts: small enough to send back from a worker."""
        return replace(self, film=None, triples=None, texts={})


@dataclass(frozen=True)
class ReadSettings:
    """How inputs are read and linked, as a frozen (picklable) record that every worker and a Dask cluster
    receive, each opening its own clients from it (see :class:`Reading`): the MediaWiki API for
    ``wiki:Title`` (with the contact Wikimedia asks for, a cache folder and the seconds to wait for an
    answer), the page a plain file was saved from, and where the Wikidata items of linked pages come from: a
    title→item file when given, else the API, which is asked by default for pages fetched with ``wiki:Title``
    (``link_wikidata=None``), for every input with ``link_wikidata=True`` and never with ``link_wikidata=False``.

    >>> import pickle
    >>> settings = ReadSettings(contact="films@example.org", link_wikidata=False)
    >>> pickle.loads(pickle.dumps(settings)) == settings
    True
    """

    api: str = DEFAULT_API
    contact: str | None = None
    cache: str | Path | None = None
    source_url: str | None = None
    link_wikidata: bool | None = None
    items_file: str | Path | None = None
    timeout: float = 30.0

    def open(self, *, stdin: BinaryIO | None = None) -> Reading:
        """The clients of these settings (nothing is opened until first used); close them, or use a with block."""
        return Reading(self, stdin=stdin)


class Reading:
    """The clients opened from :class:`ReadSettings`, each when first used (the MediaWiki API, the items
    file's index), and standard input for ``-``. A context manager: the clients are closed when the block ends.

    ``Reading(settings)``, or for short the settings' fields as keywords: ``Reading(items_file="items.tsv")``.

    >>> with Reading(link_wikidata=False) as reading:
    ...     reading.items(["Heat (1995 film)"])
    {}
    """

    def __init__(self, settings: ReadSettings | None = None, *, stdin: BinaryIO | None = None,
                 **fields: Any) -> None:
        if settings is not None and fields:
            raise TypeError("give ReadSettings or its fields, not both")
        self.settings = settings if settings is not None else ReadSettings(**fields)
        self.stdin = stdin
        self._wiki: MediaWiki | None = None
        self._items: ItemFile | None = None

    def __repr__(self) -> str:
        return f"Reading({self.settings!r})"

    def __enter__(self) -> Reading:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def wiki(self) -> MediaWiki:
        if self._wiki is None:
            s = self.settings
            self._wiki = MediaWiki(s.api, contact=s.contact, cache=s.cache, timeout=s.timeout)
        return self._wiki

    def items(self, titles: list[str], *, fetched: bool = False, required: bool = False) -> dict[str, str]:
        """The Wikidata items of these pages, from the items file, else from the API when it is to be asked:
        for a page fetched from it (``fetched``) unless ``link_wikidata`` is False, for any page when it is True,
        and always when the caller cannot do without them (``required``)."""
        s = self.settings
        if s.items_file:
            if self._items is None:
                self._items = ItemFile(s.items_file)
            return self._items.items(titles)
        ask = required or s.link_wikidata or (s.link_wikidata is None and fetched)
        return self.wiki().items(titles) if ask and titles else {}

    def close(self) -> None:
        """Close the clients opened so far (they are opened again if used after)."""
        for resource in (self._wiki, self._items):
            if resource is not None:
                resource.close()
        self._wiki = self._items = None


def reading_of(reading: Reading | ReadSettings | None) -> Reading:
    """Clients to read with: those given, or opened from the settings given (or the defaults)."""
    return reading if isinstance(reading, Reading) else Reading(reading)


# The values a warning names, each with what shows its kind of value: a node ("Label <IRI>"), a quoted value, a
# template, a line number.
_WARNING_VALUES = ((re.compile(r"(?:[^\s:<>][^:<>]*\s)?<[^>]*>"), "…"), (re.compile(r"'[^']*'"), "'…'"),
                   (re.compile(r'"[^"]*"'), '"…"'), (re.compile(r"\{\{[^}]*\}\}"), "{{…}}"),
                   (re.compile(r"\bline \d+"), "line …"))


def warning_kind(warning: str) -> str:
    """What warnings of one kind share: the wording without the values each names.

    >>> warning_kind("rocky.wiki: infobox 'gross': unknown template {{inflation}}: only its links read")
    "rocky.wiki: infobox '…': unknown template {{…}}: only its links read"
    """
    for pattern, mask in _WARNING_VALUES:
        warning = pattern.sub(mask, warning)
    return warning


def summarize_warnings(warnings: Iterable[str], *, verbose: bool = False) -> list[str]:
    """The warnings to show for one input: each one with ``verbose``, else one line per kind (see
    :func:`warning_kind`), a kind met more than once counted: "4 × rocky.wiki: infobox '…': unknown template
    {{…}}: only its links read".

    >>> summarize_warnings(["a.wiki: line 4: unknown infobox key 'x'", "a.wiki: line 9: unknown infobox key 'y'"])
    ["2 × a.wiki: line …: unknown infobox key '…'"]
    """
    listed = list(warnings)
    if verbose:
        return listed
    kinds: dict[str, list[str]] = {}
    for warning in listed:
        kinds.setdefault(warning_kind(warning), []).append(warning)
    return [same[0] if len(same) == 1 else f"{len(same)} × {kind}" for kind, same in kinds.items()]


def load_article(source: str | Path | Job, *, reading: Reading | None = None) -> Article:
    """Read one input: a path, ``-`` for standard input, ``wiki:Title`` to fetch a page, or a dump's Job."""
    reading = reading or Reading()
    if isinstance(source, Job):
        if source.error:  # a page a dump reader refused (too large to read): it fails alone
            raise FilmgraphError(source.error)
        if source.text is not None:
            return parse_wikitext(source.text, title=source.title, source=source.source or "", where=source.name,
                                  revision=source.revision, timestamp=source.timestamp, wiki=source.wiki)
        source = source.path or source.name
    if str(source).startswith(WIKI_PREFIX):
        from filmgraph.read.fetch import fetch_article

        return fetch_article(str(source)[len(WIKI_PREFIX):], wiki=reading.wiki())
    # A permalink (…/w/index.php?title=…&oldid=…) names the page and the revision the file was saved at.
    source_url = reading.settings.source_url
    page, revision = permalink_parts(source_url) if source_url else ("", None)
    if str(source) == STDIN:
        if reading.stdin is None:
            raise FilmgraphError("-: no standard input given")
        warnings: list[str] = []
        text = decode(read_bounded(reading.stdin, "<stdin>"), "<stdin>", warnings)
        if looks_like_wikitext(text):
            article = parse_wikitext(text, source=page, where="<stdin>", revision=revision)
        else:
            article = parse_article(text, source=page, where="<stdin>")
        article = replace(article, warnings=(*warnings, *article.warnings))
    else:
        article = read_article(source, source_url=page or None)
    if revision and article.provenance.page and not article.provenance.revision:
        article = replace(article, provenance=replace(article.provenance, revision=revision))
    return article


def check_graph(graph: Graph | FilmTriples, *, strict: bool = False, warnings: list[str] | None = None) -> Report:
    """The shapes report of ``graph`` (pyshacl for an rdflib Graph, the compiled shapes for a film's
    triples: the same report). Unless ``strict``, each value that breaks a shape is first taken out of
    the graph with a warning, so that one bad value never costs the film."""
    if strict:
        return shapes_report(graph)
    report, dropped = prune_violations(graph)
    if warnings is not None:
        warnings.extend(f"{value} (--strict keeps the film out instead)" for value in dropped)
    return report


def linked_pages(film: Film) -> list[str]:
    """The pages whose Wikidata items the film's graph names: the film's own, every linked person and
    company, and the article of every award category the accolades link."""
    own = title_of(film.provenance.page)
    titles = [own] if own else []
    titles += [p.link for p in film.people.values() if p.link]
    titles += [o.link for o in [*film.production_company, *film.distributor, *film.sales_agent] if o.link]
    titles += [page for n in film.nomination if (page := category_page(n))]
    return list(dict.fromkeys(titles))


def link_items(film: Film, reading: Reading, *, fetched: bool = False, required: bool = False) -> None:
    """Give the film, every linked person and company and every linked award category their Wikidata item,
    where one is known: one batched (and cached) look-up for all of them; see :meth:`Reading.items`."""
    own = title_of(film.provenance.page)
    if own and film.provenance.item:
        film.items[own] = film.provenance.item
    titles = [title for title in linked_pages(film) if title not in film.items]
    if not titles:
        return
    try:
        film.items.update(reading.items(titles, fetched=fetched, required=required))
    except FilmgraphError as exc:
        if required:
            raise
        # Items are looked up by default: an API that cannot answer costs the links, never the film.
        film.warnings.append(f"Wikidata items not looked up: {exc}")


def linked_film(article: Article, reading: Reading | None = None, *, required: bool = False) -> Film:
    """The film an article describes, with the Wikidata items of it and of what it links (see :func:`link_items`;
    ``required``: the items must be looked up, a failure to is an error)."""
    film = extract_film(article)
    link_items(film, reading or Reading(), fetched=was_fetched(article), required=required)
    return film


def was_fetched(article: Article) -> bool:
    """The article was fetched from the MediaWiki API (``wiki:Title``): its links' items are looked up there
    by default."""
    return article.where.startswith(WIKI_PREFIX)


Claims = str | MutableMapping[str, str]


def build_graph(article: Article, *, base: str = DEFAULT_BASE, reading: Reading | None = None,
                claims: Claims | None = None, store: Store | None = None, claimant: str | None = None
                ) -> tuple[Film, Graph, str]:
    """The film of an article, its graph and its name (see :func:`name_film`; ``claimant`` is what the
    article was read from, its ``where`` when not given)."""
    film = linked_film(article, reading)
    name = name_film(film, claimant=claimant or article.where or article.title, base=base, claims=claims,
                     store=store)
    return film, map_film(film, base=base, name=name), name


def name_film(film: Film, *, claimant: str, base: str = DEFAULT_BASE, claims: Claims | None = None,
              store: Store | None = None) -> str:
    """The name a film's IRIs go by: the first of :func:`filmgraph.rdf.iris.film_names` that no other film of
    this run (``claims``) and of ``store`` goes by, so that two articles never become one film: ``batman``
    for the first film of that title, ``batman-1989`` for another of 1989.

    ``claimant`` is what the article was read from; a film with a page claims its name for the page, so that
    one page read twice in a run is one film. ``claims`` is shared by the run's workers: a mapping (in memory,
    or a manager's proxy between processes) or, for workers on other machines, a folder they all see.

    >>> from filmgraph.model import PartialDate
    >>> run: dict[str, str] = {}
    >>> [name_film(Film("Batman", "", year=PartialDate(y)), claimant=f"{y}.wiki", claims=run) for y in (1966, 1989)]
    ['batman', 'batman-1989']
    """
    base = _slashed(base)
    key = film.provenance.page or claimant
    names = film_names(film, key)
    own = _identity(film, base, names[0])
    for name in names:
        if store is not None:
            held = held_films(store, film_iri=film_iri(base, name),
                              graph_iri=article_iri(film.provenance, base, name))
            this = _identity(film, base, name)
            if any(not h.same_film(this) for h in held):
                continue  # the store has another film of this name
        if claims is None or claim_name(claims, name, key):
            return name
    raise FilmgraphError(f"{claimant}: every name of the film {own} is taken; give --graph")


def _slashed(base: str) -> str:
    """The base as the mapper uses it: ending in "/" or "#"."""
    return base if base.endswith(("/", "#")) else base + "/"


def _identity(film: Film, base: str, name: str) -> FilmIdentity:
    """The film's identity as its triples will state it (see :func:`filmgraph.store.results.film_identities`)."""
    return film_identities(_identity_triples(film, base, name))[0]


def _identity_triples(film: Film, base: str, name: str) -> list[tuple[str, str, str]]:
    iri = film_iri(base, name)
    triples = [(iri, str(RDF.type), str(SDO.Movie)), (iri, str(SDO.name), film.title),
               (iri, str(SDO.subjectOf), article_iri(film.provenance, base, name))]
    if film.provenance.page:
        triples.append((iri, str(SDO.sameAs), film.provenance.page))
    year = film_year(film)
    if year is not None:
        triples.append((iri, str(SDO.dateCreated), f"{year:04d}"))
    return triples


def claim_name(claims: Claims, name: str, claimant: str) -> bool:
    """Claim a name for a claimant in this run: whether it is free, or the claimant's already."""
    if not isinstance(claims, str):
        return claims.setdefault(name, claimant) == claimant
    path = Path(claims) / hashlib.sha1(name.encode("utf-8")).hexdigest()
    temporary = path.with_name(f"{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        temporary.write_text(claimant, encoding="utf-8")
        try:
            os.link(temporary, path)  # the claim appears whole, with its claimant, or not at all
            return True
        except FileExistsError:
            return path.read_text(encoding="utf-8") == claimant
        finally:
            temporary.unlink(missing_ok=True)
    except OSError as exc:
        raise FilmgraphError(f"{claims}: cannot claim the film's name: {exc.strerror or exc}") from exc


def claim_page(claims: Claims | None, job: Job) -> str | None:
    """Claim a dump page's title for this run: None for the first page of its title (or that same page again,
    one revision of one text), else why this page is refused. A dump holds one page of each title; another
    is damage, and two pages of one title would otherwise become one film (one name, one named graph). The
    first is kept: a run claims its pages in the dump's order, so the same page is kept whatever the number of
    workers, and on --resume."""
    if claims is None or job.title is None or job.error:
        return None  # a file, or a page that failed already: its film's name is claimed by name_film
    revision_id = job.revision or page_revision(job)
    # a page cut from the dump but not parsed yet: its bytes stand for its text
    content = job.xml if job.xml is not None else (job.text or "").encode("utf-8", "surrogatepass")
    page = f"page {job.wiki or ''} {job.title}"  # the same key whether the page was parsed here or in a worker
    if claim_name(claims, page, f"{revision_id} {hashlib.sha1(content).hexdigest()}"):
        return None
    revision = f" (revision {revision_id})" if revision_id else ""
    return (f"{job.name}: duplicate title: an earlier page of the run is titled {job.title}; this page{revision} "
            "is refused, the first kept")


def export_one(source: str | Path | Job, *, output_dir: str | Path | None = DEFAULT_OUTPUT_DIR,
               formats: Sequence[RdfFormat] = DEFAULT_FORMATS, base: str = DEFAULT_BASE, validate: bool = True,
               reading: Reading | None = None, claims: Claims | None = None,
               strict: bool = False) -> ExportResult:
    """Export one article; problems are reported in the result, never raised.

    With ``output_dir=None`` nothing is written and the serialisations are in ``result.texts``.
    ``claims`` is where the films of one run claim their names (:func:`name_film`), so that two films
    with one title never become one or overwrite each other's files.
    """
    result = ExportResult(source.name if isinstance(source, Job) else str(source),
                          title=source.title if isinstance(source, Job) else None)
    try:
        result.stage = "read"
        article = load_article(source, reading=reading)
        result.title, result.stage = article.title, "extract"
        # The fast path: statement records → the film's triples → compiled shapes → pyoxigraph writers,
        # never an rdflib Graph (tests/test_fastpath.py shows it gives the rdflib path's graph).
        result.film = linked_film(article, reading)
        result.stage = "map"
        name = name_film(result.film, claimant=result.input, base=base, claims=claims)
        result.name, result.claimant = name, result.film.provenance.page or result.input
        result.triples = FilmTriples(map_statements(result.film, base=base, name=name).all_triples())
        result.warnings = list(result.film.warnings)
        if validate:
            result.stage = "validate"
            result.report = check_graph(result.triples, strict=strict, warnings=result.warnings)
            if not result.report.conforms:
                return result
        result.stage = "write"
        graph_name = article_iri(article.provenance, _slashed(base), name)
        result.texts = {fmt: serialize(result.triples, fmt, graph_name=graph_name) for fmt in formats}
        for fmt, text in result.texts.items():
            if not is_valid(text):  # the readers replace such characters: a page that still has one fails alone
                raise FilmgraphError(f"{result.input}: cannot write {fmt.name.replace('_', '-')}: the text holds a "
                                     "lone surrogate or a noncharacter")
        if output_dir is not None:
            files = [(Path(output_dir) / f"{name}.{fmt.extension}", text) for fmt, text in result.texts.items()]
            _write_all(files)  # a film's files all or none: a full disk never leaves a .ttl without its .jsonld
            result.written = [path for path, _ in files]
        result.stage = None
    except NotAFilm as exc:
        result.error, result.skipped = str(exc), True
    except FilmgraphError as exc:
        result.error = str(exc)
    return result


def export(inputs: Iterable[str | Path], *, output_dir: str | Path | None = DEFAULT_OUTPUT_DIR,
           formats: Sequence[RdfFormat] = DEFAULT_FORMATS, base: str = DEFAULT_BASE,
           validate: bool = True, reading: Reading | None = None, strict: bool = False) -> list[ExportResult]:
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
    claims: dict[str, str] = {}  # the names the run's films go by: two articles never become one film
    return [export_one(source, output_dir=output_dir, formats=formats, base=base, validate=validate,
                       reading=reading, strict=strict, claims=claims) for source in inputs]


RDF_SUFFIXES = frozenset({".ttl", ".turtle", ".jsonld", ".json", ".nt", ".nq"})


@dataclass
class LoadResult(Outcome):
    """What :func:`load` made of one input."""

    graph_iri: str | None = None
    triples: int = 0
    skipped: bool = False  # the page holds no film
    warnings: list[str] = field(default_factory=list)


def read_graph(path: str | Path, *, warnings: list[str] | None = None) -> Graph:
    """The triples of an RDF file (see :func:`~filmgraph.rdf.write.load_graph`).

    :raises FilmgraphError: the file is bad, or holds no triples (nothing to validate, load or show).
    """
    graph = load_graph(path, warnings=warnings)
    if not len(graph):
        raise FilmgraphError(f"{path}: holds no triples")
    return graph


def validate(path: str | Path, *, warnings: list[str] | None = None) -> Report:
    """The shapes report of an RDF file; what its reading replaced goes to ``warnings``.

    :raises FilmgraphError: the file is bad, or holds no triples.
    """
    return validate_graph(read_graph(path, warnings=warnings))


def graph_of_input(source: str | Path | Job, *, base: str = DEFAULT_BASE, validate: bool = True,
                   reading: Reading | None = None, claims: Claims | None = None, store: Store | None = None,
                   warnings: list[str] | None = None) -> tuple[Graph, str, Report | None]:
    """The graph an input holds and the IRI of its named graph: an RDF file as it is (named after the
    article its film is described in), or an article exported first, its film named apart from the other
    films of the run (``claims``) and of ``store`` (:func:`name_film`). What reading it replaced or left out
    goes to ``warnings``.

    :raises FilmgraphError: the input is bad, holds no triples, or names no article to be its graph.
    """
    path = source.path if isinstance(source, Job) else str(source)
    if path and path != STDIN and not path.startswith(WIKI_PREFIX) and Path(path).suffix.lower() in RDF_SUFFIXES:
        graph = read_graph(path, warnings=warnings)
        try:
            name = cited_article(graph)
        except FilmgraphError as exc:
            raise FilmgraphError(f"{path}: {exc}") from exc
        return graph, name, validate_triples(FilmTriples(graph)) if validate else None
    article = load_article(source, reading=reading)
    claimant = source.name if isinstance(source, Job) else str(source)
    film, graph, name = build_graph(article, base=base, reading=reading, claims=claims, store=store, claimant=claimant)
    if warnings is not None:
        warnings.extend(film.warnings)
    return graph, article_iri(film.provenance, _slashed(base), name), check_graph(graph) if validate else None


def _check_owner(store: Store, graph_iri: str, graph: Graph, where: str) -> None:
    """A graph that holds one film is replaced only by that film: another film of its title, or a crafted
    file naming another article, cannot overwrite it."""
    films = film_identities((str(s), str(p), str(o)) for s, p, o in graph)
    conflict = owner_conflict(held_films(store, graph_iri=graph_iri), films, graph_iri, where)
    if conflict:
        raise FilmgraphError(conflict)


def iter_load(inputs: Iterable[str | Path], *, store: Store, graph_iri: str | None = None,
              base: str = DEFAULT_BASE, validate: bool = True, revalidate: bool = False,
              reading: Reading | None = None) -> Iterator[LoadResult]:
    """Load each input (files, folders of articles or RDF files, shards, dumps, ``wiki:Title``, ``-``) into
    its own named graph of ``store``, replacing what that graph held; yield each result as soon as it is done.

    An article is exported first, and not loaded if its graph violates the shapes (``validate=False`` loads
    it anyway). An RDF file is what an export wrote and validated already: it goes into the store as it is
    (straight into Oxigraph for N-Quads, N-Triples and Turtle), unless ``revalidate`` checks it against the
    shapes first. One bad input never stops the others; a page that is not a film is ``skipped``.
    """
    direct = getattr(store, "load_files", None)
    waiting: list[Job] = []  # exported files, loaded straight into the store a batch at a time
    claims: dict[str, str] = {}  # the names the run's films go by: two articles never become one film

    def load_waiting() -> Iterator[LoadResult]:
        for path, name, triples, error in direct([job.path for job in waiting], graph_iri=graph_iri):
            yield LoadResult(path, graph_iri=name or None, triples=triples, error=error)
        waiting.clear()

    for job in iter_pages(inputs, suffixes=ARTICLE_SUFFIXES | RDF_SUFFIXES):
        refusal = claim_page(claims, job)
        if refusal:
            job = replace(job, error=refusal)
        suffix = Path(job.path).suffix.lower() if job.path else ""
        if direct is not None and not revalidate and not job.error and suffix in DIRECT_SUFFIXES and \
                not _needs_cleaning(job.path, suffix):
            waiting.append(job)
            if len(waiting) >= 256:
                yield from load_waiting()
            continue
        if waiting:
            yield from load_waiting()
        if job.error:
            yield LoadResult(job.name, error=job.error)
            continue
        result = LoadResult(job.name)
        try:
            is_rdf = suffix in RDF_SUFFIXES
            graph, name, result.report = graph_of_input(job, base=base, validate=revalidate if is_rdf else validate,
                                                        reading=reading, claims=claims, store=store,
                                                        warnings=result.warnings)
            result.graph_iri = graph_iri or name
            if graph_iri is None and is_rdf:
                _check_owner(store, result.graph_iri, graph, job.name)  # a file names its own graph: checked
            if result.report is None or result.report.conforms:
                result.triples = store.load(graph, graph_iri=result.graph_iri)
        except NotAFilm as exc:
            result.error, result.skipped = str(exc), True
        except FilmgraphError as exc:
            result.error = str(exc)
        yield result
    if waiting:
        yield from load_waiting()


def _needs_cleaning(path: str | None, suffix: str) -> bool:
    """A one-graph file whose text must be made valid first (through rdflib, with a warning); a shard of many
    graphs goes to the store as it is (filmgraph wrote it valid)."""
    if path is None or suffix == ".nq":
        return False
    try:
        return holds_invalid_text(path)
    except OSError:
        return False  # the store's reader says why it cannot read it


# RDF files the embedded store reads itself, without rdflib (JSON-LD may name a remote @context: rdflib's
# reader, which filmgraph keeps offline, reads it).
DIRECT_SUFFIXES = frozenset({".nq", ".nt", ".ttl", ".turtle"})


def load(inputs: Iterable[str | Path], *, store: Store, graph_iri: str | None = None, base: str = DEFAULT_BASE,
         validate: bool = True, revalidate: bool = False, reading: Reading | None = None) -> list[LoadResult]:
    """Every result of :func:`iter_load`, as a list."""
    return list(iter_load(inputs, store=store, graph_iri=graph_iri, base=base, validate=validate,
                          revalidate=revalidate, reading=reading))


@dataclass
class EmbedResult(Outcome):
    """What :func:`embed` made of one input."""

    snippets: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def embed(inputs: Iterable[str | Path], *, output_dir: str | Path | None = DEFAULT_OUTPUT_DIR,
          base: str = DEFAULT_BASE, reading: Reading | None = None) -> list[EmbedResult]:
    """A film page ``<slug>.html`` per film (or, with ``output_dir=None``, only the JSON-LD snippets)."""
    from filmgraph.web.page import films_in, render_page, snippet

    results = []
    for source in inputs:
        result = EmbedResult(str(source))
        try:
            graph, _, _ = graph_of_input(source, base=base, validate=False, reading=reading, warnings=result.warnings)
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


def draw(source: str | Path, *, output: str | Path | None = None, base: str = DEFAULT_BASE,
         reading: Reading | None = None, warnings: list[str] | None = None) -> str:
    """The SVG diagram of the (first) film an input holds; written to ``output`` when given. What reading the
    input replaced or left out goes to ``warnings``."""
    from filmgraph.web.draw import draw_graph
    from filmgraph.web.page import films_in

    graph, _, _ = graph_of_input(source, base=base, validate=False, reading=reading, warnings=warnings)
    svg = draw_graph(graph, films_in(graph)[0]) + "\n"
    if output is not None:
        _write(Path(output), svg)
    return svg


def _write(path: Path, text: str) -> None:
    _write_all([(path, text)])


def _write_all(files: list[tuple[Path, str]]) -> None:
    try:
        write_files_atomic(files)
    except OSError as exc:
        raise FilmgraphError(f"{files[0][0]}: cannot write: {exc.strerror or exc}") from exc
    except UnicodeEncodeError as exc:  # the readers replace such characters: a bug if one gets this far
        raise FilmgraphError(f"{files[0][0]}: cannot write: {exc.reason} at {exc.start}") from exc


WIKIDATA_API = "https://www.wikidata.org/w/api.php"


def quickstatements(source: str | Path | Job, *, entity: dict[str, Any] | None = None, base: str = DEFAULT_BASE,
                    reading: Reading | None = None, create: bool = False,
                    wikidata_api: str = WIKIDATA_API, retrieved: date | None = None) -> Proposal:
    """The statements the film's Wikidata item lacks, from one article, each citing the page (see
    :mod:`filmgraph.wikidata.quickstatements`). The item is ``entity`` (a wbgetentities entity), or, without one,
    fetched from ``wikidata_api`` for the film's item. The items of the film, of every linked page and of every
    linked award category are always looked up (from the items file, else the MediaWiki API), and so is whether
    the film's image is on Wikimedia Commons.

    :raises FilmgraphError: the input is bad, names no wiki page at a known revision to cite, the film's item is
        not known, or the entity has no item id.
    """
    reading = reading or Reading()
    article = load_article(source, reading=reading)
    where = article.where or article.title
    provenance = article.provenance
    if not title_of(provenance.page) or not provenance.revision:
        raise FilmgraphError(f"{where}: no page to cite: QuickStatements are proposed only with a reference to "
                             "the Wikipedia page at the revision read (fetch it as wiki:Title, or give --source-url "
                             "the page's permalink, …/w/index.php?title=…&oldid=…)")
    film = linked_film(article, reading, required=True)
    mapped = map_statements(film, base=base)
    files = [name for statement in mapped.statements
             if statement.property == "P18" and (name := file_name(statement.value))]
    commons: set[str] | None = None
    if files and (was_fetched(article) or not reading.settings.items_file):  # offline (an items file): not checked
        commons = reading.wiki().commons_files(files)
    if entity is None:
        item = film.items.get(title_of(provenance.page) or "")
        if not item:
            raise FilmgraphError(f"{where}: the film's Wikidata item is not known; give --entity FILE.json, or "
                                 "an items file (--items) that has the page")
        wikidata = MediaWiki(wikidata_api, contact=reading.settings.contact, timeout=reading.settings.timeout)
        try:
            found = wikidata.entities([item])
        finally:
            wikidata.close()
        if item not in found:
            raise FilmgraphError(f"{item}: no such Wikidata item")
        entity = found[item]
    try:
        return propose(mapped, entity, create=create, retrieved=retrieved, commons_files=commons)
    except FilmgraphError as exc:
        raise FilmgraphError(f"{where}: {exc}") from exc
