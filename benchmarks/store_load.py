"""Load N synthetic films into the embedded store and into a local `oxigraph serve`, and time it.

Prints films loaded per second and the median latency of every example query in queries/, at
N = 100 and N = 1,000 (or the sizes given: ``python benchmarks/store_load.py 100 1000``).
"""

from __future__ import annotations

import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from synthetic import article

from filmgraph import store as stores
from filmgraph.pipeline import build_graph
from filmgraph.read.plain import parse_article

QUERIES = sorted((Path(__file__).parent.parent / "queries").glob("*.rq"))


def graphs(count: int) -> list[tuple[str, object]]:
    built = []
    for number in range(count):
        source = f"urn:filmgraph:bench:{number}"
        _, graph, _ = build_graph(parse_article(article(number), source=source))
        built.append((source, graph))
    return built


def measure(store: stores.Store, films: list[tuple[str, object]], label: str) -> None:
    start = time.perf_counter()
    for source, graph in films:
        store.load(graph, graph_iri=source)
    elapsed = time.perf_counter() - start
    print(f"  {label}: loaded {len(films)} films in {elapsed:.2f} s = {len(films) / elapsed:.1f} films/s")
    for query in QUERIES:
        text = query.read_text(encoding="utf-8")
        timings = []
        for _ in range(5):
            begin = time.perf_counter()
            store.query(text)
            timings.append(time.perf_counter() - begin)
        print(f"    {query.stem:34s} median {statistics.median(timings) * 1000:8.1f} ms")


def start_server(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    binary = shutil.which("oxigraph") or sys.exit("oxigraph is not installed: pip install oxigraph")
    process = subprocess.Popen([binary, "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}",
                                "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}/query"
    for _ in range(200):
        try:
            requests.get(endpoint, params={"query": "ASK {}"}, timeout=1)
            return process, endpoint
        except requests.ConnectionError:
            time.sleep(0.1)
    process.kill()
    sys.exit("oxigraph serve did not start")


def main(sizes: list[int]) -> None:
    for size in sizes:
        begin = time.perf_counter()
        films = graphs(size)
        print(f"N = {size}: built {size} graphs ({sum(len(g) for _, g in films)} triples) "
              f"in {time.perf_counter() - begin:.1f} s")
        with tempfile.TemporaryDirectory() as folder:
            embedded = stores.open(Path(folder) / "store")
            measure(embedded, films, "embedded pyoxigraph")
            embedded.close()
            process, endpoint = start_server(Path(folder) / "server")
            try:
                measure(stores.open(endpoint=endpoint), films, f"oxigraph serve {endpoint}")
            finally:
                process.terminate()
                process.wait(timeout=10)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000])
