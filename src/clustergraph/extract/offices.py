"""Offices: ``managing director of`` and ``spokesperson of`` facts from the roles :mod:`persons` found.

Which organisation: the one written next to the role (``Geschäftsführer von X``, ``des Netzwerks``
meaning the cluster the text is about); else a cluster named in the sentence that is not the
person's employer or university; else the cluster the paragraph talks about when the document
covers several; else the document's cluster. When: the start the sentence gives (``seit 2017``,
``effective 1 March``), the election of the sentence before (``hat am Dienstag einen neuen
Vorstand gewählt. Neue Vorsitzende ist ...``), the start of the sentence after (``She will take up
her post on 1 April``), else the issue date.
"""

from __future__ import annotations

import re

from clustergraph.extract import patterns as P
from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.dates import MONTHS
from clustergraph.extract.modality import blocked
from clustergraph.extract.names import clean_name
from clustergraph.extract.office_phrases import NEW_HOLDER_ANNOUNCED, NEW_HOLDER_STARTS, SURNAME_IS_ROLE
from clustergraph.extract.persons import RoleFinding, clean_person, find_predecessors, role_relation
from clustergraph.extract.arguments import evidence_span
from clustergraph.extract.resolve import Referent, Registry
from clustergraph.extract.subjects import GENERIC_ORG

# "Sprecher Prof. X von der Universität Y", "Jane Roe of Z University": where the person works, not their office
_AFFILIATION = re.compile(r"^\s*,?\s*(?:von\s+der|von\s+dem|vom|von|aus\s+der|aus\s+dem|aus|an\s+der|am|"
                          r"of\s+the|of|from\s+the|from|at\s+the|at)\s+$")
# "X, die an der TU Y lehrt", "X (Universitätsklinikum Y)", "X, who holds the chair ... at Y": employer, not office
_AFFILIATION_GAP = re.compile(r"^\s*(?:\(|,\s*(?:die|der|who|which|Inhaber(?:in)?|Leiter(?:in)?|head|professor)\b)", re.I)
# "des Zukunftsclusters", "des Trägervereins", "the new cluster": a common noun for the cluster written about
_GENERIC_COMPOUND = re.compile(
    r"^(?:(?:des|der|dem|the|this|our|its|unseres|dieses|seines|ihres)\s+)?(?:[a-zäöü][\w-]*\s+){0,2}"
    r"[A-ZÄÖÜ][a-zäöüß]*(?:cluster|netzwerk|network|verein|verbund|verband|bündnis)(?:e?s)?$"
)
_RANGE_AFTER = re.compile(r"^\s*(?:[–—-]|bis\b|to\b|until\b)\s*\d")
_ELECTION = re.compile(rf"\b(?:{P.ELECTION_VERBS_DE}|{P.ELECTION_VERBS_EN}|voted)\b", re.I)
# the sentence tells how the office began: then its date is the start
_ROLE_EVENT = re.compile(rf"\b(?:{P.ELECTION_VERBS_DE}|übernimmt|übernahm|"
                         r"übernommen|übernehmen|tritt|trat|angetreten|antreten|folgt|löst|wechselt|wechselte|"
                         rf"{P.ELECTION_VERBS_EN}|voted|takes?\s+over|took\s+over|taken\s+over|takes?\s+up|took\s+up|succeeds|succeeded|"
                         r"joins|joined|assumes?|assumed|replaces|replaced|gewählte|neue[rn]?|new)\b", re.I)
_START_CUE = re.compile(r"\b(?:seit|since|zum|ab|from|effective|as\s+of|mit\s+Wirkung\s+(?:vom|zum)|Anfang|Mitte|Ende|early|"
                        r"mid|late)\s+(?:(?:dem|the|Anfang|Mitte|Ende|early|mid|late)\s+)?$", re.I)
