"""Named SPARQL questions and running SPARQL: the library behind ``clustergraph query`` and
``/queries``.

A named query is a ``.rq`` file in ``clustergraph/queries/`` whose leading comments say what it is::

    # title: Members of a programme
    # description: The clusters that joined a programme, with the date they joined.
    #   Continuation lines (a comment without a key) extend the description.
    # param: programme iri cgid:programme/go-cluster "The programme"

A parameter line is ``name type default "help"`` with type ``iri``, ``literal``, ``date`` or
``integer``; ``""`` as default leaves the variable unbound unless the caller gives a value.
Values are bound to the variable of the same name before evaluation (the store's ``bindings``),
never written into the query text; an empty value leaves the variable unbound, which every
shipped question reads as "all". A bound variable must be in the ``SELECT`` clause (a rule of
the store), so parameters show up as result columns.

>>> q = get_query("programme-members")
>>> [p.name for p in q.params], q.params[0].type
(['programme'], 'iri')
>>> bind_params(q.params, {"programme": "programme/spitzencluster-wettbewerb"})["programme"]
rdflib.term.URIRef('https://w3id.org/clustergraph/id/programme/spitzencluster-wettbewerb')
"""

from __future__ import annotations

import difflib
import functools
import logging
import re
import shlex
from datetime import date
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from clustergraph.errors import ConfigError, InputError, QueryError, UnknownQuery
from clustergraph.sparql_check import check_outside_access, query_form
from clustergraph.store.base import QueryResult, Store
from clustergraph.store.results import serialize_result
from clustergraph.vocab import DEFAULT_BASE, PREFIXES, expand_iri

log = logging.getLogger(__name__)

QUERIES_DIR = Path(__file__).resolve().parent / "queries"
PARAM_TYPES = ("iri", "literal", "date", "integer")
OUTPUT_FORMATS = ("table", "csv", "tsv", "json", "turtle")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_HEADER_KEY = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*)$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Param:
    """A declared parameter of a named query."""

    name: str
    type: str
    default: str | None
    help: str

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "default": self.default, "help": self.help}


