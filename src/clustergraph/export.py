"""Exports of the dataset, or of a subset of it, in every format clustergraph writes.

=============  ==================================  ===================================================
format         content                             notes
=============  ==================================  ===================================================
``turtle``     the union of all graphs             the project's prefixes, a stable order
``ntriples``   the union of all graphs             one triple a line, sorted
``nquads``     every named graph                   one quad a line, sorted by graph
``trig``       every named graph                   one block per graph, the project's prefixes
``jsonld``     every named graph                   ``@graph`` per named graph, prefixes as context
``graphml``    the networkx projection             nodes: entities, edges: facts; labels, classes
``gexf``       the networkx projection             for Gephi
``csv-nodes``  the projection's nodes              id, label, type, class, labels, aliases
``csv-edges``  the projection's edges              source, target, relation, property, date
``html``       one offline page                    the network, the facts with evidence, the Turtle
=============  ==================================  ===================================================

RDF exports stream through an external sort (:mod:`clustergraph.export_rdf`): memory stays flat
however many triples are written, and two exports of the same data are identical.

A :class:`Subset` picks part of the dataset: one named graph (an announcement), the neighbourhood
of a focus resource up to a depth, or the instances of a class with their facts in and out (see
:mod:`clustergraph.describe`). Any other subset is a SPARQL ``CONSTRUCT`` away (``/sparql``).

>>> make_subset(cls="cg:Cluster").cls == CG.Cluster
True
>>> make_subset(focus="cluster/biosaxony", depth="2").focus
rdflib.term.URIRef('https://w3id.org/clustergraph/id/cluster/biosaxony')
"""

from __future__ import annotations

import gzip as gzip_module
import logging
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Mapping

from rdflib import URIRef

from clustergraph.describe import MAX_DEPTH, class_quads, neighbourhood_quads
from clustergraph.errors import ConfigError, StoreError
from clustergraph.export_rdf import (
    jsonld_chunks,
    nquads_chunks,
    ntriples_chunks,
    quad_records,
    records_from_nquads,
    sorted_unique,
    trig_chunks,
    turtle_chunks,
)
from clustergraph.store.base import Quad, Store
from clustergraph.store.results import DUMP_FORMATS, RDF_SUFFIXES
from clustergraph.vocab import CG, DEFAULT_BASE, ENTITY_TYPES, PREFIXES, expand_iri, graph_iri  # noqa: F401 (CG: the doctest)

log = logging.getLogger(__name__)

RDF_FORMATS: tuple[str, ...] = ("turtle", "ntriples", "nquads", "trig", "jsonld")
FORMATS: dict[str, tuple[str, str]] = {
    # name: (media type, file suffix)
    **{name: (DUMP_FORMATS[name], RDF_SUFFIXES[name]) for name in RDF_FORMATS},
    "graphml": ("application/graphml+xml", ".graphml"),
    "gexf": ("application/gexf+xml", ".gexf"),
    "csv-nodes": ("text/csv", ".nodes.csv"),
    "csv-edges": ("text/csv", ".edges.csv"),
    "html": ("text/html", ".html"),
}
UNION_FORMATS = frozenset({"turtle", "ntriples"})
NETWORK_FORMATS: tuple[str, ...] = ("graphml", "gexf", "csv-nodes", "csv-edges")


@dataclass(frozen=True)
class Subset:
    """Which part of the dataset to export; all fields empty: the whole dataset."""

    graph: URIRef | None = None  # one named graph (an announcement's)
    focus: URIRef | None = None  # the ego graph of this resource ...
    depth: int = 1  # ... up to this many facts away
    cls: URIRef | None = None  # every instance of this class, with its facts in and out

    @property
    def whole(self) -> bool:
        return self.graph is None and self.focus is None and self.cls is None

    def title(self) -> str:
        """A short description for page titles and file names' readers."""
        if self.graph is not None:
            return f"graph {self.graph}"
        if self.focus is not None:
            return f"{self.focus}, depth {self.depth}"
        if self.cls is not None:
            return f"instances of {self.cls}"
        return "whole dataset"


def _class_iri(value: str, base: str) -> URIRef:
    if value in ENTITY_TYPES:  # "Cluster", the type names of the facts JSON
        return ENTITY_TYPES[value][0]
    return expand_iri(value, base)


def make_subset(
    *,
    graph: str | None = None,
    announcement: str | None = None,
    focus: str | None = None,
    depth: int | str | None = None,
    cls: str | None = None,
    base: str = DEFAULT_BASE,
) -> Subset:
    """A :class:`Subset` from user input (CLI options, query parameters); :class:`ConfigError`
    when the options are malformed or more than one kind of subset is asked for."""
    given = [name for name, value in (("graph", graph), ("announcement", announcement),
                                      ("focus", focus), ("class", cls)) if value]
    if len(given) > 1:
        raise ConfigError(f"choose one subset, not {' and '.join(given)}")
    if depth not in (None, "") and not focus:
        raise ConfigError("depth needs a focus: give focus=IRI as well")
    depth_value = 1
    if depth not in (None, ""):
        try:
            depth_value = int(depth)
        except (TypeError, ValueError):
            raise ConfigError(f"depth {depth!r} is not a whole number") from None
        if not 0 <= depth_value <= MAX_DEPTH:
            raise ConfigError(f"depth {depth_value} is out of range: use 0 to {MAX_DEPTH}")
    if announcement:
        return Subset(graph=graph_iri("announcement", announcement.strip(), base))
    if graph:
        return Subset(graph=expand_iri(graph, base))
    if focus:
        return Subset(focus=expand_iri(focus, base), depth=depth_value)
    if cls:
        return Subset(cls=_class_iri(cls, base))
    return Subset()


