"""Issue 19, item 6: one exit path in the CLI. The library raises FilmgraphError; the CLI prints each as one
``Error:`` line with exit status 2 in one place: a full standard output, a full disk while writing a film (whose
files are then all or none) or at the store's last flush, a file with no triples, a store another process holds
or on read-only media. (inputs2/README.md: the full-disk, standard output and empty-file rows, and the minor
rows on stores.)"""

from __future__ import annotations

import errno
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import filmgraph.cli

from .hostile2 import HOSTILE2, PROJECT, FakeServer, error_lines, run_cli

SAMPLE = str(PROJECT / "examples" / "second_victims.txt")
CORPUS = PROJECT / "tests" / "corpus"


def test_the_cli_has_one_exit_path() -> None:
    source = Path(filmgraph.cli.__file__).read_text(encoding="utf-8")
    assert "sys.exit(" not in source


def _filmgraph(*args: str, stdout: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "filmgraph", *args], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, cwd=PROJECT, timeout=120)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("store") / "store"
    assert run_cli("load", SAMPLE, "--store", str(folder)).exit_code == 0
    return folder


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", ["export", "query-table", "query-csv", "validate"])
def test_a_full_standard_output_is_one_line(command: str, store: Path, tmp_path: Path) -> None:
    assert run_cli("export", SAMPLE, "-o", str(tmp_path), "-f", "ttl").exit_code == 0
    args = {"export": ["export", SAMPLE, "-o", "-", "-f", "nt"],
            "query-table": ["query", "SELECT ?s ?p ?o { ?s ?p ?o }", "--store", str(store)],
            "query-csv": ["query", "SELECT ?s ?p ?o { ?s ?p ?o }", "--store", str(store), "-f", "csv"],
            "validate": ["validate", str(tmp_path / "second-victims.ttl")]}[command]
    with open("/dev/full", "w") as full:
        done = _filmgraph(*args, stdout=full)
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines()[-1] == "Error: standard output: No space left on device"
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


class _FullDiskStore:
    """A pyoxigraph store whose last flush finds the disk full (everything else is the real store's)."""

    def __init__(self, store: Any) -> None:
        self._store = store

    def flush(self) -> None:
        raise OSError("IO error: No space left on device")  # as RocksDB words it, with no errno

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def test_a_full_disk_at_the_stores_last_flush_is_one_more_line(monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    import pyoxigraph

    real = pyoxigraph.Store
    monkeypatch.setattr("filmgraph.store.embedded.pyoxigraph.Store", lambda path: _FullDiskStore(real(path)))
    result = run_cli("load", SAMPLE, str(CORPUS / "48_hrs.wiki"), "--store", str(tmp_path / "store"))
    assert result.exit_code == 2
    assert "2 loaded, 0 skipped (not films), 0 failed" in result.stderr
    assert error_lines(result) == [f"Error: {tmp_path / 'store'}: cannot flush the store: IO error: No space left "
                                   "on device"]


def test_a_film_whose_second_file_does_not_fit_leaves_neither(monkeypatch: pytest.MonkeyPatch,
                                                              tmp_path: Path) -> None:
    import tempfile

    real = tempfile.mkstemp
    made: list[str] = []

    def second_fails(*args: Any, **kwargs: Any) -> tuple[int, str]:
        if made:
            raise OSError(errno.ENOSPC, "No space left on device")
        handle, name = real(*args, **kwargs)
        made.append(name)
        return handle, name

    monkeypatch.setattr("filmgraph.atomic.tempfile.mkstemp", second_fails)
    result = run_cli("export", SAMPLE, "-o", str(tmp_path), "-f", "ttl", "-f", "jsonld")
    assert result.exit_code == 2
    assert error_lines(result) == [f"Error: {tmp_path / 'second-victims.ttl'}: cannot write: No space left on device"]
    assert list(tmp_path.iterdir()) == []  # no .ttl without its .jsonld, and no temporary file


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs, where the machine lets the tests mount one (root in CI); skipped elsewhere."""
    mount = tmp_path / "small"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_export_onto_a_full_disk_writes_each_film_whole_or_not_at_all(tmpfs: Path) -> None:
    result = run_cli("export", str(CORPUS), "-o", str(tmpfs / "out"))
    assert result.exit_code == 2
    stems = {path.stem for path in (tmpfs / "out").iterdir()}
    for stem in stems:
        assert (tmpfs / "out" / f"{stem}.ttl").exists() == (tmpfs / "out" / f"{stem}.jsonld").exists(), stem
    assert not list((tmpfs / "out").glob(".*.tmp"))


def test_load_onto_a_full_disk_ends_in_error_lines_not_a_traceback(tmpfs: Path) -> None:
    result = run_cli("load", str(CORPUS), "--store", str(tmpfs / "store"))
    assert result.exit_code == 2
    assert error_lines(result)


@pytest.mark.parametrize(("name", "text"), [("empty.ttl", None), ("empty.jsonld", "{}"), ("empty.nt", "")])
def test_a_file_with_no_triples_does_not_conform(name: str, text: str | None, tmp_path: Path) -> None:
    path = HOSTILE2 / name if text is None else tmp_path / name
    if text is not None:
        path.write_text(text, encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.exit_code == 2
    assert error_lines(result) == [f"Error: {path}: holds no triples"]
    assert "conforms" not in result.stdout


def test_a_store_held_by_another_process_says_so(store: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time, pyoxigraph\n"
                               "s = pyoxigraph.Store(sys.argv[1]); print('held', flush=True); time.sleep(60)",
                               str(store)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        result = run_cli("load", SAMPLE, "--store", str(store))
        assert result.exit_code == 2
        assert error_lines(result) == [f"Error: {store}: the store is in use by another process (a filmgraph load "
                                       "or query, or an Oxigraph server); try again when it is done"]
    finally:
        holder.kill()
        holder.wait()


def test_a_store_on_read_only_media_can_be_queried(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pyoxigraph

    class ReadOnlyMedia:
        """Opening for writing fails as on a read-only file system; opening read-only works."""

        read_only = staticmethod(pyoxigraph.Store.read_only)

        def __new__(cls, path: str) -> Any:
            raise OSError(errno.EROFS, f"IO error: While open a file for appending: {path}/000042.log: Read-only "
                                       "file system")

    monkeypatch.setattr("filmgraph.store.embedded.pyoxigraph.Store", ReadOnlyMedia)
    result = run_cli("query", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "--store", str(store), "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == ["n", "736"]
    refused = run_cli("load", SAMPLE, "--store", str(store))  # loading needs a writable store
    assert refused.exit_code == 2 and "cannot open store" in error_lines(refused)[0]


def test_a_server_asking_for_an_endless_wait_is_one_line_at_once(fake_server: FakeServer, tmp_path: Path) -> None:
    import time

    started = time.monotonic()
    result = run_cli("export", "wiki:48 Hrs.", "-o", str(tmp_path / "out"),
                     env={"FILMGRAPH_MEDIAWIKI_API": f"{fake_server.url}/mwretry_huge/w/api.php",
                          "FILMGRAPH_CONTACT": "x@example.org", "XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert time.monotonic() - started < 10
    assert result.exit_code == 2
    assert error_lines(result) == [f"Error: wiki:48 Hrs.: {fake_server.url}/mwretry_huge/w/api.php is busy and asks "
                                   "to wait 99,999,999 s (more than the 60 s filmgraph waits); try again later"]
