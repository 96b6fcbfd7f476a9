"""Extraction: an announcement goes in, the facts a careful reader takes from it come out.

Public API:

* :func:`extract_text` ``(text, *, source=None, gazetteer=None, media_type="text/plain")`` ->
  :class:`ExtractionResult` with ``.document`` (a :class:`~clustergraph.model.FactsDocument`) and
  ``.report`` (a list of :class:`Finding`: severity ``error``/``warning``/``info``, message,
  location). Expected problems are reported, not raised.
* :func:`extract_file` ``(path, *, gazetteer=None, max_bytes=20_000_000)``: reads ``.txt``, ``.md``,
  ``.html``/``.htm`` and ``.pdf`` (see :mod:`clustergraph.extract.reader` for the decoding rule);
  raises :class:`~clustergraph.errors.InputError` naming the file when it cannot be read.
* :class:`Gazetteer` (``from_graph``, ``from_store``) and :func:`default_gazetteer` (the packaged
  reference data, built once).

>>> result = extract_text("Dresden, 18. Juli 2014 - Der Cluster Alpha Netzwerk e.V. wurde in das Programm go-cluster aufgenommen.")
>>> [(f.subject, f.relation, f.object) for f in result.document.facts if f.relation == "member of programme"]
[('Alpha Netzwerk', 'member of programme', 'go-cluster')]
"""

from __future__ import annotations

from pathlib import Path

from clustergraph.extract.gazetteer import Gazetteer, GazetteerEntry, default_gazetteer
from clustergraph.extract.pipeline import ExtractionResult, Finding, extract_text
from clustergraph.extract.reader import PDF_TEXT, read_file

__all__ = ["extract_text", "extract_file", "ExtractionResult", "Finding", "Gazetteer", "GazetteerEntry",
           "default_gazetteer"]


def extract_file(path: str | Path, *, gazetteer: Gazetteer | None = None, max_bytes: int = 20_000_000) -> ExtractionResult:
    """Read and extract one announcement file (see the module docstring)."""
    text, media_type = read_file(path, max_bytes=max_bytes)
    if media_type == PDF_TEXT:
        media_type = "text/plain"
    return extract_text(text, source=str(path), gazetteer=gazetteer, media_type=media_type)
