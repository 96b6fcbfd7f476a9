"""Phrases and checks the place modules share, each spelled once.

* :func:`locally_blocked` -- whether a noun phrase around a place is negated or hedged;
* :func:`is_foreign` -- whether a place mention is a foreign country or abroad;
* :func:`country_named` -- the country a word stands for (``France``, ``Italien``, ``UK``);
* :data:`ANAPHOR_START` -- a sentence that opens with the text's cluster (``Der Cluster``, ``We``);
* :data:`COPULA_HEAD` -- ``X ist das Netzwerk``, ``X is the cluster`` right after a name;
* :data:`IN_BEFORE` -- ``in``/``im``/``in der`` right before a place;
* :data:`TOWN_WORD` and :data:`NOT_A_TOWN` -- a capitalised word that may be a town no list knows,
  and the words after ``aus``/``from``/``in`` that are no town (months, seasons, sector words).

>>> bool(IN_BEFORE.search("das in der "))
True
>>> bool(NOT_A_TOWN.match("April"))
True
"""

from __future__ import annotations

import re

from clustergraph.extract import lexicon
from clustergraph.extract.context import Context
from clustergraph.extract.dates import MONTH_NAMES_NO_JAENNER
from clustergraph.extract.mentions import Mention
from clustergraph.extract.modality import blocked

ANAPHOR_START = re.compile(
    r"^(?:[„“\"»]?\s*)(?:(?:Der|Das|Die|Dem|The|Unser|Unserem|Our)\s+(?:[\w-]+\s+){0,2}?(?:Cluster|Netzwerk|Verein|Verbund|Allianz|"
    r"Bündnis|Initiative|cluster|network|association|alliance)\b|Wir\b|We\b|Er\b|Es\b|It\b|Sie\b)"
)
COPULA_HEAD = (r"^(?:\s+mit\s+Sitz\s+in\s+[A-ZÄÖÜ][\w-]*(?:\s[A-ZÄÖÜ(][\w()-]*)?|\s*,\s*(?:based|headquartered)\s+in\s+[^,]{2,40},)?"
               r"\s+(?:ist|is|war|was|bleibt|remains)\s+(?:(?:seit|since)\s+\d{4}\s+)?(?:das|der|die|the|a|an|ein|eine)\s+"
               r"(?:[\w-]+\s+){0,2}?(?:[\w-]*[Nn]etzwerk|[\w-]*[Cc]luster|network|Verbund|Verein|association)\b")
# "das in Y ansässige Netzwerk X", "der im Sauerland gelegene Cluster X"
IN_BEFORE = re.compile(r"\b(?:in|im)\s+(?:der\s+|dem\s+)?$")

NOT_A_TOWN = re.compile(
    r"(?:" + "|".join(MONTH_NAMES_NO_JAENNER) + r"|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|Anfang|Ende|Mitte|Beginn|Frühjahr|Sommer|Herbst|Winter|Spring|Summer|"
    r"Autumn|Fall|Early|Late|Now|Today|Heute|Jetzt|Sicht|Perspektive|Überzeugung|Tradition|Erfahrung|Mitteln|Mittel|"
    r"Industrie|Industry|Wirtschaft|Wissenschaft|Forschung|Research|Science|Politik|Praxis|Sicht|Gründen)\b")
TOWN_WORD = re.compile(r"(?P<town>[A-ZÄÖÜŁŚŻŽČŘ][\w’'-]+(?:\s(?:an\s+der|am|im|ob\s+der|bei)\s[A-ZÄÖÜ][\w-]+)?)"
                       r"(?:\s*,\s*(?P<comma>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)|\s*\((?P<bracket>[A-ZÄÖÜ][\w-]+(?:\s[A-Z][\w-]+)?)\))?"
                       r"(?=\s*(?:[.,;:)]|$)|\s+(?:und|and|sowie|seit|since)\b|\s+[a-zäöüß])")

_COUNTRY_VARIANTS = {"Czech Republic": "Tschechien", "Tschechische Republik": "Tschechien", "The Netherlands": "Niederlande",
                     "Holland": "Niederlande", "UK": "Vereinigtes Königreich", "Great Britain": "Vereinigtes Königreich",
                     "USA": "Vereinigte Staaten", "Slovak Republic": "Slowakei"}


def locally_blocked(text: str, start: int, end: int) -> bool:
    """Whether the noun phrase ``text[start:end]`` (a few words around it) is negated or hedged."""
    lo, hi = max(0, start - 25), min(len(text), end + 25)
    return blocked(text[lo:hi], start - lo, end - lo) is not None


def is_foreign(m: Mention) -> bool:
    """Whether the place mention ``m`` is a foreign country, or a place abroad."""
    name = m.ref.name
    return bool(name in lexicon.COUNTRIES or m.ref.attrs.get("country") and name != "Deutschland")


def country_named(ctx: Context, name: str | None):
    """The country ``name`` stands for (``France``, ``Italien``), or ``None`` (Germany is no foreign country)."""
    if not name:
        return None
    name = _COUNTRY_VARIANTS.get(name, name)
    german = next((de for de, en in lexicon.COUNTRIES.items() if name in (de, en)), None)
    if german is None or german == "Deutschland":
        return None
    ref = ctx.registry.known(german, "Region") or ctx.registry.known(name, "Region")
    if ref is None:
        ref = ctx.registry.get(german, "Region", surface=name)
    return ref


__all__ = ["ANAPHOR_START", "COPULA_HEAD", "IN_BEFORE", "NOT_A_TOWN", "TOWN_WORD", "locally_blocked", "is_foreign",
           "country_named"]
