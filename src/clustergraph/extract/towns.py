"""Places the gazetteer may not know, or knows only through a town's name: ``located in`` from

* :func:`town_adjectives` -- ``Das Ulmer Netzwerk NeuroNet``: a known town's ``-er`` adjective before
  a cluster noun and a name;
* :func:`unknown_seat_towns`, :func:`list_item_towns`, :func:`opening_participles` -- towns no list
  knows, after a strong cue only (``headquartered in Heide``, ``- VitroNet (Lauscha): ...``,
  ``Headquartered in Turin, the cluster ...``), with a country after a comma (located there too) or
  in brackets (the town is part of it: :func:`bracket_countries`);
* :func:`bracketed_town_and_land` -- ``DonauChem (Burghausen, Bavaria)``;
* :func:`company_towns` -- a company's town (``der Räucherei Prahl GmbH in Sassnitz``, ``Johanna
  Dippold (Brauerei Dippold, Forchheim)``), never the cluster's;
* :func:`adjective_before_name` -- ``das sachsen-anhaltische RessNet``;
* :func:`coordinated_places` -- ``in Hamburg und Schleswig-Holstein``: run last, joins the second place.

:func:`town_cues` runs these with the cues of :mod:`addresses` (postal addresses, a cluster's home
town: ``CzechTex from Liberec``, ``ZorgNet, the Dutch cluster from Enschede``) and of
:mod:`seat_statements` (``mit Hauptsitz in``, ``Die Geschäftsstelle von X befindet sich in``).

Tempting readings kept out: months, seasons and sector words after ``from``/``aus`` (``to lead
WindCoast from April``), an ``-er`` adjective describing an employer (``Wetzlarer Glaswerke``: no
cluster noun), a Land's adjective (handled as a region adjective elsewhere), a former seat
(``formerly based in``, ``früher``), roles and acronyms in brackets (``(Vorsitz, Thüringen)``,
``(ANN)``), ``zwischen Jena und Weimar``, a partner's places joined to the seat.
"""

from __future__ import annotations

import re

from clustergraph.extract import lexicon
from clustergraph.extract.addresses import addresses, apposition_home_towns, unknown_home_towns
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.member_places import member_origins
from clustergraph.extract.place_phrases import NOT_A_TOWN, TOWN_WORD, country_named, locally_blocked
from clustergraph.extract.arguments import evidence_span
from clustergraph.extract.resolve import Registry
from clustergraph.extract.seat_statements import seat_predicates

_TOWN_ADJECTIVE = re.compile(r"(?<![\w-])(?P<town>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)er\s+(?P<noun>(?:[\w-]+\s+)?"
                             r"(?:\w*[Nn]etzwerk|\w*[Cc]luster|\w*[Vv]erbund|Verein|\w*[Ii]nitiative|\w*[Aa]llianz|Bündnis|Antrag|Konsortium))\s+")


_TOWN_ADJECTIVE_NAME = re.compile(r"\b(?:der|die|das|dem|den|des|Der|Die|Das|nominierte|ebenfalls)\s+"
                                  r"(?P<town>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)er\s+")


