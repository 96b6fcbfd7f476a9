"""Registering the names pass one discovers (see :mod:`clustergraph.extract.finders`)."""

from __future__ import annotations

import re

from clustergraph.extract import finders as D
from clustergraph.extract import mentions as M
from clustergraph.extract import names as N
from clustergraph.extract.gazetteer import name_key
from clustergraph.extract.lexicon import GENERIC_NAME_WORDS, TIERS
from clustergraph.extract.name_cues import MONTHS as _MONTHS
from clustergraph.extract.name_cues import NOT_NAME_START as _NOT_NAME_START
from clustergraph.extract.name_cues import dotted_brands, extend_left, seat_apposition_names
from clustergraph.extract.names import classify, clean_name, name_chunk_after
from clustergraph.extract.persons import find_persons, find_roles
from clustergraph.extract.subjects import GENERIC_ORG
from clustergraph.extract.resolve import Referent, Registry
from clustergraph.extract.sentences import Sentence

_SEAT = re.compile(
    r"\b(?:Sitz|sitzt|sitzen|ansässig|based|located|headquartered|gegründet|[Ff]ounded(?:\s+in\s+\d{4})?|"
    r"befindet\s+sich|Standort|office|offices|Geschäftsstelle|Büro|cluster|network|Netzwerk|Cluster)\s+(?:in|aus)\s+(?=[A-ZÄÖÜ])"
)
_WHERE_SEAT = re.compile(r"\bin\s+(?=[A-ZÄÖÜ][\w-]+,?\s+(?:wo|where)\s+(?:der|die|das|the|it|er|sie)\s+(?:\w+\s+){0,2}?(?:seinen\s+Sitz|ihren\s+Sitz|ansässig|is\s+based|has\s+its))")
_NAMED_LABEL = re.compile(r"\b(?:Qualitäts|Landes|Cluster)?[Ll]abels?\s+[„“\"»]")
_AREA = re.compile(r"\b(?:from|in)\s+the\s+(?=[A-Z])")
_AREA_AFTER = re.compile(r"^\s+(?:area|region|metropolitan\s+region)\b")
_REGION_DE = re.compile(r"\b(?:aus|in)\s+der\s+(?:Metropol)?[Rr]egion\s+(?=[A-ZÄÖÜ])")
_MINISTRY_HINT = re.compile(r"inisteri|Ministr|ministr")
_PROGRAMME_HINT = re.compile(r"[Pp]rogram|[Ww]ettbewerb|[Ii]nitiative|[Cc]ompetition|[Ss]cheme|[Oo]ffensive|[Ss]trategie|"
                             r"Award|Challenge")
_LEGAL_HINT = re.compile(r"e\.\s?V|GmbH|AG\b|Ltd|Inc\b|LLC|plc|GbR|mbH|UG\b|SE\b")
_SEAT_HINT = re.compile(r"Sitz|sitz|ansässig|based|located|headquartered|gegründet|ounded|befindet|Standort|office|"
                        r"Geschäftsstelle|Büro|luster|etwork|etzwerk")
_REGION_HINT = re.compile(r"egion|area|Kreis")
_WHERE_HINT = re.compile(r"\s(?:wo|where)\s")
_ORG_HINT = re.compile(r"Commission|Kommission|Agency|Secretariat|Fund|Foundation|University|Association|Council|Institut|"
                       r"Chamber|Union|Bank|Office|Universität|Hochschule|Stiftung")
_REGION_NOUN = re.compile(r"\b(?:(?:Metropol)?[Rr]egion|Landkreis|Kreis)\s+(?=[A-ZÄÖÜ])|(?<=\s)(?=[A-ZÄÖÜ][\w-]+\s+(?:region|area)\b)")
_CLUSTER_HINT = re.compile(r"[Cc]luster|[Nn]etz|[Nn]etwork|Verbund|Bündnis")
# searched in every sentence; character classes first defeat the engine's literal scan, a look-ahead restores it
_PROGRAMME_HINT, _CLUSTER_HINT = M.with_first_characters(_PROGRAMME_HINT), M.with_first_characters(_CLUSTER_HINT)
_OTHER_TYPES = ("Programme", "Ministry", "Region", "Label", "Sector")


# a brand with inner capitals or digits and a capitalised cluster head: "the SpaceApps Cluster", "MedTech4Life Netzwerk"
_BRAND_CLUSTER = re.compile(r"(?<![\w-])((?:[A-ZÄÖÜ][a-zäöü]+[A-Z0-9][\w]*|[a-z]+[A-Z][\w]*)(?:\s[A-ZÄÖÜ][\w-]+)?"
                            r"\s(?:Cluster|Network|Netzwerk|Alliance|Allianz|Hub))\b")


