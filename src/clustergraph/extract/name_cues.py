"""Names found by how the text uses them (helpers of :mod:`clustergraph.extract.discovery`).

A lower-case brand with a dot after a cluster noun (``das Textilnetzwerk textil.digital``), a brand
before a seat apposition (``H2 Westküste, headquartered in Heide``), and the first words of an
institution's name a finder cut off (``Thünen-``, ``Technische``, ``Westsächsische``).
"""

from __future__ import annotations

import re

from clustergraph.extract import finders as D
from clustergraph.extract import names as N

NOT_NAME_START = {"In", "Im", "Am", "An", "Auf", "Seit", "Since", "On", "At", "For", "With", "By", "From", "Mit", "Von",
                  "Nach", "Bei", "Für", "Unter", "Über", "After", "Before", "During", "Der", "Die", "Das", "The", "A",
                  "Our", "Unser", "Unsere", "Its", "Ihr", "Sein", "This", "Dieser", "Diese", "Dieses", "Und", "And", "Auch",
                  "Heute", "Today", "Also", "Zudem", "Außerdem", "Partner", "Mitglied", "Member"}
MONTHS = re.compile(r"^(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
                    r"January|February|March|May|June|July|October|December)$")


# a lower-case brand with a dot after a cluster noun: "Das Textilnetzwerk textil.digital", "the network food.nord"
_DOTTED_BRAND = re.compile(r"(?:[Nn]etzwerks?|[Cc]lusters?|network|[Vv]ereins?|[Vv]erbunds?)\s+"
                           r"([a-zäöü][a-zäöü0-9-]*(?:\.[a-zäöü0-9-]+)+)(?![\w@/]|\.[a-zäöü])")
_WEB_ENDING = re.compile(r"\.(?:de|com|org|net|eu|info|io|example|html?|php|pdf)$")


def dotted_brands(text: str, start: int, end: int) -> list:
    """Lower-case brands with a dot named after a cluster noun (not web addresses).

    >>> [c.name for c in dotted_brands("Das Textilnetzwerk textil.digital wählt. Mail an info@netz.de", 0, 59)]
    ['textil.digital']
    """
    return [D.Candidate(start + m.start(1), start + m.end(1), m.group(1), "Cluster", m.group(1))
            for m in _DOTTED_BRAND.finditer(text[start:end]) if not _WEB_ENDING.search(m.group(1))]


# "H2 Westküste, headquartered in Heide, ...", "HyNet Ems, mit Sitz in Lingen, ...": a seat apposition
_SEAT_APPOSITION = re.compile(r",\s+(?:headquartered|based|located)\s+in\s+(?=[A-ZÄÖÜ])|,\s+(?:mit\s+Sitz|ansässig)\s+in\s+(?=[A-ZÄÖÜ])")
_BRAND_SHAPE = re.compile(r"^(?:[A-ZÄÖÜ][a-zäöü]*[A-Z0-9][\w-]*|[a-zäöü]+[A-Z][\w-]*)(?:\s[A-ZÄÖÜ][\w-]*){0,2}$")


def seat_apposition_names(text: str, start: int, end: int) -> list:
    """A brand named before a seat apposition (``H2 Westküste, headquartered in Heide``).

    Only brand-shaped names (inner capitals or digits) count: a person may be ``based in`` a town too.

    >>> [c.name for c in seat_apposition_names("H2 Westküste, headquartered in Heide, builds electrolysers.", 0, 58)]
    ['H2 Westküste']
    >>> seat_apposition_names("Anna Berg, based in Kiel, chairs the board.", 0, 43)
    []
    """
    found = []
    for match in _SEAT_APPOSITION.finditer(text, start, end):
        span = N.name_chunk_before(text, match.start(), limit=3, floor=start)
        if span is None:
            continue
        name = N.clean_name(text[span[0]:span[1]])
        if _BRAND_SHAPE.match(name) and name.split()[0] not in NOT_NAME_START:
            found.append(D.Candidate(span[1] - len(name), span[1], name, "Organisation", name))
    return found


_INSTITUTION_HEAD = re.compile(r"^(?:Universität|Hochschule|Fachhochschule|Institut|Zentrum|Klinikum|Akademie)\b")
# what a finder may leave out before the head: "Thünen-" glued on, "Technische", "Westsächsische", "Brandenburgische Technische"
_LEFT_OF_HEAD = re.compile(r"(?:(?<![\w-])[A-ZÄÖÜ][\w]*-|(?<![\w-])(?:(?:[A-ZÄÖÜ][a-zäöüß]+schen?|Freien?)\s+){1,2})$")


def extend_left(text: str, c):
    """``Institut für Ostseefischerei`` -> ``Thünen-Institut für Ostseefischerei``, ``Technischen Universität
    Chemnitz`` -> ``Technische Universität Chemnitz``: the part of an institution's name a finder cut off.

    >>> extend_left("mit der Technischen Universität Chemnitz", D.Candidate(20, 40, "Universität Chemnitz", "Organisation")).name
    'Technische Universität Chemnitz'
    """
    if c.type != "Organisation" or not _INSTITUTION_HEAD.match(c.name) or not text[c.start:c.end].startswith(c.name.split()[0]):
        return c
    match = _LEFT_OF_HEAD.search(text, max(0, c.start - 60), c.start)
    if match is None or match.group(0).split()[0] in NOT_NAME_START or MONTHS.match(match.group(0).split()[0]):
        return c
    left = re.sub(r"(?<=[a-zäöüß])(isch|lich|ig)en\s", r"\1e ", match.group(0))
    left = re.sub(r"\b(Technisch|Medizinisch|Freie)n\s", r"\1 ", left)
    return D.Candidate(match.start(), c.end, left + c.name, c.type, text[match.start():c.end], c.attrs)
