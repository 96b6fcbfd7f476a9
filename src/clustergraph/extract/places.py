"""Facts about where: located in, the Land a ministry acts for (jurisdiction), and ``part of``
between regions (stated in the text, or from the reference data).

Which cluster a place adjective describes is decided in :mod:`subjects`.
"""

from __future__ import annotations

import re

from clustergraph.extract import lexicon
from clustergraph.extract import patterns as P
from clustergraph.extract.context import ORG_TYPES, Context
from clustergraph.extract.modality import blocked, clause
from clustergraph.extract.relations import _evidence, anaphor_subject, nearest
from clustergraph.extract.resolve import Referent
from clustergraph.extract.subjects import described_cluster

REFERENCE_EVIDENCE = "(reference knowledge, not stated in the text)"


def located_in(ctx: Context) -> None:
    for info in ctx.infos:
        for m in info.mentions:
            if m.type != "Region":
                continue
            end_rel = info.rel(m.end)
            named_only = False
            if m.kind == "name":
                possessive = re.match(r"[’']s\b", info.text[end_rel:])
                if possessive:
                    end_rel += possessive.end()
                else:
                    named_only = True  # "the Saarland automotive network AutoNet Saar"
            elif m.kind != "adjective":
                continue
            subject = described_cluster(ctx, info, end_rel, info.rel(m.start), named_only=named_only)
            if subject is not None:
                ctx.add(subject, "located in", m.ref, _evidence(info), 0.8)
        for cue in (P.LOCATED.finditer(info.text) if info.has("Region") else ()):
            cs, ce = cue.span()
            lo, hi = clause(info.text, cs, ce)
            region = None
            for candidate in sorted((m for m in info.mentions if m.type == "Region" and info.rel(m.start) >= ce
                                     and info.rel(m.end) <= hi), key=lambda m: m.start):
                if info.rel(candidate.start) - ce > 60:
                    break
                if re.match(r"[’']s\b", info.text[info.rel(candidate.end):]):
                    continue  # "North Rhine-Westphalia's Westmünsterland region": the place is what follows
                region = candidate
                break
            if region is None or blocked(info.text, cs, ce):
                continue
            if re.match(r"(?:[Cc]luster|[Nn]etwork|[Nn]etzwerk|Verein|association)\b", cue.group(0)):
                # "the cluster in Mannheim": only about an organisation named right there
                org = nearest(info, ORG_TYPES, cs, lo, hi, "left")
                if org is None or cs - info.rel(org.end) > 60:
                    continue
                ctx.add(org.ref, "located in", region.ref, _evidence(info), 0.75)
                continue
            org = nearest(info, ORG_TYPES, cs, lo, hi, "left") or nearest(info, ORG_TYPES, ce, lo, hi, "right")
            subject = org.ref if org else None
            if subject is None and re.search(r"geschäftsstelle|Sitz|office|headquarters|clustermanagement|Büro", info.text, re.I):
                subject = info.block or ctx.subject
            subject = subject or anaphor_subject(ctx, info, lo, hi)
            ctx.add(subject, "located in", region.ref, _evidence(info), 0.8 if org else 0.7)
        for m in info.mentions:
            if m.type not in ORG_TYPES:
                continue
            after = info.text[info.rel(m.end):]
            link = re.match(r"\s*\(|\s+aus\s+(?:dem\s+|der\s+)?|\s+from\s+", after)
            if not link:
                continue
            region = next((r for r in info.mentions if r.type == "Region" and r.kind == "name"
                           and info.rel(r.start) == info.rel(m.end) + link.end()), None)
            if region is not None:
                ctx.add(m.ref, "located in", region.ref, _evidence(info), 0.8)


_REGION_IN_REGION = re.compile(r"^\s+(?:liegt|lies|is\s+located|is\s+situated|gehört)\s+(?:\w+\s+)?(?:in|im|zu|zum|zur|within)\s+(?:the\s+|dem\s+|der\s+)?$")



def region_parts(ctx: Context) -> None:
    """``Landkreis X liegt in Bayern``: a region stated to lie in another (basis text)."""
    for info in ctx.infos:
        regions = [m for m in info.mentions if m.type == "Region" and m.kind == "name"]
        for a, b in zip(regions, regions[1:]):
            if _REGION_IN_REGION.match(info.text[info.rel(a.end):info.rel(b.start)]) and a.ref is not b.ref:
                ctx.add(a.ref, "part of", b.ref, _evidence(info), 0.8)






