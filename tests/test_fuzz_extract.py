"""Property-based fuzzing (hypothesis) of the text normaliser, the decoder, the file reader and the
extractor.

Documented behaviour held here:

- :func:`~clustergraph.extract.normalize.normalize` turns any text into one paragraph per block,
  paragraphs separated by exactly one blank line, runs of white space inside a line collapsed,
  invisible characters gone; it never raises;
- :func:`~clustergraph.extract.reader.decode_bytes` and :func:`~clustergraph.extract.reader.read_file`
  raise nothing but :class:`~clustergraph.errors.InputError` on any bytes (broken PDFs included);
- :func:`~clustergraph.extract.extract_text` reports problems instead of raising; every fact's and
  figure's offsets point at its evidence (``text[start:end] == evidence``); what it extracts can be
  mapped to RDF and written to and read back from the facts JSON.

Texts are built from the development set's own lines, cut, re-wrapped, hyphenated and mixed with
arbitrary unicode, so that the extractor finds facts (and offsets to check) in most of them.
Examples per test: ``CLUSTERGRAPH_FUZZ_EXAMPLES`` (default 100); runs are reproducible unless
``CLUSTERGRAPH_FUZZ_RANDOM=1``.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from clustergraph.errors import InputError
from clustergraph.extract import default_gazetteer, extract_text
from clustergraph.extract.normalize import clean_line, normalize
from clustergraph.extract.reader import decode_bytes, read_file
from clustergraph.factsfile import dump_facts, load_facts
from clustergraph.rdfmap import document_graph
from clustergraph.relations import BY_NAME

from fuzzing import FUZZ  # tests/fuzzing.py: the shared hypothesis profile

DEVSET = Path(__file__).parent / "devset"
LINES = sorted({line.strip() for path in DEVSET.glob("*.txt")
                for line in path.read_text(encoding="utf-8").splitlines() if line.strip()})
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
MEDIA_TYPES = ("text/plain", "text/markdown", "text/html")
GAZETTEER = default_gazetteer()


@st.composite
def wrapped(draw, line: str) -> str:
    """A line hard-wrapped at a random width, sometimes hyphenated, sometimes with blank lines between."""
    width = draw(st.integers(min_value=15, max_value=120))
    if len(line) <= width:
        return line
    parts, rest = [], line
    while len(rest) > width:
        cut = rest.rfind(" ", 0, width)
        if cut <= 0 or draw(st.booleans()) and rest[width - 1].isalpha() and rest[width].isalpha():
            parts.append(rest[:width] + "-")  # hyphenated mid-word
            rest = rest[width:]
        else:
            parts.append(rest[:cut])
            rest = rest[cut + 1:]
    parts.append(rest)
    return draw(st.sampled_from(["\n", "\n\n", " \n", "\r\n"])).join(parts)


noise = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
fragment = st.one_of(
    st.sampled_from(LINES),
    st.sampled_from(LINES).flatmap(wrapped),
    st.sampled_from(LINES).map(str.upper),
    st.tuples(st.sampled_from(LINES), st.integers(0, 200)).map(lambda t: t[0][: t[1]]),  # cut anywhere
    noise,
    st.sampled_from(list(INVISIBLE) + ["\f", "Seite 2 von 3", "- 2 -", "•", "1.", "# ", "**", "<p>", "</p>",
                                       "<script>x()</script>", "&amp;", "\t", "   ", "ﬁ"]),
)
separators = st.sampled_from(["\n", "\n\n", " ", "", "\n\n\n", "\r\n", "-\n", "\f", "\t"])


@st.composite
def announcements(draw) -> str:
    pieces = draw(st.lists(st.tuples(fragment, separators), min_size=1, max_size=14))
    return "".join(text + sep for text, sep in pieces)


DOCUMENTS = [path.read_text(encoding="utf-8") for path in sorted(DEVSET.glob("*.txt"))]
edits = st.tuples(st.integers(0, 10_000), st.integers(0, 12),
                  st.one_of(noise, st.sampled_from(["\n", "\n\n", "-\n", "\f", "\u00ad", " ", "\r\n", "\u2028"])))


@st.composite
def edited_documents(draw) -> str:
    """A whole announcement of the development set with a few random edits (insertions, cuts)."""
    text = draw(st.sampled_from(DOCUMENTS))
    for position, length, insert in draw(st.lists(edits, max_size=5)):
        position %= len(text) + 1
        text = text[:position] + insert + text[position + (length if draw(st.booleans()) else 0):]
    return text


any_text = st.one_of(edited_documents(), announcements(), st.text(max_size=400))


# --- the normaliser -----------------------------------------------------------------------------

@FUZZ
@given(any_text, st.sampled_from(MEDIA_TYPES))
def test_normalised_text_has_the_documented_shape(raw, media_type):
    text = normalize(raw, media_type).text
    assert "\n\n\n" not in text and "\r" not in text and "\f" not in text and "\t" not in text
    assert not any(ch in text for ch in INVISIBLE)
    for line in text.split("\n"):
        assert line == line.strip(), repr(line)
        assert "  " not in line, repr(line)
    assert not text.startswith("\n") and not text.endswith("\n")


@FUZZ
@given(st.text(max_size=200))
def test_clean_line_is_idempotent(line):
    once = clean_line(line)
    assert clean_line(once) == once and "\n" not in once.strip("\n") or "\n" in line


# --- bytes in ----------------------------------------------------------------------------------

@FUZZ
@given(st.one_of(st.binary(max_size=300), announcements().map(lambda t: t.encode("utf-8")),
                 announcements().map(lambda t: t.encode("cp1252", errors="ignore")),
                 st.tuples(announcements(), st.integers(0, 400)).map(lambda t: t[0].encode("utf-8")[: t[1]])))
def test_decoding_any_bytes_gives_text_or_input_error(data):
    try:
        text = decode_bytes(data, source="fuzz.txt")
    except InputError as exc:
        assert "fuzz.txt" in str(exc)
        return
    assert isinstance(text, str) and text


def _pdf_mutations() -> st.SearchStrategy[bytes]:
    from test_hardening_ingest import ANNOUNCEMENT, text_pdf

    pdf = text_pdf([ANNOUNCEMENT[:80], ANNOUNCEMENT[80:]])

    def mutate(edits: list[tuple[int, int, bytes]]) -> bytes:
        data = bytearray(pdf)
        for position, length, replacement in edits:
            position %= len(data)
            data[position: position + length] = replacement
        return bytes(data)

    edit = st.tuples(st.integers(0, len(pdf)), st.integers(0, 8), st.binary(max_size=8))
    return st.one_of(st.lists(edit, min_size=1, max_size=4).map(mutate),
                     st.integers(0, len(pdf)).map(lambda n: pdf[:n]),
                     st.binary(max_size=200).map(lambda b: b"%PDF-1.4\n" + b))


@FUZZ
@given(st.sampled_from([".txt", ".md", ".html", ".pdf"]), st.one_of(st.binary(max_size=300), _pdf_mutations()))
def test_reading_any_file_gives_text_or_input_error(tmp_path_factory, suffix, data):
    path = tmp_path_factory.mktemp("fuzz") / f"announcement{suffix}"
    path.write_bytes(data)
    try:
        text, media_type = read_file(path, max_bytes=100_000)
    except InputError as exc:
        assert path.name in str(exc)
        return
    assert text.strip() and media_type


# --- the extractor -----------------------------------------------------------------------------

@FUZZ
@given(any_text, st.sampled_from(MEDIA_TYPES))
def test_extraction_reports_instead_of_raising_and_offsets_point_at_the_evidence(raw, media_type):
    result = extract_text(raw, source="fuzz.txt", gazetteer=GAZETTEER, media_type=media_type)
    doc = result.document
    text = doc.announcement.text or ""
    assert all(finding.severity in ("error", "warning", "info") for finding in result.report)
    for item in [*doc.facts, *doc.figures]:
        if item.start is None and item.end is None:
            continue
        assert item.start is not None and item.end is not None
        assert 0 <= item.start <= item.end <= len(text), (item.start, item.end, len(text))
        assert text[item.start:item.end] == item.evidence, (item, text)
    names = {e.name for e in doc.entities} | {a for e in doc.entities for a in e.aliases}
    for fact in doc.facts:
        assert fact.relation in BY_NAME
        assert {fact.subject, fact.object} <= names, fact
        assert 0 <= fact.confidence <= 1
    document_graph(doc)  # what was extracted can be stored
    assert load_facts(dump_facts(doc, include_text=True)) == doc  # and written as facts JSON
