"""Cast lists, tables and sentences: who plays whom, decided by general rules, and nothing made up."""

from __future__ import annotations

from filmgraph import extract_film
from filmgraph.extract.cast import (
    CastContext,
    CastItem,
    cast_table_entries,
    clean_role,
    parse_cast_entries,
    prose_cast,
    read_cast_list,
)
from filmgraph.extract.names import is_person_name, resolve_people
from filmgraph.read.wikitext import parse_wikitext


def _cast(body: str, infobox: str = "") -> dict[str, list[str]]:
    text = f"{{{{Infobox film\n| name = Harbour Lights\n| director = [[Ola Dam]]\n{infobox}}}}}\n" \
           f"'''Harbour Lights''' is a 1999 film.\n\n{body}"
    film = extract_film(parse_wikitext(text, source="https://en.wikipedia.org/wiki/Harbour_Lights"))
    return {film.people[m.person].name: m.characters for m in film.cast}


def test_a_character_first_list_is_decided_by_all_its_lines() -> None:
    """The side that is linked, credited in the infobox and free of role words is the actor's, for every
    line of the list, linked or not."""
    cast = _cast("""==Cast==
*Maja - [[Lina Holt]]
*Mrs. Berg - Ida Sand
*Priest - [[Per Vik]]
*Tove - Eva Strand
*Old Knut (Blind Man) - Nils Aas
*Himself - Odd Lie
*Jon Moe
""", "| starring = [[Lina Holt]]\n")
    assert cast == {"Lina Holt": ["Maja"], "Ida Sand": ["Mrs. Berg"], "Per Vik": ["Priest"], "Eva Strand": ["Tove"],
                    "Nils Aas": ["Old Knut"], "Odd Lie": ["Himself"], "Jon Moe": []}


def test_an_actor_first_list_stays_actor_first() -> None:
    cast = _cast("""==Cast==
* [[Lina Holt]] – Maja
* Ida Sand – Tove (as Ida S.)
* [[Per Vik]] – a fisherman
* Eva Strand - Special appearance in the song "Blue"
""")
    assert cast == {"Lina Holt": ["Maja"], "Ida Sand": ["Tove"], "Per Vik": ["fisherman"], "Eva Strand": []}


def test_the_actor_in_parentheses_after_the_character() -> None:
    cast = _cast("""==Cast==
* Reverend Holm ([[Per Vik]]) is the local preacher. He is perhaps best remembered for his roles as Carter.
* Mrs. Lund ([[Ida Sand]]), co-owner of the store in the town.
* Harry (Jon Moe)
* [[Eva Strand]] (uncredited)
""")
    assert cast == {"Per Vik": ["Reverend Holm"], "Ida Sand": ["Mrs. Lund"], "Jon Moe": ["Harry"], "Eva Strand": []}


def test_a_character_with_a_paragraph_names_the_actor_it_starts_with() -> None:
    """"Adam: Lars Berg, a singer, appeared as …" is Lars Berg as Adam, never an actor named Adam."""
    cast = _cast("""==Cast==
* [[Lars Berg]] as Adam
* [[Ole Lund]] as Benjamin

===Brothers===
* '''Adam''' (''green shirt''): Lars Berg, a professional singer, appeared as the eldest brother.
* '''Benjamin''': Ole Lund was a former baseball player who danced in the background.
""")
    assert cast == {"Lars Berg": ["Adam"], "Ole Lund": ["Benjamin"]}


def test_a_voice_table_by_its_header() -> None:
    """Columns named after characters, actors, voices and languages, any number of dubs; an empty or
    placeholder cell is no actor, a description in parentheses is dropped, one cell can name two actors."""
    cast = _cast("""==Cast==
{| class="wikitable"
! Character name
! Japanese voice actor
! English voice actor<br><small>([[Sun Films]], 1989)</small>
! English voice actor<br><small>(Moon Video, 2005)</small>
|-
| {{nihongo|Mori Aki|森 アキ}} (daughter) || [[Yui Sato]] || [[Ann Cole]] || [[Beth Ray]]
|-
| Mrs. Oda (Aki's mother) || Rie Ono || {{N/A|Unknown}} || [[Beth Ray]]
|-
| Old Farmer ||rowspan="2"| [[Ken Abe]] || Tom Fry (uncredited) || [[Ray Hill]] ''as The Wolf''
|-
| Mailman || [[Dan Ito]]<br>[[Sam Lee]] ''as Young Mailman'' || Unknown
|}
""")
    assert cast == {"Yui Sato": ["Mori Aki"], "Ann Cole": ["Mori Aki"], "Beth Ray": ["Mori Aki", "Mrs. Oda"],
                    "Rie Ono": ["Mrs. Oda"], "Ken Abe": ["Old Farmer", "Mailman"], "Tom Fry": ["Old Farmer"],
                    "Ray Hill": ["Old Farmer", "The Wolf"], "Dan Ito": ["Mailman"],
                    "Sam Lee": ["Mailman", "Young Mailman"]}  # the row's character, and what the dub calls it


