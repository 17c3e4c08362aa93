"""Facts no careful reader would accept, found without annotation (``filmgraph.audit``).

Prints one line per flag (page, kind, the offending value), then the count of each kind. Usage:
``python benchmarks/audit.py FOLDER_OR_DUMP...`` (default: the real pages in tests/corpus/).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from filmgraph.audit import audit, count_flags  # noqa: E402


def main(inputs: list[str]) -> None:
    flags = []
    pages = films = 0
    for result in audit(inputs):
        pages += 1
        if result.error:
            if not result.skipped:
                print(f"Error: {result.error}", file=sys.stderr)
            continue
        films += 1
        for flag in result.flags:
            print(flag)
        flags.extend(result.flags)
    print(f"\n{len(flags)} flags on {films} films ({pages} pages):")
    for kind, count in count_flags(flags).items():
        print(f"  {count:5d}  {kind.value}")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(ROOT / "tests" / "corpus")])
