"""A plausibility audit: facts of an extracted film that no careful reader of its article would accept.

No annotation is needed: each rule compares the film's facts with one another and with its article (a
person named like one of the film's characters, a category named like its award body, a win the article
gives to another work). A rule flags only what is wrong on every page it fires on; a flag that turns out
right is a rule to refine, so the flags of a corpus can be counted and driven to zero.

``audit_film`` checks one extracted film (with its article and wikitext when known: some rules read them);
``audit`` reads files, folders and dumps the way ``export`` does and yields each page's flags.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from filmgraph.errors import FilmgraphError, NotAFilm
from filmgraph.extract import extract_film, prose
from filmgraph.extract.collect import INFOBOX, LEAD
from filmgraph.fields import mapping_rows
from filmgraph.model import Article, AwardResult, Film, Nomination
from filmgraph.pipeline import Reading, load_article
from filmgraph.read.dump import Job, iter_pages
from filmgraph.read.wikitext import looks_like_wikitext
from filmgraph.reference import fold, is_company_name, strip_ordinal


class Kind(enum.Enum):
    """What is implausible about a flagged fact."""

    CHARACTER_LIKE_PERSON = "person named like a character"
    SENTENCE_LIKE_NAME = "name like a sentence"
    ACTOR_AS_CHARACTER = "actor named as their character"
    CREW_AS_CHARACTER = "crew member as a character"
    COMPANY_AS_PERSON = "company as a person"
    CATEGORY_AS_BODY = "category named like an award body"
    CATEGORY_WITHOUT_BODY = "category without the body its page names"
    WIN_OF_ANOTHER_WORK = "win of another work"
    EDGED_NAME = "empty or quote-edged name"


@dataclass(frozen=True)
class Flag:
    """One implausible fact: its kind and the offending value, as the film states it."""

    kind: Kind
    value: str
    page: str = ""

    def __str__(self) -> str:
        return f"{self.page}: {self.kind.value}: {self.value}"


@dataclass
class PageAudit:
    """The flags of one page, or why it was not audited (not a film, or unreadable)."""

    page: str
    title: str | None = None
    flags: list[Flag] = field(default_factory=list)
    skipped: bool = False
    error: str | None = None


# Words that make a "name" a sentence: a verb no name holds (names capitalise their words).
_VERBS = frozenset("""is was are were be been being has have had does did plays played playing portrays portrayed
portraying voices voiced voicing appears appeared appear appearing makes make made provides provided reprises
reprised reprising stars starred starring performs performed perform enjoyed channeled channelled cameos""".split())
_MAX_NAME_WORDS = 6
# "Jane Powell as Milly": a name, then "as", then a capitalised name: one cast line read as one name.
_NAME_AS_NAME_RE = re.compile(r"\b[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s+as\s+[A-Z]")
_NAME_THEN_VERB_RE = re.compile(rf"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+\s+(?:also\s+)?(?:{'|'.join(_VERBS)})\b")
# Words that end a company's name besides the extractor's own table (reference.COMPANY_RE).
_MORE_COMPANY_RE = re.compile(r"\b(?:International|Multimedia|Group|Holdings|Networks?|Records|Television|"
                              r"Broadcasting)\.?$")
_OPENERS = {"(": ")", "[": "]", "{": "}", "“": "”", "‘": "’", "«": "»", '"': '"', "'": "'"}
_CLOSERS = {closing: opening for opening, closing in _OPENERS.items()}
# The text a self-portrayal is written with: "Ann Berg as herself".
_SELF_RE = re.compile(r"\b(?:him|her|them|it|one)sel(?:f|ves)\b", re.IGNORECASE)


def audit_film(film: Film, article: Article | None = None, *, wikitext: str | None = None) -> list[Flag]:
    """The flags of one extracted film. ``article`` lets the rules read the page (the cast lines that say
    "as himself", the sections that name an award body); ``wikitext`` lets them see which titles the page
    sets in italics (other works).

    Example:

    >>> from filmgraph.model import CastMember, Person
    >>> film = Film("Heat", "urn:x", people={"Ann Berg": Person("Ann Berg", "Ann Berg"),
    ...                                      "Elsa": Person("Elsa", "Elsa")},
    ...             cast=[CastMember("Ann Berg", ["Elsa"]), CastMember("Elsa")])
    >>> [str(flag) for flag in audit_film(film)]
    ["Heat: person named like a character: 'Elsa' (the character of Ann Berg)"]
    """
    page = (article.where if article is not None and article.where else "") or film.title
    flags = [*_people_flags(film, article), *_character_flags(film), *_award_flags(film, article),
             *_win_flags(film, wikitext)]
    return [Flag(kind, value, page) for kind, value in _unique(flags)]


def _unique(flags: list[tuple[Kind, str]]) -> list[tuple[Kind, str]]:
    return list(dict.fromkeys(flags))


def _crew_fields() -> list[str]:
    """The Film fields that credit the crew (the mapping table's rows of kind "person")."""
    return list(dict.fromkeys(row.field for row in mapping_rows() if row.kind == "person"))


def _name(film: Film, key: str) -> str:
    person = film.people.get(key)
    return person.name if person is not None else key


def _roles(film: Film) -> dict[str, list[str]]:
    """Each person key → the roles the film credits them with (crew fields, "cast", "nominee")."""
    roles: dict[str, list[str]] = {}
    for name in _crew_fields():
        for ref in getattr(film, name):
            roles.setdefault(ref.person, []).append(name)
    for member in film.cast:
        roles.setdefault(member.person, []).append("cast")
    for nomination in film.nomination:
        for nominee in nomination.nominees:
            for key in [nominee.person] if nominee.person else nominee.work.creators if nominee.work else []:
                roles.setdefault(key, []).append("nominee")
    return roles


def _characters(film: Film) -> dict[str, list[str]]:
    """Each folded character name → the person keys of the cast members who play it."""
    players: dict[str, list[str]] = {}
    for member in film.cast:
        for character in member.characters:
            players.setdefault(fold(character), []).append(member.person)
    return players


def _people_flags(film: Film, article: Article | None) -> Iterator[tuple[Kind, str]]:
    characters = _characters(film)
    sentences = set()
    played_by: list[tuple[str, str]] = []  # (person, the cast member whose character bears the person's name)
    for key, roles in _roles(film).items():
        name = _name(film, key)
        credited = "/".join(dict.fromkeys(roles))
        edge = _edge_problem(name)
        if edge:
            yield Kind.EDGED_NAME, f"person {name!r} ({edge})"
        if _is_sentence(name, person=True):
            sentences.add(key)
            yield Kind.SENTENCE_LIKE_NAME, f"person {name!r} ({credited})"
            continue  # one flag for one mistake: the rest of a sentence read as a name is beside the point
        if _SELF_RE.fullmatch(name):
            yield Kind.CHARACTER_LIKE_PERSON, f"{name!r} ({credited}; the character of a self-portrayal)"
            continue
        if is_company_name(name) or _MORE_COMPANY_RE.search(name):
            yield Kind.COMPANY_AS_PERSON, f"{name!r} ({credited})"
        if "cast" in roles:
            # Two people of one name ("Dileep as Dileep" beside a second Dileep) are a self-portrayal, not this.
            played_by += [(key, p) for p in characters.get(fold(name), [])
                          if p != key and fold(_name(film, p)) != fold(name) and p not in sentences]
    pairs = set(played_by)
    for person, player in played_by:
        if (player, person) in pairs:
            if person < player:  # a swapped pair ("Adam as Howard Keel" beside "Howard Keel as Adam") is one mistake
                yield Kind.CHARACTER_LIKE_PERSON, (f"{_name(film, person)!r} and {_name(film, player)!r} "
                                                   "each play the other")
        else:
            yield Kind.CHARACTER_LIKE_PERSON, f"{_name(film, person)!r} (the character of {_name(film, player)})"
    for member in film.cast:
        actor = _name(film, member.person)
        if member.person not in sentences and any(fold(c) == fold(actor) for c in member.characters) \
                and not _plays_self(actor, article):
            yield Kind.ACTOR_AS_CHARACTER, f"{actor!r}"


def _character_flags(film: Film) -> Iterator[tuple[Kind, str]]:
    crew = {fold(_name(film, ref.person)): (name, ref.person) for name in _crew_fields() for ref in getattr(film, name)}
    for member in film.cast:
        actor = _name(film, member.person)
        if _is_sentence(actor, person=True):
            continue  # flagged once, as the person
        for character in member.characters:
            edge = _edge_problem(character)
            if edge:
                yield Kind.EDGED_NAME, f"character {character!r} of {actor} ({edge})"
            if _is_sentence(character, person=False):
                yield Kind.SENTENCE_LIKE_NAME, f"character {character!r} of {actor}"
                continue
            role = crew.get(fold(character))
            # A character the article links to the crew member's own page is that person (a biopic's subject).
            if role and role[1] != member.person and not _linked_to(film, character, role[1]):
                yield Kind.CREW_AS_CHARACTER, f"{character!r} ({role[0]}) played by {actor}"


def _linked_to(film: Film, text: str, key: str) -> bool:
    person = film.people.get(key)
    page = film.links.get(fold(text))
    return bool(page and person is not None and person.link and fold(page) == fold(person.link))


_GENERIC_AWARD_WORDS = frozenset("award awards prize prizes nomination nominations honour honours honor honors "
                                 "accolade accolades and the ceremony other".split())
# "Los Angeles Film Critics Association Award": the award of an organisation, named by the organisation alone.
_ORGANISATION_AWARD_RE = re.compile(r"^(?:[A-Z][\w'’&.-]*\s+)*(?:Association|Society|Guild|Circle|Institute|Foundation|"
                                    r"Academy)(?:\s+of(?:\s+[A-Z][\w'’.-]*)+)?\s+Awards?$")
_SPECIAL_AWARD_RE = re.compile(r"(?:Special|Honorary|Juvenile)\b")
_AWARD_NOUN_RE = re.compile(r"\s+(?:award|prize|trophy|medal)$")


def _award_flags(film: Film, article: Article | None) -> Iterator[tuple[Kind, str]]:
    bodies = {_core(n.body): n.body for n in film.nomination if n.body}
    for nomination in film.nomination:
        label = f"{nomination.body or '(no body)'} / {nomination.category}"
        for what, text in (("body", nomination.body), ("category", nomination.category)):
            edge = _edge_problem(text) if text or what == "category" else None
            if edge:
                yield Kind.EDGED_NAME, f"{what} of {label!r} ({edge})"
        category = _core(nomination.category)
        if nomination.body and category == _core(nomination.body):
            yield Kind.CATEGORY_AS_BODY, f"{label!r} (its own body)"
            continue
        if category in bodies and fold(nomination.body) != fold(bodies[category]):
            yield Kind.CATEGORY_AS_BODY, f"{label!r} (the body {bodies[category]!r} of other awards of the film)"
            continue
        if _SPECIAL_AWARD_RE.match(nomination.category):
            continue  # "Special Achievement Academy Award", "Honorary Award": a body's award outside its categories
        if " for " not in nomination.category and _ORGANISATION_AWARD_RE.match(nomination.category):
            yield Kind.CATEGORY_AS_BODY, f"{label!r} (an organisation's award, not a category)"
            continue
        if article is not None and _named_as_body(nomination, article):
            yield Kind.CATEGORY_AS_BODY, f"{label!r} (the page gives it categories of its own)"
            continue
        if nomination.body:
            continue
        for other in film.nomination:
            if other.body and fold(other.category) == fold(nomination.category):
                yield Kind.CATEGORY_WITHOUT_BODY, f"{nomination.category!r} (also under {other.body!r})"
                break
        else:
            named = _body_named(nomination, article) if article is not None else None
            if named:
                yield Kind.CATEGORY_WITHOUT_BODY, f"{nomination.category!r} (the page names {named!r})"


def _core(name: str) -> str:
    """An award body's or category's name as compared: folded, without its edition, a leading "the", a
    plural "s" or a closing "Award": "the 43rd Robert Awards" and "Robert Award" are both "robert"."""
    text = re.sub(r"^the\s+", "", fold(strip_ordinal(name))).removesuffix("s")
    return _AWARD_NOUN_RE.sub("", text)


def _named_as_body(nomination: Nomination, article: Article) -> bool:
    """The page writes the category as the award of a body, with a category of its own after it: "a Golden
    Raspberry Award for Worst Actress" makes "Golden Raspberry Award" no category."""
    after = re.compile(re.escape(nomination.category) + r"s?\s+for\s+(?:Best|Worst|Outstanding|Most)\b")
    return any(after.search(unit) for _, blocks in _blocks_of(article, nomination.sources)
               for units in blocks for unit in units)


def _body_named(nomination: Nomination, article: Article) -> str | None:
    """The award body the page names where a nomination read without one was read: in the sentence, list
    item or table row that holds its category, else in those before it in its paragraph, list or table,
    else in its section's title. A category that is an award of its own ("the Golden Screen Award") has no
    body to find unless its own sentence names one."""
    category = fold(nomination.category)
    standalone = bool(_AWARD_NOUN_RE.search(category))
    for title, blocks in _blocks_of(article, nomination.sources):
        for units in blocks:
            for number, unit in enumerate(units):
                if category not in fold(unit):
                    continue
                found = _bodies(unit, category)
                if found or standalone:
                    return found[0] if found else None
                for before in reversed(units[:number]):
                    if _bodies(before, category):
                        return _bodies(before, category)[-1]
                if _bodies(title, category):
                    return _bodies(title, category)[0]
    return None


def _blocks_of(article: Article, sources: list[str]) -> Iterator[tuple[str, list[list[str]]]]:
    """The parts of the article a fact was read from, as (title, blocks): each block (a paragraph, a list,
    a table) as its units (sentences, items, rows)."""
    for source in sources:
        if source == LEAD:
            yield "", [prose.split_sentences(p) for p in article.lead]
        elif source == INFOBOX:
            yield "", [list(entry.values) for entry in article.infobox]
        for section in article.sections:
            if section.title == source:
                yield section.title, [*(prose.split_sentences(p) for p in section.paragraphs),
                                      *(list(items) for items in section.lists),
                                      *([" | ".join(row) for row in table.rows] for table in section.tables)]


def _bodies(text: str, category: str) -> list[str]:
    """The award bodies a text names besides the (folded) category: a body phrase that runs on into the
    category ("Academy Award Nomination: Best Motion Picture Story") is cut before it; headings' generic
    words ("Awards and nominations") and a result word before a colon ("Nominated: …") name no body."""
    found = []
    for body in prose.bodies_in(prose.without_renaming(text)):
        if fold(body).removesuffix("s") in category:
            continue  # "the Nargis Dutt Award for Best …": the prize is the category's own name, not a body
        at = fold(body).find(category)
        if at >= 0:
            body = body[:at].rstrip(" :–—-,")
            if not prose.bodies_in(body):
                continue
        # "Nominated: Young Artist Awards", "Academy Awards: Best Picture": the part that names a body.
        body = next((part for part in body.split(":") if prose.bodies_in(part)), body).strip()
        if set(fold(body).split()) - _GENERIC_AWARD_WORDS:
            found.append(body)
    return found


def _is_sentence(name: str, *, person: bool) -> bool:
    """A person's name holding a verb, " as " or more than six words; a character that opens with a full name
    and a verb ("Ruta Lee enjoyed a long career") or is a cast line ("Jane Powell as Milly"). A character
    may be a description ("Man who was shot", "Skeleton voices"), so only these shapes count for one."""
    if _NAME_AS_NAME_RE.search(name):
        return True
    if not person:
        return bool(_NAME_THEN_VERB_RE.match(name))
    words = name.split()
    return any(word.strip(".,;:") in _VERBS for word in words) or " as " in name or len(words) > _MAX_NAME_WORDS


def _edge_problem(name: str) -> str | None:
    """Why a name's edges are wrong: empty, or a quote or bracket at an edge that nothing in it matches."""
    text = name.strip()
    if not text or not any(ch.isalnum() for ch in text):
        return "empty"
    first, last = text[0], text[-1]
    if first in _OPENERS:
        closing = _OPENERS[first]
        if closing not in text[1:] or (closing == first and text.count(first) % 2):
            return f"opens with {first} it never closes"
    if last in _CLOSERS:
        opening = _CLOSERS[last]
        if opening not in text[:-1] or (opening == last and text.count(last) % 2):
            return f"ends with {last} it never opened"
    return None


def _plays_self(actor: str, article: Article | None) -> bool:
    """The article says the actor plays themself: a line naming the actor with "as himself" (or any
    -self word), or naming them twice ("Regis Philbin as Regis Philbin")."""
    if article is None:
        return False
    wanted = fold(actor)
    lines = [*article.lead]
    for section in article.sections:
        lines += [*section.paragraphs, *(item for items in section.lists for item in items),
                  *(" ".join(row) for table in section.tables for row in table.rows)]
    for line in lines:
        folded = fold(line)
        if wanted in folded and (folded.count(wanted) > 1 or _SELF_RE.search(line)):
            return True
    return False


# ------------------------------------------------------------------ wins the page gives to another work

_REF_RE = re.compile(r"<ref[^>/]*/>|<ref[^>]*>.*?</ref>", re.DOTALL | re.IGNORECASE)
_TEMPLATE_RE = re.compile(r"\{\{[^{}]*\}\}")
_LINK_RE = re.compile(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]")
# ''[[Network (1976 film)|Network]]'': a title the page both links and sets in italics is another work's.
_LINKED_TITLE_RE = re.compile(r"(?<!')''\[\[(?:[^|\]]*\|)?([^|\]]+)\]\]''(?!')")
# "At the 49th Academy Awards, ''Network'' won Best Actress", 'Fred Neil's song "Everybody's Talkin'" won a
# Grammy …': a clause whose subject is a title, in italics or (a song's) in quotes, and whose verb is a win.
_WORK_WON_RE = re.compile(r"^(?:[^,]{0,80},\s*)?(?:and\s+|but\s+)?"
                          r"(?:[\w.'’ -]{0,60}?\b(?:song|single|theme|album|soundtrack|score|track|novel|book|play|"
                          r"film|movie)\s+)?(?:''(?P<work>[^'\n]+?)''|[\"“](?P<song>[^\"“”\n]+)[\"”])"
                          r"(?:\s*\(\d{4}(?: film)?\))?\s+(?:also\s+|later\s+|eventually\s+)?(?:won|wins|received|"
                          r"receives|took|takes|was awarded|earned|earns|picked up|collected)\b(?P<rest>.*)$")
_CLAUSE_BREAK_RE = re.compile(r";\s*|,\s*(?:while|whereas|but|and)\s+")


def _prose_of(wikitext: str) -> str:
    """The page's wikitext without references and templates, its italics and links kept."""
    text = _REF_RE.sub("", wikitext)
    for _ in range(5):  # templates nest: innermost first
        text, count = _TEMPLATE_RE.subn("", text)
        if not count:
            break
    return text.replace("'''''", "''").replace("'''", "")


def _works_winning(text: str) -> list[tuple[str, str, str]]:
    """(work, what the clause says it won, the sentence) for each clause of the page's prose whose subject is
    a title in italics and whose verb is a win."""
    found = []
    for line in _LINK_RE.sub(r"\1", text).splitlines():
        if line.startswith(("|", "{", "!", "=")):
            continue  # tables and headings: no sentences
        for sentence in prose.split_sentences(line.lstrip("*#:; ")):
            for clause in _CLAUSE_BREAK_RE.split(sentence):
                won = _WORK_WON_RE.match(clause)
                if won:
                    found.append((won["work"] or won["song"], fold(won["rest"].replace("''", "")),
                                  sentence.replace("''", "")))
    return found


def _is_own_title(work: str, film: Film) -> bool:
    """The work is the film itself: its title or original title, or one of them within the other
    ("The Lost Key" of "Agent Nine: The Lost Key")."""
    work = fold(work)
    for title in (fold(t) for t in (film.title, film.original_title) if t):
        if work == title or re.search(rf"(?<!\w){re.escape(work)}(?!\w)", title) or \
                re.search(rf"(?<!\w){re.escape(title)}(?!\w)", work):
            return True
    return False


def _win_flags(film: Film, wikitext: str | None) -> Iterator[tuple[Kind, str]]:
    wins = [n for n in film.nomination if n.result is AwardResult.WON]
    if not wins or not wikitext:
        return
    text = _prose_of(wikitext)
    titles = {fold(title) for title in _LINKED_TITLE_RE.findall(text)}
    works = [(work, rest, sentence) for work, rest, sentence in _works_winning(text) if not _is_own_title(work, film)]
    for win in wins:
        label = f"{win.body or '(no body)'} / {win.category}"
        category = fold(win.category)
        if category in titles and not _is_own_title(win.category, film):
            yield Kind.WIN_OF_ANOTHER_WORK, f"{label!r} (a title the page links in italics)"
            continue
        recipients = {fold(n.work.name) for n in win.nominees if n.work}
        for work, rest, sentence in works:
            # A win the film's record gives to the work itself ('"Gonna Fly Now" (Best Music)') is stated as it is.
            if category in rest and fold(work) not in recipients:
                yield Kind.WIN_OF_ANOTHER_WORK, f"{label!r} (won by {work}: {sentence[:100]})"
                break


# ----------------------------------------------------------------------------- pages, folders, dumps


def audit(inputs: Iterable[str | Path], *, reading: Reading | None = None) -> Iterator[PageAudit]:
    """Audit every film page of ``inputs`` (files, folders, dumps, ``wiki:Title``), one page at a time."""
    for job in iter_pages(inputs):
        result = PageAudit(job.name, title=job.title)
        if job.error:
            result.error = job.error
            yield result
            continue
        try:
            article = load_article(job, reading=reading)
            result.title = article.title
            film = extract_film(article)
            result.flags = audit_film(film, article, wikitext=_wikitext_of(job))
        except NotAFilm as exc:
            result.error, result.skipped = str(exc), True
        except FilmgraphError as exc:
            result.error = str(exc)
        yield result


def _wikitext_of(job: Job) -> str | None:
    if job.text is not None:
        return job.text
    if not job.path:
        return None
    try:
        text = Path(job.path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return text if job.path.endswith(".wiki") or looks_like_wikitext(text) else None


def count_flags(flags: Iterable[Flag]) -> dict[Kind, int]:
    """How many flags of each kind, every kind listed (zero included), in the order of :class:`Kind`."""
    counts = dict.fromkeys(Kind, 0)
    for flag in flags:
        counts[flag.kind] += 1
    return counts
