"""A film page compiles almost no regular expression of its own.

Python's ``re`` keeps the 512 patterns compiled last and drops the oldest: a pattern built from a page's words
(``re.search(rf"…{re.escape(title)}…")``) is compiled for that page and pushes out patterns every page uses, which
are then compiled again. A change that did so cost 3–6 ms a film (issue 20); this test keeps it from coming back.
"""

from __future__ import annotations

import re
from pathlib import Path

from filmgraph import extract_film
from filmgraph.errors import FilmgraphError
from filmgraph.read.wikitext import parse_wikitext

CORPUS = Path(__file__).parent / "corpus"


def _extract_all(pages: list[Path]) -> int:
    films = 0
    for page in pages:
        try:
            extract_film(parse_wikitext(page.read_text(encoding="utf-8"), source="https://en.wikipedia.org/wiki/X"))
        except FilmgraphError:
            continue  # a page that is no film (a series, a redirect) costs nothing here
        films += 1
    return films


def test_a_film_page_compiles_fewer_than_two_patterns_of_its_own(monkeypatch) -> None:
    pages = sorted(CORPUS.glob("*.wiki"))
    # Every pattern the pages use is compiled once and cached; a second reading compiles only what the pages'
    # own patterns pushed out of the cache, and those patterns themselves.
    _extract_all(pages)
    compiled: list[str] = []
    compile_pattern = re._compiler.compile  # type: ignore[attr-defined]

    def counting(pattern, flags=0):  # noqa: ANN001, ANN202 - re's own signature
        compiled.append(pattern if isinstance(pattern, str) else repr(pattern))
        return compile_pattern(pattern, flags)

    monkeypatch.setattr(re._compiler, "compile", counting)  # type: ignore[attr-defined]
    films = _extract_all(pages)
    assert films >= 80
    assert len(compiled) <= 2 * films, f"{len(compiled)} patterns compiled for {films} films: {compiled[:10]}"
