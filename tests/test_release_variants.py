"""Releases, premieres and runtimes written the way other editors write them (review 17: F8, L10, F10): a premiere's
date never takes the next clause's country; "New York's [[Ziegfeld Theatre]]" is a venue in New York; each item of a
list of releases keeps its own country; a wide release after a limited one; {{Film date}} with a reference between
its releases; "(Worldwide)" is no place; {{Runtime|1|59}} is hours and minutes. Each on a minimal wikitext snippet."""

from __future__ import annotations

import pytest

from filmgraph import extract_film
from filmgraph.extract import prose
from filmgraph.model import Film
from filmgraph.read.wikitext import parse_wikitext


def _film(infobox: str, body: str = "") -> Film:
    text = ("{{Infobox film\n| name = Night Harbour\n| director = [[Ann Berg]]\n" + infobox + "\n}}\n"
            "'''Night Harbour''' is a 2001 film.\n" + body)
    return extract_film(parse_wikitext(text, source="https://en.wikipedia.org/wiki/Night_Harbour"))


def _releases(film: Film) -> list[tuple[str, str | None]]:
    return [(r.date.isoformat(), r.place.name if r.place else None) for r in film.release]


def test_a_premieres_date_never_takes_the_country_of_the_release_after_it() -> None:
    film = _film("", "== Release ==\nThe film had its world premiere at the [[Ziegfeld Theatre (1969)|Ziegfeld "
                     "Theatre]] in New York City on May 25, 2001, and was released in the United States on June 3.\n")
    assert _releases(film) == [("2001-05-25", None), ("2001-06-03", "United States")]
    (screening,) = film.screening
    assert screening.venue is not None and screening.venue.within is not None
    assert (screening.date.isoformat(), screening.venue.name, screening.venue.within.name) == (
        "2001-05-25", "Ziegfeld Theatre", "New York City")


def test_a_citys_possessive_before_a_venue_is_the_venues_city() -> None:
    film = _film("", "== Release ==\nThe film premiered on May 25, 2001 at New York's [[Ziegfeld Theatre (1969)|"
                     "Ziegfeld Theatre]].\n")
    (screening,) = film.screening
    assert screening.venue is not None and screening.venue.within is not None
    assert (screening.event, screening.venue.name, screening.venue.within.name) == (
        "Premiere at Ziegfeld Theatre", "Ziegfeld Theatre", "New York")


@pytest.mark.parametrize(("sentence", "releases"), [
    ("It was released on 1 June 2001 in the United Kingdom, 2 June in Australia and 3 June in the United States.",
     [("2001-06-01", "United Kingdom"), ("2001-06-02", "Australia"), ("2001-06-03", "United States")]),
    ("It was released in Japan on July 20, 2001, and in North America on September 20, 2002.",
     [("2001-07-20", "Japan"), ("2002-09-20", "North America")]),
    ("It had a limited release on October 7, 2001, before expanding wide on October 21.",
     [("2001-10-07", None), ("2001-10-21", None)]),
    ("It had a limited theatrical release on November 9, 2001, before streaming on Netflix on November 16.",
     [("2001-11-09", None)]),
])
def test_each_release_of_a_list_keeps_its_own_date_and_place(sentence: str,
                                                             releases: list[tuple[str, str | None]]) -> None:
    assert _releases(_film("", f"== Release ==\n{sentence}\n")) == releases


def test_a_north_american_release_is_the_market_studios_report_together() -> None:
    (release,) = _film("", "== Release ==\nIt was released in North America on September 20, 2002.\n").release
    assert release.place is not None and (release.place.name, release.place.qid) == ("North America", "Q49")


def test_film_date_with_a_reference_between_its_releases_keeps_both() -> None:
    film = _film("| released = {{Film date|2001|5|5|ref1=<ref>Night Harbour opens</ref>|2001|6|10|United States}}")
    assert _releases(film) == [("2001-05-05", None), ("2001-06-10", "United States")]


def test_a_worldwide_release_has_no_place() -> None:
    assert _releases(_film("| released = {{Film date|2001|5|12|Worldwide}}")) == [("2001-05-12", None)]


@pytest.mark.parametrize(("runtime", "minutes"), [("{{Runtime|1|59}}", 119.0), ("{{Runtime|119}}", 119.0),
                                                  ("{{Runtime|2|0}}", 120.0)])
def test_runtime_template_with_hours_and_minutes(runtime: str, minutes: float) -> None:
    assert [q.amount for q in _film(f"| runtime = {runtime}").runtime] == [minutes]


