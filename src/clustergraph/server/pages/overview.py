"""The overview (``/overview``): counts per class, newest announcements, two charts.

Charts are drawn on the server as SVG geometry (no chart library, no CDN): :func:`bar_chart`
turns a series into bars the template draws; the ``.json`` twin carries the series too.

>>> chart = bar_chart([("2014", 2), ("2015", 0), ("2016", 4)], width=300, height=100)
>>> [bar["height"] for bar in chart["bars"]], chart["max"]
([40.0, 0.0, 80.0], 4)
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from clustergraph.analytics.projection import best_label
from clustergraph.analytics.regions import lands_of
from clustergraph.server.i18n import type_label
from clustergraph.server.pages.announcement import announcements_page
from clustergraph.server.pages.common import local_path
from clustergraph.stats import dataset_stats
from clustergraph.store.base import Store
from clustergraph.vocab import ENTITY_TYPES

NEWEST = 8
MEMBERSHIP = "member of programme"


def bar_chart(series: list[tuple[str, int]], *, width: int = 560, height: int = 200,
              horizontal: bool = False) -> dict:
    """Geometry of a bar chart: ``bars`` with ``x, y, width, height`` in a ``width`` x ``height``
    plot area (labels go outside it), plus ``max``. Horizontal charts stack bars downwards."""
    top = max((value for _, value in series), default=0)
    count = max(1, len(series))
    bars = []
    if horizontal:
        slot = height / count
        for index, (label, value) in enumerate(series):
            length = round(width * value / top, 1) if top else 0.0
            bars.append({"label": label, "value": value, "x": 0.0, "y": round(index * slot + slot * 0.15, 1),
                         "width": length, "height": round(slot * 0.7, 1)})
    else:
        slot = width / count
        for index, (label, value) in enumerate(series):
            length = round((height - 20) * value / top, 1) if top else 0.0
            bars.append({"label": label, "value": value, "x": round(index * slot + slot * 0.15, 1),
                         "y": round(height - length, 1), "width": round(slot * 0.7, 1), "height": length})
    return {"bars": bars, "max": top, "width": width, "height": height, "horizontal": horizontal}


def memberships_per_year(G: nx.MultiDiGraph) -> list[tuple[str, int]]:
    """Programme memberships by the year they began, with the years between filled in with 0."""
    years = Counter(
        date[:4] for _, _, key, date in G.edges(keys=True, data="date") if key == MEMBERSHIP and date
    )
    if not years:
        return []
    first, last = int(min(years)), int(max(years))
    return [(str(year), years.get(str(year), 0)) for year in range(first, last + 1)]


def clusters_per_land(G: nx.MultiDiGraph, lang: str) -> list[tuple[str, str, int]]:
    """``(Land IRI, label, clusters)``, most clusters first."""
    counts: Counter[str] = Counter()
    for node, node_type in G.nodes(data="type"):
        if node_type == "Cluster":
            counts.update(lands_of(G, node))
    rows = [(iri, best_label(G.nodes[iri].get("labels", {}), lang) if iri in G else iri, n)
            for iri, n in counts.items()]
    rows.sort(key=lambda row: (-row[2], row[1]))
    return rows


def overview_page(store: Store, G: nx.MultiDiGraph, *, base: str, lang: str = "en") -> dict:
    stats = dataset_stats(store)
    counts = [
        {"type": name, "label": type_label(lang, name), "count": stats["classes"].get(name, 0),
         "href": f"/?types={name}"}
        for name in ENTITY_TYPES
    ]
    newest = announcements_page(store, G, base=base, lang=lang)["announcements"][:NEWEST]
    years = memberships_per_year(G)
    lands = clusters_per_land(G, lang)
    land_chart = bar_chart([(label, n) for _, label, n in lands], width=360,
                           height=max(60, 22 * len(lands)), horizontal=True)
    for bar, (iri, _, _) in zip(land_chart["bars"], lands):
        bar["href"] = local_path(iri, base)
    return {
        "counts": counts,
        "totals": {
            "entities": sum(c["count"] for c in counts),
            "facts": stats["assertions"],
            "announcements": stats["announcements"],
            "memberships": stats["memberships"],
            "label_awards": stats["label_awards"],
            "graphs": stats["graphs"],
            "quads": stats["quads"],
        },
        "newest": newest,
        "memberships_per_year": [{"year": year, "count": n} for year, n in years],
        "clusters_per_land": [{"iri": iri, "label": label, "count": n} for iri, label, n in lands],
        "charts": {
            "memberships": bar_chart(years),
            "lands": land_chart,
        },
    }