# "... Geschäftsführerin der X GmbH und gehört dem Vorstand seit 2015 an": the date is another clause's
_OTHER_CLAUSE = re.compile(r"\s(?:und|and|sowie|aber|but|while|während)\s|;")
_NEW = re.compile(r"\b(?:neue[rn]?|new|newly)\b", re.I)
# "She will take up her post on 1 April", "Er tritt sein Amt am 1. Juli an", "Sie übernimmt zum 1. Mai"
_START_NEXT = re.compile(r"^(?:She|He|Sie|Er)\b.{0,60}?\b(?:take\s+up|takes\s+up|took\s+up|assume|assumes|start|starts|"
                         r"begin|begins|join|joins|tritt|übernimmt|beginnt|startet|wechselt)\b")
_SUCCESSION_HINT = re.compile(r"folgt|nachfolge|löst|succe|replace|vorgänger|predecessor|übernimmt|übernahm|took over|takes over")
# the start of a list item: a bullet, a number or a chronicle's year ("2020 – ")
_QUOTATION = re.compile(r"„[^“”\"]{1,400}[“”\"]|“[^“”]{1,400}”|\"[^\"]{1,400}\"|«[^»]{1,400}»|»[^«]{1,400}«")
# "der bisher das Verpackungsnetz X leitete": a cluster someone led before is not the paragraph's topic
_FORMERLY = re.compile(r"\b(?:bisher|zuvor|früher|ehemals|vormals|former|formerly|previously)\b")
_MONTH_WORD = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
_DAY_NO_YEAR = re.compile(
    rf"\b(?P<cue>[Ss]eit|[Ss]ince|[Zz]um|[Aa]b|[Ee]ffective|[Ff]rom|as\s+of)\s+(?:dem\s+|the\s+)?"
    rf"(?:(?P<day>\d{{1,2}})\.?\s*(?P<month>{_MONTH_WORD})\b\.?|(?P<month2>{_MONTH_WORD})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b)"
    rf"(?!,?\s*\d)"
)
# between an organisation and "whose": nothing, or one apposition ("X, the Montréal-based AI cluster, whose")
_BEFORE_WHOSE = re.compile(r"\s*(?:\([^)]*\))?\s*,\s*(?:(?:the|a|an|der|die|das|ein|eine)\b[^,;]{0,80},\s*)?")
_WHOSE = re.compile(r"\b(?:whose|dessen|deren)\s+(?:[\w-]+\s+){0,3}$")
_SENTENCE_END = re.compile(r"[.!?…:;\"“”»)]\s*$")
_LIST_ITEM_START = re.compile(r"\n[ \t]*(?:[-*•–]\s|\d{1,2}[.)]\s|\**(?:19|20)\d\d\**\s*[–—:-]\s)")
# "Chairman X signed for Y", "im Namen der Z": the person acts for an organisation the sentence names
_ACTS_FOR = re.compile(r"\b(?:signed|signs|spoke|speaks|unterzeichnete|unterzeichnet|unterschrieb|unterschreibt|sprach|spricht)"
                       r"\s+(?:\S+\s+){0,2}?(?:for|für|on\s+behalf\s+of|im\s+Namen\s+(?:von|des|der))\s+(?:the\s+|die\s+|den\s+|das\s+)?"
                       r"(?P<org>[A-ZÄÖÜ][\w\-&]*(?:\s+[A-ZÄÖÜ][\w\-&]*){0,3})")
# "its Board", "seines Vorstands": the organisation the sentence named before
_POSSESSIVE = re.compile(r"^(?:its|seine[nmrs]?|ihre[nmrs]?)\s", re.I)
# a signature line's head: "For X:", "Für die X:", "On behalf of X:" governs every name on the line
_SIGNATORY_HEAD = re.compile(r"^\s*(?:For|Für|On\s+behalf\s+of|Im\s+Namen\s+(?:von|des|der))\s+(?:the\s+|die\s+|den\s+|das\s+)?"
                             r"(?P<org>[^:\n]{2,80}):")
_ANAPHOR_ORG = re.compile(r"\b(?:its|their|seine[nmrs]?|ihre[nmrs]?|dessen|deren)\s+\S*$", re.I)


