"""Pass one: discovering the names an announcement introduces (clusters, programmes, organisations).

The finders here read cues (a legal form, a cluster or programme noun, a quoted programme name,
a list item ``Name (Land): topic``, the subject of the title) and return candidates; the pipeline
registers them, and pass two (:mod:`clustergraph.extract.mentions`) then finds every later
mention of the same names, genitive ``s`` included.
"""

from __future__ import annotations

import re

from clustergraph.extract import lexicon
from clustergraph.extract import name_cues as _brand_cues  # brand-shaped names (imports this module back)
from clustergraph.extract.names import (
    Candidate,
    clean_name,
    is_name_token,
    name_chunk_after,
    name_chunk_before,
    strip_quotes,
)

_LEGAL = re.compile(
    r"(?<=[\w.“”\"])\s+(e\.\s?V\.?|gGmbH|GmbH(?:\s?&\s?Co\.\s?KG)?|mbH|AG|UG|SE|Ltd\.?|Inc\.?|LLC|plc|GbR)(?![\w])"
)
_ROLE_PREFIX = re.compile(
    rf"(?:About|Über|{lexicon.ROLE_NOUNS.pattern})\s+(?:(?:of|von|des|der|bei|at|for|für)\s+)?(?:the\s+)?")
_QUANTITY = re.compile(r"^(?:Zwei|Drei|Vier|Fünf|Sechs|Sieben|Acht|Neun|Zehn|Zwölf|Mehrere|Viele|Alle|Neue|Two|Three|Four|"
                       r"Five|Six|Seven|Eight|Nine|Ten|Several|Many|All|New|\d+)$")
_STOP_LOWER = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "und", "oder", "von", "mit", "für",
               "the", "a", "an", "and", "of", "for", "im", "in", "am", "zum", "zur", "vom", "beim"}
_PROG_NOUN_BEFORE_NAME = re.compile(
    r"\b(?:Förder)?(?:[Pp]rogramm(?:s|es)?|[Ww]ettbewerb(?:s|es)?|[Ii]nitiative|Förderinitiative|"
    r"Exzellenzprogramm(?:s)?|programme|program|initiative|competition|scheme)\s+(?=[„“\"»‚]|[a-z][a-z0-9]*[-A-Z0-9])"
)
_PROG_SUFFIX = re.compile(r"(?<![\w-])([\w][\w\-]*?)-(?:Programm|Programms|Programme|Programmes|Program|programme|program)\b")
_PROG_COMPOUND = re.compile(r"\b([A-ZÄÖÜ][\wäöüß]+)-(Wettbewerb|Initiative|Offensive|Strategie|Programm)(?:e?s)?\b")
_LAND_AFTER = re.compile(r"\s+(" + "|".join(re.escape(land) for land in lexicon.LAENDER) + r"|Deutschland)(?![\w-])")
_PROG_TITLECASE = re.compile(r"(?<![\w-])((?:[A-Z][\w\-]*\s+){1,5}(?:Initiative|Programme|Program|Competition|Award|Challenge))\b")
_PROG_EN_LOWER = re.compile(r"\s(programme|program|initiative|competition|scheme)\b")
_GENERIC_PROGRAMME_PARTS = {"förder", "landes", "bundes", "cluster", "netzwerk", "innovations", "forschungs",
                            "exzellenz", "sonder", "pilot", "modell", "förderprogramm", "eu", "the"}
_CLUSTER_NOUN = re.compile(
    r"\b(?P<pre>[A-ZÄÖÜ][\wäöüß]*-)?(?P<noun>Cluster|Clusters|Netzwerk|Netzwerks|Netzwerkes|Kompetenznetz|"
    r"Kompetenznetzwerk|Innovationsnetzwerk|Spitzencluster|Innovationscluster|Zukunftscluster|"
    r"Branchennetzwerk|Landescluster|Technologienetzwerk|Verbund|Bündnis|cluster|network|"
    r"[A-ZÄÖÜ][a-zäöü]{3,}(?:cluster|netzwerk))\s+"
)
# "das größte", "die älteste", "the largest": a ranking description, not a name, follows
_SUPERLATIVE = re.compile(r"^(?:[a-zäöüß]+(?:ste|sten|ßte|ßten)|largest|biggest|oldest|leading)$")
_STATUS_OF = re.compile(r"\b(?:status|title|rank|designation)\s+(?:of|as)\s+(?:an?\s+|the\s+)?$", re.I)
_CLUSTER_NOUN_EN_AFTER = re.compile(r"\s(cluster|network)\b")
_FUNCTION_START = {"The", "A", "An", "This", "That", "Our", "Its", "With", "In", "For", "Der", "Die", "Das",
                   "Den", "Dem", "Des", "Ein", "Eine", "Mit", "Im", "Unser", "Unsere", "Dieses", "Diese"}
