"""Issue 20, items 1–4: every page a batch reads is accounted for (summary, result, errors.jsonl), a dump's
pages that are not films are skipped by their bytes before any parse, and an export in the files layout is
resumed after kill -9 with every film once and the same bytes."""

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
from filmgraph.pages import FILM_INFOBOXES
from filmgraph.read.dump import NAMESPACE, NO_INFOBOX, REDIRECT, PageTally, iter_jobs, skip_reason
from filmgraph.shards import ERRORS_FILE, FILES_PAGES

CORPUS = Path(__file__).parent / "corpus"


def _page(number: int, title: str, text: str, *, namespace: int = 0, redirect: str | None = None) -> str:
    redirect_tag = f'<redirect title="{escape(redirect)}" />' if redirect else ""
    return (f"<page><title>{escape(title)}</title><ns>{namespace}</ns><id>{number}</id>{redirect_tag}"
            f"<revision><id>{1000 + number}</id><timestamp>2024-01-01T00:00:00Z</timestamp>"
            f'<model>wikitext</model><format>text/x-wiki</format><text xml:space="preserve">{escape(text)}</text>'
            f"</revision></page>\n")


def _film(title: str, director: str, infobox: str = "Infobox film") -> str:
    return f"{{{{{infobox}\n| name = {title}\n| director = {director}\n}}}}\n'''{title}''' is a 2019 film.\n"


def _dump(path: Path, pages: list[str]) -> Path:
    xml = ('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">\n'
           "<siteinfo><sitename>Wikipedia</sitename><base>https://en.wikipedia.org/wiki/Main_Page</base>"
           "</siteinfo>\n" + "".join(pages) + "</mediawiki>\n")
    path.write_bytes(bz2.compress(xml.encode("utf-8")))
    return path


def twenty_pages(path: Path) -> Path:
    """20 pages: 3 films (the infobox's name spelt three ways), 2 redirects, 1 talk page about a film, and 14
    pages without a film infobox (one names the infobox in prose only, one has another infobox)."""
    pages = [_page(1, "Alpha", _film("Alpha", "Ann Berg")),
             _page(2, "Beta", _film("Beta", "Carl Holm", "infobox_Movie")),
             _page(3, "Gamma", _film("Gamma", "Dora Lund", "Template:INFOBOX   feature film")),
             _page(4, "Alpha (film)", "#REDIRECT [[Alpha]]", redirect="Alpha"),
             _page(5, "Betta", "#REDIRECT [[Beta]]", redirect="Beta"),
             _page(6, "Talk:Alpha", _film("Alpha", "Ann Berg"), namespace=1),
             _page(7, "Film studies", "An infobox film is a template; this page has none."),
             _page(8, "Delta", "{{Infobox television\n| name = Delta\n}}\n'''Delta''' is a series.")]
    pages += [_page(number, f"Town {number}", f"'''Town {number}''' is a town.") for number in range(9, 21)]
    return _dump(path, pages)


SUMMARY = ("20 pages read, 3 films written, 17 skipped (14 no film infobox, 2 redirect, 1 other namespace), "
           "0 declined, 0 violate the shapes, 0 failed in ")


@pytest.mark.parametrize("options", [[], ["-j", "2"], ["-f", "ttl"], ["-j", "2", "-f", "nt"]],
                         ids=["shards", "shards-two-workers", "files", "files-two-workers"])
def test_a_dump_export_counts_every_page_it_read_by_outcome(tmp_path: Path, options: list[str]) -> None:
    dump = twenty_pages(tmp_path / "enwiki-test.xml.bz2")
    result = CliRunner().invoke(cli, ["export", str(dump), "-o", str(tmp_path / "out"), *options])
    assert result.exit_code == 0, result.output
    assert SUMMARY in result.stderr
    assert f"declined and failed pages: {tmp_path / 'out'}/{ERRORS_FILE}" in result.stderr
    assert (tmp_path / "out" / ERRORS_FILE).read_text(encoding="utf-8") == ""


def test_the_library_result_carries_the_counts(tmp_path: Path) -> None:
    dump = twenty_pages(tmp_path / "enwiki-test.xml.bz2")
    seen: list[tuple[int, int]] = []
    result = export_batch([dump], output_dir=tmp_path / "out", layout=Layout.SHARDS,
                          on_progress=lambda counts: seen.append((counts.tally.bytes_read, counts.tally.bytes_total)))
    assert (result.pages_read, result.written, result.declined, result.failed) == (20, 3, 0, 0)
    assert result.skipped == {NO_INFOBOX: 14, REDIRECT: 2, NAMESPACE: 1}
    assert result.tally.bytes_read == result.tally.bytes_total == dump.stat().st_size
    assert result.fraction_read == 1.0 and result.pages_per_second > 0
    assert result.summary().startswith(SUMMARY)


