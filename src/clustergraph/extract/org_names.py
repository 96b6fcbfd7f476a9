"""Names an organisation goes by that name discovery cannot see: changes of name, compound names and
the organisation a first-person text speaks for.

* :func:`renames` -- ``Aus dem Metallverbund X wird Y``, ``X heißt ab sofort Y``, ``Y (vormals X)``,
  ``Y, formerly known as X``, ``X was renamed Y``: :func:`merge_renamed` makes the old name an alias of
  the new one, so that facts stated under either belong to one organisation.
* :func:`compound_names` -- ``Werkstoffnetz Harz``: a compound cluster noun and a known place, named twice.
* :func:`speaker` -- the publisher of an "Über uns" page named only in the page title (``Über uns |
  FeinWerk``), or the organisation of the person an interview or post is by (``managing director of
  AeroWerk Bodensee``, ``five questions for Tobias Merk, AeroWerk Bodensee``).
"""

from __future__ import annotations

import logging
import re

from clustergraph.extract.context import ORG_TYPES
from clustergraph.extract.gazetteer import name_key
from clustergraph.extract.names import clean_name
from clustergraph.extract.resolve import Referent, Registry
from clustergraph.extract.sentences import Sentence

log = logging.getLogger(__name__)

__all__ = ["speaker_name", "speaker", "renames", "merge_renamed", "compound_names", "register_compound_names"]

_NOT_A_NAME = {"The", "This", "It", "He", "She", "They", "We", "Our", "Its", "Der", "Die", "Das", "Dies", "Diese", "Dieser",
               "Es", "Er", "Sie", "Wir", "Unser", "Unsere", "Ein", "Eine", "A", "An", "Ziel", "Goal", "Aim"}
_GENERIC = re.compile(r"(?:(?:des|der|the)\s+)?[\w-]*(?:netzwerk|cluster|verein|verband|network|association|initiative)\w*", re.I)


def _register(registry: Registry, name: str) -> Referent:
    known = registry.known(name)
    return known if known is not None else registry.get(name, "Cluster")


# the organisation an interviewee or author speaks for: "managing director of AeroWerk Bodensee",
# "Geschäftsführerin des Netzwerks LogiNetz", "five questions for Anna Berg, AeroWerk Bodensee"
_ROLE_OF = re.compile(
    r"(?:[Mm]anaging\s+[Dd]irector|CEO|[Ee]xecutive\s+[Dd]irector|[Cc]hair(?:man|woman|person)?|[Ss]pokesperson|[Pp]resident|"
    r"[Hh]ead|Geschäftsführer(?:in)?|Sprecher(?:in)?|Vorsitzende[r]?|Clustermanager(?:in)?|Leiter(?:in)?)\s+"
    r"(?:of|at|des|der|von|vom|bei)\s+(?:(?:the|dem|des|der)\s+)?(?:(?:[Cc]lusters?|[Nn]etzwerks?|[Nn]etwork)\s+)?"
    r"(?P<name>(?:[A-ZÄÖÜ][a-zäöü]+[A-Z]\w*|[a-z]+[A-Z]\w*|[A-Z]{2,}\w*)(?:\s[A-ZÄÖÜ][\w-]*){0,2}?)"
    r"(?=\s+(?:since|seit|for|in|im|and|und|has|hat|is|ist)\b|[,.;:?!)]|$)")


# "five questions for Tobias Merk, AeroWerk Bodensee", "Im Gespräch mit Anna Berg (SkyWerk Allgäu)"
_INTERVIEWEE = re.compile(
    r"(?i:questions?\s+(?:for|to)|interview\s+with|in\s+conversation\s+with|talking\s+to|speaks?\s+to|"
    r"Fragen\s+an|Interview\s+mit|im\s+Gespräch\s+mit|nachgefragt\s+bei)\s+(?:(?:Dr|Prof|Ing|Dipl)\.[\w.-]*\s+)*"
    r"[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+){1,2}\s*[,(]\s*"
    r"(?P<name>(?:[A-ZÄÖÜ][a-zäöü]+[A-Z]\w*|[a-z]+[A-Z]\w*|[A-Z]{2,}\w*)(?:\s[A-ZÄÖÜ][\w-]*){0,2}?)(?=\s*[),.;:!?]|\s*$)")


