"""A wiki page's identity, defined once: its title as MediaWiki normalises it, its URL, its DBpedia resource,
its permalink at one revision, the URL of a file it shows, and the names of the film infobox.

Every reader, mapper and writer names pages through this module, so that one page read from the API, from a
dump or from a saved file gets one URL, and that URL is the one MediaWiki, Wikidata's sitelinks and DBpedia
use:

- MediaWiki builds a page's URL with ``wfUrlencode``: PHP's ``urlencode`` of the title with ``_`` for spaces,
  then ``;@$!*(),/~:`` turned back to themselves (``Ryan_O%27Neal``, ``Face/Off``, ``M*A*S*H_(film)``).
- DBpedia's resource is the title with ``_`` for spaces, every character kept as it is except the controls and
  ``"#%<>?[\\]^`{|}``, which are percent-encoded (``Ryan_O'Neal``, ``Amélie``, ``Harold_&_Kumar…``): see the
  extraction framework's ``WikiUtil.wikiEncode`` and ``DBpediaNamespace``. English is the main chapter
  (``http://dbpedia.org/resource/``), another language's is ``http://LANG.dbpedia.org/resource/``.
- Wikidata's RDF gives a Commons file as ``http://commons.wikimedia.org/wiki/Special:FilePath/`` and PHP's
  ``rawurlencode`` of the file name, spaces as ``%20`` (Wikibase's ``RdfVocabulary::getMediaFileURI``), so a
  poster's IRI joins with ``wdt:P18`` only when written that way.
"""

from __future__ import annotations

import csv
import html
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from urllib.parse import parse_qs, quote, unquote, urlsplit

DEFAULT_WIKI = "https://en.wikipedia.org/wiki/"
COMMONS_FILE_PATH = "http://commons.wikimedia.org/wiki/Special:FilePath/"

# ------------------------------------------------------------------ the film infobox

# The templates of film articles, as MediaWiki names them (case and "_" or " " aside): {{Infobox film}} and the
# redirects to it. Any other infobox (television, person, …) means the page is not a film's.
FILM_INFOBOXES = frozenset({"infobox film", "infobox movie", "infobox feature film", "infobox short film"})


def template_key(name: str) -> str:
    """A template's name as the film infobox names are written: case folded, ``_`` a space, spaces collapsed,
    no ``Template:`` prefix.

    >>> template_key(" Template:Infobox_Film "), template_key("infobox   movie")
    ('infobox film', 'infobox movie')
    """
    key = " ".join(name.casefold().replace("_", " ").split())
    return re.sub(r"^template\s*:\s*", "", key)


def is_film_infobox(name: str) -> bool:
    """Whether a template's name is the film infobox, however it is spelt.

    >>> is_film_infobox("Infobox Film"), is_film_infobox("infobox_film"), is_film_infobox("Infobox television")
    (True, True, False)
    """
    return template_key(name) in FILM_INFOBOXES


# Where a film infobox starts in raw wikitext: "{{" and one of the names above in any case, with spaces or
# underscores between the words, then the end of the name (a parameter, the braces' end or a comment).
FILM_INFOBOX_RE = re.compile(
    r"\{\{\s*(?:template\s*:\s*)?(?:"
    + "|".join(r"[\s_]+".join(map(re.escape, name.split())) for name in sorted(FILM_INFOBOXES))
    + r")\s*(?=[|}<]|\Z)", re.IGNORECASE)

# ---------------------------------------------------------------------------- titles

