"""A dump as the English Wikipedia's is (films 3 % of pages), read and exported: the figures of issue 20.

Builds a dump of N pages (default 6,000) where every 33rd page is a film (the real film pages of
``../shared/corpus/wikipedia``) and the others are the 133 real non-film articles of ``../shared/corpus/nonfilm``,
repeated under new titles; once as a single bz2 stream, once as a multistream dump with its index. Prints, in
one run:

- ``bzip2 -dc`` of the single-stream dump (the floor) and Python's own bz2 decompression;
- a bare XML iteration (``xml.etree.ElementTree.iterparse``, every element cleared) and filmgraph's reader alone
  (decompress, cut into pages by bytes, skip by bytes), with the ms each skipped page costs beyond decompression;
- ``filmgraph export`` (N-Quads shards, the CLI's default for a dump) with --jobs 1 and --jobs 2, of both dumps:
  pages/s, films/s, the time against ``bzip2 -dc``, the main process's share of all CPU, and the peak RSS of the
  main process and of the largest other process (workers, the names manager);
- the extrapolation to the English dump (6.9 M pages, ~150,000 films) on 2 and on 16 cores.

Usage: ``python benchmarks/dump.py [--pages N] [--keep DIR]`` (``--pages 20000`` for the issue's size; ``--keep``
keeps the dumps in DIR and reuses them). Targets on 2 cores: single-stream export within 1.5× of ``bzip2 -dc``,
multistream within 1.0×, a skipped page ≤ 0.2 ms. Loading (``filmgraph load`` against ``Store.bulk_load``) is
measured elsewhere: :func:`load_figures` is the hook.
"""

from __future__ import annotations

import argparse
import bz2
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

from export_throughput import write_pages

from filmgraph.read.dump import range_bytes

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
FILMS = SHARED / "wikipedia"
NONFILM = SHARED / "nonfilm" / "nonfilm.xml.bz2"
FILM_EVERY = 33  # one page in 33 is a film: 3 %
ENGLISH_PAGES, ENGLISH_FILMS = 6_900_000, 150_000