def test_table_columns_with_two_role_columns_notes_and_none_for_actors() -> None:
    assert cast_table_entries(("Actor", "Main role", "Other roles", "Notes"),
                              (("Ann Berg", "Anna, a nurse", "Guard #2 / Herself", "Her first film"),)) == [
        ("Ann Berg", ["Anna", "Guard #2", "Herself"])]
    assert cast_table_entries(("Name", "Character", "Description"), (("Ann Berg", "Anna", "A nurse."),)) == [
        ("Ann Berg", ["Anna"])]
    assert cast_table_entries(("Character", "Films"), (("Anna", "Harbour Lights"),)) == []


def test_a_table_of_cast_lines_without_a_header() -> None:
    assert cast_table_entries(("", "Ann Berg as Anna", "", "Carl Holm as Jens"), (("Eva Lund", "as Maja", "", ""),)) \
        == [("Ann Berg", ["Anna"]), ("Carl Holm", ["Jens"]), ("Eva Lund", ["Maja"])]
    assert cast_table_entries(("", "Harbour Lights", ""), (("Released 1999", "", ""),)) == []


def test_cast_sentences_name_actors_and_their_characters() -> None:
    cast = _cast("""==Cast==
* [[Lina Holt]] as Maja

[[Per Vik]] reprises his role as Knut from the first film. Jon Moe plays Lobo, Maja's aide. While Holt
physically portrays Maja, [[Ida Sand]] provides the voice of Tove, the ghost. Eva Strand portrays the bounty hunter
Volk, Nils Aas portrays the hero's aunt, May and Odd Lie appears as a nurse. The character of Rask, portrayed by
[[Tor Fjell]], was first called Jason. Sara Lind had played Maja in a stage version. Multiple actors have portrayed
the Emperor. Lars Berg voiced concerns about the script.
""")
    assert cast == {"Lina Holt": ["Maja"], "Per Vik": ["Knut"], "Jon Moe": ["Lobo"], "Ida Sand": ["Tove"],
                    "Eva Strand": ["Volk"], "Nils Aas": ["May"], "Odd Lie": ["nurse"], "Tor Fjell": ["Rask"]}


def test_a_casting_story_is_not_cast_but_for_who_appears_in_the_film() -> None:
    cast = _cast("""==Cast==
* [[Lina Holt]] as Maja

===Casting===
[[Sara Lind]] plays Maja in the first draft; [[Per Vik]] was approached for the role of Knut. Boxer [[Ola Dam]]
has a cameo appearance in the film.
""")
    assert cast == {"Lina Holt": ["Maja"], "Ola Dam": []}


def test_the_cast_a_sentence_lists_after_include() -> None:
    cast = _cast("""==Cast==
Other cast members include [[Ann Cole]] as Amy, a young woman; [[Ray Hill]] as Agent Stone, father of Major Stone;
[[Tom Fry]]; and [[Dan Ito]] also appeared in small roles. The puppets were built by many, including [[Sam Lee]].
""")
    assert cast == {"Ann Cole": ["Amy"], "Ray Hill": ["Agent Stone"], "Tom Fry": [], "Dan Ito": []}


def test_sub_items_are_their_own_cast_lines_or_the_roles_of_their_parent() -> None:
    cast = _cast("""==Cast==
* [[Lina Holt]] as Maja Berg, a singer.
** [[Ida Sand]] as Young Maja.
* [[Per Vik]] as Knut Lie, Maja's husband.
** Vik also plays Kurt Lie, Knut's twin brother.
*** [[Jon Moe]] plays a young Kurt.
* [[Eva Strand]] as:
** Tove, a spy jet.
** Rask
""")
    assert cast == {"Lina Holt": ["Maja Berg"], "Ida Sand": ["Young Maja"], "Per Vik": ["Knut Lie", "Kurt Lie"],
                    "Jon Moe": ["young Kurt"], "Eva Strand": ["Tove", "Rask"]}