def brand_clusters(text: str, start: int, end: int) -> list:
    """Clusters named by a brand and a capitalised cluster noun (``the SpaceApps Cluster``).

    >>> [c.name for c in brand_clusters("The ministry admitted the SpaceApps Cluster to the programme.", 0, 61)]
    ['SpaceApps Cluster']
    """
    return [D.Candidate(start + m.start(1), start + m.end(1), m.group(1), "Cluster", m.group(1))
            for m in _BRAND_CLUSTER.finditer(text[start:end])]


# "X, the Danish maritime cluster based in Odense", "X, das hessische Netzwerk für ...": a name before an apposition
_APPOSITION = re.compile(r",\s+(?:the|a|an|das|der|die|ein|eine|einem|einer|dem|den)\s+(?:[\w’'-]+\s+){0,4}?"
                         r"(?:[\w-]*cluster|[\w-]*[Cc]luster|[\w-]*[Nn]etzwerk|[\w-]*network|[Nn]etwork|association|alliance|"
                         r"Verbund|[\w-]*[Vv]erband|programme|Programm|[\w-]*initiative|competition|Wettbewerb)\b")
# hyphenated organisation compounds: "Alfred-Wegener-Institut", "Helmholtz-Zentrum", "Max-Planck-Gesellschaft"
_HYPHEN_ORG = re.compile(r"(?<![\w-])(?:[A-ZÄÖÜ][\w]*-)+(?:Institut|Zentrum|Center|Centre|Hochschule|Universität|Gesellschaft|"
                         r"Stiftung|Akademie|Klinikum)(?![\w-])")


_NETWORK_VERB_HINT = re.compile(r"vernetzt|bündelt|verbindet|vereint|brings\s+together|connects|unites")
_PLACE_TAIL = re.compile(r",\s+[A-ZÄÖÜ][\w.\-]*(?:[\s-](?:im|am|an\sder|ob\sder|bei|[A-ZÄÖÜ][\w.\-]*)){0,3}$")


# "SensIQ is the cluster for sensor technology", "OptoNet ist das Photonik-Netzwerk", "X vernetzt 80 Unternehmen"
_COPULA_CLUSTER = re.compile(
    r"^\s+(?:(?:is|was|remains|ist|war|bleibt)\s+(?:the|a|an|der|das|die|ein|eine|one\s+of\s+the|eines\s+der|einer\s+der)\s+"
    r"(?:[\w’'-]+\s+){0,4}?(?:[\w-]*cluster|[\w-]*Cluster|[\w-]*[Nn]etzwerk|[\w-]*network|Verbund|association|Verein|"
    r"Kompetenznetz\w*|innovation\s+network|Clusterinitiative|cluster\s+initiative)s?\b|"
    r"(?:vernetzt|bündelt|verbindet|vereint|brings\s+together|connects|unites)\b)")
_COPULA_QUICK = re.compile(r"\s(?:is|was|remains|ist|war|bleibt|vernetzt|bündelt|verbindet|vereint|brings|connects|unites)\s")
_PRONOUNS = {"Es", "Er", "Sie", "It", "He", "She", "We", "Wir", "They", "This", "Dies", "Das", "Hier", "Here", "There", "Dort"}


def copula_names(text: str, start: int, end: int) -> list:
    """A name that opens a sentence saying what it is: ``SensIQ is the cluster for sensor technology``.

    >>> [c.name for c in copula_names("SensoNet is the cluster for sensor technology in Bavaria.", 0, 56)]
    ['SensoNet']
    >>> copula_names("Der Cluster ist das Netzwerk der Region.", 0, 40)
    []
    """
    if not _COPULA_QUICK.search(text, start, min(end, start + 80)):
        return []  # cheap test first: most sentences do not open with "X is the ... cluster"
    span = N.name_chunk_after(text, start, limit=4, allow_lower_brand=True)
    if span is None or span[1] > end:
        return []
    words = text[span[0]:span[1]].split()
    if not words or words[0] in _NOT_NAME_START or words[0] in _PRONOUNS or _MONTHS.match(words[0]):
        return []
    if not _COPULA_CLUSTER.match(text[span[1]:end]):
        return []
    name = N.clean_name(text[span[0]:span[1]])
    if not name or name.lower() in GENERIC_NAME_WORDS or re.fullmatch(r"[\d\s.,/-]+", name):
        return []
    return [D.Candidate(span[0], span[1], name, "Cluster", name)]


