from __future__ import annotations

import sys
from pathlib import Path

import pytest

ARTICLES = Path(__file__).parent / "articles"
SAMPLE = Path(__file__).parent.parent / "examples" / "second_victims.txt"
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture
def article():
    def find(name: str) -> Path:
        return ARTICLES / name
    return find


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_film():
    from filmgraph import extract_film, read_article
    return extract_film(read_article(SAMPLE))


@pytest.fixture(scope="session")
def sample_graph(sample_film):
    from filmgraph import map_film
    return map_film(sample_film, base="https://example.org/filmgraph/")
