"""Dates in German and English text, with the precision the text gives and never more.

``18. Juli 2014`` -> ``2014-07-18``; ``Im Juni 2014`` -> ``2014-06``; ``4 March 2021``,
``March 4, 2021``, ``18.07.2014`` and ISO ``2021-03-04`` -> a day; ``2014`` -> a year. A month
without a year (``im Juni``) takes its year from a reference date (the announcement's issue date):
the same year when the month is not after the reference month, else the year before.

>>> [(d.text, d.iso) for d in find_dates("Im Juni 2014 und am 18. Juli 2014, seit 2012.")]
[('Juni 2014', '2014-06'), ('18. Juli 2014', '2014-07-18'), ('2012', '2012')]
>>> [d.iso for d in find_dates("on March 4, 2021 and 4 March 2021 and 2021-03-04")]
['2021-03-04', '2021-03-04', '2021-03-04']
>>> [d.iso for d in find_dates("Ende Juni wurde", reference="2014-07-18")]
['2014-06']
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

MONTHS = {
    "januar": 1, "jänner": 1, "january": 1, "jan": 1,
    "februar": 2, "february": 2, "feb": 2, "febr": 2,
    "märz": 3, "maerz": 3, "march": 3, "mär": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}
_LONG = sorted((m for m in MONTHS if len(m) > 4 or m in ("mai", "may", "juni", "june", "juli", "july")), key=len, reverse=True)
_SHORT = sorted((m for m in MONTHS if m not in _LONG), key=len, reverse=True)
_M = "(?P<month>(?:" + "|".join(m.capitalize() for m in _LONG) + ")|(?:" + "|".join(m.capitalize() for m in _SHORT) + r")\.?)"
_Y = r"(?P<year>(?:19|20)\d\d)"
_D = r"(?P<day>0?[1-9]|[12]\d|3[01])"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("day", re.compile(rf"\b{_Y}-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?!\d)")),
    ("day", re.compile(rf"\b{_D}\.\s?{_M}\s+{_Y}\b")),
    ("day", re.compile(rf"\b{_D}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?{_M},?\s+{_Y}\b")),
    ("day", re.compile(rf"\b{_M}\s+{_D}(?:st|nd|rd|th)?,?\s+{_Y}\b")),
    ("day", re.compile(rf"\b{_D}\.(?P<mnum>0?[1-9]|1[0-2])\.{_Y}\b")),
    ("month", re.compile(rf"\b{_M}\s+{_Y}\b")),
    ("month", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>0[1-9]|1[0-2])\b(?!-\d)")),
    ("month-only", re.compile(
        rf"\b(?:im|in|seit|ab|bis|Anfang|Mitte|Ende|since|from|until|early|mid|late|Im|In|Seit|Ab|Since|From)\s+{_M}(?!\s*\d)"
    )),
    ("year", re.compile(r"(?<![\d.,/-])(?P<year>(?:19[5-9]|20\d)\d)(?![\d.,/]\d|\s?%|-\d)")),
]

# A dateline at the start of a paragraph: "Dresden, 18. Juli 2014 -", "BERLIN, March 4, 2021 --",
# "Berlin (ots) - ". Used by the sentence splitter and by the metadata reader.
_CITY = r"[A-ZÄÖÜ][\w.'’\-]*(?:\s(?:am|an\sder|im|bei|upon|on|a\.\s?M\.|an|ob\sder)\s[A-ZÄÖÜ][\w.\-]*|\s[A-ZÄÖÜ(][\w.\-)]*){0,3}"
_ANYDATE = (
    r"(?:\d{1,2}\.\s?[A-ZÄÖÜ][a-zäöü]+\.?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?,?\s+\d{4}"
    r"|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2}"
    r"|(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|January|February|March|"
    r"May|June|July|October|December)\s+\d{4})"
)
DATELINE = re.compile(
    rf"^(?P<place>{_CITY})(?:/{_CITY})*(?:\s*\([\w\s./-]{{1,30}}\))?\s*[,/]\s*(?:den\s+|am\s+|on\s+|im\s+|in\s+)?(?P<date>{_ANYDATE})"
    rf"(?:\s*\([\w\s./-]{{1,30}}\))?(?P<dash>\s*(?:[-–—|:]+|/\s*\w+\s*/\s*-*|\.(?=\s+[A-ZÄÖÜ„“\"]|$))|(?=\s*$))(?=\s|$)"
)


_YEAR_DIGITS = re.compile(r"\d{4}")
# A pattern that needs a month name cannot match a text without one: one quick scan for the first
# three letters of any month name (every alternative of ``_M`` starts so) lets find_dates skip them.
_MONTH_HINT = re.compile("|".join(sorted({m.capitalize()[:3] for m in MONTHS})))


@functools.lru_cache(maxsize=None)
def _needs_month(pattern: re.Pattern) -> bool:
    """Whether every match of ``pattern`` holds a month name: its ``month`` group is ``_M`` and not optional.

    >>> _needs_month(re.compile(rf"{_M}\\s+{_Y}")), _needs_month(re.compile(rf"(?:{_M}\\s+)?{_Y}"))
    (True, False)
    """
    group = pattern.groupindex.get("month")
    if group is None or _M not in pattern.pattern:
        return False
    try:
        from re import _constants, _parser
        items = _parser.parse(pattern.pattern, pattern.flags).data
    except (ImportError, AttributeError, re.error):  # another Python: no shortcut
        return False
    return any(op is _constants.SUBPATTERN and value[0] == group for op, value in items)


_UNTIL = re.compile(r"\b(?:bis(?:\s+(?:zum|Ende|Mitte))?|until|till|through|to|by)\s+(?:(?:the\s+)?end\s+of\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    iso: str
    precision: str  # "day", "month", "year"
    inferred_year: bool = False
    until: bool = False  # an end date: "bis 2023", "until 2023"


def _month(value: str) -> int:
    return MONTHS[value.rstrip(".").lower()]


def to_iso(match: re.Match, kind: str, reference: str | None = None) -> tuple[str, str, bool] | None:
    groups = match.groupdict()
    if groups.get("mnum"):
        month = int(groups["mnum"])
    elif groups.get("month"):
        month = _month(groups["month"])
    else:
        month = None
    if kind == "year":
        return groups["year"], "year", False
    if kind == "month-only":
        if not reference or len(reference) < 7:
            return None
        ref_year, ref_month = int(reference[:4]), int(reference[5:7])
        year = ref_year if month <= ref_month else ref_year - 1
        return f"{year:04d}-{month:02d}", "month", True
    year = groups["year"]
    if kind == "month":
        return f"{year}-{month:02d}", "month", False
    day = int(groups["day"])
    return f"{year}-{month:02d}-{day:02d}", "day", False


def find_dates(text: str, reference: str | None = None) -> list[DateMention]:
    """Date mentions in ``text``, left to right, longest reading first, never overlapping."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    has_year = _YEAR_DIGITS.search(text) is not None
    has_month = _MONTH_HINT.search(text) is not None
    for kind, pattern in _PATTERNS:
        if not has_year and kind != "month-only" or not has_month and _needs_month(pattern):
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if kind == "month-only":
                start = match.start("month")
            if any(s < end and start < e for s, e in taken):
                continue
            try:
                converted = to_iso(match, kind, reference)
            except (KeyError, ValueError):
                converted = None
            if converted is None:
                continue
            iso, precision, inferred = converted
            taken.append((start, end))
            until = bool(_UNTIL.search(text[max(0, start - 12):start]))
            found.append(DateMention(start, end, text[start:end], iso, precision, inferred, until))
    if reference and len(reference) >= 10 and _relative_hint(text):
        found.extend(_relative_dates(text, reference, taken))
    found.sort(key=lambda d: d.start)
    return found


_WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5,
             "sonntag": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
             "sunday": 6}
_RELATIVE_WORDS = ("heute", "today", "gestern", "yesterday", "tag", "day", "monat", "month", "woche", "week")
_RELATIVE_HINT = re.compile("|".join(_RELATIVE_WORDS), re.IGNORECASE)


def _relative_hint(text: str) -> bool:
    """``_RELATIVE_HINT.search(text)``, answered by substring tests on the lower-cased text.

    >>> _relative_hint("Am Dienstag"), _relative_hint("Im Juni"), _relative_hint("YESTERDAY")
    (True, False, True)
    """
    lowered = text.lower()
    if "ſ" in lowered:  # the long s matches "s" when ignoring case, but lower() keeps it
        return _RELATIVE_HINT.search(text) is not None
    return any(word in lowered for word in _RELATIVE_WORDS)


_RELATIVE = re.compile(
    r"\b(?P<today>heute|today)\b|\b(?P<yesterday>gestern|yesterday)\b|"
    r"\b(?:am|on|last|vergangenen|letzten)\s+(?P<weekday>" + "|".join(_WEEKDAYS) + r")(?:abend|morgen|nachmittag|vormittag)?\b|"
    r"\b(?P<lastmonth>last\s+month|im\s+(?:vergangenen|letzten|Vor)monat|(?:im\s+)?(?:vergangenen|letzten)\s+Monat|vorigen\s+Monat)\b",
    re.IGNORECASE,
)


def _relative_dates(text: str, reference: str, taken: list[tuple[int, int]]) -> list[DateMention]:
    """``heute``/``today``, ``gestern``, ``am Dienstag``, ``last month``: resolved against the issue date."""
    import datetime

    try:
        issued = datetime.date.fromisoformat(reference[:10])
    except ValueError:
        return []
    found = []
    for match in _RELATIVE.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        if match.group("today"):
            iso, precision = issued.isoformat(), "day"
        elif match.group("yesterday"):
            iso, precision = (issued - datetime.timedelta(days=1)).isoformat(), "day"
        elif match.group("weekday"):
            back = (issued.weekday() - _WEEKDAYS[match.group("weekday").lower()]) % 7
            iso, precision = (issued - datetime.timedelta(days=back or 7)).isoformat(), "day"
        else:
            first = issued.replace(day=1) - datetime.timedelta(days=1)
            iso, precision = first.isoformat()[:7], "month"
        found.append(DateMention(start, end, text[start:end], iso, precision, True))
    return found


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO, or ``None``.

    >>> parse_date("2021-03-04T10:00:00+01:00")
    '2021-03-04'
    >>> parse_date("Stand: 18.07.2014")
    '2014-07-18'
    """
    dates = find_dates(text)
    return dates[0].iso if dates else None
