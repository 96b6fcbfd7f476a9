"""The one store interface every back-end implements.

A store holds a dataset: named graphs (one per announcement, one per reference file) and a
default graph. Terms in and out are rdflib terms, whatever the back-end.

Which graphs a query sees (the same on every back-end):

- neither ``default_graph`` nor ``named_graphs`` given: the default graph is the union of all
  graphs (default graph and every named graph) and ``GRAPH ?g`` ranges over every named graph;
- either given: the dataset is exactly what was given, as in the SPARQL 1.1 Protocol
  (``default-graph-uri`` / ``named-graph-uri``): the default graph is the merge of
  ``default_graph`` (empty when not given) and ``GRAPH ?g`` ranges over ``named_graphs`` only.

Bindings pre-bind variables before evaluation; they are never formatted into the query text by
hand. A bound variable of a ``SELECT`` query must appear in its ``SELECT`` clause (``SELECT *``
counts), the rule Oxigraph's substitutions follow; every back-end enforces it so a query behaves
the same everywhere.
"""

from __future__ import annotations

import itertools
import re
import threading
import uuid
from abc import ABC, abstractmethod
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Iterable, Iterator, Mapping, Sequence

from rdflib import Dataset, Graph, URIRef
from rdflib.term import Identifier, Node

from clustergraph.errors import ClusterGraphError, InputError, QueryError
from clustergraph.store.results import (
    DATASET_FORMATS,
    RDFLIB_FORMATS,
    SerializedResult,
    check_dump_format,
    check_graph_format,
    check_result_format,
    is_writable_iri,
    serialize_result,
)

if TYPE_CHECKING:  # pragma: no cover
    from clustergraph.config import Settings

Triple = tuple[Node, Node, Node]
Quad = tuple[Node, Node, Node, URIRef | None]  # graph None = default graph


@dataclass
class QueryResult:
    """The answer to a SPARQL query, back-end independent.

    ``kind`` is ``"SELECT"``, ``"ASK"`` or ``"CONSTRUCT"`` (DESCRIBE answers as CONSTRUCT).
    """

    kind: str
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Identifier | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    truncated: bool = False  # rows (or CONSTRUCT triples) were cut at a row cap

    def bindings(self) -> list[dict[str, Identifier]]:
        """SELECT rows as dicts, unbound variables left out."""
        return [
            {var: value for var, value in zip(self.vars, row) if value is not None}
            for row in self.rows
        ]


_POSITION_PATTERNS = (
    re.compile(r"\bat (\d+):(\d+)"),  # Oxigraph: "error at 1:26: expected ..."
    re.compile(r"line:?\s*(\d+),?\s*col(?:umn)?:?\s*(\d+)", re.IGNORECASE),  # pyparsing, others
)


def query_error(message: str, *, prefix: str = "malformed SPARQL") -> QueryError:
    """A :class:`QueryError` for a parser ``message``, with its (line, column) when it names one.

    >>> err = query_error("error at 1:26: expected one of LATERAL, SERVICE, [_]")
    >>> (str(err), err.position)
    ('malformed SPARQL: error at 1:26: expected one of LATERAL, SERVICE, [_]', (1, 26))
    >>> query_error("Expected end of text, found 'x'  (at char 9), (line:1, col:10)").position
    (1, 10)
    """
    position = None
    for pattern in _POSITION_PATTERNS:
        match = pattern.search(message)
        if match:
            position = (int(match.group(1)), int(match.group(2)))
            break
    return QueryError(f"{prefix}: {message}" if prefix else message, position=position)


def variable_name(name: str) -> str:
    """A binding key without its ``?``/``$`` sigil: ``"?x"``, ``"$x"`` and ``"x"`` all name ``x``.

    >>> variable_name("?cluster")
    'cluster'
    """
    return name[1:] if name[:1] in ("?", "$") else name


def unprojected_binding_error(name: str) -> QueryError:
    """The error every back-end raises for a binding of a variable its SELECT does not project."""
    return QueryError(
        f"cannot bind ?{name}: the variable is not in the query's SELECT clause; "
        f"add ?{name} to the SELECT clause (or use SELECT *) to bind it"
    )


def check_bindings_projected(algebra: Any, names: Iterable[str]) -> None:
    """Raise :func:`unprojected_binding_error` for a name in ``names`` that the SELECT query of
    ``algebra`` (rdflib's translated query) does not project; other query forms bind freely."""
    if algebra.name != "SelectQuery":
        return
    projected = {str(v) for v in algebra.get("PV") or ()}
    for name in names:
        if str(name) not in projected:
            raise unprojected_binding_error(str(name))


