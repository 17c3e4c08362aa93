"""filmgraph: film articles → schema.org and Wikidata-style RDF, validated with SHACL.

The stages, each usable alone: :func:`read_article` → :func:`extract_film` → :func:`map_film`
→ :func:`validate_graph` → :func:`write_graph`; :func:`export` runs them all, :func:`load` puts graphs
into a store (:mod:`filmgraph.store`), :func:`embed` and :func:`draw` make web pages and diagrams.

The names are imported when first used (PEP 562), so that ``import filmgraph`` and ``filmgraph --help``
do not load rdflib, pyshacl and the parsers before they are needed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name → the module that defines it
_EXPORTS = {
    "read_article": "filmgraph.read.plain", "parse_article": "filmgraph.read.plain",
    "extract_film": "filmgraph.extract.film", "map_film": "filmgraph.rdf.mapping",
    "validate_graph": "filmgraph.rdf.validate", "write_graph": "filmgraph.rdf.write",
    "load_graph": "filmgraph.rdf.write", "export": "filmgraph.pipeline", "load": "filmgraph.pipeline",
    "embed": "filmgraph.pipeline", "draw": "filmgraph.pipeline", "RdfFormat": "filmgraph.formats",
    "FilmgraphError": "filmgraph.errors", "write_records": "filmgraph.web.site",
}
_SUBMODULES = {"store", "batch", "pipeline", "shards", "cli", "rdf", "read", "extract", "web", "wikidata"}

__all__ = ["read_article", "parse_article", "extract_film", "map_film", "validate_graph", "write_graph",
           "load_graph", "export", "load", "embed", "draw", "write_records", "RdfFormat", "FilmgraphError",
           "__version__"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f"filmgraph.{name}")
    raise AttributeError(f"module 'filmgraph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


if TYPE_CHECKING:
    from filmgraph.errors import FilmgraphError
    from filmgraph.extract.film import extract_film
    from filmgraph.formats import RdfFormat
    from filmgraph.pipeline import draw, embed, export, load
    from filmgraph.rdf.mapping import map_film
    from filmgraph.rdf.validate import validate_graph
    from filmgraph.rdf.write import load_graph, write_graph
    from filmgraph.read.plain import parse_article, read_article
    from filmgraph.web.site import write_records
