"""Facts stated in sentences: releases, screenings, awards, filming, distribution, money, subjects.

Each finder takes one sentence (and the film's title, to tell the film from a person) and returns
the facts it states; ``extract`` merges them with what tables and the infobox say. A finder
returns nothing rather than guess: a fact the sentence does not state is never made up.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterator, Sequence
from datetime import date, timedelta
from decimal import Decimal
from functools import cache, lru_cache

from filmgraph import reference
from filmgraph.dates import find_dates, find_dates_carrying_year, find_month_range, parse_date, yearless_dates
from filmgraph.extract.names import is_person_name
from filmgraph.model import (
    AwardResult,
    AwardTally,
    FilmingLocation,
    Nomination,
    Nominee,
    PartialDate,
    Place,
    Quantity,
    Release,
    Screening,
)
from filmgraph.reference import fold, is_ceremony, strip_ordinal
from filmgraph.text import ABBREVIATIONS, UPPER

# Words that open a sentence and never follow a person's initial.
_SENTENCE_OPENERS = frozenset({"The", "It", "He", "She", "They", "This", "These", "Its", "His", "Her", "Their", "In",
                               "On", "At", "After", "During", "However", "A", "An", "When", "While", "As"})
_SENTENCE_END_RE = re.compile(rf"(?<=[.!?])[\"”']?\s+(?=[\"“'(]?[{UPPER}0-9])")

_CAP = rf"[{UPPER}][\w'’.:-]*"
_NAME_TOKEN = rf"(?:[{UPPER}]\.|(?:(?:el|al|ad|d')-?)?[{UPPER}][\w'’-]*)"
_PARTICLE = r"(?:de|da|van|von|der|den|del|la|le|du|di|af|bin|al|ter|op)"
# The look-ahead names what a name can start with, a capital, or "el", "al", "ad", "d'" before one (as two letters of
# a few each: an alternation there would cost more than it saves): a search along a paragraph tries the name's
# alternatives only there, not at each "e", "a" and "d" of its words.
NAME_RE = re.compile(rf"(?=[{UPPER}]|[ead][l'd]-?[{UPPER}]){_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_TOKEN}){{1,3}}")
_JOINER = r"(?:of|de|du|des|del|della|di|da|do|dos|das|von|van|der|den|la|le|les|för|for|on|the|'s|&|and the)"
# (A name's later words may be elided particles and their word: "Nastro d'Argento", "Valle d'Aosta".)
_PHRASE_RE = re.compile(rf"(?:{reference.EDITION}\s+)?{_CAP}(?:\s+(?:{_JOINER}\s+)*(?:{_CAP}|[dl]['’]{_CAP}|\d{{4}}))*")
_EVENT_WORDS = re.compile(r"\b(festival|fest|filmfest|berlinale|biennale|market|affair|screenings|showcase|"
                          r"forum|sundance|cannes|tribeca|sxsw|locarno|tiff|days|week|series)\b", re.IGNORECASE)
_BODY_WORDS = re.compile(r"\b(awards?|prizes?|academy|guild|festival|fest|filmfest|berlinale|critics|circle|"
                         r"society|association|oscars|globes|baftas?|césars?|goyas?|bodils?|ceremony)\b",
                         re.IGNORECASE)
_MONTH_NAMES_RE = "(?:" + "|".join(reference.MONTH_NAMES[1:]) + r")\b"
# "from" only before "a"/"an": "Best Song from a Movie", but "Best Actor from the Chicago Film Critics" names a body.
# "for" only before what a category is for, never a person: the Writers Guild's "Best Drama Written Directly for the
# Screen", the Grammys' "Best Score Soundtrack for Visual Media".
_CATEGORY_TOKEN = (rf"(?:(?:in|a|an|the|of|by|not|on|from(?=\s+an?\s)|for(?=\s+(?:the\s+Screen|Visual\s+Media)\b))\s+)*"
                   rf"[{UPPER}][\w'’-]*")
_INDIAN_LANGUAGE = r"(?:Telugu|Tamil|Hindi|Malayalam|Kannada|Bengali|Marathi|Punjabi|Gujarati|Odia|Assamese|Urdu)"
# "Best Canadian film award": a category may end in a lower-case noun before "award".
# Words of a category's qualifier in brackets: "Best Actor (Musical or Comedy)" is not "Best Actor (Drama)".
_QUALIFIER = (r"(?:Musical|Comedy|Drama|Motion|Picture|Feature|Films?|Foreign|Language|Short|Documentary|Animated|"
              r"Animation|Leading|Supporting|Role|Male|Female|Original|Adapted|Television|TV|Series|Miniseries|"
              r"Limited|Actor|Actress|Score|Song|Screenplay|Story|Motion Picture Story|"
              # the Academy's older names: "(Black-and-White)", "(Story and Screenplay Written Directly for the Screen)"
              r"Black-and-White|Black|White|Colou?r|Written|Directly|Screen|Based|Material|Another|Medium|Long|Form|"
              # the language of the films a category of an Indian body is for: "Best Film (Telugu)"
              rf"{_INDIAN_LANGUAGE})")
# "Worst …": the categories of the Golden Raspberry Awards and their like.
# Or after a comma or a dash, as the Hugo and the Golden Globe Awards name theirs: "Best Dramatic Presentation, Long
# Form", "Best Actor – Drama", "Best Actress – Motion Picture Musical or Comedy".
_QUALIFIED = (rf"(?:\s+\({_QUALIFIER}(?:\s+(?:or|and|in|a|for|the|on|from|[–-]|{_QUALIFIER}))*\))?"
              # The Academy's older names: "Best Music, Scoring of a Dramatic Picture", "Best Writing, Screenplay".
              r"(?:,\s+(?:(?:Long|Short)\s+Form|Scoring\s+of\s+(?:a\s+)?(?:Dramatic|Musical|Comedy)\s+Picture|"
              r"Original\s+(?:Score|Song|Story|Screenplay|Music\s+Score)|Adaptation\s+Score|Screenplay|"
              r"Story(?:\s+and\s+Screenplay)?|Black[- ]and[- ]White|Colou?r)\b|"
              r"\s+[–—-]\s+(?:Motion\s+Picture\s+)?(?:Drama|Musical\s+or\s+Comedy|"
              # the Filmfare Awards South's: "Best Director – Malayalam"; "Best Acting Debut – Male";
              # "Outstanding Directing – Feature Film"
              rf"Comedy\s+or\s+Musical|{_INDIAN_LANGUAGE}|Male|Female|Feature\s+Film|Documentary)\b)?")
# A bracket or a dash's words that qualify a category, never name its nominee: "(Black-and-White)", "(Story and
# Screenplay Written Directly for the Screen)", "Long Form".
CATEGORY_QUALIFIER_RE = re.compile(rf"(?i)^(?:motion\s+picture\s+)?{_QUALIFIER}"
                                   rf"(?:\s+(?:or|and|in|a|for|the|on|from|[–-]|{_QUALIFIER}))*$")
_CATEGORY_RE = re.compile(rf"\b(?:Best|Worst|Outstanding)(?:\s+{_CATEGORY_TOKEN})+"
                          r"(?:\s+(?:film|feature|picture|documentary)(?=\s+(?:award|prize)))?" + _QUALIFIED)
_NAMED_PRIZE_RE = re.compile(
    # Festival trophies named after a thing (Bear, Lion, Shell …) are prizes only with their metal or colour:
    # "Golden Bear", never "Billy Bear"; nor in a body's name ("Blue Dragon Film Awards", "Golden Horse Awards").
    # "Oscar" alone is how a text counts Academy Awards ("three-time Oscar winner"), never a category.
    rf"\b(?:the\s+)?((?:{_CAP}\s+(?:of\s+)?)*(?:Award|Prize|Palme d'Or|"
    rf"Grand Prix(?:\s+Sp[ée]cial\s+du\s+Jury)?|Mention|Golden Globe|Trophy|Medal|"
    rf"(?:Golden|Silver|Bronze|Crystal|Teddy|Blue)\s+[A-Z][a-z]+\b(?!(?:\s+[A-Z][a-z]+)?\s+Awards?\b))\b"
    # "the Grand Prix of the Americas", "the Prize of the Ecumenical Jury": the prize's name goes on (never a body's:
    # "the Golden Globe of the Hollywood Foreign Press Association").
    rf"(?:\s+of\s+the\s+(?!(?:[A-Z][\w'’-]*\s+){{0,4}}(?:Association|Academy|Society|Festival|Foundation|Institute|"
    rf"Guild|Year)\b)"
    rf"[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){{0,3}})?)"
    # After "Award for", a category may open with other words than "Best" ("Favorite Movie", "Outstanding
    # Directing", "Most Popular Film", "Choice Movie: Drama").
    rf"(?:\s+(?:for|in the category of)\s+((?:Best|Worst|Outstanding|Favou?rite|Most)"
    rf"(?:\s+{_CATEGORY_TOKEN})+{_QUALIFIED}"
    # The Teen Choice Awards name a category's kind after a colon: "Choice Movie: Comedy", "Choice Movie Actor: Drama".
    rf"|Choice(?:\s+{_CATEGORY_TOKEN})+(?::\s+{_CATEGORY_TOKEN}(?:\s+{_CATEGORY_TOKEN})*)?))?")
# Not inside a hyphenated word: "well-received", "award-winning" praise the film, they give it nothing.
# (The look-aheads of these two name the letters their words start with: a search tries the words only there.)
WIN_RE = re.compile(r"(?=[abceghnprstvw])(?<!-)\b(won|wins|winning|win|received|receiving|receives|took|taking|"
                     r"awarded|earned|earning|collected|picked up|named (?:the )?winner of|honou?red with|got|gets|"
                     r"getting|bagged|bagging|(?<=was )given|(?<=were )given|"
                     r"secured|securing|clinched|clinching|scooped|claimed|claiming|"
                     r"(?:named|chosen|voted)(?= (?:as )?(?:the )?(?:year's )?[\"“]?Best\b)|"
                     r"garnered|garnering)\b",
                     re.IGNORECASE)
NOMINATION_RE = re.compile(r"(?=[cinsvw])(?<!-)\b(nominated|nominations?|shortlisted|in contention|competed|vied|"
                            r"nominee|was (?:in|up) for)\b", re.IGNORECASE)
_NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split())}
_COUNT = r"(?P<count>\d+|" + "|".join(_NUMBER_WORDS) + r")"
_OTHER_AWARDS_RE = re.compile(rf"\b{_COUNT}\s+(?:other|more|further|additional)\s+(?:awards|prizes|wins)\b",
                              re.IGNORECASE)
_TOTAL_AWARDS_RE = re.compile(rf"\b(?:won|win|winning|took|taking|received)\s+{_COUNT}\b"
                              rf"(?:\s+(?:[A-Z][\w'’-]*\s+)*"
                              r"(?:[Aa]wards|[Pp]rizes|Oscars|BAFTAs|Golden Globes|Césars)\b"
                              r"|(?=\s*[,;.]|\s+of\s+them))")
_NOMINATION_COUNT_RE = re.compile(rf"\b(?:received|receiving|earned|earning|garnered|got|scored)\s+{_COUNT}\s+"
                                  r"(?:[A-Z][\w'’-]*\s+)*nominations\b", re.IGNORECASE)
_PRONOUN_SUBJECTS = {"it", "the film", "the movie", "this film", "she", "he", "they", "the project"}


# The longest sentence filmgraph reads as one. Real sentences stay under a thousand characters; a table written
# out on one line is cut into pieces of this size, so that no scan of a sentence costs more than a bounded amount.
MAX_SENTENCE_CHARS = 2000


_INITIALS_RE = re.compile(r"(?:[A-Z]\.)+[A-Z]")  # "U.S": compiled here, for a test made at every sentence's end
# Currency symbols written with a stop before the sum: "Rs. 122 crore", "Rp. 5 billion".
_CURRENCY_ABBREVIATIONS = frozenset({"Rs", "Rp"})


def split_sentences(paragraph: str) -> list[str]:
    """Example:

    >>> split_sentences('Dr. Ann Berg won. It was released on 1 May 2020. "Yes."')
    ['Dr. Ann Berg won.', 'It was released on 1 May 2020.', '"Yes."']
    >>> [len(s) for s in split_sentences("word " * 1000)]
    [1999, 1994, 1004]
    """
    pieces = _SENTENCE_END_RE.split(paragraph.strip())
    sentences: list[list[str]] = []  # each sentence as its pieces, joined once at the end
    for piece in pieces:
        previous = sentences[-1][-1] if sentences else ""
        last_word = previous.rstrip(".").rsplit(" ", 1)[-1] if previous else ""
        # "Dr." and an initial ("Sundar C.") do not end a sentence, unless what follows opens one ("… directed
        # by Sundar C. The film features …").
        opens = piece.split(" ", 1)[0] in _SENTENCE_OPENERS
        # "U.S." goes on into a name ("the U.S. Custom House", two capitalised words), else it ends a sentence
        # ("… in the U.S. Berg then flew to Rome").
        initial = (len(last_word) == 1 and "A" <= last_word <= "Z") or (
            _INITIALS_RE.fullmatch(last_word) is not None
            and re.match(rf"[{UPPER}][\w'’-]*\s+[{UPPER}]", piece) is not None)
        # "Dr.", "St.", "No. 5", "vs." (not "she said no.")
        abbreviated = fold(last_word) in ABBREVIATIONS and (last_word[:1].isupper() or last_word == "vs") \
            or (last_word in _CURRENCY_ABBREVIATIONS and piece[:1].isdigit())  # "grossed Rs. 122 crore"
        if previous and (abbreviated or (initial and not opens)):
            sentences[-1].append(piece)
        else:
            sentences.append([piece])
    return [part for sentence in sentences for part in _bounded(" ".join(sentence).strip()) if part]


def _bounded(sentence: str) -> Iterator[str]:
    """A sentence in pieces of at most MAX_SENTENCE_CHARS, cut at a space where there is one."""
    start = 0
    while len(sentence) - start > MAX_SENTENCE_CHARS:
        cut = sentence.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        yield sentence[start:cut].strip()
        start = cut
    yield sentence[start:].strip()


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _NUMBER_WORDS[text.lower()]


_BEFORE_MONTH_RE = re.compile(rf"\s+(?:on|in)\s+(?={_MONTH_NAMES_RE})")
_TRAILING_JOINER_RE = re.compile(r"\s+(?:the|and the|of|for|on|&)$")
_LEADING_PREPOSITION_RE = re.compile(r"^(?:At|In|On|From|By|During|For|With|After|Before)\s+(?:the\s+)?")


def _phrases(text: str) -> list[tuple[str, int, int]]:
    found = []
    for match in _PHRASE_RE.finditer(text):
        phrase = match.group(0).rstrip(".,:;'’")
        # "the Sitges Film Festival on October 9": a date after "on"/"in" is not part of the name.
        phrase = _BEFORE_MONTH_RE.split(phrase)[0]
        phrase = _TRAILING_JOINER_RE.sub("", phrase)
        # A capitalised preposition opening a sentence is not part of the name: "At the Bodil Awards"; nor a date
        # and "and" before it: "(in) September 2014 and the Toronto International Film Festival".
        lead = _LEADING_PREPOSITION_RE.match(phrase) or _LEADING_DATE_RE.match(phrase)
        start = match.start() + (lead.end() if lead else 0)
        phrase = phrase[lead.end():] if lead else phrase
        if phrase:
            found.append((phrase, start, start + len(phrase)))
    return found


_LEADING_DATE_RE = re.compile(rf"(?:\d{{1,2}}\s+)?{_MONTH_NAMES_RE}\s*(?:\d{{1,2}},?\s+)?\d{{4}},?\s+and\s+(?:the\s+)?")
# Patterns of the rules below, compiled once (re keeps only 512 patterns compiled: see tests/test_regex_cost.py).
# "…, standing in for the Savoy Hotel", "doubling for …", "instead of …": the place a scene shows, not the place of
# filming.
_STANDING_IN_FOR_RE = re.compile(r"\b(?:(?:standing|stood|stands|doubling|doubled|doubles)\s+(?:in\s+)?(?:for|as)|"
                                 r"instead\s+of)\b")
_LAND_NOUN_AFTER_RE = re.compile(r"\s+(archipelago|countryside|valley|highlands|lowlands|hinterland|delta|"
                                 r"peninsula|coast|outback|region)\b")
# A permission refused, a shoot forbidden: "Permission to film at … was refused", "filming there was not allowed".
_REFUSED_RE = re.compile(r"(?i)\b(?:refused|denied|(?:was|were)\s+not\s+(?:permitted|allowed)|forbidden|"
                         r"prohibited|banned)\b")
# ", a studio" after a place: what it is, before where it lies ("in [[Iver Heath]]").
_APPOSITION_RE = re.compile(r",\s+an?\s+(?:[a-z-]+\s+){0,3}[a-z-]+\s+")  # (never ", the latter in …")
_ABBREVIATION_END_RE = re.compile(r"(?:^|[\s.])[A-Z]\.$")  # "L.A.": a stop that is the name's own
_DC_RE = re.compile(r"D\.C\.?")
_COMMA_ITEM_RE = re.compile(r"\s*,\s*(?:and\s+|plus\s+)?")
_ASIDE_START_RE = re.compile(r"(?:where|which|when|in which|on which|who)\b")
_AND_BEFORE_EVENT_RE = re.compile(r"\s+and\s+(?:at\s+)?(?:the\s+)?(?:\d{4}\s+)?$")
_ARTICLE_ALONE_RE = re.compile(r"\s*(?:(?:An?|The)\s*)?")
_WAS_HELD_RE = re.compile(r"(?i)\s+(?:screening\s+)?(?:was|were)\s+held\b")
_AT_WORD_RE = re.compile(r"\bat\s")
_NOT_NAME_STARTS = frozenset({"In", "On", "The", "It", "A", "An"})


def _is_month_or_date(phrase: str) -> bool:
    first = phrase.split()[0].rstrip(",")
    return any(True for _ in find_dates(phrase)) or first in reference.MONTH_NAMES or first in _NOT_NAME_STARTS


def _events(text: str) -> list[tuple[str, int, int]]:
    """Festival-like names in a sentence, with their spans; "the Sundance Film Festival and the Berlin International
    Film Festival" is two."""
    found = []
    for phrase, start, end in _phrases(text):
        if not _EVENT_WORDS.search(phrase) or _is_month_or_date(phrase):
            continue
        pieces = [(m.group(0), start + m.start()) for m in re.finditer(r"(?:(?!\s+and\s+(?:the\s+)?\S).)+", phrase)]
        pieces = [(piece.removeprefix("and ").removeprefix("the ").strip(), at) for piece, at in pieces]
        if len(pieces) > 1 and all(_EVENT_WORDS.search(piece) for piece, _ in pieces):
            found += [(piece, at + phrase[at - start:].find(piece), at + phrase[at - start:].find(piece) + len(piece))
                      for piece, at in pieces]
        else:
            found.append((phrase, start, end))
    return found


def _bodies(text: str) -> list[tuple[str, int, int]]:
    found = []
    phrases = _phrases(text)
    for (first, _, first_end), (second, second_start, end) in zip(phrases, phrases[1:], strict=False):
        # "The British Academy of Film and Television Arts": a body's name with "and" in it, opening a sentence.
        if text[first_end:second_start] == " and " and reference.award_body(
                name := re.sub(r"^The\s+", "", f"{first} and {second}")):
            found.append((name, end - len(name), end))
    for phrase, start, _ in phrases:
        # "the Edgar Allan Poe Awards for Best Motion Picture": the body ends where its category begins.
        # "three Academy Awards: Best Actor, …": the list after a colon is the body's categories.
        head = re.split(r"\s+for\s+(?=Best\b)|\s*:\s+", phrase)[0]
        # "… Festival and the Grand Prize": a prize after "and the" begins a new phrase; "the 1982 Metro Manila Film
        # Festival and the 1983 Catholic Mass Media Awards" names two bodies.
        pieces = _AND_THE_RE.split(head)
        at = start
        for number, piece in enumerate(pieces):
            if number % 2 == 0 and (number == 0 or _names_a_whole_body(piece)):
                found.append((piece, at, at + len(piece)))
            at += len(piece)
    return [(p, s, e) for p, s, e in found
            if (_BODY_WORDS.search(p) or reference.award_body(_without_year(p))) and not p.startswith("Best")
            and not _is_month_or_date(p)]


_AND_THE_RE = re.compile(r"(\s+and\s+the\s+)(?=(?:\d{4}\s+)?(?:[A-Z][\w'’-]*\s+)*(?:Prize|Awards?|Grand|Festival)\b)")


def _names_a_whole_body(phrase: str) -> bool:
    """Whether a phrase is a body's whole name ("the 1983 Catholic Mass Media Awards"), not a prize ("the Grand
    Prize", "the Special Jury Award")."""
    name = strip_ordinal(_without_year(phrase))
    return reference.award_body(name) is not None or _BODY_NAME_RE.fullmatch(name) is not None \
        and not re.search(r"\b(?:Award|Prize)$", name)


def _trailing_body(category: str) -> str | None:
    """The award body whose name ends a category's words ("Worst Original Song Golden Raspberry Award"), or None.

    >>> _trailing_body("Worst Original Song Golden Raspberry Award"), _trailing_body("Best Academy Award Actor")
    ('Golden Raspberry Award', None)
    """
    words = category.split()
    for start in range(2, len(words)):
        tail = " ".join(words[start:])
        if reference.award_body(tail):
            return tail
    return None


def _without_year(phrase: str) -> str:
    """"the 1979 Mainichi Film Concours" → "Mainichi Film Concours": a body named by the table, held that year."""
    return re.sub(r"^(?:the\s+)?\d{4}\s+", "", phrase)


def ceremonies_in(text: str) -> list[str]:
    """The ceremonies a text names, as written: "At the 23rd Academy Awards, …" → ["23rd Academy Awards"]."""
    # (Not a prize of a year: "the 2004 Annie Award for Best Animated Feature".)
    return [re.sub(r"^the\s+", "", b, flags=re.IGNORECASE) for b, _, _ in _bodies(text)
            if is_ceremony(b) and not re.search(r"\b(?:Award|Prize)$", b)]


def bodies_in(text: str) -> list[str]:
    """The award bodies a text names, as written ("the 49th Academy Awards" → "49th Academy Awards")."""
    return [_body_name(b) for b, _, _ in _bodies(text)]


def _places(text: str) -> list[tuple[Place, int, int]]:
    """Countries named in a sentence (and North America, the market studios report together), or said of cinemas
    ("Danish theatres")."""
    places = []
    for phrase, start, end in _phrases(text):
        name = phrase.removeprefix("the ").removeprefix("The ")
        entry = reference.country(name)
        if entry:
            places.append((Place(entry.name, entry.qid), start, end))
        elif fold(name) in _NORTH_AMERICA_NAMES:
            places.append((_NORTH_AMERICA, start, end))
    for match in re.finditer(r"\b(\w+(?: \w+)?) (?:theatres|theaters|cinemas)\b", text):
        words = match.group(1).split()
        for candidate in (" ".join(words), words[-1]):
            entry = reference.country_of_demonym(candidate)
            if entry:
                places.append((Place(entry.name, entry.qid), match.start(), match.end()))
                break
    return sorted(places, key=lambda item: item[1])


MAX_SHIFT = 10_000  # days, weeks or months: more is no relative release date
MAX_YEAR = 9999


def _shift(base: PartialDate, text: str) -> PartialDate | None:
    match = re.search(rf"\b(?:(?P<n>\d+|a|an|{'|'.join(_NUMBER_WORDS)})\s+(?P<unit>day|week|month)s?\s+later|"
                      r"the (?:following|next) (?P<unit2>day|week|month))\b", text, re.IGNORECASE)
    if not match or base.day is None or base.month is None:
        return None
    amount = 1 if match["n"] in (None, "a", "an") else _number(match["n"])
    unit = (match["unit"] or match["unit2"]).lower()
    if amount > MAX_SHIFT:
        return None  # "9999999 days later" names no date a film was released on
    try:
        start = date(base.year, base.month, base.day)
        if unit == "month":
            month = base.month - 1 + amount
            year, month = base.year + month // 12, month % 12 + 1
            return PartialDate(year, month, min(base.day, 28)) if year <= MAX_YEAR else None
        shifted = start + timedelta(days=amount * (7 if unit == "week" else 1))
    except (ValueError, OverflowError):
        return None
    return PartialDate(shifted.year, shifted.month, shifted.day)


# "expanding wide on 21 October": the wide release after a limited one.
# "opening in Japanese cinemas on …", "reached South Korean cinemas on …": a country's cinemas.
_RELEASE_VERB_RE = re.compile(r"\b(released|release|open(?:ed|ing) in|premiered|premiere|debuted|"
                              r"hit (?:theatres|cinemas)|"
                              r"reached\s+(?:[A-Z][\w-]*\s+){1,2}(?:cinemas|theatres|theaters)|"
                              r"(?:expand(?:ed|ing|s)|went|going|goes)\s+wide)\b", re.IGNORECASE)
_SCREEN_VERB_RE = re.compile(r"\b(screen(?:ed|ing|s)?|shown|presented|participated|selected|premiered|premiere|"
                             r"played|competed|in competition|opened|closed)\b", re.IGNORECASE)


_NOT_THE_FILM_RE = re.compile(r"\b(trailer|teaser|poster|soundtrack|single|album|first[- ]look|still|DVD|Blu-ray|"
                              r"VHS|laser ?disc|videocassette|box set|"
                              r"home media|home video|home release|home entertainment|streaming|video on demand|VOD|"
                              r"(?:anniversary|special|collector'?s|deluxe|restored|remastered|director'?s|this|"
                              r"that)\s+(?:edition|version|cut|release|re-?release)|"
                              r"novel|book|sequel|prequel|"
                              r"remake|spin-off|score|recording|video game|game|episode|musical|stage)s?\b",
                              re.IGNORECASE)


@lru_cache(maxsize=64)  # asked by find_awards, then again by its caller, of each sentence (28 stems)
def mentions_awards(sentence: str) -> bool:
    """Whether a sentence holds a word of winning or nominating: a cheap test before any award is looked for."""
    return _mentions(sentence, _AWARD_STEMS)


def _mentions(sentence: str, stems: tuple[str, ...]) -> bool:
    """Whether the sentence holds one of these lower-case stems: a cheap test before a pattern that needs one
    of them is run along the whole sentence (most sentences of an article state none of these facts)."""
    return any(map(_lowered(sentence).__contains__, stems))  # a generator here cost more than the tests


@lru_cache(maxsize=64)  # each finder asks of the sentence being read
def _lowered(sentence: str) -> str:
    return sentence.lower()


# The letters a case-insensitive pattern takes for an ASCII letter whose lower case is none: "İ" and "ı" for "i",
# "ſ" for "s", the Kelvin sign for "k".
_ASCII_CASE_TWINS = ("İ", "ı", "ſ", "\u212a")


def may_mention(sentence: str, stems: tuple[str, ...]) -> bool:
    """Whether a case-insensitive pattern that needs one of these lower-case stems can match the sentence: exactly
    :func:`_mentions`, but for a sentence holding a letter such a pattern takes for an ASCII one."""
    return _mentions(sentence, stems) or (not sentence.isascii() and any(map(sentence.__contains__,
                                                                             _ASCII_CASE_TWINS)))


_RELEASE_STEMS = ("releas", "opened in", "opening in", "premiere", "debuted", "hit ", "reached ")
_SCREEN_STEMS = ("screen", "shown", "presented", "participated", "selected", "premiere", "played", "competed",
                 "in competition", "opened", "closed")
_AWARD_STEMS = ("won", "win", "receiv", "took", "taking", "award", "earn", "collected", "picked up", "named", "got",
                "gets", "getting", "bagg", "secur", "clinch", "scooped", "claim",
                "honoured", "honored", "garner", "nominat", "shortlisted", "in contention", "competed", "nominee",
                " in for", " up for")
_FILMING_STEMS = ("photography", "filming", "shooting", "shot", "filmed", "principal", "shoot", "schedule",
                  "production")


# "shortly before the release of Evil Dead": a date beside another work's release ("of the film" is this one).
_ANOTHER_RELEASE_RE = re.compile(r"\brelease of (?!(?:the|this) (?:film|movie|picture)\b|it\b)")


