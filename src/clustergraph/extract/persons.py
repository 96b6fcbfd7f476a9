"""People and the offices they hold: ``André Hofmann, Geschäftsführer von X``, ``X's managing
director Jane Doe``, ``Vorstandsvorsitzender ist Prof. Dr. Y``, ``headed by Dr. Z``.

Titles (Dr., Prof., Dr.-Ing.) are stripped from names. A role is tied to the organisation named
right after the role noun (``von X``, ``des Netzwerks``, ``of X``), or written before it
(``X-Geschäftsführer``, ``X's managing director``); a quoted person with no role noun next to
their name holds no office. Deputies, former and outgoing office holders are marked so that
the relation stage can drop them; predecessors (``folgt auf``, ``succeeds``, ``Ihr Vorgänger``)
are reported by :func:`find_predecessors` for the whole text. Offices stated by what a person leads
are in :mod:`office_phrases`, lists of a board's members in :mod:`role_lists`, the name grammar in
:mod:`person_names`.
"""

from __future__ import annotations

import re

from clustergraph.extract.office_phrases import office_matches
from clustergraph.extract.patterns import ELECTION_VERBS_DE, ELECTION_VERBS_EN
from clustergraph.extract.person_names import FORMER as _FORMER
from clustergraph.extract.person_names import MD as _MD
from clustergraph.extract.person_names import MODS as _MODS
from clustergraph.extract.person_names import NOT_CURRENT as _NOT_CURRENT
from clustergraph.extract.person_names import ORG_PREP as _ORG_PREP
from clustergraph.extract.person_names import SP as _SP
from clustergraph.extract.person_names import PERSON, RoleFinding, clean_person, person_pattern, role_relation, without_occupation
from clustergraph.extract.role_lists import heading_roles

# the person left the office: "left the network", "ist ausgeschieden", "retired"
LEFT = re.compile(r"\b(?:left|leaves|leaving|retired|retires|stepped\s+down|steps\s+down|resigned|verlässt|verließ|verlassen|"
                  r"ausgeschieden|scheidet\s+aus|schied\s+aus|Ruhestand|abgelöst|"
                  r"(?:übergibt|übergab|handed\s+over|hands\s+over)\s+(?:\S+\s+){0,4}?(?:die\s+(?:Geschäftsführung|Leitung|Geschäfte)|"
                  r"den\s+(?:Vorsitz|Staffelstab)|das\s+Amt|an\s+(?:seine|ihre)\s+Nachfolger|the\s+(?:reins|baton|office)|"
                  r"to\s+(?:his|her)\s+successor))\b")

