"""How prose gives a nomination or a win as a noun or as a link's words: "received an Academy Award nomination for
Best Actress", "earned Eva Lund a nomination", "a [[Golden Globe Award for …|Golden Globe nomination]]". The
nominee is the clause's subject (or whom the verb gives it to), the category the link's article's, and a
nomination is never written as a win."""

from __future__ import annotations

import pytest

from filmgraph.extract import prose
from filmgraph.model import AwardResult, Nomination, Nominee, PartialDate
from filmgraph.rdf.mapping import map_statements
from test_review5_awards import _film, _nominations, _table


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Eva Lund received a nomination for the Academy Award for Best Actress.",
     ("Academy Awards", "Best Actress", "nominated", ["Eva Lund"])),
    ("Eva Lund earned an Academy Award nomination for Best Actress.",
     ("Academy Awards", "Best Actress", "nominated", ["Eva Lund"])),
    ("Eva Lund received an Oscar nomination for Best Actress for her performance.",
     ("Academy Awards", "Best Actress", "nominated", ["Eva Lund"])),
    ("The film earned Eva Lund an Academy Award nomination for Best Actress.",
     ("Academy Awards", "Best Actress", "nominated", ["Eva Lund"])),
    ("The role earned Eva Lund a nomination for the Academy Award for Best Actress.",
     ("Academy Awards", "Best Actress", "nominated", ["Eva Lund"])),
    ("Eva Lund's performance earned her a nomination for the Academy Award for Best Actress.",
     ("Academy Awards", "Best Actress", "nominated", ["Eva Lund"])),
    # What she earned is a nomination, the prize's name between: never a win.
    ("The film earned Eva Lund a Best Actress Oscar nomination.",
     ("Academy Awards", "Best Actress", "nominated", ["Eva Lund"])),
    ("Tom Hill was given the Academy Award for Best Score.", ("Academy Awards", "Best Score", "won", ["Tom Hill"])),
])
def test_a_nomination_as_a_noun_goes_to_the_subject_or_whom_the_verb_gives_it(
        sentence: str, expected: tuple[str, str, str, list[str]]) -> None:
    awards, _ = prose.find_awards(sentence, "Night Harbour")
    assert [(a.body, a.category, a.result.value, [n.person for n in a.nominees]) for a in awards] == [expected]


def test_a_release_given_is_no_prize() -> None:
    assert prose.find_awards("The film was given a limited release in 2001.", "Night Harbour") == ([], [])


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Composer [[Tom Hill]] was given a [[Grammy Award for Best Score Soundtrack for Visual Media|Grammy Award "
     "nomination]].", ("Grammy Awards", "Best Score Soundtrack for Visual Media", "nominated", ("Tom Hill",))),
    ("[[Eva Lund]] received a [[Golden Globe Award for Best Actress – Motion Picture Drama|Golden Globe "
     "nomination]] for her performance.",
     ("Golden Globe Awards", "Best Actress – Motion Picture Drama", "nominated", ("Eva Lund",))),
    ("The film earned [[Eva Lund]] a [[Academy Award for Best Actress|Best Actress Oscar nomination]].",
     ("Academy Awards", "Best Actress", "nominated", ("Eva Lund",))),
    ("[[Eva Lund]] earned an [[Academy Award for Best Actress|Oscar nomination]] for her role.",
     ("Academy Awards", "Best Actress", "nominated", ("Eva Lund",))),
    ("[[Tom Hill]] won a [[Grammy Award for Best Score Soundtrack for Visual Media|Grammy]] for his score.",
     ("Grammy Awards", "Best Score Soundtrack for Visual Media", "won", ("Tom Hill",))),
    ("The film received a [[Golden Globe Award for Best Foreign Language Film|Golden Globe nomination]].",
     ("Golden Globe Awards", "Best Foreign Language Film", "nominated", ())),
])
def test_a_category_link_shown_as_the_nomination_or_the_prize(sentence: str,
                                                             expected: tuple[str, str, str, tuple[str, ...]]) -> None:
    assert _nominations(_film("", "== Reception ==\n" + sentence + "\n")) == {expected}


@pytest.mark.parametrize("sentence", [
    # Another work's prize, or someone's from before: no nomination of this film.
    "[[Eva Lund]], who had received an [[Academy Award for Best Actress|Oscar nomination]], was cast as Mara.",
    "[[Eva Lund]] received an [[Academy Award for Best Actress|Oscar nomination]] for ''Coast Road'' (1998).",
])
def test_a_persons_prize_for_another_work_is_not_the_films(sentence: str) -> None:
    film = _film("", "Eva Lund also starred in ''Coast Road''.\n== Production ==\n" + sentence + "\n")
    assert _nominations(film) == set()


