"""Article → :class:`~filmgraph.model.Film`: every fact the article states, and none it does not.

The infobox is read through the mapping table (label → field → parser by kind); the cast list,
accolades tables and prose are read by the section they stand in. Each fact remembers the
sections it came from, and people are resolved last, so that every spelling of one person in
the article ends up on one node.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from filmgraph import reference
from filmgraph.extract import prose
from filmgraph.extract.accolades import (
    apply_ceremonies,
    award_links,
    body_key,
    ceremony_years,
    field_category_mentions,
    linked_category_mentions,
    merge_nomination,
    merge_qualified_categories,
    merge_score_prize_told_twice,
    names_a_body,
    nominee_key,
    read_award_blocks,
    read_award_table,
    relink_categories,
    split_individual_nominations,
)
from filmgraph.extract.cast import (
    CastContext,
    CastItem,
    bracketed_roles,
    cast_table_entries,
    casting_news,
    is_person_name,
    parse_cast_line,
    prose_cast,
    read_cast_list,
    read_voice_credits,
    with_full_names,
    without_works,
)
from filmgraph.extract.collect import INFOBOX, LEAD, Collector
from filmgraph.extract.infobox import company_area, read_infobox
from filmgraph.extract.lead import read_lead
from filmgraph.extract.names import (
    clean_name,
    given_name_variant,
    linked_mention,
    resolve_people,
    romanisation_key,
    spelled_alike,
    spelling_keys,
    split_names,
    star_variant,
    stated_names,
    strip_stray_quotes,
    surname_key,
    without_accents,
    without_brackets,
)
from filmgraph.extract.titles import CHINESE_SCRIPTS, chinese_form, language_for
from filmgraph.fields import label_index, mapping_rows, normalize_label
from filmgraph.model import (
    Article,
    Block,
    BlockKind,
    CastMember,
    Concept,
    Film,
    FilmingLocation,
    Nominee,
    Organization,
    PartialDate,
    Person,
    PersonRef,
    Release,
    Screening,
    Section,
)
from filmgraph.reference import fold, is_ceremony

# Money whose headline figure the infobox states: prose figures then are partial ones (see _resolve).
HEADLINE_FIELDS = ("budget", "box_office", "admissions")
# Section titles (casefolded words) that say what a section holds.
# A cast section by its title's words: "Cast", "Voice cast", "Casting", "Starring"; never "Broadcast".
CAST_SECTION_RE = re.compile(r"\b(?:cast|casting|starring)\b")
AWARD_SECTIONS = ("accolade", "award", "honour", "honor", "prize", "nomination")


def extract_film(article: Article) -> Film:
    """Extract every fact of ``article`` into a Film record.

    >>> from filmgraph.read.plain import parse_article
    >>> film = extract_film(parse_article("= Heat =\\nInfobox\\n- Directed by: Michael Mann\\n", source="urn:x"))
    >>> film.people[film.director[0].person].name
    'Michael Mann'
    """
    collector = Collector(article)
    film = collector.film
    film.warnings.extend(article.warnings)
    read_infobox(article, collector)
    collector.drop_companies_credited_as_people(_person_fields())
    read_lead(article, collector)
    _read_crew_lists(article, collector)
    film.description = _description(article)
    cast_level: int | None = None  # the level of the cast section whose subsections ("=== Japan ===") we are in
    context = _cast_context(collector)
    characters_level: int | None = None  # the level of a "Characters" section: its lists describe characters,
    # and name an actor only in a line that says so ("voiced by")
    awards_level: int | None = None  # the level of an awards section whose subsections ("=== Wins ===") we are in
    for section in article.sections:
        words = fold(section.title)
        if cast_level is not None and section.level <= cast_level:
            cast_level = None
        if characters_level is not None and section.level <= characters_level:
            characters_level = None
        if CAST_SECTION_RE.search(words):
            cast_level = section.level
        elif "character" in words:
            # "* Maja: the food taster of the clan" names a character and what she is, not an actor.
            characters_level = section.level
        if cast_level is not None or characters_level is not None:
            # A "Characters" section tells what the characters do: its lines that credit an actor and its tables
            # are cast, its sentences are not. A "Casting" section tells how parts were cast ("X plays Y in the
            # first draft", "X was approached for the role of Y"): of its sentences, those that say someone appears
            # in the film count ("Ann Berg has a cameo appearance in the film").
            _read_cast_section(section, collector, context, lists=characters_level is None,
                               sentences=characters_level is None, casting="casting" in words)
        for table in section.tables:
            read_award_table(table.header, table.rows, section.title, collector, section.paragraphs, section.links,
                             caption=table.caption)
        if awards_level is not None and section.level <= awards_level:
            awards_level = None
        if awards_level is None and any(w in words for w in AWARD_SECTIONS):
            awards_level = section.level
        if awards_level is not None:
            read_award_blocks(section, collector)
    _add_lead_parts(collector)
    _add_casting_news(collector)
    _read_people_lists(article, collector, context)
    for member in film.cast:
        member.also_named.extend(n for n in context.aliases.get(member.person, ()) if n not in member.also_named)
    _read_prose(article, collector)
    _read_takings_tables(article, collector)
    merge_qualified_categories(film)
    merge_score_prize_told_twice(film)
    _read_location_lists(article, collector)
    _read_bracketed_cast(article, film)
    _strip_stray_quotes(film)
    _qualify_linked_mentions(collector)
    _resolve(film)
    _join_pen_names(article, film)
    _add_stated_names(article, film)
    _add_other_spellings(article, film)
    merge_qualified_categories(film)  # again, now that "Bardem" is the node of "Javier Bardem"
    split_individual_nominations(film)  # (after _resolve: two names of one person stay one nominee)
    _resolve_rupees(film)
    for field in ("budget", "box_office"):
        for quantity in getattr(film, field):
            if quantity.currency and not quantity.unit:
                film.warnings.append(f"{collector.where}: {field.replace('_', ' ')} in {quantity.currency}: the "
                                     "currency has no Wikidata item in filmgraph's table; the amount is written "
                                     "without its unit")
    chinese = chinese_form(collector.title_forms, [c.code for c in film.country if c.code])
    lead = collector.lead_title
    if chinese is None and lead and lead[1] and collector.title_forms.get(lead[1]) == lead[0]:
        chinese = (lead[0], lead[1])  # a film of two Chinese lands: the form its lead gives
    if chinese and film.original_language in CHINESE_SCRIPTS.values():
        film.original_title, film.original_language = chinese  # simplified for a film of the mainland
    if film.original_title and not film.original_language:
        # An untagged original title is in the film's (first) original language that is written in its script.
        film.original_language = language_for(film.original_title, [c.code for c in film.language if c.code])
    english = not film.language or film.language[0].code == "en"  # "Thira: The Wave": a gloss of another tongue
    if collector.infobox_name and english and goes_by(collector.infobox_name, film.title):
        film.title = collector.infobox_name  # read after the prose, which names the film as the lead does
    return film


def goes_by(infobox_name: str, lead_title: str) -> bool:
    """Whether the infobox's name is the one the film goes by rather than the lead's bold title: its fuller form
    with a subtitle ("Batman: The Movie" for "Batman"); never a shorter one that drops the lead's subtitle, a
    title in another language, a slip ("Swabhooni"), a series or a name with its disambiguation.

    >>> goes_by("Batman: The Movie", "Batman"), goes_by("I Cavalieri che fecero l'impresa", "The Knights")
    (True, False)
    >>> goes_by("The Fellowship of the Ring", "The Lord of the Rings: The Fellowship of the Ring")
    False
    >>> goes_by("Baahubali", "Baahubali: The Beginning")
    False
    """
    name, title = fold(infobox_name), fold(lead_title)
    if name == title or len(infobox_name) > 200 or "(" in infobox_name or re.search(r"\bseries\b", name):
        return False
    # One begins the other, up to a subtitle: "Batman" / "Batman: The Movie", "American Drug War" / "American Drug
    # War: The Last White Hope"; not "The Fellowship of the Ring" for "The Lord of the Rings: The Fellowship …".
    # The fuller form only: a shorter name would lose the lead's subtitle ("Baahubali" for "Baahubali: The
    # Beginning").
    return name.startswith(title) and re.match(r"\s*[:–—-]\s*\w", name[len(title):]) is not None


def _strip_stray_quotes(film: Film) -> None:
    """No name keeps a quote mark that closes nothing: "'Best Comedy'" quoted in prose is "Best Comedy"."""
    for nomination in film.nomination:
        nomination.body, nomination.category = strip_stray_quotes(nomination.body), strip_stray_quotes(
            nomination.category)
    for organization in [*film.production_company, *film.distributor, *film.sales_agent]:
        organization.name = strip_stray_quotes(organization.name)
    for member in film.cast:
        member.characters = [strip_stray_quotes(c) for c in member.characters]


def _description(article: Article) -> str | None:
    """What the film is, in one line: the page's short description, else the lead's first sentence (never
    the plot, which tells the story and not what the film is)."""
    if article.description:
        return article.description
    first = next((p for p in article.lead if p.strip()), None)
    sentences = prose.split_sentences(first) if first else []
    # Brackets a template left empty ("Heat () is …") say nothing.
    return re.sub(r"\s*\(\s*[,;]?\s*\)", "", sentences[0]) if sentences else None


# Sections about another work (an album, a book, a game, a sequel) or about the story: a date, a company or a
# place their sentences name is that work's or the story's, never the film's.
OTHER_WORK_SECTIONS_RE = re.compile(
    r"\b(?:soundtracks?|music|musical numbers|songs?|track listing|albums?|score|merchandis\w*|books?|novel\w*|"
    r"comics?|manga|games?|toys?|sequels?|prequels?|remakes?|adaptations?|spin-?offs?|franchise|other media|"
    r"popular culture|legacy|depictions?|tie-ins?|stage|television|series|episodes?|seasons?|plot|premise|"
    r"synopsis|story|cast|characters?|trivia|influence|attraction)\b")
# Sections that date the film's releases; a date in a production section is of a plan, a casting call or
# another film, and one in a home media section is of a DVD unless it says the film was in cinemas.
RELEASE_SECTIONS_RE = re.compile(r"\b(?:releases?|released|re-?releases?|premieres?|distribution|box office|"
                                 r"premiers?|theatrical|screenings?|festivals?|reception|marketing|revenue|performance)\b")
# Sections that tell how the film was made: where it was shot is stated there (or in the lead), and a place
# a review, a marketing stunt or a box-office figure names is not a filming location.
MAKING_SECTIONS_RE = re.compile(r"\b(?:production|pre-production|post-production|filming|photography|shooting|"
                                r"locations?|development|effects|sets?|background|making|design|history|conception)\b")
# Sections on other films of a series: "After X won a National Award, its director spoke of a sequel"
# in a sequel section retells an award, or tells the sequel's.
# Sections on other works made from the film, whose awards are theirs: "Sequel", "Stage version", "Adaptations".
OTHER_FILMS_SECTIONS_RE = re.compile(r"\b(?:sequels?|prequels?|remakes?|spin-?offs?|franchise|follow-?ups?|stage|"
                                     r"adaptations?|musical(?!\s+(?:score|numbers?|direction|sequences?))|plays?|"
                                     r"other media|television series)\b")
_IN_CINEMAS_RE = re.compile(r"(?i)\breleased\s+(?:it\s+|the\s+film\s+)?theatrically|\b(?:in|to)\s+(?:theat|cinema)")
_VIDEO_WORDS_RE = re.compile(r"(?i)\b(?:DVD|Blu-ray|VHS|video|laserdisc|streaming|digital download|4K|box set)\b")
HOME_MEDIA_SECTIONS_RE = re.compile(r"\b(?:home (?:media|video|entertainment|release)|dvd|blu-ray|vhs|streaming|"
                                    r"video release)\b")


@dataclass(frozen=True)
class _Part:
    """A part of the article as prose facts see it: its title, and what its sentences may state."""

    title: str
    of_the_film: bool  # not about another work nor the story: distributors, places and screenings count
    dates_releases: bool  # the lead or a release section: a release date counts
    on_video: bool = False  # a home media section: only a release it says was in cinemas counts
    tells_making: bool = True  # the lead or a production section: where the film was shot counts
    of_other_films: bool = False  # a section on a sequel, a remake, a franchise: the awards it tells are theirs


def _paragraphs(article: Article) -> Iterator[tuple[_Part, str]]:
    lead = _Part(LEAD, True, True)
    for paragraph in article.lead:
        yield lead, paragraph
    for part, section in _parts(article):
        for paragraph in section.paragraphs:
            yield part, paragraph


def _parts(article: Article) -> Iterator[tuple[_Part, Section]]:
    """Each section with what its place among the sections says of what it tells."""
    ancestors: list[Section] = []
    for section in article.sections:
        while ancestors and ancestors[-1].level >= section.level:
            ancestors.pop()
        ancestors.append(section)
        titles = [_title_tells(fold(s.title)) for s in ancestors]
        other = any(t.other_work for t in titles)
        releases = any(t.releases or t.home_media for t in titles)
        on_video = titles[-1].home_media
        # "Marketing" under "Production" tells how the film was sold, not where it was shot.
        making = titles[-1].making or (any(t.making for t in titles) and not titles[-1].releases)
        yield _Part(section.title, not other, releases and not other, on_video, making,
                    any(t.other_films for t in titles)), section


class _TitleTells(NamedTuple):
    """What a section's title says its section tells, by the patterns above."""

    other_work: bool
    releases: bool
    home_media: bool
    making: bool
    other_films: bool


