"""The mapping table as the extractor sees it: labels → fields, qualifier rows."""

from __future__ import annotations

import pytest

from filmgraph.fields import children, label_index, normalize_label


@pytest.mark.parametrize(("label", "field"), [
    ("Directed by", "director"), ("director", "director"), ("Production companies:", "production_company"),
    ("release_date(s)", "release"), ("Running time", "runtime"), ("Gross", "box_office"),
])
def test_labels_find_their_field(label: str, field: str) -> None:
    assert label_index()[normalize_label(label)].field == field


def test_qualifier_rows_belong_to_their_parent() -> None:
    assert [row.field for row in children("release")] == ["release.place"]
    assert [row.wikidata for row in children("nomination")] == ["P585", "P2453", "P805"]
