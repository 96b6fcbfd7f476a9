from rdflib import Graph, Literal, Namespace
from rdflib import namespace as rdfns
from rdflib.namespace import RDF, SKOS

from clustergraph.extract import Gazetteer, extract_text
from clustergraph.extract.gazetteer import name_key, reference_graph
from clustergraph.store import backend_class
from clustergraph.vocab import CG, graph_iri

ID = Namespace("https://w3id.org/test/id/")


def _gazetteer():
    g = Graph()
    g.add((ID.old, RDF.type, CG.Ministry))
    g.add((ID.old, SKOS.prefLabel, Literal("Bundesministerium für Zukunft", lang="de")))
    g.add((ID.old, CG.acronym, Literal("BMZ")))
    g.add((ID.old, rdfns.SDO.dissolutionDate, Literal("2020-01-01")))
    g.add((ID.new, RDF.type, CG.Ministry))
    g.add((ID.new, SKOS.prefLabel, Literal("Bundesministerium für Zukunft", lang="de")))
    g.add((ID.new, rdfns.SDO.foundingDate, Literal("2023-05-01")))
    g.add((ID.bw, RDF.type, CG.Region))
    g.add((ID.bw, SKOS.prefLabel, Literal("Baden-Württemberg", lang="de")))
    g.add((ID.de, RDF.type, CG.Region))
    g.add((ID.de, SKOS.prefLabel, Literal("Deutschland", lang="de")))
    g.add((ID.bw, CG.partOf, ID.de))
    g.add((ID.alpha, RDF.type, CG.Cluster))
    g.add((ID.alpha, SKOS.prefLabel, Literal("Alpha Netzwerk")))
    g.add((ID.alpha, SKOS.altLabel, Literal("AlphaNet")))
    return Gazetteer.from_graph(g)


def test_name_keys_ignore_case_legal_form_and_hyphenation():
    assert name_key("Alpha-Netzwerk e.V.") == name_key("alpha netzwerk") == name_key("ALPHA NETZWERK GmbH")


def test_lookup_resolves_aliases_and_dates():
    g = _gazetteer()
    assert g.lookup("alphanet").iri == str(ID.alpha)
    assert g.lookup("Bundesministerium für Zukunft", date="2015-06-01").iri == str(ID.old)
    assert g.lookup("Bundesministerium für Zukunft", date="2024").iri == str(ID.new)
    assert g.lookup("Gamma") is None


def test_from_store_uses_query_only():
    graph = _gazetteer()

    class FakeStore:
        def query(self, sparql, **kwargs):
            from clustergraph.store.base import QueryResult
            assert "CONSTRUCT" in sparql
            g = Graph()
            g.add((ID.x, RDF.type, CG.Programme))
            g.add((ID.x, SKOS.prefLabel, Literal("Zukunftsprogramm X")))
            return QueryResult(kind="CONSTRUCT", graph=g)

    store_gazetteer = Gazetteer.from_store(FakeStore())
    assert store_gazetteer.lookup("zukunftsprogramm x").type == "Programme"
    assert len(graph) == 5


def test_mentions_resolve_through_the_gazetteer_and_acronyms():
    text = ("Stuttgart, 4. Mai 2015 - Der baden-württembergische Cluster AlphaNet erhält Mittel des "
            "Bundesministeriums für Zukunft (BMZ). Das BMZ fördert AlphaNet seit 2014.")
    doc = extract_text(text, gazetteer=_gazetteer()).document
    by_type = {(e.type, e.name): e for e in doc.entities}
    ministry = by_type[("Ministry", "Bundesministerium für Zukunft")]
    assert ministry.iri == str(ID.old) and "BMZ" in ministry.aliases
    assert by_type[("Cluster", "Alpha Netzwerk")].iri == str(ID.alpha)
    facts = {(f.subject, f.relation, f.object) for f in doc.facts}
    assert ("Alpha Netzwerk", "located in", "Baden-Württemberg") in facts
    assert ("Alpha Netzwerk", "funded by", "Bundesministerium für Zukunft") in facts
    assert ("Baden-Württemberg", "part of", "Deutschland") in {(f.subject, f.relation, f.object) for f in doc.facts
                                                                if f.basis == "reference"}


def test_unknown_names_are_minted_and_titles_stripped():
    text = ("Kiel, 2. April 2013 – Das Photonik-Netzwerk Lichtblick e.V. wächst. „Wir sind froh“, sagt "
            "Prof. Dr.-Ing. Jana Beispiel, Geschäftsführerin des Netzwerks.")
    doc = extract_text(text, gazetteer=Gazetteer()).document
    person = next(e for e in doc.entities if e.type == "Person")
    assert person.name == "Jana Beispiel"
    assert person.iri.endswith("/person/jana-beispiel")
    cluster = next(e for e in doc.entities if e.type == "Cluster")
    assert cluster.iri.endswith("/cluster/" + "photonik-netzwerk-lichtblick")
    assert ("Jana Beispiel", "managing director of", cluster.name) in {(f.subject, f.relation, f.object) for f in doc.facts}
    # a field that only appears inside the cluster's own name is no evidence of its sector (docs/devset.md)
    assert not [f for f in doc.facts if f.relation == "sector"]


def test_region_adjectives_in_both_languages():
    text = ("Munich, 3 May 2020 – The Bavarian robotics network RoboNet Alpen received funding from the "
            "Federal Ministry of Education and Research.")
    doc = extract_text(text).document
    facts = {(f.subject, f.relation, f.object) for f in doc.facts}
    assert ("RoboNet Alpen", "located in", "Bayern") in facts
    assert any(r == "jurisdiction" and o == "Deutschland" for _, r, o in facts)


def test_from_store_with_a_real_backend():
    store = backend_class("memory")()
    store.replace_graph(graph_iri("reference", "test"), list(reference_graph()))
    gazetteer = Gazetteer.from_store(store)
    entry = gazetteer.lookup("Bundesministerium für Wirtschaft und Energie", date="2014-07-18")
    assert entry is not None and entry.iri.endswith("/ministry/bmwi")
    assert gazetteer.lookup("Bundesministerium für Wirtschaft und Energie", date="2025-07-01").iri.endswith("/ministry/bmwe")


def test_coordinated_sector_compound_names_the_cluster():
    doc = extract_text("München, 1. Mai 2022 – Der bayerische Luft- und Raumfahrtcluster AeroWerk München darf "
                       "sich mit dem Gold-Label schmücken.").document
    names = {e.name: e for e in doc.entities}
    assert "AeroWerk München" in names and names["AeroWerk München"].type == "Cluster"
    assert "AeroWerk" in names["AeroWerk München"].aliases


def test_about_us_heading_is_no_organisation():
    doc = extract_text("About us\n\nSolarNet Baden e.V. is a cluster based in Freiburg.", media_type="text/plain").document
    assert not any(e.name.lower() == "us" for e in doc.entities)
    assert ("SolarNet Baden", "located in", "Freiburg") in {(f.subject, f.relation, f.object) for f in doc.facts}


def test_organisation_after_a_role_comma_is_not_a_person():
    doc = extract_text("London, 2 May 2021 – Signed by John Smith (CEO, Gamma Cluster Ltd) yesterday.").document
    assert not any(e.type == "Person" and "Cluster" in e.name for e in doc.entities)