# Words before a date that make it a plan for the release, not the release: "announced their release as …",
# "moved the release date to …", "was postponed to …", "was scheduled for …", "initially expected to release on …".
# Never "originally released", "initially released" or "pushed the film into wide release": those happened.
_PLANNED_RELEASE_RE = re.compile(r"(?i)\b(?:announced|moved|postponed|preponed|pushed\s+(?:back|forward|to)|"
                                 r"rescheduled|scheduled|slated|delayed|deferred|tentatively|targeted|targeting|aimed|"
                                 r"eyeing|expected|due|planned|intended|wanted|hoped|set\s+(?:to|for)|was\s+to)\b")
# "held from 3 to 12 October 2019": a festival's own days, not the film's.
_RANGE_START = r"(?:\d{1,2}(?:\s+[A-Z][a-z]+)?|[A-Z][a-z]+\s+\d{1,2})\s*(?:to|–|-|and|until|through)\s*"
_HELD_BEFORE_RE = re.compile(rf"(?i)(?:\b(?:held|running|ran|runs)\s+(?:from\s+|between\s+|on\s+)?(?:{_RANGE_START})?|"
                             rf"\b(?:took|takes)\s+place\s+(?:from|between)\s+{_RANGE_START}|\(\s*\d{{1,2}}\s*[–-]\s*)$")
# A showing on television is no release in cinemas: "its US television premiere on HBO on 12 January 2006" (the words
# before the date only: "released on 12 January 2006 after its satellite rights were sold" is a release).
_BROADCAST_RE = re.compile(r"(?i)\b(?:television|TV|telecast|broadcast|aired|airing)\b")
def _broadcast_before(leading: str) -> bool:
    """Whether the words before a date say it is a showing on television ("its television premiere on HBO, on …"),
    not the film's description ("Based on the TV series of the same name, the film was released on …")."""
    subject = re.search(r"(?i)\b(?:the\s+(?:film|movie)|it)\s+(?:was|had|is)\b", leading)
    return _BROADCAST_RE.search(leading[subject.start():] if subject else leading) is not None


# "premiered on Star Gold on 12 January 2006": a channel's name (never "on Friday, 12 January", "on Christmas Day").
_ON_A_CHANNEL_RE = re.compile(r"\bpremiered\s+on\s+(?:the\s+)?(?:[A-Z][\w&+'’.-]*\s+){0,3}?(?:TV|Channel|Network|"
                              r"Gold|Max|Movies|HBO|Netflix|Prime|Hotstar|ZEE5|Zee|Sony|Colors|Gemini|BBC|ITV|CBS|"
                              r"NBC|ABC|Showtime|Starz|Hulu|Cinemax|Sky)\b")
_MAKING_WORDS_RE = re.compile(r"(?i)\b(?:filming|filmed|shooting|shot|(?:re-?)?shoots?|photography|production|"
                              r"principal|wrapped|post-production|dubbing)\b")
_RANKING_YEAR_RE = re.compile(r"(?i)\b(?:films?|movies?|releases?|grosser)\s+of\s+$")
_BEFORE_THE_RELEASE_RE = re.compile(r"(?i),?\s+(?:[\w-]+\s+){0,3}?(?:prior\s+to|before|ahead\s+of)\s+"
                                    r"(?:(?:its|the\s+film's|the)\s+(?:[\w-]+\s+)?release\b|"
                                    r"(?:opening|being\s+released|its\s+release)\s+in\b)")
# Between a release's date (and its place) and the next date of its list: " in the United States, and on ".
_LISTED_NAME = r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
# "in the United Kingdom", "in Austria and Germany", "in Malaysia, Singapore and Brunei".
_LISTED_PLACE = rf"in\s+{_LISTED_NAME}(?:(?:,\s+|,?\s+and\s+){_LISTED_NAME}){{0,4}}"
# What joins the places of one release: "the United Kingdom and Ireland", "Malaysia, Singapore and Brunei".
_PLACES_JOINT_RE = re.compile(r",?\s+and\s+(?:the\s+)?|,\s+(?:the\s+)?")
# "…, in the United Kingdom on 12 August 2005, and in Australia as Foo by Roadshow on …": the next item of a list.
_PLACE_BEFORE_DATE_RE = re.compile(rf"{_LISTED_PLACE}(?:\s+(?:as|by)\s+[^,;]{{1,60}}?)?\s+(?:on|in)\s+$")
# (An aside may close the item before: "…, by Huaxia Film Distribution, in South Korea on …", "…, after a period of
# online piracy, and in South Korea on …".)
_LISTED_DATE_RE = re.compile(rf"(?:,?\s+(?:by|through|via|after|following)\s+[^,;]{{1,80}}?)?"
                             rf"(?:\s+{_LISTED_PLACE})?,?\s+(?:and\s+)?"
                             rf"(?:{_LISTED_PLACE}(?:\s+(?:as|by)\s+[^,;]{{1,60}}?)?\s+)?(?:(?:on|in)\s+)?")
_MADE_IN_BEFORE_RE = re.compile(r"(?i)\b(?:(?:shot|filmed|made|set|produced|born|based)\s+(?:entirely\s+)?(?:in|at)|"
                                r"than\s+in(?:\s+the\s+rest\s+of)?)\s+(?:the\s+)?$")
_MADE_AFTER_RE = re.compile(r"(?i)\s+(?:co-?)?(?:production|film|company|studio|producer)s?\b")
_AS_RELEASE_DATE_RE = re.compile(r"(?i)\s+as\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}release\s+date")
# A date's own clause within a sentence ends at a semicolon, a full stop or "and was …" (not at a comma: "In
# 2000, Manga released it on video" is one clause).
# A later run of the film: "re-released", "a 3D re-release", "reissued".
# A deal for the film, dated as if it were a release or a screening: "picked up by Lux for distribution in July
# 2011", "acquired the distribution rights in March 2006", "the rights were sold to Lux on 12 September 2006".
_DEAL_RE = re.compile(r"(?i)\b(?:picked\s+up|acquired|acquisition|bought|purchased|sold|licensed|rights)\b")
_RE_RELEASE_RE = re.compile(r"(?i)\bre-?releas\w*|\breissu\w*|\b(?:returned|came back)\s+to\s+(?:cinemas|theat\w+)|"
                            r"\bre-?entered\s+the\s+(?:[\w-]+\s+){0,2}box\s+office|"
                            # the run widened: "before a wider release in June 1980", "expanded to 800 theaters"
                            r"\b(?:wider|expanded)\s+(?:theatrical\s+)?release|\bexpanded\s+(?:to|into)\b")
# … nor at "before" or "after" another event ("released on 9 November, before streaming on Netflix on …").
_CLAUSE_TAIL_RE = re.compile(r"(?:(?!;|\.(?:\s|$)|,\s+(?:and|with)\s|\s+and\s+(?:was|were|is|has|had|later|then)\b|"
                             r",?\s+(?:before|after|prior\s+to|ahead\s+of)\s).)*")
_THEATRICAL_RE = re.compile(r"\b(?:theatrical\w*|theat(?:er|re)s?|cinemas?|nationwide|box office)\b", re.IGNORECASE)
_CLAUSE_BREAK_BEFORE_RE = re.compile(r";\s*|\.\s+|,\s+(?:and|with)\s+|"
                                     r"\s+and\s+(?=(?:was|were|is|has|had|later|then|released|opened)\b)|"
                                     # "…, before streaming on Netflix in Canada on 1 June": the stream's place
                                     r",?\s+before\s+(?=(?:streaming|airing|premiering\s+on\s+television|its\s+"
                                     r"(?:television|streaming|home))\b)")


_RESTORATION_RE = re.compile(r"(?i)\b(?:restoration|restored\s+(?:version|print|cut)|remaster(?:ed|ing)?)\b")


# "A special premiere screening of the restored ''Metropolis''": the showing of a restoration, after its verb.
_OF_A_RESTORED_RE = re.compile(r"(?i)\s+(?:screening\s+)?of\s+(?:the|a|an)\s+(?:newly\s+)?(?:restored|remastered)\b")


def find_releases(sentence: str, *, theatrical: bool = False) -> list[Release]:
    """Dated releases, each with the country or festival the sentence gives for it; with ``theatrical``, only
    those whose clause says the film was shown in cinemas ("released nationwide in the UK").

    >>> [(r.date.isoformat(), r.place.name) for r in find_releases(
    ...     "It premiered at the Berlin International Film Festival on 16 February 2024 and was "
    ...     "released in Germany a week later.")]
    [('2024-02-16', 'Berlin International Film Festival'), ('2024-02-23', 'Germany')]
    """
    if not _mentions(sentence, _RELEASE_STEMS) or not _RELEASE_VERB_RE.search(sentence):
        return []
    if re.search(r"\b(?:will|would|to be|plans?|set to)\b.*\brelease", sentence, re.IGNORECASE):
        return []
    verb = _RELEASE_VERB_RE.search(sentence)
    if verb is not None and (_RESTORATION_RE.search(re.split(r"[,;]", sentence[:verb.start()])[-1])
                             or _OF_A_RESTORED_RE.match(sentence, verb.end())):
        # "A 4K restoration … premiered in 2019": a new version's showing, not the film's release (but "After its
        # restoration was completed, the film was released …").
        return []
    other = _ANOTHER_FILM_SUBJECT_RE.search(sentence) if verb is not None else None
    if other is not None and other.start() < verb.start() and not _OBJECT_BEFORE_RE.search(
            re.sub(r"(?:the|its|his|her|their)\s+$", "", sentence[:other.start()])):
        return []  # "Its predecessor was released on …", "Her next film, Coast Road, opened in limited release …"
    # A year in brackets after a name is that work's ("… previously held by Bodyguard (2011)"), no date of the film.
    # Nor is a year after "since" ("the highest-grossing release since 2019"): a comparison.
    dates = [(when, start, end) for when, start, end in find_dates_carrying_year(sentence)
             if not (sentence[start - 1:start] == "(" and sentence[end:end + 1] == ")" and when.month is None)
             and not sentence[:start].endswith("since ")]
    # "premiered on 5 October at the festival held from 3 to 12 October 2019": the day before the festival's own
    # dates is the release's, in their year; the festival's days are none.
    held = [d for d in dates if _HELD_BEFORE_RE.search(sentence, 0, d[1])]
    if held:
        own = [d for d in yearless_dates(sentence[:held[0][1]], held[0][0].year) if d[0].month == held[0][0].month
               and not _HELD_BEFORE_RE.search(sentence, 0, d[1])]
        dates = sorted({d[1]: d for d in [d for d in dates if d not in held] + own[:1]}.values(),
                       key=lambda item: item[1])  # (once: the day may have taken the festival's year already)
    anchors: list[tuple[PartialDate, int, int]] = list(dates)
    relative = re.search(r"\b(?:\w+\s+(?:day|week|month)s?\s+later|the (?:following|next) (?:day|week|month))\b",
                         sentence, re.IGNORECASE)
    # "the following day" counts from a date told before it in the sentence, never from one after it.
    told_before = [d for d in dates if d[2] <= relative.start()] if relative else []
    if relative and told_before:
        shifted = _shift(told_before[-1][0], relative.group(0))
        if shifted:
            anchors.append((shifted, relative.start(), relative.end()))
            anchors.sort(key=lambda item: item[1])
    # "A joint American and Hong Kong production, it premiered in …": a country before "production" is an adjective.
    # Nor is where it was shot ("The film, shot in Italy, was released on …").
    places: list[tuple[Place, int, int]] = [(place, start, end) for place, start, end in _places(sentence)
                                            if not _MADE_AFTER_RE.match(sentence, end)
                                            and not _MADE_IN_BEFORE_RE.search(sentence, 0, start)]
    if re.search(r"\bpremiere", sentence, re.IGNORECASE):
        places += [(Place(canonical_event(e)), s, t) for e, s, t in _events(sentence)]
        places.sort(key=lambda item: item[1])
    if "respectively" in sentence and (respective := _respective_releases(places, anchors, sentence)):
        return respective
    mentions = []
    claimed = -1  # where the place the date before took after it starts: "on 1 June in the UK, 2 June in …"
    for index, (when, start, end) in enumerate(anchors):
        lower = anchors[index - 1][2] if index else 0
        upper = anchors[index + 1][1] if index + 1 < len(anchors) else len(sentence)
        # A place before a clause break ("at Venice on 5 September, and at the Odeon on 2 May") is not this date's,
        # nor one the date before took.
        before = [p for p, s, e in places if lower <= s < start and s != claimed
                  and not re.search(r",\s+and\b|;", sentence[e:start])]
        # Nor is a place after the next clause break ("premiered … on May 25, and was released in the US on …").
        # Nor one a verb of its own takes ("on 10 March 2013 before opening in Japanese cinemas on …").
        after = [(p, s) for p, s, _ in places if end <= s < upper
                 and not _CLAUSE_BREAK_BEFORE_RE.search(sentence, end, s)
                 and not _RELEASE_VERB_RE.search(sentence[end:s] + sentence[s:s + 3])]  # (the place may open "in …")
        # An item of a list of releases that names its place before its date ("…, in the United Kingdom on 12 August
        # 2005, and in Canada on …") has none if that is no place ("in Dolby Cinema on 8 June"): never the next item's.
        placed_before = bool(mentions) and _LISTED_DATE_RE.fullmatch(sentence[lower:start]) is not None \
            and _PLACE_BEFORE_DATE_RE.search(sentence, lower, start) is not None
        place = before[-1] if before else (after[0][0] if after and not placed_before else None)
        claimed = after[0][1] if place is not None and not before else -1
        # "in the United Kingdom and Ireland … on 14 December 2018": each place of the list joined to the date's.
        together = _places_listed_with(place, places, sentence)
        clause = sentence[lower:upper]
        # The release of a trailer, a soundtrack, a DVD or another film is not the film's publication: what the
        # date's own clause says (from the date before it to the next break after it) tells which.
        breaks = [m.end() for m in _CLAUSE_BREAK_BEFORE_RE.finditer(sentence, lower, start)]
        own = sentence[breaks[-1] if breaks else lower:end] + _CLAUSE_TAIL_RE.match(sentence, end, upper).group(0)
        # A date announced, moved or put off is a plan: "moved the worldwide release date to 12 May 2017".
        leading = sentence[breaks[-1] if breaks else lower:start]
        deal = _DEAL_RE.search(sentence, lower, start)
        if _PLANNED_RELEASE_RE.search(leading.rsplit(",", 1)[-1]) or _AS_RELEASE_DATE_RE.match(sentence, end) \
                or (deal and not _RELEASE_VERB_RE.search(sentence, deal.end(), start)):
            continue  # a plan, or a deal ("picked up by Lux for distribution in July 2011"): no release
        after_the_date = end - (breaks[-1] if breaks else lower)  # where the date ends in its own clause
        if _RE_RELEASE_RE.search(sentence, lower, start) or (
                _RE_RELEASE_RE.search(own, after_the_date) and not _RELEASE_VERB_RE.search(leading)):
            continue  # "… and re-released in 3D on 1 December 2012", "In 1997, it was remastered and re-released": a
            # later run, not the release ("Originally released on 6 June 2005, …" before it stays)
        # The date of the shooting ("additional filming finishing in April 2011, a few weeks before the premiere"),
        # of a ranking ("the second highest-grossing film of 1977"), or one before the release ("In June 2018, three
        # weeks prior to its release, …").
        since = sentence[lower:start]
        if (_MAKING_WORDS_RE.search(since) and not _RELEASE_VERB_RE.search(since)) or _RANKING_YEAR_RE.search(since) \
                or (_BEFORE_THE_RELEASE_RE.match(sentence, end) and not _RELEASE_VERB_RE.search(leading)):
            continue
        if _NOT_THE_FILM_RE.search(own) or _ANOTHER_RELEASE_RE.search(sentence) \
                or _broadcast_before(sentence[breaks[-1] if breaks else lower:start]) \
                or _ON_A_CHANNEL_RE.search(sentence, breaks[-1] if breaks else lower, start) or (
                theatrical and not _THEATRICAL_RE.search(own)):
            continue
        # "released on 5 May 2005 in the United States, and on 12 June 2005 in the United Kingdom": a list of the
        # release's dates goes on without its verb.
        # (also after a date of another release: "released on DVD on 3 March, and in Japan on 10 October 2016")
        listed = (bool(mentions) or (_RELEASE_VERB_RE.search(sentence, 0, lower) is not None
                                     and MEDIUM_RE.search(sentence, 0, lower) is not None)) \
            and _LISTED_DATE_RE.fullmatch(sentence[lower:start]) is not None \
            and not MEDIUM_RE.search(own)
        if _RELEASE_VERB_RE.search(clause) or (index and relative) or listed:
            mentions += [Release(when, each) for each in together]
    return mentions


# A medium the film comes out on that is not a cinema: a release note's "(DVD)", and a release a list of the
# film's releases may go on after ("released on DVD on 3 March, and in Japan on …").
MEDIUM_RE = re.compile(r"(?i)\b(?:DVD|Blu-ray|VHS|video|VOD|streaming|Netflix|television|TV|broadcast|digital|"
                       r"online|home media)\b")


def _places_listed_with(place: Place | None, places: list[tuple[Place, int, int]], sentence: str) -> list[Place | None]:
    """``place`` and the places a list joins to it ("Austria and Germany", "Malaysia, Singapore and Brunei"), in
    the sentence's order."""
    at = next((index for index, (candidate, _, _) in enumerate(places) if candidate is place), None)
    if at is None or "respectively" in sentence:
        # ("in the Netherlands and Belgium on 3 March and 10 March 2016 respectively": each its own date)
        return [place]
    return [candidate for candidate, _, _ in _joined_places(at, places, sentence)]


def _respective_releases(places: list[tuple[Place, int, int]], dates: list[tuple[PartialDate, int, int]],
                         sentence: str) -> list[Release]:
    """"released in the Netherlands and Belgium on 3 March and 10 March 2016, respectively": each place of the list
    with the date in its place; none when the lists are not of one length."""
    if not places or not dates:
        return []
    listed = _joined_places(0, places, sentence)
    if len(listed) < 2 or len(listed) != len(dates) or dates[0][1] < listed[-1][2]:
        return []
    return [Release(when, place) for (place, _, _), (when, _, _) in zip(listed, dates, strict=True)]


def _joined_places(at: int, places: list[tuple[Place, int, int]], sentence: str) -> list[tuple[Place, int, int]]:
    """The place at ``at`` and those a list joins to it, never a festival (its date is its own, never that of
    another event named beside it)."""
    if is_event_name(places[at][0].name):
        return [places[at]]
    first = last = at
    while first and _PLACES_JOINT_RE.fullmatch(sentence, places[first - 1][2], places[first][1]) \
            and not is_event_name(places[first - 1][0].name):
        first -= 1
    while last + 1 < len(places) and _PLACES_JOINT_RE.fullmatch(sentence, places[last][2], places[last + 1][1]) \
            and not is_event_name(places[last + 1][0].name):
        last += 1
    return places[first:last + 1]


def is_event_name(text: str) -> bool:
    """A festival or market name, by its words or as a well-known short name ("Venice")."""
    return bool(_EVENT_WORDS.search(text)) or strip_ordinal(text).casefold() in reference.festival_names()


def canonical_event(name: str) -> str:
    """Example:

    >>> canonical_event("the 2024 Berlinale")
    'Berlin International Film Festival'
    """
    name = strip_ordinal(re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE))
    return reference.festival_names().get(name.casefold(), name)


# Negations are matched in lower case: a title with "Not" in it negates nothing.
_DID_NOT_HAPPEN_RE = re.compile(r"\b(?i:cancell?ed|postponed|withdrawn|withdrew|planned|plans?)\b|"
                                r"\b(?:not|never|would have|was to|was going to|will)\b")


def find_screenings(sentence: str) -> list[Screening]:
    """Festival and market screenings, with section, enclosing event and date.

    >>> s = find_screenings("It was selected to screen at the Panorama section at the Berlinale in February 2024.")[0]
    >>> s.event, s.section, s.date.isoformat()
    ('Berlin International Film Festival', 'Panorama', '2024-02')
    """
    if not _mentions(sentence, _SCREEN_STEMS) or not _SCREEN_VERB_RE.search(sentence) \
            or _DID_NOT_HAPPEN_RE.search(sentence):
        return []
    # "…screened at A in May, and in October it was screened at B": one screening per clause.
    # "its European premiere at A and Indian premiere at B": two screenings, one a clause.
    clauses = re.split(r",\s+and\s+|;\s+|\s+and\s+(?=(?:its\s+|an?\s+|the\s+)?(?:[\w-]+\s+){0,2}"
                       r"(?:premiere|screening)s?\b)|\s+and\s+(?=(?:was|were)\s+(?:later\s+|also\s+|then\s+)?"
                       r"(?:screened|shown|presented)\b)", sentence)
    screenings = [found for clause in clauses for dated in _dated_items(clause) for each in _each_event(dated)
                  if (found := _screening_in(each)) is not None]
    return _respectively(sentence, screenings)


# What a festival did but show the film: "the Toronto International Film Festival gave it the People's Choice Award".
_AWARDED_THERE_RE = re.compile(r"(?i)\b(?:gave|gives|give|awarded|awards?|won|wins?|jury|named|honou?red|"
                               r"presented|prize)\b")


def _dated_items(clause: str) -> list[str]:
    """A clause cut before each festival that follows a dated one after "and": "at A on 8 October 2016 and at B on
    29 September 2016", "at A in September 2014 and the B on September 8, 2014" are two items, each with its date
    (never "at A and B in 2005": one date for both)."""
    cuts = [0]
    for _, start, end in _events(clause):
        joint = _AND_BEFORE_EVENT_RE.search(clause[cuts[-1]:start])
        own_date = next(find_dates(clause[end:]), None)
        if joint and any(True for _ in find_dates(clause[cuts[-1]:cuts[-1] + joint.start()])) \
                and _events(clause[cuts[-1]:cuts[-1] + joint.start()]) \
                and not (own_date and _AWARDED_THERE_RE.search(clause, end, end + own_date[1])):
            # (never "… and the Toronto International Film Festival gave it the People's Choice Award on …")
            cuts.append(cuts[-1] + joint.start())
    return [clause[a:b] for a, b in zip(cuts, [*cuts[1:], len(clause)], strict=True)]


_RESPECTIVELY_RE = re.compile(r"\bin\s+(?P<months>[A-Z][a-z]+(?:\s*,\s*[A-Z][a-z]+)*,?\s+and\s+[A-Z][a-z]+)\s+"
                              r"(?P<year>\d{4}),?\s+respectively\b")


def _respectively(sentence: str, screenings: list[Screening]) -> list[Screening]:
    """Screenings of a list dated "in January, February and May 2005 respectively": each its own month, in order
    (a list of dates that does not fit the list of festivals dates none of them past the year)."""
    if "respectively" not in sentence or len(screenings) < 2:
        return screenings
    found = _RESPECTIVELY_RE.search(sentence)
    months = [reference.MONTH_NAMES.index(m) for m in re.findall(r"[A-Z][a-z]+", found["months"])
              if m in reference.MONTH_NAMES] if found else []
    for index, screening in enumerate(screenings):
        if screening.date is None:
            continue
        if found and len(months) == len(screenings):
            screening.date = PartialDate(int(found["year"]), months[index])
        else:
            screening.date = PartialDate(screening.date.year)
    return screenings


