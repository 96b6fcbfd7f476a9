"""From the RDF store to a networkx graph of entities and the relations between them.

Nodes are entities (IRIs typed with one of the classes of :data:`clustergraph.vocab.ENTITY_TYPES`),
edges are the direct fact triples (``cluster cg:memberOf programme``) whose property is one of
:data:`clustergraph.relations.RELATIONS`. Node attributes:

``type``      the entity type name (``"Cluster"``, ``"Programme"``, ...)
``labels``    ``{language: label}``, ``""`` for labels without a language
``aliases``   sorted list of every other name (``skos:altLabel``, other-language labels)

Edge attributes (the edge key is the relation name, so two relations between the same
pair are two edges): ``relation`` (name), ``property`` (IRI string) and ``date`` (the earliest
ISO date stated for the fact, ``None`` when undated).

:func:`graph_from_rows` builds the graph from plain tuples, so the rest of the package can be
tested without a store:

>>> G = graph_from_rows(
...     nodes=[("x:a", "Cluster", "Acme", "", "pref"), ("x:g", "Programme", "go", "", "pref"),
...            ("x:a", "Cluster", "Acme e.V.", "", "alt")],
...     edges=[("x:a", "member of programme", "x:g", "2014-06")])
>>> G.nodes["x:a"]["aliases"], G.edges["x:a", "x:g", "member of programme"]["date"]
(['Acme e.V.'], '2014-06')
"""

from __future__ import annotations

import logging
from typing import Iterable

import networkx as nx
from rdflib import URIRef

from clustergraph.analytics.views import date_key
from clustergraph.relations import BY_PROPERTY, RELATIONS
from clustergraph.store.base import Store
from clustergraph.vocab import CLASS_TO_TYPE, curie, sparql_prefixes

log = logging.getLogger(__name__)

NodeRow = tuple[str, str, str, str, str]  # iri, type name, label, language, "pref" | "alt"
EdgeRow = tuple[str, str, str, str | None]  # subject iri, relation name, object iri, date


# SPARQL VALUES lists (CURIEs) of the entity classes and of the relation properties
CLASS_VALUES = " ".join(curie(cls) for cls in CLASS_TO_TYPE)
RELATION_VALUES = " ".join(curie(r.property) for r in RELATIONS)

# The union of named graphs is a bag: an entity's type and labels are repeated in every
# announcement graph that names it, and a join of two repeated patterns multiplies the copies
# (47 s for this query at 1.2M quads when written as one join). So each side is made distinct in
# a subquery first (1.5 s), and the dates of edges are asked separately and merged in Python.
NODES_QUERY = sparql_prefixes("cg", "rdf", "rdfs", "skos") + f"""
SELECT ?s ?class ?label ?kind WHERE {{
  {{ SELECT DISTINCT ?s ?class WHERE {{
      VALUES ?class {{ {CLASS_VALUES} }}
      ?s rdf:type ?class .
  }} }}
  OPTIONAL {{ {{ SELECT DISTINCT ?s ?label ?kind WHERE {{
    {{ ?s skos:prefLabel ?label . BIND("pref" AS ?kind) }}
    UNION {{ ?s rdfs:label ?label . BIND("pref" AS ?kind) }}
    UNION {{ ?s skos:altLabel ?label . BIND("alt" AS ?kind) }}
  }} }} }}
}}
"""

EDGES_QUERY = sparql_prefixes("cg") + f"""
SELECT DISTINCT ?s ?p ?o WHERE {{
  VALUES ?p {{ {RELATION_VALUES} }}
  ?s ?p ?o .
  FILTER(isIRI(?o))
}}
"""

# the dates stated for facts: on their assertion, or as the start of a membership / label award
EDGE_DATES_QUERY = sparql_prefixes("cg", "rdf") + """
SELECT DISTINCT ?s ?p ?o ?date WHERE {
  { ?a cg:date ?date ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . }
  UNION { ?m cg:startDate ?date ; cg:cluster ?s ; cg:programme ?o . BIND(cg:memberOf AS ?p) }
  UNION { ?m cg:startDate ?date ; cg:cluster ?s ; cg:label ?o . BIND(cg:holdsLabel AS ?p) }
}
"""


