"""Fact scores on variants of the annotated pages that a person reads exactly as the original.

Each variant rewrites a page's markup without changing what it says: template names in another case, spacing
around `|` and `=`, `<br>` spelled three ways, headings with and without spaces, comments and references
inserted, an infobox's fields in another order, dates in the other English order, CRLF line ends, links written
`[[A|A]]` or with underscores, non-breaking spaces. A fact the original page gives and a variant loses is a rule
that holds only for one spelling. Prints, per kind of variant, the facts found against the unchanged pages, and
each fact lost (page, variant, fact).

Content variants say other things, and the expected facts change with them: people renamed (crew, cast,
nominees, in every place the page names them), the title renamed, runtime and money figures changed, the film's
years shifted. Each is scored against its expected file mapped the same way: the mapped file keeps the original's
shape, so its i-th fact is the original's i-th fact renamed, and is compared with what the unchanged page gave.

Usage: ``python benchmarks/variants.py [--seed N] [--rounds R] [--only KIND]`` (default: every kind once, seed 1,
plus R rounds of all markup kinds at once with random choices, and R rounds of all content and markup kinds).
"""

from __future__ import annotations

import argparse
import calendar
import csv
import difflib
import json
import random
import re
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import mwparserfromhell
from rdflib import Graph

from filmgraph import RdfFormat
from filmgraph.pipeline import export_one

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from corpus import annotated_pages, score  # noqa: E402
from factview import facts  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"  # the sample article, beside the repository
MONTHS = ("January February March April May June July August September October November December").split()
_MONTH = "|".join(MONTHS)

Mutation = Callable[[str, random.Random], str]


def template_case(text: str, rng: random.Random) -> str:
    """{{Infobox film → {{infobox film, {{plainlist → {{Plainlist: MediaWiki folds a template name's first letter."""
    def flip(match: re.Match[str]) -> str:
        first = match.group(2)
        return match.group(1) + (first.lower() if first.isupper() else first.upper())
    return re.sub(r"(\{\{\s*)([A-Za-z])", flip, text)


def spacing(text: str, rng: random.Random) -> str:
    """`| key = value` → `|key=value` or `| key   =   value` inside templates."""
    wide = rng.random() < 0.5
    def respace(match: re.Match[str]) -> str:
        return f"| {match.group(1)}   =   " if wide else f"|{match.group(1)}="
    return re.sub(r"^\|\s*([a-z_ 0-9]+?)\s*=\s*", respace, text, flags=re.MULTILINE)


def line_breaks(text: str, rng: random.Random) -> str:
    """<br>, <br/>, <br />, <BR> are one line break."""
    return re.sub(r"<br\s*/?>", lambda _: rng.choice(["<br>", "<br/>", "<br />", "<BR>"]), text, flags=re.I)


def headings(text: str, rng: random.Random) -> str:
    """==Cast== and == Cast == are one heading."""
    def respace(match: re.Match[str]) -> str:
        marks, title = match.group(1), match.group(2).strip()
        return f"{marks} {title} {marks}" if rng.random() < 0.5 else f"{marks}{title}{marks}"
    return re.sub(r"^(=+)\s*([^=\n]+?)\s*\1\s*$", respace, text, flags=re.MULTILINE)


def comments(text: str, rng: random.Random) -> str:
    """An editor's comment after some lines."""
    lines = text.split("\n")
    return "\n".join(line + ("<!-- checked -->" if line and rng.random() < 0.15 else "") for line in lines)


def references(text: str, rng: random.Random) -> str:
    """A citation after some sentences and list items."""
    ref = '<ref name="v{}">{{{{cite web |title=Notes |website=Example |date=1 May 2001}}}}</ref>'
    counter = iter(range(10**6))
    def cite(match: re.Match[str]) -> str:
        return match.group(0) + (ref.format(next(counter)) if rng.random() < 0.3 else "")
    return re.sub(r"(?<=[a-z]{3})\.(?= [A-Z])", cite, text)  # after a word, not an abbreviation ("Dr.")


def infobox_order(text: str, rng: random.Random) -> str:
    """An infobox's fields in another order (each field keeps its own spacing and line end)."""
    code = mwparserfromhell.parse(text)
    for template in code.filter_templates(recursive=False):
        if str(template.name).strip().lower().startswith("infobox"):
            params = list(template.params)
            rng.shuffle(params)
            for param in list(template.params):
                template.remove(param, keep_field=False)
            for param in params:
                if not str(param.value).endswith("\n"):
                    param.value = str(param.value) + "\n"
                template.params.append(param)
    return str(code)


def date_order(text: str, rng: random.Random) -> str:
    """"May 5, 1999" ↔ "5 May 1999" in prose."""
    text = re.sub(rf"\b({_MONTH}) (\d{{1,2}}), (\d{{4}})\b", r"\2 \1 \3", text)
    return text


def crlf(text: str, rng: random.Random) -> str:
    """Windows line ends."""
    return text.replace("\n", "\r\n")


def links(text: str, rng: random.Random) -> str:
    """[[Ann Berg]] → [[Ann Berg|Ann Berg]] or [[Ann_Berg|Ann Berg]]."""
    def relink(match: re.Match[str]) -> str:
        target = match.group(1)
        if rng.random() < 0.5:
            return f"[[{target}|{target}]]"
        return f"[[{target.replace(' ', '_')}|{target}]]"
    return re.sub(r"\[\[([^\[\]|:#]+)\]\]", relink, text)


