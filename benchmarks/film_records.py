"""What a compact record of each film's description would cost and save `filmgraph serve` (issue 21: a film's
page and document at 5,000 films under 50 ms at p99 with 8 clients), measured before building it.

A film's document costs its description read from the store (:meth:`Published.description_triples`: each triple
decoded, ~5 µs); a record made once (the description as N-Triples, compressed) would be parsed back and written
instead. For a sample of the store's films this prints, in one process, processor time (``time.thread_time``):

- what building a record costs a film, and so the whole store (at start-up, or at load time);
- the record's size, raw and compressed, and the process's memory before and after holding the sample's records;
- a Turtle document written from the record against one written from the store, and whether the bytes are equal.

Usage: ``python benchmarks/film_records.py --store DIR [--films N]`` with a store built by
``benchmarks/serve.py --store DIR`` (its ``DIR.json`` lists the films).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
import zlib
from pathlib import Path

import pyoxigraph as ox

from filmgraph import RdfFormat
from filmgraph.web.published import Published, write_triples

BASE = "http://127.0.0.1:8000/"


def _rss_mb() -> float:
    """This process's resident memory now (Linux: /proc), MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _spread(costs: list[float]) -> str:
    ordered = sorted(costs)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"p50 {statistics.median(ordered):.2f} ms, p99 {p99:.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="a store built by benchmarks/serve.py --store")
    parser.add_argument("--films", type=int, default=500, help="films of the sample")
    options = parser.parse_args()
    iris, _ = json.loads(options.store.with_name(options.store.name + ".json").read_text(encoding="utf-8"))
    published = Published(options.store, base=BASE)
    films = [published.public(iri) for iri in iris[: options.films]]

    memory_before = _rss_mb()
    records: dict[str, bytes] = {}
    build: list[float] = []
    raw = 0
    for film in films:
        begin = time.thread_time()
        text = ox.serialize(published.description_triples(film), format=ox.RdfFormat.N_TRIPLES)
        records[film] = zlib.compress(text, 6)
        build.append((time.thread_time() - begin) * 1000)
        raw += len(text)
    memory_after = _rss_mb()
    packed = sum(map(len, records.values()))
    print(f"{len(films)} films of {len(iris)}: a record built in {_spread(build)} ({sum(build) / 1000:.1f} s; "
          f"{sum(build) / len(films) * len(iris) / 1000:.1f} s for the store's {len(iris)} films)")
    print(f"record: {raw / len(films) / 1024:.1f} KB raw, {packed / len(films) / 1024:.1f} KB compressed a film "
          f"({packed / len(films) * len(iris) / 2**20:.1f} MB for the store); memory {memory_before:.0f} -> "
          f"{memory_after:.0f} MB holding the sample's records")

    from_record: list[float] = []
    from_store: list[float] = []
    equal = 0
    for film in films:
        begin = time.thread_time()
        triples = list(ox.parse(zlib.decompress(records[film]), format=ox.RdfFormat.N_TRIPLES))
        written = write_triples(triples, RdfFormat.TURTLE)
        from_record.append((time.thread_time() - begin) * 1000)
        begin = time.thread_time()
        read = write_triples(published.description_triples(film), RdfFormat.TURTLE)
        from_store.append((time.thread_time() - begin) * 1000)
        equal += written == read
    print(f"Turtle document from the record: {_spread(from_record)}; from the store: {_spread(from_store)}; "
          f"{equal} of {len(films)} the same bytes")


if __name__ == "__main__":
    main()
