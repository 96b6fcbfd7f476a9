"""Property-based fuzzing (hypothesis) of the server's parameter handling: arbitrary query strings,
``Accept`` headers, methods and bodies on every route answer 2xx, 3xx, 4xx or a deliberate 503,
never 500 (an unexpected exception), and every error answer has the one pinned JSON shape.

Examples per test: ``CLUSTERGRAPH_FUZZ_EXAMPLES`` (default 100); runs are reproducible unless
``CLUSTERGRAPH_FUZZ_RANDOM=1``.
"""

from __future__ import annotations

import logging
from urllib.parse import quote, urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clustergraph.config import load_settings
from clustergraph.store.memory import MemoryStore
from clustergraph.store.oxigraph import OxigraphStore

from conftest import fill_sample_store

pytest.importorskip("clustergraph.server.sparql")

from clustergraph import sparql  # noqa: E402
from clustergraph.server import create_app  # noqa: E402

from fuzzing import FUZZ  # tests/fuzzing.py: the shared hypothesis profile

NAMED = [q.name for q in sparql.list_queries()]
SLUGS = ["biosaxony", "go-cluster", "sachsen", "biosaxony-go-cluster-2014", "nope", "", "..", "%2e%2e", "a b",
         "<script>", "%00", "x" * 300]
KINDS = ["cluster", "programme", "region", "announcement", "person", "label", "nope", ".."]
PATHS = st.one_of(
    st.sampled_from(["/", "/sparql", "/queries", "/queries.json", "/graph.json", "/analytics.json", "/path.json",
                     "/search.json", "/announcements", "/announcements.json", "/overview", "/overview.json",
                     "/export", "/.well-known/void", "/ontology", "/ontology.json", "/ontology.ttl"]),
    st.tuples(st.sampled_from(NAMED + ["nope"]), st.sampled_from(["", ".json", ".csv", ".tsv", ".ttl", ".xml"]))
    .map(lambda t: f"/queries/{t[0]}{t[1]}"),
    st.tuples(st.sampled_from(KINDS), st.sampled_from(SLUGS), st.sampled_from(["", ".json", ".ttl", ".jsonld", ".nt"]))
    .map(lambda t: f"/id/{t[0]}/{t[1]}{t[2]}"),
    st.tuples(st.sampled_from(SLUGS), st.sampled_from(["", ".json"])).map(lambda t: f"/announcements/{t[0]}{t[1]}"),
    st.sampled_from(["ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf", "nodes.csv", "edges.csv", "html",
                     "pdf", ""]).map(lambda s: f"/export.{s}"),
)
PARAMETERS = ["query", "update", "format", "output", "default-graph-uri", "named-graph-uri", "focus", "depth", "date",
              "limit", "q", "from", "to", "lang", "graph", "announcement", "class", "since", "cluster", "land",
              "minimum", "label", "subject", "predicate", "object", "programme", "ministry", "type"]
QUERIES = [
    "SELECT * WHERE { ?s ?p ?o } LIMIT 3",
    "ASK { ?s a <https://w3id.org/clustergraph/ontology#Cluster> }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5",
    "DESCRIBE <https://w3id.org/clustergraph/id/cluster/biosaxony>",
    "PREFIX cg: <https://w3id.org/clustergraph/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?c cg:memberOf ?p }",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "SELECT ?x WHERE { BIND(1/0 AS ?x) }",
    "SELECT * WHERE { VALUES ?x { 1 'a' <urn:x> } } ORDER BY ?x",
]
values = st.one_of(
    st.sampled_from(["", "0", "1", "-1", "999999999999999999999", "2014", "2014-06", "2014-13-45", "de", "en",
                     "cluster/biosaxony", "cg:Cluster", "https://w3id.org/clustergraph/id/cluster/biosaxony",
                     "http://127.0.0.1:9/x", "json", "xml", "csv", "turtle", "nt", "text/csv", "<script>", "\x00"]),
    st.sampled_from(QUERIES),
    st.tuples(st.sampled_from(QUERIES), st.integers(0, 120), st.text(max_size=5))
    .map(lambda t: t[0][: t[1]] + t[2] + t[0][t[1]:]),
    st.text(max_size=40),
)
query_strings = st.one_of(
    st.lists(st.tuples(st.sampled_from(PARAMETERS), values), max_size=4).map(lambda pairs: urlencode(pairs)),
    st.binary(max_size=60).map(lambda b: quote(b, safe="=&")),
    st.text(max_size=60),
)
MEDIA = ["text/html", "application/json", "application/sparql-results+json", "application/sparql-results+xml",
         "text/csv", "text/tab-separated-values", "text/turtle", "application/ld+json", "application/n-triples",
         "application/rdf+xml", "application/trig", "application/n-quads", "*/*", "text/*", "image/png", ""]
