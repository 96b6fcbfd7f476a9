"""Sector facts from the sector words of the closed list (``lexicon.SECTORS``, found as mentions):
a sector word that modifies a cluster noun, ``Cluster für ...``, ``X vernetzt Unternehmen der ...``,
``Der Schwerpunkt von X liegt auf ...``. Open-ended fields are in :mod:`sector_phrases`.
"""

from __future__ import annotations

import re

from clustergraph.extract import patterns as P
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.label_subjects import own_cluster
from clustergraph.extract.mentions import Mention
from clustergraph.extract.arguments import anaphor_subject, evidence_span, nearest
from clustergraph.extract.resolve import Referent
from clustergraph.extract.field_words import (CLASSIFYING_ADJECTIVE, RELATIVE_BEFORE, STOP_HEADS, field_asserted,
                                              foreign_subject, other_party_cue)
from clustergraph.extract.field_words import refused as refused_field
from clustergraph.extract.member_fields import VERB_KEYS
from clustergraph.extract.subjects import described_cluster, subject_before

# words that name the members of a cluster, not its field ("logistics service providers")
MEMBER_NOUNS = frozenset("""
companies company firms firm providers provider suppliers supplier operators operator manufacturers manufacturer
producers producer players institutes institutions members member start-ups startups smes businesses partners
network networks cluster clusters association alliance initiative sector industry industries sectors
""".split())
_FUNCTION_WORDS = frozenset("""
the a an and or of in for from with to at by on its their our this that these those as is are was were
more than around about over some many several all both other
""".split())
# the tail of a German compound that names members, not a field: "Medizintechnikfirmen", "Logistik-Unternehmen"
_GERMAN_MEMBER_TAILS = frozenset("firmen firma unternehmen betriebe betrieb hersteller anbieter zulieferer dienstleister "
                                 "start-ups startups mittelständler spezialisten experten".split())
# a product of the members, not the cluster's field: "Hersteller von Medizinprodukten"
_PRODUCT_BEFORE = re.compile(r"(?:Hersteller|Anbieter|Produzenten|manufacturers|makers|producers|suppliers)\s+(?:von|of)\s+$")
# a field word that is not the whole of the name: "Mechatronik-Cluster Ostalb" is a name, not a statement
_DISTINCTIVE = re.compile(r"[a-z][A-Z]|\d|^[A-Z]{2,}")

_FOCUS = re.compile(
    r"\b(?:Schwerpunkt|Fokus|focus|Arbeitsschwerpunkt)\s+(?:von|des|der|of)\b|\b(?:konzentriert|spezialisiert|focuses|focused|"
    r"specialises|specializes|specialised|specialized)\b"
)


# a classifying adjective narrows a listed field: "der pharmazeutischen Biotechnologie" is not Biotechnologie at large
_CLASSIFIED = re.compile(r"\b[a-zäöü]*" + CLASSIFYING_ADJECTIVE + r"(?:en|er|es)\s+$")  # German endings only


# words one of which a focus sentence contains (lower-cased): a cheap test before the regex
_FOCUS_KEYS = ("schwerpunkt", "fokus", "focus", "konzentriert", "spezialisiert", "speciali")


def focus_sectors(ctx: Context) -> None:
    """``Der Schwerpunkt von X liegt auf Umwelttechnik``, ``X focuses on photonics``."""
    for info in ctx.infos:
        if not any(key in info.lower for key in _FOCUS_KEYS):
            continue
        cue = _FOCUS.search(info.text)
        if not cue:
            continue
        sector = next((m for m in info.mentions if m.kind == "sector" and info.rel(m.start) > cue.start()), None)
        if sector is None:
            continue
        if foreign_subject(info.text[:cue.start()]) \
                or not field_asserted(info.text, info.rel(sector.start), info.rel(sector.end), verb_end=cue.end()):
            continue  # "Das Projekt konzentriert sich auf", "The partner cluster specialises in", "plans to focus on"
        org = nearest(info, ORG_TYPES, info.rel(sector.start), 0, info.rel(sector.start), "left")
        subject = org.ref if org else anaphor_subject(ctx, info, 0, len(info.text))
        if subject is not None and not org:
            subject = _own(ctx, info)
        ctx.add(subject, "sector", field_ref(ctx, info, sector), evidence_span(info), 0.7)


def sectors(ctx: Context) -> None:
    for info in ctx.infos:
        for m in info.mentions:
            if m.kind != "sector":
                continue
            subject = described_cluster(ctx, info, info.rel(m.end), info.rel(m.start))
            attributive, link = subject is not None, None
            if subject is None:
                before = info.text[:info.rel(m.start)]
                link = re.search(r"(?:[Cc]luster|[Nn]etzwerk|[Nn]etwork)(?:s|es)?\s+(?:für|for|der|of)\s+(?:die\s+|the\s+)?$", before)
                if link:
                    subject = subject_before(ctx, info, link.start())
            if subject is not None and _other_party(info, link.start() if link else info.rel(m.start), subject):
                continue  # "Partner des Netzwerks der Chemieindustrie": the partner's field
            if subject is not None and not named_only(info, subject, info.rel(m.start)) \
                    and field_asserted(info.text, info.rel(m.start), info.rel(m.end), attributive=attributive):
                ctx.add(subject, "sector", field_ref(ctx, info, m), evidence_span(info), 0.75)


