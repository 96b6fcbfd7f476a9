"""Hardening of the SPARQL endpoint, on the rdflib memory back-end and on embedded Oxigraph on disk.

- no query or update reaches the network (SERVICE, FROM, FROM NAMED, USING, LOAD, the protocol's
  graph parameters): a listener on loopback, named in every such request, must see no connection;
- updates need ``allow_updates`` and the bearer token; with updates off no token opens them;
- a runaway query (cross product, deep property path) gets 503 at the time limit while the
  server keeps answering other queries;
- very long, deeply nested, non-UTF-8 and oversized requests get clean 4xx answers.

Guarantees listed in docs/SECURITY.md.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from rdflib import Literal, URIRef

from clustergraph.config import load_settings
from clustergraph.errors import QueryError
from clustergraph.store.memory import MemoryStore
from clustergraph.store.oxigraph import OxigraphStore

from conftest import LiveServer, fill_sample_store

pytest.importorskip("clustergraph.server.sparql")

from clustergraph import sparql  # noqa: E402
from clustergraph.server import create_app  # noqa: E402

TOKEN = "s3cret-update-token"
JSON = {"Accept": "application/sparql-results+json"}
GO_MEMBERS = {  # what the sample data says (tests/fixtures/make_sample.py)
    "https://w3id.org/clustergraph/id/cluster/" + slug for slug in ("biosaxony", "medical-valley-emn", "silicon-saxony")
}
GO_MEMBERS_QUERY = """PREFIX cg: <https://w3id.org/clustergraph/ontology#>
SELECT DISTINCT ?cluster WHERE { ?m a cg:Membership ; cg:cluster ?cluster ;
  cg:programme <https://w3id.org/clustergraph/id/programme/go-cluster> }"""


class Listener:
    """A TCP listener on loopback that records every connection. It answers HTTP with a tiny
    Turtle document, so that a client which does leak gets an answer instead of hanging."""

    ANSWER = b"<urn:leak> <urn:leak> <urn:leak> .\n"

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.connections: list = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, address = self.sock.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            self.connections.append(address)
            with conn:
                try:
                    conn.settimeout(1)
                    conn.recv(65536)
                    conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/turtle\r\nContent-Length: %d\r\n\r\n"
                                 % len(self.ANSWER) + self.ANSWER)
                except OSError:
                    pass

    def seen(self) -> list:
        time.sleep(0.2)  # a connection still being made would show up by now
        return list(self.connections)

    def close(self) -> None:
        self._stop.set()
        self.sock.close()
        self._thread.join(timeout=5)


@pytest.fixture(scope="module")
def listener():
    opened = Listener()
    yield opened
    opened.close()


def open_backend(name: str, where: Path):
    return MemoryStore() if name == "memory" else OxigraphStore(where / "store")


def make_app(store, **overrides):
    settings = load_settings(environ={}, overrides={"store": "memory", **overrides})
    return create_app(settings, store=store)


@pytest.fixture(params=["memory", "oxigraph"], scope="module")
def backend(request, tmp_path_factory, listener):
    """The sample data, plus a graph whose name is the listener's URL: a graph of the store that
    an engine could still try to fetch."""
    store = fill_sample_store(open_backend(request.param, tmp_path_factory.mktemp(request.param)))
    store.replace_graph(URIRef(listener.url + "/in-store"),
                        [(URIRef("urn:x:s"), URIRef("urn:x:p"), Literal("in the store"))])
    yield request.param, store
    store.close()


# --- nothing reaches the network ------------------------------------------------------------------

QUERIES = [
    "SELECT * WHERE { SERVICE <{url}/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT <{url}/sparql> { ?s ?p ?o } }",
    "select * where { service <{url}/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <{url}/sparql> { ?s ?p ?o } }",
    "PREFIX r: <{url}/> SELECT * WHERE { SERVICE r:sparql { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o . SERVICE <{url}/sparql> { ?s ?p ?o } } LIMIT 1",
    "SELECT * FROM <{url}/data.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <{url}/data.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "PREFIX x: <{url}/> SELECT * FROM x:data.ttl WHERE { ?s ?p ?o }",
    "BASE <{url}/> SELECT * FROM <data.ttl> WHERE { ?s ?p ?o }",
    "ASK FROM <{url}/data.ttl> { ?s ?p ?o }",
    "CONSTRUCT { ?s ?p ?o } FROM <{url}/data.ttl> WHERE { ?s ?p ?o }",
    "DESCRIBE <urn:x:s> FROM <{url}/data.ttl>",
    # graphs of the store whose names are URLs: answered from the store, never fetched
    "SELECT * FROM <{url}/in-store> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <{url}/in-store> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT * WHERE { GRAPH <{url}/in-store> { ?s ?p ?o } }",
]
UPDATES = [
    "LOAD <{url}/data.ttl>",
    "LOAD SILENT <{url}/data.ttl> INTO GRAPH <urn:x:loaded>",
    "load <{url}/data.ttl>",
    "INSERT { GRAPH <urn:x:copy> { ?s ?p ?o } } USING <{url}/data.ttl> WHERE { ?s ?p ?o }",
    "INSERT { GRAPH <urn:x:copy> { ?s ?p ?o } } USING NAMED <{url}/data.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "INSERT { GRAPH <urn:x:copy> { ?s ?p ?o } } USING <{url}/in-store> WHERE { ?s ?p ?o }",
    "INSERT { GRAPH <urn:x:copy> { ?s ?p ?o } } WHERE { SERVICE <{url}/sparql> { ?s ?p ?o } }",
    "WITH <{url}/data.ttl> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",  # names a graph to change: no fetch
]


