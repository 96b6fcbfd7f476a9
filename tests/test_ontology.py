"""The ontology (ontology/clustergraph.ttl) and the SHACL shapes (ontology/shapes.ttl).

The ontology and ``vocab.CG`` are kept in sync both ways; the shapes are checked on small graphs
that must conform and on graphs with one mistake each that must not.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SH, SKOS

from clustergraph.relations import RELATIONS
from clustergraph.resources import ontology_path, shapes_path
from clustergraph.vocab import CG, ENTITY_TYPES, ONTOLOGY_IRI, PREFIXES, mint, mint_hashed

CG_NS = PREFIXES["cg"]
CG_TERMS = {getattr(CG, name) for name in CG.__annotations__}
DECLARATION_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
DATE_PROPERTIES = {CG.startDate, CG.endDate, CG.validUntil, CG.date}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(shapes_path(), format="turtle")


def _cg_iris(graph: Graph) -> set[URIRef]:
    """Every cg: IRI the graph mentions, in any position."""
    return {
        term
        for triple in graph
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(CG_NS)
    }


# --- the ontology -------------------------------------------------------------------------------


def test_ontology_header(ontology):
    onto = URIRef(ONTOLOGY_IRI)
    assert (onto, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(onto, OWL.versionInfo) is not None
    for prop in (DCTERMS.title, DCTERMS.description):
        assert {lit.language for lit in ontology.objects(onto, prop)} >= {"en", "de"}, prop
    assert isinstance(ontology.value(onto, DCTERMS.license), URIRef)
    assert ontology.value(onto, DCTERMS.created).datatype == ns.XSD.date


@pytest.mark.parametrize("term", sorted(CG_TERMS), ids=lambda t: t.split("#")[-1])
def test_every_vocab_term_is_declared_with_labels_in_english_and_german(ontology, term):
    kinds = set(ontology.objects(term, RDF.type)) & DECLARATION_TYPES
    assert len(kinds) == 1, f"{term} must be exactly one of owl:Class / ObjectProperty / DatatypeProperty"
    for prop in (RDFS.label, RDFS.comment):
        languages = [lit.language for lit in ontology.objects(term, prop)]
        assert sorted(languages) == ["de", "en"], f"{term} {prop}: one @en and one @de, got {languages}"
    assert (term, RDFS.isDefinedBy, URIRef(ONTOLOGY_IRI)) in ontology


def test_ontology_declares_nothing_in_its_namespace_that_vocab_lacks(ontology):
    assert _cg_iris(ontology) - CG_TERMS == set()


def test_shapes_use_only_vocab_terms(shapes):
    assert _cg_iris(shapes) - CG_TERMS == set()


def test_entity_types_are_classes(ontology):
    for cls, _kind in ENTITY_TYPES.values():
        assert (cls, RDF.type, OWL.Class) in ontology, cls


def test_relation_properties_are_object_properties(ontology):
    for rel in RELATIONS:
        assert (rel.property, RDF.type, OWL.ObjectProperty) in ontology, rel.name
        if rel.dated_class is not None:
            assert (rel.dated_class, RDF.type, OWL.Class) in ontology, rel.dated_class


def test_date_properties_are_datatype_properties(ontology):
    for prop in DATE_PROPERTIES:
        assert (prop, RDF.type, OWL.DatatypeProperty) in ontology, prop


def test_property_characteristics(ontology):
    assert (CG.partOf, RDF.type, OWL.TransitiveProperty) in ontology
    assert (CG.successorOf, RDF.type, OWL.TransitiveProperty) in ontology
    assert (CG.partnerOf, RDF.type, OWL.SymmetricProperty) in ontology
    assert (CG.memberOf, RDF.type, OWL.TransitiveProperty) not in ontology


@pytest.mark.parametrize(
    "sub, relation, sup",
    [
        (CG.Cluster, RDFS.subClassOf, ns.SDO.Organization),
        (CG.Ministry, RDFS.subClassOf, ORG.FormalOrganization),
        (CG.Ministry, RDFS.subClassOf, ns.SDO.GovernmentOrganization),
        (CG.Region, RDFS.subClassOf, ns.SDO.AdministrativeArea),
        (CG.Person, RDFS.subClassOf, PROV.Person),
        (CG.Sector, RDFS.subClassOf, SKOS.Concept),
        (CG.Assertion, RDFS.subClassOf, RDF.Statement),
        (CG.Assertion, RDFS.subClassOf, PROV.Entity),
        (CG.Membership, RDFS.subClassOf, ORG.Membership),
        (CG.ExtractionActivity, RDFS.subClassOf, PROV.Activity),
        (CG.memberOf, RDFS.subPropertyOf, ORG.memberOf),
        (CG.managingDirectorOf, RDFS.subPropertyOf, ORG.headOf),
        (CG.partOf, RDFS.subPropertyOf, ns.SDO.containedInPlace),
        (CG.partOf, RDFS.subPropertyOf, DCTERMS.isPartOf),
        (CG.successorOf, RDFS.subPropertyOf, DCTERMS.replaces),
        (CG.locatedIn, RDFS.subPropertyOf, ns.SDO.location),
    ],
    ids=lambda t: str(t).rsplit("/", 1)[-1],
)
def test_alignments(ontology, sub, relation, sup):
    assert (sub, relation, sup) in ontology


def test_no_alignment_to_prov_time_properties(ontology):
    """prov:startedAtTime has domain prov:Activity and range xsd:dateTime: wrong for our dates."""
    for prop in DATE_PROPERTIES:
        assert (prop, RDFS.subPropertyOf, PROV.startedAtTime) not in ontology


def test_strict_domains_and_ranges_name_declared_classes(ontology):
    for prop in (RDFS.domain, RDFS.range):
        for term, cls in ontology.subject_objects(prop):
            if str(cls).startswith(CG_NS):
                assert (cls, RDF.type, OWL.Class) in ontology, (term, prop, cls)


# --- the shapes ---------------------------------------------------------------------------------


def test_every_class_has_a_node_shape(ontology, shapes):
    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(CG_NS)}
    targeted = set(shapes.objects(None, SH.targetClass))
    assert classes - targeted == set()
    for shape in shapes.subjects(SH.targetClass, None):
        assert (shape, RDF.type, SH.NodeShape) in shapes


def _conforms(data: Graph, ontology: Graph, shapes: Graph) -> tuple[bool, str]:
    conforms, _graph, text = validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", allow_warnings=True
    )
    return conforms, text


def _labelled(graph: Graph, iri: URIRef, cls: URIRef, name: str) -> URIRef:
    graph.add((iri, RDF.type, cls))
    graph.add((iri, RDFS.label, Literal(name)))
    graph.add((iri, SKOS.prefLabel, Literal(name)))
    return iri


def _announcement_graph() -> tuple[Graph, dict[str, URIRef]]:
    """A small, well-formed announcement graph: the shape rdfmap writes."""
    g = Graph()
    ann = mint("announcement", "acme-2014")
    g.add((ann, RDF.type, CG.Announcement))
    g.add((ann, DCTERMS.title, Literal("Acme joins go-cluster", lang="en")))
    g.add((ann, DCTERMS.issued, Literal("2014-07-18", datatype=ns.XSD.date)))
    g.add((ann, DCTERMS.language, Literal("en")))
    g.add((ann, CG.kind, Literal("press release")))
    g.add((ann, CG.place, Literal("Dresden")))
    cluster = _labelled(g, mint("cluster", "Acme"), CG.Cluster, "Acme")
    programme = _labelled(g, mint("programme", "go-cluster"), CG.Programme, "go-cluster")
    region = _labelled(g, mint("region", "Sachsen"), CG.Region, "Sachsen")
    person = _labelled(g, mint("person", "Erika Muster"), CG.Person, "Erika Muster")
    g.add((cluster, CG.memberOf, programme))
    g.add((cluster, CG.locatedIn, region))
    g.add((person, CG.managingDirectorOf, cluster))
    assertion = mint_hashed("assertion", "acme-2014", cluster, CG.memberOf, programme)
    g.add((assertion, RDF.type, CG.Assertion))
    g.add((assertion, RDF.subject, cluster))
    g.add((assertion, RDF.predicate, CG.memberOf))
    g.add((assertion, RDF.object, programme))
    g.add((assertion, CG.relation, Literal("member of programme")))
    g.add((assertion, CG.evidence, Literal("In June 2014 Acme joined go-cluster.", lang="en")))
    g.add((assertion, CG.evidenceStart, Literal(0, datatype=ns.XSD.integer)))
    g.add((assertion, CG.evidenceEnd, Literal(36, datatype=ns.XSD.integer)))
    g.add((assertion, CG.confidence, Literal(Decimal("0.9"), datatype=ns.XSD.decimal)))
    g.add((assertion, CG.date, Literal("2014-06", datatype=ns.XSD.gYearMonth)))
    g.add((assertion, PROV.wasDerivedFrom, ann))
    membership = mint_hashed("membership", "acme-2014", cluster, programme)
    g.add((membership, RDF.type, CG.Membership))
    g.add((membership, CG.cluster, cluster))
    g.add((membership, CG.programme, programme))
    g.add((membership, CG.startDate, Literal("2014-06", datatype=ns.XSD.gYearMonth)))
    g.add((membership, PROV.wasDerivedFrom, ann))
    return g, {
        "announcement": ann, "cluster": cluster, "programme": programme, "region": region,
        "person": person, "assertion": assertion, "membership": membership,
    }


def test_well_formed_announcement_graph_conforms(ontology, shapes):
    data, _ = _announcement_graph()
    conforms, text = _conforms(data, ontology, shapes)
    assert conforms, text


def _break_member_of_object(g, n):
    g.add((n["cluster"], CG.memberOf, n["region"]))


def _break_assertion_evidence(g, n):
    g.remove((n["assertion"], CG.evidence, None))


def _break_empty_evidence(g, n):
    g.set((n["assertion"], CG.evidence, Literal("")))


def _break_confidence(g, n):
    g.set((n["assertion"], CG.confidence, Literal(Decimal("1.5"), datatype=ns.XSD.decimal)))


def _break_second_subject(g, n):
    g.add((n["assertion"], RDF.subject, n["programme"]))


def _break_derived_from(g, n):
    g.set((n["assertion"], PROV.wasDerivedFrom, n["cluster"]))


def _break_date_precision(g, n):
    g.set((n["membership"], CG.startDate, Literal("2014-06-01T00:00:00", datatype=ns.XSD.dateTime)))


def _break_untyped_date(g, n):
    g.set((n["assertion"], CG.date, Literal("Juni 2014")))


def _break_missing_label(g, n):
    g.remove((n["region"], RDFS.label, None))


def _break_managing_director(g, n):
    g.add((n["cluster"], CG.managingDirectorOf, n["cluster"]))


def _break_membership_programme(g, n):
    g.remove((n["membership"], CG.programme, None))


def _break_located_in(g, n):
    g.add((n["cluster"], CG.locatedIn, n["person"]))


@pytest.mark.parametrize(
    "mistake, message",
    [
        (_break_member_of_object, "object of cg:memberOf must be a cg:Programme"),
        (_break_assertion_evidence, "assertion needs cg:evidence"),
        (_break_empty_evidence, "cg:evidence must be a non-empty string"),
        (_break_confidence, "cg:confidence must be a number from 0 to 1"),
        (_break_second_subject, "exactly one rdf:subject"),
        (_break_derived_from, "prov:wasDerivedFrom the cg:Announcement"),
        (_break_date_precision, "cg:startDate must be an xsd:date"),
        (_break_untyped_date, "cg:date must be an xsd:date"),
        (_break_missing_label, "non-empty rdfs:label"),
        (_break_managing_director, "Only a cg:Person is cg:managingDirectorOf"),
        (_break_membership_programme, "membership needs cg:programme"),
        (_break_located_in, "object of cg:locatedIn must be a cg:Region"),
    ],
    ids=lambda v: v.__name__.removeprefix("_break_") if callable(v) else "",
)
def test_shapes_catch_mistakes(ontology, shapes, mistake, message):
    data, nodes = _announcement_graph()
    mistake(data, nodes)
    conforms, text = _conforms(data, ontology, shapes)
    assert not conforms
    assert message in text


def test_missing_title_is_only_a_warning(ontology, shapes):
    data, nodes = _announcement_graph()
    data.remove((nodes["announcement"], DCTERMS.title, None))
    conforms, text = _conforms(data, ontology, shapes)
    assert conforms and "Warning" in text
