"""The SPARQL area: the endpoint ``/sparql``, its editor, and the gallery of named questions.

=================================  ==========================================================
``/sparql``                        SPARQL 1.1 Protocol (GET, POST form, POST sparql-query /
                                   sparql-update); a GET without a query gives the service
                                   description (Turtle), or the editor to a browser
``/queries`` (``.json``)           the named questions
``/queries/{name}`` (``.json``,    one question: description, parameter form, results;
``.csv``, ``.tsv``, ``.ttl``)      downloads with the same parameters
=================================  ==========================================================

Every query runs through a :class:`~clustergraph.sparql_limits.QueryRunner` (time limit,
``max_rows``) after :func:`~clustergraph.sparql_check.check_outside_access` (no ``SERVICE``,
``LOAD`` or foreign ``FROM``). Updates are refused (403) unless ``allow_updates`` is on and the
request carries ``Authorization: Bearer <update_token>``.
"""

from __future__ import annotations

import hmac
import logging

from flask import Blueprint, Response, render_template, request, url_for
from werkzeug.exceptions import BadRequest, Forbidden

from clustergraph import sparql
from clustergraph.errors import QueryError
from clustergraph.server import context
from clustergraph.server import sparql_gallery
from clustergraph.server.sparql_protocol import (
    choose_format,
    prefers_html,
    read_request,
    service_description,
)
from clustergraph.sparql_check import check_graph_names, check_outside_access, query_form
from clustergraph.store.results import RDFLIB_FORMATS
from clustergraph.vocab import PREFIXES

log = logging.getLogger(__name__)

bp = Blueprint("sparql", __name__)

CORS_ALLOW_HEADERS = "Accept, Content-Type"
runner = context.query_runner  # the app's QueryRunner


def editor_prefixes() -> dict[str, str]:
    """The project's prefixes, ``cgid:`` following the configured ``base_iri``."""
    return {**PREFIXES, "cgid": context.settings().base_iri + "id/"}


def default_query(prefixes: dict[str, str]) -> str:
    """The editor's first query: every project prefix declared, then a question to start from."""
    lines = [f"PREFIX {prefix}: <{namespace}>" for prefix, namespace in prefixes.items()]
    lines += [
        "",
        "# Which clusters belong to which programme, and since when?",
        "SELECT ?cluster ?programme ?joined WHERE {",
        "  ?membership a cg:Membership ; cg:cluster ?cluster ; cg:programme ?programme .",
        "  OPTIONAL { ?membership cg:startDate ?joined }",
        "}",
        "ORDER BY ?programme STR(?joined)",
        "LIMIT 100",
    ]
    return "\n".join(lines) + "\n"


# --- /sparql ----------------------------------------------------------------------------------

@bp.route("/sparql", methods=["GET", "POST"], provide_automatic_options=False)
def endpoint():
    settings = context.settings()
    protocol = read_request(request, settings.max_request_bytes)
    if protocol.update is not None:
        return _update(protocol.update)
    if protocol.query is None:
        if request.method == "POST":
            raise BadRequest("the request holds no query (query=) and no update (update=)")
        if prefers_html(request.accept_mimetypes) and not protocol.formats:
            return editor_page()
        return _service_description(protocol.formats)
    if request.method == "GET" and not protocol.formats and prefers_html(request.accept_mimetypes, _kind(protocol.query)):
        return editor_page()  # a share link opened in a browser: the editor reads the query from the URL
    return _query(protocol)


def _kind(query: str) -> str:
    return query_form(query) or "SELECT"


def _query(protocol) -> Response:
    settings, store = context.settings(), context.store()
    text = protocol.query
    if not text.strip():
        raise QueryError("the query is empty")
    check_outside_access(text, store.graphs)
    check_graph_names(protocol.default_graphs + protocol.named_graphs, store.graphs)
    kind = _kind(text)
    if kind == "UPDATE":
        raise QueryError("this is a SPARQL Update: POST it as update= or as application/sparql-update")
    fmt, media_type = choose_format(kind, request.accept_mimetypes, protocol.formats)
    is_graph = kind in ("CONSTRUCT", "DESCRIBE")
    answer = runner().query_serialized(
        text,
        "json" if is_graph else fmt,
        fmt if is_graph else "turtle",
        max_rows=settings.max_rows,
        **protocol.dataset,
    )
    if answer.kind == "CONSTRUCT" and not is_graph:  # form not recognised up front: answer in the default
        media_type = answer.media_type
    response = Response(bytes(answer), mimetype=media_type)
    if answer.truncated:
        response.headers["X-Result-Truncated"] = "true"
        response.headers["X-Result-Limit"] = str(settings.max_rows)
    if settings.cors_origins:
        response.headers["Access-Control-Expose-Headers"] = "X-Result-Truncated, X-Result-Limit"
    return response


def _update(text: str) -> Response:
    settings = context.settings()
    if request.method != "POST":
        raise BadRequest("a SPARQL Update must be sent with POST")
    if not settings.allow_updates:
        raise Forbidden(
            "this endpoint is read-only: SPARQL Update is turned off. Start the server with "
            "allow_updates = true and an update_token to accept updates"
        )
    token = settings.update_token
    if not token:
        raise Forbidden("updates are allowed but no update_token is set; an empty token never opens updates")
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        raise Forbidden("a SPARQL Update needs the header Authorization: Bearer <update_token>")
    if not text.strip():
        raise QueryError("the update is empty")
    check_outside_access(text, context.store().graphs)
    runner().update(text)
    log.info("SPARQL update applied (%d characters)", len(text))
    return Response(status=204)


def _service_description(formats: list[str]) -> Response:
    fmt, media_type = choose_format("CONSTRUCT", request.accept_mimetypes, formats)
    endpoint_url = url_for("sparql.endpoint", _external=True)
    graph = service_description(endpoint_url, context.settings(), context.store().graphs())
    data = graph.serialize(format=RDFLIB_FORMATS[fmt], encoding="utf-8")
    return Response(data, mimetype=media_type)


@bp.route("/sparql", methods=["OPTIONS"])
def preflight():
    """CORS preflight: reads (GET, and POSTed queries) may come from other origins."""
    response = Response(status=204)
    if context.settings().cors_origins:
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = CORS_ALLOW_HEADERS
        response.headers["Access-Control-Max-Age"] = "3600"
    response.headers["Allow"] = "GET, POST, OPTIONS"
    return response


# --- the editor ------------------------------------------------------------------------------

def editor_page() -> Response:
    queries = sparql.list_queries()
    prefixes = editor_prefixes()
    config = {
        "endpoint": url_for("sparql.endpoint"),
        "prefixes": prefixes,
        "defaultQuery": default_query(prefixes),
        "queries": [{"name": q.name, "title": q.title, "sparql": q.sparql} for q in queries],
    }
    settings = context.settings()
    html = render_template(
        "sparql.html",
        config=config,
        queries=queries,
        settings=settings,
        endpoint_url=url_for("sparql.endpoint", _external=True),
    )
    return Response(html, mimetype="text/html")


# --- the gallery ---------------------------------------------------------------------------

bp.add_url_rule("/queries", "queries", sparql_gallery.index)
bp.add_url_rule("/queries.json", "queries_json", sparql_gallery.index_json)
bp.add_url_rule("/queries/<name>", "query_page", sparql_gallery.query_page)
