"""Pipe tables whose rowspans were flattened: put each short row's cells back under their columns.

A flattened row has lost the cells that spanned it from above. Which cells it lost is read from
the cells' contents (a date can only stand under a date column, "Won" under a result column,
"Best Director" under a category column); where contents do not decide, the row is taken to
continue the row above, as the flattening does, and inherits its leading cells.
"""

from __future__ import annotations

import re

from filmgraph.dates import parse_date
from filmgraph.errors import FilmgraphError
from filmgraph.reference import RESULT_WORDS
from filmgraph.text import UPPER

# Header words → column role, tried in this order (a header "Date of ceremony" is a date column).
HEADER_ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("date", ("date", "year")),
    ("result", ("result", "outcome", "status")),
    ("category", ("category", "categories", "subject")),
    ("recipient", ("recipient", "nominee", "nominated", "work", "name", "honoree", "winner", "person", "people",
                   "laureate", "awardee")),
    ("body", ("award", "festival", "organization", "organisation", "ceremony", "event", "body", "group")),
    ("reference", ("ref", "source")),
)
SYNTHETIC_HEADERS = {"recipient": "Recipient(s)", "result": "Result"}
_CATEGORY_RE = re.compile(r"^(best|outstanding|most|special|grand|golden|silver|audience|jury|critics)\b|"
                          r"\b(award|prize|mention|choice)\b", re.IGNORECASE)
_BODY_RE = re.compile(r"\b(awards|festival|fest|filmfest|academy|guild|circle|society|association|market|"
                      r"affair|critics|oscars|globes|baftas)\b", re.IGNORECASE)
_PERSONISH_RE = re.compile(rf"^([\"“].+|[{UPPER}][\w'’.-]*(\s+[\w'’.-]+){{1,4}})$")


def is_result_word(cell: str) -> bool:
    """Example:

    >>> is_result_word("Won"), is_result_word("Nominated"), is_result_word("Best Director")
    (True, True, False)
    """
    return cell.strip().strip("*").casefold() in RESULT_WORDS


def header_roles(header: list[str]) -> list[str]:
    """The role of each header cell ("other" when no word decides).

    >>> header_roles(["Award / Film Festival", "Date of ceremony", "Category", "Result"])
    ['body', 'date', 'category', 'result']
    """
    roles = []
    for cell in header:
        words = re.findall(r"[a-z]+", cell.casefold())
        role = next((role for role, keys in HEADER_ROLES if any(w.startswith(keys) for w in words)), "other")
        roles.append(role)
    return roles


_CONTENT_ROLES = ("date", "body", "category", "recipient", "result")


def table_roles(header: list[str], rows: list[list[str]] | tuple[tuple[str, ...], ...]) -> list[str]:
    """The role of each column of an awards table: its header's, unless its cells say otherwise throughout.

    A header can be wrong ("Year | Organization | Award | Result" over cells of bodies, categories and
    recipients): a column whose cells contradict its header's role more than they fit it takes the free role that
    most of its cells fit.

    >>> table_roles(["Year", "Organization", "Award", "Result"], [["Academy Awards", "Best Original Score",
    ...     "John Williams", "Nominated"], ["Saturn Awards", "Best Director", "Irvin Kershner", "Won"]])
    ['body', 'category', 'recipient', 'result']
    >>> table_roles(["Year", "Award", "Category", "Result"], [["1981", "Saturn Awards", "Best Director", "Won"]])
    ['date', 'body', 'category', 'result']
    """
    roles = header_roles(header)

    def fits(column: int, role: str) -> int:
        """How many of the column's cells fit the role, less those that contradict it."""
        cells = [row[column] for row in rows if column < len(row) and row[column].strip()]
        return sum((score > 0) - (score < 0) for score in (_cell_score(cell, role) for cell in cells))

    def cells_in(column: int) -> int:
        return sum(1 for row in rows if column < len(row) and row[column].strip())

    wrong = {column for column, role in enumerate(roles) if role in _CONTENT_ROLES and fits(column, role) < 0}
    taken = {role for column, role in enumerate(roles) if column not in wrong}
    # The best fits first: each wrong column takes the free role most of its cells fit, if any does.
    choices = sorted(((fits(column, role), column, role) for column in wrong for role in _CONTENT_ROLES
                      if role not in taken), reverse=True)
    for fit, column, role in choices:
        if column in wrong and role not in taken and fit * 2 >= cells_in(column) > 0:
            roles[column] = role
            wrong.discard(column)
            taken.add(role)
    return roles


