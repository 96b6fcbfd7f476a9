"""The default back-end: embedded Oxigraph, persistent on disk.

The store is opened with pyoxigraph and shared with rdflib through oxrdflib: :attr:`dataset` is
an rdflib ``Dataset`` over the same data (for rdflib interop), while the hot paths (queries, bulk
loads, dumps, graph replacement) talk to the pyoxigraph store, :attr:`OxigraphStore.inner`,
directly. Queries run with the union of all graphs as default graph; bindings become pyoxigraph
``substitutions``. Every write is one Oxigraph transaction.

This is the only module that imports pyoxigraph or oxrdflib.

>>> from rdflib import Literal, URIRef
>>> store = OxigraphStore(None)  # None: a temporary in-memory store, for tests and examples
>>> g = URIRef("http://example.org/graph/a")
>>> store.replace_graph(g, [(URIRef("http://example.org/x"), URIRef("http://example.org/name"), Literal("Dresden"))])
>>> store.query("SELECT ?name WHERE { ?x ?p ?name }").rows
[(rdflib.term.Literal('Dresden'),)]
>>> store.count(g), store.graphs() == [g]
(1, True)
"""

from __future__ import annotations

import json
import logging
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Iterable, Iterator, Mapping, Sequence

import pyoxigraph as ox
from oxrdflib import OxigraphStore as RdflibOxigraphStore
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Identifier, Node

from clustergraph.errors import QueryError, StoreError
from clustergraph.store.base import (
    Quad,
    QueryResult,
    Store,
    Triple,
    query_error,
    unprojected_binding_error,
    variable_name,
)
from clustergraph.store.results import (
    DATASET_FORMATS,
    XSD_STRING,
    SerializedResult,
    check_dump_format,
    check_graph_format,
    check_result_format,
    make_literal,
    serialize_result,
)

if TYPE_CHECKING:  # pragma: no cover
    from clustergraph.config import Settings

log = logging.getLogger(__name__)

RESULT_FORMATS_OX = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
RDF_FORMATS_OX = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
}
# the union of all graphs, each triple once
_UNION_CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"


# --- term conversion ----------------------------------------------------------------------

def to_ox(term: Identifier) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term (``ValueError`` for an invalid IRI)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(term)
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(term.datatype))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(term)
    raise TypeError(f"not an RDF term: {term!r}")


def _graph_name(graph: Node | None) -> ox.NamedNode | ox.BlankNode | ox.DefaultGraph:
    return ox.DefaultGraph() if graph is None else _storable(graph)  # type: ignore[return-value]


def _storable(term: Identifier) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """:func:`to_ox` for a term about to be written: :class:`StoreError` naming the term when
    Oxigraph refuses it (rdflib accepts IRIs such as ``<a b>`` or ``<x^y>``; Oxigraph does not)."""
    try:
        return to_ox(term)
    except (ValueError, TypeError) as exc:
        raise StoreError(f"{term!r} is not a valid RDF term ({exc}); nothing was stored") from None


def from_ox(term) -> Identifier | None:
    """A pyoxigraph term as an rdflib term; ``xsd:string`` literals come back plain, the
    default graph and unbound values as ``None``."""
    kind = type(term)
    if kind is ox.NamedNode:
        return URIRef(term.value)
    if kind is ox.Literal:
        return make_literal(term.value, term.language, term.datatype.value)
    if kind is ox.BlankNode:
        return BNode(term.value)
    if term is None or kind is ox.DefaultGraph:
        return None
    raise StoreError(f"unsupported term from Oxigraph: {term!r} (RDF-star triples are not supported)")


