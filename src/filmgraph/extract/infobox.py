"""Infobox values → record fields: one parser per kind of the mapping table (``PARSERS``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from filmgraph import reference
from filmgraph.dates import find_dates, parse_date
from filmgraph.extract import prose
from filmgraph.extract.collect import INFOBOX, Collector
from filmgraph.extract.names import clean_name, split_names
from filmgraph.extract.titles import labelled_forms, original_title
from filmgraph.fields import label_index, normalize_label
from filmgraph.model import (
    Article,
    Coded,
    FilmingLocation,
    Organization,
    PartialDate,
    Picture,
    Place,
    Quantity,
    Release,
)


def _split_values(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in re.split(r"\s*(?:;|,|\band\b|\n)\s*", value) if part.strip()]


# The names a credit gives to lyrics: "Lyrics:" above them, "Lyrics by …", "… (lyrics)". Lyricists are no
# composers, nor any other job the infobox credits.
_LYRICS_LABEL_RE = re.compile(r"(?i)^\W*(?:additional\s+)?(?:lyrics|lyricists?)\W*:\W*$")
_MUSIC_LABEL_RE = re.compile(r"(?i)^\W*(?P<label>music|lyrics|lyricists?|score|original\s+score|background\s+score|"
                             r"songs)\W*:\s*(?P<rest>\S.*)$")
_LYRICS_CREDIT_RE = re.compile(r"(?i)^\W*lyrics?\s+by\b|\((?:lyrics|lyricist)\)\W*$")


def parse_people(values: tuple[str, ...]) -> list[str]:
    """The people a credit names. A line ending in ":" ("Background Score:") labels the names below it and names
    nobody; the names under "Lyrics:" are lyricists, no one the field credits.

    >>> parse_people(("Music:", "Jerome Kern", "Lyrics:", "Ira Gershwin", "Otto Harbach"))
    ['Jerome Kern']
    >>> parse_people(("Jerome Kern", "Lyrics by Ira Gershwin", "Otto Harbach (lyrics)"))
    ['Jerome Kern']
    >>> parse_people(("Music:", "Jerome Kern", "Lyrics:Leonard Joy", "Otto Harbach", "Score: Ann Berg"))
    ['Jerome Kern', 'Ann Berg']
    """
    names: list[str] = []
    lyrics = False
    for value in values:
        if value.rstrip().endswith(":"):
            lyrics = bool(_LYRICS_LABEL_RE.match(value))
            continue
        labelled = _MUSIC_LABEL_RE.match(value)  # "Lyrics:Leonard Joy": a label run into the first name below it
        if labelled:
            lyrics, value = labelled["label"].lower().startswith("lyric"), labelled["rest"]
        if not lyrics and not _LYRICS_CREDIT_RE.search(value):
            names.extend(split_names(value))
    return names


def parse_organizations(values: tuple[str, ...]) -> list[Organization]:
    """Companies, each with the area in brackets after it when the brackets name a place.

    >>> [(o.name, o.area and o.area.name) for o in parse_organizations(("Nordisk Film (Scandinavia)",))]
    [('Nordisk Film', 'Scandinavia')]
    >>> [(o.name, o.area) for o in parse_organizations(("Python (Monty) Pictures", "Don Nafia (as Rosebud Releasing)"))]
    [('Python (Monty) Pictures', None), ('Don Nafia', None)]
    """
    organizations = []
    for value in values:
        for part in _company_parts(value):
            # "Europe - Indian Movies UK Ltd.": where, then the company that distributes there.
            region = re.match(r"^(?P<area>[^-–—:()]{2,40}?)\s*(?:\s[-–—]|:)\s+(?P<name>.+)$", part)
            if region and reference.is_region_name(clean_name(region["area"])) and (
                    where := company_area(region["area"])):
                organizations.append(Organization(clean_name(region["name"]), where))
                continue
            # Brackets inside a name ("Python (Monty) Pictures") are part of it; brackets at its end say where
            # the company distributes, or how it was credited ("(as Rosebud Releasing)", "(1–5)").
            inner = re.search(r"\([^()]*\)(?=.*\w)", re.sub(r"\([^()]*\)\s*(?:\[[^\]]*\]\s*)*$", "", part))
            if inner:
                name = clean_name(part.replace(inner.group(0), "\x00")).replace("\x00", inner.group(0))
            else:
                name = clean_name(part)
            bracket = re.search(r"\(([^()]+)\)\s*(?:\[[^\]]*\]\s*)*$", part)
            own = bracket and not (inner and bracket.group(0) == inner.group(0))
            area = company_area(bracket.group(1)) if bracket and own else None
            if name.strip():
                organizations.append(Organization(name.strip(), area))
    return organizations


def company_area(text: str) -> Place | None:
    """The place a bracket after a company names: a country, or a region written as a name ("Nordic countries");
    a note ("original", "1–5", "as Rosebud Releasing", "current US distribution") names none.

    >>> company_area("Scandinavia").name, company_area("Danish").name, company_area("1–5"), company_area("original")
    ('Scandinavia', 'Denmark', None, None)
    >>> company_area("as Rosebud Releasing"), company_area("International"), company_area("American").name
    (None, None, 'United States')
    """
    text = clean_name(text)
    if not text:
        return None
    if reference.country(text):
        return parse_place(text)
    demonym = reference.country_of_demonym(text)
    if demonym:
        return Place(demonym.name, demonym.qid)
    if re.search(r"\d", text) or not text[:1].isupper() or re.search(
            r"\b(?:distribut\w*|release\w*|current|former|original|credited|uncredited|as|international|worldwide|"
            r"overseas|foreign|domestic|global)\b", text, re.IGNORECASE):
        return None  # (nor "International": the company's territory outside the home market, no place)
    return parse_place(text)


def _company_parts(value: str) -> list[str]:
    """Companies of one value: split at commas, semicolons and lines always, at "and"/"&" only where both
    halves are company names ("Sun and Moon Pictures" is one company, "Nimbus Film & Zentropa Studios" two). A
    company's legal form after a comma stays with it ("Madison Productions, Inc.").

    >>> _company_parts("Sun and Moon Pictures, Nimbus Films & Zentropa Studios")
    ['Sun and Moon Pictures', 'Nimbus Films', 'Zentropa Studios']
    >>> _company_parts("Loew's, Inc."), _company_parts("ASA Productions and Enterprises Pvt. Ltd.")
    (["Loew's, Inc."], ['ASA Productions and Enterprises Pvt. Ltd.'])
    """
    parts: list[str] = []
    pieces = re.split(r"\s*(;|,(?![^()]*\))|\n)\s*", value)
    for index in range(0, len(pieces), 2):
        part, separator = pieces[index], pieces[index - 1] if index else ""
        if parts and separator == "," and reference.is_corporate_form(clean_name(part)):
            parts[-1] += f", {part}"
            continue
        # A sentence's full stop ("Tricolor Entertainments."), not an abbreviation's ("Ltd.", "Inc.", "Bros.").
        part = re.sub(r"(?<!Bros)(?<!Corp)(?<!Prods)(?<!Assoc)(?<!Intl)(?<!Dist)(?<=[a-z]{3})\.$", "", part.strip())
        halves = re.split(r"\s+(?:and|&)\s+(?![^()]*\))", part)
        bare = [re.sub(r"\s*\([^)]*\)", "", h).rstrip(".") for h in halves]
        if len(halves) > 1 and all(reference.is_company_name(b) and not reference.is_corporate_form(b) for b in bare):
            parts += halves
        else:
            parts.append(part)
    return [p for p in parts if p.strip()]


_ADMISSIONS_WORD_RE = re.compile(r"(?i)\b(?:admissions|tickets|spectators|viewers)\b")


def parse_place(text: str) -> Place:
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
            # "(world premiere)" or "(limited)" says what kind of release, not where.
            where = place.group(1).strip() if place and not place.group(1).strip()[:1].islower() else None
            if where and prose.MEDIUM_RE.search(where):
                where = None  # "(Troma DVD release)": how the film came out, not where
            parts = _release_places(where) if where else [None]
            for part in parts:
                # A place in a list of places is a place ("Toronto and worldwide"), not a festival's short name;
                # "(Worldwide)" is no one place.
                place = None if part is None or _EVERYWHERE_RE.fullmatch(part.strip()) \
                    else parse_place(part) if parts == [where] else _plain_place(part)
                releases.append(Release(when, place))
    return releases


# A release everywhere at once: no place.
_EVERYWHERE_RE = re.compile(r"(?i)world-?wide|global(?:ly)?|international(?:ly)?")


def _plain_place(text: str) -> Place:
    entry = reference.country(text)
    return Place(entry.name, entry.qid) if entry else Place(text.strip())


def _release_places(where: str) -> list[str]:
    """The places of one release: "United Kingdom & United States" is two, "Toronto and worldwide" is Toronto;
    a name that is not a list of places stays whole ("Sun and Moon Festival").

    >>> _release_places("United Kingdom & United States"), _release_places("Toronto and worldwide")
    (['United Kingdom', 'United States'], ['Toronto'])
    >>> _release_places("Houston, Texas")
    ['Houston, Texas']
    """
    # Not at a comma: "Houston, Texas" is one place.
    parts = [p.strip() for p in re.split(r"\s*(?:&|/|\band\b)\s*", where) if p.strip()]
    if len(parts) < 2:
        return [where]
    places = [p for p in parts if reference.is_place_name(p)]
    scopes = [p for p in parts if p.casefold() in {"worldwide", "international", "internationally", "nationwide"}]
    return places if places and len(places) + len(scopes) == len(parts) else [where]


def parse_minutes(values: tuple[str, ...]) -> list[Quantity]:
    """Example:

    >>> [q.amount for q in parse_minutes(("1 hour 32 minutes",))], parse_minutes(("92 min.",))[0].amount
    ([92.0], 92.0)
    """
    for value in values:
        # A runtime has at most a few digits; longer numbers are no runtime ("10⁴⁰⁰ minutes").
        # "99 Minutes", "2 Hrs": the unit in any case ("M" alone may be millions).
        hours = re.search(r"(?<!\d)(\d{1,4})\s*(?:h|(?i:hours?|hrs?))\b", value)
        minutes = re.search(r"(?<!\d)(\d{1,5})\s*(?:m|(?i:min|mins|minutes?))\b", value)
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


# A scale word that opens a line of a value ("$395" then "million" on the next line or after <br />) closes the
# amount on the line before it.
_SCALE_OPENS_RE = re.compile(r"\s*(?:million|billion|trillion|thousand|crores?|lakhs?|lacs?|mn|bn)\b", re.IGNORECASE)
_ENDS_WITH_NUMBER_RE = re.compile(r"\d\s*$")


def _amounts(values: tuple[str, ...]) -> list[str]:
    """A value's lines with a scale word put back after the number it belongs to.

    >>> _amounts(("$395", "million (worldwide)", "$2 million"))
    ['$395 million (worldwide)', '$2 million']
    """
    joined: list[str] = []
    for value in values:
        if joined and _ENDS_WITH_NUMBER_RE.search(joined[-1]) and _SCALE_OPENS_RE.match(value):
            joined[-1] = f"{joined[-1]} {value.strip()}"
        else:
            joined.append(value)
    return joined


def parse_money(values: tuple[str, ...]) -> list[Quantity]:
    found = [(prose.quantity_of(value, unit_by_currency=True), value) for value in _amounts(values)]
    return [prose.limit_in_brackets(q, value) for q, value in found if q]


def parse_count(values: tuple[str, ...]) -> list[Quantity]:
    found = [prose.quantity_of(value, unit_by_currency=False) for value in _amounts(values)]
    return [q for q in found if q]


def parse_locations(values: tuple[str, ...]) -> list[FilmingLocation]:
    return [FilmingLocation(parse_place(clean_name(part))) for part in _split_values(values)]


def parse_original_title(values: tuple[str, ...]) -> list[tuple[str, str | None]]:
    """(title, language) of the film's own title among an infobox ``film name``'s lines.

    >>> parse_original_title(("(Catalan: Títol)",)), parse_original_title(("Chinese: 奔愛", "Bēn Ài"))
    ([('Títol', 'ca')], [('奔愛', 'zh')])
    """
    found = original_title([clean_markup for value in values if (clean_markup := value.replace("''", "").strip())])
    return [(clean_name(found[0]) or found[0], found[1])] if found else []


def parse_text(values: tuple[str, ...]) -> list[str]:
    return [clean_name(" ".join(values))] if values else []


def parse_image(values: tuple[str, ...]) -> list[Picture]:
    """The picture's Commons file name.

    >>> parse_image(("File:Heat_(1995)_poster.jpg",))[0].file
    'Heat (1995) poster.jpg'
    """
    name = re.sub(r"^(?:file|image)\s*:\s*", "", values[0].strip(), flags=re.IGNORECASE).replace("_", " ").strip()
    return [Picture(name)] if re.search(r"\.\w{3,4}$", name) else []


def parse_year(values: tuple[str, ...]) -> list[PartialDate]:
    return [d for d in (parse_date(v) for v in values) if d]


# kind → parser of infobox values; the mapping table's kind column keys it.
PARSERS: dict[str, Callable[[tuple[str, ...]], list[Any]]] = {
    "title": parse_text, "original_title": parse_original_title, "text": parse_text, "year": parse_year,
    "date": parse_year, "person": parse_people, "cast": parse_people, "organization": parse_organizations,
    "release": parse_releases, "minutes": parse_minutes, "country": _coded(reference.country),
    "language": _coded(reference.language), "genre": _coded(reference.genre), "money": parse_money,
    "count": parse_count, "location": parse_locations, "image": parse_image,
    "ignore": lambda values: [],
}


_NUMERIC_KINDS = frozenset({"minutes", "money", "count"})
_RENTALS_RE = re.compile(r"(?i)\brentals?\b")


def read_infobox(article: Article, collector: Collector) -> None:
    index = label_index()
    for entry in article.infobox:
        row = index.get(normalize_label(entry.label))
        if row is None:
            collector.film.warnings.append(f"{collector.where}: line {entry.line}: unknown infobox key '{entry.label}'")
            continue
        if not entry.values or row.kind == "ignore":
            continue  # "ignore" rows: how the infobox is laid out (alt text, image size), no fact about the film
        parser = PARSERS.get(row.kind)
        if parser is None:
            collector.film.warnings.append(
                f"{collector.where}: line {entry.line}: infobox key '{entry.label}' cannot be read here")
            continue
        if row.field == "title":
            # The title line names the film; an infobox "Name" repeats it, or gives the name it goes by.
            names = [v.replace("''", "").strip() for v in entry.values if not reference.is_placeholder(v)]
            collector.infobox_name = names[0] if len(names) == 1 else None  # two lines: two names, neither
            continue
        values = tuple(v for v in entry.values if not reference.is_placeholder(v))
        if row.field == "box_office":
            # "$8,500,000 (rentals)", "$1.7 million (est. US/ Canada rentals)": the distributor's share, no gross.
            values = tuple(_amounts(values))  # "$8.5" then "million (rentals)": one amount, its words after it
            rentals = tuple(v for v in values if _RENTALS_RE.search(v))
            for quantity in parse_money(rentals):
                collector.add("rental", quantity, INFOBOX)
            values = tuple(v for v in values if v not in rentals)
            # "28.3 million admissions (Soviet Union)": a count of tickets, no money.
            counted = tuple(v for v in values if _ADMISSIONS_WORD_RE.search(v))
            for value in counted:
                if (count := prose.find_money(value).get("admissions")) is not None:
                    count.area = count.area or company_area(m.group(1)) if (m := re.search(r"\(([^()]+)\)", value)) \
                        else count.area
                    collector.add("admissions", count, INFOBOX)
            values = tuple(v for v in values if v not in counted)
        parsed = parser(values) if values else []
        if not parsed and row.kind in _NUMERIC_KINDS and any(ch.isdigit() for v in values for ch in v):
            collector.film.warnings.append(f"{collector.where}: line {entry.line}: '{entry.label}' value "
                                           f"'{' '.join(values)[:40]}' is no {row.kind} filmgraph can read; left out")
        for value in parsed:
            if row.kind in ("person", "cast"):
                collector.person(row.field, value, INFOBOX)
            elif row.kind == "original_title":
                collector.film.original_title, collector.film.original_language = value
                collector.title_forms.update(labelled_forms([v.replace("''", "").strip() for v in values]))
            elif row.field == "box_office" and prose.is_partial(value):
                collector.add("takings", value, INFOBOX)  # "$117 million (North America)": a part of the takings
            elif isinstance(getattr(collector.film, row.field), list):
                collector.add(row.field, value, INFOBOX)
            else:
                setattr(collector.film, row.field, value)
