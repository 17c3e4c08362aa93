"""Reference tables shared by every stage, each defined once.

Data tables (countries, languages, genres, currencies, festivals, cities) ship as CSV in ``filmgraph/data``; each
maps the names a text uses (name, aliases, demonyms) to one row with its Wikidata item. Word tables and
patterns that several stages read (month names, award result words, ceremony names, wikilinks) are here.
"""

from __future__ import annotations

import calendar
import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

# Month names, and every way a text spells a month (January, Jan, Jan., Sept) → its number.
MONTH_NAMES = list(calendar.month_name)
MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTH_NUMBERS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTH_NUMBERS["sept"] = 9

# Award results: the words that say a nomination was won, and every word a result cell may hold.
WIN_WORDS = frozenset({"won", "win", "winner", "winners"})
RESULT_WORDS = WIN_WORDS | frozenset({
    "nominated", "nominee", "nomination", "shortlisted", "runner-up", "runner up", "pending", "lost",
    "honorable mention", "honourable mention",
})

# A ceremony is a body's name after its edition: "43rd Robert Awards", "2025 Cannes Film Festival".
EDITION = r"(?:\d+(?:st|nd|rd|th)|\d{4})"
CEREMONY_RE = re.compile(rf"^(?:the\s+)?{EDITION}\s", re.IGNORECASE)
# "the 43rd Robert Awards", "65th Annual Grammy Awards": the edition before the body's name.
_EDITION_PREFIX_RE = re.compile(rf"^(?:the\s+)?{EDITION}\s+(?:annual\s+)?", re.IGNORECASE)

# [[Target|shown text]] and [[Target]]: group 1 is what a reader sees.
WIKILINK_RE = re.compile(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]")


def unlinked(text: str) -> str:
    """The text with each [[link]] as the words it shows.

    >>> unlinked("[[Ann Berg|Berg]] as [[Maja]]")
    'Berg as Maja'
    """
    # Most texts hold no link; re.sub with a group template calls into Python even where nothing matches.
    return WIKILINK_RE.sub(r"\1", text) if "[[" in text else text


# The words that end a company's name ("Aishwarya Productions", "Nimbus Film ApS").
COMPANY_RE = re.compile(r"\b(?:Productions?|Pictures|Films|Studios?|Entertainments?|Movies|Media|Company|Inc|Ltd|"
                        r"LLC|GmbH|ApS|A/S|Corporation|Corp|Creations|Combines|Enterprises|Releasing|"
                        r"Distribution|Communications|Animation|Features|Arts|Banner|Cinemas?|Limited|Pvt|Digitals?|"
                        r"Partners|Group|Holdings|Ventures|Works)\.?$"
                        r"|\b(?:Film Board|Board of|Institute|Foundation|Council|Corporation of)\b")


# The legal form of a company, which follows its name ("Madison Productions, Inc."): never a company on its own.
CORPORATE_FORMS = frozenset({
    "inc", "incorporated", "ltd", "limited", "llc", "l.l.c", "llp", "lp", "l.p", "corp", "corporation", "co", "company",
    "gmbh", "ag", "kg", "sa", "s.a", "srl", "s.r.l", "spa", "s.p.a", "bv", "b.v", "nv", "n.v", "pty", "pvt", "private",
    "plc", "ab", "as", "a/s", "aps", "oy", "kk", "k.k", "sdn", "bhd", "enterprises", "& co", "s.l", "sl", "sarl",
    "s.a.r.l", "sas", "s.a.s", "ltda", "cv", "c.v",
})


def is_corporate_form(text: str) -> bool:
    """Whether a text is only a company's legal form ("Inc.", "Pvt. Ltd."), which belongs to the name before it.

    >>> is_corporate_form("Inc."), is_corporate_form("Enterprises Pvt. Ltd."), is_corporate_form("Golden Harvest")
    (True, True, False)
    """
    words = [w.strip(".,").casefold() for w in text.split()]
    return bool(words) and all(w in CORPORATE_FORMS for w in words)


