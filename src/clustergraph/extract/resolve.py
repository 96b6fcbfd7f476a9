"""Referents: the entities one announcement talks about, resolved against the gazetteer.

Every name found in a text goes through :meth:`Registry.get`: a name the gazetteer knows (by name
key, type and the announcement date) becomes that entry's referent and carries its IRI; another
name with the same key as an earlier one in the same document joins that referent as an alias;
anything else is a new referent whose IRI is minted from its type and name (``vocab.mint``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from clustergraph.extract.gazetteer import Gazetteer, GazetteerEntry, add_prefixes, name_key
from clustergraph.vocab import ENTITY_TYPES, mint

# types a name may change into when later evidence is stronger (a name first seen as an
# organisation turns out to be a cluster)
_UPGRADES = {("Organisation", "Cluster"), ("Cluster", "Organisation")}


@functools.lru_cache(maxsize=16384)
def _minted_iri(type: str, name: str) -> str:
    """The IRI minted for a name of ``type`` (cached: ``iri`` is read many times per referent)."""
    return str(mint(ENTITY_TYPES[type][1], name))


@dataclass(eq=False)
class Referent:
    """One entity of the document."""

    id: int
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    entry: GazetteerEntry | None = None
    attrs: dict = field(default_factory=dict)

    @property
    def iri(self) -> str:
        if self.entry is not None:
            return self.entry.iri
        return _minted_iri(self.type, self.name)

    def add_alias(self, surface: str) -> None:
        surface = " ".join(surface.split())
        if surface and surface != self.name and surface not in self.aliases:
            self.aliases.append(surface)

    def __repr__(self) -> str:
        return f"<{self.type} {self.name!r}>"


class Registry:
    """The referents of one document and the keys they are known by."""

    def __init__(self, gazetteer: Gazetteer, *, date: str | None = None, language: str = "de"):
        self.gazetteer = gazetteer
        self.date = date
        self.language = language
        self.referents: list[Referent] = []
        self.by_entry: dict[str, Referent] = {}
        self.lexicon: dict[str, Referent] = {}  # name key -> referent, for names not in the gazetteer
        self.prefixes: set[str] = set()
        self.max_tokens = 1

    # ----------------------------------------------------------------- lookups

    def known(self, name: str, type: str | None = None) -> Referent | None:
        """The referent ``name`` already stands for in this document, or ``None``."""
        key = name_key(name)
        ref = self.lexicon.get(key)
        if ref is not None and (type is None or ref.type == type or (ref.type, type) in _UPGRADES):
            return ref
        entry = self.gazetteer.choose(self.gazetteer.candidates(key, type), self.date)
        if entry is not None and entry.iri in self.by_entry:
            return self.by_entry[entry.iri]
        return None

    def from_entry(self, entry: GazetteerEntry, surface: str | None = None) -> Referent:
        ref = self.by_entry.get(entry.iri)
        if ref is None:
            name = entry.label(self.language) if self.language == "de" else entry.labels.get("de", entry.name)
            ref = Referent(len(self.referents), name, entry.type, entry=entry)
            for alias in entry.names():
                ref.add_alias(alias)
            self.referents.append(ref)
            self.by_entry[entry.iri] = ref
        if surface:
            ref.add_alias(surface)
        return ref

    def get(self, name: str, type: str, *, surface: str | None = None, attrs: dict | None = None,
            use_gazetteer: bool = True) -> Referent:
        """The referent for ``name`` of ``type``, created when new (see the module docstring)."""
        name = " ".join(name.split())
        key = name_key(name)
        ref = None
        if use_gazetteer:
            candidates = self.gazetteer.candidates(key, type)
            if not candidates and type in ("Cluster", "Organisation"):
                candidates = self.gazetteer.candidates(key, "Organisation" if type == "Cluster" else "Cluster")
            entry = self.gazetteer.choose(candidates, self.date)
            if entry is not None:
                ref = self.from_entry(entry, surface or name)
                ref.add_alias(name)
        if ref is None:
            ref = self.lexicon.get(key)
            if ref is not None and ref.type != type:
                if (ref.type, type) in _UPGRADES:
                    if type == "Cluster":
                        ref.type = "Cluster"
                else:
                    ref = None
        if ref is None:
            ref = Referent(len(self.referents), name, type)
            self.referents.append(ref)
        ref.add_alias(name)
        if surface:
            ref.add_alias(surface)
        if attrs:
            for k, v in attrs.items():
                ref.attrs.setdefault(k, v)
        self.remember(ref, name)
        if surface:
            self.remember(ref, surface)
        return ref

    def remember(self, ref: Referent, surface: str) -> None:
        """Make ``surface`` a name of ``ref`` for scanning the text."""
        key = name_key(surface)
        if not key or (key in self.lexicon and self.lexicon[key] is not ref and self.lexicon[key].entry):
            return
        self.lexicon.setdefault(key, ref)
        if key not in self.prefixes:  # the set holds every prefix of every key it holds
            self.max_tokens = max(self.max_tokens, key.count(" ") + 1)
            add_prefixes(self.prefixes, key)

    def merge(self, keep: Referent, drop: Referent) -> None:
        """Fold ``drop`` into ``keep`` (the same entity found under two names)."""
        if keep is drop:
            return
        for alias in [drop.name, *drop.aliases]:
            keep.add_alias(alias)
        for key, ref in list(self.lexicon.items()):
            if ref is drop:
                self.lexicon[key] = keep
        drop.attrs["merged_into"] = keep
        for k, v in drop.attrs.items():
            if k != "merged_into":
                keep.attrs.setdefault(k, v)

    @staticmethod
    def final(ref: Referent) -> Referent:
        while "merged_into" in ref.attrs:
            ref = ref.attrs["merged_into"]
        return ref
