"""Known entities (the reference data) and looking names up in them.

A :class:`Gazetteer` holds entries (IRI, type, names, acronyms, validity dates, ``part of``
links, ``run by`` / ``awarded under`` / ``jurisdiction`` links) and a casefolded index of name keys.
A name key is the name casefolded, umlauts transliterated, split into words at spaces, hyphens and
punctuation, with a trailing legal form (e.V., GmbH, AG, Ltd...) dropped: ``biosaxony e.V.``,
``Biosaxony`` and ``BIOSAXONY`` share a key, and so do ``go-cluster`` and ``Go Cluster``.

A name that names several entries (a ministry renamed and later renamed back) is resolved by the
announcement date against each entry's ``schema:foundingDate``/``schema:dissolutionDate``.

>>> g = Gazetteer([GazetteerEntry("x:a", "Alpha Netzwerk e.V.", "Cluster", aliases=["AN"])])
>>> g.lookup("alpha-netzwerk").iri, g.lookup("AN").iri
('x:a', 'x:a')
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib import namespace as _ns
from rdflib.namespace import RDF, RDFS, SKOS

from clustergraph import resources
from clustergraph.vocab import CG, CLASS_TO_TYPE, PREFIXES

log = logging.getLogger(__name__)

_TRANSLITERATE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_TOKEN = re.compile(r"[^\W_]+")
_LEGAL_TAILS = (("e", "v"), ("ev",), ("ggmbh",), ("gmbh",), ("mbh",), ("ag",), ("kg",), ("ug",), ("se",),
                ("ltd",), ("limited",), ("inc",), ("llc",), ("plc",), ("gbr",), ("eg",), ("co", "kg"))
_LEGAL_LAST = frozenset(tail[-1] for tail in _LEGAL_TAILS)


@functools.lru_cache(maxsize=65536)
def fold(token: str) -> str:
    """A word as compared: casefolded, umlauts transliterated, accents dropped.

    >>> fold("Württemberg"), fold("André")
    ('wuerttemberg', 'andre')
    """
    text = token.casefold().translate(_TRANSLITERATE)
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def strip_legal(tokens: list[str]) -> list[str]:
    """Drop trailing legal-form tokens (``e v``, ``gmbh``...), keeping at least one token."""
    if not tokens or tokens[-1] not in _LEGAL_LAST:
        return tokens
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for tail in _LEGAL_TAILS:
            if len(tokens) > len(tail) and tuple(tokens[-len(tail):]) == tail:
                tokens = tokens[: -len(tail)]
                changed = True
                break
    return tokens


def add_prefixes(prefixes: set[str], key: str) -> None:
    """Add ``a``, ``a b``, ``a b c`` for the key ``a b c``.

    >>> found = set(); add_prefixes(found, "a b c"); sorted(found)
    ['a', 'a b', 'a b c']
    """
    words = key.split(" ")
    prefix = words[0]
    prefixes.add(prefix)
    for word in words[1:]:
        prefix += " " + word
        prefixes.add(prefix)


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The index key of a name (cached: the same names are looked up again and again).

    >>> name_key("Baden-Württemberg's"), name_key("biosaxony e.V."), name_key("go-cluster")
    ('baden wuerttemberg s', 'biosaxony', 'go cluster')
    """
    return " ".join(strip_legal([fold(t) for t in _TOKEN.findall(name)]))


@dataclass
class GazetteerEntry:
    """One known entity."""

    iri: str
    name: str
    type: str  # a key of vocab.ENTITY_TYPES
    labels: dict[str, str] = field(default_factory=dict)  # language -> preferred label
    aliases: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    valid_from: str | None = None
    valid_to: str | None = None
    part_of: list[str] = field(default_factory=list)
    run_by: list[str] = field(default_factory=list)
    awarded_under: list[str] = field(default_factory=list)
    jurisdiction: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        seen: list[str] = []
        for name in [self.name, *self.labels.values(), *self.aliases, *self.acronyms]:
            if name and name not in seen:
                seen.append(name)
        return seen

    def label(self, language: str) -> str:
        return self.labels.get(language) or self.name

    def valid_at(self, date: str | None) -> bool:
        if not date:
            return True
        if self.valid_from and date[: len(self.valid_from)] < self.valid_from[: len(date)]:
            return False
        if self.valid_to and date[: len(self.valid_to)] >= self.valid_to[: len(date)] and len(date) >= 10:
            return False
        if self.valid_to and len(date) < 10 and date > self.valid_to[: len(date)]:
            return False
        return True


