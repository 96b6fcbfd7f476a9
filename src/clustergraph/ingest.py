"""Announcements and facts files into the store: one transaction per announcement.

For each input file: read it (an announcement is extracted, a facts JSON file is loaded as it is),
build its named graph (:mod:`clustergraph.rdfmap`), validate it with SHACL, and replace the
announcement's graph in one transaction. Ingesting the same announcement again replaces its facts
and duplicates nothing. A file that fails is reported and stores nothing; the others still go in.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

from rdflib import Graph, URIRef

from clustergraph import __version__
from clustergraph.errors import ClusterGraphError, InputError
from clustergraph.model import FactsDocument
from clustergraph.rdfmap import document_graph
from clustergraph.resources import announcements_dir, reference_dir
from clustergraph.store.base import Store
from clustergraph.store.results import RDFLIB_FORMATS
from clustergraph.validate import ValidationReport, validate_graph
from clustergraph.vocab import DEFAULT_BASE, graph_iri

log = logging.getLogger(__name__)

ANNOUNCEMENT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
FACTS_SUFFIXES = (".json",)
RDF_FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
}


@dataclass
class FileOutcome:
    path: str
    graph: str | None = None
    triples: int = 0
    facts: int = 0
    error: str | None = None
    validation: ValidationReport | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict:
        out = {"path": self.path, "ok": self.ok, "graph": self.graph, "triples": self.triples, "facts": self.facts}
        if self.error:
            out["error"] = self.error
        if self.validation is not None and not self.validation.conforms:
            out["violations"] = [str(f) for f in self.validation.violations]
        return out


@dataclass
class BatchResult:
    outcomes: list[FileOutcome] = field(default_factory=list)

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if not o.ok]

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_dict(self) -> dict:
        return {
            "files": len(self.outcomes),
            "stored": len(self.outcomes) - len(self.failed),
            "failed": len(self.failed),
            "outcomes": [o.to_dict() for o in self.outcomes],
        }


def expand_paths(paths: Iterable[str | Path], suffixes: tuple[str, ...]) -> list[Path]:
    """Files named directly, and the files with one of ``suffixes`` inside named folders (sorted).

    Raises :class:`InputError` for a path that does not exist.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(suffixes)
                                and not p.name.endswith(".expected.json")))
        elif path.is_file():
            found.append(path)
        else:
            raise InputError("no such file or folder", source=str(path))
    return found


def store_document(
    store: Store,
    doc: FactsDocument,
    *,
    base: str = DEFAULT_BASE,
    validate: bool = True,
    ingested_at: datetime | None = None,
) -> FileOutcome:
    """Validate ``doc``'s graph and replace its named graph in one transaction."""
    name, graph = document_graph(
        doc, base=base, ingested_at=ingested_at or datetime.now(timezone.utc), extractor_version=__version__
    )
    outcome = FileOutcome(path=doc.announcement.source or doc.announcement.id, graph=str(name),
                          triples=len(graph), facts=len(doc.facts))
    if validate:
        report = validate_graph(graph)
        outcome.validation = report
        if not report.conforms:
            first = report.violations[0]
            outcome.error = f"{len(report.violations)} SHACL violation(s), first: {first}"
            return outcome
    store.replace_graph(name, graph)
    return outcome


SOURCES_FILE = "sources.toml"
_SOURCE_KEYS = ("publisher", "kind", "source")


def source_metadata(path: Path) -> dict[str, str]:
    """What ``sources.toml`` beside ``path`` says of it (publisher, kind, source), if anything."""
    sidecar = path.parent / SOURCES_FILE
    if not sidecar.is_file():
        return {}
    try:
        table = tomllib.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"cannot read {SOURCES_FILE}: {exc}", source=str(sidecar)) from None
    entry = table.get(path.name, {})
    return {key: str(entry[key]) for key in _SOURCE_KEYS if key in entry}


def resolve_entities(doc: FactsDocument, gazetteer) -> FactsDocument:
    """Give the entities of a facts file the IRIs of known entities (reference data, earlier
    announcements) they name: by name or alias, of the same type, valid at the issue date."""
    for entity in doc.entities:
        if entity.iri:
            continue
        for name in [entity.name, *entity.aliases]:
            known = gazetteer.lookup(name, type=entity.type, date=doc.announcement.issued)
            if known is not None:
                entity.iri = known.iri
                break
    return doc


def read_document(path: Path, *, gazetteer=None, max_bytes: int = 20_000_000) -> FactsDocument:
    """A facts JSON file as it is, or an announcement through the extractor.

    ``sources.toml`` beside an announcement overrides its publisher, kind and source.
    """
    if path.name.lower().endswith(FACTS_SUFFIXES):
        from clustergraph.factsfile import load_facts

        doc = load_facts(path)
        return resolve_entities(doc, gazetteer) if gazetteer is not None else doc
    from clustergraph.extract import extract_file

    doc = extract_file(path, gazetteer=gazetteer, max_bytes=max_bytes).document
    for key, value in source_metadata(path).items():
        setattr(doc.announcement, key, value)
    return doc


