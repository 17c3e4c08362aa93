"""filmgraph: film articles → schema.org and Wikidata-style RDF, validated with SHACL.

The stages, each usable alone: :func:`read_article` → :func:`extract_film` → :func:`map_film`
→ :func:`validate_graph` → :func:`write_graph`; :func:`export` runs them all, :func:`load` puts graphs
into a store (:mod:`filmgraph.store`), :func:`embed` and :func:`draw` make web pages and diagrams.
"""

__version__ = "0.1.0"

from filmgraph.errors import FilmgraphError
from filmgraph.extract.film import extract_film
from filmgraph.pipeline import draw, embed, export, load
from filmgraph.rdf.mapping import map_film
from filmgraph.rdf.validate import validate_graph
from filmgraph.rdf.write import RdfFormat, load_graph, write_graph
from filmgraph.read.plain import parse_article, read_article

__all__ = ["read_article", "parse_article", "extract_film", "map_film", "validate_graph", "write_graph",
           "load_graph", "export", "load", "embed", "draw", "RdfFormat", "FilmgraphError", "__version__"]
