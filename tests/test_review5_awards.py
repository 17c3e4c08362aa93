"""False award facts and invented people a fifth review found (notes/review5.md, sections 3, 4 and 11): each rule
on a minimal wikitext snippet, in the spellings the reviewed pages use."""

from __future__ import annotations

import pytest

from filmgraph import extract_film
from filmgraph.model import Film
from filmgraph.read.wikitext import parse_table, parse_wikitext


def _film(infobox: str, body: str = "") -> Film:
    text = "{{Infobox film\n| name = Night Harbour\n| director = [[Ann Berg]]\n" + infobox + "\n}}\n" + body
    if "'''Night Harbour'''" not in text:
        text = text.replace("\n}}\n", "\n}}\n'''Night Harbour''' is a 2001 film.\n", 1)
    return extract_film(parse_wikitext(text, source="https://en.wikipedia.org/wiki/Night_Harbour"))


def _nominations(film: Film) -> set[tuple[str, str, str, tuple[str, ...]]]:
    return {(n.body, n.category, n.result.value, tuple(sorted(film.people[x.person].name for x in n.nominees
                                                              if x.person))) for n in film.nomination}


def _people(film: Film) -> set[str]:
    return {person.name for person in film.people.values()}


_TABLE_HEAD = "== Accolades ==\n{| class=\"wikitable\"\n! Award !! Category !! Recipients !! Result\n"


def _table(rows: list[tuple[str, str, str, str]]) -> str:
    """An accolades section whose table has these rows (award, category, recipients, result)."""
    return _TABLE_HEAD + "".join(f"|-\n| {' || '.join(row)}\n" for row in rows) + "|}\n"


# ------------------------------------------------------------------ E4: the film itself as a table's recipient

def test_a_recipient_cell_that_names_the_film_names_no_person() -> None:
    rows = [("[[Scream Awards]]", "Best Fantasy Movie", "Film", "{{won}}"),
            ("[[Scream Awards]]", "Best Scream-Play", "The film", "{{nom}}"),
            ("[[Scream Awards]]", "Best Ensemble", "Cast", "{{nom}}"),
            ("[[People's Choice Awards]]", "Favorite Ensemble Movie Cast", "Ensemble cast", "{{nom}}"),
            ("[[People's Choice Awards]]", "Favorite Action Movie", "''Night Harbour''", "{{nom}}"),
            ("[[Scream Awards]]", "Best Director", "[[Ann Berg]]", "{{nom}}")]
    film = _film("", _table(rows))
    assert _nominations(film) == {
        ("Scream Awards", "Best Fantasy Movie", "won", ()), ("Scream Awards", "Best Scream-Play", "nominated", ()),
        ("Scream Awards", "Best Ensemble", "nominated", ()),
        ("People's Choice Awards", "Favorite Ensemble Movie Cast", "nominated", ()),
        ("People's Choice Awards", "Favorite Action Movie", "nominated", ()),
        ("Scream Awards", "Best Director", "nominated", ("Ann Berg",))}
    assert _people(film) == {"Ann Berg"}


# ------------------------------------------------------------------ G1: a job title and studios as nominees

def test_a_job_title_and_a_studio_in_a_nominee_line_are_no_people() -> None:
    film = _film("", "== Academy Awards ==\n;Nominations\n"
                 "* [[11th Academy Awards|Outstanding Production]]: Lund Bros.-[[Star National Pictures|Star "
                 "National]]\n"
                 "* [[Academy Award for Best Sound|Best Sound Recording]]: Lund Bros. Studio Sound Department, "
                 "[[Carl Holm]], Sound Director\n"
                 "* [[Academy Award for Best Director|Best Directing]]: Ann Berg\n")
    assert _nominations(film) == {
        ("Academy Awards", "Outstanding Production", "nominated", ()),
        ("Academy Awards", "Best Sound Recording", "nominated", ("Carl Holm",)),
        ("Academy Awards", "Best Directing", "nominated", ("Ann Berg",))}
    assert _people(film) == {"Ann Berg", "Carl Holm"}


def test_a_nominee_linked_to_a_company_under_its_name_is_no_person() -> None:
    film = _film("", _TABLE_HEAD + "|-\n| [[Saturn Awards]] || Best Music || [[Star National Pictures|Star "
                 "National]] || {{nom}}\n|}\n")
    assert _nominations(film) == {("Saturn Awards", "Best Music", "nominated", ())}


