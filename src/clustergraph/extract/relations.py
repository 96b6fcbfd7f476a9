"""Pass three: facts from cues and the mentions around them.

For each cue (:mod:`clustergraph.extract.patterns`) the arguments are the typed mentions in the
same clause: the subject nearest before the cue (else after it), the object nearest the cue.
When the clause names no subject, an anaphor (``der Cluster``, ``das Netzwerk``, ``wir``, ``the
cluster``, ``we``) stands for the organisation the announcement is about, and a programme noun
without a name (``das Programm``, ``the competition``) for the programme it is about. Every
candidate passes :func:`clustergraph.extract.modality.blocked` first.

Dates: a membership or a label award takes the date stated in its sentence (else the date of the
selection event reported next to it, else none); roles and funding take a date in their sentence
(``seit 2016``) else the announcement's issue date (a state the announcement reports); a
partnership takes its sentence's date, else that of a signing reported next to it, else the issue
date; ``run by``, ``located in``, ``sector``, ``awarded under`` and ``jurisdiction`` are undated. End
dates (``bis 2023``, ``until 2023``) never date a fact. Relative dates (``heute``, ``am Dienstag``,
``last month``) are resolved against the issue date by :mod:`clustergraph.extract.dates`.
"""

from __future__ import annotations

import re

from clustergraph.extract import patterns as P
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.mentions import Mention
from clustergraph.extract.modality import blocked, clause
from clustergraph.extract.resolve import Referent

_RUNNERS = ("Ministry", "Organisation")
_WITHIN = re.compile(r"\b(?:im|in\s+dem|im\s+Rahmen\s+de[rs]|in\s+the|under\s+the|within\s+the|through\s+the|"
                     r"aus\s+de[rm]|über\s+das|durch\s+das)\s+(?:\w+\s+)?$")
_NEW_CLAUSE = re.compile(r"\b(?:und|and|sowie)\s+(?:ist|is|wird|will|hat|has|war|was|gehört|belongs|zählt)\b")
_WITH = re.compile(r"^\W*(?:\w+\s+){0,4}?(?:mit|with|zwischen|between|together\s+with|gemeinsam\s+mit)\b")
_MANAGEMENT = re.compile(r"\b(?:das|dem|des|the|unser(?:e[ms]?)?|our)\s+[Cc]luster-?\s?[Mm]anagement")
_FUND_HINT = re.compile(r"örder|inanz|fund|inanc|mittel|zuwendung|euro|€|support|unterstütz|grant|verfügung|receiv|erhält|erhielt")


def _in(m: Mention, info: SentenceInfo, lo: int, hi: int) -> bool:
    return lo <= info.rel(m.start) and info.rel(m.end) <= hi


def nearest(info: SentenceInfo, types: tuple[str, ...], pos: int, lo: int, hi: int, side: str = "left",
            exclude: tuple[Referent, ...] = ()) -> Mention | None:
    """The mention of one of ``types`` nearest to sentence offset ``pos`` inside [lo, hi)."""
    best, best_d = None, None
    for m in info.mentions:
        if m.type not in types or not _in(m, info, lo, hi) or m.ref in exclude or m.kind == "anaphor":
            continue
        s, e = info.rel(m.start), info.rel(m.end)
        if side == "left" and e > pos:
            continue
        if side == "right" and s < pos:
            continue
        d = pos - e if e <= pos else s - pos
        if best_d is None or d < best_d:
            best, best_d = m, d
    return best


def anaphor_subject(ctx: Context, info: SentenceInfo, lo: int, hi: int) -> Referent | None:
    if P.ANAPHOR.search(info.text[lo:hi]) or (info.is_title and ctx.subject is not None):
        return info.block or ctx.subject
    if P.PRONOUN.search(info.text[lo:hi]) and _previous_about_subject(ctx, info):
        return info.block or ctx.subject
    return None


def subject_for(ctx: Context, info: SentenceInfo, cs: int, lo: int, hi: int,
                types: tuple[str, ...] = ORG_TYPES) -> tuple[Referent | None, float]:
    m = nearest(info, types, cs, lo, hi, "left") or nearest(info, types, cs, lo, hi, "right")
    if m is not None:
        return m.ref, 0.9
    ref = anaphor_subject(ctx, info, lo, hi)
    return ref, 0.75


def sentence_date(info: SentenceInfo, pos: int | None = None) -> str | None:
    """The date of the sentence nearest to ``pos`` (end dates such as ``bis 2023`` do not count)."""
    dates = [d for d in info.dates if not d.until]
    if not dates:
        return None
    if pos is None:
        return dates[0].iso
    return min(dates, key=lambda d: abs(d.start - pos)).iso


