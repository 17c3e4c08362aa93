"""The SHACL shapes compiled into checks that run over a film's triples in memory.

pyshacl reads the shapes graph, clones the data graph and walks both on every call, which costs more
than extracting the film. The export path checks each film with the same shapes, compiled once into
plain Python closures over an index of the film's triples. The shapes files stay the single source of
truth: every constraint is read from them, a constraint this compiler does not know is refused when the
shapes are compiled (never silently skipped), and ``tests/test_shapes.py`` proves on mutated graphs that
the compiled checks report exactly what pyshacl reports.

Semantics follow pyshacl's (SHACL Core): ``sh:class`` via ``rdf:type/rdfs:subClassOf*`` in the data,
``sh:datatype`` with rdflib's ill-typed literal test, ``sh:pattern`` on a literal's lexical form.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import resources

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from filmgraph.rdf import vocab
from filmgraph.rdf.vocab import RDF, RDFS, XSD

Triple = tuple[Node, Node, Node]
# The vocabulary's own terms (the objects the mapper puts in the triples): an index look-up finds them by identity.
_TYPE = RDF.type
_SUBCLASS = RDFS.subClassOf


class FilmTriples:
    """A film's triples in insertion order, indexed by subject and predicate, for checking and pruning.

    It offers the part of rdflib's Graph interface the pruning needs (``objects``, ``remove``, ``in``).
    """

    def __init__(self, triples: Iterable[Triple] = ()) -> None:
        self._triples: dict[Triple, None] = {}
        self._index: dict[Node, dict[Node, list[Node]]] = {}
        self._classes: dict[Node, set[Node]] | None = None  # class → its instances, made when first asked
        self._subjects: dict[Node, list[Node]] | None = None  # predicate → its subjects, made when first asked
        # All at once, as add() would one by one: each triple kept at its first place (a literal's hash is
        # computed in Python: one look-up each), then indexed in that order.
        self._triples = dict.fromkeys(triples)
        index = self._index
        for subject, predicate, value in self._triples:
            by_predicate = index.get(subject)
            if by_predicate is None:
                index[subject] = {predicate: [value]}
            elif (values := by_predicate.get(predicate)) is None:
                by_predicate[predicate] = [value]
            else:
                values.append(value)

    def add(self, triple: Triple) -> None:
        known = len(self._triples)
        self._triples.setdefault(triple, None)  # one look-up: a literal's hash is computed in Python
        if len(self._triples) > known:
            self._index.setdefault(triple[0], {}).setdefault(triple[1], []).append(triple[2])
            self._classes = self._subjects = None

    def remove(self, triple: Triple) -> None:
        if triple in self._triples:
            del self._triples[triple]
            self._index[triple[0]][triple[1]].remove(triple[2])
            self._classes = self._subjects = None

    def objects(self, subject: Node, predicate: Node) -> list[Node]:
        return self._index.get(subject, {}).get(predicate, [])

    def subjects_with(self, predicate: Node) -> list[Node]:
        """The subjects that have a value of ``predicate``, in the order they came."""
        return self._subjects_by_predicate().get(predicate, [])

    def _subjects_by_predicate(self) -> dict[Node, list[Node]]:
        # Made in one pass over the index: the shapes ask for the subjects of some forty predicates a film.
        if self._subjects is None:
            subjects: dict[Node, list[Node]] = {}
            for subject, by_predicate in self._index.items():
                for predicate, values in by_predicate.items():
                    if values:
                        subjects.setdefault(predicate, []).append(subject)
            self._subjects = subjects
        return self._subjects

    def __contains__(self, triple: object) -> bool:
        return triple in self._triples

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def _instances_by_class(self) -> dict[Node, set[Node]]:
        """Every class (with its superclasses, ``rdf:type/rdfs:subClassOf*``) → its instances."""
        if self._classes is None:
            classes: dict[Node, set[Node]] = {}
            supers: dict[Node, set[Node]] = {}
            for subject, by_predicate in self._index.items():
                for cls in by_predicate.get(_TYPE, ()):
                    if cls not in supers:
                        supers[cls] = self._superclasses(cls)
                    for each in supers[cls]:
                        classes.setdefault(each, set()).add(subject)
            self._classes = classes
        return self._classes

    def _superclasses(self, cls: Node) -> set[Node]:
        seen: set[Node] = set()
        todo = [cls]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(self.objects(current, _SUBCLASS))
        return seen

    def is_instance(self, node: Node, cls: Node) -> bool:
        """``node rdf:type/rdfs:subClassOf* cls``."""
        return node in self._instances_by_class().get(cls, ())

    def instances(self, cls: Node) -> list[Node]:
        return list(self._instances_by_class().get(cls, ()))


# A compiled value check: (the film's triples, one value node) → does the value pass?
ValueCheck = Callable[[FilmTriples, Node], bool]
# A compiled count check: (the film's triples, all value nodes of a focus) → does the set pass?
CountCheck = Callable[[FilmTriples, list[Node]], bool]


@dataclass(frozen=True)
class CompiledResult:
    """One result of a compiled check, in the terms pyshacl's report gives."""

    focus: Node
    path: Node
    severity: str
    message: str
    value: Node | None