def _json_value(term) -> dict[str, str]:
    kind = type(term)
    if kind is ox.NamedNode:
        return {"type": "uri", "value": term.value}
    if kind is ox.Literal:
        value = {"type": "literal", "value": term.value}
        if term.language:
            value["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            value["datatype"] = term.datatype.value
        return value
    if kind is ox.BlankNode:
        return {"type": "bnode", "value": term.value}
    raise StoreError(f"unsupported term from Oxigraph: {term!r} (RDF-star triples are not supported)")


def _solutions_json(variables: list[str], solutions: list) -> bytes:
    """SPARQL JSON results written from pyoxigraph solutions (pyoxigraph cannot cut its own)."""
    bindings = []
    for solution in solutions:
        row = {}
        for var, term in zip(variables, solution):
            if term is not None:
                row[var] = _json_value(term)
        bindings.append(row)
    doc = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class OxigraphStore(Store):
    """Embedded Oxigraph at ``path`` (created when missing); ``None`` keeps it in memory."""

    name = "oxigraph"

    def __init__(self, path: str | Path | None):
        self.path = Path(path) if path is not None else None
        try:
            if self.path is None:
                inner = ox.Store()
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                inner = ox.Store(str(self.path))
        except (OSError, RuntimeError) as exc:  # RocksDB reports corruption as RuntimeError
            raise StoreError(_open_error_message(self.path, exc)) from None
        self._inner: ox.Store | None = inner
        self._dataset: Dataset | None = None

    @classmethod
    def from_settings(cls, settings: "Settings") -> "OxigraphStore":
        return cls(settings.store_path)

    @classmethod
    def read_only(cls, path: str | Path) -> "OxigraphStore":
        """The store at ``path`` opened read-only while another store object (in this or another
        process) holds it for writing; it sees the data as of opening. Used by the query worker
        processes of :mod:`clustergraph.sparql_limits`; never write to it or close it."""
        store = cls.__new__(cls)
        store.path = Path(path)
        try:
            store._inner = ox.Store.read_only(str(store.path))
        except (OSError, RuntimeError) as exc:
            raise StoreError(_open_error_message(store.path, exc)) from None
        store._dataset = None
        return store

    # --- access ---------------------------------------------------------------------------

    @property
    def inner(self) -> ox.Store:
        """The pyoxigraph store, for fast paths (e.g. serializing results straight from it)."""
        if self._inner is None:
            raise StoreError(f"the Oxigraph store at {self._where} is closed")
        return self._inner

    @property
    def dataset(self) -> Dataset:
        """An rdflib ``Dataset`` over the same data (union default graph), through oxrdflib."""
        if self._dataset is None:
            self._dataset = Dataset(store=RdflibOxigraphStore(store=self.inner), default_union=True)
        return self._dataset

    @property
    def _where(self) -> str:
        return str(self.path) if self.path is not None else "(memory)"

    @contextmanager
    def _errors(self, action: str, evaluating: bool = False) -> Iterator[None]:
        """Turn pyoxigraph's exceptions into clustergraph's. ``evaluating``: SPARQL runs in the
        block, so a ``RuntimeError`` is an evaluation error (elsewhere it is the caller's own)."""
        try:
            yield
        except SyntaxError as exc:
            raise query_error(str(exc.msg if exc.msg else exc)) from None
        except RuntimeError as exc:
            if not evaluating:
                raise
            message = str(exc)
            if "SELECT projection" in message:
                name = message.rsplit("?", 1)[-1].split()[0]
                raise unprojected_binding_error(name) from None
            raise QueryError(f"{action} failed: {message}") from None
        except OSError as exc:
            raise StoreError(f"Oxigraph store at {self._where}: {action} failed: {exc}") from None

    # --- queries --------------------------------------------------------------------------

    def _run_query(
        self,
        sparql: str,
        bindings: Mapping[str, Identifier] | None,
        default_graph: Sequence[URIRef] | None,
        named_graphs: Sequence[URIRef] | None,
    ):
        options: dict = {}
        try:
            if default_graph is None and named_graphs is None:
                options["use_default_graph_as_union"] = True
            else:
                options["default_graph"] = [ox.NamedNode(g) for g in default_graph or ()]
                options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs or ()]
            if bindings:
                options["substitutions"] = {
                    ox.Variable(variable_name(k)): to_ox(v) for k, v in bindings.items()
                }
        except (ValueError, TypeError) as exc:
            raise QueryError(f"invalid graph name or binding: {exc}") from None
        with self._errors("query", evaluating=True):
            return self.inner.query(sparql, **options)

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Identifier] | None = None,
        default_graph: Sequence[URIRef] | None = None,
        named_graphs: Sequence[URIRef] | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        answer = self._run_query(sparql, bindings, default_graph, named_graphs)
        with self._errors("query", evaluating=True):
            if isinstance(answer, ox.QueryBoolean):
                return QueryResult("ASK", boolean=bool(answer))
            if isinstance(answer, ox.QuerySolutions):
                variables = [v.value for v in answer.variables]
                rows: list[tuple] = []
                for solution in answer:
                    if max_rows is not None and len(rows) >= max_rows:
                        return QueryResult("SELECT", vars=variables, rows=rows, truncated=True)
                    rows.append(tuple(map(from_ox, solution)))
                return QueryResult("SELECT", vars=variables, rows=rows)
            graph = Graph()
            for triple in answer:
                if max_rows is not None and len(graph) >= max_rows:
                    return QueryResult("CONSTRUCT", graph=graph, truncated=True)
                graph.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))
            return QueryResult("CONSTRUCT", graph=graph)

    def query_serialized(
        self,
        sparql: str,
        result_format: str = "json",
        graph_format: str = "turtle",
        *,
        bindings: Mapping[str, Identifier] | None = None,
        default_graph: Sequence[URIRef] | None = None,
        named_graphs: Sequence[URIRef] | None = None,
        max_rows: int | None = None,
    ) -> SerializedResult:
        """Serialized straight from pyoxigraph, without rdflib terms in between. With
        ``max_rows``, CONSTRUCT answers and JSON SELECT answers are still cut and written without
        rdflib; the other SELECT formats go through rdflib terms."""
        check_result_format(result_format)
        check_graph_format(graph_format)
        answer = self._run_query(sparql, bindings, default_graph, named_graphs)
        with self._errors("query", evaluating=True):
            if isinstance(answer, ox.QueryBoolean):
                data = answer.serialize(format=RESULT_FORMATS_OX[result_format])
                return SerializedResult(data, kind="ASK", format=result_format)
            if isinstance(answer, ox.QueryTriples):
                rdf_format = RDF_FORMATS_OX[graph_format]
                if max_rows is None:
                    return SerializedResult(answer.serialize(format=rdf_format), kind="CONSTRUCT", format=graph_format)
                triples = list(islice(answer, max_rows + 1))
                kept = triples[:max_rows]
                if rdf_format.supports_datasets:  # TriG wants quads: the default graph's
                    kept = [ox.Quad(t.subject, t.predicate, t.object) for t in kept]
                data = ox.serialize(kept, format=rdf_format)
                return SerializedResult(data, kind="CONSTRUCT", format=graph_format, truncated=len(triples) > max_rows)
            if max_rows is None:
                data = answer.serialize(format=RESULT_FORMATS_OX[result_format])
                return SerializedResult(data, kind="SELECT", format=result_format)
            variables = [v.value for v in answer.variables]
            solutions = list(islice(answer, max_rows + 1))
            truncated = len(solutions) > max_rows
            del solutions[max_rows:]
            if result_format == "json":
                data = _solutions_json(variables, solutions)
            else:
                rows = [tuple(map(from_ox, solution)) for solution in solutions]
                data = serialize_result(QueryResult("SELECT", vars=variables, rows=rows), result_format)
            return SerializedResult(data, kind="SELECT", format=result_format, truncated=truncated)

    # --- writes ---------------------------------------------------------------------------

    def update(self, sparql: str) -> None:
        with self.access.writing(), self._errors("update", evaluating=True):
            self.inner.update(sparql)

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """One SPARQL update ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }``,
        which Oxigraph runs as one transaction. The text is written from pyoxigraph terms
        (N-Triples syntax), never from user strings."""
        name = _storable(URIRef(graph))
        lines = [f"{_storable(s)} {_storable(p)} {_storable(o)} ." for s, p, o in triples]
        request = f"DROP SILENT GRAPH {name}"
        if lines:
            request += f" ;\nINSERT DATA {{ GRAPH {name} {{\n" + "\n".join(lines) + "\n} }"
        with self.access.writing(), self._errors("replacing a graph", evaluating=True):
            self.inner.update(request)

    def add_quads(self, quads: Iterable[Quad]) -> None:
        """pyoxigraph ``extend``: one transaction, nothing written when ``quads`` raises."""
        with self.access.writing(), self._errors("adding quads"):
            self.inner.extend(
                ox.Quad(_storable(s), _storable(p), _storable(o), _graph_name(g)) for s, p, o, g in quads
            )

    def drop_graph(self, graph: URIRef) -> None:
        with self.access.writing(), self._errors("dropping a graph"):
            self.inner.remove_graph(ox.NamedNode(graph))

    # --- reads ----------------------------------------------------------------------------

    def graphs(self) -> list[URIRef]:
        inner = self.inner
        with self._errors("listing graphs"):
            return sorted(
                URIRef(name.value)
                for name in inner.named_graphs()
                if isinstance(name, ox.NamedNode)
                and next(inner.quads_for_pattern(None, None, None, name), None) is not None
            )

    def quads(self, graph: URIRef | None = None) -> Iterator[Quad]:
        pattern_graph = None if graph is None else ox.NamedNode(graph)
        with self._errors("reading quads"):
            for quad in self.inner.quads_for_pattern(None, None, None, pattern_graph):
                yield (from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object), from_ox(quad.graph_name))

    def count(self, graph: URIRef | None = None) -> int:
        with self._errors("counting"):
            if graph is None:
                return len(self.inner)
            return sum(1 for _ in self.inner.quads_for_pattern(None, None, None, ox.NamedNode(graph)))

    def dump(self, out: BinaryIO, format: str, graph: URIRef | None = None) -> None:
        check_dump_format(format)
        ox_format = RDF_FORMATS_OX[format]
        with self._errors("dumping"):
            if graph is not None:
                name = ox.NamedNode(graph)
                if format in DATASET_FORMATS:
                    ox.serialize(self.inner.quads_for_pattern(None, None, None, name), out, ox_format)
                else:
                    self.inner.dump(out, ox_format, from_graph=name)
            elif format in DATASET_FORMATS:
                self.inner.dump(out, ox_format)
            else:
                self.inner.query(_UNION_CONSTRUCT, use_default_graph_as_union=True).serialize(out, ox_format)

    def close(self) -> None:
        """Flush and release the store (and its lock on the folder)."""
        if self._inner is None:
            return
        try:
            self._inner.flush()
        except OSError as exc:  # pragma: no cover - disk trouble at shutdown
            log.warning("flushing the Oxigraph store at %s failed: %s", self._where, exc)
        if self._dataset is not None:
            self._dataset.store.close()  # oxrdflib drops its reference to the pyoxigraph store
            self._dataset = None
        self._inner = None


def _open_error_message(path: Path | None, exc: Exception) -> str:
    text = str(exc)
    if "lock" in text.lower():
        return (
            f"the Oxigraph store at {path} is in use by another process or another open store "
            f"(a running `clustergraph serve`?): stop that process, or set store_path "
            f"(CLUSTERGRAPH_STORE_PATH) to another folder. Details: {text}"
        )
    return (
        f"cannot open the Oxigraph store at {path}: {text}. If this folder is not an Oxigraph "
        f"store or it is damaged, move it away (a fresh store is created on the next start) "
        f"or set store_path (CLUSTERGRAPH_STORE_PATH) to another folder"
    )
