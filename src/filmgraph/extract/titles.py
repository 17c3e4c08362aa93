"""Original titles: which form of a film's name is its own title, and the language that title is in.

A page gives a film's own title beside its English one in several ways: an infobox ``film name`` (a
``{{Film name}}`` whose parameters say the script: ``kanji``, ``hangul``, ``traditional`` …, rendered by the
reader as "Japanese: 千と千尋の神隠し"), a labelled title ("(Catalan: Títol)"), or the lead's brackets
("Totoro (となりのトトロ, Tonari no Totoro)"). A romanisation of it (romaji, pinyin) is not the title, and
neither is a translation: "(English: Wave)" or "("Miracle")" glosses the title, it does not give it.
"""

from __future__ import annotations

import re
import unicodedata

from filmgraph import reference

# Scripts (the first word of a letter's Unicode name) and the languages written in them, as BCP 47 codes:
# an untagged title in a script is in the film's language only if that language is written so.
SCRIPT_LANGUAGES: dict[str, frozenset[str]] = {
    "CJK": frozenset({"zh", "ja", "ko", "cmn", "yue"}), "HIRAGANA": frozenset({"ja"}),
    "KATAKANA": frozenset({"ja"}), "HANGUL": frozenset({"ko"}),
    "ARABIC": frozenset({"ar", "ur", "fa", "ps", "ku", "sd"}), "HEBREW": frozenset({"he", "yi"}),
    "DEVANAGARI": frozenset({"hi", "mr", "ne", "sa", "bho", "mai"}), "BENGALI": frozenset({"bn", "as"}),
    "MALAYALAM": frozenset({"ml"}), "TAMIL": frozenset({"ta"}), "TELUGU": frozenset({"te"}),
    "KANNADA": frozenset({"kn"}), "GUJARATI": frozenset({"gu"}), "GURMUKHI": frozenset({"pa"}),
    "ORIYA": frozenset({"or"}), "SINHALA": frozenset({"si"}), "THAI": frozenset({"th"}), "LAO": frozenset({"lo"}),
    "KHMER": frozenset({"km"}), "MYANMAR": frozenset({"my"}), "GEORGIAN": frozenset({"ka"}),
    "ARMENIAN": frozenset({"hy"}), "GREEK": frozenset({"el"}), "ETHIOPIC": frozenset({"am", "ti"}),
    "CYRILLIC": frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "mn", "tg"}),
}

# "Catalan: Títol" names the language; "US release title: …" or "French title: …" label another title the
# film was released under, not its own.
_LABEL_RE = re.compile(r"^(?P<label>[A-Z][\w-]*(?:\s[\w-]+){0,3}?)\s*:\s*(?P<title>.+)$")
# Where a title's own form ends and its romanisation or gloss begins: "獣兵衛忍風帖 - Hepburn: Jūbē Ninpūchō".
_PART_BREAK_RE = re.compile(r"\s*(?:[,;，、]|\s[-–—]\s)\s*")
_GLOSS_RE = re.compile(r"^(?:lit(?:erally|\.)|transl(?:ated|ation|\.)?|trans\.|meaning|also known|aka\b|a\.k\.a\.)",
                       re.IGNORECASE)
_QUOTES = "\"“”'‘’"


def script_of(text: str) -> str | None:
    """The script of a text's letters other than Latin ones: "CJK", "HIRAGANA", …; None for Latin text.

    >>> script_of("千と千尋の神隠し"), script_of("Druk"), script_of("دیکھ مگر پیار سے")
    ('HIRAGANA', None, 'ARABIC')
    """
    scripts = []
    for char in text:
        if not char.isalpha():
            continue
        word = unicodedata.name(char, "").split(" ", 1)[0]
        if word != "LATIN":
            scripts.append(word)
    if not scripts:
        return None
    # Kana make a text Japanese, whatever kanji it also holds.
    for kana in ("HIRAGANA", "KATAKANA"):
        if kana in scripts:
            return kana
    return max(dict.fromkeys(scripts), key=scripts.count)  # the first seen wins a tie: the same in every process


def language_for(title: str, film_languages: list[str]) -> str | None:
    """The language of an untagged original title: the film's first language that is written in the title's
    script (any of them for a title in Latin letters); the script's language when it has only one.

    >>> language_for("となりのトトロ", ["en"]), language_for("奔愛", ["cmn"]), language_for("龍爭虎鬥", ["en"])
    ('ja', 'cmn', None)
    """
    script = script_of(title)
    if script is None:
        return next(iter(film_languages), None)
    written = SCRIPT_LANGUAGES.get(script, frozenset())
    found = next((code for code in film_languages if code in written or code.split("-")[0] in written), None)
    if found:
        return found
    return next(iter(written)) if len(written) == 1 else None


