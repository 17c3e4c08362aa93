"""False facts a 25th review found in the rules of 2026-12-08 (notes/review25.md), and the shapes those rules were
written for: each on a minimal snippet in the spellings the reviewer wrote."""

from __future__ import annotations

import pytest

from filmgraph.extract import prose
from test_review5_awards import _film, _nominations


def _places(sentence: str) -> list[str]:
    film = _film("", f"== Production ==\n{sentence}\n")
    return [location.place.name for location in film.filming_location]


@pytest.mark.parametrize(("sentence", "places"), [
    # A language or a format after "in" is no town around a place, nor a place.
    ("It was shot at [[Ramoji Film City]] in Telugu and Tamil.", ["Ramoji Film City"]),
    ("Interiors were shot at [[Cinecittà]] in English.", ["Cinecittà"]),
    # A city that is also a division of its own country is a town; "Town, State" too; a county is not.
    ("The ball was filmed at the [[Hotel Adlon]] in [[Berlin]].", ["Hotel Adlon", "Berlin"]),
    ("The finale was shot at the [[Stanley Hotel]] in [[Estes Park, Colorado]].",
     ["Stanley Hotel", "Estes Park, Colorado"]),
    ("Interiors were shot at [[Shepperton Studios]] in [[Surrey]].", ["Shepperton Studios"]),
    # "the Port of [[Tilbury]]" is one name, as "the Palace of Westminster" is.
    ("Filming took place at the Port of [[Tilbury]] and in [[Gravesend]].", ["Port of Tilbury", "Gravesend"]),
    # What lies beside a place is no place of filming: "…, a studio in Iver Heath near London", "… in
    # Boulogne-Billancourt near Paris"; nor the place a set stands in for, nor one where filming was refused.
    ("The film was shot at [[Pinewood Studios]], a studio in [[Iver Heath]] near [[London]].",
     ["Pinewood Studios", "Iver Heath"]),
    ("Interiors were shot at the [[Studios de Boulogne]] in [[Boulogne-Billancourt]] near Paris.",
     ["Studios de Boulogne", "Boulogne-Billancourt"]),
    ("The lobby was filmed at the [[Langham Hotel]], standing in for the [[Savoy Hotel]] in [[London]].",
     ["Langham Hotel"]),
    ("Permission to film at the [[Hotel Sacher]] in [[Vienna]] was refused.", []),
    # A state as newspapers abbreviate it, and "U.S.A.", belong to the town before them; ", the latter in" is no
    # description of the place before it.
    ("Filming took place in St. Louis, Mo., and in [[Kansas City, Missouri|Kansas City]].",
     ["St. Louis, Mo.", "Kansas City"]),
    ('"The Meal Ticket" and "All Gold Canyon" were shot in Colorado, the latter in [[Telluride, Colorado]].',
     ["Colorado", "Telluride, Colorado"]),
    # Only the District of Columbia joins the town before it: "L.A." is a city of its own.
    ("Filming took place in [[Toronto]], [[Montreal]], L.A., and [[New York City]].",
     ["Toronto", "Montreal", "L.A.", "New York City"]),
])
def test_places_of_filming_and_the_towns_around_them(sentence: str, places: list[str]) -> None:
    assert _places(sentence) == places


def test_a_list_of_locations_leaves_an_aside_out_whole_and_names_no_work_or_person() -> None:
    film = _film("", "== Production ==\nOther locations in Paris included the [[Canal Saint-Martin]], where Jeunet had "
                     "lived after leaving [[Lyon]] and [[Nantes]], the [[Gare du Nord]], the bookshop in ''[[Before "
                     "Sunset]]'', and a mural by [[Banksy]].\n")
    assert [location.place.name for location in film.filming_location] == ["Canal Saint-Martin", "Gare du Nord"]


@pytest.mark.parametrize(("sentence", "releases"), [
    # "respectively" pairs places and dates in order.
    ("The film was released in the Netherlands and Belgium on 3 March and 10 March 2016 respectively.",
     [("2016-03-03", "Netherlands"), ("2016-03-10", "Belgium")]),
    # A day held back by a court is no release; the list goes on after a release on video.
    ("The release, held back on 3 March by a court order, took place on 10 March 2016.", [("2016-03-10", None)]),
    ("The film was released on DVD on 3 March, and in Japan on 10 October 2016.", [("2016-10-10", "Japan")]),
    # A day before the date it follows is of the year the list goes on to.
    ("It was released in the United States on December 25, 2015, in Japan on February 11, and in France on March "
     "3, 2016.", [("2015-12-25", "United States"), ("2016-02-11", "Japan"), ("2016-03-03", "France")]),
])
def test_releases_listed_with_their_own_dates(sentence: str, releases: list[tuple[str, str | None]]) -> None:
    film = _film("", f"== Release ==\n{sentence}\n")
    assert [(r.date.isoformat(), r.place.name if r.place else None) for r in film.release] == releases


def test_a_festival_that_gave_a_prize_on_a_day_was_not_showing_the_film_that_day() -> None:
    screenings = prose.find_screenings("It premiered at the [[Venice Film Festival]] on 3 September 2015 and the "
                                       "Toronto International Film Festival gave it the People's Choice Award on 20 "
                                       "September 2015.")
    assert [(s.event, s.date.isoformat() if s.date else None) for s in screenings] == [
        ("Venice Film Festival", "2015-09-03")]


def test_a_lead_in_the_past_tense_is_the_films_and_a_later_paragraph_about_another_film_is_not() -> None:
    film = _film("", "'''''Night Harbour''''' ({{lang-hi|आलम आरा}}) was a 1991 American film directed by [[Ann "
                     "Berg]].\n\nIt is a remake of the 1981 French comedy film ''[[La Chèvre]]''.\n")
    assert (film.original_title, [c.code for c in film.country], [g.label for g in film.genre]) == (
        "आलम आरा", [], [])


