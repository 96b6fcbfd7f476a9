"""Loading one N-Quads dump, side by side: clustergraph's load path before and after it moved to
Oxigraph's own parser, pyoxigraph's ``bulk_load`` and rdflib in memory.

    .venv/bin/python benchmarks/load_bench.py --sizes medium,large

Each measurement runs in a process of its own (so its peak memory is its own) on the data files
of ``generate.py`` (made when missing). Ways of loading:

``rdflib + replace_graph``  the path before: rdflib parses the file, then one SPARQL update per
                            graph (``Store.load`` of :class:`clustergraph.store.base.Store`)
``clustergraph load``       ``ingest.load_files`` into a new store: Oxigraph's parser, ``extend``
``clustergraph reload``     the same file again into that store (every graph is there already, the
                            same: nothing to write)
``clustergraph reingest``   a re-ingest: the file again with another time of ingest in every
                            announcement, so every announcement's graph is replaced
``pyoxigraph bulk_load``    pyoxigraph used directly; not transactional, the floor
``rdflib in memory``        ``Dataset.parse`` only

With ``--repeat N`` the ways run N rounds, interleaved, and the best round counts (other work on a
shared machine only ever slows a run down; all rounds are in the JSON). Prints one JSON object per
size on stdout and, with ``--markdown``, a table. Asserts no times.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import ensure_dataset, dataset_meta  # noqa: E402

WAYS = ("rdflib + replace_graph", "clustergraph load", "clustergraph reload", "clustergraph reingest",
        "pyoxigraph bulk_load", "rdflib in memory")
INGEST_TIME = b'"2025-01-15T12:00:00+00:00"'  # what generate.py writes as every announcement's time of ingest
LATER_TIME = b'"2025-02-20T08:30:00+00:00"'


def changed_copy(data: Path) -> Path:
    """``data`` with another time of ingest in every announcement (made once, next to it)."""
    target = data.with_name(data.stem + "-reingested.nq")
    if not target.exists():
        with open(data, "rb") as source, open(target, "wb") as out:
            for line in source:
                out.write(line.replace(INGEST_TIME, LATER_TIME))
    return target


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(way: str, data: Path, location: Path) -> dict:
    """Seconds (and quads stored) of one way of loading ``data``; the store goes to ``location``."""
    if location.exists():
        shutil.rmtree(location)
    result: dict = {"way": way}
    if way == "rdflib in memory":
        from rdflib import Dataset

        dataset = Dataset()
        started = time.perf_counter()
        dataset.parse(str(data), format="nquads")
        result["seconds"] = time.perf_counter() - started
        result["quads"] = sum(1 for _ in dataset.quads((None, None, None, None)))
    elif way == "pyoxigraph bulk_load":
        import pyoxigraph as ox

        location.mkdir(parents=True)
        store = ox.Store(str(location))
        started = time.perf_counter()
        store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
        result["seconds"] = time.perf_counter() - started
        result["quads"] = len(store)
    else:
        from rdflib import URIRef

        from clustergraph.ingest import load_files
        from clustergraph.store.base import Store
        from clustergraph.store.oxigraph import OxigraphStore

        store = OxigraphStore(location)
        if way == "rdflib + replace_graph":
            started = time.perf_counter()
            Store.load(store, data, "nquads", graph=URIRef("urn:x-bench:default"))
        else:
            if way.startswith("clustergraph reload"):
                load_files(store, [data], validate=False)
            again = changed_copy(data) if way == "clustergraph reingest" else data
            started = time.perf_counter()
            batch = load_files(store, [again], validate=False)
            if not batch.ok:
                raise RuntimeError(batch.failed[0].error)
        result["seconds"] = time.perf_counter() - started
        result["quads"] = store.count()
        store.close()
    result["peak_rss_mib"] = round(peak_rss_mib(), 1)
    return result


def run_once(way: str, data: Path, location: Path, timeout: float) -> dict:
    command = [sys.executable, __file__, "--one", way, "--data", str(data), "--location", str(location)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"way": way, "error": f"stopped after {timeout:g} s"}
    if done.returncode != 0:
        return {"way": way, "error": " ".join(done.stderr.strip().splitlines()[-1:])}
    return json.loads(done.stdout)


def run_size(size: str, workdir: Path, ways: tuple[str, ...], timeout: float, repeat: int = 1) -> dict:
    data = ensure_dataset(size, workdir)
    figures: dict = {"size": size, "quads": dataset_meta(data)["quads"], "ways": {}}
    rounds: dict[str, list[dict]] = {way: [] for way in ways}
    for _round in range(repeat):
        for way in ways:
            result = run_once(way, data, workdir / "load-store", timeout)
            rounds[way].append(result)
            print(f"{size}: {way}: {result}", file=sys.stderr, flush=True)
    for way, results in rounds.items():
        good = [r for r in results if "error" not in r]
        best = dict(min(good, key=lambda r: r["seconds"])) if good else dict(results[-1])
        best["rounds"] = [r.get("seconds") for r in results]
        figures["ways"][way] = best
    shutil.rmtree(workdir / "load-store", ignore_errors=True)
    return figures


def markdown(all_figures: list[dict]) -> str:
    lines = ["| size | way | seconds (best) | ÷ bulk_load | peak memory | every round |",
             "| --- | --- | ---: | ---: | ---: | --- |"]
    for figures in all_figures:
        floor = figures["ways"].get("pyoxigraph bulk_load", {}).get("seconds")
        for way, row in figures["ways"].items():
            label = f"{figures['size']} ({figures['quads']:,} quads)"
            if "error" in row:
                lines.append(f"| {label} | {way} | {row['error']} | | | |")
                continue
            ratio = f"{row['seconds'] / floor:.1f}x" if floor else ""
            every = ", ".join("-" if s is None else f"{s:.1f}" for s in row.get("rounds", []))
            lines.append(f"| {label} | {way} | {row['seconds']:.2f} s | {ratio} | {row['peak_rss_mib']:.0f} MiB | {every} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="medium", help="comma-separated: small, medium, large")
    parser.add_argument("--ways", default=",".join(WAYS), help="comma-separated, of: " + ", ".join(WAYS))
    parser.add_argument("--workdir", type=Path, default=Path("var/bench"))
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per measurement")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of every way; the best one counts")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--location", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        json.dump(measure(args.one, args.data, args.location), sys.stdout)
        return
    ways = tuple(way.strip() for way in args.ways.split(","))
    unknown = set(ways) - set(WAYS)
    if unknown:
        parser.error(f"unknown ways: {', '.join(sorted(unknown))}")
    all_figures = [run_size(size.strip(), args.workdir, ways, args.timeout, args.repeat) for size in args.sizes.split(",")]
    for figures in all_figures:
        print(json.dumps(figures))
    if args.markdown:
        print(markdown(all_figures))


if __name__ == "__main__":
    main()
