"""The film pages of MediaWiki XML dumps (mwxml), streamed page by page, compressed or not."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree

from filmgraph.errors import FilmgraphError
from filmgraph.formats import DUMP_SUFFIXES
from filmgraph.pages import FILM_INFOBOX_RE, Wiki


@dataclass(frozen=True)
class Job:
    """One article to export: a file, or a page's wikitext from a dump."""

    name: str  # what messages call it: a path, or "dump.xml.bz2#Title"
    path: str | None = None
    title: str | None = None
    text: str | None = None
    source: str | None = None  # the page's URL
    revision: str | None = None  # the revision id the dump holds, and its time
    timestamp: str | None = None
    wiki: str | None = None  # the wiki's article base, from the dump's site info
    error: str | None = None  # an input that could not be expanded: why
    # A stream of a multistream dump (read, decompressed and split into pages by a worker: expand_stream)
    offset: int | None = None
    length: int | None = None

    @property
    def is_stream(self) -> bool:
        return self.offset is not None


def _open_dump(path: Path) -> IO[bytes] | gzip.GzipFile:
    name = path.name.lower()
    if name.endswith(".bz2"):
        return bz2.open(path, "rb")
    if name.endswith(".gz"):
        return gzip.open(path, "rb")
    if name.endswith(".xz"):
        return lzma.open(path, "rb")
    return path.open("rb")


def _iso(timestamp: object) -> str | None:
    """A dump's revision time as ISO 8601 ("2018-08-17T09:55:00Z")."""
    if timestamp is None:
        return None
    text = str(timestamp)
    return text if text.endswith("Z") else text.replace("+00:00", "Z")


