"""The default back-end: embedded Oxigraph, persistent on disk.

The store is opened with pyoxigraph and shared with rdflib through oxrdflib: :attr:`dataset` is
an rdflib ``Dataset`` over the same data (for rdflib interop), while the hot paths (queries, bulk
loads, dumps, graph replacement) talk to the pyoxigraph store, :attr:`OxigraphStore.inner`,
directly. Queries run with the union of all graphs as default graph; bindings become pyoxigraph
``substitutions``. Every write is one Oxigraph transaction.

:meth:`OxigraphStore.load` parses with Oxigraph's own parser and writes with Oxigraph's bulk
transactions (``extend``), not through rdflib. The data version of an on-disk store lives in a
marker file in the store's folder (:data:`VERSION_FILE`), rewritten around every write, so
another process opening the folder (a read-only query worker, the next ``serve``) sees it too.

This package is the only place that imports pyoxigraph or oxrdflib: the store here, term
conversion in :mod:`~clustergraph.store.oxigraph.terms`, the load path in
:mod:`~clustergraph.store.oxigraph.loading`.

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

import logging
import os
import uuid
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Iterable, Iterator, Mapping, Sequence

import pyoxigraph as ox
from oxrdflib import OxigraphStore as RdflibOxigraphStore
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Identifier

from clustergraph.errors import QueryError, StoreError
from clustergraph.store.base import (
    Quad,
    QueryResult,
    RdfSource,
    Store,
    Triple,
    query_error,
    unprojected_binding_error,
    variable_name,
)
from clustergraph.store.oxigraph.loading import (
    LOAD_TRANSACTION_QUADS,
    batches,
    change_request,
    graph_changes,
    parse_by_graph,
)
from clustergraph.store.oxigraph.terms import (
    RDF_FORMATS_OX,
    RESULT_FORMATS_OX,
    from_ox,
    graph_name,
    solutions_json,
    storable,
    to_ox,
)
from clustergraph.store.results import (
    DATASET_FORMATS,
    SerializedResult,
    check_dump_format,
    check_graph_format,
    check_result_format,
    serialize_result,
)

__all__ = ["FLUSH_AFTER_QUADS", "LOAD_TRANSACTION_QUADS", "VERSION_FILE", "OxigraphStore", "from_ox", "to_ox"]

if TYPE_CHECKING:  # pragma: no cover
    from clustergraph.config import Settings

log = logging.getLogger(__name__)

# the data version of an on-disk store: a random token, replaced around every write
VERSION_FILE = "clustergraph-data-version"
# RocksDB keeps what was written in memory (write buffers, ~1.5 kB per quad over Oxigraph's
# indexes) until it flushes them; an on-disk store flushes after about this many quads written
FLUSH_AFTER_QUADS = 20_000
# the union of all graphs, each triple once
_UNION_CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"


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
        self._read_only = False
        self._unflushed = 0  # quads written since the last flush (estimated for updates)
        if self.path is not None and not self._version_file.exists():
            self._write_version()  # a store written before versions, or by other tools

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
        store._read_only = True
        store._unflushed = 0
        return store

    # --- data version ---------------------------------------------------------------------

    @property
    def _version_file(self) -> Path:
        assert self.path is not None
        return self.path / VERSION_FILE

    def _write_version(self) -> None:
        token = uuid.uuid4().hex
        temporary = self._version_file.with_name(f".{VERSION_FILE}.{os.getpid()}")
        try:
            temporary.write_text(token, encoding="ascii")
            os.replace(temporary, self._version_file)
        except OSError as exc:  # the version still changes in this process (the generation)
            log.warning("cannot write the data version marker %s: %s", self._version_file, exc)

    def _data_changed(self) -> None:
        super()._data_changed()
        if self.path is not None and not self._read_only:
            self._write_version()

    def _written(self, quads: int) -> None:
        """Count ``quads`` written (under the write lock); past :data:`FLUSH_AFTER_QUADS`, flush
        RocksDB's write buffers to disk, so the memory they hold stays bounded however many
        announcements a long-running process replaces (and query workers reopening the store
        replay a short log)."""
        if self.path is None:
            return
        self._unflushed += quads
        if self._unflushed >= FLUSH_AFTER_QUADS:
            self._unflushed = 0
            try:
                self.inner.flush()
            except OSError as exc:  # pragma: no cover - disk trouble; RocksDB flushes by itself later
                log.warning("flushing the Oxigraph store at %s failed: %s", self._where, exc)

    def data_version(self, *, max_age: float | None = None) -> str:
        """In memory: the generic one. On disk: the marker file's token (which every process
        opening the folder reads; one file read, no query) and this process's write generation.
        Writes that bypass clustergraph (pyoxigraph or the ``oxigraph`` tool used directly) do
        not change it."""
        if self.path is None:
            return super().data_version()
        try:
            marker = self._version_file.read_text(encoding="ascii").strip()
        except OSError:
            marker = "unversioned"
        return f"{marker}.{self.__dict__.get('_generation', 0)}"

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
                data = solutions_json(variables, solutions)
            else:
                rows = [tuple(map(from_ox, solution)) for solution in solutions]
                data = serialize_result(QueryResult("SELECT", vars=variables, rows=rows), result_format)
            return SerializedResult(data, kind="SELECT", format=result_format, truncated=truncated)

    # --- writes ---------------------------------------------------------------------------

    def update(self, sparql: str) -> None:
        with self._writing(), self._errors("update", evaluating=True):
            self.inner.update(sparql)
            self._written(len(sparql) // 100)  # about a quad per 100 characters of update text

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """One SPARQL update ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }``,
        which Oxigraph runs as one transaction. The text is written from pyoxigraph terms
        (N-Triples syntax), never from user strings."""
        name = storable(URIRef(graph))
        lines = [f"{storable(s)} {storable(p)} {storable(o)} ." for s, p, o in triples]
        request = f"DROP SILENT GRAPH {name}"
        if lines:
            request += f" ;\nINSERT DATA {{ GRAPH {name} {{\n" + "\n".join(lines) + "\n} }"
        with self._writing(), self._errors("replacing a graph", evaluating=True):
            self.inner.update(request)
            self._written(len(lines))

    def add_quads(self, quads: Iterable[Quad]) -> None:
        """pyoxigraph ``extend``: one transaction, nothing written when ``quads`` raises."""
        converted = [ox.Quad(storable(s), storable(p), storable(o), graph_name(g)) for s, p, o, g in quads]
        with self._writing(), self._errors("adding quads"):
            self.inner.extend(converted)
            self._written(len(converted))

    def load(self, source: RdfSource, format: str, *, graph: URIRef, base_iri: str | None = None) -> dict[URIRef, int]:
        """:meth:`Store.load <clustergraph.store.base.Store.load>` through Oxigraph: parsed by
        Oxigraph's parser (blank nodes renamed, so two files never share one), then graphs the
        store does not hold yet are added with ``extend``, whole graphs together in transactions
        of about :data:`LOAD_TRANSACTION_QUADS` quads; graphs it holds get only their
        differences (``DELETE DATA`` + ``INSERT DATA``; the whole graph when blank nodes differ),
        one SPARQL update (one transaction) per batch of graphs, nothing when they are the same.
        (Blank nodes shared by two graphs of the file stay shared when the graphs are new;
        ``INSERT DATA`` makes them fresh per batch.)"""
        check_dump_format(format)
        if base_iri is None and isinstance(source, Path):
            base_iri = source.resolve().as_uri()
        groups = parse_by_graph(source, format, storable(URIRef(graph)), base_iri)
        stored: dict[URIRef, int] = {}
        with self._writing(), self._errors("loading", evaluating=True):
            fresh, existing = [], []
            for name, quads in groups.items():
                stored[URIRef(name.value)] = len(quads)
                if next(self.inner.quads_for_pattern(None, None, None, name), None) is None:
                    fresh.append(quads)
                else:
                    existing.append((name, quads))
            changes = graph_changes(self.inner, existing)
            for batch in batches(fresh, LOAD_TRANSACTION_QUADS):
                self.inner.extend(quad for quads in batch for quad in quads)
            for batch in batches(changes, LOAD_TRANSACTION_QUADS // 4):
                self.inner.update(change_request(batch))
            self._written(sum(len(quads) for quads in fresh) + sum(change.size for change in changes))
        return stored

    def drop_graph(self, graph: URIRef) -> None:
        with self._writing(), self._errors("dropping a graph"):
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