def _fill(template: str, url: str) -> str:
    return template.replace("{url}", url)


def test_no_query_or_update_reaches_the_network(backend, listener):
    name, store = backend
    client = make_app(store, allow_updates=True, update_token=TOKEN, query_timeout=20).test_client()
    graphs_before = set(store.graphs())
    answers, leaks = [], []

    def send(label, call):
        known = len(listener.connections)
        answers.append((label, call().status_code))
        if len(listener.connections) > known:
            leaks.append(label)

    listener.connections.clear()
    for template in QUERIES:
        text = _fill(template, listener.url)
        send(text, lambda: client.get("/sparql", query_string={"query": text}, headers=JSON))
        send(text, lambda: client.post("/sparql", data=text.encode(), headers=JSON,
                                       content_type="application/sparql-query"))
    for parameter in ("default-graph-uri", "named-graph-uri"):
        for graph in (listener.url + "/data.ttl", listener.url + "/in-store"):
            send(f"{parameter}={graph}", lambda: client.get("/sparql", headers=JSON, query_string={
                "query": "SELECT * WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }", parameter: graph}))
    for template in UPDATES:
        text = _fill(template, listener.url)
        send(text, lambda: client.post("/sparql", data={"update": text},
                                       headers={"Authorization": f"Bearer {TOKEN}"}))
    send("using-graph-uri", lambda: client.post("/sparql", headers={"Authorization": f"Bearer {TOKEN}"}, data={
        "update": "INSERT { GRAPH <urn:x:copy> { ?s ?p ?o } } WHERE { ?s ?p ?o }",
        "using-graph-uri": listener.url + "/data.ttl"}))

    assert not leaks and listener.seen() == [], f"{name}: these reached the listener: {leaks}"
    assert all(status < 500 for _text, status in answers), answers
    refused = {text: status for text, status in answers  # what names the outside must be refused
               if not text.startswith("WITH") and ("data.ttl" in text or "ERVICE" in text.upper()
                                                   or "LOAD" in text.upper())}
    assert all(status == 400 for status in refused.values()), {t: s for t, s in refused.items() if s != 400}
    assert not store.query("ASK { GRAPH ?g { <urn:leak> ?p ?o } }").boolean  # nothing fetched got in
    assert set(store.graphs()) - graphs_before <= {URIRef("urn:x:copy")}  # the allowed USING <in-store> copy


def test_the_library_and_cli_path_refuses_the_same(backend, listener):
    """``clustergraph query`` runs through :func:`clustergraph.sparql.run_query`."""
    name, store = backend
    listener.connections.clear()
    leaks = []
    for template in QUERIES:
        text = _fill(template, listener.url)
        known = len(listener.connections)
        try:
            sparql.run_query(store, text)
        except QueryError:
            pass
        if len(listener.connections) > known:
            leaks.append(text)
    assert not leaks and listener.seen() == [], f"{name}: these reached the listener: {leaks}"


# --- updates ---------------------------------------------------------------------------------------

INSERT = "INSERT DATA { GRAPH <urn:x:new> { <urn:x:a> <urn:x:b> 'inserted' } }"


@pytest.fixture
def sample_memory():
    return fill_sample_store(MemoryStore())


