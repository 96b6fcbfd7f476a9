"""Facts about where an organisation is (``located in``); ``part of`` between regions and the Land a
ministry acts for (``jurisdiction``) are read by :mod:`regions`.

Which cluster a place adjective describes is decided in :mod:`subjects`; this module adds the
readings it leaves open (copulas, appositions, possessives, a number after the noun) and the basic
cues (``mit Sitz in``, ``based in``, ``X (Ort)``, ``aus``/``from``). More cues live in
:mod:`place_cues` (seats, copulas, ``Emden, Lower Saxony``), :mod:`member_places` (members from
a place), :mod:`place_groups` (``All three networks are based in Hamburg``) and :mod:`towns`
(places the gazetteer does not know, town adjectives; with :mod:`addresses` and
:mod:`seat_statements`). Towns, Regierungsbezirke and cluster regions come from ``data/reference/places.ttl`` (``scripts/build_places.py``).

Kept out, as a careful reader does: the dateline, an event's venue, a person's employer for the
cluster, a place inside the cluster's own name, the founders' home (``founded in 2015 by companies
from the Rhineland``), a former seat (``Umzug von Remscheid nach Solingen``), hedged or negated
clauses, and a foreign partner or a university taken for "we".
"""

from __future__ import annotations

import re

from clustergraph.extract import lexicon
from clustergraph.extract import patterns as P
from clustergraph.extract.context import ORG_TYPES, Context
from clustergraph.extract.member_places import drop_member_lands_beside_a_seat
from clustergraph.extract.modality import blocked, clause
from clustergraph.extract.place_cues import place_cues
from clustergraph.extract.place_groups import group_cues
from clustergraph.extract.arguments import anaphor_subject, evidence_span, nearest
from clustergraph.extract.resolve import Referent, Registry
from clustergraph.extract.sectors import item_field
from clustergraph.extract.subjects import described_cluster
from clustergraph.extract.towns import coordinated_places, town_cues

REFERENCE_EVIDENCE = "(reference knowledge, not stated in the text)"


def located_in(ctx: Context) -> None:
    """Where the organisations are (see :mod:`place_cues` for the cues beyond the basic ones).

    "We", "our office" and an unnamed "the cluster" mean the announcement's own cluster: when the
    main subject found so far is a foreign partner, or named only in sentences about a partnership,
    the organisation the text introduces with "X is the cluster ..." takes its place while places
    are read (or none).
    """
    main = ctx.subject
    ctx.subject = _home_subject(ctx)
    try:
        _located_in(ctx)
    finally:
        ctx.subject = main


def _home_subject(ctx: Context) -> Referent | None:
    subject = ctx.subject
    foreign = subject is not None and any(
        m.kind == "adjective" and m.ref.name in lexicon.COUNTRIES and m.ref.name != "Deutschland"
        and _adjective_names(info, m, subject) for info in ctx.infos for m in info.mentions)
    if subject is not None and _ACADEMIC.search(subject.name):
        subject = None  # "das Netzwerk", "our office": not the university the text also names
    named_in = [info for info in ctx.infos if any(m.ref is subject and m.kind == "name" for m in info.mentions)]
    partner_only = bool(named_in) and all(P.PARTNER.search(info.text) for info in named_in)
    if subject is not None and not foreign and not partner_only:
        return subject
    foreign_or_partner = ctx.subject
    for info in ctx.infos:
        for m in info.mentions:
            if m.type in ORG_TYPES and m.kind == "name" and m.ref is not foreign_or_partner and \
                    _INTRODUCES.match(info.text[info.rel(m.end):]) and info.rel(m.start) <= 4:
                return m.ref
    return None  # "our office" is not the foreign partner's


_INTRODUCES = re.compile(r"^\s+(?:is|ist)\s+(?:the|das|der)\s+(?:[\w-]+\s+){0,2}?(?:cluster|network|Cluster|Netzwerk)\b")


def _adjective_names(info, adjective, ref) -> bool:
    """Whether the adjective mention stands right before a name of ``ref`` (``the Czech cluster X``)."""
    end = info.rel(adjective.end)
    return any(m.ref is ref and m.kind == "name" and 0 <= info.rel(m.start) - end <= 25 for m in info.mentions)


