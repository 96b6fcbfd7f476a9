"""Pass two: every mention of a known name, region adjective, sector and quality label in a sentence.

Names are matched word by word against the gazetteer index and the document's own lexicon
(:class:`~clustergraph.extract.resolve.Registry`): longest match first, case-insensitive for names
of several words, case-checked for one-word names (``Essen`` the city, not ``essen``; ``ECEI``
only in capitals), with a genitive ``s`` allowed (``biosaxonys``, ``Sachsens``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clustergraph.extract import lexicon
from clustergraph.extract.gazetteer import fold
from clustergraph.extract.resolve import Referent, Registry

_TOKEN = re.compile(r"[^\W_]+")
_LEGAL_AFTER = re.compile(r"\s+(?:e\.\s?V\.?|gGmbH|GmbH|mbH|AG|Ltd\.?|Inc\.?|LLC)(?![\w])")
_JOINERS = frozenset({" + ", " & ", " / ", "! – ", "! - "})  # inside one name: "VDI/VDE Innovation + Technik GmbH"
_TYPE_SUFFIX = re.compile(r"-(?:Programms?|Programmes?|Wettbewerbs?|Initiative|Netzwerks?|Clusters?|Mitglied(?:er|ern)?)\b")


@dataclass
class Mention:
    start: int
    end: int
    ref: Referent
    kind: str = "name"  # name, adjective, sector, label, anaphor
    attrs: dict = field(default_factory=dict)

    @property
    def type(self) -> str:
        ref = self.ref
        return ref.type if "merged_into" not in ref.attrs else Registry.final(ref).type


def _case_ok(token_text: str, surfaces: set[str]) -> bool:
    for surface in surfaces:
        if surface == token_text:
            return True
        if surface.isupper() or sum(1 for c in surface if c.isupper()) >= 2 and len(surface) <= 6:
            continue  # acronyms only as written
        if surface[:1].isupper() and not token_text[:1].isupper():
            continue
        return True
    return False


def scan_names(text: str, start: int, end: int, registry: Registry) -> list[Mention]:
    """Mentions of gazetteer and document names in ``text[start:end]``."""
    tokens = [(m.start(), m.end(), fold(m.group(0))) for m in _TOKEN.finditer(text, start, end)]
    gazetteer_prefixes = registry.gazetteer.prefixes
    doc_prefixes = registry.prefixes
    lexicon = registry.lexicon
    index = registry.gazetteer.index
    found: list[Mention] = []
    i = 0
    n = len(tokens)
    while i < n:
        best = None
        key = tokens[i][2]
        j = i
        while True:
            in_prefix = key in gazetteer_prefixes or key in doc_prefixes
            if key in lexicon or key in index:  # cheap membership tests before resolving
                ref = _resolve_key(key, text[tokens[i][0]:tokens[j][1]], j - i + 1, registry)
            else:
                ref = None
            if ref is None and len(tokens[j][2]) > 3 and key[-1] == "s":
                variant = key[:-1]  # genitive: biosaxonys, Sachsens
                if variant in lexicon or variant in index:
                    ref = _resolve_key(variant, text[tokens[i][0]:tokens[j][1]], j - i + 1, registry)
            if ref is not None:
                best = (j, ref)
            if not in_prefix or j + 1 >= n or (tokens[j + 1][0] - tokens[j][1] > 2
                                               and text[tokens[j][1]:tokens[j + 1][0]] not in _JOINERS):
                break
            j += 1
            key = key + " " + tokens[j][2]
        if best is None:
            i += 1
            continue
        j, ref = best
        m_start, m_end = tokens[i][0], tokens[j][1]
        legal = _LEGAL_AFTER.match(text, m_end)
        if legal and legal.end() <= end:
            m_end = legal.end()
        suffix = _TYPE_SUFFIX.match(text, m_end)
        attrs = {"suffix": suffix.group(0)} if suffix and suffix.end() <= end else {}
        if attrs:
            m_end = suffix.end()
        found.append(Mention(m_start, m_end, ref, "name", attrs))
        i = j + 1
        while i < n and tokens[i][0] < m_end:
            i += 1
    return found


def _resolve_key(key: str, written: str, length: int, registry: Registry) -> Referent | None:
    ref = registry.lexicon.get(key)
    if ref is not None:
        if length == 1 and ref.entry is None:
            surfaces = {a for a in [ref.name, *ref.aliases] if " " not in a.strip()}
            if surfaces and not _case_ok(written, surfaces):
                return None
        return Registry.final(ref)
    gazetteer = registry.gazetteer
    iris = gazetteer.index.get(key)
    if not iris:
        return None
    if length == 1 and not _case_ok(written, gazetteer.surfaces.get(key, set())):
        return None
    entry = gazetteer.choose([gazetteer.entries[i] for i in iris], registry.date)
    return Registry.final(registry.from_entry(entry, written))


# --------------------------------------------------------------------------- region adjectives

def _adjective_pattern() -> re.Pattern:
    stems = sorted(lexicon.REGION_ADJECTIVES_DE, key=len, reverse=True)
    german = "|".join(re.escape(s) for s in stems)
    english = "|".join(re.escape(s) for s in sorted(lexicon.REGION_ADJECTIVES_EN, key=len, reverse=True))
    er = "|".join(re.escape(s) for s in lexicon.REGION_ER_ADJECTIVES_DE)
    prefixes = "|".join(re.escape(p) for p in lexicon.SUBREGION_PREFIXES)
    return re.compile(
        rf"(?<![\w-])(?:(?:(?P<gesamt>[Gg]esamt)|(?P<sub>(?i:{prefixes})))?(?P<de>(?i:{german}))(?:e|en|er|es|em)(?![\w])"
        rf"|(?P<en>{english})(?![\w])|(?P<er>{er})(?=\s+[A-ZÄÖÜ]))"
    )


REGION_ADJECTIVE = _adjective_pattern()
_BASED = re.compile(r"(?<![\w-])([A-ZÄÖÜ][\w]+(?:[-/][A-ZÄÖÜ][\w]+)*)-(?:based|headquartered|basierte[nrs]?)\b")


_ADJECTIVE_HINT = re.compile(
    "sch|-based|-headquartered|-basiert|" + "|".join(re.escape(a) for a in lexicon.REGION_ADJECTIVES_EN)
    + "|" + "|".join(re.escape(a) for a in lexicon.REGION_ER_ADJECTIVES_DE)
)


def scan_region_adjectives(text: str, start: int, end: int, registry: Registry) -> list[Mention]:
    found = []
    if not _ADJECTIVE_HINT.search(text, start, end):
        return found
    for match in REGION_ADJECTIVE.finditer(text, start, end):
        if match.group("de"):
            stem = match.group("de").lower()
            if stem == "deutsch" and match.group("gesamt") is None and text[match.start() - 1:match.start()] not in " (\n":
                continue
            region = lexicon.REGION_ADJECTIVES_DE.get(stem) or lexicon.REGION_ADJECTIVES_DE.get(match.group("de"))
            if region is None:
                continue
            if stem == "deutsch" and not re.match(r"\s+[A-ZÄÖÜ]", text[match.end():match.end() + 2]):
                continue
            if match.group("sub"):
                region = match.group("sub").rstrip("-").capitalize() + (region.lower() if region != "Deutschland" else "deutschland")
        elif match.group("en"):
            region = lexicon.REGION_ADJECTIVES_EN[match.group("en")]
        else:
            region = lexicon.REGION_ER_ADJECTIVES_DE[match.group("er")]
        ref = registry.get(region, "Region", attrs={"country": region in lexicon.COUNTRIES})
        found.append(Mention(match.start(), match.end(), ref, "adjective"))
    if text.find("-bas", start, end) < 0 and text.find("-headq", start, end) < 0:  # nothing for _BASED to find
        return found
    for match in _BASED.finditer(text, start, end):
        ref = registry.known(match.group(1), "Region") or registry.get(match.group(1), "Region")
        found.append(Mention(match.start(), match.end(), ref, "adjective", {"based": True}))
    return found


# --------------------------------------------------------------------------- sectors

def _class_characters(c, items) -> set[str] | None:
    """The characters of a parsed character class (``[ab]``, ``[a-f]``; ``c`` is ``re._constants``),
    or ``None`` when it holds anything else (``\\w``, a negation, a wide range)."""
    chars: set[str] = set()
    for kind, value in items:
        if kind is c.LITERAL:
            chars.add(chr(value))
        elif kind is c.RANGE and value[1] - value[0] < 256:
            chars.update(chr(v) for v in range(value[0], value[1] + 1))
        else:
            return None
    return chars


def first_characters(pattern: str) -> str | None:
    """The characters every match of ``pattern`` starts with, or ``None`` when that is not plain.

    Used to put a cheap look-ahead in front of a long alternation (the regex engine then skips
    positions at once instead of trying every alternative); ``None`` means no look-ahead.

    >>> first_characters("biotech(?:nologie)?|(?:medizin|med)tech|[ab]c+")
    'abm'
    >>> first_characters("x?y") is None, first_characters("(?i:abc)") is None
    (True, True)
    """
    try:
        from re import _constants as c
        from re import _parser
    except ImportError:  # another Python: no look-ahead, same matches
        return None

    def first(items) -> set[str] | None:
        if not items:
            return None
        op, av = items[0]
        if op is c.LITERAL:
            return {chr(av)}
        if op is c.IN:
            return _class_characters(c, av)
        if op is c.BRANCH:
            chars = set()
            for alternative in av[1]:
                more = first(alternative.data)
                if more is None:
                    return None
                chars |= more
            return chars
        if op is c.SUBPATTERN:
            _, add_flags, _, sub = av
            return None if add_flags & re.IGNORECASE else first(sub.data)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            return first(av[2].data)
        return None

    try:
        parsed = _parser.parse(pattern)
    except (re.error, AttributeError, TypeError):
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    chars = first(parsed.data)
    return "".join(sorted(chars)) if chars else None


def leading_characters(pattern: str) -> str | None:
    """Like :func:`first_characters`, but looking further: the characters every match of ``pattern``
    starts with, or ``None`` when that is not plain.

    Used by :func:`with_first_characters`.
    Zero-width items (``\\b``, ``^``, look-arounds) and optional items are looked through;
    a pattern that can match the empty string, ignores case or starts with a class such as
    ``\\w`` or ``.`` has no plain first characters.

    >>> leading_characters("biotech(?:nologie)?|(?:medizin|med)tech|[ab]c+")
    'abm'
    >>> leading_characters(r"\\b(?:x?y|(?<!-)z)"), leading_characters("x?") is None, leading_characters("(?i:abc)") is None
    ('xyz', True, True)
    """
    try:
        from re import _constants as c
        from re import _parser
    except ImportError:  # another Python: no look-ahead, same matches
        return None
    zero_width = (c.AT, c.ASSERT, c.ASSERT_NOT)
    repeats = tuple(getattr(c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(c, name))

    def first_of_sequence(items) -> tuple[set[str], bool] | None:
        """(first characters, whether the sequence can match the empty string), or None when not plain."""
        chars: set[str] = set()
        for item in items:
            found = first_of_item(*item)
            if found is None:
                return None
            chars |= found[0]
            if not found[1]:
                return chars, False
        return chars, True

    def first_of_item(op, av) -> tuple[set[str], bool] | None:
        if op in zero_width:
            return set(), True
        if op is c.LITERAL:
            return {chr(av)}, False
        if op is c.IN:
            chars = _class_characters(c, av)
            return None if chars is None else (chars, False)
        if op is c.BRANCH:
            chars, empty = set(), False
            for alternative in av[1]:
                found = first_of_sequence(alternative.data)
                if found is None:
                    return None
                chars |= found[0]
                empty = empty or found[1]
            return chars, empty
        if op is c.SUBPATTERN:
            _, add_flags, _, sub = av
            return None if add_flags & re.IGNORECASE else first_of_sequence(sub.data)
        if op in repeats:
            found = first_of_sequence(av[2].data)
            return None if found is None else (found[0], found[1] or av[0] == 0)
        return None

    try:
        parsed = _parser.parse(pattern)
    except (re.error, AttributeError, TypeError):
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    found = first_of_sequence(parsed.data)
    if found is None or found[1] or not found[0]:
        return None
    return "".join(sorted(found[0]))


def with_first_characters(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` with a look-ahead for the characters its matches start with (see :func:`leading_characters`).

    The same matches and groups, found faster: the engine skips every position the look-ahead
    rules out instead of trying each alternative there. Returned unchanged when the first
    characters are not plain (or the pattern ignores case).

    >>> fast = with_first_characters(re.compile(r"\\b(?:gefördert|funded)\\b"))
    >>> fast.pattern.startswith("(?=["), fast.search("It was funded.").span()
    (True, (7, 13))
    """
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return pattern
    chars = leading_characters(pattern.pattern)
    if not chars:
        return pattern
    lookahead = "(?=[" + "".join(re.escape(ch) for ch in chars) + "])"
    try:
        return re.compile(lookahead + "(?:" + pattern.pattern + ")", pattern.flags)
    except re.error:  # e.g. inline global flags, which must come first: keep the pattern as it is
        return pattern


