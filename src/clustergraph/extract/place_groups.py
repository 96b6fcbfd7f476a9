"""Places stated for a whole group of clusters the text lists (``located in`` for each member).

* :func:`counted_group` -- ``Four clusters from Baden-Württemberg received ...`` / ``unterstützt drei
  Thüringer Netzwerke`` before a list of exactly that many clusters;
* :func:`all_based` -- ``All three networks are based in Hamburg.`` / ``Beide Netzwerke haben ihren
  Sitz in Kiel.`` after the group was named.

The count must agree with the group the text listed (``Five clusters from Bavaria applied; three
were selected:`` gives no place to the three), and hedged or negated clauses assert nothing.
"""

from __future__ import annotations

import re

from clustergraph.extract.context import Context, SentenceInfo
from clustergraph.extract.modality import blocked
from clustergraph.extract.place_phrases import is_foreign
from clustergraph.extract.arguments import evidence_span

_NUMBERS = {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
            "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_COUNTED_GROUP = re.compile(
    r"\b(?P<count>" + "|".join(_NUMBERS) + r"|\d{1,2})\s+(?:(?:weitere|neue|new|further|ausgewählte|selected)\w*\s+)?"
    r"(?P<words>(?:[\w-]+\s+){0,2}?)(?P<noun>Netzwerke|Netzwerken|Cluster|Clustern|Clusterinitiativen|Initiativen|Verbünde|"
    r"clusters|networks|initiatives)\b(?P<link>\s+(?:aus|from|in)\s+(?:dem\s+|der\s+|the\s+)?)?", re.IGNORECASE)


_ALL_BASED = re.compile(
    r"^(?:[Aa]ll|[Aa]lle|[Bb]oth|[Bb]eide)\s+(?:(?P<count>" + "|".join(_NUMBERS) + r"|\d{1,2})\s+)?(?:[\w-]+\s+)?"
    r"(?:networks|clusters|initiatives|partners|Netzwerke|Cluster|Initiativen|Partner)\s+"
    r"(?:are\s+(?:based|located|headquartered)\s+in|have\s+their\s+(?:seat|headquarters|offices?)\s+in|"
    r"haben\s+ihren\s+Sitz\s+in|sitzen\s+in|sind\s+in)\s+(?:der\s+|dem\s+|the\s+)?$")


def all_based(ctx: Context, info: SentenceInfo) -> None:
    """``All three networks are based in Hamburg.``: each member of the group the text listed."""
    members = ctx.group_members()
    if not members:
        return
    for region in (m for m in info.mentions if m.type == "Region" and m.kind == "name"):
        match = _ALL_BASED.match(info.text[:info.rel(region.start)])
        if match is None or blocked(info.text, 0, info.rel(region.end)):
            continue
        count = (match.group("count") or "").lower()
        number = _NUMBERS.get(count) or (int(count) if count.isdigit() else 0)
        if number and number != len(members) or (not number and re.match(r"[Bb]", info.text) and len(members) != 2):
            continue
        for member in members:
            if member is not region.ref:
                ctx.add(member, "located in", region.ref, evidence_span(info), 0.7)


def counted_group(ctx: Context, info: SentenceInfo) -> None:
    """``Four clusters from Baden-Württemberg received ...:`` / ``unterstützt drei Thüringer Netzwerke``
    followed by a list of exactly that many clusters: each of them is in the region."""
    if not ctx.group:
        return
    text = info.text
    for match in _COUNTED_GROUP.finditer(text):
        count = match.group("count").lower()
        number = _NUMBERS.get(count) or (int(count) if count.isdigit() else 0)
        members = list(dict.fromkeys(ctx.group))
        if number != len(members) or blocked(text, match.start(), match.end()):
            continue
        region = None
        for m in info.mentions:
            if m.type != "Region" or is_foreign(m):
                continue
            if m.kind == "adjective" and match.start("words") <= info.rel(m.start) < match.start("noun"):
                region = m
            elif m.kind == "name" and match.group("link") and info.rel(m.start) == match.end():
                region = m
        if region is None:
            continue
        for member in members:
            if member is not region.ref:
                ctx.add(member, "located in", region.ref, evidence_span(info), 0.7)


def group_cues(ctx: Context) -> None:
    """Run the group cues over every sentence that names a region (but the dateline)."""
    for info in ctx.infos:
        if info.sentence.index == ctx.dateline_index or not info.has("Region"):
            continue
        counted_group(ctx, info)
        all_based(ctx, info)


__all__ = ["counted_group", "all_based", "group_cues"]
