"""``RESULTS.md`` from the figures of one run (:func:`render_markdown`), with the targets checked.

>>> seconds(0.0042), seconds(1.234), ratio(2.0, 1.0)
('4.2 ms', '1.23 s', '2.00x')
"""

from __future__ import annotations

import re

from queries import query_mix

# the targets
STORE_VS_PYOXIGRAPH = 1.2  # every store figure at most this many times pyoxigraph's
STORE_VS_RDFLIB = 20.0  # at 1.2M triples, at least this many times faster than rdflib in memory
HTTP_SHARE = 0.5  # at least half the Oxigraph server's throughput
HTTP_P99_MS = 50.0
VIEWER_10K_S = 0.2
EXTRACTION_PER_S = 200.0


def seconds(value: float | None) -> str:
    if value is None:
        return "–"
    if value < 0.1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b == 0:
        return "–"
    return f"{a / b:.2f}x"


def _store_rows(stores: dict) -> list[tuple[str, str, list[float | None], bool]]:
    """(measure, unit, [clustergraph, pyoxigraph, rdflib], is_time)."""
    def get(backend: str, *path):
        value = stores.get(backend, {})
        for key in path:
            if not isinstance(value, dict) or key not in value:
                return None
            value = value[key]
        return value

    rows = [("load", "s", [get(b, "load_s") for b in ("clustergraph", "pyoxigraph", "rdflib")], True)]
    names = next((list(get(b, "queries")) for b in ("clustergraph", "pyoxigraph", "rdflib") if get(b, "queries")), [])
    for name in names:
        rows.append((f"query `{name}`", "s", [get(b, "queries", name, "best_s") for b in ("clustergraph", "pyoxigraph", "rdflib")], True))
    rows.append(("Turtle export", "s", [get(b, "turtle_s") for b in ("clustergraph", "pyoxigraph", "rdflib")], True))
    rows.append(("peak memory", "MiB", [get(b, "peak_rss_mib") for b in ("clustergraph", "pyoxigraph", "rdflib")], False))
    return rows


def _rows_agree(stores: dict, name: str) -> str:
    counts = {b: stores[b]["queries"][name]["rows"] for b in stores if "queries" in stores[b]}
    values = set(counts.values())
    if len(values) <= 1:
        return str(next(iter(values), "–"))
    return "differ: " + ", ".join(f"{b} {n}" for b, n in counts.items())


