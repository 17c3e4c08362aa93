"""The lead: original title, year, country, language and genre of the first sentence, and its credits."""

from __future__ import annotations

import re

from filmgraph import reference
from filmgraph.extract import prose
from filmgraph.extract.cast import starring
from filmgraph.extract.collect import LEAD, Collector
from filmgraph.extract.names import clean_name, split_names
from filmgraph.extract.titles import original_title
from filmgraph.model import Article, Coded, Film, PartialDate
from filmgraph.reference import fold
from filmgraph.text import UPPER

# Verbs of a lead's "written and directed by …" → the field they credit.
CREDIT_VERBS = {"written": "screenwriter", "co-written": "screenwriter", "directed": "director",
                "co-directed": "director", "produced": "producer", "co-produced": "producer", "edited": "editor",
                "scored": "composer", "narrated": "narrator", "shot": "cinematographer",
                "photographed": "cinematographer", "performed": "cast"}


# A credit names people in full, or by a lone surname or mononym ("written by Hill, Ann Berg and Carl Holm"): a
# lone word counts only when it names someone the infobox credits (see ``_known``).
_NAME_OR_WORD = rf"(?:{prose.NAME_RE.pattern}|[{UPPER}][\w'’-]+\b)"
_NAMES = rf"(?P<names>{_NAME_OR_WORD}(?:(?:,\s*|,?\s+and\s+){_NAME_OR_WORD})*)"


# "by the Monty Python comedy group of A, B and C", "by the comedy troupe The Kids (A, B and C)": the members.
_GROUP_OF = (rf"(?:the\s+(?:[{UPPER}][\w'’-]*\s+){{0,3}}(?:comedy\s+|comic\s+|sketch\s+|filmmaking\s+)?"
             rf"(?:group|troupe|team|duo|trio|collective)\s+(?:of\s+|(?:[{UPPER}][\w'’-]*\s+){{1,3}}\(\s*|(?=[{UPPER}])))?")
_CREDIT_RE = re.compile(
    r"\b(?P<verbs>(?:co-)?(?:written|directed|produced|edited|scored|narrated|shot|photographed)"
    r"(?:(?:,\s*|,?\s+and\s+)(?:co-)?(?:written|directed|produced|edited|scored|narrated|performed))*)\s+by\s+"
    + _GROUP_OF + _NAMES)


# "a 2007 documentary film by writer and director Kevin Booth", "from writer-director Ann Berg": the jobs are nouns.
CREDIT_NOUNS = {"writer": "screenwriter", "screenwriter": "screenwriter", "director": "director",
                "filmmaker": "director", "producer": "producer"}
# Only right after the words that say what the film is ("a 2007 documentary film by …"): "praise from director X",
# "a cameo by director X", "a novel by writer X" credit nobody.
_BY_JOB_RE = re.compile(r"\b(?:film|movie|documentary|picture|feature)\s+(?:by|from)\s+(?:the\s+)?"
                        r"(?:(?:first-time|veteran|acclaimed|American|British|French|Indian|independent)\s+)?"
                        r"(?P<jobs>(?:screen)?writer|director|filmmaker|producer)"
                        r"(?P<more>(?:(?:\s+and\s+|-|/)(?:(?:screen)?writer|director|producer))*)\s+" + _NAMES
                        + r"(?!['’])")


# "Each filmmaker wrote and directed his or her own short segment", "each director scripted their own segment".
_EACH_WROTE_RE = re.compile(r"(?i)\beach\s+(?:of\s+the\s+)?(?:filmmakers?|directors?)\s+(?:also\s+)?"
                            r"(?:wrote|scripted|co-wrote)(?:\s+and\s+directed)?\s+(?:his|her|their|his\s+or\s+her)"
                            r"\s+own\s+(?:[\w-]+\s+)?(?:segment|story|short|episode|chapter)")
# "stars" is the verb after the film or a joint ("The film stars …", "and stars …"); "Bollywood stars A and B" are
# people the sentence mentions, not the film's cast.
_STARRING_RE = re.compile(r"(?:\b[Ss]tarring|\b(?:film|movie|picture|It|it|also|which|and|who|that)\s+stars)\s+"
                          + _NAMES)


