"""Text made valid once, where it enters: every reader passes what it read through here.

A lone surrogate (``&#xDC00;`` in wikitext, ``"\\ud800"`` in JSON) cannot be written as UTF-8 at all, and a
noncharacter (U+FFFE, U+FFFF, U+FDD0–U+FDEF, the last two code points of every plane) is refused by strict
RDF tools; both are replaced by U+FFFD, the replacement character, with a warning, so that no later stage
and no writer ever sees them.
"""

from __future__ import annotations

import dataclasses
import enum
import html
import re
from functools import cache
from typing import Any, TypeVar

REPLACEMENT = "\ufffd"
# The capital letters a name can start with, for a regex character class: Latin with its extensions ("Ōfuji",
# "Łódź", "Šimon", "Ǆ"), Greek and Cyrillic. Only letters, so nothing in it needs escaping.
UPPER = "A-Z" + "".join(chr(code) for code in range(0xC0, 0x530) if chr(code).isupper())
# Words written with a full stop that ends no sentence (lower case): titles and ranks before a name ("Dr. Lund",
# "Sgt. Pepper"), "Jr.", "St.", "Mt.", "No. 1", "vs.", a company's "Inc.", "Co.", "Corp." and "Warner Bros.".
ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "sgt", "capt", "lt", "col", "gen", "rev",
                           "fr", "sen", "gov", "supt", "insp", "det", "mt", "maj", "ltc", "cmdr", "adm", "rep", "pvt",
                           "cpl", "no", "vs", "inc", "ltd", "co", "bros", "corp", "pty"})
# Lone surrogates, and the 66 noncharacters of Unicode (chapter 23.7).
_INVALID_RE = re.compile("[\ud800-\udfff\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)) + "]")
# Every character the class above can match is at U+D800 or above: a text without any (nearly every text: Latin,
# Cyrillic, CJK and Hangul are all below) is valid after one fast scan, which a class of 36 ranges is not.
_HIGH_RE = re.compile("[\ud800-\U0010ffff]")
_T = TypeVar("_T")
# Values that hold no text: nothing in them to clean (bool is an int).
_ATOMS = (int, float, enum.Enum, type(None))
# Each noncharacter as an escape (\uFFFF, \U0001FFFF): how Turtle and N-Triples write one that reached them.
NONCHARACTER_ESCAPES = {code: (f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}") for code in
                        [*range(0xFDD0, 0xFDF0), *(plane * 0x10000 + low for plane in range(17)
                                                   for low in (0xFFFE, 0xFFFF))]}


def is_valid(text: str) -> bool:
    """The text holds no lone surrogate and no noncharacter.

    >>> is_valid("Zoë"), is_valid("Ann \\udc00Berg"), is_valid("a\\uffffb")
    (True, False, False)
    """
    if text.isascii():
        return True
    high = _HIGH_RE.search(text)
    return high is None or _INVALID_RE.search(text, high.start()) is None


def valid_text(text: str) -> tuple[str, int]:
    """The text with each lone surrogate and noncharacter replaced by U+FFFD, and how many were.

    >>> valid_text("Ann \\udc00Berg")
    ('Ann \\ufffdBerg', 1)
    """
    if text.isascii() or _HIGH_RE.search(text) is None:
        return text, 0
    return _INVALID_RE.subn(REPLACEMENT, text)


def replaced_warning(where: str, count: int) -> str:
    """The warning a reader gives for the characters it replaced."""
    plural = "s" if count != 1 else ""
    return (f"{where}: {count} character{plural} no UTF-8 file can hold (a lone surrogate or a noncharacter) "
            f"replaced by U+FFFD")


def valid_data(data: _T) -> tuple[_T, int]:
    """Any data read from outside (JSON, a record of strings, tuples, lists, dicts and frozen dataclasses) with
    every string made valid, and how many characters were replaced; unchanged parts are kept as they are.

    >>> valid_data({"title": "\\ud800x", "ids": ["Q1"]})
    ({'title': '\\ufffdx', 'ids': ['Q1']}, 1)
    """
    found = [0]
    cleaned = _clean(data, found)
    return cleaned, found[0]


def _clean(data: Any, found: list[int]) -> Any:
    # Iterative over the containers' own items only: JSON this deep was refused by the parser already.
    if isinstance(data, str):
        if is_valid(data):
            return data
        text, count = valid_text(data)
        found[0] += count
        return text
    if isinstance(data, _ATOMS):
        return data
    if isinstance(data, (list, tuple)) and _valid_texts(data):
        return data  # a tuple of paragraphs or names: checked as one text
    before = found[0]
    if isinstance(data, dict):
        cleaned: Any = {_clean(key, found): _clean(value, found) for key, value in data.items()}
    elif isinstance(data, list):
        cleaned = [_clean(item, found) for item in data]
    elif isinstance(data, tuple):
        cleaned = tuple([_clean(item, found) for item in data])
    else:
        cleaned = None
    if cleaned is not None:
        return cleaned if found[0] > before else data
    names = _field_names(type(data))
    if names is not None:
        changes = {}
        for name in names:
            value = getattr(data, name)
            cleaned = _clean(value, found)
            if cleaned is not value:
                changes[name] = cleaned
        return dataclasses.replace(data, **changes) if changes else data
    return data


def _valid_texts(items: list[Any] | tuple[Any, ...]) -> bool:
    """All the items are valid texts, or all are tuples of valid texts (an article's links: (shown, page) pairs);
    a character that is not valid in one is not in their join either."""
    if not items:
        return False
    try:
        if isinstance(items[0], str):
            joined = "".join(items)
        elif type(items[0]) is tuple and all(type(item) is tuple for item in items):
            joined = "".join(["".join(item) for item in items])
        else:
            return False  # records (or pairs beside other things): their items are looked at one by one
    except TypeError:  # not all texts
        return False
    return is_valid(joined)


@cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """The fields of a dataclass's instances; None for any other type (a dataclass itself is an instance of type)."""
    return tuple(item.name for item in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None


# A character reference that stands for markup (a pipe, a bracket, a quote, "<") stays as the editor wrote it:
# decoded, it would become the markup it escapes. Any other (&nbsp;, &eacute;, &ndash;, &#8201;) is its character.
_MARKUP_CHARACTERS = frozenset("<>&|[]{}='\"#*:;!~-_")
_REFERENCE_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# Spaces a reader sees as a space: no-break, figure, thin, hair, em and en spaces, narrow no-break, ideographic.
_SPACE_CHARACTERS = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_SPACE_CHARACTERS_RE = re.compile(f"[{_SPACE_CHARACTERS}]")


def _decoded_reference(match: re.Match[str]) -> str:
    character = html.unescape(match.group())
    if len(character) == 1 and character in _SPACE_CHARACTERS:
        return " "
    if len(character) != 1 or character in _MARKUP_CHARACTERS or not character.isprintable() or (
            character == REPLACEMENT and match.group().casefold() not in ("&#65533;", "&#xfffd;")):
        return match.group()  # markup, a control, or no character ("&#xD800;"): left for the reader to warn of
    return character


def plain_characters(text: str) -> str:
    """The page as a reader sees its characters: "Ann&nbsp;Berg", "Ann\u00a0Berg" and "Ann Berg" are one name.

    >>> plain_characters("Ann&nbsp;Berg &amp; Jos&eacute; &#124; 5&#8201;m")
    'Ann Berg &amp; José &#124; 5 m'
    """
    if "&" in text:
        text = _REFERENCE_RE.sub(_decoded_reference, text)
    return _SPACE_CHARACTERS_RE.sub(" ", text)
