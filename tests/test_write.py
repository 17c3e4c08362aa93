from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from filmgraph import FilmgraphError, RdfFormat, load_graph, write_graph
from filmgraph.rdf.write import serialize


def test_every_format_holds_the_same_triples(sample_graph, tmp_path: Path) -> None:
    # Parsed back, every format gives the same graph; rdflib normalises literals on parsing
    # ("PT92M" reads back as "PT1H32M", the same value), so the formats are compared with each other.
    loaded = {fmt: load_graph(write_graph(sample_graph, tmp_path / f"film.{fmt.extension}", graph_name="urn:x"))
              for fmt in RdfFormat}
    turtle = loaded[RdfFormat.TURTLE]
    assert len(turtle) == len(sample_graph)
    for fmt, graph in loaded.items():
        assert isomorphic(graph, turtle), fmt


def test_jsonld_has_a_compact_context(sample_graph) -> None:
    import json
    data = json.loads(serialize(sample_graph, RdfFormat.JSON_LD))
    assert data["@context"]["schema"] == "http://schema.org/"
    assert data["@context"]["wdt"] == "http://www.wikidata.org/prop/direct/"
    movie = next(node for node in data["@graph"] if node.get("@type") == "schema:Movie")
    assert movie["schema:name"] == {"@language": "en", "@value": "Second Victims"}


def test_nquads_name_the_source_graph(sample_graph) -> None:
    text = serialize(sample_graph, RdfFormat.N_QUADS, graph_name="file:///films/sv.txt")
    assert all(line.endswith("<file:///films/sv.txt> .") for line in text.splitlines())


def test_export_is_byte_identical_across_runs_and_hash_seeds(sample_path: Path, tmp_path: Path) -> None:
    outputs = []
    for seed in ("1", "2"):
        folder = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "filmgraph", "export", str(sample_path), "-o", str(folder),
                        "-f", "ttl", "-f", "jsonld", "-f", "nt", "-f", "nq"], check=True, env=env)
        outputs.append({p.name: p.read_bytes() for p in sorted(folder.iterdir())})
    assert outputs[0] == outputs[1]
    assert sorted(outputs[0]) == ["second-victims.jsonld", "second-victims.nq", "second-victims.nt",
                                  "second-victims.ttl"]


def test_failed_write_leaves_the_old_file_and_no_temp(sample_graph, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "film.ttl"
    target.write_text("old", encoding="utf-8")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("filmgraph.atomic.os.replace", broken)
    with pytest.raises(FilmgraphError, match="cannot write: No space left on device"):
        write_graph(sample_graph, target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["film.ttl"]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("bad.ttl", "<a> <b> .", "not valid Turtle"),
    ("bad.jsonld", "{not json", "not valid Json-Ld"),
    ("film.xyz", "", "unknown RDF format 'xyz'"),
])
def test_load_errors(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FilmgraphError, match=message):
        load_graph(path)


def test_empty_graph_serialises() -> None:
    assert serialize(Graph(), RdfFormat.N_TRIPLES) == "\n"


def test_jsonld_with_the_schema_org_context_reads_offline(tmp_path: Path) -> None:
    from rdflib import Literal, URIRef

    path = tmp_path / "snippet.jsonld"
    path.write_text('{"@context": "https://schema.org", "@type": "Movie", "@id": "urn:film", "name": "Heat"}',
                    encoding="utf-8")
    graph = load_graph(path)
    assert (URIRef("urn:film"), URIRef("http://schema.org/name"), Literal("Heat")) in graph
