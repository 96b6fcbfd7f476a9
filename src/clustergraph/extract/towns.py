"""Places the gazetteer may not know, or knows only through a town's name: ``located in`` from

* :func:`unknown_home_towns` -- ``the Czech cluster CzechTex from Liberec``, ``AutoLor aus Metz
  (Frankreich)``: a capitalised place right after a cluster's name becomes a region;
* :func:`town_adjectives` -- ``Das Ulmer Netzwerk NeuroNet``: a known town's ``-er`` adjective before
  a cluster noun and a name;
* :func:`addresses` -- ``ErnährungPlus e.V. · Mendelstraße 11 · 48149 Münster``: a cluster's postal
  address (not a press contact's; ``Kontakt: RecyNet e.V., ...`` is the cluster's own);
* :func:`seat_predicates` -- ``mit Hauptsitz in``, ``with offices in A and B``, ``Die Geschäftsstelle von
  X befindet sich in``, ``X's office is in``, ``X ist in Y ansässig``, ``das in Y beheimatete Netzwerk
  X``, ``X ist das Netzwerk für Y``, and ``Das in Y ansässige Netzwerk der ...`` for the text's cluster;
* :func:`unknown_seat_towns`, :func:`apposition_home_towns`, :func:`list_item_towns`,
  :func:`opening_participles` -- towns no list knows, after a strong cue only (``headquartered in
  Heide``, ``, the Dutch cluster from Enschede``, ``- VitroNet (Lauscha): ...``, ``Headquartered in
  Turin, the cluster ...``), with a country after a comma (located there too) or in brackets (the
  town is part of it: :func:`bracket_countries`);
* :func:`bracketed_town_and_land` -- ``DonauChem (Burghausen, Bavaria)``;
* :func:`company_towns` -- a company's town (``der Räucherei Prahl GmbH in Sassnitz``, ``Johanna
  Dippold (Brauerei Dippold, Forchheim)``), never the cluster's;
* :func:`adjective_before_name` -- ``das sachsen-anhaltische RessNet``;
* :func:`coordinated_places` -- ``in Hamburg und Schleswig-Holstein``: run last, joins the second place.

Tempting readings kept out: months, seasons and sector words after ``from``/``aus`` (``to lead
WindCoast from April``), an ``-er`` adjective describing an employer (``Wetzlarer Glaswerke``: no
cluster noun), a Land's adjective (handled as a region adjective elsewhere), a former seat
(``formerly based in``, ``früher``), roles and acronyms in brackets (``(Vorsitz, Thüringen)``,
``(ANN)``), ``zwischen Jena und Weimar``, a partner's places joined to the seat.
"""

from __future__ import annotations

import re

from clustergraph.extract import lexicon
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.place_cues import _COPULA_HEAD, locally_blocked, member_origins
from clustergraph.extract.relations import _evidence, nearest
from clustergraph.extract.resolve import Registry

_FROM_PLACE = re.compile(r"^\s+(?:aus|from)\s+(?P<place>[A-ZÄÖÜŁŚŻŽČŘ][\w’'-]+(?:\s[A-ZÄÖÜ][\w-]+)?)"
                         r"(?:\s+\((?P<note>[A-ZÄÖÜŁŚŻŽČŘ][\w-]+(?:\s[A-ZÄÖÜ][\w-]+)?)\))?(?=\s*(?:[.,;:)]|$)|\s+[a-zäöüß])")

_NOT_A_TOWN = re.compile(
    r"(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|January|February|March|"
    r"May|June|July|October|December|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|Anfang|Ende|Mitte|Beginn|Frühjahr|Sommer|Herbst|Winter|Spring|Summer|"
    r"Autumn|Fall|Early|Late|Now|Today|Heute|Jetzt|Sicht|Perspektive|Überzeugung|Tradition|Erfahrung|Mitteln|Mittel|"
    r"Industrie|Industry|Wirtschaft|Wissenschaft|Forschung|Research|Science|Politik|Praxis|Sicht|Gründen)\b")


