"""Wikitext templates as a reader sees them: a table of small renderers keyed by normalised name.

Adding a template is one entry in ``RENDERERS`` (and one fixture line in ``tests/test_templates.py``).
A template that is in no table is reported to the caller (``unknown``) and renders as nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mwparserfromhell.nodes import Template
from mwparserfromhell.wikicode import Wikicode

from filmgraph import reference

Render = Callable[[Wikicode, "list[str] | None"], str]
Renderer = Callable[[Template, Render], str]

# Templates that show nothing a reader takes as a fact (notes, citations, maintenance).
DROPPED = frozenset({
    "efn", "refn", "sfn", "cite web", "cite news", "citation needed", "cn", "short description", "use dmy dates",
    "use mdy dates", "reflist", "imdb title", "portal", "fact", "rp", "better source", "estimation", "dubious",
    "clarify", "when", "according to whom", "by whom", "vague", "verification needed", "failed verification",
    "citation needed span", "dead link", "webarchive", "inflation-fn", "snd", "small caps",
})
DROPPED_PREFIXES = ("infobox", "cite ")
_RESULT_TEXT = {"won": "Won", "nom": "Nominated", "nominated": "Nominated", "pending": "Pending", "tba": "TBA",
                "draw": "Shared", "runner-up": "Runner-up", "won-2nd": "Runner-up"}


def normalize_name(template: Template) -> str:
    """The key a template is looked up by: casefolded, underscores as spaces."""
    return str(template.name).strip().casefold().replace("_", " ")


def _positional(template: Template, render: Render) -> list[str]:
    return [render(p.value, None).strip() for p in template.params if not p.showkey]


def _month(value: str) -> str:
    return reference.MONTH_NAMES[int(value)] if value.isdigit() and 1 <= int(value) <= 12 else value


def _date_parts(parts: list[str]) -> str:
    year, month, day = (parts + ["", "", ""])[:3]
    return " ".join(p for p in (day, _month(month) if month else "", year) if p)


def _list(template: Template, render: Render) -> str:
    items = []
    for value in _positional(template, render):
        items += [line.lstrip("*# ").strip() for line in value.splitlines() if line.strip("*# ").strip()]
    return "\n".join(items)


def _film_date(template: Template, render: Render) -> str:
    """{{Film date|year|month|day|place|year|month|day|place…}}: a release a line. A year where a place belongs opens
    the next release ("{{Film date|2001|5|5|ref1=…|2001|6|10|United States}}": the first release names no place)."""
    parts = _positional(template, render)
    releases = []
    index = 0
    while index < len(parts):
        date, place = _date_parts(parts[index:index + 3]), (parts[index + 3:index + 4] or [""])[0]
        if _YEAR_RE.fullmatch(place) and index + 4 < len(parts):
            place, index = "", index + 3
        else:
            index += 4
        releases.append(f"{date} ({place})" if place else date)
    return "\n".join(r for r in releases if r)


_YEAR_RE = re.compile(r"\d{4}")


def _date(template: Template, render: Render) -> str:
    return _date_parts(_positional(template, render))


def _runtime(template: Template, render: Render) -> str:
    """{{Runtime|95}} is 95 minutes; {{Runtime|1|59}} is one hour and 59 minutes."""
    parts = _positional(template, render)
    if len(parts) >= 2 and parts[0].isdigit() and parts[1].isdigit():
        return f"{int(parts[0]) * 60 + int(parts[1])} minutes"
    return f"{parts[0]} minutes" if parts else ""


# Parameters of {{Film name}} / {{Infobox name module}} / {{Chinese}} that hold the name in its own script, and
# the language that script writes here; a parameter named after a language ("hindi") is in that language.
_NATIVE_SCRIPT_PARAMS = {"kanji": "Japanese", "kana": "Japanese", "hiragana": "Japanese", "katakana": "Japanese",
                         "hangul": "Korean", "hanja": "Korean", "traditional": "Traditional Chinese",
                         "simplified": "Simplified Chinese", "t": "Traditional Chinese", "s": "Simplified Chinese",
                         "c": "Chinese", "zh": "Chinese"}
# Parameters that say how the template is laid out, never a name.
_LAYOUT_PARAMS = frozenset({"child", "title", "labels", "order", "first", "italic", "italics", "collapse", "l",
                            "lit", "literal", "lk", "links", "showflag", "hide", "ci", "mi", "ipa"})


def _names(template: Template, render: Render) -> str:
    """The names of a film-name template, one per line: each name in its own script first, labelled with its
    language ("Japanese: 千と千尋の神隠し"), then its romanisations."""
    native, others = [], []
    coded = None  # "{{Infobox name module|es|Mar adentro}}": a language's code before the name in it
    # "{{Infobox name module|language=Italian|title=Nuovo Cinema Paradiso}}": the language of the name titled.
    stated = next((entry.name for param in template.params
                   if str(param.name).strip().casefold() in ("language", "lang")
                   and (entry := reference.language(render(param.value, None).strip()))), None)
    for param in template.params:
        key = str(param.name).strip().casefold()
        value = render(param.value, None).strip()
        if key in ("language", "lang"):
            continue
        if key == "title" and stated and value:
            native.append(f"{stated}: {value}" if stated != "English" else value)
            continue
        if not value or value.startswith(("{", "[")) or key in _LAYOUT_PARAMS:
            continue
        if not param.showkey and re.fullmatch(r"[a-z]{2,3}", value) and (named := reference.language_of_code(value)):
            coded = named
            continue
        # Only languages of filmgraph's own table: CLDR also names romanisations ("Pinyin") as languages.
        language = _NATIVE_SCRIPT_PARAMS.get(key) or (
            entry.name if param.showkey and (entry := reference.language(key)) and entry.qid else None) or coded
        coded = None
        if language and language != "English":
            native.append(f"{language}: {value}")
        else:
            others.append(value)
    return "\n".join(native + others)


def _sort(template: Template, render: Render) -> str:
    parts = _positional(template, render)
    return parts[-1] if parts else ""


def _sortname(template: Template, render: Render) -> str:
    return " ".join(_positional(template, render)[:2])


def _first(template: Template, render: Render) -> str:
    parts = _positional(template, render)
    return parts[0] if parts else ""


# A critics' vote's place ("2nd place", "runner-up"): neither a win nor a nomination.
PLACEMENT_RE = re.compile(r"\b(?:(?!1st\b)\d+(?:st|nd|rd|th)|second|third|fourth|fifth)\s+place\b|\brunners?[- ]up\b",
                          re.IGNORECASE)


def _result(text: str) -> Renderer:
    """A result template's word; "{{won|Runner-up}}" shows its text, a place in a vote, in the winners' colour."""
    def render_result(template: Template, render: Render) -> str:
        shown = _first(template, render)
        if template.has("place"):  # "{{Won|place=2nd}}": a place in a vote, not the win itself
            place = render(template.get("place").value, None).strip()
            shown = place if re.search(r"(?i)runner", place) else f"{place} place"
        return shown if shown and PLACEMENT_RE.search(shown) else text
    return render_result


def _currency(symbol: str) -> Renderer:
    """{{INR}} shows "₹"; {{US$|10 million}} shows "US$10 million"."""
    def render_amount(template: Template, render: Render) -> str:
        parts = _positional(template, render)
        return symbol + (parts[0] if parts else "")
    return render_amount


# {{INRConvert|75|m}}: the unit letters of Indian amounts.
_INR_UNITS = {"k": "thousand", "l": "lakh", "c": "crore", "lc": "lakh crore", "m": "million", "b": "billion"}


def _inr_convert(template: Template, render: Render) -> str:
    parts = _positional(template, render)
    if not parts:
        return ""
    unit = _INR_UNITS.get(parts[1].casefold(), "") if len(parts) > 1 else ""
    return f"₹{parts[0]} {unit}".strip()


def _nihongo(template: Template, render: Render) -> str:
    """{{nihongo|The Blue Kite|青い凧|Aoi Tako}} shows the English and, in
    brackets, the Japanese."""
    parts = _positional(template, render)
    english, rest = (parts[0] if parts else ""), [p for p in parts[1:3] if p]
    return f"{english} ({', '.join(rest)})" if english and rest else english or (rest[0] if rest else "")


def _based_on(template: Template, render: Render) -> str:
    parts = _positional(template, render)
    return f"{parts[0]} by {' and '.join(parts[1:])}" if len(parts) > 1 else (parts[0] if parts else "")


def _anime_voices(template: Template, render: Render) -> str:
    """{{Anime voices|Yui Sato|Ann Berg}} shows the Japanese voice, then the English ones, as the template does:
    "Voiced by: Yui Sato (Japanese); Ann Berg (English)"."""
    parts = [part for part in _positional(template, render) if part]
    if not parts:
        return ""
    credits = [f"{parts[0]} (Japanese)", *(f"{part} (English)" for part in parts[1:])]
    return "Voiced by: " + "; ".join(credits)


def _native_name(template: Template, render: Render) -> str:
    """{{native name|es|Yo quiero una mujer así}}: the name, labelled with its language ("Spanish: …")."""
    parts = _positional(template, render)
    if len(parts) < 2:
        return parts[0] if parts else ""
    language = reference.language_of_code(parts[0])
    return f"{language}: {parts[1]}" if language else parts[1]


def _ipa(template: Template, render: Render) -> str:
    """{{IPA-fr|la ˈɛn|lang}} and {{IPA|fr|la ˈɛn}}: "French pronunciation: [la ˈɛn]", as the page shows it with
    its language (which says what language the word before it is in)."""
    name = normalize_name(template)
    parts = _positional(template, render)
    code = name[4:] if name.startswith("ipa-") else (parts.pop(0) if parts else "")
    sound = parts[0] if parts else ""
    language = reference.language_of_code(code)
    return f"{language} pronunciation: [{sound}]" if language and sound else f"[{sound}]" if sound else ""


def _lang(template: Template, render: Render) -> str:
    """{{lang|da|Druk}} is the text; {{lang-da|Druk}} and {{langx|da|Druk}} name the language too."""
    name = normalize_name(template)
    parts = _positional(template, render)
    code = name[5:] if name.startswith("lang-") else (parts.pop(0) if parts else "")
    text = parts[0] if parts else ""
    language = reference.language_of_code(code)
    return f"{language}: {text}" if language and name != "lang" else text


RENDERERS: dict[str, Renderer] = {
    **dict.fromkeys(("plainlist", "plain list", "ubl", "unbulleted list", "flatlist", "flat list", "hlist",
                     "bulleted list", "collapsible list"), _list),
    **{name: _result(text) for name, text in _RESULT_TEXT.items()},
    **dict.fromkeys(("film date", "filmdate"), _film_date),
    **dict.fromkeys(("start date", "start date and age", "release date", "dts", "date table sorting", "birth date"),
                    _date),
    **dict.fromkeys(("runtime", "duration"), _runtime),
    "inrconvert": _inr_convert, "¥": _currency("¥"), "jpy": _currency("¥"), "yen": _currency("¥"),
    "nihongo": _nihongo, "anime voices": _anime_voices, "based on": _based_on, "native name": _native_name,
    **dict.fromkeys(("chinese", "zh"), _names), "ipa": _ipa,
    "interlanguage link multi": _first, "illm": _first, "linktext": lambda template, render: "".join(
        _positional(template, render)),
    "inr": _currency("₹"), "us$": _currency("US$"), "usd": _currency("US$"), "philippine peso": _currency("₱"),
    "gbp": _currency("£"), "euro": _currency("€"),
    # {{Film name|native title|…}} and {{Infobox name module|…}}: the names, one per line.
    **dict.fromkeys(("film name", "infobox name module"), _names),
    "sort": _sort,
    "sortname": _sortname,
    # {{nbsp}}, {{spaces}}: a space the reader sees ("₹118.7{{nbsp}}crore").
    **dict.fromkeys(("nbsp", "spaces", "space", "sp"), lambda template, render: " "),
    **dict.fromkeys(("nowrap", "small", "big", "nobold", "noitalic", "ill", "interlanguage link", "abbr",
                     "visible anchor", "anchor", "sic", "nobr", "lang-rtl"), _first),
}
# Families of templates known by the start of their name ({{lang-da}}, {{langx}}).
PREFIX_RENDERERS: tuple[tuple[str, Renderer], ...] = (("lang", _lang), ("ipa-", _ipa))


def shows_nothing(name: str) -> bool:
    """Whether a template of this (normalised) name renders as nothing: a citation, a note, a maintenance tag."""
    return name not in RENDERERS and (name in DROPPED or name.startswith(DROPPED_PREFIXES))


def render_template(template: Template, render: Render, unknown: list[str] | None = None) -> str:
    """The text a reader sees of one template; ``render`` renders the wikicode of its parameters."""
    name = normalize_name(template)
    if shows_nothing(name):
        return ""
    renderer = RENDERERS.get(name)
    if renderer is None and not name.startswith("lang-rtl"):
        renderer = next((r for prefix, r in PREFIX_RENDERERS if name.startswith(prefix)), None)
    if renderer is None:
        if unknown is not None:
            unknown.append(name)
            # In an infobox value, an unknown template's linked parameters are what the reader sees of it:
            # "{{English manga publisher|US=[[Columbia Pictures]]<br>[[Triumph Films|Triumph]]}}".
            return "\n".join(render(param.value) for param in template.params if "[[" in str(param.value))
        return ""
    return renderer(template, render)
