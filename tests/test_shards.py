"""Sharded bulk export: N-Quads shards with page lists, errors.jsonl, --resume after kill -9, and the same
quads whatever runs the work (one process, two, or a Dask cluster)."""

from __future__ import annotations

import bz2
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner

from filmgraph.batch import Layout, export_batch
from filmgraph.cli import cli
from filmgraph.errors import FilmgraphError
from filmgraph.shards import ERRORS_FILE, finished_records, finished_shards

CORPUS = Path(__file__).parent / "corpus"


def _page(number: int, title: str, text: str) -> str:
    return (f"<page><title>{escape(title)}</title><ns>0</ns><id>{number}</id><revision><id>{1000 + number}</id>"
            f"<timestamp>2020-01-01T00:00:00Z</timestamp><contributor><username>x</username><id>1</id>"
            f'</contributor><model>wikitext</model><format>text/x-wiki</format><text xml:space="preserve">'
            f"{escape(text)}</text><sha1>x</sha1></revision></page>")


def corpus_dump(path: Path, copies: int = 1, level: int = 9) -> Path:
    """The real corpus pages as one dump (``copies`` times, each copy under other titles), and one page
    whose film infobox never closes (so there is no film to read); bz2 at ``level`` (its blocks of
    ``level`` × 100 kB)."""
    pages = []
    for copy in range(copies):
        for index, page in enumerate(sorted(CORPUS.glob("*.wiki"))):
            title = page.stem.replace("_", " ") + (f" (copy {copy})" if copy else "")
            pages.append(_page(copy * 1000 + index + 1, title, page.read_text(encoding="utf-8")))
    pages.append(_page(99999, "Broken film", "{{Infobox film\n| name = " + "{{x|" * 5000 + "}}\n"))
    xml = ('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">'
           "<siteinfo><sitename>Wikipedia</sitename><dbname>enwiki</dbname>"
           "<base>https://en.wikipedia.org/wiki/Main_Page</base><generator>MediaWiki</generator>"
           '<case>first-letter</case><namespaces><namespace key="0" case="first-letter" /></namespaces>'
           "</siteinfo>" + "".join(pages) + "</mediawiki>")
    path.write_bytes(bz2.compress(xml.encode("utf-8"), level))
    return path


