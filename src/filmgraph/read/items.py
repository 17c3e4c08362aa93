"""Wikidata items of wiki pages from a file, for dumps and offline work.

The file has two columns, page title and item (``Heat (1995 film)<TAB>Q221…``; a ``.gz``/``.bz2`` file
is read as it is). It is streamed once into an SQLite index beside it (``FILE.sqlite``), never loaded
whole into memory; lookups then cost one indexed query per batch of titles.
"""

from __future__ import annotations

import bz2
import gzip
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from filmgraph.errors import FilmgraphError


def _open(path: Path) -> IO[str]:
    name = path.name.lower()
    if name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    if name.endswith(".bz2"):
        return bz2.open(path, "rt", encoding="utf-8", errors="replace")
    return path.open(encoding="utf-8", errors="replace")


def _key(title: str) -> str:
    title = title.replace("_", " ").strip()
    return title[:1].upper() + title[1:]


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
        db.execute("CREATE TABLE items (title TEXT PRIMARY KEY, item TEXT NOT NULL)")
        with _open(self.path) as stream:
            batch: list[tuple[str, str]] = []
            for line in stream:
                title, _, item = line.rstrip("\n").partition("\t")
                item = item.strip()
                if title and item.startswith("Q") and item[1:].isdigit():
                    batch.append((_key(title), item))
                if len(batch) >= 10_000:
                    db.executemany("INSERT OR REPLACE INTO items VALUES (?, ?)", batch)
                    batch.clear()
            db.executemany("INSERT OR REPLACE INTO items VALUES (?, ?)", batch)
        db.commit()
        db.close()
        temporary.replace(self.index)

    def items(self, titles: Iterable[str]) -> dict[str, str]:
        wanted = list(dict.fromkeys(t for t in titles if t))
        found: dict[str, str] = {}
        for start in range(0, len(wanted), 500):
            batch = wanted[start:start + 500]
            keys = {_key(t): t for t in batch}
            marks = ",".join("?" * len(keys))
            for title, item in self.db.execute(f"SELECT title, item FROM items WHERE title IN ({marks})",
                                               list(keys)):
                found[keys[title]] = item
        return found

    def close(self) -> None:
        self.db.close()
