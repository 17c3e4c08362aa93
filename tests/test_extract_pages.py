"""Rules for real Wikipedia pages, each on a minimal wikitext snippet: titles, names, companies, money,
the description, distributors, releases and filming locations."""

from __future__ import annotations

import pytest

from filmgraph import extract_film
from filmgraph.model import Film
from filmgraph.read.wikitext import parse_wikitext


def _film(infobox: str, body: str = "") -> Film:
    text = "{{Infobox film\n| name = Night Harbour\n| director = [[Ann Berg]]\n" + infobox + "\n}}\n" + body
    if "'''Night Harbour'''" not in text:
        text += "\n'''Night Harbour''' is a 2001 film."
    return extract_film(parse_wikitext(text, source="https://en.wikipedia.org/wiki/Night_Harbour"))


# ------------------------------------------------------------------ original titles

@pytest.mark.parametrize(("infobox", "title", "language"), [
    ("| film name = ([[Catalan language|Catalan]]: '''''Títol''''')", "Títol", "ca"),
    ("| film name = {{Film name|kanji=千と千尋の神隠し|romaji=Sen to Chihiro no Kamikakushi}}",
     "千と千尋の神隠し", "ja"),
    ("| film name = {{Infobox name module|traditional={{linktext|奔|愛}}|simplified={{linktext|奔|爱}}|pinyin=Bēn Ài}}",
     "奔愛", "zh-Hant"),
    ("| film name = {{Infobox name module|traditional={{linktext|奔|愛}}|simplified={{linktext|奔|爱}}}}\n"
     "| country = China", "奔爱", "zh-Hans"),
    ("| film name = {{Infobox name module|traditional=龍爭虎鬥|simplified=龙争虎斗}}\n| country = Hong Kong",
     "龍爭虎鬥", "zh-Hant"),
    ("| film name = {{native name|es|Yo quiero una mujer así}}", "Yo quiero una mujer así", "es"),
    # The module's named language is the language of its titled name, never a name itself.
    ("| film name = {{Infobox name module|language=Spanish|title=Relatos salvajes}}", "Relatos salvajes", "es"),
])
def test_original_title_from_the_infobox_film_name(infobox: str, title: str, language: str) -> None:
    film = _film(infobox)
    assert (film.original_title, film.original_language) == (title, language)


@pytest.mark.parametrize(("lead", "title", "language"), [
    ("{{nihongo|'''''Night Harbour'''''|となりのトトロ|Tonari no Totoro|lead=yes}} is a 1988 Japanese film.",
     "となりのトトロ", "ja"),
    ("'''''Night Harbour''''' ([[Japanese language|Japanese]]: ''獣兵衛忍風帖'' - [[Hepburn romanization|Hepburn]]: "
     "''Jūbē Ninpūchō'') is a 1993 film.", "獣兵衛忍風帖", "ja"),
    ("'''''Night Harbour''''' (Italian: \"''I Cavalieri che fecero l'impresa''\") is a 2001 Italian film.",
     "I Cavalieri che fecero l'impresa", "it"),
    # A translation of the title is no original title: labelled English, or quoted.
    ("'''Night Harbour''' ({{lang-en|God}}) is a 1997 Tamil film.", None, None),
    ("'''''Night Harbour''''' (English: ''Wave'') is a 2013 Malayalam film.", None, None),
    ("'''''Night Harbour''''' (\"Miracle\") is a 1982 Filipino drama film.", None, None),
    ("'''''Night Harbour''''' (US release title: '''''Strangers'''''; French title: '''''Le gang''''') is a film.",
     None, None),
])
def test_original_title_from_the_lead(lead: str, title: str | None, language: str | None) -> None:
    film = _film("| language = Japanese", lead)
    assert (film.original_title, film.original_language) == (title, language)


