"""Quality labels: awarded (not aimed for), the scheme they are awarded under, prepared for.

A label phrase is a tier (``Gold-Label``, ``Qualitätslabel in Silber oder Gold``: two labels) or a
named label (``Label „Cluster-Exzellenz Baden-Württemberg“``). It is *awarded* when an award verb
(erhielt, ausgezeichnet, verliehen, zuerkannt, trägt, was awarded, received, holds, went to...) governs
it in the same clause and nothing hedges or negates it. The recipient is the organisation named before
the verb; with the label first (``Das Gold-Label erhielt X``, ``The Silver label went to X``) or the
verb first (``2013 erwarb X das Label``) the one named after the verb; with an awarder before an
active verb (``ESCA awarded the cluster the label``) the one between verb and label, and the awarder
runs the label. A group (``both clusters``) or an anaphor (``der Allianz``, ``the cluster``) stands
for the clusters it refers to. The award is dated by the date nearest the label in its part of the
sentence; a label held (``holds``, ``trägt``) without a date takes the issue date.

A label is *prepared for* when a prospect cue governs it (Grundstein, strebt an, im Blick, auf dem Weg
zum, working towards, applied for, registered for, hopes to obtain, "the goal for 2026") or a tier names
an assessment (``preparing for its Gold assessment``): by the programme a ``hiermit``/``this`` refers back
to, else by the organisation in subject position before the cue, else the cluster a ``wir``/``we``
stands for. A bare tier (``Silver is the goal for 2026``) counts only in a document about labels and
only with a dated goal.

The scheme: ``Silber-Label der ECEI``, ``granted under the ECEI``, and a plural ``quality labels of
the ECEI`` that covers every tier the document names.
"""

from __future__ import annotations

import re

from clustergraph.extract import patterns as P
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.modality import blocked, clause
from clustergraph.extract.relations import _evidence, _note, anaphor_subject, nearest, sentence_date
from clustergraph.extract.resolve import Referent

_SCHEME_GAP = re.compile(
    r"\W*(?:(?:is|ist|was|war)\s+(?:the|das|die|der)\s+(?:[\w-]+\s+){0,3}?)?"
    r"(?:der|des|of\s+the|of|from\s+the|vom|von\s+der|unter\s+der|under\s+the)?\W*"
)
# "..., which is granted (by ESCA) under the ECEI", "..., das im Rahmen der ECEI vergeben wird"
_SCHEME_CLAUSE = re.compile(
    r"[\"“”»«']?\s*,?\s*(?:which|that|das|die|der|and)?\s*(?:is|are|was|were|wird|werden|wurde)?\s*"
    r"(?:(?:granted|awarded|issued|conferred|vergeben|verliehen)\s+)?(?:by\s+(?:the\s+)?[\w-]+(?:\s+\([^)]*\))?\s+)?"
    r"(?:under|unter|im\s+Rahmen)\s+(?:the|der|des)?\s*"
)
_BY = re.compile(r"[\"“”»«']?\s+(?:by|von|vom|durch)\s+(?:the\s+|der\s+|dem\s+|das\s+)?")

