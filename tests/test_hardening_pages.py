"""Every page escapes data, and every response carries the security headers.

The store holds an announcement whose labels, aliases, title, text, evidence, publisher and place
are markup and script; every HTML page (and the error pages, with markup in the URL and query
parameters) must show them as text. Every response (pages, JSON, SPARQL results, exports, static
files, errors) carries a Content-Security-Policy and the usual security headers.

Guarantees listed in docs/SECURITY.md.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

from clustergraph.config import load_settings
from clustergraph.ingest import load_reference, store_document
from clustergraph.model import Announcement, Entity, Fact, FactsDocument
from clustergraph.server.security import CONTENT_SECURITY_POLICY
from clustergraph.store.oxigraph import OxigraphStore
from clustergraph.vocab import slugify

pytest.importorskip("clustergraph.server.sparql")

from clustergraph import sparql  # noqa: E402
from clustergraph.server import create_app  # noqa: E402

CLUSTER = 'Evil <script>alert("cg-xss-1")</script> Cluster'
ALIAS = '"><img src=x onerror=alert("cg-xss-2")>'
PROGRAMME = "Prog </title><svg onload=alert('cg-xss-3')>"
PERSON = "Mallory <iframe src=javascript:alert('cg-xss-4')></iframe>"
REGION = "Land ' onmouseover='alert(5)' x='"
TITLE = '<b>Bold</b> <script>alert("cg-xss-6")</script>'
PUBLISHER = '<a href="javascript:alert(7)">pub</a>'
PLACE = '"</script><script>alert(8)</script>'
STYLE = "<style>body{display:none}</style>"
PARAMETER = '"><script>alert("cg-xss-9")</script>'

# what must never appear in an HTML response: any of these is markup from the data, unescaped
UNESCAPED = ["<script>alert(", "<img src=x", "<svg onload", "<iframe", "onmouseover='alert", STYLE,
             'href="javascript:', '"</script><script>', "<b>Bold</b>"]
SLUG = "hostile-announcement"


def hostile_document() -> FactsDocument:
    sentences = [
        f"{CLUSTER} wurde im Juni 2014 in das Programm {PROGRAMME} aufgenommen.",
        f"Geschäftsführer von {CLUSTER} ist {PERSON}.",
        f"{CLUSTER} hat seinen Sitz in {REGION}. {STYLE}",
    ]
    return FactsDocument(
        Announcement(id=SLUG, title=TITLE, language="de", issued="2014-07-18", place=PLACE,
                     publisher=PUBLISHER, source="hostile.txt", text="\n\n".join([TITLE] + sentences)),
        entities=[Entity(CLUSTER, "Cluster", [ALIAS]), Entity(PROGRAMME, "Programme"),
                  Entity(PERSON, "Person"), Entity(REGION, "Region")],
        facts=[Fact(CLUSTER, "member of programme", PROGRAMME, date="2014-06", evidence=sentences[0]),
               Fact(PERSON, "managing director of", CLUSTER, evidence=sentences[1]),
               Fact(CLUSTER, "located in", REGION, evidence=sentences[2])],
    )


@pytest.fixture(scope="module")
def client():
    store = OxigraphStore(None)
    load_reference(store)
    outcome = store_document(store, hostile_document())
    assert outcome.ok, outcome.error
    app = create_app(load_settings(environ={}, overrides={"store": "memory", "query_timeout": 30}), store=store)

    def boom():
        raise RuntimeError("secret internal detail <script>alert('cg-xss-10')</script>")

    app.add_url_rule("/hardening-test-boom", "hardening_test_boom", boom)
    yield app.test_client()
    store.close()


def entity_path(kind: str, name: str) -> str:
    return f"/id/{kind}/{slugify(name)}"


def html_pages() -> list[str]:
    marker = quote(PARAMETER)
    pages = [
        "/", f"/?focus={marker}", f"/?lang={marker}", f"/?depth={marker}", f"/?date={marker}",
        "/announcements", f"/announcements/{SLUG}", f"/id/announcement/{SLUG}", "/overview",
        entity_path("cluster", CLUSTER), entity_path("programme", PROGRAMME), entity_path("person", PERSON),
        entity_path("region", REGION),
        "/queries", "/sparql", f"/sparql?query={marker}", "/ontology",
        f"/id/cluster/{marker}", f"/nothing-here/{marker}", f"/announcements/{marker}",
        f"/graph.json?depth={marker}", f"/export.ttl?focus={marker}", f"/queries/{marker}",
    ]
    for query in sparql.list_queries():
        values = "&".join(f"{p.name}={marker}" for p in query.params)
        pages.append(f"/queries/{query.name}" + (f"?{values}" if values else ""))
    return pages


@pytest.mark.parametrize("path", html_pages())
def test_pages_show_markup_from_data_and_parameters_as_text(client, path):
    response = client.get(path, headers={"Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"})
    assert response.status_code < 500, (path, response.status_code)
    if response.mimetype != "text/html":
        return  # not rendered as a page (the headers test checks nosniff)
    body = response.get_data(as_text=True)
    found = [marker for marker in UNESCAPED + [PARAMETER] if marker in body]
    assert not found, f"{path}: unescaped {found}"


def test_the_hostile_labels_are_shown_escaped(client):
    """The pages above do show the data (as text): the escaping test is not vacuous."""
    for path in (entity_path("cluster", CLUSTER), f"/announcements/{SLUG}"):
        body = client.get(path, headers={"Accept": "text/html"}).get_data(as_text=True)
        assert "&lt;script&gt;alert(" in body, path
    body = client.get(f"/announcements/{SLUG}", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "&lt;iframe" in body and "&lt;style&gt;" in body
    data = client.get(entity_path("cluster", CLUSTER) + ".json").get_json()
    assert data["label"] == CLUSTER


def test_the_offline_export_embeds_data_without_markup(client):
    response = client.get("/export.html")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert not [marker for marker in UNESCAPED if marker in body]
    assert "sandbox" in response.headers["Content-Security-Policy"]
    assert "attachment" in response.headers.get("Content-Disposition", "")


def test_json_answers_are_never_served_as_html(client):
    marker = quote(PARAMETER)
    for path in (f"/search.json?q={marker}", "/graph.json", f"/announcements/{SLUG}.json",
                 entity_path("cluster", CLUSTER) + ".json", f"/sparql?query=SELECT%20*%20WHERE%7B?s%20?p%20?o%7D"):
        response = client.get(path)
        assert response.mimetype in ("application/json", "application/sparql-results+json"), path
        assert response.headers["X-Content-Type-Options"] == "nosniff"


# --- headers on every response ------------------------------------------------------------------

REQUESTS = [
    ("GET", "/", {}, None), ("HEAD", "/", {}, None), ("GET", "/graph.json", {}, None),
    ("GET", "/announcements", {}, None), ("GET", f"/announcements/{SLUG}.json", {}, None),
    ("GET", "/overview", {}, None), ("GET", "/queries", {}, None), ("GET", "/queries.json", {}, None),
    ("GET", "/sparql", {"Accept": "text/html"}, None), ("GET", "/sparql", {"Accept": "text/turtle"}, None),
    ("GET", "/sparql?query=ASK%7B%7D", {"Accept": "application/sparql-results+json"}, None),
    ("GET", "/sparql?query=SELECT%20*%7B?s%20?p%20?o%7DLIMIT%201", {"Accept": "text/csv"}, None),
    ("POST", "/sparql", {"Content-Type": "application/sparql-query"}, b"ASK {}"),
    ("OPTIONS", "/sparql", {}, None),
    ("GET", "/export.ttl", {}, None), ("GET", "/export.nodes.csv", {}, None), ("GET", "/export.html", {}, None),
    ("GET", "/.well-known/void", {}, None), ("GET", "/ontology.ttl", {}, None), ("GET", "/ontology", {}, None),
    ("GET", "/static/css/app.css", {}, None), ("GET", "/vendor/vis-network/vis-network.min.js", {}, None),
    # errors
    ("GET", "/nothing-here", {"Accept": "text/html"}, None), ("GET", "/nothing-here", {}, None),
    ("GET", "/sparql?query=NOT%20SPARQL", {}, None), ("PUT", "/sparql", {}, b"x"),
    ("GET", "/sparql?query=ASK%7B%7D", {"Accept": "image/png"}, None),
    ("POST", "/sparql", {"Content-Type": "application/sparql-update"}, b"CLEAR ALL"),
    ("POST", "/sparql", {"Content-Type": "application/sparql-query"}, b" " * 2_000_000),
    ("GET", "/hardening-test-boom", {"Accept": "text/html"}, None), ("GET", "/hardening-test-boom", {}, None),
    # no way out of the static folders
    ("GET", "/static/../pyproject.toml", {}, None), ("GET", "/vendor/../../pyproject.toml", {}, None),
    ("GET", "/static/%2e%2e/%2e%2e/pyproject.toml", {}, None), ("GET", "/vendor/%2e%2e%2f%2e%2e%2fpyproject.toml", {}, None),
]


@pytest.mark.parametrize("method, path, headers, body", REQUESTS, ids=[f"{r[0]} {r[1][:40]}" for r in REQUESTS])
def test_every_response_carries_the_security_headers(client, method, path, headers, body):
    response = client.open(path, method=method, headers=headers, data=body)
    got = response.headers
    assert got.get("X-Content-Type-Options") == "nosniff", (path, response.status_code)
    assert got.get("X-Frame-Options") == "DENY"
    assert got.get("Referrer-Policy") == "no-referrer"
    policy = got.get("Content-Security-Policy", "")
    if path == "/export.html":
        assert policy.startswith("sandbox") and "connect-src" not in policy and "default-src 'none'" in policy
    else:
        assert policy == CONTENT_SECURITY_POLICY, (path, policy)
    if response.status_code >= 400:
        text = response.get_data(as_text=True)
        assert "Traceback" not in text and "secret internal detail" not in text and "pyproject" not in text
    if "boom" in path:
        assert response.status_code == 500
    if "pyproject" in path:
        assert response.status_code == 404
        assert b"[project]" not in response.get_data()


def test_the_policy_forbids_inline_and_foreign_scripts():
    directives = dict(d.strip().split(" ", 1) for d in CONTENT_SECURITY_POLICY.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'" and directives["base-uri"] == "'none'"
    assert directives["connect-src"] == "'self'"