def neighbour_event_date(ctx: Context, info: SentenceInfo) -> str | None:
    index = info.sentence.index
    for other in (index + 1, index - 1):
        if 0 <= other < len(ctx.infos):
            near = ctx.infos[other]
            if near.paragraph == info.paragraph and near.dates and P.EVENT_DATE.search(near.text):
                return near.dates[0].iso
    return None


def _evidence(info: SentenceInfo) -> tuple[int, int]:
    return info.sentence.start, info.sentence.end


def _note(ctx: Context, info: SentenceInfo, relation: str, reason: str) -> None:
    ctx.findings.append(("info", f"not asserted ({relation}): {reason}", info.sentence))


# --------------------------------------------------------------------------- membership


def membership(ctx: Context) -> None:
    for info in ctx.infos:
        for cue in P.MEMBERSHIP.finditer(info.text):
            cs, ce = cue.span()
            lo, hi = clause(info.text, cs, ce)
            reason = blocked(info.text, cs, ce)
            if reason:
                _note(ctx, info, "member of programme", reason)
                continue
            prog = nearest(info, ("Programme",), ce, lo, hi, "right") or nearest(info, ("Programme",), cs, lo, hi, "left")
            confidence = 0.9
            if prog is not None:
                obj = prog.ref
            elif P.GENERIC_PROGRAMME.search(info.text[lo:hi]) or (P.STRONG_MEMBERSHIP.search(cue.group(0)) and ctx.programme):
                obj, confidence = ctx.programme, 0.7
            else:
                continue
            subj, sconf = subject_for(ctx, info, cs, lo, hi)
            if subj is None and P.PRONOUN_START.match(info.text) and _previous_about_subject(ctx, info):
                subj, sconf = ctx.subject, 0.7
            if subj is None or subj.type not in ORG_TYPES:
                continue
            date = sentence_date(info, cs) or neighbour_event_date(ctx, info)
            ctx.add(subj, "member of programme", obj, _evidence(info), min(confidence, sconf), date)


