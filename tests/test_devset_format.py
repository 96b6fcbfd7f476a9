"""The development and held-out sets are well formed and agree with their texts.

Every ``*.expected.json`` loads, describes a text next to it, states each fact's evidence as it
appears in the text (after the un-wrapping a reader does), names only entities it declares, and
uses each relation with entity types the relation allows. ``docs/devset.md`` describes every file.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from clustergraph.factsfile import expected_files, load_facts, text_file_for
from clustergraph.relations import BY_NAME

TESTS = Path(__file__).parent
ROOT = TESTS.parent
SETS = {"devset": TESTS / "devset", "heldout": TESTS / "heldout", "external": TESTS / "external",
        "blind": TESTS / "blind"}
MINIMUM = {"devset": 84, "heldout": 10, "external": 14, "blind": 16}
SEED_CANDIDATES = [Path("/work/shared/seeds/biosaxony-go-cluster-2014.txt"),  # CI: a clone with shared/ beside it
                   Path(__file__).resolve().parents[2] / "shared" / "seeds" / "biosaxony-go-cluster-2014.txt"]
SEED = next((p for p in SEED_CANDIDATES if p.is_file()), SEED_CANDIDATES[0])

CASES = [pytest.param(path, id=f"{name}/{path.name}") for name, folder in SETS.items() for path in expected_files(folder)]


class _TextOfHtml(HTMLParser):
    BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "br",
              "header", "footer", "nav", "section", "article", "main", "table", "title", "dt", "dd"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self._skip += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self._skip -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def reader_text(path: Path) -> str:
    """The text a reader sees: HTML without tags, Markdown without link and emphasis syntax."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix in {".html", ".htm"}:
        parser = _TextOfHtml()
        parser.feed(raw)
        return html.unescape("".join(parser.parts))
    if path.suffix == ".md":
        raw = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", raw)
        raw = re.sub(r"(\*|__|`)", "", raw)
        raw = re.sub(r"(?m)^\s*\|?[-:| ]+\|?\s*$", "", raw).replace("|", " ")  # tables
        raw = re.sub(r"(?m)^\s{0,3}(#{1,6}|>|[-*+])\s+", "", raw)
    return raw


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def readings(text: str) -> list[str]:
    """The text with whitespace collapsed: as is, with line-end hyphens joined, and with them kept."""
    joined = re.sub(r"(\w)-[ \t]*\n\s*(?=[a-zäöüß])", r"\1", text)
    kept = re.sub(r"(\w-)[ \t]*\n\s*", r"\1", text)
    return [collapse(text), collapse(joined), collapse(kept)]


def evidence_found(evidence: str, text: str) -> bool:
    wanted = collapse(evidence)
    return any(wanted in reading for reading in readings(text))


def test_the_sets_are_big_enough_and_mixed():
    for name, folder in SETS.items():
        docs = [load_facts(p) for p in expected_files(folder)]
        assert len(docs) >= MINIMUM[name], f"{name} has {len(docs)} documents"
        languages = [d.announcement.language for d in docs]
        assert set(languages) == {"de", "en"}
        assert abs(languages.count("de") - languages.count("en")) <= len(docs) // 3
    every = [load_facts(p) for folder in SETS.values() for p in expected_files(folder)]
    assert sum(1 for d in every if not d.facts) >= 3, "want a few documents without facts"
    assert sum(1 for d in every if d.must_not_assert) >= len(every) // 2
    suffixes = {text_file_for(p).suffix for folder in SETS.values() for p in expected_files(folder)}
    assert {".txt", ".md", ".html"} <= suffixes


def test_announcement_ids_are_unique_across_sets():
    ids = [load_facts(p).announcement.id for folder in SETS.values() for p in expected_files(folder)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("path", CASES)
def test_expected_file_agrees_with_its_text(path: Path):
    doc = load_facts(path)
    text_path = text_file_for(path)
    assert doc.announcement.source == text_path.name
    assert doc.announcement.language in {"de", "en"}
    text = reader_text(text_path)
    names = [e.name for e in doc.entities]
    assert len(names) == len(set(names)), "entity names repeat"
    seen = set()
    for i, fact in enumerate(doc.facts):
        where = f"facts[{i}] {fact.subject} --{fact.relation}--> {fact.object}"
        assert (fact.subject, fact.relation, fact.object) not in seen, f"{where}: repeated"
        seen.add((fact.subject, fact.relation, fact.object))
        subject, obj = doc.entity(fact.subject), doc.entity(fact.object)
        assert subject is not None and obj is not None, f"{where}: names an entity the document does not declare"
        relation = BY_NAME[fact.relation]
        assert subject.type in relation.subject_types, f"{where}: subject is a {subject.type}"
        assert obj.type in relation.object_types, f"{where}: object is a {obj.type}"
        if fact.basis == "text":
            assert fact.evidence.strip(), f"{where}: no evidence"
            assert evidence_found(fact.evidence, text), f"{where}: evidence not in the text: {fact.evidence!r}"
    for i, figure in enumerate(doc.figures):
        assert doc.entity(figure.subject) is not None, f"figures[{i}]: unknown subject {figure.subject!r}"
        assert evidence_found(figure.evidence, text), f"figures[{i}]: evidence not in the text: {figure.evidence!r}"
    for i, negative in enumerate(doc.must_not_assert):
        where = f"must_not_assert[{i}] {negative.subject} --{negative.relation}--> {negative.object}"
        assert doc.entity(negative.subject) and doc.entity(negative.object), f"{where}: unknown entity"
        assert negative.why.strip(), f"{where}: say why"
        assert (negative.subject, negative.relation, negative.object) not in seen, f"{where}: also expected"


@pytest.mark.parametrize("path", CASES)
def test_text_is_written_afresh(path: Path):
    """No sentence of the seed announcement is reused."""
    if not SEED.is_file():
        pytest.skip("seed not available")
    seed = collapse(SEED.read_text(encoding="utf-8"))
    text = collapse(reader_text(text_file_for(path)))
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", seed) if len(s) > 40]
    assert not [s for s in sentences if s in text]


DESCRIPTIONS = {"devset": ROOT / "docs" / "devset.md", "heldout": TESTS / "heldout" / "README.md",
                "external": TESTS / "external" / "README.md", "blind": TESTS / "blind" / "README.md"}


@pytest.mark.parametrize("name", SETS)
def test_every_document_is_described(name):
    """docs/devset.md describes the devset; the held-out intents stay in tests/heldout/README.md."""
    described = DESCRIPTIONS[name].read_text(encoding="utf-8")
    files = [text_file_for(p).name for p in expected_files(SETS[name])]
    assert not [f for f in files if f not in described], f"{DESCRIPTIONS[name]} misses some files"
    if name == "devset":
        heldout = [text_file_for(p).name for p in expected_files(SETS["heldout"])]
        assert not [f for f in heldout if f in described], "docs/devset.md must not describe held-out files"


@pytest.mark.parametrize(("evidence", "text"), [
    ("Qualität des Clustermanagements", "Qualität des Cluster-\n\nmanagements"),
    ("im Innovationscluster", "im Innovations-\n\ncluster"),
    ("des Life-Sciences-Clusters", "des Life-\n  Sciences-Clusters"),
    ("zwei  Leerzeichen", "zwei\nLeerzeichen"),
])
def test_evidence_lookup_unwraps_like_a_reader(evidence, text):
    assert evidence_found(evidence, text)


def test_evidence_lookup_rejects_other_words():
    assert not evidence_found("Gold-Label erhalten", "strebt das Gold-Label an")
