"""Seat statements around a named organisation (``located in``): :func:`seat_predicates` reads
``mit Hauptsitz in``, ``with offices in A and B``, ``Die Geschäftsstelle von X befindet sich in``,
``Standort des Clusters X ist``, ``X's office is in``, ``X ist in Y ansässig``, ``das in Y
beheimatete Netzwerk X``, ``X ist das Netzwerk für Y``, and ``Das in Y ansässige Netzwerk der ...``
for the text's cluster.

Kept out: a former seat (``formerly based in``, ``früher``), hedged or negated clauses, and a
foreign country joined to the seat (``mit Büros in Hamburg und Dänemark``).
"""

from __future__ import annotations

import re

from clustergraph.extract import lexicon
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.place_phrases import COPULA_HEAD, IN_BEFORE, locally_blocked
from clustergraph.extract.arguments import evidence_span

# the seat nouns a text uses for where an organisation sits
_SEAT_NOUN = (r"(?:Haupt)?[Ss]itz|Geschäftsstellen?|Standort(?:e|en)?|Büros?|Zentrale|offices?|headquarters|head\s+office|"
              r"main\s+office|seat|base")
# "mit Hauptsitz in", "with offices in", "mit Geschäftsstellen in": right after the name
_WITH_SEAT = re.compile(r"^\s*,?\s+(?:mit|with)\s+(?:(?:its|seinem|seiner|ihrem|ihrer)\s+)?(?:" + _SEAT_NOUN + r")\s+in\s+"
                        r"(?:der\s+|dem\s+|the\s+)?$")
# "Die Geschäftsstelle von X", "Standort des Clusters X", "The office of X": before the name
_SEAT_OF = re.compile(r"(?:^|[\s(„“\"])(?:[Dd]ie\s+|[Dd]er\s+|[Tt]he\s+)?(?:" + _SEAT_NOUN + r")\s+(?:von|des|der|of)\s+"
                      r"(?:the\s+)?(?:[a-zäöü][\w-]*e[nms]?\s+)?(?:(?:[\w-]*Netzwerks|[\w-]*Netzwerkes|[\w-]*Clusters|Vereins|Verbunds|"
                      r"Verbundes|cluster|network|association)\s+)?$")
# ... "befindet sich in", "liegt in", "ist (in)", "is (located) in": between the name and the place
_SEAT_OF_VERB = re.compile(r"^\s+in\s+$|^\s+(?:befindet\s+sich|befinden\s+sich|liegt|liegen|ist|sind|bleibt|is|are|remains)\s+"
                           r"(?:weiterhin\s+|auch\s+künftig\s+|seit\s+\d{4}\s+|since\s+\d{4}\s+|still\s+)?"
                           r"(?:(?:located|based|situated)\s+)?(?:in\s+(?:der\s+|dem\s+|the\s+)?|im\s+)?$")
# "X's office is in", "X’s headquarters are located in"
_POSSESSIVE_SEAT = re.compile(r"^[’']s\s+(?:cluster\s+|network\s+)?(?:" + _SEAT_NOUN + r")\s+(?:is|are|remains)\s+"
                              r"(?:still\s+)?(?:(?:located|based|situated)\s+)?in\s+(?:the\s+)?$")
# "X ist in Y ansässig", "X ist im Sauerland beheimatet"
_IS_IN = re.compile(r"^\s+(?:ist|sind|war)\s+(?:seit\s+\d{4}\s+)?(?:in\s+(?:der\s+|dem\s+)?|im\s+)$")
_RESIDENT_WORD = re.compile(r"^\s+(?:ansässig|beheimatet|zu\s+Hause|zuhause|angesiedelt|verwurzelt|verankert)\b")
_RESIDENT_ATTRIBUTE = re.compile(r"^\s+(?:ansässige|beheimatete|gelegene|angesiedelte)[nrs]?\s+")
_OPENING_ARTICLE = re.compile(r"^\s*(?:Das|Der|Die)\s+(?:in|im)\s+(?:der\s+|dem\s+)?$")
_CLUSTER_NOUN_NO_NAME = re.compile(r"(?:[\w-]*(?:Netzwerk|Cluster|Verbund)|Verein)\s+(?:der|des|für|[a-zäöü])")
_FORMER = re.compile(r"\b(?:formerly|previously|once|früher|ehemals|einst|bisher|bislang|until\s+\d{4}|bis\s+\d{4})\s+"
                     r"(?:(?:was|were|had|hatte|war)\s+)?(?:\S+\s+){0,3}$", re.I)
