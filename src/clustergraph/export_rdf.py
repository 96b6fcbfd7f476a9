"""Streaming RDF writers: Turtle, N-Triples, N-Quads, TriG and JSON-LD in a stable order.

Quads travel as *records*, one line of text each: ``"G S P O"`` with every term in N-Triples
syntax (``G`` is empty for the default graph; union exports leave ``G`` out). Records are sorted
with an external merge sort (runs of :data:`RUN_SIZE` records sorted in memory, spilled to
temporary files, merged), so memory stays flat however large the dataset is, and duplicates
(the same triple in several graphs, in a union export) fall out of the merge. The writers then
consume the sorted records one at a time and group them by graph and subject.

The order is a function of the triples alone (code-point order of their N-Triples form, the
``rdf:type`` triples of a subject first), so two exports of the same data are byte-identical and
two exports of similar data diff cleanly.

>>> records = [make_record("<http://x/b>", "<http://x/p>", '"2"'), make_record("<http://x/a>", "<http://x/p>", '"1"'),
...            make_record("<http://x/a>", RDF_TYPE, "<http://x/C>")]
>>> print("".join(turtle_chunks(sorted_unique(records), prefixes={"x": "http://x/"})), end="")
@prefix x: <http://x/> .
<BLANKLINE>
x:a a x:C ;
    x:p "1" .
<BLANKLINE>
x:b x:p "2" .
"""

from __future__ import annotations

import heapq
import io
import json
import re
import tempfile
from contextlib import ExitStack
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import BinaryIO, Iterable, Iterator, Mapping

from rdflib.namespace import RDF

from clustergraph.errors import StoreError
from clustergraph.store.base import Quad
from clustergraph.store.results import term_to_sparql

RUN_SIZE = 200_000  # records sorted in memory before a run is spilled to disk
RDF_TYPE = term_to_sparql(RDF.type)
_TYPE_KEY = "<!>"  # rdf:type inside records: sorts before every IRI, so types come first
_CHUNK_CHARS = 1 << 16

_NODE = r'<[^>]*>|_:\S+'
_LITERAL = r'"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?'
_NQUAD = re.compile(rf'\s*({_NODE})\s+(<[^>]*>)\s+({_NODE}|{_LITERAL})\s*({_NODE})?\s*\.\s*')
_SAFE_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_ESCAPE = re.compile(r'\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))')
_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


# --- records -------------------------------------------------------------------------------


def make_record(s: str, p: str, o: str, g: str | None = None, *, union: bool = True) -> str:
    """The record of one triple or quad (terms in N-Triples syntax; ``g`` ``None``: the default
    graph). ``rdf:type`` is stored as a key that sorts before every IRI, so types come first."""
    key = _TYPE_KEY if p == RDF_TYPE else p
    return f"{s} {key} {o}" if union else f"{g or ''} {s} {key} {o}"


def quad_records(quads: Iterable[Quad], *, union: bool) -> Iterator[str]:
    """The records of rdflib quads."""
    for s, p, o, g in quads:
        graph = term_to_sparql(g) if g is not None and not union else None
        yield make_record(term_to_sparql(s), term_to_sparql(p), term_to_sparql(o), graph, union=union)


