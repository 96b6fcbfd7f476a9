"""The VoID + DCAT description: counts that match the store, dumps that resolve, licence, sources,
last update; served as Turtle, JSON-LD by Accept."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, VOID, XSD

from clustergraph.config import load_settings
from clustergraph.server import create_app
from clustergraph.vocab import CG, ENTITY_TYPES, mint
from clustergraph.void import dataset_iri, void_graph
from test_export import union

SITE = "http://127.0.0.1:5000/"
DATASET = dataset_iri()


@pytest.fixture(scope="module")
def store(export_sample_store):
    return export_sample_store


@pytest.fixture(scope="module")
def void(store) -> Graph:
    return void_graph(store, site=SITE)


def number(graph: Graph, subject, predicate) -> int:
    return int(graph.value(subject, predicate))


def partition(graph: Graph, kind, key, term):
    return next(p for p in graph.objects(DATASET, kind) if graph.value(p, key) == term)


def test_the_dataset_is_described_in_void_and_dcat(void):
    assert (DATASET, RDF.type, VOID.Dataset) in void and (DATASET, RDF.type, DCAT.Dataset) in void
    assert void.value(DATASET, DCTERMS.license) is not None
    assert {lit.language for lit in void.objects(DATASET, DCTERMS.title)} == {"en", "de"}
    assert void.value(DATASET, VOID.sparqlEndpoint) == URIRef(SITE + "sparql")


def test_counts_match_the_store(store, void):
    held = union(store.quads())
    assert number(void, DATASET, VOID.triples) == len(held)
    entities = {s for s, p, o in held if p == RDF.type and o in {cls for cls, _ in ENTITY_TYPES.values()}}
    assert number(void, DATASET, VOID.entities) == len(entities)
    clusters = {s for s in held.subjects(RDF.type, CG.Cluster)}
    assert number(void, partition(void, VOID.classPartition, VOID["class"], CG.Cluster), VOID.entities) == len(clusters)
    member_of = len(list(held.triples((None, CG.memberOf, None))))
    assert number(void, partition(void, VOID.propertyPartition, VOID.property, CG.memberOf), VOID.triples) == member_of
    assert number(void, DATASET, VOID.properties) == len(set(held.predicates()))
    assert number(void, DATASET, VOID.classes) == len(set(held.objects(None, RDF.type)))


def test_sources_and_last_update(void):
    sources = set(void.objects(DATASET, DCTERMS.source))
    assert mint("announcement", "biosaxony-go-cluster-2014") in sources
    assert mint("announcement", "nordlicht-photonik-go-cluster-2013") in sources
    modified = void.value(DATASET, DCTERMS.modified)
    assert modified.datatype == XSD.dateTime and str(modified).startswith("2024-05-06T07:08:09")


def test_every_dump_resolves_on_the_server(store):
    client = create_app(load_settings(environ={}, overrides={"store": "memory"}), store).test_client()
    graph = Graph().parse(data=client.get("/.well-known/void").data, format="turtle")
    dumps = set(graph.objects(DATASET, VOID.dataDump))
    assert {urlparse(d).path for d in dumps} == {"/export.ttl", "/export.nt", "/export.nq", "/export.trig",
                                                  "/export.jsonld"}
    for dump in dumps:
        assert client.get(urlparse(dump).path).status_code == 200
    downloads = {graph.value(d, DCAT.downloadURL) for d in graph.objects(DATASET, DCAT.distribution)}
    assert dumps <= downloads


def test_served_as_turtle_or_json_ld_by_accept(store):
    client = create_app(load_settings(environ={}, overrides={"store": "memory"}), store).test_client()
    plain = client.get("/.well-known/void")
    assert plain.mimetype == "text/turtle"
    as_jsonld = client.get("/.well-known/void", headers={"Accept": "application/ld+json"})
    assert as_jsonld.mimetype == "application/ld+json"
    graph = Graph().parse(data=as_jsonld.data, format="json-ld")
    assert (DATASET, RDF.type, VOID.Dataset) in graph
    assert graph.value(DATASET, VOID.triples) == Literal(len(union(store.quads())), datatype=XSD.integer)
    assert client.get("/.well-known/void.nt").mimetype == "application/n-triples"
    assert client.get("/.well-known/void", headers={"Accept": "image/png"}).status_code == 406