def test_no_sentence_and_no_segment_heading_is_an_actor() -> None:
    cast = _cast("""==Cast==
* '''The First Story'''
** [[Lina Holt]] as Maja
* Director [[Ola Dam]] appears uncredited as the ambulance EMT.
* [[Per Vik]] and [[Jon Moe]] are Per and Jon, a couple of good ol' boys driving a car.
* [[Ida Sand]] has a cameo role referencing her character in another film.
""")
    assert cast == {"Lina Holt": ["Maja"], "Ola Dam": [], "Ida Sand": []}


def test_descriptions_after_a_semicolon_and_pairs_on_one_line() -> None:
    assert parse_cast_entries("Ann Berg as Maja Lund; Jens's wife and Knut's mother") == [("Ann Berg", ["Maja Lund"])]
    assert parse_cast_entries("Ann Berg as Anna and Carl Holm as Jens") == [("Ann Berg", ["Anna"]),
                                                                          ("Carl Holm", ["Jens"])]
    assert parse_cast_entries("Ann Berg and Carl Holm as racer Jens Lund and his buddy, a mechanic") == [
        ("Ann Berg", ["Jens Lund"]), ("Carl Holm", [])]


def test_several_actors_on_one_line_each_with_a_role() -> None:
    items = [CastItem("Ann Berg (banker), Carl Holm (singer in tea house), Eva Lund, Ida Sand (baby)",
                      frozenset({"ann berg", "carl holm"}))]
    assert read_cast_list(items, CastContext()) == [("Ann Berg", ["banker"]), ("Carl Holm", ["singer in tea house"]),
                                                    ("Eva Lund", []), ("Ida Sand", ["baby"])]


def test_roles_keep_the_name_and_lose_the_description() -> None:
    assert clean_role("the bounty hunter Rask") == "Rask"
    assert clean_role("a young Maja Lund") == "young Maja Lund"
    assert clean_role("Leader of the Minstrels") == "Leader of the Minstrels"
    assert clean_role("Gian delle Torri") == "Gian delle Torri"
    assert clean_role("a schoolteacher aboard the hijacked train") is None
    assert prose_cast("He voiced Anna.", (), CastContext()) == []


def test_a_person_is_never_named_with_a_verb_or_a_role() -> None:
    assert is_person_name("Estela de Leon") and is_person_name("Sammy Lee Jr.") and is_person_name("宮崎駿")
    assert not is_person_name("Esther Lind makes a cameo appearance")
    assert not is_person_name("The main protagonist") and not is_person_name("others.")
    people = resolve_people(["Rumi Sato", "Rumi Sato as Chihiro"])
    assert people["Rumi Sato as Chihiro"] is people["Rumi Sato"]
    assert people["Rumi Sato"].name == "Rumi Sato" and people["Rumi Sato"].alternate_names == []


def test_stars_as_a_noun_is_no_cast() -> None:
    text = """{{Infobox film
| name = Harbour Lights
| director = [[Ola Dam]]
| starring = Ann Cole, and others
}}
'''Harbour Lights''' is a 1999 film. It stars [[Lina Holt]]. The jury included Bollywood stars [[Ray Hill]] and
[[Tom Fry]].
"""
    film = extract_film(parse_wikitext(text, source="https://en.wikipedia.org/wiki/Harbour_Lights"))
    assert sorted(film.people[m.person].name for m in film.cast) == ["Ann Cole", "Lina Holt"]


def test_characters_credit_their_voices() -> None:
    """A list of characters names an actor only where a line says so; a character's side may name an actor for
    each dub."""
    cast = _cast("""==Characters==
* '''Maja''' (voiced by [[Yui Sato]] (Japanese) and Ann Cole (English)): a spy who works for the clan.
* '''Jens''': the food taster of the clan, who plays the flute.

==Cast==
* Knut – [[Ken Abe]] (Japanese); [[Tom Fry]] (English)
* Rask – [[Dan Ito]]
""")
    assert cast == {"Yui Sato": ["Maja"], "Ann Cole": ["Maja"], "Ken Abe": ["Knut"], "Tom Fry": ["Knut"],
                    "Dan Ito": ["Rask"]}
    assert cast_table_entries(("Character", "Voice actor"), (("Maja\nTove", "Yui Sato"),)) == [
        ("Yui Sato", ["Maja", "Tove"])]


def test_a_name_in_parentheses_after_an_actor_is_no_role_unless_it_reads_as_one() -> None:
    items = [CastItem("Kim Lee (김리)"), CastItem("Ann Berg (Ann Lund)"), CastItem("Eva Lund (Mrs. Holm)")]
    assert read_cast_list(items, CastContext()) == [("Kim Lee", []), ("Ann Berg", []), ("Eva Lund", ["Mrs. Holm"])]


