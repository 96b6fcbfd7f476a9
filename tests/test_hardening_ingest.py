"""Hardening of ingest, through the real CLI in a subprocess (real exit codes, real crashes).

- ``kill -9`` of ``clustergraph ingest`` / ``load`` while a large announcement is written leaves the
  embedded store with the old or the new version of that announcement's graph, never a part, and
  the store opens cleanly afterwards;
- bad inputs (empty, binary, undecodable, truncated, 50 MB, malformed Turtle and JSON, facts that
  break the SHACL shapes, a PDF without text) exit 1 with a message naming the file and the
  problem, store nothing and leave earlier data as it was; a batch reports every failed file and
  stores the good ones.

Guarantees listed in docs/SECURITY.md.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfWriter
from rdflib import URIRef

from clustergraph.errors import EXIT_FINDINGS
from clustergraph.factsfile import load_facts
from clustergraph.ingest import store_document
from clustergraph.rdfmap import announcement_graph_iri, document_graph
from clustergraph.store.oxigraph import OxigraphStore

BIG_FACTS = int(os.environ.get("CLUSTERGRAPH_HARDENING_FACTS", "1500"))  # ~18 triples per fact
KILLS = 5  # one at a random moment, four at random points of the writes


# --- helpers ------------------------------------------------------------------------------------

def cli_args(store_path: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "clustergraph", "--store-path", str(store_path), *args]


def clean_env() -> dict[str, str]:
    """The environment without CLUSTERGRAPH_* settings, so the test decides every setting."""
    return {k: v for k, v in os.environ.items() if not k.startswith("CLUSTERGRAPH_")}


def run_cli(store_path: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(cli_args(store_path, *args), capture_output=True, text=True, env=clean_env(),
                          timeout=timeout)


def facts_document(announcement_id: str, clusters: int, *, title: str = "Announcement") -> dict:
    """A valid facts document: ``clusters`` clusters join go-cluster, each with its sentence."""
    entities = [{"name": "go-cluster", "type": "Programme", "aliases": []}]
    facts = []
    for i in range(clusters):
        name = f"Testcluster {announcement_id} {i:05d}"
        entities.append({"name": name, "type": "Cluster", "aliases": []})
        facts.append({"subject": name, "relation": "member of programme", "object": "go-cluster",
                      "date": "2014-06", "evidence": f"{name} wurde im Juni 2014 in go-cluster aufgenommen."})
    return {"announcement": {"id": announcement_id, "title": title, "language": "de", "issued": "2014-07-18"},
            "entities": entities, "facts": facts, "figures": []}


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def expected_triples(path: Path) -> int:
    """How many triples the announcement's graph holds once the file is stored (ingest names the
    file as the announcement's source)."""
    doc = load_facts(path)
    doc.announcement.source = doc.announcement.source or path.name
    return len(document_graph(doc)[1])


