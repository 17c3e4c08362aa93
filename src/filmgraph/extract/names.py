"""Person names: cleaning a raw mention, splitting lists of names, and one node per real person.

Two mentions are one person when they differ only by diacritics or case, when one is the other
shortened at the end or without its middle names ("Sidse Babett" / "Sidse Babett Knudsen"), when a
long name differs by one letter from every spelling of the person (never through a chain of names, each
one letter from the next), or when a lone surname matches exactly one full name. People who share only a
surname or a first name stay apart, and so do names that differ by a generational suffix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

from filmgraph.model import Person
from filmgraph.reference import fold, same_given_name, unlinked
from filmgraph.slugs import slug
from filmgraph.text import UPPER

_SUFFIX_WORDS = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words an infobox writes among names that name nobody: how the names below them were credited.
NOT_NAMES = frozenset({"uncredited", "credited", "additional", "original", "music", "lyrics", "songs", "score",
                       "story", "screenplay", "dialogue", "dialogues", "co-director", "co-directors"})
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_FOOTNOTE_RE = re.compile(r"\[[^\]]{0,12}\]|[*†‡§]+")
_PAREN_RE = re.compile(r"\s*\((?:uncredited|credited as[^)]*|voice|as [^)]*|cameo|archive footage|[^)]*)\)")
_SPLIT_RE = re.compile(r"\s*(?:;|,(?:\s*and\b)?|\band\b|&|\n|/)\s*")
_WHITESPACE_RE = re.compile(r"\s+")
MIN_LONG_NAME = 10  # a one-letter difference only merges names at least this long


# The letters of a cinematographers', editors' or producers' guild after a name ("Nic Knowland BSC", "A.S.C.", "ACE",
# "Ann Berg, p.g.a."): the guild's, never part of the person's name.
_SOCIETY_RE = re.compile(r"(?:^|,?\s+)(?:(?:[A-Z]\.?){1,3}S\.?C\.?|A\.?C\.?E\.?|NZCS|SASC|AIC|AFC|"
                         r"[Pp]\.?[Gg]\.?[Aa]\.?)$")
# A role label before names ("Lyrics: Leonard Joy", "Music:", "Screenplay by Ann Berg"): no part of a name.
_ROLE_LABEL_RE = re.compile(r"^(?:[A-Z][a-z]+(?:\s+[A-Za-z]+)?)\s*:\s*(?=\S)|"
                            r"^(?:(?:Screenplay|Story|Teleplay|Written|Adapted|Adaptation|Dialogues?|Music|Lyrics|"
                            r"Songs|Score|Narration|Novel)\s+by)\s+(?=[A-Z])")


@lru_cache(maxsize=1024)  # a page credits the same names in its infobox, lists, tables and prose
def clean_name(text: str) -> str:
    """A name without markup, footnotes, parentheticals or surrounding punctuation.

    >>> clean_name("[[Sofie Gråbøl]] (uncredited)[3]")
    'Sofie Gråbøl'
    """
    text = unlinked(text)
    text = _FOOTNOTE_RE.sub("", text)
    text = _PAREN_RE.sub("", text)
    text = _WHITESPACE_RE.sub(" ", text.replace("''", "")).strip(" \t,;:")
    # Quotes go only when they wrap the whole name: '"quotes" & <tags>' is a name as written.
    for opening, closing in (('"', '"'), ("“", "”"), ("'", "'")):
        if len(text) > 1 and text.startswith(opening) and text.endswith(closing) and text.count(opening) <= 2:
            text = text[1:-1].strip()
    return strip_stray_quotes(text)


_OPENING_QUOTES = "'\"‘“"
_CLOSING_QUOTES = "'\"’”"


def strip_stray_quotes(text: str) -> str:
    """A name without a quote mark that opens or closes nothing ("Best Comedy'" → "Best Comedy"); a possessive
    ("Critics' Choice Awards", "The Donners' Company") and a quoted word inside a name keep theirs.

    >>> strip_stray_quotes("Best Comedy'"), strip_stray_quotes("'Best Film"), strip_stray_quotes("Critics'")
    ('Best Comedy', 'Best Film', "Critics'")
    >>> strip_stray_quotes("Critic's Best Film'"), strip_stray_quotes("the 'Indie' Award")
    ("Critic's Best Film", "the 'Indie' Award")
    >>> strip_stray_quotes('"Paula Ridgeway"/Margaret Hanson'), strip_stray_quotes('Charles Rainier/"Smithy"')
    ('"Paula Ridgeway"/Margaret Hanson', 'Charles Rainier/"Smithy"')
    """
    text = text.strip()
    # A quote that opens stands at the start or after a space; one that closes, at the end or before one (an
    # apostrophe inside a word, "Critic's", is neither).
    # Only a mark that hugs a word is stray ("Best Comedy'"); one beside punctuation ("'; DROP") is text.
    while len(text) > 1 and text[-1] in _CLOSING_QUOTES and text[-2].isalnum() and \
            not re.search(r"(?:^|[\s/])['\"‘“]", text[:-1]):  # a slash parts the names of one credit
        if text[-1] in "'’" and text[-2] in "sS":
            break  # a possessive plural
        text = text[:-1]
    while len(text) > 1 and text[0] in _OPENING_QUOTES and text[1].isalnum() and \
            not re.search(r"['\"’”](?:[\s/]|$)", text[1:]):
        text = text[1:]
    return text


# Lower-case words inside a name: "Eva de Lund", "Carl von Holm".
PARTICLES = frozenset({"de", "da", "das", "di", "do", "dos", "du", "del", "della", "der", "den", "van", "von", "la",
                        "le", "bin", "binti", "ibn", "al", "el", "y", "e", "zu", "af", "ter", "ten", "op", "dei",
                        "delle", "dalla", "degli", "dello", "des", "lo", "ben", "bint", "abu", "ap", "und"})


# Words that start a phrase or a sentence, never a name.
_FUNCTION_WORDS = frozenset({"the", "a", "this", "that", "these", "those", "his", "her", "their", "its", "our",
                             "my", "your", "he", "she", "it", "they", "we", "and", "or", "but", "in", "on", "at",
                             "of", "for", "with", "to", "from", "by", "as", "when", "while", "after", "before",
                             "although", "though", "if", "also", "then", "there", "here", "other", "others"})


_ELIDED_PARTICLE_RE = re.compile(rf"^[a-z]'[{UPPER}]")  # a particle run into a name: "d'Artagnan", "l'Amour"


def name_token(token: str) -> bool:
    """A word that can stand in a name: capitalised (or of a script without case), an initial, "d'Arcy"."""
    bare = token.lstrip("\"'“‘«")
    if not bare:
        return False
    first = bare[0]
    if first.isdigit():
        return False
    return first.isupper() or (first.isalpha() and not first.islower()) or bool(_ELIDED_PARTICLE_RE.match(bare))


_SUFFIX_COMMA_RE = re.compile(r",\s*(?=(?:Jr|Sr)\.?$|I{2,3}$|IV$)")
_NOT_IN_NAMES_RE = re.compile(r"[\d,;:!?()\[\]{}|/=<>@#]")
_INITIAL_AT_END_RE = re.compile(rf"(?:\b[{UPPER}]|Jr|Sr)\.$")


@lru_cache(maxsize=1024)  # the same mentions are asked about by several readers of a page
def is_person_name(text: str) -> bool:
    """A mention that can name a person: capitalised words with particles between them, never a sentence.

    >>> is_person_name("Jean d'Arcy"), is_person_name("Pablo Núñez, Jr."), is_person_name("Lil the Kid")
    (True, True, True)
    >>> is_person_name("Carl Holm are Jens"), is_person_name("others."), is_person_name("Ann Berg as Anna")
    (False, False, False)
    """
    text = _SUFFIX_COMMA_RE.sub(" ", text.strip())  # "Pablo Núñez, Jr."
    if not text or len(text) > 60 or _NOT_IN_NAMES_RE.search(text) or text.endswith(("'s", "’s")):
        return False  # (a possessive, "Sherlock Jr.'s", describes someone else's part)
    tokens = text.split()
    if len(tokens) > 7 or tokens[0].casefold() in _FUNCTION_WORDS:
        return False  # "The main protagonist" starts a phrase, not a name
    for index, token in enumerate(tokens):
        inner = 0 < index < len(tokens) - 1
        if name_token(token):
            continue
        if inner and (token in PARTICLES or token == "the") and name_token(tokens[index + 1]):
            continue  # "Eva de Lund", "Lil the Kid"
        return False
    return not (text.endswith(".") and not _INITIAL_AT_END_RE.search(text))


def without_accents(name: str) -> str:
    """A name's letters without their accents, in their case: what tells "Novák" from "Novak" and nothing else.

    >>> without_accents("Karel Novák"), without_accents("KAREL NOVAK")
    ('Karel Novak', 'KAREL NOVAK')
    """
    if name.isascii():
        return name
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


# A name as prose writes it: capitalised words, particles between them ("Jean de la Fontaine").
_PROSE_NAME = (rf"[{UPPER}][\w'’.-]*(?:\s+(?:(?:{'|'.join(sorted(PARTICLES))})\s+)*[{UPPER}][\w'’.-]*){{0,4}}")
# What says the name after it is another of the person's before it: "(credited as X)", "(born X)", "who (under his
# original name, X)", ", working under the alias name of "X"", ", also known as X". "Known as" alone is a
# nickname ("known as Annie to her friends"), a bare "as" a part.
_STATED_AS = (r"(?:(?:credited|billed)\s+(?:(?:by|in|on)\s+(?:[\w-]+\s+){0,3}?)?as|born|n[ée]e?|a\.?k\.?a\.?"
              r"|(?:also|better|now|later|formerly)\s+known\s+as|alias"
              # "Tatiana Samoilova (also transliterated as Tatyana Samoylova)": one name in two spellings
              r"|(?:[Aa]lso\s+)?(?:transliterated|spelled|spelt|romani[sz]ed)(?:\s+as)?"
              r"|(?:under\s+)?(?:(?:his|her|their)\s+)?(?:real|original|birth|given|legal)\s+name(?:\s+(?:of|was|is))?,?"
              r"|(?:(?:working|writing|directing|acting|credited|billed)\s+)?under\s+(?:the|a)\s+"
              r"(?:pseudonym|alias|pen\s+name|stage\s+name|name)(?:\s+name)?(?:\s+of)?)")
_STATED_NAME_RE = re.compile(
    rf"(?P<anchor>{_PROSE_NAME})(?:(?:,?\s+who)?(?:\s*\(\s*|,\s+){_STATED_AS}"
    # "Ann Berg was credited in some American publicity as Ann Burke"
    r"|\s+(?:was|is|had\s+been)\s+(?:also\s+|often\s+|sometimes\s+)?(?:credited|billed)\s+(?:[\w-]+\s+){0,5}?as)"
    rf"\s+[\"“]?(?P<other>{_PROSE_NAME})[\"”]?(?=\s*[)\"”,.;]|\s*$|\s+(?:in|on)\b)")
# '"Tom Holm" (pseudonym of director [[Ann Berg]])': the name before the bracket is the one after's.
_PSEUDONYM_OF_RE = re.compile(
    rf"[\"“]?(?P<other>{_PROSE_NAME})[\"”]?\s*\(\s*(?:the\s+|a\s+)?(?:pseudonym|alias|pen\s+name|stage\s+name)\s+"
    r"(?:of|for|used\s+by)\s+(?:(?:the\s+)?(?:director|writer|screenwriter|producer|actor|actress|composer|author|"
    rf"filmmaker|novelist)\s+)?(?P<anchor>{_PROSE_NAME})\s*\)")


# The look-ahead names the letters its words start with: a search along a paragraph tries them only there.
_STATED_WORD_RE = re.compile(r"(?=[abcknpstr])\b(?:credited|billed|known\s+as|born|n[ée]e?|a\.?k\.?a|alias|name|"
                             r"pseudonym|transliterated|spelled|spelt|romani[sz]ed)\b")


def stated_names(text: str) -> list[tuple[str, str]]:
    """(a name, another name of that person) each time the text says a person goes by another name: "credited as",
    "born", "real/original name", "under the pseudonym/alias/pen name", "also/better known as", "X (pseudonym of Y)".
    The first name may begin with words that are no part of it ("director Ann Berg"): the caller finds the person
    it ends with.

    >>> stated_names('It was directed by Tom Berg, working under the alias name of "Tom Holm".')
    [('Tom Berg', 'Tom Holm')]
    >>> stated_names('The films of "Tom Holm" (pseudonym of director Tom Berg) and Carl Lund (born Karl Lund).')
    [('Carl Lund', 'Karl Lund'), ('Tom Berg', 'Tom Holm')]
    >>> stated_names("Tom Berg (born 1950 in Oslo) plays Ann Lund, also known as the Night Queen.")
    []
    """
    if not _STATED_WORD_RE.search(text):
        return []  # most paragraphs: no way of saying another name
    text = text.replace("''", "")
    # "in"/"on" may follow a birth name ("born Karl Lund in Oslo"), never another: "better known as Jack Dunn in
    # the series ''Cops''" is a part.
    found = [(m["anchor"], m["other"].rstrip(".")) for m in _STATED_NAME_RE.finditer(text)
             if not re.match(r"\s+(?:in|on)\b", text[m.end():]) or re.search(r"\b(?:born|n[ée]e?)\s", m.group(0))]
    return found + [(m["anchor"], m["other"]) for m in _PSEUDONYM_OF_RE.finditer(text)]


def split_names(text: str) -> list[str]:
    """Split "A, B and C", "A; B", "A & B" into clean names.

    >>> split_names("Kim Bodnia and Laura Le Drasbæk")
    ['Kim Bodnia', 'Laura Le Drasbæk']
    >>> split_names("Ann Berg, Carl Holm, and Eva Lund")
    ['Ann Berg', 'Carl Holm', 'Eva Lund']
    >>> split_names("Nic Knowland BSC"), split_names("Lyrics: Ann Berg"), split_names("Karl Freund, A.S.C.")
    (['Nic Knowland'], ['Ann Berg'], ['Karl Freund'])
    """
    text = unlinked(text)
    text = _PAREN_RE.sub("", text)
    names: list[str] = []
    # A role label ("Lyrics: Leonard Joy") and a society's letters ("Nic Knowland BSC") are no part of a name.
    parts = (_SOCIETY_RE.sub("", clean_name(_ROLE_LABEL_RE.sub("", part.strip()))).strip(" ,")
             for part in _SPLIT_RE.split(text))
    for name in parts:
        if name and names and name.casefold().rstrip(".") in _SUFFIX_WORDS:
            names[-1] += f", {name}"  # "John Doe, Jr." is one person
        elif name and name.casefold() not in NOT_NAMES:
            names.append(name)
    return names




def _tokens(name: str) -> list[str]:
    return list(_name_tokens(name))


@lru_cache(maxsize=1024)  # each name of a page is compared many times
def _name_tokens(name: str) -> tuple[str, ...]:
    # "Coster-Waldau" and "Coster Waldau" are one spelling of a name, and so are "Sundar C." and "Sundar C".
    return tuple(token.rstrip(".") for token in fold(name).replace(".", ". ").replace("-", " ").split()
                 if token != ".")


_VOWELS = frozenset("aeiouyw")  # and the half-vowels of romanised names ("Choudhury", "Chowdhury")


def _edit_distance_at_most_one(a: str, b: str, *, slip: bool = False) -> bool:
    """Whether two texts are at most one letter apart; with ``slip``, only as a slip of the pen is: see below."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    # The common start, found by halving (each comparison runs in C): past the first difference, the rest must
    # match with one letter changed or one left out.
    same, upper = 0, len(a)
    while same < upper:
        middle = (same + upper + 1) // 2
        if a[:middle] == b[:middle]:
            same = middle
        else:
            upper = middle - 1
    if len(a) == len(b):
        # A slip, not another name: one vowel for another ("Lindsey", "Lindsay"); never a consonant ("Rakesh",
        # "Rajesh" are brothers; "John", "Joan" siblings; "John A. Smith", "John B. Smith" two men).
        return a[same + 1:] == b[same + 1:] and (not slip or (a[same:same + 1] in _VOWELS
                                                             and b[same:same + 1] in _VOWELS))
    if not slip:
        return a[same:] == b[same + 1:]
    # A letter doubled or not ("Banerjee", "Bannerjee"), an "h" or a "c" before "k" or "q" ("Racquel"): never
    # another letter ("Song Ji-hyo", "Song Ji-ho").
    extra = b[same]
    doubled = (same > 0 and b[same - 1] == extra) or b[same + 1:same + 2] == extra
    return a[same:] == b[same + 1:] and (extra == "h" or doubled
                                         or (extra == "c" and b[same + 1:same + 2] in ("k", "q")))