@lru_cache(maxsize=256)  # the same few dozen titles on every page ("Release", "Production"), asked by each subsection
def _title_tells(title: str) -> _TitleTells:
    return _TitleTells(*(pattern.search(title) is not None for pattern in (
        OTHER_WORK_SECTIONS_RE, RELEASE_SECTIONS_RE, HOME_MEDIA_SECTIONS_RE, MAKING_SECTIONS_RE,
        OTHER_FILMS_SECTIONS_RE)))


def _read_takings_tables(article: Article, collector: Collector) -> None:
    """The sums of the box-office tables of the release sections ("Territory | Collections")."""
    if not any(prose.is_takings_header(table.header) for section in article.sections for table in section.tables):
        return  # most pages: no such table, and no need to know what each section tells
    for part, section in _parts(article):
        if part.dates_releases and not part.on_video:
            for table in section.tables:
                for field, quantity in prose.takings_table(table.header, table.rows):
                    collector.add(field, quantity, section.title)


_PAGE_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# A sentence that dates a release or a showing: the year a later day without its year is in.
_RELEASE_WORDS_RE = re.compile(r"(?i)premiere|released|release\b|screen|shown|opened")
_RELEASE_WORD_STEMS = ("premiere", "release", "screen", "shown", "opened")  # one of which _RELEASE_WORDS_RE needs
# "its Los Angeles premiere on …", "the film's world premiere": the film's own premiere, named as such.
_OWN_PREMIERE_RE = re.compile(r"(?i)\b(?:its|the film's)\s+(?:[\w-]+\s+){0,2}premiere\b")


def _premieres_in(sentence: str, part: _Part, film: Film, earlier: Sequence[str] = ()) -> list[Screening]:
    """The film's premieres away from festivals a sentence tells: any where releases are read (the lead, a release
    section; a day without its year in the year of the paragraph's ``earlier`` sentences); elsewhere in a part about
    the film, only its own premiere to the day ("four months before its Los Angeles premiere on January 29, 1937")."""
    if part.on_video or not part.of_the_film:
        return []
    if part.dates_releases:
        found = prose.find_premieres(sentence, film.links, film.title, earlier)
        if earlier and not _PAGE_YEAR_RE.search(sentence):
            # A day told without its year took the year of the paragraph's last release date: only a year the film
            # was released in (or the one before), never a year of another work's the paragraph told of.
            years = {release.date.year for release in film.release if release.date is not None}
            found = [s for s in found if s.date is not None and (not years or {s.date.year, s.date.year + 1} & years)]
        return found
    if "premiere" not in sentence or not _OWN_PREMIERE_RE.search(sentence):
        return []
    return [premiere for premiere in prose.find_premieres(sentence, film.links, film.title)
            if premiere.date is not None and premiere.date.day is not None]


# Words before "as ''X''" that make X another work: "remade in Hindi as ''Naya Din''", "Berg's earlier film".
# (Each look-ahead below names the letters the words after it start with: a search tries them only there.)
_ANOTHER_VERSION_RE = re.compile(r"(?i)(?=[adelnoprs])\b(?:remade|remake|adapted|adaptation|dubbed|dub|sequel|"
                                 r"prequel|spin-?off|(?:earlier|previous|next|later|other)\s+(?:film|movie|picture|work))\b[^.]*$")


def _other_works(article: Article, film: Film) -> frozenset[str]:
    """The folded titles of the other works the page shows in italics ("''Coast Road'' won Best Visual Effects"):
    those that share no word of three letters or more with the film's title or its original title (a short or a
    translated title of the film itself is no other work)."""
    own = {word for name in (film.title, film.original_title or "") for word in _LONG_WORD_RE.findall(fold(name))}
    blocks = [block for section in article.sections for block in section.blocks if block.italics]
    # A title the page gives the film itself ("released in the UK as ''The Bar Affair''", "its working title
    # ''Night Run''") is no other work.
    renamed = set()
    for block in blocks:
        starts = _title_starts(block.text)  # once a block, not once for each of its italics
        renamed.update(fold(shown) for shown in block.italics if _given_as_title(shown, block.text, starts))
    # A title begins with a capital or a digit; italics in lower case are emphasis ("it ''was'' nominated").
    return frozenset(folded for block in blocks for shown in block.italics
                     if shown[:1].isupper() or shown[:1].isdigit()
                     if not own.intersection(_LONG_WORD_RE.findall(folded := fold(shown))) and folded
                     and folded not in renamed)


_LONG_WORD_RE = re.compile(r"\w{3,}")
# What gives a title: "released as ", "titled ‘", "a.k.a. " (each a keyword, its spaces, and a quote or none).
_TITLE_GIVEN_RE = re.compile(r"(?i)(?=[akrt])\b(?:as|titled|title|known as|renamed|retitled|a\.?k\.?a\.?)"
                             r"(?P<spaces>\s+)(?P<quote>['\"‘“]?)")


def _title_starts(text: str) -> list[range]:
    """Where in the text a title it gives the film may start ("released in the UK as ''The Bar Affair''"; not
    "remade in Hindi as ''Naya Din''"): after any part of the spaces after a keyword of ``_TITLE_GIVEN_RE`` (a title
    may begin with one), after all of them, or after the quote."""
    return [range(given.start("spaces") + 1, given.end("quote") + 1) for given in _TITLE_GIVEN_RE.finditer(text)
            if not _ANOTHER_VERSION_RE.search(text, max(0, given.start() - 80), given.start())]


def _given_as_title(shown: str, text: str, starts: list[range]) -> bool:
    """Whether the text gives ``shown`` as the film's title, in any case, at one of its ``_title_starts``: what
    ``_TITLE_GIVEN_RE`` followed by ``shown`` finds, without a pattern compiled for each title (a page's italics made
    a dozen a page, each pushing the patterns every page uses out of re's cache)."""
    return any(_same_but_for_case(text[start:start + len(shown)], shown) for found in starts for start in found)


