"""Wikidata items of wiki pages from a file, for dumps and offline work.

The file is either two columns, page title and item (``Heat (1995 film)<TAB>Q221…``), or the wiki's
``page_props`` SQL dump (``enwiki-…-page_props.sql.gz``: page id → ``wikibase_item``) with the ``page``
dump beside it (``enwiki-…-page.sql.gz``: page id → title); ``.gz``/``.bz2`` files are read as they are.
It is streamed once into an SQLite index beside it (``FILE.sqlite``), never loaded whole into memory;
lookups then cost one indexed query per batch of titles.
"""

from __future__ import annotations

import bz2
import gzip
import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from filmgraph.errors import FilmgraphError
from filmgraph.identifiers import is_item
from filmgraph.pages import normalize_title


def _open(path: Path) -> IO[str]:
    name = path.name.lower()
    if name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    if name.endswith(".bz2"):
        return bz2.open(path, "rt", encoding="utf-8", errors="replace")
    return path.open(encoding="utf-8", errors="replace")


def _key(title: str) -> str:
    return normalize_title(title)


class ItemFile:
    """Title → item lookups against a two-column file, through an SQLite index built on first use."""

    def __init__(self, path: str | Path, *, index: str | Path | None = None) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise FilmgraphError(f"{self.path}: no such items file")
        self.index = Path(index) if index else self.path.with_name(self.path.name + ".sqlite")
        try:
            fresh = self.index.exists() and self.index.stat().st_mtime >= self.path.stat().st_mtime
            if not fresh:
                self._build()
            self.db = sqlite3.connect(self.index)
        except (OSError, sqlite3.Error) as exc:
            raise FilmgraphError(f"{self.path}: cannot index items: {exc}") from exc

    def _build(self) -> None:
        temporary = self.index.with_name(self.index.name + ".tmp")
        temporary.unlink(missing_ok=True)
        db = sqlite3.connect(temporary)
        try:
            db.execute("CREATE TABLE items (title TEXT PRIMARY KEY, item TEXT NOT NULL)")
            if _PAGE_PROPS_RE.search(self.path.name):
                _build_from_sql(db, self.path)
            else:
                _build_from_tsv(db, self.path)
            db.commit()
        finally:
            db.close()
        try:
            temporary.replace(self.index)
        finally:
            temporary.unlink(missing_ok=True)

    def items(self, titles: Iterable[str]) -> dict[str, str]:
        wanted = list(dict.fromkeys(t for t in titles if t))
        found: dict[str, str] = {}
        for start in range(0, len(wanted), 500):
            batch = wanted[start:start + 500]
            keys = {_key(t): t for t in batch}
            marks = ",".join("?" * len(keys))
            for title, item in self.db.execute(f"SELECT title, item FROM items WHERE title IN ({marks})",
                                               list(keys)):
                if is_item(item):  # an index built by another version, or edited: still checked
                    found[keys[title]] = item
        return found

    def close(self) -> None:
        self.db.close()


def _build_from_tsv(db: sqlite3.Connection, path: Path) -> None:
    with _open(path) as stream:
        batch: list[tuple[str, str]] = []
        for line in stream:
            title, _, item = line.rstrip("\n").partition("\t")
            item = item.strip()
            if title and is_item(item):
                batch.append((_key(title), item))
            if len(batch) >= 10_000:
                db.executemany("INSERT OR REPLACE INTO items VALUES (?, ?)", batch)
                batch.clear()
        db.executemany("INSERT OR REPLACE INTO items VALUES (?, ?)", batch)


_PAGE_PROPS_RE = re.compile(r"page_props\.sql(?:\.gz|\.bz2)?$")
# A row of an INSERT statement, by its first columns: `page` (id, namespace, 'title', …) and
# `page_props` (page, 'propname', 'value', …). Strings escape quotes and backslashes with a backslash.
_PAGE_ROW_RE = re.compile(r"(?:VALUES |\),)\((\d+),0,'((?:[^'\\]|\\.)*)'")
_ITEM_ROW_RE = re.compile(r"(?:VALUES |\),)\((\d+),'wikibase_item','(Q[1-9][0-9]*)'")
_SQL_ESCAPE_RE = re.compile(r"\\(.)")


def _build_from_sql(db: sqlite3.Connection, path: Path) -> None:
    """Join the page_props dump (page id → item) with the page dump beside it (page id → title)."""
    pages = path.with_name(_PAGE_PROPS_RE.sub(lambda m: m.group(0).replace("page_props", "page"), path.name))
    if not pages.is_file():
        raise FilmgraphError(f"{path}: the page table dump {pages.name} must lie beside it (page ids → titles)")
    db.execute("CREATE TABLE pages (id INTEGER PRIMARY KEY, title TEXT NOT NULL)")
    db.execute("CREATE TABLE props (id INTEGER PRIMARY KEY, item TEXT NOT NULL)")
    for dump, table, pattern in ((pages, "pages", _PAGE_ROW_RE), (path, "props", _ITEM_ROW_RE)):
        with _open(dump) as stream:
            for line in stream:  # one INSERT statement a line, a few thousand rows each
                if line.startswith("INSERT INTO"):
                    rows = [(int(number), _SQL_ESCAPE_RE.sub(r"\1", text)) for number, text in pattern.findall(line)]
                    db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", rows)
    # The page table's titles are already canonical (first letter upper case); underscores become spaces.
    db.execute("INSERT OR REPLACE INTO items SELECT replace(pages.title, '_', ' '), props.item "
               "FROM props JOIN pages USING (id)")
    db.execute("DROP TABLE pages")
    db.execute("DROP TABLE props")
