"""The record facts are collected into while the extractors read an article."""

from __future__ import annotations

import re
from typing import Any

from filmgraph import reference
from filmgraph.extract.names import without_rank
from filmgraph.fields import label_index, normalize_label
from filmgraph.model import Article, CastMember, Film, Nomination, Organization, PersonRef
from filmgraph.reference import fold

INFOBOX = "Infobox"
LEAD = "Lead"


# A name with a company's legal form after it: "Lund Chitra Private Limited", "Holm Films Pvt. Ltd.", "Berg Inc.".
# Each form holds one of _COMPANY_FORM_WORDS: a text with none is not searched (most paragraphs).
_COMPANY_FORM_WORDS = ("Limited", "Ltd", "Inc.", "LLC", "Corporation")
_NAMED_COMPANY_RE = re.compile(r"(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}?)\s+(?:Private\s+Limited|"
                               r"Pvt\.?\s+Ltd\.?|Ltd\.|Limited|Inc\.|LLC|Corporation)(?![\w])")


class Collector:
    """Film facts as found, with people still as raw name strings."""

    def __init__(self, article: Article) -> None:
        targets: dict[str, set[str]] = {}
        for shown, target in article.links:
            targets.setdefault(fold(shown), set()).add(target)
        # A text linked to two pages names two things: it links neither.
        links = {shown: next(iter(pages)) for shown, pages in targets.items() if len(pages) == 1}
        self.film = Film(title=article.title, source=article.source, provenance=article.provenance, links=links)
        self.nominations_by_category: dict[str, list[Nomination]] = {}  # folded category → film.nomination's
        self.nominations_by_page: dict[str, list[Nomination]] = {}  # category's article → film.nomination's
        # ("category", folded category | "page", category's article, body key) → the first such nomination
        self.nominations_by_body: dict[tuple[str, str, str], Nomination] = {}
        self.nominee_keys: dict[int, set[tuple[str | None, str | None]]] = {}  # id(nomination) → its nominees
        self.body_names: set[str] = set()  # the nominations' bodies, folded, without "the" and "Awards"
        # Where a text the page links to two pages is linked within one part of the article, that part says
        # which page it means: (section title, None) or (INFOBOX, field) → folded shown text → its pages.
        self.ambiguous = {shown for shown, pages in targets.items() if len(pages) > 1}
        self.scoped_links: dict[tuple[str, str | None], dict[str, set[str]]] = {}
        if self.ambiguous:  # else no part of the article has a link to scope (most pages)
            for section in article.sections:
                self._scope((section.title, None), section.links)
            for entry in article.infobox:
                row = label_index().get(normalize_label(entry.label))
                if row is not None:
                    self._scope((INFOBOX, row.field), entry.links)
        self.where = article.where or article.source.rsplit("/", 1)[-1] or article.title
        self._article = article
        self._company_names: frozenset[str] | None = None  # read when first asked
        self.title_forms: dict[str, str] = {}  # the infobox's film name in each language it labels (BCP 47)
        self.infobox_name: str | None = None  # the infobox's "name" line, as written
        self.lead_title: tuple[str, str | None] | None = None  # the title the lead's brackets give, and its language
        # (actor, parts) the lead names ("stars Ann Berg as Anna"): joined to the cast after the cast sections
        self.lead_parts: list[tuple[str, list[str]]] = []
        # (section, actor, parts) a casting story tells given ("Carl Holm was cast as Jens"): the cast of a page whose
        # cast sections list nobody (``cast_listed``), else left to the list
        self.casting_news: list[tuple[str, str, list[str]]] = []
        self.cast_listed = False

    def _scope(self, scope: tuple[str, str | None], links: tuple[tuple[str, str], ...]) -> None:
        for shown, target in links:
            if fold(shown) in self.ambiguous:
                self.scoped_links.setdefault(scope, {}).setdefault(fold(shown), set()).add(target)

    def page_in_scope(self, name: str, field: str, sources: list[str]) -> str | None:
        """The one page a name the article links to two pages means where it was found: its infobox field's
        link, or its section's; None when the name is not ambiguous or its part does not settle it."""
        if fold(name) not in self.ambiguous:
            return None
        pages = {page for source in sources
                 for page in self.scoped_links.get((source, field if source == INFOBOX else None), {})
                 .get(fold(name), ())}
        return next(iter(pages)) if len(pages) == 1 else None

    def add(self, field: str, value: Any, source: str) -> None:
        if hasattr(value, "sources"):
            value.sources.append(source)
        getattr(self.film, field).append(value)

    def drop_companies_credited_as_people(self, fields: list[str]) -> None:
        """A name credited as a person that the infobox also gives as a company ("producers = Eros
        International" beside "production companies = Eros International", in either order) is the company."""
        known = {fold(o.name) for o in [*self.film.production_company, *self.film.distributor]}
        for field in fields:
            refs = getattr(self.film, field)
            setattr(self.film, field, [ref for ref in refs if fold(ref.person) not in known])

    def company_names(self) -> frozenset[str]:
        """The folded names the page writes with a company's form after them ("[[Lund Chitra]]" credited as a
        producer, "Lund Chitra Private Limited" in the text): a producer so named is the company."""
        if self._company_names is None:
            texts = [*self._article.lead, *(p for section in self._article.sections for p in section.paragraphs)]
            self._company_names = frozenset(fold(match["name"]) for text in texts
                                            if any(map(text.__contains__, _COMPANY_FORM_WORDS))
                                            for match in _NAMED_COMPANY_RE.finditer(text))
        return self._company_names

    def person(self, field: str, name: str, source: str) -> None:
        owner, _, rest = name.partition("'s ")
        if rest and reference.is_place_name(owner):
            name = rest  # "produced by Hong Kong's Golden Harvest": the company, not the place
        known = {fold(o.name) for o in [*self.film.production_company, *self.film.distributor]}
        linked = self.film.links.get(fold(name))
        if reference.is_company_name(name) or fold(name) in known or (
                linked is not None and reference.links_a_company(name, linked)) or (
                field == "producer" and fold(name) in self.company_names()):
            # "Produced by Selvam Arts" credits a company, never a person; so does "[[Nordic Music Library|Nordic]]".
            if field == "producer":
                self.add("production_company", Organization(name), source)
            else:
                self.film.warnings.append(f"{self.where}: '{name}' is a company, not a person; left out of {field}")
            return
        if reference.is_placeholder(name):
            return
        ranked, name = name, without_rank(name)
        page = self.film.links.get(fold(ranked))
        if ranked != name and page and fold(page).startswith(fold(ranked.split()[0])):
            name = ranked  # "[[Colonel Tom Parker]]", "[[Reverend Horton Heat]]": the rank is part of the name
        elif ranked != name and page:
            # "[[Barry McCaffrey|General Barry McCaffrey]]": the name keeps the page its mention links.
            self.film.links.setdefault(fold(name), page)
        if field == "cast":
            self.film.cast.append(CastMember(name, [], [source]))
        else:
            getattr(self.film, field).append(PersonRef(name, [source]))