def _located_in(ctx: Context) -> None:
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
            if subject is not None and named_only and (
                    _JOINED.match(info.text[end_rel:end_rel + 12]) or _ARTICLE_AFTER.match(info.text[end_rel:end_rel + 8])
                    or _PREPOSITION_BEFORE.search(info.text[max(0, info.rel(m.start) - 8):info.rel(m.start)])):
                # "LogiCon Thüringen und das Netzwerk X", "gründen in Remscheid den Verein X": no modifier
                continue
            copula = _copula_subject(info, info.rel(m.start))
            if copula is not None or subject is None:
                # the readings this module adds: only in clauses that assert
                subject = copula or _apposition_subject(info, end_rel, info.rel(m.start)) or \
                    (None if named_only else _definite_noun_subject(ctx, info, end_rel, info.rel(m.start))) or \
                    (None if named_only else _opening_anaphor(ctx, info, end_rel, info.rel(m.start)))
                if subject is None and m.kind == "name" and not named_only:
                    subject = _possessive_subject(ctx, info, end_rel, info.rel(m.start))
                if subject is None and m.kind == "name" and _WE_ARE.search(info.text[:info.rel(m.start)]) \
                        and _noun_follows(info.text, info.rel(m.start)):
                    subject = info.block or ctx.subject  # "we are a Baden-Württemberg cluster"
                if subject is not None and blocked(info.text, info.rel(m.start), end_rel):
                    continue
            elif subject is not None and _HOPED_FOR.search(info.text[:info.rel(m.start)]):
                continue  # "hopes to win AgroNord DK, a Danish cluster, as a partner"
            if subject is not None and any(o.ref is subject and o.kind == "name" and o.start <= m.start and m.end <= o.end
                                           for o in info.mentions):
                continue  # the place is inside the organisation's own name ("Rennes-based Breton ...")
            if subject is not None and subject in (info.block, ctx.subject) and _unnamed_apposition(info, info.rel(m.start)):
                continue  # "..., the Danish maritime cluster": about a name the finder missed
            if subject is not None:
                ctx.add(subject, "located in", m.ref, evidence_span(info), 0.8)
        for cue in (P.LOCATED.finditer(info.text) if info.has("Region") else ()):
            cs, ce = cue.span()
            lo, hi = clause(info.text, cs, ce)
            region = None
            for candidate in sorted((m for m in info.mentions if m.type == "Region" and info.rel(m.start) >= ce
                                     and info.rel(m.end) <= hi), key=lambda m: m.start):
                if info.rel(candidate.start) - ce > 60:
                    break
                if cue.group(0).rstrip().endswith(("in", "aus")) and not _NEAR_GAP.match(info.text[ce:info.rel(candidate.start)]):
                    break  # "founded in 2015 by companies from the Rhineland": the founders' home
                if re.match(r"[’']s\b", info.text[info.rel(candidate.end):]):
                    continue  # "North Rhine-Westphalia's Westmünsterland region": the place is what follows
                region = candidate
                break
            if region is None or blocked(info.text, cs, ce) or _unnamed_apposition(info, cs, 60) or \
                    _FORMER_BEFORE.search(info.text[max(0, cs - 30):cs]):
                continue  # "was formerly based in Gera": not the seat now
            if re.match(r"(?:[Cc]luster|[Nn]etwork|[Nn]etzwerk|Verein|association)\b", cue.group(0)):
                # "the cluster in Mannheim": only about an organisation named right there
                org = nearest(info, ORG_TYPES, cs, lo, hi, "left")
                if org is None or cs - info.rel(org.end) > 60:
                    continue
                if re.search(r",\s*(?:a|an|the|ein|eine|der|die|das)\s+$", info.text[:info.rel(org.start)]) and \
                        re.fullmatch(r"\s*", info.text[info.rel(org.end):cs]):
                    # "BioRhein, a South Baden network from Lörrach": the name is a modifier in an apposition
                    comma = re.search(r",\s*(?:a|an|the|ein|eine|der|die|das)\s+$", info.text[:info.rel(org.start)]).start()
                    org = next((o for o in info.mentions if o.type in ORG_TYPES and o.kind == "name"
                                and info.rel(o.end) == comma), None)
                    if org is None:
                        continue
                ctx.add(org.ref, "located in", region.ref, evidence_span(info), 0.75)
                continue
            org = nearest(info, ORG_TYPES, cs, lo, hi, "left") or nearest(info, ORG_TYPES, ce, lo, hi, "right")
            if org is not None and info.rel(org.start) > info.rel(region.end) and \
                    _ANOTHER_CLAUSE.search(info.text[info.rel(region.end):info.rel(org.start)]):
                org = None  # "based in Langen, where its office shares a building with the X-Institut"
            subject = org.ref if org else None
            if subject is None and re.search(r"geschäftsstelle|Sitz|office|headquarters|clustermanagement|Büro", info.text, re.I) \
                    and not _SEAT_OF_OTHER.search(info.text[:cs]) and not _RELATIVE_BEFORE.search(info.text[:cs]):
                # "... des Hopfenverbands X vor, der seinen Sitz in Y hat": the antecedent's seat, not ours
                subject = info.block or _paragraph_topic(ctx, info) or ctx.subject or _recent_cluster(ctx, info)
            subject = subject or anaphor_subject(ctx, info, lo, hi)
            ctx.add(subject, "located in", region.ref, evidence_span(info), 0.8 if org else 0.7)
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
                ctx.add(m.ref, "located in", region.ref, evidence_span(info), 0.8)
    town_cues(ctx)
    group_cues(ctx)
    place_cues(ctx)
    coordinated_places(ctx)
    drop_member_lands_beside_a_seat(ctx)


