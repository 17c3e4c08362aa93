"""False facts a newcomer review of the rules written against unseen pages found (notes/review19.md): each rule
that misfired, on a minimal snippet, beside the reading that stays right."""

from __future__ import annotations

import pytest

from filmgraph.extract import prose
from test_review5_awards import _film, _nominations


def _awards(sentence: str) -> list[tuple[str, str, str, list[str]]]:
    awards, _ = prose.find_awards(sentence, "Night Harbour")
    return [(a.body, a.category, a.result.value, [n.person or "" for n in a.nominees]) for a in awards]


def test_a_total_after_a_markets_sum_is_the_whole_gross_unless_the_market_opened_the_clause() -> None:
    whole = prose.find_box_office("It grossed $5 million in the United States and Canada and $20 million in total.")
    assert [(q.amount, q.area.name if q.area else None) for q in whole] == [(5e6, "North America"), (20e6, None)]
    market = prose.find_box_office("In the United States it took $43,270 from three theatres in its opening weekend "
                                   "and $309,811 in total.")
    assert [(q.amount, q.area.name if q.area else None) for q in market] == [(43270.0, "United States"),
                                                                             (309811.0, "United States")]


def test_a_prize_for_a_person_keeps_the_person_a_nominee() -> None:
    assert _awards("It won the Special Jury Prize for Ann Berg and the Best Actress Award for Eva Lund at the "
                   "Cannes Film Festival.") == [
        ("Cannes Film Festival", "Special Jury Prize", "won", ["Ann Berg"]),
        ("Cannes Film Festival", "Best Actress Award", "won", ["Eva Lund"])]


def test_a_rival_or_a_body_listed_is_no_nominee_but_an_item_after_a_category_is() -> None:
    assert _awards("Her performance was nominated for Best Actress, as were her rivals, Meryl Lund and Julia Holm "
                   "for Best Actress the year before.") == [("", "Best Actress", "nominated", [])]
    assert _awards("Ann Berg was nominated for Best Art Direction, Tom Hill and Eva Lund for Best Film Editing.") == [
        ("", "Best Art Direction", "nominated", ["Ann Berg"]),
        ("", "Best Film Editing", "nominated", ["Tom Hill", "Eva Lund"])]


def test_the_films_own_win_the_following_year_stays() -> None:
    assert _awards("The film won the Academy Award for Best Picture the following year.") == [
        ("Academy Awards", "Best Picture", "won", [])]


def test_a_count_of_nominations_with_no_body_of_its_own_names_none() -> None:
    _, tallies = prose.find_awards("The film received eleven nominations, and at the Golden Globe Awards it won Best "
                                   "Actress.", "Night Harbour")
    assert [(t.body, t.nominations) for t in tallies] == [("", 11)]


@pytest.mark.parametrize("heading", ["[[Tom Hill]]:", "2006:", "Nominees in the category:"])
def test_an_item_ending_in_a_colon_that_names_no_category_heads_no_nominees(heading: str) -> None:
    film = _film("", f"== Awards ==\n* [[Bodil Awards]] (2006)\n** {heading}\n*** Best Film (won)\n"
                 "*** Best Actor – [[Carl Holm]] (nominated)\n")
    assert _nominations(film) == {("Bodil Awards", "Best Film", "won", ()),
                                  ("Bodil Awards", "Best Actor", "nominated", ("Carl Holm",))}


@pytest.mark.parametrize("sentence", [
    "It was screened for Academy members ahead of the [[88th Academy Awards]] on January 10, 2016.",
    "It competed at the [[62nd Cannes Film Festival]], held on May 13, 2009, and won the Palme d'Or.",
])
def test_a_screening_day_or_a_festivals_opening_is_no_ceremony_day(sentence: str) -> None:
    from filmgraph.extract.accolades import ceremony_years
    text = sentence.replace("[[", "").replace("]]", "")
    assert all(day.day is None for day in ceremony_years(text).values())


def test_prizes_of_a_short_made_before_and_of_a_later_film_are_not_the_films() -> None:
    assert _awards("He first made a short film from fifteen pages of the script, which won the Short Film Jury Award "
                   "at the 2013 Sundance Film Festival.") == []
    awards, tallies = prose.find_awards("Their next collaboration, Coast Road (2016), won six Academy Awards, "
                                        "including Best Director for Berg.", "Night Harbour", frozenset({"coast road"}))
    assert (awards, tallies) == ([], [])


def test_a_link_shown_with_for_inside_its_category_keeps_it_whole() -> None:
    film = _film("", "== Reception ==\nTom Hill received the [[Writers Guild of America Award for Best Original "
                 "Screenplay|Best Drama Written Directly for the Screen]].\n")
    assert _nominations(film) == {("Writers Guild of America Awards", "Best Drama Written Directly for the Screen",
                                   "won", ("Tom Hill",))}


def test_review20_a_passing_body_a_list_with_another_phrase_and_a_nominations_day() -> None:
    film = _film("", "== Accolades ==\nAfter its premiere at the Cannes Film Festival, the film won the following "
                 "awards:\n* Best Film – ''won''\n")
    assert {n.body for n in film.nomination} <= {""}
    assert _awards("Tom Hill was named Best Actor by the Toronto Film Critics Association, ahead of the Golden Globe "
                   "Awards and the Academy Awards.") == [("Toronto Film Critics Association", "Best Actor", "won",
                                                         ["Tom Hill"])]
    awards, _ = prose.find_awards("Tom Hill was nominated for Best Actor on 31 January 2006, and won at the 78th "
                                  "Academy Awards on 5 March 2006.", "Night Harbour")
    assert [a.date.isoformat() for a in awards if a.date] != ["2006-01-31"]