@pytest.mark.parametrize("name", sorted(FILM_INFOBOXES))
def test_every_spelling_of_a_film_infobox_is_a_candidate(name: str) -> None:
    words = name.split()
    # "&#95;" as the XML writes "_" by a character reference: the name the parsed text holds.
    for spelt in (" ".join(words).upper(), "_".join(words).title(), "  \n ".join(words), "@".join(words)):
        page = _page(1, "X", f"{{{{{spelt}\n| name = X\n}}}}").replace("@", "&#95;").encode()
        assert skip_reason(page) is None, spelt
    assert skip_reason(_page(1, "X", "{{Infobox person\n| name = X\n}}").encode()) == NO_INFOBOX
    assert skip_reason(_page(1, "X", f"{{{{{name}}}}}", namespace=10).encode()) == NAMESPACE
    assert skip_reason(_page(1, "X", f"{{{{{name}}}}}", redirect="Y").encode()) == REDIRECT


def test_a_page_that_is_no_film_is_skipped_before_any_xml_is_built(tmp_path: Path) -> None:
    # The page's XML is broken (an undeclared entity), which any parser refuses: skipped by its bytes, it is
    # never parsed, and the dump goes on.
    broken = _page(2, "Town", "'''Town''' is a town.").replace("is a town", "is a &nosuch; town")
    dump = _dump(tmp_path / "d.xml.bz2", [_page(1, "Alpha", _film("Alpha", "Ann Berg")), broken,
                                          _page(3, "Beta", _film("Beta", "Carl Holm"))])
    tally = PageTally()
    assert [job.title for job in iter_jobs([dump], tally=tally)] == ["Alpha", "Beta"]
    assert (tally.pages, tally.no_infobox) == (3, 1)
    # A candidate page whose XML is broken fails alone, in errors.jsonl.
    dump = _dump(tmp_path / "e.xml.bz2", [_page(1, "Alpha", _film("Alpha", "Ann Berg")).replace("2019", "&nosuch;"),
                                          _page(3, "Beta", _film("Beta", "Carl Holm"))])
    result = export_batch([dump], output_dir=tmp_path / "out", layout=Layout.SHARDS, jobs=2)
    assert (result.written, result.failed) == (1, 1)
    [row] = [json.loads(line) for line in (tmp_path / "out" / ERRORS_FILE).read_text(encoding="utf-8").splitlines()]
    assert row["title"] == "Alpha" and row["status"] == "error"
    assert row["message"].startswith(f"{dump}#Alpha: cannot read this page of the dump: undefined entity")


def test_a_folder_export_lists_its_broken_inputs_in_errors_jsonl(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "fine.txt").write_text("= Fine =\nInfobox\n- Director: Carl Holm\n\nFine is a 2019 film.\n",
                                     encoding="utf-8")
    (folder / "broken.wiki").write_bytes(b"\xff\xfe\x00")
    (folder / "town.wiki").write_text("'''Town''' is a town in Denmark.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(folder), "-o", str(tmp_path / "out"), "-f", "nq", "-j", "2"])
    assert result.exit_code == 2
    assert "3 pages read, 1 film written, 0 skipped (0 no film infobox, 0 redirect, 0 other namespace), " \
           "1 declined, 0 violate the shapes, 1 failed" in result.stderr
    rows = {Path(row["source"]).name: row for row in map(json.loads, (tmp_path / "out" / ERRORS_FILE).read_text(
        encoding="utf-8").splitlines())}
    assert sorted(rows) == ["broken.wiki", "town.wiki"]
    assert (rows["broken.wiki"]["status"], rows["broken.wiki"]["stage"]) == ("error", "read")
    assert rows["town.wiki"]["status"] == "skipped" and "not a film article" in rows["town.wiki"]["message"]


def _films(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())
            if path.suffix in (".ttl", ".jsonld", ".nt", ".nq")}


