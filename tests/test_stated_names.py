"""Two names the page itself says are one person's ("credited as", "(born …)", "under the pseudonym …", a link
written with and without its accents) are one node; names it never says so of stay apart (brothers, "Jr.", a
shared given name, a character)."""

from __future__ import annotations

import pytest

from filmgraph.model import Film, Person
from test_reading_variants import _cast, _film, _names


def _person(film: Film, name: str) -> Person:
    found = [p for p in film.people.values() if name == p.name or name in p.alternate_names]
    assert len(found) == 1, (name, [(p.name, p.alternate_names) for p in film.people.values()])
    return found[0]


def _names_of(film: Film, name: str) -> set[str]:
    person = _person(film, name)
    return {person.name, *person.alternate_names}


@pytest.mark.parametrize("sentence", [
    "It was directed by [[Ann Berg]] (born Annelise Bergström Lund).",
    "It was directed by [[Ann Berg]] (real name Annelise Bergström Lund).",
    "It was directed by [[Ann Berg]] who (under her original name, Annelise Bergström Lund) acted in silent films.",
    "It was directed by [[Ann Berg]], working under the alias name of \"Annelise Bergström Lund\".",
    "It was directed by [[Ann Berg]], writing under the pen name Annelise Bergström Lund.",
    "It was directed by [[Ann Berg]] (credited as Annelise Bergström Lund).",
    "It was directed by [[Ann Berg]], also known as Annelise Bergström Lund.",
    "It shows the films of \"Annelise Bergström Lund\" (pseudonym of director [[Ann Berg]]).",
])
def test_a_name_the_page_states_for_a_credited_person_is_one_of_theirs(sentence: str) -> None:
    film = _film("", sentence)
    assert _names(film, "director") == ["Ann Berg"]
    assert _names_of(film, "Ann Berg") == {"Ann Berg", "Annelise Bergström Lund"}
    assert len(film.people) == 1


def test_a_cast_member_credited_under_another_name_in_prose_is_one_node_in_the_cast() -> None:
    film = _film("", "== Cast ==\n[[Carl Holm]] (credited as Carl Baresford Holm), who wrote a song for the film, "
                     "cameos as a doorman. [[Eva Lund]] plays a nurse.\n")
    assert _cast(film) == {"Carl Holm": ["doorman"], "Eva Lund": ["nurse"]}
    assert _names_of(film, "Carl Holm") == {"Carl Holm", "Carl Baresford Holm"}


def test_a_stated_name_that_is_another_credited_persons_stays_theirs() -> None:
    # Two credited people: the sentence cannot make them one.
    film = _film("| producer = [[Bo Berg]]", "[[Ann Berg]] (born Bo Berg) directed it.")
    assert _names(film, "director") == ["Ann Berg"] and _names(film, "producer") == ["Bo Berg"]
    assert _names_of(film, "Ann Berg") == {"Ann Berg"}


@pytest.mark.parametrize("sentence", [
    "It was directed by [[Ann Berg]] (born 12 May 1950 in Oslo).",
    "It was directed by [[Ann Berg]] (born in Oslo).",
    "It was directed by [[Ann Berg]], whose brother Tom Berg scored it.",
    "It was directed by [[Ann Berg]] and her son, [[Ann Berg Jr.]], produced it.",
    "[[Ann Berg]] plays Annelise Lund, also known as the Night Queen.",
    "The film was directed by [[Ann Berg]] (known as Annie to her friends).",
])
def test_no_name_is_invented_where_the_page_states_none(sentence: str) -> None:
    film = _film("", sentence)
    assert _names_of(film, "Ann Berg") == {"Ann Berg"}


def test_a_link_spelled_without_its_accents_is_the_same_persons_page() -> None:
    film = _film("| writer = [[Stefan Benét]]", "Berg adapted [[Stefan Benet]]'s short story. The film was made "
                 "with uncredited help from [[José Lund]] and [[Jose Lund]].")
    assert _names_of(film, "Stefan Benét") == {"Stefan Benét", "Stefan Benet"}
    assert len(film.people) == 2  # José Lund is named in prose only: no node


def test_a_name_without_accents_that_the_page_links_elsewhere_is_someone_else() -> None:
    film = _film("| writer = [[Stefan Benét]]", "It is based on a story by [[Stefan Benet (poet)|Stefan Benet]].")
    assert _names_of(film, "Stefan Benét") == {"Stefan Benét"}


def test_an_unaccented_name_two_credited_people_share_joins_neither() -> None:
    film = _film("| producer = [[José Lund]]\n| writer = [[Josè Lund (writer)|Josè Lund]]",
                 "Jose Lund wrote the first draft.")
    assert _names_of(film, "José Lund") == {"José Lund"}
    assert _names_of(film, "Josè Lund") == {"Josè Lund"}


