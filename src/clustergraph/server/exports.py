"""Downloads and descriptions of the dataset: exports, VoID/DCAT, the ontology.

=======================================  ============================================================
``/export.ttl`` ``.nt`` ``.nq`` ``.trig``  the dataset (Turtle and N-Triples: the union; N-Quads, TriG,
``.jsonld``                                JSON-LD: the named graphs), streamed
``/export.graphml`` ``.gexf``              the network (networkx projection)
``/export.nodes.csv`` ``.edges.csv``       its node and edge lists
``/export.html``                           the offline single-file page (a download)
``/export``                                RDF in the format ``Accept`` asks for
``/.well-known/void``                      VoID + DCAT (Turtle; JSON-LD, N-Triples, RDF/XML by Accept
                                           or ``.jsonld`` / ``.nt`` / ``.rdf``)
``/ontology``                              the ontology documented (HTML; RDF by Accept), ``.json`` twin
``/ontology.ttl``                          the ontology file itself
=======================================  ============================================================

Every export takes a subset: ``?graph=IRI`` or ``?announcement=slug`` (one named graph),
``?focus=IRI&depth=N`` (a neighbourhood), ``?class=cg:Cluster`` (a class with its facts in and
out). Any other subset is a CONSTRUCT query at ``/sparql``.

The offline HTML carries its own Content-Security-Policy (inline scripts allowed, no network),
unlike the app's pages; it is sent as an attachment with a sandboxing policy, never shown as a page.
"""

from __future__ import annotations

import logging
import threading

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request, send_file

from clustergraph.errors import ConfigError
from clustergraph.export import FORMATS, RDF_FORMATS, Subset, check_subset, iter_export, make_subset
from clustergraph.ontology_doc import ontology_document, ontology_triples
from clustergraph.resources import ontology_path
from clustergraph.server import context
from clustergraph.server.negotiation import RDF_FORMATS as NEGOTIABLE, choose, rdf_response
from clustergraph.void import void_graph

log = logging.getLogger(__name__)

bp = Blueprint("exports", __name__)

SUFFIXES: dict[str, str] = {suffix.lstrip("."): name for name, (_, suffix) in FORMATS.items()}
DOWNLOAD_CSP = ("sandbox allow-scripts allow-downloads; default-src 'none'; script-src 'unsafe-inline'; "
                "style-src 'unsafe-inline'; img-src data: blob:")
DESCRIPTION_FORMATS = ("turtle", "jsonld", "ntriples", "rdfxml")


def _subset() -> Subset:
    args = request.args
    try:
        subset = make_subset(
            graph=args.get("graph"), announcement=args.get("announcement"), focus=args.get("focus"),
            depth=args.get("depth"), cls=args.get("class"), base=context.settings().base_iri,
        )
    except ConfigError as exc:
        abort(400, description=str(exc))
    try:
        check_subset(context.store(), subset)
    except ConfigError as exc:
        abort(404, description=str(exc))
    return subset


def _download(fmt: str) -> Response:
    subset = _subset()
    media, suffix = FORMATS[fmt]
    chunks = iter_export(context.store(), fmt, subset)
    response = Response(chunks, mimetype=media)
    if media.startswith("text/") or fmt in RDF_FORMATS:
        response.headers["Content-Type"] = f"{media}; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="clustergraph{suffix}"'
    if fmt == "html":
        response.headers["Content-Security-Policy"] = DOWNLOAD_CSP
    return response


@bp.get("/export.<path:suffix>")
def export_file(suffix: str):
    fmt = SUFFIXES.get(suffix)
    if fmt is None:
        abort(404, description=f"no export /export.{suffix}; formats: "
                               + ", ".join(f"/export.{s}" for s in SUFFIXES))
    return _download(fmt)


@bp.get("/export")
def export_negotiated():
    fmt = choose([name for name in NEGOTIABLE if name in RDF_FORMATS])
    response = _download(fmt)
    response.headers.add("Vary", "Accept")
    return response


# --- VoID ----------------------------------------------------------------------------------

_VOID_KEY = "clustergraph.void"
_void_lock = threading.Lock()


def _void_quads() -> list:
    """The VoID description's quads, computed once per state of the store
    (:func:`~clustergraph.server.context.store_state`) and kept by the app."""
    store = context.store()
    key = (context.store_state(store), request.url_root)
    with _void_lock:
        cached = current_app.extensions.get(_VOID_KEY)
        if cached is None or cached[0] != key:
            graph = void_graph(store, site=request.url_root, base=context.settings().base_iri)
            cached = current_app.extensions[_VOID_KEY] = (key, [(s, p, o, None) for s, p, o in graph])
        return cached[1]


@bp.get("/.well-known/void")
@bp.get("/.well-known/void<any('.ttl', '.jsonld', '.nt', '.rdf'):suffix>")
def void(suffix: str | None = None):
    fmt = choose(DESCRIPTION_FORMATS, suffix)
    return rdf_response(_void_quads(), fmt, vary=suffix is None)


# --- the ontology --------------------------------------------------------------------------


@bp.get("/ontology.ttl")
def ontology_turtle():
    response = send_file(ontology_path(), mimetype="text/turtle")
    response.headers["Content-Type"] = "text/turtle; charset=utf-8"
    return response


@bp.get("/ontology.json")
def ontology_json():
    return jsonify(ontology_document())


@bp.get("/ontology")
@bp.get("/ontology<any('.jsonld', '.nt', '.rdf'):suffix>")
def ontology(suffix: str | None = None):
    fmt = choose(("html",) + DESCRIPTION_FORMATS, suffix)
    if fmt == "html":
        response = Response(render_template("ontology.html", data=ontology_document()), mimetype="text/html")
    else:
        response = rdf_response([(s, p, o, None) for s, p, o in ontology_triples()], fmt, vary=False)
    if suffix is None:
        response.headers.add("Vary", "Accept")
    return response
