"""Scoring extracted facts against the facts a careful reader takes (the development set).

A predicted fact matches an expected one when the relation is equal and subject and object refer
to the same entity: names are compared after :func:`normalise_name` and through the alias lists of
the entities of both documents; ``partner of`` matches in either direction. Each expected fact is
matched at most once; a second prediction of an already matched fact is a *duplicate* and counts
neither way. Facts whose basis is ``reference`` (known from reference data, not stated in the
text) are optional: nobody is punished for predicting or missing them.

Dates are scored apart, among matched facts that have a date on either side: *exact* when the
strings are equal, *compatible* when one is a prefix of the other (``2014`` and ``2014-06``).

Precision is 1.0 when nothing was predicted and recall is 1.0 when nothing was expected, so a
document without facts and without predictions scores F1 = 1.0.

>>> normalise_name("biosaxony e.V.") == normalise_name("Biosaxony")
True
>>> normalise_name("Thüringen") == normalise_name("Thueringen")
True
>>> normalise_name("Go Cluster") == normalise_name("go-cluster")
True
"""

from __future__ import annotations

import logging
import math
import os
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Callable, Sequence

from clustergraph.errors import ClusterGraphError, InputError
from clustergraph.factsfile import expected_files, load_facts, text_file_for
from clustergraph.model import Announcement, Fact, FactsDocument, NegativeFact
from clustergraph.vocab import slugify

log = logging.getLogger(__name__)

SYMMETRIC_RELATIONS = frozenset({"partner of"})

_TRANSLITERATE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ł": "l", "ø": "o", "æ": "ae",
                                "œ": "oe", "đ": "d", "ı": "i"})
_LEGAL_FORM = re.compile(
    r"(?:[\s,&]+(?:e\.?\s?v\.?|g?gmbh|mbh|ltd\.?|limited|ag|kg|ug|se|inc\.?|llc|plc|gbr|co\.?|"
    r"haftungsbeschraenkt|\(haftungsbeschraenkt\)))+$"
)
_ARTICLE = re.compile(r"^(?:the|der|die|das|des|dem|den)\s+")
_BRACKETED = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*$")


def normalise_name(name: str) -> str:
    """Compare key of a name: casefolded, umlauts and accents transliterated, trailing legal forms
    (e.V., GmbH, gGmbH, Ltd, ...) and a leading article dropped, hyphens/spaces/punctuation removed.

    >>> normalise_name("The Mobility Cluster Rhein-Main GmbH")
    'mobilityclusterrheinmain'
    """
    text = name.casefold().translate(_TRANSLITERATE)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).strip()
    text = _LEGAL_FORM.sub("", text)
    text = _ARTICLE.sub("", text)
    return re.sub(r"[\W_]+", "", text)


def name_keys(name: str) -> frozenset[str]:
    """Compare keys of a name; ``"X (ABC)"`` yields the keys of ``X (ABC)``, ``X`` and ``ABC``.

    >>> sorted(name_keys("Bundesministerium für Bildung und Forschung (BMBF)"))
    ['bmbf', 'bundesministeriumfuerbildungundforschung', 'bundesministeriumfuerbildungundforschungbmbf']
    """
    keys = {normalise_name(name)}
    bracketed = _BRACKETED.match(name)
    if bracketed:
        keys |= {normalise_name(bracketed.group(1)), normalise_name(bracketed.group(2))}
    return frozenset(k for k in keys if k)


# --------------------------------------------------------------------------- scores


