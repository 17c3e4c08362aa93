"""Fetch an article's wikitext by title from a MediaWiki API (requests)."""

from __future__ import annotations

from urllib.parse import quote

from filmgraph.errors import FilmgraphError
from filmgraph.httpclient import HttpClient
from filmgraph.model import Article
from filmgraph.read.wikitext import parse_wikitext

DEFAULT_API = "https://en.wikipedia.org/w/api.php"


def page_url(api: str, title: str) -> str:
    """The article's URL beside its API.

    Example:

    >>> page_url("https://en.wikipedia.org/w/api.php", "Another Round (film)")
    'https://en.wikipedia.org/wiki/Another_Round_(film)'
    """
    base = api.rsplit("/w/api.php", 1)[0] if "/w/api.php" in api else api.rsplit("/", 1)[0]
    return f"{base}/wiki/{quote(title.replace(' ', '_'), safe='()_,:')}"


def fetch_wikitext(title: str, *, api: str = DEFAULT_API, timeout: float = 30.0,
                   client: HttpClient | None = None) -> tuple[str, str]:
    """(normalised title, wikitext) of a page, following redirects.

    :raises FilmgraphError: the API cannot be reached, answers an error, or has no such page.
    """
    params = {"action": "query", "prop": "revisions", "rvprop": "content", "rvslots": "main", "titles": title,
              "redirects": "1", "format": "json", "formatversion": "2"}
    where = f"wiki:{title}"
    own_client = client is None
    client = client or HttpClient(timeout=timeout)
    try:
        response = client.request("GET", api, params=params)
    except FilmgraphError as exc:
        raise FilmgraphError(f"{where}: {exc}") from exc
    finally:
        if own_client:
            client.close()
    try:
        data = response.json()
    except ValueError as exc:
        raise FilmgraphError(f"{where}: {api} did not answer with JSON") from exc
    if "error" in data:
        raise FilmgraphError(f"{where}: {data['error'].get('info', 'API error')}")
    pages = data.get("query", {}).get("pages", [])
    if not pages or pages[0].get("missing") or pages[0].get("invalid"):
        raise FilmgraphError(f"{where}: no such page")
    page = pages[0]
    try:
        content = page["revisions"][0]["slots"]["main"]["content"]
    except (KeyError, IndexError, TypeError) as exc:
        raise FilmgraphError(f"{where}: the page has no wikitext") from exc
    return page.get("title", title), content


def fetch_article(title: str, *, api: str = DEFAULT_API, timeout: float = 30.0,
                  client: HttpClient | None = None) -> Article:
    """Fetch and read a film article; its facts are credited to the page URL."""
    real_title, text = fetch_wikitext(title, api=api, timeout=timeout, client=client)
    return parse_wikitext(text, title=real_title, source=page_url(api, real_title), where=f"wiki:{title}")
