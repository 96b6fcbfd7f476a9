"""Places the gazetteer may not know, or knows only through a town's name: ``located in`` from

* :func:`unknown_home_towns` -- ``the Czech cluster CzechTex from Liberec``, ``AutoLor aus Metz
  (Frankreich)``: a capitalised place right after a cluster's name becomes a region;
* :func:`town_adjectives` -- ``Das Ulmer Netzwerk NeuroNet``: a known town's ``-er`` adjective before
  a cluster noun and a name;
* :func:`addresses` -- ``ErnährungPlus e.V. · Mendelstraße 11 · 48149 Münster``: a cluster's postal
  address (not a press contact's).

Tempting readings kept out: months, seasons and sector words after ``from``/``aus`` (``to lead
WindCoast from April``), an ``-er`` adjective describing an employer (``Wetzlarer Glaswerke``: no
cluster noun), a Land's adjective (handled as a region adjective elsewhere).
"""

from __future__ import annotations

import re

from clustergraph.extract import lexicon
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.place_cues import locally_blocked
from clustergraph.extract.relations import _evidence, nearest

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
            country = registry.known(note, "Region")
            if country is not None and (note in lexicon.COUNTRIES or country.name in lexicon.COUNTRIES):
                ctx.add(ref, "part of", country, _evidence(info), 0.8)
            elif country is None:
                ref.add_alias(note)  # "Stettin (Szczecin)"
                registry.remember(ref, note)
        if not locally_blocked(text, info.rel(org.start), start + len(place)):
            ctx.add(org.ref, "located in", ref, _evidence(info), 0.75)


_TOWN_ADJECTIVE = re.compile(r"(?<![\w-])(?P<town>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)er\s+(?P<noun>(?:[\w-]+\s+)?"
                             r"(?:\w*[Nn]etzwerk|\w*[Cc]luster|Verbund|Verein|Initiative|Allianz|Bündnis|Antrag|Konsortium))\s+")


def town_adjectives(ctx: Context, info: SentenceInfo) -> None:
    """``Das Ulmer Netzwerk NeuroNet``, ``der Freiburger Antrag PhotoX``: a town's -er adjective
    before a cluster noun and the cluster's name."""
    text = info.text
    if "er " not in text or not _CLUSTER_WORD.search(info.lower or text.lower()):
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


_CONTACT_LINE = re.compile(r"\s*(?:Press(?:e)?\s*(?:kontakt|contact|office)|Kontakt|Contact|Ansprechpartner|Media)", re.I)
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
        if org is not None and not _CONTACT_LINE.match(text):
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


__all__ = ["unknown_home_towns", "town_adjectives", "addresses", "town_cues"]
