"""Shared fixtures. Store and server fixtures first; other areas add theirs below."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from clustergraph.config import load_settings
from clustergraph.store import open_store

STORE_BACKENDS = ["oxigraph", "memory", pytest.param("sparql", marks=pytest.mark.server)]


def _oxigraph_executable() -> str | None:
    """The ``oxigraph`` server of the ``oxigraph`` PyPI package: next to the interpreter
    (a virtualenv's bin/) or on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_answering(url: str, process: subprocess.Popen, seconds: float = 20.0) -> bool:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with opener.open(url, timeout=1):
                return True
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    return False


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """Base URL of a real Oxigraph server on loopback (``/query``, ``/update``, ``/store``),
    started once per session with a union default graph, stopped at the end."""
    executable = _oxigraph_executable()
    if executable is None:
        pytest.skip("the oxigraph server executable is not installed (pip install oxigraph)")
    log_path = tmp_path_factory.mktemp("oxigraph-server-log") / "server.log"
    for _attempt in range(3):  # another process may take the free port before the server does
        port = _free_port()
        location = tmp_path_factory.mktemp("oxigraph-server")
        with open(log_path, "wb") as log:  # a file, not a pipe: a full pipe would block the server
            process = subprocess.Popen(
                [executable, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        base_url = f"http://127.0.0.1:{port}"
        if _wait_until_answering(base_url + "/", process):
            break
        process.kill()
        process.wait(timeout=10)
    else:
        pytest.fail(f"the oxigraph server did not start: {log_path.read_text(errors='replace')}")
    try:
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def store_settings(name: str, tmp_path: Path, server_url: str | None = None):
    """Settings for a fresh store of back-end ``name`` (environment ignored)."""
    overrides: dict = {"store": name, "store_path": str(tmp_path / "store")}
    if server_url is not None:
        overrides.update(
            sparql_query_url=server_url + "/query",
            sparql_update_url=server_url + "/update",
            sparql_timeout=10.0,
        )
    return load_settings(environ={}, overrides=overrides)


@pytest.fixture(scope="session")
def oxigraph_session_store(tmp_path_factory):
    """One on-disk Oxigraph store for the session (opening RocksDB costs ~0.2 s, too much per
    test); the ``store`` fixture empties it before each test."""
    opened = open_store(store_settings("oxigraph", tmp_path_factory.mktemp("oxigraph")))
    yield opened
    opened.close()


@pytest.fixture(params=STORE_BACKENDS)
def store(request, tmp_path):
    """An empty store of each back-end in turn: a new in-memory one, the session's on-disk
    Oxigraph store and the session's Oxigraph server, both emptied with ``DROP ALL``.
    Tests that close or reopen stores open their own instead."""
    name = request.param
    if name == "memory":
        opened = open_store(store_settings(name, tmp_path))
    elif name == "oxigraph":
        opened = request.getfixturevalue("oxigraph_session_store")
    else:
        opened = open_store(store_settings(name, tmp_path, request.getfixturevalue("oxigraph_server")))
    if name != "memory":
        opened.update("DROP ALL")
    return opened


# --- viewer ------------------------------------------------------------------------------------

VIEWER_FIXTURE = Path(__file__).parent / "fixtures" / "viewer_sample.trig"


def fill_viewer_store(opened):
    """Reference data plus tests/fixtures/viewer_sample.trig (seed, a second cluster, an XSS label)."""
    from clustergraph.ingest import load_rdf_file, load_reference

    load_reference(opened)
    outcome = load_rdf_file(opened, VIEWER_FIXTURE)
    assert outcome.error is None, outcome.error
    return opened


@pytest.fixture
def viewer_store():
    """A fresh in-memory Oxigraph store holding the viewer's test data."""
    from clustergraph.store.oxigraph import OxigraphStore

    opened = fill_viewer_store(OxigraphStore(None))
    yield opened
    opened.close()


@pytest.fixture
def viewer_app(viewer_store):
    from clustergraph.server import create_app

    return create_app(load_settings(environ={}, overrides={"store": "memory"}), store=viewer_store)


@pytest.fixture
def viewer_client(viewer_app):
    return viewer_app.test_client()


# --- SPARQL ------------------------------------------------------------------------------------

SAMPLE_FIXTURE = Path(__file__).parent / "fixtures" / "sample.trig"


def fill_sample_store(opened):
    """Reference data plus tests/fixtures/sample.trig (written by tests/fixtures/make_sample.py:
    four announcements, five clusters in four Länder, go-cluster and Spitzencluster members)."""
    from clustergraph.ingest import load_rdf_file, load_reference

    load_reference(opened)
    outcome = load_rdf_file(opened, SAMPLE_FIXTURE)
    assert outcome.error is None, outcome.error
    return opened


@pytest.fixture
def sample_store():
    """A fresh in-memory Oxigraph store holding the SPARQL sample data."""
    from clustergraph.store.oxigraph import OxigraphStore

    opened = fill_sample_store(OxigraphStore(None))
    yield opened
    opened.close()


class LiveServer:
    """A clustergraph app served on a free loopback port by werkzeug, in a thread (``url``)."""

    def __init__(self, app):
        from werkzeug.serving import WSGIRequestHandler, make_server

        class QuietHandler(WSGIRequestHandler):
            def log_request(self, *args, **kwargs):
                pass

        self.server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)
        runner = self.server.app.extensions.get("clustergraph.query_runner")
        if runner is not None:  # its query worker processes
            runner.close()


# --- browser -----------------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# what every browser test module sets as its pytestmark
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's /usr/bin/chromium is not installed"),
]


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium, headless, driven by Playwright; one per test module."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="module")
def export_sample_store():
    """An in-memory Oxigraph store holding ``tests/fixtures/export_sample.trig`` (the quads of
    ``test_export.QUADS``), shared by the export, VoID and linked-data tests."""
    from test_export import QUADS

    from clustergraph.store.oxigraph import OxigraphStore

    with OxigraphStore(None) as opened:
        opened.add_quads(QUADS)
        yield opened