# ------------------------------------------------------------------ G2: a company in an infobox credit

def test_a_credit_linked_to_a_company_under_the_companys_name_is_no_person() -> None:
    film = _film("| music = [[Nordic Music Library|Nordic]]<br />[[De Wolfe Music|Hajonal]]\n"
                 "| cinematography = [[Lund Records|Eva Lund]]\n| editing = [[Carl Music]]")
    assert film.composer == []
    assert any("'Nordic' is a company, not a person; left out of composer" in w for w in film.warnings)
    # One word linked to a company's page is the company, under another short name.
    assert any("'Hajonal' is a company, not a person; left out of composer" in w for w in film.warnings)
    # A person's name linked to the company they run stays the person's, and so does a surname like a label's.
    assert [film.people[ref.person].name for ref in film.cinematographer] == ["Eva Lund"]
    assert [film.people[ref.person].name for ref in film.editor] == ["Carl Music"]


# ------------------------------------------------------------------ E3: an image caption in an accolades section

def test_a_picture_caption_neither_wins_nor_names_a_category_as_a_person() -> None:
    film = _film("", "== Accolades ==\n"
                 "Night Harbour received two [[Saturn Award]]s, for [[Ann Berg]] as [[Saturn Award for Best "
                 "Director|Best Director]], and the [[Saturn Award for Best Horror Film]].\n\n"
                 "[[File:Holm.jpg|thumb|Composer [[Carl Holm]] nominated the [[Academy Award for Best Original "
                 "Score|Academy Award]] and [[Saturn Award for Best Music|Saturn Award]] for the film's music]]\n"
                 "{| class=\"wikitable\"\n! Award !! Category !! Recipients !! Result\n"
                 "|-\n| [[Academy Awards]] || [[Academy Award for Best Original Score|Best Original Score]] || "
                 "[[Carl Holm]] || {{nom}}\n"
                 "|-\n| [[Saturn Awards]] || Best Music || [[Carl Holm]] || {{nom}}\n|}\n")
    found = _nominations(film)
    assert ("Academy Awards", "Best Original Score", "nominated", ("Carl Holm",)) in found
    assert ("Saturn Awards", "Best Music", "nominated", ("Carl Holm",)) in found
    assert not [n for n in found if n[2] == "won" and n[1] in ("Best Original Score", "Best Music")]
    assert ("Saturn Awards", "Best Horror Film", "won", ()) in found
    assert not [name for name in _people(film) if name.startswith("Best")]


# ------------------------------------------------------------------ E1: a short row at the end of a rowspan

def test_a_rowspan_ends_with_its_last_row_even_when_that_row_is_short() -> None:
    table = parse_table("{|\n! Award !! Category !! Nominee !! Result\n"
                        "|-\n| Annie Awards || Best Feature || || rowspan=2 {{nom}}\n"
                        "|-\n| Saturn Awards || Best Animated Film\n"
                        "|-\n| ASCAP Award || Top Box Office Films || Carl Holm || {{won}}\n|}")
    assert table is not None
    assert table.rows == (("Annie Awards", "Best Feature", "", "Nominated"),
                          ("Saturn Awards", "Best Animated Film", "", "Nominated"),
                          ("ASCAP Award", "Top Box Office Films", "Carl Holm", "Won"))


def test_a_rows_own_result_after_a_short_row_under_a_rowspan_is_its_result() -> None:
    film = _film("", "== Accolades ==\n{| class=\"wikitable\"\n!Award !! Category !! Winner/Nominee !! Result\n"
                 "|-\n|| [[Kids' Choice Awards]]\n| Favorite Animated Movie\n|\n|rowspan=2 {{nom}}\n"
                 "|-\n|| [[Saturn Awards]]\n| Best Animated Film\n"
                 "|-\n|[[American Society of Composers, Authors and Publishers|ASCAP Award]]\n"
                 "|Top Box Office Films\n|[[Carl Holm]]\n|{{won}}\n|}\n")
    assert ("ASCAP Award", "Top Box Office Films", "won", ("Carl Holm",)) in _nominations(film)
    assert ("Saturn Awards", "Best Animated Film", "nominated", ()) in _nominations(film)


# ------------------------------------------------------------------ E2: a body cell with an acronym in brackets

