"""IRIs of films and their articles: from the page, never from a local path (wiki pages: :mod:`filmgraph.pages`).

A film is its page. Its name is the page's title when the page is known (``wiki:``, a dump, ``--source-url``):
``film/batman-1966-film`` and the page URL as its named graph. A file without a page is named after its title
(``film/batman``, graph ``article/batman``) and, when another film of the run or of the store already goes by
that name, after its title and year (``batman-1989``): see :func:`film_names`. Two articles never share a name.
A person the article links is named after the linked page, so that two films linking one page share the person
and two pages shown with one name stay two people; an unlinked person is named inside the film's own namespace.
"""

from __future__ import annotations

import hashlib

from filmgraph.model import Film, Provenance
from filmgraph.pages import Wiki, title_of, wiki_at
from filmgraph.slugs import slug


def wiki_of(provenance: Provenance) -> Wiki:
    """The wiki an article's links point into: its own, or the English Wikipedia when it has none."""
    page = provenance.page if "/wiki/" in provenance.page else None
    return wiki_at(provenance.wiki or page)


def film_year(film: Film) -> int | None:
    """The year a film is known by: the year the article gives it, else its first release's."""
    if film.year is not None:
        return film.year.year
    years = [release.date.year for release in film.release]
    return min(years) if years else None


def film_names(film: Film, claimant: str = "") -> list[str]:
    """The names a film may go by, the first one free taken: its page's title when known; else its title,
    then its title and year; last (two pages of one slug, two articles of one title and year) one made unique
    by ``claimant`` (the page, or what the article was read from).

    >>> from filmgraph.model import PartialDate
    >>> film_names(Film("Batman", "", year=PartialDate(1966)), "a.wiki")
    ['batman', 'batman-1966', 'batman-1966-1adb963a']
    >>> page = "https://en.wikipedia.org/wiki/Batman_(1966_film)"
    >>> film_names(Film("Batman", "", provenance=Provenance(page=page)), page)[0]
    'batman-1966-film'
    """
    page = title_of(film.provenance.page)
    own = slug(page or film.title)
    year = film_year(film)
    dated = f"{own}-{year}" if year is not None and not page else own
    unique = f"{dated}-{hashlib.sha1(claimant.encode('utf-8')).hexdigest()[:8]}"
    return list(dict.fromkeys([own, dated, unique]))


def film_iri(base: str, name: str) -> str:
    return f"{base}film/{name}"


def article_iri(provenance: Provenance, base: str, name: str) -> str:
    """The film's article, its named graph: its page, or one named after the film under ``base``."""
    return provenance.page or f"{base}article/{name}"
