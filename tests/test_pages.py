"""A wiki page's identity (filmgraph.pages): titles, page URLs, DBpedia resources, permalinks, files, the infobox."""

from __future__ import annotations

from pathlib import Path

import pytest

from filmgraph.pages import (
    Wiki,
    canonical_page,
    commons_file,
    is_article_title,
    is_film_infobox,
    normalize_title,
    title_of,
    wiki_at,
)
from filmgraph.read.dump import _film_page
from filmgraph.read.wikitext import parse_wikitext

EN = Wiki("https://en.wikipedia.org/wiki/")

# title as a link or a file may write it → the page's URL (MediaWiki's wfUrlencode, as Wikidata's sitelinks link
# it) → DBpedia's resource (its own rule). The first five are the table.
TITLES = [
    ("Ryan O'Neal", "https://en.wikipedia.org/wiki/Ryan_O%27Neal", "http://dbpedia.org/resource/Ryan_O'Neal"),
    ("Amélie", "https://en.wikipedia.org/wiki/Am%C3%A9lie", "http://dbpedia.org/resource/Amélie"),
    ("Face/Off", "https://en.wikipedia.org/wiki/Face/Off", "http://dbpedia.org/resource/Face/Off"),
    ("Harold & Kumar Go to White Castle", "https://en.wikipedia.org/wiki/Harold_%26_Kumar_Go_to_White_Castle",
     "http://dbpedia.org/resource/Harold_&_Kumar_Go_to_White_Castle"),
    ("M*A*S*H (film)", "https://en.wikipedia.org/wiki/M*A*S*H_(film)", "http://dbpedia.org/resource/M*A*S*H_(film)"),
    ("What's Up, Doc? (1972 film)", "https://en.wikipedia.org/wiki/What%27s_Up,_Doc%3F_(1972_film)",
     "http://dbpedia.org/resource/What's_Up,_Doc%3F_(1972_film)"),
    ("100% Love (2011 film)", "https://en.wikipedia.org/wiki/100%25_Love_(2011_film)",
     "http://dbpedia.org/resource/100%25_Love_(2011_film)"),
    ("Tora! Tora! Tora!", "https://en.wikipedia.org/wiki/Tora!_Tora!_Tora!", "http://dbpedia.org/resource/Tora!_Tora!_Tora!"),
    ("$9.99", "https://en.wikipedia.org/wiki/$9.99", "http://dbpedia.org/resource/$9.99"),
    ("Léon: The Professional", "https://en.wikipedia.org/wiki/L%C3%A9on:_The_Professional",
     "http://dbpedia.org/resource/Léon:_The_Professional"),
    ("+1 (film)", "https://en.wikipedia.org/wiki/%2B1_(film)", "http://dbpedia.org/resource/+1_(film)"),
    ("Love = Love", "https://en.wikipedia.org/wiki/Love_%3D_Love", "http://dbpedia.org/resource/Love_=_Love"),
    ("Dr. Strangelove", "https://en.wikipedia.org/wiki/Dr._Strangelove", "http://dbpedia.org/resource/Dr._Strangelove"),
    ("Crouching Tiger, Hidden Dragon", "https://en.wikipedia.org/wiki/Crouching_Tiger,_Hidden_Dragon",
     "http://dbpedia.org/resource/Crouching_Tiger,_Hidden_Dragon"),
    ('The "Human" Factor', "https://en.wikipedia.org/wiki/The_%22Human%22_Factor",
     "http://dbpedia.org/resource/The_%22Human%22_Factor"),
    ("A^2", "https://en.wikipedia.org/wiki/A%5E2", "http://dbpedia.org/resource/A%5E2"),
    ("Zoë's Café ~ 1", "https://en.wikipedia.org/wiki/Zo%C3%AB%27s_Caf%C3%A9_~_1",
     "http://dbpedia.org/resource/Zoë's_Café_~_1"),
    # non-Latin scripts: every byte percent-encoded in the URL, the letters as they are in DBpedia's IRI
    ("Андрей Рублёв", "https://en.wikipedia.org/wiki/%D0%90%D0%BD%D0%B4%D1%80%D0%B5%D0%B9_"
     "%D0%A0%D1%83%D0%B1%D0%BB%D1%91%D0%B2", "http://dbpedia.org/resource/Андрей_Рублёв"),
    ("千と千尋の神隠し", "https://en.wikipedia.org/wiki/%E5%8D%83%E3%81%A8%E5%8D%83%E5%B0%8B%E3%81%AE%E7%A5%9E%E9%9A%A0"
     "%E3%81%97", "http://dbpedia.org/resource/千と千尋の神隠し"),
    # how links and files write titles: fragments, underscores, extra spaces, lower-case first letters, escapes
    ("Ocean's Eleven#Cast", "https://en.wikipedia.org/wiki/Ocean%27s_Eleven", "http://dbpedia.org/resource/Ocean's_Eleven"),
    ("  the_Celebration  ", "https://en.wikipedia.org/wiki/The_Celebration",
     "http://dbpedia.org/resource/The_Celebration"),
    ("eXistenZ", "https://en.wikipedia.org/wiki/EXistenZ", "http://dbpedia.org/resource/EXistenZ"),
    ("über Alles", "https://en.wikipedia.org/wiki/%C3%9Cber_Alles", "http://dbpedia.org/resource/Über_Alles"),
    ("ßpiel", "https://en.wikipedia.org/wiki/%C3%9Fpiel", "http://dbpedia.org/resource/ßpiel"),
    ("Harold &amp; Kumar", "https://en.wikipedia.org/wiki/Harold_%26_Kumar", "http://dbpedia.org/resource/Harold_&_Kumar"),
    ("Am%C3%A9lie", "https://en.wikipedia.org/wiki/Am%C3%A9lie", "http://dbpedia.org/resource/Amélie"),
    ("Heat\u00a0(1995 film)", "https://en.wikipedia.org/wiki/Heat_(1995_film)",
     "http://dbpedia.org/resource/Heat_(1995_film)"),
]


