"""Ingest: one named graph per announcement, replaced in one transaction, bad files stored nowhere."""

import json
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from clustergraph.config import load_settings
from clustergraph.factsfile import load_facts
from clustergraph.ingest import load_files, load_reference, store_document
from clustergraph.store import open_store
from clustergraph.vocab import CG

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture
def memory_store():
    with open_store(load_settings(environ={}, overrides={"store": "memory"})) as store:
        yield store


@pytest.fixture
def facts_file(tmp_path) -> Path:
    doc = {
        "announcement": {"title": "Nordcluster joins Go", "language": "en", "issued": "2021-03-04"},
        "entities": [
            {"name": "Nordcluster", "type": "Cluster", "aliases": ["Nordcluster e.V."]},
            {"name": "Go", "type": "Programme", "aliases": []},
        ],
        "facts": [{"subject": "Nordcluster", "relation": "member of programme", "object": "Go", "date": "2021-03",
                   "evidence": "In March 2021 Nordcluster joined Go."}],
        "figures": [],
    }
    path = tmp_path / "nord-2021.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _ask(store, subject: str, prop, obj: str) -> bool:
    return store.query(f"ASK {{ <{subject}> <{prop}> <{obj}> }}").boolean


def test_facts_file_lands_in_its_own_graph_with_evidence(memory_store, facts_file):
    batch = load_files(memory_store, [facts_file])
    assert batch.ok, batch.to_dict()
    graph = URIRef("https://w3id.org/clustergraph/graph/announcement/nord-2021")
    assert graph in memory_store.graphs()
    assert _ask(memory_store, "https://w3id.org/clustergraph/id/cluster/nordcluster", CG.memberOf,
                "https://w3id.org/clustergraph/id/programme/go")
    rows = memory_store.query(
        "PREFIX cg: <https://w3id.org/clustergraph/ontology#> SELECT ?e WHERE { ?a cg:evidence ?e }").rows
    assert [str(r[0]) for r in rows] == ["In March 2021 Nordcluster joined Go."]


def test_ingesting_again_replaces_and_duplicates_nothing(memory_store, facts_file):
    load_files(memory_store, [facts_file])
    first = memory_store.count()
    data = json.loads(facts_file.read_text(encoding="utf-8"))
    data["facts"][0]["evidence"] = "Nordcluster is now part of Go."
    facts_file.write_text(json.dumps(data), encoding="utf-8")
    load_files(memory_store, [facts_file])
    assert memory_store.count() == first
    evidence = memory_store.query(
        "PREFIX cg: <https://w3id.org/clustergraph/ontology#> SELECT ?e WHERE { ?a cg:evidence ?e }").rows
    assert [str(r[0]) for r in evidence] == ["Nordcluster is now part of Go."]


def test_a_bad_file_in_a_batch_is_reported_and_the_good_ones_are_stored(memory_store, facts_file, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"announcement": {}, "entities": [', encoding="utf-8")
    batch = load_files(memory_store, [broken, facts_file])
    assert [o.ok for o in batch.outcomes] == [False, True]
    assert "broken.json" in batch.outcomes[0].error
    assert len(memory_store.graphs()) == 1


def test_a_shacl_violation_stores_nothing_and_keeps_earlier_data(memory_store, facts_file):
    load_files(memory_store, [facts_file])
    before = set(memory_store.quads())  # no blank nodes here: quads compare as they are
    doc = load_facts(facts_file)
    doc.facts[0].confidence = 7.0  # outside [0, 1]: the shapes reject it
    outcome = store_document(memory_store, doc)
    assert not outcome.ok and "SHACL" in outcome.error
    assert set(memory_store.quads()) == before


def test_reference_data_goes_into_one_graph_per_file(memory_store):
    batch = load_reference(memory_store)
    assert batch.ok
    names = {str(g).rsplit("/", 1)[-1] for g in memory_store.graphs()}
    assert {"regions", "ministries", "programmes"} <= names
    assert _ask(memory_store, "https://w3id.org/clustergraph/id/region/sachsen", CG.partOf,
                "https://w3id.org/clustergraph/id/region/deutschland")


def test_rdf_files_load_into_named_graphs(memory_store, tmp_path):
    g = Graph()
    g.parse(data="<http://example.org/a> <http://example.org/p> 'x' .", format="turtle")
    path = tmp_path / "extra.ttl"
    g.serialize(path, format="turtle")
    batch = load_files(memory_store, [path])
    assert batch.ok
    assert URIRef("https://w3id.org/clustergraph/graph/file/extra") in memory_store.graphs()


def test_malformed_turtle_is_named_and_stores_nothing(memory_store, tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text("<http://a> <http://b> .", encoding="utf-8")
    batch = load_files(memory_store, [path])
    assert not batch.ok and "bad.ttl" in batch.outcomes[0].error
    assert memory_store.count() == 0


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seeds are not beside the checkout")
def test_seed_facts_file_keeps_every_evidence_sentence(memory_store):
    expected = SEEDS / "biosaxony-go-cluster-2014.expected.json"
    assert load_files(memory_store, [expected]).ok
    stored = {str(r[0]) for r in memory_store.query(
        "PREFIX cg: <https://w3id.org/clustergraph/ontology#> SELECT DISTINCT ?e WHERE { ?a cg:evidence ?e }").rows}
    wanted = {f["evidence"] for f in json.loads(expected.read_text(encoding="utf-8"))["facts"]}
    assert wanted <= stored | {"(reference knowledge, not stated in the text)"}


def test_reference_data_follows_the_base_iri_setting(memory_store):
    load_reference(memory_store, base="http://example.org/kg/")
    assert _ask(memory_store, "http://example.org/kg/id/region/sachsen", CG.partOf,
                "http://example.org/kg/id/region/deutschland")
    assert URIRef("http://example.org/kg/graph/reference/regions") in memory_store.graphs()


def test_facts_file_entities_resolve_to_known_iris_by_name_type_and_date(memory_store, tmp_path):
    load_reference(memory_store)
    path = tmp_path / "go-2014.json"
    path.write_text(json.dumps({
        "announcement": {"title": "t", "language": "de", "issued": "2014-07-18"},
        "entities": [{"name": "Bundesministerium für Wirtschaft und Energie", "type": "Ministry", "aliases": ["BMWi"]},
                     {"name": "Programm go-cluster", "type": "Programme", "aliases": []}],
        "facts": [{"subject": "Programm go-cluster", "relation": "run by",
                   "object": "Bundesministerium für Wirtschaft und Energie", "evidence": "x"}],
    }), encoding="utf-8")
    assert load_files(memory_store, [path]).ok
    assert _ask(memory_store, "https://w3id.org/clustergraph/id/programme/go-cluster", CG.runBy,
                "https://w3id.org/clustergraph/id/ministry/bmwi")
