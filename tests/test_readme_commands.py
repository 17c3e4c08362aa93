"""Every command the README shows in a shell block runs as written, in order, and does what the README says.

They run with bash in a folder laid out as the repository (examples/, queries/, tests/articles, tests/corpus,
tests/data), with what a user would have beside them made small: the Wikipedia dumps the README names are
built from real pages under those names, and `wiki:Title` is answered by a recorded MediaWiki API on 127.0.0.1
(`FILMGRAPH_MEDIAWIKI_API`, as the README says). A server (`oxigraph serve`, `filmgraph serve`) runs as
written, on its port, in the background while the lines after it run. The only lines
not run are named in NOT_RUN_HERE with the reason; the set-up commands (virtual environment, install, pytest)
are what `.ci/run` itself runs, so only their `filmgraph` part runs here.
"""

from __future__ import annotations

import bz2
import gzip
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from conftest import CORPUS_ITEMS, loopback_api, recorded_wiki
from test_batch import write_dump

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"

NOT_RUN_HERE = {  # a fragment of the line → why it cannot run on this machine
    "127.0.0.1:3030/": "needs Apache Jena Fuseki",
    "127.0.0.1:7200/": "needs GraphDB",
    "127.0.0.1:8890/": "needs Virtuoso",
}

# What the README says each command leaves behind or prints (a fragment of the line → files, output).
EXPECTED: dict[str, tuple[list[str], list[str]]] = {
    "filmgraph export examples/second_victims.txt": (["out/second-victims.ttl", "out/second-victims.jsonld"], []),
    "filmgraph export tests/articles/the_celebration.wiki": (["out/the-celebration.ttl"], []),
    'filmgraph export "wiki:Rocky"': (["out/rocky.ttl", "out/rocky.jsonld"], []),
    "filmgraph export tests/corpus -o out/corpus": (["out/corpus/rocky.ttl", "out/corpus/48-hrs.jsonld"], []),
    "filmgraph export enwiki-latest-pages-articles.xml.bz2 -j 2 -o out/enwiki   #": (
        ["out/enwiki/errors.jsonl"], []),
    "filmgraph query @queries/crew.rq": ([], ["Zinnini Elkington"]),
    "filmgraph query @queries/wikidata/cast_with_characters.rq": ([], ["Nick Nolte", "Jack Cates"]),
    "filmgraph embed examples/second_victims.txt": (["out/second-victims.html"], []),
    "filmgraph draw examples/second_victims.txt": (["out/second-victims.svg"], []),
    "filmgraph quickstatements tests/corpus/48_hrs.wiki": ([], ["Q900000048\tP161\tQ190631\tP4633\t\"Jack Cates\"",
                                                             "S813\t+2024-05-01T00:00:00Z/11"]),
}


def readme_commands() -> list[str]:
    """The command lines of the README's shell blocks, continuation lines joined, comment lines dropped."""
    text = README.read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL):
        for line in block.replace("\\\n", " ").splitlines():
            line = line.strip().removeprefix("$ ")
            if line and not line.startswith("#"):
                lines.append(line)
    return lines


def as_run_here(line: str) -> list[str]:
    """A line's commands, in order (`a && b`), without what .ci/run does itself in the set-up lines (the
    environment, the install, the test run)."""
    commands = [part.strip() for part in line.split("&&")]
    if "python3 -m venv" in line:
        return [command for command in commands if command.startswith("filmgraph ")]
    return commands


def _page(path: Path, revid: int) -> dict[str, object]:
    return {"text": path.read_text(encoding="utf-8"), "revid": revid, "timestamp": "2024-05-01T00:00:00Z"}


def _items_files(folder: Path) -> None:
    """The items files the README names, small: a title-item table and the page_props/page SQL dumps."""
    (folder / "title-items.tsv").write_text(CORPUS_ITEMS, encoding="utf-8")
    (folder / "title-items.tsv.gz").write_bytes(gzip.compress(CORPUS_ITEMS.encode("utf-8")))
    page = "INSERT INTO `page` VALUES (10,0,'Thomas_Vinterberg','',0,0,0.5,'2020','2020',1,2,'wikitext',NULL);\n"
    props = "INSERT INTO `page_props` VALUES (10,'wikibase_item','Q355835',NULL);\n"
    (folder / "enwiki-20200101-page.sql.gz").write_bytes(gzip.compress(page.encode("utf-8")))
    (folder / "enwiki-20200101-page_props.sql.gz").write_bytes(gzip.compress(props.encode("utf-8")))


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("user")
    for name in ("examples", "queries", "tests/articles", "tests/corpus", "tests/data"):
        shutil.copytree(ROOT / name, folder / name)
    for dump in ("enwiki-pages-articles.xml.bz2", "enwiki-latest-pages-articles.xml.bz2"):
        write_dump(folder / dump)
    _items_files(folder)
    return folder