@pytest.mark.parametrize(("title", "url", "resource"), TITLES, ids=[t for t, _, _ in TITLES])
def test_a_title_has_mediawikis_url_and_dbpedias_resource(title: str, url: str, resource: str) -> None:
    assert EN.page(title) == url
    assert EN.resource(title) == resource
    # The URL reads back as the title MediaWiki stores, and writing it again gives the same URL.
    assert title_of(url) == normalize_title(title)
    assert canonical_page(url) == url


def test_a_page_url_however_written_is_one_url() -> None:
    written = ["https://en.wikipedia.org/wiki/Ocean's_Eleven", "https://en.wikipedia.org/wiki/Ocean%27s_Eleven",
               "https://en.wikipedia.org/wiki/Ocean%27s_Eleven#Cast", "https://en.wikipedia.org/wiki/ocean's_Eleven"]
    assert {canonical_page(url) for url in written} == {"https://en.wikipedia.org/wiki/Ocean%27s_Eleven"}
    assert canonical_page("https://example.org/films/heat") == "https://example.org/films/heat"


def test_other_chapters_and_wikis() -> None:
    german = wiki_at("https://de.wikipedia.org/w/api.php")
    assert german.page("Die Fälscher") == "https://de.wikipedia.org/wiki/Die_F%C3%A4lscher"
    assert german.resource("Die Fälscher") == "http://de.dbpedia.org/resource/Die_Fälscher"
    assert wiki_at("https://ja.wikipedia.org/wiki/x").resource("千と千尋の神隠し") == \
        "http://ja.dbpedia.org/resource/千と千尋の神隠し"
    assert wiki_at("https://sv.wikipedia.org/wiki/").resource("Fanny och Alexander") is None  # no chapter
    assert german.qid == "Q48183"
    # Wiktionary keeps a title's first letter as it is.
    assert wiki_at("https://en.wiktionary.org/wiki/").page("film") == "https://en.wiktionary.org/wiki/film"


