"""Terms, formats and result pieces between rdflib and pyoxigraph, for the Oxigraph back-end."""

from __future__ import annotations

import json

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier, Node

from clustergraph.errors import StoreError
from clustergraph.store.results import XSD_STRING, make_literal

RESULT_FORMATS_OX = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
RDF_FORMATS_OX = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
}


def to_ox(term: Identifier) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term (``ValueError`` for an invalid IRI)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(term)
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(term.datatype))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(term)
    raise TypeError(f"not an RDF term: {term!r}")


def graph_name(graph: Node | None) -> ox.NamedNode | ox.BlankNode | ox.DefaultGraph:
    return ox.DefaultGraph() if graph is None else storable(graph)  # type: ignore[return-value]


def storable(term: Identifier) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """:func:`to_ox` for a term about to be written: :class:`StoreError` naming the term when
    Oxigraph refuses it (rdflib accepts IRIs such as ``<a b>`` or ``<x^y>``; Oxigraph does not)."""
    try:
        return to_ox(term)
    except (ValueError, TypeError) as exc:
        raise StoreError(f"{term!r} is not a valid RDF term ({exc}); nothing was stored") from None


def from_ox(term) -> Identifier | None:
    """A pyoxigraph term as an rdflib term; ``xsd:string`` literals come back plain, the
    default graph and unbound values as ``None``."""
    kind = type(term)
    if kind is ox.NamedNode:
        return URIRef(term.value)
    if kind is ox.Literal:
        return make_literal(term.value, term.language, term.datatype.value)
    if kind is ox.BlankNode:
        return BNode(term.value)
    if term is None or kind is ox.DefaultGraph:
        return None
    raise StoreError(f"unsupported term from Oxigraph: {term!r} (RDF-star triples are not supported)")


def json_value(term) -> dict[str, str]:
    kind = type(term)
    if kind is ox.NamedNode:
        return {"type": "uri", "value": term.value}
    if kind is ox.Literal:
        value = {"type": "literal", "value": term.value}
        if term.language:
            value["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            value["datatype"] = term.datatype.value
        return value
    if kind is ox.BlankNode:
        return {"type": "bnode", "value": term.value}
    raise StoreError(f"unsupported term from Oxigraph: {term!r} (RDF-star triples are not supported)")


def solutions_json(variables: list[str], solutions: list) -> bytes:
    """SPARQL JSON results written from pyoxigraph solutions (pyoxigraph cannot cut its own)."""
    bindings = []
    for solution in solutions:
        row = {}
        for var, term in zip(variables, solution):
            if term is not None:
                row[var] = json_value(term)
        bindings.append(row)
    doc = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