def _each_event(clause: str) -> list[str]:
    """A clause once for each of the festivals it lists side by side ("at the Sundance Film Festival and the Berlin
    International Film Festival in 2005"): the words around them are each one's."""
    events = _events(clause)
    chain = events[:1]
    for event in events[1:]:
        if re.fullmatch(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?", clause[chain[-1][2]:event[1]]):
            chain.append(event)  # "at A, B and the C": one list
        elif len(chain) > 1:
            break
        else:
            chain = [event]
    if len(chain) < 2:
        return [clause]
    first, last = chain[0][1], chain[-1][2]
    # "premiered at A, after which it was screened at B, C and D": A's clause apart, and each of the list's.
    cut = clause.rfind(",", 0, first)
    earlier = [clause[:cut]] if cut > 0 and any(start < cut for _, start, _ in events) else []
    opening = clause[cut + 1:first] if earlier else clause[:first]
    return earlier + [opening + clause[start:end] + clause[last:] for _, start, end in chain]


# "premiered at the Paramount Theatre in Austin on July 30, 1966", "The world premiere of the film took place at
# the El Capitan Theatre", "its Los Angeles premiere on January 29, 1937": a premiere away from any festival.
_PREMIERE_KINDS = frozenset({"world", "north american", "american", "european", "international", "gala",
                             "red carpet", "red-carpet", "special"})
_PREMIERE_RE = re.compile(rf"(?:\b(?P<kind>(?i:world|(?:North\s+)?American|European|international|gala|"
                          rf"red[- ]carpet|special)|{_CAP}(?:\s+{_CAP})?)\s+)?\b(?i:premiere(?:d|s)?)\b")
_PREMIERE_AT_RE = re.compile(rf"\bat\s+(?:the\s+)?(?:(?:facilities|campus|grounds|auditorium)\s+of\s+(?:the\s+)?)?"
                             rf"(?P<venue>{_PHRASE_RE.pattern})")
_PLACES_VENUE_RE = re.compile(r"(?P<place>.+?)['’]s\s+(?P<venue>.+)")
_PREMIERE_IN_RE = re.compile(rf"\bin\s+(?:the\s+)?(?P<city>{_PHRASE_RE.pattern}(?:,\s+{_CAP}(?:\s+{_CAP})*)?)")
# A premiere still to come: "was set to premiere", "is scheduled to premiere".
_NOT_YET_RE = re.compile(r"(?i)\b(?:set|due|slated|scheduled|expected|planned|going)\s+to\s+premiere")
# "premiered on Star Gold on 2 May": a channel or a service, named after "on" (a date after "on" is the day).
_BROADCAST_ON_RE = re.compile(rf"\s+on\s+(?!(?:{'|'.join(m for m in reference.MONTH_NAMES if m)})\b|\d)"
                              rf"(?:the\s+)?[{UPPER}]")


def _clause_after_break(text: str) -> str:
    """The words of a text after its last comma, semicolon, colon or bracket: the clause a verb's subject is in."""
    return text[max(text.rfind(mark) for mark in ",;:(") + 1:]


def _film_words(title: str, text: str) -> str:
    """A pattern (in any case) of the words a sentence names the film by: "it", "the film", "the movie", "this film",
    and its title when ``text``, which the pattern is run on, holds it. A pattern with a title is compiled for one
    page and pushes the patterns every page uses out of re's cache: made only when the title can match."""
    named = bool(title) and _title_re(title).search(text) is not None
    return rf"(?:it|the film|the movie|this film{'|' + re.escape(title) if named else ''})"


@lru_cache(maxsize=4)  # the page being read: its title is looked for in many clauses
def _title_re(title: str) -> re.Pattern[str]:
    return re.compile(re.escape(title), re.IGNORECASE)  # as the title matches in a pattern of _film_words


def _the_film_premiered(sentence: str, match: re.Match[str], title: str) -> bool:
    """Whether a premiere the sentence names is the film's: "It premiered", "Batman premiered", "The world premiere
    of the film", "its Los Angeles premiere"; never "The sequel premiered", "attended the premiere of Titanic"."""
    word = match.end() - len(re.search(r"(?i)premiere\w*$", match.group(0)).group(0))  # where "premiere…" starts
    before = sentence[:word]
    subject = _clause_after_break(before)
    if sentence[word:match.end()].casefold() == "premiered":
        return re.search(rf"(?i)(?:^|\s){_film_words(title, subject)}\s+"
                         r"(?:(?:was|had|has|first|then|later|also|finally|originally)\s+)*$", subject) is not None
    after = sentence[match.end():]
    of = re.match(rf"(?i)\s+(?:of|for)\s+{_film_words(title, after)}\b", after)
    ahead = sentence[:match.start("kind")] if match["kind"] else before
    owner = re.search(r"(?i)\b(?:its|the film's|the movie's)\s+$", ahead) or re.search(
        rf"(?i)(?:^|\s){_film_words(title, ahead)}\s+(?:also\s+|then\s+|later\s+)?(?:had|received|got)\s+"
        r"(?:an?|its)\s+$", ahead)  # "The film had a Royal Charity Premiere in London"
    # "A special premiere screening was held at …": a premiere the sentence opens with, of the page's film.
    held = _ARTICLE_ALONE_RE.fullmatch(ahead) is not None and \
        (match["kind"] or "a").strip().casefold() in {"a", "an", "the", *_PREMIERE_KINDS} and \
        _WAS_HELD_RE.match(after) is not None
    return (of is not None or owner is not None or held) and not re.search(r"(?i)\battend", subject)


# "was shown at Northwestern University", "had a screening in Baltimore": a showing away from festivals.
_SHOWN_RE = re.compile(r"(?i)\b(?:(?:was|were)\s+(?:first\s+|also\s+|later\s+|then\s+)?(?:shown|screened)|"
                       r"(?:received|had|got)\s+(?:an?\s+|its\s+)?(?:\w+\s+)?screening)\b")
# A sentence that opens with its date: "On March 7, 1981, …".
_OPENING_DATE_RE = re.compile(r"(?:On|In)\s+[^;.]{0,25}?\d{4},")


def _the_film_was_shown(before: str, title: str) -> bool:
    """Whether the words before "was shown" make the film its subject: "The film was shown", "a print of Heat was
    shown", "It also received a screening"; never "Heat's sequel was shown", "The documentary about it"."""
    subject = _clause_after_break(before)
    film = _film_words(title, subject)
    # "a print of the film" is the film; "footage of", "20 minutes of", "a documentary about" the film are not.
    part_of = re.search(rf"(?i)\b(?P<what>[\w-]+)\s+(?:of|about|from|on)\s+{film}\s+(?:(?:also|later|then|first)\s+)*$",
                        subject)
    if part_of and part_of["what"].casefold() not in ("print", "prints", "copy", "copies", "restoration", "version"):
        return False
    return re.search(rf"(?i)(?:^|\s){film}\s+(?:(?:also|later|then|first|was|has|had)\s+)*$", subject) is not None \
        and not _OTHER_FILM_RE.search(subject) and not _NOT_A_SCREENING_RE.search(subject)


# A broadcast or a stream is no screening; a premiere of another work is not the film's.
_NOT_A_SCREENING_RE = re.compile(r"\b(?:television|TV|channel|network|broadcast|aired|streaming|Netflix|episode|"
                                 r"Hotstar|ZEE5|Prime Video|Disney\+|HBO|Showtime|YouTube|PBS|BBC|radio|Broadway|"
                                 r"series|season|stage|play|musical|opera|album|single|song|trailer|teaser|dub|"
                                 r"dubbed|scheduled|delayed|expected|intended|originally)\b")


def find_premieres(sentence: str, links: dict[str, str] | None = None, title: str = "",
                   earlier: Sequence[str] = ()) -> list[Screening]:
    """The film's premieres away from festivals (those are :func:`find_screenings`): each with its date, and the
    cinema or the city where it took place. A day the sentence gives without its year is in the year of the last
    date of ``earlier``, the paragraph before it ("… held on May 17, 1980. The film had a charity premiere in London
    on May 20").

    >>> [(s.event, s.date.isoformat(), s.venue.name, s.venue.within.name) for s in find_premieres(
    ...     "It premiered at the Paramount Theatre in Austin, Texas on July 30, 1966, and was released later.")]
    [('Premiere at Paramount Theatre', '1966-07-30', 'Paramount Theatre', 'Austin, Texas')]
    >>> [(s.event, s.date.isoformat(), s.venue.name) for s in find_premieres(
    ...     "Thalberg died four months before its Los Angeles premiere on January 29, 1937.")]
    [('Los Angeles premiere', '1937-01-29', 'Los Angeles')]
    """
    lowered = _lowered(sentence)
    if not ("premiere" in lowered or "shown" in lowered or "screen" in lowered) or _DID_NOT_HAPPEN_RE.search(sentence) \
            or _NOT_YET_RE.search(sentence):
        return []
    links = links or {}
    found: list[Screening] = []
    matches = [(match, True) for match in _PREMIERE_RE.finditer(sentence)] + \
        [(match, False) for match in _SHOWN_RE.finditer(sentence)]
    for match, premiere in matches:
        if premiere and (not _the_film_premiered(sentence, match, title)
                         or match.group(0).casefold().endswith("premieres")):
            continue  # another work's premiere, or several premieres
        if not premiere and not _the_film_was_shown(sentence[:match.start()], title):
            continue
        tail = _CLAUSE_TAIL_RE.match(sentence, match.end()).group(0)
        broadcast = _BROADCAST_ON_RE.search(tail)
        if broadcast and not _AT_WORD_RE.search(tail, 0, broadcast.start() + 1):
            continue  # a broadcast ("premiered on Star Gold"; not "at the UGC Normandie on the Champs-Élysées")
        # A bracket is an aside: "(between the first and second seasons of the TV series)" is no broadcast.
        clause = re.sub(r"\s*\([^()]*\)", "", _CLAUSE_TAIL_RE.match(sentence, match.end()).group(0))
        if _NOT_A_SCREENING_RE.search(clause) or _NOT_A_SCREENING_RE.search(sentence[:match.start()][-40:]) \
                or _events(clause):
            continue  # a broadcast, another work's premiere, or a festival's (find_screenings)
        dates = find_dates_carrying_year(clause)
        year = re.search(r"\bin\s+(?P<year>(?:18|19|20)\d\d)\b", clause)
        if not dates and year:  # "premiered in 2008 …"
            dates = [(PartialDate(int(year["year"])), year.start("year"), year.end("year"))]
        opening = _OPENING_DATE_RE.match(sentence)
        if not dates and opening and opening.end() <= match.start():  # "On March 7, 1981, a print … was shown at"
            dates = [(when, len(clause), len(clause)) for when, _, _ in find_dates_carrying_year(opening.group(0))]
        if not dates and earlier and (told := [d for d, _, _ in find_dates(" ".join(earlier)) if d.month]):
            dates = [date for date in yearless_dates(clause, told[-1].year) if date[0].day is not None]
        if not dates:
            continue
        kind = (match["kind"] or "").strip() if premiere else ""
        if kind in _SENTENCE_OPENERS or kind.casefold() in _PRONOUN_SUBJECTS or (title and kind == title):
            kind = ""  # "It premiered", "The premiere of the film"
        city_before = Place(kind) if kind and reference.is_place_name(kind) else None
        if kind and city_before is None and kind.casefold() not in _PREMIERE_KINDS \
                and not re.search(r"(?i)\b(?:had|received|got)\s+(?:an?|its)\s+$", sentence[:match.start("kind")]):
            continue  # "the Heat premiere", "Heat premiered …": another work's (not "it had a Royal Charity Premiere")
        text = clause[:dates[0][1]] + " " + clause[dates[0][2]:]
        venue_match = _PREMIERE_AT_RE.search(text)
        city_match = _PREMIERE_IN_RE.search(text)
        city = city_before or (_filming_place(city_match["city"], "", links) if city_match else None)
        venue = None
        if not premiere and re.match(r"(?i)\s+(?:to|for)\s+(?:test\s+)?(?:audiences|executives|critics|investors|"
                                     r"distributors|buyers|the\s+(?:cast|crew|press|studio|president))",
                                     sentence[match.end():]):
            continue  # "shown to test audiences", "to executives": a private showing, no screening of the film
        if venue_match and not _is_month_or_date(venue_match["venue"]) \
                and not re.search(r"['’]s?$", venue_match["venue"].rstrip(".,;:")):
            # "at the White House for President Bush": the venue's name ends before "for".
            # (nor "on the Champs-Élysées": the street it is on)
            named = re.split(r"\s+(?:for|to|with|by|during|on)\s+", venue_match["venue"], maxsplit=1)[0]
            # "at New York's Ziegfeld Theatre": the Ziegfeld Theatre, in New York (not "Grauman's Chinese Theatre").
            owner = _PLACES_VENUE_RE.match(named)
            if owner and reference.is_place_name(owner["place"]):
                named, city = owner["venue"], city or _filming_place(owner["place"], "", links)
            venue = Place(named.rstrip(".,;:"), within=city)
        if venue is not None and (is_event_name(venue.name) or canonical_event(venue.name) != venue.name
                                  or re.fullmatch(r"[A-Z]{2,6}", venue.name) is not None
                                  or reference.country(venue.name) or reference.is_region_name(venue.name)):
            continue  # "premiered at IFFK", "at Busan": a festival's screening (find_screenings), not a cinema
        if city is not None and (city.qid or reference.country(city.name) or reference.is_region_name(city.name)
                                 or reference.is_first_level_region(city.name)):
            city = None  # "premiered in Japan", "in the Gulf": a country's release, not a premiere's town
        place = venue or city
        if place is None:
            continue  # "premiered in theatres around the world", "in 3D": a release, with no cinema or town
        label = f"{kind[:1].upper()}{kind[1:]} premiere" if kind and city_before is None else \
            f"{kind} premiere" if kind else "Premiere" if premiere else "Screening"
        if venue is not None:
            label = f"{label} at {venue.name}"
        elif city is not None and city_before is None:
            label = f"{label} in {city.name}"
        found.append(Screening(label, date=dates[0][0], venue=place))
        break  # one premiere a sentence: the first it tells
    return found


# What was shown instead of the film, as the subject of its own clause: "Footage from the film was shown at Cannes",
# "the trailer was shown at", "a documentary about the making of the film premiered at" (never "a director's cut with
# 20 minutes of additional footage", nor "After the first trailer was released, the film premiered at").
_PART_SHOWN_RE = re.compile(r"(?i)\b(?:(?:footage|minutes|scenes|clips?|excerpts?)\s+(?:of|from)\s+"
                            r"(?:the\s+(?:film|movie)|it)|trailers?|teasers?|sneak\s+peek|promos?|first\s+look|making-of|"
                            r"documentary\s+about\s+(?:the\s+making\s+of\s+)?(?:the\s+(?:film|movie)|it)|pitched)\b")


# Festivals that turned the film down, or that showed the director's other films: no screening of the film there.
# (Rights bought or sold at a festival's market are a deal: "which acquired distribution rights … at the Cannes Film
# Market in May 2015".)
_NOT_SHOWN_THERE_RE = re.compile(r"(?i)\b(?:rejected|turned\s+down|submitted|declined|passed\s+(?:on|over)|"
                                 r"acquired|bought|sold|rights|"
                                 r"(?:earlier|previous|other|first)\s+(?:films|features|works)|debut\s+(?:film|feature)s?)"
                                 r"\b")


# A clause whose subject is the director's other films: "Berg's earlier films, including Bar, had premiered at …",
# "Unlike Berg's debut, which premiered at …".
_OTHER_FILMS_SUBJECT_RE = re.compile(r"(?i)(?:^|\b(?:unlike|like)\s+)[\w\s'’.]{0,30}?['’]s?\s+(?:earlier|previous|"
                                     r"other|first|next|later)\s+(?:films?|features?|works?)\b|\bunlike\s+"
                                     r"[\w\s'’.]{0,30}?['’]s?\s+debut\b")


def _asides(sentence: str) -> list[tuple[int, int]]:
    """The spans of a sentence's relative clauses about another occasion (", which Berg had attended as a juror in
    2001,"); never one that goes on with the film's own showings (", after which it was screened at …")."""
    return [m.span() for m in re.finditer(r",\s+(?:which|who|whose|where)\b[^,]*,", sentence)
            if not re.search(r"(?i)\b(?:it|the film)\s+(?:was\s+)?(?:then\s+|later\s+|also\s+)?(?:screened|shown|"
                             r"premiered|presented|debuted|played|competed|opened|closed)", m.group(0))]


def _screening_in(sentence: str) -> Screening | None:
    events = _events(sentence)
    if not events or _PART_SHOWN_RE.search(re.split(r"[,;]", sentence[:events[0][1]])[-1]) \
            or _NOT_SHOWN_THERE_RE.search(re.split(r"[,;]", sentence[:events[0][1]])[-1]) \
            or _OTHER_FILMS_SUBJECT_RE.search(re.split(r";", sentence[:events[0][1]])[-1]):
        return None
    section = None
    section_match = re.search(rf"\b(?:the\s+)?(?P<name>{_CAP}(?:\s+{_CAP})*)\s+(?:section|sidebar|strand|programme|"
                              r"program|competition)\b", sentence)
    if section_match and not _EVENT_WORDS.search(section_match["name"]):
        section = section_match["name"]
    names = [name for name, _, _ in events]
    outer = None
    held = re.search(r"\b(?:held at|held during|part of|at)\s+(?:the\s+)?(?P<outer>.+)$", sentence)
    if len(names) >= 2 and held:
        outer_events = [(n, s) for n, s, _ in events if s >= held.start("outer")]
        first_end = events[0][2]
        # "its European premiere at A and Indian premiere at B": two festivals side by side, neither within the other;
        # "at" makes one within the other only right after it ("the Directors' Fortnight at the Cannes Film Festival"),
        # never across a clause ("which Ann Berg had shown at the 2004 Cannes Film Festival, premiered at Venice").
        outer_at = outer_events[-1][1] if outer_events else 0
        between = sentence[max((e for _, s, e in events if e <= outer_at), default=first_end):outer_at]
        side_by_side = re.search(r"\band\b", sentence[first_end:outer_at]) is not None
        if outer_events and outer_events[-1][0] != names[0] and not side_by_side \
                and re.fullmatch(r"\s*,?\s*(?:held\s+(?:at|during)|(?:as\s+)?part\s+of|during|within|at|(?:sidebar|"
                                 r"section|strand|programme|program|competition)\s+of)\s+(?:the\s+)?", between):
            outer = outer_events[-1][0]
    inner = [n for n in names if n != outer]
    # A festival in a relative clause is another occasion ("The film, which Berg had shown at Cannes, premiered …").
    asides = _asides(sentence)
    told = [n for n in inner if not any(a <= next(s for e, s, _ in events if e == n) < b for a, b in asides)]
    inner = told or inner
    # Within another, the innermost; else the first a clause names ("premiered at Tribeca, during the same week as
    # Cannes": Cannes is a comparison), unless the first is a section held during the second.
    within = len(inner) >= 2 and re.search(rf"\b(?:during|as part of|within)\s+(?:the\s+)?{re.escape(inner[-1])}",
                                           sentence) is not None
    event = (inner[-1] if outer or within else inner[0]) if inner else names[0]
    span = next(span for span in events if span[0] == event)
    when = _date_of(sentence, span)
    # "the 2009 Shanghai International Film Festival": the edition's year; a date of another year in the sentence
    # is something else's ("screened at the 2009 X before being picked up … in July 2011").
    edition = re.match(r"^(?:the\s+)?(\d{4})\s", event) or re.search(r"\b(\d{4})\s+$", sentence[:span[1]])
    if edition and (when is None or when.year != int(edition.group(1))):
        when = PartialDate(int(edition.group(1)))
    if within:
        section = section or inner[0]
    return Screening(canonical_event(event), canonical_event(outer) if outer else None, section, when)


def _date_of(sentence: str, span: tuple[str, int, int]) -> PartialDate | None:
    """The date a sentence gives for the thing at ``span``: the only one, or the first after it; never the dates of
    the festival around it ("on 5 October at the festival held from 3 to 12 October 2019")."""
    # A date in an aside about another occasion (", which Berg had attended as a juror in 2001,") is that one's, and
    # so is one after the screening that a deal's verb dates ("…, the film was picked up by Lux in July 2006").
    asides = _asides(sentence)
    dates = [d for d in find_dates_carrying_year(sentence) if not any(a <= d[1] < b for a, b in asides)
             and not (d[1] >= span[2] and _DEAL_RE.search(sentence, span[2], d[1]))]
    # "held from 3 to 12 October 2019" (not "held at Roy Thomson Hall, on 10 September 2005": the film's own day).
    held = [d for d in dates if d[1] >= span[2] and _HELD_BEFORE_RE.search(sentence, span[2], d[1])]
    if held and len(held) == len(dates):
        # Only the festival's dates have a year: a day before the festival's name is the screening's, that year;
        # else the screening is known only to the festival's month ("premiered at TIFF, held from 8 to 18 September").
        own = [d for d in yearless_dates(sentence[:span[1]], held[0][0].year)
               if d[0].month == held[0][0].month or d[0].month == held[-1][0].month]
        if own:
            return own[-1][0]
        first, last = held[0][0], held[-1][0]
        return PartialDate(first.year, first.month if first.month == last.month else None)
    elif len(held) < len(dates):
        dates = [d for d in dates if d not in held]
    # A date after a clause break ("… on 5 September, and at the Odeon on 2 May 2012") or another event ("before
    # opening on 200 screens in Japan on July 12", "ahead of its theatrical release on …") is that one's.
    after = [d for d, start, _ in dates if start >= span[2]
             and not re.search(r",\s+and\b|;|\band\s+(?:at|in)\b|\b(?:before|ahead\s+of|prior\s+to|after|until|"
                               r"opened|opening|released|releasing|followed)\b", sentence[span[2]:start])]
    before = [d for d, _, end in dates if end <= span[1]]
    in_year = re.match(r"\s+in\s+((?:18|19|20)\d\d)\b", sentence[span[2]:])  # "at Cannes in 2005 and released …"
    if len(dates) == 1:
        return dates[0][0] if after or before else PartialDate(int(in_year.group(1))) if in_year else None
    return after[0] if after else (before[-1] if before else PartialDate(int(in_year.group(1))) if in_year else None)


# A prize named for its body ("a Golden Globe nomination"): the body it stands for.
_PRIZE_BODY = {"Golden Globe": "Golden Globe Awards"}
_CLAUSE_BREAK_RE = re.compile(r",\s+(?:and|but|while)\s+(?=in\s+\d{4}|\w+\s+\w+\s+(?:was|were))|;\s+")


_RENAMING_RE = re.compile(r"\s*\((?:also\s+|formerly\s+|then\s+|previously\s+)?(?:known|called|named)\s+as\b[^)]*\)")


def without_renaming(sentence: str) -> str:
    """A sentence without the brackets that rename an award: "(known as the Rajat Kamal Award at that time)"
    is the same award, not a second one."""
    return _RENAMING_RE.sub("", sentence)


_UNREAD = object()
# "the Palme d'Or was awarded to …", "…, which went to …": whom a prize went to, right after its name.
_AWARDED_TO_RE = re.compile(r"(?i)\s*(?:,\s*which\s+)?(?:(?:was|were)\s+(?:\w+ly\s+)?(?:awarded|given|presented)\s+"
                            r"to|went\s+to|was\s+won\s+by)\s+(?P<whom>[^,;.]*)")


def awarded_to_another(after_prize: str, other_works: Collection[str]) -> bool:
    """Whether the words after a prize's name give it to another work the page names (in italics): "…, where the
    Palme d'Or was awarded to L'Enfant" (but not "…, which was presented to director Ann Berg").

    >>> awarded_to_another(" was awarded to L'Enfant.", {"l'enfant"}), awarded_to_another(" went to the film.", ())
    (True, False)
    >>> awarded_to_another(" was awarded to the cast and crew.", {"l'enfant"})
    False
    """
    whom = _AWARDED_TO_RE.match(after_prize)
    if whom is None:
        return False
    given_to = fold(whom["whom"].strip(" '\"‘“"))
    return any(given_to == work or given_to.startswith((f"{work} ", f"{work}'", f"{work}’")) for work in other_works)


# The last relative clause about a thing before a verb, still open at it: "…, which won".
_LAST_RELATIVE_RE = re.compile(r",\s*(?=(?:which|that)\b[^,;]*$)")
# A relative clause whose object is the film: "the Venice Film Festival, which awarded it the Golden Lion".
_RELATIVE_TO_THE_FILM_RE = re.compile(r"(?:which|that)\s+(?:\w+\s+){1,2}?(?:it|the\s+film)\b")


def find_awards(sentence: str, title: str, other_works: Collection[str] = ()) -> tuple[list[Nomination],
                                                                                    list[AwardTally]]:
    """Wins and nominations stated in a sentence, each bound to its body and result. ``other_works`` are the
    folded titles of other works the page names (in italics): a win whose subject is one of them is not the film's.

    >>> awards, tally = find_awards("It won Best Film and was nominated for Best Score at the 12th Bodil Awards.",
    ...                             "Heat")
    >>> [(a.category, a.result.value, a.body) for a in awards]
    [('Best Film', 'won', 'Bodil Awards'), ('Best Score', 'nominated', 'Bodil Awards')]
    """
    if not mentions_awards(sentence) or not (WIN_RE.search(sentence) or NOMINATION_RE.search(sentence)):
        return [], []
    sentence = without_renaming(sentence)
    categories: list[tuple[str, int, str | None]] = []
    taken: list[tuple[int, int]] = []
    prize_bodies: list[tuple[str, int, int]] = []
    prize_matches = list(_NAMED_PRIZE_RE.finditer(sentence))
    for number, match in enumerate(prize_matches):
        prize, category = match.group(1), match.group(2)
        trophy = re.match(r"^(?P<before>\S.*)\s(?:Golden|Silver|Bronze|Crystal|Teddy|Blue)\s+[A-Z][a-z]+$", prize)
        if trophy and not _BODY_WORDS.search(trophy["before"]):
            continue  # "On Golden Pond": a trophy's name comes after a body's ("Berlinale Golden Bear") or none
        named_for = _NAMED_FOR_RE.match(sentence, match.end()) if not category else None
        if named_for and prize.split()[-1] in {"Award", "Prize"} and reference.is_named_prize(prize) \
                and _FIELD_WORDS_RE.search(named_for["what"]):
            # "the Anthony Asquith Award for Film Music": a prize named after a person, whole with what it is for.
            categories.append((f"{prize} for {named_for['what']}", match.start(1), None))
            taken.append((match.start(), named_for.end()))
            continue
        shared = prize_matches[number + 1] if number + 1 < len(prize_matches) else None
        if not category and shared is not None and shared.group(2) and reference.award_body(prize) \
                and reference.award_body(shared.group(1)) and re.fullmatch(r"\s+and\s+(?:the\s+)?",
                                                                          sentence[match.end():shared.start(1)]):
            # "won the National Film Award and the Filmfare Award for Best Special Effects": each body's prize for
            # the category named once.
            categories.append((shared.group(2), shared.start(2), prize))
            taken.append((match.start(), match.end()))
            continue
        if not category and reference.award_body(prize):
            # "It won two Golden Globes: Best Actress and …", "the British Academy Film Award …: the Anthony Asquith
            # Award for Film Music": the body of the categories the sentence names.
            prize_bodies.append((prize, match.start(1), match.end(1)))
            continue
        if not category and re.match(r"\s+nominations?\b", sentence[match.end():]):
            # "earned him a Golden Globe nomination for Best Actor": the prize names the body, not a category.
            prize_bodies.append((prize, match.start(1), match.end(1)))
            continue
        if category and re.search(r"\bSpecial\b", prize):
            # "the Special Achievement Academy Award for Best Visual Effects": the special prize is the award, and
            # the category after it only what it was given for.
            body_words = re.sub(r"^(?:the\s+)?Special\s+(?:[A-Z][\w'’-]*\s+)??(?=[A-Z][\w'’-]*\s+(?:Award|Prize))", "",
                                prize)
            categories.append((prize, match.start(1), body_words if body_words != prize else None))
            taken.append((match.start(), match.end()))
            continue
        if category and prize.split()[-1] in {"Award", "Prize"} and reference.is_named_prize(prize):
            # "the Nargis Dutt Award for Best Feature Film on …", "the Golden Osella Award for Best Screenplay":
            # a prize named after a person or a trophy is one award of its body, and its whole name the category.
            categories.append((f"{prize} for {category}", match.start(1), None))
            taken.append((match.start(), match.end()))
        elif category and prize.split()[-1] in {"Award", "Prize"}:
            # "the Robert Award for Best Actress": the body's award, and the category within it.
            categories.append((category, match.start(2), prize))
            taken.append((match.start(), match.end()))
        elif category:
            # "the Silver Bear for Best Director" is the category; the body comes from the sentence.
            categories.append((f"{prize} for {category}", match.start(1), None))
            taken.append((match.start(), match.end()))
        elif not _BODY_WORDS.search((head := prize.split(" of the ")[0]).rsplit(" ", 1)[0]) \
                or head.split()[-1] in {"Award", "Prize"}:  # (and "the Prize of the Ecumenical Jury")
            if re.search(r"\bAwards\b", sentence[match.start():match.end() + 1]):
                continue
            # "the Worst Original Song Golden Raspberry Award": the body's name closes the category's.
            body_tail = _trailing_body(prize) if re.match(r"(?:Best|Worst)\s", prize) else None
            categories.append((prize[:len(prize) - len(body_tail)].rstrip() if body_tail else prize, match.start(1),
                               body_tail))
            taken.append((match.start(), match.end()))
    for match in _CATEGORY_RE.finditer(sentence):
        if re.search(r"\b(?:Award|Prize)\s+for\s+the\s+$", sentence[:match.start()]):
            continue  # "the Viewer's Choice Award for the Best Film of All Time": what the prize is for
        if re.match(r"[\s-]*(?:nominees?|winners?|nominated|winning)\b", sentence[match.end():], re.IGNORECASE) or \
                re.match(r"(?:Best|Worst)(?:\s+\w+)*\s+(?:Films|Movies|Pictures)\s+of\b", sentence[match.start():]):
            continue  # "beating Best Picture nominee Rocky", "the Worst Films of 2001": another film, a list
        if not any(s <= match.start() < e for s, e in taken):
            # "Best Director by the Directors Guild": the body follows "by", it is not part of the category.
            category = re.split(r"\s+by\s+(?:the\s+)?(?=[A-Z])", match.group(0))[0]
            # "the Worst Original Song Golden Raspberry Award": the body's name closes the category's.
            body_tail = _trailing_body(category)
            categories.append((category[:len(category) - len(body_tail)].rstrip() if body_tail else category,
                               match.start(), body_tail))
    if not categories and not _TOTAL_AWARDS_RE.search(sentence) and not _NOMINATION_COUNT_RE.search(sentence):
        return [], []
    categories.sort(key=lambda item: item[1])
    quoted = [(m.start(), m.end()) for m in re.finditer(r'"[^"]*"|“[^”]*”', sentence)]
    # A phrase holding a category ("Robert Award for Best Actress") is not a body; its prize part is.
    bodies = [(b, s, e) for b, s, e in _bodies(sentence) if "Best" not in b
              and not any(c == b or b.startswith(c) for c, _, _ in categories)]
    bodies += [(prize, s - len(prize) - 5, s) for _, s, prize in categories if prize]
    bodies += [(_PRIZE_BODY.get(p, p + "s" if p.endswith("Award") else p), s, e) for p, s, e in prize_bodies]
    opened = _AT_AN_EVENT_RE.match(sentence) if not bodies else None
    if opened:  # "At the first IIFA Utsavam in January 2016, it won …": the event the sentence opens at
        bodies.append((opened["body"], opened.start("body"), opened.end("body")))
    bodies.sort(key=lambda item: item[1])
    mentions = []
    ceremony_date: PartialDate | None | object = _UNREAD
    previous_category_end = 0  # where the category before ends: a list item leaving its verb out follows it
    for category, position, prize_body in categories:
        before = sentence[:position]
        # Verbs are found in the whole sentence ("named" counts only before "Best …") and kept if before.
        # The verb must stand in the category's own clause: "X awarded it …, and in 2006 it was selected for Y".
        clause = max((m.end() for m in re.finditer(_CLAUSE_BREAK_RE, before)), default=0)
        if any(start < position < end and sentence[start + 1:end - 1].strip(" .,") != category.strip(" .,")
               for start, end in quoted):
            continue  # inside a quoted title ("The Top 10 Worst Pictures to Win Best Picture Oscar")
        # "was nominated for six awards but won none: Best Picture, …": a win of nothing gives no category.
        wins = [m for m in WIN_RE.finditer(sentence) if clause <= m.start() and m.end() <= position
                and not _WON_NOTHING_RE.match(sentence, m.end())]
        # "won all three Academy Awards for which it was nominated: …": the relative clause's verb is not the list's.
        nominations = [m for m in NOMINATION_RE.finditer(sentence) if clause <= m.start() and m.end() <= position
                       and not _FOR_WHICH_RE.search(sentence, max(0, m.start() - 40), m.start())]
        if not wins and not nominations:
            continue
        verb = max(wins + nominations, key=lambda m: m.start())
        if re.search(r"-time\s+$", before) or _NOT_BEFORE_VERB_RE.search(before[:verb.start()]):
            continue  # "was not nominated for …", "was not among the films shortlisted for …": no nomination
        if _EARLIER_PRIZE_RE.search(sentence, clause, verb.start()) and not _FOR_THIS_FILM_RE.match(
                sentence, position + len(category)) and title not in sentence[position + len(category):]:
            continue  # "…, who had won the Academy Award for Best Actor for Bar": someone's earlier prize
        for_work = _LATER_FOR_ANOTHER_RE.match(sentence, position + len(category)) or _FOR_ROLE_IN_RE.match(
            sentence, position + len(category))
        if (_LATER_RE.match(sentence, position + len(category)) and not the_film_is_the_subject(
                sentence, verb.start(), title)) or (for_work and any(
                fold(sentence[for_work.end():]).startswith(work) for work in other_works)):
            continue  # "won the Best Actor award the following year", "… for Coast Road": another year's, work's
        if (_HONORARY_RE.search(before) or _FOR_A_CAREER_RE.match(sentence, position + len(category))) \
                and not the_film_is_the_subject(sentence, verb.start(), title):
            continue  # "where Tom Hill received an honorary Palme d'Or", "received the Thalberg Award for his body of
            # work": a person's career prize, not the film's
        result = AwardResult.WON if verb in wins else AwardResult.NOMINATED
        if _NOMINATION_AFTER_RE.match(sentence, position + len(category)):
            # "earned him a Best Actor nomination", "a Best Actress Oscar nomination": what he earned is a nomination
            result = AwardResult.NOMINATED
        if awarded_to_another(sentence[position + len(category):], other_works):
            continue  # "…, where the Palme d'Or was awarded to L'Enfant"
        relative = _LAST_RELATIVE_RE.search(sentence, 0, verb.start())
        if relative and not _RELATIVE_TO_THE_FILM_RE.match(sentence, relative.end()) \
                and _relative_to_another(sentence[:relative.start()], sentence[relative.end():], title):
            continue  # "Like its predecessor, which won the Academy Award for …": the predecessor's
        if _subject_is_another_work(before[clause:verb.start()], title, category, other_works):
            continue  # "The restoration project won the Anvil Award": not the film's
        after = [b for b in bodies if b[1] > position]
        prior = [b for b in bodies if b[2] <= position]
        # "won the Critics' Award at Fantasporto": the name right after "at" is the body, whatever its words.
        at_body = re.match(rf"\s+at\s+(?:the\s+)?(?P<body>{_PHRASE_RE.pattern})", sentence[position + len(category):])
        at_phrase = at_body["body"].rstrip(".,;:") if at_body else None
        if at_phrase and " and the " in at_phrase and _BODY_WORDS.search(at_phrase.split(" and the ")[0]):
            at_phrase = at_phrase.split(" and the ")[0]  # "at the Sundance Film Festival and the Jury Prize at …"
        # "won nine German Film Awards, including the Golden Lola for …, and six European Film Awards": what the body
        # before "including" counts, not the next one.
        included = prior and _INCLUDING_RE.search(sentence, prior[-1][2], position) is not None
        # "… at the Asian Film Awards, where Ann Berg also won Best Actor": the body the "where" clause follows;
        # "won the Nastro d'Argento for Best Director and the …": the body the category is "for".
        where = _WHERE_CLAUSE_RE.search(before)
        if where and prior and not sentence[prior[-1][2]:where.start()].strip(" )]'\""):
            included = True
        if prior and re.fullmatch(r"\s+for\s+(?:the\s+)?['\"‘“]?", sentence[prior[-1][2]:position]):
            included = True
        body_phrase = prize_body or at_phrase or (
            prior[-1][0] if included else after[0][0] if after else (prior[-1][0] if prior else None))
        festivals = [b for b, _, _ in bodies if _EVENT_WORDS.search(b) and b != body_phrase]
        if prize_body and re.match(r"(?:Golden|Silver|Bronze|Crystal)\s", prize_body) and festivals \
                and not reference.award_body(_body_name(prize_body)):  # (the Golden Globe Award is a body's own)
            body_phrase = festivals[0]  # "won the Golden Osella Award for …" at a festival is the festival's
        ceremony = body_phrase if body_phrase and is_ceremony(body_phrase) \
            else None
        # "It won the Palme d'Or": a festival's trophy names its festival, in the sentence's words when it names that
        # festival ("the Golden Lion at the Venice International Film Festival"); another body named beside it ("the
        # Palme d'Or and the Academy Award for Best Picture", "…, and was shown at Venice") is another prize's.
        festival = reference.festival_of_prize(category)
        body = festival if festival and not (body_phrase and fold(festival).split()[0] in fold(body_phrase)) else \
            _body_name(body_phrase) if body_phrase else None
        # "the 1974 Nargis Dutt Award for Best …": the year stands before the prize's name.
        year = re.match(r"^(?:the\s+)?(\d{4})\s", body_phrase or "") or re.search(
            r"\b(\d{4})\s+(?:[A-Z][\w'’.-]*\s+)+(?:for\s+)?$", before)
        # "Best Horror Film (1994)"; "the Golden Raven at the Brussels … Festival in 1993".
        after_category = sentence[position + len(category):]
        year = year or re.match(r"\s*\((\d{4})\)", after_category) or re.match(
            r"(?:\s+nominations?)?(?:\s+at\s+(?:the\s+)?(?:(?:of|for|de|and)\s+)?"
            r"(?:[A-Z0-9][\w'’.-]*\s*(?:(?:of|for|de|and)\s+)?)+)?\s*\b(?:held\s+)?in\s+(\d{4})\b",
            after_category)
        if not year and body_phrase:  # "At the 12th Genie Awards in 1991, …"
            year = _year_after(sentence, body_phrase)
        if not year and body_phrase and (at := sentence.find(body_phrase)) > 0:
            # "at the 2012 'Indie Horror Film Festival'": the year before a quoted body's name.
            year = re.search(r"\b(\d{4})\s*['\"‘“]\s*$", sentence[:at])
        if ceremony_date is _UNREAD:
            ceremony_date = _ceremony_date(sentence, bodies)  # the sentence's, whichever category: read once
        month = _MONTH_NAME_RE.search(year.group(0)) if year else None  # "in September 2014": the month too
        date_of_award = ceremony_date or (PartialDate(int(year.group(1)), reference.MONTH_NAMES.index(month.group(0))
                                                      if month else None) if year else None)
        # "won the César Award for Best Film on 21 February 2004, and … the Goya … on 31 January 2004": a day right
        # after a category (or its ceremony) is that prize's own.
        own_day = _OWN_DAY_RE.match(sentence, position + len(category))
        # (A nomination's own day is the ceremony's only "at the …": "nominated for Best Actor on 31 January" is
        # the day of the nominations.)
        if own_day and (own_day["at"] or result is AwardResult.WON) and (
                day := parse_date(own_day["date"])) is not None and day.day is not None:
            date_of_award = day
        # "Eva Lund received a nomination for …", "… earned an Academy Award nomination for …": the noun is what
        # the clause's verb gives, and the subject stands before that verb.
        giving = _verb_giving(sentence, wins, verb)
        # "Carl Holm, who composed the score, won …": the name before the relative clause is the subject.
        nominees = person_subjects(re.sub(r",\s+who\b[^,]*,\s*$", " ", sentence[:giving.start()]), title)
        # "Ann Berg was nominated for Best Art Direction, Tom Hill and Eva Lund for Best Film Editing, …": a list
        # item leaves its verb out, and names its own people before "for".
        elliptic = _ELLIPTIC_NOMINEES_RE.fullmatch(sentence, previous_category_end, position) \
            if mentions and previous_category_end else None
        if elliptic and all(NAME_RE.fullmatch(name) and not _BODY_WORDS.search(name)
                            for name in _LIST_SPLIT_RE.split(elliptic["names"])):
            nominees = _LIST_SPLIT_RE.split(elliptic["names"])
        # "The role earned Eva Lund a nomination", "It earned Eva Lund an Oscar nomination for Best Actress".
        given_to = _GIVEN_TO_RE.match(sentence, giving.end()) if giving.group(0).casefold().startswith("earn") or \
            giving.group(0).casefold() in {"got", "gave", "brought"} else None
        if given_to and given_to["name"] != title and not _BODY_WORDS.search(given_to["name"]) \
                and given_to["name"] not in nominees:
            nominees.append(given_to["name"])
        # "a nomination of Lindsey Gareth for 'Best Supporting Actress'": the person named after "of".
        nominated_of = re.match(rf"\s+of\s+(?P<name>{NAME_RE.pattern})\s+for\s+(?:the\s+)?['\"‘“]?$",
                                sentence[verb.end():position])
        if nominated_of and verb.group(0).casefold().startswith("nomination") \
                and nominated_of["name"] != title and not _BODY_WORDS.search(nominated_of["name"]):
            nominees.append(nominated_of["name"])
        # "… for Karl Freund", "Best Director (Sidney Franklin)": the person it went to.
        # A lone word ("for Fawcett") counts only as the surname of someone the article credits (the caller's check).
        recipient = re.match(rf"\s+for\s+(?P<name>{NAME_RE.pattern}|{_NAME_TOKEN}(?![\w'’]))|"
                             rf"\s*\((?P<bracketed>{NAME_RE.pattern})\)",
                             sentence[position + len(category):])
        if recipient and recipient["bracketed"]:
            nominees.append(recipient["bracketed"])
            recipient = None
        # "…, shared by the producer Ann Berg and director Tom Hill": the people the prize went to.
        shared = _SHARED_BY_RE.match(sentence, position + len(category))
        if shared:
            people = [_JOB_WORD_RE.sub("", name).strip() for name in _LIST_SPLIT_RE.split(shared["names"])]
            if all(NAME_RE.fullmatch(name) for name in people):
                nominees += [name for name in people if name not in nominees]
        # "Best Sound (Ann Berg, Tom Hill and Eva Lund)", "(for producers Ann Berg and Tom Hill)", "(both …)", "for
        # Tom Hill and Eva Lund": each person of a list the category goes to.
        listed = _NOMINEE_LIST_RE.match(sentence, position + len(category)) if not recipient else None
        listed = listed or (_FOR_LIST_RE.match(sentence, position + len(category)) if recipient else None)
        if listed and all(NAME_RE.fullmatch(name) and not _CATEGORY_RE.match(name)  # "for Ann Berg, and Best Score"
                          for name in _LIST_SPLIT_RE.split(listed["names"].strip())):
            nominees += [name for name in _LIST_SPLIT_RE.split(listed["names"].strip()) if name not in nominees]
            recipient = None
        if recipient and not _BODY_WORDS.search(recipient["name"]) and recipient["name"] != title \
                and not _CATEGORY_RE.match(recipient["name"]):  # "the Special … Award for Best Visual Effects"
            nominees.append(recipient["name"])
        category = category.strip()
        if position and sentence[position - 1] in "'‘\"“" and category[-1:] in "'’\"”":
            category = category[:-1]  # "for 'Best Supporting Actress'": the quotes are the sentence's
        previous_category_end = position + len(category)
        mentions.append(Nomination(body or "", category, result, date_of_award, ceremony,
                                   [Nominee(person=name) for name in nominees]))
        # "named Best Actor by the New York Film Critics Circle, the … and the National Society of Film Critics":
        # the same category of each body the list names.
        listed_bodies = _bodies_listed_by(sentence, position + len(category))
        if listed_bodies and mentions[-1].body != listed_bodies[0][0]:
            mentions[-1].body, mentions[-1].ceremony = listed_bodies[0]
        mentions += [Nomination(other, category, result, None, other_ceremony,
                                [Nominee(person=name) for name in nominees])
                     for other, other_ceremony in listed_bodies[1:]]
    if "respectively" in sentence:
        _pair_respectively(mentions)
    tallies = []
    other = _OTHER_AWARDS_RE.search(sentence)
    total = _TOTAL_AWARDS_RE.search(sentence)
    if total and _subject_is_another_work(sentence[:total.start()], title, "", other_works):
        total = None  # "Her next film, ''Coast Road'' (2016), won six Academy Awards": that film's count
    body_of_tally = _body_name(bodies[-1][0]) if bodies else None

    def ceremony_of(body: str | None) -> str | None:
        """The ceremony the sentence names of a count's body (never another body's: "five nominations at the 69th
        British Academy Film Awards, and won three British Independent Film Awards")."""
        return next((b for b, _, _ in bodies if is_ceremony(b) and _body_name(b) == body), None)

    ceremony_of_tally = ceremony_of(body_of_tally)
    if other:
        named_wins = sum(1 for m in mentions if m.result is AwardResult.WON)
        tallies.append(AwardTally(body_of_tally or "", named_wins + _number(other["count"]), ceremony_of_tally))
    elif total:
        for count in _TOTAL_AWARDS_RE.finditer(sentence, total.start()):
            if count.start() > total.start() and _subject_is_another_work(sentence[:count.start()], title, "",
                                                                          other_works):
                continue
            # "won two Academy Awards and the Annie Award for …": the count's own body, the one right after it;
            # "won four awards at the 78th Academy Awards"; "At the 55th Filmfare Awards, it won nine awards, …, and
            # it won three National Film Awards": else the body told before it.
            at = re.match(r"\s+(?:at|from)\s+(?:the\s+)?", sentence[count.end():])
            counted_body = next((b for b, start, _ in bodies if count.end("count") <= start <= count.end() + 1),
                                None) or next((b for b, start, _ in bodies if at and start == count.end() + at.end()),
                                              None) or next((b for b, _, end in reversed(bodies)
                                                             if end <= count.start()), None)
            body = _body_name(counted_body) if counted_body else body_of_tally or ""
            tallies.append(AwardTally(body, _number(count["count"]), ceremony_of(body)))
    counted = _NOMINATION_COUNT_RE.search(sentence)
    if counted:
        # "received eleven nominations" counts nominations: never a win, never a category; "… at the 69th British
        # Academy Film Awards" after it names their body.
        # "eleven Academy Award nominations", "… nominations at the 12th Academy Awards", "At the 69th British
        # Academy Film Awards, it received five nominations, and at …": the body in it, right after it, or before it.
        at = re.match(r"\s+(?:at|from)\s+(?:the\s+)?", sentence[counted.end():])
        named = next((b for b, start, _ in bodies if counted.start() <= start < counted.end()), None) or next(
            (b for b, start, _ in bodies if at and start == counted.end() + at.end()), None) or next(
            (b for b, start, _ in reversed(bodies) if start < counted.start()), None)
        # "The film received eleven nominations, and at the Golden Globe Awards it won …": no body of its own.
        body = _body_name(named) if named else ""
        tallies.append(AwardTally(body or "", None, ceremony_of(body), nominations=_number(counted["count"])))
    return mentions, tallies


_IN_YEAR_RE = re.compile(rf"\s+in\s+(?:{_MONTH_NAMES_RE}\s+)?(\d{{4}})\b")  # "in 1991", "in January 2016"
_MONTH_NAME_RE = re.compile(_MONTH_NAMES_RE)
_HONORARY_RE = re.compile(r"(?i)\bhonou?rary\s+$")
# A prize for someone's career: "… for his body of work as a producer", "for her lifetime achievement".
_FOR_A_CAREER_RE = re.compile(r"(?i)\s+for\s+(?:his|her|their)\s+(?:(?:entire|whole|long)\s+)?"
                              r"(?:body\s+of\s+work|career|lifetime|life['’]s\s+work|contributions?|services)\b")
_INCLUDING_RE = re.compile(r"\bincluding\b|\bamong\s+(?:them|which|these)\b")
_NOT_BEFORE_VERB_RE = re.compile(r"\b(?:not|never|n't|failed to|without)\s+(?:\w+\s+)?$|"
                                 r"\bnot\s+among\s+(?:\w+\s+){0,4}$")
_FOR_WHICH_RE = re.compile(r"\b(?:for|in)\s+which\s+(?:\w+\s+){0,3}$")
_WON_NOTHING_RE = re.compile(r"\s+(?:none|nothing|no\s+(?:award|prize)s?)\b")
_WHERE_CLAUSE_RE = re.compile(r",\s+where\s+[^,;]*$")
_OWN_DAY_RE = re.compile(r"(?P<at>\s+at\s+the\s+[^,;]{0,60}?)?\s+on\s+"
                         r"(?P<date>(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}),?\s+\d{4})")
# "At the first IIFA Utsavam in January 2016, …": an event of a name of its own, opening the sentence.
_AT_AN_EVENT_RE = re.compile(r"At\s+the\s+(?:(?:first|second|third|inaugural|\d+(?:st|nd|rd|th))\s+)?"
                             r"(?P<body>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,5})"
                             r"(?:\s+(?:in|on)\s+(?:\w+\s+)?\d{4})?,")
# What a named prize is for, in capitalised words: "… Award for Film Music", "… Prize for Best Feature Film" (a
# field of film-making, never a person: "the Special Jury Prize for Ann Berg").
_FIELD_WORDS_RE = re.compile(r"\b(?:Music|Film|Score|Screenplay|Writing|Direction|Directing|Cinematography|Editing|"
                             r"Design|Acting|Performance|Feature|Documentary|Animation|Achievement|Contribution|"
                             r"Excellence|Picture|Sound|Effects|Costume|Make-?up|Song|Debut|Integration|Cinema)\b")
_NAMED_FOR_RE = re.compile(r"\s+for\s+(?P<what>[A-Z][\w'’-]*(?:\s+(?:(?:of|in|and|the)\s+)?[A-Z][\w'’-]*){0,5})")
# After a category: "(award) (the following year) for Coast Road": another work's prize, or a later year's.
_LATER_FOR_ANOTHER_RE = re.compile(r"(?:\s+(?:award|prize))?(?:\s+(?:the\s+(?:following|next)\s+year|a\s+year\s+later|"
                                   r"\w+\s+years\s+later|in\s+\d{4}))?\s+for\s+(?!(?:his|her|their|the\s+film|it)\b)")
# "… for her role in Coast Road": the work whose part won it.
_FOR_ROLE_IN_RE = re.compile(r"(?:\s+(?:award|prize))?\s+for\s+(?:his|her|their)\s+(?:\w+\s+){0,2}?(?:role|performance|"
                             r"portrayal|work)\s+(?:as\s+[^,;.]+?\s+)?in\s+")
_LATER_RE = re.compile(r"(?:\s+(?:award|prize))?\s+(?:the\s+(?:following|next|previous)\s+year|"
                       r"the\s+year\s+(?:before|after)|a\s+year\s+(?:later|earlier)|\w+\s+years\s+(?:later|earlier))")
# ", Tom Hill and Eva Lund for " right before a category: the people of a list item with its verb left out.
_ELLIPTIC_NOMINEES_RE = re.compile(rf"(?:\s+[–—-]\s+[A-Z][\w-]*)?(?:\s*,\s+(?:and\s+)?|\s+and\s+)"
                                   rf"(?P<names>{NAME_RE.pattern}(?:(?:,\s*|\s+and\s+){NAME_RE.pattern})*)"
                                   r"\s+for\s+(?:the\s+)?$")
_SHARED_BY_RE = re.compile(r",?\s+(?:shared\s+by|presented\s+to)\s+(?:the\s+)?(?P<names>[^,;.()]+)")
_JOB_WORD_RE = re.compile(r"^(?:the\s+)?(?:producers?|directors?|writers?|screenwriters?|composers?|editors?|"
                          r"cinematographers?|actors?|actresses)\s+")
# The people a category went to, listed in brackets or after "for": "(for producers Ann Berg and Tom Hill)".
_NOMINEE_LIST_RE = re.compile(r"\s*\((?:for\s+)?(?:(?:the\s+)?(?:producers?|directors?|writers?|screenwriters?|"
                              r"editors?|composers?|actors?|actresses)\s+|both\s+)?(?P<names>[^()]+)\)")
_FOR_LIST_RE = re.compile(r"\s+for\s+(?P<names>[^,;()]+?(?:,\s+[^,;()]+?)*,?\s+and\s+[^,;()]+?)(?=[.;,)]|\s+at\s|$)")
# Between the items of a list: "A, B and C", "the A, the B and the C".
_LIST_SPLIT_RE = re.compile(r",\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?|\s*&\s*")
# Right before a verb of winning: a relative clause of a person, or the pluperfect ("who won", "who had won", "had
# previously won"): a prize someone had before, for another work, unless the words after it say it is for this film.
_EARLIER_PRIZE_RE = re.compile(r"(?:\bwho\s+(?:had\s+)?|\bhad\s+)(?:(?:previously|already|earlier|once|also)\s+)?$")
_FOR_THIS_FILM_RE = re.compile(r"\s+for\s+(?:(?:his|her|their)\s+(?:\w+\s+){0,2}?(?:role|performance|portrayal|work|"
                               r"score|screenplay|direction|music|songs?)(?:\s+(?:in|on)\s+(?:the\s+film|it|this\s+film))?"
                               r"|the\s+film|it|this\s+film)\s*(?:[,.;)]|$)")
# After a category: the prize's name (capitalised words) and "nomination": "Best Actress Oscar nomination".
_NOMINATION_AFTER_RE = re.compile(r"\s+(?:[A-Z][\w'’-]*\s+){0,3}(?i:award\s+)?(?i:nominations?)\b")
# Between a verb and the nomination it gives: whom it goes to, an article or a count, and the prize's name
# ("earned Eva Lund an Academy Award ").
_TO_THE_NOUN_RE = re.compile(r"\s+(?:(?:[A-Z][\w'’.-]*|him|her|them)\s+){0,4}"
                             r"(?:an?|his|her|their|its|(?:\w+\s+)?(?:first|second|third)|two|three|four|five)\s+"
                             r"(?:[A-Z][\w'’.-]*\s+){0,3}$")
# "earned Eva Lund a …": the person a verb gives the prize to, right after it.
_GIVEN_TO_RE = re.compile(rf"\s+(?P<name>{NAME_RE.pattern})\s+(?:an?|his|her|their|two|three|four|five)\s")


def _verb_giving(sentence: str, wins: list[re.Match[str]], verb: re.Match[str]) -> re.Match[str]:
    """The verb whose subject won or was nominated: ``verb`` itself, or, when it is the noun "nomination", the
    verb right before it that gives it ("received a nomination", "earned an Academy Award nomination")."""
    if not verb.group(0).casefold().startswith("nomination"):
        return verb
    for win in reversed(wins):
        if win.end() <= verb.start() and _TO_THE_NOUN_RE.fullmatch(sentence[win.end():verb.start()]):
            return win
    return verb


_BODY_NAME_RE = re.compile(r"[A-Z][\w'’.&-]*(?:\s+(?:of|the|for|and|de|[A-Z][\w'’.&-]*))*\s+"
                           r"(?:Awards?|Prizes?|Festival|Circle|Society|Association|Guild|Academy|Critics)")
_BY_LIST_RE = re.compile(r"\s+(?:by|at|from)\s+(?:both\s+)?(?:the\s+)?(?P<list>[^.;]+?)"
                         r"(?=,\s+and\s+(?:(?!the\b)|the\s+[a-z])|,\s+(?:where|which|when)\b|[.;]|$)")


def _pair_respectively(mentions: list[Nomination]) -> None:
    """"Hopkins and Foster won Best Actor and Best Actress respectively": the people of the list, in order, one to
    each of the categories that share them."""
    by_people: dict[tuple[str | None, ...], list[Nomination]] = {}
    for mention in mentions:
        if len(mention.nominees) >= 2:
            by_people.setdefault(tuple(n.person for n in mention.nominees), []).append(mention)
    for people, sharing in by_people.items():
        if len(sharing) == len(people):
            for mention, person in zip(sharing, people, strict=True):
                mention.nominees = [Nominee(person=person)]


def _bodies_listed_by(sentence: str, at: int) -> list[tuple[str, str | None]]:
    """The bodies a category's "by the A, the B and the C", "from the A and the B" or "at both the A and (at) the B"
    names, when there are two or more and each is a body, each with the ceremony it names ("the 1st Asian Film
    Awards") or None."""
    listed = _BY_LIST_RE.match(sentence, at)
    if listed is None:
        return []
    items = [re.sub(r"^(?:at|by|from)\s+(?:the\s+)?", "", item.strip())
             for item in _LIST_SPLIT_RE.split(listed["list"]) if item.strip()]
    # Each a body's whole name ("the New York Film Critics Circle"), not a phrase with one ("ahead of the Golden …").
    if len(items) < 2 or not all(reference.award_body(name := strip_ordinal(_without_year(item)))
                                 or _BODY_NAME_RE.fullmatch(name) for item in items):
        return []
    return [(_body_name(_without_year(item)), item if is_ceremony(item) else None) for item in items]


def _year_after(sentence: str, phrase: str) -> re.Match[str] | None:
    """The year "in 1991" right after a place the sentence names ``phrase`` (found as text, not as a pattern of
    its own: a pattern per body would be compiled again for each sentence)."""
    start = sentence.find(phrase)
    while start >= 0:
        if year := _IN_YEAR_RE.match(sentence, start + len(phrase)):
            return year
        start = sentence.find(phrase, start + 1)
    return None


def _body_name(phrase: str) -> str:
    """The award body of a body or ceremony phrase: "the 43rd Robert Awards" → "Robert Awards"."""
    name = strip_ordinal(re.sub(r"^the\s+", "", phrase, flags=re.IGNORECASE))
    name = re.sub(r"\s+ceremony$", "", name, flags=re.IGNORECASE)
    if re.fullmatch(rf"{_CAP}(?:\s+{_CAP})*\s+Award", name):
        name += "s"
    return canonical_event(name)


def _ceremony_date(sentence: str, bodies: list[tuple[str, int, int]]) -> PartialDate | None:
    """A day-precise date given right after a body or ceremony ("the 33rd European Film Awards on 12 …").

    One pass over the sentence: the first screening or release verb and the ends of the bodies are found
    once, not again for each date."""
    verbs = [m.end() for pattern in (_SCREEN_VERB_RE, _RELEASE_VERB_RE) if (m := pattern.search(sentence))]
    first_verb_end = min(verbs, default=len(sentence) + 1)
    body_ends = {end for _, _, end in bodies}
    for when, start, _ in find_dates(sentence):
        if first_verb_end <= start:
            return None  # this date and every later one: of a premiere or screening, not of the ceremony
        if when.day and any(end in body_ends and re.fullmatch(r"[\s,]*(?:held\s+)?(?:on\s+)?", sentence[end:start])
                            for end in range(start - 12, start + 1)):
            return when
    return None


# What a clause's subject names when it is a work made from or beside the film, not the film itself.
def listed_places(item: str) -> list[Place]:
    """The places an item of a list of filming locations names, without what it says of them: "Mouth of Truth,
    Piazza Bocca della Verità", "Caffè Rocca and the Pantheon", "Via Margutta 51, Joe's flat" (a house number is
    no part of a street's name), "Sunset Boulevard in Los Angeles" (a place within another).

    >>> [(p.name, p.within and p.within.name) for p in listed_places("Via Margutta 51, the home of Joe, and Rome")]
    [('Via Margutta', None)]
    >>> [(p.name, p.within and p.within.name) for p in listed_places("Sunset Boulevard in Los Angeles (at night)")]
    [('Sunset Boulevard', 'Los Angeles')]
    """
    text = re.sub(r"\s*\([^()]*\)", "", item).strip().rstrip(".;:")
    places: list[Place] = []
    for part in re.split(r",\s+(?:and\s+)?", text):
        if not part[:1].isupper() or _is_month_or_date(part) or re.search(r"\w['’]s\b", part):
            break  # "the home of Joe, …", "Joe's flat": what the item says of the place, and all that follows
        for name in re.split(r"\s+and\s+(?:the\s+)?", part):
            name = re.sub(r"^the\s+", "", re.sub(r"\s+\d+[a-zA-Z]?$", "", name.strip()), flags=re.IGNORECASE)
            if not name[:1].isupper():
                continue
            inner, _, outer = name.rpartition(" in ")
            if inner and reference.is_place_name(outer):
                places.append(Place(inner, within=_filming_place(outer, "", {}, known=True)))
            else:
                country = reference.country(name)
                places.append(Place(country.name, country.qid) if country else Place(name))
    return places


_COPRODUCTION_RE = re.compile(rf"\b(?:co-?production|joint production)\s+(?:between|of|by|from)\s+(?:the\s+)?"
                              rf"(?P<names>{_CAP}(?:\s+(?:&\s+)?{_CAP})*(?:(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?"
                              rf"{_CAP}(?:\s+(?:&\s+)?{_CAP})*)*)")


def find_coproducers(sentence: str) -> list[str]:
    """The companies a sentence says the film was a co-production of ("a co-production between JVC, Toho and
    Movic"); countries ("between France and Germany") are no companies.

    >>> find_coproducers("The film was a co-production between JVC, Toho and Movic, with Animate as the studio.")
    ['JVC', 'Toho', 'Movic']
    >>> find_coproducers("It is a co-production between France and Germany.")
    []
    """
    if "production" not in sentence:
        return []  # what the pattern needs first (most sentences): not tried at each of their characters
    found = []
    for match in _COPRODUCTION_RE.finditer(sentence):
        for name in re.split(r",\s*(?:and\s+)?|\s+and\s+", match["names"]):
            name = re.sub(r"^the\s+", "", name.strip().rstrip(".,;:"))
            # "Franco Cristaldi's Cristaldifilm", "the Paris-based Films Ariane": the company, not what describes it.
            name = re.sub(r"^(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s\s+|^(?:[A-Z][\w-]*[\s-])*?[A-Z][\w]*-based\s+",
                          "", name)
            if name and not reference.country(name) and not reference.country_of_demonym(name) \
                    and not _is_month_or_date(name):
                found.append(name)
    return found


# Works other than the film that a sentence may say a company released, and companies that publish them.
_OTHER_WORK_RE = re.compile(r"\b(?:novel\w*|books?|comics?|comic books?|graphic novels?|soundtracks?|albums?|"
                            r"singles?|songs?|video games?|games?|toys?|action figures?|merchandise|"
                            r"magazines?|tie-ins?)\b", re.IGNORECASE)
# Besides those, works made from the film or beside it that can win prizes of their own.
_OTHER_WORK_SUBJECT_RE = re.compile(rf"{_OTHER_WORK_RE.pattern}|\b(?:restoration|restored version|musical|stage|play|"
                                    r"remake|sequel|prequel|series|episode|project|score|dub|dubbed version|dubbing|"
                                    r"English version)\b", re.IGNORECASE)


_AUXILIARIES_AT_END_RE = re.compile(r"(?:\s+(?:was|were|has|had|have|been|also|later|then|subsequently))+$",
                                    re.IGNORECASE)


def _subject_is_another_work(before_verb: str, title: str, category: str,
                             other_works: Collection[str] = ()) -> bool:
    """Whether the subject of a win or nomination is another work: "Its soundtrack album won a Grammy", or a work
    of ``other_works`` ("Its rival Coast Road won Best Visual Effects"). A song up for a song's category ("Best
    Original Song") is the film's song.

    >>> _subject_is_another_work("The film's restoration project", "Heat", "Best PR Programme")
    True
    >>> _subject_is_another_work("Heat, based on the novel,", "Heat", "Best Film")
    False
    >>> _subject_is_another_work("It", "Heat", "Best Film"), _subject_is_another_work("Its song", "Heat", "Best Song")
    (False, False)
    """
    # The words right before the verb (and its auxiliaries) are its subject when they are another work's title
    # ("since ''Bar'' won", "its rival ''Bar'' was also nominated"); a title earlier in the sentence is not ("Like
    # its predecessor ''Bar'', the film won").
    right_before = fold(_AUXILIARIES_AT_END_RE.sub("", before_verb.rstrip(" ,'\"’”")).rstrip(" '\"’”"))
    right_before = re.sub(r"\s*\(\d{4}\)$", "", right_before)  # "Coast Road (2016), won …": the title and its year
    if any(right_before == work or right_before.endswith(f" {work}") for work in other_works):
        return True
    pieces = re.split(r",\s+", before_verb.strip(" ,;"))
    # "Based on the novel ''X'', the film won …": the piece right before the verb, when it is the film, is the subject.
    last = fold(_AUXILIARIES_AT_END_RE.sub("", pieces[-1]).strip())
    if len(pieces) > 1 and (last == fold(title) or re.fullmatch(r"(?:it|the (?:film|movie|picture)|this film)", last)):
        return False
    # "In 2014, the restoration project won": phrases of time and place before the subject are not it.
    while len(pieces) > 1 and re.match(r"(?i)(?:in|at|on|during|after|before|by|later|\d{4})\b", pieces[0]):
        pieces.pop(0)
    # The subject ends at its verb: "The film was nominated for … Best Original Song, but was also …" is the film.
    subject = re.split(r"\s+(?:was|were|is|are|has|had|have|won|wins|received|earned|garnered)\b", pieces[0])[0]
    found = _OTHER_WORK_SUBJECT_RE.search(subject)
    if found is None or fold(subject) == fold(title):
        return False
    kind = found.group(0).casefold()
    # The film's song up for Best Original Song, its score for Best Score, are the film's nominations.
    return not (kind.startswith(("song", "score")) and is_music_category(category))


def is_music_category(category: str) -> bool:
    """A film's category for its music ("Best Original Score", "Best Song"), not a music prize of its own
    ("ASCAP Film and Television Music Award")."""
    return re.match(r"(?i)(?:best|outstanding)\b.*\b(?:song|score|music)", category) is not None


def opens_with_another_work(sentence: str, title: str) -> bool:
    """Whether a sentence's subject is a work other than the film ("The film's orchestral score was released …",
    "The soundtrack album …"): a following sentence's "It" is that work."""
    verb = re.search(r"\b(?:is|was|were|are|has|had|won|received|became|features?|featured|includes?|included|"
                     r"[a-z]+ed)\b", sentence)
    return verb is not None and _subject_is_another_work(sentence[:verb.start()], title, "")


def names_another_work(clause: str) -> bool:
    """Whether the end of a text (the start of a sentence up to a credit) is about another work: "Its theme song,
    'Sea', was", "The soundtrack album was"."""
    last = re.split(r"[;.]\s+|,\s+(?:and|but|while)\s+", clause)[-1]
    return _OTHER_WORK_SUBJECT_RE.search(last) is not None and not re.search(r"\b(?:based on|adapted from)\b", last)


def refers_back(sentence: str) -> bool:
    """A sentence whose subject is the one of the sentence before: "It …", "This …", "The album …", "The score …"."""
    return _REFERS_BACK_RE.match(sentence.strip()) is not None


_REFERS_BACK_RE = re.compile(r"(?:It|This|The album|The score)\b")


def names_a_category(text: str) -> bool:
    """Whether words of a text name a category themselves ("Best Sound", "Golden Osella Award for Best Film"), as
    :func:`find_awards` reads them: not "Sound" or "National Film Award", which only a link makes a category."""
    return bool(_CATEGORY_RE.search(text))


def the_film_is_the_subject(sentence: str, verb_at: int, title: str) -> bool:
    """Whether the film is what the verb at ``verb_at`` says won or was nominated: the clause's subject ("The
    film was nominated …", "It won …", "At the Oscars, Heat won …") or its object ("BAFTA nominated Heat in six
    categories"); not "Holm, who had won an Oscar for …" nor "Its soundtrack won …"."""
    before = sentence[:verb_at]
    clause = before[max([0, *(m.end() for m in re.finditer(r"[,;:(]\s*", before))]):]
    if re.search(rf"(?:^|\s){_the_film(title, clause)}\s+(?:\w+\s+){{0,3}}$", clause) \
            and not re.search(r"\bwho\b", clause):
        return not _subject_is_another_work(clause, title, "")
    if re.fullmatch(r"(?:and|but)\s+(?:(?:was|were|also|then|later)\s+)*", clause) and re.match(
            rf"\s*{_the_film(title, sentence)}\s+(?:\w+\s+){{0,3}}?(?:won|was|were|received|earned|garnered)\b",
            sentence):
        return True  # "The film won Best Picture, and was nominated for …": the first clause's subject goes on
    verb = re.match(r"\w+", sentence[verb_at:])
    after = sentence[verb_at + (verb.end() if verb else 0):]
    return re.match(rf"\s+(?:the\s+)?{_the_film(title, after)}\b", after) is not None \
        and not re.search(r"\bwho\b", clause)


def _the_film(title: str, text: str) -> str:
    """A pattern of the words that make the film the subject: "The film", "It", "This film", and its title (as
    written) when ``text``, which the pattern is run on, holds it: a pattern with a title is made only when it
    can match (see :func:`_film_words`)."""
    return rf"(?:{re.escape(title) + '|' if title in text else ''}[Tt]he (?:film|movie|picture)|[Ii]t|[Tt]his film)"


def person_subjects(before_verb: str, title: str) -> list[str]:
    """The people a clause says won or were nominated: the name just before its verb, and with "were" the names
    listed before it ("Diabo and Meddings were nominated").

    >>> person_subjects("At the Genie Awards, Ann Berg, Carl Holm and Eva Lund were ", "Heat")
    ['Ann Berg', 'Carl Holm', 'Eva Lund']
    """
    # "Carl Holm's performance earned him …": the person whose work it was.
    before_verb = re.sub(r"(?:'s|’s)\s+(?:\w+\s+)?(?:performance|portrayal|work|role|score|screenplay|script|direction|"
                         r"cinematography|editing|music|songs?)\s+$", " ", before_verb)
    first = _person_subject(before_verb, title)
    if first is None:
        return []
    names = [first]
    # "Ann Berg and Carl Holm won …", "… were nominated": the names listed before the verb.
    at = before_verb.rfind(first)
    listed = at > 0 and _LISTED_BEFORE_RE.search(before_verb[:at]) is not None
    if re.search(r"\bwere\s+(?:(?:also|jointly|both|each|later|again)\s+)?$", before_verb) or listed:
        rest = before_verb[:before_verb.rindex(first)]
        while (more := re.search(rf"(?:^|[,;]\s+|\s)(?P<name>{NAME_RE.pattern}|{_NAME_TOKEN})(?:,\s*|,?\s+and\s+)$",
                                 rest)) and (name := _person_subject(more["name"] + " ", title)):
            names.insert(0, name)
            rest = rest[:more.start("name")]
    return names


# "Ann Berg, Eva Lund and " before the last name of a list that opens its clause (not "directed by Ann Berg and").
_LISTED_BEFORE_RE = re.compile(rf"(?:^|[,;]\s+)(?:{NAME_RE.pattern}|{_NAME_TOKEN})(?:,\s*(?:{NAME_RE.pattern}|"
                               rf"{_NAME_TOKEN}))*,?\s+and\s+$")


_JOB_BEFORE_NAME_RE = re.compile(r"^(?:(?:Co-?)?(?:Cinematographer|Director|Composer|Screenwriter|Writer|Producer|"
                                 r"Editor|Lyricist|Choreographer|Actor|Actress|Star|Costume\s+designer|"
                                 r"Production\s+designer|Art\s+director|Designer|Songwriter|Singer)|"
                                 r"Director\s+of\s+photography)\s+(?=\S+\s+\S)")


def _person_subject(before_verb: str, title: str) -> str | None:
    """The person a clause says won or was nominated: the name just before its verb."""
    match = re.search(rf"(?:^|[,;]\s+|\b(?:and|while|whereas|but|where)\s+)(?P<name>{NAME_RE.pattern}|{_NAME_TOKEN})\s+"
                      r"(?:(?:also|jointly|both|each|later|again)\s+)?"
                      r"(?:was\s+|were\s+)?(?:(?:also|jointly|both|each|later|again)\s+)?$", before_verb)
    if not match:
        return None
    # "Cinematographer Tom Hill was nominated": the job before a name is no part of it.
    name = _JOB_BEFORE_NAME_RE.sub("", match["name"])
    if name.casefold() in _PRONOUN_SUBJECTS or name == title or _BODY_WORDS.search(name) or \
            reference.country(name) or _is_month_or_date(name) or re.match(r"(?:Best|Outstanding|Most)\b", name):
        return None
    return name


# (An item may be described before its name: "and the privately owned Castle Stalker", "the disused Acton Mill".)
_LIST_CONTINUATION_RE = re.compile(rf"(?:[,;]\s*(?:and\s+)?|\s+and\s+)(?:the\s+"
                                   r"(?:(?:[a-z]+ly\s+)?(?:[a-z-]+(?:ed|en)|former|historic|disused|ruined|old)\s+)?)?"
                                   rf"(?P<name>{_CAP}(?:\s+{_CAP})*)")


# After a place: the verb of filming it is the subject of ("… at Carnegie Hall was filmed at …", "The scenes at the
# Mulwray house were shot in …"): the place the scene shows, not where it was shot.
_SUBJECTS_PLACE_RE = re.compile(r"(?:\s+[a-z]+)?\s+(?:was|were)\s+(?:\w+ly\s+)?(?:filmed|shot|recreated|re-created)\b")
_SCENES_WITHOUT_VERB_RE = re.compile(r",?\s*and\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?P<scenes>scenes|sequences|shots|"
                                     r"interiors|exteriors)(?=\s+(?:at|in|on)\s)")
# Where a filming clause ends: "Filming took place in Michigan in 1986, and the film was released in …".
# A semicolon between the items of a list of places ("at Tampa, Florida; Lowry Air Force Base, Colorado, and …")
# is no break: what follows it is a capitalised name ending at a comma, a semicolon or the sentence's end.
_FILMING_CLAUSE_BREAK_RE = re.compile(
    rf";(?!\s*(?:and\s+)?(?:the\s+)?{_CAP}(?:\s+{_CAP})*\s*(?:,\s*(?:and\s+)?(?:the\s+)?{_CAP}|;|\.?$))|"
    # (never the last item of a list of names: "…, Glen Coe, and the privately owned Castle Stalker.")
    r",\s+(?:and|but|while|whereas|although|though)\s+(?=(?:the|it|he|she|they|this|its|his|her|their)\b)"
    rf"(?!the\s+(?:(?:[a-z]+ly\s+)?[a-z-]+(?:ed|en)\s+)?{_CAP}(?:\s+{_CAP})*\s*(?:[.;]|$))|"
    r",\s+(?:after|before)\s+|"  # "…, after sites in Louisiana were considered": another time, other places
    r"\s+(?:because|since)\s+")
# "The second schedule started in Jodhpur", "re-shoots began in Santa Monica", "The production commenced in
# Wadesboro" (not pre- or post-production) say where the film was shot.
_FILMING_WORD_RE = re.compile(r"\b(photography|filming|shooting|shot|filmed|principal|(?:re-?)?shoots?|schedule|"
                              r"(?<!-)production(?=\s+(?:then\s+|later\s+|also\s+)?(?:commenced|began|started|moved)\b))\b",
                              re.IGNORECASE)
# Film stocks, processes and formats a film is "shot in": never a place.
_FILM_FORMATS = frozenset({"panavision", "cinemascope", "technicolor", "eastmancolor", "vistavision", "todd-ao",
                           "imax", "techniscope", "metrocolor", "deluxe", "super 35", "super 16", "ultra panavision",
                           "cinerama", "ansco color", "trucolor", "color", "colour", "black and white", "3d"})
_KIND_AFTER_RE = re.compile(r"\s+(?:night\s+|film\s+|sound\s+)?(?P<kind>[a-z]+)\b")
_REGION_AFTER_RE = re.compile(rf",\s+(?P<region>{_CAP}(?:\s+{_CAP})*)")


_PLACE_NOUN_AFTER_RE = re.compile(r"\s+(?:cinema|theatre|theater|hotel|hospital|station|studios?|church|cathedral|"
                                  r"school|university|college|museum|palace|castle|airport|stadium|prison|park|"
                                  r"market|restaurant|building|estate|mansion|villa|ranch|area|district|"
                                  r"neighbou?rhood|quarter)\b")
# The last word of a street's name: "filmed on First Avenue".
_STREET_RE = re.compile(r"\b(?:Avenue|Street|Road|Boulevard|Lane|Drive|Square|Bridge|Strip|Highway|Parkway|"
                        r"Island|Islands|Isle|Peninsula)$")  # and "shot on Catalina Island"
# Footage someone else shot, which the film uses.
_ARCHIVE_FOOTAGE_RE = re.compile(r"(?i)\b(?:footage\s+(?:comes|came|is|was|taken)\s+from|(?:stock|archive|archival|"
                                 r"newsreel|library)\s+footage|newsreels?)\b")
# People or bodies a place after them locates: "The government in Nanjing", "officials in Rome", "fans in Japan".
_SUBJECT_BEFORE_RE = re.compile(r"(?i)\b(?:government|authorities|officials|embassy|consulate|police|army|military|"
                                r"ministry|council|mayor|governor|fans|audiences?|critics|press|residents|people|"
                                r"locals|students|community|censors?|board)\s*$")
# The clause after a plan that goes on about this film's shooting: "…, but the crew eventually filmed in Budapest"
# (not "…, but the studio, which had filmed its previous production in Budapest, refused").
_THE_FILM_GOES_ON_RE = re.compile(r"(?i)\W*(?:(?:but|and|so|yet|instead|however|eventually)\W+)*(?:the\s+)?"
                                  r"(?:crew|film|movie|filming|shooting|production|photography|principal|it|they|"
                                  r"cast\s+and\s+crew|unit)\b")
# A plan that governs the filming verb, however far before the place: "had planned for the film to be shot entirely
# in Morocco", "intended to film the battle scenes in Ireland", "was to be shot in London".
_PLANNED_TO_SHOOT_RE = re.compile(r"(?i)\b(?:planned|planning|intended|intending|wanted|hoped|meant|supposed|was|were|"
                                  r"originally)\s+(?:for\s+the\s+(?:film|movie)\s+)?to\s+(?:be\s+)?"
                                  r"(?:shot|filmed|shoot|film)\b|\b(?:was|were)\s+(?:originally\s+)?(?:set|scheduled|"
                                  r"due|slated|expected)\s+to\s+(?:begin|start|commence|take\s+place)\b")
# Words that make the place after them one where shooting was only planned, hoped for or considered.
_ONLY_PLANNED_RE = re.compile(r"(?i)(?<!\bas\s)(?<!\bthe\s)\b(?:planned|planning|plans?|intended|intending|proposed|"
                              r"considered|considering|scouted|scouting|hoped|supposed|meant|wanted|envisioned|"
                              r"envisaged|originally set)\b(?:\s+[\w-]+){0,3}\s*$")


# Where the story is set, told beside where it was filmed ("Though set in Chicago, the film was shot in Toronto",
# "Although the story takes place in Paris, …", "with some scenes set in Mexico shot in Santa Fe"): the place named
# after "set in", up to the clause's end or the first word after its name, is the story's.
_SETTING_PLACE = (r"(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,4}?(?-i:[A-Z0-9][\w'’.-]*(?:(?:\s+|\s+(?:and|or|of|de|the)\s+)"
                  r"[A-Z][\w'’.-]*)*)")
_UNTIL_CLAUSE_END = (rf"(?:{_SETTING_PLACE}|[^,;]*?)(?=\s*[,;]|\s+but\b|\s+and\s+(?:was|were|it|is|filmed|shot)\b|$|"
                     r"\s+(?-i:[a-z]))")
_STORY_SETTING_RE = re.compile(
    r"(?i)(?:\b(?:is|was|are|were|be|being|been|though|although|while|whilst|story|plot|action|narrative|scenes?|"
    r"sequences?)\s+"
    r"(?:\w+ly\s+)?|(?:^|,)\s*)set\s+"
    r"(?:\w+ly\s+)?(?:in|on|at)\s+(?!and\b)" + _UNTIL_CLAUSE_END
    + r"|\b(?:(?:story|plot|action|narrative|events?|novel|book)\s+(?:\w+\s+)?(?:takes|took)|"
      r"(?<!filming\s)(?<!shooting\s)(?<!photography\s)takes)\s+place\s+"
      r"(?:\w+ly\s+)?(?:in|on|at)\s+" + _UNTIL_CLAUSE_END)


# "The film is set in Toronto, where it was also shot", "Set in New York, the film was shot there": the setting is
# where it was filmed too.
_WHERE_FILMED_RE = re.compile(r"(?i),?\s+where\b")
_FILMED_THERE_RE = re.compile(r"(?i)\b(?:shot|filmed)\s+(?:\w+\s+){0,3}?there\b")


# Words before a filming date that make it the start of a period: "Filming began …", "from", "between".
# ("The production moved to Australia in April 2015": filming there began then.)
_FILMING_START_RE = re.compile(r"(?i)\b(?:began|begun|started|commenced|from|starting|beginning|between|moved|"
                               r"relocated|shifted|resumed)\b")
# What joins the two ends of a period: "between A and B", "from A to B", "A–B".
_SPAN_OPENER_RE = re.compile(r"(?i)\b(?:between|from)\b")
_SPAN_JOINT_RE = re.compile(r"\s*(?:,\s*)?(?:and|to|through|till|until|[–—-])\s*")


def find_filming(sentence: str, links: dict[str, str] | None = None) -> list[FilmingLocation]:
    """Filming locations with the period the sentence gives: real places only (a country, a region, a city, a
    name ending in a kind of place, or a page the article links that is named as places are), named in the
    clause that says where the film was shot; never a quotation, a film format ("shot in Panavision") or a word
    of the story ("the Imperial walkers being shot using stop motion").

    >>> [(m.place.name, m.place.within and m.place.within.name, m.start.isoformat(), m.end.isoformat())
    ...  for m in find_filming("Filming took place at the Royal Theatre in Copenhagen from May to June 2019.")]
    [('Royal Theatre', 'Copenhagen', '2019-05', '2019-06')]
    >>> find_filming("The Imperial walkers were shot using stop motion in front of paintings.")
    []
    """
    if not _mentions(sentence, _FILMING_STEMS) or not _FILMING_WORD_RE.search(sentence):
        return []
    if not re.search(r"\b(took place|began|started|commenced|occurred|was shot|were shot|filmed|shot|"
                     r"wrapped|ended|lasted|moved|on location|(?:was|were) (?:done|conducted))\b", sentence,
                     re.IGNORECASE):
        return []
    # A quotation (a review's "lovingly filmed … at Expo '67") is someone's words, not where the film was shot; the
    # story's setting is not either.
    sentence = re.sub(r'"[^"]*"|“[^”]*”', lambda m: " " * len(m.group(0)), sentence)
    sentence = _STORY_SETTING_RE.sub(
        lambda m: m.group(0) if _WHERE_FILMED_RE.match(sentence, m.end()) or _FILMED_THERE_RE.search(sentence, m.end())
        else " " * len(m.group(0)), sentence)
    keyword = _FILMING_WORD_RE.search(sentence)
    if keyword is None:
        return []
    breaks = [(m.start(), m.end()) for m in _FILMING_CLAUSE_BREAK_RE.finditer(sentence)]
    clause_start = max((e for s, e in breaks if e <= keyword.start()), default=0)
    clause_end = min((s for s, e in breaks if s >= keyword.end()), default=len(sentence))
    # A plan's clause names no place of filming; the clause after it may ("planned to shoot in Prague, but the crew
    # eventually filmed in Budapest").
    rest = sentence[clause_end:] if _PLANNED_TO_SHOOT_RE.search(sentence[clause_start:clause_end]) or \
        _ONLY_PLANNED_RE.search(sentence[clause_start:keyword.start()] + " ") else ""
    # "The house scenes were shot at Lund Manor, and the lake was filmed near Dalby": a later clause that tells of
    # filming too.
    later_clause = sentence[clause_end:] if not rest and _FILMING_WORD_RE.search(sentence, clause_end) else ""
    if not rest and not later_clause and (elliptic := _SCENES_WITHOUT_VERB_RE.match(sentence, clause_end)):
        # "…, and the court scenes in the Palacio of Dalby": the clause leaves "were filmed" out.
        later_clause = f"{sentence[clause_end:elliptic.end('scenes')]} were filmed{sentence[elliptic.end('scenes'):]}"
    sentence = sentence[clause_start:clause_end]
    if re.search(r"\b(?:earned|grossed|profit|box office)\b", sentence, re.IGNORECASE):
        return []  # "The filmed earned a profit … in the United States": money, not a place of filming
    if _REFUSED_RE.search(sentence):
        return []  # "Permission to film at the Hotel Sacher in Vienna was refused": nothing was shot there
    if _ARCHIVE_FOOTAGE_RE.search(sentence):
        return []  # "This footage comes from nuclear tests such as shot Baker at Bikini Atoll": others filmed it
    start = end = None
    span = find_month_range(sentence)
    text = sentence
    last_date = -1  # where the sentence's last date of filming stands
    if span:
        start, end = span[0], span[1]
        text = sentence[: span[2]] + sentence[span[3]:]
        last_date = span[2]
    else:
        dates = list(find_dates(sentence))
        if dates:  # "between 10 May and 2 July 2004": the first end takes the year of the second
            dates = [d for d in yearless_dates(sentence[:dates[0][1]], dates[0][0].year)
                     if _SPAN_JOINT_RE.fullmatch(sentence, d[2], dates[0][1])][-1:] + dates
        for number, (when, s, _) in enumerate(dates):
            last_date = s
            before = sentence[max(0, s - 25): s]
            if re.search(r"\b(ended|wrapped|until|concluded|finished)\b", before, re.IGNORECASE):
                end = when
            elif start is None:
                start = when
                # "began in Norway, at the glacier …, on March 5, 1979": a start whose end the sentence does not
                # give; a date alone ("shot on 5 May 2004") is the one day.
                if not _FILMING_START_RE.search(sentence, 0, s):
                    end = when
            elif number and _SPAN_JOINT_RE.fullmatch(sentence, dates[number - 1][2], s) \
                    and _SPAN_OPENER_RE.search(sentence, 0, dates[0][1]):
                end = when  # "between November 1988 and March 1989", "from 10 May to 2 July 2004"
    places: list[Place] = []
    accepted_end = 0  # where the last place of filming ends
    beside: set[int] = set()  # the places named as a landmark ("north of Mitchell"): nothing is within them
    # "began on 3 March 2005 in Mumbai, with song sequences shot in Switzerland": the places of the clause after
    # ", with" were shot at a time the sentence does not give.
    # "began on 6 July 2013 at Ramoji Film City and continued at Kurnool, …": the places it moved on to, too.
    with_clause = re.search(r",\s+with\s(?=[^,;]*\b(?:shot|filmed|filming|shooting|photographed)\b)|"
                            r",?\s+(?:and\s+|before\s+)(?:then\s+|later\s+)?(?:continued|moved|moving|shifted|"
                            r"relocated)\b", text[last_date:]) if last_date >= 0 else None
    undated_from = last_date + with_clause.start() if with_clause else len(text)
    undated: set[int] = set()
    # "In New Mexico, two stories were shot …" opens with its place; "north of Mitchell" names one too.
    # "shot in and around Regina", "moved to Pinewood Studios", "in Georgia, including Tybee Island".
    for match in re.finditer(r"\b(?P<prep>at|(?:in|on) and around|in|In|around|near|outside|across|throughout|"
                             r"including|along(?!\s+with\b)|beneath|"  # "along the Han River", "beneath Wonhyo Bridge"
                             r"(?i:production|filming|shooting|photography|shoot|crew|unit)\s+"
                             r"(?:then\s+|later\s+|also\s+)?(?:moved|relocated|shifted|returned)\s+(?:back\s+)?to|"
                             r"(?<=\bbut\s)(?:was\s+|were\s+)?(?:moved|relocated|shifted)\s+to|"
                             r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of|(?<=\bfilmed\s)on|(?<=\bshot\s)on|"
                             r"(?<=\bfilmed\s)over|(?<=\bshot\s)over)\s+"
                             # "the island of Vis", "in the grounds of Tyresö Palace", "at the campus of the …"
                             # "the Philippine province of Ilocos Norte": a country's kind of land, the land named
                             r"(?:the\s+)?(?P<kind_of>(?:[A-Z][a-z]+\s+(?:province|state|region|county|"
                             r"prefecture|municipality|department)\s+of\s+(?:the\s+)?)|"
                             r"(?:island|town|city|village|grounds|streets|campus|premises|"
                             r"ruins|gardens|courtyard|interiors?|exteriors?|beach|shores?|banks|coast(?:line)?|"
                             r"(?:[a-z]+\s+)?(?:chamber|hall|lobby|"
                             r"basement|rooftops?|outskirts|suburbs|docks))\s+of\s+(?:the\s+)?)?(?P<name>"
                             + _PHRASE_RE.pattern + r")", text):
        if match["prep"] == "on" and (not _STREET_RE.search(match["name"].rstrip(".,;"))
                                      or re.match(r"\s+(?:sets?|stages?|backlot|lot)\b|,\s+(?:an?|the)\s+[^,.;]{0,40}?"
                                                  r"\b(?:sets?|stages?|backlot|lot)\b", text[match.end():])):
            continue  # "filmed on First Avenue"; never "shot on Super 8", "on location", "on the Sesame Street set"

        if _STANDING_IN_FOR_RE.search(re.split(r"[,;]", text[:match.start()])[-1]):
            continue  # "…, standing in for the Savoy Hotel in London", "instead of …": the place the story shows
        apposition = places and _APPOSITION_RE.fullmatch(text, accepted_end, match.start())
        if match["prep"] in ("near", "outside") and places and (apposition or (
                places[-1].within is not None and not text[accepted_end:match.start()].strip())):
            continue  # "[[Pinewood Studios]], a studio in [[Iver Heath]] near [[London]]": where it lies, beside
        if _SUBJECTS_PLACE_RE.match(text, match.end()):
            continue  # "the final performance at Carnegie Hall was filmed at the Orpheum": the story's place
        if match["prep"].endswith(" of") and places and re.search(r",\s*$", text[:match.start()]):
            continue  # "at Lund Manor, south-east of Dalby": where the place named before lies, not a place of filming
        if re.search(r"\b(?:offices?|headquarters|home|based|born|lives?|lived)\s*$", text[:match.start()]):
            continue  # "the producer's offices in Wilmington": where someone works or lives, not where it was shot
        if _SUBJECT_BEFORE_RE.search(text[:match.start()]) and not _FILMING_WORD_RE.search(text[:match.start()]):
            continue  # "The government in Nanjing did not foresee … to shoot in China": who, not where it was shot
        segment = re.split(r"[,;]|\bbut\b", text[:match.start()])[-1]
        if _ONLY_PLANNED_RE.search(segment) or _PLANNED_TO_SHOOT_RE.search(segment):
            continue  # "originally planned in Prague, but moved to Budapest": a plan, not where it was shot
            # (the plan word right before the place: not "began as planned in Rome", "planned a schedule and filmed in")
        linked = _linked_name_at(text, match.start("name"), match["name"], links or {})
        names = [(linked, match.start("name") + len(linked))] if linked else \
            [(_without_stop(match["name"]), match.end())]
        position = names[0][1]
        while extra := _LIST_CONTINUATION_RE.match(text, position):
            names.append((_without_stop(extra["name"]), extra.end()))
            position = extra.end()
        names = _towns_with_their_regions(_with_abbreviated_regions(_linked_towns(names, links or {})), text)
        first = True
        listed = False  # the list's first name is a place: so are the names listed after it ("in Bath, Kent, the
        # Chatham Dockyard")
        for raw, raw_end in names:
            for name in re.split(r"\s+and\s+(?:the\s+)?", raw):
                # "the Royal Hospital in Aarby": a name after a place and "in" is where that place is.
                inside = first and match["prep"] == "in" and places and places[-1].within is None and \
                    (text[:match.start()].rstrip().endswith(places[-1].name) or bool(apposition)) \
                    and len(places) - 1 not in beside \
                    and reference.language(name) is None \
                    and not any(word in _FORMAT_WORDS for word in fold(name).split())
                # (never "at [[Ramoji Film City]] in Telugu", "at the studio in Dolby Vision")
                after = text[raw_end:] if raw.endswith(name) else ""
                if land := _LAND_NOUN_AFTER_RE.match(after):
                    # "in the Stockholm archipelago", "the Loire valley": the land the name's place gives its name to
                    name, after = f"{name} {land.group(1)}", after[land.end():]
                # A name a lower-case noun follows ("the Trinity test") is an adjective, not the item.
                ends_item = not re.match(r"\s+(?!(?:and|or|in|at|on|near|with|where|which|for|from|to)\b)[a-z]", after)
                # "at the Kino International cinema": a kind of place after the name names it a place.
                kind_after = _PLACE_NOUN_AFTER_RE.match(after) is not None
                part_of = _PART_OF_RE.match(after)
                if part_of:  # "in the Toronto suburb of Scarborough, Ontario": Scarborough, within Toronto
                    outer = _filming_place(name, "", links or {}, known=True)
                    inner = part_of["inner"].rstrip(".,;:")
                    if part_of["region"] and reference.is_first_level_region(part_of["region"]):
                        inner = f"{inner}, {part_of['region']}"  # "the Toronto suburb of Scarborough, Ontario"
                    place = Place(inner, within=outer)
                    places.append(place)
                    first = False
                    continue
                # "re-shoots began in Santa Monica", "filmed at Corral Creek": the verb's own place, whatever it is
                # called (never a language: "shot in Hindi").
                # "filmed around the Forum, at the Gare Saint-Lazare": a place listed right after one of filming.
                right_after = places and re.fullmatch(r",?\s*(?:and\s+)?", text[accepted_end:match.start()])
                direct = first and match["prep"] in ("in", "at", "near", "over", "around", "along", "beneath") and (
                    _FILMED_JUST_BEFORE_RE.search(text[:match.start()]) is not None or bool(right_after)) \
                    and reference.language(name) is None \
                    and not re.match(r"\s*\d", after) and not re.search(r"['’]s?$", name) \
                    and not any(word in _FORMAT_WORDS for word in fold(name).split()) \
                    and not re.search(r"(?i)(?:colou?r|chrome|scope|vision|flex|cam|cast)$", name) \
                    and reference.is_place_name(name) | (fold(name) in (links or {}) or len(name.split()) > 1)
                place = _filming_place(name, after, links or {}, known=inside or (listed and ends_item) or direct
                                       or (first and kind_after and match["prep"] in ("in", "at")
                                           and fold(name) in (links or {}))
                                       or (first and match["kind_of"] is not None
                                           and match["prep"] in ("in", "In", "at", "including")))  # "the island of Vis"
                listed = listed or (first and place is not None)
                first = False
                if place is None:
                    continue
                accepted_end = raw_end
                if inside:
                    places[-1].within = place  # "the Royal Theatre in Copenhagen"
                else:
                    if match["prep"].endswith("of"):
                        beside.add(len(places))
                    if match.start() > undated_from:
                        undated.add(len(places))
                    places.append(place)
    if not places and (_THE_FILM_GOES_ON_RE.match(rest)
                       or re.match(r"\W*(?:and|but)\s+(?:it|filming|shooting)\b", rest)):
        # "…, and it began in Prague": "it" is the shooting the plan's clause named.
        return find_filming(re.sub(r"^\W*(?:and|but)\s+it\b", "filming", rest), links)
    found = [FilmingLocation(p) if index in undated else FilmingLocation(p, start, end)
             for index, p in enumerate(places)]
    if later_clause:
        named = {location.place.name for location in found}
        found += [location for location in find_filming(later_clause, links) if location.place.name not in named]
    return found


# The countries whose towns are named after far countries ("Peru, Indiana", "Lebanon, Pennsylvania", "Jordan,
# Ontario", "Egypt, Western Australia"), each with its land neighbours: a neighbour beside one of their regions is a
# list of two places ("in Canada, Montana"), and so is any country beside another country's region.
_TOWNS_AFTER_COUNTRIES = {"US": frozenset({"CA", "MX"}), "CA": frozenset({"US"}), "AU": frozenset()}


def _town_named_after_country(country_code: str, region: str) -> bool:
    """Whether "Country, Region" names a town of that region: the region's country names towns after countries,
    and the named country is neither that country nor its neighbour."""
    return any(region_country in _TOWNS_AFTER_COUNTRIES and country_code != region_country
               and country_code not in _TOWNS_AFTER_COUNTRIES[region_country]
               for region_country in reference.region_countries(region))


def _linked_name_at(text: str, at: int, name: str, links: dict[str, str]) -> str | None:
    """The words of a link that start where ``name`` does and go on past it in lower case: "[[Gamla stan]]", "the
    [[Stockholm archipelago]]" (a name of capitalised words stops before "stan"); None when no link does."""
    after = text[at + len(name):at + len(name) + 40]
    if not re.match(r"\s+[a-z]", after):
        return None
    longest = None
    # "[[Porto do Son]]": the link's words may go on in capitals after the lower-case one.
    for words in re.finditer(r"\s+[\w'’-]+", after):
        candidate = name + after[:words.end()]
        if fold(candidate) in links:
            longest = candidate
    return longest


def _without_stop(name: str) -> str:
    """A name without the punctuation a sentence puts after it, but an abbreviation's own stop ("L.A.")."""
    name = name.rstrip(",;:")
    return name if _ABBREVIATION_END_RE.search(name) else name.rstrip(".,;:")


def _with_abbreviated_regions(names: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A list's names with a state abbreviated as newspapers write it joined to the town before it: "Washington,
    D.C." and "St. Louis, Mo." are one place each, never "Washington" and "D.C" (but "Montreal, L.A." is two cities).
    """
    joined: list[tuple[str, int]] = []
    for name, end in names:
        if joined and (_DC_RE.fullmatch(name) or name.rstrip(".") in _STATE_ABBREVIATIONS):
            joined[-1] = (f"{joined[-1][0]}, {name.rstrip('.')}.", end)
        else:
            joined.append((name, end))
    return joined


# The American states as newspapers abbreviate them after a town ("St. Louis, Mo.", "Pasadena, Calif.").
_STATE_ABBREVIATIONS = frozenset({"Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind",
                                  "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb",
                                  "Nev", "N.H", "N.J", "N.M", "N.Y", "N.C", "N.D", "Okla", "Ore", "Pa", "R.I", "S.C",
                                  "S.D", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "W.Va", "Wyo"})


def _linked_towns(names: list[tuple[str, int]], links: dict[str, str]) -> list[tuple[str, int]]:
    """A list's names (each with where it ends) with those a comma parts inside one linked name joined again:
    "[[Mexico, Missouri]]" is a town, whatever country its first word names; "Firehouse, Hook & Ladder Company 8"
    one place."""
    joined: list[tuple[str, int]] = []
    for name, end in names:
        if joined and fold(f"{joined[-1][0]}, {name}".removeprefix("the ")) in links:
            joined[-1] = (f"{joined[-1][0]}, {name}", end)
        else:
            joined.append((name, end))
    return joined


def _country_named_towns(names: list[tuple[str, int]], text: str) -> list[tuple[str, int]]:
    """A list's names with each "Country, Region" that is a town of that region joined ("Peru, Indiana")."""
    joined: list[tuple[str, int]] = []
    for name, end in names:
        previous = joined[-1][0] if joined else ""
        country = reference.country(previous) if previous and "," not in previous else None
        if country is not None and reference.is_first_level_region(name) \
                and _town_named_after_country(country.code or "", name) \
                and re.search(rf"{re.escape(previous)}\s*,\s*$", text[:text.rfind(name, 0, end)]):
            joined[-1] = (f"{previous}, {name}", end)
        else:
            joined.append((name, end))
    return joined


def _towns_with_their_regions(names: list[tuple[str, int]], text: str) -> list[tuple[str, int]]:
    """A list's names with each "Town, Region" as one ("Regina, Saskatchewan", "Atlanta, Georgia"): a state or a
    province after a town and a comma is where the town is, not another place of filming (nor a country).

    >>> _towns_with_their_regions([("Regina", 9), ("Saskatchewan", 23), ("Canada", 31)],
    ...                           "in Regina, Saskatchewan, Canada")
    [('Regina, Saskatchewan', 23), ('Canada', 31)]
    >>> len(_towns_with_their_regions([("Mumbai", 9), ("Goa", 14), ("Kerala", 22)], "in Mumbai, Goa, Kerala"))
    3
    """
    # A town named after a far country is one wherever it stands in the list ("Peru, Indiana and Lebanon,
    # Pennsylvania"): the country's name before its region says so.
    names = _country_named_towns(names, text)
    # Any other town: only a list's first two names, and only when no other place follows the region but a
    # country: "in Mumbai, Goa, Kerala and Switzerland" and "New York, Boston, Washington" are lists of places.
    if len(names) < 2 or any(reference.country(name) is None for name, _ in names[2:]):
        return names
    (town, _), (region, end) = names[0], names[1]
    country = reference.country(town)
    # "Peru, Indiana" is a town in the United States; "India, Kerala" a country and one of its states, and
    # "Canada, Montana" or "Nepal, Sikkim" two neighbouring places.
    if reference.is_first_level_region(region) and not reference.is_first_level_region(town) \
            and "," not in town \
            and (country is None or _town_named_after_country(country.code or "", region)) \
            and re.search(rf"{re.escape(town)}\s*,\s*(?:the\s+)?$", text[:text.rfind(region, 0, end)]):
        return [(f"{town}, {region}", end), *names[2:]]
    return names


# "Locations included Oxford, the Mojave Desert and …", "Other locations include …": a list of places.
_LOCATIONS_LIST_RE = re.compile(r"(?<!potential )(?<!possible )(?<!proposed )(?<!scouted )(?<!considered )"
                                r"(?<!prospective )\b(?:(?:filming|shooting|other|exterior|interior|additional)\s+)?"
                                r"locations\s+(?:(?:in|around|in\s+and\s+around)\s+(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
                                r"\s+)?(?:used\s+)?(?:also\s+)?(?:include[ds]?|were|are)\s+", re.IGNORECASE)
# "Greystone Mansion in Beverly Hills was used for the scene …", "Castle Stalker doubled as …": a place that
# opens the sentence and what it stood in for; never a venue of the premiere or someone's offices.
_STOOD_IN_RE = re.compile(rf"^(?:The\s+)?(?P<name>{_PHRASE_RE.pattern})(?:\s+(?:in|at|near)\s+(?:the\s+)?"
                          rf"(?P<within>{_PHRASE_RE.pattern}))?,?\s+(?:again\s+|also\s+|later\s+)?"
                          r"(?:served\s+as|doubled\s+(?:as|for)|stood\s+in\s+for|(?:was|were)\s+used\s+(?:as|for|to)|"
                          r"(?:was|were)\s+the\s+location\s+(?:of|for))\b(?P<what>[^.;]*)")
_NOT_SHOT_THERE_RE = re.compile(r"\b(?:premiere|screening|festival|headquarters|offices?|base|inspiration|model|"
                                r"basis|record\w*|score|sound|mix\w*|dubbing|editing|post-production|wrap|party|"
                                r"press|venue|visual effects|effects|novel|book|poster|promot\w*|publicity|marketing|"
                                r"rehearsals?|auditions?|storage|accommodation|housing)\b", re.IGNORECASE)
# An item of a list of locations told by what it is and where: "square below the …", "grocery at 56 …" (never "with
# soundstage work done in …", "the bookshop in ''Before Sunset''", "a mural by [[Banksy]]").
_DESCRIBED_ITEM_RE = re.compile(r"(?!(?:with|while|as|and|but|including|plus)\b)[a-z]+(?:\s+[a-z]+)?\s+"
                                r"(?:below|at|on|near|beside|outside|behind|above|under|along|opposite)\s")
# Where the items of a list part: a comma, "and", "plus".
_ITEM_BREAK_RE = re.compile(r"\s*,\s*(?:and\s+|plus\s+|as well as\s+)?|\s+(?:and|plus|as well as)\s+")


def _linked_items(items: list[str], links: dict[str, str]) -> list[str]:
    """A list's items with those a comma parts inside one linked name joined again (see :func:`_linked_towns`)."""
    return [item for item, _ in _linked_towns([(item, 0) for item in items], links)]


def find_named_locations(sentence: str, links: dict[str, str] | None = None) -> list[FilmingLocation]:
    """Places a section on the making names without a verb of filming: a list of the film's locations, or a
    place the sentence opens with that served as a setting of the story.

    >>> [m.place.name for m in find_named_locations("Locations included Oxford, the Mojave Desert and Doune Castle "
    ...                                              "doubling for the manor, plus Acton Lane Power Station.")]
    ['Oxford', 'Mojave Desert', 'Doune Castle', 'Acton Lane Power Station']
    >>> [(m.place.name, m.place.within.name) for m in find_named_locations(
    ...     "Greystone Mansion in Beverly Hills was used for the scene in which the heroes arrive.")]
    [('Greystone Mansion', 'Beverly Hills')]
    >>> find_named_locations("Ann Berg served as the film's producer.")
    []
    """
    links = links or {}
    lowered = _lowered(sentence)
    places: list[Place] = []
    if "location" in lowered:
        for match in _LOCATIONS_LIST_RE.finditer(sentence):
            # ("Schloss Leopoldskron (used for the lake terrace), Schloss Frohnburg …": the list goes on past an aside.)
            rest = re.split(r"[.;:(]", _BRACKETS_RE.sub("", sentence[match.end():]), maxsplit=1)[0]
            # An aside (", where Jeunet had lived after leaving Lyon and Nantes,") is left out whole, up to its comma.
            chunks = [chunk for chunk in _COMMA_ITEM_RE.split(rest) if not _ASIDE_START_RE.match(chunk)]
            for item in _linked_items([item for chunk in chunks for item in _ITEM_BREAK_RE.split(chunk)], links):
                item = item.removeprefix("the ").removeprefix("The ")
                name = item if fold(item) in links else (_PHRASE_RE.match(item) or [None])[0]
                if name is None:
                    # "the square below the [[Sacré-Cœur]]", "the grocery at 56 [[Rue des Trois-Frères]]": an item
                    # told in words around the linked place; "…, where Amélie skips stones, …" an aside in the list.
                    name = next((phrase[0] for phrase in _PHRASE_RE.finditer(item) if fold(phrase[0]) in links),
                                None) if _DESCRIBED_ITEM_RE.match(item) else None
                    if name is not None:
                        item = item[item.index(name):]
                    elif _ASIDE_START_RE.match(item):
                        continue
                    else:
                        break  # "…, with soundstage work done in …": the list has ended
                name = name.rstrip(".,:")
                # A name the article links is a place unless it names a person (a word, or a page of a kind of place,
                # "[[Leopoldskron Palace|Schloss Leopoldskron]]", names none); one it does not must look like a place
                # ("Schloss Frohnburg", "Piazza Navona": its first word a kind of place).
                linked = fold(name) in links and (not is_person_name(name) or " " not in name or fold(
                    links[fold(name)]).rsplit(" ", 1)[-1] in _SITE_KINDS) or fold(name.split()[0]) in _PLACE_FIRST_WORDS
                place = _filming_place(name, item[len(name):], links, known=linked)
                if place is not None:
                    places.append(place)
    if any(verb in lowered for verb in ("served as", "doubled", "stood in", "used", "the location")):
        match = _STOOD_IN_RE.match(sentence.strip())
        if match and not _NOT_SHOT_THERE_RE.search(match["what"]):
            place = _filming_place(match["name"], sentence.strip()[match.end("name"):], links)
            if place is not None:
                within = _filming_place(match["within"], "", links, known=True) if match["within"] else None
                if within is not None and place.within is None:
                    place.within = within
                places.append(place)
    return [FilmingLocation(place) for place in places]


_FILMED_JUST_BEFORE_RE = re.compile(r"\b(?:shot|filmed|re-?shot|re-?shoots?\s+(?:began|started|took\s+place)|"
                                    r"(?:filming|shooting|photography)\s+(?:began|started|commenced|took\s+place|"
                                    r"continued|resumed|moved))\s+(?:on\s+location\s+)?"
                                    # "filmed at night around …", "shot mostly in …"
                                    r"(?:(?:at|by)\s+(?:night|day|dawn|dusk)\s+|\w+ly\s+)?$", re.IGNORECASE)
# Words of cameras, stocks, sound and picture formats a film is "shot in" ("Dolby Vision", "Glorious Technicolor").
_FORMAT_WORDS = frozenset({"technicolor", "panavision", "dolby", "imax", "cinemascope", "eastmancolor", "vistavision",
                           "metrocolor", "cinerama", "techniscope", "super", "ultra", "deluxe", "color", "colour",
                           "arri", "alexa", "sony", "canon", "kodak", "fuji", "fujifilm", "digital", "hd", "4k", "8k",
                           "3d", "black-and-white", "monochrome", "widescreen", "anamorphic", "glorious", "red", "vhs",
                           "dv", "mini", "hi-8", "gopro", "sepia", "sync", "academy", "secret", "sequence", "black",
                           "white", "night", "dawn", "dusk", "magic", "christmas", "ramadan", "diwali", "easter",
                           "summer", "winter", "spring", "autumn", "fall", "weekend", "eve", "daylight"})


# "the Toronto suburb of Scarborough", "the Paris district of Belleville": a place inside the one named first.
_PART_OF_RE = re.compile(rf"\s+(?:suburb|district|neighbou?rhood|borough|quarter|town|village|area)\s+of\s+"
                         rf"(?P<inner>{_CAP}(?:\s+{_CAP})*)(?:,\s+(?P<region>{_CAP}(?:\s+{_CAP})*))?")


# Words that open a place's name in its language: "Schloss Frohnburg", "Piazza Navona", "Rue Lepic", "Lake Tahoe".
_PLACE_FIRST_WORDS = frozenset({"schloss", "burg", "château", "chateau", "castello", "palazzo", "palais", "piazza",
                                "plaza", "place", "rue", "via", "calle", "avenida", "avenue", "lake", "lago", "mount",
                                "monte", "fort", "castle", "port", "porto", "isla", "isola", "île", "ile", "val",
                                "hotel", "café", "cafe", "restaurant", "theatre", "theater", "cinema", "gare", "st",
                                "saint", "sainte", "san", "santa", "canal", "pont", "parc", "jardin", "quai",
                                "boulevard", "bois", "puerta", "puerto", "praça", "largo", "ponte", "giardino"})
# Kinds of place that are a site, never a town ("Sun Valley" and "St Pete Beach" are towns).
_SITE_KINDS = frozenset({"base", "studio", "studios", "castle", "house", "station", "hotel", "airport", "palace",
                         "hall", "manor", "mansion", "villa", "ranch", "farm", "school", "college", "university",
                         "hospital", "prison", "museum", "stadium", "building", "church", "cathedral", "abbey",
                         "temple", "mosque", "fort", "fortress", "tower", "bridge", "dam", "pier", "theatre",
                         "theater", "lot", "backlot", "stages"})


def _filming_place(name: str, after: str, links: dict[str, str], *, known: bool = False) -> Place | None:
    """The place a capitalised phrase after "in"/"at" names, or None when it names none; ``known`` when the
    sentence already says it is a place."""
    name = name.strip()
    if not name or _is_month_or_date(name) or re.fullmatch(r"\d{4}", name) or fold(name) in _FILM_FORMATS:
        return None
    if re.search(r"['’]s?$", name):
        return None  # "in Ann Berg's house": someone's, not a place's name
    if re.search(r"\b(?:festival|fest|filmfest|berlinale|biennale|awards?)\b", name, re.IGNORECASE):
        return None  # "the 1982 Metro Manila Film Festival": a festival, not where the film was shot
    town, comma, region = name.rpartition(", ")
    if comma and town[:1].isupper() and reference.is_first_level_region(region):
        # "Regina, Saskatchewan" is a town's name as written; "Lowry Air Force Base, Colorado" a site in a state.
        site = town.rsplit(" ", 1)[-1].casefold() in _SITE_KINDS
        return Place(town if site else name, within=Place(region))
    inner, of, outer = name.rpartition(" of ")
    if of and fold(outer) in links and fold(name) not in links and \
            (fold(inner) in links or (fold(inner.split()[0]) in _PLACE_FIRST_WORDS and len(inner.split()) > 1)):
        # "[[Nansha District]] of [[Guangzhou]]", "the Piazza Umberto I of [[Palazzo Adriano]]": one place within
        # another, each named apart (never the "Palace of Westminster" or "the Port of [[Tilbury]]" a name is).
        return Place(inner, within=_filming_place(outer, "", links, known=True))
    owner, _, rest = name.partition("'s ")
    if rest and _filming_place(owner, "", links) and _filming_place(rest, after, links):
        return Place(rest, within=_filming_place(owner, "", links))  # "Mumbai's Film City"
    country = reference.country(name.removeprefix("the ").removeprefix("The "))
    target = links.get(fold(name))
    if country and target and "(" in target and reference.country(target) != country:
        return Place(name)  # "[[Georgia (U.S. state)|Georgia]]": the page linked is not the country's
    if country and not target and "US" in reference.region_countries(name):
        return Place(name)  # an unlinked "Georgia" is the state as often as the country: no item for either
    if country:
        return Place(country.name, country.qid)
    if reference.is_place_name(name) or (known and not reference.country_of_demonym(name)):
        return Place(name)
    if reference.country_of_demonym(name):
        return None  # "the Philippine province of …", "the Argentine coast": an adjective, not a place's name
    kind = _KIND_AFTER_RE.match(after)
    if kind and kind["kind"] in reference.PLACE_KINDS:
        return Place(name)  # "the Hardangerjøkulen glacier", "the Tunnel night club"
    region = _REGION_AFTER_RE.match(after)
    if region and reference.is_place_name(region["region"].rstrip(".,;:")):
        return Place(name)  # "Big Spring, Texas": a place named as places are
    # A page named as places are ("Wadesboro, North Carolina") is a place.
    if target and "," in target and reference.is_place_name(target.rsplit(",", 1)[1]):
        return Place(name)
    return None


# Companies that publish works other than the film (_OTHER_WORK_RE), which a sentence may say they released.
_PUBLISHER_RE = re.compile(r"\b(?:Records|Books|Comics|Publishing|Publishers|Publications|Press|Music|Games|Toys)\.?$")


_THIS_VERSION_RE = re.compile(r"(?i)\b(?:this|that)\s+(?:edition|version|cut)\b")


def find_distribution(sentence: str) -> tuple[list[tuple[str, str | None]], list[str]]:
    """(distributor, area) pairs and international sales agents.

    >>> find_distribution("It was also announced that Nordisk Film would distribute the film in Baltic countries.")
    ([('Nordisk Film', 'Baltic countries')], [])
    """
    distributors: list[tuple[str, str | None]] = []
    sales: list[str] = []
    if not _mentions(sentence, ("distribut", "released", "acquired", "picked up", "bought", "secured", "handl")):
        return distributors, sales  # none of the verbs the patterns below need: spare the scan
    if _THIS_VERSION_RE.search(sentence):
        return distributors, sales  # "This version was also released in Australia by Madman": a video's label
    area_re = r"(?:\s+(?:in|across|throughout)\s+(?:the\s+)?(?P<area>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*(?:\s+countries)?))?"
    # "Olive films": a company's name as written may end in a lower-case word of its trade.
    # "RCA/Columbia Pictures Home Video": a slash joins one company's name.
    org = rf"(?P<org>{_CAP}(?:(?:\s+|/){_CAP})*(?:\s+(?:films|pictures|studios|entertainment|media|releasing))?)"
    for match in re.finditer(rf"{org}\s+(?:would|will|was to|to)?\s*(?:distribute|distributes|distributed)\s+"
                             rf"(?:the\s+)?(?:film|movie|it){area_re}", sentence):
        distributors.append((match["org"], match["area"]))
    # Between "released" and "by" stand where and when ("released theatrically in Denmark on 12 May by …"),
    # never another verb: "released in 2008 is directed by Ann Berg" names its director.
    for match in re.finditer(rf"\b(?:distributed|released)\s+(?:(?:(?!\b(?:is|was|were|are|been|directed|written|"
                             rf"produced|edited|starring|stars)\b)[\w ,])+?\s+)?by\s+{org}{area_re}", sentence):
        distributors.append((match["org"], match["area"]))
    # "X acquired the film's US distribution rights", "X picked up home video distribution for the film".
    for match in re.finditer(rf"{org}\s+(?:acquired|picked up|bought|secured)\s+(?:the\s+)?(?:film's\s+)?"
                             r"(?P<what>(?:[\w-]+\s+){0,2}(?:distribution rights|distribution|rights|sales))\b",
                             sentence):
        area = re.match(r"([\w-]+)\s", match["what"])
        if re.search(r"(?i)\b(?:streaming|television|tv|broadcast|remake|sequel|music)\b", match["what"]):
            continue  # "Netflix acquired the streaming rights": a platform's, no distributor of the film to cinemas
        if "sales" in match["what"]:
            sales.append(match["org"])
        else:
            region = area.group(1) if area and reference.is_region_name(area.group(1)) else None
            distributors.append((match["org"], region))
    for match in re.finditer(rf"{org}\s+(?:handles?|handled|will handle|is handling)\s+(?:the\s+)?(?:film's\s+)?"
                             r"(?:international|world(?:wide)?)\s+sales", sentence):
        sales.append(match["org"])
    if _OTHER_WORK_RE.search(re.sub(r"(?i)\b(?:based on|adapted from|adaptation of)\b[^,;]*", "", sentence)):
        return [], []  # the company that publishes a novel, a comic or an album is not the film's distributor
    clean = [(o.rstrip(".,;:"), a) for o, a in distributors
             if o.casefold() not in _PRONOUN_SUBJECTS and not o.startswith("It") and not _PUBLISHER_RE.search(o)]
    return clean, [s.rstrip(".,;:") for s in sales if not s.startswith("It")]


_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
          "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7, "cr": 1e7}


MAX_DIGITS = 20  # digits of an amount as written ("1,000,000,000,000")
MAX_AMOUNT = 1e15  # no film has cost or earned more


# Currency names that are also words a sentence uses before a number: "won 3 awards" is no sum in won.
_NOT_BEFORE_A_NUMBER = frozenset({"won"})


def _amount_match(text: str) -> re.Match[str] | None:
    if _DIGIT_RE.search(text) is None:
        return None  # a sum holds a number: without a digit the pattern, tried at every character, finds none
    return _amount_re().search(text)


_DIGIT_RE = re.compile(r"\d")  # as the sum's pattern reads a digit


def _starting(words: list[str] | tuple[str, ...]) -> str:
    """A look-ahead for the first two characters of these words (their first letters are common ones: most places
    that have one fail at the second), or the one of a word of one character."""
    def characters(at: int, of: Sequence[str]) -> str:
        return "[" + "".join(sorted({re.escape(word[at]) for word in of})) + "]"

    longer, single = [w for w in words if len(w) > 1], [w for w in words if len(w) == 1]
    pairs = characters(0, longer) + characters(1, longer)
    return f"(?={characters(0, single)}|{pairs})" if single else f"(?={pairs})"


@cache
def _amount_re() -> re.Pattern[str]:
    """A sum as a sentence writes it, built once from the currency table."""
    # A symbol that is a word stands apart from the word before it: "Vol. 2" holds no sum in lire ("L.").
    words = [s for s in reference.currency_words()
             if (not s.isalpha() or s.isupper() or len(s) <= 3) and s not in _NOT_BEFORE_A_NUMBER]
    # Nor does a symbol stand right after letters: "ARS$178 million" is in pesos, or (a prefix not in the table,
    # "XYZ$5 million") in no currency known, never in US dollars.
    symbols = "|".join(r"(?<![A-Za-z])" + re.escape(s) for s in words)
    bounds = ("more than", "over", "at least", "nearly", "almost", "about", "around", "approximately", "roughly",
              "an estimated", "estimated", "under", "less than", "up to")
    scale = r"thousand|million|billion|bn|mn|m|k|lakhs?|crores?|cr"
    # A currency's name after the number: "4.4 million Australian dollars", "19.3 billion won".
    names = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in reference.currency_words()
                     if re.fullmatch(r"[a-z ]{4,}", w))
    # The pattern is tried at every character of a sentence: a look-ahead at the first characters of the bound
    # words and of the symbols skips their many alternatives where none of them can start.
    return re.compile(
        rf"(?P<bound>{_starting(bounds)}(?:{'|'.join(bounds)}))?\s*(?P<pre>{_starting(words)}(?:{symbols}))?\s*"
        rf"(?P<num>\d[\d,]*(?:\.\d+)?)\s*"
        rf"(?:(?P<scale1>{scale})\b\s*)?(?:(?:[–—-]|to)\s*(?P=pre)?\s*(?P<num2>\d[\d,]*(?:\.\d+)?)\s*)?"
        rf"(?P<scale>{scale})?\b\s*(?P<post>(?:{names})\b|[A-Za-z]{{3}}\b)?",
        re.IGNORECASE)


def _scaled(number: str, scale: str | None) -> float:
    # In decimal: "$261.4 million" is 261400000, not 261399999.99999997.
    amount = Decimal(number.replace(",", ""))
    return float(amount * Decimal(str(_SCALE[scale.lower()])) if scale else amount)


def parse_amount(text: str) -> tuple[float, str | None, str] | None:
    """(amount, ISO currency, bound word) of a money or count phrase.

    >>> parse_amount("about $3.5 million"), parse_amount("€800,000"), parse_amount("more than 87,000")
    ((3500000.0, 'USD', 'about'), (800000.0, 'EUR', ''), (87000.0, None, 'more than'))
    >>> parse_amount("DKK 12 million")
    (12000000.0, 'DKK', '')
    """
    money = _amount_match(text)
    if not money or len(money["num"]) > MAX_DIGITS:
        return None  # a number too long for any budget is no amount
    amount = _scaled(money["num"], money["scale1"] or money["scale"])
    if not math.isfinite(amount) or amount > MAX_AMOUNT:
        return None
    currency = None
    for candidate in (money["pre"], money["post"]):
        if candidate:
            entry = reference.currency(candidate)
            if entry:
                currency = entry.code
                break
    return amount, currency, (money["bound"] or "").lower()


def quantity_of(text: str, *, unit_by_currency: bool) -> Quantity | None:
    parsed = parse_amount(text)
    if not parsed:
        return None
    amount, currency, bound = parsed
    if unit_by_currency and not currency:
        return None
    entry = reference.currency(currency) if currency else None
    lower = amount if bound in {"more than", "over", "at least"} else None
    upper = amount if bound in {"under", "less than", "up to", "nearly", "almost"} else None
    money = _amount_match(text)
    if money and money["num2"] and len(money["num2"]) <= MAX_DIGITS:
        # "$10–12 million" is a range: its middle, with both ends as bounds.
        scale = money["scale"] or money["scale1"]
        low, high = _scaled(money["num"], money["scale1"] or scale), _scaled(money["num2"], scale)
        if low < high:
            amount, lower, upper = (low + high) / 2, low, high
    return Quantity(amount, unit=(entry.qid or None) if entry else None, currency=currency, lower_bound=lower,
                    upper_bound=upper)


# field → the phrase that states it, and whether it is money (needs a currency) or a count.
_AMOUNT_PATTERNS = [
    # The budget as it ended: "escalated from $30 million to $48 million" is $48 million.
    ("budget", re.compile(r"(?<!marketing )(?<!advertising )(?<!promotional )(?<!publicity )(?<!annual )"
                          r"(?<!studio's )(?<!studio’s )(?<!music )"
                          r"\bbudget (?:of|was|is|was set at|ended up (?:being|at)|came to|amounted to|stood at|"
                          r"totall?ed|(?:rose|grew|escalated|increased|ballooned|swelled)(?: from [^,;]{1,40}?)? to)"
                          r"\s+(?P<v>(?:[^,;.]|[.,](?=\d))+)", re.IGNORECASE),  # "$1,075,000" keeps its commas
     True),
    # "a $40 million budget", "its $40 million production budget" (never a marketing budget)
    ("budget", re.compile(r"(?P<v>(?<![\w.])(?:[^\s\w]{1,2}|[A-Z]{1,3}[^\s\w]?\s?|Rs\.?\s?)\d[\d,]*(?:\.\d+)?"
                          r"(?:\s*(?:thousand|million|billion|crores?|lakhs?|cr|bn|m)\b)?)\s+(?:(?:production|"
                          r"estimated|reported|total|initial|final|modest|small|low|shooting|overall)\s+)?budget\b"),
     True),
    # "it was seen by 28.3 million people in its first year": its audience in cinemas.
    ("admissions", re.compile(r"\b(?:was|were|been)\s+seen\s+by\s+(?P<v>(?:(?:more than|over|at least|nearly|almost|"
                              r"about|around|approximately|some)\s+)?(?<![\w.])\d[\d,.]*\s*(?:million|thousand)?)\s+"
                              r"(?P<noun>people|viewers|spectators|cinema-?goers)", re.IGNORECASE), False),
    ("admissions", re.compile(r"(?P<v>(?:(?:more than|over|at least|nearly|almost|about|around|approximately)\s+)?"
                              r"(?<![\w.])\d[\d,.]*\s*(?:million|thousand)?)\s+(?P<noun>admissions|tickets|"
                              r"cinema-?goers|viewers|spectators)", re.IGNORECASE), False),
]
MIN_ADMISSIONS = 1000  # fewer is no cinema audience, but a digit of a name ("a poll of Channel 4 viewers")
# An audience at home: "its premiere on BBC Two was watched by 4 million viewers".
_AT_HOME_RE = re.compile(r"(?i)\b(?:television|TV|channels?|broadcast\w*|telecast\w*|aired|airing|ratings?|"
                         r"episodes?|streaming|stream(?:ed|s)?|viewership|households?)\b")
# Where viewers were counted as tickets sold: in cinemas.
_IN_CINEMAS_RE = re.compile(r"(?i)\b(?:cinemas?|theat(?:er|re)s?|box office|admissions|tickets|theatrical\w*)\b")


def _counts_tickets(sentence: str, match: re.Match[str], quantity: Quantity) -> bool:
    """Whether a count is of cinema admissions: a real count (not a name's digit), and "viewers" or "spectators"
    only where the sentence speaks of cinemas and not of television."""
    if quantity.amount < MIN_ADMISSIONS:
        return False
    if match["noun"].lower() in ("viewers", "spectators"):
        return _IN_CINEMAS_RE.search(sentence) is not None and _AT_HOME_RE.search(sentence) is None
    return True


def _another_films_budget(sentence: str, match: re.Match[str]) -> bool:
    """Whether a budget is another film's or several films': "Berg's previous film had been made on a $2 million
    budget", "its predecessor's $40 million budget", "a $100 million budget for three films"."""
    before = sentence[:match.start("v")]
    owner = re.search(r"(\w+)['’]s\s+$", before)
    return bool(owner and owner.group(1).lower() not in {"film", "movie", "picture", "production"}) \
        or re.search(_ANOTHER_FILM_WORDS, before, re.IGNORECASE) is not None \
        or _SEVERAL_FILMS_RE.match(sentence, match.end()) is not None


_SEVERAL_FILMS_RE = re.compile(r"\s+for\s+(?:two|three|four|five|several|\d+)\s+(?:films|movies|pictures)")


# The words without which a pattern of _AMOUNT_PATTERNS cannot match (lower case).
_AMOUNT_WORDS = {"budget": ("budget",),
                 "admissions": ("admissions", "tickets", "cinema", "viewers", "spectators", "seen by")}


def find_money(sentence: str) -> dict[str, Quantity]:
    """Budget and admissions stated in a sentence (box office sums: :func:`find_box_office`).

    >>> q = find_money("It garnered more than 87,000 admissions during its run.")["admissions"]
    >>> q.amount, q.lower_bound
    (87000.0, 87000.0)
    """
    found: dict[str, Quantity] = {}
    for fact, pattern, is_money in _AMOUNT_PATTERNS:
        if not _mentions(sentence, _AMOUNT_WORDS[fact]):
            continue  # the phrase's own words are missing: no need to run its pattern along the sentence
        for match in pattern.finditer(sentence):
            quantity = quantity_of(match["v"], unit_by_currency=is_money)
            if fact == "budget" and _another_films_budget(sentence, match):
                continue
            if quantity and fact == "admissions":
                if not _counts_tickets(sentence, match, quantity) or re.search(
                        _ANOTHER_FILM_WORDS, sentence[:match.start("v")], re.IGNORECASE):
                    continue  # (not "The original French film had more than 7 million admissions": another's)
                if _RUNNING_COUNT_RE.search(re.split(r"[,;]", sentence[:match.start("v")])[-1]):
                    continue  # "After four weeks it had passed 2 million admissions": a count on the way
                _limit_count(quantity, sentence, match)
                if quantity.scope and not _WHOLE_FIRST_RUN_RE.search(quantity.scope):
                    continue  # a window of the run ("its opening weekend") or "overseas": not the film's count (but
                    # "during its first release", "in its first year": the count of its run, with that scope)
            if quantity:
                found.setdefault(fact, quantity)  # a field's first pattern, and its first sum, are the surer
                break
    return found


_WHOLE_FIRST_RUN_RE = re.compile(r"(?i)\b(?:first|original|initial)\s+(?:release|run|year)\b")
# A count reached on the way, never the run's: "After four weeks it had passed …", "within ten days it crossed …".
_RUNNING_COUNT_RE = re.compile(r"(?i)\b(?:after|within)\s+(?:its\s+)?(?:first\s+)?(?:\w+\s+)?(?:days?|weeks?|"
                               r"months?)\b|\b(?:had\s+)?(?:passed|crossed|surpassed|topped)\s+(?:the\s+)?"
                               r"(?:mark\s+of\s+)?$")


def _limit_count(quantity: Quantity, sentence: str, match: re.Match[str]) -> None:
    """Say what part of the audience a count is, as :func:`_limit` says it of a sum: its country ("In Germany, the
    film sold 4,825,937 admissions") or the window of the run it was counted in."""
    clauses = re.split(r"[;:—–]|,(?!\d)", _BRACKETS_RE.sub("", sentence[:match.start()]))
    own_before = ", ".join(dict.fromkeys([clauses[0], clauses[-1]]))
    own_after = _OWN_WORDS_RE.match(_BRACKETS_RE.sub("", sentence[match.end():])).group(0)
    _limit(quantity, own_before, own_after, clauses[::-1], None)
    if quantity.area is None and quantity.scope is None:
        # "In Paris, 1.2 million admissions": a city's count, not the film's (and no country's).
        quantity.scope = next((m["place"] for text in (own_after, *clauses[::-1])
                               for m in _MARKET_PLACE_RE.finditer(text)
                               if m["place"] and reference.is_place_name(m["place"])
                               and not _MADE_IN_BEFORE_RE.search(text[:m.start("place")])), None)


# Verbs and nouns that say a sum is what the film took at the box office ("highest-grossing" compares films).
# A running total, a weekend's debut or drop, and the sums of a list that goes on ("an additional", "another") say
# the same once a sentence speaks of takings ("totaling $411 million", "debuted to $35 million", "fell 57% to …").
_GROSS_RE = re.compile(r"(?<![-\w])(?:gross(?:ed|ing|es)?|earn(?:ed|ing|ings|s)?|made|making|took in|taking in|reached|"
                       r"reaching|brought in|bringing in|box[- ]office|total(?:l?ing|l?ed)?|debut(?:ed|ing|s)?|"
                       r"(?:fell|dropped|declined|slipped)\b[^,;$]{0,25}?\bto|came in with|an additional|a further|"
                       r"another|open(?:ed|ing)\s+(?:to|with)|collect(?:ed|ing|ions?)|(?:weekend|week|day)\s+(?:gross\s+)?of|"
                       r"opening\s+(?:gross\s+|take\s+)?of|(?:finished|ended|closed)\s+(?:its\s+\w+\s+run\s+|its\s+run\s+)?with)\b",
                       re.IGNORECASE)
# Words that make a sum something else: what the film cost, paid or kept, a rental, a sum adjusted for inflation,
# a record or a condition ("the fastest film to earn $100 million", "if the film grossed over …"), an average,
# a forecast ("tracking had the film debuting to …"), another film's sum ("… after Toy Story 3's $41.1 million").
_NOT_GROSS_RE = re.compile(r"\b(?:budget|cost(?:s|ing)?|spent|spend|spending|paid|pay|salar(?:y|ies)|fees?|advertis\w*|"
                           r"ads|marketing|profits?|loss|deducted|rentals?|share|percentage|inflation|adjusted|"
                           r"equivalent|offer(?:ed)?|raised|fund\w*|loan|worth|prize|award|price|if|would|could|"
                           r"expected|projected|predicted|fastest|first\s+(?:[\w-]+\s+){0,3}?(?:film|movie|picture|release)|"
                           r"(?<!went on )(?<!goes on )(?<!go on )to (?:earn|gross|reach)|per|average|"
                           r"record|compared|than|movies|films|top\s+\d+|after|behind|ahead|surpass\w*|beat\w*|"
                           r"tracking|forecast\w*|anticipat\w*|"
                           # "the smallest drop for a film opening to over $100 million": a record's threshold
                           r"for\s+(?:a|any|an)\s+(?:[\w-]+\s+)?(?:film|movie|picture|release)\s+(?:opening|grossing|"
                           r"earning|debuting|making|taking))\b", re.IGNORECASE)
# What a sum is, said after it: "$7.25 million in rentals", "$64 million from home video sales", "$12,229 per
# theater", "$67 million short of …".
_NOT_GROSS_AFTER_RE = re.compile(r"\b(?:budget|rentals?|profits?|costs?|video|dvds?|blu-ray|vhs|merchandis\w*|sales|"
                                 r"units|streaming|television|rights|licen[cs]\w*|per|short|less|more|behind|revenues?|"
                                 r"pre-release|"
                                 r"across all|average)\b", re.IGNORECASE)
# The verbs of a running total, a debut, a drop and a list that goes on: see find_box_office.
_WEAK_GROSS_RE = re.compile(r"(?i)total|debut|fell|dropped|declined|slipped|came in|an additional|a further|another|"
                            r"opened|opening|"
                            r"weekend|week|day")
# Words that name another film: "its predecessor", "Ann Berg's next film", "the remake".
# (Never "the original release", "the original Tamil version": the film's own.)
_ANOTHER_FILM_WORDS = (r"\b(?:predecessor|successor|sequel|prequel|remake|original(?:\s+film)?(?!\s+(?:[\w-]+\s+)?"
                       r"(?:release|version|run|cut|print))|(?:next|previous|last|earlier|later|first|other|original)\s+"
                       r"(?:film|movie|picture|installment|instalment|one|collaboration|project|feature)|rival|"
                       r"competitor|spin-?off)\b")
# A subject that is another film: "Its predecessor went on to gross …", "Ann Berg's next film earned …".
_ANOTHER_FILM_SUBJECT_RE = re.compile(f"(?i){_ANOTHER_FILM_WORDS}")
# Words that make a clause's sum another film's: "which debuted to …", "the series total", "the original film's".
_OTHER_FILM_RE = re.compile(rf"(?i)\b(?:which|whose|series|franchise)\b|{_ANOTHER_FILM_WORDS}")


def another_subject(text: str, title: str) -> bool:
    """Whether the words just before a verb name someone or something else as its subject: "Its rival, Heat,
    debuted", "Ann Berg's next film debuted", "Frozen's biggest markets were"."""
    every = re.findall(r"[\w'’.:!-]+", text)
    words = every[-3:]
    # "the United Kingdom ($86 million), Japan …": a country's name of two words ends the text, and no subject.
    in_countries: set[int] = set()
    for index in range(max(0, len(every) - 4), len(every) - 1):
        if reference.country(f"{every[index]} {every[index + 1]}") is not None:
            in_countries.update((index, index + 1))
    first = len(every) - len(words)
    own = set(re.findall(r"[\w'’.:!-]+", title))
    return any(word[:1].isupper() and word not in own and word.rstrip("'’s") not in own
               and word not in {"It", "Its", "The", "This", "In", "On", "At", "During", "Worldwide", "Overseas",
                                "North", "America", "American", "US", "U.S.", "UK", "No.1", "No."}
               and word not in _TIME_WORDS and reference.country(word) is None and first + number not in in_countries
               for number, word in enumerate(words))


# Capitalised words that name a time, never a subject: "during the holiday Monday to a total of …".
_TIME_WORDS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Memorial",
                         "Labor", "Labour", "Day", "Christmas", "Thanksgiving", "Easter", "Diwali", "Eid", "Holi",
                         "Pongal", "Independence", *reference.MONTH_NAMES[1:]})


