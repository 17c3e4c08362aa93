"""`filmgraph load` of N exported films, against pyoxigraph's own bulk_load of the same files.

Exports N synthetic articles (Turtle, one file per film, and the same films as N-Quads shards), then
times, each into a fresh embedded store: filmgraph's load of the Turtle files, of the shards, of the
Turtle files with --revalidate, and pyoxigraph's ``bulk_load`` of the Turtle files (the floor).
Usage: ``python benchmarks/load_files.py [N]`` (default 1,000). Target: ≥ 400 films/s.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph
from synthetic import article

from filmgraph import store as stores
from filmgraph.batch import Layout, export_batch
from filmgraph.pipeline import iter_load


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        articles = root / "articles"
        articles.mkdir()
        for number in range(count):
            (articles / f"film{number:05d}.txt").write_text(article(number), encoding="utf-8")
        from filmgraph.rdf.write import RdfFormat

        export_batch([articles], output_dir=root / "files", formats=[RdfFormat.TURTLE], jobs=2)
        export_batch([articles], output_dir=root / "shards", layout=Layout.SHARDS, jobs=2)
        turtle = sorted((root / "files").glob("*.ttl"))
        print(f"N = {count}: {len(turtle)} Turtle files, {len(list((root / 'shards').glob('*.nq')))} shard(s)")

        def timed(label: str, inputs: list[Path], revalidate: bool = False) -> None:
            store = stores.open(root / f"store-{label}")
            begin = time.perf_counter()
            loaded = sum(1 for r in iter_load(inputs, store=store, revalidate=revalidate) if not r.error)
            elapsed = time.perf_counter() - begin
            store.close()
            print(f"  filmgraph load {label:22s} {loaded:6d} films  {loaded / elapsed:8.1f} films/s")

        timed("turtle files", turtle)
        timed("shards", sorted((root / "shards").glob("*.nq")))
        timed("turtle --revalidate", turtle, revalidate=True)
        store = pyoxigraph.Store(str(root / "store-bulk"))
        begin = time.perf_counter()
        for path in turtle:
            store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE,
                            to_graph=pyoxigraph.NamedNode(f"urn:film:{path.stem}"))
        elapsed = time.perf_counter() - begin
        print(f"  pyoxigraph bulk_load turtle files  {len(turtle):6d} films  {len(turtle) / elapsed:8.1f} films/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
