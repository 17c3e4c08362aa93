"""Many articles at once: folders and Wikipedia XML dumps, streamed, in parallel, with flat memory.

Inputs are expanded lazily (a folder's article files; a dump cut into pages by its bytes, the pages that are
not film articles counted and dropped there), handed to worker processes in tasks of about a megabyte, a
bounded number at a time, and each result is reported and dropped as soon as it is done, so memory stays flat
however large the dump. Every page read is accounted for in the :class:`BatchResult`, and every declined or
failed one in ``errors.jsonl``, whatever the layout.
"""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from multiprocessing.managers import SyncManager
from pathlib import Path
from typing import Any

from filmgraph.errors import FilmgraphError
from filmgraph.formats import DEFAULT_SHARD_MB, Layout
from filmgraph.pipeline import (
    DEFAULT_FORMATS,
    DEFAULT_OUTPUT_DIR,
    Claims,
    ExportResult,
    Reading,
    ReadSettings,
    claim_page,
    export_one,
)
from filmgraph.rdf.vocab import DEFAULT_BASE
from filmgraph.rdf.write import RdfFormat
from filmgraph.read.dump import SKIP_REASONS, Job, PageTally, iter_jobs, read_page, stream_pages
from filmgraph.shards import FileLog, ShardWriter, check_resume

__all__ = ["Layout", "BatchResult", "JobSettings", "export_batch", "run_job"]


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


_OLD_NAMES = ("written", "violations", "errors", "skipped", "resumed")


@dataclass(eq=False)
class BatchResult(Mapping[str, int]):
    """What a batch export did with every page it read: films written, pages skipped as not films (by reason,
    before any extraction), declined (read, and found to hold no film), in violation of the shapes, failed,
    and done by an earlier run (``--resume``); with the time taken and, for inputs of known size, how far
    the reading is. As a mapping, it gives the counts by their old names: written, violations, errors (failed),
    skipped (declined) and resumed."""

    written: int = 0
    violations: int = 0
    declined: int = 0
    failed: int = 0
    resumed: int = 0
    tally: PageTally = field(default_factory=PageTally)
    started: float = field(default_factory=time.monotonic)
    seconds: float = 0.0  # once finished

    @property
    def pages_read(self) -> int:
        return self.tally.pages

    @property
    def skipped(self) -> dict[str, int]:
        """Pages passed over as not films, by reason (no film infobox, redirect, other namespace)."""
        tally = self.tally
        return dict(zip(SKIP_REASONS, (tally.no_infobox, tally.redirect, tally.namespace), strict=True))

    @property
    def elapsed(self) -> float:
        return self.seconds or time.monotonic() - self.started

    @property
    def pages_per_second(self) -> float:
        return self.pages_read / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def fraction_read(self) -> float | None:
        """How much of the inputs of known size is read (0 to 1), when their size is known."""
        tally = self.tally
        return min(1.0, tally.bytes_read / tally.bytes_total) if tally.bytes_total else None

    @property
    def seconds_left(self) -> float | None:
        """An estimate of the time left, from the bytes read so far."""
        fraction = self.fraction_read
        if not fraction or self.seconds:
            return None if not self.seconds else 0.0
        return self.elapsed * (1 - fraction) / fraction

    def __getitem__(self, key: str) -> int:
        return {"written": self.written, "violations": self.violations, "errors": self.failed,
                "skipped": self.declined, "resumed": self.resumed}[key]

    def __iter__(self) -> Iterator[str]:
        return iter(_OLD_NAMES)

    def __len__(self) -> int:
        return len(_OLD_NAMES)

    def count(self, result: ExportResult) -> None:
        status = result.status
        if status == "written":
            self.written += 1
        elif status == "violations":
            self.violations += 1
        elif status == "skipped":
            self.declined += 1
        else:
            self.failed += 1

    def summary(self) -> str:
        """The counts in one line: "20 pages read, 3 films written, 17 skipped (14 no film infobox, 2 redirect,
        1 other namespace), 0 declined, 0 violate the shapes, 0 failed in 0.2 s (100 pages/s)"."""
        skipped = self.skipped
        reasons = ", ".join(f"{count:,} {reason}" for reason, count in skipped.items())
        resumed = f"{self.resumed:,} done before (resumed), " if self.resumed else ""
        pages, films = "page" if self.pages_read == 1 else "pages", "film" if self.written == 1 else "films"
        return (f"{self.pages_read:,} {pages} read, {resumed}{self.written:,} {films} written, "
                f"{sum(skipped.values()):,} skipped ({reasons}), {self.declined:,} declined, "
                f"{self.violations:,} violate the shapes, {self.failed:,} failed "
                f"in {self.elapsed:.1f} s ({self.pages_per_second:,.0f} pages/s)")