def test_a_linked_body_is_the_body_whatever_acronym_follows_it() -> None:
    film = _film("", _TABLE_HEAD + "|-\n|| [[British Academy Children's Awards]] (BAFTA)\n| Favorite Film\n|\n"
                 "| {{nom}}\n|-\n| Film Academy of the Philippines (Luna Awards) || Best Picture || || {{won}}\n|}\n")
    assert _nominations(film) == {("British Academy Children's Awards", "Favorite Film", "nominated", ()),
                                  ("Luna Awards", "Best Picture", "won", ())}


# ------------------------------------------------------------------ E5: a result word before a linked category

def test_a_result_word_and_a_nominee_after_a_dash_are_no_part_of_the_category() -> None:
    film = _film("", "== Awards and nominations ==\n* '''[[Golden Raspberry Award]]:'''\n"
                 "** ''Nomination'' [[Golden Raspberry Award for Worst Actress]] – Eva Lund\n"
                 "** ''Won'' [[Golden Raspberry Award for Worst Director]] – Ann Berg\n")
    assert _nominations(film) == {("Golden Raspberry Awards", "Worst Actress", "nominated", ("Eva Lund",)),
                                  ("Golden Raspberry Awards", "Worst Director", "won", ("Ann Berg",))}


# ------------------------------------------------------------------ section 11: awards told in a sequel section

def test_a_sequel_section_gives_the_film_no_award() -> None:
    film = _film("", "== Reception ==\nNight Harbour won the [[National Film Award for Best Special Effects]].\n\n"
                 "== Possible sequel ==\nAfter Night Harbour won a National Award, an overjoyed Berg said that "
                 "the film's world could be further explored. The sequel was nominated for Best Director.\n")
    assert _nominations(film) == {("National Film Awards", "Best Special Effects", "won", ())}


def test_a_nominee_named_by_surname_after_the_category() -> None:
    film = _film("| starring = [[Farrah Fawcett]]",
                 "== Reception ==\nThe film was nominated for a [[Razzie Award]] for Worst Supporting Actress for "
                 "Fawcett, but lost to Diana Scarwid. It was nominated for Best Picture for Jaws.\n")
    found = {(category, nominees) for _, category, _, nominees in _nominations(film)}
    assert ("Worst Supporting Actress", ("Farrah Fawcett",)) in found
    assert ("Best Picture", ()) in found  # a lone word that names nobody credited is no nominee


def test_a_linked_category_listed_after_one_the_words_name_is_the_film_s_too() -> None:
    film = _film("", "== Accolades ==\n''Night Harbour'' led the [[77th Academy Awards]] season with four "
                     "nominations (including [[Academy Award for Best Original Screenplay|Best Original Screenplay]] "
                     "and [[Academy Award for Sound Mixing|Sound Mixing]]).\n")
    assert _nominations(film) == {("Academy Awards", "Best Original Screenplay", "nominated", ()),
                                  ("Academy Awards", "Sound Mixing", "nominated", ())}


def test_a_job_before_a_recipient_s_name_is_no_part_of_it() -> None:
    rows = [("Bodil Awards", "Best Editing", "Film Editor [[Tom Hill]]", "{{won}}"),
            ("Bodil Awards", "Best Director", "Director [[Ann Berg]]", "{{nom}}")]
    film = _film("| editing = [[Tom Hill]]", _table(rows))
    assert _people(film) == {"Ann Berg", "Tom Hill"}
    assert _nominations(film) == {("Bodil Awards", "Best Editing", "won", ("Tom Hill",)),
                                  ("Bodil Awards", "Best Director", "nominated", ("Ann Berg",))}


def test_a_job_before_a_linked_one_word_name_is_no_part_of_it() -> None:
    rows = [("Filmfare Awards", "Best Music Director", "Music Director [[Ilaiyaraaja]]", "{{won}}")]
    film = _film("| music = [[Ilaiyaraaja]]", _table(rows))
    assert _people(film) == {"Ann Berg", "Ilaiyaraaja"}


def test_a_linked_category_listed_after_another_film_s_prize_is_not_the_film_s() -> None:
    film = _film("", "== Accolades ==\nThe film was nominated for the Academy Award for Best Cinematography, and "
                     "''Bar'' won Best Visual Effects and [[Academy Award for Best Sound|Sound]].\n")
    assert not any(category == "Sound" for _, category, _, _ in _nominations(film))


def test_a_linked_category_after_and_was_nominated_for_is_the_film_s() -> None:
    film = _film("", "== Accolades ==\nThe film won the Academy Award for Best Picture, and was nominated for "
                     "[[Academy Award for Best Original Score|Original Score]].\n")
    assert _nominations(film) == {("Academy Awards", "Best Picture", "won", ()),
                                  ("Academy Awards", "Best Original Score", "nominated", ())}


