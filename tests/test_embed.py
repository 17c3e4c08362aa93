"""Embeddable JSON-LD and the film page: content, escaping, and agreement with the export."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import extruct
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal

from filmgraph import extract_film, load_graph, map_film, read_article
from filmgraph.cli import cli
from filmgraph.web.page import films_in, movie_object, snippet

CONTEXT = json.loads((Path(__file__).parent / "data" / "schemaorg-context.jsonld").read_text(encoding="utf-8"))
HOSTILE_TITLE = "</script><script>alert(1)</script>"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def _json_of(snippet_text: str) -> dict:
    inner = re.search(r'<script type="application/ld\+json">\n(.*)\n</script>', snippet_text, re.S)
    assert inner
    return json.loads(inner.group(1))


def _expanded(movie: dict) -> Graph:
    """The triples of the JSON-LD, expanded with the bundled schema.org context (no network)."""
    data = dict(movie, **{"@context": CONTEXT["@context"]})
    return Graph().parse(data=json.dumps(data), format="json-ld")


def _by_value(term):
    return ("literal", str(term)) if isinstance(term, Literal) else term


def test_snippet_is_a_compact_movie(sample_graph) -> None:
    film = films_in(sample_graph)[0]
    movie = _json_of(snippet(sample_graph, film))
    assert movie["@context"] == "https://schema.org" and movie["@type"] == "Movie"
    assert movie["name"] == "Second Victims"
    assert movie["director"] == {"@type": "Person", "@id": "https://example.org/filmgraph/film/second-victims/person/zinnini-elkington",
                                 "name": "Zinnini Elkington"}
    assert movie["duration"] == "PT92M" and movie["datePublished"] == "2025-04-10"
    assert movie["inLanguage"] == {"@type": "Language", "@id": "http://www.wikidata.org/entity/Q9035", "name": "Danish",
                                   "alternateName": "da"}
    assert movie["countryOfOrigin"]["name"] == "Denmark" and movie["genre"] == "drama"
    assert len(movie["actor"]) == 7
    assert {"@type": "PerformanceRole", "@id": "https://example.org/filmgraph/role/second-victims/ozlem-saglanmak",
            "actor": {"@type": "Person", "@id": "https://example.org/filmgraph/film/second-victims/person/ozlem-saglanmak",
                      "name": "Özlem Sağlanmak"}, "characterName": "Alexandra"} in movie["actor"]
    assert movie["award"] == "Best Danish Film (Robert Awards)"


def test_snippet_triples_are_a_subset_of_the_export(sample_path: Path, tmp_path: Path) -> None:
    run("export", str(sample_path), "-o", str(tmp_path), "-f", "ttl")
    export = load_graph(tmp_path / "second-victims.ttl")  # lexical forms as written ("PT92M")
    snippet_text = run("embed", str(tmp_path / "second-victims.ttl"), "--snippet").stdout
    assert snippet_text == run("embed", str(sample_path), "--snippet").stdout  # the file embeds as the article
    expanded = _expanded(_json_of(snippet_text))
    assert len(expanded) > 40
    exported = {(s, p, _by_value(o)) for s, p, o in export}
    missing = [t for t in expanded if (t[0], t[1], _by_value(t[2])) not in exported]
    assert missing == []


def test_snippet_is_byte_identical(sample_path: Path) -> None:
    assert run("embed", str(sample_path), "--snippet").stdout == run("embed", str(sample_path), "--snippet").stdout


def test_page_is_self_contained_and_extruct_reads_it(sample_path: Path, tmp_path: Path) -> None:
    result = run("embed", str(sample_path), "-o", str(tmp_path))
    assert result.exit_code == 0
    page = (tmp_path / "second-victims.html").read_text(encoding="utf-8")
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "<svg" in page and "<table" in page
    data = extruct.extract(page, syntaxes=["json-ld"], uniform=False)["json-ld"]
    graph = map_sample_graph(sample_path)
    assert data == [movie_object(graph, films_in(graph)[0])]


def map_sample_graph(path: Path) -> Graph:
    from filmgraph import extract_film, map_film, read_article
    return map_film(extract_film(read_article(path)))


@pytest.fixture
def hostile_article(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.txt"
    path.write_text(f"= {HOSTILE_TITLE} =\nInfobox\n- Director: Ann Berg\n\n==Cast==\n"
                    "- Ann \"Quotes\" O'Berg as <Tags> & Co\n", encoding="utf-8")
    return path


def test_hostile_text_is_escaped(hostile_article: Path, tmp_path: Path) -> None:
    result = run("embed", str(hostile_article), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    (page_path,) = tmp_path.glob("*.html")
    page = page_path.read_text(encoding="utf-8")
    assert page.count("<script") == 1 and page.count("</script>") == 1
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in script and ">" not in script and "&" not in script
    assert json.loads(script)["name"] == HOSTILE_TITLE
    assert "<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in page
    assert "<td>Ann &quot;Quotes&quot; O&#x27;Berg</td><td>&lt;Tags&gt; &amp; Co</td>" in page


def test_draw_writes_svg(sample_path: Path, tmp_path: Path) -> None:
    result = run("draw", str(sample_path), "-o", str(tmp_path / "g.svg"))
    assert result.exit_code == 0
    svg = (tmp_path / "g.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "director, screenwriter" in svg and "Best Danish Film (Robert Awards)" in svg
    assert run("draw", str(tmp_path / "missing.txt")).exit_code == 2


def test_embed_bad_input(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("embed", str(empty), "-o", str(tmp_path))
    assert result.exit_code == 2 and result.stderr == f"Error: {empty}: empty file\n"


def _label_boxes(svg: str) -> list[tuple[float, float, float, float, str]]:
    """(left, top, right, bottom, text) of every text in the diagram, with the drawing's own width estimate."""
    from filmgraph.web.draw import _text_width

    boxes = []
    for match in re.finditer(r'<text x="([\d.]+)" y="([\d.]+)"([^>]*)>([^<]*)</text>', svg):
        x, y, attributes, text = float(match[1]), float(match[2]), match[3], html.unescape(match[4])
        size = float(re.search(r'font-size="([\d.]+)"', attributes)[1])
        width = _text_width(text, size)
        anchor = re.search(r'text-anchor="(\w+)"', attributes)
        left = x - width / 2 if anchor and anchor[1] == "middle" else x - width if anchor and anchor[1] == "end" else x
        boxes.append((left, y - size, left + width, y + 2, text))
    return boxes


SAMPLE = Path(__file__).parent.parent / "examples" / "second_victims.txt"
CORPUS_PAGES = sorted((Path(__file__).parent / "corpus").glob("*.wiki"))


def test_no_two_labels_of_any_corpus_diagram_overlap() -> None:
    from filmgraph.errors import NotAFilm
    from filmgraph.web.draw import draw_graph
    from filmgraph.web.page import films_in

    drawn = 0
    for page in CORPUS_PAGES + [SAMPLE]:
        try:
            graph = map_film(extract_film(read_article(page)))
        except NotAFilm:
            continue
        boxes = _label_boxes(draw_graph(graph, films_in(graph)[0]))
        ordered = sorted(boxes)
        for index, first in enumerate(ordered):
            for second in ordered[index + 1:]:
                if second[0] >= first[2]:
                    break
                overlap = first[1] < second[3] and second[1] < first[3]
                assert not overlap, f"{page.name}: '{first[4]}' overlaps '{second[4]}'"
        drawn += 1
    assert drawn == 83  # the 82 corpus films and the sample
