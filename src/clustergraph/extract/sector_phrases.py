"""Sectors named by the phrase around a cluster noun, for fields outside the closed list in ``lexicon.SECTORS``.

German and English announcements name a cluster's field in a few fixed ways: ``Cluster für Weinbau``,
``Luft- und Raumfahrtcluster``, ``Netzwerk der Glas-Branche``, ``im Bereich Kreislaufwirtschaft``,
``the textile cluster``, ``the cluster for wine technology``, ``in the field of robotics``, ``the glass
industry``. ``sector_phrase`` finds such a phrase in a sentence and returns the field, normalised; heads
that are no field (``Spitzencluster``, ``Innovationscluster``, Land and city names, programme words) are
refused. ``phrase_sectors`` turns the phrases into ``sector`` facts for the cluster they describe, and adds
the fields the members come from (:mod:`member_fields`). The words a field is made of, its normalisation and
splitting are in :mod:`field_words`.

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

from clustergraph.extract import patterns as P
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.field_words import (FIELD_HEAD, STOP_HEADS, UPPER_WORD, EN_WORD, field_asserted, linking_s, normalise,
                                              other_party_cue, refused, split_english, split_field)
from clustergraph.extract.label_subjects import own_cluster
from clustergraph.extract.member_fields import MEMBER_FIELD, member_fields
from clustergraph.extract.mentions import with_first_characters
from clustergraph.extract.subjects import described_cluster, subject_before
from clustergraph.extract.arguments import evidence_span
from clustergraph.extract.resolve import Referent

_LOWER_WORD = r"[a-z]+"
# "Luft- und Raumfahrt", "Life-Sciences", "Glas"
_DE_FIELD = rf"{UPPER_WORD}(?:-\s+(?:und|&)\s+{UPPER_WORD}|-{UPPER_WORD})?"
_DE_FIELD_WORDS = rf"{UPPER_WORD}(?:(?:-\s+|\s+)(?:und|&)\s+{UPPER_WORD})?"
# "wine technology", "soil science and sustainable agriculture", "automotive and rail-technology"
_EN_FIELD = rf"{EN_WORD}(?:\s+{EN_WORD})?(?:\s+and\s+{EN_WORD}(?:\s+{EN_WORD})?)?"
# what may follow an English field: a place, a head noun shared by coordinated fields, an apposition's verb
_EN_FIELD_END = r"(?=\s+(?:in|industry|industries|sectors?|based|headquartered|located|from|with|that|which|is|has)\b|[,.;:)]|\s*$)"

# a modifier before an English field: a proper adjective or place ("Flemish", "Antwerp-based") or a weak word
_EN_MODIFIER = r"(?:[A-Z][a-z][\w-]*|only|new|young|first)"  # not an acronym: "IT security" is one field

_PATTERNS = [
    # "Luft- und Raumfahrtcluster", "Photonik-Cluster", "Life-Sciences-Clusters"
    re.compile(rf"(?<![\w-])(?P<x>{_DE_FIELD})(?:-[Cc]luster|cluster)(?:s|n)?(?![\w-])"),
    re.compile(rf"\b(?:Cluster|Netzwerk)(?:s|es)?\s+für\s+(?:die\s+|den\s+|das\s+)?(?P<x>{_DE_FIELD_WORDS})(?![\w-])"),
    re.compile(rf"\b(?:Netzwerk|Cluster)(?:s|es)?\s+der\s+(?P<x>{_DE_FIELD})-?[Bb]ranche\b"),
    re.compile(rf"\bin\s+der\s+(?P<x>{_DE_FIELD})-?[Bb]ranche\b"),
    re.compile(rf"\bim\s+Bereich\s+(?:der\s+|des\s+)?(?P<x>{_DE_FIELD_WORDS})(?![\w-])"),
    re.compile(rf"\b[Tt]he\s+(?P<x>{_LOWER_WORD}(?:\s+{_LOWER_WORD})?)\s+(?:cluster|network)\b"),
    re.compile(rf"\b(?:cluster|network)\s+(?:for|of)\s+(?:the\s+)?(?P<x>{_EN_FIELD}){_EN_FIELD_END}"),
    re.compile(rf"\bin\s+the\s+fields?\s+of\s+(?P<x>{_EN_FIELD}){_EN_FIELD_END}"),
    re.compile(rf"\b(?:the|[Tt]he|its|local|regional)\s+(?P<x>{_LOWER_WORD})\s+industry\b"),
    # "the Portuguese agri-food cluster X", "the Ulm-based sensor technology cluster"
    re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[A-Z][\w-]*(?:-based|ian|ish|ese|ch|an)\s+)(?P<x>[a-z]+(?:-[a-z]+)?(?:\s+[a-z]+)?)\s+(?:cluster|network)\b"),
    # 10: "Kunststoffnetzwerk PolyNet", "Holzbau-Netzwerk", "die Textilinitiative X" (a compound like pattern 0)
    re.compile(rf"(?<![\w-])(?P<x>{_DE_FIELD})(?:-[Nn]etzwerk|netzwerk|-[Ii]nitiative|initiative)(?:s|es|e)?(?![\w-])"),
    # 11: "das Netzwerk der Aquakultur- und Fischverarbeitung", "Netzwerk der saarländischen Automobilzulieferer"
    # "Wir sind das Netzwerk der Kunststoffverarbeitung und der Werkzeugbauer in Sachsen" (two fields, each with its article)
    re.compile(rf"\b(?:Netzwerk|Cluster)(?:s|es)?\s+(?:der|des)\s+(?:[a-zäöü]+(?:en|er)\s+)?"
               rf"(?P<x>{UPPER_WORD}(?:-\s+(?:und|&)\s+{UPPER_WORD}|\s+(?:und|sowie)\s+(?:der|des)\s+{UPPER_WORD})?)(?![\w-])"),
    # 12: "Lower Saxony's rail technology cluster", "the Antwerp-based Flemish chemistry cluster", "the new air-quality
    # network", "the Saxon microelectronics cluster": a determiner or possessive, proper or weak modifiers, the field
    re.compile(rf"(?<![\w-])(?:(?:[Tt]he|[Aa]n?)\s+(?:{_EN_MODIFIER}\s+){{1,3}}|[A-Z][\w-]*(?:\s[A-Z][\w-]*)?['’]s\s+(?:{_EN_MODIFIER}\s+){{0,3}})"
               rf"(?P<x>[a-z]+(?:-[a-z]+)?(?:\s+[a-z]+)?)\s+(?:cluster|network)\b"),
    # 13: "auf dem Gebiet der Neuromedizin"
    re.compile(rf"\bauf\s+dem\s+Gebiet\s+(?:der\s+|des\s+)?(?P<x>{_DE_FIELD_WORDS})(?![\w-])"),
    # 14: "the Breton cluster specialised in agricultural technology"
    re.compile(rf"\b(?:cluster|network)\s+(?:specialised|specialized|focused|focusing|working)\s+(?:in|on)\s+"
               rf"(?P<x>{_EN_FIELD}){_EN_FIELD_END}"),
    # 15: "H2Net focuses on electrolysis and hydrogen pipelines" (the sentence's subject is named first)
    re.compile(rf"^[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*){{0,3}}(?:,[^,]{{1,90}},)?\s+(?:focuses|concentrates|specialises|specializes)\s+(?:on|in)\s+"
               rf"(?P<x>{_EN_FIELD}){_EN_FIELD_END}"),
    # 16: "the food processing and packaging cluster", "a Flemish plastics and composites network": coordinated modifiers
    re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[A-Z][\w-]*(?:-based|ian|ish|ese|ch|an)\s+)?"
               r"(?P<x>[a-z]+(?:-[a-z]+)?(?:\s+[a-z]+)?\s+and\s+[a-z]+(?:-[a-z]+)?(?:\s+[a-z]+)?)\s+(?:cluster|network)\b"),
    # 17: "the IT security cluster", "the AI network": a field led by an acronym of the trade
    re.compile(r"\b(?:[Tt]he|[Aa]n?|[A-Z][\w-]*['’]s)\s+(?:[A-Z][\w-]*(?:-based|ian|ish|ese|ch|an)\s+)?"
               r"(?P<x>(?:IT|ICT|AI|IoT)(?:\s+[a-z]+)?)\s+(?:cluster|network)\b"),
    # 18: "der IT-Sicherheitscluster", "das KI-Netzwerk X" (a compound like pattern 0)
    re.compile(r"(?<![\w-])(?P<x>(?:IT|ICT|IKT|KI|IoT)(?:-[A-ZÄÖÜ][a-zäöüß]+?)?)(?:-?[Cc]luster|-?[Nn]etzwerk)(?:s|n|es)?(?![\w-])"),
]
_PATTERNS = [with_first_characters(pattern) for pattern in _PATTERNS]  # the same matches, found faster
# the makers of a trade named for the trade: "Werkzeugbauer", "Musikinstrumentenbauer"
_TRADE_MAKERS = re.compile(r"(?<=[a-zäöü])bauer?n?\b")
# per pattern, words one of which its match must contain (lower-cased): a cheap test before the regex
_PATTERN_KEYS = (("cluster",), ("für",), ("branche",), ("branche",), ("bereich",), ("cluster", "network"),
                 ("cluster", "network"), ("field",), ("industry",), ("cluster", "network"), ("netzwerk", "initiative"),
                 ("netzwerk", "cluster"), ("cluster", "network"), ("gebiet",), ("cluster", "network"),
                 ("focuses", "concentrates", "specialises", "specializes"), (" and ",), ("cluster", "network"),
                 ("cluster", "netzwerk"))
_ALL_PATTERN_KEYS = frozenset(key for keys in _PATTERN_KEYS for key in keys)
# compounds of a field and a cluster noun: the cluster is named right after them or described by their article
_COMPOUND = (0, 10, 18)
# phrases that describe a named cluster ("the new air-quality network X") rather than predicate a field of it
_ATTRIBUTIVE = (0, 5, 9, 10, 12, 16, 17, 18)
@dataclass(frozen=True)
class SectorPhrase:
    """A field named in a sentence: ``start``/``end`` relative to the sentence, ``name`` normalised."""

    start: int
    end: int
    name: str
    pattern: int


def _part_ref(ctx: Context, info: SentenceInfo, phrase: "SectorPhrase", part: str, lexical: list) -> Referent:
    """The sector of one part of a field phrase; a listed sector word under a weak adjective (``circular
    chemicals``) is that listed sector."""
    for m in lexical:
        word = info.text[info.rel(m.start):info.rel(m.end)]
        extra = part[:-len(word)].split() if part.endswith(word) else None
        if extra and all(w.lower() in _QUALITY_ADJECTIVES for w in extra):
            return m.ref
    return ctx.registry.get(part, "Sector", use_gazetteer=False)


# adjectives that qualify a field without making it another one
_QUALITY_ADJECTIVES = frozenset("circular modern innovative advanced smart new".split())


def sector_phrases(text: str) -> list[SectorPhrase]:
    """Every field-naming phrase in ``text`` (one sentence), leftmost first, without overlaps."""
    found: list[SectorPhrase] = []
    lower = text.lower()
    present = {key for key in _ALL_PATTERN_KEYS if key in lower}
    for index, pattern in enumerate(_PATTERNS):
        if present.isdisjoint(_PATTERN_KEYS[index]):
            continue  # the pattern's literal words are missing: no need to run it
        for match in pattern.finditer(text):
            field = match.group("x")
            if index == 11:
                field = _TRADE_MAKERS.sub("bau", field)  # "der Werkzeugbauer": the trade, Werkzeugbau
            heads = split_field(field) if re.search(r"\s(?:und|sowie)\s+(?:der|des)\s", field) else [field]
            if refused(field) or (index == 11 and not all(FIELD_HEAD.search(p.lower()) for p in heads)):
                continue
            if index == 16 and (any(refused(p) for p in field.split(" and ")) or len(split_english(field)) != 2):
                continue  # "the innovation and technology network": no field
            start, end = match.start("x"), match.end("x")
            if any(p.start < end and start < p.end for p in found):
                continue
            if index in (2, 3) and not field.endswith("-") and text[match.end("x"):match.end("x") + 1] == "b":
                field = field + "branche"  # "Netzwerk der Möbelbranche": the field as the text names it
            elif index in _COMPOUND:
                field = linking_s(field)
            found.append(SectorPhrase(start, end, normalise(field), index))
    return sorted(found, key=lambda p: p.start)


# a "name" that is a description ("Rennes-based Breton"): no subject for a field
_NOT_A_NAME = re.compile(r"-based\b|^(?:the|der|die|das)\s", re.I)
# a sentence without any of these words holds no field phrase
_PHRASE_KEYS = ("cluster", "branche", "bereich", "field", "industry", "netzwerk", "network", "initiative", "gebiet",
                "focuses", "concentrates", "specialises", "specializes")


def phrase_sectors(ctx: Context) -> None:
    """``sector`` facts for the clusters the field phrases of each sentence describe.

    A phrase already covered by a lexicon sector word, or overlapping a known name (a place, a programme,
    an organisation), is left alone. The subject is the organisation named right after the phrase
    (``Luft- und Raumfahrtcluster ProLuft``) or right before it (``VinoTec is the cluster for``), else the
    cluster the announcement is about when the phrase carries a singular definite article.
    """
    for info in ctx.infos:
        if not any(k in info.lower for k in _PHRASE_KEYS):
            continue
        for phrase in sector_phrases(info.text):
            overlapping = [m for m in info.mentions if info.rel(m.start) < phrase.end and phrase.start < info.rel(m.end)]
            lexical = [m for m in overlapping if m.kind == "sector" or m.type == "Sector"]
            own_name = [m for m in overlapping if m.type in ORG_TYPES and m.kind == "name" and phrase.pattern in _COMPOUND
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
            if subject is None or _NOT_A_NAME.search(subject.name) \
                    or not field_asserted(info.text, phrase.start, phrase.end, attributive=phrase.pattern in _ATTRIBUTIVE):
                continue
            if _other_party(info, phrase.start, subject):
                continue  # "kooperiert mit dem Cluster für Medizintechnik": the partner's field
            whole = [m for m in lexical if info.rel(m.start) <= phrase.start and info.rel(m.end) >= phrase.end]
            if whole:
                whole[0].ref.add_alias(phrase.name)
                ctx.add(subject, "sector", whole[0].ref, evidence_span(info), 0.7)  # a listed sector ("Raumfahrtcluster ProLuft")
                continue
            parts = split_field(phrase.name)
            if phrase.pattern == 16 and all(" " not in p for p in parts):
                parts = [phrase.name]  # "the forestry and timber cluster": a pair of single words names one trade
            for part in parts:
                ctx.add(subject, "sector", _part_ref(ctx, info, phrase, part, lexical), evidence_span(info), 0.7)
    member_fields(ctx)


def _other_party(info: SentenceInfo, position: int, subject: Referent) -> bool:
    """Whether a partner cue before ``position`` makes the phrase describe someone other than ``subject``: the
    subject must then be named after the cue (``cooperates with the photonics cluster OptoNet``)."""
    cue = other_party_cue(info.text[:_phrase_np_start(info.text, position)])
    if cue is None:
        return False
    return not any(m.ref is subject and m.kind == "name" and info.rel(m.start) >= cue for m in info.mentions)


def _phrase_np_start(text: str, position: int) -> int:
    """The start of the cluster noun phrase a field phrase belongs to: ``des Netzwerks der |Chemieindustrie``."""
    head = re.search(r"(?:[Cc]luster|[Nn]etzwerk|[Nn]etwork|[Vv]erbund|[Ii]nitiative)\w*\s+(?:für|for|der|des|of)\s+"
                     r"(?:die\s+|den\s+|das\s+|the\s+)?(?:[a-zäöü]+\s+)?$", text[:position])
    return head.start() if head else position


def _subject_for(ctx: Context, info: SentenceInfo, phrase: SectorPhrase) -> Referent | None:
    text = info.text
    if phrase.pattern in _COMPOUND:  # compound: let the modifier logic find the cluster after the noun
        word_start = text.rfind(" ", phrase.start, phrase.end)
        end_rel = word_start if word_start > 0 else phrase.start
        if end_rel == phrase.start:
            # the compound starts the word: describe from the text before it
            return _compound_subject(ctx, info, phrase)
        return described_cluster(ctx, info, end_rel, phrase.start)
    if phrase.pattern in (5, 9, 12, 16, 17):  # "the textile cluster", "the Portuguese agri-food cluster X"
        subject = described_cluster(ctx, info, phrase.end, phrase.start)
        if subject is None and phrase.pattern in (9, 12, 16, 17):
            subject = _described_after(ctx, info, phrase)
        return subject
    cue = re.search(r"(?:[Cc]luster|[Nn]etzwerk|[Nn]etwork)(?:s|es)?\s+\S+\s+(?:\S+\s+)?$", text[:phrase.start])
    if cue is not None and re.match(r"^[„“\"»]?\s*(?:Als|As)\s+(?:das\s+|der\s+|ein\s+|the\s+|a\s+)?(?:\w+\s+)?$", text[:cue.start()]):
        # "Als Netzwerk der Kunststoffbranche vertritt AlphaNet ...": the subject named after the phrase
        return next((m.ref for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"
                     and 0 <= info.rel(m.start) - phrase.end <= 40), None)
    if cue is not None:
        subject = subject_before(ctx, info, cue.start())
        if subject is None and (_DEFINITE_START.match(text[:cue.start()]) or _CLUSTER_COPULA.match(text[:cue.start()])
                                or _WE_ARE.match(text[:cue.start()])):
            subject = _own(ctx, info)  # "Das Bremer Netzwerk der Luft- und Raumfahrtindustrie", "Der Verein ist ein Netzwerk für"
        return subject
    named = [m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name" and info.rel(m.start) < 3]
    if named:
        return named[0].ref
    if P.ANAPHOR_SUBJECT_START.match(text):  # "It brings together firms in the field of ..."
        return info.block or ctx.subject
    if phrase.pattern == 13 and _DEFINITE_SUBJECT.match(text):  # "Der Zukunftscluster arbeitet auf dem Gebiet der"
        return _own(ctx, info)
    return None


def _described_after(ctx: Context, info: SentenceInfo, phrase: SectorPhrase) -> Referent | None:
    """``Saxony-Anhalt's only medical technology cluster, MedCycle from ...``: the name after the comma;
    ``of the Saxon microelectronics cluster``: a definite description without a name, the announcement's cluster."""
    text = info.text
    noun = re.match(r"\s+(?:cluster|network)\b(?P<comma>\s*,\s*)?", text[phrase.end:])
    if noun is None:
        return None
    pos = phrase.end + noun.end()
    named = next((m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name" and info.rel(m.start) == pos), None)
    if named is not None:
        return named.ref if noun.group("comma") else None
    if re.match(r"\s*[A-ZÄÖÜ0-9„“\"]", text[pos:]) and not noun.group("comma"):
        return None  # "the Czech cluster Autoklastr": a cluster with a name of its own
    if not re.search(r"\b(?:the|[Tt]he|[\w-]+['’]s)\s+(?:\S+\s+){0,3}$", text[:phrase.start]):
        return None
    if re.search(r",\s*the\s+(?:\S+\s+){0,3}$", text[:phrase.start]):
        return None  # an apposition to a name the text did not make a mention: "with Cobotique, the Lyon-based ... cluster"
    return _own(ctx, info) if ctx.subject is not None or info.block is not None else None


# "Der Verein versteht sich jetzt als", "Der Cluster ist das": the own cluster as subject of a copula before the phrase
_CLUSTER_COPULA = re.compile(r"^[„“\"»]?\s*(?:Der|Das|Unser)\s+(?:Verein|Cluster|Netzwerk)\s+(?:ist|war|versteht\s+sich)\s+"
                             r"(?:\w+\s+){0,2}(?:als\s+)?(?:das|der|ein|eine|einen|\w+e[sn]?)?\s*$")
# "Wir sind das Netzwerk der ...", "We are the network of ...": the publisher's cluster
_WE_ARE = re.compile(r"^[„“\"»]?\s*(?:Wir\s+sind|We\s+are)\s+(?:\w+\s+){0,2}?(?:das|der|ein|eine|the|a|an)?\s*$")
# a sentence that starts with a definite cluster noun and its modifiers
_DEFINITE_START = re.compile(r"^[„“\"»]?\s*(?:Das|Der|Dem|The|Unser(?:e[mr]?)?|Our)\s+(?:[\w-]+\s+){0,2}$")
_DEFINITE_SUBJECT = re.compile(r"^[„“\"»]?\s*(?:Das|Der|The|Unser|Our)\s+(?:[\w-]+\s+){0,2}?[\w-]*(?:[Cc]luster|[Nn]etzwerk|network)\s")


def _own(ctx: Context, info: SentenceInfo) -> Referent | None:
    return own_cluster(ctx, info)


def _compound_subject(ctx: Context, info: SentenceInfo, phrase: SectorPhrase) -> Referent | None:
    text = info.text
    after = re.match(r"-?(?:[Cc]luster|[Nn]etzwerk|[Ii]nitiative)(?:s|n|es|e)?\s+", text[phrase.end:])
    if after:
        pos = phrase.end + after.end()
        for m in info.mentions:
            if m.type in ORG_TYPES and m.kind == "name" and abs(info.rel(m.start) - pos) <= 2:
                return m.ref
    before = text[:phrase.start]
    if re.search(r"\b(?:des|dem|der|das|unseres|unserem)\s+(?:[a-zäöü][\w-]*\s+|[A-ZÄÖÜ][\w-]*er\s+){0,2}$", before):
        return info.block or ctx.subject
    return None


__all__ = ["MEMBER_FIELD", "STOP_HEADS", "SectorPhrase", "member_fields", "normalise", "phrase_sectors", "sector_phrases", "split_field"]
