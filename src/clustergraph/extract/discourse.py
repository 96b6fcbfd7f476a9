"""Who a passage is about: items of a document and the organisation each one is about.

A press release is about one cluster, but a newsletter or digest holds several short items about
different clusters, an annual report speaks of its publisher as "wir"/"we", and an "Über X" box
at the end is about the publisher again. This module gives each sentence the organisation of the
item it belongs to, so that "das Netzwerk", "Its cluster management" or a sentence without a
subject can be resolved; :attr:`Context.subject` stays the document's main subject.

Two steps, because the second needs the mentions the pipeline finds in between:

* :func:`prepare` (before mentions are scanned) segments the document into :class:`Item` s
  (:mod:`clustergraph.extract.segmentation`: headings, separators, "Über X" boxes, bullets, profile
  cards, contact and imprint blocks); it registers the publisher named
  in a title or running header (``SensIQ · Annual Report 2020``), names defined by a copula
  (``SolarGlas is the Thuringian network for ...``), brand-like names an item opens with or names
  in its heading and again in its body (``MedCycle goes for Silver``), and a profile card's name;
  through :mod:`org_names` it merges renamed organisations, registers compound names (``Werkstoffnetz
  Harz``) and, for a first-person text without a publisher, the organisation it speaks for (the site
  name of an "Über uns" page, an interviewee's cluster).
* :func:`apply` (after mentions) gives each item its topic: the first named cluster (else
  organisation) of its heading or first sentence, else the publisher when the item speaks in the
  first person, else the topic of its section (a sub-heading continues the section begun at the last
  strong boundary: an upper-case heading, a separator, a contact block); a bullet item or a profile
  card (a name line over ``Sitz: ...`` lines) without a name of its own, and the text after a list,
  keep the topic of the item the list sits in; a heading after a colon names its topic when it names
  one organisation only (``Silber bestätigt: HolzBau Senne``). Only a document whose items name at least two
  different organisations gets ``info.block`` set from them; a first-person document without a
  main subject gets its publisher as main subject (also when it names another cluster only once:
  ``Wir sind ...; mit AutoNet verbindet uns ...``), and a document whose only named topic is the
  cluster in a heading (a district's release) gets that cluster. Sentences of a contact or imprint
  block get ``info.contact`` set, so that "Geschäftsführer: X" there is not read as the cluster's office.

>>> from clustergraph.extract.sentences import split_sentences
>>> text = "NEWS\\nAlpha wins\\n\\nAlphaNet, the cluster from Kiel, won. It grew.\\n\\nBETA\\n\\nBetaNet won too."
>>> [(i.start, i.end, i.strong) for i in segment(text, split_sentences(text), "en")]
[(0, 4, True), (4, 6, True)]
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from clustergraph.extract.context import ORG_TYPES, Context
from clustergraph.extract.gazetteer import name_key
from clustergraph.extract.names import clean_name
from clustergraph.extract.org_names import merge_renamed, register_compound_names, renames, speaker
from clustergraph.extract.resolve import Referent, Registry
from clustergraph.extract.segmentation import FIELD, LOWER as _LOWER, Item, own_line, segment, upper_heading
from clustergraph.extract.sentences import Sentence

log = logging.getLogger(__name__)

__all__ = ["Item", "Outline", "segment", "prepare", "apply", "first_person_count", "defined_name", "header_name", "lead_name"]

_NAME_LINE = re.compile(r"^[A-ZÄÖÜ0-9][\w.&+’'-]*(?:\s+(?:[A-ZÄÖÜ0-9(][\w.&+’'()-]*|für|an\s+der|am|im|und|&|for|of|the)){0,5}$")
_FIRST_PERSON = re.compile(r"\b(?:[Ww]ir|uns|[Uu]nser(?:e|er|es|em|en)?|[Ww]e|[Oo]ur|[Oo]urs|us)\b")

# "SensIQ · Annual Report 2020", "TransForm e.V. – Jahresbericht 2023", "CareCode Newsletter"
_REPORT_WORDS = (r"(?:Annual\s+Report|Activity\s+Report|Year\s+in\s+Review|Newsletter|Jahresbericht|Geschäftsbericht|"
                 r"Tätigkeitsbericht|Jahresrückblick|Mitgliederbrief|Mitgliederinfo(?:rmation)?)")
_NAME = r"(?P<name>[A-ZÄÖÜ0-9][\w&+.’'-]*(?:\s+[A-ZÄÖÜ0-9][\w&+.’'-]*){0,3}?(?:\s+e\.\s?V\.)?)"
_HEADER = re.compile(rf"^{_NAME}\s*(?:[·|•:–—-]\s*)?{_REPORT_WORDS}\b")
_HEADER_AFTER = re.compile(rf"^{_REPORT_WORDS}\s+(?:\d{{4}}\s+)?(?:des|der|von|of)\s+{_NAME}\s*(?:\d{{4}})?$")
# "SolarGlas is the Thuringian network for ...", "TransForm ist das Netzwerk der ..."
_DEFINED = re.compile(
    rf"^{_NAME}\s+(?:is|ist|has\s+been|was|war)\s+(?:the|a|an|das|der|die|ein|eine|one\s+of\s+the)\s+"
    r"(?:(?!(?:of|for|des|der|den|dem|von|vom|für|and|und)\b)[\w’'-]+\s+){0,3}?"
    r"(?:[\w-]*(?:[Cc]luster|[Nn]etzwerk|[Nn]etwork|Verbund|Verein|[Aa]ssociation|[Aa]lliance|Allianz|Initiative|initiative))\b"
)
_GENERIC = re.compile(r"(?:(?:des|der|the)\s+)?[\w-]*(?:netzwerk|cluster|verein|verband|network|association|initiative)\w*", re.I)
_BRAND = re.compile(r"^(?:[A-ZÄÖÜ][a-zäöü]+[A-Z0-9]|[A-Z]{2,}\b|[a-z]+[A-Z])")
# an item that starts with a brand-like name: "MedCycle goes for Silver", "LogiNetz Oberrhein hat sich ..."
_LEAD_BRAND = re.compile(rf"^[„“\"»]?(?:(?:Das|Der|Die|The)\s+)?(?P<name>(?:[A-ZÄÖÜ][{_LOWER}]+[A-Z][\w]*|[a-z]+[A-Z][\w]*)(?:[\s-][A-ZÄÖÜ][\w]*){{0,2}}?)"
                         r"(?=\s+[a-zäöü]|,\s|\s[–—]\s)")
# a brand-like name right after a cluster noun: "die Medizintechnik-Initiative MedTech Rhein-Neckar übernimmt"
_NOUN_BRAND = re.compile(
    r"(?<![\w-])(?i:[\w-]*(?:initiativen?|netzwerke?|cluster|verbund|verein|networks?|association))\s*:?\s+[„“\"»]?"
    r"(?P<name>(?:[A-ZÄÖÜ][a-zäöü]+[A-Z]\w*|[a-z]+[A-Z]\w*)(?:[\s-][A-ZÄÖÜ]\w*){0,2}?)(?=\s+[a-zäöü(]|[,.;:)]|$)")
_BRAND_WORD = re.compile(r"(?<![\w-])(?:[A-ZÄÖÜ][a-zäöü]+[A-Z][\w]*|[a-z]+[A-Z][\w]*)(?:\s[A-ZÄÖÜ][\w]*)?(?![\w-])")
_NOT_A_NAME = {"The", "This", "It", "He", "She", "They", "We", "Our", "Its", "Der", "Die", "Das", "Dies", "Diese", "Dieser",
               "Es", "Er", "Sie", "Wir", "Unser", "Unsere", "Ein", "Eine", "A", "An", "Ziel", "Goal", "Aim"}


@dataclass
class Outline:
    """What :func:`prepare` found; consumed by :func:`apply`."""

    items: list[Item]
    publisher: Referent | None = None
    first_person: int = 0  # how often the text says "wir"/"we"/"our"...


def first_person_count(text: str) -> int:
    """How often ``text`` speaks in the first person plural.

    >>> first_person_count("Wir sind stolz auf unser Team. We grow. The US market.")
    3
    """
    return len(_FIRST_PERSON.findall(text))


def header_name(line: str) -> str | None:
    """The publisher named in a title or running header of a report.

    >>> header_name("SensIQ · Annual Report 2020")
    'SensIQ'
    >>> header_name("TransForm e.V. – Jahresbericht 2023")
    'TransForm'
    >>> header_name("Jahresbericht 2019 des Netzwerks") is None
    True
    """
    match = _HEADER.match(line.strip()) or _HEADER_AFTER.match(line.strip())
    if not match:
        return None
    name = clean_name(match.group("name"))
    if not name or name.split()[0] in _NOT_A_NAME or re.fullmatch(r"[\d\s]+", name) or _GENERIC.fullmatch(name):
        return None
    return name


def defined_name(sentence: str) -> str | None:
    """A brand-like name that a copula defines as a cluster or network.

    >>> defined_name("SolarGlas is the Thuringian network for solar technology.")
    'SolarGlas'
    >>> defined_name("TransForm ist das Netzwerk der saarländischen Automobilzulieferer.")
    'TransForm'
    >>> defined_name("Sie ist die neue Sprecherin des Netzwerks.") is None
    True
    >>> defined_name("Anna Berg is the head of the network.") is None
    True
    """
    match = _DEFINED.match(sentence.strip())
    if not match:
        return None
    name = clean_name(match.group("name"))
    if not name or name.split()[0] in _NOT_A_NAME or not _BRAND.match(name):
        return None
    return name


def _register(registry: Registry, name: str) -> Referent:
    known = registry.known(name)
    if known is not None:
        return known
    return registry.get(name, "Cluster")


def lead_name(line: str) -> str | None:
    """A brand-like name an item's heading or first sentence starts with.

    >>> lead_name("MedCycle goes for Silver")
    'MedCycle'
    >>> lead_name("LogiNetz Oberrhein hat sich für die Gold-Bewertung angemeldet.")
    'LogiNetz Oberrhein'
    >>> lead_name("Das Netzwerk wächst.") is None
    True
    >>> lead_name("Das KunststoffNetz Sauerland blickt zurück.")
    'KunststoffNetz Sauerland'

    """
    match = _LEAD_BRAND.match(line.strip())
    return match.group("name") if match else None


def _recurring_brand(heading: str, body: str) -> str | None:
    """A brand-like name in a heading that the item's body names again (``Neuer Sprecher bei AgrarCampus``)."""
    for match in _BRAND_WORD.finditer(heading):
        name = match.group(0)
        if name in body:
            return name
        first = name.split()[0]
        if first != name and first in body:
            return first
    return None


