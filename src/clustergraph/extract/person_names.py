"""The grammar of people and office words shared by :mod:`persons`, :mod:`office_phrases` and
:mod:`role_lists`.

``RoleFinding`` is what the finders report; ``NOT_CURRENT`` and ``FORMER`` tell the modifiers of
a role noun that deny a current office. ``PERSON`` matches a personal name with optional academic
titles (stripped by :func:`clean_person`), double surnames (``Lorenz-Hahn``), particles (``von``, ``van``) and the
letters of European names (``Wiśniewska``, ``João``). ``MD`` and ``SP`` are the role nouns of the
two offices, ``MODS`` the words that may stand before a role noun (``neue``, ``deputy``...).

>>> import re
>>> re.search(PERSON, "sagt Prof. Dr.-Ing. Jens Matthiesen heute").group("name")
'Jens Matthiesen'
>>> re.search(PERSON, "said Marta Wiśniewska.").group("name")
'Marta Wiśniewska'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clustergraph.extract.dates import MONTH_NAMES_NO_JAENNER
from clustergraph.extract.lexicon import (
    MANAGING_DIRECTOR_DE,
    MANAGING_DIRECTOR_EN,
    PERSON_TITLES,
    SPOKESPERSON_DE,
    SPOKESPERSON_EN,
)

UP = "A-ZÄÖÜÉŁŠŽČŚŹŻĆÓÅØÆÇÑ"
LOW = "a-zäöüßéèêëáàâãåæçíìîïñóòôõøúùûłśźżćąęšžčěřńğışý"
_N = rf"[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?"
_NOT_FIRST = (r"(?!(?:Staatssekretär|Staatssekretärin|Minister|Ministerin|Dr|Prof|Herr|Frau|Geschäftsführer|Geschäftsführerin|"
              r"Sprecher|Sprecherin|Vorsitzende|Vorsitzender|Der|Die|Das|The|Managing|Chair|Director|Professor|Ministerial|"
              r"Landrat|Oberbürgermeister|Bürgermeister|Präsident|Präsidentin|Chief|State|Secretary|"
              + "|".join(m for m in MONTH_NAMES_NO_JAENNER if m != "May") +  # "May" is also a first name
              r"|Anfang|Mitte|Ende|Seit|Since|"
              r"Executive|Head|Chairman|Chairwoman|Chairperson|President|Vice|Deputy|Spokesperson|Spokesman|Spokeswoman)\b)")
# titles the lexicon does not list: "Dipl.-Ing. (FH)", a retired official's "Forstdirektorin a. D."
_MORE_TITLES = rf"(?:\((?:FH|TH|TU|Univ\.)\)\s*|DI\s+|(?:Captain|Capt\.|Kapitän(?:in)?|Commodore|Admiral)\s+(?:\(ret\.\)\s*)?|[{UP}][{LOW}]*(?:direktor|rat|rätin)(?:in)?\s+a\.\s?D\.\s*)"
TITLES = rf"(?:{PERSON_TITLES}|{_MORE_TITLES})"
PERSON = (
    rf"(?P<titles>{TITLES}{{0,4}}){_NOT_FIRST}(?P<name>{_N}(?:\s+{_N})?(?:\s+[{UP}]\.)?\s+"
    rf"(?:(?:von|van|de|zu|di|da|le)\s+(?!(?:der|dem|den|des|die)\b))?(?!(?:Dr|Prof)\b){_N})(?![\w-])"
)
# the head of a cluster's management by the title many clusters use: "Cluster Manager", "Clustermanagerin"
_CLUSTER_MANAGER = r"(?:Cluster\s?[Mm]anager(?:in)?(?![\w-]))"
MD = f"{MANAGING_DIRECTOR_DE}|{MANAGING_DIRECTOR_EN}|{_CLUSTER_MANAGER}"
SP = f"{SPOKESPERSON_DE}|{SPOKESPERSON_EN}|(?:Netzwerk|Verbund|Vorstands|Initiativ)sprecher(?:in)?"
MODS = (
    r"(?:(?P<mod>(?i:founding|Gründungs-?|neue[rn]?|new|langjährige[rn]?|long-standing|amtierende[rn]?|designierte[rn]?|"
    r"stellvertretende[rn]?|deputy|vice-?|Vize-?|ehemalige[rn]?|former|bisherige[rn]?|previous|scheidende[rn]?|"
    r"outgoing|interim|kommissarische[rn]?|alleinige[rn]?|zweite[rn]?|künftige[rn]?|designierte[rn]?|incoming|future|"
    r"designated|Co-|co-|technische[rn]?|kaufmännische[rn]?|wissenschaftliche[rn]?|honorary|Ehren-?))\s*)"
)
ORG_PREP = r"(?:von|vom|des|der|beim|bei|of|at|of the|at the|for|for the)"


# modifiers of a role noun: not the current holder / a former holder
NOT_CURRENT = re.compile(r"^(?:stellvertretende[rn]?|deputy|vice|honorary|Ehren|ehemalige[rn]?|former|bisherige[rn]?|previous|"
                          r"scheidende[rn]?|outgoing|zweite[rn]?|founding|late|verstorbene[rn]?|künftige[rn]?|"
                          r"designierte[rn]?|incoming|future|designated)$", re.IGNORECASE)
FORMER = re.compile(r"^(?:ehemalige[rn]?|former|bisherige[rn]?|previous|scheidende[rn]?|outgoing|founding|Gründungs-?|late|"
                     r"verstorbene[rn]?)$", re.IGNORECASE)


@dataclass
class RoleFinding:
    """A person said to hold an office in an organisation (the organisation may be implicit)."""

    person: str
    person_span: tuple[int, int]
    role: str  # "managing director of" / "spokesperson of"
    org_text: str | None  # the organisation as written next to the role, or None
    org_span: tuple[int, int] | None
    current: bool
    confidence: float
    titles: str = ""
    former: bool = False  # a predecessor or a former holder: holds the office nowhere in the text


def role_relation(role: str) -> str:
    """``Geschäftsführerin`` -> ``managing director of``; ``Sprecher`` -> ``spokesperson of``."""
    if re.fullmatch(MD, role) or role in ("Geschäftsführung", "Leitung", "Clustermanagement") or role.startswith("Leitung der Geschäftsstelle"):
        return "managing director of"
    return "spokesperson of"


# an occupation written before a name without an article ("ist Landwirt Hauke Roe", "Softwareunternehmer X Y")
_OCCUPATION = re.compile(
    rf"^[{UP}][{LOW}]*(?:wirt|wirtin|unternehmer|unternehmerin|ingenieur|ingenieurin|physiker|physikerin|chemiker|chemikerin|"
    rf"informatiker|informatikerin|ökonom|ökonomin|winzer|winzerin|arzt|ärztin|apotheker|apothekerin|architekt|architektin|"
    rf"gründer|gründerin|inhaber|inhaberin|bauer|bäuerin|meister|meisterin|managerin|berater|beraterin|forscher|forscherin|"
    rf"entwickler|entwicklerin|kaufmann|kauffrau|händler|händlerin|reeder|reederin|anwalt|anwältin|journalist|journalistin|"
    rf"biologe|biologin|farmer|entrepreneur|engineer|founder|owner)\s+(?=\S+\s+\S)"
)


def without_occupation(name: str) -> tuple[str, int]:
    """``name`` without an occupation noun before it, and how many characters were dropped.

    >>> without_occupation("Landwirt Hauke Roe")
    ('Hauke Roe', 9)
    >>> without_occupation("Hans Peter Roe")
    ('Hans Peter Roe', 0)
    """
    m = _OCCUPATION.match(name)
    return (name[m.end():], m.end()) if m else (name, 0)


def person_pattern(suffix: str) -> str:
    """``PERSON`` with its group names suffixed, for a second person in one pattern."""
    return PERSON.replace("?P<titles>", f"?P<titles{suffix}>").replace("?P<name>", f"?P<name{suffix}>")


def clean_person(name: str) -> str:
    """A person's name without titles or surrounding white space.

    >>> clean_person("Prof. Dr.-Ing. Jens  Matthiesen")
    'Jens Matthiesen'
    >>> clean_person("Dipl.-Ing. (FH) Jens Matthiesen")
    'Jens Matthiesen'
    """
    name = " ".join(name.split())
    return re.sub(rf"^{TITLES}+", "", name).strip()
