"""Award lists as full-length articles write them (issue 17): a bold body line above its items, categories
linked to their articles, 'Wins'/'Nominations' subsections, prose naming linked categories, other works' wins."""

from __future__ import annotations

from filmgraph import extract_film
from filmgraph.read.wikitext import parse_wikitext

INFOBOX = "{{Infobox film\n| name = Heat\n| director = [[Ann Berg]]\n}}\n'''''Heat''''' is a 1969 film.\n"


def _nominations(body: str) -> set[tuple[str, str, str, tuple[str, ...], int | None]]:
    film = extract_film(parse_wikitext(INFOBOX + body, source="", title="Heat"))
    return {(n.body, n.category, n.result.value, tuple(sorted(film.people[x.person].name for x in n.nominees
                                                               if x.person)), n.date.year if n.date else None)
            for n in film.nomination}


def test_items_under_a_bold_body_line_take_that_body_and_a_linked_category_its_own() -> None:
    found = _nominations("""==Accolades==
{{div col}}
'''[[Academy Awards]]'''
* [[Academy Award for Best Picture|Best Picture]] ([[Jon Hill]])&nbsp;— '''Won'''
* [[Academy Award for Best Actor|Best Actor]] ([[Carl Holm]])&nbsp;— Nominated
* [[Golden Globe Award for Best Director|Best Director]] (Ann Berg)&nbsp;— Nominated

'''[[New York Film Critics Circle]]'''
* [[New York Film Critics Circle Award for Best Actor|Best Actor]] (Carl Holm)&nbsp;— '''Won'''
* [[New York Film Critics Circle Award for Best Actor|Best Actor]] (Eva Lund)&nbsp;— 2nd place
{{div col end}}
""")
    assert found == {
        ("Academy Awards", "Best Picture", "won", ("Jon Hill",), None),
        ("Academy Awards", "Best Actor", "nominated", ("Carl Holm",), None),
        # The link's article names the body, whatever the line above says.
        ("Golden Globe Awards", "Best Director", "nominated", ("Ann Berg",), None),
        ("New York Film Critics Circle", "Best Actor", "won", ("Carl Holm",), None),
    }  # a critics' "2nd place" is neither a win nor a nomination


def test_a_bold_body_line_with_its_year_and_won_nominated_sublists() -> None:
    found = _nominations("""==Awards==
'''[[Academy Awards]] (1950):'''
:'''Won:'''
:* Best Actress (Eva Lund)
:'''Nominated:'''
:* Best Director (Ann Berg)
""")
    assert found == {("Academy Awards", "Best Actress", "won", ("Eva Lund",), 1950),
                     ("Academy Awards", "Best Director", "nominated", ("Ann Berg",), 1950)}


def test_wins_and_nominations_subsections_give_the_result_and_the_shown_title_names_body_and_category() -> None:
    found = _nominations("""==Awards==
===Wins===
*[[Academy Award for Best Actress]] ([[Eva Lund]])
*[[Golden Globe|Golden Globe Award for Best Motion Picture Actress &mdash; Drama]] (Eva Lund)
*[[Academy Award for Best Story|Academy Award for Writing (Motion Picture Story)]] ([[Jon Hill]])
===Nominations===
*[[BAFTA Award for Best Film|BAFTA Award for Best Film from any source]]
""")
    assert found == {("Academy Awards", "Best Actress", "won", ("Eva Lund",), None),
                     ("Golden Globe Awards", "Best Motion Picture Actress — Drama", "won", ("Eva Lund",), None),
                     ("Academy Awards", "Writing (Motion Picture Story)", "won", ("Jon Hill",), None),
                     ("British Academy Film Awards", "Best Film from any source", "nominated", (), None)}


def test_prose_takes_body_and_category_from_the_linked_category_article() -> None:
    found = _nominations("""==Reception==
''Heat'' won the [[Directors Guild of America Award for Outstanding Directing – Feature Film]].
[[Carl Holm]], who composed the score, won a [[Grammy Award for Best Instrumental Composition|Grammy for Best \
Instrumental Theme]].
""")
    assert ("Directors Guild of America Awards", "Outstanding Directing – Feature Film", "won", (), None) in found
    assert ("Grammy Awards", "Best Instrumental Theme", "won", ("Carl Holm",), None) in found
    assert len(found) == 2


