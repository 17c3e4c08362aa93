"""The package's shape: imports run one way through the stages, and the public API can be called twice."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import filmgraph

PACKAGE = Path(filmgraph.__file__).parent
# The stages in the order data flows; a module may import its own stage and the ones before it.
STAGES = ["base", "read", "extract", "rdf", "wikidata", "store", "web", "pipeline", "batch", "cli"]
TOP_LEVEL = {"pipeline": "pipeline", "audit": "pipeline", "batch": "batch", "shards": "batch",
             "cli": "cli", "__main__": "cli", "__init__": "cli"}


def _stage(module: str) -> str:
    """filmgraph.read.wikitext → read; filmgraph.errors → base."""
    parts = module.split(".")
    if len(parts) == 1:
        return "cli"  # the package itself: __init__ re-exports the public API
    name = parts[1]
    if name in STAGES:
        return name
    return TOP_LEVEL.get(name, "base")


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("filmgraph"):
            found.extend(f"{node.module}.{alias.name}" if node.module == "filmgraph" else node.module
                         for alias in node.names)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names if alias.name.startswith("filmgraph"))
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_imports_run_downhill(path: Path) -> None:
    relative = path.relative_to(PACKAGE).with_suffix("")
    module = ".".join(("filmgraph", *relative.parts))
    own = _stage(module)
    for imported in _imports(path):
        if imported == "filmgraph.__version__":
            continue
        assert STAGES.index(_stage(imported)) <= STAGES.index(own), f"{module} ({own}) imports {imported}"


def test_the_layer_check_catches_an_uphill_import() -> None:
    assert _stage("filmgraph.read.wikitext") == "read"
    assert _stage("filmgraph.reference") == "base"
    assert STAGES.index(_stage("filmgraph.rdf.mapping")) > STAGES.index(_stage("filmgraph.extract.film"))


def test_every_public_name_works_twice(tmp_path: Path, sample_path: Path) -> None:
    for _ in range(2):
        article = filmgraph.read_article(sample_path)
        film = filmgraph.extract_film(article)
        graph = filmgraph.map_film(film)
        assert filmgraph.validate_graph(graph).conforms
        filmgraph.write_graph(graph, tmp_path / "film.ttl")
        assert len(filmgraph.load_graph(tmp_path / "film.ttl")) == len(graph)
        assert [r.exit_code for r in filmgraph.export([sample_path], output_dir=tmp_path)] == [0]
        [embedded] = filmgraph.embed([sample_path], output_dir=tmp_path)
        assert embedded.exit_code == 0 and embedded.snippets[0].startswith("<script")
        assert filmgraph.draw(sample_path).startswith("<svg")
        store = filmgraph.store.open(tmp_path / "store")
        assert [r.exit_code for r in filmgraph.load([sample_path], store=store)] == [0]
        store.close()
    assert sorted(filmgraph.__all__) == sorted(set(filmgraph.__all__))


def test_help_loads_no_stage() -> None:
    """`filmgraph --help` starts fast because it imports no stage (benchmarks/startup.py times it)."""
    import subprocess
    import sys

    code = ("import sys, runpy; sys.argv = ['filmgraph', '--help']\n"
            "try:\n    runpy.run_module('filmgraph', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "heavy = sorted(m for m in ('rdflib', 'pyshacl', 'pyoxigraph', 'mwparserfromhell', 'requests') "
            "if m in sys.modules)\nprint('LOADED', heavy)")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "Usage: filmgraph" in output
    assert output.strip().splitlines()[-1] == "LOADED []"
    assert set(filmgraph.__all__) - {"__version__"} == set(filmgraph._EXPORTS)