def test_a_body_cell_s_link_names_the_body_its_words_leave_open() -> None:
    rows = [("[[1985 Australian Film Institute Awards|AFI Award]]", "Best Film", "''Night Harbour''", "{{won}}"),
            ("[[AACTA Awards|AFI Awards]]", "Best Actor", "[[Carl Holm]]", "{{nom}}")]
    film = _film("", _table(rows))
    assert _nominations(film) == {("AACTA Awards", "Best Film", "won", ()),
                                  ("AACTA Awards", "Best Actor", "nominated", ("Carl Holm",))}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("At the 60th Academy Awards, ''Coast Road'' won Best Visual Effects, while ''Night Harbour'' was nominated for "
     "Best Sound.", {("Academy Awards", "Best Sound", "nominated", ())}),
    ("''Coast Road'' won the Academy Award for Best Visual Effects.", set()),
    ("The film won the Academy Award for Best Sound; its rival ''Coast Road'' won Best Visual Effects.",
     {("Academy Awards", "Best Sound", "won", ())}),
    ("Berg's previous film ''Coast Road'' won the Academy Award for Best Picture.", set()),
    # The film's own title, whole or shortened, in italics is the film.
    ("''Night Harbour'' won the Academy Award for Best Sound.", {("Academy Awards", "Best Sound", "won", ())}),
    ("''Harbour'' won the Academy Award for Best Sound.", {("Academy Awards", "Best Sound", "won", ())}),
])
def test_a_win_whose_subject_is_another_named_work_is_not_the_films(
        sentence: str, expected: set[tuple[str, str, str, tuple[str, ...]]]) -> None:
    assert _nominations(_film("", f"== Accolades ==\n{sentence}\n")) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # Another film's prize, told in a relative clause, beside the film's own nomination.
    ("Like its predecessor, which won the [[Academy Award for Best Visual Effects]], the film was nominated for "
     "[[Academy Award for Best Visual Effects|Best Visual Effects]].",
     {("Academy Awards", "Best Visual Effects", "nominated", ())}),
    # A prize the sentence gives to another film.
    ("The film won the Jury Prize at the [[2005 Cannes Film Festival]], where the [[Palme d'Or]] was awarded to "
     "''[[L'Enfant (film)|L'Enfant]]''.", {("Cannes Film Festival", "Jury Prize", "won", ())}),
    ("It won the [[Golden Bear]] at the [[55th Berlin International Film Festival]], the first African film to do so "
     "since ''[[Coast Road (film)|Coast Road]]'' won the [[Silver Bear]] in 1990.",
     {("Berlin International Film Festival", "Golden Bear", "won", ())}),
    # A person it went to may have won it for the film; italics in lower case are emphasis, not a title.
    ("The film ''was'' nominated for the Academy Award for Best Actress, which was awarded to Rita Moss.",
     {("Academy Awards", "Best Actress", "nominated", ())}),
    # A career's prize is the person's, never the film's.
    ("Ann Berg received the Honorary Award at the [[78th Academy Awards]] for her lifetime achievement.", set()),
    ("[[Ann Berg]] received a Lifetime Achievement Award at the [[Zee Cine Awards]] the same year.", set()),
])
def test_another_films_prize_or_a_career_prize_is_not_the_films(
        sentence: str, expected: set[tuple[str, str, str, tuple[str, ...]]]) -> None:
    assert _nominations(_film("| starring = [[Ann Berg]]", f"== Accolades ==\n{sentence}\n")) == expected


def test_two_categories_linking_one_article_under_two_names_are_two_nominations() -> None:
    table = ("{| class=\"wikitable\"\n! Award !! Category !! Recipient !! Result\n|-\n"
             "| rowspan=2 | [[British Academy Film Awards]] || "
             "[[BAFTA Award for Best Actor in a Leading Role|Best British Actor]] || [[Ann Berg]] || {{nom}}\n|-\n"
             "| [[BAFTA Award for Best Actor in a Leading Role|Best Foreign Actor]] || [[Carl Holm]] || {{nom}}\n|}")
    film = _film("| starring = [[Ann Berg]]<br />[[Carl Holm]]", f"== Accolades ==\n{table}\n")
    assert _nominations(film) == {("British Academy Film Awards", "Best British Actor", "nominated", ("Ann Berg",)),
                                  ("British Academy Film Awards", "Best Foreign Actor", "nominated", ("Carl Holm",))}