# Characters MediaWiki reads as a space in a title (and collapses, with "_", into one), and the direction marks
# it drops (Title::newFromText, MediaWikiTitleCodec).
_SPACE_RE = re.compile(r"[ _\u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_MARKS_RE = re.compile(r"[\u200e\u200f\u202a-\u202e]")
_CHARACTER_REFERENCE_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_PERCENT_RE = re.compile(r"%[0-9A-Fa-f]{2}")


def _upper_first(title: str) -> str:
    """The title with its first letter upper case, as MediaWiki's ``ucfirst`` does on Wikimedia's wikis: a letter
    whose upper case is several letters ("ß" → "SS") stays as it is, and so does Georgian, whose capitals
    (Mtavruli) titles do not use (both are in Wikimedia's ``$wgOverrideUcfirstCharacters``)."""
    if not title:
        return title
    first = title[0]
    upper = first.upper()
    if len(upper) != 1 or "\u10d0" <= first <= "\u10ff":
        return title
    return upper + title[1:]


@lru_cache(maxsize=1024)  # a page names the same pages again and again (links, credits, the page itself)
def normalize_title(title: str, *, capitalize: bool = True) -> str:
    """A page title as MediaWiki stores it: character references and percent-escapes (as links may write them)
    decoded, the fragment after ``#`` dropped, ``_`` and every kind of space one space, direction marks gone, no
    leading colon, and (on wikis that capitalise, which all Wikipedias do) the first letter upper case.

    >>> normalize_title("  ryan_O'Neal#Career "), normalize_title("Harold &amp; Kumar"), normalize_title("Am%C3%A9lie")
    ("Ryan O'Neal", 'Harold & Kumar', 'Amélie')
    >>> normalize_title("ßtraße"), normalize_title(":iPhone"), normalize_title("iPhone", capitalize=False)
    ('ßtraße', 'IPhone', 'iPhone')
    """
    if capitalize:  # the title as written normalised once, and cached, for both (a link is asked for both)
        return _upper_first(normalize_title(title, capitalize=False))
    # Each pattern runs only where what it needs can be (most titles: plain ASCII words, single spaces).
    text = _CHARACTER_REFERENCE_RE.sub(lambda m: html.unescape(m.group(0)), title) if "&" in title else title
    if "%" in text and _PERCENT_RE.search(text):
        text = unquote(text)  # a title never holds "%" and two hex digits (MediaWiki refuses it): an escape
    text = text.split("#", 1)[0]
    if not text.isascii():
        text = _MARKS_RE.sub("", text)
    if not text.isascii() or "_" in text or "  " in text:
        text = _SPACE_RE.sub(" ", text)
    return text.strip().lstrip(":").strip()


def title_key(title: str) -> str:
    """A title with ``_`` for spaces, as MediaWiki's URLs and DBpedia's resources write it ("DB key")."""
    return title.replace(" ", "_")


@lru_cache(maxsize=1024)  # a page's links name the same pages again and again
def wfurlencode(text: str) -> str:
    """MediaWiki's ``wfUrlencode``: everything percent-encoded but letters, digits, ``-_.`` and ``;@$!*(),/~:``.

    >>> wfurlencode("What's_Up,_Doc?"), wfurlencode("Face/Off"), wfurlencode("Amélie")
    ('What%27s_Up,_Doc%3F', 'Face/Off', 'Am%C3%A9lie')
    """
    return quote(text, safe=";@$!*(),/~:")


# What DBpedia percent-encodes in a title: '"#%<>?[\\]^`{|}' and the controls (C0, DEL and C1).
_DBPEDIA_ESCAPED_RE = re.compile(r'["#%<>?\[\\\]^`{|}\x00-\x1f\x7f-\x9f]')


@lru_cache(maxsize=1024)  # a page's links name the same pages again and again
def dbpedia_encode(title: str) -> str:
    """A title as DBpedia writes it in a resource IRI: ``_`` for spaces, the controls and ``"#%<>?[\\]^`{|}``
    percent-encoded, everything else (letters of any script, ``'&*/,:;!$()+=@~``) as it is.

    >>> dbpedia_encode("Harold & Kumar Go to White Castle"), dbpedia_encode("100% Love?")
    ('Harold_&_Kumar_Go_to_White_Castle', '100%25_Love%3F')
    """
    # One pass of a pattern over the title, not a test of each character in Python (most titles escape none).
    return _DBPEDIA_ESCAPED_RE.sub(lambda match: quote(match.group(), safe=""), title_key(title))


# ------------------------------------------------------------------------- the wikis

# Namespaces and interwiki prefixes: a link "[[Prefix:…]]" with one of these goes to no article of this wiki.
# MediaWiki's canonical names with their aliases, English Wikipedia's own, and the File and Category names of
# the Wikipedias in data/wikis.csv.
_NAMESPACES = frozenset({
    "media", "special", "talk", "user", "user talk", "project", "project talk", "wikipedia", "wikipedia talk",
    "wp", "wt", "file", "file talk", "image", "image talk", "mediawiki", "mediawiki talk", "template",
    "template talk", "help", "help talk", "category", "category talk", "portal", "portal talk", "draft",
    "draft talk", "timedtext", "timedtext talk", "module", "module talk", "book", "book talk", "gadget",
    "gadget talk", "gadget definition", "gadget definition talk", "topic", "mos", "cat", "h", "t", "p",
    "datei", "kategorie", "vorlage", "fichier", "catégorie", "modèle", "categoria", "archivo", "categoría",
    "plantilla", "bestand", "categorie", "sjabloon", "fil", "kategori", "mall", "skabelon", "ファイル",
    "カテゴリ", "ficheiro", "predefinição", "plik", "kategoria", "szablon",
})
_INTERWIKIS = frozenset({
    "w", "wikt", "wiktionary", "s", "wikisource", "q", "wikiquote", "b", "wikibooks", "n", "wikinews", "v",
    "wikiversity", "voy", "wikivoyage", "c", "commons", "d", "wikidata", "m", "meta", "metawiki", "mw",
    "species", "wikispecies", "foundation", "wmf", "phab", "phabricator", "incubator", "outreach", "simple",
})
_LANGUAGE_PREFIX_RE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*")


def is_article_title(title: str) -> bool:
    """Whether a link target names an article (main namespace) rather than a file, a category, another
    namespace or another wiki ("wikt:…", "fr:…"). A colon alone does not: "Mission: Impossible" is an article.

    >>> is_article_title("Batman: The Movie"), is_article_title("File:Poster.jpg"), is_article_title("fr:Amélie")
    (True, False, False)
    """
    text = normalize_title(title, capitalize=False)
    if not text or ":" not in text:
        return bool(text)
    prefix = text.split(":", 1)[0].strip()
    folded = " ".join(prefix.casefold().split())
    # Language interwiki links are written in lower case ("[[de:…]]"); an article title begins with a capital.
    return not (folded in _NAMESPACES or folded in _INTERWIKIS or _LANGUAGE_PREFIX_RE.fullmatch(prefix))


@cache
def _wikis() -> dict[str, tuple[str, str]]:
    text = resources.files("filmgraph").joinpath("data", "wikis.csv").read_text(encoding="utf-8")
    return {row["host"]: (row["qid"], row["dbpedia"]) for row in csv.DictReader(text.splitlines())}


@lru_cache(maxsize=64)  # a few wikis, asked for every link
def _host(base: str) -> str:
    return urlsplit(base).netloc


@dataclass(frozen=True)
class Wiki:
    """A wiki, by its article base ("https://en.wikipedia.org/wiki/"): the URLs of its pages, the DBpedia
    resources of its language's chapter, and its Wikidata item (what ``pr:P143`` imports from)."""

    base: str = DEFAULT_WIKI

    @property
    def host(self) -> str:
        return _host(self.base)

    @property
    def qid(self) -> str | None:
        return _wikis().get(self.host, ("", ""))[0] or None

    @property
    def dbpedia(self) -> str | None:
        """The resource namespace of the DBpedia chapter of this wiki's language, when there is one."""
        return _wikis().get(self.host, ("", ""))[1] or None

    @property
    def capitalizes(self) -> bool:
        """Whether the wiki upper-cases the first letter of titles (every Wikipedia; not Wiktionary)."""
        return not self.host.endswith("wiktionary.org")

    def title(self, title: str) -> str:
        return normalize_title(title, capitalize=self.capitalizes)

    def page(self, title: str) -> str:
        """The page's URL, as MediaWiki writes it.

        >>> Wiki().page("Ryan O'Neal"), Wiki().page("M*A*S*H (film)")
        ('https://en.wikipedia.org/wiki/Ryan_O%27Neal', 'https://en.wikipedia.org/wiki/M*A*S*H_(film)')
        """
        return self.base + wfurlencode(title_key(self.title(title)))

    def resource(self, title: str) -> str | None:
        """The page's DBpedia resource, when the wiki's language has a chapter.

        >>> Wiki().resource("Ryan O'Neal"), Wiki("https://de.wikipedia.org/wiki/").resource("Die Fälscher")
        ("http://dbpedia.org/resource/Ryan_O'Neal", 'http://de.dbpedia.org/resource/Die_Fälscher')
        """
        return self.dbpedia + dbpedia_encode(self.title(title)) if self.dbpedia else None

    def permalink(self, title: str, revision: str) -> str:
        """The page's URL at one revision (what Wikidata's imports cite with S4656, and a reference's pr:P854).

        >>> Wiki().permalink("Face/Off", "123")
        'https://en.wikipedia.org/w/index.php?title=Face/Off&oldid=123'
        """
        encoded = wfurlencode(title_key(self.title(title)))
        if self.base.endswith("/wiki/"):
            return f"{self.base[:-len('/wiki/')]}/w/index.php?title={encoded}&oldid={quote(revision, safe='')}"
        return f"{self.base}{encoded}?oldid={quote(revision, safe='')}"

    def file(self, name: str) -> str:
        """The URL that serves a file shown on this wiki: ``Special:FilePath`` of the wiki itself, which finds a
        local file (an English film poster is almost always a non-free English Wikipedia file) and a Commons
        one alike.

        >>> Wiki().file("File:festen_poster.jpg")
        'https://en.wikipedia.org/wiki/Special:FilePath/Festen_poster.jpg'
        """
        return self.page("Special:FilePath/" + file_name(name))


def wiki_at(url: str | None) -> Wiki:
    """The wiki a page URL, an article base or an API URL belongs to; the English Wikipedia when none is given.

    >>> wiki_at("https://de.wikipedia.org/w/api.php").base, wiki_at("https://en.wikipedia.org/wiki/Heat").base
    ('https://de.wikipedia.org/wiki/', 'https://en.wikipedia.org/wiki/')
    """
    if not url:
        return Wiki()
    if "/wiki/" in url:
        return Wiki(url.split("/wiki/", 1)[0] + "/wiki/")
    parts = urlsplit(url)
    path = parts.path
    for script in ("/w/api.php", "/w/index.php", "/api.php", "/index.php"):
        if path.endswith(script):
            return Wiki(f"{parts.scheme}://{parts.netloc}/wiki/")
    return Wiki(url if url.endswith("/") else url + "/")


def title_of(url: str | None) -> str | None:
    """The title of a page URL (``…/wiki/Title`` or ``…/index.php?title=Title``), normalised.

    >>> title_of("https://en.wikipedia.org/wiki/What%27s_Up,_Doc%3F_(1972_film)")
    "What's Up, Doc? (1972 film)"
    >>> title_of("https://en.wikipedia.org/w/index.php?title=Ocean's_Eleven&oldid=5"), title_of("urn:x")
    ("Ocean's Eleven", None)
    """
    if not url:
        return None
    parts = urlsplit(url)
    if "/wiki/" in parts.path:
        title = unquote(parts.path.split("/wiki/", 1)[1])
    else:
        title = (parse_qs(parts.query).get("title") or [""])[0]  # parse_qs decodes it
    return normalize_title(title, capitalize=wiki_at(url).capitalizes) or None


def canonical_page(url: str) -> str:
    """A wiki page's URL as MediaWiki writes it (``Ocean's_Eleven`` → ``Ocean%27s_Eleven``, no fragment); any other
    URL as it is.

    >>> canonical_page("https://en.wikipedia.org/wiki/Ocean's_Eleven#Cast")
    'https://en.wikipedia.org/wiki/Ocean%27s_Eleven'
    """
    title = title_of(url) if "/wiki/" in urlsplit(url).path else None
    return wiki_at(url).page(title) if title else url


def file_name(name: str) -> str:
    """A file's name as its page is titled, without the namespace: ``File:``/``Image:`` dropped, first letter upper
    case (files are capitalised on every wiki).

    >>> file_name("Image:festen_poster.jpg")
    'Festen poster.jpg'
    """
    title = normalize_title(name)
    title = re.sub(r"^(?:file|image)\s*:\s*", "", title, flags=re.IGNORECASE)
    return _upper_first(title)


def commons_file(name: str) -> str:
    """A Commons file's IRI as Wikidata's RDF writes ``P18`` and every other Commons media value:
    ``http://commons.wikimedia.org/wiki/Special:FilePath/`` and ``rawurlencode`` of the name with its spaces (so
    ``%20``, not ``_``). Commons itself serves the file under either spelling (Special:FilePath normalises the
    name it is given), but an IRI joins with Wikidata's only when spelt exactly as Wikidata spells it.

    >>> commons_file("File:Festen_poster (1998).jpg")
    'http://commons.wikimedia.org/wiki/Special:FilePath/Festen%20poster%20%281998%29.jpg'
    """
    return COMMONS_FILE_PATH + quote(file_name(name), safe="")
