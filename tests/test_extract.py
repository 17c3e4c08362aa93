"""Every fixture article against its hand-checked facts: full recall, nothing invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from factview import expected_facts, facts
from filmgraph import extract_film, map_film, parse_article, read_article
from filmgraph.extract.cast import parse_cast_line
from filmgraph.extract.infobox import parse_releases
from filmgraph.model import AwardResult

ARTICLES = sorted(p for p in Path(__file__).parent.joinpath("articles").iterdir() if p.suffix in (".txt", ".wiki"))


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_article_facts(path: Path) -> None:
    expected = expected_facts(path.with_suffix(".expected.json"))
    got = facts(map_film(extract_film(read_article(path))))
    found = expected & got
    missing = expected - got
    invented = got - expected
    recall = len(found) / len(expected)
    print(f"{path.stem}: recall {recall:.0%} ({len(found)}/{len(expected)}), invented {len(invented)}")
    for fact in sorted(missing, key=str):
        print("  missing ", fact)
    for fact in sorted(invented, key=str):
        print("  invented", fact)
    assert not missing and not invented


def test_sample_people_are_merged_across_spellings(sample_film) -> None:
    names = {p.name: p.alternate_names for p in sample_film.people.values()}
    assert names["Özlem Sağlanmak"] == ["Özlem Saglanmak"]
    assert names["Mathilde Arcel Fock"] == ["Mathilde Arcel"]
    assert "Mathilde Arcel" not in names and "Özlem Saglanmak" not in names
    assert sample_film.director[0].person == sample_film.screenwriter[0].person


def test_sample_has_exactly_one_named_win_and_the_tally(sample_film) -> None:
    wins = [n.category for n in sample_film.nomination if n.result is AwardResult.WON]
    assert wins == ["Best Danish Film"]
    assert len(sample_film.nomination) == 12  # the two supporting actresses' nominations each their own
    tallies = [(t.body, t.wins, t.ceremony) for t in sample_film.award_tally]
    assert tallies == [("Robert Awards", 6, "43rd Robert Awards")]


def test_sample_fact_found_twice_keeps_both_sections(sample_film) -> None:
    (release,) = sample_film.release
    assert release.sources == ["Lead", "Release"]


def test_parent_and_child_sharing_a_surname_stay_apart(article) -> None:
    film = extract_film(read_article(article("it_runs_in_the_family.txt")))
    douglases = sorted(p.name for p in film.people.values() if p.name.endswith("Douglas"))
    assert douglases == ["Cameron Douglas", "Diana Douglas", "Kirk Douglas", "Michael Douglas"]


@pytest.mark.parametrize(("line", "actor", "characters"), [
    ("Ann Berg as Anna, a nurse", "Ann Berg", ["Anna"]),
    # Two parts ("Jens / Peter") or a name and an alias ("Bruce Wayne / Batman"): each name and the credit as
    # written, which a reader quotes.
    ("Carl Holm as Jens / Peter", "Carl Holm", ["Jens", "Peter", "Jens / Peter"]),
    ("Carl Holm as Bruce Wayne / Batman", "Carl Holm", ["Bruce Wayne", "Batman", "Bruce Wayne / Batman"]),
    ("Carl Holm as Jens and as Peter", "Carl Holm", ["Jens", "Peter"]),
    ("Eva Lund as herself", "Eva Lund", ["Herself"]),
    ("Ole Dam (uncredited) as Guard[4]", "Ole Dam", ["Guard"]),
    ("Ida Krog (credited as Ida K.) – Maja", "Ida Krog", ["Maja"]),
    ("Bo Ravn", "Bo Ravn", []),
])
def test_cast_lines(line: str, actor: str, characters: list[str]) -> None:
    assert parse_cast_line(line) == (actor, characters)


def test_releases_several_on_a_line_keep_their_places() -> None:
    releases = parse_releases(("3 September 2021 (Venice); 12 October 2021 (Denmark)",))
    assert [(r.date.isoformat(), r.place.name if r.place else None) for r in releases] == [
        ("2021-09-03", "Venice Film Festival"), ("2021-10-12", "Denmark")]


def _film(text: str):
    from filmgraph import parse_article
    return extract_film(parse_article(text, source="urn:test"))


BODIES_TABLE = """= Two Bodies =
Infobox
- Director: Ann Berg