def apposition_names(text: str, start: int, end: int) -> list:
    """Organisations named right before an apposition that says what they are.

    >>> [c.name for c in apposition_names("We signed an MoU with Blue Harbour Net, the Danish maritime cluster.", 0, 69)]
    ['Blue Harbour Net']
    >>> apposition_names("In September, the cluster grew.", 0, 31)
    []
    """
    found = []
    for match in _APPOSITION.finditer(text, start, end):
        span = N.name_chunk_before(text, match.start(), limit=4, floor=start)
        if span is None:
            continue
        words = text[span[0]:span[1]].split()
        while words and (words[0] in _NOT_NAME_START or _MONTHS.match(words[0])):
            words = words[1:]
        if not words or any(_MONTHS.match(w) for w in words):
            continue
        name = N.clean_name(" ".join(words))
        brand = re.search(r"[a-zäöü][A-Z]|\d|^[A-Z]{2,}", name)
        name_start = span[1] - len(" ".join(words))
        introduced = re.search(r"\b(?:with|mit|and|und|sowie|of|von|by)\s+(?:(?:the|dem|der|den)\s+)?$",
                               text[max(start, name_start - 12):name_start])
        if not name or (len(name.split()) < 2 and not brand and not introduced) or name.lower() in GENERIC_NAME_WORDS or \
                re.fullmatch(r"[\d\s.,/-]+", name):
            continue
        if re.search(r"(?:programme|program|Programm|initiative|Initiative|competition|Wettbewerb)\b", match.group(0)):
            found.append(D.Candidate(name_start, span[1], name, "Programme", name))  # "HyLand, the hydrogen programme of ..."
            continue
        # an Organisation (a cluster is one): a partner introduced in passing must not become the
        # cluster the announcement is about; a cluster cue elsewhere upgrades it
        found.append(D.Candidate(name_start, span[1], name, "Organisation", name))
    for match in _HYPHEN_ORG.finditer(text, start, end):
        found.append(D.Candidate(match.start(), match.end(), match.group(0), "Organisation", match.group(0)))
    return found


def _known_ministry_form(registry: Registry, name: str, land: str | None) -> str | None:
    """The reference data's form of a Land ministry named another way round: ``North Rhine-Westphalia's Ministry
    of X`` / ``Ministry of X of North Rhine-Westphalia`` -> ``Ministry for X of the State of North Rhine-Westphalia``."""
    if registry.gazetteer.candidates(name_key(name), "Ministry") or not land:
        return None
    core = re.sub(r"^(?:the\s+)?(?:Ministry|Ministries)\s+(?:of|for)\s+(?:the\s+)?", "", name.split(land)[-1].strip(" ’'s"))
    core = re.sub(r"\s+of\s+(?:the\s+)?(?:(?:Free\s+)?State\s+of\s+)?$", "", core)
    for variant in (f"Ministry of {core} of {land}", f"Ministry for {core} of {land}", f"Ministry of {core} of the State of {land}",
                    f"Ministry for {core} of the State of {land}", f"{land} Ministry of {core}", f"{land} Ministry for {core}",
                    f"Ministry of {core} {land}", f"Ministry for {core} {land}"):
        if registry.gazetteer.candidates(name_key(variant), "Ministry"):
            return variant
    return None


def _org_name(registry: Registry, name: str, wanted: str) -> str | None:
    """``name`` repaired by :func:`clustergraph.extract.names.organisation_name`, or ``None`` when it is
    no organisation: no name at all, or a place in the genitive (``Deutschlands``, ``Europe's``)."""
    repaired = N.organisation_name(name)
    if repaired is None:
        return None
    last = repaired.split()[-1]
    if repaired != name and _POSSESSIVE_END.search(name) and _other_type(registry, repaired, wanted):
        return None  # "Europe's", "Baden-Württemberg's"
    if last == repaired and last.endswith("s") and len(last) > 4 and registry.gazetteer.candidates(name_key(last[:-1]), "Region"):
        return None  # "Deutschlands", "Europas": a place in the genitive, not a name
    return repaired


