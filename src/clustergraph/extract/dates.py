"""Dates in German and English text, with the precision the text gives and never more.

``18. Juli 2014`` -> ``2014-07-18``; ``Im Juni 2014`` -> ``2014-06``; ``4 March 2021``,
``March 4, 2021``, ``18.07.2014`` and ISO ``2021-03-04`` -> a day; ``2014`` -> a year. A month
without a year (``im Juni``) takes its year from a reference date (the announcement's issue date):
the same year when the month is not after the reference month, else the year before. A day
without a year (``seit dem 1. März``, ``zum 1. Juli``) takes the year that puts it nearest the
reference in the direction its words point; under a year heading (``2012 – Im Mai``) it takes that year.
End dates and periods (``bis 2023``, ``2019–2021``) are marked ``until``.

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
# the months' names written out, as the text capitalises them: no abbreviation (``Sept``, a short prefix of
# another key) and no transliteration (``Maerz``); ``Jänner`` is the Austrian January
MONTH_NAMES = tuple(m.capitalize() for m in MONTHS
                    if "ae" not in m and not (len(m) < 5 and any(o != m and o.startswith(m) for o in MONTHS)))
# without ``Jänner`` (the dateline and the word lists that never met it)
MONTH_NAMES_NO_JAENNER = tuple(m for m in MONTH_NAMES if m != "Jänner")
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
    ("day-only", re.compile(rf"\b{_D}\.\s?{_M}(?!\w|\.?\s*\d)")),
    ("day-only", re.compile(rf"\b{_D}(?:st|nd|rd|th)?\s+(?:of\s+)?{_M}(?!\w|\.?,?\s*\d)")),
    ("day-only", re.compile(rf"\b(?:on|from|since|until|by|effective|On|From|Since|Effective)\s+{_M}\s+{_D}(?:st|nd|rd|th)?(?!\w|,?\s*\d)")),
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
    r"|(?:" + "|".join(MONTH_NAMES_NO_JAENNER) + r")\s+\d{4})"
)
DATELINE = re.compile(
    rf"^(?P<place>{_CITY})(?:\s?/\s?{_CITY})*(?:\s*\([\w\s./-]{{1,30}}\))?\s*[,/]\s*(?:den\s+|am\s+|on\s+|im\s+|in\s+)?(?P<date>{_ANYDATE})"
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
_PERIOD_BEFORE = re.compile(r"(?:19|20)\d\d\s?[–-]\s?$")  # the end of "2019–2021"


# "2019 bis 2021", "2019–2021": a period. Its start dates a fact ("from 2023 to 2027 ... is funded"), unless
# the announcement is of that year: then the issue date says more ("fördert in den Jahren 2019 bis 2021").
_PERIOD_AFTER = re.compile(r"\s?(?:[-–]|bis(?:\s+(?:zum|Ende))?|to|until|through)\s?(?:(?:19|20)\d\d|\d{1,2}\.\s?\w+\s+(?:19|20)\d\d)\b")


def _starts_period(text: str, end: int) -> bool:
    """Whether the date ending at ``end`` opens a period: ``in den Jahren 2019 bis 2021``.

    >>> [(d.iso, d.until) for d in find_dates("fördert in den Jahren 2019 bis 2021 und seit 2018", "2019-02-14")]
    [('2019', True), ('2021', True), ('2018', False)]
    >>> [(d.iso, d.until) for d in find_dates("from 2023 to 2027 the cluster is funded", "2025-03-01")]
    [('2023', False), ('2027', True)]
    """
    return _PERIOD_AFTER.match(text, end) is not None


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    iso: str
    precision: str  # "day", "month", "year"
    inferred_year: bool = False
    until: bool = False  # an end date ("bis 2023", "until the end of 2023") or a period ("2019 bis 2021"): dates no fact


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
    if kind == "day-only":
        return _day_without_year(match, month, reference)
    year = groups["year"]
    if kind == "month":
        return f"{year}-{month:02d}", "month", False
    day = int(groups["day"])
    return f"{year}-{month:02d}-{day:02d}", "day", False


# words before a day that point ahead of the announcement: "zum 1. Juli", "ab dem 1. Januar", "from 1 April"
_AHEAD = re.compile(r"(?i)\b(?:zum|ab(?:\s+dem)?|bis(?:\s+zum)?|from|as\s+of|effective(?:\s+from)?|with\s+effect\s+from|"
                    r"until|by|starting(?:\s+on)?|beginning)\s+(?:the\s+)?$")


def _day_without_year(match: re.Match, month: int, reference: str | None) -> tuple[str, str, bool] | None:
    """``seit dem 1. März``, ``zum 1. Juli``, ``on 4 March``: the year comes from the issue date.

    The day is taken in the issue year when that puts it at most about half a year away in the
    direction the words point (``zum``/``ab``/``from``/``effective``: ahead, anything else: back);
    else in the neighbouring year.

    >>> [d.iso for d in find_dates("Seit dem 1. März leitet sie das Netzwerk.", reference="2023-03-15")]
    ['2023-03-01']
    >>> [d.iso for d in find_dates("Zum 1. Januar übernimmt er die Geschäftsführung.", reference="2020-12-10")]
    ['2021-01-01']
    >>> [d.iso for d in find_dates("At the meeting on 25 January the board met.", reference="2017-02-08")]
    ['2017-01-25']
    >>> find_dates("am 3. März", reference=None)
    []
    """
    import datetime

    if not reference or len(reference) < 10:
        return None
    try:
        issued = datetime.date.fromisoformat(reference[:10])
        day = int(match.group("day"))
        candidates = [datetime.date(issued.year + shift, month, day) for shift in (-1, 0, 1)]
    except ValueError:
        return None
    first = min(match.start("day"), match.start("month"))
    ahead = bool(_AHEAD.search(match.string, max(0, first - 30), first))
    half_year = datetime.timedelta(days=183)
    if ahead:
        fitting = [c for c in candidates if -datetime.timedelta(days=31) <= c - issued <= half_year]
    else:
        fitting = [c for c in candidates if datetime.timedelta(days=-1) <= issued - c < datetime.timedelta(days=366)]
    if not fitting:
        return None
    return min(fitting, key=lambda c: abs(c - issued)).isoformat(), "day", True


# a year opening an entry of a chronicle: "2012 – Im Mai Aufnahme ...", "- **2016**: In March the cluster ..."
_YEAR_HEADING = re.compile(r"^[\s\-*•·#>]*(?P<year>(?:19|20)\d\d)\**\s*[–:—-]\s")


def _in_heading_year(match: re.Match, year: str) -> tuple[str, str, bool]:
    """A month or day without a year under a year heading: ``2012 – Im Mai`` -> ``2012-05``.

    >>> [d.iso for d in find_dates("- **2012** – Im Mai Aufnahme in das Programm.", reference="2021-06-01")]
    ['2012-05']
    >>> [d.iso for d in find_dates("2016: On 4 March the cluster earned the label.")]
    ['2016-03-04']
    """
    month = _month(match.group("month"))
    if match.groupdict().get("day"):
        import datetime
        return datetime.date(int(year), month, int(match.group("day"))).isoformat(), "day", True
    return f"{year}-{month:02d}", "month", True


_NAMED_YEAR = re.compile(r"\s+(?:(?P<last>(?:des\s+)?(?:vergangenen|letzten|vorigen)\s+Jahres|(?:of\s+)?last\s+year)|"
                         r"(?P<this>(?:dieses|diesen)\s+Jahres|(?:of\s+)?this\s+year))\b")


def _named_year(text: str, end: int, iso: str, reference: str) -> tuple[str, int]:
    """``im Juni vergangenen Jahres``, ``in March this year``: the year the words name, not the nearest one.

    >>> [d.iso for d in find_dates("im Juni vergangenen Jahres", reference="2021-11-02")]
    ['2020-06']
    >>> [d.iso for d in find_dates("in March this year", reference="2021-02-02")]
    ['2021-03']
    """
    # the span grows over the year words, so that "this year" is not read again on its own
    named = _NAMED_YEAR.match(text, end)
    if named is None or not reference[:4].isdigit():
        return iso, end
    year = int(reference[:4]) - (1 if named.group("last") else 0)
    return f"{year:04d}{iso[4:]}", named.end()


def find_dates(text: str, reference: str | None = None) -> list[DateMention]:
    """Date mentions in ``text``, left to right, longest reading first, never overlapping."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    has_year = _YEAR_DIGITS.search(text) is not None
    has_month = _MONTH_HINT.search(text) is not None
    heading = _YEAR_HEADING.match(text) if has_year and has_month else None
    heading_year = heading.group("year") if heading else None
    for kind, pattern in _PATTERNS:
        if not has_year and kind not in ("month-only", "day-only") or not has_month and _needs_month(pattern):
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if kind == "month-only":
                start = match.start("month")
            elif kind == "day-only":
                start = min(match.start("day"), match.start("month"))
            if any(s < end and start < e for s, e in taken):
                continue
            try:
                if heading_year and kind in ("month-only", "day-only"):
                    converted = _in_heading_year(match, heading_year)
                else:
                    converted = to_iso(match, kind, reference)
            except (KeyError, ValueError):
                converted = None
            if converted is None:
                continue
            iso, precision, inferred = converted
            if inferred and reference and not heading_year:
                iso, end = _named_year(text, end, iso, reference)
            taken.append((start, end))
            until = bool(_UNTIL.search(text[max(0, start - 24):start]) or _PERIOD_BEFORE.search(text, max(0, start - 8), start)
                         or iso[:4] == (reference or "")[:4] and _starts_period(text, end))
            found.append(DateMention(start, end, text[start:end], iso, precision, inferred, until))
    if heading_year and any(d.inferred_year for d in found):  # "2012 – Im Mai ...": the month says more
        found = [d for d in found if not (d.start == heading.start("year") and d.precision == "year")]
    if reference and len(reference) >= 10 and _relative_hint(text):
        found.extend(_relative_dates(text, reference, taken))
    found.sort(key=lambda d: d.start)
    return found


