"""A VoID and DCAT description of the dataset (served at ``/.well-known/void``).

It says how large the dataset is (triples, entities, distinct subjects and objects, classes and
properties, each class and property with its count), where to get it (a ``void:dataDump`` and a
``dcat:Distribution`` per export format, the SPARQL endpoint), under which licence, from which
sources (the announcements), and when it last changed (the newest ingest time).
"""

from __future__ import annotations

import hashlib

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, VOID, XSD

from clustergraph import __version__
from clustergraph.export import FORMATS as EXPORT_FORMATS, RDF_FORMATS
from clustergraph.store.base import Store
from clustergraph.store.results import term_to_sparql
from clustergraph.vocab import CG, CLASS_TO_TYPE, DEFAULT_BASE, ENTITY_TYPES, FORMATS, ONTOLOGY_IRI, PREFIXES, id_prefix

DATA_LICENCE = URIRef("https://spdx.org/licenses/MIT")
MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
TITLE = {"en": "clustergraph: innovation clusters in Germany, with the evidence of every fact",
         "de": "clustergraph: Innovationscluster in Deutschland, mit dem Beleg jeder Tatsache"}
DESCRIPTION = {
    "en": "Facts about innovation clusters (programme memberships, quality labels, funding, managing "
          "directors, regions) extracted from their announcements. Every fact is a cg:Assertion with the "
          "sentence that stated it and the announcement it was derived from; each announcement is one named graph.",
    "de": "Tatsachen über Innovationscluster (Programmmitgliedschaften, Qualitätslabel, Förderung, "
          "Geschäftsführung, Regionen), aus ihren Mitteilungen gewonnen. Jede Tatsache ist eine cg:Assertion "
          "mit dem Satz, der sie aussagt, und der Mitteilung, aus der sie stammt; jede Mitteilung ist ein benannter Graph.",
}
RIGHTS = ("The evidence sentences are quoted from the announcements named by prov:wasDerivedFrom; "
          "their publishers hold the rights to those texts. The reference graph of German towns "
          "(graph/reference/places) contains data from GeoNames (https://www.geonames.org/) under CC BY 4.0.")
VOCABULARIES = ("cg", "prov", "skos", "dcterms", "rdfs", "schema", "org")

_CLASSES = "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY ?class"
_PROPERTIES = ("SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } } "
               "GROUP BY ?p ORDER BY ?p")
_DISTINCT = ("SELECT (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?o) AS ?objects) "
             "WHERE { ?s ?p ?o }")
_ENTITIES = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class . VALUES ?class { %s } }"
_EXAMPLE = "SELECT ?s ?class WHERE { ?s a ?class } ORDER BY ?s LIMIT 1"
_MODIFIED = ("SELECT (MAX(?t) AS ?modified) WHERE { ?activity a %s ; %s ?t }"
             % (term_to_sparql(CG.ExtractionActivity), term_to_sparql(PROV.endedAtTime)))
_ANNOUNCEMENTS = "SELECT DISTINCT ?a WHERE { ?a a %s } ORDER BY ?a" % term_to_sparql(CG.Announcement)


