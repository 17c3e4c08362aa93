"""Linked data that links: identities from the page, wiki links, Wikidata items, revisions, a polite client."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from rdflib import URIRef

from conftest import loopback_api
from filmgraph import FilmgraphError, RdfFormat, extract_film, map_film
from filmgraph.pipeline import Reading, export_one
from filmgraph.rdf.vocab import OWL, PR, SDO, WD, WDT
from filmgraph.read.mediawiki import MediaWiki
from filmgraph.read.wikitext import parse_wikitext

BASE = "https://example.org/filmgraph/"
CORPUS = Path(__file__).parent / "corpus"


def _film(text: str, **kwargs: str):
    return map_film(extract_film(parse_wikitext(text, source=kwargs.pop("source", ""), **kwargs)))


def test_two_exports_from_two_folders_are_byte_identical(tmp_path: Path, article) -> None:
    for name in ("the_celebration.wiki", "second_victims.txt"):
        texts = []
        for folder in ("a", "b/deeper"):
            copy = tmp_path / folder / name
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(article(name), copy)
            result = export_one(copy, output_dir=None, formats=tuple(RdfFormat))
            texts.append(result.texts)
            assert not any(str(tmp_path) in text or "file:" in text for text in result.texts.values())
        assert texts[0] == texts[1]


def test_linked_names_carry_wikipedia_and_dbpedia_and_people_are_the_pages() -> None:
    graph = map_film(extract_film(parse_wikitext((CORPUS / "48_hrs.wiki").read_text(encoding="utf-8"),
                                                 source="")))
    hill = URIRef(BASE + "person/walter-hill-director")
    assert (hill, SDO.sameAs, URIRef("https://en.wikipedia.org/wiki/Walter_Hill_(director)")) in graph
    assert (hill, OWL.sameAs, URIRef("http://dbpedia.org/resource/Walter_Hill_(director)")) in graph
    # An unlinked person belongs to this film alone.
    assert (URIRef(BASE + "film/48-hrs/person/freeman-a-davies"), SDO.name, None) in graph


def test_one_name_linked_to_two_pages_is_two_people_across_films() -> None:
    first = _film("{{Infobox film\n| director = [[John Smith (director)|John Smith]]\n}}\n'''Alpha''' is a film.")
    second = _film("{{Infobox film\n| director = [[John Smith (actor)|John Smith]]\n}}\n'''Beta''' is a film.")
    third = _film("{{Infobox film\n| director = [[John Smith (director)|John Smith]]\n}}\n'''Gamma''' is a film.")
    unlinked = _film("{{Infobox film\n| director = John Smith\n}}\n'''Delta''' is a film.")
    directors = [set(g.objects(None, SDO.director)) for g in (first, second, third, unlinked)]
    assert directors[0] == directors[2] == {URIRef(BASE + "person/john-smith-director")}
    assert directors[1] == {URIRef(BASE + "person/john-smith-actor")}
    assert directors[3] == {URIRef(BASE + "film/delta/person/john-smith")}


def test_names_linked_to_one_page_are_one_person_and_an_unlinked_variant_joins_them() -> None:
    graph = _film("{{Infobox film\n| starring = [[Robert Wall|Bob Wall]]\n}}\n'''Alpha''' is a film.\n"
                  "==Cast==\n* [[Robert Wall]] as O'Hara\n* Bob Wall as a guard")
    people = set(graph.objects(None, SDO.actor)) - {None}
    actors = {p for p in graph.subjects(SDO.name, None) if "/person/" in str(p)}
    assert actors == {URIRef(BASE + "person/robert-wall")}, people


def test_references_cite_the_revision_its_time_and_the_wiki() -> None:
    graph = _film("{{Infobox film\n| director = Ann Berg\n}}\n'''Alpha''' is a film.",
                  source="https://en.wikipedia.org/wiki/Alpha_(film)", revision="123", timestamp="2020-01-02T03:04:05Z")
    references = set(graph.subjects(PR.P958, None))
    assert references
    for reference in references:
        assert graph.value(reference, PR.P854) == URIRef(
            "https://en.wikipedia.org/w/index.php?title=Alpha_(film)&oldid=123")
        assert graph.value(reference, PR.P813).toPython().isoformat() == "2020-01-02T03:04:05+00:00"
        assert graph.value(reference, PR.P143) == WD.Q328
    film = URIRef(BASE + "film/alpha-film")  # a film is its page: named after the page's title
    assert graph.value(film, SDO.subjectOf) == URIRef("https://en.wikipedia.org/wiki/Alpha_(film)")
    assert (film, SDO.sameAs, URIRef("https://en.wikipedia.org/wiki/Alpha_(film)")) in graph


def test_items_file_gives_linked_pages_their_wikidata_items(tmp_path: Path) -> None:
    items = tmp_path / "items.tsv"
    items.write_text("Walter_Hill_(director)\tQ362824\nJoel Silver\tQ704012\nnot an item\tX1\n", encoding="utf-8")
    copy = tmp_path / "48_hrs.wiki"
    shutil.copy(CORPUS / "48_hrs.wiki", copy)
    result = export_one(copy, output_dir=None, reading=Reading(items_file=items))
    assert result.error is None
    graph = result.graph
    assert (URIRef(BASE + "person/walter-hill-director"), OWL.sameAs, WD.Q362824) in graph
    assert (URIRef(BASE + "person/joel-silver"), OWL.sameAs, WD.Q704012) in graph
    assert (tmp_path / "items.tsv.sqlite").exists()


def test_page_props_sql_dump_gives_linked_pages_their_wikidata_items(tmp_path: Path) -> None:
    """Offline, as a dump user has it: the wiki's page_props SQL dump, with the page table dump beside it."""
    import gzip

    page = ("-- MySQL dump\nCREATE TABLE `page` (`page_id` int);\n"
            "INSERT INTO `page` VALUES (10,0,'Walter_Hill_(director)','',0,0,0.5,'2020','2020',1,2,'wikitext',NULL),"
            "(11,0,'Joel_Silver','',0,0,0.5,'2020','2020',1,2,'wikitext',NULL),"
            "(12,2,'Joel_Silver','',0,0,0.5,'2020','2020',1,2,'wikitext',NULL),"
            "(13,0,'O\\'Brien_\\\\_Co','',0,0,0.5,'2020','2020',1,2,'wikitext',NULL);\n")
    props = ("INSERT INTO `page_props` VALUES (10,'wikibase_item','Q362824',NULL),(10,'page_image_free','x.jpg',NULL),"
             "(11,'wikibase_item','Q704012',NULL),(12,'wikibase_item','Q1',NULL),"
             "(13,'wikibase_item','Q99',NULL);\n")
    (tmp_path / "enwiki-20200101-page.sql.gz").write_bytes(gzip.compress(page.encode("utf-8")))
    dump = tmp_path / "enwiki-20200101-page_props.sql.gz"
    dump.write_bytes(gzip.compress(props.encode("utf-8")))
    from filmgraph.read.items import ItemFile

    items = ItemFile(dump)
    assert items.items(["Walter Hill (director)", "Joel Silver", "O'Brien \\ Co", "Nobody"]) == {
        "Walter Hill (director)": "Q362824", "Joel Silver": "Q704012", "O'Brien \\ Co": "Q99"}
    items.close()
    copy = tmp_path / "48_hrs.wiki"
    shutil.copy(CORPUS / "48_hrs.wiki", copy)
    graph = export_one(copy, output_dir=None, reading=Reading(items_file=dump)).graph
    assert (URIRef(BASE + "person/walter-hill-director"), OWL.sameAs, WD.Q362824) in graph
    (tmp_path / "enwiki-20200101-page.sql.gz").unlink()
    dump.with_name(dump.name + ".sqlite").unlink()
    with pytest.raises(FilmgraphError, match="the page table dump enwiki-20200101-page.sql.gz must lie beside it"):
        ItemFile(dump)