def test_a_count_of_a_bodys_prizes_gives_the_body_of_the_categories_it_lists() -> None:
    film = _film("", "== Reception ==\nIt won two Golden Globes: Best Actress ([[Eva Lund]]) and Best Original "
                 "Score.\n")
    assert _nominations(film) == {("Golden Globe Awards", "Best Actress", "won", ("Eva Lund",)),
                                  ("Golden Globe Awards", "Best Original Score", "won", ())}
    assert [(tally.body, tally.wins) for tally in film.award_tally] == [("Golden Globe Awards", 2)]


def test_the_body_after_at_ends_before_the_next_prize() -> None:
    film = _film("", "== Reception ==\nThe film won the Audience Award at the 2001 Sundance Film Festival and the "
                 "Grand Jury Prize at the Slamdance Film Festival.\n")
    assert _nominations(film) == {("Sundance Film Festival", "Audience Award", "won", ()),
                                  ("Slamdance Film Festival", "Grand Jury Prize", "won", ())}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("It won the Palme d'Or.", ("Cannes Film Festival", "Palme d'Or", "won", ())),
    ("[[Eva Lund]] won the Silver Bear for Best Actress.",
     ("Berlin International Film Festival", "Silver Bear for Best Actress", "won", ("Eva Lund",))),
    # The body the sentence names stands over the trophy's table.
    ("It was nominated for the Golden Lion at the 75th Venice International Film Festival.",
     ("Venice Film Festival", "Golden Lion", "nominated", ())),
])
def test_a_festivals_trophy_names_its_festival(sentence: str, expected: tuple[str, str, str, tuple[str, ...]]) -> None:
    assert _nominations(_film("", "== Reception ==\n" + sentence + "\n")) == {expected}


def test_people_jointly_nominated_are_each_a_nominee() -> None:
    film = _film("", "== Reception ==\n[[Tom Hill]] and [[Eva Lund]] were jointly nominated for Best Original "
                 "Screenplay at the 72nd Academy Awards.\n")
    assert _nominations(film) == {("Academy Awards", "Best Original Screenplay", "nominated", ("Eva Lund", "Tom Hill"))}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The film won the People's Choice Award for Favorite Movie.",
     ("People's Choice Awards", "Favorite Movie", "won", ())),
    ("The film received the Japan Academy Film Prize for Most Popular Film.",
     ("Japan Academy Film Prize", "Most Popular Film", "won", ())),
    ("It won the Annie Award for Outstanding Achievement in Music.",
     ("Annie Awards", "Outstanding Achievement in Music", "won", ())),
])
def test_a_prizes_category_need_not_open_with_best(sentence: str, expected: tuple[str, str, str, tuple[()]]) -> None:
    assert _nominations(_film("", "== Reception ==\n" + sentence + "\n")) == {expected}


def test_a_lower_case_purpose_is_no_category() -> None:
    assert _nominations(_film("", "== Reception ==\nIt won the award for Outstanding contribution to cinema.\n")) \
        == set()


@pytest.mark.parametrize("sentence", [
    # Someone's prize from before, for another work; a person's honorary career prize.
    "The part went to [[Carl Webb]], who had won the [[Academy Award for Best Actor]] for ''[[Coast Road]]''.",
    "Composer [[Carl Webb]], who won the [[Academy Award for Best Original Score]] for ''[[Coast Road]]'' (1990), "
    "wrote the score.",
    "Her co-star in ''[[Coast Road]]'', [[Carl Webb]], had won the [[Academy Award for Best Actor]] in 1990.",
    "It screened at the [[2022 Cannes Film Festival|75th Cannes Film Festival]], where [[Carl Webb|Webb]] received "
    "an honorary [[Palme d'Or]].",
])
def test_an_earlier_or_honorary_prize_of_a_person_is_not_the_films(sentence: str) -> None:
    assert _nominations(_film("", "== Production ==\n" + sentence + "\n")) == set()


@pytest.mark.parametrize(("sentence", "expected"), [
    ("[[Carl Webb]], who won the [[Academy Award for Best Actor]] for his performance, thanked the director.",
     ("Academy Awards", "Best Actor", "won", ())),
    ("The film received an honorary Palme d'Or at the festival.", ("Cannes Film Festival", "Palme d'Or", "won", ())),
])
def test_a_prize_said_to_be_for_this_film_stays(sentence: str, expected: tuple[str, str, str, tuple[()]]) -> None:
    assert _nominations(_film("", "== Reception ==\n" + sentence + "\n")) == {expected}