def _register_lead_names(sentences: list[Sentence], registry: Registry, item: Item, persons: set[str]) -> None:
    """Register the organisation an item opens with: named in its heading and again in its body, or
    as the first words of its first sentence."""
    body = [i for i in range(item.start, item.end) if i not in item.headings]
    following = body or range(item.end, min(item.end + 3, len(sentences)))  # a masthead: the text below it
    body_text = " ".join(sentences[i].text for i in following)
    candidates = [_recurring_brand(sentences[h].text, body_text) for h in item.headings]
    if item.headings and body and FIELD.match(sentences[body[0]].text.strip()) and body[0] == item.headings[-1] + 1:
        card = sentences[item.headings[-1]].text.strip()  # a profile card: the heading is the name
        if _NAME_LINE.match(card) and not upper_heading(card):
            candidates.append(clean_name(card))
    if body:
        first = sentences[body[0]].text
        candidates.append(lead_name(first))
        candidates.extend(match.group("name") for match in _NOUN_BRAND.finditer(first))
    for name in candidates:
        if not name or name.split()[0] in _NOT_A_NAME or name in persons:
            continue
        known = registry.known(name)
        if known is not None:
            continue
        if any(e.type not in ORG_TYPES for e in registry.gazetteer.candidates(name_key(name))):
            continue  # a programme, label or region with a brand-like name
        registry.get(name, "Cluster")


