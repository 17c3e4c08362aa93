"""Article → :class:`~filmgraph.model.Film`: every fact the article states, and none it does not.

The infobox is read through the mapping table (label → field → parser by kind); the cast list,
accolades tables and prose are read by the section they stand in. Each fact remembers the
sections it came from, and people are resolved last, so that every spelling of one person in
the article ends up on one node.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from filmgraph import reference
from filmgraph.dates import find_dates, parse_date
from filmgraph.extract import prose
from filmgraph.extract.names import clean_name, resolve_people, split_names
from filmgraph.fields import label_index, mapping_rows, normalize_label
from filmgraph.model import (
    Article,
    AwardResult,
    CastMember,
    Coded,
    Concept,
    Film,
    FilmingLocation,
    Nomination,
    Nominee,
    Organization,
    PartialDate,
    PersonRef,
    Place,
    Quantity,
    Release,
    Screening,
    Work,
)
from filmgraph.read.tables import header_roles, is_result_word
from filmgraph.reference import fold

INFOBOX = "Infobox"
LEAD = "Lead"
# Section titles (casefolded words) that say what a section holds.
DESCRIPTION_SECTIONS = ("premise", "plot", "synopsis", "summary", "story")
CAST_SECTIONS = ("cast", "starring", "voice cast")
AWARD_SECTIONS = ("accolade", "award", "honour", "honor", "prize", "nomination")
_AWARD_ITEM_RE = re.compile(r"^(?P<body>[^:–—]+?)(?:\s*\((?P<date>[^)]*)\))?\s*:\s*(?P<rest>.+)$")
_AWARD_ENTRY_RE = re.compile(r"^(?P<category>.+?)(?:\s+(?:[–—-]|for)\s+(?P<nominee>.+?))?\s*"
                             r"\((?P<result>[A-Za-z -]+)\)\s*$")
# Verbs of a lead's "written and directed by …" → the field they credit.
CREDIT_VERBS = {"written": "screenwriter", "co-written": "screenwriter", "directed": "director",
                "co-directed": "director", "produced": "producer", "edited": "editor", "scored": "composer",
                "narrated": "narrator", "shot": "cinematographer", "photographed": "cinematographer"}
WIN_WORDS = frozenset({"won", "win", "winner", "winners"})
_SELF_WORDS = frozenset({"himself", "herself", "themselves", "themself", "self"})
_SONG_RE = re.compile(r"^[\"“'‘](?P<work>[^\"”’]+)[\"”'’]\s*(?:\((?P<paren>[^)]*)\)|(?:—|–|-|,)?\s*(?:by|performed by|"
                      r"written by|music by)\s+(?P<who>.+))?$")
_CAST_SPLIT_RE = re.compile(r"\s+as\s+|\s+[–—-]\s+|\s*:\s+|\s*\.{3}\s*")
_ROLE_SPLIT_RE = re.compile(r"\s*(?:,?\s+and\s+as\s+|;\s*as\s+|\s*/\s*)\s*")


def _split_values(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in re.split(r"\s*(?:;|,|\band\b|\n)\s*", value) if part.strip()]


def parse_people(values: tuple[str, ...]) -> list[str]:
    return [name for value in values for name in split_names(value)]


def parse_organizations(values: tuple[str, ...]) -> list[Organization]:
    """Example:

    >>> [(o.name, o.area and o.area.name) for o in parse_organizations(("Nordisk Film (Scandinavia)",))]
    [('Nordisk Film', 'Scandinavia')]
    """
    organizations = []
    for value in values:
        for part in re.split(r"\s*(?:;|,(?![^()]*\))|\band\b(?![^()]*\))|\n)\s*", value):
            match = re.match(r"^(?P<name>[^()]+?)\s*(?:\((?P<area>[^)]+)\))?\s*$", clean_name(part) + (
                f" ({m.group(1)})" if (m := re.search(r"\(([^)]+)\)", part)) else ""))
            if match and match["name"].strip():
                area = match["area"]
                organizations.append(Organization(match["name"].strip(), _place(area) if area else None))
    return organizations


def _place(text: str) -> Place:
    entry = reference.country(text)
    if entry:
        return Place(entry.name, entry.qid)
    return Place(prose.canonical_event(text) if prose.is_event_name(text) else text.strip())


def parse_releases(values: tuple[str, ...]) -> list[Release]:
    """Each dated release with the place in brackets after it.

    >>> [(r.date.isoformat(), r.place.name) for r in parse_releases(("18 May 2024 (Cannes), 5 June 2024 (France)",))]
    [('2024-05-18', 'Cannes Film Festival'), ('2024-06-05', 'France')]
    """
    releases = []
    for value in values:
        dates = list(find_dates(value))
        for index, (when, _, end) in enumerate(dates):
            upper = dates[index + 1][1] if index + 1 < len(dates) else len(value)
            place = re.search(r"\(([^)]+)\)", value[end:upper])
            releases.append(Release(when, _place(place.group(1)) if place else None))
    return releases


def parse_minutes(values: tuple[str, ...]) -> list[Quantity]:
    """Example:

    >>> [q.amount for q in parse_minutes(("1 hour 32 minutes",))], parse_minutes(("92 min.",))[0].amount
    ([92.0], 92.0)
    """
    for value in values:
        hours = re.search(r"(\d+)\s*(?:h|hours?|hrs?)\b", value)
        minutes = re.search(r"(\d+)\s*(?:m|min|mins|minutes?)\b", value)
        total = (int(hours.group(1)) * 60 if hours else 0) + (int(minutes.group(1)) if minutes else 0)
        if total:
            return [Quantity(float(total), unit=reference.MINUTE_QID)]
    return []


def _coded(lookup: Callable[[str], reference.Entry | None]) -> Callable[[tuple[str, ...]], list[Coded]]:
    def parse(values: tuple[str, ...]) -> list[Coded]:
        found = []
        for part in _split_values(values):
            label = clean_name(part)
            entry = lookup(label)
            found.append(Coded(entry.name if entry else label, entry.qid if entry else None,
                               entry.code if entry else None))
        return found
    return parse


def parse_money(values: tuple[str, ...]) -> list[Quantity]:
    found = [prose.quantity_of(value, unit_by_currency=True) for value in values]
    return [q for q in found if q]


def parse_count(values: tuple[str, ...]) -> list[Quantity]:
    found = [prose.quantity_of(value, unit_by_currency=False) for value in values]
    return [q for q in found if q]


def parse_locations(values: tuple[str, ...]) -> list[FilmingLocation]:
    return [FilmingLocation(_place(clean_name(part))) for part in _split_values(values)]


def parse_text(values: tuple[str, ...]) -> list[str]:
    return [clean_name(" ".join(values))] if values else []


def parse_year(values: tuple[str, ...]) -> list[PartialDate]:
    return [d for d in (parse_date(v) for v in values) if d]


# kind → parser of infobox values; the mapping table's kind column keys it.
PARSERS: dict[str, Callable[[tuple[str, ...]], list[Any]]] = {
    "title": parse_text, "original_title": parse_text, "text": parse_text, "year": parse_year,
    "date": parse_year, "person": parse_people, "cast": parse_people, "organization": parse_organizations,
    "release": parse_releases, "minutes": parse_minutes, "country": _coded(reference.country),
    "language": _coded(reference.language), "genre": _coded(reference.genre), "money": parse_money,
    "count": parse_count, "location": parse_locations,
}


def parse_cast_line(line: str) -> tuple[str, list[str]] | None:
    """(actor, characters) of a cast-list line.

    >>> parse_cast_line("Ann Berg as Anna, a nurse")
    ('Ann Berg', ['Anna'])
    >>> parse_cast_line("Carl Holm as Jens and as Peter (uncredited)")
    ('Carl Holm', ['Jens', 'Peter'])
    >>> parse_cast_line("Eva Lund – herself")
    ('Eva Lund', ['Eva Lund'])
    """
    text = re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", line)
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
            chunk = re.split(r",\s+|\s+[–—-]\s+|\s+who\s+", chunk, maxsplit=1)[0]
            for role in re.split(r"\s+and\s+(?=[A-ZÀ-Þ])", chunk):
                name = clean_name(role)
                if not name:
                    continue
                if name.casefold() in _SELF_WORDS:
                    name = actor
                if name not in characters:
                    characters.append(name)
    return actor, characters


def _cast_table_rows(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> list[tuple[str, str]]:
    """(actor, role) pairs of a cast table ("| Actor | Role |")."""
    words = [fold(cell) for cell in header]
    actor = next((i for i, w in enumerate(words) if re.search(r"actor|actress|cast|performer|name", w)), None)
    role = next((i for i, w in enumerate(words) if re.search(r"role|character|part", w)), None)
    if actor is None:
        return []
    return [(row[actor], row[role] if role is not None else "") for row in rows if row[actor].strip()]


class _Collector:
    """Film facts as found, with people still as raw name strings."""

    def __init__(self, article: Article) -> None:
        self.film = Film(title=article.title, source=article.source)
        self.where = article.source.rsplit("/", 1)[-1]

    def add(self, field: str, value: Any, source: str) -> None:
        if hasattr(value, "sources"):
            value.sources.append(source)
        getattr(self.film, field).append(value)

    def person(self, field: str, name: str, source: str) -> None:
        if field == "cast":
            self.film.cast.append(CastMember(name, [], [source]))
        else:
            getattr(self.film, field).append(PersonRef(name, [source]))


def extract_film(article: Article) -> Film:
    """Extract every fact of ``article`` into a Film record.

    >>> from filmgraph.read.plain import parse_article
    >>> film = extract_film(parse_article("= Heat =\\nInfobox\\n- Directed by: Michael Mann\\n", source="urn:x"))
    >>> film.people[film.director[0].person].name
    'Michael Mann'
    """
    collector = _Collector(article)
    film = collector.film
    film.warnings.extend(article.warnings)
    _read_infobox(article, collector)
    _read_lead(article, collector)
    for section in article.sections:
        words = fold(section.title)
        if film.description is None and any(w in words for w in DESCRIPTION_SECTIONS) and section.paragraphs:
            film.description = " ".join(section.paragraphs)
        if any(w in words for w in CAST_SECTIONS):
            lines = [item for items in section.lists for item in items]
            lines += [f"{actor} as {role}" if role else actor
                      for table in section.tables for actor, role in _cast_table_rows(table.header, table.rows)]
            for line in lines:
                parsed = parse_cast_line(line)
                if parsed:
                    film.cast.append(CastMember(parsed[0], parsed[1], [section.title]))
        for table in section.tables:
            _read_table(table.header, table.rows, section.title, collector)
        if any(w in words for w in AWARD_SECTIONS):
            for items in section.lists:
                for item in items:
                    _read_award_item(item, section.title, collector)
    _read_prose(article, collector)
    _resolve(film)
    if film.original_title and not film.original_language:
        # An untagged original title is in the film's (first) original language.
        film.original_language = next((c.code for c in film.language if c.code), None)
    return film


def _read_infobox(article: Article, collector: _Collector) -> None:
    index = label_index()
    for entry in article.infobox:
        row = index.get(normalize_label(entry.label))
        if row is None:
            collector.film.warnings.append(f"{collector.where}: line {entry.line}: unknown infobox key '{entry.label}'")
            continue
        if not entry.values:
            continue
        parser = PARSERS.get(row.kind)
        if parser is None:
            collector.film.warnings.append(
                f"{collector.where}: line {entry.line}: infobox key '{entry.label}' cannot be read here")
            continue
        if row.field == "title":
            continue  # the title line names the film; an infobox "Name" only repeats it
        for value in parser(entry.values):
            if row.kind in ("person", "cast"):
                collector.person(row.field, value, INFOBOX)
            elif isinstance(getattr(collector.film, row.field), list):
                collector.add(row.field, value, INFOBOX)
            else:
                setattr(collector.film, row.field, value)


_NAMES = rf"(?P<names>{prose.NAME_RE.pattern}(?:(?:,\s*|,?\s+and\s+){prose.NAME_RE.pattern})*)"
_CREDIT_RE = re.compile(
    r"\b(?P<verbs>(?:co-)?(?:written|directed|produced|edited|scored|narrated|shot|photographed)"
    r"(?:(?:,\s*|,?\s+and\s+)(?:co-)?(?:written|directed|produced|edited|scored|narrated))*)\s+by\s+" + _NAMES)
_STARRING_RE = re.compile(r"\b(?:[Ss]tarring|stars)\s+" + _NAMES)
_FILM_PHRASE_RE = re.compile(r"\bis an?\s+(?:(?P<year>\d{4})\s+)?(?P<words>[\w\s,'-]*?)\s*\b(?:film|movie|feature)\b")


def _read_lead(article: Article, collector: _Collector) -> None:
    film = collector.film
    if not article.lead:
        return
    first = article.lead[0].replace("''", "")
    title_at = re.match(rf"^(?:The film\s+)?{re.escape(article.title)}\s*\((?P<paren>[^)]*)\)", first)
    if title_at and film.original_title is None:
        inner = title_at["paren"].strip()
        inner = re.sub(r"^(?:original|native)\s+title\s*:\s*", "", inner, flags=re.IGNORECASE)
        labelled = re.match(r"^(?P<lang>[A-Z][a-z]+)(?:\s+title)?\s*:\s*(?P<title>.+)$", inner)
        candidate = labelled["title"] if labelled else inner
        # "(Danish: Druk; lit. 'Binge drinking')": the title ends where a gloss begins.
        candidate = re.split(r"\s*(?:;|,\s*lit\.|,\s*literally|\s+lit\.)\s*", candidate)[0]
        if candidate and not re.search(r"\d{4}|\bfilm\b|also known|born", candidate, re.IGNORECASE):
            film.original_title = clean_name(candidate)
            language = reference.language(labelled["lang"]) if labelled else None
            film.original_language = language.code if language else None
    phrase = _FILM_PHRASE_RE.search(first)
    if phrase:
        if phrase["year"]:
            film.year = PartialDate(int(phrase["year"]))
        words = phrase["words"]
        for match in re.finditer(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)(-language)?\b", words):
            if match.group(2):
                entry = reference.language(match.group(1))
                if entry:
                    collector.add("language", Coded(entry.name, entry.qid, entry.code), LEAD)
                continue
            country = reference.country_of_demonym(match.group(1))
            if country:
                collector.add("country", Coded(country.name, country.qid, country.code), LEAD)
        rest = fold(words)
        for genre_word in reference.genre_words():
            if re.search(rf"\b{re.escape(genre_word)}\b", rest):
                entry = reference.genre(genre_word)
                assert entry is not None
                collector.add("genre", Coded(entry.name, entry.qid), LEAD)
                rest = re.sub(rf"\b{re.escape(genre_word)}\b", " ", rest)
    for sentence in (s for paragraph in article.lead for s in prose.split_sentences(paragraph)):
        for match in _CREDIT_RE.finditer(sentence):
            fields = {CREDIT_VERBS[v] for v in re.findall(r"(?:co-)?[a-z]+", match["verbs"]) if v in CREDIT_VERBS}
            for name in split_names(match["names"]):
                for field in sorted(fields):
                    collector.person(field, name, LEAD)
        for match in _STARRING_RE.finditer(sentence):
            for name in split_names(match["names"]):
                collector.person("cast", name, LEAD)


def _table_columns(header: tuple[str, ...]) -> dict[str, int]:
    roles = header_roles(list(header))
    return {role: roles.index(role) for role in ("body", "date", "category", "recipient", "result") if role in roles}


def _read_table(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...], section: str,
                collector: _Collector) -> None:
    columns = _table_columns(header)
    if "category" not in columns:
        return
    for row in rows:
        def cell(role: str, row: tuple[str, ...] = row) -> str:
            return clean_name(row[columns[role]]) if role in columns else ""
        category = cell("category")
        if not category:
            continue
        body_cell = cell("body")
        ceremony = body_cell if re.match(r"^(?:\d+(?:st|nd|rd|th)|\d{4})\s", body_cell) else None
        result_cell = cell("result").casefold()
        result = AwardResult.WON if result_cell in WIN_WORDS else AwardResult.NOMINATED
        nominees = _nominees(row[columns["recipient"]] if "recipient" in columns else "", collector.film.title)
        nomination = Nomination(
            body=prose.strip_ordinal(body_cell) if body_cell else "",
            category=category, result=result, date=parse_date(cell("date")), ceremony=ceremony,
            nominees=nominees, sources=[section])
        _merge_nomination(collector.film, nomination)
        if result_cell and not is_result_word(result_cell):
            collector.film.warnings.append(f"{collector.where}: unknown award result '{cell('result')}'")


def _read_award_item(item: str, section: str, collector: _Collector) -> None:
    """A list item of an awards section: "Robert Awards (31 January 2026): Best Film (won); Best Score – Ann Berg
    (nominated)". Items in other shapes are read as sentences."""
    match = _AWARD_ITEM_RE.match(item)
    entries = [(m, e) for e in re.split(r"\s*;\s*", match["rest"]) if (m := _AWARD_ENTRY_RE.match(e))] \
        if match else []
    if not match or not entries:
        awards, _ = prose.find_awards(item, collector.film.title)
        for award in awards:
            award.sources.append(section)
            _merge_nomination(collector.film, award)
        return
    body_text = clean_name(match["body"])
    when = parse_date(match["date"] or "")
    for entry, _ in entries:
        result_word = entry["result"].strip().casefold()
        if not is_result_word(result_word):
            continue
        _merge_nomination(collector.film, Nomination(
            body=prose.strip_ordinal(body_text), category=clean_name(entry["category"]),
            result=AwardResult.WON if result_word in WIN_WORDS else AwardResult.NOMINATED, date=when,
            ceremony=body_text if re.match(r"^(?:\d+(?:st|nd|rd|th)|\d{4})\s", body_text) else None,
            nominees=_nominees(entry["nominee"] or "", collector.film.title), sources=[section]))


