"""The facts JSON <-> FactsDocument: the seed's format, round trips, and errors people can act on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clustergraph.errors import EXIT_FINDINGS, InputError
from clustergraph.factsfile import (
    dump_facts,
    dumps_facts,
    expected_files,
    id_from_filename,
    load_facts,
    load_many,
    text_file_for,
)
from clustergraph.model import Announcement, Entity, Fact, FactsDocument, Figure, NegativeFact
from clustergraph.relations import BY_NAME
from clustergraph.vocab import ENTITY_TYPES

TESTS = Path(__file__).parent
SEED_CANDIDATES = [Path("/work/shared/seeds/biosaxony-go-cluster-2014.expected.json"),  # CI: a clone with shared/ beside it
                   Path(__file__).resolve().parents[2] / "shared" / "seeds" / "biosaxony-go-cluster-2014.expected.json"]
SEED = next((p for p in SEED_CANDIDATES if p.is_file()), SEED_CANDIDATES[0])
ALL_EXPECTED = expected_files(TESTS / "devset") + expected_files(TESTS / "heldout")


def minimal(**changes) -> dict:
    data = {
        "announcement": {"title": "Demo", "language": "de"},
        "entities": [{"name": "biosaxony", "type": "Cluster", "aliases": []},
                     {"name": "go-cluster", "type": "Programme", "aliases": []}],
        "facts": [{"subject": "biosaxony", "relation": "member of programme", "object": "go-cluster",
                   "date": "2014-06", "evidence": "biosaxony wurde aufgenommen"}],
    }
    data.update(changes)
    return data


@pytest.fixture
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip("seed not available")
    return SEED


def test_seed_loads_with_id_from_file_name(seed_path):
    doc = load_facts(seed_path)
    assert doc.announcement.id == "biosaxony-go-cluster-2014"
    assert doc.announcement.source == "biosaxony-go-cluster-2014.txt"
    assert doc.announcement.issued == "2014-07-18"
    assert len(doc.entities) == 11 and len(doc.facts) == 11
    assert doc.entity("BMWi").name == "Bundesministerium für Wirtschaft und Energie"
    member = doc.facts[0]
    assert (member.subject, member.relation, member.object, member.date) == (
        "biosaxony", "member of programme", "go-cluster", "2014-06")
    assert doc.figures[0].qualifier == "more than" and doc.figures[1].qualifier is None
    assert [n.object for n in doc.must_not_assert][:2] == ["ECEI Gold Label", "ECEI Silver Label"]


def test_reference_evidence_marks_the_basis(seed_path):
    doc = load_facts(seed_path)
    bases = {(f.subject, f.relation): f.basis for f in doc.facts}
    assert bases[("Sachsen", "part of")] == "reference"
    assert bases[("biosaxony", "located in")] == "text"


def test_seed_round_trips_through_the_json_object(seed_path):
    original = json.loads(seed_path.read_text(encoding="utf-8"))
    dumped = dump_facts(load_facts(seed_path))
    assert dumped["document"] == original["document"]
    for key, value in original["announcement"].items():
        assert dumped["announcement"][key] == value
    assert dumped["entities"] == original["entities"]
    for ours, theirs in zip(dumped["facts"], original["facts"], strict=True):
        assert {k: ours[k] for k in theirs} == theirs
    for ours, theirs in zip(dumped["figures"], original["figures"], strict=True):
        assert {k: ours[k] for k in theirs} == theirs
    assert dumped["must_not_assert"] == original["must_not_assert"]


@pytest.mark.parametrize("path", ALL_EXPECTED + ([SEED] if SEED.is_file() else []), ids=lambda p: p.name)
def test_every_expected_file_round_trips(path):
    doc = load_facts(path)
    assert load_facts(dump_facts(doc)) == doc
    assert load_facts(dumps_facts(doc)) == doc


def test_a_file_written_by_dumps_loads_from_disk(tmp_path, seed_path):
    doc = load_facts(seed_path)
    target = tmp_path / "copy.expected.json"
    target.write_text(dumps_facts(doc), encoding="utf-8")
    assert load_facts(target) == doc
    assert load_facts(str(target)) == doc


def test_many_documents_are_an_array():
    first = load_facts(minimal())
    second = load_facts(minimal(announcement={"id": "other", "title": "Other"}))
    text = dumps_facts([first, second])
    assert isinstance(json.loads(text), list)
    assert load_many(text) == [first, second]
    assert load_many(dumps_facts(first)) == [first]
    assert dumps_facts([]).strip() == "[]"
    with pytest.raises(InputError, match="found a list"):
        load_facts(text)


def test_optional_fact_fields_survive():
    data = minimal()
    data["facts"][0].update({"start": 3, "end": 40, "confidence": 0.75, "basis": "reference"})
    doc = load_facts(data)
    fact = doc.facts[0]
    assert (fact.start, fact.end, fact.confidence, fact.basis) == (3, 40, 0.75, "reference")
    assert dump_facts(doc)["facts"][0]["confidence"] == 0.75
    plain = dump_facts(load_facts(minimal()))["facts"][0]
    assert "confidence" not in plain and "basis" not in plain and "start" not in plain


def test_text_is_written_only_on_request():
    doc = load_facts(minimal())
    doc.announcement.text = "biosaxony wurde aufgenommen."
    assert "text" not in dump_facts(doc)["announcement"]
    assert load_facts(dump_facts(doc, include_text=True)).announcement.text == doc.announcement.text


def test_id_comes_from_the_title_when_there_is_no_file():
    assert load_facts(minimal()).announcement.id == "demo"


def test_id_from_filename():
    assert id_from_filename("x/Spitzencluster Wettbewerb.expected.json") == "spitzencluster-wettbewerb"
    assert id_from_filename("plain.json") == "plain"


@pytest.mark.parametrize(("change", "path_in_message"), [
    ({"facts": [{"subject": "a", "relation": "member", "object": "b", "evidence": "e"}]}, "facts[0].relation"),
    ({"facts": [{"relation": "run by", "object": "b", "evidence": "e"}]}, "facts[0].subject"),
    ({"facts": [{"subject": "a", "relation": "run by", "object": "b"}]}, "facts[0].evidence"),
    ({"facts": [{"subject": "a", "relation": "run by", "object": "b", "evidence": "e", "date": "18.07.2014"}]},
     "facts[0].date"),
    ({"facts": [{"subject": "a", "relation": "run by", "object": "b", "evidence": "e", "confidence": 2}]},
     "facts[0].confidence"),
    ({"facts": [{"subject": "a", "relation": "run by", "object": "b", "evidence": "e", "basis": "rumour"}]},
     "facts[0].basis"),
    ({"entities": [{"name": "x", "type": "Company"}]}, "entities[0].type"),
    ({"entities": [{"name": "x", "type": "Cluster", "aliases": [3]}]}, "entities[0].aliases[0]"),
    ({"entities": {"name": "x"}}, "entities: expected a list"),
    ({"figures": [{"subject": "a", "relation": "members", "value": "90"}]}, "figures[0].value"),
    ({"must_not_assert": [{"subject": "a", "relation": "is boss of", "object": "b"}]},
     "must_not_assert[0].relation"),
    ({"announcement": {"id": "x", "issued": "July 2014"}}, "announcement.issued"),
    ({"announcement": "x"}, "announcement: expected a JSON object"),
])
def test_problems_name_the_json_path(change, path_in_message):
    with pytest.raises(InputError) as caught:
        load_facts(minimal(**change))
    assert path_in_message in str(caught.value)
    assert caught.value.exit_code == EXIT_FINDINGS


def test_unknown_relation_lists_the_known_ones():
    data = minimal()
    data["facts"] = [data["facts"][0]] * 3 + [dict(data["facts"][0], relation="member")]
    with pytest.raises(InputError, match=r"facts\[3\]\.relation: unknown relation 'member'; known: .*run by"):
        load_facts(data)


def test_missing_top_level_keys():
    for key in ("announcement", "entities", "facts"):
        data = minimal()
        del data[key]
        with pytest.raises(InputError, match=f"^{key}"):
            load_facts(data)


def test_errors_name_the_file(tmp_path):
    broken = tmp_path / "broken.expected.json"
    broken.write_text('{"announcement": {', encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.expected\.json: malformed JSON at line 1"):
        load_facts(broken)
    bad = tmp_path / "bad.expected.json"
    bad.write_text(json.dumps(minimal(facts=[{"subject": "a"}])), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_facts(bad)
    assert caught.value.source == str(bad) and "facts[0].relation" in str(caught.value)
    with pytest.raises(InputError, match="no such facts file"):
        load_facts(tmp_path / "missing.expected.json")
    with pytest.raises(InputError, match="malformed JSON"):
        load_facts("{not json")


def test_text_file_for_finds_the_announcement(tmp_path):
    expected = tmp_path / "page.expected.json"
    expected.write_text(json.dumps(minimal()), encoding="utf-8")
    with pytest.raises(InputError, match="no announcement next to it"):
        text_file_for(expected)
    (tmp_path / "page.html").write_text("<p>x</p>", encoding="utf-8")
    assert text_file_for(expected) == tmp_path / "page.html"
    shutil.copy(tmp_path / "page.html", tmp_path / "page.txt")
    assert text_file_for(expected).suffix == ".txt"
    assert expected_files(tmp_path) == [expected]


names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20).filter(
    str.strip)
dates = st.none() | st.from_regex(r"\A(19|20)\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|1\d|2[0-8]))?)?\Z")


@st.composite
def documents(draw) -> FactsDocument:
    entities = draw(st.lists(st.builds(Entity, name=names, type=st.sampled_from(sorted(ENTITY_TYPES)),
                                       aliases=st.lists(names, max_size=3)), min_size=2, max_size=5))
    entity_names = [e.name for e in entities]
    facts = draw(st.lists(st.builds(
        Fact, subject=st.sampled_from(entity_names), relation=st.sampled_from(sorted(BY_NAME)),
        object=st.sampled_from(entity_names), date=dates, evidence=names,
        start=st.none() | st.integers(0, 500), end=st.none() | st.integers(0, 500),
        confidence=st.floats(0, 1), basis=st.sampled_from(["text", "reference"])), max_size=5))
    figures = draw(st.lists(st.builds(
        Figure, subject=st.sampled_from(entity_names), relation=names,
        value=st.integers(0, 10**9) | st.floats(0, 1e9), unit=st.none() | st.just("EUR"),
        qualifier=st.none() | st.sampled_from(["up to", "more than", "about"]), evidence=names), max_size=3))
    negatives = draw(st.lists(st.builds(
        NegativeFact, subject=st.sampled_from(entity_names), relation=st.sampled_from(sorted(BY_NAME)),
        object=st.sampled_from(entity_names), why=names), max_size=3))
    announcement = draw(st.builds(Announcement, id=st.from_regex(r"\A[a-z0-9]+(-[a-z0-9]+)*\Z"), title=names,
                                  language=st.sampled_from(["de", "en"]), issued=dates,
                                  place=st.none() | names, publisher=st.none() | names,
                                  source=st.none() | st.just("x.txt")))
    return FactsDocument(announcement, entities, facts, figures, negatives)


@settings(max_examples=60, deadline=None)
@given(documents())
def test_any_document_round_trips(doc):
    assert load_facts(dumps_facts(doc)) == doc
