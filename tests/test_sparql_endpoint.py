"""/sparql over real HTTP on loopback: every Accept header, every error, updates, CORS, limits."""

from __future__ import annotations

import csv
import io
import json
import threading
import xml.etree.ElementTree as ET

import pytest
import requests
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from clustergraph.config import load_settings
from clustergraph.server import create_app
from clustergraph.store.oxigraph import OxigraphStore
from clustergraph.vocab import SD

from conftest import LiveServer, fill_sample_store

ID = "https://w3id.org/clustergraph/id/"
SEED_GRAPH = "https://w3id.org/clustergraph/graph/announcement/biosaxony-go-cluster-2014"
PREFIX = "PREFIX cg: <https://w3id.org/clustergraph/ontology#>\n"
MEMBERS = PREFIX + """SELECT ?cluster ?joined WHERE {
  ?m a cg:Membership ; cg:programme <https://w3id.org/clustergraph/id/programme/go-cluster> ; cg:cluster ?cluster .
  OPTIONAL { ?m cg:startDate ?joined } } ORDER BY STR(?joined)"""
CONSTRUCT = PREFIX + "CONSTRUCT { ?c cg:memberOf ?p } WHERE { ?c cg:memberOf ?p }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
XML_NS = "{http://www.w3.org/2005/sparql-results#}"


def settings(path, **overrides):
    return load_settings(environ={}, overrides={"store": "oxigraph", "store_path": str(path), "query_timeout": 1.0, **overrides})


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("endpoint") / "store"
    opened = fill_sample_store(OxigraphStore(path))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def serve(store):
    """Start servers over the module's store with the given settings; all stopped at the end."""
    servers = []

    def start(**overrides):
        server = LiveServer(create_app(settings(store.path, **overrides), store=store))
        servers.append(server)
        return server.url

    start.servers = servers

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="module")
def url(serve):
    return serve() + "/sparql"


def get(url, query, accept=None, **params):
    headers = {"Accept": accept} if accept else {}
    return requests.get(url, params={"query": query, **params}, headers=headers, timeout=30)


# --- content negotiation -----------------------------------------------------------------------

@pytest.mark.parametrize(
    "accept, media_type",
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/json", "application/sparql-results+json"),
        ("*/*", "application/sparql-results+json"),
        (None, "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("application/xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ],
)
def test_select_in_every_result_format(url, accept, media_type):
    response = get(url, MEMBERS, accept)
    assert response.status_code == 200
    assert response.headers["Content-Type"].split(";")[0] == media_type
    assert members(response.content, media_type) == [
        (ID + "cluster/medical-valley-emn", "2013"),
        (ID + "cluster/biosaxony", "2014-06"),
        (ID + "cluster/silicon-saxony", "2016-09"),
    ]
    assert "X-Result-Truncated" not in response.headers


def members(body: bytes, media_type: str) -> list[tuple[str, str]]:
    """(cluster IRI, join date) pairs from a results document of any format."""
    if media_type.endswith("json"):
        doc = json.loads(body)
        return [(b["cluster"]["value"], b["joined"]["value"]) for b in doc["results"]["bindings"]]
    if media_type.endswith("xml"):
        root = ET.fromstring(body)
        out = []
        for result in root.iter(XML_NS + "result"):
            cells = {b.get("name"): b[0].text for b in result.iter(XML_NS + "binding")}
            out.append((cells["cluster"], cells["joined"]))
        return out
    if media_type == "text/csv":
        return [(r["cluster"], r["joined"]) for r in csv.DictReader(io.StringIO(body.decode("utf-8")))]
    lines = body.decode("utf-8").splitlines()
    assert lines[0] == "?cluster\t?joined"
    return [(c.strip("<>"), j.split('"')[1]) for c, j in (line.split("\t") for line in lines[1:])]


