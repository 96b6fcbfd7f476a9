"""The network a visitor sees: vis-network nodes, edges and options, assembled with pyvis.

This is the only module that imports pyvis. pyvis holds the network and its options; the page
template and the JavaScript are our own (``web/templates/index.html``, ``web/static/js/network.js``
for drawing, ``graph_page.js`` for the page around it),
because pyvis's templates load Bootstrap and vis-network from CDNs.

pyvis's ``add_edge`` scans every edge on each call (quadratic), so nodes and edges are handed
to the ``Network`` in bulk. Large graphs (more than :data:`SERVER_LAYOUT_FROM` nodes) get
positions from :func:`clustergraph.analytics.layout.anchored_layout` (~20 ms for 5,000 nodes;
networkx's ``spring_layout`` takes seconds and needs numpy, see ``benchmarks/RESULTS.md``), no
physics, no ``improvedLayout`` (quadratic in vis-network), no hover highlighting and no edges in
the frames drawn while dragging or zooming; small ones let vis-network's physics settle them
(at most 300 iterations), after which the page turns physics off. The server keeps each view it
built until the store changes (``server/viewer.py``).

Labels and tooltips are plain text here; the page puts them on screen with ``textContent``.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("x:a", type="Cluster", labels={"": "Acme"}, aliases=["Acme e.V."])
>>> G.add_node("x:g", type="Programme", labels={"": "go"}, aliases=[])
>>> _ = G.add_edge("x:a", "x:g", key="member of programme", relation="member of programme", date="2014-06")
>>> data = network_data(G)
>>> [n["label"] for n in data["nodes"]], data["edges"][0]["relation"], data["layout"]
(['Acme', 'go'], 'member of programme', 'physics')
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator

import networkx as nx
from pyvis.network import Network

from clustergraph.analytics.layout import anchored_layout
from clustergraph.analytics.projection import best_label

# Above this many nodes the server lays the graph out and the browser draws it without physics.
SERVER_LAYOUT_FROM = 300
# Above this many edges, edge labels are left to the tooltip (drawing thousands of them stalls).
EDGE_LABELS_UP_TO = 600

# type -> (colour, vis-network shape); shapes with the label below, so the label never sits on HTML
NODE_STYLES: dict[str, tuple[str, str]] = {
    "Cluster": ("#1f6feb", "dot"),
    "Programme": ("#d97706", "diamond"),
    "Ministry": ("#7c3aed", "square"),
    "Region": ("#059669", "triangle"),
    "Label": ("#db2777", "star"),
    "Person": ("#64748b", "dot"),
    "Sector": ("#0891b2", "hexagon"),
    "Organisation": ("#92400e", "triangleDown"),
}
DEFAULT_STYLE = ("#9ca3af", "dot")


def network_options(*, physics: bool) -> dict:
    """vis-network options (the page turns physics off once the layout has settled).

    Large graphs (laid out on the server, ``physics=False``) draw edges without arrow heads:
    at that zoom they are specks, and drawing 10,000 of them was the largest cost of a frame.
    They also go without hover highlighting: every change of the hovered node redraws the
    whole canvas (60-130 ms with 10,000 edges in headless chromium), so the page finds what
    the pointer rests on itself for tooltips.

    >>> network_options(physics=False)["interaction"]["hover"], network_options(physics=True)["layout"]
    (False, {'improvedLayout': False, 'randomSeed': 7})
    """
    options = {
        "autoResize": True,
        "nodes": {"font": {"size": 13, "face": "system-ui, sans-serif"}, "size": 12, "borderWidth": 1},
        "edges": {
            "arrows": {"to": {"enabled": physics, "scaleFactor": 0.5}},
            "color": {"color": "#b7c0cc", "highlight": "#1f6feb", "hover": "#1f6feb"},
            "font": {"size": 10, "color": "#5b6575", "strokeWidth": 3, "align": "middle"},
            "smooth": False,
            "width": 1,
        },
        # large graphs: edges are left out of the frames drawn while dragging or wheel-zooming,
        # and no hover highlighting (each change of the hovered node redraws 10,000 edges; the
        # page finds what is under the pointer itself for tooltips)
        "interaction": {
            "hover": physics,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": not physics,
            "hideEdgesOnZoom": not physics,
        },
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 120, "avoidOverlap": 0.2},
            "stabilization": {"enabled": physics, "iterations": 300, "updateInterval": 50},
        },
    }
    return options


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small dicts at once.

    Building data for 10,000 nodes allocates ~30,000 containers; each allocation burst makes
    the collector walk the (large) heap again. Pausing it saves ~15-20 %; nothing cyclic is
    created meanwhile, and it is switched back on at once (unless it was already off).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def network_data(
    G: nx.MultiDiGraph,
    *,
    lang: str = "en",
    href: Callable[[str], str | None] = lambda iri: None,
    type_label: Callable[[str], str] = lambda name: name,
    relation_label: Callable[[str], str] = lambda name: name,
    nodes: Iterable[str] | None = None,
) -> dict:
    """The vis-network data of ``G`` (or of the given ``nodes`` and the edges among them).

    Returns a dict:

    ``nodes``       ``{id, label, group (type), names (labels and aliases), degree, href}``, plus
                    ``x``/``y`` when the server laid the graph out
    ``edges``       ``{from, to, relation, date}``; no id: the page keys edges by
                    (from, relation, to), the same in every view, so expanding never duplicates
    ``relations``   relation name -> the name shown (edge labels and tooltips)
    ``options``     vis-network options, with one group (colour, shape) per type
    ``legend``      the types present: label, colour, shape, count
    ``layout``      ``"server"`` (positions given, physics off) or ``"physics"``
    ``edge_labels`` whether edges should show their label (few enough of them)
    """
    with gc_paused():
        return _network_data(G, lang, href, type_label, relation_label, nodes)


def _network_data(G, lang, href, type_label, relation_label, nodes) -> dict:
    """:func:`network_data` with the collector paused.

    A part of ``G`` is read through ``G``'s own adjacency with a set of the nodes kept, in
    ``G``'s node order: networkx subgraph views filter on every access, which made the 5,000
    busiest nodes of a 10,000-node graph cost twice as much as the whole graph.
    """
    keep = None if nodes is None else {node for node in nodes if node in G}
    chosen = G.nodes(data=True) if keep is None else [(n, data) for n, data in G.nodes(data=True) if n in keep]
    relations: dict[str, str] = {}
    edge_records = []
    neighbours: dict[str, set[str]] = {node: set() for node, _ in chosen}
    for source, nbrs in G.adjacency():
        linked = neighbours.get(source)
        if linked is None:
            continue
        for target, keyed in nbrs.items():
            if keep is not None and target not in keep:
                continue
            if target != source:
                linked.add(target)
                neighbours[target].add(source)
            for key, data in keyed.items():
                relation = data.get("relation", key)
                if relation not in relations:
                    relations[relation] = relation_label(relation)
                edge_records.append({"from": source, "to": target, "relation": relation, "date": data.get("date")})

    def degree(node: str) -> int:
        """Distinct neighbours in the whole graph (either direction), not just in the view."""
        if keep is None:
            return len(neighbours[node])
        return len(set(G.succ[node]).union(G.pred[node]).difference((node,)))

    node_records = []
    counts: dict[str, int] = {}
    for node, data in chosen:
        node_type = data.get("type", "")
        counts[node_type] = counts.get(node_type, 0) + 1
        labels = data.get("labels", {})
        aliases = data.get("aliases")
        node_records.append(
            {
                "id": node,
                "label": best_label(labels, lang),
                "group": node_type,
                "names": sorted(set(labels.values()).union(aliases)) if aliases else list(labels.values()),
                "degree": degree(node),
                "href": href(node),
            }
        )
    server_layout = len(node_records) > SERVER_LAYOUT_FROM
    if server_layout:
        positions = anchored_layout(G, neighbours=neighbours)  # reads only types from G
        for record in node_records:
            record["x"], record["y"] = positions[record["id"]]
    options = network_options(physics=not server_layout)
    options["groups"] = {
        name: {"color": colour, "shape": shape} for name, (colour, shape) in NODE_STYLES.items()
    }

    net = Network(directed=True, cdn_resources="local")
    # bulk assignment instead of add_node/add_edge (add_edge is quadratic)
    net.nodes = node_records
    net.edges = edge_records
    net.node_ids = [record["id"] for record in node_records]
    net.node_map = {record["id"]: record for record in node_records}
    net.options = options
    out_nodes, out_edges, _heading, _height, _width, _options = net.get_network_data()

    legend = [
        {"type": name, "label": type_label(name), "color": colour, "shape": shape, "count": counts[name]}
        for name, (colour, shape) in NODE_STYLES.items()
        if counts.get(name)
    ]
    return {
        "nodes": out_nodes,
        "edges": out_edges,
        "options": net.options,
        "legend": legend,
        "relations": relations,
        "edge_labels": len(edge_records) <= EDGE_LABELS_UP_TO,
        "layout": "server" if server_layout else "physics",
    }
