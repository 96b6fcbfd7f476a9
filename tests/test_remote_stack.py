"""The whole stack on the remote back-end: a real Oxigraph server on loopback as the store.

Reference data and a facts file go in through :mod:`clustergraph.ingest`, then SPARQL through the
app's ``/sparql``, the viewer's graph data, the linked data page and the exports are read back
through the app, as several viewer instances behind a proxy would serve them (docs/deploy.md).
"""

from __future__ import annotations

import io
import json
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib import namespace
from rdflib.namespace import RDF, SKOS

from clustergraph.config import load_settings
from clustergraph.export import write_dataset
from clustergraph.factsfile import load_facts
from clustergraph.ingest import load_reference, store_document
from clustergraph.rdfmap import document_graph, entity_iri
from clustergraph.server import create_app
from clustergraph.server.wsgi import create_wsgi_app
from clustergraph.store import open_store
from clustergraph.vocab import CG, graph_iri, id_prefix, mint

pytestmark = pytest.mark.server

DECIMAL = namespace.XSD.decimal

FACTS_FILE = Path(__file__).parent / "devset" / "bioprint-zukunftscluster-2021.expected.json"
INGESTED_AT = datetime(2025, 3, 1, 9, 30, tzinfo=timezone.utc)


def remote_environ(server_url: str) -> dict[str, str]:
    return {
        "CLUSTERGRAPH_STORE": "sparql",
        "CLUSTERGRAPH_SPARQL_QUERY_URL": server_url + "/query",
        "CLUSTERGRAPH_SPARQL_UPDATE_URL": server_url + "/update",
        "CLUSTERGRAPH_SPARQL_TIMEOUT": "20",
    }


@pytest.fixture
def stack(oxigraph_server):
    """A store on the Oxigraph server holding the reference data and one facts file; the app on it."""
    settings = load_settings(environ=remote_environ(oxigraph_server))
    store = open_store(settings)
    store.update("DROP ALL")
    reference = load_reference(store, base=settings.base_iri)
    assert reference.ok, reference.to_dict()
    doc = load_facts(FACTS_FILE)
    doc.announcement.source = doc.announcement.source or FACTS_FILE.name
    outcome = store_document(store, doc, base=settings.base_iri, ingested_at=INGESTED_AT)
    assert outcome.ok, outcome.error
    app = create_app(settings, store, test_config={"TESTING": True})
    try:
        yield store, app, doc
    finally:
        store.update("DROP ALL")
        store.close()


def by_value(triples) -> Graph:
    """The triples with ``xsd:decimal`` literals in one form per value: Oxigraph keeps decimals
    canonical (``"1.0"`` comes back as ``"1"``), which is the same value."""
    out = Graph()
    for s, p, o in triples:
        if isinstance(o, Literal) and o.datatype == DECIMAL:
            o = Literal(Decimal(str(o)).normalize(), datatype=DECIMAL)
        out.add((s, p, o))
    return out


def cluster_of(doc) -> URIRef:
    return entity_iri(next(e for e in doc.entities if e.type == "Cluster"))


def test_announcement_graph_on_the_server_is_the_one_ingest_built(stack):
    store, _app, doc = stack
    name, expected = document_graph(doc, ingested_at=INGESTED_AT)
    stored = Graph()
    for s, p, o, _g in store.quads(name):
        stored.add((s, p, o))
    assert len(stored) == len(expected) > 0
    assert isomorphic(by_value(stored), by_value(expected))
    reference = graph_iri("reference", "regions")
    assert {name, reference} <= set(store.graphs())


