"""Wikipedia scale: the figures issue 12 asks for, side by side in one run.

1. ms per page and stage for N synthetic articles (wikitext, as a dump holds them) through the fast path,
   and through the rdflib path for the first 1,000 (it takes ten times as long);
2. a bulk export (`filmgraph export DUMP`: N-Quads shards) of a dump of N synthetic pages with --jobs 1 and
   --jobs 2: pages/s, the speed-up, and peak memory (RSS of the largest process) at each N;
3. `filmgraph --help`: start-up time.

Usage: ``python benchmarks/scale.py [N ...]`` (default 1,000 and 10,000). Targets: synthetic ≤ 5 ms a page,
--jobs 2 ≥ 1.7× --jobs 1, peak RSS at 10,000 within 10 % of 1,000, --help < 150 ms. The corpus figures are
printed by ``benchmarks/corpus.py`` (≤ 15 ms), loading by ``benchmarks/load_files.py`` (≥ 400 films/s).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from export_throughput import as_wikitext, write_dump
from stages import report, time_stages
from synthetic import article

from filmgraph.read.wikitext import parse_wikitext

MEASURE = """
import resource, subprocess, sys, time
begin = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - begin
print(code, elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def run_measured(command: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MiB of the largest process) of a command, in a process of its own."""
    output = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True,
                            check=True).stdout.split()
    if output[0] != "0":
        raise SystemExit(f"{' '.join(command)} exited {output[0]}")
    return float(output[1]), int(output[2]) / 1024


def stages(count: int) -> None:
    pages = [as_wikitext(article(number)) for number in range(count)]

    def read(page: object) -> object:
        title, text = page
        return parse_wikitext(text, title=title, source="")

    time_stages(pages[:20], read, rdflib_path=False)  # warm up: shapes compiled, tables read
    films, fast, _ = time_stages(pages, read, rdflib_path=False)
    print(f"N = {count}: synthetic wikitext articles, ms per page (target: fast path ≤ 5 ms)")
    report("fast path", films, fast)
    films, _, slow = time_stages(pages[:1000], read)
    report("rdflib path", films, slow)


def bulk(count: int, folder: Path) -> dict[int, tuple[float, float]]:
    dump = folder / f"synthetic-{count}.xml.bz2"
    write_dump(dump, count)
    figures = {}
    for jobs in (1, 2):
        out = folder / f"out-{count}-{jobs}"
        seconds, peak = run_measured([sys.executable, "-m", "filmgraph", "export", str(dump), "-o", str(out),
                                      "-j", str(jobs)])
        shards = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in out.glob("films-*.nq"))
        figures[jobs] = (seconds, peak)
        print(f"  bulk export N = {count}, --jobs {jobs}: {count / seconds:7.1f} pages/s ({seconds:.1f} s), "
              f"{shards} quads, peak RSS {peak:.0f} MiB")
    print(f"  --jobs 2 / --jobs 1: {figures[1][0] / figures[2][0]:.2f}× (target ≥ 1.7×)")
    return figures


def startup() -> None:
    timings = []
    for _ in range(7):
        begin = time.perf_counter()
        subprocess.run([sys.executable, "-m", "filmgraph", "--help"], stdout=subprocess.DEVNULL, check=True)
        timings.append(time.perf_counter() - begin)
    print(f"filmgraph --help: median {statistics.median(timings) * 1000:.0f} ms (target < 150 ms)")


def main(sizes: list[int]) -> None:
    stages(sizes[0])
    peaks = {}
    with tempfile.TemporaryDirectory() as folder:
        for count in sizes:
            peaks[count] = bulk(count, Path(folder))[2][1]
    if len(sizes) > 1:
        low, high = peaks[sizes[0]], peaks[sizes[-1]]
        print(f"peak RSS, --jobs 2: {low:.0f} MiB at {sizes[0]:,} pages, {high:.0f} MiB at {sizes[-1]:,} "
              f"({(high / low - 1) * 100:+.1f} %; target within 10 %)")
    startup()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
