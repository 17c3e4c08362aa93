"""What the films' records (:mod:`filmgraph.web.records`, written by ``filmgraph load --records``) cost and save:
the time to write them for a whole store and their size, and, in processor time (``time.thread_time``, one
process), a film's Turtle document written from its record against one read from the store, with the bytes
compared.

Usage: ``python benchmarks/film_records.py --store DIR [--films N]`` with a store built by
``benchmarks/serve.py --store DIR`` (its ``DIR.json`` lists the films); the records beside it are written again.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from filmgraph import RdfFormat
from filmgraph.web.published import Published, write_triples
from filmgraph.web.records import records_path

BASE = "http://127.0.0.1:8000/"


def _spread(costs: list[float]) -> str:
    ordered = sorted(costs)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"p50 {statistics.median(ordered):.2f} ms, p99 {p99:.2f} ms"


def _documents(published: Published, films: list[str]) -> tuple[list[bytes], list[float]]:
    bodies, costs = [], []
    for film in films:
        begin = time.thread_time()
        bodies.append(write_triples(published.description_triples(film), RdfFormat.TURTLE))
        costs.append((time.thread_time() - begin) * 1000)
    return bodies, costs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="a store built by benchmarks/serve.py --store")
    parser.add_argument("--films", type=int, default=1000, help="films whose documents are compared")
    options = parser.parse_args()
    iris, _ = json.loads(options.store.with_name(options.store.name + ".json").read_text(encoding="utf-8"))
    records_path(options.store).unlink(missing_ok=True)
    from_store = Published(options.store, base=BASE)
    begin, clock = time.perf_counter(), time.process_time()
    written = from_store.write_records()
    print(f"records of {len(iris)} films written in {time.perf_counter() - begin:.1f} s "
          f"({time.process_time() - clock:.1f} s of processor time), {written.stat().st_size / 2**20:.1f} MB")
    from_records = Published(options.store, base=BASE)
    assert from_records.records is not None
    films = [from_store.public(iri) for iri in iris[: options.films]]
    read, read_costs = _documents(from_store, films)
    recorded, recorded_costs = _documents(from_records, films)
    same = sum(a == b for a, b in zip(read, recorded, strict=True))
    print(f"{len(films)} Turtle documents: from the store {_spread(read_costs)}; from the records "
          f"{_spread(recorded_costs)}; {same} of {len(films)} the same bytes")


if __name__ == "__main__":
    main()
