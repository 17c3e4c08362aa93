"""Money and counts as a reader takes them (review 10: F2, F4, F9, M1): a part of the takings (a weekend, previews,
one market) is no box office; a TV audience or a channel's digit is no admissions; rentals in the infobox are
rentals; a gross and a budget told in one sentence are both kept. Each on a minimal wikitext snippet."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from filmgraph import extract_film, map_film, reference
from filmgraph.extract import prose
from filmgraph.model import Film
from filmgraph.rdf.vocab import FG, PQ, PS, SDO, WD, WDT, WIKIBASE, XSD, P
from filmgraph.read.wikitext import parse_wikitext


def _film(infobox: str, body: str = "") -> Film:
    text = ("{{Infobox film\n| name = Night Harbour\n| director = [[Ann Berg]]\n" + infobox + "\n}}\n"
            "'''Night Harbour''' is a 2001 film.\n" + body)
    return extract_film(parse_wikitext(text, source="https://en.wikipedia.org/wiki/Night_Harbour"))


def _box_office(film: Film) -> list[tuple[float, str | None]]:
    return [(q.amount, q.area.name if q.area else None) for q in film.box_office]


def _takings(film: Film) -> list[tuple[float, str | None, str | None]]:
    return [(q.amount, q.area.name if q.area else None, q.scope) for q in film.takings]


def _film_node(graph: Graph) -> URIRef:
    (node,) = graph.subjects(WDT.P31, WD.Q11424)
    assert isinstance(node, URIRef)
    return node


# ------------------------------------------------------------------ F2: a part of the takings is no box office

@pytest.mark.parametrize(("sentence", "takings"), [
    ("On its opening day, the film earned ₹5 crore.", [(5e7, None, "opening day")]),
    ("In its second weekend, the film grossed $8 million.", [(8e6, None, "second weekend")]),
    ("It earned $2.1 million on its opening day, including $400,000 from Thursday previews.",
     [(2.1e6, None, "opening day"), (4e5, None, "Thursday previews")]),
    ("It made $1 million in its first three days.", [(1e6, None, "first three days")]),
    ("It grossed $30 million in its first month.", [(3e7, None, "first month")]),
    ("In the United Kingdom, the film grossed $12.7 million in its opening weekend.",
     [(12.7e6, "United Kingdom", "opening weekend")]),
    ("It went on to debut to $35 million, finishing second.", [(35e6, None, "opening")]),
    ("It earned $5 million in its second weekend, bringing its 10-day total to $18.5 million.",
     [(5e6, None, "second weekend"), (18.5e6, None, "10-day total")]),
    ("In its second weekend, it made $26.6 million (for a running total of $98.6 million).",
     [(26.6e6, None, "second weekend"), (98.6e6, None, "running total")]),
    ("Its largest new markets were France ($1.7 million) and Croatia ($151,000).",
     [(1.7e6, "France", "opening"), (151e3, "Croatia", "opening")]),
    ("It grossed $20 million overseas.", [(2e7, None, "overseas")]),
    ("Outside North America, it grossed $42.9 million during its first weekend.",
     [(42.9e6, None, "first weekend, Outside North America")]),
    ("It did well in Russia, where it grossed $9.4 million, marking the best opening weekend for the studio.",
     [(9.4e6, "Russia", "opening weekend")]),
    ("It made about $36,000 in its opening weekend (a four-day total of around $45,000).",
     [(36e3, None, "opening weekend"), (45e3, None, "four-day total")]),
    ("It earned an additional $13.8 million—a 53% drop from the previous weekend—in third place.",
     [(13.8e6, None, "weekend")]),
    ("It grossed $40.49 million in 2,194 theaters during its opening weekend.", [(40.49e6, None, "opening weekend")]),
    # Misses of the same kind, now read as parts of the takings.
    ("The film opened to $12 million in its first weekend, finishing second.", [(12e6, None, "first weekend")]),
    ("Its opening weekend of $50 million was the largest for a September release.",
     [(50e6, None, "opening weekend")]),
    ("Its first-week collection was ₹30 crore.", [(3e8, None, "first-week")]),
])
def test_a_window_of_the_run_or_a_market_that_is_no_country_is_a_part_of_the_takings(
        sentence: str, takings: list[tuple[float, str | None, str | None]]) -> None:
    film = _film("", f"== Release ==\n=== Box office ===\n{sentence}\n")
    assert film.box_office == [] and _takings(film) == takings


@pytest.mark.parametrize(("sentence", "box_office"), [
    ("In Japan, the film grossed ¥1.642 billion.", [(1.642e9, "Japan")]),
    ("It is the highest-grossing film of 2011 in Estonia ($442,707).", [(442707, "Estonia")]),
    ("It grossed $4,369,868 in its opening weekend and $78,868,508 worldwide.", [(78868508, None)]),
    ("In total, the film earned $11.5 million in the US.", [(11.5e6, "United States")]),
    ("In Mexico it did well, while in Brazil, it topped the box office with $5.19 million.", [(5.19e6, "Brazil")]),
    ("The film collected ₹12 crore in its first week and ₹20 crore in its full run.", [(2e8, None)]),
    ("The film, shot in Canada, grossed $10 million.", [(1e7, None)]),  # where it was made is no market
    # North America is the market studios report as one (pq:P3005 wd:Q49).
    ("It eventually reached $117 million at the North American box office.", [(117e6, "North America")]),
    ("Overseas it fared just as well, grossing $107 million for a worldwide total of $225 million.",
     [(225e6, None)]),
])
def test_the_total_stays_box_office_and_one_countrys_total_says_its_country(
        sentence: str, box_office: list[tuple[float, str | None]]) -> None:
    film = _film("", f"== Release ==\n=== Box office ===\n{sentence}\n")
    assert _box_office(film) == box_office


def test_one_countrys_takings_are_valid_in_that_country_and_the_headline_is_preferred() -> None:
    film = _film("| gross = $395 million", "== Release ==\n=== Box office ===\nIt grossed $395 million worldwide. "
                 "In Japan, the film grossed ¥1.642 billion. In the United Kingdom, the film grossed $12.7 million "
                 "in its opening weekend.\n")
    graph = map_film(film)
    node = _film_node(graph)
    assert [v.toPython() for v in graph.objects(node, WDT.P2142)] == [395000000]  # the headline alone is truthy
    statements = {int(graph.value(s, PS.P2142).toPython()): s for s in graph.objects(node, P.P2142)}
    assert sorted(statements) == [395000000, 1642000000]
    assert graph.value(statements[395000000], WIKIBASE.rank) == WIKIBASE.PreferredRank
    japan = statements[1642000000]
    assert graph.value(japan, WIKIBASE.rank) == WIKIBASE.NormalRank
    assert list(graph.objects(japan, PQ.P3005)) == [WD.Q17]
    # The opening weekend is a part of the takings: a MonetaryAmount with its window and market, two hops from
    # the film, and no P2142.
    (part,) = graph.objects(node, FG.takings)
    assert graph.value(part, SDO.value) == Literal("12700000", datatype=XSD.decimal)
    assert graph.value(part, SDO.currency) == Literal("USD")
    assert graph.value(part, FG.scope) == Literal("opening weekend")
    assert graph.value(part, SDO.areaServed) == WD.Q145


def test_without_an_infobox_figure_the_total_no_market_limits_is_the_headline() -> None:
    film = _film("", "== Release ==\n=== Box office ===\nIn Japan, the film grossed ¥1.6 billion. Worldwide, the "
                 "film grossed $90 million.\n")
    graph = map_film(film)
    node = _film_node(graph)
    assert [v.toPython() for v in graph.objects(node, WDT.P2142)] == [90000000]
    ranks = {int(graph.value(s, PS.P2142).toPython()): graph.value(s, WIKIBASE.rank)
             for s in graph.objects(node, P.P2142)}
    assert ranks == {90000000: WIKIBASE.PreferredRank, 1600000000: WIKIBASE.NormalRank}


# ------------------------------------------------------------------ F4: admissions are tickets sold in cinemas

@pytest.mark.parametrize("sentence", [
    "In the UK, a similar poll of [[Channel 4]] viewers placed it sixth.",
    "In a 2005 poll of [[E4 (TV channel)|E4]] viewers, it came first.",
    "The film's premiere on [[BBC Two]] was watched by 4 million viewers.",
    "Its television premiere drew 12 million viewers, the channel's best of the year.",
])
def test_a_channels_digit_or_a_television_audience_is_no_admissions(sentence: str) -> None:
    film = _film("", f"== Reception ==\n{sentence}\n")
    assert film.admissions == []
    assert list(map_film(film).objects(None, WDT.P5436)) == []


@pytest.mark.parametrize(("sentence", "count"), [
    ("It garnered more than 87,000 admissions during its run.", 87000),
    ("It drew 2.3 million viewers in French cinemas.", 2.3e6),
    ("It sold 5 million tickets, and its TV premiere drew 9 million viewers.", 5e6),
])
def test_admissions_counted_in_cinemas(sentence: str, count: float) -> None:
    film = _film("", f"== Reception ==\n{sentence}\n")
    assert [q.amount for q in film.admissions] == [count]


# ------------------------------------------------------------------ F9: rentals in the infobox's gross

@pytest.mark.parametrize(("gross", "rental"), [
    ("$8,500,000 <small>(rentals)</small>", 8.5e6),
    ("$1.7 million (est. US/ Canada rentals)", 1.7e6),
])
def test_rentals_in_the_infobox_gross_are_rentals(gross: str, rental: float) -> None:
    film = _film(f"| gross = {gross}")
    assert film.box_office == [] and [(q.amount, q.currency) for q in film.rental] == [(rental, "USD")]
    graph = map_film(film)
    node = _film_node(graph)
    assert list(graph.objects(node, WDT.P2142)) == []
    (amount,) = graph.objects(node, FG.theatricalRentals)
    assert graph.value(amount, SDO.value).toPython() == rental


def test_a_gross_beside_rentals_in_the_infobox_stays_the_gross() -> None:
    film = _film("| gross = {{plainlist|\n* $20 million\n* $8 million (rentals)\n}}")
    assert [q.amount for q in film.box_office] == [2e7] and [q.amount for q in film.rental] == [8e6]


# ------------------------------------------------------------------ M1: a gross and a budget in one sentence

@pytest.mark.parametrize("where", ["lead", "box office"])
@pytest.mark.parametrize("sentence", [
    "The film was a flop, grossing $4 million against a budget of $40 million.",
    "The film grossed $4 million against a $40 million budget.",
    "The film grossed $4 million against its $40 million production budget.",
    "The film earned $4 million on a budget of $40 million.",
])
def test_a_gross_and_a_budget_told_together_are_both_kept(sentence: str, where: str) -> None:
    body = f"{sentence}\n" if where == "lead" else f"== Release ==\n=== Box office ===\n{sentence}\n"
    film = _film("", body)
    assert [q.amount for q in film.box_office] == [4e6] and [q.amount for q in film.budget] == [4e7]


def test_a_lead_grossing_over_a_sum_on_a_budget() -> None:
    film = _film("", "'''Night Harbour''' is a 2001 film. It was a hit, grossing over $90 million on a $15 million "
                     "budget.\n")
    assert [(q.amount, q.lower_bound) for q in film.box_office] == [(9e7, 9e7)]
    assert [q.amount for q in film.budget] == [1.5e7]


def test_a_marketing_budget_is_no_budget() -> None:
    film = _film("", "== Release ==\nThe studio spent a $30 million marketing budget on it.\n")
    assert film.budget == []


# ------------------------------------------------------------------ an infobox gross's market, in brackets

def test_an_infobox_gross_for_one_country_says_its_country_and_the_worldwide_one_is_the_headline() -> None:
    film = _film("| gross = {{plainlist|\n* $12 million (US)\n* $30 million (worldwide)\n}}")
    assert _box_office(film) == [(12e6, "United States"), (30e6, None)]
    graph = map_film(film)
    node = _film_node(graph)
    assert [v.toPython() for v in graph.objects(node, WDT.P2142)] == [30000000]
    us = next(s for s in graph.objects(node, P.P2142) if graph.value(s, PS.P2142).toPython() == 12000000)
    assert list(graph.objects(us, PQ.P3005)) == [WD.Q30]


def test_an_infobox_gross_for_north_america_is_box_office_valid_there() -> None:
    film = _film("| gross = $9.4 million {{Small|(North America)}}")
    assert _box_office(film) == [(9.4e6, "North America")] and _takings(film) == []
    graph = map_film(film)
    (statement,) = graph.objects(_film_node(graph), P.P2142)
    assert list(graph.objects(statement, PQ.P3005)) == [WD.Q49]


def test_a_part_of_the_takings_conforms_to_the_shapes_and_a_broken_one_does_not() -> None:
    from filmgraph.rdf.validate import validate_graph

    film = _film("", "== Release ==\n=== Box office ===\nIn the United Kingdom, the film grossed $12.7 million in its "
                     "opening weekend.\n")
    graph = map_film(film)
    assert validate_graph(graph).conforms
    (part,) = graph.objects(_film_node(graph), FG.takings)
    graph.add((part, SDO.currency, Literal("dollars")))
    assert any("currency" in line for line in validate_graph(graph).lines())


def test_a_worldwide_total_outranks_an_infobox_gross_for_one_country() -> None:
    film = _film("| gross = $5.9 million (US)", "== Release ==\n=== Box office ===\nWorldwide, the film grossed $10 "
                 "million.\n")
    graph = map_film(film)
    assert [v.toPython() for v in graph.objects(_film_node(graph), WDT.P2142)] == [10000000]


def test_a_sum_overseas_beside_the_worldwide_total() -> None:
    film = _film("", "== Release ==\n=== Box office ===\nOverseas it fared just as well, grossing $107 million for a "
                     "worldwide total of $225 million.\n")
    assert _box_office(film) == [(225e6, None)] and _takings(film) == [(107e6, None, "Overseas")]


@pytest.mark.parametrize(("sentence", "budget"), [
    ("Berg's previous film, ''Bar'', had been made on a $2 million budget.", None),
    ("The film grossed $60 million, more than its predecessor's $40 million budget.", None),
    ("Warner Bros. gave Berg a $100 million budget for three films.", None),
    ("The film, which was made on a $40 million budget, grossed $90 million.", 40e6),
    ("The film's $40 million budget was the studio's largest.", 40e6),
])
def test_a_budget_is_the_films_own_not_another_films_nor_several_films(sentence: str,
                                                                        budget: float | None) -> None:
    film = _film("", f"== Production ==\n{sentence}\n")
    assert [q.amount for q in film.budget] == ([budget] if budget else [])


@pytest.mark.parametrize(("sentence", "admissions"), [
    ("The film was watched by 3 million viewers in cinemas across Germany.", 3e6),
    ("Its premiere on BBC Two was watched by 4 million viewers.", None),
])
def test_viewers_in_cinemas_are_admissions_and_television_viewers_are_not(sentence: str,
                                                                          admissions: float | None) -> None:
    film = _film("", f"== Release ==\n{sentence}\n")
    assert [q.amount for q in film.admissions] == ([admissions] if admissions else [])


def test_a_market_outside_named_places_keeps_its_whole_name() -> None:
    film = _film("", "== Release ==\n=== Box office ===\nOutside of Japan and the United States, the film grossed $11 "
                     "million.\n")
    assert _takings(film) == [(11e6, None, "Outside of Japan and the United States")]


@pytest.mark.parametrize(("sentence", "scope"), [
    ("The film grossed $181.4 million in North America during its first run.", "first run"),
    ("Its re-release in 1997 grossed $22 million in North America.", "re-release"),
    ("It earned $3 million at the North American box office during its first year of release.",
     "first year of release"),
])
def test_north_americas_takings_of_a_part_of_the_run_are_a_part_of_the_takings(sentence: str, scope: str) -> None:
    film = _film("", f"== Release ==\n=== Box office ===\n{sentence}\n")
    assert film.box_office == [] and [q.scope for q in film.takings] == [scope]


def test_an_infobox_gross_split_into_domestic_and_foreign_earnings_is_two_parts_of_the_takings() -> None:
    film = _film("| gross = $4,650,000 (Domestic earnings)<br>$3,497,000 (Foreign earnings)",
                 "== Release ==\nIt was re-released in 1981 and grossed a further $26.8 million.\n")
    assert film.box_office == []
    assert _takings(film) == [(4.65e6, None, "Domestic earnings"), (3.497e6, None, "Foreign earnings"),
                              (26.8e6, None, "re-released")]


# ------------------------------------------------------------------ one country's admissions are not the film's

@pytest.mark.parametrize(("sentence", "count", "country"), [
    ("In Germany, the film sold 4,825,937 admissions.", 4825937, "Germany"),
    ("The film had 2.3 million admissions in South Korea, the most for a foreign film.", 2.3e6, "South Korea"),
    ("It drew 2.3 million viewers in French cinemas.", 2.3e6, "France"),
    ("It garnered more than 87,000 admissions during its run.", 87000, None),
])
def test_admissions_keep_the_country_they_were_counted_in(sentence: str, count: float, country: str | None) -> None:
    film = _film("", f"== Reception ==\n{sentence}\n")
    assert [(q.amount, q.area.name if q.area else None) for q in film.admissions] == [(count, country)]


@pytest.mark.parametrize("sentence", [
    "In its opening weekend, the film sold 300,000 tickets.",
    "It debuted with 250,000 admissions.",
    "It sold 120,000 tickets overseas.",
])
def test_a_part_of_the_run_or_a_market_with_no_place_is_no_count_of_the_films(sentence: str) -> None:
    assert _film("", f"== Reception ==\n{sentence}\n").admissions == []


def test_one_countrys_admissions_are_a_qualified_statement_at_normal_rank() -> None:
    film = _film("", "== Reception ==\nIn Germany, the film sold 4,825,937 admissions.\n")
    graph = map_film(film)
    (statement,) = graph.objects(_film_node(graph), P.P5436)
    assert graph.value(statement, PS.P5436) == Literal("4825937", datatype=XSD.decimal)
    assert graph.value(statement, PQ.P3005) == WD.Q183
    assert graph.value(statement, WIKIBASE.rank) == WIKIBASE.NormalRank


# ------------------------------------------------------------------ a window told after the sum, or "again"

@pytest.mark.parametrize(("sentence", "takings", "box_office"), [
    ("The film earned $29.5 million—an average of $12,229 per theater—as the number one film of the weekend.",
     [(29.5e6, None, "weekend")], []),
    ("It made $6.4 million, making it the number one film of the weekend.", [(6.4e6, None, "weekend")], []),
    ("It grossed $300 million worldwide, making it the number one film of the year.", [], [(3e8, None)]),
    ("After a strong opening weekend, it went on to gross $300 million.", [], [(3e8, None)]),
    ("It had made $2 million after its opening weekend.", [(2e6, None, "opening weekend")], []),
    ("It was re-released in 1981 and grossed a further $26.8 million and again in 1982 with a gross of $14.5 "
     "million.", [(26.8e6, None, "re-released"), (14.5e6, None, "re-released")], []),
    ("In 2015, it re-entered the UK box office at number 9 grossing $470,000 from June 4–7.",
     [(4.7e5, "United Kingdom", "re-entered the UK box office")], []),
])
def test_a_window_told_after_the_sum_or_a_repeated_re_release_is_a_part_of_the_takings(
        sentence: str, takings: list[tuple[float, str | None, str | None]],
        box_office: list[tuple[float, str | None]]) -> None:
    film = _film("", f"== Release ==\n=== Box office ===\n{sentence}\n")
    assert _takings(film) == takings
    assert _box_office(film) == box_office


# ------------------------------------------------------------------ review 14: asides, totals, home countries, cities

@pytest.mark.parametrize(("sentence", "takings", "box_office"), [
    ("It grossed $12 million—an average of $4,000 per theater—in its first week.", [(12e6, None, "first week")], []),
    ("It was re-released in 1997; its total gross reached $80 million.", [], [(8e7, None)]),
    ("In its home country of France, it grossed $20 million.", [], [(2e7, "France")]),
])
def test_a_sums_words_past_an_aside_a_total_and_a_home_country(
        sentence: str, takings: list[tuple[float, str | None, str | None]],
        box_office: list[tuple[float, str | None]]) -> None:
    film = _film("", f"== Release ==\n=== Box office ===\n{sentence}\n")
    assert _takings(film) == takings
    assert _box_office(film) == box_office


def test_a_citys_admissions_are_not_the_films() -> None:
    assert _film("", "== Reception ==\nIn Paris, the film sold 1.2 million admissions.\n").admissions == []


# ------------------------------------------------------------------ a box-office table, territory by territory

_TAKINGS_TABLE = """== Release ==
=== Box office ===
{| class="wikitable"
! Territory !! Collections !! Reference
|-
| rowspan="2" | India || {{INR|1.14 billion}} ||
|-
| ''Distributor share'':<br />{{INR|636.1 million}}
|-
| rowspan="3" | Overseas || $10,950,099 ||
|-
| $2,511,689 <small>''(United States–Canada)''</small>
|-
| $10.8 million {{small|''(excluding Japan)''}}
|-
| rowspan="2" | '''Worldwide''' || {{INR|2.081 billion}} ({{US$|44 million}}) ||
|-
| {{INR|2,073,862,500}} {{small|''(Hindi)''}}
|}
"""


def test_a_box_office_table_gives_each_territorys_sum_its_place_or_part() -> None:
    film = _film("", _TAKINGS_TABLE)
    assert sorted(_box_office(film)) == [(2511689, "North America"), (1.14e9, "India"), (2.081e9, None)]
    assert sorted(_takings(film)) == [(10.8e6, None, "Overseas, excluding Japan"), (10950099, None, "Overseas"),
                                      (2073862500, None, "Hindi")]
    assert [q.amount for q in film.rental] == [636.1e6]


def test_a_table_without_a_territory_column_is_no_box_office_table() -> None:
    table = _TAKINGS_TABLE.replace("! Territory !!", "! Week !!")
    film = _film("", table)
    assert _box_office(film) == [] and _takings(film) == []


def test_a_sum_added_to_one_before_is_a_part_and_this_figure_is_the_films() -> None:
    film = _film("", "== Release ==\n=== Box office ===\nIt earned $4.9 million during the weekend. This figure "
                     "increased a further $1.5 million during the holiday Monday to a total of $6.4 million—an average "
                     "of $50,919 per theater—making it the number one film of the weekend.\n")
    assert _takings(film) == [(4.9e6, None, "weekend"), (1.5e6, None, "additional"), (6.4e6, None, "weekend")]
    assert _box_office(film) == []


def test_a_table_of_films_or_a_row_of_another_film_is_no_takings_of_the_film() -> None:
    films = _TAKINGS_TABLE.replace("! Territory !! Collections !! Reference", "! Film !! Territory !! Collections")
    assert _box_office(_film("", films)) == []
    sequel = _TAKINGS_TABLE.replace("rowspan=\"2\" | '''Worldwide'''", "rowspan=\"2\" | ''Night Harbour 2'' worldwide")
    assert (2.081e9, None) not in _box_office(_film("", sequel))


def test_a_territorys_window_in_brackets_limits_its_row() -> None:
    table = _TAKINGS_TABLE.replace("rowspan=\"2\" | India", "rowspan=\"2\" | India (opening weekend)")
    assert (1.14e9, "India", "opening weekend") in _takings(_film("", table))


@pytest.mark.parametrize(("sentence", "takings", "box_office"), [
    ("The film's soundtrack grossed $3 million in its first week.", [], []),
    ("It earned $5 million, bringing it to a total of $15 million—making it the number one film of the weekend.",
     [(5e6, None, "additional"), (15e6, None, "weekend")], []),
])
def test_a_soundtracks_sum_and_sums_that_bring_a_total(sentence: str,
                                                       takings: list[tuple[float, str | None, str | None]],
                                                       box_office: list[tuple[float, str | None]]) -> None:
    film = _film("", f"== Release ==\n=== Box office ===\n{sentence}\n")
    assert _takings(film) == takings
    assert _box_office(film) == box_office


# ------------------------------------------------------------------ review 17: F1, F9, L11

@pytest.mark.parametrize(("sentence", "takings"), [
    ("''Night Harbour'' opened with $12 million, finishing first.", [(12e6, None, "opening")]),
    ("The film opened to $12 million from 2,000 theaters.", [(12e6, None, "opening")]),
    ("It made $12 million in its debut.", [(12e6, None, "opening")]),
    ("It had an opening of $12 million.", [(12e6, None, "opening")]),
    ("''Night Harbour'' opened with $40.49 million, after $2.2 million in previews.",
     [(40.49e6, None, "opening"), (2.2e6, None, "previews")]),
    ("It opened with $40 million, following $2.2 million from Thursday late-night previews.",
     [(40e6, None, "opening"), (2.2e6, None, "Thursday late-night previews")]),
])
def test_an_opening_is_a_part_of_the_takings_never_the_total(
        sentence: str, takings: list[tuple[float, str | None, str | None]]) -> None:
    film = _film("", f"== Release ==\n=== Box office ===\n{sentence}\n")
    assert film.box_office == [] and _takings(film) == takings


def test_an_opening_is_written_as_takings_with_its_scope_and_no_box_office_statement() -> None:
    film = _film("", "== Release ==\n=== Box office ===\n''Night Harbour'' opened with $12 million.\n")
    graph = map_film(film)
    node = _film_node(graph)
    assert list(graph.objects(node, WDT.P2142)) == []
    (part,) = graph.objects(node, FG.takings)
    assert graph.value(part, SDO.value) == Literal("12000000", datatype=XSD.decimal)
    assert graph.value(part, FG.scope) == Literal("opening")


@pytest.mark.parametrize(("sentence", "takings", "box_office"), [
    ("It earned $60 million abroad.", [(60e6, None, "abroad")], []),
    ("Its run ended with a domestic gross of $251.2 million; it earned $160.15 million abroad, for $411.35 million "
     "worldwide.", [(251.2e6, None, "domestic"), (160.15e6, None, "abroad")], [(411.35e6, None)]),
    ("It grossed $411.35 million ($251.2 million domestic, $160.15 million foreign).",
     [(251.2e6, None, "domestic"), (160.15e6, None, "foreign")], [(411.35e6, None)]),
    ("It grossed $411.35 million worldwide, of which $251.2 million came from North America.",
     [], [(411.35e6, None), (251.2e6, "North America")]),
    ("It collected {{INR|207 crore}} worldwide, with {{INR|150 crore}} from India.",
     [], [(2.07e9, None), (1.5e9, "India")]),
])
def test_a_foreign_gross_or_a_markets_share_of_the_total_is_no_total(
        sentence: str, takings: list[tuple[float, str | None, str | None]],
        box_office: list[tuple[float, str | None]]) -> None:
    film = _film("", f"== Release ==\n=== Box office ===\n{sentence}\n")
    assert _takings(film) == takings
    assert _box_office(film) == box_office


def test_rs_is_the_rupee_of_the_films_country() -> None:
    prose = "== Release ==\n=== Box office ===\nThe film grossed Rs. 122 crore worldwide, and Rs 35 crore in its " \
            "opening week.\n"
    indian = _film("| country = India\n| budget = Rs. 70 crore\n| gross = Rs 150 crore", prose)
    assert [(q.amount, q.currency, q.unit) for q in indian.budget] == [(7e8, "INR", "Q80524")]
    assert [(q.amount, q.currency) for q in indian.box_office] == [(1.5e9, "INR"), (1.22e9, "INR")]
    unsaid = _film("", prose)  # no country: India's, as most pages that write "Rs" are
    assert [(q.amount, q.currency) for q in unsaid.box_office] == [(1.22e9, "INR")]
    assert [(q.amount, q.currency, q.scope) for q in unsaid.takings] == [(3.5e8, "INR", "opening week")]
    pakistani = _film("| country = Pakistan\n| gross = [[Rupee|Rs]]2.42 [[crore]] (Pakistan)")
    assert [(q.amount, q.currency, q.unit, q.area and q.area.name) for q in pakistani.box_office] == [
        (2.42e7, "PKR", "Q188289", "Pakistan")]


def test_usd_template_and_a_distributors_share() -> None:
    film = _film("| budget = {{USD|25 million}}", "== Release ==\n=== Box office ===\n''Night Harbour'' had an "
                 "opening week of ₹35 crore (US$8.9 million). Its distributors' share was ₹45 crore.\n")
    assert [(q.amount, q.currency) for q in film.budget] == [(25e6, "USD")]
    assert [(q.amount, q.currency) for q in film.rental] == [(4.5e8, "INR")]
    assert _takings(film) == [(3.5e8, None, "opening week")]


def test_the_largest_markets_each_with_its_sum() -> None:
    film = _film("", "== Release ==\n=== Box office ===\nThe largest markets were the United Kingdom ($86.4 million), "
                 "Japan ($98.6 million), South Korea ($58.8 million) and Germany ($35.3 million).\n")
    assert [(q.amount, q.area.name if q.area else None) for q in film.box_office] == [
        (86.4e6, "United Kingdom"), (98.6e6, "Japan"), (58.8e6, "South Korea"), (35.3e6, "Germany")]


def test_a_run_finished_with_sums_and_sums_taken_at_the_box_office() -> None:
    film = _film("| country = Sweden", "== Release ==\n=== Box office ===\nIt finished its run with $2,552,478 in the "
                 "United States and Canada, and $430,000 in other territories, for a worldwide total of $2.98 million."
                 " In Sweden, it sold around 450,000 tickets during its first run and took 1.6 million kronor at the "
                 "box office.\n")
    assert [(q.amount, q.currency, q.area.name if q.area else None) for q in film.box_office] == [
        (2552478.0, "USD", "North America"), (2.98e6, "USD", None)]
    assert [(q.amount, q.currency, q.scope) for q in film.takings] == [
        (430000.0, "USD", "other territories"), (1.6e6, "SEK", "first run")]


def test_sums_taken_from_theatres_and_a_markets_total() -> None:
    film = _film("| budget = ₣15 million", "== Release ==\n=== Box office ===\nIn the United States it took $43,270 "
                 "from three theatres in its opening weekend and $309,811 in total.\n")
    assert [(q.amount, q.currency) for q in film.budget] == [(15e6, "FRF")]
    assert [(q.amount, q.area.name if q.area else None) for q in film.box_office] == [(309811.0, "United States")]
    assert [(q.amount, q.area.name if q.area else None, q.scope) for q in film.takings] == [
        (43270.0, "United States", "opening weekend")]


@pytest.mark.parametrize(("text", "currency"), [("HK$1,894,312", "HKD"), ("NT$50 million", "TWD"),
                                                ("NZ$3 million", "NZD"), ("R$10 million", "BRL"),
                                                ("MX$10 million", "MXN"), ("$5 million", "USD"),
                                                ("AU$29.5 million", "AUD"), ("4.4 million Australian dollars", "AUD"),
                                                ("2.3 million US dollars", "USD"), ("15 million French francs", "FRF"),
                                                ("19.3 billion won", "KRW")])
def test_dollars_of_other_countries_are_theirs(text: str, currency: str) -> None:
    assert [q.currency for q in _film(f"| gross = {text}").box_office] == [currency]


def test_a_states_takings_are_a_part_never_the_total() -> None:
    film = _film("| gross = ₹17.5 crore", "== Release ==\n=== Box office ===\nIt grossed ₹14.2 crore from Kerala. It "
                 "earned $5 million in Texas.\n")
    assert [(q.amount, q.currency) for q in film.box_office] == [(1.75e8, "INR")]
    assert [(q.amount, q.area.name if q.area else None) for q in film.takings] == [(1.42e8, "Kerala"), (5e6, "Texas")]


def test_a_run_of_its_first_days_is_a_part_of_the_takings() -> None:
    film = _film("| gross = ₹650 crore", "== Release ==\n=== Box office ===\nThe film grossed ₹500 crore worldwide in "
                 "16 days.\n")
    assert [(q.amount, q.currency) for q in film.box_office] == [(6.5e9, "INR")]
    assert [(q.amount, q.scope) for q in film.takings] == [(5e9, "16 days")]


def test_a_window_told_before_an_aside_and_its_sum() -> None:
    film = _film("", "== Release ==\n=== Box office ===\nIn its second weekend it expanded to 20 theaters and grossed "
                 "$259,722, and in its third weekend, playing in 88 theaters, it made $406,417.\n")
    assert film.box_office == []
    assert [(q.amount, q.scope) for q in film.takings] == [(259722.0, "second weekend"), (406417.0, "third weekend")]


def test_a_table_of_takings_by_market_with_a_release_date_column() -> None:
    film = _film("", """== Release ==
