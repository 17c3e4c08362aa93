"""`filmgraph serve` under load: requests/s and p50/p99 latency for a film page, a person page with a long
filmography, a film's Turtle document and a SPARQL query, at 1 and at 8 concurrent clients, with 1 and with 2
server worker processes.

Builds a store of N films: the corpus pages, exported once, repeated under other titles (each copy its own film,
article, statements and unlinked people; the people, companies and categories the pages link are shared, so a
linked actor's filmography grows with N), and its films' records beside it (as ``filmgraph load --records``
writes them: a film's document and page are answered from its record). Starts `filmgraph serve` (its answer cache
on, as served) on a free port of 127.0.0.1 in its own process and asks it from client threads over keep-alive
connections; only 127.0.0.1 is ever contacted.

Every request of a "cold" run asks for a resource not asked for before in that server's life (distinct films; the
people with the most films, longest first), so each answer is built for its request; the "warm" run then asks for
the same resources again, which the server answers from its cache (a SPARQL answer is never cached; with several
workers, from the answers they share: a warm request may reach one that has not built the answer, and read it from
the shared folder). Beside the
latency, the processor time each answer cost the server (its Server-Timing header): on a shared machine the
latency also measures the machine's other load, the processor time only the page's work. The clients run on the
cores the server uses: each is a thread with a connection of its own, opened before the clock starts, that writes a
request and reads its answer with no more parsing than its status, headers and length; what they cost is the
``client`` column (this process's processor time over the run, ms an answer).

Usage: ``python benchmarks/serve.py [--films N] [--requests R] [--workers 1 2] [--store DIR]`` (default 5,000
films, 100 requests at 1 client and 50 per client at 8; ``--store`` keeps the built store for another run).
Target: a page under 50 ms at p99 at 5,000 films.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pyoxigraph as ox

from filmgraph import RdfFormat
from filmgraph.pipeline import export_one

ROOT = Path(__file__).resolve().parents[1]
MINTED = "https://example.org/filmgraph/"
_OWN = "film|article|statement|role|reference|screening|tally"


def corpus_films() -> list[tuple[str, str, str]]:
    """(slug, title, N-Quads) of every corpus page that exports a film."""
    films = []
    for path in sorted((ROOT / "tests" / "corpus").glob("*.wiki")):
        result = export_one(path, output_dir=None, formats=(RdfFormat.N_QUADS,))
        if result.error is not None:
            continue
        text = result.texts[RdfFormat.N_QUADS]
        match = re.search(rf"<{re.escape(MINTED)}film/([^/>]+)> <http://www\.w3\.org/1999/02/22-rdf-syntax-ns#type> "
                          r"<http://schema\.org/Movie>", text)
        title = re.search(rf"<{re.escape(MINTED)}film/{re.escape(match.group(1))}> <http://schema\.org/name> "
                          r'"((?:[^"\\]|\\.)*)"', text) if match else None
        if match and title:
            films.append((match.group(1), title.group(1), text))
    return films


def copy_of(slug: str, title: str, text: str, number: int) -> str:
    """The film's quads as another film: its own nodes renamed, its title numbered."""
    if number == 0:
        return text
    own = re.compile(rf"<{re.escape(MINTED)}({_OWN})/{re.escape(slug)}(?=[/>])")
    text = own.sub(lambda m: f"<{MINTED}{m.group(1)}/{slug}-{number}", text)
    film = f"<{MINTED}film/{slug}-{number}>"
    for prop in ("<http://schema.org/name>", "<http://www.w3.org/2000/01/rdf-schema#label>"):
        text = text.replace(f'{film} {prop} "{title}"', f'{film} {prop} "{title} {number}"')
    return text


