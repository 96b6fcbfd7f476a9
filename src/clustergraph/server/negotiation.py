"""Content negotiation for RDF: which serialisation a request asks for, and the answer in it.

A request names its format by a suffix (``/id/cluster/biosaxony.ttl``) or by ``Accept``
(``Accept: text/turtle``). Without an ``Accept`` header, or with ``*/*``, the first offered
format wins (HTML on pages, Turtle on data-only resources); when ``Accept`` names only types
nothing offered matches, the answer is 406 Not Acceptable.

=============  ==========================  =========
format         media type                  suffix
=============  ==========================  =========
``turtle``     ``text/turtle``             ``.ttl``
``ntriples``   ``application/n-triples``   ``.nt``
``jsonld``     ``application/ld+json``     ``.jsonld``
``rdfxml``     ``application/rdf+xml``     ``.rdf``
``trig``       ``application/trig``        ``.trig``
``nquads``     ``application/n-quads``     ``.nq``
=============  ==========================  =========

TriG and N-Quads keep the named graphs: for a resource they say which announcement stated what.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from flask import Response, abort, request
from rdflib import URIRef
from werkzeug.datastructures import MIMEAccept

from clustergraph.describe import resource_quads
from clustergraph.export import serialize_quads
from clustergraph.server import context
from clustergraph.store.base import Quad
from clustergraph.store.results import DUMP_FORMATS, RDF_SUFFIXES


@dataclass(frozen=True)
class RdfFormat:
    name: str  # the format name of clustergraph.export
    media_type: str
    suffix: str
    label: str
    aliases: tuple[str, ...] = ()  # other media types that mean the same format


RDF_FORMATS: dict[str, RdfFormat] = {
    name: RdfFormat(name, DUMP_FORMATS[name], RDF_SUFFIXES[name], label, aliases)
    for name, label, aliases in (
        ("turtle", "Turtle", ("application/x-turtle",)),
        ("ntriples", "N-Triples", ()),
        ("jsonld", "JSON-LD", ()),
        ("rdfxml", "RDF/XML", ()),
        ("trig", "TriG", ()),
        ("nquads", "N-Quads", ()),
    )
}
BY_SUFFIX: dict[str, RdfFormat] = {f.suffix: f for f in RDF_FORMATS.values()}


def best_media_type(accept: MIMEAccept, offered: Sequence[str]) -> str:
    """The offered media type ``accept`` prefers; the first offered one when the header is
    absent; 406 when the header accepts none of them.

    >>> from werkzeug.http import parse_accept_header
    >>> best_media_type(parse_accept_header("text/turtle;q=0.5, application/ld+json", MIMEAccept),
    ...                 ["text/html", "text/turtle", "application/ld+json"])
    'application/ld+json'
    """
    if not accept:
        return offered[0]
    best = accept.best_match(offered)
    if best is None:
        abort(406, description=f"this resource is available as {', '.join(offered)}; "
                               f"the Accept header ({accept}) takes none of them")
    return best


def choose(offered: Sequence[str], suffix: str | None = None) -> str:
    """The name of the format to answer with: ``offered`` holds format names (RDF names of
    :data:`RDF_FORMATS`, or ``html`` / ``json``), a suffix decides when given, else ``Accept``."""
    if suffix:
        fmt = BY_SUFFIX.get(suffix)
        if fmt is None or fmt.name not in offered:
            abort(404, description=f"no {suffix} version here; suffixes: "
                                   + ", ".join(RDF_FORMATS[n].suffix for n in offered if n in RDF_FORMATS))
        return fmt.name
    media: list[str] = []
    names: list[str] = []
    for name in offered:
        types = {"html": ("text/html",), "json": ("application/json",)}.get(name)
        if types is None:
            types = (RDF_FORMATS[name].media_type, *RDF_FORMATS[name].aliases)
        media.extend(types)
        names.extend([name] * len(types))
    return names[media.index(best_media_type(request.accept_mimetypes, media))]


def split_rdf_suffix(name: str) -> tuple[str, str | None]:
    """``("void", ".ttl")`` for ``void.ttl``; ``(name, None)`` without a known RDF suffix.

    >>> split_rdf_suffix("biosaxony.jsonld"), split_rdf_suffix("biosaxony")
    (('biosaxony', '.jsonld'), ('biosaxony', None))
    """
    for suffix in sorted(BY_SUFFIX, key=len, reverse=True):
        if name.endswith(suffix):
            return name[: -len(suffix)], suffix
    return name, None


def rdf_response(data: bytes | Iterable[Quad], fmt: str, *, filename: str | None = None,
                 vary: bool = True) -> Response:
    """A response holding ``data`` (serialized bytes, or quads to serialize) as ``fmt``."""
    body = data if isinstance(data, bytes) else serialize_quads(data, fmt)
    media = RDF_FORMATS[fmt].media_type
    response = Response(body, mimetype=media)
    if media.startswith("text/") or fmt in ("jsonld", "ntriples", "nquads", "trig"):
        response.headers["Content-Type"] = f"{media}; charset=utf-8"
    if filename:
        response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    if vary:
        response.headers.add("Vary", "Accept")
    return response


def resource_rdf(iri: str, fmt: str) -> Response:
    """The RDF description of ``iri`` (:func:`clustergraph.describe.resource_quads`) as ``fmt``;
    404 when the store knows nothing about it."""
    quads = resource_quads(context.store(), [URIRef(iri)])
    if not quads:
        abort(404, description=f"nothing is known about {iri}")
    return rdf_response(quads, fmt, vary=False)


def linked_data_formats(format_class) -> dict:
    """Entries for the linked-data format table (``server.linked_data.FORMATS``): every RDF
    format, rendered by :func:`resource_rdf`."""
    entries = {}
    for fmt in RDF_FORMATS.values():
        for media in (fmt.media_type, *fmt.aliases):
            key = fmt.name if media == fmt.media_type else f"{fmt.name}:{media}"
            entries[key] = format_class(
                key, media, fmt.suffix if media == fmt.media_type else "",
                lambda iri, name=fmt.name: resource_rdf(iri, name),
                "",  # the page lists its RDF links itself (linked_data.RDF_ALTERNATES)
            )
    return entries