def store_section(size: str, entry: dict, checks: list[tuple[str, bool, str]]) -> list[str]:
    data, stores = entry["data"], entry["stores"]
    lines = [f"### {size}: {data['quads']:,} quads, {data['announcements']:,} announcements", ""]
    for backend, result in stores.items():
        if "error" in result:
            lines.append(f"- **{backend} failed**: {result['error']}")
    lines += [
        "| measure | clustergraph | pyoxigraph direct | rdflib in memory | clustergraph ÷ pyoxigraph (≤ 1.2) | rdflib ÷ clustergraph (speed-up) | rows |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for measure, unit, (cg, ox, rl), is_time in _store_rows(stores):
        shown = [seconds(v) if is_time else (f"{v:,.0f} MiB" if v is not None else "–") for v in (cg, ox, rl)]
        over = cg is not None and ox is not None and ox > 0 and cg / ox > STORE_VS_PYOXIGRAPH
        vs_ox = ratio(cg, ox) + (" ✗" if over else "")
        rows = _rows_agree(stores, measure.split("`")[1]) if measure.startswith("query") else ""
        lines.append(f"| {measure} | {shown[0]} | {shown[1]} | {shown[2]} | {vs_ox} | {ratio(rl, cg)} | {rows} |")
        if cg is not None and ox is not None:
            checks.append((f"{size}: {measure} within {STORE_VS_PYOXIGRAPH}x of pyoxigraph", not over, ratio(cg, ox)))
        if size == "large" and is_time and cg is not None and rl is not None:
            checks.append((f"{size}: {measure} ≥ {STORE_VS_RDFLIB:.0f}x faster than rdflib", rl / cg >= STORE_VS_RDFLIB,
                           ratio(rl, cg)))
    lines.append("")
    return lines


HTTP_SERVERS = {
    "clustergraph": "clustergraph `/sparql` (default settings)",
    "clustergraph_no_limit": "clustergraph `/sparql`, `query_timeout=0`",
    "oxigraph": "`oxigraph serve`",
}


def http_section(size: str, http: dict, checks: list) -> list[str]:
    lines = [f"#### HTTP at {size}: queries {', '.join(f'`{q}`' for q in http['queries'])} in turn, "
             f"up to {http['seconds']:g} s or {http['max_requests']:,} requests per row", ""]
    for name, title in HTTP_SERVERS.items():
        if "error" in http.get(name, {}):
            lines.append(f"- **{title}**: {http[name]['error']}")
    if lines[-1] != "":
        lines.append("")
    oxigraph = {lv["clients"]: lv for lv in http.get("oxigraph", {}).get("levels", [])}
    rows = [(name, level) for name in HTTP_SERVERS for level in http.get(name, {}).get("levels", [])]
    if rows:
        lines += ["| server | clients | requests/s | p50 | p99 | throughput ÷ Oxigraph server (≥ 0.5) |",
                  "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, level in rows:
        clients = level["clients"]
        reference = oxigraph.get(clients)
        share = ratio(level["rps"], reference["rps"]) if reference and name != "oxigraph" else ""
        errors = f" ({level['errors']} errors)" if level["errors"] else ""
        lines.append(f"| {HTTP_SERVERS[name]} | {clients} | {level['rps']:,.0f}{errors} | {level['p50_ms']:.1f} ms | "
                     f"{level['p99_ms']:.1f} ms | {share} |")
        if name == "clustergraph":
            if reference:
                checks.append((f"{size}: HTTP throughput with {clients} clients ≥ half of Oxigraph's",
                               level["rps"] >= HTTP_SHARE * reference["rps"], share))
            checks.append((f"{size}: HTTP p99 with {clients} clients < {HTTP_P99_MS:.0f} ms",
                           level["p99_ms"] < HTTP_P99_MS, f"{level['p99_ms']:.1f} ms"))
    viewer = http.get("viewer_graph_json")
    if viewer:
        lines.append("")
        if "error" in viewer:
            lines.append(f"`/graph.json` (the whole network): {viewer['error']}")
        else:
            lines.append(f"`/graph.json` (the whole network) from the same server: first request (projects the store) "
                         f"{seconds(viewer['first_s'])}, later ones {seconds(viewer['later_p50_s'])} (median of "
                         f"{viewer['requests']}).")
    lines.append("")
    return lines


def viewer_section(rows: list[dict], checks: list) -> list[str]:
    lines = ["## Viewer graph data", "",
             "clustergraph's `network_data(G)` (vis-network nodes, edges and options, server-side layout "
             "included), and the same as the JSON `/graph.json` sends, vs pyvis fed naively "
             "(`Network.from_nx(G)` + `get_network_data()` as JSON); best of several runs (pyvis once above 2k "
             "nodes). The graph is the entity graph the viewer projects, from the synthetic world "
             "(`benchmarks/viewer_bench.py`).", "",
             "| nodes | edges | clustergraph `network_data` | + JSON (size) | pyvis `from_nx` + JSON | speed-up (with JSON) | target (10k: < 0.2 s) |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for row in rows:
        if "error" in row:
            lines.append(f"| {row['nodes']} | – | {row['error']} | – | – | |")
            continue
        target = ""
        with_json = row.get("clustergraph_json_s", row["clustergraph_s"])
        if row["nodes"] >= 9000:
            met, met_json = row["clustergraph_s"] < VIEWER_10K_S, with_json < VIEWER_10K_S
            target = f"data {'met' if met else 'not met'}, with JSON {'met' if met_json else 'not met'}"
            checks.append((f"viewer data for {row['nodes']:,} nodes < {VIEWER_10K_S} s", met, seconds(row["clustergraph_s"])))
            checks.append((f"viewer data for {row['nodes']:,} nodes as JSON < {VIEWER_10K_S} s", met_json,
                           seconds(with_json)))
        size = f" ({row['json_bytes'] / 1e6:.1f} MB)" if "json_bytes" in row else ""
        lines.append(f"| {row['nodes']:,} | {row['edges']:,} | {seconds(row['clustergraph_s'])} | {seconds(with_json)}{size} | "
                     f"{seconds(row['pyvis_s'])} | {ratio(row['pyvis_s'], with_json)} | {target} |")
    return lines + [""]


def extraction_section(result: dict, checks: list) -> list[str]:
    lines = ["## Extraction", ""]
    if "error" in result:
        return lines + [f"Not measured: {result['error']}.", ""]
    met = result["per_second"] >= EXTRACTION_PER_S
    checks.append((f"extraction ≥ {EXTRACTION_PER_S:.0f} announcements/s", met, f"{result['per_second']:.0f}/s"))
    lines += ["| announcements | chars each | seconds | announcements/s | facts found | ÷ target (200/s) |",
              "| ---: | ---: | ---: | ---: | ---: | ---: |",
              f"| {result['announcements']} | {result['chars_per_text']} | {result['seconds']:.2f} | "
              f"{result['per_second']:.0f} | {result['facts']} | {result['per_second'] / EXTRACTION_PER_S:.2f}x |", ""]
    return lines


TARGET_GROUPS = (  # (words in a check's name, the target as the issue states it)
    ("within 1.2x of pyoxigraph", "every store figure within 1.2x of pyoxigraph used directly"),
    ("faster than rdflib", "every store time at least 20x faster than rdflib in memory at 1.2M triples"),
    ("HTTP throughput", "HTTP throughput at least half of `oxigraph serve`'s"),
    ("HTTP p99", "HTTP p99 under 50 ms for the small queries"),
    ("viewer data", "viewer data for 10k nodes under 0.2 s"),
    ("extraction", "200 announcements per second"),
)


_SHORTER = (
    (re.compile(r" within .*$| ≥ \d+x faster than rdflib$"), ""),
    (re.compile(r"HTTP (?:throughput|p99) with (\d+) clients.*$"), r"\1 clients"),
    (re.compile(r"viewer data for ([\d,]+ nodes)( as JSON)? <.*$"), r"\1\2"),
    (re.compile(r"extraction .*$"), ""),
)


def _short(name: str) -> str:
    """A check's name without its target: ``large: load`` for ``large: load within 1.2x of pyoxigraph``.

    >>> _short("large: HTTP p99 with 8 clients < 50 ms")
    'large: 8 clients'
    """
    for pattern, replacement in _SHORTER:
        name = pattern.sub(replacement, name)
    return name


def targets_section(checks: list[tuple[str, bool, str]], has_large: bool) -> list[str]:
    """A table of the issue's targets (met / checked) and the list of every check not met."""
    missed = [c for c in checks if not c[1]]
    lines = ["## Targets", "", f"{len(checks) - len(missed)} of {len(checks)} checks met.", "",
             "| target | checks met | not met |", "| --- | ---: | --- |"]
    for words, target in TARGET_GROUPS:
        group = [c for c in checks if words in c[0]]
        if not group:
            lines.append(f"| {target} | not measured{'' if has_large or 'rdflib' not in words else ' (large size only)'} | |")
            continue
        failed = [c for c in group if not c[1]]
        shown = "; ".join(f"{_short(name)} {value}".strip() for name, _, value in failed[:5])
        more = f"; and {len(failed) - 5} more (all listed under *Every check not met*)" if len(failed) > 5 else ""
        lines.append(f"| {target} | {len(group) - len(failed)} of {len(group)} | {shown}{more} |")
    lines += ["", "Every check not met:", ""] + [f"- ✗ {name}: {value}" for name, _, value in missed]
    return lines + [""]


def render_markdown(results: dict, notes: str = "") -> str:
    m = results["machine"]
    checks: list[tuple[str, bool, str]] = []
    versions = ", ".join(f"{k} {v}" for k, v in m["versions"].items())
    lines = [
        "# Benchmark results",
        "",
        "Written by `benchmarks/run.py` from one run; do not edit by hand (the analysis at the end comes from "
        "`benchmarks/notes.md`).",
        "",
        f"- **Date**: {results['date']}",
        f"- **Command**: `{results['command']}`",
        f"- **Machine**: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['os']}, Python {m['python']}",
        f"- **Packages**: {versions}",
        "",
    ]
    head_end = len(lines)
    lines += [
        "## Stores: load, queries, Turtle export, peak memory",
        "",
        "Each store runs in a process of its own on the same N-Quads file. clustergraph = the default back-end "
        "(embedded Oxigraph on disk) through the project's own code paths (`ingest.load_files`, `Store.query`, "
        "`export.write_dataset`); pyoxigraph direct = `Store.bulk_load`, `Store.query(use_default_graph_as_union=True)`, "
        "Oxigraph's Turtle serializer; rdflib = `Dataset(default_union=True)` in memory. Query times are the best "
        "of up to `--repeat` runs (fewer when one run is slow; other work shares this 2-core machine, so the "
        "best run is the steadiest figure; medians are in the JSON); peak memory is the process's peak RSS "
        "(about 30 MiB of it is the interpreter and imports). *rows* is the number of answers, which must "
        "agree across stores.",
        "",
    ]
    sample = next(iter(results["sizes"].values()), None)
    if sample:
        lines += ["Queries (full text in `benchmarks/queries.py`):", ""]
        for name, (what, _) in query_mix(sample["data"]).items():
            lines.append(f"- `{name}`: {what}")
        lines.append("")
    body: list[str] = []
    for size, entry in results["sizes"].items():
        body += store_section(size, entry, checks)
        if "http" in entry:
            body += http_section(size, entry["http"], checks)
    lines += body
    lines += viewer_section(results.get("viewer", []), checks)
    lines += extraction_section(results.get("extraction", {"error": "not run"}), checks)
    summary = targets_section(checks, "large" in results["sizes"])
    every_miss = summary.index("Every check not met:")
    lines[head_end:head_end] = summary[:every_miss] + ["The list of every check not met is at the end of the "
                                                        "figures; why they fall short is in the last section.", ""]
    lines += ["## Every check not met", ""] + summary[every_miss + 2:]
    if notes.strip():
        lines += [notes.strip(), ""]
    return "\n".join(lines)