def corpus_pages() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The film pages (title, wikitext) and the non-film ones."""
    films = [(path.stem.replace("_", " "), path.read_text(encoding="utf-8")) for path in sorted(FILMS.glob("*.wiki"))]
    others = []
    with bz2.open(NONFILM) as stream:
        for _, element in ElementTree.iterparse(stream):
            if element.tag.rsplit("}", 1)[-1] == "page":
                namespace = element.tag[:-len("page")]
                others.append((element.findtext(f"{namespace}title") or "",
                               element.findtext(f"{namespace}revision/{namespace}text") or ""))
                element.clear()
    return films, others


def pages(count: int) -> Iterator[tuple[str, str]]:
    """``count`` pages, every FILM_EVERY-th a film, each title new (a repeat gets its round's number)."""
    films, others = corpus_pages()
    used_films = used_others = 0
    for number in range(count):
        if number % FILM_EVERY == FILM_EVERY // 2:
            title, text = films[used_films % len(films)]
            round_ = used_films // len(films)
            used_films += 1
        else:
            title, text = others[used_others % len(others)]
            round_ = used_others // len(others)
            used_others += 1
        yield (f"{title} ({round_})" if round_ else title), text


def build(folder: Path, count: int) -> tuple[Path, Path]:
    single = folder / f"enwiki-{count}-pages-articles.xml.bz2"
    multi = folder / f"enwiki-{count}-pages-articles-multistream.xml.bz2"
    if not single.exists():
        write_pages(single, pages(count))
    if not multi.exists():
        write_pages(multi, pages(count), multistream=True)
    return single, multi


def timed(command: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


MEASURE = """
import json, resource, sys, time
from filmgraph.batch import Layout, export_batch

def peak_kib():
    # VmHWM: this process's own peak (ru_maxrss would count the benchmark's, which it inherits across exec)
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))

dump, out, jobs, layout = sys.argv[1], sys.argv[2], int(sys.argv[3]), Layout(sys.argv[4])
before = resource.getrusage(resource.RUSAGE_SELF)  # after the imports: the export's own CPU is measured
start = time.perf_counter()
result = export_batch([dump], output_dir=out, jobs=jobs, layout=layout)
wall = time.perf_counter() - start
own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
own_cpu = own.ru_utime + own.ru_stime - before.ru_utime - before.ru_stime
print(json.dumps({"wall": wall, "pages": result.pages_read, "films": result.written, "skipped": result.tally.skipped,
                  "declined": result.declined, "failed": result.failed,
                  "main_cpu": own_cpu, "other_cpu": children.ru_utime + children.ru_stime,
                  "main_rss": peak_kib() / 1024, "other_rss": children.ru_maxrss / 1024}))
"""


def export(dump: Path, out: Path, jobs: int, layout: str = "shards") -> dict[str, float]:
    """An export of the dump (or folder) in a fresh process, as `filmgraph export DUMP -o OUT -j JOBS` runs it."""
    run = subprocess.run([sys.executable, "-c", MEASURE, str(dump), str(out), str(jobs), layout], capture_output=True,
                         text=True, check=True, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    return json.loads(run.stdout)


def bare_iteration(dump: Path) -> tuple[float, float, int]:
    """(wall, CPU, pages) of decompressing the dump and iterating over its XML, every element cleared."""
    start, cpu = time.perf_counter(), time.process_time()
    count = 0
    with bz2.open(dump) as stream:
        for _, element in ElementTree.iterparse(stream):
            if element.tag.endswith("page"):
                count += 1
                element.clear()
    return time.perf_counter() - start, time.process_time() - cpu, count


def decompressed(dump: Path) -> tuple[bytes, float]:
    """The dump's XML, and the CPU seconds Python's bz2 took to decompress it."""
    cpu = time.process_time()
    with bz2.open(dump) as stream:
        data = stream.read()
    return data, time.process_time() - cpu


def fast_decompression(dump: Path) -> float:
    """CPU seconds of the workers' decompression (indexed_bzip2 through filmgraph's fast path), stream by stream as
    the index gives them."""
    sys.path.insert(0, str(ROOT / "src"))
    from filmgraph.read.bz2blocks import fast_stream_text

    index = dump.with_name(dump.name.replace("multistream.xml.bz2", "multistream-index.txt.bz2"))
    with bz2.open(index, "rt", encoding="utf-8") as lines:
        offsets = sorted({int(line.split(":", 1)[0]) for line in lines})
    raw = dump.read_bytes()
    offsets.append(len(raw))
    cpu = time.process_time()
    for start, end in zip(offsets, offsets[1:], strict=False):
        fast_stream_text(raw[start:end])
    return time.process_time() - cpu


def cutting(data: bytes) -> tuple[float, int, int]:
    """(CPU seconds, pages, candidates) of filmgraph's reader on XML already decompressed: the pages cut by their
    bytes and the non-films skipped by them, as the reading process does after decompression."""
    sys.path.insert(0, str(ROOT / "src"))
    from filmgraph.read.dump import _PageGuard, skip_reason

    cpu = time.process_time()
    guard = _PageGuard("dump", cut=True)
    pages = candidates = 0
    for start in range(0, len(data), 1 << 20):
        guard.feed(data[start:start + (1 << 20)])
        for _, xml in guard.completed:
            pages += 1
            candidates += xml is not None and skip_reason(xml) is None
        guard.completed.clear()
    return time.process_time() - cpu, pages, candidates


def folder_figures(folder: Path, count: int = 300) -> None:
    """A folder of ``count`` small plain-text articles (benchmarks/synthetic.py), exported with -j 1 and -j 2 in the
    files layout (Turtle and JSON-LD): the speed-up, by the wall clock and on idle cores (from the CPU)."""
    from synthetic import article

    articles = folder / f"articles-{count}"
    articles.mkdir(exist_ok=True)
    for number in range(count):
        (articles / f"film-{number:05d}.txt").write_text(article(number), encoding="utf-8")
    runs = {}
    for jobs in (1, 2):
        figures = export(articles, folder / f"out-folder-{jobs}-{time.time_ns()}", jobs, "files")
        cpu = figures["main_cpu"] + figures["other_cpu"]
        figures["idle"] = max(figures["main_cpu"], cpu / jobs) if jobs > 1 else cpu
        runs[jobs] = figures
        print(f"folder of {count} plain-text articles -j {jobs}: {figures['wall']:5.2f} s wall, "
              f"{figures['films'] / figures['wall']:5.1f} films/s, {cpu / count * 1000:.1f} ms CPU an article, main "
              f"process {figures['main_cpu'] / cpu * 100:3.0f} % of the CPU")
    print(f"  -j 2 / -j 1: {runs[1]['wall'] / runs[2]['wall']:.2f}× wall, {runs[1]['idle'] / runs[2]['idle']:.2f}× on "
          "idle cores (target ≥ 1.7×)")


def load_figures(out: Path) -> None:
    """`filmgraph load` of the shards in ``out`` against `Store.bulk_load` of the same files, and a reload: measured
    by benchmarks/store_load.py and benchmarks/load_files.py (issue 20, item 5); a hook to print them here."""


def extrapolate(label: str, figures: dict[str, float], cores: int, *, parallel_reading: bool) -> str:
    """The English dump on ``cores`` cores, from one run's CPU: the work of a page (the main process's: reading) and
    of a film (the workers'), scaled to 6.9 M pages and 150,000 films. Without ``parallel_reading`` the reading is
    one process's, serial; a multistream dump's streams, and a large single-stream dump's ranges, are read by the
    workers, whose CPU is then scaled by pages."""
    if parallel_reading:  # the workers' CPU is reading and films together: scaled by pages (films are 3 % of the
        # benchmark's pages and 2.2 % of the English dump's: a little over, never under)
        seconds = (figures["main_cpu"] + figures["other_cpu"]) / figures["pages"] * ENGLISH_PAGES / cores
    else:
        reading = figures["main_cpu"] / figures["pages"] * ENGLISH_PAGES
        films = figures["other_cpu"] / max(1, figures["films"]) * ENGLISH_FILMS
        seconds = max(reading, (reading + films) / cores)
    return f"  {label}, {cores:2d} cores: {seconds / 60:6.1f} min"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=6000)
    parser.add_argument("--keep", type=Path, help="keep the dumps here (and reuse them)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = arguments.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        begun = time.perf_counter()
        single, multi = build(folder, arguments.pages)
        ranges = range_bytes(single.stat().st_size)
        print(f"dump of {arguments.pages:,} pages (films 1 in {FILM_EVERY}): {single.stat().st_size / 2**20:.1f} MiB "
              f"bz2 single-stream (read by -j 2 in ranges of {ranges / 2**20:.1f} MiB), "
              f"{multi.stat().st_size / 2**20:.1f} MiB multistream (built in {time.perf_counter() - begun:.0f} s)")
        floor, floor_cpu = timed(["bzip2", "-dc", str(single)])
        print(f"bzip2 -dc (the floor):           {floor:6.2f} s wall, {floor_cpu:6.2f} s CPU")
        data, decompression = decompressed(single)
        print(f"Python bz2, decompression alone:                {decompression:6.2f} s CPU "
              f"({len(data) / 2**20:.0f} MiB of XML)")
        print(f"indexed_bzip2 (the workers' decompression), the multistream dump's streams: "
              f"{fast_decompression(multi):6.2f} s CPU")
        wall, cpu, count = bare_iteration(single)
        print(f"bare XML iteration (iterparse):  {wall:6.2f} s wall, {cpu:6.2f} s CPU "
              f"({cpu / floor_cpu:.2f}× the floor's CPU)")
        cpu, count, candidates = cutting(data)
        del data
        print(f"filmgraph reader after decompression (cut and skip by bytes): {cpu:.2f} s CPU, {count:,} pages, "
              f"{candidates:,} candidates: {cpu / count * 1000:.3f} ms a skipped page (target ≤ 0.2)")
        runs = {}
        for label, dump in (("single-stream", single), ("multistream", multi)):
            for jobs in (1, 2):
                figures = export(dump, folder / f"out-{label}-{jobs}-{time.time_ns()}", jobs)
                runs[label, jobs] = figures
                cpu = figures["main_cpu"] + figures["other_cpu"]
                # On idle cores: the reading process's CPU is serial, the rest is shared out (a single-stream dump of
                # several MB is read by the workers too, in ranges of its blocks, when there are workers).
                serial_reading = label == "single-stream" and (jobs == 1 or not range_bytes(dump.stat().st_size))
                idle = max(figures["main_cpu"], cpu / jobs) if serial_reading else cpu / jobs
                figures["idle"] = idle
                print(f"export {label:13s} -j {jobs}: {figures['wall']:6.2f} s wall ({figures['wall'] / floor:.2f}× "
                      f"bzip2 -dc), {figures['pages'] / figures['wall']:5.0f} pages/s, "
                      f"{figures['films'] / figures['wall']:5.1f} films/s ({figures['films']} films, "
                      f"{figures['skipped']} skipped, {figures['failed']} failed); CPU {cpu:.1f} s, main process "
                      f"{figures['main_cpu'] / cpu * 100:3.0f} %; on {jobs} idle core(s) ≈ {idle:.1f} s "
                      f"({idle / floor_cpu:.2f}× bzip2 -dc's CPU); peak RSS main {figures['main_rss']:.0f} MiB, "
                      f"largest other {figures['other_rss']:.0f} MiB")
            print(f"  -j 2 / -j 1: {runs[label, 1]['wall'] / runs[label, 2]['wall']:.2f}× wall, "
                  f"{runs[label, 1]['idle'] / runs[label, 2]['idle']:.2f}× on idle cores")
        print("targets on 2 cores (wall; on idle cores from CPU): single-stream ≤ 1.5× bzip2 -dc: "
              f"{runs['single-stream', 2]['wall'] / floor:.2f}× ({runs['single-stream', 2]['idle'] / floor_cpu:.2f}×); "
              f"multistream ≤ 1.0×: {runs['multistream', 2]['wall'] / floor:.2f}× "
              f"({runs['multistream', 2]['idle'] / floor_cpu:.2f}×)")
        folder_figures(folder)
        load_figures(folder)
        print(f"extrapolated to the English dump ({ENGLISH_PAGES / 1e6:.1f} M pages, {ENGLISH_FILMS:,} films), "
              "from the -j 2 runs' CPU:")
        for cores in (2, 16):
            print(extrapolate("single-stream", runs["single-stream", 2], cores,
                              parallel_reading=bool(range_bytes(single.stat().st_size))))
            print(extrapolate("multistream  ", runs["multistream", 2], cores, parallel_reading=True))


if __name__ == "__main__":
    main()