# ------------------------------------------------------------------------------------------------ stories


def _film(body: str, infobox: str = ""):
    text = f"{{{{Infobox film\n| name = Harbour Lights\n| director = [[Ola Dam]]\n{infobox}}}}}\n" \
           f"'''Harbour Lights''' is a 1999 film.\n\n{body}"
    return extract_film(parse_wikitext(text, source="https://en.wikipedia.org/wiki/Harbour_Lights"))


def test_a_story_names_each_credited_actors_character_in_brackets() -> None:
    film = _film("""==Plot==
In “Long Road,” Maja Lund (Lina Holt) arrives in Oslo. She meets apprentice chef Jon Moe (Per Vik), a boy from
Bergen (Eva Strand) and Reverend Holm (Nils Aas), and Maja (Lina Holt) stays.

==Cast==
* [[Lina Holt]]
* [[Per Vik]]
* Eva Strand
* [[Nils Aas]] as Reverend Knut Holm
""")
    cast = {film.people[m.person].name: m.characters for m in film.cast}
    # "a boy from Bergen": a place; "Reverend Holm" and "Maja" only shorten the parts the cast list names
    assert cast == {"Lina Holt": ["Maja Lund"], "Per Vik": ["Jon Moe"], "Eva Strand": [],
                    "Nils Aas": ["Reverend Knut Holm"]}


def test_a_bracketed_actor_spelled_another_way_is_the_credited_one_with_both_names() -> None:
    film = _film("""==Plot==
Guan Yue (Wu Mo Chou) marries Lu Jie (Wang Qian Yuan) and Lily meets Andrews (Sebastian Stiger).

==Cast==
* [[Wu Mochou]]
* [[Wang Qianyuan]]
* Sebastian Stigar
""")
    people = {film.people[m.person].name: (m.characters, film.people[m.person].alternate_names) for m in film.cast}
    assert people == {"Wu Mochou": (["Guan Yue"], ["Wu Mo Chou"]), "Wang Qianyuan": (["Lu Jie"], ["Wang Qian Yuan"]),
                      "Sebastian Stigar": (["Andrews"], ["Sebastian Stiger"])}


def test_an_uncredited_actor_in_brackets_counts_only_where_the_story_names_credited_actors_so() -> None:
    story = "Maja (Lina Holt) and Jon (Per Vik) meet Knut (Nils Aas) in Istanbul (Grand Bazaar)."
    cast = {film.people[m.person].name: m.characters
            for film in [_film(f"==Plot==\n{story}\n\n==Cast==\n* [[Lina Holt]]\n* [[Per Vik]]\n")]
            for m in film.cast}
    assert cast == {"Lina Holt": ["Maja"], "Per Vik": ["Jon"], "Nils Aas": ["Knut"]}
    alone = _film("==Plot==\nKnut (Nils Aas) meets Maja.\n\n==Cast==\n* [[Lina Holt]]\n")
    assert [alone.people[m.person].name for m in alone.cast] == ["Lina Holt"]


def test_brackets_outside_the_story_credit_nobody() -> None:
    film = _film("""==Cast==
* [[Lina Holt]] as Maja

==Sequels==
In the sequel the nephew John (Lina Holt) becomes Stuart (Per Vik).
""")
    assert {film.people[m.person].name: m.characters for m in film.cast} == {"Lina Holt": ["Maja"]}


def test_a_self_portrayal_is_the_part_as_written_and_a_work_in_italics_is_no_part_of_a_role() -> None:
    cast = _cast("""==Cast==
* [[Lina Holt]] as Herself/Jane in ''[[Leave It to Jane]]''
* [[Per Vik]] as Magnolia Hawks in ''Show Boat''/himself
* [[Eva Strand]] as Dance Specialty in ''Oh, Boy!'' and ''[[Leave It to Jane]]''
* [[Jon Moe]] as Frenchman in Saloon
""")
    assert cast == {"Lina Holt": ["Herself", "Jane"], "Per Vik": ["Magnolia Hawks", "Himself"],
                    "Eva Strand": ["Dance Specialty"], "Jon Moe": ["Frenchman in Saloon"]}