def unknown_home_towns(ctx: Context, info: SentenceInfo) -> None:
    """``the Czech cluster CzechTex from Liberec``, ``AutoLor aus Metz (Frankreich)``: a place the
    gazetteer does not know, right after a cluster's name, becomes a region (the bracket gives its
    country, or another name of it)."""
    text = info.text
    registry = ctx.registry
    for org in (m for m in info.mentions if m.type == "Cluster" and m.kind == "name"):
        match = _FROM_PLACE.match(text[info.rel(org.end):])
        if match is None:
            continue
        place = match.group("place")
        start = info.rel(org.end) + match.start("place")
        if _NOT_A_TOWN.match(place):
            continue  # "to lead WindCoast from April"
        if any(m.type != "Region" and info.rel(m.start) <= start < info.rel(m.end) for m in info.mentions):
            continue  # a known name of something else
        if lexicon.ORGANISATION_WORDS.search(place) or lexicon.PROGRAMME_WORDS.search(place):
            continue
        ref = registry.known(place, "Region") or registry.get(place, "Region")
        note = match.group("note")
        if note:
            country = registry.known(note, "Region") or _country(ctx, note)
            if country is not None and (note in lexicon.COUNTRIES or country.name in lexicon.COUNTRIES):
                ctx.add(ref, "part of", country, _evidence(info), 0.8)
            elif country is None:
                ref.add_alias(note)  # "Stettin (Szczecin)"
                registry.remember(ref, note)
        if not locally_blocked(text, info.rel(org.start), start + len(place)):
            ctx.add(org.ref, "located in", ref, _evidence(info), 0.75)


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
            ctx.add(org.ref, "located in", ctx.registry.from_entry(entry), _evidence(info), 0.75)
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
            ctx.add(org.ref, "located in", ctx.registry.from_entry(entry), _evidence(info), 0.7)


_CONTACT_LINE = re.compile(r"\s*(?:Press(?:e)?\s*(?:kontakt|contact|office)|Kontakt|Contact|Ansprechpartner|Media)", re.I)
_PRESS_LINE = re.compile(r"\s*(?:Press(?:e)?|Media|Medien|Agentur|Agency)", re.I)
_FIVE_DIGITS = re.compile(r"\d{5}")
_CLUSTER_WORD = re.compile(r"netzwerk|cluster|verbund|verein|initiative|allianz|bündnis|antrag|konsortium")
_POSTCODE = re.compile(r"(?<!\d)\d{5}\s+(?=[A-ZÄÖÜ])")
_STREET = re.compile(r"(?:straße|strasse|str\.|weg|platz|allee|ring|damm|ufer|gasse|chaussee|markt)\s+\d", re.I)


def addresses(ctx: Context, info: SentenceInfo) -> None:
    """``ErnährungPlus e.V. · Mendelstraße 11 · 48149 Münster``: an organisation's postal address."""
    text = info.text
    if not _FIVE_DIGITS.search(text) or not _STREET.search(text):
        return
    for code in _POSTCODE.finditer(text):
        region = next((m for m in info.mentions if m.type == "Region" and m.kind == "name"
                       and info.rel(m.start) == code.end()), None)
        street = _STREET.search(text, max(0, code.start() - 60), code.start())
        if region is None or street is None:
            continue
        org = nearest(info, ORG_TYPES, street.start(), max(0, street.start() - 80), street.start(), "left")
        if org is not None and (not _CONTACT_LINE.match(text) or org.type == "Cluster" and not _PRESS_LINE.match(text)):
            # "Kontakt: RecyNet e.V., ..." is the cluster's own address; a press agency's is not
            ctx.add(org.ref, "located in", region.ref, _evidence(info), 0.75)


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


__all__ = ["unknown_home_towns", "town_adjectives", "addresses", "town_cues", "seat_predicates", "unknown_seat_towns",
           "apposition_home_towns", "bracket_countries", "coordinated_places",
           "list_item_towns", "company_towns", "opening_participles",
           "bracketed_town_and_land", "adjective_before_name"]


# ---------------------------------------------------------------------------------------- seat predicates
# the seat nouns a text uses for where an organisation sits
_SEAT_NOUN = (r"(?:Haupt)?[Ss]itz|Geschäftsstellen?|Standort(?:e|en)?|Büros?|Zentrale|offices?|headquarters|head\s+office|"
              r"main\s+office|seat|base")
