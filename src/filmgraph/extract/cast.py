"""Cast lists, cast tables and cast sentences → (actor, characters).

A cast list gives each line an actor on one side and what they play on the other ("Ann Berg as Anna",
"Anna – Ann Berg", "Anna (Ann Berg)"). Which side is the actor is a property of the whole list: the side that
is linked, that names people the article credits elsewhere, and that is not a role ("Mrs. Lund", "Priest",
"Himself") — weighed over all its lines (:func:`read_cast_list`). A table says it in its header
(:func:`cast_table_entries`); a sentence in its verb ("Ann Berg plays Anna", :func:`prose_cast`).

Nothing here makes up a name: an actor is a name (never a sentence, never "X as Y"), and a character is the
role as named, without the description that follows it — never a phrase about how the part was played.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from filmgraph import reference
from filmgraph.extract.names import PARTICLES as _PARTICLES
from filmgraph.extract.names import clean_name, is_person_name
from filmgraph.extract.names import name_token as _name_token
from filmgraph.reference import fold, unlinked
from filmgraph.text import ABBREVIATIONS, UPPER

Entry = tuple[str, list[str]]  # (actor, the characters they play)

_SELF_WORDS = frozenset({"himself", "herself", "themselves", "themself", "self", "itself"})
# Words of a role rather than a name ("Mrs. Lund", "Chief of Police", "Old Farmer"): evidence that the side of a
# cast line holding them is the character.
_ROLE_WORDS = frozenset({
    "mr", "mrs", "ms", "miss", "madam", "madame", "monsieur", "mademoiselle", "senor", "senora", "herr", "frau",
    "priest", "father", "mother", "brother", "sister", "mayor", "chief", "police", "policeman", "cop", "officer",
    "inspector", "detective", "sergeant", "captain", "colonel", "general", "major", "lieutenant", "admiral",
    "commander", "king", "queen", "prince", "princess", "lord", "lady", "duke", "duchess", "count", "countess",
    "emperor", "reverend", "pastor", "bishop", "nun", "monk", "doctor", "nurse", "judge", "lawyer", "uncle", "aunt",
    "grandma", "grandpa", "granny", "grandmother", "grandfather", "old", "young", "little", "boy", "girl", "man",
    "woman", "guard", "waiter", "waitress", "driver", "teacher", "servant", "maid", "narrator", "blind", "beggar",
    "villager", "student", "soldier", "president", "professor", "boss", "baby", "kid", "wife", "husband", "son",
    "daughter", "friend", "mailman", "postman", "farmer", "attendant", "clerk", "secretary", "thug", "henchman",
    "goon", "stranger", "neighbour", "neighbor", "landlord", "landlady", "owner", "manager", "reporter",
    *_SELF_WORDS})
# Parentheticals that say how a person appears, never who: "(uncredited)", "(voice)", "(cameo)".
_NOTE_RE = re.compile(r"(?i)\b(?:uncredited|credited|voice|voiced|cameo|appearance|guest|archive|footage|singing|"
                      r"dubbed|special|extended|deleted|scenes?|version|release|also|only|as|segment|episode|"
                      r"photo|photograph|narration|narrator)\b")
# Words that start a sentence or describe a person before their name: "Director Ann Berg appears as …".
_LEADING_WORDS = frozenset({
    "the", "a", "an", "in", "on", "at", "while", "whereas", "although", "though", "however", "meanwhile", "also",
    "then", "later", "finally", "additionally", "other", "several", "and", "but", "when", "after", "before",
    "director", "producer", "writer", "screenwriter", "composer", "actor", "actress", "singer", "rapper",
    "musician", "comedian", "veteran", "former", "boxer", "wrestler", "footballer", "model", "author", "journalist",
    "columnist", "commentator", "broadcaster", "sportscaster", "presenter", "host", "star", "legend", "co-star",
    "newcomer", "playwright", "novelist", "filmmaker", "cinematographer", "editor", "dancer", "choreographer"})
# Words before a name that keep the name part of the role: "Maja Lund in Harbour Lights", "Leader of the Pack".
_JOINING_WORDS = frozenset({
    "of", "in", "at", "from", "for", "with", "on", "by", "to", "into", "as", "and", "or", "the", "a", "an", "aka",
    "a.k.a.", "alias", "&", "which", "who", "whom", "whose", "that", "where", "when", "while", "than", "like",
    "about", "against", "between", "over", "under", "after", "before", "during", "through", "near", "behind",
    "among", "around", "toward", "towards", "upon", "within", "without", "via", "is", "was", "are", "were", "his",
    "her", "their", "its"})
_AGE_WORDS = frozenset({"young", "younger", "old", "older", "little", "teenage", "teen", "adult", "elderly", "elder",
                        "child", "middle-aged"})
_PRONOUNS = frozenset({"him", "her", "them", "it", "his", "hers", "their", "himself", "herself", "themselves",
                       "he", "she", "they", "one"})


# ------------------------------------------------------------------------------------------------ names




def _name_head(text: str) -> str:
    """The name a phrase starts with: "Carl Holm, a professional singer, …" → "Carl Holm".

    >>> _name_head("Mrs. Lund (Eva Lund) is the baker."), _name_head("Carl Holm was a dancer.")
    ('Mrs. Lund', 'Carl Holm')
    """
    text = clean_name(re.split(r"\s*[(),;:–—]|\s+-\s+", unlinked(text).strip(), maxsplit=1)[0])
    tokens = text.split()
    kept: list[str] = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if not (_name_token(token) or (kept and token in _PARTICLES and _name_token(following))):
            break
        kept.append(token)
        if token.endswith(".") and fold(token[:-1]) not in ABBREVIATIONS and not re.fullmatch(r"(?:\w\.)+", token):
            break  # the end of a sentence: "… Eva Lund."
    head = " ".join(kept)
    # A full stop ends the name unless it ends an initial or an abbreviation ("Sammy Lee Jr.").
    return head[:-1] if head.endswith(".") and not re.search(r"(?:\b\w|\b(?i:jr|sr))\.$", head) else head


# ------------------------------------------------------------------------------------------------ roles


def _trailing_name(tokens: list[str]) -> list[str]:
    """The run of name words a phrase ends with, with "the" and particles inside it."""
    start = len(tokens)
    while start > 0:
        token = tokens[start - 1]
        if start < len(tokens) and re.search(r"[,;:(]$", token):
            break  # "Rask, Carl Holm": the run starts after the comma
        if _name_token(token.rstrip(",;:")) or re.match(r"^\d[\w-]*[A-Z]", token):
            start -= 1
        elif start < len(tokens) and (token in _PARTICLES or token == "the") and start - 1 > 0 \
                and _name_token(tokens[start - 2]):
            start -= 1  # "Erik the Red"
        else:
            break
    return tokens[start:]


# A bracket that says the actor only stood in for the part: the credit stays whole, never the part itself.
_STAND_IN_RE = re.compile(r"(?i)\((?:[\w -]+\s)?(?:stand-?in|(?:stunt|body|photo|riding)\s+double|double)\)")


def clean_role(text: str, *, descriptions: bool = True) -> str | None:
    """The character a role phrase names: a description before a name gives way to the name ("the bounty
    hunter Rask" → "Rask", "a young Maja Lund" → "young Maja Lund"); a description alone is kept
    only when ``descriptions`` (a cast list's "a fisherman") and never when it runs on like a sentence.

    >>> clean_role("race car driver Jens Lund"), clean_role("Maja Lund in Harbour Lights")
    ('Jens Lund', 'Maja Lund in Harbour Lights')
    >>> clean_role("a ferry guard"), clean_role("a ferry guard", descriptions=False)
    ('ferry guard', None)
    """
    text = clean_name(_SPACES_RE.sub(" ", text)).strip(" ,;:")
    # A full stop ends the role unless it ends an abbreviation: "Dr. Alice Kinnian Ph.D.", "Balboa, Sr.", "Lt."
    if text.endswith(".") and not re.search(r"(?:\b\w\.\w+|\b[A-Z]|\b(?i:jr|sr|lt|dr|st|mr|mrs|ms|capt|col|gen|sgt|"
                                          r"esq|rev|prof))\.$", text):
        text = text.rstrip(". ")
    if not text or reference.is_placeholder(text):
        return None
    tokens = text.split()
    if fold(text) in _SELF_WORDS:
        return text
    if fold(tokens[0]) in _PRONOUNS:
        return None  # "his buddy", "him"
    bare = tokens[1:] if tokens[0].casefold() in ("a", "an") or (
        tokens[0].casefold() == "the" and len(tokens) > 1 and fold(tokens[1]) in _AGE_WORDS) else tokens
    if not bare:
        return None
    lowercase = [t for t in bare if t[:1].islower() and t not in _PARTICLES and t != "the"]
    if not lowercase:
        return " ".join(bare) if bare is not tokens else text
    run = _trailing_name(bare)
    before = bare[: len(bare) - len(run)]
    if run and before and not any(fold(t) in _JOINING_WORDS for t in before[before[0] == "the":]) \
            and run[0][:1] not in "\"“'‘" \
            and any(t[:1].islower() for t in before) and not (len(run) == 1 and re.fullmatch(r"[A-Z]{1,3}", run[0])):
        # "the bounty hunter Rask" → "Rask"; "a young Maja Lund" → "young Maja Lund"
        if fold(before[-1]) in _AGE_WORDS:
            run = [before[-1], *run]
        return " ".join(run)
    if not descriptions and not (bare[0][:1].isupper() and not before):
        return None
    if len(bare) >= 5 and len(lowercase) >= 3 and not _PART_BY_PLACE_RE.fullmatch(text):
        return None  # a description that runs on like a sentence is no character
    # "as a Greek customs officer": the part is the officer, as credits write it, without the article.
    return " ".join(tokens[1:]) if tokens[0] in ("a", "an") and len(tokens) > 1 else text


def _self_role(word: str) -> str:
    """"herself" as a part's name: "Herself"."""
    return word[:1].upper() + word[1:]


# A full stop after a word of two letters or more ends a sentence ("as Tom. He …"), unless the word is a title's
# abbreviation ("Dr. Lund", "Sen. Wheeler", "Jr."): split_roles checks the word (ABBREVIATIONS).
_SENTENCE_STOP = r"(?<=[a-z]{2})\."


_DESCRIPTION_RE = re.compile(r",\s+(?!(?:Jr|Sr|I{2,3}|IV)\b)|;\s+|\s+[–—-]\s+|\s+who\s+|:\s+|"
                             r"\s+(?:in|at|on|aboard|during|inside|outside|near)\s+(?:a|an|the|his|her|their)\s+|"
                             # "a British woman present at the conference", "a clerk working at the bank"
                             r"\s+(?:present|seen|shown|standing|sitting|attending|working|living|waiting)\s+"
                             r"(?=(?:at|in|on|with|for|during|aboard|near|inside|outside|by|as)\s)|"
                             rf"{_SENTENCE_STOP}\s+(?=[{UPPER}])|{_SENTENCE_STOP}$")


# A part the credits name by what the character is and where or with what ("the man in the toilet", "the woman with
# the dog", "the boy in the red car"): one part, no name and its description ("a dancer at the party" is a dancer).
_PART_BY_PLACE_RE = re.compile(r"the\s+[a-z-]+(?:\s+[a-z-]+)?\s+(?:in|with|on|at|from)\s+(?:the|a|an|his|her)"
                               r"\s+[a-z-]+(?:\s+(?!(?:who|which|that|and|or)\b)[a-z-]+)?(?![\w-])")


def _described(chunk: str) -> list[str]:
    """A role and what describes it: split at the first joint that is no title's abbreviation ("Sen. Wheeler")."""
    by_place = _PART_BY_PLACE_RE.match(chunk)
    for joint in _DESCRIPTION_RE.finditer(chunk):
        word = re.search(r"(\w+)\.$", chunk[:joint.start() + 1])
        if chunk[joint.start()] == "." and word and fold(word.group(1)) in ABBREVIATIONS:
            continue
        if by_place and joint.start() < by_place.end():
            continue  # "the man in the toilet": the place is the part's
        return [chunk[:joint.start()], chunk[joint.end():]]
    return [chunk]


def split_roles(text: str, actor: str = "") -> list[str]:
    """The characters of a role phrase: "Jens / Peter", "Jens and as Peter", "Anna, a nurse" (description
    dropped), "herself" (the part "Herself")."""
    characters: list[str] = []
    if _STAND_IN_RE.search(text):
        # "Sir Robin (stand-in)": the actor stood in for the part; the credit is kept as written, never the part.
        return [_AS_START_RE.sub("", " ".join(unlinked(text).split()).strip(" ,;:"))]
    rest = _AS_START_RE.sub("", _BRACKETS_RE.sub("", text).strip())
    described = False  # the last role had a description: a lower-case chunk after it continues that
    for chunk in _ROLE_SPLIT_RE.split(rest):
        chunk = _AS_START_RE.sub("", chunk.strip())
        if described and chunk[:1].islower():
            continue  # "Jens, a baker, Maja's stepfather/possible father"
        # A description follows the character: ", a nurse", "; Jens's wife", " – …", " who …", ": his
        # henchmen", " at the party", or a new sentence ("Rask. Lund voiced him in French.").
        pieces = _described(chunk)
        chunk, described = pieces[0], len(pieces) > 1 and bool(pieces[1].strip())
        if _NOT_A_ROLE_RE.match(chunk.strip()):
            continue  # "Special appearance in song …" says how the actor appears, not whom they play
        # "John and his twin brother Jack": two parts, the second with what it is to the first.
        chunk = _AND_KIN_RE.sub(" and ", chunk)
        for role in _AND_CAPITAL_RE.split(chunk):
            name = clean_role(role)
            if not name:
                continue
            if name.casefold() in _SELF_WORDS:
                name = _self_role(name)  # "as herself": the part is written so ("Herself"), as credits write it
            if not name or _NOT_A_ROLE_RE.match(name):
                continue  # "as Guest Appearance" says how the actor appears, not whom they play
            if name not in characters:
                characters.append(name)
    # "Bruce Wayne / Batman", "Julia Russell/Bonny Castle", "Walter Downs/Billy/Mephisto": each name is a part,
    # and the credit as written is one too, as a reader quotes it.
    whole = _SLASHED_RE.match(rest)
    bracketed_parts = "(" in text.split(",")[0]  # "Ravi (Adult) / Raju (Child)": two characters, no one credit
    if whole and not bracketed_parts:
        names = [part.strip() for part in whole["names"].split("/")]
        written = " ".join(whole["names"].split())
        if [n.strip('"“”') for n in names] == characters[:len(names)] \
                and not any(fold(n) in _SELF_WORDS for n in names) and written.count('"') % 2 == 0 \
                and all(_name_token(word.strip('"“”')) or word in _PARTICLES for n in names for word in n.split()):
            characters.append(written)
    # "Elliott aka Scratch": each name is a part, and the credit as written is one too.
    also = re.fullmatch(r"(?i:as\s+)?(?P<one>[^,;/()]+?)\s+(?i:aka|a\.k\.a\.|also known as)\s+(?P<other>[^,;/()]+)",
                        _FIRST_CLAUSE_RE.split(text.strip(), maxsplit=1)[0])  # "Raja aka Raju, Vikram's son"
    if also and all(_CAPITAL_START_RE.match(side.strip()) for side in (also["one"], also["other"])):
        return list(dict.fromkeys([also["one"].strip(), also["other"].strip(), " ".join(also.group(0).split())
                                   .removeprefix("as ")]))
    # "Catwoman (Kitayna Ireyna Tatanya Kerenska Alisoff)": the name in brackets is a part, and so is the whole.
    bracketed = re.match(rf"(?:as\s+)?(?P<name>[^{_PART_JOINT}/,;]+?)\s*{_PART_JOINT}\s*"
                         rf"(?P<other>[^{_PART_JOINT}/,;]+?)\s*(?:[,;]|$)", text.strip())
    if bracketed and [bracketed["name"].strip(), bracketed["other"].strip()] == characters[:2]:
        characters.append(f"{bracketed['name'].strip()} ({bracketed['other'].strip()})")
    return characters


_ALIAS_START_RE = re.compile(r"(?:The|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Doctor|Professor|Captain|Agent|Lady|Lord|Sir|Miss|"
                             r"King|Queen|Prince|Princess|Count|Baron|General|Major|Colonel)\s")
_SLASHED_RE = re.compile(r"^(?P<names>[^,;:()/]+(?:/[^,;:()/]+)+?)\s*(?=$|[,;:.]|\s+[–—-]\s|\s+who\s)")


# ------------------------------------------------------------------------------------------------ lines


_CAST_SPLIT_RE = re.compile(r"\s+as\s+|\s+[–—-]\s+|\s*:\s+|\s*(?:\.{3}|…)\s*")


# Between two parts a line names apart ("as Lady (Mrs. Betjeman)"): a slash of our own, never one the page wrote.
_PART_JOINT = "\x1e"
# (The slash is looked for first, then the look-behinds at it: they are not tried at every character.)
_ROLE_SPLIT_RE = re.compile(rf"\s*(?:,?\s+and\s+as\s+|;\s*as\s+|\s*(?=/)(?<!\b[A-Z0-9]{{1}})(?<!\b[A-Z0-9]{{2}})"
                            rf"(?<!\b[A-Z0-9]{{3}})(?<!\b[A-Z0-9]{{4}})/\s*|\s*/(?![A-Z0-9]{{1,4}}\b)\s*|"
                            rf"\s*{_PART_JOINT}\s*)\s*")
# A slash inside a word ("9/11", "AC/DC", "24/7") joins no two parts.

# Patterns the readers of cast lines run on every line, compiled once (through re's cache, each call paid a
# look-up as dear as a short match).
_AS_START_RE = re.compile(r"^as\s+")
_BRACKETS_RE = re.compile(r"\s*\([^()]*\)")
_NOTES_IN_BRACKETS_RE = re.compile(r"\s*\([^)]*\)")
_SPACES_RE = re.compile(r"\s+")
_AND_KIN_RE = re.compile(rf"\s+and\s+(?:his|her|their)\s+(?:[a-z'’-]+\s+){{1,3}}(?=[{UPPER}])")
_AND_CAPITAL_RE = re.compile(rf"\s+and\s+(?=[{UPPER}])")
_FIRST_CLAUSE_RE = re.compile(r",\s|;\s")
_CAPITAL_START_RE = re.compile(rf"[\"“]?[{UPPER}]")
_SAID_RE = re.compile(r"\s+as\s+|\s+[–—-]\s+|\s*\.{3}\s*")
_ROLE_END_RE = re.compile(r",\s|;\s|\s[–—-]\s|:\s|\s+who\s")
_NAMED_PART_RE = re.compile(r"\s*\((?P<name>[^()]+)\)")
_NOTED_PARTS_RE = re.compile(r"\([^)]*\)\s*/|/[^/(:;,.]*\([^)]*\)")
# "Carl Holm as:", "Carl Holm in a dual role –" with his roles in the sub-items below.
_ROLES_BELOW_RE = re.compile(r"\s+as\s*:?$|\s*:$|\s+(?:[–—-]|\.\.\.)$")
_AS_FIRST_RE = re.compile(r"(?i)^as\s")
_CHUNK_SPLIT_RE = re.compile(r"(?:,|;)\s*(?:and\s+)?(?![^(]*\))|\s+and\s+(?![^(]*\))")
_SENTENCE_BREAK_RE = re.compile(r"(?<=[a-z)\"”])[.!?][\"”]?\s+(?=[\"“]?[A-Z])")


_NOT_A_ROLE_RE = re.compile(r"(?i)^(?:an?\s+)?(?:(?:cameo|guest|special|brief)(?:\s+(?:appearance|role)s?\b.*)?|"
                            r"guest appearance.*|uncredited|voice|various|unknown|item (?:number|song)\b.*)$")


def without_works(line: str, titles: Iterable[str]) -> str:
    """A cast line without the works its roles are in: "Ann Berg as Jane in ''Show Boat''/Herself" → "Ann Berg
    as Jane/Herself" (``titles``: the texts the line shows in italics, as the titles of works are written).

    >>> without_works("Ann Berg as Dancer in Oh, Boy! and Show Boat", ["Oh, Boy!", "Show Boat"])
    'Ann Berg as Dancer'
    """
    titles = sorted((t for t in titles if t.strip()), key=len, reverse=True)
    if not titles:
        return line
    title = "(?:" + "|".join(re.escape(t) for t in titles) + ")"
    return re.sub(rf"\s+in\s+(?:the\s+)?{title}(?:\s*(?:,|,?\s+and|&)\s+{title})*(?=\s*(?:[/;,(]|$))", "", line)


def _named_part(match: re.Match[str]) -> str:
    name = match["name"].strip()
    if is_person_name(name) and not _bracket_note(name) and fold(name) not in _SELF_WORDS:
        return f" {_PART_JOINT} {name}"
    return match.group(0)


# "(as Richard Van Patten)", "(credited as Ed Mannix)": the name the credits give the actor.
_CREDITED_AS_RE = re.compile(r"\(\s*(?:(?:credited|billed)\s+)?as\s+(?P<names>[^()]+?)\s*\)", re.IGNORECASE)


def credited_names(text: str, *, in_actor_cell: bool = False) -> list[str]:
    """Other names a cast line gives its actor: "(as Richard Van Patten)", "(credited as Ed Mannix)", a name in
    brackets between the actor and "as" ("Eddie Wilson (Albert Edward Wilson) as …"); in a table's
    actor cell, any names in brackets ("Dean Wein (Dean Elliot)", "(Jenny Haniver/Dougary Grant)").

    >>> credited_names("Dick Berg – Bert (as Richard Berg)"), credited_names("Ann Berg (Ann Lund)")
    (['Richard Berg'], [])
    >>> credited_names("Eddie Lund (Albert Edward Lund) as the bassoonist")
    ['Albert Edward Lund']
    >>> credited_names("Kevin Holm (Jenny Haniver/Dougary Grant)", in_actor_cell=True)
    ['Jenny Haniver', 'Dougary Grant']
    """
    text = unlinked(text)
    found = [m["names"] for m in _CREDITED_AS_RE.finditer(text)]
    # "Eddie Wilson (Albert Edward Wilson) as the bassoonist": the actor's full name, before the part
    named = re.match(r"^[^()]+?\s*\((?P<names>[^()]+)\)\s+as\s", text)
    if named and not re.match(r"(?i)\s*(?:credited|billed|as)\b", named["names"]):
        found.append(named["names"])
    if in_actor_cell:
        found += [m.group(1) for m in re.finditer(r"\(([^()]+)\)", text)
                  if not re.match(r"(?i)\s*(?:credited|billed|as)\b", m.group(1))]
    names = [clean_name(name) for chunk in found for name in re.split(r"\s*[/;]\s*|,\s+|\s+and\s+", chunk)]
    return [name for name in names if is_person_name(name) and not _NOTE_RE.search(name)
            and fold(name) not in _SELF_WORDS]


# "Tom Hill in a dual role as John and Jack", "Kim Lee in a cameo appearance": how the actor appears, said after the
# name; the parts follow "as", if any.
_IN_A_ROLE_RE = re.compile(r"(?i)(?<=\S)\s+in\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
                           r"(?:roles?|appearances?|cameo(?:\s+(?:role|appearance))?)\b(?P<as_>\s+as\b)?(?=\s|$|[,.;:(])")


_POST_NOMINALS_RE = re.compile(r",?\s+(?:OBE|CBE|MBE|KBE|DBE|QC|KC)\b,?(?=\s)")


def parse_cast_line(line: str) -> tuple[str, list[str]] | None:
    """(actor, characters) of a cast-list line.

    >>> parse_cast_line("Ann Berg as Anna, a nurse")
    ('Ann Berg', ['Anna'])
    >>> parse_cast_line("Carl Holm as Jens and as Peter (uncredited)")
    ('Carl Holm', ['Jens', 'Peter'])
    >>> parse_cast_line("Eva Lund – herself")
    ('Eva Lund', ['Herself'])
    >>> parse_cast_line("Tom Hill in a dual role as John and Jack"), parse_cast_line("Kim Lee in a cameo appearance")
    (('Tom Hill', ['John', 'Jack']), ('Kim Lee', []))
    """
    text = _IN_A_ROLE_RE.sub(lambda m: " as" if m["as_"] else "", unlinked(line), count=1)
    text = _POST_NOMINALS_RE.sub("", text)  # "Tom Hill, OBE, as the Colonel": an honour, no part of the credit
    # "as Lady (Mrs. Betjeman)", "– Lady (Mrs. Betjeman)": a name in brackets after the role is the character's
    # own name, another part.
    said = _SAID_RE.search(text)
    if said:
        # Only right after the role: one after its description (", who hires Shakey Finch (Carl Holm)") is the
        # description's own.
        role = _ROLE_END_RE.split(text[said.end():], maxsplit=1)[0]
        stood_in = _STAND_IN_RE.search(role)
        if stood_in and clean_name(text[:said.start()]):
            # "as Sir Robin (stand-in)": the credit as written, never the part (see split_roles).
            return clean_name(text[:said.start()]), [" ".join(role[:stood_in.end()].split())]
        text = text[:said.end()] + _NAMED_PART_RE.sub(_named_part, role) + \
            text[said.end() + len(role):]
    # "Raju (Tamil version) / Raja (Telugu version)": parts told apart by notes, never one credit "Raju / Raja".
    noted_parts = _NOTED_PARTS_RE.search(text) is not None
    # Parentheticals ("(uncredited)", "(credited as …)", "(voice)") are notes, never names.
    text = _NOTES_IN_BRACKETS_RE.sub("", text).strip()
    text = _ROLES_BELOW_RE.sub("", text)  # "Carl Holm as:" with his roles below
    if _AS_FIRST_RE.match(text):
        return None  # a role with no actor
    parts = _CAST_SPLIT_RE.split(text, maxsplit=1)
    actor = clean_name(parts[0])
    if not actor:
        return None
    characters = split_roles(parts[1], actor) if len(parts) == 2 else []
    if noted_parts:
        characters = [c for c in characters if "/" not in c]
    return actor, characters


# "Ann Berg as Anna and Carl Holm as Jens", "…; Carl Holm as Jens": a new actor and role start at the joint.
_PAIR_JOINT_RE = re.compile(rf"(?:;\s+|,?\s+and\s+)(?=(?:[{UPPER}][\w.'’-]*\s+){{1,4}}as\s)")


# "Cameos by A, B and C as themselves": the line's kind of appearance, before the actors it lists.
_APPEARANCES_BY_RE = re.compile(r"(?i)^(?:(?:special|guest|cameo)\s+)?(?:cameos?|appearances?)\s+(?:by|from)\s+")


# Where a line's actors part: "A, B and C", "A & B", "A / B" (a voice and its dub); never the comma before "Jr.",
# "III" or an honour ("OBE").
_ACTORS_JOINT_RE = re.compile(r",?\s+(?:and|&)\s+|\s+/\s+|,\s+(?!(?:Jr|Sr|Jnr|Snr)\b|(?:II|III|IV)\b|"
                              r"(?:OBE|CBE|MBE|KBE|DBE|QC|KC|PhD|MD)\b)")


def parse_cast_entries(line: str) -> list[Entry]:
    """(actor, characters) of each actor a cast-list line names; "A and B as X and Y" pairs them in order.

    >>> parse_cast_entries("Ann Berg and Carl Holm as Anna and Jens: two nurses")
    [('Ann Berg', ['Anna']), ('Carl Holm', ['Jens'])]
    >>> parse_cast_entries("Ann Berg and Carl Holm as the twins")
    [('Ann Berg', ['the twins']), ('Carl Holm', ['the twins'])]
    >>> parse_cast_entries("Ann Berg as Anna and Carl Holm as Jens")
    [('Ann Berg', ['Anna']), ('Carl Holm', ['Jens'])]
    """
    line = _APPEARANCES_BY_RE.sub("", line, count=1)
    pieces = _PAIR_JOINT_RE.split(line)
    if len(pieces) > 1 and all(re.search(r"\sas\s", piece) for piece in pieces):
        return [entry for piece in pieces for entry in parse_cast_entries(piece)]
    parsed = parse_cast_line(line)
    if parsed is None:
        return []
    actor, characters = parsed
    actors = [a for a in (clean_name(part) for part in _ACTORS_JOINT_RE.split(actor)) if a]
    if len(actors) < 2 or not all(is_person_name(a) for a in actors):
        return [parsed]
    parts = _CAST_SPLIT_RE.split(_NOTES_IN_BRACKETS_RE.sub("", unlinked(line)), maxsplit=1)
    if len(characters) != len(actors) and len(parts) == 2:
        # "A and B as racer Jens Lund and his buddy": one role for each actor, in order.
        role_text = re.split(r",\s+|;\s+|:\s+|\s+[–—-]\s+", parts[1], maxsplit=1)[0]
        roles = re.split(r"\s+and\s+", role_text)
        if len(roles) == len(actors) and len(characters) <= 1:
            return [(a, [c] if (c := clean_role(r)) else []) for a, r in zip(actors, roles, strict=True)]
    if len(characters) == len(actors):
        return [(a, [c]) for a, c in zip(actors, characters, strict=True)]
    return [(a, list(characters)) for a in actors]


# ------------------------------------------------------------------------------------------------ lists


@dataclass
class CastContext:
    """What the rest of the article says about names: the people it credits (infobox, crew, cast found so
    far), the texts it links and the characters it names."""

    people: dict[str, str] = field(default_factory=dict)  # folded name → the name as written
    linked: frozenset[str] = frozenset()  # folded texts the page links, anywhere
    characters: set[str] = field(default_factory=set)  # folded character names
    aliases: dict[str, list[str]] = field(default_factory=dict)  # actor → other names the cast lines give them
    # The folded names credited before the cast sections (the infobox, the lead, the crew): the people a lone
    # surname names first ("Reitman" is the director Ivan Reitman, though his children Jason and Catherine act).
    foremost: frozenset[str] = frozenset()
    # The part a sentence named with no actor of its own ("Multiple actors have portrayed the Emperor"): the one a
    # later "his voice" or "portrays him physically" speaks of.
    unowned_part: str = ""
    parts: list[str] = field(default_factory=list)  # the parts named so far, as written, in order
    last_actor: str = ""  # the actor named last
    # While a sentence says "also": the folded name of the actor named last, whom a lone surname of theirs means
    # ("Eva Berg plays a nurse. Berg also portrays a patient"), rather than another credited person of that surname.
    also_of: str = ""

    def add_aliases(self, actor: str, names: Iterable[str]) -> None:
        known = self.aliases.setdefault(actor, [])
        known.extend(name for name in names if name not in known and fold(name) != fold(actor))

    def add_person(self, name: str) -> None:
        self.people.setdefault(fold(name), name)

    def add(self, entries: Iterable[Entry]) -> None:
        for actor, characters in entries:
            self.last_actor = actor
            self.add_person(actor)
            self.characters.update(fold(c) for c in characters if fold(c) != fold(actor))
            self.parts.extend(characters)

    def person(self, name: str) -> str | None:
        """The credited person a mention names: the same name, or the surname or mononym of exactly one (of the
        people credited before the cast sections, when the cast adds others of that name)."""
        key = fold(name)
        if key in self.people:
            return self.people[key]
        if " " in key or not key:
            return None
        owners = {folded: full for folded, full in self.people.items() if folded.split()[-1] == key and " " in folded}
        if len(owners) > 1 and self.also_of in owners:
            return owners[self.also_of]  # "Eva Berg plays a nurse. Berg also portrays a patient": the one just named
        if len(owners) > 1:
            owners = {folded: full for folded, full in owners.items() if folded in self.foremost}
        return next(iter(owners.values())) if len(owners) == 1 else None


@dataclass(frozen=True)
class CastItem:
    """One list item of a cast section: its text, the texts it links and its list depth."""

    text: str
    links: frozenset[str] = frozenset()  # folded shown texts
    depth: int = 1
    heading: bool = False


_VOICED_BY_RE = re.compile(r"^(?P<character>[^:,–—(]+?)\s*[:,–—]?\s*\(?(?:voiced|played|portrayed)\s+by:?\s+"
                           r"(?P<actor>.+)$", re.IGNORECASE)
_SEPARATOR_RE = re.compile(r"\s+as\s+|\s+[–—-]\s+|\s*:\s+|\s*\.{2,}\s*|\s+\((?P<paren>[^()]+)\)")
_CHUNK_RE = re.compile(r"^(?P<name>[^()]+?)(?:\s*\((?P<role>[^()]+)\))?\.?$")


def _chunks(text: str) -> list[re.Match[str]]:
    """"Ann Berg (banker), Carl Holm (singer in tea house), Eva Lund": several actors on one
    line, each with their role; [] for any other line."""
    pieces = _CHUNK_SPLIT_RE.split(text)
    matches = [_CHUNK_RE.match(piece.strip()) for piece in pieces]
    if len(pieces) < 2 or not all(m and is_person_name(m["name"]) for m in matches):
        return []
    found = [m for m in matches if m]
    return found if any(m["role"] for m in found) else []


@dataclass
class _Pair:
    """A cast line split into two sides, one the actor and one the character."""

    left: str  # the text before the separator
    right: str  # after it
    paren: bool  # "Anna (Ann Berg)": the right side was in parentheses
    colon: bool = False  # "Anna: …": what follows a colon may describe what precedes it
    decided: str | None = None  # "left" or "right" when the line itself says which side is the actor


def _split_pair(text: str) -> _Pair | None:
    for match in _SEPARATOR_RE.finditer(text):
        if re.fullmatch(r"\s+as\s+", match.group(0)):
            return None  # "Ann Berg as Anna" says it itself
        if match.group("paren") is None:
            return _Pair(text[:match.start()], text[match.end():], paren=False, colon=":" in match.group(0))
        if re.match(r"\s*(?:[–—-]\s|:\s|\.{2,}|\(|,?\s*$)", text[match.end():]) and \
                not re.match(r"\s*$", text[match.end():]):
            continue  # "Old Knut (Blind Man) – Carl Holm": the pair is split further on
        if _bracket_note(match["paren"]) and text[match.end():].strip():
            continue  # "Ann Berg (Japanese) and Eva Lund (English) as Maja": a note; the pair is split further on
        native = not re.search(r"[A-Za-zÀ-ÿ]", match["paren"]) and re.search(r"[A-Za-zÀ-ÿ]", text[:match.start()])
        if native or _NOTE_RE.search(match["paren"]) or re.match(r"\s*as\s", text[match.end():]):
            return None  # "Ann Berg (special appearance)", "Carl Holm (カール)", "Carl Holm (Carl Eric Holm) as …"
        return _Pair(text[:match.start()], match["paren"], paren=True)
    return None


def _side_score(name: str, raw: str, item: CastItem, context: CastContext) -> int:
    """How much a side of a line looks like a person: linked, credited elsewhere; less when it is a role."""
    key = fold(name)
    score = 2 if key in item.links else 1 if key in context.linked else 0
    if context.person(name) and " " in key:
        score += 2
    if key in context.characters:
        score -= 2
    if any(word in _ROLE_WORDS for word in re.findall(r"[\w-]+", key)) or re.search(r"[’']s\b", name):
        score -= 2
    if re.search(r"\([^)]*\)", raw) and not _NOTE_RE.search(raw):
        score -= 1  # "Old Knut (Blind Man)": a role with its description
    return score


_BRACKET_NOTE_WORDS = frozenset("adult child young younger old older teen teenage teenager kid baby flashback "
                                "flashbacks prologue epilogue tv television broadway stage original remake sequel "
                                "film series season pilot present past future".split())


def _bracket_note(text: str) -> bool:
    """A bracket after an actor that notes something ("(Hindi)", "(Child)", "(Denmark)", "(Flashback)"), not a
    character's name."""
    word = clean_name(text)
    language = reference.language(word)
    # A language only by its ISO name ("Sam", "Kim") is likelier a character's name than a dub's note.
    return fold(word) in _BRACKET_NOTE_WORDS or bool(_NOTE_RE.search(word)) or bool(language and language.qid) \
        or reference.country(word) is not None or reference.country_of_demonym(word) is not None


def _decide(pair: _Pair) -> None:
    left = clean_name(_NOTES_IN_BRACKETS_RE.sub("", pair.left))
    right = _name_head(pair.right)
    if fold(left) in _SELF_WORDS:
        pair.decided = "right"
    elif fold(right) in _SELF_WORDS or not is_person_name(right):
        pair.decided = "left"  # "Carl Holm – a fisherman"
    elif not is_person_name(left) and not all(is_person_name(name) for name in re.split(r"\s+(?:and|&)\s+", left)):
        pair.decided = "right"  # "Chief of Police – Carl Holm" (but "Ann Berg and Carl Holm – Anna and Jens")


# A sub-item that credits the voices of the character on the line above: "Voiced by: Ann Berg (Japanese); Eva Lund
# (English)" (also what {{Anime voices}} shows), "Japanese: Ann Berg", "English dub: Eva Lund". The label is no part.
_VOICE_LABEL_RE = re.compile(r"^(?:(?i:voiced|played|portrayed)\s+by|(?i:voices?)|(?P<language>[A-Z][a-z]+)"
                             r"(?:\s+(?i:voices?|dub|version|cast))?)\s*:\s*(?P<actors>\S.*)$")


def _voice_label(item: CastItem) -> re.Match[str] | None:
    label = _VOICE_LABEL_RE.match(_SPACES_RE.sub(" ", item.text).strip())
    if label is None or (label["language"] and reference.language(label["language"]) is None):
        return None
    return label


def _with_voices_below(items: Sequence[CastItem]) -> list[CastItem]:
    """The list with each character line and the voice credits below it as one line: "Maja" over "Voiced by: Ann
    Berg (Japanese); Eva Lund (English)", or over "Japanese: Ann Berg" and "English: Eva Lund", is "Maja, voiced by
    Ann Berg (Japanese); Eva Lund (English)". The line above names a character, not an actor: it says no "as" and
    credits no voice itself."""
    joined: list[CastItem] = []
    credits: list[str] = []  # the voice credits under joined[-1]

    def close() -> None:
        if credits:
            parent = joined[-1]
            character = _described(_SPACES_RE.sub(" ", parent.text).strip())[0]
            joined[-1] = CastItem(f"{character}, voiced by {'; '.join(credits)}", parent.links, parent.depth)
            credits.clear()

    for item in items:
        label = _voice_label(item) if item.depth > 1 and joined else None
        parent = joined[-1] if label else None
        if label and parent is not None and parent.depth < item.depth \
                and not re.search(r"\sas\s", parent.text) and not _voice_credit(parent.text):
            actors = label["actors"].strip()
            credits.append(f"{actors} ({label['language']})" if label["language"] else actors)
            joined[-1] = CastItem(parent.text, parent.links | item.links, parent.depth)
            continue
        close()
        joined.append(CastItem(label["actors"], item.links, item.depth) if label else item)
    close()
    return joined


# "Tom Hill, Sam Spade", "Tom Hill, a bartender": a comma where other lists write a dash; never the comma before
# "Jr.", "III" or an honour.
_COMMA_PAIR_RE = re.compile(r"^(?P<left>[^,()]+?),\s+(?!(?:Jr|Sr|Jnr|Snr|II|III|IV|OBE|CBE|MBE|KBE|DBE|QC|KC)\b)"
                            r"(?P<right>\S.*)$")
_NAMES_SPLIT_RE = re.compile(r",\s+|\s+(?:and|&)\s+")


def _comma_pair(text: str) -> tuple[str, bool] | None:
    """A line whose actor and part a comma parts, written with a dash instead, and whether the comma is followed by a
    description ("Tom Hill, a bartender": so the actor is before it); None when the comma parts no actor from a part:
    "Tom Hill, Eva Lund and Carl Webb" lists actors, "Tom Hill, who …" describes one."""
    pair = _COMMA_PAIR_RE.match(text)
    if pair is None or re.search(r"\sas\s", text) or not is_person_name(clean_name(pair["left"])):
        return None
    right = pair["right"]
    described = re.match(r"(?:an?|the)\s", right) is not None
    if not described and not _CAPITAL_START_RE.match(right):
        return None
    pieces = _NAMES_SPLIT_RE.split(right.strip(" .:"))
    if len(pieces) > 1 and all(is_person_name(clean_name(piece)) for piece in pieces):
        return None
    return f"{pair['left']} – {right}", described


def _comma_pairs(lines: list[tuple[CastItem, str, _Pair | None]]) -> list[tuple[CastItem, str, _Pair | None]]:
    """The lines with their comma read as a dash where it parts an actor from a part: on a line whose comma a
    description follows ("Tom Hill, a bartender"), and on every such line of a list that writes most of its lines
    so ("Tom Hill, Sam Spade" / "Eva Lund, Kate": which side is the actor, the list decides)."""
    found = [(index, _comma_pair(text)) for index, (item, text, pair) in enumerate(lines)
             if pair is None and not item.heading]
    paired = [(index, written) for index, written in found if written is not None]
    lines_read = sum(not item.heading for item, _, _ in lines)
    named = sum(not described for _, (_, described) in paired)  # "Tom Hill, Sam Spade": a name after the comma
    by_list = named >= 2 and 2 * len(paired) >= lines_read
    result = list(lines)
    for index, (written, described) in paired:
        if by_list or described:
            pair = _split_pair(written)
            if pair is not None:
                _decide(pair)
                result[index] = (lines[index][0], written, pair)
    return result


def read_voice_credits(items: Sequence[CastItem]) -> list[Entry]:
    """The lines of a list of characters that say who plays them ("Maja (voiced by Ann Berg): a spy …");
    the others describe a character, and name no actor.

    >>> read_voice_credits([CastItem("Maja, voiced by Ann Berg (Japanese) and Eva Lund (English)"),
    ...                     CastItem("Jens: a fisherman")])
    [('Ann Berg', ['Maja']), ('Eva Lund', ['Maja'])]
    """
    return [entry for item in _with_voices_below(items) for entry in _voice_credit(item.text)]


def read_cast_list(items: Sequence[CastItem], context: CastContext) -> list[Entry]:
    """(actor, characters) of each line of one cast list, its sub-items included.

    Lines that say which side is the actor ("as", "voiced by", a description on one side, "Himself" on the
    other) keep to it; the others follow the list, whose side is the one its lines' evidence favours.

    >>> context = CastContext(linked=frozenset({"ann berg"}))
    >>> read_cast_list([CastItem("Maja - Ann Berg", frozenset({"ann berg"})),
    ...                 CastItem("Mrs. Lund - Eva Lund"), CastItem("Jens - Carl Holm")], context)
    [('Ann Berg', ['Maja']), ('Eva Lund', ['Mrs. Lund']), ('Carl Holm', ['Jens'])]
    """
    lines: list[tuple[CastItem, str, _Pair | None]] = []
    for item in _with_voices_below(items):
        text = _SPACES_RE.sub(" ", item.text).strip()
        chunks = _chunks(text)
        for chunk in chunks:  # "Ann Berg (banker), Carl Holm (singer in tea house)"
            if not chunk["role"] or _NOTE_RE.search(chunk["role"]):
                lines.append((item, chunk["name"], None))
                continue
            pair = _Pair(chunk["name"], chunk["role"], paren=True)
            if not is_person_name(_name_head(chunk["role"])):
                pair.decided = "left"
            lines.append((item, f"{chunk['name']} ({chunk['role']})", pair))
        if chunks:
            continue
        pair = None if item.heading else _split_pair(text)
        if pair is not None:
            _decide(pair)
        if pair is not None and pair.decided is None:
            # "Vinz – [[Vincent Cassel]]" in a list of "Actor – Role" lines: a side linked and credited as a person,
            # beside one that is neither, is the actor whatever order the list's other lines keep.
            lead = _side_score(_name_head(pair.right), pair.right, item, context) - _side_score(
                clean_name(_NOTES_IN_BRACKETS_RE.sub("", pair.left)), pair.left, item, context)
            if abs(lead) >= 3:
                pair.decided = "right" if lead > 0 else "left"
        lines.append((item, text, pair))
    lines = _comma_pairs(lines)
    vote = 0
    for item, _, pair in lines:
        if pair is not None and pair.decided is None:
            left = clean_name(_NOTES_IN_BRACKETS_RE.sub("", pair.left))
            right = _name_head(pair.right)
            vote += _side_score(right, pair.right, item, context) - _side_score(left, pair.left, item, context)
            # A name of two words or more is likelier the actor's than a single one ("Maja – Ann Berg").
            vote += (len(right.split()) > 1) - (len(left.split()) > 1)
    side = "right" if vote > 0 else "left"
    entries: list[Entry] = []
    parent: list[Entry] = []  # the entries of the last top-level line, for its sub-items
    folding = False  # the last top-level line ends "as:": its sub-items are its roles
    for item, text, pair in lines:
        if item.heading:
            parent, folding = [], False
            continue
        if item.depth > 1 and folding and parent:
            # "* Ann Berg as:" with "** Anna, a nurse" below: the sub-items are the parent's roles.
            for role in split_roles(text, parent[-1][0]):
                if role not in parent[-1][1]:
                    parent[-1][1].append(role)
            continue
        found = _line_entries(text, pair, side, item, context)
        # "* Ann Berg as Anna. Carl Holm portrays her father.": a line's later sentences may name more of the cast.
        known = {fold(actor) for actor, _ in found}
        for sentence in _later_sentences(text) if found else ():
            if _OTHER_PRODUCTION_RE.search(sentence):
                continue  # "X played the role in the stage production": another production's cast
            found += [entry for entry in prose_cast(sentence, item.links, context, lists=False)
                      if fold(entry[0]) not in known]
            known |= {fold(actor) for actor, _ in found}
        context.add(found)  # "** Vik also plays Kurt": the parent names whom a surname means
        if len(found) == 1:
            context.add_aliases(found[0][0], credited_names(text))
        else:
            for actor, _ in found:  # "Ann Berg (Ann B. Berg) (English); Eva Lund (Japanese)": each actor's own
                context.add_aliases(actor, _bracketed_after(text, actor))
        entries += found
        if item.depth <= 1 or not parent:
            parent = found
            folding = bool(_ROLES_BELOW_RE.search(text)) and all(not c for _, c in found)
    return entries


_OTHER_PRODUCTION_RE = re.compile(r"(?i)\b(?:stage|broadway|theatre|theater|musical|play|remake|sequel|series|"
                                  r"other films?|radio|original (?:film|version))\b")


def _bracketed_after(text: str, actor: str) -> list[str]:
    """The names a line gives in brackets right after an actor's: "Eva Lund (Eva Day) (English)" → Eva Day (the name
    the credits give her), never a note ("English")."""
    at = text.find(actor)
    if at < 0:
        return []
    names = []
    rest = text[at + len(actor):]
    while True:
        bracket = _NAMED_PART_RE.match(rest)
        if bracket is None:
            return names
        for inner in bracket["name"].split("/"):  # "(Ida Lund/Per Holm)": two names
            inner = inner.strip()
            # A full name (a label of one word, "(Disney)", "(Streamline)", names a dub, not a person).
            if " " in inner and is_person_name(inner) and not _bracket_note(inner) and fold(inner) != fold(actor) \
                    and not reference.is_company_name(inner):
                names.append(inner)
        rest = rest[bracket.end():]


def _later_sentences(text: str) -> list[str]:
    """The sentences of a cast line after its first ("Ann Berg as Anna, a nurse. Carl Holm plays her father.")."""
    sentences = _SENTENCE_BREAK_RE.split(text)
    return sentences[1:]


# "(voiced by Ann Berg in Japanese and Eva Lund in the English dub)": the language of each voice.
_IN_LANGUAGE_RE = re.compile(r"\s+in\s+(?:the\s+)?(?P<language>[A-Z][a-z]+)(?:\s+(?:version|dub|dubbing))?\s*\.?$")


def _actors(text: str) -> list[str]:
    """The actors a character's side names: "Ann Berg (Japanese); Eva Lund (English)", "Ann Berg, a singer"."""
    actors = []
    for piece in re.split(r"\s*(?:[;,/]|\band\b)\s*(?![^(]*\))", text):
        language = _IN_LANGUAGE_RE.search(piece)
        if language and reference.language(language["language"]):
            piece = piece[:language.start()]  # "Eva Lund in English": the dub she voices, no part of her name
        head = _name_head(piece)
        if not head or not is_person_name(head) or head != clean_name(re.sub(r"\([^)]*\)", "", piece)).strip(" ."):
            if head and is_person_name(head) and not actors:
                actors.append(head)  # "Ann Berg was a dancer …": the name the sentence starts with
            break
        actors.append(head)
    return actors


def _voice_credit(text: str) -> list[Entry]:
    """"Maja, voiced by Ann Berg", "Maja (played by Ann Berg (Japanese) and Eva Lund): a spy": the actors the
    line credits, each with the character; [] for any other line."""
    voiced = _VOICED_BY_RE.match(_SPACES_RE.sub(" ", text).strip())
    if not voiced or re.search(r"\bas\b", voiced["character"]):
        return []
    credit = voiced["actor"]
    if re.search(r"\(\s*(?:voiced|played|portrayed)\s+by", text, re.IGNORECASE):
        depth = 1  # "(voiced by A (Japanese) and B): …": the credit ends where its parenthesis does
        for index, char in enumerate(credit):
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth == 0:
                credit = credit[:index]
                break
    return [(actor, split_roles(voiced["character"], actor)) for actor in _actors(credit)]


# What may follow "Actor:" as a part: a name, a quoted name, or a description ("a ferry guard"), not a verb.
_COLON_PART_RE = re.compile(rf"(?:(?:an?|the)\s+\S|[\"“{UPPER}])")


def _line_entries(text: str, pair: _Pair | None, side: str, item: CastItem, context: CastContext) -> list[Entry]:
    voiced = _voice_credit(text)
    if voiced:
        return voiced
    if pair is not None:
        actor_side = pair.decided or side
        if actor_side == "right":
            left = _NOTES_IN_BRACKETS_RE.sub("", pair.left)
            return [(actor, split_roles(left, actor)) for actor in _actors(pair.right)]
        if pair.colon and pair.decided == "left" and not is_person_name(_name_head(pair.right)):
            # "Maja: The food taster of the clan": a description, of a character unless the article links or
            # credits the name as a person's; it is never a character itself.
            left = clean_name(pair.left)
            known = fold(left) in item.links or (" " in left and context.person(left))
            if not known or not is_person_name(left):
                return []
            # "Tom Hill: a ferry guard", "Tom Hill: [[The Digger]], a mole": the actor's part, named or
            # described; "Tom Hill: plays the lead" says no part.
            return [(left, split_roles(pair.right, left) if _COLON_PART_RE.match(pair.right.strip()) else [])]
        if pair.paren:
            actor = clean_name(pair.left)
            if not is_person_name(actor):
                return []
            # "Ann Berg (banker), Carl Holm (singer)": a role; "Ann Berg (Mrs. Lund)": one by its words; a
            # name alone in parentheses after an actor may be theirs ("Ann Berg (Ann Lund)"), so no role.
            score = _side_score(_name_head(pair.right), pair.right, item, context)
            # A name in brackets that the article knows as nobody's is a character when it is one word ("Kim
            # Bodnia (Frank)") or shares no word with the actor's; a full name sharing one may be their other name.
            bracketed = fold(pair.right).split()
            # So is one the line links to a page of its own that names nobody the article credits ("Tom Hill ([[Sam
            # Spade]])"): the actor's other name would be written, not linked.
            named = _described(pair.right)[0].strip()  # "([[Part]], a mole-like villain)": the part, described
            linked_part = fold(named) in item.links and not context.person(named)
            unrelated = (score <= 0 or linked_part) and not _bracket_note(pair.right) and (
                len(bracketed) == 1 or not set(fold(actor).split()) & set(bracketed) or linked_part)
            role = pair.right if pair.decided or fold(pair.right) in context.characters or score < 0 or unrelated \
                else ""
            return [(actor, split_roles(role, actor) if role else [])]
    entries = [(actor, characters) for actor, characters in parse_cast_entries(text) if is_person_name(actor)]
    if entries or not re.search(r"[a-z]{2,}\s+[a-z]", text):
        return entries
    # A sentence in a list ("Holm also plays Knut, Jens's twin brother.")
    return prose_cast(text, item.links, context)


# ------------------------------------------------------------------------------------------------ tables


_ACTOR_HEADER_RE = re.compile(r"\b(?:actors?|actress(?:es)?|cast|performers?|players?|voices?|voiced|dub|dubbed|"
                              r"dubbing|played by|portrayed by|starring|seiyu)\b")
_CHARACTER_HEADER_RE = re.compile(r"\b(?:characters?|roles?|parts?)\b")


def _column_role(cell: str) -> str | None:
    """What a cast table's column holds, from its header: "actor", "character", "language" (a dub's actors,
    when a character column names whom they voice), "name" (whose, the other columns say) or None (notes,
    years, descriptions)."""
    words = fold(re.sub(r"\([^)]*\)", " ", cell))
    if len(words.split()) > 5 or re.search(r"\sas\s", words):
        return None  # "Ann Berg as Anna": a cast line where a header would be
    if _ACTOR_HEADER_RE.search(words):
        return "actor"
    if _CHARACTER_HEADER_RE.search(words):
        return "character"
    if re.fullmatch(r"\s*(?:full\s+)?names?\s*", words):
        return "name"
    if cell.strip() and (reference.language(_header_language(cell)) or re.fullmatch(r"\s*original\s*", words)):
        return "language"
    return None


def _header_language(cell: str) -> str:
    """"English (Manga, 1995)" → "English"; "Japanese voice" → "Japanese"."""
    return re.sub(r"\s*\(.*$|\s+(?:voice|dub|version|cast)s?\b.*$", "", cell.strip(),
                  flags=re.IGNORECASE | re.DOTALL)


def _cell(text: str) -> str:
    # "| lit. "frog" | Carl Holm": what precedes a lone bar is the cell's attributes, never its content.
    return re.sub(r"^[^|]*\|\s*", "", text).strip() if "|" in text else text.strip()


def cast_table_entries(header: Sequence[str], rows: Sequence[Sequence[str]],
                       context: CastContext | None = None) -> list[Entry]:
    """(actor, characters) of a cast table. The header says what each column holds: the actor, the
    character (one or more columns: "Main role", "Other roles"), or a dub's actors ("Japanese voice actor",
    "English (Disney, 2005)"), one entry for each actor named; a table without a header ("Ann Berg as Anna"
    in every cell) is read cell by cell.

    >>> cast_table_entries(("Character", "Japanese", "English"), (("Maja", "Yui Sato", "Ann Berg"),))
    [('Yui Sato', ['Maja']), ('Ann Berg', ['Maja'])]
    >>> cast_table_entries(("Character name", "Japanese voice actor"), (("Mori (森)", ""),))
    []
    """
    roles = [_column_role(cell) for cell in header]
    if "name" in roles:
        # "Name | Japanese | English": the name is the character's, the dubs hold the actors; else the actor's.
        languages = "language" in roles and "character" not in roles and "actor" not in roles
        roles = [("character" if languages else "actor") if role == "name" else role for role in roles]
    characters = [i for i, role in enumerate(roles) if role == "character"]
    actors = [i for i, role in enumerate(roles) if role == "actor"]
    if characters:
        actors += [i for i, role in enumerate(roles) if role == "language"]
    if not actors:
        return [] if characters else _loose_table(header, rows)
    entries: list[Entry] = []
    for row in rows:
        for column in sorted(actors):
            in_cell = []
            for part in _cell(row[column]).split("\n"):
                parsed = parse_cast_line(part) if part.strip() else None
                if parsed is None:
                    continue
                actor, own = parsed
                if reference.is_placeholder(actor) or not is_person_name(actor):
                    continue
                # "Maja<br>Tove": a character cell can name two
                played = list(dict.fromkeys(c for i in characters for line in _cell(row[i]).split("\n")
                                            for c in split_roles(line, actor)))
                # "Ann Berg as The Fox" in the row of Maja: the dub's name for the row's character, or a part of
                # its own ("as young Maja"); the row's character is still the one voiced.
                entries.append((actor, [*played, *(c for c in own if c not in played)]))
                in_cell.append(actor)
            if context is not None and len(in_cell) == 1 and characters:
                # "Dean Wein (Dean Elliot)" where the characters have their own column: the actor's other name
                context.add_aliases(in_cell[0], credited_names(_cell(row[column]), in_actor_cell=True))
    return entries


def _loose_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[Entry]:
    """A table whose cells are cast lines ("Ann Berg as Anna"), or a name and its "as Anna" beside it."""
    lines: list[str] = []
    for row in (header, *rows):
        for cell in (_cell(c) for c in row):
            if _AS_FIRST_RE.match(cell) and lines:
                lines[-1] += f" {cell}"
            elif cell:
                lines.append(cell)
    if not lines or 2 * sum(bool(re.search(r"\sas\s", line)) for line in lines) < len(lines):
        return []
    return [(actor, roles) for line in lines for actor, roles in parse_cast_entries(line) if is_person_name(actor)]


# ------------------------------------------------------------------------------------------------ prose


_CAST_VERB_RE = re.compile(
    r"\b(?:(?:also|briefly|physically|only|later|again)\s+)?(?:"
    # "provides the character's voice", "provided Rask's voice", "portrays him physically": a part told before
    r"(?P<whose>(?:provides|provided|lends|lent|supplies|supplied|does|did)\s+(?:the\s+character['’]s|his|her|its|"
    r"[A-Z][\w.-]*['’]s)\s+voice|(?:plays?|played|portrays?|portrayed)\s+(?:him|her)\s+physically)|(?P<role>"
    r"(?:plays?|played|portrays?|portrayed|voices?|voiced)(?!\s+(?:by|in|on|with|at|for|opposite|alongside)\b)"
    r"|(?:(?:appears?|appeared|cameos|cameoed|stars?|starred|co-stars?|co-starred)(?:\s+(?:uncredited|briefly))?"
    r"|(?:has|had|makes|made)\s+(?:an?\s+)?(?:brief\s+|small\s+|uncredited\s+|short\s+|minor\s+)?"
    r"(?:cameo|appearance|role|part|scene|bit\s+part)s?(?:\s+(?:appearance|role)s?)?"
    r"|(?:make|makes|made)\s+appearances?"
    r"|(?:makes|made)\s+(?:his|her|their)\s+(?:(?:acting|film|screen|feature(?:\s+film)?|movie)\s+)?debut"
    r"|(?:reprises|reprised)\s+(?:his|her|their)\s+roles?)\s+as"
    r"|(?:provides|provided|lends|lent|supplies|supplied)\s+(?:the\s+)?voice(?:\s+and\s+\w+)?\s+(?:of|for|to))"
    r"|(?P<bare>(?:has|have|had|makes|made)\s+(?:an?\s+)?(?:brief\s+|small\s+|uncredited\s+|short\s+)?"
    r"(?:cameo|appearance)s?(?:\s+appearances?)?|cameos|cameoed|(?:make|makes|made)\s+appearances?"
    # "Horace Morgan and Steve Murphy have uncredited bit parts"
    r"|(?:has|have|had)\s+(?:an?\s+)?(?:uncredited\s+|small\s+|brief\s+)*(?:bit|walk-on|minor|small)\s+"
    r"(?:parts?|roles?)))"
    r"(?=[\s,.;]|$)")
# Asides between an actor and the verb: "Carl Holm (credited as Carl B. Holm), who wrote a song for the film, cameos
# as a doorman", "Eva Lund, then a news anchor in Oslo, has a small scene as a reporter", "Tom Hill, founder of a
# film company, appears as a drunk". The credit note is read as another name of the actor (film._add_stated_names).
_CREDIT_NOTE_RE = re.compile(r"\s*\((?:credited|billed)\s+as\s+[^()]*\)")
_WHO_ASIDE_RE = re.compile(r",\s+(?:who|then|now|later|formerly|at\s+the\s+time|an?|the|"
                           r"[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+of)\s+[^,;()]*,(?=\s)")


# "his brother Tom Lund plays a street singer": a part played, not planned ("was to play", "in the first draft"),
# and no thing played ("plays a key role in …", "a guitar solo", "a song over the credits": _NOT_A_PART).
_SMALL_PART_RE = re.compile(r"(?:(?:also|briefly|later)\s+)?(?:plays|played|portrays|portrayed)\s+an?\s+"
                            r"(?P<what>[a-z][\w'’-]*(?:\s+[\w'’-]+){0,3})")
_PLANNED_RE = re.compile(r"(?i)\b(?:drafts?|script|originally|initially|considered|auditioned|wanted|offered|"
                         r"approached|would|to\s+(?:play|portray))\b")


def _small_part_played(sentence: str, verb: re.Match[str]) -> bool:
    """Whether a casting story's clause says someone plays a small part described ("a street corner singer") in the
    film, not a part planned or offered."""
    played = _SMALL_PART_RE.match(sentence, verb.start())
    return played is not None and not _THINGS_PLAYED.intersection(fold(played["what"]).split()) \
        and not _PLANNED_RE.search(sentence)


def _without_asides(sentence: str) -> str:
    """The sentence without a credit note or a "who …" clause that stands between a name and a cast verb."""
    sentence = _CREDIT_NOTE_RE.sub("", sentence)
    for aside in reversed(list(_WHO_ASIDE_RE.finditer(sentence))):
        if _CAST_VERB_RE.match(sentence, aside.end() + 1) and not _CAST_VERB_RE.search(aside.group(0)):
            sentence = sentence[:aside.start()] + sentence[aside.end():]
    return sentence


# Two parts for two actors: "the young Douzi and Shitou", "Tom and Jerry" (the parts' names only).
_TWO_PARTS_RE = re.compile(r"\s*(?:the\s+)?(?P<age>(?:young|younger|teenage|adult|older|elderly|child)\s+)?"
                           r"(?P<first>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)\s+and\s+(?:the\s+)?"
                           r"(?P<second>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)(?:,?\s+respectively)?\s*(?:[,;.]|$)")
# Where a list of others "as" their parts goes on after a verb's own part: ", Jiang Wenli as …".
_MORE_AS_RE = re.compile(r",\s+(?:and\s+)?(?=[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}\s+as\s)")
# "…, and the teenage Xiao Si by Li Chun": a second part played, its verb left out.
_AND_PART_BY_RE = re.compile(r",?\s+and\s+(?:the\s+|an?\s+)?"
                             r"(?P<part>(?:[a-z-]+\s+){0,2}[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)\s+by\s+")
# "Anna, portrayed by Ann Berg", "Rask (voiced by Carl von Holm)": the role, then its actor.
_PLAYED_BY_RE = re.compile(r"(?:,\s*|\s*\(\s*|\s+(?:is|was|are|were)\s+)(?:voiced|played|portrayed|performed)\s+by\s+")
# "Other cast members include …", "the film features …": the cast a sentence lists.
_INCLUDE_RE = re.compile(r"\b(?:(?:cast|cast members|actors|roles|appearances|stars)\b[^.;]{0,40}?\b"
                         r"(?:include|includes|included|including)|features|featured|featuring|also starring|"
                         # "The film stars Ann Berg as Anna, …": the film, not a person, stars them
                         r"(?:[Ff]ilm|[Mm]ovie|[Pp]icture|It|it|which)\s+(?:also\s+)?(?:stars|starred)|"
                         r"(?:also\s+)?appearing\s+(?:are|were|is|was)|(?:with\s+)?appearances\s+by)\s+")
_ROLE_CUT_RE = re.compile(r";|\s+(?:who|which|whose|where|when|in|from|on|at|opposite|alongside|with|during|for|"
                          r"before|after|to|while|until|because|but|though|although)\s+|\s+[–—-]\s+|\s*\(|\s*\.$")


def _subject(sentence: str, start: int, end: int, links: frozenset[str],
             context: CastContext) -> tuple[list[str], int]:
    """The people a clause names just before its verb ("Director Ann Berg", "Eva Lund and Ann Berg")
    and where they start; ([], end) when the clause does not start with a name."""
    before = sentence[start:end]
    clause = max(before.rfind(mark) for mark in ",;:()\"“”") + 1
    tokens = before[clause:].split()
    names: list[str] = []
    first = len(tokens)  # the index of the first token of the names kept
    while tokens:
        run = _trailing_name(tokens)
        if not run:
            break
        name = _person_of(run, links, context)
        if name is None:
            if names:
                break  # "the bounty hunter Rask and Carl Holm": only the name before the verb
            return [], end
        names.insert(0, name)
        tokens = tokens[: len(tokens) - len(run)]
        first = len(tokens)
        if tokens and tokens[-1] in ("and", "&") and len(names) == 1:
            tokens = tokens[:-1]
            continue
        break
    if not names:
        return [], end
    words = before[clause:].split()
    offset = start + clause + len(before[clause:]) - len(before[clause:].lstrip())
    offset += len(" ".join(words[:first])) + (1 if first else 0)
    if len(names) == 2 and first == 0 and clause > 0 and before[clause - 1] == ",":
        # "Horace Morgan, Doris Deane, Kewpie Morgan and Steve Murphy have bit parts": the names listed before, each
        # a whole item of the list.
        listed: list[str] = []
        at = clause - 1
        for piece in reversed(before[:clause - 1].split(",")):
            tokens = piece.split()
            if not tokens or _trailing_name(tokens) != tokens or (name := _person_of(tokens, links, context)) is None:
                break
            listed.insert(0, name)
            at -= len(piece) + 1
        if listed:
            names = listed + names
            offset = start + at + 1 + len(before[at + 1:]) - len(before[at + 1:].lstrip())
    return names, offset


def _person_of(run: list[str], links: frozenset[str], context: CastContext) -> str | None:
    """The person a run of capitalised words names: the longest linked or credited name it ends with, else
    the run without the words that describe or start a sentence."""
    run = [t.rstrip(",") for t in run]
    for start in range(len(run)):
        candidate = " ".join(run[start:])
        if " " in candidate and (fold(candidate) in links or fold(candidate) in context.people):
            return clean_name(candidate)
    while run and (fold(run[0]) in _LEADING_WORDS or re.search(r"[’']s$", run[0])):
        run = run[1:]
    name = clean_name(" ".join(run)).rstrip(".")
    if not is_person_name(name) or fold(name) in context.characters or reference.is_company_name(name):
        return None  # a character of the film doing something in its story is no actor
    if " " not in name:
        return context.person(name)  # "Holm": a surname of someone the article credits
    return name


def _prose_role(text: str, actor: str, sentence: str = "") -> list[str]:
    """The character an object phrase names: "Rask Lund, a bounty hunter" → Rask Lund; "the hero's aunt,
    May" → May; "a ferry guard" → ferry guard (a part described), "a key role" → none."""
    text = _SPACES_RE.sub(" ", unlinked(text)).strip(" ,;.")
    text = re.sub(r"^(?:the\s+)?(?:title\s+)?(?:role|part|character)\s+of\s+", "", text)  # "the role of Anna"
    head, comma, tail = text.partition(", ")
    if comma and head and head.split()[-1][:1].islower() and _name_token(tail.split()[0] if tail else ""):
        name = _name_head(tail)  # "the hero's aunt, May"
        return [name] if name and len(name) > 1 else []
    head = _ROLE_CUT_RE.split(head, maxsplit=1)[0].strip(" ,.\"“”")
    first = head.split(maxsplit=1)[0] if head else ""
    if fold(first) in _SELF_WORDS and (first == head or re.match(r"\S+\s+(?:as|in|and)\s", head)):
        return [_self_role(first)]  # "himself", "himself as the race begins"
    roles = []
    for part in re.split(rf"\s*(?<!\b[A-Z0-9])(?<!\b[A-Z0-9]{{2}})(?<!\b[A-Z0-9]{{3}})(?<!\b[A-Z0-9]{{4}})/\s*|"
                         rf"\s*/(?![A-Z0-9]{{1,4}}\b)\s*|\s+and\s+(?=[{UPPER}])", head):
        role = clean_role(part, descriptions=False)
        if role and fold(role.split()[0]) not in _PRONOUNS and len(role.split()) <= 8:
            roles.append(role)
    sides = [side.strip() for side in head.split("/")]
    if "/" in head and len(roles) == len(sides) and all(re.fullmatch(rf"[{UPPER}][^\d/]*", side) for side in sides) \
            and roles[:len(sides)] == sides:
        roles.append(" ".join(head.split()))  # "Logan / Wolverine": each name a part, and the credit as written
    described = _DESCRIBED_PART_RE.match(head) if not roles and not _ANOTHER_WORK_RE.search(sentence) else None
    if described and not _NOT_A_PART.intersection(described["what"].split()):
        roles.append(described["what"])  # "plays a dock supervisor", "portrays the city police chief"
    elif not roles and (kin := _WHOSE_PART_RE.match(head)) and not _NOT_A_PART.intersection(kin["what"].split()):
        roles.append(head)  # "plays Peppino's father": the part as the credits name it, by whose it is
    return roles


# A sentence about another work, whose parts are not this film's: "In the sequel, Eva Lund plays a detective".
_ANOTHER_WORK_RE = re.compile(r"(?i)\b(?:sequel|prequel|remake|spin-?off|series|stage|play|musical|episode|"
                              r"original|earlier film|next film|previous film|version|dub|dubbed|trailer|"
                              r"music video|short film|show|in the \d{4} film)\b")
# The words that put a part in another work: "plays Tom in the 2005 remake", "for the stage version".
_IN_ANOTHER_WORK_RE = re.compile(r"(?i)\b(?:in|for|on)\s+(?:the|a|an|its|his|her|their)\s+(?:[\w'’-]+\s+){0,3}?"
                                 r"(?:sequel|prequel|remake|spin-?off|series|stage|play|musical|show|dub|dubbing|dubbed)\b")
# A part described, not named, after "plays" or "appears as": "a dock supervisor", "the Ghostbusters' psychiatric
# doctor" (whose it is dropped), in at most five lower-case words.
_DESCRIBED_PART_RE = re.compile(r"^(?:an?|the)\s+(?:(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*(?:'s|’s|s'|s’)\s+)?"
                                r"(?P<what>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,4})$")
# A part named by whose it is, with no article: "Peppino's father", "Salvatore's sister".
_WHOSE_PART_RE = re.compile(r"^[A-Z][\w-]*(?:'s|’s)\s+(?P<what>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})$")
# What one plays that is no part: "plays a key role", "plays the guitar", "appears as a guest".
_NOT_A_PART = frozenset({"role", "roles", "part", "parts", "character", "characters", "cameo", "cameos",
                         "appearance", "guest", "lead", "leads", "guitar", "piano", "drums", "bass", "violin",
                         "saxophone", "trumpet", "instrument", "music", "song", "songs", "tune", "game", "games",
                         "trick", "tricks", "prank", "joke", "card", "cards", "hand", "version", "himself",
                         "herself", "themselves", "opposite", "villain's", "flute", "harmonica", "organ", "cello",
                         "clarinet", "banjo", "ukulele", "sitar", "tabla", "harp", "score", "theme", "melody",
                         "extra", "extras", "star", "straight", "double", "stand-in", "title", "artist", "actor",
                         "actress", "singer", "dancer", "narrator", "hero", "heroine", "protagonist", "antagonist",
                         "villain", "heavy", "same", "shade", "number", "voice", "veena", "harmonium", "mridangam",
                         "sarangi", "tanpura", "shehnai", "match", "chess", "football", "cricket", "villainous"})
# Of those, what is played that is no part at all: "plays a street singer" is one, "plays a guitar solo" is none.
_THINGS_PLAYED = (_NOT_A_PART - {"singer", "dancer", "narrator", "hero", "heroine", "protagonist", "antagonist",
                                 "villain", "villain's", "heavy", "extra", "extras", "star", "double", "stand-in",
                                 "artist", "actor", "actress", "lead", "leads", "guest", "appearance"}) \
    | {"solo", "solos", "piece", "pieces", "chord", "chords", "keyboard", "keyboards"}


def with_full_names(text: str, links: Iterable[tuple[str, str]]) -> str:
    """The text with each given name it links to its bearer's page written in full ("his brother [[Tom Lund|Tom]]
    plays a singer" → "his brother Tom Lund plays a singer"), as the page it links to names them.

    >>> with_full_names("His brother Tom plays a singer; Tom Lund sings.", [("Tom", "Tom Lund")])
    'His brother Tom Lund plays a singer; Tom Lund sings.'
    """
    for shown, page in links:
        rest = page[len(shown):].strip()
        if " " not in shown and "(" not in page and page.startswith(shown + " ") and is_person_name(page):
            text = re.sub(rf"\b{re.escape(shown)}\b(?!\s+{re.escape(rest)})", page, text)
    return text


def prose_cast(sentence: str, links: Iterable[str], context: CastContext, *,
               appearances_only: bool = False, lists: bool = True) -> list[Entry]:
    """(actor, characters) a sentence of a cast section states: "Ann Berg plays Anna", "Carl Holm portrays
    the hero's uncle, Jens", "Eva Lund appears as a nurse" (a part described: "nurse"), "The film features Ann Berg as
    Anna; Carl Holm as Jens". The actor is a name just before the verb, never a sentence; a lone surname
    only when it is that of someone the article credits.

    >>> prose_cast("Ann Berg plays Anna, a nurse, and Carl Holm portrays the hero's uncle, Jens.", (), CastContext())
    [('Ann Berg', ['Anna']), ('Carl Holm', ['Jens'])]

    With ``appearances_only`` (a casting story, where "Ann Berg plays Anna in the first draft" may be a plan), only
    a sentence that someone appears in the film counts: "Carl Holm has a cameo appearance in the film". Without
    ``lists``, a list after "including" is not read (in a cast line it lists the actor's other films).
    """
    links = frozenset(fold(link) for link in links)
    sentence = _without_asides(_SPACES_RE.sub(" ", unlinked(sentence)).strip())
    context.also_of = fold(context.last_actor) if "also" in sentence and re.search(r"\balso\b", sentence) else ""
    verbs = list(_CAST_VERB_RE.finditer(sentence))
    clauses = []  # (actors, verb, where the actors start)
    for number, verb in enumerate(verbs):
        actors, at = _subject(sentence, verbs[number - 1].end() if number else 0, verb.start(), links, context)
        clauses.append((actors, verb, at))
    entries: list[Entry] = []
    named_here: list[str] = []  # the parts this sentence names, in order
    for number, (actors, verb, at) in enumerate(clauses):
        if not actors and verb["role"] and not appearances_only:
            # "Multiple actors have portrayed the Emperor, …": the part a later "his voice" speaks of.
            named = _prose_role(re.split(r",|;", sentence[verb.end():], maxsplit=1)[0], "", sentence)
            context.unowned_part = named[0] if named else context.unowned_part
        if verb["whose"] and not appearances_only:
            if not actors or _IN_ANOTHER_WORK_RE.search(sentence[verbs[number - 1].end() if number else 0:at]) \
                    or _VOICE_ELSEWHERE_RE.match(sentence, verb.end()):
                continue  # "In the German dub, …", "provided his voice to the film's advertising campaign"
            part = _part_spoken_of(verb.group("whose"), context, named_here)
            entries += [(actor, [part] if part else []) for actor in actors]
            named_here += [part] if part else []
            continue
        if not actors or (appearances_only and not re.search(r"appear|cameo|debut|scene", verb.group(0))
                          and not _small_part_played(sentence, verb)):
            continue
        if _IN_ANOTHER_WORK_RE.search(sentence[verbs[number - 1].end() if number else 0:at]):
            continue  # "In the Hindi remake, Eva Lund plays Tom": a part in another work
        end = len(sentence)
        if number + 1 < len(clauses) and clauses[number + 1][0]:
            end = clauses[number + 1][2]
            # The object ends where the next clause does: at its comma, semicolon or "and".
            joint = list(re.finditer(r",\s+(?:and\s+)?|;\s+|\s+and\s+|\s+while\s+", sentence[verb.end():end]))
            if joint:
                end = verb.end() + joint[-1].start()
        obj = sentence[verb.end():end]
        obj = re.sub(r"^\s*(?:both|respectively,?)\s+", " ", obj)
        if _IN_ANOTHER_WORK_RE.search(re.split(r",|;|\s+(?:who|which|whose)\s", obj, maxsplit=1)[0]):
            continue  # "Eva Lund plays Tom in the 2005 remake" (not "plays Jack, a role he reprised in the sequel")
        if verb["role"] and re.match(r"\s*(?!(?:a|an|the|him|her|his|their|its|them|himself|herself|themselves)\b)"
                                     r"[a-z]", obj):
            continue  # "voiced concerns", "played at least four roles": not a part in this film
        # "Tong Di appears as the eunuch Zhang, Jiang Wenli as Douzi's mother, and Zhi Yitong as …": the verb's
        # object goes on as a list of others, each "as" a part.
        more = _MORE_AS_RE.search(obj) if verb["role"] and verb.group(0).endswith(" as") and len(actors) == 1 \
            else None
        roles = _prose_role(obj[:more.start()] if more else obj, actors[0], sentence) \
            if verb["role"] and len(actors) == 1 else []
        pair = _TWO_PARTS_RE.match(obj) if verb["role"] and len(actors) == 2 else None
        if pair:
            # "Ma Mingwei and Fei Yang play the young Douzi and Shitou": each the part in its place, as described.
            roles = [f"{pair['age'] or ''}{pair[name].rstrip('.')}" for name in ("first", "second")]
            entries += [(actor, [role]) for actor, role in zip(actors, roles, strict=True)]
            named_here += roles
            continue
        entries += [(actor, list(roles)) for actor in actors]
        named_here += roles
        if more:
            entries += _included(obj[more.end():], links, context, people=True)
    if appearances_only:
        return entries
    for match in _PLAYED_BY_RE.finditer(sentence):
        actor = _person_of(_name_head(sentence[match.end():]).split(), links, context)
        run = _trailing_name(sentence[:match.start()].split())
        while run and fold(run[0]) in ("the", "a", "an"):
            run = run[1:]
        role = clean_role(" ".join(run), descriptions=False) if run else None
        if actor and role and fold(role) not in _PRONOUNS:
            entries.append((actor, [role]))
            # "… is played by Ann Berg in the flashbacks and by Eva Lund in the present-day scenes": each actor.
            clause_end = re.search(r"[;.]|$", sentence[match.end():]).start() + match.end()
            for more in re.finditer(r"\band\s+(?:later\s+)?by\s+", sentence[match.end():clause_end]):
                other = _person_of(_name_head(sentence[match.end() + more.end():]).split(), links, context)
                if other and other != actor:
                    entries.append((other, [role]))
            # "The adult Xiao Si is played by Lei Han, and the teenage Xiao Si by Li Chun": another part, its actor.
            for more in _AND_PART_BY_RE.finditer(sentence, match.end(), clause_end):
                other = _person_of(_name_head(sentence[more.end():]).split(), links, context)
                part = clean_role(more["part"], descriptions=False)
                if other and other != actor and part and fold(part) not in _PRONOUNS:
                    entries.append((other, [part]))
    for match in _INCLUDE_RE.finditer(sentence) if lists else ():
        if not _IN_ANOTHER_WORK_RE.search(sentence[:match.start()]):  # not "In the remake, the cast includes …"
            # "Other cast members include …" says its list is of people; "the film features …" does not.
            entries += _included(sentence[match.end():], links, context,
                                 people=re.search(r"(?i)\b(?:cast|stars|starred)\b", match.group(0)) is not None)
    return entries


def _part_spoken_of(words: str, context: CastContext, named_here: list[str]) -> str:
    """The part "the character's voice", "his voice", "portrays him physically" speak of: the part the sentence named
    last ("While Tom Hill portrays the Warden, Carl Holm provides the character's voice"), else the last part named with
    no actor of its own ("Several actors have portrayed the King. Eva Lund provides his voice"); or "Rask's voice"
    (the part named with that word, "Jens Rask", else "Rask"; never a credited person's name). "" when none."""
    owner = re.search(r"([A-Z][\w.-]*)['’]s\s+voice", words)
    if owner is None:
        return named_here[-1] if named_here else context.unowned_part
    word = fold(owner.group(1))
    if any(word in name.split() for name in context.people):
        return ""  # "provided Hill's voice": an actor's, no part's
    known = [part for part in context.parts if word in fold(part).split()]
    return known[-1] if known else owner.group(1)


# A voice given to something else than a part of the film: "provided his voice to the film's advertising campaign".
_VOICE_ELSEWHERE_RE = re.compile(r"\s+(?:to|for|in|on)\s+(?!the\s+film\b(?!['’]))")


def starring(text: str, links: Iterable[str], people: Iterable[str]) -> list[Entry]:
    """(actor, characters) of the cast a sentence lists after the film "stars": "Ann Berg as Anna, Carl Holm as Jens,
    and Eva Lund as Maja", "Ann Berg as Anna, with Carl Holm as Jens in a supporting role", "Ann Berg and Carl Holm as
    Anna and Jens, respectively", "Ann Berg (Anna), Carl Holm (Jens)"; only names the article links (``links``) or
    credits (``people``).

    >>> starring("Ann Berg as Anna, Carl Holm as Jens, and Eva Lund as Maja.", ["Ann Berg", "Carl Holm"], ["Eva Lund"])
    [('Ann Berg', ['Anna']), ('Carl Holm', ['Jens']), ('Eva Lund', ['Maja'])]
    """
    context = CastContext(people={fold(person): person for person in people})
    return _included(text, frozenset(fold(link) for link in links), context, people=True)


_RESPECTIVELY_RE = re.compile(r",?\s+respectively\b")
_AND_LIST_RE = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
# "Salvatore Cascio, Marco Leonardi and Jacques Perrin as Salvatore Di Vita as a child, a teenager and an adult,
# respectively": several actors of one part, each at an age.
_ONE_PART_AT_AGES_RE = re.compile(
    r"(?P<actors>[A-Z][^,;]*?(?:,\s+[A-Z][^,;]*?)*,?\s+and\s+[A-Z][^,;]*?)\s+as\s+(?P<part>[^,;]+?)\s+(?:as|in)\s+"
    r"(?P<phases>(?:an?\s+|the\s+|his\s+|her\s+)?[a-z][^;]*?),?\s+respectively\b")
_WITH_START_RE = re.compile(r"^(?:(?:along\s+)?with|alongside|and)\s+")
_NAME_AND_PART_RE = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<role>[^()]+)\)\s*\.?$")


