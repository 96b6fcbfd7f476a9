"""Run every benchmark side by side and write ``benchmarks/RESULTS.md``.

    .venv/bin/python benchmarks/run.py --sizes small,medium,large

For each size: load, the query mix, Turtle export and peak memory of clustergraph's default store,
pyoxigraph used directly and rdflib's in-memory store (each in a process of its own, see
``stores.py``); then ``/sparql`` under waitress vs ``oxigraph serve`` on the same data with 1, 8
and 32 concurrent clients (``http_bench.py``). Once per run: the viewer's graph data for 1k and
10k nodes vs pyvis ``from_nx`` (``viewer_bench.py``) and extraction speed. Prints progress on
stderr, asserts nothing about time. Data files and stores go to ``--workdir`` (``var/bench``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import SIZES, dataset_meta, ensure_dataset  # noqa: E402
from queries import HTTP_QUERIES, query_mix, with_prefixes  # noqa: E402
from report import render_markdown  # noqa: E402

BACKENDS = ("clustergraph", "pyoxigraph", "rdflib")
CONCURRENCY = (1, 8, 32)


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def machine() -> dict:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    from importlib.metadata import PackageNotFoundError, version

    versions = {}
    for package in ("clustergraph", "pyoxigraph", "oxigraph", "oxrdflib", "rdflib", "pyvis", "networkx", "waitress", "flask"):
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = "not installed"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": memory_gib,
        "os": platform.platform(),
        "python": platform.python_version(),
        "versions": versions,
    }


def run_store(backend: str, data: Path, location: Path, repeat: int, budget: float, timeout: float) -> dict:
    command = [sys.executable, str(HERE / "stores.py"), "--backend", backend, "--data", str(data),
               "--location", str(location), "--repeat", str(repeat), "--budget", str(budget)]
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"backend": backend, "error": f"stopped after {timeout:.0f} s"}
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-3:]
        return {"backend": backend, "error": " / ".join(tail) or f"exit code {done.returncode}"}
    result = json.loads(done.stdout)
    result["wall_s"] = time.perf_counter() - started
    return result


def run_http(size_dir: Path, meta: dict, seconds: float, max_requests: int) -> dict:
    from http_bench import clustergraph_server, generate_load, oxigraph_server

    mix = query_mix(meta)
    queries = [with_prefixes(mix[name][1]) for name in HTTP_QUERIES]
    servers = {
        "clustergraph": lambda: clustergraph_server(size_dir / "clustergraph", size_dir / "logs"),
        # the same app with query_timeout 0: queries run in the server's threads, without the
        # time limit's worker process (sparql_limits), to show what that costs
        "clustergraph_no_limit": lambda: clustergraph_server(size_dir / "clustergraph", size_dir / "logs",
                                                             settings={"CLUSTERGRAPH_QUERY_TIMEOUT": "0"}),
        "oxigraph": lambda: oxigraph_server(size_dir / "pyoxigraph", size_dir / "logs"),
    }
    out: dict = {"queries": list(HTTP_QUERIES), "seconds": seconds, "max_requests": max_requests}
    for name, start in servers.items():
        try:
            with start() as url:
                probe = generate_load(url, queries, 1, max_requests=len(queries), max_seconds=30, warmup=0)
                if probe.errors or not probe.requests:
                    out[name] = {"error": f"{url} does not answer the queries with 200 (is the endpoint there?)"}
                    continue
                if name == "clustergraph":
                    out["viewer_graph_json"] = viewer_over_http(url.rsplit("/", 1)[0] + "/graph.json")
                levels = []
                for clients in CONCURRENCY:
                    result = generate_load(url, queries, clients, max_requests=max_requests, max_seconds=seconds)
                    progress(f"  http {name} x{clients}: {result.rps:.0f} req/s, p50 {result.p50_ms:.1f} ms, "
                             f"p99 {result.p99_ms:.1f} ms, {result.errors} errors")
                    levels.append({"clients": clients, "requests": result.requests, "errors": result.errors,
                                   "rps": result.rps, "p50_ms": result.p50_ms, "p99_ms": result.p99_ms})
                out[name] = {"levels": levels}
        except (RuntimeError, OSError) as exc:
            out[name] = {"error": str(exc)}
    return out


def viewer_over_http(url: str, requests: int = 5) -> dict:
    """Seconds for the first ``/graph.json`` (projects the store) and the next ones (cached)."""
    from http_bench import generate_load

    started = time.perf_counter()
    first = generate_load(url, [""], 1, max_requests=1, max_seconds=600, warmup=0)
    first_s = time.perf_counter() - started
    if first.errors or not first.requests:
        return {"error": f"{url} did not answer with 200"}
    later = generate_load(url, [""], 1, max_requests=requests, max_seconds=120, warmup=0)
    result = {"first_s": first_s, "later_p50_s": later.p50_ms / 1000, "requests": later.requests}
    progress(f"  /graph.json: first {first_s:.2f} s, then {later.p50_ms:.0f} ms")
    return result


def run_viewer(node_counts: list[int], repeat: int) -> list[dict]:
    from viewer_bench import measure

    rows = []
    for n in node_counts:
        try:
            row = measure(n, repeat=repeat)
        except Exception as exc:  # report, do not stop the whole run
            row = {"nodes": n, "error": f"{type(exc).__name__}: {exc}"}
        progress(f"viewer {n}: {row}")
        rows.append(row)
    return rows


def run_extraction(count: int, timeout: float) -> dict:
    command = [sys.executable, str(HERE / "extract_bench.py"), "--count", str(count)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"stopped after {timeout:.0f} s"}
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-3:]
        return {"error": " / ".join(tail) or f"exit code {done.returncode}"}
    return json.loads(done.stdout)


def run_benchmarks(args: argparse.Namespace) -> dict:
    results: dict = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "command": args.command_line,
        "machine": machine(),
        "sizes": {},
    }
    for size in args.sizes:
        progress(f"{size}: data")
        data = ensure_dataset(size, args.workdir)
        meta = dataset_meta(data)
        size_dir = args.workdir / "stores" / size
        entry: dict = {"data": meta, "stores": {}}
        for backend in BACKENDS:
            progress(f"{size}: {backend}")
            entry["stores"][backend] = run_store(backend, data, size_dir / backend, args.repeat, args.budget,
                                                 args.timeout)
            progress(f"{size}: {backend}: {json.dumps(entry['stores'][backend])[:300]}")
        if not args.skip_http:
            progress(f"{size}: http")
            entry["http"] = run_http(size_dir, meta, args.http_seconds, args.http_requests)
        results["sizes"][size] = entry
    progress("viewer")
    results["viewer"] = run_viewer(args.viewer_nodes, args.repeat)
    progress("extraction")
    results["extraction"] = run_extraction(args.extract_count, args.timeout)
    progress(f"extraction: {results['extraction']}")
    return results


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="small,medium,large", help=f"comma-separated, of {', '.join(SIZES)}")
    parser.add_argument("--workdir", type=Path, default=Path("var/bench"), help="data files and stores")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md", help="the Markdown report")
    parser.add_argument("--json", type=Path, default=None, help="also write the raw figures as JSON")
    parser.add_argument("--notes", type=Path, default=HERE / "notes.md", help="analysis appended to the report")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (median) / viewer (best)")
    parser.add_argument("--budget", type=float, default=15.0, help="seconds per query after which runs stop")
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds one store may take in all")
    parser.add_argument("--http-seconds", type=float, default=8.0, help="seconds per concurrency level")
    parser.add_argument("--http-requests", type=int, default=50_000, help="most requests per concurrency level")
    parser.add_argument("--skip-http", action="store_true")
    parser.add_argument("--viewer-nodes", default="1000,10000", help="comma-separated node counts")
    parser.add_argument("--extract-count", type=int, default=300, help="announcements to extract")
    parser.add_argument("--from-json", type=Path, default=None,
                        help="measure nothing: write the report again from a JSON file of an earlier run")
    args = parser.parse_args(argv)
    args.sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in args.sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown size(s) {', '.join(unknown)}; known: {', '.join(SIZES)}")
    args.viewer_nodes = [int(n) for n in args.viewer_nodes.split(",") if n.strip()]
    args.command_line = "python benchmarks/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
    return args


def main(argv: list[str] | None = None) -> dict:
    args = parse_args(argv)
    if args.from_json:
        results = json.loads(args.from_json.read_text(encoding="utf-8"))
    else:
        results = run_benchmarks(args)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    notes = args.notes.read_text(encoding="utf-8") if args.notes and args.notes.exists() else ""
    args.out.write_text(render_markdown(results, notes), encoding="utf-8")
    progress(f"wrote {args.out}")
    return results


if __name__ == "__main__":
    main()