# What an editor writes where a value is not known or stands elsewhere: never a value itself.
PLACEHOLDERS = frozenset({"see below", "see above", "unknown", "n/a", "na", "tba", "tbd", "tbc", "none", "-", "–", "—",
                          "?", "various", "not known", "to be announced", "to be determined", "others", "and others",
                          "many others", "etc", "more"})


def is_placeholder(value: str) -> bool:
    """Example:

    >>> is_placeholder("See below"), is_placeholder("unknown"), is_placeholder("Ann Berg")
    (True, True, False)
    """
    return value.strip().strip("()[].").strip().casefold() in PLACEHOLDERS


_REGIONS = frozenset(("europe", "asia", "africa", "north america", "south america", "latin america", "oceania",
                      "middle east", "scandinavia", "nordic countries", "benelux", "worldwide", "international",
                      "overseas", "rest of the world"))


def is_region_name(name: str) -> bool:
    """Where a company distributes, written before it ("Europe - Indian Movies UK Ltd."): a country, a people
    ("Danish"), or a region of the world; not a company's name ("Madman Entertainment - Australia").

    >>> is_region_name("Europe"), is_region_name("UK"), is_region_name("Madman Entertainment")
    (True, True, False)
    """
    return name.casefold().strip() in _REGIONS or country(name) is not None or country_of_demonym(name) is not None


def is_company_name(name: str) -> bool:
    """Example:

    >>> is_company_name("Aishwarya Productions"), is_company_name("Ann Berg"), is_company_name("Warner Bros.")
    (True, False, False)
    """
    return bool(COMPANY_RE.search(name.strip()))


# What the bracket of a company's article title says it is: "Lund (company)", "Holm (record label)".
_COMPANY_PAGE_KIND_RE = re.compile(r"\s*\((?:[\w ]+ )?(?:company|studio|label|publisher|distributor|library)\)$",
                                   re.IGNORECASE)


# The word that ends a music library's or a record label's name ("Nordic Music Library", "Holm Records"); also a
# surname ("Lorenzo Music"), so it marks a company only where a credit shows the name without it.
_BRACKETS_AT_END_RE = re.compile(r"\s*\([^()]*\)$")  # a page's disambiguation: "Holm (record label)"
_NOT_WORD_RE = re.compile(r"\W")
_LABEL_END_RE = re.compile(r"\s+(?:Music(?:\s+Library)?|Records|Recordings|Library)$")


def links_a_company(shown: str, page: str) -> bool:
    """Whether a credit's text links its company under the company's own name, in full or shortened
    ("[[Nordic Music Library|Nordic]]", "[[Star National Pictures|Star National]]"); a person's name linked to
    the company they founded ("[[Startup Inc|Per Vik]]") stays the person's, and so does a person whose name
    ends like a label's ("[[Ann Music]]").

    >>> links_a_company("Nordic", "Nordic Music Library"), links_a_company("Holm", "Holm (record label)")
    (True, True)
    >>> links_a_company("Per Vik", "Startup Inc"), links_a_company("Ann Music", "Ann Music")
    (False, False)
    >>> links_a_company("Hajonal", "De Wolfe Music")
    True
    """
    name = _BRACKETS_AT_END_RE.sub("", page)
    letters = _NOT_WORD_RE.sub("", fold(shown))
    company_page = bool(_COMPANY_PAGE_KIND_RE.search(page) or is_company_name(name))
    label = _LABEL_END_RE.search(name)
    if (company_page or label) and letters and " " not in shown.strip():
        return True  # "[[De Wolfe Music|Dewolfe]]", "[[Holm Records|Holmsound]]": one word is no person's full name
    if company_page:
        return bool(letters) and letters in _NOT_WORD_RE.sub("", fold(name))
    return bool(label and letters) and letters in _NOT_WORD_RE.sub("", fold(name[:label.start()]))


def is_ceremony(name: str) -> bool:
    """Example:

    >>> is_ceremony("43rd Robert Awards"), is_ceremony("Robert Awards")
    (True, False)
    """
    return bool(CEREMONY_RE.match(name))


@cache
def _yearly_ceremonies() -> dict[str, tuple[int, int]]:
    return {row["body"]: (int(row["first_regular_edition"]), int(row["its_year"]))
            for row in _rows("ceremonies.csv")}