TITLE_VERBS = re.compile(
    r"\s(?:wird|ist|sind|war|erhält|erhielt|erhalten|bekommt|gewinnt|gewinnen|gehört|gehören|zählt|holt|holen|startet|"
    r"tritt|schafft|schaffen|wurde|werden|hat|haben|geht|setzt|erreicht|feiert|begrüßt|freut|darf|"
    r"receives|received|wins|won|becomes|became|joins|joined|is|are|has|have|gets|earns|earned|awarded|"
    r"named|selected|achieves|achieved|secures|celebrates|welcomes|launches|starts|takes|gains|obtains|appoints|"
    r"ernennt|wählt|elects|announces|präsentiert|receives|erneuert|verlängert|bestätigt|confirmed|stays|bleibt|"
    r"keeps|retains|renews|defends|signs|signed|lands|recertified|re-certified)\b"
)
_LIST_ITEM = re.compile(r"^(?P<name>[^():]{2,80}?)\s*\((?P<region>[^()]{2,40})\)\s*[:–—-]\s*(?P<topic>.{2,80})$")
_ABOUT = re.compile(r"^(?:Über|About|Ueber)\s+(?:den\s+|die\s+|das\s+|the\s+)?(.{2,80}?)\s*:?$")


def _ok_name(name: str) -> bool:
    words = name.split()
    if not words or len(name) < 2:
        return False
    if all(w.lower().strip(",.") in lexicon.GENERIC_NAME_WORDS for w in words):
        return False
    return not words[0][0].isdigit()


def find_legal_form_names(text: str, start: int, end: int) -> list[Candidate]:
    found = []
    for match in _LEGAL.finditer(text, start, end):
        span = name_chunk_before(text, match.start(), floor=start)
        if span is None:
            prev = re.search(r"(?<![\w\-])([a-zäöü][\w\-]+)$", text[start:match.start()])
            if not prev or prev.group(1) in _STOP_LOWER:
                continue
            span = (match.start() - len(prev.group(1)), match.start())
        role = _ROLE_PREFIX.match(text, span[0], span[1])
        if role:
            span = (role.end(), span[1])
        name = clean_name(text[span[0]:span[1]])
        if not _ok_name(name):
            continue
        surface = text[span[0]:match.end()]
        legal = match.group(1)
        if lexicon.ORGANISATION_WORDS.search(name):
            kind = "Organisation"
        elif legal.startswith("e"):  # e.V.: associations are how clusters are organised
            kind = "Cluster"
        else:  # a company, unless its name says cluster/network
            kind = "Cluster" if re.search(r"cluster|netz|network|valley|allianz|alliance", name, re.I) else "Organisation"
        found.append(Candidate(span[0], match.end(), name, kind, surface, {"legal_form": match.group(1)}))
    return found


