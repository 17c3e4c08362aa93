"""Every export of every test article, byte for byte, as committed in ``tests/golden/``.

A change of behaviour shows here as a diff of the golden files. When it is meant, regenerate them with
``FILMGRAPH_REGOLD=1 python3 -m pytest tests/test_golden.py`` and commit the diff beside the change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from filmgraph import RdfFormat
from filmgraph.pipeline import export_one

GOLDEN = Path(__file__).parent / "golden"
ARTICLES = sorted((Path(__file__).parent / "articles").glob("*.txt")) + sorted(
    (Path(__file__).parent / "articles").glob("*.wiki"))
FORMATS = tuple(RdfFormat)


def _exports(path: Path) -> dict[str, str]:
    result = export_one(path, output_dir=None, formats=FORMATS)
    assert result.error is None, result.error
    return {f"{path.stem}.{fmt.extension}": text for fmt, text in result.texts.items()}


@pytest.mark.parametrize("path", ARTICLES, ids=[p.name for p in ARTICLES])
def test_exports_are_byte_identical_to_golden(path: Path) -> None:
    for name, text in _exports(path).items():
        golden = GOLDEN / name
        if os.environ.get("FILMGRAPH_REGOLD"):
            golden.write_text(text, encoding="utf-8")
        assert golden.read_text(encoding="utf-8") == text, f"{name} differs from tests/golden/{name}"