# "is a 2012 Danish drama film", "is a 2016 Chinese–Hong Kong fantasy film"; "is a documentary about …" names its
# genre in the noun itself.
_FILM_PHRASE_RE = re.compile(r"\bis an?\s+(?:(?P<year>\d{4})\s+)?(?P<words>[\w\s,'\[\]–-]*?)\s*"
                             r"\b(?:film|movie|feature|(?P<noun>documentary))\b")


_KNOWN_AS_RE = re.compile(r"(?i)\bknown\s+as\b")
_THE_FILM_RE = re.compile(r"The film\s+")
# A pronunciation the page shows ({{IPA-fr|…|lang}}): "French pronunciation: [la ˈɛn]".
_PRONUNCIATION_RE = re.compile(r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+pronunciation:\s*\[[^\]]*\]")
_BRACKETS_RE = re.compile(r"\s*\((?P<paren>[^)]*)\)")


def _brackets_after_title(first: str, title: str) -> re.Match[str] | None:
    r"""The brackets right after the title that opens the lead, "The film" before it or not: what
    ``^(?:The film\s+)?TITLE\s*\((?P<paren>[^)]*)\)`` finds, tried in the same order, without a pattern compiled
    for each page's title (which would also push the patterns every page uses out of re's cache)."""
    opening = _THE_FILM_RE.match(first)
    # Where the title may start: after "The film" and each run of its spaces, the longest first; then at the start.
    starts = [*range(opening.end(), len("The film"), -1), 0] if opening else [0]
    for start in starts:
        if first.startswith(title, start):
            found = _BRACKETS_RE.match(first, start + len(title))
            if found:
                return found
    return None


