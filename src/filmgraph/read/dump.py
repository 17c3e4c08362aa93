"""The film pages of MediaWiki XML dumps (mwxml), streamed page by page, compressed or not."""

from __future__ import annotations

import bz2
import gzip
import lzma
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from urllib.parse import quote
from xml.etree import ElementTree

from filmgraph.errors import FilmgraphError
from filmgraph.formats import DUMP_SUFFIXES

_FILM_INFOBOX_RE = re.compile(r"\{\{\s*[Ii]nfobox[ _]film\b")


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


def iter_dump(path: Path) -> Iterator[Job]:
    """The film articles of a MediaWiki XML dump (main namespace, no redirects, a film infobox)."""
    import mwxml

    try:
        with _open_dump(path) as stream:
            dump = mwxml.Dump.from_file(stream)
            wiki = re.sub(r"/wiki/.*$", "/wiki/", dump.site_info.base or "") or None
            for page in dump.pages:
                if page.namespace != 0 or page.redirect:
                    continue
                text, revision_id, timestamp = None, None, None
                for revision in page:
                    # The last revision in the dump is the current one.
                    text, revision_id, timestamp = revision.text, revision.id, revision.timestamp
                if text and _FILM_INFOBOX_RE.search(text):
                    source = wiki + quote(page.title.replace(" ", "_"), safe="()_,:'!-.") if wiki else None
                    yield Job(f"{path}#{page.title}", title=page.title, text=text, source=source,
                              revision=str(revision_id) if revision_id is not None else None,
                              timestamp=_iso(timestamp), wiki=wiki)
    except (OSError, EOFError, ValueError, ElementTree.ParseError) as exc:
        # Damage part-way: the pages before it were yielded already; this line names the damage.
        reason = getattr(exc, "strerror", None) or (str(exc).splitlines() or [type(exc).__name__])[0]
        raise FilmgraphError(f"{path}: cannot read dump: {reason[:200]}") from exc


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
                yield from iter_dump(path)
            except FilmgraphError as exc:
                yield Job(str(path), error=str(exc))
        else:
            yield Job(str(item), path=str(item))
