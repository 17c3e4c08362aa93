"""Records passed between the stages: ``Article`` (read) and ``Film`` (extract).

Every extracted fact keeps ``sources``: the article sections it was read from, so that the
Wikidata-style statements can carry one reference per section.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

# ---------------------------------------------------------------- read stage


@dataclass(frozen=True)
class InfoboxField:
    label: str
    values: tuple[str, ...]
    line: int
    links: tuple[tuple[str, str], ...] = ()  # (shown text, target page) of the wikilinks in this value


@dataclass(frozen=True)
class Table:
    """A table with rowspans already expanded: every row has ``len(header)`` cells."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    line: int
    caption: str = ""  # what its "|+" line says the table is ("German Film Awards, 6 June 2003")


class BlockKind(enum.Enum):
    PARAGRAPH = "paragraph"
    ITEM = "item"  # a list item
    TABLE = "table"


@dataclass(frozen=True)
class Block:
    """One paragraph, list item or table of a section, in the order the page gives them.

    Layout carries meaning the flat lists lose: a bold line names the award body of the list below it, and an
    item two levels deep belongs to the item above it.
    """

    kind: BlockKind
    text: str = ""  # what a reader sees (a table's is empty: see ``table``)
    depth: int = 0  # list depth of an item ("*" 1, "**" 2, ":*" 2); an indented (":") paragraph's colons
    links: tuple[tuple[str, str], ...] = ()  # (shown text, target page) of the wikilinks in this block
    heading: bool = False  # the whole line is bold or a definition term: a heading in all but name
    table: int = -1  # for a table, its index in ``Section.tables``
    italics: tuple[str, ...] = ()  # the texts shown in italics: the titles of works ("as Jane in ''Show Boat''")


@dataclass(frozen=True)
class Section:
    title: str
    level: int
    paragraphs: tuple[str, ...] = ()
    lists: tuple[tuple[str, ...], ...] = ()
    tables: tuple[Table, ...] = ()
    links: tuple[tuple[str, str], ...] = ()  # (shown text, target page) of the wikilinks in this section
    blocks: tuple[Block, ...] = ()  # the paragraphs, items and tables above, in page order


@dataclass(frozen=True)
class Provenance:
    """Where an article was read: its page (never a local path), revision and wiki.

    ``page`` is empty for a file with no known page; the mapper then names the article under ``--base``.
    """

    page: str = ""
    revision: str | None = None  # the MediaWiki revision id (oldid)
    timestamp: str | None = None  # the revision's time, ISO 8601
    wiki: str | None = None  # the wiki's article base, "https://en.wikipedia.org/wiki/"
    item: str | None = None  # the page's Wikidata item, when the API gave it


@dataclass(frozen=True)
class Article:
    title: str
    source: str
    infobox: tuple[InfoboxField, ...] = ()
    lead: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    warnings: tuple[str, ...] = ()
    # The wikilinks of the page: (the text a reader sees, the page it links to).
    links: tuple[tuple[str, str], ...] = ()
    provenance: Provenance = field(default_factory=Provenance)
    where: str = ""  # what messages call the input: a file name, "wiki:Title", "dump.xml#Title"
    description: str = ""  # the page's own one-line description ({{Short description|…}}), when it has one