def _previous_about_subject(ctx: Context, info: SentenceInfo) -> bool:
    """Whether the sentence before ``info`` is about the announcement's cluster (for ``Er``/``It``)."""
    index = info.sentence.index - 1
    if ctx.subject is None or index < 0:
        return False
    previous = ctx.infos[index]
    return bool(P.ANAPHOR_SUBJECT_START.match(previous.text)) or any(
        m.ref is ctx.subject and previous.rel(m.start) < max(30, len(previous.text) // 3) for m in previous.mentions)


# --------------------------------------------------------------------------- run by


def run_by(ctx: Context) -> None:
    for info in ctx.infos:
        if not info.has(*_RUNNERS):
            continue
        for cue in P.RUN_BY.finditer(info.text):
            cs, ce = cue.span()
            lo, hi = clause(info.text, cs, ce)
            if blocked(info.text, cs, ce, allow_prospect=True):
                continue
            runner = nearest(info, _RUNNERS, ce, lo, hi, "right") or nearest(info, _RUNNERS, cs, lo, hi, "left")
            if runner is None:
                continue
            progs = [m.ref for m in info.mentions if m.type == "Programme" and _in(m, info, lo, hi)]
            label_before = [m.ref for m in info.mentions if m.type == "Label" and _in(m, info, lo, cs)]
            label_before += [ctx.label_ref(t, info) for s_, e_, tiers in info.labels
                             if lo <= info.rel(s_) and info.rel(e_) <= cs for t in tiers]
            if label_before:
                progs = label_before
            elif P.GENERIC_LABEL.search(info.text[lo:cs]):
                progs = recent_labels(ctx, info) or progs
            if not progs:
                if P.GENERIC_PROGRAMME.search(info.text[lo:hi]) and ctx.programme is not None:
                    progs = [ctx.programme]
                elif P.GENERIC_LABEL.search(info.text[lo:hi]):
                    progs = recent_labels(ctx, info)
            for prog in progs:
                if prog is not runner.ref:
                    ctx.add(prog, "run by", runner.ref, _evidence(info), 0.8)
        # "das Programm X des BMWi", "der Wettbewerb des BMBF": a programme right before a ministry
        for m in info.mentions:
            if m.type != "Ministry":
                continue
            before = info.text[:info.rel(m.start)]
            link = re.search(r"(?:des|der|vom|of\s+the|of)\s+(?:German\s+|deutschen\s+)?$", before)
            if not link:
                continue
            head = before[: link.start()].rstrip()
            if head.endswith(")") and "(" in head:
                head = head[: head.rfind("(")].rstrip()
            prog = next((p for p in info.mentions if p.type == "Programme" and info.rel(p.end) == len(head)), None)
            if prog is not None:
                ctx.add(prog.ref, "run by", m.ref, _evidence(info), 0.85)
            elif re.search(r"(?:Programms?|Wettbewerbs?|Initiative|Förderprogramms?|programme|competition|initiative)$", head) \
                    and ctx.programme is not None and not re.search(r"\b(?:eine[ns]?|an?)\s+\w*$", head):
                ctx.add(ctx.programme, "run by", m.ref, _evidence(info), 0.75)


# --------------------------------------------------------------------------- funding


def _last_ministry(ctx: Context, info: SentenceInfo) -> Referent | None:
    for index in range(info.sentence.index, -1, -1):
        found = [m.ref for m in ctx.infos[index].mentions if m.type == "Ministry"]
        if found:
            return found[-1]
    return None


def active_funding(ctx: Context) -> None:
    """``Das BMBF fördert X``, ``The ministry is funding the cluster's project``."""
    for info in ctx.infos:
        if not _FUND_HINT.search(info.lower or info.text.lower()):
            continue
        for cue in P.ACTIVE_FUNDING.finditer(info.text):
            cs, ce = cue.span()
            lo, hi = clause(info.text, cs, ce)
            if blocked(info.text, cs, ce):
                continue
            funder = nearest(info, ("Ministry", "Programme", "Organisation"), cs, lo, hi, "left")
            funder_ref = funder.ref if funder else None
            if funder_ref is None and P.GENERIC_MINISTRY.search(info.text[lo:cs]):
                funder_ref = _last_ministry(ctx, info)
            if funder_ref is None:
                continue
            subj = nearest(info, ORG_TYPES, ce, lo, hi, "right", exclude=(funder_ref,))
            if subj is not None:
                refs = [subj.ref]
            elif P.DISTRIBUTIVE.search(info.text[ce:hi]):
                refs = ctx.group_members()
            else:
                ref = anaphor_subject(ctx, info, ce, hi)
                refs = [ref] if ref else []
            date = sentence_date(info, cs) or ctx.issued
            for ref in refs:
                if ref is not funder_ref:
                    ctx.add(ref, "funded by", funder_ref, _evidence(info), 0.8 if subj else 0.7, date)


def _funders(ctx: Context, info: SentenceInfo, cs: int, lo: int, hi: int, subjects: list) -> list[Referent]:
    """Who pays: the funders named after the cue (``von X und Y``), else a ministry before it."""
    right = [m for m in info.mentions if m.type in ("Ministry", "Programme", "Organisation") and m.ref not in subjects
             and _in(m, info, cs, hi)]
    funders: list[Referent] = []
    previous_end = cs
    for m in right:
        gap = info.text[previous_end:info.rel(m.start)]
        if funders and not re.search(r"\b(?:und|and|sowie|as\s+well\s+as)\b", gap):
            break
        if not funders and (len(gap) > 80 or _NEW_CLAUSE.search(gap)):
            break  # "... gefördert und ist Teil der Cluster-Offensive": not who pays
        funders.append(m.ref)
        previous_end = info.rel(m.end)
    if P.GENERIC_MINISTRY.search(info.text[cs:hi]) or re.search(r"\b(?:the\s+ministry[’']s|des\s+Ministeriums)\b", info.text[cs:hi]):
        ministry = _last_ministry(ctx, info)
        if ministry is not None and ministry not in funders:
            funders.insert(0, ministry)
    if not funders:
        left = nearest(info, ("Ministry",), cs, lo, hi, "left")
        if left is not None:
            funders.append(left.ref)
    return funders


def funding(ctx: Context) -> None:
    active_funding(ctx)
    for info in ctx.infos:
        if not _FUND_HINT.search(info.lower or info.text.lower()):
            continue
        for cue in P.FUNDING.finditer(info.text):
            cs, ce = cue.span()
            lo, hi = clause(info.text, cs, ce)
            reason = blocked(info.text, cs, ce)
            if reason:
                _note(ctx, info, "funded by", reason)
                continue
            subjects: list[Referent] = []
            confidence = 0.85
            group = ctx.group_members() if P.DISTRIBUTIVE.search(info.text[lo:hi]) else []
            if group:
                subjects, confidence = group, 0.7
            elif (cue.group("from") or _MANAGEMENT.search(info.text[lo:hi])) and ctx.subject is not None:
                subjects, confidence = [info.block or ctx.subject], 0.7
            else:
                subj = nearest(info, ORG_TYPES, cs, lo, hi, "left")
                if subj is not None:
                    subjects = [subj.ref]
                else:
                    ref = anaphor_subject(ctx, info, lo, hi)
                    if ref is not None:
                        subjects, confidence = [ref], 0.75
            if not subjects:
                continue
            funders = _funders(ctx, info, cs, lo, hi, subjects)
            date = _segment_date(info, cs, ce, conjunctions=True) or ctx.issued
            within = [m.ref for m in info.mentions if m.type == "Programme" and _in(m, info, lo, hi)
                      and _WITHIN.search(info.text[max(lo, info.rel(m.start) - 25):info.rel(m.start)])]
            for subj in subjects:
                for funder in funders:
                    ctx.add(subj, "funded by", funder, _evidence(info), confidence, date)
                for programme in within:  # "im Zentralen Innovationsprogramm Mittelstand gefördert": a member
                    if subj.type in ORG_TYPES:
                        ctx.add(subj, "member of programme", programme, _evidence(info), 0.7, sentence_date(info, cs))


_SEGMENT = re.compile(r",\s|;\s")
_SEGMENT_VERBS = re.compile(r",\s|;\s|\s(?:und|and)\s+(?=(?:wird|ist|hat|war|erhält|erhielt|is|has|was|were|received|receives)\b)")


def _segment_date(info: SentenceInfo, start: int, end: int, conjunctions: bool = False) -> str | None:
    """A date in the same part of the sentence as ``[start, end)`` (parts end at commas, semicolons and,
    with ``conjunctions``, at ``und``/``and`` before a verb)."""
    pattern = _SEGMENT_VERBS if conjunctions else _SEGMENT
    lo, hi = 0, len(info.text)
    for match in pattern.finditer(info.text):
        if match.end() <= start:
            lo = match.end()
        elif match.start() >= end:
            hi = match.start()
            break
    dates = [d for d in info.dates if lo <= d.start and d.end <= hi and not d.until]
    return dates[0].iso if dates else None


def recent_labels(ctx: Context, info: SentenceInfo) -> list[Referent]:
    """The labels named last, in this sentence or up to two before (for ``das Label``, ``the label``)."""
    for index in range(info.sentence.index, max(-1, info.sentence.index - 3), -1):
        other = ctx.infos[index]
        refs = [ctx.label_ref(tier, other) for _, _, tiers in other.labels for tier in tiers]
        refs += [m.ref for m in other.mentions if m.type == "Label" and m.kind == "name"]
        if refs:
            return list(dict.fromkeys(refs))
    return []


# --------------------------------------------------------------------------- partners


def _coordinated(info: SentenceInfo, start: int, hi: int, exclude: Referent | None) -> list[Referent]:
    """The organisations after ``start``: the first, and those joined to it by ``and``/``und``."""
    found: list[Referent] = []
    previous_end = start
    for m in sorted(info.mentions, key=lambda m: m.start):
        if m.type not in ORG_TYPES or m.kind != "name" or m.ref is exclude or not (start <= info.rel(m.start) < hi):
            continue
        gap = info.text[previous_end:info.rel(m.start)]
        if found and not re.search(r"\b(?:und|and|sowie|as\s+well\s+as)\b", gap):
            break
        if m.ref not in found:
            found.append(m.ref)
        previous_end = info.rel(m.end)
    return found


def partners(ctx: Context) -> None:
    for info in ctx.infos:
        if not info.has(*ORG_TYPES):
            continue
        for cue in P.PARTNER.finditer(info.text):
            cs, ce = cue.span()
            lo, hi = clause(info.text, cs, ce)
            if blocked(info.text, cs, ce):
                continue
            left = nearest(info, ORG_TYPES, cs, lo, hi, "left")
            subj = left.ref if left else anaphor_subject(ctx, info, lo, hi)
            if left is None and subj is not None and not _WITH.search(info.text[ce:hi]):
                continue  # "wir freuen uns über die Zusammenarbeit": with whom is not said
            if subj is None:
                first = nearest(info, ORG_TYPES, ce, lo, hi, "right")
                subj = first.ref if first else None
            others = _coordinated(info, ce, hi, exclude=subj)
            if subj is not None and not others and left is not None:
                # "X and Y have signed a cooperation agreement"
                before = [m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"
                          and info.rel(m.end) <= info.rel(left.start) and m.ref is not left.ref]
                if before and re.search(r"\b(?:und|and|sowie)\b", info.text[info.rel(before[-1].end):info.rel(left.start)]):
                    subj, others = before[-1].ref, [left.ref]
            if subj is None or not others:
                continue
            date = sentence_date(info, ce) or neighbour_event_date(ctx, info) or ctx.issued
            group = [subj, *others]
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    ctx.add(a, "partner of", b, _evidence(info), 0.8 if left else 0.7, date)
