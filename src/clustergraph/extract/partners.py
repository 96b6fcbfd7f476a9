"""Pass three, partnerships: two or more organisations that cooperate (``partner of``, symmetric).

Cues: ``kooperieren``, ``Kooperationsvereinbarung``, ``memorandum of understanding``, ``partnership with``,
``Ein gemeinsames Projekt mit X``, ``Our Dutch partner cluster X``, ``X, the French partner cluster with
which Y ...``, ``X has been a partner of Y``. The parties are the organisation before the cue (or the
announcement's own cluster for ``wir``/``we``/``our``) and those after ``mit``/``with``; a list before the
cue (``X, das Netzwerk Y aus A und das Netzwerk Z ... unterzeichneten``) makes every pair partners. A
partner only hoped for, planned or negated is not asserted (:func:`clustergraph.extract.modality.blocked`).
The date is the sentence's, else that of a signing reported next to it, else the issue date.
"""

from __future__ import annotations

import re

from clustergraph.extract import patterns as P
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.mentions import Mention
from clustergraph.extract.modality import blocked, clause
from clustergraph.extract.arguments import anaphor_subject, evidence_span, nearest, neighbour_event_date, sentence_date
from clustergraph.extract.resolve import Referent

# talks about, interest in or an examination of a cooperation are not a partnership
_PROSPECT = re.compile(r"\b(?:prüfen|prüft|erwägen|erwägt|sondieren|sondiert|Gespräche|Gesprächen|Interesse|talks|discuss\w*|"
                       r"explor\w*|consider\w*|interest(?:ed)?|potential|möglichen?|mögliche)\b")
_WITH = re.compile(r"^\W*(?:\w+\s+){0,4}?(?:mit|with|zwischen|between|together\s+with|gemeinsam\s+mit)\b")


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


_LIST_GAP = re.compile(r"^(?:,\s+|\s+(?:und|and|sowie|as\s+well\s+as)\s+|,\s+(?:und|and)\s+)"
                       r"(?:(?:der|die|das|dem|den|the)\s+(?:[\w-]+\s+){1,3}?)?$|^\s+(?:aus|from|in)\s+[\w-]+"
                       r"(?:,\s+|\s+(?:und|and|sowie)\s+)(?:(?:der|die|das|dem|den|the)\s+(?:[\w-]+\s+){1,3}?)?$")


def coordinated_before(info: SentenceInfo, last: Mention, lo: int) -> list[Referent]:
    """The organisations listed up to ``last``: ``VitiNet, das Netzwerk WeinCampus aus Geisenheim und ... Rebland``."""
    found = [last.ref]
    current = last
    for m in sorted((m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"
                     and lo <= info.rel(m.start) and m.end <= last.start), key=lambda m: -m.start):
        if m.end > current.start or m.ref in found:
            continue
        gap = info.text[info.rel(m.end):info.rel(current.start)]
        if len(gap) > 70 or not _LIST_GAP.search(gap):
            break
        found.insert(0, m.ref)
        current = m
    return found


# cues not in patterns.PARTNER: a joint project, "our partner cluster X", "X, the partner cluster with which Y ..."
_JOINT = re.compile(r"\b(?:[Gg]emeinsame[sn]?|[Jj]oint)\s+(?:[\w-]+\s+){0,2}?(?:Projekt|project|Vorhaben|Forschungsprojekt|"
                    r"Pilotprojekt|research\s+project|pilot\s+project)\w*\s+(?:(?:[\w-]+\s+){0,6}?)(?:mit|with)\b")
_PARTNER_CLUSTER = re.compile(r"\b(?:[Oo]ur|[Uu]nser(?:e[mnrs]?)?|[Tt]he|[Dd]as|[Dd]er|[Dd]ie)\s+(?:[\w-]+\s+){0,2}?"
                              r"(?:[Pp]artner[\s-]?(?:cluster|network|Cluster|Netzwerk|netzwerk|cluster))\b")


_PARTNER_OF = re.compile(r"\b(?:is|are|has\s+been|have\s+been|ist|sind|war)\s+(?:a\s+|an\s+|ein\s+)?(?:[\w-]+\s+)?"
                         r"(?:partner|Partner|Kooperationspartner)\s+(?:of|von|des|der|to)\b")
_MORE_PARTNER = re.compile(r"\bmemorandum\s+of\s+understanding\b|\bletter\s+of\s+intent\b|\bAbsichtserklärung\b|"
                           r"^\W*(?:Gemeinsam|Zusammen)\s+mit\b|^\W*Together\s+with\b|\barbeite\w*\s+(?:\S+\s+){5,14}?zusammen\b|"
                           r"\bteaming\s+up\b")
_NEXT_RELATIVE = re.compile(r",?\s+(?:and|und)\s+(?:which|who|der|die|das|dessen|deren)\b")