def test_sparql_through_the_app_reads_the_remote_store(stack):
    _store, app, doc = stack
    if "sparql" not in app.blueprints:
        pytest.skip("the /sparql blueprint (clustergraph.server.sparql) is not there yet")
    cluster = cluster_of(doc)
    query = (f"SELECT DISTINCT ?name WHERE {{ <{cluster}> <{SKOS.prefLabel}> ?name }}")
    response = app.test_client().get("/sparql", query_string={"query": query},
                                     headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.data[:500]
    names = {row["name"]["value"] for row in response.get_json()["results"]["bindings"]}
    assert names == {next(e.name for e in doc.entities if e.type == "Cluster")}
    # the union of all graphs: a reference region is there too
    ask = f"ASK {{ <{mint('region', 'Sachsen')}> <{RDF.type}> <{CG.Region}> }}"
    response = app.test_client().get("/sparql", query_string={"query": ask},
                                     headers={"Accept": "application/sparql-results+json"})
    assert response.get_json()["boolean"] is True


def test_viewer_data_from_the_remote_store(stack):
    _store, app, doc = stack
    response = app.test_client().get("/graph.json")
    assert response.status_code == 200, response.data[:500]
    data = response.get_json()
    ids = {node["id"] for node in data["nodes"]}
    assert str(cluster_of(doc)) in ids
    assert str(mint("region", "Deutschland")) in ids
    pairs = {(edge["from"], edge["to"]) for edge in data["edges"]}
    assert (str(mint("region", "Sachsen")), str(mint("region", "Deutschland"))) in pairs


def test_exports_from_the_remote_store(stack):
    store, app, doc = stack
    name, expected = document_graph(doc, ingested_at=INGESTED_AT)
    out = io.BytesIO()
    write_dataset(store, out, "nquads")
    dataset = Dataset()
    dataset.parse(data=out.getvalue(), format="nquads")
    assert isomorphic(by_value(dataset.graph(name)), by_value(expected))
    assert len(dataset.graph(graph_iri("reference", "regions"))) > 0

    response = app.test_client().get("/export.ttl")
    assert response.status_code == 200
    union = Graph().parse(data=response.get_data(), format="turtle")
    assert set(by_value(expected)) <= set(by_value(union))
    assert (mint("region", "Sachsen"), CG.partOf, mint("region", "Deutschland")) in union


def test_linked_data_page_from_the_remote_store(stack):
    _store, app, doc = stack
    cluster = cluster_of(doc)
    path = "/id/" + str(cluster).removeprefix(id_prefix())  # /id/cluster/{slug} on this server
    response = app.test_client().get(path, headers={"Accept": "text/turtle"})
    assert response.status_code == 200, response.data[:300]
    described = Graph().parse(data=response.get_data(), format="turtle")
    assert (cluster, RDF.type, CG.Cluster) in described


def test_wsgi_factory_serves_the_remote_store_from_environment(stack, oxigraph_server):
    _store, _app, doc = stack
    app = create_wsgi_app(remote_environ(oxigraph_server))
    try:
        assert app.extensions["clustergraph.settings"].store == "sparql"
        response = app.test_client().get("/graph.json")
        assert response.status_code == 200
        assert str(cluster_of(doc)) in {node["id"] for node in json.loads(response.data)["nodes"]}
        assert "ETag" not in response.headers  # caching is off unless asked for
    finally:
        app.extensions["clustergraph.store"].close()


def test_instances_behind_a_proxy_agree_on_etags_tied_to_the_data_version(stack, oxigraph_server):
    store, _app, _doc = stack
    environ = remote_environ(oxigraph_server) | {"CLUSTERGRAPH_CACHE_SECONDS": "60"}
    first, second = create_wsgi_app(environ), create_wsgi_app(environ)
    for app in (first, second):
        app.wsgi_app.version_ttl = 0  # read the data version on every request
    try:
        answer = first.test_client().get("/graph.json")
        assert answer.status_code == 200
        etag = answer.headers["ETag"]
        assert answer.headers["Cache-Control"] == "public, max-age=60"
        # the other instance knows the same answer by its ETag
        again = second.test_client().get("/graph.json", headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.headers["ETag"] == etag and not again.data
        other = second.test_client().get("/graph.json", headers={"Accept-Language": "de"})
        assert other.headers["ETag"] != etag
        # a new announcement is a new data version: the old ETag no longer matches
        more = load_facts(FACTS_FILE.with_name("bw-landeslabel-cluster-exzellenz-2019.expected.json"))
        more.announcement.source = more.announcement.source or "more.json"
        assert store_document(store, more).ok
        changed = second.test_client().get("/graph.json", headers={"If-None-Match": etag})
        assert changed.status_code == 200 and changed.headers["ETag"] != etag
        # writes and errors are never cached
        missing = first.test_client().get("/id/cluster/no-such-cluster-anywhere", headers={"Accept": "text/turtle"})
        assert missing.status_code == 404 and "ETag" not in missing.headers
        posted = first.test_client().post("/graph.json")
        assert "ETag" not in posted.headers
    finally:
        for app in (first, second):
            app.extensions["clustergraph.store"].close()
