"""Many articles at once: folders and Wikipedia XML dumps, streamed, in parallel, with flat memory.

Inputs are expanded lazily (a folder's article files; a dump's film pages, read page by page with
mwxml), handed to worker processes a bounded number at a time, and each result is reported and
dropped as soon as it is done, so memory stays flat however large the dump.
"""

from __future__ import annotations

import bz2
import gzip
import hashlib
import lzma
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from filmgraph.errors import FilmgraphError
from filmgraph.extract.names import slug
from filmgraph.pipeline import build_graph, load_article
from filmgraph.rdf.validate import validate_graph
from filmgraph.rdf.vocab import DEFAULT_BASE
from filmgraph.rdf.write import RdfFormat, serialize, write_text_atomic
from filmgraph.read.wikitext import parse_wikitext

ARTICLE_SUFFIXES = {".txt", ".wiki", ".wikitext", ".mediawiki"}
DUMP_SUFFIXES = (".xml", ".xml.bz2", ".xml.gz", ".xml.xz")
_FILM_INFOBOX_RE = re.compile(r"\{\{\s*[Ii]nfobox[ _]film\b")


@dataclass(frozen=True)
class Job:
    """One article to export: a file, or a page's wikitext from a dump."""

    name: str  # what messages call it: a path, or "dump.xml.bz2#Title"
    path: str | None = None
    title: str | None = None
    text: str | None = None
    source: str | None = None


@dataclass
class Summary:
    """What became of one job: small, so that results never pile up in memory."""

    name: str
    written: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def exit_code(self) -> int:
        return 2 if self.error else 1 if self.violations else 0


def _open_dump(path: Path) -> IO[bytes] | gzip.GzipFile:
    name = path.name.lower()
    if name.endswith(".bz2"):
        return bz2.open(path, "rb")
    if name.endswith(".gz"):
        return gzip.open(path, "rb")
    if name.endswith(".xz"):
        return lzma.open(path, "rb")
    return path.open("rb")


def iter_dump(path: Path) -> Iterator[Job]:
    """The film articles of a MediaWiki XML dump (main namespace, no redirects, a film infobox)."""
    import mwxml

    try:
        with _open_dump(path) as stream:
            dump = mwxml.Dump.from_file(stream)
            base = re.sub(r"/wiki/.*$", "/wiki/", dump.site_info.base or "") or "urn:filmgraph:dump:"
            for page in dump.pages:
                if page.namespace != 0 or page.redirect:
                    continue
                text = None
                for revision in page:
                    text = revision.text  # the last revision in the dump is the current one
                if text and _FILM_INFOBOX_RE.search(text):
                    yield Job(f"{path}#{page.title}", title=page.title, text=text,
                              source=base + quote(page.title.replace(" ", "_"), safe="()_,:"))
    except (OSError, EOFError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc).splitlines()[0]
        raise FilmgraphError(f"{path}: cannot read dump: {reason}") from exc


def iter_jobs(inputs: Iterable[str | Path]) -> Iterator[Job | Summary]:
    """Expand inputs lazily: folders to their article files, dumps to their film pages.

    An input that cannot be expanded yields a Summary holding its error.
    """
    for item in inputs:
        path = Path(item)
        if str(item) != "-" and path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES):
                yield Job(str(child), path=str(child))
        elif path.name.lower().endswith(DUMP_SUFFIXES):
            try:
                yield from iter_dump(path)
            except FilmgraphError as exc:
                yield Summary(str(path), error=str(exc))
        else:
            yield Job(str(item), path=str(item))


