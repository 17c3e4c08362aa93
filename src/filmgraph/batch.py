"""Many articles at once: folders and Wikipedia XML dumps, streamed, in parallel, with flat memory.

Inputs are expanded lazily (a folder's article files; a dump's film pages, read page by page with
mwxml), handed to worker processes a bounded number at a time, and each result is reported and
dropped as soon as it is done, so memory stays flat however large the dump.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, replace
from multiprocessing.managers import SyncManager
from pathlib import Path
from typing import Any

from filmgraph.errors import FilmgraphError
from filmgraph.formats import DEFAULT_SHARD_MB, Layout
from filmgraph.pipeline import DEFAULT_FORMATS, DEFAULT_OUTPUT_DIR, ExportResult, Reading, ReadSettings, export_one
from filmgraph.rdf.vocab import DEFAULT_BASE
from filmgraph.rdf.write import RdfFormat
from filmgraph.read.dump import Job, iter_jobs, stream_pages
from filmgraph.shards import ShardWriter

__all__ = ["Layout", "JobSettings", "export_batch", "run_job"]


def _end_with_parent() -> None:
    """In a worker: be ended when the parent process dies (Linux), so a killed export leaves no workers."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        # SIGTERM, sent when the parent dies, ends the worker at once: a worker that only raised would be
        # caught by the pool's loop and wait for work that never comes.
        signal.signal(signal.SIGTERM, lambda number, frame: os._exit(1))
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
            if os.getppid() == 1:  # the parent died before the call
                os._exit(1)


def _failed(job: Job) -> ExportResult:
    return ExportResult(job.name, error=job.error, title=job.title, stage="read")


@dataclass(frozen=True)
class JobSettings:
    """What every job of a batch needs besides itself (sent to each worker with the job): settings only, never
    an open client; each process opens its own from ``reading`` (:func:`_clients`)."""

    output_dir: str
    formats: tuple[str, ...]
    base: str
    validate: bool
    strict: bool
    reading: ReadSettings
    claims: Any = None  # where the run's films claim their names (pipeline.name_film)
    layout: Layout = Layout.FILES


# The clients each process opened from the run's reading settings: opened once, closed when the process ends.
_CLIENTS: dict[ReadSettings, Reading] = {}


def _clients(settings: ReadSettings) -> Reading:
    """This process's clients for ``settings`` (a worker's, or the main process's when it exports itself)."""
    if settings not in _CLIENTS:
        if not _CLIENTS:
            import atexit

            atexit.register(_close_clients)
        _CLIENTS[settings] = settings.open()
    return _CLIENTS[settings]


def _close_clients() -> None:
    for reading in _CLIENTS.values():
        reading.close()
    _CLIENTS.clear()


def run_job(job: Job, settings: JobSettings, reading: Reading | None = None) -> ExportResult:
    """Export one job (in a worker process): the single export path, its result slimmed to travel back.
    With shards, nothing is written here: the film's N-Quads travel back to be appended to a shard.
    ``reading``: the clients to use (by default the process's own, opened from the settings)."""
    shards = settings.layout is Layout.SHARDS
    result = export_one(job, output_dir=None if shards else settings.output_dir,
                        formats=[RdfFormat.N_QUADS] if shards else [RdfFormat(f) for f in settings.formats],
                        base=settings.base, validate=settings.validate, claims=settings.claims,
                        strict=settings.strict, reading=reading or _clients(settings.reading))
    texts = result.texts
    result = result.slim()
    if shards:
        result.texts = texts
    return result


@dataclass
class JobOutcome:
    """The results of one job: one page, or every film page of a multistream dump's stream."""

    results: list[ExportResult]
    stream: str | None = None  # the stream's name, when all its pages are in ``results``


def run_any(job: Job, settings: JobSettings, reading: Reading | None = None) -> JobOutcome:
    """Export a job (in a worker): a page, or a dump stream read, decompressed and split here."""
    if job.error:
        return JobOutcome([_failed(job)])
    if not job.is_stream:
        return JobOutcome([run_job(job, settings, reading)])
    pages = stream_pages(job)
    if pages and pages[0].error and pages[0].name == job.name:
        # the stream itself cannot be read: not marked done, so --resume retries it
        return JobOutcome([_failed(pages[0])])
    return JobOutcome([run_job(page, settings, reading) for page in pages], stream=job.name)


