"""Facts from key-value rows: profile tables, definition lists and ``Sitz: ...`` lines.

Directory profiles, "Über uns" boxes and funding notices state a cluster's facts as rows of a
field and its value, in any layout: an HTML table row (``City | Potsdam``, normalised to cells
joined by `` | ``), a definition list (``dt`` name, ``dd`` ``Sitz: Rostock (Mecklenburg-Vorpommern)``)
or plain ``Key: value`` lines. A row is read only when the field is one this module knows
(:data:`FIELDS`) and only inside a *profile*: the rows about one organisation must name at least
two different kinds of field, so that an event box (``Datum: ... / Ort: Lüdenscheid``) is not taken
for a cluster's seat. Fields a careful reader ignores stay unread: target markets, projects
(``Vorhaben:``), contact persons, founding years.

The organisation a row is about is the topic of its item (a profile card's name, see
:mod:`discourse`), else the document's subject.

>>> row_field("Sitz: Rostock (Mecklenburg-Vorpommern)")
('place', 'Rostock (Mecklenburg-Vorpommern)')
>>> row_field("Head of cluster management | Dr. Henrik Albers")
('director', 'Dr. Henrik Albers')
>>> row_field("Target markets | Agriculture; Forestry") is None
True
>>> row_field("Vorhaben: Cybersicherheit im Hafenbetrieb") is None
True
"""

from __future__ import annotations

import logging
import re

from clustergraph.extract.context import ORG_TYPES, Context, SentenceInfo
from clustergraph.extract.dates import find_dates
from clustergraph.extract.patterns import FUND_NAME
from clustergraph.extract.person_names import PERSON
from clustergraph.extract.resolve import Referent, Registry
from clustergraph.extract.tables import SEPARATOR

log = logging.getLogger(__name__)

__all__ = ["FIELDS", "row_field", "key_value_facts"]

# field kind -> the words that name it (German and English)
FIELDS: dict[str, str] = {
    "place": r"Sitz|Hauptsitz|Standort|Stadt|City|Town|Seat|Based\s+in|Headquarters",
    "region": r"Region(?:\s*\(NUTS\s*\d\))?|Bundesland|Land|Country|Staat",
    "sector": r"Branchen?|Sektor(?:en)?|Sectors?|Industrial\s+sectors?|Industries|Industry|Emerging\s+industries|"
              r"Schwerpunkte?|Technologiefelder?|Focus(?:\s+areas?)?|Fields?(?:\s+of\s+activity)?|Themenfelder?",
    "director": r"Geschäftsführung|Geschäftsführer(?:in)?|Managing\s+director|Cluster\s*manager(?:in)?|Clustermanagement|"
                r"Head\s+of(?:\s+the)?\s+cluster\s+management|Leitung\s+der\s+Geschäftsstelle|Executive\s+director|CEO",
    "chair": r"Vorsitz|Vorsitzende[rn]?|Vorstandsvorsitz(?:ende[r]?)?|Vorsitzende[r]?\s+des\s+Vorstands|Sprecher(?:in)?|"
             r"Clustersprecher(?:in)?|Spokesperson|Chair(?:man|woman|person)?(?:\s+of\s+the\s+board)?|President",
    "label": r"Quality\s+labels?|Labels?|Gütesiegel|Qualitätslabel|Qualitätssiegel|Zertifizierung|Certification",
    "funding": r"Funding|Funded\s+by|Förderung|Gefördert\s+von|Fördermittelgeber|Zuwendungsgeber|Förderer",
    "partner": r"Cooperation\s+partners?|Partners?|Partner(?:cluster|netzwerke?)?|Kooperationspartner",
}
_BULLET = r"^\s*(?:[•▪◦‣*–-]\s+)?"
_ROW = re.compile(
    _BULLET + r"(?:" + "|".join(f"(?P<{kind}>{words})" for kind, words in FIELDS.items()) +
    r")\s*(?:\||:)\s*(?P<value>\S.*?)\s*$", re.I)
