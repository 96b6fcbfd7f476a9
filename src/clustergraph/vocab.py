"""Every vocabulary term clustergraph uses, spelled once, and the minting of IRIs.

``CG`` is a closed namespace: a term that is not declared here raises ``AttributeError``, and a
test keeps this list and ``ontology/clustergraph.ttl`` in sync. No other Python module spells an
ontology IRI as a string.

>>> str(CG.memberOf)
'https://w3id.org/clustergraph/ontology#memberOf'
>>> slugify("Baden-Württemberg")
'baden-wuerttemberg'
>>> str(mint("cluster", "biosaxony e.V."))
'https://w3id.org/clustergraph/id/cluster/biosaxony-e-v'
>>> curie(CG.memberOf), str(expand_iri("cluster/biosaxony"))
('cg:memberOf', 'https://w3id.org/clustergraph/id/cluster/biosaxony')
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCAT,
    DCTERMS,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    TIME,
    VOID,
    XSD,
    DefinedNamespace,
)

from clustergraph.errors import ConfigError

ONTOLOGY_IRI = "https://w3id.org/clustergraph/ontology"
DEFAULT_BASE = "https://w3id.org/clustergraph/"
WD = Namespace("http://www.wikidata.org/entity/")
# SPARQL 1.1 Service Description and the W3C format IRIs it names (the /sparql endpoint describes itself)
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")


class CG(DefinedNamespace):
    """The clustergraph ontology, ``https://w3id.org/clustergraph/ontology#``."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # classes
    Cluster: URIRef
    Region: URIRef
    Ministry: URIRef
    Programme: URIRef
    QualityLabel: URIRef
    Person: URIRef
    Sector: URIRef
    Organisation: URIRef
    Announcement: URIRef
    Membership: URIRef
    LabelAward: URIRef
    Assertion: URIRef
    Figure: URIRef
    ExtractionActivity: URIRef

    # direct relations
    memberOf: URIRef
    runBy: URIRef
    locatedIn: URIRef
    partOf: URIRef
    sector: URIRef
    managingDirectorOf: URIRef
    spokespersonOf: URIRef
    holdsLabel: URIRef
    awardedUnder: URIRef
    preparesFor: URIRef
    fundedBy: URIRef
    jurisdiction: URIRef
    partnerOf: URIRef
    successorOf: URIRef

    # dated (n-ary) facts: cg:Membership, cg:LabelAward
    cluster: URIRef
    programme: URIRef
    label: URIRef
    startDate: URIRef
    endDate: URIRef
    validUntil: URIRef

    # evidence of a fact: a cg:Assertion reifies one triple (rdf:subject/predicate/object)
    relation: URIRef
    evidence: URIRef
    evidenceStart: URIRef
    evidenceEnd: URIRef
    confidence: URIRef
    date: URIRef

    # figures: numbers an announcement states about an entity
    about: URIRef
    measure: URIRef
    qualifier: URIRef
    unit: URIRef

    # announcements
    kind: URIRef
    place: URIRef
    text: URIRef
    sourceFile: URIRef
    extractorVersion: URIRef

    # reference identifiers
    nutsCode: URIRef
    acronym: URIRef


# Entity type names used in the facts JSON -> (class, IRI kind segment).
ENTITY_TYPES: dict[str, tuple[URIRef, str]] = {
    "Cluster": (CG.Cluster, "cluster"),
    "Programme": (CG.Programme, "programme"),
    "Ministry": (CG.Ministry, "ministry"),
    "Region": (CG.Region, "region"),
    "Label": (CG.QualityLabel, "label"),
    "Person": (CG.Person, "person"),
    "Sector": (CG.Sector, "sector"),
    "Organisation": (CG.Organisation, "organisation"),
}
CLASS_TO_TYPE: dict[URIRef, str] = {cls: name for name, (cls, _) in ENTITY_TYPES.items()}

