"""Web pages: a compact schema.org Movie in JSON-LD, and a self-contained film page.

Everything here is read back from an exported graph (its schema.org and Wikidata-style sides), so
a page and the knowledge graph never disagree: the embedded JSON-LD, expanded, is a subset of the
export's schema.org triples.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Sequence
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from filmgraph.errors import FilmgraphError
from filmgraph.rdf.vocab import PQ, PQV, PS, PSV, RDF, RDFS, SDO, WDT, WIKIBASE, XSD, P
from filmgraph.web.draw import draw_graph

# The properties render_page and draw_graph read, of the film and of the nodes it links to: a server reading a
# film's graph from a store reads their triples ahead, in one look-up; a property left out is still read, a look-up
# a node (rdfs:label, read of a language's code only, is left out: every node of a graph has one).
READ_AHEAD = tuple(str(prop) for prop in (
    SDO.name, SDO.alternateName, SDO.description, SDO.dateCreated, SDO.datePublished, SDO.duration, SDO.genre,
    SDO.image, SDO.sameAs, SDO.url, SDO.countryOfOrigin, SDO.director, SDO.author, SDO.producer, SDO.musicBy,
    SDO.productionCompany, SDO.publisher, SDO.locationCreated, SDO.about, SDO.inLanguage, SDO.award, SDO.actor,
    SDO.characterName, SDO.contributor, SDO.roleName, SDO.workPresented, SDO.startDate, WDT.P364, WDT.P166,
    WDT.P1411, WDT.P361, P.P577, P.P166, P.P1411, PQ.P291, PQ.P2453, PQV.P585, PS.P166, PS.P1411, PSV.P577,
    WIKIBASE.timeValue, WIKIBASE.timePrecision))
# Characters that could end the script element or start markup are written as JSON escapes.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def films_in(graph: Graph) -> list[URIRef]:
    """The schema:Movie nodes of a graph, in IRI order."""
    films = sorted(node for node in graph.subjects(RDF.type, SDO.Movie) if isinstance(node, URIRef))
    if not films:
        raise FilmgraphError("the graph holds no schema:Movie")
    return films


def _text(term: Node | str | None) -> str:
    return "" if term is None else str(term)


def _value(term: Node) -> Any:
    if isinstance(term, Literal) and term.language and term.language != "en":
        return {"@value": str(term), "@language": term.language}
    return str(term)


def _sorted(graph: Graph, subject: Node, prop: URIRef) -> list[Node]:
    return sorted(graph.objects(subject, prop), key=lambda t: (_text(graph.value(t, SDO.name)), str(t)))


def _node(graph: Graph, node: Node, kind: str) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": kind}
    if isinstance(node, URIRef):
        data["@id"] = str(node)
    name = graph.value(node, SDO.name)
    if name is not None:
        data["name"] = str(name)
    if kind == "Language" and (code := graph.value(node, SDO.alternateName)) is not None:
        data["alternateName"] = str(code)  # its BCP 47 code
    return data


def _role(graph: Graph, role: Node, prop: URIRef, role_type: str, detail: str, detail_prop: URIRef
          ) -> dict[str, Any]:
    """schema.org's role pattern: the film → a Role → the person, with the role's detail."""
    person = graph.value(role, prop)
    if person is None:  # linked directly, without a role node
        return _node(graph, role, "Person")
    details = sorted(str(value) for value in graph.objects(role, detail_prop))
    return {"@type": role_type, "@id": str(role), prop.removeprefix(str(SDO)): _node(graph, person, "Person"),
            detail: _one_or_many(details)}


def _one_or_many(items: list[Any]) -> Any:
    return items[0] if len(items) == 1 else items


def movie_object(graph: Graph, film: URIRef) -> dict[str, Any]:
    """The compact, nested schema.org Movie of ``film`` (Google's Movie structured-data fields).

    Example:

    >>> from filmgraph import parse_article, extract_film, map_film
    >>> g = map_film(extract_film(parse_article(
    ...     "= Heat =\\nInfobox\\n- Director: Michael Mann\\n\\n==Cast==\\n- Al Pacino as Vincent Hanna\\n",
    ...     source="urn:x")))
    >>> movie = movie_object(g, films_in(g)[0])
    >>> movie["name"], movie["director"]["name"], movie["actor"][0]["characterName"]
    ('Heat', 'Michael Mann', 'Vincent Hanna')
    """
    movie: dict[str, Any] = {"@context": "https://schema.org", "@type": "Movie", "@id": str(film)}
    name = graph.value(film, SDO.name)
    movie["name"] = _text(name)
    simple = [("alternateName", SDO.alternateName), ("description", SDO.description),
              ("dateCreated", SDO.dateCreated), ("duration", SDO.duration), ("genre", SDO.genre),
              ("image", SDO.image), ("sameAs", SDO.sameAs), ("url", SDO.url)]
    for key, prop in simple:
        values = sorted((_value(v) for v in graph.objects(film, prop)), key=json.dumps)
        if values:
            movie[key] = _one_or_many(values)
    published = sorted(str(v) for v in graph.objects(film, SDO.datePublished))
    if published:
        movie["datePublished"] = published[0]  # the first release; the graph keeps every one
    for key, prop, kind in [("countryOfOrigin", SDO.countryOfOrigin, "Country"), ("director", SDO.director, "Person"),
                            ("author", SDO.author, "Person"), ("producer", SDO.producer, "Person"),
                            ("musicBy", SDO.musicBy, "Person"), ("productionCompany", SDO.productionCompany,
                                                                 "Organization"),
                            ("publisher", SDO.publisher, "Organization"), ("locationCreated", SDO.locationCreated,
                                                                          "Place"),
                            ("about", SDO.about, "DefinedTerm"), ("inLanguage", SDO.inLanguage, "Language")]:
        nodes = [_node(graph, n, kind) for n in _sorted(graph, film, prop)]
        if nodes:
            movie[key] = _one_or_many(nodes)
    for key, prop, role_type, detail, detail_prop in [
            ("contributor", SDO.contributor, "Role", "roleName", SDO.roleName),
            ("actor", SDO.actor, "PerformanceRole", "characterName", SDO.characterName)]:
        roles = [_role(graph, role, prop, role_type, detail, detail_prop)
                 for role in sorted(graph.objects(film, prop), key=str)]
        if roles:
            movie[key] = roles
    awards = sorted(str(a) for a in graph.objects(film, SDO.award))
    if awards:
        movie["award"] = _one_or_many(awards)
    return movie


def script_json(data: dict[str, Any]) -> str:
    """JSON safe inside a script element.

    Example:

    >>> script_json({"name": "</script>&"})
    '{\\n  "name": "\\\\u003c/script\\\\u003e\\\\u0026"\\n}'
    """
    text = json.dumps(data, indent=2, ensure_ascii=False)
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return text


def snippet(graph: Graph, film: URIRef) -> str:
    """The ``<script type="application/ld+json">`` element for a film page."""
    return _script(movie_object(graph, film))


def _script(movie: dict[str, Any]) -> str:
    return f'<script type="application/ld+json">\n{script_json(movie)}\n</script>\n'


class Named(Literal):
    """A name that remembers the node it names, so that a page served beside its graph can link it (the embed
    page shows it as text). It orders, compares and prints as the name alone."""

    node: Node | None = None


def _named(name: Node, node: Node) -> Node:
    if not isinstance(name, Literal):
        return name
    named = Named(str(name), lang=name.language, datatype=name.datatype, normalize=False)
    named.node = node
    return named


def named(text: str, node: Node) -> Named:
    """A table cell showing ``text`` that links to ``node``'s page (when the page's ``href`` gives one)."""
    cell = Named(text)
    cell.node = node
    return cell


# A page's cell: text, a term (a Named one links), or several of them shown with commas.
Cell = Any
# The address of a node's own page, or None (a served page links what the server publishes; embed links nothing).
Href = Callable[[Node], "str | None"]


# The page's tables are read by walking the film's statements through the graph's indexes, not by SPARQL: an
# rdflib GROUP BY with OPTIONALs costs the square of the accolades, a walk costs each statement once.
Row = tuple[Node | None, ...]


def _order_key(term: Node | None) -> tuple[int, Any]:
    # SPARQL's ORDER BY as rdflib applies it: unbound first, then blank nodes, IRIs, and literals by value.
    if term is None:
        return 0, ""
    return (1 if isinstance(term, BNode) else 2 if isinstance(term, URIRef) else 3), term


def _text_order_key(term: Node | None) -> tuple[int, str]:
    # _order_key for a column whose literals are all strings of one language: rdflib orders those by their text,
    # so the text is the key (a comparison of two Literals costs some twenty times more)
    if term is None:
        return 0, ""
    return (1 if isinstance(term, BNode) else 2 if isinstance(term, URIRef) else 3), str(term)


def _sorted_rows(rows: list[Row], *columns: int) -> list[Row]:
    """``ORDER BY`` the columns, first column first."""
    for column in reversed(columns):
        kinds = {(term.datatype, term.language) for row in rows if isinstance(term := row[column], Literal)}
        strings = len(kinds) <= 1 and all(datatype in (None, XSD.string) for datatype, _ in kinds)
        key = _text_order_key if strings else _order_key
        rows = sorted(rows, key=lambda row: key(row[column]))  # noqa: B023 - used at once
    return rows


def _as_text(rows: list[Row]) -> list[list[str]]:
    return [[_text(term) for term in row] for row in rows]


def _names(graph: Graph, subject: Node, prop: URIRef) -> list[Node]:
    # prop/schema:name, each name with the node it names
    return [_named(name, node) for node in graph.objects(subject, prop) for name in graph.objects(node, SDO.name)]


def _stated_dates(graph: Graph, statement: Node, value_property: URIRef) -> list[Node]:
    """A Wikidata time (an xsd:dateTime with its precision on the value node) as the date the article states:
    "1969", "1969-05" or "1969-05-25"."""
    dates: list[Node] = []
    for node in graph.objects(statement, value_property):
        stamp, precision = graph.value(node, WIKIBASE.timeValue), graph.value(node, WIKIBASE.timePrecision)
        if stamp is not None:
            length = {9: 4, 10: 7}.get(int(precision) if precision is not None else 11, 10)
            dates.append(Literal(str(stamp)[:length]))
    return dates


def cast_rows(graph: Graph, film: URIRef) -> list[list[str]]:
    """Actor and character, by actor: a role's person and characters, or a person linked without a role."""
    return _as_text(_cast(graph, film))


