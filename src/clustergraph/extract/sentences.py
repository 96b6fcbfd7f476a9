"""Splitting normalised text into sentences with character offsets.

Rules: a line break always ends a sentence (titles, list items and date lines are sentences of
their own); ``.``, ``!``, ``?`` end one when followed by white space and an upper-case letter,
digit or opening quote, unless the word before is an abbreviation (``e.V.``, ``z. B.``,
``Dr.``, ``Dr.-Ing.``, ``Inc.``...), an initial, or a day/ordinal number (``18. Juli 2014``,
``am 3. Oktober``); closing quotes after the full stop stay with the sentence. A dateline
(``Dresden, 18. Juli 2014 -``) at the start of a paragraph is a sentence of its own.

>>> [s.text for s in split_sentences("Am 18. Juli 2014 kam Dr. Weber. Das Netzwerk e.V. wächst.")]
['Am 18. Juli 2014 kam Dr. Weber.', 'Das Netzwerk e.V. wächst.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clustergraph.extract.dates import DATELINE

ABBREVIATIONS = {
    # German
    "z", "b", "bzw", "ca", "dr", "prof", "ing", "dipl", "nr", "mio", "mrd", "u", "a", "v", "d", "h",
    "s", "o", "e", "vgl", "ggf", "inkl", "evtl", "usw", "bzgl", "abs", "art", "hr", "fr", "str",
    "st", "tel", "mag", "rer", "nat", "med", "phil", "habil", "jun", "sen", "geb", "gem", "lt",
    "mind", "max", "min", "ehem", "zzgl", "rd", "tsd", "jh", "jhd", "sog", "insb", "einschl",
    "allg", "gegr", "hrsg", "vs", "zt", "uvm", "ff", "etc", "dt", "engl", "franz", "int", "ref",
    "kfm", "kffr", "oec", "päd", "agr", "biol", "volksw", "betriebsw", "wirt", "ret",  # Dipl.-Kffr., Dipl.-Oec., Captain (ret.)
    "jan", "feb", "febr", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "oct", "nov", "dez", "dec",
    # English
    "mr", "mrs", "ms", "jr", "sr", "inc", "ltd", "co", "corp", "llc", "plc", "eg", "ie", "no", "nos",
    "approx", "dept", "est", "fig", "govt", "mt", "univ", "assoc", "bros", "ph", "sc", "mba", "resp",
}
_SENTENCE_STARTERS = {
    "Die", "Der", "Das", "Dies", "Diese", "Dieser", "Im", "In", "Mit", "Am", "Auch", "Außerdem",
    "The", "This", "These", "It", "In", "With", "Also", "We", "Wir", "Er", "Sie", "Es",
}
# abbreviations that often end a sentence: a boundary when a typical sentence start follows
_FINAL_ABBREVIATIONS = {"etc", "usw", "inc", "ltd", "corp", "co", "llc", "plc", "uvm"}
# German months and their abbreviations only (not dates.MONTH_NAMES: an English "Mar."/"Dec." is not
# protected here, and changing that would move sentence boundaries)
_MONTH_WORDS = re.compile(
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
    r"Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez)\b"
)
_BOUNDARY = re.compile(r"[.!?…]+['\"”“’«»)]*(?=\s+['\"„“‚‘»«(]?[A-ZÄÖÜ0-9])")
_WORD_BEFORE = re.compile(r"([\w\-]+)\.?$")
_NEXT_WORD = re.compile(r"[\w\-]+")
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Sentence:
    """A sentence: its index, its offsets in the normalised text, and its text."""

    index: int
    start: int
    end: int
    text: str


def _is_boundary(line: str, pos: int, end: int) -> bool:
    """Whether the punctuation run line[pos:end] ends a sentence."""
    punct = line[pos:end]
    if punct[0] != ".":
        return True
    before = line[max(0, pos - 40):pos]
    match = _WORD_BEFORE.search(before)
    if not match:
        return True
    word = match.group(1)
    last = word.split("-")[-1] if "-" in word and not word.endswith("-") else word
    after = line[end:].lstrip()
    next_word = _NEXT_WORD.match(after.lstrip("\"'„“‚‘»«("))
    next_word = next_word.group(0) if next_word else ""
    lower = last.lower()
    if lower in _FINAL_ABBREVIATIONS or word.lower() in ("e.v", "u.a", "u.ä"):
        return next_word in _SENTENCE_STARTERS
    if lower in ABBREVIATIONS:
        return False
    if len(last) == 1 and last.isalpha():
        return False  # an initial or a one-letter abbreviation (z. B., u. a., e.V.)
    if "." in word[:-1] and len(word) <= 6:
        return False  # i.e, e.g, U.S
    if last.isdigit():
        if _MONTH_WORDS.match(after):
            return False  # 18. Juli
        if len(last) <= 2:
            return next_word in _SENTENCE_STARTERS  # ordinals: am 3. Oktober, der 2. Platz
    return True


def _split_line(line: str, offset: int) -> list[tuple[int, int]]:
    spans = []
    start = 0
    dateline = DATELINE.match(line)
    if dateline and dateline.end() < len(line):
        spans.append((0, dateline.end("dash")))
        start = dateline.end()
    for match in _BOUNDARY.finditer(line, start):
        if match.start() < start:
            continue
        if _is_boundary(line, match.start(), match.end()):
            spans.append((start, match.end()))
            start = match.end()
    spans.append((start, len(line)))
    result = []
    for s, e in spans:
        segment = line[s:e]
        stripped_left = len(segment) - len(segment.lstrip())
        stripped_right = len(segment) - len(segment.rstrip())
        s2, e2 = s + stripped_left, e - stripped_right
        if e2 > s2:
            result.append((offset + s2, offset + e2))
    return result


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of normalised ``text`` with offsets: ``text[s.start:s.end] == s.text``."""
    sentences: list[Sentence] = []
    for line in _LINE.finditer(text):
        for start, end in _split_line(line.group(0), line.start()):
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return sentences
