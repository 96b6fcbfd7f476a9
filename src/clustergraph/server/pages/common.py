"""Helpers the page builders share: local paths for IRIs, labels, literal values.

>>> local_path("https://w3id.org/clustergraph/id/cluster/biosaxony", "https://w3id.org/clustergraph/")
'/id/cluster/biosaxony'
>>> local_path("http://www.wikidata.org/entity/Q183", "https://w3id.org/clustergraph/") is None
True
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import networkx as nx
from rdflib import Literal
from rdflib.term import Identifier

from clustergraph.analytics.projection import best_label
from clustergraph.server.i18n import type_label

ANNOUNCEMENT_KIND = "announcement"


def local_path(iri: str, base: str) -> str | None:
    """The path of ``iri``'s page on this server, ``None`` for IRIs minted elsewhere."""
    prefix = base + "id/"
    if iri.startswith(prefix):
        rest = iri[len(prefix):]
        if "/" in rest and "#" not in rest and "?" not in rest:
            return "/id/" + rest
    return None


def announcement_slug(iri: str, base: str) -> str | None:
    """The slug of an announcement IRI (``{base}id/announcement/{slug}``)."""
    prefix = f"{base}id/{ANNOUNCEMENT_KIND}/"
    return iri[len(prefix):] if iri.startswith(prefix) else None


def announcement_path(iri: str, base: str) -> str | None:
    slug = announcement_slug(iri, base)
    return f"/announcements/{slug}" if slug else None


def local_name(iri: str) -> str:
    """The last segment of an IRI.

    >>> local_name("https://w3id.org/clustergraph/id/assertion/ab12")
    'ab12'
    """
    return iri.rstrip("/#").replace("#", "/").rsplit("/", 1)[-1]


def text_of(term: Identifier | None) -> str | None:
    """A term as a plain string (``None`` stays ``None``)."""
    return None if term is None else str(term)


def value_of(term: Identifier | None) -> Any:
    """A literal as a JSON-friendly Python value (numbers stay numbers), an IRI as its string."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, (int, float, bool, str)):
            return value
        return str(term)
    return str(term)


def entity_ref(G: nx.MultiDiGraph, iri: str, base: str, lang: str) -> dict:
    """``{iri, label, type, type_label, href}`` for an IRI, labelled from the entity graph."""
    data = G.nodes[iri] if iri in G else {}
    node_type = data.get("type", "")
    label = best_label(data.get("labels", {}), lang) if data else local_name(iri)
    return {
        "iri": iri,
        "label": label,
        "type": node_type,
        "type_label": type_label(lang, node_type),
        "href": local_path(iri, base),
    }


