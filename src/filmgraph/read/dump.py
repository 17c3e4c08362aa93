"""The film pages of MediaWiki XML dumps, streamed page by page, compressed or not.

The reading process only decompresses and cuts the XML into pages by scanning its bytes (a dump's markup is
simple: text never holds a ``<``). A page whose bytes show it is not a film article (another namespace, a
redirect, no film infobox name in any spelling) is counted by reason and dropped before any XML object is
built; only the few candidate pages are parsed (:func:`read_page`), in the worker processes of a batch.
"""

from __future__ import annotations

import bz2
import gzip
import html
import io
import lzma
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree

from filmgraph.errors import FilmgraphError
from filmgraph.formats import DUMP_SUFFIXES
from filmgraph.pages import FILM_INFOBOX_RE, FILM_INFOBOXES, Wiki
from filmgraph.read.bz2blocks import BlockDamage, blocks, fast_stream_text, last_text
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
    # A stream of a multistream dump (read, decompressed and split into pages by a worker: expand_stream), or with
    # ``blocks`` a range of a single-stream bz2 dump's bytes: the pages that begin in the bz2 blocks beginning there
    offset: int | None = None
    length: int | None = None
    blocks: bool = False
    # A dump page as its bytes, cut from the XML but not parsed yet (read_page parses it, in a worker)
    xml: bytes | None = None

    @property
    def is_stream(self) -> bool:
        return self.offset is not None

    @property
    def size(self) -> int:
        """About how many bytes of work the job is (what a batch's tasks are sized by)."""
        if self.xml is not None:
            return len(self.xml)
        if self.text is not None:
            return len(self.text)
        if self.length is not None:
            return self.length * 5  # a stream's bz2 bytes inflate about fivefold
        try:
            return os.path.getsize(self.path) if self.path else 0
        except OSError:
            return 0


# Why a page read from a dump is not a film article, before any extraction: the reasons a batch counts.
NO_INFOBOX, REDIRECT, NAMESPACE = "no film infobox", "redirect", "other namespace"
SKIP_REASONS = (NO_INFOBOX, REDIRECT, NAMESPACE)