def _cast(graph: Graph, film: URIRef) -> list[Row]:
    rows: list[Row] = []
    for role in graph.objects(film, SDO.actor):
        characters = list(graph.objects(role, SDO.characterName)) or [None]
        rows += [(actor, character) for actor in _names(graph, role, SDO.actor) for character in characters]
        names = list(graph.objects(role, SDO.name))  # a role node has none: its type need not be asked
        if names and (role, RDF.type, SDO.Person) in graph:
            rows += [(_named(actor, role), None) for actor in names]
    return _sorted_rows(rows, 0, 1)


def release_rows(graph: Graph, film: URIRef) -> list[list[str]]:
    """Releases (P577 with their places) and screenings at events, by date and place."""
    return _as_text(_releases(graph, film))


def _releases(graph: Graph, film: URIRef) -> list[Row]:
    rows: list[Row] = []
    for statement in graph.objects(film, P.P577):
        places = _names(graph, statement, PQ.P291) or [None]
        rows += [(Literal("Release"), when, place) for when in _stated_dates(graph, statement, PSV.P577)
                 for place in places]
    for event in graph.subjects(SDO.workPresented, film):
        dates = list(graph.objects(event, SDO.startDate)) or [None]
        rows += [(Literal("Screening"), when, _named(place, event)) for place in graph.objects(event, SDO.name)
                 for when in dates]
    return _sorted_rows(rows, 1, 2)


