"""The state one extraction works on: text, sentences, mentions, referents, and the facts so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from clustergraph.extract.dates import DateMention
from clustergraph.extract.gazetteer import name_key
from clustergraph.extract.mentions import Mention
from clustergraph.extract.resolve import Referent, Registry
from clustergraph.extract.sentences import Sentence

ORG_TYPES = ("Cluster", "Organisation")


@dataclass
class SentenceInfo:
    sentence: Sentence
    paragraph: int
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)  # offsets relative to the sentence
    labels: list[tuple[int, int, list[str]]] = field(default_factory=list)  # absolute offsets
    is_title: bool = False
    is_line: bool = False  # a line of its own (list item, heading)
    block: Referent | None = None  # the organisation of an "About X" block the sentence belongs to
    imprint: bool = False  # in a site's imprint (set by discourse.py): officers named there are the operator's
    lower: str = ""  # the sentence lower-cased, for cheap keyword checks

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def start(self) -> int:
        return self.sentence.start

    def rel(self, absolute: int) -> int:
        return absolute - self.sentence.start

    def has(self, *types: str) -> bool:
        """Whether the sentence mentions an entity of one of ``types``."""
        for m in self.mentions:
            ref = m.ref  # Mention.type inlined: this runs for every mention, very often
            if "merged_into" in ref.attrs:
                ref = Registry.final(ref)
            if ref.type in types:
                return True
        return False


@dataclass
class FactCandidate:
    """A fact before de-duplication."""

    subject: Referent
    relation: str
    object: Referent
    date: str | None
    evidence: tuple[int, int]  # absolute offsets
    confidence: float
    basis: str = "text"


@dataclass
class Context:
    text: str
    language: str
    issued: str | None
    registry: Registry
    infos: list[SentenceInfo] = field(default_factory=list)
    subject: Referent | None = None  # the cluster the announcement is about
    programme: Referent | None = None  # the programme the announcement is about
    facts: list[FactCandidate] = field(default_factory=list)
    findings: list = field(default_factory=list)
    list_items: dict[int, Referent] = field(default_factory=dict)  # sentence index -> the item's cluster
    dateline_index: int = -1
    event_date: str | None = None  # date of the selection/award event the announcement reports
    last_labels: list[Referent] = field(default_factory=list)
    roles: list = field(default_factory=list)  # (SentenceInfo, persons.RoleFinding)
    group: list[Referent] = field(default_factory=list)  # clusters listed together ("die drei Initiativen")

    def group_members(self) -> list[Referent]:
        """What ``die drei Initiativen`` / ``both clusters`` / ``jeder der Spitzencluster`` refers to."""
        if self.group:
            return list(dict.fromkeys(self.group))
        members = [f.subject for f in self.facts if f.relation == "member of programme" and f.object is self.programme]
        if members:
            return list(dict.fromkeys(members))
        partners = [r for f in self.facts if f.relation == "partner of" for r in (f.subject, f.object)]
        return list(dict.fromkeys(partners))

    def label_ref(self, tier: str, info: SentenceInfo | None = None) -> Referent:
        """The referent of a label of ``tier`` (Gold, Silver, Bronze): known, else minted."""
        gazetteer = self.registry.gazetteer
        candidates = gazetteer.candidates(name_key(f"{tier} Label"), "Label")
        if candidates:
            return self.registry.from_entry(gazetteer.choose(candidates, self.issued))
        scheme = None
        if info is not None:
            scheme = next((m.ref for m in info.mentions if m.type == "Programme"), None)
        prefix = ""
        if scheme is not None:
            acronyms = [a for a in [scheme.name, *scheme.aliases] if a.isupper() and 2 <= len(a) <= 8]
            prefix = (acronyms[0] if acronyms else scheme.name) + " "
        return self.registry.get(f"{prefix}{tier} Label", "Label", use_gazetteer=False)

    def recent_programme(self, info: SentenceInfo) -> Referent | None:
        """The programme named last before ``info`` within its paragraph, else the main one."""
        for index in range(info.sentence.index - 1, -1, -1):
            other = self.infos[index]
            if other.paragraph != info.paragraph:
                break
            progs = [m for m in other.mentions if m.type == "Programme" and m.kind == "name"]
            if progs:
                return progs[-1].ref
        return self.programme

    def add(self, subject: Referent | None, relation: str, obj: Referent | None, evidence: tuple[int, int],
            confidence: float, date: str | None = None, basis: str = "text") -> None:
        if subject is None or obj is None:
            return
        subject, obj = Registry.final(subject), Registry.final(obj)
        if subject is obj:
            return
        self.facts.append(FactCandidate(subject, relation, obj, date, evidence, round(min(max(confidence, 0.0), 1.0), 2), basis))