def graph_from_rows(nodes: Iterable[NodeRow], edges: Iterable[EdgeRow]) -> nx.MultiDiGraph:
    """The entity graph from node rows and edge rows; edges to unknown nodes are left out."""
    G = nx.MultiDiGraph()
    names: dict[str, dict[str, set]] = {}
    for iri, type_name, label, lang, kind in nodes:
        entry = names.get(iri)
        if entry is None:
            entry = names[iri] = {"pref": set(), "alt": set()}
            G.add_node(iri, type=type_name)
        if label:
            entry[kind].add((label, lang or ""))
    for iri, entry in names.items():
        labels: dict[str, str] = {}
        for label, lang in sorted(entry["pref"]):
            labels.setdefault(lang, label)
        if not labels:
            labels[""] = iri.rstrip("/").rsplit("/", 1)[-1]
        every = {label for label, _ in entry["pref"] | entry["alt"]}
        shown = set(labels.values())
        attrs = G.nodes[iri]
        attrs["labels"] = labels
        attrs["aliases"] = sorted(every - shown)
    for s, relation_name, o, date in edges:
        if s in names and o in names:
            G.add_edge(s, o, key=relation_name, relation=relation_name, date=date or None)
    return G


def drop_unlinked_places(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Remove the regions no organisation, programme or person is linked to, keeping the regions
    that contain a linked one (``part of``, followed upwards). The reference data holds hundreds of
    towns for the extractor's sake; a visitor's network shows the places the facts are about.

    >>> G = graph_from_rows(
    ...     nodes=[("x:c", "Cluster", "C", "", "pref"), ("x:town", "Region", "Town", "", "pref"),
    ...            ("x:other", "Region", "Other", "", "pref"), ("x:land", "Region", "Land", "", "pref"),
    ...            ("x:de", "Region", "DE", "", "pref")],
    ...     edges=[("x:c", "located in", "x:town", None), ("x:town", "part of", "x:land", None),
    ...            ("x:other", "part of", "x:land", None), ("x:land", "part of", "x:de", None)])
    >>> sorted(drop_unlinked_places(G))
    ['x:c', 'x:de', 'x:land', 'x:town']
    """
    regions = {n for n, t in G.nodes(data="type") if t == "Region"}
    keep = {n for n in regions if any(m not in regions for m in nx.all_neighbors(G, n))}
    todo = list(keep)
    while todo:
        node = todo.pop()
        for _, parent, relation in G.out_edges(node, keys=True):
            if relation == "part of" and parent in regions and parent not in keep:
                keep.add(parent)
                todo.append(parent)
    G.remove_nodes_from(regions - keep)
    return G


def best_label(labels: dict[str, str], lang: str = "en") -> str:
    """The label in ``lang``, else one without a language, else German, else any.

    >>> best_label({"de": "Sachsen", "en": "Saxony"}, "en"), best_label({"de": "Sachsen"}, "en")
    ('Saxony', 'Sachsen')
    """
    for key in (lang, "", "de", "en"):
        if key in labels:
            return labels[key]
    return next(iter(labels.values()), "")


def entity_graph(store: Store) -> nx.MultiDiGraph:
    """Project every entity and every direct relation in ``store`` into a networkx graph."""
    node_rows: list[NodeRow] = []
    for s, cls, label, kind in store.query(NODES_QUERY).rows:
        type_name = CLASS_TO_TYPE.get(cls)
        if type_name is None or not isinstance(s, URIRef):
            continue
        lang = getattr(label, "language", None) or ""
        node_rows.append((str(s), type_name, str(label) if label is not None else "", lang, str(kind or "pref")))
    earliest: dict[tuple[str, str, str], str | None] = {}
    for s, p, o in store.query(EDGES_QUERY).rows:
        rel = BY_PROPERTY.get(p)
        if rel is not None:
            earliest[(str(s), rel.name, str(o))] = None
    for s, p, o, date in store.query(EDGE_DATES_QUERY).rows:
        rel = BY_PROPERTY.get(p)
        key = (str(s), rel.name if rel else "", str(o))
        if rel is None or key not in earliest or date is None:
            continue
        known, day = earliest[key], str(date)
        if known is None or date_key(day) < date_key(known):
            earliest[key] = day
    edge_rows: list[EdgeRow] = [(s, name, o, date) for (s, name, o), date in earliest.items()]
    G = drop_unlinked_places(graph_from_rows(node_rows, edge_rows))
    log.debug("entity graph: %d nodes, %d edges", G.number_of_nodes(), G.number_of_edges())
    return G
