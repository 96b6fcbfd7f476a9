"""Which organisation a phrase describes.

An adjective or a sector word that modifies a cluster noun (``the Hessian mobility cluster X``,
``des sächsischen Life-Sciences-Clusters``) describes the cluster named right after the noun, or,
with a singular definite article and no name, the cluster the announcement is about. Used by the
place, sector and office finders.
"""

from __future__ import annotations

import re

from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.arguments import nearest
from clustergraph.extract.resolve import Referent

NOUN_AFTER = re.compile(
    r"^(?:\s+|-)(?:[\w]+[\s-]+){0,2}?(?P<noun>(?:[\w]+-)*(?:[Cc]luster|[Nn]etzwerk|[Nn]etwork|Verbund|Verein|Bündnis|"
    r"Kompetenznetz\w*|Branchennetzwerk|[Ii]nitiative)(?:s|es|e)?|\w+(?:cluster|netzwerk)(?:s|es)?)(?![\w-])"
    r"(?!\s*(?:programme|program|Programm|initiative|Initiative|competition|Wettbewerb|scheme|Label|label))"
)
SINGULAR_BEFORE = re.compile(r"(?:\b(?:des|dem|das|der|the|our|its|unser(?:es|em|er)?|ihr(?:es|em|er)?|sein(?:es|em|er)?|[\w]+[’']s)\s+)$", re.I)
GENERIC_ORG = re.compile(
    r"^(?:(?:des|der|dem|the|unseres|our|its|dieses)\s+)?(?:[\w-]+\s+){0,3}?(?:[\w]+-)?(?:Netzwerk(?:e?s)?|Clusters?|Verein(?:e?s)?|Verband(?:e?s)?|"
    r"Bündnisses|Vorstand(?:e?s)?|network|cluster|association|board|Clustermanagements?)$", re.I
)


def described_cluster(ctx: Context, info: SentenceInfo, end_rel: int, start_rel: int, named_only: bool = False) -> Referent | None:
    """The cluster a modifier ending at ``end_rel`` describes (see the module docstring)."""
    after = NOUN_AFTER.match(info.text[end_rel:])
    if not after:
        return None
    noun_end = end_rel + after.end()
    named_next = re.match(r"\s+[„“\"»]?[A-ZÄÖÜ0-9]", info.text[noun_end:])
    if any(m.type == "Programme" and info.rel(m.start) < noun_end and info.rel(m.end) > end_rel for m in info.mentions):
        return None  # "the German go-cluster programme"
    for m in info.mentions:
        if m.type in ORG_TYPES and m.kind == "name":
            s, e = info.rel(m.start), info.rel(m.end)
            if (s <= start_rel < e and not named_only) or end_rel <= s <= noun_end + 2:
                return m.ref
    if named_only or named_next:
        return None  # "dem tschechischen Automobilcluster Autoklastr": a cluster with a name of its own
    noun = after.group("noun")
    before = info.text[:start_rel]
    apposition = re.search(r",\s*(?:the|a|an|der|die|das|ein|eine|einem|dem)\s+(?:[\w-]+\s+){0,3}?$", before)
    if apposition:
        for m in info.mentions:
            if m.type in ORG_TYPES and m.kind == "name" and info.rel(m.end) == apposition.start():
                return m.ref
    determiner = SINGULAR_BEFORE.search(re.sub(r"(?:\b(?!(?:des|dem|der|den|das|die|the)\b)[a-zäöü][\w-]+(?:e|en|er|es|em)\s+){1,4}$", "", before[-200:])) \
        or SINGULAR_BEFORE.search(before[-200:]) \
        or SINGULAR_BEFORE.search(re.sub(r"(?:\b(?!(?:the|a|an|and|or|of)\b)[a-z][\w-]+\s+){1,3}$", "", before[-200:]))
    if not determiner:
        return None
    word = determiner.group(0).strip().lower()
    plural_risk = word in ("der", "die") and not noun.endswith("s") and not noun.lower().endswith(("netzwerk", "verbund"))
    if plural_risk or re.search(r"(?:n|en)$", noun) and noun.lower().endswith("clustern"):
        return None
    return info.block or ctx.subject


def subject_before(ctx: Context, info: SentenceInfo, pos: int) -> Referent | None:
    org = nearest(info, ORG_TYPES, pos, 0, pos + 1, "left")
    if org is not None and pos - info.rel(org.end) < 40:
        return org.ref
    if SINGULAR_BEFORE.search(info.text[:pos]):
        return info.block or ctx.subject
    return None
