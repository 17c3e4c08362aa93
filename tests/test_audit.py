"""The plausibility audit (filmgraph.audit): each rule on small hand-made films, a flagged case and a near miss
that is not flagged, and the audit of the real pages of tests/corpus/ counted by kind."""

from __future__ import annotations

from pathlib import Path

from filmgraph.audit import Kind, audit, audit_film
from filmgraph.model import (
    Article,
    AwardResult,
    CastMember,
    Film,
    Nomination,
    Nominee,
    Organization,
    Person,
    PersonRef,
    Section,
    Work,
)

CORPUS = Path(__file__).parent / "corpus"
SHARED = Path(__file__).parents[2] / "shared" / "corpus" / "annotated"


def _film(cast: list[tuple[str, list[str]]] = (), crew: dict[str, list[str]] | None = None,
          nominations: list[Nomination] = (), links: dict[str, str] | None = None,
          person_links: dict[str, str] | None = None, title: str = "Heat") -> Film:
    """A film of these cast members (actor, characters), crew (field → names) and nominations; people are
    keyed by their names."""
    film = Film(title, "urn:test", links=links or {})
    names = [actor for actor, _ in cast] + [name for names in (crew or {}).values() for name in names]
    film.people = {name: Person(name, name, link=(person_links or {}).get(name)) for name in names}
    film.cast = [CastMember(actor, list(characters)) for actor, characters in cast]
    for field, people in (crew or {}).items():
        setattr(film, field, [PersonRef(name) for name in people])
    film.nomination = list(nominations)
    return film


def _flags(film: Film, article: Article | None = None, wikitext: str | None = None) -> list[tuple[Kind, str]]:
    return [(flag.kind, flag.value) for flag in audit_film(film, article, wikitext=wikitext)]


def _kinds(film: Film, article: Article | None = None, wikitext: str | None = None) -> list[Kind]:
    return [kind for kind, _ in _flags(film, article, wikitext)]


def _article(*sections: Section, lead: tuple[str, ...] = ()) -> Article:
    return Article("Heat", "urn:test", lead=lead, sections=sections, where="heat.wiki")


# ------------------------------------------------------------------------- a person named like a character


def test_an_actor_named_like_another_members_character_is_flagged() -> None:
    film = _film([("Nora Aunor", ["Elsa"]), ("Mrs. Alba", ["Veronica Palileo"]), ("Gigi Dueñas", ["Mrs. Alba"])])
    assert _flags(film) == [(Kind.CHARACTER_LIKE_PERSON, "'Mrs. Alba' (the character of Gigi Dueñas)")]


def test_an_actor_whose_name_is_no_character_is_not_flagged() -> None:
    assert _flags(_film([("Mrs. Alba", ["Elsa"]), ("Gigi Dueñas", ["Nimia"])])) == []


def test_a_swapped_cast_line_is_one_flag_not_two() -> None:
    film = _film([("Howard Keel", ["Adam"]), ("Adam", ["Howard Keel"])])
    assert _flags(film) == [(Kind.CHARACTER_LIKE_PERSON, "'Adam' and 'Howard Keel' each play the other")]


def test_two_people_of_one_name_one_playing_himself_are_not_character_like() -> None:
    film = _film([("Dileep", [])])
    film.people["Dileep 2"] = Person("Dileep 2", "Dileep")
    film.cast.append(CastMember("Dileep 2", ["Dileep"]))
    article = _article(Section("Cast", 2, lists=(("Dileep as Dileep",),)))
    assert _flags(film, article) == []


def test_a_person_named_himself_is_flagged() -> None:
    film = _film([("Himself", ["Potenciano de Guzman"])])
    assert _kinds(film) == [Kind.CHARACTER_LIKE_PERSON]
    assert _kinds(_film([("Potenciano de Guzman", ["Himself"])])) == []


# ------------------------------------------------------------------------------ a name like a sentence


def test_a_person_named_like_a_sentence_is_flagged_once() -> None:
    film = _film([("Director Hal Needham appears uncredited", ["the ambulance EMT"])])
    assert _flags(film) == [(Kind.SENTENCE_LIKE_NAME,
                             "person 'Director Hal Needham appears uncredited' (cast)")]


def test_a_person_with_as_or_more_than_six_words_is_a_sentence() -> None:
    assert _kinds(_film([("Rumi Hiiragi as Chihiro", [])])) == [Kind.SENTENCE_LIKE_NAME]
    assert _kinds(_film([("Charles Middleton, Chester Gan, Richard Loo, Kam Tong", [])])) == [Kind.SENTENCE_LIKE_NAME]


def test_a_long_name_without_a_verb_is_a_name() -> None:
    assert _flags(_film([("Sheriff Joe Arpaio", []), ("José María de la Fuente", [])])) == []


def test_a_character_that_is_a_cast_line_or_opens_with_a_name_and_a_verb_is_flagged() -> None:
    film = _film([("Howard Keel", ["Adam", "Jane Powell as Milly"]), ("Ruta Lee", ["Ruta Lee enjoyed a long career"])])
    assert _flags(film) == [(Kind.SENTENCE_LIKE_NAME, "character 'Jane Powell as Milly' of Howard Keel"),
                            (Kind.SENTENCE_LIKE_NAME, "character 'Ruta Lee enjoyed a long career' of Ruta Lee")]


