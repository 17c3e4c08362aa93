"""Bounded cost: every stage linear (or n·log n) in its input, every decompression and answer bounded.

Each case runs at 1× and 10× of its size, in this process after a warm-up (the best of a few runs, each from
cold caches and on words of its own), and the ratio of the two times is printed beside the target (within 15×:
a quadratic stage shows about 100×). The cases are the hostile inputs of issue 19 ("Hangs and memory"), grown
from a size:

- cast-random, accolades-random: a plain-text article of N random cast names, of N accolade rows at 50 bodies;
- cast: N linked cast names that all share a first and a last word ("Actor Abc Name" …): name resolution;
- cast-unlinked: the same without links (every pair a spelling variant by one letter, none of one person);
- accolade-rows: N accolades rows of one category at N bodies: nomination merging;
- prose-awards: N sentences "It won Best Film Abc at the Abc Festival Awards.": prose scans, nominations;
- prose-line: one line of N award cells written as prose: a sentence's scans (the cubic ceremony date);
- award-items: N award list items, each naming a nominee (names one letter apart, never chained into one
  person);
- companies: N production companies and distributors, and N sentences naming distributors and releases;
- plot-brackets: a cast of N and a plot naming N characters with their actors in brackets;
- table: a wikitable of N rows with row spans, outside the accolades;
- embed: the film page of N accolade rows (``filmgraph embed``);
- bz2-page, gzip-page, multistream: a dump page (or a multistream stream) of N MiB of one letter, refused as
  it streams: the time stays that of the limit, however large the bomb;
- http-gzip, http-endless: an answer of N MiB (gzip) and an endless body, refused at the answer cap.

Usage: ``python benchmarks/linear_cost.py [CASE ...]`` (all cases by default). Also prints the peak memory
the process reached (the bombs must stay far below 1 GB).
"""

from __future__ import annotations

import bz2
import itertools
import random
import resource
import string
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # the tests' loopback servers

from filmgraph.errors import FilmgraphError  # noqa: E402
from filmgraph.httpclient import HttpClient  # noqa: E402
from filmgraph.pipeline import embed, export  # noqa: E402
from filmgraph.read.dump import Job, iter_jobs, stream_pages  # noqa: E402
from loopback import Bombs, serving  # noqa: E402

TARGET = 15.0  # the most the time may grow from 1× to 10×
INFOBOX = "{{Infobox film\n| name = Big\n| director = Ann Berg\n}}\n'''Big''' is a 2020 Danish film.\n"


_FRESH = itertools.count(1)


def fresh() -> int:
    """A new start for the words of a page: each page its own words, so that no run finds the caches (names,
    compiled prefixes, IRIs) warm from the run before it."""
    return next(_FRESH) * 100_000


def word(number: int) -> str:
    """A capitalised word of letters only for each number ("Bbaa", "Bbab" …): names must hold no digits."""
    letters = ""
    number += 26 ** 4
    while number:
        number, rest = divmod(number, 26)
        letters = chr(97 + rest) + letters
    return letters.capitalize()


def words(size: int) -> list[str]:
    base = fresh()
    return [word(base + i) for i in range(size)]


def cast_page(size: int, linked: bool = True) -> str:
    entries = "\n".join(f"* [[Actor {w} Name]] as Role {w}" if linked else f"* Actor {w} Name as Role {w}"
                        for w in words(size))
    return f"{INFOBOX}==Cast==\n{entries}\n"


def accolades_page(size: int) -> str:
    rows = "\n".join(f"|-\n| {w} Film Festival || 2020 || Best Film || {{{{won}}}}" for w in words(size))
    return f"{INFOBOX}==Accolades==\n{{| class=\"wikitable\"\n! Award !! Date !! Category !! Result\n{rows}\n|}}\n"


def prose_awards_page(size: int) -> str:
    sentences = " ".join(f"It won Best Film {w} at the {w} Festival Awards." for w in words(size))
    return f"{INFOBOX}==Accolades==\n{sentences}\n"


def prose_line_page(size: int) -> str:
    cells = "|-".join(f"| Award {w} || 2020 || Best Film || {{{{won}}}}" for w in words(size))
    return f"= Heat =\n\nInfobox\n- Director: Ann Berg\n\nHeat is a 2020 Danish film.\n\n==Accolades==\n-{cells}\n"


def award_items_page(size: int) -> str:
    items = "\n".join(f"* {w} Film Festival (12 May 2020): Best Film (won); Best Actor – {w} Berg (nominated)"
                      for w in words(size))
    return f"{INFOBOX}==Accolades==\n{items}\n"


