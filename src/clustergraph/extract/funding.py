"""Pass three, funding: who pays a cluster (``funded by``), and the programmes it is funded under.

Passive cues (``wird vom Land gefördert``, ``funded by the ERDF``, ``erhält ... 800.000 Euro vom
SMWA``) take the organisation before the cue as the funded one and the ministries, programmes and
organisations after it as funders; active cues (``Das BMBF fördert X``, ``The ministry will fund the
cluster management with EUR 1.5 million``) the reverse. A programme the money comes *through*
(``im ZIM des BMWi``, ``under its Central Innovation Programme``, ``als ZIM-Innovationsnetzwerk``) makes
the cluster a member of that programme, and the ministry the funder. ``Mitteln des Landes`` /
``Landesmitteln`` / ``state funds`` stand for the one Land ministry the announcement names; ``Das
Clustermanagement``, ``Die Geschäftsstelle`` and a credit line (``Gefördert vom ...``) for the cluster the
announcement is about; ``Die Förderung stammt aus ...`` for whoever was funded in the sentences before.
A decided grant in the future tense (``will fund ... with EUR``) is asserted; plans and hopes are not.
"""

from __future__ import annotations

import re

from clustergraph.extract import patterns as P
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.dates import neighbour_grant_date
from clustergraph.extract.funding_clauses import inverted_funder as _inverted_funder
from clustergraph.extract.funding_clauses import segment_date as _segment_date
from clustergraph.extract.lists import counted_group as _counted_group
from clustergraph.extract.lists import list_intro_date as _list_intro_date
from clustergraph.extract.mentions import with_first_characters
from clustergraph.extract.modality import blocked, clause
from clustergraph.extract.arguments import anaphor_subject, evidence_span, nearest, note_blocked, sentence_date, within
from clustergraph.extract.resolve import Referent

_MEMBER_WITHIN = re.compile(r"\b(?:im|in\s+dem|im\s+Rahmen\s+de[rs]|in\s+the|under(?:\s+(?:the|its|their))?|within\s+the)\s+"
                            r"(?:\w+\s+)?(?:[\w!]+\s+[–—-]\s+)?$")
_AS_NETWORK = re.compile(r"^[\s-]*(?:[Ii]nnovations|[Kk]ooperations)?-?(?:[Nn]etzwerk|[Nn]etwork|innovation\s+network|"
                         r"cooperation\s+network|[Pp]rojekt|project)\b")
_ITS = re.compile(r"\b(?:its|seine[ms]?|ihre[ms]?|dessen|deren)\s+(?:\w+\s+)?$")
_NEW_CLAUSE = re.compile(r"\b(?:und|and|sowie)\s+(?:ist|is|wird|will|hat|has|war|was|gehört|belongs|zählt)\b")
_POSSESSIVE_MANAGEMENT = re.compile(r"^\W*(?:Its|Ihr|Sein)e?s?\s+(?:[Cc]luster-?\s?[Mm]anagement|Geschäftsstelle|office|work|Arbeit)\b")
_MANAGEMENT = re.compile(r"\b(?:[Dd]as|[Dd]em|[Dd]es|[Tt]he|[Uu]nser(?:e[ms]?)?|[Oo]ur)\s+[Cc]luster-?\s?[Mm]anagements?|"
                         r"\b(?:[Dd]ie|[Dd]er)\s+(?:Arbeit\s+der\s+)?Geschäftsstelle\b|\b[Tt]he\s+cluster(?:['’]s)?\s+office\b")
_FUND_HINT = re.compile(r"örder|inanz|fund|inanc|mittel|zuwendung|euro|€|support|unterstütz|grant|verfügung|receiv|erhält|erhielt")
_OF_MINISTRY = re.compile(r"^\s*(?:\([^()]{1,12}\)\s*)?(?:des|der|vom|of\s+the|of)\s+$")
_HEAD_OF = re.compile(r"(?:[Ii]nitiative|[Pp]rogramm?e?s?|[Ww]ettbewerbs?|competition|[Ss]cheme)\s+(?:of|des|der|by|von)\s+(?:the\s+)?$")
_LAND_MONEY = re.compile(r"\b(?:Mitteln|Mittel|Geldern?)\s+des\s+(?:Landes|Freistaat(?:e)?s)\b|\bLandesmitteln?\b|"
                         r"\b[Ss]tate\s+funds\b|\bthe\s+[Ss]tate['’]s\s+budget\b|\bden\s+Rest\s+trägt\s+das\s+Land\b")