def _shortened(short: list[str], full: list[str]) -> bool:
    """``short`` is ``full`` cut at the end ("Sidse Babett") or without middle names ("Sofie Gråbøl")."""
    if len(short) < 2 or len(full) <= len(short) or any(token in _SUFFIXES for token in full):
        return False
    if full[: len(short)] == short:
        return True
    # Same first and last name, the short form's words all in the full name, in order.
    rest = iter(full[1:-1])
    return (short[0] == full[0] and short[-1] == full[-1]
            and all(token in rest for token in short[1:-1]))


def _variant(a: str, b: str) -> bool:
    return _variant_tokens(_tokens(a), _tokens(b))


def _variant_tokens(ta: list[str], tb: list[str]) -> bool:
    return _same_or_shortened(ta, tb) or _one_letter_apart(ta, tb)


def _same_or_shortened(ta: list[str], tb: list[str]) -> bool:
    return ta == tb or _shortened(ta, tb) or _shortened(tb, ta)


def _one_letter_apart(ta: list[str], tb: list[str]) -> bool:
    if len(ta) != len(tb) or len(ta) < 2 or ta[-1][:1] != tb[-1][:1]:
        return False
    fa, fb = " ".join(ta), " ".join(tb)
    # Two credited names a letter apart are one person only as a slip of the pen: see _edit_distance_at_most_one.
    return min(len(fa), len(fb)) >= MIN_LONG_NAME and _edit_distance_at_most_one(fa, fb, slip=True)