def partner_mentions(ctx: Context) -> None:
    """``Our Dutch partner cluster X``; ``X, the French partner cluster with which Y runs joint projects``;
    ``Ein gemeinsames Projekt mit X``."""
    for info in ctx.infos:
        if not info.has(*ORG_TYPES):
            continue
        for cue in [*_PARTNER_CLUSTER.finditer(info.text), *_JOINT.finditer(info.text), *_PARTNER_OF.finditer(info.text)]:
            cs, ce = cue.span()
            lo, hi = clause(info.text, cs, ce)
            tail = _NEXT_RELATIVE.search(info.text, ce)  # "..., and which is itself preparing ...": another statement
            if tail is not None:
                hi = min(hi, tail.start())
            if blocked(info.text[:hi], cs, ce) or _PROSPECT.search(info.text, lo, hi):
                continue
            right = next((m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"
                          and cs < info.rel(m.start) < ce < info.rel(m.end)), None)  # "partner [cluster X]"
            right = right or nearest(info, ORG_TYPES, ce, lo, hi, "right")
            left = nearest(info, ORG_TYPES, cs, lo, hi, "left")
            pair = None
            if cue.re is _PARTNER_CLUSTER and left is not None and re.match(r",\s*$", info.text[info.rel(left.end):cs]) \
                    and right is not None and re.match(r"^\s*(?:with\s+which|with\s+whom|mit\s+dem|mit\s+der)\s+$",
                                                      info.text[ce:info.rel(right.start)]):
                pair = (left.ref, right.ref)  # "X, the partner cluster with which Y ..."
            elif right is not None and info.rel(right.start) - ce <= 40:
                owner = left.ref if left is not None and cue.re is _JOINT else anaphor_subject(ctx, info, lo, ce)
                if owner is None and cue.re is _JOINT and ctx.subject is not None and re.match(
                        r"^\W*(?:Ein|Eine|Das|Die|A|The|Our|Unser)\b", info.text[lo:]):
                    owner = info.block or ctx.subject  # the announcement's own project
                pair = (owner, right.ref) if owner is not None else None
            if cue.re is _PARTNER_OF:
                pair = (left.ref, right.ref) if left is not None and right is not None and \
                    info.rel(right.start) - ce <= 12 else None
            if pair is None or pair[0] is None or pair[0] is pair[1]:
                continue
            date = sentence_date(info, ce) or ctx.issued
            ctx.add(pair[0], "partner of", pair[1], evidence_span(info), 0.65, date)


def _together(ctx: Context, info: SentenceInfo, ce: int, hi: int) -> None:
    partner = nearest(info, ORG_TYPES, ce, ce, hi, "right")
    if partner is None or info.rel(partner.start) - ce > 30:
        return
    rest = info.rel(partner.end)
    actor = nearest(info, ORG_TYPES, rest, rest, hi, "right", exclude=(partner.ref,))
    subj = actor.ref if actor is not None else anaphor_subject(ctx, info, rest, hi)
    if subj is not None and subj is not partner.ref:
        date = sentence_date(info, ce) or ctx.issued
        ctx.add(subj, "partner of", partner.ref, evidence_span(info), 0.65, date)


# nominal entries and profile fields: "Kooperationsvereinbarung mit dem Netzwerk X", "Cooperation partners X – ...",
# "Auch die Partnerschaft mit X ... wird fortgeführt": the partner of the announcement's own cluster
_NOMINAL_PARTNER = re.compile(r"^[\W\d]*(?:(?:Im|In|Am|Seit|Since|Auch)\s+(?:\S+\s+){0,2}?)?(?:die\s+|the\s+|eine\s+|a\s+|new\s+|neue\s+)?"
                              r"(?:Kooperationsvereinbarung|Kooperationsvertrag|Partnerschaft|Kooperation|Absichtserklärung|"
                              r"Cooperation\s+agreement|Partnership|Memorandum\s+of\s+understanding)\s+(?:mit|with)\b|"
                              r"^\W*(?:Cooperation\s+partners?|Kooperationspartner|Partnercluster|Partner\s+clusters?)\s*:?\s+")


_CONSORTIUM = re.compile(r"\b(?:[Cc]onsortium|Konsortium|Projektverbund|[Vv]erbundprojekt)\b")
_CONSORTIUM_LINK = re.compile(r"\b(?:coordinated\s+by|led\s+by|brings\s+together|koordiniert|geleitet|vereint|bringt|"
                              r"together\s+with|gemeinsam\s+mit|zusammen\s+mit|consists\s+of|besteht\s+aus|partners\s+are)\b")


