"""Cast lists written the way other editors write them: voice credits under a character, definition lists, a comma
or a colon between actor and part, a linked part in brackets, and "It stars A as X, B as Y" in a sentence. Each
spelling must give each actor their parts, and never a label, a description or a character as an actor."""

from __future__ import annotations

from filmgraph import extract_film
from filmgraph.read.wikitext import parse_wikitext


def _cast(body: str, lead: str = "") -> dict[str, list[str]]:
    text = ("{{Infobox film\n| name = Harbour Lights\n| director = [[Ola Dam]]\n| starring = [[Tom Hill]]\n}}\n"
            f"'''Harbour Lights''' is a 1999 film. {lead}\n\n{body}")
    film = extract_film(parse_wikitext(text, source="https://en.wikipedia.org/wiki/Harbour_Lights"))
    return {film.people[m.person].name: m.characters for m in film.cast}


def test_voice_credits_under_a_character_line() -> None:
    """"* Maja" with "*: Voiced by: A (Japanese); B (English)" below: Maja is the part, A and B its actors; the
    label is no part and the character no actor."""
    cast = _cast("""==Cast==
* Maja Lund
*: Voiced by: [[Ann Berg]] (Japanese); [[Eva Lund]] (English)
* '''Jens''' – a sullen ten-year-old boy
*: {{Anime voices|[[Carl Webb]]|[[Mia Ross]]}}
* '''Old Knut'''
** Japanese: [[Ida Sand]]
** English: [[Per Vik]]
""")
    assert cast == {"Tom Hill": [], "Ann Berg": ["Maja Lund"], "Eva Lund": ["Maja Lund"], "Carl Webb": ["Jens"],
                    "Mia Ross": ["Jens"], "Ida Sand": ["Old Knut"], "Per Vik": ["Old Knut"]}


def test_each_language_keeps_its_actor() -> None:
    """A second language's actor is cast too: "voiced by A in Japanese and B in English", "A (Japanese) and B
    (English) as X", "A / B as X"."""
    cast = _cast("""==Cast==
* '''Maja''' (voiced by [[Ann Berg]] in Japanese and [[Eva Lund]] in English)
* [[Carl Webb]] (Japanese) and [[Mia Ross]] (English) as Jens
* [[Ida Sand]] / Per Vik (Per V. Vik) as Old Knut
""")
    assert cast == {"Tom Hill": [], "Ann Berg": ["Maja"], "Eva Lund": ["Maja"], "Carl Webb": ["Jens"],
                    "Mia Ross": ["Jens"], "Ida Sand": ["Old Knut"], "Per Vik": ["Old Knut"]}


def test_a_linked_part_in_brackets_or_after_a_colon() -> None:
    """"A ([[Part]])", "A: [[Part one]]/[[Part two]]", "A: a customs officer", "A: [[Part]], a mole": the part, as
    "A (Part)" and "A – a customs officer" give it; "A: plays the lead" names no part."""
    cast = _cast("""==Cast==
* [[Tom Hill]] ([[Sam Spade (character)|Sam Spade]])
* [[Carl Webb]]: [[Joe Bloggs]]/[[The Bartender (character)|The Bartender]]
* [[Mia Ross]]: a Greek customs officer
* [[Ida Sand]]: [[The Underminer]], a mole-like supervillain.
* [[Per Vik]]: plays the lead
""")
    assert cast == {"Tom Hill": ["Sam Spade"], "Carl Webb": ["Joe Bloggs", "The Bartender", "Joe Bloggs/The Bartender"],
                    "Mia Ross": ["Greek customs officer"], "Ida Sand": ["The Underminer"], "Per Vik": []}


def test_a_comma_between_actor_and_part() -> None:
    """A list that parts actor and part with a comma: the character is no actor, and a description after the comma
    is the part ("[[Carl Webb]], a bartender"), on any line; a line of actors alone stays a line of actors."""
    cast = _cast("""==Cast==
* [[Tom Hill]], [[Sam Spade (character)|Sam Spade]]
* [[Eva Lund]], Kate
** [[Ida Sand]], Young Kate.
* [[Carl Webb]], a bartender
""")
    assert cast == {"Tom Hill": ["Sam Spade"], "Eva Lund": ["Kate"], "Ida Sand": ["Young Kate"],
                    "Carl Webb": ["bartender"]}
    assert _cast("==Cast==\n* [[Eva Lund]] as Kate\n* [[Carl Webb]], [[Mia Ross]] and [[Per Vik]]\n") == {
        "Tom Hill": [], "Eva Lund": ["Kate"], "Carl Webb": [], "Mia Ross": [], "Per Vik": []}