def _same_but_for_case(text: str, shown: str) -> bool:
    """Two texts alike as a case-insensitive pattern of ``shown`` matches: letter for letter (ASCII by lower case;
    other letters by the pattern itself, which alone knows their case pairs)."""
    if len(text) != len(shown):
        return False
    if text.isascii() and shown.isascii():
        return text.lower() == shown.lower()
    return re.fullmatch(re.escape(shown), text, re.IGNORECASE) is not None


def _read_prose(article: Article, collector: Collector) -> None:
    film = collector.film
    linked_categories = award_links(article.links)
    # Prose adds no people, so the people credited so far are the ones it can refer to.
    credited, surnames = _credited_names(film)
    other_works = _other_works(article, film)
    # The years the article gives ceremonies, in prose or in lists ("1983 - 33rd Berlin International …").
    years = {ceremony: year for section in article.sections for block in section.blocks
             if block.kind is BlockKind.ITEM for ceremony, year in ceremony_years(block.text).items()}
    # A ceremony linked to its year's page: "[[National Board of Review Awards 1968|40th National Board of …]]".
    for shown, page in film.links.items():
        year = _PAGE_YEAR_RE.search(page) if is_ceremony(shown) else None
        if year:
            years.setdefault(shown.removeprefix("the "), PartialDate(int(year.group(1))))
    # Each paragraph's own links to categories: a sentence's "[[Academy Award for Best Sound Mixing|Best Sound]]" is
    # that category even where another paragraph links "Best Sound" to BAFTA's.
    paragraph_links = {block.text: block.links for section in article.sections for block in section.blocks
                       if block.kind is BlockKind.PARAGRAPH and block.links}
    last_body, body_section, body_told = "", "", -1  # the body the prose last named, in which section and sentence
    told_ceremonies: dict[str, str] = {}  # the ceremonies the paragraph has named so far, by their body
    for part, paragraph in _paragraphs(article):
        categories_linked = award_links(paragraph_links[paragraph]) if paragraph in paragraph_links else []
        categories_linked = categories_linked or linked_categories
        section = part.title
        on_awards = any(word in fold(section) for word in AWARD_SECTIONS)
        years.update(ceremony_years(paragraph))
        sentences = prose.split_sentences(paragraph.replace("''", ""))
        dated_releases: list[str] = []  # the paragraph's sentences so far that tell of a release or a showing
        for number, sentence in enumerate(sentences):
            for release in prose.find_releases(sentence, theatrical=part.on_video) if part.dates_releases else []:
                collector.add("release", release, section)
            premieres = _premieres_in(sentence, part, film, dated_releases)
            # Most sentences tell of no release: the sentence's lower case (which the finders share) rules it out
            # before the pattern is tried at each of its characters.
            if prose.may_mention(sentence, _RELEASE_WORD_STEMS) and _RELEASE_WORDS_RE.search(sentence):
                dated_releases.append(sentence)  # where a later day without its year finds the year
            for screening in [*prose.find_screenings(sentence), *premieres] if part.of_the_film else []:
                collector.add("screening", screening, section)
            awards, tallies = prose.find_awards(sentence, film.title, other_works)
            relink_categories(awards, sentence, categories_linked)
            awards += linked_category_mentions(sentence, awards, categories_linked, film.title, other_works)
            if prose.mentions_awards(sentence):  # most sentences name no award: no list of its categories
                awards += field_category_mentions(sentence, awards, categories_linked, film.title, other_works)
            if part.of_other_films:
                awards, tallies = [], []
            if number and prose.refers_back(sentence) and prose.opens_with_another_work(sentences[number - 1],
                                                                                          film.title):
                # "The film's score was released … It won numerous awards …": the score's awards, not the film's
                # (but for the music categories the film itself is up for).
                awards = [a for a in awards if prose.is_music_category(a.category)]
                tallies = []
            awards = [award for award in awards if not names_a_body(award.category, collector)]
            if number == 0 and not (on_awards and section == body_section):
                last_body = ""
            if number == 0:
                told_ceremonies = {}
            if awards and prose.mentions_awards(sentence):
                # "At the 23rd Academy Awards, held on 29 March 1951, … Carl Holm was nominated for [[…|Best
                # Director]]": the ceremony the paragraph names is that of its body's prizes.
                told_ceremonies.update((body_key(c), c) for c in prose.ceremonies_in(sentence))
            for award in awards:
                if not award.body and last_body and re.search(r"\balso\b", sentence) or (
                        not award.body and last_body and (on_awards or body_told >= number - 1)
                        and prose.names_a_category(award.category)):  # (a prize of its own name has no body)
                    # "It was also nominated for Best Make-Up", "… won the Academy Award for Best Cinematography. It
                    # was nominated for Best Director": the body just named; in a section on the film's awards, the
                    # body its prose last named ("At the 12th Academy Awards, … Ann Berg was nominated for Best
                    # Director. In the technical categories, Tom Hill was nominated for Best Sound").
                    award.body = last_body
                if award.body:
                    last_body, body_section, body_told = award.body, section, number
                    award.ceremony = award.ceremony or told_ceremonies.get(body_key(award.body))
                # A lone word is a person only as the surname of someone the article already named.
                award.nominees = [n for n in award.nominees
                                  if n.person and (" " in n.person or fold(n.person) in surnames)]
                award.sources.append(section)
                merge_nomination(collector, award)
            for tally in tallies:
                collector.add("award_tally", tally, section)
                if tally.body:  # "At the 12th Academy Awards, it received eleven nominations": the body told of
                    last_body, body_section, body_told = tally.body, section, number
            term = prose.find_term(sentence, film.title)
            if term:
                concept = Concept(term)
                for follower in sentences[number: number + 3]:
                    creator, year = prose.find_term_origin(follower)
                    if creator:
                        concept.creator, concept.year = creator, year
                        break
                collector.add("main_subject", concept, section)
            if not part.of_the_film:
                continue  # a place, a company or a sum in the story or of another work is not the film's
            for location in [*prose.find_filming(sentence, film.links),
                             *prose.find_named_locations(sentence, film.links)] if part.tells_making else []:
                collector.add("filming_location", location, section)
            # A home media section's "released by" names a video label, not the film's distributor, unless its
            # clause says the film was in cinemas ("which released it theatrically"); in "Release and home media",
            # only its video clauses.
            distributors, sales = [], []
            for clause in re.split(r";\s*|,\s+and\s+", sentence) if part.on_video else [sentence]:
                video_label = part.on_video and not _IN_CINEMAS_RE.search(clause) and (
                    not RELEASE_SECTIONS_RE.search(fold(section)) or _VIDEO_WORDS_RE.search(clause) is not None)
                if not video_label:
                    found, selling = prose.find_distribution(clause)
                    distributors += found
                    sales += selling
            for name, area in distributors:
                # "released in 2008 is directed by …" names a person; "re-released by Walt Disney Home
                # Entertainment" a video label, no distributor of the film to cinemas.
                if fold(name) not in credited and not _VIDEO_LABEL_RE.search(name):
                    collector.add("distributor", Organization(name, company_area(area) if area else None), section)
            for name in sales:
                collector.add("sales_agent", Organization(name), section)
            for name in prose.find_coproducers(sentence):
                if fold(name) not in credited and fold(name) != fold(film.title):  # "…, ''Heat'' premiered": the film
                    collector.add("production_company", Organization(name), section)
            for field, quantity in prose.find_money(sentence).items():
                collector.add(field, quantity, section)
            # The takings of a weekend or a region: in the lead and the release sections, never in a home media
            # section (video sales) or a production one (a deal "if the film grossed over …").
            for quantity in prose.find_box_office(sentence, film.title) \
                    if part.dates_releases and not part.on_video else []:
                collector.add("takings" if prose.is_partial(quantity) else "box_office", quantity, section)
            for quantity in prose.find_profit(sentence):
                collector.add("profit", quantity, section)
            for quantity in prose.find_rentals(sentence, film.title) \
                    if part.dates_releases and not part.on_video else []:
                collector.add("rental", quantity, section)
    apply_ceremonies(film, years)


# "{{Plainlist|* Ann Berg": a list's first item on its template's line; "Director: Ann Berg": a credit.
_OPENED_LIST_RE = re.compile(r"^\{\{[^{}|]*\|\s*[*#]+\s*(?P<item>.+)$")
_CREDIT_LINE_RE = re.compile(r"^(?P<label>[A-Za-z][\w ]{1,30}?)\s*:\s+(?P<names>.+)$")


