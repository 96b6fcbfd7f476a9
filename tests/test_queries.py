"""Every named question: a well-formed header, and the rows it must return on the sample data,
the same on the embedded Oxigraph and the rdflib memory back-end."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from clustergraph import sparql
from clustergraph.errors import QueryError, UnknownQuery
from clustergraph.sparql_check import tokens
from clustergraph.store.memory import MemoryStore
from clustergraph.store.oxigraph import OxigraphStore
from clustergraph.vocab import CG

from conftest import fill_sample_store

ID = "https://w3id.org/clustergraph/id/"
DOCS = Path(__file__).resolve().parents[1] / "docs" / "sparql.md"
QUERIES = sparql.list_queries()


def iri(path: str) -> URIRef:
    return URIRef(ID + path)


@pytest.fixture(scope="module")
def stores():
    """The sample data in both embedded back-ends, loaded once for the module (queries only read)."""
    opened = {"oxigraph": fill_sample_store(OxigraphStore(None)), "memory": fill_sample_store(MemoryStore())}
    yield opened
    for store in opened.values():
        store.close()


@pytest.fixture(params=["oxigraph", "memory"])
def loaded(request, stores):
    return stores[request.param]


def _unordered(value):
    """A cell as both back-ends agree on it: GROUP_CONCAT parts have no defined order, and
    Oxigraph writes numbers canonically ("1.0"^^xsd:decimal comes back as "1")."""
    if isinstance(value, Literal) and "; " in value:
        return tuple(sorted(value.split("; ")))
    if isinstance(value, Literal) and value.datatype in (XSD.decimal, XSD.integer, XSD.double):
        return (value.toPython(), value.datatype)
    return value


def rows(store, name, **params):
    result = sparql.run_query(store, "@" + name, params)
    return [dict(zip(result.vars, row)) for row in result.rows]


# --- the files ---------------------------------------------------------------------------------

def test_there_are_at_least_twelve_questions():
    assert len(QUERIES) >= 12


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_header_declares_title_description_and_typed_parameters(query):
    assert query.title and query.title != query.name
    assert len(query.description) > 40
    assert query.form in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
    variables = {value[1:] for kind, value in tokens(query.sparql) if kind == "var"}
    select_clause = query.sparql.split("WHERE", 1)[0]
    for param in query.params:
        assert param.type in sparql.PARAM_TYPES and param.help
        assert param.name in variables, f"?{param.name} is not used"
        assert f"?{param.name}" in select_clause, f"?{param.name} must be projected to be bound"
        if param.default:
            sparql.coerce_param(param.type, param.default)  # the default is a valid value


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_every_question_runs_the_same_on_both_embedded_back_ends(query, stores):
    results = []
    for store in stores.values():
        result = sparql.run_query(store, "@" + query.name)
        if result.kind == "CONSTRUCT":
            results.append(set(result.graph))
        else:  # GROUP_CONCAT has no defined order: compare its parts
            results.append(sorted((tuple(_unordered(v) for v in row) for row in result.rows), key=repr))
    assert results[0] == results[1]
    assert results[0], f"@{query.name} finds nothing in the sample data"


def test_every_question_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    for query in QUERIES:
        assert f"@{query.name}" in text, f"docs/sparql.md does not name @{query.name}"


# --- the answers -------------------------------------------------------------------------------

def test_programme_members_with_their_join_dates(loaded):
    found = {(r["cluster"], r["joined"]) for r in rows(loaded, "programme-members")}
    assert found == {
        (iri("cluster/biosaxony"), Literal("2014-06", datatype=XSD.gYearMonth)),
        (iri("cluster/medical-valley-emn"), Literal("2013", datatype=XSD.gYear)),
        (iri("cluster/silicon-saxony"), Literal("2016-09", datatype=XSD.gYearMonth)),
    }
    ordered = [r["clusterName"] for r in rows(loaded, "programme-members")]
    assert ordered == [Literal("Medical Valley EMN"), Literal("biosaxony"), Literal("Silicon Saxony")]
    spitzen = rows(loaded, "programme-members", programme="cgid:programme/spitzencluster-wettbewerb")
    assert {r["cluster"] for r in spitzen} == {iri("cluster/it-s-owl"), iri("cluster/medical-valley-emn")}
    everyone = rows(loaded, "programme-members", programme="")
    assert len(everyone) == 5


def test_clusters_per_land(loaded):
    counts = {str(r["landName"]): int(r["clusters"]) for r in rows(loaded, "clusters-per-land")}
    assert counts == {"Sachsen": 2, "Bayern": 1, "Nordrhein-Westfalen": 1, "Baden-Württemberg": 1}


def test_clusters_in_a_land(loaded):
    saxony = {(r["cluster"], r.get("label")) for r in rows(loaded, "clusters-in-land")}
    assert saxony == {(iri("cluster/biosaxony"), None), (iri("cluster/silicon-saxony"), iri("label/ecei-silver-label"))}
    bavaria = rows(loaded, "clusters-in-land", land="region/bayern")
    assert {r["programme"] for r in bavaria} == {iri("programme/go-cluster"), iri("programme/spitzencluster-wettbewerb")}


def test_ecei_label_holders_with_label_and_date(loaded):
    found = {(r["cluster"], r["label"], str(r["awarded"])) for r in rows(loaded, "ecei-label-holders")}
    assert found == {
        (iri("cluster/medical-valley-emn"), iri("label/ecei-gold-label"), "2015-03"),
        (iri("cluster/silicon-saxony"), iri("label/ecei-silver-label"), "2016-10"),
    }
    gold = rows(loaded, "ecei-label-holders", label="cgid:label/ecei-gold-label")
    assert [r["cluster"] for r in gold] == [iri("cluster/medical-valley-emn")]


def test_programme_ministries_across_renames(loaded):
    today = rows(loaded, "programme-ministries", ministry="cgid:ministry/bmwe")
    found = {(r["programme"], r["runBy"]) for r in today}
    assert (iri("programme/go-cluster"), iri("ministry/bmwi")) in found  # run by BMWE's predecessor
    # every answer is run by BMWE or one of its predecessors, never by the research ministry
    assert {run_by for _, run_by in found} <= {iri("ministry/bmwi"), iri("ministry/bmwk"), iri("ministry/bmwe")}
    assert iri("programme/spitzencluster-wettbewerb") not in {programme for programme, _ in found}
    everything = {(r["ministry"], r["programme"]) for r in rows(loaded, "programme-ministries")}
    assert (iri("ministry/bmwk"), iri("programme/go-cluster")) in everything
    assert (iri("ministry/bmftr"), iri("programme/spitzencluster-wettbewerb")) in everything
    assert (iri("ministry/bmbf"), iri("programme/go-cluster")) not in everything


def test_ministry_renames(loaded):
    found = [(r["before"], r["after"], str(r["date"])) for r in rows(loaded, "ministry-renames")]
    assert (iri("ministry/bmwi"), iri("ministry/bmwk"), "2021-12-08") == found[0]
    assert (iri("ministry/bmwk"), iri("ministry/bmwe"), "2025-05-06") in found


def test_managing_directors_and_the_announcements_naming_them(loaded):
    found = {(r["person"], r["cluster"], r["announcement"]) for r in rows(loaded, "managing-directors")}
    assert (iri("person/andre-hofmann"), iri("cluster/biosaxony"), iri("announcement/biosaxony-go-cluster-2014")) in found
    assert len(found) == 3
    only = rows(loaded, "managing-directors", cluster="cluster/silicon-saxony")
    assert [str(r["personName"]) for r in only] == ["Frank Bösenberg"]
    assert str(only[0]["evidence"]).startswith("Geschäftsführer Frank Bösenberg")


def test_source_sentence_of_a_fact(loaded):
    (row,) = rows(loaded, "fact-evidence")
    assert str(row["evidence"]) == (
        "Im Juni 2014 wurde biosaxony in die Riege der exzellent vernetzten nationalen Innovationscluster aufgenommen."
    )
    assert row["announcement"] == iri("announcement/biosaxony-go-cluster-2014")
    assert row["date"] == Literal("2014-06", datatype=XSD.gYearMonth)
    gold = rows(loaded, "fact-evidence", subject="cluster/medical-valley-emn", predicate="cg:holdsLabel",
                object="label/ecei-gold-label")
    assert "Qualitätslabel in Gold" in str(gold[0]["evidence"])
    about = rows(loaded, "fact-evidence", predicate="", object="")
    assert {r["predicate"] for r in about} == {CG.memberOf, CG.locatedIn, CG.sector}


def test_new_memberships_per_year(loaded):
    found = {(int(r["year"]), r["programme"]): int(r["newMembers"]) for r in rows(loaded, "memberships-per-year")}
    assert found == {
        (2010, iri("programme/spitzencluster-wettbewerb")): 1,
        (2012, iri("programme/spitzencluster-wettbewerb")): 1,
        (2013, iri("programme/go-cluster")): 1,
        (2014, iri("programme/go-cluster")): 1,
        (2016, iri("programme/go-cluster")): 1,
    }


def test_clusters_in_two_programmes_at_once(loaded):
    (row,) = rows(loaded, "clusters-in-several-programmes")
    assert row["cluster"] == iri("cluster/medical-valley-emn") and int(row["programmes"]) == 2
    assert "go-cluster (2013)" in str(row["memberships"]) and "(2010-01)" in str(row["memberships"])
    assert len(rows(loaded, "clusters-in-several-programmes", minimum="1")) == 4
    assert rows(loaded, "clusters-in-several-programmes", minimum="3") == []


def test_entities_no_announcement_supports(loaded):
    found = rows(loaded, "unsupported-entities")
    assert [(r["entity"], str(r["name"])) for r in found] == [(iri("cluster/photonics-bw"), "Photonics BW")]
    assert rows(loaded, "unsupported-entities", type="cg:Person") == []


def test_announcements_since_a_date(loaded):
    found = rows(loaded, "announcements-since", since="2015-01-01")
    assert [r["announcement"] for r in found] == [
        iri("announcement/silicon-saxony-ecei-silver-2016"), iri("announcement/medical-valley-ecei-gold-2015"),
    ]
    assert [int(r["facts"]) for r in found] == [5, 3]
    assert len(rows(loaded, "announcements-since")) == 4


def test_everything_about_a_cluster(loaded):
    found = {(str(r["relation"]), r["other"]) for r in rows(loaded, "cluster-facts")}
    assert found == {
        ("member of programme", iri("programme/go-cluster")),
        ("located in", iri("region/sachsen")),
        ("sector", iri("sector/life-sciences")),
        ("managing director of", iri("person/andre-hofmann")),
    }


def test_label_awards_per_year(loaded):
    found = {(int(r["year"]), r["label"]): int(r["awards"]) for r in rows(loaded, "label-awards-per-year")}
    assert found == {(2015, iri("label/ecei-gold-label")): 1, (2016, iri("label/ecei-silver-label")): 1}


def test_programme_network_is_a_graph(loaded):
    result = sparql.run_query(loaded, "@programme-network")
    assert result.kind == "CONSTRUCT"
    graph = result.graph
    assert (iri("cluster/medical-valley-emn"), CG.holdsLabel, iri("label/ecei-gold-label")) in graph
    assert (iri("programme/go-cluster"), CG.runBy, iri("ministry/bmwi")) in graph
    assert (iri("cluster/photonics-bw"), CG.locatedIn, iri("region/baden-wuerttemberg")) in graph


# --- parameters and errors -----------------------------------------------------------------------

def test_parameters_are_bound_not_formatted_into_the_text(loaded):
    text = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?x ?name WHERE { ?x skos:prefLabel ?name }"
    hostile = '" } UNION { ?x ?p ?name } #'
    assert sparql.run_query(loaded, text, {"name": hostile}).rows == []
    (row,) = sparql.run_query(loaded, text, {"name": "Photonics BW"}).rows
    assert row == (iri("cluster/photonics-bw"), Literal("Photonics BW"))
    with pytest.raises(QueryError, match="is not an IRI"):
        rows(loaded, "unsupported-entities", type=hostile)


def test_bad_parameter_values_are_refused_with_the_parameter_named(loaded):
    with pytest.raises(QueryError, match="parameter minimum: 'two' is not a whole number"):
        rows(loaded, "clusters-in-several-programmes", minimum="two")
    with pytest.raises(QueryError, match="parameter since"):
        rows(loaded, "announcements-since", since="yesterday")
    with pytest.raises(QueryError, match="unknown parameter 'colour'"):
        rows(loaded, "programme-members", colour="red")


def test_unknown_query_suggests_close_names():
    with pytest.raises(UnknownQuery, match="did you mean @programme-members"):
        sparql.get_query("programme-member")


# --- the shipped data --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def shipped():
    from clustergraph.ingest import setup_shipped_data

    store = OxigraphStore(None)
    setup_shipped_data(store)
    yield store
    store.close()


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_every_question_runs_on_the_shipped_data(query, shipped):
    sparql.run_query(shipped, "@" + query.name)


def test_shipped_data_answers_the_seed_questions(shipped):
    members = {(r["cluster"], str(r["joined"])) for r in rows(shipped, "programme-members")}
    assert (iri("cluster/biosaxony"), "2014-06") in members
    assert len(rows(shipped, "ministry-renames")) == 3
    today = {r["programme"] for r in rows(shipped, "programme-ministries", ministry="ministry/bmwe")}
    assert iri("programme/go-cluster") in today
    saxony = {r["cluster"] for r in rows(shipped, "clusters-in-land")}
    assert iri("cluster/biosaxony") in saxony
