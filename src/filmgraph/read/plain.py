"""Read the plain-text article format into an :class:`~filmgraph.model.Article`.

The format: a ``= Title =`` line, an ``Infobox`` block of ``- Key: Value`` lines (or ``| key = value``
template lines, with values indented under a key), lead paragraphs, ``==Section==`` headings,
bullet lists and pipe tables. Odd text is read as well as it can be; only input that has no
article in it at all (no title, not text) is an error.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from filmgraph.errors import FilmgraphError
from filmgraph.model import Article, Block, BlockKind, InfoboxField, Provenance, Section, Table
from filmgraph.pages import canonical_page
from filmgraph.read.tables import expand_rows
from filmgraph.read.wikitext import MAX_PAGE_CHARS, looks_like_wikitext, parse_wikitext, valid_article
from filmgraph.text import plain_characters

_TITLE_RE = re.compile(r"^\s*=(?!=)\s*(?P<title>[^=].*?)\s*=\s*$|^\s*#(?!#)\s+(?P<md>.+?)\s*$")
_HEADING_RE = re.compile(r"^\s*(?P<level>={2,6})\s*(?P<title>.+?)\s*=+\s*$|^\s*(?P<md>#{2,6})\s+(?P<mdtitle>.+?)\s*$")
_INFOBOX_RE = re.compile(r"^\s*\{?\{?\s*infobox\b.*$", re.IGNORECASE)
_BULLET_RE = re.compile(r"^(?P<indent>\s*)(?:[-*•#]|\d+\.)\s+(?P<text>.*)$")
_KEY_VALUE_RE = re.compile(
    r"^\s*(?:[-*•|]\s*)?(?P<key>[A-Za-z][\w ()/'’&.-]{0,40}?)\s*(?::|=)\s*(?P<value>.*?)\s*$"
)
_TABLE_SEPARATOR_RE = re.compile(r"^\|?[\s:|-]+\|?$")


def decode(data: bytes, where: str, warnings: list[str] | None = None) -> str:
    """Bytes → text, refusing what is not UTF-8 text. A stray NUL byte in a text (a damaged copy, a fuzzed
    file) is replaced by U+FFFD with a warning added to ``warnings``; a file with many is binary.

    >>> decode(b"\\xff\\xfe", "x.txt")
    Traceback (most recent call last):
    filmgraph.errors.FilmgraphError: x.txt: not UTF-8 text (byte 0xff at offset 0)
    >>> decode(b"= Heat =\\nDirector: Michael\\x00 Mann\\n", "x.txt")
    '= Heat =\\nDirector: Michael\\ufffd Mann\\n'
    """
    nuls = data.count(b"\x00")
    if nuls:
        # An image, an archive or UTF-16 text holds NUL bytes in its first bytes (a format's header, a BOM's
        # code unit) and all through; a text damaged here and there holds a few (at most one byte in a hundred).
        if nuls > max(2, len(data) // 100) or b"\x00" in data[:16]:
            raise FilmgraphError(f"{where}: binary file, not an article")
        data = data.replace(b"\x00", "\ufffd".encode("utf-8"))
        if warnings is not None:
            warnings.append(f"{where}: {nuls} NUL byte{'s' * (nuls != 1)} replaced by U+FFFD")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FilmgraphError(
            f"{where}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from exc
    if not text.strip():
        raise FilmgraphError(f"{where}: empty file")
    return text


# The most bytes an article file may hold: the page-size limit in characters of four bytes each at most.
MAX_ARTICLE_BYTES = 4 * MAX_PAGE_CHARS


def read_bounded(stream: BinaryIO, where: str) -> bytes:
    """An article's bytes, read no further than :data:`MAX_ARTICLE_BYTES`: a larger input is refused before
    it is held, however large it is (or endless, as a pipe can be).

    >>> import io
    >>> read_bounded(io.BytesIO(b"x" * (MAX_ARTICLE_BYTES + 1)), "big.txt")
    Traceback (most recent call last):
    filmgraph.errors.FilmgraphError: big.txt: larger than 8,000,000 bytes: no article is this large
    """
    data = stream.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise FilmgraphError(f"{where}: larger than {MAX_ARTICLE_BYTES:,} bytes: no article is this large")
    return data


def read_article(path: str | Path, *, source_url: str | None = None) -> Article:
    """Read an article file (plain-text format, or wikitext when it holds ``{{Infobox``).

    ``source_url`` is the page the file was saved from; facts are credited to it. Without one the
    article has no page, and its identity comes from its title, never from the file's path.

    :raises FilmgraphError: the file is missing, unreadable, empty, binary or has no title.
    """
    path = Path(path)
    try:
        with path.open("rb") as stream:
            data = read_bounded(stream, str(path))
    except OSError as exc:
        raise FilmgraphError(f"{path}: {exc.strerror or 'cannot read file'}") from exc
    warnings: list[str] = []
    text = decode(data, str(path), warnings)
    if path.suffix.lower() in (".wiki", ".wikitext", ".mediawiki") or looks_like_wikitext(text):
        article = parse_wikitext(text, source=source_url or "", where=str(path))
    else:
        article = parse_article(text, source=source_url or "", where=str(path))
    return replace(article, where=path.name, warnings=(*warnings, *article.warnings))


def parse_article(text: str, *, source: str, where: str = "<article>") -> Article:
    """Parse plain-text article ``text``; ``source`` is the IRI the facts will be credited to.

    >>> a = parse_article("= Heat =\\nInfobox\\n- Director: Michael Mann\\n\\nHeat is a film.", source="urn:x")
    >>> a.title, a.infobox[0].label, a.infobox[0].values, a.lead
    ('Heat', 'Director', ('Michael Mann',), ('Heat is a film.',))
    """
    if len(text) > MAX_PAGE_CHARS:
        raise FilmgraphError(f"{where}: page of {len(text):,} characters is larger than the limit of "
                             f"{MAX_PAGE_CHARS:,}")
    text = plain_characters(text)  # "Ann&nbsp;Berg" and "Ann\u00a0Berg" are "Ann Berg", as in wikitext
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ").split("\n")
    title, position = _find_title(lines, where)
    infobox, position = _read_infobox(lines, position)
    sections: list[Section] = []
    warnings: list[str] = []
    lead_blocks, position = _read_blocks(lines, position, where, warnings)
    lead = lead_blocks.paragraphs
    if lead_blocks.lists or lead_blocks.tables:
        # The lead's lists and tables as a section; its blocks keep the paragraphs too (for the lists they
        # introduce: "Interviewees include:"), while its paragraphs are the article's lead.
        sections.append(Section("Lead", 1, (), lead_blocks.lists, lead_blocks.tables,
                                blocks=tuple(lead_blocks.blocks)))
    while position < len(lines):
        heading = _HEADING_RE.match(lines[position])
        assert heading is not None
        level = len(heading["level"] or heading["md"])
        name = (heading["title"] or heading["mdtitle"]).strip()
        body, position = _read_blocks(lines, position + 1, where, warnings)
        sections.append(Section(name, level, body.paragraphs, body.lists, body.tables, blocks=body.blocks))
    source = canonical_page(source) if source else source  # one page, one URL, however it was written
    return valid_article(Article(title=title, source=source, infobox=tuple(infobox), lead=lead,
                                 sections=tuple(sections), provenance=Provenance(page=source), where=where,
                                 warnings=tuple(warnings)))


def _find_title(lines: list[str], where: str) -> tuple[str, int]:
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        match = _TITLE_RE.match(line)
        if match:
            return (match["title"] or match["md"]).strip(), number + 1
        break
    raise FilmgraphError(f"{where}: no title line ('= Title =') at the top of the article")


def _read_infobox(lines: list[str], position: int) -> tuple[list[InfoboxField], int]:
    while position < len(lines) and not lines[position].strip():
        position += 1
    if position >= len(lines) or not _INFOBOX_RE.match(lines[position]):
        return [], position
    position += 1
    fields: list[tuple[str, list[str], int]] = []
    while position < len(lines):
        line = lines[position]
        stripped = line.strip()
        if not stripped or stripped in {"}}", "|}"}:
            position += 1
            if not stripped and not _continues_infobox(lines, position):
                break
            continue
        bullet = _BULLET_RE.match(line)
        indented = len(line) - len(line.lstrip()) >= 2
        if fields and indented and bullet:
            fields[-1][1].append(bullet["text"].strip())
        else:
            pair = _KEY_VALUE_RE.match(line)
            if not pair:
                break
            value = pair["value"].strip()
            fields.append((pair["key"].strip(), [value] if value else [], position + 1))
        position += 1
    result = [InfoboxField(key, tuple(values), line) for key, values, line in fields]
    return result, position


def _continues_infobox(lines: list[str], position: int) -> bool:
    while position < len(lines) and not lines[position].strip():
        position += 1
    return position < len(lines) and bool(re.match(r"^\s*[-*•|]\s*[\w ]{1,40}\s*[:=]", lines[position]))


class _Blocks:
    def __init__(self) -> None:
        self.paragraphs: tuple[str, ...] = ()
        self.lists: tuple[tuple[str, ...], ...] = ()
        self.tables: tuple[Table, ...] = ()
        self.blocks: tuple[Block, ...] = ()


def _read_blocks(lines: list[str], position: int, where: str, warnings: list[str]) -> tuple[_Blocks, int]:
    """Read paragraphs, lists and tables up to the next heading."""
    paragraphs: list[str] = []
    lists: list[tuple[str, ...]] = []
    tables: list[Table] = []
    paragraph: list[str] = []
    items: list[str] = []
    table_rows: list[tuple[int, list[str]]] = []
    ordered: list[Block] = []

    def flush() -> None:
        if paragraph:
            paragraphs.append(" ".join(paragraph))
            ordered.append(Block(BlockKind.PARAGRAPH, paragraphs[-1]))
            paragraph.clear()
        if items:
            lists.append(tuple(items))
            ordered.extend(Block(BlockKind.ITEM, item, 1) for item in items)
            items.clear()
        if table_rows:
            ordered.append(Block(BlockKind.TABLE, table=len(tables)))
            tables.append(_make_table(table_rows, where, warnings))
            table_rows.clear()

    while position < len(lines) and not _HEADING_RE.match(lines[position]):
        line = lines[position]
        stripped = line.strip()
        bullet = _BULLET_RE.match(line)
        if not stripped:
            flush()
        elif stripped.startswith("|"):
            if paragraph or items:
                flush()
            if not _TABLE_SEPARATOR_RE.match(stripped):
                table_rows.append((position + 1, _split_cells(stripped)))
        elif bullet:
            if paragraph or table_rows:
                flush()
            items.append(bullet["text"].strip())
        else:
            if items or table_rows:
                flush()
            paragraph.append(stripped)
        position += 1
    flush()
    blocks = _Blocks()
    blocks.paragraphs, blocks.lists, blocks.tables = tuple(paragraphs), tuple(lists), tuple(tables)
    blocks.blocks = tuple(ordered)
    return blocks, position


def _split_cells(row: str) -> list[str]:
    inner = row[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [cell.strip() for cell in inner.split("|")]


def _make_table(rows: list[tuple[int, list[str]]], where: str, warnings: list[str]) -> Table:
    (header_line, header), body = rows[0], rows[1:]
    full_header, full_rows = expand_rows(header, body, where, warnings)
    return Table(tuple(full_header), tuple(tuple(r) for r in full_rows), header_line)
