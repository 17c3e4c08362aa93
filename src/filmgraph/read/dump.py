"""The film pages of MediaWiki XML dumps (mwxml), streamed page by page, compressed or not."""

from __future__ import annotations

import bz2
import gzip
import html
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
from filmgraph.read.wikitext import MAX_PAGE_CHARS


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


# A revision's text (or a page's header) larger than this is refused as it streams: a page of a few KB of bz2 can
# inflate to gigabytes, and neither the XML parser nor anything after it may hold more than one page's worth.
# Counted in characters of the XML as written (an entity by its length), with room over the page limit, so that a
# page under MAX_PAGE_CHARS always passes and the page check after parsing says how large it is.
MAX_REVISION_CHARS = MAX_PAGE_CHARS + MAX_PAGE_CHARS // 2
_READ_SIZE = 1 << 16
# UTF-8 continuation bytes: every other byte of UTF-8 text begins a character.
_NOT_CONTINUATION = bytes(range(0x80)) + bytes(range(0xC0, 0x100))


# A page cut as too large is skipped up to its end, but no further than this many times the limit: past that, a
# page that never ends is a bomb, and what comes after it is not read.
SKIP_FACTOR = 16


class UnendingPage(FilmgraphError):
    """A page that goes on far past the size limit: the rest of the dump (or stream) is not read."""