# ------------------------------------------------------------- a local MediaWiki API, answers recorded here

class _Api(BaseHTTPRequestHandler):
    seen: list[dict[str, list[str]]] = []
    agents: list[str] = []
    busy_left = 0

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        query = parse_qs(urlparse(self.path).query)
        type(self).seen.append(query)
        type(self).agents.append(self.headers.get("User-Agent", ""))
        titles = query.get("titles", [""])[0].split("|")
        status, headers, body = 200, {}, {}
        if titles[0].startswith("Malformed "):
            data = titles[0].removeprefix("Malformed ").encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        if "Busy" in titles and type(self).busy_left > 0:
            type(self).busy_left -= 1
            status, headers = 429, {"Retry-After": "0"}
        elif "Lagged" in titles and type(self).busy_left > 0:
            type(self).busy_left -= 1
            headers = {"Retry-After": "0"}
            body = {"error": {"code": "maxlag", "info": "Waiting for a database server: 6 seconds lagged"}}
        elif query.get("prop") == ["pageprops"]:
            pages = []
            redirects = []
            for title in titles:
                if title == "Old Name":
                    redirects.append({"from": "Old Name", "to": "New Name"})
                    pages.append({"title": "New Name", "pageprops": {"wikibase_item": "Q3"}})
                elif title == "Missing":
                    pages.append({"title": "Missing", "missing": True})
                else:
                    pages.append({"title": title, "pageprops": {"wikibase_item": f"Q{100 + len(title)}"}})
            body = {"query": {"redirects": redirects, "pages": pages}}
        else:
            body = {"query": {"pages": [{"title": titles[0], "missing": True}]}}
        data = json.dumps(body).encode()
        self.send_response(status)
        for key, value in {"Content-Type": "application/json", **headers}.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def api() -> Iterator[str]:
    with loopback_api(_Api) as url:
        yield url


