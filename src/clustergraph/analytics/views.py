"""Parts of the entity graph a visitor looks at: around one entity, or as of a date.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edge("a", "p", key="member of programme", date="2014-06")
>>> _ = G.add_edge("a", "r", key="located in", date=None)
>>> sorted(as_of(G, "2014-01-01").edges(keys=True))
[('a', 'r', 'located in')]
>>> sorted(neighbourhood(G, "p", depth=2)["nodes"])
['a', 'p', 'r']
"""

from __future__ import annotations

import networkx as nx

from clustergraph.analytics.ranking import neighbour_count


def date_key(value: str | None) -> str | None:
    """A comparable ``YYYY-MM-DD`` for a date of any precision (its first day).

    >>> date_key("2014"), date_key("2014-06"), date_key("2014-06-18"), date_key(None)
    ('2014-01-01', '2014-06-01', '2014-06-18', None)
    """
    if not value:
        return None
    value = value[:10]
    if len(value) == 4:
        return value + "-01-01"
    if len(value) == 7:
        return value + "-01"
    return value


def as_of(G: nx.MultiDiGraph, date: str) -> nx.MultiDiGraph:
    """The graph as it stood on ``date``: dated facts from later are left out, and so are
    entities all of whose facts are dated later. Undated facts always count."""
    day = date_key(date)
    H = nx.MultiDiGraph()
    H.add_nodes_from(G.nodes(data=True))
    hidden: set[str] = set()
    shown: set[str] = set()
    for u, v, key, data in G.edges(keys=True, data=True):
        edge_day = date_key(data.get("date"))
        if edge_day is None or edge_day <= day:
            H.add_edge(u, v, key=key, **data)
            shown.update((u, v))
        else:
            hidden.update((u, v))
    H.remove_nodes_from(hidden - shown)
    return H


def date_range(G: nx.MultiDiGraph) -> tuple[str, str] | None:
    """The first and last date of a dated fact, ``None`` when nothing is dated."""
    days = sorted(filter(None, (date_key(d) for _, _, d in G.edges(data="date"))))
    return (days[0], days[-1]) if days else None


def neighbourhood(G: nx.MultiDiGraph, focus: str, *, depth: int = 1, limit: int = 500) -> dict:
    """Entities within ``depth`` steps of ``focus`` (either direction), at most ``limit`` of them.

    When the neighbourhood is larger, nearer entities win, then better connected ones;
    ``truncated`` says so and ``total`` counts what was reachable.
    Raises ``KeyError`` when ``focus`` is not in the graph.
    """
    if focus not in G:
        raise KeyError(f"{focus} is not an entity of the graph")
    layers = [[focus]]
    seen = {focus}
    for _ in range(max(0, depth)):
        following = []
        for node in layers[-1]:
            for other in set(G.successors(node)) | set(G.predecessors(node)):
                if other not in seen:
                    seen.add(other)
                    following.append(other)
        if not following:
            break
        following.sort(key=lambda n: (-neighbour_count(G, n), n))
        layers.append(following)
    kept: list[str] = []
    for layer in layers:
        kept.extend(layer[: max(0, limit - len(kept))])
    return {"nodes": kept, "total": len(seen), "truncated": len(kept) < len(seen)}