def test_a_place_in_a_vote_is_no_win_and_a_list_page_names_no_body() -> None:
    table = ("{| class=\"wikitable\"\n! Award !! Category !! Recipient !! Result\n|-\n"
             "| [[Chicago Film Critics Association]] || Best Foreign Film || ''Night Harbour'' || "
             "{{won|Runner-up}}\n|-\n"
             "| [[National Board of Review]] || Top Ten Films || ''Night Harbour'' || {{won|2nd place}}\n|-\n"
             "| [[Boston Society of Film Critics]] || Best Film || ''Night Harbour'' || {{won}}\n|-\n"
             "| [[Dallas–Fort Worth Film Critics Association]] || Best Film || ''Night Harbour'' || "
             "{{Won|place=2nd}}\n|-\n"
             "| [[Florida Film Critics Circle]] || Best Film || ''Night Harbour'' || {{Won|place=Runner-up}}\n|}")
    assert {(body, result) for body, _, result, _ in _nominations(_film("", f"== Accolades ==\n{table}\n"))} == {
        ("Chicago Film Critics Association", "nominated"), ("National Board of Review", "nominated"),
        ("Boston Society of Film Critics", "won"), ("Dallas–Fort Worth Film Critics Association", "nominated"),
        ("Florida Film Critics Circle", "nominated")}
    prose = ("The screenplay was nominated by the [[Edgar Allan Poe Awards]] for [[List of Edgar Allan Poe Award for "
             "Best Motion Picture Screenplay winners|Best Motion Picture]].")
    assert _nominations(_film("", f"== Accolades ==\n{prose}\n")) == {
        ("Edgar Allan Poe Awards", "Best Motion Picture", "nominated", ())}


def test_a_body_named_before_a_colon_holds_the_categories_listed_after_it() -> None:
    sentence = ("The film was nominated for three [[Academy Awards]]: Best Actor, Best Director and Best Original "
                "Score.")
    assert _nominations(_film("", f"== Accolades ==\n{sentence}\n")) == {
        ("Academy Awards", category, "nominated", ()) for category in ("Best Actor", "Best Director",
                                                                        "Best Original Score")}


def test_an_other_awards_list_names_the_body_its_prize_and_the_year_of_what_was_won() -> None:
    body = ("== Accolades ==\n=== Other awards ===\n"
            "*Winner, Bronze Hugo Awards, 19th Chicago Film Festival (1983)\n"
            "*Asia-Pacific Film Festival Special Achievement for Best Depiction of Rural Life (1983)\n")
    film = _film("", body)
    assert {(n.body, n.category, n.result.value, n.date.isoformat() if n.date else None)
            for n in film.nomination} == {
        ("Chicago Film Festival", "Bronze Hugo Awards", "won", "1983"),
        ("Asia-Pacific Film Festival", "Special Achievement for Best Depiction of Rural Life", "won", "1983")}


def test_a_table_of_one_bodys_categories_takes_the_body_its_introduction_names_linked_or_not() -> None:
    table = ("At the [[49th Academy Awards]], the film won two awards:\n"
             "{| class=\"wikitable\"\n! Award !! Nominee !! Result\n|-\n"
             "| [[Academy Award for Best Picture|Best Picture]] || Ann Berg || {{won}}\n|-\n"
             "| Best Director || Carl Holm || {{won}}\n|-\n| Best Actor || Tom Hill || {{nom}}\n|}")
    film = _film("| director = [[Carl Holm]]\n| starring = [[Tom Hill]]", f"== Accolades ==\n{table}\n")
    assert _nominations(film) == {("Academy Awards", "Best Picture", "won", ("Ann Berg",)),
                                  ("Academy Awards", "Best Director", "won", ("Carl Holm",)),
                                  ("Academy Awards", "Best Actor", "nominated", ("Tom Hill",))}


@pytest.mark.parametrize(("sentence", "category"), [
    ("It won the Hugo Award for Best Dramatic Presentation, Long Form.", "Best Dramatic Presentation, Long Form"),
    ("It won the Golden Globe Award for Best Actress – Motion Picture Musical or Comedy.",
     "Best Actress – Motion Picture Musical or Comedy"),
])
def test_a_category_keeps_its_qualifier_after_a_comma_or_a_dash(sentence: str, category: str) -> None:
    assert [n.category for n in _film("", f"== Accolades ==\n{sentence}\n").nomination] == [category]


