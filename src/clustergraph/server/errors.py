"""One function turns any error into a response: JSON for API clients, a page for people.

The JSON shape is pinned: ``{"error": {"status": 400, "title": "Bad Request", "detail": "..."}}``.
A visitor never sees a traceback: unexpected exceptions are logged and answered with a 500.
"""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from clustergraph.errors import ClusterGraphError, QueryError, QueryTimeout, UnknownQuery

log = logging.getLogger(__name__)

_STATUS_OF = {QueryError: 400, UnknownQuery: 404, QueryTimeout: 503}


def error_status(exc: BaseException) -> int:
    if isinstance(exc, HTTPException):
        return exc.code or 500
    for cls, status in _STATUS_OF.items():
        if isinstance(exc, cls):
            return status
    return 500


def _wants_html() -> bool:
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "text/html" and request.accept_mimetypes[best] > request.accept_mimetypes["application/json"]


def error_response(exc: BaseException) -> Response:
    status = error_status(exc)
    if status >= 500 and not isinstance(exc, (HTTPException, QueryTimeout)):
        log.exception("unexpected error on %s %s", request.method, request.path)
        exc = InternalServerError()
    title = exc.name if isinstance(exc, HTTPException) else type(exc).__name__
    detail = exc.description if isinstance(exc, HTTPException) else str(exc)
    body = {"status": status, "title": title, "detail": detail}
    if isinstance(exc, QueryError) and exc.position:
        body["position"] = {"line": exc.position[0], "column": exc.position[1]}
    if _wants_html():
        response = Response(render_template("error.html", error=body), status=status, mimetype="text/html")
    else:
        response = jsonify({"error": body})
        response.status_code = status
    if status == 503:
        response.headers["Retry-After"] = "5"
    return response


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(HTTPException, error_response)
    app.register_error_handler(ClusterGraphError, error_response)
    app.register_error_handler(Exception, error_response)