def _nominees(cell: str, title: str) -> list[Nominee]:
    cell = cell.strip()
    if not cell or fold(clean_name(cell)) == fold(title):
        return []
    song = _SONG_RE.match(cell)
    if song:
        who = song["who"] or ""
        return [Nominee(work=Work(song["work"].strip(), split_names(who)))]
    # A country as recipient is the submitting country (international feature film), not a person.
    return [Nominee(person=name) for name in split_names(cell) if not reference.country(name)]


def _body_key(body: str | None) -> str:
    return fold(prose.strip_ordinal(body or "")).removeprefix("the ").rstrip("s")


def _merge_nomination(film: Film, new: Nomination) -> None:
    """Add a nomination, or merge it into the one of the same body and category."""
    same_category = [old for old in film.nomination if fold(old.category) == fold(new.category)]
    if new.body:
        matches = [old for old in same_category if _body_key(old.body) == _body_key(new.body)]
    else:
        matches = same_category
        if len(matches) > 1:
            # "won Best Director" with the category under two bodies: the text does not say which.
            film.warnings.append(f"'{new.category}' is stated without its award body and fits "
                                 f"{len(matches)} bodies; the statement was not bound to any")
            return
    if matches:
        old = matches[0]
        if new.result is AwardResult.WON:
            old.result = AwardResult.WON
        old.date = old.date or new.date
        old.ceremony = old.ceremony or new.ceremony
        known = {(n.person, n.work.name if n.work else None) for n in old.nominees}
        old.nominees.extend(n for n in new.nominees if (n.person, n.work.name if n.work else None) not in known)
        old.sources.extend(s for s in new.sources if s not in old.sources)
        return
    film.nomination.append(new)


