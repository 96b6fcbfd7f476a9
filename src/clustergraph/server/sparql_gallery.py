"""The gallery of named questions: ``/queries`` and ``/queries/{name}``, each with a ``.json`` twin.

A question's page shows its description, a form for its parameters (filled with the request's
values, else the declared defaults), the results, and downloads (``.csv``, ``.tsv``, ``.json``;
``.ttl`` for a graph) that carry the same parameters. HTML and JSON come from one dict.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import Response, jsonify, render_template, request, url_for
from rdflib import BNode, Literal, URIRef
from werkzeug.exceptions import NotFound

from clustergraph import sparql
from clustergraph.errors import QueryError, UnknownQuery
from clustergraph.server import context
from clustergraph.sparql_check import check_outside_access
from clustergraph.store.base import QueryResult
from clustergraph.store.results import GRAPH_FORMATS, RESULT_FORMATS, serialize_result
from clustergraph.vocab import PREFIXES

SUFFIXES = {".json": "json", ".csv": "csv", ".tsv": "tsv", ".ttl": "turtle"}
DOWNLOAD_TYPES = {"csv": RESULT_FORMATS["csv"], "tsv": RESULT_FORMATS["tsv"], "turtle": GRAPH_FORMATS["turtle"]}


def _summary(query: sparql.NamedQuery) -> dict[str, Any]:
    """The query's header (:meth:`~clustergraph.sparql.NamedQuery.as_dict` without the text) and its URLs."""
    summary = query.as_dict()
    del summary["sparql"]
    summary["url"] = url_for("sparql.query_page", name=query.name)
    summary["json"] = url_for("sparql.query_page", name=query.name + ".json")
    return summary


def index_data() -> dict[str, Any]:
    return {"queries": [_summary(q) for q in sparql.list_queries()]}


def index():
    return render_template("queries.html", data=index_data())


def index_json():
    return jsonify(index_data())


def _cell(term) -> dict[str, Any] | None:
    if term is None:
        return None
    cell: dict[str, Any] = {"value": str(term), "text": sparql.compact(term)}
    if isinstance(term, URIRef):
        cell["type"] = "uri"
    elif isinstance(term, BNode):
        cell["type"] = "bnode"
    else:
        cell["type"] = "literal"
        if isinstance(term, Literal) and term.language:
            cell["lang"] = term.language
        elif isinstance(term, Literal) and term.datatype is not None:
            cell["datatype"] = str(term.datatype)
    return cell


def _table(result: QueryResult) -> dict[str, Any]:
    """Columns and rows of a result for the page and its twin (a graph as subject/predicate/object)."""
    if result.kind == "ASK":
        return {"kind": "ASK", "boolean": bool(result.boolean), "columns": [], "rows": []}
    if result.kind == "CONSTRUCT":
        triples = sorted(result.graph or (), key=lambda t: tuple(str(x) for x in t))
        columns = ["subject", "predicate", "object"]
        rows = [dict(zip(columns, map(_cell, triple))) for triple in triples]
        return {"kind": "CONSTRUCT", "columns": columns, "rows": rows, "truncated": result.truncated}
    rows = [{var: _cell(value) for var, value in zip(result.vars, row)} for row in result.rows]
    return {"kind": "SELECT", "columns": list(result.vars), "rows": rows, "truncated": result.truncated}


def _values(query: sparql.NamedQuery) -> dict[str, str]:
    """The parameter values of this request: given ones, else the declared defaults."""
    return {p.name: request.args.get(p.name, p.default or "") for p in query.params}


def _run(query: sparql.NamedQuery, values: dict[str, str]) -> QueryResult:
    settings, store = context.settings(), context.store()
    bindings = sparql.bind_params(query.params, values, base=settings.base_iri)
    check_outside_access(query.sparql, store.graphs)
    return context.query_runner().query(query.sparql, bindings=bindings, max_rows=settings.max_rows)


def page_data(query: sparql.NamedQuery, values: dict[str, str], result: QueryResult | None,
              error: str | None = None) -> dict[str, Any]:
    suffix = "?" + urlencode(values) if values else ""
    downloads = {"json": url_for("sparql.query_page", name=query.name + ".json") + suffix}
    if query.form == "CONSTRUCT":
        downloads["turtle"] = url_for("sparql.query_page", name=query.name + ".ttl") + suffix
    elif query.form != "ASK":
        downloads["csv"] = url_for("sparql.query_page", name=query.name + ".csv") + suffix
        downloads["tsv"] = url_for("sparql.query_page", name=query.name + ".tsv") + suffix
    data = _summary(query)
    data.update(
        sparql=query.sparql,
        param_values=values,
        downloads=downloads,
        editor=url_for("sparql.endpoint") + "?" + urlencode({"query": query.sparql}),
        results=_table(result) if result is not None else None,
        error=error,
    )
    return data


def query_page(name: str):
    base, dot, ext = name.rpartition(".")
    fmt = SUFFIXES.get("." + ext) if dot else None
    if dot and fmt is None:
        raise NotFound(f"/queries/{name}: no such format; use .json, .csv, .tsv or .ttl")
    query_name = base if fmt else name
    try:
        query = sparql.get_query(query_name)
    except UnknownQuery as exc:
        raise NotFound(str(exc)) from None
    values = _values(query)
    if fmt is None:
        try:
            result, error, status = _run(query, values), None, 200
        except QueryError as exc:
            result, error, status = None, str(exc), 400
        html = render_template("queries_page.html", data=page_data(query, values, result, error))
        return Response(html, status=status, mimetype="text/html")
    result = _run(query, values)
    if fmt == "json":
        return jsonify(page_data(query, values, result))
    if fmt == "turtle" and result.kind != "CONSTRUCT":
        raise NotFound(f"@{query.name} answers a table: download .csv, .tsv or .json")
    if fmt in ("csv", "tsv") and result.kind == "CONSTRUCT":
        raise NotFound(f"@{query.name} answers a graph: download .ttl or .json")
    if result.graph is not None:
        for prefix, namespace in PREFIXES.items():
            result.graph.bind(prefix, namespace, override=True)
    data = serialize_result(result, fmt if fmt != "turtle" else "json", "turtle")
    response = Response(bytes(data), mimetype=DOWNLOAD_TYPES[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="{query.name}.{ext}"'
    if result.truncated:
        response.headers["X-Result-Truncated"] = "true"
    return response
