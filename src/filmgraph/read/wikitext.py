"""Read MediaWiki wikitext (``{{Infobox film}}``, links, plain lists, wikitables) into an Article.

mwparserfromhell parses the markup; this module renders what a reader sees: link text, the
values of list templates one per line, film dates as "10 April 2025 (Denmark)", {{won}} as "Won",
and wikitables with their rowspans and colspans expanded exactly, so ``extract`` reads a
wikitext article the way it reads the plain-text format.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache, lru_cache

from mwparserfromhell import utils as mw_utils
from mwparserfromhell.nodes import Comment, HTMLEntity, Tag, Template, Text, Wikilink, argument, external_link
from mwparserfromhell.nodes import heading as mw_heading
from mwparserfromhell.nodes import tag as mw_tag
from mwparserfromhell.nodes import template as mw_template
from mwparserfromhell.nodes import wikilink as mw_wikilink
from mwparserfromhell.nodes.extras import attribute, parameter
from mwparserfromhell.parser import Parser
from mwparserfromhell.wikicode import Wikicode

from filmgraph.errors import FilmgraphError, NotAFilm
from filmgraph.identifiers import checked_revision, checked_timestamp
from filmgraph.model import Article, Block, BlockKind, InfoboxField, Provenance, Section, Table
from filmgraph.pages import FILM_INFOBOX_RE, canonical_page, is_article_title, is_film_infobox, normalize_title, wiki_at
from filmgraph.read.templates import render_template, shows_nothing
from filmgraph.text import is_valid, plain_characters, replaced_warning, valid_data

# As MediaWiki reads one: the link closed on the redirect's own line (an unclosed one makes no redirect).
_REDIRECT_RE = re.compile(r"^\s*#\s*redirect\s*:?\s*\[\[([^\]|#\n]+)[^\]\n]*\]\]", re.IGNORECASE)
_FILM_LEAD_RE = re.compile(r"\b(?:is|was)\b[^.]{0,200}?\b(?:film|movie|documentary|feature)\b", re.IGNORECASE)
# What a series' lead says it is: "is a series of Indian horror films", "is an American horror franchise composed of
# five films", "is a British film series" (never "is a 2010 film, the first of a series of films").
_SERIES_LEAD_RE = re.compile(
    r"(?i)^[^.]{0,200}?\b(?:is|are)\s+(?:an?|the)\s+"
    # Words before the series noun that say what it is ("American horror", "British"), never a place in it ("the
    # third instalment in", "the first of", "a comedy, the second in") nor what the film is ("a 2005 comedy").
    r"(?:(?!\b(?:in|of|part|entry|entries|installment|instalment|sequel|prequel|first|second|third|fourth|fifth|"
    r"last|final|latest|next|\d+(?:st|nd|rd|th)|one|and|films?|movies?|comedy|thriller|western|documentary|short|"
    r"feature|drama|musical|cartoon|mockbuster|adaptation|remake|spin-?off|based|about|inspired|set|produced|adapted|"
    r"from|by|on|for|with|within|that|which|launched|spawned|began|started|restarted|rebooted|conclusion|"
    r"finale|installment|instalment)\b)[^.,;:()]){0,80}?"
    r"(?:\b(?:film|movie)\s+(?:series|franchise|trilogy|saga)\b|\bseries\s+of\s+(?:[\w-]+\s+){0,4}?(?:films|movies)\b|"
    r"\b(?:media\s+)?franchise\b|\btrilogy\s+of\s+(?:[\w-]+\s+){0,3}?films\b)"
    r"(?!\s+(?:film|movie|entry|instalment|installment)\b)")


MAX_PAGE_CHARS = 2_000_000  # a page larger than any film article: refused, so one page cannot stall a dump
MAX_NESTING = 40  # templates inside templates: real pages stay under ten
_SAFE_URL_RE = re.compile(r"(?:https?://[^\s<>\"{}|\\^`]+)?")
_BRACES_RE = re.compile(r"\{\{|\}\}")


def _balanced(text: str, where: str) -> str:
    """Markup the parser can read in linear time: a ``{{`` that never closes is shown as text (as MediaWiki
    shows it), and templates nested deeper than any page nests them are refused in one line."""
    stack: list[int] = []
    unclosed: list[int] = []
    deepest = 0
    for match in _BRACES_RE.finditer(text):
        if match.group() == "{{":
            stack.append(match.start())
            deepest = max(deepest, len(stack))
        elif stack:
            stack.pop()
    unclosed = stack
    if unclosed:
        pieces, last = [], 0
        for start in unclosed:
            pieces += [text[last:start], "&#123;&#123;"]
            last = start + 2
        text = "".join(pieces) + text[last:]
        deepest = _depth(text)
    if deepest > MAX_NESTING:
        raise FilmgraphError(f"{where}: templates nested {deepest} deep (more than {MAX_NESTING})")
    return text


def _depth(text: str) -> int:
    depth = deepest = 0
    for match in _BRACES_RE.finditer(text):
        depth = depth + 1 if match.group() == "{{" else max(0, depth - 1)
        deepest = max(deepest, depth)
    return deepest


# Markup only the full parser reads right: templates, tags, entities, external links, a link inside a link,
# four quotes, rules, and a line that starts as a heading, list or definition. Text without any of it is
# plain text, links and bold or italics, rendered here without building a parse tree (three quarters of a
# real page's paragraphs and list items; tests/test_properties.py checks it renders as the parser does).
# Each alternative starts with a character of its own (a lone bracket's look-behind comes after it), so that a
# search skips along a long paragraph to the characters that can start one, instead of trying every
# alternative at every character.
_NEEDS_PARSER_RE = re.compile("|".join([
    # Templates, tags, and an ampersand that may start a character reference ("&amp;", "&#124;"; not "S&W").
    r"\{", r"\}", r"<", r">", r"&(?=#?[^\s;&<>\[\]{}|']*;)",
    r"\[(?!\[)(?<!\[\[)", r"\](?!\])(?<!\]\])",  # lone brackets
    r"\[\[[^\]]*\[", r"\[\[[^\]]*\n", r"\|\]\]", r"\[\[[^\]|]*\|[^\]]*\|",  # links the parser may not take
    r"\[\[\s*(?:[A-Za-z][A-Za-z0-9+.-]*:)?//", r"\[\[\s*(?i:mailto|news|urn|tel|sip|sms|irc|ircs|magnet):",
    # Four quotes, or six and more (five are bold italics: "'''''Title'''''" opens many a lead), rules, and
    # headings and lists on a later line.
    r"''''(?<!'{5})(?:''+|(?!'))", r"----", r"\n[=;:*#]"]))
_LINE_MARKS = ("=", ";", ":", "*", "#")  # a heading, a definition or a list on the first line
_SIMPLE_LINK_RE = re.compile(r"\[\[([^\[\]|]*)(?:\|([^\[\]]*))?\]\]")
_SKIPPED_LINK_RE = re.compile(r"(?i)^(file|image|category):")
_QUOTES_RE = re.compile(r"'{2,}")
_QUOTE_IN_LINK_RE = re.compile(r"\[\[[^\]]*'")
_SPACES_RE = re.compile(r"[ \t]+")


def _render_simple(text: str) -> str | None:
    """The text a reader sees of markup with no template, tag or entity; None when the parser must read it."""
    if text.startswith(_LINE_MARKS) or _NEEDS_PARSER_RE.search(text):
        return None
    if "''" in text and (len({len(run) for run in _QUOTES_RE.findall(text)}) > 1 or _QUOTE_IN_LINK_RE.search(text)):
        # Italics beside bold ("''Film'''s"), or a quote in a link beside them: which quotes are an apostrophe is
        # the parser's call (a lone apostrophe with no doubled quote anywhere is one).
        return None

    def link(match: re.Match[str]) -> str:
        if _SKIPPED_LINK_RE.match(match.group(1)):
            return ""  # a file or category link: the reader does not see it
        return match.group(2) or match.group(1)

    if "[[" in text:
        if "''" in text and any(_SKIPPED_LINK_RE.match(target) for target, _ in _SIMPLE_LINK_RE.findall(text)):
            return None  # a file or category link vanishes, and the quotes beside it may pair up: the parser's call
        linked = _SIMPLE_LINK_RE.sub(link, text)
        if "'''''" in text and _QUOTES_RE.findall(linked) != _QUOTES_RE.findall(text):
            return None  # a link shown as nothing joins the bold italics beside it into other runs: the parser's call
        text = linked
    if "[[" in text or "]]" in text:
        return None
    return _single_spaced(text.replace("'''", "").replace("''", ""))


# Templates with no markup in them ("{{sfn|Berg|2004|p=5}}", "{{rp|12}}", "{{citation needed|date=May 2020}}"),
# one or several side by side, followed by a space, a line break or the end; and the name of each.
_PLAIN_TEMPLATES_RE = re.compile(r"(?:\{\{[^{}\[\]<>&'\n]*\}\})+(?=\s|\Z)")
_TEMPLATE_NAME_RE = re.compile(r"\{\{([^|}]*)")
_JOINING_CHARACTERS = frozenset("[]{}<>&'|=!:;/*#-")  # markup a character before such a template could be part of
_PAIRS = (("[", "]"), ("<", ">"), ("{", "}"))


def _without_silent_templates(markup: str) -> str:
    """The markup without the templates that show nothing ({{sfn}}, {{rp}}, {{citation needed}}) where taking one
    out changes nothing else: it stands in plain text (inside no link, tag or other template), after a character
    that is no markup, before a space or the end, on a line with no URL. A paragraph whose only markup they were
    is then rendered without a parse tree (most of a real page's cited sentences)."""
    if "{{" not in markup or "://" in markup:
        return markup
    pieces, last = [], 0
    for match in _PLAIN_TEMPLATES_RE.finditer(markup):
        start = match.start()
        if start and markup[start - 1] in _JOINING_CHARACTERS or any(
                markup.count(opening, 0, start) != markup.count(closing, 0, start) for opening, closing in _PAIRS):
            continue  # beside markup, or inside a link, a tag or a template: taken out, it might change them
        # Each name as templates.normalize_name makes it.
        if all(shows_nothing(name.strip().casefold().replace("_", " ")) for name in _TEMPLATE_NAME_RE.findall(
                match.group())):
            pieces.append(markup[last:start])
            last = match.end()
    if not pieces:
        return markup
    return "".join(pieces) + markup[last:]


def _single_spaced(text: str) -> str:
    """The text with each run of spaces and tabs one space."""
    if "\t" not in text and "  " not in text:
        return text  # every run is one space already
    return _SPACES_RE.sub(" ", text)


def render(code: Wikicode | str, unknown: list[str] | None = None) -> str:
    """The text a reader sees of some wikicode; names of templates it cannot render go to ``unknown``.

    Example:

    >>> render("[[Michael Mann|Mann]] {{nowrap|directed}}<ref>x</ref> {{won}}")
    'Mann directed Won'
    """
    if isinstance(code, str):
        shown, names = _render_markup(code)
        if unknown is not None:
            unknown.extend(names)
        return shown
    return _render_nodes(code, unknown)


@lru_cache(maxsize=256)  # a page renders some markup more than once (a link's text, a list's lines)
def _render_markup(markup: str) -> tuple[str, tuple[str, ...]]:
    """What a reader sees of markup, and the names of the templates in it that cannot be rendered."""
    markup = _without_silent_templates(markup)
    simple = _render_simple(markup)
    if simple is not None:
        return simple, ()
    unknown: list[str] = []
    return _render_nodes(_parse(markup), unknown), tuple(unknown)


def _parse(markup: str) -> Wikicode:
    """The parse tree of markup: ``mwparserfromhell.parse`` without its look-ups for other kinds of input (it
    imports four names on every call)."""
    return Parser().parse(markup)


_PARSE_ANYTHING = mw_utils.parse_anything


def _parse_anything(value: object, context: int = 0, *, skip_style_tags: bool = False) -> Wikicode:
    """mwparserfromhell's ``parse_anything`` with its first case taken before its four imports: the parser's
    tree builder hands every node it makes (a link's title, a template's parameter) parsed wikicode, which
    ``parse_anything`` returns as it is, after importing four names on every call (a few hundred calls a page)."""
    if isinstance(value, Wikicode):
        return value
    return _PARSE_ANYTHING(value, context, skip_style_tags=skip_style_tags)


# The node modules that bound ``parse_anything`` when imported; one bound to anything else is left alone.
for _module in (argument, attribute, external_link, mw_heading, mw_tag, mw_template, mw_wikilink, parameter):
    if getattr(_module, "parse_anything", None) is _PARSE_ANYTHING:
        _module.parse_anything = _parse_anything


def _render_nodes(code: Wikicode, unknown: list[str] | None) -> str:
    out = []
    for node in code.nodes:
        if isinstance(node, Text):
            out.append(str(node))
        elif isinstance(node, Wikilink):
            target = str(node.title)
            if _SKIPPED_LINK_RE.match(target):
                continue
            out.append(render(node.text, unknown) if node.text else target)
        elif isinstance(node, Template):
            out.append(render_template(node, render, unknown))
        elif isinstance(node, Tag):
            tag = str(node.tag).casefold()
            if tag in ("ref", "references", "gallery"):
                continue
            if tag == "br":
                out.append("\n")
            elif node.contents is not None:
                out.append(render(node.contents, unknown))
        elif isinstance(node, Comment):
            continue
        elif isinstance(node, HTMLEntity):
            out.append(node.normalize().replace("\xa0", " "))
        else:
            out.append(node.__strip__() or "")
    return _single_spaced("".join(out).replace("'''", "").replace("''", ""))


_FILE_LINK_RE = re.compile(r"\[\[\s*(?:File|Image)\s*:\s*([^|\]]+)", re.IGNORECASE)
_OPAQUE_RE = re.compile(r"<!--.*?(?:-->|$)|<ref\b[^>]*/>|<ref\b[^>]*>.*?(?:</ref\s*>|$)|<nowiki>.*?(?:</nowiki>|$)",
                        re.IGNORECASE | re.DOTALL)
MAX_SPAN = 500
_INFOBOX_START_RE = re.compile(r"\{\{\s*[Ii]nfobox[ _]")
_SPAN_TOKEN_RE = re.compile(r"<|\{\{|\}\}")  # what the brace count looks at, left to right


def _infobox_span(text: str) -> tuple[int, int] | None:
    """Where the page's film infobox (else its first infobox) starts and ends, by counting braces.

    As in MediaWiki's preprocessor, braces inside ``<ref>…</ref>``, ``<nowiki>`` and comments do not
    count: a citation with one brace missing must not swallow the rest of the page.
    """
    match = FILM_INFOBOX_RE.search(text) or _INFOBOX_START_RE.search(text)
    if match is None:
        return None
    depth, index = 0, match.start()
    while (token := _SPAN_TOKEN_RE.search(text, index)) is not None:
        index = token.end()
        if token.group() == "<":
            opaque = _OPAQUE_RE.match(text, token.start())
            if opaque:
                index = opaque.end()
        elif token.group() == "{{":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return match.start(), index
    return None  # never closed: left to the parser


_BREAK_RE = re.compile(r"\s*<br\s*/?\s*>\s*", re.IGNORECASE)
_LINK_TEXT_BREAK_RE = re.compile(r"\[\[(?P<target>[^\[\]|]*)\|(?P<text>[^\[\]]*<br\s*/?\s*>[^\[\]]*)\]\]",
                                 re.IGNORECASE)


def _unbroken_link(match: re.Match[str]) -> str:
    """A link whose text is its target's name wrapped over two lines ("[[Walt Disney Studios Motion Pictures|Walt
    Disney Studios<br />Motion Pictures]]") names one thing; a link whose lines name several ("[[Coen
    brothers|Joel Coen<br />Ethan Coen]]") keeps its lines."""
    joined = _BREAK_RE.sub(" ", match["text"])
    if " ".join(joined.split()).casefold() == " ".join(match["target"].replace("_", " ").split()).casefold():
        return f"[[{match['target']}|{joined}]]"
    return match.group(0)


# Two links side by side, or with a dash between them ("[[B. Lenin]]—[[C. S. Prem]]"), are two values.
_ADJACENT_LINKS_RE = re.compile(r"\]\](?:[ \t]+|[ \t]*[—–][ \t]*)\[\[")


# What the parser reads differently in a value standing alone than in a template's parameter: a list, a definition,
# a rule or a heading at its very start or a heading on a later line (no heading inside a template), and a table.
_ALONE_NOT_ALIKE_RE = re.compile(r"\A[#*;:=-]|^=|\{\|", re.MULTILINE)
# Markup characters a parser route can open at: a value with fewer cannot reach the parser's nesting limit, alone or
# inside the infobox (the limit is 100 routes deep).
_ROUTE_OPENERS = "[{<'&"
_MAX_ROUTE_OPENERS = 80
# The parser stops opening routes after 100,000 in one parse: an infobox this short never comes near.
_MAX_REUSED_INFOBOX_CHARS = 20_000


def _infobox(code: Wikicode, warnings: list[str], where: str,
             chars: int) -> tuple[list[InfoboxField], Template | None, list[tuple[str, str]]]:
    """The fields of the first infobox of ``code`` (the parse of ``chars`` characters), the infobox, and every link
    in ``code`` in page order."""
    for template in code.filter_templates(recursive=False):
        if str(template.name).strip().casefold().startswith("infobox"):
            fields = []
            # The infobox alone, its links are those of its name and its parameters' names and values, in order
            # (as ``filter_wikilinks`` walks it): each parameter's are found once, for its field and for the page.
            alone = len(code.nodes) == 1
            links = _links(template.name) if alone else []
            reuse_trees = alone and chars <= _MAX_REUSED_INFOBOX_CHARS
            for index, param in enumerate(template.params):
                unknown: list[str] = []
                markup, name = str(param.value), str(param.name)  # each made once: str() walks the tree
                label = name.strip()
                value_links = _links(param.value) if "[[" in markup else []  # a link's markup starts so
                if alone:
                    links += [*_links(param.name), *value_links] if param.showkey and "[[" in name else value_links
                # "[[Ann Berg]] [[Carl Holm]]" with no separator (or a dash) still lists two names.
                value = _ADJACENT_LINKS_RE.sub("]]\n[[", markup)
                value = _LINK_TEXT_BREAK_RE.sub(_unbroken_link, value)
                shown = None
                if value == markup and reuse_trees and not _ALONE_NOT_ALIKE_RE.search(markup) \
                        and sum(markup.count(opener) for opener in _ROUTE_OPENERS) < _MAX_ROUTE_OPENERS:
                    # The value as written, which the parser reads alone as it read it in the infobox: its tree
                    # is rendered rather than parsed a second time (when no simple rendering does without one).
                    shown = _render_simple(markup)
                    if shown is None:
                        shown = _render_nodes(param.value, unknown)
                if shown is None:
                    shown = render(value, unknown)
                values = [v.strip() for v in shown.splitlines() if v.strip()]
                picture = _FILE_LINK_RE.search(markup)
                if picture and not values:  # a picture given as [[File:…]]: the reader sees the picture
                    values = [picture.group(1).strip()]
                for name in dict.fromkeys(unknown):
                    warnings.append(f"{where}: infobox '{label}': unknown template {{{{{name}}}}}: only its links read")
                if label and values:
                    fields.append(InfoboxField(label, tuple(values), index + 1, tuple(dict.fromkeys(value_links))))
            return fields, template, links if alone else _links(code)
    return [], None, _links(code)


_LEADING_ATTRIBUTES_RE = re.compile(r'^\s*(?:(?:rowspan|colspan|style|class|align|scope)\s*=\s*(?:"[^"]*"|\S+)\s*)+'
                                    r'(?=\{\{)', re.IGNORECASE)


_ATTRIBUTE_RE = re.compile(r"\b(rowspan|colspan|style|class|align|scope)\s*=")
_SPAN_RES = {key: re.compile(rf'{key}\s*=\s*"?(\d{{1,6}})') for key in ("rowspan", "colspan")}


def _cells(line: str, separator: str) -> list[tuple[dict[str, int], str]]:
    """Split a table row line into (span attributes, content) cells."""
    cells = []
    for raw in _split_outside_markup(line, separator + separator):
        attributes: dict[str, int] = {}
        content, attribute_text = raw, ""
        pieces = _split_outside_markup(raw, "|")
        if len(pieces) > 1 and _ATTRIBUTE_RE.search(pieces[0]):
            content, attribute_text = "|".join(pieces[1:]), pieces[0]
        elif leading := _LEADING_ATTRIBUTES_RE.match(raw):
            # '| rowspan="2" {{nom}}': the template brings the cell's own "|", so the attributes stand before it.
            content, attribute_text = raw[leading.end():], leading.group(0)
        for key, span_re in _SPAN_RES.items():
            match = span_re.search(attribute_text)
            if match:
                # Spans are clamped: no real table spans more, and a huge one must not fill memory.
                attributes[key] = max(1, min(int(match.group(1)), MAX_SPAN))
        cells.append((attributes, render(content).strip()))
    return cells


def _split_outside_markup(text: str, separator: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for match in _markup_tokens(separator).finditer(text):
        token = match.group()
        if token in ("[[", "{{"):
            depth += 1
        elif token in ("]]", "}}"):
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(text[start:match.start()])
            start = match.end()
    parts.append(text[start:])
    return parts


@cache
def _markup_tokens(separator: str) -> re.Pattern[str]:
    """What :func:`_split_outside_markup` looks at, left to right: link and template brackets, and the separator
    (a table's "||", "!!" or "|": no bracket character)."""
    return re.compile(r"\[\[|\{\{|\]\]|\}\}|" + re.escape(separator))


def _table_lines(markup: str) -> Iterator[str]:
    """The lines of a table's markup, a template that runs over several lines kept on its line: a cell's
    "{{plainlist|" with its items below it, then "}} || {{nom}}", is one cell and the cells after it."""
    pending = ""
    for line in markup.splitlines():
        pending = f"{pending}\n{line}" if pending else line
        if pending.count("{{") <= pending.count("}}"):
            yield pending
            pending = ""
    if pending:
        yield from pending.split("\n")  # never closed: each line as it stands


def parse_table(markup: str) -> Table | None:
    """A wikitable with rowspans and colspans expanded.

    Example:

    >>> t = parse_table('{|\\n! Award !! Category !! Result\\n|-\\n| rowspan="2" | Bodil || Best Film || {{won}}\\n'
    ...                 '|-\\n| Best Actor || {{nom}}\\n|}')
    >>> t.rows
    (('Bodil', 'Best Film', 'Won'), ('Bodil', 'Best Actor', 'Nominated'))
    """
    header: list[str] = []
    rows: list[list[str]] = []
    pending: dict[int, tuple[int, str]] = {}  # column → (rows still spanned, text)
    current: list[tuple[dict[str, int], str]] = []
    header_done, header_span = False, 0

    def finish_row() -> None:
        if not current:
            return
        row: list[str] = []
        cells = list(current)
        column = 0
        while cells or any(spanned >= column for spanned in pending):
            if column in pending:
                remaining, text = pending[column]
                row.append(text)
                if remaining <= 1:
                    del pending[column]
                else:
                    pending[column] = (remaining - 1, text)
                column += 1
                continue
            if not cells:
                # A short row ("| Robert Awards | Best Film" under a "rowspan=12 {{nom}}" of the last
                # column) still takes its place in every span that reaches it: it has blanks where it wrote no
                # cell, and the span ends with it, as a browser lays it out, not one row further down.
                row.append("")
                column += 1
                continue
            attributes, text = cells.pop(0)
            for _ in range(attributes.get("colspan", 1)):
                if attributes.get("rowspan", 1) > 1:
                    pending[column] = (attributes["rowspan"] - 1, text)
                row.append(text)
                column += 1
        rows.append(row)
        current.clear()

    caption = ""
    for line in _table_lines(markup):
        stripped = line.strip()
        if stripped.startswith("|+"):
            caption = caption or render(stripped[2:]).strip()
            continue
        if stripped.startswith("{|"):
            continue
        if stripped.startswith("|}"):
            break
        if stripped.startswith("|-"):
            if header and not header_done:
                if len(header) == 1 and header_span > 1:
                    header, header_span = [], 0  # "! colspan=5 | Awards": a title row above the real header
                else:
                    header_done = True  # any "!" cell after this is a row header in the body
            finish_row()
        elif stripped.startswith("!"):
            cells = _cells(stripped[1:], "!")
            if not header_done and not rows and not current:
                header += [text for _, text in cells]
                header_span += sum(attributes.get("colspan", 1) for attributes, _ in cells)
            else:
                current.extend(cells)
        elif stripped.startswith("|"):
            # "||2004" at the start of a line is one cell, 2004, as MediaWiki reads it.
            current.extend(_cells(stripped[2:] if stripped.startswith("||") else stripped[1:], "|"))
        elif current:
            attributes, text = current[-1]
            current[-1] = (attributes, f"{text} {render(stripped)}".strip())
    finish_row()
    if not header and rows:
        header, rows = rows[0], rows[1:]
    if not header:
        return None
    width = len(header)
    full = tuple(tuple((row + [""] * width)[:width]) for row in rows if any(row))
    return Table(tuple(header), full, 0, caption)


# Tags whose content the parser never reads as markup (a link in a gallery caption is not a link), and tags
# that stand alone. Any other tag with its closing tag encloses what is between, as a template does.
_OPAQUE_TAGS = frozenset({"categorytree", "ce", "chem", "gallery", "graph", "hiero", "imagemap", "inputbox", "math",
                          "nowiki", "pre", "score", "section", "source", "syntaxhighlight", "templatedata",
                          "timeline"})
_VOID_TAGS = frozenset({"br", "hr", "wbr", "img", "meta", "link", "references", "ref"})
_NESTING_RE = re.compile(r"\{\{|\}\}|(?m:^[ \t]*\{\|)|(?m:^[ \t]*\|\})|<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*?(/?)>")
_HEADING_LINE_RE = re.compile(r"(?m)^(=+)([^\n]*)$")
_LAST_EQUALS_RE = re.compile(r"(=+)[^=]*$")  # the run of "=" a heading's title ends before
# "[[" not after a third "[" (its look-behind after it: a search then skips along the text to each "[[").
_LINK_RE = re.compile(r"\[\[(?<!\[\[\[)([^\[\]{}<>\n|]*)(?:\|((?:[^\[\]]|\[\[[^\[\]]*\]\]|\](?!\])|\[(?!\[))*?))?\]\]")


def _nested_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, opaque) of every template, table and closed tag at the top of the page: what lies inside
    them is not the page's own markup (a heading in a template's value does not start a section)."""
    spans: list[tuple[int, int, bool]] = []
    stack: list[tuple[str, int]] = []
    for match in _NESTING_RE.finditer(text):
        token = match.group(0).strip()
        if token in ("{{", "{|"):
            stack.append((token, match.start()))
        elif token in ("}}", "|}"):
            opener = "{{" if token == "}}" else "{|"
            if any(opened == opener for opened, _ in stack):
                # What opened inside and never closed (a tag, a table) was text: the parser reads it so.
                while stack[-1][0] != opener:
                    stack.pop()
                _, start = stack.pop()
                if not stack:
                    spans.append((start, match.end(), False))
        elif match.group(2):
            name = match.group(2).lower()
            if match.group(3) or name in _VOID_TAGS:
                continue
            if not match.group(1):
                stack.append((f"<{name}", match.start()))
            elif any(opened == f"<{name}" for opened, _ in stack):
                while stack and stack[-1][0] != f"<{name}":
                    stack.pop()
                _, start = stack.pop()
                if not stack:
                    spans.append((start, match.end(), name in _OPAQUE_TAGS))
    return spans


def _inside(spans: list[tuple[int, int, bool]], position: int) -> bool:
    """Whether ``position`` lies inside one of the (sorted, disjoint) spans."""
    index = bisect.bisect_right(spans, (position, position, True)) - 1
    return index >= 0 and spans[index][0] < position < spans[index][1]


def _headings(text: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, int, str]]:
    """(start, end, level, title) of each heading line at the top of the page, as the parser reads them:
    the title runs to the last run of "=" on its line; unmatched "=" stay in the title."""
    found = []
    for match in _HEADING_LINE_RE.finditer(text):
        if _inside(spans, match.start()):
            continue
        opening, rest = len(match.group(1)), match.group(2)
        last = _LAST_EQUALS_RE.search(rest)
        if last is None:  # a line of "=" alone is no heading
            continue
        closing = len(last.group(1))
        title = rest[:last.start()]
        level = min(opening, closing, 6)
        title = "=" * (opening - level) + title + "=" * (closing - level)
        if not title:
            continue
        end = match.start() + len(match.group(1)) + last.end(1)
        found.append((match.start(), end, level, title))
    return found


def _page_links(text: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, tuple[str, str]]]:
    """(position, (shown text, target page)) of the wikilinks of the page, nested ones too, none inside
    opaque tags; in page order (a nested link at its outer link's position)."""
    opaque = [(start, end) for start, end, is_opaque in spans if is_opaque]
    found = []
    for match in _LINK_RE.finditer(text):
        if opaque and any(start < match.start() < end for start, end in opaque):
            continue
        found += [(match.start(), link) for link in _link_entries(match)]
    return found


def _link_entries(match: re.Match[str]) -> tuple[tuple[str, str], ...]:
    return _link_entries_of(match.group(1), match.group(2))


@lru_cache(maxsize=1024)  # each link is read twice (the page's links, its paragraph's or item's), many more often
def _link_entries_of(target: str, text: str | None) -> tuple[tuple[str, str], ...]:
    """The entries of a link ``[[target|text]]`` (``[[target]]`` when text is None) and of the links in its text."""
    if _FILE_LINK_RE.match("[[" + target):  # as on the whole link: the pattern stops at the "|" or "]]" after target
        # A picture's caption is never read as the page's text (render leaves it out), so neither are its links:
        # "[[File:…|composer [[Carl Holm]] nominated the [[Academy Award for Best Original Score|Academy
        # Award]]]]" must not make every "Academy Award" of the prose that category.
        return ()
    # Quotes doubled in a link's target are bold or italics around it, not its title: no link.
    entry = _link_entry(target, text) if "\'\'" not in target else None
    entries = (entry,) if entry else ()
    if text and "[[" in text:
        for inner in _LINK_RE.finditer(text):
            entries += _link_entries(inner)
    return entries


_WHITESPACE_RE = re.compile(r"\s+")


@lru_cache(maxsize=1024)  # a page links one page many times (its lists, its sections, the page as a whole)
def _link_entry(title: str, shown: str | None) -> tuple[str, str] | None:
    """(shown text, target page) of a link to an article; None for files, categories and other wikis."""
    if not is_article_title(title):
        return None
    target = normalize_title(title)
    seen = render(shown if shown else title.split("#", 1)[0].strip().lstrip(":")).strip()
    if seen and _links_a_section_about_another(title, target, seen):
        return None
    return (_WHITESPACE_RE.sub(" ", seen), target) if seen else None


_BRACKETED_END_RE = re.compile(r"\s*\([^()]*\)$")


def _links_a_section_about_another(title: str, target: str, seen: str) -> bool:
    """Whether a link goes to a section of a page about something other than the words it shows: a company told
    of in a person's article ("[[Ann Berg#Career|Harbour Films]]"), a member in a group's ("[[Lund Brothers#Carl
    Lund|Carl Lund]]"), a subsidiary in its parent's. The page is not the words' own, and taking it as theirs would
    make the company the person. Only a title that is the words, or ends with them ("[[Ann Berg#Early life|Ann
    Berg]]", "[[Academy Award for Best Actor#1950s|Best Actor]]"), shows the page's own subject."""
    if "#" not in title or not target:
        return False
    words, page = " ".join(seen.casefold().split()), _BRACKETED_END_RE.sub("", target).casefold()
    return not (page == words or page.endswith(" " + words))  # never a group's ("[[Lund & Holm#Ann Lund|Lund]]")


# A list item, also one indented under a definition (":*"); "*:" goes on under the item above, one level deeper.
_ITEM_RE = re.compile(r"^[*#:;]*[*#]:*")
_INDENT_RE = re.compile(r"^[:;]+")  # an indented line or a definition term
# A line that is all bold ("'''[[Academy Awards]]'''", "'''Awards (1950):'''") heads what follows it.
_BOLD_LINE_RE = re.compile(r"^'''(?!')(?:(?!''').)+'''\s*:?\s*$")


# An item that ends in "as" or a colon: the items below it are its parts ("Carl Holm as:").
_INTRODUCES_PARTS_RE = re.compile(r"\bas\s*:?$|:$")


class _Blocks:
    """The paragraphs, lists and tables of a stretch of wikitext, and the same in page order as blocks."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.lists: list[tuple[str, ...]] = []
        self.tables: list[Table] = []
        self.blocks: list[Block] = []


# The quotes first, then what is around them (no quote before, none after): a search skips along the text to each
# quote, instead of testing what is before every character.
_ITALIC_RE = re.compile(r"''(?<!''')(?!')(?P<text>.+?)(?<!')''(?!')")


_BOLD_QUOTES_RE = re.compile(r"'''(?<!'''')(?!')")


def _italics(markup: str) -> tuple[str, ...]:
    """The texts a line shows in italics (bold or not): "as Jane in ''[[Show Boat]]''" → ("Show Boat",)."""
    if "''" not in markup:
        return ()
    plain = _BOLD_QUOTES_RE.sub("", markup.replace("'" * 5, "''"))
    return tuple(dict.fromkeys(shown for match in _ITALIC_RE.finditer(plain)
                               if (shown := render(match["text"]).strip())))


def _markup_links(markup: str) -> tuple[tuple[str, str], ...]:
    if "[[" not in markup:
        return ()  # no link can start (many items and paragraphs link nothing)
    return tuple(dict.fromkeys(link for match in _LINK_RE.finditer(markup) for link in _link_entries(match)))


def _blocks(text: str) -> _Blocks:
    found = _Blocks()
    items: list[str] = []
    paragraph: list[str] = []
    lines = text.splitlines()
    index = 0
    folding = False  # the last top-level item ends "as:", so deeper items are its roles

    def add_paragraph(markup: str, depth: int = 0, heading: bool = False) -> None:
        rendered = render(markup).strip()
        if rendered:
            found.paragraphs.append(rendered)
            found.blocks.append(Block(BlockKind.PARAGRAPH, rendered, depth, _markup_links(markup), heading,
                                      italics=_italics(markup)))

    def flush() -> None:
        if paragraph:
            markup = " ".join(paragraph)
            add_paragraph(markup)
            paragraph.clear()
        if items:
            found.lists.append(tuple(items))
            items.clear()

    while index < len(lines):
        line = lines[index].rstrip()
        if line.lstrip().startswith("{|"):
            flush()
            end = index
            while end < len(lines) and not lines[end].strip().startswith("|}"):
                end += 1
            table = parse_table("\n".join(lines[index:end + 1]))
            if table:
                found.blocks.append(Block(BlockKind.TABLE, table=len(found.tables)))
                found.tables.append(table)
            index = end + 1
            continue
        item_marks = _ITEM_RE.match(line)
        indent = None if item_marks else _INDENT_RE.match(line)
        if item_marks:
            if paragraph:
                flush()
            depth = len(item_marks.group(0))
            markup = line[depth:].strip()
            item = render(markup).strip()
            if item:
                found.blocks.append(Block(BlockKind.ITEM, item, depth, _markup_links(markup),
                                          bool(_BOLD_LINE_RE.match(markup)), italics=_italics(markup)))
            if item and depth > 1 and folding and items:
                # "* Ann Berg as:" with "** Anna" "** Eva" below: the sub-items are the parent's roles.
                parent = items[-1].rstrip(":").rstrip()
                items[-1] = f"{parent} {item}" if parent.endswith(" as") else f"{parent} / {item}"
            elif item:
                items.append(item)
                folding = depth == 1 and bool(_INTRODUCES_PARTS_RE.search(item))
        elif indent:
            # ":'''Won:'''" or "; Academy Awards": a line of its own, a heading when a term or all bold.
            flush()
            markup = line[indent.end():].strip()
            add_paragraph(markup, len(indent.group(0)), ";" in indent.group(0) or bool(_BOLD_LINE_RE.match(markup)))
        elif not line.strip():
            flush()
        elif _BOLD_LINE_RE.match(line.strip()):
            flush()  # a bold line stands alone, even right below a template line ("{{div col}}")
            add_paragraph(line.strip(), heading=True)
        else:
            if items:
                flush()
            paragraph.append(line.strip())
        index += 1
    flush()
    return found


def parse_wikitext(text: str, *, title: str | None = None, source: str, where: str = "<wikitext>",
                   revision: str | None = None, timestamp: str | None = None, wiki: str | None = None,
                   max_chars: int = MAX_PAGE_CHARS) -> Article:
    """Parse a wikitext article; the title comes from ``title`` or the lead's bold name.

    ``source`` is the page's URL ("" when not known), ``revision`` and ``timestamp`` its revision, and
    ``wiki`` the wiki's article base (from the page URL when not given), which the links resolve against.

    :raises FilmgraphError: no title can be found.
    """
    # A revision id and time from a dump or an API answer are used only when they are one.
    checked: list[str] = []
    revision = checked_revision(revision, where, checked)
    timestamp = checked_timestamp(timestamp, where, checked)
    if "\x00" in text:  # an API answer's "\u0000": no parser and no RDF file should see it
        checked.append(f"{where}: {text.count(chr(0))} NUL characters replaced by U+FFFD")
        text = text.replace("\x00", "\ufffd")
    try:
        article, read = _parse_wikitext(text, title=title, source=source, where=where, revision=revision,
                                        timestamp=timestamp, wiki=wiki, max_chars=max_chars)
    except RecursionError as exc:  # markup nested past what the parser can follow
        raise FilmgraphError(f"{where}: markup nested too deeply to read") from exc
    if checked:
        article = replace(article, warnings=(*article.warnings, *checked))
    if _surely_valid(read, title, source, where, wiki, *checked):
        return article  # valid_article would find nothing: its walk over every string of the article is spared
    return valid_article(article)


# What can make a character no UTF-8 file holds out of text that holds none: a numeric character reference
# ("&#xDC00;", which the parser decodes) or a percent-escape of a byte past ASCII (a link target or a page URL,
# unquoted); a named reference is always a character.
_PERCENT_ESCAPE_RE = re.compile(r"%[89A-Fa-f][0-9A-Fa-f]")


def _surely_valid(*texts: str | None) -> bool:
    """Whether an article read from these texts (the page as read, and the reader's other inputs) can hold no lone
    surrogate and no noncharacter: none holds one, nor a reference or an escape that may decode to one."""
    joined = "".join(text for text in texts if text)
    return is_valid(joined) and "&#" not in joined and ("%" not in joined or _PERCENT_ESCAPE_RE.search(joined) is None)


def valid_article(article: Article) -> Article:
    """The article with every lone surrogate and noncharacter of its text (read, or made by a character
    reference such as ``&#xDC00;``) replaced by U+FFFD, with a warning: no later stage sees one."""
    cleaned, count = valid_data(article)
    if not count:
        return article
    return replace(cleaned, warnings=(*cleaned.warnings, replaced_warning(article.where or cleaned.title, count)))


def _first_paragraph(lead_text: str) -> str:
    """The lead's first paragraph of prose: from its first line that opens with a letter or a quote mark (not a
    template's) to the next blank line."""
    found = re.search(r"^[ \t]*(?=[^\W\d_]|')", lead_text, re.MULTILINE)
    return re.split(r"\n\s*\n", lead_text[found.start():], maxsplit=1)[0] if found else ""


def _parse_wikitext(text: str, *, title: str | None, source: str, where: str, revision: str | None,
                    timestamp: str | None, wiki: str | None, max_chars: int) -> tuple[Article, str]:
    """The article, and the page's text as it was read (without references and comments, characters decoded)."""
    if len(text) > max_chars:
        raise FilmgraphError(f"{where}: page of {len(text):,} characters is larger than the limit of {max_chars:,}")
    redirect = _REDIRECT_RE.match(text)
    if redirect:
        raise NotAFilm(f"{where}: redirect to {redirect.group(1).strip()}")
    # References and comments are never read (a reader does not see them in the text), and a citation with
    # a brace missing must not spoil the markup around it: they go before parsing.
    text = read = plain_characters(_balanced(_OPAQUE_RE.sub("", text), where))
    source = canonical_page(source) if source else source  # one page, one URL, however it was written
    if not _SAFE_URL_RE.fullmatch(source):
        source = ""  # a page URL no IRI can hold ("https://x/a b"): the article is named by its title
    if wiki and not _SAFE_URL_RE.fullmatch(wiki):
        wiki = None
    description = _short_description(text)
    # The infobox is cut out by its braces and parsed alone: a stray bracket elsewhere on a real page can
    # make the parser read the whole infobox as text, and one inside it must not spoil the rest.
    span = _infobox_span(text)
    warnings: list[str] = []
    infobox: list[InfoboxField] = []
    if span is not None:
        name = re.split(r"[|}\n<]", text[span[0] + 2:span[1]], maxsplit=1)[0].strip()
        if not is_film_infobox(name):
            raise NotAFilm(f"{where}: not a film article ({name})")
        infobox_code = _parse(text[span[0]:span[1]])
        infobox, _, links = _infobox(infobox_code, warnings, where, span[1] - span[0])
        text = text[:span[0]] + text[span[1]:]
    else:
        links = []
    # The page itself is not parsed as a whole: its sections and links are found by their markup (as the
    # parser finds them: tests/test_wikitext.py), and only each paragraph and item is rendered.
    spans = _nested_spans(text)
    positioned = _page_links(text, spans)
    links += [link for _, link in positioned]
    starts = [start for start, _ in positioned]  # in page order: a section's links are one slice of them
    headings = _headings(text, spans)
    lead_text = text[:headings[0][0]] if headings else text
    if title is None:
        bold = re.search(r"'''(.+?)'''", lead_text)
        title = render(bold.group(1)).strip() if bold else None
    if not title:
        raise FilmgraphError(f"{where}: no title (give one, or bold the film's name in the lead)")
    if span is None and not _FILM_LEAD_RE.search(" ".join(lead_text.split())[:2000]):
        raise NotAFilm(f"{where}: not a film article (no film infobox, and the lead does not call it a film)")
    if _SERIES_LEAD_RE.search(render(_first_paragraph(lead_text))[:600]):
        # A film infobox on a series' page holds every instalment's credits and dates: no one film's.
        raise NotAFilm(f"{where}: not a film article (a series of films)")
    lead_blocks = _blocks(lead_text)
    lead: list[str] = lead_blocks.paragraphs
    parsed: list[Section] = []
    if lead_blocks.lists or lead_blocks.tables:
        # The lead's lists and tables as a section; its blocks keep the paragraphs too (for the lists they
        # introduce: "Interviewees include:"), while its paragraphs are the article's lead.
        parsed.append(Section("Lead", 1, (), tuple(lead_blocks.lists), tuple(lead_blocks.tables),
                              blocks=tuple(lead_blocks.blocks)))
    for number, (_, end, level, heading) in enumerate(headings):
        if level not in (2, 3, 4):
            continue  # a section under a heading of another level is not read (as the parser leaves it)
        following = headings[number + 1][0] if number + 1 < len(headings) else len(text)
        body = _blocks(text[end:following])
        own = positioned[bisect.bisect_left(starts, end):bisect.bisect_left(starts, following)]
        own_links = tuple(dict.fromkeys(link for _, link in own))
        parsed.append(Section(render(heading).strip(), level, tuple(body.paragraphs), tuple(body.lists),
                              tuple(body.tables), own_links, tuple(body.blocks)))
    wiki = wiki or (wiki_at(source).base if "/wiki/" in source else None)
    return Article(title=title, source=source, infobox=tuple(infobox), lead=tuple(lead), sections=tuple(parsed),
                   warnings=tuple(warnings), links=tuple(dict.fromkeys(links)), where=where, description=description,
                   provenance=Provenance(page=source, revision=revision, timestamp=timestamp, wiki=wiki)), read


_SHORT_DESCRIPTION_RE = re.compile(r"\{\{\s*[Ss]hort[ _]description\s*\|(?P<text>(?:[^{}]|\{\{[^{}]*\}\})*)\}\}")


def _short_description(text: str) -> str:
    """The page's {{Short description|…}} as a reader sees it; "none" (a page that asks for none) is none."""
    match = _SHORT_DESCRIPTION_RE.search(text)
    if match is None:
        return ""
    value = re.sub(r"\|\s*(?:noreplace|pagetype\s*=[^|]*)\s*$", "", match["text"]).strip()
    shown = " ".join(render(value).split())
    return "" if shown.casefold() in {"none", ""} else shown


def _links(code: Wikicode) -> list[tuple[str, str]]:
    """(shown text, target page) of each wikilink to an article: no files, categories or other wikis."""
    found = []
    for link in code.filter_wikilinks():
        entry = _link_entry(str(link.title), str(link.text) if link.text else None)
        if entry:
            found.append(entry)
    return found


def looks_like_wikitext(text: str) -> bool:
    """Wikitext, unlike the plain-text format, has no ``= Title =`` line on top, and has an
    ``{{Infobox`` template or the film's name in bold."""
    first = text.lstrip().split("\n", 1)[0].strip()
    if re.fullmatch(r"=[^=].*[^=]=|#\s.+", first):
        return False
    return bool(re.search(r"\{\{\s*[Ii]nfobox", text)) or "\x27\x27\x27" in text