def build_store(folder: Path, count: int) -> tuple[list[str], list[tuple[str, int]]]:
    """A store of ``count`` films; their IRIs, and the 1,000 linked actors with the most films (with their number
    of films), most first."""
    films = corpus_films()
    store = ox.Store(str(folder))
    iris = []
    batch = []
    for number in range(count):
        slug, title, text = films[number % len(films)]
        copy = number // len(films)
        batch.append(copy_of(slug, title, text, copy))
        iris.append(f"{MINTED}film/{slug}" + (f"-{copy}" if copy else ""))
        if len(batch) >= 200:
            store.bulk_load(input="".join(batch).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
            batch = []
    if batch:
        store.bulk_load(input="".join(batch).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    busiest = store.query(
        "SELECT ?person (COUNT(DISTINCT ?film) AS ?films) WHERE { GRAPH ?g { ?film <http://schema.org/actor> ?role . "
        "?role <http://schema.org/actor> ?person } FILTER(STRSTARTS(STR(?person), \"" + MINTED + "person/\")) } "
        "GROUP BY ?person ORDER BY DESC(?films) ?person LIMIT 1000")
    people = [(row["person"].value, int(row["films"].value)) for row in busiest]
    print(f"store: {count} films ({len(films)} corpus pages repeated), {len(store):,} quads; the 20 busiest linked "
          f"actors are in {people[19][1]}–{people[0][1]} films each")
    store.flush()
    del store
    return iris, people


def start_server(folder: Path, cache_mb: float, workers: int) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-m", "filmgraph", "serve", "--store", str(folder), "--bind", "127.0.0.1:0",
               "--threads", "8", "--cache-mb", str(cache_mb), *(["--workers", str(workers)] if workers > 1 else [])]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    assert process.stderr is not None
    line = process.stderr.readline()
    match = re.search(r"listening on (http://127\.0\.0\.1:\d+/)", line)
    if not match:
        process.kill()
        raise SystemExit("the server did not start: " + line + process.stderr.read())
    return process, match.group(1)


class Connection:
    """A keep-alive HTTP/1.1 connection that costs its client little: a request is one prepared write, an answer
    is read by its status line, its headers split at their colon and its Content-Length (http.client parses headers
    with the email package, which costs the client more than some of the answers cost the server, on the cores the
    server shares)."""

    def __init__(self, host: str, port: int) -> None:
        self._socket = socket.create_connection((host, port), timeout=60)
        self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._reader = self._socket.makefile("rb")
        self._host = f"{host}:{port}"

    def get(self, path: str, accept: str) -> tuple[int, dict[str, str], bytes]:
        self._socket.sendall(f"GET {path} HTTP/1.1\r\nHost: {self._host}\r\nAccept: {accept}\r\n\r\n"
                             .encode("latin-1"))
        status = int(self._reader.readline().split(b" ", 2)[1])
        headers: dict[str, str] = {}
        while (line := self._reader.readline()) not in (b"\r\n", b"\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        return status, headers, self._reader.read(int(headers.get("content-length", 0)))

    def close(self) -> None:
        self._reader.close()
        self._socket.close()


def run_case(address: str, paths: list[str], accept: str, clients: int
             ) -> tuple[float, float, float, float, float, float]:
    """requests/s, p50 and p99 latency (ms), p50 and p99 of the processor time the server says each answer cost it
    (ms: its Server-Timing header), and the processor time the clients spent on an answer (ms, this process's over
    the run, every client thread's), over ``clients`` connections, each asking for its share of ``paths`` (every
    path once)."""
    host = urlsplit(address)
    latencies: list[float] = []
    costs: list[float] = []
    lock = threading.Lock()
    failures: list[str] = []
    assert host.hostname is not None and host.port is not None
    connections = [Connection(host.hostname, host.port) for _ in range(clients)]  # opened before the clock starts

    def client(connection: Connection, mine: list[str]) -> None:
        taken: list[float] = []
        spent: list[float] = []
        for path in mine:
            begin = time.perf_counter()
            status, headers, _ = connection.get(path, accept)
            taken.append(time.perf_counter() - begin)
            if status != 200:
                failures.append(f"{status} {path}")
            cost = re.search(r"cpu;dur=([\d.]+)", headers.get("server-timing", ""))
            if cost:
                spent.append(float(cost.group(1)))
        with lock:
            latencies.extend(taken)
            costs.extend(spent)

    threads = [threading.Thread(target=client, args=(connections[number], paths[number::clients]))
               for number in range(clients)]
    begin, client_cpu = time.perf_counter(), time.process_time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed, client_cpu = time.perf_counter() - begin, time.process_time() - client_cpu
    for connection in connections:
        connection.close()
    if failures:
        raise SystemExit(f"{len(failures)} failed requests, e.g. {failures[0]}")
    latencies.sort()
    costs.sort()
    return (len(latencies) / elapsed, statistics.median(latencies) * 1000, _p99(latencies) * 1000,
            statistics.median(costs) if costs else 0.0, _p99(costs) if costs else 0.0,
            client_cpu * 1000 / len(latencies))


def _p99(values: list[float]) -> float:
    return values[min(len(values) - 1, int(len(values) * 0.99))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--films", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=100,
                        help="requests at 1 client; at 8 clients each client asks for half as many")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="server worker processes to try")
    parser.add_argument("--cache-mb", type=float, default=64, help="the server's cache (as served by default)")
    parser.add_argument("--store", type=Path, help="build the store here, or use the one built here before (for "
                                                  "repeated runs)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = options.store or Path(folder) / "store"
        listing = store.with_name(store.name + ".json")
        if options.store and listing.exists():
            iris, people = json.loads(listing.read_text(encoding="utf-8"))
            print(f"store: {len(iris)} films, built before at {store}")
        else:
            begin = time.perf_counter()
            iris, people = build_store(store, options.films)
            print(f"built in {time.perf_counter() - begin:.1f} s")
            if options.store:
                listing.write_text(json.dumps([iris, people]), encoding="utf-8")
        write_records(store)
        for workers in options.workers:
            begin = time.perf_counter()
            process, address = start_server(store, options.cache_mb, workers)
            print(f"\n{workers} worker{'s' * (workers != 1)}: server up in {time.perf_counter() - begin:.1f} s at "
                  f"{address} (load average {' '.join(f'{load:.2f}' for load in os.getloadavg())})")
            try:
                measure(address, iris, people, options.requests)
            finally:
                process.terminate()
                process.wait(30)


def write_records(store: Path) -> None:
    """The films' records beside the store, as ``filmgraph load --records`` writes them (unless written before, of
    this store as it is, by this code), timed."""
    from filmgraph.web.published import store_time
    from filmgraph.web.records import code_fingerprint, read_about
    from filmgraph.web.site import write_records as write

    about = read_about(store)
    if about is None or about.stamp != store_time(store) or about.fingerprint != code_fingerprint():
        begin = time.perf_counter()
        written = write(store)
        print(f"records written in {time.perf_counter() - begin:.1f} s ({written.path.stat().st_size / 2**20:.1f} MB)")


def measure(address: str, iris: list[str], people: list[tuple[str, int]], requests: int) -> None:
    """Each case at 1 and at 8 clients, cold (resources not asked for before) then warm (the same again)."""
    films = [urlsplit(address.rstrip("/") + "/" + iri[len(MINTED):]).path for iri in iris]
    person_paths = [urlsplit(address + person[len(MINTED):]).path for person, _ in people]
    films_of = {path: count for path, (_, count) in zip(person_paths, people, strict=True)}
    pattern = ("SELECT DISTINCT ?film ?title WHERE {{ ?film schema:actor/schema:actor <{}> ; "
               "schema:name ?title }} ORDER BY ?title LIMIT 100")
    queries = ["/sparql?" + urlencode({"query": pattern.format(address + person[len(MINTED):])})
               for person, _ in people]
    cases = [("film page", films[: len(films) // 2], "text/html"),
             ("person page (most films first)", person_paths, "text/html"),
             ("film as Turtle", films[len(films) // 2:], "text/turtle"),
             ("SPARQL query (an actor's films)", queries, "application/sparql-results+json")]
    run_case(address, ["/films"], "text/html", 1)  # warm up
    print(f"{'case':32s} {'clients':>7s} {'asked':>5s} | {'cold req/s':>10s} {'p50 ms':>7s} {'p99 ms':>7s} "
          f"{'cpu p50':>7s} {'cpu p99':>7s} {'client':>6s} | {'warm req/s':>10s} {'p50 ms':>7s} {'p99 ms':>7s} "
          f"{'client':>6s}")
    for name, paths, accept in cases:
        start = 0
        for clients in (1, 8):
            chosen = paths[start:start + (requests if clients == 1 else clients * max(1, requests // 2))]
            start += len(chosen)
            if not chosen:
                print(f"{name:32s} {clients:7d}: no resource left that was not asked for before")
                continue
            cold = run_case(address, chosen, accept, clients)
            warm = run_case(address, chosen, accept, clients)
            sizes = [films_of[path] for path in chosen if path in films_of]
            note = f"  ({min(sizes)}–{max(sizes)} films each)" if sizes else ""
            print(f"{name:32s} {clients:7d} {len(chosen):5d} | {cold[0]:10.1f} {cold[1]:7.1f} {cold[2]:7.1f} "
                  f"{cold[3]:7.1f} {cold[4]:7.1f} {cold[5]:6.2f} | {warm[0]:10.1f} {warm[1]:7.1f} {warm[2]:7.1f} "
                  f"{warm[5]:6.2f}{note}")


if __name__ == "__main__":
    main()