@pytest.mark.parametrize(("sentence", "expected"), [
    # Another title earlier in the sentence is not the subject of the film's own win.
    ("Like its predecessor ''Coast Road'', the film won the Academy Award for Best Animated Feature.",
     {("Academy Awards", "Best Animated Feature", "won", ())}),
    ("''Coast Road'' won Best Visual Effects, and the film won Best Sound at the [[Saturn Awards]].",
     {("Saturn Awards", "Best Sound", "won", ())}),
    # A title the page gives the film itself is the film.
    ("In the UK it was released as ''The Bar Affair''. ''The Bar Affair'' won Best British Film at the [[Evening "
     "Standard British Film Awards]].", {("Evening Standard British Film Awards", "Best British Film", "won", ())}),
    # Whom the film's prize was presented to (a trophy names its festival); a festival that awarded it its prize.
    ("The film won the Golden Lion, which was awarded to the cast and crew.",
     {("Venice Film Festival", "Golden Lion", "won", ())}),
    ("The film premiered at the [[Venice Film Festival]], which awarded it the Golden Lion.",
     {("Venice Film Festival", "Golden Lion", "won", ())}),
    # A film prize named "Honorary Mention" is the film's.
    ("The film received an Honorary Mention at the [[Locarno Festival]].",
     {("Locarno Festival", "Honorary Mention", "won", ())}),
])
def test_the_films_own_win_beside_another_title_or_a_recipient_stays(
        sentence: str, expected: set[tuple[str, str, str, tuple[str, ...]]]) -> None:
    assert _nominations(_film("", f"== Accolades ==\n{sentence}\n")) == expected


def test_first_place_is_a_win_and_two_names_of_one_category_page_are_one_nomination() -> None:
    table = ("{| class=\"wikitable\"\n! Award !! Category !! Recipient !! Result\n|-\n"
             "| [[Chicago Film Critics Association]] || Best Foreign Film || ''Night Harbour'' || {{won|1st place}}\n"
             "|-\n| [[Academy Awards]] || [[Academy Award for Best International Feature Film|Best Foreign Language "
             "Film]] || ''Night Harbour'' || {{won}}\n|}\n"
             "It won the [[Academy Award for Best International Feature Film|Best International Feature Film]].")
    assert _nominations(_film("", f"== Accolades ==\n{table}\n")) == {
        ("Chicago Film Critics Association", "Best Foreign Film", "won", ()),
        ("Academy Awards", "Best Foreign Language Film", "won", ())}


def test_an_unlinked_item_naming_a_category_as_wikipedia_titles_it_names_its_body() -> None:
    body = ("== Awards ==\n=== Wins ===\n*Academy Award for Best Actress (Audrey Berg)\n"
            "=== Nominations ===\n*Academy Award for Best Picture\n"
            "*Academy Award for Best Supporting Actor (Eddie Lund)\n"
            "*BAFTA Award for Best Foreign Actor &mdash; (Eddie Lund)\n")
    film = _film("| starring = [[Audrey Berg]]<br />[[Eddie Lund]]", body)
    assert _nominations(film) == {("Academy Awards", "Best Actress", "won", ("Audrey Berg",)),
                                  ("Academy Awards", "Best Picture", "nominated", ()),
                                  ("Academy Awards", "Best Supporting Actor", "nominated", ("Eddie Lund",)),
                                  ("British Academy Film Awards", "Best Foreign Actor", "nominated", ("Eddie Lund",))}


def test_unlinked_items_keep_their_qualifiers_and_a_colon_line_says_their_result() -> None:
    body = ("== Awards ==\nThe film won:\n*Golden Globe Award for Best Motion Picture – Drama\n"
            "*Academy Award for Best Art Direction (Black-and-White) (Cedric Holm and Edwin Lund)\n"
            "*Academy Award for Best Actor – Eddie Lund\n\nIt was also nominated for:\n"
            "*Academy Award for Best Picture\n")
    film = _film("| starring = [[Eddie Lund]]", body)
    assert _nominations(film) == {
        ("Golden Globe Awards", "Best Motion Picture – Drama", "won", ()),
        ("Academy Awards", "Best Art Direction (Black-and-White)", "won", ("Cedric Holm", "Edwin Lund")),
        ("Academy Awards", "Best Actor", "won", ("Eddie Lund",)),
        ("Academy Awards", "Best Picture", "nominated", ())}