_POSSESSIVE_END = re.compile(r"['’]s$")
# a headline subject that joins a network (not a programme): "wird Mitglied im Netzwerk", "joins the X network"
_JOINS_NETWORK = re.compile(r"\s*(?:wird|ist|becomes|is)\s+(?:neues\s+|a\s+new\s+|a\s+)?(?:Mitglied|member)\s+"
                            r"(?:im|in\s+der|in\s+dem|bei|beim|des|der|of\s+the|of)\s+(?:[\w-]*\s+)?"
                            r"[\w-]*(?:[Nn]etzwerk|[Cc]luster|[Vv]erein|[Vv]erband|network|association)(?![\w-])(?!\s+(?:programme|Programm))|"
                            r"\s*(?:joins|tritt)\s+(?:the\s+|dem\s+)?(?:[\w-]*\s+)?[\w-]*(?:[Nn]etzwerk|network|association|[Vv]erein)(?![\w-])")


def _other_type(registry: Registry, name: str, wanted: str) -> bool:
    """Whether ``name`` is known as something other than ``wanted`` (in this document or the reference
    data): "European Regional Development Fund" is a programme, not an organisation named for "Fund"."""
    ref = registry.known(name)
    if ref is not None:
        return ref.type != wanted and ref.type in _OTHER_TYPES
    kinds = {e.type for e in registry.gazetteer.candidates(name_key(name))}
    return bool(kinds) and wanted not in kinds and bool(kinds & set(_OTHER_TYPES))


def _camel_alias(registry: Registry, ref: Referent, name: str) -> None:
    words = name.split()
    if len(words) >= 2 and len(words[0]) >= 5 and re.search(r"[a-z][A-Z]|\d", words[0]) and \
            registry.known(words[0]) is None:
        ref.add_alias(words[0])
        registry.remember(ref, words[0])