def ceremony_year(ceremony: str) -> int | None:
    """The year of a numbered ceremony of a body held once a year since (ceremonies.csv): the 49th Academy Awards
    were held in 1977. None for another body, or an edition before the body kept to one a year.

    >>> ceremony_year("49th Academy Awards"), ceremony_year("the 75th Golden Globe Awards")
    (1977, 2018)
    >>> ceremony_year("3rd Academy Awards"), ceremony_year("43rd Robert Awards"), ceremony_year(
    ...     "53rd Berlin International Film Festival")
    (None, None, 2003)
    """
    edition = re.match(r"^(?:the\s+)?(\d+)(?:st|nd|rd|th)\s+(.+)$", ceremony.strip(), re.IGNORECASE)
    body = (award_body(edition.group(2)) or edition.group(2).strip()) if edition else None
    if edition is None or body not in _yearly_ceremonies():
        return None
    first, year = _yearly_ceremonies()[body]
    number = int(edition.group(1))
    return year + number - first if number >= first else None


def strip_ordinal(name: str) -> str:
    """The award body or festival of a ceremony's name.

    >>> strip_ordinal("the 43rd Robert Awards"), strip_ordinal("2025 Cannes Film Festival")
    ('Robert Awards', 'Cannes Film Festival')
    """
    return _TRAILING_YEAR_RE.sub("", _EDITION_PREFIX_RE.sub("", name.strip())).strip()


_TRAILING_YEAR_RE = re.compile(r"\s+\d{4}$")


@dataclass(frozen=True)
class Entry:
    name: str
    qid: str
    code: str = ""


@lru_cache(maxsize=4096)  # a few pages' names: a bound that keeps a dump's memory flat
def fold(text: str) -> str:
    """Casefold and strip diacritics, for comparing names.

    >>> fold("Zoë Ağaoğlu") == fold("zoe agaoglu")
    True
    """
    if text.isascii():  # nothing to decompose, no diacritic and none of the letters below
        return text.casefold().strip()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("ı", "i").replace("ø", "o").replace("æ", "ae").replace("ß", "ss").casefold().strip()


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("filmgraph").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _index(rows: list[dict[str, str]], name_columns: tuple[str, ...], code_column: str) -> dict[str, Entry]:
    index: dict[str, Entry] = {}
    for row in rows:
        entry = Entry(row["name"] if "name" in row else row["code"], row["qid"], row.get(code_column, ""))
        for column in name_columns:
            for word in filter(None, row[column].split("|")):
                index.setdefault(fold(word), entry)
    return index


@cache
def _countries() -> dict[str, Entry]:
    return _index(_rows("countries.csv"), ("name", "aliases"), "iso")


@cache
def _demonyms() -> dict[str, Entry]:
    return _index(_rows("countries.csv"), ("demonyms",), "iso")


@cache
def _languages() -> dict[str, Entry]:
    return _index(_rows("languages.csv"), ("name", "aliases"), "code")


@cache
def _genres() -> dict[str, Entry]:
    return _index(_rows("genres.csv"), ("name", "aliases"), "")


@cache
def _currencies() -> dict[str, Entry]:
    return _index(_rows("currencies.csv"), ("code", "symbols", "names"), "code")


def country(text: str) -> Entry | None:
    """The country a name or alias denotes: from filmgraph's table (with its Wikidata item), else from
    ISO 3166 (pycountry; code only).

    >>> country("Denmark").qid, country("UK").name, country("Bhutan").code
    ('Q35', 'United Kingdom', 'BT')
    """
    found = _countries().get(fold(text))
    if found is None and "." in text and re.fullmatch(r"(?:[A-Z]\.){2,4}", text.strip()):
        found = _countries().get(fold(text.replace(".", "")))  # "U.S.A.", "U.K.": the table's "USA", "UK"
    if found or not text.strip() or len(text) > 60:
        return found
    return _iso_country(text.strip())