def find_programme_names(text: str, start: int, end: int) -> list[Candidate]:
    found = []
    for match in _PROG_NOUN_BEFORE_NAME.finditer(text, start, end):
        span = name_chunk_after(text, match.end(), limit=6, allow_lower_brand=True)
        if span is None:
            continue
        raw = text[span[0]:span[1]]
        name = strip_quotes(raw)
        if not name or len(name) > 80:
            continue
        candidate = Candidate(span[0], span[1], name, "Programme", raw)
        if ":" in name:
            candidate.attrs["short"] = name.split(":")[0].strip()
        found.append(candidate)
    for match in _PROG_SUFFIX.finditer(text, start, end):
        name = match.group(1)
        if name.lower() in _GENERIC_PROGRAMME_PARTS or len(name) < 2:
            continue
        found.append(Candidate(match.start(), match.end(), name, "Programme", match.group(0)))
    for match in _PROG_COMPOUND.finditer(text, start, end):
        generic = match.group(1).lower() in _GENERIC_PROGRAMME_PARTS
        if match.group(2) == "Programm" or (generic and match.group(2) not in ("Offensive", "Wettbewerb")):
            continue
        name = f"{match.group(1)}-{match.group(2)}"
        end_at = match.end()
        land = _LAND_AFTER.match(text, end_at)
        if land:
            name, end_at = f"{name} {land.group(1)}", land.end()
        elif generic:
            continue
        found.append(Candidate(match.start(), end_at, name, "Programme", text[match.start():end_at]))
    for match in _PROG_TITLECASE.finditer(text, start, end):
        name = match.group(1)
        words = name.split()
        while words and words[0] in _FUNCTION_START:
            words = words[1:]
        if len(words) < 2:
            continue
        name = " ".join(words)
        found.append(Candidate(match.end() - len(name), match.end(), name, "Programme", name))
    for match in _PROG_EN_LOWER.finditer(text, start, end):
        span = name_chunk_before(text, match.start(), floor=start, limit=4)
        if span is None:
            continue
        name = clean_name(text[span[0]:span[1]])
        if not _ok_name(name) or name in _FUNCTION_START or name.endswith(("-based", "-headquartered")):
            continue
        found.append(Candidate(span[0], match.end(), name, "Programme", text[span[0]:match.end()],
                               {"weak": True}))
    return found


def find_cluster_names(text: str, start: int, end: int) -> list[Candidate]:
    found = []
    for match in _CLUSTER_NOUN.finditer(text, start, end):
        noun_start = match.start()
        before = text[max(start, noun_start - 40):noun_start].split()
        if before and not match.group("pre") and match.group("noun")[0].isupper() and before[-1][:1].isupper() \
                and before[-1] not in _FUNCTION_START and before[-1].lower() not in lexicon.GENERIC_NAME_WORDS \
                and not before[-1].endswith((",", ".", ":")) and not re.search(r"(?:er|ische[nrs]?)$", before[-1]):
            continue  # "European Cluster Excellence ...": the noun is inside a longer capitalised name
        if len(before) >= 2 and before[-1] in ("for", "of", "für", "and", "und", "de") and before[-2][:1].isupper() \
                and not before[-2].endswith("-"):  # "Luft- und Raumfahrtcluster X" is a coordinated compound
            continue  # "European Secretariat for Cluster Analysis"
        span = name_chunk_after(text, match.end(), limit=5)
        if span is None:
            continue
        raw = text[span[0]:span[1]]
        name = clean_name(raw)
        if not _ok_name(name) or lexicon.PROGRAMME_WORDS.search(name) or re.match(r"\d", name):
            continue
        noun = match.group("noun")
        if before and _SUPERLATIVE.search(before[-1]) and len(name.split()) == 1:
            continue  # "das größte Logistiknetzwerk Hessens": a description ranking it, not a name
        if _RELATIONAL_COMPOUND.match(noun) and (len(name.split()) > 1 or _BRAND_WORD.match(name)):
            # "das dänische Partnernetzwerk Agro Food Syd": the compound says how it relates, the name follows
            found.append(Candidate(span[0], span[1], name, "Cluster", raw, {"long": f"{noun} {name}", "noun": noun}))
            continue
        if match.group("pre") and _BRAND_WORD.match(name):
            # "des Antriebstechnik-Netzwerks MoveTech Lippe": the brand is the name, the compound an alias
            full = text[noun_start:span[1]]
            found.append(Candidate(span[0], span[1], name, "Cluster", raw, {"long": clean_name(full), "noun": noun}))
            continue
        if match.group("pre") or (noun[0].isupper() and re.search(r"[a-zäöü](?:cluster|netzwerk)$", noun)):
            full = text[noun_start:span[1]]
            if not match.group("pre") and not re.search(r"[a-z][A-Z]|\d|^[A-Z]{2,}", name):
                found.append(Candidate(noun_start, span[1], clean_name(full), "Cluster", full, {"noun": noun}))
                continue
            if not match.group("pre") and re.search(r"[a-z][A-Z]|\d", name):
                # "Raumfahrtcluster ProLuft Augsburg": the distinctive name is the name, the compound an alias
                found.append(Candidate(span[0], span[1], name, "Cluster", raw, {"long": clean_name(full), "noun": noun}))
                continue
            found.append(Candidate(noun_start, span[1], clean_name(full), "Cluster", full, {"short": name,
                                                                                          "noun": match.group("noun")}))
        else:
            found.append(Candidate(span[0], span[1], name, "Cluster", raw,
                                   {"long": f"{match.group('noun')} {name}", "noun": match.group("noun")}))
    found.extend(find_titlecase_clusters(text, start, end))
    found.extend(find_topic_noun_brands(text, start, end))
    found.extend(find_named_after_cluster_phrase(text, start, end))
    found.extend(_brand_cues.find_headed_brands(text, start, end))
    found.extend(_brand_cues.find_brand_subjects(text, start, end))
    for match in _CLUSTER_NOUN_EN_AFTER.finditer(text, start, end):
        span = name_chunk_before(text, match.start(), floor=start, limit=4)
        if span is None:
            continue
        name = clean_name(text[span[0]:span[1]])
        first = name.split()[0]
        if not _ok_name(name) or first in _FUNCTION_START or name.endswith(("-based", "-headquartered")) or \
                first in lexicon.REGION_ADJECTIVES_EN or name in lexicon.REGION_ADJECTIVES_EN or \
                name.split()[-1] in lexicon.REGION_ADJECTIVES_EN or lexicon.PROGRAMME_WORDS.search(name):
            continue
        if span[0] == start and len(name.split()) == 1 and not re.search(r"[A-Z0-9].*[A-Z0-9]|^[a-z]", name):
            continue  # a capitalised first word of a sentence
        if _STATUS_OF.search(text, max(start, span[0] - 30), span[0]):
            continue  # "the status of National Key Cluster": a status a cluster holds, not an organisation
        found.append(Candidate(span[0], span[1], name, "Cluster", name, {"weak": True}))
    return found


