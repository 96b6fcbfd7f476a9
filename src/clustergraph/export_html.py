"""One HTML file that shows a subgraph with no server and no network: the offline export.

The file holds everything it needs: vis-network (inlined from ``web/vendor/vis-network/``, its
licence header kept), the network of the subgraph, the table of its facts with their evidence
sentences and announcements, and the subgraph's Turtle. Its own Content-Security-Policy (a
``<meta>`` tag) allows its inline scripts and styles and nothing else: no request leaves the page.
This differs from the app's policy (no inline scripts), which is why the server hands the file
out as a download (``Content-Disposition: attachment``) and never renders it as one of its pages.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from jinja2 import Environment, FileSystemLoader, select_autoescape
from rdflib import Graph
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from clustergraph import __version__
from clustergraph.analytics.projection import best_label
from clustergraph.describe import to_graph
from clustergraph.errors import ClusterGraphError
from clustergraph.export_network import project
from clustergraph.export_rdf import quad_records, sorted_unique, turtle_chunks
from clustergraph.network import DEFAULT_STYLE, NODE_STYLES
from clustergraph.resources import web_dir
from clustergraph.store.base import Quad, Store
from clustergraph.vocab import CG, PREFIXES

TEMPLATE = "export_offline.html"
OFFLINE_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:"
# the viewer's colours (clustergraph.network), so a type looks the same offline
TYPE_COLOURS = {name: colour for name, (colour, _shape) in NODE_STYLES.items()}
OTHER_COLOUR = DEFAULT_STYLE[0]
_SCRIPT_END = re.compile(r"</(script)", re.IGNORECASE)


def vis_network_js() -> str:
    """The vendored vis-network bundle, safe to inline in a ``<script>`` element."""
    path = web_dir() / "vendor" / "vis-network" / "vis-network.min.js"
    try:
        source = path.read_text(encoding="utf-8")
    except OSError:
        raise ClusterGraphError(
            f"vis-network is missing ({path}): run scripts/vendor-frontend.sh to vendor it"
        ) from None
    return _SCRIPT_END.sub(r"<\\/\1", source)


def _label(graph: Graph, labels: dict[str, dict[str, str]], iri) -> str:
    if str(iri) in labels:
        return best_label(labels[str(iri)], "en")
    for predicate in (SKOS.prefLabel, RDFS.label, DCTERMS.title):
        value = graph.value(iri, predicate)
        if value is not None:
            return str(value)
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


def facts_table(graph: Graph, labels: dict[str, dict[str, str]] | None = None) -> list[dict]:
    """Every ``cg:Assertion`` of ``graph`` as a row: subject, relation, object, date, evidence,
    confidence and the announcement it was derived from; sorted by subject, relation, object."""
    labels = labels or {}
    rows = []
    for assertion in set(graph.subjects(RDF.type, CG.Assertion)):
        s, o = graph.value(assertion, RDF.subject), graph.value(assertion, RDF.object)
        source = graph.value(assertion, PROV.wasDerivedFrom)
        rows.append({
            "subject": str(s), "subject_label": _label(graph, labels, s),
            "relation": str(graph.value(assertion, CG.relation) or graph.value(assertion, RDF.predicate)),
            "object": str(o), "object_label": _label(graph, labels, o),
            "date": str(graph.value(assertion, CG.date) or ""),
            "evidence": str(graph.value(assertion, CG.evidence) or ""),
            "confidence": str(graph.value(assertion, CG.confidence) or ""),
            "source": str(source or ""),
            "source_title": _label(graph, {}, source) if source is not None else "",
            "issued": str(graph.value(source, DCTERMS.issued) or "") if source is not None else "",
        })
    return sorted(rows, key=lambda r: (r["subject_label"], r["relation"], r["object_label"], r["source"]))


def offline_network_data(G) -> dict:
    """vis-network nodes and edges of the projection ``G`` for the offline page (coloured per node;
    the viewer's richer data, with groups and server layout, is :func:`clustergraph.network.network_data`)."""
    nodes = []
    for node in sorted(G.nodes):
        data = G.nodes[node]
        type_name = data.get("type", "")
        nodes.append({
            "id": node, "label": best_label(data.get("labels", {}), "en"), "group": type_name,
            "title": f"{type_name}\n{node}", "color": TYPE_COLOURS.get(type_name, OTHER_COLOUR),
        })
    edges = []
    for index, (u, v, key, data) in enumerate(sorted(G.edges(keys=True, data=True), key=lambda e: e[:3])):
        date = data.get("date") or ""
        edges.append({"id": index, "from": u, "to": v, "label": data.get("relation", key),
                      "title": f"{data.get('relation', key)}{' · ' + date if date else ''}"})
    return {"nodes": nodes, "edges": edges}


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(web_dir() / "templates")),
                       autoescape=select_autoescape(["html"]))


def offline_html(store: Store, quads: Iterable[Quad] | None = None, *, title: str = "whole dataset") -> str:
    """The offline page of ``quads`` (a subset), or of the whole store when ``None``."""
    whole = quads is None
    quads = list(store.quads() if whole else quads)
    G = project(store, None if whole else quads)
    graph = to_graph(quads)
    labels = {n: d.get("labels", {}) for n, d in G.nodes(data=True)}
    turtle = "".join(turtle_chunks(sorted_unique(quad_records(quads, union=True)), PREFIXES))
    network = offline_network_data(G)
    return _environment().get_template(TEMPLATE).render(
        title=title,
        version=__version__,
        csp=OFFLINE_CSP,
        data={"nodes": network["nodes"], "edges": network["edges"], "colours": TYPE_COLOURS},
        node_count=len(network["nodes"]),
        edge_count=len(network["edges"]),
        facts=facts_table(graph, labels),
        turtle=turtle,
        triple_count=len(graph),
        vis_js=vis_network_js(),
    )
