"""The networkx side of the viewer: projection from RDF, metrics, views, layout, network data."""

from __future__ import annotations

import networkx as nx
import pytest

from clustergraph.analytics.bridges import bridging_programmes
from clustergraph.analytics.communities import communities
from clustergraph.analytics.layout import anchored_layout
from clustergraph.analytics.paths import connection_paths
from clustergraph.analytics.projection import entity_graph, graph_from_rows
from clustergraph.analytics.ranking import most_connected
from clustergraph.analytics.regions import lands_of
from clustergraph.analytics.views import as_of, date_range, neighbourhood
from clustergraph.network import SERVER_LAYOUT_FROM, network_data
from clustergraph.vocab import mint

BIOSAXONY = str(mint("cluster", "biosaxony"))
GO_CLUSTER = str(mint("programme", "go-cluster"))
SACHSEN = str(mint("region", "Sachsen"))
DEUTSCHLAND = str(mint("region", "Deutschland"))


def small_graph() -> nx.MultiDiGraph:
    """Two Länder under one country, three clusters, two programmes, one person."""
    nodes = [
        ("de", "Region", "Deutschland", "de", "pref"), ("de", "Region", "Germany", "en", "pref"),
        ("sn", "Region", "Sachsen", "de", "pref"), ("by", "Region", "Bayern", "de", "pref"),
        ("dd", "Region", "Dresden", "", "pref"),
        ("a", "Cluster", "Alpha", "", "pref"), ("a", "Cluster", "Alpha e.V.", "", "alt"),
        ("b", "Cluster", "Beta", "", "pref"), ("c", "Cluster", "Gamma", "", "pref"),
        ("go", "Programme", "go-cluster", "", "pref"), ("zi", "Programme", "Zukunft", "", "pref"),
        ("p", "Person", "Pat", "", "pref"),
    ]
    edges = [
        ("sn", "part of", "de", None), ("by", "part of", "de", None), ("dd", "part of", "sn", None),
        ("a", "located in", "dd", None), ("b", "located in", "by", None), ("c", "located in", "by", None),
        ("a", "member of programme", "go", "2014-06"), ("b", "member of programme", "go", "2016"),
        ("c", "member of programme", "zi", "2020-01-15"), ("a", "member of programme", "zi", None),
        ("p", "managing director of", "a", None),
    ]
    return graph_from_rows(nodes, edges)


def test_graph_from_rows_keeps_labels_per_language_and_aliases():
    G = small_graph()
    assert G.nodes["de"]["labels"] == {"de": "Deutschland", "en": "Germany"}
    assert G.nodes["a"]["aliases"] == ["Alpha e.V."]
    assert G.edges["a", "go", "member of programme"]["date"] == "2014-06"
    assert G.number_of_edges() == 11


def test_edges_to_unknown_nodes_are_left_out():
    G = graph_from_rows([("a", "Cluster", "A", "", "pref")], [("a", "located in", "nowhere", None)])
    assert G.number_of_edges() == 0


def test_most_connected_counts_distinct_neighbours():
    ranking = most_connected(small_graph(), "Cluster")["ranking"]
    assert [row["id"] for row in ranking] == ["a", "b", "c"]
    assert ranking[0]["degree"] == 4  # dd, go, zi, p


def test_lands_climb_part_of_to_the_level_below_the_country():
    G = small_graph()
    assert lands_of(G, "a") == ["sn"]  # located in Dresden, part of Sachsen
    assert lands_of(G, "b") == ["by"]


def test_bridging_programmes_count_distinct_lands():
    rows = {row["id"]: row for row in bridging_programmes(small_graph())["ranking"]}
    assert rows["go"]["lands"] == 2 and rows["go"]["members"] == 2
    assert rows["zi"]["lands"] == 2
    assert rows["go"]["by_land"] == {"sn": 1, "by": 1}


def test_communities_split_two_dense_groups():
    G = nx.MultiDiGraph()
    for group in ("x", "y"):
        members = [f"{group}{i}" for i in range(5)]
        for i, u in enumerate(members):
            for v in members[i + 1:]:
                G.add_edge(u, v, key="partner of")
    G.add_edge("x0", "y0", key="partner of")
    result = communities(G)
    found = sorted(sorted(c["members"]) for c in result["communities"])
    assert found == [[f"x{i}" for i in range(5)], [f"y{i}" for i in range(5)]]
    assert result["modularity"] > 0.3