# "mit Hauptsitz in", "with offices in", "mit Geschäftsstellen in": right after the name
_WITH_SEAT = re.compile(r"^\s*,?\s+(?:mit|with)\s+(?:(?:its|seinem|seiner|ihrem|ihrer)\s+)?(?:" + _SEAT_NOUN + r")\s+in\s+"
                        r"(?:der\s+|dem\s+|the\s+)?$")
# "Die Geschäftsstelle von X", "Standort des Clusters X", "The office of X": before the name
_SEAT_OF = re.compile(r"(?:^|[\s(„“\"])(?:[Dd]ie\s+|[Dd]er\s+|[Tt]he\s+)?(?:" + _SEAT_NOUN + r")\s+(?:von|des|der|of)\s+"
                      r"(?:the\s+)?(?:[a-zäöü][\w-]*e[nms]?\s+)?(?:(?:[\w-]*Netzwerks|[\w-]*Netzwerkes|[\w-]*Clusters|Vereins|Verbunds|"
                      r"Verbundes|cluster|network|association)\s+)?$")
# ... "befindet sich in", "liegt in", "ist (in)", "is (located) in": between the name and the place
_SEAT_OF_VERB = re.compile(r"^\s+in\s+$|^\s+(?:befindet\s+sich|befinden\s+sich|liegt|liegen|ist|sind|bleibt|is|are|remains)\s+"
                           r"(?:weiterhin\s+|auch\s+künftig\s+|seit\s+\d{4}\s+|since\s+\d{4}\s+|still\s+)?"
                           r"(?:(?:located|based|situated)\s+)?(?:in\s+(?:der\s+|dem\s+|the\s+)?|im\s+)?$")
# "X's office is in", "X’s headquarters are located in"
_POSSESSIVE_SEAT = re.compile(r"^[’']s\s+(?:cluster\s+|network\s+)?(?:" + _SEAT_NOUN + r")\s+(?:is|are|remains)\s+"
                              r"(?:still\s+)?(?:(?:located|based|situated)\s+)?in\s+(?:the\s+)?$")
# "X ist in Y ansässig", "X ist im Sauerland beheimatet"
_IS_IN = re.compile(r"^\s+(?:ist|sind|war)\s+(?:seit\s+\d{4}\s+)?(?:in\s+(?:der\s+|dem\s+)?|im\s+)$")
_RESIDENT_WORD = re.compile(r"^\s+(?:ansässig|beheimatet|zu\s+Hause|zuhause|angesiedelt|verwurzelt|verankert)\b")
# "das in Y ansässige Netzwerk X", "der im Sauerland gelegene Cluster X"
_IN_BEFORE = re.compile(r"\b(?:in|im)\s+(?:der\s+|dem\s+)?$")
_RESIDENT_ATTRIBUTE = re.compile(r"^\s+(?:ansässige|beheimatete|gelegene|angesiedelte)[nrs]?\s+")
_OPENING_ARTICLE = re.compile(r"^\s*(?:Das|Der|Die)\s+(?:in|im)\s+(?:der\s+|dem\s+)?$")
_CLUSTER_NOUN_NO_NAME = re.compile(r"(?:[\w-]*(?:Netzwerk|Cluster|Verbund)|Verein)\s+(?:der|des|für|[a-zäöü])")
_FORMER = re.compile(r"\b(?:formerly|previously|once|früher|ehemals|einst|bisher|bislang|until\s+\d{4}|bis\s+\d{4})\s+"
                     r"(?:(?:was|were|had|hatte|war)\s+)?(?:\S+\s+){0,3}$", re.I)
# "X ist das Biokatalyse-Netzwerk für Hamburg", "X is the cluster for Saxony"
_COPULA_FOR = re.compile(_COPULA_HEAD + r"\s+(?:for|für)\s+(?:the\s+|das\s+|den\s+)?$")
_AND_NEXT = re.compile(r"^(?:\s*,\s*|\s+(?:und|and|sowie)\s+|\s*,\s*(?:und|and)\s+)$")


def _also_coordinated(ctx: Context, info: SentenceInfo, subject, region) -> None:
    """``mit Geschäftsstellen in Hamburg und Kiel``: the places joined to the first one."""
    last = region
    for nxt in sorted((m for m in info.mentions if m.type == "Region" and m.kind == "name" and m.start > region.start),
                      key=lambda m: m.start):
        gap = info.text[info.rel(last.end):info.rel(nxt.start)]
        if not _AND_NEXT.match(gap) or lexicon.COUNTRIES.get(nxt.ref.name) and nxt.ref.name != "Deutschland":
            break
        ctx.add(subject, "located in", nxt.ref, _evidence(info), 0.7)
        last = nxt