accepts = st.one_of(
    st.lists(st.tuples(st.sampled_from(MEDIA), st.sampled_from(["", ";q=0", ";q=0.5", ";q=1", ";q=x", ";level=1"])),
             max_size=4).map(lambda items: ", ".join(m + q for m, q in items)),
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=40),
)
CONTENT_TYPES = ["application/sparql-query", "application/sparql-update", "application/x-www-form-urlencoded",
                 "multipart/form-data", "application/json", "text/plain", "application/sparql-query; charset=latin-1",
                 "application/sparql-query; charset=nope", ""]
bodies = st.one_of(st.sampled_from(QUERIES).map(str.encode), st.binary(max_size=80),
                   st.lists(st.tuples(st.sampled_from(PARAMETERS), values), max_size=3)
                   .map(lambda pairs: urlencode(pairs).encode()))


@st.composite
def requests(draw) -> dict:
    method = draw(st.sampled_from(["GET", "GET", "POST", "HEAD"]))
    headers = {"Accept": draw(accepts)}
    if draw(st.booleans()):
        headers["Accept-Language"] = draw(st.sampled_from(["de", "en", "fr;q=0.5, *", "", "x" * 50]))
    request = {"method": method, "path": draw(PATHS) + "?" + draw(query_strings), "headers": headers}
    if method == "POST":
        headers["Content-Type"] = draw(st.sampled_from(CONTENT_TYPES))
        request["data"] = draw(bodies)
    return request


def make_client(store):
    settings = load_settings(environ={}, overrides={"store": "memory", "query_timeout": 3, "max_rows": 50,
                                                    "max_request_bytes": 5000})
    return create_app(settings, store=store).test_client()


@pytest.fixture(scope="module")
def oxigraph_client():
    store = fill_sample_store(OxigraphStore(None))
    yield make_client(store)
    store.close()


@pytest.fixture(scope="module")
def memory_client():
    return make_client(fill_sample_store(MemoryStore()))


def check(client, request, caplog) -> None:
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="clustergraph"):
        response = client.open(request["path"], method=request["method"], headers=request["headers"],
                               data=request.get("data"))
    status = response.status_code
    logged = "\n".join(r.getMessage() + (f"\n{r.exc_text}" if r.exc_text else "") for r in caplog.records)
    assert status < 500 or status == 503, f"{status} for {request}\n{logged}"
    if status >= 400 and response.mimetype == "application/json" and request["method"] != "HEAD":
        error = response.get_json()["error"]
        assert error["status"] == status and error["title"] and isinstance(error["detail"], str)


def to_sparql(request: dict) -> dict:
    """The same request sent to the SPARQL endpoint."""
    return {**request, "path": "/sparql?" + request["path"].split("?", 1)[1]}


@FUZZ
@given(st.one_of(requests(), requests().map(to_sparql)))
def test_any_request_on_oxigraph_answers_without_a_server_error(oxigraph_client, caplog, request):
    check(oxigraph_client, request, caplog)


@FUZZ
@given(st.one_of(requests(), requests().map(to_sparql)))
def test_any_request_on_the_memory_store_answers_without_a_server_error(memory_client, caplog, request):
    check(memory_client, request, caplog)
