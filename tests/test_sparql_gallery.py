"""/queries and /queries/{name}: the list, each question's page, its .json twin and downloads."""

from __future__ import annotations

import csv
import io
import re

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from clustergraph import sparql
from clustergraph.config import load_settings
from clustergraph.server import create_app

ID = "https://w3id.org/clustergraph/id/"


@pytest.fixture
def client(sample_store):
    settings = load_settings(environ={}, overrides={"store": "memory", "query_timeout": 10.0})
    return create_app(settings, store=sample_store).test_client()


def test_the_list_and_its_json_twin(client):
    page = client.get("/queries")
    assert page.status_code == 200 and page.mimetype == "text/html"
    listed = client.get("/queries.json").get_json()["queries"]
    assert [q["name"] for q in listed] == [q.name for q in sparql.list_queries()]
    html = page.get_data(as_text=True)
    for query in listed:
        assert f'href="{query["url"]}"' in html and query["title"] in html
    assert listed[0]["json"].endswith(".json")


def test_every_question_has_a_page(client):
    for query in sparql.list_queries():
        response = client.get(f"/queries/{query.name}")
        assert response.status_code == 200, query.name
        assert query.title in response.get_data(as_text=True)


def test_a_question_page_shows_form_results_and_downloads(client):
    html = client.get("/queries/programme-members").get_data(as_text=True)
    assert '<input name="programme" value="cgid:programme/go-cluster"' in html
    assert ">cgid:cluster/biosaxony</a>" in html and "<td>2014-06</td>" in html
    assert 'href="/queries/programme-members.csv?programme=cgid%3Aprogramme%2Fgo-cluster"' in html
    assert 'href="/queries/programme-members.tsv?' in html and 'href="/queries/programme-members.json?' in html
    assert "/sparql?query=" in html  # open in the editor
    assert "js/queries.js" in html and "<script>" not in html


def test_html_and_json_come_from_the_same_data(client):
    data = client.get("/queries/programme-members.json").get_json()
    html = client.get("/queries/programme-members").get_data(as_text=True)
    assert data["name"] == "programme-members" and data["param_values"] == {"programme": "cgid:programme/go-cluster"}
    assert data["results"]["columns"][:3] == ["programme", "cluster", "clusterName"]
    for row in data["results"]["rows"]:
        assert f'>{row["cluster"]["text"]}</a>' in html
    joined = {row["cluster"]["value"]: row["joined"]["value"] for row in data["results"]["rows"]}
    assert joined == {ID + "cluster/medical-valley-emn": "2013", ID + "cluster/biosaxony": "2014-06",
                      ID + "cluster/silicon-saxony": "2016-09"}
    assert data["results"]["rows"][1]["joined"]["datatype"].endswith("#gYearMonth")


def test_parameters_from_the_url(client):
    data = client.get("/queries/programme-members.json?programme=programme/spitzencluster-wettbewerb").get_json()
    assert {row["cluster"]["value"] for row in data["results"]["rows"]} == {ID + "cluster/it-s-owl", ID + "cluster/medical-valley-emn"}
    everyone = client.get("/queries/programme-members.json?programme=").get_json()
    assert len(everyone["results"]["rows"]) == 5


def test_downloads(client):
    response = client.get("/queries/ecei-label-holders.csv")
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == 'attachment; filename="ecei-label-holders.csv"'
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert {(r["cluster"], r["awarded"]) for r in rows} == {(ID + "cluster/medical-valley-emn", "2015-03"),
                                                          (ID + "cluster/silicon-saxony", "2016-10")}
    tsv = client.get("/queries/ecei-label-holders.tsv?label=cgid:label/ecei-gold-label").get_data(as_text=True)
    assert len(tsv.splitlines()) == 2 and "medical-valley-emn" in tsv


def test_graph_questions_download_as_turtle(client, sample_store):
    response = client.get("/queries/programme-network.ttl")
    assert response.mimetype == "text/turtle"
    assert b"@prefix cg: <https://w3id.org/clustergraph/ontology#>" in response.data
    assert isomorphic(Graph().parse(data=response.data, format="turtle"),
                      sparql.run_query(sample_store, "@programme-network").graph)
    assert client.get("/queries/programme-network.csv").status_code == 404
    assert client.get("/queries/programme-members.ttl").status_code == 404
    html = client.get("/queries/programme-network").get_data(as_text=True)
    assert 'href="/queries/programme-network.ttl' in html and ".csv" not in html


def test_unknown_questions_and_formats_are_404(client):
    response = client.get("/queries/programme-member.json", headers={"Accept": "application/json"})
    assert response.status_code == 404 and "did you mean @programme-members" in response.get_json()["error"]["detail"]
    assert client.get("/queries/programme-members.xlsx").status_code == 404


def test_a_bad_parameter_shows_the_form_with_the_message(client):
    page = client.get("/queries/clusters-in-several-programmes?minimum=two")
    assert page.status_code == 400
    html = page.get_data(as_text=True)
    assert "parameter minimum: &#39;two&#39; is not a whole number" in html
    assert '<input name="minimum" value="two"' in html
    twin = client.get("/queries/clusters-in-several-programmes.json?minimum=two")
    assert twin.status_code == 400 and "whole number" in twin.get_json()["error"]["detail"]


def test_reflected_values_are_escaped(client):
    html = client.get("/queries/programme-members?programme=%22%3E%3Cscript%3Ealert(1)%3C/script%3E").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert re.search(r'value="&#34;&gt;&lt;script&gt;alert\(1\)&lt;/script&gt;"', html)
