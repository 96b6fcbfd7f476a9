"""The query time limit really stops the work, on every back-end, while other queries answer."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from clustergraph.errors import QueryError, QueryTimeout
from clustergraph.sparql_limits import QueryRunner, strategy_for
from clustergraph.store.base import QueryResult, Store
from clustergraph.store.memory import MemoryStore
from clustergraph.store.oxigraph import OxigraphStore

from conftest import fill_sample_store

# Three unbounded patterns joined: (number of quads)^3 solutions to count; minutes of work.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SMALL = """PREFIX cg: <https://w3id.org/clustergraph/ontology#>
SELECT ?cluster WHERE { ?m a cg:Membership ; cg:programme <https://w3id.org/clustergraph/id/programme/go-cluster> ;
                           cg:cluster ?cluster }"""
GO_MEMBERS = {
    URIRef("https://w3id.org/clustergraph/id/cluster/" + slug)
    for slug in ("biosaxony", "medical-valley-emn", "silicon-saxony")
}


def children() -> set[int]:
    """Process ids of the live children of this process (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            state, parent = stat.rsplit(")", 1)[1].split()[:2]
            if int(parent) == os.getpid() and state != "Z":  # a zombie does no work any more
                found.add(int(entry.name))
    return found


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory):
    store = fill_sample_store(OxigraphStore(tmp_path_factory.mktemp("limits") / "store"))
    yield store
    store.close()


@pytest.fixture(scope="module")
def memory_oxigraph():
    store = fill_sample_store(OxigraphStore(None))
    yield store
    store.close()


@pytest.fixture(scope="module")
def rdflib_store():
    store = fill_sample_store(MemoryStore())
    yield store
    store.close()


def test_strategies_by_back_end(disk_store, memory_oxigraph, rdflib_store):
    assert strategy_for(disk_store) == "pool"
    assert strategy_for(memory_oxigraph) == "fork"
    assert strategy_for(rdflib_store) == "fork"
    assert strategy_for(SlowStore(0)) == "abandon"


def stopped_while_other_answers(runner: QueryRunner) -> list:
    """Run RUNAWAY in one thread; while it runs, SMALL from this thread must answer."""
    outcome: list = []
    started = threading.Event()

    def runaway():
        started.set()
        try:
            runner.query(RUNAWAY)
        except QueryTimeout as exc:
            outcome.append(exc)

    thread = threading.Thread(target=runaway)
    thread.start()
    started.wait()
    small = runner.query(SMALL)
    still_running = thread.is_alive()
    thread.join(timeout=30)
    assert not thread.is_alive(), "the runaway query was not stopped"
    assert {row[0] for row in small.rows} == GO_MEMBERS
    assert still_running, "the small query waited for the runaway one"
    assert len(outcome) == 1 and "stopped" in str(outcome[0])
    return outcome


LINUX_PROC = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc to see processes")


@LINUX_PROC
def test_pool_worker_running_the_query_is_killed_and_replaced(disk_store):
    runner = QueryRunner(disk_store, 1.0, max_workers=2)
    try:
        before = children()
        runner.warm_up()
        workers = children() - before
        assert len(workers) == 2
        stopped_while_other_answers(runner)  # the runaway takes one worker, the small query the other
        deadline = time.monotonic() + 10
        while not workers - children() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(workers - children()) == 1, "the worker running the runaway query outlived its deadline"
        assert {row[0] for row in runner.query(SMALL).rows} == GO_MEMBERS  # the pool is whole again
        assert len(children() - before) == 2
    finally:
        runner.close()


@LINUX_PROC
def test_forked_worker_is_killed_at_the_deadline(memory_oxigraph):
    before = children()
    stopped_while_other_answers(QueryRunner(memory_oxigraph, 1.0))
    assert not children() - before, "a query worker process outlived its deadline"


@LINUX_PROC
def test_rdflib_worker_process_is_killed_at_the_deadline(rdflib_store):
    before = children()
    stopped_while_other_answers(QueryRunner(rdflib_store, 1.0))
    assert not children() - before