# A person is written at most this many ways one letter apart: a name one letter from one of theirs joins them only
# while they have fewer full names, so that a list of names alike stays many people, and each check is bounded.
_MAX_SPELLINGS = 8


# Bounds that keep name resolution near-linear whatever the page: keys are built from at most this many words
# of a name, and the fuzzy (one letter apart) keys only for names up to this many letters.
_MAX_KEY_TOKENS = 12
_MAX_FUZZY_CHARS = 80
# Names sharing a key are compared with at most this many of the names before them in the key's list. A real
# page never writes this many names alike ("John Smith", "John A. Smith" …); a generated list of "Actor Aa Name",
# "Actor Ab Name" … would otherwise cost every pair.
_NEIGHBOURS = 16


def _keys(tokens: list[str]) -> set[tuple[str, ...]]:
    """Keys such that two names :func:`_variant_tokens` calls alike always share one: the name's leading words
    (a name cut at the end), its first and last word with each middle word (a name without middle names), and
    the name with one letter left out (one letter apart)."""
    if not tokens:
        return set()
    keys = {("<", *tokens[:size]) for size in range(2, min(len(tokens), _MAX_KEY_TOKENS) + 1)}
    keys.add(("|", tokens[0], tokens[-1], ""))
    keys.update(("|", tokens[0], tokens[-1], middle) for middle in tokens[1:-1][:_MAX_KEY_TOKENS])
    return keys | _one_letter_keys(tokens)


