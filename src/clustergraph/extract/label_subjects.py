"""Who a label sentence is about: the cluster an anaphor (``der Cluster``, ``we``, ``die Allianz``) stands for,
and the positions that name an organisation only obliquely (``mit dem Cluster X``, ``by ESCA``).

Shared by :mod:`labels` (awards) and :mod:`label_prospects` (labels aimed for), and used by the sector finders
for ``Das Netzwerk``.
"""

from __future__ import annotations

import re

from clustergraph.extract import patterns as P
from clustergraph.extract.context import Context, SentenceInfo
from clustergraph.extract.mentions import with_first_characters
from clustergraph.extract.arguments import anaphor_subject
from clustergraph.extract.resolve import Referent, Registry

# the cluster named by a noun the pattern module does not treat as an anaphor
EXTRA_ANAPHOR = re.compile(
    r"\b(?:[Dd](?:er|ie|em|as)|[Tt]he|[Oo]ur|[Uu]nser(?:e[mr]?)?)\s+(?:[\w-]+\s+){0,3}?(?:Allianz|alliance|Verbund|"
    r"[Vv]orstand|board|Clustermanagement|cluster\s+management|Geschäftsstelle|cluster|network)\b"
)
# subordinate positions of an organisation: not the one who aims or receives
OBLIQUE = re.compile(r"\b(?:des|der|dem|vom|von|bei|beim|mit|durch|of|by|from|at|with|to|an|für|for)\s+"
                     r"(?:the\s+|das\s+|die\s+|den\s+|dem\s+|der\s+)?$")

TIER_NAMES = {"gold": "Gold", "silber": "Silver", "silver": "Silver", "bronze": "Bronze"}
# a bare tier word (not part of a label phrase)
BARE_TIER = re.compile(r"(?<![\w-])(?P<tier>Gold|Silber|Silver|Bronze)(?![\w-])")
# a publisher that is no cluster: a university's release about a network ("Das Netzwerk" is the network)
_INSTITUTION = re.compile(r"Hochschule|Universit|Institut|Fraunhofer|Helmholtz|Max-Planck|Kammer|\bIHK\b|Stiftung|"
                          r"Foundation|College|Akademie|Academy|Klinik|Hospital")
_INSTITUTION = with_first_characters(_INSTITUTION)  # the same matches, found faster
_LABELISH = re.compile(r"(?i)^(?:gold|silber|silver|bronze)\b|label$")


def own_cluster(ctx: Context, info: SentenceInfo) -> Referent | None:
    """The cluster an anaphor stands for: the ``About X`` block's, else the announcement's; when the
    headline made a label phrase the subject (``Silber bestätigt: X ...``) or the announcement is a university's
    or another institution's, the cluster named most often; none when the only cluster named is a partner."""
    ref = info.block or ctx.subject
    if ref is not None and info.block is None and (partner_only(ctx, ref) or common_noun_only(ctx, ref)):
        return None  # the only cluster named is a partner ("Mit dem Netzwerk X verbindet uns") or no name at all
    if ref is not None and not _LABELISH.search(ref.name) and not _INSTITUTION.search(ref.name):
        return ref
    counts: dict = {}
    for other in ctx.infos:
        for m in other.mentions:
            if m.type == "Cluster" and m.kind == "name" and not _LABELISH.search(m.ref.name):
                counts[m.ref] = counts.get(m.ref, 0) + 1
    return max(counts, key=counts.get) if counts else None



# the position of a partner: "mit dem tschechischen Cluster X", "with the Czech cluster X", "zwischen X und"
_PARTNER_BEFORE = re.compile(
    r"\b(?:[Mm]it|[Ww]ith|[Zz]wischen|[Bb]etween)\s+(?:(?:dem|der|den|das|the|a|an|einem|einer)\s+)?(?:[\w-]+\s+){0,3}$"
)