_WEEKDAYS = {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5,
             "sonntag": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
             "sunday": 6}
_RELATIVE_WORDS = ("heute", "today", "gestern", "yesterday", "tag", "day", "monat", "month", "woche", "week", "mittwoch",
                   "jahr", "year", "sofort", "immediate")
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
    r"\b(?P<lastmonth>last\s+month|im\s+(?:vergangenen|letzten|Vor)monat|(?:im\s+)?(?:vergangenen|letzten)\s+Monat|vorigen\s+Monat)\b|"
    r"\b(?P<daybefore>vorgestern)\b|"
    r"\b(?P<now>ab\s+sofort|mit\s+sofortiger\s+Wirkung|with\s+immediate\s+effect|effective\s+immediately)\b|"
    r"\b(?P<lastyear>last\s+year|im\s+(?:vergangenen|letzten|vorigen)\s+Jahr|(?:Anfang|Mitte|Ende)\s+(?:des\s+)?(?:vergangenen|letzten|"
    r"vorigen)\s+Jahres|im\s+Vorjahr|(?:early|late)\s+last\s+year)\b|"
    r"\b(?P<thisyear>this\s+year|earlier\s+this\s+year|in\s+diesem\s+Jahr|dieses\s+Jahr|(?:Anfang|Mitte)\s+(?:dieses|des)\s+Jahres|"
    r"(?:zu|zum|seit)\s+Jahres(?:beginn|anfang)|at\s+the\s+(?:start|beginning)\s+of\s+the\s+year)\b|"
    r"\b(?P<thismonth>this\s+month|earlier\s+this\s+month|(?:in\s+)?diese[mn]\s+Monat|Anfang\s+des\s+Monats)\b",
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
        elif match.group("daybefore"):
            iso, precision = (issued - datetime.timedelta(days=2)).isoformat(), "day"
        elif match.group("now"):
            iso, precision = issued.isoformat(), "day"
        elif match.group("lastyear"):
            iso, precision = str(issued.year - 1), "year"
        elif match.group("thismonth"):
            iso, precision = issued.isoformat()[:7], "month"
        elif match.group("thisyear"):
            iso, precision = str(issued.year), "year"
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


