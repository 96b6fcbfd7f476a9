"""Finding names the gazetteer does not know: organisations, clusters, programmes, ministries.

Each finder looks for a cue that says what kind of thing a name is (a legal form, a cluster noun,
a programme noun, a ministry head word, an acronym in brackets) and returns :class:`Candidate`
names with their offsets. A *name chunk* is a run of words that look like a name: capitalised,
inner capitals (``RheinMain``), digits (``Clusters4Future``), all capitals, or hyphenated lower-case
brands (``go-cluster``), joined by ``&`` and, inside capitalised runs, ``für``/``of``/``and``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clustergraph.extract import lexicon
from clustergraph.extract.dates import MONTH_NAMES

_QUOTE_OPEN = "„“\"»«‚‘'"
_QUOTE_CLOSE = "“”\"«»‘’'"
_WORD = r"[A-ZÄÖÜ0-9][\w\-&.’'+]*"
_BRAND_LOWER = r"[a-zäöü][a-z0-9äöü]*(?:-[a-zäöü0-9]+)*(?:[A-Z0-9][\w\-]*)?"
_NAME_TOKEN = re.compile(r"[\w][\w\-&.’'+]*|&")
_VERBISH = re.compile(r"^(?:ist|sind|war|wird|wurde|hat|haben|is|was|has|are)$")


@dataclass
class Candidate:
    start: int  # offsets in the document text
    end: int
    name: str
    type: str
    surface: str = ""
    attrs: dict = field(default_factory=dict)


def is_name_token(token: str, *, first: bool = False) -> bool:
    """Whether a word looks like part of a proper name.

    >>> [is_name_token(t) for t in ("RheinMain", "Clusters4Future", "go-cluster", "und", "ESCA", "Netzwerk")]
    [True, True, True, False, True, True]
    """
    if not token or token == "&":
        return token == "&"
    if token[0].isupper() or token[0].isdigit():
        return True
    if re.search(r"[A-Z0-9]", token[1:]) and token[0].isalpha():
        return True  # clusters4future, eBusiness
    if "-" in token.strip("-") and not first:
        return True
    return False


# abbreviations that open place names: "St. Gallen", "Ste. Foy", "Mt. Kenya" (the dot ends no sentence)
_PLACE_ABBREVIATION = re.compile(r"(?:St|Ste|Sta|Mt)\.")
_CONNECTORS = {"für", "und", "of", "and", "for", "de", "du", "la", "&", "am", "an", "der", "im"}


def name_chunk_after(text: str, pos: int, *, limit: int = 6, allow_lower_brand: bool = False) -> tuple[int, int] | None:
    """The span of a name starting at ``pos`` (after white space), or ``None``."""
    while pos < len(text) and text[pos] == " ":
        pos += 1
    if pos < len(text) and text[pos] in _QUOTE_OPEN:
        close = _find_close(text, pos)
        if close:
            return pos, close
    tokens = []
    for match in _NAME_TOKEN.finditer(text, pos):
        gap = text[(tokens[-1][1] if tokens else pos):match.start()]
        if gap.strip() or len(gap) > 1:
            break
        token = match.group(0).rstrip(".’'") if not match.group(0).endswith("e.V.") else match.group(0)
        if _PLACE_ABBREVIATION.fullmatch(match.group(0)) and re.match(r" [A-ZÄÖÜ]", text[match.end():match.end() + 2]):
            token = match.group(0)  # "St. Gallen", "St. Pölten": the dot abbreviates, the name goes on
        end = match.start() + len(token)
        if is_name_token(token, first=not tokens) or (allow_lower_brand and not tokens and re.fullmatch(_BRAND_LOWER, token)):
            tokens.append((match.start(), end, token))
        elif token in _CONNECTORS and tokens and token not in ("und", "and"):
            tokens.append((match.start(), end, token))
        else:
            break
        if len(tokens) >= limit:
            break
        if end < match.end() or (end < len(text) and text[end] in ",;:!?()\"“”„"):
            break
    while tokens and tokens[-1][2] in _CONNECTORS:
        tokens.pop()
    if not tokens:
        return None
    return tokens[0][0], tokens[-1][1]


def name_chunk_before(text: str, end: int, *, limit: int = 6, floor: int = 0) -> tuple[int, int] | None:
    """The span of a name ending at ``end`` (before white space), or ``None``."""
    while end > floor and text[end - 1] == " ":
        end -= 1
    if end > floor and text[end - 1] in _QUOTE_CLOSE:
        open_at = max(text.rfind(q, floor, end - 1) for q in _QUOTE_OPEN)
        if open_at >= floor and end - open_at < 120:
            return open_at, end
    words = list(re.finditer(r"[\w][\w\-&.’'+]*|&", text[floor:end]))
    chosen: list[tuple[int, int, str]] = []
    cursor = end
    for match in reversed(words):
        s, e = floor + match.start(), floor + match.end()
        gap = text[e:cursor]
        if chosen and (gap.strip() or len(gap) > 1):
            break
        token = match.group(0)
        if is_name_token(token, first=True) and (token.lower() not in lexicon.GENERIC_NAME_WORDS or token[:1].isupper()):
            chosen.append((s, e, token))
        elif token in _CONNECTORS and chosen and token not in ("und", "and", "der", "im", "am", "an"):
            chosen.append((s, e, token))
        else:
            break
        cursor = s
        if len(chosen) >= limit:
            break
    while chosen and chosen[-1][2] in _CONNECTORS:
        chosen.pop()
    if not chosen:
        return None
    return chosen[-1][0], chosen[0][1]


def _find_close(text: str, pos: int) -> int | None:
    opener = text[pos]
    closers = {"„": "“”\"", "“": "”“\"", '"': '"“”', "»": "«", "«": "»", "‚": "‘’'", "‘": "’'", "'": "'’"}[opener]
    for i in range(pos + 1, min(len(text), pos + 120)):
        if text[i] in closers:
            return i + 1
    return None


def strip_quotes(name: str) -> str:
    return name.strip(_QUOTE_OPEN + _QUOTE_CLOSE + " ")


_LEGAL_TAIL = re.compile(rf"\s+{lexicon.LEGAL_FORMS}$")


def clean_name(name: str) -> str:
    """A found name without quotes, leading articles/generic words and trailing punctuation.

    >>> clean_name("Das Netzwerk „Wasserstoff Nordost“")
    'Wasserstoff Nordost'
    """
    name = strip_quotes(" ".join(name.split()))
    words = name.split()
    while len(words) > 1 and words[0].lower().strip(_QUOTE_OPEN) in lexicon.GENERIC_NAME_WORDS:
        words = words[1:]
    name = strip_quotes(" ".join(words))
    name = _LEGAL_TAIL.sub("", name) or name
    return name.rstrip(",;:")


# --------------------------------------------------------------------------- ministries

_ADJ_LAND = r"(?:[A-ZÄÖÜ][a-zäöü]+(?:-[A-ZÄÖÜ][a-zäöü]+)?(?:isch|ländisch|sch)e[nsmr]?|Thüringer|Berliner|Hamburger|Bremer)"
# a ministry word, maybe after an adjective, never after a possessive ("im Namen des Ministeriums für seinen Einsatz")
_MW = r"(?:(?!(?:sein|ihr|unser|euer|mein|dein)e?[nrsm]?\s)[a-zäöü]+e[nrs]?\s+)?[A-ZÄÖÜ][\wäöüß\-]*"
_LAENDER = "|".join(re.escape(v) for v in lexicon.LAENDER)
MINISTRY_DE = re.compile(
    rf"(?:(?P<adj>{_ADJ_LAND})\s+)?(?P<head>Bundesministeri(?:um|ums)|Staatsministeri(?:um|ums)|Landesministeri(?:um|ums)|Ministeri(?:um|ums))"
    rf"\s+(?P<prep>für|des|der)\s+{_MW}(?:(?:,\s*{_MW})*\s+und\s+(?:für\s+)?{_MW})?"
    rf"(?P<land>\s+des\s+(?:Landes|Freistaat(?:e)?s)\s+(?:{_LAENDER})|\s+des\s+Saarlandes(?![\w-])|\s+(?:{_LAENDER})(?![\w-]))?"
)
_LAENDER_EN = "Baden-Württemberg|Baden-Wuerttemberg|Bavaria|Berlin|Brandenburg|Bremen|Hamburg|Hesse|Lower Saxony|" \
    "Mecklenburg-Vorpommern|Mecklenburg-Western Pomerania|North Rhine-Westphalia|Rhineland-Palatinate|Saarland|Saxony|" \
    "Saxony-Anhalt|Schleswig-Holstein|Thuringia"
MINISTRY_EN = re.compile(
    rf"(?:(?P<adj>[A-Z][a-z]+(?:ian|an|ish|ese|on)|German|Federal|Saxon|Bavarian|(?P<possessive>{_LAENDER_EN})(?:['’]s)?)\s+)?"
    r"(?:(?P<federal>Federal)\s+|State\s+)*"
    r"(?P<head>Ministry|Ministries)\s+(?P<prep>of|for)\s+(?:the\s+)?[A-Z][\w\-]*"
    r"(?:(?:,\s*[A-Z][\w\-]*(?:\s[A-Z][\w\-]*)?)*,?\s+and\s+[A-Z][\w\-]*(?:\s[A-Z][\w\-]*)?|\s+[A-Z][\w\-]*)*"
    rf"(?:\s+of\s+(?:the\s+(?:Free\s+)?(?:State|Land)\s+of\s+)?(?P<land>{_LAENDER_EN})(?![\w-]))?"
)
MINISTRY_WORD = re.compile(
    rf"\b(?:(?P<adj>{_ADJ_LAND})\s+)?(?:Bundes|Landes|Staats)?(?:[Ww]irtschafts|[Ff]orschungs|[Bb]ildungs|[Uu]mwelt|[Vv]erkehrs|"
    rf"[Ww]issenschafts|[Ii]nnovations|[Dd]igital)ministeri(?:um|ums)\b"
)
ACRONYM_MINISTRY = re.compile(r"^(?:BM[A-Z][A-Za-z]{0,5}|SM[A-Z][A-Za-z]{0,5}|[A-Z]M[A-Z]{2,6})$")


def _nominative_adjective(adj: str) -> str:
    """``Sächsischen`` -> ``Sächsisches`` (the neuter nominative before Staatsministerium)."""
    if adj in lexicon.REGION_ER_ADJECTIVES_DE:
        return adj
    for ending in ("en", "em", "er", "es", "e"):
        if adj.endswith(ending):
            return adj[: -len(ending)] + "es"
    return adj


def find_ministries(text: str, start: int, end: int) -> list[Candidate]:
    found = []
    segment = text[start:end]
    for match in MINISTRY_DE.finditer(segment):
        name = match.group(0)
        head = match.group("head")
        if head.endswith("ums"):
            name = name.replace(head, head[:-1], 1)
        adj = match.group("adj")
        if adj:
            name = name.replace(adj, _nominative_adjective(adj), 1)
        found.append(Candidate(start + match.start(), start + match.end(), name, "Ministry", match.group(0),
                               {"adjective": adj}))
    for match in MINISTRY_EN.finditer(segment):
        name = match.group(0)
        adj = match.group("adj")
        s = match.start()
        if adj == "German":  # "the German Federal Ministry of ..." is the Federal Ministry of ...
            s = match.start() + len("German ")
            name = segment[s:match.end()]
            adj = None
        land = match.group("land") or match.group("possessive")
        if match.group("possessive") and re.search(r"['’]s$", adj or ""):
            adj = None  # "North Rhine-Westphalia's Ministry of ...": the Land, not an adjective
        found.append(Candidate(start + s, start + match.end(), name, "Ministry", name, {"adjective": adj, "land": land}))
    for match in MINISTRY_WORD.finditer(segment):
        word = match.group(0)
        if not match.group("adj") and not word.startswith("Bundes"):
            continue  # "das Wirtschaftsministerium" alone: which one is not said
        name = word[:-1] if word.endswith("ums") else word
        adj = match.group("adj")
        if adj:
            name = name.replace(adj, _nominative_adjective(adj), 1)
        found.append(Candidate(start + match.start(), start + match.end(), name, "Ministry", word,
                               {"adjective": adj or "Bundes"}))
    return found


# --------------------------------------------------------------------------- acronyms


_ACRONYM_BRACKET = re.compile(r"\(\s*([A-ZÄÖÜ][A-Za-zÄÖÜäöü0-9&\-]{1,11})\s*\)")


def looks_like_acronym(token: str) -> bool:
    """``BMWi``, ``ECEI``, ``HMWEVL`` yes; ``Sachsen-Anhalt`` no.

    >>> [looks_like_acronym(t) for t in ("BMWi", "ECEI", "Sachsen-Anhalt", "AgroBioNet", "Kiel")]
    [True, True, False, False, False]
    """
    letters = [c for c in token if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return upper >= 2 and upper * 2 > len(letters)


def long_form(words: list[str], acronym: str) -> int | None:
    """Schwartz-Hearst: index into ``words`` where the long form of ``acronym`` starts, or None."""
    short = [c.lower() for c in acronym if c.isalnum()]
    if not short:
        return None
    text = " ".join(words).lower()
    s_index, l_index = len(short) - 1, len(text) - 1
    while s_index >= 0:
        ch = short[s_index]
        while l_index >= 0 and (text[l_index] != ch or (s_index == 0 and l_index > 0 and text[l_index - 1].isalnum())):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    start_char = text.rfind(" ", 0, l_index + 1) + 1
    return text[:start_char].count(" ")


def find_acronym_definitions(text: str, start: int, end: int) -> list[tuple[int, int, str, int, int]]:
    """``(long_start, long_end, acronym, acr_start, acr_end)`` for ``Long Form (LF)`` in the span."""
    results = []
    for match in _ACRONYM_BRACKET.finditer(text, start, end):
        acronym = match.group(1)
        if not looks_like_acronym(acronym):
            continue
        before_end = match.start()
        while before_end > start and text[before_end - 1] in " " + _QUOTE_CLOSE:
            before_end -= 1
        window_start = max(start, before_end - 160)
        words = list(re.finditer(r"\S+", text[window_start:before_end]))
        limit = min(len(acronym) + 5, len(acronym) * 2)
        words = words[-limit:]
        if not words:
            continue
        index = long_form([strip_quotes(w.group(0)) for w in words], acronym)
        if index is None:
            continue
        long_start = window_start + words[index].start()
        while long_start < before_end and text[long_start] in _QUOTE_OPEN:
            long_start += 1
        if not text[long_start:long_start + 1].isupper():
            continue
        results.append((long_start, before_end, acronym, match.start(1), match.end(1)))
    return results


def classify(name: str) -> str:
    """A guess of an entity type from the words of its name."""
    if lexicon.MINISTRY_WORDS.search(name):
        return "Ministry"
    if lexicon.CLUSTER_HEAD.search(name.split()[-1]) or re.search(r"cluster|netz|network|valley|allianz|alliance|verbund|bündnis",
                                                                   name, re.I):
        return "Cluster"
    if lexicon.PROGRAMME_WORDS.search(name):
        return "Programme"
    if lexicon.ORGANISATION_WORDS.search(name):
        return "Organisation"
    return "Organisation"


# --------------------------------------------------------------------------- organisation names

# words no organisation name is made of alone: participles, headers, contact lines, generic nouns
_NOT_A_NAME = re.compile(
    r"^(?:ge[a-zäöüß]+(?:t|en)|[a-zäöüß]+ge[a-zäöüß]+t|[\w-]+-(?:based|headquartered|certified|zertifiziert|basierte?[nrs]?)|"
    r"Forum|News|Newsletter|Observer|Manager|Telefon|Tel|Fax|E-Mail|Email|Press\s+Office|Pressestelle|Pressekontakt|"
    r"Impressum|Imprint|Kontakt|Contact|European|Europäisch\w*|"
    r"[A-ZÄÖÜ]?[\w-]*(?:[Vv]ereins|[Cc]lusters|[Nn]etzwerks|[Vv]erbands))$")
_CONTACT_WORDS = re.compile(r"\b(?:Telefon|Tel\.|Fax|E-Mail|Straße|Strasse|Str\.|Street|Road|Postfach)\b|^\d{4,5}\s|(?<!\d)\d{3,}\s+\d{3,}")
_BASED_PREFIX = re.compile(r"^[A-ZÄÖÜ][\w.-]*-(?:based|headquartered|basierte?[nrs]?)\s+(?=\S)")
_ROLE_PREFIX = re.compile(r"^(?:Vorgänger(?:in)?|Nachfolger(?:in)?|Predecessor|Successor|Mitglied|Member)\s")
_MEMBER_TAIL = re.compile(r"\s+(?:Mitglied|Member|Partner)$")
_POSSESSIVE = re.compile(r"['’]s$")
_MONTH_NAME = re.compile(r"^(?:" + "|".join(MONTH_NAMES) + r"|Montag|Dienstag|Mittwoch|Donnerstag|"
                         r"Freitag|Samstag|Sonntag|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")
_TIER_WORD = re.compile(r"^(?:Gold|Silber|Silver|Bronze)(?:-?[Ll]abel|-Stufe|-Status)?$")


def organisation_name(name: str) -> str | None:
    """The name of an organisation a finder proposed, repaired, or ``None`` when it is no name.

    A participle, a month or weekday, a label tier, a contact line, a generic header word or a
    genitive cluster noun names nothing; ``X-based`` before a name and ``Mitglied`` after it are
    dropped; a possessive ``’s`` is dropped.

    >>> [organisation_name(n) for n in ("wiedergewählt", "Würzburg-based BahnTech Mainfranken", "ISN’s",
    ...                                  "Silber-Label", "Vorgänger Jens Ohlsen", "Telefon 04721 555 010", "TexAlb",
    ...                                  "Québec's AI")]
    [None, 'BahnTech Mainfranken', 'ISN', None, None, None, 'TexAlb', None]
    """
    name = " ".join(name.split())
    if _ROLE_PREFIX.match(name) or _CONTACT_WORDS.search(name):
        return None
    based = _BASED_PREFIX.sub("", name)
    if based != name and " " not in based and not re.search(r"\w[A-Z0-9]", based):
        return None  # "Rennes-based Breton": a demonym, the cluster's name comes elsewhere
    name = based
    name = _MEMBER_TAIL.sub("", name)
    if any(_POSSESSIVE.search(word) for word in name.split()[:-1]):
        return None  # "Québec's AI (cluster)": a description by its place, the name comes elsewhere
    name = _POSSESSIVE.sub("", name)
    if not name or _NOT_A_NAME.match(name) or _MONTH_NAME.match(name) or _TIER_WORD.match(name):
        return None
    return name