# cues not in patterns.ACTIVE_FUNDING: the future of a decided grant, "continued to fund", support with money
# the shared funding cues with a look-ahead for their first characters: the same matches, found faster
_FUNDING = with_first_characters(P.FUNDING)
_ACTIVE_FUNDING = with_first_characters(P.ACTIVE_FUNDING)
_MORE_ACTIVE = re.compile(
    r"\b(?:will|would)\s+fund\b|\bcontinue[sd]?\s+to\s+fund\b|\b(?:has|have)\s+(?:funded|financed)\b|"
    r"\b(?:has|have)\s+supported\b(?=(?:\s+\S+){1,6}?\s+(?:cluster\s+management|management|office)\b)|"
    r"\bunterstützt(?:e)?\s+(?=(?:\S+\s+){1,12}?(?:mit\s+(?:zusammen\s+|insgesamt\s+)?(?:rund\s+|bis\s+zu\s+|über\s+|knapp\s+)?[\d.,]+|aus\s+Landesmitteln|"
    r"aus\s+Mitteln))|\bsupports?\s+(?=(?:\S+\s+){1,12}?with\s+(?:up\s+to\s+|about\s+|around\s+)?(?:EUR|€)\s?[\d.,]+)"
)
_MONEY_OF = re.compile(r"\b(?:Mitteln|Mittel|Geldern|Zuschüssen|funds|money|grants?|support)\s+(?:des|der|von|vom|from|of)\b")
# "receives EUR 300,000 from": the amount before the number (patterns.FUNDING wants it after)
_MORE_PASSIVE = re.compile(r"\breceive[sd]?\s+(?:up\s+to\s+|about\s+|around\s+|more\s+than\s+|almost\s+)?(?:EUR|€)\s?[\d.,]+"
                           r"(?:\s*(?:million|billion|m|bn))?(?=\s+(?:from|of\s+funding|in\s+funding|over|for|per|a\s+year))")
_MORE_ACTIVE, _MORE_PASSIVE = with_first_characters(_MORE_ACTIVE), with_first_characters(_MORE_PASSIVE)
_CONDITION = re.compile(r"\b(?:if|unless|provided\s+that|falls|sofern|wenn|vorausgesetzt)\b")
_DECIDED_FUTURE = re.compile(r"\b(?:will|would)\s+(?=fund\b|receive\b)")
_MONEY = re.compile(r"(?:EUR|€|Euro|euros?)\b|\d\s?(?:Mio|Millionen|million)", re.I)
_CREDIT = re.compile(r"^(?:Gefördert|Finanziert|Unterstützt)\s+(?:von|vom|durch)\b|^(?:Funded|Financed|Supported)\s+by\b|"
                     r"^(?:Förderung|Gefördert\s+durch|Funding|Funded\s+by|Fördermittelgeber|Zuwendungsgeber)\s*:|"
                     r"^(?:Funding|Förderung)\s+(?=[A-ZÄÖÜ])")
_GRANTOR = re.compile(r"\b(?:Zuwendungsgeber|Fördergeber|Geldgeber|Fördermittelgeber)(?:in)?\s+(?:ist|war|sind)\b|"
                      r"\b(?:The\s+)?(?:funding\s+body|funder)\s+is\b")
_SOURCE = re.compile(r"\b(?:[Dd]ie|[Dd]iese|[Dd]as)\s+(?:Förderung|Mittel|Fördermittel|Gelder|Geld|Zuschüsse)\s+(?:stamm|komm|werd|wird)\w*|"
                     r"^\W*(?:The|These|This)\s+(?:grants?|funds|funding|money|subsid(?:y|ies))\s+(?:are|is|was|were|come|comes)\b|"
                     r"\b(?:[Tt]he|[Tt]his)\s+(?:funding|funds|money|grant)\s+(?:comes?|came|is\s+provided)\b")


def _is_fund(ref: Referent) -> bool:
    """Whether ``ref`` names a fund (``EFRE``, ``ESF``): it pays, a cluster does not join it."""
    return bool(P.FUND_NAME.search(ref.name + " " + " ".join(ref.aliases)))


def _owner(ctx: Context, ref: Referent) -> Referent:
    """``ISN’s`` (a possessive met as a name of its own) -> ``ISN``."""
    match = re.fullmatch(r"(.+?)[’']s", ref.name)
    if match is None:
        return ref
    known = ctx.registry.known(match.group(1))
    return known if known is not None and known.type in ORG_TYPES else ref


