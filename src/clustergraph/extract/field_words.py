"""The words of a field: what a field phrase may be made of, how it is normalised and split.

Shared by :mod:`sector_phrases` (fields named around a cluster noun) and :mod:`member_fields` (the field the members
come from); :mod:`sectors` uses the stop list and the classifying adjectives.
"""

from __future__ import annotations

import re

from clustergraph.extract import lexicon

UPPER_WORD = r"[A-ZÄÖÜ][a-zäöüß]+"
EN_WORD = r"(?!(?:industr|sector)\w*\b)[a-z]+(?:-[a-z]+)?"  # the head noun "industries" is no part of the field

# the field of a "Netzwerk der ..." phrase must look like a field: a head noun of trades, industries and techniques
FIELD_HEAD = re.compile(
    r"(?:wirtschaft|industrie|branche|technik|technologien?|bau|verarbeitung|kultur|fahrt|medizin|chemie|energie|"
    r"logistik|sensorik|tronik|photonik|optik|werkstoffe|stoffe|zulieferer|handwerk|gewerbe|produktion|versorgung|"
    r"forschung|wissenschaften|mobilität|gesundheit|ernährung|recycling)$"
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


_JOINT_HEADS = re.compile(r"fahrt|wirtschaft|industrie|branche|technik|technologie|verarbeitung|sektor")


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


def refused(field: str) -> bool:
    words = [w.lower() for w in re.split(r"[\s-]+", field) if w and w.lower() not in ("und", "and", "&")]
    if not words:
        return True
    if words[0] in STOP_HEADS:
        return True  # "Spitzencluster", "the leading cluster", "the new aerospace cluster"
    if any(w in _PLACE_WORDS for w in words):
        return True
    return len(words[-1]) < 3
