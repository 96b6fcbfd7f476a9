"""The data behind each viewer page, one builder per page type.

Each builder returns a plain dict (strings, numbers, lists): the HTML template renders it and the
page's ``.json`` twin returns it as it is. Builders take the store and the projected entity
graph explicitly and import nothing from flask, so tests call them directly.

- :mod:`.graph`         the network (``/`` and ``/graph.json``), analytics, paths
- :mod:`.entity`        one resource (``/id/{kind}/{slug}``)
- :mod:`.announcement`  one announcement with its evidence highlighted, and the list of them
- :mod:`.overview`      counts and charts (``/overview``)
"""