def _last_ministry(ctx: Context, info: SentenceInfo) -> Referent | None:
    for index in range(info.sentence.index, -1, -1):
        found = [m.ref for m in ctx.infos[index].mentions if m.type == "Ministry"]
        if found:
            return found[-1]
    return None


def _federal(ref: Referent) -> bool:
    names = [ref.name, *ref.aliases]
    return any(n.startswith(("Bundes", "Federal", "German Federal")) or re.fullmatch(r"BM[A-Z][A-Za-z]{0,5}", n)
               for n in names)


def land_ministry(ctx: Context) -> Referent | None:
    """The one Land ministry the announcement names (for ``Mitteln des Landes``), else ``None``."""
    found = {id(m.ref): m.ref for i in ctx.infos for m in i.mentions if m.type == "Ministry" and not _federal(m.ref)}
    return next(iter(found.values())) if len(found) == 1 else None


def _blocked(info: SentenceInfo, cs: int, ce: int) -> str | None:
    """:func:`modality.blocked`, except that a grant with its amount in the future tense is decided."""
    text = info.text
    if _MONEY.search(text) and not _CONDITION.search(text):
        text = _DECIDED_FUTURE.sub(lambda m: " " * len(m.group(0)), text)
    return blocked(text, cs, ce)


def _subject_left(ctx: Context, info: SentenceInfo, cs: int, lo: int, hi: int) -> Referent | None:
    """The funded organisation before a passive cue; ``X, an initiative of the EC funded under ...`` is X."""
    candidates = sorted((m for m in info.mentions if m.type in ORG_TYPES and m.kind != "anaphor"
                         and lo <= info.rel(m.start) and info.rel(m.end) <= cs), key=lambda m: -m.end)
    # "X wird mit Mitteln des Landes und der Europäischen Union gefördert": the union pays, X is funded
    subj = next((m for m in candidates if not _MONEY_OF.search(info.text[max(lo, info.rel(m.start) - 80):info.rel(m.start)])), None)
    if subj is None:
        return None
    if _HEAD_OF.search(info.text[max(lo, info.rel(subj.start) - 40):info.rel(subj.start)]):
        prog = nearest(info, ("Programme",), info.rel(subj.start), lo, hi, "left")
        return prog.ref if prog is not None else None
    return subj.ref


def active_funding(ctx: Context) -> None:
    """``Das BMBF fördert X``, ``The ministry is funding the cluster's project``."""
    for info in ctx.infos:
        if not _FUND_HINT.search(info.lower or info.text.lower()):
            continue
        cues = [c.span() for c in _ACTIVE_FUNDING.finditer(info.text)]
        cues += [c.span() for c in _MORE_ACTIVE.finditer(info.text) if all(c.start() >= e or c.end() <= s for s, e in cues)]
        for cs, ce in cues:
            lo, hi = clause(info.text, cs, ce)
            if _blocked(info, cs, ce):
                continue
            funder = nearest(info, ("Ministry", "Programme", "Organisation"), cs, lo, hi, "left")
            funder_ref = funder.ref if funder else None
            if funder_ref is None and P.GENERIC_MINISTRY.search(info.text[lo:cs]):
                funder_ref = _last_ministry(ctx, info)
            if funder_ref is None:
                funder = _inverted_funder(info, ce, hi)  # "Zusätzlich fördert das Ministerium X ein Projekt des Netzwerks"
                funder_ref = funder.ref if funder else None
                if funder_ref is None:
                    continue
                ce = info.rel(funder.end)
            subj = nearest(info, ORG_TYPES, ce, lo, hi, "right", exclude=(funder_ref,))
            if subj is not None:
                refs = [_owner(ctx, subj.ref)]
            elif P.DISTRIBUTIVE.search(info.text[ce:hi]):
                refs = ctx.group_members()
            elif _counted_group(ctx, info, ce, hi):
                refs = _counted_group(ctx, info, ce, hi)
            elif _MANAGEMENT.search(info.text[ce:hi]) and (info.block or ctx.subject) is not None:
                refs = [_management_owner(ctx, info)]
            else:
                ref = anaphor_subject(ctx, info, ce, hi)
                refs = [ref] if ref else []
            date = _segment_date(info, cs, ce, conjunctions=True) or sentence_date(info, cs)
            if date is None and subj is None and refs and all(r in ctx.group for r in refs):
                date = _list_intro_date(ctx, info)  # "... three new networks ... The networks started work on 1 May 2022:"
            date = date or neighbour_grant_date(ctx.infos, info.sentence.index, info.paragraph) or ctx.issued
            funds = [m.ref for m in info.mentions if m.type == "Programme" and ce <= info.rel(m.start) < hi and _is_fund(m.ref)
                     and re.search(r"(?:aus\s+de[mn]|from\s+the|through\s+the)\s+$", info.text[:info.rel(m.start)])]
            for ref in refs:
                if ref is not funder_ref:
                    ctx.add(ref, "funded by", funder_ref, evidence_span(info), 0.8 if subj else 0.7, date)
                    for fund in funds:  # "fördert X mit 520.000 Euro aus dem EFRE"
                        ctx.add(ref, "funded by", fund, evidence_span(info), 0.75, date)
                    _through(ctx, info, ref, funder_ref, lo, hi, cs, date)