def test_without_fork_an_rdflib_query_thread_is_interrupted_at_the_deadline(rdflib_store):
    runner = QueryRunner(rdflib_store, 1.0, strategy="interrupt")  # what a platform without os.fork gets
    with pytest.raises(QueryTimeout):
        runner.query(RUNAWAY)
    lingering = [t for t in threading.enumerate() if t.name == "sparql-query"]
    for thread in lingering:
        thread.join(timeout=5)
    assert not any(t.is_alive() for t in lingering), "the interrupted query thread kept running"
    assert {row[0] for row in runner.query(SMALL).rows} == GO_MEMBERS  # the store's lock was released


class SlowStore(Store):
    """A stand-in for a remote endpoint that takes ``seconds`` to answer."""

    name = "sparql"

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.done = threading.Event()

    def query(self, sparql, **kwargs):
        self.done.wait(self.seconds)
        return QueryResult("ASK", boolean=True)

    def update(self, sparql): ...
    def replace_graph(self, graph, triples): ...
    def add_quads(self, quads): ...
    def drop_graph(self, graph): ...
    def graphs(self): return []
    def quads(self, graph=None): return iter(())
    def count(self, graph=None): return 0
    def dump(self, out, format, graph=None): ...


def test_remote_queries_are_abandoned_at_the_deadline():
    slow = SlowStore(60)
    with pytest.raises(QueryTimeout):
        QueryRunner(slow, 0.3).query("ASK {}")
    slow.done.set()
    assert QueryRunner(SlowStore(0), 5).query("ASK {}").boolean is True


@pytest.mark.parametrize("which", ["disk_store", "memory_oxigraph", "rdflib_store"])
def test_answers_and_errors_come_back_unchanged(which, request):
    store = request.getfixturevalue(which)
    runner = QueryRunner(store, 20)
    request.addfinalizer(runner.close)
    construct = "PREFIX cg: <https://w3id.org/clustergraph/ontology#> CONSTRUCT { ?c cg:memberOf ?p } WHERE { ?c cg:memberOf ?p }"
    for text in (SMALL, "ASK { ?s ?p ?o }", construct):
        direct, limited = store.query(text), runner.query(text)
        assert (limited.kind, sorted(limited.rows), limited.boolean) == (direct.kind, sorted(direct.rows), direct.boolean)
        if direct.graph is not None:
            assert set(limited.graph) == set(direct.graph)
    assert bytes(runner.query_serialized(SMALL, "csv")) == bytes(store.query_serialized(SMALL, "csv"))
    cut = runner.query("SELECT ?s WHERE { ?s ?p ?o }", max_rows=2)
    assert len(cut.rows) == 2 and cut.truncated
    with pytest.raises(QueryError) as error:
        runner.query("SELECT * WHERE {\n  ?s ?p\n}")
    assert error.value.position is not None and error.value.position[0] >= 2


def test_a_query_worker_sees_an_update_at_once(tmp_path):
    store = OxigraphStore(tmp_path / "store")
    runner = QueryRunner(store, 20)
    try:
        assert runner.query("ASK { <urn:a> ?p ?o }").boolean is False
        runner.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> 'c' } }")
        assert runner.query("SELECT ?o WHERE { <urn:a> ?p ?o }").rows == [(Literal("c"),)]
        store.add_quads([(URIRef("urn:x"), URIRef("urn:y"), Literal(1), URIRef("urn:g"))])
        assert runner.query("ASK { <urn:x> ?p 1 }").boolean is True  # written past the runner: noticed too
        store.drop_graph(URIRef("urn:g"))
        assert runner.query("ASK { ?s ?p ?o }").boolean is False
    finally:
        runner.close()
        store.close()


def test_without_a_timeout_the_store_is_called_directly(rdflib_store):
    runner = QueryRunner(rdflib_store, None)
    assert runner.timeout is None
    assert runner.query("ASK { ?s ?p ?o }").boolean is True
    graph = runner.query("CONSTRUCT WHERE { <urn:none> ?p ?o }").graph
    assert isinstance(graph, Graph) and len(graph) == 0