# award verbs beyond patterns.AWARD: dative passives, "went to", re-certification, "sich schmücken"
_AWARD_MORE = re.compile(
    r"\bzuerkannt\b|\bzugesprochen\b|\bschmücken\b|\bschmückt\b|\bwent\s+to\b|\bgoes\s+to\b|\bging\s+an\b|\bgeht\s+an\b|"
    r"\bre-?\s?certified\b|\bre-?\s?zertifiziert\b|\bRezertifizierung\b|\bre-?certification\b|\bbestätigt\b|"
    r"\bconfirmed\b|\bverteidigt\b|\bhold\b|\bhave\s+held\b|\bhas\s+held\b|\bfolgte\b|\bfollowed\b|\bInhaber(?:in)?\b|"
    r"\bholder\b|\bverlieh\b|\bvergab\b|\bpresented\b|\büberreicht(?:e)?\b"
)
# verbs with the awarder as subject: "ESCA awarded X the label", "Die ESCA verlieh dem Cluster das Label"
_ACTIVE_AWARDER = re.compile(r"awarded|granted|awards|grants|verlieh|verleiht|vergab|vergibt|presented|überreicht\w*|conferred")
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being|wurde|wurden|worden|wird|werden|bekommt|bekam|erhielt|erhält)\b")
_HOLDING = re.compile(r"hold|held|holds|hält|trägt|tragen|Träger|Inhaber|holder|schmück", re.I)
# a cue word that only awards when the label is right after it
_NEAR_ONLY = re.compile(r"folgte|followed|bestätigt|confirmed|hold|verteidigt", re.I)
# the cluster named by a noun the pattern module does not treat as an anaphor
_EXTRA_ANAPHOR = re.compile(
    r"\b(?:[Dd](?:er|ie|em|as)|[Tt]he|[Oo]ur|[Uu]nser(?:e[mr]?)?)\s+(?:[\w-]+\s+){0,3}?(?:Allianz|alliance|Verbund|"
    r"[Vv]orstand|board|Clustermanagement|cluster\s+management|Geschäftsstelle|cluster|network)\b"
)
# where a label date stops: a new clause ("after", "nachdem", a comma)
_DATE_PARTS = re.compile(r",\s|;\s|\s(?:after|before|nachdem|bevor|and|und|since\s+then)\s")
# subordinate positions of an organisation: not the one who aims or receives
_OBLIQUE = re.compile(r"\b(?:des|der|dem|vom|von|bei|beim|mit|durch|of|by|from|at|with|to|an|für|for)\s+(?:the\s+)?$")

# prospects beyond patterns.PREPARES: applying, registering, hoping, a goal
_PROSPECT_MORE = re.compile(
    r"\bappl(?:y|ies|ied|ying)\s+for\b|\bapplication\s+for\b|\bregister(?:ed|s)?\s+for\b|\bsigned\s+up\s+for\b|"
    r"\bhopes?\s+to\s+(?:receive|obtain|get|achieve|earn|gain|win)\b|\bhoping\s+to\b|\bgoal\b|\bZiel\b|"
    r"\bbewirbt\s+sich\b|\bbewerben\s+(?:\S+\s+){0,4}?um\b|\bbeworben\b|\bBewerbung\s+um\b|\bangemeldet\b|\bAnmeldung\b|"
    r"\berhofft\b|\bhofft\b|\bhoffen\b|\bmöchte\b|\bwill\s+(?:\S+\s+){0,3}?(?:erreichen|erhalten|erlangen)\b|"
    r"\bwollen\s+(?:\S+\s+){0,4}?(?:erreichen|erhalten|erlangen)\b|\bpeil(?:t|en|te|ten)\s+(?:\S+\s+){0,8}?an\b|\bangepeilt\b|"
    r"\banpeilen\b"
)
# a tier naming the assessment for a label: "its Gold assessment", "ein Bronze-Benchmarking"
_TIER_ASSESSMENT = re.compile(
    r"\b(?P<tier>[Gg]old|[Ss]ilber|[Ss]ilver|[Bb]ronze)[- ]?(?:[Aa]ssessment|[Bb]enchmarking|Begutachtung|[Aa]udit|"
    r"Bewertung|Prüfung|[Ee]valuation)\b"
)
# a bare tier word (not part of a label phrase)
_BARE_TIER = re.compile(r"(?<![\w-])(?P<tier>Gold|Silber|Silver|Bronze)(?![\w-])")
_DATED_GOAL = re.compile(r"\b(?:goal|Ziel|target)\s+(?:for|für)\s+(?:\d{4}|(?:next|this|nächstes|dieses)\s+(?:year|Jahr))\b")
_TIER_NAMES = {"gold": "Gold", "silber": "Silver", "silver": "Silver", "bronze": "Bronze"}
# plural or generic label nouns that cover the tiers of the document: "quality labels of the ECEI"
_GENERIC_LABELS = re.compile(r"\b(?:[Qq]uality\s+labels|[Ll]abels|Qualitätslabels?|Qualitätssiegel|Gütesiegel)\b")
_GENERIC_BY = re.compile(r"\s+(?:are|were|is|was)\s+(?:\w+\s+)?(?:awarded|granted|issued|conferred)\s+by\s+(?:the\s+)?")
_QUESTION = re.compile(r"\?|\b(?:whether|ob)\b")
_TIER_ITEM = re.compile(r"^\W*(?P<tier>Gold|Silber|Silver|Bronze)\s*:")
_LABELISH = re.compile(r"(?i)^(?:gold|silber|silver|bronze)\b|label$")
_RELATIVE = re.compile(r"\b(?:which|that|who)\b")
_LABEL_WORD = re.compile(r"label|siegel|zertifi|certifi|benchmark|gold|silber|silver|bronze", re.I)


