"""One store, measured in a process of its own: load, the query mix, Turtle export, peak memory.

The runner starts this once per store and size (``python benchmarks/stores.py --backend ...``),
so each store's peak memory is its own and a slow store can be stopped by a time limit. It prints
one JSON object on stdout.

Back-ends:

``clustergraph``  clustergraph's default store (embedded Oxigraph on disk, :mod:`clustergraph.store.oxigraph`)
                  through the project's own paths: :func:`clustergraph.ingest.load_files` (what
                  ``clustergraph load dump.nq`` does), ``Store.query``, :func:`clustergraph.export.write_dataset`
``pyoxigraph``    pyoxigraph used directly, on disk: ``Store.bulk_load``, ``Store.query`` with the union
                  default graph, Turtle of the union serialized by Oxigraph
``rdflib``        rdflib's in-memory ``Dataset(default_union=True)``: ``parse``, ``query``, ``serialize``
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from queries import query_mix, with_prefixes  # noqa: E402


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class ClustergraphBackend:
    def __init__(self, location: Path):
        from clustergraph.config import load_settings
        from clustergraph.store import open_store

        self.store = open_store(load_settings(environ={}, overrides={"store": "oxigraph", "store_path": str(location)}))

    def load(self, path: Path) -> None:
        from clustergraph.ingest import load_files

        batch = load_files(self.store, [path], validate=False)
        if not batch.ok:
            raise RuntimeError(f"clustergraph load failed: {batch.failed[0].error}")

    def query(self, sparql: str) -> int:
        return len(self.store.query(sparql).rows)

    def turtle(self, out) -> None:
        from clustergraph.export import write_dataset

        write_dataset(self.store, out, "turtle")

    def close(self) -> None:
        self.store.close()


class PyoxigraphBackend:
    UNION = "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"

    def __init__(self, location: Path):
        import pyoxigraph as ox

        self.ox = ox
        location.mkdir(parents=True, exist_ok=True)
        self.store = ox.Store(str(location))

    def load(self, path: Path) -> None:
        self.store.bulk_load(path=str(path), format=self.ox.RdfFormat.N_QUADS)

    def query(self, sparql: str) -> int:
        return len([tuple(solution) for solution in self.store.query(sparql, use_default_graph_as_union=True)])

    def turtle(self, out) -> None:
        self.store.query(self.UNION, use_default_graph_as_union=True).serialize(out, self.ox.RdfFormat.TURTLE)

    def close(self) -> None:
        self.store.flush()


class RdflibBackend:
    def __init__(self, location: Path):
        from rdflib import Dataset

        self.dataset = Dataset(default_union=True)

    def load(self, path: Path) -> None:
        self.dataset.parse(str(path), format="nquads")

    def query(self, sparql: str) -> int:
        return len(list(self.dataset.query(sparql)))

    def turtle(self, out) -> None:
        self.dataset.serialize(out, format="turtle")

    def close(self) -> None:
        pass


BACKENDS = {"clustergraph": ClustergraphBackend, "pyoxigraph": PyoxigraphBackend, "rdflib": RdflibBackend}


def timed(func) -> tuple[float, object]:
    start = time.perf_counter()
    value = func()
    return time.perf_counter() - start, value


def run(backend: str, data: Path, location: Path, repeat: int, budget: float, out_dir: Path) -> dict:
    """Measure one back-end on the N-Quads file ``data``; the store is kept at ``location``."""
    meta = json.loads(data.with_suffix(".json").read_text(encoding="utf-8"))
    if location.exists():
        shutil.rmtree(location)
    result: dict = {"backend": backend, "baseline_rss_mib": round(peak_rss_mib(), 1)}
    store = BACKENDS[backend](location)
    result["load_s"], _ = timed(lambda: store.load(data))
    result["rss_after_load_mib"] = round(peak_rss_mib(), 1)
    queries = {}
    for name, (_, sparql) in query_mix(meta).items():
        text = with_prefixes(sparql)
        times, rows = [], None
        while len(times) < repeat and (not times or sum(times) < budget):
            seconds, rows = timed(lambda: store.query(text))
            times.append(seconds)
        queries[name] = {"best_s": min(times), "median_s": statistics.median(times), "first_s": times[0],
                         "runs": len(times), "rows": rows}
    result["queries"] = queries
    out_dir.mkdir(parents=True, exist_ok=True)
    turtle_path = out_dir / f"{backend}.ttl"
    with open(turtle_path, "wb") as out:
        result["turtle_s"], _ = timed(lambda: store.turtle(out))
    result["turtle_bytes"] = turtle_path.stat().st_size
    turtle_path.unlink()
    store.close()
    result["peak_rss_mib"] = round(peak_rss_mib(), 1)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Measure one store (see the module docstring).")
    parser.add_argument("--backend", choices=sorted(BACKENDS), required=True)
    parser.add_argument("--data", type=Path, required=True, help="N-Quads file from generate.py")
    parser.add_argument("--location", type=Path, required=True, help="folder for the on-disk store (kept)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (best and median reported)")
    parser.add_argument("--budget", type=float, default=10.0, help="seconds per query after which runs stop")
    args = parser.parse_args(argv)
    result = run(args.backend, args.data, args.location, args.repeat, args.budget, args.location.parent / "export")
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