def test_a_count_of_prizes_is_of_the_body_right_after_it() -> None:
    film = _film("", "== Reception ==\nIt won two [[Academy Awards]] and the [[Annie Award for Best Animated "
                 "Feature]].\n")
    assert [(tally.body, tally.wins) for tally in film.award_tally] == [("Academy Awards", 2)]
    assert _nominations(film) == {("Annie Awards", "Best Animated Feature", "won", ())}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("It won the [[Palme d'Or]] and the [[Academy Award for Best Picture]].",
     {("Cannes Film Festival", "Palme d'Or", "won", ()), ("Academy Awards", "Best Picture", "won", ())}),
    ("It won the [[Golden Lion]] and the [[Golden Globe Award for Best Foreign Language Film]].",
     {("Venice Film Festival", "Golden Lion", "won", ()),
      ("Golden Globe Awards", "Best Foreign Language Film", "won", ())}),
])
def test_a_festivals_trophy_keeps_its_festival_beside_another_bodys_prize(
        sentence: str, expected: set[tuple[str, str, str, tuple[()]]]) -> None:
    assert _nominations(_film("", "== Reception ==\n" + sentence + "\n")) == expected


@pytest.mark.parametrize("cell", [
    "\"[[Hold Fast (song)|Hold Fast]]\"<br />{{small|Music and lyrics by [[Eva Lund]] and [[Tom Hill]]}}",
    "\"Hold Fast\" – [[Eva Lund]] and [[Tom Hill]]",
    "\"Hold Fast\"<br />{{small|[[Eva Lund]] and [[Tom Hill]]}}",
    "\"Hold Fast\" by [[Eva Lund]] and [[Tom Hill]]",
])
def test_a_songs_writers_in_an_award_table_are_its_nominees_and_the_song_no_person(cell: str) -> None:
    film = _film("", _table([("[[Golden Globe Awards]]", "Best Original Song", cell, "{{nom}}")]))
    assert _nominations(film) == {("Golden Globe Awards", "Best Original Song", "nominated", ("Eva Lund", "Tom Hill"))}
    [nomination] = film.nomination
    assert [(n.work.name, n.work.creators) for n in nomination.nominees if n.work] == [
        ("Hold Fast", [film.people[n.person].key for n in nomination.nominees if n.person])]
    assert "Hold Fast" not in {person.name for person in film.people.values()}


def test_a_prize_of_the_stage_version_is_not_the_films() -> None:
    film = _film("", "== Stage version ==\nThe film was adapted into a musical in 2003. [[Eva Lund]] won an "
                 "[[Aliw Awards|Aliw Award]] for Best Actress in a Musical that year.\n")
    assert _nominations(film) == set()


@pytest.mark.parametrize(("sentence", "expected"), [
    ("At the [[49th Academy Awards]], it won Best Picture (for producers [[Tom Hill]] and [[Eva Lund]]) and Best "
     "Supporting Actor (both [[Carl Holm]] and [[Ann Berg]]).",
     {("Academy Awards", "Best Picture", "won", ("Eva Lund", "Tom Hill")),
      # A category for one performer: each of the two its own.
      ("Academy Awards", "Best Supporting Actor", "won", ("Ann Berg",)),
      ("Academy Awards", "Best Supporting Actor", "won", ("Carl Holm",))}),
    ("It was nominated for Best Sound ([[Tom Hill]], [[Eva Lund]] and [[Carl Holm]]) at the 49th Academy Awards.",
     {("Academy Awards", "Best Sound", "nominated", ("Carl Holm", "Eva Lund", "Tom Hill"))}),
    ("It won the Academy Award for Best Film Editing for [[Tom Hill]] and Eva Lund.",
     {("Academy Awards", "Best Film Editing", "won", ("Eva Lund", "Tom Hill"))}),
])
def test_each_person_of_a_list_a_category_went_to_is_a_nominee(sentence: str, expected: set[tuple[str, ...]]) -> None:
    assert _nominations(_film("", "== Reception ==\n" + sentence + "\n")) == expected


def test_recipients_cells_in_a_list_template_a_song_note_or_shared_with() -> None:
    rows = [("[[Academy Awards]]", "Best Director", "{{plainlist|\n* [[Tom Hill]]\n* [[Eva Lund]]\n}}", "{{nom}}"),
            ("[[Academy Awards]]", "Best Original Song", "[[Carl Holm]] and [[Ann Berg]] {{small|For the song "
             "\"[[Harbour Song]]\"}}", "{{nom}}"),
            ("[[Saturn Awards]]", "Best Actress", "[[Ida Krog]] {{small|(shared with [[Eva Lund]])}}", "{{won}}")]
    film = _film("", _table(rows))
    assert _nominations(film) == {("Academy Awards", "Best Director", "nominated", ("Eva Lund", "Tom Hill")),
                                  ("Academy Awards", "Best Original Song", "nominated", ("Ann Berg", "Carl Holm")),
                                  ("Saturn Awards", "Best Actress", "won", ("Eva Lund",)),
                                  ("Saturn Awards", "Best Actress", "won", ("Ida Krog",))}
    song = next(n for n in film.nomination if n.category == "Best Original Song")
    assert [n.work.name for n in song.nominees if n.work] == ["Harbour Song"]


