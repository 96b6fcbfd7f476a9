"""Where a cluster's members come from (``located in``, weaker than a stated seat).

* :func:`members_from` -- a cluster that networks members *from* a place: ``Der Cluster vernetzt
  250 bayerische Hersteller``, ``bündelt 34 Unternehmen in Mecklenburg-Vorpommern``, ``brings
  together companies from the Lusatian lignite region``, ``getragen von Partnern aus A, B und C``;
* :func:`member_origins` -- the facts read that way, so later cues can weigh them;
* :func:`drop_member_lands_beside_a_seat` -- a Land the members come from is not the cluster's when
  the text seats it in a town of another Land.

Tempting readings that are kept out: places of members that are foreign countries (``Unternehmen
aus Deutschland, Österreich und der Schweiz``), a place reached through ``von``/``by``/``such as``,
hedged or negated clauses (:func:`modality.blocked`).
"""

from __future__ import annotations

import re

from clustergraph.extract import lexicon
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.mentions import Mention
from clustergraph.extract.modality import blocked, clause
from clustergraph.extract.place_phrases import ANAPHOR_START, is_foreign
from clustergraph.extract.arguments import evidence_span
from clustergraph.extract.resolve import Registry

# the members a cluster brings together
_MEMBERS = (r"(?:\w*[Uu]nternehmen|Firmen|Betriebe|Hersteller|Zulieferer|Partner(?:n|innen)?|Mitglieder(?:n)?|"
            r"Mitgliedsunternehmen|Akteure(?:n)?|Einrichtungen|Institut(?:e|en|ionen)|Hochschulen|Kommunen|"
            r"Forschungseinrichtungen|companies|firms|members|partners|manufacturers|suppliers|institutes|"
            r"institutions|organi[sz]ations|universities|municipalities|utilities|actors|players|SMEs)")
_NETWORK_VERB = re.compile(
    r"\b(?:vernetzt|bündelt|verbindet|vereint|vereinigt|vertritt|umfasst|zählt|"
    r"brings\s+together|connects|unites|represents|gathers|comprises|has|hat)\b|"
    r"\bbringt\s+(?=(?:\S+\s+){1,12}?zusammen\b)|\b[Gg]etragen\s+wird\b|\bis\s+(?:supported|backed)\s+by\b|"
    r"(?:\b(?:is|ist)|,)\s+(?:a|an|ein|eine|der|das|the)\s+(?:[\w-]+\s+){0,2}?(?:network|Netzwerk|Verbund|association|alliance|"
    r"Zusammenschluss|Allianz)\s+(?:of|von|aus)\b|\bgehör(?:en|t)\s+(?=(?:\S+\s+){1,14}?an\b)|"
    r"\b(?:[Ss]eine|[Ii]hre|[Uu]nsere|[Dd]ie|[Ii]ts|[Oo]ur|[Tt]he)\s+(?=(?:rund\s+|about\s+|\d+\s+)?" + _MEMBERS +
    r"\s+(?:des\s+[\w-]+\s+|of\s+the\s+[\w-]+\s+)?(?:stammen|kommen|sitzen|come|are\s+based|are\s+located)\b)"
)
_MEMBERS_RE = re.compile(r"(?<![\w-])" + _MEMBERS)
# a place joined to the members: "aus", "in", "from", "im Norden", "aus dem Nordwesten"
_PLACE_LINK = re.compile(
    r"\s(?:aus|in|im|from|across|throughout|all\s+over|from\s+across|from\s+all\s+over)(?:\s+(?:der|dem|den|des|the|ganz))?"
    r"(?:\s+(?:gesamten|ganzen|whole|entire))?"
    r"(?:\s+(?:Norden|Süden|Osten|Westen|Nordwesten|Nordosten|Südwesten|Südosten|north|south|east|west|"
    r"northwest|northeast|southwest|southeast)(?:\s+of)?)?"
    r"(?:\s+(?:Raum|Großraum|Bundesland|Freistaat|Land|(?:Free\s+)?[Ss]tate\s+of|area\s+of|region\s+of|city\s+of))?\s+$"
)
_LIST_GLUE = re.compile(r"^(?:\s*,\s*|\s+(?:und|and|sowie|or|oder)\s+|\s*,\s*(?:und|and)\s+)(?:(?:der|dem|the)\s+)?$")
_MEMBERS_START = re.compile(r"^(?:[Ss]eine|[Ii]hre|[Uu]nsere|[Dd]ie|[Ii]ts|[Oo]ur|[Tt]he)\s+(?:rund\s+|about\s+|\d+\s+)?"
                            r"(?:Mitglieder|Mitgliedsunternehmen|Partner|members|member\s+companies|partners)\b"
                            r"(?:\s+(?:des|der)\s+(?:Clusters|Netzwerks|Netzwerkes|Vereins|Verbunds)|\s+of\s+the\s+(?:cluster|network|association))?\s+"
                            r"(?:stammen|kommen|sitzen|come|are\s+based|are\s+located)\b")
