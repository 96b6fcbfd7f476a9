"""Pass three, programmes and labels: who launched, runs or awards them (``run by``).

Cues: ``ins Leben gerufen``, ``initiiert``, ``vergibt``, ``launched``, ``run by``, ``managed by``; ``das Programm X des
BMWi``/``the programme of the Federal Ministry``; ``X, an initiative of the European Commission``; the agency that runs
a programme office ``im Auftrag des BMWi``/``on behalf of the BMWi``; whoever ``hat ... mit dem Qualitätslabel X
ausgezeichnet`` or confirmed a label. ``das Label``/``die Labels`` stand for the labels named just before (not after),
or for those listed after a colon (``...: Bronze, Silver and Gold``) or awarded in the list that follows;
``the ministry``/``vom Wirtschaftsministerium`` for the ministry named last.
"""

from __future__ import annotations

import re

from clustergraph.extract import patterns as P
from clustergraph.extract.arguments import asserted_cues, evidence_span, nearest, within
from clustergraph.extract.context import Context, SentenceInfo
from clustergraph.extract.mentions import Mention, with_first_characters
from clustergraph.extract.modality import blocked, clause
from clustergraph.extract.resolve import Referent

_RUNNERS = ("Ministry", "Organisation")  # the types that run a programme or award a label


_ANY_MINISTRY = re.compile(r"\b(?:[Dd]as|[Dd]em|[Dd]es|vom|[Tt]he)\s+(?:Staats|Landes|Bundes|Wirtschafts|Innovations|Forschungs)?"
                           r"[Mm]inist(?:erium|eriums|ry)\b")


def _last_ministry_mention(ctx: Context, info: SentenceInfo) -> Mention | None:
    for index in range(info.sentence.index, max(-1, info.sentence.index - 4), -1):
        found = [m for m in ctx.infos[index].mentions if m.type == "Ministry"]
        if found:
            return found[-1]
    return None


# "X, an initiative of the European Commission", "Y, ein Programm des Landes ..."
_INITIATIVE_OF = re.compile(r"(?:,|\(|\bis)\s*(?:an?|eine?|the|die|das)\s+(?:[\w-]+\s+){0,3}?(?:initiative|programme|program|"
                            r"Initiative|Programm|Förderprogramm|Wettbewerb|competition|funding\s+programme|action|Maßnahme)\s+"
                            r"(?:of|by|des|der|vom|from)\s+(?:the\s+)?$")
# "Das Ministerium hat ... mit dem Qualitätslabel X ausgezeichnet": whoever awards a named label runs it
_ACTIVE_AWARD = re.compile(r"\b(?:hat|haben)\s+(?:\S+\s+){1,16}?(?:ausgezeichnet|verliehen|zuerkannt|bestätigt|verlängert)\b")


def initiative_of(ctx: Context) -> None:
    """``<programme>, an initiative of <organisation or ministry>``: the programme is run by it."""
    for info in ctx.infos:
        if not info.has("Programme"):
            continue
        for m in info.mentions:
            if m.type not in _RUNNERS:
                continue
            link = _INITIATIVE_OF.search(info.text, 0, info.rel(m.start))
            if link is None or link.end() != info.rel(m.start):
                continue
            prog = nearest(info, ("Programme",), link.start(), max(0, link.start() - 80), link.start() + 1, "left")
            if prog is not None and info.text[info.rel(prog.end):link.start()].strip(" )(") in ("", prog.ref.name) \
                    or (prog is not None and re.fullmatch(r"\s*(?:\([^()]{1,12}\))?\s*", info.text[info.rel(prog.end):link.start()])):
                if not blocked(info.text, link.start(), info.rel(m.end), allow_prospect=True):
                    ctx.add(prog.ref, "run by", m.ref, evidence_span(info), 0.8)


def label_awarders(ctx: Context) -> None:
    """``<ministry or organisation> hat ... mit dem Qualitätslabel „X“ ausgezeichnet``: X is run by the awarder."""
    for info in ctx.infos:
        if not (info.has("Label") or info.labels) or not info.has(*_RUNNERS):
            continue
        for cue, lo, hi in asserted_cues(info, _ACTIVE_AWARD):
            cs, ce = cue.span()
            awarder = nearest(info, _RUNNERS, cs, lo, hi, "left")
            if awarder is None:  # "Im Oktober hat das ESCA unser Gold-Label bestätigt": the subject after the verb
                awarder = next((m for m in info.mentions if m.type in _RUNNERS and cs <= info.rel(m.start) <= cs + 25), None)
            if awarder is None or re.search(r"\b(?:von|vom|durch|by)\s+(?:der|dem|den|the)?\s*$",
                                            info.text[max(lo, info.rel(awarder.start) - 12):info.rel(awarder.start)]):
                continue
            labels = [m.ref for m in info.mentions if m.type == "Label" and m.kind == "name" and cs <= info.rel(m.start) < ce]
            labels += [ctx.label_ref(t, info) for s_, _, tiers in info.labels if cs <= info.rel(s_) < ce for t in tiers]
            for label in dict.fromkeys(labels):
                ctx.add(label, "run by", awarder.ref, evidence_span(info), 0.75)


