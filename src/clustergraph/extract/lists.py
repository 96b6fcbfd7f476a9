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
"""

from __future__ import annotations

import re

from clustergraph.extract import patterns as P
from clustergraph.extract.context import Context
from clustergraph.extract.names import is_name_token
from clustergraph.extract.resolve import Registry
from clustergraph.extract.sentences import Sentence

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
    return items


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
    place = _PLACE_AFTER.match(text[end.start():])
    return name, tier, place.group("place") if place else None


def list_facts(ctx: Context, items: dict[int, dict]) -> None:
    """Facts the intro of each list states about its items (see the module docstring)."""
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
        if item["place"]:
            place = registry.known(item["place"], "Region") or registry.get(item["place"], "Region")
            ctx.add(ref, "located in", place, evidence, 0.75)