def test_a_definition_list_cast() -> None:
    """";[[Actor]]" over ": Part", "; Part" over ": Voiced by: …", ";Actor as Part" over a description; a term that
    heads part of the cast ("Main cast") or a character described ("; Kate" over ": A detective …") casts nobody."""
    cast = _cast("""==Cast==
;[[Eva Lund]]
: Kate
;[[Carl Webb]]
: a Greek customs officer
; Haku
: Voiced by: [[Mia Ross]] (Japanese); [[Per Vik]] (English)
: A boy who can turn into a dragon.
;[[Ida Sand]] as Maja
: A detective who drinks.
; Jens
: A fisherman who lives by the harbour.
;Main cast
: [[Ola Berg]]
""")
    assert cast == {"Tom Hill": [], "Eva Lund": ["Kate"], "Carl Webb": ["Greek customs officer"], "Mia Ross": ["Haku"],
                    "Per Vik": ["Haku"], "Ida Sand": ["Maja"]}


def test_it_stars_a_as_x_in_the_lead_and_in_a_cast_section() -> None:
    """"It stars A as X, B as Y, and C as Z": each actor with the part, C too; "with B as Y … in supporting roles",
    "A and B as X and Y, respectively" and "A (X), B (Y)" the same; "as the champion, [[Name]]" names the part, no
    actor; "as a cop" describes the part in the lead and names none."""
    lead = "It stars [[Tom Hill]] as Sam, [[Eva Lund]] as Kate, and [[Carl Webb]] as the champion, [[Joe Bloggs]]."
    assert _cast("", lead) == {"Tom Hill": ["Sam"], "Eva Lund": ["Kate"], "Carl Webb": ["Joe Bloggs"]}
    lead = "It stars [[Tom Hill]] as a cop and [[Eva Lund]] as a thief."
    assert _cast("", lead) == {"Tom Hill": [], "Eva Lund": []}
    cast = _cast("==Cast==\nThe film stars [[Tom Hill]] as Sam, with [[Eva Lund]] as Kate and [[Carl Webb]] as Joe in"
                 " supporting roles.\n")
    assert cast == {"Tom Hill": ["Sam"], "Eva Lund": ["Kate"], "Carl Webb": ["Joe"]}
    cast = _cast("==Cast==\nThe film stars [[Eva Lund]] and [[Carl Webb]] as Kate and Joe, respectively.\n")
    assert cast == {"Tom Hill": [], "Eva Lund": ["Kate"], "Carl Webb": ["Joe"]}
    cast = _cast("==Cast==\nThe film stars [[Eva Lund]] (Kate), [[Carl Webb]] (Joe) and [[Mia Ross]] (Sam).\n")
    assert cast == {"Tom Hill": [], "Eva Lund": ["Kate"], "Carl Webb": ["Joe"], "Mia Ross": ["Sam"]}


def test_a_dub_actor_keeps_the_name_the_credits_give_them() -> None:
    """"[[A]] (Japanese); B (B's credit name) (English)": B's credit name is another name of B, never a note."""
    text = ("{{Infobox film\n| name = Harbour Lights\n}}\n'''Harbour Lights''' is a 1999 film.\n\n==Cast==\n"
            "* '''Maja''' – [[Ann Berg]] (Japanese); [[Eva Lund]] (Eva Day) (English)\n"
            "* [[Tom Hill]] / Carl Webb (Jenny Haniver/Dougary Grant) as Jens\n")
    film = extract_film(parse_wikitext(text, source="https://en.wikipedia.org/wiki/Harbour_Lights"))
    people = {film.people[m.person].name: (m.characters, film.people[m.person].alternate_names) for m in film.cast}
    assert people == {"Ann Berg": (["Maja"], []), "Eva Lund": (["Maja"], ["Eva Day"]), "Tom Hill": (["Jens"], []),
                      "Carl Webb": (["Jens"], ["Jenny Haniver", "Dougary Grant"])}


def test_casting_news_casts_only_where_no_list_does() -> None:
    """A casting story's parts given ("was cast as", "joined the cast as", "signed on to play", "the role of X went
    to") cast a page that lists no cast; never a part planned, lost, auditioned for or in another work; and where a
    cast list says who plays whom, the story's news is left to it."""
    story = """==Production==
===Casting===
[[Carl Webb]] was cast as Joe in March 2004. [[Mia Ross]] joined the cast as Kate. [[Per Vik]] signed on to play Knut.
The role of Maja went to [[Ida Sand]]. [[Ola Berg]] was originally cast as Jens, but was replaced by [[Jon Moe]].
[[Eva Lund]] was considered for the role of Kate. [[Lina Holt]] auditioned for Maja. [[Nils Aas]] was cast as Joe in
the sequel.
"""
    assert _cast(story) == {"Tom Hill": [], "Carl Webb": ["Joe"], "Mia Ross": ["Kate"], "Per Vik": ["Knut"],
                            "Ida Sand": ["Maja"]}
    assert _cast("==Cast==\n* [[Carl Webb]] as Jens\n\n" + story) == {"Tom Hill": [], "Carl Webb": ["Jens"]}