_KEY_ONLY = re.compile(_BULLET + r"(?:" + "|".join(f"(?P<{kind}>{words})" for kind, words in FIELDS.items()) + r")\s*:?\s*$", re.I)
# a contact, imprint or publisher box heading, alone on its line or before a colon: the rows after it are the
# publisher's or an agency's. Deliberately not patterns.CONTACT_HEADING (any line starting with the word,
# no Herausgeber/Publisher): using that here too cuts a profile's own rows (measured: facts lost in the devset).
_CONTACT_BOX_KEY = re.compile(r"^\s*(?:Pressekontakt|Kontakt|Medienkontakt|Impressum|Herausgeber(?:in)?|Ansprechpartner(?:in)?|"
                      r"Press\s+contact|Media\s+contact|Contact|Imprint|Publisher|Legal\s+notice)\s*(?::|$)", re.I)
_TIER = re.compile(r"\b(?P<tier>Gold|Silver|Silber|Bronze)(?:[- ]?Label)?\b", re.I)
_PLANNED = re.compile(r"planned|plans?\b|aim|target|goal|applied|application|preparing|registered|in\s+preparation|"
                      r"geplant|angestrebt|beantragt|Bewerbung|Ziel|in\s+Vorbereitung|angemeldet|vorgesehen", re.I)
_PAST = re.compile(r"\b(?:until|bis|former|formerly|ehemals|bisher|abgeschlossen|completed|expired|abgelaufen)\b", re.I)
_EXPIRED = re.compile(r"\b(?:former|formerly|ehemals|ehemalig\w*|bisher\w*|expired|abgelaufen|lapsed)\b", re.I)
_NEGATED = re.compile(r"\b(?:none|keine?|nicht|not|no)\b", re.I)
_ITEM_SPLIT = re.compile(r"\s*(?:;|•|\s\+\s|,\s+(?=[A-ZÄÖÜ]))\s*")
_SECTOR_SPLIT = re.compile(r"\s*(?:;|,|/|\bund\b|\band\b|&)\s*")
_PLACE = re.compile(r"^(?P<city>[^()–,]+?)\s*(?:\((?P<land>[^()]+)\))?$")
_MAX_PLACE_LENGTH = 100  # a longer value is no place name (and is not matched at all)
_PLACE_WORD = re.compile(r"^[A-ZÄÖÜ][\w.’'-]*(?:\s(?:[A-ZÄÖÜ][\w.’'-]*|an\s+der|am|im|in|de|del|la|sur))*$")
# a partner "SpaceHub Noordwijk – Noordwijk (Netherlands)" or "Klastr X (Chomutov, Tschechien)"
_PARTNER = re.compile(r"^(?P<name>[^–()]+?)\s*(?:[–-]\s+(?P<city>[^()]+?))?\s*(?:\((?P<where>[^()]+)\))?$")


def row_field(line: str) -> tuple[str, str] | None:
    """``(kind, value)`` of a key-value row whose key this module reads, else ``None``."""
    match = _ROW.match(line)
    if not match:
        return None
    kind = next(k for k in FIELDS if match.group(k))
    return kind, match.group("value")


def _region(ctx: Context, info: SentenceInfo, start: int, end: int, text: str) -> Referent | None:
    """The region named in ``text`` (absolute offsets ``start``..``end``): a mention, else a minted place."""
    for m in info.mentions:
        if m.type == "Region" and m.kind == "name" and start <= m.start < end:
            return Registry.final(m.ref)
    text = re.sub(r"\s*\((?:[A-Z]{2}\d*|NUTS[^)]*)\)\s*$", "", text.strip())  # "Brandenburg (DE40)"
    if len(text) > _MAX_PLACE_LENGTH or not _PLACE_WORD.match(text) or len(text.split()) > 4:
        return None
    return Registry.final(ctx.registry.known(text, "Region") or ctx.registry.get(text, "Region"))


