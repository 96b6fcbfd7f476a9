"""The extraction pipeline: normalise, split, discover names, find mentions, find facts, assemble.

See :func:`extract_text`. Stages: :mod:`normalize` -> :mod:`sentences` -> :mod:`metadata` ->
:mod:`discovery` (pass one: names) -> :mod:`mentions` (pass two: every mention) -> :mod:`relations`
and :mod:`places` (pass three: facts) -> :mod:`figures` -> the :class:`FactsDocument`.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field, replace

from clustergraph.extract import mentions as M
from clustergraph.extract import labels, lists, offices, places, regions, relations, sector_phrases, sectors, tables
from clustergraph.extract import funding, partners, runners
from clustergraph.extract import discourse
from clustergraph.extract import key_values
from clustergraph.extract import main_subject
from clustergraph.extract.context import ORG_TYPES, FactCandidate, Context, SentenceInfo
from clustergraph.extract.dates import find_dates
from clustergraph.extract.discovery import discover
from clustergraph.extract.figures import counts_members, find_numbers
from clustergraph.extract.gazetteer import Gazetteer, default_gazetteer
from clustergraph.extract.language import detect_language
from clustergraph.extract.metadata import announcement_id, find_dateline, find_issued, find_kind, find_title
from clustergraph.extract.normalize import normalize
from clustergraph.extract.patterns import ANAPHOR, ANAPHOR_SUBJECT_START, CONTACT_HEADING, EVENT_DATE
from clustergraph.extract.resolve import Referent, Registry
from clustergraph.extract.sentences import Sentence, split_sentences
from clustergraph.model import Announcement, Entity, Fact, FactsDocument, Figure

log = logging.getLogger(__name__)
# a longer "sentence" is no prose (a run of letters, digits or markup a broken or hostile file can hold): it is
# not searched for facts, so no pattern ever runs over it (the longest sentence of the evaluation sets has ~560)
MAX_SENTENCE_LENGTH = 2000


@dataclass
class Finding:
    """One problem or remark about an extraction."""

    severity: str  # "error", "warning", "info"
    message: str
    location: str | None = None


@dataclass
class ExtractionResult:
    document: FactsDocument
    report: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.report if f.severity == "error"]


def _paragraph_index(position: int, breaks: list[int]) -> int:
    """How many paragraph breaks (sorted offsets) come before ``position``."""
    return bisect.bisect_left(breaks, position)


def _searchable(sentences: list[Sentence], source: str | None, report: list[Finding]) -> list[Sentence]:
    """The sentences of at most :data:`MAX_SENTENCE_LENGTH` characters, numbered again; a warning names each other.

    >>> report = []
    >>> kept = _searchable([Sentence(0, 0, 3, "Ja."), Sentence(1, 4, 2504, "a" * 2500)], "doc.txt", report)
    >>> [(s.index, s.text) for s in kept], [(f.severity, f.location) for f in report]
    ([(0, 'Ja.')], [('warning', 'doc.txt:4-2504')])
    """
    kept = []
    for sentence in sentences:
        if len(sentence.text) <= MAX_SENTENCE_LENGTH:
            kept.append(sentence)
            continue
        report.append(Finding("warning", f"sentence of {len(sentence.text)} characters not searched for facts (the limit "
                                         f"is {MAX_SENTENCE_LENGTH}); split it if it is prose",
                              f"{source or 'text'}:{sentence.start}-{sentence.end}"))
    return [replace(sentence, index=index) for index, sentence in enumerate(kept)]


def extract_text(text: str, *, source: str | None = None, gazetteer: Gazetteer | None = None,
                 media_type: str = "text/plain") -> ExtractionResult:
    """Extract the facts of one announcement (see the package docstring)."""
    gazetteer = default_gazetteer() if gazetteer is None else gazetteer
    report: list[Finding] = []
    normalized = normalize(text, media_type)
    body = normalized.text
    sentences = _searchable(split_sentences(body), source, report)
    language = detect_language(body)
    dateline = find_dateline(sentences)
    issued = dateline[1] if dateline else find_issued(sentences, normalized.hints)
    place = dateline[2] if dateline else None
    title, title_sentence = find_title(sentences, body, normalized.hints)
    kind = find_kind(sentences, media_type, dateline is not None)
    announcement = Announcement(id=announcement_id(source, title), title=title, kind=kind, language=language,
                                issued=issued, place=place, source=source, text=body)
    document = FactsDocument(announcement=announcement)
    if not sentences:
        if report:  # every sentence was too long to search
            report.append(Finding("warning", "no facts found", source))
        else:
            report.append(Finding("error", "no text left after normalisation", source))
        return ExtractionResult(document, report)
    if issued is None:
        report.append(Finding("warning", "no issue date found (no dateline or date line)", source))

    registry = Registry(gazetteer, date=issued, language=language)
    found = discover(body, sentences, registry, title_sentence, place)
    items = lists.find_list_items(body, sentences, registry)

    breaks = [m.start() for m in re.finditer(r"\n\n", body)]
    ctx = Context(text=body, language=language, issued=issued, registry=registry)
    dateline_index = dateline[0].index if dateline else -1
    ctx.dateline_index = dateline_index
    block: Referent | None = None
    lowered = body.lower()
    about = dict(found["about"])
    found["site"] = normalized.hints.get("site")  # "Über uns | FeinWerk": the site speaking as "wir"
    outline = discourse.prepare(body, sentences, registry, found, language)  # items and their topics
    for s in sentences:
        if s.index in about:
            block = about[s.index]
        elif block is not None and CONTACT_HEADING.match(s.text):
            block = None
        info = SentenceInfo(s, _paragraph_index(s.start, breaks))
        info.is_title = title_sentence is not None and s.index == title_sentence.index
        info.block = block
        info.lower = lowered[s.start:s.end]
        mentions = M.scan_names(body, s.start, s.end, registry)
        mentions += M.scan_region_adjectives(body, s.start, s.end, registry)
        mentions += M.scan_sectors(body, s.start, s.end, registry, lowered)
        info.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        if s.index != dateline_index:
            info.dates = find_dates(s.text, reference=issued)
        info.labels = M.scan_labels(body, s.start, s.end)
        ctx.infos.append(info)
    for index, (ref, _) in found["list_items"].items():
        ctx.list_items[index] = Registry.final(ref)
    ctx.roles = [(ctx.infos[i], r) for i, r in found["roles"]]
    ctx.subject = _main_subject(ctx, found)
    discourse.apply(ctx, outline)  # info.block: the organisation of each item
    ctx.programme = _main_programme(ctx)
    ctx.event_date = next((i.dates[0].iso for i in ctx.infos if i.dates and EVENT_DATE.search(i.text)), None)

    tables.table_facts(ctx)
    key_values.key_value_facts(ctx)  # "Sitz: ...", "City | Potsdam", dt/dd rows of a profile
    relations.membership(ctx)
    ctx.group = [Registry.final(item["ref"]) for item in items.values()]
    lists.list_facts(ctx, items)
    runners.run_by(ctx)
    funding.funding(ctx)
    partners.partners(ctx)
    labels.labels(ctx)
    places.located_in(ctx)
    places.list_items(ctx, {i: attrs for i, (_, attrs) in found["list_items"].items()})
    sectors.sectors(ctx)
    sectors.network_sectors(ctx)
    sectors.focus_sectors(ctx)
    sector_phrases.phrase_sectors(ctx)
    regions.region_parts(ctx)
    offices.roles(ctx)
    regions.jurisdiction(ctx)
    regions.part_of(ctx)

    relations.undated_memberships(ctx)  # after every stage: a date stated anywhere wins
    document.facts = _assemble_facts(ctx)
    document.figures = _figures(ctx)
    for person in found["persons"]:
        registry.get(person[2], "Person", use_gazetteer=False)  # titles are dropped, not kept as aliases
    announcement.publisher = _publisher(ctx, found)
    document.entities = _entities(ctx, document)
    for severity, message, sentence in ctx.findings:
        report.append(Finding(severity, message, f"{source or 'text'}:{sentence.start}-{sentence.end}"))
    if not document.facts:
        report.append(Finding("warning", "no facts found", source))
    return ExtractionResult(document, report)


def _main_subject(ctx: Context, found: dict) -> Referent | None:
    return main_subject.main_subject(ctx, found)


def _main_programme(ctx: Context) -> Referent | None:
    return main_subject.main_programme(ctx)


def _better(a: FactCandidate, b: FactCandidate) -> bool:
    """Whether candidate ``a`` should replace ``b`` (same triple)."""
    if bool(a.date) != bool(b.date):
        return bool(a.date)
    return a.confidence > b.confidence


def _assemble_facts(ctx: Context) -> list[Fact]:
    best: dict[tuple, FactCandidate] = {}
    order: list[tuple] = []
    for cand in ctx.facts:
        subject, obj = Registry.final(cand.subject), Registry.final(cand.object)
        key = (subject.id, cand.relation, obj.id)
        if cand.relation == "partner of":
            key = (min(subject.id, obj.id), cand.relation, max(subject.id, obj.id))
        if key not in best:
            best[key] = cand
            order.append(key)
        elif _better(cand, best[key]):
            cand.confidence = max(cand.confidence, best[key].confidence)
            best[key] = cand
    facts = []
    for key in order:
        cand = best[key]
        subject, obj = Registry.final(cand.subject), Registry.final(cand.object)
        if cand.basis == "reference":
            facts.append(Fact(subject.name, cand.relation, obj.name, None, places.REFERENCE_EVIDENCE, None, None,
                              cand.confidence, "reference"))
            continue
        start, end = cand.evidence
        facts.append(Fact(subject.name, cand.relation, obj.name, cand.date, ctx.text[start:end], start, end,
                          cand.confidence, "text"))
    return facts


def _figures(ctx: Context) -> list[Figure]:
    figures = []
    seen: set[tuple] = set()
    for info in ctx.infos:
        if info.sentence.index == ctx.dateline_index:
            continue
        skip = [(d.start, d.end) for d in info.dates]
        for number in find_numbers(info.text, ctx.language, skip):
            subject = _figure_subject(ctx, info, number.start, number.number_end)
            if subject is None:
                continue
            key = (Registry.final(subject).id, number.value, number.qualifier, number.unit)
            if key in seen:
                continue
            seen.add(key)
            figures.append(Figure(Registry.final(subject).name, number.unit or "count", number.value, number.unit,
                                  number.qualifier, info.text, info.sentence.start, info.sentence.end))
    return figures


def _figure_subject(ctx: Context, info: SentenceInfo, position: int, end: int) -> Referent | None:
    counted = next((m for m in info.mentions if m.type == "Programme" and 0 < info.rel(m.start) - end <= 2), None)
    if counted is not None:
        return counted.ref  # "one of 30 Euroclusters": the programme is what is counted
    before = [m for m in info.mentions if m.type in ("Cluster", "Programme", "Organisation") and m.kind == "name"
              and info.rel(m.end) <= position]
    orgs = [m for m in before if m.type in ORG_TYPES]
    if counts_members(info.text, position, end) and (orgs or info.block or ctx.subject):
        # "X vertritt mehr als 120 Unternehmen", "It brings together 110 companies": the size of the cluster before
        near = orgs and ";" not in info.text[info.rel(orgs[-1].end):position] and position - info.rel(orgs[-1].end) <= 40
        return orgs[-1].ref if near else orgs[0].ref if orgs else info.block or ctx.subject
    if orgs:
        return orgs[0].ref
    if ANAPHOR_SUBJECT_START.match(info.text) and (info.block or ctx.subject):
        return info.block or ctx.subject
    if before:
        return before[-1].ref
    if ANAPHOR.search(info.text):
        return info.block or ctx.subject
    return ctx.recent_programme(info) or ctx.programme or ctx.subject


def _publisher(ctx: Context, found: dict) -> str | None:
    ref = None
    for _, about in found["about"]:
        ref = Registry.final(about)
        break
    if ref is None and ctx.subject is not None:
        ref = ctx.subject
    if ref is None and ctx.programme is not None:
        runner = next((f.object for f in ctx.facts if f.relation == "run by" and f.subject is ctx.programme), None)
        ref = runner
    if ref is None:
        return None
    legal = [a for a in [ref.name, *ref.aliases] if re.search(r"\b(?:e\.\s?V\.?|GmbH|AG|gGmbH|Ltd\.?|Inc\.?)$", a)]
    return legal[0] if legal else ref.name


def _entities(ctx: Context, document: FactsDocument) -> list[Entity]:
    used: dict[int, Referent] = {}
    for cand in ctx.facts:
        for ref in (cand.subject, cand.object):
            ref = Registry.final(ref)
            used.setdefault(ref.id, ref)
    for info in ctx.infos:
        for m in info.mentions:
            ref = Registry.final(m.ref)
            if m.kind in ("name", "adjective"):
                used.setdefault(ref.id, ref)
    for ref in ctx.registry.referents:
        if ref.type == "Person" and "merged_into" not in ref.attrs:
            used.setdefault(ref.id, ref)
    if ctx.subject is not None:
        used.setdefault(ctx.subject.id, ctx.subject)
    names = {f.subject for f in document.figures}
    for ref in ctx.registry.referents:
        if ref.name in names and "merged_into" not in ref.attrs:
            used.setdefault(ref.id, ref)
    return [Entity(ref.name, ref.type, list(ref.aliases), ref.iri) for ref in sorted(used.values(), key=lambda r: r.id)]