class _PageGuard:
    """A dump's bytes as they stream, with each revision (and each page's header) held to a size.

    The markup of a dump is simple: text never holds a ``<`` (it is written ``&lt;``), so the tags can be
    followed without parsing. When a revision grows past the limit, its text is cut there, the elements open
    in the page are closed, and the rest of the page is dropped unread; the page's number is noted, so that
    the reader refuses that page alone and goes on with the next. Entity declarations are refused outright:
    a dump never declares any, and an entity can expand past any limit the text itself keeps.
    """

    def __init__(self, where: str, limit: int = MAX_REVISION_CHARS, *, stream: bool = False) -> None:
        self.where = where
        self.limit = limit
        self.stream = stream  # a stream of a multistream dump: the root's closing tag is dropped
        self.pages = 0  # <page> elements begun
        self.too_large: dict[int, str] = {}  # the number of each page cut → its title, as far as it was read
        self._open: list[bytes] = []  # the elements open in the current page, <page> first
        self._size = 0  # characters of the current revision (or page header, or text between pages)
        self._skipping = False  # after a cut: dropping the page's bytes up to its </page>
        self._skipped = 0  # bytes dropped so far
        self._title = b""
        self._pending = b""  # an incomplete tag, comment or section at the end of the last chunk

    def feed(self, chunk: bytes) -> bytes:
        data, self._pending = self._pending + chunk, b""
        out: list[bytes] = []
        position = 0
        while position < len(data):
            if self._skipping:
                end = data.find(b"</page>", position)
                if end < 0:
                    self._skipped += len(data) - position
                    if self._skipped > SKIP_FACTOR * self.limit:
                        raise UnendingPage(f"{self.where}#{self.too_large[self.pages]}: a revision larger than "
                                           f"{self.limit:,} characters in a page that does not end within "
                                           f"{SKIP_FACTOR * self.limit:,} bytes; the rest of the dump is not read")
                    self._pending = data[max(position, len(data) - 6):]
                    break
                position, self._skipping = end + len(b"</page>"), False
                continue
            start = data.find(b"<", position)
            text_end = len(data) if start < 0 else start
            if text_end > position and not self._take(data, position, text_end, out):
                position = text_end
                continue
            if start < 0:
                break
            end = self._markup_end(data, start)
            if end < 0 and len(data) - start <= self.limit:
                self._pending = data[start:]  # the tag goes on in the next chunk
                break
            if end < 0 or self._size + (end - start) > self.limit:
                # Markup as large as a text past the limit (a tag without end, a huge comment): refused too.
                if not self._open:
                    raise FilmgraphError(f"{self.where}: more than {self.limit:,} characters outside any page")
                self._cut(data, start, start, out)
                position = len(data) if end < 0 else end
                continue
            self._size += end - start
            out.append(self._markup(data[start:end]))
            position = end
        return b"".join(out)

    def _take(self, data: bytes, start: int, end: int, out: list[bytes]) -> bool:
        """Text from ``start`` to ``end``: passed on, or cut at the limit (then False)."""
        size = (end - start) - len(data[start:end].translate(None, _NOT_CONTINUATION))
        if self._open and self._title == b"<title>":
            self._title = b"<title>" + data[start:min(end, start + 300)]
        if self._size + size <= self.limit or not self._open:
            if not self._open and self._size + size > self.limit:
                raise FilmgraphError(f"{self.where}: more than {self.limit:,} characters outside any page")
            self._size += size
            out.append(data[start:end])
            return True
        self._cut(data, start, start + (self.limit - self._size), out)
        return False

    @staticmethod
    def _markup_end(data: bytes, start: int) -> int:
        """Where the tag, comment or CDATA section at ``start`` ends, or -1 when it goes on in the next chunk."""
        for opening, closing in ((b"<!--", b"-->"), (b"<![CDATA[", b"]]>")):
            if data.startswith(opening, start):
                end = data.find(closing, start + len(opening))
                return end + len(closing) if end >= 0 else -1
        if len(data) - start < len(b"<![CDATA[") and b"<![CDATA[".startswith(data[start:]):
            return -1
        end = data.find(b">", start)
        return end + 1 if end >= 0 else -1

    def _markup(self, tag: bytes) -> bytes:
        """Follow a tag: the page it begins, the revision it begins (a new count), the elements it opens and
        closes. Returns what to pass on."""
        if tag.startswith((b"<!--", b"<![CDATA[", b"<?")):
            return tag
        if tag.startswith(b"<!"):
            if b"<!ENTITY" in tag.upper():
                raise FilmgraphError(f"{self.where}: the dump declares entities; a dump never does")
            return tag
        closing = tag.startswith(b"</")
        name = re.match(rb"</?([^\s/>]*)", tag)
        name_text = name.group(1) if name else b""
        if closing:
            if self._open and self._open[-1] == name_text:
                self._open.pop()
                if not self._open:
                    self._size = 0  # the page ended: what follows is counted afresh
            elif not self._open and self.stream and name_text == b"mediawiki":
                return b""  # the last stream closes the dump's root, which this stream never opened
            return tag
        if tag.endswith(b"/>"):
            return tag
        if name_text == b"page" and not self._open:
            self.pages += 1
            self._size, self._title = 0, b""
        elif name_text == b"revision" and self._open:
            self._size = 0
        if self._open or name_text == b"page":
            self._open.append(name_text)
            if name_text == b"title" and len(self._open) == 2:
                self._title = b"<title>"
        return tag

    def _cut(self, data: bytes, start: int, cut: int, out: list[bytes]) -> None:
        """Cut the page at ``cut`` (within the text from ``start``): keep whole characters and entities,
        close every element open in the page, and drop the rest of the page."""
        cut = min(cut, len(data))
        while cut > start and 0x80 <= data[cut - 1] < 0xC0:
            cut -= 1  # not inside a character
        if cut > start and data[cut - 1] >= 0xC0:
            cut -= 1
        ampersand = data.rfind(b"&", start, cut)
        if ampersand >= 0 and data.find(b";", ampersand, cut) < 0:
            cut = ampersand  # not inside an entity
        out.append(data[start:cut])
        out.append(b"".join(b"</" + name + b">" for name in reversed(self._open)))
        title = html.unescape(self._title.removeprefix(b"<title>").decode("utf-8", "replace"))
        self.too_large[self.pages] = title.strip()[:200] or "?"
        self._open, self._size, self._skipping, self._skipped = [], 0, True, 0


class _GuardedReader:
    """A decompressed dump, read through a :class:`_PageGuard` (a file object for the XML parser). A read
    that fails part-way gives the bytes before the failure first, and the failure on the next read."""

    def __init__(self, raw: IO[bytes], guard: _PageGuard) -> None:
        self.raw = raw
        self._read = getattr(raw, "read1", raw.read)
        self.guard = guard
        self._buffer = b""
        self._failure: BaseException | None = None
        self._ended = False

    def read(self, size: int = -1) -> bytes:
        while not self._ended and (size < 0 or len(self._buffer) < size):
            if self._failure is not None:
                failure, self._failure = self._failure, None
                raise failure
            try:
                # read1: what one read gives, so that a failure after it (trailing bytes past a gzip member)
                # does not take the data read before it along.
                chunk = self._read(_READ_SIZE)
            except (OSError, EOFError, ValueError) as exc:
                self._failure = exc
                if self._buffer:
                    break
                continue
            if not chunk:
                self._ended = True
                break
            self._buffer += self.guard.feed(chunk)
        if size < 0:
            data, self._buffer = self._buffer, b""
        else:
            data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data


