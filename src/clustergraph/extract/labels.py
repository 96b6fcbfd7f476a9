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

Labels *prepared for* (aimed at, applied for, assessed for) are found by :mod:`label_prospects`; who an
anaphor stands for by :mod:`label_subjects`.

The scheme: ``Silber-Label der ECEI``, ``granted under the ECEI``, and a plural ``quality labels of
the ECEI`` that covers every tier the document names.
"""

from __future__ import annotations

import re

from clustergraph.extract import patterns as P
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.label_prospects import assessments, bare_tier_goals, prospect
from clustergraph.extract.label_subjects import (BARE_TIER, DEFINITE_CLUSTER_NOUN, OBLIQUE, TIER_NAMES, label_anaphor,
                                                  masked, own_cluster, previous_cluster)
from clustergraph.extract.mentions import with_first_characters
from clustergraph.extract.modality import blocked, clause
from clustergraph.extract.arguments import evidence_span, nearest, note_blocked, sentence_date
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
    r"\bholder\b|\bverlieh\b|\bvergab\b|\bpresented\b|\büberreicht(?:e)?\b|"
    # "recognised with the Gold label", "was renewed", "ein mit dem Label ausgezeichnetes Netzwerk"
    r"\brecogni[sz]ed\s+with\b|\brenewed\b|\berneuert\b|\bausgezeichnete[snrm]?\b|"
    # the label as an attribute: "a Silver-label cluster", "Gold-labelled", "ist seit 2018 Gold-zertifiziert"
    r"(?<=[Ll]abel[ -])(?:cluster|network|Cluster|Netzwerk)\b|(?<=-)(?:labell?ed|zertifiziert|certified)\b"
)
# verbs with the awarder as subject: "ESCA awarded X the label", "Die ESCA verlieh dem Cluster das Label"
_ACTIVE_AWARDER = re.compile(r"awarded|granted|awards|grants|verlieh|verleiht|vergab|vergibt|presented|überreicht\w*|conferred")
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being|wurde|wurden|worden|wird|werden|bekommt|bekam|erhielt|erhält)\b")
_HOLDING = re.compile(r"hold|held|holds|hält|trägt|tragen|Träger|Inhaber|holder|schmück", re.I)
# a cue word that only awards when the label is right after it
_NEAR_ONLY = re.compile(r"folgte|followed|bestätigt|confirmed|hold|verteidigt", re.I)
# an auxiliary right before the subject of a label-first clause: "Das Label hat X erhalten"
_AUXILIARY_BEFORE = re.compile(r"\b(?:hat|hatte|haben|hatten|has|had|have)\s+(?:(?:das|die|der|the)\s+(?:[\w-]+\s+){0,2})?$")
# an apposition set off by dashes right before the clause: "X – the Rail Technology Network – received"
_DASH_APPOSITION = re.compile(r"\s[–—]\s[^–—;:]{1,80}\s[–—]\s$")
# a clause that starts with a personal pronoun: "It has held the Bronze label since 2019."
_PRONOUN_START = re.compile(r"\s*(?:It|Es|Er|Sie)\s+(?:has|had|hat|hatte|trägt|holds|received|erhielt)\b")
# a second verb phrase of the same subject: its hedges are not the award's
_COORDINATED_VERB = re.compile(r"\s(?:and|und)\s+(?:has|have|had|is|was|hat|haben|hatte|ist|wurde|will|plans?|plant|wants?)\b")
# a chronicle line of the cluster's own history, a year and the award, no name: "2019: Auszeichnung mit dem ECEI-Silber-Label",
# "2016 – awarded the ECEI Bronze Label"
_CHRONICLE_LINE = re.compile(
    r"^\W*(?:19|20)\d\d\s*[:–—-]\s*(?:Auszeichnung|Verleihung|Zertifizierung|Erhalt|Awarded|awarded|Received|received|"
    r"Award\s+of|Receipt\s+of|erhält|erhielt)\s+(?:mit\s+dem|mit\s+der|des|der|das|the|with\s+the)?\s*$"
)
# where a label date stops: a new clause ("after", "nachdem", a comma)
_DATE_PARTS = re.compile(r",\s|;\s|\s(?:after|before|nachdem|bevor|and|und|since\s+then)\s")
# plural or generic label nouns that cover the tiers of the document: "quality labels of the ECEI"
_AWARD, _AWARD_MORE = with_first_characters(P.AWARD), with_first_characters(_AWARD_MORE)  # the same matches, faster
_GENERIC_LABELS = re.compile(r"\b(?:[Qq]uality\s+labels|[Ll]abels|Qualitätslabels?|Qualitätssiegel|Gütesiegel)\b")
_GENERIC_BY = re.compile(r"\s+(?:are|were|is|was)\s+(?:\w+\s+)?(?:awarded|granted|issued|conferred)\s+by\s+(?:the\s+)?")
_TIER_ITEM = re.compile(r"^\W*(?P<tier>Gold|Silber|Silver|Bronze)\s*:")
# words without which a sentence names no label, assessment or tier (compared lower-cased; cheaper than a regex)
_LABEL_WORDS = ("label", "siegel", "zertifi", "certifi", "benchmark", "gold", "silber", "silver", "bronze")


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
            if not _award(ctx, info, ls, le, refs) and not prospect(ctx, info, ls, le, refs):
                _listed_award(ctx, info, ls, le, refs)
        lower = info.lower or info.text.lower()
        if any(word in lower for word in _LABEL_WORDS):
            assessments(ctx, info, phrases)
            if about_labels:
                bare_tier_goals(ctx, info, phrases)
            _generic_scheme(ctx, info, phrases)


# --------------------------------------------------------------------------- scheme and runner


def _scheme_and_runner(ctx: Context, info: SentenceInfo, ls: int, le: int, refs: list[Referent]) -> None:
    scheme = _scheme(info, le)
    for ref in refs:
        if scheme is not None:
            ctx.add(ref, "awarded under", scheme, evidence_span(info), 0.85)
    by = _BY.match(info.text, le)
    runner = next((m for m in info.mentions if m.type in ("Organisation", "Ministry") and by
                   and info.rel(m.start) == by.end()), None)
    if runner is not None:
        for ref in refs:
            ctx.add(ref, "run by", runner.ref, evidence_span(info), 0.75)


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
                    ctx.add(ref, "awarded under", prog.ref, evidence_span(info), 0.8)
    for match in _GENERIC_LABELS.finditer(info.text):
        end = match.end()
        by = _GENERIC_BY.match(info.text, end)
        if by is not None:  # "The labels are awarded by the European Secretariat ..."
            runner = next((m for m in info.mentions if m.type in ("Organisation", "Ministry")
                           and info.rel(m.start) == by.end()), None)
            if runner is not None:
                for ref in _document_tiers(ctx):
                    ctx.add(ref, "run by", runner.ref, evidence_span(info), 0.7)
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
            ctx.add(ref, "awarded under", prog.ref, evidence_span(info), 0.75)
            if awarder is not None:
                ctx.add(ref, "run by", awarder.ref, evidence_span(info), 0.7)


def _listed_tiers(ctx: Context, info: SentenceInfo, pos: int) -> list[Referent]:
    """Tiers listed after a colon: ``...: Bronze, Silver and Gold``."""
    match = re.match(r"\s*(?:\([^)]*\))?\s*:\s*((?:(?:Gold|Silber|Silver|Bronze)(?:\s*(?:,|and|und|or|oder)\s*)?){2,})",
                     info.text[pos:])
    if not match:
        return []
    return [ctx.label_ref(TIER_NAMES[t.lower()], info) for t in BARE_TIER.findall(match.group(1))]


def _document_tiers(ctx: Context) -> list[Referent]:
    """Every tier the document names as a label, or as the head of a list item (``- Gold: X``)."""
    refs = [ctx.label_ref(tier, other) for other in ctx.infos for _, _, tiers in other.labels for tier in tiers]
    for other in ctx.infos:
        item = _TIER_ITEM.match(other.text)
        if item:
            refs.append(ctx.label_ref(TIER_NAMES[item.group("tier").lower()], other))
    return list(dict.fromkeys(refs))


# --------------------------------------------------------------------------- awards


def _cues(text: str) -> list[tuple[int, int, str]]:
    found = [(m.start(), m.end(), m.group(0)) for m in _AWARD.finditer(text)]
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
    colon = text.find(":", max(ce, le), hi)
    if colon != -1:
        hi = colon  # "X hat sein Silber-Label erneuert: Die ESCA ... bestätigte": the recipient is not after the colon
    aside = _DASH_APPOSITION.search(text, 0, lo)
    if aside is not None and not any(m.type in ORG_TYPES and lo <= info.rel(m.start) < cs for m in info.mentions):
        lo = clause(text, aside.start(), aside.start() + 1)[0]  # "X e.V. – the Rail Network Main-Franconia – received"
    cut = _COORDINATED_VERB.search(text, max(ce, le))  # "received the label ... and has applied for funding"
    reason = blocked(text[:cut.start()] if cut else text, cs, ce, extra_span=(ls, le))
    if reason:
        note_blocked(ctx, info, "awarded label", reason)
        return False
    subjects, confidence = _recipients(ctx, info, cs, ce, word, ls, le, lo, hi, refs)
    if not subjects and _CHRONICLE_LINE.match(text[:ls]) and not re.search(r"\w", text[le:]):
        subjects, confidence = [r for r in [own_cluster(ctx, info)] if r is not None], 0.7  # "2019: Auszeichnung mit dem ..."
    date = _label_date(info, ls, le)
    if date is None and _HOLDING.search(word):
        date = ctx.issued
    if date is None:
        date = sentence_date(info, cs) if not _HOLDING.search(word) else None
    for ref in subjects:
        for label in refs:
            ctx.add(ref, "awarded label", label, evidence_span(info), confidence, date)
    return True


def _recipients(ctx: Context, info: SentenceInfo, cs: int, ce: int, word: str, ls: int, le: int, lo: int, hi: int,
                refs: list[Referent]) -> tuple[list[Referent], float]:
    text = info.text
    left = nearest(info, ORG_TYPES, min(cs, ls), lo, hi, "left")
    if left is not None and re.search(r"\(\s*$", text[:info.rel(left.start)]):  # "European Secretariat ... (ESCA)"
        left = nearest(info, ORG_TYPES, info.rel(left.start), lo, hi, "left") or left
    if left is not None and OBLIQUE.search(text[:info.rel(left.start)]):
        # "X hat die Bewertung durch die ESCA bestanden und trägt nun das Label": the subject before the oblique one
        subject = nearest(info, ORG_TYPES, info.rel(left.start), lo, hi, "left")
        if subject is not None and not OBLIQUE.search(text[:info.rel(subject.start)]):
            left = subject
    if left is not None and ce <= ls and _ACTIVE_AWARDER.fullmatch(word) and \
            re.fullmatch(r"\W*(?:\([^)]*\)\s*)?(?:has\s+|hat\s+|have\s+)?", text[info.rel(left.end):cs]) and \
            not _PASSIVE.search(text[info.rel(left.end):cs]):
        for ref in refs:  # "ESCA awarded the cluster the label": ESCA runs the label
            ctx.add(ref, "run by", left.ref, evidence_span(info), 0.7)
        between = nearest(info, ORG_TYPES, ce, ce, ls, "right")
        if between is not None:
            return [between.ref], 0.85
        if label_anaphor(ctx, info, ce, ls) is not None:
            return [r for r in [own_cluster(ctx, info)] if r is not None], 0.7
        return [], 0.0
    if left is not None and not OBLIQUE.search(text[:info.rel(left.start)]):
        return [left.ref], 0.9
    if cs < ls:  # "2013 erwarb X das Bronze-Label"
        between = nearest(info, ORG_TYPES, ce, ce, ls, "right")
        if between is not None and not OBLIQUE.search(text[:info.rel(between.start)]):
            return [between.ref], 0.85
    if le <= cs:  # "Das Gold-Label erhielt X", "The Silver label went to X"
        after = nearest(info, ORG_TYPES, ce, ce, hi, "right")
        if after is not None and not re.search(r"\b(?:by|von|vom|durch)\s+(?:the\s+|der\s+|dem\s+)?$",
                                               text[:info.rel(after.start)]):
            return [after.ref], 0.9
        # "Das Bronze-Label der ECEI hat X bereits 2014 erhalten": the subject between an auxiliary and the participle
        middle = nearest(info, ORG_TYPES, le, le, cs, "right")
        if middle is not None and _AUXILIARY_BEFORE.search(text[:info.rel(middle.start)]):
            return [middle.ref], 0.85
    if left is not None:
        return [left.ref], 0.85
    if P.DISTRIBUTIVE.search(text[lo:min(cs, ls)]):
        group = ctx.group_members()
        if group:
            return group, 0.7
    ref = label_anaphor(ctx, info, lo, hi)
    if ref is None and (DEFINITE_CLUSTER_NOUN.search(masked(info), lo, hi) or _PRONOUN_START.match(text, lo)):
        ref = previous_cluster(ctx, info)  # "Das Silber-Label hält das Karlsruher Logistiknetzwerk seit 2020.", "It has held"
    return ([ref] if ref else []), 0.7


# the rest of an awards-list item after its label: "– since 2016", "– 2014 to 2016", ": seit 2019"
_LISTED_SINCE = re.compile(r"\s*[–—:-]\s*(?:(?:since|seit)\s+)?(?P<year>(?:19|20)\d\d)(?:\s*(?:to|bis|–|-)\s*(?:(?:19|20)\d\d|today|heute))?\W*$")


def _listed_award(ctx: Context, info: SentenceInfo, ls: int, le: int, refs: list[Referent]) -> None:
    """An item of an awards list on a cluster's own page: ``ECEI Silver Label – since 2016`` (held since 2016),
    ``ECEI Bronze Label – 2014 to 2016`` (held from 2014): the label, a dash and years, nothing else."""
    if re.search(r"\w", info.text[:ls]) or info.is_title:
        return
    match = _LISTED_SINCE.match(info.text, le)
    subject = own_cluster(ctx, info) if match else None
    if subject is None:
        return
    for label in refs:
        ctx.add(subject, "awarded label", label, evidence_span(info), 0.7, match.group("year"))


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