@cache
def _iso_names() -> dict[str, Entry]:
    """ISO 3166 countries by their names (pycountry): exact names only, never a fuzzy match."""
    import pycountry

    index: dict[str, Entry] = {}
    for record in pycountry.countries:
        entry = Entry(getattr(record, "common_name", None) or record.name, "", record.alpha_2)
        for name in (record.name, getattr(record, "common_name", None), getattr(record, "official_name", None)):
            if name:
                index.setdefault(fold(name), entry)
    return index


def _iso_country(text: str) -> Entry | None:
    return _iso_names().get(fold(text))


@cache
def _city_countries() -> dict[str, frozenset[str]]:
    """Folded names of the world's cities of 100,000 people or more, with a few Latin-script alternate names
    (``data/cities.csv``, from GeoNames, geonames.org, CC BY 4.0), each with the codes of its countries."""
    found: dict[str, set[str]] = {}
    for row in _rows("cities.csv"):
        for name in [row["name"], *row["aliases"].split("|")]:
            if name:
                found.setdefault(fold(name), set()).add(row["country"])
    return {name: frozenset(codes) for name, codes in found.items()}


@cache
def _subdivision_countries() -> dict[str, frozenset[str]]:
    """Folded names of the subdivisions of every country (ISO 3166-2 through pycountry: states, provinces,
    counties), each with the codes of the countries that have one of that name."""
    import pycountry

    found: dict[str, set[str]] = {}
    for record in pycountry.subdivisions:
        for part in re.split(r"\s*[;\[\]]\s*", record.name):
            if part:
                found.setdefault(fold(part), set()).add(record.country_code)
    return {name: frozenset(codes) for name, codes in found.items()}


@cache
def _places() -> frozenset[str]:
    """Folded names of the world's cities and of the subdivisions of every country."""
    return frozenset(_city_countries()) | frozenset(_subdivision_countries())


def is_division(name: str) -> bool:
    """Whether a name is a country or one of its divisions (a state, a province, a county): the land a place lies
    in rather than a town ("Surrey", "Kerala", "Morocco"; never "Hyderabad" or "Seoul").

    A city that is also a division of its own country ("Paris", "Berlin", "Tokyo", "Dublin") is a town.

    >>> is_division("Surrey"), is_division("France"), is_division("Hyderabad"), is_division("Valldal")
    (True, True, False, False)
    >>> is_division("Paris"), is_division("Berlin"), is_division("Washington")
    (False, False, True)
    """
    folded = fold(name)
    lands = _subdivision_countries().get(folded, frozenset())
    # (An American state is named bare after a place in it, "Whidbey Island in Washington", as a town is not.)
    return country(name) is not None or "US" in lands or bool(lands - _city_countries().get(folded, frozenset()))


@cache
def _first_level_regions() -> frozenset[str]:
    """Folded names of the first-level subdivisions of every country (ISO 3166-2: states, provinces, the
    countries of the United Kingdom), the regions written after a town ("Regina, Saskatchewan")."""
    import pycountry

    return frozenset(fold(part) for record in pycountry.subdivisions if record.parent_code is None
                     for part in re.split(r"\s*[;\[\]]\s*", record.name) if part)


@cache
def _region_countries() -> dict[str, frozenset[str]]:
    import pycountry

    found: dict[str, set[str]] = {}
    for record in pycountry.subdivisions:
        if record.parent_code is None:
            for part in re.split(r"\s*[;\[\]]\s*", record.name):
                if part:
                    found.setdefault(fold(part), set()).add(record.country_code)
    return {name: frozenset(codes) for name, codes in found.items()}


def region_countries(name: str) -> frozenset[str]:
    """The ISO codes of the countries that have a first-level region of this name: "Indiana" is the United States'.

    >>> sorted(region_countries("Indiana")), sorted(region_countries("Atlantis"))
    (['US'], [])
    """
    return _region_countries().get(fold(name), frozenset())


def is_first_level_region(name: str) -> bool:
    """Whether a name is a country's state, province or constituent country: "Regina, Saskatchewan" names a
    town and the region it is in, as places are written.

    >>> is_first_level_region("Saskatchewan"), is_first_level_region("Idaho"), is_first_level_region("Kent")
    (True, True, False)
    """
    return fold(name) in _first_level_regions()