def test_brothers_and_namesakes_stay_apart() -> None:
    film = _film("| producer = [[Tom Berg]]\n| writer = [[Tom Berg Jr.]]\n| music = [[Ann Holm]]",
                 "[[Ann Berg]] (born Ann Holm Berg) directed it with her brother Tom Berg.")
    assert len(film.people) == 4
    assert _names_of(film, "Ann Berg") == {"Ann Berg", "Ann Holm Berg"}
    assert _names_of(film, "Tom Berg") == {"Tom Berg"}
    assert _names_of(film, "Ann Holm") == {"Ann Holm"}


def test_a_credited_name_linked_to_another_credited_persons_page_is_their_pen_name() -> None:
    # The infobox credits the script to Tom Holm (his page a redirect) and the music to Carl Lund; the lead links
    # "Tom Holm" to Carl Lund's page: one man, writing under one name and composing under the other.
    film = _film("| writer = [[Tom Holm (composer)|Tom Holm]]\n| music = [[Carl Lund]]",
                 "'''Night Harbour''' is a 2001 film written by [[Carl Lund|Tom Holm]] and directed by Ann Berg.")
    assert _names(film, "screenwriter") == ["Carl Lund"] and _names(film, "composer") == ["Carl Lund"]
    assert _names_of(film, "Carl Lund") == {"Carl Lund", "Tom Holm"}
    assert len(film.people) == 2


@pytest.mark.parametrize("infobox, link", [
    ("| writer = [[Tom Holm]]\n| music = [[Carl Lund]]", "[[Carl Lund|Tom Holm]]"),  # two pages of their own
    ("| writer = [[Tom Lund (composer)|Tom Lund]]\n| music = [[Carl Lund]]", "[[Carl Lund|Tom Lund]]"),  # kin
    ("| writer = [[Tom Holm (composer)|Tom Holm]]\n| music = Carl Lund", "[[Lund Brothers|Tom Holm]]"),  # a group
])
def test_a_link_to_another_page_joins_no_two_people_the_page_tells_apart(infobox: str, link: str) -> None:
    film = _film(infobox, f"'''Night Harbour''' is a 2001 film written by {link} and directed by Ann Berg.")
    assert len(film.people) == 3
    assert _names_of(film, "Carl Lund") == {"Carl Lund"}


def test_a_relative_playing_a_small_part_in_a_casting_story_is_cast() -> None:
    film = _film("| starring = [[Tom Lund]]",
                 "== Cast ==\n* [[Tom Lund]] as Rocco\n=== Casting ===\nMembers of Lund's family played minor roles. "
                 "His father rings the bell, his brother [[Carl Lund|Carl]] plays a dock worker, and his wife "
                 "took the stills. [[Eva Lund]] was to play a nurse. [[Ida Lund]] plays a nurse in the first draft.\n")
    assert _cast(film) == {"Tom Lund": ["Rocco"], "Carl Lund": ["dock worker"]}


def test_given_names_linked_to_their_bearers_pages_are_the_full_names_and_a_lone_surname_the_credited_one() -> None:
    film = _film("| producer = [[Tom Holm]]",
                 "== Cast ==\n* [[Eva Lund]] as Rask\n\nRelatives of the crew appear in the film; producer "
                 "[[Tom Holm]]'s son [[Jon Holm|Jon]] plays a waiter and his daughter [[Ida Holm|Ida]] plays a "
                 "maid. Holm cameos as a pedestrian.\n")
    assert _cast(film) == {"Eva Lund": ["Rask"], "Jon Holm": ["waiter"], "Ida Holm": ["maid"],
                           "Tom Holm": ["pedestrian"]}
    assert len({film.people[m.person].key for m in film.cast}) == 4


# ------------------------------------------------------------------ review 14: what is played, and a part's name

@pytest.mark.parametrize("sentence", [
    "[[Tom Hill]] plays a key role in the film's production.",
    "[[Tom Hill]] plays a guitar solo on the soundtrack.",
    "Composer [[Tom Hill]] plays a piano piece over the closing credits.",
    "[[Tom Hill]] plays a similar role in ''Bar''.",
    "[[Sherlock Holmes|Sherlock]] plays a violin.",
])
def test_what_is_played_that_is_no_part_makes_no_cast(sentence: str) -> None:
    film = _film("| starring = [[Carl Holm]]", f"== Casting ==\n{sentence}\n")
    assert _cast(film) == {"Carl Holm": []}


