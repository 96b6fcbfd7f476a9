"""How fast the network page draws a 5,000-node graph in headless chromium, before vs after, vs pyvis.

    .venv/bin/python benchmarks/viewer_draw_bench.py [--nodes 5000 --edges 10000] [--before HEAD]
                                                     [--repeat 3] [--results benchmarks/RESULTS.md]

One run measures, on the same generated graph (``--nodes`` entities, ``--edges`` relations, written
once as N-Quads):

``clustergraph (before)``  the viewer's ``/`` as of the git revision ``--before`` (exported with
                           ``git archive`` into a temporary folder; the repository is not touched)
``clustergraph (after)``   the viewer's ``/`` of this working tree
``pyvis, naive``           ``Network.from_nx(G)`` + ``generate_html()``, physics on (pyvis's
                           defaults), its CDN tags pointed at the vendored vis-network, served locally

Each clustergraph variant runs in a process of its own (``--serve``) over an in-memory store
loaded from the N-Quads file; ``/graph.json`` is asked once first, so the projection of the store
is not part of the page figures (its time is reported as *server, first answer*). In the page an
init script wraps vis-network's event emitter and records, from navigation start: the first frame
(``afterDrawing``), the end of stabilisation (``stabilizationIterationsDone``, or the first frame
when the page uses no physics), then the frames drawn while the mouse drags the view (*frame while
panning*: the median ``beforeDrawing`` -> ``afterDrawing`` time). Physics that never settles is
cut at ``--settle-timeout`` seconds. Figures are medians over ``--repeat`` page loads; nothing is
asserted. ``--results`` appends a section to that Markdown file.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import urllib.request
from datetime import datetime, timezone
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]

# Recorded in every page before its scripts run: vis-network builds its emitter from
# Network.prototype.emit when constructed, so wrapping emit as soon as the bundle assigns
# vis.Network sees every event of every network on the page.
TIMING_SCRIPT = """
(() => {
  const marks = window.__cgBench = {frames: [], events: {}, drawStart: null};
  const vis = {};
  let Real;
  Object.defineProperty(vis, "Network", {
    configurable: true, enumerable: true,
    get() { return Real; },
    set(value) {
      Real = value;
      const emit = value.prototype.emit;
      value.prototype.emit = function (name, ...rest) {
        const now = performance.now();
        window.__cgNetwork = window.__cgNetwork || this;
        if (!(name in marks.events)) marks.events[name] = now;
        if (name === "beforeDrawing") marks.drawStart = now;
        if (name === "afterDrawing" && marks.drawStart !== null) marks.frames.push([marks.drawStart, now]);
        return emit.call(this, name, ...rest);
      };
    },
  });
  window.vis = vis;
})();
"""


# --- the graph ---------------------------------------------------------------------------------


def write_graph(path: Path, n_nodes: int, n_edges: int, seed: int = 5) -> dict:
    """A graph of exactly ``n_nodes`` entities and ``n_edges`` relations as N-Quads (one named graph).

    Länder, ministries, programmes, labels and sectors are hubs; clusters sit in a Land, a sector
    and programmes (dated memberships, so the date slider has work), people manage clusters.
    """
    from rdflib import Literal
    from rdflib.namespace import RDF, RDFS, SKOS

    from clustergraph.vocab import CG, graph_iri, mint

    rng = random.Random(seed)
    graph = graph_iri("announcement", "viewer-draw-bench").n3()
    lines: list[str] = []

    def entity(kind: str, cls, name: str) -> str:
        iri = mint(kind, name).n3()
        label = Literal(name).n3()
        lines.extend([f"{iri} {RDF.type.n3()} {cls.n3()} {graph} .", f"{iri} {RDFS.label.n3()} {label} {graph} .",
                      f"{iri} {SKOS.prefLabel.n3()} {label} {graph} ."])
        return iri

    edges: set[tuple[str, str, str]] = set()

    def edge(s: str, prop, o: str) -> None:
        edges.add((s, prop.n3(), o))

    lands = [entity("region", CG.Region, f"Land {i}") for i in range(16)]
    ministries = [entity("ministry", CG.Ministry, f"Ministry {i}") for i in range(8)]
    programmes = [entity("programme", CG.Programme, f"Programme {i}") for i in range(20)]
    labels = [entity("label", CG.QualityLabel, f"Label {i}") for i in range(6)]
    sectors = [entity("sector", CG.Sector, f"Sector {i}") for i in range(50)]
    hubs = len(lands) + len(ministries) + len(programmes) + len(labels) + len(sectors)
    people = (n_nodes - hubs) * 2 // 5
    clusters = [entity("cluster", CG.Cluster, f"Cluster {i}") for i in range(n_nodes - hubs - people)]
    for i, programme in enumerate(programmes):
        edge(programme, CG.runBy, ministries[i % len(ministries)])
    for i, label in enumerate(labels):
        edge(label, CG.awardedUnder, programmes[i])
    for i, ministry in enumerate(ministries):
        edge(ministry, CG.jurisdiction, lands[i])
    for i in range(people):
        edge(entity("person", CG.Person, f"Person {i}"), CG.managingDirectorOf, clusters[i % len(clusters)])
    for cluster in clusters:
        edge(cluster, CG.locatedIn, rng.choice(lands))
        edge(cluster, CG.sector, rng.choice(sectors))
    memberships = []
    while len(edges) < n_edges:
        cluster = rng.choice(clusters)
        if rng.random() < 0.8:
            programme = rng.choice(programmes)
            if (cluster, CG.memberOf.n3(), programme) not in edges:
                memberships.append((cluster, programme, f"{rng.randint(2008, 2024)}-{rng.randint(1, 12):02d}"))
            edge(cluster, CG.memberOf, programme)
        else:
            edge(cluster, CG.holdsLabel, rng.choice(labels))
    for s, p, o in sorted(edges):
        lines.append(f"{s} {p} {o} {graph} .")
    for index, (cluster, programme, month) in enumerate(memberships):
        node = mint("membership", f"bench-{index}").n3()
        lines.extend([f"{node} {RDF.type.n3()} {CG.Membership.n3()} {graph} .",
                      f"{node} {CG.cluster.n3()} {cluster} {graph} .",
                      f"{node} {CG.programme.n3()} {programme} {graph} .",
                      f"{node} {CG.startDate.n3()} {Literal(month).n3()} {graph} ."])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"nodes": n_nodes, "edges": len(edges), "quads": len(lines)}


def networkx_graph(path: Path):
    """The entity graph of the N-Quads file, as the viewer projects it."""
    from clustergraph.analytics.projection import entity_graph
    from clustergraph.ingest import load_rdf_file
    from clustergraph.store.oxigraph import OxigraphStore

    with OxigraphStore(None) as store:
        outcome = load_rdf_file(store, path)
        if outcome.error:
            raise RuntimeError(outcome.error)
        return entity_graph(store)


# --- the pages ---------------------------------------------------------------------------------


def pyvis_page(G, folder: Path) -> tuple[Path, float]:
    """pyvis used as its documentation suggests, physics on; CDN tags -> the vendored vis-network."""
    import networkx as nx
    from pyvis.network import Network

    simple = nx.MultiDiGraph()
    for node, data in G.nodes(data=True):
        simple.add_node(node, label=next(iter(data["labels"].values())), title=data["type"], group=data["type"])
    for source, target, data in G.edges(data=True):
        simple.add_edge(source, target, title=data["relation"])
    net = Network(height="900px", width="100%", directed=True, cdn_resources="remote")
    started = time.perf_counter()
    net.from_nx(simple)
    html = net.generate_html()
    build_s = time.perf_counter() - started

    def local(match: re.Match) -> str:
        if "vis-network" not in match.group(0):
            return ""
        return '<script src="/vendor/vis-network/vis-network.min.js"></script>'

    html = re.sub(r"<script[^>]*src=\"https?://[^\"]*\"[^>]*>\s*</script>", local, html, flags=re.S)
    html = re.sub(r"<link[^>]*href=\"https?://[^\"]*\"[^>]*/?>", "", html, flags=re.S)
    (folder / "vendor").mkdir(exist_ok=True)
    vendored = folder / "vendor" / "vis-network"
    if not vendored.exists():
        vendored.symlink_to(ROOT / "web" / "vendor" / "vis-network")
    page = folder / "pyvis.html"
    page.write_text(html, encoding="utf-8")
    return page, build_s


class StaticServer:
    """``folder`` over HTTP on a free loopback port, in a thread."""

    def __init__(self, folder: Path):
        class Quiet(SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(folder)))
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class AppProcess:
    """clustergraph's app from ``src`` (a source tree) over the N-Quads file, in a process of its own."""

    def __init__(self, src: Path, data: Path):
        env = dict(os.environ, PYTHONPATH=str(src), CLUSTERGRAPH_LOG_LEVEL="WARNING")
        self.process = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--serve", str(data)],
                                        stdout=subprocess.PIPE, env=env, text=True, cwd=str(src.parent))
        line = self.process.stdout.readline().strip()
        if not line.startswith("http://127.0.0.1:"):
            self.stop()
            raise RuntimeError(f"the app from {src} did not start (said {line!r})")
        self.url = line

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def serve(data: Path) -> None:
    """``--serve``: the app (whichever clustergraph is first on the path) over ``data``; prints its URL."""
    from werkzeug.serving import WSGIRequestHandler, make_server

    from clustergraph.config import load_settings
    from clustergraph.ingest import load_rdf_file
    from clustergraph.server import create_app
    from clustergraph.store.oxigraph import OxigraphStore

    class Quiet(WSGIRequestHandler):
        def log_request(self, *args, **kwargs):
            pass

    store = OxigraphStore(None)
    outcome = load_rdf_file(store, data)
    if outcome.error:
        raise SystemExit(outcome.error)
    app = create_app(load_settings(environ={}, overrides={"store": "memory"}), store=store)
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=Quiet)
    print(f"http://127.0.0.1:{server.server_port}", flush=True)
    server.serve_forever()