def export_batch(inputs: Iterable[str | Path], *, output_dir: str | Path = DEFAULT_OUTPUT_DIR,
                 formats: Sequence[RdfFormat] = DEFAULT_FORMATS, base: str = DEFAULT_BASE,
                 validate: bool = True, jobs: int = 1, scheduler: str | None = None, strict: bool = False,
                 reading: ReadSettings | Reading | None = None, layout: Layout = Layout.FILES,
                 shard_size_mb: float = DEFAULT_SHARD_MB, resume: bool = False, connect_timeout: float = 10.0,
                 host: str = "127.0.0.1", dashboard_port: int | None = None,
                 on_result: Callable[[ExportResult], None] | None = None) -> dict[str, int]:
    """Export every article of ``inputs`` with ``jobs`` worker processes; return counts by outcome.

    ``reading`` is how inputs are read and linked (:class:`~filmgraph.pipeline.ReadSettings`; given a
    :class:`~filmgraph.pipeline.Reading`, its settings): every worker opens its own clients from it.

    With ``scheduler`` (a Dask scheduler address such as ``tcp://10.0.0.5:8786``, or ``local`` for a
    local Dask cluster of ``jobs`` processes, its scheduler, workers and dashboard (with ``dashboard_port``;
    0 for any free port) listening on ``host`` only) the work runs on a Dask cluster instead, waiting up to
    ``connect_timeout`` seconds for its scheduler. Its workers must see the inputs and ``output_dir`` at the
    same absolute paths (relative ones are made absolute here, once). ``on_result`` is called with each
    ExportResult as it completes.

    ``layout=Layout.SHARDS`` writes N-Quads shards of ``shard_size_mb`` megabytes (MiB) with a page list each,
    and ``errors.jsonl`` (see :mod:`filmgraph.shards`); ``resume`` skips the pages of finished shards.
    """
    counts = {"written": 0, "violations": 0, "errors": 0, "skipped": 0, "resumed": 0}
    if scheduler:  # a Dask worker resolves a relative path against its own folder: resolved here, once
        output_dir = os.path.abspath(output_dir)
    if resume and layout is not Layout.SHARDS:
        raise FilmgraphError("--resume goes on with shards: give --layout shards")
    shards = ShardWriter(output_dir, limit=max(1, round(shard_size_mb * 2**20)), resume=resume) \
        if layout is Layout.SHARDS else None
    extensions = tuple(fmt.value for fmt in formats)
    # Two films with one title in one run must not become one film, nor overwrite each other's files: workers
    # claim names in memory (a plain dict in one process, a manager ended with its parent between processes) so
    # that nothing is left behind even after kill -9; only a Dask cluster's workers claim them in a folder of
    # the output.
    manager = None
    try:
        Path(output_dir).mkdir(parents=True, exist_ok=True)
        claims: Any
        if scheduler:
            claims = tempfile.mkdtemp(prefix=".filmgraph-names-", dir=output_dir)
        elif jobs > 1:
            manager = SyncManager()
            manager.start(initializer=_end_with_parent)
            claims = manager.dict()
        else:
            claims = {}
    except OSError as exc:
        raise FilmgraphError(f"{output_dir}: cannot write there: {exc.strerror or exc}") from exc
    read_settings = reading.settings if isinstance(reading, Reading) else reading or ReadSettings()
    settings = JobSettings(str(output_dir), extensions, base, validate, strict, read_settings, claims, layout)
    work: Iterable[Job] = iter_jobs(inputs)
    if shards is not None and shards.done:
        work = _not_done(work, shards.done, counts)
    finished = False
    try:
        _run(work, counts, settings, jobs, scheduler, on_result, shards, (connect_timeout, host, dashboard_port))
        finished = True
    finally:
        if isinstance(claims, str):
            shutil.rmtree(claims, ignore_errors=True)
        if manager is not None:
            manager.shutdown()
        if shards is not None:
            if finished:
                shards.close()
            else:
                shards.abandon()
    return counts


def _not_done(work: Iterable[Job], done: set[str], counts: dict[str, int]) -> Iterator[Job]:
    for job in work:
        if job.name in done:
            counts["resumed"] += 1
        else:
            yield job


