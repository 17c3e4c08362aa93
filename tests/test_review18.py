"""False facts a newcomer review of this stop's own rules found (notes/review18.md): each rule that misfired, on a
minimal snippet, with the reading that stays right beside it."""

from __future__ import annotations

import pytest

from filmgraph import extract_film
from filmgraph.extract import prose
from filmgraph.extract.cast import CastContext, casting_news
from filmgraph.read.wikitext import parse_wikitext
from test_review5_awards import _film, _nominations, _table


def test_a_work_or_a_company_shared_with_is_no_nominee() -> None:
    rows = [("[[Saturn Awards]]", "Best Visual Effects", "[[Tom Hill]] {{small|(shared with [[Industrial Light & "
             "Magic]])}}", "{{won}}"),
            ("[[Saturn Awards]]", "Best Actress", "[[Ann Berg]] {{small|(shared with ''Coast Road: Part Two'')}}",
             "{{won}}")]
    film = _film("", _table(rows))
    assert _nominations(film) == {("Saturn Awards", "Best Visual Effects", "won", ("Tom Hill",)),
                                  ("Saturn Awards", "Best Actress", "won", ("Ann Berg",))}
    assert {person.name for person in film.people.values()} == {"Ann Berg", "Tom Hill"}


def test_a_singer_is_no_nominee_and_a_quoted_line_no_song() -> None:
    rows = [("[[Saturn Awards]]", "Best Song", "\"Hold Fast\" performed by [[Eva Lund]]", "{{nom}}"),
            ("[[MTV Movie Awards]]", "Best Line (\"I will be back\")", "[[Carl Holm]]", "{{nom}}")]
    film = _film("", _table(rows))
    assert _nominations(film) == {("Saturn Awards", "Best Song", "nominated", ()),
                                  ("MTV Movie Awards", "Best Line (\"I will be back\")", "nominated", ("Carl Holm",))}
    assert [n.work.name for nomination in film.nomination for n in nomination.nominees if n.work] == ["Hold Fast"]


def test_a_dubs_label_in_brackets_is_no_other_name_of_its_actor() -> None:
    text = ("{{Infobox film\n| name = Harbour Lights\n}}\n'''Harbour Lights''' is a 1999 film.\n\n==Cast==\n"
            "* '''Maja''' – [[Ann Berg]] (Japanese); [[Eva Lund]] (Disney) (English); [[Ida Krog]] "
            "(Tokuma/Streamline) (English)\n")
    film = extract_film(parse_wikitext(text, source="https://en.wikipedia.org/wiki/Harbour_Lights"))
    assert {film.people[m.person].name: film.people[m.person].alternate_names for m in film.cast} == {
        "Ann Berg": [], "Eva Lund": [], "Ida Krog": []}


@pytest.mark.parametrize("sentence", [
    "Its predecessor Coast Road was released on June 9, 2006 in the United States, July 28 in the United Kingdom "
    "and August 3 in Australia.",
    "Berg's next film, Coast Road, opened in limited release on June 22, 2007, before expanding wide on June 29.",
])
def test_another_films_releases_are_not_the_films(sentence: str) -> None:
    assert prose.find_releases(sentence) == []


def test_a_stream_after_the_release_keeps_its_place() -> None:
    releases = prose.find_releases("The film was released theatrically on May 5, 2005, before streaming on Netflix "
                                   "in Canada on June 1.")
    assert [(r.date.isoformat(), r.place) for r in releases] == [("2005-05-05", None)]


@pytest.mark.parametrize(("sentence", "cast"), [
    ("Carl Webb joined the cast as an executive producer.", []),
    ("In ''Coast Road'', the role of Joe went to Ted Moss.", []),
    ("In the 1990 film, Carl Webb and Ted Moss were cast as Joe and Sam, respectively.", []),
    ("Carl Webb signed on to play Joe in two sequels.", []),
    ("In March 2004, Carl Webb was cast as Joe.", [("Carl Webb", ["Joe"])]),
])
def test_casting_news_of_crew_another_work_or_sequels_casts_nobody(sentence: str,
                                                                   cast: list[tuple[str, list[str]]]) -> None:
    assert casting_news(sentence, ["Carl Webb", "Ted Moss"], CastContext()) == cast


def test_a_musical_score_section_keeps_the_films_awards() -> None:
    film = _film("", "== Musical score ==\n[[Tom Hill]]'s score won the [[Academy Award for Best Original "
                 "Score]].\n")
    assert _nominations(film) == {("Academy Awards", "Best Original Score", "won", ("Tom Hill",))}
