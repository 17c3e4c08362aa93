"""The read stage: text → :class:`~filmgraph.model.Article`.

``plain`` reads the plain-text article format, ``wikitext`` MediaWiki markup (with ``templates``, the
table of template renderers, and ``tables`` for wikitables and flattened pipe tables), ``fetch`` pages
from the MediaWiki API and ``dump`` the pages of XML dumps.
"""

from filmgraph.read.plain import decode, parse_article, read_article

__all__ = ["read_article", "parse_article", "decode"]
