"""The formats filmgraph reads and writes and the layouts of a bulk export: names only.

Importing this module costs nothing (no rdflib, no parser), so that the command line can build its
options from these names and ``filmgraph --help`` starts at once; the stages import them from here.
"""

from __future__ import annotations

import enum

# Wikipedia XML dumps, compressed or not.
DUMP_SUFFIXES = (".xml", ".xml.bz2", ".xml.gz", ".xml.xz")
# A sharded export's files (see filmgraph.shards).
SHARD_PREFIX = "films-"
PAGES_SUFFIX = ".pages.jsonl"
ERRORS_FILE = "errors.jsonl"
# The size at which a shard is finished, in MiB (library and command line alike: shard_size_mb, --shard-size-mb).
DEFAULT_SHARD_MB = 256
DEFAULT_SHARD_BYTES = DEFAULT_SHARD_MB * 2**20


class RdfFormat(enum.Enum):
    """The RDF formats filmgraph writes; the value is the CLI choice and file suffix."""

    TURTLE = "ttl"
    JSON_LD = "jsonld"
    N_TRIPLES = "nt"
    N_QUADS = "nq"

    @property
    def extension(self) -> str:
        return self.value

    @property
    def media_type(self) -> str:
        return {"ttl": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples",
                "nq": "application/n-quads"}[self.value]

    @property
    def rdflib_name(self) -> str:
        return {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt", "nq": "nquads"}[self.value]

    @classmethod
    def from_extension(cls, suffix: str) -> RdfFormat:
        """The format of a file suffix.

        Example:

        >>> RdfFormat.from_extension(".json").name
        'JSON_LD'
        """
        suffix = suffix.lower().lstrip(".")
        aliases = {"turtle": "ttl", "json": "jsonld", "json-ld": "jsonld", "ntriples": "nt", "nquads": "nq"}
        try:
            return cls(aliases.get(suffix, suffix))
        except ValueError:
            raise ValueError(f"unknown RDF format '{suffix}'") from None


class Layout(str, enum.Enum):
    """How a batch writes its films: files (``<slug>.<format>`` per film) or N-Quads shards."""

    FILES = "files"
    SHARDS = "shards"
