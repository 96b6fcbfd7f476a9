"""The offline single-file HTML: self-contained, its Turtle embedded, opens in chromium with no
network request and draws its nodes."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from clustergraph.export import iter_export, make_subset, serialize_quads, subset_quads
from clustergraph.export_html import OFFLINE_CSP
from clustergraph.vocab import mint
from conftest import BROWSER_MARKS
from test_export import EVIDENCE

BIOSAXONY = str(mint("cluster", "biosaxony"))


class _Page(HTMLParser):
    """What the tests look at: external references, the CSP, the embedded data and Turtle."""

    def __init__(self):
        super().__init__()
        self.references: list[str] = []
        self.csp = ""
        self.texts: dict[str, str] = {}
        self._capture: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("src", "href"):
            if attrs.get(name):
                self.references.append(attrs[name])
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy":
            self.csp = attrs.get("content", "")
        if attrs.get("id") in ("turtle", "cg-data"):
            self._capture = attrs["id"]
            self.texts[self._capture] = ""

    def handle_endtag(self, tag):
        if tag in ("pre", "script"):
            self._capture = None

    def handle_data(self, data):
        if self._capture:
            self.texts[self._capture] += data


@pytest.fixture(scope="module")
def store(export_sample_store):
    return export_sample_store


@pytest.fixture(scope="module")
def page_html(store) -> str:
    return b"".join(iter_export(store, "html", make_subset(focus=BIOSAXONY))).decode("utf-8")


def parsed(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def test_the_page_needs_nothing_outside_itself(page_html):
    page = parsed(page_html)
    assert page.references == []
    assert page.csp == OFFLINE_CSP and "default-src 'none'" in page.csp
    assert "vis-network" in page_html and "@license" in page_html  # inlined, with its licence header


def test_the_page_holds_the_network_the_facts_with_evidence_and_the_turtle(store, page_html):
    page = parsed(page_html)
    data = json.loads(page.texts["cg-data"])
    assert BIOSAXONY in {node["id"] for node in data["nodes"]}
    assert EVIDENCE in page_html
    embedded = Graph().parse(data=page.texts["turtle"], format="turtle")
    expected = Graph().parse(data=serialize_quads(subset_quads(store, make_subset(focus=BIOSAXONY)), "turtle"),
                             format="turtle")
    assert isomorphic(embedded, expected)


def test_markup_in_the_data_stays_text(store):
    html = b"".join(iter_export(store, "html")).decode("utf-8")  # the whole dataset, edge cases included
    assert "</script><b>not markup</b>" not in html
    assert "&lt;/script&gt;&lt;b&gt;not markup&lt;/b&gt;" in html


@BROWSER_MARKS[0]
@BROWSER_MARKS[1]
def test_the_page_opens_in_chromium_with_no_network_request_and_draws_its_nodes(page_html, tmp_path, browser):
    path = tmp_path / "subgraph.html"
    path.write_text(page_html, encoding="utf-8")
    expected_nodes = len(json.loads(parsed(page_html).texts["cg-data"])["nodes"])
    page = browser.new_page()
    try:
        requests, problems = [], []
        page.on("request", lambda request: requests.append(request.url))
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
        page.goto(path.as_uri())
        page.wait_for_function("document.body.getAttribute('data-drawn') === 'true'", timeout=20000)
        drawn = page.evaluate("Object.keys(window.clustergraphNetwork.getPositions()).length")
        painted = page.evaluate("""() => {
            const canvas = document.querySelector('#network canvas');
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            let count = 0;
            for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) count++;
            return count;
        }""")
        rows = page.locator("#facts tbody tr[data-subject]").count()
    finally:
        page.close()
    assert requests == [path.as_uri()]
    assert problems == []
    assert drawn == expected_nodes > 1
    assert painted > 1000  # the canvas is not blank
    assert rows > 0
