"""Language of a text, German or English, from stopword counts.

>>> detect_language("Der Cluster wurde in das Programm aufgenommen und ist nun Mitglied.")
'de'
>>> detect_language("The cluster has joined the programme and is now a member of the network.")
'en'
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
GERMAN = frozenset(
    "der die das und ist nicht mit von für den dem des ein eine einer eines wird wurde werden "
    "auf sich im zu zum zur auch als bei aus nach über durch sind hat haben wir sie es dass "
    "oder wie noch nur vom ins am um".split()
)
ENGLISH = frozenset(
    "the and of to is in for with was has have by on that this are from as at be its it an "
    "which were their been will our we or not".split()
)


def detect_language(text: str, default: str = "de") -> str:
    """``"de"`` or ``"en"``: whichever language's function words are more frequent."""
    german = english = 0
    for word in _WORD.findall(text[:20000]):
        lower = word.lower()
        if lower in GERMAN:
            german += 1
        if lower in ENGLISH:
            english += 1
    if german == english:
        return default
    return "de" if german > english else "en"