@dataclass
class PageTally:
    """What the readers of a batch read, counted as they go: every page (a dump's page, an article file), the
    pages passed over as not films by reason, and how far through the inputs of known size the reading is."""

    pages: int = 0
    no_infobox: int = 0
    redirect: int = 0
    namespace: int = 0
    bytes_read: int = 0  # of the inputs as stored (a compressed dump's compressed bytes)
    bytes_total: int = 0

    @property
    def skipped(self) -> int:
        return self.no_infobox + self.redirect + self.namespace

    def skip(self, reason: str) -> None:
        name = {NO_INFOBOX: "no_infobox", REDIRECT: "redirect", NAMESPACE: "namespace"}[reason]
        setattr(self, name, getattr(self, name) + 1)

    def add(self, other: PageTally) -> None:
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))


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
_AFTER_NAME = (b">", b" ", b"\t", b"\n", b"\r")
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

    With ``cut``, the guard also cuts the XML into pages: each page's bytes go to :attr:`completed` (with its
    number; ``None`` for a page refused as too large) once it ends, and what comes before the first page (the
    site info) to :attr:`header`; nothing is passed on.
    """

    def __init__(self, where: str, limit: int = MAX_REVISION_CHARS, *, stream: bool = False,
                 cut: bool = False) -> None:
        self.where = where
        self.limit = limit
        self.stream = stream  # a stream of a multistream dump: the root's closing tag is dropped
        self.cut = cut
        self.completed: list[tuple[int, bytes | None]] = []
        self.header = bytearray()
        self.nested = False  # a <page> began inside a page
        self.root_closed = False  # the dump's </mediawiki> was read
        self._page: list[bytes] | None = None  # the current page's bytes so far (with ``cut``)
        self._page_ended = False
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
                if self.cut:  # the page refused as too large is over: the next page may begin
                    self.completed.append((self.pages, None))
                continue
            start = data.find(b"<", position)
            text_end = len(data) if start < 0 else start
            if text_end > position and not self._take(data, position, text_end, out):
                position = text_end
                continue
            if start < 0:
                break
            if not self._open and data.startswith(b"<page", start) and data[start + 5:start + 6] in _AFTER_NAME:
                stop = self._whole_page(data, start)
                if stop > 0:  # the page as it is: nothing in it to follow tag by tag
                    self.pages += 1
                    self._size = 0
                    if self.cut:
                        self.completed.append((self.pages, data[start:stop]))
                    else:
                        out.append(data[start:stop])
                    position = stop
                    continue
                if stop == 0:
                    self._pending = data[start:]  # the page goes on in the next chunk: taken whole then
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
            self._put(out, self._markup(data[start:end]))
            if self._page_ended:
                self.completed.append((self.pages, b"".join(self._page or ())))
                self._page, self._page_ended = None, False
            position = end
        return b"".join(out)

    def drop_page(self) -> None:
        """Let go of the page being read, if any, as if the bytes so far had ended between two pages (what follows
        damage is read from the next page on)."""
        self._open, self._page, self._page_ended, self._pending = [], None, False, b""
        self._skipping, self._size, self._title = False, 0, b""

    @property
    def may_begin_page(self) -> bool:
        """Whether what the guard holds over from the last chunk may be the start of a page's tag."""
        return bool(self._pending) and b"<page".startswith(self._pending[:5])

    def _whole_page(self, data: bytes, start: int) -> int:
        """Where the page beginning at ``start`` ends, when it can be taken whole, without following its tags: it
        ends in ``data``, is no larger than the limit in bytes (so no revision in it can be), and holds no markup
        that could hide a tag (a comment, a CDATA section, a declaration, an instruction) and no other page.
        0 when its end is not in ``data`` yet but may come within the limit; -1 when it is to be followed tag by
        tag (and cut, if it is too large)."""
        end = data.find(b"</page>", start)
        if end < 0:
            return 0 if len(data) - start <= self.limit else -1
        stop = end + len(b"</page>")
        if stop - start > self.limit or data.find(b"<!", start, end) >= 0 or data.find(b"<?", start, end) >= 0 \
                or data.find(b"<page", start + 5, end) >= 0:
            return -1
        return stop

    def _put(self, out: list[bytes], piece: bytes) -> None:
        """Pass a piece on (or, with ``cut``, add it to its page, or to the header before the first page)."""
        if not self.cut:
            out.append(piece)
        elif self._page is not None:
            self._page.append(piece)
        elif not self.pages:
            self.header += piece  # held to the limit: outside any page, at most that many characters

    @property
    def inside_page(self) -> bool:
        return bool(self._open) or self._skipping or self._pending.startswith(b"<page")

    def _take(self, data: bytes, start: int, end: int, out: list[bytes]) -> bool:
        """Text from ``start`` to ``end``: passed on, or cut at the limit (then False)."""
        size = (end - start) - len(data[start:end].translate(None, _NOT_CONTINUATION))
        if self._open and self._title == b"<title>":
            self._title = b"<title>" + data[start:min(end, start + 300)]
        if self._size + size <= self.limit or not self._open:
            if not self._open and self._size + size > self.limit:
                raise FilmgraphError(f"{self.where}: more than {self.limit:,} characters outside any page")
            self._size += size
            self._put(out, data[start:end])
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
                    self._page_ended = self._page is not None
            elif not self._open and name_text == b"mediawiki":
                self.root_closed = True
                if self.stream:
                    return b""  # the last stream closes the dump's root, which this stream never opened
            return tag
        if tag.endswith(b"/>"):
            return tag
        if name_text == b"page" and not self._open:
            self.pages += 1
            self._size, self._title = 0, b""
            if self.cut:
                self._page = []
        elif name_text == b"page":
            self.nested = True
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
        if self.cut:
            self._page = None  # the page is refused: its bytes go (completed once its end is read)
        else:
            out.append(data[start:cut])
            out.append(b"".join(b"</" + name + b">" for name in reversed(self._open)))
        title = html.unescape(self._title.removeprefix(b"<title>").decode("utf-8", "replace"))
        self.too_large[self.pages] = title.strip()[:200] or "?"
        self._open, self._size, self._skipping, self._skipped = [], 0, True, 0


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