def test_a_category_cell_naming_its_song() -> None:
    rows = [("[[Academy Awards]]", "[[Academy Award for Best Original Song|Best Original Song]] <small>(\"[[Harbour "
             "Song]]\")</small>", "[[Carl Holm]]", "{{nom}}")]
    film = _film("", _table(rows))
    assert _nominations(film) == {("Academy Awards", "Best Original Song", "nominated", ("Carl Holm",))}
    assert [n.work.name for n in film.nomination[0].nominees if n.work] == ["Harbour Song"]


def test_the_subject_goes_on_into_a_second_clause() -> None:
    film = _film("", "== Reception ==\n[[Eva Lund]] won the [[Golden Globe Award for Best Actress – Motion Picture "
                 "Drama|Golden Globe]] and was nominated for the [[Academy Award for Best Actress|Academy Award]].\n")
    assert _nominations(film) == {
        ("Golden Globe Awards", "Best Actress – Motion Picture Drama", "won", ("Eva Lund",)),
        ("Academy Awards", "Best Actress", "nominated", ("Eva Lund",))}


def test_a_ceremony_held_on_a_day_and_list_items_with_their_verb_left_out() -> None:
    film = _film("", "== Accolades ==\nAt the [[12th Academy Awards]], held on February 29, 1940, it received eleven "
                 "nominations. [[Ann Berg]] was nominated for [[Academy Award for Best Picture|Outstanding "
                 "Production]]. In the technical categories, [[Tom Hill]] was nominated for [[Academy Award for Best "
                 "Production Design|Best Art Direction]], [[Eva Lund]] and [[Carl Holm]] for [[Academy Award for Best "
                 "Film Editing|Best Film Editing]], and [[Ida Krog]] for [[Academy Award for Best Original Score|Best "
                 "Score]]. Berg won the Best Director award the following year for ''Coast Road''.\n")
    assert _nominations(film) == {
        ("Academy Awards", "Outstanding Production", "nominated", ("Ann Berg",)),
        ("Academy Awards", "Best Art Direction", "nominated", ("Tom Hill",)),
        ("Academy Awards", "Best Film Editing", "nominated", ("Carl Holm", "Eva Lund")),
        ("Academy Awards", "Best Score", "nominated", ("Ida Krog",))}
    assert {n.date.isoformat() for n in film.nomination if n.date} == {"1940-02-29"}


def test_a_prize_for_a_role_in_another_work_is_not_the_films() -> None:
    film = _film("", "== Reception ==\n[[Eva Lund]]'s performance was praised; in the same season she won the "
                 "[[Academy Award for Best Supporting Actress]] for her role in ''[[Coast Road]]''.\n")
    assert _nominations(film) == set()


def test_a_count_of_nominations_is_of_the_body_it_names() -> None:
    film = _film("", "== Reception ==\nIt received five nominations at the [[69th British Academy Film Awards]], "
                 "and won three [[British Independent Film Awards]].\n")
    assert {(t.body, t.wins, t.nominations, t.ceremony) for t in film.award_tally} == {
        ("British Academy Film Awards", None, 5, "69th British Academy Film Awards"),
        ("British Independent Film Awards", 3, None, None)}


def test_a_named_prize_for_words_of_its_own_and_the_body_named_before_it() -> None:
    film = _film("", "== Reception ==\n[[Tom Hill]] was awarded the British Academy Film Award for his compositions: "
                 "the Anthony Asquith Award for Film Music.\n")
    assert _nominations(film) == {("British Academy Film Awards", "Anthony Asquith Award for Film Music", "won",
                                   ("Tom Hill",))}


def test_a_short_name_in_prose_is_the_tables_category_in_a_motion_picture() -> None:
    film = _film("", "It won the Screen Actors Guild Award for Outstanding Performance by a Stunt Ensemble.\n"
                 "== Accolades ==\n" + _table([("Screen Actors Guild Awards", "Outstanding Performance by a Stunt "
                                                "Ensemble in a Motion Picture", "The stunt ensemble", "{{won}}")]))
    assert _nominations(film) == {("Screen Actors Guild Awards",
                                   "Outstanding Performance by a Stunt Ensemble in a Motion Picture", "won", ())}


