"""The web application: ``create_app()`` and one blueprint per area.

- ``sparql``: the SPARQL 1.1 Protocol endpoint ``/sparql``, the editor and the query gallery
- ``viewer``: the network, entity, announcement and overview pages (each with a ``.json`` twin)
- ``linked_data``: ``/id/{kind}/{slug}`` dereferencing, ontology, VoID
- ``exports``: whole-dataset and subset downloads

flask is imported only in this package.
"""

from __future__ import annotations

import logging

from flask import Flask

from clustergraph.config import Settings, load_settings
from clustergraph.resources import web_dir
from clustergraph.server.errors import register_error_handlers
from clustergraph.server.security import register_security_headers
from clustergraph.store import open_store
from clustergraph.store.base import Store

log = logging.getLogger(__name__)

# (module, attribute) of every blueprint; imported lazily so one broken area names itself.
BLUEPRINTS: tuple[str, ...] = (
    "clustergraph.server.sparql",
    "clustergraph.server.viewer",
    "clustergraph.server.linked_data",
    "clustergraph.server.exports",
)


def create_app(settings: Settings | None = None, store: Store | None = None, test_config: dict | None = None) -> Flask:
    """Build the Flask app over ``store`` (opened from ``settings`` when not given)."""
    import importlib

    settings = settings or load_settings()
    web = web_dir()
    app = Flask(
        __name__,
        static_folder=str(web / "static"),
        static_url_path="/static",
        template_folder=str(web / "templates"),
    )
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes
    app.config["JSON_SORT_KEYS"] = False
    if test_config:
        app.config.update(test_config)
    app.extensions["clustergraph.settings"] = settings
    app.extensions["clustergraph.store"] = store if store is not None else open_store(settings)

    for module_name in BLUEPRINTS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            log.debug("blueprint %s not present", module_name)
            continue
        app.register_blueprint(module.bp)

    register_error_handlers(app)
    register_security_headers(app, settings)
    return app