# rdflib's SPARQL parser (pyparsing) is not thread-safe: two threads parsing at once can leave its
# parse actions permanently broken for the whole process ("expandTriples() missing 1 required
# positional argument"). Every rdflib SPARQL parse in the store back-ends holds this lock.
RDFLIB_PARSER_LOCK = threading.Lock()



class ReadWriteLock:
    """Many readers or one writer. A store's writes hold it for writing; the query runner
    holds it for reading while a worker process reads the store's files, so a worker never
    reopens the store in the middle of a write."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    def acquire_read(self) -> None:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing)
            self._readers += 1

    def release_read(self) -> None:
        with self._cond:
            self._readers -= 1
            self._cond.notify_all()

    def acquire_write(self) -> None:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing)
            self._writing = True
            self._cond.wait_for(lambda: self._readers == 0)

    def release_write(self) -> None:
        with self._cond:
            self._writing = False
            self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        self.acquire_write()
        try:
            yield
        finally:
            self.release_write()


RdfSource = Path | bytes | str  # a file (Path), or the data itself (bytes, str)

# write generations of this process: a new number for every write of every store object
_GENERATIONS = itertools.count(1)


class Store(ABC):
    """A dataset of named graphs that answers SPARQL."""

    name: str = "abstract"

    # --- data version -----------------------------------------------------------------------

    def data_version(self, *, max_age: float | None = None) -> str:
        """A short text that changes whenever data is written through this store, read cheaply:
        caches of derived data (the viewer's graph, the VoID description, HTTP ETags) key on it.
        Reads never change it; every write does, even one that leaves the number of quads as it
        was. Two versions that differ say nothing about *what* changed, only that something may
        have. ``max_age``: how many seconds a version read from elsewhere (a remote endpoint)
        may be reused; ``None`` is the back-end's default, ``0`` reads afresh.

        This generic version lives in the process: a token of the store object and a write
        counter. Back-ends whose data other processes write override it (Oxigraph on disk keeps
        a marker file in the store's folder, the remote SPARQL store asks the endpoint).

        >>> from clustergraph.store.memory import MemoryStore
        >>> store = MemoryStore()
        >>> before = store.data_version()
        >>> store.count() == 0 and store.data_version() == before
        True
        >>> store.update("INSERT DATA { <http://example.org/a> <http://example.org/p> 1 }")
        >>> store.data_version() != before
        True
        """
        token = self.__dict__.get("_version_token")
        if token is None:
            token = self.__dict__.setdefault("_version_token", uuid.uuid4().hex[:12])
        return f"{token}.{self.__dict__.get('_generation', 0)}"

    def _data_changed(self) -> None:
        """Called by every write (under the write lock, before and after the write): a new
        :meth:`data_version`. Calling it once too often only costs a cache miss."""
        self.__dict__["_generation"] = next(_GENERATIONS)  # atomic under the GIL

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Hold the write lock (:meth:`_write_lock`), with a new data version before and after the
        write: a reader that saw the old version never takes data written meanwhile for it,
        and a write that fails midway still counts as a change."""
        with self._write_lock():
            self._data_changed()
            try:
                yield
            finally:
                self._data_changed()

    def _write_lock(self) -> AbstractContextManager[object]:
        """The lock a write holds (:meth:`_writing`): :attr:`access` for writing. A back-end
        with a lock of its own returns that instead."""
        return self.access.writing()

    @property
    def access(self) -> ReadWriteLock:
        """The store's reader/writer lock (created on first use)."""
        lock = self.__dict__.get("_access")
        if lock is None:
            lock = self.__dict__.setdefault("_access", ReadWriteLock())
        return lock

    @classmethod
    def from_settings(cls, settings: "Settings") -> "Store":
        """Open this back-end as ``settings`` say (see :func:`clustergraph.store.open_store`)."""
        raise NotImplementedError(f"{cls.__name__} cannot be opened from settings")

    @abstractmethod
    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Identifier] | None = None,
        default_graph: Sequence[URIRef] | None = None,
        named_graphs: Sequence[URIRef] | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        """Run a SPARQL 1.1 query. Variables in ``bindings`` are bound before evaluation
        (never formatted into the text). ``max_rows`` cuts SELECT rows and CONSTRUCT triples
        (``truncated`` says so). Raises :class:`~clustergraph.errors.QueryError` for a malformed
        query, :class:`~clustergraph.errors.StoreError` when the store fails."""

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
        """Run a query and return its answer serialized: SELECT/ASK in ``result_format``
        (``json``, ``xml``, ``csv``, ``tsv``), CONSTRUCT/DESCRIBE in ``graph_format``
        (``turtle``, ``ntriples``, ``jsonld``, ``rdfxml``, ``trig``).

        The result is ``bytes`` that also carries ``kind``, ``format``, ``media_type`` and
        ``truncated``. This generic version serializes :meth:`query`'s result with rdflib;
        back-ends override it with faster paths.
        """
        check_result_format(result_format)
        check_graph_format(graph_format)
        result = self.query(
            sparql,
            bindings=bindings,
            default_graph=default_graph,
            named_graphs=named_graphs,
            max_rows=max_rows,
        )
        return serialize_result(result, result_format, graph_format)

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update, all of it or nothing. Without ``GRAPH``, an update reads and
        writes the default graph only (not the union)."""

    @abstractmethod
    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Make ``graph`` hold exactly ``triples``, in one transaction: readers see the old
        graph or the new one, never a mix, and a crash leaves one of the two. When reading
        ``triples`` raises, the old graph stays as it was."""

    @abstractmethod
    def add_quads(self, quads: Iterable[Quad]) -> None:
        """Add quads in one transaction (bulk loading)."""

    def load(self, source: RdfSource, format: str, *, graph: URIRef, base_iri: str | None = None) -> dict[URIRef, int]:
        """Load RDF data (a file, or the data as ``bytes``/``str``) in ``format`` (``turtle``,
        ``ntriples``, ``nquads``, ``trig``, ``jsonld``, ``rdfxml``): every named graph the data
        holds is **replaced** by its triples; triples outside a named graph (every triple of a
        triple format) replace ``graph``. Returns the triples stored per graph; ``{}`` when the
        data holds no triples, and then nothing is changed (an empty file never empties a graph).

        Each graph is replaced in one transaction (readers and a crash see it old or new, never a
        mix); the data is parsed completely first, so malformed data raises
        :class:`~clustergraph.errors.InputError` and stores nothing. Relative IRIs resolve
        against ``base_iri`` (a file's own ``file:`` IRI when not given).

        This generic version parses with rdflib and calls :meth:`replace_graph` per graph; the
        Oxigraph back-end overrides it with Oxigraph's own parser and bulk transactions.
        """
        dataset = parse_rdf(source, format, base_iri=base_iri)
        stored: dict[URIRef, int] = {}
        for part in dataset.graphs():
            if not len(part):
                continue
            name = URIRef(graph) if part.identifier == dataset.default_graph.identifier else URIRef(part.identifier)
            self.replace_graph(name, part)
            stored[name] = stored.get(name, 0) + len(part)
        return stored

    @abstractmethod
    def drop_graph(self, graph: URIRef) -> None:
        """Remove a named graph; no error when it does not exist."""

    @abstractmethod
    def graphs(self) -> list[URIRef]:
        """The named graphs that hold at least one triple, sorted."""

    @abstractmethod
    def quads(self, graph: URIRef | None = None) -> Iterator[Quad]:
        """Every quad, or those of one named graph."""

    @abstractmethod
    def count(self, graph: URIRef | None = None) -> int:
        """Number of quads in the store, or of triples in one named graph."""

    @abstractmethod
    def dump(self, out: BinaryIO, format: str, graph: URIRef | None = None) -> None:
        """Write the store (or one graph) as ``nquads``, ``trig``, ``jsonld`` (datasets) or
        ``turtle``, ``ntriples``, ``rdfxml`` (triples); triple formats get the union of all
        graphs, dataset formats keep the graph names."""

    def close(self) -> None:
        """Release files and connections."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def source_name(source: RdfSource) -> str | None:
    """How an error names ``source``: the file's path, ``None`` for data given as it is."""
    return str(source) if isinstance(source, Path) else None


def parse_rdf(source: RdfSource, format: str, *, base_iri: str | None = None) -> Dataset:
    """``source`` parsed with rdflib into a ``Dataset`` (triples of a triple format in its
    default graph); :class:`~clustergraph.errors.InputError` naming the problem when it cannot be."""
    check_dump_format(format)
    dataset = Dataset()
    rdflib_format = RDFLIB_FORMATS[format]
    target = dataset if format in DATASET_FORMATS else dataset.default_graph
    try:
        if isinstance(source, Path):
            target.parse(source, format=rdflib_format, publicID=base_iri)
        else:
            target.parse(data=source, format=rdflib_format, publicID=base_iri)
    except ClusterGraphError:
        raise
    except Exception as exc:  # rdflib's parsers raise many types; name the file and the problem
        raise InputError(f"cannot parse as {format}: {exc}; nothing was loaded", source=source_name(source)) from None
    for quad in dataset.quads((None, None, None, None)):
        for term in quad:
            if isinstance(term, URIRef) and not is_writable_iri(term):
                raise InputError(f"cannot parse as {format}: <{term}> is not a valid RDF term (an IRI with a "
                                 f"character IRIs may not hold); nothing was loaded", source=source_name(source))
    return dataset