@dataclass
class PropertyCheck:
    """One property shape: where its focus nodes come from, its path, and its compiled constraints."""

    targets: list[Callable[[FilmTriples], list[Node]]]
    path: Node
    predicates: list[Node]  # the path's predicates (one, or the alternatives)
    severity: str
    message: str
    value_checks: list[ValueCheck] = field(default_factory=list)
    count_checks: list[CountCheck] = field(default_factory=list)

    def run(self, data: FilmTriples) -> Iterator[CompiledResult]:
        # A node that several targets select is one focus node, checked once.
        single = self.predicates[0] if len(self.predicates) == 1 else None
        for focus in dict.fromkeys(node for target in self.targets for node in target(data)):
            # One predicate's values are distinct already (the film's triples are): only alternatives' are deduped.
            values = list(data.objects(focus, single)) if single is not None else list(dict.fromkeys(
                v for p in self.predicates for v in data.objects(focus, p)))
            for check in self.count_checks:
                if not check(data, values):
                    yield CompiledResult(focus, self.path, self.severity, self.message, None)
            for check in self.value_checks:
                for value in values:
                    if not check(data, value):
                        yield CompiledResult(focus, self.path, self.severity, self.message, value)


class UnsupportedShape(ValueError):
    """The shapes use a SHACL feature the compiler does not implement (pyshacl still checks them)."""


_XSD_STRINGS = (None, str(RDF.langString), str(XSD.string))
_NUMBER = (int, float, Decimal)


def _datatype(rule: Node) -> ValueCheck:
    # What the rule is, decided once; a literal's datatype is mostly the rule's own object (the vocabulary's), which
    # identity finds before rdflib's equality test (Python) is asked.
    plain_string, lang_string = rule == XSD.string, rule == RDF.langString

    def check(data: FilmTriples, value: Node) -> bool:
        if not isinstance(value, Literal):
            return False
        datatype = value.datatype
        if datatype is not None and (datatype is rule or datatype == rule):
            if getattr(value, "ill_typed", None) is True:
                return False
            return _python_value_fits(value, rule)
        if datatype is None and value.language is None and plain_string:
            return isinstance(value.value, (str, bytes))
        if lang_string and value.language:
            return isinstance(value.value, (str, bytes))
        return False
    return check


def _python_value_fits(value: Literal, rule: Node) -> bool:
    """The Python value rdflib made of the literal is of the rule's kind (as pyshacl checks it)."""
    kind = _PYTHON_KINDS.get(rule)
    return True if kind is None else isinstance(value.value, kind)


# The datatypes whose literals pyshacl checks by their Python value; any other is taken as it is.
_PYTHON_KINDS: dict[Node, type | tuple[type, ...]] = {
    XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
    XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: datetime.date, XSD.time: datetime.time,
    XSD.dateTime: datetime.datetime}


