"""Parts of a funding sentence (helpers of :mod:`clustergraph.extract.funding`).

:func:`segment_date` finds the date in the same part of a sentence as a funding cue;
:func:`inverted_funder` the funder a German verb-second sentence names after its verb
(``Zusätzlich fördert das Ministerium X ein Projekt des Netzwerks``).
"""

from __future__ import annotations

import re

from clustergraph.extract import patterns as P
from clustergraph.extract.context import SentenceInfo
from clustergraph.extract.mentions import Mention


# German verb-second order: "Zusätzlich fördert das Ministerium ...", the funder right after the verb
_INVERTED_START = re.compile(r"^\W*(?:Zusätzlich|Außerdem|Darüber\s+hinaus|Daneben|Ebenfalls|Auch|Seit\s+\S+|Zudem|Weiterhin)\s+$")
_ARTICLE_GAP = re.compile(r"^\s+(?:das|der|die|den|dem)\s+$")


def inverted_funder(info: SentenceInfo, ce: int, hi: int) -> Mention | None:
    """The ministry or programme named right after a funding verb that an adverb put first."""
    cs = max((c.start() for c in P.ACTIVE_FUNDING.finditer(info.text, 0, ce)), default=None)
    if cs is None or not _INVERTED_START.match(info.text[:cs]):
        return None
    for m in info.mentions:
        rel = info.rel(m.start)
        if m.type in ("Ministry", "Programme") and ce <= rel < hi and (rel == ce or _ARTICLE_GAP.match(info.text[ce:rel])
                                                                      or info.text[ce:rel].strip() == ""):
            return m
    return None


_SEGMENT = re.compile(r",\s|;\s")
_SEGMENT_VERBS = re.compile(r",\s|;\s|\s(?:und|and)\s+(?=(?:wird|ist|hat|war|erhält|erhielt|is|has|was|were|received|receives)\b)")


def segment_date(info: SentenceInfo, start: int, end: int, conjunctions: bool = False) -> str | None:
    """A date in the same part of the sentence as ``[start, end)`` (parts end at commas, semicolons and,
    with ``conjunctions``, at ``und``/``and`` before a verb; not at a comma inside a name such as
    ``Ministerium für Wirtschaft, Arbeit und Verkehr``)."""
    pattern = _SEGMENT_VERBS if conjunctions else _SEGMENT
    names = [(info.rel(m.start), info.rel(m.end)) for m in info.mentions if m.kind == "name"]
    lo, hi = 0, len(info.text)
    for match in pattern.finditer(info.text):
        if any(s <= match.start() < e for s, e in names):
            continue
        if match.end() <= start:
            lo = match.end()
        elif match.start() >= end:
            hi = match.start()
            break
    dates = [d for d in info.dates if lo <= d.start and d.end <= hi and not d.until]
    return dates[0].iso if dates else None
