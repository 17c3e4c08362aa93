"""A film is its page (filmgraph.rdf.iris, pipeline.name_film): one page read from the API, a dump or a saved file
is one film in one graph; two articles of one title stay two films, in a run and in a store."""

from __future__ import annotations

import bz2
import re
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from conftest import loopback_api, recorded_wiki
from filmgraph import store as stores
from filmgraph.cli import cli
from filmgraph.model import Film, PartialDate, Provenance, Release
from filmgraph.pipeline import Reading, graph_of_input, name_film
from filmgraph.rdf.vocab import SDO
from filmgraph.read.dump import iter_jobs
from filmgraph.store.results import film_identities

ROOT = Path(__file__).parents[1]
CORPUS = ROOT / "tests" / "corpus"
PAGE = "What's Up, Doc? (1972 film)"  # a title with the characters encoders disagree on
TEXT = (ROOT / "tests" / "articles" / "the_celebration.wiki").read_text(encoding="utf-8")
BASE = "https://example.org/filmgraph/"
COUNT = "SELECT (COUNT(DISTINCT ?g) AS ?graphs) (COUNT(DISTINCT ?f) AS ?films) WHERE { GRAPH ?g { ?f a schema:Movie } }"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def rows(csv_text: str) -> list[list[str]]:
    return [line.split(",") for line in csv_text.strip().splitlines()[1:]]


@pytest.fixture(scope="module")
def api() -> Iterator[str]:
    """A MediaWiki API of the English Wikipedia that holds one page, PAGE, with TEXT."""
    page = {"text": TEXT, "revid": 5, "timestamp": "2024-01-01T00:00:00Z"}
    with loopback_api(recorded_wiki(pages={PAGE: page})) as url:
        yield url


def _dump(path: Path, title: str, text: str) -> Path:
    xml = ('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en"><siteinfo>'
           "<sitename>Wikipedia</sitename><base>https://en.wikipedia.org/wiki/Main_Page</base></siteinfo>"
           f"<page><title>{escape(title)}</title><ns>0</ns><id>1</id><revision><id>5</id>"
           "<timestamp>2024-01-01T00:00:00Z</timestamp><model>wikitext</model><format>text/x-wiki</format>"
           f'<text xml:space="preserve">{escape(text)}</text></revision></page></mediawiki>')
    path.write_bytes(bz2.compress(xml.encode("utf-8")))
    return path


def _film_of(graph) -> URIRef:
    [film] = list(graph.subjects(URIRef(str(SDO) + "subjectOf"), None))
    return film


def test_one_page_from_the_api_a_dump_and_a_saved_file_is_one_film(api: str, tmp_path: Path) -> None:
    page_url = "https://en.wikipedia.org/wiki/What%27s_Up,_Doc%3F_(1972_film)"
    film_iri = URIRef(BASE + "film/whats-up-doc-1972-film")  # the page's title, not the infobox's name
    [job] = list(iter_jobs([_dump(tmp_path / "enwiki-x.xml.bz2", PAGE, TEXT)]))
    from_dump, dump_graph, _ = graph_of_input(job, validate=False)
    saved = tmp_path / "saved.wiki"
    saved.write_text(TEXT, encoding="utf-8")
    # As a browser's address bar shows it: the apostrophe raw, the question mark escaped.
    reading = Reading(source_url="https://en.wikipedia.org/wiki/What's_Up,_Doc%3F_(1972_film)")
    from_file, file_graph, _ = graph_of_input(saved, validate=False, reading=reading)
    from_api, api_graph, _ = graph_of_input(f"wiki:{PAGE}", validate=False, reading=Reading(api=api, contact="t@x"))
    assert dump_graph == file_graph == api_graph == page_url
    for graph, graph_name in ((from_dump, dump_graph), (from_file, file_graph), (from_api, api_graph)):
        assert _film_of(graph) == film_iri
        # The page has one IRI in its graph: the film is described in it and is it.
        assert (film_iri, SDO.subjectOf, URIRef(graph_name)) in graph
        assert (film_iri, SDO.sameAs, URIRef(graph_name)) in graph


def _film(title: str, year: int | None = None, released: int | None = None, page: str = "") -> Film:
    return Film(title, page, year=PartialDate(year) if year else None,
                release=[Release(PartialDate(released))] if released else [], provenance=Provenance(page=page))


def test_films_of_one_title_in_a_run_are_named_apart_by_their_years() -> None:
    claims: dict[str, str] = {}
    named = [name_film(_film("Batman", 1966), claimant="a.wiki", claims=claims),
             name_film(_film("Batman", released=1989), claimant="b.wiki", claims=claims),
             name_film(_film("Batman", 1966), claimant="a.wiki", claims=claims),  # the same article again
             name_film(_film("Batman", 1966), claimant="c.wiki", claims=claims),  # another article of 1966
             name_film(_film("Batman", 1966), claimant="d.wiki", claims=claims),  # and a third
             name_film(_film("Batman"), claimant="e.wiki", claims=claims)]  # no year known
    assert named[:4] == ["batman", "batman-1989", "batman", "batman-1966"]
    assert re.fullmatch(r"batman-1966-[0-9a-f]{8}", named[4]) and re.fullmatch(r"batman-[0-9a-f]{8}", named[5])
    assert len(set(named)) == 5
    # A film with a page is named after it, and one page read twice in a run is one film.
    page = "https://en.wikipedia.org/wiki/Batman_(1966_film)"
    assert {name_film(_film("Batman", 1966, page=page), claimant=c, claims=claims) for c in "xy"} == \
        {"batman-1966-film"}