def _read_cast_section(section: Section, collector: Collector, context: CastContext, *,
                       lists: bool = True, sentences: bool = True, casting: bool = False) -> None:
    """The cast a section states, block by block: each list (its side decided from all its lines), each
    table, and each sentence of its paragraphs (``sentences``: a cast section, not a casting story)."""
    labels = label_index()
    film = collector.film
    run: list[CastItem] = []
    run_links: list[tuple[tuple[str, str], ...]] = []  # each item's (shown, page) links, beside ``run``

    def add(entries: list[tuple[str, list[str]]],
            items: Sequence[tuple[str, tuple[tuple[str, str], ...]]] = ()) -> None:
        kept = [(actor, characters) for actor, characters in entries if is_person_name(actor)
                and not reference.is_placeholder(actor) and not reference.is_company_name(actor)]
        collector.cast_listed |= bool(kept) and not casting
        pages = _own_pages([actor for actor, _ in kept], items, collector.ambiguous)
        film.cast.extend(CastMember(actor, characters, [section.title], page=page)
                         for (actor, characters), page in zip(kept, pages, strict=True))
        context.add(kept)

    notes: list[Block] = []  # paragraphs indented under the items of the list being read

    def read_sentences(block: Block) -> None:
        if sentences and not block.heading:
            links = [shown for shown, _ in block.links]
            for sentence in prose.split_sentences(with_full_names(block.text, block.links)):
                add(prose_cast(sentence, links, context, appearances_only=casting))
                if casting:
                    collector.casting_news += [(section.title, actor, parts)
                                               for actor, parts in casting_news(sentence, links, context)]

    def flush() -> None:
        if run:
            add(read_cast_list(run, context) if lists else read_voice_credits(run),
                [(item.text, links) for item, links in zip(run, run_links, strict=True)])
        run.clear()
        run_links.clear()
        for note in notes:
            read_sentences(note)
        notes.clear()

    blocks = list(section.blocks or _plain_blocks(section))
    skip = -1  # a definition read with its term
    for index, block in enumerate(blocks):
        if index == skip:
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if _is_term(block) and following is not None and _is_definition(following) and lists:
            # ";[[Ann Berg]]" over ": Anna", "; Anna" over ": Voiced by: Ann Berg": a term and its definition are a
            # cast line, its side decided with the list's; ";Ann Berg as Anna" over ": A nurse …" is one itself, and
            # the definitions below it describe it.
            line = _cast_line_of_term(block, following)
            if line is not None:
                if line is not block:
                    skip = index + 1
                run.append(CastItem(line.text, frozenset(fold(shown) for shown, _ in line.links), 1))
                run_links.append(line.links)
                continue
        text = block.text
        opened = _OPENED_LIST_RE.match(text)
        if block.kind is BlockKind.PARAGRAPH and opened:
            text = opened["item"]  # "{{Plainlist|* Ann Berg": the list's first item, on the template's line
            block = Block(BlockKind.ITEM, text, 1, block.links)
        if block.kind is BlockKind.ITEM:
            credit = _CREDIT_LINE_RE.match(text)
            row = labels.get(normalize_label(credit["label"])) if credit else None
            if row is not None and row.kind == "person":
                # "Director: Ann Berg" inside a cast list credits the crew, not an actor called "Director".
                for name in split_names(credit["names"]):
                    collector.person(row.field, name, section.title)
                    context.add_person(name)
                continue
            run.append(CastItem(without_works(text, block.italics), frozenset(fold(shown) for shown, _ in block.links),
                                block.depth or 1, block.heading))
            run_links.append(block.links)
            continue
        if block.kind is BlockKind.PARAGRAPH and block.depth and run and not block.heading:
            notes.append(block)  # ": A mutant who …" below an item describes it: the list goes on
            continue
        flush()
        if block.kind is BlockKind.TABLE and 0 <= block.table < len(section.tables):
            table = section.tables[block.table]
            add(cast_table_entries(table.header, table.rows, context))
        elif block.kind is BlockKind.PARAGRAPH:
            read_sentences(block)
    flush()


def _is_term(block: Block) -> bool:
    """A definition list's term (";Ann Berg"), or an indented bold line."""
    return block.kind is BlockKind.PARAGRAPH and block.heading and block.depth > 0


def _is_definition(block: Block) -> bool:
    return block.kind is BlockKind.PARAGRAPH and not block.heading and block.depth > 0


# A term that is a cast line of its own: "Ann Berg as Anna", "Anna – Ann Berg", "Anna (voiced by Ann Berg)".
_TERM_CAST_LINE_RE = re.compile(r"\sas\s|\s[–—-]\s|\b(?:voiced|played|portrayed)\s+by\b", re.IGNORECASE)


# A term that heads a part of the cast ("Main cast", "Cameos", "Voices"): never a name or a part.
_LIST_HEADING_RE = re.compile(r"(?i)\b(?:cast|cameos?|starring|stars?|guests?|supporting|main|leads?|voices?|dubs?|"
                              r"others?|crew|credits?|uncredited|featuring|additional|minor|roles?|characters?)\b")


def _cast_line_of_term(term: Block, definition: Block) -> Block | None:
    """The cast line a definition list's entry makes: the term itself when it is one (its definition describes it),
    else the term and its definition as "term: definition" when the term is a short name and the definition says no
    "as" (a heading such as ";Main cast" over ": Ann Berg as Anna" makes none)."""
    if _TERM_CAST_LINE_RE.search(term.text):
        return term
    if len(term.text.split()) > 6 or re.search(r"\sas\s", definition.text) or _LIST_HEADING_RE.search(term.text) \
            or not is_person_name(clean_name(term.text)):
        return None
    return Block(BlockKind.ITEM, f"{term.text}: {definition.text}", 1, (*term.links, *definition.links))


def _own_pages(actors: list[str], items: Sequence[tuple[str, tuple[tuple[str, str], ...]]],
               ambiguous: set[str]) -> list[str | None]:
    """For each actor of a cast list's entries (in the order of its lines), the page their own line links them to,
    when the article links their name to two pages: the link that opens the line ("[[Deva (actor)|Deva]] as Raja"),
    never one its description names ("as Vikram, a fan of [[Deva (composer)|Deva]]"); "" for a line that opens with
    the name unlinked, None when no line opens with it."""
    pages: list[str | None] = []
    line = 0
    used: set[tuple[int, str]] = set()  # a line names an actor once
    for actor in actors:
        name = fold(actor)
        # The line that names this actor, from the last one found on: entries follow their lines.
        found = next((index for index in range(line, len(items))
                      if (index, name) not in used and _opening(items[index][0]).startswith(name)), None)
        if found is None or name not in ambiguous:
            pages.append(None)
            continue
        line = found
        used.add((line, name))
        pages.append(next((page for shown, page in items[line][1] if fold(shown) == name), ""))
    return pages


def _opening(line: str) -> str:
    """A cast line's words before its part, folded: where its actor is named."""
    return fold(line.lstrip("*#:;' \"“")).split(" as ")[0]


# Sections that list the crew by their jobs ("* Cinematography: Shakti Banerjee").
CREW_SECTIONS_RE = re.compile(r"\b(?:crew|credits|filmmakers|technical team|production team)\b")


def _read_crew_lists(article: Article, collector: Collector) -> None:
    """The credits of a crew section's "Job: Name, Name" items, by the mapping's labels (a cast section reads its
    own: "Director: Ann Berg" among the cast)."""
    labels = label_index()
    ancestors: list[Section] = []
    for section in article.sections:
        while ancestors and ancestors[-1].level >= section.level:
            ancestors.pop()
        ancestors.append(section)
        words = fold(section.title)
        if not CREW_SECTIONS_RE.search(words) or CAST_SECTION_RE.search(words) or any(
                OTHER_WORK_SECTIONS_RE.search(fold(s.title)) for s in ancestors):
            continue  # "Soundtrack > Credits", "Album credits": another work's
        for block in section.blocks:
            credit = _CREDIT_LINE_RE.match(block.text) if block.kind is BlockKind.ITEM else None
            row = labels.get(normalize_label(credit["label"])) if credit else None
            if credit is None or row is None:
                continue
            if row.kind == "person":
                for name in split_names(credit["names"]):
                    collector.person(row.field, name, section.title)
            elif row.kind == "organization":
                for name in split_names(credit["names"]):
                    collector.add(row.field, Organization(name), section.title)


# A paragraph that introduces a list of the people a film shows: "Interviewees featured include:", "It stars:".
PEOPLE_INTRO_RE = re.compile(r"\b(?:interviewees?|interviewed|interviews|featur(?:e|es|ed|ing)|appear(?:s|ed|ing)?|"
                             r"appearances|cast|starring|stars|participants)\b[^.]*:$", re.IGNORECASE)
# Sections whose lists name other people than the film's cast: crew, music, awards, other works.
NOT_CAST_LISTS_RE = re.compile(r"\b(?:crew|credits|production|music|soundtracks?|songs?|awards?|accolades?|"
                               r"nominations?|honou?rs|see also|references|notes|external links|bibliography|"
                               r"further reading|release|reception)\b")


def _read_people_lists(article: Article, collector: Collector, context: CastContext) -> None:
    """Lists outside the cast sections that name the film's cast: one a paragraph introduces as such ("Notable
    interviewees featured in the documentary include:"), or one whose items start with the names of at least
    two actors the article credits ("The women are: * Ann Berg, 74, a painter …"). Each item's leading name is
    an actor, with no part unless the item says "as"."""
    film = collector.film
    cast_level: int | None = None  # the level of the cast section whose subsections we are in
    for section in article.sections:
        words = fold(section.title)
        if cast_level is not None and section.level <= cast_level:
            cast_level = None
        if CAST_SECTION_RE.search(words) or "character" in words:
            cast_level = section.level
        if cast_level is not None or NOT_CAST_LISTS_RE.search(words) or OTHER_WORK_SECTIONS_RE.search(words):
            continue  # a cast section is read as one; other lists name crew, songs, awards
        introduced = False
        items: list[Block] = []
        for block in [*section.blocks, Block(BlockKind.PARAGRAPH)]:
            if block.kind is BlockKind.ITEM and block.depth <= 1 and not block.heading:
                items.append(block)
                continue
            if items:
                heads = [_leading_name(item.text) for item in items]
                credited = sum(bool(head) and fold(head) in context.people and
                               any(fold(member.person) == fold(head) for member in film.cast) for head in heads)
                if introduced or credited >= 2:
                    for item, head in zip(items, heads, strict=True):
                        if head:
                            roles = parse_cast_line(item.text)
                            collector.person("cast", head, section.title)
                            if roles and roles[1] and fold(roles[0]) == fold(head):
                                film.cast[-1].characters.extend(roles[1])
                            context.add_person(head)
                items = []
            # The pattern ends at the text's end with a colon: most paragraphs are spared the scan for its words.
            text = block.text.strip()
            introduced = block.kind is BlockKind.PARAGRAPH and text.endswith(":") and bool(PEOPLE_INTRO_RE.search(text))