def test_wins_of_other_works_are_not_the_films() -> None:
    found = _nominations("""==Legacy==
[[Jon Hill]]'s song "[[Heat Wave]]" won a [[Grammy Award for Best Male Pop Vocal Performance|Grammy Award for \
Best Contemporary Vocal Performance, Male]] for [[Eva Lund]].
In 2014, the Heat Restoration Project: Restoring, Reliving and Re-experiencing a Classic won the Anvil Award.
""")
    assert found == set()


def test_a_table_cell_with_attributes_before_a_result_template_and_a_row_opened_by_two_pipes() -> None:
    found = _nominations("""==Awards and nominations==
{| class="wikitable"
! Year !! Awards !! Category !! Recipients and Nominees !! Results
|-
||1999
| [[Filmfare Awards]]
| [[Filmfare Award for Best Supporting Actor|Best Supporting Actor]]
| [[Carl Holm]]
| rowspan="1" {{nom}}
|}
""")
    assert found == {("Filmfare Awards", "Best Supporting Actor", "nominated", ("Carl Holm",), 1999)}


def test_a_ceremony_year_given_elsewhere_in_prose_dates_the_tables_rows() -> None:
    found = _nominations("""==Accolades==
''Heat'' received two nominations at the [[49th Academy Awards]], winning one:

{| class="wikitable"
! Award !! Result !! Nominee
|-
| [[Academy Award for Best Picture|Best Picture]] || {{won}} || [[Jon Hill]]
|-
| [[Academy Award for Best Director|Best Director]] || {{nom}} || [[Ann Berg]]
|}

==Legacy==
During the [[49th Academy Awards]] ceremony in 1977, Hill and Berg staged a joke.
""")
    assert found == {("Academy Awards", "Best Picture", "won", ("Jon Hill",), 1977),
                     ("Academy Awards", "Best Director", "nominated", ("Ann Berg",), 1977)}


def test_an_item_that_names_only_a_body_heads_the_items_below_it() -> None:
    found = _nominations("""==Awards==
* [[Young Artist Awards]] (1990)
** Nominated: Young Artist Award - Best Family Motion Picture – Adventure
* 1955 Academy Award Nomination: Best Motion Picture Story ([[Jon Hill]])
""")
    assert found == {("Young Artist Awards", "Best Family Motion Picture – Adventure", "nominated", (), 1990),
                     ("Academy Awards", "Best Motion Picture Story", "nominated", ("Jon Hill",), 1955)}


def test_a_section_title_names_the_body_of_its_table_and_quotes_are_no_part_of_a_category() -> None:
    found = _nominations("""==Academy Nominations and Awards==
{| class="wikitable"
! Category !! Nominee !! Result
|-
| Best Director || [[Ann Berg]] || {{nom}}
|}

==Reception==
The film was nominated at the 2012 Indie Horror Film Festival for 'Best Comedy'.
""")
    assert ("Academy Awards", "Best Director", "nominated", ("Ann Berg",), None) in found
    assert {category for _, category, _, _, _ in found} == {"Best Director", "Best Comedy"}


def test_a_prize_named_after_a_person_or_trophy_is_the_whole_category() -> None:
    found = _nominations("""==Reception==
''Heat'' won the 1974 [[Nargis Dutt Award for Best Feature Film on National Integration]] presented by the \
[[National Film Awards]].
""")
    assert {category for _, category, _, _, _ in found} == {
        "Nargis Dutt Award for Best Feature Film on National Integration"}


def test_several_people_before_were_and_a_quoted_category_chosen() -> None:
    found = _nominations("""==Reception==
At the [[12th Genie Awards]] in 1991, [[Eva Lund]] and [[Pia Holm]] were nominated for Best Actress, and \
the film was nominated for Best Picture.
At the 40th National Board of Review Awards, [[Carl Holm]] was chosen the year's "Best Actor."
""")
    assert {("Genie Awards", "Best Actress", "nominated", ("Eva Lund",), 1991),
            ("Genie Awards", "Best Actress", "nominated", ("Pia Holm",), 1991)} <= found  # each her own
    assert ("National Board of Review", "Best Actor", "won", ("Carl Holm",), None) in found


def test_a_songs_writers_are_its_nominees() -> None:
    found = _nominations("""==Accolades==
{| class="wikitable"
! Award !! Category !! Result !! Nominee
|-
| [[Academy Awards]] || [[Academy Award for Best Original Song|Best Music (Original Song)]] for "[[Heat Wave]]" \
|| {{nom}} || [[Jon Hill]] (music)<br />[[Eva Lund]] (lyrics)
|}
""")
    assert found == {("Academy Awards", "Best Music (Original Song)", "nominated", ("Eva Lund", "Jon Hill"), None)}


