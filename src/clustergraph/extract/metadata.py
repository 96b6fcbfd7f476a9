"""Announcement metadata: title, kind, issue date, place, id.

* kind: ``press release`` when a heading says so (Pressemitteilung, Presseinformation, Press
  release...), ``news`` for Meldung/News/Aktuelles and for web pages without such a heading,
  otherwise ``press release`` when there is a dateline, else ``news``.
* issued/place: the dateline (``Dresden, 18. Juli 2014 -``); else a date the markup gives
  (``<time datetime>``, ``article:published_time``); else a date line near the top (``Posted on
  March 2, 2023``, ``Datum: 18.07.2014``); else a labelled date line anywhere in the text (a page's
  ``Veröffentlicht am ...``/``Published: ...``/``Datum: ...``, then ``Stand: 03/2023``/``Zuletzt
  aktualisiert ...``/``Last updated: ...``); else the markup's date of last change (``dateModified``).
* title: the page's ``<h1>``/``<title>``, else the first line that is not a kind heading or a date.
* id: the slug of the source file name, else of the title.
"""

from __future__ import annotations

import re
from pathlib import Path

from clustergraph.extract.dates import DATELINE, find_dates, parse_date
from clustergraph.extract.sentences import Sentence
from clustergraph.vocab import slugify

_PRESS = re.compile(r"^(?:Pressemitteilung|Presseinformation|Pressemeldung|Medieninformation|Press\s+release|"
                    r"Media\s+release|News\s+release|PRESS\s+RELEASE|PRESSEMITTEILUNG)\b", re.IGNORECASE)
_NEWS = re.compile(r"^(?:Aktuelle\s+Meldung|Meldung|Nachricht|News|Aktuelles|Neuigkeiten|Blog)\b", re.IGNORECASE)
_PROGRAMME_PAGE = re.compile(r"^(?:Programm|Programme|Förderprogramm|Über\s+das\s+Programm|About\s+the\s+programme)\b", re.I)
_REPORT = re.compile(r"report|bericht|rückblick|review|newsletter|ausgabe|issue", re.IGNORECASE)
# a line of its own that dates the page: "Veröffentlicht am 3. Mai 2022", "Published: 12 May 2021"
_PUBLISHED_LABEL = re.compile(r"^(?:Veröffentlicht(?:\s+am)?|Erschienen(?:\s+am)?|Datum|Published(?:\s+on)?|Posted(?:\s+on)?|"
                              r"Date(?:\s+of\s+publication)?|Publication\s+date|Erstellt(?:\s+am)?)\s*:?\s+", re.I)
# ... or says when it was last changed: "Stand: 03/2023", "Zuletzt aktualisiert am 5. Mai 2022", "Last updated: 2 March 2023"
_UPDATED_LABEL = re.compile(r"(?:^|\s[–—·|-]\s)(?:Stand(?:\s+vom)?|(?:Zuletzt\s+)?(?:aktualisiert|geändert)(?:\s+am)?|"
                            r"Letzte\s+(?:Aktualisierung|Änderung)|Fassung\s+vom|(?:Last\s+)?(?:updated|modified|revised)(?:\s+on)?|"
                            r"Last\s+update|[Vv]ersion\s+of)\s*:?\s+", re.I)
_MONTH_YEAR = re.compile(r"^(?P<month>0?[1-9]|1[0-2])\s*[/.]\s*(?P<year>(?:19|20)\d\d)\b")  # "03/2023", "3.2023"
# the date of an event or of a job's start near the top of an invitation or a vacancy: not when the text was issued
_NOT_ISSUE = re.compile(r"^(?:Termin|Veranstaltungstermin|Wann|When|Event\s+date)\s*:|\b(?:starting|beginning|Eintritt|Beginn)\s+"
                        r"(?:on\s+|am\s+|zum\s+)?\d", re.I)
_ISSUE = re.compile(r"\b(?:Ausgabe|Heft|Issue|No\.|Nr\.)\s*\d{1,2}\s*/\s*(?P<year>(?:19|20)\d\d)\b", re.I)
_DATE_LINE = re.compile(r"\b(?:posted|published|veröffentlicht|datum|date|stand|erschienen|am)\b", re.IGNORECASE)


def find_dateline(sentences: list[Sentence], limit: int = 12) -> tuple[Sentence, str | None, str | None] | None:
    """The dateline sentence, its ISO date and its place, among the first ``limit`` sentences."""
    for sentence in sentences[:limit]:
        match = DATELINE.match(sentence.text)
        if match:
            place = match.group("place").strip()
            if place.isupper() and len(place) > 3:
                place = place.title()
            return sentence, parse_date(match.group("date")), place
    return None


def is_heading_word(line: str) -> bool:
    return bool(_PRESS.match(line) or _NEWS.match(line)) and len(line.split()) <= 3


