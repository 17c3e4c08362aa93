"""Fetch an article by title from a MediaWiki API (see :mod:`filmgraph.read.mediawiki`)."""

from __future__ import annotations

from dataclasses import replace

from filmgraph.identifiers import checked_item
from filmgraph.model import Article
from filmgraph.pages import wiki_at
from filmgraph.read.mediawiki import DEFAULT_API, MediaWiki, page_url
from filmgraph.read.wikitext import parse_wikitext

__all__ = ["DEFAULT_API", "fetch_article", "page_url"]


def fetch_article(title: str, *, api: str = DEFAULT_API, timeout: float = 30.0,
                  wiki: MediaWiki | None = None, contact: str | None = None) -> Article:
    """Fetch and read a film article; its facts are credited to the page at the revision read.

    :raises FilmgraphError: the API cannot be reached, answers an error, or has no such page.
    """
    own = wiki is None
    wiki = wiki or MediaWiki(api, contact=contact, timeout=timeout)
    try:
        base = wiki.article_base()
        page = wiki.page(title)
    finally:
        if own:
            wiki.close()
    url = page_url(wiki.api, page.title)
    if base and "/wiki/" in url:  # the wiki's own URL, as its siteinfo names it, not the API's host
        url = base + url.split("/wiki/", 1)[1]
    article = parse_wikitext(page.text, title=page.title, source=url, where=f"wiki:{title}",
                             revision=page.revision, timestamp=page.timestamp,
                             wiki=wiki_at(url).base)
    warnings: list[str] = []
    item = checked_item(page.item, article.where, warnings)
    return replace(article, provenance=replace(article.provenance, item=item),
                   warnings=(*article.warnings, *warnings))