def _opened(path: Path, file: IO[bytes]) -> IO[bytes]:
    """The dump's bytes decompressed as its name says, read from ``file`` (whose position says how far the
    reading is)."""
    name = path.name.lower()
    if name.endswith(".bz2"):
        return bz2.BZ2File(file)
    if name.endswith(".gz"):
        return gzip.GzipFile(fileobj=file)
    if name.endswith(".xz"):
        return lzma.LZMAFile(file)
    return file


# A film infobox's name in a page's bytes, lower-cased: each name of pages.FILM_INFOBOXES with anything a page may
# write between its words (spaces, underscores, an entity such as &#95; or a no-break space). Looser than the
# check on the parsed text (FILM_INFOBOX_RE, which needs the braces), never stricter: a page it misses has none.
_SEPARATOR = rb"(?:[\s_]|&[#a-z0-9]+;|\xc2\xa0)+"
_INFOBOX_NAME_RE = re.compile(b"|".join(_SEPARATOR.join(re.escape(word.encode()) for word in name.split())
                                        for name in sorted(FILM_INFOBOXES)))
_NS_RE = re.compile(rb"<ns>\s*(-?\d+)\s*</ns>")
_TITLE_RE = re.compile(rb"<title>([^<]*)</title>")


def skip_reason(xml: bytes) -> str | None:
    """Why a dump page is not a film article, from its bytes alone (another namespace, a redirect, no film
    infobox name in any case and spelling), or None for a page to parse. Text never holds a ``<``: the tags
    before the first revision are the page's own."""
    end = xml.find(b"<revision")
    head = xml if end < 0 else xml[:end]
    namespace = _NS_RE.search(head)
    if namespace and int(namespace.group(1)) != 0:
        return NAMESPACE
    if b"<redirect" in head:
        return REDIRECT
    if not _INFOBOX_NAME_RE.search(xml.lower()):
        return NO_INFOBOX
    return None


def _raw_title(xml: bytes) -> str:
    found = _TITLE_RE.search(xml)
    return html.unescape(found.group(1).decode("utf-8", "replace")).strip() if found else ""


_REVISION_ID_RE = re.compile(rb"<revision>\s*<id>(\d+)</id>")


def page_revision(job: Job) -> str | None:
    """The revision id of a dump page: read already, or found in its bytes (a page not parsed yet)."""
    if job.revision or job.xml is None:
        return job.revision
    found = _REVISION_ID_RE.search(job.xml)
    return found.group(1).decode("ascii") if found else None


def _wiki_of(header: bytes) -> str | None:
    base = re.search(rb"<base>([^<]*)</base>", header)
    return re.sub(r"/wiki/.*$", "/wiki/", base.group(1).decode("utf-8", "replace")) or None if base else None


def read_page(job: Job) -> Job | str:
    """Parse a page cut from a dump (``job.xml``): its film article's Job, the reason it is not one (see
    :data:`SKIP_REASONS`), or a Job holding why the page cannot be read."""
    path = Path(job.path or job.name.rsplit("#", 1)[0])
    try:
        page = ElementTree.fromstring(job.xml or b"")
        revisions = page.findall("revision")
        last = revisions[-1] if revisions else None
        namespace = int(page.findtext("ns") or 0)
    except (ElementTree.ParseError, ValueError) as exc:
        return Job(job.name, title=job.title, error=f"{job.name}: cannot read this page of the dump: "
                                                    f"{_reason(exc)}")
    title = page.findtext("title") or job.title or ""
    if namespace != 0:
        return NAMESPACE
    if page.find("redirect") is not None:
        return REDIRECT
    found = _film_page(path, job.wiki, title, namespace, False,
                       last.findtext("text") if last is not None else None,
                       last.findtext("id") if last is not None else None,
                       last.findtext("timestamp") if last is not None else None)
    return replace(found, name=job.name) if found else NO_INFOBOX