def list_items(ctx: Context, items: dict[int, dict]) -> None:
    """``Name (Land): topic`` items: located in the Land, working in the topic."""
    for index, attrs in items.items():
        info = ctx.infos[index]
        ref = ctx.list_items.get(index)
        if ref is None:
            continue
        _, _, region_text = attrs["region"]
        region = next((m.ref for m in info.mentions if m.type == "Region" and region_text in info.text
                       and info.rel(m.start) >= info.text.find("(")), None)
        if region is not None:
            ctx.add(ref, "located in", region, _evidence(info), 0.8)
        _, _, topic = attrs["topic"]
        sector = next((m.ref for m in info.mentions if m.kind == "sector" and info.rel(m.start) > info.text.find(":")), None)
        if sector is None and topic and len(topic.split()) <= 5:
            name = topic[0].upper() + topic[1:]
            sector = ctx.registry.get(name, "Sector", use_gazetteer=False)
        if sector is not None:
            ctx.add(ref, "sector", sector, _evidence(info), 0.75)




def jurisdiction(ctx: Context) -> None:
    """Each ministry acts for Germany (a federal ministry) or for its Land."""
    seen: set[int] = set()
    for info in ctx.infos:
        for m in info.mentions:
            if m.type != "Ministry" or m.ref.id in seen:
                continue
            seen.add(m.ref.id)
            region = _ministry_region(ctx, m.ref)
            if region is not None:
                ctx.add(m.ref, "jurisdiction", region, _evidence(info), 0.85)


def _ministry_region(ctx: Context, ref: Referent) -> Referent | None:
    registry = ctx.registry
    if ref.entry is not None and ref.entry.jurisdiction:
        entry = registry.gazetteer.by_iri(ref.entry.jurisdiction[0])
        if entry is not None:
            return registry.from_entry(entry)
    names = [ref.name, *ref.aliases]
    if any(n.startswith(("Bundes", "Federal", "German Federal")) for n in names) or any(
            re.fullmatch(r"BM[A-Z][A-Za-z]{0,5}", n) for n in names):
        return registry.get("Deutschland", "Region")
    for name in names:
        land = re.search(r"(?:des\s+(?:Landes|Freistaat(?:e)?s)|of\s+the\s+(?:Free\s+)?(?:State|Land)\s+of)\s+(.+)$", name)
        if land:
            return registry.known(land.group(1), "Region") or registry.get(land.group(1), "Region")
        first = re.match(r"^(Baden-Württemberg|Bavaria|Berlin|Brandenburg|Bremen|Hamburg|Hesse|Lower Saxony|Saxony-Anhalt|"
                         r"Saxony|Thuringia|Saarland|Schleswig-Holstein|North Rhine-Westphalia|Rhineland-Palatinate|"
                         r"Mecklenburg-Vorpommern)\b", name)
        if first:
            return registry.known(first.group(1), "Region") or registry.get(first.group(1), "Region")
        for lander in lexicon.LAENDER:
            if name.endswith(" " + lander):
                return registry.get(lander, "Region")
        adjective = ref.attrs.get("adjective") or name.split()[0]
        stem = re.sub(r"(?:es|en|e|er|em)$", "", adjective.lower())
        region = lexicon.REGION_ADJECTIVES_DE.get(stem) or lexicon.REGION_ADJECTIVES_EN.get(adjective) \
            or lexicon.REGION_ER_ADJECTIVES_DE.get(adjective)
        if region and region in lexicon.LAENDER:
            return registry.get(region, "Region")
    return None


def part_of(ctx: Context) -> None:
    """Parents of the regions the facts name, from the reference data (``basis="reference"``)."""
    regions = {f.object.id: f.object for f in ctx.facts if f.object.type == "Region"}
    for ref in list(regions.values()):
        if ref.entry is None:
            continue
        for parent_iri in ref.entry.part_of:
            parent = ctx.registry.gazetteer.by_iri(parent_iri)
            if parent is not None:
                ctx.add(ref, "part of", ctx.registry.from_entry(parent), (0, 0), 1.0, basis="reference")


__all__ = ["REFERENCE_EVIDENCE", "located_in", "list_items", "region_parts", "jurisdiction", "part_of"]
