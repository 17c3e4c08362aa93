"""Property-based tests (hypothesis) over the readers and the writers.

For every random or mutated article: either a clean export whose N-Triples parse strictly (pyoxigraph) and
whose JSON-LD holds exactly the Turtle's triples, or a one-line error. CI runs 2,000 examples per reader
(``FILMGRAPH_HYPOTHESIS_EXAMPLES``); a developer's run takes 150.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pyoxigraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from filmgraph import RdfFormat
from filmgraph.model import Film, Person, PersonRef, Quantity
from filmgraph.pipeline import Reading, export_one
from filmgraph.rdf.mapping import map_film
from filmgraph.rdf.write import serialize
from filmgraph.read.dump import Job

EXAMPLES = int(os.environ.get("FILMGRAPH_HYPOTHESIS_EXAMPLES", "150"))
ARTICLES = Path(__file__).parent / "articles"
PLAIN = [(ARTICLES / n).read_text(encoding="utf-8") for n in ("the_hunt.txt", "pusher.txt", "prose_awards.txt")]
WIKI = [(ARTICLES / "the_celebration.wiki").read_text(encoding="utf-8"),
        (Path(__file__).parent / "corpus" / "new_low.wiki").read_text(encoding="utf-8")]
ODD = st.sampled_from(["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c", "\x1e", "\x00", "\ufeff", "\u202e",
                       "{{", "}}", "[[", "]]", "|", "'''", "<ref>", "</ref>", "<!--", "\n==", "\n* ", "\n|-",
                       "9" * 400, "&nbsp;", "\ud800", "🎬", "Зеркало", "千と千尋", '"', "\\", "<script>"])
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def mutated(draw: st.DrawFn, bases: list[str]) -> str:
    """An article cut, with lines shuffled, repeated or dropped, and odd text put anywhere."""
    lines = draw(st.sampled_from(bases)).split("\n")
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["cut", "shuffle", "repeat", "drop", "insert", "replace"]))
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        if kind == "cut":
            line = lines[at]
            lines = lines[:at] + [line[:draw(st.integers(0, len(line)))]]
        elif kind == "shuffle":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "repeat":
            lines.insert(at, lines[at])
        elif kind == "drop":
            del lines[at]
        elif kind == "insert":
            line = lines[at]
            position = draw(st.integers(0, len(line)))
            lines[at] = line[:position] + draw(st.one_of(ODD, st.text(max_size=12))) + line[position:]
        else:
            lines[at] = draw(st.text(max_size=40))
    return "\n".join(lines)


def _check_export(result: object) -> None:
    if result.error:
        assert "\n" not in result.error and result.error.strip()
        return
    if not result.texts:
        return  # a graph that violates the shapes: reported, not written
    nt = result.texts[RdfFormat.N_TRIPLES]
    strict = {(str(q.subject), str(q.predicate), str(q.object)) for q in pyoxigraph.parse(
        nt.encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)}
    turtle = Graph().parse(data=result.texts[RdfFormat.TURTLE], format="turtle")
    jsonld = Graph().parse(data=result.texts[RdfFormat.JSON_LD], format="json-ld")
    assert len(strict) == len(turtle) == len(jsonld)
    assert set(turtle) == set(jsonld)


FORMATS = (RdfFormat.TURTLE, RdfFormat.JSON_LD, RdfFormat.N_TRIPLES)


@SETTINGS
@given(mutated(PLAIN))
def test_plain_text_reader_exports_or_fails_in_one_line(text: str) -> None:
    # Through standard input, as bytes: a lone surrogate becomes invalid UTF-8, which must fail in one line.
    stdin = io.BytesIO(text.encode("utf-8", "surrogatepass"))
    _check_export(export_one("-", output_dir=None, formats=FORMATS, reading=Reading(stdin=stdin)))


@SETTINGS
@given(mutated(WIKI))
def test_wikitext_reader_exports_or_fails_in_one_line(text: str) -> None:
    result = export_one(Job("mutated.wiki", title=None, text=text, source=""), output_dir=None, formats=FORMATS)
    _check_export(result)


@SETTINGS
@given(st.text(min_size=1, max_size=60), st.text(max_size=60), st.floats(allow_nan=False, allow_infinity=False)
       | st.integers(-10**30, 10**30))
def test_writers_keep_every_value(title: str, name: str, number: float) -> None:
    film = Film(title=title, source="", people={"p": Person("p", name or "x")}, director=[PersonRef("p", ["Infobox"])],
                budget=[Quantity(float(number), unit="Q4917", currency="USD")])
    graph = map_film(film)
    nt = serialize(graph, RdfFormat.N_TRIPLES)
    parsed = list(pyoxigraph.parse(nt.encode("utf-8", "surrogatepass"), format=pyoxigraph.RdfFormat.N_TRIPLES))
    assert len(parsed) == len(graph)
    jsonld = Graph().parse(data=serialize(graph, RdfFormat.JSON_LD), format="json-ld")
    assert set(jsonld) == set(graph)


MARKUP_PIECES = ["a", "b c", " ", "\n", "[[", "]]", "|", "[[Film]]", "[[Film|the film]]", "[[File:x.jpg]]", "''",
                 "'''", "'", "=", "*", "#", ":", ";", "[", "]", "{{", "}}", "<br>", "&amp;", "http://x.org", "—",
                 "é", "\t", "[[a|b|c]]", "[[Category:Films]]", "----", "[[ a ]]", "[[a|]]", "''x''", "'''y'''",
                 # a line that starts with a space or tab: no heading or list, text as the parser reads it
                 " =x=", "\n ", " *", "\t#", " ;a:b"]


@SETTINGS
@given(st.lists(st.sampled_from(MARKUP_PIECES), max_size=14).map("".join))
def test_plain_markup_renders_as_the_parser_renders_it(text: str) -> None:
    """The reader renders simple markup without the parser: only where the parser would render it the same."""
    import mwparserfromhell

    from filmgraph.read.wikitext import _render_simple, render

    simple = _render_simple(text)
    if simple is not None:
        assert simple == render(mwparserfromhell.parse(text))