def test_award_lines_of_older_articles() -> None:
    found = _nominations("""==Awards==
[[Ann Berg]] was nominated for Best Actress at the [[33rd Berlin International Film Festival]], where ''Heat'' \
vied for the [[Golden Bear]] Award. [[Carl Holm]]'s performance earned him a Best Actor nomination at the \
[[Zee Cine Awards]] held in 2000.

{| class="wikitable"
! Year !! Group !! Category !! Nominee !! Result
|-
| 1984 || Film Academy of the Philippines (Luna Awards) || Best Actress || [[Ann Berg]] || {{nom}}
|}

===Other awards===
*Winner, Bronze Hugo Awards, 19th Chicago Film Festival (1983)

==Festivals==
*1983 - 33rd Berlin International Film Festival, 18 February to 3 March 1983 (Competition)
""")
    assert found >= {("Berlin International Film Festival", "Golden Bear Award", "nominated", (), 1983),
                     ("Zee Cine Awards", "Best Actor", "nominated", ("Carl Holm",), 2000),
                     ("Luna Awards", "Best Actress", "nominated", ("Ann Berg",), 1984),
                     ("Chicago Film Festival", "Bronze Hugo Awards", "won", (), 1983)}


def test_a_bracketed_name_after_a_prose_category_is_its_nominee() -> None:
    found = _nominations("""==Accolades==
''Heat'' was nominated for five [[Academy Awards]] including Best Picture, Best Director ([[Ann Berg]]) and \
Best Film Editing ([[Eva Lund]]).
""")
    assert found == {("Academy Awards", "Best Picture", "nominated", (), None),
                     ("Academy Awards", "Best Director", "nominated", ("Ann Berg",), None),
                     ("Academy Awards", "Best Film Editing", "nominated", ("Eva Lund",), None)}


def test_recipients_that_name_nobody_and_titles_that_are_no_prize() -> None:
    found = _nominations("""==Accolades==
{| class="wikitable"
! Award !! Category !! Recipient !! Result
|-
| [[Mirchi Music Awards]] || Male Vocalist of The Year || [[Jon Hill]] for "[[Heat Wave]]" || {{nom}}
|-
| [[Satellite Awards]] || Best Youth DVD || For the 50th Anniversary Two-Disc Special Edition DVD || {{nom}}
|}

==Reception==
''Heat'' earned $72 million, making it the sixth highest grossing film of 1981, behind ''[[On Golden Pond]]''.
Its score won numerous awards including the Las Vegas Film Critics Society Award.
""")
    assert found == {("Mirchi Music Awards", "Male Vocalist of The Year", "nominated", ("Jon Hill",), None),
                     ("Satellite Awards", "Best Youth DVD", "nominated", (), None)}


def test_a_company_the_infobox_credits_as_producer_is_the_company_in_either_order() -> None:
    page = ("{{Infobox film\n| name = Heat\n| director = [[Ann Berg]]\n"
            "| producer = [[Nordlys International]]<br>Jon Hill\n"
            "| production companies = [[Nordlys International]]\n}}\n'''''Heat''''' is a 1969 film.\n")
    film = extract_film(parse_wikitext(page, source="", title="Heat"))
    assert [film.people[ref.person].name for ref in film.producer] == ["Jon Hill"]
    assert [company.name for company in film.production_company] == ["Nordlys International"]


def test_prizes_listed_under_a_bodys_item_are_that_bodys_whatever_their_names() -> None:
    film = extract_film(parse_wikitext(INFOBOX + """== Awards and nominations ==
* [[19th Venice International Film Festival|Venice Film Festival]] (1958)
** Italian Film Critics Award – Won
** [[Volpi Cup]] for Best Actor – [[Tom Hill]] – Nominated
* [[Mar del Plata International Film Festival]] (1959)
** Best Film – Won
** Special Jury Prize – Won
* [[17th Golden Globe Awards|Golden Globe Awards]] (10 March 1960)
** [[Golden Globe Award for Best Foreign Language Film|Best Foreign Language Film]] – Won
""", source="", title="Heat"))
    assert {(n.body, n.category, n.result.value, tuple(film.people[x.person].name for x in n.nominees if x.person),
             n.date.isoformat() if n.date else None) for n in film.nomination} == {
        ("Venice Film Festival", "Italian Film Critics Award", "won", (), "1958"),
        ("Venice Film Festival", "Volpi Cup for Best Actor", "nominated", ("Tom Hill",), "1958"),
        ("Mar del Plata International Film Festival", "Best Film", "won", (), "1959"),
        ("Mar del Plata International Film Festival", "Special Jury Prize", "won", (), "1959"),
        ("Golden Globe Awards", "Best Foreign Language Film", "won", (), "1960-03-10")}