def _other_party(info: SentenceInfo, position: int, subject: Referent) -> bool:
    """A partner cue before ``position`` ("mit dem", "partner of the") whose party is not ``subject`` named after it."""
    cue = other_party_cue(info.text[:position])
    if cue is None:
        return False
    return not any(m.ref is subject and m.kind == "name" and info.rel(m.start) >= cue for m in info.mentions)


def network_sectors(ctx: Context) -> None:
    """``X vernetzt ... Unternehmen der Ernährungswirtschaft``, ``The cluster brings together ... from electric mobility``."""
    for info in ctx.infos:
        if not any(key in info.lower for key in VERB_KEYS):
            continue
        verb = P.NETWORK_VERB.search(info.text)
        if not verb:
            continue
        sector = next((m for m in info.mentions if m.kind == "sector" and info.rel(m.start) > verb.start()
                       and not _member_modifier(info, m) and not _CLASSIFIED.search(info.text, 0, info.rel(m.start))), None)
        if sector is None:
            continue
        head = info.text[:verb.start()]
        if foreign_subject(head) or not field_asserted(info.text, info.rel(sector.start), info.rel(sector.end),
                                                       verb_end=verb.end()):
            continue
        named = [m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name" and info.rel(m.start) < 3]
        relative = RELATIVE_BEFORE.search(head)
        if relative:  # "kooperiert mit GammaNet, das Unternehmen der Luftfahrt vernetzt": the relative's antecedent
            named = [m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"
                     and 0 <= relative.start() - info.rel(m.end) <= 1]
            if not named:
                continue
        if named:
            subject = named[0].ref
        elif P.ANAPHOR_SUBJECT_START.match(head) or re.match(r"^(?:Die|Der|Das|The)\s+(?:[\w-]+\s+){0,5}?(?:Allianz|Cluster|Netzwerk|"
                                                             r"cluster|network|Verein|Initiative)\b", head):
            subject = _own(ctx, info)
        else:
            continue
        ctx.add(subject, "sector", field_ref(ctx, info, sector), evidence_span(info), 0.7)


_GENERIC_TAIL = re.compile(
    r"(?:s|n|en|e|es)?-?(?:cluster|clusters|netzwerk|netzwerke?s|netz|netzes|branche|industrie|wirtschaft|sektor|bereich|"
    r"unternehmen|firmen|betriebe|hersteller|zulieferer|zulieferindustrie|verband|verbund|initiative|allianz|standort|"
    r"region|forum|plattform|kompetenz|markt|märkte|messe|projekt|projekte|programm|labor|zentrum)?|\w*(?:er|ern)"
)
# English words that modify a field: adjectives by their ending, and a few nouns used as modifiers
_MODIFIER = re.compile(r"(?:al|ic|ive|ar|ine|ime|ous|ern|ary|ant|ent)$|^(?:offshore|onshore|wind|green|solar|smart|clean|"
                       r"circular|space|rail|food|agri-food|water|precision|printed|port|sea|air|health|farm|wood|timber|metal|glass|data)$")
_WEAK_ADJECTIVES = frozenset("strong innovative modern sustainable important growing fast dynamic various diverse whole "
                             "traditional classic entire broad wide".split())


def field_ref(ctx: Context, info: SentenceInfo, m: Mention) -> Referent:
    """The sector a lexicon word names, widened to the field as the text names it: a German compound goes
    on (``Automobiltextilien``), an English noun phrase takes its modifiers (``offshore wind energy``,
    ``maritime logistics``) and a head noun (``automotive textiles network``, ``energy storage``). A word
    kept as it is becomes an alias of the sector (``aviation`` for Aerospace)."""
    text = info.text
    s, e = info.rel(m.start), info.rel(m.end)
    ws, we = s, e
    while ws > 0 and text[ws - 1].isalpha():
        ws -= 1
    while we < len(text) and text[we].isalpha():
        we += 1
    name = None
    if ws == s and we > e and text[s].isupper() and not _GENERIC_TAIL.fullmatch(text[e:we].lower()) and we - e >= 4:
        name = text[ws:we]  # "Automobiltextilien"
    elif ws == s and we == e and text[s:e].islower() and text[s:e].isascii():
        compound = _ENGLISH_COMPOUND_TAIL.match(text, e)
        name = text[s:compound.end()] if compound else _english_phrase(text, s, e)  # "energy-tech"
    if name is None or name == text[s:e]:
        m.ref.add_alias(text[s:e])
        return m.ref
    return ctx.registry.get(name, "Sector", use_gazetteer=False)


# the tail of an English hyphenated field: "energy-tech", "health-technology"
_ENGLISH_COMPOUND_TAIL = re.compile(r"-(?:tech|technology|technologies|storage|systems|engineering|services)\b")


# what the members do with a field, not a part of it: "precision optics manufacturing"
_ACTIVITY_TAILS = frozenset("manufacturing production makers making trade trading sales research".split())


def _english_phrase(text: str, s: int, e: int) -> str:
    start = s
    for _ in range(2):  # modifiers: "offshore wind energy"
        before = re.search(r"(?:^|(?<=\s))([a-z][a-z-]*)\s+$", text[:start])
        if not before or before.group(1) in STOP_HEADS or before.group(1) in _FUNCTION_WORDS \
                or before.group(1) in _WEAK_ADJECTIVES or not _MODIFIER.search(before.group(1)):
            break
        start = before.start(1)
    end = e
    after = re.match(r"\s+([a-z]+)(?P<next>\s+[a-z]+|[^\w]|$)", text[e:])
    if after and after.group(1) not in MEMBER_NOUNS | _FUNCTION_WORDS | STOP_HEADS | _ACTIVITY_TAILS:
        following = (after.group("next") or "").strip()
        if not following or not following.isalpha() or following in _FUNCTION_WORDS or following in ("cluster", "network") \
                or following in MEMBER_NOUNS:  # "automotive software companies": the field before the members
            end = e + after.end(1)  # "automotive textiles network", "energy storage —"
    return " ".join(text[start:end].split())


def named_only(info: SentenceInfo, subject: Referent, position: int) -> bool:
    """Whether the field word at ``position`` lies inside the cluster's own name and the rest of that name is
    no distinctive name (``Mechatronik-Cluster Ostalb``): a field only in the name is no evidence."""
    for m in info.mentions:
        if m.ref is not subject or m.kind != "name" or not (info.rel(m.start) <= position < info.rel(m.end)):
            continue
        name = info.text[info.rel(m.start):info.rel(m.end)]
        rest = re.split(r"(?i)cluster\w*|netzwerk\w*|network|netz\b", name, maxsplit=1)
        return len(rest) < 2 or not _DISTINCTIVE.search(rest[1].strip())
    return False


def _member_modifier(info: SentenceInfo, m: Mention) -> bool:
    """``logistics service providers``, ``Hersteller von Medizinprodukten``: the members or their products."""
    after = info.text[info.rel(m.end):info.rel(m.end) + 40]
    glued = re.match(r"-?([a-zäöüß]+)", after)
    if glued and glued.group(1) in _GERMAN_MEMBER_TAILS:
        return True  # "Medizintechnikfirmen": the members, named by their field
    words = re.findall(r"[A-Za-zäöüß-]+", after)[:2]
    if any(w.lower() in MEMBER_NOUNS - {"network", "networks", "cluster", "clusters", "sector", "industry"} for w in words) \
            and not re.match(r"\s*(?:and|und|,)", after):
        return True
    return bool(_PRODUCT_BEFORE.search(info.text[:info.rel(m.start)]))


def _own(ctx: Context, info: SentenceInfo) -> Referent | None:
    return own_cluster(ctx, info)


# the field column of a list row: "Name, City (Land) — energy storage — member since 1 July 2020"
_ROW_FIELD = re.compile(r"\s[—–]\s+(?P<x>[A-Za-zÄÖÜäöüß][\w&/ -]{1,48}?)\s+[—–]\s")


def row_sector(ctx: Context, info: SentenceInfo, subject: Referent | None) -> None:
    """The field between dashes in a list row is the ``sector`` of the row's organisation; a listed sector word
    in it is widened to the field as the row names it (``energy storage``, not Energy)."""
    row = _ROW_FIELD.search(info.text)
    if subject is None or row is None or refused_field(row.group("x")):
        return
    start, end = row.span("x")
    words = [m for m in info.mentions if m.kind == "sector" and start <= info.rel(m.start) and info.rel(m.end) <= end]
    if any(m.kind == "name" and info.rel(m.start) < end and start < info.rel(m.end) for m in info.mentions):
        return  # a name between the dashes, not a field
    if words and info.text[info.rel(words[0].start):info.rel(words[0].end)].lower() == row.group("x").lower():
        ref = words[0].ref
    elif words:
        ref = field_ref(ctx, info, words[0])
    else:
        ref = ctx.registry.get(row.group("x").strip(), "Sector", use_gazetteer=False)
    ctx.add(subject, "sector", ref, evidence_span(info), 0.75)


def item_field(ctx: Context, info: SentenceInfo, after: int) -> Referent | None:
    """The field of a list item: the first sector word after ``after`` that is not inside a name (``StoreNet
    Energy`` is a name), widened to the field as the item names it (``energy storage``)."""
    names = [(info.rel(m.start), info.rel(m.end)) for m in info.mentions if m.kind == "name"]
    for m in info.mentions:
        s = info.rel(m.start)
        if m.kind == "sector" and s > after and not any(a <= s < b for a, b in names):
            return field_ref(ctx, info, m)
    return None
