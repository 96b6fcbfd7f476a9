"""Concurrent ingests and readers on one store object, and through the app: no lost or duplicated
facts, and no reader ever sees half of an announcement.

Writers store announcements of known sizes (several writers replace the same announcement with
versions of different sizes); readers count each announcement's triples and assertions while they
write. Every count a reader sees must be 0 or the size of a complete version; at the end each
announcement holds exactly one complete version and the totals add up.
"""

from __future__ import annotations

import threading
from datetime import datetime, timezone

import pytest
from rdflib import URIRef

from clustergraph.config import load_settings
from clustergraph.ingest import store_document
from clustergraph.model import Announcement, Entity, Fact, FactsDocument
from clustergraph.rdfmap import announcement_graph_iri, document_graph
from clustergraph.store.memory import MemoryStore
from clustergraph.store.oxigraph import OxigraphStore
from clustergraph.vocab import CG

ASSERTION = CG.Assertion.n3()
INGESTED = datetime(2024, 1, 1, tzinfo=timezone.utc)  # fixed, so versions differ only in their facts
OWN = 4  # announcements each writer stores alone
SHARED = "shared-announcement"  # replaced by every writer, each with its own version
WRITERS = 3
ROUNDS = 3
READERS = 3


def document(announcement_id: str, facts: int) -> FactsDocument:
    """An announcement in which ``facts`` clusters join go-cluster."""
    entities = [Entity("go-cluster", "Programme")]
    found = []
    for i in range(facts):
        name = f"Cluster {announcement_id} {i}"
        entities.append(Entity(name, "Cluster"))
        found.append(Fact(name, "member of programme", "go-cluster", date="2014-06",
                          evidence=f"{name} wurde in go-cluster aufgenommen."))
    return FactsDocument(Announcement(id=announcement_id, title=announcement_id, language="de", issued="2014-07-18"),
                         entities=entities, facts=found)


def size(doc: FactsDocument) -> int:
    return len(document_graph(doc, ingested_at=INGESTED)[1])


def plan() -> tuple[list[list[FactsDocument]], dict[URIRef, dict[int, int]]]:
    """Per writer, the documents it stores (in order); per graph, {triples: assertions} of every
    complete version."""
    work: list[list[FactsDocument]] = []
    versions: dict[URIRef, dict[int, int]] = {}
    for writer in range(WRITERS):
        docs = []
        for round_ in range(ROUNDS):
            for own in range(OWN):
                docs.append(document(f"w{writer}-a{own}", 5 + own))  # same content each round
            docs.append(document(SHARED, 3 + 4 * writer + round_))  # a different size each time
        work.append(docs)
        for doc in docs:
            versions.setdefault(announcement_graph_iri(doc), {})[size(doc)] = len(doc.facts)
    return work, versions


COUNT_QUERY = f"""SELECT ?g (COUNT(*) AS ?triples) (SUM(IF(?o = {ASSERTION}, 1, 0)) AS ?assertions)
WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"""


def check_counts(rows, versions: dict[URIRef, dict[int, int]], problems: list) -> None:
    for graph, triples, assertions in rows:
        allowed = versions.get(URIRef(graph))
        if allowed is None:
            problems.append(f"unexpected graph {graph}")
        elif int(triples) not in allowed or int(assertions) != allowed[int(triples)]:
            problems.append(f"{graph}: {triples} triples, {assertions} assertions; complete versions: {allowed}")


