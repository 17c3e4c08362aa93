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
    ("| film name = {{Film name|kanji=千と千尋の神隠し|romaji=Sen to Chihiro no Kamikakushi}}", "千と千尋の神隠し", "ja"),
    ("| film name = {{Infobox name module|traditional={{linktext|奔|愛}}|simplified={{linktext|奔|爱}}|pinyin=Bēn Ài}}",
     "奔愛", "zh"),
    ("| film name = {{native name|es|Yo quiero una mujer así}}", "Yo quiero una mujer así", "es"),
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


def test_an_untagged_title_takes_a_film_language_written_in_its_script() -> None:
    film = _film("| film name = 龍爭虎鬥\n| language = English")
    assert (film.original_title, film.original_language) == ("龍爭虎鬥", None)
    film = _film("| film name = 奔愛\n| language = Mandarin")
    assert (film.original_title, film.original_language) == ("奔愛", "cmn")