@dataclass(frozen=True)
class JobSettings:
    """What every job of a batch needs besides itself (sent to each worker once, when it starts): settings only, never
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
    """The results of one job: one page, or every film page of a multistream dump's stream, and the pages it
    passed over as not films (``tally``)."""

    results: list[ExportResult]
    stream: str | None = None  # the stream's name, when all its pages are in ``results``
    tally: PageTally | None = None


def run_any(job: Job, settings: JobSettings, reading: Reading | None = None) -> JobOutcome:
    """Export a job (in a worker): a file, a dump's page parsed here, or a dump stream read, decompressed and
    split here."""
    if job.error:
        return JobOutcome([_failed(job)])
    if job.xml is not None:
        page = read_page(job)
        if isinstance(page, str):
            tally = PageTally()
            tally.skip(page)
            return JobOutcome([], tally=tally)
        return JobOutcome([_failed(page) if page.error else run_job(page, settings, reading)])
    if not job.is_stream:
        return JobOutcome([run_job(job, settings, reading)])
    tally = PageTally()
    pages = stream_pages(job, tally)
    if pages and pages[0].error and pages[0].name == job.name:
        # the stream itself cannot be read: not marked done, so --resume retries it
        return JobOutcome([_failed(pages[0])], tally=tally)
    # A stream's pages are known only here: claimed in the stream's order (two streams in two workers at once
    # race for a title they share, and either page is kept: still one film)
    results = []
    for page in pages:
        refusal = claim_page(settings.claims, page)
        refused = replace(page, error=refusal) if refusal else page
        results.append(_failed(refused) if refused.error else run_job(page, settings, reading))
    return JobOutcome(results, stream=job.name, tally=tally)


def export_batch(inputs: Iterable[str | Path], *, output_dir: str | Path = DEFAULT_OUTPUT_DIR,
                 formats: Sequence[RdfFormat] = DEFAULT_FORMATS, base: str = DEFAULT_BASE,
                 validate: bool = True, jobs: int = 1, scheduler: str | None = None, strict: bool = False,
                 reading: ReadSettings | Reading | None = None, layout: Layout = Layout.FILES,
                 shard_size_mb: float = DEFAULT_SHARD_MB, resume: bool = False, connect_timeout: float = 10.0,
                 host: str = "127.0.0.1", dashboard_port: int | None = None,
                 on_result: Callable[[ExportResult], None] | None = None,
                 on_progress: Callable[[BatchResult], None] | None = None) -> BatchResult:
    """Export every article of ``inputs`` with ``jobs`` worker processes; return what became of every page.

    ``reading`` is how inputs are read and linked (:class:`~filmgraph.pipeline.ReadSettings`; given a
    :class:`~filmgraph.pipeline.Reading`, its settings): every worker opens its own clients from it.

    With ``scheduler`` (a Dask scheduler address such as ``tcp://10.0.0.5:8786``, or ``local`` for a
    local Dask cluster of ``jobs`` processes, its scheduler, workers and dashboard (with ``dashboard_port``;
    0 for any free port) listening on ``host`` only) the work runs on a Dask cluster instead, waiting up to
    ``connect_timeout`` seconds for its scheduler. Its workers must see the inputs and ``output_dir`` at the
    same absolute paths (relative ones are made absolute here, once). ``on_result`` is called with each
    ExportResult as it completes, ``on_progress`` with the counts so far, a few times a second.

    ``layout=Layout.SHARDS`` writes N-Quads shards of ``shard_size_mb`` MiB with a page list each (see
    :mod:`filmgraph.shards`); ``Layout.FILES`` writes each film's files and the page list ``pages.jsonl``.
    Either way ``errors.jsonl`` lists the declined and failed pages, and ``resume`` skips the pages an
    interrupted run finished (in the same layout and formats only).
    """
    outcome = BatchResult()
    if scheduler:  # a Dask worker resolves a relative path against its own folder: resolved here, once
        output_dir = os.path.abspath(output_dir)
    extensions = tuple(fmt.value for fmt in formats)
    if resume:
        check_resume(output_dir, layout, [RdfFormat.N_QUADS.value] if layout is Layout.SHARDS else extensions)
    shards = ShardWriter(output_dir, limit=max(1, round(shard_size_mb * 2**20)), resume=resume) \
        if layout is Layout.SHARDS else None
    files = FileLog(output_dir, formats=extensions, resume=resume) if shards is None else None
    # Two films with one title in one run must not become one film, nor overwrite each other's files: workers
    # claim names in memory (a plain dict in one process, a manager ended with its parent between the processes
    # of this machine, a local Dask cluster's too) so that nothing is left behind even after kill -9; only the
    # workers of a Dask cluster elsewhere claim them in a folder of the output (a claim there cost ~0.6 ms of CPU
    # on a 2-core test machine, a manager's 0.05).
    manager = None
    try:
        Path(output_dir).mkdir(parents=True, exist_ok=True)
        claims: Any
        if scheduler and (scheduler != LOCAL_SCHEDULER or not FORKED_DASK_WORKERS):
            claims = tempfile.mkdtemp(prefix=".filmgraph-names-", dir=output_dir)
        elif jobs > 1 or scheduler:
            manager = SyncManager()
            manager.start(initializer=_end_with_parent)
            claims = manager.dict()
        else:
            claims = {}
    except OSError as exc:
        raise FilmgraphError(f"{output_dir}: cannot write there: {exc.strerror or exc}") from exc
    read_settings = reading.settings if isinstance(reading, Reading) else reading or ReadSettings()
    settings = JobSettings(str(output_dir), extensions, base, validate, strict, read_settings,
                           files.claims(claims) if files is not None else claims, layout)
    work: Iterable[Job] = iter_jobs(inputs, tally=outcome.tally, parse=jobs <= 1 and not scheduler)
    done = shards.done if shards is not None else files.done if files is not None else set()
    if done:
        work = _not_done(work, done, outcome)
    work = _first_of_each_title(work, claims)
    finished = False
    try:
        _run(work, outcome, settings, jobs, scheduler, on_result, on_progress, shards, files,
             (connect_timeout, host, dashboard_port))
        finished = True
    finally:
        claims_folder = claims if isinstance(claims, str) else None
        if claims_folder:
            shutil.rmtree(claims_folder, ignore_errors=True)
        if manager is not None:
            manager.shutdown()
        if shards is not None:
            if finished:
                shards.close()
            else:
                shards.abandon()
        if files is not None:
            files.close()
    outcome.seconds = time.monotonic() - outcome.started
    return outcome


def _not_done(work: Iterable[Job], done: set[str], outcome: BatchResult) -> Iterator[Job]:
    for job in work:
        if job.name in done:
            outcome.resumed += 1
            outcome.tally.bytes_read += job.length or 0  # a dump's stream or range, read before
        else:
            yield job


def _first_of_each_title(work: Iterable[Job], claims: Claims) -> Iterator[Job]:
    """The jobs, a dump page whose title an earlier page of the run has failed with why (in the dump's order,
    here in the main process, so that the first page of a title is kept whatever the workers do)."""
    for job in work:
        refusal = claim_page(claims, job)
        yield replace(job, error=refusal) if refusal else job


LOCAL_SCHEDULER = "local"  # --scheduler local: a Dask cluster of this machine's processes, started for the run

# A task of a worker: jobs of about this many bytes (files, a dump's candidate pages: about ten film articles,
# half a second of work), fewer for a small run so that every worker has several; one job a task costs the
# main process more than a small page costs a worker. (A dump's other pages never reach a worker.)
TASK_BYTES = 256 << 10
MIN_TASK_BYTES = 32 << 10


def _task_bytes(tally: PageTally, jobs: int) -> int:
    """How large a task is: a share of the inputs (so that a small run still gives every worker work), between
    MIN_TASK_BYTES and TASK_BYTES."""
    return max(MIN_TASK_BYTES, min(TASK_BYTES, tally.bytes_total // (jobs * 8)))


# A Dask task costs a few milliseconds of the scheduler's, the client's and the worker's CPU whatever it holds,
# where a --jobs task costs a fraction of one: Dask tasks are at least this large (a dump's size is its
# compressed bytes, a fraction of the pages it sends).
DASK_MIN_TASK_BYTES = 128 << 10


def _dask_task_bytes(tally: PageTally, workers: int) -> int:
    """How large a Dask task is: as a --jobs task (:func:`_task_bytes`), and at least DASK_MIN_TASK_BYTES."""
    return max(DASK_MIN_TASK_BYTES, _task_bytes(tally, workers))


_SETTINGS: JobSettings | None = None  # a worker's: given once, when the worker starts

# A film's export makes and drops a few hundred thousand objects, nearly all freed at once by their reference
# counts; at Python's default threshold (700 more objects made than freed) the cycle collector still runs a few
# times a page and walks everything the page holds: ~7 % of a worker's CPU. At this one it runs a few times in a
# thousand pages, and frees the same cycles, only later (a few MB at most in between).
_FEWER_COLLECTIONS = 10_000


def _collect_less() -> tuple[int, int, int]:
    """Raise the cycle collector's first threshold to _FEWER_COLLECTIONS; the thresholds it replaced."""
    before = gc.get_threshold()
    gc.set_threshold(_FEWER_COLLECTIONS, *before[1:])
    return before


