"""The ontology's documentation, generated from ``ontology/clustergraph.ttl``.

:func:`ontology_document` reads the ontology file and returns a plain dict (the ``/ontology``
page renders it, ``/ontology.json`` is the dict itself): the ontology's title, description,
version and licence, and every class and property of the ``cg:`` namespace with its English and
German labels and comments, superclasses or superproperties, domains and ranges (strict
``rdfs:domain`` / ``rdfs:range`` and the looser ``schema:domainIncludes`` /
``schema:rangeIncludes``), and examples.

>>> doc = ontology_document()
>>> cluster = next(c for c in doc["classes"] if c["name"] == "Cluster")
>>> cluster["labels"]["de"], cluster["curie"]
('Cluster', 'cg:Cluster')
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SDO, SKOS

from clustergraph.resources import ontology_path
from clustergraph.vocab import CG, ONTOLOGY_IRI, curie

LANGUAGES = ("en", "de")
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)
CHARACTERISTICS = (OWL.TransitiveProperty, OWL.SymmetricProperty, OWL.FunctionalProperty,
                   OWL.InverseFunctionalProperty, OWL.AsymmetricProperty, OWL.ReflexiveProperty,
                   OWL.IrreflexiveProperty)
_NAMESPACE = str(CG._NS)


def load_ontology(path: str | Path | None = None) -> Graph:
    """The ontology as an rdflib graph."""
    graph = Graph()
    graph.parse(str(path or ontology_path()), format="turtle")
    return graph


def _own(iri) -> bool:
    return isinstance(iri, URIRef) and str(iri).startswith(_NAMESPACE)


def term_ref(iri: URIRef) -> dict:
    """A link to a term: to its section on the page when it is ours, else to its IRI."""
    own = _own(iri)
    return {"iri": str(iri), "curie": curie(iri), "href": "#" + str(iri)[len(_NAMESPACE):] if own else str(iri),
            "own": own}


def _texts(graph: Graph, subject, predicate) -> dict[str, str]:
    found: dict[str, str] = {}
    for value in sorted(graph.objects(subject, predicate), key=str):
        found.setdefault(getattr(value, "language", None) or "", str(value))
    return found


def _refs(graph: Graph, subject, predicate) -> list[dict]:
    return [term_ref(o) for o in sorted(graph.objects(subject, predicate), key=str) if isinstance(o, URIRef)]


def _term(graph: Graph, iri: URIRef) -> dict:
    name = str(iri)[len(_NAMESPACE):]
    return {
        "name": name,
        "anchor": name,
        "iri": str(iri),
        "curie": f"cg:{name}",
        "labels": _texts(graph, iri, RDFS.label),
        "comments": _texts(graph, iri, RDFS.comment),
        "examples": sorted(str(e) for e in graph.objects(iri, SKOS.example)),
        "see_also": _refs(graph, iri, RDFS.seeAlso),
    }


def _class(graph: Graph, iri: URIRef) -> dict:
    entry = _term(graph, iri)
    entry["superclasses"] = _refs(graph, iri, RDFS.subClassOf)
    entry["subclasses"] = [term_ref(s) for s in sorted(graph.subjects(RDFS.subClassOf, iri), key=str)]
    uses = {"domain_of": (RDFS.domain, SDO.domainIncludes), "range_of": (RDFS.range, SDO.rangeIncludes)}
    for key, predicates in uses.items():
        props = {p for predicate in predicates for p in graph.subjects(predicate, iri) if _own(p)}
        entry[key] = [term_ref(p) for p in sorted(props, key=str)]
    return entry


def _property(graph: Graph, iri: URIRef) -> dict:
    entry = _term(graph, iri)
    types = set(graph.objects(iri, RDF.type))
    entry["kind"] = next((str(k).rsplit("#", 1)[-1] for k in PROPERTY_KINDS if k in types), "Property")
    entry["characteristics"] = [str(c).rsplit("#", 1)[-1] for c in CHARACTERISTICS if c in types]
    entry["superproperties"] = _refs(graph, iri, RDFS.subPropertyOf)
    entry["inverse"] = _refs(graph, iri, OWL.inverseOf)
    entry["domain"] = _refs(graph, iri, RDFS.domain)
    entry["range"] = _refs(graph, iri, RDFS.range)
    entry["domain_includes"] = _refs(graph, iri, SDO.domainIncludes)
    entry["range_includes"] = _refs(graph, iri, SDO.rangeIncludes)
    return entry


def document_from_graph(graph: Graph) -> dict:
    """The documentation dict of an ontology graph (see the module docstring)."""
    ontology = URIRef(ONTOLOGY_IRI)
    classes = sorted({s for s in graph.subjects(RDF.type, OWL.Class) if _own(s)}, key=str)
    properties = sorted({s for kind in PROPERTY_KINDS for s in graph.subjects(RDF.type, kind) if _own(s)}, key=str)
    license_ = graph.value(ontology, DCTERMS.license)
    return {
        "iri": ONTOLOGY_IRI,
        "namespace": _NAMESPACE,
        "prefix": "cg",
        "version": str(graph.value(ontology, OWL.versionInfo) or ""),
        "title": _texts(graph, ontology, DCTERMS.title),
        "description": _texts(graph, ontology, DCTERMS.description),
        "license": str(license_) if license_ is not None else "",
        "created": str(graph.value(ontology, DCTERMS.created) or ""),
        "languages": list(LANGUAGES),
        "classes": [_class(graph, c) for c in classes],
        "properties": [_property(graph, p) for p in properties],
    }


@lru_cache(maxsize=4)
def _cached(path: str, mtime: float) -> tuple[tuple, dict]:
    graph = load_ontology(path)
    return tuple(graph), document_from_graph(graph)


def _current(path: str | Path | None) -> tuple[tuple, dict]:
    target = Path(path or ontology_path())
    return _cached(str(target), target.stat().st_mtime)


def ontology_document(path: str | Path | None = None) -> dict:
    """The documentation dict of the ontology file (re-read when the file changes)."""
    return _current(path)[1]


def ontology_triples(path: str | Path | None = None) -> tuple:
    """The ontology's triples, parsed once per version of the file (``/ontology`` in RDF)."""
    return _current(path)[0]
