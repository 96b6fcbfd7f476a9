"""The dicts behind the viewer's pages, built from the viewer's test data (no HTTP)."""

from __future__ import annotations

import pytest

from clustergraph.analytics.projection import entity_graph
from clustergraph.server.i18n import STRINGS, choose_language, relation_label, translate
from clustergraph.server.pages.announcement import announcement_page, announcements_page, highlight
from clustergraph.server.pages.entity import entity_page
from clustergraph.server.pages.graph import NotInGraph, analytics_page, graph_page, path_page, search_page
from clustergraph.server.pages.overview import overview_page
from clustergraph.vocab import DEFAULT_BASE, mint

BASE = DEFAULT_BASE
BIOSAXONY = str(mint("cluster", "biosaxony"))
GO_CLUSTER = str(mint("programme", "go-cluster"))
MEDICAL = str(mint("cluster", "Medical Mountains"))
XSS_LABEL = "<img src=x onerror=alert(1)>"
SEED = str(mint("announcement", "biosaxony-go-cluster-2014"))
MEMBERSHIP_SENTENCE = (
    "Im Juni 2014 wurde biosaxony in die Riege der exzellent vernetzten nationalen Innovationscluster aufgenommen."
)


@pytest.fixture
def G(viewer_store):
    return entity_graph(viewer_store)


def test_graph_page_holds_every_entity_with_labels_in_the_language(G):
    data = graph_page(G, base=BASE, lang="en")
    assert len(data["nodes"]) == G.number_of_nodes() and not data["truncated"]
    labels = {node["id"]: node["label"] for node in data["nodes"]}
    assert labels[str(mint("region", "Sachsen"))] == "Saxony"
    assert graph_page(G, base=BASE, lang="de")["nodes"][0]["label"]  # every node labelled
    de = {n["id"]: n["label"] for n in graph_page(G, base=BASE, lang="de")["nodes"]}
    assert de[str(mint("region", "Sachsen"))] == "Sachsen"
    assert data["dates"] == {"first": "2014-06-01", "last": "2020-01-01"}
    bio = next(n for n in data["nodes"] if n["id"] == BIOSAXONY)
    assert bio["href"] == "/id/cluster/biosaxony"
    assert data["relations"]["member of programme"] == "member of programme"
    assert graph_page(G, base=BASE, lang="de")["relations"]["member of programme"] == "Mitglied im Programm"


def test_graph_page_focus_depth_limit_and_date(G):
    around = graph_page(G, base=BASE, focus=BIOSAXONY, depth=1)
    assert {n["id"] for n in around["nodes"]} == {
        BIOSAXONY, GO_CLUSTER, str(mint("region", "Sachsen")), str(mint("sector", "Life Sciences")),
        str(mint("person", "André Hofmann")),
    }
    assert around["focus"]["label"] == "biosaxony" and around["depth"] == 1
    cut = graph_page(G, base=BASE, focus=GO_CLUSTER, depth=1, limit=2)
    assert len(cut["nodes"]) == 2 and cut["truncated"] and cut["total"] > 2
    before = graph_page(G, base=BASE, date="2015")
    keys = {(e["from"], e["relation"], e["to"]) for e in before["edges"]}
    assert (BIOSAXONY, "member of programme", GO_CLUSTER) in keys
    assert (MEDICAL, "member of programme", GO_CLUSTER) not in keys  # joined March 2016
    assert len(graph_page(G, base=BASE, limit=5)["nodes"]) == 5
    with pytest.raises(NotInGraph):
        graph_page(G, base=BASE, focus=BASE + "id/cluster/nobody")


def test_search_finds_prefixes_aliases_and_other_languages(G):
    assert search_page(G, "bios", base=BASE)["results"][0]["iri"] == BIOSAXONY
    assert search_page(G, "BIOSAXONY E", base=BASE)["results"][0]["matched"] == "biosaxony e.V."
    assert search_page(G, "saxony", base=BASE)["results"][0]["iri"] == str(mint("region", "Sachsen"))
    assert search_page(G, "Freistaat Sachsen", base=BASE)["results"][0]["label"] == "Saxony"
    assert search_page(G, "", base=BASE)["results"] == []


