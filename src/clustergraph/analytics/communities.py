"""Communities: groups of entities more linked among themselves than with the rest (Louvain).

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for a, b in [(1, 2), (2, 3), (1, 3), (4, 5), (5, 6), (4, 6), (3, 4)]:
...     _ = G.add_edge(str(a), str(b), key="partner of")
>>> sorted(len(c["members"]) for c in communities(G)["communities"])
[3, 3]
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from clustergraph.analytics.ranking import neighbour_count


def simple_undirected(G: nx.MultiDiGraph) -> nx.Graph:
    """One undirected edge per linked pair, weighted by the number of relations between them."""
    H = nx.Graph()
    H.add_nodes_from(G.nodes)
    for u, v in G.edges():
        if u == v:
            continue
        if H.has_edge(u, v):
            H[u][v]["weight"] += 1
        else:
            H.add_edge(u, v, weight=1)
    return H


def communities(G: nx.MultiDiGraph, *, seed: int = 42, top: int = 12, min_size: int = 2) -> dict:
    """Louvain communities of ``G``, largest first.

    Each community: ``members`` (ids, most connected first), ``size`` and ``types`` (type -> count).
    ``modularity`` says how well the split separates the graph (0: not at all, towards 1: well).
    """
    H = simple_undirected(G)
    if H.number_of_edges() == 0:
        return {"communities": [], "modularity": 0.0, "total": 0}
    parts = nx.community.louvain_communities(H, weight="weight", seed=seed)
    modularity = nx.community.modularity(H, parts, weight="weight")
    parts = [part for part in parts if len(part) >= min_size]
    parts.sort(key=lambda part: (-len(part), min(part)))
    result = []
    for index, part in enumerate(parts[:top]):
        members = sorted(part, key=lambda n: (-neighbour_count(G, n), n))
        types = Counter(G.nodes[n].get("type", "") for n in part)
        result.append({"index": index, "size": len(part), "members": members, "types": dict(types.most_common())})
    return {"communities": result, "modularity": round(modularity, 4), "total": len(parts)}