@pytest.mark.parametrize(("sentence", "expected"), [
    # A remake or a dub named "as ''X''" is another work.
    ("The film was remade in Hindi as ''Naya Din''. ''Naya Din'' won Best Film at the [[Filmfare Awards]].", set()),
    # An opening phrase naming another work leaves the film the subject.
    ("Based on the novel ''Coast Road'', the film won the Academy Award for Best Adapted Screenplay.",
     {("Academy Awards", "Best Adapted Screenplay", "won", ())}),
])
def test_a_remake_is_another_work_and_a_source_novel_before_the_film_is_not_the_subject(
        sentence: str, expected: set[tuple[str, str, str, tuple[str, ...]]]) -> None:
    assert _nominations(_film("", f"== Accolades ==\n{sentence}\n")) == expected


def test_a_job_before_a_nominees_name_is_no_part_of_it() -> None:
    film = _film("", "== Accolades ==\nCinematographer [[Tom Hill]] was nominated for the Academy Award for Best "
                     "Cinematography.\n")
    assert _nominations(film) == {("Academy Awards", "Best Cinematography", "nominated", ("Tom Hill",))}
    assert _people(film) == {"Ann Berg", "Tom Hill"}


def test_a_category_link_of_the_sentence_names_its_body_though_another_body_shows_the_same_words() -> None:
    body = ("== Accolades ==\nAt the [[53rd Academy Awards]], the film won the award for [[Academy Award for Best "
            "Sound Mixing|Best Sound]].\n\nIt also received a British Academy Film Award nomination for [[BAFTA Award "
            "for Best Sound|Best Sound]].\n\n"
            "{| class=\"wikitable\"\n! Award !! Category !! Result\n|-\n"
            "| [[Academy Awards]] || [[Academy Award for Best Sound Mixing|Best Sound Mixing]] || {{won}}\n|-\n"
            "| [[British Academy Film Awards]] || Best Sound || {{nom}}\n|}\n")
    film = _film("", body)
    assert {(n.body, n.category, n.result.value, n.page) for n in film.nomination} == {
        ("Academy Awards", "Best Sound Mixing", "won", "Academy Award for Best Sound Mixing"),
        ("British Academy Film Awards", "Best Sound", "nominated", "BAFTA Award for Best Sound")}


# ------------------------------------------------------------------ unlinked category names read whole

def test_a_category_goes_on_over_from_a_but_not_over_from_the() -> None:
    film = _film("", "== Accolades ==\nAt the [[MTV Movie Awards]], it won Best Song from a Movie. Tom Hill won "
                     "Best Actor from the [[Chicago Film Critics Association]].\n")
    categories = {n.category for n in film.nomination}
    assert "Best Song from a Movie" in categories
    assert "Best Actor" in categories and not any("Chicago" in c for c in categories)


def test_the_academys_older_name_with_its_field_before_a_comma_is_the_short_name() -> None:
    rows = [("[[Academy Awards]]", "Best Music, Scoring of a Musical Picture", "[[Tom Hill]]", "{{won}}"),
            ("[[Academy Awards]]", "Best Picture", "[[Ann Berg]]", "{{nom}}")]
    film = _film("", "It won the Academy Award for Best Scoring of a Musical Picture.\n" + _table(rows))
    assert _nominations(film) == {("Academy Awards", "Best Music, Scoring of a Musical Picture", "won", ("Tom Hill",)),
                                  ("Academy Awards", "Best Picture", "nominated", ("Ann Berg",))}


def test_categories_listed_by_their_field_once_the_body_is_named() -> None:
    film = _film("", "== Accolades ==\nAt the [[68th Academy Awards]], ''Night Harbour'' was nominated for "
                     "Cinematography (lost to ''Heat''), Sound Mixing ([[Tom Hill]] and [[Carl Holm]]; lost to "
                     "''Heat'') and Sound Editing. It received two Oscars: Best Animated Feature and Visual Effects.\n")
    assert _nominations(film) == {
        ("Academy Awards", "Best Cinematography", "nominated", ()),
        ("Academy Awards", "Best Sound Mixing", "nominated", ("Carl Holm", "Tom Hill")),
        ("Academy Awards", "Best Sound Editing", "nominated", ()),
        ("Academy Awards", "Best Animated Feature", "won", ()),
        ("Academy Awards", "Best Visual Effects", "won", ())}


