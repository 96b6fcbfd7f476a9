"""Lists of clusters introduced by a sentence ending in a colon.

``Die neuen Spitzencluster sind:`` / ``... mit dem Qualitätslabel „X“ ausgezeichnet:`` /
``Four clusters received quality labels ... :`` followed by one item per line:

* ``AgroBioNet Mitteldeutschland (Sachsen-Anhalt): Bioökonomie``
* ``Mechatronik-Cluster Ostalb, Aalen``
* ``Gold: MedTech Neckar-Alb, the medical technology cluster based in Reutlingen``

Each item's leading name is a cluster. What the intro says applies to every item: a membership
(of the programme the announcement is about) or a label award (the item's tier, else the label
the intro names), dated by the intro's date, else the issue date when the intro says ``heute`` /
``today``. A place right after the name (``, Aalen``) is where the cluster is.

Also: items ``Name, City (Land) — topic — member since 1 April 2020`` under a heading about new members
(:func:`member_items`); the records of a definition list, a name line followed by ``Sitz: ...``/``Branche: ...``
lines (:func:`find_records`); ``alle drei gehören dem Programm X an`` said of the listed clusters; and
``drei neue Netzwerke`` counted by a sentence before the list (:func:`counted_group`, used by funding).
"""

from __future__ import annotations

import re

from clustergraph.extract import patterns as P
from clustergraph.extract.context import Context, SentenceInfo
from clustergraph.extract.dates import find_dates
from clustergraph.extract.modality import blocked
from clustergraph.extract.names import is_name_token
from clustergraph.extract.resolve import Referent, Registry
from clustergraph.extract.sectors import row_sector
from clustergraph.extract.sentences import Sentence
from clustergraph.extract.tables import add_seat

_TIER_PREFIX = re.compile(r"^(?P<tier>Gold|GOLD|Silber|SILBER|Silver|SILVER|Bronze|BRONZE)\s*[:–—-]\s*")
_NAME_END = re.compile(r",|\s\(|:|\s[–—-]\s|$")
_PLACE_AFTER = re.compile(r"^,\s*(?P<place>[A-ZÄÖÜ][\w.\-]*(?:\s(?:im|am|an\sder|in|ob\sder|bei)\s[A-ZÄÖÜ][\w.\-]*|\s[A-ZÄÖÜ][\w.\-]*){0,2})\s*$")
_TODAY = re.compile(r"\b(?:heute|today|this\s+week|diese\s+Woche)\b", re.IGNORECASE)
_TIERS = {"gold": "Gold", "silber": "Silver", "silver": "Silver", "bronze": "Bronze"}


def _is_line(text: str, s: Sentence) -> bool:
    return (s.start == 0 or text[s.start - 1] == "\n") and (s.end == len(text) or text[s.end] == "\n")


def find_list_items(text: str, sentences: list[Sentence], registry: Registry) -> dict[int, dict]:
    """Items of colon-introduced lists: sentence index -> {ref, tier, intro, place}."""
    items: dict[int, dict] = {}
    intro: int | None = None
    for s in sentences:
        line = _is_line(text, s)
        if intro is None and line and _TIER_PREFIX.match(s.text) and s.index > 0:
            # "Gold: X, ..." items after a paragraph that states the award
            for back in range(s.index - 1, max(-1, s.index - 4), -1):
                if P.AWARD.search(sentences[back].text):
                    intro = back
                    break
        if intro is not None and line and (s.index - 1 in items or s.index - 1 == intro or
                                           (_TIER_PREFIX.match(s.text) and intro < s.index)):
            item = _parse_item(s.text)
            if item is not None:
                name, tier, place = item
                known = registry.known(name)
                if known is None or known.type in ("Cluster", "Organisation"):
                    ref = known or registry.get(name, "Cluster")
                    items[s.index] = {"ref": ref, "tier": tier, "intro": intro, "place": place}
                    continue
        intro = s.index if s.text.rstrip().endswith(":") else None
    for index, record in find_records(text, sentences).items():
        if index in items:
            continue
        known = registry.known(record["name"])
        if known is None or known.type in ("Cluster", "Organisation"):
            items[index] = {"ref": known or registry.get(record["name"], "Cluster"), "tier": None, "intro": record["intro"],
                            "place": record["place"], "fields": record["fields"]}
    return items


_FIELD = re.compile(r"^(?P<key>Sitz|Standort|Ort|Seat|Location|Based\s+in|Branche|Sektor|Sector|Industry|Thema|Schwerpunkt|Focus|"
                    r"Vorhaben|Projekt|Project|Zuwendung|Förderung|Fördersumme|Funding|Grant|Mitglied\s+seit|Member\s+since|"
                    r"Mitglieder|Members|Website|Kontakt|Contact)\s*:\s*(?P<value>.+)$", re.IGNORECASE)
_SEAT_KEYS = re.compile(r"Sitz|Standort|Ort|Seat|Location|Based", re.IGNORECASE)