def test_items_in_batches_of_fifty_following_redirects(api: str) -> None:
    wiki = MediaWiki(api, contact="films@example.org")
    _Api.seen.clear()
    titles = [f"Page {n}" for n in range(120)] + ["Old Name", "Missing"]
    found = wiki.items(titles)
    assert [len(q["titles"][0].split("|")) for q in _Api.seen] == [50, 50, 22]
    assert all(q["maxlag"] == ["5"] for q in _Api.seen)
    assert found["Old Name"] == "Q3" and "Missing" not in found and found["Page 7"] == "Q106"
    assert all(agent.startswith("filmgraph/") and "films@example.org" in agent for agent in _Api.agents)


def test_retries_honour_retry_after_on_429_and_maxlag(api: str) -> None:
    wiki = MediaWiki(api, contact="films@example.org", retries=2)
    for title in ("Busy", "Lagged"):
        _Api.busy_left = 2
        started = time.monotonic()
        assert wiki.items([title]) == {title: f"Q{100 + len(title)}"}
        assert time.monotonic() - started < 5
    _Api.busy_left = 5
    with pytest.raises(FilmgraphError, match="answered HTTP 429 3 times"):
        wiki.items(["Busy"])
    _Api.busy_left = 0


def test_wikimedia_wikis_need_a_contact() -> None:
    with pytest.raises(FilmgraphError, match="set --contact or FILMGRAPH_CONTACT"):
        MediaWiki("https://en.wikipedia.org/w/api.php")
    MediaWiki("https://en.wikipedia.org/w/api.php", contact="films@example.org").close()


def test_missing_page_is_one_line(api: str) -> None:
    with pytest.raises(FilmgraphError, match=r"^wiki:Nothing Here: no such page$"):
        MediaWiki(api).page("Nothing Here")


@pytest.mark.parametrize("answer", ["null", "[]", '{"query": []}', '{"query": {"pages": [null]}}',
                                    '{"error": "boom"}', "<html>not json</html>"])
def test_malformed_api_answers_are_one_line(api: str, answer: str) -> None:
    wiki = MediaWiki(api, contact="films@example.org")
    with pytest.raises(FilmgraphError) as caught:
        wiki.page(f"Malformed {answer}")
    assert "\n" not in str(caught.value) and str(caught.value).startswith("wiki:Malformed")


