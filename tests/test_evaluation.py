"""Scoring predictions against expected facts: matching, counts, dates, figures, forbidden readings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clustergraph.errors import InputError
from clustergraph.evaluation import Score, evaluate, evaluate_dir, name_keys, normalise_name, score_document
from clustergraph.factsfile import expected_files, load_facts, text_file_for
from clustergraph.model import Announcement, Entity, Fact, FactsDocument, Figure, NegativeFact

TESTS = Path(__file__).parent
SEED_CANDIDATES = [Path("/work/shared/seeds/biosaxony-go-cluster-2014.expected.json"),  # CI: a clone with shared/ beside it
                   Path(__file__).resolve().parents[2] / "shared" / "seeds" / "biosaxony-go-cluster-2014.expected.json"]
SEED = next((p for p in SEED_CANDIDATES if p.is_file()), SEED_CANDIDATES[0])


def doc(facts=(), entities=(), figures=(), negatives=(), id="doc", source=None) -> FactsDocument:
    return FactsDocument(Announcement(id=id, source=source), list(entities), list(facts), list(figures),
                         list(negatives))


def fact(subject, relation, obj, date=None, basis="text") -> Fact:
    return Fact(subject, relation, obj, date=date, evidence=f"{subject} {relation} {obj}", basis=basis)


EXPECTED = doc(
    entities=[
        Entity("biosaxony", "Cluster", ["biosaxony e.V.", "sächsischer Life-Sciences-Cluster"]),
        Entity("go-cluster", "Programme", ["Programm go-cluster"]),
        Entity("Bundesministerium für Wirtschaft und Energie", "Ministry", ["BMWi"]),
        Entity("Sachsen", "Region", ["Saxony"]),
        Entity("Deutschland", "Region", []),
        Entity("ECEI Gold Label", "Label", ["Qualitätslabel in Gold"]),
        Entity("André Hofmann", "Person", []),
        Entity("Silicon Saxony", "Cluster", []),
    ],
    facts=[
        fact("biosaxony", "member of programme", "go-cluster", "2014-06"),
        fact("go-cluster", "run by", "Bundesministerium für Wirtschaft und Energie"),
        fact("biosaxony", "located in", "Sachsen"),
        fact("André Hofmann", "managing director of", "biosaxony", "2014-07-18"),
        fact("biosaxony", "partner of", "Silicon Saxony", "2014"),
        fact("Sachsen", "part of", "Deutschland", basis="reference"),
    ],
    figures=[Figure("go-cluster", "benchmarking covers clusters", 500, qualifier="more than")],
    negatives=[NegativeFact("biosaxony", "awarded label", "ECEI Gold Label", "only groundwork for a label")],
)


def test_normalised_names():
    assert normalise_name("biosaxony e.V.") == normalise_name("BIOSAXONY") == "biosaxony"
    assert normalise_name("ClusterPraxis Beratungsgesellschaft mbH") == "clusterpraxisberatungsgesellschaft"
    assert normalise_name("VDI/VDE Innovation + Technik GmbH") == normalise_name("VDI VDE Innovation Technik")
    assert normalise_name("Köln") == "koeln" and normalise_name("Wrocław") == "wroclaw"
    assert normalise_name("go-cluster") != normalise_name("go-inno")
    assert "bmwi" in name_keys("Bundesministerium für Wirtschaft und Energie (BMWi)")


def test_expected_against_itself_is_perfect():
    report = evaluate([EXPECTED], [EXPECTED])
    assert report.micro.f1 == 1.0
    assert report.micro.expected == 5  # the reference fact is optional
    assert report.dates.accuracy == 1.0 and report.figures.matched == 1
    assert report.negative_hits == []


def test_seed_scored_against_itself_has_f1_one():
    if not SEED.is_file():
        pytest.skip("seed not available")
    seed = load_facts(SEED)
    report = evaluate([seed], [seed])
    assert (report.micro.f1, report.macro["f1"]) == (1.0, 1.0)
    assert report.micro.matched == 10
    assert report.figures.matched == 2 and report.negative_hits == []


@pytest.mark.parametrize("path", expected_files(TESTS / "devset") + expected_files(TESTS / "heldout"),
                         ids=lambda p: p.name)
def test_every_expected_file_scores_perfectly_against_itself(path):
    """Also proves no must_not_assert entry collides with an expected fact through aliases."""
    expected = load_facts(path)
    report = evaluate([expected], [expected])
    assert report.micro.f1 == 1.0
    assert report.negative_hits == []
    assert report.figures.matched == len(expected.figures)


def test_aliases_of_the_expected_document_match():
    predicted = doc([fact("Biosaxony e. V.", "member of programme", "Programm go-cluster", "2014-06"),
                     fact("go cluster", "run by", "BMWi")])
    result = score_document(EXPECTED, predicted)
    assert result.relations["member of programme"].matched == 1
    assert result.relations["run by"].matched == 1
    assert result.spurious == []


def test_aliases_of_the_predicted_document_match():
    predicted = doc([fact("Wirtschaftsministerium des Bundes", "run by", "go-cluster")],
                    entities=[Entity("Wirtschaftsministerium des Bundes", "Ministry", ["BMWi"])])
    predicted.facts = [fact("go-cluster", "run by", "Wirtschaftsministerium des Bundes")]
    result = score_document(EXPECTED, predicted)
    assert result.relations["run by"].matched == 1


def test_a_direct_name_beats_a_wrong_alias_of_the_prediction():
    """A predicted entity whose aliases lump two expected entities together matches only by its name."""
    predicted = doc([fact("André Hofmann", "managing director of", "Silicon Saxony")],
                    entities=[Entity("Silicon Saxony", "Cluster", ["biosaxony"])])
    result = score_document(EXPECTED, predicted)
    assert result.relations["managing director of"].matched == 0
    assert len(result.spurious) == 1


def test_unknown_names_are_spurious_and_missed_facts_listed():
    predicted = doc([fact("biosaxony", "located in", "Bayern")])
    result = score_document(EXPECTED, predicted)
    assert [f.object for f in result.spurious] == ["Bayern"]
    assert {f.relation for f in result.missed} == {"member of programme", "run by", "located in",
                                                   "managing director of", "partner of"}


def test_must_not_assert_hits_are_listed_and_spurious():
    predicted = doc([fact("biosaxony e.V.", "awarded label", "Qualitätslabel in Gold"),
                     fact("biosaxony", "member of programme", "go-cluster", "2014-06")])
    report = evaluate([predicted], [EXPECTED])
    [hit] = report.negative_hits
    assert (hit.document, hit.subject, hit.relation, hit.object) == (
        "doc", "biosaxony e.V.", "awarded label", "Qualitätslabel in Gold")
    assert hit.why == "only groundwork for a label"
    assert report.relations["awarded label"].predicted == 1
    assert report.relations["awarded label"].precision == 0.0
    assert report.to_dict()["must_not_assert_hits"][0]["why"] == "only groundwork for a label"


def test_partial_dates_match_the_fact_but_not_the_date():
    predicted = doc([fact("biosaxony", "member of programme", "go-cluster", "2014"),
                     fact("André Hofmann", "managing director of", "biosaxony", "2015-07-18")])
    report = evaluate([predicted], [EXPECTED])
    assert report.micro.matched == 2
    assert (report.dates.compared, report.dates.exact, report.dates.compatible) == (2, 0, 1)
    assert report.dates.accuracy == 0.0
    assert [p.date for _, p in report.documents[0].wrong_dates] == ["2014", "2015-07-18"]


def test_a_missing_date_counts_as_wrong_and_two_missing_dates_are_not_compared():
    predicted = doc([fact("biosaxony", "member of programme", "go-cluster", None),
                     fact("biosaxony", "located in", "Saxony")])
    report = evaluate([predicted], [EXPECTED])
    assert (report.dates.compared, report.dates.exact) == (1, 0)


def test_partner_of_is_symmetric_and_other_relations_are_not():
    predicted = doc([fact("Silicon Saxony", "partner of", "biosaxony", "2014"),
                     fact("Sachsen", "located in", "biosaxony")])
    result = score_document(EXPECTED, predicted)
    assert result.relations["partner of"].matched == 1
    assert result.relations["located in"].matched == 0


def test_each_expected_fact_is_matched_once_and_repeats_are_duplicates():
    predicted = doc([fact("biosaxony", "located in", "Sachsen"), fact("biosaxony e.V.", "located in", "Saxony")])
    result = score_document(EXPECTED, predicted)
    assert result.relations["located in"] == Score(matched=1, expected=1, predicted=1)
    assert len(result.duplicates) == 1 and result.spurious == []


def test_the_date_decides_which_of_two_expected_facts_a_prediction_takes():
    expected = doc([fact("A", "awarded label", "Gold", "2014"), fact("A", "awarded label", "Gold", "2019")])
    predicted = doc([fact("A", "awarded label", "Gold", "2019"), fact("A", "awarded label", "Gold", "2014")])
    report = evaluate([predicted], [expected])
    assert report.micro.matched == 2 and report.dates.exact == 2


def test_reference_facts_are_optional_both_ways():
    predicted = doc([fact("Sachsen", "part of", "Deutschland"), fact("Sachsen", "part of", "Europa", basis="reference")])
    result = score_document(EXPECTED, predicted)
    assert "part of" not in result.relations
    assert result.spurious == [] and result.score.predicted == 0


def test_precision_recall_f1_per_relation_micro_and_macro():
    expected = doc([fact("A", "located in", "X"), fact("B", "located in", "Y"), fact("A", "sector", "S")])
    predicted = doc([fact("A", "located in", "X"), fact("B", "located in", "Z"), fact("C", "located in", "X"),
                     fact("A", "sector", "S")])
    report = evaluate([predicted], [expected])
    located = report.relations["located in"]
    assert (located.matched, located.expected, located.predicted) == (1, 2, 3)
    assert located.precision == pytest.approx(1 / 3) and located.recall == pytest.approx(1 / 2)
    assert located.f1 == pytest.approx(0.4)
    assert report.relations["sector"].f1 == 1.0
    assert report.micro.precision == pytest.approx(2 / 4) and report.micro.recall == pytest.approx(2 / 3)
    assert report.macro["f1"] == pytest.approx((0.4 + 1.0) / 2)


def test_empty_expectations_and_empty_predictions_are_perfect():
    report = evaluate([doc()], [doc()])
    assert report.micro.f1 == 1.0 and report.macro["f1"] == 1.0 and report.dates.accuracy is None


def test_figures_match_on_subject_value_and_qualifier():
    right = doc(figures=[Figure("Programm go-cluster", "clusters", 500.0, qualifier="More than")])
    wrong = doc(figures=[Figure("go-cluster", "clusters", 500, qualifier="about"),
                         Figure("biosaxony", "clusters", 500, qualifier="more than")])
    assert evaluate([right], [EXPECTED]).figures.matched == 1
    score = evaluate([wrong], [EXPECTED]).figures
    assert (score.matched, score.expected, score.predicted) == (0, 1, 2)


def test_documents_pair_by_id_then_by_source_file():
    other = doc([fact("A", "sector", "S")], id="other")
    by_source = doc([fact("biosaxony", "located in", "Sachsen")], id="whatever", source="texts/doc.txt")
    report = evaluate([other, by_source], [EXPECTED])
    assert [d.document for d in report.documents] == ["doc", "other"]
    assert report.documents[0].relations["located in"].matched == 1
    assert report.documents[1].score == Score(matched=0, expected=0, predicted=1)
    assert evaluate([], [EXPECTED]).micro.recall == 0.0


def test_report_as_dict_and_table():
    predicted = doc([fact("biosaxony", "member of programme", "go-cluster", "2014"),
                     fact("biosaxony", "awarded label", "ECEI Gold Label")])
    report = evaluate([predicted], [EXPECTED])
    data = json.loads(json.dumps(report.to_dict()))
    assert data["micro"] == {"matched": 1, "expected": 5, "predicted": 2, "precision": 0.5, "recall": 0.2,
                             "f1": 0.2857}
    assert data["per_document"][0]["missed"][0]["relation"] == "run by"
    table = report.format_table(details=True)
    assert "member of programme" in table and "micro (all relations)" in table
    assert "must_not_assert hits: 1" in table
    assert "spurious: biosaxony --awarded label--> ECEI Gold Label" in table
    assert "date:     biosaxony --member of programme--> go-cluster [2014-06] -- predicted 2014" in table


def copy_pair(source_expected: Path, folder: Path) -> Path:
    target = folder / source_expected.name
    target.write_text(source_expected.read_text(encoding="utf-8"), encoding="utf-8")
    text = text_file_for(source_expected)
    (folder / text.name).write_text(text.read_text(encoding="utf-8"), encoding="utf-8")
    return target


def test_evaluate_dir_runs_the_extractor_on_each_text(tmp_path):
    pairs = expected_files(TESTS / "devset")[:3]
    for path in pairs:
        copy_pair(path, tmp_path)
    seen = []

    def perfect(text_path):
        seen.append(Path(text_path).name)
        return load_facts(tmp_path / (Path(text_path).stem + ".expected.json"))

    report = evaluate_dir(tmp_path, perfect)
    assert sorted(seen) == sorted(text_file_for(p).name for p in pairs)
    assert report.micro.f1 == 1.0 and len(report.documents) == 3


def test_evaluate_dir_records_failed_extractions(tmp_path):
    copy_pair(expected_files(TESTS / "devset")[0], tmp_path)

    def failing(text_path):
        raise InputError("cannot decode", source=str(text_path))

    report = evaluate_dir(tmp_path, failing)
    assert report.micro.recall == 0.0
    assert "cannot decode" in report.documents[0].error
    assert "extraction failed" in report.format_table(details=True)


def test_evaluate_dir_needs_expected_files(tmp_path):
    with pytest.raises(InputError, match="no \\*.expected.json files"):
        evaluate_dir(tmp_path, lambda path: doc())
