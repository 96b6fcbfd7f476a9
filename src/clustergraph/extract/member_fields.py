"""The field the members come from: ``Das Netzwerk bündelt Unternehmen aus der Kunststoffverarbeitung und dem
Werkzeugbau``, ``vereint Betriebe aus Weinbau und Kellereitechnik``, ``We bring together companies from the solar and
glass industries``: one sector per field, for the cluster that is the sentence's subject.
"""

from __future__ import annotations

import re

from clustergraph.extract import patterns as P
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.field_words import (CLASSIFYING_ADJECTIVE, EN_WORD, FIELD_HEAD, RELATIVE_BEFORE, UPPER_WORD,
                                              field_asserted, foreign_subject, normalise, refused, split_field)
from clustergraph.extract.label_subjects import own_cluster, previous_cluster
from clustergraph.extract.arguments import evidence_span
from clustergraph.extract.resolve import Referent

# the members and the field they come from: "bündelt Unternehmen aus der Kunststoffverarbeitung und dem Werkzeugbau",
# "vertritt rund 140 Betriebe der Ernährungswirtschaft", "brings together firms from precision farming"
MEMBER_FIELD = re.compile(
    r"\b(?:Unternehmen|Firmen|Betriebe|Akteure|Forschungseinrichtungen|Institute|Hochschulen|Hersteller|Zulieferer|"
    r"Verarbeiter|Prüfinstitute|Mitglieder|Partner|companies|firms|businesses|players|institutes)\s+"
    r"(?:aus\s+(?:der|dem|den)|der|des|from\s+(?:the\s+)?|in\s+(?:the\s+)?)\s*"
    rf"(?:[a-zäöü]+(?:en|er)\s+|[A-ZÄÖÜ][a-zäöü]+er\s+(?=[A-ZÄÖÜ]))?(?P<x>{UPPER_WORD}(?:-\s+(?:und|&|oder)\s+{UPPER_WORD}|"
    rf"\s+(?:und|&)\s+(?:der\s+|dem\s+|des\s+)?{UPPER_WORD})?)(?![\w-])"
)
_CLASSIFIER_BEFORE = re.compile(r"\b(?P<stem>[a-zäöü]*" + CLASSIFYING_ADJECTIVE + r")(?:en|er|e)\s+$")
# words one of which a sentence with a networking verb (patterns.NETWORK_VERB, _JOINED) contains (lower-cased)
VERB_KEYS = ("vernetzt", "bündelt", "verbindet", "vereint", "vereinigt", "together", "connects", "unites", "represents",
              "vertritt", "zusammen")
_JOINED = re.compile(r"\bzusammengeschlossen\b|\bzusammenschließen\b|\b(?:bring|bringen)\s+together\b")
# the members' origin as a sentence of its own: "Die 60 Mitgliedsfirmen kommen überwiegend aus dem Textilmaschinenbau"
_MEMBERS_COME_FROM = re.compile(
    r"\b(?:Mitglieds\w+|Mitglieder|[Mm]embers|[Mm]ember\s+companies)\s+(?:\w+\s+){0,2}?(?:kommen|stammen|come)\s+"
    rf"(?:\w+\s+)?(?:aus|from)\s+(?:der|dem|den|the)\s+(?P<x>{UPPER_WORD}(?:-?\s+(?:und|&)\s+(?:der\s+|dem\s+)?{UPPER_WORD})?)(?![\w-])"
)
# the members' activity as a sentence of its own: "Die Mitglieder sind vor allem in der Luft- und Raumfahrt tätig",
# "Its members work in medical imaging", "member companies are active in the photonics industry"
_MEMBERS_ACTIVE = re.compile(
    r"\b(?:Mitglieds\w+|Mitglieder|[Mm]embers|[Mm]ember\s+companies)\s+(?:(?:von|des|der|of)\s+[\w-]+\s+)?(?:\w+\s+){0,3}?"
    r"(?:sind|arbeiten|are|work|operate)\s+(?:\w+\s+){0,3}?(?:in\s+der|im|in\s+den|in\s+the|in)\s+"
    rf"(?P<x>{UPPER_WORD}(?:-?\s+(?:und|&)\s+{UPPER_WORD})?(?=\s+(?:tätig|aktiv)\b)|"
    rf"{EN_WORD}(?:\s+{EN_WORD})?(?:\s+and\s+{EN_WORD}(?:\s+{EN_WORD})?)?(?=\s+(?:industry|industries|sector)\b|[,.;]|$))"
)
# "Betriebe aus Weinbau und Kellereitechnik": no article, so each part must end in a field's head noun
_MEMBER_FIELD_BARE = re.compile(
    r"\b(?:Unternehmen|Firmen|Betriebe|Akteure|Hersteller|Zulieferer|Mitglieder|Partner)\s+aus\s+"
    rf"(?P<x>{UPPER_WORD}(?:-?\s+(?:und|&|oder)\s+{UPPER_WORD})?)(?![\w-])"
)
# "companies from the solar and glass industries"
_MEMBER_FIELD_EN = re.compile(
    r"\b(?:companies|firms|businesses|players|manufacturers|suppliers|members)\s+(?:from|in|of)\s+(?:the\s+)?"
    rf"(?P<x>{EN_WORD}(?:\s+and\s+{EN_WORD})?)\s+(?P<head>industries|industry|sectors?)\b"
)
_MEMBER_WORDS = frozenset("unternehmen firmen betriebe akteure hersteller zulieferer mitglieder partner norden süden osten "
                          "westen raum umland ausland inland welt praxis wissenschaft forschung".split())


