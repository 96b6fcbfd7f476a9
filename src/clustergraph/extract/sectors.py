"""Sector facts from the sector words of the closed list (``lexicon.SECTORS``, found as mentions):
a sector word that modifies a cluster noun, ``Cluster für ...``, ``X vernetzt Unternehmen der ...``,
``Der Schwerpunkt von X liegt auf ...``. Open-ended fields are in :mod:`sector_phrases`.
"""

from __future__ import annotations

import re

from clustergraph.extract import patterns as P
from clustergraph.extract.context import ORG_TYPES, Context
from clustergraph.extract.relations import _evidence, anaphor_subject, nearest
from clustergraph.extract.subjects import described_cluster, subject_before

_FOCUS = re.compile(
    r"\b(?:Schwerpunkt|Fokus|focus|Arbeitsschwerpunkt)\s+(?:von|des|der|of)\b|\b(?:konzentriert|spezialisiert|focuses|focused|"
    r"specialises|specializes|specialised|specialized)\b"
)


def focus_sectors(ctx: Context) -> None:
    """``Der Schwerpunkt von X liegt auf Umwelttechnik``, ``X focuses on photonics``."""
    for info in ctx.infos:
        cue = _FOCUS.search(info.text)
        if not cue:
            continue
        sector = next((m for m in info.mentions if m.kind == "sector" and info.rel(m.start) > cue.start()), None)
        if sector is None:
            continue
        org = nearest(info, ORG_TYPES, info.rel(sector.start), 0, info.rel(sector.start), "left")
        subject = org.ref if org else anaphor_subject(ctx, info, 0, len(info.text))
        ctx.add(subject, "sector", sector.ref, _evidence(info), 0.7)


def sectors(ctx: Context) -> None:
    for info in ctx.infos:
        for m in info.mentions:
            if m.kind != "sector":
                continue
            subject = described_cluster(ctx, info, info.rel(m.end), info.rel(m.start))
            if subject is None:
                before = info.text[:info.rel(m.start)]
                link = re.search(r"(?:[Cc]luster|[Nn]etzwerk|[Nn]etwork)(?:s|es)?\s+(?:für|for|der|of)\s+(?:die\s+|the\s+)?$", before)
                if link:
                    subject = subject_before(ctx, info, link.start())
            if subject is not None:
                ctx.add(subject, "sector", m.ref, _evidence(info), 0.75)


def network_sectors(ctx: Context) -> None:
    """``X vernetzt ... Unternehmen der Ernährungswirtschaft``, ``The cluster brings together ... from electric mobility``."""
    for info in ctx.infos:
        verb = P.NETWORK_VERB.search(info.text)
        if not verb:
            continue
        sector = next((m for m in info.mentions if m.kind == "sector" and info.rel(m.start) > verb.start()), None)
        if sector is None:
            continue
        head = info.text[:verb.start()]
        named = [m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name" and info.rel(m.start) < 3]
        if named:
            subject = named[0].ref
        elif P.ANAPHOR_SUBJECT_START.match(head) or re.match(r"^(?:Die|Der|Das|The)\s+(?:[\w-]+\s+){0,5}?(?:Allianz|Cluster|Netzwerk|"
                                                             r"cluster|network|Verein|Initiative)\b", head):
            subject = info.block or ctx.subject
        else:
            continue
        ctx.add(subject, "sector", sector.ref, _evidence(info), 0.7)
