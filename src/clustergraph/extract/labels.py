"""Quality labels: awarded (not aimed for), the scheme they are awarded under, prepared for.

A label phrase is a tier (``Gold-Label``, ``Qualitätslabel in Silber oder Gold``: two labels) or a
named label (``Label „Cluster-Exzellenz Baden-Württemberg“``). It is *awarded* when an award verb
(erhielt, ausgezeichnet, verliehen, trägt, was awarded, received, holds...) governs it in the same
clause and nothing hedges or negates it; its subject is the organisation named before it, a group
(``both clusters``, ``die drei Initiativen``), or the announcement's cluster through an anaphor.
The award is dated by the date in the label's part of the sentence. A label is *prepared for* when a
prospect cue governs it (Grundstein, bereitet vor, strebt an, working towards): by the programme a
``hiermit``/``this`` refers back to, else by the organisation before the cue.
"""

from __future__ import annotations

import re

from clustergraph.extract import patterns as P
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.modality import blocked, clause
from clustergraph.extract.relations import _evidence, _note, _segment_date, anaphor_subject, nearest, sentence_date
from clustergraph.extract.resolve import Referent

_SCHEME_GAP = re.compile(
    r"\W*(?:(?:is|ist|was|war)\s+(?:the|das|die|der)\s+(?:[\w-]+\s+){0,3}?)?"
    r"(?:der|des|of\s+the|of|from\s+the|vom|von\s+der|unter\s+der|under\s+the)?\W*"
)


_BY = re.compile(r"[\"“”»«']?\s+(?:by|von|vom|durch)\s+(?:the\s+|der\s+|dem\s+|das\s+)?")


def labels(ctx: Context) -> None:
    for info in ctx.infos:
        phrases = [(start, end, [ctx.label_ref(tier, info) for tier in tiers]) for start, end, tiers in info.labels]
        phrases += [(m.start, m.end, [m.ref]) for m in info.mentions if m.type == "Label" and m.kind == "name"
                    and not any(s <= m.start < e for s, e, _ in info.labels)]
        for start, end, refs in phrases:
            ls, le = info.rel(start), info.rel(end)
            ctx.last_labels = refs
            scheme = _scheme(ctx, info, le)
            for ref in refs:
                if scheme is not None:
                    ctx.add(ref, "awarded under", scheme, _evidence(info), 0.85)
            by = _BY.match(info.text, le)
            runner = next((m for m in info.mentions if m.type in ("Organisation", "Ministry") and by
                           and info.rel(m.start) == by.end()), None)
            if runner is not None:
                for ref in refs:
                    ctx.add(ref, "run by", runner.ref, _evidence(info), 0.75)
            for cue in P.AWARD.finditer(info.text):
                cs, ce = cue.span()
                lo, hi = clause(info.text, min(cs, ls), max(ce, le))
                if not (lo <= ls and le <= hi) or abs(cs - ls) > 120:
                    continue
                reason = blocked(info.text, cs, ce, extra_span=(ls, le))
                if reason:
                    _note(ctx, info, "awarded label", reason)
                    continue
                subj = nearest(info, ORG_TYPES, min(cs, ls), lo, hi, "left")
                confidence = 0.9
                group = ctx.group_members() if P.DISTRIBUTIVE.search(info.text[lo:min(cs, ls)]) else []
                if subj is not None:
                    subjects = [subj.ref]
                elif group:
                    subjects, confidence = group, 0.7
                else:
                    ref = anaphor_subject(ctx, info, lo, hi)
                    subjects, confidence = ([ref] if ref else []), 0.7
                date = _segment_date(info, ls, le) or sentence_date(info, cs)
                for ref in subjects:
                    for label in refs:
                        ctx.add(ref, "awarded label", label, _evidence(info), confidence, date)
                break
            for cue in P.PREPARES.finditer(info.text):
                cs, ce = cue.span()
                if blocked(info.text, cs, ce, allow_prospect=True):
                    continue
                lo, hi = clause(info.text, cs, ce)
                if not (lo <= ls and le <= hi):
                    continue
                subject = None
                if P.BACK_REFERENCE.search(info.text[lo:cs + 1]) or P.BACK_REFERENCE.search(info.text[lo:hi]):
                    subject = ctx.recent_programme(info)
                if subject is None:
                    org = nearest(info, ORG_TYPES, cs, lo, hi, "left")
                    subject = org.ref if org else anaphor_subject(ctx, info, lo, hi)
                for label in refs:
                    ctx.add(subject, "prepares for label", label, _evidence(info), 0.75)
                break
        # "The label is granted by ESCA under the ECEI": a label named earlier
        generic = P.GENERIC_LABEL.search(info.text) if ctx.last_labels and not info.labels else None
        if generic:
            under = re.search(r"\b(?:under|unter|im\s+Rahmen)\b", info.text)
            if under:
                prog = nearest(info, ("Programme",), under.end(), under.end(), len(info.text), "right")
                if prog is not None:
                    for ref in ctx.last_labels:
                        ctx.add(ref, "awarded under", prog.ref, _evidence(info), 0.8)


def _scheme(ctx: Context, info: SentenceInfo, label_end: int) -> Referent | None:
    """The programme a label phrase names as its scheme: ``... in Gold der ECEI``, ``... of the ECEI``."""
    for m in info.mentions:
        if m.type != "Programme" or info.rel(m.start) < label_end:
            continue
        gap = info.text[label_end:info.rel(m.start)]
        if len(gap) <= 50 and _SCHEME_GAP.fullmatch(gap):
            return m.ref
    return None
