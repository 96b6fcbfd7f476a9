"""Offices stated by what a person leads rather than by a role noun.

``Dr. X, der die Geschäftsstelle des Y seit 2013 leitet``, ``die Geschäftsstelle ..., die Dr. X
leitet``, ``X leitet das Clustermanagement``, ``X, die Anfang 2017 die Geschäftsführung von Y
übernommen hat``, ``X, who has headed the Y cluster management since 2017``, ``X heads the
network management``. Leading the office (Geschäftsstelle, cluster management) of a cluster is
being its managing director; holding the chair (Vorsitz) is being its spokesperson. A project,
a working group or a department is not an office of the cluster, so the object nouns are a closed
list.

>>> [(m.group("name"), role) for m, role, _ in office_matches("Dr. Jana Roth, die seit 2019 die Geschäftsstelle leitet")]
[('Jana Roth', 'Geschäftsführung')]
>>> [m.group("name") for m, _, _ in office_matches("Jana Roth, die das Projekt leitet")]
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from clustergraph.extract.person_names import LOW, MD, MODS, PERSON, SP, UP

# what a managing director heads (German: accusative after "leitet"; English after "heads")
_OFFICE_DE = (r"Geschäftsstelle|Geschäftsführung|Clustermanagement|Netzwerkmanagement|Clusterbüro|Clustergeschäftsstelle|"
              r"Leitung\s+der\s+Geschäftsstelle|Leitung\s+des\s+(?:Cluster|Netzwerk)managements|Geschäfte")
_CHAIR_DE = r"Vorsitz|Vorstandsvorsitz|Sprecheramt|Amt\s+de[rs]\s+(?:Cluster)?[Ss]precher(?:in)?|Vorstand(?![\w-])"
_OFFICE_EN = r"cluster management|network management|cluster office|network office|management office|secretariat|cluster|network"
_DATE_ADV = (r"(?:(?:seit|since|ab|bereits|schon|zum|im|in|am|Anfang|Mitte|Ende|early|late|mid-?)\s+(?:\d{1,2}\.|[^,.;]){1,30}?\s+|"
             r"(?:bereits|schon|nun|jetzt|weiterhin|gemeinsam|now|still)\s+)*")
_ORG_OF_DE = r"(?P<roleorg>\s+(?:des|der|von|vom)\s+[^,.;()]{2,70}?)?"
_ORG_OF_EN = r"(?P<roleorg>\s+(?:of|at)\s+(?:the\s+)?[^,.;()]{2,50}?)?"
# the office or chair a person holds, and where the German clause naming it ends ("..., seit 2019", "... und")
_HELD_DE = rf"(?P<role>{_OFFICE_DE}|{_CHAIR_DE})"
_END_DE = r"(?=\s*[,.;:]|\s+(?:seit|ab|zum|und|als|mit|von|am|im|in)\b|$)"
_VERB_DE = r"(?:leitet|leitete|führt|verantwortet|innehat|übernommen\s+hat|übernahm|übernimmt|geleitet\s+hat)"

# "Dr. X, der die Geschäftsstelle des Y seit Oktober 2013 leitet"
RELATIVE_LEADS_DE = re.compile(
    rf"{PERSON},\s+(?:der|die)\s+{_DATE_ADV}(?:die|das|den)\s+{_HELD_DE}{_ORG_OF_DE}\s+"
    rf"{_DATE_ADV}{_VERB_DE}\b"
)
# "X, who has headed the ISN cluster management since 2017", "X, who heads the network"
RELATIVE_LEADS_EN = re.compile(
    rf"{PERSON},\s+who\s+(?:has\s+|had\s+|now\s+|also\s+)?(?:headed|heads|led|leads|run|runs|managed|manages|been\s+heading|"
    rf"been\s+leading|been\s+running)\s+(?:the\s+)?(?P<orgpre>(?:[A-Z][\w\-.&]*\s+){{0,3}})?(?P<role>{_OFFICE_EN})(?![\w-])"
    rf"{_ORG_OF_EN}(?=\s+(?:since|from|for)\b|\s*[,.;)]|\s+and\b|$)"
)
# "die Geschäftsstelle in Paderborn ..., die Dr. X leitet"
OFFICE_RELATIVE_DE = re.compile(
    rf"(?P<role>{_OFFICE_DE}){_ORG_OF_DE}[^,.;:]{{0,60}},\s+(?:die|das|den)\s+{PERSON}\s+{_DATE_ADV}(?:leitet|führt|verantwortet)\b"
)
# "Dr. X leitet seit 2019 die Geschäftsstelle des Y", "X übernimmt die Geschäftsführung"
MAIN_LEADS_DE = re.compile(
    rf"{PERSON}\s+(?:leitet|führt|verantwortet|übernimmt|übernahm|hat\s+(?:\S+\s+){{0,4}}?übernommen)\s+{_DATE_ADV}(?:die|das|den)\s+"
    rf"{_HELD_DE}(?![\w-]){_ORG_OF_DE}{_END_DE}"
)
# "Die Geschäftsstelle leitet seit 2019 Dipl.-Kffr. X", "Den Vorsitz hat X inne"
INVERTED_LEADS_DE = re.compile(
    rf"\b(?:[Dd]ie|[Dd]as|[Dd]en)\s+{_HELD_DE}{_ORG_OF_DE}(?:\s+in\s+[A-ZÄÖÜ][\w-]+)?\s+(?:leitet|führt|verantwortet|übernimmt|"
    rf"übernahm)\s+{_DATE_ADV}{PERSON}(?=\s*[,.;:]|\s+(?:seit|ab|zum|und|als|mit)\b|$)"
)
# "Dr. X hat zum 1. Oktober 2024 die Geschäftsführung des Netzwerks übernommen" (the participle last)
PERFECT_TAKES_OVER_DE = re.compile(
    rf"{PERSON}\s+(?:hat|hatte)\s+{_DATE_ADV}(?:die|das|den)\s+{_HELD_DE}{_ORG_OF_DE}\s+{_DATE_ADV}übernommen\b"
)
# "Seit dem 1. März leitet Dr. X die Geschäftsstelle des Y" (the verb before its subject)
VERB_FIRST_LEADS_DE = re.compile(
    rf"\b(?:leitet|führt|verantwortet|übernimmt|übernahm)\s+{PERSON}\s+{_DATE_ADV}(?:die|das|den)\s+{_HELD_DE}"
    rf"(?![\w-]){_ORG_OF_DE}{_END_DE}"
)
# "Den Vorsitz hat seit 2020 Dr. X inne"
HOLDS_DE = re.compile(rf"\b(?:[Dd]ie|[Dd]as|[Dd]en)\s+{_HELD_DE}{_ORG_OF_DE}\s+(?:hat|hält)\s+{_DATE_ADV}"
                      rf"{PERSON}\s+inne\b")
# "Dr. X heads the cluster management of Y"
MAIN_LEADS_EN = re.compile(
    rf"{PERSON}\s+(?:heads|leads|runs|manages|has\s+headed|has\s+led|has\s+been\s+heading)\s+(?:the\s+)?"
    rf"(?P<orgpre>(?:[A-Z][\w\-.&]*\s+){{0,3}})?(?P<role>cluster management|network management|cluster office|network office|"
    rf"management office|secretariat)(?![\w-]){_ORG_OF_EN}(?=\s+(?:since|from|for)\b|\s*[,.;)]|\s+and\b|$)"
)

# "hat am Dienstag Dr. X einstimmig zur Vorsitzenden gewählt" (the verb at the end of the clause)
ELECTED_DE = re.compile(
    rf"{PERSON}\s+(?:(?:wurde|wird|ist|war)\s+(?:(?:am|im)\s+[^,.;]{{1,25}}?\s+|heute\s+|gestern\s+)?)?"
    rf"(?:(?:einstimmig|erneut|offiziell|mit\s+großer\s+Mehrheit|für\s+\S+\s+Jahre)\s+)?(?:zum|zur|als)\s+"
    rf"(?:(?:neue[nr]?|ersten?)\s+)?(?P<role>{MD}|{SP}){_ORG_OF_DE}\s+(?:gewählt|ernannt|berufen|bestellt|bestimmt)\b"
)

# "Zur neuen Vorsitzenden wählte die Versammlung Dr. X", "Zum Geschäftsführer wurde X bestellt"
ELECTED_INVERTED_DE = re.compile(
    rf"\b[Zz]u[mr]\s+(?:(?:neue[nr]?|ersten?)\s+)?(?P<role>{MD}|{SP}){_ORG_OF_DE}\s+(?:wurde|wurden|hat|haben|wählte|wählten|"
    rf"ernannte|berief|bestellte)\s+(?:[^,.;]{{0,50}}?\s+)?{PERSON}(?:\s+(?:\S+\s+){{0,2}}?(?:gewählt|ernannt|berufen|bestellt|"
    rf"bestimmt)\b|\s*[,.;]|$)"
)
# "Jane Roe was appointed managing director of X", "X has been named CEO", "was re-elected chair"
APPOINTED_PASSIVE_EN = re.compile(
    rf"{PERSON}\s+(?:has\s+been|had\s+been|was|is|were)\s+(?:(?:unanimously|officially|formally|newly)\s+)?(?:re-?)?"
    rf"(?:appointed|named|elected|confirmed)\s+(?:as\s+)?(?:(?:the|its|their|new)\s+)*{MODS}?(?P<role>{MD}|{SP})(?![\w-])"
    rf"{_ORG_OF_EN}(?=\s*[,.;)]|\s+(?:since|from|on|in|effective|and|by|for)\b|$)"
)
# "The board is chaired by its president, X", "chaired by Dr. X"
CHAIRED_BY = re.compile(
    rf"\b(?P<role>chaired|presided)\s+(?:over\s+)?by\s+(?:(?:its|the|their)\s+(?:president|chair(?:man|woman|person)?),?\s+)?{PERSON}"
)
# "Der Cluster wird seit 2009 von Dr. X geführt", "Die Geschäftsstelle wird von X geleitet"
PASSIVE_LED_DE = re.compile(
    rf"\b(?:Cluster|Netzwerk|Verbund|Verein|Geschäftsstelle|Clustermanagement|Netzwerkmanagement|Clusterbüro)\w*\s+"
    rf"(?:wird|wurde)\s+{_DATE_ADV}(?:von|durch)\s+{PERSON}\s+(?:als\s+\w+\s+)?(?P<role>geführt|geleitet)\b"
)
# "Geschäftsführung: Dr. X", "Vorsitz: X" (a heading or the label of a contact block)
HEADING_DE = re.compile(rf"(?<![\w-])(?P<role>Geschäftsführung|Leitung\s+der\s+Geschäftsstelle|Clustermanagement|"
                        rf"Netzwerkmanagement|Vorsitz|Vorstandsvorsitz)\s*:\s*{PERSON}")

# "Mit der Geschäftsführung ist seit 2017 Dr. X betraut"
ENTRUSTED_DE = re.compile(
    rf"\b[Mm]it\s+(?:der|dem)\s+{_HELD_DE}{_ORG_OF_DE}\s+(?:ist|sind|wurde|wird)\s+{_DATE_ADV}"
    rf"{PERSON}\s+(?:\S+\s+){{0,2}}?betraut\b"
)
# "FieldSense, headed by Frederik Ahlers, links ...": the name before the participle is the organisation
NAME_HEADED_BY = re.compile(
    rf"(?<![\w-])(?P<orgpre>[A-ZÄÖÜ][\w\-&.]*(?:\s+[A-ZÄÖÜ][\w\-&.]*){{0,3}}),\s+(?:which\s+is\s+|currently\s+)?"
    rf"(?P<role>headed|led|managed)\s+by\s+{PERSON}"
)

# "Sandkamp ist Technische Geschäftsführerin der Weberei Sandkamp GmbH": a surname named before in full
SURNAME_IS_ROLE = re.compile(
    rf"(?P<titles>)(?P<name>[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)\s+(?:ist|is|bleibt|remains)\s+"
    rf"(?:(?:auch|also|zudem|außerdem|hauptberuflich|seit\s+\d{{4}}|since\s+\d{{4}})\s+)*(?:(?:die|der|the)\s+)?{MODS}?"
    rf"(?P<role>{MD}|{SP})(?P<roleorg>\s+(?:der|des|von|vom|of|at)\s+(?:the\s+)?[^,.;()]{{2,60}}?)(?=\s+(?:in|aus|und|and|mit|from|"
    rf"seit|since)\b|\s*[,.;(]|$)"
)

# "X has a new managing director. Dr. Y takes over from Z on 1 July": the office named the sentence before
NEW_HOLDER_ANNOUNCED = re.compile(rf"\b(?:has|have|gets|got|hat|bekommt|erhält)\s+(?:a|an|einen|eine)\s+(?:new|neue[nr]?)\s+"
                                  rf"(?P<role>{MD}|{SP})\b")
NEW_HOLDER_STARTS = re.compile(rf"\s*{PERSON}\s+(?:takes\s+over|took\s+over|succeeds|replaces|übernimmt|folgt\s+auf|löst|"
                               rf"tritt|starts|begins|beginnt|will\s+take\s+over|wird\s+(?:Nachfolger|Nachfolgerin))\b")

# "says Jane Roe, who chairs X" / "who chairs the board": holding the chair
WHO_CHAIRS_EN = re.compile(
    rf"{PERSON},\s+who\s+(?:also\s+|now\s+|currently\s+)?(?P<role>chairs|has\s+chaired|has\s+been\s+chairing|presides\s+over|has\s+presided\s+over)\s+(?:the\s+)?"
    rf"(?:(?P<orgpre>[A-Z](?:[\w\-&]|\.(?=\w))*(?:\s+[A-Z](?:[\w\-&]|\.(?=\w))*){{0,3}})|board|association|network|cluster)(?![\w-])"
)
# "Head of cluster management | Dr. X", "Leiterin der Geschäftsstelle: Dr. X", "Head of the cluster office is Dr. X"
HEAD_OF_OFFICE = re.compile(
    rf"\b(?:Head|Director|Leiter(?:in)?)\s+(?:of\s+(?:the\s+)?|der\s+|des\s+)(?P<role>[Cc]luster\s?management|[Nn]etwork\s+management|"
    rf"[Cc]luster\s+office|[Nn]etwork\s+office|Geschäftsstelle|Clustermanagements|Netzwerkmanagements|Clusterbüros)"
    rf"(?:\s*[:|,]\s*|\s+(?:is|ist)\s+|\s+)(?![a-zäöü]){PERSON}"
)
# "Dr. X, Head of Cluster Management at Y", "Dr. X, Leiterin der Geschäftsstelle des Y"
NAME_HEAD_OF_OFFICE = re.compile(
    rf"{PERSON},\s+(?:the\s+)?(?:Head|Director|Leiter(?:in)?)\s+(?:of\s+(?:the\s+)?|der\s+|des\s+)"
    rf"(?P<role>[Cc]luster\s?[Mm]anagement|[Nn]etwork\s+[Mm]anagement|[Cc]luster\s+[Oo]ffice|[Nn]etwork\s+[Oo]ffice|Geschäftsstelle|"
    rf"Clustermanagements|Netzwerkmanagements|Clusterbüros)(?![\w-])"
    rf"(?P<roleorg>\s+(?:at|of|bei|von|des|der)\s+(?:the\s+)?[^,.;()]{{2,50}}?)?(?=\s*[,.;)]|\s+(?:since|seit|and|und)\b|$)"
)
# "Carsten Roe, X's chief executive since January", "Jane Roe, the cluster's president": the office after the
# name, the organisation in the genitive
NAME_POSSESSIVE_ROLE = re.compile(
    rf"{PERSON},\s+(?:(?P<orgpre>[A-Z][\w\-.&]*(?:\s+[A-Z][\w\-.&]*){{0,2}})|(?:the|our|its)\s+(?:cluster|network|association|"
    rf"organi[sz]ation))[’']s\s+{MODS}?(?P<role>{MD}|{SP})(?![\w-])"
)

_CHAIR = re.compile(_CHAIR_DE)
# each pattern with a cheap test a segment must pass first (the verb or the heading it needs)
_LEADS_DE = re.compile(r"leitet|führt|verantwortet|innehat|übernomm|übernahm|übernimmt")
_LEADS_EN = re.compile(r"head|lead|led\b|run|manag")
_GATED = (
    (RELATIVE_LEADS_DE, _LEADS_DE), (OFFICE_RELATIVE_DE, _LEADS_DE), (MAIN_LEADS_DE, _LEADS_DE),
    (INVERTED_LEADS_DE, re.compile(r"leitet|führt|verantwortet|übernimmt|übernahm")), (HOLDS_DE, re.compile(r"\binne\b")),
    (ELECTED_DE, re.compile(r"gewählt|ernannt|berufen|bestellt|bestimmt")), (PASSIVE_LED_DE, re.compile(r"geführt|geleitet")),
    (HEADING_DE, re.compile(r":")), (RELATIVE_LEADS_EN, re.compile(r"\bwho\b")), (MAIN_LEADS_EN, _LEADS_EN),
    (CHAIRED_BY, re.compile(r"chaired|presided")), (ENTRUSTED_DE, re.compile(r"betraut")),
    (NAME_HEADED_BY, re.compile(r"(?:headed|led|managed)\s+by")),
    (WHO_CHAIRS_EN, re.compile(r"\bwho\b.{0,20}(?:chair|presid)")), (HEAD_OF_OFFICE, re.compile(r"Head|Director|Leiter")),
    (NAME_POSSESSIVE_ROLE, re.compile(r"[’']s\s")),
    (ELECTED_INVERTED_DE, re.compile(r"\b[Zz]u[mr]\s")), (PERFECT_TAKES_OVER_DE, re.compile(r"übernommen")),
    (VERB_FIRST_LEADS_DE, _LEADS_DE), (APPOINTED_PASSIVE_EN, re.compile(r"appointed|named|elected|confirmed")), (NAME_HEAD_OF_OFFICE, re.compile(r"Head|Director|Leiter")),
)
# patterns whose role group holds a role noun (kept as written) rather than a verb or an office
_NOUN_ROLES = (ELECTED_DE, NAME_POSSESSIVE_ROLE, ELECTED_INVERTED_DE, APPOINTED_PASSIVE_EN)


def office_matches(segment: str) -> Iterator[tuple[re.Match, str, str | None]]:
    """``(match, role, org group)`` for each office stated in ``segment``.

    The role is ``Geschäftsführung`` (managing director), ``Vorsitz`` (spokesperson) or the role
    noun of an election (``zur Vorsitzenden gewählt``); the org
    group names the match group that holds the organisation as written, if any.
    """
    for pattern, gate in _GATED:
        if not gate.search(segment):
            continue
        for m in pattern.finditer(segment):
            role = m.group("role")
            if "mod" in pattern.groupindex and m.group("mod"):
                continue  # "X, Y's former CEO", "was elected vice-president": no current office
            if pattern is CHAIRED_BY or pattern is WHO_CHAIRS_EN:
                role = "Vorsitz"
            elif pattern not in _NOUN_ROLES:
                role = "Vorsitz" if _CHAIR.fullmatch(role) else "Geschäftsführung"
            group = None
            if "roleorg" in pattern.groupindex and m.group("roleorg"):
                group = "roleorg"
            elif "orgpre" in pattern.groupindex and m.group("orgpre"):
                group = "orgpre"
            yield m, role, group
