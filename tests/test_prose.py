"""Sentence finders of the prose reader, one sentence at a time."""

from __future__ import annotations

from filmgraph.extract import prose
from filmgraph.model import AwardResult, PartialDate


def test_sentences_split_after_abbreviations_only_at_real_ends() -> None:
    assert prose.split_sentences("It opened on 10 April 2025. Dr. No won Best Film.") == [
        "It opened on 10 April 2025.", "Dr. No won Best Film."]


def test_amounts_keep_their_currency() -> None:
    assert prose.parse_amount("$10 million")[:2] == (10_000_000.0, "USD")
    assert prose.parse_amount("DKK 25 million")[:2] == (25_000_000.0, "DKK")


def test_filming_places_share_the_stated_month() -> None:
    found = prose.find_filming("Filming took place in Copenhagen and Aarhus in March 2023.")
    assert [(f.place.name, f.start, f.end) for f in found] == [
        ("Copenhagen", PartialDate(2023, 3), PartialDate(2023, 3)),
        ("Aarhus", PartialDate(2023, 3), PartialDate(2023, 3))]


def test_awards_bind_to_the_body_of_their_sentence() -> None:
    awards, _ = prose.find_awards("It won Best Film and was nominated for Best Score at the 12th Bodil Awards.",
                                  "Some Film")
    assert [(a.category, a.result, a.body) for a in awards] == [
        ("Best Film", AwardResult.WON, "Bodil Awards"), ("Best Score", AwardResult.NOMINATED, "Bodil Awards")]


def test_short_festival_names_are_canonical() -> None:
    assert prose.canonical_event("the 2024 Berlinale") == "Berlin International Film Festival"
    assert prose.is_event_name("Venice")