def test_prose_between_lists_ends_the_body_above_and_a_rankings_place_is_no_prize() -> None:
    found = _nominations("""== Accolades ==
;[[78th Academy Awards|Academy Awards]]
* Best Actor – [[Tom Hill]] (nominated)
* Best Picture – (won)

''Heat'' also appeared on several of the [[American Film Institute]]'s lists:
* [[AFI's 100 Years...100 Thrills]] (2001) – #52
* [[AFI's 100 Years...100 Passions]] (2002) – Nominated
** "[[Harbour Song]]" – #58
""")
    assert found == {("Academy Awards", "Best Actor", "nominated", ("Tom Hill",), None),
                     ("Academy Awards", "Best Picture", "won", (), None)}


def test_award_bullets_split_the_category_from_its_nominees_at_the_right_dash() -> None:
    found = _nominations("""== Accolades ==
;[[Empire Awards]]
* Spotlight Award – [[Tom Hill]] {{small|(also for ''[[Coast Road]]'' and ''[[Bar Road]]'')}} (won)
* Outstanding Music Supervision - Film – [[Eva Lund]] (nominated)
* 2019: Best Director – [[Ann Berg]] (nominated)
;[[Hollywood Music in Media Awards]] ([[9th Hollywood Music in Media Awards|November 14, 2018]])
* Best Score – [[Carl Holm]] (won)
""")
    assert found == {("Empire Awards", "Spotlight Award", "won", ("Tom Hill",), None),
                     ("Empire Awards", "Outstanding Music Supervision - Film", "nominated", ("Eva Lund",), None),
                     ("Empire Awards", "Best Director", "nominated", ("Ann Berg",), 2019),
                     ("Hollywood Music in Media Awards", "Best Score", "won", ("Carl Holm",), 2018)}


def test_a_flat_award_list_names_its_body_first() -> None:
    found = _nominations("""== Accolades ==
* [[2011 Scream Awards]] – Best Director – [[Ann Berg]] (Nominated)
* [[2011 Scream Awards]] – Best Fantasy Movie (Won)
* [[Saturn Awards]] – Best Actor – [[Tom Hill]] – Won
""")
    assert found == {("Scream Awards", "Best Director", "nominated", ("Ann Berg",), 2011),
                     ("Scream Awards", "Best Fantasy Movie", "won", (), 2011),
                     ("Saturn Awards", "Best Actor", "won", ("Tom Hill",), None)}


def test_a_numbered_ceremony_of_a_yearly_body_dates_its_prizes() -> None:
    prose = _nominations("== Reception ==\nAt the [[49th Academy Awards]], it won [[Academy Award for Best Picture|"
                         "Best Picture]].\n")
    table = _nominations("== Accolades ==\n{| class=\"wikitable\"\n! Award !! Category !! Recipient !! Result\n|-\n"
                         "| [[75th Golden Globe Awards|Golden Globe Awards]] || Best Director || [[Ann Berg]] || "
                         "{{nom}}\n|-\n| [[43rd Robert Awards|Robert Awards]] || Best Film || Heat || {{won}}\n|}\n")
    assert prose == {("Academy Awards", "Best Picture", "won", (), 1977)}
    # The Robert Awards are not in the table of yearly ceremonies: no year is guessed.
    assert table == {("Golden Globe Awards", "Best Director", "nominated", ("Ann Berg",), 2018),
                     ("Robert Awards", "Best Film", "won", (), None)}


