"""Milliseconds per page and stage, through the export's fast path and through the rdflib path.

Fast path (what `filmgraph export` runs): read → extract → map (statement records → the film's triples)
→ validate (the shapes compiled) → write (Turtle, JSON-LD and N-Quads by pyoxigraph and orjson).
rdflib path: the same read and extract → map into an rdflib Graph → pyshacl (values that break a shape
pruned) → rdflib's Turtle, JSON-LD and N-Quads serialisers.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable

from filmgraph import RdfFormat, extract_film, map_film
from filmgraph.errors import FilmgraphError
from filmgraph.model import Article
from filmgraph.pipeline import check_graph
from filmgraph.rdf.iris import article_iri, film_names
from filmgraph.rdf.mapping import map_statements
from filmgraph.rdf.shapes import FilmTriples
from filmgraph.rdf.vocab import DEFAULT_BASE
from filmgraph.rdf.write import serialize

# The bulk export writes N-Quads (shards); a single export adds Turtle and JSON-LD ("files").
STAGES = ("read", "extract", "map", "validate", "write")
BULK = (RdfFormat.N_QUADS,)
FILES = (RdfFormat.TURTLE, RdfFormat.JSON_LD)


def time_stages(sources: Iterable[object], read: Callable[[object], Article], *,
                rdflib_path: bool = True) -> tuple[int, Counter[str], Counter[str]]:
    """(films, seconds by stage on the fast path, seconds by stage on the rdflib path); each path runs over
    all sources on its own, so that neither pays for the other's garbage."""
    sources = list(sources)
    fast: Counter[str] = Counter()
    slow: Counter[str] = Counter()
    films = 0
    for source in sources:
        clock = time.perf_counter()
        try:
            article = read(source)
        except FilmgraphError:
            continue
        films += 1
        fast["read"] += time.perf_counter() - clock
        clock = time.perf_counter()
        film = extract_film(article)
        fast["extract"] += time.perf_counter() - clock
        name = article_iri(film.provenance, DEFAULT_BASE, film_names(film)[0])
        clock = time.perf_counter()
        triples = FilmTriples(map_statements(film).all_triples())
        fast["map"] += time.perf_counter() - clock
        clock = time.perf_counter()
        check_graph(triples, warnings=[])
        fast["validate"] += time.perf_counter() - clock
        clock = time.perf_counter()
        for fmt in BULK:
            serialize(triples, fmt, graph_name=name)
        fast["write"] += time.perf_counter() - clock
        clock = time.perf_counter()
        for fmt in FILES:
            serialize(triples, fmt, graph_name=name)
        fast["files"] += time.perf_counter() - clock
    if not rdflib_path:
        return films, fast, slow
    slow["read"], slow["extract"] = fast["read"], fast["extract"]
    for source in sources:
        try:
            film = extract_film(read(source))
        except FilmgraphError:
            continue
        clock = time.perf_counter()
        graph = map_film(film)
        slow["map"] += time.perf_counter() - clock
        clock = time.perf_counter()
        check_graph(graph, warnings=[])
        slow["validate"] += time.perf_counter() - clock
        clock = time.perf_counter()
        graph.serialize(format="nt")
        slow["write"] += time.perf_counter() - clock
        clock = time.perf_counter()
        graph.serialize(format="turtle")
        graph.serialize(format="json-ld")
        slow["files"] += time.perf_counter() - clock
    return films, fast, slow


def report(label: str, films: int, seconds: Counter[str]) -> float:
    """Print one line of ms per page by stage (write: N-Quads), and what Turtle + JSON-LD add; return the
    end-to-end ms per page of a bulk export."""
    per_page = sum(seconds[stage] for stage in STAGES) * 1000 / max(films, 1)
    stages = "  ".join(f"{stage} {seconds[stage] * 1000 / max(films, 1):5.1f}" for stage in STAGES)
    files = seconds["files"] * 1000 / max(films, 1)
    print(f"  {label:11s} {per_page:6.1f} ms/page = {1000 / per_page if per_page else 0:6.1f} pages/s  ({stages})"
          f"  + Turtle & JSON-LD {files:4.1f}")
    return per_page