# ------------------------------------------------------------- extract stage


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date kept at the precision the text states: a month stays a month.

    >>> PartialDate(2025, 4).isoformat()
    '2025-04'
    """

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def isoformat(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
            if self.day:
                text += f"-{self.day:02d}"
        return text


class AwardResult(enum.Enum):
    WON = "won"
    NOMINATED = "nominated"


@dataclass
class Person:
    key: str
    name: str
    alternate_names: list[str] = field(default_factory=list)
    link: str | None = None  # the wiki page the article links the person to


@dataclass
class PersonRef:
    person: str  # Person.key
    sources: list[str] = field(default_factory=list)


@dataclass
class Organization:
    name: str
    area: Place | None = None
    sources: list[str] = field(default_factory=list)
    link: str | None = None


@dataclass
class Place:
    name: str
    qid: str | None = None
    within: Place | None = None
    link: str | None = None


@dataclass
class Coded:
    """A value from a reference table (country, language, genre) with its Wikidata item."""

    label: str
    qid: str | None = None
    code: str | None = None
    sources: list[str] = field(default_factory=list)


@dataclass
class CastMember:
    person: str
    characters: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    # Other names the article gives the actor: a credit ("as Richard Van Patten"), a pen name in brackets
    # ("Dean Wein (Dean Elliot)"), another spelling ("Wu Mo Chou" for "Wu Mochou")
    also_named: list[str] = field(default_factory=list)
    # The page the actor's own cast line links them to ("" when it links none; None when not read from a line):
    # two lines linking one name to two pages are two people.
    page: str | None = None


@dataclass
class Quantity:
    amount: float
    unit: str | None = None  # Wikidata QID of the unit or currency
    currency: str | None = None  # ISO 4217 code for money
    lower_bound: float | None = None
    upper_bound: float | None = None
    sources: list[str] = field(default_factory=list)
    # Where takings were made, when the text limits them to one market ("$117 million in North America")
    area: Place | None = None
    # The words that make takings a part of the whole: a window of the run ("opening weekend", "Thursday
    # previews") or a market that is no place ("overseas")
    scope: str | None = None


@dataclass
class Release:
    date: PartialDate
    place: Place | None = None
    sources: list[str] = field(default_factory=list)


@dataclass
class Screening:
    event: str
    super_event: str | None = None
    section: str | None = None
    date: PartialDate | None = None
    venue: Place | None = None  # where a premiere away from a festival took place: a cinema or a city
    sources: list[str] = field(default_factory=list)


@dataclass
class FilmingLocation:
    place: Place
    start: PartialDate | None = None
    end: PartialDate | None = None
    sources: list[str] = field(default_factory=list)


@dataclass
class Work:
    """A work other than the film that is an award recipient (a song, say)."""

    name: str
    creators: list[str] = field(default_factory=list)  # Person keys


@dataclass
class Nominee:
    person: str | None = None
    work: Work | None = None


@dataclass
class Nomination:
    body: str
    category: str
    result: AwardResult = AwardResult.NOMINATED
    date: PartialDate | None = None
    ceremony: str | None = None
    nominees: list[Nominee] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    page: str | None = None  # the category's own article ("Academy Award for Best Original Score"), when linked
    listed: bool = False  # a row of a table or an item of a list: the category as the page lists it


@dataclass
class AwardTally:
    """A count the text states without naming every award: wins ("and five other awards") or nominations
    ("received eleven nominations"); a count the text does not state is None."""

    body: str
    wins: int | None
    ceremony: str | None = None
    sources: list[str] = field(default_factory=list)
    nominations: int | None = None


@dataclass
class Concept:
    name: str
    creator: str | None = None  # Person key
    year: PartialDate | None = None
    sources: list[str] = field(default_factory=list)


@dataclass
class Picture:
    """The film's picture: a Wikimedia Commons file, with the caption the article gives it."""

    file: str
    caption: str | None = None
    sources: list[str] = field(default_factory=list)


@dataclass
class Film:
    title: str
    source: str
    original_title: str | None = None
    original_language: str | None = None  # BCP 47 tag of the original title
    description: str | None = None
    year: PartialDate | None = None
    people: dict[str, Person] = field(default_factory=dict)
    director: list[PersonRef] = field(default_factory=list)
    screenwriter: list[PersonRef] = field(default_factory=list)
    producer: list[PersonRef] = field(default_factory=list)
    narrator: list[PersonRef] = field(default_factory=list)
    composer: list[PersonRef] = field(default_factory=list)
    cinematographer: list[PersonRef] = field(default_factory=list)
    editor: list[PersonRef] = field(default_factory=list)
    cast: list[CastMember] = field(default_factory=list)
    production_company: list[Organization] = field(default_factory=list)
    distributor: list[Organization] = field(default_factory=list)
    sales_agent: list[Organization] = field(default_factory=list)
    release: list[Release] = field(default_factory=list)
    screening: list[Screening] = field(default_factory=list)
    runtime: list[Quantity] = field(default_factory=list)
    country: list[Coded] = field(default_factory=list)
    language: list[Coded] = field(default_factory=list)
    genre: list[Coded] = field(default_factory=list)
    budget: list[Quantity] = field(default_factory=list)
    box_office: list[Quantity] = field(default_factory=list)  # the takings, or one country's (Quantity.area)
    takings: list[Quantity] = field(default_factory=list)  # a part of the takings: a weekend, a region, previews
    profit: list[Quantity] = field(default_factory=list)  # net profit; a loss is negative
    rental: list[Quantity] = field(default_factory=list)  # theatrical rentals: the distributor's share of the takings
    admissions: list[Quantity] = field(default_factory=list)
    filming_location: list[FilmingLocation] = field(default_factory=list)
    nomination: list[Nomination] = field(default_factory=list)
    award_tally: list[AwardTally] = field(default_factory=list)
    main_subject: list[Concept] = field(default_factory=list)
    image: list[Picture] = field(default_factory=list)
    image_caption: str | None = None
    provenance: Provenance = field(default_factory=Provenance)
    links: dict[str, str] = field(default_factory=dict)  # shown text → linked page, where the text is unambiguous
    items: dict[str, str] = field(default_factory=dict)  # wiki page title → its Wikidata item
    warnings: list[str] = field(default_factory=list)
