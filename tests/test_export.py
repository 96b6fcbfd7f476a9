"""RDF exports: every format parses back isomorphic to the store, with rdflib and with pyoxigraph;
the order is stable; the external sort spills and merges; subsets; the CLI."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF

from clustergraph import export_rdf
from clustergraph.cli import cli
from clustergraph.config import load_settings
from clustergraph.errors import ConfigError
from clustergraph.export import (
    RDF_FORMATS,
    UNION_FORMATS,
    Subset,
    export_dataset,
    iter_export,
    make_subset,
    write_dataset,
)
from clustergraph.store import open_store
from clustergraph.store.oxigraph import OxigraphStore
from clustergraph.vocab import CG, graph_iri, mint

FIXTURE = Path(__file__).parent / "fixtures" / "export_sample.trig"
BIOSAXONY = mint("cluster", "biosaxony")
GO_CLUSTER = mint("programme", "go-cluster")
BMWI = mint("ministry", "Bundesministerium für Wirtschaft und Energie")
EVIDENCE = "Im Juni 2014 wurde biosaxony in die Riege der exzellent vernetzten nationalen Innovationscluster aufgenommen."
BIOSAXONY_GRAPH = graph_iri("announcement", "biosaxony-go-cluster-2014")
RDFLIB_NAMES = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld"}
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
              "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}


# --- data and comparison helpers -------------------------------------------------------------


def fixture_quads() -> list[tuple]:
    """The fixture's quads, graph ``None`` for the default graph."""
    dataset = Dataset()
    dataset.parse(FIXTURE, format="trig")
    default = dataset.default_graph.identifier
    return [(s, p, o, None if g == default else g) for s, p, o, g in dataset.quads()]


QUADS = fixture_quads()


def _tag_case(term):
    """Language tags are case-insensitive (RDF 1.1); pyoxigraph's parser writes them in lower case."""
    return Literal(str(term), lang=term.language.lower()) if isinstance(term, Literal) and term.language else term


def by_graph(quads) -> dict:
    graphs: dict = {}
    for s, p, o, g in quads:
        graphs.setdefault(g, Graph()).add((s, p, _tag_case(o)))
    return graphs


def union(quads) -> Graph:
    graph = Graph()
    for s, p, o, _ in quads:
        graph.add((s, p, _tag_case(o)))
    return graph


def assert_same_dataset(actual_quads, expected_quads) -> None:
    actual, expected = by_graph(actual_quads), by_graph(expected_quads)
    assert set(actual) == set(expected)
    for name, graph in expected.items():
        assert isomorphic(actual[name], graph), f"graph {name} differs"


def rdflib_quads(data: bytes, fmt: str) -> list[tuple]:
    if fmt in UNION_FORMATS:
        graph = Graph().parse(data=data, format=RDFLIB_NAMES[fmt])
        return [(s, p, o, None) for s, p, o in graph]
    dataset = Dataset()
    dataset.parse(data=data, format=RDFLIB_NAMES[fmt])
    default = dataset.default_graph.identifier
    return [(s, p, o, None if g == default else g) for s, p, o, g in dataset.quads()]


def _from_ox(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype.endswith("#string") else URIRef(datatype))
    return None  # the default graph


def oxigraph_quads(data: bytes, fmt: str) -> list[tuple]:
    return [
        (_from_ox(q.subject), _from_ox(q.predicate), _from_ox(q.object), _from_ox(q.graph_name))
        for q in ox.parse(data, format=OX_FORMATS[fmt])
    ]


def loaded(store, quads=QUADS):
    store.add_quads(quads)
    return store


def export_bytes(store, fmt: str, subset: Subset | None = None) -> bytes:
    return b"".join(iter_export(store, fmt, subset))


@pytest.fixture
def ox_store():
    with OxigraphStore(None) as store:
        yield loaded(store)


# --- round trips -----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_every_format_reads_back_isomorphic_to_the_store_with_both_parsers(store, fmt):
    loaded(store)
    held = list(store.quads())  # as the store holds them (Oxigraph writes "1.0"^^xsd:decimal as "1")
    data = export_bytes(store, fmt)
    for reader in (rdflib_quads, oxigraph_quads):
        quads = reader(data, fmt)
        if fmt in UNION_FORMATS:
            assert {g for *_, g in quads} == {None}
            assert isomorphic(union(quads), union(held)), reader.__name__
        else:
            assert_same_dataset(quads, held)


