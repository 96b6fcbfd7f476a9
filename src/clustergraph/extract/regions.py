"""Facts between places and about them: ``part of`` between regions (stated in the text, or from
the reference data) and the Land a ministry acts for (``jurisdiction``).

* :func:`region_parts` -- ``Landkreis X liegt in Bayern``: a region stated to lie in another;
* :func:`jurisdiction` -- each ministry acts for Germany (a federal ministry) or for its Land (its
  reference entry, its name, or a Land adjective right before it: ``the Hessian Ministry``);
* :func:`part_of` -- the parents of every region the facts name, from ``data/reference/places.ttl``
  (``basis="reference"``), after :func:`drop_impossible_places` forgot job titles taken for places.
"""

from __future__ import annotations

import re

from clustergraph.extract import lexicon
from clustergraph.extract.context import Context
from clustergraph.extract.arguments import evidence_span
from clustergraph.extract.resolve import Referent, Registry

_REGION_IN_REGION = re.compile(r"^\s+(?:liegt|lies|is\s+located|is\s+situated|gehört)\s+(?:\w+\s+)?(?:in|im|zu|zum|zur|within)\s+(?:the\s+|dem\s+|der\s+)?$")



def region_parts(ctx: Context) -> None:
    """``Landkreis X liegt in Bayern``: a region stated to lie in another (basis text)."""
    for info in ctx.infos:
        regions = [m for m in info.mentions if m.type == "Region" and m.kind == "name"]
        for a, b in zip(regions, regions[1:]):
            if _REGION_IN_REGION.match(info.text[info.rel(a.end):info.rel(b.start)]) and a.ref is not b.ref:
                ctx.add(a.ref, "part of", b.ref, evidence_span(info), 0.8)


def jurisdiction(ctx: Context) -> None:
    """Each ministry acts for Germany (a federal ministry) or for its Land."""
    seen: set[int] = set()
    for info in ctx.infos:
        for m in info.mentions:
            if m.type != "Ministry" or m.ref.id in seen:
                continue
            region = _ministry_region(ctx, m.ref) or _ministry_context_region(info, m)
            if region is not None:
                seen.add(m.ref.id)
                ctx.add(m.ref, "jurisdiction", region, evidence_span(info), 0.85)


_ARTICLE_BEFORE = re.compile(r"(?:^|\b(?:the|das|die|der|dem|des|vom|von|by|from|beim)\s+)$", re.I)


def _ministry_context_region(info, ministry) -> Referent | None:
    """``the Hessian Ministry ...``: the Land adjective written right before the ministry's name."""
    laender = set(lexicon.LAENDER)
    start = info.rel(ministry.start)
    for m in info.mentions:
        if m.type != "Region" or Registry.final(m.ref).name not in laender:
            continue
        if m.kind == "adjective" and info.rel(m.end) <= start and re.fullmatch(r"\s*", info.text[info.rel(m.end):start]) \
                and _ARTICLE_BEFORE.search(info.text[:info.rel(m.start)]):
            return m.ref
    return None


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


_NOT_A_PLACE = re.compile(r"\b(?:Referent\w*|Leiter\w*|Manager\w*|Assisten\w*|Kommunikation|Presse\w*|Marketing|"
                          r"Vorstand\w*|Geschäftsführ\w*|Officer|Head|Director|Communications?)\b")


def drop_impossible_places(ctx: Context) -> None:
    """Forget ``located in`` facts whose place is a job title (``Svenja Mertens, Referentin Kommunikation``)."""
    ctx.facts = [f for f in ctx.facts if not (
        f.relation == "located in" and Registry.final(f.object).entry is None
        and _NOT_A_PLACE.search(Registry.final(f.object).name))]


def part_of(ctx: Context) -> None:
    """Parents of the regions the facts name, from the reference data (``basis="reference"``).

    Runs last among the place finders, so it first drops impossible places (:func:`drop_impossible_places`).
    """
    drop_impossible_places(ctx)
    regions = {f.object.id: f.object for f in ctx.facts if f.object.type == "Region"}
    stated = {(f.subject.id, f.object.id) for f in ctx.facts if f.relation == "part of"}
    for ref in list(regions.values()):
        if ref.entry is None:
            continue
        for parent_iri in ref.entry.part_of:
            parent = ctx.registry.gazetteer.by_iri(parent_iri)
            if parent is None:
                continue
            parent_ref = ctx.registry.from_entry(parent)
            if (ref.id, parent_ref.id) not in stated:  # the text said it: keep its evidence
                ctx.add(ref, "part of", parent_ref, (0, 0), 1.0, basis="reference")


__all__ = ["region_parts", "jurisdiction", "part_of", "drop_impossible_places"]
