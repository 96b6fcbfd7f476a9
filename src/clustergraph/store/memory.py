"""An in-memory back-end on rdflib's ``Dataset``: for tests, examples and small data.

Nothing survives the process. Every operation holds one lock, so readers never see half a
write; writes build their new content first and swap it in, so an exception leaves the old data.

>>> from rdflib import Literal, URIRef
>>> store = MemoryStore()
>>> g = URIRef("http://example.org/graph/a")
>>> store.replace_graph(g, [(URIRef("http://example.org/x"), URIRef("http://example.org/name"), Literal("Dresden"))])
>>> store.query("SELECT ?name WHERE { ?x ?p ?name }").rows
[(rdflib.term.Literal('Dresden'),)]
"""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, BinaryIO, Iterable, Iterator, Mapping, Sequence

import rdflib.plugins.sparql
from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.algebra import translateUpdate
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql import update as rdflib_update
from rdflib.plugins.sparql.sparql import QueryContext, SPARQLError
from rdflib.term import Identifier

from clustergraph.errors import QueryError, StoreError
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
from clustergraph.store.results import DATASET_FORMATS, RDFLIB_FORMATS, check_dump_format, construct_result

if TYPE_CHECKING:  # pragma: no cover
    from clustergraph.config import Settings


# rdflib fetches the IRIs of FROM / FROM NAMED / USING graphs and LOAD sources over HTTP (USING
# even when the graph is in the dataset); no query clustergraph runs may reach the network, so
# graphs are only ever taken from the dataset (tests/test_hardening_endpoint.py holds this).
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False

_PARSER_LOCK = RDFLIB_PARSER_LOCK  # rdflib's parser is not thread-safe (see store.base)


def _checked_triple(triple: Triple) -> Triple:
    s, p, o = triple
    if not isinstance(s, (URIRef, BNode)) or not isinstance(p, URIRef) or not isinstance(o, (URIRef, BNode, Literal)):
        raise StoreError(f"not an RDF triple of rdflib terms: {triple!r}")
    return s, p, o


def _graph_id(context: Identifier) -> URIRef | None:
    return None if context == DATASET_DEFAULT_GRAPH_ID else context