def labels(ctx: Context) -> None:
    """Add ``awarded label``, ``awarded under``, ``prepares for label`` (and ``run by`` for awarders)."""
    about_labels = any(info.labels for info in ctx.infos)
    for info in ctx.infos:
        phrases = [(start, end, [ctx.label_ref(tier, info) for tier in tiers]) for start, end, tiers in info.labels]
        phrases += [(m.start, m.end, [m.ref]) for m in info.mentions if m.type == "Label" and m.kind == "name"
                    and not any(s <= m.start < e for s, e, _ in info.labels)]
        for start, end, refs in phrases:
            ls, le = info.rel(start), info.rel(end)
            ctx.last_labels = refs
            _scheme_and_runner(ctx, info, ls, le, refs)
            if not _award(ctx, info, ls, le, refs):
                _prospect(ctx, info, ls, le, refs)
        if _LABEL_WORD.search(info.lower or info.text):
            _assessments(ctx, info, phrases)
            if about_labels:
                _bare_tier_goals(ctx, info, phrases)
        _generic_scheme(ctx, info, phrases)


# --------------------------------------------------------------------------- scheme and runner


def _scheme_and_runner(ctx: Context, info: SentenceInfo, ls: int, le: int, refs: list[Referent]) -> None:
    scheme = _scheme(info, le)
    for ref in refs:
        if scheme is not None:
            ctx.add(ref, "awarded under", scheme, _evidence(info), 0.85)
    by = _BY.match(info.text, le)
    runner = next((m for m in info.mentions if m.type in ("Organisation", "Ministry") and by
                   and info.rel(m.start) == by.end()), None)
    if runner is not None:
        for ref in refs:
            ctx.add(ref, "run by", runner.ref, _evidence(info), 0.75)


def _scheme(info: SentenceInfo, label_end: int) -> Referent | None:
    """The programme a label phrase names as its scheme: ``... in Gold der ECEI``, ``..., which is granted
    under the ECEI``."""
    for m in info.mentions:
        if m.type != "Programme" or info.rel(m.start) < label_end:
            continue
        gap = info.text[label_end:info.rel(m.start)]
        if len(gap) <= 50 and _SCHEME_GAP.fullmatch(gap):
            return m.ref
        if len(gap) <= 80 and _SCHEME_CLAUSE.fullmatch(gap):
            return m.ref
    return None


