"""The words of a field: what a field phrase may be made of, how it is normalised and split.

Shared by :mod:`sector_phrases` (fields named around a cluster noun) and :mod:`member_fields` (the field the members
come from); :mod:`sectors` uses the stop list and the classifying adjectives.
"""

from __future__ import annotations

import re

from clustergraph.extract import lexicon
from clustergraph.extract.modality import FORMER, blocked, clause

UPPER_WORD = r"[A-ZÄÖÜ][a-zäöüß]+"
EN_WORD = r"(?!(?:industr|sector)\w*\b)[a-z]+(?:-[a-z]+)?"  # the head noun "industries" is no part of the field

# the field of a "Netzwerk der ..." phrase must look like a field: a head noun of trades, industries and techniques
FIELD_HEAD = re.compile(
    r"(?:wirtschaft|industrie|branche|technik|technologien?|bau|verarbeitung|kultur|fahrt|medizin|chemie|energie|"
    r"logistik|sensorik|tronik|photonik|optik|werkstoffe|stoffe|zulieferer|handwerk|gewerbe|produktion|versorgung|"
    r"forschung|wissenschaften|mobilität|gesundheit|ernährung|recycling)$"
)
_SHARED_HEADS = ("industrie", "wirtschaft", "branche", "technik", "sektor", "bau")

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
only sole unique young
cooperation kooperation kooperations joint cross-border winning participating applicant alumni expert experts business
contact support transfer knowledge unternehmens experten hochschul hochschulen gründer gründungs mittelstands wissens
one two three four five six seven eight nine ten several
""".split())

_PLACE_WORDS = frozenset(w.lower() for w in list(lexicon.LAENDER) + list(lexicon.REGION_ADJECTIVES_DE.values()))

# adjectives that classify a field (``pharmazeutische Biotechnologie``, ``technische Textilien``), not a place
CLASSIFYING_ADJECTIVE = r"(?:zeutisch|technisch|medizinisch|chemisch|elektrisch|optisch|digital|maritim|erneuerbar|nachhaltig|" \
                        r"industriell|biologisch|landwirtschaftlich|pharmazeutisch)"


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


def split_english(field: str) -> list[str]:
    """English coordinated fields: ``soil science and sustainable agriculture`` gives two.

    >>> split_english("soil science and sustainable agriculture")
    ['soil science', 'sustainable agriculture']
    >>> split_english("wine technology")
    ['wine technology']
    """
    parts = [p.strip() for p in field.split(" and ")]
    if len(parts) != 2 or any(len(p) < 3 or p.split()[0].lower() in STOP_HEADS for p in parts):
        return [field]
    return parts


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
    if field[:1].islower():
        return split_english(field)
    match = re.fullmatch(r"(?P<a>[A-ZÄÖÜ][\w]+)(?P<hyphen>-)?\s+(?:und|&|oder)\s+(?:der\s+|dem\s+|des\s+)?(?P<b>[A-ZÄÖÜ][\w]+)",
                         field.strip())
    if not match:
        return [field]
    first, second = match.group("a"), match.group("b")
    if match.group("hyphen") and len(first) < 6:
        elided = _elided_tail(second)
        if elided is not None:  # "Luft- und Raumfahrtindustrie": Luft(fahrtindustrie), Raumfahrtindustrie
            return [first + elided, second]
    if match.group("hyphen"):
        head = next((h for h in _SHARED_HEADS if second.lower().endswith(h) and len(second) > len(h) + 2), None)
        if head is not None:
            return [first + head, second]
        if len(first) < 6:
            return [field]  # "Luft- und Raumfahrt": the part alone is no field
    return [first, second]


_JOINT_HEADS = re.compile(r"fahrt|wirtschaft|industrie|branche|technik|technologie|verarbeitung|sektor|bau")


def _elided_tail(second: str) -> str | None:
    """The part of ``second`` a truncated first part shares: from the first joint head on, when that head is a
    shared head or is followed by more (``Raumfahrtindustrie`` -> ``fahrtindustrie``; ``Raumfahrt`` -> ``None``).

    >>> _elided_tail("Holzwirtschaft"), _elided_tail("Raumfahrtindustrie"), _elided_tail("Raumfahrt")
    ('wirtschaft', 'fahrtindustrie', None)
    """
    head = _JOINT_HEADS.search(second, 3)
    if head is None or (head.end() == len(second) and head.group(0) == "fahrt"):
        return None
    return second[head.start():]


def linking_s(word: str) -> str:
    """``Verpackungs`` (from ``Verpackungscluster``) -> ``Verpackung``."""
    return re.sub(r"(?<=ung|eit|aft|ion|tät)s$", "", word)


# words that name no field on their own: trends, activities and kinds of members ("Digitalisierung", "innovation",
# "sustainability", "Zukunftstechnologien", "universities"); a field made only of them is refused
GENERIC_WORDS = frozenset("""
innovation innovationen innovations digitalisierung digitalisation digitalization digital transformation digitale
technologie technologien technology technologies forschung research entwicklung development science wissenschaft
industrie industry wirtschaft economy business mittelstand mittelstands sme smes netzwerk network cluster
nachhaltigkeit sustainability zukunft future zukunftstechnologien schlüsseltechnologien querschnittstechnologien
hochtechnologie hightech high-tech key future-oriented emerging hochschulen universities university schools
wissenstransfer technologietransfer transfer kooperation cooperation digitalisierungs nachhaltigkeits zukunfts technologie- forschungs wirtschafts innovations-
competitiveness wettbewerbsfähigkeit
""".split())


def refused(field: str) -> bool:
    """Whether a field phrase names no field: a stop word first, a place, a too short head, or only generic words.

    >>> refused("digital transformation and innovation"), refused("Zukunftstechnologien"), refused("digital health")
    (True, True, False)
    """
    words = [w.lower() for w in re.split(r"[\s-]+", field) if w and w.lower() not in ("und", "and", "&", "der", "des", "of")]
    if not words:
        return True
    if all(w in GENERIC_WORDS for w in words):
        return True
    if words[0] in STOP_HEADS:
        return True  # "Spitzencluster", "the leading cluster", "the new aerospace cluster"
    if any(w in _PLACE_WORDS for w in words):
        return True
    return len(words[-1]) < 3 and not re.search(r"\b(?:AI|KI|IT|IoT)$", field)  # "the AI cluster": an acronym field


# the head of a sentence whose subject is not the cluster: a project, an event, a programme, a partner or member,
# a ministry ("Das gemeinsame Projekt ... widmet sich", "The partner cluster from ... specialises in")
_FOREIGN_HEAD = re.compile(
    r"^[„“\"»]?\s*(?:(?:Der|Die|Das|Dem|Den|Des|Ein|Eine|Im|Beim|The|A|An|Its|Our|Their|Unser\w*|Sein\w*|Ihr\w*|In\s+the|"
    r"At\s+the)\s+)?(?:[\w-]+\s+){0,2}?(?:\w*(?:[Pp]rojekt|[Vv]orhaben|[Pp]rogramm|[Ff]örderung|[Aa]usschreibung|"
    r"[Ww]ettbewerb|[Ww]orkshop|[Vv]eranstaltung|[Kk]onferenz|[Tt]agung|[Kk]ongress|[Mm]esse|[Ww]ebinar|[Ss]eminar|"
    r"[Ss]trategie|[Ss]tudie|[Mm]inisterium|[Mm]inister|[Mm]inisterin)\w*|Partner\w*|Mitgliedsfirma|Mitgliedsunternehmen|"
    r"Firma|(?:\w+-)?projects?|programmes?|programs?|funding|calls?|competitions?|workshops?|events?|conferences?|"
    r"congress|fair|webinars?|seminars?|partners?|partner\s+\w+|member\s+compan(?:y|ies)|ministry|minister|department|"
    r"government|strategy|study|report)\b"
)


def foreign_subject(head: str) -> bool:
    """Whether the text before a sentence's verb makes something other than a cluster its subject.

    >>> foreign_subject("Das gemeinsame Projekt von AlphaNet "), foreign_subject("The partner cluster from Poland ")
    (True, True)
    >>> foreign_subject("Das Netzwerk AlphaNet "), foreign_subject("BetaNet ")
    (False, False)
    """
    return bool(_FOREIGN_HEAD.search(head))


# a relative clause before the verb: "mit dem Netzwerk GammaNet, das Unternehmen der Luftfahrt vernetzt"
RELATIVE_BEFORE = re.compile(r",\s*(?:das|die|der|welche[rs]?|which|that|who|whose|dessen|deren)\s+[^,]*$")


# what directly before an attributive field denies or dates it: "kein Textilcluster", "not the textile cluster",
# "the former textile cluster", "to become the textile cluster"
_ATTRIBUTIVE_DENIAL = re.compile(
    r"\b(?:kein\w*|not\s+(?:a|an|the)|no\s+longer|nicht\s+mehr|nicht\s+(?:der|die|das|ein|eine)|become|werden)\s+(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)


def field_asserted(text: str, start: int, end: int, *, attributive: bool = False, verb_end: int | None = None) -> bool:
    """Whether the clause around a field at ``text[start:end]`` asserts it: no negation, hedge, plan or former state.

    A predicative field ("ist ein Netzwerk der Chemieindustrie", "focuses on photonics") is governed by the clause up
    to it, or up to ``verb_end`` for a networking verb (a hedge in a relative clause after it concerns the members);
    an ``attributive`` field ("the new air-quality network X") only by the words right before it, since the clause's
    verb ("will fund") says something else about the cluster.

    >>> field_asserted("AlphaNet ist kein Netzwerk der Chemieindustrie.", 31, 46)
    False
    >>> field_asserted("Früher war AlphaNet ein Netzwerk der Textilindustrie.", 37, 52)
    False
    >>> field_asserted("AlphaNet ist ein Netzwerk der Chemieindustrie.", 30, 45)
    True
    >>> field_asserted("The ministry will fund the new textile cluster X.", 31, 38, attributive=True)
    True
    >>> field_asserted("X used to be the textile cluster of the region.", 17, 24, attributive=True)
    False
    """
    lo, _ = clause(text, start, end)
    lo = max(lo, text.rfind(":", 0, start) + 1)  # "For all who don't know us yet: we are the ... cluster"
    if attributive:
        window = text[max(lo, start - 40):start]
        return not (FORMER.search(window) or _ATTRIBUTIVE_DENIAL.search(window))
    stop = max(verb_end, lo) if verb_end is not None and verb_end < end else end
    governing = text[lo:stop]  # a hedge after the field ("..., erhoffen wir uns") concerns another statement
    return _verdict_free(governing) and not FORMER.search(governing)


def _verdict_free(text: str) -> bool:
    return blocked(text, 0, len(text)) is None


# a cluster noun phrase that names another party: "Partner des Netzwerks der ...", "kooperiert mit dem Cluster für ...",
# "a partner of the chemical industry network": its field belongs to that party, not to the sentence's subject
_OTHER_PARTY = re.compile(
    r"\b(?:mit|with|Partner\w*|partners?\s+of|partnership\s+with|kooperier\w*|cooperat\w*|collaborat\w*|neben|alongside|"
    r"besides)\s+(?:(?:de[mnrs]|die|das|the|a|an|einem|einer|eines|eine?)\s+)?(?:[\w-]+\s+){0,2}$"
)


def other_party_cue(before: str) -> int | None:
    """The end of a partner cue right before a cluster phrase (``before`` is the sentence up to it), or ``None``.

    >>> other_party_cue("AlphaNet kooperiert mit dem ") is not None, other_party_cue("AlphaNet ist der ") is None
    (True, True)
    """
    cue = _OTHER_PARTY.search(before[-80:])
    return None if cue is None else len(before) - len(before[-80:]) + cue.start()
