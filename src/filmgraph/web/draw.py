"""A picture of a film's graph as inline SVG: the film in the centre, what it links to around it.

Laid out in pure Python (a ring, grouped by kind), so the page needs nothing from the network and
no external program.
"""

from __future__ import annotations

import html
import math

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


def _box(x: float, y: float, label: str, colour: str, *, bold: bool = False) -> str:
    width = max(60.0, 6.6 * len(label) + 16)
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
    count = max(len(items), 1)
    radius = max(260.0, count * 15.0)
    size = 2 * radius + 360
    centre = size / 2
    edges, boxes, labels = [], [], []
    for index, (_, label, edge, kind) in enumerate(items):
        angle = 2 * math.pi * index / count - math.pi / 2
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        edges.append(f'<line x1="{centre:.1f}" y1="{centre:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="#b8b2a7" '
                     f'stroke-width="1.2"/>')
        lx, ly = centre + (radius * 0.62) * math.cos(angle), centre + (radius * 0.62) * math.sin(angle)
        labels.append(f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="middle" font-size="10" fill="#444" '
                      f'paint-order="stroke" stroke="#fff" stroke-width="3">{html.escape(edge)}</text>')
        boxes.append(_box(x, y, label, COLOURS[kind]))
    title = _name(graph, film)
    legend = "".join(f'<rect x="{16 + i * 110}" y="16" width="12" height="12" fill="{colour}"/>'
                     f'<text x="{32 + i * 110}" y="27" font-size="11" fill="#333">{kind}</text>'
                     for i, (kind, colour) in enumerate(COLOURS.items()))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size:.0f} {size:.0f}" role="img" '
            f'aria-label="{html.escape(title)} and what it links to" font-family="sans-serif">'
            f'<rect width="100%" height="100%" fill="#fff"/>{legend}{"".join(edges)}{"".join(labels)}'
            f'{"".join(boxes)}{_box(centre, centre, title, COLOURS["film"], bold=True)}</svg>')