def _claim_name(claims: str, name: str, source: str) -> str:
    """The output name for a film: its slug, or, when another film of this run took it, slug-hash."""
    try:
        os.close(os.open(Path(claims) / name, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        return name
    except FileExistsError:
        return f"{name}-{hashlib.sha1(source.encode('utf-8')).hexdigest()[:8]}"


def run_job(job: Job, output_dir: str, formats: Sequence[str], base: str, validate: bool,
            claims: str | None = None) -> Summary:
    """Export one job (in a worker process); never raises for bad input."""
    summary = Summary(job.name)
    try:
        if job.text is not None:
            article = parse_wikitext(job.text, title=job.title, source=job.source or job.name, where=job.name)
        else:
            article = load_article(job.path or job.name)
        film, graph = build_graph(article, base=base)
        summary.warnings = list(film.warnings)
        if validate:
            report = validate_graph(graph)
            if not report.conforms:
                summary.violations = report.lines()
                return summary
        name = _claim_name(claims, slug(article.title), article.source) if claims else slug(article.title)
        for extension in formats:
            fmt = RdfFormat(extension)
            target = Path(output_dir) / f"{name}.{fmt.extension}"
            write_text_atomic(target, serialize(graph, fmt, graph_name=article.source))
            summary.written.append(str(target))
    except FilmgraphError as exc:
        summary.error = str(exc)
    except OSError as exc:
        summary.error = f"{job.name}: cannot write: {exc.strerror or exc}"
    return summary


def export_batch(inputs: Iterable[str | Path], *, output_dir: str | Path = "out",
                 formats: Sequence[RdfFormat] = (RdfFormat.TURTLE, RdfFormat.JSON_LD), base: str = DEFAULT_BASE,
                 validate: bool = True, jobs: int = 1, scheduler: str | None = None,
                 on_result: Callable[[Summary], None] | None = None) -> dict[str, int]:
    """Export every article of ``inputs`` with ``jobs`` worker processes; return counts by outcome.

    With ``scheduler`` (a Dask scheduler address such as ``tcp://10.0.0.5:8786``, or ``local`` for a
    local Dask cluster of ``jobs`` processes) the work runs on a Dask cluster instead; its workers
    must see ``output_dir``. ``on_result`` is called with each Summary as it completes.
    """
    counts = {"written": 0, "violations": 0, "errors": 0}
    extensions = [fmt.value for fmt in formats]
    Path(output_dir).mkdir(parents=True, exist_ok=True)
    # Two films with one title in one run must not overwrite each other: workers claim names here.
    claims = tempfile.mkdtemp(prefix=".filmgraph-names-", dir=output_dir)
    try:
        _run(inputs, counts, extensions, str(output_dir), base, validate, jobs, scheduler, claims, on_result)
    finally:
        shutil.rmtree(claims, ignore_errors=True)
    return counts


def _run(inputs: Iterable[str | Path], counts: dict[str, int], extensions: list[str], output_dir: str, base: str,
         validate: bool, jobs: int, scheduler: str | None, claims: str,
         on_result: Callable[[Summary], None] | None) -> None:

    def report(summary: Summary) -> None:
        key = "errors" if summary.error else "violations" if summary.violations else "written"
        counts[key] += 1
        if on_result:
            on_result(summary)

    arguments = (output_dir, extensions, base, validate, claims)
    if scheduler:
        _run_on_dask(scheduler, jobs, iter_jobs(inputs), report, arguments)
        return
    if jobs <= 1:
        for job in iter_jobs(inputs):
            report(job if isinstance(job, Summary) else run_job(job, *arguments))
        return
    window = jobs * 4  # work in flight at once: bounded, so a dump streams through in flat memory
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: set[Future[Any]] = set()
        for job in iter_jobs(inputs):
            if isinstance(job, Summary):
                report(job)
                continue
            pending.add(pool.submit(run_job, job, *arguments))
            if len(pending) >= window:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    report(future.result())
        for future in wait(pending).done:
            report(future.result())


def _run_on_dask(scheduler: str, jobs: int, work: Iterable[Job | Summary], report: Callable[[Summary], None],
                 arguments: tuple[str, list[str], str, bool, str]) -> None:
    """Stream jobs through a Dask cluster, a bounded number in flight, releasing each result when done."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise FilmgraphError("--scheduler needs Dask: pip install 'filmgraph[dask]'") from exc
    cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None) \
        if scheduler == "local" else None
    try:
        client = Client(cluster if cluster is not None else scheduler, timeout="10s")
    except OSError as exc:
        raise FilmgraphError(f"{scheduler}: cannot connect to the Dask scheduler: {exc}") from exc
    try:
        window = max(4, 4 * sum(client.nthreads().values()))
        running = as_completed()
        in_flight = 0
        for job in work:
            if isinstance(job, Summary):
                report(job)
                continue
            running.add(client.submit(run_job, job, *arguments, pure=False))
            in_flight += 1
            while in_flight >= window:
                future = next(running)
                report(future.result())
                future.release()
                in_flight -= 1
        for future in running:
            report(future.result())
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
