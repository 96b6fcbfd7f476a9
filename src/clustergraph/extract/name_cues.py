"""Names found by how the text uses them (helpers of :mod:`clustergraph.extract.discovery`).

A lower-case brand with a dot after a cluster noun (``das Textilnetzwerk textil.digital``), a brand
before a seat apposition (``H2 Westküste, headquartered in Heide``), and the first words of an
institution's name a finder cut off (``Thünen-``, ``Technische``, ``Westsächsische``).
"""

from __future__ import annotations

import re

from clustergraph.extract import finders as D
from clustergraph.extract import names as N
from clustergraph.extract.dates import MONTH_NAMES

NOT_NAME_START = {"In", "Im", "Am", "An", "Auf", "Seit", "Since", "On", "At", "For", "With", "By", "From", "Mit", "Von",
                  "Nach", "Bei", "Für", "Unter", "Über", "After", "Before", "During", "Der", "Die", "Das", "The", "A",
                  "Our", "Unser", "Unsere", "Its", "Ihr", "Sein", "This", "Dieser", "Diese", "Dieses", "Und", "And", "Auch",
                  "Heute", "Today", "Also", "Zudem", "Außerdem", "Partner", "Mitglied", "Member"}
MONTHS = re.compile(r"^(?:" + "|".join(MONTH_NAMES) + r")$")


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


# a brand whose last capital part is a cluster head: "LogistikNetz Ruhr", "RoboNet Kansai", "BioCluster"
_HEADED_BRAND = re.compile(r"(?<![\w./@-])[A-ZÄÖÜ][a-zäöü]{2,}(?:Net|Netz|NET|NETZ|Cluster|CLUSTER)(?![\w-])")
# what may precede a sentence's subject: "Das ebenfalls nominierte Dortmunder X", "The X", or nothing
_SUBJECT_LEAD = re.compile(r"[\s*#„“\"»-]*(?:(?:Das|Der|Die|The)\s+(?:(?:[a-zäöü][\w-]*|[A-ZÄÖÜ][\w-]*er)\s+){0,3})?")
_COMPANY_OR_PRODUCT_AFTER = re.compile(
    r"(?:\s+[A-ZÄÖÜ][\w-]*)*?\s+(?:gGmbH|GmbH|mbH|AG|UG|SE|Ltd|Inc|LLC|plc|GbR|KG|[Pp]rogramm|[Pp]rogram|[Pp]roje[ck]t|"
    r"[Pp]lattform|[Pp]latform|[Ss]oftware|[Aa]pp|[Tt]ool|[Ss]uite|[Ss]ystem)\b")
_NOT_AFTER_BRAND = {"The", "Der", "Die", "Das", "Und", "And", "In", "Im", "Am", "An", "On", "At", "For", "Für", "Mit", "With"}


def find_headed_brands(text: str, start: int, end: int) -> list:
    """A brand whose last part is a cluster head, with the region words after it (``LogistikNetz Ruhr``).

    A brand before a company's legal form is a company's (``DataNet GmbH``), not a cluster.

    >>> [c.name for c in find_headed_brands("Das Dortmunder LogistikNetz Ruhr ging leer aus.", 0, 47)]
    ['LogistikNetz Ruhr']
    >>> find_headed_brands("Der Anbieter DataNet GmbH liefert Router.", 0, 41)
    []
    """
    found = []
    for match in _HEADED_BRAND.finditer(text, start, end):
        span = N.name_chunk_after(text, match.start(), limit=3)
        if span is None or span[1] > end:
            continue
        words = text[span[0]:span[1]].split()
        cut = next((i for i, w in enumerate(words) if i and (w in _NOT_AFTER_BRAND or not w[:1].isupper())), len(words))
        words = words[:cut]
        if len(words) > 2 and not re.search(r"(?:e[rs]|ische[nrs]?)$", words[1]):
            words = words[:2]  # "OptoNetz Kassel Geräte": a second region word only after an adjective ("Bergisches Land")
        name_end = span[0] + len(" ".join(words))
        if _COMPANY_OR_PRODUCT_AFTER.match(" " + " ".join(words[1:]) + text[name_end:name_end + 14]):
            continue  # a company ("DataNet GmbH") or a product/project named like a network
        name = N.clean_name(" ".join(words))
        if not D._ok_name(name) or D.lexicon.PROGRAMME_WORDS.search(name):
            continue
        # the subject of its sentence is a cluster; elsewhere an Organisation: a partner named in passing must not
        # become the announcement's cluster (a cluster cue elsewhere upgrades it)
        kind = "Cluster" if _SUBJECT_LEAD.fullmatch(text, start, span[0]) else "Organisation"
        found.append(D.Candidate(span[0], name_end, name, kind, text[span[0]:name_end]))
    return found


