"""Facts about where and what: located in, sector, offices (managing director, spokesperson),
jurisdiction of ministries, and ``part of`` between regions from the reference data.

An adjective or a sector word that modifies a cluster noun (``the Hessian mobility cluster X``,
``des sächsischen Life-Sciences-Clusters``) describes the cluster named right after the noun, or,
with a singular definite article and no name, the cluster the announcement is about.
"""

from __future__ import annotations

import re

from clustergraph.extract import lexicon
from clustergraph.extract import patterns as P
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.modality import blocked, clause
from clustergraph.extract.names import clean_name
from clustergraph.extract.relations import _evidence, anaphor_subject, nearest, sentence_date
from clustergraph.extract.resolve import Referent

REFERENCE_EVIDENCE = "(reference knowledge, not stated in the text)"
_NOUN_AFTER = re.compile(
    r"^(?:\s+|-)(?:[\w]+[\s-]+){0,2}?(?P<noun>(?:[\w]+-)*(?:[Cc]luster|[Nn]etzwerk|[Nn]etwork|Verbund|Verein|Bündnis|"
    r"Kompetenznetz\w*|Branchennetzwerk|[Ii]nitiative)(?:s|es|e)?|\w+(?:cluster|netzwerk)(?:s|es)?)(?![\w-])"
    r"(?!\s*(?:programme|program|Programm|initiative|Initiative|competition|Wettbewerb|scheme|Label|label))"
)
_SINGULAR_BEFORE = re.compile(r"(?:\b(?:des|dem|das|der|the|our|its|unser(?:es|em|er)?|ihr(?:es|em|er)?|sein(?:es|em|er)?|[\w]+[’']s)\s+)$", re.I)
_GENERIC_ORG = re.compile(
    r"^(?:(?:des|der|dem|the|unseres|our|its|dieses)\s+)?(?:[\w-]+\s+){0,3}?(?:[\w]+-)?(?:Netzwerk(?:e?s)?|Clusters?|Verein(?:e?s)?|Verband(?:e?s)?|"
    r"Bündnisses|Vorstand(?:e?s)?|network|cluster|association|board|Clustermanagements?)$", re.I
)


def _described(ctx: Context, info: SentenceInfo, end_rel: int, start_rel: int, named_only: bool = False) -> Referent | None:
    """The cluster a modifier ending at ``end_rel`` describes (see the module docstring)."""
    after = _NOUN_AFTER.match(info.text[end_rel:])
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
    determiner = _SINGULAR_BEFORE.search(re.sub(r"(?:\b(?!(?:des|dem|der|den|das|die|the)\b)[a-zäöü][\w-]+(?:e|en|er|es|em)\s+)+$", "", before)) \
        or _SINGULAR_BEFORE.search(before) \
        or _SINGULAR_BEFORE.search(re.sub(r"(?:\b(?!(?:the|a|an|and|or|of)\b)[a-z][\w-]+\s+){1,3}$", "", before))
    if not determiner:
        return None
    word = determiner.group(0).strip().lower()
    plural_risk = word in ("der", "die") and not noun.endswith("s") and not noun.lower().endswith(("netzwerk", "verbund"))
    if plural_risk or re.search(r"(?:n|en)$", noun) and noun.lower().endswith("clustern"):
        return None
    return info.block or ctx.subject


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
            subject = _described(ctx, info, end_rel, info.rel(m.start), named_only=named_only)
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
_FOCUS = re.compile(
    r"\b(?:Schwerpunkt|Fokus|focus|Arbeitsschwerpunkt)\s+(?:von|des|der|of)\b|\b(?:konzentriert|spezialisiert|focuses|focused|"
    r"specialises|specializes|specialised|specialized)\b"
)


def region_parts(ctx: Context) -> None:
    """``Landkreis X liegt in Bayern``: a region stated to lie in another (basis text)."""
    for info in ctx.infos:
        regions = [m for m in info.mentions if m.type == "Region" and m.kind == "name"]
        for a, b in zip(regions, regions[1:]):
            if _REGION_IN_REGION.match(info.text[info.rel(a.end):info.rel(b.start)]) and a.ref is not b.ref:
                ctx.add(a.ref, "part of", b.ref, _evidence(info), 0.8)


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
            subject = _described(ctx, info, info.rel(m.end), info.rel(m.start))
            if subject is None:
                before = info.text[:info.rel(m.start)]
                link = re.search(r"(?:[Cc]luster|[Nn]etzwerk|[Nn]etwork)(?:s|es)?\s+(?:für|for|der|of)\s+(?:die\s+|the\s+)?$", before)
                if link:
                    subject = _subject_before(ctx, info, link.start())
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


def _subject_before(ctx: Context, info: SentenceInfo, pos: int) -> Referent | None:
    org = nearest(info, ORG_TYPES, pos, 0, pos + 1, "left")
    if org is not None and pos - info.rel(org.end) < 40:
        return org.ref
    if _SINGULAR_BEFORE.search(info.text[:pos]):
        return info.block or ctx.subject
    return None


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


# "Sprecher Prof. X von der Universität Y", "Jane Roe of Z University": where the person works, not their office
_AFFILIATION = re.compile(r"^\s*,?\s*(?:von\s+der|von\s+dem|vom|von|aus\s+der|aus\s+dem|aus|an\s+der|am|"
                          r"of\s+the|of|from\s+the|from|at\s+the|at)\s+$")


def roles(ctx: Context) -> None:
    for info, role in ctx.roles:
        if not role.current:
            continue
        s, e = info.rel(role.person_span[0]), info.rel(role.person_span[1])
        if blocked(info.text, s, e, allow_prospect=True):
            continue
        org = None
        confidence = role.confidence
        if role.org_span is not None:
            os_, oe = role.org_span
            for m in info.mentions:
                if m.type in ORG_TYPES + ("Ministry", "Programme") and m.start < oe and os_ < m.end and m.start >= os_ - 1:
                    org = m.ref
                    break
            if org is None and role.org_text:
                text = role.org_text.strip()
                if _GENERIC_ORG.match(text):
                    org = info.block or ctx.subject
                elif text.rstrip("-").lower() in {a.lower() for a in _names(ctx.subject)}:
                    org = ctx.subject
                else:
                    org = ctx.registry.known(clean_name(text))
        elif role.org_text is None:
            named = list(dict.fromkeys(m.ref for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"
                                       and not _AFFILIATION.match(info.text[e:info.rel(m.start)])))
            org = named[0] if len(named) == 1 and info.block is None else (info.block or ctx.subject)
            confidence = min(confidence, 0.7)
        if org is None or org.type not in ORG_TYPES:
            continue
        person = ctx.registry.get(role.person, "Person", use_gazetteer=False)
        date = sentence_date(info, s) or ctx.issued
        ctx.add(person, role.role, org, _evidence(info), confidence, date)


def _names(ref: Referent | None) -> list[str]:
    return [] if ref is None else [ref.name, *ref.aliases]


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


__all__ = ["REFERENCE_EVIDENCE", "located_in", "sectors", "list_items", "roles", "jurisdiction", "part_of",
           "sentence_date"]