def test_union_formats_hold_each_triple_once(ox_store):
    lines = export_bytes(ox_store, "ntriples").decode("utf-8").split("\n")[:-1]  # not splitlines: U+2028
    assert len(lines) == len(set(lines)) == len(union(QUADS))
    # go-cluster's type is stated in both announcement graphs, and written once
    assert sum(1 for line in lines if line.startswith(f"<{GO_CLUSTER}> <{RDF.type}>")) == 1


def test_nquads_keep_one_named_graph_per_announcement(ox_store):
    names = {g for *_, g in oxigraph_quads(export_bytes(ox_store, "nquads"), "nquads")}
    announcements = {g for g in names if g is not None and "/graph/announcement/" in g}
    assert announcements == {BIOSAXONY_GRAPH, graph_iri("announcement", "nordlicht-photonik-go-cluster-2013")}


def test_turtle_uses_the_project_prefixes_and_escapes_what_it_must(ox_store):
    text = export_bytes(ox_store, "turtle").decode("utf-8")
    assert "@prefix cg: <https://w3id.org/clustergraph/ontology#> ." in text
    assert " a cg:Cluster" in text
    assert "cg:memberOf <" + str(GO_CLUSTER) + ">" in text
    assert "cg:not.safe" not in text  # a local name Turtle cannot take is written in full


# --- a stable order --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_two_exports_of_the_same_data_are_identical_whatever_the_load_order(fmt):
    with OxigraphStore(None) as forward, OxigraphStore(None) as backward:
        loaded(forward, QUADS)
        loaded(backward, list(reversed(QUADS)))
        assert export_bytes(forward, fmt) == export_bytes(backward, fmt)


def test_turtle_lists_subjects_in_order_with_their_types_first(ox_store):
    text = export_bytes(ox_store, "turtle").decode("utf-8")
    blocks = [block for block in text.split("\n\n") if block and not block.startswith("@prefix")]
    subjects = [block.split(" ", 1)[0] for block in blocks]
    assert subjects == sorted(subjects)
    biosaxony = next(block for block in blocks if block.startswith(f"<{BIOSAXONY}>"))
    assert biosaxony.startswith(f"<{BIOSAXONY}> a cg:Cluster ;")


