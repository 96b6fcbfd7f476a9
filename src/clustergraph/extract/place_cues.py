"""More ways a text says where an organisation is (``located in``), used by :mod:`places`.

Each function looks at one sentence and adds facts to the context:

* :func:`attributive_places` -- a place written right before or after an organisation's name:
  ``the Berlin-based ESCA``, ``das in Rostock ansässige Netzwerk AquaFuture``, ``der Faber GmbH in
  Pirmasens``, ``(Overbeck Vliesstoffe, Emsdetten)``, ``our Erfurt office``;
* :func:`seat_phrases` -- ``das seinen Sitz im Campus X in Halle hat``, ``ist das Netzwerk der
  Verpackungsbranche in der Metropolregion Hamburg``, ``das Netzwerk ... aus der Pfalz``;
* :func:`land_after_town` -- ``based in Emden, Lower Saxony`` / ``Höhr-Grenzhausen (Rheinland-Pfalz)``:
  the town is ``part of`` the Land (stated in the text), and after a comma the organisation is in
  the Land too (a table cell ``Rostock (Mecklenburg-Vorpommern)`` gives the seat only);
* :func:`stated_parts` -- ``North Rhine-Westphalia's Westmünsterland region``, ``im oberfränkischen
  Bayreuth``: ``part of`` stated in the text.

:func:`place_cues` runs them, with :func:`member_places.members_from` (a cluster that networks
members *from* a place) first in each sentence.

Tempting readings that are kept out: a year after ``gegründet in``, a place reached through
``von``/``by`` (the founders' home), a former seat (``Umzug von Remscheid nach Solingen``), hedged
or negated clauses (:func:`modality.blocked`).
"""

from __future__ import annotations

import re

from clustergraph.extract import lexicon
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.member_places import members_from
from clustergraph.extract.modality import blocked
from clustergraph.extract.place_phrases import ANAPHOR_START, COPULA_HEAD, IN_BEFORE, is_foreign, locally_blocked
from clustergraph.extract.arguments import evidence_span, nearest
from clustergraph.extract.resolve import Registry

_APPOSITION_NOUN_OF = re.compile(
    r",\s*(?:the|a|an|der|die|das|ein|eine)\s+(?:[\w-]+\s+){0,3}?(?:cluster|network|association|Netzwerk|Cluster|Verbund|Verein)"
    r"\s+(?:of|in|from|aus|in\s+der|aus\s+der|aus\s+dem|im)\s+(?:the\s+)?$")
_BASED_BEFORE = re.compile(r"-(?:based|headquartered|basierte[nrs]?)\s+(?:(?:[\w-]+\s+){0,3}?)$")
_RESIDENT_AFTER = re.compile(r"^\s+ansässige[nrs]?\s+(?:[\w-]+\s+){0,2}?$")
_LEGAL_END = re.compile(lexicon.LEGAL_FORMS + r"\s*$")
_MOVED_TO = re.compile(r"\b(?:Umzug|zog|zieht|umgezogen|verlegt|verlegte|moved|relocated|moves|relocates)\b"
                       r"(?:(?!\b(?:Messe|event|Veranstaltung|conference|Konferenz)\b)[^.;]){0,70}?\b(?:nach|to)\s+$")
_OFFICE_IS_IN = re.compile(r"\b(?:[Oo]ur|[Ii]ts|[Tt]he|[Uu]nsere|[Dd]ie)\s+(?:cluster\s+)?(?:office|headquarters|Geschäftsstelle|Büro)\s+"
                           r"(?:is|ist|liegt)\s+(?:located\s+|based\s+)?in\s+$")
_OFFICE_AFTER = re.compile(r"^\s+(?:office|offices|headquarters|Geschäftsstelle|Büro|Standort)\b")
_OFFICE_BEFORE = re.compile(r"\b(?:our|its|their|the\s+cluster[’']s|unsere[rnms]?)\s+$")


