"""Folders and XML dumps, streamed through worker processes."""

from __future__ import annotations

import bz2
from pathlib import Path
from xml.sax.saxutils import escape

from click.testing import CliRunner

from filmgraph.batch import export_batch
from filmgraph.cli import cli
from filmgraph.read.dump import Job, iter_jobs

ARTICLES = Path(__file__).parent / "articles"


def _page(title: str, text: str, *, redirect: bool = False, namespace: int = 0) -> str:
    redirect_tag = f'<redirect title="{escape(text)}" />' if redirect else ""
    return (f"<page><title>{escape(title)}</title><ns>{namespace}</ns><id>{abs(hash(title)) % 10**6}</id>"
            f"{redirect_tag}<revision><id>1</id><timestamp>2024-01-01T00:00:00Z</timestamp>"
            f"<contributor><username>x</username><id>1</id></contributor>"
            f'<model>wikitext</model><format>text/x-wiki</format><text xml:space="preserve">{escape(text)}</text>'
            f"<sha1>x</sha1></revision></page>")


def write_dump(path: Path) -> Path:
    film = (ARTICLES / "the_celebration.wiki").read_text(encoding="utf-8")
    xml = ('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">'
           "<siteinfo><sitename>Wikipedia</sitename><dbname>enwiki</dbname>"
           "<base>https://en.wikipedia.org/wiki/Main_Page</base><generator>MediaWiki</generator>"
           '<case>first-letter</case><namespaces><namespace key="0" case="first-letter" />'
           '<namespace key="10" case="first-letter">Template</namespace></namespaces></siteinfo>'
           + _page("The Celebration", film)
           + _page("Copenhagen", "'''Copenhagen''' is the capital of Denmark.")
           + _page("Festen", "The Celebration", redirect=True)
           + _page("Template:Infobox film", "{{Infobox film}} documentation", namespace=10)
           + "</mediawiki>")
    path.write_bytes(bz2.compress(xml.encode("utf-8")))
    return path


def test_dump_yields_only_film_articles(tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "enwiki-test.xml.bz2")
    jobs = list(iter_jobs([dump]))
    assert [j.title for j in jobs if isinstance(j, Job)] == ["The Celebration"]
    assert jobs[0].source == "https://en.wikipedia.org/wiki/The_Celebration"


def test_folder_and_dump_in_parallel(tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "enwiki-test.xml.bz2")
    out = tmp_path / "out"
    seen = []
    counts = export_batch([ARTICLES, dump, tmp_path / "missing.xml.gz"], output_dir=out, jobs=2,
                          on_result=lambda s: seen.append((s.input, s.exit_code)))
    articles = sorted(p for p in ARTICLES.iterdir() if p.suffix in (".txt", ".wiki"))
    assert counts == {"written": len(articles) + 1, "violations": 0, "errors": 1, "skipped": 0,
                      "resumed": 0}
    assert (f"{tmp_path / 'missing.xml.gz'}", 2) in seen
    assert (out / "the-celebration.ttl").exists() and (out / "pusher.jsonld").exists()
    # The sample and its variant share a title: both are kept, the second under slug-hash.
    assert len(list(out.glob("second-victims*.ttl"))) == 2
    assert not list(out.glob(".filmgraph-names-*"))
    # The dump's page and the folder's .wiki file are two films of one title: both are kept.
    celebrations = sorted(out.glob("the-celebration*.ttl"))
    assert len(celebrations) == 2
    assert any("<https://en.wikipedia.org/wiki/The_Celebration>" in p.read_text(encoding="utf-8")
               for p in celebrations)


def test_cli_streams_a_dump(tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "enwiki-test.xml.bz2")
    result = CliRunner().invoke(cli, ["export", str(dump), "-o", str(tmp_path / "out"), "-j", "2", "-f", "nt"])
    assert result.exit_code == 0, result.output
    assert result.stderr.strip().endswith("1 exported, 0 skipped (not films), 0 violate the shapes, 0 errors")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["the-celebration.nt"]