def nbsp(text: str, rng: random.Random) -> str:
    """A non-breaking space between some words of the prose and lists."""
    return re.sub(r"(?<=[a-z]) (?=[A-Z][a-z])", lambda _: "&nbsp;" if rng.random() < 0.2 else " ", text)


def cast_dash(text: str, rng: random.Random) -> str:
    """"* Ann Berg as Elsa" → "* Ann Berg – Elsa" or "* Ann Berg ... Elsa" in lists (both common on real pages)."""
    mark = rng.choice([" – ", " ... ", " — "])
    # A line with one "as" only: "A as X and B as Y" is written with "as" or not at all.
    # (Within the line: a line ending in "as" keeps its sub-items below it.)
    return re.sub(r"^(\*+(?:(?! as )[^\n])*?(?:\]\]|[a-z]))[ \t]+as[ \t]+(?=(?:(?! as )[^\n])*$)",
                  lambda m: m.group(1) + mark, text, flags=re.MULTILINE)


def list_templates(text: str, rng: random.Random) -> str:
    """{{ubl|A|B}} ↔ {{plainlist|* A * B}} ↔ A<br />B in the infobox: one list, three spellings."""
    def relist(match: re.Match[str]) -> str:
        items = [item.strip() for item in _top_level_split(match.group(1))]
        if any("=" in item.split("[[")[0] for item in items):
            return match.group(0)
        style = rng.choice(["plainlist", "br", "unbulleted list"])
        if style == "plainlist":
            return "{{Plainlist|\n" + "".join(f"* {item}\n" for item in items) + "}}"
        if style == "br":
            return "<br />".join(items)
        return "{{Unbulleted list|" + "|".join(items) + "}}"
    return re.sub(r"\{\{\s*(?:[Uu]bl|[Uu]nbulleted list)\s*\|((?:[^{}]|\{\{[^{}]*\}\})*)\}\}", relist, text)


def _top_level_split(text: str) -> list[str]:
    pieces, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char == "|" and depth == 0:
            pieces.append(text[start:index])
            start = index + 1
    return [*pieces, text[start:]]


def template_aliases(text: str, rng: random.Random) -> str:
    """Redirects MediaWiki follows: {{Infobox Film}}, {{Plain list}}, {{Won}}/{{won}}, {{Nom}}/{{nom}}."""
    text = re.sub(r"\{\{\s*[Ii]nfobox film\b", lambda _: rng.choice(["{{Infobox Film", "{{infobox film"]), text)
    text = re.sub(r"\{\{\s*[Pp]lainlist\b", lambda _: rng.choice(["{{Plain list", "{{plainlist"]), text)
    text = re.sub(r"\{\{\s*[Nn]om\s*\}\}", lambda _: rng.choice(["{{Nominated}}", "{{nom}}"]), text)
    return text


def heading_synonyms(text: str, rng: random.Random) -> str:
    """Section names editors use for one section."""
    names = {"Cast": ["Cast and characters", "Cast", "Principal cast"],
             "Accolades": ["Awards and nominations", "Accolades", "Awards"],
             "Awards and nominations": ["Accolades", "Awards"],
             "Release": ["Release", "Distribution"]}
    def rename(match: re.Match[str]) -> str:
        title = match.group(2).strip()
        return f"{match.group(1)}{rng.choice(names[title])}{match.group(1)}" if title in names else match.group(0)
    return re.sub(r"^(==+)([^=\n]+)\1\s*$", rename, text, flags=re.MULTILINE)


def runtime_unit(text: str, rng: random.Random) -> str:
    """"| runtime = 145 minutes" → "145 min." or "145 mins"."""
    return re.sub(r"(\|\s*runtime\s*=\s*\d+)\s*minutes", lambda m: m.group(1) + rng.choice([" min.", " mins", " min"]),
                  text)


def money_format(text: str, rng: random.Random) -> str:
    """"$2.8 million" → "US$2.8 million" or "$2.8&nbsp;million"."""
    return re.sub(r"(?<![\w$])\$(\d+(?:\.\d+)?) million",
                  lambda m: rng.choice([f"US${m.group(1)} million", f"${m.group(1)}&nbsp;million"]), text)


def cast_order(text: str, rng: random.Random) -> str:
    """The cast section's list items in another order (each keeps its sub-items)."""
    def reorder(section: re.Match[str]) -> str:
        def shuffle(run: re.Match[str]) -> str:
            items = re.findall(r"^\*(?!\*)[^\n]*\n(?:\*\*[^\n]*\n)*", run.group(0), flags=re.MULTILINE)
            open_item = any(item.count("{{") != item.count("}}") or len(re.findall(r"<ref(?![^>]*/>)", item))
                            != item.count("</ref") for item in items)
            if open_item:  # an item goes on past its line (a citation): moving the line would break it
                return run.group(0)
            rng.shuffle(items)
            return "".join(items)
        return re.sub(r"(?:^\*[^\n]*\n)+", shuffle, section.group(0), flags=re.MULTILINE)
    return re.sub(r"^==+\s*[^=\n]*\bCast\b[^=\n]*==+\s*\n(?:(?!=)[^\n]*\n)*", reorder, text, flags=re.MULTILINE)


def lead_wording(text: str, rng: random.Random) -> str:
    """In the lead, "film directed by X" → "film from director X"; "starring X" → "featuring X"."""
    head, sep, rest = text.partition("\n==")
    # Only after "film": "co-produced and directed by X" would lose its first verb.
    head = re.sub(r"\b(film|movie) directed by (?=\[\[|[A-Z])",
                  lambda m: m.group(1) + rng.choice([" from director ", " by director "]), head, count=1)
    head = re.sub(r"\bstarring (?=\[\[|[A-Z])", lambda _: rng.choice(["featuring ", "with "]), head, count=1)
    return head + sep + rest