def read_lead(article: Article, collector: Collector) -> None:
    film = collector.film
    if not article.lead:
        return
    # The lead's first paragraph that tells of the film: a box of names above it ({{Chinese|…}}) tells nothing.
    paragraphs = [paragraph.replace("''", "") for paragraph in article.lead]
    first = next((paragraph for paragraph in paragraphs
                  if paragraph.startswith(article.title) or _THE_FILM_RE.match(paragraph)), paragraphs[0])
    title_at = _brackets_after_title(first, article.title)
    if title_at:
        # "La Haine (French pronunciation: [la ˈɛn]; …)": the title is a word of that language, said as it is.
        # Only in a language the film is in ("Gandhi ({{IPA-hi|…}})" is an English film's title said in Hindi), and
        # never beside another name of the film ("Leviathan ({{IPA-ru|…}}; also known as Leviafan)": that one's).
        spoken = {language.code for language in film.language}
        said_in = [entry for name in _PRONUNCIATION_RE.findall(title_at["paren"])
                   if (entry := reference.language(name)) is not None and entry.code and entry.code != "en"
                   and entry.code in spoken] if not _KNOWN_AS_RE.search(title_at["paren"]) else []
        inner = _PRONUNCIATION_RE.sub("", title_at["paren"]).strip(" ;,")
        inner = re.sub(r"^(?:original|native)\s+title\s*:\s*", "", inner, flags=re.IGNORECASE)
        found = original_title(inner.split("\n")) if inner else None
        # A gloss ("literally Espousal", "also referred to as …") is not a title; a title starts with a capital
        # or a letter of another script.
        if found and not found[0][:1].islower() and not re.search(
                r"\d{4}|\bfilm\b|also known|\breferred\b|born|released|^lit(?:erally|\.)", found[0],
                re.IGNORECASE):
            collector.lead_title = (clean_name(found[0]), found[1])
        elif said_in:
            collector.lead_title = (article.title, said_in[0].code)
        if film.original_title is None and collector.lead_title is not None:
            film.original_title, film.original_language = collector.lead_title
    phrase = _FILM_PHRASE_RE.search(first)
    if phrase:
        if phrase["year"]:
            film.year = PartialDate(int(phrase["year"]))
        words = phrase["words"]
        for match in re.finditer(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)(-language)?\b", words):
            demonym = None
            if match.group(2):
                entry = reference.language(match.group(1))
                if entry is None and " " in match.group(1):
                    # "Indian Hindi-language": a country's people, then the language.
                    demonym, language = match.group(1).split(" ")
                    entry = reference.language(language)
                if entry:
                    collector.add("language", Coded(entry.name, entry.qid, entry.code), LEAD)
                if demonym is None:
                    continue
            country = reference.country_of_demonym(demonym or match.group(1))
            if country:
                collector.add("country", Coded(country.name, country.qid, country.code), LEAD)
        rest = fold(words + (" " + phrase["noun"] if phrase["noun"] else ""))
        for genre_word in reference.genre_words():
            if genre_word in rest and re.search(rf"\b{re.escape(genre_word)}\b", rest):
                entry = reference.genre(genre_word)
                assert entry is not None
                collector.add("genre", Coded(entry.name, entry.qid), LEAD)
                rest = re.sub(rf"\b{re.escape(genre_word)}\b", " ", rest)
    sentences = [s for paragraph in article.lead for s in prose.split_sentences(paragraph)]
    first_sentence = sentences[0] if sentences else None  # where the lead says what the film is
    for sentence in sentences:
        for match in _CREDIT_RE.finditer(sentence):
            if prose.names_another_work(sentence[:match.start()]):
                continue  # "Its theme song was written and performed by …": another work's credits
            fields = {CREDIT_VERBS[v] for v in re.findall(r"(?:co-)?[a-z]+", match["verbs"]) if v in CREDIT_VERBS}
            for name in _credited(film, split_names(match["names"])):
                for field in sorted(fields):
                    collector.person(field, name, LEAD)
        for match in _BY_JOB_RE.finditer(sentence) if sentence is first_sentence else ():
            if re.match(r"\s*['’]", sentence[match.end():]) or re.search(r"['’]s?$", match["names"]):
                continue  # "by writer-director Ravi Das's son Kiran Das": someone else's
            what = re.search(r"\b(?:is|was)\s+an?\s+(?P<rest>[^;]*)$", sentence[:match.start() + 1])
            if what is None or re.search(r"\b(?:of|remake|sequel|prequel|adaptation|based|version|inspired|about)\b",
                                         what["rest"]):
                continue  # "a remake of the 1950 film by director X": another film's director
            jobs = re.findall(r"[a-z]+", match["jobs"] + match["more"])
            for name in _credited(film, split_names(match["names"])):
                for field in sorted({CREDIT_NOUNS[job] for job in jobs if job in CREDIT_NOUNS}):
                    collector.person(field, name, LEAD)
        for match in _STARRING_RE.finditer(sentence):
            for name in _credited(film, split_names(match["names"])):
                collector.person("cast", name, LEAD)
            if re.match(r"\s+as\s|\s*\(", sentence[match.end():]):
                _add_parts(collector, starring(sentence[match.start("names"):], film.links,
                                               [member.person for member in film.cast]))
        if _EACH_WROTE_RE.search(sentence):
            # An anthology: "Each filmmaker wrote and directed his or her own segment": every director wrote too.
            for ref in list(film.director):
                collector.person("screenwriter", ref.person, LEAD)


def _add_parts(collector: Collector, entries: list[tuple[str, list[str]]]) -> None:
    """The lead's "stars Ann Berg as Anna, Carl Holm as Jens": each actor cast, and their parts kept for after the cast
    sections, whose names for the parts come first ("Maja" in the lead is their "Marianne Lund")."""
    for actor, parts in entries:
        collector.person("cast", actor, LEAD)
        # "as a cop", "as the champion": how the lead describes the part, not its name
        named = [part for part in parts if re.match(r"[\"“'‘]?[^\W\d_]", part) and not part[:1].islower()]
        if named:
            collector.lead_parts.append((actor, named))


def _credited(film: Film, names: list[str]) -> list[str]:
    """The people a credit's names stand for: a full name as written; a lone word as the one person the infobox
    credits whose name or surname it is ("Hill" → "Walter Hill"), else nobody."""
    credited = [member.person for member in film.cast] + [
        ref.person for field in ("director", "screenwriter", "producer", "composer", "cinematographer", "editor",
                                 "narrator") for ref in getattr(film, field)]
    found = []
    for name in names:
        if " " in name:
            found.append(name)
            continue
        owners = {full for full in credited if full.strip() and fold(name) in (fold(full), fold(full.split()[-1]))}
        if len(owners) == 1:
            found.append(owners.pop())
    return found
