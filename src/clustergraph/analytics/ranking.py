"""Who is most connected: entities ranked by how many other entities they are linked to.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_nodes_from([("a", {"type": "Cluster"}), ("b", {"type": "Cluster"}),
...                   ("p", {"type": "Programme"}), ("r", {"type": "Region"})])
>>> G.add_edge("a", "p", key="member of programme"); G.add_edge("a", "r", key="located in")
'member of programme'
'located in'
>>> G.add_edge("b", "p", key="member of programme")
'member of programme'
>>> [row["id"] for row in most_connected(G, "Cluster")["ranking"]]
['a', 'b']
"""

from __future__ import annotations

import networkx as nx


def neighbour_count(G: nx.MultiDiGraph, node: str) -> int:
    """Distinct entities linked to ``node`` in either direction (parallel relations count once)."""
    return len(set(G.predecessors(node)) | set(G.successors(node)) - {node})


def most_connected(G: nx.MultiDiGraph, type: str | None = "Cluster", top: int = 10) -> dict:
    """The ``top`` entities of ``type`` (all types when ``None``) by distinct neighbours.

    Ties are broken by IRI so the ranking is stable.
    """
    rows = [
        (node, neighbour_count(G, node))
        for node, node_type in G.nodes(data="type")
        if type is None or node_type == type
    ]
    rows.sort(key=lambda row: (-row[1], row[0]))
    return {
        "type": type,
        "ranking": [{"id": node, "degree": degree} for node, degree in rows[:top]],
        "total": len(rows),
    }