def test_items_are_cached_so_a_second_run_asks_nothing(api: str, tmp_path: Path) -> None:
    first = MediaWiki(api, contact="films@example.org", cache=tmp_path)
    _Api.seen.clear()
    assert first.items(["Joel Silver", "Missing"]) == {"Joel Silver": "Q111"}
    assert len(_Api.seen) == 1
    second = MediaWiki(api, contact="films@example.org", cache=tmp_path)
    assert second.items(["Joel Silver", "Missing"]) == {"Joel Silver": "Q111"}
    assert len(_Api.seen) == 1  # both answers came from the cache, the missing page's too
    assert second.items(["Joel Silver", "Walter Hill"]) == {"Joel Silver": "Q111", "Walter Hill": "Q111"}
    assert _Api.seen[-1]["titles"] == ["Walter Hill"]
    first.close()
    second.close()


def test_one_name_linked_to_two_pages_in_one_article_is_two_people() -> None:
    text = """{{Infobox film
| name = Two Smiths
| director = [[John Smith (director)|John Smith]]
| starring = [[John Smith (actor)|John Smith]]<br>[[Ann Berg]]
}}
'''Two Smiths''' is a 2001 film directed by John Smith.

==Cast==
* [[John Smith (actor)|John Smith]] as Carl
* [[Ann Berg]] as Ida

==Accolades==
{| class="wikitable"
! Award !! Category !! Recipient !! Result
|-
| Bodil Awards || Best Director || [[John Smith (director)|John Smith]] || {{won}}
|}
"""
    film = extract_film(parse_wikitext(text, source="https://en.wikipedia.org/wiki/Two_Smiths"))
    smiths = sorted((p.name, p.link) for p in film.people.values() if p.name == "John Smith")
    assert smiths == [("John Smith", "John Smith (actor)"), ("John Smith", "John Smith (director)")]
    director = film.people[film.director[0].person]
    assert director.link == "John Smith (director)"
    actor = next(film.people[m.person] for m in film.cast if film.people[m.person].name == "John Smith")
    assert actor.link == "John Smith (actor)"
    assert [m.characters for m in film.cast if m.person == actor.key] == [["Carl"]]
    [nominee] = film.nomination[0].nominees
    assert nominee.person == director.key
    graph = map_film(film)
    assert (URIRef(BASE + "person/john-smith-director"), SDO.sameAs,
            URIRef("https://en.wikipedia.org/wiki/John_Smith_(director)")) in graph
    assert (URIRef(BASE + "person/john-smith-actor"), SDO.sameAs,
            URIRef("https://en.wikipedia.org/wiki/John_Smith_(actor)")) in graph


# ------------------------------------------------ items by default for pages fetched with wiki:Title

_AWARDED = """{{Infobox film
| name = Alpha
| director = [[Ann Berg]]
| studio = [[Nordlys International]]
}}
'''Alpha''' is a 2001 film directed by [[Ann Berg]].

==Accolades==
{| class="wikitable"
! Award !! Category !! Recipient !! Result
|-
| Bodil Awards || [[Bodil Award for Best Danish Film|Best Danish Film]] || Alpha || {{won}}
|-
| Robert Awards || [[List of Robert Award winners|Best Actress]] || [[Ida Holm]] || {{nom}}
|}
"""
_AWARDED_ITEMS = {"Alpha": "Q900000301", "Ann Berg": "Q900000302", "Nordlys International": "Q900000303",
                  "Bodil Award for Best Danish Film": "Q900000304", "Ida Holm": None,
                  "List of Robert Award winners": "Q900000305"}


def _awarded_api() -> type:
    from conftest import recorded_wiki

    return recorded_wiki(pages={"Alpha": {"text": _AWARDED, "revid": 42, "timestamp": "2024-01-02T03:04:05Z",
                                          "item": "Q900000301"}}, items=_AWARDED_ITEMS)