def _one_letter_keys(tokens: list[str]) -> frozenset[tuple[str, ...]]:
    return _one_letter_keys_of(" ".join(tokens))


@lru_cache(maxsize=256)  # each name of a page is keyed more than once (a key set is large: a few)
def _one_letter_keys_of(joined: str) -> frozenset[tuple[str, ...]]:
    # The name with each letter left out, and (at == len) the name itself: two names one letter apart share one.
    if not MIN_LONG_NAME <= len(joined) <= _MAX_FUZZY_CHARS:
        return frozenset()
    return frozenset([("~", joined[:at] + joined[at + 1:]) for at in range(len(joined) + 1)])


@lru_cache(maxsize=256)  # each name of a page is looked up more than once (a few: a key set is large)
def spelling_keys(name: str) -> frozenset[tuple[str, ...]]:
    """Keys that two names :func:`spelled_alike` always share one of: its letters without spaces, and the name
    with one letter left out. Comparing only names that share a key finds every spelling of a name among many
    names without comparing every pair.

    >>> bool(spelling_keys("Wu Mo Chou") & spelling_keys("Wu Mochou"))
    True
    >>> bool(spelling_keys("Sebastian Stiger") & spelling_keys("Sebastian Stigar"))
    True
    """
    tokens = _name_tokens(name)
    return _one_letter_keys_of(" ".join(tokens)) | {("=", "".join(tokens))}


def _variant_partners(names: list[list[str]]) -> list[set[int]]:
    """For each name (as tokens), the other names it is a variant of: compared only within shared keys, so
    the cost grows with the number of names, not with the number of pairs."""
    buckets: dict[tuple[str, ...], list[int]] = {}
    for index, tokens in enumerate(names):
        for key in _keys(tokens):
            buckets.setdefault(key, []).append(index)
    partners: list[set[int]] = [set() for _ in names]
    for key, members in buckets.items():
        if len(members) < 2:
            continue  # a key of one name alone (most keys): no pair to compare
        # Each kind of key stands for one way of being alike; a pair alike in that way shares such a key.
        alike = _one_letter_apart if key[0] == "~" else _same_or_shortened
        for position, j in enumerate(members):
            for i in members[max(0, position - _NEIGHBOURS):position]:
                if j not in partners[i] and alike(names[i], names[j]):
                    partners[i].add(j)
                    partners[j].add(i)
    return partners


def _distinct_roots(lists: dict, key: object, find: Callable[[str], str]) -> list[str]:
    """The clusters of the names in ``lists[key]``, up to two (all a caller needs to tell one owner from
    several). The list is rewritten to start with those clusters, so a later call skips names already seen
    inside them: the calls together cost the list's length once."""
    members = lists[key]
    roots: list[str] = []
    for position, member in enumerate(members):
        root = find(member)
        if root not in roots:
            roots.append(root)
            if len(roots) > 1:
                lists[key] = roots + members[position + 1:]
                return roots
    lists[key] = roots
    return roots


def _joined_alike(ta: list[str], tb: list[str]) -> bool:
    """One name with a space more or less inside it ("Wu Mo Chou" / "Wu Mochou", "Aliraj" / "Ali Raj"): the same
    letters, and a lone word or the same first or last word on both sides."""
    return ta != tb and "".join(ta) == "".join(tb) and (
        len(ta) == 1 or len(tb) == 1 or ta[0] == tb[0] or ta[-1] == tb[-1])


def spelled_alike(a: str, b: str) -> bool:
    """Two spellings of one name: alike but for case, diacritics, hyphens and dots, written with and without a
    space ("Wu Mo Chou" / "Wu Mochou"), or, when long, one letter apart ("Sebastian Stiger" / "Sebastian
    Stigar"). A name shortened or without its middle names is not a spelling of it.

    >>> spelled_alike("Wu Mo Chou", "Wu Mochou"), spelled_alike("Sebastian Stiger", "Sebastian Stigar")
    (True, True)
    >>> spelled_alike("Anna Berg", "Anna Lund"), spelled_alike("Sidse Babett", "Sidse Babett Knudsen")
    (False, False)
    """
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    if ta == tb or _joined_alike(ta, tb):
        return True
    fa, fb = " ".join(ta), " ".join(tb)
    return (len(ta) == len(tb) >= 2 and min(len(fa), len(fb)) >= MIN_LONG_NAME
            and ta[-1][:1] == tb[-1][:1] and _edit_distance_at_most_one(fa, fb))