=== Box office ===
{| class="wikitable"
|+ Box office gross by market
! Market !! Release date !! Gross (US$)
|-
! Malaysia
| {{dts|February 8, 2016}} || $5,860,000
|-
! Other territories
| — || $6,440,000
|}
""")
    assert sorted((q.amount, q.area.name if q.area else None, q.scope) for q in [*film.box_office, *film.takings]) == [
        (5860000.0, "Malaysia", None), (6440000.0, None, "Other territories")]


@pytest.mark.parametrize(("sentence", "sums"), [
    # The market a sentence opens in is each of its sums', but one its own words place in the world.
    ("In Hong Kong the film opened with HK$8.1 million over its first four days and went on to gross HK$36.1 "
     "million.", [(8100000.0, "Hong Kong", "first four days"), (36100000.0, "Hong Kong", None)]),
    ("In the United States and Canada, it grossed $2,201,923 from a limited release, and its worldwide gross reached "
     "$89.4 million.", [(2201923.0, "North America", "limited release"), (89400000.0, None, None)]),
    # "in its first run" is a part of the run, as "during its first run" is.
    ("The original version grossed only ₤110 million in its first run in Italy.",
     [(110000000.0, "Italy", "first run")]),
    # A sum's words go on past its conversion in brackets.
    ("It earned CN¥1.84 billion (US$274.9 million) in its first week.", [(1840000000.0, None, "first week")]),
])
def test_the_market_a_sentence_opens_in_and_words_after_a_conversion(
        sentence: str, sums: list[tuple[float, str | None, str | None]]) -> None:
    assert [(q.amount, q.area.name if q.area else None, q.scope) for q in prose.find_box_office(sentence)] == sums


@pytest.mark.parametrize(("text", "currency", "amount"), [
    ("₦453 million", "NGN", 453_000_000), ("3 billion naira", "NGN", 3_000_000_000),
    ("RM 5 million", "MYR", 5_000_000), ("S$2.3 million", "SGD", 2_300_000), ("Tk 5 crore", "BDT", 50_000_000),
    ("12 million roubles", "RUB", 12_000_000), ("₽300 million", "RUB", 300_000_000), ("₪4 million", "ILS", 4_000_000),
    ("฿120 million", "THB", 120_000_000), ("₫50 billion", "VND", 50_000_000_000), ("GH₵2 million", "GHS", 2_000_000),
])
def test_the_currencies_of_more_cinemas_are_read_with_their_item(text: str, currency: str, amount: int) -> None:
    (gross,) = prose.find_box_office(f"The film grossed {text} in its run.")
    entry = reference.currency(currency)
    assert (gross.amount, gross.currency, gross.unit) == (amount, currency, entry.qid if entry else None)
    assert gross.unit is not None and gross.unit.startswith("Q")
