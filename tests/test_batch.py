"""Folders and XML dumps, streamed through worker processes."""

from __future__ import annotations

import bz2
import json
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner

from filmgraph.batch import export_batch
from filmgraph.cli import cli
from filmgraph.rdf.write import RdfFormat
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
    assert (counts.written, counts.violations, counts.failed, counts.declined, counts.resumed) == \
        (len(articles) + 1, 0, 1, 0, 0)
    assert counts["written"] == counts.written and counts["errors"] == counts.failed  # the old names
    # Every file of the folder and every page of the dump read; the dump's three others skipped, by reason.
    assert counts.pages_read == len(articles) + 4
    assert counts.skipped == {"no film infobox": 1, "redirect": 1, "other namespace": 1}
    # The missing dump is a failed input: errors.jsonl lists it.
    [error] = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert error["source"] == str(tmp_path / "missing.xml.gz") and error["status"] == "error"
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
    assert ("4 pages read, 1 film written, 3 skipped (1 no film infobox, 1 redirect, 1 other namespace), 0 declined, "
            "0 violate the shapes, 0 failed in ") in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["errors.jsonl", "pages.jsonl", "the-celebration.nt"]


def test_cli_batch_reports_bad_files_and_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "pusher.txt").write_bytes((ARTICLES / "pusher.txt").read_bytes())
    result = CliRunner().invoke(cli, ["export", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert f"Error: {folder / 'empty.txt'}: empty file" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["errors.jsonl", "pages.jsonl", "pusher.jsonld",
                                                                   "pusher.ttl"]
    # The broken file is listed in errors.jsonl, as a dump's broken page is: source, stage, message.
    rows = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows == [{"source": str(folder / "empty.txt"), "title": None, "status": "error", "stage": "read",
                     "message": f"{folder / 'empty.txt'}: empty file"}]


def test_dask_local_cluster(tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "enwiki-test.xml.bz2")
    out = tmp_path / "out"
    seen: list[str] = []
    counts = export_batch([dump, ARTICLES / "pusher.txt"], output_dir=out, jobs=2, scheduler="local",
                          on_result=lambda s: seen.append(s.input))
    assert counts == {"written": 2, "violations": 0, "errors": 0, "skipped": 0, "resumed": 0}
    assert sorted(p.name for p in out.iterdir()) == ["errors.jsonl", "pages.jsonl", "pusher.jsonld", "pusher.ttl",
                                                     "the-celebration.jsonld", "the-celebration.ttl"]


@pytest.mark.parametrize("forked", [True, False])
def test_a_local_dask_clusters_workers_share_the_runs_film_names(tmp_path: Path, forked: bool,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Two films titled Batman (the corpus's 1989 film, and a short article of 1966 last of the run), in tasks of
    their own, exported by two workers: forked (Linux), they claim names through one manager; spawned
    (elsewhere), in a folder of the output. Either way the two films keep two names (a copy of the claims in each
    task would give both "batman", one film's files over the other's)."""
    import re

    from filmgraph import batch
    from filmgraph.batch import DASK_MIN_TASK_BYTES

    if not forked:
        config = {key: value for key, value in batch.LOCAL_DASK_CONFIG.items() if "multiprocessing" not in key}
        monkeypatch.setattr(batch, "FORKED_DASK_WORKERS", False)
        monkeypatch.setattr(batch, "LOCAL_DASK_CONFIG", config)

    from test_iris import BATMAN_1966

    corpus = sorted((Path(__file__).parent / "corpus").glob("*.wiki"))
    last = tmp_path / "batman_1966_short.wiki"
    last.write_text(BATMAN_1966, encoding="utf-8")
    inputs = [*corpus, last]
    assert sum(path.stat().st_size for path in inputs) > 4 * DASK_MIN_TASK_BYTES  # several tasks
    out = tmp_path / "out"
    counts = export_batch(inputs, output_dir=out, formats=[RdfFormat.N_TRIPLES], jobs=2, scheduler="local")
    assert counts["errors"] == 0 and counts["written"] == 83
    names = sorted(path.name for path in out.glob("batman*.nt"))
    assert len(names) == 4 and {"batman.nt", "batman-forever.nt", "batman-the-movie.nt"} < set(names), names
    assert any(re.fullmatch(r"batman-(1966|1989)\.nt", name) for name in names), names
    assert not list(out.glob(".filmgraph-names-*"))  # claimed in memory, or in a folder removed at the end


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


def _quads(folder: Path) -> list[str]:
    shards = folder.glob("films-*.nq")
    return sorted(line for shard in shards for line in shard.read_text(encoding="utf-8").splitlines())


def test_an_external_dask_cluster_reads_relative_paths_as_the_client_does(tmp_path: Path, monkeypatch) -> None:
    """A real scheduler and two workers on 127.0.0.1, started in a folder of their own: the inputs and -o are
    given relative to the client's folder, and the quads equal those of one process."""
    import os
    import subprocess
    import sys

    import pytest

    distributed = pytest.importorskip("distributed")
    import filmgraph

    cluster = tmp_path / "cluster"  # the workers' own folder: a relative path there names nothing
    client = tmp_path / "client"
    cluster.mkdir()
    (client / "articles").mkdir(parents=True)
    for name in ("pusher.txt", "second_victims.txt"):
        (client / "articles" / name).write_bytes((ARTICLES / name).read_bytes())
    write_dump(client / "enwiki-test.xml.bz2")
    source = str(Path(filmgraph.__file__).parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")]))}
    address_file = cluster / "scheduler.json"
    dask = [sys.executable, "-m", "dask"]
    processes = [subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                   "--scheduler-file", str(address_file)], cwd=cluster, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        for _ in range(2):
            processes.append(subprocess.Popen(
                [*dask, "worker", "--scheduler-file", str(address_file), "--host", "127.0.0.1", "--nthreads", "1",
                 "--no-nanny", "--no-dashboard"], cwd=cluster, env=env,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        with distributed.Client(scheduler_file=str(address_file), timeout="60s") as watcher:
            watcher.wait_for_workers(2, timeout=120)
            address = watcher.scheduler.address
        assert address.startswith("tcp://127.0.0.1:")
        monkeypatch.chdir(client)
        inputs = ["articles", "enwiki-test.xml.bz2"]
        on_dask = CliRunner().invoke(cli, ["export", *inputs, "-o", "dask", "--layout", "shards",
                                           "--scheduler", address, "--connect-timeout", "30"])
        assert on_dask.exit_code == 0, on_dask.output
        one = CliRunner().invoke(cli, ["export", *inputs, "-o", "one", "--layout", "shards"])
        assert one.exit_code == 0, one.output
        assert _quads(client / "dask") == _quads(client / "one") and len(_quads(client / "one")) > 100
        assert "6 pages read, 3 films written, 3 skipped" in on_dask.stderr
        # Files per film under a relative -o: written in the client's folder, the same bytes as one process's.
        files = CliRunner().invoke(cli, ["export", *inputs, "-o", "files", "-f", "nq", "--layout", "files",
                                         "--scheduler", address])
        assert files.exit_code == 0, files.output
        assert CliRunner().invoke(cli, ["export", *inputs, "-o", "files1", "-f", "nq", "--layout", "files"]
                                  ).exit_code == 0
        written = sorted(path.name for path in (client / "files").glob("*.nq"))
        assert written == sorted(path.name for path in (client / "files1").glob("*.nq")) and len(written) == 3
        assert (client / "files" / "errors.jsonl").read_text() == (client / "files1" / "errors.jsonl").read_text()
        assert all((client / "files" / name).read_bytes() == (client / "files1" / name).read_bytes()
                   for name in written)
        assert not list(cluster.rglob("*.nq"))
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_a_local_dask_cluster_listens_on_host_only(tmp_path: Path, monkeypatch) -> None:
    import os

    import psutil
    import pytest

    distributed = pytest.importorskip("distributed")
    real = distributed.LocalCluster
    listening: list[str] = []

    def spied(*args, **kwargs):
        cluster = real(*args, **kwargs)
        processes = [psutil.Process(os.getpid()), *psutil.Process(os.getpid()).children(recursive=True)]
        pids = {process.pid for process in processes}
        listening.extend(f"{c.laddr.ip}:{c.laddr.port}" for c in psutil.net_connections(kind="tcp")
                         if c.pid in pids and c.status == psutil.CONN_LISTEN)
        return cluster

    monkeypatch.setattr(distributed, "LocalCluster", spied)
    counts = export_batch([ARTICLES / "pusher.txt"], output_dir=tmp_path / "out", jobs=2, scheduler="local",
                          host="127.0.0.1", dashboard_port=0, connect_timeout=30)
    assert counts["written"] == 1
    assert listening and all(address.startswith("127.0.0.1:") for address in listening), listening