def _paragraphs(article: Article) -> Iterator[tuple[str, str]]:
    for paragraph in article.lead:
        yield LEAD, paragraph
    for section in article.sections:
        for paragraph in section.paragraphs:
            yield section.title, paragraph


def _read_prose(article: Article, collector: _Collector) -> None:
    film = collector.film
    for section, paragraph in _paragraphs(article):
        sentences = prose.split_sentences(paragraph.replace("''", ""))
        for number, sentence in enumerate(sentences):
            for release in prose.find_releases(sentence):
                collector.add("release", release, section)
            for screening in prose.find_screenings(sentence):
                collector.add("screening", screening, section)
            awards, tallies = prose.find_awards(sentence, film.title)
            for award in awards:
                # A lone word is a person only as the surname of someone the article already named.
                award.nominees = [n for n in award.nominees
                                  if n.person and (" " in n.person or _is_known_surname(film, n.person))]
                award.sources.append(section)
                _merge_nomination(film, award)
            for tally in tallies:
                collector.add("award_tally", tally, section)
            for location in prose.find_filming(sentence):
                collector.add("filming_location", location, section)
            distributors, sales = prose.find_distribution(sentence)
            for name, area in distributors:
                collector.add("distributor", Organization(name, _place(area) if area else None), section)
            for name in sales:
                collector.add("sales_agent", Organization(name), section)
            for field, quantity in prose.find_money(sentence).items():
                collector.add(field, quantity, section)
            term = prose.find_term(sentence, film.title)
            if term:
                concept = Concept(term)
                for follower in sentences[number: number + 3]:
                    creator, year = prose.find_term_origin(follower)
                    if creator:
                        concept.creator, concept.year = creator, year
                        break
                collector.add("main_subject", concept, section)
    _apply_ceremonies(film)