def test_a_character_described_with_a_verb_is_not_a_sentence() -> None:
    film = _film([("Ted Raimi", ["Skeleton voices", "Man who was shot"]),
                  ("Eric Idle", ["Sir Robin the Brave-as-Lancelot"])])
    assert _flags(film) == []


# ------------------------------------------------------------------------ an actor named as their character


def test_an_actor_named_as_their_character_is_flagged() -> None:
    film = _film([("Gardener", ["Gardener"])])
    assert _flags(film, _article(Section("Cast", 2, tables=()))) == [(Kind.ACTOR_AS_CHARACTER, "'Gardener'")]


def test_an_actor_the_page_says_plays_himself_is_not_flagged() -> None:
    film = _film([("Regis Philbin", ["Regis Philbin"]), ("Dinah Shore", ["Dinah Shore"])])
    article = _article(Section("Cast", 2, lists=(("Regis Philbin as Regis Philbin", "Dinah Shore as Herself"),)))
    assert _flags(film, article) == []


# ----------------------------------------------------------------------------- a crew member as a character


def test_a_character_named_like_a_crew_member_is_flagged() -> None:
    film = _film([("Carl Holm", ["Ann Berg"])], crew={"director": ["Ann Berg"]})
    assert _flags(film) == [(Kind.CREW_AS_CHARACTER, "'Ann Berg' (director) played by Carl Holm")]


def test_a_character_sharing_only_a_surname_or_linked_to_the_crew_members_page_is_not_flagged() -> None:
    assert _flags(_film([("Carl Holm", ["Berg"])], crew={"director": ["Ann Berg"]})) == []
    # A biopic: the page links the character to the composer's own page.
    film = _film([("Robert Walker", ["Jerome Kern"])], crew={"composer": ["Jerome Kern"]},
                 links={"jerome kern": "Jerome Kern"}, person_links={"Jerome Kern": "Jerome Kern"})
    assert _flags(film) == []


def test_a_crew_member_playing_themself_is_no_crew_as_character() -> None:
    film = _film([("Ann Berg", ["Ann Berg"])], crew={"director": ["Ann Berg"]})
    assert _kinds(film, _article(Section("Cast", 2, lists=(("Ann Berg as herself",),)))) == []


# ------------------------------------------------------------------------------------ a company as a person


def test_a_company_credited_as_a_person_is_flagged() -> None:
    film = _film(crew={"producer": ["Nimbus Film Productions", "Eros International", "Ann Berg"]})
    assert _flags(film) == [(Kind.COMPANY_AS_PERSON, "'Nimbus Film Productions' (producer)"),
                            (Kind.COMPANY_AS_PERSON, "'Eros International' (producer)")]


def test_a_company_credited_as_a_company_is_not_flagged() -> None:
    film = _film(crew={"producer": ["Ann Berg"]})
    film.production_company = [Organization("Nimbus Film Productions")]
    assert _flags(film) == []


# --------------------------------------------------------------------------- a category named like a body


def test_a_category_equal_to_its_body_is_flagged() -> None:
    film = _film(nominations=[Nomination("Blue Ribbon Awards", "Blue Ribbon"),
                              Nomination("Robert Awards", "Best Film")])
    assert _flags(film) == [(Kind.CATEGORY_AS_BODY, "'Blue Ribbon Awards / Blue Ribbon' (its own body)")]


def test_a_category_named_like_another_body_of_the_film_is_flagged() -> None:
    film = _film(nominations=[Nomination("Golden Globe Awards", "Academy Award"),
                              Nomination("Academy Awards", "Best Art Direction")])
    assert _kinds(film) == [Kind.CATEGORY_AS_BODY]


def test_an_organisations_award_is_no_category() -> None:
    film = _film(nominations=[Nomination("Grammy Awards", "Los Angeles Film Critics Association Award"),
                              Nomination("Los Angeles Film Critics Association", "Best Actor"),
                              Nomination("Saturn Awards", "Best Fantasy Film")])
    assert _kinds(film) == [Kind.CATEGORY_AS_BODY]


def test_a_category_the_page_gives_categories_of_its_own_is_flagged() -> None:
    film = _film(nominations=[Nomination("", "Golden Raspberry Award", sources=["Reception"]),
                              Nomination("Asia Pacific Screen Awards", "Viewer's Choice Award", sources=["Reception"])])
    article = _article(Section("Reception", 2, paragraphs=(
        "Ann Berg was nominated for a Golden Raspberry Award for Worst Actress.",
        "It won the Viewer's Choice Award for the Best Film of All Time at the Asia Pacific Screen Awards.")))
    assert _flags(film, article) == [(Kind.CATEGORY_AS_BODY,
                                      "'(no body) / Golden Raspberry Award' (the page gives it categories of its own)")]


# ------------------------------------------------------------------------ a category without its body