# a compound saying how a cluster relates to another, not what it does: "Partnernetzwerk X", "Schwestercluster X"
_RELATIONAL_COMPOUND = re.compile(r"^(?:Partner|Schwester|Nachbar|Mitglieds?|Kooperations)(?:cluster|netzwerk|netz)(?:e?s)?$")
# a word shaped like a brand: inner capitals or digits ("MoveTech", "H2", "Clusters4Future") or an acronym ("OWL")
_BRAND_WORD = re.compile(r"^(?:[A-ZÄÖÜ][a-zäöüß]+[A-Z0-9][\w-]*|[A-ZÄÖÜ]{2,}[a-zäöü]*[A-Z0-9]*[\w-]*|[a-z]+[A-Z][\w-]*)(?:\s|$)")
# "das Netzwerk für Gebäudeautomation SmartHaus OWL", "the network for photonics PhotonNet": noun, topic, brand
_TOPIC_THEN_BRAND = re.compile(
    r"\b(?:Netzwerk|Cluster|Verbund|Verein|Kompetenznetz(?:werk)?|network|cluster|association)\s+(?:für|for)\s+"
    r"(?:(?:die|den|das|der|the|und|and|[A-ZÄÖÜa-zäöü][\wäöüß-]*)\s+){1,3}?"
    r"(?=(?:[A-ZÄÖÜ][a-zäöüß]+[A-Z0-9]|[a-z]+[A-Z])[\w-]*(?:\s+[A-ZÄÖÜ][\w-]*){0,2}\s+(?:[a-zäöü]|[,.;:(]))"
)


def find_topic_noun_brands(text: str, start: int, end: int) -> list[Candidate]:
    """A brand named after a cluster noun and its topic (``Netzwerk für Gebäudeautomation SmartHaus OWL``).

    Only a brand with inner capitals or digits counts: an ordinary capitalised word after the topic is
    more likely the next noun of the sentence.

    >>> [c.name for c in find_topic_noun_brands("Das Netzwerk für Gebäudeautomation SmartHaus OWL zählt zu den Siegern.", 0, 70)]
    ['SmartHaus OWL']
    >>> find_topic_noun_brands("Das Netzwerk für Gebäudeautomation Bielefeld wächst.", 0, 51)
    []
    """
    found = []
    for match in _TOPIC_THEN_BRAND.finditer(text, start, end):
        span = name_chunk_after(text, match.end(), limit=3)
        if span is None or span[1] > end:
            continue
        name = clean_name(text[span[0]:span[1]])
        if not _ok_name(name) or not _BRAND_WORD.match(name) or lexicon.PROGRAMME_WORDS.search(name):
            continue
        found.append(Candidate(span[0], span[1], name, "Cluster", text[span[0]:span[1]]))
    return found


