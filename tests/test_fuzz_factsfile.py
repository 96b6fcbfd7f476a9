"""Property-based fuzzing (hypothesis) of the facts-file loader and what ingest does with its result.

Documented behaviour held here: :func:`~clustergraph.factsfile.load_facts` on any JSON text raises
nothing but :class:`~clustergraph.errors.InputError` (naming the JSON path of the problem), and a
document it accepts either maps to RDF and stores, or fails with a
:class:`~clustergraph.errors.ClusterGraphError` that ingest reports per file; never another
exception, which would abort a whole batch.

Examples per test: ``CLUSTERGRAPH_FUZZ_EXAMPLES`` (default 100); runs are reproducible unless
``CLUSTERGRAPH_FUZZ_RANDOM=1``.
"""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from clustergraph.errors import ClusterGraphError, InputError
from clustergraph.factsfile import dump_facts, load_facts
from clustergraph.ingest import store_document
from clustergraph.model import FactsDocument
from clustergraph.rdfmap import document_graph
from clustergraph.relations import BY_NAME
from clustergraph.store.oxigraph import OxigraphStore
from clustergraph.vocab import ENTITY_TYPES

from fuzzing import FUZZ  # tests/fuzzing.py: the shared hypothesis profile

scalars = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70),
                    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=20))
json_values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                            st.dictionaries(st.text(max_size=10), inner, max_size=4)),
                           max_leaves=20)
names = st.one_of(st.sampled_from(["Alpha", "Beta", "go-cluster", "Sachsen", "Dr. Erika Muster"]),
                  st.text(min_size=1, max_size=25))
dates = st.one_of(st.none(), st.sampled_from(["2014", "2014-06", "2014-06-30", "2014-13", "14", "2014-02-30"]),
                  st.text(max_size=12))


@st.composite
def documents(draw) -> dict:
    """A facts document in the interchange layout, its values drawn from plausible and odd ones."""
    entity_names = draw(st.lists(names, min_size=1, max_size=5, unique=True))
    entities = [{"name": name, "type": draw(st.sampled_from(list(ENTITY_TYPES) + ["Thing"])),
                 "aliases": draw(st.lists(names, max_size=2))} for name in entity_names]
    for entity in entities:
        if draw(st.integers(0, 5)) == 0:
            entity["iri"] = draw(st.one_of(st.just("https://example.org/id/x"), st.text(max_size=20),
                                           st.just("not an iri <with> spaces"), st.just("urn:x:a|b")))
    facts = []
    for _ in range(draw(st.integers(0, 4))):
        fact = {"subject": draw(st.sampled_from(entity_names + ["Unknown"])),
                "relation": draw(st.sampled_from(list(BY_NAME) + ["member"])),
                "object": draw(st.sampled_from(entity_names)),
                "date": draw(dates), "evidence": draw(st.text(max_size=60))}
        if draw(st.booleans()):
            fact["start"] = draw(st.one_of(st.integers(-3, 100), scalars))
            fact["end"] = draw(st.one_of(st.integers(-3, 100), scalars))
        if draw(st.booleans()):
            fact["confidence"] = draw(st.one_of(st.floats(-1, 2), scalars))
        if draw(st.booleans()):
            fact["basis"] = draw(st.sampled_from(["text", "reference", "rumour"]))
        facts.append(fact)
    figures = [{"subject": draw(st.sampled_from(entity_names)), "relation": draw(st.text(max_size=15)),
                "value": draw(st.one_of(st.integers(), st.floats(allow_nan=False), scalars)),
                "unit": draw(st.one_of(st.none(), st.text(max_size=5))), "evidence": draw(st.text(max_size=30))}
               for _ in range(draw(st.integers(0, 2)))]
    announcement = {key: draw(st.one_of(st.none(), st.text(max_size=20)))
                    for key in ("id", "title", "kind", "language", "place", "publisher", "text")}
    announcement["issued"] = draw(dates)
    return {"announcement": announcement, "entities": entities, "facts": facts, "figures": figures,
            "must_not_assert": draw(st.lists(st.fixed_dictionaries(
                {"subject": names, "relation": st.sampled_from(list(BY_NAME)), "object": names}), max_size=1))}


@st.composite
def damaged(draw) -> dict:
    """A document with one value anywhere in it replaced by arbitrary JSON, or one key removed."""
    data = copy.deepcopy(draw(documents()))
    paths = []

    def walk(node, path):
        paths.append(path)
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, path + (key,))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, path + (index,))

    walk(data, ())
    path = draw(st.sampled_from(paths[1:] or [()]))
    if not path:
        return draw(json_values)
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    if isinstance(parent, dict) and draw(st.booleans()):
        del parent[path[-1]]
    else:
        parent[path[-1]] = draw(json_values)
    return data


def load_json_text(value) -> FactsDocument | None:
    """``load_facts`` on the JSON text of ``value``: a document, or None after an InputError."""
    text = json.dumps(value, ensure_ascii=False)  # not an object or array: read as a (missing) path
    try:
        return load_facts(text)
    except InputError:
        return None


@FUZZ
@given(st.one_of(json_values, documents(), damaged()))
def test_any_json_loads_or_raises_input_error(value):
    doc = load_json_text(value)
    if doc is not None:
        assert load_facts(dump_facts(doc, include_text=True)) == doc  # what loads, writes back as it was


@FUZZ
@given(st.text(max_size=200).map(lambda t: "{" + t))
def test_any_text_that_looks_like_json_loads_or_raises_input_error(text):
    try:
        load_facts(text)
    except InputError as exc:
        assert "facts JSON" in str(exc) or ":" in str(exc)


@pytest.fixture(scope="module")
def fuzz_store():
    store = OxigraphStore(None)
    yield store
    store.close()


@FUZZ
@given(st.one_of(documents(), damaged()))
@example({"announcement": {"title": "0", "language": "0"}, "entities": [], "facts": []})  # found by this test
@example({"announcement": {"title": "x"}, "entities": [{"name": "A", "type": "Cluster", "iri": "a b"}], "facts": []})
def test_an_accepted_document_stores_or_fails_with_a_clustergraph_error(fuzz_store, value):
    doc = load_json_text(value)
    if doc is None:
        return
    try:
        name, graph = document_graph(doc)
    except InputError:
        return
    before = fuzz_store.count()
    try:
        outcome = store_document(fuzz_store, doc, validate=False)
    except ClusterGraphError:
        assert fuzz_store.count() == before  # a failed write wrote nothing
        return
    assert outcome.ok and fuzz_store.count(name) == len(graph)
    fuzz_store.drop_graph(name)
