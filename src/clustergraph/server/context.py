"""Access to the app's settings and store from inside a request."""

from __future__ import annotations

from flask import current_app

from clustergraph.config import Settings
from clustergraph.store.base import Store


def settings() -> Settings:
    return current_app.extensions["clustergraph.settings"]


def store() -> Store:
    return current_app.extensions["clustergraph.store"]