def test_an_event_the_sentence_opens_at_and_a_categorys_language() -> None:
    assert prose.find_awards("At the first IIFA Utsavam in January 2016, it won the award for Best Picture (Telugu), "
                             "and Ann Berg won Best Director (Telugu).", "Night Harbour")[0] == [
        Nomination("IIFA Utsavam", "Best Picture (Telugu)", AwardResult.WON, PartialDate(2016, 1)),
        Nomination("IIFA Utsavam", "Best Director (Telugu)", AwardResult.WON, PartialDate(2016, 1),
                   nominees=[Nominee(person="Ann Berg")])]


def test_one_category_named_by_each_body_of_a_list() -> None:
    film = _film("", "== Reception ==\n[[Tom Hill]] was also named Best Supporting Actor by the [[New York Film "
                 "Critics Circle]], the [[Los Angeles Film Critics Association]] and the [[National Society of Film "
                 "Critics]], and the film won.\n")
    assert _nominations(film) == {(body, "Best Supporting Actor", "won", ("Tom Hill",)) for body in (
        "New York Film Critics Circle", "Los Angeles Film Critics Association", "National Society of Film Critics")}


def test_a_day_right_after_a_category_is_its_own_and_a_numbered_berlinale_its_year() -> None:
    awards, _ = prose.find_awards("It was nominated for Best Foreign Language Film at the 61st Golden Globe Awards on "
                                  "25 January 2004 and for Best Film Not in the English Language at the 57th British "
                                  "Academy Film Awards on 15 February 2004.", "Night Harbour")
    assert [(a.body, a.date.isoformat() if a.date else None) for a in awards] == [
        ("Golden Globe Awards", "2004-01-25"), ("British Academy Film Awards", "2004-02-15")]
    film = _film("", "== Release ==\nIt premiered in competition at the [[53rd Berlin International Film Festival]], "
                 "where it won the [[Blue Angel Award]].\n")
    assert [(n.category, n.date.isoformat() if n.date else None) for n in film.nomination] == [
        ("Blue Angel Award", "2003")]


def test_a_category_named_outstanding_without_its_link() -> None:
    assert prose.find_awards("Ann Berg was nominated for Outstanding Production as the film's producer and for Best "
                             "Director.", "Night Harbour")[0] == [
        Nomination("", "Outstanding Production", nominees=[Nominee(person="Ann Berg")]),
        Nomination("", "Best Director", nominees=[Nominee(person="Ann Berg")])]
    assert prose.find_awards("Outstanding performances by the cast were praised.", "Night Harbour") == ([], [])



def test_a_prize_shared_by_people_and_a_list_joined_by_and() -> None:
    awards, _ = prose.find_awards("It won the National Film Award for Best Feature Film in Malayalam, shared by the "
                                  "producer Ann Berg and director Tom Hill.", "Night Harbour")
    assert [(a.category, [n.person for n in a.nominees]) for a in awards] == [
        ("Best Feature Film in Malayalam", ["Ann Berg", "Tom Hill"])]
    awards, _ = prose.find_awards("The film was nominated for Best Film – Malayalam, Carl Holm for Best Actor – "
                                  "Malayalam and Eva Lund for Best Actress – Malayalam.", "Night Harbour")
    assert [[n.person for n in a.nominees] for a in awards] == [[], ["Carl Holm"], ["Eva Lund"]]


def test_a_category_cell_is_its_longest_link_and_a_team_no_person() -> None:
    rows = [("[[Hong Kong Film Awards]]", "[[Hong Kong Film Award for Best Film|Best Film]]", "''Night Harbour''",
             "{{won}}"),
            ("[[Hong Kong Film Awards]]", "[[Hong Kong Film Award for Best Film Editing|Best Film Editing]]",
             "[[Tom Hill]]", "{{nom}}"),
            ("[[Hong Kong Film Awards]]", "Best Action Choreography", "[[Ann Berg Stunt Team]]", "{{won}}")]
    film = _film("", _table(rows))
    assert _nominations(film) == {("Hong Kong Film Awards", "Best Film", "won", ()),
                                  ("Hong Kong Film Awards", "Best Film Editing", "nominated", ("Tom Hill",)),
                                  ("Hong Kong Film Awards", "Best Action Choreography", "won", ())}


def test_two_rows_of_one_category_one_won_one_not_stay_two() -> None:
    rows = [("[[Academy Awards]]", "Best Original Song", "\"Harbour Song\" – [[Tom Hill]]", "{{won}}"),
            ("[[Academy Awards]]", "Best Original Song", "\"Coast Song\" – [[Eva Lund]]", "{{nom}}")]
    assert _nominations(_film("", _table(rows))) == {("Academy Awards", "Best Original Song", "won", ("Tom Hill",)),
                                                     ("Academy Awards", "Best Original Song", "nominated",
                                                      ("Eva Lund",))}
    releases = prose.find_releases("It was screened at the Busan International Film Festival on 3 October 2015 and "
                                   "released in China on 24 July 2016.")
    assert ("2015-10-03", "China") not in {(r.date.isoformat(), r.place.name if r.place else None) for r in releases}


