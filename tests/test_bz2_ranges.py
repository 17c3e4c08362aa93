"""A single-stream bz2 dump read in parallel: cut into ranges of its bytes, each worker decompressing the bz2 blocks
that begin in its own range (found by their magic) and reading the pages that begin in them."""

from __future__ import annotations

import bz2
import io
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from filmgraph.batch import Layout, export_batch
from filmgraph.read import bz2blocks, dump
from filmgraph.read.dump import Job, PageTally, iter_block_ranges, iter_dump, iter_jobs, stream_pages
from filmgraph.shards import finished_records
from test_shards import corpus_dump, quads


def _text(size: int) -> bytes:
    """Text that compresses like a wiki page's: words, repeated, with some noise."""
    rng = random.Random(7)
    words = [bytes(rng.choices(b"abcdefghijklmnopqrstuvwxyz", k=rng.randint(2, 9))) for _ in range(2000)]
    out = bytearray()
    while len(out) < size:
        out += b" ".join(rng.choices(words, k=12)) + b".\n"
    return bytes(out[:size])


def _owned(file: io.BytesIO, size: int, step: int) -> bytes:
    return b"".join(piece for start in range(0, size, step)
                    for piece, owned in bz2blocks.blocks(file, start, min(step, size - start)) if owned)


@pytest.mark.parametrize("step", [29_989, 200_000, 10**9])
def test_the_ranges_blocks_give_the_file_back(step: int) -> None:
    data = _text(2_500_000)
    # Two streams, as pbzip2 writes them (or a dump joined from parts): blocks of 100 kB, then of 900 kB.
    compressed = bz2.compress(data[:1_000_000], 1) + bz2.compress(data[1_000_000:], 9)
    assert _owned(io.BytesIO(compressed), len(compressed), step) == data