def test_connection_paths_follow_relations_both_ways():
    result = connection_paths(small_graph(), "p", "c")
    assert result["length"] == 3
    assert ["p", "a", "zi", "c"] in [path["nodes"] for path in result["paths"]]
    with pytest.raises(KeyError):
        connection_paths(small_graph(), "p", "nobody")


def test_unconnected_entities_have_no_path():
    G = small_graph()
    G.add_node("lonely", type="Cluster", labels={"": "Lonely"}, aliases=[])
    assert connection_paths(G, "a", "lonely") == {"source": "a", "target": "lonely", "length": None, "paths": []}


def test_as_of_hides_later_facts_and_entities_known_only_from_them():
    G = small_graph()
    before = as_of(G, "2015-12-31")
    assert not before.has_edge("b", "go")  # joined 2016
    assert before.has_edge("a", "go")
    assert "b" in before  # still located in Bayern (undated)
    H = nx.MultiDiGraph()
    H.add_edge("x", "y", key="member of programme", date="2020")
    assert set(as_of(H, "2019")) == set()
    assert date_range(G) == ("2014-06-01", "2020-01-15")


def test_neighbourhood_is_bounded_and_says_so():
    G = small_graph()
    around = neighbourhood(G, "go", depth=1)
    assert set(around["nodes"]) == {"go", "a", "b"} and not around["truncated"]
    cut = neighbourhood(G, "a", depth=2, limit=3)
    assert len(cut["nodes"]) == 3 and cut["truncated"] and cut["total"] > 3
    assert cut["nodes"][0] == "a"


def test_layout_gives_every_node_its_own_spot():
    G = small_graph()
    for i in range(600):
        G.add_node(f"iso{i}", type="Cluster", labels={"": f"I{i}"}, aliases=[])
        G.add_edge(f"iso{i}", "go" if i % 2 else "by", key="member of programme")
    pos = anchored_layout(G)
    assert set(pos) == set(G)
    assert len(set(pos.values())) == len(pos)


def test_network_data_uses_server_layout_for_large_graphs():
    G = small_graph()
    small = network_data(G)
    assert small["layout"] == "physics" and "x" not in small["nodes"][0]
    assert small["options"]["physics"]["enabled"] is True
    for i in range(SERVER_LAYOUT_FROM):
        G.add_node(f"n{i}", type="Cluster", labels={"": f"N{i}"}, aliases=[])
        G.add_edge(f"n{i}", "go", key="member of programme", relation="member of programme")
    large = network_data(G)
    assert large["layout"] == "server"
    assert all("x" in node and "y" in node for node in large["nodes"])
    assert large["options"]["physics"]["enabled"] is False


def test_network_data_of_a_subset_keeps_only_edges_inside_it():
    data = network_data(small_graph(), nodes=["a", "go", "p"], lang="de")
    assert {n["id"] for n in data["nodes"]} == {"a", "go", "p"}
    assert {(e["from"], e["to"]) for e in data["edges"]} == {("a", "go"), ("p", "a")}
    assert {item["type"] for item in data["legend"]} == {"Cluster", "Programme", "Person"}
    alpha = next(n for n in data["nodes"] if n["id"] == "a")
    assert alpha["names"] == ["Alpha", "Alpha e.V."] and alpha["degree"] == 4


def test_entity_graph_projects_the_store(viewer_store):
    G = entity_graph(viewer_store)
    assert G.nodes[BIOSAXONY]["type"] == "Cluster"
    assert "biosaxony e.V." in G.nodes[BIOSAXONY]["aliases"]
    assert G.nodes[SACHSEN]["labels"]["en"] == "Saxony"
    assert G.edges[BIOSAXONY, GO_CLUSTER, "member of programme"]["date"] == "2014-06"
    assert G.has_edge(SACHSEN, DEUTSCHLAND, "part of")  # from the reference data
    assert lands_of(G, BIOSAXONY) == [SACHSEN]