def partner_only(ctx: Context, ref: Referent) -> bool:
    """Whether every mention of ``ref`` by name is a partner's position (``with the Czech cluster X``): such a
    cluster is not the one ``wir``/``we``/``the cluster`` stands for, even when it is the only cluster named."""
    cache = ctx.__dict__.setdefault("_partner_only", {})
    if ref.id not in cache:
        positions = [(info, info.rel(m.start)) for info in ctx.infos for m in info.mentions
                     if m.kind == "name" and Registry.final(m.ref) is Registry.final(ref)]
        cache[ref.id] = bool(positions) and all(_PARTNER_BEFORE.search(info.text, max(0, pos - 60), pos)
                                                for info, pos in positions)
    return cache[ref.id]


def common_noun_only(ctx: Context, ref: Referent) -> bool:
    """Whether ``ref`` is one capitalised word that the text always puts after an article (``des Trägervereins``):
    a German common noun taken for a name, not a cluster an anaphor could stand for."""
    if " " in ref.name or not re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+", ref.name):
        return False
    positions = [(info, info.rel(m.start)) for info in ctx.infos for m in info.mentions
                 if m.kind == "name" and Registry.final(m.ref) is Registry.final(ref)]
    return bool(positions) and all(re.search(r"\b(?:des|der|dem|den|eines|einer|einem)\s+$", info.text[max(0, pos - 8):pos])
                                   for info, pos in positions)


def masked(info: SentenceInfo) -> str:
    """The sentence with the names of programmes and labels blanked (``der European Cluster Excellence
    Initiative`` is no anaphor for a cluster)."""
    text = info.text
    for m in info.mentions:
        if m.type in ("Programme", "Label", "Ministry", "Organisation") and m.kind == "name":
            s, e = max(0, info.rel(m.start)), min(len(text), info.rel(m.end))
            text = text[:s] + "x" * (e - s) + text[e:]
    return text


def label_anaphor(ctx: Context, info: SentenceInfo, lo: int, hi: int, strict: bool = False) -> Referent | None:
    """The cluster that ``der Cluster``, ``we``, ``der Vorstand``, ``die Allianz`` stands for in ``[lo, hi)``.

    ``strict`` refuses a noun with a place or proper modifier (``der Turiner Cluster``, ``das Karlsruher
    Netzwerk``): that describes a particular cluster, often another one."""
    text = masked(info)[lo:hi]
    found = [m.group(0) for pattern in (P.ANAPHOR, EXTRA_ANAPHOR) for m in pattern.finditer(text)]
    if strict:
        found = [f for f in found if not re.search(r"\s[A-ZÄÖÜ][\w-]*(?:er|ische[nmrs]?|ian|ese|ish)\s", f)]
    if found or (info.is_title and ctx.subject is not None):
        return own_cluster(ctx, info)
    if P.PRONOUN.search(text) and anaphor_subject(ctx, info, lo, hi) is not None:
        return own_cluster(ctx, info)
    return None


# a definite cluster noun, also as the head of a compound: "das Karlsruher Logistiknetzwerk", "the Hessian network"
DEFINITE_CLUSTER_NOUN = re.compile(
    r"\b(?:[Dd](?:as|er|em|es)|[Tt]he)\s+(?:[\w-]+\s+){0,2}?[\w-]*(?:[Nn]etzwerk|[Cc]luster|network)(?:e?s)?\b"
)


def previous_cluster(ctx: Context, info: SentenceInfo) -> Referent | None:
    """The one cluster the sentence before names (same paragraph): what ``das Karlsruher Logistiknetzwerk``
    refers back to in a newsletter item about several clusters."""
    position = next((i for i, other in enumerate(ctx.infos) if other is info), 0)
    if position == 0:
        return None
    before = ctx.infos[position - 1]
    if before.paragraph != info.paragraph:
        return None
    named = {m.ref for m in before.mentions if m.type == "Cluster" and m.kind == "name"}
    return named.pop() if len(named) == 1 else None

