"""Extraction speed: synthetic announcements through ``clustergraph.extract.extract_text``.

The texts are the benchmark generator's announcements written out as a press release (title,
place and date line, body). Prints one JSON object: announcements, seconds, per second, facts
found. Run: ``.venv/bin/python benchmarks/extract_bench.py --count 300``.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import documents, german_date  # noqa: E402


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
    start = time.perf_counter()
    for text in texts:
        facts += count_facts(extract_text(text, **options))
    seconds = time.perf_counter() - start
    return {"announcements": count, "seconds": seconds, "per_second": count / seconds, "facts": facts,
            "setup_s": setup_s, "chars_per_text": sum(map(len, texts)) // count}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=300)
    args = parser.parse_args(argv)
    json.dump(measure(args.count), sys.stdout)


if __name__ == "__main__":
    main()
