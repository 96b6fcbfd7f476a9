"""A remote SPARQL 1.1 endpoint as store, spoken to over the SPARQL 1.1 Protocol.

Queries are POSTed as ``application/sparql-query`` (answers asked for as SPARQL JSON results or
N-Triples), updates as ``application/sparql-update``, with ``urllib`` from the standard library.

What this back-end expects of the endpoint, and where it differs from the embedded ones:

- **Union default graph.** clustergraph queries see the union of all graphs. Configure the
  endpoint so (Oxigraph: ``oxigraph serve --union-default-graph``; Fuseki/TDB2:
  ``tdb2:unionDefaultGraph true``). The real default graph then cannot be told apart from the
  union, so :meth:`SparqlStore.quads`, :meth:`~SparqlStore.count` and dumps report as default
  graph the triples that are in no named graph.
- **Bindings** travel as a ``VALUES`` clause appended to the query, each term written by
  :func:`~clustergraph.store.results.term_to_sparql` (never user text pasted into the query).
  A trailing ``VALUES`` joins the solutions before projection, which equals binding as long as
  the bound variables are in the ``SELECT`` clause, a rule every back-end enforces. Blank nodes
  cannot be bound, and a query that already ends in ``VALUES`` cannot take bindings.
- **Transactions** are the endpoint's: one request is one transaction on Oxigraph and Fuseki.
  :meth:`~SparqlStore.replace_graph` sends one request; :meth:`~SparqlStore.add_quads` sends
  chunks of ``chunk_size`` quads (one request when blank nodes are present, since their labels
  only hold within one request), so a failure may leave earlier chunks written.
- **Data version** (:meth:`~SparqlStore.data_version`): a fingerprint the endpoint computes
  (the number of triples in the union, the latest ``prov:endedAtTime`` and how many there are;
  every ingest writes its time), read again when older than ``version_ttl`` seconds, so a write
  by another process shows within that time (counting costs the endpoint a fraction of a second
  per million triples). Writes through this store object add a suffix of their own at once, so
  they show immediately even when they keep the counts. Processes that did not write through
  their store agree on the version (ETags behind a proxy); a change that another process made
  and that keeps every count and ingest time (a SPARQL update rewriting a literal, say) is not
  seen.
"""

from __future__ import annotations

import hashlib
import http.client
import logging
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from typing import TYPE_CHECKING, BinaryIO, Iterable, Iterator, Mapping, Sequence

from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import PROV
from rdflib.term import Identifier

from clustergraph.errors import ConfigError, QueryError, QueryTimeout, StoreError
from clustergraph.store.base import (
    RDFLIB_PARSER_LOCK,
    Quad,
    QueryResult,
    Store,
    Triple,
    check_bindings_projected,
    query_error,
    variable_name,
)
from clustergraph.store.results import (
    DATASET_FORMATS,
    RDFLIB_FORMATS,
    check_dump_format,
    construct_result,
    iter_xml_results,
    parse_json_results,
    term_to_sparql,
)

if TYPE_CHECKING:  # pragma: no cover
    from clustergraph.config import Settings

log = logging.getLogger(__name__)

QUERY_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
GRAPH_MEDIA_TYPES = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle"}
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}

# every quad: those of the named graphs, and the default-graph triples that are in no named graph
# (with a union default graph this is the only way to tell the default graph apart)
_ALL_QUADS_PATTERN = "{ GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o MINUS { GRAPH ?h { ?s ?p ?o } } }"
# what the data version is computed from (see the module docstring)
_FINGERPRINT_QUERY = f"""SELECT ?triples ?latest ?ingests WHERE {{
  {{ SELECT (COUNT(*) AS ?triples) WHERE {{ ?s ?p ?o }} }}
  {{ SELECT (MAX(STR(?ended)) AS ?latest) (COUNT(?ended) AS ?ingests)
     WHERE {{ ?activity {term_to_sparql(PROV.endedAtTime)} ?ended }} }}
}}"""