def _included(text: str, links: frozenset[str], context: CastContext, *, people: bool = False) -> list[Entry]:
    """"Ann Berg as Anna, a nurse; Carl Holm as Jens, her father (…); Eva Lund and Ida Krog": the cast a
    sentence lists after "include" or "features", as far as it names people the article links or credits (with
    ``people``, a list said to be the cast's, also full names from one "as" a part on)."""
    entries: list[Entry] = []
    ages = _ONE_PART_AT_AGES_RE.search(text)
    if ages:
        # "A, B and C as Salvatore as a child, a teenager and an adult, respectively": one part, an actor an age.
        actors = [_person_of(_name_head(name).split(), links, context)
                  for name in _AND_LIST_RE.split(ages["actors"])]
        phases = _AND_LIST_RE.split(ages["phases"])
        part = clean_role(ages["part"], descriptions=False)
        if part and len(actors) == len(phases) and all(
                actor and fold(actor) in links | context.people.keys() for actor in actors):
            before = _WITH_START_RE.sub("", _WITH_START_RE.sub("", text[:ages.start()].strip(" ,;")))
            return (_included(before, links, context, people=people) if before else []) + \
                [(actor, [part]) for actor in actors if actor]
    respectively = _RESPECTIVELY_RE.search(text)
    if respectively:
        # "Ann Berg and Carl Holm as Anna and Jens, respectively": each actor with the part in the same place.
        paired = parse_cast_entries(text[:respectively.start()])
        if len(paired) > 1 and all(fold(actor) in links | context.people.keys() for actor, _ in paired):
            return paired
    described = False  # the last actor's part is described ("as the champion"), not named
    for chunk in re.split(r"(?:;|,)\s+(?:and\s+)?(?![^(]*\))|\s+and\s+(?![^(]*\))", text):
        chunk = _WITH_START_RE.sub("", chunk.strip())  # "…, with Carl Holm as Jens and …"
        if not chunk or not _name_token(chunk.split()[0]) or re.match(r"[\w.-]+['’]s\s", chunk):
            continue  # "a young woman", "father of …", "Alfredo's wife": what the last name plays
        bracketed = _NAME_AND_PART_RE.match(chunk)
        if bracketed and not _bracket_note(bracketed["role"]):
            chunk = f"{bracketed['name']} as {bracketed['role']}"  # "Ann Berg (Anna)"
        match = re.match(r"^(?P<name>.+?)(?:\s+as\s+(?P<role>.+))?$", chunk)
        head = _name_head(match["name"]) if match else ""
        name = _person_of(head.split(), links, context) if head else None
        known = bool(name) and fold(name) in links | context.people.keys()
        full_name = bool(name) and " " in name and is_person_name(name) and not reference.is_place_name(name) \
            and not reference.is_company_name(name)
        if not match or not name or not (known or (full_name and people and (match["role"] or entries))):
            # Only names the article links or credits; in a list said to be the cast's, also a full name "as" a part
            # and the full names after it: people, not things.
            break
        if entries and described and not match["role"] and fold(name) not in context.people:
            # "Carl Holm as the champion, Jens Lund": the name of the part described, no actor
            entries[-1][1][:] = [part for part in entries[-1][1] if part[:1].isupper()] + [name]
            described = False
            continue
        entries.append((name, _prose_role(match["role"], name) if match["role"] else []))
        described = bool(match["role"]) and re.match(r"(?:an?|the)\s+[a-z]", match["role"].strip()) is not None
    return entries