# "André Hofmann, Geschäftsführer von X" / "Dr. Anna L. of Uni H, spokesperson of X"
PERSON_ROLE = re.compile(
    rf"{PERSON}(?P<affil>\s+(?:of|from|von|vom|aus|at)\s+[^,;:()]{{2,60}}?|\s*\([^)]{{2,80}}\))?,\s+"
    rf"(?:(?:die|der|the|seit\s+\d{{4}}|since\s+\d{{4}})\s+|who\s+(?:has\s+been|is|was|had\s+been|is\s+now)\s+(?:also\s+|now\s+|currently\s+)?(?:the\s+)?|"
    rf"(?:der|die)\s+(?:seit\s+\S+\s+)?(?:als\s+)?|(?P<rel>(?:der|die|who)\s+[^,.;:()]{{2,70}}?\s(?:als|as)\s+(?:the\s+)?))?"
    rf"{_MODS}?(?P<role>{_MD}|{_SP})(?![\w-])"
)
# "Dr. Anna Berger ist neue Geschäftsführerin von X", "Jane Doe is the new managing director of X"
PERSON_IS_ROLE = re.compile(
    rf"{PERSON}\s+(?:ist|wird|bleibt|is|becomes|became|remains|was|war|has\s+been|have\s+been|serves\s+as|acts\s+as|"
    rf"fungiert\s+als|amtiert\s+als)\s+(?:(?:seit\s+\S+|die|der|the|ab\s+sofort|now|nun|jetzt)\s+)*"
    rf"{_MODS}?(?P<role>{_MD}|{_SP})(?P<roleorg>\s+{_ORG_PREP}\s+[^,;:.]{{2,60}})?"
)
# "Geschäftsführerin Dr. Jane Doe", "Vorstandsvorsitzender ist Prof. Y", "Chair of the board: Z"
ROLE_PERSON = re.compile(
    rf"(?<![\w-])(?:(?!(?i:vice|vize|co|deputy|stellv)-)(?P<orgpre>[\w][\w\-]*?)-)?{_MODS}?(?P<role>{_MD}|{_SP})(?:\s*\((?:{_MD}|{_SP})\))?(?P<roleorg>\s+{_ORG_PREP}\s+"
    rf"(?:(?!\s(?:wurde|wurden|wird|war|hat|haben|hatte|was|has|had)\b)[^,;:]){{2,60}}?)?"
    rf"(?:\s*[,:]\s*|\s+(?:ist|is|wird|bleibt|remains)\s+(?:(?:seit|since|ab|bereits|nun|jetzt|weiterhin|now|currently|still)\s+"
    rf"(?:[\wäöü.]+\s+){{0,3}}?)?(?:(?:der|die)\s+(?:[A-ZÄÖÜ][a-zäöüß]+(?:er|erin|or|orin|eur|eurin|ent|entin|ist|istin)\s+){{1,2}})?"
    rf"|\s+)(?![a-zäöü])" + PERSON
)
# "X's managing director Jane Doe"
POSSESSIVE_ROLE = re.compile(rf"(?P<org>[\w][\w\s\-&]{{1,50}}?)[’']s\s+{_MODS}?(?P<role>{_MD}|{_SP})\s+{PERSON}")
# "The cluster management is headed by Dr. Jonas Weber" / "geleitet von"
HEADED_BY = re.compile(
    rf"(?P<what>[Cc]luster ?management|[Cc]lustermanagement|[Gg]eschäftsstelle|[Mm]anagement|office|[Cc]luster|[Nn]etzwerk|network)"
    rf"[^.;]{{0,60}}?\b(?:is|are|was|wird|werden)?\s*(?:headed|led|managed|run|geleitet|geführt)\s+(?:by|von|durch)\s+{PERSON}"
)
# "Die Geschäftsführung des Clusters liegt (weiterhin) bei PERSON"
LIES_WITH = re.compile(
    rf"(?P<role>Geschäftsführung|Leitung\s+der\s+Geschäftsstelle|Sprecherrolle|Vorsitz)(?P<roleorg>\s+(?:des|der|von)\s+[^.;]{{2,60}}?)?\s+"
    rf"(?:liegt|lag)\s+(?:\w+\s+)?(?:bei|in\s+den\s+Händen\s+von)\s+{PERSON}"
)
# "PERSON übernimmt die Geschäftsführung", "PERSON takes over as managing director"
TAKES_OVER = re.compile(
    rf"{PERSON}\s+(?:übernimmt|übernahm|hat\s+.{{0,40}}?übernommen|takes over|took over|has taken over)\s+"
    rf"(?:(?:zum|am|ab|from|on|in)\s+[^,]{{0,30}}?\s+)?(?:(?:die|den|das|the|as)\s+)?"
    rf"(?P<role>Geschäftsführung|Leitung|Vorsitz|Sprecherrolle|Amt des Sprechers|{_MD}|{_SP})"
)
# "has appointed Dr. Laura Fischer as Managing Director of X", "wurde Dr. Y zur Geschäftsführerin ... ernannt"
APPOINTED = re.compile(
    rf"(?:{ELECTION_VERBS_EN}|{ELECTION_VERBS_DE})"
    rf"(?:\s+(?:am|on|in|im|zum|mit)\s+[^,]{{1,25}}?(?=\s+(?:Prof|Dr|Herr|Frau|[A-ZÄÖÜ][a-zäöü]+\s+[A-ZÄÖÜ])))?\s+{PERSON}(?:,[^,]{{1,90}},)?\s+"
    rf"(?:(?:einstimmig|unanimously|erneut|again|officially|offiziell|heute|today|mit\s+großer\s+Mehrheit)\s+)?"
    rf"(?:as|zum|zur|als)\s+(?:(?:the|its|their|den|die|neue[nr]?|new|(?:association|network|cluster|organi[sz]ation)[’']s)\s+)*(?P<role>{_MD}|{_SP})"
    rf"(?P<roleorg>\s+{_ORG_PREP}\s+[^,;:]{{2,60}}?)?(?=[,;:.]|\s+(?:effective|mit|ab|zum|from|on)\b|$)"
)
# "Zum 1. Juli übernimmt Dr. Y die Leitung der Geschäftsstelle"
TAKES_OVER_INVERTED = re.compile(
    rf"\b(?:übernimmt|übernahm|übernehmen)\s+(?:(?:zum|am|ab|im|mit\s+Wirkung\s+vom)\s+[^,;]{{1,30}}?\s+)?{PERSON}\s+(?:die|den|das)\s+(?P<role>Geschäftsführung|Leitung(?:\s+der\s+Geschäftsstelle)?|"
    rf"Vorsitz|Sprecherrolle|Clustermanagement)"
)
# "Dr. Jane Roe (Geschäftsführerin des X)", "Jane Roe (CEO, X)": the bracket names office and organisation
BRACKET_ROLE = re.compile(
    rf"{PERSON}\s*\(\s*{_MODS}?(?P<role>{_MD}|{_SP})(?:\s*,\s*|\s+{_ORG_PREP}\s+)(?P<org>[^()]{{2,80}})\)"
)
# "Dr. X (Vorsitz)", "Jane Roe (Managing Director)": a team list with the role alone in brackets
BRACKET_ROLE_ONLY = re.compile(
    rf"{PERSON}\s*\(\s*{_MODS}?(?P<role>{_MD}|{_SP}|Vorsitz|Vorstandsvorsitz|Geschäftsführung|Clustermanagement)\s*\)"
)
# "die beiden Geschäftsführer, Jane Roe (X) und John Doe (Y)": one office, each holder's organisation in brackets
ROLE_LIST_INTRO = re.compile(rf"{_MODS}?(?P<role>{_MD}|{_SP})s?(?:\s+(?:beider|der\s+beiden|aller|of\s+(?:the\s+)?(?:both|two|the\s+two))"
                             rf"\s+(?:[Nn]etzwerke|Cluster|Verbünde|Vereine|networks|clusters|associations|organi[sz]ations))?(?P<punct>\s*[,:]\s*|\s+)(?=\S)")