def _person_fields() -> list[str]:
    """The Film fields that credit people (the mapping table's rows of kind "person")."""
    return [row.field for row in mapping_rows() if row.kind == "person"]


def _is_known_surname(film: Film, word: str) -> bool:
    """A lone word names a person in prose only as the surname of someone the article already named."""
    names = [ref.person for field in _person_fields() for ref in getattr(film, field)]
    names += [member.person for member in film.cast]
    return any(fold(name.split()[-1]) == fold(word) for name in names if " " in name)


def _apply_ceremonies(film: Film) -> None:
    """A ceremony named in prose ("the 43rd Robert Awards") is the one of that body's table rows."""
    for tally in film.award_tally:
        if tally.ceremony:
            for nomination in film.nomination:
                if _body_key(nomination.body) == _body_key(tally.body) and not nomination.ceremony:
                    nomination.ceremony = tally.ceremony
    for nomination in film.nomination:
        if nomination.ceremony:
            for other in film.nomination:
                if _body_key(other.body) == _body_key(nomination.body) and not other.ceremony and \
                        (other.date == nomination.date or not other.date or not nomination.date):
                    other.ceremony = nomination.ceremony
                    other.date = other.date or nomination.date


def _merge_sources(target: list[str], extra: list[str]) -> None:
    target.extend(s for s in extra if s not in target)