# The words that name a kind of place after its name ("Doune Castle", "Pinewood Studios", "the Tunnel night club").
PLACE_KINDS = frozenset({
    "studio", "studios", "castle", "park", "canyon", "base", "beach", "rocks", "house", "island", "islands", "lake",
    "mountain", "mountains", "valley", "desert", "forest", "river", "airport", "station", "theatre", "theater",
    "hotel", "bridge", "street", "square", "palace", "cathedral", "church", "abbey", "hall", "manor", "estate",
    "farm", "ranch", "harbour", "harbor", "bay", "coast", "falls", "glacier", "atoll", "fort", "museum", "university",
    "college", "school", "hospital", "prison", "city", "town", "village", "county", "province", "state", "region",
    "district", "club", "lot", "stages", "backlot", "gardens", "garden", "plaza", "avenue", "road", "pier", "dam",
    "temple", "mosque", "fortress", "tower", "peninsula", "panhandle", "highlands", "hills", "moor", "heath",
    "marina", "port", "docks", "cove", "gorge", "pass", "reservoir", "building", "centre", "center", "stadium",
    "arena", "zoo", "cemetery", "mansion", "villa", "monastery", "ruins", "quarry", "mine", "camp",
})
_COMPASS_RE = re.compile(r"^(?:north|south|east|west|central|northern|southern|eastern|western|upstate|downtown|"
                         r"greater|northeast|northwest|southeast|southwest)\s+", re.IGNORECASE)


def is_place_name(text: str) -> bool:
    """Whether a name is a place's: a country, a region of one, a city, "South Wales" (a compass word before a
    place), or a name ending in a kind of place ("Doune Castle").

    >>> is_place_name("Michigan"), is_place_name("Los Angeles"), is_place_name("Doune Castle")
    (True, True, True)
    >>> is_place_name("South Wales")
    True
    >>> is_place_name("Imperial"), is_place_name("Panavision"), is_place_name("Second")
    (False, False, False)
    """
    text = text.strip().removeprefix("the ").removeprefix("The ")
    if not text:
        return False
    if _countries().get(fold(text)) or _iso_country(text) or fold(text) in _places():
        return True
    words = text.split()
    if len(words) > 1 and words[-1].casefold() in PLACE_KINDS and words[0][:1].isupper():
        return True
    rest = _COMPASS_RE.sub("", text)
    return rest != text and is_place_name(rest)


def country_of_demonym(text: str) -> Entry | None:
    """The country an adjective such as "Danish" denotes.

    >>> country_of_demonym("Danish").name
    'Denmark'
    """
    return _demonyms().get(fold(text))


def language(text: str) -> Entry | None:
    """A language by its English name: from filmgraph's table (with its Wikidata item), else from the
    CLDR names of langcodes (BCP 47 tag only).

    >>> language("Danish").code, language("Assamese").code, language("Malayalam").name
    ('da', 'as', 'Malayalam')
    """
    name = text.strip().removesuffix("language").strip().removesuffix("-").strip()
    found = _languages().get(fold(name))
    if found or not name or len(name) > 40:
        return found
    return _cldr_language(name)


@cache
def _cldr_language(name: str) -> Entry | None:
    """An English language name exactly as CLDR lists it (language_data's name trie); its prefix
    matching ("Hindi film" → hi) is not used, so that no language is guessed."""
    from language_data import names

    code = names.name_to_code("language", name, "en")
    trie = names.TRIES.get("en/name_to_language")
    if not code or trie is None or names.normalize_name(name) not in trie:
        return None
    return Entry(name[:1].upper() + name[1:], "", code)


def genre(text: str) -> Entry | None:
    """Example:

    >>> genre("drama").qid
    'Q130232'
    """
    return _genres().get(fold(text))


def genre_words() -> list[str]:
    """Every genre name and alias, longest first, for finding genres in a sentence."""
    return sorted(_genres(), key=len, reverse=True)


def currency(text: str) -> Entry | None:
    """Example:

    >>> currency("€").code, currency("US$").qid
    ('EUR', 'Q4917')
    """
    return _currencies().get(fold(text))


