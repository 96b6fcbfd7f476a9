"""Where an entity is: its regions and the Land (state) above them.

Regions form a tree through ``part of`` (Dresden -> Sachsen -> Deutschland). The *Land* of a
region is the member of its chain just below the top (Sachsen for Dresden, Sachsen for Sachsen);
a region without a parent is its own Land.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_edge("dresden", "sachsen", key="part of"); G.add_edge("sachsen", "de", key="part of")
'part of'
'part of'
>>> G.add_edge("c", "dresden", key="located in")
'located in'
>>> land_of_region(G, "dresden"), lands_of(G, "c")
('sachsen', ['sachsen'])
"""

from __future__ import annotations

import networkx as nx

PART_OF = "part of"
LOCATED_IN = "located in"


def parent_region(G: nx.MultiDiGraph, region: str) -> str | None:
    for _, parent, key in G.out_edges(region, keys=True):
        if key == PART_OF:
            return parent
    return None


def region_chain(G: nx.MultiDiGraph, region: str, limit: int = 12) -> list[str]:
    """``region`` and its ancestors, nearest first (cycles and long chains are cut)."""
    chain = [region]
    while len(chain) < limit:
        parent = parent_region(G, chain[-1])
        if parent is None or parent in chain:
            break
        chain.append(parent)
    return chain


def land_of_region(G: nx.MultiDiGraph, region: str) -> str:
    chain = region_chain(G, region)
    return chain[-2] if len(chain) >= 2 else chain[0]


def lands_of(G: nx.MultiDiGraph, node: str) -> list[str]:
    """The Länder an entity is located in (sorted, usually one)."""
    return sorted(
        {land_of_region(G, region) for _, region, key in G.out_edges(node, keys=True) if key == LOCATED_IN}
    )