def test_analytics_and_paths(G):
    data = analytics_page(G, base=BASE)
    assert {row["iri"] for row in data["most_connected"]} >= {BIOSAXONY, MEDICAL}
    go = next(row for row in data["bridging_programmes"] if row["iri"] == GO_CLUSTER)
    assert go["lands"] == 3 and go["members"] == 3
    assert data["communities"] and all(c["size"] >= 2 for c in data["communities"])
    path = path_page(G, BIOSAXONY, MEDICAL, base=BASE, lang="de")
    assert path["length"] == 2
    assert [n["label"] for n in path["paths"][0]["nodes"]] == ["biosaxony", "go-cluster", "Medical Mountains"]
    assert path["paths"][0]["steps"][1]["relations"] == [
        {"relation": "member of programme", "forward": False, "label": "Mitglied im Programm"}
    ]


def test_entity_page_has_facts_with_evidence_and_source(viewer_store, G):
    data = entity_page(viewer_store, G, BIOSAXONY, base=BASE, lang="en")
    assert data["label"] == "biosaxony" and data["type"] == "Cluster"
    assert data["aliases"] == ["biosaxony e.V.", "sächsischer Life-Sciences-Cluster"]
    membership = next(f for f in data["facts"] if f["relation"] == "member of programme")
    assert membership["direction"] == "out" and membership["date"] == "2014-06"
    assert membership["other"]["iri"] == GO_CLUSTER
    [evidence] = membership["evidence"]
    assert evidence["sentence"] == MEMBERSHIP_SENTENCE
    assert evidence["announcement_href"].startswith("/announcements/biosaxony-go-cluster-2014#ev-")
    director = next(f for f in data["facts"] if f["relation"] == "managing director of")
    assert director["direction"] == "in" and director["other"]["label"] == "André Hofmann"
    assert data["timeline"][0] == {
        "date": "2014-06", "relation_label": "member of programme", "other": membership["other"], "direction": "out",
    }
    assert {n["id"] for n in data["network"]["nodes"]} >= {BIOSAXONY, GO_CLUSTER}


def test_reference_facts_name_their_graph(viewer_store, G):
    data = entity_page(viewer_store, G, str(mint("region", "Sachsen")), base=BASE, lang="de")
    part_of = next(f for f in data["facts"] if f["relation"] == "part of")
    assert part_of["reference"] and part_of["graphs"] == [BASE + "graph/reference/regions"]
    assert any(p["property"] == "cg:nutsCode" and p["value"] == "DED" for p in data["properties"])
    assert data["label"] == "Sachsen" and "Saxony" in data["aliases"]


def test_unknown_iri_has_no_page(viewer_store, G):
    assert entity_page(viewer_store, G, BASE + "id/cluster/nobody", base=BASE) is None
    assert announcement_page(viewer_store, G, BASE + "id/announcement/nothing", base=BASE) is None
    assert announcement_page(viewer_store, G, BIOSAXONY, base=BASE) is None  # not an announcement


def test_announcement_page_highlights_every_evidence(viewer_store, G):
    data = announcement_page(viewer_store, G, SEED, base=BASE, lang="en")
    assert data["title"] == "biosaxony wird Mitglied im go-cluster-Programm des BMWi"
    assert data["metadata"]["issued"] == "2014-07-18" and data["metadata"]["place"] == "Dresden"
    assert data["provenance"]["graph"] == BASE + "graph/announcement/biosaxony-go-cluster-2014"
    assert data["provenance"]["extractor"] == "0.1.0"
    membership = next(f for f in data["facts"] if f["relation"] == "member of programme")
    marked = [s for s in data["segments"] if membership["id"] in s["facts"]]
    assert "".join(s["text"] for s in marked) == MEMBERSHIP_SENTENCE
    assert marked[0]["first"] == [membership["id"]]
    # the text has typographic quotes the evidence lacks: found by its words
    assert all(f["found"] for f in data["facts"])
    assert "".join(s["text"] for s in data["segments"]) == data["text"]
    assert {f["measure"] for f in data["figures"]} == {"benchmarking covers clusters", "benchmarking covers countries"}