def currency_words() -> list[str]:
    return sorted(_currencies(), key=len, reverse=True)


# The code currencies.csv gives "Rs": a rupee, which one the film's country says (see rupee_of).
ANY_RUPEE = "Rs"


def rupee_of(country_codes: list[str]) -> Entry:
    """The rupee "Rs" stands for on the page of a film of these countries (ISO codes): Pakistan's, Sri Lanka's or
    Nepal's for a film of one of them and not of India, else India's.

    >>> rupee_of(["PK"]).code, rupee_of(["IN", "PK"]).code, rupee_of([]).code
    ('PKR', 'INR', 'INR')
    """
    by_country = {row["rupee_of"]: currency(row["code"]) for row in _rows("currencies.csv") if row["rupee_of"]}
    india = by_country.pop("IN")
    found = [by_country[code] for code in country_codes if code in by_country]
    entry = found[0] if found and "IN" not in country_codes else india
    assert entry is not None
    return entry


MINUTE_QID = "Q7727"


@cache
def _language_codes() -> dict[str, str]:
    return {row["code"]: row["name"] for row in _rows("languages.csv")}


def language_of_code(code: str) -> str | None:
    """The English name of a language code.

    Example:

    >>> language_of_code("da")
    'Danish'
    """
    return _language_codes().get(code.strip().casefold())


@cache
def festival_names() -> dict[str, str]:
    """Short names a sentence may use for well-known festivals ("cannes" → "Cannes Film Festival")."""
    return {row["short"]: row["name"] for row in _rows("festivals.csv")}


@cache
def _award_bodies() -> dict[str, str]:
    index: dict[str, str] = {}
    for row in _rows("award_bodies.csv"):
        for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
            index.setdefault(fold(name), row["name"])
    return index


@cache
def _given_name_forms() -> dict[str, frozenset[str]]:
    forms: dict[str, set[str]] = {}
    for row in _rows("given_names.csv"):
        for form in [row["name"], *filter(None, row["short forms"].split("|"))]:
            forms.setdefault(fold(form), set()).add(fold(row["name"]))
    return {form: frozenset(names) for form, names in forms.items()}


def same_given_name(a: str, b: str) -> bool:
    """Two forms of one given name: a name and its short form ("James", "Jimmy"), or two short forms of one name
    ("Bob", "Rob") — given_names.csv; a name is its own form.

    >>> same_given_name("Jimmy", "James"), same_given_name("Bob", "Robbie"), same_given_name("Al", "Alan")
    (True, True, False)
    """
    a, b = fold(a), fold(b)
    forms = _given_name_forms()
    return a == b or bool(forms.get(a, frozenset()) & forms.get(b, frozenset()))


def is_given_name(word: str) -> bool:
    """Whether a word is a given name of ``data/given_names.csv`` (a name or one of its short forms).

    >>> is_given_name("Tom"), is_given_name("Evil")
    (True, False)
    """
    return fold(word) in _given_name_forms()


def award_body(text: str) -> str | None:
    """The award body a name stands for, by its usual name (award_bodies.csv), or None when not known.

    >>> award_body("BAFTA Award"), award_body("the 42nd Academy Awards"), award_body("Best Actor")
    ('British Academy Film Awards', 'Academy Awards', None)
    """
    return _award_bodies().get(fold(strip_ordinal(text)).removeprefix("the "))


@cache
def _festival_prizes() -> tuple[tuple[str, str], ...]:
    return tuple((fold(row["prize"]), row["festival"]) for row in _rows("festival_prizes.csv"))


def festival_of_prize(prize: str) -> str | None:
    """The festival that gives a prize named for its trophy (festival_prizes.csv), or None.

    >>> festival_of_prize("Silver Bear for Best Director"), festival_of_prize("Best Director")
    ('Berlin International Film Festival', None)
    """
    folded = fold(prize)
    return next((festival for name, festival in _festival_prizes()
                 if folded == name or folded.startswith((name + " ", name + "s "))), None)