class MemoryStore(Store):
    """rdflib ``Dataset(default_union=True)`` behind a lock."""

    name = "memory"

    def __init__(self) -> None:
        self._dataset = Dataset(default_union=True)
        self._lock = threading.RLock()

    @classmethod
    def from_settings(cls, settings: "Settings") -> "MemoryStore":
        return cls()

    @contextmanager
    def quiesced(self) -> Iterator[None]:
        """Hold this store's lock and the SPARQL parser's: ``os.fork()`` inside the block gives a
        child whose copy of the data is consistent and whose locks are free once the block ends
        in both processes (the query workers of :mod:`clustergraph.sparql_limits`)."""
        with _PARSER_LOCK, self._lock:
            yield

    def _write_lock(self) -> AbstractContextManager[object]:
        """Writes hold this store's lock (:meth:`Store._writing` adds the data versions)."""
        return self._lock

    @property
    def dataset(self) -> Dataset:
        """The rdflib ``Dataset`` itself (union default graph); not locked, so do not write to
        it while other threads use the store."""
        return self._dataset

    def _graph(self, graph: URIRef) -> Graph:
        """A view of one named graph that does not create it."""
        return Graph(store=self._dataset.store, identifier=URIRef(graph))

    # --- queries --------------------------------------------------------------------------

    def _view(self, default_graph: Sequence[URIRef] | None, named_graphs: Sequence[URIRef] | None) -> Dataset:
        """A dataset holding exactly the graphs a query names (copied: rdflib has no views)."""
        view = Dataset(default_union=False)
        for name in default_graph or ():
            for triple in self._graph(name):
                view.add(triple)
        for name in named_graphs or ():
            target = view.graph(URIRef(name))
            for triple in self._graph(name):
                target.add(triple)
        return view

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Identifier] | None = None,
        default_graph: Sequence[URIRef] | None = None,
        named_graphs: Sequence[URIRef] | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        try:
            with _PARSER_LOCK:
                prepared = prepareQuery(sparql)
        except Exception as exc:  # rdflib raises pyparsing errors and bare Exceptions
            raise query_error(str(exc)) from None
        init = {Variable(variable_name(k)): v for k, v in (bindings or {}).items()}
        check_bindings_projected(prepared.algebra, init)
        with self._lock:
            if default_graph is None and named_graphs is None:
                target = self._dataset
            else:
                target = self._view(default_graph, named_graphs)
            try:
                return _to_query_result(target.query(prepared, initBindings=init), max_rows)
            except SPARQLError as exc:
                raise QueryError(f"query failed: {exc}") from None

    # --- writes ---------------------------------------------------------------------------

    def update(self, sparql: str) -> None:
        """Runs on the default graph (not the union). All or nothing: when evaluation fails
        midway the dataset is restored from a snapshot taken before (a copy of every quad;
        fine for the small data this back-end is for)."""
        try:
            with _PARSER_LOCK:
                parsed = translateUpdate(parseUpdate(sparql))
        except Exception as exc:  # rdflib raises pyparsing errors and bare Exceptions
            raise query_error(str(exc)) from None
        with self._writing():
            snapshot = list(self._dataset.quads((None, None, None, None)))
            try:
                self._evaluate_update(parsed)
            except Exception as exc:  # rdflib signals failed operations with bare Exceptions
                self._restore(snapshot)
                raise QueryError(f"update failed, nothing was changed: {exc}") from None

    def _evaluate_update(self, parsed) -> None:
        """rdflib's ``evalUpdate``, but with the default graph (not the union) as the graph
        operations without ``GRAPH`` work on; rdflib's own fails on ``INSERT DATA`` into the
        default graph of a ``Dataset``."""
        default = self._dataset.graph(DATASET_DEFAULT_GRAPH_ID)
        for operation in parsed.algebra:
            context = QueryContext(self._dataset)
            context.graph = default
            context.prologue = operation.prologue
            evaluate = getattr(rdflib_update, "eval" + operation.name, None)
            if evaluate is None:
                raise QueryError(f"unsupported update operation {operation.name}")
            try:
                evaluate(context, operation)
            except Exception:
                if not operation.silent:
                    raise

    def _restore(self, snapshot: list) -> None:
        for graph in list(self._dataset.graphs()):
            self._dataset.remove_graph(graph)
        self._dataset.remove((None, None, None))
        self._dataset.addN((s, p, o, self._dataset.graph(g)) for s, p, o, g in snapshot)

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        new = [_checked_triple(t) for t in triples]  # read everything before touching the store
        name = URIRef(graph)
        with self._writing():
            old = list(self._graph(name))
            self._dataset.remove_graph(name)
            try:
                if new:
                    context = self._dataset.graph(name)
                    self._dataset.addN((s, p, o, context) for s, p, o in new)
            except BaseException:
                self._dataset.remove_graph(name)
                context = self._dataset.graph(name)
                self._dataset.addN((s, p, o, context) for s, p, o in old)
                raise

    def add_quads(self, quads: Iterable[Quad]) -> None:
        new = [(*_checked_triple((s, p, o)), g) for s, p, o, g in quads]
        with self._writing():
            contexts: dict = {}
            for s, p, o, g in new:
                key = DATASET_DEFAULT_GRAPH_ID if g is None else URIRef(g)
                if key not in contexts:
                    contexts[key] = self._dataset.graph(key)
                contexts[key].add((s, p, o))

    def drop_graph(self, graph: URIRef) -> None:
        with self._writing():
            self._dataset.remove_graph(URIRef(graph))

    # --- reads ----------------------------------------------------------------------------

    def graphs(self) -> list[URIRef]:
        with self._lock:
            return sorted(
                graph.identifier
                for graph in self._dataset.graphs()
                if isinstance(graph.identifier, URIRef)
                and graph.identifier != DATASET_DEFAULT_GRAPH_ID
                and next(iter(graph), None) is not None
            )

    def quads(self, graph: URIRef | None = None) -> Iterator[Quad]:
        with self._lock:  # copied under the lock: rdflib's dicts must not change while iterated
            if graph is None:
                found = [(s, p, o, _graph_id(g)) for s, p, o, g in self._dataset.quads((None, None, None, None))]
            else:
                found = [(s, p, o, URIRef(graph)) for s, p, o in self._graph(graph)]
        return iter(found)

    def count(self, graph: URIRef | None = None) -> int:
        with self._lock:
            if graph is None:
                return sum(1 for _ in self._dataset.quads((None, None, None, None)))
            return len(self._graph(graph))

    def dump(self, out: BinaryIO, format: str, graph: URIRef | None = None) -> None:
        check_dump_format(format)
        with self._lock:
            if format in DATASET_FORMATS:
                if graph is None:
                    source = self._dataset
                else:
                    source = Dataset()
                    target = source.graph(URIRef(graph))
                    for triple in self._graph(graph):
                        target.add(triple)
            elif graph is None:
                source = Graph()
                for s, p, o, _g in self._dataset.quads((None, None, None, None)):
                    source.add((s, p, o))
            else:
                source = self._graph(graph)
            data = source.serialize(format=RDFLIB_FORMATS[format], encoding="utf-8")
        out.write(data)


def _to_query_result(result, max_rows: int | None) -> QueryResult:
    """An rdflib query result as a :class:`QueryResult` (read completely, under the lock)."""
    if result.type == "ASK":
        return QueryResult("ASK", boolean=bool(result.askAnswer))
    if result.type == "SELECT":
        variables = [str(v) for v in result.vars]
        rows: list[tuple] = []
        for row in result:
            if max_rows is not None and len(rows) >= max_rows:
                return QueryResult("SELECT", vars=variables, rows=rows, truncated=True)
            rows.append(tuple(row))
        return QueryResult("SELECT", vars=variables, rows=rows)
    return construct_result(result.graph, max_rows)