def values_clause(bindings: Mapping[str, Identifier]) -> str:
    """A ``VALUES`` clause binding each variable to one term.

    >>> from rdflib import Literal, URIRef
    >>> print(values_clause({"name": Literal('a "b" }'), "?x": URIRef("http://example.org/x")}))
    VALUES (?name ?x) { ("a \\"b\\" }" <http://example.org/x>) }
    """
    names, terms = [], []
    for key, term in bindings.items():
        if isinstance(term, BNode):
            raise QueryError(f"cannot bind ?{variable_name(key)} to a blank node on a remote SPARQL endpoint")
        names.append("?" + variable_name(key))
        terms.append(term_to_sparql(term))
    return f"VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"


def _check_projection(sparql: str, names: Iterable[str]) -> None:
    """Refuse bindings of variables a SELECT does not project (see the module docstring).
    Queries rdflib cannot parse (another dialect) go to the endpoint unchecked."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        with RDFLIB_PARSER_LOCK:
            algebra = prepareQuery(sparql).algebra
    except Exception:  # noqa: BLE001 - the endpoint has the last word on syntax
        return
    check_bindings_projected(algebra, names)


class SparqlStore(Store):
    """A remote SPARQL 1.1 endpoint (query URL, update URL) as store."""

    name = "sparql"
    chunk_size = 10_000  # quads per request in add_quads
    version_ttl = 2.0  # seconds a fingerprint read from the endpoint is reused (data_version)

    def __init__(self, query_url: str, update_url: str | None = None, timeout: float = 30.0):
        if not query_url:
            raise ConfigError(
                "the sparql store needs sparql_query_url (CLUSTERGRAPH_SPARQL_QUERY_URL), "
                "the query URL of a SPARQL 1.1 endpoint, e.g. http://127.0.0.1:7878/query"
            )
        for url in (query_url, update_url):
            if url and urllib.parse.urlsplit(url).scheme not in ("http", "https"):
                raise ConfigError(f"SPARQL endpoint URL {url!r} must start with http:// or https://")
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.timeout = timeout
        self._fingerprint_lock = threading.Lock()
        self._fingerprint: tuple[float, str] | None = None  # (monotonic time read, value)

    @classmethod
    def from_settings(cls, settings: "Settings") -> "SparqlStore":
        return cls(settings.sparql_query_url, settings.sparql_update_url or None, settings.sparql_timeout)

    # --- HTTP -----------------------------------------------------------------------------

    @contextmanager
    def _post(
        self,
        url: str,
        body: str,
        content_type: str,
        accept: str | None = None,
        params: Sequence[tuple[str, str]] = (),
    ) -> Iterator[http.client.HTTPResponse]:
        """POST ``body``; the response, open while the block runs. HTTP 400 becomes
        :class:`QueryError` with the endpoint's message, other failures :class:`StoreError`."""
        target = url + (("&" if "?" in url else "?") + urllib.parse.urlencode(params) if params else "")
        headers = {"Content-Type": f"{content_type}; charset=utf-8"}
        if accept:
            headers["Accept"] = accept
        request = urllib.request.Request(target, data=body.encode("utf-8"), headers=headers, method="POST")
        opener = urllib.request.build_opener(
            *([urllib.request.ProxyHandler({})] if urllib.parse.urlsplit(url).hostname in LOOPBACK_HOSTS else [])
        )
        try:
            response = opener.open(request, timeout=self.timeout)
        except urllib.error.HTTPError as exc:
            message = exc.read(4000).decode("utf-8", "replace").strip() or str(exc.reason)
            exc.close()
            if exc.code in (400, 422):
                raise query_error(message, prefix=f"the SPARQL endpoint {url} refused the request") from None
            raise StoreError(f"the SPARQL endpoint {url} answered HTTP {exc.code}: {message}") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise self._timeout(url) from None
            raise StoreError(
                f"cannot reach the SPARQL endpoint {url}: {exc.reason}. Is it running? "
                f"Check sparql_query_url and sparql_update_url."
            ) from None
        except TimeoutError:
            raise self._timeout(url) from None
        except (http.client.HTTPException, OSError) as exc:
            raise StoreError(f"talking to the SPARQL endpoint {url} failed: {exc}") from None
        with response:
            try:
                yield response
            except TimeoutError:
                raise self._timeout(url) from None
            except (http.client.HTTPException, OSError) as exc:
                raise StoreError(f"reading the answer of the SPARQL endpoint {url} failed: {exc}") from None

    def _timeout(self, url: str) -> QueryTimeout:
        return QueryTimeout(f"the SPARQL endpoint {url} did not answer within {self.timeout:g} s (sparql_timeout)")

    @staticmethod
    def _dataset_params(default_graph: Sequence[URIRef] | None, named_graphs: Sequence[URIRef] | None) -> list[tuple[str, str]]:
        params = [("default-graph-uri", str(g)) for g in default_graph or ()]
        params += [("named-graph-uri", str(g)) for g in named_graphs or ()]
        if not params and (default_graph is not None or named_graphs is not None):
            # an explicitly empty dataset: a graph name no store holds keeps the protocol's meaning
            params = [("named-graph-uri", "urn:x-clustergraph:no-graph")]
        return params

    # --- data version ---------------------------------------------------------------------

    def data_version(self, *, max_age: float | None = None) -> str:
        limit = self.version_ttl if max_age is None else max_age
        with self._fingerprint_lock:
            cached = self._fingerprint
        now = time.monotonic()
        if cached is None or now - cached[0] >= limit:
            row = self.query(_FINGERPRINT_QUERY).rows
            text = "\x1f".join("" if value is None else str(value) for value in (row[0] if row else ()))
            cached = (now, hashlib.sha1(text.encode("utf-8")).hexdigest()[:16])
            with self._fingerprint_lock:
                self._fingerprint = cached
        if self.__dict__.get("_generation"):  # written through this object: its own suffix
            return f"{cached[1]}+{super().data_version()}"
        return cached[1]

    # --- queries --------------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Identifier] | None = None,
        default_graph: Sequence[URIRef] | None = None,
        named_graphs: Sequence[URIRef] | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        text = sparql
        if bindings:
            _check_projection(sparql, [variable_name(k) for k in bindings])
            text = f"{sparql}\n{values_clause(bindings)}\n"  # newline first: the query may end in a comment
        params = self._dataset_params(default_graph, named_graphs)
        with self._post(self.query_url, text, "application/sparql-query", QUERY_ACCEPT, params) as response:
            media_type = response.headers.get_content_type()
            data = response.read()
        if media_type in ("application/sparql-results+json", "application/json"):
            return parse_json_results(data, max_rows)
        if media_type in GRAPH_MEDIA_TYPES:
            return _graph_result(data, GRAPH_MEDIA_TYPES[media_type], max_rows)
        raise StoreError(f"the SPARQL endpoint {self.query_url} answered with unexpected content type {media_type!r}")

    def _select_stream(self, sparql: str) -> Iterator[dict[str, Identifier]]:
        """Solutions of a SELECT, streamed from SPARQL XML results."""
        with self._post(self.query_url, sparql, "application/sparql-query", "application/sparql-results+xml") as response:
            yield from iter_xml_results(response)

    # --- writes ---------------------------------------------------------------------------

    def update(self, sparql: str) -> None:
        with self._writing(), self._post(self.update_url, sparql, "application/sparql-update") as response:
            response.read()

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """One request: ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }``."""
        name = term_to_sparql(URIRef(graph))
        lines = [f"{term_to_sparql(s)} {term_to_sparql(p)} {term_to_sparql(o)} ." for s, p, o in triples]
        request = f"DROP SILENT GRAPH {name}"
        if lines:
            request += f" ;\nINSERT DATA {{ GRAPH {name} {{\n" + "\n".join(lines) + "\n} }"
        self.update(request)

    def add_quads(self, quads: Iterable[Quad]) -> None:
        """``INSERT DATA`` in chunks of ``chunk_size`` quads, all read before the first is sent."""
        rows: list[tuple[str | None, str]] = []
        has_blank_nodes = False
        for s, p, o, g in quads:
            has_blank_nodes = has_blank_nodes or isinstance(s, BNode) or isinstance(o, BNode)
            rows.append((None if g is None else term_to_sparql(URIRef(g)), f"{term_to_sparql(s)} {term_to_sparql(p)} {term_to_sparql(o)} ."))
        size = len(rows) if has_blank_nodes else self.chunk_size
        for start in range(0, len(rows), max(size, 1)):
            self.update(_insert_data(rows[start:start + size]))

    def drop_graph(self, graph: URIRef) -> None:
        self.update(f"DROP SILENT GRAPH {term_to_sparql(URIRef(graph))}")

    # --- reads ----------------------------------------------------------------------------

    def graphs(self) -> list[URIRef]:
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(row[0] for row in result.rows if isinstance(row[0], URIRef))

    def quads(self, graph: URIRef | None = None) -> Iterator[Quad]:
        if graph is not None:
            name = URIRef(graph)
            sparql = f"SELECT ?s ?p ?o WHERE {{ GRAPH {term_to_sparql(name)} {{ ?s ?p ?o }} }}"
            for row in self._select_stream(sparql):
                yield row["s"], row["p"], row["o"], name
            return
        for row in self._select_stream(f"SELECT ?s ?p ?o ?g WHERE {{ {_ALL_QUADS_PATTERN} }}"):
            yield row["s"], row["p"], row["o"], row.get("g")

    def count(self, graph: URIRef | None = None) -> int:
        if graph is None:
            pattern = _ALL_QUADS_PATTERN
        else:
            pattern = f"GRAPH {term_to_sparql(URIRef(graph))} {{ ?s ?p ?o }}"
        rows = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}").rows
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0

    def dump(self, out: BinaryIO, format: str, graph: URIRef | None = None) -> None:
        """N-Quads and N-Triples stream straight through; other formats are built in memory."""
        check_dump_format(format)
        if format in ("nquads", "ntriples") and (graph is not None or format == "nquads"):
            for s, p, o, g in self.quads(graph):
                name = f" {term_to_sparql(g)}" if g is not None and format == "nquads" else ""
                out.write(f"{term_to_sparql(s)} {term_to_sparql(p)} {term_to_sparql(o)}{name} .\n".encode("utf-8"))
            return
        if format in DATASET_FORMATS:
            source: Graph = Dataset()
            for s, p, o, g in self.quads(graph):
                source.add((s, p, o, DATASET_DEFAULT_GRAPH_ID if g is None else g))
        else:
            source = Graph()
            for s, p, o, _g in self.quads(graph):
                source.add((s, p, o))
        out.write(source.serialize(format=RDFLIB_FORMATS[format], encoding="utf-8"))


def _insert_data(rows: list[tuple[str | None, str]]) -> str:
    by_graph: dict[str | None, list[str]] = {}
    for graph, line in rows:
        by_graph.setdefault(graph, []).append(line)
    parts = []
    for graph, lines in by_graph.items():
        block = "\n".join(lines)
        parts.append(block if graph is None else f"GRAPH {graph} {{\n{block}\n}}")
    return "INSERT DATA {\n" + "\n".join(parts) + "\n}"


def _graph_result(data: bytes, rdflib_format: str, max_rows: int | None) -> QueryResult:
    graph = Graph()
    try:
        graph.parse(data=data, format=rdflib_format)
    except Exception as exc:  # noqa: BLE001 - rdflib's parsers raise many types
        raise StoreError(f"the SPARQL endpoint sent an unreadable graph: {exc}") from None
    return construct_result(graph, max_rows)