def fetch_seconds(url: str) -> float:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    started = time.perf_counter()
    with opener.open(url, timeout=600) as answer:
        answer.read()
    return time.perf_counter() - started


# --- measuring in the browser --------------------------------------------------------------------


def measure_page(browser, url: str, settle_timeout: float) -> dict:
    """Milliseconds from navigation start to the first frame and to a settled layout, the time of a
    full redraw (what a hover highlight or a zoom step costs), then frames while panning."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    outside: list[str] = []

    def route(request_route):
        if urlsplit(request_route.request.url).hostname == "127.0.0.1":
            request_route.continue_()
        else:
            outside.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    context.add_init_script(TIMING_SCRIPT)
    page = context.new_page()
    try:
        # "commit": pyvis's page builds its network in an inline script during parsing, which
        # can hold the load event back for minutes; the wait below is what is measured
        page.goto(url, wait_until="commit", timeout=120_000)
        try:
            page.wait_for_function("() => window.__cgBench.events.afterDrawing !== undefined",
                                   timeout=settle_timeout * 1000, polling=200)
        except Exception:  # noqa: BLE001 - nothing drawn in time: report it as cut
            return {"first_ms": None, "settled_ms": None, "physics": None, "nodes_drawn": None,
                    "frame_ms": None, "redraw_ms": None, "hover_frames": None, "hover_ms": None,
                    "frames": 0, "outside": outside}
        physics = page.evaluate("() => !!(window.__cgNetwork.physics && window.__cgNetwork.physics.physicsEnabled)")
        settled_ms = None
        if physics:
            try:
                page.wait_for_function(
                    "() => window.__cgBench.events.stabilizationIterationsDone !== undefined"
                    " || window.__cgBench.events.stabilized !== undefined",
                    timeout=settle_timeout * 1000, polling=200)
                events = page.evaluate("() => window.__cgBench.events")
                done = ("stabilizationIterationsDone", "stabilized")
                settled_ms = min(events[name] for name in done if name in events)
            except Exception:  # noqa: BLE001 - physics still running: report it as cut
                settled_ms = None
        events = page.evaluate("() => window.__cgBench.events")
        phases = page.evaluate("""() => {
            const nav = performance.getEntriesByType("navigation")[0];
            const out = {response_end: nav.responseEnd};
            for (const m of performance.getEntriesByType("mark")) out[m.name] = m.startTime;
            return out; }""")
        first_ms = events["afterDrawing"]
        if not physics:
            settled_ms = first_ms
        drawn_nodes = page.evaluate("() => window.__cgNetwork.body.nodeIndices.length")
        redraw_ms = page.evaluate("""() => {
            const net = window.__cgNetwork, times = [];
            for (let i = 0; i < 5; i++) {
                const t = performance.now(); net.redraw(); times.push(performance.now() - t); }
            return times.sort((a, b) => a - b)[2]; }""")
        box = page.locator("canvas").first.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        # the pointer sweeping over the graph without a button: what hover highlighting redraws
        before = page.evaluate("() => window.__cgBench.frames.length")
        for step in range(40):
            page.mouse.move(box["x"] + box["width"] * (0.25 + step / 80), y + 40 * math.sin(step / 3))
            page.wait_for_timeout(25)
        page.wait_for_timeout(200)
        swept = page.evaluate("() => window.__cgBench.frames")[before:]
        hover_ms = sum(end - start for start, end in swept)
        before = page.evaluate("() => window.__cgBench.frames.length")
        page.mouse.move(x, y)
        page.mouse.down()
        for step in range(1, 21):
            page.mouse.move(x + 8 * step, y + 5 * step)
            page.wait_for_timeout(30)
        page.mouse.up()
        page.wait_for_timeout(200)
        frames = page.evaluate("() => window.__cgBench.frames")[before:]
        frame_ms = statistics.median(end - start for start, end in frames) if frames else None
        return {"first_ms": first_ms, "settled_ms": settled_ms, "physics": physics, "nodes_drawn": drawn_nodes,
                "phases": phases, "draw_start": events.get("beforeDrawing"), "redraw_ms": redraw_ms,
                "hover_frames": len(swept), "hover_ms": hover_ms,
                "frame_ms": frame_ms, "frames": len(frames), "outside": outside}
    finally:
        context.close()


def median_of(runs: list[dict], key: str):
    values = [run[key] for run in runs if run.get(key) is not None]
    if len(values) < len(runs):
        return None  # at least one run never got there
    return statistics.median(values)


def source_tree(ref: str, into: Path) -> Path:
    """The files of git revision ``ref`` under ``into`` (``git archive``; git state untouched)."""
    archive = into / "before.tar"
    with open(archive, "wb") as out:
        subprocess.run(["git", "-C", str(ROOT), "archive", ref, "src", "web"], stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "before", filter="data")
    return into / "before" / "src"


def run(args: argparse.Namespace) -> dict:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="viewer-draw-") as tmp:
        folder = Path(tmp)
        data = folder / "graph.nq"
        shape = write_graph(data, args.nodes, args.edges)
        G = networkx_graph(data)
        shape.update(projected_nodes=G.number_of_nodes(), projected_edges=G.number_of_edges())
        print(f"graph: {shape}", file=sys.stderr)
        variants: list[tuple[str, object]] = []
        if args.before and Path(args.before, "src").is_dir():
            variants.append((f"clustergraph before ({args.before})", Path(args.before, "src").resolve()))
        elif args.before:
            variants.append((f"clustergraph before ({args.before})", source_tree(args.before, folder)))
        variants.append(("clustergraph after (working tree)", ROOT / "src"))
        pyvis_file, pyvis_build_s = pyvis_page(G, folder) if args.pyvis_repeat else (None, 0.0)
        rows: list[dict] = []
        timing: dict[str, dict] = {}
        loads: dict[str, list[dict]] = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                apps = []
                try:
                    for name, src in variants:
                        app = AppProcess(src, data)
                        apps.append((name, app))
                        timing[name] = {"server_first_s": fetch_seconds(app.url + "/graph.json"),
                                        "server_again_s": fetch_seconds(app.url + "/")}
                    for _ in range(args.repeat):  # alternating, so both see the same load on the machine
                        for name, app in apps:
                            loads.setdefault(name, []).append(measure_page(browser, app.url + "/", args.settle_timeout))
                finally:
                    for _name, app in apps:
                        app.stop()
                for name, _app in apps:
                    rows.append(summarise(name, loads[name], **timing[name]))
                    print(f"{name}: {rows[-1]}", file=sys.stderr)
                runs = []
                if pyvis_file is not None:
                    static = StaticServer(folder)
                    try:
                        runs = [measure_page(browser, static.url + "/" + pyvis_file.name, args.settle_timeout)
                                for _ in range(args.pyvis_repeat)]
                    finally:
                        static.stop()
                if runs:
                    rows.append(summarise("pyvis, naive (physics on)", runs, build_s=pyvis_build_s))
                    print(f"pyvis: {rows[-1]}", file=sys.stderr)
            finally:
                browser.close()
    return {"graph": shape, "rows": rows, "settle_timeout_s": args.settle_timeout,
            "when": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "load": os.getloadavg()}


def summarise(name: str, runs: list[dict], **extra) -> dict:
    firsts = [run["first_ms"] for run in runs if run.get("first_ms") is not None]
    return {"variant": name, "runs": len(runs), "first_ms": median_of(runs, "first_ms"),
            "first_min_ms": min(firsts) if len(firsts) == len(runs) else None,
            "settled_ms": median_of(runs, "settled_ms"), "frame_ms": median_of(runs, "frame_ms"),
            "redraw_ms": median_of(runs, "redraw_ms"), "phases": [run.get("phases") for run in runs],
            "hover_frames": median_of(runs, "hover_frames"), "hover_ms": median_of(runs, "hover_ms"),
            "physics": runs[0]["physics"], "nodes_drawn": max(run["nodes_drawn"] or 0 for run in runs),
            "outside": sorted({url for run in runs for url in run["outside"]}), **extra}


# --- the report ----------------------------------------------------------------------------------


def _ms(value, cut: float | None = None) -> str:
    if value is None:
        return f"> {cut:.0f} s (cut)" if cut else "n/a"
    return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.0f} ms"


def sweep(row: dict) -> str:
    if row.get("hover_frames") is None:
        return "n/a"
    return f"{row['hover_frames']:.0f}, {_ms(row['hover_ms'])}"


def physics_text(physics: bool | None) -> str:
    return {True: "on", False: "off"}.get(physics, "?")


def markdown(result: dict) -> str:
    graph = result["graph"]
    lines = [
        f"## Viewer: a {graph['nodes']:,}-node graph drawn in headless chromium",
        "",
        f"`benchmarks/viewer_draw_bench.py`, {result['when']}, load average "
        f"{', '.join(f'{x:.1f}' for x in result['load'])} (2 shared cores). A generated graph of "
        f"{graph['projected_nodes']:,} entities and {graph['projected_edges']:,} relations; times from navigation "
        "start in Debian's headless chromium (software rendering), medians of the page loads. *first frame*: "
        "vis-network's first `afterDrawing`; *settled*: stabilisation done (the first frame when the page runs no "
        "physics); *full redraw*: one `network.redraw()` with every edge (what each hover highlight or zoom step "
        "costs); *pointer sweep*: frames drawn, and milliseconds spent drawing them, while the pointer crosses the "
        "graph for about two seconds without a button; *frame while panning*: median draw time of the frames "
        "during a mouse drag. Server times are "
        "outside the page figures (`/graph.json` is asked once first).",
        "",
        "| variant | loads | nodes drawn | first frame (fastest) | settled | full redraw "
        "| pointer sweep: frames, drawing | frame while panning | physics | server, first answer | `/` again |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
    ]
    cut = result["settle_timeout_s"]
    for row in result["rows"]:
        server = _ms(row["server_first_s"] * 1000) if "server_first_s" in row else f"pyvis build {row['build_s']:.2f} s"
        again = _ms(row["server_again_s"] * 1000) if "server_again_s" in row else ""
        lines.append(
            f"| {row['variant']} | {row['runs']} | {row['nodes_drawn']:,} | {_ms(row['first_ms'], cut)} "
            f"({_ms(row['first_min_ms'], cut)}) | {_ms(row['settled_ms'], cut)} | {_ms(row['redraw_ms'])} | "
            f"{sweep(row)} | "
            f"{_ms(row['frame_ms'])} | "
            f"{physics_text(row['physics'])} | {server} | {again} |")
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=10000)
    parser.add_argument("--before", default="HEAD",
                        help="git revision, or a folder holding src/ and web/, to compare with ('' to skip)")
    parser.add_argument("--repeat", type=int, default=3, help="page loads per clustergraph variant")
    parser.add_argument("--pyvis-repeat", type=int, default=1, help="page loads of the pyvis page (0: skip it)")
    parser.add_argument("--settle-timeout", type=float, default=90.0, help="seconds to wait for physics to settle")
    parser.add_argument("--results", type=Path, default=None, help="append the Markdown section to this file")
    parser.add_argument("--json", type=Path, default=None, help="also write the raw figures here")
    parser.add_argument("--serve", type=Path, default=None, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.serve:
        serve(args.serve)
        return
    result = run(args)
    text = markdown(result)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    if args.results:
        with open(args.results, "a", encoding="utf-8") as out:
            out.write("\n" + text)


if __name__ == "__main__":
    main()