def run_by(ctx: Context) -> None:
    office_runner(ctx)
    initiative_of(ctx)
    label_awarders(ctx)
    for info in ctx.infos:
        if not info.has(*_RUNNERS) and not _ANY_MINISTRY.search(info.text):
            continue
        for cue, lo, hi in asserted_cues(info, P.RUN_BY, allow_prospect=True):
            cs, ce = cue.span()
            runner = nearest(info, _RUNNERS, ce, lo, hi, "right") or nearest(info, _RUNNERS, cs, lo, hi, "left")
            if runner is None and _ANY_MINISTRY.search(info.text[lo:hi]):
                ministry = _last_ministry_mention(ctx, info)  # "the state programme, which the ministry launched"
                runner = ministry
            if runner is None:
                continue
            progs = [m.ref for m in info.mentions if m.type == "Programme" and within(m, info, lo, hi)]
            label_before = [m.ref for m in info.mentions if m.type == "Label" and within(m, info, lo, cs)]
            label_before += [ctx.label_ref(t, info) for s_, e_, tiers in info.labels
                             if lo <= info.rel(s_) and info.rel(e_) <= cs for t in tiers]
            generic = _GENERIC_LABELS.search(info.text, lo, hi)
            if label_before:
                progs = label_before
            elif generic:  # "Das Label wird von ESCA vergeben", "ESCA, das die Labels vergibt"
                progs = (_tier_list(ctx, info, hi) or recent_labels(ctx, info, before=generic.start())
                         or _labels_awarded_next(ctx, info) or progs)
            if not progs:
                if P.GENERIC_PROGRAMME.search(info.text[lo:hi]) and ctx.programme is not None:
                    progs = [ctx.programme]
                elif P.GENERIC_LABEL.search(info.text[lo:hi]):
                    progs = recent_labels(ctx, info, before=P.GENERIC_LABEL.search(info.text[lo:hi]).start() + lo)
            for prog in progs:
                if prog is not runner.ref:
                    ctx.add(prog, "run by", runner.ref, evidence_span(info), 0.8)
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
                ctx.add(prog.ref, "run by", m.ref, evidence_span(info), 0.85)
            elif re.search(r"\b(?:[Dd]as|[Dd]es|[Dd]em|[Dd]er|[Dd]ie|[Tt]he|[Dd]ieses|[Tt]his)\s+(?:Programms?|Wettbewerbs?|Initiative|"
                           r"Förderprogramms?|programme|competition|initiative)$", head) \
                    and ctx.programme is not None and not re.search(r",\s*(?:the|das|der|die)\s+\S+$", head):
                # "das Programm des BMWi" is the programme the announcement is about; "HyLand, the hydrogen-regions
                # programme of the BMDV" (a modifier, an apposition) is another one
                ctx.add(ctx.programme, "run by", m.ref, evidence_span(info), 0.75)


def recent_labels(ctx: Context, info: SentenceInfo, before: int | None = None) -> list[Referent]:
    """The labels named last, in this sentence or up to two before (for ``das Label``, ``the label``).

    With ``before`` (a sentence offset), only labels named before it count in this sentence: in
    ``Das Label wird von ESCA vergeben; ... zuvor mit dem Bronze-Label`` the label is not Bronze.
    """
    for index in range(info.sentence.index, max(-1, info.sentence.index - 3), -1):
        other = ctx.infos[index]
        limit = other.sentence.end if before is None or other is not info else info.start + before
        refs = [ctx.label_ref(tier, other) for s_, _, tiers in other.labels for tier in tiers if s_ < limit]
        refs += [m.ref for m in other.mentions if m.type == "Label" and m.kind == "name" and m.start < limit]
        if refs:
            return list(dict.fromkeys(refs))
    return []


_GENERIC_LABELS = re.compile(
    r"\b(?:[Dd](?:as|er|ie|en|es)|[Tt]he|[Dd]iese[snm]?|[Tt]hese|[Tt]his|[Tt]hose)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:[Qq]ualitäts|Landes|Cluster)?(?:[Ll]abels?|[Qq]uality\s+labels?|[Zz]ertifikate?|[Cc]ertificates?|Gütesiegel|Siegel)\b")
_TIER_LIST = re.compile(r":\s*((?:Bronze|Silber|Silver|Gold)(?:\s*(?:,|und|and|sowie|or|oder)\s*(?:Bronze|Silber|Silver|Gold))+)")
_TIERS_EN = {"Bronze": "Bronze", "Silber": "Silver", "Silver": "Silver", "Gold": "Gold"}