class Gazetteer:
    """Entries and the name-key index over them."""

    def __init__(self, entries: Iterable[GazetteerEntry] = ()):
        self.entries: dict[str, GazetteerEntry] = {}
        self.index: dict[str, list[str]] = {}
        self.surfaces: dict[str, set[str]] = {}  # key -> the written forms (for case checks)
        self.prefixes: set[str] = set()  # every word-prefix of every key, for scanning text
        self.max_tokens = 1
        for entry in entries:
            self.add(entry)

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, entry: GazetteerEntry) -> None:
        self.entries[entry.iri] = entry
        for name in entry.names():
            key = name_key(name)
            if not key:
                continue
            iris = self.index.setdefault(key, [])
            if entry.iri not in iris:
                iris.append(entry.iri)
            self.surfaces.setdefault(key, set()).add(name)
            self.max_tokens = max(self.max_tokens, key.count(" ") + 1)
            add_prefixes(self.prefixes, key)

    def candidates(self, key: str, type: str | None = None) -> list[GazetteerEntry]:
        found = [self.entries[i] for i in self.index.get(key, ())]
        return [e for e in found if type is None or e.type == type]

    def choose(self, entries: list[GazetteerEntry], date: str | None) -> GazetteerEntry | None:
        """One of ``entries``: the one valid at ``date``; without a date the one still valid."""
        if not entries:
            return None
        if len(entries) == 1:
            return entries[0]
        valid = [e for e in entries if e.valid_at(date)] if date else []
        if len(valid) == 1:
            return valid[0]
        pool = valid or entries
        current = [e for e in pool if not e.valid_to]
        pool = current or pool
        return sorted(pool, key=lambda e: e.valid_from or "", reverse=True)[0]

    def lookup(self, name: str, *, type: str | None = None, date: str | None = None) -> GazetteerEntry | None:
        """The entry ``name`` refers to (by name key), or ``None``."""
        return self.choose(self.candidates(name_key(name), type), date)

    def by_iri(self, iri: str) -> GazetteerEntry | None:
        return self.entries.get(str(iri))

    # ----------------------------------------------------------------- building

    @classmethod
    def from_graph(cls, graph: Graph) -> "Gazetteer":
        """Entries for every subject typed with a clustergraph class (cg:Cluster, cg:Region...)."""
        entries = []
        for subject, cls_iri in graph.subject_objects(RDF.type):
            kind = CLASS_TO_TYPE.get(cls_iri)
            if kind is None or not isinstance(subject, URIRef):
                continue
            entries.append(_entry(graph, subject, kind))
        gazetteer = cls(entries)
        log.debug("gazetteer with %d entries", len(gazetteer))
        return gazetteer

    @classmethod
    def from_store(cls, store) -> "Gazetteer":
        """Entries from a store's union graph, through ``store.query`` only."""
        prefixes = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
        types = ", ".join(f"cg:{CLASS_TO_TYPE_NAMES[t]}" for t in CLASS_TO_TYPE)
        sparql = prefixes + (
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s a ?type . ?s ?p ?o . "
            f"FILTER(?type IN ({types})) "
            "FILTER(?p IN (rdf:type, rdfs:label, skos:prefLabel, skos:altLabel, cg:acronym, cg:partOf, "
            "cg:runBy, cg:awardedUnder, cg:jurisdiction, schema:foundingDate, schema:dissolutionDate)) }"
        )
        result = store.query(sparql)
        graph = result.graph if result.graph is not None else Graph()
        return cls.from_graph(graph)


CLASS_TO_TYPE_NAMES = {cls: str(cls).rsplit("#", 1)[-1] for cls in CLASS_TO_TYPE}