@pytest.mark.parametrize(("sentence", "releases"), [
    # An aside closing an item of the list ("…, by Media Castle,") never ends the list.
    ("It was released in China on December 2, 2016, by Huaxia Film Distribution, in South Korea on January 4, 2017, "
     "by Media Castle, and in the United Kingdom on November 18, 2016, by Anime Limited.",
     [("2016-12-02", "China"), ("2017-01-04", "South Korea"), ("2016-11-18", "United Kingdom")]),
    ("It was released in China on 12 December 2011, after a period of online piracy, and in South Korea on 17 August "
     "2011.", [("2011-12-12", "China"), ("2011-08-17", "South Korea")]),
    # A country's cinemas the film opened in or reached; a festival's date before it is no release.
    ("It was screened at the Osaka Asian Film Festival on 10 March 2013 before opening in Japanese cinemas on 18 May "
     "2013.", [("2013-05-18", "Japan")]),
    ("It reached South Korean cinemas on 17 August 2011.", [("2011-08-17", "South Korea")]),
])
def test_releases_listed_with_asides_and_a_countrys_cinemas(sentence: str, releases: list[tuple[str, str]]) -> None:
    assert [(r.date.isoformat(), r.place.name if r.place else None) for r in prose.find_releases(sentence)] == releases


@pytest.mark.parametrize(("sentence", "releases"), [
    # Places joined by "and" or commas share their date, before it or after it.
    ("The film was released in the United Kingdom and Ireland by Dogwoof on December 14, 2018.",
     [("2018-12-14", "United Kingdom"), ("2018-12-14", "Ireland")]),
    ("It was released in France on 7 October 2006 and in Austria and Germany on 10 March 2007.",
     [("2006-10-07", "France"), ("2007-03-10", "Austria"), ("2007-03-10", "Germany")]),
    ("It was released on 19 February 2016 in Mexico, Brazil and Chile.",
     [("2016-02-19", "Mexico"), ("2016-02-19", "Brazil"), ("2016-02-19", "Chile")]),
    # The year that ends a list of days in order is each day's.
    ("It opened in Malaysia and Singapore on February 8, in Australia and New Zealand on February 11, and in Chile "
     "on February 19, 2016.", [("2016-02-08", "Malaysia"), ("2016-02-08", "Singapore"), ("2016-02-11", "Australia"),
                               ("2016-02-11", "New Zealand"), ("2016-02-19", "Chile")]),
    # A festival's date is its own, never that of a country named beside it; a day of a later month is no day of
    # the year the list ends with.
    ("It premiered at the [[Berlin International Film Festival]] and in Germany on 16 February 2024.",
     [("2024-02-16", "Germany")]),
    ("It was shown on 20 December, and was released in Chile on 19 February 2016.", [("2016-02-19", "Chile")]),
])
def test_places_listed_together_share_their_release(sentence: str, releases: list[tuple[str, str]]) -> None:
    assert _releases(_film("", f"== Release ==\n{sentence}\n")) == releases


@pytest.mark.parametrize(("sentence", "screenings"), [
    # Each festival after a dated one keeps its own date.
    ("It was also screened at the [[BFI London Film Festival]] on 8 October 2016 and at the [[Zurich Film Festival]] "
     "on 29 September 2016.", [("BFI London Film Festival", "2016-10-08"), ("Zurich Film Festival", "2016-09-29")]),
    ("It screened at the [[Deauville American Film Festival]] in September 2014 and the [[Toronto International Film "
     "Festival]] on September 8, 2014.", [("Deauville American Film Festival", "2014-09"),
                                         ("Toronto International Film Festival", "2014-09-08")]),
    # One date for a list of festivals stays each one's.
    ("It was screened at the [[Sundance Film Festival]] and the [[Berlin International Film Festival]] in 2005.",
     [("Sundance Film Festival", "2005"), ("Berlin International Film Festival", "2005")]),
    # A premiere at a cinema on a street, and one the sentence opens with, are the film's.
    ("''Night Harbour'' had its premiere at the UGC Normandie on the [[Champs-Élysées]] in Paris on 17 April 2001, "
     "and was released in France on 25 April 2001.", [("Premiere at UGC Normandie", "2001-04-17")]),
    ("A special premiere screening was held at the Prasads IMAX in [[Hyderabad]] on 9 July 2015.",
     [("Special premiere at Prasads IMAX", "2015-07-09")]),
    # Never another work's premiere, nor a broadcast.
    ("A premiere of the sequel was held at the Odeon on 5 May 2003.", []),
    ("It premiered on [[Star Gold]] on 2 May 2015.", []),
])
def test_screenings_each_with_its_own_date(sentence: str, screenings: list[tuple[str, str]]) -> None:
    film = _film("", f"== Release ==\n{sentence}\n")
    assert [(s.event, s.date.isoformat() if s.date else None) for s in film.screening] == screenings
