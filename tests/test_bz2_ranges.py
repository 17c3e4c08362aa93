"""A single-stream bz2 dump read in parallel: cut into ranges of its bytes, each worker decompressing the bz2 blocks
that begin in its own range (found by their magic) and reading the pages that begin in them."""

from __future__ import annotations

import bz2
import io
import random
from collections import Counter
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
    monkeypatch.setattr(bz2blocks, "magics", lambda file, start: iter(sorted(
        [*real_magics(file, start), *([(chance, bz2blocks.BLOCK_MAGIC)] if chance >= start * 8 else [])])))
    assert _owned(io.BytesIO(compressed), len(compressed), len(compressed)) == data
    assert _owned(io.BytesIO(compressed), len(compressed), 20_000) == data


def test_damage_in_a_block_is_named_by_its_place() -> None:
    compressed = bytearray(bz2.compress(_text(600_000), 1))
    with pytest.raises(bz2blocks.BlockDamage, match=r"the file ends inside the block at byte [\d,]+ \(cut short\?\)"):
        list(bz2blocks.blocks(io.BytesIO(bytes(compressed[:-100])), 0, len(compressed)))
    compressed[len(compressed) // 2] ^= 0x55
    with pytest.raises(bz2blocks.BlockDamage, match=r"the block at byte [\d,]+ does not decompress"):
        list(bz2blocks.blocks(io.BytesIO(bytes(compressed)), 0, len(compressed)))


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
    assert len(expected) == 2 * 85 + 1  # the corpus films twice, and one whose infobox never closes
    films, errors, tally = _read(level1_dump, step)
    assert errors == []
    assert _facts(films) == _facts(expected)
    assert (tally.pages, tally.skipped, tally.bytes_read) == (whole.pages, whole.skipped, level1_dump.stat().st_size)
    assert films[0].source == "https://en.wikipedia.org/wiki/" + films[0].title.replace(" ", "_")


def test_a_damaged_range_keeps_the_pages_before_the_damage(level1_dump: Path, tmp_path: Path) -> None:
    data = level1_dump.read_bytes()
    titles = [job.title for job in iter_dump(level1_dump)]

    cut = tmp_path / "cut.xml.bz2"
    cut.write_bytes(data[:len(data) * 2 // 3])
    films, errors, _ = _read(cut, 65_536)
    assert len(errors) == 1
    assert errors[0].startswith(f"{cut}@") and errors[0].endswith("(cut short?)")
    assert [job.title for job in films] == titles[:len(films)] and len(films) > len(titles) // 2

    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x55
    bad = tmp_path / "bad.xml.bz2"
    bad.write_bytes(bytes(flipped))
    films, errors, _ = _read(bad, 65_536)
    assert len(errors) == 1 and "does not decompress" in errors[0]
    # The damaged block's pages are lost, and the rest of its range (64 kB of bz2 here, 8 MB in a large dump);
    # every other range is read.
    lost = Counter(titles) - Counter(job.title for job in films)
    assert Counter(job.title for job in films) <= Counter(titles) and 0 < lost.total() <= 20

    # Whole bz2, but the XML cut short: the range with the last block says so.
    xml = bz2.decompress(data)
    short = tmp_path / "short.xml.bz2"
    short.write_bytes(bz2.compress(xml[:-len(b"</page></mediawiki>")], 1))
    films, errors, _ = _read(short, 65_536)
    assert len(errors) == 1 and errors[0].endswith("the stream ends inside a page")
    ended = tmp_path / "ended.xml.bz2"
    ended.write_bytes(bz2.compress(xml[:-len(b"</mediawiki>")], 1))
    films, errors, _ = _read(ended, 65_536)
    assert errors == [f"{ended}@{errors[0].split('@')[1].split(':')[0]}: cannot read this part of the dump: the dump "
                      "ends before </mediawiki> (cut short?)"]
    assert [job.title for job in films] == titles


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
    assert (two.pages_read, two["written"]) == (2 * 92 + 1, 2 * 85)
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
