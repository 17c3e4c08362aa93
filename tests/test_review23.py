"""False facts a 23rd review found on pages nobody tuned the program on (notes/review23.md): each rule on a
minimal snippet in the spellings the reviewed pages use."""

from __future__ import annotations

import pytest

from filmgraph.extract import prose
from filmgraph.extract.accolades import ceremony_years
from test_review5_awards import _film, _nominations


@pytest.mark.parametrize(("text", "currency"), [
    ("ARS$178 million", "ARS"), ("Mex$50 million", "MXN"), ("COL$2 billion", "COP"), ("CLP$900 million", "CLP"),
    ("USD$1 million", "USD"), ("CAD$3 million", "CAD"),
])
def test_a_dollar_sign_after_a_countrys_letters_is_that_countrys_currency(text: str, currency: str) -> None:
    assert [q.currency for q in prose.find_box_office(f"It grossed {text} in its run.")] == [currency]


def test_a_dollar_sign_after_unknown_letters_is_no_us_dollar() -> None:
    assert prose.find_box_office("It grossed XYZ$5 million in its run.") == []


def test_warner_bros_ends_no_sentence_and_a_release_after_it_is_kept() -> None:
    assert prose.split_sentences("In France it was released by Warner Bros. France on 14 January 2015. It was a "
                                 "hit.") == ["In France it was released by Warner Bros. France on 14 January 2015.",
                                             "It was a hit."]
    film = _film("", "== Release ==\nIn France it was released by [[Warner Bros. Pictures|Warner Bros. France]] on 14 "
                     "January 2015.\n")
    assert [(r.date.isoformat(), r.place.name if r.place else None) for r in film.release] == [("2015-01-14", "France")]


def test_the_body_a_category_is_for_keeps_it_and_an_elided_particle_is_in_the_name() -> None:
    awards, _ = prose.find_awards("It also won the Nastro d'Argento for Best Director and the New York Film Critics "
                                  "Circle Award for Best Foreign Language Film.", "Night Harbour")
    assert sorted((a.body, a.category) for a in awards) == [
        ("Nastro d'Argento", "Best Director"), ("New York Film Critics Circle Awards", "Best Foreign Language Film")]


def test_a_video_label_is_no_distributor_and_this_version_released_is_no_release() -> None:
    film = _film("", "== Release ==\nIt was re-released by [[Walt Disney Studios Home Entertainment|Walt Disney Home "
                     "Entertainment]] on 7 March 2006 with a new dub cast. This version was also released in Australia "
                     "by [[Madman Entertainment|Madman]] on 15 March 2006.\n")
    assert [d.name for d in film.distributor] == []
    assert [(r.date.isoformat(), r.place.name if r.place else None) for r in film.release] == []


def test_a_table_cell_linking_a_prize_for_a_category_names_the_category() -> None:
    film = _film("", """== Accolades ==
{| class="wikitable"
! Award !! Category !! Recipient !! Result
|-
| [[30th Annie Awards|Annie Awards]] || [[Annie Award for Writing in a Feature Production]] || [[Tom Hill]] || {{won}}
|-
| [[29th Saturn Awards|Saturn Awards]] || [[Saturn Award for Best Music]] || [[Eva Lund]] || {{nom}}
|}
""")
    assert _nominations(film) == {("Annie Awards", "Writing in a Feature Production", "won", ("Tom Hill",)),
                                  ("Saturn Awards", "Best Music", "nominated", ("Eva Lund",))}


def test_a_place_of_filming_before_a_colon_is_the_place() -> None:
    film = _film("", '== Production ==\nThe rest of the film was shot in [[Buenos Aires]]: "Little Bomb" in the '
                     "city centre.\n")
    assert [f.place.name for f in film.filming_location] == ["Buenos Aires"]


@pytest.mark.parametrize(("sentence", "day"), [
    ("At the 64th National Film Awards, announced on 7 April 2017 and presented by President Pranab Mukherjee on 3 May "
     "2017, the film won Best Feature Film.", "2017-05-03"),
    ("At the 47th Kerala State Film Awards, announced on 7 March 2017, the film won Best Film.", "2017-03-07"),
])
def test_the_day_awards_were_presented_else_announced_dates_the_ceremony(sentence: str, day: str) -> None:
    assert [when.isoformat() for when in ceremony_years(sentence).values()] == [day]


def test_a_ceremony_ahead_of_which_something_happened_is_not_dated_by_it() -> None:
    assert ceremony_years("It premiered ahead of the 88th Academy Awards, on 3 March 2016.") == {}


def test_a_category_named_short_in_prose_is_the_one_named_in_full_in_the_same_section() -> None:
    film = _film("", """== Accolades ==
Top Gun won the Screen Actors Guild Award for Outstanding Performance by a Stunt Ensemble. At the 23rd Academy \
Awards, [[Tom Hill]] won the Academy Award for Best Cinematography (Black-and-White). Tom Hill won the Oscar for Best \
Cinematography.
{| class="wikitable"
! Award !! Category !! Recipient !! Result
|-
| Screen Actors Guild Awards || Outstanding Performance by a Stunt Ensemble in a Motion Picture || — || {{won}}
|}
* Academy Awards
** Best Writing (Story and Screenplay Written Directly for the Screen) – [[Eva Lund]] – Nominated
""")
    assert {(body, category, result) for body, category, result, _ in _nominations(film)} == {
        ("Screen Actors Guild Awards", "Outstanding Performance by a Stunt Ensemble in a Motion Picture", "won"),
        ("Academy Awards", "Best Cinematography (Black-and-White)", "won"),
        ("Academy Awards", "Best Writing (Story and Screenplay Written Directly for the Screen)", "nominated")}


@pytest.mark.parametrize(("sentence", "admissions"), [
    ("The original French film had more than 7 million admissions in France.", None),
    ("After four weeks it had passed 2 million admissions, and it ultimately sold 3.4 million tickets in Argentina.",
     (3400000.0, "Argentina")),
    ("Within ten days it crossed 1 million admissions.", None),
])
def test_another_films_admissions_and_a_count_on_the_way_are_not_the_films(
        sentence: str, admissions: tuple[float, str] | None) -> None:
    found = prose.find_money(sentence).get("admissions")
    assert ((found.amount, found.area.name if found.area else None) if found else None) == admissions


def test_international_is_no_place_and_streaming_rights_make_no_distributor() -> None:
    film = _film("| distributor = [[Sony Pictures Releasing]] (International)<br>[[Edko Films]] (Hong Kong)",
                 "== Release ==\n[[Rialto Pictures]] acquired the American rights. [[Netflix]] acquired the streaming "
                 "rights for several Asian territories in 2017.\n")
    assert sorted((d.name, d.area.name if d.area else None) for d in film.distributor) == [
        ("Edko Films", "Hong Kong"), ("Rialto Pictures", "United States"), ("Sony Pictures Releasing", None)]
