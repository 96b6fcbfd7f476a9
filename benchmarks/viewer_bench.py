"""The viewer's graph data: clustergraph's :func:`clustergraph.network.network_data` vs pyvis fed naively.

The entity graph is the one the viewer projects from the store (``graph_from_rows`` over the same
node and edge rows :func:`clustergraph.analytics.projection.entity_graph` reads), made from the
benchmark's synthetic world with about the asked number of nodes. "pyvis fed naively" is
``Network.from_nx(G)`` followed by ``get_network_data()``, what pyvis's documentation suggests.
"""

from __future__ import annotations

import json
import time

import networkx as nx

from generate import FEDERAL_PROGRAMMES, World, make_world
from clustergraph.vocab import mint


def world_graph(world: World) -> nx.MultiDiGraph:
    """The entity graph of ``world``, as the viewer's projection builds it."""
    from clustergraph.analytics.projection import graph_from_rows

    nodes, edges = [], []

    def node(kind: str, type_name: str, name: str, *aliases: str) -> str:
        iri = str(mint(kind, name))
        nodes.append((iri, type_name, name, "de", "pref"))
        for alias in aliases:
            nodes.append((iri, type_name, alias, "", "alt"))
        return iri

    ministries = {name: node("ministry", "Ministry", name) for _, name in FEDERAL_PROGRAMMES}
    for programme, ministry in FEDERAL_PROGRAMMES:
        edges.append((node("programme", "Programme", programme), "run by", ministries[ministry], None))
    lands = {}
    for scheme in world.schemes:
        land = lands[scheme.land] = node("region", "Region", scheme.land)
        ministry = node("ministry", "Ministry", scheme.ministry)
        programme = node("programme", "Programme", scheme.programme)
        label = node("label", "Label", scheme.label)
        edges += [(programme, "run by", ministry, None), (label, "awarded under", programme, None),
                  (ministry, "jurisdiction", land, None)]
    used_districts = {c.district.name for c in world.clusters}
    for district in world.districts:
        if district.name in used_districts and district.name != district.land:
            edges.append((node("region", "Region", district.name), "part of", lands[district.land], None))
    for cluster in world.clusters:
        iri = node("cluster", "Cluster", cluster.name, cluster.acronym)
        edges.append((iri, "located in", str(mint("region", cluster.district.name)), None))
        edges.append((iri, "sector", node("sector", "Sector", cluster.sector), None))
        edges.append((node("person", "Person", cluster.director), "managing director of", iri, None))
        for programme, date in cluster.programmes:
            edges.append((iri, "member of programme", node("programme", "Programme", programme), date))
        for label, date in cluster.labels:
            edges.append((iri, "awarded label", node("label", "Label", label), date))
    return graph_from_rows(nodes, edges)


def graph_with_nodes(n_nodes: int) -> nx.MultiDiGraph:
    """An entity graph of about ``n_nodes`` nodes (two per cluster, plus regions and schemes)."""
    fixed = world_graph(make_world(0)).number_of_nodes()
    clusters = max(1, (n_nodes - fixed) // 2)
    G = world_graph(make_world(clusters))
    for _ in range(3):  # districts come with clusters: correct the estimate
        missing = n_nodes - G.number_of_nodes()
        if abs(missing) < max(10, n_nodes // 100):
            break
        clusters = max(1, clusters + missing // 2)
        G = world_graph(make_world(clusters))
    return G


def clustergraph_network(G: nx.MultiDiGraph) -> dict:
    """The viewer's graph data: :func:`clustergraph.network.network_data` (layout included)."""
    from clustergraph.network import network_data

    return network_data(G, href=lambda iri: iri)


def clustergraph_data(G: nx.MultiDiGraph) -> bytes:
    """What ``/graph.json`` sends: :func:`network_data` as JSON (Flask's encoder sorts keys)."""
    return json.dumps(clustergraph_network(G), sort_keys=True).encode("utf-8")


def pyvis_naive_data(G: nx.MultiDiGraph) -> bytes:
    """pyvis as its documentation suggests: ``from_nx`` then the network data as JSON."""
    from pyvis.network import Network

    simple = nx.MultiDiGraph()
    for node, data in G.nodes(data=True):  # from_nx wants plain attributes: a title and a label
        simple.add_node(node, label=next(iter(data["labels"].values())), title=data["type"], group=data["type"])
    for source, target, data in G.edges(data=True):
        simple.add_edge(source, target, title=data["relation"])
    net = Network(directed=True, cdn_resources="local")
    net.from_nx(simple)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    return json.dumps({"nodes": nodes, "edges": edges, "options": options}).encode("utf-8")


def best_of(repeat: int, func, budget: float = 20.0) -> float:
    times: list[float] = []
    while len(times) < repeat and sum(times) < budget:
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(n_nodes: int, repeat: int = 5, pyvis_budget: float = 120.0) -> dict:
    """Seconds for clustergraph and naive pyvis to produce the viewer data of ``n_nodes`` nodes."""
    G = graph_with_nodes(n_nodes)
    return {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "clustergraph_s": best_of(repeat, lambda: clustergraph_network(G)),
        "clustergraph_json_s": best_of(repeat, lambda: clustergraph_data(G)),
        "json_bytes": len(clustergraph_data(G)),
        "pyvis_s": best_of(1 if n_nodes > 2000 else repeat, lambda: pyvis_naive_data(G), pyvis_budget),
    }


def graph_json_on_store(path: str, requests: int = 3) -> dict:
    """Seconds for each projection query and for ``/graph.json`` (first: projects the store; then
    cached) over the on-disk Oxigraph store at ``path``, opened read-only (nothing is written)."""
    from clustergraph.analytics import projection
    from clustergraph.config import load_settings
    from clustergraph.server import create_app
    from clustergraph.store.oxigraph import OxigraphStore

    store = OxigraphStore.read_only(path)
    out: dict = {"quads": store.count()}
    for name in ("NODES_QUERY", "EDGES_QUERY", "EDGE_DATES_QUERY"):
        query = getattr(projection, name, None)
        if query is not None:
            started = time.perf_counter()
            out[name] = {"rows": len(list(store.query(query).rows)), "s": time.perf_counter() - started}
    client = create_app(load_settings(environ={}, overrides={"store": "memory"}), store=store).test_client()
    times = []
    for _ in range(1 + requests):
        started = time.perf_counter()
        answer = client.get("/graph.json")
        times.append(time.perf_counter() - started)
        if answer.status_code != 200:
            raise RuntimeError(f"/graph.json answered {answer.status_code}")
    data = answer.get_json()
    out.update(first_s=times[0], later_s=sorted(times[1:]), nodes=len(data["nodes"]), total=data["total"],
               bytes=len(answer.data))
    return out


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="/graph.json over an existing on-disk store")
    parser.add_argument("store", help="an Oxigraph store folder, e.g. var/bench/stores/large/clustergraph")
    parser.add_argument("--requests", type=int, default=3)
    print(json.dumps(graph_json_on_store(parser.parse_args().store, parser.parse_args().requests), indent=1))
