"""The network for network people: GraphML, GEXF (Gephi) and CSV node and edge lists.

The network is the viewer's projection (:func:`clustergraph.analytics.projection.entity_graph`):
entities as nodes, direct facts as edges. Its attributes are flattened to plain strings, which
GraphML, GEXF and CSV can carry:

nodes  ``label`` (English, else unmarked, else German), ``label_en``, ``label_de``, ``type``
       (``Cluster``, ``Programme``, ...), ``class`` (the ontology class IRI), ``iri``, ``aliases``
       (``"; "``-separated)
edges  ``relation`` (``member of programme``), ``property`` (the ontology property IRI), ``date``
       (the earliest date stated for the fact, empty when undated), ``label`` (= relation)

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("x:a", type="Cluster", labels={"": "Acme"}, aliases=["Acme e.V."])
>>> G.add_node("x:g", type="Programme", labels={"de": "go-cluster"}, aliases=[])
>>> _ = G.add_edge("x:a", "x:g", key="member of programme", relation="member of programme", date=None)
>>> print("".join(network_chunks(G, "csv-edges")), end="")
source,target,relation,property,date
x:a,x:g,member of programme,https://w3id.org/clustergraph/ontology#memberOf,
"""

from __future__ import annotations

import csv
import io
from typing import Iterable, Iterator

import networkx as nx

from clustergraph.analytics.projection import best_label, entity_graph
from clustergraph.errors import ConfigError
from clustergraph.relations import BY_NAME
from clustergraph.store import backend_class
from clustergraph.store.base import Quad, Store
from clustergraph.vocab import ENTITY_TYPES

NODE_COLUMNS = ("id", "label", "type", "class", "label_en", "label_de", "aliases")
EDGE_COLUMNS = ("source", "target", "relation", "property", "date")


def project(store: Store, quads: Iterable[Quad] | None = None) -> nx.MultiDiGraph:
    """The entity network of the whole store, or of ``quads`` only (a subset)."""
    if quads is None:
        return entity_graph(store)
    scratch = backend_class("oxigraph")(None)  # in memory, dropped afterwards
    try:
        scratch.add_quads(quads)
        return entity_graph(scratch)
    finally:
        scratch.close()


def flat_network(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of the projection whose attributes are strings (sorted nodes and edges)."""
    flat = nx.MultiDiGraph()
    for node in sorted(G.nodes):
        data = G.nodes[node]
        labels = data.get("labels", {})
        type_name = data.get("type", "")
        cls = ENTITY_TYPES.get(type_name, ("",))[0]
        flat.add_node(
            node,
            label=best_label(labels, "en"),
            label_en=labels.get("en", ""),
            label_de=labels.get("de", ""),
            type=type_name,
            **{"class": str(cls)},
            iri=str(node),
            aliases="; ".join(data.get("aliases", [])),
        )
    for u, v, key, data in sorted(G.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        relation = data.get("relation", key)
        prop = BY_NAME[relation].property if relation in BY_NAME else ""
        flat.add_edge(u, v, key=key, relation=relation, label=relation, property=str(prop), date=data.get("date") or "")
    return flat


def _csv_rows(header: tuple[str, ...], rows: Iterable[Iterable[str]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
        if buffer.tell() > 1 << 16:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def network_chunks(G: nx.MultiDiGraph, fmt: str) -> Iterator[str]:
    """Text of the network in ``fmt``: ``graphml``, ``gexf``, ``csv-nodes`` or ``csv-edges``."""
    flat = flat_network(G)
    if fmt == "graphml":
        return (line + "\n" for line in nx.generate_graphml(flat))
    if fmt == "gexf":
        return (line + "\n" for line in nx.generate_gexf(flat))
    if fmt == "csv-nodes":
        return _csv_rows(NODE_COLUMNS, ([n] + [d[c] for c in NODE_COLUMNS[1:]] for n, d in flat.nodes(data=True)))
    if fmt == "csv-edges":
        return _csv_rows(EDGE_COLUMNS, ((u, v, d["relation"], d["property"], d["date"])
                                        for u, v, d in flat.edges(data=True)))
    raise ConfigError(f"unknown network format {fmt!r}; known: graphml, gexf, csv-nodes, csv-edges")
