"""Pathological inputs a hostile or broken document can hold: the extractor must finish on each and return a document.

Each input runs through :func:`extract_text` in a subprocess; ``timeout=120`` is a hang guard (a regex that
backtracks exponentially or quadratically would take minutes or hours), not a timing assertion.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from clustergraph.extract import extract_text
from clustergraph.extract.pipeline import MAX_SENTENCE_LENGTH

_PROFILE = ("Das Netzwerk Klangnetz Vogtland e.V. bündelt die Musikinstrumentenbauer im Vogtland.\n\n"
            "STECKBRIEF\n\nKlangnetz Vogtland e.V.\nGegründet: 2016\nSitz: {place}\nBranche: Musikinstrumentenbau\n"
            "Geschäftsführung: Dr. Maren Vogt\n")

_SHORT = MAX_SENTENCE_LENGTH - 100  # under the long-sentence guard: the patterns do run over these

PATHOLOGICAL = {
    # a 91-character hyphen chain in a key-value row (exponential before: two minutes)
    "hyphen chain in a Sitz row": _PROFILE.format(place="-".join(["Aa"] * 30) + "-a"),
    "long hyphen chain in a Sitz row": _PROFILE.format(place="-".join(["Aa"] * 3000) + "-a"),
    "Dr. x 5000": "Dr. " * 5000,
    "Dr. x 450 before a name": "Dr. " * 450 + "Maren Vogt ist Geschäftsführerin des Clusters.",
    "20k letter run": "a" * 20_000,
    "20k capital run": "A" * 20_000,
    "20k digit run": "1" * 20_000,
    "20k-character sentence": "Der Cluster Nord und " * 1000 + "ist Mitglied.",
    "deeply nested brackets": "(" * 5000 + "Cluster Nord" + ")" * 5000,
    "sentences of letters under the guard": ". ".join(["a" * _SHORT] * 10),
    "sentences of capitals under the guard": ". ".join(["A" * _SHORT] * 10),
    "sentences of digits under the guard": ". ".join(["1" * _SHORT] * 10),
    "hyphen chains under the guard": ". ".join(["-".join(["Ab"] * (_SHORT // 3))] * 10),
    "nested brackets under the guard": "(" * (_SHORT // 2) + "Cluster Nord" + ")" * (_SHORT // 2),
}

_RUN = """
import json, sys
from clustergraph.extract import extract_text
result = extract_text(sys.stdin.read(), source="hostile.txt")
print(json.dumps({"facts": len(result.document.facts), "source": result.document.announcement.source,
                  "report": [[f.severity, f.message] for f in result.report]}))
"""


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_input_finishes_with_a_document(name):
    done = subprocess.run([sys.executable, "-c", _RUN], input=PATHOLOGICAL[name], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert result["source"] == "hostile.txt"


def test_long_sentence_is_skipped_with_a_warning():
    long_sentence = "Der Cluster Nord und " * 200 + "ist Mitglied."
    text = ("Berlin, 3. März 2024. Der Cluster BioNord ist Mitglied im Programm go-cluster.\n\n" + long_sentence + "\n")
    result = extract_text(text, source="long.txt")
    skipped = [f for f in result.report if f.severity == "warning" and "not searched" in f.message]
    assert len(skipped) == 1
    start = text.index(long_sentence)
    assert skipped[0].location.startswith(f"long.txt:{start}-")
    facts = result.document.facts
    assert [(f.subject, f.relation, f.object) for f in facts] == [("BioNord", "member of programme", "go-cluster")]
    assert all(f.end <= start for f in facts)  # the sentences around it are still read


def test_short_sentences_are_searched():
    text = "Berlin, 3. März 2024. Der Cluster BioNord ist Mitglied im Programm go-cluster.\n"
    result = extract_text(text, source="short.txt")
    assert not any("not searched" in f.message for f in result.report)
    assert result.document.facts


def test_only_too_long_sentences_give_a_warning_not_an_error():
    report = extract_text("a" * 20_000, source="run.txt").report
    assert [f.severity for f in report] == ["warning", "warning"]
    assert "20000 characters" in report[0].message