def discover(text: str, sentences: list[Sentence], registry: Registry, title: Sentence | None,
             place: str | None) -> dict:
    """Register every name the cues reveal; returns what later stages need."""
    found: dict = {"spans": [], "list_items": {}, "title_subject": None, "about": [], "roles": [], "persons": []}
    spans = found["spans"]
    if place:
        registry.get(place, "Region")
    for s in sentences:
        if not _MINISTRY_HINT.search(s.text):
            continue
        for c in N.find_ministries(text, s.start, s.end):
            name = _known_ministry_form(registry, c.name, c.attrs.get("land")) or c.name
            spans.append((c.start, c.end, registry.get(name, "Ministry", surface=c.surface, attrs=c.attrs)))
    for s in sentences:
        if not _PROGRAMME_HINT.search(s.text):
            continue
        for c in D.find_programme_names(text, s.start, s.end):
            short = c.attrs.get("short")
            known = registry.known(short, "Programme") if short else None
            if known is not None:
                known.add_alias(c.name)
                registry.remember(known, c.name)
                spans.append((c.start, c.end, known))
                continue
            if _other_type(registry, c.name, "Programme") or (c.attrs.get("weak") and registry.known(c.name) is not None
                                                               and registry.known(c.name).type != "Programme"):
                continue
            spans.append((c.start, c.end, registry.get(c.name, "Programme", surface=c.surface)))
    if title is not None:
        c = D.title_subject(title.text, title.start)
        if c is not None and _org_name(registry, c.name, "Cluster") != c.name:
            c = None  # a headline subject that is no name ("Silber für ...", "Europe's ...")
        if c is not None and _JOINS_NETWORK.match(title.text, c.end - title.start):
            c = None  # "Hochschule X wird Mitglied im Netzwerk Y": the network is the topic, X a member
        if c is not None and not _other_type(registry, c.name, "Cluster") and c.name.lower() not in TIERS:
            ref = registry.get(c.name, "Cluster", surface=c.surface, attrs=c.attrs)
            found["title_subject"] = ref
            _camel_alias(registry, ref, c.name)
    for s in sentences:
        # each hint once per sentence (several cues share one)
        cluster_hint = _CLUSTER_HINT.search(s.text) is not None
        seat_hint = _SEAT_HINT.search(s.text) is not None
        region_hint = _REGION_HINT.search(s.text) is not None
        candidates = D.find_legal_form_names(text, s.start, s.end) if _LEGAL_HINT.search(s.text) else []
        if cluster_hint or _NETWORK_VERB_HINT.search(s.text):
            candidates += D.find_cluster_names(text, s.start, s.end) if cluster_hint else []
            covered = [(c.start, c.end) for c in candidates]
            candidates += [c for c in brand_clusters(text, s.start, s.end) + apposition_names(text, s.start, s.end)
                           + copula_names(text, s.start, s.end) + dotted_brands(text, s.start, s.end)
                           if not any(a <= c.start < b or c.start <= a < c.end for a, b in covered)]
        if _ORG_HINT.search(s.text):
            candidates += D.find_organisations(text, s.start, s.end)
            covered = [(c.start, c.end) for c in candidates]
            candidates += [c for c in apposition_names(text, s.start, s.end) if _HYPHEN_ORG.fullmatch(c.name)
                           and not any(a <= c.start < b or c.start <= a < c.end for a, b in covered)]
        if seat_hint and "," in s.text:
            covered = [(c.start, c.end) for c in candidates]
            candidates += [c for c in seat_apposition_names(text, s.start, s.end)
                           if not any(a <= c.start < b or c.start <= a < c.end for a, b in covered)]
        for c in candidates:
            c = extend_left(text, c)
            if c.type in ("Cluster", "Organisation") and registry.known(c.name) is None:
                repaired = _org_name(registry, c.name, c.type)
                if repaired is None:
                    continue  # "wiedergewählt", "Rennes-based Breton", "Europe's": no organisation
                if repaired != c.name:
                    c = D.Candidate(c.start, c.end, repaired, c.type, c.surface, c.attrs)
            if _other_type(registry, c.name, c.type) or M.SECTOR_PATTERN.fullmatch(c.name.lower()):
                continue  # known as something else, or only a sector word ("Cluster Nanotechnologie")
            ref = registry.get(c.name, c.type, surface=c.surface, attrs={k: v for k, v in c.attrs.items() if k == "legal_form"})
            for key in ("short", "long"):
                if c.attrs.get(key) and not _other_type(registry, c.attrs[key], c.type):
                    ref.add_alias(c.attrs[key])
                    registry.remember(ref, c.attrs[key])
            _camel_alias(registry, ref, c.name)
            if c.attrs.get("short"):
                _camel_alias(registry, ref, c.attrs["short"])
            spans.append((c.start, c.end, ref))
        line_start = s.start == 0 or text[s.start - 1] == "\n"
        line_end = s.end == len(text) or text[s.end:s.end + 1] == "\n"
        if line_start and line_end:
            item = D.find_list_item(s.text, s.start)
            if item is not None and ", " in item.name and _PLACE_TAIL.search(item.name):
                # "HydroLog Alliance, Duisburg (Nordrhein-Westfalen) — ...": the name ends at the comma
                name = D.clean_name(item.name.split(", ")[0])
                item = D.Candidate(item.start, item.start + len(item.name.split(", ")[0]), name, item.type, name, item.attrs)
            if item is not None and registry.known(item.name) is None and _org_name(registry, item.name, "Cluster") is None:
                item = None  # a table cell or contact line that is no name ("Telefon 04721 555 010")
            if item is not None and not _other_type(registry, item.name, "Cluster"):
                ref = registry.get(item.name, "Cluster", surface=item.surface)
                _camel_alias(registry, ref, item.name)
                found["list_items"][s.index] = (ref, item.attrs)
            about = D.about_heading(s.text, s.start)
            if about is not None:
                ref = registry.known(about.name) or _owner_of_word(registry, about.name) or \
                    registry.get(about.name, "Cluster", surface=about.surface)
                found["about"].append((s.index, ref))
        for pattern, hinted in ((_SEAT, seat_hint), (_REGION_DE, region_hint),
                                (_WHERE_SEAT, _WHERE_HINT.search(s.text) is not None), (_REGION_NOUN, region_hint)):
            if not hinted:
                continue
            for match in pattern.finditer(text, s.start, s.end):
                span = N.name_chunk_after(text, match.end(), limit=4)
                if span and span[1] <= s.end:
                    name = text[span[0]:span[1]]
                    if registry.known(name) is None:
                        registry.get(name, "Region")
        for match in (_AREA.finditer(text, s.start, s.end) if region_hint else ()):
            span = N.name_chunk_after(text, match.end(), limit=3)
            if span and span[1] <= s.end and _AREA_AFTER.match(text[span[1]:s.end]):
                name = text[span[0]:span[1]]
                if registry.known(name) is None:
                    registry.get(name, "Region")
        for role in find_roles(text, s.start, s.end):
            found["roles"].append((s.index, role))
            if role.org_text and not GENERIC_ORG.match(role.org_text.strip()):
                register_org(registry, role.org_text.strip())
        found["persons"].extend(find_persons(text, s.start, s.end))
    for s in sentences:
        for match in (_NAMED_LABEL.finditer(text, s.start, s.end) if "abel" in s.text else ()):
            span = N.name_chunk_after(text, match.end() - 1)
            if span and span[1] <= s.end:
                name = N.strip_quotes(text[span[0]:span[1]])
                if name and not re.search(r"\b(?:GOLD|SILVER|BRONZE|Gold|Silber|Silver|Bronze)\b", name):
                    spans.append((span[0], span[1], registry.get(name, "Label", surface=text[match.start():span[1]])))
        for long_start, long_end, acronym, _, _ in (N.find_acronym_definitions(text, s.start, s.end) if "(" in s.text else ()):
            _register_acronym(text, registry, spans, long_start, long_end, acronym)
    merge_short_brands(registry)
    return found