def records_from_nquads(stream: BinaryIO, *, union: bool) -> Iterator[str]:
    """Records from an N-Quads stream: ``"G S P O"``, or ``"S P O"`` when ``union``."""
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="\n")
    for number, line in enumerate(text, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _NQUAD.fullmatch(line.rstrip("\n"))
        if match is None:
            raise StoreError(f"the store's N-Quads dump has a line clustergraph cannot read (line {number}): {line[:200]!r}")
        s, p, o, g = match.groups()
        yield make_record(s, p, o, g, union=union)
    text.detach()


def split_record(record: str, *, union: bool) -> tuple[str, str, str, str]:
    """``(graph, subject, predicate, object)`` of a record; graph ``""`` is the default graph."""
    if union:
        s, p, o = record.split(" ", 2)
        g = ""
    else:
        g, s, p, o = record.split(" ", 3)
    return g, s, RDF_TYPE if p == _TYPE_KEY else p, o


def sorted_unique(records: Iterable[str], run_size: int | None = None) -> Iterator[str]:
    """``records`` in code-point order, each once: an external merge sort over temporary files
    (runs of ``run_size`` records, :data:`RUN_SIZE` by default)."""
    run_size = run_size or RUN_SIZE
    runs: list[str] = []
    with ExitStack() as stack:
        files = []
        for record in records:
            runs.append(record)
            if len(runs) >= run_size:
                files.append(_spill(stack, runs))
                runs = []
        runs.sort()
        if files:
            if runs:
                files.append(_spill(stack, runs))
            streams = [(line.rstrip("\n") for line in f) for f in files]
            merged: Iterable[str] = heapq.merge(*streams)
        else:
            merged = runs
        previous = None
        for record in merged:
            if record != previous:
                yield record
                previous = record


def _spill(stack: ExitStack, run: list[str]):
    run.sort()
    handle = stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n"))
    handle.writelines(record + "\n" for record in run)
    handle.seek(0)
    return handle


# --- terms ---------------------------------------------------------------------------------


class Compactor:
    """Writes IRIs as prefixed names where Turtle allows it (``cg:memberOf``), else in full."""

    def __init__(self, prefixes: Mapping[str, str]):
        self.prefixes = dict(sorted(prefixes.items()))
        self._by_length = sorted(self.prefixes.items(), key=lambda item: -len(item[1]))
        self.iri = lru_cache(maxsize=65536)(self._iri)

    def _iri(self, token: str) -> str:
        iri = token[1:-1]
        for prefix, namespace in self._by_length:
            if iri.startswith(namespace) and _SAFE_LOCAL.fullmatch(iri[len(namespace):]):
                return f"{prefix}:{iri[len(namespace):]}"
        return token

    def term(self, token: str) -> str:
        if token.startswith("<"):
            return self.iri(token)
        if token.startswith('"') and token.endswith(">"):
            cut = token.rindex('"^^<') + 3
            return token[:cut] + self.iri(token[cut:])
        return token

    def predicate(self, token: str) -> str:
        return "a" if token == RDF_TYPE else self.iri(token)


def unescape(text: str) -> str:
    """The value of an N-Triples string body (escapes resolved).

    >>> unescape(r'a\\"b\\n\\u00fc')
    'a"b\\nü'
    """
    def replace(match: re.Match) -> str:
        code = match.group(1) or match.group(2)
        return chr(int(code, 16)) if code else _ESCAPES.get(match.group(3), match.group(3))

    return _ESCAPE.sub(replace, text)


# --- writers -------------------------------------------------------------------------------


def _buffered(pieces: Iterable[str]) -> Iterator[str]:
    buffer: list[str] = []
    size = 0
    for piece in pieces:
        buffer.append(piece)
        size += len(piece)
        if size >= _CHUNK_CHARS:
            yield "".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer)


def _prefix_lines(compactor: Compactor, keyword: str = "@prefix") -> str:
    return "".join(f"{keyword} {p}: <{ns}> .\n" for p, ns in compactor.prefixes.items()) + "\n"


def _subject_blocks(rows: Iterable[tuple[str, str, str]], compactor: Compactor, indent: str) -> Iterator[str]:
    subject = predicate = None
    for s, p, o in rows:
        if s != subject:
            if subject is not None:
                yield " .\n\n"
            yield f"{indent}{compactor.term(s)} {compactor.predicate(p)} {compactor.term(o)}"
            subject, predicate = s, p
        elif p != predicate:
            yield f" ;\n{indent}    {compactor.predicate(p)} {compactor.term(o)}"
            predicate = p
        else:
            yield f" ,\n{indent}        {compactor.term(o)}"
    if subject is not None:
        yield " .\n"


