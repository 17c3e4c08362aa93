"""The defaults of every command and library call, defined once."""

from __future__ import annotations

from pathlib import Path

OUTPUT_DIR = "out"  # where export, embed and draw write
STORE_DIR = Path(OUTPUT_DIR) / "store"  # the embedded store
BASE = "https://example.org/filmgraph/"  # the namespace minted IRIs live under
MEDIAWIKI_API = "https://en.wikipedia.org/w/api.php"  # where wiki:Title pages come from