@dataclass
class Score:
    """Counts of one relation (or of all): matched / expected / predicted and the ratios."""

    matched: int = 0
    expected: int = 0
    predicted: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.matched += other.matched
        self.expected += other.expected
        self.predicted += other.predicted

    def to_dict(self) -> dict:
        return {"matched": self.matched, "expected": self.expected, "predicted": self.predicted,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class DateScore:
    """Dates of matched facts that carry a date on either side."""

    compared: int = 0
    exact: int = 0
    compatible: int = 0  # exact, or one date a coarser prefix of the other

    @property
    def accuracy(self) -> float | None:
        return self.exact / self.compared if self.compared else None

    def to_dict(self) -> dict:
        accuracy = self.accuracy
        return {"compared": self.compared, "exact": self.exact, "compatible": self.compatible,
                "accuracy": None if accuracy is None else round(accuracy, 4)}


@dataclass
class NegativeHit:
    """A predicted fact that a ``must_not_assert`` entry forbids."""

    document: str
    subject: str
    relation: str
    object: str
    why: str
    evidence: str = ""


@dataclass
class DocumentResult:
    """What happened in one announcement: for debugging an extractor."""

    document: str
    matched: list[tuple[Fact, Fact]] = field(default_factory=list)  # (expected, predicted)
    missed: list[Fact] = field(default_factory=list)
    spurious: list[Fact] = field(default_factory=list)
    duplicates: list[Fact] = field(default_factory=list)
    wrong_dates: list[tuple[Fact, Fact]] = field(default_factory=list)
    negative_hits: list[NegativeHit] = field(default_factory=list)
    relations: dict[str, Score] = field(default_factory=dict)
    figures: Score = field(default_factory=Score)
    dates: DateScore = field(default_factory=DateScore)
    error: str | None = None  # extraction failed; scored as an empty prediction

    @property
    def score(self) -> Score:
        total = Score()
        for score in self.relations.values():
            total.add(score)
        return total

    def to_dict(self) -> dict:
        def fact(f: Fact) -> dict:
            return {"subject": f.subject, "relation": f.relation, "object": f.object,
                    "date": f.date, "evidence": f.evidence}

        return {
            "document": self.document,
            "error": self.error,
            "score": self.score.to_dict(),
            "matched": [{"expected": fact(e), "predicted": fact(p)} for e, p in self.matched],
            "missed": [fact(f) for f in self.missed],
            "spurious": [fact(f) for f in self.spurious],
            "duplicates": [fact(f) for f in self.duplicates],
            "wrong_dates": [{"expected": fact(e), "predicted": fact(p)} for e, p in self.wrong_dates],
            "must_not_assert_hits": [asdict(h) for h in self.negative_hits],
            "figures": self.figures.to_dict(),
            "dates": self.dates.to_dict(),
        }


@dataclass
class EvaluationReport:
    """Scores per relation and overall, dates, figures, must_not_assert hits, per document."""

    documents: list[DocumentResult] = field(default_factory=list)

    @property
    def relations(self) -> dict[str, Score]:
        totals: dict[str, Score] = {}
        for doc in self.documents:
            for name, score in doc.relations.items():
                totals.setdefault(name, Score()).add(score)
        return dict(sorted(totals.items()))

    @property
    def micro(self) -> Score:
        total = Score()
        for doc in self.documents:
            total.add(doc.score)
        return total

    @property
    def macro(self) -> dict[str, float]:
        """Unweighted means over the relations that were expected or predicted."""
        scores = [s for s in self.relations.values() if s.expected or s.predicted]
        if not scores:
            return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
        return {name: sum(getattr(s, name) for s in scores) / len(scores) for name in ("precision", "recall", "f1")}

    @property
    def dates(self) -> DateScore:
        total = DateScore()
        for doc in self.documents:
            total.compared += doc.dates.compared
            total.exact += doc.dates.exact
            total.compatible += doc.dates.compatible
        return total

    @property
    def figures(self) -> Score:
        total = Score()
        for doc in self.documents:
            total.add(doc.figures)
        return total

    @property
    def negative_hits(self) -> list[NegativeHit]:
        return [hit for doc in self.documents for hit in doc.negative_hits]

    def to_dict(self) -> dict:
        return {
            "documents": len(self.documents),
            "micro": self.micro.to_dict(),
            "macro": {k: round(v, 4) for k, v in self.macro.items()},
            "relations": {name: score.to_dict() for name, score in self.relations.items()},
            "dates": self.dates.to_dict(),
            "figures": self.figures.to_dict(),
            "must_not_assert_hits": [asdict(h) for h in self.negative_hits],
            "per_document": [doc.to_dict() for doc in self.documents],
        }

    def format_table(self, *, details: bool = False) -> str:
        """A plain-text table; ``details`` adds missed/spurious facts per document."""
        rows = [(name, score) for name, score in self.relations.items()]
        rows += [("micro (all relations)", self.micro)]
        width = max([len(name) for name, _ in rows] + [len("macro (mean of relations)")])
        head = f"{'relation':<{width}}  matched  expected  predicted  precision  recall     F1"
        lines = [head, "-" * len(head)]
        for name, s in rows:
            if name.startswith("micro"):
                lines.append("-" * len(head))
            lines.append(f"{name:<{width}}  {s.matched:>7}  {s.expected:>8}  {s.predicted:>9}  "
                         f"{s.precision:>9.3f}  {s.recall:>6.3f}  {s.f1:>5.3f}")
        macro = self.macro
        lines.append(f"{'macro (mean of relations)':<{width}}  {'':>7}  {'':>8}  {'':>9}  "
                     f"{macro['precision']:>9.3f}  {macro['recall']:>6.3f}  {macro['f1']:>5.3f}")
        dates, figures = self.dates, self.figures
        accuracy = "n/a" if dates.accuracy is None else f"{dates.accuracy:.3f}"
        lines += [
            "",
            f"documents: {len(self.documents)}",
            f"dates of matched facts: {dates.exact}/{dates.compared} exact (accuracy {accuracy}), "
            f"{dates.compatible} compatible",
            f"figures: {figures.matched} matched, {figures.expected} expected, {figures.predicted} predicted",
            f"must_not_assert hits: {len(self.negative_hits)}",
        ]
        lines += [f"  [{h.document}] {h.subject} --{h.relation}--> {h.object}: {h.why}" for h in self.negative_hits]
        if details:
            for doc in self.documents:
                lines += ["", f"== {doc.document}: F1 {doc.score.f1:.3f} "
                              f"({doc.score.matched}/{doc.score.expected} found, {doc.score.predicted} predicted)"]
                if doc.error:
                    lines.append(f"  extraction failed: {doc.error}")
                lines += [f"  missed:   {_show(f)}" for f in doc.missed]
                lines += [f"  spurious: {_show(f)}" for f in doc.spurious]
                lines += [f"  date:     {_show(e)} -- predicted {p.date}" for e, p in doc.wrong_dates]
        return "\n".join(lines)


def _show(fact: Fact) -> str:
    date = f" [{fact.date}]" if fact.date else ""
    return f"{fact.subject} --{fact.relation}--> {fact.object}{date}"


# --------------------------------------------------------------------------- matching


class _Resolver:
    """Which expected entity a name refers to, for one (expected, predicted) document pair.

    Expected names resolve to one expected entity (a name that is no entity becomes one of its
    own). A predicted name refers to the expected entities whose keys it shares; only when it
    shares none does it go through the aliases of the predicted entity that carries it.
    """

    def __init__(self, expected: FactsDocument, predicted: FactsDocument):
        self._keys: list[frozenset[str]] = []
        self._index: dict[str, int] = {}
        for entity in expected.entities:
            keys = frozenset().union(*(name_keys(n) for n in [entity.name, *entity.aliases]))
            self._keys.append(keys)
            for name in [entity.name, *entity.aliases]:
                self._index.setdefault(name, len(self._keys) - 1)
        for item in [*expected.facts, *expected.must_not_assert]:
            self.expected(item.subject)
            self.expected(item.object)
        for figure in expected.figures:
            self.expected(figure.subject)
        self._predicted = [frozenset().union(*(name_keys(n) for n in [e.name, *e.aliases]))
                           for e in predicted.entities]
        self._candidates: dict[str, frozenset[int]] = {}

    def expected(self, name: str) -> int:
        if name not in self._index:
            keys = name_keys(name)
            found = next((i for i, k in enumerate(self._keys) if keys & k), None)
            if found is None:
                self._keys.append(keys)
                found = len(self._keys) - 1
            self._index[name] = found
        return self._index[name]

    def candidates(self, name: str) -> frozenset[int]:
        if name not in self._candidates:
            keys = name_keys(name)
            found = {i for i, k in enumerate(self._keys) if keys & k}
            if not found:
                for predicted_keys in self._predicted:
                    if keys & predicted_keys:
                        found |= {i for i, k in enumerate(self._keys) if predicted_keys & k}
            self._candidates[name] = frozenset(found)
        return self._candidates[name]

    def same(self, expected: Fact | NegativeFact, predicted: Fact) -> bool:
        if expected.relation != predicted.relation:
            return False
        subject, obj = self.expected(expected.subject), self.expected(expected.object)
        s, o = self.candidates(predicted.subject), self.candidates(predicted.object)
        if subject in s and obj in o:
            return True
        return expected.relation in SYMMETRIC_RELATIONS and subject in o and obj in s


def _dates_compatible(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and (len(long) == len(short) or long[len(short)] == "-")


def _same_qualifier(a: str | None, b: str | None) -> bool:
    return (a or "").strip().casefold() == (b or "").strip().casefold()


def score_document(expected: FactsDocument, predicted: FactsDocument, *, document: str | None = None,
                   error: str | None = None) -> DocumentResult:
    """Compare the facts predicted for one announcement with the expected ones."""
    resolver = _Resolver(expected, predicted)
    result = DocumentResult(document=document or expected.announcement.id, error=error)
    facts = expected.facts
    optional = [f.basis == "reference" for f in facts]
    used = [False] * len(facts)
    for fact, is_optional in zip(facts, optional):
        if not is_optional:
            result.relations.setdefault(fact.relation, Score()).expected += 1
    for pf in predicted.facts:
        if pf.basis == "reference":
            continue
        for negative in expected.must_not_assert:
            if resolver.same(negative, pf):
                result.negative_hits.append(NegativeHit(result.document, pf.subject, pf.relation, pf.object,
                                                        negative.why, pf.evidence))
        hits = [i for i, ef in enumerate(facts) if resolver.same(ef, pf)]
        free = sorted((i for i in hits if not used[i]), key=lambda i: (optional[i], facts[i].date != pf.date))
        score = result.relations.setdefault(pf.relation, Score())
        if not free:
            (result.duplicates if hits else result.spurious).append(pf)
            if not hits:
                score.predicted += 1
            continue
        used[free[0]] = True
        if optional[free[0]]:
            continue
        ef = facts[free[0]]
        score.matched += 1
        score.predicted += 1
        result.matched.append((ef, pf))
        if ef.date or pf.date:
            result.dates.compared += 1
            result.dates.exact += ef.date == pf.date
            result.dates.compatible += bool(ef.date and pf.date and _dates_compatible(ef.date, pf.date))
            if ef.date != pf.date:
                result.wrong_dates.append((ef, pf))
    result.missed = [f for f, is_used, is_optional in zip(facts, used, optional) if not (is_used or is_optional)]
    result.relations = {k: v for k, v in result.relations.items() if v.expected or v.predicted}

    figures_used = [False] * len(expected.figures)
    result.figures = Score(expected=len(expected.figures), predicted=len(predicted.figures))
    for pg in predicted.figures:
        for i, eg in enumerate(expected.figures):
            if (not figures_used[i] and resolver.expected(eg.subject) in resolver.candidates(pg.subject)
                    and math.isclose(float(eg.value), float(pg.value), rel_tol=1e-9)
                    and _same_qualifier(eg.qualifier, pg.qualifier)):
                figures_used[i] = True
                result.figures.matched += 1
                break
    return result


def _empty_like(doc: FactsDocument) -> FactsDocument:
    return FactsDocument(announcement=Announcement(id=doc.announcement.id))


def _source_id(doc: FactsDocument) -> str | None:
    source = doc.announcement.source
    if not source:
        return None
    name = os.path.basename(source)
    return slugify(name.rsplit(".", 1)[0]) if "." in name else slugify(name)


def evaluate(predicted: Sequence[FactsDocument], expected: Sequence[FactsDocument]) -> EvaluationReport:
    """Score predicted documents against expected ones, paired by announcement id.

    A predicted document whose id matches no expected one is paired through its source file name;
    expected documents without a prediction count as all missed, predictions without an expected
    document as all spurious.
    """
    remaining = list(predicted)
    report = EvaluationReport()
    for exp in expected:
        wanted = exp.announcement.id
        pred = next((p for p in remaining if p.announcement.id == wanted), None)
        if pred is None:
            pred = next((p for p in remaining if _source_id(p) == wanted), None)
        if pred is None:
            log.info("no prediction for %s; every expected fact counts as missed", wanted)
            pred = _empty_like(exp)
        else:
            remaining.remove(pred)
        report.documents.append(score_document(exp, pred, document=wanted))
    for pred in remaining:
        log.info("prediction %s has no expected document; its facts count as spurious", pred.announcement.id)
        report.documents.append(score_document(_empty_like(pred), pred))
    return report


def evaluate_dir(directory: str | os.PathLike, extract_fn: Callable[[os.PathLike], FactsDocument]
                 ) -> EvaluationReport:
    """Run ``extract_fn`` on the announcement next to every ``*.expected.json`` in ``directory``.

    An extraction that raises a :class:`~clustergraph.errors.ClusterGraphError` is scored as an
    empty prediction and the message is kept in the document's ``error``.
    """
    paths = expected_files(directory)
    if not paths:
        raise InputError("no *.expected.json files in this folder", source=str(directory))
    report = EvaluationReport()
    for path in paths:
        exp = load_facts(path)
        text_path = text_file_for(path)
        try:
            pred, error = extract_fn(text_path), None
        except ClusterGraphError as exc:
            log.warning("extraction of %s failed: %s", text_path, exc)
            pred, error = _empty_like(exp), str(exc)
        report.documents.append(score_document(exp, pred, document=exp.announcement.id, error=error))
    return report