def accolade_rows(graph: Graph, film: URIRef) -> list[list[str]]:
    """Body, date, category, nominees and result of each award statement (P166 won, P1411 nominated), one row
    per body, date, category and result, by date, body and category."""
    return [[_text(body), _text(when), _text(category), ", ".join(map(str, nominees)), _text(result)]
            for body, when, category, nominees, result in _accolades(graph, film)]


def _accolades(graph: Graph, film: URIRef) -> list[tuple[Any, ...]]:
    groups: dict[tuple[Node | None, Node | None, Node, str], list[Node]] = {}
    for claim, value, result in ((P.P166, PS.P166, "won"), (P.P1411, PS.P1411, "nominated")):
        for statement in graph.objects(film, claim):
            dates = _stated_dates(graph, statement, PQV.P585) or [None]
            nominees = _names(graph, statement, PQ.P2453)
            for award in graph.objects(statement, value):
                bodies = _names(graph, award, WDT.P361) or [None]
                for category in (_named(name, award) for name in graph.objects(award, SDO.name)):
                    for body in bodies:
                        for when in dates:
                            groups.setdefault((body, when, category, result), []).extend(nominees)
    rows = [(body, when, category, nominees, Literal(result))
            for (body, when, category, result), nominees in groups.items()]
    return _sorted_rows(rows, 1, 0, 2)


STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f5f2;color:#1d1d1f}
main{max-width:980px;margin:0 auto;padding:2rem 1.5rem 4rem}
h1{font-size:2.2rem;margin:0 0 .2rem}h2{font-size:1.2rem;margin:2rem 0 .6rem;border-bottom:2px solid #d8d4cc}
.original{color:#666;margin:0 0 1rem;font-style:italic}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.95rem}
th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #e6e3dc;vertical-align:top}
th{background:#efece6;font-weight:600}.facts th{width:14rem}
.won{color:#0a6b2d;font-weight:600}.nominated{color:#6b5b0a}
figure{margin:0;background:#fff;border:1px solid #e6e3dc}svg{display:block;width:100%;height:auto}
footer{margin-top:2rem;color:#777;font-size:.8rem}
"""


def cell_html(cell: Cell, href: Href | None = None) -> str:
    """A table cell's HTML: its text escaped, a name linked to its node's page when ``href`` gives one."""
    if isinstance(cell, list | tuple):
        return ", ".join(cell_html(item, href) for item in cell)
    text = html.escape(_text(cell))
    node = getattr(cell, "node", None)
    target = href(node) if href is not None and node is not None else None
    return f'<a href="{html.escape(target)}">{text}</a>' if target else text


def table_html(headers: Sequence[str], rows: Sequence[Sequence[Cell]], css: str = "", row_class: int | None = None,
               href: Href | None = None) -> str:
    """An HTML table (every value escaped), or "None stated." for no rows."""
    if not rows:
        return "<p>None stated.</p>"
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cls = f' class="{html.escape(_text(row[row_class]))}"' if row_class is not None else ""
        body.append("<tr" + cls + ">" + "".join(f"<td>{cell_html(c, href)}</td>" for c in row) + "</tr>")
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def render_page(graph: Graph, film: URIRef, *, href: Href | None = None, head: str = "", top: str = "",
                bottom: str = "", footer: str = "") -> str:
    """A self-contained HTML page for ``film``: facts, cast, releases, accolades, the graph diagram.

    A server publishing the graph passes ``href`` (a node's page, so that every person, company, category and
    event is a link) and HTML of its own (already escaped) for the ``head``, the ``top`` of the page (before its
    main part), its ``bottom`` (after the diagram) and the ``footer``; without them it is the ``embed`` page.
    """
    movie = movie_object(graph, film)
    title = movie["name"]

    def names(key: str) -> list[Cell]:
        value = movie.get(key)
        items = value if isinstance(value, list) else [value] if value else []
        cells: list[Cell] = []
        for item in items:
            if isinstance(item, dict):
                name = Literal(item["name"])
                cells.append(_named(name, URIRef(item["@id"])) if "@id" in item else name)
            elif item:
                cells.append(str(item))
        return cells

    crew_roles: dict[str, list[Cell]] = {}
    for contributor in movie.get("contributor", []):
        if "roleName" in contributor:
            person = contributor["contributor"]
            crew_roles.setdefault(contributor["roleName"], []).append(
                _named(Literal(person["name"]), URIRef(person["@id"])) if "@id" in person else person["name"])
    languages: list[Cell] = sorted(str(graph.value(code, RDFS.label) or "") for code in graph.objects(film, WDT.P364))
    facts: list[tuple[str, Cell]] = [
        ("Directed by", names("director")), ("Written by", names("author")), ("Produced by", names("producer")),
        ("Music by", names("musicBy"))]
    facts += [(role.capitalize(), people) for role, people in sorted(crew_roles.items())]
    facts += [("Production companies", names("productionCompany")), ("Distributed by", names("publisher")),
              ("Running time", _minutes(movie.get("duration"))), ("Country", names("countryOfOrigin")),
              ("Language", languages or names("inLanguage")), ("Genre", names("genre")),
              ("Filming location", names("locationCreated")), ("Subject", names("about"))]
    fact_rows = [[k, v] for k, v in facts if v]
    original = movie.get("alternateName")
    original_text = original["@value"] if isinstance(original, dict) else original if isinstance(original, str) else ""
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title>", f"<style>{STYLE}</style>", *([head] if head else []),
        _script(movie).rstrip(), "</head>", "<body>", *([top] if top else []), "<main>",
        f"<h1>{html.escape(title)}</h1>",
    ]
    if original_text:
        parts.append(f'<p class="original">{html.escape(original_text)}</p>')
    if movie.get("description"):
        parts.append(f"<p>{html.escape(str(movie['description']))}</p>")
    parts += ["<h2>Facts</h2>", table_html(["Fact", "Value"], fact_rows, "facts", href=href),
              "<h2>Cast</h2>", table_html(["Actor", "Character"], _cast(graph, film), "cast", href=href),
              "<h2>Releases and screenings</h2>",
              table_html(["Kind", "Date", "Where"], _releases(graph, film), "releases", href=href),
              "<h2>Accolades</h2>",
              table_html(["Award", "Date", "Category", "Nominees", "Result"], _accolades(graph, film), "accolades",
                         row_class=4, href=href),
              "<h2>Graph</h2>", f"<figure>{draw_graph(graph, film)}</figure>", *([bottom] if bottom else []),
              footer or f"<footer>Generated by filmgraph from <code>{html.escape(str(film))}</code>.</footer>",
              "</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _minutes(duration: Any) -> str:
    """A running time as minutes ("PT92M", "PT1H24M" → "84 minutes"); any other duration as it is written.

    >>> _minutes("PT92M"), _minutes("PT1H24M"), _minutes("P1D")
    ('92 minutes', '84 minutes', 'P1D')
    """
    text = str(duration or "")
    match = re.fullmatch(r"PT(?:(\d{1,4})H)?(?:(\d{1,6})M)?", text)
    if match and (match.group(1) or match.group(2)):
        return f"{int(match.group(1) or 0) * 60 + int(match.group(2) or 0)} minutes"
    return text