def prepare(text: str, sentences: list[Sentence], registry: Registry, found: dict, language: str = "de") -> Outline:
    """Segment the document and register the publisher and defined names (before mentions are scanned)."""
    about = {index: Registry.final(ref) for index, ref in found.get("about", [])}
    items = segment(text, sentences, language, about)
    publisher: Referent | None = None
    for s in sentences[:40]:
        name = header_name(s.text)
        if name is not None and own_line(text, s):
            known = registry.known(name)
            if known is None or known.type in ORG_TYPES:
                publisher = _register(registry, name)
                break
    persons = {person[2] for person in found.get("persons", [])}
    for item in items:
        _register_lead_names(sentences, registry, item, persons)
    starts = {item.start for item in items} | {h + 1 for item in items for h in item.headings}
    for s in sentences:
        if s.index in starts or s.index < 8:
            name = defined_name(s.text)
            if name is not None:
                known = registry.known(name)
                if known is None or known.type in ORG_TYPES:
                    ref = _register(registry, name)
                    publisher = publisher or (ref if s.index < 8 else None)
    if publisher is None and about:
        publisher = next(iter(about.values()))
    register_compound_names(text, registry)
    for s in sentences:
        for old_name, new_name in renames(s.text):
            merge_renamed(registry, old_name, new_name)
    first_person = first_person_count(text)
    if publisher is None and first_person >= 2:
        publisher = speaker(text, sentences, registry, found.get("site"))
    return Outline(items, publisher, first_person)