@pytest.mark.parametrize(("sentence", "expected"), [
    # One category at two bodies: each body's prize, each with its ceremony.
    ("It won Best Film at the 27th Blue Dragon Film Awards and at the 1st Asian Film Awards.",
     [("Blue Dragon Film Awards", "27th Blue Dragon Film Awards", "Best Film", []),
      ("Asian Film Awards", "1st Asian Film Awards", "Best Film", [])]),
    ("It won Best Film at both the Blue Dragon Film Awards and the Asian Film Awards.",
     [("Blue Dragon Film Awards", None, "Best Film", []), ("Asian Film Awards", None, "Best Film", [])]),
    # A "where" clause after a body is at that body, and its subject the nominee.
    ("It premiered at the 60th Venice International Film Festival, where Ann Berg won Best Actress.",
     [("Venice Film Festival", "60th Venice International Film Festival", "Best Actress",
       ["Ann Berg"])]),
    ("It won Best Film at the 1st Asian Film Awards, where Tom Hill also won Best Actor, and Eva Lund won Best "
     "Director at the 43rd Baeksang Arts Awards.",
     [("Asian Film Awards", "1st Asian Film Awards", "Best Film", []),
      ("Asian Film Awards", "1st Asian Film Awards", "Best Actor", ["Tom Hill"]),
      ("Baeksang Arts Awards", "43rd Baeksang Arts Awards", "Best Director", ["Eva Lund"])]),
    # A prize after "and the" is no second body.
    ("It won Best Actor at the Cannes Film Festival and the Palme d'Or.",
     [("Cannes Film Festival", None, "Best Actor", []), ("Cannes Film Festival", None, "Palme d'Or", [])]),
])
def test_one_category_at_two_bodies_and_a_where_clause_at_the_body_before_it(
        sentence: str, expected: list[tuple[str, str | None, str, list[str]]]) -> None:
    awards, _ = prose.find_awards(sentence, "Night Harbour")
    assert [(a.body, a.ceremony, a.category, [n.person for n in a.nominees]) for a in awards] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # Two bodies after "from": each gives the category, each with its edition.
    ("It won many awards, including Best Picture from the 1982 Metro Manila Film Festival and the 1983 Catholic "
     "Mass Media Awards.",
     [("Metro Manila Film Festival", "1982 Metro Manila Film Festival", "Best Picture"),
      ("Catholic Mass Media Awards", "1983 Catholic Mass Media Awards", "Best Picture")]),
    # The Golden Globe Award is its body's own prize, never the trophy of the festival the sentence names.
    ("It won the Golden Bear at the 8th Berlin International Film Festival in 1958, as well as the Golden Globe "
     "Award for Best Foreign Language Film.",
     [("Berlin International Film Festival", "8th Berlin International Film Festival", "Golden Bear"),
      ("Golden Globe Awards", None, "Best Foreign Language Film")]),
    # Categories of their own words: the Writers Guild's "… for the Screen", the Filmfare Awards South's languages.
    ("Towne also received the Writers Guild of America Award for Best Drama Written Directly for the Screen.",
     [("Writers Guild of America Award", None, "Best Drama Written Directly for the Screen")]),
    ("At the 64th Filmfare Awards South, Ann Berg won the Best Director – Malayalam award.",
     [("Filmfare Awards South", "64th Filmfare Awards South", "Best Director – Malayalam")]),
])
def test_bodies_listed_after_from_and_categories_in_their_own_words(
        sentence: str, expected: list[tuple[str, str | None, str]]) -> None:
    awards, _ = prose.find_awards(sentence, "Night Harbour")
    assert sorted((a.body, a.ceremony, a.category) for a in awards) == sorted(expected)


def test_a_link_shown_as_a_category_elsewhere_in_the_paragraph_never_moves_a_prize_of_a_named_body() -> None:
    found = _nominations(_film("", """== Accolades ==
At the [[29th British Academy Film Awards]], Carl Holm won the [[BAFTA Award for Best Actor in a Leading Role|Best \
Actor]] award. Carl Holm was named Best Actor by the [[New York Film Critics Circle]] and the [[National Society of \
Film Critics]]. At the [[64th Filmfare Awards South]], Ann Berg won the [[Filmfare Award for Best Director – \
Malayalam|Best Director – Malayalam]] award.
"""))
    assert {(body, category) for body, category, *_ in found} == {
        ("British Academy Film Awards", "Best Actor"), ("New York Film Critics Circle", "Best Actor"),
        ("National Society of Film Critics", "Best Actor"),
        # The sentence names the body more closely than the link's article does.
        ("Filmfare Awards South", "Best Director – Malayalam")}