def test_kill_9_then_resume_of_a_files_export_gives_every_film_once_and_the_same_bytes(tmp_path: Path) -> None:
    from filmgraph.rdf.write import RdfFormat

    # 40 real pages (a few seconds a run), none of one title with another: with two workers, two films of one
    # title take their names in the order they finish, in an uninterrupted run too.
    articles = tmp_path / "articles"
    articles.mkdir()
    for page in [page for page in sorted(CORPUS.glob("*.wiki")) if not page.name.startswith("batman_")][:40]:
        (articles / page.name).write_bytes(page.read_bytes())
    whole = tmp_path / "whole"
    counts = export_batch([articles], output_dir=whole, formats=[RdfFormat.TURTLE, RdfFormat.N_TRIPLES])
    expected = _films(whole)
    assert len(expected) == 2 * counts.written and counts.written > 30

    out = tmp_path / "out"
    command = [sys.executable, "-m", "filmgraph", "export", str(articles), "-o", str(out), "-f", "ttl", "-f", "nt",
               "-j", "2"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    deadline = time.monotonic() + 60
    pages = out / FILES_PAGES
    while time.monotonic() < deadline:
        if pages.exists() and pages.read_text(encoding="utf-8").count('"status": "written"') >= 10:
            break
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    done_before = pages.read_text(encoding="utf-8").count('"status": "written"')
    assert 10 <= done_before < counts.written, "the export was not killed part-way"
    assert not (out / ERRORS_FILE).exists()

    result = CliRunner().invoke(cli, ["export", str(articles), "-o", str(out), "--resume", "-j", "2"])  # its layout
    assert result.exit_code == 0, result.output
    assert "done before (resumed)" in result.stderr
    assert _films(out) == expected  # every film once, byte for byte
    assert not list(out.glob(".*.tmp"))
    records = [json.loads(line) for line in pages.read_text(encoding="utf-8").splitlines()[1:]]
    sources = [r["source"] for r in records if r["status"] != "named"]
    assert len(sources) == len(set(sources)) == 40
    assert [json.loads(line)["status"] for line in (out / ERRORS_FILE).read_text(encoding="utf-8").splitlines()] \
        == ["skipped"] * counts.declined


def test_a_resume_in_another_layout_or_formats_is_refused_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "fine.txt").write_text("= Fine =\nInfobox\n- Director: Carl Holm\n\nFine is a 2019 film.\n",
                                     encoding="utf-8")
    out = tmp_path / "out"
    assert CliRunner().invoke(cli, ["export", str(folder), "-o", str(out), "-f", "ttl"]).exit_code == 0
    for options, asked in ((["-f", "nt"], "files, nt"), (["--layout", "shards"], "shards, nq"),
                           (["-f", "ttl", "-f", "jsonld"], "files, ttl, jsonld")):
        result = CliRunner().invoke(cli, ["export", str(folder), "-o", str(out), "--resume", *options])
        assert result.exit_code == 2, result.output
        assert result.stderr.splitlines() == [
            f"Error: {out}: holds an export in the files layout (ttl); --resume goes on with it only in that layout "
            f"and those formats (asked: {asked})"]
    again = CliRunner().invoke(cli, ["export", str(folder), "-o", str(out), "--resume"])
    assert again.exit_code == 0 and "1 done before (resumed), 0 films written" in again.stderr


def test_the_pages_before_a_refusal_in_the_same_piece_are_kept(tmp_path: Path) -> None:
    # An entity declaration after the first page: the dump is refused there, and the page before it (read in the
    # same piece of the decompressed stream) is still given.
    dump = _dump(tmp_path / "d.xml.bz2", [_page(1, "Alpha", _film("Alpha", "Ann Berg")),
                                          '<!DOCTYPE x [<!ENTITY big "aaaa">]>',
                                          _page(2, "Beta", _film("Beta", "Carl Holm"))])
    jobs = list(iter_jobs([dump]))
    assert [(job.title, job.error) for job in jobs] == [
        ("Alpha", None), (None, f"{dump}: the dump declares entities; a dump never does")]


def test_a_resumed_files_export_gives_each_film_the_name_it_claimed_before(tmp_path: Path) -> None:
    from filmgraph.shards import FileLog

    # A run killed after "heat" was claimed for a.wiki and before a.wiki was done: the name stays a.wiki's, so
    # that a.wiki's files are written again under it whichever film the resumed run reaches first.
    (tmp_path / FILES_PAGES).write_text('{"layout": "files", "formats": ["ttl"]}\n'
                                        '{"source": "a.wiki", "title": null, "status": "named", "stage": null, '
                                        '"message": null, "name": "heat", "claimant": "a.wiki"}\n{"source": "b.w',
                                        encoding="utf-8")
    (tmp_path / ".heat.ttl.x1y2z3.tmp").write_text("half", encoding="utf-8")
    log = FileLog(tmp_path, formats=["ttl"], resume=True)
    claims: dict[str, str] = {}
    logged = log.claims(claims)
    log.close()
    assert claims == {"heat": "a.wiki"} and log.done == set()
    assert logged.setdefault("heat", "b.wiki") == "" and logged.setdefault("heat", "a.wiki") == "a.wiki"
    assert not list(tmp_path.glob(".*.tmp"))  # the killed run's half-written file is gone
