"""The template table: one line per template, as a reader sees it rendered."""

from __future__ import annotations

import pytest

from filmgraph.read.templates import RENDERERS
from filmgraph.read.wikitext import parse_wikitext, render

CASES = [
    ("{{Plainlist|\n* Ann Berg\n* Carl Holm\n}}", "Ann Berg\nCarl Holm"),
    ("{{ubl|Ann Berg|Carl Holm}}", "Ann Berg\nCarl Holm"),
    ("{{won}}", "Won"), ("{{nom}}", "Nominated"), ("{{Pending}}", "Pending"),
    ("{{Film date|2025|4|10|Denmark|2025|9|1|Venice}}", "10 April 2025 (Denmark)\n1 September 2025 (Venice)"),
    ("{{Start date|2024|6|5}}", "5 June 2024"),
    ("{{Runtime|92}}", "92 minutes"),
    ("{{Runtime|1|59}}", "119 minutes"),  # hours and minutes
    ("{{INR}}118.7{{nbsp}}crore", "₹118.7 crore"),  # a space the reader sees
    ("{{Infobox name module|es|Mar adentro}}", "Spanish: Mar adentro"),  # a language code before the name
    ("{{sortname|Ann|Berg}}", "Ann Berg"),
    ("{{nowrap|Nordisk Film}}", "Nordisk Film"),
    ("{{lang-da|Druk}}", "Danish: Druk"),
    ("{{lang|da|Druk}}", "Druk"),
    ("text{{efn|a note}}", "text"),
    ("{{Cite web|title=x}}", ""),
    ("{{INR}}50 crore", "₹50 crore"), ("{{US$|10 million}}", "US$10 million"),
    ("{{Philippine peso|25 million}}", "₱25 million"),
    ("{{INRConvert|75|m}}", "₹75 million"), ("{{INRConvert|2.5|c}}", "₹2.5 crore"),
    ("{{¥|1.2 billion}}", "¥1.2 billion"),
    ("{{nihongo|Spirited Away|千と千尋の神隠し|Sen to Chihiro no Kamikakushi}}",
     "Spirited Away (千と千尋の神隠し, Sen to Chihiro no Kamikakushi)"),
    ("{{Anime voices|[[Yui Sato]]|[[Ann Berg]]}}", "Voiced by: Yui Sato (Japanese); Ann Berg (English)"),
    ("{{Based on|Adhobha|Mahasweta Devi}}", "Adhobha by Mahasweta Devi"),
    ("{{native name|ml|മണത്തെ}}", "Malayalam: മണത്തെ"), ("{{Interlanguage link multi|Ann Berg|da}}", "Ann Berg"),
    ("{{Film name|സി .ഐ . മഹാദേവൻ}}", "സി .ഐ . മഹാദേവൻ"),
    # A film-name template: the name in its own script labelled with its language, then its romanisations.
    ("{{Film name|kanji=千と千尋の神隠し|romaji=Sen to Chihiro no Kamikakushi}}",
     "Japanese: 千と千尋の神隠し\nSen to Chihiro no Kamikakushi"),
    ("{{Infobox name module|traditional={{linktext|奔|愛}}|simplified={{linktext|奔|爱}}|pinyin=Bēn Ài}}",
     "Traditional Chinese: 奔愛\nSimplified Chinese: 奔爱\nBēn Ài"),
    ("{{Chinese|child=yes|t=龍爭虎鬥|s=龙争虎斗|l=Dragon Tiger}}",
     "Traditional Chinese: 龍爭虎鬥\nSimplified Chinese: 龙争虎斗"),
    ("Budget{{fact|date=May 2017}}", "Budget"),
]


@pytest.mark.parametrize(("wikitext", "shown"), CASES, ids=[c[0][:30] for c in CASES])
def test_template_renders_as_a_reader_sees_it(wikitext: str, shown: str) -> None:
    assert render(wikitext) == shown


def test_unknown_templates_are_reported_not_rendered() -> None:
    unknown: list[str] = []
    assert render("Ann Berg {{Some unknown template|x}}", unknown).strip() == "Ann Berg"
    assert unknown == ["some unknown template"]


def test_unknown_template_in_an_infobox_value_is_a_warning() -> None:
    article = parse_wikitext("{{Infobox film\n| director = Ann Berg {{Mystery box|x}}\n}}\n'''Heat''' is a film.",
                             source="urn:x")
    assert article.infobox[0].values == ("Ann Berg",)
    assert article.warnings == (
        "<wikitext>: infobox 'director': unknown template {{mystery box}}: only its links read",)


def test_every_renderer_key_is_normalised() -> None:
    assert all(key == key.casefold().strip() and "_" not in key for key in RENDERERS)


def test_an_unknown_template_in_an_infobox_value_keeps_only_its_linked_values() -> None:
    from filmgraph import extract_film

    article = parse_wikitext("{{Infobox film\n| name = Heat\n| distributor = [[Toho]]<br>{{English manga publisher"
                             "|US=[[Columbia Pictures]]<br>[[Triumph Films|Triumph Releasing Corporation]]"
                             "|note=1986}}\n"
                             "}}\n'''Heat''' is a film.\n", source="https://en.wikipedia.org/wiki/Heat")
    assert [d.name for d in extract_film(article).distributor] == ["Toho", "Columbia Pictures",
                                                                  "Triumph Releasing Corporation"]