def test_dirhams_alone_name_no_currency_and_a_career_prize_is_not_the_films() -> None:
    assert prose.find_box_office("The film grossed 5 million dirhams in Morocco.") == []  # (Morocco's, not the UAE's)
    film = _film("", "== Accolades ==\nAt the same ceremony [[Ann Berg]] received the [[Irving G. Thalberg Memorial "
                     "Award]] for her body of work as a producer.\n")
    assert _nominations(film) == set()


# ------------------------------------------------------------------ found by the ninth batch of written pages


def test_two_companies_the_page_links_apart_are_two_and_a_count_of_tickets_is_no_gross() -> None:
    film = _film("| distributor = {{ubl|[[Tour de Film]] (Latvia)|[[Sideshow (company)|Sideshow]] and [[Janus Films]] "
                 "(United States)}}\n| gross = 28.3 million admissions (Soviet Union)\n"
                 "| production_companies = [[Sun and Moon Pictures]]")
    assert [(o.name, o.area.name if o.area else None) for o in film.distributor] == [
        ("Tour de Film", "Latvia"), ("Sideshow", "United States"), ("Janus Films", "United States")]
    assert [o.name for o in film.production_company] == ["Sun and Moon Pictures"]
    assert [(q.amount, q.area.name if q.area else None) for q in film.admissions] == [(28_300_000, "Soviet Union")]
    assert film.box_office == []


def test_an_audience_seen_in_one_country_is_its_admissions() -> None:
    assert prose.find_money("It was seen by 8.6 million people in France.")["admissions"].amount == 8_600_000


def test_a_list_of_prizes_under_a_year_and_a_festival_dates_them_and_keeps_the_festivals_prize_whole() -> None:
    film = _film("", "== Accolades ==\n* 1998\n** [[Singapore International Film Festival]]\n*** Silver Screen Award "
                     "for Best Asian Feature Film – won\n*** Silver Screen Award for Best Actress ([[Ann Berg]]) – "
                     "nominated\n* 1999\n** [[Giffoni Film Festival]]\n*** Golden Gryphon – won\n")
    assert {(n.body, n.category, n.result.value, n.date.isoformat() if n.date else None) for n in film.nomination} == {
        ("Singapore International Film Festival", "Silver Screen Award for Best Asian Feature Film", "won", "1998"),
        ("Singapore International Film Festival", "Silver Screen Award for Best Actress", "nominated", "1998"),
        ("Giffoni Film Festival", "Golden Gryphon", "won", "1999")}


@pytest.mark.parametrize(("sentence", "category"), [
    ("It won the Grand Prix of the Americas at the [[Montreal World Film Festival]].", "Grand Prix of the Americas"),
    ("It won the Prize of the Ecumenical Jury at the [[Cannes Film Festival]].", "Prize of the Ecumenical Jury"),
])
def test_a_prize_named_of_something_is_named_whole(sentence: str, category: str) -> None:
    assert [n.category for n in prose.find_awards(sentence, "Night Harbour")[0]] == [category]


@pytest.mark.parametrize(("sentence", "count"), [
    ("During its first release an estimated 55 million tickets were sold in the United States.", 55_000_000),
    ("In Sweden it sold around 450,000 tickets during its first run.", 450_000),
])
def test_the_count_of_a_films_first_run_is_its_admissions(sentence: str, count: int) -> None:
    assert prose.find_money(sentence)["admissions"].amount == count


def test_a_window_of_the_run_is_still_no_count_of_the_film() -> None:
    assert prose.find_money("It sold 2 million tickets in its opening weekend.") == {}


def test_a_spelling_the_page_states_joins_the_person_credited_under_it() -> None:
    film = _film("| starring = [[Tatiana Samoilova]]",
                 "== Cast ==\n{| class=\"wikitable\"\n! Role !! Actor !! Notes\n|-\n| Veronika || "
                 "[[Tatiana Samoilova]] || Also transliterated as Tatyana Samoylova\n|}\n== Accolades ==\n"
                 "{| class=\"wikitable\"\n! Award !! "
                 "Category !! Recipient(s) !! Result\n|-\n| [[Cannes Film Festival]] (1958) || Special Mention || "
                 "Tatyana Samoylova || Won\n|}\n")
    (person,) = [p for p in film.people.values() if "Sam" in p.name]
    assert (person.name, person.alternate_names) == ("Tatiana Samoilova", ["Tatyana Samoylova"])
    assert [[film.people[x.person].name for x in n.nominees] for n in film.nomination] == [["Tatiana Samoilova"]]


def test_two_people_linked_to_two_pages_stay_two_whatever_a_sentence_says() -> None:
    film = _film("| director = [[Tom Hill (director)|Tom Hill]]\n| music = [[Tom Holm]]",
                 "== Production ==\nThe score was by [[Tom Hill (director)|Tom Hill]] (credited as Tom Holm).\n")
    assert sorted(p.name for p in film.people.values() if p.name.startswith("Tom")) == ["Tom Hill", "Tom Holm"]


def test_the_premiere_of_a_restoration_is_no_release() -> None:
    assert prose.find_releases("A special premiere screening of the restored ''Night Harbour'' was held at the "
                               "Friedrichstadt-Palast in Berlin on 12 February 2010.") == []
    assert [r.date.isoformat() for r in prose.find_releases("The film premiered in Berlin on 12 February 2010.")] == [
        "2010-02-12"]
