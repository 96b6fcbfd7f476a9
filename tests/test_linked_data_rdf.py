"""Linked data in RDF: what a resource's description holds, content negotiation for every format
and suffix (resources and exports), 406 and 404, and one real HTTP request on loopback."""

from __future__ import annotations

import pytest
import requests
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS

from clustergraph.config import load_settings
from clustergraph.describe import resource_graph
from clustergraph.server import create_app
from clustergraph.server.negotiation import RDF_FORMATS
from clustergraph.store.oxigraph import OxigraphStore
from clustergraph.vocab import CG, mint
from conftest import LiveServer
from test_export import EVIDENCE, oxigraph_quads, rdflib_quads

BIOSAXONY = mint("cluster", "biosaxony")
GO_CLUSTER = mint("programme", "go-cluster")
HOFMANN = mint("person", "André Hofmann")
ANNOUNCEMENT = mint("announcement", "biosaxony-go-cluster-2014")
PATH = "/id/cluster/biosaxony"


@pytest.fixture(scope="module")
def store(export_sample_store):
    return export_sample_store


@pytest.fixture(scope="module")
def app(store):
    return create_app(load_settings(environ={}, overrides={"store": "memory"}), store)


@pytest.fixture
def client(app):
    return app.test_client()


def union_of(data: bytes, fmt: str) -> Graph:
    if fmt == "rdfxml":
        return Graph().parse(data=data, format="xml")
    graph = Graph()
    for s, p, o, _ in rdflib_quads(data, fmt):
        graph.add((s, p, o))
    return graph


def assert_describes_biosaxony(graph: Graph) -> None:
    assert (BIOSAXONY, CG.memberOf, GO_CLUSTER) in graph  # a fact out
    assert (HOFMANN, CG.managingDirectorOf, BIOSAXONY) in graph  # a fact in
    assert (GO_CLUSTER, SKOS.prefLabel, None) in graph  # the label of what it links to
    assertion = next(a for a in graph.subjects(RDF.predicate, CG.memberOf) if (a, RDF.subject, BIOSAXONY) in graph)
    assert str(graph.value(assertion, CG.evidence)) == EVIDENCE  # the provenance of the fact
    assert graph.value(assertion, PROV.wasDerivedFrom) == ANNOUNCEMENT
    assert (ANNOUNCEMENT, DCTERMS.title, None) in graph


# --- the description ---------------------------------------------------------------------------


def test_resource_graph_holds_facts_in_and_out_labels_and_provenance(store):
    graph = resource_graph(store, BIOSAXONY)
    assert_describes_biosaxony(graph)
    assert not any(p == CG.text for p in graph.predicates())


def test_resource_graph_of_an_unknown_resource_is_empty(store):
    assert len(resource_graph(store, mint("cluster", "nobody"))) == 0


# --- negotiation on /id/{kind}/{slug} ----------------------------------------------------------


@pytest.mark.parametrize("fmt", list(RDF_FORMATS))
def test_every_rdf_format_by_accept_and_by_suffix(client, fmt):
    spec = RDF_FORMATS[fmt]
    by_accept = client.get(PATH, headers={"Accept": spec.media_type})
    by_suffix = client.get(PATH + spec.suffix)
    for response in (by_accept, by_suffix):
        assert response.status_code == 200
        assert response.mimetype == spec.media_type
    assert "Accept" in by_accept.headers.get("Vary", "")
    assert by_accept.data == by_suffix.data
    assert_describes_biosaxony(union_of(by_accept.data, fmt))


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "nquads", "trig", "jsonld"])
def test_pyoxigraph_reads_each_answer_alike(client, fmt):
    data = client.get(PATH + RDF_FORMATS[fmt].suffix).data
    assert {q[:3] for q in oxigraph_quads(data, fmt)} == {q[:3] for q in rdflib_quads(data, fmt)}


def test_the_quad_formats_say_which_announcement_stated_a_fact(client):
    quads = oxigraph_quads(client.get(PATH + ".nq").data, "nquads")
    graph = URIRef("https://w3id.org/clustergraph/graph/announcement/biosaxony-go-cluster-2014")
    assert (BIOSAXONY, CG.memberOf, GO_CLUSTER, graph) in quads