# a brand opening its sentence (after a dateline) as the subject of what clusters do: "TexAlb erhält das Label"
_DATELINE_LEAD = re.compile(r"(?:[A-ZÄÖÜ][\w./-]*(?:\s[A-ZÄÖÜ][\w./-]*)?,\s[^–—\n]{4,30}?\s[–—-]\s+)?(?:(?:Das|Der|Die|The)\s+)?")
_BRAND_SUBJECT = re.compile(r"(?:[A-ZÄÖÜ][a-zäöüß]+[A-Z0-9][\w-]*|[A-Z0-9]{2,}[a-zäöü]*)(?:\s[A-ZÄÖÜ][\w-]*){0,2}")
_CLUSTER_VERB_AFTER = re.compile(
    r"\s(?:erhält|erhielt|bekommt|gewinnt|gewann|wurde|wird|tritt|trat|bündelt|vernetzt|verbindet|zählt|gehört|"
    r"ist\s+(?:seit|jetzt|nun|neues?|neuer)|hat\s+(?:das|den|die|im|am|seit)|"
    r"joins|joined|receives|received|wins|won|has\s+been|was\s+(?:awarded|admitted|selected|named|granted)|"
    r"is\s+(?:now|one|among|the\s+first)|has\s+(?:joined|won|received|earned|secured)|earns|earned|secures|secured|"
    r"brings\s+together|connects|unites)\b")
_CLUSTER_CUE = re.compile(r"[Ll]abel|[Cc]luster|[Nn]etzwerk|[Nn]etwork|[Pp]rogramm|[Pp]rogram|[Ww]ettbewerb|competition|"
                          r"Mitglieder|members|Unternehmen|companies|Förder|funding|Euro|EUR|€")
_CLUSTER_ONLY_CUE = re.compile(r"[Ll]abel|[Cc]luster|[Nn]etzwerk|[Nn]etwork|[Pp]rogramm|[Pp]rogram|[Ww]ettbewerb|competition|"
                               r"Mitglieder|members|vernetzt|bündelt|verbindet|brings\s+together|connects|unites")
# brands that are products, platforms or companies everybody knows, and name prefixes of people ("McAllister")
_NOT_A_CLUSTER_BRAND = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)[A-Z]|^(?:LinkedIn|YouTube|PowerPoint|"
                                  r"JavaScript|GitHub|WhatsApp|TikTok|PayPal|iPhone|BioNTech|CureVac|SAP|IBM|BASF|BMW|"
                                  r"ECEI|ESCA|EU|EFRE|ERDF|BMWi|BMWK|BMBF|ZIM|KMU|SME|IHK|HWK|GmbH|AG|CEO|CTO|COVID)\b")


