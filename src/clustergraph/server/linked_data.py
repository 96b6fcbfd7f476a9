"""Linked data: every IRI ``{base}id/{kind}/{slug}`` answers at ``/id/{kind}/{slug}``.

A browser gets the HTML page, ``.json`` (or ``Accept: application/json``) the same data as JSON.
Formats are a table, :data:`FORMATS`, so RDF serialisations (Turtle, JSON-LD) plug in beside
HTML and JSON: add a :class:`Format` with its media type, suffix and a renderer taking the IRI.

Announcements (``/id/announcement/{slug}``) render the announcement page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable

from flask import Blueprint, Response, abort, request

from clustergraph.server import context
from clustergraph.server.negotiation import best_media_type, linked_data_formats
from clustergraph.server.pages.common import announcement_slug
from clustergraph.server.pages.entity import entity_page
from clustergraph.server.viewer import announcement_data, base_iri, current_graph, language, render_twin

log = logging.getLogger(__name__)

bp = Blueprint("linked_data", __name__)


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    suffix: str  # ".json"; "" for none
    render: Callable[[str], Response | str]  # IRI -> response
    label: str = ""  # shown in the "this resource as" links; empty: not listed


def resource_iri(kind: str, slug: str) -> str:
    return f"{base_iri()}id/{kind}/{slug}"


def entity_data(iri: str) -> dict:
    """The entity page's dict for ``iri``; 404 when the store knows nothing about it."""
    data = entity_page(context.store(), current_graph(), iri, base=base_iri(), lang=language())
    if data is None:
        abort(404, description=f"nothing is known about {iri}")
    data["alternates"] = alternates(data["path"] or request.path)
    return data


def render_html(iri: str) -> Response | str:
    """The HTML page of ``iri`` (an entity page, or the announcement page)."""
    slug = announcement_slug(iri, base_iri())
    if slug is not None:
        return render_twin("announcement.html", announcement_data(slug), False)
    return render_twin("entity.html", entity_data(iri), False)


def render_json(iri: str) -> Response | str:
    """The JSON twin of :func:`render_html`: the same dict."""
    slug = announcement_slug(iri, base_iri())
    if slug is not None:
        return render_twin("announcement.html", announcement_data(slug), True)
    return render_twin("entity.html", entity_data(iri), True)


FORMATS: dict[str, Format] = {
    "html": Format("html", "text/html", "", render_html),
    "json": Format("json", "application/json", ".json", render_json, "JSON"),
}
FORMATS.update(linked_data_formats(Format))  # Turtle, N-Triples, JSON-LD, RDF/XML, TriG, N-Quads
# Links the entity page shows to the same resource in RDF (every format of FORMATS is served).
RDF_ALTERNATES: tuple[tuple[str, str], ...] = (("Turtle", ".ttl"), ("JSON-LD", ".jsonld"))


def alternates(path: str) -> list[dict]:
    """Links to the resource at ``path`` in every other format: RDF first, then JSON."""
    links = [{"label": label, "href": path + suffix} for label, suffix in RDF_ALTERNATES]
    links += [
        {"label": f.label, "href": path + f.suffix}
        for f in FORMATS.values()
        if f.label and f.suffix and f.suffix not in {suffix for _, suffix in RDF_ALTERNATES}
    ]
    return links


def split_suffix(name: str) -> tuple[str, Format | None]:
    """``("biosaxony", json format)`` for ``biosaxony.json``; no format when there is no known suffix."""
    for fmt in FORMATS.values():
        if fmt.suffix and name.endswith(fmt.suffix):
            return name[: -len(fmt.suffix)], fmt
    return name, None


def negotiate() -> Format:
    """The format the Accept header prefers; HTML when nothing better fits."""
    offered = [fmt.media_type for fmt in FORMATS.values()]
    best = best_media_type(request.accept_mimetypes, offered)  # 406 when nothing offered fits
    return next((fmt for fmt in FORMATS.values() if fmt.media_type == best), FORMATS["html"])


@bp.get("/id/<kind>/<name>")
def resource(kind: str, name: str):
    slug, fmt = split_suffix(name)
    negotiated = fmt is None
    fmt = fmt or negotiate()
    response = fmt.render(resource_iri(kind, slug))
    if negotiated:
        if not isinstance(response, Response):
            response = Response(response, mimetype=fmt.media_type)
        response.headers.add("Vary", "Accept")
    return response