def consortium_partners(ctx: Context) -> None:
    """``The consortium is coordinated by X and brings together Y and Z``: every two of them are partners."""
    for info in ctx.infos:
        if not _CONSORTIUM.search(info.text):
            continue
        link = _CONSORTIUM_LINK.search(info.text)
        if link is None or blocked(info.text, link.start(), link.end()) or _PROSPECT.search(info.text):
            continue
        members = list(dict.fromkeys(m.ref for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"))
        if not 2 <= len(members) <= 6:
            continue
        date = sentence_date(info, link.start()) or neighbour_event_date(ctx, info) or ctx.issued
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                ctx.add(a, "partner of", b, evidence_span(info), 0.65, date)


def nominal_partners(ctx: Context) -> None:
    if ctx.subject is None:
        return
    for info in ctx.infos:
        cue = _NOMINAL_PARTNER.match(info.text)
        if cue is None or blocked(info.text, cue.start(), cue.end()) or _PROSPECT.search(info.text):
            continue
        owner = info.block or ctx.subject
        partner = nearest(info, ORG_TYPES, cue.end(), cue.end(), len(info.text), "right", exclude=(owner,))
        if partner is not None and info.rel(partner.start) - cue.end() <= 60:
            date = sentence_date(info, cue.end()) or ctx.issued
            ctx.add(owner, "partner of", partner.ref, evidence_span(info), 0.6, date)


_PARTNER_HEADING = re.compile(r"^\W*(?:Our\s+|Unsere\s+)?(?:Partner[\s-]?(?:networks?|clusters?|Netzwerke|Cluster)|"
                              r"Partnernetzwerke|Partnercluster|Netzwerkpartner|Clusterpartner)\s*:?\s*$", re.I)
_PARTNER_ITEM = re.compile(r"^\W*(?P<name>[A-ZÄÖÜ][\w.&’'+-]*(?:\s[A-ZÄÖÜ0-9][\w.&’'+-]*){0,4})\s*(?:\(|,|\s[–—-]\s|$)")


def _own_line(ctx: Context, info: SentenceInfo) -> bool:
    start, end = info.sentence.start, info.sentence.end
    return (start == 0 or ctx.text[start - 1] == "\n") and (end >= len(ctx.text) or ctx.text[end] == "\n")


def listed_partners(ctx: Context) -> None:
    """Items under a heading ``Partner networks`` / ``Unsere Partnercluster``: partners of the announcement's cluster."""
    if ctx.subject is None:
        return
    owner = ctx.subject
    heading = None
    for info in ctx.infos:
        if _own_line(ctx, info) and _PARTNER_HEADING.match(info.text):
            heading = info.sentence.index
            continue
        if heading is None:
            continue
        item = _PARTNER_ITEM.match(info.text) if _own_line(ctx, info) and len(info.text) < 120 else None
        if item is None or info.sentence.index - heading > 8:
            heading = None
            continue
        name = item.group("name")
        ref = next((m.ref for m in info.mentions if m.type in ORG_TYPES and m.kind == "name" and info.rel(m.start) <= 2), None)
        if ref is None and ctx.registry.known(name) is None and info.text[item.end("name"):].strip():
            ref = ctx.registry.get(name, "Cluster")  # "Name (City, Land)": a bare word is the next heading
        if ref is not None and ref is not owner:
            ctx.add(owner, "partner of", ref, evidence_span(info), 0.6, ctx.issued)


def partners(ctx: Context) -> None:
    partner_mentions(ctx)
    listed_partners(ctx)
    nominal_partners(ctx)
    consortium_partners(ctx)
    for info in ctx.infos:
        if not info.has(*ORG_TYPES):
            continue
        for cue in [*P.PARTNER.finditer(info.text), *_MORE_PARTNER.finditer(info.text)]:
            cs, ce = cue.span()
            lo, hi = clause(info.text, cs, ce)
            if blocked(info.text, cs, ce) or _PROSPECT.search(info.text, lo, hi):
                continue
            if cue.re is _MORE_PARTNER and re.match(r"\W*(?:Gemeinsam|Zusammen|Together)", cue.group(0)):
                _together(ctx, info, ce, hi)  # "Gemeinsam mit X entwickelt Y ...", "Together with X, we ..."
                continue
            left = nearest(info, ORG_TYPES, cs, lo, hi, "left")
            subj = left.ref if left else anaphor_subject(ctx, info, lo, hi)
            if left is None and subj is not None and not _WITH.search(info.text[ce:hi]):
                continue  # "wir freuen uns über die Zusammenarbeit": with whom is not said
            if subj is None:
                first = nearest(info, ORG_TYPES, ce, lo, hi, "right")
                subj = first.ref if first else None
            others = _coordinated(info, ce, hi, exclude=subj) or [
                m.ref for m in info.mentions if m.type in ORG_TYPES and m.kind == "name" and m.ref is not subj
                and cs <= info.rel(m.start) and info.rel(m.end) <= ce]  # "arbeitet eng mit dem Netzwerk X zusammen"
            if subj is not None and not others and left is not None:
                # "X and Y have signed a cooperation agreement", "X, das Netzwerk Y aus A und das Netzwerk Z ..."
                listed = coordinated_before(info, left, lo)
                before = [m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"
                          and info.rel(m.end) <= info.rel(left.start) and m.ref is not left.ref]
                if len(listed) > 1:
                    subj, others = listed[0], listed[1:]
                elif before and re.search(r"\b(?:und|and|sowie)\b", info.text[info.rel(before[-1].end):info.rel(left.start)]):
                    subj, others = before[-1].ref, [left.ref]
            if subj is None or not others:
                continue
            date = sentence_date(info, ce) or neighbour_event_date(ctx, info) or ctx.issued
            group = [subj, *others]
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    ctx.add(a, "partner of", b, evidence_span(info), 0.8 if left else 0.7, date)