def _cell_score(cell: str, role: str) -> int:
    if not cell:
        return 0
    is_date = parse_date(cell) is not None
    is_result = is_result_word(cell)
    if role == "date":
        return 3 if is_date else -3
    if role == "result":
        return 3 if is_result else -3
    if is_date or is_result:
        return -3
    looks_category = bool(_CATEGORY_RE.search(cell)) and not _BODY_RE.search(cell)
    if role == "category":
        return 1 if looks_category else -1
    if role == "body":
        return 1 if _BODY_RE.search(cell) else (-2 if looks_category else -1)
    if role == "recipient":
        return -2 if looks_category else (1 if _PERSONISH_RE.match(cell) else 0)
    return 0


def _skip(message: str, warnings: list[str] | None) -> None:
    if warnings is None:
        raise FilmgraphError(message)
    warnings.append(f"{message}; the row was left out")


def expand_rows(header: list[str], rows: list[tuple[int, list[str]]], where: str,
                warnings: list[str] | None = None) -> tuple[list[str], list[list[str]]]:
    """Give every row a cell under each column, inheriting the leading cells a flattened row lost.

    ``rows`` are (line number, cells). Returns the header (with a recipient or result column added
    when rows hold one the header does not name) and the full rows. A row that fits nowhere is left out
    with a line in ``warnings`` (raised as FilmgraphError when no list is given).

    >>> header, rows = expand_rows(["Award", "Date", "Category"], [
    ...     (2, ["Robert Awards", "31 January 2026", "Best Film"]),
    ...     (3, ["Best Director", "Ann Berg", ""]),
    ...     (4, ["Carl Holm", "", ""])], "t.txt")
    >>> header
    ['Award', 'Date', 'Category', 'Recipient(s)']
    >>> rows[2]
    ['Robert Awards', '31 January 2026', 'Best Director', 'Carl Holm']
    """
    roles = header_roles(header)
    header = list(header)
    trimmed = []
    for line, cells in rows:
        cells = [c.strip() for c in cells]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            trimmed.append((line, cells))
    if "category" in roles and "recipient" not in roles:
        at = roles.index("result") if "result" in roles else len(roles)
        roles.insert(at, "recipient")
        header.insert(at, SYNTHETIC_HEADERS["recipient"])
    if "result" not in roles and any(is_result_word(c) for _, cells in trimmed for c in cells):
        roles.append("result")
        header.append(SYNTHETIC_HEADERS["result"])
    width = len(roles)
    expanded: list[list[str]] = []
    for line, cells in trimmed:
        if len(cells) > width:
            _skip(f"{where}: line {line}: row has {len(cells)} cells, header has {width}", warnings)
            continue
        def score(start: int, cells: list[str] = cells) -> int:
            return sum(_cell_score(cell, roles[start + i]) for i, cell in enumerate(cells))

        # Highest score wins; on a tie the row continues the one above (the largest offset). A first
        # row has nothing to continue: it starts at the first column unless its cells contradict that.
        offsets = range(width - len(cells) + 1) if expanded else [0] if score(0) >= 0 else []
        start = max(offsets, key=lambda s: (score(s), s)) if offsets else 1
        if start and not expanded:
            _skip(f"{where}: line {line}: row has {len(cells)} cells, header has {width}, and no row above to "
                  "continue", warnings)
            continue
        inherited = expanded[-1][:start] if start else []
        expanded.append(inherited + cells + [""] * (width - start - len(cells)))
    return header, expanded
