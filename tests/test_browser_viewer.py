"""The viewer in a real browser: Debian's chromium, driven by Playwright.

The app runs in a thread on a free loopback port over a fresh store per test. Every request the
page makes is recorded (and any not for 127.0.0.1 aborted and failed), console errors and
uncaught exceptions fail the test, and so would any dialog (``alert``) a page opened.
"""

from __future__ import annotations

import random
from urllib.parse import quote, urlsplit

import pytest
from rdflib import Literal
from rdflib.namespace import RDF, RDFS, SKOS

from clustergraph.config import load_settings
from clustergraph.server import create_app
from clustergraph.vocab import CG, graph_iri, mint

from conftest import BROWSER_MARKS, LiveServer

XSS_LABEL = "<img src=x onerror=alert(1)>"
MEMBERSHIP_SENTENCE = (
    "Im Juni 2014 wurde biosaxony in die Riege der exzellent vernetzten nationalen Innovationscluster aufgenommen."
)

pytestmark = BROWSER_MARKS
pytest.importorskip("playwright.sync_api")


def serve(store) -> LiveServer:
    """The app over ``store`` on 127.0.0.1 and a free port, in a thread, until ``stop()``."""
    return LiveServer(create_app(load_settings(environ={}, overrides={"store": "memory"}), store=store))


@pytest.fixture
def live(viewer_store):
    server = serve(viewer_store)
    yield server
    server.stop()