@contextlib.contextmanager
def _collecting_less() -> Iterator[None]:
    """The cycle collector runs less while the block runs (a batch exported in this process)."""
    before = _collect_less()
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _start_worker(settings: JobSettings) -> None:
    global _SETTINGS
    _end_with_parent()
    _collect_less()  # the worker's process is the batch's alone
    _SETTINGS = settings


def run_jobs(batch: list[Job], settings: JobSettings | None = None) -> list[JobOutcome]:
    """Export a task's jobs in a worker, one after another."""
    settings = settings or _SETTINGS
    assert settings is not None, "a worker is given its settings when it starts"
    return [run_any(job, settings) for job in batch]


def _run(work: Iterable[Job], outcome: BatchResult, settings: JobSettings, jobs: int, scheduler: str | None,
         on_result: Callable[[ExportResult], None] | None, on_progress: Callable[[BatchResult], None] | None,
         shards: ShardWriter | None, files: FileLog | None,
         dask: tuple[float, str, int | None] = (10.0, "127.0.0.1", None)) -> None:
    shown = 0.0

    def progress() -> None:
        nonlocal shown
        if on_progress is not None and time.monotonic() - shown >= 0.1:
            shown = time.monotonic()
            on_progress(outcome)

    def report(done: JobOutcome) -> None:
        if done.tally is not None:
            outcome.tally.add(done.tally)
        for result in done.results:
            outcome.count(result)
            if shards is not None:
                shards.add(result, result.texts.pop(RdfFormat.N_QUADS, None), may_finish=done.stream is None)
            elif files is not None:
                files.add(result)
            if on_result:
                on_result(result)
        if shards is not None and done.stream is not None:
            shards.add_stream(done.stream)
        progress()

    if scheduler:
        _run_on_dask(scheduler, jobs, work, report, settings, *dask, tally=outcome.tally)
        return
    if jobs <= 1:
        with settings.reading.open() as reading, _collecting_less():  # this process's clients, closed at the end
            for job in work:
                report(run_any(job, settings, reading))
        return
    # Jobs travel to the workers in tasks of about TASK_BYTES, and a bounded number of tasks is in flight, so a
    # dump streams through in flat memory. The settings go to each worker once, when it starts.
    window = jobs * 3
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(settings,)) as pool:
        pending: set[Future[Any]] = set()
        batch: list[Job] = []
        size = 0

        def collect(finished: Iterable[Future[Any]]) -> None:
            for future in finished:
                for done in future.result():
                    report(done)

        for job in work:
            if job.error:
                report(run_any(job, settings))
                continue
            batch.append(job)
            size += job.size
            if size < _task_bytes(outcome.tally, jobs) and not job.is_stream:
                progress()
                continue
            pending.add(pool.submit(run_jobs, batch))
            batch, size = [], 0
            if len(pending) >= window:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            else:  # what is done already is reported now, not when the window is full
                finished = {future for future in pending if future.done()}
                pending -= finished
            collect(finished)
        if batch:
            pending.add(pool.submit(run_jobs, batch))
        collect(wait(pending).done)


