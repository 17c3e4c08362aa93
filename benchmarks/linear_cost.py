"""Name resolution and nomination merging at scale: a cast of N and N accolade rows.

Prints seconds for a cast of 2,000 and for 5,000 accolade rows (target: under a second each).
Usage: ``python benchmarks/linear_cost.py [CAST ROWS]``.
"""

from __future__ import annotations

import random
import string
import sys
import time

from filmgraph import extract_film
from filmgraph.read.plain import parse_article


def _name(rng: random.Random) -> str:
    words = [rng.choice(string.ascii_uppercase) + "".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 9)))
             for _ in range(2)]
    return " ".join(words)


def cast_article(size: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    cast = "\n".join(f"- {_name(rng)} as {_name(rng)}" for _ in range(size))
    return f"= Big Cast =\nInfobox\n- Director: Ann Berg\n\n==Cast==\n{cast}\n"


def accolades_article(size: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    rows = "\n".join(f"| Award {i % 50} Awards | 2020 | Best Thing {i} | {_name(rng)} | Won |" for i in range(size))
    return (f"= Big Accolades =\nInfobox\n- Director: Ann Berg\n\n==Accolades==\n"
            f"| Award | Date | Category | Recipient | Result |\n|---|---|---|---|---|\n{rows}\n")


def seconds(text: str) -> float:
    started = time.perf_counter()
    extract_film(parse_article(text, source=""))
    return time.perf_counter() - started


if __name__ == "__main__":
    cast, rows = (int(a) for a in sys.argv[1:3]) if len(sys.argv) > 2 else (2000, 5000)
    print(f"cast of {cast}: {seconds(cast_article(cast)):.2f} s")
    print(f"{rows} accolade rows: {seconds(accolades_article(rows)):.2f} s")