def snapshot(store: OxigraphStore) -> set:
    """Every quad (the test data has no blank nodes, so quads compare as they are)."""
    return set(store.quads())


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (Helvetica), written by hand."""
    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = "\n".join(["BT", "/F1 11 Tf", "50 780 Td", "14 TL"] + [f"({escape(x)}) '" for x in lines]
                       + ["ET"]).encode("cp1252")  # WinAnsiEncoding
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def blank_pdf() -> bytes:
    import io

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


ANNOUNCEMENT = ("Dresden, 18. Juli 2014 – Der Cluster Alpha Netzwerk e.V. wurde in das Programm go-cluster "
                "aufgenommen. Die Geschäftsführerin des Clusters, Dr. Erika Muster, freut sich über die Förderung.")


# --- kill -9 in the middle of a write ----------------------------------------------------------

def written_bytes(pid: int) -> int | None:
    """Bytes the process has written so far (``wchar`` of /proc/PID/io; ``None`` off Linux)."""
    try:
        with open(f"/proc/{pid}/io", encoding="ascii") as io:
            for line in io:
                if line.startswith("wchar:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def run_until(args: list[str], *, seconds: float | None = None, written: int | None = None) -> str:
    """Run ``args``; ``kill -9`` it after ``seconds``, or once it has written ``written`` bytes
    (polled every millisecond). ``"killed"``, or ``"finished"`` when it ended first."""
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=clean_env())
    started = time.monotonic()
    try:
        while process.poll() is None:
            if seconds is not None and time.monotonic() - started >= seconds:
                break
            if written is not None and (written_bytes(process.pid) or 0) >= written:
                break
            time.sleep(0.001)
        if process.poll() is not None:
            return "finished" if process.returncode == 0 else f"failed ({process.returncode})"
        os.kill(process.pid, signal.SIGKILL)
        return "killed"
    finally:
        process.wait(timeout=120)


def probe_run(args: list[str]) -> tuple[float, int]:
    """Seconds and bytes written by one uninterrupted run."""
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=clean_env())
    started, most = time.monotonic(), 0
    while process.poll() is None:
        most = max(most, written_bytes(process.pid) or 0)
        time.sleep(0.005)
    assert process.wait() == 0
    return time.monotonic() - started, most


@pytest.mark.slow
def test_kill_9_during_ingest_leaves_the_old_or_the_new_graph_and_the_store_opens(tmp_path):
    """Alternately store two versions (different sizes) of one large announcement and ``kill -9``
    the process: once at a random moment of the run, then at random points of what it writes to
    disk (the commit's write-ahead log, then the flush at close: measured as bytes written, so
    the kills land inside the write whatever the machine's speed). Every time, the graph holds
    exactly the version before or the one being written, earlier data is untouched, and the store
    reopens; afterwards a full ingest succeeds."""
    store_path = tmp_path / "store"
    earlier = write_json(tmp_path / "earlier.json", facts_document("earlier", 3, title="Earlier"))
    with OxigraphStore(store_path) as store:
        assert store_document(store, load_facts(earlier)).ok
        earlier_quads = snapshot(store)
    versions = [
        write_json(tmp_path / "big-a.json", facts_document("big", BIG_FACTS, title="Version A")),
        write_json(tmp_path / "big-b.json", facts_document("big", BIG_FACTS - 150, title="Version B")),
    ]
    full = [expected_triples(path) for path in versions]
    assert full[0] != full[1]
    graph = announcement_graph_iri(load_facts(versions[0]))

    # one uninterrupted run in another store: its time, what it writes, and that it stores `full`
    duration, total_written = probe_run(cli_args(tmp_path / "probe", "load", "--no-validate", str(versions[0])))
    with OxigraphStore(tmp_path / "probe") as store:
        assert store.count(graph) == full[0]

    rng = random.Random()
    seen: list[tuple] = []
    before = 0
    for attempt in range(KILLS):
        version = attempt % 2
        command = ("ingest", "load")[attempt % 2]
        args = cli_args(store_path, command, "--no-validate", str(versions[version]))
        if attempt == 0 or not total_written:
            trigger = {"seconds": duration * rng.uniform(0.2, 0.9)}
        else:  # stratified over the bytes a run writes (scaled to this version's size)
            low = (attempt - 1) / (KILLS - 1)
            fraction = rng.uniform(low, low + 1 / (KILLS - 1)) * 0.95 + 0.02
            trigger = {"written": int(total_written * full[version] / full[0] * fraction)}
        how = run_until(args, **trigger)
        with OxigraphStore(store_path) as store:  # opens cleanly: no StoreError
            count = store.count(graph)
            seen.append((command, trigger, how, count))
            assert how in ("killed", "finished"), seen
            assert count in (before, full[version]), f"a partial graph after kill -9: {seen}"
            if how == "finished":
                assert count == full[version], seen
            assert snapshot(store) >= earlier_quads, f"earlier data changed: {seen}"
            assert store.count() == len(earlier_quads) + count, seen
            assert store.query("ASK { ?s ?p ?o }").boolean
        before = count
    print(f"kill -9 runs (run: {duration:.1f} s, {total_written} bytes written):", seen)
    if total_written:  # the test did kill a process in the middle of writing
        assert any(how == "killed" and "written" in trigger for _c, trigger, how, _n in seen), seen

    final = run_cli(store_path, "ingest", "--no-validate", str(versions[0]))
    assert final.returncode == 0, final.stderr
    with OxigraphStore(store_path) as store:
        assert store.count(graph) == full[0]
        assert store.count() == len(earlier_quads) + full[0]
        titles = store.query(f"SELECT ?t WHERE {{ GRAPH <{graph}> {{ ?a <http://purl.org/dc/terms/title> ?t }} }}")
        assert [str(row[0]) for row in titles.rows] == ["Version A"]


# --- bad inputs ---------------------------------------------------------------------------------

def _truncated_utf8() -> bytes:
    data = ANNOUNCEMENT.encode("utf-8")
    cut = data.index("ü".encode("utf-8")) + 1  # inside the two bytes of "ü"
    return data[:cut]


def _shacl_breaking() -> dict:
    """Loads as a facts file, but a person joins a region: the shapes reject it."""
    return {
        "announcement": {"id": "shacl-breaking", "title": "Wrong", "language": "en", "issued": "2021-03-04"},
        "entities": [{"name": "Jane Roe", "type": "Person", "aliases": []},
                     {"name": "Sachsen", "type": "Region", "aliases": []}],
        "facts": [{"subject": "Jane Roe", "relation": "member of programme", "object": "Sachsen",
                   "evidence": "Jane Roe joined Sachsen."}],
    }


def _bad_iri() -> dict:
    """Loads as a facts file, but rdflib accepts the entity's IRI and Oxigraph does not."""
    data = facts_document("bad-iri", 1)
    data["entities"][1]["iri"] = "not an iri <with> spaces"
    return data


FIFTY_MB = 50 * 1024 * 1024

# name, command, content (bytes, or a callable writing the file), what the message must say
BAD_INPUTS = [
    ("empty.txt", "ingest", b"", "empty"),
    ("image.txt", "ingest", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 64, "binary"),
    ("garbage.txt", "ingest", bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 40, "neither UTF-8"),
    ("truncated.txt", "ingest", _truncated_utf8(), "truncated"),
    ("truncated.pdf", "ingest", text_pdf([ANNOUNCEMENT[:80], ANNOUNCEMENT[80:]])[:700], "PDF cannot be read"),
    ("scan.pdf", "ingest", blank_pdf(), "no text layer"),
    ("huge.txt", "ingest", "huge", "more than the limit"),
    ("huge.json", "load", "huge", "malformed JSON"),
    ("malformed.ttl", "load", b"@prefix ex: <http://example.org/> .\nex:a ex:b .\n", "cannot parse as turtle"),
    ("empty.ttl", "load", b"", "no triples"),
    ("malformed.json", "ingest", b'{"announcement": {"title": "x"}, "entities": [', "malformed JSON"),
    ("truncated.json", "load", json.dumps(facts_document("cut", 3)).encode()[:-40], "malformed JSON"),
    ("binary.json", "load", b"\xff\xfe\x00{\x00" * 50, "cannot read the facts file"),
    ("wrong-shape.json", "ingest", json.dumps({"announcement": {"id": "x"}, "entities": {}, "facts": []}).encode(),
     "entities: expected a list"),
    ("shacl.json", "load", json.dumps(_shacl_breaking()).encode(), "SHACL violation"),
    ("bad-iri.json", "ingest", json.dumps(_bad_iri()).encode(), "not a valid RDF term"),
    ("bad-iri.nt", "load", b"<http://example.org/a> <http://example.org/p> <http://example.org/c|d> .\n",
     "not a valid RDF term"),
]


def _write_bad(path: Path, content) -> None:
    if content == "huge":
        with open(path, "wb") as out:  # 50 MB, written in blocks
            block = (b"Dresden, 18. Juli 2014 - Der Cluster wurde aufgenommen. " * 1024)[:1 << 16]
            for _ in range(FIFTY_MB // len(block)):
                out.write(block)
    else:
        path.write_bytes(content)


@pytest.fixture
def filled_store(tmp_path) -> tuple[Path, set]:
    """An on-disk store holding one announcement, and its quads."""
    store_path = tmp_path / "store"
    earlier = write_json(tmp_path / "earlier.json", facts_document("earlier", 2, title="Earlier"))
    with OxigraphStore(store_path) as store:
        assert store_document(store, load_facts(earlier)).ok
        return store_path, snapshot(store)


def _quads_of(store_path: Path) -> set:
    with OxigraphStore(store_path) as store:
        return snapshot(store)


@pytest.mark.parametrize("name, command, content, message", BAD_INPUTS, ids=[case[0] for case in BAD_INPUTS])
def test_a_bad_input_exits_1_names_file_and_problem_and_stores_nothing(filled_store, tmp_path, name, command,
                                                                       content, message):
    store_path, before = filled_store
    path = tmp_path / name
    _write_bad(path, content)
    result = run_cli(store_path, command, str(path))
    assert result.returncode == EXIT_FINDINGS, (result.returncode, result.stdout, result.stderr)
    failed = [line for line in result.stderr.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 1 and name in failed[0] and message in failed[0], result.stderr
    assert "Traceback" not in result.stderr
    assert _quads_of(store_path) == before


def test_a_batch_reports_each_failed_file_and_stores_the_good_ones(filled_store, tmp_path):
    store_path, before = filled_store
    folder = tmp_path / "batch"
    folder.mkdir()
    cases = [case for case in BAD_INPUTS if case[1] == "ingest" and case[2] != "huge"]
    for name, _command, content, _message in cases:
        _write_bad(folder / name, content)
    write_json(folder / "good-facts.json", facts_document("good-facts", 2, title="Good facts"))
    (folder / "good-announcement.txt").write_text(ANNOUNCEMENT, encoding="utf-8")
    result = run_cli(store_path, "ingest", "--json", str(folder))
    assert result.returncode == EXIT_FINDINGS, result.stderr
    report = json.loads(result.stdout)
    by_file = {Path(outcome["path"]).name: outcome for outcome in report["outcomes"]}
    for name, _command, _content, message in cases:
        assert not by_file[name]["ok"] and message in by_file[name]["error"], by_file[name]
    assert by_file["good-facts.json"]["ok"] and by_file["good-announcement.txt"]["ok"], report
    assert (report["stored"], report["failed"]) == (2, len(cases))
    with OxigraphStore(store_path) as store:
        assert snapshot(store) >= before
        stored = {str(g).rsplit("/", 1)[-1] for g in store.graphs()}
        assert stored == {"earlier", "good-facts", "good-announcement"}
        members = store.query(
            "PREFIX cg: <https://w3id.org/clustergraph/ontology#> "
            "SELECT DISTINCT ?c WHERE { ?c cg:memberOf ?p }").rows
        assert len(members) == 2 + 2 + 1  # earlier, good-facts, the announcement's Alpha Netzwerk


def test_a_missing_file_exits_1_and_names_it(filled_store, tmp_path):
    store_path, before = filled_store
    result = run_cli(store_path, "ingest", str(tmp_path / "no-such-file.txt"))
    assert result.returncode == EXIT_FINDINGS
    assert "no-such-file.txt" in result.stderr and "no such file" in result.stderr
    assert _quads_of(store_path) == before


def test_load_of_an_rdf_file_without_triples_keeps_the_graph_it_would_replace(tmp_path):
    """Loading ``x.ttl`` replaces the graph ``graph/file/x``; an emptied ``x.ttl`` must not wipe it."""
    store_path = tmp_path / "store"
    data = tmp_path / "extra.ttl"
    data.write_text("<http://example.org/a> <http://example.org/p> 'x' .\n", encoding="utf-8")
    assert run_cli(store_path, "load", str(data)).returncode == 0
    before = _quads_of(store_path)
    data.write_text("@prefix ex: <http://example.org/> .\n", encoding="utf-8")
    result = run_cli(store_path, "load", str(data))
    assert result.returncode == EXIT_FINDINGS and "extra.ttl" in result.stderr
    assert _quads_of(store_path) == before and len(before) == 1
    assert URIRef("https://w3id.org/clustergraph/graph/file/extra") in {q[3] for q in before}