def _speaks_of_the_film(text: str, title: str) -> bool:
    """Whether a sentence's words up to a verb name the film: "It", "Its", "the film", or its title."""
    # "This figure increased a further $1.5 million": the film's takings told just before.
    # "The largest markets were the UK ($86 million), …": the markets of the film's takings told just before.
    return bool(re.search(r"(?i)\b(?:it|its|the (?:film|movie|picture)|this (?:figure|sum|total|amount|gross)|"
                          r"^\s*the\s+(?:largest|biggest|top|leading)\s+(?:\w+\s+)?markets)\b", text)) \
        or bool(title and title in text)


# "…, which grossed": a relative clause says what the words before its comma took.
_RELATIVE_RE = re.compile(r"(?i)^\s*(?:which|that|whose|who)\b")
# "The film", "This film", "The Ann Berg film", "The Fox release" before ", which grossed": the film itself (not "the
# previous Tamil film", "the highest-grossing film").
_THE_FILM_AT_END_RE = re.compile(r"(?i)\b(?:it|this (?:film|movie|picture)|the\s+(?:[\w'’.-]+\s+){0,3}?"
                                 r"(?:film|movie|picture|release))\W*$")
# A word that makes the noun phrase after it an object, not the sentence's subject: "clashed with the … film".
_OBJECT_BEFORE_RE = re.compile(r"(?i)\b(?:with|behind|alongside|than|by|to|of|over|against|beat|beating|surpassed|"
                               r"surpassing|overtook|overtaking|set|broke|breaking|from|after|before|like)\s+$")
