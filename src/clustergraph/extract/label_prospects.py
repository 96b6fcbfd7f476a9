"""Labels prepared for: a prospect cue (Grundstein, strebt an, im Blick, auf dem Weg zum, working towards, applied
for, registered for, hopes to obtain, "the goal for 2026") that governs a label phrase, a tier that names an
assessment (``preparing for its Gold assessment``), or a bare tier in a dated goal (``Silver is the goal for 2026``).

The one who aims is the programme a ``hiermit``/``this`` refers back to, else the organisation in subject position
before the cue, else the cluster a ``wir``/``we`` stands for.
"""

from __future__ import annotations

import re

from clustergraph.extract import patterns as P
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.label_subjects import BARE_TIER, OBLIQUE, TIER_NAMES, label_anaphor, own_cluster
from clustergraph.extract.modality import blocked, clause
from clustergraph.extract.arguments import evidence_span, nearest
from clustergraph.extract.resolve import Referent

# prospects beyond patterns.PREPARES: applying, registering, hoping, a goal
_PROSPECT_MORE = re.compile(
    r"\bappl(?:y|ies|ied|ying)\s+for\b|\bapplication\s+for\b|\bregister(?:ed|s)?\s+for\b|\bsigned\s+up\s+for\b|"
    r"\bhopes?\s+to\s+(?:receive|obtain|get|achieve|earn|gain|win)\b|\bhoping\s+to\b|\bgoal\b|\bZiel\b|"
    r"\bbewirbt\s+sich\b|\bbewerben\s+(?:\S+\s+){0,4}?um\b|\bbeworben\b|\bBewerbung\s+um\b|\bangemeldet\b|\bAnmeldung\b|"
    r"\berhofft\b|\bhofft\b|\bhoffen\b|\bmöchte\b|\bwill\s+(?:\S+\s+){0,6}?(?:erreichen|erhalten|erlangen)\b|"
    r"\bwollen\s+(?:\S+\s+){0,6}?(?:erreichen|erhalten|erlangen)\b|\b[Nn]ext\s+on\s+(?:our|the|its)\s+(?:list|agenda)\b|\bpeil(?:t|en|te|ten)\s+(?:\S+\s+){0,8}?an\b|\bangepeilt\b|"
    r"\banpeilen\b|\bvorgenommen\b|\bnehmen\s+(?:\S+\s+){0,4}?vor\b"
)
# a tier naming the assessment for a label: "its Gold assessment", "ein Bronze-Benchmarking"
_TIER_ASSESSMENT = re.compile(
    r"\b(?P<tier>[Gg]old|[Ss]ilber|[Ss]ilver|[Bb]ronze)[- ]?(?:[Aa]ssessment|[Bb]enchmarking|Begutachtung|[Aa]udit|"
    r"Bewertung|Prüfung|[Ee]valuation)\b"
)
_DATED_GOAL = re.compile(r"\b(?:goal|Ziel|target|plan|Plan)\s+(?:for|für)\s+(?:\d{4}|(?:next|this|nächstes|dieses)\s+(?:year|Jahr))\b")
# a goal announced as what comes next: "Next stop: Gold", "Nächstes Ziel: Silber"
_NEXT_GOAL = re.compile(r"\b(?:[Nn]ext\s+(?:stop|step|goal|target)|[Nn]ächstes\s+Ziel|[Nn]ächster\s+Schritt)\s*:")
_QUESTION = re.compile(r"\?|\b(?:whether|ob)\b")
_RELATIVE = re.compile(r"\b(?:which|that|who)\b")


def _prospect_cues(text: str) -> list[tuple[int, int]]:
    found = [m.span() for m in P.PREPARES.finditer(text)]
    found += [m.span() for m in _PROSPECT_MORE.finditer(text) if not any(s <= m.start() < e for s, e in found)]
    return sorted(found)


def prospect(ctx: Context, info: SentenceInfo, ls: int, le: int, refs: list[Referent]) -> bool:
    text = info.text
    for cs, ce in sorted(_prospect_cues(text), key=lambda c: abs(c[0] - ls)):
        if blocked(text, cs, ce, allow_prospect=True, extra_span=(ls, le)):
            continue
        lo, hi = clause(text, cs, ce)
        if not (lo <= ls and le <= hi) or _QUESTION.search(text[lo:hi]):
            continue  # "asking whether Silver is a realistic goal": a question states no aim
        subject = _aspirant(ctx, info, cs, lo, hi, ls)
        if subject is None and _NEXT_GOAL.search(text, lo, hi):
            subject = own_cluster(ctx, info)  # "Nächstes Ziel: das Gold-Label" on a cluster's own page
        if subject is None:
            continue
        for label in refs:
            ctx.add(subject, "prepares for label", label, evidence_span(info), 0.75)
        return True
    return False


