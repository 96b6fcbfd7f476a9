"""The WSGI entry point for production servers: settings from the environment, one app.

Run it with waitress (a dependency), one process with threads::

    CLUSTERGRAPH_STORE_PATH=/srv/clustergraph/store \\
    waitress-serve --listen=127.0.0.1:5000 --threads=8 --call clustergraph.server.wsgi:create_wsgi_app

or, for several processes, against a remote SPARQL store (the embedded Oxigraph store is locked
by the one process that opens it)::

    CLUSTERGRAPH_STORE=sparql CLUSTERGRAPH_SPARQL_QUERY_URL=http://127.0.0.1:7878/query \\
    gunicorn --workers 4 --threads 4 'clustergraph.server.wsgi:create_wsgi_app()'

Settings come from ``CLUSTERGRAPH_*`` variables, layered over the TOML file named by
``CLUSTERGRAPH_CONFIG`` when set (see docs/deploy.md and the settings table in the README). Three
more variables belong to this entry point:

``CLUSTERGRAPH_LOG_LEVEL``     log to stderr at this level (``INFO``, ``WARNING``, ...)
``CLUSTERGRAPH_CACHE_SECONDS`` when above 0, reads get an ``ETag`` tied to the data version and
                               ``Cache-Control: max-age`` of that many seconds (:class:`ReadCache`)
``CLUSTERGRAPH_DATA_VERSION``  the data version, set by whoever loaded the data (e.g. a dump's
                               checksum); when empty it is read from the store (:func:`data_version`)

>>> app = create_wsgi_app({"CLUSTERGRAPH_STORE": "memory"})
>>> app.extensions["clustergraph.settings"].store
'memory'
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from typing import Callable, Iterable, Mapping

from flask import Flask

from clustergraph.config import load_settings
from clustergraph.errors import ClusterGraphError, ConfigError
from clustergraph.server import create_app
from clustergraph.store.base import Store

CONFIG_VARIABLE = "CLUSTERGRAPH_CONFIG"
LOG_LEVEL_VARIABLE = "CLUSTERGRAPH_LOG_LEVEL"
CACHE_SECONDS_VARIABLE = "CLUSTERGRAPH_CACHE_SECONDS"
DATA_VERSION_VARIABLE = "CLUSTERGRAPH_DATA_VERSION"
VERSION_TTL_SECONDS = 5.0  # how long a process trusts the data version it read from the store

log = logging.getLogger(__name__)

def data_version(store: Store) -> str:
    """The store's data version (:meth:`~clustergraph.store.base.Store.data_version`), read
    afresh: :class:`ReadCache` keeps it for ``version_ttl`` seconds itself.

    >>> from clustergraph.store.memory import MemoryStore
    >>> store = MemoryStore()
    >>> data_version(store) == data_version(store)
    True
    """
    return store.data_version(max_age=0)


StartResponse = Callable[..., Callable[[bytes], object]]


class ReadCache:
    """WSGI middleware: ``ETag`` and ``Cache-Control`` on successful ``GET``/``HEAD`` answers,
    ``304 Not Modified`` when the client (or a proxy) already holds the current one.

    The ETag hashes the data version with everything that selects the answer (path, query string,
    ``Accept``, ``Accept-Language``, ``Cookie``), so every process on the same data gives the same
    ETag. Answers to requests with cookies are ``private``; ``POST`` is never touched.
    """

    def __init__(self, app: Callable, version: Callable[[], str], *, max_age: int,
                 version_ttl: float = VERSION_TTL_SECONDS):
        self.app = app
        self._read_version = version
        self.max_age = max_age
        self.version_ttl = version_ttl
        self._lock = threading.Lock()
        self._version: str | None = None
        self._read_at = 0.0

    def version(self) -> str:
        with self._lock:
            now = time.monotonic()
            if self._version is None or now - self._read_at >= self.version_ttl:
                self._version = self._read_version()
                self._read_at = now
            return self._version

    def etag(self, environ: Mapping[str, str]) -> str:
        parts = [self.version()] + [environ.get(key, "") for key in (
            "PATH_INFO", "QUERY_STRING", "HTTP_ACCEPT", "HTTP_ACCEPT_LANGUAGE", "HTTP_COOKIE")]
        return 'W/"' + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:24] + '"'

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return self.app(environ, start_response)
        try:
            etag = self.etag(environ)
        except ClusterGraphError as exc:  # the store is down: answer uncached, the app reports it
            log.warning("data version unavailable, answering without cache headers: %s", exc)
            return self.app(environ, start_response)
        scope = "private" if environ.get("HTTP_COOKIE") else "public"
        cache_control = f"{scope}, max-age={self.max_age}"
        if etag in (tag.strip() for tag in environ.get("HTTP_IF_NONE_MATCH", "").split(",")):
            start_response("304 Not Modified", [("ETag", etag), ("Cache-Control", cache_control)])
            return []

        def start(status: str, headers: list, exc_info=None):
            names = {name.lower() for name, _ in headers}
            if status.startswith("200") and "etag" not in names and "cache-control" not in names:
                headers = list(headers) + [("ETag", etag), ("Cache-Control", cache_control)]
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        return self.app(environ, start)


def create_wsgi_app(environ: Mapping[str, str] | None = None) -> Flask:
    """The app, configured from ``environ`` (the process environment when not given).

    With ``CLUSTERGRAPH_CACHE_SECONDS`` above 0 the returned app's ``wsgi_app`` is wrapped in
    :class:`ReadCache`.
    """
    env = os.environ if environ is None else environ
    level = env.get(LOG_LEVEL_VARIABLE)
    if level:
        logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = load_settings(file=env.get(CONFIG_VARIABLE) or None, environ=env)
    app = create_app(settings)
    try:
        max_age = int(env.get(CACHE_SECONDS_VARIABLE) or 0)
    except ValueError:
        raise ConfigError(
            f"{CACHE_SECONDS_VARIABLE}={env.get(CACHE_SECONDS_VARIABLE)!r} is not a whole number of seconds"
        ) from None
    if max_age > 0:
        fixed = env.get(DATA_VERSION_VARIABLE, "").strip()
        store = app.extensions["clustergraph.store"]
        version = (lambda: fixed) if fixed else (lambda: data_version(store))
        app.wsgi_app = ReadCache(app.wsgi_app, version, max_age=max_age)  # type: ignore[method-assign]
    log.info("serving the %s store%s", settings.store, f", reads cached {max_age} s" if max_age > 0 else "")
    return app
