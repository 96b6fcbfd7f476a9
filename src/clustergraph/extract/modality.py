"""Is a statement asserted? Hedges, plans, aims, negation and former roles block a fact.

A hit here is worse than a miss: a label aimed for is not awarded, a planned step is not done,
``nicht``/``not`` negates, a finalist is not a winner. The check looks at the clause around the
cue: the sentence cut at ``;``, ``:`` and contrastive conjunctions (``aber``, ``but``...).

>>> blocked("Wir wollen das Gold-Label erreichen.", 17, 27)
'hedge: wollen'
>>> blocked("X erhielt das Gold-Label.", 2, 9) is None
True
>>> blocked("X wurde von der Jury aber nicht ausgewählt.", 32, 42)
'negation: nicht'
"""

from __future__ import annotations

import functools
import re

_CLAUSE_BREAK = re.compile(r";|\s[–—-]\s|,\s+(?:aber|doch|jedoch|während|but|whereas|while|although|obwohl)\b|\s(?:aber|but)\s")
HEDGES = re.compile(
    r"\b(?:soll|sollen|sollte|sollten|will|wollen|wollte|möchte|möchten|plant|planen|plante|geplant|beabsichtigt|"
    r"strebt|streben|anstreben|angestrebt|Ziel|Ziele|zielt|erhofft|erhoffen|hofft|hoffen|bewirbt|bewerben|beworben|"
    r"Antrag|Anträge|beantragt|beantragen|in\s+Prüfung|engere[nr]?\s+Auswahl|"
    r"Bewerbung|Grundstein|Vorbereitung|vorbereiten|bereitet|bereiten|Weg\s+zu[mr]?|könnte|könnten|würde|würden|"
    r"Kandidat(?:en|in)?|nominiert|Finalist(?:en)?|Endrunde|Voraussetzung|Erlangung|potenziell|künftig|zukünftig|"
    r"would|plans?|planned|planning|intends?|intended|aims?|aiming|aimed|goal|hopes?|hoping|wants?|wanted|seeks?|"
    r"seeking|prepar(?:e|es|ing|ation)|appl(?:y|ies|ied|ication)(?!\s+(?:sciences?|research|physics|mathematics))|candidates?|shortlist(?:ed)?|nominated|finalists?|"
    r"could|might|should|on\s+track|on\s+the\s+way|paves?|groundwork|potential|prospective|webinar|how\s+to|"
    r"next\s+step|eligible|berechtigt|im\s+Blick|anvisiert|anvisieren|visiert|Visier|perspektivisch|langfristig|"
    r"nächste[nr]?\s+Schritt|targets?|targeting|targeted|sights\s+on|has\s+in\s+mind|aspires?|aspiring|peilt|peilen|angepeilt|anpeilen|vorgenommen|vornehmen)\b",
    re.IGNORECASE,
)
FUTURE_EN = re.compile(r"\b(?:will|shall|is\s+going\s+to|are\s+going\s+to)\b")
PURPOSE = re.compile(
    r"\b(?:um\s+.{0,60}?\s)?zu\s+(?:erhalten|erreichen|erlangen|werden|bekommen|gewinnen)\b|"
    r"\b(?:in\s+order\s+)?to\s+(?:receive|obtain|achieve|earn|reach|win|get|become|gain|join)\b",
    re.IGNORECASE,
)
NEGATION = re.compile(
    r"\b(?:nicht(?!\s+nur)|kein|keine|keinen|keinem|keiner|nie|niemals|weder|not(?!\s+only)|never|neither|nor|"
    r"failed|verfehlt|abgelehnt|rejected|no\s+longer|nicht\s+mehr)\b|n't\b",
    re.IGNORECASE,
)
# a state that held once and no longer: "früher ein Netzwerk der Textilindustrie", "used to be the textile cluster"
FORMER = re.compile(
    r"\b(?:früher|ehemals|ehemalige[nmrs]?|einst|einstige[nmrs]?|vormals|ursprünglich|formerly|former|used\s+to|"
    r"originally|previously|until\s+(?:19|20)\d\d|bis\s+(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)
def _breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _CLAUSE_BREAK.finditer(sentence))


def clause(sentence: str, cue_start: int, cue_end: int) -> tuple[int, int]:
    """The clause of ``sentence`` around the cue: offsets (start, end)."""
    start, end = 0, len(sentence)
    for b_start, b_end in _breaks(sentence):
        if b_end <= cue_start:
            start = b_end
        elif b_start >= cue_end:
            end = b_start
            break
    return start, end


def blocked(sentence: str, cue_start: int, cue_end: int, *, allow_prospect: bool = False,
            extra_span: tuple[int, int] | None = None) -> str | None:
    """Why the statement at ``sentence[cue_start:cue_end]`` is not asserted, or ``None``.

    ``allow_prospect`` skips the hedge check (for relations that are prospects themselves, such
    as ``prepares for label``); negation still blocks. ``extra_span`` widens the clause to cover
    the arguments of the relation.
    """
    lo, hi = cue_start, cue_end
    if extra_span:
        lo, hi = min(lo, extra_span[0]), max(hi, extra_span[1])
    start, end = clause(sentence, lo, hi)
    return _verdict(sentence[start:end], allow_prospect)


@functools.lru_cache(maxsize=4096)
def _verdict(text: str, allow_prospect: bool) -> str | None:
    negation = NEGATION.search(text)
    if negation:
        return f"negation: {negation.group(0)}"
    if allow_prospect:
        return None
    hedge = HEDGES.search(text)
    if hedge:
        return f"hedge: {hedge.group(0)}"
    future = FUTURE_EN.search(text)
    if future:
        return f"future: {future.group(0)}"
    purpose = PURPOSE.search(text)
    if purpose:
        return f"purpose: {purpose.group(0)}"
    return None