def no_references(text: str, rng: random.Random) -> str:
    """Every <ref>…</ref> and <ref …/> removed (what a reader skips)."""
    text = re.sub(r"<ref\b[^>/]*/>", "", text, flags=re.IGNORECASE)
    return re.sub(r"<ref\b[^>]*>.*?</ref\s*>", "", text, flags=re.IGNORECASE | re.DOTALL)


def rewrap(text: str, rng: random.Random) -> str:
    """A prose paragraph broken into lines after some sentences: one newline inside a paragraph is a space."""
    lines, depth = [], 0
    for line in text.split("\n"):
        if depth == 0 and len(line) > 150 and re.match(r"[A-Z'\[]", line):
            line = re.sub(r"(?<=[a-z]{3}\.) (?=[A-Z])", lambda _: "\n" if rng.random() < 0.5 else " ", line)
        depth = max(0, depth + line.count("{{") - line.count("}}"))
        lines.append(line)
    return "\n".join(lines)


def unlink(text: str, rng: random.Random) -> str:
    """Half the links outside the infobox written as their plain words: [[Ann Berg (actress)|Ann Berg]] → Ann Berg."""
    start = text.find("\n==")
    head, body = (text[:start], text[start:]) if start >= 0 else (text, "")
    lead_start = head.rfind("\n}}")  # the lead follows the infobox
    lead_start = lead_start + 3 if lead_start >= 0 else 0
    def plain(match: re.Match[str]) -> str:
        return (match.group(2) or match.group(1)) if rng.random() < 0.5 else match.group(0)
    pattern = r"\[\[(?![^\]|]*:)([^\[\]|]+)(?:\|([^\[\]|]+))?\]\]"
    return head[:lead_start] + re.sub(pattern, plain, head[lead_start:] + body)


MUTATIONS: dict[str, Mutation] = {
    "template case": template_case, "spacing": spacing, "line breaks": line_breaks, "headings": headings,
    "comments": comments, "references": references, "infobox order": infobox_order, "date order": date_order,
    "crlf": crlf, "links": links, "nbsp": nbsp, "cast dash": cast_dash, "list templates": list_templates,
    "template aliases": template_aliases, "heading synonyms": heading_synonyms, "runtime unit": runtime_unit,
    "money format": money_format, "cast order": cast_order, "lead wording": lead_wording,
    "no references": no_references, "rewrap": rewrap, "unlink": unlink,
}


# ------------------------------------------------------------------ content: the page says other things, and the
# expected facts change with it (a ContentMutation returns the rewritten page and the rewritten expected facts)

ContentMutation = Callable[[str, dict[str, Any], random.Random], tuple[str, dict[str, Any]]]
Expected = dict[str, Any]

_PEOPLE_KEYS = ("directors", "writers", "producers", "composers", "cinematographers", "editors")
_PARTICLES = {"de", "da", "di", "del", "der", "van", "von", "la", "le", "bin", "al", "du", "dos", "y"}
_SUFFIXES = {"Jr.", "Sr.", "Jr", "II", "III", "IV"}
_ACCENTED = {"a": "á", "e": "é", "i": "í", "o": "ö", "u": "ü", "n": "ñ"}
_TITLE_WORDS = ("Harbor Silent Winter River Glass Crimson Hollow Summer Iron Lantern Orchard Paper Distant Copper "
                "Meadow Shadow Velvet Northern Falcon Tide Amber Echo Marble Thunder Willow Garden Broken Golden "
                "Stone Midnight Quiet Lonely Salt Cedar Bright Hidden Wild Morning Scarlet Frozen").split()
_COMPANY_WORDS = {"Films", "Film", "Pictures", "Productions", "Studios", "Studio", "Entertainment", "Company", "Inc.",
                  "Ltd", "Ltd.", "Media", "Group", "Corporation", "Releasing", "Distribution", "International"}
_TITLE_KEPT = {"movie", "film", "part", "chapter"}
_FUNCTION_WORDS = {"the", "a", "an", "of", "and", "in", "on", "to", "for", "with", "at", "by", "from", "or"}


