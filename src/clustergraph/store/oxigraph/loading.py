"""Loading RDF into the Oxigraph back-end: Oxigraph's parser, whole graphs per transaction.

What :meth:`clustergraph.store.oxigraph.OxigraphStore.load` is made of: the data parsed by
Oxigraph (:func:`parse_by_graph`), graphs the store already holds compared as Oxigraph keeps them
(:func:`graph_changes`), and the batches of graphs that go into one transaction each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox

from clustergraph.errors import InputError
from clustergraph.store.base import RdfSource, source_name
from clustergraph.store.oxigraph.terms import RDF_FORMATS_OX

# what Oxigraph's parsers say of an IRI that is not one ("Invalid IRI code point '|'", ...)
_BAD_IRI = re.compile(r"Invalid IRI|absolute IRI|IRI code point|invalid IRI", re.IGNORECASE)

# quads per transaction when loading: whole graphs go together up to about this many
LOAD_TRANSACTION_QUADS = 200_000


def parse_by_graph(source: RdfSource, format: str, target: ox.NamedNode,
                   base_iri: str | None) -> dict[ox.NamedNode, list[ox.Quad]]:
    """Every quad of ``source``, by graph name; default-graph triples go to ``target``. Blank
    nodes are renamed, so two files never share one. :class:`InputError` when it cannot be parsed."""
    options: dict = {"format": RDF_FORMATS_OX[format], "base_iri": base_iri, "rename_blank_nodes": True}
    if isinstance(source, Path):
        options["path"] = str(source)
    else:
        options["input"] = source.encode("utf-8") if isinstance(source, str) else source
    groups: dict = {}
    try:
        for quad in ox.parse(**options):
            name = quad.graph_name
            if type(name) is ox.DefaultGraph:
                name = target
                quad = ox.Quad(quad.subject, quad.predicate, quad.object, target)
            elif type(name) is not ox.NamedNode:
                raise InputError(f"the graph name {name} is a blank node; name graphs with IRIs; "
                                 f"nothing was loaded", source=source_name(source))
            groups.setdefault(name, []).append(quad)
    except SyntaxError as exc:
        message = str(exc.msg if exc.msg else exc)
        if _BAD_IRI.search(message):
            message += " (an IRI that is not a valid RDF term)"
        raise InputError(f"cannot parse as {format}: {message}; nothing was loaded",
                         source=source_name(source)) from None
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read as {format}: {exc}; nothing was loaded", source=source_name(source)) from None
    return groups


@dataclass
class GraphChange:
    """What loading does to a graph the store holds: remove ``removed`` and add ``added``, or, when
    ``whole``, remove every quad of the graph and add ``added`` (all of its new quads)."""

    name: ox.NamedNode
    removed: list[ox.Quad]
    added: list[ox.Quad]
    whole: bool = False

    @property
    def size(self) -> int:
        return len(self.removed) + len(self.added)


def _has_blank_node(quad: ox.Quad) -> bool:
    return type(quad.subject) is ox.BlankNode or type(quad.object) is ox.BlankNode


def graph_changes(store: ox.Store, graphs: list[tuple[ox.NamedNode, list[ox.Quad]]]) -> list[GraphChange]:
    """How each of ``graphs`` (name, new quads) differs from what ``store`` holds; graphs that
    are already the same are left out. Compared as Oxigraph keeps quads (literals in canonical
    form: ``+00:00`` becomes ``Z``), so the new quads go through an in-memory store first. A
    graph with blank nodes among the differences is replaced whole (``DELETE DATA`` cannot name
    blank nodes)."""
    if not graphs:
        return []
    scratch = ox.Store()  # in memory: the new quads as the store would keep them
    scratch.extend(quad for _name, quads in graphs for quad in quads)
    changes = []
    for name, _quads in graphs:
        new = {str(quad): quad for quad in scratch.quads_for_pattern(None, None, None, name)}
        old = {str(quad): quad for quad in store.quads_for_pattern(None, None, None, name)}
        if new.keys() == old.keys():
            continue
        removed = [old[key] for key in old.keys() - new.keys()]
        added = [new[key] for key in new.keys() - old.keys()]
        if any(map(_has_blank_node, removed)) or any(map(_has_blank_node, added)):
            changes.append(GraphChange(name, [], list(new.values()), whole=True))
        else:
            changes.append(GraphChange(name, removed, added))
    return changes


def batches(items: list, quads: int) -> Iterator[list]:
    """``items`` (lists of quads, or :class:`GraphChange`) in consecutive batches of about
    ``quads`` quads; an item is never split."""
    batch: list = []
    size = 0
    for item in items:
        batch.append(item)
        size += item.size if isinstance(item, GraphChange) else len(item)
        if size >= quads:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _graph_blocks(by_graph: list[tuple[ox.NamedNode, list[ox.Quad]]]) -> str:
    return "\n".join(
        f"GRAPH {name} {{\n" + "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads) + "\n}"
        for name, quads in by_graph if quads
    )


def change_request(changes: list[GraphChange]) -> str:
    """One SPARQL update (one transaction) making every change of ``changes``; terms written by
    pyoxigraph. Graphs replaced whole lose their triples by one ``DELETE ... WHERE`` over all of
    them (faster than a ``DROP`` each)."""
    parts = []
    whole = " ".join(str(change.name) for change in changes if change.whole)
    if whole:
        parts.append(f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ VALUES ?g {{ {whole} }} GRAPH ?g {{ ?s ?p ?o }} }}")
    removed = _graph_blocks([(change.name, change.removed) for change in changes])
    if removed:
        parts.append(f"DELETE DATA {{\n{removed}\n}}")
    added = _graph_blocks([(change.name, change.added) for change in changes])
    if added:
        parts.append(f"INSERT DATA {{\n{added}\n}}")
    return " ;\n".join(parts)