def turtle_chunks(records: Iterable[str], prefixes: Mapping[str, str]) -> Iterator[str]:
    """Turtle from sorted union records (``"S P O"``)."""
    compactor = Compactor(prefixes)

    def pieces() -> Iterator[str]:
        yield _prefix_lines(compactor)
        rows = (split_record(r, union=True)[1:] for r in records)
        yield from _subject_blocks(rows, compactor, "")

    return _buffered(pieces())


def trig_chunks(records: Iterable[str], prefixes: Mapping[str, str]) -> Iterator[str]:
    """TriG from sorted dataset records (``"G S P O"``): one block per graph."""
    compactor = Compactor(prefixes)

    def pieces() -> Iterator[str]:
        yield _prefix_lines(compactor)
        parsed = (split_record(r, union=False) for r in records)
        for index, (g, rows) in enumerate(groupby(parsed, key=itemgetter(0))):
            yield ("\n" if index else "") + ((compactor.term(g) + " {\n") if g else "{\n")
            yield from _subject_blocks((row[1:] for row in rows), compactor, "    ")
            yield "}\n"

    return _buffered(pieces())


def ntriples_chunks(records: Iterable[str]) -> Iterator[str]:
    """N-Triples from sorted union records."""
    return _buffered(f"{s} {p} {o} .\n" for _, s, p, o in (split_record(r, union=True) for r in records))


def nquads_chunks(records: Iterable[str]) -> Iterator[str]:
    """N-Quads from sorted dataset records."""
    return _buffered(
        f"{s} {p} {o} {g} .\n" if g else f"{s} {p} {o} .\n"
        for g, s, p, o in (split_record(r, union=False) for r in records)
    )


def _jsonld_id(token: str) -> str:
    return token[1:-1] if token.startswith("<") else token


def _jsonld_value(token: str) -> dict:
    if not token.startswith('"'):
        return {"@id": _jsonld_id(token)}
    end = token.rindex('"')
    value: dict = {"@value": unescape(token[1:end])}
    rest = token[end + 1:]
    if rest.startswith("@"):
        value["@language"] = rest[1:]
    elif rest.startswith("^^"):
        value["@type"] = rest[3:-1]
    return value


def _jsonld_node(subject: str, rows: list[tuple[str, str]], compactor: Compactor) -> str:
    node: dict = {"@id": _jsonld_id(subject)}
    for p, o in rows:
        if p == RDF_TYPE and not o.startswith('"'):
            node.setdefault("@type", []).append(_jsonld_id(o))
        else:
            node.setdefault(_jsonld_id(compactor.iri(p)), []).append(_jsonld_value(o))
    return json.dumps(node, ensure_ascii=False)


def jsonld_chunks(records: Iterable[str], prefixes: Mapping[str, str]) -> Iterator[str]:
    """JSON-LD from sorted dataset records: default-graph nodes at the top of ``@graph``,
    each named graph as a node with its own ``@graph``."""
    compactor = Compactor(prefixes)

    def nodes(rows: Iterable[tuple[str, str, str, str]], indent: str) -> Iterator[str]:
        for index, (s, node_rows) in enumerate(groupby(rows, key=itemgetter(1))):
            pairs = [(p, o) for _, _, p, o in node_rows]
            yield ("," if index else "") + indent + _jsonld_node(s, pairs, compactor)

    def pieces() -> Iterator[str]:
        yield '{\n  "@context": ' + json.dumps(compactor.prefixes, ensure_ascii=False) + ',\n  "@graph": ['
        parsed = (split_record(r, union=False) for r in records)
        for index, (g, rows) in enumerate(groupby(parsed, key=itemgetter(0))):
            separator = "," if index else ""
            if g:
                yield separator + "\n    {" + f'"@id": {json.dumps(_jsonld_id(g), ensure_ascii=False)}, "@graph": ['
                yield from nodes(rows, "\n      ")
                yield "\n    ]}"
            else:  # the default graph sorts first
                yield separator
                yield from nodes(rows, "\n    ")
        yield "\n  ]\n}\n"

    return _buffered(pieces())