def _map_strings(value: Any, change: Callable[[str], str]) -> Any:
    """Every string of an expected-facts structure passed through change (keys stay)."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [_map_strings(item, change) for item in value]
    if isinstance(value, dict):
        return {key: _map_strings(item, change) for key, item in value.items()}
    return value


def _invented_word(rng: random.Random, taken: str, length: int = 6) -> str:
    """A pronounceable capitalised word the page does not hold ("Vadrel", "Tomsik"), of about `length` letters
    (the extractor treats short and long names apart: a slip of one letter joins only long names)."""
    for attempt in range(200):
        syllables = max(2, round(length / 2.4))
        word = "".join(rng.choice(["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br",
                                   "dr", "st", "tr", "h", "j"]) + rng.choice("aeiou") for _ in range(syllables))
        word = (word + rng.choice(["", "n", "r", "l", "s", "k"])).capitalize()
        # Not an English word ("Here", "Rose"): most short ones that end in "e".
        if word not in taken and not word.endswith("e") and (abs(len(word) - length) <= 1 or attempt > 100):
            return word
    raise AssertionError("no fresh word")


def _fresh_token(token: str, rng: random.Random, taken: str) -> str:
    """One word of a name replaced by one of the same shape: initials stay initials, particles stay."""
    if re.fullmatch(r"[A-Z]\.?", token):  # an initial, with its dot or without ("Sundar C")
        return rng.choice([c for c in "ABCDEFGHJKLMNPRSTVW" if c != token[0]]) + token[1:]
    if token.lower() in _PARTICLES or token in _SUFFIXES or not token[:1].isalpha():
        return token
    if "-" in token:
        return "-".join(_fresh_token(part, rng, taken) for part in token.split("-"))
    prefix = re.match(r"(?:Mc|Mac|O'|D'|De|Di|La|Le)(?=[A-Z])", token)
    rest = len(token) - (len(prefix.group(0)) if prefix else 0)
    return (prefix.group(0) if prefix else "") + _invented_word(rng, taken, max(rest, 4))  # 3: "Her", "His"


def _accented(word: str, rng: random.Random, *, always: bool = False) -> str:
    """Sometimes (or always) one vowel of a word accented: Dorel → Doröl."""
    vowels = [i for i, c in enumerate(word) if c in _ACCENTED and i > 0]
    if not vowels or word.lower() in _PARTICLES or (rng.random() >= 0.15 and not always):
        return word
    at = rng.choice(vowels)
    return word[:at] + _ACCENTED[word[at]] + word[at + 1:]


def _skeleton(name: str) -> str:
    return re.sub(r"[\s.\-]", "", name).lower()


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _respelled(fresh: str, old: str, variant: str) -> tuple[str, str] | None:
    """fresh and its respelling, the same kind of slip that variant is of old: a vowel for a vowel (Stigar,
    Stiger), a letter doubled (Banerjee, Bannerjee), an "h" after a consonant (Shobana, Shobhana), an accent
    (Gonzales, González); None for another kind, which an invented name cannot copy."""
    if len(variant) < len(old):
        swapped = _respelled(fresh, variant, old)
        return (swapped[1], swapped[0]) if swapped else None
    if _plain(old) == old and _plain(variant) == old:  # an accent added
        return fresh, _accented(fresh, random.Random(fresh), always=True)
    edits = [op for op in difflib.SequenceMatcher(None, old.lower(), variant.lower()).get_opcodes() if op[0] != "equal"]
    if len(edits) != 1:
        return None
    tag, i1, i2, j1, j2 = edits[0]
    near = round(i1 * len(fresh) / max(len(old), 1))  # the slip at about the same place
    def nearest(test: Callable[[int], bool]) -> int | None:
        places = [i for i in range(1, len(fresh)) if test(i)]
        return min(places, key=lambda i: abs(i - near)) if places else None
    vowels = "aeiou"
    if tag == "replace" and i2 - i1 == j2 - j1 == 1 and old[i1] in vowels and variant[j1] in vowels:
        at = nearest(lambda i: fresh[i] in vowels)
        other = variant[j1] if at is not None and variant[j1] != fresh[at] else "e" if at and fresh[at] != "e" else "a"
        return None if at is None else (fresh, fresh[:at] + other + fresh[at + 1:])
    if tag == "insert" and j2 - j1 == 1:
        extra = variant[j1]
        if extra == "h":
            at = nearest(lambda i: fresh[i - 1] in "bcdgkpst")
            return None if at is None else (fresh, fresh[:at] + "h" + fresh[at:])
        if variant[j1 - 1:j1] == extra or variant[j1 + 1:j1 + 2] == extra:
            at = nearest(lambda i: fresh[i] not in vowels)
            return None if at is None else (fresh, fresh[:at] + fresh[at] + fresh[at:])
    return None


def _alias_words(expected: Expected, rng: random.Random, taken: str) -> dict[str, str]:
    """Fresh words for the other spellings of one person (same_person) that keep their kinship: Ali Raj = Aliraj
    → Dobo Trel = Dobotrel; Munir Reja = Munir Reza → Tadel Dobel = Tadel Dozel; a word that is no respelling
    (Robert = Bob, a pen name) is kept, since no invented name is another's nickname."""
    words: dict[str, str] = {}
    def fresh(token: str) -> str:
        if token not in words:
            words[token] = _fresh_token(token, rng, taken)
        return words[token]
    for group in expected.get("same_person", []):
        first = group[0].split(" ")
        kept = False  # a kinship the invented words cannot copy (Roopa Sri = Rupasri, Wendee Lee = Wendee Day)
        initials = [token for name in group for token in name.split(" ") if re.fullmatch(r"[A-Z]\.", token)]
        for other in (name.split(" ") for name in group[1:]):
            if len(first) != len(other) and _skeleton(" ".join(first)) == _skeleton(" ".join(other)):
                finer, coarse = (first, other) if len(first) > len(other) else (other, first)
                pieces = iter(finer)
                for token in coarse:  # each coarse word is finer words run together: "Aliraj" = "Ali" + "Raj"
                    joined, cursor = "", 0
                    while cursor < len(token):
                        piece = next(pieces)
                        found = token.lower().find(piece.lower(), cursor)
                        new = fresh(piece)
                        joined += token[cursor:found] + (new if token[found].isupper() else new.lower())
                        cursor = found + len(piece)
                    words[token] = joined
                continue
            same_length = len(first) == len(other)
            for place, token in enumerate(other):
                if token in first:
                    continue
                match = first[place] if same_length else max(
                    first, key=lambda mine, token=token: difflib.SequenceMatcher(None, mine, token).ratio())
                pair = (_respelled(fresh(match), match, token)
                        if difflib.SequenceMatcher(None, match.lower(), token.lower()).ratio() >= 0.6 else None)
                initial = next((mine for mine in initials if mine[0] == token[0]), None)
                if pair:
                    words[match], words[token] = pair
                elif initial:  # "R. D. Burman" = "Rahul Dev Burman": the word keeps the initial's letter
                    words[token] = fresh(initial)[0] + _invented_word(rng, taken, len(token)).lower()[1:]
                elif same_length and place == 0:  # another form of the given name (Jimmy, James): kept
                    words[token], words[match] = token, match
                elif same_length or not (set(first) <= set(other) or set(other) <= set(first)):
                    kept = True
        if kept:
            words.update((token, token) for name in group for token in name.split(" "))
    return words