def roles(ctx: Context) -> None:
    """Add a fact for each current office holder whose organisation can be told."""
    former = _former_holders(ctx)
    for info, role in ctx.roles + _surname_roles(ctx) + _announced_roles(ctx):
        if not role.current or (role.person, role.role) in former or (role.person, None) in former:
            continue
        s, e = info.rel(role.person_span[0]), info.rel(role.person_span[1])
        if blocked(_unquoted(info.text), s, e, allow_prospect=True):
            continue
        confidence = role.confidence
        org = _explicit_org(ctx, info, role)
        if org is None and (role.org_text is None or _generic(role.org_text)):
            if info.imprint:
                continue  # "Impressum ... Geschäftsführer: X": the site operator's officer (discourse.py)
            org = _implicit_org(ctx, info, s, e, named=role.org_text is None)
            confidence = min(confidence, 0.7)
        if not _plausible(org):
            continue
        person = ctx.registry.get(role.person, "Person", use_gazetteer=False)
        date = _start_date(info, s) or _day_without_year(info.text, ctx.issued) or _neighbour_date(ctx, info, role, s) or ctx.issued
        ctx.add(person, role.role, org, evidence_span(info), confidence, date)


def _surname_roles(ctx: Context) -> list[tuple[SentenceInfo, RoleFinding]]:
    """Offices stated for a person by surname alone, after the text has named them in full."""
    full = {}
    for _, role in ctx.roles:
        full.setdefault(role.person.split()[-1], role.person)
    found = []
    for info in ctx.infos if full else ():
        first = info.text.split(" ", 1)[0]
        if first not in full:
            continue
        m = SURNAME_IS_ROLE.match(info.text)
        if m is None:
            continue
        org_start, org_end = m.span("roleorg")
        prep = re.match(r"\s+\S+\s+(?:the\s+)?", m.group("roleorg"))
        org_start += prep.end()
        mod = m.group("mod")
        current = not (mod and re.match(r"(?i)stellv|deputy|vice|former|ehemal|bisherig|interim|honorary|ehren", mod))
        found.append((info, RoleFinding(full[first], (info.start, info.start + len(first)), role_relation(m.group("role")),
                                        info.text[org_start:org_end], (info.start + org_start, info.start + org_end),
                                        current, 0.8)))
    return found


def _announced_roles(ctx: Context) -> list[tuple[SentenceInfo, RoleFinding]]:
    """``X has a new managing director. Dr. Y takes over from Z on 1 July.``"""
    found = []
    for before, info in zip(ctx.infos, ctx.infos[1:]):
        if before.paragraph != info.paragraph or "new" not in before.lower and "neue" not in before.lower:
            continue
        announced = NEW_HOLDER_ANNOUNCED.search(before.text)
        holder = NEW_HOLDER_STARTS.match(info.text) if announced else None
        if holder is None or any(r.person_span[0] == info.start + holder.start("name") for i, r in ctx.roles if i is info):
            continue
        s, e = holder.span("name")
        found.append((info, RoleFinding(clean_person(holder.group("name")), (info.start + s, info.start + e),
                                        role_relation(announced.group("role")), None, None, True, 0.75)))
    return found


def _former_holders(ctx: Context) -> set[tuple[str, str | None]]:
    """``(person, relation)`` of predecessors and former holders anywhere in the text: a chronicle
    may name someone's start in one line and their successor in the next."""
    former = {(role.person, role.role) for _, role in ctx.roles if role.former}
    for info in ctx.infos:
        if _SUCCESSION_HINT.search(info.lower or info.text.lower()):
            former.update(find_predecessors(ctx.text, info.sentence.start, info.sentence.end))
    return former


def _plausible(ref: Referent | None) -> bool:
    """An organisation (a cluster or another organisation; a programme or a ministry holds no office here)."""
    return ref is not None and ref.type in ORG_TYPES and not _generic(ref.name)


def _generic(text: str) -> bool:
    text = text.strip()
    return bool(_GENERIC_COMPOUND.match(text))