def surname_key(name: str) -> str:
    """The last word of a name as names are compared ("Coster-Waldau" → "waldau"); "" for no name."""
    tokens = _tokens(name)
    return tokens[-1] if tokens else ""


# A rank or office written before a person's name in a credit ("Sheriff Joe Arpaio", "Dr. Gary Fisher"): not part
# of the name, when a name of two words or more follows it ("Justice Smith", "Dr. Dre" are names).
_RANK_RE = re.compile(r"^(?:Dr\.?|Doctor|Sheriff|Judge|Sergeant|Sgt\.?|General|Gen\.?|Senator|Sen\.?|Governor|Gov\.?|"
                      r"Mayor|Officer|Detective|Det\.?|Captain|Capt\.?|Lieutenant|Lt\.?|Colonel|Col\.?|Professor|"
                      r"Prof\.?|Reverend|Rev\.?|Congressman|Congresswoman|Ambassador)\s+(?=[^\s\x1f]+\s+[^\s\x1f])")


def without_rank(name: str) -> str:
    """A credited name without the rank or office written before it.

    >>> without_rank("Sheriff Joe Arpaio"), without_rank("Dr. Gary Fisher"), without_rank("Dr. Dre")
    ('Joe Arpaio', 'Gary Fisher', 'Dr. Dre')
    """
    return _RANK_RE.sub("", name, count=1)


def given_name_variant(a: str, b: str) -> bool:
    """One person's name with another form of the given name: "Jimmy Stewart" / "James Stewart", "Al Ruddy" /
    "Albert S. Ruddy" (a middle name may be left out, never added; the surname is the same).

    >>> given_name_variant("Jimmy Stewart", "James Stewart"), given_name_variant("Al Ruddy", "Albert S. Ruddy")
    (True, True)
    >>> given_name_variant("Jimmy Stewart", "James Mason"), given_name_variant("James Stewart", "James Stewart")
    (False, False)
    """
    ta, tb = _tokens(a), _tokens(b)
    if len(ta) < 2 or len(tb) < 2 or ta[-1] != tb[-1] or ta[0] == tb[0]:
        return False
    shorter, longer = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return set(shorter[1:-1]) <= set(longer[1:-1]) and same_given_name(ta[0], tb[0])


def _consonants(word: str) -> str:
    """A surname's consonants, doubled ones once: "O'Neal" and "O'Neill" are "nl" (and "Morse", "Moore" apart)."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[^b-df-hj-np-tv-z]", "", word))


def star_variant(star: str, listed: str, *, two_pages: bool = False) -> bool:
    """Whether an infobox's star, whom no cast line names, is a cast line's actor under another form of the name:
    a middle name written out or left out ("Jason George", "Jason Winston George"; never a middle initial, the mark
    of a namesake), another form of the given name ("Drew Seeley", "Andrew Seeley"), or a surname spelled with the
    same consonants ("Michael O'Neal", "Michael O'Neill"). A name of one word is never joined ("Prabhu" and "Prabhu
    Deva" are two actors); names linked to ``two_pages`` only by a middle name or another form of the given name (a
    redirect: "[[Ed Asner]]", "[[Edward Asner]]"; "[[Tim Allen]]" and "[[Tim Allan]]" are two people).

    >>> star_variant("Jason George", "Jason Winston George"), star_variant("Michael O'Neal", "Michael O'Neill")
    (True, True)
    >>> star_variant("Prabhu", "Prabhu Deva"), star_variant("David Morse", "David Moore")
    (False, False)
    >>> star_variant("Lon Chaney", "Lon Chaney Jr."), star_variant("Tom Hill", "Tim Hill")
    (False, False)
    >>> star_variant("Michael Jordan", "Michael B. Jordan"), star_variant("Tim Allen", "Tim Allan", two_pages=True)
    (False, False)
    """
    ta, tb = _tokens(star), _tokens(listed)
    if len(ta) < 2 or len(tb) < 2 or ta == tb or ta[-1] in _SUFFIX_WORDS or tb[-1] in _SUFFIX_WORDS:
        return False
    if ta[0] == tb[0] and ta[-1] == tb[-1]:
        # A middle initial added is how actors tell themselves apart from a namesake ("Michael B. Jordan"): only a
        # middle name written out is the fuller form of one name.
        shorter, longer = sorted((ta[1:-1], tb[1:-1]), key=len)
        return all(m in longer for m in shorter) and all(len(n) > 1 for n in longer if n not in shorter)
    if two_pages:
        # Two pages under one surname and two forms of one given name are a page and its redirect ("[[Ed Asner]]",
        # "[[Edward Asner]]"); a surname spelled otherwise is another person's ("[[Tim Allan]]").
        return given_name_variant(star, listed)
    if len(ta) == len(tb) == 2 and ta[0] == tb[0] and ta[1][:1] == tb[1][:1] \
            and min(len(ta[1]), len(tb[1])) >= 5 and _consonants(ta[1]) == _consonants(tb[1]):
        return True
    return given_name_variant(star, listed)


def without_brackets(title: str) -> str:
    """A page's title without its disambiguation: "Rosemary Lane (actress)" → "Rosemary Lane"."""
    return _BRACKETS_AT_END_RE.sub("", title)


_BRACKETS_AT_END_RE = re.compile(r"\s*\([^()]*\)$")