@pytest.mark.parametrize("sentence", [
    "The film's cinematography, editing and sound were praised at the [[Academy Awards]] screening.",
    "Tom Hill, who won the [[Academy Award]] for Sound Editing in 1990, joined the crew.",
    "It was nominated for Best Picture; Sound Editing was its strongest craft.",
    "The [[Academy Awards]] nominated ''Bar'' for Cinematography.",
    "At the [[68th Academy Awards]], it was nominated for [[Academy Award for Best Picture|Best Picture]]; Sound "
    "Editing was praised.",
    "At the [[68th Academy Awards]], it was nominated for [[Academy Award for Best Picture|Best Picture]], and Sound "
    "Editing supervisor [[Tom Hill]] attended.",
])
def test_a_field_outside_a_list_after_the_films_verb_is_no_category(sentence: str) -> None:
    film = _film("", f"== Reception ==\n{sentence}\n")
    assert not any(n.category in {"Best Cinematography", "Best Sound Editing"} for n in film.nomination)


def test_a_list_item_with_its_category_qualified_in_brackets_then_a_colon() -> None:
    film = _film("", "== Accolades ==\n=== Academy Awards ===\n;Nominations\n"
                     "* Best Writing (Screenplay): [[Tom Hill]], [[Carl Holm]]\n"
                     "* Best Sound Recording: Harbour Studio Sound Department, [[Ann Berg]], Sound Director\n")
    assert _nominations(film) == {
        ("Academy Awards", "Best Writing (Screenplay)", "nominated", ("Carl Holm", "Tom Hill")),
        ("Academy Awards", "Best Sound Recording", "nominated", ("Ann Berg",))}


def test_a_special_prize_for_a_category_is_the_special_prize() -> None:
    film = _film("", "== Accolades ==\nAt the [[53rd Academy Awards]], the film won [[Academy Award for Best Sound "
                     "Mixing|Best Sound]]. In addition, the film received the [[Special Achievement Academy Award]] "
                     "for [[Academy Award for Best Visual Effects|Best Visual Effects]] awarded to [[Tom Hill]].\n")
    assert {(n.body, n.category) for n in film.nomination} == {("Academy Awards", "Best Sound"),
                                                             ("Academy Awards", "Special Achievement Academy Award")}


def test_one_score_prize_told_under_two_names_is_one() -> None:
    rows = [("[[BAFTA Awards]]", "[[BAFTA Award for Best Original Music|Best Original Music]]", "[[Tom Hill]]",
             "{{won}}"),
            ("[[BAFTA Awards]]", "[[BAFTA Award for Best Original Song|Best Original Song]]", "[[Tom Hill]]",
             "{{won}}")]
    film = _film("", "[[Tom Hill]] was awarded the [[British Academy Film Awards|British Academy Film Award]] for his "
                     "score: the [[BAFTA Award for Best Film Music|Anthony Asquith Award for Film Music]].\n"
                     + _table(rows))
    assert _nominations(film) == {("British Academy Film Awards", "Best Original Music", "won", ("Tom Hill",)),
                                  ("British Academy Film Awards", "Best Original Song", "won", ("Tom Hill",))}


def test_a_list_item_with_its_nominee_after_a_colon_and_the_nominees_job_in_brackets() -> None:
    film = _film("", "== Accolades ==\n=== Academy Awards ===\n;Nominations\n* Best Picture: [[Ann Lund]] (producer)\n")
    assert _nominations(film) == {("Academy Awards", "Best Picture", "nominated", ("Ann Lund",))}


def test_unlinked_older_academy_names_and_a_list_whose_body_a_later_link_names() -> None:
    film = _film("", "== Accolades ==\n[[Tom Hill]] won the [[Academy Awards|Academy Award]] for Best Music, Scoring "
                     "of a Dramatic Picture. The British Academy nominated it in three categories (Production Design, "
                     "Visual Effects and [[BAFTA Award for Best Actor in a Supporting Role|Actor in a Supporting "
                     "Role]] for [[Carl Holm]]).\n")
    assert {(n.body, n.category) for n in film.nomination} == {
        ("Academy Awards", "Best Music, Scoring of a Dramatic Picture"),
        ("British Academy Film Awards", "Best Production Design"),
        ("British Academy Film Awards", "Best Visual Effects"),
        ("British Academy Film Awards", "Best Actor in a Supporting Role")}
