"""An announcement with its evidence highlighted (``/announcements/{slug}``), and the list of them.

The stored text (``cg:text``) is cut into segments; a segment inside the evidence of one or more
facts is highlighted and names those facts. The evidence is placed by its offsets
(``cg:evidenceStart``/``cg:evidenceEnd``) when they point at it, else by finding the sentence
in the text (exactly, then ignoring differences in white space).

>>> segments = highlight("Intro. A joined B. Outro.", [{"id": "f1", "sentence": "A joined B.", "start": None, "end": None}])
>>> [(s["text"], s["facts"]) for s in segments]
[('Intro. ', []), ('A joined B.', ['f1']), (' Outro.', [])]
"""

from __future__ import annotations

import re

import networkx as nx
from rdflib import URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from clustergraph.relations import BY_PROPERTY
from clustergraph.server.i18n import relation_label
from clustergraph.server.pages.common import (
    announcement_path,
    announcement_slug,
    entity_ref,
    local_name,
    local_path,
    text_of,
    value_of,
)
from clustergraph.store.base import Store
from clustergraph.vocab import CG, graph_iri, sparql_prefixes

METADATA_QUERY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"

ASSERTIONS_QUERY = sparql_prefixes("cg", "rdf", "prov") + """
SELECT DISTINCT ?s ?a ?subj ?p ?obj ?evidence ?start ?end ?date ?confidence WHERE {
  ?a prov:wasDerivedFrom ?s ; rdf:type cg:Assertion ;
     rdf:subject ?subj ; rdf:predicate ?p ; rdf:object ?obj .
  OPTIONAL { ?a cg:evidence ?evidence }
  OPTIONAL { ?a cg:evidenceStart ?start ; cg:evidenceEnd ?end }
  OPTIONAL { ?a cg:date ?date }
  OPTIONAL { ?a cg:confidence ?confidence }
}
"""

FIGURES_QUERY = sparql_prefixes("cg", "prov", "rdf", "schema") + """
SELECT DISTINCT ?s ?f ?about ?measure ?value ?qualifier ?unit ?evidence ?start ?end WHERE {
  ?f prov:wasDerivedFrom ?s ; rdf:type cg:Figure ; cg:about ?about ; cg:measure ?measure ; schema:value ?value .
  OPTIONAL { ?f cg:qualifier ?qualifier }
  OPTIONAL { ?f cg:unit ?unit }
  OPTIONAL { ?f cg:evidence ?evidence }
  OPTIONAL { ?f cg:evidenceStart ?start ; cg:evidenceEnd ?end }
}
"""

LIST_QUERY = sparql_prefixes("cg", "rdf", "dcterms", "prov") + """
SELECT ?a (SAMPLE(?t) AS ?title) (SAMPLE(?i) AS ?issued) (SAMPLE(?pub) AS ?publisher)
       (COUNT(DISTINCT ?x) AS ?facts) WHERE {
  ?a rdf:type cg:Announcement .
  OPTIONAL { ?a dcterms:title ?t }
  OPTIONAL { ?a dcterms:issued ?i }
  OPTIONAL { ?a dcterms:publisher ?pub }
  OPTIONAL { ?x prov:wasDerivedFrom ?a ; rdf:type cg:Assertion }
}
GROUP BY ?a
"""


def find_span(text: str, sentence: str | None, start: int | None, end: int | None) -> tuple[int, int] | None:
    """Where ``sentence`` is in ``text``: the offsets when they fit, else the first match.

    >>> find_span("a  b c", "b c", None, None), find_span("x\\nA joined\\nB", "A joined B", None, None)
    ((3, 6), (2, 12))
    >>> find_span('der "European Initiative" (EI)', "der European Initiative (EI)", None, None)
    (0, 29)
    """
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        if not sentence or _squash(text[start:end]) == _squash(sentence):
            return (start, end)
    if not sentence:
        return None
    at = text.find(sentence)
    if at >= 0:
        return (at, at + len(sentence))
    for words, gap in ((sentence.split(), r"\s+"), (re.findall(r"\w+", sentence), r"\W+")):
        if words:
            match = re.search(gap.join(map(re.escape, words)), text)
            if match:
                return (match.start(), match.end())
    return None


def _squash(value: str) -> str:
    return " ".join(value.split())