# matched against the lower-cased text; a sector word starts a word or a compound part
SECTOR_ALTERNATIVES = "|".join(f"(?P<s{i}>{variants})" for i, (_, _, variants) in enumerate(lexicon.SECTORS))
_SECTOR_FIRST = first_characters(SECTOR_ALTERNATIVES)
SECTOR_PATTERN = re.compile(
    r"(?<![a-zäöüß])"
    + ("(?=[" + "".join(re.escape(ch) for ch in _SECTOR_FIRST) + "])" if _SECTOR_FIRST else "")
    + "(?:" + SECTOR_ALTERNATIVES + ")"
)


def scan_sectors(text: str, start: int, end: int, registry: Registry, lowered: str | None = None) -> list[Mention]:
    """Sector words; ``lowered`` is ``text.lower()`` when the caller has it (same length required)."""
    found = []
    if lowered is None or len(lowered) != len(text):
        lowered = text.lower()
        if len(lowered) != len(text):
            return found
    for match in SECTOR_PATTERN.finditer(lowered, start, end):
        index = int(match.lastgroup[1:])
        german, english, _ = lexicon.SECTORS[index]
        name = german if registry.language == "de" else english
        ref = registry.get(name, "Sector", use_gazetteer=False)
        ref.add_alias(german)
        ref.add_alias(english)
        found.append(Mention(match.start(), match.end(), ref, "sector", {"surface": text[match.start():match.end()]}))
    return found