# Words that make even a bare "the film" after them a rival: "finished second to the film, which grossed …",
# "outgrossed by the picture", "lost its top spot to the movie".
_RIVAL_BEFORE_RE = re.compile(r"(?i)\b(?:second|third|behind|outgrossed|outperformed|overtaken|beaten|topped|lost)\b"
                              r"[^,.;]{0,30}?\b(?:to|by)\s+$")
# "the film" bare, as an object, is still the film ("Audiences flocked to the film, which grossed …").
_BARE_FILM_RE = re.compile(r"(?i)(?:it|this \w+|the (?:film|movie|picture))\W*")
_NOT_THE_FILM_WORDS_RE = re.compile(r"(?i)\b(?:highest|biggest|top|record|other|another|rival|previous|earlier|last|"
                                    r"next|first|original)\b")


# Another work made before or beside the film, named just before a relative clause: its prizes are its own.
_ANOTHER_WORK_MADE_RE = re.compile(r"\b(?:made|shot|directed|produced|wrote|filmed)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?"
                                   r"(?:short(?:\s+film)?|pilot|music\s+video|trailer|proof[- ]of[- ]concept|"
                                   r"documentary|play|series)\b")


_PARTICIPLE_ASIDE_RE = re.compile(r",\s+(?:released|made|directed|produced|shot|filmed|distributed)\b[^,;]*$")