def _places(ctx: Context, info: SentenceInfo, subject: Referent, value: str, offset: int, evidence) -> None:
    """``Rostock (Mecklenburg-Vorpommern)``: located in both, the city part of the Land."""
    match = _PLACE.match(value)
    if not match:
        return
    city = _region(ctx, info, offset + match.start("city"), offset + match.end("city"), match.group("city"))
    ctx.add(subject, "located in", city, evidence, 0.8)
    if match.group("land") and city is not None and not re.fullmatch(r"[A-Z]{2}\d*|NUTS.*", match.group("land").strip()):
        land = _region(ctx, info, offset + match.start("land"), offset + match.end("land"), match.group("land"))
        if land is not None:
            ctx.add(subject, "located in", land, evidence, 0.75)
            ctx.add(city, "part of", land, evidence, 0.75)


def _sectors(ctx: Context, info: SentenceInfo, subject: Referent, value: str, offset: int, evidence,
             names_first: bool = False) -> None:
    """Each piece of ``value`` a sector: the whole cell (``Maritime Logistik``) unless ``names_first``
    prefers the sector a piece names (``Aerospace supply chain``)."""
    position = 0
    for piece in _SECTOR_SPLIT.split(value):
        piece = _FOCUS.sub("", piece)
        at = value.find(piece, position) if piece else -1
        if at < 0:
            continue
        position = at + len(piece)
        start, end = offset + at, offset + at + len(piece)
        found = [Registry.final(m.ref) for m in info.mentions if m.kind == "sector" and start <= m.start < end]
        piece = piece.strip(" .")
        if found and (names_first or not 1 <= len(piece.split()) <= 3):  # a cell "Maritime Logistik" is the sector
            for ref in found:
                ctx.add(subject, "sector", ref, evidence, 0.75)
            continue
        if piece and 1 <= len(piece.split()) <= 4 and not re.search(r"\d", piece):
            name = piece[0].upper() + piece[1:]
            ctx.add(subject, "sector", ctx.registry.known(name, "Sector") or
                    ctx.registry.get(name, "Sector", use_gazetteer=False), evidence, 0.7)


def _person(ctx: Context, value: str) -> Referent | None:
    match = re.search(PERSON, value)
    if not match or match.start() > 15:
        return None
    return ctx.registry.get(match.group("name"), "Person", use_gazetteer=False)


def _labels(ctx: Context, info: SentenceInfo, subject: Referent, value: str, evidence) -> None:
    """``BRONZE – awarded 03/2024 SILVER – assessment planned for 2025``: one tier at a time."""
    tiers = list(_TIER.finditer(value))
    for i, match in enumerate(tiers):
        part = value[match.start():tiers[i + 1].start() if i + 1 < len(tiers) else len(value)]
        label = ctx.label_ref(match.group("tier").capitalize(), info)
        if _PLANNED.search(part):
            ctx.add(subject, "prepares for label", label, evidence, 0.7)
        elif not _EXPIRED.search(part) and not _NEGATED.search(part):
            dates = find_dates(part, reference=ctx.issued)
            ctx.add(subject, "awarded label", label, evidence, 0.75, dates[0].iso if dates else ctx.issued)


def _funders(ctx: Context, info: SentenceInfo, subject: Referent, value: str, offset: int, evidence) -> None:
    if _PAST.search(value) or _NEGATED.search(value) or _PLANNED.search(value):
        return
    dates = find_dates(value, reference=ctx.issued)
    date = dates[0].iso if dates else ctx.issued
    end = offset + len(value)
    for m in info.mentions:
        if m.kind != "name" or not offset <= m.start < end:
            continue
        ref = Registry.final(m.ref)
        if ref.type == "Ministry" or ref.type == "Programme" and FUND_NAME.search(" ".join([ref.name, *ref.aliases])):
            ctx.add(subject, "funded by", ref, evidence, 0.75, date)


