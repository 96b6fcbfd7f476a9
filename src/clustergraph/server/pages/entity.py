"""The page of one resource (``/id/{kind}/{slug}``): names, type, every fact with its evidence.

Facts are the direct triples whose property is a relation of :mod:`clustergraph.relations`, in
both directions. Each carries the evidence of every announcement that stated it (a
``cg:Assertion``); a fact without one comes from reference data and names its graph.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from clustergraph.analytics.projection import RELATION_VALUES
from clustergraph.analytics.views import date_key, neighbourhood
from clustergraph.network import network_data
from clustergraph.relations import BY_PROPERTY
from clustergraph.server.i18n import relation_label, type_label
from clustergraph.server.pages.common import (
    announcement_path,
    entity_ref,
    local_name,
    local_path,
    text_of,
    value_of,
)
from clustergraph.store.base import Store
from clustergraph.vocab import CLASS_TO_TYPE, curie, sparql_prefixes

NEIGHBOURHOOD_LIMIT = 40

PROPERTIES_QUERY = "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }"
INCOMING_QUERY = "SELECT ?s ?x WHERE { ?x ?p ?s } LIMIT 1"

# facts with ?s as subject ("out") or object ("in"), and the graphs that hold them
FACTS_QUERIES = {
    direction: sparql_prefixes("cg") + f"""
SELECT DISTINCT ?s ?other ?p ?g WHERE {{
  VALUES ?p {{ {RELATION_VALUES} }}
  GRAPH ?g {{ {pattern} }}
}}
"""
    for direction, pattern in (("out", "?s ?p ?other"), ("in", "?other ?p ?s"))
}

# the cg:Assertion of each fact with ?s as subject ("out") or object ("in")
EVIDENCE_QUERIES = {
    direction: sparql_prefixes("cg", "rdf", "prov", "dcterms") + f"""