def _person_names(expected: Expected) -> list[str]:
    names = [name for key in _PEOPLE_KEYS for name in expected.get(key, [])]
    names += [member["actor"] for member in expected.get("cast", [])]
    names += [who for nomination in expected.get("nominations", []) for who in nomination.get("nominees", [])]
    names += [name for key in ("same_person", "distinct_people") for group in expected.get(key, []) for name in group]
    # A company credited as producer ("Audubon Films") is no person: renamed as one, it would read as one.
    return [name for name in dict.fromkeys(names) if not _COMPANY_WORDS & set(name.split(" "))]


def _name_pattern(tokens: list[str]) -> str:
    """A name whose words are parted by a space, an underscore (link target), `|` ({{sortname|Ann|Berg}}), a
    hyphen ("Scott-Batchler" for Scott Batchler) or &nbsp;, the separators captured."""
    return (r"(?<!\w)(?<!\w')" + r"([ _|-]|&nbsp;)".join(re.escape(token) for token in tokens)
            + (r"(?!\w)" if tokens[-1][-1:].isalnum() else ""))


def rename_people(text: str, expected: Expected, rng: random.Random) -> tuple[str, Expected]:
    """Every person the expected facts name (crew, cast, nominees; in the infobox, lists, prose, tables and link
    targets: [[Ann Berg (actress)|Ann Berg]]) gets an invented name of the same shape, and so do their facts.
    A surname said alone ("Berg's script") follows, and so do the page's other names of that family."""
    renames: list[tuple[re.Pattern[str], list[str]]] = []
    taken = text
    words = _alias_words(expected, rng, taken)  # one fresh word for each word of the names: Berg's kin stay kin
    taken += " " + " ".join(words.values())
    for name in sorted(_person_names(expected), key=len, reverse=True):
        tokens = name.split(" ")
        pattern = re.compile(_name_pattern(tokens))
        if not pattern.search(text):
            continue  # written otherwise on the page: renaming only the facts would be no like-for-like test
        for token in tokens:
            if token not in words:
                words[token] = _accented(_fresh_token(token, rng, taken), rng)
                taken += " " + words[token]
        renames.append((pattern, [words[token] for token in tokens]))
    surnames = {name.split(" ")[-1] for name in _person_names(expected) if " " in name}
    given = {token for name in _person_names(expected) for token in name.split(" ")[:-1]}
    # A surname is renamed wherever it stands alone, in its family too ("Reitman cameos", "Jason Reitman"): a
    # surname left beside a renamed person would make "Reitman" another man.
    # (Never a surname that is a month's name, "March" or "May": alone, it is the month of a date more often.)
    alone = {old: words[old] for old in surnames
             if old in words and len(old) >= 4 and old not in _SUFFIXES and old not in given and old != words[old]
             and old not in calendar.month_name}
    alone |= {_plain(old): _plain(new) for old, new in alone.items() if _plain(old) != old}  # "Skarsgard"
    surname = re.compile(r"(?<![\w-])(?<!\w')(" + "|".join(map(re.escape, alone)) + r")(?![\w-])") if alone else None

    def change(value: str) -> str:
        for pattern, fresh in renames:
            def rejoin(match: re.Match[str], fresh: list[str] = fresh) -> str:
                separators = [*match.groups(), ""]
                return "".join(token + separator for token, separator in zip(fresh, separators, strict=True))
            value = pattern.sub(rejoin, value)
        return surname.sub(lambda m: alone[m.group(1)], value) if surname else value
    return change(text), _map_strings(expected, change)


def rename_title(text: str, expected: Expected, rng: random.Random) -> tuple[str, Expected]:
    """The film's title (bold lead, infobox name, italic mentions, link targets, with spaces, underscores or
    &nbsp;) replaced by an invented one of as many words ("48 Hrs." → "48 Willow."; numbers, numerals, small
    words and "Movie", "Part" stay); a title "Main: The Movie" also renames the main title where bold or italic
    (''Batman'')."""
    title = expected["title"]
    fresh_words: dict[str, str] = {}
    def fresh(word: str) -> str:
        # An abbreviation stays: "Harbor. Hollow" for "Dr. Strangelove" would end a sentence in the title.
        if re.fullmatch(r"[^\W\d]{4,}", word) and word.lower() not in _FUNCTION_WORDS | _TITLE_KEPT \
                and not re.fullmatch(r"[IVX]+", word):
            fresh_words.setdefault(word, rng.choice([w for w in _TITLE_WORDS if w not in text]))
            return fresh_words[word]
        return word
    fresh_title = "".join(fresh(word) for word in re.split(r"(\W+)", title))
    if fresh_title == title:
        return text, expected
    main = title.split(":")[0]
    def change(value: str) -> str:
        words = title.split(" ")
        pattern = r"(?<!\w)" + r"([ _]|&nbsp;)".join(map(re.escape, words)) + (r"(?!\w)" if title[-1].isalnum() else "")
        value = re.sub(pattern, lambda m: "".join(
            word + separator for word, separator in zip(fresh_title.split(" "), [*m.groups(), ""], strict=True)), value)
        if main != title:
            value = re.sub(rf"(''+){re.escape(main)}(?=''|\s*\()", lambda m: m.group(1) + fresh_title.split(":")[0],
                           value)
        return value
    return change(text), _map_strings(expected, change)