def test_nominees_listed_under_a_category_item() -> None:
    found = _nominations("""== Awards ==
* [[21st César Awards]] (3 February 1996)
** [[César Award for Best Film|Best Film]] (won)
** [[César Award for Most Promising Actor|Most Promising Actor]]:
*** [[Tom Hill]] (nominated)
*** [[Carl Holm]] (nominated)
** [[César Award for Best Sound|Best Sound]] – Eva Lund and Ann Berg (nominated)
""")
    assert found == {("César Awards", "Best Film", "won", (), 1996),
                     ("César Awards", "Most Promising Actor", "nominated", ("Carl Holm",), 1996),
                     ("César Awards", "Most Promising Actor", "nominated", ("Tom Hill",), 1996),
                     ("César Awards", "Best Sound", "nominated", ("Ann Berg", "Eva Lund"), 1996)}


def test_a_tables_caption_names_its_body_and_ceremony_day() -> None:
    film = extract_film(parse_wikitext(INFOBOX + """== Accolades ==
{| class="wikitable"
|+ German Film Awards (Deutscher Filmpreis), 6 June 2003
! Category !! Recipient(s) !! Result
|-
| Best Actor || [[Tom Hill]] || {{won}}
|-
| Best Film Score || [[Eva Lund]] || {{won}}
|}
{| class="wikitable"
! Award !! Date of ceremony !! Category !! Recipient(s) !! Result
|-
| [[European Film Awards]] || 6 December 2003 || [[European Film Award for Best Actor|Best Actor]] || [[Tom Hill]] \
|| {{won}}
|}
''Heat'' won nine [[German Film Awards]], including the Golden Lola for Outstanding Feature Film, and six [[European \
Film Awards]].
""", source="", title="Heat"))
    assert {(n.body, n.category, tuple(film.people[x.person].name for x in n.nominees if x.person),
             n.date.isoformat() if n.date else None) for n in film.nomination} == {
        ("Lola Awards", "Best Actor", ("Tom Hill",), "2003-06-06"),
        ("Lola Awards", "Best Film Score", ("Eva Lund",), "2003-06-06"),
        ("European Film Awards", "Best Actor", ("Tom Hill",), "2003-12-06"),
        ("Lola Awards", "Golden Lola for Outstanding Feature Film", (), None)}


def test_a_paragraph_that_introduces_a_list_names_its_body() -> None:
    found = _nominations("""== Accolades ==
At the 32nd Golden Globe Awards, held on January 25, 1975, the film received seven nominations and won four:
* Best Director – [[Tom Hill]] – ''won''
* Best Actress – Motion Picture Drama – [[Eva Lund]] – ''nominated''
""")
    assert found == {("Golden Globe Awards", "Best Director", "won", ("Tom Hill",), 1975),
                     ("Golden Globe Awards", "Best Actress – Motion Picture Drama", "nominated", ("Eva Lund",), 1975)}


def test_a_colon_inside_a_teen_choice_category_is_the_categorys_and_a_body_in_prose_is_no_trophy() -> None:
    found = _nominations("""It won the [[Teen Choice Awards|Teen Choice Award]] for Choice Movie: Comedy.
It won Best Film at the [[27th Blue Dragon Film Awards]] and at the [[1st Asian Film Awards]].

==Accolades==
* '''[[Teen Choice Awards]]''' (August 6, 1969)
** Choice Movie: Comedy – {{won}}
** Choice Movie: Breakout Star – Eva Lund – {{nom}}
** Choice Movie: Hissy Fit – {{nom}}
* '''[[Saturn Awards]]''' (1970)
** Best Horror Film: Drama – {{nom}}
** Best Actress: [[Carl Holm]] – {{nom}}
""")
    assert {(body, category, result, who) for body, category, result, who, _ in found} == {
        ("Teen Choice Awards", "Choice Movie: Comedy", "won", ()),
        ("Teen Choice Awards", "Choice Movie: Breakout Star", "nominated", ("Eva Lund",)),
        ("Teen Choice Awards", "Choice Movie: Hissy Fit", "nominated", ()),
        ("Saturn Awards", "Best Horror Film: Drama", "nominated", ()),
        ("Saturn Awards", "Best Actress", "nominated", ("Carl Holm",)),
        ("Blue Dragon Film Awards", "Best Film", "won", ()),
        ("Asian Film Awards", "Best Film", "won", ()),
    }


def test_a_place_in_a_critics_list_of_the_best_films_is_no_nomination() -> None:
    found = _nominations("""==Accolades==
===Gawad Urian Awards===
*One of the Ten Best Films of the 1980s, URIAN (2000)
*Best Picture – won
""")
    assert {(body, category) for body, category, *_ in found} == {("Gawad Urian Awards", "Best Picture")}
