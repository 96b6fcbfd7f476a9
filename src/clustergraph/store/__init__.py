"""Stores: one interface (:mod:`clustergraph.store.base`), back-ends chosen by name.

===========  ==========================================================================
``oxigraph``  embedded Oxigraph on disk at ``store_path`` (the default)
``memory``    rdflib's in-memory dataset; nothing is kept after the process ends
``sparql``    a remote SPARQL 1.1 endpoint at ``sparql_query_url`` / ``sparql_update_url``
===========  ==========================================================================

Back-ends are imported only when opened, so pyoxigraph is not loaded for a remote store.

>>> from clustergraph.config import load_settings
>>> available_backends()
('oxigraph', 'memory', 'sparql')
>>> with open_store(load_settings(environ={}, overrides={"store": "memory"})) as store:
...     store.count()
0
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from clustergraph.errors import ConfigError
from clustergraph.store.base import Quad, QueryResult, Store, Triple
from clustergraph.store.results import SerializedResult

if TYPE_CHECKING:  # pragma: no cover
    from clustergraph.config import Settings

__all__ = [
    "BACKENDS",
    "Quad",
    "QueryResult",
    "SerializedResult",
    "Store",
    "Triple",
    "available_backends",
    "backend_class",
    "open_store",
]

# back-end name -> "module:Class", imported lazily
BACKENDS: dict[str, str] = {
    "oxigraph": "clustergraph.store.oxigraph:OxigraphStore",
    "memory": "clustergraph.store.memory:MemoryStore",
    "sparql": "clustergraph.store.sparql:SparqlStore",
}


def available_backends() -> tuple[str, ...]:
    """The names ``settings.store`` may take, default first."""
    return tuple(BACKENDS)


def backend_class(name: str) -> type[Store]:
    """The store class registered as ``name``; :class:`ConfigError` for an unknown name."""
    try:
        target = BACKENDS[name]
    except KeyError:
        raise ConfigError(
            f"unknown store back-end {name!r}; set store to one of {', '.join(BACKENDS)}"
        ) from None
    module_name, _, class_name = target.partition(":")
    return getattr(importlib.import_module(module_name), class_name)


def open_store(settings: "Settings") -> Store:
    """Open the back-end ``settings.store`` names, configured from ``settings``.

    Raises :class:`ConfigError` for an unknown back-end or missing settings (the ``sparql``
    back-end needs ``sparql_query_url``), :class:`~clustergraph.errors.StoreError` when the
    store cannot be opened.
    """
    return backend_class(settings.store).from_settings(settings)
