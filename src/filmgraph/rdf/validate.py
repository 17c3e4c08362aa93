"""Validate a graph against the SHACL shapes in ``filmgraph/shapes`` (pyshacl).

A violation is a result, not an error: :func:`validate_graph` returns a :class:`Report` whose
``lines()`` name the node by its label, the property and the broken rule, one line each.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from filmgraph.rdf.shapes import FilmTriples, run_checks, shapes_graph
from filmgraph.rdf.vocab import PREFIXES, RDFS, SDO


@dataclass(frozen=True)
class Violation:
    node: str
    path: str
    message: str
    severity: str  # "Violation" or "Warning"
    # The terms behind the text, so that an offending value can be taken out of the graph.
    focus: Node | None = field(default=None, compare=False, repr=False)
    path_term: Node | None = field(default=None, compare=False, repr=False)
    value: Node | None = field(default=None, compare=False, repr=False)

    @property
    def removable(self) -> tuple[Node, URIRef, Node] | None:
        """The one triple that breaks the shape, when the result names it (a value, not a missing one)."""
        if self.focus is not None and isinstance(self.path_term, URIRef) and self.value is not None:
            return self.focus, self.path_term, self.value
        return None

    def __str__(self) -> str:
        return f"{self.severity}: {self.node}: {self.path}: {self.message}"


@dataclass
class Report:
    conforms: bool
    results: list[Violation] = field(default_factory=list)

    @property
    def violations(self) -> list[Violation]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[Violation]:
        return [r for r in self.results if r.severity == "Warning"]

    def lines(self, *, verbose: bool = True) -> list[str]:
        """One line per result; with ``verbose=False`` the warnings of one kind are one line (see
        :func:`result_lines`)."""
        return result_lines(self.results, verbose=verbose)


def result_lines(results: list[Violation], *, verbose: bool = True) -> list[str]:
    """One line per result; with ``verbose=False`` the warnings of one kind (one property, one message), met
    more than once, are one line that counts them. Violations are always listed one by one.

    Example:

    >>> warnings = [Violation(f"<urn:s{n}>", "pq:P585", "the article gives no ceremony date", "Warning")
    ...             for n in range(3)]
    >>> result_lines(warnings, verbose=False)
    ['Warning: 3 × pq:P585: the article gives no ceremony date']
    >>> result_lines(warnings[:1], verbose=False)
    ['Warning: <urn:s0>: pq:P585: the article gives no ceremony date']
    """
    if verbose:
        return [str(result) for result in results]
    kinds: dict[tuple[str, str, str], list[Violation]] = {}
    for result in results:
        if result.severity != "Violation":
            kinds.setdefault((result.severity, result.path, result.message), []).append(result)
    lines = []
    for result in results:
        same = kinds.get((result.severity, result.path, result.message))
        if same is None or len(same) == 1:
            lines.append(str(result))
        elif result is same[0]:
            lines.append(f"{result.severity}: {len(same)} × {result.path}: {result.message}")
    return lines


def _curie(term: Node | None, graph: Graph) -> str:
    if term is None:
        return "(node)"
    if isinstance(term, URIRef):
        for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
            if str(term).startswith(str(namespace)):
                return f"{prefix}:{str(term)[len(str(namespace)):]}"
        return f"<{term}>"
    path_items = list(graph.items(term)) if (term, None, None) in graph else []
    alternatives = graph.value(term, SH.alternativePath)
    if alternatives is not None:
        return "|".join(_curie(item, graph) for item in graph.items(alternatives))
    return "/".join(_curie(item, graph) for item in path_items) or str(term)


def _label(node: Node, data: Graph | FilmTriples) -> str:
    """The node as a reader knows it: its name (the first in order, when it has several) and its IRI."""
    for prop in (SDO.name, RDFS.label):
        names = sorted((value for value in data.objects(node, prop) if isinstance(value, Literal)), key=str)
        if names:
            return f"{names[0]} <{node}>" if isinstance(node, URIRef) else str(names[0])
    return f"<{node}>" if isinstance(node, URIRef) else str(node)


def _finish(report: Report) -> Report:
    report.results.sort(key=lambda r: (r.severity != "Violation", r.node, r.path, r.message,
                                       r.value.n3() if r.value is not None else ""))
    return report


def validate_graph(graph: Graph) -> Report:
    """Check ``graph`` against the shapes; warnings do not make it fail.

    Example:

    >>> from rdflib import Graph, URIRef
    >>> from filmgraph.rdf.vocab import RDF, SDO
    >>> g = Graph().add((URIRef("urn:film"), RDF.type, SDO.Movie))
    >>> for line in validate_graph(g).lines()[:2]:
    ...     print(line)
    Violation: <urn:film>: rdfs:label: a film needs a label with a language tag
    Violation: <urn:film>: schema:name: a film needs exactly one name, with a language tag
    """
    # pyshacl is imported on first use: `filmgraph --help` and commands that never validate start faster.
    from pyshacl import validate as shacl_validate

    conforms, results, _ = shacl_validate(graph, shacl_graph=shapes_graph(), allow_warnings=True,
                                          inference="none", advanced=True)
    report = Report(conforms=bool(conforms))
    for result in results.subjects(SH.resultSeverity, None):
        severity = results.value(result, SH.resultSeverity)
        message = results.value(result, SH.resultMessage)
        path = results.value(result, SH.resultPath)
        focus = results.value(result, SH.focusNode)
        report.results.append(Violation(
            node=_label(focus, graph) if focus is not None else "(graph)",
            path=_curie(path, results),
            message=str(message) if message else str(results.value(result, SH.sourceConstraintComponent)),
            severity=str(severity).rsplit("#", 1)[-1],
            focus=focus, path_term=path, value=results.value(result, SH.value),
        ))
    return _finish(report)


def validate_triples(data: FilmTriples) -> Report:
    """Check a film's triples against the shapes compiled (:mod:`filmgraph.rdf.shapes`): the same report
    as :func:`validate_graph` on a graph of the same triples, in a fraction of the time.

    Example:

    >>> from rdflib import URIRef
    >>> from filmgraph.rdf.vocab import RDF, SDO
    >>> for line in validate_triples(FilmTriples([(URIRef("urn:film"), RDF.type, SDO.Movie)])).lines()[:2]:
    ...     print(line)
    Violation: <urn:film>: rdfs:label: a film needs a label with a language tag
    Violation: <urn:film>: schema:name: a film needs exactly one name, with a language tag
    """
    shapes = shapes_graph()
    report = Report(conforms=True)
    for result in run_checks(data):
        report.conforms = report.conforms and result.severity != "Violation"
        report.results.append(Violation(node=_label(result.focus, data), path=_curie(result.path, shapes),
                                        message=result.message, severity=result.severity, focus=result.focus,
                                        path_term=result.path, value=result.value))
    return _finish(report)


def shapes_report(data: Graph | FilmTriples) -> Report:
    """The shapes report of an rdflib Graph (pyshacl) or of a film's triples (the shapes compiled): the same."""
    return validate_triples(data) if isinstance(data, FilmTriples) else validate_graph(data)


