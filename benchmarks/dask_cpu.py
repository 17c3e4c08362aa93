"""CPU of a Dask run against --jobs on one machine: the same export, timed and its CPU summed over all processes.

Exports N synthetic articles (a folder) and a single-stream dump of them, each with ``--jobs 2`` and with
``--scheduler local --jobs 2`` (a local Dask cluster of two worker processes), and prints wall time, the CPU of
every process the run started (user + system, children included) and the ratio Dask / --jobs.
Usage: ``python benchmarks/dask_cpu.py [N]`` (default 300). Target: Dask within 1.1× the CPU of --jobs.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from export_throughput import write_dump
from synthetic import write_articles


def _run(arguments: list[str]) -> tuple[float, float]:
    """Wall time and the CPU of the run's processes (the command, its workers, their children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    begin = time.perf_counter()
    subprocess.run([sys.executable, "-m", "filmgraph", "export", *arguments], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ)
    wall = time.perf_counter() - begin
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        articles = write_articles(root, count)
        dump = root / "enwiki-bench.xml.bz2"
        write_dump(dump, count)
        for label, source in (("folder", articles), ("single-stream dump", dump)):
            jobs = _run([str(source), "-o", str(root / f"{label}-jobs"), "-j", "2", "--layout", "shards"])
            dask = _run([str(source), "-o", str(root / f"{label}-dask"), "-j", "2", "--layout", "shards",
                         "--scheduler", "local", "--connect-timeout", "60"])
            print(f"{label}, N = {count}: --jobs 2 {jobs[0]:6.1f} s wall {jobs[1]:6.1f} s CPU; "
                  f"--scheduler local -j 2 {dask[0]:6.1f} s wall {dask[1]:6.1f} s CPU = {dask[1] / jobs[1]:.2f}× CPU")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