def test_a_credit_in_brackets_is_another_name_of_the_actor_and_a_name_after_the_role_another_part() -> None:
    film = _film("""==Cast==
* [[Lina Holt]] – Bert (as Lina Holt-Berg)
* [[Per Vik]] as Lady (Mrs. Betjeman)
* [[Nils Aas]] as Jens, a trader who hires Knut Moe (Carl Holm)
* [[Eva Strand]] as Maja (uncredited)
* Eddie Lund (Albert Edward Lund) as the bassoonist
""")
    found = {film.people[m.person].name: (m.characters, film.people[m.person].alternate_names) for m in film.cast}
    assert found == {"Lina Holt": (["Bert"], ["Lina Holt-Berg"]),
                     "Per Vik": (["Lady", "Mrs. Betjeman", "Lady (Mrs. Betjeman)"], []),
                     "Nils Aas": (["Jens"], []), "Eva Strand": (["Maja"], []),
                     "Eddie Lund": (["the bassoonist"], ["Albert Edward Lund"])}


def test_names_in_brackets_in_a_tables_actor_cell_are_the_actors_other_names() -> None:
    film = _film("""==Voice cast==
{| class="wikitable"
! Character !! Japanese !! English
|-
| Maja || [[Yui Sato]] || Dean Wein (Dean Elliot)
|-
| Jens || Ken Mori || [[Kevin Holm]]<br>(Jenny Haniver/Dougary Grant)
|-
| Knut || Aki Sato || Riva Spier (uncredited)
|}
""")
    names = {film.people[m.person].name: film.people[m.person].alternate_names for m in film.cast}
    assert names == {"Yui Sato": [], "Dean Wein": ["Dean Elliot"], "Ken Mori": [],
                     "Kevin Holm": ["Jenny Haniver", "Dougary Grant"], "Aki Sato": [], "Riva Spier": []}


def test_a_list_a_paragraph_introduces_as_the_people_shown_is_cast() -> None:
    film = _film("""Interviewees featured in the documentary include:
*[[Lina Holt]]
*[[Startup Inc|Per Vik]], a founder

==Production==
The crew was:
*Eva Strand
""")
    assert [(film.people[m.person].name, m.characters) for m in film.cast] == [("Lina Holt", []), ("Per Vik", [])]


def test_a_list_whose_items_start_with_two_credited_actors_is_cast() -> None:
    film = _film("""The women are:
* Lina Holt, 74, a painter from Bergen,
* Ida Sand, 88, born in Oslo,
* Eva Strand, 76, who moved to Oslo,
* Oslo, the city
""", "| starring = Lina Holt<br />Ida Sand\n")
    assert [film.people[m.person].name for m in film.cast] == ["Lina Holt", "Ida Sand", "Eva Strand"]
    other = _film("Its stops:\n* Lina Holt Street\n* Ida Sand Park\n", "| starring = Lina Holt<br />Ida Sand\n")
    assert [other.people[m.person].name for m in other.cast] == ["Lina Holt", "Ida Sand"]


def test_a_role_keeps_the_full_stop_of_an_abbreviation_and_its_generational_suffix() -> None:
    cast = _cast("""==Cast==
* [[Lina Holt]] – Dr. Maja Lund Ph.D. (Jens's teacher)
* [[Per Vik]] as Robert "Rocky" Lund, Sr.
* [[Eva Strand]] as Anna, a nurse.
""")
    assert cast == {"Lina Holt": ["Dr. Maja Lund Ph.D."], "Per Vik": ['Robert "Rocky" Lund, Sr.'],
                    "Eva Strand": ["Anna"]}


def test_a_part_another_section_names_shorter_is_the_same_part() -> None:
    cast = _cast("""==Cast==
* [[Lina Holt]] as Commissioner Maja Gordon

===Production===
[[Lina Holt]] plays Commissioner Gordon.

==Reception==
The cast was praised.
""")
    assert cast == {"Lina Holt": ["Commissioner Maja Gordon"]}


def test_a_casting_story_reads_debuts_small_scenes_and_actors_behind_an_aside() -> None:
    film = _film("""==Production==
===Casting===
Though uncredited, [[Carl Holm]], who would later gain fame on television, made his acting debut as a bodyguard.
[[Eva Lund]], then a news anchor in Oslo and later in Bergen, has a small scene as a news reporter.
[[Tom Hill]], founder of a small film company, appears as a drunk.
[[Ida Krog]], a former model, was originally to play the nurse.
""")
    cast = {film.people[m.person].name: list(m.characters) for m in film.cast}
    assert cast == {"Carl Holm": ["bodyguard"], "Eva Lund": ["news reporter"], "Tom Hill": ["drunk"]}