def test_cli_batch_reports_bad_files_and_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "pusher.txt").write_bytes((ARTICLES / "pusher.txt").read_bytes())
    result = CliRunner().invoke(cli, ["export", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert f"Error: {folder / 'empty.txt'}: empty file" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["pusher.jsonld", "pusher.ttl"]


def test_dask_local_cluster(tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "enwiki-test.xml.bz2")
    out = tmp_path / "out"
    seen: list[str] = []
    counts = export_batch([dump, ARTICLES / "pusher.txt"], output_dir=out, jobs=2, scheduler="local",
                          on_result=lambda s: seen.append(s.input))
    assert counts == {"written": 2, "violations": 0, "errors": 0, "skipped": 0, "resumed": 0}
    assert sorted(p.name for p in out.iterdir()) == ["pusher.jsonld", "pusher.ttl", "the-celebration.jsonld",
                                                     "the-celebration.ttl"]


def test_unreachable_dask_scheduler_is_one_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(ARTICLES / "pusher.txt"), "-o", str(tmp_path),
                                      "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: tcp://127.0.0.1:9: cannot connect to the Dask scheduler")


def test_kill_9_of_a_parallel_export_leaves_no_worker_and_no_folder(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import tempfile
    import time

    out = tmp_path / "killed-out"
    dump = Path(__file__).parent / "hostile" / "dump50.xml"
    command = [sys.executable, "-m", "filmgraph", "export", str(dump), str(dump), "-j", "2", "--layout", "files",
               "-o", str(out)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while not list(out.glob("*.ttl")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    def survivors() -> list[str]:
        found = []
        for entry in Path("/proc").iterdir():
            try:
                if entry.name.isdigit() and str(out).encode() in (entry / "cmdline").read_bytes():
                    found.append(entry.name)
            except OSError:
                continue
        return found

    deadline = time.monotonic() + 10
    while survivors() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert survivors() == []
    assert not [p for p in out.iterdir() if p.name.startswith(".filmgraph")]
    assert not list(Path(tempfile.gettempdir()).glob(f".filmgraph-names-*{out.name}*"))


def test_read_settings_travel_to_workers_and_each_opens_its_own_clients(tmp_path: Path) -> None:
    import pickle

    from filmgraph.batch import JobSettings
    from filmgraph.formats import Layout
    from filmgraph.pipeline import Reading, ReadSettings

    items = tmp_path / "items.tsv"
    items.write_text("Joel Silver\tQ704012\n", encoding="utf-8")
    settings = ReadSettings(contact="films@example.org", items_file=str(items), link_wikidata=False)
    job_settings = JobSettings(str(tmp_path), ("nt",), "https://example.org/", True, False, settings, {}, Layout.FILES)
    assert pickle.loads(pickle.dumps(job_settings)) == job_settings  # settings only: no client travels
    # Given the clients, a batch hands their settings to its workers, which open their own.
    counts = export_batch([ARTICLES / "pusher.txt", ARTICLES / "the_celebration.wiki"], output_dir=tmp_path / "out",
                          jobs=2, reading=Reading(settings))
    assert counts["written"] == 2
    with settings.open() as reading:
        assert reading.items(["Joel Silver"]) == {"Joel Silver": "Q704012"}
        index = reading._items
        assert index is not None
    assert reading._items is None  # closed when the block ends
    import sqlite3

    import pytest

    with pytest.raises(sqlite3.ProgrammingError):  # the items index is closed
        index.db.execute("SELECT 1")


def test_shard_size_is_in_megabytes_in_the_library_and_the_command(tmp_path: Path) -> None:
    from filmgraph.formats import Layout
    from filmgraph.shards import finished_shards

    inputs = [ARTICLES / "pusher.txt", ARTICLES / "the_celebration.wiki", ARTICLES / "second_victims.txt"]
    export_batch(inputs, output_dir=tmp_path / "library", layout=Layout.SHARDS, shard_size_mb=0.001)
    shards = len(finished_shards(tmp_path / "library"))
    assert shards == 3  # a film's quads pass 1 KB: one shard each
    for flag in ("--shard-size-mb", "--shard-size"):
        out = tmp_path / flag
        result = CliRunner().invoke(cli, ["export", *map(str, inputs), "-o", str(out), "--layout", "shards",
                                          flag, "0.001"])
        assert result.exit_code == 0, result.output
        assert len(finished_shards(out)) == shards