def _aspirant(ctx: Context, info: SentenceInfo, cs: int, lo: int, hi: int, ls: int = -1) -> Referent | None:
    """Who aims for the label: a programme ``hiermit`` refers to, else the organisation in subject position
    before the cue, else the cluster ``wir``/``we``/``der Vorstand`` stands for."""
    text = info.text
    if P.BACK_REFERENCE.search(text[lo:cs + 1]) or P.BACK_REFERENCE.search(text[lo:hi]):
        programme = ctx.recent_programme(info)
        if programme is not None and re.search(r"\b(?:hiermit|hierdurch|dadurch|thereby)\b", text[lo:hi], re.I):
            return programme
    relative = _relative_before(info, cs, lo)
    if relative is not None:  # "..., which is itself preparing for ...": only the antecedent
        return _antecedent(info, relative, lo)
    orgs = [m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name" and lo <= info.rel(m.start)
            and info.rel(m.end) <= max(cs, ls) and not OBLIQUE.search(text[:info.rel(m.start)])]
    if orgs:
        return orgs[0].ref
    ref = label_anaphor(ctx, info, lo, hi, strict=True)
    if ref is None and (P.BACK_REFERENCE.search(text[lo:hi]) is None):
        org = nearest(info, ORG_TYPES, cs, lo, hi, "left")
        ref = org.ref if org else None
    return ref


def assessments(ctx: Context, info: SentenceInfo, phrases: list) -> None:
    """``is preparing for its Gold assessment``, ``registered for a Bronze benchmarking``."""
    for match in _TIER_ASSESSMENT.finditer(info.text):
        ls, le = match.span()
        if any(info.rel(s) <= ls < info.rel(e) for s, e, _ in phrases):
            continue
        ref = ctx.label_ref(TIER_NAMES[match.group("tier").lower()], info)
        prospect(ctx, info, ls, le, [ref])


def bare_tier_goals(ctx: Context, info: SentenceInfo, phrases: list) -> None:
    """``Silver is the goal for 2026``, ``Next stop: Gold``: a bare tier in a dated goal or after a "next" heading, in
    a document about labels."""
    goal = _DATED_GOAL.search(info.text) or _NEXT_GOAL.search(info.text)
    if goal is None:
        return
    lo, hi = clause(info.text, goal.start(), goal.end())
    for match in BARE_TIER.finditer(info.text, lo, hi):
        ls, le = match.span()
        if any(info.rel(s) <= ls < info.rel(e) for s, e, _ in phrases):
            continue
        ref = ctx.label_ref(TIER_NAMES[match.group("tier").lower()], info)
        subject = _aspirant(ctx, info, goal.start(), lo, hi)
        if subject is None:
            subject = label_anaphor(ctx, info, 0, len(info.text))
        if subject is None and goal.re is _NEXT_GOAL:
            subject = own_cluster(ctx, info)  # a cluster's own post: "Next stop: Gold"
        if subject is not None and not blocked(info.text, goal.start(), goal.end(), allow_prospect=True, extra_span=(ls, le)):
            ctx.add(subject, "prepares for label", ref, evidence_span(info), 0.7)


def _relative_before(info: SentenceInfo, cs: int, lo: int) -> re.Match | None:
    """The English relative pronoun whose clause holds the cue at ``cs`` (``and which is preparing``)."""
    relatives = list(_RELATIVE.finditer(info.text, lo, cs))
    if not relatives or cs - relatives[-1].end() > 40 or re.search(r"[,;]", info.text[relatives[-1].end():cs]):
        return None
    relative = relatives[-1]
    if len(relatives) > 1 and re.search(r"\b(?:and|or)\s+$", info.text[:relative.start()]):
        relative = relatives[-2]  # "X, with which Y works and which is ...": the first relative's antecedent
    return relative


def _antecedent(info: SentenceInfo, relative: re.Match, lo: int) -> Referent | None:
    """``X, the partner cluster with which ...``: X (the organisation before the relative and its apposition)."""
    head = re.search(r"(?:\b(?:with|in|for|of|to|from|by)\s+)?$", info.text[:relative.start()])
    org = nearest(info, ORG_TYPES, head.start(), lo, head.start(), "left")
    if org is None or re.search(r"[;:]|\b(?:and|und)\b", info.text[info.rel(org.end):head.start()]):
        return None
    if re.search(r"\b(?:its|their|seine[mnrs]?|ihre[mnrs]?)\s", info.text[info.rel(org.end):head.start()]):
        return None  # "X pointed to its partner, the French cluster with which ...": the antecedent is X's partner
    return org.ref
