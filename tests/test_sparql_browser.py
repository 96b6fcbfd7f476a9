"""The SPARQL editor and a question page in headless Chromium: they work under the server's CSP,
run queries against our /sparql, and no request leaves 127.0.0.1."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import pytest

from clustergraph.config import load_settings
from clustergraph.server import create_app
from clustergraph.store.oxigraph import OxigraphStore

from conftest import BROWSER_MARKS, LiveServer, fill_sample_store

pytestmark = BROWSER_MARKS
pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    store = fill_sample_store(OxigraphStore(tmp_path_factory.mktemp("browser") / "store"))
    settings = load_settings(environ={}, overrides={"store": "oxigraph", "store_path": str(store.path)})
    server = LiveServer(create_app(settings, store=store))
    yield server
    server.stop()
    store.close()


@pytest.fixture
def page(browser):
    """A page whose requests outside 127.0.0.1 are aborted and recorded, with its errors."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    outside, errors, sparql_posts = [], [], []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(("data:", "blob:")) or urlsplit(url).hostname == "127.0.0.1":
            if urlsplit(url).path == "/sparql" and request_route.request.method == "POST":
                sparql_posts.append(request_route.request.post_data or "")
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort()

    context.route("**/*", route)
    opened = context.new_page()
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" and "sourceMappingURL" not in m.text
              and ".map" not in m.text else None)
    opened.outside, opened.errors, opened.sparql_posts = outside, errors, sparql_posts
    yield opened
    context.close()
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    assert errors == [], f"errors in the page: {errors}"


def test_the_editor_runs_a_query_and_shows_the_table(live, page):
    page.goto(live.url + "/sparql")
    page.wait_for_function("window.clustergraphYasgui && window.clustergraphYasgui.getTab().getYasqe()")
    text = page.evaluate("window.clustergraphYasgui.getTab().getQuery()")
    assert "PREFIX cg: <https://w3id.org/clustergraph/ontology#>" in text
    assert "PREFIX cgid: <https://w3id.org/clustergraph/id/>" in text
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table.dataTable tbody tr", timeout=30_000)
    table = page.inner_text(".yasr table.dataTable")
    assert "go-cluster" in table and "biosaxony" in table
    assert page.sparql_posts and "query=" in page.sparql_posts[0]


def test_a_gallery_question_goes_into_the_editor(live, page):
    page.goto(live.url + "/sparql")
    page.wait_for_function("window.clustergraphYasgui && window.clustergraphYasgui.getTab().getYasqe()")
    page.click("[data-load-query=ecei-label-holders]")
    query = page.evaluate("window.clustergraphYasgui.getTab().getQuery()")
    assert query.startswith("# title: Clusters holding an ECEI label")
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table.dataTable tbody tr", timeout=30_000)
    assert "ecei-gold-label" in page.inner_text(".yasr table.dataTable")


def test_a_share_link_opens_the_editor_with_its_query(live, page):
    query = "SELECT ?label WHERE { ?l a <https://w3id.org/clustergraph/ontology#QualityLabel> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
    page.goto(f"{live.url}/sparql?query={quote(query)}&endpoint={quote('https://dbpedia.org/sparql')}")
    page.wait_for_function("window.clustergraphYasgui && window.clustergraphYasgui.getTab().getYasqe()")
    assert page.evaluate("window.clustergraphYasgui.getTab().getQuery()") == query
    assert page.evaluate("window.clustergraphYasgui.getTab().getEndpoint()") == live.url + "/sparql"
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table.dataTable tbody tr", timeout=30_000)
    assert "ECEI Gold Label" in page.inner_text(".yasr table.dataTable")


def test_prefix_completion_offers_the_project_prefixes(live, page):
    page.goto(live.url + "/sparql")
    page.wait_for_function("window.clustergraphYasgui && window.clustergraphYasgui.getTab().getYasqe()")
    offered = page.evaluate(
        "Promise.resolve(Yasgui.Yasqe.Autocompleters.prefixes.get(window.clustergraphYasgui.getTab().getYasqe()))"
    )
    assert offered[0] == "cg: <https://w3id.org/clustergraph/ontology#>"
    assert "cgid: <https://w3id.org/clustergraph/id/>" in offered
    assert len(offered) > 100  # the bundled list follows


def test_a_question_page_sorts_its_table(live, page):
    page.goto(live.url + "/queries/programme-members")
    first = page.inner_text("#results tbody tr:first-child td:nth-child(3)")
    assert first == "Medical Valley EMN"
    page.click("#results thead th:nth-child(3)")
    assert page.inner_text("#results tbody tr:first-child td:nth-child(3)") == "biosaxony"