def _generic_scheme(ctx: Context, info: SentenceInfo, phrases: list) -> None:
    """``The label is granted by ESCA under the ECEI`` (a label named before), ``received quality labels of
    the ECEI`` / ``the three quality labels that ESCA awards under the ECEI: Bronze, Silver and Gold``."""
    if ctx.last_labels and not info.labels:
        generic = P.GENERIC_LABEL.search(info.text)
        under = re.search(r"\b(?:under|unter|im\s+Rahmen)\b", info.text) if generic else None
        if under:
            prog = nearest(info, ("Programme",), under.end(), under.end(), len(info.text), "right")
            if prog is not None:
                for ref in ctx.last_labels:
                    ctx.add(ref, "awarded under", prog.ref, _evidence(info), 0.8)
    for match in _GENERIC_LABELS.finditer(info.text):
        end = match.end()
        by = _GENERIC_BY.match(info.text, end)
        if by is not None:  # "The labels are awarded by the European Secretariat ..."
            runner = next((m for m in info.mentions if m.type in ("Organisation", "Ministry")
                           and info.rel(m.start) == by.end()), None)
            if runner is not None:
                for ref in _document_tiers(ctx):
                    ctx.add(ref, "run by", runner.ref, _evidence(info), 0.7)
        prog = next((m for m in info.mentions if m.type == "Programme" and info.rel(m.start) >= end
                     and info.rel(m.start) - end <= 60), None)
        if prog is None:
            continue
        gap = info.text[end:info.rel(prog.start)]
        awarder = None
        if not _SCHEME_GAP.fullmatch(gap):
            clause_gap = re.fullmatch(r"\s*(?:that|which|die|welche)\s+(?P<who>.{1,40}?)\s+(?:awards?|grants?|vergibt|verleiht)\s+"
                                      r"(?:under|unter|im\s+Rahmen)\s+(?:the|der|des)?\s*", gap)
            if clause_gap is None:
                continue
            awarder = next((m for m in info.mentions if m.type in ("Organisation", "Ministry")
                            and end < info.rel(m.start) < info.rel(prog.start)), None)
        tiers = _listed_tiers(ctx, info, info.rel(prog.end)) or _document_tiers(ctx)
        for ref in tiers:
            ctx.add(ref, "awarded under", prog.ref, _evidence(info), 0.75)
            if awarder is not None:
                ctx.add(ref, "run by", awarder.ref, _evidence(info), 0.7)


def _listed_tiers(ctx: Context, info: SentenceInfo, pos: int) -> list[Referent]:
    """Tiers listed after a colon: ``...: Bronze, Silver and Gold``."""
    match = re.match(r"\s*(?:\([^)]*\))?\s*:\s*((?:(?:Gold|Silber|Silver|Bronze)(?:\s*(?:,|and|und|or|oder)\s*)?){2,})",
                     info.text[pos:])
    if not match:
        return []
    return [ctx.label_ref(_TIER_NAMES[t.lower()], info) for t in _BARE_TIER.findall(match.group(1))]


def _document_tiers(ctx: Context) -> list[Referent]:
    """Every tier the document names as a label, or as the head of a list item (``- Gold: X``)."""
    refs = [ctx.label_ref(tier, other) for other in ctx.infos for _, _, tiers in other.labels for tier in tiers]
    for other in ctx.infos:
        item = _TIER_ITEM.match(other.text)
        if item:
            refs.append(ctx.label_ref(_TIER_NAMES[item.group("tier").lower()], other))
    return list(dict.fromkeys(refs))


def own_cluster(ctx: Context, info: SentenceInfo) -> Referent | None:
    """The cluster an anaphor stands for: the ``About X`` block's, else the announcement's; when the
    headline made a label phrase the subject (``Silber bestätigt: X ...``), the cluster named most often."""
    ref = info.block or ctx.subject
    if ref is not None and not _LABELISH.search(ref.name):
        return ref
    counts: dict = {}
    for other in ctx.infos:
        for m in other.mentions:
            if m.type == "Cluster" and m.kind == "name" and not _LABELISH.search(m.ref.name):
                counts[m.ref] = counts.get(m.ref, 0) + 1
    return max(counts, key=counts.get) if counts else None


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
    return org.ref


def _masked(info: SentenceInfo) -> str:
    """The sentence with the names of programmes and labels blanked (``der European Cluster Excellence
    Initiative`` is no anaphor for a cluster)."""
    text = info.text
    for m in info.mentions:
        if m.type in ("Programme", "Label", "Ministry", "Organisation") and m.kind == "name":
            s, e = max(0, info.rel(m.start)), min(len(text), info.rel(m.end))
            text = text[:s] + "x" * (e - s) + text[e:]
    return text


def _anaphor(ctx: Context, info: SentenceInfo, lo: int, hi: int, strict: bool = False) -> Referent | None:
    """The cluster that ``der Cluster``, ``we``, ``der Vorstand``, ``die Allianz`` stands for in ``[lo, hi)``.

    ``strict`` refuses a noun with a place or proper modifier (``der Turiner Cluster``, ``das Karlsruher
    Netzwerk``): that describes a particular cluster, often another one."""
    text = _masked(info)[lo:hi]
    found = [m.group(0) for pattern in (P.ANAPHOR, _EXTRA_ANAPHOR) for m in pattern.finditer(text)]
    if strict:
        found = [f for f in found if not re.search(r"\s[A-ZÄÖÜ][\w-]*(?:er|ische[nmrs]?|ian|ese|ish)\s", f)]
    if found or (info.is_title and ctx.subject is not None):
        return own_cluster(ctx, info)
    if P.PRONOUN.search(text) and anaphor_subject(ctx, info, lo, hi) is not None:
        return own_cluster(ctx, info)
    return None


