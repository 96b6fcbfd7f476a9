"""The extractor's speed-ups change how fast, never what: each shortcut against the plain version.

Every shortcut (a cheap pre-check before a regex, one pass over the text instead of one per line,
a cache) is compared here with what it replaced, on the sentences of the development documents
and on random strings built from the characters that make such shortcuts go wrong (Unicode white
space, soft hyphens, ligatures, the long s, the Kelvin sign).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from clustergraph.extract import default_gazetteer, extract_text
from clustergraph.extract import dates, gazetteer, mentions, normalize, pipeline, resolve
from clustergraph.extract.reader import read_file
from clustergraph.extract.sentences import split_sentences
from clustergraph.vocab import ENTITY_TYPES, mint

TESTS = Path(__file__).resolve().parent
DOCUMENTS = sorted(p for folder in ("devset", "external") for p in (TESTS / folder).glob("*.txt"))
PIECES = [
    "a", "Z", "ä", "Ü", "ß", "é", " ", "  ", "\t", "\n", "\n\n", "\f", "\x0b", "\u00a0", "\u2028", "\u3000",
    "\u00ad", "\u200b", "\ufeff", "ﬁ", "ﬂ", "ﬆ", "ſ", "\u212a", "İ", "ı", "-", ".", ",", "(", "/", "0", "7", "18.",
    "2014", "1999", "2021-03-04", "Juni", "Mär", "Maerz", "Dezember", "Dez.", "March", "heute", "HEUTE",
    "Yeſterday", "gestern", "Monat", "WEEK", "im", "seit", "Life Sciences", "biotech", "Medizintechnik",
    "medtech", "photonik", "Wasserstoff", "automotive", "e.V.", "GmbH", "Cluster", "go-cluster", "Sachsens",
]


def random_strings(count: int, seed: int = 4) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30))) for _ in range(count)]


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    found = []
    for path in DOCUMENTS:
        found += [s.text for s in split_sentences(normalize.normalize(read_file(path)[0]).text)]
    assert len(found) > 200
    return found


@pytest.fixture(scope="module")
def texts(sentences) -> list[str]:
    return sentences + random_strings(600)


def test_relative_date_hint_answers_as_the_regex(texts):
    for text in texts + ["Am Dienstag", "YESTERDAY", "yeſterday", "\u212aein Tag", "Im Juni"]:
        assert dates._relative_hint(text) == bool(dates._RELATIVE_HINT.search(text)), text


def test_month_hint_is_found_whenever_a_month_pattern_matches(texts):
    gated = [pattern for _, pattern in dates._PATTERNS if dates._needs_month(pattern)]
    assert len(gated) >= 4
    hits = 0
    for text in texts:
        if any(pattern.search(text) for pattern in gated):
            hits += 1
            assert dates._MONTH_HINT.search(text), text
    assert hits > 20


def test_dates_are_still_found_where_the_hints_apply():
    found = dates.find_dates("Seit Juni 2014 und am 18. Dez. 2015, heute", reference="2016-03-01")
    assert [(d.text, d.iso) for d in found] == [("Juni 2014", "2014-06"), ("18. Dez. 2015", "2015-12-18"),
                                                ("heute", "2016-03-01")]


def test_sector_lookahead_keeps_every_match(texts):
    plain = re.compile(r"(?<![a-zäöüß])(?:" + mentions.SECTOR_ALTERNATIVES + ")")
    assert mentions.SECTOR_PATTERN.pattern != plain.pattern  # the look-ahead is there
    matches = 0
    for text in texts:
        lowered = text.lower()
        expected = [(m.span(), m.lastgroup) for m in plain.finditer(lowered)]
        assert [(m.span(), m.lastgroup) for m in mentions.SECTOR_PATTERN.finditer(lowered)] == expected, text
        matches += len(expected)
    assert matches > 20


@pytest.mark.parametrize("pattern, expected", [
    ("abc|d(?:e|f)", "ad"), ("[x-z]+q", "xyz"), ("(?P<g>k)?m", None), ("(?i:a)", None), (r"\bword", None),
    ("", None), ("(?:a|)b", None),
])
def test_first_characters(pattern, expected):
    assert mentions.first_characters(pattern) == expected


def test_clean_lines_is_clean_line_on_every_line(texts):
    raws = [read_file(path)[0] for path in DOCUMENTS] + texts + ["\n".join(random_strings(50, seed=9))]
    for raw in raws:
        assert normalize.clean_lines(raw) == [normalize.clean_line(line) for line in raw.split("\n")], raw


def test_name_key_cache_and_prefixes():
    for name in ["Baden-Württemberg's", "biosaxony e.V.", "Go Cluster", "", "ſ\u212a GmbH"] + random_strings(200):
        assert gazetteer.name_key(name) == gazetteer.name_key.__wrapped__(name)
    found: set[str] = set()
    gazetteer.add_prefixes(found, "alpha beta gamma")
    assert found == {"alpha", "alpha beta", "alpha beta gamma"}


def test_registry_prefixes_hold_every_prefix_of_every_key():
    registry = resolve.Registry(default_gazetteer())
    for name in ["Alpha Beta Netzwerk e.V.", "Alpha Beta", "Gamma", "Alpha Beta Netzwerk Sachsen"]:
        registry.get(name, "Cluster", use_gazetteer=False)
    expected: set[str] = set()
    for key in registry.lexicon:
        words = key.split(" ")
        expected |= {" ".join(words[:i]) for i in range(1, len(words) + 1)}
    assert registry.prefixes == expected
    assert registry.max_tokens == max(key.count(" ") + 1 for key in registry.lexicon)


def test_minted_iri_follows_type_and_name_changes():
    registry = resolve.Registry(default_gazetteer())
    ref = registry.get("Zeta Verbund", "Organisation", use_gazetteer=False)
    assert ref.iri == str(mint(ENTITY_TYPES["Organisation"][1], "Zeta Verbund"))
    registry.get("Zeta Verbund", "Cluster", use_gazetteer=False)  # upgraded to a cluster
    assert ref.type == "Cluster"
    assert ref.iri == str(mint(ENTITY_TYPES["Cluster"][1], "Zeta Verbund"))


def test_paragraph_index_counts_breaks_before_a_position():
    breaks = [10, 20, 30]
    for position in range(0, 40):
        assert pipeline._paragraph_index(position, breaks) == sum(1 for b in breaks if b < position)


def _facts(result) -> tuple[list, list, list]:
    document = result.document
    return ([(f.subject, f.relation, f.object, f.date, f.start, f.end, f.confidence) for f in document.facts],
            [(e.name, e.type, tuple(e.aliases), e.iri) for e in document.entities],
            [(f.subject, f.value, f.unit, f.start) for f in document.figures])


def test_extraction_does_not_depend_on_warm_caches():
    text = read_file(DOCUMENTS[0])[0]
    warm = _facts(extract_text(text, gazetteer=default_gazetteer()))
    for cached in (gazetteer.fold, gazetteer.name_key, resolve._minted_iri):
        cached.cache_clear()
    cold = _facts(extract_text(text, gazetteer=default_gazetteer()))
    assert cold == warm
    assert warm[0], "the document should yield facts"
