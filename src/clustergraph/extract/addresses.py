"""Where an organisation's address or a cluster's home town puts it (``located in``), even a town
the gazetteer does not know:

* :func:`addresses` -- ``ErnährungPlus e.V. · Mendelstraße 11 · 48149 Münster``: a postal address
  (not a press contact's; ``Kontakt: RecyNet e.V., ...`` is the cluster's own);
* :func:`unknown_home_towns` -- ``the Czech cluster CzechTex from Liberec``, ``AutoLor aus Metz
  (Frankreich)``: a capitalised place right after a cluster's name becomes a region;
* :func:`apposition_home_towns` -- ``ZorgNet, the Dutch health-technology cluster from Enschede``.

Kept out: months, seasons and sector words after ``from``/``aus`` (``to lead WindCoast from
April``), a known name of something else, a press agency's address.
"""

from __future__ import annotations

import re

from clustergraph.extract import lexicon
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.place_phrases import NOT_A_TOWN, TOWN_WORD, country_named, locally_blocked
from clustergraph.extract.arguments import evidence_span, nearest

_FROM_PLACE = re.compile(r"^\s+(?:aus|from)\s+(?P<place>[A-ZÄÖÜŁŚŻŽČŘ][\w’'-]+(?:\s[A-ZÄÖÜ][\w-]+)?)"
                         r"(?:\s+\((?P<note>[A-ZÄÖÜŁŚŻŽČŘ][\w-]+(?:\s[A-ZÄÖÜ][\w-]+)?)\))?(?=\s*(?:[.,;:)]|$)|\s+[a-zäöüß])")


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
        if NOT_A_TOWN.match(place):
            continue  # "to lead WindCoast from April"
        if any(m.type != "Region" and info.rel(m.start) <= start < info.rel(m.end) for m in info.mentions):
            continue  # a known name of something else
        if lexicon.ORGANISATION_WORDS.search(place) or lexicon.PROGRAMME_WORDS.search(place):
            continue
        ref = registry.known(place, "Region") or registry.get(place, "Region")
        note = match.group("note")
        if note:
            country = registry.known(note, "Region") or country_named(ctx, note)
            if country is not None and (note in lexicon.COUNTRIES or country.name in lexicon.COUNTRIES):
                ctx.add(ref, "part of", country, evidence_span(info), 0.8)
            elif country is None:
                ref.add_alias(note)  # "Stettin (Szczecin)"
                registry.remember(ref, note)
        if not locally_blocked(text, info.rel(org.start), start + len(place)):
            ctx.add(org.ref, "located in", ref, evidence_span(info), 0.75)


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
            ctx.add(org.ref, "located in", region.ref, evidence_span(info), 0.75)


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
        match = TOWN_WORD.match(text, start)
        if match is None or match.group("comma") or NOT_A_TOWN.match(match.group("town")):
            continue
        town = match.group("town")
        if lexicon.ORGANISATION_WORDS.search(town) or lexicon.PROGRAMME_WORDS.search(town):
            continue
        if locally_blocked(text, info.rel(org.start), match.end()):
            continue
        ref = ctx.registry.known(town, "Region") or ctx.registry.get(town, "Region")
        ctx.add(org.ref, "located in", ref, evidence_span(info), 0.7)
        country = country_named(ctx, match.group("bracket"))
        if country is not None:
            ctx.add(ref, "part of", country, evidence_span(info), 0.75)


__all__ = ["addresses", "unknown_home_towns", "apposition_home_towns"]