def test_a_small_part_played_in_a_casting_story_is_cast() -> None:
    film = _film("| starring = [[Carl Holm]]", "== Casting ==\nHis sister [[Eva Lund]] plays a nurse.\n")
    assert _cast(film) == {"Carl Holm": [], "Eva Lund": ["nurse"]}


def test_a_name_known_in_a_series_is_a_part_not_another_name() -> None:
    film = _film("| director = [[Tom Hill]]", "== Production ==\nThe film was directed by [[Tom Hill]], better known "
                                            "as Jack Dunn in the television series ''Cops'', in 1999.\n")
    assert _names_of(film, "Tom Hill") == {"Tom Hill"}


# ------------------------------------------------------------------ romanised names spelled two ways on one page

def test_a_romanised_name_spelled_otherwise_in_the_plot_is_the_actors() -> None:
    film = _film("| language = Malayalam\n| starring = [[Kochin Haneefa]]",
                 "== Plot ==\nKochin Hanifa plays the title role of a police inspector.\n"
                 "== Reception ==\nA critic wrote that \"The Kochin Hanifa starrer\" was slow.\n")
    assert _names_of(film, "Kochin Haneefa") == {"Kochin Haneefa", "Kochin Hanifa"}


def test_romanised_spellings_join_only_in_a_film_of_a_language_romanised_from_another_script() -> None:
    film = _film("| language = English\n| starring = [[Kochin Haneefa]]",
                 "== Plot ==\nKochin Hanifa plays the title role of a police inspector.\n")
    assert _names_of(film, "Kochin Haneefa") == {"Kochin Haneefa"}


def test_a_name_romanised_alike_but_not_acting_is_another_person() -> None:
    film = _film("| language = Hindi\n| starring = [[Sunil Shetty]]",
                 "== Production ==\nThe costumes were designed by Sunil Sethi, a Delhi designer.\n")
    assert _names_of(film, "Sunil Shetty") == {"Sunil Shetty"}


def test_a_lone_surname_said_also_of_the_actor_just_named_is_theirs_else_the_one_credited_first() -> None:
    film = _film("| director = [[Ann Berg]]\n| starring = [[Tom Hill]]",
                 "== Cast ==\n* [[Tom Hill]] as Jens\n\nThe director's niece [[Eva Berg]] plays a nurse. Berg also "
                 "portrays a patient in the last scene.\n")
    assert _cast(film)["Eva Berg"] == ["nurse", "patient"] and "Ann Berg" not in _cast(film)
    film = _film("| director = [[Ann Berg]]\n| starring = [[Tom Hill]]",
                 "== Cast ==\n* [[Tom Hill]] as Jens\n\nThe director's niece [[Eva Berg]] plays a nurse. Berg cameos "
                 "as a pedestrian.\n")
    assert _cast(film)["Ann Berg"] == ["pedestrian"]


def test_a_star_of_the_infobox_and_lead_is_the_cast_lines_actor_under_another_form_of_the_given_name() -> None:
    film = _film("| starring = [[Ed Lund]]\n| director = [[Ann Berg]]",
                 "'''Night Harbour''' stars [[Ed Lund]].\n== Cast ==\n* [[Edward Lund]] as Angry Investor\n")
    assert _names_of(film, "Edward Lund") == {"Edward Lund", "Ed Lund"}
    film = _film("| starring = [[Tim Lund]]", "== Cast ==\n* [[Tim Lunde]] as Jens\n")
    assert len({p.key for p in film.people.values() if p.name.startswith("Tim")}) == 2


def test_a_name_the_person_is_now_known_by() -> None:
    from filmgraph.extract.names import stated_names
    assert stated_names("Eva Lund (now known as Eva Lund Holm) was cast as Maja.") == [("Eva Lund", "Eva Lund Holm")]
    assert stated_names("Tom Berg (formerly known as Tom Holm) wrote the score.") == [("Tom Berg", "Tom Holm")]


def test_a_surname_credited_under_another_name() -> None:
    from filmgraph import extract_film
    from filmgraph.read.wikitext import parse_wikitext
    text = ("{{Infobox film\n| name = Night Harbour\n| starring = [[Victor Lund]]\n}}\n'''Night Harbour''' is a 1957 "
            "film.\n== Production ==\nLund was credited in some American publicity as Victor Lunde.\n")
    film = extract_film(parse_wikitext(text, source="https://en.wikipedia.org/wiki/Night_Harbour"))
    assert {person.name: person.alternate_names for person in film.people.values()} == {
        "Victor Lund": ["Victor Lunde"]}


def test_a_name_credited_by_someone_in_brackets() -> None:
    from filmgraph.extract.names import stated_names
    assert stated_names("Applied by Eva Lund (credited by the Academy as Eva Lunde), the make-up took hours.") == [
        ("Eva Lund", "Eva Lunde")]