# the paper that carries a grant, handed over on the day the funding begins:
# "Den Förderbescheid überreichte ... am 3. März 2021", "handed over the grant notice on 9 January 2020"
_GRANT_DOCUMENT = re.compile(
    r"(?i)\b(?:\w*bescheide?s?|grant\s+(?:notice|letter|agreement|decision)s?|(?:funding|award)\s+(?:notice|decision|letter)s?|"
    r"notices?\s+of\s+(?:grant|award))\b"
)


def grant_document_date(text: str, dates: list[DateMention]) -> str | None:
    """The date of the handover of a grant document in ``text`` (one sentence), or ``None``.

    A funding finder uses it for a neighbouring sentence that states the funding without a date.

    >>> text = "Den Förderbescheid überreichte die Staatssekretärin am 3. März 2021 in Chemnitz."
    >>> grant_document_date(text, find_dates(text))
    '2021-03-03'
    >>> text = "Seit 2019 fördert das Land das Netzwerk mit 1 Million Euro."
    >>> grant_document_date(text, find_dates(text)) is None
    True
    """
    document = _GRANT_DOCUMENT.search(text)
    usable = [d for d in dates if not d.until]
    if document is None or not usable:
        return None
    return min(usable, key=lambda d: abs(d.start - document.start())).iso


def neighbour_grant_date(infos: list, index: int, paragraph: int) -> str | None:
    """:func:`grant_document_date` of a sentence near ``infos[index]`` in the same paragraph (the next two, then
    the one before): "X fördert Y mit 1 Million Euro. Die Mittel stammen ... Den Bescheid überreichte ... am Dienstag".

    ``infos`` are the pipeline's sentence records (``.text``, ``.dates``, ``.paragraph``).
    """
    for other in (index + 1, index + 2, index - 1):
        if 0 <= other < len(infos) and infos[other].paragraph == paragraph and infos[other].dates:
            date = grant_document_date(infos[other].text, infos[other].dates)
            if date:
                return date
    return None