def _relative_to_another(upto_clause: str, clause: str, title: str) -> bool:
    """Whether a clause is a relative one ("which grossed …") about something other than the film: "surpassing
    Coast Road, which grossed …" (but "The film, which grossed …" and "Night Harbour, which grossed …")."""
    if not _RELATIVE_RE.match(clause):
        return False
    antecedent = upto_clause.rstrip(" ,;:(—–'\"’”")
    # "…, and The Navigator, released later the same year, which earned …": an aside between the name and "which".
    antecedent = _PARTICIPLE_ASIDE_RE.sub("", antecedent)
    if _ANOTHER_WORK_MADE_RE.search(antecedent[-90:]):
        return True  # "he first made a short film from fifteen pages of the script, which won …": that work's
    the_film = _THE_FILM_AT_END_RE.search(antecedent)
    if the_film and (_NOT_THE_FILM_WORDS_RE.search(the_film.group(0))
                     or _ANOTHER_FILM_SUBJECT_RE.search(the_film.group(0))
                     or (_OBJECT_BEFORE_RE.search(antecedent[:the_film.start()])
                         and not _BARE_FILM_RE.fullmatch(the_film.group(0)))
                     or _RIVAL_BEFORE_RE.search(antecedent[:the_film.start()])):
        return True  # "behind the Warner Bros. film, which grossed …": another film, as an object
    if the_film or (title and antecedent.endswith(title)):
        return False
    # A name ("surpassing Coast Road") or another film ("its predecessor"); not "in 74 markets, which brought in".
    return another_subject(antecedent, title) or bool(_OTHER_FILM_RE.search(" ".join(antecedent.split()[-3:])))