def _entry(graph: Graph, subject: URIRef, kind: str) -> GazetteerEntry:
    labels: dict[str, str] = {}
    aliases: list[str] = []
    for predicate in (SKOS.prefLabel, RDFS.label):
        for value in graph.objects(subject, predicate):
            if isinstance(value, Literal):
                lang = value.language or ""
                if lang not in labels:
                    labels[lang] = str(value)
                elif str(value) not in aliases and str(value) != labels[lang]:
                    aliases.append(str(value))
    for value in graph.objects(subject, SKOS.altLabel):
        if str(value) not in aliases:
            aliases.append(str(value))
    acronyms = [str(v) for v in graph.objects(subject, CG.acronym)]
    name = labels.get("de") or labels.get("") or labels.get("en") or next(iter(labels.values()), None)
    if name is None:
        name = (aliases or acronyms or [str(subject).rstrip("/").rsplit("/", 1)[-1]])[0]

    def first_date(predicate) -> str | None:
        values = sorted(str(v) for v in graph.objects(subject, predicate))
        return values[0] if values else None

    def iris(predicate) -> list[str]:
        return sorted(str(v) for v in graph.objects(subject, predicate) if isinstance(v, URIRef))

    return GazetteerEntry(
        iri=str(subject), name=name, type=kind,
        labels={k: v for k, v in labels.items() if k},
        aliases=aliases, acronyms=acronyms,
        valid_from=first_date(_ns.SDO.foundingDate), valid_to=first_date(_ns.SDO.dissolutionDate),
        part_of=iris(CG.partOf), run_by=iris(CG.runBy), awarded_under=iris(CG.awardedUnder),
        jurisdiction=iris(CG.jurisdiction),
    )


def reference_graph() -> Graph:
    """The packaged reference data (every ``*.ttl`` of the reference folder) as one graph."""
    graph = Graph()
    try:
        folder = resources.reference_dir()
    except FileNotFoundError:
        return graph
    if not folder.is_dir():
        return graph
    for path in sorted(folder.glob("*.ttl")):
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # a broken reference file must not stop extraction
            log.warning("reference file %s cannot be parsed: %s", path, exc)
    return graph


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer of the packaged reference data, built once per process."""
    return cached_reference_gazetteer()


_CACHE_FORMAT = 1


def _reference_fingerprint(folder) -> str:
    """A digest of every reference file's name and bytes (and of this cache's format)."""
    import hashlib

    digest = hashlib.sha256(f"gazetteer-cache-{_CACHE_FORMAT}".encode())
    for path in sorted(folder.glob("*.ttl")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _cache_dir():
    import os
    from pathlib import Path

    configured = os.environ.get("CLUSTERGRAPH_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None  # empty: no cache
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "clustergraph"


def cached_reference_gazetteer() -> Gazetteer:
    """The reference gazetteer from a JSON index of its entries, keyed by a digest of the reference
    files; parsing the Turtle with rdflib (about a second) happens only when the files change.
    ``CLUSTERGRAPH_CACHE_DIR`` names the cache folder (empty: no cache); an unreadable or unwritable
    cache is ignored. The store's data is untouched: this is only how the extractor reads it."""
    import dataclasses
    import json
    import os

    try:
        folder = resources.reference_dir()
    except FileNotFoundError:
        return Gazetteer.from_graph(reference_graph())
    cache = _cache_dir()
    if cache is None or not folder.is_dir():
        return Gazetteer.from_graph(reference_graph())
    path = cache / f"gazetteer-{_reference_fingerprint(folder)}.json"
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        return Gazetteer(GazetteerEntry(**row) for row in rows)
    except (OSError, ValueError, TypeError):
        pass
    gazetteer = Gazetteer.from_graph(reference_graph())
    try:
        cache.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        rows = [dataclasses.asdict(entry) for entry in gazetteer.entries.values()]
        temporary.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)
        for stale in cache.glob("gazetteer-*.json"):
            if stale != path:
                stale.unlink(missing_ok=True)  # the index of reference files that changed since
    except OSError as exc:
        log.debug("gazetteer cache not written to %s: %s", cache, exc)
    return gazetteer