def test_highlight_merges_overlapping_evidence():
    segments = highlight("abcdef", [
        {"id": "x", "sentence": "abcd", "start": 0, "end": 4},
        {"id": "y", "sentence": "cdef", "start": None, "end": None},
    ])
    assert [(s["text"], s["facts"]) for s in segments] == [("ab", ["x"]), ("cd", ["x", "y"]), ("ef", ["y"])]


def test_announcements_newest_first_and_overview(viewer_store, G):
    items = announcements_page(viewer_store, G, base=BASE)["announcements"]
    assert [i["issued"] for i in items] == ["2020-05-01", "2016-03-02", "2014-07-18"]
    assert items[-1]["facts"] == 10
    data = overview_page(viewer_store, G, base=BASE, lang="de")
    counts = {row["type"]: row["count"] for row in data["counts"]}
    assert counts["Cluster"] == 3 and counts["Region"] >= 17
    assert data["memberships_per_year"][0] == {"year": "2014", "count": 1}
    assert [row["year"] for row in data["memberships_per_year"]] == [str(y) for y in range(2014, 2021)]
    lands = {row["label"]: row["count"] for row in data["clusters_per_land"]}
    assert lands == {"Sachsen": 1, "Baden-Württemberg": 1, "Bayern": 1}
    assert len(data["charts"]["lands"]["bars"]) == 3
    assert data["newest"][0]["issued"] == "2020-05-01"


def test_markup_in_labels_stays_plain_data(viewer_store, G):
    hit = search_page(G, "<img", base=BASE)["results"][0]
    assert hit["label"] == XSS_LABEL
    data = entity_page(viewer_store, G, hit["iri"], base=BASE)
    assert data["label"] == XSS_LABEL and data["aliases"] == ["<script>alert(2)</script>"]


def test_every_german_string_has_an_english_one():
    assert set(STRINGS["de"]) == set(STRINGS["en"])
    assert translate("de", "cut", shown=3, total=9) == "3 von 9 Entitäten gezeigt."
    assert relation_label("de", "part of") == "Teil von"
    assert choose_language("xx", "de", []) == "de"
    assert choose_language(None, None, []) == "en"


def test_projection_reads_entities_and_relations_repeated_in_many_graphs_once():
    """The union of named graphs repeats what several announcements state; the projection's
    queries deduplicate (a join of repeated patterns once multiplied the rows), keep every
    label and alias, and date each relation by its earliest stated date."""
    from rdflib import BNode, Literal
    from rdflib.namespace import RDF, RDFS, SKOS

    from clustergraph.store.oxigraph import OxigraphStore
    from clustergraph.vocab import CG, graph_iri

    cluster, programme = mint("cluster", "Acme"), mint("programme", "go-cluster")
    quads = []
    for index, month in enumerate(["2016-03", "2014-06", None, "2015"]):
        graph = graph_iri("announcement", f"acme-{index}")
        quads += [(cluster, RDF.type, CG.Cluster, graph), (cluster, RDFS.label, Literal("Acme"), graph),
                  (cluster, SKOS.prefLabel, Literal("Acme"), graph),
                  (cluster, SKOS.altLabel, Literal(f"Acme e.V. {index % 2}"), graph),
                  (programme, RDF.type, CG.Programme, graph), (programme, RDFS.label, Literal("go-cluster"), graph),
                  (cluster, CG.memberOf, programme, graph)]
        if month:
            membership = BNode()
            quads += [(membership, CG.cluster, cluster, graph), (membership, CG.programme, programme, graph),
                      (membership, CG.startDate, Literal(month), graph)]
    with OxigraphStore(None) as store:
        store.add_quads(quads)
        graph = entity_graph(store)
    assert sorted(graph.nodes) == sorted([str(cluster), str(programme)])
    assert graph.nodes[str(cluster)]["aliases"] == ["Acme e.V. 0", "Acme e.V. 1"]
    edges = list(graph.edges(keys=True, data="date"))
    assert edges == [(str(cluster), str(programme), "member of programme", "2014-06")]
