"""Figures: numbers an announcement states, with qualifier, unit and the entity they are about.

``mehr als 500 Cluster aus 35 Ländern`` -> 500 clusters (qualifier "more than") and 35 countries;
``bis zu 40 Millionen Euro`` -> 40000000 EUR, "up to". Dates, years, ordinals, percentages, time
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
    r"(?:\s*(?P<scale>Millionen|Million|Mio\.?|Milliarden|Milliarde|Mrd\.?|million|billion|bn|Tsd\.?|thousand|Tausend)(?![\w]))?"
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
    found = []
    if not _DIGIT.search(text):
        return found
    for match in NUMBER.finditer(text):
        ns, ne = match.span("num")
        if any(s < ne and ns < e for s, e in skip):
            continue
        if ns == 0 and (re.match(r"\d+(?:\.\d+)+\s", text) or len(text) < 60):
            continue  # a section number or a numbered heading: "3.1 Bronze label"
        if ne < len(text) and text[ne] == "." and not match.group("scale") and (ne + 1 >= len(text) or text[ne + 1] == " ") \
                and not match.group("unit"):
            continue
        before = text[max(0, ns - 6):ns]
        if re.search(r"(?:Nr\.|No\.|§|Platz|Tel\.?|\+)\s*$", before) or re.search(r"\d[ /-]$", before):
            continue
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
        if match.group("scale"):
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
    return found


# what a cluster is made of: a count of these with a verb of gathering is the cluster's size
_MEMBER_UNIT = re.compile(r"(?i)(?:members?|member\s+companies|mitglied\w*|companies|unternehmen|firmen|partners?|partnern|"
                          r"betrieb\w*|hersteller\w*|akteur\w*|smes?|kmus?|shipyards?|organi[sz]ations|institutions|einrichtungen)")
_MEMBERS_BY_NAME = re.compile(r"(?i)(?:members?|member\s+companies|mitglied\w*)")
_GATHERS = re.compile(r"(?i)\b(?:bündel\w*|vereint|vereinigt|vernetzt|brings?\s+together|unites?|represents?|vertritt|vertreten|"
                      r"zählt|umfasst|gehören)\s+(?:\S+\s+){0,2}$")
_UNIT_AFTER = re.compile(r"\s+([\w-]+(?:\s+(?:companies|members))?)")


def counts_members(text: str, start: int, number_end: int) -> bool:
    """Whether the number at ``text[start:number_end]`` counts what a cluster is made of: members by
    name (``112 Mitglieder``, ``60 Mitgliedsfirmen``) or companies and partners it gathers (``bündelt
    rund 70 Hersteller``, ``brings together 38 partners``); not SMEs it supports or applications.

    >>> counts_members("It brings together about 110 companies.", 19, 28)
    True
    >>> counts_members("It will support around 400 SMEs with vouchers.", 16, 26)
    False
    """
    unit = _UNIT_AFTER.match(text, number_end)
    if unit is None or not _MEMBER_UNIT.fullmatch(unit.group(1)):
        return False
    return bool(_MEMBERS_BY_NAME.fullmatch(unit.group(1)) or _GATHERS.search(text[max(0, start - 60):start]))
