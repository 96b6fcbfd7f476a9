"""/ontology: the ontology documented from ontology/clustergraph.ttl, and served as RDF."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from clustergraph.config import load_settings
from clustergraph.ontology_doc import load_ontology, ontology_document
from clustergraph.server import create_app
from clustergraph.store.oxigraph import OxigraphStore
from clustergraph.vocab import CG


@pytest.fixture(scope="module")
def client():
    with OxigraphStore(None) as store:
        yield create_app(load_settings(environ={}, overrides={"store": "memory"}), store).test_client()


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        value = dict(attrs).get("id")
        if value:
            self.ids.add(value)


def declared_terms() -> set[str]:
    """The names of the ``CG`` namespace (vocab.py), which the ontology declares."""
    return {name for name in CG.__annotations__}


def test_the_document_has_labels_domains_ranges_and_examples():
    doc = ontology_document()
    properties = {p["name"]: p for p in doc["properties"]}
    classes = {c["name"]: c for c in doc["classes"]}
    assert {p["name"] for p in doc["properties"]} | set(classes) == declared_terms()
    member_of = properties["memberOf"]
    assert member_of["labels"] == {"en": "member of", "de": "Mitglied von"}
    assert [r["curie"] for r in member_of["range"]] == ["cg:Programme"]
    assert {r["curie"] for r in member_of["domain_includes"]} == {"cg:Cluster", "cg:Organisation"}
    assert member_of["examples"] and member_of["kind"] == "ObjectProperty"
    assert "TransitiveProperty" in properties["partOf"]["characteristics"]
    assert {"de", "en"} <= set(classes["Cluster"]["comments"])
    assert "cg:memberOf" in {p["curie"] for p in classes["Programme"]["range_of"]}


def test_the_page_documents_every_term_with_an_anchor(client):
    response = client.get("/ontology", headers={"Accept": "text/html"})
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = _Ids()
    page.feed(response.get_data(as_text=True))
    assert declared_terms() <= page.ids
    text = response.get_data(as_text=True)
    for label in ("member of", "Mitglied von", "quality label", "Qualitätslabel", "Domain includes", "Range"):
        assert label in text


def test_the_json_twin_is_the_document(client):
    assert client.get("/ontology.json").get_json() == ontology_document()


def test_ontology_ttl_is_the_file(client):
    response = client.get("/ontology.ttl")
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    assert isomorphic(Graph().parse(data=response.data, format="turtle"), load_ontology())


@pytest.mark.parametrize("request_kwargs, rdflib_format", [
    ({"headers": {"Accept": "text/turtle"}}, "turtle"),
    ({"headers": {"Accept": "application/ld+json"}}, "json-ld"),
    ({"headers": {"Accept": "application/rdf+xml"}}, "xml"),
    ({"path": "/ontology.jsonld"}, "json-ld"),
    ({"path": "/ontology.nt"}, "nt"),
    ({"path": "/ontology.rdf"}, "xml"),
])
def test_the_ontology_as_rdf_by_accept_and_suffix(client, request_kwargs, rdflib_format):
    response = client.get(request_kwargs.get("path", "/ontology"), headers=request_kwargs.get("headers", {}))
    assert response.status_code == 200
    assert isomorphic(Graph().parse(data=response.data, format=rdflib_format), load_ontology())


def test_an_unacceptable_type_is_406(client):
    assert client.get("/ontology", headers={"Accept": "image/png"}).status_code == 406