# ------------------------------------------------------------------------------------------------ casting news


# How a casting story tells a part given: "Carl Holm was cast as Jens", "Eva Lund joined the cast as Maja", "Ann
# Berg signed on to play Anna" (the actors before the verb), "Berg cast Carl Holm as Jens", "The role of Jens went
# to Carl Holm" (after it).
_CAST_NEWS_RE = re.compile(
    r"\b(?:(?P<passive>(?:was|were|has\s+been|had\s+been)\s+(?:later\s+|eventually\s+|finally\s+|then\s+)?cast\s+"
    r"(?:as|in\s+the\s+(?:role|part)\s+of)|joined\s+the\s+cast\s+as|signed\s+on\s+to\s+(?:play|portray))\s+"
    r"|(?P<active>cast)\s+(?=[A-Z])"
    r"|(?P<went>[Tt]he\s+(?:title\s+)?(?:role|part)\s+of\s+(?P<part>[^,;]+?)\s+went\s+to)\s+)")
# A part planned, offered, lost or in another work: "was originally cast as … but was replaced", "was considered
# for", "auditioned for", "was cast as Jens in the sequel".
_NOT_GIVEN_RE = re.compile(
    r"(?i)\b(?:originally|initially|first|replac\w*|recast|considered|consideration|auditioned|audition|offered|"
    r"approached|talks|negotiat\w*|would|was\s+to|were\s+to|set\s+to|wanted|declined|turned\s+down|dropped|left|"
    r"instead|but|rumou?red|reportedly|expected|attached|screen\s*test\w*|sequels?|prequels?|remakes?|series|stage|"
    r"producer|director|writer|consultant|composer|editor|choreographer|play\s+"
    r"(?:in|at)|musical|episode|another|previous|earlier|later\s+film|other\s+film|if|unless|not|never|nearly|almost)\b")