_GROSS_STEMS = ("gross", "earn", "made", "making", "took in", "taking in", "reach", "brought in", "bringing in",
                "box office", "box-office", "debut", "week", "market", "holdover", "opened", "opening", "collect",
                "day", "run with")
# "… largest markets were France ($1.7 million), the UK ($8.6 million)": a country's takings, in brackets after it.
_REGION_BEFORE_BRACKET_RE = re.compile(r"(?:\bthe\s+)?(?P<region>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s*\($")
MIN_GROSS = 1000  # a smaller sum is a price or a salary, no film's takings
# What a sum's own words are: up to a clause break or the next verb or joint ("$2 million in the US and …").
_SUM_TAIL_RE = re.compile(r"[^,;.(]*?(?=(?:^|\s+)(?:resulting|but|which|while|making|and|with|for|to|after|"
                          r"(?:against|on)\s+(?:a|an|its|their)\b)\b|[,;.(—–]|$)")


def _sums(sentence: str) -> list[tuple[Quantity, int, int]]:
    """Each sum of money a sentence states, with its span: an amount with its currency."""
    found = []
    position = 0
    while (match := _amount_match(sentence[position:])) is not None:
        start, end = position + match.start("num"), position + match.end()
        if match["post"] and reference.currency(match["post"]) is None:
            end = position + match.start("post")  # "$2,002,000 but …": a word, not the currency
        if match["pre"] or match["post"]:
            quantity = quantity_of(match.group(0), unit_by_currency=True)
            if quantity is not None:
                leading = len(match.group(0)) - len(match.group(0).lstrip())  # the pattern may start at a space
                found.append((quantity, position + match.start() + leading, end))
        position = max(end, start + 1)
    return found


_IN_A_MARKET_OPENING_RE = re.compile(r"\s*In\s+(?:the\s+)?(?P<place>[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*)"
                                     r"{0,3})\s*(?:,|\s+(?:the|it)\b)")


