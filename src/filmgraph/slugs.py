"""Readable IRI segments and file names for any text (used by every stage that names things)."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from filmgraph.reference import fold

_NOT_LETTERS_RE = re.compile(r"[\W_]+")


@lru_cache(maxsize=1024)  # a page names its people, works and bodies again and again
def slug(text: str) -> str:
    """A readable IRI segment for text in any script: letters kept (Latin ones without their accents),
    everything else one hyphen; a long or letterless text ends in a hash of the whole, so that two texts
    never share a slug by being cut or by having no letters.

    >>> slug("Zoë Ağaoğlu"), slug("Critics' Choice Award"), slug("Зеркало"), slug("千と千尋")
    ('zoe-agaoglu', 'critics-choice-award', 'зеркало', '千と千尋')
    >>> slug("!!!") != slug("???"), len(slug("x" * 300)) <= 80
    (True, True)
    """
    folded = fold(text).replace("'", "").replace("’", "")
    readable = _NOT_LETTERS_RE.sub("-", folded).strip("-")
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    if not readable:
        return f"x-{digest}"
    if len(readable) > 80:
        return readable[:71].rstrip("-") + "-" + digest
    return readable
