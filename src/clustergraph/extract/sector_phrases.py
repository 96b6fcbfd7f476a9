"""Sectors named by the phrase around a cluster noun, for fields outside the closed list in ``lexicon.SECTORS``.

German and English announcements name a cluster's field in a few fixed ways: ``Cluster für Weinbau``,
``Luft- und Raumfahrtcluster``, ``Netzwerk der Glas-Branche``, ``im Bereich Kreislaufwirtschaft``,
``the textile cluster``, ``the cluster for wine technology``, ``in the field of robotics``, ``the glass
industry``. ``sector_phrase`` finds such a phrase in a sentence and returns the field, normalised; heads
that are no field (``Spitzencluster``, ``Innovationscluster``, Land and city names, programme words) are
refused. ``phrase_sectors`` turns the phrases into ``sector`` facts for the cluster they describe.

>>> [p.name for p in sector_phrases("Der schwäbische Luft- und Raumfahrtcluster ProLuft wächst.")]
['Luft- und Raumfahrt']
>>> [p.name for p in sector_phrases("VinoTec is the cluster for wine technology in the Palatinate.")]
['wine technology']
>>> sector_phrases("Der Spitzencluster und das Innovationscluster-Netzwerk.")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clustergraph.extract import lexicon
from clustergraph.extract import patterns as P
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.subjects import described_cluster, subject_before
from clustergraph.extract.relations import _evidence
from clustergraph.extract.resolve import Referent

_UPPER_WORD = r"[A-ZÄÖÜ][a-zäöüß]+"
_LOWER_WORD = r"[a-z]+"
# "Luft- und Raumfahrt", "Life-Sciences", "Glas"
_DE_FIELD = rf"{_UPPER_WORD}(?:-\s+(?:und|&)\s+{_UPPER_WORD}|-{_UPPER_WORD})?"
_DE_FIELD_WORDS = rf"{_UPPER_WORD}(?:(?:-\s+|\s+)(?:und|&)\s+{_UPPER_WORD})?"
_EN_FIELD = rf"{_LOWER_WORD}(?:\s+{_LOWER_WORD})?(?:\s+and\s+{_LOWER_WORD})?"

_PATTERNS = [
    # "Luft- und Raumfahrtcluster", "Photonik-Cluster", "Life-Sciences-Clusters"
    re.compile(rf"(?<![\w-])(?P<x>{_DE_FIELD})(?:-[Cc]luster|cluster)(?:s|n)?(?![\w-])"),
    re.compile(rf"\b(?:Cluster|Netzwerk)(?:s|es)?\s+für\s+(?:die\s+|den\s+|das\s+)?(?P<x>{_DE_FIELD_WORDS})(?![\w-])"),
    re.compile(rf"\b(?:Netzwerk|Cluster)(?:s|es)?\s+der\s+(?P<x>{_DE_FIELD})-?[Bb]ranche\b"),
    re.compile(rf"\bin\s+der\s+(?P<x>{_DE_FIELD})-?[Bb]ranche\b"),
    re.compile(rf"\bim\s+Bereich\s+(?:der\s+|des\s+)?(?P<x>{_DE_FIELD_WORDS})(?![\w-])"),
    re.compile(rf"\b[Tt]he\s+(?P<x>{_LOWER_WORD}(?:\s+{_LOWER_WORD})?)\s+cluster\b"),
    re.compile(rf"\b(?:cluster|network)\s+(?:for|of)\s+(?:the\s+)?(?P<x>{_EN_FIELD})(?=\s+in\b|\s+industry\b|[,.;:)]|\s*$)"),
    re.compile(rf"\bin\s+the\s+fields?\s+of\s+(?P<x>{_EN_FIELD})(?=\s+in\b|[,.;:)]|\s*$)"),
    re.compile(rf"\b(?:the|[Tt]he|its|local|regional)\s+(?P<x>{_LOWER_WORD})\s+industry\b"),
    # "the Portuguese agri-food cluster X", "the Ulm-based sensor technology cluster"
    re.compile(rf"\b(?:[Tt]he|[Aa]n?)\s+(?:[A-Z][\w-]*(?:-based|ian|ish|ese|ch|an)\s+)(?P<x>[a-z]+(?:-[a-z]+)?(?:\s+[a-z]+)?)\s+(?:cluster|network)\b"),
]

# the members and the field they come from: "bündelt Unternehmen aus der Kunststoffverarbeitung und dem Werkzeugbau",
# "vertritt rund 140 Betriebe der Ernährungswirtschaft", "brings together firms from precision farming"
MEMBER_FIELD = re.compile(
    r"\b(?:Unternehmen|Firmen|Betriebe|Akteure|Forschungseinrichtungen|Institute|Hochschulen|Hersteller|Zulieferer|"
    r"Verarbeiter|Prüfinstitute|Mitglieder|Partner|companies|firms|businesses|players|institutes)\s+"
    r"(?:aus\s+(?:der|dem|den)|der|des|from\s+(?:the\s+)?|in\s+(?:the\s+)?)\s*"
    rf"(?:[a-zäöü]+(?:en|er)\s+|[A-ZÄÖÜ][a-zäöü]+er\s+(?=[A-ZÄÖÜ]))?(?P<x>{_UPPER_WORD}(?:-\s+(?:und|&|oder)\s+{_UPPER_WORD}|"
    rf"\s+(?:und|&)\s+(?:der\s+|dem\s+|des\s+)?{_UPPER_WORD})?)(?![\w-])"
)
_SHARED_HEADS = ("industrie", "wirtschaft", "branche", "technik", "sektor")

# heads that describe a cluster's standing, form or programme, not its field (compared lower-cased)
STOP_HEADS = frozenset("""
innovation innovations spitzen zukunft zukunfts exzellenz excellence mitglieder mitglied netzwerk netzwerke
management managements cluster kompetenz kompetenzen technologie technologien branchen branche landes bundes
regional regionale region regionen wissenschaft wissenschafts forschung forschungs spitzenforschung top leading
new old first second third largest biggest german european international national global local whole entire
same other own this that their our its leading successful strongest world future its members member
network management programme program initiative initiatives pilot gold silver bronze label go spitzencluster
go-cluster innovationscluster wirtschaft wirtschafts industrie industry sector field fields area areas
project projekt projekte verbund partner partners unternehmen company companies firms sme smes
startup start-up euro meta super mega hightech high-tech technology technologies economy economic research science
best key core major main big small large
""".split())

_PLACE_WORDS = frozenset(w.lower() for w in list(lexicon.LAENDER) + list(lexicon.REGION_ADJECTIVES_DE.values()))


@dataclass(frozen=True)
class SectorPhrase:
    """A field named in a sentence: ``start``/``end`` relative to the sentence, ``name`` normalised."""

    start: int
    end: int
    name: str
    pattern: int


def normalise(field: str) -> str:
    """``Life-Sciences`` -> ``Life Sciences``; ``Luft- und`` keeps its hyphen; case stays as written (the
    registry compares names case-folded, so ``Wine technology`` and ``wine technology`` are one sector).

    >>> normalise("Life-Sciences")
    'Life Sciences'
    >>> normalise("wine  technology")
    'wine technology'
    >>> normalise("Luft- und Raumfahrt")
    'Luft- und Raumfahrt'
    """
    text = " ".join(field.split())
    return re.sub(r"(?<=\w)-(?=\w)", " ", text)


def split_field(field: str) -> list[str]:
    """A coordinated field gives one sector per part; a shared head completes a truncated first part.

    >>> split_field("Kunststoff- und Verbundwerkstoffindustrie")
    ['Kunststoffindustrie', 'Verbundwerkstoffindustrie']
    >>> split_field("Aquakultur und Fischverarbeitung")
    ['Aquakultur', 'Fischverarbeitung']
    >>> split_field("Kunststoffverarbeitung und dem Werkzeugbau")
    ['Kunststoffverarbeitung', 'Werkzeugbau']
    >>> split_field("Luft- und Raumfahrt")
    ['Luft- und Raumfahrt']
    """
    match = re.fullmatch(r"(?P<a>[A-ZÄÖÜ][\w]+)(?P<hyphen>-)?\s+(?:und|&|oder)\s+(?:der\s+|dem\s+|des\s+)?(?P<b>[A-ZÄÖÜ][\w]+)",
                         field.strip())
    if not match:
        return [field]
    first, second = match.group("a"), match.group("b")
    if match.group("hyphen"):
        head = next((h for h in _SHARED_HEADS if second.lower().endswith(h) and len(second) > len(h) + 2), None)
        if head is not None:
            return [first + head, second]
        if len(first) < 6:
            return [field]  # "Luft- und Raumfahrt": the part alone is no field
    return [first, second]


def _linking_s(word: str) -> str:
    """``Verpackungs`` (from ``Verpackungscluster``) -> ``Verpackung``."""
    return re.sub(r"(?<=ung|eit|aft|ion|tät)s$", "", word)


def _refused(field: str) -> bool:
    words = [w.lower() for w in re.split(r"[\s-]+", field) if w and w.lower() not in ("und", "and", "&")]
    if not words:
        return True
    if words[0] in STOP_HEADS:
        return True  # "Spitzencluster", "the leading cluster", "the new aerospace cluster"
    if any(w in _PLACE_WORDS for w in words):
        return True
    return len(words[-1]) < 3


def sector_phrases(text: str) -> list[SectorPhrase]:
    """Every field-naming phrase in ``text`` (one sentence), leftmost first, without overlaps."""
    found: list[SectorPhrase] = []
    for index, pattern in enumerate(_PATTERNS):
        for match in pattern.finditer(text):
            field = match.group("x")
            if _refused(field):
                continue
            start, end = match.start("x"), match.end("x")
            if any(p.start < end and start < p.end for p in found):
                continue
            if index in (2, 3) and not field.endswith("-") and text[match.end("x"):match.end("x") + 1] == "b":
                field = field + "branche"  # "Netzwerk der Möbelbranche": the field as the text names it
            elif index == 0:
                field = _linking_s(field)
            found.append(SectorPhrase(start, end, normalise(field), index))
    return sorted(found, key=lambda p: p.start)


def phrase_sectors(ctx: Context) -> None:
    """``sector`` facts for the clusters the field phrases of each sentence describe.

    A phrase already covered by a lexicon sector word, or overlapping a known name (a place, a programme,
    an organisation), is left alone. The subject is the organisation named right after the phrase
    (``Luft- und Raumfahrtcluster ProLuft``) or right before it (``VinoTec is the cluster for``), else the
    cluster the announcement is about when the phrase carries a singular definite article.
    """
    for info in ctx.infos:
        if not any(k in info.lower for k in ("cluster", "branche", "bereich", "field", "industry")):
            continue
        for phrase in sector_phrases(info.text):
            overlapping = [m for m in info.mentions if info.rel(m.start) < phrase.end and phrase.start < info.rel(m.end)]
            lexical = [m for m in overlapping if m.kind == "sector"]
            own_name = [m for m in overlapping if m.type in ORG_TYPES and m.kind == "name" and phrase.pattern == 0
                        and phrase.start <= info.rel(m.start) and info.rel(m.end) > phrase.end]
            if own_name and len(own_name) + len(lexical) == len(overlapping):
                rest = info.text[phrase.end:info.rel(own_name[0].end)]
                rest = re.sub(r"^-?[Cc]luster(?:s|n)?\s*", "", rest)
                if not re.search(r"[a-z][A-Z]|\d|^[A-Z]{2,}", rest):
                    continue  # "Mechatronik-Cluster Ostalb": the field is only in the name, no statement
                subject = own_name[0].ref  # "Der Wasserstoff-Cluster CIRCLE-H2": a description before the name
            elif len(lexical) != len(overlapping):
                continue  # a place, programme or organisation name
            else:
                subject = _subject_for(ctx, info, phrase)
            if subject is None:
                continue
            whole = [m for m in lexical if info.rel(m.start) <= phrase.start and info.rel(m.end) >= phrase.end]
            if whole:
                whole[0].ref.add_alias(phrase.name)
                ctx.add(subject, "sector", whole[0].ref, _evidence(info), 0.7)  # a listed sector ("Raumfahrtcluster ProLuft")
                continue
            for part in split_field(phrase.name):
                ctx.add(subject, "sector", ctx.registry.get(part, "Sector", use_gazetteer=False), _evidence(info), 0.7)
    member_fields(ctx)


def member_fields(ctx: Context) -> None:
    """``Das Netzwerk bündelt Unternehmen aus der Kunststoffverarbeitung und dem Werkzeugbau``: the field the
    members come from, for the cluster that is the sentence's subject (named first, or ``Das Netzwerk``)."""
    for info in ctx.infos:
        verb = P.NETWORK_VERB.search(info.text) or _JOINED.search(info.text)
        if verb is None:
            continue
        subject = _sentence_subject(ctx, info, verb.start())
        if subject is None:
            continue
        for match in MEMBER_FIELD.finditer(info.text):
            start, end = match.span("x")
            if any(m.kind == "name" and info.rel(m.start) < end and start < info.rel(m.end) for m in info.mentions):
                continue  # a name, not a field
            for part in split_field(normalise(match.group("x"))):
                if _refused(part) or part.lower() in _MEMBER_WORDS:
                    continue
                ref = ctx.registry.get(part, "Sector", use_gazetteer=False)
                ctx.add(subject, "sector", ref, _evidence(info), 0.7)