def _cut_pages(path: Path, guard: _PageGuard, wiki: str | None, tally: PageTally) -> Iterator[Job]:
    """The pages the guard has cut so far: the candidates as unparsed Jobs, a refused page as its error; the
    others counted by reason and let go."""
    completed, guard.completed = guard.completed, []
    for number, xml in completed:
        tally.pages += 1
        if xml is None:
            yield _too_large(path, guard.too_large[number])
            continue
        reason = skip_reason(xml)
        if reason:
            tally.skip(reason)
            continue
        title = _raw_title(xml)
        yield Job(f"{path}#{title}", path=None, title=title, wiki=wiki, xml=xml)


_CUT_READ_SIZE = 1 << 20  # a page seldom spans two reads


def iter_raw_dump(path: Path, tally: PageTally | None = None) -> Iterator[Job]:
    """The candidate film pages of a MediaWiki XML dump as unparsed Jobs (see :func:`read_page`), the others
    counted in ``tally``; a dump damaged part-way gives every page before the damage, then raises the error
    naming it."""
    tally = tally if tally is not None else PageTally()
    guard = _PageGuard(str(path), cut=True)
    wiki: str | None = None
    started = False
    try:
        size = path.stat().st_size
        with path.open("rb") as file, _opened(path, file) as compressed:
            tally.bytes_total += size
            reader = _UpToDamage(compressed)
            done = 0
            while True:
                chunk = reader.read(_CUT_READ_SIZE)
                refused: FilmgraphError | None = None
                try:
                    guard.feed(chunk)
                except FilmgraphError as exc:  # the pages this chunk finished before are given first
                    refused = exc
                position = min(file.tell(), size)
                tally.bytes_read += position - done
                done = position
                if guard.completed or guard.nested or not chunk or refused:
                    if not started and (guard.completed or not chunk) and not refused:
                        started = True
                        if b"<mediawiki" not in guard.header:
                            raise FilmgraphError(f"{path}: cannot read dump: not a MediaWiki XML dump (no "
                                                 "<mediawiki> element before its first page)")
                        wiki = _wiki_of(bytes(guard.header))
                    yield from _cut_pages(path, guard, wiki, tally)
                if refused is not None:
                    raise refused
                if guard.nested:  # as a parser reads it: the dump breaks there
                    raise FilmgraphError(f"{path}: cannot read dump: Unexpected tag found when processing a "
                                         "<page>: 'page'")
                if not chunk:
                    break
    except OSError as exc:
        raise FilmgraphError(f"{path}: cannot read dump: {_reason(exc)}") from exc
    if reader.damage is not None:
        where = "past its end" if guard.root_closed and not guard.inside_page else ""
        raise FilmgraphError(f"{path}: cannot read dump{' ' + where if where else ''}: "
                             f"{_reason(reader.damage)}") from reader.damage
    if guard.inside_page or not guard.root_closed:
        where = "inside a page" if guard.inside_page else "before </mediawiki>"
        raise FilmgraphError(f"{path}: cannot read dump: it ends {where} (cut short?)")


def iter_dump(path: Path, tally: PageTally | None = None) -> Iterator[Job]:
    """The film articles of a MediaWiki XML dump (main namespace, no redirects, a film infobox), parsed here;
    a dump damaged part-way gives every page before the damage, then raises the error naming it."""
    for job in iter_raw_dump(path, tally):
        read = read_page(job) if job.xml is not None else job
        if isinstance(read, Job):
            yield read
        elif tally is not None:
            tally.skip(read)


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