# "X ist das Biokatalyse-Netzwerk für Hamburg", "X is the cluster for Saxony"
_COPULA_FOR = re.compile(COPULA_HEAD + r"\s+(?:for|für)\s+(?:the\s+|das\s+|den\s+)?$")
_AND_NEXT = re.compile(r"^(?:\s*,\s*|\s+(?:und|and|sowie)\s+|\s*,\s*(?:und|and)\s+)$")


def _also_coordinated(ctx: Context, info: SentenceInfo, subject, region) -> None:
    """``mit Geschäftsstellen in Hamburg und Kiel``: the places joined to the first one."""
    last = region
    for nxt in sorted((m for m in info.mentions if m.type == "Region" and m.kind == "name" and m.start > region.start),
                      key=lambda m: m.start):
        gap = info.text[info.rel(last.end):info.rel(nxt.start)]
        if not _AND_NEXT.match(gap) or lexicon.COUNTRIES.get(nxt.ref.name) and nxt.ref.name != "Deutschland":
            break
        ctx.add(subject, "located in", nxt.ref, evidence_span(info), 0.7)
        last = nxt


def seat_predicates(ctx: Context, info: SentenceInfo) -> None:
    """Seat statements around a named organisation: ``mit Hauptsitz in``, ``with offices in A and B``,
    ``Die Geschäftsstelle von X befindet sich in``, ``Standort des Clusters X ist``, ``X's office is in``,
    ``X ist in Y ansässig``, ``das in Y ansässige/beheimatete/gelegene Netzwerk X``. A former seat
    (``formerly``, ``früher``) and hedged or negated clauses assert nothing."""
    text = info.text
    orgs = [m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"]
    if not orgs and not re.match(r"\s*(?:Das|Der|Die)\s+(?:in|im)\s", text):
        return
    for region in (m for m in info.mentions if m.type == "Region" and m.kind == "name"):
        rs, re_ = info.rel(region.start), info.rel(region.end)
        subject = None
        for org in orgs:
            os_, oe = info.rel(org.start), info.rel(org.end)
            if oe > rs or org.ref is region.ref:
                continue
            gap = text[oe:rs]
            if _WITH_SEAT.match(gap) or _POSSESSIVE_SEAT.match(gap) or \
                    (_SEAT_OF.search(text[max(0, os_ - 60):os_]) and _SEAT_OF_VERB.match(gap)) or \
                    (_IS_IN.match(gap) and _RESIDENT_WORD.match(text[re_:])) or _COPULA_FOR.match(gap):
                subject = org
        if subject is None and IN_BEFORE.search(text[:rs]):
            attribute = _RESIDENT_ATTRIBUTE.match(text[re_:re_ + 60])
            tail = re_ + attribute.end() if attribute else -1
            subject = next((o for o in orgs if attribute and tail <= info.rel(o.start) <= tail + 30
                            and re.fullmatch(r"(?:[\w-]+\s+){0,2}", text[tail:info.rel(o.start)])), None)
        if subject is None and IN_BEFORE.search(text[:rs]) and _OPENING_ARTICLE.match(text[:rs]):
            attribute = _RESIDENT_ATTRIBUTE.match(text[re_:re_ + 60])
            if attribute and _CLUSTER_NOUN_NO_NAME.match(text[re_ + attribute.end():]) and \
                    not locally_blocked(text, 0, re_ + attribute.end() + 20) and not _FORMER.search(text[:rs]):
                # "Das in Rendsburg ansässige Netzwerk der digitalen Landwirtschaft war ...": the text's cluster
                home = info.block or ctx.subject
                if home is not None and not any(o.ref is not home for o in orgs if info.rel(o.start) < re_ + 80):
                    ctx.add(home, "located in", region.ref, evidence_span(info), 0.7)
            continue
        if subject is None:
            continue
        lo = min(info.rel(subject.start), rs)
        if locally_blocked(text, lo, re_) or _FORMER.search(text[max(0, rs - 40):rs]):
            continue
        ctx.add(subject.ref, "located in", region.ref, evidence_span(info), 0.75)
        _also_coordinated(ctx, info, subject.ref, region)


__all__ = ["seat_predicates"]
