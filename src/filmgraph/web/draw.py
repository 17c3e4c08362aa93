"""A picture of a film's graph as inline SVG: the film in the centre, what it links to around it.

Laid out in pure Python (a ring, grouped by kind), so the page needs nothing from the network and
no external program.
"""

from __future__ import annotations

import html
from functools import lru_cache

from rdflib import Graph, URIRef
from rdflib.term import Node

from filmgraph.rdf.vocab import SDO, WDT

# kind → fill colour of its nodes
COLOURS = {"film": "#1f4e79", "person": "#c55a11", "organization": "#548235", "place": "#7f6000",
           "award": "#7030a0", "event": "#2e75b6", "concept": "#595959"}
_LINKS = [(SDO.director, "director", "person"), (SDO.author, "screenwriter", "person"),
          (SDO.producer, "producer", "person"), (SDO.musicBy, "music", "person"),
          (SDO.productionCompany, "production company", "organization"),
          (SDO.publisher, "distributor", "organization"), (SDO.countryOfOrigin, "country", "place"),
          (SDO.locationCreated, "filming location", "place"), (SDO.about, "about", "concept")]


def _name(graph: Graph, node: Node) -> str:
    value = graph.value(node, SDO.name)
    return str(value) if value is not None else str(node).rsplit("/", 1)[-1]


def neighbours(graph: Graph, film: URIRef) -> list[tuple[str, str, str, str]]:
    """(node key, label, edge label, kind) of everything the film links to, in a stable order."""
    found: dict[str, tuple[str, str, str, str]] = {}

    def add(node: Node, label: str, edge: str, kind: str) -> None:
        # One box per node; a node linked twice (director and screenwriter) gets both edge labels.
        if str(node) in found:
            key, old_label, old_edge, old_kind = found[str(node)]
            if edge not in old_edge.split(", "):
                found[key] = (key, old_label, f"{old_edge}, {edge}", old_kind)
            return
        found[str(node)] = (str(node), label, edge, kind)

    for prop, edge, kind in _LINKS:
        for node in graph.objects(film, prop):
            add(node, _name(graph, node), edge, kind)
    for role in graph.objects(film, SDO.contributor):
        person = graph.value(role, SDO.contributor) or role
        add(person, _name(graph, person), str(graph.value(role, SDO.roleName) or "contributor"), "person")
    for role in graph.objects(film, SDO.actor):
        person = graph.value(role, SDO.actor) or role
        characters = ", ".join(sorted(str(c) for c in graph.objects(role, SDO.characterName)))
        add(person, _name(graph, person), f"as {characters}" if characters else "actor", "person")
    for screening in graph.subjects(SDO.workPresented, film):
        add(screening, _name(graph, screening), "screened at", "event")
    for prop, edge in ((WDT.P166, "won"), (WDT.P1411, "nominated")):
        for award in graph.objects(film, prop):
            body = graph.value(award, WDT.P361)
            label = _name(graph, award) + (f" ({_name(graph, body)})" if body is not None else "")
            add(award, label, edge, "award")
    order = list(COLOURS)
    return sorted(found.values(), key=lambda item: (order.index(item[3]), item[2], item[1]))


@lru_cache(maxsize=4096)  # a label is measured several times a diagram, a name on many diagrams
def _text_width(text: str, font_size: float = 12) -> float:
    """A generous estimate of a text's width (wide letters and CJK included)."""
    return sum(1.1 if ord(ch) > 0x2E80 else 0.62 for ch in text) * font_size


def _width(label: str) -> float:
    return max(60.0, _text_width(label) + 16)


def _box(x: float, y: float, label: str, colour: str, *, bold: bool = False) -> str:
    width = _width(label)
    weight = ' font-weight="bold"' if bold else ""
    return (f'<rect x="{x - width / 2:.1f}" y="{y - 13:.1f}" width="{width:.1f}" height="26" rx="6" '
            f'fill="{colour}"/><text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" fill="#fff" '
            f'font-size="12"{weight}>{html.escape(label)}</text>')


def draw_graph(graph: Graph, film: URIRef) -> str:
    """The SVG diagram of ``film`` and its neighbours, with labelled edges.

    Example:

    >>> from filmgraph import read_article, extract_film, map_film
    >>> from filmgraph.rdf.vocab import RDF
    >>> from filmgraph.read.plain import parse_article
    >>> g = map_film(extract_film(parse_article(
    ...     "= Heat =\\nInfobox\\n- Director: Michael Mann\\n\\n==Cast==\\n- Al Pacino as Vincent Hanna\\n",
    ...     source="urn:x")))
    >>> svg = draw_graph(g, next(g.subjects(RDF.type, SDO.Movie)))
    >>> svg.startswith("<svg") and "Michael Mann" in svg and "as Vincent Hanna" in svg
    True
    """
    items = neighbours(graph, film)
    title = _name(graph, film)
    # One row a neighbour, to the right of the film: every label has its own line, so no two labels can
    # overlap, however many neighbours or however long their names.
    film_width = _width(title)
    film_x = 40 + film_width / 2
    column = film_x + film_width / 2 + 40 + max([_text_width(edge, 10) for _, _, edge, _ in items] or [0]) + 16
    top, row = 64.0, 34.0
    height = max(220.0, top + row * len(items) + 24)
    centre = top + row * max(len(items) - 1, 0) / 2 if items else height / 2
    edges, boxes, labels = [], [], []
    for index, (_, label, edge, kind) in enumerate(items):
        y = top + row * index
        width = _width(label)
        edges.append(f'<line x1="{film_x + film_width / 2:.1f}" y1="{centre:.1f}" x2="{column:.1f}" y2="{y:.1f}" '
                     f'stroke="#b8b2a7" stroke-width="1.2"/>')
        labels.append(f'<text x="{column - 8:.1f}" y="{y + 4:.1f}" text-anchor="end" font-size="10" fill="#444" '
                      f'paint-order="stroke" stroke="#fff" stroke-width="3">{html.escape(edge)}</text>')
        boxes.append(_box(column + width / 2, y, label, COLOURS[kind]))
    size_x = column + max([_width(label) for _, label, _, _ in items] or [0]) + 40
    size_y = height
    legend = "".join(f'<rect x="{16 + i * 110}" y="16" width="12" height="12" fill="{colour}"/>'
                     f'<text x="{32 + i * 110}" y="27" font-size="11" fill="#333">{kind}</text>'
                     for i, (kind, colour) in enumerate(COLOURS.items()))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size_x:.0f} {size_y:.0f}" role="img" '
            f'aria-label="{html.escape(title)} and what it links to" font-family="sans-serif">'
            f'<rect width="100%" height="100%" fill="#fff"/>{legend}{"".join(edges)}{"".join(labels)}'
            f'{"".join(boxes)}{_box(film_x, centre, title, COLOURS["film"], bold=True)}</svg>')

