"""The one store interface every back-end implements.

A store holds a dataset: named graphs (one per announcement, one per reference file) and a
default graph. Queries see the union of all graphs unless the caller names graphs. Terms in
and out are rdflib terms, whatever the back-end.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import BinaryIO, Iterable, Iterator, Mapping, Sequence

from rdflib import Graph, URIRef
from rdflib.term import Identifier, Node

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
    truncated: bool = False  # rows were cut at a row cap

    def bindings(self) -> list[dict[str, Identifier]]:
        """SELECT rows as dicts, unbound variables left out."""
        return [
            {var: value for var, value in zip(self.vars, row) if value is not None}
            for row in self.rows
        ]


class Store(ABC):
    """A dataset of named graphs that answers SPARQL."""

    name: str = "abstract"

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
        (never formatted into the text). Raises :class:`~clustergraph.errors.QueryError`
        for a malformed query, :class:`~clustergraph.errors.StoreError` when the store fails."""

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update, all of it or nothing."""

    @abstractmethod
    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Make ``graph`` hold exactly ``triples``, in one transaction: readers see the old
        graph or the new one, never a mix, and a crash leaves one of the two."""

    @abstractmethod
    def add_quads(self, quads: Iterable[Quad]) -> None:
        """Add quads in one transaction (bulk loading)."""

    @abstractmethod
    def drop_graph(self, graph: URIRef) -> None:
        """Remove a named graph; no error when it does not exist."""

    @abstractmethod
    def graphs(self) -> list[URIRef]:
        """The named graphs that hold at least one triple."""

    @abstractmethod
    def quads(self, graph: URIRef | None = None) -> Iterator[Quad]:
        """Every quad, or those of one named graph."""

    @abstractmethod
    def count(self, graph: URIRef | None = None) -> int:
        """Number of quads in the store, or of triples in one named graph."""

    @abstractmethod
    def dump(self, out: BinaryIO, format: str, graph: URIRef | None = None) -> None:
        """Write the store (or one graph) as ``nquads``, ``trig``, ``ntriples`` or ``turtle``;
        triple formats get the union of all graphs."""

    def close(self) -> None:
        """Release files and connections."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