def iter_streams(path: Path, index: Path, tally: PageTally | None = None) -> Iterator[Job]:
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
    wiki = _wiki_of(head)
    if tally is not None:
        tally.bytes_total += size
        tally.bytes_read += header_end
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


def expand_stream(job: Job, tally: PageTally | None = None) -> list[Job]:
    """The film pages of one stream of a multistream dump, or of one range of a single-stream bz2 dump's blocks
    (``job.blocks``), read, cut and parsed here (the others counted in ``tally``). A range read part-way gives the
    pages it read, then a Job named as the range for each thing that stopped it (damaged blocks, a refusal).

    :raises FilmgraphError: the stream cannot be read or decompressed.
    """
    path = Path(job.path or job.name)
    tally = tally if tally is not None else PageTally()
    if not job.blocks and (job.length or 0) > MAX_STREAM_BYTES:
        raise FilmgraphError(f"{job.name}: a stream of {job.length:,} bytes; the index does not fit this dump")
    guard = _PageGuard(job.name, stream=True, cut=True)
    jobs: list[Job] = []
    problems: list[str] = []

    def take() -> None:
        for page in _cut_pages(path, guard, job.wiki, tally):
            read = read_page(replace(page, path=str(path))) if page.xml is not None else page
            if isinstance(read, Job):
                jobs.append(replace(read, path=None))
            else:
                tally.skip(read)

    try:
        with path.open("rb") as file:
            if job.blocks:
                whole = _feed_blocks(file, job, guard, take, problems)
            else:
                whole = _feed_streams(file, job, guard, take)
        if guard.inside_page and whole:
            raise EOFError("the stream ends inside a page")
    except UnendingPage as exc:
        # The page's own refusal gives way to this line, which says that the stream ends there.
        title = guard.too_large[guard.pages]
        return [*jobs, Job(f"{path}#{title}", title=title,
                           error=str(exc).replace(job.name, str(path)).replace("the dump", "this stream"))]
    except (OSError, EOFError, ValueError, FilmgraphError) as exc:
        if not job.blocks:
            if isinstance(exc, FilmgraphError):
                raise
            raise FilmgraphError(f"{job.name}: cannot read this stream of the dump: {str(exc)[:200]}") from exc
        problems.append(str(exc)[:200])
    where = f"{job.name}: cannot read this part of the dump: "
    return [*jobs, *(Job(job.name, error=problem if problem.startswith(job.name) else where + problem)
                     for problem in problems)]


def _feed_streams(file: IO[bytes], job: Job, guard: _PageGuard, take: Callable[[], None]) -> bool:
    """Feed the guard the pages of the multistream dump's streams in ``job``'s range, decompressed a piece at a
    time (max_length) and cut as they come, each page let go once read; True once all is read."""
    file.seek(job.offset or 0)
    compressed = file.read(job.length)
    pieces = fast_stream_text(compressed)
    if pieces is not None:
        for piece in pieces:
            _feed(guard, take, piece)
        return True
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
        _feed(guard, take, piece)
    return True


def _feed(guard: _PageGuard, take: Callable[[], None], piece: bytes) -> None:
    """Feed the guard a piece and take the pages it finished, also those finished before a refusal."""
    try:
        guard.feed(piece)
    finally:
        take()


_PAGE_TAG_LENGTH = len(b"<page")


def _page_start(data: bytes) -> int:
    """Where the first page begins in ``data`` (a ``<page`` tag, perhaps cut at the end), or -1."""
    at = data.find(b"<page")
    while at >= 0 and at + _PAGE_TAG_LENGTH < len(data) and data[at + 5:at + 6] not in _AFTER_NAME:
        at = data.find(b"<page", at + 1)
    return at


