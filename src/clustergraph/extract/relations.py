"""Pass three: membership facts (``member of programme``) from cues and the mentions around them.

For each cue (:mod:`clustergraph.extract.patterns`) the arguments are the typed mentions in the
same clause: the subject nearest before the cue (else after it), the object nearest the cue.
When the clause names no subject, an anaphor (``der Cluster``, ``das Netzwerk``, ``wir``, ``the
cluster``, ``we``) stands for the organisation the announcement is about, and a programme noun
without a name (``das Programm``, ``the competition``) for the programme it is about. Every
candidate passes :func:`clustergraph.extract.modality.blocked` first.
The argument helpers (:func:`~clustergraph.extract.arguments.nearest`, ``subject_for``,
``sentence_date``, ...) live in :mod:`clustergraph.extract.arguments`; the other relations in
:mod:`~clustergraph.extract.runners`, :mod:`~clustergraph.extract.funding`,
:mod:`~clustergraph.extract.partners`, :mod:`~clustergraph.extract.labels` and the modules
:mod:`clustergraph.extract.pipeline` calls after them.

Dates: a membership takes the date stated in its sentence (else the date of the selection event
reported next to it; when no candidate of the same membership has one, the issue date, see
:func:`undated_memberships`); a label award the date in its sentence or of the event next to it;
roles and funding take a date in their sentence (``seit 2016``) else the announcement's issue date (a
state the announcement reports); a
partnership takes its sentence's date, else that of a signing reported next to it, else the issue
date; ``run by``, ``located in``, ``sector``, ``awarded under`` and ``jurisdiction`` are undated. End
dates (``bis 2023``, ``until 2023``) never date a fact. Relative dates (``heute``, ``am Dienstag``,
``last month``) are resolved against the issue date by :mod:`clustergraph.extract.dates`.
"""

from __future__ import annotations

import re

from clustergraph.extract import patterns as P
from clustergraph.extract.arguments import (asserted_cues, evidence_span, nearest, neighbour_event_date, note_blocked,
                                            previous_about_subject, sentence_date, subject_for)
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.mentions import with_first_characters
from clustergraph.extract.modality import blocked, clause
from clustergraph.extract.resolve import Referent, Registry

# --------------------------------------------------------------------------- membership


# a person joining (a post, a team): no programme membership
_PERSON_JOINS = re.compile(r"\b(?:She|He|she|he)\s+(?:\w+\s+)?$")  # not German "Er": der Cluster is "er" too
_JOINS_PEOPLE = re.compile(r"\s+(?:us|the\s+team|our\s+team|the\s+board|das\s+Team|unser\s+Team)\b")
_MEMBERSHIP = with_first_characters(P.MEMBERSHIP)  # run over every sentence: the same matches, found faster


def membership(ctx: Context) -> None:
    admissions(ctx)
    more_memberships(ctx)
    for info in ctx.infos:
        for cue in _MEMBERSHIP.finditer(info.text):
            cs, ce = cue.span()
            lo, hi = clause(info.text, cs, ce)
            reason = blocked(info.text, cs, ce) or ("former" if former(info, lo, hi) else None)
            if reason:
                note_blocked(ctx, info, "member of programme", reason)
                continue
            if _PERSON_JOINS.search(info.text[max(0, cs - 12):cs]) or _JOINS_PEOPLE.match(info.text[ce:ce + 12]):
                continue  # "She joins us from ...", "joins the team": a person taking up a post
            prog = nearest(info, ("Programme",), ce, lo, hi, "right") or nearest(info, ("Programme",), cs, lo, hi, "left")
            confidence = 0.9
            status = _status_programme(ctx, info.text[cs:min(hi, ce + 40)])
            if prog is not None:
                obj = prog.ref
            elif status is not None:
                obj, confidence = status, 0.75  # "als Spitzencluster ausgewählt": the competition that names them
            elif P.GENERIC_PROGRAMME.search(info.text[lo:hi]) or (P.STRONG_MEMBERSHIP.search(cue.group(0)) and ctx.programme):
                if _joins_organisation(info, ce, hi):
                    continue  # "wird Mitglied im Netzwerk X": a member of the network, not of a programme
                obj, confidence = ctx.programme, 0.7
            else:
                continue
            subj, sconf = subject_for(ctx, info, cs, lo, hi)
            if subj is None and P.PRONOUN_START.match(info.text) and previous_about_subject(ctx, info):
                subj, sconf = ctx.subject, 0.7
            if subj is None and _NOMINAL_START.match(info.text[:cs]) and cue.group(0).startswith("Aufnahme"):
                subj, sconf = info.block or ctx.subject, 0.6  # a timeline entry: "Im Mai Aufnahme in das Programm X"
            if subj is None or subj.type not in ORG_TYPES:
                continue
            if prog is None and status is None and subj.type != "Cluster" and subj is not (info.block or ctx.subject):
                continue  # "58 Betriebe sind Mitglied, dazu die Hochschule X": members of the network, not of a programme
            date = sentence_date(info, cs) or neighbour_event_date(ctx, info)
            ctx.add(subj, "member of programme", obj, evidence_span(info), min(confidence, sconf), date)