@pytest.mark.parametrize(
    "accept, media_type, rdflib_format",
    [
        (None, "text/turtle", "turtle"),
        ("text/turtle", "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("application/trig", "application/trig", "trig"),
        ("application/json", "application/ld+json", "json-ld"),
    ],
)
def test_construct_in_every_graph_format(url, store, accept, media_type, rdflib_format):
    response = get(url, CONSTRUCT, accept)
    assert response.status_code == 200
    assert response.headers["Content-Type"].split(";")[0] == media_type
    if rdflib_format == "trig":
        from rdflib import Dataset

        got = Graph()
        for s, p, o, _g in Dataset().parse(data=response.content, format="trig").quads():
            got.add((s, p, o))
    else:
        got = Graph().parse(data=response.content, format=rdflib_format)
    assert len(got) == 5
    assert isomorphic(got, store.query(CONSTRUCT).graph)


def test_ask_and_describe(url):
    yes = get(url, PREFIX + f"ASK {{ <{ID}cluster/biosaxony> cg:memberOf ?p }}")
    assert yes.json() == {"head": {}, "boolean": True}
    assert get(url, "ASK { <urn:nothing> ?p ?o }", "text/csv").text.strip() == "false"
    xml = ET.fromstring(get(url, "ASK {}", "application/sparql-results+xml").content)
    assert xml.find(XML_NS + "boolean").text == "true"
    described = Graph().parse(data=get(url, f"DESCRIBE <{ID}cluster/biosaxony>", "text/turtle").content, format="turtle")
    assert (URIRef(ID + "cluster/biosaxony"), RDF.type, URIRef("https://w3id.org/clustergraph/ontology#Cluster")) in described


@pytest.mark.parametrize(
    "query, accept, fmt, media_type",
    [
        (MEMBERS, "application/sparql-results+json", "csv", "text/csv"),
        (MEMBERS, None, "tsv", "text/tab-separated-values"),
        (MEMBERS, None, "xml", "application/sparql-results+xml"),
        (MEMBERS, None, "text/csv", "text/csv"),
        (CONSTRUCT, None, "json", "application/ld+json"),
        (CONSTRUCT, "text/turtle", "nt", "application/n-triples"),
        (CONSTRUCT, None, "xml", "application/rdf+xml"),
        (MEMBERS, None, ["tsv", "text/tab-separated-values"], "text/tab-separated-values"),
        (CONSTRUCT, None, ["json-ld", "application/ld+json"], "application/ld+json"),
        (CONSTRUCT, None, ["csv", "turtle"], "text/turtle"),
    ],
)
def test_format_parameter_wins_over_accept(url, query, accept, fmt, media_type):
    response = get(url, query, accept, format=fmt)
    assert response.status_code == 200 and response.headers["Content-Type"].split(";")[0] == media_type


@pytest.mark.parametrize(
    "query, accept, params",
    [
        (MEMBERS, "text/turtle", {}),
        (MEMBERS, "image/png", {}),
        (CONSTRUCT, "text/csv", {}),
        (CONSTRUCT, "application/sparql-results+json", {}),
        (MEMBERS, None, {"format": "turtle"}),
        (MEMBERS, None, {"format": "xlsx"}),
    ],
)
def test_what_cannot_be_given_is_406(url, query, accept, params):
    response = get(url, query, accept, **params)
    assert response.status_code == 406
    detail = response.json()["error"]["detail"]
    assert "available as" in detail


# --- protocol variants --------------------------------------------------------------------------

def test_post_form_and_post_sparql_query(url):
    form = requests.post(url, data={"query": MEMBERS}, headers={"Accept": "text/csv"}, timeout=30)
    assert form.status_code == 200 and "biosaxony" in form.text
    direct = requests.post(url, data=MEMBERS.encode("utf-8"), timeout=30,
                           headers={"Content-Type": "application/sparql-query; charset=utf-8", "Accept": "application/json"})
    assert [b["cluster"]["value"] for b in direct.json()["results"]["bindings"]][1] == ID + "cluster/biosaxony"


def test_dataset_from_default_and_named_graph_uri(url):
    count = "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a <https://w3id.org/clustergraph/ontology#Membership> }"
    only_seed = get(url, count, **{"default-graph-uri": SEED_GRAPH}).json()
    assert only_seed["results"]["bindings"][0]["n"]["value"] == "1"
    everything = get(url, count).json()
    assert everything["results"]["bindings"][0]["n"]["value"] == "5"
    named = get(url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", **{"named-graph-uri": SEED_GRAPH}).json()
    assert [b["g"]["value"] for b in named["results"]["bindings"]] == [SEED_GRAPH]
    unknown = get(url, count, **{"default-graph-uri": "http://example.org/not-here"})
    assert unknown.status_code == 400 and "not in this store" in unknown.json()["error"]["detail"]


def test_syntax_error_is_400_with_the_parsers_message_and_position(url):
    response = get(url, "SELECT ?s WHERE {\n  ?s ?p\n}")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["title"] == "QueryError" and "expected" in error["detail"]
    assert error["position"]["line"] == 3


@pytest.mark.parametrize(
    "method, kwargs, status, message",
    [
        ("post", {"data": "SELECT * {}", "headers": {"Content-Type": "text/plain"}}, 415, "application/sparql-query"),
        ("post", {"data": {}}, 400, "no query"),
        ("post", {"data": {"query": "ASK {}", "update": "CLEAR ALL"}}, 400, "not both"),
        ("get", {"params": {"update": "CLEAR ALL"}}, 400, "POST"),
        ("get", {"params": {"query": "   "}}, 400, "empty"),
        ("get", {"params": {"query": "CLEAR ALL"}}, 400, "SPARQL Update"),
    ],
)
def test_malformed_requests(url, method, kwargs, status, message):
    response = getattr(requests, method)(url, timeout=30, **kwargs)
    assert response.status_code == status
    assert message in response.json()["error"]["detail"]


def test_request_size_caps(serve):
    small = serve(max_request_bytes=2000) + "/sparql"
    body = requests.post(small, data={"query": "ASK {} #" + "x" * 5000}, timeout=30)
    assert body.status_code == 413
    long_url = requests.get(small, params={"query": "ASK {} #" + "x" * 3000}, timeout=30)
    assert long_url.status_code == 414 and "POST the query" in long_url.json()["error"]["detail"]


def test_row_cap_cuts_and_says_so(serve):
    capped = serve(max_rows=2) + "/sparql"
    for accept in ("application/sparql-results+json", "text/csv"):
        response = get(capped, MEMBERS, accept)
        assert response.headers["X-Result-Truncated"] == "true" and response.headers["X-Result-Limit"] == "2"
        assert len(members(response.content, accept)) == 2
    graph = get(capped, CONSTRUCT)
    assert graph.headers["X-Result-Truncated"] == "true"
    assert len(Graph().parse(data=graph.content, format="turtle")) == 2


# --- service description, editor, CORS ----------------------------------------------------------

@pytest.mark.parametrize("accept", [None, "*/*", "text/turtle"])
def test_service_description(url, accept):
    response = requests.get(url, headers={"Accept": accept} if accept else {}, timeout=30)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/turtle")
    graph = Graph().parse(data=response.content, format="turtle")
    service = graph.value(predicate=RDF.type, object=SD.Service)
    assert graph.value(service, SD.endpoint) == URIRef(url)
    assert set(graph.objects(service, SD.supportedLanguage)) == {SD.SPARQL11Query}
    assert URIRef(SEED_GRAPH) in set(graph.objects(None, SD.name))


def test_a_browser_gets_the_editor(url):
    for params in ({}, {"query": MEMBERS, "endpoint": url}):  # the second: a share link
        response = requests.get(url, params=params, headers={"Accept": BROWSER_ACCEPT}, timeout=30)
        assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/html")
        page = response.text
        assert 'id="yasgui"' in page and "/vendor/yasgui/yasgui.min.js" in page and "js/editor.js" in page
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
        scripts = [tag for tag in page.split("<script")[1:]]
        assert all(tag.lstrip().startswith(("src=", 'type="application/json"')) for tag in scripts)
        config = json.loads(page.split('id="sparql-config">', 1)[1].split("</script>", 1)[0])
        assert config["prefixes"]["cg"] == "https://w3id.org/clustergraph/ontology#"
        assert "PREFIX cgid: <https://w3id.org/clustergraph/id/>" in config["defaultQuery"]
        assert len(config["queries"]) >= 12


def test_cors_for_reads(url):
    response = requests.get(url, params={"query": "ASK {}"}, headers={"Origin": "https://example.org"}, timeout=30)
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "X-Result-Truncated" in response.headers["Access-Control-Expose-Headers"]
    posted = requests.post(url, data={"query": "ASK {}"}, headers={"Origin": "https://example.org"}, timeout=30)
    assert posted.headers["Access-Control-Allow-Origin"] == "*"
    preflight = requests.options(url, timeout=30, headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 204
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in preflight.headers["Access-Control-Allow-Headers"]
    assert "Authorization" not in preflight.headers["Access-Control-Allow-Headers"]


def test_cors_can_be_turned_off(serve):
    closed = serve(cors_origins="") + "/sparql"
    response = requests.get(closed, params={"query": "ASK {}"}, headers={"Origin": "https://example.org"}, timeout=30)
    assert "Access-Control-Allow-Origin" not in response.headers


# --- updates ----------------------------------------------------------------------------------

INSERT = "INSERT DATA { GRAPH <urn:scratch> { <urn:a> <urn:b> 'written' } }"
ASK_WRITTEN = "ASK { <urn:a> <urn:b> 'written' }"


def written(url) -> bool:
    return get(url, ASK_WRITTEN).json()["boolean"]


def test_updates_are_refused_by_default_and_change_nothing(url):
    for kwargs in (
        {"data": {"update": INSERT}},
        {"data": INSERT, "headers": {"Content-Type": "application/sparql-update"}},
        {"data": {"update": INSERT}, "headers": {"Authorization": "Bearer anything"}},
    ):
        response = requests.post(url, timeout=30, **kwargs)
        assert response.status_code == 403
        assert "read-only" in response.json()["error"]["detail"]
    assert written(url) is False


def test_updates_need_the_configured_bearer_token(serve, store):
    open_url = serve(allow_updates=True, update_token="s3cret") + "/sparql"
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret"}, {"Authorization": "Bearer "}):
        response = requests.post(open_url, data={"update": INSERT}, headers=headers, timeout=30)
        assert response.status_code == 403 and "Authorization: Bearer" in response.json()["error"]["detail"]
    assert written(open_url) is False
    try:
        response = requests.post(open_url, data=INSERT, timeout=30, headers={
            "Authorization": "Bearer s3cret", "Content-Type": "application/sparql-update"})
        assert response.status_code == 204
        assert written(open_url) is True
        description = Graph().parse(data=requests.get(open_url, timeout=30).content, format="turtle")
        assert SD.SPARQL11Update in set(description.objects(None, SD.supportedLanguage))
    finally:
        store.drop_graph(URIRef("urn:scratch"))


def test_an_empty_token_never_opens_updates(serve):
    no_token = serve(allow_updates=True, update_token="") + "/sparql"
    response = requests.post(no_token, data={"update": INSERT}, headers={"Authorization": "Bearer "}, timeout=30)
    assert response.status_code == 403 and "no update_token" in response.json()["error"]["detail"]
    assert written(no_token) is False


# --- the time limit -----------------------------------------------------------------------------

def test_runaway_query_is_stopped_at_the_limit_while_another_client_is_answered(url, serve):
    from clustergraph.server.sparql import runner

    app = serve.servers[0].server.app
    with app.app_context():
        runner().warm_up()  # two query workers ready: one for each client
    outcome = {}

    def runaway():
        outcome["response"] = requests.get(url, params={"query": RUNAWAY}, timeout=60)

    thread = threading.Thread(target=runaway)
    thread.start()
    small = get(url, MEMBERS, "text/csv")
    still_running = thread.is_alive()
    thread.join(timeout=60)
    assert small.status_code == 200 and "biosaxony" in small.text
    assert still_running, "the small query waited for the runaway one"
    stopped = outcome["response"]
    assert stopped.status_code == 503
    assert stopped.headers["Retry-After"]
    assert "stopped (query_timeout)" in stopped.json()["error"]["detail"]
    assert get(url, "ASK {}").status_code == 200  # the server is fine afterwards