def test_wiki_title_links_the_film_people_companies_and_award_categories_to_their_items() -> None:
    handler = _awarded_api()
    with loopback_api(handler) as api:
        result = export_one("wiki:Alpha", output_dir=None, reading=Reading(api=api, contact="films@example.org"))
    assert result.error is None, result.error
    graph = result.graph
    assert (URIRef(BASE + "film/alpha"), OWL.sameAs, WD.Q900000301) in graph
    assert (URIRef(BASE + "person/ann-berg"), OWL.sameAs, WD.Q900000302) in graph
    assert (URIRef(BASE + "organization/nordlys-international"), OWL.sameAs, WD.Q900000303) in graph
    # A category known by its item is the item: the value of the film's statements, and its article's.
    category = WD.Q900000304
    assert (URIRef(BASE + "film/alpha"), WDT.P166, category) in graph
    assert (category, SDO.sameAs, URIRef("https://en.wikipedia.org/wiki/Bodil_Award_for_Best_Danish_Film")) in graph
    assert (category, OWL.sameAs, category) not in graph
    # A list of winners is not the category: neither its page nor its item is the category's.
    listed = URIRef(BASE + "award/robert-awards/best-actress")
    assert not set(graph.objects(listed, OWL.sameAs)) and not set(graph.objects(listed, SDO.sameAs))
    # One batched request for every linked page; the film's own item came with its text.
    asked = [sorted(q["titles"][0].split("|")) for q in handler.seen if q.get("prop") == ["pageprops"]]
    assert asked == [["Ann Berg", "Bodil Award for Best Danish Film", "Ida Holm", "Nordlys International"]]


def test_no_link_wikidata_asks_nothing_and_files_stay_offline(tmp_path: Path) -> None:
    handler = _awarded_api()
    with loopback_api(handler) as api:
        off = export_one("wiki:Alpha", output_dir=None,
                         reading=Reading(api=api, contact="films@example.org", link_wikidata=False))
        saved = tmp_path / "alpha.wiki"
        saved.write_text(_AWARDED, encoding="utf-8")
        offline = export_one(saved, output_dir=None, reading=Reading(
            api=api, source_url="https://en.wikipedia.org/wiki/Alpha"))
        asked = export_one(saved, output_dir=None, reading=Reading(
            api=api, source_url="https://en.wikipedia.org/wiki/Alpha", link_wikidata=True))
    assert len([q for q in handler.seen if q.get("prop") == ["pageprops"]]) == 1  # only with link_wikidata=True
    assert (URIRef(BASE + "person/ann-berg"), OWL.sameAs, WD.Q900000302) not in off.graph
    assert (URIRef(BASE + "person/ann-berg"), OWL.sameAs, WD.Q900000302) not in offline.graph
    assert (URIRef(BASE + "person/ann-berg"), OWL.sameAs, WD.Q900000302) in asked.graph  # --link-wikidata


def test_an_api_that_cannot_give_items_costs_the_links_not_the_film() -> None:
    from conftest import recorded_wiki

    class NoItems(recorded_wiki(pages={"Alpha": {"text": _AWARDED, "revid": 42, "timestamp": "2024-01-02T03:04:05Z",
                                                 "item": "Q900000301"}})):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            if "prop=pageprops&" in self.path or self.path.endswith("prop=pageprops"):
                self.send_response(500)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            super().do_GET()

    with loopback_api(NoItems) as url:
        result = export_one("wiki:Alpha", output_dir=None,
                            reading=Reading(api=url, contact="films@example.org", timeout=5))
    assert result.error is None and result.graph is not None
    assert any(w.startswith("Wikidata items not looked up: ") for w in result.warnings)


def test_link_wikidata_flags(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from filmgraph.cli import cli

    for flag in ("--link-wikidata", "--no-link-wikidata"):
        # Nothing listens on port 9: asked for items, the export goes on without them, with a warning.
        result = CliRunner().invoke(cli, ["export", str(CORPUS / "48_hrs.wiki"), flag, "-o", str(tmp_path),
                                          "--cache", str(tmp_path / "cache")],
                                    env={"FILMGRAPH_MEDIAWIKI_API": "http://127.0.0.1:9/w/api.php"})
        assert result.exit_code == 0, result.output
        assert ("Wikidata items not looked up" in result.stderr) == (flag == "--link-wikidata")
