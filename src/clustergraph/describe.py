"""What the store says about a resource, or a set of resources, with the provenance of each fact.

The description of a set ``N`` of resources (:func:`resource_quads`) holds

- every triple with a resource of ``N`` as subject (its types, labels, attributes and facts out);
- every fact pointing at a resource of ``N`` (facts in), except the links from provenance nodes;
- the types and labels (``rdfs:label``, ``skos:prefLabel``) of the resources those facts link to;
- the provenance of every fact: its ``cg:Assertion`` nodes (evidence sentence, offsets,
  confidence, date), the dated ``cg:Membership`` / ``cg:LabelAward`` nodes, the ``cg:Figure``
  nodes about the resources, and the announcements they were derived from (without their full
  text, ``cg:text``).

A neighbourhood (:func:`neighbourhood_quads`) is an ego graph: the resources within ``depth``
facts of a focus, the facts among them (not those leaving the neighbourhood) and their provenance.

Every quad keeps its named graph, so a subset written as N-Quads or TriG still says which
announcement stated what. Triples of the store's default graph are not part of subsets
(clustergraph keeps everything in named graphs). Blank nodes are not followed.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Sequence

from rdflib import Graph, Literal, URIRef  # noqa: F401 (Literal: the doctest)
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from clustergraph.relations import BY_PROPERTY
from clustergraph.store.base import Quad, Store
from clustergraph.store.results import term_to_sparql
from clustergraph.vocab import CG, PREFIXES

FACT_PROPERTIES: frozenset[URIRef] = frozenset(BY_PROPERTY) | {CG.successorOf}
PROVENANCE_CLASSES: tuple[URIRef, ...] = (
    CG.Assertion, CG.Membership, CG.LabelAward, CG.Figure, CG.Announcement, CG.ExtractionActivity,
)
LABEL_PROPERTIES: tuple[URIRef, ...] = (RDF.type, RDFS.label, SKOS.prefLabel)
MAX_DEPTH = 5
_CHUNK = 400  # terms per VALUES block


def _terms(terms: Iterable[URIRef]) -> str:
    return " ".join(term_to_sparql(t) for t in terms)


_PROVENANCE_VALUES = _terms(PROVENANCE_CLASSES)
_FACT_VALUES = _terms(sorted(FACT_PROPERTIES))

_OUT = "SELECT ?s ?p ?o ?g WHERE { VALUES ?s { %s } GRAPH ?g { ?s ?p ?o } }"
_IN = (
    "SELECT ?s ?p ?o ?g WHERE { VALUES ?o { %s } GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?s)) "
    f"FILTER NOT EXISTS {{ ?s a ?c . VALUES ?c {{ {_PROVENANCE_VALUES} }} }} }}"
)
_LABELS = (
    "SELECT ?s ?p ?o ?g WHERE { VALUES ?s { %s } GRAPH ?g { ?s ?p ?o } "
    f"VALUES ?p {{ {_terms(LABEL_PROPERTIES)} }} }}"
)
_ASSERTIONS = (
    "SELECT ?n ?np ?no ?g WHERE { VALUES (?s ?p ?o) { %s } "
    f"?n {term_to_sparql(RDF.subject)} ?s ; {term_to_sparql(RDF.predicate)} ?p ; {term_to_sparql(RDF.object)} ?o . "
    "GRAPH ?g { ?n ?np ?no } }"
)
_DATED = (
    "SELECT ?n ?np ?no ?g WHERE { VALUES (?s ?o) { %s } "
    f"?n {term_to_sparql(CG.cluster)} ?s . "
    f"{{ ?n {term_to_sparql(CG.programme)} ?o }} UNION {{ ?n {term_to_sparql(CG.label)} ?o }} "
    "GRAPH ?g { ?n ?np ?no } }"
)
_FIGURES = (
    "SELECT ?n ?np ?no ?g WHERE { VALUES ?s { %s } "
    f"?n {term_to_sparql(CG.about)} ?s . GRAPH ?g {{ ?n ?np ?no }} }}"
)
_ANNOUNCEMENTS = (
    "SELECT ?s ?p ?o ?g WHERE { VALUES ?s { %s } GRAPH ?g { ?s ?p ?o } "
    f"FILTER(?p != {term_to_sparql(CG.text)}) }}"
)
_NEIGHBOURS = (
    "SELECT DISTINCT ?n WHERE { VALUES ?x { %s } "
    f"VALUES ?p {{ {_FACT_VALUES} }} "
    "{ ?x ?p ?n } UNION { ?n ?p ?x } FILTER(isIRI(?n)) }"
)
_INSTANCES = "SELECT DISTINCT ?s ?class WHERE { ?s a ?class }"


def _chunks(items: Sequence, size: int = _CHUNK) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _run(store: Store, template: str, values: Iterable[str]) -> Iterator[tuple]:
    """Rows of ``template`` with its ``%s`` filled by VALUES rows, a chunk at a time."""
    rows = sorted(set(values))
    for chunk in _chunks(rows):
        yield from store.query(template % " ".join(chunk)).rows


def _quads(store: Store, template: str, terms: Iterable[URIRef]) -> set[Quad]:
    return {tuple(row) for row in _run(store, template, (term_to_sparql(t) for t in terms))}


def _iri_objects(quads: Iterable[Quad]) -> set[URIRef]:
    return {o for _, p, o, _ in quads if isinstance(o, URIRef) and p != RDF.type}


def provenance_quads(store: Store, facts: Iterable[tuple[URIRef, URIRef, URIRef]], about: Iterable[URIRef]) -> set[Quad]:
    """The provenance of ``facts`` (assertions, dated nodes) and the figures ``about`` the given
    resources, with the announcements they come from (without ``cg:text``)."""
    facts = {(s, p, o) for s, p, o in facts if p in FACT_PROPERTIES and isinstance(o, URIRef)}
    rows = (f"({term_to_sparql(s)} {term_to_sparql(p)} {term_to_sparql(o)})" for s, p, o in facts)
    found = {tuple(row) for row in _run(store, _ASSERTIONS, rows)}
    dated = {(s, o) for s, p, o in facts if p in (CG.memberOf, CG.holdsLabel)}
    pairs = (f"({term_to_sparql(s)} {term_to_sparql(o)})" for s, o in dated)
    found |= {tuple(row) for row in _run(store, _DATED, pairs)}
    found |= _quads(store, _FIGURES, about)
    announcements = {o for _, p, o, _ in found if p == PROV.wasDerivedFrom and isinstance(o, URIRef)}
    found |= _quads(store, _ANNOUNCEMENTS, announcements)
    return found


def resource_quads(store: Store, iris: Iterable[URIRef]) -> set[Quad]:
    """The description of the resources ``iris``: facts out and in, the labels of what they
    link to, and the provenance of each fact (see the module docstring)."""
    resources = set(iris)
    out = _quads(store, _OUT, resources)
    incoming = _quads(store, _IN, resources)
    linked = (_iri_objects(out) | {s for s, _, _, _ in incoming}) - resources
    quads = out | incoming | _quads(store, _LABELS, linked)
    facts = [(s, p, o) for s, p, o, _ in out | incoming]
    return quads | provenance_quads(store, facts, resources)


def neighbourhood(store: Store, focus: URIRef, depth: int = 1) -> set[URIRef]:
    """The resources within ``depth`` facts of ``focus``, in either direction (``focus`` included)."""
    seen = {focus}
    frontier = {focus}
    for _ in range(depth):
        found = {row[0] for row in _run(store, _NEIGHBOURS, (term_to_sparql(t) for t in frontier))}
        frontier = {n for n in found if isinstance(n, URIRef)} - seen
        if not frontier:
            break
        seen |= frontier
    return seen


def neighbourhood_quads(store: Store, focus: URIRef, depth: int = 1) -> set[Quad]:
    """The ego graph of ``focus``: the resources within ``depth`` facts, their descriptions, the
    facts among them, the labels of other resources they link to, and the provenance of the facts."""
    members = neighbourhood(store, focus, depth)
    out = {
        quad for quad in _quads(store, _OUT, members)
        if not (quad[1] in FACT_PROPERTIES and quad[2] not in members)
    }
    quads = out | _quads(store, _LABELS, _iri_objects(out) - members)
    return quads | provenance_quads(store, [(s, p, o) for s, p, o, _ in out], members)


def instances(store: Store, cls: URIRef) -> set[URIRef]:
    """Every resource typed ``cls`` (in any graph)."""
    return {row[0] for row in store.query(_INSTANCES, bindings={"class": cls}).rows if isinstance(row[0], URIRef)}


def class_quads(store: Store, cls: URIRef) -> set[Quad]:
    """The description of every instance of ``cls`` (see :func:`resource_quads`)."""
    return resource_quads(store, instances(store, cls))


def to_graph(quads: Iterable[Quad]) -> Graph:
    """The union of ``quads`` as an rdflib graph with the project's prefixes bound.

    >>> g = to_graph([(CG.memberOf, RDFS.label, Literal("member of", lang="en"), None)])
    >>> len(g), g.namespace_manager.store.namespace("cg") == URIRef(PREFIXES["cg"])
    (1, True)
    """
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    for s, p, o, _ in quads:
        graph.add((s, p, o))
    return graph


def resource_graph(store: Store, iri: URIRef) -> Graph:
    """The RDF of one resource (an empty graph when the store knows nothing about it): its facts
    in and out, the labels of what it links to, and the provenance of each fact."""
    return to_graph(resource_quads(store, [URIRef(iri)]))