def find_records(text: str, sentences: list[Sentence]) -> dict[int, dict]:
    """Records of a definition list: a name on a line of its own followed by ``Key: value`` lines
    (``PortNet Warnow`` / ``Sitz: Rostock (Mecklenburg-Vorpommern)`` / ``Branche: ...``): name line index ->
    {name, intro (the heading before the first record), place, fields}."""
    records: dict[int, dict] = {}
    heading = None
    i = 0
    while i < len(sentences):
        s = sentences[i]
        fields = []
        j = i + 1
        while j < len(sentences) and _is_line(text, sentences[j]) and _FIELD.match(sentences[j].text):
            fields.append((j, _FIELD.match(sentences[j].text)))
            j += 1
        words = s.text.split()
        if len(fields) >= 2 and _is_line(text, s) and 1 <= len(words) <= 6 and not s.text.rstrip().endswith((".", ":", "!", "?")) \
                and is_name_token(words[0], first=True) and all(is_name_token(w) or w in ("&", "und", "and", "für", "of") for w in words):
            place = next((m.group("value") for _, m in fields if _SEAT_KEYS.match(m.group("key"))), None)
            records[s.index] = {"name": s.text.strip(), "intro": heading if heading is not None else max(0, s.index - 1),
                                "place": place, "fields": {m.group("key").lower(): (k, m.group("value")) for k, m in fields}}
            if heading is None:
                heading = max(0, s.index - 1)
            i = j
            continue
        if not records:
            heading = None
        i += 1
    return records


def _parse_item(text: str) -> tuple[str, str | None, str | None] | None:
    tier = None
    prefix = _TIER_PREFIX.match(text)
    if prefix:
        tier = _TIERS[prefix.group("tier").lower()]
        text = text[prefix.end():]
    end = _NAME_END.search(text)
    name = text[: end.start()].strip()
    words = name.split()
    if not 1 <= len(words) <= 6 or not is_name_token(words[0], first=True):
        return None
    if not all(is_name_token(w) or w in ("&", "und", "and", "für", "for", "of", "im", "am") for w in words):
        return None
    if re.fullmatch(r"[\d\s.,/*–-]+", name.replace("*", "")):
        return None  # "2008 – founded ...": a chronicle's year, not a name
    place = _PLACE_AFTER.match(text[end.start():])
    return name, tier, place.group("place") if place else None


_MEMBER_SINCE = re.compile(r"\b(?:member\s+since|Mitglied\s+seit|joined(?:\s+on)?|aufgenommen\s+(?:am|zum))\s+(?P<date>[^—–|]+?)\s*$",
                           re.IGNORECASE)
_CITY = re.compile(r"^[^,(]+,\s*(?P<city>[A-ZÄÖÜ][\w.\-]*(?:\s(?:im|am|an\sder|ob\sder|bei)\s[A-ZÄÖÜ][\w.\-]*|"
                   r"\s[A-ZÄÖÜ][\w.\-]*){0,2})\s*\(")
_ADMISSION_HEADING = re.compile(r"\b(?:Admitted|[Nn]ew\s+members|[Nn]eue\s+Mitglieder|[Aa]ufgenommen|[Nn]eu\s+aufgenommen|"
                                r"[Nn]eu\s+im\s+Programm|[Nn]ewcomers|[Ww]elcome)\b")


def member_items(ctx: Context) -> None:
    """``Name, City (Land) — topic — member since 1 April 2020`` items under a heading about new members:
    each is a member of the programme the announcement is about since that date, and is in City."""
    if ctx.programme is None:
        return
    titled = any(info.is_title and any(m.ref is ctx.programme for m in info.mentions) for info in ctx.infos)
    for index, ref in sorted(ctx.list_items.items()):
        info = ctx.infos[index]
        since = _MEMBER_SINCE.search(info.text)
        if since is None:
            continue
        heading = any(_ADMISSION_HEADING.search(ctx.infos[i].text) for i in range(max(0, index - 6), index))
        if not (titled or heading):
            continue
        ref = Registry.final(ref)
        evidence = (info.sentence.start, info.sentence.end)
        dates = find_dates(since.group("date"), reference=ctx.issued)
        ctx.add(ref, "member of programme", ctx.programme, evidence, 0.75, dates[0].iso if dates else None)
        row_sector(ctx, info, ref)  # "— energy storage —": the row's field
        city = _CITY.match(info.text)
        if city:
            place = ctx.registry.known(city.group("city"), "Region") or ctx.registry.get(city.group("city"), "Region")
            ctx.add(ref, "located in", place, evidence, 0.75)
            land = next((m.ref for m in info.mentions if m.type == "Region" and info.rel(m.start) > city.end("city")
                         and m.ref is not place), None)
            if land is not None:
                ctx.add(place, "part of", land, evidence, 0.75)