def _partners(ctx: Context, info: SentenceInfo, subject: Referent, value: str, offset: int, evidence) -> None:
    if _PLANNED.search(value) or _NEGATED.search(value):
        return
    position = 0
    for piece in _ITEM_SPLIT.split(value):
        at = value.find(piece, position)
        position = at + len(piece)
        match = _PARTNER.match(piece)
        if not match or not piece:
            continue
        name = match.group("name").strip()
        known = ctx.registry.known(name)
        if known is not None and Registry.final(known).type not in ORG_TYPES or len(name.split()) > 6:
            continue
        partner = Registry.final(known or ctx.registry.get(name, "Cluster"))
        ctx.add(subject, "partner of", partner, evidence, 0.7, ctx.issued)
        places = [g for g in ("city", "where") if match.group(g)]
        for group in places:
            for part in match.group(group).split(","):
                start = offset + at + match.start(group) + match.group(group).find(part)
                region = _region(ctx, info, start, start + len(part), part)
                ctx.add(partner, "located in", region, evidence, 0.7)


def _own_line(ctx: Context, info: SentenceInfo) -> bool:
    line_start = ctx.text.rfind("\n", 0, info.start) + 1
    line_end = ctx.text.find("\n", info.sentence.end)
    line_end = len(ctx.text) if line_end < 0 else line_end
    return not ctx.text[line_start:info.start].strip() and not ctx.text[info.sentence.end:line_end].strip()


def _value_line(ctx: Context, info: SentenceInfo) -> bool:
    """A value on a line under its key: a short fragment, not a sentence of prose."""
    text = info.text.strip()
    return _own_line(ctx, info) and len(text.split()) <= 15 and (not text.endswith(".") or text.endswith("V."))


def _is_name_line(ctx: Context, info: SentenceInfo) -> bool:
    """A line that holds a person's name and nothing else (a team card's name over its role)."""
    match = re.search(PERSON, info.text)
    return _own_line(ctx, info) and match is not None and len(info.text.split()) <= 6 and \
        not info.text[match.end():].strip(" ,")


def _rows(ctx: Context):
    """``(info, kind, value, offset)`` of every row: ``Key: value``, ``Key | value``, or a key line over a value line."""
    for index, info in enumerate(ctx.infos):
        line_start = ctx.text.rfind("\n", 0, info.start) + 1
        if ctx.text[line_start:info.start].strip():
            continue  # a key-value row stands on a line of its own
        if info.text.count(SEPARATOR) >= 2:
            yield from _header_and_values(ctx, index)  # a row of three or more cells: a header, if any
            continue
        found = row_field(info.text)
        if found is not None:
            yield info, found[0], found[1], info.start + info.text.rfind(found[1])
            continue
        key = _KEY_ONLY.match(info.text)
        if key and index and _is_name_line(ctx, ctx.infos[index - 1]):
            continue  # "Ralf Schenk" / "Chairman of the Board": a role under a name, not a key over its value
        if key and index + 1 < len(ctx.infos) and _own_line(ctx, info) and _value_line(ctx, ctx.infos[index + 1]):
            value = ctx.infos[index + 1]  # "Head of cluster management" / "Dr. Henrik Albers" (dt/dd, label/value)
            if row_field(value.text) is None and not _KEY_ONLY.match(value.text):
                kind = next(k for k in FIELDS if key.group(k))
                yield value, kind, value.text.strip(), value.start + (len(value.text) - len(value.text.lstrip()))


# an interviewer's question for the members' field: its answer, a fragment of nouns, is a sector row
_FIELD_QUESTION = re.compile(
    r"\b(?:what\s+do\s+(?:your|the|its)\s+members\s+(?:make|do|produce|work\s+on)|(?:which|what)\s+(?:sectors|industries|fields|branches)|"
    r"(?:in\s+)?welchen\s+Branchen|welche\s+Branchen|was\s+(?:machen|stellen|produzieren)\s+(?:Ihre|eure|die)\s+Mitglieder)\b", re.I)
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|do|does|did|will|can|make|makes|ist|sind|war|waren|hat|haben|"
                     r"wird|werden|kann|können|macht|machen|stellen|we|wir|I|ich)\b")
