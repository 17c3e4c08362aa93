"""The declarative mapping: ``ontology/mapping.csv``, one row per film field.

Both ``extract`` (which labels feed a field, and which parser reads it) and ``mapping`` (which
schema.org and Wikidata properties it becomes) read this one table. It is checked when loaded:
a bad row fails at start-up with the file and line, not halfway through a dump.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from filmgraph.errors import FilmgraphError

# The closed set of kinds; extract.PARSERS and mapping.EMITTERS each cover it (tests check both).
KINDS = frozenset({
    "title", "original_title", "text", "year", "person", "cast", "organization", "place", "release",
    "minutes", "country", "language", "genre", "money", "count", "location", "date", "screening",
    "nomination", "nominee", "event", "festival", "tally", "concept", "image", "ignore",
})
_SCHEMA_RE = re.compile(r"^\^?(schema|fg|rdfs):[A-Za-z]+$")
_WIKIDATA_RE = re.compile(r"^(P\d+(\|P\d+)?|rdfs:label)$")
MAPPING_FILE = "mapping.csv"


@dataclass(frozen=True)
class FieldRow:
    """One row of the mapping table."""

    field: str
    labels: tuple[str, ...]
    kind: str
    schema: str  # "schema:director"; a leading "^" means the property points at the film
    wikidata: str  # "P57"; "P166|P1411" picks the first for a win, the second otherwise
    role: str  # a schema:roleName: the schema.org link then goes through a schema:Role node
    shape: str  # the NodeShapes in shapes/ that constrain its properties ("MovieShape|PublicationDateShape")
    line: int

    @property
    def shapes(self) -> tuple[str, ...]:
        return tuple(name for name in self.shape.split("|") if name)

    @property
    def parent(self) -> str | None:
        return self.field.split(".", 1)[0] if "." in self.field else None

    @property
    def attribute(self) -> str:
        return self.field.rsplit(".", 1)[-1]


@lru_cache(maxsize=1024)  # the same few labels, on every page
def normalize_label(label: str) -> str:
    """The form labels are matched in: casefold, no colon or "(s)", underscores as spaces, singular.

    >>> normalize_label("Production companies:"), normalize_label("release_date(s)"), normalize_label("Gross")
    ('production company', 'release date', 'gross')
    """
    text = label.casefold().replace("_", " ").replace("(s)", "").replace("(es)", "").strip().rstrip(":").strip()
    text = re.sub(r"\s+", " ", text)
    words = text.split(" ")
    last = words[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")) and len(last) > 3:
        last = last[:-1]
    return " ".join([*words[:-1], last])


def parse_rows(text: str, where: str) -> list[FieldRow]:
    """Parse and check mapping-table text.

    >>> parse_rows("field,labels,kind,schema,wikidata,role,shape\\nrun,Runtime,minuts,,,,\\n", "m.csv")
    Traceback (most recent call last):
    filmgraph.errors.FilmgraphError: m.csv:2: unknown kind 'minuts'
    """
    rows: list[FieldRow] = []
    seen_labels: dict[str, int] = {}
    seen_fields: set[str] = set()
    reader = csv.DictReader(text.splitlines())
    for number, record in enumerate(reader, start=2):
        try:
            row = FieldRow(
                field=record["field"].strip(),
                labels=tuple(label.strip() for label in record["labels"].split("|") if label.strip()),
                kind=record["kind"].strip(),
                schema=record["schema"].strip(),
                wikidata=record["wikidata"].strip(),
                role=record["role"].strip(),
                shape=record["shape"].strip(),
                line=number,
            )
        except (KeyError, AttributeError) as exc:
            raise FilmgraphError(f"{where}:{number}: missing column {exc}") from exc
        if row.kind not in KINDS:
            raise FilmgraphError(f"{where}:{number}: unknown kind '{row.kind}'")
        if row.schema and not _SCHEMA_RE.match(row.schema):
            raise FilmgraphError(f"{where}:{number}: unknown prefix in '{row.schema}'")
        if row.wikidata and not _WIKIDATA_RE.match(row.wikidata):
            raise FilmgraphError(f"{where}:{number}: not a Wikidata property: '{row.wikidata}'")
        if row.field in seen_fields:
            raise FilmgraphError(f"{where}:{number}: field '{row.field}' repeated")
        if row.parent and row.parent not in seen_fields:
            raise FilmgraphError(f"{where}:{number}: '{row.field}' comes before its field '{row.parent}'")
        seen_fields.add(row.field)
        for label in row.labels:
            key = normalize_label(label)
            if key in seen_labels:
                raise FilmgraphError(f"{where}:{number}: label '{label}' already used on line {seen_labels[key]}")
            seen_labels[key] = number
        rows.append(row)
    return rows


@cache
def mapping_rows() -> tuple[FieldRow, ...]:
    """The package's mapping table, loaded and checked once."""
    resource = resources.files("filmgraph").joinpath("ontology", MAPPING_FILE)
    return tuple(parse_rows(resource.read_text(encoding="utf-8"), f"ontology/{MAPPING_FILE}"))


def children(field: str) -> list[FieldRow]:
    """The qualifier rows of a field (``cast.characters`` for ``cast``)."""
    return list(_children_index().get(field, ()))


@cache
def _children_index() -> dict[str, tuple[FieldRow, ...]]:
    index: dict[str, list[FieldRow]] = {}
    for row in mapping_rows():
        if row.parent is not None:
            index.setdefault(row.parent, []).append(row)
    return {parent: tuple(rows) for parent, rows in index.items()}


@cache
def label_index() -> dict[str, FieldRow]:
    """Normalised infobox label → the row it feeds."""
    return {normalize_label(label): r for r in mapping_rows() for label in r.labels}
