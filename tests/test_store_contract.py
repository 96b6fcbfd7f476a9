"""The store contract: one set of tests, run over every back-end through the ``store`` fixture
(oxigraph on disk, rdflib in memory, a real Oxigraph server over the SPARQL protocol)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib import namespace as rdf_namespaces
from rdflib.query import Result

from clustergraph.errors import ClusterGraphError, InputError, QueryError
from clustergraph.store.results import DATASET_FORMATS, DUMP_FORMATS, GRAPH_FORMATS, RDFLIB_FORMATS, RESULT_FORMATS

EX = Namespace("http://example.org/")
# open copies of rdflib's closed namespaces: pytest probes module globals, closed ones warn
RDFS = Namespace(str(rdf_namespaces.RDFS))
XSD = Namespace(str(rdf_namespaces.XSD))
G1 = EX["graph/biosaxony"]
G2 = EX["graph/silicon"]
PREFIXES = f"PREFIX ex: <{EX}>\nPREFIX rdfs: <{RDFS}>\n"

QUOTED = Literal('He said "hi" } and left')
UMLAUTS = Literal("Baden-Württemberg · Größe · Müller", lang="de")
JOINED = Literal("2014-05", datatype=XSD.gYearMonth)
FOUNDED = Literal("2009", datatype=XSD.gYear)
ANNOUNCED = Literal("2014-05-21", datatype=XSD.date)
AWARD = BNode()

G1_TRIPLES = [
    (EX.biosaxony, RDFS.label, Literal("biosaxony e.V.")),
    (EX.biosaxony, EX.city, Literal("Dresden")),
    (EX.biosaxony, EX.note, QUOTED),
    (EX.biosaxony, EX.region, UMLAUTS),
    (EX.biosaxony, EX.joined, JOINED),
    (EX.biosaxony, EX.founded, FOUNDED),
    (EX.biosaxony, EX.announced, ANNOUNCED),
    (EX.biosaxony, EX.award, AWARD),
    (AWARD, RDFS.label, Literal("Gold")),
]
G2_TRIPLES = [
    (EX.silicon, RDFS.label, Literal("Silicon Saxony")),
    (EX.silicon, EX.city, Literal("Dresden")),
    (EX.silicon, EX.members, Literal(300)),
]
DEFAULT_TRIPLES = [(EX.dataset, RDFS.comment, Literal("in the default graph"))]
ALL_QUADS = (
    [(*t, G1) for t in G1_TRIPLES] + [(*t, G2) for t in G2_TRIPLES] + [(*t, None) for t in DEFAULT_TRIPLES]
)


def graph_of(triples) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


def by_graph(quads) -> dict:
    """Quads grouped into one rdflib Graph per graph name (None = default graph)."""
    graphs: dict = {}
    for s, p, o, g in quads:
        graphs.setdefault(g, Graph()).add((s, p, o))
    return graphs


def assert_same_dataset(actual: dict, expected: dict) -> None:
    assert set(actual) == set(expected)
    for name, graph in expected.items():
        assert isomorphic(actual[name], graph), f"graph {name} differs"


EXPECTED = by_graph(ALL_QUADS)
UNION = graph_of(G1_TRIPLES + G2_TRIPLES + DEFAULT_TRIPLES)


@pytest.fixture
def loaded(store):
    store.add_quads(ALL_QUADS)
    return store


def values(result, var):
    return {row[result.vars.index(var)] for row in result.rows}


# --- adding, counting, listing ----------------------------------------------------------


def test_a_fresh_store_is_empty(store):
    assert store.count() == 0
    assert store.graphs() == []
    assert list(store.quads()) == []


def test_add_quads_counts_and_lists_graphs(loaded):
    assert loaded.count() == len(ALL_QUADS)
    assert loaded.count(G1) == len(G1_TRIPLES)
    assert loaded.count(G2) == len(G2_TRIPLES)
    assert loaded.count(EX["graph/none"]) == 0
    assert loaded.graphs() == sorted([G1, G2])


def test_quads_give_back_what_was_added(loaded):
    assert_same_dataset(by_graph(loaded.quads()), EXPECTED)
    assert_same_dataset(by_graph(loaded.quads(G2)), {G2: EXPECTED[G2]})


def test_add_quads_that_fail_midway_add_nothing(store):
    def failing():
        yield ALL_QUADS[0]
        raise RuntimeError("source broke")

    with pytest.raises(RuntimeError):
        store.add_quads(failing())
    assert store.count() == 0


# --- querying ----------------------------------------------------------------------------


def test_queries_see_the_union_of_all_graphs(loaded):
    result = loaded.query(PREFIXES + 'SELECT ?s WHERE { ?s ex:city "Dresden" }')
    assert result.kind == "SELECT" and result.vars == ["s"]
    assert values(result, "s") == {EX.biosaxony, EX.silicon}
    comment = loaded.query(PREFIXES + "SELECT ?c WHERE { ex:dataset rdfs:comment ?c }")
    assert values(comment, "c") == {Literal("in the default graph")}


def test_graph_clause_ranges_over_named_graphs_only(loaded):
    result = loaded.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert values(result, "g") == {G1, G2}


def test_default_graph_and_named_graphs_pick_the_dataset(loaded):
    only_g2 = loaded.query(PREFIXES + "SELECT DISTINCT ?s WHERE { ?s ex:city ?c }", default_graph=[G2])
    assert values(only_g2, "s") == {EX.silicon}
    both = loaded.query(PREFIXES + "SELECT DISTINCT ?s WHERE { ?s ex:city ?c }", default_graph=[G1, G2])
    assert values(both, "s") == {EX.biosaxony, EX.silicon}
    named = loaded.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", named_graphs=[G1])
    assert values(named, "g") == {G1}
    # naming graphs replaces the union: with only named graphs given, the default graph is empty
    assert loaded.query("SELECT ?s WHERE { ?s ?p ?o }", named_graphs=[G1]).rows == []


def test_bindings_are_bound_not_pasted_into_the_text(loaded):
    query = PREFIXES + "SELECT ?s ?note WHERE { ?s ex:note ?note }"
    found = loaded.query(query, bindings={"note": QUOTED})
    assert found.rows == [(EX.biosaxony, QUOTED)]
    injection = Literal('x" } UNION { ?s ?p ?note } #')
    assert loaded.query(query, bindings={"note": injection}).rows == []


def test_bindings_take_iris_and_sigils(loaded):
    query = PREFIXES + "SELECT ?s ?label WHERE { ?s rdfs:label ?label }"
    result = loaded.query(query, bindings={"?s": EX.silicon})
    assert result.bindings() == [{"s": EX.silicon, "label": Literal("Silicon Saxony")}]


def test_binding_a_variable_the_select_does_not_project_is_refused(loaded):
    with pytest.raises(QueryError, match=r"\?city"):
        loaded.query(PREFIXES + "SELECT ?s WHERE { ?s ex:city ?city }", bindings={"city": Literal("Dresden")})


def test_ask(loaded):
    query = PREFIXES + "ASK { ?s ex:city ?city }"
    assert loaded.query(query).boolean is True
    result = loaded.query(query, bindings={"city": Literal("Leipzig")})
    assert (result.kind, result.boolean) == ("ASK", False)


def test_construct_answers_a_graph(loaded):
    result = loaded.query(PREFIXES + "CONSTRUCT { ?s ex:locatedIn ?c } WHERE { ?s ex:city ?c }")
    assert result.kind == "CONSTRUCT"
    expected = graph_of([(EX.biosaxony, EX.locatedIn, Literal("Dresden")), (EX.silicon, EX.locatedIn, Literal("Dresden"))])
    assert isomorphic(result.graph, expected)


def test_max_rows_cuts_and_says_so(loaded):
    cut = loaded.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", max_rows=2)
    assert len(cut.rows) == 2 and cut.truncated
    whole = loaded.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", max_rows=100)
    assert len(whole.rows) == len(ALL_QUADS) and not whole.truncated
    graph = loaded.query("CONSTRUCT WHERE { ?s ?p ?o }", max_rows=3)
    assert len(graph.graph) == 3 and graph.truncated


def test_typed_literals_and_umlauts_survive(loaded):
    result = loaded.query(PREFIXES + "SELECT ?p ?o WHERE { ex:biosaxony ?p ?o }")
    objects = {row[0]: row[1] for row in result.rows}
    for predicate, literal in [(EX.joined, JOINED), (EX.founded, FOUNDED), (EX.announced, ANNOUNCED), (EX.region, UMLAUTS)]:
        assert objects[predicate] == literal
        assert (objects[predicate].datatype, objects[predicate].language) == (literal.datatype, literal.language)
    assert objects[RDFS.label].datatype is None  # xsd:string comes back as a plain literal
    region = loaded.query(PREFIXES + "SELECT ?s ?r WHERE { ?s ex:region ?r }", bindings={"r": UMLAUTS})
    assert region.rows == [(EX.biosaxony, UMLAUTS)]


@pytest.mark.parametrize(
    "query",
    ["SELECT ?s WHERE { ?s ?p }", "SELECT ?s WHERE { ?s ?p ?o ", "SELECT ?s WHERE { ?s unknown:p ?o }"],
)
def test_malformed_query_raises_query_error(store, query):
    with pytest.raises(QueryError, match="SPARQL") as caught:
        store.query(query)
    if "unknown:" not in query:
        assert caught.value.position is not None and caught.value.position[0] == 1


def test_malformed_update_raises_query_error(store):
    with pytest.raises(QueryError):
        store.update("INSERT DATA { <http://example.org/a> }")


# --- serialized answers --------------------------------------------------------------------


@pytest.mark.parametrize("max_rows", [None, 100])
@pytest.mark.parametrize("result_format", list(RESULT_FORMATS))
def test_query_serialized_select(loaded, result_format, max_rows):
    query = PREFIXES + "SELECT ?s ?label WHERE { ?s rdfs:label ?label FILTER(isIRI(?s)) }"
    data = loaded.query_serialized(query, result_format, max_rows=max_rows)
    assert (data.kind, data.format, data.media_type) == ("SELECT", result_format, RESULT_FORMATS[result_format])
    if result_format == "csv":
        rows = {tuple(row) for row in list(csv.reader(io.StringIO(data.decode("utf-8"))))[1:]}
        assert rows == {(str(EX.biosaxony), "biosaxony e.V."), (str(EX.silicon), "Silicon Saxony")}
        return
    parsed = Result.parse(io.BytesIO(bytes(data)), format=result_format)
    assert {(row[0], row[1]) for row in parsed} == {
        (EX.biosaxony, Literal("biosaxony e.V.")),
        (EX.silicon, Literal("Silicon Saxony")),
    }


@pytest.mark.parametrize("result_format", list(RESULT_FORMATS))
def test_query_serialized_cuts_at_max_rows(loaded, result_format):
    data = loaded.query_serialized(PREFIXES + "SELECT ?s WHERE { ?s ex:city ?c }", result_format, max_rows=1)
    assert data.truncated
    lines = [line for line in data.decode("utf-8").splitlines() if "example.org" in line]
    if result_format == "json":
        assert len(json.loads(data)["results"]["bindings"]) == 1
    elif result_format == "xml":
        assert len(list(Result.parse(io.BytesIO(bytes(data)), format="xml"))) == 1
    else:
        assert len(lines) == 1
    whole = loaded.query_serialized(PREFIXES + "SELECT ?s WHERE { ?s ex:city ?c }", result_format, max_rows=2)
    assert not whole.truncated


@pytest.mark.parametrize("graph_format", list(GRAPH_FORMATS))
def test_query_serialized_construct_cuts_at_max_rows(loaded, graph_format):
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G2}> {{ ?s ?p ?o }} }}"
    data = loaded.query_serialized(query, graph_format=graph_format, max_rows=2)
    assert data.truncated
    parsed = Dataset(default_union=True).parse(data=bytes(data), format=RDFLIB_FORMATS[graph_format])
    assert len(graph_of(parsed.triples((None, None, None)))) == 2


@pytest.mark.parametrize("max_rows", [None, 100])
@pytest.mark.parametrize("result_format", list(RESULT_FORMATS))
def test_query_serialized_ask(loaded, result_format, max_rows):
    data = loaded.query_serialized(PREFIXES + "ASK { ?s ex:city ?c }", result_format, max_rows=max_rows)
    assert data.kind == "ASK"
    if result_format == "json":
        assert json.loads(data)["boolean"] is True
    elif result_format == "xml":
        assert Result.parse(io.BytesIO(bytes(data)), format="xml").askAnswer is True
    else:  # the CSV/TSV specs define no ASK form: one word
        assert data.strip() == b"true"


@pytest.mark.parametrize("max_rows", [None, 100])
@pytest.mark.parametrize("graph_format", list(GRAPH_FORMATS))
def test_query_serialized_construct(loaded, graph_format, max_rows):
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G2}> {{ ?s ?p ?o }} }}"
    data = loaded.query_serialized(query, "json", graph_format, max_rows=max_rows)
    assert (data.kind, data.media_type) == ("CONSTRUCT", GRAPH_FORMATS[graph_format])
    parsed = Dataset(default_union=True) if graph_format == "trig" else Graph()
    parsed.parse(data=bytes(data), format=RDFLIB_FORMATS[graph_format])
    assert isomorphic(graph_of(parsed.triples((None, None, None))), EXPECTED[G2])


# --- writing -------------------------------------------------------------------------------


def test_replace_graph_really_replaces(loaded):
    new = [(EX.biosaxony, RDFS.label, Literal("biosaxony")), (EX.biosaxony, EX.city, Literal("Dresden"))]
    loaded.replace_graph(G1, new)
    assert_same_dataset(by_graph(loaded.quads(G1)), {G1: graph_of(new)})
    assert loaded.count() == len(new) + len(G2_TRIPLES) + len(DEFAULT_TRIPLES)
    assert_same_dataset(by_graph(loaded.quads(G2)), {G2: EXPECTED[G2]})
    assert loaded.query(PREFIXES + "ASK { ?s ex:note ?n }").boolean is False


def test_replace_graph_creates_a_missing_graph(store):
    store.replace_graph(G2, G2_TRIPLES)
    assert store.graphs() == [G2] and store.count(G2) == len(G2_TRIPLES)


def test_a_failing_replace_leaves_the_old_graph(loaded):
    def failing():
        yield (EX.biosaxony, RDFS.label, Literal("half"))
        raise RuntimeError("extraction broke")

    with pytest.raises(RuntimeError):
        loaded.replace_graph(G1, failing())
    assert_same_dataset(by_graph(loaded.quads()), EXPECTED)


def test_replace_with_nothing_empties_the_graph(loaded):
    loaded.replace_graph(G1, [])
    assert loaded.graphs() == [G2]
    assert loaded.count(G1) == 0


def test_drop_graph(loaded):
    loaded.drop_graph(G2)
    loaded.drop_graph(EX["graph/never-there"])
    assert loaded.graphs() == [G1]
    assert loaded.query(PREFIXES + "ASK { ex:silicon ?p ?o }").boolean is False


def test_update_without_graph_changes_the_default_graph_only(loaded):
    loaded.update("DELETE WHERE { ?s ?p ?o }")
    assert loaded.graphs() == sorted([G1, G2])
    assert loaded.count() == len(G1_TRIPLES) + len(G2_TRIPLES)


def test_update_is_all_or_nothing(loaded):
    failing = f"INSERT DATA {{ <{EX.new}> <{EX.p}> 1 }} ;\nCREATE GRAPH <{G1}>"  # G1 exists: CREATE fails
    with pytest.raises(ClusterGraphError):
        loaded.update(failing)
    assert loaded.query(f"ASK {{ <{EX.new}> ?p ?o }}").boolean is False


# --- dumps ---------------------------------------------------------------------------------


@pytest.mark.parametrize("format", list(DUMP_FORMATS))
def test_dump_parses_back_isomorphic(loaded, format):
    out = io.BytesIO()
    loaded.dump(out, format)
    data = out.getvalue()
    if format in DATASET_FORMATS:
        parsed = Dataset()
        parsed.parse(data=data, format=RDFLIB_FORMATS[format])
        quads = [(s, p, o, None if g == DATASET_DEFAULT_GRAPH_ID else g) for s, p, o, g in parsed.quads((None, None, None, None))]
        assert_same_dataset(by_graph(quads), EXPECTED)
    else:
        parsed = Graph().parse(data=data, format=RDFLIB_FORMATS[format])
        assert isomorphic(parsed, UNION)
    if format in ("turtle", "trig", "ntriples", "nquads"):
        assert "Württemberg" in data.decode("utf-8")


@pytest.mark.parametrize("format", ["turtle", "nquads"])
def test_dump_of_one_graph(loaded, format):
    out = io.BytesIO()
    loaded.dump(out, format, graph=G2)
    parsed = Dataset(default_union=True)
    parsed.parse(data=out.getvalue(), format=RDFLIB_FORMATS[format])
    assert isomorphic(graph_of(parsed.triples((None, None, None))), EXPECTED[G2])
    if format == "nquads":
        assert {g for *_, g in parsed.quads((None, None, None, None))} == {G2}


# --- data version --------------------------------------------------------------------------


def _reads(store) -> None:
    """One of every read a store offers."""
    store.query("SELECT * WHERE { ?s ?p ?o } LIMIT 3")
    store.query_serialized("ASK { ?s ?p ?o }")
    store.count(), store.count(G1), store.graphs(), list(store.quads()), list(store.quads(G2))
    store.dump(io.BytesIO(), "nquads")


SAME_SIZE_G2 = [(s, p, Literal("Silicon Saxony e.V.") if o == Literal("Silicon Saxony") else o) for s, p, o in G2_TRIPLES]
# write kind -> the write, on a store holding ALL_QUADS
WRITES = {
    "add quads": lambda store: store.add_quads([(EX.new, EX.p, Literal(1), G2)]),
    "replace graph": lambda store: store.replace_graph(G1, G1_TRIPLES[:2]),
    "replace graph, same size": lambda store: store.replace_graph(G2, SAME_SIZE_G2),
    "drop graph": lambda store: store.drop_graph(G2),
    "load": lambda store: store.load(f'<{EX.x}> <{EX.p}> "y" .'.encode(), "ntriples", graph=G2),
    "update": lambda store: store.update(f"INSERT DATA {{ <{EX.new}> <{EX.p}> 2 }}"),
    "update, same size": lambda store: store.update(
        f'DELETE DATA {{ GRAPH <{G2}> {{ <{EX.silicon}> <{RDFS.label}> "Silicon Saxony" }} }} ;\n'
        f'INSERT DATA {{ GRAPH <{G2}> {{ <{EX.silicon}> <{RDFS.label}> "Silicon Saxony e.V." }} }}'),
}


def test_reads_keep_the_data_version(loaded):
    before = loaded.data_version()
    assert isinstance(before, str) and before
    _reads(loaded)
    assert loaded.data_version() == before


@pytest.mark.parametrize("kind", list(WRITES))
def test_every_write_changes_the_data_version(loaded, kind):
    before, count = loaded.data_version(), loaded.count()
    WRITES[kind](loaded)
    after = loaded.data_version()
    assert after != before
    if "same size" in kind:
        assert loaded.count() == count  # a cache keyed on the count would have missed this one
    _reads(loaded)
    assert loaded.data_version() == after


def test_each_of_several_writes_gives_a_new_version(store):
    seen = {store.data_version()}
    for number in range(4):
        store.replace_graph(G2, [(EX.silicon, EX.members, Literal(number))])  # one triple each time
        seen.add(store.data_version())
    assert len(seen) == 5


# --- loading RDF -----------------------------------------------------------------------------

TRIG = f"""@prefix ex: <{EX}> .
ex:dataset ex:note "default-graph triple" .
<{G1}> {{ ex:biosaxony ex:city "Leipzig" ; ex:award [ ex:level "Silber" ] . }}
<{G2}> {{ ex:silicon ex:city "Dresden" . }}
"""


def test_load_replaces_each_graph_of_the_data(loaded):
    target = EX["graph/file"]
    stored = loaded.load(TRIG.encode("utf-8"), "trig", graph=target)
    assert stored == {G1: 3, G2: 1, target: 1}
    assert loaded.count(G1) == 3 and loaded.count(G2) == 1 and loaded.count(target) == 1
    assert loaded.graphs() == sorted([G1, G2, target])
    assert loaded.query(PREFIXES + 'ASK { GRAPH ?g { ex:biosaxony ex:city "Dresden" } }').boolean is False
    assert loaded.query(PREFIXES + 'ASK { ?b ex:level "Silber" }').boolean
    # the triples that were in the default graph before stay there
    comment = loaded.query(PREFIXES + "SELECT ?c WHERE { ex:dataset rdfs:comment ?c }")
    assert values(comment, "c") == {Literal("in the default graph")}


def test_load_twice_holds_the_data_once(store):
    target = EX["graph/file"]
    for _ in range(2):
        store.load(TRIG, "trig", graph=target)
    assert store.count() == 5
    assert len(store.query(PREFIXES + 'SELECT ?b WHERE { ?b ex:level "Silber" }').rows) == 1


def test_load_of_a_triple_format_fills_the_named_graph(store, tmp_path):
    path = tmp_path / "extra.ttl"
    path.write_text(f'@prefix ex: <{EX}> .\nex:a ex:p "x" , "y" .\n<relative> ex:p "z" .\n', encoding="utf-8")
    stored = store.load(path, "turtle", graph=G2)
    assert stored == {G2: 3} and store.graphs() == [G2]
    subjects = {s for s, *_ in store.quads(G2)}
    assert EX.a in subjects and path.parent.resolve().joinpath("relative").as_uri() in {str(s) for s in subjects}


def test_load_of_data_without_triples_changes_nothing(loaded):
    assert loaded.load(f"@prefix ex: <{EX}> .\n", "turtle", graph=G1) == {}
    assert loaded.load(b"", "nquads", graph=G1) == {}
    assert_same_dataset(by_graph(loaded.quads()), EXPECTED)


@pytest.mark.parametrize("format, data", [
    ("turtle", f"@prefix ex: <{EX}> .\nex:a ex:b .\n"),
    ("ntriples", f"<{EX.a}> <{EX.p}> <http://example.org/c|d> .\n"),
    ("trig", f"<{G1}> {{ <{EX.a}> <{EX.p}> 1 . }}\n<{G2}> {{ <{EX.a}> <{EX.p}> "),
])
def test_load_of_malformed_data_is_an_input_error_and_stores_nothing(loaded, format, data):
    with pytest.raises(InputError, match=f"cannot parse as {format}"):
        loaded.load(data, format, graph=G1)
    assert_same_dataset(by_graph(loaded.quads()), EXPECTED)


def test_load_of_a_file_names_it_in_the_error(store, tmp_path):
    path = tmp_path / "broken.nt"
    path.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(InputError, match="broken.nt"):
        store.load(path, "ntriples", graph=G1)
    assert store.count() == 0


def test_load_again_with_changes_holds_exactly_the_new_data(store):
    first = f"""@prefix ex: <{EX}> . @prefix xsd: <{XSD}> .
<{G1}> {{ ex:a ex:p "kept" , "removed" ; ex:when "2025-01-15T12:00:00+00:00"^^xsd:dateTime . }}
<{G2}> {{ ex:b ex:p "same" ; ex:award [ ex:level "Gold" ] . }}"""
    second = f"""@prefix ex: <{EX}> . @prefix xsd: <{XSD}> .
<{G1}> {{ ex:a ex:p "kept" , "added" ; ex:when "2025-02-20T08:30:00+00:00"^^xsd:dateTime . }}
<{G2}> {{ ex:b ex:p "same" ; ex:award [ ex:level "Silber" ] . }}"""
    store.load(first, "trig", graph=EX["graph/file"])
    store.load(second, "trig", graph=EX["graph/file"])
    expected = Dataset()
    expected.parse(data=second, format="trig")
    assert_same_dataset(by_graph(store.quads()), {g.identifier: g for g in expected.graphs() if len(g)})
    assert store.query(PREFIXES + 'ASK { ?x ex:p "removed" }').boolean is False
    assert len(store.query(PREFIXES + "SELECT ?w WHERE { ex:a ex:when ?w }").rows) == 1