_FOCUS = re.compile(r"^(?:above\s+all|mainly|mostly|especially|in\s+particular|chiefly|vor\s+allem|insbesondere|"
                    r"hauptsächlich|überwiegend|besonders)\s+", re.I)


def _answers(ctx: Context):
    """``(info, "sector", value, offset)`` for the verbless answer to a question about the members' field."""
    for index, info in enumerate(ctx.infos[:-1]):
        text = info.text.strip()
        if not text.endswith("?") or not _FIELD_QUESTION.search(text) or not _own_line(ctx, info):
            continue
        answer = ctx.infos[index + 1]
        words = answer.text.split()
        if len(words) <= 15 and not _FINITE.search(answer.text) and not _PAST.search(answer.text):
            value = answer.text.strip().rstrip(".")
            yield answer, "sector", value, answer.start + (len(answer.text) - len(answer.text.lstrip()))


def _header_and_values(ctx: Context, index: int):
    """A one-row table about one organisation: ``Sitz | Branche`` over ``Rostock | Logistik`` (no name column)."""
    keys = [_KEY_ONLY.match(cell.strip()) for cell in ctx.infos[index].text.split(SEPARATOR)]
    if index + 1 >= len(ctx.infos) or sum(1 for k in keys if k) < 2:
        return
    values = ctx.infos[index + 1]
    following = ctx.infos[index + 2].text if index + 2 < len(ctx.infos) else ""
    cells = values.text.split(SEPARATOR)
    if len(cells) != len(keys) or SEPARATOR in following:
        return  # several rows: a table of clusters (see :mod:`tables`)
    position = 0
    for key, cell in zip(keys, cells):
        start = values.text.find(cell.strip(), position)
        position = start + len(cell.strip())
        if key and cell.strip():
            yield values, next(k for k in FIELDS if key.group(k)), cell.strip(), values.start + start


def key_value_facts(ctx: Context) -> None:
    """Add the facts of every key-value row that belongs to a profile (see the module docstring)."""
    rows: dict[int, list[tuple[SentenceInfo, str, str, int, Referent]]] = {}
    contacts = [i.sentence.index for i in ctx.infos if _CONTACT_BOX_KEY.match(i.text)]
    for info, kind, value, offset in _rows(ctx):
        index = info.sentence.index
        if any(index - 8 <= c <= index for c in contacts):
            continue  # an imprint or contact box: the publisher's or an agency's seat and managers
        subject = info.block or ctx.subject
        if subject is None or Registry.final(subject).type not in ORG_TYPES:
            continue
        subject = Registry.final(subject)
        rows.setdefault(subject.id, []).append((info, kind, value, offset, subject))
    subject = Registry.final(ctx.subject) if ctx.subject is not None else None
    if subject is not None and subject.type in ORG_TYPES:
        for info, _, value, offset in _answers(ctx):  # "What do your members make?" / "Aerospace, above all drones."
            _sectors(ctx, info, subject, value, offset, (info.sentence.start, info.sentence.end), names_first=True)
    for profile in rows.values():
        if len({kind for _, kind, _, _, _ in profile}) < 2:
            continue  # one kind of field alone: an event's "Ort:", a contact's "Sitz:"
        for info, kind, value, offset, subject in profile:
            evidence = (info.sentence.start, info.sentence.end)
            if kind in ("place", "region"):
                _places(ctx, info, subject, value, offset, evidence)
            elif kind == "sector":
                _sectors(ctx, info, subject, value, offset, evidence)
            elif kind in ("director", "chair"):
                relation = "managing director of" if kind == "director" else "spokesperson of"
                ctx.add(_person(ctx, value), relation, subject, evidence, 0.75, ctx.issued)
            elif kind == "label":
                _labels(ctx, info, subject, value, evidence)
            elif kind == "funding":
                _funders(ctx, info, subject, value, offset, evidence)
            elif kind == "partner":
                _partners(ctx, info, subject, value, offset, evidence)