def speaker_name(sentence: str) -> str | None:
    """A brand-like organisation named after a role noun: the one its office holder speaks for.

    >>> speaker_name("Dr. Anna Berg has been managing director of SkyWerk Allgäu since 2021.")
    'SkyWerk Allgäu'
    >>> speaker_name("Ein Gespräch mit der Geschäftsführerin des Netzwerks MedTechNord.")
    'MedTechNord'
    >>> speaker_name("She is head of the department.") is None
    True
    >>> speaker_name('"Gold is next": five questions for Tobias Kern, SkyWerk Allgäu')
    'SkyWerk Allgäu'
    >>> speaker_name("Fragen an Anna Berg, Geschäftsführerin") is None
    True
    """
    match = _ROLE_OF.search(sentence) or _INTERVIEWEE.search(sentence)
    return match.group("name") if match else None


def speaker(text: str, sentences: list[Sentence], registry: Registry, site: str | None) -> Referent | None:
    """The publisher of a first-person text named outside its sentences: the site name of a web page,
    else the organisation of the person interviewed or writing, named in the title or lead."""
    names = [clean_name(site)] if site else []
    names += [speaker_name(s.text) for s in sentences[:3]]
    for name in names:
        if not name or name.split()[0] in _NOT_A_NAME:
            continue
        known = registry.known(name)
        if known is not None and Registry.final(known).type not in ORG_TYPES:
            continue
        if known is None and any(e.type not in ORG_TYPES for e in registry.gazetteer.candidates(name_key(name))):
            continue
        return _register(registry, name)
    return None


# a change of name: "Aus dem Metallverbund X wird Y", "X heißt ab sofort Y", "Y (vormals X)", "Y, formerly known as X",
# "X was renamed Y", "X wurde in Y umbenannt": the old name is an alias of the same organisation
_ORG = r"[A-ZÄÖÜ][\w&+.’'-]*(?:[ -](?:[A-ZÄÖÜ][\w&+.’'-]*|für|an\s+der|am|im|und|&|for|of|the)){0,4}?(?:\s+e\.\s?V\.)?"
_OLD, _NEW = rf"(?P<old>{_ORG})", rf"(?P<new>{_ORG})"
_END = r"(?=\s*(?:[.,;:!?)–—]|\s[–—-]\s|$)|\s+[a-zäöü\d])"
_RENAMES = [re.compile(r"(?<![\w-])" + p) for p in (  # every name starts at a word: no scan inside words
    rf"[Aa]us\s+(?:dem|der|den)\s+{_OLD}\s+wird\s+(?:(?:das|der|die)\s+)?{_NEW}{_END}",
    rf"{_OLD}\s+(?:hat\s+|has\s+)?(?:(?:zum|am|on|as\s+of)\s+[^,.;:]{{3,25}}\s+)?(?:seinen|ihren)\s+Namen\s+(?:geändert|gewechselt)"
    rf"[^.]{{0,40}}?\bheißt\s+(?:jetzt|nun|ab\s+sofort|künftig|fortan)\s+{_NEW}{_END}",
    rf"{_OLD}\s+(?:heißt|firmiert)\s+(?:jetzt|nun|ab\s+sofort|künftig|fortan)\s+(?:unter\s+(?:dem\s+Namen\s+)?|als\s+)?{_NEW}{_END}",
    rf"{_NEW}\s*(?:\(|,)\s*(?:formerly|previously)(?:\s+(?:known\s+as|called))?\s+{_OLD}{_END}",
    rf"{_NEW}\s*(?:\(|,)\s*(?:vormals|früher|ehemals|bis\s+\d{{4}})(?:\s+(?:bekannt\s+als|unter\s+dem\s+Namen))?\s+{_OLD}{_END}",
    rf"{_OLD}\s+(?:has\s+been\s+|was\s+|is\s+)?renamed\s+(?:to\s+|as\s+)?{_NEW}{_END}",
    rf"{_OLD}\s+(?:has\s+)?changed\s+its\s+name\s+to\s+{_NEW}{_END}",
    rf"{_OLD}\s+(?:wurde|wird|ist)\s+(?:[\wäöüß.]+\s+){{0,4}}?in\s+{_NEW}\s+umbenannt",
    rf"{_OLD}\s+benennt\s+sich\s+(?:[\wäöüß.]+\s+){{0,4}}?in\s+{_NEW}\s+um\b",
)]
_RENAME_CUE = re.compile(r"\bwird\b|Namen|heißt|firmiert|formerly|previously|vormals|früher|ehemals|renamed|umbenannt|"
                         r"benennt|changed\s+its\s+name|bis\s+\d{4}")


