"""What a SPARQL text asks for, read before any back-end sees it: its form, and whether it would
reach outside the store.

No query clustergraph runs may make a network request. Both engines would: pyoxigraph sends
``SERVICE`` calls and ``LOAD`` requests over HTTP, and rdflib also fetches the IRIs of ``FROM`` /
``FROM NAMED`` / ``USING`` when they are not graphs of the dataset. So every query and update is
scanned first, with a tokenizer that skips strings, IRIs and comments the way SPARQL does:

- ``SERVICE`` and ``LOAD`` are refused (:class:`~clustergraph.errors.QueryError`, HTTP 400);
- ``FROM``, ``FROM NAMED``, ``USING`` and ``USING NAMED`` must name graphs of the store;
- texts that nest deeper or chain more operators than the engines survive are refused
  (:func:`check_complexity`: pyoxigraph overflows its stack and takes the process down).

The scan errs on the side of refusing: a keyword hidden in a ``\\u`` escape is found too.

>>> query_form("PREFIX cg: <https://w3id.org/clustergraph/ontology#> ask { ?s cg:memberOf ?o }")
'ASK'
>>> query_form("INSERT DATA { <urn:a> <urn:b> 'select' }")
'UPDATE'
>>> check_outside_access("SELECT * WHERE { ?s <http://example.org/SERVICE> 'SERVICE' } # SERVICE")
>>> check_outside_access("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
Traceback (most recent call last):
...
clustergraph.errors.QueryError: SERVICE is not allowed: this server never sends queries to other endpoints; copy the data you need into the store instead
>>> dataset_clauses("PREFIX g: <urn:graph:> SELECT * FROM g:a FROM NAMED <urn:graph:b> { ?s ?p ?o }")
[('FROM', 'urn:graph:a'), ('FROM NAMED', 'urn:graph:b')]
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Iterator
from urllib.parse import urljoin

from clustergraph.errors import QueryError

# One alternative per token kind; order matters (long strings before short ones).
_TOKEN = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\n\r]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               | '''(?:[^'\\]|\\.|'(?!''))*'''
               | "(?:[^"\\\n\r]|\\.)*"
               | '(?:[^'\\\n\r]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)
    | (?P<pname>(?:[A-Za-z\u00C0-\uFFFF][\w.\-\u00B7-\uFFFF]*)?:(?:[\w\-\u00B7-\uFFFF:%\\.]*[\w\-\u00B7-\uFFFF:%])?)
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_CODEPOINT_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


def _unescape_codepoints(text: str) -> str:
    """SPARQL processes ``\\uXXXX`` escapes before parsing; so does the scan."""

    def replace(match: re.Match) -> str:
        try:
            return chr(int(match.group(1) or match.group(2), 16))
        except ValueError:
            return match.group(0)

    return _CODEPOINT_ESCAPE.sub(replace, text)


def tokens(text: str) -> Iterator[tuple[str, str]]:
    """The (kind, text) tokens of a SPARQL text, whitespace and comments left out.

    >>> list(tokens("SELECT ?x { ?x a cg:Cluster } # done"))
    [('word', 'SELECT'), ('var', '?x'), ('other', '{'), ('var', '?x'), ('word', 'a'), ('pname', 'cg:Cluster'), ('other', '}')]
    """
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind in ("ws", "comment"):
            continue
        yield kind, match.group()


def _words(text: str) -> list[str]:
    return [value.upper() for kind, value in tokens(text) if kind == "word"]


def query_form(text: str) -> str | None:
    """``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE``, ``UPDATE``, or ``None`` when the text
    starts with none of them (after its ``PREFIX`` / ``BASE`` declarations)."""
    for word in _words(text):
        if word in ("PREFIX", "BASE"):
            continue
        if word in QUERY_FORMS:
            return word
        if word in UPDATE_KEYWORDS:
            return "UPDATE"
        return None
    return None


def _resolve(value: str, kind: str, prefixes: dict[str, str], base: str | None) -> str | None:
    if kind == "iri":
        iri = value[1:-1]
        return urljoin(base, iri) if base and ":" not in iri else iri
    if kind == "pname":
        prefix, _, local = value.partition(":")
        if prefix + ":" in prefixes:
            return prefixes[prefix + ":"] + local.replace("\\", "")
    return None


def dataset_clauses(text: str) -> list[tuple[str, str]]:
    """The graphs a text names in ``FROM`` / ``FROM NAMED`` / ``USING`` / ``USING NAMED`` clauses,
    as (clause, IRI); :class:`QueryError` when one cannot be read."""
    found: list[tuple[str, str]] = []
    prefixes: dict[str, str] = {}
    base: str | None = None
    stream = list(tokens(text))
    index = 0
    while index < len(stream):
        kind, value = stream[index]
        upper = value.upper() if kind == "word" else ""
        if upper == "PREFIX" and index + 2 < len(stream) and stream[index + 2][0] == "iri":
            prefixes[stream[index + 1][1]] = stream[index + 2][1][1:-1]
            index += 3
            continue
        if upper == "BASE" and index + 1 < len(stream) and stream[index + 1][0] == "iri":
            base = stream[index + 1][1][1:-1]
            index += 2
            continue
        if upper in ("FROM", "USING"):
            clause = upper
            index += 1
            if index < len(stream) and stream[index][0] == "word" and stream[index][1].upper() == "NAMED":
                clause += " NAMED"
                index += 1
            target = stream[index] if index < len(stream) else ("", "")
            iri = _resolve(target[1], target[0], prefixes, base)
            if iri is None:
                raise QueryError(f"{clause} must be followed by the IRI of a graph in this store, not {target[1]!r}")
            found.append((clause, iri))
        index += 1
    return found


# Native SPARQL parsers and evaluators recurse once per nesting level and once per operator of a
# chain (``a UNION b UNION c``, ``1 + 1 + 1``, ``?a ?b ?c . ?d ?e ?f``): pyoxigraph's overflow the
# stack (the process dies with SIGSEGV) from about 4,000 levels or 8,000 chained operators, well
# inside a 1 MB request. Texts beyond these limits are refused before any engine sees them.
MAX_NESTING = 200
MAX_OPERATORS = 2000
_OPENING, _CLOSING = "{([", "})]"
_UNARY = frozenset("!+-^")
_OPERATOR_SIGNS = frozenset(".;&|+-*/=<>!^")
_OPERATOR_WORDS = frozenset({"UNION", "OPTIONAL", "MINUS", "FILTER", "BIND"})


def check_complexity(text: str) -> None:
    """Raise :class:`QueryError` when ``text`` nests deeper than :data:`MAX_NESTING` levels
    (brackets, and runs of unary operators such as ``!!!``) or holds more than
    :data:`MAX_OPERATORS` operators outside ``INSERT DATA`` / ``DELETE DATA`` blocks.

    >>> check_complexity("SELECT * WHERE { ?s ?p ?o FILTER(!(?o > 1.5 && ?o < 2)) }")
    >>> check_complexity("ASK " + "{" * 300 + "}" * 300)
    Traceback (most recent call last):
    ...
    clustergraph.errors.QueryError: the query nests more than 200 levels deep (brackets and unary operators), more than this server evaluates safely; flatten it
    """
    for variant in {text, _unescape_codepoints(text)}:
        depth = deepest = run = operators = 0
        data_at: int | None = None  # depth at which an INSERT DATA / DELETE DATA block opened
        previous = previous_word = ""
        for kind, value in tokens(variant):
            if kind == "other":
                if value in _OPENING:
                    if previous == "DATA" and previous_word in ("INSERT", "DELETE"):
                        data_at = depth
                    depth += 1
                elif value in _CLOSING:
                    depth -= 1
                    if data_at is not None and depth <= data_at:
                        data_at = None
                run = run + 1 if value in _UNARY and previous in _UNARY | {"(", "{", ",", ""} | _OPERATOR_SIGNS else 0
                deepest = max(deepest, depth + run)
                if (value in _OPERATOR_SIGNS and value != previous and data_at is None
                        and not (value == "." and previous.isdigit())):
                    operators += 1
            else:
                run = 0
                if kind == "word":
                    upper = value.upper()
                    if upper != "DATA":
                        previous_word = upper
                    if upper in _OPERATOR_WORDS and data_at is None:
                        operators += 1
                    value = upper
            previous = value
            if deepest > MAX_NESTING:
                raise QueryError(
                    f"the query nests more than {MAX_NESTING} levels deep (brackets and unary "
                    f"operators), more than this server evaluates safely; flatten it"
                )
            if operators > MAX_OPERATORS:
                raise QueryError(
                    f"the query holds more than {MAX_OPERATORS} operators (UNION, OPTIONAL, FILTER, "
                    f"'.', '&&', '+', ...), more than this server evaluates safely; split it into smaller queries"
                )


def check_outside_access(text: str, known_graphs: Callable[[], Iterable[str]] | None = None) -> None:
    """Raise :class:`QueryError` when running ``text`` could make a network request: ``SERVICE``,
    ``LOAD``, or a ``FROM`` / ``USING`` graph that ``known_graphs()`` (the store's named graphs)
    does not list. Without ``known_graphs`` every dataset clause is refused. Texts too deeply
    nested or too long for the engines are refused first (:func:`check_complexity`)."""
    check_complexity(text)
    for variant in {text, _unescape_codepoints(text)}:
        words = set(_words(variant))
        if "SERVICE" in words:
            raise QueryError(
                "SERVICE is not allowed: this server never sends queries to other endpoints; "
                "copy the data you need into the store instead"
            )
        if "LOAD" in words:
            raise QueryError(
                "LOAD is not allowed: this server never fetches data from the web; "
                "load files with `clustergraph load` instead"
            )
        clauses = dataset_clauses(variant)
        if clauses:
            known = {str(g) for g in known_graphs()} if known_graphs is not None else set()
            for clause, iri in clauses:
                if iri not in known:
                    raise QueryError(
                        f"{clause} <{iri}>: not a graph of this store, and this server never "
                        f"fetches graphs from the web; list the graphs with "
                        f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{}} }}"
                    )


def check_graph_names(names: Iterable[str], known_graphs: Callable[[], Iterable[str]]) -> None:
    """The graphs of the protocol's ``default-graph-uri`` / ``named-graph-uri`` must be in the store."""
    names = list(names)
    if not names:
        return
    known = {str(g) for g in known_graphs()}
    for name in names:
        if name not in known:
            raise QueryError(
                f"graph <{name}> is not in this store (default-graph-uri / named-graph-uri may only "
                f"name the store's graphs; nothing is fetched from the web)"
            )