@pytest.mark.parametrize(("language", "lead", "title", "code"), [
    # A title said in the pronunciation of a language the film is in is a word of that language: its original
    # title; a title the brackets give wins over it.
    ("French", "'''''Night Harbour''''' ({{IPA-fr|nɥi aʁbuʁ|lang}}; {{lit|The Hate}}; released in the United States as "
     "'''''Hate''''') is a 1995 French film.", "Night Harbour", "fr"),
    ("Italian", "'''''Night Harbour''''' ({{IPA|it|la ˈstraːda}}) is a 1954 Italian film.", "Night Harbour", "it"),
    ("French", "'''''Night Harbour''''' ({{IPA-fr|ameli|lang}}; {{lang-fr|Le Fabuleux Destin}}) is a 2001 film.",
     "Le Fabuleux Destin", "fr"),
    # Never in a language the film is not in, nor beside another name of the film (the pronunciation is that one's).
    ("English", "'''''Night Harbour''''' ({{IPA-hi|ɡaːndʱiː}}) is a 1982 epic biographical film.", None, None),
    ("Russian", "'''''Night Harbour''''' ({{IPA-ru|lʲɪvʲɪɐˈfan}}; also known as '''''Leviafan''''') is a 2014 "
     "Russian film.", None, None),
    ("French", "'''''Night Harbour''''' ({{IPA-en|naɪt|lang}}) is a 2001 film.", None, None),
])
def test_a_title_said_in_the_films_language_is_its_original_title(language: str, lead: str, title: str | None,
                                                                  code: str | None) -> None:
    film = _film(f"| language = {language}", lead)
    assert (film.original_title, film.original_language) == (title, code)


def test_a_film_of_two_chinese_lands_takes_the_form_its_lead_gives_under_a_box_of_names() -> None:
    film = _film("| film name = {{Film name|traditional=美人魚|simplified=美人鱼}}\n| country = China, Hong Kong",
                 "{{Chinese|s=美人鱼|t=美人魚|p=Měirényú}}\n\n'''''Night Harbour''''' ({{zh|s=美人鱼|p=Měirényú}}) "
                 "is a 2016 [[Cinema of China|Chinese]]–[[Cinema of Hong Kong|Hong Kong]] fantasy film.")
    assert (film.original_title, film.original_language) == ("美人鱼", "zh-Hans")
    assert film.year is not None and film.year.year == 2016 and [g.label for g in film.genre] == ["fantasy"]
    assert [c.code for c in film.country] == ["CN", "HK"]


def test_an_untagged_title_takes_a_film_language_written_in_its_script() -> None:
    film = _film("| film name = 龍爭虎鬥\n| language = English")
    assert (film.original_title, film.original_language) == ("龍爭虎鬥", None)
    film = _film("| film name = 奔愛\n| language = Mandarin")
    assert (film.original_title, film.original_language) == ("奔愛", "cmn")


# ------------------------------------------------------------------ companies

@pytest.mark.parametrize(("value", "names"), [
    ("[[Loews Cineplex Entertainment|Loew's, Inc.]]", ["Loew's, Inc."]),
    ("[[Madison Productions, Inc.]]", ["Madison Productions, Inc."]),
    ("[[ASA Productions and Enterprises Pvt. Ltd.]]", ["ASA Productions and Enterprises Pvt. Ltd."]),
    ("[[Walt Disney Studios Motion Pictures|Walt Disney Studios<br />Motion Pictures]]",
     ["Walt Disney Studios Motion Pictures"]),
    ("Nimbus Films & Zentropa Studios", ["Nimbus Films", "Zentropa Studios"]),
    ("{{Plainlist|\n* [[Python (Monty) Pictures]]\n* Michael White Productions\n}}",
     ["Python (Monty) Pictures", "Michael White Productions"]),
])
def test_one_company_is_never_split_at_its_legal_form_or_a_wrapped_line(value: str, names: list[str]) -> None:
    film = _film(f"| distributor = {value}")
    assert [o.name for o in film.distributor] == names


def test_a_line_break_in_a_link_to_a_group_still_separates_its_people() -> None:
    film = _film("| producer = [[Coen brothers|Joel Coen<br />Ethan Coen]]")
    assert sorted(film.people[r.person].name for r in film.producer) == ["Ethan Coen", "Joel Coen"]