def list_facts(ctx: Context, items: dict[int, dict]) -> None:
    """Facts the intro of each list states about its items (see the module docstring)."""
    member_items(ctx)
    registry = ctx.registry
    for index, item in items.items():
        info = ctx.infos[index]
        intro = ctx.infos[item["intro"]]
        ref = Registry.final(item["ref"])
        evidence = (info.sentence.start, info.sentence.end)
        date = None
        for back in range(item["intro"], max(-1, item["intro"] - 3), -1):
            near = ctx.infos[back]
            if near.dates:
                date = near.dates[0].iso
                break
            if _TODAY.search(near.text):
                date = ctx.issued
                break
        if P.AWARD.search(intro.text) and (item["tier"] or intro.labels or
                                            any(m.type == "Label" for m in intro.mentions)):
            labels = []
            if item["tier"]:
                labels = [ctx.label_ref(item["tier"], intro)]
            else:
                labels = [m.ref for m in intro.mentions if m.type == "Label"]
                for _, _, tiers in intro.labels:
                    labels += [ctx.label_ref(tier, intro) for tier in tiers]
            for label in dict.fromkeys(labels):
                ctx.add(ref, "awarded label", label, evidence, 0.75, date)
        elif (P.MEMBERSHIP.search(intro.text) or P.MEMBER_LIST_INTRO.search(intro.text)) and ctx.programme is not None:
            ctx.add(ref, "member of programme", ctx.programme, evidence, 0.75, date or ctx.event_date)
        if item.get("fields"):
            _record_facts(ctx, ref, item)
        elif item["place"]:
            place = registry.known(item["place"], "Region") or registry.get(item["place"], "Region")
            ctx.add(ref, "located in", place, evidence, 0.75)
    _group_memberships(ctx)


def _record_facts(ctx: Context, ref, item: dict) -> None:
    """``Sitz: Rostock (Mecklenburg-Vorpommern)``: located in Rostock, Rostock part of the Land."""
    for key, (index, value) in item["fields"].items():
        info = ctx.infos[index]
        evidence = (info.sentence.start, info.sentence.end)
        if _SEAT_KEYS.match(key):
            add_seat(ctx, ref, value.strip(), evidence, 0.75)


def _group_memberships(ctx: Context) -> None:
    """``alle drei gehören dem Programm X an`` / ``all of them are members of X``, said of the clusters listed."""
    group = list(dict.fromkeys(Registry.final(r) for r in ctx.group))
    if len(group) < 2:
        return
    for info in ctx.infos:
        if not (P.DISTRIBUTIVE.search(info.text) or _ALL_OF.search(info.text)):
            continue
        cue = _GROUP_MEMBERSHIP.search(info.text)
        if cue is None or blocked(info.text, cue.start(), cue.end()):
            continue
        prog = next((m.ref for m in info.mentions if m.type == "Programme" and cue.start() <= info.rel(m.start) < cue.end()), None)
        if prog is None:
            continue
        date = next((d.iso for d in info.dates if not d.until), None) or ctx.issued
        for ref in group:
            ctx.add(ref, "member of programme", prog, (info.sentence.start, info.sentence.end), 0.7, date)


_ALL_OF = re.compile(r"\b(?:[Aa]lle|[Aa]ll|[Bb]eide|[Bb]oth)\s+(?:zwei|drei|vier|fünf|sechs|\d+|two|three|four|five|six|of\s+them)\b")
_GROUP_MEMBERSHIP = re.compile(r"\bgehör(?:t|en)\s+(?:\S+\s+){0,3}?(?:dem|der)\s+(?:\S+\s+){0,3}?\S+\s+an\b|"
                               r"\b(?:sind|are)\s+(?:\S+\s+){0,2}?(?:Mitglieder|members)\s+(?:von|im|in|of|bei)\s+\S+(?:\s+\S+)?")


_NUMBERS = {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
            "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_COUNTED = re.compile(r"\b(?P<n>\d+|[Zz]wei|[Dd]rei|[Vv]ier|[Ff]ünf|[Ss]echs|[Ss]ieben|[Aa]cht|[Nn]eun|[Zz]ehn|[Tt]wo|[Tt]hree|[Ff]our|"
                      r"[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en)\s+"
                      r"(?:neue[n]?\s+|new\s+|weitere[n]?\s+|further\s+)?(?:[\w-]+\s+)?(?:networks|clusters|Netzwerke|Cluster|"
                      r"Clustern|Initiativen|Clusterinitiativen|initiatives|Innovationsnetzwerke)\b")


def counted_group(ctx: Context, info: SentenceInfo, ce: int, hi: int) -> list[Referent]:
    """``fördert drei neue Netzwerke`` followed by a list of exactly three: the listed clusters."""
    match = _COUNTED.search(info.text, ce, hi)
    if match is None or match.end() > hi or info.text[ce:match.start()].strip(" ,.;:") not in ("", "die", "Die", "the", "The"):
        return []
    count = int(match.group("n")) if match.group("n").isdigit() else _NUMBERS[match.group("n").lower()]
    group = list(dict.fromkeys(ctx.group))
    return group if len(group) == count else []


def list_intro_date(ctx: Context, info: SentenceInfo) -> str | None:
    for index in range(info.sentence.index, min(len(ctx.infos), info.sentence.index + 4)):
        near = ctx.infos[index]
        if near.text.rstrip().endswith(":"):
            dates = [d for d in near.dates if not d.until]
            return dates[0].iso if dates else None
    return None