@pytest.mark.parametrize("accept, expected", [
    ("application/ld+json;q=0.9, text/turtle;q=0.5", "application/ld+json"),
    ("text/turtle, text/html;q=0.1", "text/turtle"),
    ("application/x-turtle", "text/turtle"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
    ("application/json", "application/json"),
])
def test_accept_with_qualities_and_aliases(client, accept, expected):
    response = client.get(PATH, headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == expected


def test_nothing_acceptable_is_406_and_unknown_is_404(client):
    assert client.get(PATH, headers={"Accept": "image/png"}).status_code == 406
    assert client.get("/id/cluster/nobody.ttl").status_code == 404
    assert client.get("/id/cluster/nobody", headers={"Accept": "text/turtle"}).status_code == 404


# --- negotiation on exports, VoID and the ontology ---------------------------------------------


@pytest.mark.parametrize("suffix, media", [
    ("ttl", "text/turtle"), ("nt", "application/n-triples"), ("nq", "application/n-quads"),
    ("trig", "application/trig"), ("jsonld", "application/ld+json"), ("graphml", "application/graphml+xml"),
    ("gexf", "application/gexf+xml"), ("nodes.csv", "text/csv"), ("edges.csv", "text/csv"), ("html", "text/html"),
])
def test_every_export_suffix(client, suffix, media):
    response = client.get(f"/export.{suffix}?focus=cluster/biosaxony")
    assert response.status_code == 200
    assert response.mimetype == media
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.data


def test_the_offline_html_is_a_download_with_its_own_policy(client):
    response = client.get("/export.html?focus=cluster/biosaxony")
    assert "sandbox" in response.headers["Content-Security-Policy"]
    assert "unsafe-inline" in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "nquads", "trig", "jsonld"])
def test_export_by_accept(client, fmt):
    response = client.get("/export", headers={"Accept": RDF_FORMATS[fmt].media_type})
    assert response.status_code == 200 and response.mimetype == RDF_FORMATS[fmt].media_type
    assert len(rdflib_quads(response.data, fmt)) > 300


@pytest.mark.parametrize("url, status", [
    ("/export.ttl?focus=cluster/nobody", 404),
    ("/export.ttl?announcement=nobody", 404),
    ("/export.ttl?depth=2", 400),
    ("/export.ttl?focus=cluster/biosaxony&depth=99", 400),
    ("/export.ttl?focus=cluster/biosaxony&class=cg:Cluster", 400),
    ("/export.pdf", 404),
])
def test_export_refusals(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response.get_json()["error"]["detail"]
    assert client.get("/export", headers={"Accept": "image/png"}).status_code == 406


# --- a real request --------------------------------------------------------------------------


def test_a_real_http_request_on_loopback(app):
    server = LiveServer(app)
    try:
        session = requests.Session()
        session.trust_env = False  # no proxy for loopback
        response = session.get(server.url + PATH, headers={"Accept": "text/turtle"}, timeout=10)
    finally:
        server.stop()
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/turtle")
    triples = {quad[:3] for quad in oxigraph_quads(response.content, "turtle")}
    assert (BIOSAXONY, CG.memberOf, GO_CLUSTER) in triples
    assert EVIDENCE in response.text


def test_done_when_the_shipped_data_answers_in_turtle_with_go_cluster_and_the_evidence():
    """The issue's check: after `clustergraph setup`, Turtle for biosaxony names go-cluster and the
    sentence that stated the membership."""
    from clustergraph.ingest import setup_shipped_data

    with OxigraphStore(None) as fresh:
        assert setup_shipped_data(fresh).ok
        client = create_app(load_settings(environ={}, overrides={"store": "memory"}), fresh).test_client()
        response = client.get(PATH, headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    graph = Graph().parse(data=response.data, format="turtle")
    assert (BIOSAXONY, CG.memberOf, GO_CLUSTER) in graph
    assert EVIDENCE in {str(o) for o in graph.objects(None, CG.evidence)}