def find_box_office(sentence: str, title: str = "") -> list[Quantity]:
    """Every sum a sentence says the film took at the box office: a total, an opening weekend, a region's take
    ("earned $4,748,000 in the US and Canada and $1,976,000 elsewhere"); never a budget, a fee, a profit, a
    rental, video sales, a record to beat, another film's takings, or a sum adjusted for inflation.

    >>> [q.amount for q in find_box_office("It grossed $4,369,868 in its opening weekend and $78,868,508 overall.")]
    [4369868.0, 78868508.0]
    >>> [q.amount for q in find_box_office("It grossed $21.5 million total over a $11 million budget.")]
    [21500000.0]
    >>> find_box_office("Adjusted for inflation, the film earned over $500 million.")
    []
    >>> find_box_office("It became the fastest film to earn $100 million, ahead of Heat ($90 million).")
    []
    """
    if not _mentions(sentence, _GROSS_STEMS) or re.search(r"\b(?:adjusted|inflation)\b", sentence, re.IGNORECASE):
        return []
    found: list[Quantity] = []
    worldwide: set[int] = set()  # the sums whose own words say they are of the world, or of no one place
    previous_end, previous_gross = 0, False
    sums = _sums(sentence)
    for index, (quantity, start, end) in enumerate(sums):
        before = sentence[previous_end:start]
        # A sum's words go on past its conversion in brackets: "CN¥1.84 billion (US$274.9 million) in its first week".
        following = index + 1
        while following < len(sums) and sentence[sums[following - 1][2]:sums[following][1]].strip() == "(" \
                and (closing := sentence.find(")", sums[following][2])) >= 0 and not sentence[
                    sums[following][2]:closing].strip():
            following += 1
        after = sentence[end: sums[following][1] if following < len(sums) else len(sentence)]
        verbs = list(_GROSS_RE.finditer(before))
        said = False
        if verbs:
            # The verb's own clause, up to the sum, says what the sum is.
            clause = max(before.rfind(mark, 0, verbs[-1].start()) for mark in ",;:(—–") + 1
            said = not _NOT_GROSS_RE.search(before[clause:]) \
                and not _relative_to_another(sentence[:previous_end + clause], before[clause:], title) \
                and not _ANOTHER_FILM_SUBJECT_RE.search(before[clause:verbs[-1].start()]) \
                and not _OTHER_WORK_SUBJECT_RE.search(before[clause:verbs[-1].start()])
            if said and _WEAK_GROSS_RE.match(verbs[-1].group(0)):
                # "debuted", "fell … to", "totaling", "another" say whose sum it is only with the film as the
                # sentence's subject: not "Heat debuted to …", "which debuted to …", "the series total".
                upto = sentence[:previous_end + verbs[-1].start()]
                said = _speaks_of_the_film(upto, title) and not _OTHER_FILM_RE.search(upto[upto.rfind(",") + 1:]) \
                    and not another_subject(upto, title)
        if not verbs and _TOOK_BEFORE_RE.search(before) and _AT_THE_BOX_OFFICE_RE.match(after):
            said = True  # "took 1.6 million kronor at the box office": the words after the sum say what it is
        # "… in the US and Canada and $1,976,000 elsewhere": a sum listed after one the film took
        tail = _SUM_TAIL_RE.match(after).group(0)
        listed = previous_gross and not verbs and bool(_LISTED_AFTER_GROSS_RE.search(before)) \
            and not _NOT_GROSS_RE.search(before)
        # "opened with $40 million, after $2.2 million in previews": the previews that came before the sum.
        listed = listed or (previous_gross and not verbs and _AFTER_PREVIEWS_RE.fullmatch(before) is not None
                            and _PREVIEWS_RE.search(tail) is not None)
        bracketed = before.rstrip().endswith("(")
        # "grossed $411 million ($251 million domestic, $160 million foreign)": the total's markets, in brackets.
        split = bracketed and previous_gross and not verbs and before.strip() == "(" \
            and _names_a_market(tail.split(")")[0])
        # In brackets, a sum is a country's share of the takings, never another film's ("ahead of Heat ($90 million)").
        region = _REGION_BEFORE_BRACKET_RE.search(before.rstrip()) if bracketed else None
        in_region = region is not None and reference.is_region_name(region["region"]) \
            and not _NOT_GROSS_RE.search(sentence[:start]) and not _OTHER_FILM_RE.search(sentence[:start]) \
            and _speaks_of_the_film(sentence[:start], title) \
            and not another_subject(sentence[:previous_end + region.start()], title)
        is_gross = (said or listed or in_region or split) and not _NOT_GROSS_AFTER_RE.search(tail) \
            and (in_region or split or not bracketed) and quantity.amount >= MIN_GROSS
        if is_gross:
            # The sum's own words: those after it, and those before it that the previous sum's words do not take.
            # Of the words before it, its own clause's and, for the sentence's first sum, the sentence's opening
            # words ("In its second weekend, …", "In Japan, …"); never an aside in brackets.
            unclaimed = before[len(_OWN_WORDS_RE.match(before).group(0)):] if index else before
            clauses = re.split(r"[;:—–]|,(?!\d)", _BRACKETS_RE.sub("", unclaimed))
            own_before = ", ".join(dict.fromkeys([clauses[0], clauses[-1]] if previous_end == 0 else clauses[-1:]))
            if _TOTAL_WORDS_RE.search(f"{clauses[-1]} {after[:40]}") and not _WINDOW_RE.search(clauses[-1]):
                own_before = clauses[-1]  # "It was re-released in 1997; its total gross reached $80 million"
            unbracketed_after = _BRACKETS_RE.sub("", after)
            own_after = _OWN_WORDS_RE.match(unbracketed_after).group(0)
            # ", marking the best opening weekend for …", "—a 53% drop from the previous weekend—"
            # "…—an average of $9,100 per theater—as the number one film of the weekend" (past the aside's sum)
            rest = _BRACKETS_RE.sub("", sentence[end:])
            record = _RECORD_AFTER_RE.match(unbracketed_after) or _ASIDE_AFTER_RE.match(unbracketed_after) \
                or _RANKED_AFTER_RE.match(rest)
            # "$12 million—an average of $4,000 per theater—in its first week": the sum's words go on past the aside.
            if record is None and not own_after.strip() and (aside := _DASH_ASIDE_RE.match(rest)):
                own_after = _OWN_WORDS_RE.match(rest[aside.end():]).group(0)
            _limit(quantity, own_before, f"{own_after} {record['window'] if record else ''}", clauses[::-1],
                   (region["region"], _BRACKETS_RE.sub("", sentence[:previous_end + region.start()]))
                   if in_region and region else None)
            if quantity.area is None and quantity.scope is None and found and found[-1].area and listed \
                    and re.match(r"\s*(?:in\s+total|overall|all\s+told)\b", after) \
                    and re.search(r"\b[Ii]n\s+(?:the\s+)?" + re.escape(found[-1].area.name) + r"\b",
                                  sentence[:sums[index - 1][1]]):
                # "in the US it took $43,270 in its opening weekend and $309,811 in total": the US total
                quantity.area = found[-1].area
            if quantity.scope is None and (window := _IN_ITS_WINDOW_RE.search(unclaimed)):
                quantity.scope = window["window"]  # "and in its third weekend, playing in 88 theaters, it made $X"
            if quantity.scope is None and found and found[-1].scope and _AGAIN_RE.search(unclaimed):
                quantity.scope = found[-1].scope  # "re-released in 1981 and grossed $26.8 million and again in 1982 …"
            if quantity.scope is None and (_ADDED_BEFORE_RE.search(sentence, 0, start) or _ADDED_AFTER_RE.match(after)):
                quantity.scope = "additional"  # "increased a further $1.5 million": what was added, never the whole
            found.append(quantity)
            if _WORLDWIDE_RE.search(f"{before} {tail}") or _MARKET_WORDS_RE.search(f"{before} {tail}"):
                worldwide.add(id(quantity))
        previous_end, previous_gross = end, is_gross
    opening = _IN_A_MARKET_OPENING_RE.match(sentence) if len(found) > 1 else None
    if opening and (place := _market_place(opening["place"])) is not None:
        for quantity in found:
            if quantity.area is None and not (quantity.scope and _MARKET_WORDS_RE.search(quantity.scope)) \
                    and id(quantity) not in worldwide:
                # "In Hong Kong the film opened with HK$8.1 million … and went on to gross HK$36.1 million": the
                # market the sentence opens in is each of its sums' (not "…, and its worldwide gross reached …").
                quantity.area = place
    return found


_BRACKETS_RE = re.compile(r"\([^()]*\)")
# "in its third weekend": a window told before the sum, an aside between ("…, playing in 88 theaters, it made $X").
_IN_ITS_WINDOW_RE = re.compile(r"\b(?:in|during|over)\s+(?:its|the)\s+(?P<window>(?:[\w-]+\s+){0,2}?(?:weekend|week))"
                               r"\b")
_TOOK_BEFORE_RE = re.compile(r"\b(?:took|takes|taking)\s+(?:in\s+)?(?:around\s+|about\s+|some\s+)?$")
_AT_THE_BOX_OFFICE_RE = re.compile(r"\s*(?:at\s+the\s+(?:\w+\s+)?box[- ]office\b|from\s+(?:[\d,]+|\w+)\s+"
                                   r"(?:theat|cinema|screen|venue|location))")
# A sum listed after one the film took: "… in the US and Canada and $1,976,000 elsewhere", "…, including $2 million
# from previews", "… abroad, for $411 million worldwide", "…, of which $250 million came from North America".
_LISTED_AFTER_GROSS_RE = re.compile(r"(?:,|\band\b|\bincluding\b|,\s*(?:for|with|of\s+which))\s*"
                                    r"(?:an?\s+(?:additional|further)\s+)?$")
# Previews told after an opening: "…, after $2.2 million in previews", "…, following $2.2 million from Thursday
# late-night previews" (never "after Heat's $50 million": another film's).
_AFTER_PREVIEWS_RE = re.compile(r"(?i)\s*,?\s*(?:after|following|including)\s+(?:an?\s+)?")
_PREVIEWS_RE = re.compile(r"(?i)\bpreviews\b")
# A record the sum set, told after it: "…, marking the best opening weekend for a Disney film" (an opening).
_RECORD_AFTER_RE = re.compile(r"[^.;]*?,\s+(?:marking|making|setting|breaking|becoming|achieving|giving)\b[^.;,]*?"
                              r"\b(?P<window>opening\s+(?:weekend|day|week))\b")
# The film's rank in a window, told after the sum and perhaps an aside: "…—an average of $9,100 per theater—as the
# number one film of the weekend", ", making it the top film of the weekend".
_RANKED_AFTER_RE = re.compile(r"(?:\s*—[^—]{0,120}—|\s*,[^,;]{0,120},)?\s*[,—–]?\s*"
                              r"(?:as|making\s+it|becoming|to\s+become)\s+the\s+"
                              r"(?:number[- ]one|No\.\s*1|#\s*1|top(?:-grossing)?|highest-grossing)\s+"
                              r"(?:film|movie|picture)\s+(?:of|for)\s+(?:the|that)\s+(?P<window>weekend|week)\b")
# An aside between dashes right after a sum ("—an average of $4,000 per theater—"), after which its words go on.
_DASH_ASIDE_RE = re.compile(r"\s*[—–]\s*[^—–.;]{1,120}?[—–]")
# Words that make a sum the whole takings, whatever window the sentence opened with.
_TOTAL_WORDS_RE = re.compile(r"(?i)\b(?:total\s+gross|grand\s+total|overall|in\s+total|lifetime|all-time|cumulative|"
                             r"altogether|in\s+all)\b")
# A sum added to one told before: "a further $1.5 million", "an additional $2 million".
_ADDED_BEFORE_RE = re.compile(r"(?i)\b(?:a\s+further|an\s+additional|another)\s+$")
# … or a sum that brings a total to another: "It earned $5 million, bringing its total to $15 million".
_ADDED_AFTER_RE = re.compile(r"(?i)\s*,?\s*(?:bringing|taking|pushing|raising|lifting)\s+(?:it|its|the)\b[^,;.]*?"
                             r"\b(?:total|gross|tally|cume|earnings)\b")
# A sum told "again" after a sum of a part of the run is of the same kind of part: a second re-release.
_AGAIN_RE = re.compile(r"(?i)\band\s+again\b")
_ASIDE_AFTER_RE = re.compile(r"\s*—[^—]*?\b(?:drop|fall|decline|increase|rise)\s+from\s+(?:the|its)\s+"
                             r"(?:previous|first|opening)\s+(?P<window>weekend)\b[^—]*—")
# What a sum's own words are, for what limits it: up to a clause break or a joint that starts another statement
# ("$2 million in the US and Canada and $1 million elsewhere", "… in its opening weekend and … overall").
_OWN_WORDS_RE = re.compile(r"(?:[^,;.—–(]|[,.](?=\d))*?(?=(?:^|\s+)(?:and\b(?!\s+[A-Z])|but|which|while|making|"
                           r"bringing|resulting|for\s+a|to\s+bring)\b|[,.](?!\d)|[;—–(]|$)")
_ORDINAL_WORDS = (r"(?:opening|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|debut|"
                  r"\d+(?:st|nd|rd|th))")
# A window of the film's run: "its opening weekend", "its first three days", "its second weekend of international
# release", "Thursday night previews", "the weekend", "its 10-day total", "a midnight launch". A sum in one is part
# of the takings, never their total ("its first year of release", "its first run" are the run).
_WINDOW_RE = re.compile(
    rf"(?i)\b(?:{_ORDINAL_WORDS}[\s-]+(?:[\w-]+\s+){{0,2}}?(?:weekend|weeks?|days?|months?|Thursday|Friday|Saturday|"
    r"Sunday)(?:\s+of\s+(?:[\w-]+\s+)?(?:re-?)?release)?|(?:\d+|[a-z]+)-day\s+(?:total|opening|weekend|run)|"
    r"(?:(?:late[- ]night|Thursday|Friday|midnight|sneak|paid)\s+(?:night\s+)?){0,2}previews|running\s+total|"
    r"midnight\s+(?:launch|screenings?|shows?|showings?)|(?:the\s+)?weekend|opening\s+(?:day|week)|"
    # A run that is not the whole of it: the first run or year, a re-release, a limited release, so far, by a date.
    r"(?:(?<=during\s)|(?<=\bin\s))(?:its|the)\s+(?:first|initial|original)\s+(?:theatrical\s+)?(?:run|release|year(?:\s+of\s+"
    r"release)?)|"
    r"(?:its\s+)?(?:\d{4}\s+)?re-?release(?:d)?|re-?entered\s+the\s+(?:[\w-]+\s+){0,2}box\s+office|"
    r"(?:special|anniversary)\s+edition|limited\s+release|so\s+far|"
    # "₹500 crore worldwide in 16 days", "within ten days": a run's first days, not the whole of it
    r"(?<=in\s)(?:(?:its|the)\s+first\s+)?(?:\d+|[a-z]+)\s+(?:days|weeks)|(?<=within\s)(?:\d+|[a-z]+)\s+(?:days|weeks)|"
    r"by\s+the\s+end\s+of\s+[A-Z]?\w+)\b")
# A debut ("debuted to $35 million") is an opening; a list of markets with their sums in brackets tells the
# markets' openings or later weekends when it speaks of them ("its largest new markets were France ($1.7 million)").
_DEBUT_RE = re.compile(r"(?i)\bdebut(?:ed|ing|s)?\b")
# An opening told by its verb or noun just before the sum ("opened with $12 million", "opened in first place to …",
# "an opening of …") or just after it ("$12 million in its debut"): the opening's takings, never the run's total.
_OPENED_BEFORE_RE = re.compile(r"(?i)\b(?:open(?:ed|ing)\b[^,;.]{0,40}?\b(?:to|with)|opening\s+(?:gross\s+|take\s+)?of)"
                               r"\s*$")
_DEBUT_AFTER_RE = re.compile(r"(?i)^\s*(?:in|on|during|with)\s+(?:its|their|the\s+film['’]s)\s+(?:[\w-]+\s+){0,2}?"
                             r"debut\b")
_OPENINGS_RE = re.compile(r"(?i)\b(?:(?P<opening>debut(?:ed|ing|s)?|opened|opening|new\s+markets?)|holdovers?)\b")
# A market that is no place: "overseas", "in other territories", "outside North America", "domestically", "abroad",
# "a foreign gross of".
_MARKET_WORDS_RE = re.compile(
    r"(?i)\b(?:overseas|internationally|(?:international|foreign|overseas|other)\s+(?:markets?|territories|"
    r"countries)|elsewhere|domestic(?:ally)?|abroad|foreign(?=\s+(?:gross|box[\s-]office|takings|earnings|"
    r"receipts)|\s*[),;]|\s*$)|outside\s+(?:of\s+)?(?:the\s+)?"
    r"(?-i:[A-Z][\w.]*(?:\s+(?:and\s+(?:the\s+)?)?[A-Z][\w.]*){0,3}))\b")
# A market that is a place: "in the United States and Canada", "at the North American box office", "In Japan,".
_PLACE_WORDS = r"[A-Z][\w.]*(?:\s+(?:and\s+)?[A-Z][\w.]*){0,3}"
_MARKET_PLACE_RE = re.compile(rf"\b(?:(?i:in|at|across|from)\s+(?:the\s+|its\s+(?:home|native)\s+(?:country|market)"
                              rf"\s+of\s+)?(?P<place>{_PLACE_WORDS})|"
                              rf"(?P<office>{_PLACE_WORDS})\s+box\s+office)")
_WORLDWIDE_RE = re.compile(r"(?i)\b(?:worldwide|global(?:ly)?|world-wide)\b")


_NORTH_AMERICA = Place("North America", qid="Q49")  # the market the studios report together: P3005 North America
_NORTH_AMERICA_NAMES = frozenset({"north america", "united states and canada", "us and canada", "u.s. and canada",
                                  "canada and the united states", "us/canada", "u.s./canada", "united states/canada"})


def _market_place(name: str) -> Place | None:
    """The place a market's name denotes: a country (with its item), a region, or regions joined by "and"."""
    if _WORLDWIDE_RE.search(name):
        return None  # "(worldwide)": no one market
    name = re.sub(r"\s+box\s+office$|['’]s$", "", name)
    name = re.sub(r"(?<=America)n$", "", name)  # "the North American box office": North America
    if re.sub(r"\s*[–—]\s*", "/", fold(name).removeprefix("the ")) in _NORTH_AMERICA_NAMES:  # "United States–Canada"
        return _NORTH_AMERICA
    entry = reference.country(name) or reference.country_of_demonym(name)
    if entry is not None:
        return Place(entry.name, qid=entry.qid)
    parts = re.split(r"\s+and\s+", name)
    # A region, or a country's state or province ("Kerala", "Texas"): a market of its own, never the whole takings.
    return Place(name) if all(reference.is_region_name(part) or reference.is_first_level_region(part)
                              for part in parts) else None


# A window named before the sum as the time after which it was made is not the sum's: "After a strong opening
# weekend, it went on to gross $300 million" (after the sum, "… after its opening weekend" is a running total's).
_AFTER_WINDOW_RE = re.compile(r"(?i)\b(?:after|following|since|beyond|past)\s+(?:(?:a|an|the|its|their)\s+)?"
                              r"(?:[\w-]+\s+){0,2}$")


def _names_a_market(words: str) -> bool:
    """Whether a sum's own words name a market: "domestic", "foreign", "in Japan"."""
    return _MARKET_WORDS_RE.search(words) is not None or any(
        _market_place(m["place"] or m["office"]) is not None for m in _MARKET_PLACE_RE.finditer(words))


def _window_before(text: str) -> re.Match[str] | None:
    """The first window of the run that ``text``, before a sum, names as the window the sum was taken in."""
    return next((window for window in _WINDOW_RE.finditer(text)
                 if not _AFTER_WINDOW_RE.search(text, 0, window.start())), None)


def _limit(quantity: Quantity, before: str, after: str, clauses: list[str],
           bracketed: tuple[str, str] | None) -> None:
    """Say what part of the takings a sum is, from its own words: its market (``area``: a place; ``scope``: words
    such as "overseas") and the window of the run it was taken in (``scope``: "opening weekend"). A market may be
    named in any clause before the sum (the nearest first: "In Brazil, it topped the box office with …")."""
    own = f"{before} {after}"
    window = _WINDOW_RE.search(after) or _window_before(before)
    if bracketed is not None:  # "France ($1.7 million)": the market is the place before the bracket
        region, head = bracketed
        quantity.area = _market_place(region)
        window = window or _WINDOW_RE.search(head)
        openings = list(_OPENINGS_RE.finditer(head))
        if window is None and openings:  # the words nearest the list's item say what its sums are
            quantity.scope = "opening" if openings[-1]["opening"] else "holdover"
    elif _WORLDWIDE_RE.search(own) is None:
        places = [_market_place(m["place"] or m["office"]) for text in (after, *clauses)
                  for m in _MARKET_PLACE_RE.finditer(text)
                  if not (m["place"] and _MADE_IN_BEFORE_RE.search(text[:m.start("place")]))]  # "shot in Canada"
        quantity.area = next((place for place in places if place is not None), None)
        words = _MARKET_WORDS_RE.search(after) or _MARKET_WORDS_RE.search(before)
        if quantity.area is None and words is not None:
            quantity.scope = words.group(0)
    when = re.sub(r"(?i)^(?:the|its)\s+", "", " ".join(window.group(0).split())) if window is not None \
        else "opening" if _DEBUT_RE.search(before) or _OPENED_BEFORE_RE.search(before) \
        or _DEBUT_AFTER_RE.match(after) else None
    if when is not None:  # "its first weekend, outside North America"
        quantity.scope = f"{when}, {quantity.scope}" if quantity.scope else when


def limit_in_brackets(quantity: Quantity, text: str) -> Quantity:
    """A sum's market or window given in brackets after it, as an infobox gives them: "$12 million (US)",
    "$5 million (opening weekend)"."""
    for inside in (bracket.group(0)[1:-1] for bracket in _BRACKETS_RE.finditer(text)):
        window = _WINDOW_RE.search(inside)
        if window is not None:
            quantity.scope = " ".join(window.group(0).split())
        quantity.area = quantity.area or _market_place(inside.strip())
        if quantity.area is None and _PART_MARKET_RE.search(inside):
            quantity.scope = quantity.scope or " ".join(inside.split())  # "(Domestic earnings)", "(Foreign earnings)"
    return quantity


_PART_MARKET_RE = re.compile(r"(?i)\b(?:domestic|foreign|overseas|international|abroad)\b")

# A box-office table: a column of territories beside one of sums ("Territory | Collections").
_TERRITORY_HEADER_RE = re.compile(r"(?i)^\s*(?:territor(?:y|ies)|regions?|markets?|countr(?:y|ies)|areas?)\s*$")
_TAKINGS_HEADER_RE = re.compile(r"(?i)\b(?:collections?|gross(?:es)?|box[\s-]+office|revenues?|earnings|takings)\b")
# The other columns a box-office table may have: its sources, notes, dates.
_OTHER_TAKINGS_HEADER_RE = re.compile(r"(?i)^\s*(?:ref(?:erence)?s?\.?|sources?|notes?|citations?|"
                                      r"(?:release\s+|opening\s+)?dates?|as of|)\s*$")
_WHOLE_WORLD_RE = re.compile(r"(?i)^(?:world-?wide|world|global|total|all territories)$")
_SHARE_RE = re.compile(r"(?i)^\s*distributor(?:'s|s'|’s)?\s+share\s*:?\s*")
# A bracket that only converts a sum ("(₹million)", "(US$200 million)") limits nothing.
_CONVERSION_RE = re.compile(r"^[^\w]*(?:US|Rs|INR|USD|CA|A|NZ|HK)?[^\w\s]{0,2}\s*[\d.,]*\s*(?:million|billion|crores?|"
                            r"lakhs?|m|bn)?\s*$")


def _takings_columns(header: tuple[str, ...]) -> tuple[int, list[int]] | None:
    """(the territory column, the sum columns) of a box-office table's header; None for any other table, also one
    with a column of films, titles or years (the sums of other films too)."""
    territory = next((i for i, cell in enumerate(header) if _TERRITORY_HEADER_RE.match(cell)), None)
    columns = [i for i, cell in enumerate(header) if i != territory and _TAKINGS_HEADER_RE.search(cell)]
    if territory is None or not columns or not all(
            i == territory or i in columns or _OTHER_TAKINGS_HEADER_RE.match(cell) for i, cell in enumerate(header)):
        return None
    return territory, columns


def is_takings_header(header: tuple[str, ...]) -> bool:
    """Whether a table's header is a box-office table's: a column of territories and one of sums."""
    return _takings_columns(header) is not None


def takings_table(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> list[tuple[str, Quantity]]:
    """(field, sum) of each row of a box-office table, a column of territories beside one of sums: "Worldwide" is the
    film's box office; a country's sum its takings there (``area``); "Overseas", a version ("(Hindi)") or "(excluding
    Japan)" a part (``scope``); a distributor's share a rental. Words in brackets after a sum limit it ("(Japan)")."""
    found_columns = _takings_columns(header)
    if found_columns is None:
        return []
    territory, columns = found_columns
    found: list[tuple[str, Quantity]] = []
    for row in rows:
        cell = row[territory] if territory < len(row) else ""
        where = " ".join(_BRACKETS_RE.sub("", cell).split())
        if where and not (_WHOLE_WORLD_RE.match(where) or _MARKET_WORDS_RE.search(where)
                          or _market_place(where) is not None or reference.is_place_name(where)):
            continue  # "Foo 2 worldwide", a note: no territory
        # "Germany (opening weekend)": the territory's own bracket limits the sums of its row.
        row_limits = [inside for inside in (b.group(0)[1:-1].strip() for b in _BRACKETS_RE.finditer(cell))
                      if _WINDOW_RE.search(inside)]
        for column in (c for c in columns if c < len(row)):
            share = _SHARE_RE.match(row[column])
            cell = row[column][share.end():] if share else row[column]
            sums = _sums(cell)
            if not sums or sums[0][1] > 0 or sums[0][0].amount < MIN_GROSS:
                continue  # a cell that begins with a sum: never a note that mentions one
            quantity, _, end = sums[0]
            limits = [inside for inside in (b.group(0)[1:-1].strip() for b in _BRACKETS_RE.finditer(cell[end:]))
                      if not _CONVERSION_RE.match(inside)] + row_limits
            for inside in limits:
                place = _market_place(inside)
                if place is not None and quantity.area is None:
                    quantity.area = place
                else:  # "(excluding Japan)", "(Hindi)": the words that make it a part
                    quantity.scope = f"{quantity.scope}, {inside}" if quantity.scope else inside
            if share:
                found.append(("rental", quantity))
                continue
            if quantity.area is None and where and not _WHOLE_WORLD_RE.match(where):
                place = _market_place(where) if not _MARKET_WORDS_RE.search(where) else None
                if place is not None:
                    quantity.area = place
                else:  # "Overseas": a market that is no place
                    quantity.scope = f"{where}, {quantity.scope}" if quantity.scope else where
            whole = quantity.area is None and quantity.scope is None and _WHOLE_WORLD_RE.match(where)
            found.append(("box_office" if whole or not is_partial(quantity) else "takings", quantity))
    return found


def is_partial(quantity: Quantity) -> bool:
    """Whether takings are a part that no country's total is: a window of the run, or a market with no item."""
    return quantity.scope is not None or (quantity.area is not None and quantity.area.qid is None)


# "earning $7.25 million in theatrical rentals", "rentals of $4,420,000", "its distributors' share was …": what the
# distributor took back.
_RENTALS_AFTER_RE = re.compile(r"^\s*in\s+(?:[\w-]+\s+){0,3}?rentals\b", re.IGNORECASE)
_RENTALS_BEFORE_RE = re.compile(r"\b(?:rentals?|distributors?['’]?\s+share)\s+"
                                r"(?:of|totall?(?:ing|ed)|amounting\s+to|came\s+to|were|was|reached)\s+"
                                r"(?:about\s+|around\s+|an\s+estimated\s+)?$", re.IGNORECASE)


# Rentals of another kind: of videos, of equipment, of cars.
_NOT_THEATRICAL_RENTALS_RE = re.compile(r"(?i)\b(?:video|videocassette|dvds?|vhs|blu-ray|home|equipment|cars?|"
                                        r"camera|props?|costumes?|location)\b")


def find_rentals(sentence: str, title: str = "") -> list[Quantity]:
    """The theatrical rentals a sentence states: the distributor's share of the takings, not the takings.

    >>> [q.amount for q in find_rentals("It earned $7.25 million in theatrical rentals, and $1.25 million in "
    ...                                 "rentals overseas; it grossed $20 million.")]
    [7250000.0, 1250000.0]
    """
    if not _mentions(sentence, ("rental", "share")):
        return []
    return [quantity for quantity, start, end in _sums(sentence)
            if (_RENTALS_AFTER_RE.match(sentence[end:]) or _RENTALS_BEFORE_RE.search(sentence[:start]))
            and not _NOT_THEATRICAL_RENTALS_RE.search(sentence[end:end + 40].split("rental")[0])
            and not _NOT_THEATRICAL_RENTALS_RE.search(sentence[max(0, start - 40):start])
            and not re.search(r"\b(?:than|compared|besting|behind|ahead|studio|company)\b|['’]s\s*$",
                              sentence[:start])
            and _speaks_of_the_film(sentence[:start], title) and not another_subject(sentence[:start], title)]


_PROFIT_RE = re.compile(r"\b(?P<kind>profit|loss)(?:es|s)?\s+(?:of|was|were|totall?ing|amounting to|came to)\s+"
                        r"(?:only\s+|just\s+|about\s+|around\s+|an estimated\s+)?", re.IGNORECASE)


def find_profit(sentence: str) -> list[Quantity]:
    """The film's net profit a sentence states ("a profit of $3,198,000", "the profit was only $732,000"); a loss
    is a negative profit ("an ultimate loss of $96,000").

    >>> [q.amount for q in find_profit("It made $5,526,000, resulting in a profit of $3,198,000.")]
    [3198000.0]
    >>> [q.amount for q in find_profit("Because of its high cost it incurred a loss of $96,000.")]
    [-96000.0]
    """
    if "profit" not in sentence.lower() and "loss" not in sentence.lower():
        return []
    found = []
    for match in _PROFIT_RE.finditer(sentence):
        sums = _sums(sentence[match.end():])
        if sums and sums[0][1] == 0:
            quantity = sums[0][0]
            if match["kind"].lower() == "loss":
                quantity.amount = -quantity.amount
            found.append(quantity)
    return found


_TERM_WORDS = ("term", "concept", "phenomenon", "notion", "expression")
_TERM_RE = re.compile(rf"\b(?:{'|'.join(_TERM_WORDS)})\s+[\"“'‘](?P<term>[^\"”'’]+)[\"”'’]")


def find_term(sentence: str, title: str) -> str | None:
    """A term the film is named after ("The term "second victim" …") — the film's main subject."""
    if not any(map(sentence.__contains__, _TERM_WORDS)):
        return None  # the pattern's own words are missing: no need to run it along the sentence
    match = _TERM_RE.search(sentence)
    if not match:
        return None
    term = reference.fold(match["term"])
    name = reference.fold(title)
    return match["term"] if term in name or name in term else None


def find_term_origin(sentence: str) -> tuple[str | None, PartialDate | None]:
    """Who introduced or coined a term, and when ("It was coined … by Ann Berg in 1999")."""
    match = re.search(rf"\b(?:introduced|coined|first used|proposed)\b.*?\bby\s+(?P<name>{NAME_RE.pattern})",
                      sentence)
    if not match:
        return None, None
    dates = list(find_dates(sentence[match.end():]))
    return match["name"], dates[0][0] if dates else None