def _explicit_org(ctx: Context, info: SentenceInfo, role: RoleFinding) -> Referent | None:
    """The organisation written next to the role, when it names one."""
    if role.org_span is None or role.org_text is None:
        return None
    text = role.org_text.strip()
    if _generic(text):
        return None
    os_, oe = role.org_span
    for m in info.mentions:
        if m.type in ORG_TYPES + ("Ministry", "Programme") and m.start < oe and os_ < m.end and m.start >= os_ - 1:
            return m.ref
    if _POSSESSIVE.match(text):  # "X e.V., represented by the Chairman of its Board Y": the one organisation before
        before = {Registry.final(m.ref) for m in info.mentions
                  if m.type in ORG_TYPES and m.kind == "name" and info.rel(m.end) <= info.rel(os_)}
        if len(before) == 1:
            return before.pop()
    if GENERIC_ORG.match(text):
        return _implicit_org(ctx, info, 0, 0, named=False)
    if text.rstrip("-").lower() in {a.lower() for a in _names(ctx.subject)}:
        return ctx.subject
    return ctx.registry.known(clean_name(text)) or _short_name(ctx, text.rstrip("-"))


def _short_name(ctx: Context, text: str) -> Referent | None:
    """The one cluster of the text whose name begins with the single word ``text``
    (``TexLab-Geschäftsführer`` for a cluster named ``TexLab Sachsen`` before)."""
    if " " in text or len(text) < 4 or not text[:1].isupper():
        return None
    found = {Registry.final(ref) for ref in ctx.registry.referents
             if ref.type == "Cluster" and any(n.split()[0] == text and " " in n for n in _names(ref))}
    return found.pop() if len(found) == 1 else None


def _first_word_owner(ctx: Context, word: str) -> Referent | None:
    """The one organisation of the text whose longer name begins with the single word ``word``."""
    if " " in word or len(word) < 3:
        return None
    found = {Registry.final(ref) for ref in ctx.registry.referents
             if ref.type in ORG_TYPES and any(n.split()[0] == word and " " in n for n in _names(ref))}
    return found.pop() if len(found) == 1 else None


def _implicit_org(ctx: Context, info: SentenceInfo, s: int, e: int, named: bool = True) -> Referent | None:
    """The organisation of a role written without one (``Geschäftsführerin ist Dr. X``) or with a
    common noun (``des Netzwerks``, then ``named`` is false: a name elsewhere in the sentence is not it)."""
    whose = _WHOSE.search(info.text, 0, s) if named else None
    if whose is not None:  # "Réseau X, the Québec AI cluster, whose CEO Y": the organisation before "whose"
        before = [m for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"
                  and _BEFORE_WHOSE.fullmatch(info.text, info.rel(m.end), whose.start())]
        return before[-1].ref if before else None
    head = _SIGNATORY_HEAD.match(info.text)
    if head is not None and (s >= head.end() or not named):  # "For X: Dr. A, Chairman of the Board; B, Managing Director"
        signatory = [m.ref for m in info.mentions if m.type in ORG_TYPES and m.kind == "name"
                     and head.start("org") <= info.rel(m.start) < head.end()]
        if len(set(signatory)) == 1:
            return signatory[0]
        if not signatory:  # "For SkyLink:" after '(hereinafter "SkyLink")': the one organisation that name begins
            return ctx.registry.known(clean_name(head.group("org"))) or _first_word_owner(ctx, head.group("org").strip())
    candidates = []
    before_person = False
    clause_start, clause_end = _clause(info.text, s, e)
    for m in info.mentions if named else ():
        if m.type not in ORG_TYPES or m.kind != "name":
            continue
        if not clause_start <= info.rel(m.start) < clause_end:
            continue  # "...; Chairman X signed for Y": another clause's organisation is not X's
        gap = info.text[e:info.rel(m.start)] if info.rel(m.start) >= e else ""
        if _AFFILIATION.match(gap) or (gap and _AFFILIATION_GAP.match(gap)):
            continue
        if m.ref not in candidates:
            candidates.append(m.ref)
            before_person = info.rel(m.end) <= s
    if len(candidates) == 1 and (info.block is None or before_person):
        return candidates[0]  # "Bei X übernimmt Dr. Y die Geschäftsführung"
    default = next((ref for ref in (info.block, ctx.subject) if _plausible(ref)), None)
    if info.block is None:
        section = _section_cluster(ctx, info, default)
        if section is not None:
            return section
    acts_for = _ACTS_FOR.search(info.text, e, clause_end) if named and not candidates else None
    if acts_for and default is not None and not _same_name(acts_for.group("org"), default):
        return None  # "...; Chairman X signed for Y": Y, which the text does not otherwise name, not the default
    topic = _paragraph_cluster(ctx, info, s, default)
    return topic if topic is not None else default