_BRAND_SHAPE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+[A-ZÄÖÜ0-9][\w-]*")


def merge_short_brands(registry: Registry) -> None:
    """``SmartTex`` after ``SmartTex Westsachsen e.V.``: a brand word alone is the one longer name it
    begins (the full name is kept), when exactly one cluster or organisation of the text begins with it."""
    orgs = [r for r in registry.referents if r.type in ("Cluster", "Organisation") and "merged_into" not in r.attrs]
    for short in orgs:
        if short.entry is not None or " " in short.name or not _BRAND_SHAPE.fullmatch(short.name):
            continue
        longer = [r for r in orgs if r is not short and "merged_into" not in r.attrs
                  and r.name.startswith(short.name + " ") and len(r.name.split()) == 2]
        if len(longer) == 1 and longer[0].entry is None:
            registry.merge(longer[0], short)


def initials(name: str) -> str:
    """``Umwelttechnik Forum Augsburg 4`` -> ``UFA4``: the letters an unexplained acronym is made of."""
    return "".join(w[0] if not w.isdigit() else w for w in re.findall(r"[^\W_]+", name) if w[0].isupper() or w.isdigit())


def _owner_of_word(registry: Registry, name: str) -> Referent | None:
    """``Allianz``/``PortLog``: one word of exactly one known organisation's longer name, or its initials."""
    if " " in name.strip():
        return None
    acronym = N.looks_like_acronym(name) and len(name) >= 3
    owners = {id(r): r for r in registry.referents if r.type in ("Cluster", "Organisation")
              and "merged_into" not in r.attrs and r.name != name
              and (name in r.name.split() or (acronym and initials(r.name).upper() == name.upper()))}
    if len(owners) != 1:
        return None
    ref = next(iter(owners.values()))
    ref.add_alias(name)
    registry.remember(ref, name)
    return ref


def register_org(registry: Registry, text: str) -> Referent | None:
    """An organisation named next to a role noun and nowhere else (``Sprecherin von X``)."""
    span = name_chunk_after(text, 0, limit=6, allow_lower_brand=" " not in text.strip())
    if span is None or span != (0, len(text)):
        return None
    name = clean_name(text)
    if not name or name.lower() in GENERIC_NAME_WORDS:
        return None
    known = registry.known(name)
    if known is None:
        name = _org_name(registry, name, "Organisation")
        if name is None:
            return None
        known = registry.known(name)
    if known is not None:
        return known
    owner = _owner_of_word(registry, name)
    if owner is not None:
        return owner
    kind = classify(name)
    return registry.get(name, kind if kind in ("Cluster", "Organisation") else "Organisation")


def _register_acronym(text: str, registry: Registry, spans: list, long_start: int, long_end: int, acronym: str) -> None:
    for start, end, ref in sorted(spans, key=lambda span: span[0]):
        if abs(end - long_end) <= 2 and start < long_end:
            ref = Registry.final(ref)
            ref.add_alias(acronym)
            other = registry.known(acronym)
            if other is not None and other is not ref and other.entry is None and other.type in ("Cluster", "Organisation"):
                registry.merge(ref, other)  # "ACOD" was met first as an organisation of its own
            registry.remember(ref, acronym)
            return
    long_text = text[long_start:long_end]
    words = long_text.split()
    for i in range(len(words)):
        ref = registry.known(" ".join(words[i:]))
        if ref is not None:
            ref.add_alias(acronym)
            registry.remember(ref, acronym)
            return
    known = registry.known(acronym)
    if known is not None:
        known.add_alias(long_text)
        registry.remember(known, long_text)
        return
    if len(words) >= 2:
        known_kinds = [e.type for e in registry.gazetteer.candidates(name_key(long_text))]
        ref = registry.get(N.strip_quotes(long_text), known_kinds[0] if known_kinds else N.classify(long_text))
        ref.add_alias(acronym)
        registry.remember(ref, acronym)
