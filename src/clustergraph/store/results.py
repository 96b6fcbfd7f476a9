"""Query results and RDF in the standard formats, back-end independent.

Format names used across clustergraph, with their media types:

- SELECT/ASK results (``RESULT_FORMATS``): ``json``, ``xml``, ``csv``, ``tsv``;
- graphs (``GRAPH_FORMATS``, CONSTRUCT/DESCRIBE answers): ``turtle``, ``ntriples``, ``jsonld``,
  ``rdfxml``, ``trig``;
- store dumps (``DUMP_FORMATS``): the graph formats plus ``nquads``; ``DATASET_FORMATS`` keep
  graph names, the others get the union of all graphs; ``RDF_SUFFIXES`` names their files.

Every other table of formats (exports, content negotiation, the SPARQL protocol) takes its media
types from these.

>>> from rdflib import Literal, URIRef
>>> term_to_sparql(Literal('say "hi" }\\n'))
'"say \\\\"hi\\\\" }\\\\n"'
>>> term_to_sparql(URIRef("http://example.org/a b"))
Traceback (most recent call last):
...
clustergraph.errors.QueryError: cannot write the IRI 'http://example.org/a b': it holds a character IRIs may not contain
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from typing import IO, TYPE_CHECKING, Any, Iterator

import rdflib.namespace
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.query import Result
from rdflib.term import Identifier

from clustergraph.errors import ConfigError, QueryError, StoreError

if TYPE_CHECKING:  # pragma: no cover
    from clustergraph.store.base import QueryResult

RESULT_FORMATS: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_FORMATS: dict[str, str] = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
    "trig": "application/trig",
}
DUMP_FORMATS: dict[str, str] = {**GRAPH_FORMATS, "nquads": "application/n-quads"}
# file suffixes of the RDF formats (export files, linked-data URLs)
RDF_SUFFIXES: dict[str, str] = {
    "turtle": ".ttl",
    "ntriples": ".nt",
    "jsonld": ".jsonld",
    "rdfxml": ".rdf",
    "trig": ".trig",
    "nquads": ".nq",
}
DATASET_FORMATS = frozenset({"nquads", "trig", "jsonld"})
# our format names -> rdflib plugin names
RDFLIB_FORMATS: dict[str, str] = {
    "turtle": "turtle",
    "ntriples": "nt",
    "jsonld": "json-ld",
    "rdfxml": "xml",
    "trig": "trig",
    "nquads": "nquads",
}


class SerializedResult(bytes):
    """Serialized query answer: ``bytes`` that also say what they hold.

    >>> r = SerializedResult(b"{}", kind="ASK", format="json", truncated=False)
    >>> (bytes(r), r.media_type)
    (b'{}', 'application/sparql-results+json')
    """

    kind: str
    format: str
    media_type: str
    truncated: bool

    def __new__(cls, data: bytes, *, kind: str, format: str, truncated: bool = False) -> "SerializedResult":
        self = super().__new__(cls, data)
        self.kind = kind
        self.format = format
        self.media_type = DUMP_FORMATS.get(format) or RESULT_FORMATS[format]
        self.truncated = truncated
        return self


def _check(name: str, table: dict[str, str], what: str) -> str:
    if name not in table:
        raise ConfigError(f"unknown {what} format {name!r}; use one of {', '.join(table)}")
    return name


def check_result_format(name: str) -> str:
    """``name`` when it is a SELECT/ASK result format, else :class:`ConfigError`."""
    return _check(name, RESULT_FORMATS, "query result")


def check_graph_format(name: str) -> str:
    """``name`` when it is a CONSTRUCT result format, else :class:`ConfigError`."""
    return _check(name, GRAPH_FORMATS, "graph")


def check_dump_format(name: str) -> str:
    """``name`` when it is a dump format, else :class:`ConfigError`."""
    return _check(name, DUMP_FORMATS, "dump")


# --- terms in SPARQL / N-Triples syntax ------------------------------------------------------

XSD_STRING = str(rdflib.namespace.XSD.string)  # a plain str: URIRef == str is False
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def is_writable_iri(text: str) -> bool:
    """Whether ``text`` has no character an IRI may not hold (rdflib accepts some, such as
    ``|`` or a space; SPARQL and N-Triples do not).

    >>> is_writable_iri("http://example.org/a"), is_writable_iri("http://example.org/c|d")
    (True, False)
    """
    return _IRI_FORBIDDEN.search(text) is None
_SAFE_BNODE = re.compile(r"[A-Za-wyz0-9][A-Za-z0-9]*")
_STRING_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_STRING_SPECIAL = re.compile(r'[\\"\n\r\t]')


def _quote(text: str) -> str:
    return '"' + _STRING_SPECIAL.sub(lambda m: _STRING_ESCAPES[m.group()], text) + '"'


def term_to_sparql(term: Identifier) -> str:
    """One RDF term in N-Triples syntax, which SPARQL, Turtle and the TSV result format
    all accept: the safe way to put a term into query or update text."""
    if isinstance(term, URIRef):
        if _IRI_FORBIDDEN.search(term):
            raise QueryError(
                f"cannot write the IRI {str(term)!r}: it holds a character IRIs may not contain"
            )
        return f"<{term}>"
    if isinstance(term, Literal):
        text = _quote(str(term))
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and str(term.datatype) != XSD_STRING:
            return f"{text}^^{term_to_sparql(term.datatype)}"
        return text
    if isinstance(term, BNode):
        # labels rdflib makes are letters and digits; anything else is hex-encoded, injectively
        return f"_:{term}" if _SAFE_BNODE.fullmatch(term) else "_:x" + term.encode("utf-8").hex()
    raise QueryError(f"cannot write {term!r} as an RDF term")


def make_literal(value: str, lang: str | None = None, datatype: str | None = None) -> Literal:
    """An rdflib literal, ``xsd:string`` written as a plain literal (as rdflib does)."""
    if lang:
        return Literal(value, lang=lang)
    if datatype is None or str(datatype) == XSD_STRING:
        return Literal(value)
    return Literal(value, datatype=URIRef(datatype))


def construct_result(graph: Graph, max_rows: int | None = None) -> "QueryResult":
    """A CONSTRUCT ``QueryResult`` holding ``graph``, cut to ``max_rows`` triples when longer."""
    from clustergraph.store.base import QueryResult

    if max_rows is None or len(graph) <= max_rows:
        return QueryResult("CONSTRUCT", graph=graph)
    cut = Graph()
    for index, triple in enumerate(graph):
        if index >= max_rows:
            break
        cut.add(triple)
    return QueryResult("CONSTRUCT", graph=cut, truncated=True)


# --- serializing ---------------------------------------------------------------------------


def _rdflib_result(result: "QueryResult") -> Result:
    out = Result(result.kind)
    if result.kind == "ASK":
        out.askAnswer = bool(result.boolean)
    else:
        variables = [Variable(v) for v in result.vars]
        out.vars = variables
        out.bindings = [
            {var: value for var, value in zip(variables, row) if value is not None}
            for row in result.rows
        ]
    return out


def _json_value(term: Identifier) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    value = {"type": "literal", "value": str(term)}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype is not None and str(term.datatype) != XSD_STRING:
        value["datatype"] = str(term.datatype)
    return value


def _json(result: "QueryResult") -> bytes:
    """SPARQL 1.1 Query Results JSON (written here: several times faster than rdflib's)."""
    if result.kind == "ASK":
        doc: dict[str, Any] = {"head": {}, "boolean": bool(result.boolean)}
    else:
        variables = result.vars
        doc = {
            "head": {"vars": variables},
            "results": {
                "bindings": [
                    {var: _json_value(value) for var, value in zip(variables, row) if value is not None}
                    for row in result.rows
                ]
            },
        }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _tsv(result: "QueryResult") -> bytes:
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    for row in result.rows:
        lines.append("\t".join("" if value is None else term_to_sparql(value) for value in row))
    return ("\n".join(lines) + "\n").encode("utf-8")


def serialize_result(result: "QueryResult", result_format: str = "json", graph_format: str = "turtle") -> SerializedResult:
    """Serialize a :class:`~clustergraph.store.base.QueryResult`: JSON and TSV written here,
    XML, CSV and graphs by rdflib."""
    if result.kind == "CONSTRUCT":
        check_graph_format(graph_format)
        graph = result.graph if result.graph is not None else Graph()
        data = graph.serialize(format=RDFLIB_FORMATS[graph_format], encoding="utf-8")
        return SerializedResult(data, kind=result.kind, format=graph_format, truncated=result.truncated)
    check_result_format(result_format)
    if result.kind == "ASK" and result_format in ("csv", "tsv"):
        data = b"true" if result.boolean else b"false"  # the CSV/TSV spec has no ASK form; as Oxigraph
    elif result_format == "tsv":
        data = _tsv(result)
    elif result_format == "json":
        data = _json(result)
    else:
        buffer = io.BytesIO()
        _rdflib_result(result).serialize(buffer, encoding="utf-8", format=result_format)
        data = buffer.getvalue()
    return SerializedResult(data, kind=result.kind, format=result_format, truncated=result.truncated)


# --- parsing (answers of remote endpoints) --------------------------------------------------


def _json_term(value: dict[str, Any]) -> Identifier:
    kind = value.get("type")
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if kind in ("literal", "typed-literal"):
        return make_literal(value["value"], value.get("xml:lang"), value.get("datatype"))
    raise StoreError(f"unsupported term in SPARQL JSON results: {value!r}")


def parse_json_results(data: bytes, max_rows: int | None = None) -> "QueryResult":
    """A ``QueryResult`` from SPARQL 1.1 Query Results JSON (SELECT or ASK)."""
    from clustergraph.store.base import QueryResult

    try:
        doc = json.loads(data)
    except ValueError as exc:
        raise StoreError(f"the endpoint sent invalid SPARQL JSON results: {exc}") from None
    if "boolean" in doc:
        return QueryResult("ASK", boolean=bool(doc["boolean"]))
    variables = list(doc.get("head", {}).get("vars", []))
    rows = []
    truncated = False
    for binding in doc.get("results", {}).get("bindings", []):
        if max_rows is not None and len(rows) >= max_rows:
            truncated = True
            break
        rows.append(tuple(_json_term(binding[v]) if v in binding else None for v in variables))
    return QueryResult("SELECT", vars=variables, rows=rows, truncated=truncated)


_XML_NS = "{http://www.w3.org/2005/sparql-results#}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _xml_term(element: ET.Element) -> Identifier:
    tag = element.tag.removeprefix(_XML_NS)
    text = element.text or ""
    if tag == "uri":
        return URIRef(text)
    if tag == "bnode":
        return BNode(text)
    if tag == "literal":
        return make_literal(text, element.get(_XML_LANG), element.get("datatype"))
    raise StoreError(f"unsupported term <{tag}> in SPARQL XML results")


def iter_xml_results(stream: IO[bytes]) -> Iterator[dict[str, Identifier]]:
    """Stream the solutions of SPARQL XML results as dicts (unbound variables left out),
    holding one solution in memory at a time."""
    try:
        for _event, element in ET.iterparse(stream, events=("end",)):
            if element.tag == _XML_NS + "result":
                row = {}
                for binding in element.findall(_XML_NS + "binding"):
                    row[binding.get("name")] = _xml_term(binding[0])
                element.clear()
                yield row
    except ET.ParseError as exc:
        raise StoreError(f"the endpoint sent invalid SPARQL XML results: {exc}") from None
