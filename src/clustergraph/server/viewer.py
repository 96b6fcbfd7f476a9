"""The viewer: the network (``/``), announcements, the overview, each with a ``.json`` twin.

Routes (HTML and JSON are rendered from the same dict, built in :mod:`clustergraph.server.pages`):

=================================  ========================================================
``/``  ``/graph.json``             the network; ``?focus=IRI&depth=N&date=YYYY-MM-DD&limit=N``
``/analytics.json``                most connected clusters, bridging programmes, communities
``/path.json?from=IRI&to=IRI``     how is X connected to Y
``/search.json?q=bios``            entities by label or alias, German and English
``/announcements`` (``.json``)     every announcement, newest first
``/announcements/{slug}`` (.json)  one announcement, its evidence highlighted
``/overview`` (``.json``)          counts per class, newest announcements, charts
``/vendor/...``                    the vendored front-end libraries (``web/vendor/``)
=================================  ========================================================

Interface language: ``?lang=de|en`` (remembered in a cookie), else the browser's Accept-Language.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from urllib.parse import urlencode

import networkx as nx
from flask import Blueprint, Response, abort, current_app, g, jsonify, render_template, request, send_from_directory
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from clustergraph.analytics.projection import entity_graph
from clustergraph.errors import ConfigError
from clustergraph.resources import web_dir
from clustergraph.server import context
from clustergraph.server.i18n import LANGUAGES, choose_language, client_strings, translate
from clustergraph.server.pages.announcement import announcement_page, announcements_page
from clustergraph.server.pages.graph import (
    NotInGraph,
    analytics_page,
    graph_page,
    path_page,
    search_page,
)
from clustergraph.server.pages.overview import overview_page
from clustergraph.vocab import expand_iri

log = logging.getLogger(__name__)

bp = Blueprint("viewer", __name__)

_CACHE = "clustergraph.viewer.graph"
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
LANG_COOKIE = "lang"


class GraphCache:
    """The store's entity graph, projected once per state of the store
    (:func:`~clustergraph.server.context.store_state`), what is derived from it (analytics)
    per language, and the most recently asked network views (:class:`GraphView`, layout
    included) per view parameters; all dropped when the store changes."""

    VIEWS_KEPT = 32  # focus views come one per expanded node: keep the latest few
    VIEW_NODES_KEPT = 60_000  # ... and at most this many nodes in all (a 5,000-node view holds ~15 MB)

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: object = None
        self._graph: nx.MultiDiGraph | None = None
        self._derived: dict = {}
        self._views: OrderedDict = OrderedDict()

    def graph(self, store) -> nx.MultiDiGraph:
        version = context.store_state(store)
        with self._lock:
            if self._graph is None or version != self._version:
                self._graph = entity_graph(store)
                self._version = version
                self._derived = {}
                self._views = OrderedDict()
            return self._graph

    def derived(self, store, key: tuple, build):
        """``build(G)``, computed once per store state (outside the lock: it may take a while)."""
        G = self.graph(store)
        with self._lock:
            if key in self._derived and self._graph is G:
                return self._derived[key]
        value = build(G)
        with self._lock:
            if self._graph is G:
                self._derived[key] = value
        return value

    def view(self, store, key: tuple, build) -> "GraphView":
        """``GraphView(build(G))`` for the view parameters ``key``, kept for the latest
        :attr:`VIEWS_KEPT` keys of the current store state (fewer when they hold more than
        :attr:`VIEW_NODES_KEPT` nodes in all; the latest view is always kept)."""
        G = self.graph(store)
        with self._lock:
            found = self._views.get(key)
            if found is not None and self._graph is G:
                self._views.move_to_end(key)
                return found
        value = GraphView(build(G))
        with self._lock:
            if self._graph is G:
                self._views[key] = value
                while len(self._views) > 1 and (
                    len(self._views) > self.VIEWS_KEPT
                    or sum(view.size for view in self._views.values()) > self.VIEW_NODES_KEPT
                ):
                    self._views.popitem(last=False)
        return value


COMPACT = (",", ":")  # JSON separators: no spaces in the megabytes of a large view


class GraphView:
    """One network view's dict, and its JSON (for ``/graph.json`` and for embedding in ``/``),
    each encoded once, when first asked (a 5,000-node view is ~2.5 MB of JSON)."""

    def __init__(self, data: dict) -> None:
        self.data = data
        self.size = len(data.get("nodes", ())) + 1
        self._lock = threading.Lock()
        self._json: bytes | None = None
        self._html_json: Markup | None = None

    def json_bytes(self) -> bytes:
        with self._lock:
            if self._json is None:
                self._json = current_app.json.dumps(self.data, separators=COMPACT).encode("utf-8")
            return self._json

    def html_json(self) -> Markup:
        """The JSON safe inside ``<script type="application/json">`` (as Jinja's ``tojson``)."""
        with self._lock:
            if self._html_json is None:
                self._html_json = htmlsafe_json_dumps(self.data, dumps=current_app.json.dumps, separators=COMPACT)
            return self._html_json


def graph_cache() -> GraphCache:
    cache = current_app.extensions.get(_CACHE)
    if cache is None:
        cache = current_app.extensions.setdefault(_CACHE, GraphCache())
    return cache


def current_graph() -> nx.MultiDiGraph:
    """The entity graph of the app's store (projected at most once per store state)."""
    return graph_cache().graph(context.store())


def base_iri() -> str:
    return context.settings().base_iri


def language() -> str:
    """The visitor's interface language: ``?lang=``, the cookie, then Accept-Language."""
    if "cg_lang" not in g:
        g.cg_lang = choose_language(
            request.args.get("lang"), request.cookies.get(LANG_COOKIE), request.accept_languages
        )
    return g.cg_lang


def language_links() -> list[dict]:
    """Links to the current page in each interface language."""
    links = []
    for code in LANGUAGES:
        args = request.args.to_dict(flat=True)
        args["lang"] = code
        links.append({"code": code, "href": request.path + "?" + urlencode(args), "current": code == language()})
    return links


@bp.app_context_processor
def _interface_text() -> dict:
    lang = language()
    return {
        "lang": lang,
        "t": lambda key, **values: translate(lang, key, **values),
        "language_links": language_links(),
    }


@bp.after_app_request
def _remember_language(response: Response) -> Response:
    asked = request.args.get("lang")
    if asked in LANGUAGES and request.cookies.get(LANG_COOKIE) != asked:
        response.set_cookie(LANG_COOKIE, asked, max_age=365 * 24 * 3600, samesite="Lax")
    return response


def render_twin(template: str, data: dict, as_json: bool, **extra) -> Response | str:
    """The page ``template`` over ``data``, or ``data`` itself as JSON (the ``.json`` twin)."""
    if as_json:
        return jsonify(data)
    return render_template(template, data=data, strings=client_strings(language()), **extra)


def int_arg(name: str, default: int | None, low: int, high: int) -> int | None:
    raw = request.args.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        abort(400, description=f"?{name}= must be a whole number, not {raw!r}")
    if not low <= value <= high:
        abort(400, description=f"?{name}= must be between {low} and {high}, not {value}")
    return value


def iri_arg(name: str) -> str | None:
    """The IRI a parameter names (full, ``cg:Name``, ``kind/slug``); 400 when it names none."""
    raw = request.args.get(name, "").strip()
    if not raw:
        return None
    try:
        return str(expand_iri(raw, base_iri()))
    except ConfigError as exc:
        abort(400, description=f"?{name}=: {exc}")


# --- the network ----------------------------------------------------------------------------


def _graph_view() -> GraphView:
    """The network view the request asks for, from the cache when the same view was asked
    since the store last changed (projection, layout and JSON are the expensive parts)."""
    date = request.args.get("date", "").strip() or None
    if date is not None and not re.match(DATE_PATTERN, date):
        abort(400, description=f"?date= must be YYYY, YYYY-MM or YYYY-MM-DD, not {date!r}")
    focus = iri_arg("focus")
    depth, limit = int_arg("depth", 1, 0, 4), int_arg("limit", None, 1, 50_000)
    lang, base = language(), base_iri()

    def build(G: nx.MultiDiGraph) -> dict:
        return graph_page(G, base=base, lang=lang, focus=focus, depth=depth, limit=limit, date=date)

    try:
        return graph_cache().view(context.store(), ("graph", lang, focus, depth, limit, date), build)
    except NotInGraph:
        abort(404, description=f"{focus} is not an entity of the graph")


@bp.get("/")
def index():
    view = _graph_view()
    return render_template("index.html", data=view.data, data_json=view.html_json(),
                           strings=client_strings(language()))


@bp.get("/graph.json")
def graph_json():
    return Response(_graph_view().json_bytes(), mimetype="application/json")


@bp.get("/analytics.json")
def analytics_json():
    lang = language()
    data = graph_cache().derived(
        context.store(), ("analytics", lang), lambda G: analytics_page(G, base=base_iri(), lang=lang)
    )
    return jsonify(data)


@bp.get("/path.json")
def path_json():
    source, target = iri_arg("from"), iri_arg("to")
    if not source or not target:
        abort(400, description="give both ?from= and ?to= (entity IRIs)")
    try:
        return jsonify(path_page(current_graph(), source, target, base=base_iri(), lang=language()))
    except NotInGraph as exc:
        abort(404, description=f"{exc.args[0]} is not an entity of the graph")


@bp.get("/search.json")
def search_json():
    query = request.args.get("q", "")
    limit = int_arg("limit", 20, 1, 200)
    return jsonify(search_page(current_graph(), query, base=base_iri(), lang=language(), limit=limit))


# --- announcements and overview ---------------------------------------------------------------


def _announcements(as_json: bool):
    data = announcements_page(context.store(), current_graph(), base=base_iri(), lang=language())
    return render_twin("announcements.html", data, as_json)


@bp.get("/announcements")
def announcements():
    return _announcements(False)


@bp.get("/announcements.json")
def announcements_json():
    return _announcements(True)


def announcement_data(slug: str) -> dict:
    """The announcement page's dict for ``slug``; 404 when there is no such announcement."""
    iri = f"{base_iri()}id/announcement/{slug}"
    data = announcement_page(context.store(), current_graph(), iri, base=base_iri(), lang=language())
    if data is None:
        abort(404, description=f"no announcement {slug!r}")
    return data


@bp.get("/announcements/<slug>")
def announcement(slug: str):
    return render_twin("announcement.html", announcement_data(slug), False)


@bp.get("/announcements/<slug>.json")
def announcement_json(slug: str):
    return render_twin("announcement.html", announcement_data(slug), True)


def _overview(as_json: bool):
    store, lang = context.store(), language()
    data = graph_cache().derived(
        store, ("overview", lang), lambda G: overview_page(store, G, base=base_iri(), lang=lang)
    )
    return render_twin("overview.html", data, as_json)


@bp.get("/overview")
def overview():
    return _overview(False)


@bp.get("/overview.json")
def overview_json():
    return _overview(True)


# --- vendored libraries -----------------------------------------------------------------------


@bp.get("/vendor/<path:filename>")
def vendor(filename: str):
    """``web/vendor/`` (vis-network, YASGUI), served from the project: pages never use a CDN."""
    return send_from_directory(web_dir() / "vendor", filename, max_age=3600)
