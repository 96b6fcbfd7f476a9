"""SHACL validation against ``ontology/shapes.ttl``: reports, not exceptions.

The caller decides what a violation means: ingest refuses to store an announcement whose graph
has violations; ``clustergraph validate`` prints the report and exits 1.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from clustergraph.resources import ontology_path, shapes_path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Finding:
    severity: str  # "Violation", "Warning", "Info"
    focus: str
    path: str | None
    message: str
    shape: str | None = None

    def __str__(self) -> str:
        where = f"{self.focus}" + (f" {self.path}" if self.path else "")
        return f"{self.severity}: {where}: {self.message}"


@dataclass
class ValidationReport:
    findings: list[Finding] = field(default_factory=list)
    triples: int = 0

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def conforms(self) -> bool:
        return not self.violations

    def to_dict(self) -> dict:
        return {
            "conforms": self.conforms,
            "triples": self.triples,
            "violations": len(self.violations),
            "findings": [f.__dict__ for f in self.findings],
        }


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return Graph().parse(shapes_path(), format="turtle")


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def _short(term) -> str | None:
    return None if term is None else str(term)


def validate_graph(data: Graph) -> ValidationReport:
    """Validate ``data`` (one announcement's graph, or a union) against the shapes.

    The ontology is given to pySHACL as the ontology graph, so subclass targets resolve
    (a ``cg:Cluster`` is checked by shapes on its superclasses too).
    """
    from pyshacl import validate

    _conforms, results, _text = validate(
        data,
        shacl_graph=_shapes(),
        ont_graph=_ontology(),
        inference="none",
        abort_on_first=False,
        allow_infos=True,
        allow_warnings=True,
    )
    findings = []
    for result in results.subjects(predicate=SH.resultSeverity):
        severity = results.value(result, SH.resultSeverity)
        message = results.value(result, SH.resultMessage)
        findings.append(
            Finding(
                severity=str(severity).rsplit("#", 1)[-1],
                focus=str(results.value(result, SH.focusNode)),
                path=_short(results.value(result, SH.resultPath)),
                message=str(message) if message is not None else "does not conform",
                shape=_short(results.value(result, SH.sourceShape)),
            )
        )
    findings.sort(key=lambda f: (f.severity, f.focus, f.path or ""))
    return ValidationReport(findings=findings, triples=len(data))


def store_union(store, graphs: list[URIRef] | None = None) -> Graph:
    """The union of the store's graphs (or of ``graphs``) as one in-memory rdflib graph."""
    union = Graph()
    wanted = set(graphs) if graphs is not None else None
    for s, p, o, g in store.quads():
        if wanted is None or g in wanted:
            union.add((s, p, o))
    return union


def validate_store(store, graphs: list[URIRef] | None = None) -> ValidationReport:
    """Validate the union of every graph in the store (or of ``graphs``)."""
    return validate_graph(store_union(store, graphs))
