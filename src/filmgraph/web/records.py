"""Film records: each film's description (its document's triples) written once, next to the store, so that a
server answers a film's document without reading it from the store.

Reading a film's description costs its decoding (~5 µs a triple, 450 triples a film on average: 3–4 ms, 15 at p99
at 5,000 films); parsing it back from its record costs a fifth of that. The records are a SQLite file beside the
store folder (``<store>.records``): a film's minted IRI and its triples as compressed N-Triples, in the
description's order, so that a document written from them is the same bytes.

A record is right only for the store it was read from: the file keeps the store's time (:func:`store_time`, its
newest file) as it was written, and a server uses the records only when the store it opened has that time. A store
loaded again (or changed by any other program) has another, and its films are read from the store until the
records are written again; nothing stale is ever served.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

_COMPRESSION = 6  # zlib level: 70 KB of N-Triples a film → 4 KB, 20 MB for 5,000 films


def records_path(store: str | Path) -> Path:
    """Where the records of the store at ``store`` are kept: a file beside its folder (never inside it, where the
    store's own files tell its time)."""
    folder = Path(store)
    return folder.with_name(folder.name + ".records")


def write_records(store: str | Path, stamp: float, films: Iterable[str],
                  describe: Callable[[str], list[Any]]) -> Path:
    """Write the records of ``films`` (minted IRIs; ``describe`` gives each one's triples) for the store at
    ``store`` as it was at ``stamp`` (its :func:`store_time`): into a file of their own, renamed over the old
    records once whole, so that a server opening them reads either set, never half of one."""
    target = records_path(store)
    building = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    building.unlink(missing_ok=True)
    try:
        with sqlite3.connect(building) as connection:
            connection.execute("CREATE TABLE about (stamp REAL NOT NULL)")
            connection.execute("INSERT INTO about VALUES (?)", (stamp,))
            connection.execute("CREATE TABLE film (iri TEXT PRIMARY KEY, triples BLOB NOT NULL) WITHOUT ROWID")
            connection.executemany("INSERT OR REPLACE INTO film VALUES (?, ?)", (
                (iri, zlib.compress(ox.serialize(describe(iri), format=ox.RdfFormat.N_TRIPLES), _COMPRESSION))
                for iri in films))
        connection.close()
        os.replace(building, target)
    finally:
        building.unlink(missing_ok=True)
    return target


class FilmRecords:
    """The records of a store, read by a server's threads (a read-only SQLite connection each)."""

    def __init__(self, path: Path) -> None:
        self._uri = f"{path.resolve().as_uri()}?mode=ro"
        self._local = threading.local()

    @classmethod
    def open(cls, store: str | Path, stamp: float) -> FilmRecords | None:
        """The store's records if they were written from it as it is now (its time is ``stamp``), else None (no
        records, or records of the store before it was loaded again)."""
        path = records_path(store)
        if not path.is_file():
            return None
        records = cls(path)
        try:
            row = records._connection().execute("SELECT stamp FROM about").fetchone()
        except sqlite3.Error:
            return None  # not a records file (or a damaged one): read the store
        return records if row is not None and row[0] == stamp else None

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._local.connection = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
        return connection

    def triples(self, iri: str) -> list[Any] | None:
        """A film's recorded triples (pyoxigraph triples, minted IRIs, in their description's order), or None
        when the film has no record."""
        row = self._connection().execute("SELECT triples FROM film WHERE iri = ?", (iri,)).fetchone()
        if row is None:
            return None
        return [quad.triple for quad in ox.parse(zlib.decompress(row[0]), format=ox.RdfFormat.N_TRIPLES)]