def dataset_iri(base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of the dataset, ``{base}dataset``."""
    return URIRef(base + "dataset")


def _count(value) -> Literal:
    return Literal(int(value or 0), datatype=XSD.integer)


def void_graph(store: Store, *, site: str, base: str = DEFAULT_BASE) -> Graph:
    """The VoID/DCAT description of ``store``; ``site`` is the server's root URL (``http://host:port/``),
    under which the dumps and the SPARQL endpoint are."""
    site = site if site.endswith("/") else site + "/"
    g = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace)
    g.bind("foaf", FOAF)
    dataset = dataset_iri(base)
    document = URIRef(site + ".well-known/void")
    g.add((document, RDF.type, VOID.DatasetDescription))
    g.add((document, DCTERMS.title, Literal("VoID description of clustergraph", lang="en")))
    g.add((document, FOAF.primaryTopic, dataset))

    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, RDF.type, DCAT.Dataset))
    for lang, text in TITLE.items():
        g.add((dataset, DCTERMS.title, Literal(text, lang=lang)))
    for lang, text in DESCRIPTION.items():
        g.add((dataset, DCTERMS.description, Literal(text, lang=lang)))
    g.add((dataset, DCTERMS.license, DATA_LICENCE))
    g.add((dataset, DCTERMS.rights, Literal(RIGHTS, lang="en")))
    g.add((dataset, DCTERMS.creator, Literal("clustergraph developers")))
    g.add((dataset, OWL.versionInfo, Literal(__version__)))
    g.add((dataset, DCAT.landingPage, URIRef(site)))
    for keyword in ("innovation cluster", "Innovationscluster", "go-cluster", "provenance"):
        g.add((dataset, DCAT.keyword, Literal(keyword)))
    g.add((dataset, VOID.sparqlEndpoint, URIRef(site + "sparql")))
    g.add((dataset, VOID.uriSpace, Literal(id_prefix(base))))
    g.add((dataset, VOID.feature, FORMATS["N-Quads"]))
    g.add((dataset, DCTERMS.conformsTo, URIRef(ONTOLOGY_IRI)))
    for prefix in VOCABULARIES:
        g.add((dataset, VOID.vocabulary, URIRef(PREFIXES[prefix])))

    _add_statistics(g, dataset, store)
    _add_distributions(g, dataset, site)
    for row in store.query(_ANNOUNCEMENTS).rows:
        g.add((dataset, DCTERMS.source, row[0]))
    modified = store.query(_MODIFIED).rows
    if modified and modified[0][0] is not None:
        g.add((dataset, DCTERMS.modified, Literal(str(modified[0][0]), datatype=XSD.dateTime)))
    example = store.query(_EXAMPLE, bindings={"class": ENTITY_TYPES["Cluster"][0]}).rows
    if example:
        g.add((dataset, VOID.exampleResource, example[0][0]))
    return g


def _add_statistics(g: Graph, dataset: URIRef, store: Store) -> None:
    classes = [(row[0], row[1]) for row in store.query(_CLASSES).rows if isinstance(row[0], URIRef)]
    properties = [(row[0], row[1]) for row in store.query(_PROPERTIES).rows]
    distinct = store.query(_DISTINCT).rows[0]
    entity_classes = " ".join(term_to_sparql(cls) for cls in CLASS_TO_TYPE)
    entities = store.query(_ENTITIES % entity_classes).rows[0][0]
    g.add((dataset, VOID.triples, _count(sum(int(n) for _, n in properties))))
    g.add((dataset, VOID.entities, _count(entities)))
    g.add((dataset, VOID.distinctSubjects, _count(distinct[0])))
    g.add((dataset, VOID.distinctObjects, _count(distinct[1])))
    g.add((dataset, VOID.classes, _count(len(classes))))
    g.add((dataset, VOID.properties, _count(len(properties))))
    base = str(dataset) + "/"
    for cls, n in classes:
        partition = URIRef(base + "class/" + _fragment(cls))
        g.add((dataset, VOID.classPartition, partition))
        g.add((partition, VOID["class"], cls))
        g.add((partition, VOID.entities, _count(n)))
    for prop, n in properties:
        partition = URIRef(base + "property/" + _fragment(prop))
        g.add((dataset, VOID.propertyPartition, partition))
        g.add((partition, VOID.property, prop))
        g.add((partition, VOID.triples, _count(n)))


def _fragment(iri: URIRef) -> str:
    """A readable, unique path segment for a class or property IRI (``cg-Cluster``)."""
    text = str(iri)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace) and text[len(namespace):].isidentifier():
            return f"{prefix}-{text[len(namespace):]}"
    return "x-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _add_distributions(g: Graph, dataset: URIRef, site: str) -> None:
    for name in RDF_FORMATS + ("graphml", "gexf"):
        media, suffix = EXPORT_FORMATS[name]
        url = URIRef(site + "export" + suffix)
        distribution = URIRef(str(dataset) + "/distribution/" + name)
        if name in RDF_FORMATS:
            g.add((dataset, VOID.dataDump, url))
        g.add((dataset, DCAT.distribution, distribution))
        g.add((distribution, RDF.type, DCAT.Distribution))
        g.add((distribution, DCAT.downloadURL, url))
        g.add((distribution, DCAT.accessURL, url))
        if name in RDF_FORMATS:  # registered with IANA
            g.add((distribution, DCAT.mediaType, URIRef(MEDIA_TYPES + media)))
        g.add((distribution, DCTERMS["format"], Literal(media)))
        g.add((distribution, DCTERMS.title, Literal(f"clustergraph as {name}", lang="en")))
        g.add((distribution, DCTERMS.license, DATA_LICENCE))