BRACKETED_HOLDER = re.compile(rf"{PERSON}\s*\((?P<org>[^()]{{2,80}})\)")
_LIST_JOIN = re.compile(r"\s*(?:,|\bund\b|\band\b|\bsowie\b)\s*(?:,\s*)?")
QUOTED_PERSON = re.compile(
    rf"(?:sagt|sagte|erklärt|erklärte|betont|betonte|so|meint|ergänzt|ergänzte|freut sich|said|says|explains|explained|"
    rf"adds|added|according to|comments|commented|notes|noted)\s+{PERSON}"
)
SUCCESSION = re.compile(rf"\b(?:folgt auf|tritt die Nachfolge von|Nachfolge von|Nachfolger(?:in)? von|succeeds|replaces|löst|"
                        rf"takes over from|took over from|übernimmt von|übernahm von|successor to|successor of|"
                        rf"(?:übernimmt|übernahm)\s+(?:die\s+Geschäftsführung|den\s+Vorsitz|die\s+Leitung)\s+von)\s+"
                        rf"{person_pattern('2')}")

# "Ihr Vorgänger Jens Ohlsen", "her predecessor Jens Ohlsen", "übernimmt die Geschäftsführung von Jens Ohlsen"
PREDECESSOR = re.compile(rf"\b(?:Vorgänger(?:in)?|predecessor|Amtsvorgänger(?:in)?),?\s+{PERSON}")
# left the office for good (not "übergab die Urkunde"): a former holder everywhere in the text
_LEFT_OFFICE = re.compile(r"\b(?:retired|retires|stepped\s+down|resigned|ausgeschieden|scheidet\s+aus|schied\s+aus|Ruhestand|"
                          r"abgelöst|(?:übergibt|übergab|handed\s+over|hands\s+over)\s+(?:\S+\s+){0,4}?(?:die\s+(?:Geschäftsführung|"
                          r"Leitung|Geschäfte)|den\s+Vorsitz|das\s+Amt|an\s+(?:seine|ihre)\s+Nachfolger|to\s+(?:his|her)\s+successor))\b")

