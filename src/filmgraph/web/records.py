"""Film records: what a server answers for each film (its description's triples, and its page) written once,
next to the store, so that a server answers a film's document and page without reading them from the store.

Reading a film's description costs its decoding (~5 µs a triple, 450 triples a film on average: 3–4 ms, 15 at p99
at 5,000 films); parsing it back from its record costs a fifth of that. A film's page costs as much again in
Python (its tables, its JSON-LD, its diagram); from its record it costs a read and a copy. The records are a
SQLite file beside the store folder (``<store>.records``): a film's minted IRI, its triples as compressed
N-Triples in the description's order (so that a document written from them is the same bytes), and its page as
compressed HTML built under a stand-in address (:attr:`RecordsAbout.address`, a random ``.invalid`` host) and with
a stand-in for the store's load time, which the server replaces with its own base and the time of the store it
opened (the only text of a page that depends on the server, or on a load of another film).

A record is right only for the store it was read from, and for the code that built it: the file keeps the store's
time (:func:`filmgraph.web.published.store_time`, its newest file) as it was written and a fingerprint of the code
(:func:`code_fingerprint`), and a server uses the records only when the store it opened has that time and its code
that fingerprint. A store loaded again (or changed by any other program) has another time, and its films are read
from the store until the records are written again; nothing stale is ever served.

What each record was read from is kept too, so that a load rewrites only the records it may have changed: the
named graphs that held the film's triples (and those of its statements, roles…) or its page's, and the IRIs its
page linked (or not) by whether the store describes them. So are the credits each film gives (who did what on
it), from which a server makes every person's and company's filmography as it starts, instead of a query over the
whole store.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import threading
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import pyoxigraph as ox

_COMPRESSION = 6  # zlib level: 70 KB of N-Triples a film → 4 KB, 20 MB for 5,000 films
_LAYOUT = 4  # the file's tables (1: triples alone); records of another layout are written again


# The code a record is built by: a record built by other code (another version of filmgraph) is not read.
_RECORDED_BY = ("filmgraph.web.site", "filmgraph.web.page", "filmgraph.web.draw", "filmgraph.web.published",
                "filmgraph.web.records", "filmgraph.rdf.vocab")
_fingerprint: list[str] = []


def code_fingerprint() -> str:
    """A fingerprint of the code that builds a record (its modules' source): what a film's description, page and
    credits are depends on it."""
    if not _fingerprint:
        import importlib

        digest = hashlib.sha1()
        for name in _RECORDED_BY:
            module = importlib.import_module(name)
            digest.update(Path(module.__file__).read_bytes() if module.__file__ else name.encode())
        _fingerprint.append(digest.hexdigest()[:20])
    return _fingerprint[0]


def records_path(store: str | Path) -> Path:
    """Where the records of the store at ``store`` are kept: a file beside its folder (never inside it, where the
    store's own files tell its time)."""
    folder = Path(store)
    return folder.with_name(folder.name + ".records")


class CreditRow(NamedTuple):
    """One link that credits a node on a film (what :meth:`filmgraph.web.published.Published.filmographies` reads):
    the node and the film (minted IRIs), the link (its number in ``CREDIT_LINKS``), and, through a role node, the
    role node and one of its details (a character, a role name; None: none)."""

    who: str
    kind: int
    film: str
    role: str | None
    detail: str | None



@dataclass
class FilmRecord:
    """What is recorded of one film: its description (pyoxigraph triples, minted IRIs), its page (HTML under the
    records' placeholder address; None: the page is built from the store), the named graphs both were read from,
    the IRIs the page asked the store about (whether the store describes each: a link depends on it), and the
    credits the film gives (the people's and companies' filmographies, read from the records as a server
    starts)."""

    iri: str
    triples: list[Any]
    page: str | None = None
    graphs: set[str] = field(default_factory=set)
    checked: dict[str, bool] = field(default_factory=dict)
    credits: list[CreditRow] = field(default_factory=list)


@dataclass(frozen=True)
class RecordsAbout:
    """A records file's stamp: the store's time it was written from, the token of its pages' placeholders, and
    the fingerprint of the code that built them."""

    stamp: float
    token: str
    fingerprint: str

    @property
    def address(self) -> str:
        """What stands for the server's base in the recorded pages (no store's IRI begins with it: an ``.invalid``
        host, named by a token drawn as the records are written)."""
        return f"http://records-{self.token}.invalid/"

    @property
    def loaded(self) -> str:
        """What stands for the store's load time in the recorded pages (the time of the store the server opened
        is shown)."""
        return f"loaded-{self.token}"


def read_about(store: str | Path) -> RecordsAbout | None:
    """The stamp of the store's records, or None (no records, records of an older layout, or no records file)."""
    path = records_path(store)
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT stamp, token, fingerprint, layout FROM about").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None  # not a records file, a damaged one, or one of an older layout
    return RecordsAbout(row[0], row[1], row[2]) if row is not None and row[3] == _LAYOUT else None


def _compressed(text: bytes) -> bytes:
    return zlib.compress(text, _COMPRESSION)


def _insert(connection: sqlite3.Connection, records: Iterable[FilmRecord]) -> int:
    count = 0
    for record in records:
        for table in ("reads", "checked"):
            connection.execute(f"DELETE FROM {table} WHERE film = ?", (record.iri,))
        credits = [[row.who, row.kind, row.role, row.detail] for row in record.credits]
        connection.execute("INSERT OR REPLACE INTO film VALUES (?, ?, ?, ?)", (
            record.iri, _compressed(ox.serialize(record.triples, format=ox.RdfFormat.N_TRIPLES)),
            None if record.page is None else _compressed(record.page.encode("utf-8")),
            _compressed(json.dumps(credits, ensure_ascii=False).encode("utf-8"))))
        connection.executemany("INSERT OR IGNORE INTO reads VALUES (?, ?)",
                               ((graph, record.iri) for graph in sorted(record.graphs)))
        connection.executemany("INSERT OR IGNORE INTO checked VALUES (?, ?, ?)",
                               ((iri, record.iri, int(found)) for iri, found in sorted(record.checked.items())))
        count += 1
    return count


def save_records(store: str | Path, about: RecordsAbout, records: Iterable[FilmRecord], *,
                 keep: bool = False, removed: Iterable[str] = ()) -> tuple[Path, int]:
    """Write ``records`` for the store at ``store`` as it is at ``about.stamp``: all of them anew, or (``keep``)
    over a copy of the records there, those of ``removed`` films dropped. The file is built under another name
    and renamed over the old records once whole, so that a server opening them reads either set, never half of
    one. Returns the file and the number of records written."""
    target = records_path(store)
    building = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    building.unlink(missing_ok=True)
    try:
        if keep:
            shutil.copyfile(target, building)
        with sqlite3.connect(building) as connection:
            if keep:
                connection.execute("DELETE FROM about")
            else:
                connection.execute("CREATE TABLE about (stamp REAL NOT NULL, token TEXT NOT NULL, "
                                   "fingerprint TEXT NOT NULL, layout INTEGER NOT NULL)")
                connection.execute("CREATE TABLE film (iri TEXT PRIMARY KEY, triples BLOB NOT NULL, page BLOB, "
                                   "credits BLOB NOT NULL) WITHOUT ROWID")
                connection.execute("CREATE TABLE reads (graph TEXT NOT NULL, film TEXT NOT NULL, "
                                   "PRIMARY KEY (graph, film)) WITHOUT ROWID")
                connection.execute("CREATE INDEX reads_by_film ON reads (film)")
                connection.execute("CREATE TABLE checked (iri TEXT NOT NULL, film TEXT NOT NULL, "
                                   "found INTEGER NOT NULL, PRIMARY KEY (iri, film)) WITHOUT ROWID")
                connection.execute("CREATE INDEX checked_by_film ON checked (film)")
            connection.execute("INSERT INTO about VALUES (?, ?, ?, ?)",
                               (about.stamp, about.token, about.fingerprint, _LAYOUT))
            for film in removed:
                for table, column in (("film", "iri"), ("reads", "film"), ("checked", "film")):
                    connection.execute(f"DELETE FROM {table} WHERE {column} = ?", (film,))
            count = _insert(connection, records)
        connection.close()
        os.replace(building, target)
    finally:
        building.unlink(missing_ok=True)
    return target, count


class FilmRecords:
    """The records of a store, read by a server's threads (a read-only SQLite connection each)."""

    def __init__(self, path: Path, about: RecordsAbout) -> None:
        self._uri = f"{path.resolve().as_uri()}?mode=ro"
        self._local = threading.local()
        self.about = about

    @classmethod
    def open(cls, store: str | Path, stamp: float) -> FilmRecords | None:
        """The store's records if they were written from it as it is now (its time is ``stamp``) by this code, else
        None (no records, records of the store before it was loaded again, or records built by other code)."""
        about = read_about(store)
        if about is None or about.stamp != stamp or about.fingerprint != code_fingerprint():
            return None
        return cls(records_path(store), about)

    def _connection(self) -> sqlite3.Connection | None:
        """This thread's connection, or None when the file there now is not the one opened (records written
        again, for a store loaded again since: a thread that opens it after the others must not read them)."""
        if not hasattr(self._local, "connection"):
            connection: sqlite3.Connection | None = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
            assert connection is not None
            try:
                row = connection.execute("SELECT stamp FROM about").fetchone()
            except sqlite3.Error:
                row = None
            if row is None or row[0] != self.about.stamp:
                connection.close()
                connection = None
            self._local.connection = connection
        return self._local.connection

    def _blob(self, column: str, iri: str) -> bytes | None:
        connection = self._connection()
        if connection is None:
            return None
        row = connection.execute(f"SELECT {column} FROM film WHERE iri = ?", (iri,)).fetchone()
        return zlib.decompress(row[0]) if row is not None and row[0] is not None else None

    def triples(self, iri: str) -> list[Any] | None:
        """A film's recorded triples (pyoxigraph triples, minted IRIs, in their description's order), or None
        when the film has no record."""
        text = self._blob("triples", iri)
        return None if text is None else [quad.triple for quad in ox.parse(text, format=ox.RdfFormat.N_TRIPLES)]

    def credits(self, films: int) -> list[CreditRow] | None:
        """Every credit the recorded films give, when the records hold ``films`` films (every film the store
        lists), else None."""
        connection = self._connection()
        if connection is None or connection.execute("SELECT count(*) FROM film").fetchone()[0] != films:
            return None
        return [CreditRow(who, kind, film, role, detail)
                for film, credits in connection.execute("SELECT iri, credits FROM film")
                for who, kind, role, detail in json.loads(zlib.decompress(credits))]

    def page(self, iri: str) -> str | None:
        """A film's recorded page (HTML, its IRIs under ``about.address``, its load time ``about.loaded``), or
        None when it has none."""
        text = self._blob("page", iri)
        return None if text is None else text.decode("utf-8")


def recorded_films(store: str | Path) -> set[str]:
    """The minted IRIs of the films the store's records hold."""
    with _reading(store) as connection:
        return {row[0] for row in connection.execute("SELECT iri FROM film")}


def films_reading(store: str | Path, graphs: Iterable[str]) -> set[str]:
    """The recorded films whose record was read (in part) from one of ``graphs``."""
    with _reading(store) as connection:
        return {row[0] for graph in set(graphs)
                for row in connection.execute("SELECT film FROM reads WHERE graph = ?", (graph,))}


def checked_iris(store: str | Path) -> dict[str, list[tuple[str, bool]]]:
    """What the recorded pages asked the store about: each IRI, with the films that asked and what it answered
    them (whether the store described it)."""
    found: dict[str, list[tuple[str, bool]]] = {}
    with _reading(store) as connection:
        for iri, film, was in connection.execute("SELECT iri, film, found FROM checked"):
            found.setdefault(iri, []).append((film, bool(was)))
    return found


@contextmanager
def _reading(store: str | Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the store's records, closed on leaving."""
    connection = sqlite3.connect(f"{records_path(store).resolve().as_uri()}?mode=ro", uri=True)
    try:
        yield connection
    finally:
        connection.close()