@pytest.mark.parametrize(("value", "area"), [
    ("Nordisk Film (Denmark)", "Denmark"), ("SF Studios (Nordic countries)", "Nordic countries"),
    ("Warner Bros. (international)", None), ("New Line Cinema (1–4)", None),
    ("Don Nafia (as Rosebud Releasing)", None), ("HBO Films (current US & Domestic distribution)", None),
])
def test_a_bracket_after_a_company_is_its_area_only_when_it_names_a_place(value: str, area: str | None) -> None:
    (organization,) = _film(f"| distributor = {value}").distributor
    assert (organization.area.name if organization.area else None) == area


# ------------------------------------------------------------------ the description

PLOT = "\n==Plot==\nThe rebels flee the ice planet while the Imperial fleet searches the galaxy.\n"


def test_the_description_is_the_short_description() -> None:
    film = _film("", "{{Short description|2001 film by Ann Berg}}\n'''Night Harbour''' is a 2001 Danish drama "
                     "film directed by [[Ann Berg]]. It was shot in Aarhus.\n" + PLOT)
    assert film.description == "2001 film by Ann Berg"


def test_without_a_short_description_the_description_is_the_leads_first_sentence_never_the_plot() -> None:
    film = _film("", "'''Night Harbour''' ({{lang-da|Natthavn}}) is a 2001 Danish drama film directed by "
                     "[[Ann Berg|Ann B.]] It was shot in Aarhus.\n" + PLOT)
    assert film.description == "Night Harbour (Danish: Natthavn) is a 2001 Danish drama film directed by Ann B."


def test_an_initial_before_a_sentence_opener_ends_the_sentence() -> None:
    film = _film("", "'''Night Harbour''' is a 1999 Tamil drama film directed by Sundar C. The film features "
                     "Sathyaraj.\n")
    assert film.description == "Night Harbour is a 1999 Tamil drama film directed by Sundar C."
    assert [film.people[r.person].name for r in film.director] == ["Ann Berg", "Sundar C."]


# ------------------------------------------------------------------ releases and distributors in prose

@pytest.mark.parametrize(("section", "dated"), [
    ("Release", True), ("Box office and theatrical release", True), ("Soundtrack", False), ("Development", False),
    ("Home media", False), ("Video games", False), ("Sequel", False),
])
def test_prose_release_dates_come_from_the_lead_and_release_sections(section: str, dated: bool) -> None:
    film = _film("", f"'''Night Harbour''' is a 2001 film.\n\n=={section}==\nIt was released in Denmark on "
                     "4 May 2001.\n")
    assert [r.date.isoformat() for r in film.release] == (["2001-05-04"] if dated else [])


def test_a_release_date_in_its_own_clause_counts_beside_a_later_dvd() -> None:
    film = _film("", "'''Night Harbour''' is a 2001 film.\n\n==Release==\nThe film was released nationwide in the "
                     "UK by [[Optimum Releasing]] on 12 September 2003. and was later released on DVD and VHS. It was "
                     "released on DVD in the UK on 29 March 2004. In 2000, Manga released the film on home video.\n")
    assert [(r.date.isoformat(), r.place.name) for r in film.release] == [("2003-09-12", "United Kingdom")]


@pytest.mark.parametrize(("section", "sentence"), [
    ("Merchandise", "A comic adaptation was released by Marvel Comics in 1980."),
    ("Books", "The novelization was distributed by Del Rey Books."),
    ("Soundtrack", "The soundtrack album was released by United Artists Records."),
    ("Release", "The soundtrack album was released by United Artists Records."),
    ("Release", "The tie-in novel was released by Del Rey Books in May 1980."),
])
def test_publishers_of_other_works_are_not_the_films_distributors(section: str, sentence: str) -> None:
    film = _film("| distributor = [[United Artists]]", f"'''Night Harbour''' is a 2001 film.\n\n=={section}==\n"
                                                        f"{sentence}\n")
    assert [o.name for o in film.distributor] == ["United Artists"]


def test_a_person_after_released_and_directed_by_is_no_distributor() -> None:
    film = _film("", "'''Night Harbour''' is a 2001 film, the third of a series. The first film released in 2008 "
                     "is directed by [[Ann Berg]].\n")
    assert film.distributor == []


