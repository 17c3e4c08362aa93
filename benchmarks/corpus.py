"""The real Wikipedia corpus (tests/corpus/): what filmgraph makes of it, and how fast.

Prints pages, films written, pages declined (by reason), warnings by kind, facts found/total on the
hand-checked pages (tests/corpus/expected/), and milliseconds per page for read, extract, map, validate
and write. Usage: ``python benchmarks/corpus.py [CORPUS_FOLDER]``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from stages import report, time_stages  # noqa: E402

from factview import expected_facts, facts  # noqa: E402
from filmgraph import RdfFormat, extract_film, map_film, read_article  # noqa: E402
from filmgraph.pipeline import export_one  # noqa: E402
from filmgraph.read.wikitext import parse_wikitext  # noqa: E402


def _kind(warning: str) -> str:
    """A warning's kind: its wording without the page, the value and the line."""
    text = re.sub(r"^\S+: (?:line \d+: )?", "", warning)
    text = re.sub(r"'[^']*'|\"[^\"]*\"|\{\{[^}]*\}\}|<[^>]*>", "…", text)
    return text[:70]


def main(folder: Path) -> None:
    pages = sorted(folder.glob("*.wiki"))
    declined: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    written = errors = 0
    for page in pages:
        result = export_one(page, output_dir=None, formats=[RdfFormat.N_QUADS])
        if result.skipped:
            declined[result.error.split(": ", 1)[1].split(" (")[0].split(" to ")[0]] += 1
        elif result.error or result.violations:
            errors += 1
        else:
            written += 1
            warnings.update(_kind(w) for w in result.warnings)
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
    texts = [(page, page.read_text(encoding="utf-8")) for page in pages]
    time_stages(texts[:5], _read)  # warm up: the shapes are compiled, the tables read, once per process
    films, fast, slow = time_stages(texts, _read)
    print(f"ms per film page, end to end as a bulk export writes it (N-Quads), {films} film pages "
          "(target: fast path ≤ 15 ms):")
    report("fast path", films, fast)
    report("rdflib path", films, slow)


def _read(item: object) -> object:
    page, text = item
    return parse_wikitext(text, source="", where=str(page))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "corpus")
