"""The viewer's routes: HTML pages, their .json twins, languages, errors, escaping."""

from __future__ import annotations

import re

import pytest

from clustergraph.resources import web_dir

XSS_LABEL = "<img src=x onerror=alert(1)>"

PAGES = [
    ("/", "/graph.json"),
    ("/announcements", "/announcements.json"),
    ("/announcements/biosaxony-go-cluster-2014", "/announcements/biosaxony-go-cluster-2014.json"),
    ("/overview", "/overview.json"),
    ("/id/cluster/biosaxony", "/id/cluster/biosaxony.json"),
    ("/id/announcement/biosaxony-go-cluster-2014", "/id/announcement/biosaxony-go-cluster-2014.json"),
]


@pytest.mark.parametrize("html_path, json_path", PAGES)
def test_every_page_has_a_json_twin(viewer_client, html_path, json_path):
    page = viewer_client.get(html_path)
    assert page.status_code == 200 and page.mimetype == "text/html"
    twin = viewer_client.get(json_path)
    assert twin.status_code == 200 and twin.mimetype == "application/json"
    assert isinstance(twin.get_json(), dict)


def test_html_and_json_come_from_the_same_data(viewer_client):
    data = viewer_client.get("/graph.json").get_json()
    page = viewer_client.get("/").get_data(as_text=True)
    embedded = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S).group(1)
    import json

    assert json.loads(embedded) == data
    entity = viewer_client.get("/id/cluster/biosaxony.json").get_json()
    html = viewer_client.get("/id/cluster/biosaxony").get_data(as_text=True)
    evidences = [evidence for fact in entity["facts"] for evidence in fact["evidence"]]
    assert evidences  # the loop below checks something
    for evidence in evidences:
        assert evidence["sentence"] in html


def test_entity_page_shows_membership_with_date_and_links(viewer_client):
    html = viewer_client.get("/id/cluster/biosaxony").get_data(as_text=True)
    assert "Im Juni 2014 wurde biosaxony in die Riege" in html
    assert '<td class="date">2014-06</td>' in html
    assert 'href="/id/cluster/biosaxony.ttl"' in html and 'href="/id/cluster/biosaxony.jsonld"' in html
    assert 'href="/announcements/biosaxony-go-cluster-2014#ev-' in html


def test_linked_data_negotiates_json(viewer_client):
    response = viewer_client.get("/id/cluster/biosaxony", headers={"Accept": "application/json"})
    assert response.mimetype == "application/json" and response.get_json()["label"] == "biosaxony"
    assert "Accept" in response.headers.get("Vary", "")
    browser = viewer_client.get("/id/cluster/biosaxony", headers={"Accept": "text/html,*/*;q=0.8"})
    assert browser.mimetype == "text/html"


def test_query_parameters(viewer_client):
    focus = viewer_client.get("/graph.json?focus=cluster/biosaxony&depth=1").get_json()
    assert len(focus["nodes"]) == 5 and focus["focus"]["label"] == "biosaxony"
    full_iri = viewer_client.get(
        "/graph.json", query_string={"focus": "https://w3id.org/clustergraph/id/cluster/biosaxony", "depth": "2"}
    ).get_json()
    assert len(full_iri["nodes"]) > 5
    assert viewer_client.get("/search.json?q=bios").get_json()["results"][0]["label"] == "biosaxony"
    path = viewer_client.get("/path.json?from=cluster/biosaxony&to=cluster/medical-mountains").get_json()
    assert path["length"] == 2
    analytics = viewer_client.get("/analytics.json").get_json()
    assert analytics["most_connected"] and "modularity" in analytics


@pytest.mark.parametrize(
    "url, status",
    [
        ("/graph.json?depth=x", 400),
        ("/graph.json?depth=9", 400),
        ("/graph.json?date=June", 400),
        ("/graph.json?focus=cluster/nobody", 404),
        ("/path.json?from=cluster/biosaxony", 400),
        ("/path.json?from=cluster/biosaxony&to=cluster/nobody", 404),
        ("/id/cluster/nobody.json", 404),
        ("/announcements/nothing.json", 404),
    ],
)
def test_bad_requests_answer_with_the_error_shape(viewer_client, url, status):
    response = viewer_client.get(url, headers={"Accept": "application/json"})
    assert response.status_code == status
    error = response.get_json()["error"]
    assert error["status"] == status and error["detail"]


def test_missing_entity_page_is_a_friendly_404(viewer_client):
    response = viewer_client.get("/id/cluster/nobody", headers={"Accept": "text/html"})
    assert response.status_code == 404 and "Traceback" not in response.get_data(as_text=True)


