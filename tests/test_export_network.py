"""Network exports: GraphML and GEXF load in networkx, CSV node and edge lists, subsets."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest

from clustergraph.analytics.projection import entity_graph
from clustergraph.export import iter_export, make_subset
from clustergraph.export_network import EDGE_COLUMNS, NODE_COLUMNS
from clustergraph.store.oxigraph import OxigraphStore
from clustergraph.vocab import CG, mint
from test_export import QUADS

BIOSAXONY = str(mint("cluster", "biosaxony"))
GO_CLUSTER = str(mint("programme", "go-cluster"))


@pytest.fixture(scope="module")
def store():
    with OxigraphStore(None) as opened:
        opened.add_quads(QUADS)
        yield opened


def export_text(store, fmt, **subset) -> str:
    return b"".join(iter_export(store, fmt, make_subset(**subset))).decode("utf-8")


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_load_in_networkx_with_labels_and_classes(store, fmt, read):
    G = read(io.BytesIO(export_text(store, fmt).encode("utf-8")))
    projection = entity_graph(store)
    assert set(G.nodes) == set(projection.nodes)
    assert G.number_of_edges() == projection.number_of_edges()
    biosaxony = G.nodes[BIOSAXONY]
    assert biosaxony["label"] == "biosaxony"
    assert biosaxony["type"] == "Cluster"
    assert biosaxony["class"] == str(CG.Cluster)
    assert "biosaxony e.V." in biosaxony["aliases"]
    edges = [data for _, target, data in G.out_edges(BIOSAXONY, data=True) if target == GO_CLUSTER]
    assert [(e["relation"], e["property"], e["date"]) for e in edges] == [
        ("member of programme", str(CG.memberOf), "2014-06")
    ]


def test_csv_node_and_edge_lists_match_the_projection(store):
    nodes = list(csv.DictReader(io.StringIO(export_text(store, "csv-nodes"))))
    edges = list(csv.DictReader(io.StringIO(export_text(store, "csv-edges"))))
    projection = entity_graph(store)
    assert tuple(nodes[0]) == NODE_COLUMNS and tuple(edges[0]) == EDGE_COLUMNS
    assert {row["id"] for row in nodes} == set(projection.nodes)
    assert len(edges) == projection.number_of_edges()
    assert {"source": BIOSAXONY, "target": GO_CLUSTER, "relation": "member of programme",
            "property": str(CG.memberOf), "date": "2014-06"} in edges
    assert [row["id"] for row in nodes] == sorted(row["id"] for row in nodes)


def test_the_network_of_a_neighbourhood_is_its_ego_graph(store):
    G = nx.read_graphml(io.BytesIO(export_text(store, "graphml", focus=BIOSAXONY).encode("utf-8")))
    expected = nx.ego_graph(entity_graph(store), BIOSAXONY, radius=1, undirected=True)
    assert set(G.nodes) == set(expected.nodes)
    assert G.number_of_edges() == expected.number_of_edges()
    assert str(mint("ministry", "Bundesministerium für Wirtschaft und Energie")) not in G