# --------------------------------------------------------------------------- labels

_TIER = r"(?:[Gg]old|GOLD|[Ss]ilber|SILBER|[Ss]ilver|SILVER|[Bb]ronze|BRONZE|[Pp]latin(?:um)?)"
LABEL_PATTERN = re.compile(
    rf"(?P<a>(?:Qualitäts|Cluster[- ]?[Mm]anagement[- ]Excellence[- ]|Excellence[- ])?(?:[Ll]abel[s]?|[Ss]iegel)\s+(?:in\s+|„|“|\")?"
    rf"{_TIER}(?:\s*(?:,|oder|und|bzw\.|or|and|/)\s*{_TIER})*)"
    rf"|(?P<b>{_TIER}(?:\s*(?:,|oder|und|bzw\.|or|and|/)\s*{_TIER})*[- ]?(?:[Qq]ualitäts)?(?:[Ll]abel|Zertifikat|Zertifizierung|[Cc]ertificat(?:e|ion)|Siegel|[Ss]tatus|[Ll]evel))"
    rf"|(?P<c>{_TIER}label)"
)
_TIER_WORD = re.compile(_TIER)
_LABEL_HINT = re.compile(r"[Gg]old|GOLD|[Ss]il|SIL|[Bb]ronze|BRONZE|[Pp]latin")
LABEL_PATTERN, _LABEL_HINT = with_first_characters(LABEL_PATTERN), with_first_characters(_LABEL_HINT)  # run per sentence


def scan_labels(text: str, start: int, end: int) -> list[tuple[int, int, list[str]]]:
    """Quality label phrases: ``(start, end, tiers)`` with tiers in English (``Gold``, ``Silver``)."""
    found = []
    if not _LABEL_HINT.search(text, start, end):
        return found
    for match in LABEL_PATTERN.finditer(text, start, end):
        tiers = []
        for tier in _TIER_WORD.findall(match.group(0)):
            name = lexicon.TIERS[tier.lower().rstrip("um") if tier.lower().startswith("platin") else tier.lower()] \
                if not tier.lower().startswith("platin") else "Platinum"
            if name not in tiers:
                tiers.append(name)
        if tiers:
            found.append((match.start(), match.end(), tiers))
    return found