def check_subset(store: Store, subset: Subset) -> None:
    """:class:`ConfigError` when the subset names a graph or focus the store does not hold."""
    if subset.graph is not None and subset.graph not in store.graphs():
        raise ConfigError(f"the store has no named graph {subset.graph}; `clustergraph stats` counts the graphs")
    if subset.focus is not None:
        found = store.query("ASK { { ?focus ?p ?o } UNION { ?s ?p ?focus } }", bindings={"focus": subset.focus})
        if not found.boolean:
            raise ConfigError(f"the store knows nothing about {subset.focus}")


def subset_quads(store: Store, subset: Subset) -> Iterable[Quad]:
    """The quads of ``subset`` (every quad of the store for the whole dataset)."""
    if subset.focus is not None:
        return neighbourhood_quads(store, subset.focus, subset.depth)
    if subset.cls is not None:
        return class_quads(store, subset.cls)
    return store.quads(subset.graph)


def _store_records(store: Store, subset: Subset, union: bool) -> Iterator[str]:
    if subset.focus is not None or subset.cls is not None:
        yield from quad_records(subset_quads(store, subset), union=union)
        return
    with tempfile.TemporaryFile() as dump:  # the store's own (fast) N-Quads writer, then sort
        store.dump(dump, "nquads", graph=subset.graph)
        dump.seek(0)
        yield from records_from_nquads(dump, union=union)


def rdf_chunks(records: Iterable[str], fmt: str, prefixes: Mapping[str, str] = PREFIXES) -> Iterator[str]:
    """Text of ``fmt`` from unsorted records (``union`` records for Turtle and N-Triples)."""
    ordered = sorted_unique(records)
    if fmt == "turtle":
        return turtle_chunks(ordered, prefixes)
    if fmt == "ntriples":
        return ntriples_chunks(ordered)
    if fmt == "nquads":
        return nquads_chunks(ordered)
    if fmt == "trig":
        return trig_chunks(ordered, prefixes)
    if fmt == "jsonld":
        return jsonld_chunks(ordered, prefixes)
    raise ConfigError(f"unknown RDF format {fmt!r}; known: {', '.join(RDF_FORMATS)}")


def serialize_quads(quads: Iterable[Quad], fmt: str, prefixes: Mapping[str, str] = PREFIXES) -> bytes:
    """``quads`` (held in memory, e.g. a resource's description) in ``fmt``: the formats of
    :data:`RDF_FORMATS` through the stable writers, ``rdfxml`` through rdflib."""
    if fmt == "rdfxml":
        from clustergraph.describe import to_graph

        return to_graph(quads).serialize(format="xml", encoding="utf-8")
    records = quad_records(quads, union=fmt in UNION_FORMATS)
    return "".join(rdf_chunks(records, fmt, prefixes)).encode("utf-8")


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
    return fmt


def iter_export(store: Store, fmt: str, subset: Subset | None = None) -> Iterator[bytes]:
    """The export as a stream of byte chunks (what the HTTP downloads send).

    Checks the format and the subset before the first chunk; raises :class:`ConfigError`.
    """
    check_format(fmt)
    subset = subset or Subset()
    check_subset(store, subset)
    return _chunks(store, fmt, subset)


def _chunks(store: Store, fmt: str, subset: Subset) -> Iterator[bytes]:
    if fmt in RDF_FORMATS:
        records = _store_records(store, subset, union=fmt in UNION_FORMATS)
        for text in rdf_chunks(records, fmt):
            yield text.encode("utf-8")
        return
    quads = None if subset.whole else list(subset_quads(store, subset))
    if fmt in NETWORK_FORMATS:
        from clustergraph.export_network import network_chunks, project

        for text in network_chunks(project(store, quads), fmt):
            yield text.encode("utf-8")
        return
    from clustergraph.export_html import offline_html

    yield offline_html(store, quads, title=subset.title()).encode("utf-8")


@contextmanager
def _open_output(output: str | Path | None, gzip: bool) -> Iterator[BinaryIO]:
    if output is None:
        raw = sys.stdout.buffer
        stream = gzip_module.GzipFile(fileobj=raw, mode="wb") if gzip else raw
        try:
            yield stream
        finally:
            if gzip:
                stream.close()
            raw.flush()
        return
    path = Path(output)
    tmp = path.with_name(path.name + ".part")
    try:
        with (gzip_module.open(tmp, "wb") if gzip else open(tmp, "wb")) as stream:
            yield stream
        tmp.replace(path)  # all of the export or nothing at the named path
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc}") from None
    finally:
        if tmp.exists():
            tmp.unlink()


def write_dataset(store: Store, out: BinaryIO, fmt: str, graph: str | None = None, *,
                  subset: Subset | None = None) -> None:
    """Write the store, one named graph (``graph``) or a ``subset`` to ``out`` in ``fmt``."""
    if subset is None:
        subset = Subset(graph=URIRef(graph)) if graph else Subset()
    for chunk in iter_export(store, fmt, subset):
        out.write(chunk)


def export_dataset(store: Store, fmt: str, *, output: str | Path | None = None, gzip: bool = False,
                   graph: str | None = None, announcement: str | None = None, focus: str | None = None,
                   depth: int | str | None = None, cls: str | None = None, base: str = DEFAULT_BASE) -> None:
    """Export to ``output`` (stdout when ``None``), gzip-compressed when asked: the whole dataset
    or the subset the options name (see :func:`make_subset`). The file appears complete or not at all."""
    check_format(fmt)
    subset = make_subset(graph=graph, announcement=announcement, focus=focus, depth=depth, cls=cls, base=base)
    chunks = iter_export(store, fmt, subset)  # fails here, before a file is created
    with _open_output(output, gzip) as stream:
        for chunk in chunks:
            stream.write(chunk)
    log.info("exported %s as %s", subset.title(), fmt)