# --------------------------------------------------------------------------- awards


def _cues(text: str) -> list[tuple[int, int, str]]:
    found = [(m.start(), m.end(), m.group(0)) for m in P.AWARD.finditer(text)]
    found += [(m.start(), m.end(), m.group(0)) for m in _AWARD_MORE.finditer(text)
              if not any(s <= m.start() < e for s, e, _ in found)]
    return found


def _award(ctx: Context, info: SentenceInfo, ls: int, le: int, refs: list[Referent]) -> bool:
    """Add the award of the label phrase at ``[ls, le)``; whether a cue governed it (asserted or not)."""
    text = info.text
    cues = []
    lo, hi = clause(text, ls, le)
    for cs, ce, word in _cues(text):
        if not (lo <= cs and ce <= hi) or abs(cs - ls) > 120:
            continue  # the verb of another clause ("...; für 2020 peilt das Netzwerk das Gold-Label an")
        if _NEAR_ONLY.fullmatch(word) and not (0 <= ls - ce <= 25):
            continue
        # the nearest cue before the label, else the nearest after it ("Das Gold-Label erhielt X")
        cues.append((cs > ls, abs(cs - ls) if cs < ls else abs(cs - le), cs, ce, word, lo, hi))
    if not cues:
        return False
    _, _, cs, ce, word, lo, hi = min(cues)
    reason = blocked(text, cs, ce, extra_span=(ls, le))
    if reason:
        _note(ctx, info, "awarded label", reason)
        return False
    subjects, confidence = _recipients(ctx, info, cs, ce, word, ls, le, lo, hi, refs)
    date = _label_date(info, ls, le)
    if date is None and _HOLDING.search(word):
        date = ctx.issued
    if date is None:
        date = sentence_date(info, cs) if not _HOLDING.search(word) else None
    for ref in subjects:
        for label in refs:
            ctx.add(ref, "awarded label", label, _evidence(info), confidence, date)
    return True


def _recipients(ctx: Context, info: SentenceInfo, cs: int, ce: int, word: str, ls: int, le: int, lo: int, hi: int,
                refs: list[Referent]) -> tuple[list[Referent], float]:
    text = info.text
    left = nearest(info, ORG_TYPES, min(cs, ls), lo, hi, "left")
    if left is not None and ce <= ls and _ACTIVE_AWARDER.fullmatch(word) and \
            re.fullmatch(r"\W*(?:\([^)]*\)\s*)?(?:has\s+|hat\s+|have\s+)?", text[info.rel(left.end):cs]) and \
            not _PASSIVE.search(text[info.rel(left.end):cs]):
        for ref in refs:  # "ESCA awarded the cluster the label": ESCA runs the label
            ctx.add(ref, "run by", left.ref, _evidence(info), 0.7)
        between = nearest(info, ORG_TYPES, ce, ce, ls, "right")
        if between is not None:
            return [between.ref], 0.85
        if _anaphor(ctx, info, ce, ls) is not None:
            return [r for r in [own_cluster(ctx, info)] if r is not None], 0.7
        return [], 0.0
    if left is not None and not _OBLIQUE.search(text[:info.rel(left.start)]):
        return [left.ref], 0.9
    if cs < ls:  # "2013 erwarb X das Bronze-Label"
        between = nearest(info, ORG_TYPES, ce, ce, ls, "right")
        if between is not None and not _OBLIQUE.search(text[:info.rel(between.start)]):
            return [between.ref], 0.85
    if le <= cs:  # "Das Gold-Label erhielt X", "The Silver label went to X"
        after = nearest(info, ORG_TYPES, ce, ce, hi, "right")
        if after is not None and not re.search(r"\b(?:by|von|vom|durch)\s+(?:the\s+|der\s+|dem\s+)?$",
                                               text[:info.rel(after.start)]):
            return [after.ref], 0.9
    if left is not None:
        return [left.ref], 0.85
    if P.DISTRIBUTIVE.search(text[lo:min(cs, ls)]):
        group = ctx.group_members()
        if group:
            return group, 0.7
    ref = _anaphor(ctx, info, lo, hi)
    return ([ref] if ref else []), 0.7


