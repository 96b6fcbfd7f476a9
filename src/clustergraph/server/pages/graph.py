"""The network page (``/``, ``/graph.json``), its analytics panels and "how is X connected to Y".

All builders take the projected entity graph (:func:`clustergraph.analytics.projection.entity_graph`).
"""

from __future__ import annotations

import networkx as nx

from clustergraph.analytics.bridges import bridging_programmes
from clustergraph.analytics.communities import communities
from clustergraph.analytics.paths import connection_paths
from clustergraph.analytics.ranking import most_connected
from clustergraph.analytics.views import as_of, date_key, date_range, neighbourhood
from clustergraph.network import network_data
from clustergraph.server.i18n import relation_label, type_label
from clustergraph.server.pages.common import entity_ref, local_path

MAX_DEPTH = 4
DEFAULT_LIMIT = 5000  # the whole graph up to this many entities
FOCUS_LIMIT = 500


class NotInGraph(KeyError):
    """An IRI asked for is not an entity of the graph."""


def graph_page(
    G: nx.MultiDiGraph,
    *,
    base: str,
    lang: str = "en",
    focus: str | None = None,
    depth: int = 1,
    limit: int | None = None,
    date: str | None = None,
) -> dict:
    """The network data for ``/``: the whole graph, or the neighbourhood of ``focus``.

    ``date`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) shows the graph as of that day. At most
    ``limit`` entities are shown; ``truncated`` and ``total`` say when more were there.
    Raises :class:`NotInGraph` when ``focus`` is not an entity.
    """
    depth = max(0, min(MAX_DEPTH, depth))
    dates = date_range(G)
    view = as_of(G, date) if date else G
    if focus is not None:
        limit = FOCUS_LIMIT if limit is None else limit
        if focus not in view:
            raise NotInGraph(focus)
        around = neighbourhood(view, focus, depth=depth, limit=limit)
        chosen, total = around["nodes"], around["total"]
    else:
        limit = DEFAULT_LIMIT if limit is None else limit
        total = view.number_of_nodes()
        chosen = None
        if total > limit:
            ranked = sorted(view.degree, key=lambda item: (-item[1], item[0]))
            chosen = [node for node, _ in ranked[:limit]]
    data = network_data(
        view,
        lang=lang,
        href=lambda iri: local_path(iri, base),
        type_label=lambda name: type_label(lang, name),
        relation_label=lambda name: relation_label(lang, name),
        nodes=chosen,
    )
    data.update(
        {
            "lang": lang,
            "focus": entity_ref(G, focus, base, lang) if focus else None,
            "depth": depth if focus else None,
            "date": date_key(date) if date else None,
            "dates": {"first": dates[0], "last": dates[1]} if dates else None,
            "limit": limit,
            "total": total,
            "truncated": len(data["nodes"]) < total,
        }
    )
    return data


def analytics_page(G: nx.MultiDiGraph, *, base: str, lang: str = "en", top: int = 10) -> dict:
    """Most connected clusters, programmes bridging Länder and communities, labelled."""

    def ref(iri: str) -> dict:
        return entity_ref(G, iri, base, lang)

    connected = most_connected(G, "Cluster", top=top)
    bridges = bridging_programmes(G, top=top)
    groups = communities(G, top=top)
    return {
        "most_connected": [dict(ref(row["id"]), degree=row["degree"]) for row in connected["ranking"]],
        "bridging_programmes": [
            dict(
                ref(row["id"]),
                lands=row["lands"],
                members=row["members"],
                by_land=[dict(ref(land), count=count) for land, count in row["by_land"].items()],
            )
            for row in bridges["ranking"]
            if row["members"]
        ],
        "communities": [
            {
                "index": group["index"],
                "size": group["size"],
                "types": group["types"],
                "members": [ref(iri) for iri in group["members"][:8]],
                "ids": group["members"],
            }
            for group in groups["communities"]
        ],
        "modularity": groups["modularity"],
    }


def path_page(G: nx.MultiDiGraph, source: str, target: str, *, base: str, lang: str = "en") -> dict:
    """The shortest chains of relations from ``source`` to ``target``, labelled.

    Raises :class:`NotInGraph` naming an IRI that is not an entity.
    """
    for iri in (source, target):
        if iri not in G:
            raise NotInGraph(iri)
    found = connection_paths(G, source, target)
    return {
        "source": entity_ref(G, source, base, lang),
        "target": entity_ref(G, target, base, lang),
        "length": found["length"],
        "paths": [
            {
                "nodes": [entity_ref(G, iri, base, lang) for iri in path["nodes"]],
                "steps": [
                    {
                        "from": step["from"],
                        "to": step["to"],
                        "relations": [
                            dict(r, label=relation_label(lang, r["relation"])) for r in step["relations"]
                        ],
                    }
                    for step in path["steps"]
                ],
            }
            for path in found["paths"]
        ],
    }


def search_page(G: nx.MultiDiGraph, query: str, *, base: str, lang: str = "en", limit: int = 20) -> dict:
    """Entities whose label or alias (any language) starts with, or else contains, ``query``.

    Matches at the start of a name come first, then better connected entities.
    """
    needle = query.strip().casefold()
    hits = []
    if needle:
        for iri, data in G.nodes(data=True):
            names = set(data.get("labels", {}).values()) | set(data.get("aliases", []))
            folded = [(name, name.casefold()) for name in names]
            prefix = [name for name, low in folded if low.startswith(needle)]
            inside = [name for name, low in folded if needle in low]
            if prefix or inside:
                hits.append((0 if prefix else 1, -G.degree(iri), iri, (prefix or inside)[0]))
    hits.sort()
    results = []
    for _rank, _degree, iri, matched in hits[:limit]:
        ref = entity_ref(G, iri, base, lang)
        ref["matched"] = matched
        results.append(ref)
    return {"query": query, "results": results, "total": len(hits)}