_UNITS = {"million": 10**6, "billion": 10**9, "crore": 10**7, "lakh": 10**5, "m": 10**6, "b": 10**9, "c": 10**7,
          "l": 10**5}
_FIGURE = re.compile(r"(?<![\w.,])(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<decimals>\d+))?(?![\d,]\d)"
                     r"(?:(?P<space>\s|&nbsp;|\{\{nbsp\}\}|-)?(?P<unit>million|billion|crore|lakh)s?\b)?")
_INR_CONVERT = re.compile(r"(\{\{INRConvert\|)(\d+(?:\.\d+)?)(\|([mbcl])\b)")
_CURRENCY = re.compile(r"(?:US\$|\$|₹|£|€|¥|₱|Rs\.?|INR|PHP|PKR|\{\{[A-Z]{3}\}\}|\{\{US\$\|)\s*$")


def _figure_value(match: re.Match[str], before: str) -> Decimal | None:
    """The amount a money figure says (US$2.8 million → 2800000), or None for a number that is no money figure."""
    number = match.group("number")
    if not (match.group("unit") or "," in number or _CURRENCY.search(before[-8:])):
        return None
    value = Decimal(number.replace(",", "") + ("." + match.group("decimals") if match.group("decimals") else ""))
    return value * _UNITS.get(match.group("unit") or "", 1)


def _written(value: Decimal, unit: int, decimals: int, grouped: bool) -> str:
    """value written in unit with at least `decimals` decimals, as few more as it needs."""
    amount = value / unit
    places = max(decimals, -amount.normalize().as_tuple().exponent, 0)
    return f"{amount:,.{places}f}" if grouped else f"{amount:.{places}f}"


def shift_numbers(text: str, expected: Expected, rng: random.Random) -> tuple[str, Expected]:
    """The runtime (96 → 104 minutes, in the infobox and the prose) and every money figure the expected facts give
    ($2.8 million → $3.4 million, $4,369,868 → $5,113,746, ₹90 crore, {{INRConvert|75|m}}) changed by one factor,
    each figure keeping its own way of writing; the expected runtime, budget, box office and numbers follow."""
    expected = json.loads(json.dumps(expected))
    runtime = expected.get("runtime_minutes")
    minutes = r"(?=(?:\s|&nbsp;|-)?(?:minutes?|mins?)\b)"
    if runtime and re.search(rf"(?<![\d.,:–-]){runtime}{minutes}", text):
        new = runtime + rng.choice([-1, 1]) * rng.randint(3, 12)
        while re.search(rf"(?<![\d.,]){new}{minutes}", text):
            new += 1
        text = re.sub(rf"(?<![\d.,:–-]){runtime}{minutes}", str(new), text)
        text = re.sub(rf"(\|\s*runtime\s*=\s*){runtime}(?!\d)", rf"\g<1>{new}", text)
        expected["runtime_minutes"] = new
    wanted = {Decimal(n) for n in expected.get("numbers") or []}
    wanted |= {Decimal(expected[key]["amount"]) for key in ("budget", "box_office")
               if isinstance(expected.get(key), dict) and expected[key].get("amount") is not None}
    factor = Decimal(rng.choice(["1.15", "1.2", "1.25", "1.3", "0.8", "0.85"]))
    changed: dict[Decimal, Decimal] = {}

    def new_value(value: Decimal, unit: int, decimals: int) -> Decimal:
        if value not in changed:
            step = Decimal(unit) / 10**decimals  # the precision the first mention writes
            candidate = (value * factor / step).quantize(Decimal(1)) * step
            while candidate in wanted or candidate in changed.values() or candidate == value:
                candidate += step
            changed[value] = candidate
        return changed[value]

    def refigure(match: re.Match[str]) -> str:
        value = _figure_value(match, match.string[:match.start()])
        if value is None or value not in wanted:
            return match.group(0)
        unit = _UNITS.get(match.group("unit") or "", 1)
        decimals = len(match.group("decimals") or "")
        number = _written(new_value(value, unit, decimals), unit, decimals, "," in match.group("number"))
        return number + match.group(0)[len(match.group("number")) + (decimals + 1 if decimals else 0):]

    def reconvert(match: re.Match[str]) -> str:
        unit = _UNITS[match.group(4)]
        value = Decimal(match.group(2)) * unit
        if value not in wanted:
            return match.group(0)
        decimals = len(match.group(2).partition(".")[2])
        return match.group(1) + _written(new_value(value, unit, decimals), unit, decimals, False) + match.group(3)
    text = _INR_CONVERT.sub(reconvert, _FIGURE.sub(refigure, text))

    def renumber(value: Any) -> Any:
        return int(changed[Decimal(value)]) if Decimal(value) in changed else value
    if expected.get("numbers"):
        expected["numbers"] = [renumber(n) for n in expected["numbers"]]
    for key in ("budget", "box_office"):
        if isinstance(expected.get(key), dict) and expected[key].get("amount") is not None:
            expected[key]["amount"] = renumber(expected[key]["amount"])
    return text, expected


