"""Extraction speed: announcements through ``clustergraph.extract.extract_text``, on one core.

Two sets of texts:

* synthetic: the benchmark generator's announcements written out as a press release (title,
  place and date line, body; about 700 characters each);
* real: the documents of ``tests/devset`` and ``tests/external`` (real announcements, plain text,
  Markdown and HTML, 0.5-5k characters), read once and extracted ``--real-repeat`` times.

Prints one JSON object: for the synthetic texts announcements, seconds, per second, facts found
(the figures ``run.py`` reports), and the same for the real texts under ``"real"``; a one-line
summary of both rates goes to stderr. The process pins itself to one CPU when it can
(``--all-cores`` to keep every core). Run: ``.venv/bin/python benchmarks/extract_bench.py --count 300``.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import documents, german_date  # noqa: E402

REAL_DIRS = [Path(__file__).resolve().parent.parent / "tests" / name for name in ("devset", "external")]


def press_release(doc) -> str:
    a = doc.announcement
    return f"Pressemitteilung\n\n{a.title}\n\n{a.place}, {german_date(a.issued)} - {a.text}\n"


def count_facts(result) -> int:
    document = getattr(result, "document", result)
    return len(getattr(document, "facts", []) or [])


def measure(count: int) -> dict:
    try:
        from clustergraph.extract import extract_text
    except ImportError as exc:
        return {"error": f"clustergraph.extract.extract_text is not there yet ({exc})"}
    texts = [press_release(doc) for doc in documents(count)]
    accepts_gazetteer = "gazetteer" in inspect.signature(extract_text).parameters
    options = {}
    setup_start = time.perf_counter()
    if accepts_gazetteer:
        from clustergraph.extract import default_gazetteer  # type: ignore[attr-defined]

        options["gazetteer"] = default_gazetteer()
    setup_s = time.perf_counter() - setup_start
    extract_text(texts[0], **options)  # warm up: lexicons, compiled patterns
    facts = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for text in texts:
        facts += count_facts(extract_text(text, **options))
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    return {"announcements": count, "seconds": seconds, "per_second": count / seconds, "facts": facts,
            "setup_s": setup_s, "chars_per_text": sum(map(len, texts)) // count,
            "per_cpu_second": count / cpu_seconds}


def real_documents(folders: list[Path] = REAL_DIRS) -> list[Path]:
    """The annotated announcements of ``folders``: every file with an ``.expected.json`` beside it."""
    paths = []
    for folder in folders:
        for expected in sorted(folder.glob("*.expected.json")):
            stem = expected.name[: -len(".expected.json")]
            paths += [p for p in sorted(folder.glob(stem + ".*")) if p != expected]
    return paths


def measure_real(repeat: int, folders: list[Path] = REAL_DIRS) -> dict:
    """Extract every real document ``repeat`` times (read from disk once, before the clock starts)."""
    try:
        from clustergraph.extract import default_gazetteer, extract_text
        from clustergraph.extract.reader import PDF_TEXT, read_file
    except ImportError as exc:
        return {"error": f"clustergraph.extract is not there yet ({exc})"}
    inputs = []
    for path in real_documents(folders):
        text, media_type = read_file(path)
        inputs.append((text, "text/plain" if media_type == PDF_TEXT else media_type, str(path)))
    if not inputs or repeat < 1:
        return {"error": "no real documents found" if not inputs else "not asked for (--real-repeat 0)"}
    gazetteer = default_gazetteer()
    for text, media_type, source in inputs:  # warm up
        extract_text(text, source=source, gazetteer=gazetteer, media_type=media_type)
    facts = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for text, media_type, source in inputs:
            facts += count_facts(extract_text(text, source=source, gazetteer=gazetteer, media_type=media_type))
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    announcements = len(inputs) * repeat
    return {"documents": len(inputs), "repeat": repeat, "announcements": announcements, "seconds": seconds,
            "per_second": announcements / seconds, "per_cpu_second": announcements / cpu_seconds,
            "facts": facts // repeat,
            "chars_per_text": sum(len(text) for text, _, _ in inputs) // len(inputs)}


def pin_to_one_cpu() -> int | None:
    """Run on one CPU (as ``taskset -c N``) where the platform allows it; the CPU's number or None."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=300, help="synthetic announcements")
    parser.add_argument("--real-repeat", type=int, default=3, help="passes over the real documents (0: skip)")
    parser.add_argument("--all-cores", action="store_true", help="do not pin the process to one CPU")
    args = parser.parse_args(argv)
    cpu = None if args.all_cores else pin_to_one_cpu()
    result = measure(args.count)
    result["real"] = measure_real(args.real_repeat)
    result["cpu"] = cpu
    result["load_average"] = list(os.getloadavg()) if hasattr(os, "getloadavg") else None
    json.dump(result, sys.stdout)
    real = result["real"]
    summary = (f"synthetic: {result.get('per_second', 0):.0f}/s, {result.get('per_cpu_second', 0):.0f} per CPU second "
               f"({result.get('chars_per_text', 0)} chars each)")
    if "error" not in real:
        summary += (f"; real: {real['per_second']:.0f}/s, {real['per_cpu_second']:.0f} per CPU second "
                    f"({real['chars_per_text']} chars each, {real['documents']} documents)")
    print(summary, file=sys.stderr)


if __name__ == "__main__":
    main()
