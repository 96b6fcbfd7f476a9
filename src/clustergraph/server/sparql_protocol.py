"""The SPARQL 1.1 Protocol's request side and content negotiation, without routes.

- :func:`read_request`: query or update, ``default-graph-uri`` / ``named-graph-uri`` and ``format``
  from GET parameters, a form-encoded POST, or a POST of ``application/sparql-query`` /
  ``application/sparql-update``;
- :func:`choose_format`: the serialization of an answer from ``format=`` or ``Accept``
  (406 when nothing offered fits);
- :func:`service_description`: the ``sd:Service`` graph answered on a GET without a query.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import Request
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF
from werkzeug.datastructures import MIMEAccept
from werkzeug.exceptions import BadRequest, NotAcceptable, RequestURITooLarge, UnsupportedMediaType

from clustergraph.config import Settings
from clustergraph.store.results import GRAPH_FORMATS, RESULT_FORMATS
from clustergraph.vocab import FORMATS, SD

# (format name, media type) in order of preference; the first is the default.
RESULT_TYPES: tuple[tuple[str, str], ...] = (
    ("json", "application/sparql-results+json"),
    ("json", "application/json"),
    ("xml", "application/sparql-results+xml"),
    ("xml", "application/xml"),
    ("xml", "text/xml"),
    ("csv", "text/csv"),
    ("tsv", "text/tab-separated-values"),
)
GRAPH_TYPES: tuple[tuple[str, str], ...] = (
    ("turtle", "text/turtle"),
    ("turtle", "application/x-turtle"),
    ("turtle", "text/n3"),
    ("ntriples", "application/n-triples"),
    ("ntriples", "text/plain"),
    ("jsonld", "application/ld+json"),
    ("jsonld", "application/json"),
    ("rdfxml", "application/rdf+xml"),
    ("rdfxml", "application/xml"),
    ("trig", "application/trig"),
)
# the media type an answer in each format carries
CANONICAL_TYPE: dict[str, str] = {**RESULT_FORMATS, **GRAPH_FORMATS}
# ``format=`` values (as typed by hand, and as SPARQLWrapper sends them) -> (for tables, for graphs)
FORMAT_NAMES: dict[str, tuple[str | None, str | None]] = {
    "json": ("json", "jsonld"),
    "srj": ("json", None),
    "xml": ("xml", "rdfxml"),
    "srx": ("xml", None),
    "csv": ("csv", None),
    "tsv": ("tsv", None),
    "turtle": (None, "turtle"),
    "ttl": (None, "turtle"),
    "n3": (None, "turtle"),
    "nt": (None, "ntriples"),
    "ntriples": (None, "ntriples"),
    "n-triples": (None, "ntriples"),
    "jsonld": (None, "jsonld"),
    "json-ld": (None, "jsonld"),
    "rdf": (None, "rdfxml"),
    "rdfxml": (None, "rdfxml"),
    "rdf+xml": (None, "rdfxml"),
    "trig": (None, "trig"),
}
GRAPH_FORMAT_IRIS = {
    "turtle": FORMATS.Turtle,
    "ntriples": FORMATS["N-Triples"],
    "jsonld": FORMATS["JSON-LD"],
    "rdfxml": FORMATS.RDF_XML,
    "trig": FORMATS.TriG,
}
RESULT_FORMAT_IRIS = {
    "json": FORMATS.SPARQL_Results_JSON,
    "xml": FORMATS.SPARQL_Results_XML,
    "csv": FORMATS.SPARQL_Results_CSV,
    "tsv": FORMATS.SPARQL_Results_TSV,
}

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


@dataclass
class ProtocolRequest:
    """What a request to ``/sparql`` asks."""

    query: str | None = None
    update: str | None = None
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)  # format= (and output=) values, in order

    @property
    def dataset(self) -> dict:
        """``default_graph`` / ``named_graphs`` for the store (both ``None``: the union)."""
        if not self.default_graphs and not self.named_graphs:
            return {"default_graph": None, "named_graphs": None}
        return {
            "default_graph": [URIRef(g) for g in self.default_graphs],
            "named_graphs": [URIRef(g) for g in self.named_graphs],
        }


def _single(values: list[str], name: str) -> str | None:
    if len(values) > 1:
        raise BadRequest(f"give one {name} parameter, not {len(values)}")
    return values[0] if values else None


def read_request(request: Request, max_bytes: int) -> ProtocolRequest:
    """Read the protocol's parameters; 400 for a malformed request, 414 for an overlong URL,
    415 for a POST body of another type (413 for an overlong body comes from Flask)."""
    if len(request.query_string) > max_bytes:
        raise RequestURITooLarge(f"the URL is longer than {max_bytes} bytes (max_request_bytes); POST the query instead")
    args = request.args
    graphs = {
        "default": args.getlist("default-graph-uri"),
        "named": args.getlist("named-graph-uri"),
    }
    query = update = None
    if request.method == "POST":
        mimetype = request.mimetype
        if mimetype in FORM_TYPES or (not mimetype and not request.content_length):
            form = request.form
            query = _single(form.getlist("query"), "query")
            update = _single(form.getlist("update"), "update")
            graphs["default"] += form.getlist("default-graph-uri") + form.getlist("using-graph-uri")
            graphs["named"] += form.getlist("named-graph-uri") + form.getlist("using-named-graph-uri")
        elif mimetype == "application/sparql-query":
            query = _body_text(request)
        elif mimetype == "application/sparql-update":
            update = _body_text(request)
        else:
            raise UnsupportedMediaType(
                "POST a query as application/sparql-query, an update as application/sparql-update, "
                "or either as an application/x-www-form-urlencoded form (query= / update=)"
            )
        if query is None and update is None:
            query = _single(args.getlist("query"), "query")
    else:
        query = _single(args.getlist("query"), "query")
        if args.get("update") is not None:
            raise BadRequest("a SPARQL Update must be sent with POST")
    if query is not None and update is not None:
        raise BadRequest("give either query or update, not both")
    formats = request.values.getlist("format") or request.values.getlist("output")
    return ProtocolRequest(query, update, graphs["default"], graphs["named"], [f for f in formats if f.strip()])


def _body_text(request: Request) -> str:
    data = request.get_data(cache=True)
    charset = request.mimetype_params.get("charset", "utf-8")
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        raise BadRequest(f"the request body is not valid {charset} text") from None


# --- negotiation ----------------------------------------------------------------------------

def _offered(kind: str) -> tuple[tuple[str, str], ...]:
    return GRAPH_TYPES if kind in ("CONSTRUCT", "DESCRIBE") else RESULT_TYPES


def choose_format(kind: str, accept: MIMEAccept, format_param: str | list[str] | None = None) -> tuple[str, str]:
    """``(format name, media type)`` of the answer to a query of ``kind``.

    ``format=`` wins over ``Accept``; it takes a name (``json``, ``xml``, ``csv``, ``tsv``,
    ``turtle``, ``nt``, ``jsonld``, ``rdfxml``, ``trig``) or a media type, and may be repeated:
    the first usable value counts (SPARQLWrapper sends ``format=tsv&format=text/tab-separated-values``).
    The answer always
    carries the canonical media type of its format (``application/json`` asks for SPARQL JSON).

    >>> from werkzeug.datastructures import MIMEAccept
    >>> choose_format("SELECT", MIMEAccept([("text/csv", 1), ("*/*", 0.1)]))
    ('csv', 'text/csv')
    >>> choose_format("CONSTRUCT", MIMEAccept([]), "xml")
    ('rdfxml', 'application/rdf+xml')
    """
    offered = _offered(kind)
    is_graph = offered is GRAPH_TYPES
    values = [format_param] if isinstance(format_param, str) else list(format_param or [])
    for raw in values:
        value = raw.strip().lower()
        if value in FORMAT_NAMES:
            name = FORMAT_NAMES[value][1 if is_graph else 0]
            if name:
                return name, CANONICAL_TYPE[name]
        for name, media in offered:
            if media == value:
                return name, CANONICAL_TYPE[name]
    if values:
        raise NotAcceptable(_not_acceptable(kind, "format=" + "&format=".join(values)))
    if not accept or not list(accept.values()):
        name = offered[0][0]
        return name, CANONICAL_TYPE[name]
    best = accept.best_match([media for _, media in offered])
    if best is None:
        raise NotAcceptable(_not_acceptable(kind, f"Accept: {accept}"))
    name = {media: name for name, media in offered}[best]
    return name, CANONICAL_TYPE[name]


def _not_acceptable(kind: str, asked: str) -> str:
    what = "a graph (CONSTRUCT/DESCRIBE)" if kind in ("CONSTRUCT", "DESCRIBE") else "a table (SELECT/ASK)"
    types = ", ".join(dict.fromkeys(CANONICAL_TYPE[name] for name, _ in _offered(kind)))
    return f"{asked}: the answer is {what}, available as {types}"


def prefers_html(accept: MIMEAccept, kind: str = "SELECT") -> bool:
    """True when a browser asks: ``text/html`` ranks above every machine format on offer."""
    html = accept["text/html"]
    if not html or "text/html" not in {value for value, _ in accept}:
        return False
    best = max((accept[media] for _, media in _offered(kind)), default=0)
    return html > best


# --- service description ----------------------------------------------------------------------

def service_description(endpoint: str, settings: Settings, graphs: list[URIRef]) -> Graph:
    """The SPARQL 1.1 Service Description of ``endpoint``."""
    g = Graph()
    g.bind("sd", SD)
    g.bind("formats", FORMATS)
    g.bind("dcterms", DCTERMS)
    service = URIRef(endpoint + "#service")
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, URIRef(endpoint)))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    if settings.allow_updates and settings.update_token:
        g.add((service, SD.supportedLanguage, SD.SPARQL11Update))
    for iri in (*RESULT_FORMAT_IRIS.values(), *GRAPH_FORMAT_IRIS.values()):
        g.add((service, SD.resultFormat, iri))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    limits = [
        f"Queries stop after {settings.query_timeout:g} s (HTTP 503)",
        f"answers hold at most {settings.max_rows} rows (header X-Result-Truncated: true when cut)",
        "SERVICE, LOAD and FROM graphs outside this store are refused",
        "updates need allow_updates and a bearer token" if settings.allow_updates else "read-only",
    ]
    g.add((service, DCTERMS.description, Literal("; ".join(limits) + ".", lang="en")))
    dataset = BNode()
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    default = BNode()
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    for name in graphs:
        named = BNode()
        g.add((dataset, SD.namedGraph, named))
        g.add((named, RDF.type, SD.NamedGraph))
        g.add((named, SD.name, URIRef(name)))
    return g