def _too_large(path: Path, title: str) -> Job:
    return Job(f"{path}#{title}", title=title,
               error=f"{path}#{title}: a revision larger than {MAX_REVISION_CHARS:,} characters; the page was "
                     f"refused as it was read")


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
            guard = _PageGuard(str(path))
            dump = mwxml.Dump.from_file(_GuardedReader(io.BufferedReader(reader), guard))
            wiki = re.sub(r"/wiki/.*$", "/wiki/", dump.site_info.base or "") or None
            for number, page in enumerate(dump.pages, start=1):
                text, revision_id, timestamp = None, None, None
                for revision in page:
                    # The last revision in the dump is the current one.
                    text, revision_id, timestamp = revision.text, revision.id, revision.timestamp
                if number in guard.too_large:
                    yield _too_large(path, guard.too_large[number])
                    continue
                found = _film_page(path, wiki, page.title, page.namespace, bool(page.redirect), text, revision_id,
                                   timestamp)
                if found:
                    yield found
    except (OSError, EOFError, ValueError, ElementTree.ParseError, mwxml.errors.MalformedXML) as exc:
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
    guard = _PageGuard(job.name, stream=True)
    pages = _StreamPages(path, job.wiki, guard)
    try:
        with path.open("rb") as stream:
            stream.seek(job.offset or 0)
            compressed = stream.read(job.length)
        # Decompressed a piece at a time (max_length) and parsed as it comes, each page let go once read.
        decompressor = bz2.BZ2Decompressor()
        while True:
            if decompressor.eof:  # the end of a bz2 stream: another may follow in the range
                compressed = decompressor.unused_data
                if not compressed:
                    break
                decompressor = bz2.BZ2Decompressor()
            elif decompressor.needs_input and not compressed:
                raise EOFError("the stream ends before its end")
            piece = decompressor.decompress(compressed, max_length=_READ_SIZE)
            compressed = b""
            pages.feed(guard.feed(piece))
        pages.close()
    except UnendingPage as exc:
        # The page's own refusal gives way to this line, which says that the stream ends there.
        title = guard.too_large[guard.pages]
        kept = pages.jobs[:-1] if pages.jobs and pages.jobs[-1].error and pages.jobs[-1].title == title else pages.jobs
        return [*kept, Job(f"{path}#{title}", title=title,
                           error=str(exc).replace(job.name, str(path)).replace("the dump", "this stream"))]
    except (OSError, EOFError, ValueError, ElementTree.ParseError) as exc:
        raise FilmgraphError(f"{job.name}: cannot read this stream of the dump: {str(exc)[:200]}") from exc
    return pages.jobs


class _StreamPages:
    """The film pages of a stream's XML as it is fed (and the pages refused as too large, in their place)."""

    def __init__(self, path: Path, wiki: str | None, guard: _PageGuard) -> None:
        self.path, self.wiki, self.guard = path, wiki, guard
        self.jobs: list[Job] = []
        self.pages = 0  # pages begun, counted as the guard counts them: a page inside a page is part of it
        self._depth = 0  # <page> elements open
        # A stream holds <page> elements without the <mediawiki> root: they are read inside one of their own.
        self._parser = ElementTree.XMLPullParser(events=("start", "end"))
        self._parser.feed(b"<pages>")

    def feed(self, data: bytes) -> None:
        self._parser.feed(data)
        self._read()

    def close(self) -> None:
        self._parser.feed(b"</pages>")
        self._parser.close()
        self._read()

    def _read(self) -> None:
        for event, page in self._parser.read_events():
            if page.tag != "page":
                continue
            if event == "start":
                self._depth += 1
                self.pages += self._depth == 1
                continue
            self._depth -= 1
            if self._depth:
                continue
            if self.pages in self.guard.too_large:
                self.jobs.append(_too_large(self.path, self.guard.too_large[self.pages]))
                page.clear()
                continue
            revisions = page.findall("revision")
            last = revisions[-1] if revisions else None
            found = _film_page(self.path, self.wiki, page.findtext("title") or "", int(page.findtext("ns") or 0),
                               page.find("redirect") is not None,
                               last.findtext("text") if last is not None else None,
                               last.findtext("id") if last is not None else None,
                               last.findtext("timestamp") if last is not None else None)
            if found:
                self.jobs.append(found)
            page.clear()  # the page is read: its text goes


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
