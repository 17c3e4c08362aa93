"""Shared reference tables: each defined once, read by every stage."""

from __future__ import annotations

from filmgraph import reference


def test_countries_languages_and_demonyms_carry_their_items() -> None:
    denmark = reference.country("Denmark")
    assert (denmark.name, denmark.qid) == ("Denmark", "Q35")
    assert reference.country_of_demonym("Danish").qid == "Q35"
    assert reference.language("Danish").code == "da"


def test_month_and_result_words() -> None:
    assert reference.MONTH_NAMES[9] == "September"
    assert reference.MONTH_NUMBERS["sept"] == reference.MONTH_NUMBERS["sep"] == 9
    assert reference.WIN_WORDS < reference.RESULT_WORDS


def test_ceremonies_and_festivals() -> None:
    assert reference.is_ceremony("the 43rd Robert Awards") and not reference.is_ceremony("Robert Awards")
    assert reference.strip_ordinal("2025 Cannes Film Festival") == "Cannes Film Festival"
    assert reference.festival_names()["berlinale"] == "Berlin International Film Festival"
    assert reference.WIKILINK_RE.sub(r"\1", "[[Mads Mikkelsen|Mikkelsen]] and [[Ann Berg]]") == "Mikkelsen and Ann Berg"