# "mit einem Netzwerk aus Nordrhein-Westfalen, dem Kunststoffforum Niederrhein": the apposition names the network
_NAMED_AFTER_CLUSTER_PHRASE = re.compile(
    r"\b(?:einem|einen|eines|a|another)\s+(?:[a-zäöü][\wäöüß-]*\s+)?(?:[\w-]*[Nn]etzwerk|[\w-]*[Cc]luster|network)\s+"
    r"(?:aus|in|from)\s+(?:(?:der|dem|the)\s+)?[A-ZÄÖÜ][\wäöüß.-]*(?:\s+[A-ZÄÖÜ][\wäöüß.-]*)?,\s+(?:dem|der|the)\s+"
)


def find_named_after_cluster_phrase(text: str, start: int, end: int) -> list[Candidate]:
    """The name in an apposition to an indefinite cluster phrase with a place (``einem Netzwerk aus X, dem Y``).

    >>> [c.name for c in find_named_after_cluster_phrase("Sie sprechen mit einem Netzwerk aus Bayern, dem Holzforum Franken.", 0, 66)]
    ['Holzforum Franken']
    >>> find_named_after_cluster_phrase("Sie sprechen mit einem Netzwerk aus Bayern, der Technischen Hochschule Nürnberg.", 0, 79)
    []
    """
    found = []
    for match in _NAMED_AFTER_CLUSTER_PHRASE.finditer(text, start, end):
        span = name_chunk_after(text, match.end(), limit=4)
        if span is None or span[1] > end:
            continue
        name = clean_name(text[span[0]:span[1]])
        if not _ok_name(name) or (len(name.split()) < 2 and not _BRAND_WORD.match(name)) or \
                lexicon.ORGANISATION_WORDS.search(name) or lexicon.PROGRAMME_WORDS.search(name) or \
                name.split()[0] in _FUNCTION_START or re.search(r"(?:isch|lich)e[nrs]?$", name.split()[0]):
            continue
        found.append(Candidate(span[0], span[1], name, "Cluster", text[span[0]:span[1]]))
    return found


_TITLECASE_CLUSTER = re.compile(
    r"(?<![\w-])((?:[A-Z][\w&.\-]*\s+){1,4}(?:Cluster|Network|Netzwerk|Netz|Valley|Alliance|Allianz)(?:\s+[A-ZÄÖÜ][\w\-]*){0,3})"
)


def find_titlecase_clusters(text: str, start: int, end: int) -> list[Candidate]:
    """Capitalised names with a cluster noun inside: ``Energy Cluster Lusatia``, ``Silicon Elbe Network``."""
    found = []
    for match in _TITLECASE_CLUSTER.finditer(text, start, end):
        words = match.group(1).split()
        if any(re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]{3,}(?:cluster|netzwerk)s?", w) for w in words):
            continue  # "Schweizer Verpackungscluster SwissPack Network": the cluster-noun finder reads it
        while words and (words[0] in _FUNCTION_START or words[0].lower() in lexicon.GENERIC_NAME_WORDS
                         or words[0] in lexicon.REGION_ER_ADJECTIVES_DE or re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+(?:ische[nrs]?|er)", words[0])
                         and words[1:2] and re.fullmatch(r"(?:Cluster|Netzwerk|Netz)", words[1])):
            words = words[1:]
        while words and words[-1].lower() in lexicon.GENERIC_NAME_WORDS | {"in", "im"}:
            words = words[:-1]
        if len(words) < 2 or lexicon.PROGRAMME_WORDS.search(" ".join(words)):
            continue
        if words[0] in lexicon.REGION_ADJECTIVES_EN:
            continue
        name = " ".join(words)
        offset = match.group(1).find(words[0])
        if _STATUS_OF.search(text, max(start, match.start(1) + offset - 30), match.start(1) + offset):
            continue  # "the status of National Key Cluster": a status a cluster holds, not an organisation
        attrs = {}
        nouns = [i for i, w in enumerate(words) if re.fullmatch(r"Cluster|Network|Netzwerk|Netz", w)]
        if nouns and nouns[0] == 0 and len(words) > 1:
            attrs["short"] = " ".join(words[1:])
        found.append(Candidate(match.start(1) + offset, match.start(1) + offset + len(name), name, "Cluster", name, attrs))
    return found


