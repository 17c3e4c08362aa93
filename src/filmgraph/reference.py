"""Reference tables (countries, languages, genres, currencies) shipped as CSV in ``filmgraph/data``.

Each table maps the names a text uses (name, aliases, demonyms) to one row with its Wikidata item.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Entry:
    name: str
    qid: str
    code: str = ""


def fold(text: str) -> str:
    """Casefold and strip diacritics, for comparing names.

    >>> fold("Zoë Ağaoğlu") == fold("zoe agaoglu")
    True
    """
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
    """The country a name or alias denotes.

    >>> country("Denmark").qid, country("UK").name
    ('Q35', 'United Kingdom')
    """
    return _countries().get(fold(text))


def country_of_demonym(text: str) -> Entry | None:
    """The country an adjective such as "Danish" denotes.

    >>> country_of_demonym("Danish").name
    'Denmark'
    """
    return _demonyms().get(fold(text))


def language(text: str) -> Entry | None:
    """Example:

    >>> language("Danish").code
    'da'
    """
    return _languages().get(fold(text.removesuffix("language").removesuffix("-")))


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