class Watched:
    """A page whose requests, console errors, page errors and dialogs are recorded."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-GB")
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("dialog", self._dialog)

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        if url.startswith(("data:", "blob:")) or urlsplit(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _console(self, message):
        if message.type == "error":
            where = message.location or {}
            self.errors.append(f"{message.text} ({where.get('url')}:{where.get('lineNumber')})")

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def check(self):
        assert self.requests, "the page made no request at all"
        assert self.outside == [], f"requests left 127.0.0.1: {self.outside}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.dialogs == [], f"a page opened a dialog: {self.dialogs}"


@pytest.fixture
def watched(browser):
    page = Watched(browser)
    yield page
    try:
        page.check()
    finally:
        page.context.close()


def wait_for_network(page, selector="#network", stable=True):
    page.wait_for_selector(f"{selector}[data-drawn=true]", state="attached", timeout=30_000)
    if stable:
        page.wait_for_selector(f"{selector}[data-stable=true]", state="attached", timeout=30_000)
    return int(page.get_attribute(selector, "data-drawn-nodes"))


def node_point(page, iri: str) -> dict:
    """Where the node ``iri`` is on the page, once it stays put (after zoom animations)."""
    script = """(iri) => {
        const view = window.CGNetwork.views[0];
        const dom = view.network.canvasToDOM(view.network.getPositions([iri])[iri]);
        const box = document.getElementById("network").getBoundingClientRect();
        return {x: Math.round(box.left + dom.x), y: Math.round(box.top + dom.y)};
    }"""
    point = page.evaluate(script, iri)
    for _ in range(30):
        page.wait_for_timeout(100)
        again = page.evaluate(script, iri)
        if again == point:
            break
        point = again
    return point


def click_node(page, iri: str, double: bool = False):
    """Click (or double-click) the node ``iri`` where vis-network drew it on the canvas."""
    point = node_point(page, iri)
    if double:
        page.mouse.dblclick(point["x"], point["y"])
    else:
        page.mouse.click(point["x"], point["y"])


def test_network_draws_every_node(live, watched, viewer_client):
    data = viewer_client.get("/graph.json").get_json()
    expected = len(data["nodes"])
    assert expected == data["total"] and not data["truncated"]  # the fixture and every reference place
    watched.page.goto(live.url + "/")
    assert wait_for_network(watched.page) == expected
    assert watched.page.text_content("#count-nodes") == str(expected)
    drawn = watched.page.evaluate("window.CGNetwork.views[0].network.body.nodeIndices.length")
    assert drawn == expected


def test_search_click_and_follow_the_evidence(live, watched):
    page = watched.page
    page.goto(live.url + "/")
    wait_for_network(page)
    page.fill("#search-input", "bios")
    page.wait_for_selector("#search-suggestions li.suggestion")
    assert page.text_content("#search-suggestions li.suggestion .suggestion-label") == "biosaxony"
    page.keyboard.press("Escape")

    # a click on the node opens the panel with the evidence of its go-cluster membership
    click_node(page, str(mint("cluster", "biosaxony")))
    page.wait_for_selector("#panel blockquote.evidence")
    assert page.text_content("#panel .panel-title") == "biosaxony"
    sentences = page.locator("#panel blockquote.evidence").all_text_contents()
    assert MEMBERSHIP_SENTENCE in sentences

    # ... and its source link leads to the press release with that sentence highlighted
    fact = page.locator("#panel li.fact", has_text="member of programme")
    fact.locator("a", has_text="biosaxony wird Mitglied").click()
    page.wait_for_selector("mark.evidence-mark.current")
    current = page.locator("mark.evidence-mark.current").all_text_contents()
    assert "".join(current) == MEMBERSHIP_SENTENCE


def test_search_suggestion_selects_the_node(live, watched):
    page = watched.page
    page.goto(live.url + "/?lang=de")
    wait_for_network(page)
    assert page.text_content("label[for=search-input]") == "Suchen"
    page.fill("#search-input", "freistaat sachs")  # an alias
    page.wait_for_selector("#search-suggestions li.suggestion")
    page.keyboard.press("Enter")
    page.wait_for_selector("#panel:not([hidden]) .panel-title")
    assert page.text_content("#panel .panel-title") == "Sachsen"
    selected = page.evaluate("window.CGNetwork.views[0].network.getSelectedNodes()")
    assert selected == [str(mint("region", "Sachsen"))]


def test_entity_page_shows_the_membership_with_its_date(live, watched):
    page = watched.page
    page.goto(live.url + "/id/cluster/biosaxony")
    row = page.locator("table.facts tr.fact").filter(has=page.get_by_role("link", name="go-cluster", exact=True))
    assert row.locator("td.date").text_content() == "2014-06"
    assert MEMBERSHIP_SENTENCE in row.locator("blockquote.evidence").all_text_contents()
    assert page.locator("#timeline li", has_text="go-cluster").locator("time").text_content() == "2014-06"
    assert wait_for_network(page, "#neighbourhood") == 5


def test_markup_in_a_label_is_shown_as_text_and_never_runs(live, watched):
    page = watched.page
    page.goto(live.url + "/")
    wait_for_network(page)
    page.fill("#search-input", "<img")
    page.wait_for_selector("#search-suggestions li.suggestion")
    assert page.text_content("#search-suggestions .suggestion-label") == XSS_LABEL
    page.keyboard.press("Enter")
    page.wait_for_selector("#panel blockquote.evidence")
    assert page.text_content("#panel .panel-title") == XSS_LABEL
    assert "<script>alert(2)</script>" in page.text_content("#panel .aliases")
    # the tooltip shown on hover is our element, filled with text: in the whole graph and in a
    # small focus view (which uses vis-network's hover events rather than the resting pointer)
    iri = str(mint("cluster", XSS_LABEL))
    for url in ("/", "/?focus=" + quote(iri, safe="") + "&depth=1"):
        if url != "/":
            page.goto(live.url + url)
            wait_for_network(page)
        point = node_point(page, iri)
        page.mouse.move(point["x"] - 3, point["y"] - 3)
        page.mouse.move(point["x"] + 1, point["y"] + 1)
        page.wait_for_selector("div.vis-tooltip .tooltip", state="attached", timeout=5000)
        assert XSS_LABEL in page.text_content("div.vis-tooltip .tooltip strong")
        assert page.evaluate("document.querySelectorAll('img').length") == 0

    page.goto(live.url + "/id/cluster/" + iri.rsplit("/", 1)[1])
    assert page.text_content("#entity-label") == XSS_LABEL
    assert page.evaluate("document.querySelectorAll('img, script:not([src]):not([type])').length") == 0
    page.goto(live.url + "/announcements/xss-test-2020")
    assert XSS_LABEL in page.text_content("#source-text")
    assert page.evaluate("document.querySelectorAll('img').length") == 0


def test_double_click_expands_neighbours_and_date_slider_hides_later_facts(live, watched):
    page = watched.page
    page.goto(live.url + "/?focus=cluster/biosaxony&depth=1")
    assert wait_for_network(page) == 5
    click_node(page, str(mint("programme", "go-cluster")), double=True)
    page.wait_for_function("() => Number(document.getElementById('count-nodes').textContent) > 5")
    count = int(page.text_content("#count-nodes"))
    assert count >= 8  # the other members, the ministry, the labels
    edges = page.evaluate("window.CGNetwork.views[0].edges.get().map(e => e.id)")
    assert len(edges) == len(set(edges))

    page.goto(live.url + "/")
    wait_for_network(page)
    page.eval_on_selector("#date-slider", "s => { s.value = '0'; s.dispatchEvent(new Event('input')); }")
    assert page.text_content("#date-output") == "2014-06"
    hidden = page.evaluate(
        "window.CGNetwork.views[0].nodes.get({filter: n => n.hidden}).map(n => n.id)"
    )
    assert str(mint("cluster", "Medical Mountains")) not in hidden  # located in a Land since always
    assert str(mint("cluster", "biosaxony")) not in hidden
    later = page.evaluate("window.CGNetwork.views[0].edges.get({filter: e => e.hidden}).map(e => e.id)")
    # dated after June 2014: Medical Mountains joins (2016-03), the 2020 membership, and the
    # managing director named in the press release of 2014-07-18
    assert sorted(key.split("\u001f")[1] for key in later) == [
        "managing director of", "member of programme", "member of programme",
    ]


def synthetic_store(total: int = 5000):
    """An in-memory store with exactly ``total`` entities: Länder, programmes, clusters, people."""
    from clustergraph.store.oxigraph import OxigraphStore

    rng = random.Random(5)
    graph = graph_iri("announcement", "synthetic")
    quads = []

    def entity(kind, cls, name):
        iri = mint(kind, name)
        quads.extend([(iri, RDF.type, cls, graph), (iri, RDFS.label, Literal(name), graph),
                      (iri, SKOS.prefLabel, Literal(name), graph)])
        return iri

    lands = [entity("region", CG.Region, f"Land {i}") for i in range(16)]
    programmes = [entity("programme", CG.Programme, f"Programme {i}") for i in range(10)]
    people = (total - len(lands) - len(programmes)) // 2
    clusters = total - len(lands) - len(programmes) - people
    cluster_iris = []
    for i in range(clusters):
        c = entity("cluster", CG.Cluster, f"Cluster {i}")
        cluster_iris.append(c)
        quads.append((c, CG.locatedIn, rng.choice(lands), graph))
        for programme in rng.sample(programmes, 2):
            quads.append((c, CG.memberOf, programme, graph))
    for i in range(people):
        p = entity("person", CG.Person, f"Person {i}")
        quads.append((p, CG.managingDirectorOf, cluster_iris[i], graph))
    store = OxigraphStore(None)
    store.add_quads(quads)
    return store


def test_a_5000_node_graph_draws_every_node_and_a_click_opens_the_panel(browser):
    """The large-graph path (positions from the server, no physics, tooltips built on hover):
    every node is drawn, and clicking one still opens the panel with its facts. How fast is
    measured by benchmarks/viewer_draw_bench.py, not here."""
    store = synthetic_store(5000)
    server = serve(store)
    watched = Watched(browser)
    try:
        page = watched.page
        page.goto(server.url + "/")
        assert wait_for_network(page) == 5000
        assert page.get_attribute("#network", "data-layout") == "server"
        assert page.evaluate("window.CGNetwork.views[0].network.body.nodeIndices.length") == 5000
        assert page.evaluate("window.CGNetwork.views[0].network.physics.physicsEnabled") is False

        land = str(mint("region", "Land 3"))
        page.evaluate(
            "(iri) => window.CGNetwork.views[0].network.focus(iri, {scale: 1.5, animation: false})", land
        )
        point = node_point(page, land)  # resting on a node shows its tooltip (no hover events here)
        page.mouse.move(point["x"] - 2, point["y"] - 2)
        page.mouse.move(point["x"], point["y"])
        page.wait_for_selector("div.vis-tooltip .tooltip strong", timeout=5000)
        assert page.text_content("div.vis-tooltip .tooltip strong") == "Land 3"
        click_node(page, land)
        page.wait_for_selector("#panel:not([hidden]) .panel-facts li.fact")
        assert page.text_content("#panel .panel-title") == "Land 3"
        assert page.locator("#panel li.fact", has_text="located in").count() > 10
        watched.check()
    finally:
        watched.context.close()
        server.stop()
        store.close()


def test_overview_draws_charts_without_scripts_from_elsewhere(live, watched):
    page = watched.page
    page.goto(live.url + "/overview")
    assert page.locator("#chart-memberships rect").count() == 7  # 2014 .. 2020
    assert page.locator("#chart-lands rect").count() == 3
    assert page.locator("#class-counts tr", has_text="Cluster").locator("td").text_content() == "3"


def test_analytics_panels_and_how_x_connects_to_y(live, watched):
    page = watched.page
    page.goto(live.url + "/?lang=de")
    wait_for_network(page)
    page.click("#analytics summary")
    page.wait_for_selector("#analytics-connected li")
    assert "biosaxony" in " ".join(page.locator("#analytics-connected li").all_text_contents())
    assert "go-cluster" in page.text_content("#analytics-bridges")
    assert "3 Länder" in page.text_content("#analytics-bridges")
    page.wait_for_selector("#analytics-communities li")

    page.click("#path-finder summary")
    for field, query in (("#path-from", "biosax"), ("#path-to", "medical")):
        page.fill(field, query)
        page.wait_for_selector(f"{field}-suggestions li.suggestion")
        page.keyboard.press("Enter")
    page.click("#path-form button[type=submit]")
    page.wait_for_selector("#path-result p.path")
    assert page.text_content("#path-result p.path") == (
        "biosaxony → Mitglied im Programm go-cluster ← Mitglied im Programm Medical Mountains"
    )