def _label_date(info: SentenceInfo, ls: int, le: int) -> str | None:
    """The date nearest the label phrase within its part of the sentence."""
    lo, hi = 0, len(info.text)
    for match in _DATE_PARTS.finditer(info.text):
        if match.end() <= ls:
            lo = match.end()
        elif match.start() >= le:
            hi = match.start()
            break
    dates = [d for d in info.dates if lo <= d.start and d.end <= hi and not d.until]
    if not dates:
        return None
    return min(dates, key=lambda d: d.start - le if d.start >= le else ls - d.end).iso


# --------------------------------------------------------------------------- prospects


def _prospect_cues(text: str) -> list[tuple[int, int]]:
    found = [m.span() for m in P.PREPARES.finditer(text)]
    found += [m.span() for m in _PROSPECT_MORE.finditer(text) if not any(s <= m.start() < e for s, e in found)]
    return sorted(found)


def _prospect(ctx: Context, info: SentenceInfo, ls: int, le: int, refs: list[Referent]) -> bool:
    text = info.text
    for cs, ce in sorted(_prospect_cues(text), key=lambda c: abs(c[0] - ls)):
        if blocked(text, cs, ce, allow_prospect=True, extra_span=(ls, le)):
            continue
        lo, hi = clause(text, cs, ce)
        if not (lo <= ls and le <= hi) or _QUESTION.search(text[lo:hi]):
            continue  # "asking whether Silver is a realistic goal": a question states no aim
        subject = _aspirant(ctx, info, cs, lo, hi, ls)
        if subject is None:
            continue
        for label in refs:
            ctx.add(subject, "prepares for label", label, _evidence(info), 0.75)
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
            and info.rel(m.end) <= max(cs, ls) and not _OBLIQUE.search(text[:info.rel(m.start)])]
    if orgs:
        return orgs[0].ref
    ref = _anaphor(ctx, info, lo, hi, strict=True)
    if ref is None and (P.BACK_REFERENCE.search(text[lo:hi]) is None):
        org = nearest(info, ORG_TYPES, cs, lo, hi, "left")
        ref = org.ref if org else None
    return ref


def _assessments(ctx: Context, info: SentenceInfo, phrases: list) -> None:
    """``is preparing for its Gold assessment``, ``registered for a Bronze benchmarking``."""
    for match in _TIER_ASSESSMENT.finditer(info.text):
        ls, le = match.span()
        if any(info.rel(s) <= ls < info.rel(e) for s, e, _ in phrases):
            continue
        ref = ctx.label_ref(_TIER_NAMES[match.group("tier").lower()], info)
        _prospect(ctx, info, ls, le, [ref])


def _bare_tier_goals(ctx: Context, info: SentenceInfo, phrases: list) -> None:
    """``Silver is the goal for 2026``: a bare tier in a dated goal, in a document about labels."""
    goal = _DATED_GOAL.search(info.text)
    if goal is None:
        return
    lo, hi = clause(info.text, goal.start(), goal.end())
    for match in _BARE_TIER.finditer(info.text, lo, hi):
        ls, le = match.span()
        if any(info.rel(s) <= ls < info.rel(e) for s, e, _ in phrases):
            continue
        ref = ctx.label_ref(_TIER_NAMES[match.group("tier").lower()], info)
        subject = _aspirant(ctx, info, goal.start(), lo, hi)
        if subject is None:
            subject = _anaphor(ctx, info, 0, len(info.text))
        if subject is not None and not blocked(info.text, goal.start(), goal.end(), allow_prospect=True, extra_span=(ls, le)):
            ctx.add(subject, "prepares for label", ref, _evidence(info), 0.7)