def run_concurrently(write, read, work) -> list:
    """Writers call ``write(doc)`` for their documents while readers call ``read(problems)``
    until the writers are done. Returns the problems the readers (and writers) saw."""
    problems: list = []
    done = threading.Event()
    reads = [0]

    def writer(docs):
        try:
            for doc in docs:
                write(doc)
        except Exception as exc:  # reported to the test thread
            problems.append(f"writer failed: {type(exc).__name__}: {exc}")

    def reader():
        while not done.is_set() or reads[0] < READERS:
            try:
                read(problems)
            except Exception as exc:
                problems.append(f"reader failed: {type(exc).__name__}: {exc}")
            reads[0] += 1

    writers = [threading.Thread(target=writer, args=(docs,)) for docs in work]
    readers = [threading.Thread(target=reader) for _ in range(READERS)]
    for thread in readers + writers:
        thread.start()
    for thread in writers:
        thread.join(timeout=300)
    done.set()
    for thread in readers:
        thread.join(timeout=300)
    assert not any(t.is_alive() for t in writers + readers), "a thread hung"
    assert reads[0] >= READERS
    return problems


def check_final(store, versions) -> None:
    graphs = set(store.graphs())
    assert graphs == set(versions)
    total = 0
    for graph in graphs:
        count = store.count(graph)
        assert count in versions[graph], (graph, count, versions[graph])
        total += count
    assert store.count() == total  # nothing outside the announcements' graphs, nothing twice
    rows = store.query(f"SELECT (COUNT(?a) AS ?n) (COUNT(DISTINCT ?a) AS ?d) WHERE {{ ?a a {ASSERTION} }}").rows
    expected = sum(versions[g][store.count(g)] for g in graphs)
    assert (int(rows[0][0]), int(rows[0][1])) == (expected, expected)


@pytest.fixture(params=["memory", "oxigraph"])
def fresh_store(request, tmp_path):
    opened = MemoryStore() if request.param == "memory" else OxigraphStore(tmp_path / "store")
    yield opened
    opened.close()


def test_concurrent_ingests_and_readers_on_one_store(fresh_store):
    work, versions = plan()

    def write(doc):
        outcome = store_document(fresh_store, doc, validate=False, ingested_at=INGESTED)
        assert outcome.ok, outcome.error

    def read(problems):
        check_counts(fresh_store.query(COUNT_QUERY).rows, versions, problems)
        for graph in fresh_store.graphs():  # the store's own reads, too
            count = fresh_store.count(graph)
            if count not in versions[graph]:
                problems.append(f"count({graph}) = {count}, complete versions: {set(versions[graph])}")

    problems = run_concurrently(write, read, work)
    assert not problems, problems[:5]
    check_final(fresh_store, versions)


def test_concurrent_ingests_while_the_app_answers(tmp_path):
    """The same through the app's SPARQL endpoint and JSON pages (each query in its time-limited
    worker), on the default back-end: embedded Oxigraph on disk."""
    pytest.importorskip("clustergraph.server.sparql")
    from clustergraph.server import create_app

    store = OxigraphStore(tmp_path / "store")
    try:
        settings = load_settings(environ={}, overrides={"store": "oxigraph", "store_path": str(tmp_path / "store"),
                                                        "query_timeout": 60.0})
        app = create_app(settings, store=store)
        work, versions = plan()
        local = threading.local()

        def client():
            if not hasattr(local, "client"):
                local.client = app.test_client()
            return local.client

        def write(doc):
            outcome = store_document(store, doc, validate=False, ingested_at=INGESTED)
            assert outcome.ok, outcome.error

        def read(problems):
            response = client().get("/sparql", query_string={"query": COUNT_QUERY},
                                    headers={"Accept": "application/sparql-results+json"})
            if response.status_code != 200:
                problems.append(f"/sparql answered {response.status_code}: {response.get_data(as_text=True)[:300]}")
                return
            rows = [(b["g"]["value"], b["triples"]["value"], b["assertions"]["value"])
                    for b in response.get_json()["results"]["bindings"]]
            seen: list = []
            check_counts(rows, versions, seen)
            problems.extend(f"/sparql (a query worker's read-only view of the store): {p}" for p in seen)
            page = client().get("/announcements.json")
            if page.status_code != 200:
                problems.append(f"/announcements.json answered {page.status_code}")

        problems = run_concurrently(write, read, work)
        assert not problems, problems[:5]
        check_final(store, versions)
    finally:
        store.close()
