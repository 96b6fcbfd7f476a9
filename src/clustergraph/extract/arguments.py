"""Who and when a cue's arguments are: helpers shared by every fact stage.

A cue (:mod:`clustergraph.extract.patterns`) is found in a sentence; its arguments are the typed
mentions of the same clause. :func:`nearest` picks the mention of the wanted types nearest the cue,
:func:`subject_for` the subject (a named organisation, else the organisation an anaphor such as
``der Cluster`` or ``wir`` stands for, see :func:`anaphor_subject`), :func:`sentence_date` and
:func:`neighbour_event_date` the date. :func:`evidence_span` is the span every fact cites, and
:func:`note_blocked` records a candidate that was not asserted, and :func:`asserted_cues` walks the
cues of a sentence whose clause is asserted (not negated or hedged).

This module sits below the fact stages (``relations``, ``labels``, ``funding``, ...) and the
subject helpers (``subjects``, ``label_subjects``): it imports none of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from clustergraph.extract import patterns as P
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.mentions import Mention
from clustergraph.extract.modality import blocked, clause
from clustergraph.extract.resolve import Referent


def within(m: Mention, info: SentenceInfo, lo: int, hi: int) -> bool:
    """Whether mention ``m`` lies inside the sentence offsets [lo, hi)."""
    return lo <= info.rel(m.start) and info.rel(m.end) <= hi


def nearest(info: SentenceInfo, types: tuple[str, ...], pos: int, lo: int, hi: int, side: str = "left",
            exclude: tuple[Referent, ...] = ()) -> Mention | None:
    """The mention of one of ``types`` nearest to sentence offset ``pos`` inside [lo, hi)."""
    best, best_d = None, None
    for m in info.mentions:
        if m.type not in types or not within(m, info, lo, hi) or m.ref in exclude or m.kind == "anaphor":
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
    """The organisation an anaphor (``der Cluster``, ``wir``, ``Er``) in [lo, hi) stands for, if any."""
    if P.ANAPHOR.search(info.text[lo:hi]) or (info.is_title and ctx.subject is not None):
        return info.block or ctx.subject
    if P.PRONOUN.search(info.text[lo:hi]) and previous_about_subject(ctx, info):
        return info.block or ctx.subject
    return None


def subject_for(ctx: Context, info: SentenceInfo, cs: int, lo: int, hi: int,
                types: tuple[str, ...] = ORG_TYPES) -> tuple[Referent | None, float]:
    """The subject of the cue starting at ``cs`` and its confidence (a name 0.9, an anaphor 0.75)."""
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
    """The date of a selection/signing event reported in the sentence next to ``info`` (same paragraph)."""
    index = info.sentence.index
    for other in (index + 1, index - 1):
        if 0 <= other < len(ctx.infos):
            near = ctx.infos[other]
            if near.paragraph == info.paragraph and near.dates and P.EVENT_DATE.search(near.text):
                return near.dates[0].iso
    return None


def evidence_span(info: SentenceInfo) -> tuple[int, int]:
    """The span a fact found in ``info`` cites: the whole sentence."""
    return info.sentence.start, info.sentence.end


def note_blocked(ctx: Context, info: SentenceInfo, relation: str, reason: str) -> None:
    """Record (as an ``info`` finding) that a candidate of ``relation`` was not asserted, and why."""
    ctx.findings.append(("info", f"not asserted ({relation}): {reason}", info.sentence))


def asserted_cues(info: SentenceInfo, pattern: re.Pattern[str], *,
                  allow_prospect: bool = False) -> Iterator[tuple[re.Match[str], int, int]]:
    """Each match of ``pattern`` in the sentence whose statement is asserted, with its clause.

    Yields ``(cue, lo, hi)``: the match and the clause (:func:`~clustergraph.extract.modality.clause`)
    around it. A cue that :func:`~clustergraph.extract.modality.blocked` rejects (negated, or
    hedged unless ``allow_prospect``) is skipped silently.
    """
    for cue in pattern.finditer(info.text):
        cs, ce = cue.span()
        lo, hi = clause(info.text, cs, ce)
        if not blocked(info.text, cs, ce, allow_prospect=allow_prospect):
            yield cue, lo, hi


def previous_about_subject(ctx: Context, info: SentenceInfo) -> bool:
    """Whether the sentence before ``info`` is about the announcement's cluster (for ``Er``/``It``)."""
    index = info.sentence.index - 1
    subject = info.block or ctx.subject  # the item's organisation in a digest (see discourse.py)
    if subject is None or index < 0:
        return False
    previous = ctx.infos[index]
    return bool(P.ANAPHOR_SUBJECT_START.match(previous.text)) or any(
        m.ref is subject and previous.rel(m.start) < max(30, len(previous.text) // 3) for m in previous.mentions)
