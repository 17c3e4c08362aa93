"""Accolades tables and award lists → nominations, merged per body and category."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace

from filmgraph import reference
from filmgraph.dates import parse_date
from filmgraph.extract import prose
from filmgraph.extract.collect import Collector
from filmgraph.extract.names import clean_name, is_person_name, split_names
from filmgraph.model import AwardResult, Block, BlockKind, Film, Nomination, Nominee, PartialDate, Section, Work
from filmgraph.read.tables import is_result_word, table_roles
from filmgraph.read.templates import PLACEMENT_RE
from filmgraph.reference import WIN_WORDS, award_body, award_page, fold, is_ceremony, strip_ordinal

_AWARD_ITEM_RE = re.compile(r"^(?P<body>[^:–—]+?)(?:\s*\((?P<date>[^)]*)\))?\s*:\s*(?P<rest>.+)$")


_AWARD_ENTRY_RE = re.compile(r"^(?P<category>.+?)(?:\s+(?:[–—-]|for)\s+(?P<nominee>.+?))?\s*"
                             r"\((?P<result>[A-Za-z -]+)\)\s*$")




# A category cell that names the song it went to: 'Best Music for "Harbour Song"', 'Best Song ("Harbour Song")'.
_CATEGORY_SONG_RE = re.compile(r"^(?P<category>.+?)\s+(?:for\s+[\"“](?P<work>[^\"”]+)[\"”]|"
                               r"\(\s*[\"“](?P<noted>[^\"”]+)[\"”]\s*\))$")
_SHARED_WITH_RE = re.compile(r"\s*\(\s*shared\s+with\s+(?P<names>[^()]+)\)", re.IGNORECASE)
_FOR_THE_SONG_RE = re.compile(r"\s*\(?\s*for\s+the\s+song\s+[\"“](?P<work>[^\"”]+)[\"”]\s*\)?\s*$", re.IGNORECASE)
# A song and its writers: '"Song" by Ann Berg', '"Song" – Ann Berg and Tom Hill', '"Song"' then a line "Music and
# lyrics by Ann Berg".
_SONG_RE = re.compile(r"^[\"“'‘](?P<work>[^\"”’]+)[\"”'’]\s*(?:\((?P<paren>[^)]*)\)|(?:[—–,:]|\s-)?\s*"
                      r"(?:(?P<performed>(?:performed|sung)\s+by\s+)|(?:(?:music|lyrics|words|songs?)(?:\s+(?:and|&)\s+"
                      r"(?:music|lyrics|words))?|written|composed)\s+by\s+|by\s+)?(?P<who>\S.*))?$",
                      re.IGNORECASE | re.DOTALL)


def _table_columns(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...] = ()) -> dict[str, int]:
    roles = table_roles(list(header), rows)
    return {role: roles.index(role) for role in ("body", "date", "category", "recipient", "result") if role in roles}


_BRACKETED_YEAR_END_RE = re.compile(r"\((\d{4})\)\s*$")


def read_award_table(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...], section: str,
                     collector: Collector, context: tuple[str, ...] = (),
                     links: tuple[tuple[str, str], ...] = (), *, caption: str = "") -> None:
    """Rows of an accolades table; ``context`` is the prose around it, which may name the one body of a
    table that has no body column ("… at the 49th Academy Awards, winning three:"), and ``links`` the section's
    links: a category cell linked to its article ("[[Academy Award for Best Director|Best Director]]") names
    its body when no cell does."""
    columns = _table_columns(header, rows)
    if "category" not in columns and "body" in columns and rows and all(
            _CATEGORY_START_RE.match(row[columns["body"]]) for row in rows if row[columns["body"]].strip()):
        # An "Award" column of Best …/Outstanding … cells holds the categories of one body.
        columns["category"] = columns.pop("body")
    if "category" not in columns:
        return
    captioned, caption_date = _caption_body(caption) if "body" not in columns else ("", None)
    context_body = captioned  # "|+ German Film Awards, 6 June 2003": the table's body, and its ceremony's day
    if "body" not in columns and not context_body:
        # A table of one body's categories: a paragraph ending in ":" introduces it; otherwise the section's prose
        # must name one body (a category linked to its article names its own).
        introducing = [p for p in context if p.rstrip().endswith(":")] or list(context)
        bodies = {strip_ordinal(b) for paragraph in introducing for b in prose.bodies_in(paragraph)}
        context_body = bodies.pop() if len(bodies) == 1 else ""
    if not context_body and "body" not in columns:
        titled = named_body(section)  # "Academy Nominations and Awards" above a table of categories
        context_body = titled.body if titled else ""
    for row in rows:
        def cell(role: str, row: tuple[str, ...] = row) -> str:
            return clean_name(row[columns[role]]) if role in columns else ""
        category = " ".join(row[columns["category"]].split())
        song = _CATEGORY_SONG_RE.match(category)
        if song and song["noted"] and not re.search(r"(?i)\b(?:song|music|theme)", song["category"]):
            song = None  # 'Best Line ("I'll be back")': a quoted line, no song
        if song:  # 'Best Music for "Harbour Song"', 'Best Original Song ("Harbour Song")': the song it went to
            category = song["category"]
        category = _category_text(category)  # "Best Music (Original Song)" keeps its brackets
        if not category:
            continue
        body_cell = cell("body")
        if "body" in columns and (named := re.search(r"\(([^()]+)\)\s*$", row[columns["body"]])) and (
                award_body(named.group(1)) or _BODY_NAME_END_RE.search(named.group(1))) \
                and not _names_awards(row[columns["body"]][:named.start()].strip()):
            # "Film Academy of the Philippines (Luna Awards)": the awards it gives. But "Nordic Children's
            # Awards (NFI)" names its awards itself; the bracket is only who gives them.
            body_cell = named.group(1)
        page = collector.film.links.get(fold(body_cell)) if body_cell and award_body(body_cell) is None else None
        if page and award_body(_PAGE_YEAR_PREFIX_RE.sub("", page)):
            # "[[1985 Australian Film Institute Awards|AFI Award]]": the linked page names the body the words leave
            # open.
            body_cell = award_body(_PAGE_YEAR_PREFIX_RE.sub("", page)) or body_cell
        ceremony = body_cell if is_ceremony(body_cell) else None
        target = collector.film.links.get(fold(body_cell)) if body_cell else None
        if ceremony is None and target and is_ceremony(target) and award_body(strip_ordinal(target)) == award_body(
                strip_ordinal(body_cell)):
            ceremony = target  # "[[49th Academy Awards|Academy Awards]]": the ceremony the cell links
        result_cell = cell("result").casefold()
        result = AwardResult.WON if result_cell in WIN_WORDS else AwardResult.NOMINATED
        nominees = _nominees(row[columns["recipient"]] if "recipient" in columns else "", collector.film)
        if song:  # the songwriters are the nominees, for their song
            people = [n.person for n in nominees if n.person]
            nominees = [*nominees, Nominee(work=Work(song["work"] or song["noted"], people))]
        row_body = strip_ordinal(body_cell) if body_cell else captioned
        linked = _category_link(category, links, row_body)
        if linked and linked[0] and row_body and body_key(award_body(linked[0]) or linked[0]) != body_key(
                award_body(row_body) or row_body):
            linked = None  # a link of the section's prose to another body's category ("Best Sound" at the Oscars)
        if linked and fold(category) == fold(linked[2]) and award_page(linked[2]) is not None:
            category = linked[1]  # "[[Annie Award for Best Animated Feature]]": the body's prize, for the category
        # "All-Union Film Festival (1958)": a body cell may give its ceremony's year in brackets.
        body_year = _BRACKETED_YEAR_END_RE.search(row[columns["body"]]) if "body" in columns else None
        date = parse_date(cell("date")) or caption_date or (PartialDate(int(body_year.group(1))) if body_year else None)
        nomination = Nomination(
            body=strip_ordinal(body_cell) if body_cell else (linked[0] if linked and linked[0] else context_body),
            category=category, result=result, ceremony=ceremony, date=date,
            nominees=nominees, sources=[section], page=linked[3] if linked else None, listed=True)
        merge_nomination(collector, nomination)
        if result_cell and not is_result_word(result_cell):
            collector.film.warnings.append(f"{collector.where}: unknown award result '{cell('result')}'")


def _caption_body(caption: str) -> tuple[str, PartialDate | None]:
    """(body, ceremony's date) a table's caption names: "German Film Awards (Deutscher Filmpreis), 6 June 2003";
    ("", None) when it names no body ("Awards and nominations").

    >>> _caption_body("German Film Awards (Deutscher Filmpreis), 6 June 2003")
    ('Lola Awards', PartialDate(year=2003, month=6, day=6))
    """
    name, _, rest = caption.partition(",")
    name = strip_ordinal(re.sub(r"\s*\([^()]*\)", "", name).strip())
    if " and " in name:
        return "", None  # "Academy Awards and Golden Globe Awards, 2006": two bodies, each row's own
    body = award_body(name) or (name if _BODY_NAME_END_RE.search(name) else "")
    return (body, parse_date(rest.strip()) if body and rest.strip() else None) if body else ("", None)


_PAGE_YEAR_PREFIX_RE = re.compile(r"^(?:\d{4}\s+|\d+(?:st|nd|rd|th)\s+)")
_CATEGORY_START_RE = re.compile(r"^\s*(?:Best|Outstanding|Most|Excellence)\b")
_AWARDS_END_RE = re.compile(r"\b(?:Awards?|Prizes?|Festival)$")


def _names_awards(text: str) -> bool:
    """Whether a body cell's text names the awards themselves ("Nordic Children's Awards", "BAFTA"),
    not only the organisation that gives them ("Film Academy of the Philippines")."""
    return bool(text) and (award_body(text) is not None or bool(_AWARDS_END_RE.search(text)))


def read_award_item(item: str, section: str, collector: Collector) -> None:
    """A list item of an awards section: "Robert Awards (31 January 2026): Best Film (won); Best Score – Ann Berg
    (nominated)". Items in other shapes are read as sentences."""
    match = _AWARD_ITEM_RE.match(item)
    entries = [(m, e) for e in re.split(r"\s*;\s*", match["rest"]) if (m := _AWARD_ENTRY_RE.match(e))] \
        if match else []
    if not match or not entries:
        awards, _ = prose.find_awards(item, collector.film.title)
        for award in awards:
            award.sources.append(section)
            merge_nomination(collector, award)
        return
    body_text = clean_name(match["body"])
    when = parse_date(match["date"] or "")
    for entry, _ in entries:
        result_word = entry["result"].strip().casefold()
        if not is_result_word(result_word):
            continue
        merge_nomination(collector, Nomination(
            body=strip_ordinal(body_text), category=clean_name(entry["category"]),
            result=AwardResult.WON if result_word in WIN_WORDS else AwardResult.NOMINATED, date=when,
            ceremony=body_text if is_ceremony(body_text) else None,
            nominees=_nominees(entry["nominee"] or "", collector.film), sources=[section], listed=True))


_STUDIO_PRODUCERS_RE = re.compile(r"[^()]+?\s*\((?P<people>[^()]+?),\s*(?:executive\s+)?producers?\)")
_AWARDED_TO_RE = re.compile(r",?\s+(?:awarded|presented) to\s+")


# Words that name the film, its people as a whole, a job or a department: a recipient cell of only these words
# ("Film", "The film", "Ensemble cast", "Sound Director") names no one person.
_GROUP_WORDS = frozenset({"team", "crew", "ensemble", "staff", "band", "orchestra", "choir", "group", "unit", "troupe"})
_NO_PERSON_WORDS = frozenset("""the a its this film film's films movie movie's picture motion feature documentary
cast ensemble entire whole main full principal crew and all various director directors producer producers executive
associate sound music musical recording mixer mixers supervisor supervising head department editor editors composer
composers writer writers screenwriter screenwriters cinematographer designer designers art production costume makeup
visual effects special score team staff""".split())
# A studio or one of its departments: "Lund Bros. Studio Sound Department", "Lund Bros.-Star National".
_STUDIO_RE = re.compile(r"\bBros\.|\b(?:Studios?|Department|Dept\.)(?=\W|$)")
_CATEGORY_NAME_RE = re.compile(r"^(?:Best|Worst|Outstanding)\s")


def _nominee_is_a_person(name: str, film: Film) -> bool:
    """Whether a name a nomination gives is a person's: not the film ("Film", its title, "Cast"), a job
    ("Sound Director"), a country, a company or a studio's department (by its words, or by the page it links),
    nor a category ("Best Horror Film").

    >>> film = Film(title="Night Harbour", source="", links={"star national": "Star National Pictures"})
    >>> [_nominee_is_a_person(name, film) for name in ("Ann Berg", "Film", "Sound Director", "Star National")]
    [True, False, False, False]
    """
    words = fold(name).split()
    if not is_person_name(name) or fold(name) == fold(film.title) or all(w in _NO_PERSON_WORDS for w in words):
        return False
    if words[-1] in _GROUP_WORDS:
        return False  # "Jackie Lund Stunt Team", "the Harbour Orchestra": a group, no person
    if reference.country(name) or reference.is_company_name(name) or _STUDIO_RE.search(name) \
            or _CATEGORY_NAME_RE.match(name):
        return False
    page = film.links.get(fold(name))
    return not (page and reference.links_a_company(name, page))


def _nominees(cell: str, film: Film) -> list[Nominee]:
    title = film.title
    cell = cell.strip()
    if not cell or fold(clean_name(cell)) == fold(title):
        return []
    # "Ann Berg {{small|(shared with Tom Hill)}}": both are nominees; a work or a company shared with ("(shared with
    # Industrial Light & Magic)", "(shared with Coast Road: Part Two)") is no nominee of this film's.
    cell = _SHARED_WITH_RE.sub(lambda shared: f", {shared['names']}" if not re.search(r"[&:]", shared["names"]) and all(
        _nominee_is_a_person(name, film) for name in split_names(shared["names"])) else "", cell)
    # "Ann Berg and Tom Hill {{small|For the song "Harbour Song"}}": the writers, for their song.
    for_song = _FOR_THE_SONG_RE.search(cell)
    if for_song and cell[:for_song.start()].strip():
        people = [name for name in split_names(cell[:for_song.start()]) if _nominee_is_a_person(name, film)]
        return [*(Nominee(person=name) for name in people), Nominee(work=Work(for_song["work"].strip(), people))]
    song = _SONG_RE.match(cell)
    if song:
        # The song's writers are nominees with it, as 'Ann Berg for "Song"' makes them.
        # A singer is no nominee of a song's prize ("performed by Eva Lund"): its writers are.
        people = [] if song["performed"] else [name for name in split_names(song["who"] or "")
                                                if _nominee_is_a_person(name, film)]
        return [*(Nominee(person=name) for name in people), Nominee(work=Work(song["work"].strip(), people))]
    sung = re.match(r"^(?P<who>.+?)\s+for\s+[\"“](?P<work>[^\"”]+)[\"”]$", cell)
    if sung:  # 'Rahat Fateh Ali Khan for "Mere Rashke Qamar"': the singer, for the song
        people = [name for name in split_names(sung["who"]) if _nominee_is_a_person(name, film)]
        return [*(Nominee(person=name) for name in people), Nominee(work=Work(sung["work"].strip(), people))]
    # "Warner Bros. (Henry Blanke, producer)": a studio's picture, nominated in its producers' names.
    producers = _STUDIO_PRODUCERS_RE.fullmatch(cell)
    if producers and all(_nominee_is_a_person(name, film) for name in split_names(producers["people"])):
        cell = producers["people"]
    # "Max Steiner, awarded to Leo F. Forbstein": the composer, and the department head who took the award.
    cell = _AWARDED_TO_RE.sub(", ", cell)
    # A country as recipient is the submitting country (international feature film), not a person.
    # "For the 50th Anniversary Two-Disc Special Edition DVD" says what it went to, and names nobody.
    # "Rumi Hiiragi as Chihiro": the actor, for the part.
    names = [_without_job(re.sub(r"\s+as\s+.+$", "", name), film.links) for name in split_names(cell)]
    return [Nominee(person=name) for name in names if _nominee_is_a_person(name, film)]


def _without_job(name: str, links: dict[str, str] | None = None) -> str:
    """A name without the job before it: "Film Editor Tom Hill" → "Tom Hill", "Film's writers Anil Das" → "Anil
    Das", "Music Director [[Ilaiyaraaja]]" → "Ilaiyaraaja" (a one-word name only when linked); a two-word name
    stays whole ("Art Carney"), and so does a name linked whole ("[[Sound E. Daniels]]").

    >>> _without_job("Film Editor Tom Hill"), _without_job("Art Carney"), _without_job("Director X", {"x": "X"})
    ('Tom Hill', 'Art Carney', 'X')
    """
    links = links or {}
    tokens = name.split()
    if fold(name) in links:
        return name
    while len(tokens) > 1 and fold(tokens[0]).removesuffix("'s").removesuffix("’s") in _NO_PERSON_WORDS \
            and (len(tokens) > 2 or fold(tokens[-1]) in links):
        tokens = tokens[1:]
    return " ".join(tokens)


def body_key(body: str | None) -> str:
    return fold(strip_ordinal(body or "")).removeprefix("the ").rstrip("s")


# The categories that honour a person's career, whatever film the article is about.
_CAREER_AWARD_RE = re.compile(r"(?i)\b(?:honorary\s+(?!mention)|life\s*-?\s*time\s+achievement|"
                              r"career\s+(?:achievement|award|prize|tribute)|outstanding contribution|"
                              r"contribution to (?:indian |world |the )?cinema)")


def merge_nomination(collector: Collector, new: Nomination) -> None:
    """Add a nomination to the collector's film, or merge it into the one of the same body and category.

    The collector indexes the nominations by category, by body and category and by category page, so that
    each merge costs the same however many nominations came before it."""
    film = collector.film
    if _CAREER_AWARD_RE.search(new.category):
        return  # "Lifetime Achievement Award", "Honorary Award": a person's career, not the film, won it
    new.body = award_body(new.body) or new.body  # "BAFTA Awards" and "British Academy Film Awards" are one body
    category = fold(new.category)
    same_category = collector.nominations_by_category.get(category, [])
    # A category a body's nomination already links ("[[Academy Award for Best Sound Mixing|Best Sound]]" beside the
    # table's "Best Sound Mixing") is that one, whatever other body shares its words (BAFTA's "Best Sound").
    by_page = new.page is not None and (not same_category or (
        bool(new.body) and ("page", new.page, body_key(new.body)) in collector.nominations_by_body))
    # "Best Scoring of a Musical Picture" in the lead is the table's "Best Music, Scoring of a Musical Picture"
    # when both link to one category's article.
    scope = ("page", new.page) if by_page else ("category", category)
    if new.body:
        old = collector.nominations_by_body.get((*scope, body_key(new.body)))
    else:
        matches = collector.nominations_by_page.get(new.page, []) if by_page else same_category
        if len(matches) > 1:
            # "won Best Director" with the category under two bodies: the text does not say which.
            film.warnings.append(f"'{new.category}' is stated without its award body and fits "
                                 f"{len(matches)} bodies; the statement was not bound to any")
            return
        old = matches[0] if matches else None
    if old is not None and by_page and not _one_category_named_twice(old, new):
        old = None  # "[[…Leading Role|Best British Actor]]" and "[[…Leading Role|Best Foreign Actor]]": two categories
    if old is not None and old.result is not new.result and old.nominees and new.nominees and not (
            collector.nominee_keys[id(old)] & {nominee_key(n) for n in new.nominees}):
        old = None  # two rows of one category, one won and one not ("Best Original Song": two songs): each its own
    if old is not None:
        if by_page and set(re.findall(r"\w+", fold(old.category))) < set(re.findall(r"\w+", fold(new.category))):
            # "Oscar for Best Cinematography" in the lead, "Best Cinematography (Black-and-White)" in the accolades:
            # one category, by its fuller name.
            old.category = new.category
            collector.nominations_by_category.setdefault(category, []).append(old)
            collector.nominations_by_body.setdefault(("category", category, body_key(old.body)), old)
        if new.result is AwardResult.WON:
            old.result = AwardResult.WON
        old.date = old.date or new.date
        old.ceremony = old.ceremony or new.ceremony
        known = collector.nominee_keys[id(old)]
        for nominee in new.nominees:
            if (key := nominee_key(nominee)) not in known:
                known.add(key)
                old.nominees.append(nominee)
        old.sources.extend(s for s in new.sources if s not in old.sources)
        old.listed = old.listed or new.listed
        if new.page and not old.page:
            old.page = new.page
            _index_by_page(collector, old)
        return
    film.nomination.append(new)
    if new.body:
        collector.body_names.add(_without_award_word(new.body))
    collector.nominee_keys[id(new)] = {nominee_key(n) for n in new.nominees}
    collector.nominations_by_category.setdefault(category, []).append(new)
    collector.nominations_by_body.setdefault(("category", category, body_key(new.body)), new)
    if new.page:
        _index_by_page(collector, new)


def _one_category_named_twice(one: Nomination, other: Nomination) -> bool:
    """Whether two nominations whose categories link one article are one: the words of one name are among the
    other's ("Best Scoring of a Musical Picture", "Best Music, Scoring of a Musical Picture"), or they are a name
    and a former name ("Best Foreign Language Film", "Best International Feature Film") not told apart by whom they
    went to. A page linked under "Best British Actor" for one actor and "Best Foreign Actor" for another holds two."""
    ours, theirs = (set(re.findall(r"\w+", fold(n.category))) for n in (one, other))
    if ours <= theirs or theirs <= ours:
        return True
    people = [{nominee.person for nominee in n.nominees if nominee.person} for n in (one, other)]
    return not (people[0] and people[1] and not people[0] & people[1])


def nominee_key(nominee: Nominee) -> tuple[str | None, str | None]:
    return nominee.person, nominee.work.name if nominee.work else None


def _index_by_page(collector: Collector, nomination: Nomination) -> None:
    collector.nominations_by_page.setdefault(nomination.page, []).append(nomination)
    collector.nominations_by_body.setdefault(("page", nomination.page, body_key(nomination.body)), nomination)


_CEREMONY_YEAR_RE = re.compile(rf"\b(?P<ceremony>{reference.EDITION}\s+(?:[A-Z][\w'’.&-]*\s+)*?"
                               r"(?:Awards?|Festival|Prizes?|Film Festival))\s+(?:ceremony\s+)?"
                               r"(?:in|held in|\(|of)\s*(?P<year>\d{4})\b")


_CEREMONY_WORDS = ("Award", "Festival", "Prize")
# A day as prose writes it: "29 February 1940", "February 29, 1940".
_DAY = r"(?P<date>(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}),?\s+\d{4})"
# "the 12th Academy Awards, held on February 29, 1940": the ceremony's day.
_CEREMONY_HELD_RE = re.compile(rf"\b(?P<ceremony>{reference.EDITION}\s+(?:[A-Z][\w'’.&-]*\s+)*?"
                               r"(?:(?P<awards>Awards?|Prizes?)|Festival|Film Festival)),?\s+(?:ceremony\s+)?"
                               rf"(?P<held>(?:was\s+)?held\s+)?on\s+{_DAY}")
_CEREMONY_TOLD_RE = re.compile(rf"\b(?P<ceremony>{reference.EDITION}\s+(?:[A-Z][\w'’.&-]*\s+)*?(?:Awards?|Prizes?)),\s+"
                               r"(?P<rest>[^.;]{0,160})")
_PRESENTED_ON_RE = re.compile(rf"\b(?:presented|held|given|handed\s+out)\b[^,;]{{0,60}}?\bon\s+{_DAY}")
_ANNOUNCED_ON_RE = re.compile(rf"(?:which\s+were\s+|were\s+)?announced\s+on\s+{_DAY}")
_YEAR_CEREMONY_RE = re.compile(rf"^(?P<year>\d{{4}})\s*[-–—:]\s*(?:the\s+)?(?P<ceremony>{reference.EDITION}\s+"
                               r"(?:[A-Z][\w'’.&-]*\s+)*?(?:Awards?|Festival|Prizes?))\b")


def ceremony_years(text: str) -> dict[str, PartialDate]:
    """The years a text gives ceremonies: "during the 49th Academy Awards ceremony in 1977", or a festival
    list's "1983 - 33rd Berlin International Film Festival".

    >>> ceremony_years("During the 49th Academy Awards ceremony in 1977, Ali joked.")
    {'49th academy awards': PartialDate(year=1977, month=None, day=None)}
    >>> ceremony_years("1983 - 33rd Berlin International Film Festival, 18 February (Competition)")
    {'33rd berlin international film festival': PartialDate(year=1983, month=None, day=None)}
    >>> ceremony_years("At the 12th Academy Awards, held on February 29, 1940, it received eleven nominations.")
    {'12th academy awards': PartialDate(year=1940, month=2, day=29)}
    """
    if not any(word in text for word in _CEREMONY_WORDS):
        return {}  # both patterns need one of these words: no need to run them along the text
    found = {fold(m["ceremony"]): PartialDate(int(m["year"])) for m in _CEREMONY_YEAR_RE.finditer(text)}
    for held in _CEREMONY_HELD_RE.finditer(text):
        # "the 12th Academy Awards, held on …", "At the 69th British Academy Film Awards on 14 February 2016": an
        # awards' ceremony day (not "ahead of the 88th Academy Awards on …", a screening's; nor a festival's, whose
        # opening day is not its prizes').
        opened = re.search(r"\b[Aa]t\s+the\s+$", text[:held.start()]) is not None
        if held["awards"] and (held["held"] or opened) and (day := parse_date(held["date"])) is not None:
            found[fold(held["ceremony"])] = day
    for told in _CEREMONY_TOLD_RE.finditer(text):
        # "At the 64th National Film Awards, announced on 7 April 2017 and presented by the President on 3 May 2017":
        # the day they were presented, else the day they were announced.
        if fold(told["ceremony"]) in found or not re.search(r"\b[Aa]t\s+the\s+$", text[:told.start()]):
            continue
        day = _PRESENTED_ON_RE.search(told["rest"]) or _ANNOUNCED_ON_RE.match(told["rest"])
        if day and (when := parse_date(day["date"])) is not None and when.day is not None:
            found[fold(told["ceremony"])] = when
    listed = _YEAR_CEREMONY_RE.match(text)
    if listed:
        found[fold(listed["ceremony"])] = PartialDate(int(listed["year"]))
    return found


def apply_ceremonies(film: Film, years: dict[str, PartialDate] | None = None) -> None:
    """A ceremony named in prose ("the 43rd Robert Awards") is the one of that body's table rows; ``years`` are
    the ceremonies' years that prose gives (``ceremony_years``)."""
    for tally in film.award_tally:
        if tally.ceremony:
            for nomination in film.nomination:
                if body_key(nomination.body) == body_key(tally.body) and not nomination.ceremony:
                    nomination.ceremony = tally.ceremony
    by_body: dict[str, list[Nomination]] = {}
    for nomination in film.nomination:
        by_body.setdefault(body_key(nomination.body), []).append(nomination)
    for nomination in film.nomination:
        if nomination.ceremony:
            for other in by_body[body_key(nomination.body)]:
                if not other.ceremony and _one_ceremonys_dates(other.date, nomination.date):
                    other.ceremony = nomination.ceremony
                    if not other.date or (other.date.month is None and nomination.date):
                        other.date = nomination.date  # the ceremony's day, over its year alone
    for nomination in film.nomination:
        told = (years or {}).get(fold(nomination.ceremony).removeprefix("the ")) if nomination.ceremony else None
        if told is not None and (not nomination.date or (nomination.date.month is None
                                                          and nomination.date.year == told.year)):
            nomination.date = told  # the ceremony's day the page gives, over the year of its table's column
        if nomination.ceremony and not nomination.date and (year := reference.ceremony_year(nomination.ceremony)):
            nomination.date = PartialDate(year)  # "the 49th Academy Awards": a body's yearly ceremony, 1977


def _one_ceremonys_dates(one: PartialDate | None, other: PartialDate | None) -> bool:
    """Whether two prizes' dates may be one ceremony's: equal, one unknown, or one a year the other's day is in."""
    if one is None or other is None or one == other:
        return True
    return one.year == other.year and (one.month is None or other.month is None)


_RESULT_TAIL_RE = re.compile(r"\s*(?:[–—:-]+|\(|,)\s*(?P<result>[A-Za-z][A-Za-z -]*?)\)?\s*[.;]?\s*$")
_RESULT_CATEGORY_BODY_RE = re.compile(r"^(?P<result>[A-Za-z]+),\s*(?P<category>[^,]+),\s*(?P<body>[^,()]+?)\s*"
                                      r"\((?P<year>\d{4})\)$")
_RESULT_HEAD_RE = re.compile(r"^(?P<result>[A-Za-z][A-Za-z -]*?)\s*[:–—-]\s+(?P<rest>.+)$")
# A result word that opens an item with nothing after it but a space ("Nomination Robert Award for …").
_RESULT_LEAD_RE = re.compile(r"^['*]*(?P<result>Won|Winner|Nominated|Nominee|Nomination|Shortlisted)['*]*\s+"
                             r"(?P<rest>[A-Z\"“].+)$")
_HEADING_DATE_RE = re.compile(r"\s*[(,]?\s*(?P<year>\d{4})\s*\)?\s*$|^(?P<lead>\d{4})\s+")


def _result_of(word: str) -> AwardResult | None:
    word = word.strip().strip("'*").casefold()
    if not is_result_word(word):
        return None
    return AwardResult.WON if word in WIN_WORDS else AwardResult.NOMINATED


_WON_SECTION_RE = re.compile(r"(?:(?:other|additional|further|major) )?(?:awards?|awards? won|prizes?|honou?rs|"
                             r"awards? and honou?rs)")
_NOMINATION_WORD_RE = re.compile(r"(?i)\bnominat|\bnominee|\brunner|\bshortlist")


def read_award_blocks(section: Section, collector: Collector) -> None:
    """The lists of an awards section in page order: a bold line, a definition term or an item that is only a
    body's name names the award body (and maybe its year) of the items below it ("'''[[Academy Awards]]'''
    (1970)", "* [[Young Artist Awards]] (1990)"), a "Won:" / "Nominated:" line the result of the items below
    it, and each item "Category (Nominee) — Result". A category linked to its article ("[[BAFTA Award for Best
    Film|Best Film]]") names its own body, whatever line stands above it. Items in other shapes are read as
    before (``read_award_item``)."""
    # A "Wins" or "Nominations" section says the result of all it lists; "Academy Nominations" its body too.
    titled = named_body(section.title)
    section_result = titled.result if titled else None
    if section_result is None and _WON_SECTION_RE.fullmatch(fold(section.title)) and not any(
            _NOMINATION_WORD_RE.search(block.text) for block in section.blocks):
        # An "Awards" section that nowhere speaks of nominations (nor its prose, nor a line) lists what was won.
        section_result = AwardResult.WON
    section_body = titled.body if titled else ""
    body, year, result = section_body, "", section_result
    body_depth = 0  # the list depth of the item that named the body; items deeper down are its prizes
    category_above: tuple[int, str, tuple[tuple[str, str], ...]] | None = None  # an item "Category:" over nominees
    year_above: tuple[int, str] | None = None  # an item that is only a year ("* 1997"): the year of those below it
    for block in section.blocks:
        if block.kind is BlockKind.TABLE:
            body, year, result, body_depth = section_body, "", section_result, 0
            year_above = None
            continue
        if block.kind is BlockKind.ITEM and (alone := _YEAR_ALONE_RE.fullmatch(block.text.strip())):
            # "* 1997" then "** [[Fajr Film Festival]]" then "*** Crystal Simorgh – won": the year of the bodies and
            # prizes under it, never a prize itself.
            year_above = (block.depth, alone["year"])
            if body_depth and block.depth > body_depth:
                year = alone["year"]  # "* [[Bodil Awards]]" then "** 2006:": the body's year
            else:
                body, year, result, body_depth = section_body, alone["year"], section_result, 0
            continue
        if year_above is not None and (block.kind is not BlockKind.ITEM or block.depth <= year_above[0]):
            year_above = None
        named = named_body(block.text) if len(block.text) < 80 else None
        if named is not None and named.body and body_depth and block.kind is BlockKind.ITEM \
                and block.depth > body_depth:
            # "* Venice Film Festival (1958)" then "** Italian Film Critics Award – Won": a prize of the body above,
            # however like a body's its name ends.
            named = None
        if named is not None:
            if named.body:
                body, year = named.body, named.year or (year_above[1] if year_above else "")
                result = named.result or section_result
                body_depth = block.depth if block.kind is BlockKind.ITEM else 0
            else:
                result = named.result
            continue
        if block.heading:
            body, year = _heading_body(block.text.strip().rstrip(":").strip(), block.links)
            result, body_depth = section_result, 0
            continue
        if block.kind is BlockKind.PARAGRAPH:
            # Prose between lists ends the body and result a line above it set: "… also appeared on several of the
            # American Film Institute's lists:" does not go on with the Academy Awards listed before it.
            body, year, result, body_depth = section_body, "", section_result, 0
        if block.kind is BlockKind.PARAGRAPH and block.text.rstrip().endswith(":"):
            # "The film won:", "It was nominated for the following:": the result of the list below it; "At the
            # 32nd Golden Globe Awards, …, the film received seven nominations and won four:" its body too.
            if prose.NOMINATION_RE.search(block.text):
                result = AwardResult.NOMINATED
            elif prose.WIN_RE.search(block.text):
                result = AwardResult.WON
            named_bodies = {strip_ordinal(b) for b in prose.bodies_in(block.text)}
            # Only a ceremony the paragraph opens at ("At the 32nd Golden Globe Awards, …:"), never one it names in
            # passing ("After its premiere at the Cannes Film Festival, the film won the following awards:").
            if len(named_bodies) == 1 and re.match(r"At\s+the\s+", block.text):
                body = award_body(next(iter(named_bodies))) or next(iter(named_bodies))
                told = next(iter(ceremony_years(block.text).values()), None)
                year = str(told.year) if told else year
            continue
        if block.kind is not BlockKind.ITEM:
            continue
        if _RANK_RE.search(block.text):
            continue  # "AFI's 100 Years…100 Thrills (2001) – #52": a place in a ranking, no prize
        if block.text.rstrip().endswith(":") and body:
            # "** Most Promising Actor:" then "*** Ann Berg (nominated)": the category of the nominees below it; any
            # other line ending so ("[[Tom Hill]]:", "2006:") heads what follows, and is no prize.
            category_above = (block.depth, block.text.rstrip().rstrip(":").strip(), block.links) \
                if _names_a_category_above(block) else None
            continue
        if category_above is not None and block.depth > category_above[0]:
            block = replace(block, text=f"{category_above[1]} – {block.text}", links=category_above[2] + block.links)
        else:
            category_above = None
        if not _read_list_award(block, body, year, result, section.title, collector):
            read_award_item(block.text, section.title, collector)


_DASH_RE = re.compile(r"\s+(?:[–—]|-|for)\s+")
_YEAR_ALONE_RE = re.compile(r"'*(?P<year>(?:19|20)\d\d)'*\s*:?")
# A ranking's place at the end of an item: "– #52", "(No. 7)", "– ranked 14th".
_RANK_RE = re.compile(r"(?:[–—:-]\s*|\(\s*)(?:#\s?\d+|No\.\s?\d+|ranked\s+\d+(?:st|nd|rd|th))\.?\s*\)?\s*$",
                      re.IGNORECASE)


def _names_a_category_above(block: Block) -> bool:
    """Whether an item ending in ":" names a category ("Most Promising Actor:", a link to a category's article),
    not a person, a year or a phrase ("[[Tom Hill]]:", "2006:", "Nominees in the category:")."""
    text = block.text.rstrip().rstrip(":").strip()
    return bool(_CATEGORY_START_RE.match(text) or prose.names_a_category(text)
                or any(award_page(target) is not None for shown, target in block.links if shown == text))


@dataclass(frozen=True)
class NamedBody:
    body: str  # "" when the text names only a result ("Won:")
    result: AwardResult | None
    year: str | None  # the ceremony's year, or its whole date when the text gives one ("10 March 1960")


# How the names of award bodies end: "Young Artist Awards", "Chicago Film Critics Association".
_BODY_NAME_END_RE = re.compile(r"^[A-Z][\w'’.&-]*(?:\s+(?:of|the|for|and|de|del|della|di|du|des|la|le|da|do|dos|das|"
                               r"[A-Z0-9][\w'’.&-]*))*\s+(?:Awards?|Prizes?|"
                               r"Festival|Circle|Society|Association|Guild|Academy)$")
_RESULT_WORD_RE = re.compile(r"\b(?:won|wins?|winners?|nominated|nominations?|nominees?)\b", re.IGNORECASE)


def named_body(text: str, *, known_only: bool = False) -> NamedBody | None:
    """What a heading-like text names, when it names nothing else: an award body, a result, a year. A body
    award_bodies.csv does not know counts by the way its name ends ("… Awards"), unless ``known_only``.

    >>> named_body("1955 Academy Award Nomination")
    NamedBody(body='Academy Awards', result=<AwardResult.NOMINATED: 'nominated'>, year='1955')
    >>> named_body("The Japanese Academy (1987)").body, named_body("Won:").result.value, named_body("Best Actor")
    ('Japan Academy Film Prize', 'won', None)
    """
    text = text.strip().rstrip(":").strip()
    date = re.search(r"\b(\d{4})\b", text)
    # "Golden Globe Awards (10 March 1960)": the bracket holds the ceremony's date, all of it no part of the name.
    bracket = re.search(r"\(([^()]*\b\d{4}\b[^()]*)\)", text) if date else None
    dated = text.replace(bracket.group(0), " ") if bracket else text
    day = parse_date(bracket.group(1).strip()) if bracket else None
    when = bracket.group(1).strip() if day is not None and day.day is not None else date.group(1) if date else None
    rest = re.sub(r"[()\[\]]", " ", dated.replace(date.group(0), " ") if date else text)
    words = [_result_of(w) or _result_of(w.rstrip("s")) for w in _RESULT_WORD_RE.findall(rest)]
    rest = " ".join(_RESULT_WORD_RE.sub(" ", rest).replace(" and ", " ").replace("&", " ").split()).strip(" ,;:-–—")
    result = next((w for w in words if w is not None), None)
    country = re.search(r",\s*(?P<country>[^,]+)$", rest)
    if country and reference.country(country["country"]):
        rest = rest[:country.start()]  # "National Board of Review, USA": the body, and where it sits
    if not rest:
        return NamedBody("", result, when) if result else None
    candidate = strip_ordinal(rest).removeprefix("the ").removeprefix("The ")
    body = next((b for b in (award_body(candidate), award_body(f"{candidate} Awards")) if b), None)
    if body is None and not known_only and len(candidate.split()) <= 8 and _BODY_NAME_END_RE.search(candidate):
        body = candidate + "s" if candidate.endswith("Award") else candidate  # a body the table does not know
    return NamedBody(body, result, when) if body else None


def _heading_body(text: str, links: tuple[tuple[str, str], ...]) -> tuple[str, str]:
    """(body, year) a bold heading line names: "Academy Awards (1950)", "1950 Academy Awards", "[[BAFTA]]s"."""
    dated = re.search(r"\s*\(([^()]*\b\d{4}\b[^()]*)\)\s*$", text)
    if dated and not dated.group(1).strip().isdigit():
        # "Hollywood Music in Media Awards (November 14, 2018)": the ceremony's date in brackets.
        day = parse_date(dated.group(1).strip())
        name = strip_ordinal(text[:dated.start()].strip())
        known = award_body(name) or next((award_body(target) for _, target in links if award_body(target)), None)
        return known or clean_name(name), dated.group(1).strip() if day is not None else ""
    date = _HEADING_DATE_RE.search(text)
    year = (date["year"] or date["lead"]) if date else ""
    name = strip_ordinal(_HEADING_DATE_RE.sub("", text).strip())
    known = award_body(name) or next((award_body(target) for _, target in links if award_body(target)), None)
    return known or clean_name(name), year


_YEAR_BODY_CATEGORY_RE = re.compile(r"^(?:(?P<year>\d{4})\s+)?(?P<body>[^,:()]{3,80}?),\s+(?P<category>[^,].*)$")
_HONOUR_RE = re.compile(r"\b(?:citations?|(?:special|honou?rable|jury)\s+mentions?)\b", re.IGNORECASE)


# What stands where a body would in "2002 X, Best Actor" and is none: a result, a prize's grade, a selection.
_NOT_A_BODY_RE = re.compile(r"(?i)(?:won|winner|win|nominated|nominee|nomination|runner-up|gold|silver|bronze|"
                            r"honou?rable|special|official|jury|audience|selection|mention|medal)\b")


def _a_person_or_a_town(name: str) -> bool:
    """Whether a name before a category is a person's ("Ann Berg") or a town's ("Mumbai"), not a body's."""
    if reference.award_body(name) or re.search(r"(?i)\b(?:festival|fest|awards?|academy|guild|critics|society|"
                                               r"association|circle|prize|ceremony)\b", name):
        return False
    last = name.split()[-1].casefold()
    return reference.is_given_name(name.split()[0]) or (is_person_name(name) and last not in reference.PLACE_KINDS) \
        or reference.country(name) is not None or (reference.is_place_name(name) and last not in reference.PLACE_KINDS)


# A festival's or an awards' name, its prize and the year ("Asia-Pacific Film Festival Special Achievement for …
# (1983)").
_BODY_PRIZE_YEAR_RE = re.compile(r"^(?P<body>(?:[A-Z][\w'’.&-]*\s+){1,6}?(?:Film\s+)?(?:Festival|Awards))\s+"
                                 r"(?P<category>[A-Z][^()]{2,120}?)\s*\((?P<year>\d{4})\)$")


def _read_list_award(block: Block, body: str, year: str, result: AwardResult | None, section: str,
                     collector: Collector) -> bool:
    """One item under an award body's line: "Best Picture (Jerome Hellman) — Won". False when the item is not
    in that shape (the caller reads it another way)."""
    text = block.text.strip()
    if PLACEMENT_RE.search(text):
        return True  # a critics' vote's runner-up: not a nomination
    head = re.match(r"^(?P<head>[^:]{3,80}):\s+(?P<rest>.+)$", text)
    named = named_body(head["head"], known_only=True) if head else None
    if named is not None and named.body and ";" in head["rest"]:
        return False  # "43rd Robert Awards (31 January 2026): Best Film (won); Best Director – …": several prizes
    if named is not None and named.body:
        # "1955 Academy Award Nomination: Best Motion Picture Story (Beirne Lay, Jr.)"
        body, year, result, text = named.body, named.year or year, named.result or result, head["rest"]
    listed = _RESULT_CATEGORY_BODY_RE.match(text)
    if listed and _result_of(listed["result"]) is not None:
        # "Winner, Bronze Hugo Awards, 19th Chicago Film Festival (1983)": result, prize, ceremony, year
        result, text, year = _result_of(listed["result"]), listed["category"], listed["year"]
        body = strip_ordinal(listed["body"])
    opened = _BODY_PRIZE_YEAR_RE.match(text) if result is not None and not body else None
    known = named_body(opened["body"]) if opened else None
    if opened and known is not None and known.body:
        # "Asia-Pacific Film Festival Special Achievement for Best Depiction of … (1983)" in a list of prizes won:
        # the body, the prize, the year
        body, year, text = known.body, opened["year"], opened["category"]
    leading = _YEAR_BODY_CATEGORY_RE.match(text)
    named = named_body(leading["body"]) if leading else None
    if named is not None and named.body and leading is not None:
        # "2007 Silver Lake Film Festival, Best Documentary": the year, the body, then the category
        body, year, text = named.body, leading["year"] or year, leading["category"]
    elif leading is not None and leading["year"] and re.match(r"(?:Best|Most|Outstanding)\s", leading["category"]) \
            and re.fullmatch(r"[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,5}", leading["body"].strip()) \
            and not _NOT_A_BODY_RE.match(leading["body"].strip()) and not _a_person_or_a_town(leading["body"].strip()) \
            and fold(leading["body"].strip()) != fold(collector.film.title) \
            and not reference.is_region_name(leading["body"].strip()) \
            and not any(reference.is_region_name(part) or reference.is_first_level_region(part)
                        for part in (leading["body"].strip(), leading["body"].strip().rsplit(" ", 1)[0])):
        # "2006 Evil City, Best Documentary": a year, a name, then a category: the name is the body's
        body, year, text = leading["body"].strip(), leading["year"], leading["category"]
    head = _RESULT_HEAD_RE.match(text)
    tail = _RESULT_TAIL_RE.search(text)
    lead = _RESULT_LEAD_RE.match(text)
    if tail and _result_of(tail["result"]) is not None:
        result, text = _result_of(tail["result"]), text[:tail.start()].strip()
    elif head and _result_of(head["result"]) is not None:
        result, text = _result_of(head["result"]), head["rest"].strip()
    elif lead:
        # "''Nomination'' [[Robert Award for Best Actress]] – Ann Berg": the result, set apart by its
        # italics only, is no part of the category.
        result, text = _result_of(lead["result"]), lead["rest"].strip()
    prefix = re.match(r"^(?P<award>.*\b(?:Awards?|Academy|Prize)\b.*?)\s+[-–—:]\s+"
                      r"(?P<category>(?:Best|Most|Outstanding)\b.+)$", text)
    if prefix:  # "Young Artist Award - Best Family Motion Picture": the award, then its category
        text = prefix["category"]
        if not body and (named := named_body(prefix["award"])) is not None and named.body:
            # "* [[2011 Scream Awards]] – Best Director – Ann Berg (Nominated)": a flat list names its body first
            body, year = named.body, named.year or year
    dated = re.match(r"^(?P<year>\d{4})\s*:\s+(?P<rest>.+)$", text)
    if dated:  # "2019: Best Director – Ann Berg": the year, then the prize
        year, text = dated["year"], dated["rest"]
    # "Ann Berg (also for ''Coast Road'' and ''Bar'')": a note of her other works the prize was for, no nominee.
    text = re.sub(r"\s*\((?:also\s+)?for\s+[^()]*\)", "", text)
    linked = _category_link(text, block.links) or _category_named(text)
    if linked is not None and linked[3] is None and body and reference.award_body(linked[0]) is None:
        # "Silver Screen Award for Best Asian Feature Film" under the festival that gives it, "Special Award for Best
        # Non-Professional Acting" under the Golden Globes: the prize of the body above, whole (a body of the
        # prize's name is one the table does not know).
        linked = None
    if not body and (linked is None or not linked[0]):
        return False  # no body above it, and no link naming one: read as a sentence
    nominees_text = ""
    paren = re.match(r"^(?P<category>[^()]+?)\s*\((?P<who>[^()]*)\)\s*(?:[:–—-].*)?$", text)
    if paren and (prose.CATEGORY_QUALIFIER_RE.match(paren["who"].strip()) or ":" in paren["category"]):
        # "Best Writing (Screenplay): Ann Berg": the bracket is the category's, the nominees follow the colon; "Best
        # Picture: Ann Berg (producer)": the bracket is the nominee's.
        paren = None
    # "Best Actress – Ann Berg"; "Outstanding Music Supervision - Film – Ann Berg": the nominees follow the first
    # dash after which only people are named.
    dashed = next(((text[:mark.start()], text[mark.end():]) for mark in _DASH_RE.finditer(text)
                   if mark.start() and text[mark.end():].strip() and all(
                       _links_a_person(name, collector.film.links) or _looks_like_a_name(name)
                       for name in split_names(text[mark.end():]))), None)
    if linked is not None:
        category = linked[1]
        after = text[len(linked[2]):]
        bracket = re.match(r"^\s*[–—:-]?\s*\(([^()]*)\)", after)
        nominees_text = bracket.group(1) if bracket else after.strip(" ()–—-:,*")
        if paren and fold(paren["category"]).startswith(fold(linked[2])):
            nominees_text = paren["who"]
        # "[[Volpi Cup]] for Best Actor – Ann Berg": the linked prize, and the category it is for, before the nominee.
        prize_for = re.match(r"^\s+for\s+(?P<what>(?:Best|Most|Outstanding)\b[^–—]*?)\s*(?:[–—-]\s+(?P<who>.*))?$",
                             after)
        if prize_for:
            category, nominees_text = f"{category} for {prize_for['what']}", prize_for["who"] or ""
    elif paren:
        category, nominees_text = paren["category"], paren["who"]
    elif dashed and result is not None:
        # "Best Actress – Ann Berg" names a nominee; "Best Actor – Motion Picture Drama" is one category.
        category, nominees_text = dashed
    elif ":" in text and not _colon_inside_category(text):
        category, nominees_text = text.split(":", 1)  # "Best Sound Recording: Ann Berg, Sound Director"
        nominees_text = re.sub(r"\s*\([^()]*\)", "", nominees_text)  # "Ann Berg (producer)": her job
    else:
        category = text
    category = _category_text(category)
    if not category or len(category.split()) > 12 or not re.match(r"^[\w\"“'(]", category):
        return False
    if _RANKING_RE.search(category):
        return True  # "One of the Ten Best Films of the 1980s, URIAN (2000)": a critics' list, no prize nor nomination
    nomination_body = linked[0] if linked is not None and linked[0] else body
    if result is None and _HONOUR_RE.search(category):
        result = AwardResult.WON  # a citation or a mention is given, never competed for
    merge_nomination(collector, Nomination(
        body=nomination_body, category=category, result=result or AwardResult.NOMINATED,
        date=parse_date(year) if year else None, nominees=_nominees(nominees_text, collector.film),
        sources=[section], page=linked[3] if linked is not None else None, listed=True))
    return True


# A place in a critics' list of the best films: a ranking, no category.
_RANKING_RE = re.compile(r"(?i)^(?:one\s+of\s+the|among\s+the)\b|\b(?:ten|10|top\s+\w+)\s+best\s+films\b")


# Words of categories' qualifiers ("– Motion Picture Drama", "– Adventure"), never of a person's name.
_CATEGORY_WORDS = frozenset("""motion picture drama comedy musical film feature adventure animated animation foreign
language documentary series actor actress male female leading supporting role original adapted screenplay score song
music family short director direction performance television tv""".split())


def _colon_inside_category(text: str) -> bool:
    """Whether a colon is part of the category's name: the Teen Choice Awards' kinds ("Choice Movie: Comedy",
    "Choice Movie: Hissy Fit"), or a qualifier of category words alone ("Best Film: Drama"). Nominees follow any
    other colon ("Best Sound Recording: Ann Berg")."""
    before, after = text.split(":", 1)
    return before.startswith("Choice ") or all(w.casefold() in _CATEGORY_WORDS for w in after.split())


def _links_a_person(name: str, links: dict[str, str]) -> bool:
    """Whether a name is linked to a page of its own name ("[[Ilaiyaraaja]]", "[[Kamal (actor)|Kamal]]"), not to
    a page of something else ("[[Adventure film|Adventure]]": a kind of film, in "Best Family Motion Picture –
    Adventure")."""
    page = links.get(fold(name))
    return page is not None and re.sub(r"\s*\([^()]*\)$", "", fold(page)) == fold(name)


def _looks_like_a_name(text: str) -> bool:
    """Two to four capitalised words, none of them a category's: "Pia Holm" but not "Motion Picture Drama"."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w.casefold() not in _CATEGORY_WORDS for w in words)


_FOOTNOTE_RE = re.compile(r"\[(?:\d+|[a-z]|note \d+)\]")


def _category_text(text: str) -> str:
    """A category as the page shows it: "Writing (Motion Picture Story)" keeps its brackets, unlike a name; what
    it honours ("Special Citation to recognize the film's aerial photography") is no part of its name."""
    text = _PURPOSE_RE.sub("", _FOOTNOTE_RE.sub("", text))
    return " ".join(text.split()).strip(" ,;:–—-*'\"")


_PURPOSE_RE = re.compile(r"\s+(?:to|in order to)\s+(?:recogni[sz]e|honou?r|acknowledge|celebrate|commend)\b.*$",
                         re.DOTALL)


def _category_link(text: str, links: tuple[tuple[str, str], ...],
                   body: str = "") -> tuple[str, str, str, str | None] | None:
    """(body, category, shown text, category article) of the link the item starts with, when it links to a
    category's article
    ("[[Golden Globe Award for Best Director|Best Director]]"), or the body is unknown but the link shows the
    item's first words; None when the item does not start with a link. Where the section links the words to
    several bodies' categories (the Oscar's and BAFTA's "Best Production Design"), ``body``'s is taken."""
    found = []
    folded = fold(text)
    # The longest words the item starts with: "Best Film Editing" is not the link shown "Best Film".
    for shown, target in sorted(links, key=lambda link: -len(link[0])):
        if not folded.startswith(fold(shown)):
            continue
        # "[[Golden Globe|Golden Globe Award for Best Actress — Drama]]": the text shown may name both itself.
        shown_page = award_page(shown)
        page = shown_page or award_page(target)
        if page is None:
            found.append(("", _category_text(shown), shown, None))
        else:
            found.append((page[0], _category_text(shown_page[1] if shown_page else shown), shown, target))
        if not body or found[-1][0] and body_key(found[-1][0]) == body_key(body):
            return found[-1]
    return found[0] if found else None


def _category_named(text: str) -> tuple[str, str, str, str | None] | None:
    """(body, category, the words, None) of an item that starts with a category named as Wikipedia titles its
    article, unlinked: "Academy Award for Best Supporting Actor (Eddie Albert)"."""
    head = re.match(r"[^(:]+", text)
    if head is None:
        return None
    words = head.group(0).strip().rstrip(" –—-")
    # "… – Drama" qualifies the category; "… – Ann Berg" names whom it went to.
    dashed = re.match(r"^(?P<category>.+?)\s+[–—-]\s+(?P<who>[^–—]+)$", words)
    if dashed and " " in dashed["who"].strip() and is_person_name(dashed["who"].strip()) \
            and not prose.CATEGORY_QUALIFIER_RE.match(dashed["who"].strip()):
        words = dashed["category"]
    # "(Black-and-White)" after it qualifies it too; "(Ann Berg)" is whom it went to.
    bracket = re.match(rf"{re.escape(words)}\s*\((?P<inside>[^()]+)\)", text)
    if bracket and prose.CATEGORY_QUALIFIER_RE.match(bracket["inside"].strip()):
        words = bracket.group(0)
    named = award_page(words)
    return (named[0], _category_text(named[1]), words, None) if named else None


# The words of a category's qualifier, after a dash or in brackets: "– Drama", "(Black-and-White)".

AwardLink = tuple[str, tuple[str, str], str]  # (shown text, (body, category) of its article, the article)
# A link's words that name a category in words of their own: "Outstanding Production" (not "Oscar", "Golden Globe
# nomination", "Sound Mixing", which the article's title says in full).
_SHOWN_CATEGORY_RE = re.compile(r"(?:Best|Outstanding|Most|Worst)(?:\s+[A-Z][\w'’-]*){1,5}")
_GOES_ON_RE = re.compile(r"\s(?:and|but)\s+(?:was\s+|were\s+)?(?:also\s+|later\s+)?$")
# A category's link shown as the nomination itself: "[[…|Golden Globe nomination]]", "[[…|Oscar nod]]".
_SHOWN_AS_NOMINATION_RE = re.compile(r"(?:^|\s)(?:nominations?|nods?)$", re.IGNORECASE)


def award_links(links: tuple[tuple[str, str], ...]) -> list[AwardLink]:
    """The links of a page that lead to a category's article: found once per page, not once per sentence."""
    return [(shown, page, target) for shown, target in links if (page := award_page(target)) is not None]


def relink_categories(nominations: list[Nomination], sentence: str, links: list[AwardLink]) -> None:
    """Prose names a category best by its link: "won the [[Directors Guild of America Award for Outstanding
    Directing – Feature Film]]" is the DGA Awards' "Outstanding Directing – Feature Film", and "a [[Grammy
    Award for …|Grammy for Best Instrumental Theme]]" is a Grammy. Each nomination whose category a link in
    the sentence shows takes that link's body, and its category as the link shows it."""
    if not nominations:
        return
    folded = fold(sentence)
    linked = [(shown, page, target) for shown, page, target in links if fold(shown) in folded]
    for nomination in nominations:
        matches = {(page[0], shown, target) for shown, page, target in linked
                   if fold(nomination.category) in fold(shown)}
        if len({body for body, _, _ in matches}) != 1:
            continue  # no link shows it, or links of two bodies do: the sentence's own reading stands
        body, shown, target = min(matches)
        named = bool(nomination.body) and fold(nomination.body).removesuffix("s") in folded  # "the Bram Stoker Award"
        if named and not (stated := award_body(nomination.body) or nomination.body).startswith(body) \
                and fold(shown) == fold(nomination.category):
            # "Nicholson was named Best Actor by the New York Film Critics Circle" after "… won the [[BAFTA Award for
            # Best Actor …|Best Actor]] award" in the paragraph: the body the sentence names is the prize's.
            continue
        if named and stated.startswith(f"{body} "):
            body = stated  # "At the 64th Filmfare Awards South, …": the link's article names the body more broadly
        if _SHOWN_AS_NOMINATION_RE.search(shown):
            # "[[Academy Award for Best Actress|Best Actress Oscar nomination]]": the words show the nomination,
            # the article its category.
            shown = next(page[1] for _, page, page_target in linked if page_target == target)
        nomination.body, nomination.page = body, target
        nomination.ceremony = nomination.ceremony if nomination.ceremony and award_body(nomination.ceremony) == body \
            else None
        # "Grammy for Best Instrumental Theme": the category after "for"; not "… Written Directly for the Screen".
        # "[[Annie Award for Writing in a Feature Production]]": the body's prize, for the category after it.
        prize, for_, rest = shown.partition(" for ")
        category = rest if for_ and (_CATEGORY_START_RE.match(rest) or award_body(prize) == body) else shown
        nomination.category = _category_text(category)  # "Best Actor (Musical or Comedy)" keeps its brackets
        nomination.nominees = [n for n in nomination.nominees if not n.person or fold(n.person) not in fold(shown)]


_FOR_NAME_RE = re.compile(rf"\s+for\s+(?P<name>{prose.NAME_RE.pattern}|[A-Z][\w'’-]+)(?=\s*[),;.]|\s+and\b|$)")


def _word_at(text: str, words: str) -> int:
    """Where ``words`` stand in ``text`` as words ("Sound", not the start of "Soundtrack"); -1 when nowhere."""
    at = text.find(words)
    while at >= 0:
        end = at + len(words)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return at
        at = text.find(words, at + 1)
    return -1


def linked_category_mentions(sentence: str, found: list[Nomination], links: list[AwardLink],
                             title: str, other_works: Collection[str] = ()) -> list[Nomination]:
    """The categories a sentence names only by links to their articles, after a verb of winning or nominating:
    "BAFTA nominated the film in six categories ([[BAFTA Award for Best Sound|Sound]], [[BAFTA Award for Best
    Actor in a Supporting Role|Actor in a Supporting Role]] for Nicholson)". Each takes the body and category
    of its article, the result of the nearest verb before it, and the name after "for" as its nominee; a category
    ``found`` already, or shown in words that name a category ("Best Sound"), is read from the words alone."""
    present = [(shown, page, target, at) for shown, page, target in links if (at := _word_at(sentence, shown)) >= 0]
    if not present:
        return []
    verbs = [(m.start(), AwardResult.WON) for m in prose.WIN_RE.finditer(sentence)] + \
        [(m.start(), AwardResult.NOMINATED) for m in prose.NOMINATION_RE.finditer(sentence)]
    if not verbs:
        return []
    known = {fold(n.category) for n in found}
    mentions: list[Nomination] = []
    folded = fold(sentence)
    for shown, (body, category), target, position in present:
        if prose.names_a_category(shown) or fold(category) in known:
            continue  # a category the sentence's words name is find_awards' to read (or to leave: another work's)
        if prose.awarded_to_another(sentence[position + len(shown):], other_works):
            continue  # "…, where the [[Palme d'Or]] was awarded to ''L'Enfant''"
        before = [(at, result) for at, result in verbs if at < position]
        if _SHOWN_AS_NOMINATION_RE.search(shown):
            # "received a [[…|Golden Globe nomination]]": the words are the nomination, whatever verb gives it.
            before = [(at, AwardResult.NOMINATED) for at, _ in before] or [(position, AwardResult.NOMINATED)]
        # "four nominations (including Best Original Screenplay and [[…|Sound Mixing]])": listed right after a
        # category the sentence's words name, it is the same kind of mention, the film's as that one is.
        sibling = next((n for n in found if n.body == body and (at := sentence.rfind(n.category, 0, position)) >= 0
                        and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)", sentence[at + len(n.category):position])),
                       None)
        if sibling is not None and before and prose.another_subject(sentence[:max(before)[0]], title):
            sibling = None  # "… and Bar won Best Visual Effects and [[…|Sound]]": Bar's, not the film's
        winners: list[str] = []
        if sibling is None and before and not prose.the_film_is_the_subject(sentence, max(before)[0], title) \
                and not any(work in folded for work in other_works):
            # "Composer [[Tom Hill]] won a [[…|Grammy]]": a person's prize, the film's when the sentence names no
            # other work (not "who had won an [[…|Oscar]]", whose verb has no person right before it).
            winners = prose.person_subjects(sentence[:max(before)[0]], title)
            if not winners and _GOES_ON_RE.search(sentence, 0, max(before)[0]):
                # "Eva Lund won the [[…|Golden Globe]] and was nominated for the [[…|Academy Award]]": the subject of
                # the sentence's first verb goes on.
                winners = prose.person_subjects(sentence[:min(before)[0]], title)
        if sibling is None and (not before or not winners and not prose.the_film_is_the_subject(
                sentence, max(before)[0], title)):
            continue  # no verb before it, or someone's or something else's prize ("who had won an [[…|Oscar]]")
        result = sibling.result if sibling is not None else max(before)[1]
        known.add(fold(category))
        if _SHOWN_CATEGORY_RE.fullmatch(shown) and fold(shown) not in fold(category):
            category = shown  # "[[Academy Award for Best Picture|Outstanding Production]]": the name the page gives it
        nominees = [Nominee(person=name) for name in winners] + _nominees_after(sentence[position + len(shown):],
                                                                              title)
        mentions.append(Nomination(body, category, result, None, None, nominees, page=target))
    return mentions


def _nominees_after(after: str, title: str) -> list[Nominee]:
    """The people a category named in a list went to, told right after it: "… for Nicholson", "Sound Mixing (Ann
    Berg and Carl Holm; lost to …)"."""
    recipient = _FOR_NAME_RE.match(after)
    bracket = re.match(r"\s*\((?P<names>[^();]+)[;)]", after)
    named = [recipient["name"]] if recipient else [
        name for name in split_names(bracket["names"]) if is_person_name(name)] if bracket else []
    return [Nominee(person=name) for name in named if name != title and not _CATEGORY_NAME_RE.match(name)]


# The fields of film awards as a list names its categories without "Best" once the sentence has named the body:
# "At the 68th Academy Awards, it was nominated for Cinematography (lost to …), Sound Mixing and Sound Editing".
# (Words as plain as "Director", "Picture" or "Music" are left out: alone they name no category.)
_FIELD_CATEGORY_RE = re.compile(
    r"(?<![\w'’-])(?:Cinematography|(?:Film\s+)?Editing|Sound(?:\s+(?:Mixing|Editing|Recording|Effects(?:\s+Editing)?))?|"
    r"(?:Special\s+)?(?:Visual\s+)?Effects|Make-?up(?:\s+and\s+Hairstyling)?|Costume\s+Design|Art\s+Direction|"
    r"Production\s+Design|Original\s+(?:Score|Song|Screenplay)|Adapted\s+Screenplay|"
    r"Writing\s+\((?:Screenplay|Original\s+Story|Story\s+and\s+Screenplay)\)|"
    r"(?:Actor|Actress)\s+in\s+a\s+(?:Leading|Supporting)\s+Role|Supporting\s+(?:Actor|Actress)|"
    r"Foreign\s+Language\s+Film|Animated\s+Feature|Documentary\s+Feature)(?![\w'’-])")
_ITEM = "\x00"  # a category's place in a list, once its words are set aside
# What ends an item of a list of categories: its aside, the next item, the sentence's end, or its nominees.
_ITEM_END_RE = re.compile(r"\s*(?:\(|,|;|\.|\)|$|and\b|for\s+[A-Z])")
# A list of categories right after its verb: "nominated for ◊, ◊ and ◊", "nominated the film in six categories (◊,
# ◊", "including ◊ and ◊", "two Oscars: ◊ and ◊" (its items' asides in brackets set aside).
_CATEGORY_LIST_RE = re.compile(r"(?:\bfor|\bin|\bincluding|[(:])\s*(?:the\s+)?(?:categor(?:y|ies)\s+(?:of\s+)?)?"
                               r"(?:\x00\s*(?:,\s*(?:and\s+)?|and\s+|;\s*))*$")


def field_category_mentions(sentence: str, found: list[Nomination], links: list[AwardLink], title: str,
                            other_works: Collection[str] = ()) -> list[Nomination]:
    """The categories a sentence lists by their field alone, unlinked ("nominated for Cinematography, Sound
    Mixing and Sound Editing"), after a verb of winning or nominating and once the sentence has named their body
    (by a body's name, or a category of the list that names one): each "Best" and its field, for that body. Words
    a category link shows are the link's (:func:`linked_category_mentions`)."""
    shown = [(at, at + len(words)) for words, _, _ in links if (at := _word_at(sentence, words)) >= 0]
    fields = [match for match in _FIELD_CATEGORY_RE.finditer(sentence)
              if not re.search(r"(?:\b[A-Z][\w'’.-]*|&)\s+$", sentence[:match.start()])  # not in a longer name
              and _ITEM_END_RE.match(sentence, match.end())  # "Sound Editing was praised": no item of a list
              and not any(start <= match.start() < end for start, end in shown)]
    if not fields:
        return []
    verbs = [(m.start(), m.end(), AwardResult.WON) for m in prose.WIN_RE.finditer(sentence)] + \
        [(m.start(), m.end(), AwardResult.NOMINATED) for m in prose.NOMINATION_RE.finditer(sentence)]
    known = {fold(n.category) for n in found}
    named = [(at, n) for n in found if n.body and (at := sentence.find(n.category.removeprefix("Best ").strip())) >= 0]
    bodies = set(prose.bodies_in(sentence))
    mentions: list[Nomination] = []
    # Where each category the sentence gives the film ends: the category words read before, then each field taken.
    accepted_ends = [at + len(n.category) for n in found if (at := sentence.find(n.category)) >= 0]
    for match in fields:
        category = f"Best {' '.join(match.group(0).split())}"
        if fold(category) in known or fold(match.group(0)) in known:
            continue
        before = [(at, end, result) for at, end, result in verbs if end <= match.start()]
        if not before:
            continue
        verb_at, verb_end, result = max(before)
        listed = re.sub(r"\([^()]*\)", "", sentence[verb_end:match.start()])
        names = {*(n.category for n in found), *(n.category.removeprefix("Best ") for n in found),
                 *(f.group(0) for f in fields), *(words for words, _, _ in links)}
        for name in sorted(names, key=len, reverse=True):  # "Best Original Screenplay" before "Original Screenplay"
            listed = listed.replace(name, _ITEM)
        if not _CATEGORY_LIST_RE.search(listed) or re.search(r"\.\s", listed):
            continue
        # "four nominations (including Best Original Screenplay and Sound Mixing)": an item listed right after a
        # category the sentence gives the film is the film's too, however far its subject stands.
        listed_after = any(re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)", sentence[end:match.start()])
                           for end in accepted_ends)
        if not (listed_after or prose.the_film_is_the_subject(sentence, verb_at, title)) \
                or prose.awarded_to_another(sentence[match.end():], other_works):
            continue
        # The body of the list's category named nearest before it, else of the first after it ("in six categories
        # (Production Design, …, [[BAFTA Award for Best Actor in a Supporting Role|Actor in a Supporting Role]])").
        sibling = max(((at, n) for at, n in named if at < match.start()), default=None, key=lambda item: item[0]) \
            or min(((at, n) for at, n in named if at > match.start()), default=None, key=lambda item: item[0])
        body = sibling[1].body if sibling else (next(iter(bodies)) if len(bodies) == 1 else "")
        if not body:
            continue  # the text does not say whose category it is
        known.add(fold(category))
        accepted_ends.append(match.end())
        mentions.append(Nomination(body, category, result, None, None, _nominees_after(sentence[match.end():], title)))
    return mentions


