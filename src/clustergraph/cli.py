"""``clustergraph``: a thin click shell over the library.

Exit codes: 0 ok, 1 findings (validation violations, input that could not be extracted or
stored), 2 usage (bad options, unknown files or queries), 3 runtime or store failure.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from clustergraph import __version__
from clustergraph.config import load_settings
from clustergraph.errors import EXIT_FINDINGS, EXIT_RUNTIME, EXIT_USAGE, ClusterGraphError

log = logging.getLogger("clustergraph")


class Context:
    """What every command gets: the settings, and the store opened on first use."""

    def __init__(self, settings):
        self.settings = settings
        self._store = None

    @property
    def store(self):
        if self._store is None:
            from clustergraph.store import open_store

            self._store = open_store(self.settings)
        return self._store

    def close(self):
        if self._store is not None:
            self._store.close()
            self._store = None


pass_ctx = click.make_pass_decorator(Context)


def _progress(items, label):
    return click.progressbar(items, label=label, file=sys.stderr, show_pos=True,
                             hidden=not sys.stderr.isatty())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="clustergraph")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Settings file (TOML).")
@click.option("--store", type=click.Choice(["oxigraph", "memory", "sparql"]), help="Store back-end [env CLUSTERGRAPH_STORE].")
@click.option("--store-path", help="Folder of the embedded store [env CLUSTERGRAPH_STORE_PATH].")
@click.option("--sparql-query-url", help="Remote SPARQL query URL (store=sparql).")
@click.option("--sparql-update-url", help="Remote SPARQL update URL (store=sparql).")
@click.option("--base-iri", help="Base of minted IRIs.")
@click.option("-v", "--verbose", count=True, help="More logging (-vv for debug).")
@click.pass_context
def cli(ctx, config_file, store, store_path, sparql_query_url, sparql_update_url, base_iri, verbose):
    """clustergraph: a knowledge graph of innovation clusters."""
    logging.basicConfig(
        level=[logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)],
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    settings = load_settings(
        file=config_file,
        overrides={
            "store": store,
            "store_path": store_path,
            "sparql_query_url": sparql_query_url,
            "sparql_update_url": sparql_update_url,
            "base_iri": base_iri,
        },
    )
    ctx.obj = Context(settings)
    ctx.call_on_close(ctx.obj.close)


def _report_batch(batch, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(batch.to_dict(), indent=2, ensure_ascii=False))
    else:
        for outcome in batch.outcomes:
            if outcome.ok:
                click.echo(f"stored  {outcome.path}: {outcome.triples} triples" + (f", {outcome.facts} facts" if outcome.facts else ""))
            else:
                click.echo(f"FAILED  {outcome.path}: {outcome.error}", err=True)
        click.echo(f"{len(batch.outcomes) - len(batch.failed)} stored, {len(batch.failed)} failed", err=True)
    if batch.failed:
        sys.exit(EXIT_FINDINGS)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--no-validate", is_flag=True, help="Store without the SHACL check.")
@click.option("--json", "as_json", is_flag=True, help="Report as JSON.")
@pass_ctx
def ingest(ctx, paths, no_validate, as_json):
    """Extract announcements (.txt .md .html .pdf) and store their facts, one transaction each.

    Facts files (.json, the interchange format) are stored as they are.
    """
    from clustergraph.ingest import ANNOUNCEMENT_SUFFIXES, FACTS_SUFFIXES, expand_paths, ingest_files

    files = expand_paths(paths, ANNOUNCEMENT_SUFFIXES + FACTS_SUFFIXES)
    with _progress(files, "ingesting") as bar:
        batch = ingest_files(ctx.store, files, base=ctx.settings.base_iri, validate=not no_validate,
                             max_bytes=ctx.settings.max_input_bytes, progress=lambda _p: bar.update(1))
    _report_batch(batch, as_json)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--reference", is_flag=True, help="Also load the shipped reference data.")
@click.option("--no-validate", is_flag=True, help="Store facts files without the SHACL check.")
@click.option("--json", "as_json", is_flag=True, help="Report as JSON.")
@pass_ctx
def load(ctx, paths, reference, no_validate, as_json):
    """Load RDF files (.ttl .nt .nq .trig .jsonld .rdf) and facts files (.json), or folders of them."""
    from clustergraph.ingest import BatchResult, load_files, load_reference

    if not paths and not reference:
        raise click.UsageError("name files or folders to load, or --reference")
    batch = BatchResult()
    if reference:
        batch.outcomes.extend(load_reference(ctx.store, base=ctx.settings.base_iri).outcomes)
    if paths:
        batch.outcomes.extend(load_files(ctx.store, paths, base=ctx.settings.base_iri, validate=not no_validate).outcomes)
    _report_batch(batch, as_json)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Report as JSON.")
@pass_ctx
def setup(ctx, as_json):
    """Load the reference data and ingest the shipped announcements (idempotent)."""
    from clustergraph.ingest import setup_shipped_data

    _report_batch(setup_shipped_data(ctx.store, base=ctx.settings.base_iri), as_json)


@cli.command()
@click.argument("query", required=False)
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="Parameter of a named query.")
@click.option("-f", "--format", "fmt", default="table", type=click.Choice(["table", "csv", "tsv", "json", "turtle"]),
              show_default=True)
@click.option("--list", "list_named", is_flag=True, help="List the named queries.")
@pass_ctx
def query(ctx, query, params, fmt, list_named):
    """Run SPARQL: the query text, @name (a named query), @file.rq, or - for stdin.

    ASK prints true or false.
    """
    from clustergraph import sparql

    if list_named:
        named_queries = sparql.list_queries()
        width = max((len(q.name) for q in named_queries), default=0) + 2
        for named in named_queries:
            click.echo(f"@{named.name:{width}}{named.title}")
        return
    if query is None or query == "-":
        query = sys.stdin.read()
    if query.startswith("@") and query.endswith(".rq") and Path(query[1:]).is_file():
        query = Path(query[1:]).read_text(encoding="utf-8")
    bound = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.UsageError(f"--param {item!r} is not KEY=VALUE")
        bound[key] = value
    result = sparql.run_query(ctx.store, query, bound, base=ctx.settings.base_iri)
    click.echo(sparql.format_result(result, fmt), nl=False)


@cli.command()
@click.option("-f", "--format", "fmt", default="turtle", show_default=True,
              type=click.Choice(["turtle", "ntriples", "nquads", "trig", "jsonld",
                                 "graphml", "gexf", "csv-nodes", "csv-edges", "html"]))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to a file instead of stdout.")
@click.option("--gzip", "gz", is_flag=True, help="Compress with gzip.")
@click.option("--graph", help="Only this named graph (IRI).")
@click.option("--announcement", metavar="SLUG", help="Only this announcement's named graph.")
@click.option("--focus", metavar="IRI", help="Only the neighbourhood of this resource (IRI, cg:Name or kind/slug).")
@click.option("--depth", type=click.IntRange(0, 5), help="How many facts away from --focus [default 1].")
@click.option("--class", "cls", metavar="CLASS", help="Only the instances of this class (cg:Cluster) with their facts.")
@pass_ctx
def export(ctx, fmt, output, gz, graph, announcement, focus, depth, cls):
    """Export the dataset (Turtle/N-Triples give the union; N-Quads/TriG keep the named graphs).

    Also JSON-LD (named graphs kept), the network (GraphML, GEXF, CSV node and edge lists) and one
    offline HTML page. Subsets: --announcement or --graph (one named graph), --focus with --depth
    (a neighbourhood), --class (the instances of a class with their facts in and out).
    """
    from clustergraph.export import export_dataset

    export_dataset(ctx.store, fmt, output=output, gzip=gz, graph=graph, announcement=announcement,
                   focus=focus, depth=depth, cls=cls, base=ctx.settings.base_iri)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Report as JSON.")
@pass_ctx
def validate(ctx, paths, as_json):
    """Check the store (or RDF / facts files) against the SHACL shapes; exit 1 on violations."""
    from clustergraph.validate import validate_graph, validate_store

    if paths:
        from rdflib import Graph

        from clustergraph.factsfile import load_facts
        from clustergraph.ingest import expand_paths, rdf_format, RDF_FORMATS
        from clustergraph.rdfmap import document_graph

        data = Graph()
        for path in expand_paths(paths, tuple(RDF_FORMATS) + (".json",)):
            if path.suffix.lower() == ".json":
                data += document_graph(load_facts(path), base=ctx.settings.base_iri)[1]
            else:
                data.parse(path, format=rdf_format(path))
        report = validate_graph(data)
    else:
        report = validate_store(ctx.store)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        for finding in report.findings:
            click.echo(str(finding))
        click.echo(f"{report.triples} triples, {len(report.violations)} violations, {len(report.findings)} findings")
    if not report.conforms:
        sys.exit(EXIT_FINDINGS)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="As JSON.")
@pass_ctx
def stats(ctx, as_json):
    """Counts: quads, named graphs, entities per class, facts, announcements."""
    from clustergraph.stats import dataset_stats

    data = dataset_stats(ctx.store)
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    click.echo(f"quads          {data['quads']}")
    click.echo(f"named graphs   {data['graphs']}")
    click.echo(f"announcements  {data['announcements']}")
    click.echo(f"facts          {data['assertions']}")
    for name, count in data["classes"].items():
        click.echo(f"{name:14} {count}")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("-f", "--format", "fmt", default="json", type=click.Choice(["json", "trig"]), show_default=True)
@pass_ctx
def extract(ctx, files, fmt):
    """Extract facts from announcements without storing them (JSON: an object per file, an array for several)."""
    from clustergraph.extract import default_gazetteer, extract_file
    from clustergraph.factsfile import dump_facts
    from clustergraph.ingest import ANNOUNCEMENT_SUFFIXES, expand_paths

    gazetteer = default_gazetteer()
    paths = expand_paths(files, ANNOUNCEMENT_SUFFIXES)
    results = [extract_file(p, gazetteer=gazetteer, max_bytes=ctx.settings.max_input_bytes) for p in paths]
    for path, result in zip(paths, results):
        for finding in result.report:
            log.info("%s: %s", path, finding)
    if fmt == "json":
        docs = [dump_facts(r.document) for r in results]
        click.echo(json.dumps(docs[0] if len(docs) == 1 and len(files) == 1 and Path(files[0]).is_file() else docs,
                              indent=2, ensure_ascii=False))
    else:
        from rdflib import Dataset

        from clustergraph.rdfmap import document_graph

        dataset = Dataset()
        for result in results:
            name, graph = document_graph(result.document, base=ctx.settings.base_iri)
            target = dataset.graph(name)
            for triple in graph:
                target.add(triple)
        for prefix, ns in graph.namespaces():
            dataset.bind(prefix, ns)
        click.echo(dataset.serialize(format="trig"))


@cli.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="As JSON.")
@click.option("--details", is_flag=True, help="List the missed and spurious facts of each document.")
@pass_ctx
def evaluate(ctx, directory, as_json, details):
    """Score the extractor against every *.expected.json in DIRECTORY."""
    from clustergraph.evaluation import evaluate_dir
    from clustergraph.extract import default_gazetteer, extract_file

    gazetteer = default_gazetteer()
    report = evaluate_dir(directory, lambda p: extract_file(p, gazetteer=gazetteer).document)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(report.format_table(details=details))


@cli.command()
@click.option("--host", help="Address to listen on [default 127.0.0.1].")
@click.option("--port", type=int, help="Port [default 5000].")
@click.option("--threads", default=8, show_default=True, help="Worker threads (waitress).")
@click.option("--setup", "do_setup", is_flag=True, help="Load the shipped data first.")
@click.option("--allow-updates", is_flag=True, default=None, help="Accept SPARQL Update with the update token.")
@pass_ctx
def serve(ctx, host, port, threads, do_setup, allow_updates):
    """Serve the SPARQL endpoint, the viewer and the linked data pages (waitress)."""
    import dataclasses

    from waitress import serve as waitress_serve

    from clustergraph.server import create_app

    settings = dataclasses.replace(
        ctx.settings,
        host=host or ctx.settings.host,
        port=port or ctx.settings.port,
        allow_updates=ctx.settings.allow_updates if allow_updates is None else allow_updates,
    )
    if do_setup:
        from clustergraph.ingest import setup_shipped_data

        batch = setup_shipped_data(ctx.store, base=settings.base_iri)
        click.echo(f"shipped data: {len(batch.outcomes) - len(batch.failed)} files stored, {len(batch.failed)} failed", err=True)
    app = create_app(settings, ctx.store)
    click.echo(f"clustergraph serving on http://{settings.host}:{settings.port}/  (store: {settings.store})", err=True)
    waitress_serve(app, host=settings.host, port=settings.port, threads=threads, ident="clustergraph")


def main(argv=None) -> None:
    """Entry point: runs the CLI, turning errors into messages and documented exit codes."""
    try:
        cli.main(args=argv, prog_name="clustergraph", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("aborted", err=True)
        sys.exit(EXIT_RUNTIME)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except ClusterGraphError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # the CLI boundary: never a traceback without -v
        log.debug("internal error", exc_info=True)
        click.echo(f"internal error: {type(exc).__name__}: {exc} (run with -v for details)", err=True)
        sys.exit(EXIT_RUNTIME)