def _dedupe(items: list[Any], key: Callable[[Any], Any],
            combine: Callable[[Any, Any], None] | None = None) -> list[Any]:
    kept: dict[Any, Any] = {}
    for item in items:
        k = key(item)
        if k in kept:
            _merge_sources(kept[k].sources, item.sources)
            if combine:
                combine(kept[k], item)
        else:
            kept[k] = item
    return list(kept.values())


def _resolve(film: Film) -> None:
    """Resolve people to one node each and merge facts stated in several places."""
    mentions: list[str] = []
    for field in _person_fields():
        mentions.extend(ref.person for ref in getattr(film, field))
    mentions.extend(member.person for member in film.cast)
    for nomination in film.nomination:
        for nominee in nomination.nominees:
            if nominee.person:
                mentions.append(nominee.person)
            if nominee.work:
                mentions.extend(nominee.work.creators)
    mentions.extend(concept.creator for concept in film.main_subject if concept.creator)
    people = resolve_people(mentions)
    film.people = {person.key: person for person in people.values()}

    def key(name: str) -> str:
        return people[name].key

    for field in _person_fields():
        refs = getattr(film, field)
        for ref in refs:
            ref.person = key(ref.person)
        setattr(film, field, _dedupe(refs, lambda r: r.person))
    for member in film.cast:
        member.person = key(member.person)

    def join_characters(old: CastMember, new: CastMember) -> None:
        old.characters.extend(c for c in new.characters if c not in old.characters)

    film.cast = _dedupe(film.cast, lambda m: m.person, join_characters)
    for member in film.cast:
        person = film.people[member.person]
        member.characters = [person.name if c in person.alternate_names else c for c in member.characters]
    for nomination in film.nomination:
        for nominee in nomination.nominees:
            if nominee.person:
                nominee.person = key(nominee.person)
            if nominee.work:
                nominee.work.creators = [key(c) for c in nominee.work.creators]
    for concept in film.main_subject:
        if concept.creator:
            concept.creator = key(concept.creator)
    film.country = _dedupe(film.country, lambda c: c.qid or fold(c.label))
    film.language = _dedupe(film.language, lambda c: c.qid or fold(c.label))
    film.genre = _dedupe(film.genre, lambda c: c.qid or fold(c.label))
    film.production_company = _dedupe(film.production_company, lambda o: fold(o.name))

    def fill_area(old: Organization, new: Organization) -> None:
        old.area = old.area or new.area

    film.distributor = _dedupe(film.distributor, lambda o: fold(o.name), fill_area)
    film.sales_agent = _dedupe(film.sales_agent, lambda o: fold(o.name))
    film.release = _merge_releases(film.release)

    def fill_screening(old: Screening, new: Screening) -> None:
        old.date = old.date or new.date
        old.section = old.section or new.section
        old.super_event = old.super_event or new.super_event

    film.screening = _dedupe(film.screening, lambda s: fold(s.event), fill_screening)
    film.filming_location = _dedupe(film.filming_location, lambda loc: fold(loc.place.name))
    film.main_subject = _dedupe(film.main_subject, lambda c: fold(c.name))
    for field in ("budget", "box_office", "admissions", "runtime"):
        setattr(film, field, _dedupe(getattr(film, field), lambda q: (q.amount, q.currency)))
    film.award_tally = _dedupe(film.award_tally, lambda t: (_body_key(t.body), t.wins))


def _merge_releases(releases: list[Release]) -> list[Release]:
    kept: list[Release] = []
    for release in releases:
        same = next((r for r in kept if r.date == release.date and (
            r.place is None or release.place is None or fold(r.place.name) == fold(release.place.name))), None)
        if same:
            same.place = same.place or release.place
            _merge_sources(same.sources, release.sources)
        else:
            kept.append(release)
    return kept