@pytest.mark.parametrize("scan", [64, 1000, 4097])
def test_magics_are_found_wherever_the_scans_chunks_fall(scan: int, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _text(1_500_000)
    compressed = bz2.compress(data, 1) + bz2.compress(data[:300_000], 2)
    every = list(bz2blocks.magics(io.BytesIO(compressed), 0))
    kinds = [kind for _, kind in every]
    assert kinds.count(bz2blocks.END_MAGIC) == 2 and kinds.count(bz2blocks.BLOCK_MAGIC) >= 10
    monkeypatch.setattr(bz2blocks, "_SCAN_BYTES", scan)  # a magic across every place a chunk can end
    assert list(bz2blocks.magics(io.BytesIO(compressed), 0)) == every
    for bit, _ in every:
        for before in [*range(8), *range(scan - 7, scan + 1)]:  # at the first chunk's start, and across its end
            start = bit // 8 - before
            if start >= 0:
                first = next(found for found in every if found[0] >= start * 8)
                assert next(bz2blocks.magics(io.BytesIO(compressed), start)) == first


def test_a_magic_by_chance_inside_a_block_is_read_as_part_of_it(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _text(600_000)
    compressed = bz2.compress(data, 1)
    found = list(bz2blocks.magics(io.BytesIO(compressed), 0))
    kinds = [kind for _, kind in found]
    assert len(kinds) >= 5 and kinds == [bz2blocks.BLOCK_MAGIC] * (len(kinds) - 1) + [bz2blocks.END_MAGIC]
    assert found[0][0] == 32  # right after "BZh1"
    chance = (found[1][0] + found[2][0]) // 2  # as if the magic's 48 bits occurred inside the second block
    real_magics = bz2blocks.magics

    def with_chance(file: io.BytesIO, start: int, stop: int | None = None) -> Iterator[tuple[int, int]]:
        inside = start * 8 <= chance and (stop is None or chance < stop * 8)
        return iter(sorted([*real_magics(file, start, stop), *([(chance, bz2blocks.BLOCK_MAGIC)] if inside else [])]))

    monkeypatch.setattr(bz2blocks, "magics", with_chance)
    assert _owned(io.BytesIO(compressed), len(compressed), len(compressed)) == data
    assert _owned(io.BytesIO(compressed), len(compressed), 20_000) == data


def test_damage_in_a_block_is_named_by_its_place_and_the_blocks_after_it_are_read() -> None:
    data = _text(600_000)
    compressed = bytearray(bz2.compress(data, 1))
    damage = [piece for piece, _ in bz2blocks.blocks(io.BytesIO(bytes(compressed[:-100])), 0, len(compressed))
              if isinstance(piece, bz2blocks.BlockDamage)]
    assert [str(piece) for piece in damage] == [f"the bytes from {_last_block(compressed) // 8:,} do not decompress: "
                                                "the file ends inside them (cut short?)"]
    compressed[len(compressed) // 2] ^= 0x55
    pieces = list(bz2blocks.blocks(io.BytesIO(bytes(compressed)), 0, len(compressed)))
    damage = [piece for piece, _ in pieces if isinstance(piece, bz2blocks.BlockDamage)]
    assert len(damage) == 1
    assert re.fullmatch(r"the (block at byte|bytes) [\d,]+ .*do(es)? not decompress.*", str(damage[0]))
    text = b"".join(piece for piece, _ in pieces if isinstance(piece, bytes))
    assert data.startswith(text[:200_000]) and data.endswith(text[-200_000:])  # the blocks before and after


def _last_block(compressed: bytes | bytearray) -> int:
    return [bit for bit, kind in bz2blocks.magics(io.BytesIO(bytes(compressed)), 0)
            if kind == bz2blocks.BLOCK_MAGIC][-1]


@pytest.fixture(scope="module")
def level1_dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus twice, in bz2 blocks of 100 kB: about 60 blocks."""
    return corpus_dump(tmp_path_factory.mktemp("ranges") / "enwiki-twice.xml.bz2", copies=2, level=1)


def _read(path: Path, step: int | None = None) -> tuple[list[Job], list[str], PageTally]:
    tally = PageTally()
    films: list[Job] = []
    errors: list[str] = []
    ranges = iter_block_ranges(path, tally, step=step) if step else iter_jobs([path], tally=tally, parse=False)
    for job in ranges:
        if job.error:  # the dump itself (its end)
            errors.append(job.error)
            continue
        assert job.blocks
        for page in stream_pages(job, tally):
            (errors.append(page.error) if page.error else films.append(page))
    return films, errors, tally


def _facts(jobs: list[Job]) -> list[tuple[str | None, ...]]:
    return [(job.title, job.text, job.revision, job.timestamp, job.source, job.wiki) for job in jobs]


@pytest.mark.parametrize("step", [65_536, 300_001])
def test_ranges_give_every_page_of_the_dump_once(level1_dump: Path, step: int) -> None:
    whole = PageTally()
    expected = list(iter_dump(level1_dump, whole))
    assert len(expected) == 2 * 85 + 1  # the corpus film pages twice, and one whose infobox never closes
    films, errors, tally = _read(level1_dump, step)
    assert errors == []
    assert _facts(films) == _facts(expected)
    assert (tally.pages, tally.skipped, tally.bytes_read) == (whole.pages, whole.skipped, level1_dump.stat().st_size)
    assert films[0].source == "https://en.wikipedia.org/wiki/" + films[0].title.replace(" ", "_")


def test_damage_costs_the_pages_of_its_block_and_no_others(level1_dump: Path, tmp_path: Path) -> None:
    data = level1_dump.read_bytes()
    titles = [job.title for job in iter_dump(level1_dump)]

    cut = tmp_path / "cut.xml.bz2"
    cut.write_bytes(data[:len(data) * 2 // 3])
    films, errors, _ = _read(cut, 65_536)
    assert len(errors) == 1
    assert re.fullmatch(rf"{re.escape(str(cut))}@\d+: cannot read this part of the dump: the bytes from [\d,]+ do not "
                        r"decompress: the file ends inside them \(cut short\?\): the pages in them are lost", errors[0])
    assert [job.title for job in films] == titles[:len(films)] and len(films) > len(titles) // 2

    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x55
    bad = tmp_path / "bad.xml.bz2"
    bad.write_bytes(bytes(flipped))
    films, errors, _ = _read(bad, 65_536)
    assert len(errors) == 1 and re.search(r"the (block at byte|bytes) [\d,]+ .*do(es)? not decompress .*: the pages "
                                          r"in (it|them) are lost$", errors[0]), errors
    # Exactly the pages with text in the damaged 100 kB block are lost; the rest of its range, and every other
    # range, is read.
    xml = bz2.decompress(data)
    starts = [bit for bit, kind in bz2blocks.magics(io.BytesIO(data), 0)]
    damaged = max(index for index, bit in enumerate(starts) if bit <= len(data) // 2 * 8)
    lengths = [len(bz2.decompress(bz2blocks._as_stream(data[start // 8:(end + 7) // 8], start % 8, end - start)))
               for start, end in zip(starts, starts[1:], strict=False)]
    span = (sum(lengths[:damaged]), sum(lengths[:damaged + 1]))
    in_block = set()
    for match in re.finditer(rb"<page>.*?</page>", xml, re.DOTALL):
        if match.start() < span[1] and match.end() > span[0]:
            in_block.add(re.search(rb"<title>(.*?)</title>", match.group()).group(1).decode())
    read = [job.title for job in films]
    assert read == [title for title in titles if title not in in_block] and 0 < len(titles) - len(read) <= 8

    # Whole bz2, but the XML cut short: inside a page (said by the range of that page), or after one.
    xml = bz2.decompress(data)
    short = tmp_path / "short.xml.bz2"
    short.write_bytes(bz2.compress(xml[:-len(b"</page></mediawiki>")], 1))
    films, errors, _ = _read(short, 65_536)
    assert len(errors) == 1 and errors[0].endswith("the stream ends inside a page")
    body = xml[:-len(b"</mediawiki>")]  # ends with a page's </page>
    for streams in ([body], [body + b"\n"], [body[:-2], body[-2:]], [body, b"\n"]):  # the last block "e>", or "\n"
        ended = tmp_path / "ended.xml.bz2"
        ended.write_bytes(b"".join(bz2.compress(stream, 1) for stream in streams))
        films, errors, _ = _read(ended, 65_536)
        assert errors == [f"{ended}: cannot read dump: it ends before </mediawiki> (cut short?)"]
        assert [job.title for job in films] == titles


def test_a_page_tag_cut_at_a_ranges_last_block_is_read_once(tmp_path: Path) -> None:
    """A page's tag split between the last block of a range that holds no other page start (a large page covers
    it) and the next block: that range reads the page."""
    head = (b'<mediawiki><siteinfo><base>https://en.wikipedia.org/wiki/Main_Page</base></siteinfo>')
    big = b"<page><title>Big</title><ns>0</ns><revision><id>1</id><text>{{Infobox film}}" + _text(250_000) + \
          b"</text></revision></page>\n"
    small = b"<page><title>Small</title><ns>0</ns><revision><id>2</id><text>{{Infobox film}}</text></revision></page>"
    for split in range(1, len(b"<page>")):
        xml = head + big + small + b"</mediawiki>"
        at = len(head) + len(big) + split  # where the tag is cut: two streams, two blocks, as pbzip2 writes
        dump_path = tmp_path / f"split{split}.xml.bz2"
        first = bz2.compress(xml[:at], 1)
        dump_path.write_bytes(first + bz2.compress(xml[at:], 1))
        for step in (len(first) - 40, len(first) - 1, len(first)):  # ranges ending around the first stream's end
            films, errors, _ = _read(dump_path, step)
            assert errors == [] and [job.title for job in films] == ["Big", "Small"], (split, step)


def test_not_a_dump_is_refused_in_one_line(tmp_path: Path) -> None:
    other = tmp_path / "other.xml.bz2"
    other.write_bytes(bz2.compress(b"<html>" + _text(200_000) + b"</html>"))
    with pytest.raises(dump.FilmgraphError, match=r"not a MediaWiki XML dump \(no <mediawiki> element"):
        list(iter_block_ranges(other))


def test_two_workers_and_dask_read_a_single_stream_dump_by_ranges(level1_dump: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    one = export_batch([level1_dump], output_dir=tmp_path / "one", layout=Layout.SHARDS)
    # Ranges are for a dump of several MB; this one is made to count as large.
    monkeypatch.setattr(dump, "MIN_RANGE_BYTES", 100 << 10)
    ranges = list(iter_jobs([level1_dump], parse=False))
    assert len(ranges) >= 10 and all(job.blocks for job in ranges)
    seen: list[int] = []
    two = export_batch([level1_dump], output_dir=tmp_path / "two", layout=Layout.SHARDS, jobs=2, shard_size_mb=0.4,
                       on_progress=lambda counts: seen.append(counts.tally.bytes_read))
    # The progress moves as the workers finish ranges (not as ranges are handed out), up to the whole dump.
    size = level1_dump.stat().st_size
    assert seen == sorted(seen) and seen[0] < size // 2 and two.tally.bytes_read == two.tally.bytes_total == size
    expected = sorted(quads(tmp_path / "one"))
    assert len(expected) > 20_000
    assert sorted(quads(tmp_path / "two")) == expected
    assert (two.pages_read, two["written"], two.skipped) == (one.pages_read, one["written"], one.skipped)
    assert (two.pages_read, two["written"]) == (2 * 92 + 1, 2 * 82)
    assert sum(record.status == "stream" for record in finished_records(tmp_path / "two")) == len(ranges)

    # A shard left unfinished is done again on --resume; the same ranges are cut, so nothing is read twice.
    last = sorted((tmp_path / "two").glob("*.pages.jsonl"))[-1]
    last.unlink()
    again = export_batch([level1_dump], output_dir=tmp_path / "two", layout=Layout.SHARDS, jobs=2, resume=True,
                         shard_size_mb=0.4)
    assert again["resumed"] > 0 and again.tally.bytes_read == size
    assert sorted(quads(tmp_path / "two")) == expected
    sources = [record.source for record in finished_records(tmp_path / "two")]
    assert len(sources) == len(set(sources))

    # Dask's workers read their ranges themselves, by the dump's absolute path.
    monkeypatch.chdir(level1_dump.parent)
    export_batch([level1_dump.name], output_dir=tmp_path / "dask", layout=Layout.SHARDS, jobs=2, scheduler="local")
    assert sorted(quads(tmp_path / "dask")) == expected
