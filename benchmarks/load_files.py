"""`filmgraph load` of N exported films, against pyoxigraph's own bulk_load of the same files.

Exports N synthetic articles (Turtle, one file per film, and the same films as N-Quads shards), then
times, each into a fresh embedded store: filmgraph's load of the Turtle files, of the shards, of the
Turtle files with --revalidate, and pyoxigraph's ``bulk_load`` of the Turtle files (the floor).
Usage: ``python benchmarks/load_files.py [N]`` (default 1,000). Target: ≥ 400 films/s.

``python benchmarks/load_files.py --shards 600 5000`` compares, for shards of N films (16 MiB each), the
floor ``Store.bulk_load`` of the shard files into a new store, ``filmgraph load`` of them into a new store,
and ``filmgraph load`` of them again into that store (a reload: every graph replaced), in ``--repeat``
rounds, printing each round's ratios and their median (a busy machine slows a round as a whole). The load
and the reload are timed twice: into a store kept open between them, and as ``filmgraph load`` runs each,
opening the store and closing it (the first load then pays for making the store, as the reload pays for
making the new one, and for closing it: RocksDB's compaction of what it wrote is no longer counted in the
reload after it). Targets: load ≤ 1.0× bulk_load, reload ≤ 1.2× load.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph
from synthetic import write_articles

from filmgraph import store as stores
from filmgraph.batch import Layout, export_batch
from filmgraph.pipeline import iter_load


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        articles = write_articles(root, count)
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


def shards_main(counts: list[int], repeat: int) -> None:
    for count in counts:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            articles = write_articles(root, count)
            export_batch([articles], output_dir=root / "shards", layout=Layout.SHARDS, jobs=2, shard_size_mb=16)
            shards = sorted((root / "shards").glob("*.nq"))
            megabytes = sum(path.stat().st_size for path in shards) / 2**20
            rounds: list[dict[str, float]] = []  # wall seconds, and CPU seconds of this process (its threads)
            for round_number in range(repeat):
                timing: dict[str, float] = {}
                store = pyoxigraph.Store(str(root / f"bulk-{round_number}"))
                begin, cpu = time.perf_counter(), time.process_time()
                for path in shards:
                    store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS)
                store.flush()
                timing["bulk_load"], timing["bulk_load cpu"] = time.perf_counter() - begin, time.process_time() - cpu
                del store
                films = stores.open(root / f"load-{round_number}")
                for label in ("load", "reload"):
                    begin, cpu = time.perf_counter(), time.process_time()
                    loaded = [r for r in iter_load(shards, store=films)]
                    timing[label], timing[f"{label} cpu"] = time.perf_counter() - begin, time.process_time() - cpu
                    assert not any(r.error for r in loaded) and len(loaded) == count, "a film did not load"
                films.close()
                for label in ("open, load, close", "open, reload, close"):
                    begin, cpu = time.perf_counter(), time.process_time()
                    films = stores.open(root / f"command-{round_number}")
                    loaded = [r for r in iter_load(shards, store=films)]
                    films.close()
                    timing[label], timing[f"{label} cpu"] = time.perf_counter() - begin, time.process_time() - cpu
                    assert not any(r.error for r in loaded) and len(loaded) == count, "a film did not load"
                rounds.append(timing)
            # A busy machine slows a round as a whole: each round's ratios, and their median; wall time and CPU.
            def ratios(part: str, whole: str, rounds: list[dict[str, float]] = rounds) -> str:
                walls = [r[part] / r[whole] for r in rounds]
                cpus = [r[f"{part} cpu"] / r[f"{whole} cpu"] for r in rounds]
                return (f"wall {statistics.median(walls):.2f}× ({', '.join(f'{x:.2f}' for x in walls)}), "
                        f"CPU {statistics.median(cpus):.2f}× ({', '.join(f'{x:.2f}' for x in cpus)})")

            floor = statistics.median(r["bulk_load"] for r in rounds)
            print(f"N = {count} films, {len(shards)} shards, {megabytes:.0f} MiB of N-Quads ({repeat} rounds):")
            print(f"  Store.bulk_load (floor)  median {floor:6.2f} s wall, {count / floor:6.0f} films/s")
            print(f"  filmgraph load / Store.bulk_load:      {ratios('load', 'bulk_load')}")
            print(f"  reload / filmgraph load (first):       {ratios('reload', 'load')}")
            print(f"  the same, each opening and closing:    {ratios('open, reload, close', 'open, load, close')}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--shards"]:
        arguments = sys.argv[2:]
        rounds = 3
        if "--repeat" in arguments:
            at = arguments.index("--repeat")
            rounds = int(arguments[at + 1])
            del arguments[at:at + 2]
        shards_main([int(a) for a in arguments] or [600, 5000], rounds)
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
