"""Export throughput and memory: a folder of N synthetic articles and a streamed XML dump.

Prints articles/s with 1 and 2 worker processes, and the peak memory of the main process while a
dump of N pages streams through (it should not grow with N). Usage:
``python benchmarks/export_throughput.py [N ...]`` (default 200 and 1000).
"""

from __future__ import annotations

import bz2
import resource
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

from synthetic import article

from filmgraph.batch import export_batch


def as_wikitext(text: str) -> tuple[str, str]:
    """The synthetic plain-text article as wikitext with a film infobox."""
    lines = text.splitlines()
    title = lines[0].strip("= ")
    infobox = ["{{Infobox film"] + [f"| {line[2:].split(':', 1)[0].lower().replace(' ', '_')} = "
                                    f"{line.split(':', 1)[1].strip()}" for line in lines if line.startswith("- ")
                                    and ":" in line] + ["}}"]
    body = [line for line in lines[1:] if not line.startswith(("- ", "Infobox", "|"))]
    return title, "\n".join(infobox + [f"'''{title}'''" + body[1][len(title):]] + body[2:])


def page_xml(number: int, title: str, text: str) -> str:
    return (f"<page><title>{escape(title)}</title><ns>0</ns><id>{number + 1}</id><revision><id>{number}"
            f"</id><text>{escape(text)}</text></revision></page>\n")


HEADER = "<mediawiki><siteinfo><sitename>Bench</sitename><base>https://bench.example/wiki/Main</base></siteinfo>\n"


def write_pages(path: Path, pages: Iterable[tuple[str, str]], *, multistream: bool = False,
                per_stream: int = 100) -> None:
    """A dump of (title, text) pages: one bz2 stream, or, with ``multistream``, as Wikimedia publishes the
    English dump: the header in a stream of its own, then streams of ``per_stream`` pages, and the index
    (``offset:id:title``) beside it as ``…-multistream-index.txt.bz2`` (``path`` must end in
    ``-multistream.xml.bz2``)."""
    if not multistream:
        compressor = bz2.BZ2Compressor(9)
        with path.open("wb") as out:
            out.write(compressor.compress(HEADER.encode("utf-8")))
            for number, (title, text) in enumerate(pages):
                out.write(compressor.compress(page_xml(number, title, text).encode("utf-8")))
            out.write(compressor.compress(b"</mediawiki>\n") + compressor.flush())
        return
    index = []
    with path.open("wb") as out:
        out.write(bz2.compress(HEADER.encode("utf-8")))
        group: list[tuple[int, str, str]] = []

        def flush() -> None:
            offset = out.tell()
            index.extend(f"{offset}:{number + 1}:{title}" for number, title, _ in group)
            out.write(bz2.compress("".join(page_xml(*page) for page in group).encode("utf-8")))
            group.clear()

        for number, (title, text) in enumerate(pages):
            group.append((number, title, text))
            if len(group) == per_stream:
                flush()
        if group:
            flush()
        out.write(bz2.compress(b"</mediawiki>\n"))
    index_path = path.with_name(path.name[:-len(".xml.bz2")] + "-index.txt.bz2")
    index_path.write_bytes(bz2.compress("\n".join(index).encode("utf-8") + b"\n"))


def write_dump(path: Path, count: int) -> None:
    write_pages(path, (as_wikitext(article(number)) for number in range(count)))


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(sizes: list[int]) -> None:
    for count in sizes:
        with tempfile.TemporaryDirectory() as folder:
            articles = Path(folder) / "articles"
            articles.mkdir()
            for number in range(count):
                (articles / f"film-{number:05d}.txt").write_text(article(number), encoding="utf-8")
            for jobs in (1, 2):
                start = time.perf_counter()
                counts = export_batch([articles], output_dir=Path(folder) / f"out{jobs}", jobs=jobs)
                elapsed = time.perf_counter() - start
                print(f"N = {count}, jobs = {jobs}: {counts['written']} written, {counts['errors']} errors, "
                      f"{counts['violations']} violations in {elapsed:.1f} s = {count / elapsed:.1f} articles/s")
            dump = Path(folder) / "bench.xml.bz2"
            write_dump(dump, count)
            before = peak_mib()
            start = time.perf_counter()
            counts = export_batch([dump], output_dir=Path(folder) / "dump-out", jobs=2)
            elapsed = time.perf_counter() - start
            print(f"N = {count}, dump ({dump.stat().st_size // 1024} KiB bz2), jobs = 2: {counts['written']} written "
                  f"in {elapsed:.1f} s = {count / elapsed:.1f} pages/s; main process peak memory "
                  f"{peak_mib():.0f} MiB (before the dump: {before:.0f} MiB)")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [200, 1000])