_FUTURE_ROLE = re.compile(r"\b(?:soll|sollen|wird\s+(?:\S+\s+){0,6}?(?:werden|antreten|übernehmen)|will\s+(?:become|take\s+over|join)|"
                          r"is\s+to\s+(?:become|take)|from\s+next|ab\s+nächste[mn])\b")
_ROLE_HINT = re.compile(r"geschäftsf|sprecher|vorsitz|vorstand|präsident|director|ceo|chief|chair|spokes|president|leitung|"
                        r"headed|geleitet|geführt|led\s+by|managed\s+by|run\s+by|manager|leitet|heads|leads|runs|manages|"
                        r"führt|übernomm|übernahm|übernimmt|verantwortet|innehat|chaired|presided|management\s*:|(?<!alb)leiter|chairs|"
                        r"presides|\bled\b|head\s+of")
_ANY_ROLE = re.compile(rf"{_MD}|{_SP}|headed|geleitet|geführt|led\s+by|managed\s+by|run\s+by|Geschäftsführung|Leitung|Vorsitz|"
                       rf"leitet|führt|heads|leads|runs|manages|übernomm|übernahm|übernimmt|verantwortet|innehat|chaired|presided|inne\b|"
                       rf"management\s*:|(?<!alb)[Ll]eiter|chairs|presides|\bled\b|[Hh]ead\s+of")
_ANY_PERSON_CUE = re.compile(r"sagt|erklärt|betont|so\s|meint|ergänzt|freut|said|says|explain|add|according|comment|note|"
                             r"Staatssekretär|Minister|Bürgermeister|State Secretary|Mayor|Professor")


_ORG_WORD_IN_NAME = re.compile(r"(?:[Cc]luster|[Nn]etzwerk|[Nn]etwork|Verbund|Initiative|GmbH|Universität|University|Institut)\b")


def _org(match: re.Match, group: str, prep: bool = True) -> tuple[str | None, tuple[int, int] | None]:
    text = match.group(group)
    if not text:
        return None, None
    start = match.start(group)
    if prep:
        m = re.match(rf"\s+{_ORG_PREP}\s+", text)
        if m:
            start += m.end()
            text = text[m.end():]
    text = text.rstrip()
    return text, (start, start + len(text))


def find_roles(text: str, start: int, end: int) -> list[RoleFinding]:
    """Role statements inside ``text[start:end]`` (one sentence)."""
    found: list[RoleFinding] = heading_roles(text, start, end)
    if found:
        return found
    if not _ROLE_HINT.search(text[start:end].lower()):
        return found
    cues = [m.start() for m in _ANY_ROLE.finditer(text, start, end)]
    if not cues:
        return found
    # look only around the role words: windows of the sentence, merged
    windows: list[list[int]] = []
    for cue in cues:
        lo, hi = max(start, cue - 160), min(end, cue + 160)
        if lo > start:
            space = text.find(" ", lo, cue)
            lo = space + 1 if space >= 0 else cue
        if hi < end:
            space = text.rfind(" ", cue, hi)
            hi = space if space > cue else hi
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    if len(windows) == 1 and windows[0] == [start, end]:
        return _find_roles(text, start, end)
    for lo, hi in windows:
        for role in _find_roles(text, lo, hi):
            if not any(f.person_span == role.person_span and f.role == role.role for f in found):
                found.append(role)
    return found