SELECT DISTINCT ?s ?a ?other ?p ?evidence ?start ?end ?date ?confidence ?ann ?title ?issued WHERE {{
  ?a rdf:type cg:Assertion ; {own} ?s ; {far} ?other ; rdf:predicate ?p .
  OPTIONAL {{ ?a cg:evidence ?evidence }}
  OPTIONAL {{ ?a cg:evidenceStart ?start ; cg:evidenceEnd ?end }}
  OPTIONAL {{ ?a cg:date ?date }}
  OPTIONAL {{ ?a cg:confidence ?confidence }}
  OPTIONAL {{ ?a prov:wasDerivedFrom ?ann .
             OPTIONAL {{ ?ann dcterms:title ?title }} OPTIONAL {{ ?ann dcterms:issued ?issued }} }}
}}
"""
    for direction, own, far in (("out", "rdf:subject", "rdf:object"), ("in", "rdf:object", "rdf:subject"))
}

DATED_QUERY = sparql_prefixes("cg", "rdf") + """
SELECT DISTINCT ?s ?node ?class ?target ?start ?endDate ?until WHERE {
  ?node cg:cluster ?s ; rdf:type ?class .
  { ?node cg:programme ?target } UNION { ?node cg:label ?target }
  OPTIONAL { ?node cg:startDate ?start }
  OPTIONAL { ?node cg:endDate ?endDate }
  OPTIONAL { ?node cg:validUntil ?until }
}
"""

_NAME_PROPERTIES = {RDFS.label, SKOS.prefLabel, SKOS.altLabel}


def _evidence(row: dict, base: str) -> dict:
    ann = text_of(row.get("ann"))
    assertion = str(row["a"])
    path = announcement_path(ann, base) if ann else None
    return {
        "assertion": assertion,
        "sentence": text_of(row.get("evidence")),
        "start": value_of(row.get("start")),
        "end": value_of(row.get("end")),
        "date": text_of(row.get("date")),
        "confidence": value_of(row.get("confidence")),
        "announcement": ann,
        "announcement_title": text_of(row.get("title")),
        "announcement_issued": text_of(row.get("issued")),
        "announcement_href": f"{path}#ev-{local_name(assertion)}" if path else None,
    }


def entity_facts(store: Store, G: nx.MultiDiGraph, iri: str, *, base: str, lang: str) -> list[dict]:
    """Every fact with ``iri`` as subject or object, each with its evidence (newest source first)."""
    s = URIRef(iri)
    graphs: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    evidence: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for direction in ("out", "in"):

        def key_of(row: dict) -> tuple[str, str, str]:
            ends = (iri, str(row["other"])) if direction == "out" else (str(row["other"]), iri)
            return (ends[0], str(row["p"]), ends[1])

        for row in store.query(FACTS_QUERIES[direction], bindings={"s": s}).bindings():
            graphs[key_of(row)].add(str(row["g"]))
        for row in store.query(EVIDENCE_QUERIES[direction], bindings={"s": s}).bindings():
            evidence[key_of(row)].append(_evidence(row, base))
    dated: dict[tuple[str, str], str] = {}
    for row in store.query(DATED_QUERY, bindings={"s": s}).bindings():
        if "start" in row:
            dated[(str(row["target"]), CLASS_TO_TYPE.get(row["class"], ""))] = str(row["start"])
    facts = []
    for key in sorted(set(graphs) | set(evidence)):
        subj, prop, obj = key
        rel = BY_PROPERTY.get(URIRef(prop))
        if rel is None:
            continue
        items = sorted(evidence.get(key, []), key=lambda e: (e["announcement_issued"] or ""), reverse=True)
        dates = [e["date"] for e in items if e["date"]]
        if not dates and subj == iri and (obj, "Membership") in dated and rel.name == "member of programme":
            dates = [dated[(obj, "Membership")]]
        outgoing = subj == iri
        other = obj if outgoing else subj
        date = min(dates, key=date_key) if dates else None
        facts.append(
            {
                "direction": "out" if outgoing else "in",
                "subject": subj,
                "object": obj,
                "other": entity_ref(G, other, base, lang),
                "relation": rel.name,
                "relation_label": relation_label(lang, rel.name),
                "property": curie(prop),
                "date": date,
                "evidence": items,
                "graphs": sorted(graphs.get(key, ())),
                "reference": not items,
            }
        )
    facts.sort(key=lambda f: (f["direction"] != "out", f["relation"], f["other"]["label"].casefold()))
    return facts


def entity_page(store: Store, G: nx.MultiDiGraph, iri: str, *, base: str, lang: str = "en") -> dict | None:
    """Everything the page of ``iri`` shows; ``None`` when the store knows nothing about it."""
    s = URIRef(iri)
    rows = store.query(PROPERTIES_QUERY, bindings={"s": s}).rows
    if not rows and not store.query(INCOMING_QUERY, bindings={"s": s}).rows:
        return None
    ref = entity_ref(G, iri, base, lang)
    types, names, properties = [], {"pref": [], "alt": []}, []
    for _s, p, o in rows:
        if p == RDF.type:
            types.append({"iri": str(o), "label": curie(str(o)), "type": CLASS_TO_TYPE.get(o, "")})
        elif p in _NAME_PROPERTIES:
            kind = "alt" if p == SKOS.altLabel else "pref"
            name = {"value": str(o), "lang": getattr(o, "language", None) or ""}
            if name not in names[kind]:
                names[kind].append(name)
        elif p not in BY_PROPERTY:
            target = str(o) if isinstance(o, URIRef) else None
            properties.append(
                {
                    "property": curie(str(p)),
                    "property_iri": str(p),
                    "value": value_of(o),
                    "iri": target,
                    "href": local_path(target, base) if target else None,
                    "label": entity_ref(G, target, base, lang)["label"] if target and target in G else None,
                }
            )
    properties.sort(key=lambda prop: (prop["property"], str(prop["value"])))
    type_name = ref["type"] or next((t["type"] for t in types if t["type"]), "")
    shown = {ref["label"]}
    aliases = sorted({n["value"] for n in names["pref"] + names["alt"]} - shown, key=str.casefold)
    facts = entity_facts(store, G, iri, base=base, lang=lang)
    timeline = sorted(
        (
            {"date": f["date"], "relation_label": f["relation_label"], "other": f["other"], "direction": f["direction"]}
            for f in facts
            if f["date"]
        ),
        key=lambda item: date_key(item["date"]) or "",
    )
    network = None
    if iri in G:
        around = neighbourhood(G, iri, depth=1, limit=NEIGHBOURHOOD_LIMIT)
        network = network_data(
            G,
            lang=lang,
            href=lambda node: local_path(node, base),
            type_label=lambda name: type_label(lang, name),
            relation_label=lambda name: relation_label(lang, name),
            nodes=around["nodes"],
        )
        network.update(total=around["total"], truncated=around["truncated"])
    return {
        "iri": iri,
        "label": ref["label"],
        "type": type_name,
        "type_label": type_label(lang, type_name),
        "types": sorted(types, key=lambda t: t["label"]),
        "names": names,
        "aliases": aliases,
        "facts": facts,
        "timeline": timeline,
        "properties": properties,
        "network": network,
        "path": local_path(iri, base),
    }