def _feed_blocks(file: IO[bytes], job: Job, guard: _PageGuard, take: Callable[[], None],
                 problems: list[str]) -> bool:
    """Feed the guard the pages that begin in the bz2 blocks beginning in ``job``'s range of a single-stream dump:
    what comes before the range's first page is the end of the page before, read by the range before (the first
    range's is the dump's header); the range's last page is finished from the blocks after the range. A damaged
    block of the range costs its pages and the page open there (said in ``problems``), and the reading goes on
    from the next page after it. Returns False when damage after the range cuts its last page short (the range
    that holds the damage says so)."""
    started = not job.offset  # the first range begins with the dump's header, which the guard takes as such
    carry = b""  # the range's last bytes while no page has begun in it, where a page's tag may have begun
    tail = b""  # the last bytes fed, where a closing </page> may have begun
    scanned = 0  # bytes read while no page has begun

    for piece, owned in blocks(file, job.offset or 0, job.length or 0):
        if isinstance(piece, BlockDamage):
            if not owned:
                return False
            problems.append(f"{piece}: the pages in {'them' if str(piece).startswith('the bytes') else 'it'} are lost")
            guard.drop_page()
            started, carry, tail, scanned = False, b"", b"", 0
            continue
        if not started:
            scanned += len(piece)
            if scanned > SKIP_FACTOR * MAX_REVISION_CHARS:
                return True  # a page of the range before that goes on past any size (refused by that range)
            data = carry + piece
            at = _page_start(data)
            if at < 0 or not owned and at >= len(carry):
                if not owned:
                    break  # no page begins in the range
                carry = data[-_PAGE_TAG_LENGTH:]
                continue
            started, piece = True, data[at:]
            if not owned:  # the tag began at the range's end: its start is fed, the rest read as beyond it
                _feed(guard, take, data[at:len(carry)])
                tail, piece = data[at:len(carry)][-len(b"</page"):], data[len(carry):]
        if owned:
            _feed(guard, take, piece)
            tail = (tail + piece)[-len(b"</page"):]
            continue
        # Beyond the range: only the page begun in it is read, up to its end.
        while piece and (guard.inside_page or guard.may_begin_page):
            window = tail + piece
            end = window.find(b"</page>")
            cut = len(piece) if end < 0 else end + len(b"</page>") - len(tail)
            _feed(guard, take, piece[:cut])
            tail = (tail + piece[:cut])[-len(b"</page"):] if end < 0 else b""
            piece = piece[cut:]
        if not (guard.inside_page or guard.may_begin_page):
            break
    return True


# A range of a single-stream bz2 dump that a worker reads by itself (expand_stream): a few MB, so that the block
# each worker reads past its range to finish its last page costs a few per cent (a tenth at 2 MiB). Set by the
# dump's size alone, so that a resumed run cuts the same ranges; a dump smaller than two ranges is read whole.
RANGE_BYTES = 8 << 20
MIN_RANGE_BYTES = 2 << 20