def test_a_category_without_its_body_takes_the_body_just_named_never_a_named_prize() -> None:
    found = _nominations(_film("", """== Release ==
The film won the Academy Award for Best Cinematography. It was nominated for Best Director and Best Picture.
It was awarded the Golden Screen Award in Germany.

== Accolades ==
At the 12th Academy Awards, the film received eleven nominations. Ann Berg was nominated for Best Actor.

In the technical categories, Tom Hill was nominated for Best Sound Recording.
"""))
    assert {(body, category) for body, category, *_ in found} == {
        ("Academy Awards", "Best Cinematography"), ("Academy Awards", "Best Director"),
        ("Academy Awards", "Best Picture"), ("Academy Awards", "Best Actor"),
        ("Academy Awards", "Best Sound Recording"),
        ("", "Golden Screen Award")}  # a prize of its own name: no body is told, none is borrowed


@pytest.mark.parametrize(("sentence", "expected"), [
    # A body's name with "and" in it, opening the sentence, before a list of fields.
    ("The British Academy of Film and Television Arts nominated the film in three categories (Production Design, "
     "Costume Design and Sound).",
     {("British Academy Film Awards", "Best Production Design"), ("British Academy Film Awards", "Best Costume Design"),
      ("British Academy Film Awards", "Best Sound")}),
    ("Tom Hill was nominated for the Golden Globe Award for Best Acting Debut - Male.",
     {("Golden Globe Awards", "Best Acting Debut - Male")}),
    ("Ann Berg won the Directors Guild of America Award for Outstanding Directing – Feature Film.",
     {("Directors Guild of America Awards", "Outstanding Directing – Feature Film")}),
    ("Tom Hill was nominated for the Grammy Award for Best Score Soundtrack for Visual Media.",
     {("Grammy Awards", "Best Score Soundtrack for Visual Media")}),
    ("It was nominated for the Kids Choice Award for Favorite Animated Movie.",
     {("Kids' Choice Awards", "Favorite Animated Movie")}),
])
def test_bodies_and_categories_written_as_plain_words(sentence: str, expected: set[tuple[str, str]]) -> None:
    assert {(body, category) for body, category, *_ in _nominations(_film("", f"== Reception ==\n{sentence}\n"))} \
        == expected


def test_a_category_named_once_for_two_bodies_and_a_field_listed_after_the_films_category() -> None:
    awards, _ = prose.find_awards("The film won the National Film Award and the Filmfare Award for Best Special "
                                  "Effects.", "Night Harbour")
    assert sorted((a.body, a.category) for a in awards) == [("Filmfare Awards", "Best Special Effects"),
                                                            ("National Film Awards", "Best Special Effects")]
    film = _film("", "== Accolades ==\nNight Harbour led the 77th Academy Awards season with four nominations "
                     "(including Best Original Screenplay, Sound Editing and Sound Mixing).\n"
                     "Carl Holm, who had won an Oscar for Best Score and Sound Mixing in 1990, composed it.\n")
    assert {(body, category) for body, category, *_ in _nominations(film)} == {
        ("Academy Awards", "Best Original Screenplay"), ("Academy Awards", "Best Sound Editing"),
        ("Academy Awards", "Best Sound Mixing")}


@pytest.mark.parametrize(("sentence", "tallies"), [
    # Each count its own body: the one right after it, after "at", or told before it.
    ("At the 55th Filmfare Awards, it won nine awards, including Best Film and Best Director, and it won three "
     "National Film Awards, including Best Popular Film.",
     [("Filmfare Awards", 9, "55th Filmfare Awards"), ("National Film Awards", 3, None)]),
    ("At the 78th Academy Awards it won four awards, and it won two Golden Globe Awards.",
     [("Academy Awards", 4, "78th Academy Awards"), ("Golden Globe Awards", 2, None)]),
    ("It won four awards at the 78th Academy Awards.", [("Academy Awards", 4, "78th Academy Awards")]),
])
def test_each_count_of_awards_is_its_own_bodys(sentence: str, tallies: list[tuple[str, int, str | None]]) -> None:
    _, found = prose.find_awards(sentence, "Night Harbour")
    assert [(t.body, t.wins, t.ceremony) for t in found] == tallies


