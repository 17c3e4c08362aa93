"""The extract stage: :class:`~filmgraph.model.Article` → :class:`~filmgraph.model.Film`.

``film`` joins the parts: ``infobox`` (the mapping table's parsers), ``cast``, ``accolades``, ``prose``
(sentence finders) and ``names`` (one person, one key).
"""

from filmgraph.extract.film import extract_film

__all__ = ["extract_film"]