class _UpToDamage(io.RawIOBase):
    """A compressed dump read up to its damage (bytes after the gzip stream, a cut bz2 stream): the damage ends
    the input there and is kept, so that the XML parser still hands over every page complete before it; the
    damage is reported after them."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.damage: Exception | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.damage is not None:
            return 0
        try:
            # read1: one read of the decompressor, so that what it gave before the damage is not dropped with it
            data = self.stream.read1(len(buffer)) if hasattr(self.stream, "read1") else self.stream.read(len(buffer))
        except (OSError, EOFError, ValueError) as exc:  # gzip.BadGzipFile, "Compressed file ended…", lzma errors
            self.damage = exc
            return 0
        buffer[:len(data)] = data
        return len(data)


def _reason(exc: BaseException) -> str:
    return (getattr(exc, "strerror", None) or (str(exc).splitlines() or [type(exc).__name__])[0])[:200]


def iter_dump(path: Path) -> Iterator[Job]:
    """The film articles of a MediaWiki XML dump (main namespace, no redirects, a film infobox); a dump damaged
    part-way gives every page before the damage, then one error naming it."""
    import mwxml

    reader: _UpToDamage | None = None
    try:
        with _open_dump(path) as compressed:
            reader = _UpToDamage(compressed)
            stream = io.BufferedReader(reader)
            dump = mwxml.Dump.from_file(stream)
            wiki = re.sub(r"/wiki/.*$", "/wiki/", dump.site_info.base or "") or None
            for page in dump.pages:
                text, revision_id, timestamp = None, None, None
                for revision in page:
                    # The last revision in the dump is the current one.
                    text, revision_id, timestamp = revision.text, revision.id, revision.timestamp
                found = _film_page(path, wiki, page.title, page.namespace, bool(page.redirect), text, revision_id,
                                   timestamp)
                if found:
                    yield found
    except (OSError, EOFError, ValueError, ElementTree.ParseError) as exc:
        # Damage part-way: the pages before it were yielded already; this line names the damage (the
        # compression's own, when the XML broke off because of it).
        damage = reader.damage if reader is not None and reader.damage is not None else exc
        raise FilmgraphError(f"{path}: cannot read dump: {_reason(damage)}") from exc
    if reader is not None and reader.damage is not None:  # the XML was whole: the damage came after it
        raise FilmgraphError(f"{path}: cannot read dump past its end: {_reason(reader.damage)}") from reader.damage


def _film_page(path: Path, wiki: str | None, title: str, namespace: int, redirect: bool, text: str | None,
               revision: object, timestamp: object) -> Job | None:
    """The Job of a dump page, when it is a film article (main namespace, no redirect, a film infobox)."""
    if namespace != 0 or redirect or not text or not FILM_INFOBOX_RE.search(text):
        return None
    source = Wiki(wiki).page(title) if wiki else None
    return Job(f"{path}#{title}", title=title, text=text, source=source,
               revision=str(revision) if revision is not None else None, timestamp=_iso(timestamp), wiki=wiki)


# A stream of a multistream dump holds a hundred pages (a few MB); an index that says otherwise is not this dump's.
MAX_STREAM_BYTES = 256 * 1024 * 1024


def index_of(dump: Path) -> Path | None:
    """The index file Wikimedia publishes beside a multistream dump
    (``…-multistream.xml.bz2`` → ``…-multistream-index.txt.bz2``), when it is there."""
    name = dump.name
    if not name.endswith("-multistream.xml.bz2"):
        return None
    index = dump.with_name(name[:-len(".xml.bz2")] + "-index.txt.bz2")
    return index if index.exists() else None


def iter_streams(path: Path, index: Path) -> Iterator[Job]:
    """The streams of a multistream dump, from its index (``offset:page id:title`` lines): one Job per
    stream of about a hundred pages, which a worker reads, decompresses and splits itself
    (:func:`expand_stream`), so that decompression runs in parallel too.

    The dump's first stream, at offset 0, is always its header (the site info), whatever the index says; page
    streams the index does not list between the header and its first offset are read as one more Job, so that
    an index that skips streams (or lists only the closing one) loses no page.
    """
    try:
        with bz2.open(index, "rt", encoding="utf-8") as lines:
            offsets = sorted({int(line.split(":", 1)[0]) for line in lines if line.strip()})
        size = path.stat().st_size
        if not offsets or offsets[-1] >= size:
            raise ValueError("its offsets do not fit the dump")
        with path.open("rb") as stream:
            head, header_end = _first_stream(stream)
            offsets = [offset for offset in offsets if offset >= header_end]  # offset 0 names the header
            first = offsets[0] if offsets else size
            for offset in offsets[:1]:
                stream.seek(offset)
                if stream.read(3) != b"BZh":
                    raise ValueError(f"offset {offset} is not the start of a bz2 stream")
    except (OSError, EOFError, ValueError) as exc:
        raise FilmgraphError(f"{index}: cannot read the dump's index: {exc}") from exc
    base = re.search(rb"<base>([^<]*)</base>", head)
    wiki = re.sub(r"/wiki/.*$", "/wiki/", base.group(1).decode("utf-8", "replace")) if base else None
    if first > header_end:  # streams the index does not list: read too
        if first - header_end > MAX_STREAM_BYTES:
            raise FilmgraphError(f"{index}: does not list the dump's first {first - header_end:,} bytes of page "
                                 "streams; give the dump without its index (read whole) or its own index")
        offsets = [header_end, *offsets]
    for start, end in zip(offsets, [*offsets[1:], size], strict=True):
        yield Job(f"{path}@{start}", path=str(path), wiki=wiki, offset=start, length=end - start)


HEADER_CHARS = 1 << 20  # a dump's header stream holds its site info: a few kilobytes


def _first_stream(stream: IO[bytes]) -> tuple[bytes, int]:
    """The start of the dump's header (its first bz2 stream, decompressed a bounded amount at a time) and where
    that stream ends in the file."""
    decompressor = bz2.BZ2Decompressor()
    head = bytearray()
    consumed = produced = 0
    while not decompressor.eof:
        chunk = b""
        if decompressor.needs_input:
            chunk = stream.read(65536)
            if not chunk:
                raise EOFError("the dump's header stream is cut short")
            consumed += len(chunk)
        out = decompressor.decompress(chunk, max_length=65536)
        produced += len(out)
        head += out[:max(0, HEADER_CHARS - len(head))]
        if produced > 64 * HEADER_CHARS:
            raise ValueError("the dump's first stream is larger than any header")
    return bytes(head), consumed - len(decompressor.unused_data)


def expand_stream(job: Job) -> list[Job]:
    """The film pages of one stream of a multistream dump.

    :raises FilmgraphError: the stream cannot be read, decompressed or parsed.
    """
    path = Path(job.path or job.name)
    if (job.length or 0) > MAX_STREAM_BYTES:
        raise FilmgraphError(f"{job.name}: a stream of {job.length:,} bytes; the index does not fit this dump")
    try:
        with path.open("rb") as stream:
            stream.seek(job.offset or 0)
            data = bz2.decompress(stream.read(job.length))
        # A stream holds <page> elements without the <mediawiki> root (the last one also closes it).
        text = data.decode("utf-8").replace("</mediawiki>", "")
        root = ElementTree.fromstring(f"<pages>{text}</pages>")
    except (OSError, EOFError, ValueError, ElementTree.ParseError) as exc:
        raise FilmgraphError(f"{job.name}: cannot read this stream of the dump: {str(exc)[:200]}") from exc
    jobs = []
    for page in root.iter("page"):
        revisions = page.findall("revision")
        last = revisions[-1] if revisions else None
        found = _film_page(path, job.wiki, page.findtext("title") or "", int(page.findtext("ns") or 0),
                           page.find("redirect") is not None, last.findtext("text") if last is not None else None,
                           last.findtext("id") if last is not None else None,
                           last.findtext("timestamp") if last is not None else None)
        if found:
            jobs.append(found)
    return jobs


ARTICLE_SUFFIXES = frozenset({".txt", ".wiki", ".wikitext", ".mediawiki"})


def iter_jobs(inputs: Iterable[str | Path], *, suffixes: Iterable[str] = ARTICLE_SUFFIXES) -> Iterator[Job]:
    """Expand inputs lazily: folders to their files with ``suffixes``, dumps to their film pages, anything
    else as it is. An input that cannot be expanded, or a dump damaged part-way, yields a Job holding its error
    (after the pages read before the damage)."""
    wanted = frozenset(suffixes)
    for item in inputs:
        path = Path(item)
        if str(item) != "-" and path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in wanted):
                yield Job(str(child), path=str(child))
        elif path.name.lower().endswith(DUMP_SUFFIXES):
            try:
                index = index_of(path)
                yield from iter_streams(path, index) if index else iter_dump(path)
            except FilmgraphError as exc:
                yield Job(str(path), error=str(exc))
        else:
            yield Job(str(item), path=str(item))


def iter_pages(inputs: Iterable[str | Path], *, suffixes: Iterable[str] = ARTICLE_SUFFIXES) -> Iterator[Job]:
    """As :func:`iter_jobs`, with the streams of multistream dumps read here, page by page."""
    for job in iter_jobs(inputs, suffixes=suffixes):
        yield from stream_pages(job) if job.is_stream else [job]


def stream_pages(job: Job) -> list[Job]:
    """The film pages of a dump stream, or one Job holding why the stream cannot be read."""
    try:
        return expand_stream(job)
    except FilmgraphError as exc:
        return [Job(job.name, error=str(exc))]