def test_updates_need_the_bearer_token(sample_memory):
    client = make_app(sample_memory, allow_updates=True, update_token=TOKEN).test_client()
    before = sample_memory.count()
    refused = [
        client.post("/sparql", data={"update": INSERT}),
        client.post("/sparql", data={"update": INSERT}, headers={"Authorization": "Bearer wrong"}),
        client.post("/sparql", data={"update": INSERT}, headers={"Authorization": f"Basic {TOKEN}"}),
        client.post("/sparql", data={"update": INSERT}, headers={"Authorization": f"Bearer {TOKEN}x"}),
        client.post("/sparql", data={"update": INSERT}, headers={"Authorization": "Bearer "}),
        client.post("/sparql", data=INSERT.encode(), content_type="application/sparql-update"),
    ]
    assert [r.status_code for r in refused] == [403] * len(refused)
    assert client.get("/sparql", query_string={"update": INSERT},
                      headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 400
    assert client.post("/sparql", data={"query": INSERT}, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 400
    assert sample_memory.count() == before
    allowed = client.post("/sparql", data=INSERT.encode(), content_type="application/sparql-update",
                          headers={"Authorization": f"Bearer {TOKEN}"})
    assert allowed.status_code == 204
    assert sample_memory.count() == before + 1


@pytest.mark.parametrize("allow, token", [(False, TOKEN), (False, ""), (True, "")])
def test_with_updates_off_no_token_opens_them(sample_memory, allow, token):
    client = make_app(sample_memory, allow_updates=allow, update_token=token).test_client()
    before = sample_memory.count()
    for header in ({}, {"Authorization": f"Bearer {TOKEN}"}, {"Authorization": "Bearer "}, {"Authorization": "Bearer"}):
        assert client.post("/sparql", data={"update": INSERT}, headers=header).status_code == 403
        assert client.post("/sparql", data=INSERT.encode(), content_type="application/sparql-update",
                           headers=header).status_code == 403
    assert sample_memory.count() == before


# --- the time limit ---------------------------------------------------------------------------------

RUNAWAYS = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a (<urn:x:none>|!<urn:x:none>|^!<urn:x:none>)* ?b . ?c ?d ?e }",
]


def _get(url: str, timeout: float = 60) -> tuple[int, dict, bytes]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    request = urllib.request.Request(url, headers=JSON)
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


@pytest.mark.parametrize("name", ["memory", "oxigraph"])
def test_a_runaway_query_is_stopped_while_others_are_answered(name, tmp_path):
    store = fill_sample_store(open_backend(name, tmp_path))
    server = LiveServer(make_app(store, query_timeout=1.5))
    try:
        outcomes: dict[str, tuple] = {}

        def runaway(text):
            outcomes[text] = _get(server.url + "/sparql?" + urlencode({"query": text}))

        threads = [threading.Thread(target=runaway, args=(text,)) for text in RUNAWAYS]
        for thread in threads:
            thread.start()
        answered = []
        while any(t.is_alive() for t in threads):  # meanwhile the server answers others
            status, _headers, body = _get(server.url + "/sparql?" + urlencode({"query": GO_MEMBERS_QUERY}))
            rows = {b["cluster"]["value"] for b in json.loads(body)["results"]["bindings"]} if status == 200 else None
            answered.append((status, rows))
            time.sleep(0.05)
        for thread in threads:
            thread.join()
        assert answered and all(a == (200, GO_MEMBERS) for a in answered), answered[:3]
        for text in RUNAWAYS:
            status, headers, body = outcomes[text]
            assert status == 503, (text, status, body[:300])
            assert headers.get("Retry-After") and "query_timeout" in json.loads(body)["error"]["detail"]
        status, _headers, body = _get(server.url + "/sparql?" + urlencode({"query": GO_MEMBERS_QUERY}))
        assert status == 200
    finally:
        server.stop()
        store.close()


# --- malformed, oversized, nested requests ----------------------------------------------------------

def nested_groups(depth: int) -> str:
    return "SELECT * WHERE " + "{" * depth + " ?s ?p ?o " + "}" * depth


MALFORMED_QUERIES = {
    "nested groups": nested_groups(5000),
    "nested parentheses": "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 30000 + "1" + ")" * 30000 + ") }",
    "nested blank nodes": "ASK { ?s ?p " + "[ <urn:p> " * 5000 + "?o" + " ]" * 5000 + " }",
    "unary operators": "ASK { FILTER(" + "!" * 30000 + "true) }",
    "long UNION chain": "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 20000) + " }",
    "long arithmetic chain": "ASK { FILTER(" + " + ".join(["1"] * 40000) + " > 0) }",
    "long join": "SELECT * WHERE { " + " . ".join(f"?s{i} ?p ?o" for i in range(15000)) + " }",
    "NUL bytes": "SELECT * WHERE { ?s ?p \x00 }",
    "not SPARQL": "<html><script>alert(1)</script></html>",
}


