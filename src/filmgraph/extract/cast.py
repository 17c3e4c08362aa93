"""Cast lists and cast tables → (actor, characters)."""

from __future__ import annotations

import re

from filmgraph import reference
from filmgraph.extract.names import clean_name
from filmgraph.reference import WIKILINK_RE, fold

_SELF_WORDS = frozenset({"himself", "herself", "themselves", "themself", "self"})


_CAST_SPLIT_RE = re.compile(r"\s+as\s+|\s+[–—-]\s+|\s*:\s+|\s*\.{3}\s*")


_ROLE_SPLIT_RE = re.compile(r"\s*(?:,?\s+and\s+as\s+|;\s*as\s+|\s*/\s*)\s*")


_NOT_A_ROLE_RE = re.compile(r"(?i)^(?:a\s+)?(?:cameo(?:\s+(?:appearance|role))?|guest appearance|special appearance|"
                            r"uncredited|voice|various|unknown|item (?:number|song)|special appearance.*)$")


def parse_cast_line(line: str) -> tuple[str, list[str]] | None:
    """(actor, characters) of a cast-list line.

    >>> parse_cast_line("Ann Berg as Anna, a nurse")
    ('Ann Berg', ['Anna'])
    >>> parse_cast_line("Carl Holm as Jens and as Peter (uncredited)")
    ('Carl Holm', ['Jens', 'Peter'])
    >>> parse_cast_line("Eva Lund – herself")
    ('Eva Lund', ['Eva Lund'])
    """
    text = WIKILINK_RE.sub(r"\1", line)
    # Parentheticals ("(uncredited)", "(credited as …)", "(voice)") are notes, never names.
    text = re.sub(r"\s*\([^)]*\)", "", text).strip()
    text = re.sub(r"\s+as$", "", text)
    if re.match(r"(?i)^as\s", text):
        return None  # a role with no actor
    parts = _CAST_SPLIT_RE.split(text, maxsplit=1)
    actor = clean_name(parts[0])
    if not actor:
        return None
    characters: list[str] = []
    if len(parts) == 2:
        rest = re.sub(r"^as\s+", "", parts[1].strip())
        for chunk in _ROLE_SPLIT_RE.split(rest):
            chunk = re.sub(r"^as\s+", "", chunk.strip())
            # A description follows the character: ", a nurse", " – …", " who …", ": his henchmen", or a
            # new sentence ("Hobbscap. Villeneuve voiced him in French.").
            chunk = re.split(r",\s+|;\s+(?=[a-z])|\s+[–—-]\s+|\s+who\s+|:\s+|\s+in\s+(?:a|an|the|his|her)\s+|"
                             r"(?<=[a-z]{3})\.\s+(?=[A-ZÀ-Þ])|\.$", chunk, maxsplit=1)[0]
            for role in re.split(r"\s+and\s+(?=[A-ZÀ-Þ])", chunk):
                name = clean_name(role)
                if not name:
                    continue
                if name.casefold() in _SELF_WORDS:
                    name = actor
                if _NOT_A_ROLE_RE.match(name):
                    continue  # "as Cameo Appearance" says how the actor appears, not whom they play
                if name not in characters:
                    characters.append(name)
    return actor, characters


def cast_table_rows(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> list[tuple[str, str]]:
    """(actor, role) pairs of a cast table: "| Actor | Role |", or a character's row with an actor for each
    language it was voiced in ("| Character | Japanese | English |"): one pair for each actor named.

    >>> cast_table_rows(("Character", "Japanese", "English"), (("Jubei", "Koichi Yamadera", "Dean Wein"),))
    [('Koichi Yamadera', 'Jubei'), ('Dean Wein', 'Jubei')]
    """
    words = [fold(cell) for cell in header]
    actor = next((i for i, w in enumerate(words) if re.search(r"actor|actress|cast|performer|name", w)), None)
    role = next((i for i, w in enumerate(words) if re.search(r"role|character|part", w)), None)
    actors = [actor] if actor is not None else []
    if actor is None and role is not None:
        # The other columns, each a language (or a dub, a voice), hold the actors who voiced the character.
        actors = [i for i, cell in enumerate(header) if i != role and cell.strip()
                  and (reference.language(_header_language(cell)) or re.search(r"voice|dub", words[i]))]
    return [(row[column], row[role] if role is not None else "") for row in rows for column in actors
            if row[column].strip()]


def _header_language(cell: str) -> str:
    """"English (Manga, 1995)" → "English"; "Japanese voice" → "Japanese"."""
    return re.sub(r"\s*\(.*$|\s+(?:voice|dub|version|cast)s?\b.*$", "", cell.strip(), flags=re.IGNORECASE)


def parse_cast_entries(line: str) -> list[tuple[str, list[str]]]:
    """(actor, characters) of each actor a cast-list line names; "A and B as X and Y" pairs them in order.

    >>> parse_cast_entries("Ann Berg and Carl Holm as Anna and Jens: two nurses")
    [('Ann Berg', ['Anna']), ('Carl Holm', ['Jens'])]
    >>> parse_cast_entries("Ann Berg and Carl Holm as the twins")
    [('Ann Berg', ['the twins']), ('Carl Holm', ['the twins'])]
    """
    parsed = parse_cast_line(line)
    if parsed is None:
        return []
    actor, characters = parsed
    actors = [a for a in (clean_name(part) for part in re.split(r"\s+(?:and|&)\s+", actor)) if a]
    if len(actors) < 2 or not all(re.match(r"^[A-ZÀ-Þ]\S*(?:\s+\S+)+$", a) for a in actors):
        return [parsed]
    if len(characters) == len(actors):
        return [(a, [c]) for a, c in zip(actors, characters, strict=True)]
    return [(a, list(characters)) for a in actors]