# "In ''Coast Road'', the role of Jens went to …", "In the 1990 film, …": a sentence that opens in another work (not
# "In March 2004, …").
_IN_ANOTHER_WORK_OPENING_RE = re.compile(
    r"In\s+(?:''|the\s+(?:\d{4}\s+)?(?:original\s+)?(?:film|movie|version|series|play)\b|"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|early|late|mid|"
    r"the\s+(?:end|beginning|spring|summer|autumn|fall|winter))\b)(?![\d])[A-Z][^,]{0,60},)")


def casting_news(sentence: str, links: Iterable[str], context: CastContext) -> list[Entry]:
    """(actor, characters) of a casting story's sentence that tells a part given: "Carl Holm was cast as Jens in March",
    "Eva Lund joined the cast as Maja", "Ann Berg signed on to play Anna", "Berg cast Carl Holm in the role of Jens",
    "The role of Jens went to Carl Holm", "A and B were cast as X and Y, respectively". Never a part planned, offered,
    lost or in another work (see _NOT_GIVEN_RE): the caller reads these only where no cast list says who plays whom.

    >>> casting_news("Carl Holm was cast as Jens in March 2004.", ["Carl Holm"], CastContext())
    [('Carl Holm', ['Jens'])]
    >>> casting_news("Carl Holm was originally cast as Jens, but was replaced.", ["Carl Holm"], CastContext())
    []
    """
    folded = frozenset(fold(link) for link in links)
    sentence = _SPACES_RE.sub(" ", unlinked(sentence)).strip()
    news = _CAST_NEWS_RE.search(sentence)
    if news is None or _NOT_GIVEN_RE.search(sentence) or _IN_ANOTHER_WORK_OPENING_RE.match(sentence):
        return []
    rest = sentence[news.end():]
    if news["went"]:
        actor = _person_of(_name_head(rest).split(), folded, context)
        part = clean_role(news["part"], descriptions=False)
        return [(actor, [part])] if actor and part else []
    if news["active"]:
        # "Berg cast Carl Holm as Jens": the actor, then the part
        named = re.match(r"(?P<name>.+?)\s+(?:as|in\s+the\s+(?:role|part)\s+of)\s+(?P<role>.+)$", rest)
        actor = _person_of(_name_head(named["name"]).split(), folded, context) if named else None
        if not named or not actor or _name_head(named["name"]) != named["name"].strip():
            return []
        return [(actor, _prose_role(named["role"], actor, sentence))]
    actors, _ = _subject(sentence, 0, news.start(), folded, context)
    if not actors:
        return []
    if len(actors) > 1:
        # "A and B were cast as X and Y, respectively"
        roles = re.split(r"\s+and\s+", _RESPECTIVELY_RE.split(rest, maxsplit=1)[0].strip(" ,."))
        if _RESPECTIVELY_RE.search(rest) and len(roles) == len(actors):
            return [(actor, [part] if (part := clean_role(role, descriptions=False)) else [])
                    for actor, role in zip(actors, roles, strict=True)]
        return []
    return [(actors[0], _prose_role(rest, actors[0], sentence))]