@dataclass(frozen=True)
class NamedQuery:
    """A ``.rq`` file: its name (the file stem), header and text."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    sparql: str
    form: str | None = None  # SELECT, ASK, CONSTRUCT, DESCRIBE
    path: Path | None = field(default=None, compare=False)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "form": self.form,
            "params": [p.as_dict() for p in self.params],
            "sparql": self.sparql,
        }


# --- headers ----------------------------------------------------------------------------------

def parse_header(text: str, *, source: str = "query") -> tuple[str, str, tuple[Param, ...]]:
    """``(title, description, params)`` from the leading comment lines of ``text``.

    >>> parse_header('# title: T\\n# description: One\\n#   two.\\n# param: since date 2014 "From"\\nSELECT ?since {}')
    ('T', 'One two.', (Param(name='since', type='date', default='2014', help='From'),))
    """
    title, description, params = "", [], []
    in_description = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        match = _HEADER_KEY.match(line)
        if match is None:
            if in_description and line.lstrip("#").strip():
                description.append(line.lstrip("#").strip())
            continue
        key, value = match.group(1), match.group(2).strip()
        in_description = key == "description"
        if key == "title":
            title = value
        elif key == "description":
            description.append(value)
        else:
            params.append(_parse_param(value, source))
    return title, " ".join(description), tuple(params)


def _parse_param(value: str, source: str) -> Param:
    try:
        parts = shlex.split(value)
    except ValueError as exc:
        raise QueryError(f"{source}: param line {value!r}: {exc}") from None
    if len(parts) != 4:
        raise QueryError(f'{source}: param line {value!r} must read: name type default "help"')
    name, kind, default, help_text = parts
    if not _NAME.match(name):
        raise QueryError(f"{source}: parameter name {name!r} is not a SPARQL variable name")
    if kind not in PARAM_TYPES:
        raise QueryError(f"{source}: parameter {name!r} has type {kind!r}; use one of {', '.join(PARAM_TYPES)}")
    return Param(name, kind, default or None, help_text)


# --- the gallery ------------------------------------------------------------------------------

def read_query_file(path: Path) -> NamedQuery:
    """A named query from a ``.rq`` file (:class:`QueryError` for a malformed header)."""
    text = path.read_text(encoding="utf-8")
    title, description, params = parse_header(text, source=path.name)
    return NamedQuery(path.stem, title or path.stem, description, params, text, query_form(text), path)


@functools.lru_cache(maxsize=4)
def _load(directory: Path) -> dict[str, NamedQuery]:
    return {path.stem: read_query_file(path) for path in sorted(directory.glob("*.rq"))}


def list_queries(directory: Path | None = None) -> list[NamedQuery]:
    """Every named query, by name."""
    return list(_load(directory or QUERIES_DIR).values())


def get_query(name: str, directory: Path | None = None) -> NamedQuery:
    """The named query ``name`` (a leading ``@`` is allowed); :class:`UnknownQuery` names the
    closest ones when it does not exist."""
    name = name.removeprefix("@")
    queries = _load(directory or QUERIES_DIR)
    try:
        return queries[name]
    except KeyError:
        close = difflib.get_close_matches(name, queries, n=3)
        hint = f"; did you mean {', '.join('@' + c for c in close)}?" if close else ""
        raise UnknownQuery(
            f"there is no named query @{name}{hint} (`clustergraph query --list` lists them)"
        ) from None


# --- parameters -------------------------------------------------------------------------------

def _iri(value: str, base: str) -> URIRef:
    """:func:`clustergraph.vocab.expand_iri`, failing with a :class:`QueryError`."""
    try:
        return expand_iri(value, base)
    except ConfigError as exc:
        raise QueryError(str(exc)) from None


def coerce_param(kind: str, value: str, *, base: str = DEFAULT_BASE, name: str = "value") -> Identifier:
    """The RDF term for a parameter value given as text.

    >>> coerce_param("date", "2014-06")
    rdflib.term.Literal('2014-06', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYearMonth'))
    >>> coerce_param("integer", "2")
    rdflib.term.Literal('2', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))
    """
    if kind == "iri":
        try:
            return _iri(value, base)
        except QueryError as exc:
            raise QueryError(f"parameter {name}: {exc}") from None
    if kind == "integer":
        try:
            return Literal(int(value.strip()))
        except ValueError:
            raise QueryError(f"parameter {name}: {value!r} is not a whole number") from None
    if kind == "date":
        text = value.strip()
        if not _DATE.match(text) or not _valid_date(text):
            raise QueryError(f"parameter {name}: {value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
        from clustergraph.rdfmap import date_literal

        try:
            return date_literal(text)
        except InputError as exc:
            raise QueryError(f"parameter {name}: {exc}") from None
    return Literal(value)


def _valid_date(text: str) -> bool:
    """A real calendar date at the given precision (no month 13, no 31 February)."""
    full = text + "-01" * ((10 - len(text)) // 3)
    try:
        date.fromisoformat(full)
    except ValueError:
        return False
    return True


def _guess(value: str, base: str) -> Identifier:
    """The term for a parameter no header declares: IRI, whole number, date or plain literal."""
    text = value.strip()
    if re.match(r"^-?\d+$", text):
        return Literal(int(text))
    if _DATE.match(text) and len(text) > 4:
        return coerce_param("date", text)
    try:
        return _iri(text, base)
    except QueryError:
        return Literal(value)


def bind_params(params: Sequence[Param], values: Mapping[str, str] | None, *,
                base: str = DEFAULT_BASE, strict: bool = True) -> dict[str, Identifier]:
    """Bindings for ``params`` from text ``values``: declared defaults fill what is not given,
    an empty value leaves the variable unbound. With ``strict``, a value for an undeclared
    parameter is an error; otherwise its type is guessed."""
    values = dict(values or {})
    declared = {p.name: p for p in params}
    bindings: dict[str, Identifier] = {}
    for key in values:
        if key not in declared and strict and declared:
            raise QueryError(f"unknown parameter {key!r}; this query takes: {', '.join(declared)}")
    for param in params:
        raw = values.pop(param.name, param.default)
        if raw is None or raw == "":
            continue
        bindings[param.name] = coerce_param(param.type, str(raw), base=base, name=param.name)
    for key, raw in values.items():
        if raw != "":
            bindings[key.lstrip("?$")] = _guess(str(raw), base)
    return bindings


# --- running ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class PreparedQuery:
    """The text to run, its bindings and, for a named query, the query."""

    sparql: str
    bindings: dict[str, Identifier]
    named: NamedQuery | None = None


def prepare(text_or_name: str, params: Mapping[str, str] | None = None, *,
            base: str = DEFAULT_BASE) -> PreparedQuery:
    """Resolve ``@name`` and bind ``params`` (see :func:`bind_params`)."""
    if text_or_name.startswith("@") and not any(ch.isspace() for ch in text_or_name.strip()):
        named = get_query(text_or_name.strip())
        return PreparedQuery(named.sparql, bind_params(named.params, params, base=base), named)
    _, _, declared = parse_header(text_or_name)
    return PreparedQuery(text_or_name, bind_params(declared, params, base=base, strict=False))


def run_query(store: Store, text_or_name: str, params: Mapping[str, str] | None = None, *,
              timeout: float | None = None, max_rows: int | None = None,
              base: str = DEFAULT_BASE) -> QueryResult:
    """Run SPARQL text or a named query (``@name``) with ``params`` bound.

    Refuses (:class:`QueryError`) what would reach outside the store (``SERVICE``, ``LOAD``,
    unknown ``FROM`` graphs); with ``timeout`` (seconds) the query is stopped at the limit
    (:class:`~clustergraph.errors.QueryTimeout`, see :mod:`clustergraph.sparql_limits`).
    """
    prepared = prepare(text_or_name, params, base=base)
    check_outside_access(prepared.sparql, store.graphs)
    if query_form(prepared.sparql) == "UPDATE":
        raise QueryError("this is a SPARQL Update, not a query; `clustergraph query` only reads")
    if timeout:
        from clustergraph.sparql_limits import QueryRunner

        runner = QueryRunner(store, timeout)
        try:
            return runner.query(prepared.sparql, bindings=prepared.bindings, max_rows=max_rows)
        finally:
            runner.close()  # an on-disk store's worker process is not kept for one query
    return store.query(prepared.sparql, bindings=prepared.bindings, max_rows=max_rows)


# --- output for people and pipes ----------------------------------------------------------------

_NAMESPACES = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def compact(term: Identifier | None) -> str:
    """A term for a table cell: IRIs as prefixed names, literals as their text.

    >>> compact(URIRef("https://w3id.org/clustergraph/id/cluster/biosaxony"))
    'cgid:cluster/biosaxony'
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, namespace in _NAMESPACES:
            if term.startswith(namespace) and len(term) > len(namespace):
                return f"{prefix}:{term[len(namespace):]}"
        return f"<{term}>"
    return str(term)