# "Best Actor – Drama", "Best Dramatic Presentation, Long Form", "… by a Stunt Ensemble in a Motion Picture",
# "Grand Jury Prize: U.S. Dramatic", "Best Cinematography (Black-and-White)"
_QUALIFIER_JOINTS = (", ", " – ", " - ", " — ", " in a ", " in an ", ": ", " (")


def merge_qualified_categories(film: Film) -> None:
    """A category named short in one place ("won the Hugo Award for Best Dramatic Presentation") is the one a
    table names with its qualifier ("Best Dramatic Presentation, Long Form") when the body has only one such:
    one nomination, under the fuller name. With two ("Best Actor – Drama", "Best Actor – Musical or Comedy") the
    short name says neither, and stays as it is."""
    # Each nomination under every shorter name its category has before a qualifier: a look-up, not a scan.
    fuller_by_short: dict[tuple[str, str], list[Nomination]] = {}
    for nomination in film.nomination:
        category = fold(nomination.category)
        for joint in _QUALIFIER_JOINTS:
            at = category.find(joint)
            while at > 0:
                fuller_by_short.setdefault((body_key(nomination.body), category[:at]), []).append(nomination)
                at = category.find(joint, at + 1)
        # A prize named with what it was given for: "a Special Jury Award" is the table's "Special Jury Award for
        # Ensemble Cast".
        prize, for_, what = category.partition(" for ")
        if for_ and prize.endswith((" award", " prize")):
            fuller_by_short.setdefault((body_key(nomination.body), prize), []).append(nomination)
        if for_ and what.startswith("best "):
            # "Best Actor" at Venice is the table's "Volpi Cup for Best Actor": the prize named by its trophy.
            fuller_by_short.setdefault((body_key(nomination.body), what), []).append(nomination)
        # The Academy's older names put the field before a comma: "Best Music, Scoring of a Musical Picture" is
        # "Best Scoring of a Musical Picture", "Best Writing, Screenplay" is "Best Screenplay".
        field, comma, rest = category.partition(", ")
        if comma and field.startswith("best ") and " " not in field[5:].strip() and len(rest.split()) >= 1:
            fuller_by_short.setdefault((body_key(nomination.body), f"best {rest}"), []).append(nomination)
    kept: list[Nomination] = []
    for nomination in film.nomination:
        fuller = [n for n in fuller_by_short.get((body_key(nomination.body), fold(nomination.category)), [])
                  if n is not nomination]
        into = fuller[0] if len({id(n) for n in fuller}) == 1 else None
        # The same award told twice: one result, in two places (a table's two rows are two categories), and no
        # nominee of the short one that the fuller one leaves out.
        if into is None or into.result is not nomination.result or (into.listed and nomination.listed) \
                or (into.nominees and not {nominee_key(n) for n in nomination.nominees}
                    <= {nominee_key(n) for n in into.nominees}):
            kept.append(nomination)
            continue
        known = {nominee_key(n) for n in into.nominees}
        into.nominees += [n for n in nomination.nominees if nominee_key(n) not in known]
        into.sources += [source for source in nomination.sources if source not in into.sources]
        into.date = into.date or nomination.date
    film.nomination = kept