def _run_on_dask(scheduler: str, jobs: int, work: Iterable[Job], report: Callable[[JobOutcome], None],
                 settings: JobSettings, connect_timeout: float = 10.0, host: str = "127.0.0.1",
                 dashboard_port: int | None = None, tally: PageTally | None = None) -> None:
    """Stream jobs through a Dask cluster, a bounded number in flight, releasing each result when done
    (``tally``: what is read so far, by which tasks are sized)."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise FilmgraphError("--scheduler needs Dask: pip install 'filmgraph[dask]'") from exc
    cluster = _local_cluster(jobs, host, dashboard_port) if scheduler == LOCAL_SCHEDULER else None
    try:
        client = Client(cluster if cluster is not None else scheduler, timeout=f"{connect_timeout}s")
    except OSError as exc:
        if cluster is not None:
            cluster.close()
        raise FilmgraphError(f"{scheduler}: cannot connect to the Dask scheduler: {exc}") from exc
    try:
        workers = max(1, sum(client.nthreads().values()))
        window = max(4, 4 * workers)
        running = as_completed()
        in_flight = 0
        batch: list[tuple[Job, str | None]] = []
        size = 0
        tally = tally if tally is not None else PageTally()

        def collect(future: Any) -> None:
            for outcome in future.result():
                report(outcome)
            future.release()

        # Pages travel by tasks of bytes, as to --jobs workers but larger: a task costs the scheduler, the
        # client and the worker a few milliseconds whatever it holds (a dump stream is a task of its own).
        for job in work:
            if job.error:
                report(run_any(job, settings))
                continue
            batch.append((_absolute(job), job.path))
            size += job.size
            if not job.is_stream and size < _dask_task_bytes(tally, workers):
                continue
            running.add(client.submit(run_sent, batch, settings, pure=False))
            batch, size = [], 0
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


# What a local cluster's processes are spared: workers forked from this process begin with filmgraph and Dask
# imported (a spawned worker imports both again, most of a second of CPU each); Dask's statistical profiler,
# which samples every worker's stack a hundred times a second, stays off (nobody reads it here); and the
# checks every process's event loop runs (whether it is blocked: 50 a second; memory: 10; the machine's load
# for the dashboard: 2), which cost an idle cluster 0.7 s of CPU every 10 s, run once a second or two.
# Forked only on Linux: Windows has no fork, and macOS's system libraries are not safe in a child forked without
# exec; there the workers are spawned (Dask's default) and claim names in a folder (a manager's proxy
# authenticates only in a forked child, which inherits the key).
FORKED_DASK_WORKERS = sys.platform.startswith("linux")
LOCAL_DASK_CONFIG = {
    **({"distributed.worker.multiprocessing-method": "fork"} if FORKED_DASK_WORKERS else {}),
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}


def _local_cluster(jobs: int, host: str, dashboard_port: int | None) -> Any:
    """A Dask cluster of ``jobs`` single-threaded worker processes on this machine, listening on ``host``."""
    import dask
    from distributed import LocalCluster

    dashboard = None if dashboard_port is None else f"{host}:{dashboard_port}"
    with dask.config.set(LOCAL_DASK_CONFIG):
        return LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, host=host,
                            dashboard_address=dashboard, worker_dashboard_address=None)


def _absolute(job: Job) -> Job:
    """The job with its file named by an absolute path, as a worker elsewhere must find it."""
    return replace(job, path=os.path.abspath(job.path)) if job.path and job.path != "-" else job


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