def _leading_name(text: str) -> str | None:
    """The person an item of a list of people starts with: "Ann Berg, 74, a painter" → "Ann Berg"."""
    if re.match(r"^[^,;:(]{1,30}:\s", text):
        return None  # "Director: Ann Berg": a credit, its label first
    head = clean_name(re.split(r",|;|\s[–—-]\s|\s*\.{2,}\s*|\s\(|\s+as\s", text, maxsplit=1)[0])  # "Ann Berg ... Anna"
    if not is_person_name(head) or reference.is_company_name(head) or reference.is_place_name(head) \
            or reference.is_placeholder(head):
        return None
    return head


# A section that lists where the film was shot: "Filming locations", "Locations", "Shooting locations".
LOCATION_SECTION_RE = re.compile(r"^(?:(?:filming|shooting|film)\s+)?locations?$")


def _read_location_lists(article: Article, collector: Collector) -> None:
    """The places a section of filming locations lists, one item (or several on a line) each."""
    for section in article.sections:
        if LOCATION_SECTION_RE.match(fold(section.title).strip()):
            for item in (item for items in section.lists for item in items):
                for place in prose.listed_places(item):
                    collector.add("filming_location", FilmingLocation(place), section.title)


# Sections that tell the story: "Su Le Qi (Ann Berg) arrives in Japan" names the actor of each character there.
STORY_SECTIONS_RE = re.compile(r"\b(?:plot|synopsis|story|storyline|summary|premise)\b")


# Credited actors compared with a bracketed name per spelling key: a real cast never spells this many alike.
_LOOK_ALIKES = 16


def _read_bracketed_cast(article: Article, film: Film) -> None:
    """Characters the story names with their actor in brackets ("Su Le Qi (Ann Berg) arrives in Japan"): the
    bracketed name is an actor the article credits (spelled as there or alike: "Wu Mo Chou" for "Wu Mochou"),
    or, in a story that names credited actors so at least twice, a linked or full name of someone else."""
    credited = list(dict.fromkeys(member.person for member in film.cast))
    credited_folded = {fold(actor) for actor in credited}
    crew = {fold(ref.person) for field in _person_fields() for ref in getattr(film, field)}
    # The credited actors by spelling key, so that each bracketed name is compared with its few look-alikes (made
    # when the first bracketed name is found: most stories have none).
    by_key: dict[tuple[str, ...], list[int]] = {}
    played: dict[str, list[str]] = {}
    for member in film.cast:
        played.setdefault(member.person, []).extend(member.characters)
    for section in article.sections:
        words = fold(section.title)
        if not STORY_SECTIONS_RE.search(words) or CAST_SECTION_RE.search(words):
            continue  # elsewhere brackets compare films or note a credit ("John (Carl Holm) in the sequel")
        linked = {fold(shown) for shown, _ in section.links}
        found: list[tuple[str, str, str | None]] = []  # (character, name as bracketed, the credited actor)
        for paragraph in section.paragraphs:
            for character, name in bracketed_roles(paragraph.replace("''", "")):
                if not by_key:
                    for index, actor in enumerate(credited):
                        for key in spelling_keys(actor):
                            by_key.setdefault(key, []).append(index)
                near = sorted({index for key in spelling_keys(name) for index in by_key.get(key, ())[:_LOOK_ALIKES]})
                owners = [credited[index] for index in near if spelled_alike(credited[index], name)]
                exact = [actor for actor in owners if fold(actor) == fold(name)]
                owner = exact[0] if exact else (owners[0] if len(owners) == 1 else None)
                if fold(character) in crew or fold(character) in credited_folded:
                    continue  # "Ann Berg (Anna)": an actor, then their character; not a character's actor
                found.append((character, name, owner))
        story = sum(owner is not None for *_, owner in found) >= 2
        for character, name, owner in found:
            if owner is None and not (story and (fold(name) in linked or len(name.split()) >= 2)
                                      and all(word[:1].isupper() for word in character.split())
                                      and fold(name) not in crew and not reference.is_place_name(name)
                                      and not reference.is_company_name(name)):
                continue
            actor = owner or name
            if any(_same_part(character, c) for c in played.get(actor, ())):
                continue  # "Ann" for the cast list's "Princess Ann": the same part, named shorter
            film.cast.append(CastMember(actor, [character], [section.title],
                                        also_named=[name] if name != actor else []))
            played.setdefault(actor, []).append(character)


def _add_casting_news(collector: Collector) -> None:
    """On a page whose cast sections list nobody, the parts its casting story tells given ("Carl Holm was cast as
    Jens"); where a list says who plays whom, the story's plans and changes are left to it."""
    if collector.cast_listed:
        return
    for title, actor, parts in collector.casting_news:
        if is_person_name(actor) and not reference.is_placeholder(actor) and not reference.is_company_name(actor):
            collector.film.cast.append(CastMember(actor, list(parts), [title]))


def _add_lead_parts(collector: Collector) -> None:
    """The parts the lead gives its stars ("stars Ann Berg as Anna"), each to its actor unless a cast section names it
    already, shorter or in full ("Maja" for Marianne 'Maja' Lund)."""
    film = collector.film
    for actor, parts in collector.lead_parts:
        members = [member for member in film.cast if fold(member.person) == fold(actor)]
        if not members:
            continue
        for part in parts:
            if not any(_same_part(part, known) or _same_part(known, part) for m in members for known in m.characters):
                members[0].characters.append(part)


def _same_part(mention: str, character: str) -> bool:
    """Whether a story's name for a character is the cast list's, or part of it, or spelled alike: "Ann" and
    "Princess Ann", "Luis Vargas" and "Luis Antonio Vargas", "Bhawani Singh" and "Bhavani Singh"."""
    # "Maja" and 'Marianne "Maja" Lund': the quotation marks round a nickname are no part of it
    words = [word.strip("\"“”'‘’") for word in fold(mention).replace(".", " ").split()]
    theirs = [word.strip("\"“”'‘’") for word in fold(character).replace(".", " ").split()]
    rest = iter(theirs)
    if all(word in rest for word in words) or spelled_alike(mention, character):
        return True
    # "Ghunghroo" for "Dr. Dayal Ghungroo": one long word of it, one letter apart
    return len(words) == 1 and len(words[0]) >= 6 and any(spelled_alike(f"x {words[0]}", f"x {word}")
                                                           for word in theirs)


def _plain_blocks(section: Section) -> list[Block]:
    """The blocks of a section read without them: its lists' items, then its tables."""
    blocks = [Block(BlockKind.ITEM, item, 1) for items in section.lists for item in items]
    return blocks + [Block(BlockKind.TABLE, table=index) for index in range(len(section.tables))]


def _cast_context(collector: Collector) -> CastContext:
    """The people the article credits before its cast sections (infobox, lead, crew) and the texts it links."""
    film = collector.film
    context = CastContext(linked=frozenset(film.links))
    for member in film.cast:
        context.add_person(member.person)
    for field in _person_fields():
        for ref in getattr(film, field):
            context.add_person(ref.person)
    context.foremost = frozenset(context.people)
    return context


def _person_fields() -> list[str]:
    """The Film fields that credit people (the mapping table's rows of kind "person")."""
    return [row.field for row in mapping_rows() if row.kind == "person"]


def _credited_names(film: Film) -> tuple[set[str], set[str]]:
    """The folded names of the people the article credits (a director, a writer, an actor …), and the folded
    surnames of those named in full: a lone word names a person in prose only as one of these surnames."""
    names = [ref.person for field in _person_fields() for ref in getattr(film, field)]
    names += [member.person for member in film.cast]
    # A surname two credited people share ("Khan" of Shah Rukh Khan and Saif Ali Khan) names neither.
    bearers: dict[str, set[str]] = {}
    for name in names:
        if " " in name:
            bearers.setdefault(fold(name.split()[-1]), set()).add(fold(name))
    # Nor does the name of a part someone else plays ("for Fawcett" when Fawcett is the part a nominee played; not
    # "Moss" when Rita Moss plays Moss).
    characters = {fold(c) for member in film.cast for c in member.characters
                  if fold(c) != fold(member.person.split()[-1])}
    return {fold(name) for name in names}, {surname for surname, full in bearers.items()
                                            if len(full) == 1 and surname not in characters}


def _merge_sources(target: list[str], extra: list[str]) -> None:
    target.extend(s for s in extra if s not in target)


def _fill_filming(old: FilmingLocation, new: FilmingLocation) -> None:
    """One place of filming told twice: the lead's summary ("shot in Vienna and at Shepperton Studios") gives way to
    the section that tells it ("began in Vienna on 22 October 1948", "at Shepperton Studios in Surrey"); each keeps
    what the other leaves out."""
    told_in_lead = old.sources == [LEAD] and LEAD not in new.sources
    if told_in_lead and (new.start or new.end):
        old.start, old.end = new.start, new.end
    else:
        old.start, old.end = old.start or new.start, old.end or new.end
    if old.place.within is None or (told_in_lead and new.place.within is not None):
        old.place.within = new.place.within or old.place.within