def companies_page(size: int) -> str:
    names = words(size)
    listed = "<br>".join(f"{w} Pictures" for w in names)
    prose = " ".join(f"It was distributed by {w} Films in Denmark on {1 + i % 28} May 2020."
                     for i, w in enumerate(names))
    return (f"{{{{Infobox film\n| name = Big\n| director = Ann Berg\n| production_companies = {listed}\n"
            f"| distributor = {listed}\n}}}}\n'''Big''' is a 2020 Danish film.\n==Release==\n{prose}\n")


def plot_brackets_page(size: int) -> str:
    names = words(size)
    cast = "\n".join(f"* Actor {w} Name as Hero {w}" for w in names)
    plot = " ".join(f"Hero {w} (Actor {w} Name) meets Villain {w} (Other {w} Person)." for w in names)
    return f"{INFOBOX}==Plot==\n{plot}\n==Cast==\n{cast}\n"


def table_page(size: int) -> str:
    rows = "\n".join(f"|-\n| rowspan=\"3\" | {w} || 2020 || {i} || Note {w}" for i, w in enumerate(words(size)))
    return f"{INFOBOX}==Box office==\n{{| class=\"wikitable\"\n! Country !! Year !! Gross !! Note\n{rows}\n|}}\n"


def _name(rng: random.Random) -> str:
    return " ".join(rng.choice(string.ascii_uppercase) + "".join(rng.choices(string.ascii_lowercase,
                                                                              k=rng.randint(3, 9)))
                    for _ in range(2))


def cast_article(size: int, seed: int = 1) -> str:
    """A plain-text article with a cast of ``size`` random names (tests/test_extract.py times it too)."""
    rng = random.Random(seed)
    cast = "\n".join(f"- {_name(rng)} as {_name(rng)}" for _ in range(size))
    return f"= Big Cast =\nInfobox\n- Director: Ann Berg\n\n==Cast==\n{cast}\n"


def accolades_article(size: int, seed: int = 1) -> str:
    """A plain-text article with ``size`` accolade rows of 50 bodies."""
    rng = random.Random(seed)
    rows = "\n".join(f"| Award {i % 50} Awards | 2020 | Best Thing {i} | {_name(rng)} | Won |" for i in range(size))
    return (f"= Big Accolades =\nInfobox\n- Director: Ann Berg\n\n==Accolades==\n"
            f"| Award | Date | Category | Recipient | Result |\n|---|---|---|---|---|\n{rows}\n")


def dump_xml(title: str, text: bytes) -> Iterator[bytes]:
    """A dump of one film page whose text is ``text``, in pieces (a bomb is never held whole)."""
    yield (b'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/"><siteinfo>'
           b"<base>https://en.wikipedia.org/wiki/Main_Page</base></siteinfo>"
           b"<page><title>" + title.encode() + b"</title><ns>0</ns><id>1</id><revision><id>1</id>"
           b"<timestamp>2020-01-01T00:00:00Z</timestamp><text xml:space=\"preserve\">{{Infobox film}}")
    yield text
    yield b"</text></revision></page></mediawiki>"


def letters(mebibytes: int) -> Iterator[bytes]:
    for _ in range(mebibytes):
        yield b"a" * (1 << 20)


def compressed(pieces: Iterator[bytes], kind: str) -> bytes:
    """The pieces compressed as a stream (a bomb is never held whole)."""
    compressor = zlib.compressobj(1, wbits=31) if kind == "gzip" else bz2.BZ2Compressor(9)
    return b"".join(compressor.compress(piece) for piece in pieces) + compressor.flush()


Run = Callable[[], None]


def article_run(folder: Path, text: str, suffix: str = ".wiki", *, page: bool = False) -> Run:
    path = folder / f"page{suffix}"
    path.write_text(text, encoding="utf-8")

    def run() -> None:
        [result] = (embed if page else export)([path], output_dir=folder / "out")
        assert result.error is None, result.error
    return run


def dump_run(folder: Path, mebibytes: int, kind: str) -> Run:
    path = folder / f"bomb-{mebibytes}.xml.{'gz' if kind == 'gzip' else 'bz2'}"
    head, _, tail = dump_xml("Bomb", b"")
    path.write_bytes(compressed(itertools.chain([head], letters(mebibytes), [tail]), kind))

    def run() -> None:
        jobs = list(iter_jobs([path]))
        assert len(jobs) == 1 and jobs[0].error and "larger than" in jobs[0].error, jobs
    return run