def prune_violations(graph: Graph | FilmTriples, *, rounds: int = 3) -> tuple[Report, list[str]]:
    """Validate (pyshacl for a Graph, the compiled shapes for FilmTriples), and take out each value that
    breaks a shape, until the graph conforms.

    Returns the last report and one warning per value taken out (naming the node, the property, the
    value and the reason). A violation that names no value (a required property missing) stays.
    """
    dropped: list[str] = []
    report = shapes_report(graph)
    for _ in range(rounds):
        if report.conforms:
            break
        removable = [(v, v.removable) for v in report.violations if v.removable is not None]
        for violation in report.violations:
            if violation.removable is None and violation.focus is not None and isinstance(violation.path_term, URIRef):
                # Too many values (sh:maxCount names none of them): the first, in a stable order, stays.
                extra = sorted(graph.objects(violation.focus, violation.path_term), key=lambda term: term.n3())[1:]
                removable += [(violation, (violation.focus, violation.path_term, value)) for value in extra]
        if not removable:
            break
        for violation, triple in removable:
            if triple in graph:
                graph.remove(triple)
                dropped.append(f"{violation.node}: {violation.path} value {triple[2].n3()[:120]} left out: "
                               f"{violation.message}")
        report = shapes_report(graph)
    return report, dropped