def _add_towns_around(film: Film) -> None:
    """A place of filming inside a town ("the Hilton Hotel in Puerto Madero", "[[Nansha District]] of
    [[Guangzhou]]") was filmed in that town too, as a reader lists it. Not a country, state or county around a
    place ("Shepperton Studios in Surrey": where it lies), nor land named by its kind ("the Stockholm
    archipelago"), nor a town the place's own name names ("Dalby Hospital in Dalby")."""
    named = {fold(loc.place.name.split(", ")[0]) for loc in film.filming_location}
    for location in list(film.filming_location):
        town = location.place.within
        if town is None or ", " in location.place.name or fold(town.name) in named \
                or fold(town.name) in fold(location.place.name) \
                or reference.is_division(town.name.split(", ")[0]) or not town.name.split()[-1][:1].isupper() \
                or not (reference.is_place_name(town.name.split(", ")[0]) or fold(town.name) in film.links):
            continue  # (a town is a place the gazetteer knows or the page links: never "Telugu" or "Dolby Vision")
        named.add(fold(town.name))
        film.filming_location.append(FilmingLocation(town, sources=list(location.sources)))


def _dedupe(items: list[Any], key: Callable[[Any], Any],
            combine: Callable[[Any, Any], None] | None = None) -> list[Any]:
    kept: dict[Any, Any] = {}
    for item in items:
        k = key(item)
        if k in kept:
            if combine:
                combine(kept[k], item)  # (before the sources are merged: a combiner may weigh where each was told)
            _merge_sources(kept[k].sources, item.sources)
        else:
            kept[k] = item
    return list(kept.values())


def _qualify_linked_mentions(collector: Collector) -> None:
    """A name the article links to two pages ("John Smith" the actor, "John Smith" the director) is marked,
    where it is found, with the page its own part of the article links it to: two people, never one. An
    unlinked mention of that name is marked with the page the same role links it to, when only one."""
    film = collector.film
    if not collector.ambiguous:
        return
    # (field, sources, the record whose .person names the mention): credits, cast, nominees
    mentions: list[tuple[str, list[str], PersonRef | CastMember | Nominee]] = []
    for field in _person_fields():
        mentions += [(field, ref.sources, ref) for ref in getattr(film, field)]
    mentions += [("cast", member.sources, member) for member in film.cast]
    mentions += [("nomination", nomination.sources, nominee) for nomination in film.nomination
                 for nominee in nomination.nominees if nominee.person]
    # A cast line read with its own links says its actor's page itself ("" when the line links none): not its
    # section's, which may be another line's.
    own = [record.page if isinstance(record, CastMember) else None for _, _, record in mentions]
    pages = [line_page or None if line_page is not None else collector.page_in_scope(record.person, field, sources)
             for (field, sources, record), line_page in zip(mentions, own, strict=True)]
    pages_by_role: dict[tuple[str, str], set[str]] = {}
    for (field, _, record), page in zip(mentions, pages, strict=True):
        if page:
            pages_by_role.setdefault((field, fold(record.person)), set()).add(page)
    for (field, _, record), page, line_page in zip(mentions, pages, own, strict=True):
        if line_page == "" and fold(record.person) in collector.ambiguous:
            # A cast line that links nobody: the one page the cast links that name to elsewhere (the infobox's
            # "starring = [[Deva (actor)|Deva]]" beside "* Deva as Raja"), if only one.
            role_pages = pages_by_role.get((field, fold(record.person)), set())
            page = next(iter(role_pages)) if len(role_pages) == 1 else None
        elif line_page is not None:
            pass  # the line's own link
        elif page is None and fold(record.person) in collector.ambiguous:
            role_pages = pages_by_role.get((field, fold(record.person)), set())
            page = next(iter(role_pages)) if len(role_pages) == 1 else None
        if page:
            record.person = linked_mention(record.person, page)


def _join_stars_to_cast_lines(film: Film) -> None:
    """An infobox's star whom no cast line names is the one cast line's actor whose name is another form of theirs
    ("Jason George" in the infobox, "[[Jason Winston George]] as Michael Lewis" in the cast): the two links are one
    page and a redirect. Two or more such actors, or one that another star matches too, join no one."""
    # The infobox's (and the lead's "starring …") names, beside the cast section's lines.
    stars = [m for m in film.cast if m.sources and all(s in (INFOBOX, LEAD) for s in m.sources) and not m.characters]
    listed = [m for m in film.cast if any(s not in (INFOBOX, LEAD) for s in m.sources)]
    def two_pages(one: Person, other: Person) -> bool:
        return bool(one.link and other.link and one.link != other.link)

    matches = {id(star): [m for m in listed
                          if star_variant(film.people[star.person].name, film.people[m.person].name,
                                          two_pages=two_pages(film.people[star.person], film.people[m.person]))]
               for star in stars}
    claimed = Counter(id(found[0]) for found in matches.values() if len(found) == 1)
    joined: dict[str, str] = {}  # the star's person key → the cast line actor's
    for star in stars:
        found = matches[id(star)]
        if len(found) != 1 or claimed[id(found[0])] != 1:
            continue
        actor, star_person = film.people[found[0].person], film.people[star.person]
        for name in [star_person.name, *star_person.alternate_names]:
            if name != actor.name and name not in actor.alternate_names:
                actor.alternate_names.append(name)
        found[0].sources[:0] = [INFOBOX]
        joined[star.person] = found[0].person
    if not joined:
        return
    film.cast = [m for m in film.cast if m.person not in joined]
    _rekey_people(film, lambda person: joined.get(person, person))
    for gone in joined:
        del film.people[gone]


def _rekey_people(film: Film, key: Callable[[str], str]) -> None:
    """Point every credit, nomination and subject's creator (not the cast: its callers merge parts) at ``key``'s
    person, each field's credits once."""
    for field in _person_fields():
        refs = getattr(film, field)
        for ref in refs:
            ref.person = key(ref.person)
        setattr(film, field, _dedupe(refs, lambda r: r.person))
    for nomination in film.nomination:
        for nominee in nomination.nominees:
            if nominee.person:
                nominee.person = key(nominee.person)
            if nominee.work:
                nominee.work.creators = [key(c) for c in nominee.work.creators]
        # Two names of one person ("Michael Ford" in prose, the table's "Michael D. Ford") are one nominee now.
        kept: dict[tuple[str | None, str | None], Nominee] = {}
        for nominee in nomination.nominees:
            kept.setdefault(nominee_key(nominee), nominee)
        nomination.nominees = list(kept.values())
    for concept in film.main_subject:
        if concept.creator:
            concept.creator = key(concept.creator)


MONEY_FIELDS = ("budget", "box_office", "takings", "rental", "profit")


def _resolve_rupees(film: Film) -> None:
    """"Rs 70 crore" is in the rupee of the film's country: India's, Pakistan's, Sri Lanka's or Nepal's."""
    in_rupees = [q for field in MONEY_FIELDS for q in getattr(film, field) if q.currency == reference.ANY_RUPEE]
    if in_rupees:
        rupee = reference.rupee_of([c.code for c in film.country if c.code])
        for quantity in in_rupees:
            quantity.currency, quantity.unit = rupee.code, rupee.qid or None


_VIDEO_LABEL_RE = re.compile(r"\b(?:Home\s+(?:Entertainment|Video|Media)|Video)\b")
# A part described, not named: "Mahesh's father", "the blacksmith", "nurse".
_DESCRIBED_ONLY_RE = re.compile(r"^(?:(?:the|a|an)\s+)?(?:[A-Z][\w-]*['’]s\s+)?[a-z]")


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
    roles: dict[str, set[str]] = {}
    for member in film.cast:
        roles.setdefault(member.person, set()).update(fold(c) for c in member.characters)
    people = resolve_people(mentions, film.links, roles)
    film.people = {person.key: person for person in people.values()}
    for person in film.people.values():
        # The page the article links the person to: where a mention says it, else by any of their names.
        person.link = person.link or next((film.links[fold(n)] for n in [person.name, *person.alternate_names]
                                           if fold(n) in film.links), None)

    def key(name: str) -> str:
        return people[name].key

    _rekey_people(film, key)
    for member in film.cast:
        member.person = key(member.person)

    def join_characters(old: CastMember, new: CastMember) -> None:
        # A part another section names shorter ("Commissioner Gordon" for "Commissioner James Gordon") is the same;
        # so is one it only describes ("Mahesh's father") beside the part the list names ("Vincent Bhavana").
        named = any(not _DESCRIBED_ONLY_RE.match(o) for o in old.characters)
        old.characters.extend(c for c in new.characters
                              if c not in old.characters and not any(_same_part(c, o) for o in old.characters)
                              and not (named and _DESCRIBED_ONLY_RE.match(c)))
        old.also_named.extend(n for n in new.also_named if n not in old.also_named)

    film.cast = _dedupe(film.cast, lambda m: m.person, join_characters)
    for member in film.cast:
        person = film.people[member.person]
        # Another name the article gives the actor is one of theirs: a node carries every name of its person.
        for other in member.also_named:
            if other != person.name and other not in person.alternate_names:
                person.alternate_names.append(other)
        member.characters = [person.name if c in person.alternate_names else c for c in member.characters]
    _join_stars_to_cast_lines(film)
    film.country = _dedupe(film.country, lambda c: c.qid or fold(c.label))
    film.language = _dedupe(film.language, lambda c: c.qid or fold(c.label))
    film.genre = _dedupe(film.genre, lambda c: c.qid or fold(c.label))
    film.production_company = _dedupe(_linked_apart(film.production_company, film.links), lambda o: fold(o.name))
    film.distributor = _linked_apart(film.distributor, film.links)

    def fill_area(old: Organization, new: Organization) -> None:
        old.area = old.area or new.area

    for organization in [*film.production_company, *film.distributor, *film.sales_agent]:
        organization.link = film.links.get(fold(organization.name))
    film.distributor = _shortened_names(_dedupe(film.distributor, lambda o: fold(o.name), fill_area))
    film.production_company = _shortened_names(film.production_company)
    film.sales_agent = _dedupe(film.sales_agent, lambda o: fold(o.name))
    film.release = _merge_releases(film.release)

    def fill_screening(old: Screening, new: Screening) -> None:
        old.date = old.date or new.date
        old.section = old.section or new.section
        old.super_event = old.super_event or new.super_event

    film.screening = _dedupe(_one_premiere_a_day(film.screening), lambda s: fold(s.event), fill_screening)
    _date_screenings_by_releases(film)
    film.filming_location = _dedupe(film.filming_location, lambda loc: fold(loc.place.name), _fill_filming)
    # "Oxford" beside "Oxford, England": one place, written once with its region.
    with_region = {fold(loc.place.name.split(", ")[0]): loc for loc in film.filming_location if ", " in loc.place.name}
    for loc in film.filming_location:
        fuller = with_region.get(fold(loc.place.name))
        if fuller is not None and fuller is not loc:
            fuller.start, fuller.end = fuller.start or loc.start, fuller.end or loc.end
            fuller.sources.extend(s for s in loc.sources if s not in fuller.sources)
    film.filming_location = [loc for loc in film.filming_location
                             if ", " in loc.place.name or fold(loc.place.name) not in with_region]
    _add_towns_around(film)
    film.main_subject = _dedupe(film.main_subject, lambda c: fold(c.name))
    for field in ("budget", "box_office", "takings", "admissions", "runtime", "profit", "rental"):
        quantities = _dedupe(getattr(film, field), lambda q: (q.amount, q.currency, q.area and q.area.name, q.scope))
        if field in HEADLINE_FIELDS and any(INFOBOX in q.sources for q in quantities):
            # The infobox gives the headline figure (the preferred statement); of the sums prose adds, one
            # country's takings are kept beside it, a budget or a count that differs is not.
            # (Nor another country's count: "28.3 million admissions (Soviet Union)" beside France's 5,417,000.)
            headline_areas = {q.area.name if q.area else None for q in quantities if INFOBOX in q.sources}
            quantities = [q for q in quantities if INFOBOX in q.sources or field == "box_office" or (
                field == "admissions" and q.area is not None and None not in headline_areas
                and q.area.name not in headline_areas)]
        setattr(film, field, quantities)
    film.award_tally = _dedupe(film.award_tally, lambda t: (body_key(t.body), t.wins, t.nominations))


