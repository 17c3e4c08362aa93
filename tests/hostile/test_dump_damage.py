"""Dumps whose index or compression is damaged lose no film and change no identity: a multistream index that
skips streams, lists only the closing one or starts at offset 0; a gzip dump with bytes after its stream; two
pages of one title. (inputs2/README.md: the ms_index, gzip and duplicate title rows.)"""

from __future__ import annotations

import bz2
import gzip
import json
import re
import shutil
import zlib
from pathlib import Path

import pyoxigraph
import pytest

from .hostile2 import HOSTILE2, PROJECT, error_lines, run_cli

FILMS = {f"https://en.wikipedia.org/wiki/Film_{letter}" for letter in "ABCDEF"}


def _graphs(folder: Path) -> set[str]:
    return {q.graph_name.value for shard in folder.glob("films-*.nq")
            for q in pyoxigraph.parse(path=str(shard), format=pyoxigraph.RdfFormat.N_QUADS)}


@pytest.mark.parametrize("name", ["ms_index_ok", "ms_index_skips_first", "ms_index_closing_only", "ms_index_zero"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_every_film_of_a_multistream_dump_is_read_whatever_its_index_says(name: str, jobs: str,
                                                                          tmp_path: Path) -> None:
    dump = tmp_path / f"{name}-multistream.xml.bz2"
    shutil.copy(HOSTILE2 / dump.name, dump)
    shutil.copy(HOSTILE2 / f"{name}-multistream-index.txt.bz2", tmp_path)
    out = tmp_path / "out"
    result = run_cli("export", str(dump), "-o", str(out), "-j", jobs)
    assert result.exit_code == 0, result.output
    assert "6 films written" in result.stderr
    assert _graphs(out) == FILMS  # the site info read from the header stream: the wiki's own article IRIs


def test_a_multistream_index_beyond_the_dump_is_one_line(tmp_path: Path) -> None:
    dump = tmp_path / "x-multistream.xml.bz2"
    shutil.copy(HOSTILE2 / "ms_index_ok-multistream.xml.bz2", dump)
    index = tmp_path / "x-multistream-index.txt.bz2"
    index.write_bytes(bz2.compress(b"296:1:Film A\n999999:3:Film C\n"))
    result = run_cli("export", str(dump), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert error_lines(result) == [f"Error: {index}: cannot read the dump's index: its offsets do not fit the dump"]


def test_bytes_after_a_gzip_dump_cost_no_page(tmp_path: Path) -> None:
    text = (PROJECT / "tests" / "hostile" / "dump50.xml").read_bytes()
    dump = tmp_path / "dump.xml.gz"
    dump.write_bytes(gzip.compress(text) + b"trailing bytes \x00\x01 not gzip")
    whole = run_cli("export", str(PROJECT / "tests" / "hostile" / "dump50.xml"), "-o", str(tmp_path / "whole"))
    damaged = run_cli("export", str(dump), "-o", str(tmp_path / "damaged"))
    assert damaged.exit_code == 2
    assert _graphs(tmp_path / "damaged") == _graphs(tmp_path / "whole")  # every page before the damage
    assert error_lines(damaged) == [f"Error: {dump}: cannot read dump past its end: Not a gzipped file (b'tr')"]
    assert whole.exit_code == 0


def test_a_cut_gzip_dump_keeps_every_page_before_the_cut(tmp_path: Path) -> None:
    text = (PROJECT / "tests" / "hostile" / "dump50.xml").read_bytes()
    packed = gzip.compress(text)
    cut = packed[: len(packed) * 2 // 3]
    dump = tmp_path / "cut.xml.gz"
    dump.write_bytes(cut)
    result = run_cli("export", str(dump), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert error_lines(result) == [f"Error: {dump}: cannot read dump: Compressed file ended before the "
                                   "end-of-stream marker was reached"]
    readable = zlib.decompressobj(wbits=31).decompress(cut)  # what the cut stream still holds
    exported = int(re.search(r"(\d+) films written", result.stderr).group(1))  # type: ignore[union-attr]
    assert exported == readable.count(b"</page>")  # every page complete before the cut (all are films)


DUPLICATE = HOSTILE2 / "dump_duplicate_title.xml"  # "Film A" twice: 1999 by Carl Holm, then 2021 by Ann Berg
REFUSED = ("duplicate title: an earlier page of the run is titled Film A; this page (revision 20) is refused, "
           "the first kept")


def _directors(store: Path) -> list[tuple[str, str]]:
    """Each film of the store with each of its directors' names."""
    result = run_cli("query", "SELECT ?f ?n WHERE { GRAPH ?g { ?f a <http://schema.org/Movie> ; "
                     "<http://schema.org/director>/<http://schema.org/name> ?n } }", "--store", str(store), "-f", "tsv")
    assert result.exit_code == 0, result.output
    return [tuple(line.split("\t")) for line in result.stdout.splitlines()[1:]]  # type: ignore[misc]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_second_page_of_one_title_is_refused_and_the_first_kept(jobs: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("export", str(DUPLICATE), "-o", str(out), "-j", jobs)
    assert result.exit_code == 2
    assert error_lines(result) == [f"Error: {DUPLICATE}#Film A: {REFUSED}"]
    assert ("2 pages read, 1 film written, 0 skipped (0 no film infobox, 0 redirect, 0 other namespace), "
            "0 declined, 0 violate the shapes, 1 failed") in result.stderr
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["title"], e["status"], e["message"]) for e in errors] == [
        ("Film A", "error", f"{DUPLICATE}#Film A: {REFUSED}")]
    assert run_cli("load", str(out), "--store", str(tmp_path / "store")).exit_code == 0
    assert [name for _, name in _directors(tmp_path / "store")] == ['"Carl Holm"']  # one film, the first page's
    again = run_cli("export", str(DUPLICATE), "-o", str(out), "-j", jobs, "--resume")
    assert "2 pages read, 2 done before (resumed), 0 films written" in again.stderr  # the refused page stays refused


def test_a_dump_loaded_keeps_the_first_page_of_a_title(tmp_path: Path) -> None:
    result = run_cli("load", str(DUPLICATE), "--store", str(tmp_path / "store"))
    assert result.exit_code == 2
    assert error_lines(result) == [f"Error: {DUPLICATE}#Film A: {REFUSED}"]
    assert [name for _, name in _directors(tmp_path / "store")] == ['"Carl Holm"']


def test_a_multistream_dump_keeps_the_first_page_of_a_title(tmp_path: Path) -> None:
    text = DUPLICATE.read_text(encoding="utf-8")
    head, rest = text.split("<page>", 1)
    page_a, page_b = ("<page>" + rest).split("</mediawiki>")[0].split("</page>")[:2]
    streams = [head, page_a + "</page>\n", page_b + "</page>\n", "</mediawiki>\n"]  # the pages in two streams
    data, index = b"", []
    for number, part in enumerate(streams):
        if 0 < number < 3:
            index.append(f"{len(data)}:{number}:Film A")
        data += bz2.compress(part.encode("utf-8"))
    dump = tmp_path / "x-multistream.xml.bz2"
    dump.write_bytes(data)
    (tmp_path / "x-multistream-index.txt.bz2").write_bytes(bz2.compress("\n".join(index).encode("utf-8") + b"\n"))
    result = run_cli("export", str(dump), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert error_lines(result) == [f"Error: {dump}#Film A: {REFUSED}"]
    assert run_cli("load", str(tmp_path / "out"), "--store", str(tmp_path / "store")).exit_code == 0
    assert [name for _, name in _directors(tmp_path / "store")] == ['"Carl Holm"']
