"""N-Quads shards: a bulk export's output, written so that a killed run resumes without duplicates or gaps.

A bulk export (a dump, or ``--layout shards``) does not write two files per film: each film's quads (its
named graph is its article) are appended to the current shard, ``films-<run>-<n>.nq.part``. When the
shard reaches its size limit, or the run ends, it is finished: the file is flushed to disk and renamed to
``films-<run>-<n>.nq``, and then its page list (written beside it as the pages come, one line per page the
shard accounts for: written, declined, failed, or in violation of the shapes) is flushed and renamed to
``films-<run>-<n>.pages.jsonl``. A multistream dump's stream ends with a line of its own, so a shard holds
whole streams.

A shard is finished exactly when its page list exists. ``--resume`` reads the page lists of finished
shards, skips those pages, and throws away what an interrupted run left unfinished (a ``.part`` file, or
a ``.nq`` whose page list was never written), so every page ends up in exactly one finished shard.
``errors.jsonl`` (one line per declined or failed page: source, title, stage, message) is rebuilt from
all page lists at the end of every run.

An export in the files layout (``<name>.<format>`` per film) keeps one page list, ``pages.jsonl``
(:class:`FileLog`): its first line names the layout and formats, then one line per page done, appended once
the film's files are all in place (each written to a temporary file and renamed), and one line per name a
film claimed, appended by the worker before it writes. ``--resume`` skips the pages listed done, gives every
other film the name it claimed before (so that its files are written again under the same name, whole), and
refuses to go on in another layout or with other formats; ``errors.jsonl`` is rebuilt from the list at the
end of every run.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

from filmgraph.atomic import write_text_atomic
from filmgraph.errors import FilmgraphError
from filmgraph.formats import DEFAULT_SHARD_BYTES, ERRORS_FILE, PAGES_SUFFIX, SHARD_PREFIX, Layout
from filmgraph.pipeline import Claims, ExportResult, claim_name
from filmgraph.text import valid_text

STREAM = "stream"  # the status of a multistream dump's stream, all of whose pages the shard holds
NAMED = "named"  # the status of a name a film claimed (files layout): not a page done
FILES_PAGES = "pages.jsonl"  # the page list of an export in the files layout


@dataclass(frozen=True)
class PageRecord:
    """One line of a shard's page list, and of ``errors.jsonl``."""

    source: str
    title: str | None
    status: str  # written, skipped (not a film), violations, error; "stream" for a dump stream done
    stage: str | None = None
    message: str | None = None
    # Files layout only: the name the film's files go by, and who claimed it (pipeline.name_film)
    name: str | None = None
    claimant: str | None = None

    @classmethod
    def of(cls, result: ExportResult) -> PageRecord:
        if result.status == "written":
            return cls(result.input, result.title, "written", name=result.name if result.written else None,
                       claimant=result.claimant if result.written else None)
        message = result.error or "; ".join(result.violations)
        return cls(result.input, result.title, result.status, result.stage, message)

    def line(self) -> str:
        # A message may quote what a page holds: made valid, so that no page's text can stop the run.
        fields = {key: value for key, value in asdict(self).items()
                  if value is not None or key not in ("name", "claimant")}
        return valid_text(json.dumps(fields, ensure_ascii=False))[0] + "\n"


def finished_records(folder: Path) -> Iterator[PageRecord]:
    """Every page record of the finished shards in ``folder``."""
    for pages in sorted(folder.glob(f"{SHARD_PREFIX}*{PAGES_SUFFIX}")):
        with pages.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield PageRecord(**json.loads(line))


def finished_shards(folder: Path) -> list[Path]:
    """The N-Quads files of the finished shards in ``folder``."""
    return sorted(path for path in folder.glob(f"{SHARD_PREFIX}*.nq")
                  if path.with_suffix(PAGES_SUFFIX).exists())


