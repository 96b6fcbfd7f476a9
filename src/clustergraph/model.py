"""Plain data: announcements, entities, facts with their evidence, figures.

These are what extraction produces, what the facts JSON holds (see :mod:`clustergraph.factsfile`)
and what :mod:`clustergraph.rdfmap` turns into RDF. No I/O, no RDF here.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Announcement:
    """One published text: a press release, a news item, a programme page."""

    id: str  # slug, unique per announcement; names its IRI and named graph
    title: str = ""
    kind: str = "press release"
    language: str = ""  # "de" / "en"
    issued: str | None = None  # ISO date with the precision given: 2014, 2014-07, 2014-07-18
    place: str | None = None
    publisher: str | None = None
    source: str | None = None  # file name or URL it came from
    text: str | None = None  # the normalised text evidence offsets point into


@dataclass
class Entity:
    name: str
    type: str  # a key of vocab.ENTITY_TYPES: Cluster, Programme, Ministry, Region, Label, Person, Sector, Organisation
    aliases: list[str] = field(default_factory=list)
    iri: str | None = None  # set by resolution; minted from name and type when absent


@dataclass
class Fact:
    subject: str  # entity name
    relation: str  # a name of relations.RELATIONS
    object: str  # entity name
    date: str | None = None  # ISO with the text's precision
    evidence: str = ""  # the sentence (or clause) that states the fact
    start: int | None = None  # character offsets of the evidence in Announcement.text
    end: int | None = None
    confidence: float = 1.0
    basis: str = "text"  # "text": stated in the announcement; "reference": known from reference data


@dataclass
class Figure:
    subject: str
    relation: str  # free text, e.g. "benchmarking covers clusters"
    value: float | int
    unit: str | None = None
    qualifier: str | None = None  # "more than", "about", "up to"
    evidence: str = ""
    start: int | None = None
    end: int | None = None


@dataclass
class NegativeFact:
    """A reading that would be wrong (``must_not_assert`` in the expected JSON)."""

    subject: str
    relation: str
    object: str
    why: str = ""


@dataclass
class FactsDocument:
    """Everything known from one announcement: the unit of ingest and of the facts JSON."""

    announcement: Announcement
    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    must_not_assert: list[NegativeFact] = field(default_factory=list)

    def entity(self, name: str) -> Entity | None:
        for entity in self.entities:
            if entity.name == name or name in entity.aliases:
                return entity
        return None