def find_brand_subjects(text: str, start: int, end: int) -> list:
    """A brand-shaped name opening its sentence as the subject of a cluster verb (``TexAlb erhält das Label``).

    The brand needs inner capitals or digits (``SensIQ``, ``H2 Westküste``) or is an acronym with a region
    word; the sentence must speak of what clusters get or do (labels, programmes, members, funding).
    Acronyms alone, known products and companies, and people's names are left alone.

    >>> [c.name for c in find_brand_subjects("Kiel, 3. Mai 2024 – TexAlb erhält das Silber-Label.", 0, 50)]
    ['TexAlb']
    >>> find_brand_subjects("BioNTech erhält 20 Millionen Euro Förderung.", 0, 44)
    []
    """
    lead = _DATELINE_LEAD.match(text, start, end)
    at = lead.end() if lead else start
    match = _BRAND_SUBJECT.match(text, at, end)
    if match is None:
        return []
    words = match.group(0).split()
    while len(words) > 1 and (words[-1] in _NOT_AFTER_BRAND or D._QUANTITY.match(words[-1])):
        words.pop()
    name = " ".join(words)
    name_end = at + len(name)
    if re.fullmatch(r"[A-Z0-9]{2,}[a-zäöü]*", words[0]) and len(words) < 2:
        return []  # an acronym alone: a ministry, a programme or a label as often as a cluster
    if _NOT_A_CLUSTER_BRAND.match(name) or re.fullmatch(r"[\d\s]+", name) or not D._ok_name(name) or \
            D.lexicon.PROGRAMME_WORDS.search(name) or D._LEGAL.match(text, name_end) or D._LEGAL.search(name):
        return []  # ... or a company by its legal form ("TexWalk GmbH")
    if not _CLUSTER_VERB_AFTER.match(text, name_end, end) or not _CLUSTER_CUE.search(text, name_end, end):
        return []
    # what only clusters get or do makes a cluster; money alone (any firm gets grants) an Organisation
    strong = _CLUSTER_ONLY_CUE.search(text, name_end, end)
    kind = "Cluster" if strong and not D.lexicon.ORGANISATION_WORDS.search(name) else "Organisation"
    return [D.Candidate(at, name_end, N.clean_name(name), kind, name)]


# "Mitglied im MarTec Nord", "member of MarTec Nord", "Partner von H2 Marsch": a brand one belongs or is partner to
_MEMBER_OF = re.compile(r"\b(?:(?P<member>Mitglied(?:sunternehmen)?\s+(?:im|in\s+der|des|bei)|[Mm]ember\s+of|joined)|"
                        r"(?P<partner>[Pp]artner\s+(?:von|des|der|im)|[Pp]artner\s+of|[Pp]artnership\s+with|Kooperation\s+mit))"
                        r"\s+(?:the\s+)?(?=[A-ZÄÖÜ0-9])")


def find_member_of_brands(text: str, start: int, end: int) -> list:
    """A brand-shaped name one is a member or partner of (``Mitglied im MarTec Nord``, ``partner of HyFab``).

    Only brands with inner capitals or digits: ``Mitglied im Vorstand``, ``member of Parliament`` are no
    organisations. Membership makes a cluster; a partner is an Organisation until a cluster cue says more.

    >>> [(c.name, c.type) for c in find_member_of_brands("Die Firma ist jetzt Mitglied im MarTec Nord.", 0, 44)]
    [('MarTec Nord', 'Cluster')]
    >>> find_member_of_brands("Sie ist Mitglied im Vorstand der Stiftung.", 0, 42)
    []
    """
    found = []
    for match in _MEMBER_OF.finditer(text, start, end):
        span = N.name_chunk_after(text, match.end(), limit=3)
        if span is None or span[1] > end:
            continue
        words = text[span[0]:span[1]].split()
        cut = next((i for i, w in enumerate(words) if i and (w in _NOT_AFTER_BRAND or not w[:1].isupper())), len(words))
        name = N.clean_name(" ".join(words[:cut]))
        if not re.match(r"[A-ZÄÖÜ][a-zäöüß]+[A-Z0-9]", name) or _NOT_A_CLUSTER_BRAND.match(name) or not D._ok_name(name) \
                or D.lexicon.PROGRAMME_WORDS.search(name) or D._LEGAL.search(name) or D._LEGAL.match(text, span[0] + len(name)):
            continue
        kind = "Cluster" if match.group("member") and not D.lexicon.ORGANISATION_WORDS.search(name) else "Organisation"
        found.append(D.Candidate(span[0], span[0] + len(name), name, kind, name))
    return found


def find_brand_names(text: str, start: int, end: int) -> list:
    """The brand-shaped names a sentence without a cluster word may introduce (subjects of cluster verbs,
    brands with a cluster head, brands one is member or partner of).

    >>> [c.name for c in find_brand_names("SensoriQ has been awarded the ECEI Gold label.", 0, 46)]
    ['SensoriQ']
    """
    found: list = []
    for candidate in find_brand_subjects(text, start, end) + find_headed_brands(text, start, end) + \
            find_member_of_brands(text, start, end):
        if not any(c.start <= candidate.start < c.end or candidate.start <= c.start < candidate.end for c in found):
            found.append(candidate)
    return found