def _class(rule: Node) -> ValueCheck:
    return lambda data, value: not isinstance(value, Literal) and data.is_instance(value, rule)


def _pattern(rule: Node, flags: Node | None) -> ValueCheck:
    re_flags = 0
    for letter in str(flags or ""):
        re_flags |= {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}.get(letter, 0)
    compiled = re.compile(str(rule), re_flags)

    def check(data: FilmTriples, value: Node) -> bool:
        if isinstance(value, BNode):
            return False
        if isinstance(value, Literal) and value.value is not None and value.datatype in _XSD_STRINGS:
            text = str(value.value)
        else:
            text = str(value)
        return compiled.search(text) is not None
    return check


def _min_exclusive(rule: Node) -> ValueCheck:
    limit = rule.value if isinstance(rule, Literal) else None

    def check(data: FilmTriples, value: Node) -> bool:
        if not isinstance(value, Literal):
            return False
        number = value.value
        if isinstance(number, bool) or not isinstance(number, _NUMBER) or not isinstance(limit, _NUMBER):
            return False
        try:
            return number > limit
        except TypeError:
            return False
    return check


def _node_kind(rule: Node) -> ValueCheck:
    kinds: dict[Node, tuple[type, ...]] = {
        SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,), SH.BlankNodeOrIRI: (BNode, URIRef),
        SH.BlankNodeOrLiteral: (BNode, Literal), SH.IRIOrLiteral: (URIRef, Literal)}
    if rule not in kinds:
        raise UnsupportedShape(f"sh:nodeKind {rule}")
    return lambda data, value: isinstance(value, kinds[rule])


# Constraint parameters that make no check of their own, or that the compiler reads beside another.
_DESCRIPTIVE = {SH.path, SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group, SH.flags,
                RDF.type}


def _node_constraints(shapes: Graph, shape: Node) -> list[ValueCheck]:
    """The value checks of a constraint-only shape (as in an ``sh:or`` list), applied to one node."""
    checks: list[ValueCheck] = []
    for predicate, rule in shapes.predicate_objects(shape):
        if predicate in _DESCRIPTIVE:
            continue
        checks.append(_value_check(shapes, shape, predicate, rule))
    return checks


def _value_check(shapes: Graph, shape: Node, predicate: Node, rule: Node) -> ValueCheck:
    rule = _own_term(rule)
    if predicate == SH.datatype:
        return _datatype(rule)
    if predicate == SH["class"]:
        return _class(rule)
    if predicate == SH.pattern:
        return _pattern(rule, shapes.value(shape, SH.flags))
    if predicate == SH.minExclusive:
        return _min_exclusive(rule)
    if predicate == SH.nodeKind:
        return _node_kind(rule)
    if predicate == SH["or"]:
        alternatives = [_node_constraints(shapes, member) for member in shapes.items(rule)]
        return lambda data, value: any(all(check(data, value) for check in checks) for checks in alternatives)
    raise UnsupportedShape(f"{predicate} is not compiled; add it to filmgraph.rdf.shapes")


def _count_check(predicate: Node, rule: Node) -> CountCheck | None:
    if predicate == SH.minCount:
        least = int(rule)
        return lambda data, values: len(values) >= least
    if predicate == SH.maxCount:
        most = int(rule)
        return lambda data, values: len(values) <= most
    if predicate == SH.hasValue:
        own = _own_term(rule)  # the mapper's own object: found among the values by identity
        return lambda data, values: own in values
    return None