# A category for one performer's work ("Best Actor", "Best Supporting Actress", "Best Performance by an Actor"): each
# of its nominees is nominated alone. Never a cast's, a duo's or a team's ("Outstanding Performance by a Cast",
# "Best On-Screen Duo", "Favorite Comedy Team", "Best Kiss").
_ONE_PERFORMER_RE = re.compile(r"(?i)\b(?:actor|actress|actors|actresses|performance|performer)\b")
_JOINT_RE = re.compile(r"(?i)\b(?:cast|ensemble|duo|team|couple|kiss|fight|chemistry|pair|trio|stunt)\b")


def split_individual_nominations(film: Film) -> None:
    """Two people in a category for one performer are two nominations (a film's two leads, each nominated for Best
    Actor), as Wikidata states them: one statement each, never one joint nomination."""
    split: list[Nomination] = []
    for nomination in film.nomination:
        people = list(dict.fromkeys(n.person for n in nomination.nominees if n.person))
        if len(people) < 2 or not _ONE_PERFORMER_RE.search(nomination.category) \
                or _JOINT_RE.search(nomination.category) or any(not n.person for n in nomination.nominees):
            split.append(nomination)
            continue
        split += [replace(nomination, nominees=[Nominee(person=person)], sources=list(nomination.sources))
                  for person in people]
    film.nomination = split