def _run(work: Iterable[Job], counts: dict[str, int], settings: JobSettings, jobs: int, scheduler: str | None,
         on_result: Callable[[ExportResult], None] | None, shards: ShardWriter | None,
         dask: tuple[float, str, int | None] = (10.0, "127.0.0.1", None)) -> None:

    def report(outcome: JobOutcome) -> None:
        for result in outcome.results:
            counts["errors" if result.status == "error" else result.status] += 1
            if shards is not None:
                shards.add(result, result.texts.pop(RdfFormat.N_QUADS, None), may_finish=outcome.stream is None)
            if on_result:
                on_result(result)
        if shards is not None and outcome.stream is not None:
            shards.add_stream(outcome.stream)

    if scheduler:
        _run_on_dask(scheduler, jobs, work, report, settings, *dask)
        return
    if jobs <= 1:
        with settings.reading.open() as reading:  # this process's clients, closed when the run ends
            for job in work:
                report(run_any(job, settings, reading))
        return
    # Pages travel to the workers a few at a time (one task per page costs the main process more than a
    # small page costs a worker; a dump stream is a task of its own), and a bounded number of tasks is in
    # flight, so a dump streams through in flat memory.
    window = jobs * 4
    with ProcessPoolExecutor(max_workers=jobs, initializer=_end_with_parent) as pool:
        pending: set[Future[Any]] = set()
        batch: list[Job] = []
        tasks = 0

        def collect(done: Iterable[Future[Any]]) -> None:
            for future in done:
                for outcome in future.result():
                    report(outcome)

        for job in work:
            if job.error:
                report(run_any(job, settings))
                continue
            batch.append(job)
            # One page a task at first (a short run keeps every worker busy), growing to JOBS_PER_TASK.
            if not job.is_stream and len(batch) < min(JOBS_PER_TASK, 1 + tasks // (2 * jobs)):
                continue
            pending.add(pool.submit(run_jobs, batch, settings))
            batch, tasks = [], tasks + 1
            if len(pending) >= window:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                collect(done)
        if batch:
            pending.add(pool.submit(run_jobs, batch, settings))
        collect(wait(pending).done)


JOBS_PER_TASK = 8


def run_jobs(batch: list[Job], settings: JobSettings) -> list[JobOutcome]:
    """Export a few jobs in a worker, one after another."""
    return [run_any(job, settings) for job in batch]


def _run_on_dask(scheduler: str, jobs: int, work: Iterable[Job], report: Callable[[JobOutcome], None],
                 settings: JobSettings, connect_timeout: float = 10.0, host: str = "127.0.0.1",
                 dashboard_port: int | None = None) -> None:
    """Stream jobs through a Dask cluster, a bounded number in flight, releasing each result when done."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise FilmgraphError("--scheduler needs Dask: pip install 'filmgraph[dask]'") from exc
    cluster = None
    if scheduler == "local":
        dashboard = None if dashboard_port is None else f"{host}:{dashboard_port}"
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, host=host,
                               dashboard_address=dashboard, worker_dashboard_address=None)
    try:
        client = Client(cluster if cluster is not None else scheduler, timeout=f"{connect_timeout}s")
    except OSError as exc:
        if cluster is not None:
            cluster.close()
        raise FilmgraphError(f"{scheduler}: cannot connect to the Dask scheduler: {exc}") from exc
    try:
        window = max(4, 4 * sum(client.nthreads().values()))
        running = as_completed()
        in_flight = 0
        batch: list[tuple[Job, str | None]] = []

        def collect(future: Any) -> None:
            for outcome in future.result():
                report(outcome)
            future.release()

        # Pages travel a few to a task, as to --jobs workers: a task costs the scheduler, the client and the
        # worker more than a small page costs to export (a dump stream is a task of its own).
        for job in work:
            if job.error:
                report(run_any(job, settings))
                continue
            batch.append((_absolute(job), job.path))
            if not job.is_stream and len(batch) < DASK_JOBS_PER_TASK:
                continue
            running.add(client.submit(run_sent, batch, settings, pure=False))
            batch = []
            in_flight += 1
            while in_flight >= window:
                collect(next(running))
                in_flight -= 1
        if batch:
            running.add(client.submit(run_sent, batch, settings, pure=False))
        for future in running:
            collect(future)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _absolute(job: Job) -> Job:
    """The job with its file named by an absolute path, as a worker elsewhere must find it."""
    return replace(job, path=os.path.abspath(job.path)) if job.path and job.path != "-" else job


DASK_JOBS_PER_TASK = 16


def run_sent(batch: list[tuple[Job, str | None]], settings: JobSettings) -> list[JobOutcome]:
    """Export jobs sent to a Dask worker, each with its file's absolute path and the path as given; their
    results named by the path as given, as a run with --jobs names them."""
    outcomes = []
    for job, given in batch:
        outcome = run_any(job, settings)
        if given and job.path and job.path != given:
            for result in outcome.results:
                if result.input.startswith(job.path):
                    result.input = given + result.input[len(job.path):]
        outcomes.append(outcome)
    return outcomes
