"""What the extractor finds in a text, in the shapes the tests of ``clustergraph.extract`` compare.

One place for the call every ``tests/test_extract_*.py`` makes (extract a text, keep the facts of
interest); each test file picks the tuple it asserts on::

    from extract_helpers import extracted_facts, fact_triples
"""

from __future__ import annotations

from clustergraph.extract import extract_text
from clustergraph.model import Fact


def extracted_facts(text: str, *, source: str | None = None, media_type: str = "text/plain",
                    relation: str | None = None, basis: str | None = None,
                    not_basis: str | None = None) -> list[Fact]:
    """The facts extracted from ``text``, optionally only one ``relation``, only one ``basis`` or not one."""
    facts = extract_text(text, source=source, media_type=media_type).document.facts
    return [f for f in facts if (relation is None or f.relation == relation)
            and (basis is None or f.basis == basis) and (not_basis is None or f.basis != not_basis)]


def fact_triples(text: str, **options) -> set[tuple[str, str, str]]:
    """``(subject, relation, object)`` of every fact :func:`extracted_facts` keeps."""
    return {(f.subject, f.relation, f.object) for f in extracted_facts(text, **options)}