def test_a_film_based_on_a_novel_still_has_its_distributor() -> None:
    film = _film("", "'''Night Harbour''' is a 2001 film.\n\n==Release==\nBased on the novel by Ann Berg, the film "
                     "was distributed by Nordisk Film.\n")
    assert [o.name for o in film.distributor] == ["Nordisk Film"]


def test_a_home_media_section_dates_only_a_release_in_cinemas() -> None:
    film = _film("", "'''Night Harbour''' is a 2001 film.\n\n==Release==\n===Home media===\nIt was released on VHS on "
                     "November 22, 1989. The film was released nationwide in the UK on 12 September 2003. It was "
                     "re-released as part of a collection on 1 August 2011.\n")
    assert [r.date.isoformat() for r in film.release] == ["2003-09-12"]


# ------------------------------------------------------------------ filming locations

@pytest.mark.parametrize(("section", "sentence", "places"), [
    ("Effects", "The Imperial walkers were shot using stop motion animation.", []),
    ("Plot", "The rebels were shot at in Hoth while the fleet filmed the Imperial base.", []),
    ("Production", "Filmed in Panavision, it was directed by Ann Berg.", []),
    ("Critical reception", 'A critic wrote that "Boston has never been more lovingly filmed at Expo".', []),
    ("Marketing", "Fans could view bonus footage being shot in London.", []),
    ("Production", "The opening scenes were filmed in Big Spring, Texas.", ["Big Spring, Texas"]),
    ("Production", "Filming took place in Michigan and North Carolina in 1986, and the film was released in the "
                   "United States on March 13, 1987.", ["Michigan", "North Carolina"]),
    ("Filming", "Filming began in Norway, at the Hardangerjøkulen glacier near the town of Finse.",
     ["Norway", "Hardangerjøkulen"]),
    ("Filming", "It was filmed entirely in the Philippine province of Ilocos Norte.", ["Ilocos Norte"]),
    ("Filming", "It was mostly shot in Scotland, particularly around Doune Castle.", ["Scotland", "Doune Castle"]),
    ("Production", 'In New Mexico, "Two" and "Three" were shot on location.', ["New Mexico"]),
    ("Production", "It was shot on private land north of Aurora in the Nebraska Panhandle.",
     ["Aurora", "Nebraska Panhandle"]),
    ("Production", "The second schedule started on 1 December 2016 in Jodhpur.", ["Jodhpur"]),
    ("Production", "The production commenced in Oslo, not far from the producer's offices in Bergen.", ["Oslo"]),
    ("Production", "Then a round of re-shoots began in Oslo.", ["Oslo"]),
    ("Production", "It was shot in Bath, Kent, the Chatham Dockyard, and at Stanway House.",
     ["Bath", "Kent", "Chatham Dockyard", "Stanway House"]),
    ("Production", "Pre-production began in Oslo.", []),
    ("Effects", "The footage comes from tests shot at Bikini Atoll, the Trinity test and Operation Ivy.",
     []),  # someone else's footage: nothing of the film was shot there
])
def test_filming_locations_are_real_places_in_sentences_about_the_shoot(section: str, sentence: str,
                                                                         places: list[str]) -> None:
    film = _film("", f"'''Night Harbour''' is a 2001 film.\n\n=={section}==\n{sentence}\n")
    assert [loc.place.name for loc in film.filming_location] == places


# ------------------------------------------------------------------ names

def test_no_name_or_category_keeps_a_stray_quote() -> None:
    film = _film("| distributor = Leomax'", "'''Night Harbour''' is a 2001 film.\n\n==Accolades==\nThe film was "
                 "nominated for 'Best Comedy' at the 2012 Indie Horror Film Festival.\n")
    assert [o.name for o in film.distributor] == ["Leomax"]
    assert [n.category for n in film.nomination] == ["Best Comedy"]


# ------------------------------------------------------------------ money