# Prefixes declared in exports, the SPARQL editor and named queries.
PREFIXES: dict[str, str] = {
    "cg": str(CG._NS),
    "cgid": DEFAULT_BASE + "id/",
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "skos": str(SKOS),
    "org": str(ORG),
    "prov": str(PROV),
    "schema": str(SDO),
    "dcterms": str(DCTERMS),
    "time": str(TIME),
    "dcat": str(DCAT),
    "void": str(VOID),
    "sh": str(SH),
    "wd": str(WD),
}

_TRANSLITERATE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "ae", "Ö": "oe", "Ü": "ue", "ß": "ss"})


def slugify(name: str) -> str:
    """A readable, deterministic IRI segment: lower case, umlauts transliterated, dashes.

    >>> slugify("André Hofmann")
    'andre-hofmann'
    >>> slugify("  Go-Cluster! ")
    'go-cluster'
    """
    text = name.translate(_TRANSLITERATE)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or "x-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


def mint(kind: str, name: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI ``{base}id/{kind}/{slug(name)}``."""
    return URIRef(f"{base}id/{kind}/{slugify(name)}")


def mint_hashed(kind: str, *parts: str, base: str = DEFAULT_BASE) -> URIRef:
    """A stable IRI for a node that has no name of its own (an assertion, a membership)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return URIRef(f"{base}id/{kind}/{digest}")


def graph_iri(kind: str, slug: str, base: str = DEFAULT_BASE) -> URIRef:
    """The named graph of an announcement (``kind='announcement'``) or reference file."""
    return URIRef(f"{base}graph/{kind}/{slug}")


def id_prefix(base: str = DEFAULT_BASE) -> str:
    return f"{base}id/"


def curie(iri: str) -> str:
    """``prefix:name`` for an IRI in a namespace of :data:`PREFIXES` (the longest that matches),
    else the IRI itself.

    >>> curie("http://www.w3.org/2004/02/skos/core#altLabel"), curie("http://example.org/x")
    ('skos:altLabel', 'http://example.org/x')
    """
    text = str(iri)
    best = ""
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace) and len(namespace) > len(PREFIXES.get(best, "")):
            best = prefix
    return f"{best}:{text[len(PREFIXES[best]):]}" if best else text


def sparql_prefixes(*names: str) -> str:
    """``PREFIX`` lines for the given prefixes of :data:`PREFIXES`.

    >>> sparql_prefixes("skos").strip()
    'PREFIX skos: <http://www.w3.org/2004/02/skos/core#>'
    """
    return "".join(f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in names)


# an absolute IRI with none of the characters N-Triples and SPARQL forbid in one
_ABSOLUTE_IRI = re.compile(r'^[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>"{}|^`\\]+$')
_KIND_SLUG = re.compile(r"^[a-z]+/[^/\s]+$")


def expand_iri(value: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI a person means: a full IRI (``<...>`` allowed), a prefixed name of :data:`PREFIXES`
    (``cg:Cluster``; ``cgid:`` follows ``base``) or ``kind/slug`` under ``{base}id/``
    (``cluster/biosaxony``, also written ``/id/cluster/biosaxony``). :class:`ConfigError` otherwise.
    What the CLI, query parameters and the viewer's ``?focus=`` accept.

    >>> expand_iri("cg:Cluster") == CG.Cluster
    True
    >>> str(expand_iri("/id/region/sachsen", "https://x.org/")), str(expand_iri("cgid:cluster/a", "https://x.org/"))
    ('https://x.org/id/region/sachsen', 'https://x.org/id/cluster/a')
    """
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    prefix, sep, local = text.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        text = (id_prefix(base) if prefix == "cgid" else PREFIXES[prefix]) + local
    elif not sep:
        path = text.strip("/").removeprefix("id/")
        if _KIND_SLUG.match(path):
            text = id_prefix(base) + path
    if not _ABSOLUTE_IRI.match(text):
        raise ConfigError(
            f"{value!r} is not an IRI: give a full IRI, a prefixed name such as cg:Cluster or "
            f"cgid:cluster/biosaxony, or kind/slug such as cluster/biosaxony"
        )
    return URIRef(text)