def _targets(shapes: Graph, node_shape: Node) -> list[Callable[[FilmTriples], list[Node]]]:
    targets: list[Callable[[FilmTriples], list[Node]]] = []
    for cls in map(_own_term, shapes.objects(node_shape, SH.targetClass)):
        targets.append(lambda data, cls=cls: data.instances(cls))
    for predicate in map(_own_term, shapes.objects(node_shape, SH.targetSubjectsOf)):
        targets.append(lambda data, predicate=predicate: list(data.subjects_with(predicate)))
    for node in shapes.objects(node_shape, SH.targetNode):
        targets.append(lambda data, node=node: [node])
    for unsupported in (SH.targetObjectsOf, SH.target):
        if (node_shape, unsupported, None) in shapes:
            raise UnsupportedShape(f"{unsupported} on {node_shape}")
    return targets


def _path_predicates(shapes: Graph, path: Node) -> list[Node]:
    if isinstance(path, URIRef):
        return [_own_term(path)]
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None and all(isinstance(item, URIRef) for item in shapes.items(alternatives)):
        return [_own_term(item) for item in shapes.items(alternatives)]
    raise UnsupportedShape(f"property path {path} (only IRIs and sh:alternativePath of IRIs are compiled)")


# The vocabulary's namespaces, the longest first (wikidata's prop/direct/ before prop/).
_OWN_NAMESPACES = sorted([*{str(namespace): namespace for namespace in vocab.PREFIXES.values()
                            if isinstance(namespace, vocab.TermNamespace)}.values(), RDF, RDFS, XSD, vocab.OWL,
                          vocab.PROV], key=len, reverse=True)


def _own_term(term: Node) -> Node:
    """The mapper's own object for an IRI the shapes name (the vocabulary's, as ``SDO.name`` gives it), equal to it:
    the film's index then finds it by identity, where an equal copy costs rdflib's equality test (Python) on every
    look-up, a few hundred a film. Any other term as it is."""
    if type(term) is not URIRef:
        return term
    for namespace in _OWN_NAMESPACES:
        if term.startswith(namespace):
            try:
                own = namespace.term(term[len(namespace):])
            except (AttributeError, KeyError, ValueError):  # a closed namespace without the term
                return term
            return own if own == term else term
    return term


def compile_shapes(shapes: Graph) -> list[PropertyCheck]:
    """Every property shape of every node shape, compiled.

    :raises UnsupportedShape: a shape uses a constraint the compiler does not implement.
    """
    checks: list[PropertyCheck] = []
    for node_shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        if set(shapes.predicates(node_shape)) - {RDF.type, SH.targetClass, SH.targetSubjectsOf, SH.targetNode,
                                                 SH.property, RDFS.comment, RDFS.label}:
            raise UnsupportedShape(f"constraints directly on the node shape {node_shape}")
        targets = _targets(shapes, node_shape)
        for prop in shapes.objects(node_shape, SH.property):
            path = shapes.value(prop, SH.path)
            severity = shapes.value(prop, SH.severity) or SH.Violation
            message = shapes.value(prop, SH.message)
            check = PropertyCheck(targets, path, _path_predicates(shapes, path), str(severity).rsplit("#", 1)[-1],
                                  str(message) if message is not None else "")
            for predicate, rule in shapes.predicate_objects(prop):
                if predicate in _DESCRIPTIVE:
                    continue
                count = _count_check(predicate, rule)
                if count is not None:
                    check.count_checks.append(count)
                else:
                    check.value_checks.append(_value_check(shapes, prop, predicate, rule))
            checks.append(check)
    return checks


@cache
def shapes_graph() -> Graph:
    """Every ``*.ttl`` file of the package's shapes folder, in one graph (read once per process)."""
    graph = Graph()
    folder = resources.files("filmgraph").joinpath("shapes")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".ttl"):
            graph.parse(data=entry.read_text(encoding="utf-8"), format="turtle")
    return graph


@cache
def compiled_shapes() -> list[PropertyCheck]:
    """The package's shapes, compiled once per process."""
    return compile_shapes(shapes_graph())


def run_checks(data: FilmTriples, checks: list[PropertyCheck] | None = None) -> list[CompiledResult]:
    """Every result of the compiled shapes on ``data``."""
    return [result for check in (compiled_shapes() if checks is None else checks) for result in check.run(data)]