class ShardWriter:
    """The shards of one run in one folder; see the module's description."""

    def __init__(self, folder: str | Path, *, limit: int = DEFAULT_SHARD_BYTES, resume: bool = False) -> None:
        self.folder = Path(folder)
        self.limit = limit
        self.done: set[str] = set()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._prepare(resume)
        except OSError as exc:
            raise FilmgraphError(f"{self.folder}: cannot write shards there: {exc.strerror or exc}") from exc
        self.run = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
        self.number = 0
        self.size = 0
        self._file: IO[str] | None = None
        self._pages: IO[str] | None = None

    def _prepare(self, resume: bool) -> None:
        finished = {path.name[:-len(PAGES_SUFFIX)] for path in self.folder.glob(f"{SHARD_PREFIX}*{PAGES_SUFFIX}")}
        if finished and not resume:
            raise FilmgraphError(f"{self.folder}: holds the shards of an earlier export; give --resume to go on "
                                 "with it, or another output folder")
        for leftover in self.folder.glob(f"{SHARD_PREFIX}*"):
            stem = leftover.name.split(".", 1)[0]
            if leftover.name.endswith(".part") or stem not in finished:
                leftover.unlink()  # an interrupted run's unfinished shard: its pages are done again
        self.done = {record.source for record in finished_records(self.folder)}

    @property
    def _stem(self) -> str:
        return f"{SHARD_PREFIX}{self.run}-{self.number:05d}"

    def add(self, result: ExportResult, quads: str | None, *, may_finish: bool = True) -> None:
        """Append one page's quads (if it has any) and its record; finish the shard at its size limit (unless
        ``may_finish`` is false: the page is one of a dump stream's, which ends with :meth:`add_stream`).
        Both go straight to files (nothing of a shard is kept in memory however many pages it holds)."""
        try:
            if quads:
                if self._file is None:
                    self._file = (self.folder / f"{self._stem}.nq.part").open("w", encoding="utf-8")
                self._file.write(quads)
                self.size += len(quads.encode("utf-8"))
            self._record(PageRecord.of(result), may_finish)
        except OSError as exc:
            raise FilmgraphError(f"{self.folder}: cannot write a shard: {exc.strerror or exc}") from exc

    def add_stream(self, name: str) -> None:
        """Mark a multistream dump's stream done, after all its pages: one shard holds the whole stream,
        so --resume skips it whole (or does it whole again)."""
        try:
            self._record(PageRecord(name, None, STREAM), True)
        except OSError as exc:
            raise FilmgraphError(f"{self.folder}: cannot write a shard: {exc.strerror or exc}") from exc

    def _record(self, record: PageRecord, may_finish: bool) -> None:
        if self._pages is None:
            self._pages = (self.folder / f"{self._stem}{PAGES_SUFFIX}.part").open("w", encoding="utf-8")
        self._pages.write(record.line())
        if may_finish and self.size >= self.limit:
            self.finish()

    def finish(self) -> None:
        """Finish the current shard (its quads on disk, then its page list, the mark of a finished shard) and
        start the next."""
        if self._pages is None:
            return
        for stream, name in ((self._file, f"{self._stem}.nq"), (self._pages, f"{self._stem}{PAGES_SUFFIX}")):
            if stream is not None:
                stream.flush()
                os.fsync(stream.fileno())
                stream.close()
                os.replace(self.folder / f"{name}.part", self.folder / name)
        self._file = self._pages = None
        self.size = 0
        self.number += 1

    def close(self) -> None:
        """Finish the last shard and rebuild ``errors.jsonl`` from every finished shard's page list."""
        try:
            self.finish()
            problems = "".join(record.line() for record in finished_records(self.folder)
                               if record.status not in ("written", STREAM))
            write_text_atomic(self.folder / ERRORS_FILE, problems)
        except OSError as exc:
            raise FilmgraphError(f"{self.folder}: cannot finish the shards: {exc.strerror or exc}") from exc

    def abandon(self) -> None:
        """Drop the unfinished shard (a run that failed): its pages are done again on --resume."""
        for stream, name in ((self._file, f"{self._stem}.nq.part"), (self._pages, f"{self._stem}{PAGES_SUFFIX}.part")):
            if stream is not None:
                stream.close()
                (self.folder / name).unlink(missing_ok=True)
        self._file = self._pages = None


def _settings_line(layout: Layout, formats: Sequence[str]) -> str:
    return json.dumps({"layout": layout.value, "formats": sorted(formats)}) + "\n"


