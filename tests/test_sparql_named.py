"""clustergraph.sparql: headers, parameters, run_query and the CLI's output formats."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from clustergraph import sparql
from clustergraph.errors import ConfigError, QueryError, QueryTimeout
from clustergraph.store.memory import MemoryStore
from clustergraph.vocab import CG

from conftest import fill_sample_store

BIOSAXONY = URIRef("https://w3id.org/clustergraph/id/cluster/biosaxony")
GO = URIRef("https://w3id.org/clustergraph/id/programme/go-cluster")


def test_header_with_continuation_lines_and_quoted_help():
    title, description, params = sparql.parse_header(
        "# title: Clusters\n"
        "# description: First line\n"
        "#   second line.\n"
        "# param: land iri cgid:region/sachsen \"The Land, e.g. Sachsen\"\n"
        "# param: since date \"\" \"From when\"\n"
        "# not part of the description\n"
        "SELECT ?land ?since {}\n"
        "# title: not a header any more\n"
    )
    assert title == "Clusters"
    assert description == "First line second line."
    assert params == (
        sparql.Param("land", "iri", "cgid:region/sachsen", "The Land, e.g. Sachsen"),
        sparql.Param("since", "date", None, "From when"),
    )


@pytest.mark.parametrize(
    "line, message",
    [
        ('# param: land iri "no help"', "must read"),
        ('# param: land colour red "help"', "has type 'colour'"),
        ('# param: 1land iri x "help"', "not a SPARQL variable name"),
        ('# param: land iri "unclosed', "param line"),
    ],
)
def test_malformed_param_lines_are_errors(line, message):
    with pytest.raises(QueryError, match=message):
        sparql.parse_header(line + "\nSELECT * {}")


@pytest.mark.parametrize(
    "kind, text, expected",
    [
        ("iri", "cgid:cluster/biosaxony", BIOSAXONY),
        ("iri", "cluster/biosaxony", BIOSAXONY),
        ("iri", "<https://w3id.org/clustergraph/id/cluster/biosaxony>", BIOSAXONY),
        ("iri", "cg:memberOf", CG.memberOf),
        ("iri", "urn:isbn:123", URIRef("urn:isbn:123")),
        ("date", "2014-06-01", Literal("2014-06-01", datatype=XSD.date)),
        ("date", "2014", Literal("2014", datatype=XSD.gYear)),
        ("integer", " 12 ", Literal(12)),
        ("literal", 'say "hi" }', Literal('say "hi" }')),
    ],
)
def test_parameter_values_become_typed_terms(kind, text, expected):
    assert sparql.coerce_param(kind, text) == expected


def test_cgid_follows_the_configured_base():
    assert sparql.coerce_param("iri", "cluster/x", base="https://example.org/kg/") == URIRef("https://example.org/kg/id/cluster/x")
    assert sparql.coerce_param("iri", "cgid:cluster/x", base="https://example.org/kg/") == URIRef("https://example.org/kg/id/cluster/x")


@pytest.mark.parametrize("kind, text", [("iri", "not an iri"), ("iri", "x y:z"), ("date", "2014-13"), ("date", "soon"), ("integer", "1.5")])
def test_bad_parameter_values(kind, text):
    with pytest.raises(QueryError, match="parameter p"):
        sparql.coerce_param(kind, text, name="p")


def test_defaults_fill_in_and_empty_values_leave_variables_unbound():
    params = (sparql.Param("programme", "iri", "programme/go-cluster", "h"), sparql.Param("since", "date", None, "h"))
    assert sparql.bind_params(params, {}) == {"programme": GO}
    assert sparql.bind_params(params, {"programme": ""}) == {}
    assert sparql.bind_params(params, {"since": "2014"}) == {"programme": GO, "since": Literal("2014", datatype=XSD.gYear)}


def test_undeclared_parameters_of_plain_text_are_guessed():
    prepared = sparql.prepare("SELECT ?x ?n ?d ?s {}", {"x": "cgid:cluster/biosaxony", "n": "3", "d": "2014-06", "s": "Dresden"})
    assert prepared.bindings == {
        "x": BIOSAXONY, "n": Literal(3), "d": Literal("2014-06", datatype=XSD.gYearMonth), "s": Literal("Dresden"),
    }
    assert prepared.named is None


@pytest.fixture(scope="module")
def store():
    opened = fill_sample_store(MemoryStore())
    yield opened
    opened.close()


def test_run_a_named_query_with_a_parameter(store):
    result = sparql.run_query(store, "@programme-members", {"programme": "programme/spitzencluster-wettbewerb"})
    assert {row[1] for row in result.rows} == {
        URIRef("https://w3id.org/clustergraph/id/cluster/it-s-owl"),
        URIRef("https://w3id.org/clustergraph/id/cluster/medical-valley-emn"),
    }


def test_run_query_refuses_what_reaches_outside_and_updates(store):
    with pytest.raises(QueryError, match="SERVICE is not allowed"):
        sparql.run_query(store, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    with pytest.raises(QueryError, match="SPARQL Update"):
        sparql.run_query(store, "DELETE WHERE { ?s ?p ?o }")
    assert store.count() > 0


def test_run_query_with_a_time_limit_stops_a_runaway_query(store):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with pytest.raises(QueryTimeout, match="stopped"):
        sparql.run_query(store, runaway, timeout=0.5)
    assert sparql.run_query(store, "ASK { ?s ?p ?o }", timeout=5).boolean is True


def test_max_rows_cuts_and_says_so(store):
    result = sparql.run_query(store, "SELECT ?s WHERE { ?s ?p ?o }", max_rows=3)
    assert len(result.rows) == 3 and result.truncated
    assert "cut at the row limit" in sparql.format_result(result, "table")


# --- output --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def members(store):
    return sparql.run_query(store, "@programme-members")


def test_table_output_is_aligned_and_compact(members):
    lines = sparql.format_result(members, "table").splitlines()
    assert lines[0].split() == members.vars
    assert set(lines[1]) <= {"-", " "}
    assert "cgid:cluster/biosaxony" in lines[3] and "2014-06" in lines[3]
    assert lines[-1] == "(3 rows)"
    assert len({line.index("cgid:cluster/") for line in lines[2:5]}) == 1  # one column


def test_csv_tsv_and_json_output(members):
    rows = list(csv.DictReader(io.StringIO(sparql.format_result(members, "csv"))))
    assert rows[1]["cluster"] == str(BIOSAXONY) and rows[1]["joined"] == "2014-06"
    tsv = sparql.format_result(members, "tsv").splitlines()
    assert tsv[0].split("\t")[:2] == ["?programme", "?cluster"]
    assert '"2014-06"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>' in tsv[2]
    doc = json.loads(sparql.format_result(members, "json"))
    assert doc["head"]["vars"] == members.vars
    assert doc["results"]["bindings"][1]["cluster"] == {"type": "uri", "value": str(BIOSAXONY)}


def test_graph_output_and_wrong_pairings(store, members):
    network = sparql.run_query(store, "@programme-network")
    turtle = sparql.format_result(network, "turtle")
    assert "@prefix cg:" in turtle
    assert isomorphic(Graph().parse(data=turtle, format="turtle"), network.graph)
    assert isomorphic(Graph().parse(data=sparql.format_result(network, "json"), format="json-ld"), network.graph)
    with pytest.raises(ConfigError, match="is a graph"):
        sparql.format_result(network, "csv")
    with pytest.raises(ConfigError, match="is a table"):
        sparql.format_result(members, "turtle")
    with pytest.raises(ConfigError, match="unknown output format"):
        sparql.format_result(members, "xlsx")


def test_ask_output(store):
    yes = sparql.run_query(store, "ASK { ?s ?p ?o }")
    assert sparql.format_result(yes, "table") == "true\n"
    assert json.loads(sparql.format_result(yes, "json")) == {"head": {}, "boolean": True}
