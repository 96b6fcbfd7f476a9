from datetime import datetime, timezone

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, SDO, SKOS, XSD

from clustergraph.errors import InputError
from clustergraph.model import Announcement, Entity, Fact, FactsDocument, Figure
from clustergraph.rdfmap import date_literal, document_graph
from clustergraph.vocab import CG, mint

WHEN = datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def sample_doc(**changes) -> FactsDocument:
    doc = FactsDocument(
        Announcement(id="acme-2020", title="Acme joins Go", language="en", issued="2020-03-04",
                     publisher="Acme Cluster", text="Acme joined Go in March 2020. Ann Lee heads Acme."),
        entities=[
            Entity("Acme Cluster", "Cluster", ["Acme", "Acme e.V."]),
            Entity("Go", "Programme"),
            Entity("Ann Lee", "Person"),
            Entity("Bavaria", "Region", iri="https://w3id.org/clustergraph/id/region/bayern"),
        ],
        facts=[
            Fact("Acme", "member of programme", "Go", date="2020-03", evidence="Acme joined Go in March 2020.",
                 start=0, end=29, confidence=0.9),
            Fact("Ann Lee", "managing director of", "Acme Cluster", date="2020-03-04",
                 evidence="Ann Lee heads Acme.", start=30, end=49),
            Fact("Bavaria", "part of", "Bavaria", basis="reference"),
        ],
        figures=[Figure("Go", "members", 120, unit="clusters", qualifier="more than", evidence="x")],
    )
    for key, value in changes.items():
        setattr(doc, key, value)
    return doc


def test_direct_triple_and_assertion_with_evidence():
    name, g = document_graph(sample_doc(), ingested_at=WHEN)
    acme, go = mint("cluster", "Acme Cluster"), mint("programme", "Go")
    assert (acme, CG.memberOf, go) in g
    assertion = g.value(predicate=RDF.subject, object=acme)
    assert g.value(assertion, RDF.predicate) == CG.memberOf
    assert g.value(assertion, RDF.object) == go
    assert str(g.value(assertion, CG.evidence)) == "Acme joined Go in March 2020."
    assert g.value(assertion, CG.date) == Literal("2020-03", datatype=XSD.gYearMonth)
    assert g.value(assertion, PROV.wasDerivedFrom) == mint("announcement", "acme-2020")
    assert (g.value(assertion, CG.evidenceStart), g.value(assertion, CG.evidenceEnd)) == (Literal(0), Literal(29))


def test_membership_node_carries_the_date_at_the_texts_precision():
    _, g = document_graph(sample_doc(), ingested_at=WHEN)
    membership = g.value(predicate=RDF.type, object=CG.Membership)
    assert g.value(membership, CG.cluster) == mint("cluster", "Acme Cluster")
    assert g.value(membership, CG.startDate).datatype == XSD.gYearMonth


def test_aliases_resolve_to_one_iri_and_resolved_iris_are_kept():
    _, g = document_graph(sample_doc(), ingested_at=WHEN)
    acme = mint("cluster", "Acme Cluster")
    assert set(g.objects(acme, SKOS.altLabel)) == {Literal("Acme"), Literal("Acme e.V.")}
    assert (mint("region", "Bayern"), RDF.type, CG.Region) in g


def test_reference_facts_are_left_to_the_reference_graphs():
    _, g = document_graph(sample_doc(), ingested_at=WHEN)
    assert not list(g.triples((None, CG.partOf, None)))


def test_same_document_same_graph():
    a = document_graph(sample_doc(), ingested_at=WHEN)[1]
    b = document_graph(sample_doc(), ingested_at=WHEN)[1]
    assert isomorphic(a, b)


def test_provenance_of_the_announcement():
    _, g = document_graph(sample_doc(), ingested_at=WHEN, extractor_version="9.9")
    ann = mint("announcement", "acme-2020")
    activity = g.value(ann, PROV.wasGeneratedBy)
    assert g.value(activity, CG.extractorVersion) == Literal("9.9")
    assert g.value(activity, PROV.endedAtTime).toPython() == WHEN
    assert g.value(ann, CG.text).startswith("Acme joined")


def test_figure():
    _, g = document_graph(sample_doc(), ingested_at=WHEN)
    figure = g.value(predicate=RDF.type, object=CG.Figure)
    assert g.value(figure, CG.about) == mint("programme", "Go")
    assert g.value(figure, CG.qualifier) == Literal("more than")
    assert g.value(figure, SDO.value).toPython() == 120


@pytest.mark.parametrize(
    "fact,needle",
    [
        (Fact("Nobody", "member of programme", "Go"), "Nobody"),
        (Fact("Acme", "likes", "Go"), "unknown relation"),
        (Fact("Acme", "member of programme", "Go", date="June 2020"), "June 2020"),
    ],
)
def test_bad_facts_are_named(fact, needle):
    doc = sample_doc()
    doc.facts = [fact]
    with pytest.raises(InputError, match=needle):
        document_graph(doc, ingested_at=WHEN)


def test_date_literal_rejects_more_precision_than_given():
    assert date_literal("2014-07-18").datatype == XSD.date
    with pytest.raises(InputError):
        date_literal("18.07.2014")


def test_graph_parses_as_turtle_round_trip():
    _, g = document_graph(sample_doc(), ingested_at=WHEN)
    again = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert isomorphic(g, again)