def _page_keys(own_page: dict[str, str | None], cast: dict[str, set[str]]) -> dict[str, str]:
    """What tells each page a mention links apart from the others: its title's words without spaces and hyphens
    ("Rhys-Meyers", "Rhys Meyers"); pages one name apart only by their brackets are one page when the article
    credits each of them in its cast ("Dileep", "Dileep (actor)", "Dileep (Malayalam actor)": one actor through
    redirects), never otherwise ("John Smith (director)" and "John Smith (actor)" are two men)."""
    keys = {page: "".join(_tokens(page)) for page in own_page.values() if page}
    parts: dict[str, set[str]] = {}  # the parts each page's cast lines give it
    for mention, page in own_page.items():
        if page and mention in cast:
            parts.setdefault(page, set()).update(cast[mention])
    by_name: dict[str, set[str]] = {}
    for page in keys:
        by_name.setdefault("".join(_tokens(without_brackets(page))), set()).add(page)
    # The parts every cast line of a name gives, linked or not ("Deva as Raja" beside "[[Deva (…)|Deva]] as Kumar").
    parts_by_name: dict[str, list[frozenset[str]]] = {}
    for mention, characters in cast.items():
        if characters:
            parts_by_name.setdefault("".join(_tokens(_unmarked(mention)[0])), []).append(frozenset(characters))
    for name, alike in by_name.items():
        # Two cast lines with two parts are two actors ("[[Deva (actor)|Deva]] as Raja", "[[Deva (Tamil actor)|Deva]]
        # as Kumar"); a page named for a job behind the camera ("(composer)") is never an actor's.
        played = set(parts_by_name.get(name, ()))
        if len(alike) > 1 and alike <= parts.keys() and len(played) <= 1 \
                and not any(_BEHIND_CAMERA_RE.search(page) for page in alike):
            keys.update(dict.fromkeys(alike, name))
    return keys


_BEHIND_CAMERA_RE = re.compile(r"(?i)\((?:[^()]*\s)?(?:composer|director|producer|writer|screenwriter|filmmaker|"
                               r"cinematographer|editor|lyricist|musician|music director)\)$")


# The shortest romanisation key two names may share to be one: "Anu" and "Ann" are two people.
MIN_ROMANISED_KEY = 6
_ROMANISATION_RULES = ((re.compile(r"([bcdgkpst])h"), r"\1"), (re.compile(r"ee|ie"), "i"), (re.compile(r"oo|ou"), "u"),
                       (re.compile(r"aa"), "a"), (re.compile(r"w"), "v"), (re.compile(r"y\b"), "i"),
                       (re.compile(r"ay\b|ai\b"), "i"), (re.compile(r"(.)\1"), r"\1"))


@lru_cache(maxsize=1024)  # a page keys each linked name twice: as a name it shows, and as its page's title
def romanisation_key(name: str) -> str:
    """A name's letters as the romanisations of one Indian or Bangla name agree on them (aspirates, long
    vowels, a final y, doubled letters and spaces set aside).

    >>> romanisation_key("Shobhana") == romanisation_key("Shobana"), romanisation_key("Roopa Sri")
    (True, 'rupasri')
    >>> romanisation_key("Sanjay Mishra") == romanisation_key("Sanjai Mishra")
    True
    """
    key = " ".join(_tokens(name))
    for pattern, replacement in _ROMANISATION_RULES:
        key = pattern.sub(replacement, key)
    return key.replace(" ", "")


def _one_page_by_name(a: str, b: str) -> bool:
    """Whether a page's title and a name its link shows are one person's name (a group's page, "Lane Sisters",
    is nobody's): the same, or but for a middle name or initial ("Lenore Coffee", "Lenore J. Coffee"); never
    a title told apart by brackets ("Ann Lee (actor)") nor another given name ("Tom Hardy", "Thomas Hardy").

    >>> _one_page_by_name("Tom Hardy", "Thomas Hardy"), _one_page_by_name("Lenore Coffee", "Lenore J. Coffee")
    (False, True)
    >>> _one_page_by_name("Ivan Reitman", "Jason Reitman"), _one_page_by_name("Ann Lee (actor)", "Ann Lee")
    (False, False)
    """
    if a == b:
        return True
    ta, tb = _tokens(a), _tokens(b)
    if "(" in a or "(" in b or len(ta) < 2 or len(tb) < 2 or ta[-1] != tb[-1] or ta[0] != tb[0]:
        return False
    shorter, longer = sorted((ta[1:-1], tb[1:-1]), key=len)
    # A middle name left out or written as its initial ("J." for "Jay").
    return all(any(m == n or (len(m) == 1 and n.startswith(m)) for n in longer) for m in shorter)


def _canonical_name(written: list[str], playing: set[str]) -> str:
    """The name a person goes by, of the names the article writes them (in the order it writes them): a name
    before a mention that is none, the fullest (more words, then accents); of two spellings a letter apart
    ("Shakti Banerjee", "Shakti Bannerjee"; "Sundar C", "Sundar C."), the first written, for the other is a slip
    or a transliteration; of two forms ("Ed Asner", "Edward Asner"), the one the cast credits with a part, else
    the first written ("R. D. Burman" in the infobox, "Rahul Dev Burman" in prose).

    >>> _canonical_name(["Shakti Banerjee", "Shakti Bannerjee"], set())
    'Shakti Banerjee'
    >>> _canonical_name(["Ed Asner", "Edward Asner"], {"Edward Asner"})
    'Edward Asner'
    """
    if len(written) == 1:
        return written[0]  # most people: written one way (what the comparisons below would choose, at a cost)
    top_key = max((is_person_name(name), *_fullness(name)[:2]) for name in written)
    top = [name for name in written if (is_person_name(name), *_fullness(name)[:2]) == top_key]
    first = _tokens(top[0])
    if all(_tokens(name) == first or _one_letter_apart(_tokens(name), first) for name in top[1:]):
        return max(top, key=lambda name: _fullness(name)[3])  # "Rhys-Meyers": the hyphen its bearer writes
    return max(top, key=lambda name: (name in playing, _fullness(name)[3]))  # else the first written


def _fullness(name: str) -> tuple[int, int, int, int]:
    accents = sum(1 for ch in unicodedata.normalize("NFD", name) if unicodedata.combining(ch)) + sum(
        1 for ch in name if ord(ch) > 127 and not unicodedata.combining(ch))
    # Last, a hyphen: "Rhys-Meyers" is the name as its bearer writes it, "Rhys Meyers" the hyphen lost.
    return len(_tokens(name)), accents, len(name), name.count("-")


