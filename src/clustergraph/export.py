"""Whole-dataset exports: Turtle, N-Triples (the union), N-Quads, TriG (named graphs kept), JSON-LD."""

from __future__ import annotations

import gzip as gzip_module
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

from rdflib import URIRef

from clustergraph.errors import StoreError
from clustergraph.store.base import Store

FORMATS: dict[str, tuple[str, str]] = {
    # name: (media type, file suffix)
    "turtle": ("text/turtle", ".ttl"),
    "ntriples": ("application/n-triples", ".nt"),
    "nquads": ("application/n-quads", ".nq"),
    "trig": ("application/trig", ".trig"),
    "jsonld": ("application/ld+json", ".jsonld"),
}


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


def write_dataset(store: Store, out: BinaryIO, fmt: str, graph: str | None = None) -> None:
    """Write the store (or one named graph) to ``out`` in ``fmt`` (a key of :data:`FORMATS`)."""
    target = URIRef(graph) if graph else None
    if fmt == "jsonld":
        from rdflib import Dataset

        dataset = Dataset()
        for s, p, o, g in store.quads(target):
            dataset.graph(g).add((s, p, o)) if g is not None else dataset.add((s, p, o))
        out.write(dataset.serialize(format="json-ld", auto_compact=True).encode("utf-8"))
        return
    store.dump(out, fmt, graph=target)


def export_dataset(store: Store, fmt: str, *, output: str | Path | None = None, gzip: bool = False,
                   graph: str | None = None) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
    with _open_output(output, gzip) as stream:
        write_dataset(store, stream, fmt, graph)