_POSSESSIVE_RE = re.compile(r"['’]s?$")


def _join_pen_names(article: Article, film: Film) -> None:
    """A credited name the page links to another credited person's page is that person's other name ("written by
    [[Carl Lund|Tom Holm]]", the infobox crediting Tom Holm's script and Carl Lund's music): one person, writing under
    one name and composing under the other. Only when the name's own link, if any, is a page of that name with
    brackets ("[[Tom Holm (composer)|Tom Holm]]": a redirect), and the two names share no word (a relative's, as in
    "[[Carl Lund|Tom Lund]]", is a slip or a family page, a group's page credits nobody)."""
    by_name: dict[str, set[str]] = {}
    for person in film.people.values():
        for name in (person.name, *person.alternate_names):
            by_name.setdefault(fold(name), set()).add(person.key)
    joined: dict[str, str] = {}  # the other name's person key → the page's person key
    for shown, target in article.links:
        if "(" in target or len(shown.split()) < 2 or set(fold(shown).split()) & set(fold(target).split()):
            continue
        owners, named = by_name.get(fold(target), set()), by_name.get(fold(shown), set())
        if len(owners) != 1 or len(named) != 1 or owners == named:
            continue
        kept, gone = film.people[next(iter(owners))], film.people[next(iter(named))]
        own_page = gone.link is None or fold(gone.link) == fold(target) or (
            gone.link.endswith(")") and fold(without_brackets(gone.link)) == fold(shown))
        if not kept.link or fold(kept.link) != fold(target) or not own_page or gone.key in joined.values() \
                or kept.key in joined:
            continue
        joined[gone.key] = kept.key
    _join_people(film, joined)


def _join_people(film: Film, joined: dict[str, str]) -> None:
    """Each person of ``joined``'s keys is the person of its value: their names, credits and parts become one."""
    if not joined:
        return
    for gone, kept in joined.items():
        person = film.people[kept]
        person.alternate_names.extend(name for name in (film.people[gone].name, *film.people[gone].alternate_names)
                                      if name != person.name and name not in person.alternate_names)
        del film.people[gone]
    _rekey_people(film, lambda person: joined.get(person, person))
    for member in film.cast:
        member.person = joined.get(member.person, member.person)

    def join_parts(old: CastMember, new: CastMember) -> None:
        old.characters.extend(c for c in new.characters if c not in old.characters)
        old.sources.extend(s for s in new.sources if s not in old.sources)

    film.cast = _dedupe(film.cast, lambda m: m.person, join_parts)


def _add_stated_names(article: Article, film: Film) -> None:
    """A name the page says a credited person goes by ("Ann Berg (born Annelise Lund)", "directed by Ann Berg,
    working under the alias "Tom Holm"", '"Tom Holm" (pseudonym of director Ann Berg)') is one of theirs; never a
    name another credited person goes by, a part in the film, or a single word."""
    # (A table's row too: "| Veronika || [[Tatiana Samoilova]] || Also transliterated as Tatyana Samoylova".)
    texts = [*article.lead, *(p for section in article.sections for p in section.paragraphs),
             *(", ".join(row) for section in article.sections for table in section.tables for row in table.rows)]
    stated = [pair for text in texts for pair in stated_names(text)]
    if not stated:
        return
    joined: dict[str, str] = {}  # a person the stated name credits apart → the person it is another name of
    owners: dict[str, set[str]] = {}  # each folded name → the people who go by it
    for person in film.people.values():
        for name in (person.name, *person.alternate_names):
            owners.setdefault(fold(name), set()).add(person.key)
    parts = {fold(c) for member in film.cast for c in member.characters}
    for written, other in stated:
        # The person the name ends with ("director Ann Berg"): its longest ending of two words or more.
        words = written.split()
        endings = (fold(" ".join(words[-size:])) for size in range(len(words), 1, -1))
        found = next((owners[ending] for ending in endings if ending in owners), set())
        if not found and words:
            # "Sjöberg was credited … as Tom Seaberg": a surname the article's credits give one person.
            surname = [fold(words[-1])]
            found = {person.key for person in film.people.values() if fold(person.name).split()[-1:] == surname}
        other = re.sub(r"(?<=[a-z]{2})\.$", "", clean_name(other))  # a sentence's full stop ("Jr." keeps its own)
        apart = owners.get(fold(other), set())
        if len(found) == 1 and len(apart) == 1 and apart != found and len(other.split()) >= 2 \
                and is_person_name(other) and not _linked_apart_people(film, *found, *apart):
            # "Tatiana Samoilova, also transliterated as Tatyana Samoylova", the awards table crediting the second
            # spelling: one person, credited under two spellings of one name.
            joined.setdefault(next(iter(apart)), next(iter(found)))
            continue
        if len(found) != 1 or len(other.split()) < 2 or not is_person_name(other) or fold(other) in parts \
                or fold(other) in owners:
            continue  # nobody's, or two people's; a part; or a name someone goes by already
        person = film.people[next(iter(found))]
        person.alternate_names.append(other)
        owners[fold(other)] = {person.key}
    _join_people(film, {gone: kept for gone, kept in joined.items() if kept not in joined})


def _linked_apart_people(film: Film, one: str, other: str) -> bool:
    """Whether two people are linked to two pages: two people, whatever a sentence says of their names."""
    links = {film.people[key].link for key in (one, other)}
    return None not in links and len(links) == 2


def _add_other_spellings(article: Article, film: Film) -> None:
    """A name the text spells like one credited person's, but not as it is credited ("the direction of Ujjan
    Chatterjee" for the credited Ujjal Chatterjee, "[[Berny Ignatius]]" for Berny Ignatious), is that person's
    other name: alike but for case, accents, dots, a space, or one letter of a long name; never a shortening."""
    people = list(film.people.values())
    known = {fold(name) for person in people for name in (person.name, *person.alternate_names)}
    by_key: dict[tuple[str, ...], list[Person]] = {}
    for person in people:
        for name in (person.name, *person.alternate_names):
            for key in spelling_keys(name):
                by_key.setdefault(key, []).append(person)
    by_surname: dict[str, list[Person]] = {}
    for person in people:
        for surname in dict.fromkeys(surname_key(name) for name in (person.name, *person.alternate_names)):
            by_surname.setdefault(surname, []).append(person)
    texts = [*article.lead, *(p for section in article.sections for p in section.paragraphs)]
    mentions = {match.group(0) for text in texts for match in prose.NAME_RE.finditer(text.replace("''", ""))}
    mentions |= {shown for shown, _ in article.links}
    # Names the page links to a page other than a credited person's own: another person, whatever they are called.
    # A page written without its accents ("[[Karel Novak]]" for "[[Karel Novák]]") is the same page.
    own_pages = {fold(person.link) for person in people if person.link}
    linked = {fold(shown) for shown, target in article.links if fold(target) not in own_pages}
    by_letters: dict[str, list[Person]] = {}  # each name without its accents → the people who go by it
    for person in people:
        for name in dict.fromkeys(without_accents(n) for n in (person.name, *person.alternate_names)):
            by_letters.setdefault(name, []).append(person)
    # Names romanised from another script are spelled many ways on one page ("Kochin Haneefa", "Kochin Hanifa").
    romanised = any(language.code in ROMANISED_LANGUAGES for language in film.language)
    by_romanisation: dict[str, list[Person]] = {}
    for person in people if romanised else ():
        for key in dict.fromkeys(romanisation_key(n) for n in (person.name, *person.alternate_names) if " " in n):
            by_romanisation.setdefault(key, []).append(person)
    # "George Lucas' film": his name; "The Ann Berg starrer": hers.
    for mention in sorted(_LEADING_ARTICLE_RE.sub("", _POSSESSIVE_RE.sub("", m)) for m in mentions):
        if " " not in mention.strip() or not is_person_name(mention):
            continue
        if fold(mention) in known or fold(mention + ".") in known:
            # As credited, or so but for the full stop a sentence took ("Jack Haley Jr"); or written with other
            # accents ("Karel Novak" for Novák): the one person who goes by those letters, unless the
            # page links that name to another page.
            accented = by_letters.get(without_accents(mention), [])
            if len(accented) == 1 and fold(mention) not in linked \
                    and mention not in (accented[0].name, *accented[0].alternate_names):
                accented[0].alternate_names.append(mention)
            continue
        # Only the people sharing a spelling key with the mention can be spelled alike: a look-up, not a scan.
        candidates = {id(person): person for key in spelling_keys(mention) for person in by_key.get(key, ())}
        owners = [person for person in candidates.values()
                  if any(spelled_alike(mention, name) for name in (person.name, *person.alternate_names))]
        same_surname = by_surname.get(surname_key(mention), []) if not owners else []
        only = same_surname[0] if len(same_surname) == 1 else None
        if only is not None and fold(mention) not in linked and any(
                given_name_variant(mention, name) for name in (only.name, *only.alternate_names)) \
                and not _named_as_kin(mention, texts):
            # "Jimmy Stewart" in prose for the credited James Stewart: another form of the given name; but not a
            # name the page links to a page of its own ("[[Jack Huston]]"), nor a relative ("his son Teddy Lund").
            owners = same_surname
        if not owners and fold(mention) not in linked and romanised and _acts(mention, texts):
            # Only as an actor: "Kochin Hanifa plays the title role", never "designed by Anil Sethi" for the
            # credited actor Sunil Shetty (two people whose names romanise alike).
            owners = by_romanisation.get(romanisation_key(mention), [])
        if len(owners) == 1:
            owners[0].alternate_names.append(mention)
            known.add(fold(mention))