def _unwrapped(text: str) -> str:
    text = text.strip()
    while len(text) > 1 and text[0] + text[-1] in ("()", "[]"):
        text = text[1:-1].strip()
    return text


def _is_quoted(text: str) -> bool:
    return len(text) > 1 and text[0] in _QUOTES and text[-1] in _QUOTES


# Where a Chinese film's own title is written in which characters: simplified in the People's Republic,
# traditional in Hong Kong, Macau and Taiwan (ISO 3166 codes).
CHINESE_SCRIPTS = {"CN": "zh-Hans", "HK": "zh-Hant", "MO": "zh-Hant", "TW": "zh-Hant"}


def chinese_form(forms: dict[str, str], countries: list[str]) -> tuple[str, str] | None:
    """Of a title written in traditional and simplified characters (``forms``: BCP 47 code → title), the one of
    the film's country, when its countries agree on one.

    >>> chinese_form({"zh-Hant": "奔愛", "zh-Hans": "奔爱"}, ["CN"]), chinese_form({"zh-Hant": "奔愛"}, ["HK", "CN"])
    (('奔爱', 'zh-Hans'), None)
    """
    scripts = {CHINESE_SCRIPTS[code] for code in countries if code in CHINESE_SCRIPTS}
    if len(scripts) != 1:
        return None
    script = scripts.pop()
    return (forms[script], script) if script in forms else None


def labelled_forms(parts: list[str]) -> dict[str, str]:
    """The titles ``parts`` label with a language, by its BCP 47 code: {"zh-Hant": "奔愛", "zh-Hans": "奔爱"}."""
    forms: dict[str, str] = {}
    for part in parts:
        labelled = _LABEL_RE.match(_unwrapped(part))
        entry = reference.language(labelled["label"]) if labelled else None
        if labelled and entry is not None and entry.code:
            forms.setdefault(entry.code, labelled["title"].strip())
    return forms


def original_title(parts: list[str]) -> tuple[str, str | None] | None:
    """(title, BCP 47 language or None) of the film's own title among ``parts``: the values of an infobox
    ``film name`` one per line, or the pieces of the lead's brackets. A part labelled with a language is the
    title in it ("Catalan: Títol"), unless that language is English: "English: Wave" translates the title. A
    quoted part is a translation too. Without a label, the first part in a script other than Latin is the
    title (its romanisation follows it), else the first part.

    >>> original_title(["(Catalan: Títol)"]), original_title(["Japanese: 千と千尋の神隠し", "Sen to Chihiro"])
    (('Títol', 'ca'), ('千と千尋の神隠し', 'ja'))
    >>> original_title(["となりのトトロ, Tonari no Totoro"])
    ('となりのトトロ', None)
    >>> original_title(["English: God"]), original_title(['"Miracle"'])
    (None, None)
    """
    candidates: list[tuple[str, str | None]] = []
    for part in parts:
        text = _unwrapped(part)
        labelled = _LABEL_RE.match(text)
        entry = reference.language(labelled["label"]) if labelled else None
        if labelled and entry is None and not script_of(labelled["label"]):
            # "Hepburn: Jūbē Ninpūchō", "US release title: …": a label that names no language labels another
            # form of the title.
            continue
        if entry is not None:
            if entry.code == "en":
                continue
            text = labelled["title"]
        pieces = [p for p in _PART_BREAK_RE.split(text) if p.strip()]
        if not pieces:
            continue
        first = pieces[0].strip()
        if _GLOSS_RE.match(first):
            continue
        if script_of(first) is None and entry is None:
            # A title in Latin letters keeps its commas ("Ó Paí, Ó"); only a gloss after it is cut.
            first = re.split(r"\s*(?:;|,\s*(?:lit(?:erally|\.)|transl)|\s+lit\.)", text)[0].strip()
        if _is_quoted(first):
            if entry is None:
                continue  # ("Miracle"): a translation in quotes, not the title
            first = first[1:-1].strip()
        if first:
            candidates.append((first, entry.code if entry else None))
    labelled_titles = [c for c in candidates if c[1]]
    if labelled_titles:
        return labelled_titles[0]
    native = [c for c in candidates if script_of(c[0])]
    return native[0] if native else (candidates[0] if candidates else None)
