"""The scan that runs before any query: its form, and nothing that would reach outside."""

from __future__ import annotations

import pytest

from clustergraph.errors import QueryError
from clustergraph.sparql_check import check_graph_names, check_outside_access, dataset_clauses, query_form

STORE_GRAPHS = ["https://w3id.org/clustergraph/graph/announcement/a1", "urn:graph:b"]


def known():
    return STORE_GRAPHS


@pytest.mark.parametrize(
    "text, form",
    [
        ("SELECT * { ?s ?p ?o }", "SELECT"),
        ("# a comment with CONSTRUCT\nprefix cg: <urn:x#>\nBASE <http://e/>\nconstruct { ?s ?p ?o } where { ?s ?p ?o }", "CONSTRUCT"),
        ("ASK { }", "ASK"),
        ("DESCRIBE <urn:a>", "DESCRIBE"),
        ("PREFIX a: <urn:a> DELETE WHERE { ?s ?p ?o }", "UPDATE"),
        ("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "UPDATE"),
        ("{ ?s ?p ?o }", None),
        ("", None),
    ],
)
def test_query_form(text, form):
    assert query_form(text) == form


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "select * where { service silent <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "SELECT * WHERE { ?a ?b ?c FILTER(?a<?b) SERVICE<http://127.0.0.1:9/>{?s ?p ?o} }",
        "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "SELECT * WHERE { BIND('''it's''' AS ?x) SERVICE ?endpoint { ?s ?p ?o } }",
        "LOAD <http://127.0.0.1:9/data.ttl>",
        "load silent <http://127.0.0.1:9/data.ttl> into graph <urn:g>",
        "SELECT * FROM <http://127.0.0.1:9/> WHERE { ?s ?p ?o }",
        "SELECT * FROM NAMED <http://127.0.0.1:9/> WHERE { GRAPH ?g { ?s ?p ?o } }",
        "PREFIX x: <http://127.0.0.1:9/> SELECT * FROM x:data WHERE { ?s ?p ?o }",
        "BASE <http://127.0.0.1:9/> SELECT * FROM <data> WHERE { ?s ?p ?o }",
        "DELETE { ?s ?p ?o } USING <http://127.0.0.1:9/> WHERE { ?s ?p ?o }",
        "INSERT { ?s ?p ?o } USING NAMED <http://127.0.0.1:9/> WHERE { GRAPH ?g { ?s ?p ?o } }",
    ],
)
def test_what_would_reach_outside_is_refused(text):
    with pytest.raises(QueryError, match="not allowed|not a graph of this store"):
        check_outside_access(text, known)


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { ?service <http://example.org/SERVICE> 'SERVICE' }",
        'SELECT * WHERE { ?s ?p "a \\" LOAD SERVICE" } # SERVICE in a comment',
        "SELECT * WHERE { ?s ?p '''multi\nline SERVICE''' }",
        "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:service ex:load }",
        "SELECT * FROM <https://w3id.org/clustergraph/graph/announcement/a1> WHERE { ?s ?p ?o }",
        "PREFIX g: <urn:graph:> SELECT * FROM NAMED g:b WHERE { GRAPH ?g { ?s ?p ?o } }",
        "SELECT * WHERE { GRAPH <http://127.0.0.1:9/> { ?s ?p ?o } }",
    ],
)
def test_ordinary_queries_pass(text):
    check_outside_access(text, known)


def test_dataset_clauses_resolve_prefixes_and_base():
    text = "BASE <http://e.org/g/> PREFIX g: <urn:graph:> SELECT * FROM <a> FROM g:b FROM NAMED <http://x/c> {}"
    assert dataset_clauses(text) == [("FROM", "http://e.org/g/a"), ("FROM", "urn:graph:b"), ("FROM NAMED", "http://x/c")]
    with pytest.raises(QueryError, match="FROM must be followed by the IRI"):
        dataset_clauses("SELECT * FROM ?g { }")


def test_protocol_graph_names_must_be_in_the_store():
    check_graph_names(["urn:graph:b"], known)
    check_graph_names([], lambda: pytest.fail("not asked when no graph is named"))
    with pytest.raises(QueryError, match="is not in this store"):
        check_graph_names(["http://127.0.0.1:9/"], known)