def undated_memberships(ctx: Context) -> None:
    """Give the issue date to memberships no sentence dates (a state the announcement reports).

    Run after every stage has added its candidates, so that a date stated anywhere for the same
    membership (``Im Juni 2014 wurde X aufgenommen``) wins over the issue date.
    """
    dated = {(Registry.final(c.subject).id, Registry.final(c.object).id) for c in ctx.facts
             if c.relation == "member of programme" and c.date}
    for cand in ctx.facts:
        if cand.relation == "member of programme" and not cand.date and cand.basis == "text" and \
                (Registry.final(cand.subject).id, Registry.final(cand.object).id) not in dated:
            cand.date = ctx.issued


# active admission: "The ministry has admitted the X cluster, a network of ..., to the Cluster-Offensive"
_ADMITS = re.compile(r"\b(?:has|have|had)\s+admitted\b|\bnahm(?:en)?\b(?=(?:\s+\S+){1,12}?\s+(?:in|ins)\s+(?:\S+\s+){0,4}?\S+\s+auf\b)")


# membership cues not in patterns.MEMBERSHIP: "ist Teil des Bundesprogramms X", "has been part of the X",
# the relative clause "das Netzwerk X, das zur Cluster-Offensive gehört"
_MORE_MEMBERSHIP = re.compile(
    r"\bTeil\s+(?:des|der)\s+(?=(?:\S+\s+){0,2}?\S*(?:programm|Programm|initiative|Initiative|wettbewerb|Wettbewerb|[Oo]ffensive))|"
    r"\b(?:has|have|had)\s+been\s+(?:a\s+)?part\s+of\b|\b(?:is|are)\s+now\s+part\s+of\b|"
    r"^(?:Since|Seit)\s+(?:\S+\s+){1,3}?(?:part\s+of|Teil\s+(?:des|der))\s|"  # a list entry: "Since May 2022 part of the X"
    r"\b(?:belongs|belong|have\s+belonged|has\s+belonged)\s+to\b|"
    r"\bgehör(?:t|en|te|ten)\s+(?:\S+\s+){0,3}?(?:dem|der)\s+(?:\S+\s+){0,3}?\S+\s+an\b|"
    r"\b(?:is|are|has\s+been|have\s+been)\s+(?:an?\s+)(?:\S+\s+){0,2}?member\b(?!\s+of)|"
    r"\b(?:is|are|was|ist|war)\s+(?:now\s+)?(?:one\s+of|eine[rs]?\s+(?:von|der))\s+(?:the\s+|den\s+|die\s+)?(?:\d+|\w+)\s+(?:\w+\s+)?(?=\S)|"
    r"\b(?:das|der|die|which|that)\s+(?:seit\s+\S+\s+(?:\S+\s+)?)?(?:zur|zum|zu\s+den)\s+(?:\S+\s+){0,4}?\S+\s+gehör(?:t|en|te|ten)\b"
)


_FORMER = re.compile(r"\b(?:former|formerly|ehemalig\w*|früher\w*|left|verließ|verlassen|ausgeschieden|ausgetreten|"
                     r"no\s+longer|nicht\s+mehr|[Uu]ntil|[Bb]is\s+(?:zum\s+|Ende\s+|Mitte\s+)?\d+)\b")
# "im Spitzencluster-Wettbewerb ausgezeichnet", "hat sich im Zukunftscluster-Wettbewerb durchgesetzt": a winner
_COMPETITION_WIN = re.compile(r"\b(?:ausgezeichnet|prämiert|durchgesetzt|gewonnen|erfolgreich|won|succeeded|successful)\b")


def former(info: SentenceInfo, lo: int, hi: int) -> bool:
    """Whether the clause speaks of a membership that has ended (``was a member until 2020``)."""
    return bool(_FORMER.search(info.text, lo, hi))


def competition_winners(ctx: Context) -> None:
    for info in ctx.infos:
        for m in info.mentions:
            if m.type != "Programme" or not re.search(r"[Ww]ettbewerb|[Cc]ompetition", " ".join([m.ref.name, *m.ref.aliases])):
                continue
            before = info.text[max(0, info.rel(m.start) - 12):info.rel(m.start)]
            if not re.search(r"\b(?:im|beim|in\s+the)\s+$", before):
                continue
            lo, hi = clause(info.text, info.rel(m.start), info.rel(m.end))
            win = _COMPETITION_WIN.search(info.text, lo, hi)
            if win is None or blocked(info.text, win.start(), win.end()) or former(info, lo, hi):
                continue
            subj, _ = subject_for(ctx, info, info.rel(m.start), lo, hi)
            if subj is not None and subj.type in ORG_TYPES:
                ctx.add(subj, "member of programme", m.ref, evidence_span(info), 0.7, sentence_date(info, info.rel(m.start)))


