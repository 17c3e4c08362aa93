"""One real person is one key; two people are never one."""

from __future__ import annotations

from filmgraph.extract.names import clean_name, resolve_people, split_names


def test_split_names_on_commas_and_and() -> None:
    assert split_names("Ann Berg, Carl Holm and Eva Lund") == ["Ann Berg", "Carl Holm", "Eva Lund"]


def test_clean_name_drops_links_and_notes() -> None:
    assert clean_name("[[Mads Mikkelsen]] (uncredited)") == "Mads Mikkelsen"


def test_diacritics_merge_and_different_first_names_do_not() -> None:
    people = resolve_people(["Zoë Ağaoğlu", "Zoe Agaoglu", "Ann Berg", "Anna Berg"])
    assert people["Zoe Agaoglu"].key == people["Zoë Ağaoğlu"].key == "zoe-agaoglu"
    assert people["Zoe Agaoglu"].name == "Zoë Ağaoğlu"
    assert people["Ann Berg"].key != people["Anna Berg"].key


def test_suffixes_stay_with_their_name_and_spaced_spellings_merge() -> None:
    assert split_names("John Doe, Jr., Ann Berg") == ["John Doe, Jr.", "Ann Berg"]
    people = resolve_people(["Aliraj", "Ali Raj", "Anna K. Berg", "Anna Berg"])
    assert people["Aliraj"] is people["Ali Raj"] and people["Ali Raj"].name == "Ali Raj"
    assert people["Anna Berg"] is people["Anna K. Berg"]


def test_companies_split_only_between_companies() -> None:
    from filmgraph.extract.infobox import parse_organizations

    assert [o.name for o in parse_organizations(("Sun and Moon Pictures",))] == ["Sun and Moon Pictures"]
    assert [o.name for o in parse_organizations(("Nimbus Films & Zentropa Studios",))] == [
        "Nimbus Films", "Zentropa Studios"]


def test_a_full_name_written_with_and_without_a_space_is_one_person() -> None:
    people = resolve_people(["Wu Mochou", "Wu Mo Chou", "Li Na", "Lin A"])
    person = people["Wu Mochou"]
    assert person is people["Wu Mo Chou"] and {person.name, *person.alternate_names} == {"Wu Mochou", "Wu Mo Chou"}
    assert people["Li Na"] is not people["Lin A"]  # the same letters, split elsewhere: two names


def test_of_two_spellings_alike_but_for_a_hyphen_the_hyphenated_names_the_person() -> None:
    people = resolve_people(["Jonathan Rhys Meyers", "Jonathan Rhys-Meyers"])
    assert people["Jonathan Rhys Meyers"].name == "Jonathan Rhys-Meyers"
    assert people["Jonathan Rhys Meyers"].alternate_names == ["Jonathan Rhys Meyers"]


def test_a_name_the_text_spells_like_one_credited_persons_is_another_of_their_names() -> None:
    from filmgraph import extract_film
    from filmgraph.read.wikitext import parse_wikitext

    film = extract_film(parse_wikitext(
        "{{Infobox film\n| name = Harbour Lights\n| director = Ujjal Chatterjee\n| music = Berny Ignatious\n"
        "| starring = Anna Berg<br>Anne Bergen\n}}\n'''Harbour Lights''' is a 2013 film.\n\n==Reception==\n"
        "Critics praised the direction of Ujjan Chatterjee, the songs of [[Berny Ignatius]] and Anna Bergs' "
        "acting, not Ujjal Chatterjee's story. Anne Berg was not in it.\n", source=""))
    names = {person.name: person.alternate_names for person in film.people.values()}
    assert names == {"Ujjal Chatterjee": ["Ujjan Chatterjee"], "Berny Ignatious": ["Berny Ignatius"],
                     "Anna Berg": [], "Anne Bergen": []}


def _chain(size: int) -> list[str]:
    """Names each one letter from the one before: "Caaaaaaaaa Bbbbbbbbbb", "Caaaaaaaaa Bcbbbbbbbb", …"""
    letters, names = list("Aaaaaaaaaa Bbbbbbbbbb"), []
    for number in range(size):
        at = number % 10 + (11 if number % 2 else 0)
        letters[at] = chr(ord("c") + number // 10)
        names.append("".join(letters))
    return names


def test_names_one_letter_apart_never_chain_into_one_person() -> None:
    names = _chain(50)
    people = resolve_people(names)
    persons = {id(person): person for person in people.values()}.values()
    assert len(persons) >= 25  # at most pairs: never the chain
    for person in persons:  # every name of a person is every other one's but for a letter
        written = [person.name, *person.alternate_names]
        assert all(sum(x != y for x, y in zip(a, b, strict=True)) <= 1 for a in written for b in written), written


def test_a_name_one_letter_from_every_spelling_of_a_person_is_theirs() -> None:
    people = resolve_people(["Sebastian Stiger", "Sebastian Stigar", "Sebastien Stiger", "Sebastien Stigor"])
    assert people["Sebastian Stiger"] is people["Sebastian Stigar"]  # one letter apart: one person
    # One letter from "Sebastian Stiger" but two from "Sebastian Stigar": another person, and so is the name one
    # letter from it.
    assert people["Sebastien Stiger"] is not people["Sebastian Stiger"]
    assert people["Sebastien Stigor"] is people["Sebastien Stiger"]