def ingest_files(
    store: Store,
    paths: Iterable[str | Path],
    *,
    base: str = DEFAULT_BASE,
    gazetteer=None,
    validate: bool = True,
    max_bytes: int = 20_000_000,
    progress: Callable[[Path], None] | None = None,
) -> BatchResult:
    """Ingest announcements (.txt .md .html .pdf) and facts files (.json), one transaction each."""
    files = expand_paths(paths, ANNOUNCEMENT_SUFFIXES + FACTS_SUFFIXES)
    if gazetteer is None and files:
        from clustergraph.extract import Gazetteer

        gazetteer = Gazetteer.from_store(store)
    batch = BatchResult()
    for path in files:
        try:
            doc = read_document(path, gazetteer=gazetteer, max_bytes=max_bytes)
            doc.announcement.source = doc.announcement.source or path.name
            outcome = store_document(store, doc, base=base, validate=validate)
            outcome.path = str(path)
        except ClusterGraphError as exc:
            outcome = FileOutcome(path=str(path), error=str(exc))
        if outcome.error:
            log.warning("%s: not stored: %s", path, outcome.error)
        batch.outcomes.append(outcome)
        if progress:
            progress(path)
    return batch


def rdf_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in RDF_FORMATS:
        raise InputError(f"unknown RDF file type {suffix!r}; known: {', '.join(RDF_FORMATS)}", source=str(path))
    return RDF_FORMATS[suffix]


# rdflib's format names (RDF_FORMATS) -> the store's (clustergraph.store.results)
STORE_FORMATS = {rdflib_name: name for name, rdflib_name in RDFLIB_FORMATS.items()}

# an empty file would replace its graph with nothing: refused, so loading never deletes data
_NO_TRIPLES = "the file holds no triples (empty?); nothing was loaded"


def load_rdf_file(store: Store, path: Path, *, base: str = DEFAULT_BASE, graph: URIRef | None = None) -> FileOutcome:
    """Load an RDF file with :meth:`Store.load <clustergraph.store.base.Store.load>`: triple
    formats go into one named graph (``graph``, or one named after the file); dataset formats keep
    their graphs (their default-graph triples go there too), each graph replaced in one
    transaction. A file that cannot be parsed or holds no triples raises
    :class:`InputError` and stores nothing."""
    fmt = STORE_FORMATS[rdf_format(path)]
    target = graph if graph is not None else graph_iri("file", path.stem, base)
    stored = store.load(path, fmt, graph=target)
    if not stored:
        raise InputError(_NO_TRIPLES, source=str(path))
    only = next(iter(stored)) if len(stored) == 1 else None
    return FileOutcome(path=str(path), graph=str(only) if only is not None else None, triples=sum(stored.values()))


def load_files(store: Store, paths: Iterable[str | Path], *, base: str = DEFAULT_BASE,
               validate: bool = True, progress: Callable[[Path], None] | None = None) -> BatchResult:
    """``clustergraph load``: RDF files and facts JSON files (not announcements)."""
    files = expand_paths(paths, tuple(RDF_FORMATS) + FACTS_SUFFIXES)
    gazetteer = None
    if any(path.name.lower().endswith(FACTS_SUFFIXES) for path in files):
        from clustergraph.extract import Gazetteer

        gazetteer = Gazetteer.from_store(store)
    batch = BatchResult()
    for path in files:
        try:
            if path.name.lower().endswith(FACTS_SUFFIXES):
                doc = read_document(path, gazetteer=gazetteer)
                doc.announcement.source = doc.announcement.source or path.name
                outcome = store_document(store, doc, base=base, validate=validate)
                outcome.path = str(path)
            else:
                outcome = load_rdf_file(store, path, base=base)
        except ClusterGraphError as exc:
            outcome = FileOutcome(path=str(path), error=str(exc))
        batch.outcomes.append(outcome)
        if progress:
            progress(path)
    return batch


def rebase(graph: Graph, base: str) -> Graph:
    """The reference data names entities under the default base; under another ``base`` setting
    its entity IRIs move along, so extracted facts and reference data meet on the same IRIs."""
    if base == DEFAULT_BASE:
        return graph
    old = DEFAULT_BASE + "id/"

    def move(term):
        return URIRef(base + "id/" + term[len(old):]) if isinstance(term, URIRef) and term.startswith(old) else term

    moved = Graph()
    for triple in graph:
        moved.add(tuple(move(t) for t in triple))
    return moved


def load_reference(store: Store, *, base: str = DEFAULT_BASE) -> BatchResult:
    """Load the shipped reference data, one named graph per file (``graph/reference/{stem}``)."""
    batch = BatchResult()
    for path in sorted(reference_dir().glob("*.ttl")):
        data = rebase(Graph().parse(path, format="turtle"), base)
        target = graph_iri("reference", path.stem, base)
        store.replace_graph(target, data)
        batch.outcomes.append(FileOutcome(path=str(path), graph=str(target), triples=len(data)))
    return batch


def setup_shipped_data(store: Store, *, base: str = DEFAULT_BASE) -> BatchResult:
    """Reference data plus every shipped announcement: what ``make serve`` puts in a new store."""
    batch = load_reference(store, base=base)
    batch.outcomes.extend(ingest_files(store, [announcements_dir()], base=base).outcomes)
    return batch
