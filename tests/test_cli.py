"""The CLI as a user runs it: output, exit codes (0 ok, 1 findings, 2 usage, 3 runtime)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from clustergraph.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(capsys, *args, store_path=None):
    argv = list(args)
    if store_path is not None:
        argv = ["--store-path", str(store_path)] + argv
    try:
        main(argv)
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "store"


@pytest.fixture
def facts_file(tmp_path):
    path = tmp_path / "acme-2019.json"
    path.write_text(json.dumps({
        "announcement": {"title": "Acme wins", "language": "de", "issued": "2019"},
        "entities": [{"name": "Acme", "type": "Cluster", "aliases": []},
                     {"name": "ECEI Gold Label", "type": "Label", "aliases": []}],
        "facts": [{"subject": "Acme", "relation": "awarded label", "object": "ECEI Gold Label", "date": "2019",
                   "evidence": "Acme erhielt 2019 das Gold-Label."}],
        "figures": [],
    }), encoding="utf-8")
    return path


def test_load_reference_then_ask_prints_true(capsys, store_path):
    code, out, _ = run(capsys, "load", "--reference", store_path=store_path)
    assert code == 0, out
    code, out, _ = run(
        capsys, "query",
        "ASK { <https://w3id.org/clustergraph/id/region/sachsen> <https://w3id.org/clustergraph/ontology#partOf> "
        "<https://w3id.org/clustergraph/id/region/deutschland> }",
        store_path=store_path,
    )
    assert (code, out.strip()) == (0, "true")


def test_store_persists_between_commands(capsys, store_path, facts_file):
    assert run(capsys, "load", str(facts_file), store_path=store_path)[0] == 0
    code, out, _ = run(capsys, "stats", "--json", store_path=store_path)
    stats = json.loads(out)
    assert (code, stats["announcements"], stats["label_awards"]) == (0, 1, 1)


def test_validate_reports_zero_violations_on_shipped_reference_data(capsys, store_path):
    run(capsys, "load", "--reference", store_path=store_path)
    code, out, _ = run(capsys, "validate", "--json", store_path=store_path)
    report = json.loads(out)
    assert (code, report["violations"]) == (0, 0)


def test_validate_files_exits_1_on_violations(capsys, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix cg: <https://w3id.org/clustergraph/ontology#> .\n"
        "<https://w3id.org/clustergraph/id/cluster/x> a cg:Cluster ; cg:memberOf <https://w3id.org/clustergraph/id/region/y> .\n"
        "<https://w3id.org/clustergraph/id/region/y> a cg:Region .\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "validate", str(bad))
    assert code == 1
    assert "Violation" in out


def test_missing_file_is_a_usage_or_findings_error_with_the_name(capsys, store_path):
    code, _, err = run(capsys, "load", "/nonexistent/facts.json", store_path=store_path)
    assert code == 1 and "/nonexistent/facts.json" in err


def test_malformed_query_exits_2_with_the_parser_message(capsys, store_path):
    code, _, err = run(capsys, "query", "SELECT ?x WHERE { ?x ", store_path=store_path)
    assert code == 2 and "error" in err.lower()


def test_unknown_option_is_usage_error(capsys):
    code, _, _ = run(capsys, "stats", "--frobnicate")
    assert code == 2


def test_locked_store_is_a_runtime_error(capsys, store_path):
    from clustergraph.config import load_settings
    from clustergraph.store import open_store

    with open_store(load_settings(environ={}, overrides={"store_path": str(store_path)})):
        code, _, err = run(capsys, "stats", store_path=store_path)
    assert code == 3 and str(store_path) in err


def test_export_nquads_keeps_one_graph_per_announcement(capsys, store_path, facts_file, tmp_path):
    run(capsys, "load", str(facts_file), store_path=store_path)
    out_file = tmp_path / "dump.nq"
    code, _, _ = run(capsys, "export", "--format", "nquads", "-o", str(out_file), store_path=store_path)
    assert code == 0
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(out_file, format="nquads")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert "https://w3id.org/clustergraph/graph/announcement/acme-2019" in names


def test_the_console_script_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "clustergraph", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "clustergraph" in result.stdout
