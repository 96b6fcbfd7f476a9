"""Counts that describe the dataset: quads, graphs, entities per class, facts, announcements."""

from __future__ import annotations

from clustergraph.store.base import Store
from clustergraph.store.results import term_to_sparql
from clustergraph.vocab import CG, CLASS_TO_TYPE

_CLASS_COUNTS = """
SELECT ?class (COUNT(DISTINCT ?entity) AS ?n)
WHERE { ?entity a ?class . VALUES ?class { %s } }
GROUP BY ?class
"""


def dataset_stats(store: Store) -> dict:
    """Plain dict of counts; ``classes`` maps entity type names to distinct entities."""
    classes = list(CLASS_TO_TYPE) + [CG.Announcement, CG.Assertion, CG.Membership, CG.LabelAward]
    result = store.query(_CLASS_COUNTS % " ".join(term_to_sparql(c) for c in classes))
    by_class = {row[0]: int(row[1]) for row in result.rows}
    return {
        "quads": store.count(),
        "graphs": len(store.graphs()),
        "announcements": by_class.get(CG.Announcement, 0),
        "assertions": by_class.get(CG.Assertion, 0),
        "memberships": by_class.get(CG.Membership, 0),
        "label_awards": by_class.get(CG.LabelAward, 0),
        "classes": {name: by_class.get(cls, 0) for cls, name in CLASS_TO_TYPE.items()},
    }