==Accolades==
| Award | Date of ceremony | Category | Recipient(s) | Result |
| Robert Awards | 2 February 2020 | Best Director | Ann Berg | |
| Bodil Awards | 14 March 2020 | Best Director | Ann Berg | |
"""


def test_prose_win_binds_to_its_own_body() -> None:
    film = _film(BODIES_TABLE + "\nAnn Berg won Best Director at the Bodil Awards.\n")
    results = {(n.body, n.category): n.result.value for n in film.nomination}
    assert results == {("Robert Awards", "Best Director"): "nominated", ("Bodil Awards", "Best Director"): "won"}


def test_prose_win_without_a_body_is_not_guessed() -> None:
    film = _film(BODIES_TABLE + "\nThe film won Best Director.\n")
    assert all(n.result is AwardResult.NOMINATED for n in film.nomination)
    assert film.warnings == ["'Best Director' is stated without its award body and fits 2 bodies; "
                             "the statement was not bound to any"]


def test_win_and_nomination_in_one_sentence_and_trophy_categories() -> None:
    film = _film("= Bear =\nInfobox\n- Director: Ann Berg\n\nBear is a 2024 Danish film.\n\n==Reception==\n"
                 "It won the Silver Bear for Best Director at the 74th Berlin International Film Festival, "
                 "and was nominated for the Golden Bear.\n")
    assert [(n.body, n.category, n.result.value, n.ceremony) for n in film.nomination] == [
        ("Berlin International Film Festival", "Silver Bear for Best Director", "won",
         "74th Berlin International Film Festival"),
        ("Berlin International Film Festival", "Golden Bear", "nominated", "74th Berlin International Film Festival")]


def test_original_title_with_a_gloss() -> None:
    film = _film("= Binge =\nInfobox\n- Director: Ann Berg\n- Language: Danish\n\n"
                 "Binge (original title: Druk; lit. 'Drinking') is a 2020 Danish film.\n")
    assert (film.original_title, film.original_language) == ("Druk", "da")


def test_negated_nomination_is_not_a_nomination() -> None:
    film = _film("= N =\nInfobox\n- Director: Ann Berg\n\n==Reception==\n"
                 "The film was not nominated for Best Film at the Bodil Awards.\n")
    assert film.nomination == []


def test_released_by_names_the_distributor() -> None:
    film = _film("= D =\nInfobox\n- Director: Ann Berg\n\n==Release==\n"
                 "It was released theatrically in Denmark on 12 October 2024 by Nordisk Film.\n")
    assert [(o.name, o.sources) for o in film.distributor] == [("Nordisk Film", ["Release"])]
    assert [(r.date.isoformat(), r.place.name) for r in film.release] == [("2024-10-12", "Denmark")]


def test_flattened_table_with_result_and_reference_columns() -> None:
    film = _film("""= R =
Infobox
- Director: Ann Berg

==Accolades==
| Award | Date of ceremony | Category | Recipient(s) | Result | Ref. |
| Academy Awards | 25 April 2021 | Best International Feature Film | Denmark | Won | [1] |
| Best Director | Ann Berg | Nominated |
| European Film Awards | 12 December 2020 | European Film | R | Won | [3] |
| European Director | Ann Berg | Won |
""")
    rows = [(n.body, n.category, n.result.value, n.date.isoformat(), [x.person for x in n.nominees])
            for n in film.nomination]
    assert rows == [("Academy Awards", "Best International Feature Film", "won", "2021-04-25", []),
                    ("Academy Awards", "Best Director", "nominated", "2021-04-25", ["ann-berg"]),
                    ("European Film Awards", "European Film", "won", "2020-12-12", []),
                    ("European Film Awards", "European Director", "won", "2020-12-12", ["ann-berg"])]


def test_hyphen_variants_preposition_bodies_relative_releases_and_filming_periods() -> None:
    film = _film("""= F =
Infobox
- Directed by: Karin Holm
- Starring: Nikolaj Coster-Waldau

==Production==
Filming began on 3 May 2021 in Aarhus and wrapped on 2 July 2021. Additional scenes were shot in Gothenburg and Malmö.

==Release==
It was released in Denmark on 6 October 2022 and in Sweden a week later.

==Accolades==
| Award | Date of ceremony | Category | Recipient(s) | Result |
| Bodil Awards | 18 March 2023 | Best Actor | Nikolaj Coster Waldau | Won |

At the Bodil Awards, Coster-Waldau also won Best Supporting Actor.
""")
    people = sorted((p.name, p.alternate_names) for p in film.people.values())
    assert people == [("Karin Holm", []), ("Nikolaj Coster-Waldau", ["Coster-Waldau", "Nikolaj Coster Waldau"])]
    assert [(n.body, n.category) for n in film.nomination] == [("Bodil Awards", "Best Actor"),
                                                               ("Bodil Awards", "Best Supporting Actor")]
    assert [(r.date.isoformat(), r.place.name) for r in film.release] == [("2022-10-06", "Denmark"),
                                                                          ("2022-10-13", "Sweden")]
    assert [(loc.place.name, loc.start and loc.start.isoformat(), loc.end and loc.end.isoformat())
            for loc in film.filming_location] == [("Aarhus", "2021-05-03", "2021-07-02"), ("Gothenburg", None, None),
                                                  ("Malmö", None, None)]


@pytest.mark.parametrize("sentence", [
    "The first trailer was released on 3 March 2025.",
    "The film was released on DVD and Blu-ray on 3 March 2026.",
    "The soundtrack album was released on 1 April 2025.",
])
def test_releases_of_other_things_are_not_the_films(sentence: str) -> None:
    film = _film(f"= S =\nInfobox\n- Director: Ann Berg\n\n==Release==\n{sentence}\n")
    assert film.release == []


def test_award_lists() -> None:
    film = _film("""= L =