def _paragraph_cluster(ctx: Context, info: SentenceInfo, s: int, subject: Referent | None) -> Referent | None:
    """The cluster a paragraph is about when it is not ``subject`` (the document's or the block's
    cluster): the one cluster the sentences before name (``The cluster management is headed by``,
    ``its president``)."""
    anaphor = _ANAPHOR_ORG.search(info.text[:s].rstrip(" ,:"))
    index = ctx.infos.index(info)
    paragraph = [i for i in ctx.infos[max(0, index - 3):index + 1] if i.paragraph == info.paragraph]
    if subject is not None and subject.type == "Cluster" and anaphor is None and \
            any(Registry.final(m.ref) is subject for i in paragraph for m in i.mentions):
        return None  # the paragraph names the document's cluster: "the cluster" is that one
    for other in reversed(ctx.infos[max(0, index - 3):index]):
        if other.paragraph != info.paragraph or _LIST_ITEM_START.search(ctx.text, other.sentence.end, info.sentence.start + 8):
            break  # another paragraph or another item of a list (a chronicle's line about a partner)
        clusters = list(dict.fromkeys(m.ref for m in other.mentions if m.type == "Cluster" and m.kind == "name"
                                      and not _FORMERLY.search(other.text, max(0, other.rel(m.start) - 40), other.rel(m.start))))
        if len(clusters) == 1:
            return clusters[0]
        if clusters:
            return None
    return None


# '... We could not wish for more," says X': the end of a quotation that began a sentence earlier
_QUOTE_TAIL = re.compile(r"^[^„“”\"«»]{1,400}?[,.!?]?[“”\"](?=\s*,?\s*(?:says|said|adds|added|explains|explained|"
                         r"sagt|sagte|so|ergänzt|ergänzte|erklärt|erklärte|betont|betonte)\b)")


def _unquoted(text: str) -> str:
    """``text`` with its quotations blanked out: a speaker's "kein Ziel" does not negate their office.

    >>> _unquoted('„Ein Anfang, kein Ziel“, sagte X.').lstrip()
    ', sagte X.'
    """
    text = _QUOTATION.sub(lambda m: " " * len(m.group(0)), text)
    tail = _QUOTE_TAIL.match(text)  # the sentence begins inside a quotation opened in the sentence before
    return " " * tail.end() + text[tail.end():] if tail else text


def _section_cluster(ctx: Context, info: SentenceInfo, default: Referent | None) -> Referent | None:
    """The one cluster the section of ``info`` names, from its heading down (``## 2. SmartHaus OWL
    gewinnt`` ... ``Clustersprecher ist Prof. X``), when it is not ``default``; None when the section
    also refers to ``default``, names several clusters or has no heading close above."""
    index = ctx.infos.index(info)
    found: set[Referent] = set()
    for other in reversed(ctx.infos[max(0, index - 8):index + 1]):
        for m in other.mentions:
            ref = Registry.final(m.ref)
            if default is not None and ref is Registry.final(default):
                return None
            if m.type == "Cluster" and m.kind == "name":
                found.add(ref)
        if other is not info and _heading(ctx, other):
            return found.pop() if len(found) == 1 else None  # the heading of the section
    return None


