"""The grammar of every identifier filmgraph takes from outside: Wikidata entity ids, MediaWiki revision ids
and timestamps. A value from a file, a dump or an API answer is used only when it matches; otherwise it is
dropped with a warning (an item id such as ``Q1> <urn:evil>`` would otherwise write a triple of its own, and
one holding a tab and a newline a QuickStatements command of its own).
"""

from __future__ import annotations

import re
from datetime import datetime

ITEM_RE = re.compile(r"Q[1-9][0-9]{0,11}")  # a Wikidata item: Q42
PROPERTY_RE = re.compile(r"P[1-9][0-9]{0,11}")  # a Wikidata property: P57
REVISION_RE = re.compile(r"[1-9][0-9]{0,18}")  # a MediaWiki revision id (oldid): a positive integer
# A revision's time as MediaWiki writes it (API and dumps): 2024-01-01T00:00:00Z.
TIMESTAMP_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?(?:Z|[+-]00:00)")


def _shown(value: object) -> str:
    return repr(str(value)[:40])


def is_item(value: object) -> bool:
    """``value`` is a Wikidata item id.

    >>> is_item("Q42"), is_item("Q0"), is_item("Q1> <urn:evil>"), is_item("Q5\\n")
    (True, False, False, False)
    """
    return isinstance(value, str) and ITEM_RE.fullmatch(value) is not None


def is_property(value: object) -> bool:
    """``value`` is a Wikidata property id.

    >>> is_property("P57"), is_property("P57\\tQ5")
    (True, False)
    """
    return isinstance(value, str) and PROPERTY_RE.fullmatch(value) is not None


def checked_item(value: object, where: str, warnings: list[str] | None = None) -> str | None:
    """The item id ``value``, or None (with a warning) when it is none.

    >>> checked_item("Q1> <urn:evil> <urn:evil", "wiki:Heat", [])
    """
    if value is None or value == "":
        return None
    if is_item(value):
        return str(value)
    if warnings is not None:
        warnings.append(f"{where}: Wikidata item {_shown(value)} is no item id (Q followed by digits); left out")
    return None


def checked_revision(value: object, where: str, warnings: list[str] | None = None) -> str | None:
    """The revision id ``value`` as text, or None (with a warning) when it is none.

    >>> checked_revision(1234, "wiki:Heat"), checked_revision("-1", "wiki:Heat", [])
    ('1234', None)
    """
    if value is None or value == "":
        return None
    text = str(value) if isinstance(value, int | str) and not isinstance(value, bool) else ""
    if REVISION_RE.fullmatch(text):
        return text
    if warnings is not None:
        warnings.append(f"{where}: revision id {_shown(value)} is no revision id (a positive integer); left out")
    return None


def checked_timestamp(value: object, where: str, warnings: list[str] | None = None) -> str | None:
    """The revision time ``value`` (ISO 8601, UTC, as MediaWiki writes it), or None (with a warning) when it is
    none, or no real time.

    >>> checked_timestamp("2024-01-01T00:00:00Z", "wiki:Heat"), checked_timestamp("not a date", "wiki:Heat", [])
    ('2024-01-01T00:00:00Z', None)
    """
    if value is None or value == "":
        return None
    text = str(value) if isinstance(value, str) else ""
    if TIMESTAMP_RE.fullmatch(text):
        try:
            datetime.fromisoformat(text.replace("Z", "+00:00"))
            return text
        except ValueError:
            pass  # 2024-13-45T…: the shape of a time, but none
    if warnings is not None:
        warnings.append(f"{where}: revision time {_shown(value)} is no ISO 8601 time; left out")
    return None