@pytest.mark.parametrize(("title", "revision", "permalink"), [
    ("Ryan O'Neal", "123", "https://en.wikipedia.org/w/index.php?title=Ryan_O%27Neal&oldid=123"),
    ("Harold & Kumar", "7", "https://en.wikipedia.org/w/index.php?title=Harold_%26_Kumar&oldid=7"),
])
def test_permalinks_cite_one_revision(title: str, revision: str, permalink: str) -> None:
    assert EN.permalink(title, revision) == permalink


@pytest.mark.parametrize(("name", "on_its_wiki", "on_commons"), [
    ("Festen poster.jpg", "https://en.wikipedia.org/wiki/Special:FilePath/Festen_poster.jpg",
     "http://commons.wikimedia.org/wiki/Special:FilePath/Festen%20poster.jpg"),
    ("File:what's up_doc.jpg", "https://en.wikipedia.org/wiki/Special:FilePath/What%27s_up_doc.jpg",
     "http://commons.wikimedia.org/wiki/Special:FilePath/What%27s%20up%20doc.jpg"),
    ("Image:Amélie_(2001) poster.jpg", "https://en.wikipedia.org/wiki/Special:FilePath/Am%C3%A9lie_(2001)_poster.jpg",
     "http://commons.wikimedia.org/wiki/Special:FilePath/Am%C3%A9lie%20%282001%29%20poster.jpg"),
])
def test_a_poster_is_served_by_its_wiki_and_a_commons_file_is_written_as_wikidata_writes_it(
        name: str, on_its_wiki: str, on_commons: str) -> None:
    assert EN.file(name) == on_its_wiki
    # Wikidata's RDF: http, Special:FilePath, rawurlencode of the name with its spaces.
    assert commons_file(name) == on_commons


@pytest.mark.parametrize(("target", "article"), [
    ("Batman: The Movie", True), ("Mission: Impossible (film)", True), ("Star Wars", True), (":Heat", True),
    ("File:Poster.jpg", False), ("Image:Poster.jpg", False), ("Category:1998 films", False),
    (":Category:1998 films", False), ("wikt:film", False), ("fr:Amélie", False), ("de:Die Fälscher", False),
    ("Template:Infobox film", False), ("WP:FILM", False), ("#Cast", False), ("", False),
])
def test_a_link_names_an_article_unless_its_prefix_is_a_namespace_or_another_wiki(target: str, article: bool) -> None:
    assert is_article_title(target) is article


@pytest.mark.parametrize("name", ["Infobox film", "Infobox Film", "infobox_film", "Infobox movie", "Infobox  Movie",
                                  "Template:Infobox film", "INFOBOX FEATURE_FILM", "Infobox short film"])
def test_every_spelling_of_the_film_infobox_is_the_film_infobox(name: str) -> None:
    assert is_film_infobox(name)
    # The dump filter finds it in raw wikitext with the same names.
    page = f"{{{{{name}\n| name = Heat\n}}}}\n'''Heat''' is a 1995 film."
    job = _film_page(Path("d.xml"), "https://en.wikipedia.org/wiki/", "Heat", 0, False, page,
                     1, None)
    assert job is not None and job.source == "https://en.wikipedia.org/wiki/Heat"


@pytest.mark.parametrize("text", ["{{Infobox television\n| name = X\n}}", "{{Infobox filmmaker\n| name = X\n}}",
                                  "{{Infobox film festival|name=X}}", "A film without an infobox."])
def test_other_infoboxes_are_not_film_infoboxes(text: str) -> None:
    assert _film_page(Path("d.xml"), None, "X", 0, False, text, 1, None) is None


def test_the_reader_links_articles_by_their_normalised_titles() -> None:
    article = parse_wikitext("\'\'\'Heat\'\'\' is a 1995 film by [[michael_Mann#Career|Michael Mann]], after "
                             "[[Mission: Impossible (film)|a spy film]] ([[File:Heat.jpg]], [[fr:Heat]], "
                             "[[Category:1995 films]], [[:Category:Films]], [[Harold &amp; Kumar]]).", source="")
    assert article.links == (("Michael Mann", "Michael Mann"), ("a spy film", "Mission: Impossible (film)"),
                             ("Harold & Kumar", "Harold & Kumar"))