def _tier_list(ctx: Context, info: SentenceInfo, hi: int) -> list[Referent]:
    """``...: Bronze, Silver and Gold`` after the clause: the labels the generic noun stands for."""
    match = _TIER_LIST.search(info.text, hi - 1 if hi else 0)
    if match is None:
        return []
    return [ctx.label_ref(_TIERS_EN[t], info) for t in re.findall(r"Bronze|Silber|Silver|Gold", match.group(1))]


def _labels_awarded_next(ctx: Context, info: SentenceInfo) -> list[Referent]:
    """The labels awarded in the list that follows (``The labels are awarded by X.`` then ``Gold: A``...)."""
    end = ctx.infos[min(len(ctx.infos) - 1, info.sentence.index + 8)].sentence.end
    return list(dict.fromkeys(f.object for f in ctx.facts if f.relation == "awarded label"
                              and info.sentence.end <= f.evidence[0] <= end))


# "im Auftrag des BMWi von der VDI/VDE-IT betreut", "run on behalf of the BMWi by VDI/VDE-IT"
_ON_BEHALF = re.compile(r"\b(?:im\s+Auftrag\s+(?:des|der|vom)|on\s+behalf\s+of(?:\s+the)?)\s+$")
_AGENT_LINK = re.compile(r"^\s*(?:\([^()]{1,12}\)\s*)?(?:von\s+(?:der|dem|den)?|vom|durch\s+(?:die|den|das)?|by(?:\s+the)?)\s*$")
_OFFICE = re.compile(r"Geschäftsstelle|[Pp]rogramm|[Oo]ffice|[Ss]ecretariat|[Bb]egleitforschung|[Pp]rojektträger|"
                     r"[Ww]ettbewerb|[Ii]nitiative|competition")
# the same matches, found faster (a look-ahead for the first characters)
_OFFICE, _INITIATIVE_OF, _GENERIC_LABELS = (with_first_characters(p) for p in (_OFFICE, _INITIATIVE_OF, _GENERIC_LABELS))


_OFFICE_RUN = re.compile(r"\b(?:Geschäftsstelle|Programmbüro|Programmgeschäftsstelle|programme\s+office|program\s+office)\b"
                         r"(?:\s+\S+){0,6}?\s+(?:wird|is|are|werden)\s+(?:\S+\s+){0,6}?(?:von|vom|by)\s+")


def programme_office(ctx: Context) -> None:
    """``Die Geschäftsstelle des Programms X wird von der Y GmbH geführt``: the programme is run by Y."""
    for info in ctx.infos:
        if not info.has("Organisation"):
            continue
        for cue, lo, hi in asserted_cues(info, _OFFICE_RUN):
            cs, ce = cue.span()
            agent = next((m for m in info.mentions if m.type == "Organisation" and 0 <= info.rel(m.start) - ce <= 8), None)
            if agent is None:
                continue
            progs = [m.ref for m in info.mentions if m.type == "Programme" and within(m, info, lo, hi)]
            if not progs and ctx.programme is not None and re.search(r"[Pp]rogramm", info.text[cs:ce]):
                progs = [ctx.programme]
            for prog in progs:
                ctx.add(prog, "run by", agent.ref, evidence_span(info), 0.7)


def office_runner(ctx: Context) -> None:
    """The agency that runs a programme (office) on behalf of a ministry: ``run by`` the agency."""
    programme_office(ctx)
    for info in ctx.infos:
        ministries = [m for m in info.mentions if m.type == "Ministry"]
        if not ministries or not _OFFICE.search(info.text):
            continue
        for ministry in ministries:
            if not _ON_BEHALF.search(info.text[max(0, info.rel(ministry.start) - 30):info.rel(ministry.start)]):
                continue
            after = info.rel(ministry.end)
            agent = next((m for m in info.mentions if m.type == "Organisation" and info.rel(m.start) >= after
                          and _AGENT_LINK.match(info.text[after:info.rel(m.start)])), None)
            if agent is None:
                continue
            lo, hi = clause(info.text, info.rel(ministry.start), info.rel(agent.end))
            if blocked(info.text, info.rel(ministry.start), info.rel(agent.end)):
                continue
            progs = [m.ref for m in info.mentions if m.type == "Programme" and within(m, info, lo, hi)]
            if not progs and ctx.programme is not None and _OFFICE.search(info.text[lo:hi]):
                progs = [ctx.programme]
            agents = [agent.ref]
            previous = agent
            for m in sorted((m for m in info.mentions if m.type == "Organisation" and m.start >= agent.end),
                            key=lambda m: m.start):
                if not re.fullmatch(r"\s*(?:,|and|und|sowie|,\s*and)\s*(?:der|dem|the)?\s*",
                                    info.text[info.rel(previous.end):info.rel(m.start)]):
                    break
                agents.append(m.ref)  # "by VDI/VDE-IT and EuroNorm GmbH"
                previous = m
            for prog in progs:
                for ref in agents:
                    ctx.add(prog, "run by", ref, evidence_span(info), 0.75)
