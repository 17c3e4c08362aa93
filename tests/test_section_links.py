"""A link to a section of a page about something else is not the page of the words it shows: a company told of in a
person's article is not that person, an actor linked to his part's article is not the part. A section named as
the words, or the page's own title, still is."""

from __future__ import annotations

from rdflib import URIRef

from filmgraph import extract_film, map_film
from filmgraph.model import Film
from filmgraph.rdf.vocab import SDO
from filmgraph.read.wikitext import parse_wikitext


def _film(infobox: str, body: str = "") -> Film:
    text = ("{{Infobox film\n| name = Night Harbour\n| director = [[Ann Berg]]\n" + infobox + "\n}}\n"
            "'''Night Harbour''' is a 2001 film.\n" + body)
    return extract_film(parse_wikitext(text, source="https://en.wikipedia.org/wiki/Night_Harbour"))


def _same_as(film: Film, name: str) -> set[str]:
    graph = map_film(film)
    nodes = set(graph.subjects(SDO.name, None))
    return {str(page) for node in nodes if str(graph.value(node, SDO.name)) == name
            for page in graph.objects(node, SDO.sameAs) if isinstance(page, URIRef)}


def test_a_company_linked_to_a_section_of_a_persons_page_is_not_the_person() -> None:
    film = _film("| producer = [[Tom Hill#Career|Harbour Films]]\n| starring = [[Tom Hill]]")
    assert _same_as(film, "Harbour Films") == set()
    assert _same_as(film, "Tom Hill") == {"https://en.wikipedia.org/wiki/Tom_Hill"}


def test_a_person_linked_to_a_section_of_his_own_page_keeps_it() -> None:
    film = _film("| starring = [[Tom Hill (actor)#Early life|Tom Hill]]")
    assert _same_as(film, "Tom Hill") == {"https://en.wikipedia.org/wiki/Tom_Hill_(actor)"}


def test_a_category_linked_to_its_section_of_a_ceremony_keeps_its_body() -> None:
    film = _film("", "== Accolades ==\nAt the [[74th Academy Awards]], the film was nominated for "
                     "[[74th Academy Awards#Best Director|Best Director]].\n")
    assert [(n.body, n.category) for n in film.nomination] == [("Academy Awards", "Best Director")]


def test_a_category_linked_to_a_section_of_its_own_page_keeps_the_page() -> None:
    film = _film("", "== Accolades ==\n* [[Academy Award for Best Actor#1950s|Best Actor]] ([[Tom Hill]]) – Won\n")
    assert [(n.body, n.category, n.page) for n in film.nomination] == [
        ("Academy Awards", "Best Actor", "Academy Award for Best Actor")]


def test_an_actor_linked_to_his_parts_article_is_not_the_part() -> None:
    film = _film("| starring = [[Tom Hill]]", "== Cast ==\n* [[Black Knight (Night Harbour)#Filming|Carl Holm]] as "
                                              "the Black Knight\n")
    assert _same_as(film, "Carl Holm") == set()


def test_a_member_linked_to_his_section_of_a_groups_page_is_not_the_group() -> None:
    film = _film("| starring = [[Lund Brothers#Carl Lund|Carl Lund]]")
    assert _same_as(film, "Carl Lund") == set()


def test_a_member_linked_to_a_duos_page_by_a_word_of_its_name_is_not_the_duo() -> None:
    film = _film("| starring = [[Lund & Holm#Ann Lund|Lund]], [[Tom Hill]]")
    assert _same_as(film, "Lund") == set()