def find_title(sentences: list[Sentence], text: str, hints: dict[str, str]) -> tuple[str, Sentence | None]:
    title = hints.get("title")
    if title:
        for sentence in sentences[:5]:
            if sentence.text == title or (sentence.text in title and len(sentence.text) > 10):
                return title, sentence
        return title, None
    candidates = sentences[:8]
    for index, sentence in enumerate(sentences[:3]):
        if is_heading_word(sentence.text) or _PRESS.match(sentence.text) and len(sentence.text.split()) <= 4:
            candidates = sentences[index + 1:index + 8]
    for sentence in candidates:
        line_start = sentence.start == 0 or text[sentence.start - 1] == "\n"
        line_end = sentence.end == len(text) or text[sentence.end:sentence.end + 1] == "\n"
        if not (line_start and line_end) or is_heading_word(sentence.text) or DATELINE.match(sentence.text):
            continue
        if len(sentence.text) > 250 or find_dates(sentence.text) and len(sentence.text) < 40:
            continue
        return sentence.text.rstrip(), sentence
    return (sentences[0].text if sentences else ""), (sentences[0] if sentences else None)


def find_kind(sentences: list[Sentence], media_type: str, has_dateline: bool) -> str:
    for sentence in sentences[:4]:
        if _PRESS.match(sentence.text):
            return "press release"
        if _NEWS.match(sentence.text) and len(sentence.text.split()) <= 4:
            return "news"
        if _PROGRAMME_PAGE.match(sentence.text) and len(sentence.text.split()) <= 4:
            return "programme page"
    if media_type == "text/html" and not has_dateline:
        return "news"
    return "press release" if has_dateline else "news"


def find_issued(sentences: list[Sentence], hints: dict[str, str]) -> str | None:
    if hints.get("issued"):
        iso = parse_date(hints["issued"])
        if iso:
            return iso
    coarse = None
    for index, sentence in enumerate(sentences[:8]):
        dates = find_dates(sentence.text)
        if not dates or _NOT_ISSUE.search(sentence.text):
            continue
        if _DATE_LINE.search(sentence.text) and len(sentence.text) < 120 or len(sentence.text) - len(dates[0].text) < 12 \
                or (index < 4 and len(sentence.text) < 90):
            if dates[0].precision == "day":
                return dates[0].iso
            if dates[0].precision == "month" and coarse is None:
                coarse = dates[0].iso
    if coarse is None:
        for sentence in sentences[:3]:  # "Annual Report 2019", "Jahresbericht 2019"
            dates = find_dates(sentence.text)
            if dates and len(sentence.text) < 60 and _REPORT.search(sentence.text):
                return dates[0].iso
            issue = _ISSUE.search(sentence.text) if len(sentence.text) < 80 else None
            if issue:  # "Ausgabe 3/2023", "Issue 2/2019": the year of a periodical's issue
                return issue.group("year")
    if coarse is None:
        coarse = labelled_date(sentences)
    if coarse is None and hints.get("updated"):
        coarse = parse_date(hints["updated"]) or leading_date(hints["updated"])
    return coarse


def labelled_date(sentences: list[Sentence]) -> str | None:
    """The date of a short line anywhere in the text that says when the page was published, else when it
    was last updated.

    >>> from clustergraph.extract.sentences import split_sentences
    >>> labelled_date(split_sentences("Wir sind ein Netzwerk.\\n\\nStand: 03/2023"))
    '2023-03'
    >>> labelled_date(split_sentences("Text.\\nLast updated: 2 March 2023\\nPublished: 12 May 2021"))
    '2021-05-12'
    >>> labelled_date(split_sentences("Die Förderung läuft bis Stand der Technik 2030.")) is None
    True
    >>> labelled_date(split_sentences("Forum 2024, 17–18 October 2024 · Marina Programme – version of 2 September 2024"))
    '2024-09-02'

    """
    found: dict[str, str] = {}
    for sentence in sentences:
        for line in sentence.text.split("\n"):
            line = line.strip()
            if len(line) > 160:
                continue
            for kind, label in (("published", _PUBLISHED_LABEL), ("updated", _UPDATED_LABEL)):
                match = label.match(line) if kind == "published" else label.search(line)
                if match is not None and kind not in found and (len(line) <= 60 or len(line) - match.end() < 30):
                    found.update({kind: iso} if (iso := leading_date(line[match.end():])) else {})
    return found.get("published") or found.get("updated")


def leading_date(text: str) -> str | None:
    """The ISO date ``text`` starts with (``03/2023`` is a month).

    >>> leading_date("03/2023 · Impressum"), leading_date("Februar 2024"), leading_date("der Technik 2030")
    ('2023-03', '2024-02', None)
    """
    text = text.strip()
    month = _MONTH_YEAR.match(text)
    if month:
        return f"{month.group('year')}-{int(month.group('month')):02d}"
    dates = find_dates(text)
    return dates[0].iso if dates and dates[0].start == 0 else None


def announcement_id(source: str | None, title: str) -> str:
    """The slug of the source file's name, else of the title.

    >>> announcement_id("/x/biosaxony-go-cluster-2014.txt", "T")
    'biosaxony-go-cluster-2014'
    """
    if source:
        return slugify(Path(source).stem)
    return slugify(title)[:80].strip("-") or "announcement"