def renames(sentence: str) -> list[tuple[str, str]]:
    """``(old name, new name)`` of every change of name the sentence states.

    >>> renames("Aus dem Metallverbund Oberland wird FeinTec.")
    [('Metallverbund Oberland', 'FeinTec')]
    >>> renames("Zum 1. Mai 2022 hat der Holzverbund Rhön e.V. seinen Namen geändert: Der Verein heißt jetzt TimberHub Rhön e.V.")
    [('Holzverbund Rhön e.V.', 'TimberHub Rhön e.V.')]
    >>> renames("MedLink Baltic (formerly Health Network Lübeck) won the Silver label.")
    [('Health Network Lübeck', 'MedLink Baltic')]
    >>> renames("Aus dem Netzwerk wird ein Verein.")
    []
    """
    if not _RENAME_CUE.search(sentence):
        return []
    found = []
    for pattern in _RENAMES:
        for match in pattern.finditer(sentence):
            old, new = (_trim(re.sub(r"(?<!\bV)[.,]$", "", match.group(g).strip())) for g in ("old", "new"))
            if old and new and name_key(old) != name_key(new):
                found.append((old, new))
    return found


def _trim(name: str) -> str:
    """``Das Netzwerk ChemCoast`` -> ``ChemCoast``: no article or generic noun before the name."""
    words = name.split()
    while len(words) > 1 and (words[0] in _NOT_A_NAME or _GENERIC.fullmatch(words[0])):
        words = words[1:]
    if not words or words[0] in _NOT_A_NAME or len(words) == 1 and _GENERIC.fullmatch(words[0]):
        return ""  # "Der Verein heißt jetzt ...": no name
    return " ".join(words)


def merge_renamed(registry: Registry, old_name: str, new_name: str) -> None:
    old_clean, new_clean = clean_name(old_name), clean_name(new_name)
    if not old_clean or not new_clean:
        return
    refs = []
    for name in (new_clean, old_clean):
        known = registry.known(name)
        if known is not None and Registry.final(known).type not in ORG_TYPES:
            return  # "Aus dem Programm X wird Y": not an organisation's name
        refs.append(Registry.final(known) if known is not None else _register(registry, name))
    new, old = refs
    if new is not old:
        registry.merge(new, old)
        log.debug("renamed: %s -> %s", old.name, new.name)

# "Werkstoffnetz Harz", "Automobilcluster Ostwestfalen": a compound cluster noun and a region make a name
_COMPOUND_NAME = re.compile(
    r"(?<![\w-])(?P<name>[A-ZÄÖÜ][a-zäöüß]{2,}(?:netz|netzwerk|cluster|verbund|allianz|forum)\s+"
    r"(?P<region>[A-ZÄÖÜ][\w-]+(?:\s[A-ZÄÖÜ][\w-]+)?))(?![\w-])")


def compound_names(text: str) -> dict[str, str]:
    """Names made of a compound cluster noun and a place, each with its place, found twice in ``text``.

    >>> compound_names("Silber für das Werkstoffnetz Harz. Das Werkstoffnetz Harz wächst. Ein Logistiknetz Nord.")
    {'Werkstoffnetz Harz': 'Harz'}
    """
    seen: dict[str, str] = {}
    twice: dict[str, str] = {}
    for match in _COMPOUND_NAME.finditer(text):
        name = match.group("name")
        if name in seen:
            twice[name] = match.group("region")
        seen[name] = match.group("region")
    return twice


def _in_heading(text: str, name: str) -> bool:
    """Whether ``name`` stands in a short line of its own (a title or heading)."""
    return any(name in line and len(line.split()) <= 10 and not line.rstrip().endswith(".")
               for line in text.split("\n"))


def register_compound_names(text: str, registry: Registry) -> None:
    """Register the :func:`compound_names` whose place is known and that a heading names: what the
    document is about (a network named only in passing is left to name discovery)."""
    for name, region in compound_names(text).items():
        regions = registry.gazetteer.candidates(name_key(region), "Region")
        if not regions or registry.known(name) is not None or registry.gazetteer.candidates(name_key(name)):
            continue  # the tail must be a known place; a known name needs nothing
        if _in_heading(text, name):
            registry.get(name, "Cluster")