def town_adjectives(ctx: Context, info: SentenceInfo) -> None:
    """``Das Ulmer Netzwerk NeuroNet``, ``der Freiburger Antrag PhotoX``: a town's -er adjective
    before a cluster noun and the cluster's name."""
    text = info.text
    if "er " not in text:
        return
    gazetteer = ctx.registry.gazetteer
    for match in _TOWN_ADJECTIVE.finditer(text):
        entry = gazetteer.lookup(match.group("town"), type="Region")
        if entry is None or entry.name in lexicon.LAENDER:
            continue
        org = next((m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"
                    and match.end() - 1 <= info.rel(m.start) <= match.end() + 1), None)
        if org is None:
            org = next((m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"
                        and info.rel(m.start) <= match.start("noun") and info.rel(m.end) >= match.end("noun")), None)
        if org is not None:
            ctx.add(org.ref, "located in", ctx.registry.from_entry(entry), evidence_span(info), 0.75)
    for match in _TOWN_ADJECTIVE_NAME.finditer(text):
        # "das Dortmunder LogistikNetz Ruhr", "die Cottbuser Spreetech Messsysteme GmbH"
        entry = gazetteer.lookup(match.group("town"), type="Region")
        if entry is None or entry.name in lexicon.LAENDER:
            continue
        org = next((m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name" and info.rel(m.start) == match.end()), None)
        if org is None:
            continue
        named = text[info.rel(org.start):info.rel(org.end)]
        if org.type == "Cluster" or _LEGAL_TAIL.search(named) or org.ref.attrs.get("legal_form"):
            ctx.add(org.ref, "located in", ctx.registry.from_entry(entry), evidence_span(info), 0.7)


def town_cues(ctx: Context) -> None:
    """Run every cue of this module over every sentence (but the dateline)."""
    for info in ctx.infos:
        if info.sentence.index == ctx.dateline_index:
            continue
        unknown_home_towns(ctx, info)
        town_adjectives(ctx, info)
        if info.has("Region"):
            addresses(ctx, info)
            seat_predicates(ctx, info)
        unknown_seat_towns(ctx, info)
        apposition_home_towns(ctx, info)
        list_item_towns(ctx, info)
        company_towns(ctx, info)
        opening_participles(ctx, info)
        if "(" in info.text:
            bracketed_town_and_land(ctx, info)
        if info.has("Region"):
            adjective_before_name(ctx, info)
        if info.has("Region"):
            bracket_countries(ctx, info)


__all__ = ["town_adjectives", "town_cues", "unknown_seat_towns", "bracket_countries", "coordinated_places",
           "list_item_towns", "company_towns", "opening_participles",
           "bracketed_town_and_land", "adjective_before_name"]



# ------------------------------------------------------------------------- towns no list knows, after a seat cue
_STRONG_SEAT = re.compile(r"^(?:\s*,)?\s+(?:(?:mit|with)\s+(?:Haupt)?[Ss]itz\s+in|(?:is\s+|are\s+|,\s*)?(?:based|headquartered)\s+in|"
                          r"(?:ist\s+|,\s*)?ansässig\s+in|hat\s+seinen\s+Sitz\s+in|has\s+its\s+(?:seat|headquarters)\s+in)\s+")
# words that stand in a bracket after a name but are no towns: roles, abstract nouns
_NOT_A_BRACKET_TOWN = re.compile(r"(?:Vorsitz|Sprecher|Geschäftsführ|Vorstand|Leitung|Koordinat|Partner|Mitglied|Chair|"
                                 r"President|Director|Manager|Board|Office|Member)|\w+(?:ung|heit|keit|schaft|tion|ismus|ität)$")



def unknown_seat_towns(ctx: Context, info: SentenceInfo) -> None:
    """``H2Net, headquartered in Heide``, ``VinoTec, based in Reims, France``: a town right after a
    strong seat cue after a cluster's name, even when no list knows it; a country after a comma
    places the cluster there too (after a bracket it only says where the town is)."""
    text = info.text
    for org in (m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"):
        cue = _STRONG_SEAT.match(text[info.rel(org.end):info.rel(org.end) + 45])
        if cue is None:
            continue
        start = info.rel(org.end) + cue.end()
        match = TOWN_WORD.match(text, start)
        if match is None or NOT_A_TOWN.match(match.group("town")):
            continue
        town = match.group("town")
        if lexicon.ORGANISATION_WORDS.search(town) or lexicon.PROGRAMME_WORDS.search(town):
            continue
        known = next((m for m in info.mentions if info.rel(m.start) == start), None)
        if known is not None and (known.type != "Region" or known.ref.name in lexicon.COUNTRIES):
            continue  # a name of something else, or the country alone
        if any(m.type != "Region" and info.rel(m.start) < start + len(town) and info.rel(m.end) > start for m in info.mentions):
            continue
        if locally_blocked(text, info.rel(org.start), match.end()):
            continue
        ref = known.ref if known is not None else (ctx.registry.known(town, "Region") or ctx.registry.get(town, "Region"))
        comma, bracket = country_named(ctx, match.group("comma")), country_named(ctx, match.group("bracket"))
        if known is None and match.group("comma") and comma is None and not ctx.registry.known(match.group("comma"), "Region"):
            continue  # "based in Heide, Kreis ...": not a place we can tell
        ctx.add(org.ref, "located in", ref, evidence_span(info), 0.7)
        for country in (comma, bracket):
            if country is not None:
                ctx.add(ref, "part of", country, evidence_span(info), 0.75)
        if comma is not None:
            ctx.add(org.ref, "located in", comma, evidence_span(info), 0.7)


_BRACKET_COUNTRY = re.compile(r"^\s*\((?P<country>[A-ZÄÖÜ][\w-]+(?:\s[A-Z][\w-]+)?)\)")


def bracket_countries(ctx: Context, info: SentenceInfo) -> None:
    """``Metz (Frankreich)``, ``Enschede (Netherlands)``: a town no list knows is part of the country
    in the bracket after it."""
    for town in (m for m in info.mentions if m.type == "Region" and m.kind == "name" and m.ref.entry is None):
        match = _BRACKET_COUNTRY.match(info.text[info.rel(town.end):info.rel(town.end) + 40])
        country = country_named(ctx, match.group("country")) if match else None
        if country is not None and town.ref.name not in lexicon.COUNTRIES:
            ctx.add(town.ref, "part of", country, evidence_span(info), 0.75)


_COORDINATED = re.compile(r"^(?:\s+(?:und|and|sowie)\s+|\s*,\s*(?:und\s+|and\s+)?)(?:(?:in|im|aus|from|in\s+der)\s+)?$")
_BETWEEN = re.compile(r"\b(?:zwischen|between|nach|to|von|by)\s+(?:der\s+|dem\s+|the\s+)?$")


def coordinated_places(ctx: Context) -> None:
    """``in Hamburg und Schleswig-Holstein``, ``with offices in Jena and Erfurt``: whoever a sentence
    places in the first of two joined places (German or both foreign) is in the second as well.
    Run after every other cue; ``zwischen Hamburg und Kiel`` joins nothing."""
    by_evidence: dict[tuple[int, int], list] = {}
    for fact in ctx.facts:
        if fact.relation == "located in" and fact.basis == "text":
            by_evidence.setdefault(fact.evidence, []).append(fact)
    for info in ctx.infos:
        facts = by_evidence.get(evidence_span(info))
        if not facts:
            continue
        regions = sorted((m for m in info.mentions if m.type == "Region" and m.kind == "name"), key=lambda m: m.start)
        for first, second in zip(regions, regions[1:]):
            gap = info.text[info.rel(first.end):info.rel(second.start)]
            if not _COORDINATED.match(gap) or "," in gap and not re.search(r"\b(?:und|and)\b", gap):
                continue
            if _BETWEEN.search(info.text[:info.rel(first.start)]) or re.match(r"[’']s\b", info.text[info.rel(second.end):]):
                continue
            if second.ref.name in lexicon.COUNTRIES or first.ref.name in lexicon.COUNTRIES:
                continue
            origins = member_origins(ctx)
            for fact in facts:
                if fact.object is Registry.final(first.ref) and fact.subject is not Registry.final(second.ref):
                    ctx.add(fact.subject, "located in", second.ref, fact.evidence, min(fact.confidence, 0.7))
                    if any(fact is origin for origin in origins):
                        origins.append(ctx.facts[-1])  # joined to where members come from: as weak


# "VitroNet Rennsteig (Lauscha): 380.000 Euro", "- GlasNet (Ilmenau)": a list item's bracket after the name
_ITEM_TOWN = re.compile(r"^\s*\((?P<town>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*(?:\s(?:an\s+der|am|im)\s[A-ZÄÖÜ][\w-]+)?)\)"
                        r"\s*(?::|–|—|-\s|,|;|$)")
_ITEM_START = re.compile(r"^\s*(?:[-–•*·▪]\s*|\d{1,2}[.)]\s*)?$")
_NOT_AN_ITEM_TOWN = re.compile(r"(?:Koordinat|Konsortial|Lead|Partner|Sprecher|Vorsitz|Geschäft|Mitglied|Antrag|Verbund|Netzwerk|"
                               r"Cluster|Verein|Projekt|Gold|Silber|Bronze|Silver|Neu|New|Gastgeber|Host|Gewinner|Winner)")


def list_item_towns(ctx: Context, info: SentenceInfo) -> None:
    """``VitroNet Rennsteig (Lauscha): 380.000 Euro``: a list item that opens with a cluster's name
    and a town in brackets, even a town no list knows (not an acronym, a role or a month)."""
    text = info.text
    org = next((m for m in info.mentions if m.type == "Cluster" and m.kind == "name"), None)
    if org is None or not _ITEM_START.match(text[:info.rel(org.start)]):
        return
    match = _ITEM_TOWN.match(text[info.rel(org.end):info.rel(org.end) + 60])
    if match is None:
        return
    town = match.group("town")
    start = info.rel(org.end) + match.start("town")
    if NOT_A_TOWN.match(town) or _NOT_AN_ITEM_TOWN.match(town) or lexicon.ORGANISATION_WORDS.search(town) \
            or lexicon.PROGRAMME_WORDS.search(town) or town in lexicon.COUNTRIES:
        return
    known = next((m for m in info.mentions if info.rel(m.start) == start), None)
    if known is not None and known.type != "Region":
        return
    if known is not None:
        return  # a known place: read by the other cues
    ref = ctx.registry.known(town, "Region") or ctx.registry.get(town, "Region")
    ctx.add(org.ref, "located in", ref, evidence_span(info), 0.7)


# "der Räucherei Prahl GmbH in Sassnitz": a company with its legal form, then "in" and a town
_LEGAL_THEN_IN = re.compile(r"^\s+in\s+(?P<town>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*)(?=\s*(?:[.,;:)]|$|\s+(?:und|sowie|and)\s))")
_LEGAL_TAIL = re.compile(lexicon.LEGAL_FORMS + r"\s*$")
# "Johanna Dippold (Brauerei Dippold, Forchheim)": a person's company and its town in brackets
_COMPANY_TOWN = re.compile(r"\((?P<org>[A-ZÄÖÜ][\w&.-]*(?:\s+(?:&\s+)?[A-ZÄÖÜ][\w&.-]*){0,4}),\s*"
                           r"(?P<town>[A-ZÄÖÜ][a-zäöüß]+(?:[- ][A-ZÄÖÜ][a-zäöüß]+)?(?:\s\([A-Z][\w]+\))?)\)")
_PERSON_BEFORE = re.compile(r"(?:[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)\s*$")
_COMPANY_WORD = re.compile(r"(?:[Bb]rauerei|[Mm]älzerei|[Rr]äucherei|[Bb]äckerei|[Ww]eberei|[Ss]pinnerei|[Dd]ruckerei|[Gg]ießerei|"
                           r"[Ww]erke?\b|[Ww]erft|[Kk]elterei|[Mm]olkerei|[Ss]chreinerei|[Tt]ischlerei|[Mm]ühle|[Hh]of\b|[Gg]ut\b|"
                           r"[Ww]eingut|[Pp]raxis|[Kk]linik|[Kk]linikum|[Aa]potheke|[Ff]abrik|[Gg]roup|[Gg]ruppe|[Tt]echnik|"
                           r"[Tt]echnologies|[Ss]ysteme?|[Ss]ystems|[Ss]olutions|[Vv]liesstoffe|[Ll]abs?\b|" + lexicon.LEGAL_FORMS + r")")


def company_towns(ctx: Context, info: SentenceInfo) -> None:
    """A company's town, even one no list knows: ``der Räucherei Prahl GmbH in Sassnitz`` (a name with
    its legal form, then ``in``) and ``Johanna Dippold (Brauerei Dippold, Forchheim)`` (a person's
    company and town in brackets). Universities, ministries and clusters are left to the other cues."""
    text = info.text
    for org in (m for m in info.mentions if m.type == "Organisation" and m.kind == "name"):
        if not (_LEGAL_TAIL.search(text[info.rel(org.start):info.rel(org.end)]) or org.ref.attrs.get("legal_form")):
            continue
        match = _LEGAL_THEN_IN.match(text[info.rel(org.end):info.rel(org.end) + 50])
        if match is None or NOT_A_TOWN.match(match.group("town")):
            continue
        start = info.rel(org.end) + match.start("town")
        if any(info.rel(m.start) <= start < info.rel(m.end) for m in info.mentions):
            continue  # a known place is read by the other cues; a name of something else is no town
        if not locally_blocked(text, info.rel(org.start), start + len(match.group("town"))):
            town = match.group("town")
            ctx.add(org.ref, "located in", ctx.registry.known(town, "Region") or ctx.registry.get(town, "Region"),
                    evidence_span(info), 0.7)
    if "(" not in text or "," not in text:
        return
    for match in _COMPANY_TOWN.finditer(text):
        name, town = match.group("org"), match.group("town")
        if not _PERSON_BEFORE.search(text[:match.start()]) or not _COMPANY_WORD.search(name):
            continue
        if NOT_A_TOWN.match(town) or lexicon.ORGANISATION_WORDS.search(town) or town in lexicon.COUNTRIES:
            continue
        if re.search(r"universit|hochschule|institut|ministeri|ministry|fraunhofer|cluster|netzwerk|network", name, re.I):
            continue
        inside = [m for m in info.mentions if match.start("org") <= info.rel(m.start) < match.end("org")]
        if any(m.type not in ("Organisation", "Sector") for m in inside):
            continue  # a cluster, a programme or a place is no company here
        at_town = [m for m in info.mentions if info.rel(m.start) == match.start("town")]
        if at_town and (at_town[0].type != "Region" or info.rel(at_town[0].end) != match.end("town")):
            continue
        company = ctx.registry.known(name, "Organisation") or ctx.registry.get(name, "Organisation")
        place = at_town[0].ref if at_town else (ctx.registry.known(town, "Region") or ctx.registry.get(town, "Region"))
        ctx.add(company, "located in", place, evidence_span(info), 0.7)


# "Located in Essen, the cluster RecyNet ...", "Headquartered in Turin, AeroAlpi ..."
_OPENING_PARTICIPLE = re.compile(r"^\s*(?:Located|Based|Headquartered|Situated)\s+in\s+$")
_THEN_SUBJECT = re.compile(r"^(?:\s*,\s*[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)?\s*,\s*(?:(?:the|our)\s+(?:[\w-]+\s+){0,3}?)?$")


def opening_participles(ctx: Context, info: SentenceInfo) -> None:
    """``Located in Essen, the cluster RecyNet brings together ...``: the sentence's subject, named
    right after the participle phrase, is in the place (and in the Land given after a comma)."""
    text = info.text
    opening = re.match(r"\s*(?:Located|Based|Headquartered|Situated)\s+in\s+", text)
    if opening is None:
        return
    regions = sorted((m for m in info.mentions if m.type == "Region" and m.kind == "name"), key=lambda m: m.start)
    if regions and info.rel(regions[0].start) == opening.end():
        first_end, places = info.rel(regions[0].end), [regions[0].ref]
    elif not any(info.rel(m.start) == opening.end() for m in info.mentions):
        town = TOWN_WORD.match(text, opening.end())  # "Headquartered in Turin, ...": a town no list knows
        if town is None or town.group("bracket") or not text.startswith(",", town.end("town")) or \
                NOT_A_TOWN.match(town.group("town")) or lexicon.ORGANISATION_WORDS.search(town.group("town")):
            return
        first_end, places = town.end("town"), []
        places.append(ctx.registry.known(town.group("town"), "Region") or ctx.registry.get(town.group("town"), "Region"))
        country = country_named(ctx, town.group("comma"))
        if country is not None:  # "Based in Turin, Italy, the cluster ..."
            ctx.add(places[0], "part of", country, evidence_span(info), 0.75)
            first_end = town.end("comma")
            places.append(country)
    else:
        return
    for org in (m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name" and info.rel(m.start) > first_end):
        if not _THEN_SUBJECT.match(text[first_end:info.rel(org.start)]):
            continue
        if locally_blocked(text, 0, info.rel(org.end)):
            return
        places += [m.ref for m in regions if first_end < info.rel(m.start) and m.end <= org.start]
        for place in places:
            ctx.add(org.ref, "located in", place, evidence_span(info), 0.75)
        return


# "DonauChem (Burghausen, Bavaria)", "MobiLinz (Linz, Upper Austria)": a name, then its town and Land
_TOWN_LAND_BRACKET = re.compile(r"^\s*\((?P<town>[A-ZÄÖÜŁŚŻŽČŘ][\w’'.-]+(?:\s[A-ZÄÖÜŁŚŻŽČŘ][\w-]+){0,2}),\s*"
                                r"(?P<land>[A-ZÄÖÜ][\w-]+(?:[\s-][A-ZÄÖÜ][\w-]+){0,2})\)")


def bracketed_town_and_land(ctx: Context, info: SentenceInfo) -> None:
    """``DonauChem (Burghausen, Bavaria)``: the organisation is in the town and in the Land (or
    country), and the town is part of it; the town may be one no list knows."""
    text = info.text
    for org in (m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"):
        match = _TOWN_LAND_BRACKET.match(text[info.rel(org.end):info.rel(org.end) + 90])
        if match is None:
            continue
        base = info.rel(org.end)
        land_at = [m for m in info.mentions if m.type == "Region" and info.rel(m.start) == base + match.start("land")]
        land = land_at[0].ref if land_at and info.rel(land_at[0].end) == base + match.end("land") else \
            country_named(ctx, match.group("land"))
        if land is None or Registry.final(land).name not in set(lexicon.LAENDER) | set(lexicon.COUNTRIES) and \
                not (land.entry is not None and land.entry.part_of):
            continue
        town_at = [m for m in info.mentions if info.rel(m.start) == base + match.start("town")]
        if town_at and (town_at[0].type != "Region" or info.rel(town_at[0].end) != base + match.end("town")):
            continue
        name = match.group("town")
        if not town_at and (NOT_A_TOWN.match(name) or lexicon.ORGANISATION_WORDS.search(name)
                            or _NOT_A_BRACKET_TOWN.match(name)):
            continue
        town = town_at[0].ref if town_at else (ctx.registry.known(name, "Region") or ctx.registry.get(name, "Region"))
        if Registry.final(town) is Registry.final(land) or Registry.final(town).name in lexicon.COUNTRIES:
            continue
        ctx.add(org.ref, "located in", town, evidence_span(info), 0.75)
        ctx.add(org.ref, "located in", land, evidence_span(info), 0.75)
        ctx.add(town, "part of", land, evidence_span(info), 0.75)


_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:der|die|das|dem|den|des|Der|Die|Das|the|The|unser|unserem|our)\s+$")


def adjective_before_name(ctx: Context, info: SentenceInfo) -> None:
    """``mit dem sachsen-anhaltischen RessourcenNetz Sachsen-Anhalt``, ``the Bavarian SpaceNet``: a place
    adjective after an article and right before a cluster's name (no noun between) describes it."""
    text = info.text
    for adjective in (m for m in info.mentions if m.type == "Region" and m.kind == "adjective" and not m.attrs.get("based")):
        end = info.rel(adjective.end)
        org = next((m for m in info.mentions if m.type == "Cluster" and m.kind == "name" and info.rel(m.start) == end + 1), None)
        if org is None or text[end:end + 1] != " " or not _ARTICLE_BEFORE.search(text[:info.rel(adjective.start)]):
            continue
        if locally_blocked(text, info.rel(adjective.start), info.rel(org.end)) or org.ref is adjective.ref:
            continue
        ctx.add(org.ref, "located in", adjective.ref, evidence_span(info), 0.7)
