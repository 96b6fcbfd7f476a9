"""Where a document's items begin: headings, separators, bullets, "Über X" boxes, contact blocks.

The first step of the discourse model (:mod:`clustergraph.extract.discourse` gives each item its
topic): :func:`segment` splits the sentences of a document into :class:`Item` s at headings (a short
line of its own, an upper-case line), ``+++`` or ``---`` separators, "Über X"/"About X" boxes, bullets,
lines under a line ending in a colon (a list without bullets), numbered headings between blank lines
(``1. Zukunftscluster: SmartHaus OWL gewinnt``), paragraphs that open with a name and a dash
(``MobiLinz – the Upper Austrian cluster ...``), profile cards and contact or imprint blocks
(``Kontakt``, ``Impressum``, ``Pressekontakt:``), which are about nobody in particular.

>>> from clustergraph.extract.sentences import split_sentences
>>> text = "NEWS\\nAlpha wins\\n\\nAlphaNet, the cluster from Kiel, won. It grew.\\n\\nBETA\\n\\nBetaNet won too."
>>> [(i.start, i.end, i.strong) for i in segment(text, split_sentences(text), "en")]
[(0, 4, True), (4, 6, True)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clustergraph.extract.dates import DATELINE
from clustergraph.extract.patterns import CONTACT_HEADING
from clustergraph.extract.resolve import Referent
from clustergraph.extract.sentences import Sentence

__all__ = ["Item", "segment", "IMPRINT", "IMPRINT_LINE", "FIELD", "BULLET", "LOWER", "own_line", "upper_heading"]

# an imprint: the legal notice of the site's operator, whose officers are not (necessarily) the cluster's
IMPRINT = re.compile(r"^(?:Impressum|Imprint|Legal\s+notice|Site\s+notice|Angaben\s+gem(?:äß|\.)\s*§\s*5)\b", re.I)
# lines only an imprint has: registers, tax numbers, the legally responsible persons
IMPRINT_LINE = re.compile(r"\b(?:Registergericht|Registernummer|Vereinsregister|Handelsregister|Umsatzsteuer-?Identifikationsnummer|"
                          r"USt\.?-?Id(?:Nr)?\.?|Vertretungsberechtigte[rn]?|Verantwortlich(?:\s+für\s+den\s+Inhalt|\s+i\.\s?S\.\s?d\.)|"
                          r"Register(?:ed)?\s+court|Registration\s+number|VAT\s+(?:ID|number|reg)|Authori[sz]ed\s+representatives?)\b")
# "Über uns", "Über das Netzwerk", "About the cluster": a box about the publisher, named elsewhere
_ABOUT_SELF = re.compile(r"^(?:Über|About)\s+(?:uns|us|das\s+Netzwerk|den\s+Verein|den\s+Cluster|das\s+Cluster|"
                         r"the\s+(?:cluster|network|association|initiative))\s*$", re.I)
_SEPARATOR = re.compile(r"^\s*(?:[-=*_+~#·•]\s*){3,}$", re.M)
_TICKER = re.compile(r"^\s*\+\+\+")  # "+++ NeuroTwin gewinnt +++": a news ticker item
BULLET = re.compile(r"^\s*(?:[•▪◦‣*–-]|\d{1,2}[.)])\s+")
# the fields of a profile card under a name heading: "PortNet Warnow" / "Sitz: Rostock" / "Branche: Logistik"
FIELD = re.compile(
    r"^(?:Sitz|Standort|Ort|Region|Branche|Branchen|Schwerpunkt|Themen|Vorhaben|Projekt|Zuwendung|Förderung|Fördersumme|"
    r"Fördermittel|Mitglieder|Gründung|Gegründet|Geschäftsführung|Geschäftsführer(?:in)?|Sprecher(?:in)?|Vorsitz|Website|"
    r"Internet|Seat|Location|Based\s+in|Headquarters|Sector|Sectors|Field|Focus|Project|Funding|Grant|Members|Founded|"
    r"Managing\s+director|Chair|Spokesperson)\s*:\s*\S", re.I)
_APPOSITION = re.compile(r",\s+(?:the|a|an|der|die|das|ein|eine)\s", re.I)
_FUNCTION_WORDS = frozenset((
    "for of the a an and or in to with from by at on is are was were has have had our its their as that which "
    "der die das des dem den ein eine einer eines einem und oder im am an auf aus bei mit von vom zu zum zur für "
    "ist sind war hat haben wird werden unser unsere seit nach über").split())
LOWER = "a-zäöüßà-öø-ÿčďěňřšťůžłśźżćąęńő"  # lower-case letters of names in European languages
# a paragraph that opens with a name and a dash or an apposition: an entry about that name
# ("MobiLinz – the Upper Austrian cluster for e-mobility ...")
_ENTRY = re.compile(rf"^[„“\"»]?(?:[A-ZÄÖÜ][{LOWER}]+[A-Z]\w*|[a-z]+[A-Z]\w*|[A-Z]{{2,}}\w*)(?:[\s-][A-ZÄÖÜ]\w*){{0,2}}?"
                    r"(?:\s[–—]\s|,\s+(?:the|a|an|der|die|das|ein|eine)\s)")
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+\S")


@dataclass
class Item:
    """A run of sentences ``start`` .. ``end - 1`` about one thing."""

    start: int
    end: int
    strong: bool = False  # begins at a strong boundary (upper-case heading, separator, contact, "Über X")
    headings: list[int] = field(default_factory=list)  # sentence indexes of its heading lines
    about: Referent | None = None  # the organisation of an "Über X" box
    contact: bool = False  # a contact block: about nobody in particular
    imprint: bool = False  # an imprint ("Impressum", register numbers): its officers are the site operator's
    about_self: bool = False  # "Über uns" / "About the cluster": about the publisher
    bullet: bool = False  # a bullet item: about what it names, else about the item it sits in
    card: bool = False  # a name heading over "Sitz: ..."/"Branche: ..." lines: about that name
    resumes: bool = False  # the text after a bullet list or profile cards: about the item they sit in
    topic: Referent | None = None



def own_line(text: str, s: Sentence) -> bool:
    before = text.rfind("\n", 0, s.start)
    after = text.find("\n", s.end)
    after = len(text) if after < 0 else after
    return not text[before + 1:s.start].strip() and not text[s.end:after].strip()


def upper_heading(line: str) -> bool:
    return line.isupper() and sum(1 for c in line if c.isalpha()) >= 3


def _is_heading(text: str, sentences: list[Sentence], index: int, language: str) -> bool:
    """Whether sentence ``index`` lies on a heading line: a short line that is not a wrapped line
    (``„Gütesiegel für Textilbauer“``, or a source and headline on one line)."""
    s = sentences[index]
    start = text.rfind("\n", 0, s.start) + 1
    end = text.find("\n", s.end)
    end = len(text) if end < 0 else end
    line = text[start:end].strip()
    own = line == s.text.strip()
    if not line or len(line) > (90 if own else 120) and not line.isupper() or BULLET.match(line):
        return False
    if upper_heading(line) or _TICKER.match(line):
        return True
    if FIELD.match(line) or _APPOSITION.search(line):
        return False  # "Sitz: Rostock (Mecklenburg-Vorpommern)", "X, the Rennes-based cluster ...": list lines
    words = line.split()
    if len(words) > (10 if own else 16) or line[-1] in ".;,:":
        return False
    dateline = DATELINE.match(line)
    if dateline and not line[dateline.end():].strip(" -–—:|"):
        return False  # "Brussels, 3 April 2024"
    last = words[-1]
    if not re.match(r"[A-ZÄÖÜ0-9„“\"*]", line) or last.lower() in _FUNCTION_WORDS:
        return False
    standalone = index and "\n\n" in text[sentences[index - 1].end:start] and "\n\n" in text[end:end + 3]
    if language == "de" and last[0].islower() and not last[-1].isdigit() and last[-1] not in "“”\"»«)" and not standalone:
        return False  # German headings end in a noun or a name; a lower-case word is a wrapped line (unless alone)
    following = next((other for other in sentences[index + 1:] if other.start >= end), None)
    if following is not None and re.match(r"[a-zäöü(,;)]", following.text.lstrip()):
        return False  # the line goes on: "... Netzwerk AutoLor aus Metz" / "(Frankreich), das ..."
    return True


def segment(text: str, sentences: list[Sentence], language: str = "de", about: dict[int, Referent] | None = None) -> list[Item]:
    """Split ``sentences`` into items (see the module docstring); ``about`` maps "Über X" sentences to X."""
    about = about or {}
    items: list[Item] = []
    previous_heading = False
    for s in sentences:
        gap = text[sentences[s.index - 1].end:s.start] if s.index else ""
        line = s.text.strip()
        heading = _is_heading(text, sentences, s.index, language) or _numbered_heading(text, sentences, s.index)
        contact = bool(CONTACT_HEADING.match(line))
        about_self = bool(_ABOUT_SELF.match(line))
        marked = s.index in about or contact or about_self
        upper = heading and (upper_heading(line) or _TICKER.match(line) is not None)
        strong = s.index == 0 or marked or bool(_SEPARATOR.search(gap)) or upper
        line_start = not text[text.rfind("\n", 0, s.start) + 1:s.start].strip()
        bullet = line_start and bool(BULLET.match(line)) and not heading
        if line_start and not bullet and s.index and _unmarked_list_line(text, sentences, s.index):
            bullet = True  # "The partners at a glance:" / "AgroFood Hub, the ... cluster based in Lingen" / ...
        field_line = line_start and bool(FIELD.match(line))
        if field_line and previous_heading and items:
            items[-1].card = True  # "PortNet Warnow" / "Sitz: Rostock": a profile card
        resumes = bool(items) and (items[-1].bullet or items[-1].card) and line_start and not bullet and \
            not heading and not strong and not field_line
        new = strong or heading or bullet or resumes
        if "\n\n" in gap and line_start and _ENTRY.match(line) and not heading and not previous_heading:
            new = True  # "MobiLinz – the Upper Austrian cluster ...": an entry of a list of paragraphs
        if items and previous_heading and heading and not marked and not upper and "\n\n" not in gap:
            new = False  # a heading group: "SAXONY-ANHALT" / "MedCycle goes for Silver"; a masthead and its subtitle
        if new or not items:
            items.append(Item(s.index, s.index + 1, strong=strong, about=about.get(s.index), contact=contact,
                              about_self=about_self, bullet=bullet, resumes=resumes, imprint=bool(IMPRINT.match(line))))
        else:
            items[-1].end = s.index + 1
        if IMPRINT_LINE.search(line):
            items[-1].imprint = True
        if heading:
            items[-1].headings.append(s.index)
        previous_heading = heading
    return items


def _numbered_heading(text: str, sentences: list[Sentence], index: int) -> bool:
    """``1. Zukunftscluster: SmartHaus OWL gewinnt`` between blank lines, over a paragraph that is not the next
    number: a numbered heading, not an item of a loose list."""
    s = sentences[index]
    line = s.text.strip()
    if not _NUMBERED.match(line) or not own_line(text, s) or len(line.split()) > 12 or line[-1] in ".;,":
        return False
    before = text[sentences[index - 1].end:s.start] if index else "\n\n"
    if index + 1 >= len(sentences) or "\n\n" not in before or index and BULLET.match(sentences[index - 1].text):
        return False  # "1. AlphaNet (Kiel)" / "2. BetaNet (Jena)": the last item of a loose list
    following = sentences[index + 1]
    return "\n\n" in text[s.end:following.start] and not BULLET.match(following.text)


def _unmarked_list_line(text: str, sentences: list[Sentence], index: int) -> bool:
    """Whether sentence ``index`` is a line of a list without bullets: lines under an introducing line
    that ends with a colon, each line of its own, no blank line between them."""
    for i in range(index, max(0, index - 12), -1):
        s, before = sentences[i], sentences[i - 1]
        if "\n" not in text[before.end:s.start] or "\n\n" in text[before.end:s.start] or not own_line(text, s):
            return False
        intro = before.text.strip()
        if intro.endswith(":") and own_line(text, before):
            return not CONTACT_HEADING.match(intro) and not FIELD.match(intro)
    return False
