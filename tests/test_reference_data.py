"""The curated reference data in data/reference/*.ttl: regions, ministries, programmes, labels."""

from __future__ import annotations

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, RDF, RDFS, SKOS

from clustergraph.resources import ontology_path, reference_dir, shapes_path
from clustergraph.vocab import CG, ENTITY_TYPES, PREFIXES, WD, mint

REFERENCE_FILES = sorted(reference_dir().glob("*.ttl"))
KIND_OF_CLASS = {cls: kind for cls, kind in ENTITY_TYPES.values()}
LAENDER = {
    "Baden-Württemberg": "DE1", "Bayern": "DE2", "Berlin": "DE3", "Brandenburg": "DE4",
    "Bremen": "DE5", "Hamburg": "DE6", "Hessen": "DE7", "Mecklenburg-Vorpommern": "DE8",
    "Niedersachsen": "DE9", "Nordrhein-Westfalen": "DEA", "Rheinland-Pfalz": "DEB",
    "Saarland": "DEC", "Sachsen": "DED", "Sachsen-Anhalt": "DEE", "Schleswig-Holstein": "DEF",
    "Thüringen": "DEG",
}
GERMANY = mint("region", "Deutschland")


@pytest.fixture(scope="module")
def reference() -> Graph:
    graph = Graph()
    for path in REFERENCE_FILES:
        graph.parse(path, format="turtle")
    return graph


def _entities(graph: Graph) -> set[URIRef]:
    return {s for cls in KIND_OF_CLASS for s in graph.subjects(RDF.type, cls)}


def test_the_three_reference_files_exist():
    assert {p.name for p in REFERENCE_FILES} >= {"regions.ttl", "ministries.ttl", "programmes.ttl"}


@pytest.mark.parametrize("path", REFERENCE_FILES, ids=lambda p: p.name)
def test_reference_file_parses(path):
    assert len(Graph().parse(path, format="turtle")) > 0


@pytest.mark.parametrize("name", ["Deutschland", *LAENDER])
def test_region_has_names_in_german_and_english_and_a_nuts_code(reference, name):
    region = mint("region", name)
    assert (region, RDF.type, CG.Region) in reference
    for prop in (RDFS.label, SKOS.prefLabel):
        labels = {lit.language: str(lit) for lit in reference.objects(region, prop)}
        assert set(labels) == {"de", "en"}, (region, prop)
        assert labels["de"] == name
    expected_nuts = LAENDER.get(name, "DE")
    assert reference.value(region, CG.nutsCode) == Literal(expected_nuts)
    same_as = list(reference.objects(region, OWL.sameAs))
    assert len(same_as) == 1 and same_as[0].startswith(str(WD))


@pytest.mark.parametrize("name", LAENDER)
def test_land_is_part_of_germany(reference, name):
    assert (mint("region", name), CG.partOf, GERMANY) in reference


def test_exactly_sixteen_laender_and_distinct_wikidata_ids(reference):
    laender = set(reference.subjects(CG.partOf, GERMANY))
    assert len(laender) == 16
    ids = [reference.value(region, OWL.sameAs) for region in laender | {GERMANY}]
    assert len(set(ids)) == 17


def test_well_known_wikidata_ids(reference):
    assert (GERMANY, OWL.sameAs, WD.Q183) in reference
    assert (mint("region", "Sachsen"), OWL.sameAs, WD.Q1202) in reference
    assert (mint("region", "Berlin"), OWL.sameAs, WD.Q64) in reference


def test_aliases_the_seed_uses(reference):
    def names(iri):
        return {str(o) for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel) for o in reference.objects(iri, p)}

    assert {"Saxony", "Freistaat Sachsen"} <= names(mint("region", "Sachsen"))
    assert "Germany" in names(GERMANY)
    assert "NRW" in names(mint("region", "Nordrhein-Westfalen"))
    assert {"Bundesministerium für Wirtschaft und Energie", "BMWi"} <= names(mint("ministry", "BMWi"))
    assert {"go-cluster", "Programm go-cluster", "go-cluster-Programm"} <= names(mint("programme", "go-cluster"))
    ecei = mint("programme", "European Cluster Excellence Initiative")
    assert {"European Cluster Excellence Initiative", "ECEI"} <= names(ecei)
    assert {"ECEI Gold Label", "Qualitätslabel in Gold"} <= names(mint("label", "ECEI Gold Label"))
    assert {"ECEI Silver Label", "Qualitätslabel in Silber"} <= names(mint("label", "ECEI Silver Label"))