def recorded_export(folder: str | Path) -> tuple[Layout, list[str]] | None:
    """The layout and formats of the export in ``folder`` (what ``--resume`` goes on with), if it holds one."""
    folder = Path(folder)
    pages = folder / FILES_PAGES
    if pages.exists():
        try:
            with pages.open(encoding="utf-8") as lines:
                first = json.loads(lines.readline() or "{}")
            return Layout(first["layout"]), list(first["formats"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
    if any(folder.glob(f"{SHARD_PREFIX}*{PAGES_SUFFIX}")):
        return Layout.SHARDS, ["nq"]
    return None


def check_resume(folder: str | Path, layout: Layout, formats: Sequence[str]) -> None:
    """Refuse to go on with the export in ``folder`` in another layout or with other formats: its films would be
    written twice, in two shapes.

    :raises FilmgraphError: the folder holds an export of another layout or formats.
    """
    recorded = recorded_export(folder)
    if recorded is None:
        return
    was_layout, was_formats = recorded
    if was_layout is not layout or (layout is Layout.FILES and sorted(was_formats) != sorted(formats)):
        raise FilmgraphError(f"{folder}: holds an export in the {was_layout.value} layout ({', '.join(was_formats)});"
                             f" --resume goes on with it only in that layout and those formats (asked: "
                             f"{layout.value}, {', '.join(formats)})")


def _read_records(path: Path) -> list[PageRecord]:
    """The records of a page list, without its settings line and without a line a kill cut short."""
    records = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            try:
                fields = json.loads(line)
                records.append(PageRecord(**fields))
            except (ValueError, TypeError):
                continue  # the settings line, or the last line of a killed run, written in part
    return records


@dataclass
class LoggedClaims:
    """The names a run's films claim (a mapping, a manager's proxy, or a claims folder: see
    :func:`filmgraph.pipeline.name_film`), each claim also appended to the page list before the film's files
    are written, so that a resumed run gives the film the same name."""

    claims: Any
    log: str

    def setdefault(self, name: str, claimant: str) -> str:
        if not claim_name(self.claims, name, claimant):
            return ""  # another claimant's
        line = PageRecord(claimant, None, NAMED, name=name, claimant=claimant).line()
        try:
            # One write in append mode: lines of several workers never mix.
            with open(self.log, "a", encoding="utf-8") as log:
                log.write(line)
        except OSError as exc:
            raise FilmgraphError(f"{self.log}: cannot write: {exc.strerror or exc}") from exc
        return claimant


class FileLog:
    """The page list of an export in the files layout; see the module's description."""

    def __init__(self, folder: str | Path, *, formats: Sequence[str], resume: bool = False) -> None:
        self.folder = Path(folder)
        self.path = self.folder / FILES_PAGES
        self.done: set[str] = set()
        self.names: dict[str, str] = {}  # name → claimant, of every film named before (resume)
        records: list[PageRecord] = []
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if resume and self.path.exists():
                records = _read_records(self.path)
            for record in records:
                if record.name and record.claimant:
                    self.names.setdefault(record.name, record.claimant)
                if record.status != NAMED and self._complete(record, formats):
                    self.done.add(record.source)
            for leftover in self.folder.glob(".*.tmp"):  # a killed run's temporary files (pipeline's writes)
                if leftover.name.rsplit(".", 2)[0].endswith(tuple(f".{fmt}" for fmt in formats)):
                    leftover.unlink(missing_ok=True)
            kept = [r for r in records if r.status == NAMED or r.source in self.done]
            write_text_atomic(self.path, _settings_line(Layout.FILES, formats) + "".join(r.line() for r in kept))
            self._file: IO[str] | None = self.path.open("a", encoding="utf-8")
        except OSError as exc:
            raise FilmgraphError(f"{self.folder}: cannot write there: {exc.strerror or exc}") from exc

    def _complete(self, record: PageRecord, formats: Sequence[str]) -> bool:
        """A page is done when its record is there and, for a film, every one of its files."""
        if record.status != "written" or not record.name:
            return True
        return all((self.folder / f"{record.name}.{fmt}").exists() for fmt in formats)

    def claims(self, claims: Claims) -> LoggedClaims:
        """The run's claims, with the names of the films named before given to them again."""
        for name, claimant in self.names.items():
            claim_name(claims, name, claimant)
        return LoggedClaims(claims, str(self.path))

    def add(self, result: ExportResult) -> None:
        """Record a page done (its files are in place already)."""
        try:
            assert self._file is not None
            self._file.write(PageRecord.of(result).line())
            self._file.flush()
        except OSError as exc:
            raise FilmgraphError(f"{self.path}: cannot write: {exc.strerror or exc}") from exc

    def close(self) -> None:
        """Close the list and rebuild ``errors.jsonl`` from it."""
        try:
            if self._file is not None:
                self._file.close()
                self._file = None
            problems = "".join(record.line() for record in _read_records(self.path)
                               if record.status not in ("written", NAMED))
            write_text_atomic(self.folder / ERRORS_FILE, problems)
        except OSError as exc:
            raise FilmgraphError(f"{self.folder}: cannot finish the page list: {exc.strerror or exc}") from exc