# A mention marked with the page its own part of the article links it to: "name<LINKED>page".
LINKED = "\x1f"


def linked_mention(name: str, page: str) -> str:
    return f"{name}{LINKED}{page}"


def _unmarked(mention: str) -> tuple[str, str | None]:
    name, _, page = mention.partition(LINKED)
    return name, page or None


def resolve_people(mentions: Iterable[str], links: dict[str, str] | None = None,
                   roles: dict[str, set[str]] | None = None) -> dict[str, Person]:
    """Map each raw mention to its Person: one Person per real person.

    ``links`` maps folded names to the page the article links them to: names linked to one page are one
    person ("Bob Wall" and "Robert Wall"), names linked to two pages are never one. ``roles`` maps cast
    names to the characters they play: two spellings that play different characters are two people.

    >>> people = resolve_people(["Zoe Agaoglu", "Zoë Ağaoğlu", "Sidse Babett", "Sidse Babett Knudsen",
    ...                          "Anna Berg", "Lars Berg"])
    >>> people["Zoe Agaoglu"].name, people["Sidse Babett"].name, people["Sidse Babett"].alternate_names
    ('Zoë Ağaoğlu', 'Sidse Babett Knudsen', ['Sidse Babett'])
    >>> people["Anna Berg"] is people["Lars Berg"]
    False
    """
    names = list(dict.fromkeys(mentions))
    shown = {n: _unmarked(n)[0] for n in names}  # the name as written, without its page mark
    tokens = {n: _tokens(shown[n]) for n in names}
    full = [n for n in names if len(shown[n].split()) >= 2]
    parent = {n: n for n in names}
    links = links or {}
    roles = roles or {}
    # Per cluster: the pages it is linked to and the characters it plays (kept at the cluster's root).
    # Pages named alike ("Jonathan Rhys Meyers", "Jonathan Rhys-Meyers", "Aliraj", "Ali Raj": a redirect) are one
    # page.
    own_page = {n: _unmarked(n)[1] or links.get(fold(shown[n])) for n in names}
    page_key = _page_keys(own_page, roles)
    pages = {n: {page_key[page]} if (page := own_page[n]) else set() for n in names}
    page_titles = {page_key[page]: page for page in own_page.values() if page}
    # The romanisation of each page title without brackets ("Shobana", "Shobhana"; "John Smith (actor)" is told
    # apart by its brackets), found once.
    title_keys = {key: romanisation_key(title) for key, title in page_titles.items() if "(" not in title}
    plays = {n: set(roles.get(n, ())) for n in names}
    # Per cluster: its full names (at most _MAX_SPELLINGS and one), which a name one letter apart must all fit.
    written_as = {n: [tokens[n]] for n in full}
    # A name written alike for people on two pages: unmarked, it is either of them, so it joins neither.
    marked_pages: dict[str, set[str]] = {}
    for n in names:
        if _unmarked(n)[1]:
            marked_pages.setdefault(fold(shown[n]), set()).update(pages[n])
    two_people = {name for name, found in marked_pages.items() if len(found) > 1}

    def find(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def union(a: str, b: str) -> None:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[root_a] = root_b
            pages[root_b] |= pages.pop(root_a)
            plays[root_b] |= plays.pop(root_a)
            theirs = written_as.pop(root_a, [])
            written_as.setdefault(root_b, []).extend(theirs[:_MAX_SPELLINGS + 1 - len(written_as[root_b])])

    def one_spelling(a: str, b: str) -> bool:
        """Names one letter apart join one person only when each of the one's full names is the other's but for
        a letter (or the same): never through a third name, so a chain of names, each one letter from the next,
        is many people."""
        ours, theirs = written_as.get(find(a), []), written_as.get(find(b), [])
        if len(ours) + len(theirs) > _MAX_SPELLINGS:
            return False
        return all(mine == other or len(mine) != len(other) or _one_letter_apart(mine, other)
                   for mine in ours for other in theirs)

    def compatible(a: str, b: str) -> bool:
        root_a, root_b = find(a), find(b)
        # Two pages are two people ("Michael Jordan", "Michael B. Jordan"), unless their titles are one name in two
        # romanisations ("Shobana", "Shobhana": one redirects to the other).
        if pages[root_a] and pages[root_b] and pages[root_a] != pages[root_b] and not all(
                x in title_keys and y in title_keys and len(title_keys[x]) >= MIN_ROMANISED_KEY
                and title_keys[x] == title_keys[y] for x in pages[root_a] for y in pages[root_b]):
            return False
        if (fold(shown[a]) in two_people and not _unmarked(a)[1]) or \
                (fold(shown[b]) in two_people and not _unmarked(b)[1]):
            return False
        return not plays[root_a] or not plays[root_b] or bool(plays[root_a] & plays[root_b])

    # A page linked under two names neither of which is its title's ("[[Lane Sisters|Rosemary Lane]]",
    # "[[Lane Sisters|Lola Lane]]") is a family's or a group's page: nobody's own, so it joins no one.
    named_on: dict[str, set[str]] = {}
    for n in names:
        for page in pages[n]:
            named_on.setdefault(page, set()).add(shown[n])
    group_pages: set[str] = set()
    for page, written in named_on.items():
        # "Rosemary Lane" and "Lola Lane" on "Lane Sisters"; "Madhabi Chakraborty" and "Madhabi Mukhopadhyay" on
        # "Madhabi Mukherjee" are one person under married names.
        title = without_brackets(page_titles[page])
        if len({_name_tokens(w)[:1] for w in written}) > 1 and not any(
                _one_page_by_name(title, w) or fold(w) == fold(title) for w in written):
            group_pages.add(page)
            for n in names:
                pages[n].discard(page)
    by_page: dict[str, str] = {}
    for n in names:
        for page in list(pages[n]):
            if page in by_page:
                union(n, by_page[page])
            else:
                by_page[page] = n
    # A cast name written without its page ("Dileep" where the lead's link was not kept) is the one person that
    # name's marked cast mentions are, when they are one (never someone credited behind the camera: "[[Deva
    # (composer)|Deva]]" and two actors named Deva are three people).
    marked_as: dict[str, list[str]] = {}
    for n in names:
        if _unmarked(n)[1]:
            marked_as.setdefault(fold(shown[n]), []).append(n)
    for n in names:
        same = marked_as.get(fold(shown[n]), []) if not _unmarked(n)[1] and not own_page[n] and n in roles else []
        if same and all(m in roles for m in same) and len({find(m) for m in same}) == 1 and compatible(n, same[0]):
            union(n, same[0])
    # "Wu Mo Chou" and "Wu Mochou": one name written with and without a space.
    joined_full: dict[str, list[str]] = {}
    for n in full:
        joined_full.setdefault("".join(tokens[n]), []).append(n)
    for spellings in joined_full.values():
        for other in spellings[1:]:
            if _joined_alike(tokens[spellings[0]], tokens[other]) and compatible(spellings[0], other):
                union(spellings[0], other)
    # "Shobana" and "Shobhana", "Cochin Haneefa" and "Cochin Hanifa": one name in two romanisations.
    romanised: dict[str, list[str]] = {}
    # Only names the article links to pages: "Sridhar" the actor and "Sreedhar" the composer may be two people.
    for n in (n for n in names if own_page[n]):
        key = romanisation_key(shown[n])
        if len(key) >= MIN_ROMANISED_KEY:
            romanised.setdefault(key, []).append(n)
    for spellings in romanised.values():
        for other in spellings[1:]:
            if find(other) != find(spellings[0]) and compatible(spellings[0], other):
                union(spellings[0], other)
    partners = _variant_partners([tokens[n] for n in full])
    fits = {index: [full[k] for k in found] for index, found in enumerate(partners)}
    for i, j in sorted({(i, j) for i, found in enumerate(partners) for j in found if i < j}):
        a, b = full[i], full[j]
        if compatible(a, b):
            # A short form that fits two different full names is ambiguous: leave it alone.
            shorter = i if len(tokens[a]) < len(tokens[b]) else j
            if len(tokens[a]) == len(tokens[b]):
                if _same_or_shortened(tokens[a], tokens[b]) or one_spelling(a, b):
                    union(a, b)
            elif len(_distinct_roots(fits, shorter, find)) <= 1:
                union(a, b)
    # "Drew Seeley" in the cast, "Andrew Seeley" in the infobox: one person under two forms of the given name, when
    # they are the only two people of that surname the article credits (a family is never merged this way).
    by_surname: dict[str, list[str]] = {}
    for n in full:
        by_surname.setdefault(tokens[n][-1], []).append(n)
    for same in by_surname.values():
        roots = {find(n) for n in same}
        if len(roots) != 2:
            continue
        a, b = (next(n for n in same if find(n) == root) for root in roots)
        if any(given_name_variant(shown[x], shown[y]) for x in same if find(x) == find(a)
               for y in same if find(y) == find(b)) and compatible(a, b):
            union(a, b)
    # "R. D. Burman" and "Rahul Dev Burman": initials are the given names of the one full name of that surname
    # they begin (never of two: "J. Smith" beside "John Smith" and "Jane Smith" is either).
    for same in by_surname.values():
        # One initial before one name ("S. Shankar") is a father's initial in Tamil and Telugu names: never.
        for initialled in (n for n in same if len(tokens[n]) >= 3 and all(len(t) == 1 for t in tokens[n][:-1])):
            given = tokens[initialled][:-1]
            spelled = [n for n in same if len(tokens[n]) == len(tokens[initialled]) and all(
                len(word) > 1 and word[0] == letter for word, letter in zip(tokens[n][:-1], given, strict=True))]
            roots = {find(n) for n in spelled}
            if len(roots) == 1 and compatible(initialled, spelled[0]):
                union(initialled, spelled[0])
    # A lone name ("Knudsen", "Aliraj") is the one full name that ends with it or is it written without a space.
    by_ending: dict[tuple[str, ...], list[str]] = {}
    for n in full:
        for size in range(1, min(len(tokens[n]), _MAX_KEY_TOKENS + 1)):
            by_ending.setdefault(tuple(tokens[n][-size:]), []).append(n)
        by_ending.setdefault(("", "".join(tokens[n])), []).append(n)
    owners_of: dict[tuple[str, ...], list[str]] = {}
    for lone in (n for n in names if len(shown[n].split()) == 1):
        surname = tuple(tokens[lone])
        if not surname:
            continue
        if surname not in owners_of:
            owners_of[surname] = list(dict.fromkeys(by_ending.get(surname, []) + by_ending.get(("", "".join(surname)),
                                                                                             [])))
        # Kept as clusters, not names: a name merged into another is checked once through its cluster.
        owners = _distinct_roots(owners_of, surname, find)
        if len(owners) == 1 and compatible(lone, owners[0]):
            union(lone, owners[0])
    clusters: dict[str, list[str]] = {}
    for n in names:
        clusters.setdefault(find(n), []).append(n)
    result: dict[str, Person] = {}
    used_keys: set[str] = set()
    for members in clusters.values():
        written = list(dict.fromkeys(shown[m] for m in members))
        # A mention that is no name ("Ann Berg as Anna") never names the person, nor is it one of their names.
        canonical = _canonical_name(written, {shown[m] for m in members if roles.get(m)})
        written = [name for name in written if name == canonical or is_person_name(name)]
        key = slug(canonical)
        while key in used_keys:
            key += "-2"
        used_keys.add(key)
        alternates = sorted({m for m in written if m != canonical and fold(m) != fold(canonical)}
                            | {m for m in written if m != canonical and fold(m) == fold(canonical)})
        marked = next((page for m in members if (page := _unmarked(m)[1])
                       and page_key[page] not in group_pages), None)
        person = Person(key=key, name=canonical, alternate_names=alternates, link=marked)
        for member in members:
            result[member] = person
    return result
