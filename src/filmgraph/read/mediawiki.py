"""A polite MediaWiki API client: pages with their revision, and the Wikidata items of pages.

Follows Wikimedia's API etiquette: a User-Agent naming filmgraph, its version and a contact (refused
without one for Wikimedia's own wikis), ``maxlag=5``, retries with backoff that honour ``Retry-After`` on
429/503 and on maxlag errors, up to 50 titles a request, one request at a time, and an on-disk cache keyed
by revision so that no page's text is fetched twice.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from filmgraph import __version__, defaults
from filmgraph.atomic import write_text_atomic
from filmgraph.errors import FilmgraphError
from filmgraph.httpclient import HttpClient
from filmgraph.identifiers import is_item
from filmgraph.pages import wiki_at

DEFAULT_API = defaults.MEDIAWIKI_API
ITEMS_MAX_AGE = 7 * 24 * 3600  # seconds a cached page → item answer is reused
BATCH = 50  # titles per request, the API's limit for ordinary clients
_WIKIMEDIA_HOSTS = ("wikipedia.org", "wikimedia.org", "wikidata.org", "mediawiki.org", "wiktionary.org",
                    "wikiquote.org", "wikisource.org", "wikibooks.org", "wikinews.org", "wikiversity.org",
                    "wikivoyage.org")


@dataclass(frozen=True)
class Page:
    """A page as the API gave it: its normalised title, wikitext, revision and Wikidata item."""

    title: str
    text: str
    revision: str | None = None
    timestamp: str | None = None
    item: str | None = None


def page_url(api: str, title: str) -> str:
    """The article's URL beside its API.

    Example:

    >>> page_url("https://en.wikipedia.org/w/api.php", "Another Round (film)")
    'https://en.wikipedia.org/wiki/Another_Round_(film)'
    >>> page_url("https://en.wikipedia.org/w/api.php", "What's Up, Doc? (1972 film)")
    'https://en.wikipedia.org/wiki/What%27s_Up,_Doc%3F_(1972_film)'
    """
    return wiki_at(api).page(title)


def user_agent(contact: str | None) -> str:
    return f"filmgraph/{__version__} ({contact or 'no contact given'}) https://example.org/filmgraph"


class MediaWiki:
    """One wiki's API. ``cache`` is a folder for page texts (keyed by revision) and pages' Wikidata items (kept
    a week); ``retries`` bounds the attempts after a 429, a 503 or a maxlag answer."""

    def __init__(self, api: str = DEFAULT_API, *, contact: str | None = None, cache: str | Path | None = None,
                 timeout: float = 30.0, retries: int = 4, client: HttpClient | None = None,
                 max_wait: float = 60.0) -> None:
        host = urlsplit(api).hostname or ""
        if not contact and host.endswith(_WIKIMEDIA_HOSTS):
            raise FilmgraphError(f"{api}: Wikimedia asks API clients for a contact: set --contact or "
                                 "FILMGRAPH_CONTACT (an e-mail address or a URL)")
        self.api = api
        self.retries = retries
        self.max_wait = max_wait
        self.cache = Path(cache) if cache else None
        self.client = client or HttpClient(timeout=timeout, user_agent=user_agent(contact))
        self._article_base: str | None = None

    def close(self) -> None:
        self.client.close()

    # ------------------------------------------------------------------ requests
    def _get(self, params: dict[str, str], where: str) -> dict[str, Any]:
        params = {**params, "format": "json", "formatversion": "2", "maxlag": "5"}
        waited = 0.0  # all the waits of one request together stay within max_wait
        for attempt in range(self.retries + 1):
            try:
                response = self.client.request("GET", self.api, params=params, passthrough=(429, 503))
            except FilmgraphError as exc:
                raise FilmgraphError(f"{where}: {exc}") from exc
            wait = _retry_after(response.headers.get("Retry-After"), attempt)
            if response.status_code in (429, 503):
                if attempt < self.retries:
                    waited = self._pause(wait, waited, where)
                    continue
                raise FilmgraphError(f"{where}: {self.api} answered HTTP {response.status_code} "
                                     f"{self.retries + 1} times; try again later")
            try:
                data = response.json()
            except (ValueError, RecursionError) as exc:  # not JSON, or JSON nested past what Python reads
                raise FilmgraphError(f"{where}: {self.api} did not answer with JSON") from exc
            if not isinstance(data, dict):
                raise FilmgraphError(f"{where}: {self.api} answered {type(data).__name__}, not an API object")
            error = data.get("error")
            if isinstance(error, dict) and error.get("code") == "maxlag" and attempt < self.retries:
                waited = self._pause(wait, waited, where)  # the servers are lagged: come back later
                continue
            if error is not None:
                info = error.get("info") if isinstance(error, dict) else error
                raise FilmgraphError(f"{where}: {self.api}: {str(info or 'API error')[:200]}")
            return data
        raise FilmgraphError(f"{where}: {self.api} stayed lagged; try again later")

    def _pause(self, wait: float, waited: float, where: str) -> float:
        """Wait as the server asks before trying again, within ``max_wait`` seconds for all the tries of one
        request together (``Retry-After: 99999999`` is a refusal, not a wait); the time waited so far."""
        if wait > self.max_wait - waited:
            raise FilmgraphError(f"{where}: {self.api} is busy and asks to wait {wait:,.0f} s (more than the "
                                 f"{self.max_wait:g} s filmgraph waits); try again later")
        time.sleep(wait)
        return waited + wait

    @staticmethod
    def _pages(data: dict[str, Any], where: str) -> list[dict[str, Any]]:
        query = data.get("query")
        pages = query.get("pages") if isinstance(query, dict) else None
        if not isinstance(pages, list):
            raise FilmgraphError(f"{where}: the API answer has no pages")
        return [p for p in pages if isinstance(p, dict)]

    # --------------------------------------------------------------------- pages
    def article_base(self) -> str:
        """The wiki's article URL base ("https://en.wikipedia.org/wiki/") as its siteinfo states it (``server``
        and ``articlepath``), so that a page read through another address (a mirror, a proxy, recorded answers)
        keeps the wiki's own URL and is cited as that wiki's; "" when the API does not say (pages are then named
        beside the API). Asked once per client."""
        if self._article_base is None:
            self._article_base = ""
            try:
                data = self._get({"action": "query", "meta": "siteinfo", "siprop": "general"}, self.api)
            except FilmgraphError:
                return ""
            query = data.get("query") if isinstance(data.get("query"), dict) else {}
            general = query.get("general") if isinstance(query.get("general"), dict) else {}
            server, path = str(general.get("server") or ""), str(general.get("articlepath") or "")
            server = "https:" + server if server.startswith("//") else server
            if re.fullmatch(r"https?://[A-Za-z0-9.-]+(?::\d+)?", server) and re.fullmatch(r"/[^\s?#]*\$1", path):
                self._article_base = server + path[:-2]
        return self._article_base

    def page(self, title: str) -> Page:
        """A page by title, following redirects, with its current revision.

        :raises FilmgraphError: the API cannot be reached, answers an error, or has no such page.
        """
        where = f"wiki:{title}"
        cached = self._cached(title)
        if cached is not None:
            data = self._get({"action": "query", "prop": "info", "titles": title, "redirects": "1"}, where)
            pages = self._pages(data, where)
            if pages and str(pages[0].get("lastrevid")) == cached.revision:
                return cached
        data = self._get({"action": "query", "prop": "revisions|pageprops", "rvprop": "content|ids|timestamp",
                          "rvslots": "main", "ppprop": "wikibase_item", "titles": title, "redirects": "1"}, where)
        pages = self._pages(data, where)
        if not pages or pages[0].get("missing") or pages[0].get("invalid"):
            raise FilmgraphError(f"{where}: no such page")
        found = pages[0]
        try:
            revision = found["revisions"][0]
            text = revision["slots"]["main"]["content"]
        except (KeyError, IndexError, TypeError) as exc:
            raise FilmgraphError(f"{where}: the page has no wikitext") from exc
        if not isinstance(text, str):
            raise FilmgraphError(f"{where}: the page has no wikitext")
        props = found.get("pageprops") if isinstance(found.get("pageprops"), dict) else {}
        page = Page(str(found.get("title") or title), text,
                    str(revision["revid"]) if isinstance(revision, dict) and revision.get("revid") else None,
                    revision.get("timestamp") if isinstance(revision, dict) else None,
                    props.get("wikibase_item"))
        self._store(title, page)
        return page

    def items(self, titles: Iterable[str]) -> dict[str, str]:
        """The Wikidata item of each page that has one, by the title asked for (redirects followed),
        in batches of 50 titles a request. With a cache, an answer (an item, or none) is reused for
        ITEMS_MAX_AGE seconds: a page's item seldom changes, and a dump links the same people again and again."""
        asked = list(dict.fromkeys(t for t in titles if t))
        found: dict[str, str] = {}
        wanted = []
        for title in asked:
            known = self._cached_item(title)
            if known is None:
                wanted.append(title)
            elif known:
                found[title] = known
        fetched = self._fetch_items(wanted)
        for title in wanted:
            self._store_item(title, fetched.get(title, ""))
        found.update(fetched)
        return found

    def _fetch_items(self, wanted: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for start in range(0, len(wanted), BATCH):
            batch = wanted[start:start + BATCH]
            data = self._get({"action": "query", "prop": "pageprops", "ppprop": "wikibase_item",
                              "titles": "|".join(batch), "redirects": "1"}, f"wiki:{batch[0]}")
            query = data.get("query") if isinstance(data.get("query"), dict) else {}
            renamed: dict[str, str] = {}
            for key in ("normalized", "redirects"):
                for step in query.get(key) or []:
                    if isinstance(step, dict) and step.get("from") and step.get("to"):
                        renamed[str(step["to"])] = str(step["from"])
            for page in self._pages(data, f"wiki:{batch[0]}"):
                item = (page.get("pageprops") or {}).get("wikibase_item") if isinstance(
                    page.get("pageprops"), dict) else None
                if not is_item(item):  # none, or no item id ("Q1> <urn:evil>"): never written anywhere
                    continue
                title = str(page.get("title"))
                # Walk back through redirects and normalisation to every title asked for.
                names = {title}
                while True:
                    more = {renamed[n] for n in names if n in renamed} - names
                    if not more:
                        break
                    names |= more
                for name in names & set(batch):
                    found[name] = str(item)
        return found

    def commons_files(self, names: Iterable[str]) -> set[str]:
        """Which of these file names ("Poster.jpg") the wiki shows from a shared repository (Wikimedia Commons on
        Wikimedia's wikis) rather than from its own uploads, as ``prop=imageinfo`` answers (``imagerepository``),
        50 a request: a film's poster is most often a non-free local file, which Wikidata cannot link."""
        asked = list(dict.fromkeys(n for n in names if n))
        shared: set[str] = set()  # the answer's titles, normalised
        for start in range(0, len(asked), BATCH):
            batch = asked[start:start + BATCH]
            data = self._get({"action": "query", "prop": "imageinfo", "titles": "|".join(f"File:{n}" for n in batch)},
                             f"File:{batch[0]}")
            for page in self._pages(data, f"File:{batch[0]}"):
                repository = page.get("imagerepository")
                if repository and repository != "local":
                    shared.add(_file_key(str(page.get("title", "")).split(":", 1)[-1]))
        return {name for name in asked if _file_key(name) in shared}

    def entities(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Wikidata entities with their claims (``action=wbgetentities``), 50 ids a request."""
        wanted = list(dict.fromkeys(i for i in ids if i))
        found: dict[str, dict[str, Any]] = {}
        for start in range(0, len(wanted), BATCH):
            batch = wanted[start:start + BATCH]
            data = self._get({"action": "wbgetentities", "ids": "|".join(batch), "props": "claims"}, batch[0])
            entities = data.get("entities")
            if not isinstance(entities, dict):
                raise FilmgraphError(f"{batch[0]}: the API answer has no entities")
            for key, entity in entities.items():
                if isinstance(entity, dict) and "missing" not in entity:
                    found[str(key)] = entity
        return found

    # --------------------------------------------------------------------- cache
    def _cache_path(self, title: str) -> Path | None:
        if self.cache is None:
            return None
        key = hashlib.sha1(f"{self.api}\n{title}".encode()).hexdigest()
        return self.cache / key[:2] / f"{key}.json"

    def _cached(self, title: str) -> Page | None:
        path = self._cache_path(title)
        if path is None or not path.exists():
            return None
        try:
            return Page(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None  # a damaged cache entry is fetched again

    def _cached_item(self, title: str) -> str | None:
        """The cached item of a page ("" for a page known to have none), if fresh; None when not known."""
        path = self._cache_path(f"item:{title}")
        try:
            if path is None or time.time() - path.stat().st_mtime > ITEMS_MAX_AGE:
                return None
            return str(json.loads(path.read_text(encoding="utf-8"))["item"])
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def _store_item(self, title: str, item: str) -> None:
        path = self._cache_path(f"item:{title}")
        if path is not None:
            with contextlib.suppress(OSError):
                write_text_atomic(path, json.dumps({"title": title, "item": item}, ensure_ascii=False))

    def _store(self, title: str, page: Page) -> None:
        path = self._cache_path(title)
        if path is None or page.revision is None:
            return
        with contextlib.suppress(OSError):  # a cache that cannot be written only costs a later fetch
            write_text_atomic(path, json.dumps(page.__dict__, ensure_ascii=False))


def _file_key(name: str) -> str:
    """A file name as the wiki normalises it: spaces, first letter upper case."""
    name = " ".join(name.replace("_", " ").split())
    return name[:1].upper() + name[1:]


def permalink_parts(url: str) -> tuple[str, str | None]:
    """A page's permalink (``…/w/index.php?title=T&oldid=N``) as its page URL and revision; any other URL as it is.

    >>> permalink_parts("https://en.wikipedia.org/w/index.php?title=Another_Round_(film)&oldid=1234")
    ('https://en.wikipedia.org/wiki/Another_Round_(film)', '1234')
    """
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    title, oldid = query.get("title", [""])[0], query.get("oldid", [""])[0]
    if parts.scheme in ("http", "https") and parts.path.endswith("/index.php") and title and oldid.isdigit():
        api = f"{parts.scheme}://{parts.netloc}{parts.path.rsplit('/index.php', 1)[0]}/api.php"
        return page_url(api, title.replace("_", " ")), oldid
    return url, None


def _retry_after(header: str | None, attempt: int) -> float:
    """Seconds to wait: the server's Retry-After, else an exponential backoff."""
    try:
        return max(0.0, float(header)) if header else float(2 ** attempt)
    except ValueError:
        return float(2 ** attempt)
