"""Wikitext reading, and fetching by title from a real local HTTP server with recorded API answers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import mwparserfromhell
import pytest
from click.testing import CliRunner
from mwparserfromhell.nodes import Template, Wikilink

from conftest import loopback_api
from filmgraph import read_article
from filmgraph.cli import cli
from filmgraph.errors import FilmgraphError
from filmgraph.model import BlockKind
from filmgraph.read.fetch import fetch_article
from filmgraph.read.wikitext import parse_table, parse_wikitext, render

RECORDED = Path(__file__).parent / "data" / "mediawiki"


class _RecordedApi(BaseHTTPRequestHandler):
    """Answers action=query for the titles recorded in tests/data/mediawiki/."""

    requests_seen: list[dict[str, list[str]]] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        query = parse_qs(urlparse(self.path).query)
        self.requests_seen.append(query)
        path = RECORDED / f"{query.get('titles', ['(no title)'])[0].replace(' ', '_')}.json"
        if not urlparse(self.path).path.endswith("/w/api.php") or not path.exists():
            body, status = b"not found", 404
        else:
            body, status = path.read_bytes(), 200
        self.send_response(status)
        self.send_header("Content-Type", "application/json" if status == 200 else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def api() -> Iterator[str]:
    with loopback_api(_RecordedApi) as url:
        yield url


def test_wikitext_article_structure(article) -> None:
    parsed = read_article(article("the_celebration.wiki"))
    assert parsed.title == "The Celebration"
    fields = {f.label: f.values for f in parsed.infobox}
    assert fields["writer"] == ("Thomas Vinterberg", "Mogens Rukov")
    assert fields["starring"][:2] == ("Ulrich Thomsen", "Henning Moritzen")
    assert fields["released"] == ("15 May 1998 (Cannes)",)
    assert fields["runtime"] == ("105 minutes",)
    assert parsed.lead[0].startswith("The Celebration (Danish: Festen) is a 1998 Danish drama film directed by")
    assert [s.title for s in parsed.sections] == ["Plot", "Cast", "Release", "Accolades", "References"]
    assert parsed.sections[1].lists[0][0] == "Ulrich Thomsen as Christian"


def test_wikitable_rowspans_and_colspans() -> None:
    table = parse_table('{| class="wikitable"\n! Award !! Date !! Category !! Result\n|-\n'
                        '| rowspan="2" | Bodil Awards || rowspan="2" | 1 March 1999 || Best Film || {{won}}\n'
                        '|-\n| Best Actor || {{nom}}\n|-\n| colspan="2" | Robert Awards || Best Film || {{won}}\n|}')
    assert table is not None
    assert table.rows == (("Bodil Awards", "1 March 1999", "Best Film", "Won"),
                          ("Bodil Awards", "1 March 1999", "Best Actor", "Nominated"),
                          ("Robert Awards", "Robert Awards", "Best Film", "Won"))


def test_wikitext_without_a_title() -> None:
    with pytest.raises(FilmgraphError, match="no title"):
        parse_wikitext("{{Infobox film\n| director = A B\n}}\nA film.", source="urn:x", where="x.wiki")


def test_fetch_by_title(api: str) -> None:
    parsed = fetch_article("The_Celebration", api=api)
    assert parsed.title == "The Celebration"
    assert parsed.source == api.replace("/w/api.php", "/wiki/The_Celebration")
    query = _RecordedApi.requests_seen[-1]
    assert query["action"] == ["query"] and query["prop"] == ["revisions|pageprops"] and query["redirects"] == ["1"]
    assert query["maxlag"] == ["5"] and query["rvprop"] == ["content|ids|timestamp"]
    assert (parsed.provenance.revision, parsed.provenance.timestamp) == ("1190000001", "2024-03-02T10:00:00Z")


def test_fetch_missing_page_and_unreachable_api(api: str) -> None:
    with pytest.raises(FilmgraphError, match=r"^wiki:No Such Film: no such page$"):
        fetch_article("No Such Film", api=api)
    with pytest.raises(FilmgraphError, match=r"^wiki:Unrecorded: http://127.0.0.1:\d+/w/api.php: HTTP 404 Not Found"):
        fetch_article("Unrecorded", api=api)
    with pytest.raises(FilmgraphError, match="cannot connect"):
        fetch_article("X", api="http://127.0.0.1:9/w/api.php", timeout=2)


def test_export_wiki_input(api: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FILMGRAPH_MEDIAWIKI_API", api)
    result = CliRunner().invoke(cli, ["export", "wiki:The Celebration", "wiki:No Such Film", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "Error: wiki:No Such Film: no such page" in result.stderr
    turtle = (tmp_path / "the-celebration.ttl").read_text(encoding="utf-8")
    assert "wiki/The_Celebration>" in turtle and '"Festen"@da' in turtle
    assert json.loads((tmp_path / "the-celebration.jsonld").read_text(encoding="utf-8"))["@graph"]


def test_infobox_picture_becomes_the_films_image_on_its_own_wiki(tmp_path) -> None:
    from rdflib import Literal, URIRef

    from filmgraph import extract_film, map_film
    from filmgraph.rdf.vocab import SDO, WDT

    page = ("{{Infobox film\n| name = Heat\n| image = [[File:Heat_poster.jpg|250px]]\n"
            "| caption = Theatrical release poster\n| director = Michael Mann\n}}\n'''Heat''' is a 1995 film.")
    graph = map_film(extract_film(parse_wikitext(page, source="https://en.wikipedia.org/wiki/Heat")))
    # An English film poster is almost always a non-free English Wikipedia file: the wiki's own Special:FilePath
    # serves it (and a Commons file alike).
    image = URIRef("https://en.wikipedia.org/wiki/Special:FilePath/Heat_poster.jpg")
    film = URIRef("https://example.org/filmgraph/film/heat")
    assert (film, SDO.image, image) in graph and (film, WDT.P18, image) in graph
    assert (image, SDO.description, Literal("Theatrical release poster", lang="en")) in graph


def test_a_tag_left_open_inside_a_template_does_not_hide_the_sections_after_it() -> None:
    from filmgraph.read.wikitext import parse_wikitext

    article = parse_wikitext("'''Ida''' is a 2001 film.\n{{Quote|a <div> b}}\n==Cast==\n* Ann Berg as Anna\n"
                             "==Plot==\nText.\n", source="")
    assert [(s.title, s.lists) for s in article.sections] == [("Cast", (("Ann Berg as Anna",),)), ("Plot", ())]


def test_an_item_keeps_the_texts_it_shows_in_italics() -> None:
    article = parse_wikitext("'''X''' is a film.\n\n==Cast==\n* [[Ann Berg]] as Jane in ''[[Show Boat]]'' and "
                             "'''''Oh, Boy!''''' ('''bold''')\n", source="")
    (item,) = [b for b in article.sections[0].blocks if b.kind is BlockKind.ITEM]
    assert item.italics == ("Show Boat", "Oh, Boy!")


def test_rendered_markup_is_cached_with_its_unknown_templates() -> None:
    """Markup rendered twice (a page's link texts, its repeated lines) is read once: the second caller still
    hears of the templates it cannot render, in order."""
    markup = "Ann {{frobnicate|x}} Berg {{won}} {{zzz}}"
    first: list[str] = []
    second: list[str] = []
    assert render(markup, first) == render(markup, second) == "Ann Berg Won "
    assert first == second == ["frobnicate", "zzz"]
    assert render(markup) == "Ann Berg Won "  # no list: nothing to report to


def test_mwparserfromhell_nodes_still_parse_what_they_are_given() -> None:
    """filmgraph.read.wikitext lets the parser's tree builder hand its nodes parsed wikicode without the four imports
    of ``parse_anything``; a node given text (as any other user of mwparserfromhell gives it) still parses it."""
    link = Wikilink("Ann Berg")
    link.text = "''Ann''"
    template = Template("Infobox film")
    template.add("director", "[[Ann Berg]] {{nowrap|x}}")
    assert [type(node).__name__ for node in link.text.nodes] == ["Tag"]
    assert str(template) == "{{Infobox film|director=[[Ann Berg]] {{nowrap|x}}}}"
    assert [str(node.title) for node in template.get("director").value.filter_wikilinks()] == ["Ann Berg"]
    assert render(mwparserfromhell.parse("[[Ann Berg|Ann]] {{nowrap|directed}}")) == "Ann directed"


# Markup the reader renders without a parse tree (tests/test_properties.py checks the simple path in general):
# citations that show nothing, bold italics, file and category links, a bare ampersand, an apostrophe in a link.
@pytest.mark.parametrize(("markup", "shown"), [
    ("Ann Berg directed it.{{sfn|Lund|2004|p=5}} Carl Holm wrote it.{{rp|12}}{{Citation needed|date=May 2020}}",
     "Ann Berg directed it. Carl Holm wrote it."),
    ("'''''Night Watch''''' is a 1994 [[Denmark|Danish]] film", "Night Watch is a 1994 Danish film"),
    ("[[Category:1994 films]] [[Category:Danish films]]", " "),
    ("He takes Jack's [[S&W Model 29|revolver]] & leaves", "He takes Jack's revolver & leaves"),
    ("[[Una O'Dell]] as Eva", "Una O'Dell as Eva"),
])
def test_markup_rendered_without_the_parser_reads_as_parsed(markup: str, shown: str) -> None:
    from filmgraph.read import wikitext

    assert wikitext._render_simple(wikitext._without_silent_templates(markup)) == shown
    assert render(markup) == shown == wikitext._render_nodes(mwparserfromhell.parse(markup), None)


def test_citation_beside_markup_is_left_to_the_parser() -> None:
    """A citation inside a link, or right after a quote, is not taken out before the parse (it might change them)."""
    from filmgraph.read import wikitext

    for markup in ("[[Ann Berg{{sfn|Lund|2004}} ]] text", "''Film''{{sfn|Lund|2004}} text",
                   "[http://x.org a{{rp|2}} b]"):
        assert wikitext._without_silent_templates(markup) == markup


def test_characters_made_by_references_and_escapes_are_made_valid() -> None:
    """A page with no invalid character of its own is not walked for them (the reader's shortcut), unless a numeric
    reference or a percent-escape in it may decode to one: a noncharacter from a link target's escape and from a
    reference are both replaced, with the warning."""
    text = ("{{Infobox film\n| name = X\n| director = [[Ann%EF%BF%BFBerg|Ann Berg]]\n}}\n"
            "'''X''' is a 2001 film by [[Jo&#xFDD0;e Berg]].\n")
    article = parse_wikitext(text, source="")
    assert ("Ann Berg", "Ann\ufffdBerg") in article.links
    assert article.warnings == ("<wikitext>: 2 characters no UTF-8 file can hold (a lone surrogate or a "
                                "noncharacter) replaced by U+FFFD",)
    plain = parse_wikitext(text.replace("%EF%BF%BF", "").replace("&#xFDD0;", ""), source="")
    assert ("Ann Berg", "AnnBerg") in plain.links and plain.warnings == ()