def _heading(ctx: Context, info: SentenceInfo) -> bool:
    """A line of its own without the punctuation that ends a sentence."""
    start, end = info.sentence.start, info.sentence.end
    own_line = info.is_line or ((start == 0 or ctx.text[start - 1] == "\n") and ctx.text[end:end + 1] in ("", "\n"))
    return own_line and not _SENTENCE_END.search(info.text)


def _day_without_year(text: str, issued: str | None) -> str | None:
    """The start of an office given as a day without its year (``seit dem 1. März``, ``zum 1. Juli``,
    ``effective 1 April``), in the year of the issue date; ``seit``/``since`` a day after the issue
    date means the year before.

    >>> _day_without_year("Geschäftsführer ist seit dem 1. Januar Tom Roe.", "2024-01-09")
    '2024-01-01'
    >>> _day_without_year("Seit dem 1. November leitet Tom Roe die Geschäftsstelle.", "2024-01-09")
    '2023-11-01'
    >>> _day_without_year("Tom Roe sprach am 1. Januar.", "2024-01-09") is None
    True
    """
    m = _DAY_NO_YEAR.search(text) if issued and len(issued) >= 10 else None
    if m is None:
        return None
    month = MONTHS.get((m.group("month") or m.group("month2")).rstrip(".").lower())
    day = int(m.group("day") or m.group("day2"))
    if month is None or not 1 <= day <= 31:
        return None
    year = int(issued[:4])
    if f"{year:04d}-{month:02d}-{day:02d}" > issued and m.group("cue").lower() in ("seit", "since"):
        year -= 1
    return f"{year:04d}-{month:02d}-{day:02d}"


def _clause(text: str, s: int, e: int) -> tuple[int, int]:
    """The bounds of the clause (between semicolons) around ``text[s:e]``.

    >>> _clause("A signed for B; Chair C signed for D.", 21, 22)
    (15, 37)
    """
    if s >= e:
        return 0, len(text)
    start = text.rfind(";", 0, s) + 1
    end = text.find(";", e)
    return start, len(text) if end < 0 else end


def _start_date(info: SentenceInfo, s: int) -> str | None:
    """When the office began, as the sentence says: a date after ``seit``/``since``/``zum``/``effective``,
    or any date of a sentence that tells the election or take-over; not the date of something the
    office holder did (``unterzeichneten am 7. März``, ``will 2024 ... planen``), nor ranges."""
    dates = [d for d in info.dates if not d.until and not _RANGE_AFTER.match(info.text[d.end:d.end + 8])
             and not re.search(r"\d\s*[–—-]\s*$", info.text[max(0, d.start - 4):d.start])]
    if not _ROLE_EVENT.search(info.text):
        dates = [d for d in dates if _START_CUE.search(info.text[max(0, d.start - 30):d.start])
                 and not _OTHER_CLAUSE.search(info.text[min(s, d.start):max(s, d.start)])]
    if not dates:
        return None
    return min(dates, key=lambda d: abs(d.start - s)).iso


def _neighbour_date(ctx: Context, info: SentenceInfo, role: RoleFinding, s: int) -> str | None:
    """A date the text gives for the office in the sentence before or after."""
    index = ctx.infos.index(info)
    if index > 0:
        before = ctx.infos[index - 1]
        if before.paragraph == info.paragraph and before.dates and _ELECTION.search(before.text) and \
                (role.role == "spokesperson of" or _NEW.search(info.text[:s])):
            return _start_date(before, len(before.text))
    if index + 1 < len(ctx.infos):
        after = ctx.infos[index + 1]
        if after.paragraph == info.paragraph and after.dates and _START_NEXT.match(after.text):
            return _start_date(after, 0)
    return None


def _same_name(text: str, ref: Referent) -> bool:
    """Whether ``text`` starts with a name of ``ref`` or a name of ``ref`` starts with it."""
    text = text.casefold()
    return any(text.startswith(n.casefold()) or n.casefold().startswith(text) for n in _names(ref))


def _names(ref: Referent | None) -> list[str]:
    return [] if ref is None else [ref.name, *ref.aliases]