_SUBJECT_REACH = 50  # a name this close to the start of an item's first sentence is what the item is about


def _named_org(ctx: Context, indexes: list[int], reach: int | None = None,
               types: tuple[str, ...] = ("Cluster", "Organisation")) -> Referent | None:
    """The first named cluster (else organisation) in the sentences ``indexes``, starting within ``reach``;
    not one listed after a colon (``drei Initiativen: A (Mannheim), B ...`` is about a group)."""
    for wanted in types:
        for index in indexes:
            info = ctx.infos[index]
            for m in info.mentions:
                if m.type == wanted and m.kind == "name" and (reach is None or info.rel(m.start) <= reach) and \
                        not Registry.final(m.ref).name.islower():  # "(wiedergewählt)" taken for a name
                    if ":" in info.text[:info.rel(m.start)] and _names_after_colon(info) != 1:
                        return None  # "Zukunftscluster: SmartHaus OWL gewinnt" names one; a list names several
                    return Registry.final(m.ref)
    return None


def _names_after_colon(info) -> int:
    colon = info.start + info.text.find(":")
    return len({Registry.final(m.ref).id for m in info.mentions if m.kind == "name" and m.type in ORG_TYPES and m.start > colon})


def _is_list(ctx: Context, item: Item) -> bool:
    """An item made of lines each naming another cluster (a partner or members list)."""
    firsts = []
    for index in range(item.start, item.end):
        if index in item.headings:
            continue
        info = ctx.infos[index]
        names = [m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"]
        if names and info.rel(names[0].start) <= 2:
            firsts.append(Registry.final(names[0].ref))
    return len(set(firsts)) >= 2 and len(firsts) >= (item.end - item.start - len(item.headings)) / 2


def _topic(ctx: Context, item: Item, outline: Outline, inherited: Referent | None) -> tuple[Referent | None, bool]:
    """The item's topic and whether the item names it (rather than inheriting ``inherited``)."""
    publisher = Registry.final(outline.publisher) if outline.publisher is not None else None
    if item.about is not None:
        return item.about, False
    if item.contact:
        return None, False
    if item.about_self:
        return publisher or ctx.subject, False
    body = [i for i in range(item.start, item.end) if i not in item.headings and i != ctx.dateline_index]
    if item.bullet and body and not item.headings:
        opening = _named_org(ctx, body[:1], 2, ORG_TYPES)  # "Agrinov, the Rennes-based cluster ...": the line's own name
        if opening is not None:
            return opening, True
    if not _is_list(ctx, item):
        named = _named_org(ctx, [h for h in item.headings if h != ctx.dateline_index], None, ("Cluster",))
        if named is None and body:
            named = _named_org(ctx, body[:1], None if item.strong and not item.bullet else _SUBJECT_REACH, ("Cluster",)) or \
                _named_org(ctx, body[:1], _SUBJECT_REACH, ("Organisation",))
        if named is not None:
            return named, True
    if publisher is not None and body and first_person_count(ctx.infos[body[0]].text):
        return publisher, False
    return (None if item.strong else inherited), False


def apply(ctx: Context, outline: Outline) -> None:
    """Give each sentence the topic of its item (see the module docstring); call after mentions."""
    section: Referent | None = None  # the topic of the last item that began at a strong boundary
    enclosing: Referent | None = None  # the topic of the last item that is not a bullet
    named: set[int] = set()
    for item in outline.items:
        if item.resumes:
            item.topic, by_name = enclosing, False
        elif item.bullet or item.card:
            item.topic, by_name = _topic(ctx, item, outline, enclosing)
            if item.strong:
                section = enclosing = None  # cards under an upper-case heading: the section is theirs
        else:
            # a sub-heading without a name of its own continues its section, not the sub-item before it
            item.topic, by_name = _topic(ctx, item, outline, section)
            enclosing = item.topic
            if item.strong:
                section = item.topic
        if by_name and item.topic is not None:
            named.add(item.topic.id)
    _mark_imprints(ctx, outline.items)
    if len(named) >= 2:
        for item in outline.items:
            for index in range(item.start, item.end):
                ctx.infos[index].block = item.topic
        log.debug("%d items about %d organisations", len(outline.items), len(named))
    if ctx.subject is None and len(named) == 1:
        ctx.subject = _headline_topic(ctx, outline.items)  # a district's release "Silber für das Werkstoffnetz Harz"
    publisher = Registry.final(outline.publisher) if outline.publisher is not None else None
    if ctx.subject is None and publisher is not None and publisher.type in ORG_TYPES and outline.first_person >= 2:
        ctx.subject = publisher  # an annual report or "About us" page speaking as "wir"/"we"
    elif publisher is not None and publisher.type in ORG_TYPES and ctx.subject is not publisher and \
            outline.first_person >= 4 and _speaks_first(ctx) and _name_count(ctx, ctx.subject) <= 1:
        ctx.subject = publisher  # "Wir sind das Netzwerk ...; mit AutoNet verbindet uns ...": the page is about "wir"


def _mark_imprints(ctx: Context, items: list[Item]) -> None:
    """Set ``info.imprint`` on the sentences of an imprint: from an item that is one (an "Impressum" heading,
    register numbers) up to the next strong boundary (its address lines and officers come as items of their own)."""
    inside = False
    for item in items:
        inside = item.imprint or inside and not item.strong
        if inside:
            for index in range(item.start, item.end):
                ctx.infos[index].imprint = True


def _headline_topic(ctx: Context, items: list[Item]) -> Referent | None:
    """The one cluster the items are about when a heading names it (the document's only named topic)."""
    for item in items:
        topic = Registry.final(item.topic) if item.topic is not None else None
        if topic is None or topic.type != "Cluster":
            continue
        for index in item.headings:
            if any(m.kind == "name" and Registry.final(m.ref) is topic for m in ctx.infos[index].mentions):
                return topic
    return None


def _speaks_first(ctx: Context) -> bool:
    """Whether the text opens (within its first three sentences) speaking in the first person."""
    return any(first_person_count(info.text) for info in ctx.infos[:3])


def _name_count(ctx: Context, ref: Referent | None) -> int:
    if ref is None:
        return 0
    ref = Registry.final(ref)
    return sum(1 for info in ctx.infos for m in info.mentions if m.kind == "name" and Registry.final(m.ref) is ref)

