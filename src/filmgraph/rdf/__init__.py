"""The RDF stage: Film → statement records → rdflib Graph, shapes, and files.

``vocab`` holds every namespace, ``mapping`` runs the mapping table, ``validate`` the SHACL shapes and
``write`` the serialisations.
"""

from filmgraph.rdf.mapping import map_film
from filmgraph.rdf.validate import validate_graph
from filmgraph.rdf.write import RdfFormat, load_graph, write_graph

__all__ = ["map_film", "validate_graph", "write_graph", "load_graph", "RdfFormat"]
