"""Figures: numbers an announcement states, with qualifier, unit and the entity they are about.

``mehr als 500 Cluster aus 35 Ländern`` -> 500 clusters (qualifier "more than") and 35 countries;
``bis zu 40 Millionen Euro`` -> 40000000 EUR, "up to". Counts of members, staff or winners may be written
as words (``sieben Gewinner``, ``three research institutes``) or stand in a labelled row
(``Number of members 58``, ``Mitglieder: 120``); sums may carry a short scale (``EUR 1.5m``). Dates, years, ordinals, percentages, time
spans and phone numbers are not figures. The subject is the organisation or programme named
before the number in the sentence, else the announcement's cluster when the sentence refers to
it (``wir``, ``our``, ``the cluster``), else the programme named last in the paragraph, else the
announcement's programme.

>>> [(f.value, f.qualifier, f.unit) for f in find_numbers("bezieht sich auf mehr als 500 Cluster aus 35 Ländern", "de")]
[(500, 'more than', 'clusters'), (35, None, 'countries')]
>>> [(f.value, f.qualifier, f.unit) for f in find_numbers("mit bis zu 40 Millionen Euro gefördert", "de")]
[(40000000, 'up to', 'EUR')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUALIFIERS = {
    "mehr als": "more than", "über": "more than", "more than": "more than", "over": "more than",
    "rund": "about", "etwa": "about", "ca.": "about", "circa": "about", "about": "about", "around": "about",
    "approximately": "about", "approx.": "about", "some": "about", "knapp": "almost", "nearly": "almost",
    "almost": "almost", "fast": "almost", "bis zu": "up to", "up to": "up to", "mindestens": "at least",
    "at least": "at least", "weniger als": "less than", "less than": "less than", "fewer than": "less than",
}
_QUAL = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
SCALES = {"millionen": 1e6, "million": 1e6, "mio": 1e6, "mio.": 1e6, "milliarden": 1e9, "milliarde": 1e9,
          "mrd": 1e9, "mrd.": 1e9, "billion": 1e9, "bn": 1e9, "tsd": 1e3, "tsd.": 1e3, "thousand": 1e3,
          "tausend": 1e3, "m": 1e6}
CURRENCIES = {"euro": "EUR", "euros": "EUR", "eur": "EUR", "€": "EUR", "us-dollar": "USD", "dollar": "USD",
              "dollars": "USD", "usd": "USD", "$": "USD"}
UNITS = {
    "cluster": "clusters", "clustern": "clusters", "clusters": "clusters", "spitzencluster": "clusters",
    "ländern": "countries", "länder": "countries", "staaten": "countries", "countries": "countries",
    "mitglieder": "members", "mitgliedern": "members", "mitgliedsunternehmen": "member companies",
    "unternehmen": "companies", "firmen": "companies", "partner": "partners", "partnern": "partners",
    "mitarbeiter": "employees", "mitarbeitern": "employees", "beschäftigte": "employees", "beschäftigten": "employees",
    "projekte": "projects", "projekten": "projects", "einrichtungen": "institutions", "hochschulen": "universities",
    "forschungseinrichtungen": "research institutions", "akteure": "actors", "akteuren": "actors",
    "organisationen": "organisations", "institute": "institutes", "instituten": "institutes",
}
_SKIP_UNITS = re.compile(
    r"^(?:jahre?n?|years?|monate?n?|months?|tage?n?|days?|wochen?|weeks?|stunden?|hours?|minuten?|minutes?|"
    r"prozent|percent|per|uhr|mal|times|runde|round|st|nd|rd|th|seiten?|pages?|kw|km|m|kg|t|"
    r"januar|january|februar|february|märz|march|april|mai|may|juni|june|juli|july|august|september|oktober|"
    r"october|november|dezember|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dez|dec|"
    r"comments?|reposts?|likes?|shares?|views?|followers?|kommentare?|reactions?)$",
    re.IGNORECASE,
)
NUMBER = re.compile(
    rf"(?<![\w.,:])(?:(?P<qual>(?i:{_QUAL}))\s+)?(?P<cur1>€|\$|EUR\s)?\s?(?P<num>\d{{1,3}}(?:[.,]\d{{3}})+|\d+(?:[.,]\d+)?)(?![\d.]\d)"
    r"(?:\s*(?P<scale>Millionen|Million|Mio\.?|Milliarden|Milliarde|Mrd\.?|million|billion|bn|Tsd\.?|thousand|Tausend)(?![\w])|(?P<short>m|bn|k)(?![\w]))?"
    r"(?:\s*(?P<cur>Euro|EUR|€|euros?|US-Dollar|Dollars?|USD)(?![\w]))?"
    r"(?=(?P<unit>\s+(?:[A-ZÄÖÜ][\wäöüß\-]+|[a-z][a-z\-]+(?:\s+(?:organisations|organizations|companies|members|institutions))?)))?"
)


_DIGIT = re.compile(r"\d")
_POSTCODE = re.compile(r"\d{5}")
# a town ending the line or the address: "27472 Cuxhaven", "67433 Neustadt an der Weinstraße", "06108 Halle (Saale)"
_TOWN_AFTER = re.compile(r"\s+[A-ZÄÖÜ][\w\-.]*(?:\s+(?:am|an\s+der|ob\s+der|im|\([\w\s.]+\)|[A-ZÄÖÜ][\w\-.]*))*\s*(?:$|[\n,;|·])")
_ADDRESS_BEFORE = re.compile(r"(?:^|,|\n|\bD-|·|\|)\s*$")
# "Förderbescheid über", "einen Scheck über", "Zuwendungsbescheid ... über": "über" gives the amount
_DOCUMENT_OF_AMOUNT = re.compile(r"(?:[Bb]escheid|[Ss]check|[Zz]usage|[Vv]ertrag|[Rr]echnung|[Aa]ntrag)\w*\b[^,.;]{0,60}$")


_ITEM_BEFORE = re.compile(r"(?i)\b(?:TOP|Tagesordnungspunkt|Punkt|Item|Kapitel|Chapter|Section|Abschnitt|Anlage|Annex|Phase|"
                          r"Runde|Round|Stufe|Level|Seite|Page|Heft|Ausgabe|Issue|Folie|Slide|Lot|Los|Modul|Module)\s*$")
_SHORT_SCALES = {"m": 1e6, "bn": 1e9, "k": 1e3}


@dataclass
class NumberMention:
    start: int
    end: int
    value: float | int
    qualifier: str | None
    unit: str | None
    number_end: int = 0  # end of the digits (before scale, currency and unit)


def _value(text: str, language: str) -> float | int:
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", text):
        sep = text[-4]
        if (sep == "." and language == "de") or (sep == "," and language != "de") or text.count(sep) > 1:
            return int(re.sub(r"[.,]", "", text))
    return float(text.replace(",", ".")) if re.search(r"[.,]", text) else int(text)


def find_numbers(text: str, language: str, skip: list[tuple[int, int]] = ()) -> list[NumberMention]:
    """Figures in ``text`` (one sentence), outside the ``skip`` spans (dates)."""
    found = _word_numbers(text, skip) if _NUMBER_WORD_HINT.search(text) else []
    if not _DIGIT.search(text):
        return found
    for match in NUMBER.finditer(text):
        ns, ne = match.span("num")
        if any(s < ne and ns < e for s, e in skip):
            continue
        if ns == 0 and (re.match(r"\d+(?:\.\d+)+\s", text) or len(text) < 60):
            continue  # a section number or a numbered heading: "3.1 Bronze label"
        if match.group("short") and not match.group("cur1"):
            continue  # "5m" without a currency: a length, not a sum
        if ne < len(text) and text[ne] == "." and not match.group("scale") and not match.group("cur1") and (ne + 1 >= len(text) or text[ne + 1] == " ") \
                and not match.group("unit"):
            continue
        before = text[max(0, ns - 6):ns]
        if re.search(r"(?:Nr\.|No\.|§|Platz|Tel\.?|\+)\s*$", before) or re.search(r"\d[ /-]$", before):
            continue
        if _ITEM_BEFORE.search(text, max(0, ns - 20), ns):
            continue  # "TOP 3 Projekte", "Phase 2 startet", "Kapitel 4 Ergebnisse": a numbered item
        if ne < len(text) and text[ne:ne + 2].strip()[:1] in ("%", "/", ":"):
            continue
        if _POSTCODE.fullmatch(match.group("num")) and _ADDRESS_BEFORE.search(text, 0, ns) and _TOWN_AFTER.match(text, ne):
            continue  # "Am Hafen 12, 27472 Cuxhaven": a postcode
        currency = match.group("cur") or (match.group("cur1") or "").strip()
        unit_word = (match.group("unit") or "").strip()
        if not currency and not unit_word:
            continue
        if not currency and (_SKIP_UNITS.match(unit_word.split()[0]) or unit_word.split()[0].lower() in ("und", "and", "bis", "to", "oder", "or")):
            continue
        raw = match.group("num")
        value = _value(raw, language)
        if not currency and not match.group("qual") and isinstance(value, int) and 1900 <= value <= 2100:
            continue
        if match.group("short"):
            value = value * _SHORT_SCALES[match.group("short")]
        elif match.group("scale"):
            value = value * SCALES[match.group("scale").lower().rstrip(".") if match.group("scale").lower() not in SCALES else match.group("scale").lower()]
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        unit = CURRENCIES.get(currency.lower()) if currency else UNITS.get(unit_word.lower(), unit_word.lower())
        qualifier = QUALIFIERS.get(match.group("qual").lower()) if match.group("qual") else None
        if match.group("qual") and match.group("qual").lower() == "über" and _DOCUMENT_OF_AMOUNT.search(text, 0, match.start("qual")):
            qualifier = None  # "den Förderbescheid über 280.000 Euro": the amount the document states, not "more than"
        start = match.start("qual") if match.group("qual") else ns
        end = match.end("cur") if currency and match.group("cur") else (match.end("unit") if unit_word else ne)
        found.append(NumberMention(start, end, value, qualifier, unit, ne))
    found += _labelled_counts(text, skip, found)
    found.sort(key=lambda n: n.start)
    return found


# what a cluster is made of: a count of these with a verb of gathering is the cluster's size
_MEMBER_UNIT = re.compile(r"(?i)(?:members?|member\s+companies|mitglied\w*|companies|unternehmen|firmen|partners?|partnern|"
                          r"betrieb\w*|hersteller\w*|akteur\w*|smes?|kmus?|shipyards?|organi[sz]ations|institutions|einrichtungen|"
                          r"forschungseinrichtungen|research\s+(?:institutes|institutions)|hochschulen|universities)")
_MEMBERS_BY_NAME = re.compile(r"(?i)(?:members?|member\s+companies|mitglied\w*)")
_GATHERS = re.compile(r"(?i)\b(?:bündel\w*|vereint|vereinigt|vernetzt|brings?\s+together|unites?|represents?|vertritt|vertreten|"
                      r"zählt|umfasst|gehören)\s+(?:\S+\s+){0,2}$")
_UNIT_AFTER = re.compile(r"\s+(?:(?:weitere|neue|new|further|additional|small|kleine|mittelständische)\s+(?:and\s+[\w-]+\s+)?)?"
                         r"([\w-]+(?:\s+(?:companies|members|institutes|institutions))?)")


def counts_members(text: str, start: int, number_end: int) -> bool:
    """Whether the number at ``text[start:number_end]`` counts what a cluster is made of: members by
    name (``112 Mitglieder``, ``60 Mitgliedsfirmen``) or companies and partners it gathers (``bündelt
    rund 70 Hersteller``, ``brings together 38 partners``); not SMEs it supports or applications.

    >>> counts_members("It brings together about 110 companies.", 19, 28)
    True
    >>> counts_members("It will support around 400 SMEs with vouchers.", 16, 26)
    False
    """
    row = _LABELLED.match(text, start)
    if row is not None and row.end("num") == number_end:  # "Number of members 58", "(of which SMEs: 41)"
        return bool(_MEMBER_UNIT.fullmatch(row.group("label")))
    unit = _UNIT_AFTER.match(text, number_end)
    if unit is None or not _MEMBER_UNIT.fullmatch(unit.group(1)):
        return False
    if _MEMBERS_BY_NAME.fullmatch(unit.group(1)) or _GATHERS.search(text[max(0, start - 60):start]):
        return True
    before = _COORDINATED_COUNT.search(text, max(0, start - 60), start)
    if before is not None and counts_members(text, before.start("num"), before.end("num")):
        return True  # "bündelt 34 Unternehmen und sieben Forschungseinrichtungen"
    return bool(start <= 4 and _JOIN_AFTER.search(text, unit.end(), unit.end() + 120))


# "34 Unternehmen und ", "11 companies and ": a count coordinated with the one that follows
_COORDINATED_COUNT = re.compile(r"(?P<num>(?<![\d.,])\d[\d.,]*|(?i:\b(?:eleven|twelve|zwölf|elf|three|drei|four|vier|five|fünf|six|sechs|seven|sieben|eight|acht|nine|neun|ten|zehn)))\s+(?:[\w-]+\s+){1,5}(?:und|and|sowie|as\s+well\s+as)\s+$")
# a count opening the sentence and a verb of joining after it: "Eleven companies ... have joined forces"
_JOIN_AFTER = re.compile(r"(?i)\b(?:have|has)\s+joined\s+forces|\bhaben\s+sich\b[^.;]{0,60}\b(?:zusammengeschlossen|vernetzt)|"
                         r"\b(?:form|bilden)\s+(?:the|das|den|die)\s+(?:network|netzwerk|cluster)")


# ---- numbers written as words: "sieben Gewinner", "three clusters", "rund hundert Werkstätten" ----
NUMBER_WORDS = {
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11,
    "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18,
    "neunzehn": 19, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70,
    "achtzig": 80, "neunzig": 90, "hundert": 100, "einhundert": 100,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "one hundred": 100,
}
_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMBER_WORD_HINT = re.compile(rf"(?i)(?<![\w-])(?:{_WORDS})(?![\w-])")
_WORD_NUMBER = re.compile(
    rf"(?<![\w-])(?:(?P<qual>(?i:{_QUAL}))\s+)?(?P<word>(?i:{_WORDS}))(?![\w-])"
    r"(?:\s+(?P<scale>Millionen|Million|million|Milliarden|billion)(?![\w]))?(?:\s+(?P<cur>Euro|EUR|euros?)(?![\w]))?"
    r"(?=\s+(?:(?:weitere|neue|new|further|additional|small|kleine|mittelständische|regionale)\s+(?:and\s+[\w-]+\s+)?)?"
    r"(?P<unit>[A-Za-zÄÖÜäöüß][\wäöüß\-]*))?"
)
# what a number word may count: what a cluster is made of, its staff, the winners or new members of a round
_AMONG_AFTER = re.compile(r"(?i)\s+(?:zu\s+(?:seinen|ihren|den)\s+Mitglied\w*|among\s+(?:its|their|the)\s+members)")
_PART_BEFORE = re.compile(r"(?i)\b(?:mit|with|von|by|of|from|aus|unter|among|zwischen|between)\s+$")
_WORD_COUNTED = re.compile(
    r"(?i)^(?:members?|mitglied\w*|neumitglied\w*|member|companies|unternehmen|firmen|betriebe\w*|smes?|kmus?|partners?|"
    r"partnern?|(?:forschungs)?einrichtungen|forschungsinstitut\w*|institut\w*|hochschulen|universities|universitäten|"
    r"research|mitarbeitende\w*|mitarbeiter\w*|beschäftigte\w*|employees|staff|gewinner\w*|winners?|preisträger\w*|"
    r"cluster-?organisation\w*|cluster\s+organi[sz]ations|werkstätten|hersteller\w*|manufacturers|akteur\w*)$"
)
# words after a number word that make it no count of things: time spans, fractions, function words
_NOT_COUNTED = re.compile(
    r"(?i)^(?:drittel|viertel|fünftel|thirds?|quarters?|fifths?|halves|of|von|vom|der|die|das|den|dem|des|the|and|und|or|oder|"
    r"to|bis|in|im|an|am|at|on|for|für|mit|with|from|aus|by|is|are|was|were|sind|ist|waren|war|have|has|haben|hat|"
    r"times|mal|malig\w*|jährig\w*|stufig\w*|tägig\w*|weeks?|wochen|percent|prozent|per|pro|more|less|mehr|weniger|"
    r"ago|later|später|earlier|früher|zuvor|years?|jahren?|jahre|jahr|months?|monaten?|monate|days?|tagen?|tage|hours?|stunden?)$"
)


def _word_numbers(text: str, skip: list[tuple[int, int]] = ()) -> list[NumberMention]:
    """Counts and sums written as words, each followed by what is counted.

    >>> [(n.value, n.unit) for n in _word_numbers("Das Ministerium gab die sieben Gewinner bekannt.")]
    [(7, 'gewinner')]
    >>> [(n.value, n.qualifier) for n in _word_numbers("Im Tal bauen rund hundert Werkstätten Geigen.")]
    [(100, 'about')]
    >>> _word_numbers("Sie wird in den kommenden drei Jahren gefördert; zwei Drittel der Mittel.")
    []
    """
    found = []
    for match in _WORD_NUMBER.finditer(text):
        ws, we = match.span("word")
        if any(s < we and ws < e for s, e in skip):
            continue
        unit_word = match.group("unit") or ""
        currency = match.group("cur")
        if not currency and (not unit_word or _NOT_COUNTED.match(unit_word) or not _WORD_COUNTED.match(unit_word)):
            continue
        if re.match(r"\s*[-–]\s*\w", text[we:we + 3]):
            continue
        value: float | int = NUMBER_WORDS[match.group("word").lower()]
        first = match.start("qual") if match.group("qual") else ws
        if _PART_BEFORE.search(text, max(0, first - 12), first):
            continue  # "erprobt mit sechs Mitgliedern", "founded by twelve companies": a part, not the whole
        if _AMONG_AFTER.match(text, match.end("unit") if unit_word else we):
            continue  # "zählt drei Hochschulen zu seinen Mitgliedern": some of the members, not how many
        if value < 3 and not currency:
            continue  # "zwei Hochschulen", "two partners": pairs are named, not counted
        if match.group("scale"):
            value = int(value * SCALES[match.group("scale").lower()])
        unit = CURRENCIES[currency.lower()] if currency else UNITS.get(unit_word.lower(), unit_word.lower())
        qualifier = QUALIFIERS.get(match.group("qual").lower()) if match.group("qual") else None
        start = match.start("qual") if match.group("qual") else ws
        end = match.end("cur") if currency else match.end("word") + 1 + len(unit_word)
        found.append(NumberMention(start, end, value, qualifier, unit, we))
    return found


# ---- counts in a labelled row: "Number of members 58", "Mitglieder: 120", "(of which SMEs: 41)" ----
_LABELLED = re.compile(
    r"(?i)(?:\bnumber\s+of\s+|\banzahl\s+(?:der\s+)?)?(?<![\w-])"
    r"(?P<label>members|member\s+companies|mitglieder|mitgliedsunternehmen|mitgliedschaften|companies|unternehmen|partners|"
    r"partner|employees|mitarbeitende|beschäftigte|smes|kmu)"
    r"\s*(?::|\||=|–)?\s*(?P<num>\d{1,3}(?:[.,]\d{3})+|\d+)(?![\d.,]?\d)(?!\s*(?:%|[A-Za-zÄÖÜäöü€$]))"
)
_LABEL_START = re.compile(r"(?i)(?:\bnumber\s+of\s+|\banzahl\s+(?:der\s+)?|\b(?:of\s+which|davon)\s+|^\s*|[(|;·]\s*)$")


def _labelled_counts(text: str, skip: list[tuple[int, int]], taken: list[NumberMention]) -> list[NumberMention]:
    """Counts whose label stands before them, as in tables and fact boxes.

    The label must open the row (``Number of members 58``, ``Mitglieder: 120``) or follow ``of which``
    / ``davon`` (``(of which SMEs: 41)``); ``die Mitglieder 2023`` or ``Partner 3 Projekte`` are no rows.

    >>> [(n.value, n.unit) for n in _labelled_counts("Number of members 58 (of which SMEs: 41)", [], [])]
    [(58, 'members'), (41, 'smes')]
    >>> [(n.value, n.unit) for n in _labelled_counts("Mitglieder: 120", [], [])]
    [(120, 'members')]
    >>> _labelled_counts("Das Netzwerk berichtet seinen Mitgliedern 2023 über die Projekte", [], [])
    []
    """
    found = []
    for match in _LABELLED.finditer(text):
        ns, ne = match.span("num")
        if any(s < ne and ns < e for s, e in skip) or any(n.start <= ns < n.end for n in taken):
            continue
        if not _LABEL_START.search(text, 0, match.start("label")):
            continue
        value = _value(match.group("num"), "de" if "." in match.group("num") else "en")
        if isinstance(value, int) and 1900 <= value <= 2100:
            continue
        label = match.group("label").lower()
        found.append(NumberMention(match.start(), ne, value, None, UNITS.get(label, label), ne))
    return found