def range_bytes(size: int) -> int:
    """How large the ranges of a single-stream bz2 dump of ``size`` bytes are; 0 for one read whole."""
    if size < 2 * MIN_RANGE_BYTES:
        return 0
    return max(MIN_RANGE_BYTES, min(RANGE_BYTES, size // 16))


def iter_block_ranges(path: Path, tally: PageTally | None = None, *, step: int | None = None) -> Iterator[Job]:
    """A single-stream bz2 dump as ranges of its bytes (``step`` each, by default :func:`range_bytes`), each read,
    decompressed and split by a worker (:func:`expand_stream`), so that decompression runs in parallel too."""
    try:
        size = path.stat().st_size
        with path.open("rb") as file, bz2.BZ2File(file) as opened:
            head = opened.read(HEADER_CHARS)  # the site info, before the first page
    except (OSError, EOFError, ValueError) as exc:
        raise FilmgraphError(f"{path}: cannot read dump: {_reason(exc)}") from exc
    head = head[:max(0, _page_start(head))] if _page_start(head) >= 0 else head
    if b"<mediawiki" not in head:
        raise FilmgraphError(f"{path}: cannot read dump: not a MediaWiki XML dump (no <mediawiki> element before "
                             "its first page)")
    wiki = _wiki_of(head)
    step = step or range_bytes(size) or size
    if tally is not None:
        tally.bytes_total += size
    for start in range(0, size, step):
        length = min(step, size - start)
        yield Job(f"{path}@{start}", path=str(path), wiki=wiki, offset=start, length=length, blocks=True)
    problem = _end_problem(path)
    if problem:
        yield Job(str(path), error=f"{path}: cannot read dump: {problem}")


def _end_problem(path: Path) -> str | None:
    """What is wrong with the end of a single-stream bz2 dump's text, when a range cannot tell: the text ends
    after a page, without the dump's ``</mediawiki>``. (A dump that ends inside a page is said by the range of
    that page, and a damaged end by the range of its block.)"""
    try:
        with path.open("rb") as file:
            text = last_text(file)
    except OSError as exc:
        return _reason(exc)
    if text is None or text.rstrip().endswith(b"</mediawiki>"):
        return None
    if text.rfind(b"</page>") > text.rfind(b"<page"):
        return "it ends before </mediawiki> (cut short?)"
    return None


ARTICLE_SUFFIXES = frozenset({".txt", ".wiki", ".wikitext", ".mediawiki"})


def iter_jobs(inputs: Iterable[str | Path], *, suffixes: Iterable[str] = ARTICLE_SUFFIXES,
              tally: PageTally | None = None, parse: bool = True) -> Iterator[Job]:
    """Expand inputs lazily: folders to their files with ``suffixes``, dumps to their film pages, anything
    else as it is. An input that cannot be expanded, or a dump damaged part-way, yields a Job holding its error
    (after the pages read before the damage). What is read is counted in ``tally``; without ``parse``, a
    dump's candidate pages come unparsed (``Job.xml``, for :func:`read_page` in a worker)."""
    wanted = frozenset(suffixes)
    tally = tally if tally is not None else PageTally()
    for item in inputs:
        path = Path(item)
        if str(item) != "-" and path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in wanted)
            sizes = [_size(child) for child in files]
            tally.bytes_total += sum(sizes)
            for child, size in zip(files, sizes, strict=True):
                tally.pages += 1
                tally.bytes_read += size
                yield Job(str(child), path=str(child))
        elif path.name.lower().endswith(DUMP_SUFFIXES):
            try:
                index = index_of(path)
                if index:
                    yield from iter_streams(path, index, tally)
                elif not parse and path.name.lower().endswith(".bz2") and range_bytes(_size(path)):
                    yield from iter_block_ranges(path, tally)
                else:
                    yield from (iter_dump(path, tally) if parse else iter_raw_dump(path, tally))
            except FilmgraphError as exc:
                yield Job(str(path), error=str(exc))
        else:
            tally.pages += 1
            yield Job(str(item), path=str(item))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def iter_pages(inputs: Iterable[str | Path], *, suffixes: Iterable[str] = ARTICLE_SUFFIXES) -> Iterator[Job]:
    """As :func:`iter_jobs`, with the streams of multistream dumps read here, page by page."""
    for job in iter_jobs(inputs, suffixes=suffixes):
        yield from stream_pages(job) if job.is_stream else [job]


def stream_pages(job: Job, tally: PageTally | None = None) -> list[Job]:
    """The film pages of a dump stream, or one Job holding why the stream cannot be read; its bytes are counted
    as read in ``tally`` once it is (a progress bar moves as the workers read, not as ranges are handed out)."""
    try:
        return expand_stream(job, tally)
    except FilmgraphError as exc:
        return [Job(job.name, error=str(exc))]
    finally:
        if tally is not None:
            tally.bytes_read += job.length or 0
