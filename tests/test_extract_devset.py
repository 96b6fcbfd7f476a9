"""The development set: no forbidden fact, and an F1 floor below the measured score.

Measured (``python -c 'from clustergraph.evaluation import evaluate_dir; ...'``): see the report in
the pull request; the floor sits a little below so that small changes do not break the build, while
a regression does.
"""

from pathlib import Path

import pytest

from clustergraph.evaluation import evaluate_dir
from clustergraph.extract import extract_file

DEVSET = Path(__file__).parent / "devset"
F1_FLOOR = 0.78  # was 0.85 on 24 documents; 18 harder ones added (measured 0.80-0.81): raise as the extractor catches up
PRECISION_FLOOR = 0.95

pytestmark = pytest.mark.skipif(not any(DEVSET.glob("*.expected.json")), reason="no development set")


@pytest.fixture(scope="module")
def report():
    return evaluate_dir(DEVSET, lambda path: extract_file(path).document)


def test_no_must_not_assert_hit(report):
    hits = [f"[{h.document}] {h.subject} {h.relation} {h.object}" for h in report.negative_hits]
    assert hits == []


def test_f1_floor(report):
    assert report.micro.f1 >= F1_FLOOR, report.format_table()


def test_precision_floor(report):
    assert report.micro.precision >= PRECISION_FLOOR, report.format_table()


def test_no_extraction_failed(report):
    assert [d.document for d in report.documents if d.error] == []