@pytest.mark.parametrize("name", ["memory", "oxigraph"])
def test_long_and_deeply_nested_queries_get_400(name, tmp_path):
    store = fill_sample_store(open_backend(name, tmp_path))
    try:
        client = make_app(store, query_timeout=20, max_request_bytes=2_000_000).test_client()
        answers = {}
        for label, text in MALFORMED_QUERIES.items():
            response = client.post("/sparql", data=text.encode(), content_type="application/sparql-query",
                                   headers=JSON)
            detail = response.get_json()["error"]["detail"] if response.mimetype == "application/json" else ""
            answers[label] = (response.status_code, detail[:200])
        assert all(status == 400 for status, _body in answers.values()), answers
        ok = client.get("/sparql", query_string={"query": GO_MEMBERS_QUERY}, headers=JSON)
        assert ok.status_code == 200  # and the app still answers
    finally:
        store.close()


def test_bad_requests_get_clean_4xx(sample_memory):
    client = make_app(sample_memory, max_request_bytes=10_000).test_client()
    cases = {
        "URL too long": client.get("/sparql?query=" + "A" * 20_000),
        "body too large": client.post("/sparql", data=b"SELECT * WHERE { ?s ?p ?o }" + b" " * 20_000,
                                      content_type="application/sparql-query"),
        "form too large": client.post("/sparql", data={"query": "SELECT * { ?s ?p ?o }" + " " * 20_000}),
        "non-UTF-8 body": client.post("/sparql", data=b"SELECT * WHERE { ?s ?p '\xff\xfe' }",
                                      content_type="application/sparql-query"),
        "unknown charset": client.post("/sparql", data=b"ASK {}", content_type="application/sparql-query; charset=x-nope"),
        "non-UTF-8 URL": client.get("/sparql?query=SELECT%20*%20WHERE%20%7B%20?s%20?p%20%FF%FE%20%7D", headers=JSON),
        "non-UTF-8 form": client.post("/sparql", data=b"query=ASK%20%7B%FF%7D",
                                      content_type="application/x-www-form-urlencoded", headers=JSON),
        "unknown body type": client.post("/sparql", data=b"ASK {}", content_type="text/plain"),
        "two queries": client.get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D"),
        "query and update": client.post("/sparql", data={"query": "ASK {}", "update": INSERT}),
        "empty query": client.get("/sparql?query=%20"),
        "no format fits": client.get("/sparql?query=ASK%7B%7D", headers={"Accept": "image/png"}),
        "unknown format": client.get("/sparql?query=ASK%7B%7D&format=pdf"),
        "unknown graph": client.get("/sparql", query_string={"query": "ASK {}", "default-graph-uri": "urn:nope"}),
        "bad method": client.put("/sparql", data=b"ASK {}"),
        "malformed Accept": client.get("/sparql?query=ASK%7B%7D", headers={"Accept": ";;;,,q=x/" * 200}),
    }
    statuses = {name: response.status_code for name, response in cases.items()}
    assert all(400 <= status < 500 for status in statuses.values()), statuses
    assert statuses["URL too long"] == 414 and statuses["body too large"] == 413
    for name, response in cases.items():
        body = response.get_data(as_text=True)
        assert "Traceback" not in body and 'File "' not in body, name
        if response.mimetype == "application/json":
            error = response.get_json()["error"]
            assert error["status"] == response.status_code and error["detail"], name


def test_overlong_lines_and_headers_on_a_real_server(sample_memory):
    """What the WSGI server itself refuses (request line, headers) is a 4xx too, and it keeps serving."""
    server = LiveServer(make_app(sample_memory))
    try:
        address = urlsplit(server.url)
        host, port = address.hostname, address.port
        for raw in (b"GET /sparql?query=" + b"A" * 200_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
                    b"GET /sparql HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n",
                    b"\xff\xfe\x00garbage\r\n\r\n"):
            with socket.create_connection((host, port), timeout=10) as conn:
                conn.sendall(raw)
                answer = conn.recv(200)
            status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else None
            assert status is None or 400 <= status < 500, answer  # refused, or connection closed
        status, _headers, _body = _get(server.url + "/sparql?query=ASK%7B%7D")
        assert status == 200
    finally:
        server.stop()


def test_clustergraph_query_refuses_a_deeply_nested_query_instead_of_crashing(tmp_path):
    """Without the check, pyoxigraph overflows its stack and the process dies with SIGSEGV."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("CLUSTERGRAPH_")}
    result = subprocess.run([sys.executable, "-m", "clustergraph", "--store-path", str(tmp_path / "store"),
                             "query", nested_groups(5000)], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2, (result.returncode, result.stderr[-500:])
    assert "nests more than" in result.stderr