def more_memberships(ctx: Context) -> None:
    competition_winners(ctx)
    for info in ctx.infos:
        if not info.has("Programme"):
            continue
        for cue, lo, hi in asserted_cues(info, _MORE_MEMBERSHIP):
            cs, ce = cue.span()
            inside = [m for m in info.mentions if m.type == "Programme" and cs <= info.rel(m.start) and info.rel(m.end) <= ce]
            prog = inside[0] if inside else nearest(info, ("Programme",), ce, lo, hi, "right")
            if prog is None or former(info, lo, hi) or (not inside and info.rel(prog.start) - ce > 40):
                continue
            subj, _ = subject_for(ctx, info, cs, lo, hi)
            if cs == 0 and cue.group(0)[:1] == "S":  # "Since May 2022 part of the X": the entry's own organisation
                subj = info.block or ctx.subject
            subjects = [subj] if subj is not None else []
            if P.DISTRIBUTIVE.search(info.text, lo, hi) and (subj is None or subj is ctx.subject):
                subjects = ctx.group_members() or subjects  # "alle drei gehören dem Programm go-cluster an"
            date = sentence_date(info, cs) or neighbour_event_date(ctx, info)
            for subj in subjects:
                if subj.type in ORG_TYPES and subj is not prog.ref:
                    ctx.add(subj, "member of programme", prog.ref, evidence_span(info), 0.75, date)


def admissions(ctx: Context) -> None:
    """``<ministry> has admitted <cluster> to <programme>``: the admitted cluster is a member."""
    for info in ctx.infos:
        if not info.has("Programme"):
            continue
        for cue, lo, hi in asserted_cues(info, _ADMITS):
            cs, ce = cue.span()
            member = nearest(info, ORG_TYPES, ce, lo, hi, "right")
            if member is None:
                continue
            prog = nearest(info, ("Programme",), info.rel(member.end), lo, hi, "right")
            if prog is None or not re.search(r"\b(?:to|into|in|ins|zur|zum)\s+(?:the\s+|die\s+|den\s+|das\s+)?(?:\S+\s+)?$",
                                             info.text[max(lo, info.rel(prog.start) - 25):info.rel(prog.start)]):
                continue
            date = sentence_date(info, info.rel(prog.end)) or neighbour_event_date(ctx, info) or ctx.issued
            ctx.add(member.ref, "member of programme", prog.ref, evidence_span(info), 0.8, date)


# what may precede a nominal entry ("2012: ", "Im Mai ", "Seit 2015 ", "- "): no subject of its own
_NOMINAL_START = re.compile(r"^[\W\d]*(?:(?:Im|In|Am|Seit|Ab|Zum|Since|From|In)\s+(?:\S+\s+){0,2}?)?$")


# the status a competition or programme confers -> the programme (its name in the reference data)
_STATUS = re.compile(r"\b(?:als|zum|zu\s+einem|as\s+an?|as\s+one\s+of\s+the|one\s+of\s+the)\s+(?:neue[nrs]?\s+|new\s+|\w+\s+)?"
                     r"(?P<status>Spitzencluster|Leading-Edge\s+Clusters?|Zukunftscluster|Future\s+Clusters?|Euroclusters?)\b")
_STATUS_PROGRAMMES = {"spitzencluster": "Spitzencluster-Wettbewerb", "leading-edge cluster": "Spitzencluster-Wettbewerb",
                      "zukunftscluster": "Zukunftscluster-Initiative", "future cluster": "Zukunftscluster-Initiative",
                      "eurocluster": "Euroclusters"}


def _status_programme(ctx: Context, text: str) -> Referent | None:
    """``ausgewählt als Spitzencluster`` -> the Spitzencluster-Wettbewerb, when the reference data knows it."""
    match = _STATUS.search(text)
    if match is None:
        return None
    key = re.sub(r"\s+", " ", match.group("status").lower()).rstrip("s")
    name = _STATUS_PROGRAMMES.get(key)
    if name is None or ctx.registry.gazetteer.lookup(name, type="Programme") is None:
        return None
    return ctx.registry.get(name, "Programme")


def _joins_organisation(info: SentenceInfo, ce: int, hi: int) -> bool:
    """Whether the cue is followed by the organisation joined (``Mitglied im Netzwerk X``, ``member of X``)."""
    return any(m.type in ORG_TYPES and m.kind == "name" and 0 <= info.rel(m.start) - ce <= 30 and info.rel(m.start) < hi
               and re.match(r"^\s*(?:im|in|in\s+der|in\s+dem|bei|beim|des|der|von|of|in\s+the|of\s+the)?\s*"
                            r"(?:[\w-]*(?:[Nn]etzwerks?|[Cc]lusters?|[Vv]ereins?|[Vv]erbands?|network|association)\s+)?$",
                            info.text[ce:info.rel(m.start)])
               for m in info.mentions)