def multistream_run(folder: Path, mebibytes: int) -> Run:
    path = folder / f"bomb-{mebibytes}-multistream.xml.bz2"
    body = b"<page><title>Bomb</title><ns>0</ns><id>1</id><revision><id>1</id><text>"
    stream = compressed(itertools.chain([body], letters(mebibytes), [b"</text></revision></page>"]), "bz2")
    path.write_bytes(stream)

    def run() -> None:
        pages = stream_pages(Job(f"{path}@0", path=str(path), offset=0, length=len(stream)))
        assert len(pages) == 1 and pages[0].error and "larger than" in pages[0].error, pages
    return run


def http_run(url: str, gzip_mebibytes: int = 0) -> Run:
    if gzip_mebibytes:  # the answer is made before the clock starts
        Bombs.gzipped[f"gzip-{gzip_mebibytes}"] = compressed(
            itertools.chain([b'{"x": "'], letters(gzip_mebibytes), [b'"}']), "gzip")

    def run() -> None:
        client = HttpClient(timeout=60)
        try:
            client.request("GET", url)
        except FilmgraphError as exc:
            assert "larger than" in str(exc), exc
        else:
            raise AssertionError(f"{url}: an answer past the cap was read")
        finally:
            client.close()
    return run


def cases(folder: Path, server: str) -> dict[str, tuple[int, Callable[[int], Run]]]:
    """Each case: its 1× size, and how to make the run of a size (what is timed)."""
    return {
        "cast-random": (400, lambda n: article_run(folder, cast_article(n, seed=fresh()), ".txt")),
        "accolades-random": (400, lambda n: article_run(folder, accolades_article(n, seed=fresh()), ".txt")),
        "cast": (400, lambda n: article_run(folder, cast_page(n))),
        "cast-unlinked": (400, lambda n: article_run(folder, cast_page(n, linked=False))),
        "accolade-rows": (400, lambda n: article_run(folder, accolades_page(n))),
        "prose-awards": (400, lambda n: article_run(folder, prose_awards_page(n))),
        "prose-line": (40, lambda n: article_run(folder, prose_line_page(n), ".txt")),
        "award-items": (100, lambda n: article_run(folder, award_items_page(n))),
        "companies": (100, lambda n: article_run(folder, companies_page(n))),
        "plot-brackets": (200, lambda n: article_run(folder, plot_brackets_page(n))),
        "table": (400, lambda n: article_run(folder, table_page(n))),
        "embed": (100, lambda n: article_run(folder, accolades_page(n), page=True)),
        "bz2-page": (40, lambda n: dump_run(folder, n, "bz2")),
        "gzip-page": (40, lambda n: dump_run(folder, n, "gzip")),
        "multistream": (40, lambda n: multistream_run(folder, n)),
        "http-gzip": (80, lambda n: http_run(f"{server}/gzip-{n}", n)),
        "http-endless": (1, lambda n: http_run(f"{server}/endless")),
    }


def _cold() -> None:
    """Empty filmgraph's caches (folded names, compacted IRIs …), so that 1× and 10× both start cold."""
    for name, module in list(sys.modules.items()):
        if name.startswith("filmgraph"):
            for value in list(vars(module).values()):
                if hasattr(type(value), "cache_clear"):  # an lru_cache (asked of the type: a Namespace
                    value.cache_clear()                  # makes up any attribute asked of it)


def seconds(make: Callable[[int], Run], size: int, runs: int = 2) -> float:
    """The best of ``runs`` runs, each on a page of its own words, from cold caches."""
    best = float("inf")
    for _ in range(runs):
        run = make(size)
        _cold()
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def main(chosen: list[str]) -> int:
    worst = 0.0
    with tempfile.TemporaryDirectory() as folder, serving(Bombs, quiet=True) as server:
        table = cases(Path(folder), server)
        article_run(Path(folder), cast_page(10))()  # warm-up: imports, tables, compiled patterns
        print(f"{'case':<15} {'1×':>8} {'10×':>8} {'ratio':>6}  (target ≤ {TARGET:g}×)")
        for name in chosen or list(table):
            size, make = table[name]
            make(size)()  # this case's own warm-up
            small, large = seconds(make, size, runs=3), seconds(make, 10 * size)
            ratio = large / max(small, 1e-3)
            worst = max(worst, ratio)
            print(f"{name:<15} {small:>7.2f}s {large:>7.2f}s {ratio:>5.1f}×{'' if ratio <= TARGET else '  OVER'}",
                  flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MiB; worst ratio {worst:.1f}×")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