_PASSIVE_CARRIED = re.compile(r"^\s*[Gg]etragen\s+wird\s+(?:der|das|die)\s+(?:[\w-]+\s+){0,1}?(?:Cluster|Netzwerk|Verein|Verbund)\b")


def _subject_at_start(ctx: Context, info: SentenceInfo, before: int) -> object | None:
    """The organisation the sentence is about when it opens with it (or with ``Der Cluster``/``We``)."""
    text = info.text
    orgs = [m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name" and info.rel(m.end) <= before]
    if orgs and (info.rel(orgs[0].start) <= 4 or len({m.ref.id for m in orgs}) == 1):
        return orgs[0].ref
    if ANAPHOR_START.match(text) or _PASSIVE_CARRIED.match(text) or _MEMBERS_START.match(text):
        return info.block or ctx.subject
    return None


def _regions_in(info: SentenceInfo, lo: int, hi: int) -> list[Mention]:
    return [m for m in info.mentions if m.type == "Region" and lo <= info.rel(m.start) and info.rel(m.end) <= hi]


def members_from(ctx: Context, info: SentenceInfo) -> None:
    """A cluster networking members from a place is located there (see the module docstring)."""
    text = info.text
    verb = _NETWORK_VERB.search(text)
    if verb is None or not info.has("Region"):
        return
    cs, ce = verb.span()
    lo, hi = clause(text, cs, ce)
    if blocked(text, cs, ce):
        return
    subject = _subject_at_start(ctx, info, cs)
    if subject is None:
        return
    members = _MEMBERS_RE.search(text, ce, hi)
    if members is None or members.start() - ce > 90:
        return
    found: list[Mention] = []
    for m in _regions_in(info, ce, hi):
        start = info.rel(m.start)
        if m.kind == "adjective":
            # "250 bayerische Hersteller", "energy companies ... from the Lusatian lignite region"
            if start < members.start() and re.fullmatch(r"[\s\w.,-]{0,40}", text[start:members.start()]) \
                    and not re.search(r"\b(?:und|and|,)\b", text[info.rel(m.end):members.start()]):
                found.append(m)
            elif start > members.end() and start - members.end() <= 40 \
                    and re.search(r"\b(?:from|aus)\s+the\s+$|\b(?:from|aus|in)\s+(?:der|dem|the)\s+$|\b(?:der|des|of\s+the)\s+$",
                                  text[max(ce, start - 12):start]):
                found.append(m)
            continue
        if start < members.end():
            continue
        link = _PLACE_LINK.search(" " + text[max(members.end(), start - 60):start])
        previous = found[-1] if found else None
        if link is None and previous is not None and _LIST_GLUE.match(text[info.rel(previous.end):start]):
            found.append(m)  # "aus Leipzig, Halle und Jena"
            continue
        if link is None:
            continue
        gap = text[members.end():start - len(link.group(0)) + 1]
        if len(gap) > 80 or re.search(r"\b(?:von|by|mit|with|für|for|wie|such\s+as|darunter|including)\b", gap):
            continue
        found.append(m)
    for m in found:
        if is_foreign(m) or m.ref is subject:
            continue
        ctx.add(subject, "located in", m.ref, evidence_span(info), 0.7)
        if ctx.facts and ctx.facts[-1].object is Registry.final(m.ref):
            member_origins(ctx).append(ctx.facts[-1])


def member_origins(ctx: Context) -> list:
    """The ``located in`` candidates read from where a cluster's members come from (weaker than a seat)."""
    origins = getattr(ctx, "_member_origins", None)
    if origins is None:
        origins = []
        ctx._member_origins = origins
    return origins


_SEAT_WORD = re.compile(r"Sitz|Geschäftsstelle|Standort|ansässig|based|headquarter|office|seat", re.I)


def drop_member_lands_beside_a_seat(ctx: Context) -> None:
    """``Der Sitz ... ist das bayerische Memmingen ... 112 Mitglieder aus Bayern und Baden-Württemberg``:
    a Land the members come from is not the cluster's when the text seats it in a town of another Land."""
    origins = {id(fact) for fact in member_origins(ctx)}
    if not origins:
        return
    laender = set(lexicon.LAENDER)
    seat_lands: dict[int, set[str]] = {}
    for fact in ctx.facts:
        if fact.relation != "located in" or id(fact) in origins or fact.object.entry is None:
            continue
        if not _SEAT_WORD.search(ctx.text[fact.evidence[0]:fact.evidence[1]]):
            continue  # only a stated seat outweighs the members' origins
        for iri in fact.object.entry.part_of:
            land = ctx.registry.gazetteer.by_iri(iri)
            if land is not None and land.name in laender:
                seat_lands.setdefault(id(Registry.final(fact.subject)), set()).add(land.name)

    def kept(fact) -> bool:
        lands = seat_lands.get(id(Registry.final(fact.subject)))
        name = Registry.final(fact.object).name
        return id(fact) not in origins or name not in laender or not lands or name in lands

    ctx.facts[:] = [fact for fact in ctx.facts if kept(fact)]


__all__ = ["members_from", "member_origins", "drop_member_lands_beside_a_seat"]