_ORG_HEAD = re.compile(
    r"\b((?<![\w-])(?:[A-ZÄÖÜ][\w\-]*\s+){1,4}(?:Commission|Kommission|Agency|Secretariat|Fund|Foundation|University|Association|Council|"
    r"Institute|Chamber|Union|Bank|Office)|(?:Universität|Technische\s+Universität|Hochschule|Fachhochschule|Institut|"
    r"Fraunhofer-Institut|Stiftung)\s+(?:für\s+)?[A-ZÄÖÜ][\w\-]*(?:\s+[A-ZÄÖÜ][\w\-]*)?)\b"
)


def find_organisations(text: str, start: int, end: int) -> list[Candidate]:
    """Organisations by their head noun: ``European Commission``, ``Lund University``, ``Universität Hamburg``."""
    found = []
    for match in _ORG_HEAD.finditer(text, start, end):
        words = match.group(1).split()
        while words and (words[0] in _FUNCTION_START or words[0].lower() in lexicon.GENERIC_NAME_WORDS):
            words = words[1:]
        if len(words) < 2:
            continue
        name = " ".join(words)
        offset = match.group(1).find(words[0])
        found.append(Candidate(match.start(1) + offset, match.start(1) + offset + len(name), name, "Organisation", name))
    return found


def find_list_item(line: str, offset: int) -> Candidate | None:
    """``AgroBioNet Mitteldeutschland (Sachsen-Anhalt): Bioökonomie`` -> a cluster with attrs."""
    match = _LIST_ITEM.match(line)
    if not match:
        return None
    name = clean_name(match.group("name"))
    if not _ok_name(name) or not all(is_name_token(w) or w in ("&", "und", "and") for w in name.split()):
        return None
    return Candidate(offset + match.start("name"), offset + match.start("name") + len(match.group("name").rstrip()),
                     name, "Cluster", name,
                     {"region": (offset + match.start("region"), offset + match.end("region"), match.group("region")),
                      "topic": (offset + match.start("topic"), offset + match.end("topic"), match.group("topic").rstrip(" ."))})


def title_subject(title: str, offset: int) -> Candidate | None:
    """The organisation a headline is about: the name before its verb (``X wird Mitglied ...``)."""
    match = TITLE_VERBS.search(title)
    if not match:
        return None
    subject = title[: match.start()].strip()
    if ":" in subject:
        return None
    words = subject.split()
    if not 1 <= len(words) <= 6:
        return None
    if words[0] in _FUNCTION_START:
        words = words[1:]
    if words and _QUANTITY.match(words[0]):
        return None
    if not words or not all(is_name_token(w) or w in ("&", "für", "und", "of", "and", "e.V.") or
                            re.fullmatch(r"[a-zäöü][\w\-]+", w) for w in words):
        return None
    if len(words) > 1 and not all(is_name_token(w) or w in ("&", "für", "of", "and", "e.V.") for w in words):
        return None
    name = clean_name(" ".join(words))
    if not _ok_name(name):
        return None
    begin = title.find(words[0])
    return Candidate(offset + begin, offset + begin + len(" ".join(words)), name, "Cluster", " ".join(words),
                     {"title_subject": True})


def about_heading(line: str, offset: int) -> Candidate | None:
    """``Über Nordlicht`` / ``About CityMotion RheinMain``: the publisher's boilerplate heading."""
    match = _ABOUT.match(line)
    if not match or len(line.split()) > 8:
        return None
    name = clean_name(match.group(1))
    if not _ok_name(name) or not is_name_token(name.split()[0], first=False) and not re.match(r"[a-z]+", name):
        return None
    if _ABOUT_PRONOUN.fullmatch(name):
        return None  # "About us", "Über uns": the page's own organisation, named elsewhere
    return Candidate(offset + match.start(1), offset + match.end(1), name, "Cluster", match.group(1), {"about": True})


_ABOUT_PRONOUN = re.compile(r"(?i:us|uns|me|mich|our\s+\w+|unser\w*(?:\s+\w+)?|this\s+site|this\s+page)")