def test_language_switch_and_accept_language(viewer_client):
    german = viewer_client.get("/overview?lang=de")
    assert "Überblick" in german.get_data(as_text=True)
    assert "lang=de" in german.headers.get("Set-Cookie", "")
    assert "Überblick" in viewer_client.get("/overview").get_data(as_text=True)  # the cookie remembers
    viewer_client.delete_cookie("lang")
    english = viewer_client.get("/overview", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert "Entities per class" in english.get_data(as_text=True)
    by_browser = viewer_client.get("/overview", headers={"Accept-Language": "de-DE,de;q=0.9"})
    assert "Entitäten je Klasse" in by_browser.get_data(as_text=True)
    data = viewer_client.get("/id/region/sachsen.json?lang=en").get_json()
    assert data["label"] == "Saxony"


def test_labels_with_markup_are_escaped_everywhere(viewer_client):
    iri_path = viewer_client.get("/search.json?q=%3Cimg").get_json()["results"][0]["href"]
    for url in ["/", iri_path, "/announcements/xss-test-2020", "/announcements", "/overview",
                "/id/programme/go-cluster"]:
        html = viewer_client.get(url).get_data(as_text=True)
        assert XSS_LABEL not in html, url
        assert "<script>alert(2)</script>" not in html, url
        assert "<b>bold</b>" not in html, url
    assert "&lt;img src=x onerror=alert(1)&gt;" in viewer_client.get(iri_path).get_data(as_text=True)


def test_pages_load_scripts_only_from_the_server(viewer_client):
    sources = []
    for url in ["/", "/id/cluster/biosaxony", "/announcements/biosaxony-go-cluster-2014", "/overview"]:
        response = viewer_client.get(url)
        html = response.get_data(as_text=True)
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
        page_sources = re.findall(r'<script[^>]*\bsrc="([^"]+)"', html)
        for src in page_sources:
            assert src.startswith("/"), src
        sources += page_sources
        assert not re.search(r"<script(?![^>]*\b(src|type=\"application/json\"))[^>]*>", html), url
        assert not re.search(r"<[a-z][^>]*\son[a-z]+=", html), url  # no inline event handlers
    assert sources  # the pages do load scripts, so the src check above ran
    assert viewer_client.get("/vendor/vis-network/vis-network.min.js").status_code == 200
    assert viewer_client.get("/vendor/../pyproject.toml").status_code == 404


def test_viewer_front_end_never_uses_inner_html_or_remote_urls():
    for name in ["network.js", "graph_page.js", "entity.js", "announcement.js"]:
        source = (web_dir() / "static" / "js" / name).read_text(encoding="utf-8")
        assert "innerHTML" not in source and "insertAdjacentHTML" not in source, name
        assert not re.search(r"https?://", source), name
    mine = ["base.html", "index.html", "entity.html", "announcement.html", "announcements.html",
            "overview.html", "partials/facts.html", "partials/bar_chart.html"]
    for name in mine:
        template = web_dir() / "templates" / name
        text = template.read_text(encoding="utf-8")
        assert "|safe" not in text.replace(" ", ""), template
        assert not re.search(r"(src|href)=\"https?://", text), template


def test_graph_views_are_built_once_per_parameters_until_the_store_changes(viewer_app, viewer_store, monkeypatch):
    from rdflib import Literal
    from rdflib.namespace import RDF, RDFS

    from clustergraph.server import viewer
    from clustergraph.vocab import CG, graph_iri, mint

    built = []
    real = viewer.graph_page
    monkeypatch.setattr(viewer, "graph_page", lambda G, **kw: built.append(kw) or real(G, **kw))
    client = viewer_app.test_client()
    first = client.get("/graph.json").get_json()
    assert client.get("/graph.json").get_json() == first
    assert client.get("/").status_code == 200  # the same view: embedded from the same cache entry
    assert len(built) == 1
    assert len(client.get("/graph.json?limit=5").get_json()["nodes"]) == 5
    assert len(built) == 2

    newcomer = mint("cluster", "Newcomer")
    graph = graph_iri("announcement", "newcomer")
    viewer_store.add_quads([(newcomer, RDF.type, CG.Cluster, graph),
                            (newcomer, RDFS.label, Literal("Newcomer"), graph)])
    after = client.get("/graph.json").get_json()
    assert len(built) == 3
    assert str(newcomer) in {node["id"] for node in after["nodes"]}
    assert len(after["nodes"]) == len(first["nodes"]) + 1


def test_graph_view_cache_keeps_the_latest_views_within_bounds(monkeypatch):
    import networkx as nx

    from clustergraph.server import viewer

    class Store:  # a store whose data never changes
        def data_version(self):
            return "v1"

    monkeypatch.setattr(viewer, "entity_graph", lambda opened: nx.MultiDiGraph())
    store, built = Store(), []

    def view(cache, key, nodes=1):
        return cache.view(store, key, lambda G: built.append(key) or {"nodes": [None] * nodes})

    few = viewer.GraphCache()
    few.VIEWS_KEPT = 3
    for key in "abcd":
        view(few, key)
    view(few, "a")  # the least recently asked of four went: built again
    view(few, "d"), view(few, "c")  # kept
    assert built == list("abcda")

    small = viewer.GraphCache()
    small.VIEW_NODES_KEPT = 25  # each view holds its nodes + 1
    built.clear()
    view(small, "a"), view(small, "b"), view(small, "big", 20)  # 2 + 2 + 21 nodes: all kept
    view(small, "a")
    assert built == ["a", "b", "big"]
    view(small, "c")  # 27 nodes: "b", the least recently asked, goes
    view(small, "a"), view(small, "big", 20), view(small, "c")
    assert built == ["a", "b", "big", "c"]
    view(small, "b")
    assert built[-1] == "b"
    view(small, "huge", 100)  # more than the bound alone: still kept, the others go
    view(small, "huge", 100)
    assert built[-1] == "huge" and built.count("huge") == 1