Infobox
- Director: Ann Berg

==Awards and nominations==
- 43rd Robert Awards (31 January 2026): Best Danish Film (won); Best Director – Ann Berg (nominated)
- Bodil Awards: Best Actress – Pia Holm and Eva Lund (won)
- The film won the Audience Award at the Odense Film Festival.
""")
    rows = [(n.body, n.category, n.result.value, n.date and n.date.isoformat(), n.ceremony,
             [film.people[x.person].name for x in n.nominees]) for n in film.nomination]
    assert rows == [
        ("Robert Awards", "Best Danish Film", "won", "2026-01-31", "43rd Robert Awards", []),
        ("Robert Awards", "Best Director", "nominated", "2026-01-31", "43rd Robert Awards", ["Ann Berg"]),
        ("Bodil Awards", "Best Actress", "won", None, None, ["Pia Holm"]),  # a category for one performer:
        ("Bodil Awards", "Best Actress", "won", None, None, ["Eva Lund"]),  # each of the two her own
        ("Odense Film Festival", "Audience Award", "won", None, None, []),
    ]


def test_cast_table() -> None:
    film = _film("= T =\nInfobox\n- Director: Ann Berg\n\n==Cast==\n| Actor | Role |\n| Pia Holm | Anna |\n"
                 "| Eva Lund | Maja, a nurse |\n")
    assert [(film.people[m.person].name, m.characters) for m in film.cast] == [("Pia Holm", ["Anna"]),
                                                                              ("Eva Lund", ["Maja"])]


def test_named_best_is_a_win_with_its_person() -> None:
    film = _film("= N =\nInfobox\n- Director: Ann Berg\n- Starring: Pia Holm\n\n==Reception==\n"
                 "The film received the Bodil Award for Best Danish Film and Pia Holm was named Best Actress.\n")
    assert [(n.body, n.category, n.result.value, [film.people[x.person].name for x in n.nominees])
            for n in film.nomination] == [("Bodil Awards", "Best Danish Film", "won", []),
                                          ("Bodil Awards", "Best Actress", "won", ["Pia Holm"])]


def test_names_without_middle_names_merge_and_suffixes_do_not() -> None:
    from filmgraph.extract.names import resolve_people
    people = resolve_people(["Sofie Helene Gråbøl", "Sofie Gråbøl", "John Smith", "John Smith Jr.", "Anna Berg",
                             "Anna Maria Lund"])
    assert people["Sofie Gråbøl"] is people["Sofie Helene Gråbøl"]
    assert people["John Smith"] is not people["John Smith Jr."]
    assert people["Anna Berg"] is not people["Anna Maria Lund"]


def test_name_resolution_and_nomination_merging_are_near_linear() -> None:
    """Loose bounds, far above the benchmark's figures, that a quadratic algorithm would still break."""
    import sys
    import time

    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    from linear_cost import accolades_article, cast_article

    started = time.perf_counter()
    film = extract_film(parse_article(cast_article(2000), source=""))
    assert len(film.cast) == 2000 and time.perf_counter() - started < 8
    started = time.perf_counter()
    film = extract_film(parse_article(accolades_article(5000), source=""))
    assert len(film.nomination) == 5000 and time.perf_counter() - started < 8


def test_character_first_cast_and_a_voice_table_by_language() -> None:
    from filmgraph.read.wikitext import parse_wikitext

    text = """{{Infobox film
| name = Night Harbour
| director = [[Ann Berg]]
}}
'''Night Harbour''' is a 2001 animated film.

==Cast==
* Jubei – [[Koichi Yamadera]]
* Kagero, voiced by [[Emi Shinohara]]
* [[Carl Holm]] – a fisherman

===Characters===
* '''Dakuan''': a shady spy who is also sent to investigate.

===Voice actors===
{| class="wikitable"
! Character !! Japanese !! English (1995)
|-
! Jubei
| [[Koichi Yamadera]] || Dean Wein
|-
! Dakuan
| [[Takeshi Aono]] || Stephen Apostolina
|}
"""
    film = extract_film(parse_wikitext(text, source="https://en.wikipedia.org/wiki/Night_Harbour"))
    cast = {film.people[m.person].name: m.characters for m in film.cast}
    assert cast == {"Koichi Yamadera": ["Jubei"], "Emi Shinohara": ["Kagero"], "Carl Holm": ["fisherman"],
                    "Dean Wein": ["Jubei"], "Takeshi Aono": ["Dakuan"], "Stephen Apostolina": ["Dakuan"]}