# ------------------------------------------------------------------------------------------------ stories


# Faiths a story names a character by before a rank and a name ("Jewish Captain Alfred Dreyfus"): a description
# ("Christian Grey" is a name).
_FAITHS = frozenset({"jewish", "christian", "muslim", "catholic", "protestant", "hindu", "buddhist", "sikh", "mormon",
                     "amish", "quaker", "jain", "parsi"})
_BRACKET_RE = re.compile(r"\(\s*(?P<inner>[^()]{2,60}?)\s*\)")
_PLACE_PREPOSITIONS = frozenset({"from", "in", "at", "to", "into", "of", "near", "for", "on", "via", "towards"})
# Where the name before a bracket starts at the latest: after a clause's punctuation or a quotation mark.
_BEFORE_NAME_BREAK_RE = re.compile(r"[,;:.!?\"“”()\[\]—–]|\s-\s")


def bracketed_roles(text: str) -> list[tuple[str, str]]:
    """(character, name in brackets) of each name a story follows with another in brackets: "Su Le Qi (Ann
    Berg) arrives", "apprentice chef Feng Yu (Carl Holm)". Whether the bracketed name is the actor playing the
    character is for the caller to decide (it may be a place: "Istanbul (Grand Bazaar)").

    >>> bracketed_roles("In “So Long,” Su Le Qi (Ann Berg) meets apprentice chef Feng Yu (Carl Holm) in May.")
    [('Su Le Qi', 'Ann Berg'), ('Feng Yu', 'Carl Holm')]
    >>> bracketed_roles("She visits the market (a maze) and Paris (1999).")
    []
    """
    pairs = []
    breaks = [found.end() for found in _BEFORE_NAME_BREAK_RE.finditer(text)]  # found once, not before each bracket
    for match in _BRACKET_RE.finditer(text):
        inner = clean_name(match["inner"])
        if not is_person_name(inner) or _NOTE_RE.search(inner):
            continue
        last_break = bisect.bisect_right(breaks, match.start())
        head = text[breaks[last_break - 1] if last_break else 0:match.start()]
        tokens = head.split()
        run = _trailing_name(tokens)
        before = tokens[len(tokens) - len(run) - 1] if len(run) < len(tokens) else ""
        if fold(before) in _PLACE_PREPOSITIONS:
            continue  # "a boy from Bhagalpur (Carl Holm)": a place, not the character's name
        while run and (fold(run[0]) in _LEADING_WORDS or fold(run[0]) in _JOINING_WORDS
                       or re.search(r"[’']s$|(?i:-year-old)$", run[0])
                       or (len(run) > 1 and reference.country_of_demonym(run[0]))
                       or (len(run) > 2 and fold(run[0]) in _FAITHS and _ALIAS_START_RE.match(run[1] + " "))):
            run = run[1:]  # "When Ann", "Rocky's friend Paulie", "American Ann Berg", "Jewish Captain Alfred Dreyfus":
            # the name is what follows
        character = " ".join(run)
        if run and len(run) <= 5 and is_person_name(character) and fold(character) != fold(inner):
            pairs.append((character, inner))
    return pairs