_SCORE_CATEGORY_RE = re.compile(r"(?i)\b(?:score|music)\b")


def merge_score_prize_told_twice(film: Film) -> None:
    """One body's prize for the film's score, won by the same composers and told under two names ("the Ann
    Berg Award for Film Music" in prose, "Best Original Music" in the table): one nomination, under the name that
    says "Best". A body gives a film one score prize a year; a song's prize (its writers) is not merged."""
    kept: list[Nomination] = []
    won: dict[tuple[str, frozenset[tuple[str | None, str | None]]], Nomination] = {}  # body, composers → the prize
    for nomination in film.nomination:
        people = frozenset(nominee_key(n) for n in nomination.nominees)
        if not people or nomination.result is not AwardResult.WON \
                or not _SCORE_CATEGORY_RE.search(nomination.category) or "song" in fold(nomination.category):
            kept.append(nomination)
            continue
        twin = won.setdefault((body_key(nomination.body), people), nomination)
        if twin is nomination:
            kept.append(nomination)
            continue
        if not twin.category.startswith("Best") and nomination.category.startswith("Best"):
            twin.category, twin.page = nomination.category, nomination.page
        twin.sources += [source for source in nomination.sources if source not in twin.sources]
        twin.date = twin.date or nomination.date
    film.nomination = kept


def _without_award_word(name: str) -> str:
    return re.sub(r"\s+(?:awards?|prizes?)$", "", fold(name).removeprefix("the "))


_ORGANISATION_AWARD_RE = re.compile(r"\b(?:Society|Association|Circle|Critics|Guild|Academy|Institute|Festival)\s+"
                                    r"Awards?$")


def names_a_body(category: str, collector: Collector) -> bool:
    """Whether a category found in prose is an award body's own name ("won the Mainichi Film Award"): it says
    which body, not which of its categories, so it is no category; nor is the name of a body the film's
    nominations already have.

    >>> from filmgraph.model import Article
    >>> collector = Collector(Article(title="X", source=""))
    >>> names_a_body("Mainichi Film Award", collector), names_a_body("Best Film", collector)
    (True, False)
    """
    if re.match(r"Special\s", category):
        return False  # "Special Achievement Academy Award": a prize of the body, not the body
    if award_body(category) is not None or _ORGANISATION_AWARD_RE.search(category):
        return True  # "the Las Vegas Film Critics Society Award": an organisation's award, no category of it
    return _without_award_word(category) in collector.body_names
