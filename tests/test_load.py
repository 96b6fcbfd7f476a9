"""Load: 32 concurrent clients against a real server (waitress on loopback, the default on-disk
Oxigraph store) mixing SPARQL queries, pages and exports while an ingest keeps writing.

Held here:

- every answer is 200, except deliberate 503s (a runaway query stopped at the time limit, or no
  query slot free within it), which carry the JSON error and ``Retry-After``;
- answers the ingest does not touch equal the ones a quiet server gave before the load;
- what the ingest writes becomes visible whole and in order: a client counting the ingested
  announcements sees at least as many as were stored before it asked, at most one more than were
  stored when it got the answer, and exactly as many facts as those announcements hold;
- memory stays bounded: the resident memory of the server (this process and its query workers)
  grows by less than a generous bound.

Duration: ``CLUSTERGRAPH_LOAD_SECONDS`` (default 60, at least 10); ``CLUSTERGRAPH_LOAD_DEBUG=1`` prints
the memory samples as they are taken.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

import pytest
from rdflib import Graph

from clustergraph.config import load_settings
from clustergraph.ingest import store_document
from clustergraph.model import Announcement, Entity, Fact, FactsDocument
from clustergraph.store.oxigraph import OxigraphStore
from clustergraph.vocab import PREFIXES

from conftest import fill_sample_store

pytest.importorskip("clustergraph.server.sparql")
waitress = pytest.importorskip("waitress")

from clustergraph.server import create_app  # noqa: E402

LOAD_SECONDS = max(10.0, float(os.environ.get("CLUSTERGRAPH_LOAD_SECONDS", "60")))
CLIENTS = 32
QUERY_TIMEOUT = 3.0
FACTS_PER_ANNOUNCEMENT = 12
ANNOUNCEMENTS = 25  # the ingest stores these, then keeps replacing them: the data stays the same size
INGEST_INTERVAL = 0.25  # seconds between two announcements stored: the same write volume on any machine
# Generous: every replaced announcement grows Oxigraph's RocksDB write buffers (~0.35 MB for one of
# ~230 triples, in the server and in each query worker that reopens the store) until they are
# flushed (the store flushes every FLUSH_AFTER_QUADS quads written); a leak per request or per
# write beyond that shows up as growth past this bound.
RSS_GROWTH_LIMIT = 600 * 1024 * 1024

CG = PREFIXES["cg"]
GO_MEMBERS = f"""PREFIX cg: <{CG}>
SELECT DISTINCT ?cluster WHERE {{ ?m a cg:Membership ; cg:cluster ?cluster ;
  cg:programme <https://w3id.org/clustergraph/id/programme/go-cluster> }} ORDER BY ?cluster"""
BIOSAXONY = f"""PREFIX cg: <{CG}>
CONSTRUCT {{ <https://w3id.org/clustergraph/id/cluster/biosaxony> ?p ?o }}
WHERE {{ GRAPH <https://w3id.org/clustergraph/graph/announcement/biosaxony-go-cluster-2014>
         {{ <https://w3id.org/clustergraph/id/cluster/biosaxony> ?p ?o }} }}"""
INGESTED = f"""PREFIX cg: <{CG}>
SELECT (COUNT(DISTINCT ?g) AS ?announcements) (COUNT(DISTINCT ?a) AS ?facts) WHERE {{
  GRAPH ?g {{ ?a a cg:Assertion }} FILTER(STRSTARTS(STR(?g), "https://w3id.org/clustergraph/graph/announcement/load-test-")) }}"""
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def sparql(query: str, accept: str = "application/sparql-results+json") -> tuple[str, dict]:
    return "/sparql?" + urlencode({"query": query}), {"Accept": accept}


# name -> (path, headers, how the answer is compared: "json", "bytes", "graph", "status")
STABLE = {
    "go members": (*sparql(GO_MEMBERS), "json"),
    "ask": (*sparql("ASK { <https://w3id.org/clustergraph/id/cluster/biosaxony> ?p ?o }"), "json"),
    "construct": (*sparql(BIOSAXONY, "text/turtle"), "graph"),
    "csv": (*sparql(GO_MEMBERS, "text/csv"), "bytes"),
    "named query": ("/queries/programme-members.json?programme=cgid:programme/go-cluster", {}, "json"),
    "entity": ("/id/cluster/biosaxony.json", {}, "json"),
    "announcement": ("/announcements/biosaxony-go-cluster-2014.json", {}, "json"),
    "announcement page": ("/announcements/biosaxony-go-cluster-2014", {"Accept": "text/html"}, "bytes"),
    "export": ("/export.ttl?announcement=biosaxony-go-cluster-2014", {}, "graph"),
    "static": ("/static/css/app.css", {}, "bytes"),
}
CHANGING = {  # answers change while the ingest runs: only the status and type are checked
    "network page": ("/", {"Accept": "text/html"}, "status"),
    "graph": ("/graph.json", {}, "status"),
    "overview": ("/overview", {"Accept": "text/html"}, "status"),
    "announcements": ("/announcements.json", {}, "status"),
    "graphml": ("/export.graphml", {}, "status"),
    "nquads": ("/export.nq", {}, "status"),
    "search": ("/search.json?q=bios", {}, "status"),
}


def ingest_document(number: int) -> FactsDocument:
    """An announcement of FACTS_PER_ANNOUNCEMENT clusters joining a programme of their own; numbers
    past ANNOUNCEMENTS replace earlier ones (with other clusters)."""
    entities = [Entity("Lasttest-Programm", "Programme")]
    facts = []
    for i in range(FACTS_PER_ANNOUNCEMENT):
        name = f"Lasttest-Cluster {number}-{i}"
        entities.append(Entity(name, "Cluster"))
        facts.append(Fact(name, "member of programme", "Lasttest-Programm", date="2020-01",
                          evidence=f"{name} ist dem Lasttest-Programm beigetreten."))
    return FactsDocument(Announcement(id=f"load-test-{number % ANNOUNCEMENTS:05d}", title=f"Lasttest {number}",
                                      language="de",
                                      issued="2020-01-15"), entities=entities, facts=facts)


def resident_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def server_rss() -> int:
    """Resident memory of this process (the server) and its children (the query workers)."""
    me = os.getpid()
    total = resident_bytes(me)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == me:
                total += resident_bytes(int(entry.name))
    return total


class Client:
    """One keep-alive HTTP connection to the server."""

    def __init__(self, port: int):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def get(self, path: str, headers: dict) -> tuple[int, dict, bytes]:
        for attempt in range(2):
            try:
                self.conn.request("GET", path, headers=headers)
                response = self.conn.getresponse()
                return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()  # the server closed an idle keep-alive connection: reconnect once
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
                if attempt:
                    raise
        raise AssertionError("unreachable")


def comparable(kind: str, body: bytes):
    if kind == "json":
        return json.loads(body)
    if kind == "graph":
        return frozenset(Graph().parse(data=body, format="turtle"))  # no blank nodes in these answers
    return body


@pytest.mark.slow
def test_32_clients_while_an_ingest_runs(tmp_path):
    store = fill_sample_store(OxigraphStore(tmp_path / "store"))
    settings = load_settings(environ={}, overrides={"store": "oxigraph", "store_path": str(tmp_path / "store"),
                                                    "query_timeout": QUERY_TIMEOUT})
    app = create_app(settings, store=store)
    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=8, channel_timeout=120,
                                    ident="clustergraph-load-test")
    closing = threading.Event()

    def serve() -> None:
        try:
            server.run()
        except OSError:  # close() pulled the socket from under the loop's select(): expected then
            if not closing.is_set():
                raise

    serving = threading.Thread(target=serve, name="waitress", daemon=True)
    serving.start()
    port = server.effective_port
    try:
        known = {}
        quiet = Client(port)
        for name, (path, headers, kind) in STABLE.items():
            status, _headers, body = quiet.get(path, headers)
            assert status == 200, (name, status, body[:300])
            known[name] = comparable(kind, body)
        assert len(known["go members"]["results"]["bindings"]) == 3

        stop = threading.Event()
        stored = [0]  # documents stored, replacements included
        committed = [0]  # announcements stored by the ingest so far (at most ANNOUNCEMENTS distinct)
        problems: list[str] = []
        counts: Counter = Counter()
        lock = threading.Lock()

        def ingest() -> None:
            number = 0
            while not stop.wait(INGEST_INTERVAL):
                outcome = store_document(store, ingest_document(number), validate=False)
                if not outcome.ok:
                    problems.append(f"ingest failed: {outcome.error}")
                    return
                number += 1
                committed[0] = min(number, ANNOUNCEMENTS)
                stored[0] = number

        def client(index: int) -> None:
            rng = random.Random(index)
            connection = Client(port)
            requests = list(STABLE) + list(CHANGING) + ["ingested"] * 4
            while not stop.is_set():
                name = "runaway" if index == 0 and rng.random() < 0.1 else rng.choice(requests)
                low = committed[0]
                if name == "runaway":
                    path, headers = sparql(RUNAWAY)
                elif name == "ingested":
                    path, headers = sparql(INGESTED)
                else:
                    path, headers, _kind = {**STABLE, **CHANGING}[name]
                try:
                    status, answer_headers, body = connection.get(path, headers)
                except Exception as exc:  # a broken connection is an error under load
                    with lock:
                        problems.append(f"{name}: {type(exc).__name__}: {exc}")
                    connection = Client(port)
                    continue
                high = committed[0]
                problem = check_answer(name, status, answer_headers, body, low, high)
                with lock:
                    counts[(name, status)] += 1
                    if problem:
                        problems.append(problem)

        def check_answer(name, status, headers, body, low, high) -> str | None:
            if status == 503:
                detail = json.loads(body)["error"]["detail"] if body.startswith(b"{") else ""
                if not headers.get("retry-after") or not ("query_timeout" in detail or "busy" in detail):
                    return f"{name}: a 503 that is not the time limit: {body[:200]!r}"
                return None
            if name == "runaway":
                return f"runaway query answered {status}"
            if status != 200:
                return f"{name}: {status} {body[:300]!r}"
            if name == "ingested":
                binding = json.loads(body)["results"]["bindings"][0]
                seen, facts = int(binding["announcements"]["value"]), int(binding["facts"]["value"])
                if not low <= seen <= min(high + 1, ANNOUNCEMENTS) or facts != seen * FACTS_PER_ANNOUNCEMENT:
                    return f"ingested: saw {seen} announcements with {facts} facts; stored {low}..{high}"
                return None
            if name in STABLE and comparable(STABLE[name][2], body) != known[name]:
                return f"{name}: a different answer under load: {body[:300]!r}"
            return None

        rss: list[int] = []
        writer = threading.Thread(target=ingest, name="ingest")
        clients = [threading.Thread(target=client, args=(i,), name=f"client-{i}") for i in range(CLIENTS)]
        started = time.monotonic()
        writer.start()
        for thread in clients:
            thread.start()
        while time.monotonic() - started < LOAD_SECONDS:
            rss.append(server_rss())
            if os.environ.get("CLUSTERGRAPH_LOAD_DEBUG"):
                print(round(time.monotonic() - started, 1), resident_bytes(os.getpid()) >> 20, rss[-1] >> 20,
                      stored[0], sum(counts.values()), flush=True)
            time.sleep(0.5)
        stop.set()
        for thread in clients + [writer]:
            thread.join(timeout=180)
        assert not any(t.is_alive() for t in clients + [writer]), "a client or the ingest hung"

        assert not problems, f"{len(problems)} problems, first: {problems[:5]}; counts: {dict(counts)}"
        answered = Counter(name for (name, status), n in counts.items() for _ in range(n) if status == 200)
        for name in list(STABLE) + list(CHANGING) + ["ingested"]:
            assert answered[name] > 0, f"{name} was never answered: {dict(counts)}"
        assert counts[("runaway", 503)] > 0 and stored[0] > 0
        warm = sorted(rss[len(rss) // 5: max(len(rss) // 5 + 1, len(rss) // 3)])
        baseline = warm[len(warm) // 2]
        assert max(rss) - baseline < RSS_GROWTH_LIMIT, (
            f"resident memory grew from {baseline >> 20} MB to {max(rss) >> 20} MB")
        print(f"load: {sum(counts.values())} requests in {LOAD_SECONDS:g} s, {stored[0]} announcements "
              f"ingested, RSS {baseline >> 20} -> {max(rss) >> 20} MB; {dict(counts)}")
    finally:
        closing.set()
        server.close()
        server.task_dispatcher.shutdown()
        serving.join(timeout=10)
        store.close()