# between "based in" / "mit Sitz in" and the place: at most an article or a short name part
_NEAR_GAP = re.compile(r"^\s*(?:(?:der|dem|den|des|the)\s+)?(?:[A-ZÄÖÜ][\w-]*\s+){0,2}$")
_COPULA_BEFORE = re.compile(r"^\s+(?:ist|is|war|was|bleibt|remains)\s+(?:(?:seit|since|in)\s+\d{4}\s+|\d{4}\s+)?"
                            r"(?:das|der|die|the|a|an|ein|eine|eines\s+der|einer\s+der|one\s+of\s+the)"
                            r"\s+(?:(?:einzige|erste|größte|wenigen|only|first|largest|leading|führende|few)\w*\s+)?$")
_POSSESSIVE_NOUN = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?[\w-]*(?:[Cc]luster|[Nn]etwork|association)\b(?!\s+[A-Z0-9„“\"])")
_APPOSITION_BEFORE = re.compile(r"^\s*,\s*(?:(?:the|a|an|der|die|das|ein|eine|one\s+of\s+the|einer?\s+der|eines\s+der)\s+"
                                r"(?:(?:[a-zäöü][\w-]*(?:st|sten|en|e))\s+)?)?$")
_ARTICLE_AFTER = re.compile(r"\s+(?:den|das|der|die|dem|des|the|a|an|einen|ein|eine|zum|zur|vom|beim|ins|im|am)\s")
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|im|aus|nach|von|vom|from|to|at|bei)\s+$")
_JOINED = re.compile(r"\s+(?:und|and|sowie|or|oder)\b")
_ACADEMIC = re.compile(r"universit|hochschule|institut|fraunhofer|helmholtz|max-planck|leibniz|akademie|academy|college|"
                       r"school|kammer|\bihk\b|ministeri|ministry", re.I)
_WE_ARE = re.compile(r"\b(?:[Ww]e\s+are|[Ww]ir\s+sind)\s+(?:a|an|ein|eine|das|der|the)\s+(?:[a-zäöü][\w-]*\s+)?$")


# "Der Sitz des Ministeriums ist in Erfurt": the seat of someone else
_SEAT_OF_OTHER = re.compile(r"\b(?:Sitz|Hauptsitz|Geschäftsstelle|Standort|Büro|office|headquarters|seat)\s+(?:des|der|von|of)\s+"
                            r"(?:the\s+|dem\s+|der\s+)?(?:\w+\s+)?(?:\w*(?:ministeri|ministry|universit|hochschule|institut|kammer|"
                            r"agentur|agency|messe|\bfair|behörde|authority|unternehmen|company|firma|stadt\b|city\b|bank))", re.I)
