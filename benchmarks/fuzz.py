"""Coverage-guided fuzzing of the readers with atheris (not run in CI).

Runs for the given seconds over mutations of the test articles, through the plain-text and wikitext readers
and the whole export, and prints executions and crashes. A crash is any exception other than
FilmgraphError (which is the clean one-line failure); each is saved under ``benchmarks/crashes/`` to become
a regression test in ``tests/hostile/``. Usage: ``pip install atheris; python benchmarks/fuzz.py [SECONDS]``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CRASHES = Path(__file__).resolve().parent / "crashes"


def main() -> None:
    try:
        import atheris
    except ImportError:
        print("atheris is not installed: pip install atheris")
        sys.exit(2)
    with atheris.instrument_imports():
        from filmgraph import RdfFormat
        from filmgraph.errors import FilmgraphError
        from filmgraph.pipeline import export_one
        from filmgraph.read.dump import Job
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
    deadline = time.monotonic() + seconds
    executions = crashes = 0

    def one_input(data: bytes) -> None:
        nonlocal executions, crashes
        executions += 1
        if time.monotonic() > deadline:
            print(f"executions: {executions}  crashes: {crashes}", flush=True)
            os._exit(0)  # libFuzzer counts sys.exit as a crash of the target
        text = data.decode("utf-8", "replace")
        try:
            for job in (Job("fuzz.wiki", text=text, source=""),):
                export_one(job, output_dir=None, formats=(RdfFormat.N_TRIPLES, RdfFormat.JSON_LD))
        except FilmgraphError:
            pass
        except Exception as exc:  # noqa: BLE001 - a fuzzer reports every other exception as a crash
            crashes += 1
            CRASHES.mkdir(exist_ok=True)
            (CRASHES / f"crash-{crashes}.wiki").write_bytes(data)
            print(f"crash {crashes}: {type(exc).__name__}: {exc}"[:200])

    seeds = [p.read_bytes() for p in sorted((ROOT / "tests" / "articles").glob("*")) if p.suffix in (".txt", ".wiki")]
    corpus = CRASHES.parent / "fuzz-seeds"
    corpus.mkdir(exist_ok=True)
    for index, seed in enumerate(seeds):
        (corpus / f"seed-{index}").write_bytes(seed)
    atheris.Setup([sys.argv[0], str(corpus), "-rss_limit_mb=4096"], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
