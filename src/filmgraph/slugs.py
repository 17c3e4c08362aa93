"""Readable IRI segments and file names for any text (used by every stage that names things)."""

from __future__ import annotations

import re

from filmgraph.reference import fold


def slug(text: str) -> str:
    """A readable IRI segment.

    >>> slug("Zoë Ağaoğlu"), slug("Critics' Choice Award")
    ('zoe-agaoglu', 'critics-choice-award')
    """
    folded = fold(text).replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "x"
