"""Files that ship with clustergraph: the ontology, the web assets and the shipped data.

In an installed wheel they live in ``clustergraph/_share/``; in a checkout (editable install)
they are the top-level ``ontology/``, ``web/`` and ``data/`` folders.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def share_dir(name: str) -> Path:
    """The folder ``name`` (``ontology``, ``web`` or ``data``), wherever the package was installed.

    >>> share_dir("ontology").name
    'ontology'
    """
    for candidate in (_PACKAGE_DIR / "_share" / name, _PACKAGE_DIR.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"clustergraph's {name}/ folder is missing from this installation")


def ontology_path() -> Path:
    return share_dir("ontology") / "clustergraph.ttl"


def shapes_path() -> Path:
    return share_dir("ontology") / "shapes.ttl"


def reference_dir() -> Path:
    return share_dir("data") / "reference"


def announcements_dir() -> Path:
    return share_dir("data") / "announcements"


def web_dir() -> Path:
    return share_dir("web")