def test_a_category_without_the_body_it_has_elsewhere_is_flagged() -> None:
    film = _film(nominations=[Nomination("", "Best Director"), Nomination("Academy Awards", "Best Director")])
    assert _flags(film) == [(Kind.CATEGORY_WITHOUT_BODY, "'Best Director' (also under 'Academy Awards')")]


def test_a_category_without_a_body_where_its_sentence_names_one_is_flagged() -> None:
    film = _film(nominations=[Nomination("", "Best Song", AwardResult.WON, sources=["Accolades"])])
    article = _article(Section("Accolades", 2, paragraphs=(
        "The film received six nominations at the 1996 MTV Movie Awards. However, it won one, Best Song.",)))
    assert _flags(film, article) == [(Kind.CATEGORY_WITHOUT_BODY, "'Best Song' (the page names 'MTV Movie Awards')")]


def test_a_category_without_a_body_where_the_page_names_none_is_not_flagged() -> None:
    film = _film(nominations=[Nomination("", "Best Song", sources=["Accolades"]),
                              Nomination("", "Golden Screen Award", AwardResult.WON, sources=["Accolades"])])
    article = _article(Section("Accolades", 2, paragraphs=(
        "The film was nominated for Best Song. It won the Academy Award for Best Sound.",
        "It was awarded the Golden Screen Award in Germany.")))
    assert _flags(film, article) == []
    assert _flags(film) == []


# ----------------------------------------------------------------------------------- a win of another work


def test_a_win_whose_sentence_gives_it_to_another_work_is_flagged() -> None:
    film = _film(nominations=[Nomination("Academy Awards", "Best Actress", AwardResult.WON)], title="Rocky")
    wikitext = "At the 49th Academy Awards, ''[[Network (1976 film)|Network]]'' won [[Best Actress]].<ref>x</ref>"
    assert _kinds(film, wikitext=wikitext) == [Kind.WIN_OF_ANOTHER_WORK]


def test_a_win_whose_category_is_a_title_in_italics_is_flagged() -> None:
    film = _film(nominations=[Nomination("", "On Golden Pond", AwardResult.WON)], title="The Cannonball Run")
    wikitext = ("It earned $72 million, behind ''[[Superman II]]'' and "
                "''[[On Golden Pond (1981 film)|On Golden Pond]]''.")
    assert _kinds(film, wikitext=wikitext) == [Kind.WIN_OF_ANOTHER_WORK]


def test_a_win_whose_sentence_gives_it_to_a_song_is_flagged_unless_the_song_is_its_recipient() -> None:
    wikitext = ("[[Fred Neil]]'s song \"[[Everybody's Talkin']]\" won a Grammy Award for Best Contemporary Vocal "
                "Performance.")
    film = _film(nominations=[Nomination("Grammy Awards", "Best Contemporary Vocal Performance", AwardResult.WON)])
    assert _kinds(film, wikitext=wikitext) == [Kind.WIN_OF_ANOTHER_WORK]
    film.nomination[0].nominees = [Nominee(work=Work("Everybody's Talkin'"))]
    assert _kinds(film, wikitext=wikitext) == []


def test_a_won_category_in_italics_that_the_page_does_not_link_is_no_title() -> None:
    film = _film(nominations=[Nomination("Cannes Film Festival", "Prix du Public", AwardResult.WON)])
    assert _kinds(film, wikitext="At [[Cannes Film Festival|Cannes]] it won the ''Prix du Public''.") == []


def test_a_win_the_sentence_gives_to_the_film_itself_is_not_flagged() -> None:
    film = _film(nominations=[Nomination("Academy Awards", "Best Picture", AwardResult.WON),
                              Nomination("Academy Awards", "Best Actress")], title="Rocky")
    wikitext = "''Rocky'' won [[Best Picture]], while ''Network'' won Best Actress."
    assert _kinds(film, wikitext=wikitext) == []


# ------------------------------------------------------------------------------------- edges of names


def test_a_quote_edged_or_empty_name_is_flagged() -> None:
    film = _film([('"Ann Berg', ["Elsa)"])], nominations=[Nomination("Indie Horror Film Festival", "Best Comedy'"),
                                                          Nomination("Robert Awards", "")])
    assert _kinds(film) == [Kind.EDGED_NAME] * 4


def test_quotes_and_brackets_that_close_are_not_edges() -> None:
    film = _film([('"Weird Al" Yankovic', ["Dorcas' Father", "Rod \"Torque\" Redline", "Eve (young)"])])
    assert _flags(film) == []


# -------------------------------------------------------------------------------------- the real corpus

def test_the_corpus_has_no_implausible_fact() -> None:
    """Every film page of tests/corpus/ (82) and the shared annotated pages: no fact a careful reader would reject
    (`python benchmarks/audit.py tests/corpus` lists any)."""
    folders = [CORPUS] + ([SHARED] if SHARED.is_dir() else [])
    results = list(audit(folders))
    assert sum(1 for r in results if not r.error and not r.skipped) == 82 + (5 if SHARED.is_dir() else 0)
    flags = [str(flag) for result in results for flag in result.flags]
    assert flags == []
