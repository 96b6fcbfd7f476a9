"""Access to the app's settings, store and query runner from inside a request."""

from __future__ import annotations

import threading

from flask import current_app

from clustergraph.config import Settings
from clustergraph.sparql_limits import QueryRunner
from clustergraph.store.base import Store

_RUNNER_KEY = "clustergraph.query_runner"
_runner_lock = threading.Lock()


def settings() -> Settings:
    return current_app.extensions["clustergraph.settings"]


def store() -> Store:
    return current_app.extensions["clustergraph.store"]


def query_runner() -> QueryRunner:
    """The app's query runner (one per app: it counts the running queries and owns the worker
    processes), created on first use with the ``query_timeout`` setting."""
    extensions = current_app.extensions
    if _RUNNER_KEY not in extensions:
        with _runner_lock:
            if _RUNNER_KEY not in extensions:
                extensions[_RUNNER_KEY] = QueryRunner(store(), settings().query_timeout)
    return extensions[_RUNNER_KEY]


def store_state(opened: Store) -> str:
    """What changes when ``opened`` is written: its data version
    (:meth:`~clustergraph.store.base.Store.data_version`, read without a query on the embedded
    stores). The server's caches (the projected graph, the VoID description) are kept per state."""
    return opened.data_version()
