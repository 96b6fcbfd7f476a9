"""A cheap layout for large graphs, computed once on the server in linear time.

Force-directed layouts cost too much at thousands of nodes (networkx's spring layout needs numpy
and many iterations; vis-network's physics takes seconds to settle). This one:

1. takes the hubs as *anchors* (nodes with well above the average number of neighbours, at
   most about the square root of the node count: programmes, ministries, Länder) and spreads
   them on a sunflower spiral, grouped by type;
2. puts every other node at the centre of its already placed neighbours (breadth first, so
   a person lands next to its cluster and a cluster between its programme and its Land);
3. fans out nodes that share a spot on a small sunflower, so none overlap.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = [G.add_edge(f"c{i}", "hub", key="member of programme") for i in range(20)]
>>> pos = anchored_layout(G)
>>> len(pos), pos["hub"]
(21, (0.0, 0.0))
>>> len({pos[n] for n in G}) == 21  # no two nodes on the same spot
True
"""

from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
TYPE_ORDER = ("Programme", "Ministry", "Label", "Region", "Sector", "Cluster", "Organisation", "Person")


def sunflower(index: int, spacing: float) -> tuple[float, float]:
    """The ``index``-th point of a sunflower spiral: even density, no two points alike."""
    if index == 0:
        return (0.0, 0.0)
    radius = spacing * math.sqrt(index)
    angle = index * GOLDEN_ANGLE
    return (radius * math.cos(angle), radius * math.sin(angle))


def neighbour_sets(G: nx.Graph) -> dict[str, set[str]]:
    """``{node: set of nodes linked to it in either direction}``, self-loops left out."""
    neighbours: dict[str, set[str]] = {node: set() for node in G}
    for u, nbrs in G.adjacency():
        mine = neighbours[u]
        for v in nbrs:
            if v != u:
                mine.add(v)
                neighbours[v].add(u)
    return neighbours


def anchored_layout(
    G: nx.Graph, *, spacing: float = 14.0, neighbours: dict[str, set[str]] | None = None
) -> dict[str, tuple[float, float]]:
    """Positions ``{node: (x, y)}`` for every node of ``G``; deterministic for a given graph.

    ``neighbours`` (from :func:`neighbour_sets`) saves recomputing them when the caller has them.
    """
    if neighbours is None:
        neighbours = neighbour_sets(G)
    n = len(neighbours)
    if n == 0:
        return {}
    # hubs: well above the average number of neighbours, at most about sqrt(n) of them
    mean = sum(len(linked) for linked in neighbours.values()) / n
    anchor_count = max(1, int(math.sqrt(n)))
    by_degree = sorted(neighbours, key=lambda node: (-len(neighbours[node]), node))
    anchors = [node for node in by_degree[:anchor_count] if len(neighbours[node]) > max(2.0, 2 * mean)]
    anchors = anchors or by_degree[:1]

    def type_rank(node: str) -> int:
        node_type = G.nodes[node].get("type", "")
        return TYPE_ORDER.index(node_type) if node_type in TYPE_ORDER else len(TYPE_ORDER)

    anchors.sort(key=lambda node: (type_rank(node), -len(neighbours[node]), node))
    anchor_spacing = spacing * max(3.0, 2.2 * math.sqrt(n / len(anchors)))
    pos: dict[str, tuple[float, float]] = {
        node: sunflower(index, anchor_spacing) for index, node in enumerate(anchors)
    }

    # breadth first from the anchors, layer by layer: each node goes to the centre of its
    # neighbours in earlier layers (so the result does not depend on iteration order)
    base: dict[str, tuple[float, float]] = dict(pos)
    frontier: set[str] = set(anchors)
    while frontier:
        following = {other for node in frontier for other in neighbours[node] if other not in base}
        placed_now = {}
        for other in following:
            sx = sy = 0.0
            k = 0
            for m in neighbours[other]:
                p = base.get(m)
                if p is not None:
                    sx += p[0]
                    sy += p[1]
                    k += 1
            placed_now[other] = (sx / k, sy / k)
        base.update(placed_now)
        frontier = following
    for anchor in anchors:
        del base[anchor]

    # nodes sharing a base spot fan out around it
    groups: dict[tuple[int, int], list[str]] = defaultdict(list)
    for node, (x, y) in base.items():
        groups[(int(x // spacing), int(y // spacing))].append(node)
    largest = max((len(members) for members in groups.values()), default=0)
    offsets = [sunflower(index + 1, spacing) for index in range(largest)]
    for members in groups.values():
        members.sort()
        x0, y0 = base[members[0]]
        for node, (dx, dy) in zip(members, offsets):
            pos[node] = (int(x0 + dx), int(y0 + dy))

    # what no anchor reaches (isolated nodes, small components) goes on an outer ring
    rest = [node for node in by_degree if node not in pos]
    if rest:
        outer = max((math.hypot(x, y) for x, y in pos.values()), default=0.0) + 6 * spacing
        per_turn = max(1, int(2 * math.pi * outer / spacing))
        for index, node in enumerate(rest):
            radius = outer + spacing * (index // per_turn)
            angle = 2 * math.pi * (index % per_turn) / per_turn
            pos[node] = (int(radius * math.cos(angle)), int(radius * math.sin(angle)))
    return pos
