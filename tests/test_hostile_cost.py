"""Issue 19, "Hangs and memory": bounded cost by construction.

Every stage is linear (or n·log n) in its input: name resolution, nomination merging, prose scans, tables and
the embed page are run at 1× and 10× of a size and must not grow much more than 10× (a quadratic stage grows
100×, a cubic one 1000×; the bound is generous, so a busy machine cannot fail it). Where the work can be
counted (name comparisons, body lookups) it is counted, not timed. Decompression and HTTP answers are held to
a size as they stream: a bomb is refused in one line, with memory far below a gigabyte.
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import itertools
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from filmgraph.cli import cli
from filmgraph.extract import accolades, names
from filmgraph.extract.names import resolve_people
from filmgraph.httpclient import MAX_ANSWER_BYTES
from filmgraph.pipeline import embed, export
from filmgraph.read.dump import MAX_REVISION_CHARS, Job, iter_jobs, stream_pages

HOSTILE = Path(__file__).parent / "hostile"
GROWTH = 40  # the most a 10× input may cost over 1× (linear: about 10×, quadratic: 100×)
INFOBOX = "{{Infobox film\n| name = Big\n| director = Ann Berg\n}}\n'''Big''' is a 2020 Danish film.\n"
_FRESH = itertools.count(1)


def _words(size: int) -> list[str]:
    """Capitalised words of letters only ("Bbaab" …), new ones for each page: names hold no digits, and no run
    finds caches warm from another."""
    base = next(_FRESH) * 100_000 + 26 ** 4

    def word(number: int) -> str:
        letters = ""
        while number:
            number, rest = divmod(number, 26)
            letters = chr(97 + rest) + letters
        return letters.capitalize()
    return [word(base + i) for i in range(size)]


def _cli(*args: str, env: dict[str, str] | None = None) -> Result:
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def _error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("Error:")]


def _seconds(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def _grows_linearly(make: Callable[[int], Callable[[], object]], size: int) -> None:
    """``make(n)`` prepares a run over an input of size n (not timed); 10× the input may cost at most GROWTH×."""
    make(size)()  # warm-up: imports, tables, compiled patterns
    small = min(_seconds(make(size)) for _ in range(2))
    large = _seconds(make(10 * size))
    assert large <= GROWTH * max(small, 0.02), f"{size}: {small:.3f} s, {10 * size}: {large:.3f} s"


def _exporting(folder: Path, text: str, suffix: str = ".wiki", *, page: bool = False) -> Callable[[], None]:
    path = folder / f"page-{next(_FRESH)}{suffix}"
    path.write_text(text, encoding="utf-8")

    def run() -> None:
        [result] = (embed if page else export)([path], output_dir=folder / "out")
        assert result.error is None, result.error
    return run


# ---------------------------------------------------------------------------------------------- names


def _cast_mentions(size: int) -> tuple[list[str], dict[str, set[str]]]:
    """A cast whose names all share their first and last word ("Actor Bbaab Name"): each pair one letter apart
    or close to it, and each playing a part of their own."""
    mentions = [f"Actor {word} Name" for word in _words(size)]
    return mentions, {name: {f"role of {name}"} for name in mentions}


def test_name_resolution_compares_a_bounded_number_of_names_per_name(monkeypatch: pytest.MonkeyPatch) -> None:
    counted = {"comparisons": 0}
    for check in ("_same_or_shortened", "_one_letter_apart"):
        original = getattr(names, check)

        def counting(a: list[str], b: list[str], original: Callable[..., bool] = original) -> bool:
            counted["comparisons"] += 1
            return original(a, b)
        monkeypatch.setattr(names, check, counting)
    work = {}
    for size in (200, 2000):
        counted["comparisons"] = 0
        mentions, roles = _cast_mentions(size)
        people = resolve_people(mentions, roles=roles)
        assert len({person.key for person in people.values()}) == size  # each plays their own part: no merge
        work[size] = counted["comparisons"] / size
    # Each name is compared with a few neighbours under each of its keys, however many names there are (all
    # pairs would be 100 comparisons a name at 200 names, 1,000 at 2,000).
    assert max(work.values()) <= 64, work


def test_name_resolution_still_finds_every_spelling_among_many_names() -> None:
    mentions, roles = _cast_mentions(3000)
    mentions += ["Sidse Babett", "Sidse Babett Knudsen", "Sebastian Stiger", "Sebastian Stigar", "Knudsen"]
    people = resolve_people(mentions, roles=roles)
    assert people["Sidse Babett"] is people["Sidse Babett Knudsen"] is people["Knudsen"]
    assert people["Sebastian Stiger"] is people["Sebastian Stigar"]


def test_a_cast_of_linked_names_alike_exports_in_linear_time(tmp_path: Path) -> None:
    # cast_8000_linked.wiki: "* [[Actor i Name]] as Role i" took > 60 s and 3.5 GB for 8,000 names.
    def make(size: int) -> Callable[[], None]:
        cast = "\n".join(f"* [[Actor {word} Name]] as Role {word}" for word in _words(size))
        return _exporting(tmp_path, f"{INFOBOX}==Cast==\n{cast}\n")
    _grows_linearly(make, 150)


# ---------------------------------------------------------------------------------------------- nominations


def _accolades_page(size: int) -> str:
    rows = "\n".join(f"|-\n| {word} Film Festival || 2020 || Best Film || {{{{won}}}}" for word in _words(size))
    return f"{INFOBOX}==Accolades==\n{{| class=\"wikitable\"\n! Award !! Date !! Category !! Result\n{rows}\n|}}\n"


def test_merging_a_nomination_looks_up_its_body_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # accolades_8000_rows.wiki: each row compared with every nomination of its category (144 s).
    calls = {"body_key": 0}
    original = accolades.body_key

    def counting(body: str | None) -> str:
        calls["body_key"] += 1
        return original(body)
    monkeypatch.setattr(accolades, "body_key", counting)
    work = {}
    for size in (100, 1000):
        calls["body_key"] = 0
        _exporting(tmp_path, _accolades_page(size))()
        work[size] = calls["body_key"]
    assert work[1000] <= 12 * work[100], work


def test_accolade_rows_of_one_category_export_in_linear_time(tmp_path: Path) -> None:
    _grows_linearly(lambda size: _exporting(tmp_path, _accolades_page(size)), 100)


def test_prose_awards_export_in_linear_time(tmp_path: Path) -> None:
    # prose_awards_8000.wiki: "It won Best Film i at the Festival i Awards." × 8,000 took > 100 s.
    def make(size: int) -> Callable[[], None]:
        sentences = " ".join(f"It won Best Film {word} at the {word} Festival Awards." for word in _words(size))
        return _exporting(tmp_path, f"{INFOBOX}==Accolades==\n{sentences}\n")
    _grows_linearly(make, 100)


def test_award_items_naming_nominees_alike_export_in_linear_time(tmp_path: Path) -> None:
    # Names one letter apart are one person of many names, whom every row names: mapped once, not once a row.
    def make(size: int) -> Callable[[], None]:
        items = "\n".join(f"* {word} Film Festival (12 May 2020): Best Film (won); Best Actor – {word} Berg "
                          f"(nominated)" for word in _words(size))
        return _exporting(tmp_path, f"{INFOBOX}==Accolades==\n{items}\n")
    _grows_linearly(make, 60)


# ---------------------------------------------------------------------------------------------- prose, tables


def test_a_line_of_award_cells_exports_in_seconds(tmp_path: Path) -> None:
    # prose_won_line_300.txt: one prose line of 300 award cells, > 100 s (cubic: the ceremony date per nomination).
    started = time.monotonic()
    result = _cli("export", str(HOSTILE / "prose_won_line_300.txt"), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 30


def test_prose_lines_of_award_cells_export_in_linear_time(tmp_path: Path) -> None:
    def make(size: int) -> Callable[[], None]:
        cells = "|-".join(f"| Award {word} || 2020 || Best Film || {{{{won}}}}" for word in _words(size))
        return _exporting(tmp_path, f"= Heat =\n\nInfobox\n- Director: Ann Berg\n\nHeat is a 2020 Danish film.\n\n"
                                    f"==Accolades==\n-{cells}\n", ".txt")
    _grows_linearly(make, 40)


def test_a_story_naming_many_actors_in_brackets_exports_in_linear_time(tmp_path: Path) -> None:
    def make(size: int) -> Callable[[], None]:
        words = _words(size)
        cast = "\n".join(f"* Actor {word} Name as Hero {word}" for word in words)
        plot = " ".join(f"Hero {word} (Actor {word} Name) meets Villain {word} (Other {word} Person)."
                        for word in words)
        return _exporting(tmp_path, f"{INFOBOX}==Plot==\n{plot}\n==Cast==\n{cast}\n")
    _grows_linearly(make, 100)


def test_many_companies_and_releases_export_in_linear_time(tmp_path: Path) -> None:
    # A shortened company name and a vaguer release date each join their fuller one: by look-up, not by pairs.
    def make(size: int) -> Callable[[], None]:
        words = _words(size)
        listed = "<br>".join(f"{word} Pictures" for word in words)
        prose = " ".join(f"It was distributed by {word} Films in Denmark on {1 + i % 28} May 2020."
                         for i, word in enumerate(words))
        return _exporting(tmp_path, f"{{{{Infobox film\n| name = Big\n| director = Ann Berg\n"
                                    f"| production_companies = {listed}\n| distributor = {listed}\n}}}}\n"
                                    f"'''Big''' is a 2020 Danish film.\n==Release==\n{prose}\n")
    _grows_linearly(make, 100)


def test_a_large_table_with_row_spans_exports_in_linear_time(tmp_path: Path) -> None:
    def make(size: int) -> Callable[[], None]:
        rows = "\n".join(f"|-\n| rowspan=\"3\" | {word} || 2020 || {i} || Note {word}"
                         for i, word in enumerate(_words(size)))
        return _exporting(tmp_path, f"{INFOBOX}==Box office==\n{{| class=\"wikitable\"\n! Country !! Year !! Gross "
                                    f"!! Note\n{rows}\n|}}\n")
    _grows_linearly(make, 200)


# ---------------------------------------------------------------------------------------------- embed


def test_the_embed_page_of_a_thousand_accolade_rows_is_built_in_seconds(tmp_path: Path) -> None:
    # accolades_1000_rows_embed.wiki: 35 s (2,000 rows: 145 s), the page's GROUP BY in rdflib.
    started = time.monotonic()
    result = _cli("embed", str(HOSTILE / "accolades_1000_rows_embed.wiki"), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 30
    page = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    assert page.count('<tr class="won">') == 1000


def test_the_embed_page_is_built_in_linear_time(tmp_path: Path) -> None:
    _grows_linearly(lambda size: _exporting(tmp_path, _accolades_page(size), page=True), 100)


# ---------------------------------------------------------------------------------------------- dumps


def _peak_bytes(run: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_bz2_page_bomb_is_refused_as_it_streams(tmp_path: Path) -> None:
    # dump_bomb_1p5GB_page.xml.bz2: 2 KB of bz2, a page of 1.5 GiB: 3.2 GB resident, then refused.
    bomb = HOSTILE / "dump_bomb_1p5GB_page.xml.bz2"
    jobs: list[Job] = []
    assert _peak_bytes(lambda: jobs.extend(iter_jobs([bomb]))) < 200 * 2**20
    assert [job.error for job in jobs if job.error] == [
        f"{bomb}#Bomb: a revision larger than {MAX_REVISION_CHARS:,} characters in a page that does not end within "
        f"{16 * MAX_REVISION_CHARS:,} bytes; the rest of the dump is not read"]
    result = _cli("export", str(bomb), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and len(_error_lines(result)) == 1, result.output
    assert "#Bomb: a revision larger than" in _error_lines(result)[0]


def test_a_multistream_bomb_is_decompressed_a_piece_at_a_time(tmp_path: Path) -> None:
    # mbomb-multistream.xml.bz2: one stream of 512 MiB: 2.7 GB resident in a worker (bz2.decompress of it whole).
    bomb = HOSTILE / "mbomb-multistream.xml.bz2"
    [stream, fine] = [job for job in iter_jobs([bomb]) if job.is_stream]
    pages: list[Job] = []
    assert _peak_bytes(lambda: pages.extend(stream_pages(stream))) < 200 * 2**20
    assert len(pages) == 1 and pages[0].title == "Bomb" and "larger than" in (pages[0].error or "")
    assert [page.title for page in stream_pages(fine)] == ["Fine Film"]
    result = _cli("export", str(bomb), "-o", str(tmp_path / "out"), "-j", "2")
    assert result.exit_code == 2 and len(_error_lines(result)) == 1, result.output
    assert "1 film written" in result.output


def _dump(pages: list[tuple[str, Iterator[bytes] | bytes]]) -> Iterator[bytes]:
    """A dump of pages (title, text as written in the XML), in pieces: a large page is never held whole."""
    yield (b'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/"><siteinfo>'
           b"<base>https://en.wikipedia.org/wiki/Main_Page</base></siteinfo>\n")
    for number, (title, text) in enumerate(pages, start=1):
        yield (f"<page><title>{title}</title><ns>0</ns><id>{number}</id><revision><id>{number}</id>"
               f"<timestamp>2020-01-01T00:00:00Z</timestamp><text xml:space=\"preserve\">").encode()
        yield from [text] if isinstance(text, bytes) else text
        yield b"</text></revision></page>\n"
    yield b"</mediawiki>\n"


def _film(title: str) -> bytes:
    return (f"{{{{Infobox film\n| name = {title}\n| director = Ann Berg\n}}}}\n'''{title}''' is a 2020 Danish "
            f"film.\n").encode()


def _large(characters: int, unit: bytes = b"a") -> Iterator[bytes]:
    """Text of about ``characters`` characters (``unit`` being one character as the XML writes it)."""
    piece = unit * ((1 << 20) // len(unit))
    for _ in range(characters // ((1 << 20) // len(unit)) + 1):
        yield piece


def _compressed(pieces: Iterator[bytes], kind: str) -> bytes:
    compressor = zlib.compressobj(1, wbits=31) if kind == "gz" else bz2.BZ2Compressor(1)
    return b"".join(compressor.compress(piece) for piece in pieces) + compressor.flush()


@pytest.mark.parametrize(("kind", "unit"), [("bz2", b"a"), ("gz", b"a"), ("xml", b"a"), ("gz", "é".encode()),
                                           ("gz", b"&amp;"), ("gz", "\U0001F3AC".encode())],
                         ids=["bz2", "gz", "xml", "two-byte", "entity", "four-byte"])
def test_a_page_past_the_limit_fails_alone_and_the_dump_goes_on(tmp_path: Path, kind: str, unit: bytes) -> None:
    # Cut inside a character or an entity, the page's XML must still close well: the page fails alone.
    pages = [("Film A", _film("Film A")), ("Huge &amp; Long", _large(MAX_REVISION_CHARS + 10, unit)),
             ("Film B", _film("Film B"))]
    path = tmp_path / f"dump.xml{'' if kind == 'xml' else '.' + kind}"
    path.write_bytes(b"".join(_dump(pages)) if kind == "xml" else _compressed(_dump(pages), kind))
    jobs = list(iter_jobs([path]))
    assert [(job.title, bool(job.error)) for job in jobs] == [("Film A", False), ("Huge & Long", True),
                                                             ("Film B", False)]
    assert jobs[1].error == (f"{path}#Huge & Long: a revision larger than {MAX_REVISION_CHARS:,} characters; the page "
                             f"was refused as it was read")


def test_a_page_under_the_limit_is_read_whole(tmp_path: Path) -> None:
    text = _film("Long Film") + b"Long Film is long. " * 100_000  # 1.9 MB: large, and under every limit
    path = tmp_path / "dump.xml.bz2"
    path.write_bytes(_compressed(_dump([("Long Film", text)]), "bz2"))
    [job] = iter_jobs([path])
    assert job.error is None and job.text is not None and len(job.text) == len(text)


def test_markup_that_hides_page_tags_cannot_reset_the_count(tmp_path: Path) -> None:
    # "<revision>" inside a CDATA section or a comment is text: it must not start the count afresh.
    hiding = b"<![CDATA[<revision><page>]]><!-- <revision> -->"
    pieces = (hiding + b"a" * ((1 << 20) - len(hiding)) for _ in range(MAX_REVISION_CHARS // (1 << 20) + 2))
    path = tmp_path / "dump.xml.bz2"
    path.write_bytes(_compressed(_dump([("Huge", pieces), ("Film B", _film("Film B"))]), "bz2"))
    jobs = list(iter_jobs([path]))
    assert [(job.title, bool(job.error)) for job in jobs] == [("Huge", True), ("Film B", False)]


@pytest.mark.parametrize("markup", [b"<sitename>", b"<!-- ", b"<sitename a='"])
def test_a_dump_header_past_the_limit_is_refused_in_one_line(tmp_path: Path, markup: bytes) -> None:
    # Outside any page there is no page to refuse alone: the dump is refused, before it is held.
    path = tmp_path / "dump.xml.bz2"
    head = b'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/"><siteinfo>' + markup
    path.write_bytes(_compressed(itertools.chain([head], _large(MAX_REVISION_CHARS + 10)), "bz2"))
    jobs: list[Job] = []
    assert _peak_bytes(lambda: jobs.extend(iter_jobs([path]))) < 200 * 2**20
    assert [job.error for job in jobs] == [f"{path}: more than {MAX_REVISION_CHARS:,} characters outside any page"]


def test_a_page_inside_a_page_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "dump.xml"
    path.write_bytes(b"".join(_dump([("Film A", _film("Film A"))])).replace(b"<ns>0</ns>", b"<ns>0</ns><page></page>"))
    result = _cli("export", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert _error_lines(result) == [f"Error: {path}: cannot read dump: Unexpected tag found when processing a <page>: "
                                    f"'page'"]


def test_a_dump_that_declares_entities_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "dump.xml"
    path.write_bytes(b'<!DOCTYPE mediawiki [<!ENTITY big "aaaaaaaaaa">]>' + b"".join(_dump([("A", b"&big;")])))
    result = _cli("export", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert _error_lines(result) == [f"Error: {path}: the dump declares entities; a dump never does"]


def test_a_gzip_dump_bomb_is_refused_as_it_streams(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xml.gz"
    path.write_bytes(_compressed(_dump([("Bomb", _large(200 * 2**20))]), "gz"))  # 200 MiB in 200 KB
    jobs: list[Job] = []
    assert _peak_bytes(lambda: jobs.extend(iter_jobs([path]))) < 200 * 2**20
    assert len(jobs) == 1 and "the rest of the dump is not read" in (jobs[0].error or "")


def test_bytes_after_a_gzip_dump_cost_no_page_before_them(tmp_path: Path) -> None:
    # GzipFile.read(n) read past the member and failed, taking the member's last pages with it.
    path = tmp_path / "dump.xml.gz"
    pages = [(title, _film(title)) for title in ("Film A", "Film B", "Film C")]
    path.write_bytes(gzip.compress(b"".join(_dump(pages))) + b"trailing bytes")
    assert [job.title for job in iter_jobs([path]) if not job.error] == ["Film A", "Film B", "Film C"]


def test_an_article_file_past_the_limit_is_refused_before_it_is_held(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.write(b"= Huge =\n\n")
        for piece in _large(40 * 2**20):
            out.write(piece)
    peak = _peak_bytes(lambda: _cli("export", str(path), "-o", str(tmp_path / "out")))
    assert peak < 200 * 2**20
    result = _cli("export", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert _error_lines(result) == [f"Error: {path}: larger than 8,000,000 bytes: no article is this large"]


# ---------------------------------------------------------------------------------------------- HTTP answers


class _Bombs(BaseHTTPRequestHandler):
    """The fake server's ``gzbomb`` (a small gzip answer that decodes past the cap) and ``infinite`` (a fast body
    that never ends) modes, for the MediaWiki API and a SPARQL endpoint alike: the first path segment is the mode."""

    protocol_version = "HTTP/1.1"
    gzip_bomb = b""

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if self.path.startswith("/gzbomb/"):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(self.gzip_bomb)))
            self.end_headers()
            with contextlib.suppress(OSError):  # the client lets go, as it should
                self.wfile.write(self.gzip_bomb)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        frame = f"{1 << 20:x}\r\n".encode() + b"a" * (1 << 20) + b"\r\n"
        started = time.monotonic()
        try:
            while time.monotonic() - started < 60:
                self.wfile.write(frame)
        except OSError:
            pass  # the client let go, as it should

    do_POST = do_GET  # noqa: N815 - the name http.server calls

    def log_message(self, *args: object) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the client hung up on a bomb, as it should


@contextmanager
def _bomb_server() -> Iterator[str]:
    if not _Bombs.gzip_bomb:  # 2 MiB past the cap, sent as about 70 KB
        _Bombs.gzip_bomb = gzip.compress(b'{"query": {"pages": [{"title": "' + b"a" * (MAX_ANSWER_BYTES + 2**21)
                                         + b'"}]}}', compresslevel=6)
    server = _QuietServer(("127.0.0.1", 0), _Bombs)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.mark.parametrize("mode", ["gzbomb", "infinite"])
def test_an_answer_past_the_cap_ends_in_one_error_line(mode: str, tmp_path: Path) -> None:
    with _bomb_server() as server:
        env = {"FILMGRAPH_MEDIAWIKI_API": f"{server}/{mode}/w/api.php", "FILMGRAPH_CONTACT": "x@example.org",
               "XDG_CACHE_HOME": str(tmp_path / "cache")}
        started = time.monotonic()
        fetched = _cli("export", "wiki:48 Hrs.", "-o", str(tmp_path / "out"), env=env)
        queried = _cli("query", "SELECT * { ?s ?p ?o }", "--endpoint", f"{server}/{mode}/query")
        assert time.monotonic() - started < 30
    refused = f"an answer larger than {MAX_ANSWER_BYTES:,} bytes; refused"
    for result, url in ((fetched, f"{server}/{mode}/w/api.php"), (queried, f"{server}/{mode}/query")):
        assert result.exit_code == 2, result.output
        [line] = _error_lines(result)
        assert line.endswith(f"{url}: {refused}"), line