_ANOTHER_CLAUSE = re.compile(r"\b(?:where|wo|which|who|that|with|mit|and|und|sowie|neben|next\s+to|near|bei|beim)\b")
_RELATIVE_BEFORE = re.compile(r",\s*(?:der|die|das|welche[rs]?|which|that)\s+(?:(?:\d{4}|seit|since|auch|also)\s+)*(?:seinen|ihren|its)\s+$")
_FORMER_BEFORE = re.compile(r"\b(?:formerly|previously|originally|früher|ehemals|einst|bis\s+\d{4}|until\s+\d{4})\s+(?:\S+\s+)?$", re.I)
_HOPED_FOR = re.compile(r"\b(?:hopes?|hoping|plans?|wants?|would\s+like|hofft|hoffen|plant|planen|möchte[n]?|will|wollen)\s+to\s+"
                        r"(?:win|bring|attract|gain|recruit)\b[^.;]*,\s*(?:a|an|the)\s+$|"
                        r"\b(?:hofft|hoffen|möchte[n]?|will|wollen|plant|planen)\b[^.;]*,\s*(?:ein|eine|einen|den|das|die)\s+$")
_APPOSITION_NOUN = re.compile(r"[,(]\s*(?:the|a|an|der|die|das|ein|eine|dem|den)\s+(?:[\w-]+\s+){0,4}?"
                              r"\w*(?:[Cc]luster|[Nn]etwork|[Nn]etzwerk|association|Verein|Verbund)\s+$")
_APPOSITION_HEAD = re.compile(r"[,(]\s*(?:the|a|an|der|die|das|ein|eine|dem|den)\s+(?:[\w-]+\s+){0,4}$")


def _unnamed_apposition(info, start_rel: int, reach: int = 0) -> bool:
    """Whether ``start_rel`` sits in an apposition (``, the Danish cluster``) after no known name."""
    before = info.text[max(0, start_rel - 60 - reach):start_rel]
    head = _APPOSITION_HEAD.search(before) if not reach else _APPOSITION_NOUN.search(before)
    if head is None:
        return False
    comma = start_rel - len(before) + head.start()
    return not any(m.type in ORG_TYPES and m.kind == "name" and info.rel(m.end) == comma for m in info.mentions)


def _copula_subject(info, start_rel: int) -> Referent | None:
    """``TimberLab ist das einzige brandenburgische Netzwerk``: the organisation before the copula."""
    for m in info.mentions:
        if m.type in ORG_TYPES and m.kind == "name" and info.rel(m.end) < start_rel and \
                _COPULA_BEFORE.match(info.text[info.rel(m.end):start_rel]):
            if _noun_follows(info.text, start_rel):
                return m.ref
    return None


def _apposition_subject(info, end_rel: int, start_rel: int) -> Referent | None:
    """``RailNet Braunschweig e.V., Lower Saxony's rail technology cluster``: the name before the comma."""
    if not _noun_follows(info.text, start_rel):
        return None
    for m in info.mentions:
        if m.type in ORG_TYPES and m.kind == "name" and info.rel(m.end) < start_rel and \
                _APPOSITION_BEFORE.match(info.text[info.rel(m.end):start_rel]):
            return m.ref
    return None


def _noun_follows(text: str, start_rel: int) -> bool:
    """Whether a cluster noun follows the modifier starting at ``start_rel`` within a few words."""
    return re.match(r"^[\w’'.-]+(?:\s+[\w-]+){0,3}?\s*(?:[\w-]*(?:[Cc]luster|[Nn]etzwerk|[Nn]etwork|[Vv]erbund|[Vv]erbünde|Verein|Bündnis|Allianz|[Aa]lliance)\w*)\b",
                    text[start_rel:]) is not None


_DEFINITE_BEFORE = re.compile(r"(?:^|\s)(?:das|dem|the|unser|unserem|our)\s+$", re.I)
_NOUN_THEN_NUMBER = re.compile(r"^\s*(?:[\w-]+\s+)?(?:[\w-]*(?:[Nn]etzwerk|[Cc]luster|network|Verbund))\s+(?:rund\s+|about\s+|mehr\s+als\s+|more\s+than\s+)?\d")


def _definite_noun_subject(ctx: Context, info, end_rel: int, start_rel: int) -> Referent | None:
    """``Heute zählt das rheinland-pfälzische Netzwerk 78 Mitglieder``: a number is no name."""
    if _DEFINITE_BEFORE.search(info.text[:start_rel]) and _NOUN_THEN_NUMBER.match(info.text[end_rel:]):
        return info.block or ctx.subject
    return None