def quads(folder: Path) -> list[str]:
    return [line for shard in finished_shards(folder) for line in shard.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus_dump(tmp_path_factory.mktemp("dump") / "enwiki-films.xml.bz2")


@pytest.fixture(scope="module")
def one_process(dump: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("one")
    export_batch([dump], output_dir=out, layout=Layout.SHARDS, shard_size_mb=0.6)
    return out


def test_a_sharded_export_writes_shards_page_lists_and_errors(one_process: Path) -> None:
    shards = finished_shards(one_process)
    assert len(shards) >= 4  # rolled at the size limit
    assert not list(one_process.glob("*.part")) and not list(one_process.glob("*.ttl"))
    records = list(finished_records(one_process))
    statuses = [r.status for r in records]
    assert statuses.count("written") == 82 and len(records) == len({r.source for r in records}) == 86
    errors = [json.loads(line) for line in (one_process / ERRORS_FILE).read_text(encoding="utf-8").splitlines()]
    assert {e["status"] for e in errors} == {"skipped"}
    broken = [e for e in errors if e["title"] == "Broken film"]
    assert broken == [{"source": f"{broken[0]['source']}", "title": "Broken film", "status": "skipped",
                       "stage": "read", "message": f"{broken[0]['source']}: not a film article (no film infobox, "
                                                   "and the lead does not call it a film)"}]
    assert broken[0]["source"].endswith("enwiki-films.xml.bz2#Broken film")
    assert all(e["stage"] and e["message"] for e in errors)
    # Every film is one named graph, and each graph is in exactly one shard.
    graphs = {}
    for shard in shards:
        for line in shard.read_text(encoding="utf-8").splitlines():
            graphs.setdefault(line.rsplit(" ", 2)[-2], set()).add(shard.name)
    assert len(graphs) == 82 and all(len(names) == 1 for names in graphs.values())
    assert "<https://en.wikipedia.org/wiki/48_hrs>" in graphs


def test_a_second_run_into_the_same_folder_needs_resume(dump: Path, one_process: Path) -> None:
    with pytest.raises(FilmgraphError, match="give --resume"):
        export_batch([dump], output_dir=one_process, layout=Layout.SHARDS)


def test_two_processes_and_dask_give_the_same_quads(dump: Path, one_process: Path, tmp_path: Path) -> None:
    expected = sorted(quads(one_process))
    export_batch([dump], output_dir=tmp_path / "two", layout=Layout.SHARDS, jobs=2)
    assert sorted(quads(tmp_path / "two")) == expected
    export_batch([dump], output_dir=tmp_path / "dask", layout=Layout.SHARDS, jobs=2, scheduler="local")
    assert sorted(quads(tmp_path / "dask")) == expected


def test_kill_9_then_resume_gives_every_page_once(tmp_path: Path, one_process: Path) -> None:
    dump = corpus_dump(tmp_path / "enwiki-twice.xml.bz2", copies=2)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "filmgraph", "export", str(dump), "-j", "2", "-o", str(out), "--shard-size", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(list(out.glob("*.pages.jsonl"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    done_before = {r.source for r in finished_records(out)}
    assert done_before, "the export was killed before any shard was finished"
    assert not (out / ERRORS_FILE).exists()

    result = CliRunner().invoke(cli, ["export", str(dump), "-o", str(out), "--resume", "--shard-size", "1"])
    assert result.exit_code == 0, result.output
    assert f"{len(done_before)} done before (resumed)" in result.stderr
    records = list(finished_records(out))
    sources = [r.source for r in records]
    assert len(sources) == len(set(sources)) == 2 * 85 + 1  # every page once: no duplicate, no gap
    assert not list(out.glob("*.part"))
    once = sorted(quads(one_process))
    # The second copy's films are the first copy's under other titles: twice the quads, each graph once.
    got = quads(out)
    assert len(got) == len(set(got))
    first_copy = sorted(line for line in got if "(copy 1)" not in line and "_(copy_1)" not in line)
    assert first_copy == once


def multistream_dump(folder: Path, pages_per_stream: int = 7) -> Path:
    """The corpus as a multistream dump, as Wikimedia publishes it: the header in a bz2 stream of its own,
    then streams of a few pages each, and the index (offset:id:title) beside it."""
    header = ('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">'
              "<siteinfo><sitename>Wikipedia</sitename><dbname>enwiki</dbname>"
              "<base>https://en.wikipedia.org/wiki/Main_Page</base><generator>MediaWiki</generator>"
              '<case>first-letter</case><namespaces><namespace key="0" case="first-letter" /></namespaces>'
              "</siteinfo>\n")
    pages = [(index + 1, page.stem.replace("_", " "), page.read_text(encoding="utf-8"))
             for index, page in enumerate(sorted(CORPUS.glob("*.wiki")))]
    data, index_lines = bz2.compress(header.encode("utf-8")), []
    for start in range(0, len(pages), pages_per_stream):
        group = pages[start:start + pages_per_stream]
        index_lines += [f"{len(data)}:{number}:{title}" for number, title, _ in group]
        data += bz2.compress("".join(_page(number, title, text) for number, title, text in group).encode("utf-8"))
    data += bz2.compress(b"</mediawiki>\n")
    dump = folder / "enwiki-20200101-pages-articles-multistream.xml.bz2"
    dump.write_bytes(data)
    (folder / "enwiki-20200101-pages-articles-multistream-index.txt.bz2").write_bytes(
        bz2.compress("\n".join(index_lines).encode("utf-8") + b"\n"))
    return dump


def test_a_multistream_dump_is_decompressed_in_the_workers(tmp_path: Path) -> None:
    from filmgraph.read.dump import iter_jobs

    dump = multistream_dump(tmp_path)
    streams = list(iter_jobs([dump]))
    assert len(streams) == 14 and all(job.is_stream for job in streams)  # 92 pages in streams of 7, and the end
    assert streams[0].wiki == "https://en.wikipedia.org/wiki/"
    export_batch([dump], output_dir=tmp_path / "streams", layout=Layout.SHARDS, jobs=2, shard_size_mb=0.4)
    # The same file read as one stream (bz2 reads the streams one after another): the same quads.
    plain = tmp_path / "plain" / "enwiki-films.xml.bz2"
    plain.parent.mkdir()
    plain.write_bytes(dump.read_bytes())
    export_batch([plain], output_dir=tmp_path / "plain-out", layout=Layout.SHARDS)
    by_stream = sorted(quads(tmp_path / "streams"))
    assert len(by_stream) > 10_000
    assert by_stream == sorted(quads(tmp_path / "plain-out"))
    records = list(finished_records(tmp_path / "streams"))
    assert sum(r.status == "stream" for r in records) == 14
    assert sum(r.status == "written" for r in records) == 82

    # A shard left unfinished (its page list never written) is done again, whole, on --resume.
    last = sorted((tmp_path / "streams").glob("*.pages.jsonl"))[-1]
    last.unlink()
    counts = export_batch([dump], output_dir=tmp_path / "streams", layout=Layout.SHARDS, jobs=2, resume=True,
                          shard_size_mb=0.4)
    assert counts["resumed"] > 0 and counts["written"] > 0
    assert sorted(quads(tmp_path / "streams")) == by_stream
    sources = [r.source for r in finished_records(tmp_path / "streams")]
    assert len(sources) == len(set(sources))


def test_an_index_that_does_not_fit_its_dump_is_one_line(tmp_path: Path) -> None:
    dump = multistream_dump(tmp_path)
    index = tmp_path / "enwiki-20200101-pages-articles-multistream-index.txt.bz2"
    index.write_bytes(bz2.compress(b"999999999999:1:Film\n"))
    result = CliRunner().invoke(cli, ["export", str(dump), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (f"Error: {index}: cannot read the dump's index: its offsets do not fit "
                                             "the dump")
    assert "Traceback" not in result.output