def _sentence_subject(ctx: Context, info: SentenceInfo, verb_start: int) -> Referent | None:
    """The cluster a sentence is about: named at its start, or ``Das Netzwerk``/``The cluster`` there."""
    head = info.text[:verb_start]
    if foreign_subject(head):
        return None  # "Das Projekt verbindet Unternehmen der ...": the project's field
    relative = RELATIVE_BEFORE.search(head)
    if relative:  # "mit GammaNet, das Unternehmen der Luftfahrt vernetzt": the relative's antecedent, or nobody
        antecedent = [m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"
                      and 0 <= relative.start() - info.rel(m.end) <= 1]
        return antecedent[0].ref if antecedent else None
    named = [m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name" and info.rel(m.end) <= verb_start
             and (info.rel(m.start) < 6 or verb_start - info.rel(m.end) <= 2)]  # "... Netzwerk VitiNet bündelt"
    if named:
        return named[0].ref
    if P.ANAPHOR_SUBJECT_START.match(head) or re.match(r"^(?:Die|Der|Das|The)\s+(?:[\w-]+\s+){0,3}?(?:Allianz|Cluster|"
                                                       r"Netzwerk|cluster|network|Verein|Initiative)\b", head):
        return own_cluster(ctx, info)
    return None


def member_fields(ctx: Context) -> None:
    """``Das Netzwerk bündelt Unternehmen aus der Kunststoffverarbeitung und dem Werkzeugbau``: the field the
    members come from, for the cluster that is the sentence's subject (named first, or ``Das Netzwerk``)."""
    for info in ctx.infos:
        origin = _MEMBERS_COME_FROM.search(info.text) if "mitglied" in info.lower or "member" in info.lower else None
        if origin is not None:  # "Die 60 Mitgliedsfirmen kommen überwiegend aus dem Textilmaschinenbau."
            _add_fields(ctx, info, [origin], previous_cluster(ctx, info) or own_cluster(ctx, info))
        active = _MEMBERS_ACTIVE.search(info.text) if "mitglied" in info.lower or "member" in info.lower else None
        if active is not None and not foreign_subject(info.text[:active.start("x")]) \
                and not re.search(r"(?i)\bpartner", info.text[active.start():active.start("x")]) \
                and (active.group("x")[:1].isupper() or re.match(r"\s+(?:industry|industries|sector)\b", info.text[active.end():])
                     or any(m.kind == "sector" and active.start("x") <= info.rel(m.start) < active.end("x") for m in info.mentions)):
            # an English field without a head noun must hold a listed sector word: not "work in close cooperation"
            named = [m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name" and info.rel(m.end) <= active.start("x")]
            _add_fields(ctx, info, [active], named[0].ref if named else previous_cluster(ctx, info) or own_cluster(ctx, info))
        if not any(key in info.lower for key in VERB_KEYS):
            continue
        verb = P.NETWORK_VERB.search(info.text) or _JOINED.search(info.text)
        if verb is None:
            continue
        subject = _sentence_subject(ctx, info, verb.start())
        if subject is None:
            continue
        _add_fields(ctx, info, [*MEMBER_FIELD.finditer(info.text), *_MEMBER_FIELD_BARE.finditer(info.text),
                                *_MEMBER_FIELD_EN.finditer(info.text)], subject, verb.end())


def _add_fields(ctx: Context, info: SentenceInfo, matches: list, subject: Referent | None,
                verb_end: int | None = None) -> None:
    """One ``sector`` fact per field part of each member-field match."""
    if subject is None:
        return
    for match in matches:
        start, end = match.span("x")
        if not field_asserted(info.text, start, end, verb_end=verb_end):
            continue  # "soll künftig Firmen der Wasserstoffwirtschaft vernetzen", "vernetzte früher ..."
        if any(m.kind == "name" and info.rel(m.start) < end and start < info.rel(m.end) for m in info.mentions):
            continue  # a name, not a field
        bare = match.re in (_MEMBER_FIELD_BARE, _MEMBERS_COME_FROM)  # each part must end in a field's head noun
        field = normalise(match.group("x"))
        adjective = _CLASSIFIER_BEFORE.search(info.text, 0, start)
        if adjective and " " not in field and "-" not in field:  # "der pharmazeutischen Biotechnologie"
            field = f"{adjective.group('stem').capitalize()}e {field}"
        for part in split_field(field):
            if refused(part) or part.lower() in _MEMBER_WORDS or (bare and not FIELD_HEAD.search(part.lower())):
                continue
            if match.re is _MEMBER_FIELD_EN and match.group("head") == "industries":
                part = f"{part} industry"  # "the solar and glass industries": solar industry, glass industry (one
                # industry stays the field as the phrase finder names it: "the manufacturing industry" -> manufacturing)
            ref = ctx.registry.get(part, "Sector", use_gazetteer=False)
            ctx.add(subject, "sector", ref, evidence_span(info), 0.7)