@cache
def award_body_names(name: str) -> tuple[str, ...]:
    """The other names of an award body as a whole (award_bodies.csv): "Razzie Awards" and "Razzies" for the Golden
    Raspberry Awards; not a single prize's name ("Razzie Award") nor the organisation behind it ("Academy of …").

    >>> award_body_names("Golden Raspberry Awards")
    ('Razzie Awards', 'Razzies')
    """
    for row in _rows("award_bodies.csv"):
        if row["name"] == name:
            # (Not an acronym alone: "BAFTA" is the academy, which gives other awards too.)
            return tuple(alias for alias in filter(None, row["aliases"].split("|"))
                         if alias.endswith("s") and not alias.isupper() and " of " not in alias)
    return ()


_BODY_WORDS_RE = re.compile(r"\b(?:awards?|prizes?|academy|guild|festival|fest|critics|circle|society|association|"
                            r"ceremony|film|films|cinema|movie|international|national|independent|screen|state)\b",
                            re.IGNORECASE)


def is_named_prize(prize: str) -> bool:
    """A prize named after a person or a trophy, not a body's own award: "Nargis Dutt Award", "Golden Osella
    Award", but not "Robert Award", "Academy Award" or "Chicago Film Critics Award".

    >>> is_named_prize("Nargis Dutt Award"), is_named_prize("Golden Osella Award"), is_named_prize("Robert Award")
    (True, True, False)
    """
    words = prize.split()[:-1]
    if award_body(prize) is not None or not words or _BODY_WORDS_RE.search(" ".join(words)):
        return False
    # A trophy ("Golden Osella"), or a person's name: two or three capitalised words.
    return bool(re.match(r"(?:Golden|Silver|Bronze|Crystal)$", words[0])) or (
        2 <= len(words) <= 3 and all(w[:1].isupper() for w in words))


_AWARD_PAGE_RE = re.compile(r"^(?P<body>.+?)\s+(?:Awards?|Prizes?)\s+for\s+(?P<category>.+)$")
_BODY_PAGE_RE = re.compile(r"^(?P<body>.+?)(?:\s+for\s+|\s*:\s*)(?P<category>.+)$")


@lru_cache(maxsize=1024)  # a page's links are asked for the page, and again for each paragraph holding one
def award_page(title: str) -> tuple[str, str] | None:
    """(body, category) that the title of a category's article names, as Wikipedia titles them ("<Body> Award
    for <Category>"); None for any other page.

    >>> award_page("BAFTA Award for Best Film")
    ('British Academy Film Awards', 'Best Film')
    >>> award_page("Directors Guild of America Award for Outstanding Directing – Feature Film")
    ('Directors Guild of America Awards', 'Outstanding Directing – Feature Film')
    >>> award_page("David di Donatello for Best Foreign Director"), award_page("Golden Bear")
    (('David di Donatello', 'Best Foreign Director'), None)
    >>> award_page("Kerala State Film Award for Best Actor"), award_page("Chicago Award for Best Film")
    (('Kerala State Film Awards', 'Best Actor'), ('Chicago Awards', 'Best Film'))
    >>> award_page("List of Edgar Allan Poe Award for Best Motion Picture Screenplay winners") is None
    True
    """
    title = " ".join(title.split())
    if title.startswith("List of "):
        return None  # a list of a category's winners is no category's page (its Wikidata item is the list's)
    if "for" not in title and ":" not in title:
        return None  # what both patterns below need (most pages a film links): neither is tried
    named = _BODY_PAGE_RE.match(title)
    if named and award_body(named["body"]):
        return award_body(named["body"]) or "", named["category"]
    match = _AWARD_PAGE_RE.match(title)
    if match is None or not match["body"][:1].isupper():
        return None
    if is_named_prize(title[:match.start("category")].rsplit(" for", 1)[0]):
        return None  # "Nargis Dutt Award for …": the title names the prize, not the body that gives it
    word = title[match.end("body"):match.start("category")].split()[0]
    body = award_body(f"{match['body']} {word}") or award_body(match["body"])
    if body is None:
        body = f"{match['body']} {word}" if word.endswith("s") else f"{match['body']} {word}s"
    return body, match["category"]