def _known(found: list[RoleFinding], position: int, relation: str) -> bool:
    """Whether the person at ``position`` already holds an office of this kind in ``found``."""
    return any(f.person_span[0] <= position < f.person_span[1] and f.role == relation and (f.current or f.former)
               for f in found)  # a deputy office ("who is also vice-president of Y") leaves room for the real one


def _find_roles(text: str, start: int, end: int) -> list[RoleFinding]:
    segment = text[start:end]
    found: list[RoleFinding] = []

    def add(m, role, org, org_span, confidence, name_group="name", mod=None):
        s, e = m.span(name_group)
        if any(f.org_span and f.org_span[0] <= start + s < f.org_span[1] for f in found) or \
                _ORG_WORD_IN_NAME.search(m.group(name_group)):
            return  # "CEO, Gamma Cluster": an organisation, not a person
        current = not (mod and _NOT_CURRENT.match(mod.strip().rstrip("-")))
        former = bool(mod and _FORMER.match(mod.strip()))
        tail = re.split(r"(?<!\d)[.;]", segment[m.end(name_group):m.end(name_group) + 120])[0]  # not at "1. Juli"
        if LEFT.search(tail) or _FUTURE_ROLE.search(tail):
            current = False
            former = former or bool(_LEFT_OFFICE.search(tail))
        span = (start + org_span[0], start + org_span[1]) if org_span else None
        name, dropped = without_occupation(m.group(name_group))
        s += dropped
        found.append(RoleFinding(clean_person(name), (start + s, start + e), role_relation(role),
                                 org, span, current, confidence, m.group("titles") or "", former))

    def fresh(pattern, role=None):
        """The matches of ``pattern`` whose person does not yet hold that office (``role``, else the match's)."""
        for m in pattern.finditer(segment):
            if not _known(found, start + m.start("name"), role_relation(role or m.group("role"))):
                yield m

    for m in PERSON_ROLE.finditer(segment):
        after = segment[m.end():]
        om = re.match(rf"\s+{_ORG_PREP}\s+", after)
        if om is None and not m.group("rel"):  # "X, der ... als Geschäftsführer leitet": a verb follows
            om = re.match(r"\s+(?=[A-ZÄÖÜ„“\"])", after)  # "X, Geschäftsführerin MikroNetz"; not "..., seit 2018 an der Spitze"
        if om is None and not m.group("rel"):  # "X, Managing Director, DonauChem (Burghausen)": a programme's speaker line
            om = re.match(r",\s+(?=[A-ZÄÖÜ][^,;:()]{1,60}?(?:\s*\(|\s*$))", after)
        org, span = None, None
        if om:
            chunk = re.match(r"[^,;:()]{1,70}", after[om.end():])
            if chunk:
                org = chunk.group(0).strip().rstrip(".")
                o_start = m.end() + om.end()
                span = (o_start, o_start + len(org))
        past = re.search(r"\bwho\s+(?:was|had\s+been)\b", m.group(0))  # "X, who was CEO of Y until 2019"
        add(m, m.group("role"), org, span, 0.9, mod="former" if past else m.group("mod"))
    for m in BRACKET_ROLE.finditer(segment):
        add(m, m.group("role"), m.group("org").strip(), m.span("org"), 0.85, mod=m.group("mod"))
    for m in BRACKET_ROLE_ONLY.finditer(segment) if "(" in segment else ():
        role = m.group("role")
        add(m, "Vorsitz" if role.startswith("Vorstandsvorsitz") else role, None, None, 0.75, mod=m.group("mod"))
    for intro in ROLE_LIST_INTRO.finditer(segment):
        pos = intro.end()
        holders = []
        while True:
            m = BRACKETED_HOLDER.match(segment, pos)
            if m is None or any(f.person_span[0] == start + m.start("name") for f in found):
                break
            org = m.group("org").strip()
            if re.match(rf"(?:{_MD}|{_SP})\b", org):
                break  # "(Geschäftsführerin des Y)": BRACKET_ROLE's case
            holders.append((m, org))
            join = _LIST_JOIN.match(segment, m.end())
            if join is None or join.end() == m.end():
                break
            pos = join.end()
        # "Geschäftsführer Jan Roe (Universität X)" names an affiliation; a list of two assigns offices
        if len(holders) >= 2 or intro.group("punct").strip():
            for m, org in holders:
                add(m, intro.group("role"), org, m.span("org"), 0.8, mod=intro.group("mod"))
    for m in PERSON_IS_ROLE.finditer(segment):
        org, span = _org(m, "roleorg")
        add(m, m.group("role"), org, span, 0.85 if org else 0.75, mod=m.group("mod"))
    for m in fresh(POSSESSIVE_ROLE):
        org = m.group("org").strip()
        words = org.split()
        keep = []
        for w in reversed(words):
            if w[:1].isupper() or re.search(r"[A-Z0-9]", w):
                keep.insert(0, w)
            else:
                break
        if not keep:
            continue
        org = " ".join(keep)
        o_end = m.end("org")
        add(m, m.group("role"), org, (o_end - len(org), o_end), 0.85, mod=m.group("mod"))
    for m in fresh(APPOINTED):
        org, span = _org(m, "roleorg")
        add(m, m.group("role"), org, span, 0.85 if org else 0.75)
    for m in fresh(ROLE_PERSON):
        if m.group("orgpre"):
            org, span = m.group("orgpre"), m.span("orgpre")
        else:
            org, span = _org(m, "roleorg")
        add(m, m.group("role"), org, span, 0.85 if org else 0.7, mod=m.group("mod"))
    for m in fresh(LIES_WITH):
        org, span = _org(m, "roleorg")
        add(m, m.group("role"), org, span, 0.8 if org else 0.75)
    for m in fresh(HEADED_BY, "Geschäftsführung"):
        add(m, "Geschäftsführung", None, None, 0.75)
    for m in fresh(TAKES_OVER_INVERTED):
        add(m, "Geschäftsführung" if m.group("role") != "Vorsitz" else "Vorsitz", None, None, 0.75)
    for m in fresh(TAKES_OVER):
        add(m, m.group("role"), None, None, 0.75)
    for m, role, group in office_matches(segment):
        if not _known(found, start + m.start("name"), role_relation(role)):
            org, span = _org(m, group, prep=group == "roleorg") if group else (None, None)
            add(m, role, org, span, 0.8 if org else 0.75)
    for m in SUCCESSION.finditer(segment):
        s2 = start + m.start("name2")
        for f in found:
            if f.person_span[0] <= s2 < f.person_span[1]:
                f.current = False
                f.former = True
    return found