_OPENING_ARTICLE = re.compile(r"^\s*(?:[„“\"»]\s*)?(?:Das|Der|Unser|The|Our)\s+$")
_COMPOUND_NOUN_THEN_VERB = re.compile(r"^\s+[\w-]*(?:[Nn]etzwerk|[Cc]luster|[Vv]erbund|network)\s+(?:[a-zäöüß]+)\b(?<!\bund)(?<!\band)")


def _opening_anaphor(ctx: Context, info, end_rel: int, start_rel: int) -> Referent | None:
    """``Das bergische Werkzeugnetzwerk wird 2012 Mitglied``: a sentence that opens with the article,
    the place adjective and a cluster noun, then a verb (no name), speaks of the text's cluster."""
    if _OPENING_ARTICLE.match(info.text[:start_rel]) and _COMPOUND_NOUN_THEN_VERB.match(info.text[end_rel:]):
        subject = info.block or ctx.subject
        if subject is not None and not any(m.type in ORG_TYPES and m.kind == "name" and m.ref is not subject
                                           for m in info.mentions):
            return subject
    return None


def _possessive_subject(ctx: Context, info, end_rel: int, start_rel: int) -> Referent | None:
    """``Schleswig-Holstein's maritime cluster is ...``: the announcement's cluster, when no name follows."""
    if start_rel > 2 and not re.search(r"(?:^|[.:;]\s*|\b(?:is|was|as|remains)\s+)$", info.text[:start_rel]):
        return None
    if _POSSESSIVE_NOUN.match(info.text[end_rel:]):
        return info.block or ctx.subject
    return None


def _paragraph_topic(ctx: Context, info) -> Referent | None:
    """The organisation the previous sentence of the paragraph opens with (``TimberLab ist ... . Die Geschäftsstelle ...``)."""
    index = info.sentence.index
    if index == 0:
        return None
    previous = ctx.infos[index - 1]
    if previous.paragraph != info.paragraph:
        return None
    named = {id(Registry.final(m.ref)): m for m in previous.mentions if m.type in ORG_TYPES and m.kind == "name"}
    first = next((m for m in previous.mentions if m.type in ORG_TYPES and m.kind == "name"), None)
    # "GeraTex bringt Wissen ein, OptoNetz Kassel Geräte.": two organisations, so the next sentence could mean either
    if first is not None and previous.rel(first.start) <= 4 and len(named) == 1:
        return first.ref
    return None


_NOUN_OPENS = re.compile(r"^(?:[„“\"»]\s*)?(?:Das|Der|The)\s+(?:[\w-]+\s+)?(?:Netzwerk|Cluster|Verein|Verbund|cluster|network|association)\b")


def _recent_cluster(ctx: Context, info) -> Referent | None:
    """``... ist Mitglied im Netzwerk NutzTech. Das Netzwerk mit Sitz in Zweibrücken ...``: a sentence
    opening with "Das Netzwerk" speaks of the one cluster the two sentences before it (same paragraph) name."""
    if not _NOUN_OPENS.match(info.text):
        return None
    found = []
    for index in range(info.sentence.index - 1, max(-1, info.sentence.index - 3), -1):
        previous = ctx.infos[index]
        if previous.paragraph != info.paragraph:
            break
        # every named organisation counts: with a partner named too, "das Netzwerk" could be either
        found.extend(m.ref for m in previous.mentions if m.type in ORG_TYPES and m.kind == "name")
    distinct = {id(Registry.final(ref)): ref for ref in found}
    only = next(iter(distinct.values())) if len(distinct) == 1 else None
    return only if only is not None and Registry.final(only).type == "Cluster" else None


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
            ctx.add(ref, "located in", region, evidence_span(info), 0.8)
        _, _, topic = attrs["topic"]
        sector = item_field(ctx, info, info.text.find(":"))  # not a word of the item's name; "energy storage" whole
        if sector is None and topic and len(topic.split()) <= 5:
            name = topic[0].upper() + topic[1:]
            sector = ctx.registry.get(name, "Sector", use_gazetteer=False)
        if sector is not None:
            ctx.add(ref, "sector", sector, evidence_span(info), 0.75)


__all__ = ["REFERENCE_EVIDENCE", "located_in", "list_items"]
