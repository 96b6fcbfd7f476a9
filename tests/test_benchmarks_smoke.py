"""The benchmark runner, once at the smallest size: it must produce every row of RESULTS.md.

Nothing here asserts a time: the figures vary with the machine. The test only checks that every
measurement ran and landed in the report, so a change that breaks the benchmarks shows in CI.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
BACKENDS = ("clustergraph", "pyoxigraph", "rdflib")
QUERY_NAMES = ("clusters_per_land", "programme_members", "label_holders_by_ministry", "memberships_2015",
               "label_search", "provenance")


def oxigraph_server_installed() -> bool:
    return Path(sys.executable).with_name("oxigraph").exists() or shutil.which("oxigraph") is not None


def test_smallest_benchmark_run_produces_every_row(tmp_path):
    out, raw = tmp_path / "RESULTS.md", tmp_path / "results.json"
    command = [
        sys.executable, str(BENCHMARKS / "run.py"), "--sizes", "small", "--workdir", str(tmp_path / "work"),
        "--out", str(out), "--json", str(raw), "--notes", str(tmp_path / "no-notes.md"),
        "--repeat", "1", "--http-seconds", "0.3", "--http-requests", "100", "--viewer-nodes", "200,400",
        "--extract-count", "5", "--timeout", "300",
    ]
    if not oxigraph_server_installed():
        command.append("--skip-http")
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(raw.read_text(encoding="utf-8"))
    report = out.read_text(encoding="utf-8")

    small = results["sizes"]["small"]
    assert 5_000 < small["data"]["quads"] < 20_000
    for backend in BACKENDS:
        store = small["stores"][backend]
        assert "error" not in store, store
        assert store["load_s"] > 0 and store["turtle_s"] > 0 and store["peak_rss_mib"] > 0
        assert store["turtle_bytes"] > 100_000
        for name in QUERY_NAMES:
            assert name in store["queries"]
    for name in QUERY_NAMES:  # the stores agree on every answer, and every query finds something
        counts = {small["stores"][b]["queries"][name]["rows"] for b in BACKENDS}
        assert len(counts) == 1 and counts != {0}, (name, counts)

    for measure in ("| load |", "| Turtle export |", "| peak memory |") + tuple(f"| query `{q}` |" for q in QUERY_NAMES):
        assert measure in report

    if oxigraph_server_installed():
        http = small["http"]
        servers = {"oxigraph": "`oxigraph serve`"}
        if importlib.util.find_spec("clustergraph.server.sparql") is not None:
            servers.update(clustergraph="clustergraph `/sparql` (default settings)",
                           clustergraph_no_limit="clustergraph `/sparql`, `query_timeout=0`")
            assert http["viewer_graph_json"]["first_s"] > 0
        else:
            assert "error" in http["clustergraph"]
        for name, title in servers.items():
            assert [level["clients"] for level in http[name]["levels"]] == [1, 8, 32]
            assert all(level["requests"] > 0 and not level["errors"] for level in http[name]["levels"])
            for clients in (1, 8, 32):
                assert f"\n| {title} | {clients} | " in report

    assert [row["nodes"] for row in results["viewer"]] and all("error" not in row for row in results["viewer"])
    assert all(row["clustergraph_s"] > 0 and row["pyvis_s"] > 0 for row in results["viewer"])
    assert "## Viewer graph data" in report and "## Extraction" in report and "## Targets" in report
    extraction = results["extraction"]
    if importlib.util.find_spec("clustergraph.extract") is not None and "error" not in extraction:
        assert extraction["announcements"] == 5
