"""The rules of docs/ARCHITECTURE.md, checked on the source: imports point down the layers, each
heavy library has one home, no vocabulary IRI is spelled in Python outside vocab.py, and the
tables written twice (for a fast CLI start) agree."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import rdflib.namespace

from clustergraph import vocab

PACKAGE = Path(vocab.__file__).resolve().parent

# The lines of docs/ARCHITECTURE.md, bottom first: a module may import modules of its own line or
# of lines before it. The longest matching name decides (``clustergraph.store`` covers the package).
LAYERS: tuple[tuple[str, ...], ...] = (
    ("clustergraph", "clustergraph.errors", "clustergraph.config", "clustergraph.resources"),
    ("clustergraph.vocab",),
    ("clustergraph.relations", "clustergraph.model"),
    ("clustergraph.factsfile", "clustergraph.rdfmap"),
    ("clustergraph.evaluation",),
    ("clustergraph.store",),
    ("clustergraph.extract",),
    ("clustergraph.validate",),
    ("clustergraph.ingest",),
    ("clustergraph.sparql_check",),
    ("clustergraph.sparql_workers",),
    ("clustergraph.sparql_limits",),
    ("clustergraph.sparql",),
    ("clustergraph.analytics",),
    ("clustergraph.stats",),
    ("clustergraph.describe",),
    ("clustergraph.network",),
    ("clustergraph.ontology_doc",),
    ("clustergraph.export_rdf",),
    ("clustergraph.export_network",),
    ("clustergraph.export_html",),
    ("clustergraph.export",),
    ("clustergraph.void",),
    ("clustergraph.server",),
    ("clustergraph.cli", "clustergraph.__main__"),
)

# library -> the modules (or packages) that may import it
HOMES: dict[str, tuple[str, ...]] = {
    "flask": ("clustergraph.server",),
    "werkzeug": ("clustergraph.server",),
    "pyvis": ("clustergraph.network",),
    "pyshacl": ("clustergraph.validate",),
    "click": ("clustergraph.cli",),
    "pyoxigraph": ("clustergraph.store.oxigraph",),
    "oxrdflib": ("clustergraph.store.oxigraph",),
}

_RDFLIB_NAMESPACES = ("DCAT", "DCTERMS", "FOAF", "ORG", "OWL", "PROV", "RDF", "RDFS", "SDO", "SH", "SKOS", "TIME",
                      "VOID", "XSD")
VOCABULARY_NAMESPACES = (vocab.ONTOLOGY_IRI, str(vocab.SD), str(vocab.FORMATS), str(vocab.WD)) + tuple(
    str(getattr(rdflib.namespace, name)) for name in _RDFLIB_NAMESPACES
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> list[tuple[str, ast.Module]]:
    return [(module_name(path), ast.parse(path.read_text(encoding="utf-8"))) for path in sorted(PACKAGE.rglob("*.py"))]


def imported(tree: ast.Module) -> list[tuple[str, int]]:
    """Every absolute import in ``tree``, at the top or inside functions, with its line."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.module, node.lineno))
    return found


def within(name: str, owner: str) -> bool:
    return name == owner or name.startswith(owner + ".")


def layer(name: str) -> int:
    matches = [(len(prefix), index) for index, group in enumerate(LAYERS) for prefix in group if within(name, prefix)]
    assert matches, f"{name} is in no layer: add it to LAYERS here and to docs/ARCHITECTURE.md"
    return max(matches)[1]


def test_imports_point_down_the_layers():
    upward = []
    for name, tree in modules():
        for target, line in imported(tree):
            if within(target, "clustergraph") and layer(target) > layer(name):
                upward.append(f"{name}:{line} imports {target}")
    assert not upward, "imports pointing up the layers of docs/ARCHITECTURE.md:\n" + "\n".join(upward)


def test_every_heavy_library_has_one_home():
    strays = []
    for name, tree in modules():
        for target, line in imported(tree):
            homes = HOMES.get(target.split(".")[0])
            if homes is not None and not any(within(name, home) for home in homes):
                strays.append(f"{name}:{line} imports {target} (its home: {', '.join(homes)})")
    assert not strays, "\n".join(strays)


def docstrings(tree: ast.Module) -> set[int]:
    """``id()`` of the docstring constants of ``tree`` (prose and doctests may show IRIs)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def test_no_vocabulary_iri_is_spelled_outside_vocab():
    spelled = []
    for name, tree in modules():
        if name == "clustergraph.vocab":
            continue
        skip = docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                hits = [ns for ns in VOCABULARY_NAMESPACES if ns in node.value]
                if hits:
                    spelled.append(f"{name}:{node.lineno} spells {hits[0]} (use clustergraph.vocab)")
    assert not spelled, "\n".join(spelled)


def test_the_rules_see_every_module():
    """The checks above read the whole package, not an empty list."""
    names = {name for name, _ in modules()}
    assert {"clustergraph.vocab", "clustergraph.store.oxigraph", "clustergraph.server.viewer", "clustergraph.cli"} <= names
    assert layer("clustergraph.store.oxigraph") < layer("clustergraph.server.viewer")


# --- tables the CLI spells out (importing them would slow every command down) -------------------

def cli_choices(command: str, option: str) -> list[str]:
    from clustergraph.cli import cli

    group = cli if command == "" else cli.commands[command]
    (param,) = [p for p in group.params if p.name == option]
    return list(param.type.choices)


@pytest.mark.parametrize(
    ("command", "option", "expected"),
    [
        ("", "store", lambda: list(__import__("clustergraph.store", fromlist=["x"]).available_backends())),
        ("query", "fmt", lambda: list(__import__("clustergraph.sparql", fromlist=["x"]).OUTPUT_FORMATS)),
        ("export", "fmt", lambda: list(__import__("clustergraph.export", fromlist=["x"]).FORMATS)),
    ],
)
def test_cli_choices_match_the_library(command, option, expected):
    assert cli_choices(command, option) == expected()


def test_the_base_iri_setting_defaults_to_the_vocabulary_base():
    from clustergraph.config import load_settings

    assert load_settings(environ={}).base_iri == vocab.DEFAULT_BASE


def test_extract_modules_import_no_private_name_of_another_module():
    """``from clustergraph.extract.x import _helper`` couples modules through a name ``x`` may change
    freely: shared helpers get public names (see ``extract/arguments.py``)."""
    crossing = []
    for name, tree in modules():
        if not within(name, "clustergraph.extract"):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and within(node.module, "clustergraph"):
                crossing += [f"{name}:{node.lineno} imports {node.module}.{alias.name}" for alias in node.names
                             if alias.name.startswith("_") and not alias.name.startswith("__")]
    assert not crossing, "private names imported across modules:\n" + "\n".join(crossing)


def test_extract_modules_import_each_other_at_the_top():
    """An import of a package module inside a function hides an import cycle (the fact stages once
    imported ``runners``/``funding``/``partners`` that way); only the standard library may be imported late."""
    late = []
    for name, tree in modules():
        if not within(name, "clustergraph.extract"):
            continue
        for top in tree.body:
            for node in ast.walk(top) if isinstance(top, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)) else ():
                if isinstance(node, ast.ImportFrom) and node.module and within(node.module, "clustergraph"):
                    late.append(f"{name}:{node.lineno} imports {node.module} inside a function")
    assert not late, "\n".join(late)