def test_claims_in_a_folder_say_who_claimed(tmp_path: Path) -> None:
    folder = str(tmp_path)  # as a Dask cluster's workers share them
    assert [name_film(_film("Heat", y), claimant=f"{y}.wiki", claims=folder) for y in (1986, 1995, 1986)] == \
        ["heat", "heat-1995", "heat"]


def test_the_identity_a_name_is_chosen_by_is_the_one_the_graph_states() -> None:
    from filmgraph.pipeline import _identity, build_graph, load_article

    for name in ("batman_1966_film.wiki", "48_hrs.wiki", "cars_2.wiki"):
        film, graph, chosen = build_graph(load_article(CORPUS / name))
        [stated] = film_identities((str(s), str(p), str(o)) for s, p, o in graph)
        assert _identity(film, BASE, chosen) == stated, name
        assert stated.year is not None and stated.title


def test_the_corpus_exports_and_loads_as_82_films_in_82_graphs(tmp_path: Path) -> None:
    out, store = tmp_path / "out", ["--store", str(tmp_path / "store")]
    (tmp_path / "store").mkdir()
    exported = run("export", str(CORPUS), "-o", str(out), "-f", "nt")
    assert exported.exit_code == 0, exported.stderr[-1000:]
    # The 1966 film goes by its infobox's name, "Batman: The Movie"; the 1989 one by "Batman".
    assert {p.name for p in out.glob("batman*.nt")} == {"batman.nt", "batman-the-movie.nt", "batman-forever.nt"}
    loaded = run("load", str(out), *store)
    assert loaded.exit_code == 0 and loaded.stderr.strip().endswith("82 loaded, 0 skipped (not films), 0 failed")
    assert rows(run("query", COUNT, *store, "-f", "csv").stdout) == [["82", "82"]]
    # The articles again, in the other order: each replaces its own film's graph, never the other's.
    again = run("load", str(CORPUS / "batman_1989_film.wiki"), str(CORPUS / "batman_1966_film.wiki"), *store)
    assert again.exit_code == 0, again.stderr
    loaded_lines = [line for line in again.stderr.splitlines() if line.startswith("loaded ")]
    assert f"into <{BASE}article/batman>" in loaded_lines[0]
    assert f"into <{BASE}article/batman-the-movie>" in loaded_lines[1]
    assert rows(run("query", COUNT, *store, "-f", "csv").stdout) == [["82", "82"]]


# Another film of the title "Batman": a short article of 1966.
BATMAN_1966 = ("{{Infobox film\n| name = Batman\n| director = [[Leslie H. Martinson]]\n"
               "| released = {{Film date|1966|7|30}}\n}}\n'''''Batman''''' is a 1966 American superhero film.\n")


def test_load_refuses_another_film_of_the_name_and_says_which_unless_graph_says_so(tmp_path: Path) -> None:
    store = ["--store", str(tmp_path / "store")]
    (tmp_path / "store").mkdir()
    (tmp_path / "batman_1966_film.wiki").write_text(BATMAN_1966, encoding="utf-8")
    assert run("load", str(tmp_path / "batman_1966_film.wiki"), *store).exit_code == 0
    # Exported alone, the 1989 film goes by the bare title: the store's "batman" is another film.
    assert run("export", str(CORPUS / "batman_1989_film.wiki"), "-o", str(tmp_path / "out"), "-f", "ttl").exit_code == 0
    exported = tmp_path / "out" / "batman.ttl"
    refused = run("load", str(exported), *store)
    assert refused.exit_code == 2
    assert refused.stderr.splitlines()[0] == (
        f'Error: {exported}: the graph <{BASE}article/batman> holds another film, "Batman" (1966) <{BASE}film/batman>, '
        f'not "Batman" (1989) <{BASE}film/batman>; give --graph to replace it')
    # An article is named apart from the store's films instead.
    article = run("load", str(CORPUS / "batman_1989_film.wiki"), *store)
    assert article.exit_code == 0 and f"into <{BASE}article/batman-1989>" in article.stderr
    assert rows(run("query", COUNT, *store, "-f", "csv").stdout) == [["2", "2"]]
    forced = run("load", str(exported), "--graph", f"{BASE}article/batman", *store)
    assert forced.exit_code == 0, forced.stderr
    years = f"SELECT ?y WHERE {{ GRAPH <{BASE}article/batman> {{ ?f schema:dateCreated ?y }} }}"
    assert rows(run("query", years, *store, "-f", "csv").stdout) == [["1989"]]


def test_a_store_without_the_film_takes_it_under_its_title(tmp_path: Path) -> None:
    store = stores.open(tmp_path / "store")
    try:
        film = _film("Batman", released=1989)
        assert name_film(film, claimant="b.wiki", store=store) == "batman"
    finally:
        store.close()
