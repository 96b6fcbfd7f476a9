"""No query reaches outside: SERVICE, LOAD, FROM / USING with foreign IRIs and foreign
default-graph-uri never make a connection, on the Oxigraph and the memory back-ends.

A socket listens on 127.0.0.1 and records every connection; each request names it. Both engines
*would* connect (pyoxigraph for SERVICE and LOAD, rdflib also for FROM): the first test proves the
listener would notice.
"""

from __future__ import annotations

import socket
import threading

import pytest
import requests
from rdflib import Literal, URIRef

from clustergraph.config import load_settings
from clustergraph.server import create_app
from clustergraph.store.memory import MemoryStore
from clustergraph.store.oxigraph import OxigraphStore

from conftest import LiveServer

TOKEN = "s3cret"


class Listener:
    """A TCP listener on loopback that accepts, records and closes every connection."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/"
        self.connections: list = []
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self._stop.is_set():
            try:
                conn, address = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            self.connections.append(address)
            conn.close()

    def close(self):
        self._stop.set()
        self.thread.join(timeout=5)
        self.sock.close()


@pytest.fixture
def listener():
    opened = Listener()
    yield opened
    opened.close()


@pytest.fixture(params=["oxigraph", "memory"])
def server(request, tmp_path, listener):
    """A server with updates open (so LOAD gets as far as it can), over a store that also holds a
    graph whose name is the listener's URL."""
    if request.param == "oxigraph":
        store = OxigraphStore(tmp_path / "store")
    else:
        store = MemoryStore()
    store.replace_graph(URIRef(listener.url + "graph"), [(URIRef("urn:a"), URIRef("urn:b"), Literal("local"))])
    settings = load_settings(environ={}, overrides={
        "store": request.param, "store_path": str(tmp_path / "store"), "query_timeout": 5.0,
        "allow_updates": True, "update_token": TOKEN,
    })
    live = LiveServer(create_app(settings, store=store))
    yield live.url + "/sparql", store
    live.stop()
    store.close()


def test_the_listener_would_see_an_engine_connect(listener):
    store = OxigraphStore(None)
    try:
        store.query(f"SELECT * WHERE {{ SERVICE SILENT <{listener.url}> {{ ?s ?p ?o }} }}")
    finally:
        store.close()
    assert listener.connections, "pyoxigraph did not try to connect: this test would prove nothing"


def queries(target: str) -> list[str]:
    return [
        f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{target}> {{ ?s ?p ?o }} }}",
        f"select * where {{ ?x ?y ?z . service <{target}sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{target}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{target}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"PREFIX remote: <{target}> SELECT * FROM remote:data WHERE {{ ?s ?p ?o }}",
        f"CONSTRUCT {{ ?s ?p ?o }} FROM <{target}> WHERE {{ ?s ?p ?o }}",
    ]


def updates(target: str) -> list[str]:
    return [
        f"LOAD <{target}>",
        f"LOAD SILENT <{target}> INTO GRAPH <urn:loaded>",
        f"INSERT {{ GRAPH <urn:x> {{ ?s ?p ?o }} }} USING <{target}> WHERE {{ ?s ?p ?o }}",
        f"INSERT {{ GRAPH <urn:x> {{ ?s ?p ?o }} }} WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
    ]


def test_nothing_reaches_the_listener(server, listener):
    url, store = server
    for text in queries(listener.url):
        for method in ("get", "post"):
            kwargs = {"params": {"query": text}} if method == "get" else {"data": {"query": text}}
            response = getattr(requests, method)(url, timeout=30, **kwargs)
            assert response.status_code == 400, text
            assert "not allowed" in response.text or "not a graph of this store" in response.text
    foreign = requests.get(url, params={"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": listener.url}, timeout=30)
    assert foreign.status_code == 400
    named = requests.get(url, params={"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": listener.url}, timeout=30)
    assert named.status_code == 400
    for text in updates(listener.url):
        response = requests.post(url, data={"update": text}, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
        assert response.status_code == 400, text
    assert listener.connections == []
    assert URIRef("urn:loaded") not in store.graphs()


def test_a_graph_of_the_store_named_by_a_loopback_iri_is_read_locally(server, listener):
    url, _store = server
    graph = listener.url + "graph"
    for params in ({"query": f"SELECT ?o FROM <{graph}> WHERE {{ ?s ?p ?o }}"},
                   {"query": "SELECT ?o WHERE { ?s ?p ?o }", "default-graph-uri": graph}):
        response = requests.get(url, params=params, headers={"Accept": "text/csv"}, timeout=30)
        assert response.status_code == 200
        assert response.text.splitlines() == ["o", "local"]
    assert listener.connections == []
