"""The film pages of MediaWiki XML dumps (mwxml), streamed page by page, compressed or not."""

from __future__ import annotations

import bz2
import gzip
import lzma
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from urllib.parse import quote

from filmgraph.errors import FilmgraphError

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