def shift_years(text: str, expected: Expected, rng: random.Random) -> tuple[str, Expected]:
    """Every year of the film's own dates (releases, screenings, ceremonies) moved by one k wherever the page
    writes it as a year (not "1980s", not inside a longer number); the expected facts move with it (dates, and
    names such as "The Comedy Movie of 2018"). k keeps 29 February a date and the years in the past."""
    dates = [release["date"] for release in expected.get("release_dates", [])]
    dates += expected.get("screenings") or []
    dates += [n["ceremony_date"] for n in expected.get("nominations", []) if n.get("ceremony_date")]
    years = {int(date[:4]) for date in dates}
    if not years:
        return text, expected
    leap = any(date[4:10] == "-02-29" for date in dates)
    choices = [k for k in range(-10, 11) if k and max(years) + k <= 2025 and not (leap and k % 4)]
    k = rng.choice(choices)
    pattern = re.compile(r"(?<![\d.,$])(" + "|".join(map(str, sorted(years))) + r")(?![\d,]\d|\d|s\b)")
    def change(value: str) -> str:
        return pattern.sub(lambda m: str(int(m.group(1)) + k), value)
    return change(text), _map_strings(expected, change)


CONTENT_MUTATIONS: dict[str, ContentMutation] = {
    "rename people": rename_people, "rename title": rename_title, "shift numbers": shift_numbers,
    "shift years": shift_years,
}


def _markup(mutation: Mutation) -> ContentMutation:
    """A markup mutation as a content one: the expected facts stay."""
    return lambda text, expected, rng: (mutation(text, rng), expected)


# ------------------------------------------------------------------ the plain-text article format

def plain_bullets(text: str, rng: random.Random) -> str:
    """"- Director: Ann Berg" → "* Director: Ann Berg" or "• Director: Ann Berg"."""
    mark = rng.choice(["* ", "• ", "-  "])
    return re.sub(r"^- ", mark, text, flags=re.MULTILINE)


def plain_labels(text: str, rng: random.Random) -> str:
    """An infobox label in another wording the mapping gives it ("Director" → "Directed by") or another case."""
    by_label = {label.casefold(): labels for labels in _LABELS for label in labels}
    def relabel(match: re.Match[str]) -> str:
        labels = by_label.get(match.group(2).strip().casefold())
        label = rng.choice(labels) if labels else match.group(2)
        label = rng.choice([label, label.lower(), label.upper()])
        return f"{match.group(1)}{label}:"
    return re.sub(r"^([-*•]\s+)([A-Za-z][A-Za-z ()]*?):", relabel, text, flags=re.MULTILINE)


def plain_dates(text: str, rng: random.Random) -> str:
    """"10 April 2025" → "April 10, 2025"."""
    return re.sub(rf"\b(\d{{1,2}}) ({_MONTH}) (\d{{4}})\b", r"\2 \1, \3", text)


def plain_cast_dash(text: str, rng: random.Random) -> str:
    """"- Ann Berg as Anna" in the cast list → "- Ann Berg – Anna"."""
    return re.sub(r"^(-\s+[^:\n]+?)\s+as\s+", lambda m: m.group(1) + rng.choice([" – ", " ... "]), text,
                  flags=re.MULTILINE)


def plain_table_spacing(text: str, rng: random.Random) -> str:
    """"| a | b |" → "|a|b|" or "|  a  |  b  |"."""
    wide = rng.random() < 0.5
    def respace(match: re.Match[str]) -> str:
        cells = [cell.strip() for cell in match.group(0).strip().strip("|").split("|")]
        return ("|  " + "  |  ".join(cells) + "  |") if wide else ("|" + "|".join(cells) + "|")
    return re.sub(r"^\|.*\|[ \t]*$", respace, text, flags=re.MULTILINE)


def plain_title(text: str, rng: random.Random) -> str:
    """"= Title =" → "=Title=" or "=  Title  =" (the title line)."""
    return re.sub(r"^=\s*(.+?)\s*=\s*$", lambda m: rng.choice([f"={m.group(1)}=", f"=  {m.group(1)}  ="]), text,
                  count=1, flags=re.MULTILINE)


def plain_cast_brackets(text: str, rng: random.Random) -> str:
    """"- Ann Berg as Anna" → "- Ann Berg (Anna)" in the cast section."""
    def rewrite(section: re.Match[str]) -> str:
        return re.sub(r"^(-\s+[^:\n]+?)\s+as\s+([^,\n]+)$", r"\1 (\2)", section.group(0), flags=re.MULTILINE)
    return re.sub(r"^==\s*Cast\s*==\n(?:(?!==).*\n?)*", rewrite, text, flags=re.MULTILINE)


def section_order(text: str, rng: random.Random) -> str:
    """The sections after the lead in another order (each keeps its heading and its body)."""
    parts = re.split(r"(?m)^(?===[^=])", text)
    head, sections = parts[0], parts[1:]
    if sections and not sections[-1].endswith("\n"):
        sections[-1] += "\n"
    rng.shuffle(sections)
    return head + "".join(sections)


PLAIN_MUTATIONS: dict[str, Mutation] = {
    "bullets": plain_bullets, "labels": plain_labels, "dates": plain_dates, "cast dash": plain_cast_dash,
    "table spacing": plain_table_spacing, "title line": plain_title, "headings": headings, "crlf": crlf,
    "nbsp": nbsp, "heading synonyms": heading_synonyms, "cast brackets": plain_cast_brackets,
    "section order": section_order,
}