def test_every_entity_and_event_has_a_source(reference):
    typed = set(reference.subjects(RDF.type, None))
    assert typed, "no typed nodes in the reference data"
    for node in typed:
        sources = list(reference.objects(node, DCTERMS.source))
        assert sources, f"{node} has no dcterms:source"
        assert all(isinstance(s, URIRef) and str(s).startswith(("http://", "https://")) for s in sources), node


def test_iris_follow_the_slug_rule(reference):
    for entity in _entities(reference):
        kinds = {KIND_OF_CLASS[c] for c in reference.objects(entity, RDF.type) if c in KIND_OF_CLASS}
        assert len(kinds) == 1, entity
        (kind,) = kinds
        names = [*reference.objects(entity, SKOS.prefLabel), *reference.objects(entity, CG.acronym)]
        assert entity in {mint(kind, str(name)) for name in names}, (
            f"{entity} is not vocab.mint({kind!r}, n) for any prefLabel or acronym n"
        )


def test_reference_data_conforms_to_the_shapes(reference):
    """The union of all reference files, with the ontology as ont_graph and no inference.

    No inference, as in ``clustergraph.validate``: SHACL's sh:class and sh:targetClass already follow
    rdfs:subClassOf in the data graph (the ontology is mixed in), while RDFS inference would apply the
    ontology's rdfs:range axioms and make the shapes' class checks of objects pass vacuously.
    """
    conforms, _graph, text = validate(
        reference,
        shacl_graph=Graph().parse(shapes_path(), format="turtle"),
        ont_graph=Graph().parse(ontology_path(), format="turtle"),
        inference="none",
    )
    assert conforms, text


SUCCESSORS = "SELECT ?m WHERE { ?new cg:successorOf* ?m }"


def _line(reference: Graph, acronym: str) -> set[URIRef]:
    rows = reference.query(SUCCESSORS, initNs=PREFIXES, initBindings={"new": mint("ministry", acronym)})
    return {row.m for row in rows}


def test_successor_path_spans_renames(reference):
    assert _line(reference, "BMWE") == {mint("ministry", a) for a in ("BMWE", "BMWK", "BMWi")}
    assert _line(reference, "BMFTR") == {mint("ministry", a) for a in ("BMFTR", "BMBF")}
    assert _line(reference, "BMWi") == {mint("ministry", "BMWi")}


def test_change_events_match_successor_shortcuts(reference):
    from_events = {
        (reference.value(event, ORG.resultingOrganization), reference.value(event, ORG.originalOrganization))
        for event in reference.subjects(RDF.type, ORG.ChangeEvent)
    }
    shortcuts = set(reference.subject_objects(CG.successorOf))
    assert from_events == shortcuts
    assert len(shortcuts) == 3


def test_programmes_and_labels(reference):
    go_cluster = mint("programme", "go-cluster")
    ecei = mint("programme", "European Cluster Excellence Initiative")
    esca = mint("organisation", "ESCA")
    assert (go_cluster, CG.runBy, mint("ministry", "BMWi")) in reference
    for name in ("Spitzencluster-Wettbewerb", "Zukunftscluster-Initiative"):
        assert (mint("programme", name), CG.runBy, mint("ministry", "BMBF")) in reference
    for level in ("Bronze", "Silver", "Gold"):
        label = mint("label", f"ECEI {level} Label")
        assert (label, RDF.type, CG.QualityLabel) in reference
        assert (label, CG.awardedUnder, ecei) in reference
        assert (label, CG.runBy, esca) in reference
    assert (esca, RDF.type, CG.Organisation) in reference