_GRANT_NOTICE = re.compile(r"Förderbescheid|Zuwendungsbescheid|Bewilligungsbescheid|grant\s+(?:notice|agreement|letter)")


def _recipient(info: SentenceInfo, ce: int, hi: int) -> Referent | None:
    if not _GRANT_NOTICE.search(info.text):
        return None
    for m in info.mentions:
        if m.type in ORG_TYPES and m.kind == "name" and ce <= info.rel(m.start) < hi and re.search(
                r"\b(?:an|to)\s+(?:das|den|die|the)?\s*(?:[\w-]+\s+){0,2}$", info.text[max(ce, info.rel(m.start) - 40):info.rel(m.start)]):
            return m.ref
    return None


def _fronted_subject(info: SentenceInfo, ce: int, hi: int) -> Referent | None:
    """The organisation after a fronted funding phrase: the first one named after the funders."""
    funders_end = ce
    for m in sorted(info.mentions, key=lambda m: m.start):
        rel = info.rel(m.start)
        if rel < ce or rel >= hi:
            continue
        if m.type in ("Ministry", "Programme") or (m.type == "Organisation" and rel - funders_end < 12):
            funders_end = max(funders_end, info.rel(m.end))
            continue
        if m.type in ORG_TYPES and m.kind == "name" and re.search(r"[,]|\b(?:hat|has|baut|will|wird|kann|can|is|ist)\b",
                                                                 info.text[funders_end:rel + 1]) is None and rel - funders_end > 40:
            return None
        if m.type in ORG_TYPES and m.kind == "name":
            return m.ref
    return None


def _management_owner(ctx: Context, info: SentenceInfo) -> Referent:
    """Whose ``Geschäftsstelle``/``cluster management``: the cluster named as the subject of a sentence just
    before in the paragraph (``NutzTech gehört ... an. ... Die Geschäftsstelle wird ... gefördert``), else the
    organisation of the block, else the one the announcement is about."""
    if info.block is not None:
        return info.block
    for index in range(info.sentence.index - 1, max(-1, info.sentence.index - 3), -1):
        previous = ctx.infos[index]
        if previous.paragraph != info.paragraph:
            break
        first = next((m for m in previous.mentions if m.type in ORG_TYPES and m.kind == "name"
                      and previous.rel(m.start) <= 3), None)
        if first is not None:
            return first.ref
    return ctx.subject


def _previous_org(ctx: Context, info: SentenceInfo) -> Referent | None:
    """The organisation the sentences before (same paragraph, up to three back) are about."""
    for index in range(info.sentence.index - 1, max(-1, info.sentence.index - 4), -1):
        previous = ctx.infos[index]
        if previous.paragraph != info.paragraph:
            break
        found = next((m.ref for m in previous.mentions if m.type in ORG_TYPES and m.kind == "name"), None)
        if found is not None:
            return found
    return None


