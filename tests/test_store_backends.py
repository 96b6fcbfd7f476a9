"""What only one back-end does: persistence and locking on disk, talking to a remote endpoint,
choosing back-ends by name."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import pytest
from rdflib import BNode, Literal, Namespace, URIRef

from clustergraph.config import load_settings
from clustergraph.errors import ConfigError, QueryError, QueryTimeout, StoreError
from clustergraph.store import available_backends, open_store
from clustergraph.store.memory import MemoryStore
from clustergraph.store.oxigraph import VERSION_FILE, OxigraphStore
from clustergraph.store.sparql import SparqlStore

EX = Namespace("http://example.org/")
GRAPH = EX["graph/one"]
TRIPLE = (EX.biosaxony, EX.city, Literal("Dresden"))


# --- choosing a back-end --------------------------------------------------------------------


def test_open_store_picks_the_back_end_by_name(tmp_path):
    assert available_backends() == ("oxigraph", "memory", "sparql")
    with open_store(load_settings(environ={}, overrides={"store": "memory"})) as store:
        assert isinstance(store, MemoryStore)
    with open_store(load_settings(environ={}, overrides={"store_path": str(tmp_path / "s")})) as store:
        assert isinstance(store, OxigraphStore) and store.path == tmp_path / "s"


def test_unknown_back_end_is_a_config_error():
    with pytest.raises(ConfigError, match="oxigraph, memory, sparql"):
        open_store(load_settings(environ={}, overrides={"store": "fuseki"}))


def test_sparql_back_end_needs_a_query_url():
    with pytest.raises(ConfigError, match="sparql_query_url"):
        open_store(load_settings(environ={}, overrides={"store": "sparql"}))


# --- oxigraph ---------------------------------------------------------------------------


def test_oxigraph_keeps_data_across_close_and_reopen(tmp_path):
    path = tmp_path / "store"
    with OxigraphStore(path) as store:
        store.replace_graph(GRAPH, [TRIPLE])
    with OxigraphStore(path) as store:
        assert list(store.quads()) == [(*TRIPLE, GRAPH)]


def test_oxigraph_is_usable_through_rdflib(tmp_path):
    with OxigraphStore(tmp_path / "store") as store:
        store.replace_graph(GRAPH, [TRIPLE])
        assert TRIPLE in store.dataset  # the union default graph, through oxrdflib
        store.dataset.graph(EX["graph/two"]).add((EX.silicon, EX.city, Literal("Dresden")))
        assert store.graphs() == [GRAPH, EX["graph/two"]]


def test_a_closed_oxigraph_store_says_so(tmp_path):
    store = OxigraphStore(tmp_path / "store")
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.count()


def test_oxigraph_in_use_by_another_process_is_a_store_error(tmp_path):
    path = tmp_path / "store"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); print('open', flush=True); sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout.readline().strip() == b"open"
        with pytest.raises(StoreError) as caught:
            OxigraphStore(path)
        assert str(path) in str(caught.value) and "another process" in str(caught.value)
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
        holder.stdout.close()


def test_oxigraph_open_twice_in_one_process_is_a_store_error(tmp_path):
    with OxigraphStore(tmp_path / "store"):
        with pytest.raises(StoreError, match="in use"):
            OxigraphStore(tmp_path / "store")


def test_oxigraph_path_that_is_not_a_store_is_a_store_error(tmp_path):
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError, match="file.txt"):
        OxigraphStore(not_a_folder)


def test_oxigraph_corrupt_store_is_a_store_error(tmp_path):
    path = tmp_path / "store"
    with OxigraphStore(path) as store:
        store.replace_graph(GRAPH, [TRIPLE])
    (path / "CURRENT").write_bytes(b"garbage\n")  # RocksDB's pointer to its manifest
    with pytest.raises(StoreError, match="move it away"):
        OxigraphStore(path)


# --- sparql -------------------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_sparql_endpoint_that_is_down_is_a_store_error_naming_the_url():
    url = f"http://127.0.0.1:{_closed_port()}/query"
    store = SparqlStore(url, timeout=2)
    with pytest.raises(StoreError, match=url.replace(".", r"\.")):
        store.query("ASK {}")
    with pytest.raises(StoreError, match="Is it running"):
        store.replace_graph(GRAPH, [TRIPLE])


def test_sparql_endpoint_that_does_not_answer_times_out():
    with socket.socket() as listener:  # accepts connections (backlog) but never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/query"
        with pytest.raises(QueryTimeout, match="sparql_timeout"):
            SparqlStore(url, timeout=0.3).query("ASK {}")


@pytest.mark.server
def test_sparql_wrong_path_is_a_store_error(oxigraph_server):
    url = oxigraph_server + "/no-such-endpoint"
    with pytest.raises(StoreError, match="HTTP 404"):
        SparqlStore(url).query("ASK {}")


@pytest.mark.server
def test_sparql_cannot_bind_blank_nodes(oxigraph_server):
    store = SparqlStore(oxigraph_server + "/query", oxigraph_server + "/update")
    with pytest.raises(QueryError, match="blank node"):
        store.query("SELECT ?s WHERE { ?s ?p ?o }", bindings={"s": BNode()})


def test_sparql_url_must_be_http():
    with pytest.raises(ConfigError, match="http"):
        SparqlStore("file:///etc/passwd")


@pytest.mark.server
def test_sparql_add_quads_in_chunks(oxigraph_server):
    store = SparqlStore(oxigraph_server + "/query", oxigraph_server + "/update")
    store.update("DROP ALL")
    store.chunk_size = 2
    quads = [(EX[f"s{i}"], EX.p, Literal(i), GRAPH if i % 2 else None) for i in range(5)]
    store.add_quads(quads)
    assert store.count() == 5 and store.count(GRAPH) == 2
    assert set(store.quads()) == {(s, p, o, g) for s, p, o, g in quads}
    store.update("DROP ALL")


def test_memory_replace_keeps_other_graphs_of_the_same_subject():
    store = MemoryStore()
    other = URIRef(EX["graph/two"])
    store.add_quads([(*TRIPLE, GRAPH), (*TRIPLE, other)])
    store.replace_graph(GRAPH, [])
    assert list(store.quads()) == [(*TRIPLE, other)]


# --- data version ---------------------------------------------------------------------------


def read_only(path):
    """``OxigraphStore.read_only``, tried again when a compaction replaced a file meanwhile
    (as the query workers do)."""
    for attempt in range(10):
        try:
            return OxigraphStore.read_only(path)
        except StoreError:
            if attempt == 9:
                raise
            time.sleep(0.05)


def test_oxigraph_data_version_lives_in_the_store_folder(tmp_path):
    """Another store object on the same folder (the next process, a read-only query worker)
    reads the version the last writer left; opening and reading leave it as it was."""
    path = tmp_path / "store"
    with OxigraphStore(path) as store:
        first = store.data_version()
    assert (path / VERSION_FILE).is_file()
    with OxigraphStore(path) as store:
        assert store.data_version() == first  # reopening is not a write
        store.replace_graph(GRAPH, [TRIPLE])
        written = store.data_version()
        reader = read_only(path)
        assert reader.data_version().split(".")[0] == written.split(".")[0] != first.split(".")[0]
        store.drop_graph(GRAPH)
        assert reader.data_version() != written  # the reader sees the writer's next write at once
    with OxigraphStore(path) as store:
        assert store.data_version().split(".")[0] == reader.data_version().split(".")[0]


def test_oxigraph_store_without_version_marker_gets_one(tmp_path):
    path = tmp_path / "store"
    with OxigraphStore(path) as store:
        store.replace_graph(GRAPH, [TRIPLE])
    (path / VERSION_FILE).unlink()  # a store written before data versions existed
    with OxigraphStore(path) as store:
        assert (path / VERSION_FILE).is_file() and list(store.quads()) == [(*TRIPLE, GRAPH)]


def test_oxigraph_load_of_the_same_data_again_keeps_graphs_and_changes_the_version(tmp_path):
    data = f"<{EX.a}> <{EX.p}> \"1\" <{GRAPH}> .\n<{EX.b}> <{EX.p}> _:x <{EX['graph/two']}> .\n"
    with OxigraphStore(tmp_path / "store") as store:
        assert store.load(data, "nquads", graph=EX["graph/file"]) == {GRAPH: 1, EX["graph/two"]: 1}
        before = store.data_version()
        store.load(data, "nquads", graph=EX["graph/file"])
        assert store.count() == 2 and store.data_version() != before


@pytest.mark.server
def test_sparql_data_version_follows_other_writers_within_its_ttl(oxigraph_server):
    reader = SparqlStore(oxigraph_server + "/query", oxigraph_server + "/update")
    other = SparqlStore(oxigraph_server + "/query", oxigraph_server + "/update")
    other.update("DROP ALL")
    reader.version_ttl = 3600.0
    first = reader.data_version()
    assert SparqlStore(oxigraph_server + "/query").data_version() == first  # processes agree
    other.replace_graph(GRAPH, [TRIPLE])
    assert reader.data_version() == first  # read again only after version_ttl
    changed = reader.data_version(max_age=0)
    assert changed != first
    assert SparqlStore(oxigraph_server + "/query").data_version() == changed
    other.update("DROP ALL")


class _CountingFlushes:
    """A pyoxigraph store that counts its flushes (pyoxigraph's own objects cannot be patched)."""

    def __init__(self, inner):
        self._inner, self.flushes = inner, 0

    def flush(self):
        self.flushes += 1
        self._inner.flush()

    def __getattr__(self, name):
        return getattr(self._inner, name)


def test_oxigraph_flushes_write_buffers_as_writes_add_up(tmp_path, monkeypatch):
    import clustergraph.store.oxigraph as oxigraph_backend

    monkeypatch.setattr(oxigraph_backend, "FLUSH_AFTER_QUADS", 10)
    store = OxigraphStore(tmp_path / "store")
    counting = store._inner = _CountingFlushes(store._inner)
    try:
        store.replace_graph(GRAPH, [(EX[f"s{i}"], EX.p, Literal(i)) for i in range(6)])
        assert counting.flushes == 0  # 6 quads: not yet
        store.replace_graph(GRAPH, [(EX[f"s{i}"], EX.p, Literal(i)) for i in range(6)])
        assert counting.flushes == 1  # 12 quads since the start
        store.load("".join(f"<{EX[f'x{i}']}> <{EX.p}> {i} .\n" for i in range(25)), "turtle", graph=EX["graph/two"])
        assert counting.flushes == 2
    finally:
        store._inner = counting._inner
    assert store.count() == 31
    store.close()