def test_an_added_fact_changes_only_its_own_lines(ox_store):
    before = export_bytes(ox_store, "turtle").decode("utf-8").splitlines()
    ox_store.add_quads([(BIOSAXONY, CG.partnerOf, GO_CLUSTER, BIOSAXONY_GRAPH)])
    after = export_bytes(ox_store, "turtle").decode("utf-8").splitlines()
    import difflib

    changed = [line for line in difflib.unified_diff(before, after, lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert len(changed) == 1 and "cg:partnerOf" in changed[0]


# --- streaming -------------------------------------------------------------------------------


def test_the_external_sort_spills_runs_and_merges_them_in_order():
    records = [f"<http://x/{n % 97}> <http://x/p> \"{n % 13}\"" for n in range(1000)]
    expected = sorted(set(records))
    assert list(export_rdf.sorted_unique(records, run_size=50)) == expected


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_exports_through_spilled_runs_equal_exports_sorted_in_memory(ox_store, monkeypatch, fmt):
    in_memory = export_bytes(ox_store, fmt)
    monkeypatch.setattr(export_rdf, "RUN_SIZE", 7)
    spilled = export_bytes(ox_store, fmt)
    assert spilled == in_memory


# --- subsets ---------------------------------------------------------------------------------


def test_one_announcements_graph(ox_store):
    subset = make_subset(announcement="biosaxony-go-cluster-2014")
    quads = oxigraph_quads(export_bytes(ox_store, "nquads", subset), "nquads")
    assert_same_dataset(quads, list(ox_store.quads(BIOSAXONY_GRAPH)))


def test_a_neighbourhood_holds_the_facts_among_its_members_with_their_evidence(ox_store):
    graph = Graph().parse(data=export_bytes(ox_store, "turtle", make_subset(focus=str(BIOSAXONY))), format="turtle")
    assert (BIOSAXONY, CG.memberOf, GO_CLUSTER) in graph
    assert any(str(o) == EVIDENCE for o in graph.objects(None, CG.evidence))
    assert (mint("announcement", "biosaxony-go-cluster-2014"), DCTERMS.title, None) in graph
    assert (GO_CLUSTER, CG.runBy, BMWI) not in graph  # two facts away
    assert not any(p == CG.text for p in graph.predicates())  # announcements come without their text
    deeper = Graph().parse(data=export_bytes(ox_store, "turtle", make_subset(focus=str(BIOSAXONY), depth=2)),
                           format="turtle")
    assert (GO_CLUSTER, CG.runBy, BMWI) in deeper
    assert len(deeper) > len(graph)


def test_a_neighbourhood_in_nquads_keeps_the_graph_that_stated_each_fact(ox_store):
    quads = oxigraph_quads(export_bytes(ox_store, "nquads", make_subset(focus="cluster/biosaxony")), "nquads")
    assert (BIOSAXONY, CG.memberOf, GO_CLUSTER, BIOSAXONY_GRAPH) in quads
    assert set(quads) <= set(ox_store.quads())


def test_a_class_subset_holds_its_instances_facts_in_and_out(ox_store):
    graph = Graph().parse(data=export_bytes(ox_store, "turtle", make_subset(cls="cg:Person")), format="turtle")
    hofmann = mint("person", "André Hofmann")
    assert (hofmann, CG.managingDirectorOf, BIOSAXONY) in graph
    assert (BIOSAXONY, RDF.type, CG.Cluster) in graph  # the label and type of what it links to
    assert (BIOSAXONY, CG.memberOf, GO_CLUSTER) not in graph  # not a fact of a person


@pytest.mark.parametrize("options, message", [
    ({"focus": "cluster/x", "cls": "cg:Cluster"}, "choose one subset"),
    ({"depth": 2}, "depth needs a focus"),
    ({"focus": "cluster/x", "depth": 9}, "out of range"),
    ({"focus": "cluster/x", "depth": "two"}, "whole number"),
    ({"focus": "not an iri"}, "not an IRI"),
])
def test_malformed_subsets_are_refused_with_a_reason(options, message):
    with pytest.raises(ConfigError, match=message):
        make_subset(**options)


def test_an_unknown_graph_or_focus_is_refused_before_anything_is_written(ox_store, tmp_path):
    target = tmp_path / "out.ttl"
    with pytest.raises(ConfigError, match="no named graph"):
        export_dataset(ox_store, "turtle", output=target, announcement="nope")
    with pytest.raises(ConfigError, match="knows nothing"):
        export_dataset(ox_store, "turtle", output=target, focus="cluster/nope")
    assert not target.exists()


# --- writing files and the CLI ---------------------------------------------------------------


def test_write_dataset_keeps_its_signature(ox_store):
    out = io.BytesIO()
    write_dataset(ox_store, out, "nquads", graph=str(BIOSAXONY_GRAPH))
    assert {g for *_, g in oxigraph_quads(out.getvalue(), "nquads")} == {BIOSAXONY_GRAPH}


def test_cli_exports_nquads_gzipped_with_one_graph_per_announcement(tmp_path):
    store_path = tmp_path / "store"
    with open_store(load_settings(environ={}, overrides={"store": "oxigraph", "store_path": str(store_path)})) as store:
        held = list(loaded(store).quads())
    output = tmp_path / "dump.nq.gz"
    result = CliRunner().invoke(cli, ["--store", "oxigraph", "--store-path", str(store_path),
                                      "export", "--format", "nquads", "-o", str(output), "--gzip"])
    assert result.exit_code == 0, result.output
    assert_same_dataset(oxigraph_quads(gzip.decompress(output.read_bytes()), "nquads"), held)


def test_cli_exports_a_neighbourhood(tmp_path):
    store_path = tmp_path / "store"
    with open_store(load_settings(environ={}, overrides={"store": "oxigraph", "store_path": str(store_path)})) as store:
        loaded(store)
    output = tmp_path / "bio.ttl"
    result = CliRunner().invoke(cli, ["--store-path", str(store_path), "export", "--focus", "cluster/biosaxony",
                                      "--depth", "1", "-o", str(output)])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(output, format="turtle")
    assert (BIOSAXONY, CG.memberOf, GO_CLUSTER) in graph and (GO_CLUSTER, CG.runBy, BMWI) not in graph


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_rdf_type_as_subject_or_object_is_not_mistaken_for_the_predicate(fmt):
    from rdflib.namespace import OWL, RDFS

    graph = URIRef("http://example.org/graph/vocabulary")
    quads = [(RDF.type, RDFS.label, Literal("type"), graph), (RDF.type, RDF.type, RDF.Property, graph),
             (CG.kind, OWL.equivalentProperty, RDF.type, None)]
    with OxigraphStore(None) as store:
        store.add_quads(quads)
        data = export_bytes(store, fmt)
    for reader in (rdflib_quads, oxigraph_quads):
        if fmt in UNION_FORMATS:
            assert isomorphic(union(reader(data, fmt)), union(quads))
        else:
            assert_same_dataset(reader(data, fmt), quads)
