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


def _awards(sentence: str) -> tuple[list[tuple[str, str, str]], list[tuple[str, int]]]:
    awards, tallies = prose.find_awards(sentence, "Heat")
    return [(a.body, a.category, a.result.value) for a in awards], [(t.body, t.wins) for t in tallies]


def test_a_prize_before_nomination_is_the_body_and_never_a_win() -> None:
    assert _awards("His performance earned him a Golden Globe nomination for Best Actor.") == (
        [("Golden Globe Awards", "Best Actor", "nominated")], [])


def test_the_body_after_by_is_not_part_of_the_category() -> None:
    assert _awards("It was nominated for Best Director by the Directors Guild of America.") == (
        [("Directors Guild of America", "Best Director", "nominated")], [])


def test_won_three_oscars_is_a_count_not_a_category() -> None:
    assert _awards("The film won three Oscars.") == ([], [("Academy Awards", 3)])
    assert _awards("Her absence is felt, since the three-time Oscar winner sang.") == ([], [])


def test_quoted_titles_and_other_clauses_state_no_award() -> None:
    assert _awards('It was No. 9 on "The Top 10 Worst Pictures to Win Best Picture Oscar".') == ([], [])
    found, _ = _awards("The Guild awarded it its annual award in 1976, and in 2006 its screenplay was selected for "
                       "the Writers Guild of America Award as the 78th best screenplay.")
    assert not [f for f in found if f[2] == "won"]


def test_award_years_in_brackets_or_after_the_festival() -> None:
    awards, _ = prose.find_awards("It won the Saturn Award for Best Horror Film (1994).", "Heat")
    assert [(a.category, a.date.isoformat()) for a in awards] == [("Best Horror Film", "1994")]
    awards, _ = prose.find_awards("It won the Golden Raven at the Brussels Festival of Fantasy Film in 1993.", "Heat")
    assert [(a.body, a.category, a.date.isoformat()) for a in awards] == [
        ("Brussels Festival of Fantasy Film", "Golden Raven", "1993")]


def test_money_ranges_and_indian_scales() -> None:
    range_ = prose.quantity_of("$10–12 million", unit_by_currency=True)
    assert (range_.amount, range_.lower_bound, range_.upper_bound) == (11e6, 10e6, 12e6)
    assert prose.quantity_of("₹ 2.5 Crore", unit_by_currency=True).amount == 25e6
    assert prose.quantity_of("₹50 lakh", unit_by_currency=True).amount == 5e6


def test_received_n_nominations_is_a_count_never_a_win_or_a_category() -> None:
    awards, tallies = prose.find_awards("The film received 11 nominations at the 43rd Robert Awards.", "Heat")
    assert awards == []
    assert [(t.body, t.wins, t.nominations, t.ceremony) for t in tallies] == [
        ("Robert Awards", None, 11, "43rd Robert Awards")]
    _, tallies = prose.find_awards("Rocky received ten Oscar nominations in nine categories at the 49th Academy "
                                   "Awards, winning three:", "Rocky")
    assert [(t.wins, t.nominations) for t in tallies] == [(None, 10)]


def test_a_date_beside_another_works_release_is_not_the_films() -> None:
    from filmgraph.extract.prose import find_releases

    sentence = "In March 2013, shortly before the release of Evil Dead, a reboot, Raimi confirmed a sequel."
    assert find_releases(sentence) == []
    assert [r.date.isoformat() for r in find_releases(
        "After the release of the film in Denmark on 5 May 2020, it toured festivals.")] == ["2020-05-05"]