def _acts(name: str, texts: list[str]) -> bool:
    """Whether a text says the name acts in the film: "Ann Berg plays …", "starring Ann Berg", "an Ann Berg starrer"
    (each place the name stands looked at with two fixed patterns: no pattern made of a page's words)."""
    for text in texts:
        at = text.find(name)
        while at >= 0:
            if _ACTS_AFTER_RE.match(text, at + len(name)) or _ACTS_BEFORE_RE.search(text, max(0, at - 40), at):
                return True
            at = text.find(name, at + 1)
    return False


_ACTS_AFTER_RE = re.compile(r"\s+(?:plays|played|portrays|portrayed|as|stars|starred|appears|appeared|starrer)\b")
_ACTS_BEFORE_RE = re.compile(r"\b(?:starring|stars|starred)\s+(?:[\w.]+\s+){0,3}?$")


# The languages of films whose people's names are romanised from another script, in many spellings: those of South
# Asia (ISO 639-1).
ROMANISED_LANGUAGES = frozenset({"hi", "bn", "ta", "te", "ml", "kn", "mr", "ur", "pa", "gu", "or", "as", "ne", "si",
                                 "sd"})
_LEADING_ARTICLE_RE = re.compile(r"^The\s+(?=\S+\s)")


# Words that make the name after them a relative's: "his son Teddy Lund", "Lund's wife, Jackie Lund".
_KIN_RE = re.compile(r"(?i)\b(?:son|sons|daughter|daughters|wife|husband|brother|sister|father|mother|grandson|"
                     r"granddaughter|grandfather|grandmother|nephew|niece|cousin|uncle|aunt|widow|children|child|"
                     r"twin|family|parents?)\b")


def _named_as_kin(mention: str, texts: list[str]) -> bool:
    """Whether a text names the person as someone's relative: "Lund's son Teddy Lund", "his wife, Jackie Lund"."""
    before = re.compile(rf"(\S+\s+\S+\s+){re.escape(mention)}")
    return any(_KIN_RE.search(words) for text in texts if mention in text for words in before.findall(text))


def _date_screenings_by_releases(film: Film) -> None:
    """A festival screening the prose dates by the festival's year takes the day of the release the infobox gives
    at that festival ("{{Film date|2009|07|17|NZIFF}}")."""
    for screening in film.screening:
        if screening.date is not None and screening.date.month is not None:
            continue
        for release in film.release:
            if release.place is not None and fold(prose.canonical_event(release.place.name)) == \
                    fold(screening.event) and release.date.day and (
                        screening.date is None or screening.date.year == release.date.year):
                screening.date = release.date
                break


def _one_premiere_a_day(screenings: list[Screening]) -> list[Screening]:
    """One premiere for each date, however many sentences tell it ("premiered in Hollywood on June 18" and "the
    world premiere took place at the El Capitan Theatre in Hollywood on June 18"): the one that says most of
    where, in the place of the first."""
    def detail(screening: Screening) -> int:
        venue = screening.venue
        return 0 if venue is None else 1 + (venue.within is not None)

    # "weeks before the film's premiere in June" beside the premiere on May 25: a vaguer mention of the same one.
    days = [s for s in screenings if s.date and s.date.day and "premiere" in s.event.casefold()]
    screenings = [s for s in screenings if not (days and s.venue is None and s.date and not s.date.day
                                               and "premiere" in s.event.casefold())]
    kept: list[Screening] = []
    by_date: dict[str, int] = {}
    for screening in screenings:
        premiere = screening.date is not None and "premiere" in screening.event.casefold() and \
            screening.super_event is None
        at = by_date.get(screening.date.isoformat()) if premiere and screening.date else None
        if at is None:
            if premiere and screening.date:
                by_date[screening.date.isoformat()] = len(kept)
            kept.append(screening)
        elif detail(screening) > detail(kept[at]):
            screening.sources = [*kept[at].sources, *screening.sources]
            kept[at] = screening
        else:
            kept[at].sources.extend(screening.sources)
    return kept


def _linked_apart(organizations: list[Organization], links: dict[str, str]) -> list[Organization]:
    """"[[Sideshow (company)|Sideshow]] and [[Janus Films]]": two companies the page links apart, each with the
    area told for both (a name the page links whole, "[[Sun and Moon Pictures]]", stays one)."""
    found: list[Organization] = []
    for organization in organizations:
        halves = organization.name.split(" and ")
        if len(halves) == 2 and fold(organization.name) not in links and all(fold(h) in links for h in halves):
            found += [Organization(half, organization.area, list(organization.sources)) for half in halves]
        else:
            found.append(organization)
    return found


def _shortened_names(organizations: list[Organization]) -> list[Organization]:
    """"Universal" in prose is the infobox's "Universal Pictures": a name that starts another is that one. A
    name the infobox gives is the company's own, never a shortening of one that prose names."""
    kept = []
    # Each name under every start of it that ends before a space: the longer names of a name are one look-up.
    starting: dict[str, list[Organization]] = {}
    for organization in organizations:
        folded = fold(organization.name)
        for position, character in enumerate(folded):
            if character == " ":
                starting.setdefault(folded[:position], []).append(organization)
    for organization in organizations:
        longer = next((o for o in starting.get(fold(organization.name), ()) if o is not organization
                       and (INFOBOX in o.sources or INFOBOX not in organization.sources)), None)
        if longer is None:
            kept.append(organization)
        else:
            _merge_sources(longer.sources, organization.sources)
            longer.area = longer.area or organization.area
    return kept


def _covers(precise: PartialDate, vague: PartialDate) -> bool:
    """1993-02-19 covers 1993-02 and 1993: the vaguer date states nothing more."""
    return (precise.year == vague.year and (vague.month is None or precise.month == vague.month)
            and (vague.day is None or precise.day == vague.day))


def _merge_releases(releases: list[Release]) -> list[Release]:
    kept: list[Release] = []
    # Each kept release is filed under each date it covers (its year, its month, its day) and its place (None: no
    # place yet), so that the kept release a vaguer one joins is found in a few look-ups, not by a scan of all.
    covering: dict[tuple[int, int | None, int | None], dict[str | None, list[int]]] = {}

    def keys(date: PartialDate) -> set[tuple[int, int | None, int | None]]:
        return {(date.year, None, None), (date.year, date.month, None), (date.year, date.month, date.day)}

    # The most precise first, so that "February 1993" joins "19 February 1993" and not the other way round.
    for release in sorted(releases, key=lambda r: (r.date.day is None, r.date.month is None)):
        places = covering.get((release.date.year, release.date.month, release.date.day), {})
        # A festival's year or month gives no placeless day its place: "premiered at Berlin in 2005" beside the
        # infobox's 21 October 2005 (the cinemas') is another showing.
        festival = release.place is not None and release.date.day is None and prose.is_event_name(release.place.name)
        wanted = list(places) if release.place is None else [fold(release.place.name)] if festival else \
            [None, fold(release.place.name)]
        found = [numbers[0] for place in wanted if (numbers := places.get(place))]
        if not found:
            kept.append(release)
            for key in keys(release.date):
                place = fold(release.place.name) if release.place else None
                covering.setdefault(key, {}).setdefault(place, []).append(len(kept) - 1)
            continue
        number = min(found)  # the first kept release that fits, as a scan of them would find
        same = kept[number]
        if same.place is None and release.place is not None:
            # Its place is known now: it is filed under that place (the releases of one year without a place
            # are a few hundred at most, one a day, so the move is cheap).
            for key in keys(same.date):
                covering[key][None].remove(number)
                bisect.insort(covering[key].setdefault(fold(release.place.name), []), number)
        same.place = same.place or release.place
        _merge_sources(same.sources, release.sources)
    return kept