@pytest.fixture(scope="module")
def wiki() -> Iterator[str]:
    corpus, articles = ROOT / "tests" / "corpus", ROOT / "tests" / "articles"
    pages = {"The Celebration": _page(articles / "the_celebration.wiki", 1001),
             "Rocky": _page(corpus / "rocky.wiki", 1002),
             "48 Hrs.": {**_page(corpus / "48_hrs.wiki", 1100000048), "item": "Q900000048"}}
    items = dict(line.split("\t") for line in CORPUS_ITEMS.splitlines())
    with loopback_api(recorded_wiki(pages=pages, items=items)) as api:
        yield api


def _port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


SERVERS = {"oxigraph serve": 7878, "filmgraph serve": 8000}  # a long-running command → its default port


def _start_server(command: str, cwd: Path, environment: dict[str, str]) -> tuple[subprocess.Popen[bytes] | None, int]:
    """A server command as written, in the background, ready for the next line (None when its port is taken
    here), and its port."""
    bind = re.search(r"--bind \S+:(\d+)", command)
    port = int(bind.group(1)) if bind else next(port for name, port in SERVERS.items() if command.startswith(name))
    if not _port_is_free(port):
        return None, port
    server = subprocess.Popen(["bash", "-c", f"exec {command}"], cwd=cwd, env=environment,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while _port_is_free(port):
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            pytest.fail(f"{command}: did not start")
        time.sleep(0.1)
    return server, port


def test_the_readme_shows_commands_and_every_one_not_run_is_named() -> None:
    lines = readme_commands()
    assert len(lines) >= 20
    for fragment in NOT_RUN_HERE:
        assert any(fragment in line for line in lines), f"NOT_RUN_HERE names a line the README lost: {fragment}"
    for fragment in EXPECTED:
        assert any(fragment in line for line in lines), f"EXPECTED names a line the README lost: {fragment}"


def test_every_readme_command_runs_as_written(workspace: Path, wiki: str) -> None:
    environment = {**os.environ, "FILMGRAPH_MEDIAWIKI_API": wiki, "HOME": str(workspace),
                   "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    environment.pop("FILMGRAPH_CONTACT", None)
    servers: list[subprocess.Popen[bytes]] = []
    taken: set[int] = set()  # ports of servers that could not start here: the lines that use them cannot run
    failures = []
    try:
        for line in readme_commands():
            if any(fragment in line for fragment in NOT_RUN_HERE):
                continue
            for command in as_run_here(line):
                if command.startswith(tuple(SERVERS)):
                    server, port = _start_server(command, workspace, environment)
                    if server is None:
                        taken.add(port)
                        continue
                    servers.append(server)
                    if command.startswith("filmgraph serve"):  # it publishes the store: its films are listed
                        films = requests.get(f"http://127.0.0.1:{port}/films", timeout=30)
                        if films.status_code != 200 or "/film/rocky" not in films.text:
                            failures.append(f"{line}\n  /films: HTTP {films.status_code}, no link to Rocky")
                    continue
                if any(f"127.0.0.1:{port}" in command for port in taken):
                    continue
                done = subprocess.run(["bash", "-c", command], cwd=workspace, env=environment,
                                      capture_output=True, text=True, timeout=600)
                if done.returncode != 0 or "Traceback" in done.stderr:
                    failures.append(f"{line}\n  exit {done.returncode}: {done.stderr.strip()[-500:]}")
                    break
                for fragment, (files, printed) in EXPECTED.items():
                    if fragment in line:
                        failures += [f"{line}\n  wrote no {name}" for name in files
                                     if not (workspace / name).is_file()]
                        failures += [f"{line}\n  did not print {text!r}" for text in printed
                                     if text not in done.stdout]
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
    assert not failures, "\n".join(failures)


def test_the_dumps_the_readme_names_are_real_dumps(workspace: Path) -> None:
    """The stand-ins are dumps as Wikimedia writes them, not empty files: a film page among others."""
    text = bz2.decompress((workspace / "enwiki-latest-pages-articles.xml.bz2").read_bytes()).decode("utf-8")
    assert text.count("<page>") == 4 and "{{Infobox film" in text
