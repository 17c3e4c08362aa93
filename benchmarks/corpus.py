"""The real Wikipedia corpus (tests/corpus/): what filmgraph makes of it, how right it is, and how fast.

Prints pages, films written, pages declined (by reason) and warnings by kind; facts found/total on every
annotated page, scored by the shared checker (``../shared/tools/check_facts.py`` beside this repository):
the pages of ``../shared/corpus/annotated/`` and the project's own ``tests/corpus/expected/*.expected.json``
in the checker's format (a "title" key), overall and by kind of fact, with the wins no annotation states;
the plausibility audit's counts by kind (``benchmarks/audit.py`` lists the flags); and milliseconds per page
for read, extract, map, validate and write. Usage: ``python benchmarks/corpus.py [CORPUS_FOLDER]``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from stages import report, time_stages  # noqa: E402

from factview import expected_facts, facts  # noqa: E402
from filmgraph import RdfFormat, extract_film, map_film, read_article  # noqa: E402
from filmgraph.audit import audit, count_flags  # noqa: E402
from filmgraph.pipeline import export_one, warning_kind  # noqa: E402
from filmgraph.read.wikitext import parse_wikitext  # noqa: E402

SHARED = ROOT.parent / "shared"
CHECKER = SHARED / "tools" / "check_facts.py"
ANNOTATED = SHARED / "corpus" / "annotated"
WRITTEN = ROOT / "tests" / "written"  # pages written for the project, with expected facts (tests/written/README.md)
# The checker's fact lines start with their kind: one word ("director Ann Berg", "won Best Film"), or these.
LONG_KINDS = ("original title", "production company", "filming location", "nominated, not won", "one node",
              "distinct nodes")


def _kind(warning: str) -> str:
    """A warning's kind across pages: its wording without the page, the line and the values it names."""
    return re.sub(r"^\S+: (?:line …: )?", "", warning_kind(warning))[:70]


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
    score_annotated(folder)
    score_older_format(folder)
    print_audit(folder)
    texts = [(page, page.read_text(encoding="utf-8")) for page in pages]
    time_stages(texts[:5], _read)  # warm up: the shapes are compiled, the tables read, once per process
    films, fast, slow = time_stages(texts, _read)
    print(f"ms per film page, end to end as a bulk export writes it (N-Quads), {films} film pages "
          "(target: fast path ≤ 15 ms):")
    report("fast path", films, fast)
    report("rdflib path", films, slow)


@dataclass
class Score:
    """What the checker found of one page's facts: (kind, found) per fact, and the wins it did not expect."""

    page: str
    results: list[tuple[str, bool]] = field(default_factory=list)
    facts: dict[str, bool] = field(default_factory=dict)
    invented_wins: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def found(self) -> int:
        return sum(ok for _, ok in self.results)


def annotated_pages(folder: Path) -> list[tuple[Path, Path]]:
    """(page, expected facts) of every page annotated in the checker's format: the shared ones, and the
    project's own whose file has a "title" key (files in the older format, with a "facts" key, are left out)."""
    pairs = [(page, page.with_suffix(".expected.json")) for page in sorted(ANNOTATED.glob("*.wiki"))]
    # The project's own annotated pages: real ones (tests/corpus), and pages written for it (tests/written).
    for pages in (folder, WRITTEN):
        for expected in sorted((pages / "expected").glob("*.expected.json")):
            page = pages / expected.name.replace(".expected.json", ".wiki")
            if page.exists() and "title" in json.loads(expected.read_text(encoding="utf-8")):
                pairs.append((page, expected))
    return [(page, expected) for page, expected in pairs if expected.exists()]


def fact_kind(fact: str) -> str:
    """The kind of one of the checker's facts: "cast Ann Berg as Elsa" → cast."""
    return next((kind for kind in LONG_KINDS if fact.startswith(kind)), fact.split(" ", 1)[0])


def score(page: Path, expected: Path) -> Score:
    """Export the page as Turtle and ask the checker about every expected fact."""
    result = Score(page.name)
    with tempfile.TemporaryDirectory() as out:
        exported = export_one(page, output_dir=out, formats=[RdfFormat.TURTLE])
        if exported.error or not exported.written:
            result.error = exported.error or "; ".join(exported.violations[:2]) or "nothing written"
            return result
        checked = subprocess.run([sys.executable, str(CHECKER), str(exported.written[0]), str(expected), "--verbose"],
                                 capture_output=True, text=True)
    if checked.returncode:
        result.error = (checked.stderr.strip().splitlines() or ["the checker failed"])[-1]
        return result
    for line in checked.stdout.splitlines():
        fact = re.match(r"^(ok  |MISS) \[\w+\] (.*)$", line)
        if fact:
            result.results.append((fact_kind(fact[2]), fact[1] == "ok  "))
            result.facts[fact[2]] = fact[1] == "ok  "
        elif line.startswith("INVENTED WIN: "):
            result.invented_wins.append(line.removeprefix("INVENTED WIN: "))
    return result


def score_annotated(folder: Path) -> None:
    if not CHECKER.exists():
        print(f"annotated pages: not scored: the checker {CHECKER} is missing (it lives in the shared folder "
              "beside this repository: ../shared/tools/check_facts.py)")
        return
    pairs = annotated_pages(folder)
    print(f"facts found on {len(pairs)} annotated pages (check_facts.py, schema.org and Wikidata-style facts):")
    by_kind: dict[str, list[int]] = {}
    found = total = 0
    invented: list[str] = []
    for page, expected in pairs:
        result = score(page, expected)
        if result.error:
            print(f"  {page.name}: not scored: {result.error}")
            continue
        count = len(result.results)
        found, total = found + result.found, total + count
        invented += [f"{page.name}: {win}" for win in result.invented_wins]
        for kind, ok in result.results:
            tally = by_kind.setdefault(kind, [0, 0])
            tally[0] += ok
            tally[1] += 1
        print(f"  {page.name}: {result.found}/{count} = {result.found / max(count, 1):.1%}, "
              f"{len(result.invented_wins)} invented wins")
    print(f"  all: {found}/{total} = {found / max(total, 1):.1%}, {len(invented)} invented wins")
    print("  by kind of fact:")
    for kind, (hit, count) in sorted(by_kind.items(), key=lambda item: -item[1][1]):
        print(f"    {kind:20s} {hit:5d}/{count:<5d} = {hit / count:.1%}")
    for win in invented:
        print(f"  invented win: {win}")


def score_older_format(folder: Path) -> None:
    """The project's annotations in the older format (a "facts" list, compared by tests/factview.py)."""
    older = [path for path in sorted((folder / "expected").glob("*.expected.json"))
             if "facts" in json.loads(path.read_text(encoding="utf-8"))]
    total = found = 0
    for path in older:
        page = folder / path.name.replace(".expected.json", ".wiki")
        expected = expected_facts(path)
        got = {f for f in facts(map_film(extract_film(read_article(page)))) if f[0] != "person"}
        total += len(expected)
        found += len(expected & got)
    if total:
        print(f"facts found on {len(older)} hand-checked pages in the older format (factview): "
              f"{found}/{total} = {found / total:.1%}")


def print_audit(folder: Path) -> None:
    results = [r for r in audit([folder]) if not r.error]
    counts = count_flags(flag for result in results for flag in result.flags)
    print(f"plausibility audit on {len(results)} films: {sum(counts.values())} flags (target 0; "
          "benchmarks/audit.py lists them)")
    for kind, count in counts.items():
        print(f"  {count:5d}  {kind.value}")


def _read(item: object) -> object:
    page, text = item
    return parse_wikitext(text, source="", where=str(page))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "corpus")
