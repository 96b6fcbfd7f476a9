"""Tables of clusters (``Cluster | Sitz | Branche | Mitglied seit``), from HTML or Markdown.

Normalisation writes each table row as one line with cells joined by `` | ``. A header row names
the columns; its words decide what each column means: the cluster's name, its seat (``Selb
(Bayern)``: located in Selb, Selb part of Bayern), its sector, and the date it joined. Rows of a
table whose header has a join-date column, or that follows a sentence announcing new members, are
members of the programme the announcement is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clustergraph.extract.context import Context
from clustergraph.extract.dates import find_dates
from clustergraph.extract.patterns import MEMBERSHIP
from clustergraph.extract.resolve import Referent, Registry

SEPARATOR = " | "
_NAME = re.compile(r"^(?:Cluster|Clustername|Name|Netzwerk|Network|Initiative|Clusterinitiative|Mitglied|Member|Gewinner|Winner)s?$", re.I)
_PLACE = re.compile(r"^(?:Sitz|Standort|Ort|Location|City|Stadt|Region|Bundesland|Land|Seat|Based in|Headquarters)$", re.I)
_SECTOR = re.compile(r"^(?:Branche|Sektor|Sector|Industry|Thema|Topic|Field|Schwerpunkt|Technologiefeld|Focus|Bereich)$", re.I)
_DATE = re.compile(r"(?:Mitglied seit|seit|Datum|Date|since|Aufnahme|Joined|Member since|Beitritt)", re.I)
_MEMBER_DATE = re.compile(r"Mitglied|member|seit|since|Aufnahme|joined|Beitritt", re.I)
_SEAT_CELL = re.compile(r"^(?P<city>[^()]+?)\s*(?:\((?P<land>[^()]+)\))?$")


@dataclass
class Row:
    index: int  # sentence index
    start: int
    cells: list[tuple[int, int, str]]  # absolute offsets and text


def _cells(text: str, start: int) -> list[tuple[int, int, str]]:
    cells = []
    position = 0
    for part in text.split(SEPARATOR):
        s = start + position + (len(part) - len(part.lstrip()))
        cells.append((s, s + len(part.strip()), part.strip()))
        position += len(part) + len(SEPARATOR)
    return cells


def find_tables(ctx: Context) -> list[tuple[dict[str, int], list[Row], int]]:
    """``(columns, rows, header sentence index)`` for every table with a recognised header."""
    tables = []
    current = None
    for info in ctx.infos:
        if SEPARATOR not in info.text:
            current = None
            continue
        cells = _cells(info.text, info.start)
        if current is not None and len(cells) == current[0]["_width"]:
            current[1].append(Row(info.sentence.index, info.start, cells))
            continue
        columns: dict[str, int] = {"_width": len(cells)}
        for i, (_, _, cell) in enumerate(cells):
            for kind, pattern in (("name", _NAME), ("place", _PLACE), ("sector", _SECTOR), ("date", _DATE)):
                if kind not in columns and pattern.search(cell) and (kind == "date" or pattern.match(cell)):
                    columns[kind] = i
                    break
        if "name" in columns and len(columns) >= 3:
            columns["_member_date"] = int(bool("date" in columns and _MEMBER_DATE.search(cells[columns["date"]][2])))
            current = (columns, [], info.sentence.index)
            tables.append(current)
        else:
            current = None
    return tables


_FUNDING_FIELD = re.compile(r"^(?:Funding|Funded\s+by|Förderung|Gefördert\s+(?:von|durch)|Fördermittelgeber|Zuwendungsgeber|Financing)$",
                            re.I)
_PARTNER_FIELD = re.compile(r"^(?:Cooperation\s+partners?|Partner(?:s|\s+clusters?)?|Kooperationspartner|Partnercluster|"
                            r"Partnernetzwerke)$", re.I)
_PROGRAMME_FIELD = re.compile(r"^(?:Programmes?|Member\s+of|Mitglied\s+(?:in|im|von)|Programme\s+membership|"
                              r"Programmzugehörigkeit|Programm(?:e)?)$", re.I)
_ITEM_NAME = re.compile(r"^\s*(?P<name>[A-ZÄÖÜ][\w.&’'+-]*(?:\s[A-ZÄÖÜ0-9][\w.&’'+-]*){0,4})\s*(?:[–—-]|\(|,|$)")


def field_rows(ctx: Context) -> None:
    """Two-cell rows of a profile (``Funding | Ministry ..., co-financed by the ERDF``, ``Cooperation partners | X – City``):
    facts about the organisation the page is about."""
    owner = ctx.subject
    if owner is None:
        return
    for info in ctx.infos:
        if info.text.count(SEPARATOR) != 1:
            continue
        (k_start, k_end, key), (v_start, v_end, value) = _cells(info.text, info.start)
        evidence = (info.sentence.start, info.sentence.end)
        inside = [m for m in info.mentions if v_start <= m.start < v_end and m.kind == "name"]
        if _FUNDING_FIELD.match(key):
            funders = [m.ref for m in inside if m.type in ("Ministry", "Programme", "Organisation")]
            known = [r for r in funders if r.entry is not None and r.type == "Ministry"]
            funders = known + [r for r in funders if r.type != "Ministry"] if known else funders
            for funder in dict.fromkeys(Registry.final(r) for r in funders):
                if funder is not owner:
                    ctx.add(owner, "funded by", funder, evidence, 0.65, ctx.issued)
        elif _PARTNER_FIELD.match(key):
            partners = [m.ref for m in inside if m.type in ("Cluster", "Organisation")]
            if not partners:
                for part in re.split(r";|\s/\s", value):
                    match = _ITEM_NAME.match(part)
                    if match and len(match.group("name")) > 2 and ctx.registry.known(match.group("name"), "Region") is None:
                        partners.append(ctx.registry.get(match.group("name"), "Cluster"))
            for partner in dict.fromkeys(Registry.final(r) for r in partners):
                if partner is not owner:
                    ctx.add(owner, "partner of", partner, evidence, 0.6, ctx.issued)
        elif _PROGRAMME_FIELD.match(key):
            for prog in dict.fromkeys(Registry.final(m.ref) for m in inside if m.type == "Programme"):
                ctx.add(owner, "member of programme", prog, evidence, 0.65)


def table_facts(ctx: Context) -> None:
    field_rows(ctx)
    registry = ctx.registry
    for columns, rows, header_index in find_tables(ctx):
        intro = ctx.infos[header_index - 1].text if header_index > 0 else ""
        members = ctx.programme is not None and (columns["_member_date"] or MEMBERSHIP.search(intro))
        for row in rows:
            info = ctx.infos[row.index]
            evidence = (info.sentence.start, info.sentence.end)
            name = row.cells[columns["name"]][2]
            if not name:
                continue
            cluster = registry.known(name) or registry.get(name, "Cluster")
            cluster = Registry.final(cluster)
            if members:
                date = None
                if "date" in columns:
                    dates = find_dates(row.cells[columns["date"]][2], reference=ctx.issued)
                    date = dates[0].iso if dates else None
                ctx.add(cluster, "member of programme", ctx.programme, evidence, 0.8, date)
            if "place" in columns:
                add_seat(ctx, cluster, row.cells[columns["place"]][2], evidence, 0.8)
            if "sector" in columns:
                topic = row.cells[columns["sector"]][2]
                sector = next((m.ref for m in info.mentions if m.kind == "sector"
                               and row.cells[columns["sector"]][0] <= m.start < row.cells[columns["sector"]][1]), None)
                if sector is None and topic and len(topic.split()) <= 5:
                    sector = registry.get(topic[0].upper() + topic[1:], "Sector", use_gazetteer=False)
                if sector is not None:
                    ctx.add(cluster, "sector", sector, evidence, 0.75)


def add_seat(ctx: Context, subject: Referent, text: str, evidence: tuple[int, int], confidence: float) -> None:
    """A seat cell or value, ``Selb (Bayern)``: ``subject`` is located in Selb, and Selb is part of Bayern
    (shared with the ``Sitz: ...`` records of :mod:`lists`)."""
    match = _SEAT_CELL.match(text)
    if not match:
        return
    registry = ctx.registry
    city = registry.known(match.group("city"), "Region") or registry.get(match.group("city"), "Region")
    ctx.add(subject, "located in", city, evidence, confidence)
    if match.group("land"):
        land = registry.known(match.group("land"), "Region") or registry.get(match.group("land"), "Region")
        ctx.add(city, "part of", land, evidence, confidence)
