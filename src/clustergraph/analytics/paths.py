"""How is X connected to Y: the shortest chains of relations between two entities.

Relations are followed in both directions; each step says which relation links the pair and
whether it points forward (``a -> b``) or back.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edge("a", "p", key="member of programme"); _ = G.add_edge("b", "p", key="member of programme")
>>> result = connection_paths(G, "a", "b")
>>> result["length"], result["paths"][0]["nodes"]
(2, ['a', 'p', 'b'])
>>> result["paths"][0]["steps"][1]["relations"]
[{'relation': 'member of programme', 'forward': False}]
"""

from __future__ import annotations

from itertools import islice

import networkx as nx


def _relations_between(G: nx.MultiDiGraph, a: str, b: str) -> list[dict]:
    found = [{"relation": key, "forward": True} for key in G.get_edge_data(a, b, default={})]
    found += [{"relation": key, "forward": False} for key in G.get_edge_data(b, a, default={})]
    return found


def connection_paths(G: nx.MultiDiGraph, source: str, target: str, *, max_paths: int = 5) -> dict:
    """Up to ``max_paths`` shortest paths from ``source`` to ``target``.

    ``length`` is the number of steps, ``None`` (with no paths) when they are not connected.
    Raises ``KeyError`` naming an entity that is not in the graph.
    """
    for node in (source, target):
        if node not in G:
            raise KeyError(f"{node} is not an entity of the graph")
    undirected = G.to_undirected(as_view=True)
    try:
        found = list(islice(nx.all_shortest_paths(undirected, source, target), max_paths))
    except nx.NetworkXNoPath:
        return {"source": source, "target": target, "length": None, "paths": []}
    paths = []
    for nodes in found:
        steps = [
            {"from": a, "to": b, "relations": _relations_between(G, a, b)}
            for a, b in zip(nodes, nodes[1:])
        ]
        paths.append({"nodes": nodes, "steps": steps})
    return {"source": source, "target": target, "length": len(found[0]) - 1, "paths": paths}