def _through(ctx: Context, info: SentenceInfo, subj: Referent, funder: Referent | None, lo: int, hi: int, cs: int,
             date: str | None = None) -> None:
    """Programmes the money comes through: the cluster is a member; ``its`` programme is run by the funder."""
    for m in info.mentions:
        if m.type != "Programme" or not lo <= info.rel(m.start) < hi or m.ref is funder:
            continue  # (a name may run past the clause: "im Programm WIR! – Wandel durch Innovation ...")
        before = info.text[max(lo, info.rel(m.start) - 30):info.rel(m.start)]
        after = info.text[info.rel(m.end):hi]
        as_network = re.search(r"\b(?:als|as\s+an?)\s+$", before) and _AS_NETWORK.match(after)
        if not (_MEMBER_WITHIN.search(before) or as_network):
            continue
        if _is_fund(m.ref):
            continue  # a fund pays; it has no members
        if subj.type in ORG_TYPES:
            ctx.add(subj, "member of programme", m.ref, evidence_span(info), 0.7, sentence_date(info, cs) or
                    (date if date != ctx.issued else None))
        if funder is not None and funder.type == "Ministry":
            entry = m.ref.entry
            runs = entry is None or not entry.run_by or (funder.entry is not None and funder.entry.iri in entry.run_by)
            if runs and (_ITS.search(before) or as_network or _OF_MINISTRY.match(info.text[info.rel(m.end):info.rel(m.end) + 12] + " ")
                         or entry is not None):
                ctx.add(m.ref, "run by", funder, evidence_span(info), 0.65)


def _funders(ctx: Context, info: SentenceInfo, cs: int, lo: int, hi: int, subjects: list) -> list[Referent]:
    """Who pays: the funders named after the cue (``von X und Y``), else a ministry before it."""
    right = []
    for m in info.mentions:
        if m.type in ("Ministry", "Programme", "Organisation") and m.ref not in subjects and within(m, info, cs, hi):
            if right and right[-1].ref is m.ref and re.fullmatch(r"\s*\(?\s*", info.text[info.rel(right[-1].end):info.rel(m.start)]):
                continue  # "Central Innovation Programme for SMEs (ZIM)": one mention
            right.append(m)
    funders: list[Referent] = []
    previous_end = cs
    for index, m in enumerate(right):
        gap = info.text[previous_end:info.rel(m.start)]
        if funders and not re.search(r"\b(?:und|and|sowie|as\s+well\s+as)\b|co-?financ|kofinanz|co-?fund", gap):
            break
        if not funders and (len(gap) > 80 or _NEW_CLAUSE.search(gap)):
            break  # "... gefördert und ist Teil der Cluster-Offensive": not who pays
        following = right[index + 1] if index + 1 < len(right) else None
        if m.type == "Programme" and following is not None and following.type == "Ministry" and \
                _OF_MINISTRY.match(re.sub(r"^\s*\)", "", info.text[info.rel(m.end):info.rel(following.start)])):
            previous_end = info.rel(m.end)  # "under ZIM of the BMWK": the ministry pays through its programme
            continue
        if m.type == "Programme" and not _is_fund(m.ref) and any(s.type in ORG_TYPES for s in subjects) and \
                _MEMBER_WITHIN.search(info.text[max(0, info.rel(m.start) - 30):info.rel(m.start)]):
            previous_end = info.rel(m.end)  # "funded under ZIM": a member of the programme; the programme does not pay
            continue
        if m.type == "Organisation" and following is not None and following.type == "Programme" and \
                re.match(r"^\s*(?:aus\s+de[mn]|from\s+the|through\s+the|under\s+the)\s+$",
                         info.text[info.rel(m.end):info.rel(following.start)]):
            previous_end = info.rel(m.end)  # "Mitteln der Europäischen Union aus dem EFRE": the fund pays
            continue
        funders.append(m.ref)
        previous_end = info.rel(m.end)
    if P.GENERIC_MINISTRY.search(info.text[cs:hi]) or re.search(r"\b(?:the\s+ministry[’']s|des\s+Ministeriums)\b", info.text[cs:hi]):
        ministry = _last_ministry(ctx, info)
        if ministry is not None and ministry not in funders:
            funders.insert(0, ministry)
    if _LAND_MONEY.search(info.text, lo, hi):
        ministry = land_ministry(ctx)
        if ministry is not None and ministry not in funders:
            funders.insert(0, ministry)
    if not funders:
        left = nearest(info, ("Ministry",), cs, lo, hi, "left")
        if left is not None:
            funders.append(left.ref)
    return funders


def _source_before(info: SentenceInfo, lo: int, hi: int, cs: int) -> bool:
    match = _SOURCE.search(info.text, lo, hi)
    return match is not None and match.start() <= cs


def _own_line(ctx: Context, info: SentenceInfo) -> bool:
    start, end = info.sentence.start, info.sentence.end
    return (start == 0 or ctx.text[start - 1] == "\n") and (end >= len(ctx.text) or ctx.text[end] == "\n")


def _recently_funded(ctx: Context, info: SentenceInfo) -> list[Referent]:
    start = ctx.infos[max(0, info.sentence.index - 10)].sentence.start
    return list(dict.fromkeys(f.subject for f in ctx.facts if f.relation == "funded by"
                              and start <= f.evidence[0] < info.sentence.start))