def attributive_places(ctx: Context, info: SentenceInfo) -> None:
    """A place written right before or after an organisation's name (see the module docstring)."""
    text = info.text
    orgs = [m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"]
    for region in (m for m in info.mentions if m.type == "Region"):
        rs, re_ = info.rel(region.start), info.rel(region.end)
        # noun phrases ("the Berlin-based ESCA", "our Erfurt office") hold whatever the clause hedges
        if region.kind == "adjective" and region.attrs.get("based"):
            # "the Berlin-based ESCA": the name right after
            org = next((o for o in orgs if 0 <= info.rel(o.start) - re_ <= 30
                        and _BASED_BEFORE.search(text[info.rel(region.start):info.rel(o.start)])), None)
            if org is None:  # "GroundTruth NL, the Wageningen-based Dutch cluster"
                org = next((o for o in orgs if re.fullmatch(r"\s*,\s*(?:the|a|an)\s+", text[info.rel(o.end):rs])), None)
            if org is not None and region.ref is not org.ref:
                ctx.add(org.ref, "located in", region.ref, evidence_span(info), 0.8)
            continue
        if region.kind != "name":
            continue
        before, after = text[:rs], text[re_:]
        noun = _APPOSITION_NOUN_OF.search(before)
        if noun is not None and not is_foreign(region) and not re.match(r"[’']s\b", after):
            # "MedTech Saar e.V., the medical technology cluster of the Saarland"
            org = next((o for o in orgs if info.rel(o.end) == noun.start()), None)
            closing = text.find(",", re_)
            closed = text[:closing] if closing > 0 else text  # the apposition ends at its comma
            if org is not None and org.ref is not region.ref and not locally_blocked(closed, noun.start(), re_):
                ctx.add(org.ref, "located in", region.ref, evidence_span(info), 0.75)
                continue
        if _MOVED_TO.search(before):
            # "Umzug der Geschäftsstelle von Remscheid nach Solingen": the new seat (the old one is not)
            org = nearest(info, ORG_TYPES, rs, 0, rs, "left")
            subject = org.ref if org is not None else (info.block or ctx.subject)
            if subject is not None and not locally_blocked(text, max(0, rs - 40), re_):
                ctx.add(subject, "located in", region.ref, evidence_span(info), 0.7)
            continue
        if _OFFICE_IS_IN.search(before) and not locally_blocked(text, max(0, rs - 40), re_):
            # "Our office is in Friedrichshafen, right next to the airport"
            org = nearest(info, ORG_TYPES, rs, 0, rs, "left")
            subject = org.ref if org is not None else (info.block or ctx.subject)
            if subject is not None:
                ctx.add(subject, "located in", region.ref, evidence_span(info), 0.7)
            continue
        if _OFFICE_AFTER.match(after) and _OFFICE_BEFORE.search(before):
            # "the team in our Erfurt office"
            subject = info.block or ctx.subject
            if subject is not None:
                ctx.add(subject, "located in", region.ref, evidence_span(info), 0.7)
            continue
        if IN_BEFORE.search(before) and _RESIDENT_AFTER.match(after[:60] + " "):
            # "das in Rostock ansässige Netzwerk AquaFuture", "dem in Berlin ansässigen ESCA"
            tail = _RESIDENT_AFTER.match(after[:60] + " ").end() + re_
            org = next((o for o in orgs if 0 <= info.rel(o.start) - tail <= 25), None)
            if org is not None and not locally_blocked(text, rs - 12, info.rel(org.end)):
                ctx.add(org.ref, "located in", region.ref, evidence_span(info), 0.8)
            continue
        joined = re.search(r"(?:\s+in\s+|\s*,\s*)$", before)
        if joined:
            org = next((o for o in orgs if info.rel(o.end) == joined.start()), None)
            legal = org is not None and (_LEGAL_END.search(text[info.rel(org.start):info.rel(org.end)])
                                         or org.ref.attrs.get("legal_form"))
            bracketed = org is not None and "," in joined.group(0) and re.search(r"\(\s*$", text[:info.rel(org.start)]) \
                and re.match(r"\s*(?:,\s*[A-ZÄÖÜ][\w-]+(?:\s[A-ZÄÖÜ][\w-]+)?\s*)?\)", after)
            if org is not None and (legal or bracketed) and org.ref is not region.ref \
                    and not locally_blocked(text, info.rel(org.start), re_):
                # "der Faber Kunststofftechnik GmbH in Pirmasens", "(Overbeck Vliesstoffe, Emsdetten)"
                ctx.add(org.ref, "located in", region.ref, evidence_span(info), 0.75)


_SEAT_SOMEWHERE = re.compile(r"\b(?:seinen|ihren|its)\s+(?:Sitz|Hauptsitz|headquarters|seat)\s+(?:im|in|at)\s+(?:[^,;.]{0,40}?\s)??(?:in|im)\s+$|"
                             r"\b(?:Sitz|Hauptsitz)\s+(?:im|in\s+der|in\s+dem)\s+[a-zäöü][\w-]+\s+$")
_SEAT_LABEL = re.compile(r"(?:^|[\s(|·•,;])(?:Sitz|Seat|Standort|Location|Headquarters|HQ|Geschäftsstelle|Office)\s*:\s*$")
_SEAT_INVERTED = re.compile(r"\b(?:[Ss]einen|[Ii]hren)\s+(?:Sitz|Hauptsitz)\s+(?:hat|haben|hatte)\s+(?:der|das|die)\s+"
                            r"(?:[\w-]+\s+){0,3}?(?:in|im)\s+$")
_SEAT_IS = re.compile(r"(?:^|[.;:]\s*)(?:Der\s+)?(?:Sitz|Hauptsitz|Standort)\s+(?:des|der)\s+(?:[a-zäöü][\w-]*e[nm]?\s+)?(?:Vereins|Netzwerks|Netzwerkes|Clusters|Verbunds|Geschäftsstelle)\s+(?:ist|war)\s+(?:in\s+)?(?:(?:das|der|dem)\s+[a-zäöü][\w-]*e[nm]?\s+)?$"
                      r"|(?:^|[.;:]\s*)(?:Der|Sein|Ihr|Unser)\s+(?:Sitz|Hauptsitz|Standort)\s+(?:bleibt|ist|liegt)\s+(?:weiterhin\s+|auch\s+künftig\s+)?in\s+$"
                      r"|(?:^|[.;:]\s*)(?:The\s+)?(?:seat|headquarters)\s+of\s+the\s+(?:cluster|network|association)\s+(?:is|was)\s+(?:in\s+)?$")
# "nordpack ist seit 2011 das Netzwerk der Verpackungsbranche in der Metropolregion Hamburg",
# "AquaNord ist das Netzwerk der Fischverarbeitung an der niedersächsischen Küste"
_COPULA_NETWORK = re.compile(
    COPULA_HEAD + r"(?:\s+(?:der|des|für|for|of|dieser|seiner|ihrer|of\s+its)\s+(?:[\w-]+\s+){0,4}?)?\s*"
    r"(?:in|im|an|am|aus|from|on|along)(?:\s+(?:der|dem|the))?\s+(?:[a-zäöü][\w-]*\s+)?$"
)
# "TransForm ist das Netzwerk der saarländischen Automobilzulieferer"
_COPULA_OF = re.compile(COPULA_HEAD + r"\s+(?:der|des|of\s+the|of)\s+$")
_COPULA_GENITIVE = re.compile(COPULA_HEAD + r"\s+$")
_NOUN_FROM = re.compile(
    r"(?:^|\b(?:[Dd]as|[Dd]er|[Tt]he)\s+)(?:[\w-]+\s+)?(?:Netzwerk|Cluster|network|cluster|Verbund)"
    r"(?:\s+(?:der|des|of\s+the|of)\s+(?:[\w-]+\s+){1,3}?|\s+)(?:aus|from)\s+(?:der\s+|dem\s+|the\s+)?$"
)


def _heading_above(ctx: Context, info: SentenceInfo):
    """The organisation a record of ``Label: value`` lines belongs to: the name line just above."""
    for index in range(info.sentence.index - 1, max(-1, info.sentence.index - 5), -1):
        above = ctx.infos[index]
        if re.match(r"\s*[\w ]{2,20}:", above.text):
            continue  # another "Label: value" line of the same record
        names = [m for m in above.mentions if m.type in ORG_TYPES and m.kind == "name"]
        if len(names) == 1 and len(above.text.strip()) <= len(above.text[above.rel(names[0].start):above.rel(names[0].end)]) + 12:
            return names[0].ref
        return None
    return None


def seat_phrases(ctx: Context, info: SentenceInfo) -> None:
    """Seats and copulas (see the module docstring)."""
    text = info.text
    for region in (m for m in info.mentions if m.type == "Region"):
        rs = info.rel(region.start)
        before = text[max(0, rs - 160):rs]
        if blocked(text, rs, info.rel(region.end)):
            continue
        if region.kind != "name":
            for org in (m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name" and info.rel(m.end) < rs):
                gap = text[info.rel(org.end):rs]
                if (_COPULA_OF.match(gap) or _COPULA_NETWORK.match(gap)) and not is_foreign(region):
                    ctx.add(org.ref, "located in", region.ref, evidence_span(info), 0.75)
                    break
            continue
        if _SEAT_SOMEWHERE.search(before):
            # "PolyCirc, das seinen Sitz im Weinberg Campus in Halle (Saale) hat"
            org = nearest(info, ORG_TYPES, rs, 0, rs, "left")
            if org is not None and rs - info.rel(org.end) < 90:
                ctx.add(org.ref, "located in", region.ref, evidence_span(info), 0.75)
            continue
        if (_SEAT_LABEL.search(text[:rs]) or _SEAT_INVERTED.search(text[:rs])) and not is_foreign(region):
            # "Sitz: Dresden", "Seinen Sitz hat der Verein in Jena": the organisation named before, else the subject
            org = nearest(info, ORG_TYPES, rs, 0, rs, "left")
            if org is not None and "\n" in text[info.rel(org.end):rs] and _SEAT_LABEL.search(text[:rs]):
                org = None  # "Gegründet: 2016 / Sitz: Markneukirchen": another line of the record
            if org is not None and rs - info.rel(org.end) < 80:
                subject = org.ref
            elif _SEAT_LABEL.search(text[:rs]) and re.match(r"\s*(?:Sitz|Seat|Standort|Location|Headquarters|HQ|Geschäftsstelle|Office)\s*:", text):
                subject = _heading_above(ctx, info)  # a record: "PortNet Warnow / Sitz: Rostock (...) / Branche: ..."
            else:
                subject = info.block or ctx.subject
            if subject is not None:
                ctx.add(subject, "located in", region.ref, evidence_span(info), 0.75)
            continue
        if _SEAT_IS.search(text[:rs]) and not is_foreign(region):
            # "Sitz des Vereins ist Greifswald"
            subject = info.block or ctx.subject
            if subject is not None:
                ctx.add(subject, "located in", region.ref, evidence_span(info), 0.75)
            continue
        genitive = text[info.rel(region.end) - 1:info.rel(region.end)] == "s"
        for org in (m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name" and info.rel(m.end) < rs):
            gap = text[info.rel(org.end):rs]
            if _COPULA_NETWORK.match(gap) or (genitive and _COPULA_GENITIVE.match(gap)):
                # "... ist das einzige Pharma-Netzwerk Sachsen-Anhalts"
                # "nordpack ist seit 2011 das Netzwerk der Verpackungsbranche in der Metropolregion Hamburg"
                ctx.add(org.ref, "located in", region.ref, evidence_span(info), 0.75)
                break
        else:
            copula = re.search(r"\s(?:ist|is)\s", text[:rs])
            if copula and ANAPHOR_START.match(text) and _COPULA_NETWORK.match(text[copula.start():rs]) \
                    and not any(m.type in ORG_TYPES and m.kind == "name" and info.rel(m.end) <= copula.start() for m in info.mentions):
                # "Der Verein mit Sitz in Bielefeld ist das Netzwerk der Möbelbranche in Ostwestfalen-Lippe"
                subject = info.block or ctx.subject
                if subject is not None:
                    ctx.add(subject, "located in", region.ref, evidence_span(info), 0.7)
                continue
            if _NOUN_FROM.search(text[:rs]) and (_NOUN_FROM.search(text[:rs]).start() == 0 or
                                                 re.match(r"[Dd]|[Tt]he", text[_NOUN_FROM.search(text[:rs]).start():])) \
                    and not is_foreign(region):
                # "das Netzwerk der Kunststoffverarbeiter aus der Pfalz" (the announcement's cluster)
                noun = _NOUN_FROM.search(text[:rs])
                subject = info.block or ctx.subject
                if noun.start() and not re.match(r"^\s*(?:[„“\"»]\s*)?$", text[:noun.start()]) and \
                        not re.search(r"\b(?:nimmt|nehmen|nahm|aufgenommen|admits?|admitted|welcomes?|begrüßt)\s+$", text[:noun.start()]):
                    continue  # only at the start of the sentence, or as the object of an admission
                if re.search(r",\s*$", text[:noun.start()]):
                    continue  # an apposition to a name: "mit einem Netzwerk aus NRW, dem ..." is handled elsewhere
                if subject is not None and region.ref is not subject:
                    ctx.add(subject, "located in", region.ref, evidence_span(info), 0.7)


_LAND_AFTER = re.compile(r"^(?:\s*,\s*|\s*\(\s*|\s+in\s+|\s*,\s*(?:the\s+)?(?:state\s+)?capital\s+of\s+(?:the\s+)?(?:state\s+of\s+)?|"
                         r"\s*,\s*(?:die\s+)?(?:Landes)?[Hh]auptstadt\s+(?:von\s+|des\s+Landes\s+)?)$")


def land_after_town(ctx: Context, info: SentenceInfo) -> None:
    """``Emden, Lower Saxony`` / ``Selb (Bayern)``: the town is part of the Land, and whoever is
    located in the town is located in the Land as well."""
    regions = [m for m in info.mentions if m.type == "Region" and m.kind == "name"]
    laender = set(lexicon.LAENDER)
    for town, land in zip(regions, regions[1:]):
        country = land.ref.name in lexicon.COUNTRIES and land.ref.name != "Deutschland" and town.ref.entry is None \
            and town.ref.name not in lexicon.COUNTRIES and town.kind == "name"
        if (land.ref.name not in laender and not country) or town.ref.name in laender or town.ref is land.ref:
            continue  # "Reims, France" / "Metz (Frankreich)": a town no list knows, and its country
        gap = info.text[info.rel(town.end):info.rel(land.start)]
        if not _LAND_AFTER.match(gap):
            continue
        if "(" in gap and not info.text[info.rel(land.end):].lstrip().startswith(")"):
            continue
        ctx.add(town.ref, "part of", land.ref, evidence_span(info), 0.8)
        if "(" in gap:
            continue  # "Rostock (Mecklenburg-Vorpommern)" in a table of seats: the seat is the town
        for fact in list(ctx.facts):
            if fact.relation == "located in" and fact.object is town.ref and fact.evidence == evidence_span(info):
                ctx.add(fact.subject, "located in", land.ref, evidence_span(info), fact.confidence)


_POSSESSIVE = re.compile(r"^[’']s\s+$")


def stated_parts(ctx: Context, info: SentenceInfo) -> None:
    """``North Rhine-Westphalia's Westmünsterland region``, ``im oberfränkischen Selb``: a region
    written as belonging to a Land (or a larger region) is ``part of`` it (stated in the text)."""
    regions = [m for m in info.mentions if m.type == "Region"]
    for outer, inner in zip(regions, regions[1:]):
        if inner.kind != "name" or outer.ref is inner.ref or is_foreign(outer) != is_foreign(inner):
            continue
        gap = info.text[info.rel(outer.end):info.rel(inner.start)]
        if outer.kind == "name" and _POSSESSIVE.match(gap) and Registry.final(outer.ref).name in lexicon.LAENDER:
            ctx.add(inner.ref, "part of", outer.ref, evidence_span(info), 0.8)
        elif outer.kind == "adjective" and not outer.attrs.get("based") and gap == " " and \
                re.search(r"\b(?:im|in\s+der|aus\s+dem|aus\s+der|dem|der|the)\s+$", info.text[:info.rel(outer.start)]):
            ctx.add(inner.ref, "part of", outer.ref, evidence_span(info), 0.75)


def place_cues(ctx: Context) -> None:
    """Run every cue of this module over every sentence (but the dateline)."""
    for info in ctx.infos:
        if info.sentence.index == ctx.dateline_index:
            continue
        if not info.has("Region"):
            continue
        members_from(ctx, info)
        attributive_places(ctx, info)
        seat_phrases(ctx, info)
    for info in ctx.infos:
        if info.sentence.index != ctx.dateline_index and info.has("Region"):
            land_after_town(ctx, info)
            stated_parts(ctx, info)


__all__ = ["attributive_places", "seat_phrases", "land_after_town", "stated_parts", "place_cues"]
