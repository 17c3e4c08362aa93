"""The record facts are collected into while the extractors read an article."""

from __future__ import annotations

from typing import Any

from filmgraph import reference
from filmgraph.model import Article, CastMember, Film, Nomination, Organization, PersonRef
from filmgraph.reference import fold

INFOBOX = "Infobox"
LEAD = "Lead"


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
        self.where = article.where or article.source.rsplit("/", 1)[-1] or article.title

    def add(self, field: str, value: Any, source: str) -> None:
        if hasattr(value, "sources"):
            value.sources.append(source)
        getattr(self.film, field).append(value)

    def person(self, field: str, name: str, source: str) -> None:
        if reference.is_company_name(name):
            # "Produced by Selvam Arts" credits a company, never a person.
            if field == "producer":
                self.add("production_company", Organization(name), source)
            else:
                self.film.warnings.append(f"{self.where}: '{name}' is a company, not a person; left out of {field}")
            return
        if reference.is_placeholder(name):
            return
        if field == "cast":
            self.film.cast.append(CastMember(name, [], [source]))
        else:
            getattr(self.film, field).append(PersonRef(name, [source]))
