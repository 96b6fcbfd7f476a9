"""Programmes that bridge regions: whose member clusters come from the most Länder.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_nodes_from([("p", {"type": "Programme"}), ("q", {"type": "Programme"})])
>>> for c, land in [("a", "SN"), ("b", "BY"), ("c", "BY")]:
...     _ = G.add_edge(c, land, key="located in"); _ = G.add_edge(c, "p", key="member of programme")
>>> _ = G.add_edge("a", "q", key="member of programme")
>>> [(row["id"], row["lands"]) for row in bridging_programmes(G)["ranking"]]
[('p', 2), ('q', 1)]
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from clustergraph.analytics.regions import lands_of

MEMBERSHIP_RELATIONS = ("member of programme", "funded by")


def bridging_programmes(G: nx.MultiDiGraph, top: int = 10) -> dict:
    """Programmes ranked by the number of distinct Länder their members are located in.

    Each row: ``id``, ``lands`` (count), ``members`` (count) and ``by_land`` (Land -> members).
    """
    rows = []
    for node, node_type in G.nodes(data="type"):
        if node_type != "Programme":
            continue
        members = {
            member
            for member, _, key in G.in_edges(node, keys=True)
            if key in MEMBERSHIP_RELATIONS
        }
        by_land: Counter[str] = Counter()
        for member in members:
            by_land.update(lands_of(G, member))
        rows.append(
            {"id": node, "lands": len(by_land), "members": len(members), "by_land": dict(by_land.most_common())}
        )
    rows.sort(key=lambda row: (-row["lands"], -row["members"], row["id"]))
    return {"ranking": rows[:top], "total": len(rows)}