_JOINED = re.compile(r"\bzusammengeschlossen\b|\bzusammenschließen\b")
_MEMBER_WORDS = frozenset("unternehmen firmen betriebe akteure hersteller zulieferer mitglieder partner norden süden osten "
                          "westen raum umland ausland inland welt praxis wissenschaft forschung".split())


def _sentence_subject(ctx: Context, info: SentenceInfo, verb_start: int) -> Referent | None:
    """The cluster a sentence is about: named at its start, or ``Das Netzwerk``/``The cluster`` there."""
    named = [m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name" and info.rel(m.start) < 6
             and info.rel(m.end) <= verb_start]
    if named:
        return named[0].ref
    head = info.text[:verb_start]
    if P.ANAPHOR_SUBJECT_START.match(head) or re.match(r"^(?:Die|Der|Das|The)\s+(?:[\w-]+\s+){0,3}?(?:Allianz|Cluster|"
                                                       r"Netzwerk|cluster|network|Verein|Initiative)\b", head):
        from clustergraph.extract.labels import own_cluster
        return own_cluster(ctx, info)
    return None


def _subject_for(ctx: Context, info: SentenceInfo, phrase: SectorPhrase) -> Referent | None:
    text = info.text
    if phrase.pattern == 0:  # compound: let the modifier logic find the cluster after the noun
        word_start = text.rfind(" ", phrase.start, phrase.end)
        end_rel = word_start if word_start > 0 else phrase.start
        if end_rel == phrase.start:
            # the compound starts the word: describe from the text before it
            return _compound_subject(ctx, info, phrase)
        return described_cluster(ctx, info, end_rel, phrase.start)
    if phrase.pattern in (5, 9):  # "the textile cluster", "the Portuguese agri-food cluster X"
        return described_cluster(ctx, info, phrase.end, phrase.start)
    cue = re.search(r"(?:[Cc]luster|[Nn]etzwerk|[Nn]etwork)(?:s|es)?\s+\S+\s+(?:\S+\s+)?$", text[:phrase.start])
    if cue is not None:
        return subject_before(ctx, info, cue.start())
    named = [m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name" and info.rel(m.start) < 3]
    if named:
        return named[0].ref
    if P.ANAPHOR_SUBJECT_START.match(text):  # "It brings together firms in the field of ..."
        return info.block or ctx.subject
    return None


def _compound_subject(ctx: Context, info: SentenceInfo, phrase: SectorPhrase) -> Referent | None:
    text = info.text
    after = re.match(r"-?[Cc]luster(?:s|n)?\s+", text[phrase.end:])
    if after:
        pos = phrase.end + after.end()
        for m in info.mentions:
            if m.type in ORG_TYPES and m.kind == "name" and abs(info.rel(m.start) - pos) <= 2:
                return m.ref
    before = text[:phrase.start]
    if re.search(r"\b(?:des|dem|der|das|unseres|unserem)\s+(?:[a-zäöü][\w]*\s+){0,2}$", before):
        return info.block or ctx.subject
    return None


__all__ = ["MEMBER_FIELD", "STOP_HEADS", "SectorPhrase", "member_fields", "normalise", "phrase_sectors", "sector_phrases", "split_field"]
