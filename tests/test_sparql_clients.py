"""Real SPARQL clients against /sparql on loopback: SPARQLWrapper in every result format, rdflib's
SPARQLStore, and clustergraph's own remote back-end (which makes /sparql a store for another
clustergraph server)."""

from __future__ import annotations

import csv
import io
import urllib.error

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, POST, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from clustergraph import sparql
from clustergraph.config import load_settings
from clustergraph.server import create_app
from clustergraph.store.oxigraph import OxigraphStore
from clustergraph.store.sparql import SparqlStore

from conftest import LiveServer, fill_sample_store

ID = "https://w3id.org/clustergraph/id/"
MEMBERS = """PREFIX cg: <https://w3id.org/clustergraph/ontology#>
SELECT ?cluster ?joined WHERE {
  ?m a cg:Membership ; cg:programme <https://w3id.org/clustergraph/id/programme/go-cluster> ;
     cg:cluster ?cluster ; cg:startDate ?joined } ORDER BY STR(?joined)"""
EXPECTED = [(ID + "cluster/medical-valley-emn", "2013"), (ID + "cluster/biosaxony", "2014-06"),
            (ID + "cluster/silicon-saxony", "2016-09")]
CONSTRUCT = "PREFIX cg: <https://w3id.org/clustergraph/ontology#> CONSTRUCT { ?c cg:memberOf ?p } WHERE { ?c cg:memberOf ?p }"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    opened = fill_sample_store(OxigraphStore(tmp_path_factory.mktemp("clients") / "store"))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def endpoint(store):
    settings = load_settings(environ={}, overrides={"store": "oxigraph", "store_path": str(store.path), "query_timeout": 5.0})
    live = LiveServer(create_app(settings, store=store))
    yield live.url + "/sparql"
    live.stop()


def wrapper(endpoint, query, fmt, method=None):
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    if method:
        client.setMethod(method)
    return client


@pytest.mark.parametrize("method", [None, POST])
def test_sparqlwrapper_json(endpoint, method):
    doc = wrapper(endpoint, MEMBERS, JSON, method).queryAndConvert()
    assert [(b["cluster"]["value"], b["joined"]["value"]) for b in doc["results"]["bindings"]] == EXPECTED
    assert doc["results"]["bindings"][1]["joined"]["datatype"] == str(XSD.gYearMonth)


def test_sparqlwrapper_xml(endpoint):
    document = wrapper(endpoint, MEMBERS, XML).queryAndConvert()  # an xml.dom.minidom document
    results = document.getElementsByTagName("result")
    found = []
    for result in results:
        cells = {b.getAttribute("name"): b.firstChild.firstChild.data for b in result.getElementsByTagName("binding")}
        found.append((cells["cluster"], cells["joined"]))
    assert found == EXPECTED


def test_sparqlwrapper_csv_and_tsv(endpoint):
    text = wrapper(endpoint, MEMBERS, CSV).queryAndConvert().decode("utf-8")
    assert [(r["cluster"], r["joined"]) for r in csv.DictReader(io.StringIO(text))] == EXPECTED
    lines = wrapper(endpoint, MEMBERS, TSV).queryAndConvert().decode("utf-8").splitlines()
    assert lines[0] == "?cluster\t?joined"
    assert lines[2] == f'<{ID}cluster/biosaxony>\t"2014-06"^^<{XSD.gYearMonth}>'


@pytest.mark.parametrize("fmt, parse_as", [(TURTLE, "turtle"), (XML, None), (JSONLD, None)])
def test_sparqlwrapper_construct(endpoint, store, fmt, parse_as):
    converted = wrapper(endpoint, CONSTRUCT, fmt).queryAndConvert()
    graph = converted if isinstance(converted, Graph) else Graph().parse(data=converted, format=parse_as)
    assert isomorphic(graph, store.query(CONSTRUCT).graph)


def test_sparqlwrapper_errors(endpoint):
    with pytest.raises(QueryBadFormed):
        wrapper(endpoint, "SELECT * WHERE { ?s ?p }", JSON).queryAndConvert()
    update = SPARQLWrapper(endpoint)
    update.setMethod(POST)
    update.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(urllib.error.HTTPError) as refused:  # SPARQLWrapper passes a 403 on as is
        update.query()
    assert refused.value.code == 403
    assert wrapper(endpoint, "ASK { <urn:a> <urn:b> <urn:c> }", JSON).queryAndConvert()["boolean"] is False


def test_rdflib_sparqlstore(endpoint):
    remote = Graph(store=SPARQLStore(query_endpoint=endpoint, returnFormat="json"))
    rows = [(str(c), str(j)) for c, j in remote.query(MEMBERS)]
    assert rows == EXPECTED
    assert (URIRef(ID + "cluster/biosaxony"), URIRef("https://w3id.org/clustergraph/ontology#memberOf"),
            URIRef(ID + "programme/go-cluster")) in remote
    xml_store = Graph(store=SPARQLStore(query_endpoint=endpoint))  # rdflib's default: XML results
    assert len(list(xml_store.query(MEMBERS))) == 3
    assert len(xml_store.query(CONSTRUCT).graph) == 5


def test_remote_back_end_asks_our_endpoint(endpoint, store):
    remote = SparqlStore(endpoint, timeout=10)
    for name in ("programme-members", "clusters-per-land", "ecei-label-holders", "managing-directors"):
        assert sorted(sparql.run_query(remote, "@" + name).rows, key=repr) == sorted(
            sparql.run_query(store, "@" + name).rows, key=repr)
    assert set(remote.graphs()) == set(store.graphs())


def test_a_server_over_the_remote_back_end(endpoint):
    import requests

    settings = load_settings(environ={}, overrides={"store": "sparql", "sparql_query_url": endpoint, "query_timeout": 5.0})
    front = LiveServer(create_app(settings, store=SparqlStore(endpoint, timeout=10)))
    try:
        response = requests.get(front.url + "/sparql", params={"query": MEMBERS}, headers={"Accept": "text/csv"}, timeout=30)
        assert response.status_code == 200
        assert [(r["cluster"], r["joined"]) for r in csv.DictReader(io.StringIO(response.text))] == EXPECTED
        page = requests.get(front.url + "/queries/programme-members.json", timeout=30).json()
        assert {row["cluster"]["value"] for row in page["results"]["rows"]} == {c for c, _ in EXPECTED}
        service = requests.get(front.url + "/sparql", params={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}, timeout=30)
        assert service.status_code == 400
    finally:
        front.stop()
