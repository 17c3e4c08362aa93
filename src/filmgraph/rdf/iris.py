"""IRIs of films, articles, people and wiki pages: from the page and its links, never from a local path.

A film's article is its wiki page when known, else ``<base>article/<title>``. A person the article links
is named after the linked page, so that two films linking one page share the person and two pages shown
with one name stay two people; an unlinked person is named inside the film's own namespace.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources
from urllib.parse import quote, urlsplit

from filmgraph.model import Provenance
from filmgraph.slugs import slug

DEFAULT_WIKI = "https://en.wikipedia.org/wiki/"


@dataclass(frozen=True)
class Wiki:
    """A wiki's article base, its Wikidata item (for pr:P143) and the DBpedia of its language."""

    base: str
    qid: str | None
    dbpedia: str | None

    def page(self, title: str) -> str:
        """Example:

        >>> Wiki(DEFAULT_WIKI, "Q328", None).page("Walter Hill (director)")
        'https://en.wikipedia.org/wiki/Walter_Hill_(director)'
        """
        return self.base + quote(title.replace(" ", "_"), safe="()_,:'!-.")

    def resource(self, title: str) -> str | None:
        return self.dbpedia + quote(title.replace(" ", "_"), safe="()_,:'!-.") if self.dbpedia else None

    def revision(self, title: str, revision: str) -> str:
        """The page's URL at one revision: what a reference cites."""
        root = self.base.rsplit("/wiki/", 1)[0]
        return f"{root}/w/index.php?title={quote(title.replace(' ', '_'), safe='()_,:!-.')}&oldid={revision}"


@cache
def _wikis() -> dict[str, tuple[str, str]]:
    text = resources.files("filmgraph").joinpath("data", "wikis.csv").read_text(encoding="utf-8")
    return {row["host"]: (row["qid"], row["dbpedia"]) for row in csv.DictReader(text.splitlines())}


def wiki_of(provenance: Provenance) -> Wiki:
    """The wiki an article's links point into: its own, or the English Wikipedia when it has none."""
    base = provenance.wiki or DEFAULT_WIKI
    qid, dbpedia = _wikis().get(urlsplit(base).netloc, ("", ""))
    return Wiki(base, qid or None, dbpedia or None)


def page_title(page: str) -> str | None:
    """The title of a wiki page URL ("…/wiki/Heat_(1995_film)" → "Heat (1995 film)")."""
    if "/wiki/" not in page:
        return None
    from urllib.parse import unquote

    return unquote(page.split("/wiki/", 1)[1]).replace("_", " ") or None


def article_iri(title: str, provenance: Provenance, base: str) -> str:
    """The film's article: its page, or one named after its title under ``base``."""
    return provenance.page or f"{base}article/{slug(title)}"