def _mapping_labels() -> list[list[str]]:
    with (ROOT / "src" / "filmgraph" / "ontology" / "mapping.csv").open(encoding="utf-8") as rows:
        return [row["labels"].split("|") for row in csv.DictReader(rows) if row["labels"]]


_LABELS = _mapping_labels()


def plain_facts(text: str, name: str) -> set[tuple[object, ...]]:
    """The facts (tests/factview.py) of a plain-text article, read from its exported Turtle."""
    with tempfile.TemporaryDirectory() as scratch:
        page = Path(scratch) / name
        page.write_bytes(text.encode("utf-8"))
        exported = export_one(page, output_dir=None, formats=[RdfFormat.TURTLE])
        if exported.error or not exported.texts:
            return set()
        graph = Graph().parse(data=exported.texts[RdfFormat.TURTLE], format="turtle")
    return {fact for fact in facts(graph) if fact[0] != "person"}


def plain_variants(seed: int, rounds: int) -> None:
    articles = sorted((ROOT / "tests" / "articles").glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    texts = {article.name: article.read_text(encoding="utf-8") for article in articles}
    base = {name: plain_facts(text, name) for name, text in texts.items()}
    plans: list[tuple[str, list[Mutation]]] = [(name, [m]) for name, m in PLAIN_MUTATIONS.items()]
    plans += [(f"all, round {n + 1}", list(PLAIN_MUTATIONS.values())) for n in range(rounds)]
    print(f"plain-text articles ({len(texts)}):")
    for plan, mutations in plans:
        rng = random.Random(f"{seed}:plain:{plan}")
        lost: list[str] = []
        total = hits = 0
        for name, text in texts.items():
            for mutation in mutations:
                text = mutation(text, rng)
            got = plain_facts(text, name)
            total += len(base[name])
            hits += len(base[name] & got)
            lost += [f"    {name}: {fact}" for fact in sorted(base[name] - got, key=str)]
        print(f"  {plan:16s} {hits}/{total} of the facts found on the unchanged articles", flush=True)
        for line in lost[:30]:
            print(line)
        if len(lost) > 30:
            print(f"    … {len(lost) - 30} more")


def found(page: Path, expected: Path) -> tuple[list[tuple[str, bool]], list[str]]:
    """The checker's facts of a page in the expected file's order, (fact, found), and the wins it did not expect."""
    result = score(page, expected)
    if result.error:
        return [("export", False)], []
    return list(result.facts.items()), result.invented_wins


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--only", choices=sorted([*MUTATIONS, *CONTENT_MUTATIONS]))
    parser.add_argument("--plain", action="store_true", help="the plain-text articles only")
    args = parser.parse_args()
    if args.plain:
        plain_variants(args.seed, args.rounds)
        return
    pairs = annotated_pages(ROOT / "tests" / "corpus")
    base = {page.name: found(page, expected) for page, expected in pairs}
    kinds = {name: _markup(mutation) for name, mutation in MUTATIONS.items()} | CONTENT_MUTATIONS
    kinds = {args.only: kinds[args.only]} if args.only else kinds
    plans: list[tuple[str, list[ContentMutation]]] = [(name, [mutation]) for name, mutation in kinds.items()]
    rounds = args.rounds if not args.only else 0
    plans += [(f"all, round {n + 1}", [_markup(m) for m in MUTATIONS.values()]) for n in range(rounds)]
    # Content first: the markup mutations then rewrite the renamed page (an &nbsp; inside a renamed name, …).
    plans += [(f"all+content, round {n + 1}", [*CONTENT_MUTATIONS.values(), *(_markup(m) for m in MUTATIONS.values())])
              for n in range(rounds)]
    with tempfile.TemporaryDirectory() as scratch:
        for plan, mutations in plans:
            rng = random.Random(f"{args.seed}:{plan}")
            lost: list[str] = []
            hits = total = 0
            for page, expected in pairs:
                text, facts_expected = page.read_text(encoding="utf-8"), json.loads(expected.read_text("utf-8"))
                for mutation in mutations:
                    text, facts_expected = mutation(text, facts_expected, rng)
                variant, variant_expected = Path(scratch) / page.name, Path(scratch) / expected.name
                variant.write_bytes(text.encode("utf-8"))
                variant_expected.write_text(json.dumps(facts_expected, ensure_ascii=False), encoding="utf-8")
                got, wins = found(variant, variant_expected)
                base_facts, base_wins = base[page.name]
                if len(got) != len(base_facts):  # the export failed, or the expected file lost its shape
                    got = [(fact, False) for fact, _ in base_facts]
                # The variant's expected facts are the original ones renamed, in the same order: the base of
                # each is the original's fact at its place.
                for (_, was_found), (fact, ok) in zip(base_facts, got, strict=True):
                    if was_found:
                        total += 1
                        hits += ok
                        if not ok:
                            lost.append(f"    {page.stem}: {fact}")
                lost += [f"    {page.stem}: INVENTED WIN {win}" for win in wins[len(base_wins):]]
            print(f"{plan:16s} {hits}/{total} of the facts found on the unchanged pages", flush=True)
            for line in lost[:40]:
                print(line)
            if len(lost) > 40:
                print(f"    … {len(lost) - 40} more")

if __name__ == "__main__":
    main()