def highlight(text: str, facts: list[dict]) -> list[dict]:
    """``text`` cut into ``{text, facts, first}`` segments; ``facts`` lists the ids of the facts
    whose evidence covers the segment, ``first`` those whose evidence starts there.
    Sets ``found`` on each fact."""
    spans = []
    for fact in facts:
        span = find_span(text, fact.get("sentence"), fact.get("start"), fact.get("end"))
        fact["found"] = span is not None
        if span:
            spans.append((span[0], span[1], fact["id"]))
    cuts = sorted({0, len(text)} | {s for s, _, _ in spans} | {e for _, e, _ in spans})
    segments = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [fid for s, e, fid in spans if s <= a and b <= e]
        starting = [fid for s, _, fid in spans if s == a]
        segments.append({"text": text[a:b], "facts": covering, "first": starting})
    return segments


def announcement_page(store: Store, G: nx.MultiDiGraph, iri: str, *, base: str, lang: str = "en") -> dict | None:
    """The announcement ``iri`` with its metadata, provenance, facts and highlighted text;
    ``None`` when it is not an announcement in the store."""
    s = URIRef(iri)
    meta: dict[URIRef, list] = {}
    for _s, p, o in store.query(METADATA_QUERY, bindings={"s": s}).rows:
        meta.setdefault(p, []).append(o)
    if CG.Announcement not in meta.get(RDF.type, []):
        return None

    def first(prop) -> str | None:
        values = meta.get(prop)
        return text_of(values[0]) if values else None

    publisher = first(DCTERMS.publisher)
    activity = first(PROV.wasGeneratedBy)
    provenance = {}
    if activity:
        for _s, p, o in store.query(METADATA_QUERY, bindings={"s": URIRef(activity)}).rows:
            if p == PROV.endedAtTime:
                provenance["ingested"] = str(o)
            elif p == CG.extractorVersion:
                provenance["extractor"] = str(o)
    facts = []
    for row in store.query(ASSERTIONS_QUERY, bindings={"s": s}).bindings():
        rel = BY_PROPERTY.get(row["p"])
        assertion = str(row["a"])
        facts.append(
            {
                "id": "ev-" + local_name(assertion),
                "assertion": assertion,
                "subject": entity_ref(G, str(row["subj"]), base, lang),
                "object": entity_ref(G, str(row["obj"]), base, lang),
                "relation": rel.name if rel else str(row["p"]),
                "relation_label": relation_label(lang, rel.name) if rel else str(row["p"]),
                "sentence": text_of(row.get("evidence")),
                "start": value_of(row.get("start")),
                "end": value_of(row.get("end")),
                "date": text_of(row.get("date")),
                "confidence": value_of(row.get("confidence")),
            }
        )
    facts.sort(key=lambda f: (f["start"] if isinstance(f["start"], int) else 10**9, f["relation"], f["id"]))
    figures = [
        {
            "id": "ev-" + local_name(str(row["f"])),
            "about": entity_ref(G, str(row["about"]), base, lang),
            "measure": text_of(row["measure"]),
            "value": value_of(row["value"]),
            "qualifier": text_of(row.get("qualifier")),
            "unit": text_of(row.get("unit")),
            "sentence": text_of(row.get("evidence")),
            "start": value_of(row.get("start")),
            "end": value_of(row.get("end")),
        }
        for row in store.query(FIGURES_QUERY, bindings={"s": s}).bindings()
    ]
    text = first(CG.text)
    segments = highlight(text, facts + figures) if text else []
    slug = announcement_slug(iri, base)
    return {
        "iri": iri,
        "slug": slug,
        "path": announcement_path(iri, base),
        "title": first(DCTERMS.title) or first(RDFS.label) or slug,
        "metadata": {
            "issued": first(DCTERMS.issued),
            "publisher": entity_ref(G, publisher, base, lang) if publisher else None,
            "place": first(CG.place),
            "kind": first(CG.kind),
            "language": first(DCTERMS.language),
            "source": first(CG.sourceFile),
        },
        "provenance": {
            "graph": str(graph_iri("announcement", slug, base)) if slug else None,
            "activity": activity,
            "activity_href": local_path(activity, base) if activity else None,
            **provenance,
        },
        "facts": facts,
        "figures": figures,
        "text": text,
        "segments": segments,
    }


def announcements_page(store: Store, G: nx.MultiDiGraph, *, base: str, lang: str = "en") -> dict:
    """Every announcement, newest first, with its number of facts."""
    items = []
    for row in store.query(LIST_QUERY).bindings():
        iri = str(row["a"])
        publisher = text_of(row.get("publisher"))
        items.append(
            {
                "iri": iri,
                "path": announcement_path(iri, base),
                "title": text_of(row.get("title")) or local_name(iri),
                "issued": text_of(row.get("issued")),
                "publisher": entity_ref(G, publisher, base, lang) if publisher else None,
                "facts": value_of(row.get("facts")) or 0,
            }
        )
    items.sort(key=lambda item: (item["issued"] or "", item["iri"]), reverse=True)
    return {"announcements": items, "total": len(items)}