@pytest.mark.parametrize(("value", "amount", "currency"), [
    ("Rp 5 billion", 5e9, "IDR"), ("₩1.2 billion", 1.2e9, "KRW"), ("5 billion won", 5e9, "KRW"),
    ("L. 500 million", 5e8, "ITL"), ("₺3 million", 3e6, "TRY"),
])
def test_a_budget_in_rupiah_won_or_lira_is_a_budget_with_its_currency(value: str, amount: float,
                                                                       currency: str) -> None:
    (budget,) = _film(f"| budget = {value}").budget
    assert (budget.amount, budget.currency) == (amount, currency)


def test_won_before_a_number_is_the_verb() -> None:
    film = _film("", "'''Night Harbour''' is a 2001 film.\n\n==Box office==\nThe film grossed $2 million and won "
                     "3 awards.\n")
    assert [(q.amount, q.currency) for q in film.box_office] == [(2e6, "USD")]


def test_a_budget_written_with_a_code_before_its_symbol() -> None:
    (budget,) = _film("| budget = [[USD]]$1 million").budget
    assert (budget.amount, budget.currency) == (1e6, "USD")


@pytest.mark.parametrize(("infobox", "field", "names"), [
    ("| cinematography = Nic Knowland BSC", "cinematographer", ["Nic Knowland"]),
    ("| cinematography = [[Karl Freund]], [[A.S.C.]]", "cinematographer", ["Karl Freund"]),
    ("| director = [[Ann Berg]]<br>'''''Uncredited'''''<br>[[Busby Berkeley]]", "director",
     ["Ann Berg", "Busby Berkeley"]),
    # The names under "Lyrics:" are lyricists, no composers (the label runs into the first of them).
    ("| music = '''''Music:'''''<br>[[Jerome Kern]]<br>'''''Lyrics:'''''{{plainlist|\n* Leonard Joy\n}}", "composer",
     ["Jerome Kern"]),
])
def test_a_credit_line_names_people_without_labels_or_society_letters(infobox: str, field: str,
                                                                      names: list[str]) -> None:
    film = _film(infobox)
    assert [film.people[r.person].name for r in getattr(film, field)] == names


def test_a_company_named_with_its_place_is_no_producer() -> None:
    film = _film("| studio = [[Orange Sky Golden Harvest|Golden Harvest]]\n| producer = Albert S. Ruddy",
                 "'''Night Harbour''' is a 1981 film produced by [[Hong Kong]]'s [[Golden Harvest]] films.\n")
    assert [film.people[r.person].name for r in film.producer] == ["Albert S. Ruddy"]
    assert [o.name for o in film.production_company] == ["Golden Harvest"]


def test_a_release_in_two_countries_is_two_releases() -> None:
    film = _film("| released = {{Film date|2018|7|20|United Kingdom & United States|2011|10|26|[[Toronto]] and "
                 "worldwide}}")
    assert [(r.date.isoformat(), r.place.name) for r in film.release] == [
        ("2018-07-20", "United Kingdom"), ("2018-07-20", "United States"), ("2011-10-26", "Toronto")]


# ------------------------------------------------------------------ the lead

def test_a_lead_credit_list_may_start_with_the_surname_of_someone_the_infobox_credits() -> None:
    film = _film("| writer = [[Ann Berg]]", "'''Night Harbour''' is a 2001 film. The screenplay was written by Berg, "
                 "[[Carl Holm]] and [[Eva Lund]].\n")
    assert [film.people[r.person].name for r in film.screenwriter] == ["Ann Berg", "Carl Holm", "Eva Lund"]
    assert film.people[film.screenwriter[0].person].alternate_names == []


def test_a_lone_word_in_a_lead_credit_is_nobody_unless_it_names_exactly_one_credited_person() -> None:
    film = _film("| writer = [[Ann Berg]]\n| producer = Eva Berg", "'''Night Harbour''' is a 2001 film written by "
                 "Berg, Mills and [[Carl Holm]].\n")
    assert [film.people[r.person].name for r in film.screenwriter] == ["Ann Berg", "Carl Holm"]


def test_a_demonym_before_a_language_names_the_country() -> None:
    film = _film("", "'''Night Harbour''' is a 2017 Indian [[Hindi]]-language action film.\n")
    assert [c.label for c in film.country] == ["India"] and [c.label for c in film.language] == ["Hindi"]


