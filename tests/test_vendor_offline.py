"""In headless Chromium the vendored bundles, configured as the vendor README says, fetch nothing.

A page made in a temporary folder loads both bundles, runs the README's YASGUI configuration block
verbatim and draws three nodes with vis-network. A loopback server serves it (and answers SPARQL
POSTs on /sparql with a canned result). Every request the page makes is recorded; any request that
is not for 127.0.0.1 is aborted, so the test itself never leaves the machine, and fails the test.
"""

from __future__ import annotations

import json
import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from conftest import BROWSER_MARKS

VENDOR_DIR = Path(__file__).resolve().parents[1] / "web" / "vendor"
RESULT_IRI = "urn:clustergraph:test:biosaxony"
CANNED_RESULT = {
    "head": {"vars": ["cluster"]},
    "results": {"bindings": [{"cluster": {"type": "uri", "value": RESULT_IRI}}]},
}
EXTERNAL_ENDPOINT = "https://dbpedia.org/sparql"

pytestmark = BROWSER_MARKS
pytest.importorskip("playwright.sync_api")


def readme_yasgui_config() -> str:
    """The JavaScript of the README's ``yasgui-config`` block, which the SPARQL page must use."""
    text = (VENDOR_DIR / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- yasgui-config:begin -->", 1)[1]
    block = block.split("<!-- yasgui-config:end -->", 1)[0]
    return block.split("```js", 1)[1].split("```", 1)[0]


def smoke_page(yasgui_config: str) -> str:
    """A minimal page: YASGUI configured by ``yasgui_config`` and a 3-node vis-network."""
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>vendor smoke test</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="vendor/yasgui/yasgui.min.css">
<script src="vendor/yasgui/yasgui.min.js"></script>
<script src="vendor/vis-network/vis-network.min.js"></script>
</head><body>
<div id="yasgui" data-endpoint="/sparql"></div>
<div id="network" style="width: 400px; height: 300px"></div>
<script>
{yasgui_config}
window.smokeYasgui = yasgui;
window.smokeResponses = 0;
yasgui.on("queryResponse", () => {{ window.smokeResponses += 1; }});
const nodes = new vis.DataSet([{{id: 1, label: "BioSaxony"}}, {{id: 2, label: "go-cluster"}},
                              {{id: 3, label: "BMWK"}}]);
const edges = new vis.DataSet([{{from: 1, to: 2}}, {{from: 2, to: 3}}]);
window.smokeNetwork = new vis.Network(document.getElementById("network"), {{nodes, edges}}, {{}});
window.smokeNetwork.once("afterDrawing", () => {{ window.smokeDrawn = true; }});
</script></body></html>"""


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves the temporary site; answers ``POST /sparql`` with ``CANNED_RESULT``."""

    def do_POST(self):  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        self.server.sparql_posts.append((self.path, parse_qs(body).get("query", [""])[0]))
        if self.path != "/sparql":
            self.send_error(404)
            return
        payload = json.dumps(CANNED_RESULT).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format, *args):  # keep the test output quiet
        pass


@pytest.fixture
def smoke_site(tmp_path):
    """A temporary folder with the vendored libraries and the smoke page."""
    for library in ("vis-network", "yasgui"):
        shutil.copytree(VENDOR_DIR / library, tmp_path / "vendor" / library)
    (tmp_path / "index.html").write_text(smoke_page(readme_yasgui_config()), encoding="utf-8")
    return tmp_path


@pytest.fixture
def smoke_server(smoke_site):
    """The site served on a free loopback port; stopped after the test."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_SiteHandler, directory=str(smoke_site)))
    httpd.sparql_posts = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


class RecordedPage:
    """A page whose requests, console errors and uncaught exceptions are recorded."""

    def __init__(self, browser, base_url: str):
        self.base_url = base_url
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on(
            "console",
            lambda message: self.errors.append(f"console: {message.text}")
            if message.type == "error"
            else None,
        )
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        self.page.route("**/*", self._only_loopback)

    def _only_loopback(self, route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            route.abort()

    def remote_requests(self) -> list[str]:
        local = ("127.0.0.1",)
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).hostname not in local
        ]

    def close(self):
        self.context.close()


@pytest.fixture
def recorded(browser, smoke_server):
    page = RecordedPage(browser, f"http://127.0.0.1:{smoke_server.server_address[1]}")
    try:
        yield page
    finally:
        page.close()


def _wait_for_query_responses(page, count: int = 1):
    """Wait until YASGUI has had ``count`` answers (or failures) to its queries."""
    page.wait_for_function(f"window.smokeResponses >= {count}")


def _result_rows(page) -> int:
    return page.locator(".yasr table tbody tr", has_text=RESULT_IRI).count()


def test_page_draws_queries_and_autocompletes_on_loopback_only(recorded, smoke_server):
    page = recorded.page
    page.goto(f"{recorded.base_url}/index.html")
    page.wait_for_function("window.smokeDrawn === true")
    yasqe = "window.smokeYasgui.getTab().getYasqe()"

    # A class position: the default "class" autocompleter would ask lov.linkeddata.es here.
    page.evaluate(f"{yasqe}.setValue('SELECT * WHERE {{ ?s a ')")
    page.locator(".CodeMirror").first.click()
    page.evaluate(f"{yasqe}.setCursor({yasqe}.lastLine(), 99)")
    page.keyboard.type("<http://xmlns.com/foaf/0.1/Pe")
    page.keyboard.press("Control+Space")

    # Prefix completion works from the bundled list (no prefix.cc).
    page.evaluate(f"{yasqe}.setValue('')")
    page.keyboard.type("PREFIX foa")
    page.keyboard.press("Control+Space")
    page.locator(".CodeMirror-hints", has_text="foaf:").first.wait_for()
    page.keyboard.press("Escape")

    # A query goes to our /sparql; its answer comes after any request the steps above made.
    query = "SELECT ?cluster WHERE { ?cluster ?p ?o }"
    page.evaluate(f"{yasqe}.setValue({json.dumps(query)})")
    page.locator(".yasqe_queryButton").first.click()
    _wait_for_query_responses(page)
    new_tab_endpoint = page.evaluate("window.smokeYasgui.addTab(true).getEndpoint()")

    assert recorded.remote_requests() == []
    assert recorded.errors == []
    assert smoke_server.sparql_posts == [("/sparql", query)]
    assert _result_rows(page) == 1
    assert new_tab_endpoint == f"{recorded.base_url}/sparql"
    assert page.evaluate(f"{yasqe}.config.autocompleters") == ["variables", "prefixes"]
    assert page.evaluate("Object.keys(window.smokeNetwork.getPositions()).length") == 3
    assert page.locator("#network canvas").count() == 1


def test_share_link_naming_a_remote_endpoint_still_queries_ours(recorded, smoke_server):
    query = "SELECT ?cluster WHERE { ?cluster a ?type }"
    recorded.page.goto(
        f"{recorded.base_url}/index.html?query={quote(query, safe='')}"
        f"&endpoint={quote(EXTERNAL_ENDPOINT, safe='')}"
    )
    _wait_for_query_responses(recorded.page)  # YASGUI runs a shared query at once

    assert recorded.remote_requests() == []
    assert recorded.errors == []
    assert smoke_server.sparql_posts == [("/sparql", query)]
    assert _result_rows(recorded.page) == 1