def funding(ctx: Context) -> None:
    active_funding(ctx)
    for info in ctx.infos:
        if not _FUND_HINT.search(info.lower or info.text.lower()):
            continue
        for cue in [*_FUNDING.finditer(info.text), *_MORE_PASSIVE.finditer(info.text), *_SOURCE.finditer(info.text)]:
            cs, ce = cue.span()
            lo, hi = clause(info.text, cs, ce)
            reason = _blocked(info, cs, ce)
            if reason:
                note_blocked(ctx, info, "funded by", reason)
                continue
            subjects: list[Referent] = []
            confidence = 0.85
            group = ctx.group_members() if P.DISTRIBUTIVE.search(info.text[lo:hi]) else []
            group = group or _counted_group(ctx, info, lo, cs)
            recipient = _recipient(info, ce, hi)
            if recipient is not None:
                subjects = [recipient]  # "übergab den Förderbescheid ... an das Netzwerk X"
            elif group:
                subjects, confidence = group, 0.7
            elif _POSSESSIVE_MANAGEMENT.match(info.text[lo:]) and (info.block or _previous_org(ctx, info)) is not None:
                subjects, confidence = [info.block or _previous_org(ctx, info)], 0.7  # "Its cluster management is funded by"
            elif ((cue.re is _FUNDING and cue.group("from")) or _MANAGEMENT.search(info.text[lo:hi])) and \
                    (info.block or ctx.subject) is not None:
                subjects, confidence = [_management_owner(ctx, info)], 0.7
            elif _source_before(info, lo, hi, cs) and _recently_funded(ctx, info):
                subjects, confidence = _recently_funded(ctx, info), 0.7
            else:
                subj = _subject_left(ctx, info, cs, lo, hi)
                if subj is not None:
                    subjects = [subj]
                else:
                    ref = anaphor_subject(ctx, info, lo, hi)
                    if ref is None and _CREDIT.match(info.text) and _own_line(ctx, info) and (info.block or ctx.subject) is not None:
                        ref, confidence = info.block or ctx.subject, 0.6  # a credit line: "Gefördert vom ..."
                    if ref is not None:
                        subjects, confidence = [ref], min(confidence, 0.75)
            if not subjects and cs - lo < 15:
                fronted = _fronted_subject(info, ce, hi)  # "Mit Förderung des BMBF baut X ...", "With funding from Y, X ..."
                subjects = [fronted] if fronted is not None else []
            if not subjects:
                continue
            funders = _funders(ctx, info, cs, lo, hi, subjects)
            date = (_segment_date(info, cs, ce, conjunctions=True)
                    or neighbour_grant_date(ctx.infos, info.sentence.index, info.paragraph) or ctx.issued)
            for subj in subjects:
                for funder in funders:
                    ctx.add(subj, "funded by", funder, evidence_span(info), confidence, date)
                _through(ctx, info, subj, funders[0] if funders else None, lo, hi, cs)
    grantor(ctx)


def _previous_funding_date(ctx: Context, info: SentenceInfo) -> str | None:
    """``X wird seit 2021 gefördert. Zuwendungsgeber ist ...``: the date of the funding sentence before."""
    if info.sentence.index == 0:
        return None
    previous = ctx.infos[info.sentence.index - 1]
    cue = _FUNDING.search(previous.text)
    return _segment_date(previous, cue.start(), cue.end(), conjunctions=True) if cue else None


def grantor(ctx: Context) -> None:
    """``Zuwendungsgeber ist das Ministerium ...``: the ministry funds the announcement's cluster."""
    for info in ctx.infos:
        cue = _GRANTOR.search(info.text)
        if cue is None or (info.block or ctx.subject) is None or blocked(info.text, cue.start(), cue.end()):
            continue
        funder = nearest(info, ("Ministry", "Programme", "Organisation"), cue.end(), cue.end(), len(info.text), "right")
        subjects = [r for r in _recently_funded(ctx, info) if r.type == "Cluster"] or [info.block or ctx.subject]
        if funder is not None and funder.ref not in subjects:
            for subject in subjects:
                date = next((f.date for f in ctx.facts if f.relation == "funded by" and f.subject is subject and f.date),
                            None) or sentence_date(info, cue.start()) or _previous_funding_date(ctx, info) or ctx.issued
                ctx.add(subject, "funded by", funder.ref, evidence_span(info), 0.7, date)
