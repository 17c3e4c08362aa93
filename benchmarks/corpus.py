"""The real Wikipedia corpus (tests/corpus/): what filmgraph makes of it, and how fast.

Prints pages, films written, pages declined (by reason), warnings by kind, facts found/total on the
hand-checked pages (tests/corpus/expected/), and milliseconds per page for read, extract, map, validate
and write. Usage: ``python benchmarks/corpus.py [CORPUS_FOLDER]``.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from factview import expected_facts, facts  # noqa: E402
from filmgraph import RdfFormat, extract_film, map_film, read_article  # noqa: E402
from filmgraph.errors import FilmgraphError, NotAFilm  # noqa: E402
from filmgraph.pipeline import check_graph  # noqa: E402
from filmgraph.rdf.write import serialize  # noqa: E402


def _kind(warning: str) -> str:
    """A warning's kind: its wording without the page, the value and the line."""
    text = re.sub(r"^\S+: (?:line \d+: )?", "", warning)
    text = re.sub(r"'[^']*'|\"[^\"]*\"|\{\{[^}]*\}\}|<[^>]*>", "…", text)
    return text[:70]


def main(folder: Path) -> None:
    pages = sorted(folder.glob("*.wiki"))
    stages = Counter()
    declined: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    written = errors = 0
    for page in pages:
        clock = time.perf_counter()
        try:
            article = read_article(page)
        except NotAFilm as exc:
            declined[str(exc).split(": ", 1)[1].split(" (")[0].split(" to ")[0]] += 1
            continue
        except FilmgraphError:
            errors += 1
            continue
        now = time.perf_counter()
        stages["read"] += now - clock
        film = extract_film(article)
        stages["extract"], clock = stages["extract"] + time.perf_counter() - now, time.perf_counter()
        graph = map_film(film)
        stages["map"], clock = stages["map"] + time.perf_counter() - clock, time.perf_counter()
        found_warnings = list(film.warnings)
        report = check_graph(graph, warnings=found_warnings)
        stages["validate"], clock = stages["validate"] + time.perf_counter() - clock, time.perf_counter()
        for fmt in (RdfFormat.TURTLE, RdfFormat.JSON_LD):
            serialize(graph, fmt, graph_name=article.source)
        stages["write"] += time.perf_counter() - clock
        written += report.conforms
        warnings.update(_kind(w) for w in found_warnings)
    films = max(written, 1)
    print(f"pages: {len(pages)}  films written: {written}  declined: {sum(declined.values())} "
          f"({', '.join(f'{n} {reason}' for reason, n in declined.most_common())})  errors: {errors}")
    print("warnings by kind:")
    for kind, count in warnings.most_common(12):
        print(f"  {count:5d}  {kind}")
    expected_files = sorted((folder / "expected").glob("*.expected.json"))
    total = found = 0
    for path in expected_files:
        page = folder / path.name.replace(".expected.json", ".wiki")
        expected = expected_facts(path)
        got = {f for f in facts(map_film(extract_film(read_article(page)))) if f[0] != "person"}
        total += len(expected)
        found += len(expected & got)
    if total:
        print(f"facts found on {len(expected_files)} hand-checked pages: {found}/{total} = {found / total:.1%}")
    per_stage = "  ".join(f"{name} {seconds * 1000 / films:.1f}" for name, seconds in stages.items())
    print(f"ms per film page: {sum(stages.values()) * 1000 / films:.1f}  ({per_stage})")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "corpus")