def test_a_section_of_filming_locations_lists_one_or_more_places_an_item() -> None:
    film = _film("", "'''Night Harbour''' is a 2001 film.\n\n==Filming locations==\nThe film was shot here:\n"
                     "*[[Mouth of Truth]], Piazza Bocca, Church of Santa Maria in Cosmedin\n"
                     "*Caffè Rocca and [[Pantheon, Rome|Pantheon]]\n"
                     "*[[Via Margutta]] 51, the location of Joe's apartment\n"
                     "*[[Sunset Boulevard]] in Los Angeles (at night)\n")
    assert [(loc.place.name, loc.place.within and loc.place.within.name) for loc in film.filming_location] == [
        ("Mouth of Truth", None), ("Piazza Bocca", None), ("Church of Santa Maria in Cosmedin", None),
        ("Caffè Rocca", None), ("Pantheon", None), ("Via Margutta", None), ("Sunset Boulevard", "Los Angeles"),
        ("Los Angeles", None)]


def test_a_list_in_another_section_names_no_filming_location() -> None:
    film = _film("", "'''Night Harbour''' is a 2001 film.\n\n==Soundtrack==\n*Caffè Rocca\n*Trevi Fountain\n")
    assert film.filming_location == []


def test_prose_takings_of_a_market_that_is_no_country_are_no_box_office() -> None:
    from filmgraph import map_film
    from filmgraph.rdf.vocab import PS, WD, WDT, WIKIBASE, P

    film = _film("| gross = $9,403,000\n| budget = $2,540,000", "'''Night Harbour''' is a 2001 film.\n\n"
                 "==Box office==\nAccording to the studio it made $5,526,000 in the US and Canada and $3,877,000 "
                 "elsewhere, resulting in a profit of $3,198,000. Its budget was $2.5 million. Adjusted for "
                 "inflation, it earned $90 million.\n")
    # The takings of North America (the US and Canada, as studios report them) are box office valid there; the
    # rest "elsewhere" is a part of the takings, no box office (tests/test_money.py).
    assert [(q.amount, q.area and q.area.name) for q in film.box_office] == [(9403000, None),
                                                                             (5526000, "North America")]
    assert [(q.amount, q.area and q.area.name, q.scope) for q in film.takings] == [(3877000, None, "elsewhere")]
    assert [q.amount for q in film.budget] == [2540000] and [q.amount for q in film.profit] == [3198000]
    g = map_film(film)
    (node,) = g.subjects(WDT.P31, WD.Q11424)
    assert [int(v) for v in g.objects(node, WDT.P2142)] == [9403000]
    ranks = {int(g.value(s, PS.P2142)): g.value(s, WIKIBASE.rank) for s in g.objects(node, P.P2142)}
    assert ranks == {9403000: WIKIBASE.PreferredRank, 5526000: WIKIBASE.NormalRank}
    assert [int(v) for v in g.objects(node, WDT.P2295)] == [3198000]


def test_a_loss_is_a_negative_profit_and_video_sales_are_no_takings() -> None:
    film = _film("", "'''Night Harbour''' is a 2001 film.\n\n==Reception==\nThe film earned $2,002,000 but because "
                     "of its high cost incurred an ultimate loss of $96,000. It made a further $150 million in home "
                     "video sales.\n")
    assert [q.amount for q in film.box_office] == [2002000] and [q.amount for q in film.profit] == [-96000]


def test_a_day_and_month_without_a_year_take_the_year_of_the_date_before_them() -> None:
    film = _film("", "'''Night Harbour''' is a 2018 film. After a limited run beginning on November 9, 2018, "
                     "it was released on Netflix on November 16.\n")
    assert [r.date.isoformat() for r in film.release] == ["2018-11-09", "2018-11-16"]


def test_the_companies_of_a_co_production_are_production_companies() -> None:
    film = _film("", "'''Night Harbour''' is a 2001 film.\n\n==Production==\nThe film was a co-production between "
                     "[[JVC]], [[Toho]] and [[Movic]], with [[Animate]] serving as the animation studio. The sequel "
                     "was a co-production between France and Germany.\n")
    assert [o.name for o in film.production_company] == ["JVC", "Toho", "Movic"]
