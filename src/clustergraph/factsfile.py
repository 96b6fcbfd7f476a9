"""The facts JSON (``*.expected.json``) <-> :class:`clustergraph.model.FactsDocument`.

The interchange format is the one of ``/work/shared/seeds/*.expected.json``: a top-level object with
``document`` (the text file it describes), ``announcement``, ``entities``, ``facts``, ``figures``
and ``must_not_assert``. Extraction writes it, the development set is written in it, ingest reads it.

Problems are raised as :class:`~clustergraph.errors.InputError` naming the file and the JSON path
of the problem, e.g. ``seed.expected.json: facts[3].relation: unknown relation 'member'``.

>>> doc = load_facts('''{"announcement": {"id": "demo", "title": "Demo"},
...   "entities": [{"name": "biosaxony", "type": "Cluster"}, {"name": "go-cluster", "type": "Programme"}],
...   "facts": [{"subject": "biosaxony", "relation": "member of programme", "object": "go-cluster",
...              "date": "2014-06", "evidence": "biosaxony wurde aufgenommen"}]}''')
>>> doc.facts[0].date
'2014-06'
>>> load_facts(dump_facts(doc)) == doc
True
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path
from typing import Any, Iterable, Mapping

from clustergraph.errors import InputError
from clustergraph.model import Announcement, Entity, Fact, FactsDocument, Figure, NegativeFact
from clustergraph.relations import BY_NAME
from clustergraph.vocab import ENTITY_TYPES, slugify

log = logging.getLogger(__name__)

EXPECTED_SUFFIX = ".expected.json"
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
BASES = ("text", "reference")
REFERENCE_EVIDENCE_PREFIX = "(reference knowledge"  # how the seed marks facts not stated in the text

_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_LANGUAGE = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")  # a BCP 47 tag, as RDF literals need it
_ANNOUNCEMENT_KEYS = ("id", "title", "kind", "language", "issued", "place", "publisher", "source", "text")


class _Reader:
    """Reads one parsed JSON object, raising InputError with ``source`` and the JSON path."""

    def __init__(self, source: str | None):
        self.source = source

    @staticmethod
    def at(path: str, key: str) -> str:
        return f"{path}.{key}" if path else key

    def fail(self, path: str, message: str) -> InputError:
        return InputError(f"{path}: {message}" if path else message, source=self.source)

    def obj(self, value: Any, path: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(path, f"expected a JSON object, found {_kind(value)}")
        return value

    def array(self, data: Mapping[str, Any], key: str, path: str, required: bool = False) -> list:
        where = self.at(path, key)
        if key not in data or data[key] is None:
            if required:
                raise self.fail(where, "missing (expected a list)")
            return []
        if not isinstance(data[key], list):
            raise self.fail(where, f"expected a list, found {_kind(data[key])}")
        return data[key]

    def string(self, data: Mapping[str, Any], key: str, path: str, *, required: bool = False,
               default: str | None = None) -> str | None:
        where = self.at(path, key)
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(where, "missing (expected a string)")
            return default
        if not isinstance(value, str):
            raise self.fail(where, f"expected a string, found {_kind(value)}")
        if required and not value.strip():
            raise self.fail(where, "is empty")
        return value

    def date(self, data: Mapping[str, Any], key: str, path: str) -> str | None:
        value = self.string(data, key, path)
        if value is not None and not _DATE.match(value):
            raise self.fail(self.at(path, key), f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
        return value

    def offset(self, data: Mapping[str, Any], key: str, path: str) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(self.at(path, key), f"expected a character offset (integer >= 0), found {value!r}")
        return value

    def relation(self, data: Mapping[str, Any], path: str) -> str:
        name = self.string(data, "relation", path, required=True)
        if name not in BY_NAME:
            raise self.fail(f"{path}.relation", f"unknown relation {name!r}; known: {', '.join(BY_NAME)}")
        return name


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
            type(None): "null"}.get(type(value), "a number" if isinstance(value, (int, float)) else type(value).__name__)


def _read_announcement(r: _Reader, data: Mapping[str, Any], default_id: str | None) -> Announcement:
    a = r.obj(data.get("announcement"), "announcement") if "announcement" in data else None
    if a is None:
        raise r.fail("announcement", "missing (expected an object with at least a title or an id)")
    values = {key: r.string(a, key, "announcement") for key in _ANNOUNCEMENT_KEYS if key != "issued"}
    values["issued"] = r.date(a, "issued", "announcement")
    if values["language"] and not _LANGUAGE.fullmatch(values["language"]):
        raise r.fail("announcement.language", f"{values['language']!r} is not a language tag (e.g. de, en)")
    if values["source"] is None:
        values["source"] = r.string(data, "document", "") if "document" in data else None
    if not values["id"]:
        derived = default_id or (slugify(values["title"]) if values["title"] else None)
        if not derived:
            raise r.fail("announcement.id", "missing, and there is no file name or title to derive it from")
        values["id"] = derived
    for key, default in (("title", ""), ("kind", "press release"), ("language", "")):
        if values[key] is None:
            values[key] = default
    return Announcement(**values)


def _read_entity(r: _Reader, value: Any, path: str) -> Entity:
    e = r.obj(value, path)
    name = r.string(e, "name", path, required=True)
    kind = r.string(e, "type", path, required=True)
    if kind not in ENTITY_TYPES:
        raise r.fail(f"{path}.type", f"unknown entity type {kind!r}; known: {', '.join(ENTITY_TYPES)}")
    aliases = r.array(e, "aliases", path)
    for i, alias in enumerate(aliases):
        if not isinstance(alias, str):
            raise r.fail(f"{path}.aliases[{i}]", f"expected a string, found {_kind(alias)}")
    return Entity(name=name, type=kind, aliases=list(aliases), iri=r.string(e, "iri", path))


def _read_fact(r: _Reader, value: Any, path: str) -> Fact:
    f = r.obj(value, path)
    subject = r.string(f, "subject", path, required=True)
    relation = r.relation(f, path)
    obj = r.string(f, "object", path, required=True)
    evidence = r.string(f, "evidence", path, required=True)
    basis = r.string(f, "basis", path)
    if basis is None:
        basis = "reference" if evidence.startswith(REFERENCE_EVIDENCE_PREFIX) else "text"
    elif basis not in BASES:
        raise r.fail(f"{path}.basis", f"{basis!r} is not one of {', '.join(BASES)}")
    confidence = f.get("confidence", 1.0)
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not 0 <= confidence <= 1:
        raise r.fail(f"{path}.confidence", f"expected a number between 0 and 1, found {confidence!r}")
    return Fact(
        subject=subject,
        relation=relation,
        object=obj,
        date=r.date(f, "date", path),
        evidence=evidence,
        start=r.offset(f, "start", path),
        end=r.offset(f, "end", path),
        confidence=float(confidence),
        basis=basis,
    )


def _read_figure(r: _Reader, value: Any, path: str) -> Figure:
    g = r.obj(value, path)
    number = g.get("value")
    if isinstance(number, bool) or not isinstance(number, (int, float)):
        raise r.fail(f"{path}.value", f"expected a number, found {_kind(number)}")
    return Figure(
        subject=r.string(g, "subject", path, required=True),
        relation=r.string(g, "relation", path, required=True),
        value=number,
        unit=r.string(g, "unit", path),
        qualifier=r.string(g, "qualifier", path),
        evidence=r.string(g, "evidence", path, default=""),
        start=r.offset(g, "start", path),
        end=r.offset(g, "end", path),
    )


def _read_negative(r: _Reader, value: Any, path: str) -> NegativeFact:
    n = r.obj(value, path)
    return NegativeFact(
        subject=r.string(n, "subject", path, required=True),
        relation=r.relation(n, path),
        object=r.string(n, "object", path, required=True),
        why=r.string(n, "why", path, default=""),
    )


def facts_from_dict(data: Any, *, source: str | None = None, default_id: str | None = None) -> FactsDocument:
    """Build a FactsDocument from parsed JSON; ``source`` names the origin in error messages."""
    r = _Reader(source)
    data = r.obj(data, "")
    announcement = _read_announcement(r, data, default_id)
    return FactsDocument(
        announcement=announcement,
        entities=[_read_entity(r, v, f"entities[{i}]") for i, v in enumerate(r.array(data, "entities", "", True))],
        facts=[_read_fact(r, v, f"facts[{i}]") for i, v in enumerate(r.array(data, "facts", "", True))],
        figures=[_read_figure(r, v, f"figures[{i}]") for i, v in enumerate(r.array(data, "figures", ""))],
        must_not_assert=[_read_negative(r, v, f"must_not_assert[{i}]")
                         for i, v in enumerate(r.array(data, "must_not_assert", ""))],
    )


def id_from_filename(path: str | os.PathLike) -> str:
    """The announcement id a file name implies: the name without ``.expected.json`` / ``.json``.

    >>> id_from_filename("seeds/biosaxony-go-cluster-2014.expected.json")
    'biosaxony-go-cluster-2014'
    >>> id_from_filename("Clusterland Hessen.json")
    'clusterland-hessen'
    """
    name = Path(path).name
    for suffix in (EXPECTED_SUFFIX, ".json"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return slugify(name)


def _read_json(source: Any) -> tuple[Any, str | None, str | None]:
    """(parsed JSON, name for messages, default id) from a path, JSON text or parsed data."""
    if isinstance(source, Mapping) or isinstance(source, list):
        return source, None, None
    if isinstance(source, str) and source.lstrip().startswith(("{", "[")):
        text, name, default_id = source, None, None
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        name, default_id = str(path), id_from_filename(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError("no such facts file", source=name) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the facts file: {exc}", source=name) from None
    else:
        raise TypeError(f"load_facts expects a path, JSON text or parsed JSON, not {type(source).__name__}")
    try:
        return json.loads(text), name, default_id
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
                         source=name or "<facts JSON>") from None


def load_facts(source: str | os.PathLike | Mapping[str, Any]) -> FactsDocument:
    """Read one facts document from a file path, a JSON string or already parsed JSON.

    A missing ``announcement.id`` is derived from the file name (``x.expected.json`` -> ``x``).
    """
    data, name, default_id = _read_json(source)
    if isinstance(data, list):
        raise InputError("expected one facts object, found a list (use load_many)", source=name)
    return facts_from_dict(data, source=name, default_id=default_id)


def load_many(source: str | os.PathLike | list) -> list[FactsDocument]:
    """Read a list of facts documents (a JSON array) or a single one (a JSON object)."""
    data, name, default_id = _read_json(source)
    if not isinstance(data, list):
        return [facts_from_dict(data, source=name, default_id=default_id)]
    return [facts_from_dict(item, source=f"{name or '<facts JSON>'}[{i}]") for i, item in enumerate(data)]


def dump_facts(doc: FactsDocument, *, include_text: bool = False) -> dict[str, Any]:
    """The facts JSON object of ``doc``; optional keys are left out when they hold their default."""
    a = doc.announcement
    announcement = {"id": a.id, "kind": a.kind, "language": a.language, "issued": a.issued,
                    "place": a.place, "publisher": a.publisher, "title": a.title}
    if include_text and a.text is not None:
        announcement["text"] = a.text
    out: dict[str, Any] = {}
    if a.source is not None:
        out["document"] = a.source
    out["announcement"] = announcement
    out["entities"] = [_entity_dict(e) for e in doc.entities]
    out["facts"] = [_fact_dict(f) for f in doc.facts]
    out["figures"] = [_figure_dict(g) for g in doc.figures]
    out["must_not_assert"] = [
        {"subject": n.subject, "relation": n.relation, "object": n.object, "why": n.why}
        for n in doc.must_not_assert
    ]
    return out


def _entity_dict(e: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {"name": e.name, "type": e.type, "aliases": list(e.aliases)}
    if e.iri is not None:
        out["iri"] = e.iri
    return out


def _fact_dict(f: Fact) -> dict[str, Any]:
    out: dict[str, Any] = {"subject": f.subject, "relation": f.relation, "object": f.object,
                           "date": f.date, "evidence": f.evidence}
    if f.start is not None:
        out["start"] = f.start
    if f.end is not None:
        out["end"] = f.end
    if f.confidence != 1.0:
        out["confidence"] = f.confidence
    if f.basis != "text":
        out["basis"] = f.basis
    return out


def _figure_dict(g: Figure) -> dict[str, Any]:
    out: dict[str, Any] = {"subject": g.subject, "relation": g.relation, "value": g.value}
    if g.unit is not None:
        out["unit"] = g.unit
    if g.qualifier is not None:
        out["qualifier"] = g.qualifier
    out["evidence"] = g.evidence
    if g.start is not None:
        out["start"] = g.start
    if g.end is not None:
        out["end"] = g.end
    return out


def dumps_facts(docs: FactsDocument | Iterable[FactsDocument], *, include_text: bool = False) -> str:
    """JSON text in the seed's layout (one entity, fact or figure a line).

    An object for one document, an array for a sequence of documents.
    """
    if isinstance(docs, FactsDocument):
        return _format_document(dump_facts(docs, include_text=include_text), "") + "\n"
    parts = [_format_document(dump_facts(d, include_text=include_text), "  ") for d in docs]
    return ("[\n" + ",\n".join("  " + p for p in parts) + "\n]\n") if parts else "[]\n"


def _format_document(data: Mapping[str, Any], indent: str) -> str:
    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = f",\n".join(f"{indent}    {dumps(item)}" for item in value)
            lines.append(f"{indent}  {dumps(key)}: [\n{items}\n{indent}  ]")
        elif key == "announcement":
            fields = ",\n".join(f"{indent}    {dumps(k)}: {dumps(v)}" for k, v in value.items())
            lines.append(f"{indent}  {dumps(key)}: {{\n{fields}\n{indent}  }}")
        else:
            lines.append(f"{indent}  {dumps(key)}: {dumps(value)}")
    return "{\n" + ",\n".join(lines) + f"\n{indent}}}"


def expected_files(directory: str | os.PathLike) -> list[Path]:
    """The ``*.expected.json`` files of a folder, sorted by name."""
    return sorted(Path(directory).glob("*" + EXPECTED_SUFFIX))


def text_file_for(expected_path: str | os.PathLike) -> Path:
    """The announcement an expected file describes: same stem, one of :data:`TEXT_SUFFIXES`."""
    path = Path(expected_path)
    stem = path.name[: -len(EXPECTED_SUFFIX)] if path.name.endswith(EXPECTED_SUFFIX) else path.stem
    for suffix in TEXT_SUFFIXES:
        candidate = path.with_name(stem + suffix)
        if candidate.is_file():
            return candidate
    raise InputError(f"no announcement next to it (looked for {stem}{{{','.join(TEXT_SUFFIXES)}}})",
                     source=str(path))