def find_predecessors(text: str, start: int, end: int) -> list[tuple[str, str | None]]:
    """People the sentence names as predecessors: ``(name, relation or None)``.

    >>> find_predecessors("Sie löst Hans-Peter Wolf als Vorsitzende ab.", 0, 44)
    [('Hans-Peter Wolf', 'spokesperson of')]
    """
    segment = text[start:end]
    found = []
    for m in SUCCESSION.finditer(segment):
        found.append(clean_person(m.group("name2")))
    for m in PREDECESSOR.finditer(segment):
        found.append(clean_person(m.group("name")))
    if not found:
        return []
    has_md, has_sp = re.search(_MD, segment), re.search(_SP, segment)
    relation = None if bool(has_md) == bool(has_sp) else "managing director of" if has_md else "spokesperson of"
    return [(name, relation) for name in found]


def find_persons(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """Quoted or role-bearing persons: ``(start, end, name, titles)``."""
    segment = text[start:end]
    people = []
    if not _ANY_PERSON_CUE.search(segment):
        return people
    for pattern in (QUOTED_PERSON,):
        for m in pattern.finditer(segment):
            s, e = m.span("name")
            people.append((start + s, start + e, clean_person(m.group("name")), m.group("titles") or ""))
    for m in re.finditer(rf"(?:Staatssekretär(?:in)?|Minister(?:in)?|Bürgermeister(?:in)?|State Secretary|Minister|Mayor|"
                         rf"Professor(?:in)?)\s+{PERSON}", segment):
        s, e = m.span("name")
        people.append((start + s, start + e, clean_person(m.group("name")), m.group("titles") or ""))
    return people