def test_a_list_after_won_none_is_of_nominations_and_among_them_lists_the_bodys_prizes() -> None:
    awards, _ = prose.find_awards("At the 89th Academy Awards, the film was nominated for six awards but won none: "
                                  "Best Picture, Best Supporting Actor for Dev Patel, and Best Original Score.",
                                  "Night Harbour")
    assert sorted((a.category, a.result.value, [n.person for n in a.nominees]) for a in awards) == [
        ("Best Original Score", "nominated", []), ("Best Picture", "nominated", []),
        ("Best Supporting Actor", "nominated", ["Dev Patel"])]
    awards, _ = prose.find_awards("It won nine Filmfare Awards, among them Best Film and Best Director, and three "
                                  "National Film Awards, among them Best Popular Film.", "Night Harbour")
    assert sorted((a.body, a.category) for a in awards) == [
        ("Filmfare Awards", "Best Director"), ("Filmfare Awards", "Best Film"),
        ("National Film Awards", "Best Popular Film")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # The people of a list, in order, one to each category "respectively".
    ("At the 45th British Academy Film Awards, Anthony Hopkins and Jodie Foster won Best Actor in a Leading Role and "
     "Best Actress in a Leading Role respectively, from nine nominations.",
     [("British Academy Film Awards", "Best Actor in a Leading Role", "won", ["Anthony Hopkins"]),
      ("British Academy Film Awards", "Best Actress in a Leading Role", "won", ["Jodie Foster"])]),
    # The verb of a relative clause ("for which it was nominated") is not the list's.
    ("It won all three Academy Awards for which it was nominated at the 94th Academy Awards: Best Picture, Best "
     "Supporting Actor and Best Adapted Screenplay.",
     [("Academy Awards", "Best Picture", "won", []), ("Academy Awards", "Best Supporting Actor", "won", []),
      ("Academy Awards", "Best Adapted Screenplay", "won", [])]),
])
def test_respectively_pairs_people_and_categories_and_a_relative_clause_gives_no_result(
        sentence: str, expected: list[tuple[str, str, str, list[str]]]) -> None:
    awards, _ = prose.find_awards(sentence, "Night Harbour")
    assert [(a.body, a.category, a.result.value, [n.person for n in a.nominees]) for a in awards] == expected


def test_a_body_the_sentence_names_keeps_its_category_and_the_annual_edition_names_its_body() -> None:
    film = _film("", """== Accolades ==
{| class="wikitable"
! Award !! Category !! Recipient !! Result
|-
| [[49th Golden Globe Awards|Golden Globe Awards]] || [[Golden Globe Award for Best Screenplay|Best Screenplay]] \
|| Tom Hill || {{nom}}
|-
| [[65th Annual Grammy Awards|Grammy Awards]] || Best Score Soundtrack for Visual Media || Eva Lund || {{nom}}
|}

== Legacy ==
Tom Hill also received the [[Edgar Award]] for Best Motion Picture Screenplay, and the film won the [[Bram Stoker \
Award]] for Best Screenplay. At the [[65th Annual Grammy Awards]], the score was nominated for Best Score Soundtrack \
for Visual Media.
""")
    assert {(body, category, result) for body, category, result, _ in _nominations(film)} == {
        ("Golden Globe Awards", "Best Screenplay", "nominated"),
        ("Edgar Awards", "Best Motion Picture Screenplay", "won"),
        ("Bram Stoker Awards", "Best Screenplay", "won"),
        ("Grammy Awards", "Best Score Soundtrack for Visual Media", "nominated")}


def test_two_people_in_a_category_for_one_performer_are_two_nominations_and_a_team_is_one() -> None:
    film = _film("| starring = [[Dustin Hoffman]]<br>[[Jon Voight]]", """== Accolades ==
{| class="wikitable"
! Award !! Category !! Nominee !! Result
|-
| rowspan="4" | [[42nd Academy Awards|Academy Awards]] || Best Actor || [[Dustin Hoffman]] || {{nom}}
|-
| Best Actor || [[Jon Voight]] || {{nom}}
|-
| rowspan="2" | Best Sound Mixing || [[Bill Varney]] || {{won}}
|-
| [[Steve Maslow]] || {{won}}
|}
""")
    assert sorted(_nominations(film)) == [
        ("Academy Awards", "Best Actor", "nominated", ("Dustin Hoffman",)),
        ("Academy Awards", "Best Actor", "nominated", ("Jon Voight",)),
        ("Academy Awards", "Best Sound Mixing", "won", ("Bill Varney", "Steve Maslow"))]
    statements = {str(s.iri).rsplit("/", 1)[-1] for s in map_statements(film).statements
                  if s.property in ("P166", "P1411")}
    assert statements == {"academy-awards-best-actor-dustin-hoffman", "academy-awards-best-actor-jon-voight",
                          "academy-awards-best-sound-mixing"}