def _table(result: QueryResult) -> str:
    header = list(result.vars)
    rows = [[compact(value) for value in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)
    count = len(rows)
    footer = f"({count} row{'s' if count != 1 else ''}"
    footer += ", cut at the row limit)" if result.truncated else ")"
    return "\n".join(lines + [footer]) + "\n"


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """``result`` as text: ``table`` (aligned columns, for people), ``csv``, ``tsv``, ``json``
    (SPARQL JSON results; JSON-LD for a graph) or ``turtle`` (for CONSTRUCT / DESCRIBE)."""
    if fmt not in OUTPUT_FORMATS:
        raise ConfigError(f"unknown output format {fmt!r}; use one of {', '.join(OUTPUT_FORMATS)}")
    if result.kind == "ASK":
        if fmt in ("table", "csv", "tsv"):
            return ("true" if result.boolean else "false") + "\n"
        if fmt == "turtle":
            raise ConfigError("an ASK answer is true or false: use --format table, csv, tsv or json")
        return serialize_result(result, "json").decode("utf-8") + "\n"
    if result.kind == "CONSTRUCT":
        if fmt in ("csv", "tsv"):
            raise ConfigError("a CONSTRUCT or DESCRIBE answer is a graph: use --format turtle, json or table")
        graph = result.graph
        if graph is not None:
            for prefix, namespace in PREFIXES.items():
                graph.bind(prefix, namespace, override=True)
        graph_format = "jsonld" if fmt == "json" else "turtle"
        return serialize_result(result, graph_format=graph_format).decode("utf-8")
    if fmt == "table":
        return _table(result)
    if fmt == "turtle":
        raise ConfigError("a SELECT answer is a table: use --format table, csv, tsv or json")
    text = serialize_result(result, fmt).decode("utf-8")
    return text if text.endswith("\n") else text + "\n"