def seat_predicates(ctx: Context, info: SentenceInfo) -> None:
    """Seat statements around a named organisation: ``mit Hauptsitz in``, ``with offices in A and B``,
    ``Die Geschäftsstelle von X befindet sich in``, ``Standort des Clusters X ist``, ``X's office is in``,
    ``X ist in Y ansässig``, ``das in Y ansässige/beheimatete/gelegene Netzwerk X``. A former seat
    (``formerly``, ``früher``) and hedged or negated clauses assert nothing."""
    text = info.text
    orgs = [m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"]
    if not orgs and not re.match(r"\s*(?:Das|Der|Die)\s+(?:in|im)\s", text):
        return
    for region in (m for m in info.mentions if m.type == "Region" and m.kind == "name"):
        rs, re_ = info.rel(region.start), info.rel(region.end)
        subject = None
        for org in orgs:
            os_, oe = info.rel(org.start), info.rel(org.end)
            if oe > rs or org.ref is region.ref:
                continue
            gap = text[oe:rs]
            if _WITH_SEAT.match(gap) or _POSSESSIVE_SEAT.match(gap) or \
                    (_SEAT_OF.search(text[max(0, os_ - 60):os_]) and _SEAT_OF_VERB.match(gap)) or \
                    (_IS_IN.match(gap) and _RESIDENT_WORD.match(text[re_:])) or _COPULA_FOR.match(gap):
                subject = org
        if subject is None and _IN_BEFORE.search(text[:rs]):
            attribute = _RESIDENT_ATTRIBUTE.match(text[re_:re_ + 60])
            tail = re_ + attribute.end() if attribute else -1
            subject = next((o for o in orgs if attribute and tail <= info.rel(o.start) <= tail + 30
                            and re.fullmatch(r"(?:[\w-]+\s+){0,2}", text[tail:info.rel(o.start)])), None)
        if subject is None and _IN_BEFORE.search(text[:rs]) and _OPENING_ARTICLE.match(text[:rs]):
            attribute = _RESIDENT_ATTRIBUTE.match(text[re_:re_ + 60])
            if attribute and _CLUSTER_NOUN_NO_NAME.match(text[re_ + attribute.end():]) and \
                    not locally_blocked(text, 0, re_ + attribute.end() + 20) and not _FORMER.search(text[:rs]):
                # "Das in Rendsburg ansässige Netzwerk der digitalen Landwirtschaft war ...": the text's cluster
                home = info.block or ctx.subject
                if home is not None and not any(o.ref is not home for o in orgs if info.rel(o.start) < re_ + 80):
                    ctx.add(home, "located in", region.ref, _evidence(info), 0.7)
            continue
        if subject is None:
            continue
        lo = min(info.rel(subject.start), rs)
        if locally_blocked(text, lo, re_) or _FORMER.search(text[max(0, rs - 40):rs]):
            continue
        ctx.add(subject.ref, "located in", region.ref, _evidence(info), 0.75)
        _also_coordinated(ctx, info, subject.ref, region)


# ------------------------------------------------------------------------- towns no list knows, after a seat cue
_STRONG_SEAT = re.compile(r"^(?:\s*,)?\s+(?:(?:mit|with)\s+(?:Haupt)?[Ss]itz\s+in|(?:is\s+|are\s+|,\s*)?(?:based|headquartered)\s+in|"
                          r"(?:ist\s+|,\s*)?ansässig\s+in|hat\s+seinen\s+Sitz\s+in|has\s+its\s+(?:seat|headquarters)\s+in)\s+")
_TOWN_WORD = re.compile(r"(?P<town>[A-ZÄÖÜŁŚŻŽČŘ][\w’'-]+(?:\s(?:an\s+der|am|im|ob\s+der|bei)\s[A-ZÄÖÜ][\w-]+)?)"
                        r"(?:\s*,\s*(?P<comma>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)|\s*\((?P<bracket>[A-ZÄÖÜ][\w-]+(?:\s[A-Z][\w-]+)?)\))?"
                        r"(?=\s*(?:[.,;:)]|$)|\s+(?:und|and|sowie|seit|since)\b|\s+[a-zäöüß])")


_COUNTRY_VARIANTS = {"Czech Republic": "Tschechien", "Tschechische Republik": "Tschechien", "The Netherlands": "Niederlande",
                     "Holland": "Niederlande", "UK": "Vereinigtes Königreich", "Great Britain": "Vereinigtes Königreich",
                     "USA": "Vereinigte Staaten", "Slovak Republic": "Slowakei"}
# words that stand in a bracket after a name but are no towns: roles, abstract nouns
_NOT_A_BRACKET_TOWN = re.compile(r"(?:Vorsitz|Sprecher|Geschäftsführ|Vorstand|Leitung|Koordinat|Partner|Mitglied|Chair|"
                                 r"President|Director|Manager|Board|Office|Member)|\w+(?:ung|heit|keit|schaft|tion|ismus|ität)$")


def _country(ctx: Context, name: str | None):
    """The country ``name`` stands for (``France``, ``Italien``), or ``None``."""
    if not name:
        return None
    name = _COUNTRY_VARIANTS.get(name, name)
    german = next((de for de, en in lexicon.COUNTRIES.items() if name in (de, en)), None)
    if german is None or german == "Deutschland":
        return None
    ref = ctx.registry.known(german, "Region") or ctx.registry.known(name, "Region")
    if ref is None:
        ref = ctx.registry.get(german, "Region", surface=name)
    return ref


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
        match = _TOWN_WORD.match(text, start)
        if match is None or _NOT_A_TOWN.match(match.group("town")):
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
        comma, bracket = _country(ctx, match.group("comma")), _country(ctx, match.group("bracket"))
        if known is None and match.group("comma") and comma is None and not ctx.registry.known(match.group("comma"), "Region"):
            continue  # "based in Heide, Kreis ...": not a place we can tell
        ctx.add(org.ref, "located in", ref, _evidence(info), 0.7)
        for country in (comma, bracket):
            if country is not None:
                ctx.add(ref, "part of", country, _evidence(info), 0.75)
        if comma is not None:
            ctx.add(org.ref, "located in", comma, _evidence(info), 0.7)


# "ZorgNet, the Dutch health-technology cluster from Enschede"
_APPOSITION_FROM = re.compile(r"^\s*,\s*(?:the|a|an|der|die|das|ein|eine|dem|den|einem)\s+(?:[\w-]+\s+){0,4}?"
                              r"[\w-]*(?:[Cc]luster|[Nn]etwork|[Nn]etzwerk|[Vv]erbund|association)\s+"
                              r"(?:(?:of|for|der|des|für)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?(?:from|aus)\s+")


def apposition_home_towns(ctx: Context, info: SentenceInfo) -> None:
    """``ZorgNet, the Dutch health-technology cluster from Enschede``: a town no list knows, in an
    apposition that calls the named organisation a cluster from there."""
    text = info.text
    for org in (m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"):
        cue = _APPOSITION_FROM.match(text[info.rel(org.end):info.rel(org.end) + 90])
        if cue is None:
            continue
        start = info.rel(org.end) + cue.end()
        if any(info.rel(m.start) <= start < info.rel(m.end) for m in info.mentions):
            continue  # a known place (read elsewhere) or a name of something else
        match = _TOWN_WORD.match(text, start)
        if match is None or match.group("comma") or _NOT_A_TOWN.match(match.group("town")):
            continue
        town = match.group("town")
        if lexicon.ORGANISATION_WORDS.search(town) or lexicon.PROGRAMME_WORDS.search(town):
            continue
        if locally_blocked(text, info.rel(org.start), match.end()):
            continue
        ref = ctx.registry.known(town, "Region") or ctx.registry.get(town, "Region")
        ctx.add(org.ref, "located in", ref, _evidence(info), 0.7)
        country = _country(ctx, match.group("bracket"))
        if country is not None:
            ctx.add(ref, "part of", country, _evidence(info), 0.75)


_BRACKET_COUNTRY = re.compile(r"^\s*\((?P<country>[A-ZÄÖÜ][\w-]+(?:\s[A-Z][\w-]+)?)\)")


def bracket_countries(ctx: Context, info: SentenceInfo) -> None:
    """``Metz (Frankreich)``, ``Enschede (Netherlands)``: a town no list knows is part of the country
    in the bracket after it."""
    for town in (m for m in info.mentions if m.type == "Region" and m.kind == "name" and m.ref.entry is None):
        match = _BRACKET_COUNTRY.match(info.text[info.rel(town.end):info.rel(town.end) + 40])
        country = _country(ctx, match.group("country")) if match else None
        if country is not None and town.ref.name not in lexicon.COUNTRIES:
            ctx.add(town.ref, "part of", country, _evidence(info), 0.75)


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
        facts = by_evidence.get(_evidence(info))
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
    if _NOT_A_TOWN.match(town) or _NOT_AN_ITEM_TOWN.match(town) or lexicon.ORGANISATION_WORDS.search(town) \
            or lexicon.PROGRAMME_WORDS.search(town) or town in lexicon.COUNTRIES:
        return
    known = next((m for m in info.mentions if info.rel(m.start) == start), None)
    if known is not None and known.type != "Region":
        return
    if known is not None:
        return  # a known place: read by the other cues
    ref = ctx.registry.known(town, "Region") or ctx.registry.get(town, "Region")
    ctx.add(org.ref, "located in", ref, _evidence(info), 0.7)


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
        if match is None or _NOT_A_TOWN.match(match.group("town")):
            continue
        start = info.rel(org.end) + match.start("town")
        if any(info.rel(m.start) <= start < info.rel(m.end) for m in info.mentions):
            continue  # a known place is read by the other cues; a name of something else is no town
        if not locally_blocked(text, info.rel(org.start), start + len(match.group("town"))):
            town = match.group("town")
            ctx.add(org.ref, "located in", ctx.registry.known(town, "Region") or ctx.registry.get(town, "Region"),
                    _evidence(info), 0.7)
    if "(" not in text or "," not in text:
        return
    for match in _COMPANY_TOWN.finditer(text):
        name, town = match.group("org"), match.group("town")
        if not _PERSON_BEFORE.search(text[:match.start()]) or not _COMPANY_WORD.search(name):
            continue
        if _NOT_A_TOWN.match(town) or lexicon.ORGANISATION_WORDS.search(town) or town in lexicon.COUNTRIES:
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
        ctx.add(company, "located in", place, _evidence(info), 0.7)


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
        town = _TOWN_WORD.match(text, opening.end())  # "Headquartered in Turin, ...": a town no list knows
        if town is None or town.group("bracket") or not text.startswith(",", town.end("town")) or \
                _NOT_A_TOWN.match(town.group("town")) or lexicon.ORGANISATION_WORDS.search(town.group("town")):
            return
        first_end, places = town.end("town"), []
        places.append(ctx.registry.known(town.group("town"), "Region") or ctx.registry.get(town.group("town"), "Region"))
        country = _country(ctx, town.group("comma"))
        if country is not None:  # "Based in Turin, Italy, the cluster ..."
            ctx.add(places[0], "part of", country, _evidence(info), 0.75)
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
            ctx.add(org.ref, "located in", place, _evidence(info), 0.75)
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
            _country(ctx, match.group("land"))
        if land is None or Registry.final(land).name not in set(lexicon.LAENDER) | set(lexicon.COUNTRIES) and \
                not (land.entry is not None and land.entry.part_of):
            continue
        town_at = [m for m in info.mentions if info.rel(m.start) == base + match.start("town")]
        if town_at and (town_at[0].type != "Region" or info.rel(town_at[0].end) != base + match.end("town")):
            continue
        name = match.group("town")
        if not town_at and (_NOT_A_TOWN.match(name) or lexicon.ORGANISATION_WORDS.search(name)
                            or _NOT_A_BRACKET_TOWN.match(name)):
            continue
        town = town_at[0].ref if town_at else (ctx.registry.known(name, "Region") or ctx.registry.get(name, "Region"))
        if Registry.final(town) is Registry.final(land) or Registry.final(town).name in lexicon.COUNTRIES:
            continue
        ctx.add(org.ref, "located in", town, _evidence(info), 0.75)
        ctx.add(org.ref, "located in", land, _evidence(info), 0.75)
        ctx.add(town, "part of", land, _evidence(info), 0.75)


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
        ctx.add(org.ref, "located in", adjective.ref, _evidence(info), 0.7)
